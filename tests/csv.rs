//! CSV files: every accepted variant, and every refusal with its line and column.

mod common;
use backprop_playground::data::csv::{parse, CsvOptions, MAX_BYTES, MAX_ROWS};
use backprop_playground::data::{CsvFormat, Table};
use backprop_playground::Error;
use common::*;

fn read(text: &str) -> Table {
    parse(text, &CsvOptions::default()).unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
}

/// The (line, column, message) of a refused file.
fn refusal(text: &str) -> (usize, usize, String) {
    refusal_with(text, CsvOptions::default())
}

fn refusal_with(text: &str, options: CsvOptions) -> (usize, usize, String) {
    match parse(text, &options) {
        Err(Error::Csv { line, column, detail }) => (line, column, detail.to_string()),
        other => panic!("{:.60?} should be refused with a line and column, got {other:?}", text),
    }
}

#[test]
fn a_header_row_names_the_columns_and_the_rest_is_read_as_numbers() {
    let t = read("x1,x2,y\n1,2.5,0\n-3,4e-1,1\n");
    assert_eq!(t.columns, ["x1", "x2", "y"]);
    assert_matrix(t.rows.view(), &[&[1.0, 2.5, 0.0], &[-3.0, 0.4, 1.0]]);
    assert_eq!(t.lines, [2, 3]);
    assert_eq!(t.format, Some(CsvFormat { delimiter: b',', header: true }));
    assert_eq!(t.text, [None, None, None]);
}

#[test]
fn without_a_header_the_columns_are_numbered_and_the_first_line_is_data() {
    let t = read("1,2,0\n3,4,1\n");
    assert_eq!(t.columns, ["column 1", "column 2", "column 3"]);
    assert_matrix(t.rows.view(), &[&[1.0, 2.0, 0.0], &[3.0, 4.0, 1.0]]);
    assert_eq!(t.lines, [1, 2]);
    assert!(!t.format.unwrap().header);
}

#[test]
fn the_header_can_be_forced_on_or_off() {
    // Numeric column names look like data unless the user says otherwise.
    let t = parse("1,2,3\n4,5,6\n7,8,9\n", &CsvOptions { header: Some(true), delimiter: None }).unwrap();
    assert_eq!(t.columns, ["1", "2", "3"]);
    assert_eq!(t.len(), 2);
    // Forced off, the names become the first row: "a" starts a text column, "1" is one of its values.
    let t = parse("a,b\n1,2\n3,4\n", &CsvOptions { header: Some(false), delimiter: None }).unwrap();
    assert_eq!(t.columns, ["column 1", "column 2"]);
    assert_eq!(t.text[0].as_deref(), Some(&["1".to_string(), "3".into(), "a".into()][..]));
}

#[test]
fn semicolons_and_tabs_are_sniffed_and_may_be_forced() {
    for (text, delimiter) in
        [("a;b;y\n1;2;0\n3;4;1\n", b';'), ("a\tb\ty\n1\t2\t0\n3\t4\t1\n", b'\t'), ("a,b,y\n1,2,0\n3,4,1\n", b',')]
    {
        let t = read(text);
        assert_eq!(t.format.unwrap().delimiter, delimiter, "{text:?}");
        assert_eq!(t.columns, ["a", "b", "y"]);
        assert_matrix(t.rows.view(), &[&[1.0, 2.0, 0.0], &[3.0, 4.0, 1.0]]);
    }
    // A comma inside quotes does not count; the semicolon splits every line the same way.
    let t = read("\"name, long\";y\n1;0\n2;1\n");
    assert_eq!(t.columns, ["name, long", "y"]);
    let forced = parse("a;b\n1;2\n3;4\n", &CsvOptions { header: Some(true), delimiter: Some(b',') }).unwrap();
    assert_eq!(forced.columns, ["a;b"], "forced commas leave one column");
}

#[test]
fn quoted_fields_crlf_line_ends_and_a_byte_order_mark_are_accepted() {
    let t = read("\u{feff}\"x 1\",\"x2\",\"y\"\r\n\"1.5\",2,0\r\n3,\"4\",1\r\n");
    assert_eq!(t.columns, ["x 1", "x2", "y"]);
    assert_matrix(t.rows.view(), &[&[1.5, 2.0, 0.0], &[3.0, 4.0, 1.0]]);
    assert_eq!(t.lines, [2, 3]);
    // A quoted header spanning two lines: the next record starts on line 3.
    let t = read("\"first\ninput\",y\n1,0\n2,1\n");
    assert_eq!(t.columns, ["first\ninput", "y"]);
    assert_eq!(t.lines, [3, 4]);
}

#[test]
fn blank_lines_and_spaces_around_fields_are_ignored() {
    let t = read("\nx , y\n\n 1 , 0 \n\n2,1\n\n");
    assert_eq!(t.columns, ["x", "y"]);
    assert_matrix(t.rows.view(), &[&[1.0, 0.0], &[2.0, 1.0]]);
    assert_eq!(t.lines, [4, 6]);
}

#[test]
fn a_text_column_is_read_as_sorted_class_names() {
    let t = read("length,species\n1.4,setosa\n4.7,versicolor\n1.3,setosa\n6.0,virginica\n");
    assert_eq!(t.text[1].as_deref(), Some(&["setosa".to_string(), "versicolor".into(), "virginica".into()][..]));
    assert_eq!(t.text[0], None);
    assert_eq!(t.rows.column(1).to_vec(), [0.0, 1.0, 0.0, 2.0]);
    // Without a header, a class-name column does not make the first line a header.
    let t = read("1.4,setosa\n4.7,versicolor\n");
    assert_eq!(t.columns, ["column 1", "column 2"]);
    assert_eq!(t.len(), 2);
}

#[test]
fn an_empty_file_is_refused_at_line_1() {
    for text in ["", "\u{feff}", "\n\n  \n", "\r\n"] {
        let (line, column, message) = refusal(text);
        assert_eq!((line, column), (1, 1));
        assert!(message.contains("empty"), "{message}");
    }
    let (line, _, message) = refusal(",,\n,,\n");
    assert_eq!(line, 1);
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn a_ragged_row_is_refused_at_its_first_missing_or_extra_field() {
    let (line, column, message) = refusal("a,b,y\n1,2,0\n3,4\n5,6,1\n");
    assert_eq!((line, column), (3, 3));
    assert!(message.contains("2 fields") && message.contains('3'), "{message}");
    let (line, column, _) = refusal("a,b,y\r\n1,2,0\r\n5,6,1\r\n3,4,1,9\r\n");
    assert_eq!((line, column), (4, 4));
}

#[test]
fn a_cell_that_is_not_a_number_is_refused_with_its_line_and_column() {
    let (line, column, message) = refusal("x1,x2,y\n1,2,0\n3,abc,1\n");
    assert_eq!((line, column), (3, 2));
    assert!(message.contains("\"abc\" is not a number"), "{message}");
    let (_, _, message) = refusal("x1;x2;y\n1;2;0\n3;4,5;1\n");
    assert!(message.contains("point"), "a decimal comma gets a hint: {message}");
}

#[test]
fn an_empty_cell_is_refused_with_its_line_and_column() {
    let (line, column, message) = refusal("x1,x2,y\n1,2,0\n3,,1\n");
    assert_eq!((line, column), (3, 2));
    assert!(message.contains("empty"), "{message}");
    let (line, column, _) = refusal("x1,y\n1,a\n2,\n");
    assert_eq!((line, column), (3, 2), "empty cells are refused in text columns too");
}

#[test]
fn nan_and_infinite_cells_are_refused_with_their_line_and_column() {
    for cell in ["NaN", "nan", "inf", "-Infinity", "1e999"] {
        let (line, column, message) = refusal(&format!("x1,x2,y\n1,2,0\n3,4,1\n5,{cell},1\n"));
        assert_eq!((line, column), (4, 2), "{cell}");
        assert!(message.contains("finite"), "{message}");
    }
}

#[test]
fn fewer_than_two_data_rows_are_refused() {
    let (line, column, message) = refusal("x,y\n1,0\n");
    assert_eq!((line, column), (3, 1));
    // One row is "1 data row", not "1 data rows".
    assert_eq!(message, "the file has 1 data row; at least 2 are needed");
    let (line, _, message) = refusal("x,y\n");
    assert_eq!(line, 2);
    assert_eq!(message, "the file has 0 data rows; at least 2 are needed");
}

#[test]
fn more_columns_than_the_input_limit_allows_are_refused() {
    let header: Vec<String> = (0..1026).map(|j| format!("c{j}")).collect();
    let row = vec!["1"; 1026].join(",");
    let (line, column, message) = refusal(&format!("{}\n{row}\n{row}\n", header.join(",")));
    assert_eq!((line, column), (1, 1026));
    assert!(message.contains("1026 columns") && message.contains("1024 inputs"), "{message}");
    // 1024 inputs and the target are fine.
    let row = vec!["1"; 1025].join(",");
    assert_eq!(read(&format!("{row}\n{row}\n")).columns.len(), 1025);
}

#[test]
fn more_rows_than_the_limit_are_refused_at_the_first_row_too_many() {
    let ok = format!("x,y\n{}", "1,0\n".repeat(MAX_ROWS));
    assert_eq!(read(&ok).len(), MAX_ROWS);
    let (line, column, message) = refusal(&format!("x,y\n{}", "1,0\n".repeat(MAX_ROWS + 1)));
    assert_eq!((line, column), (MAX_ROWS + 2, 1));
    assert!(message.contains("100000"), "{message}");
    let (line, _, _) = refusal(&"1,0\n".repeat(MAX_ROWS + 5));
    assert_eq!(line, MAX_ROWS + 1, "without a header the first row too many is on line 100001");
}

#[test]
fn a_file_over_10_mb_is_refused_at_the_line_where_it_passes_the_limit() {
    let line = format!("{},1\n", "1".repeat(1021)); // 1 KiB per line
    let text = format!("x,y\n{}", line.repeat(MAX_BYTES / 1024 + 1));
    let (at, column, message) = refusal(&text);
    // "x,y\n" is 4 bytes, so the limit falls inside data line 10240 (file line 10241).
    assert_eq!((at, column), (10241, 1));
    assert!(message.contains("the file is 10.0 MB") && message.contains("limit of 10 MB"), "{message}");
}

#[test]
fn the_shipped_iris_and_digits_files_have_their_documented_shapes() {
    let iris = read(&std::fs::read_to_string("www/data/iris.csv").unwrap());
    assert_eq!(iris.rows.dim(), (150, 5));
    assert_eq!(iris.columns.last().unwrap(), "target");
    let digits = read(&std::fs::read_to_string("www/data/digits.csv").unwrap());
    assert_eq!(digits.rows.dim(), (1797, 65));
    assert_eq!(digits.columns[0], "px0_0");
    assert!(digits.rows.iter().all(|&v| (0.0..=16.0).contains(&v)));
}

#[test]
fn a_text_column_with_more_different_values_than_a_network_has_outputs_is_refused() {
    let rows: String = (0..300).map(|i| format!("{i},name{i:03}\n")).collect();
    let (line, column, message) = refusal(&format!("x,label\n{rows}"));
    // name000 … name255 are 256 classes; name256 on data row 257 (line 258) is one too many.
    assert_eq!((line, column), (258, 2));
    assert!(message.contains("\"name256\"") && message.contains("256"), "{message}");
}

#[test]
fn a_file_at_both_limits_is_read() {
    // 100 000 rows of 50 one-digit cells: 10 MB less a little, 5 million numbers.
    let row = format!("{}1\n", "1,".repeat(49));
    let text = format!(
        "{}{}",
        (1..=50).map(|j| format!("c{j}")).collect::<Vec<_>>().join(",") + "\n",
        row.repeat(MAX_ROWS - 1)
    );
    assert!(text.len() <= MAX_BYTES);
    let t = read(&text);
    assert_eq!(t.rows.dim(), (MAX_ROWS - 1, 50));
}

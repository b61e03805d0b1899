//! Reading a teacher's CSV file into a [`Table`].
//!
//! Accepted: a header line or none (detected, or forced), `,` `;` or tab separators (sniffed from
//! the first lines, or forced), quoted fields, CRLF or LF line ends, a UTF-8 byte-order mark,
//! spaces around fields, blank lines. Every cell must be a finite number, except in a column whose
//! first cell is text: such a column is read as class names (only the target may be one).
//!
//! Every refusal of the file is an [`Error::Csv`] with the 1-based line (the header counted) and
//! column; only a forced separator other than these three is an [`Error::Invalid`].

use crate::data::table::{CsvFormat, Table};
use crate::decimal::parse_f64;
use crate::error::{Error, Result};
use crate::message::{Msg, Phrase};
use crate::network::{MAX_INPUTS, MAX_UNITS};
use crate::show;
use ndarray::Array2;

/// Largest file accepted, in bytes (10 MB).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Most data rows accepted.
pub const MAX_ROWS: usize = 100_000;
/// Most columns accepted: the input limit plus the target.
pub const MAX_COLUMNS: usize = MAX_INPUTS + 1;
/// Fewest data rows: one to train on and one to test.
pub const MIN_ROWS: usize = 2;
/// The separators that are sniffed, in order of preference on a tie.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// Choices the user may force; None means "detect".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    pub header: Option<bool>,
    pub delimiter: Option<u8>,
}

/// Whether a cell reads as a number (NaN and infinities included: they are refused later, by name).
fn is_number(cell: &str) -> bool {
    parse_f64(cell).is_some()
}

/// A cell of a number column, or the reason it is not usable.
fn number(cell: &str, delimiter: u8) -> std::result::Result<f64, Phrase> {
    let why = match parse_f64(cell) {
        Some(v) if v.is_finite() => return Ok(v),
        _ if cell.is_empty() => return Err(Msg::CsvEmptyCell.into()),
        Some(_) => Msg::CsvNotFinite,
        None if delimiter != b',' && cell.contains(',') => Msg::CsvDecimalComma,
        None => Msg::CsvNotNumber,
    };
    Err(Phrase::new(why).arg("cell", show::quoted(cell)))
}

/// A size in MB (2²⁰ bytes) to one decimal, "10.3", in integer arithmetic: `{:.1}` of a float
/// would bring the standard float formatting into the wasm.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + (1 << 19)) >> 20;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Reads CSV text into a table, or says which line and column are wrong and why.
pub fn parse(text: &str, options: &CsvOptions) -> Result<Table> {
    if text.len() > MAX_BYTES {
        let line = LineCounter::new(text.as_bytes()).line_at(MAX_BYTES);
        return Err(Error::csv(
            line,
            1,
            Phrase::new(Msg::CsvTooBig).arg("size", megabytes(text.len())).arg("limit", MAX_BYTES >> 20),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::csv(1, 1, Msg::CsvEmpty));
    }
    let delimiter = match options.delimiter {
        Some(d) if DELIMITERS.contains(&d) => d,
        Some(d) => {
            return Err(Error::invalid(
                "csv.delimiter",
                Msg::ExpectedDelimiter,
                show::quoted(&char::from(d).to_string()),
            ))
        }
        None => sniff_delimiter(text),
    };
    let mut records = Records::new(text, delimiter);
    let Some((first_line, first)) = records.next() else { return Err(Error::csv(1, 1, Msg::CsvEmpty)) };
    let width = first.len();
    if width > MAX_COLUMNS {
        return Err(Error::csv(
            first_line,
            MAX_COLUMNS + 1,
            Phrase::new(Msg::CsvTooWide).arg("width", width).arg("max", MAX_COLUMNS).arg("inputs", MAX_INPUTS),
        ));
    }
    let second = records.next();
    let header = options.header.unwrap_or_else(|| looks_like_header(&first, second.as_ref().map(|r| &r.1)));
    let columns: Vec<String> = (0..width)
        .map(|j| match header.then(|| first.get(j)).flatten().filter(|s| !s.is_empty()) {
            Some(name) => name.to_string(),
            None => format!("column {}", j + 1),
        })
        .collect();
    // The rows already read that hold data, the first data row last.
    let mut pending: Vec<(usize, Record)> =
        if header { second.into_iter().collect() } else { second.into_iter().chain([(first_line, first)]).collect() };
    // A column is text when its first data cell is neither empty nor a number.
    let is_text: Vec<bool> = match pending.last() {
        Some((_, row)) => (0..width).map(|j| row.get(j).is_some_and(|c| !c.is_empty() && !is_number(c))).collect(),
        None => vec![false; width],
    };
    let mut text_columns: Vec<Option<TextColumn>> = is_text.iter().map(|&t| t.then(TextColumn::default)).collect();
    // Cells are parsed as they are read, so that a 10 MB file never lives in memory as strings.
    let mut values: Vec<f64> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut last_line = first_line;
    while let Some((line, record)) = match pending.pop() {
        Some(row) => Some(row),
        None => records.next(),
    } {
        last_line = line;
        if lines.len() == MAX_ROWS {
            return Err(Error::csv(line, 1, Phrase::new(Msg::CsvTooLong).arg("max", MAX_ROWS)));
        }
        if record.len() != width {
            return Err(Error::csv(
                line,
                record.len().min(width) + 1,
                Phrase::new(Msg::CsvRagged).arg("count", record.len()).arg("width", width),
            ));
        }
        for (j, cell) in record.iter().enumerate() {
            let value = match &mut text_columns[j] {
                Some(_) if cell.is_empty() => return Err(Error::csv(line, j + 1, Msg::CsvEmptyCell)),
                Some(column) => column.id(cell).ok_or_else(|| {
                    let detail = Phrase::new(Msg::CsvTooManyTexts)
                        .arg("cell", show::quoted(cell))
                        .arg("column", show::quoted(&columns[j]))
                        .arg("max", MAX_UNITS);
                    Error::csv(line, j + 1, detail)
                })? as f64,
                None => number(cell, delimiter).map_err(|detail| Error::csv(line, j + 1, detail))?,
            };
            values.push(value);
        }
        lines.push(line);
    }
    if lines.len() < MIN_ROWS {
        // MIN_ROWS is 2, so the count is 0 or 1: "1 data row", "0 data rows".
        let key = if lines.len() == 1 { Msg::CsvTooShortOne } else { Msg::CsvTooShort };
        return Err(Error::csv(last_line + 1, 1, Phrase::new(key).arg("count", lines.len()).arg("min", MIN_ROWS)));
    }
    // Every row was checked to hold `width` cells, so this cannot fail; the error says so if it did.
    let count = values.len();
    let mut rows = Array2::from_shape_vec((lines.len(), width), values).map_err(|_| {
        Error::State(Phrase::new(Msg::StateShape).arg("count", count).arg("rows", lines.len()).arg("columns", width))
    })?;
    // Text cells hold first-seen ids; they become the index of their value in sorted order.
    let text = text_columns
        .into_iter()
        .enumerate()
        .map(|(j, column)| {
            column.map(|column| {
                let mut rank = vec![0.0; column.names.len()];
                for (position, &id) in column.sorted.iter().enumerate() {
                    rank[id] = position as f64;
                }
                rows.column_mut(j).mapv_inplace(|id| rank[id as usize]);
                column.sorted.iter().map(|&id| column.names[id].clone()).collect()
            })
        })
        .collect();
    Ok(Table { columns, rows, text, lines, format: Some(CsvFormat { delimiter, header }) })
}

/// The distinct texts of a column (class names), at most MAX_UNITS of them.
#[derive(Default)]
struct TextColumn {
    /// In order of first appearance; a text's id is its index here.
    names: Vec<String>,
    /// Ids in the order of their texts.
    sorted: Vec<usize>,
}

impl TextColumn {
    /// The id of a text, new or seen before; None when it would be one text too many.
    fn id(&mut self, text: &str) -> Option<usize> {
        match self.sorted.binary_search_by(|&id| self.names[id].as_str().cmp(text)) {
            Ok(at) => Some(self.sorted[at]),
            Err(_) if self.names.len() == MAX_UNITS => None,
            Err(at) => {
                self.names.push(text.to_string());
                self.sorted.insert(at, self.names.len() - 1);
                Some(self.names.len() - 1)
            }
        }
    }
}

/// One record: its fields, trimmed of surrounding whitespace, end to end in one string.
#[derive(Debug, Clone, Default)]
struct Record {
    text: String,
    /// Where each field ends in `text`.
    ends: Vec<usize>,
}

impl Record {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, j: usize) -> Option<&str> {
        let end = *self.ends.get(j)?;
        let start = if j == 0 { 0 } else { self.ends[j - 1] };
        self.text.get(start..end)
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|j| self.get(j))
    }

    fn push_field(&mut self, field: &[u8]) {
        // Fields split only at ASCII bytes of UTF-8 text, so each is UTF-8 itself.
        self.text.push_str(std::str::from_utf8(field).unwrap_or("").trim());
        self.ends.push(self.text.len());
    }
}

/// The records of a file with the line each starts on; blank lines (all fields empty) are skipped.
///
/// The rules are RFC 4180's as the common readers apply them: a field that starts with `"` is
/// quoted, `""` inside it is one quote, and text after its closing quote is kept; a quote elsewhere
/// is an ordinary character; `\r`, `\n` and `\r\n` end a record, and an unclosed quote runs to the
/// end of the file.
struct Records<'a> {
    bytes: &'a [u8],
    at: usize,
    delimiter: u8,
    lines: LineCounter<'a>,
}

impl<'a> Records<'a> {
    fn new(text: &'a str, delimiter: u8) -> Self {
        Records { bytes: text.as_bytes(), at: 0, delimiter, lines: LineCounter::new(text.as_bytes()) }
    }

    /// The next non-blank record and its line.
    fn next(&mut self) -> Option<(usize, Record)> {
        loop {
            let (start, record) = self.read()?;
            if record.iter().all(str::is_empty) {
                continue;
            }
            return Some((self.lines.line_at(start), record));
        }
    }

    /// The next record and the offset where it starts, blank or not.
    fn read(&mut self) -> Option<(usize, Record)> {
        let b = self.bytes;
        while self.at < b.len() && matches!(b[self.at], b'\r' | b'\n') {
            self.at += 1;
        }
        if self.at == b.len() {
            return None;
        }
        let start = self.at;
        let mut record = Record::default();
        let mut field: Vec<u8> = Vec::new();
        loop {
            // At the start of a field.
            let mut quoted = b.get(self.at) == Some(&b'"');
            if quoted {
                self.at += 1;
            }
            loop {
                let Some(&c) = b.get(self.at) else {
                    record.push_field(&field);
                    return Some((start, record));
                };
                self.at += 1;
                if quoted {
                    if c != b'"' {
                        field.push(c);
                    } else if b.get(self.at) == Some(&b'"') {
                        field.push(b'"');
                        self.at += 1;
                    } else {
                        quoted = false;
                    }
                } else if c == self.delimiter {
                    break;
                } else if c == b'\r' || c == b'\n' {
                    record.push_field(&field);
                    return Some((start, record));
                } else {
                    field.push(c);
                }
            }
            record.push_field(&field);
            field.clear();
        }
    }
}

/// Turns byte offsets of record starts into 1-based line numbers, counting `\n`, `\r\n` and a
/// lone `\r` as one line end each. (The csv reader's own line count lags behind after CRLF and
/// blank lines, because it counts a record's start before skipping the line ends in front of it.)
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter { bytes, offset: 0, line: 1 }
    }

    /// The line of the first byte at or after `offset` that is not a line end; offsets must not decrease.
    fn line_at(&mut self, offset: usize) -> usize {
        while self.offset < self.bytes.len()
            && (self.offset < offset || matches!(self.bytes[self.offset], b'\r' | b'\n'))
        {
            let b = self.bytes[self.offset];
            if b == b'\n' || (b == b'\r' && self.bytes.get(self.offset + 1) != Some(&b'\n')) {
                self.line += 1;
            }
            self.offset += 1;
        }
        self.line
    }
}

/// Whether the first row names the columns: some cell of it is text where the second row has a
/// number (or there is no second row). A text column of class names therefore does not count.
fn looks_like_header(first: &Record, second: Option<&Record>) -> bool {
    first
        .iter()
        .enumerate()
        .any(|(j, cell)| !cell.is_empty() && !is_number(cell) && second.is_none_or(|s| s.get(j).is_some_and(is_number)))
}

/// The separator that splits the first lines into the same number (≥ 1) of pieces, the most
/// pieces winning; failing that, the one most frequent on the first line; failing that, a comma.
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts: Vec<[usize; 3]> = Vec::new();
    let mut line = [0usize; 3];
    let mut quoted = false;
    const SAMPLE: usize = 1 << 16;
    for b in text.bytes().take(SAMPLE) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                if line != [0; 3] {
                    counts.push(line);
                }
                line = [0; 3];
                if counts.len() == 10 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(k) = DELIMITERS.iter().position(|&d| d == b) {
                    line[k] += 1;
                }
            }
            _ => {}
        }
    }
    // The last line counts only if it is whole, not cut by the sample's end.
    if line != [0; 3] && counts.len() < 10 && text.len() <= SAMPLE {
        counts.push(line);
    }
    let Some(first) = counts.first() else { return b',' };
    let consistent = (0..3).filter(|&k| first[k] > 0 && counts.iter().all(|c| c[k] == first[k]));
    let best = consistent.max_by_key(|&k| (first[k], usize::MAX - k));
    let k = best.unwrap_or_else(|| (0..3).max_by_key(|&k| (first[k], usize::MAX - k)).unwrap_or(0));
    DELIMITERS[k]
}

#[cfg(test)]
mod tests {
    use super::Records;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// The records the csv crate reads (as this module used to, trimming every field).
    fn csv_crate_records(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .flexible(true)
            .trim(::csv::Trim::All)
            .from_reader(text.as_bytes());
        let mut lines = super::LineCounter::new(text.as_bytes());
        let mut out = Vec::new();
        let mut record = ::csv::StringRecord::new();
        while reader.read_record(&mut record).unwrap() {
            if record.iter().all(str::is_empty) {
                continue;
            }
            let at = record.position().unwrap().byte() as usize;
            out.push((lines.line_at(at), record.iter().map(str::to_string).collect()));
        }
        out
    }

    fn our_records(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        let mut records = Records::new(text, delimiter);
        std::iter::from_fn(|| records.next()).map(|(line, r)| (line, r.iter().map(str::to_string).collect())).collect()
    }

    #[test]
    fn records_and_their_lines_are_those_the_csv_crate_reads() {
        let pieces = ["a", "1", "2.5", " ", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n", "é", "x y", "\u{a0}"];
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        for _ in 0..5_000 {
            let n = rng.random_range(0..30);
            let text: String = (0..n).map(|_| pieces[rng.random_range(0..pieces.len())]).collect();
            for delimiter in [b',', b';', b'\t'] {
                assert_eq!(our_records(&text, delimiter), csv_crate_records(&text, delimiter), "{text:?}");
            }
        }
    }
}

//! The data files shipped with the page: the logistic-regression example is made by a generator
//! kept here, so that anyone can see (and re-make) where its numbers come from.
//!
//! So are the benchmark sessions. Re-make them with `UPDATE_DATA=1 cargo test --test shipped_files`.

use backprop_playground::benchmark::{tf_playground_session, DEFAULT_HIDDEN, LARGEST_HIDDEN};
use backprop_playground::data::csv::{parse, CsvOptions};
use backprop_playground::data::generate;
use std::fmt::Write;

const LOGISTIC_PATH: &str = "www/data/logistic-regression.csv";
/// The sessions the wasm speed benchmark loads (benches/train-wasm.mjs): files, so that the wasm
/// carries no benchmark-only code; the native benchmark builds the same sessions in memory.
const BENCHMARK_SESSIONS: [(&str, &[usize]); 2] = [
    ("benches/sessions/tf-playground-default.json", &DEFAULT_HIDDEN),
    ("benches/sessions/tf-playground-largest.json", &LARGEST_HIDDEN),
];

/// The article's section 5 example: columns x1, x2, y; 200 rows, two noisy classes of 100.
/// Two Gaussian clouds (σ = 0.5 in the generator's square) are stretched to units of very
/// different scale, x1 around 50 ± 20 and x2 around 3 ± 1.5, so that standardising matters.
fn logistic_regression_csv() -> String {
    let (x, y) = generate::gauss(200, 0.4, 2024);
    let mut text = String::from("x1,x2,y\n");
    for (row, label) in x.rows().into_iter().zip(y.column(0)) {
        let _ = writeln!(text, "{:.2},{:.3},{}", 50.0 + 20.0 * row[0], 3.0 + 1.5 * row[1], label);
    }
    text
}

#[test]
fn the_logistic_regression_example_file_is_the_one_its_generator_makes() {
    let expected = logistic_regression_csv();
    if std::env::var_os("UPDATE_DATA").is_some() {
        std::fs::write(LOGISTIC_PATH, &expected).unwrap();
    }
    let shipped =
        std::fs::read_to_string(LOGISTIC_PATH).expect("the example file is shipped; make it with UPDATE_DATA=1");
    assert_eq!(shipped, expected);
    let table = parse(&shipped, &CsvOptions::default()).unwrap();
    assert_eq!(table.columns, ["x1", "x2", "y"]);
    assert_eq!(table.rows.nrows(), 200);
    assert_eq!(table.rows.column(2).iter().filter(|&&c| c == 1.0).count(), 100);
}

#[test]
fn the_benchmark_session_files_are_the_ones_the_core_makes() {
    for (path, hidden) in BENCHMARK_SESSIONS {
        let expected = tf_playground_session(hidden);
        if std::env::var_os("UPDATE_DATA").is_some() {
            std::fs::create_dir_all("benches/sessions").unwrap();
            std::fs::write(path, &expected).unwrap();
        }
        let shipped =
            std::fs::read_to_string(path).expect("the benchmark sessions are shipped; make them with UPDATE_DATA=1");
        assert_eq!(shipped, expected, "{path}");
    }
}

#[test]
fn the_iris_and_digits_files_are_the_shared_copies() {
    for name in ["iris.csv", "digits.csv"] {
        let shared = std::path::Path::new("../shared/data").join(name);
        let Ok(original) = std::fs::read(&shared) else { continue };
        assert_eq!(std::fs::read(format!("www/data/{name}")).unwrap(), original, "{name}");
    }
}

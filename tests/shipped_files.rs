//! The data files shipped with the page: the logistic-regression example is made by a generator
//! kept here, so that anyone can see (and re-make) where its numbers come from.
//!
//! So are the benchmark sessions. Re-make them with `UPDATE_DATA=1 cargo test --test shipped_files`
//! (then record their new SHA-256 in `SHIPPED`, which the run prints).

use backprop_playground::benchmark::{tf_playground_session, DEFAULT_HIDDEN, LARGEST_HIDDEN};
use backprop_playground::data::csv::{parse, CsvOptions};
use backprop_playground::data::generate;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// Every file shipped in www/data/ and benches/sessions/, with its SHA-256 (`sha256sum FILE`):
/// what every clone must hold. iris.csv and digits.csv are the project's copies of scikit-learn's
/// sets (the same bytes as its shared data folder); the others are also compared with the
/// generators below.
const SHIPPED: [(&str, &str); 5] = [
    ("www/data/iris.csv", "1e52d3d96ba49c50fe132731766e8b9b3d456d7b44163a4d62d2a256e19005e5"),
    ("www/data/digits.csv", "47cbf72ee64cc98f235dc5ce30dac1e4034ba92e526802b2534d3b0367f9dfad"),
    ("www/data/logistic-regression.csv", "8d12cf9b6458e3f80560eba2c490ab61c7fa78c195fb3319d3138b28e2a57bcf"),
    ("benches/sessions/tf-playground-default.json", "dfa221b7ed2c1c34f1aefb68025cb8adb94394f7afdaab33f249b966072b00a5"),
    ("benches/sessions/tf-playground-largest.json", "0e1cab7abaa7664e29dd87a9c38ff3471905fd54503e30b3b7bf8439a4299de9"),
];

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

/// The SHA-256 of a file's bytes, in hex as `sha256sum` prints it.
fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

#[test]
fn every_shipped_data_file_has_its_recorded_sha256() {
    for (path, expected) in SHIPPED {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path} is shipped with the page: {e}"));
        assert_eq!(sha256(&bytes), expected, "{path} changed: if on purpose, record its new SHA-256 in SHIPPED");
    }
    // A file added to those folders is recorded too.
    for (dir, ext) in [("www/data", ".csv"), ("benches/sessions", ".json")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
            if path.ends_with(ext) {
                assert!(SHIPPED.iter().any(|(p, _)| *p == path), "{path} is shipped but has no SHA-256 in SHIPPED");
            }
        }
    }
}

#[test]
fn the_checksum_is_sha256() {
    // FIPS 180-2's example, so that a wrong digest cannot pass as the recorded ones.
    assert_eq!(sha256(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

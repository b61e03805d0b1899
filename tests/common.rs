//! Helpers shared by the native tests.
#![allow(dead_code)]

use backprop_playground::session::from_json;
use backprop_playground::Trainer;
use ndarray::ArrayView2;

/// The article's worked example (section 4.3) with a given batch size.
pub fn worked_example(batch_size: &str) -> Trainer {
    let text = backprop_playground::presets::WORKED_EXAMPLE
        .replace("\"batch_size\": 1", &format!("\"batch_size\": {batch_size}"));
    from_json(&text).expect("the worked example loads").0
}

/// Asserts that a matrix equals a table of rows, to 1e-12.
pub fn assert_matrix(actual: ArrayView2<f64>, expected: &[&[f64]]) {
    assert_eq!(actual.nrows(), expected.len(), "rows of {actual}");
    for (row, exp) in actual.rows().into_iter().zip(expected) {
        assert_eq!(row.len(), exp.len(), "columns of {actual}");
        for (a, e) in row.iter().zip(exp.iter()) {
            assert!((a - e).abs() < 1e-12, "{actual} should be {expected:?}");
        }
    }
}

/// Asserts that a list of numbers equals another, to 1e-12.
pub fn assert_vec<'a>(actual: impl IntoIterator<Item = &'a f64>, expected: &[f64]) {
    let actual: Vec<f64> = actual.into_iter().copied().collect();
    assert_eq!(actual.len(), expected.len(), "{actual:?} should be {expected:?}");
    for (a, e) in actual.iter().zip(expected) {
        assert!((a - e).abs() < 1e-12, "{actual:?} should be {expected:?}");
    }
}

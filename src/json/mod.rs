//! JSON for session files and the page: a small value type, its reader and writer, and helpers
//! that read typed values out of a document with errors that name the field's path
//! (`training.learning_rate`, `data.train.x[3][1]`) and the value found there.

mod parse;
mod value;
mod write;
mod writer;

pub use parse::{parse, ParseError};
pub use value::{object as obj, Map, Number, Value};
pub use writer::Writer;

use crate::error::{Error, Result};
use crate::message::{Msg, Part, Phrase};
use crate::show;
use ndarray::{Array1, Array2};

/// Parses a document whose syntax errors are reported as "not valid JSON".
pub fn parse_document(text: &str) -> Result<Value> {
    parse(text).map_err(|e| Error::Json { detail: e.message, line: e.line, column: e.column })
}

/// A short rendering of a JSON value for an error message: a list or an object in words.
pub fn show(v: &Value) -> Part {
    match v {
        Value::String(s) => show::quoted(s).into(),
        Value::Array(a) => Phrase::new(Msg::GotList).arg("count", a.len()).into(),
        Value::Object(_) => Msg::GotObject.into(),
        other => other.to_string().into(),
    }
}

/// The object at `field`.
pub fn object<'a>(v: &'a Value, field: &str) -> Result<&'a Map> {
    v.as_object().ok_or_else(|| Error::invalid(field, Msg::ExpectedObject, show(v)))
}

/// Refuses keys other than `known`, so that a misspelt setting is reported, not ignored.
pub fn known_keys(map: &Map, field: &str, known: &[&str]) -> Result<()> {
    match map.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(Error::invalid(
            if field.is_empty() { k.clone() } else { format!("{field}.{k}") },
            Phrase::new(Msg::ExpectedKnownField).arg("fields", known.join(", ")),
            Msg::GotUnknownField,
        )),
        None => Ok(()),
    }
}

/// `parent.key`, or just `key` at the top level.
pub fn path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// The value of a required key.
pub fn required<'a>(map: &'a Map, parent: &str, key: &str) -> Result<&'a Value> {
    map.get(key).ok_or_else(|| Error::invalid(path(parent, key), Msg::ExpectedPresent, Msg::GotMissing))
}

/// The value of an optional key; `null` counts as absent.
pub fn optional<'a>(map: &'a Map, key: &str) -> Option<&'a Value> {
    map.get(key).filter(|v| !v.is_null())
}

/// A finite number.
pub fn number(v: &Value, field: &str) -> Result<f64> {
    match v.as_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(Error::invalid(field, Msg::ExpectedFinite, show(v))),
    }
}

/// A whole number in `lo..=hi`.
pub fn whole(v: &Value, field: &str, lo: u64, hi: u64) -> Result<u64> {
    match v.as_u64() {
        Some(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(Error::invalid(field, Phrase::new(Msg::ExpectedWholeRange).arg("lo", lo).arg("hi", hi), show(v))),
    }
}

/// A string.
pub fn string<'a>(v: &'a Value, field: &str) -> Result<&'a str> {
    v.as_str().ok_or_else(|| Error::invalid(field, Msg::ExpectedString, show(v)))
}

/// true or false.
pub fn boolean(v: &Value, field: &str) -> Result<bool> {
    v.as_bool().ok_or_else(|| Error::invalid(field, Msg::ExpectedBoolean, show(v)))
}

/// A finite number at `field[i]`; the path is written out only for an error (a session holds
/// thousands of numbers).
fn number_at(v: &Value, field: &str, i: usize) -> Result<f64> {
    match v.as_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(Error::invalid(format!("{field}[{i}]"), Msg::ExpectedFinite, show(v))),
    }
}

/// A list of numbers and nulls (missing values), such as a history's.
pub fn numbers_or_nulls(v: &Value, field: &str) -> Result<Vec<Option<f64>>> {
    let items = v.as_array().ok_or_else(|| Error::invalid(field, Msg::ExpectedHistoryList, show(v)))?;
    let mut values = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        values.push(if x.is_null() { None } else { Some(number_at(x, field, i)?) });
    }
    Ok(values)
}

/// Whole numbers from `least` on (a list read by `numbers_or_nulls`), less `least`: positions
/// from 0. None if one is not such a number.
pub fn whole_numbers(numbers: Vec<Option<f64>>, least: usize) -> Option<Vec<usize>> {
    let mut whole = Vec::with_capacity(numbers.len());
    for x in numbers {
        let x = x.filter(|&x| x >= least as f64 && x.fract() == 0.0 && x <= u32::MAX as f64)?;
        whole.push(x as usize - least);
    }
    Some(whole)
}

/// A list of numbers.
pub fn vector(v: &Value, field: &str) -> Result<Array1<f64>> {
    let items = v.as_array().ok_or_else(|| Error::invalid(field, Msg::ExpectedNumbers, show(v)))?;
    // A loop, not `collect::<Result<_>>()`: each such collect is a kilobyte or more of wasm.
    let mut values = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        values.push(number_at(x, field, i)?);
    }
    Ok(Array1::from(values))
}

/// A list of equally long rows of numbers; a bare number stands for a one-value row.
pub fn matrix(v: &Value, field: &str) -> Result<Array2<f64>> {
    let rows = v.as_array().ok_or_else(|| Error::invalid(field, Msg::ExpectedRows, show(v)))?;
    let mut cols = None;
    let mut flat = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let start = flat.len();
        match row {
            Value::Array(items) => {
                let row_field = || format!("{field}[{i}]");
                for (j, x) in items.iter().enumerate() {
                    match x.as_f64() {
                        Some(x) if x.is_finite() => flat.push(x),
                        _ => return Err(Error::invalid(format!("{}[{j}]", row_field()), Msg::ExpectedFinite, show(x))),
                    }
                }
            }
            other => flat.push(number_at(other, field, i)?),
        }
        let len = flat.len() - start;
        match cols {
            None => cols = Some(len),
            Some(c) if c != len => {
                return Err(Error::invalid(
                    format!("{field}[{i}]"),
                    Phrase::new(Msg::ExpectedRowLikeFirst).arg("count", c),
                    Phrase::new(Msg::GotNumbers).arg("count", len),
                ))
            }
            _ => {}
        }
    }
    let cols = cols.unwrap_or(0);
    Array2::from_shape_vec((rows.len(), cols), flat)
        .map_err(|e| Error::invalid(field, Msg::ExpectedRectangular, e.to_string()))
}

/// A number as JSON; NaN and infinities (which JSON lacks) become the strings "NaN", "Infinity", "-Infinity".
pub fn num(x: f64) -> Value {
    if x.is_finite() {
        Value::Number(Number::Float(x))
    } else if x.is_nan() {
        "NaN".into()
    } else if x > 0.0 {
        "Infinity".into()
    } else {
        "-Infinity".into()
    }
}

/// A vector as a JSON list.
pub fn vec_json<'a>(v: impl IntoIterator<Item = &'a f64>) -> Value {
    Value::Array(v.into_iter().map(|&x| num(x)).collect())
}

/// A matrix as a JSON list of rows.
pub fn matrix_json(m: ndarray::ArrayView2<f64>) -> Value {
    Value::Array(m.rows().into_iter().map(|r| vec_json(r.iter())).collect())
}

/// after − before, element by element, as a JSON list (without building the difference as an
/// array first, whose general arithmetic costs more wasm than this loop).
pub fn change_json<'a>(after: impl IntoIterator<Item = &'a f64>, before: impl IntoIterator<Item = &'a f64>) -> Value {
    Value::Array(after.into_iter().zip(before).map(|(a, b)| num(a - b)).collect())
}

/// after − before for matrices of one shape, as a JSON list of rows.
pub fn matrix_change_json(after: ndarray::ArrayView2<f64>, before: ndarray::ArrayView2<f64>) -> Value {
    Value::Array(after.rows().into_iter().zip(before.rows()).map(|(a, b)| change_json(a.iter(), b.iter())).collect())
}

/// An optional number: null when absent.
pub fn opt_num(x: Option<f64>) -> Value {
    x.map_or(Value::Null, num)
}

//! A moment of training (the undo steps' `Moment`) in a session file: the `moment` the session is
//! at, so that it opens with the very batch on show, and the `undo` steps before it.

use crate::error::{Error, Result};
use crate::json::*;
use crate::message::Msg;
use crate::network::{Architecture, Layer, Network};
use crate::session::{params_value, read_params};
use crate::trainer::{Moment, Status};
use ndarray::{Array1, Array2};

/// A moment as JSON.
pub fn moment_value(m: &Moment) -> Value {
    let mut fields =
        vec![("start", params_value(&m.start)), ("updated", m.updated.as_ref().map_or(Value::Null, params_value))];
    fields.extend(position_fields(m));
    obj(fields)
}

/// A moment as JSON without its parameters, and its parameters as numbers (`start`, then
/// `updated` when there is one; each layer's W row by row, then b): the worker's progress, where
/// writing and reading thousands of numbers as text took longer than the frame it was for.
pub fn moment_packed(m: &Moment) -> (Value, Vec<f64>) {
    let mut numbers = Vec::new();
    for net in std::iter::once(&m.start).chain(m.updated.as_ref()) {
        for layer in &net.layers {
            numbers.extend(layer.w.iter());
            numbers.extend(layer.b.iter());
        }
    }
    (obj(position_fields(m)), numbers)
}

fn position_fields(m: &Moment) -> Vec<(&'static str, Value)> {
    let traced = match m.traced {
        Some((e, b)) => Value::Array(vec![e.into(), b.into()]),
        None => Value::Null,
    };
    vec![
        ("epoch", m.epoch.into()),
        ("batch", m.batch.into()),
        ("status", m.status.name().into()),
        ("traced", traced),
        ("rows", Value::Array(m.rows.iter().map(|&r| r.into()).collect())),
        ("done", m.done.into()),
        ("l2", num(m.l2)),
        ("lr", if m.lr.is_nan() { Value::Null } else { num(m.lr) }),
        ("epochs_logged", m.epochs_logged.into()),
        ("batches_logged", m.batches_logged.into()),
    ]
}

/// Reads a moment written by [`moment_value`] at `field`; its fit to the session is checked by
/// `Trainer::restore_moments`.
pub fn read_moment(v: &Value, arch: &Architecture, field: &str) -> Result<Moment> {
    let map = object(v, field)?;
    known_keys(map, field, &KEYS)?;
    let start = read_params(required(map, field, "start")?, arch, &format!("{field}.start"))?;
    let updated = match optional(map, "updated") {
        Some(v) if !v.is_null() => Some(read_params(v, arch, &format!("{field}.updated"))?),
        _ => None,
    };
    read_position(map, field, start, updated)
}

/// Reads a moment written by [`moment_packed`]: `v` without parameters, `numbers` with them.
pub fn read_moment_packed(v: &Value, numbers: &[f64], arch: &Architecture, field: &str) -> Result<Moment> {
    let map = object(v, field)?;
    known_keys(map, field, &KEYS[2..])?;
    let count: usize = (0..arch.layers.len()).map(|l| (arch.fan_in(l) + 1) * arch.layers[l].units).sum();
    let wrong = || Error::invalid(format!("{field}.start"), Msg::ExpectedParamsShaped, Msg::GotOtherShapes);
    if numbers.len() != count && numbers.len() != 2 * count {
        return Err(wrong());
    }
    let network = |numbers: &[f64]| -> Result<Network> {
        let mut layers = Vec::with_capacity(arch.layers.len());
        let mut rest = numbers;
        for (l, spec) in arch.layers.iter().enumerate() {
            let (n, u) = (arch.fan_in(l), spec.units);
            let w = Array2::from_shape_vec((n, u), rest[..n * u].to_vec()).map_err(|_| wrong())?;
            let b = Array1::from(rest[n * u..(n + 1) * u].to_vec());
            rest = &rest[(n + 1) * u..];
            layers.push(Layer { w, b, activation: spec.activation });
        }
        Ok(Network { layers })
    };
    let start = network(&numbers[..count])?;
    let updated = if numbers.len() == 2 * count { Some(network(&numbers[count..])?) } else { None };
    read_position(map, field, start, updated)
}

// Every key of a moment: its parameters first.
const KEYS: [&str; 12] = [
    "start",
    "updated",
    "epoch",
    "batch",
    "status",
    "traced",
    "rows",
    "done",
    "l2",
    "lr",
    "epochs_logged",
    "batches_logged",
];

// The rest of a moment, after its parameters.
fn read_position(map: &Map, field: &str, start: Network, updated: Option<Network>) -> Result<Moment> {
    let path = |key: &str| format!("{field}.{key}");
    let count = |key: &str| -> Result<usize> {
        Ok(whole(required(map, field, key)?, &path(key), 0, u32::MAX as u64)? as usize)
    };
    let status_name = string(required(map, field, "status")?, &path("status"))?;
    let status = Status::parse(status_name)
        .ok_or_else(|| Error::invalid(path("status"), Msg::ExpectedStatus, crate::show::quoted(status_name)))?;
    let traced = match optional(map, "traced") {
        Some(v) if !v.is_null() => {
            let pair = v
                .as_array()
                .filter(|p| p.len() == 2)
                .ok_or_else(|| Error::invalid(path("traced"), Msg::ExpectedTraced, show(v)))?;
            Some((
                whole(&pair[0], &path("traced"), 0, u32::MAX as u64)? as usize,
                whole(&pair[1], &path("traced"), 0, u32::MAX as u64)? as usize,
            ))
        }
        _ => None,
    };
    let rows_value = required(map, field, "rows")?;
    let items =
        rows_value.as_array().ok_or_else(|| Error::invalid(path("rows"), Msg::ExpectedRowNumbers, show(rows_value)))?;
    let mut rows = Vec::with_capacity(items.len());
    for item in items {
        rows.push(whole(item, &path("rows"), 0, u32::MAX as u64)? as usize);
    }
    let lr = match optional(map, "lr") {
        Some(v) if !v.is_null() => number(v, &path("lr"))?,
        _ => f64::NAN,
    };
    Ok(Moment {
        start,
        updated,
        epoch: count("epoch")?,
        batch: count("batch")?,
        status,
        traced,
        rows,
        done: count("done")?,
        l2: number(required(map, field, "l2")?, &path("l2"))?,
        lr,
        epochs_logged: count("epochs_logged")?,
        batches_logged: count("batches_logged")?,
    })
}

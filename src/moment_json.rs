//! A moment of training (the undo steps' `Moment`) in a session file: the `moment` the session is
//! at, so that it opens with the very batch on show, and the `undo` steps before it.

use crate::error::{Error, Result};
use crate::json::*;
use crate::message::Msg;
use crate::network::Architecture;
use crate::session::{params_value, read_params};
use crate::trainer::{Moment, Status};

/// A moment as JSON.
pub fn moment_value(m: &Moment) -> Value {
    let traced = match m.traced {
        Some((e, b)) => Value::Array(vec![e.into(), b.into()]),
        None => Value::Null,
    };
    obj(vec![
        ("start", params_value(&m.start)),
        ("updated", m.updated.as_ref().map_or(Value::Null, params_value)),
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
    ])
}

/// Reads a moment written by [`moment_value`] at `field`; its fit to the session is checked by
/// `Trainer::restore_moments`.
pub fn read_moment(v: &Value, arch: &Architecture, field: &str) -> Result<Moment> {
    let map = object(v, field)?;
    let keys = [
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
    known_keys(map, field, &keys)?;
    let path = |key: &str| format!("{field}.{key}");
    let count = |key: &str| -> Result<usize> {
        Ok(whole(required(map, field, key)?, &path(key), 0, u32::MAX as u64)? as usize)
    };
    let start = read_params(required(map, field, "start")?, arch, &path("start"))?;
    let updated = match optional(map, "updated") {
        Some(v) if !v.is_null() => Some(read_params(v, arch, &path("updated"))?),
        _ => None,
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

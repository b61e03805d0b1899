//! What the page shows about the data, as JSON: shapes, the task, the split, and per-column
//! statistics of the raw and the standardised inputs.

use crate::data::prepare::{Prepared, Task};
use crate::data::standardize::{describe, ColumnStats};
use crate::error::{Error, Result};
use crate::json::{matrix_json, num, vec_json};
use crate::settings::Dataset;
use crate::trainer::Trainer;
use ndarray::{Array2, ArrayView2};
use serde_json::{json, Value};

fn stats_json(names: &[String], x: ArrayView2<f64>) -> Value {
    let stats = describe(x);
    Value::Array(
        names
            .iter()
            .zip(stats)
            .map(|(name, ColumnStats { mean, std, min, max })| {
                json!({"column": name, "mean": num(mean), "std": num(std), "min": num(min), "max": num(max)})
            })
            .collect(),
    )
}

fn shape(m: &Array2<f64>) -> Value {
    json!([m.nrows(), m.ncols()])
}

/// Rows per class of one part (class number = column of the one-hot y, or the 0/1 of one column).
fn class_counts(set: &Dataset, classes: usize) -> Vec<usize> {
    let mut counts = vec![0; classes];
    for row in set.y.rows() {
        let class = if row.len() == 1 { usize::from(row[0] >= 0.5) } else { crate::loss::argmax(row.iter()) };
        if let Some(c) = counts.get_mut(class) {
            *c += 1;
        }
    }
    counts
}

/// The summary of prepared data.
pub fn summary_json(p: &Prepared) -> Value {
    let test = p.data.test.as_ref();
    let empty = Array2::zeros((0, p.inputs.len()));
    let (y_test, test_set) = match test {
        Some(t) => (shape(&t.y), Some(t)),
        None => (json!([0, p.output.units]), None),
    };
    let z_train = p.standardizer.transform(p.raw_train.view());
    let z_test = p.standardizer.transform(p.raw_test.view());
    let counts = (p.task == Task::Classification).then(|| {
        let k = p.classes.len();
        json!({"train": class_counts(&p.data.train, k), "test": test_set.map(|t| class_counts(t, k)).unwrap_or_default()})
    });
    json!({
        "inputs": p.inputs,
        "target": p.target,
        "task": p.task.name(),
        "classes": p.classes,
        "class_counts": counts,
        "output": {"units": p.output.units, "activation": p.output.activation.name(), "loss": p.output.loss.name()},
        "rows": {"total": p.raw_train.nrows() + p.raw_test.nrows(), "train": p.raw_train.nrows(), "test": p.raw_test.nrows()},
        "shapes": {
            "x_train": shape(&p.data.train.x), "y_train": shape(&p.data.train.y),
            "x_test": shape(test.map_or(&empty, |t| &t.x)), "y_test": y_test,
        },
        "split": {"test_fraction": num(p.test_fraction), "seed": p.seed, "stratified": p.task == Task::Classification},
        "standardized": p.standardized,
        "scaler": {"mean": vec_json(p.standardizer.mean.iter()), "std": vec_json(p.standardizer.std.iter())},
        "stats": {
            "raw": {"train": stats_json(&p.inputs, p.raw_train.view()), "test": stats_json(&p.inputs, p.raw_test.view())},
            "standardized": {"train": stats_json(&p.inputs, z_train.view()), "test": stats_json(&p.inputs, z_test.view())},
        },
        "csv": p.format.map(|f| json!({"delimiter": (f.delimiter as char).to_string(), "header": f.header})),
    })
}

/// The rows of one part ("train" or "test"): inputs raw and standardised, and the targets as trained.
pub fn rows_json(p: &Prepared, part: &str) -> Result<Value> {
    let (raw, set) = match (part, &p.data.test) {
        ("train", _) => (&p.raw_train, &p.data.train),
        ("test", Some(test)) => (&p.raw_test, test),
        _ => return Err(Error::invalid("part", "\"train\" or \"test\"", format!("{part:?}"))),
    };
    Ok(json!({
        "raw": matrix_json(raw.view()),
        "standardized": matrix_json(p.standardizer.transform(raw.view()).view()),
        "y": matrix_json(set.y.view()),
    }))
}

/// What can be said of a session's data when it was not prepared here (a loaded session file):
/// shapes and statistics of the inputs as they are trained on.
pub fn trainer_data_json(t: &Trainer) -> Value {
    let names: Vec<String> = (1..=t.arch.inputs).map(|j| format!("x{j}")).collect();
    let test = t.data.test.as_ref();
    json!({
        "inputs": names,
        "task": if t.loss.is_classification() { "classification" } else { "regression" },
        "output": {"units": t.arch.outputs(), "loss": t.loss.name()},
        "rows": {"train": t.data.train.len(), "test": test.map_or(0, Dataset::len)},
        "shapes": {
            "x_train": shape(&t.data.train.x), "y_train": shape(&t.data.train.y),
            "x_test": test.map(|d| shape(&d.x)), "y_test": test.map(|d| shape(&d.y)),
        },
        "standardized": Value::Null,
        "stats": {"trained": {
            "train": stats_json(&names, t.data.train.x.view()),
            "test": test.map(|d| stats_json(&names, d.x.view())),
        }},
    })
}

/// The generators the page can list: name, title, inputs, task, class counts, ranges and limits.
pub fn generators_json() -> Value {
    use crate::data::generate::{Generator, MAX_POINTS, MIN_POINTS};
    Value::Array(
        Generator::ALL
            .iter()
            .map(|&g| {
                let classes: Vec<usize> = match g {
                    Generator::Blobs(_) => Generator::BLOB_CLASSES.collect(),
                    _ => g.classes().into_iter().collect(),
                };
                json!({
                    "name": g.name(),
                    "title": g.title(),
                    "inputs": g.inputs(),
                    "task": if g.classes().is_some() { "classification" } else { "regression" },
                    "classes": classes,
                    "x_range": [-1, 1],
                    "points": {"min": MIN_POINTS, "max": MAX_POINTS},
                    "noise": {"min": 0, "max": 1},
                })
            })
            .collect(),
    )
}

/// One line on what the prepared data is, for a session's description.
pub fn describe_prepared(p: &Prepared) -> String {
    let task = match p.task {
        Task::Classification => format!("classification into {} classes", p.classes.len()),
        Task::Regression => "regression".into(),
    };
    format!(
        "Inputs {} → target {}: {task}; {} training rows, {} test rows (seed {}); inputs {}.",
        p.inputs.join(", "),
        p.target,
        p.raw_train.nrows(),
        p.raw_test.nrows(),
        p.seed,
        if p.standardized { "standardised on the training rows" } else { "as in the file" }
    )
}

//! What the page shows about the data, as JSON: shapes, the task, the split, and per-column
//! statistics of the raw and the standardised inputs.

use crate::data::prepare::{Prepared, Task};
use crate::data::standardize::{describe, ColumnStats};
use crate::error::{Error, Result};
use crate::json::{matrix_json, num, obj, vec_json, Value};
use crate::settings::Dataset;
use crate::show;
use crate::trainer::Trainer;
use ndarray::{Array2, ArrayView2};

fn stats_json(names: &[String], x: ArrayView2<f64>) -> Value {
    let stats = describe(x);
    Value::Array(
        names
            .iter()
            .zip(stats)
            .map(|(name, ColumnStats { mean, std, min, max })| {
                obj(vec![
                    ("column", name.into()),
                    ("mean", num(mean)),
                    ("std", num(std)),
                    ("min", num(min)),
                    ("max", num(max)),
                ])
            })
            .collect(),
    )
}

fn shape(m: &Array2<f64>) -> Value {
    pair(m.nrows(), m.ncols())
}

fn pair(a: usize, b: usize) -> Value {
    Value::Array(vec![a.into(), b.into()])
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
        None => (pair(0, p.output.units), None),
    };
    let z_train = p.standardizer.transform(p.raw_train.view());
    let z_test = p.standardizer.transform(p.raw_test.view());
    let counts = (p.task == Task::Classification).then(|| {
        let k = p.classes.len();
        obj(vec![
            ("train", class_counts(&p.data.train, k).into()),
            ("test", test_set.map(|t| class_counts(t, k)).unwrap_or_default().into()),
        ])
    });
    let part_stats = |train: ArrayView2<f64>, test: ArrayView2<f64>| {
        obj(vec![("train", stats_json(&p.inputs, train)), ("test", stats_json(&p.inputs, test))])
    };
    obj(vec![
        ("inputs", p.inputs.as_slice().into()),
        ("target", (&p.target).into()),
        ("task", p.task.name().into()),
        ("classes", p.classes.as_slice().into()),
        ("class_counts", counts.into()),
        (
            "output",
            obj(vec![
                ("units", p.output.units.into()),
                ("activation", p.output.activation.name().into()),
                ("loss", p.output.loss.name().into()),
            ]),
        ),
        (
            "rows",
            obj(vec![
                ("total", (p.raw_train.nrows() + p.raw_test.nrows()).into()),
                ("train", p.raw_train.nrows().into()),
                ("test", p.raw_test.nrows().into()),
            ]),
        ),
        (
            "shapes",
            obj(vec![
                ("x_train", shape(&p.data.train.x)),
                ("y_train", shape(&p.data.train.y)),
                ("x_test", shape(test.map_or(&empty, |t| &t.x))),
                ("y_test", y_test),
            ]),
        ),
        (
            "split",
            obj(vec![
                ("test_fraction", num(p.test_fraction)),
                ("seed", p.seed.into()),
                ("stratified", (p.task == Task::Classification).into()),
            ]),
        ),
        ("standardized", p.standardized.into()),
        (
            "scaler",
            obj(vec![("mean", vec_json(p.standardizer.mean.iter())), ("std", vec_json(p.standardizer.std.iter()))]),
        ),
        (
            "stats",
            obj(vec![
                ("raw", part_stats(p.raw_train.view(), p.raw_test.view())),
                ("standardized", part_stats(z_train.view(), z_test.view())),
            ]),
        ),
        (
            "csv",
            p.format
                .map(|f| {
                    obj(vec![("delimiter", (f.delimiter as char).to_string().into()), ("header", f.header.into())])
                })
                .into(),
        ),
    ])
}

/// The rows of one part ("train" or "test"): inputs raw and standardised, and the targets as trained.
pub fn rows_json(p: &Prepared, part: &str) -> Result<Value> {
    let (raw, set) = match (part, &p.data.test) {
        ("train", _) => (&p.raw_train, &p.data.train),
        ("test", Some(test)) => (&p.raw_test, test),
        _ => return Err(Error::invalid("part", "\"train\" or \"test\"", show::quoted(part))),
    };
    Ok(obj(vec![
        ("raw", matrix_json(raw.view())),
        ("standardized", matrix_json(p.standardizer.transform(raw.view()).view())),
        ("y", matrix_json(set.y.view())),
    ]))
}

/// What can be said of a session's data when it was not prepared here (a loaded session file):
/// shapes and statistics of the inputs as they are trained on.
pub fn trainer_data_json(t: &Trainer) -> Value {
    let names: Vec<String> = (1..=t.arch.inputs).map(|j| format!("x{j}")).collect();
    let test = t.data.test.as_ref();
    obj(vec![
        ("inputs", names.as_slice().into()),
        ("task", if t.loss.is_classification() { "classification" } else { "regression" }.into()),
        ("output", obj(vec![("units", t.arch.outputs().into()), ("loss", t.loss.name().into())])),
        ("rows", obj(vec![("train", t.data.train.len().into()), ("test", test.map_or(0, Dataset::len).into())])),
        (
            "shapes",
            obj(vec![
                ("x_train", shape(&t.data.train.x)),
                ("y_train", shape(&t.data.train.y)),
                ("x_test", test.map(|d| shape(&d.x)).into()),
                ("y_test", test.map(|d| shape(&d.y)).into()),
            ]),
        ),
        ("standardized", Value::Null),
        (
            "stats",
            obj(vec![(
                "trained",
                obj(vec![
                    ("train", stats_json(&names, t.data.train.x.view())),
                    ("test", test.map(|d| stats_json(&names, d.x.view())).into()),
                ]),
            )]),
        ),
    ])
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
                obj(vec![
                    ("name", g.name().into()),
                    ("title", g.title().into()),
                    ("inputs", g.inputs().into()),
                    ("task", if g.classes().is_some() { "classification" } else { "regression" }.into()),
                    ("classes", classes.into()),
                    ("x_range", Value::Array(vec![Value::from(-1i64), 1usize.into()])),
                    ("points", obj(vec![("min", MIN_POINTS.into()), ("max", MAX_POINTS.into())])),
                    ("noise", obj(vec![("min", 0usize.into()), ("max", 1usize.into())])),
                ])
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

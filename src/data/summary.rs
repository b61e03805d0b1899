//! What the page shows about the data, as JSON: shapes, the task, the split, and per-column
//! statistics of the raw and the standardised inputs.

use crate::data::prepare::{Prepared, Task};
use crate::data::standardize::{describe, ColumnStats};
use crate::error::{Error, Result};
use crate::json::Writer;
use crate::json::{Map, Value};
use crate::message::Msg;
use crate::settings::Dataset;
use crate::show;
use crate::trainer::Trainer;
use ndarray::ArrayView2;

/// Per input column: its name, mean, standard deviation, minimum and maximum.
fn stats(w: &mut Writer, names: &[String], x: ArrayView2<f64>) {
    w.begin_array();
    for (name, ColumnStats { mean, std, min, max }) in names.iter().zip(describe(x)) {
        w.begin_object().key("column").string(name);
        w.key("mean").number(mean).key("std").number(std).key("min").number(min).key("max").number(max);
        w.end_object();
    }
    w.end_array();
}

/// `[rows, columns]`.
fn shape(w: &mut Writer, rows: usize, columns: usize) {
    w.begin_array().whole(rows).whole(columns).end_array();
}

fn strings(w: &mut Writer, list: &[String]) {
    w.begin_array();
    list.iter().for_each(|s| {
        w.string(s);
    });
    w.end_array();
}

fn wholes(w: &mut Writer, list: &[usize]) {
    w.begin_array();
    list.iter().for_each(|&n| {
        w.whole(n);
    });
    w.end_array();
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

/// The summary of prepared data. (Written straight into text, as every JSON the page reads
/// often: see `json::Writer`.)
pub fn summary_json(p: &Prepared) -> String {
    let classification = p.task == Task::Classification;
    let test = p.data.test.as_ref();
    let mut w = Writer::new();
    w.begin_object();
    w.key("inputs");
    strings(&mut w, &p.inputs);
    w.key("target").string(&p.target).key("task").string(p.task.name());
    w.key("classes");
    strings(&mut w, &p.classes);
    w.key("class_counts");
    if classification {
        let k = p.classes.len();
        w.begin_object().key("train");
        wholes(&mut w, &class_counts(&p.data.train, k));
        w.key("test");
        wholes(&mut w, &test.map(|t| class_counts(t, k)).unwrap_or_default());
        w.end_object();
    } else {
        w.null();
    }
    w.key("output").begin_object();
    w.key("units").whole(p.output.units).key("activation").string(p.output.activation.name());
    w.key("loss").string(p.output.loss.name()).end_object();
    let (train_rows, test_rows) = (p.raw_train.nrows(), p.raw_test.nrows());
    w.key("rows").begin_object();
    w.key("total").whole(train_rows + test_rows).key("train").whole(train_rows).key("test").whole(test_rows);
    w.end_object();
    w.key("shapes").begin_object().key("x_train");
    shape(&mut w, p.data.train.x.nrows(), p.data.train.x.ncols());
    w.key("y_train");
    shape(&mut w, p.data.train.y.nrows(), p.data.train.y.ncols());
    w.key("x_test");
    shape(&mut w, test.map_or(0, |t| t.x.nrows()), p.inputs.len());
    w.key("y_test");
    let (rows, columns) = test.map_or((0, p.output.units), |t| t.y.dim());
    shape(&mut w, rows, columns);
    w.end_object();
    w.key("split").begin_object().key("test_fraction").number(p.test_fraction);
    w.key("seed").unsigned(p.seed).key("stratified").boolean(classification).end_object();
    w.key("standardized").boolean(p.standardized);
    w.key("scaler").begin_object();
    w.key("mean").numbers(p.standardizer.mean.iter().copied());
    w.key("std").numbers(p.standardizer.std.iter().copied());
    w.end_object();
    w.key("stats").begin_object();
    for (part, transform) in [("raw", false), ("standardized", true)] {
        w.key(part).begin_object();
        for (name, raw) in [("train", &p.raw_train), ("test", &p.raw_test)] {
            w.key(name);
            if transform {
                stats(&mut w, &p.inputs, p.standardizer.transform(raw.view()).view());
            } else {
                stats(&mut w, &p.inputs, raw.view());
            }
        }
        w.end_object();
    }
    w.end_object();
    w.key("csv");
    match p.format {
        Some(f) => {
            let mut delimiter = [0; 4];
            w.begin_object().key("delimiter").string((f.delimiter as char).encode_utf8(&mut delimiter));
            w.key("header").boolean(f.header).end_object();
        }
        None => {
            w.null();
        }
    }
    w.end_object();
    w.finish()
}

/// The rows of one part ("train" or "test"): inputs raw and standardised, and the targets as trained.
pub fn rows_json(p: &Prepared, part: &str) -> Result<String> {
    let (raw, set) = match (part, &p.data.test) {
        ("train", _) => (&p.raw_train, &p.data.train),
        ("test", Some(test)) => (&p.raw_test, test),
        _ => return Err(Error::invalid("part", Msg::ExpectedPart, show::quoted(part))),
    };
    let mut w = Writer::new();
    w.begin_object().key("raw").matrix(raw.view());
    w.key("standardized").matrix(p.standardizer.transform(raw.view()).view());
    w.key("y").matrix(set.y.view()).end_object();
    Ok(w.finish())
}

/// What can be said of a session's data when it was not prepared here (a loaded session file):
/// shapes and statistics of the inputs as they are trained on, with the names the file gives
/// (`x1`, `x2`, … and class numbers where it gives none).
pub fn trainer_data_json(t: &Trainer, given: &Map) -> String {
    // A list of names the session gives, when it has `count` of them.
    let named = |key: &str, count: usize| -> Option<Vec<String>> {
        let items = given.get(key)?.as_array().filter(|items| items.len() == count)?;
        Some(items.iter().filter_map(Value::as_str).map(str::to_string).collect())
    };
    let names =
        named("inputs", t.arch.inputs).unwrap_or_else(|| (1..=t.arch.inputs).map(|j| format!("x{j}")).collect());
    let test = t.data.test.as_ref();
    let classification = t.loss.is_classification();
    let mut w = Writer::new();
    w.begin_object().key("inputs");
    strings(&mut w, &names);
    if let Some(target) = given.get("target").and_then(Value::as_str) {
        w.key("target").string(target);
    }
    w.key("task").string(if classification { "classification" } else { "regression" });
    if classification {
        // One sigmoid unit tells two classes apart; k softmax units, k classes.
        let k = t.arch.outputs().max(2);
        let classes = named("classes", k).unwrap_or_else(|| (0..k).map(|c| format!("{c}")).collect());
        w.key("classes");
        strings(&mut w, &classes);
    }
    w.key("output").begin_object().key("units").whole(t.arch.outputs()).key("loss").string(t.loss.name());
    w.end_object();
    w.key("rows").begin_object().key("train").whole(t.data.train.len());
    w.key("test").whole(test.map_or(0, Dataset::len)).end_object();
    w.key("shapes").begin_object();
    for (key, m) in [("x_train", Some(&t.data.train.x)), ("y_train", Some(&t.data.train.y))]
        .into_iter()
        .chain([("x_test", test.map(|d| &d.x)), ("y_test", test.map(|d| &d.y))])
    {
        w.key(key);
        match m {
            Some(m) => shape(&mut w, m.nrows(), m.ncols()),
            None => {
                w.null();
            }
        }
    }
    w.end_object();
    w.key("standardized").null();
    w.key("stats").begin_object().key("trained").begin_object().key("train");
    stats(&mut w, &names, t.data.train.x.view());
    w.key("test");
    match test {
        Some(d) => stats(&mut w, &names, d.x.view()),
        None => {
            w.null();
        }
    }
    w.end_object().end_object();
    w.end_object();
    w.finish()
}

/// The generators the page can list: name, title, inputs, task, class counts, ranges and limits.
pub fn generators_json() -> String {
    use crate::data::generate::{Generator, MAX_POINTS, MIN_POINTS};
    let mut w = Writer::new();
    w.begin_array();
    for g in Generator::ALL {
        let classes: Vec<usize> = match g {
            Generator::Blobs(_) => Generator::BLOB_CLASSES.collect(),
            _ => g.classes().into_iter().collect(),
        };
        w.begin_object().key("name").string(g.name()).key("title").string(g.title());
        w.key("inputs").whole(g.inputs());
        w.key("task").string(if g.classes().is_some() { "classification" } else { "regression" });
        w.key("classes");
        wholes(&mut w, &classes);
        w.key("x_range").begin_array().number(-1.0).number(1.0).end_array();
        w.key("points").begin_object().key("min").whole(MIN_POINTS).key("max").whole(MAX_POINTS).end_object();
        w.key("noise").begin_object().key("min").whole(0).key("max").whole(1).end_object();
        w.end_object();
    }
    w.end_array();
    w.finish()
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

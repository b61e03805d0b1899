//! Session files, version 1: one JSON document with the network, loss, initialisation, training
//! settings, data, current parameters, position in training and history. See `docs/session-format.md`.
//!
//! Numbers are written in shortest round-trip form and read back exactly, so export → import →
//! export gives the same text.

use crate::activation::Activation;
use crate::error::{Error, Result};
use crate::init::{Init, WeightInit};
use crate::json::*;
use crate::loss::Loss;
use crate::message::{Msg, Phrase};
use crate::moment_json::{moment_packed, moment_value, read_moment, read_moment_packed};
use crate::network::{Architecture, Layer, LayerSpec, Network, MAX_HIDDEN, MAX_INPUTS, MAX_UNITS};
use crate::settings::{check_loss_pairing, BatchSize, Data, Dataset, Settings};
use crate::trace::{phases_per_batch, Step};
use crate::trainer::{History, Phase, Status, Trainer};
use ndarray::Array2;

/// The only version this code reads and writes.
pub const VERSION: u64 = 1;

/// Free-text fields kept with a session (a preset's title and note) and the names of its data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub name: Option<String>,
    pub description: Option<String>,
    /// What the session says about its data besides the numbers, for the page to show, as the
    /// `data` object of its file holds it: `file` (the name of the file the data was read from),
    /// `inputs` (one name per input column), `target` (the target column's name) and `classes`
    /// (the class names in class-number order). All optional: files written before them, or by
    /// hand, have none, and the page then shows x1, x2, … and class numbers.
    pub data: Map,
}

/// The keys of [`Meta::data`], and whether each holds a list of names (else one name).
pub const DATA_NAMES: [(&str, bool); 4] = [("file", false), ("inputs", true), ("target", false), ("classes", true)];

/// Reads a session file into a ready trainer.
pub fn from_json(text: &str) -> Result<(Trainer, Meta)> {
    let doc = parse_document(text)?;
    let top = object(&doc, "session")?;
    known_keys(
        top,
        "",
        &[
            "version",
            "name",
            "description",
            "network",
            "loss",
            "init",
            "training",
            "data",
            "params",
            "position",
            "history",
            "moment",
            "undo",
        ],
    )?;
    let version = required(top, "", "version")?;
    if version.as_u64() != Some(VERSION) {
        return Err(Error::invalid("version", Msg::ExpectedVersion, show(version)));
    }
    let name = optional(top, "name").map(|v| string(v, "name").map(str::to_string)).transpose()?;
    let description = optional(top, "description").map(|v| string(v, "description").map(str::to_string)).transpose()?;
    let arch = read_network(required(top, "", "network")?)?;
    let loss = Loss::parse(string(required(top, "", "loss")?, "loss")?, "loss")?;
    let init = match optional(top, "init") {
        Some(v) => read_init(v)?,
        None => Init::default(),
    };
    let settings = read_training(required(top, "", "training")?)?;
    check_loss_pairing(&arch, loss)?;
    let (data, names) = read_data(required(top, "", "data")?, &arch, loss)?;
    data.validate(&arch, loss)?;
    let meta = Meta { name, description, data: names };
    let params = optional(top, "params").map(|v| read_params(v, &arch, "params")).transpose()?;
    let mut trainer = Trainer::new(arch, loss, init, settings, data, params)?;
    if let Some(pos) = optional(top, "position") {
        let history = optional(top, "history").map(read_history).transpose()?.unwrap_or_default();
        read_position(pos, &mut trainer, history)?;
    } else if let Some(h) = optional(top, "history") {
        read_position(&Value::Object(Map::new()), &mut trainer, read_history(h)?)?;
    }
    // The exact moment and the undo steps, when the file keeps them: the batch on show and Step
    // back come back as they were (position alone starts the batch's phases again).
    if let Some(m) = optional(top, "moment") {
        let arch = trainer.arch.clone();
        let now = read_moment(m, &arch, "moment")?;
        let mut undo = Vec::new();
        if let Some(list) = optional(top, "undo") {
            let items = list.as_array().ok_or_else(|| Error::invalid("undo", Msg::ExpectedMoments, show(list)))?;
            for (i, item) in items.iter().enumerate() {
                undo.push(read_moment(item, &arch, &format!("undo[{i}]"))?);
            }
        }
        trainer.restore_moments(now, undo)?;
    }
    Ok((trainer, meta))
}

fn read_network(v: &Value) -> Result<Architecture> {
    let map = object(v, "network")?;
    known_keys(map, "network", &["inputs", "layers"])?;
    let inputs = whole(required(map, "network", "inputs")?, "network.inputs", 1, MAX_INPUTS as u64)? as usize;
    let list = required(map, "network", "layers")?;
    let items = list.as_array().ok_or_else(|| Error::invalid("network.layers", Msg::ExpectedLayerList, show(list)))?;
    if items.is_empty() || items.len() > MAX_HIDDEN + 1 {
        return Err(Error::invalid(
            "network.layers",
            Phrase::new(Msg::ExpectedLayerCount).arg("max", MAX_HIDDEN + 1),
            Phrase::new(Msg::GotLayers).arg("count", items.len()),
        ));
    }
    // Loops, not `collect::<Result<_>>()`: each such collect is a kilobyte or more of wasm.
    let mut layers = Vec::with_capacity(items.len());
    for (l, item) in items.iter().enumerate() {
        let field = format!("network.layers[{l}]");
        let m = object(item, &field)?;
        known_keys(m, &field, &["units", "activation"])?;
        let units = whole(required(m, &field, "units")?, &format!("{field}.units"), 1, MAX_UNITS as u64)? as usize;
        let act_field = format!("{field}.activation");
        let activation = Activation::parse(string(required(m, &field, "activation")?, &act_field)?, &act_field)?;
        layers.push(LayerSpec { units, activation });
    }
    let arch = Architecture { inputs, layers };
    arch.validate()?;
    Ok(arch)
}

fn read_init(v: &Value) -> Result<Init> {
    // A bare name is shorthand for { "weights": name }.
    if let Some(name) = v.as_str() {
        return Ok(Init { weights: WeightInit::parse(name, 0.5, "init")?, bias: 0.0 });
    }
    let map = object(v, "init")?;
    known_keys(map, "init", &["weights", "value", "bias"])?;
    let value = optional(map, "value").map(|v| number(v, "init.value")).transpose()?.unwrap_or(0.5);
    let weights = match optional(map, "weights") {
        Some(w) => WeightInit::parse(string(w, "init.weights")?, value, "init.weights")?,
        None => Init::default().weights,
    };
    let bias = optional(map, "bias").map(|v| number(v, "init.bias")).transpose()?.unwrap_or(0.0);
    Ok(Init { weights, bias })
}

fn read_training(v: &Value) -> Result<Settings> {
    let map = object(v, "training")?;
    known_keys(
        map,
        "training",
        &["learning_rate", "batch_size", "shuffle", "seed", "l2", "target_loss", "max_epochs"],
    )?;
    let d = Settings::default();
    let batch_size = match optional(map, "batch_size") {
        None => d.batch_size,
        Some(Value::String(s)) if s == "all" => BatchSize::All,
        Some(b) => BatchSize::Rows(
            b.as_u64()
                .filter(|&k| k >= 1)
                .ok_or_else(|| Error::invalid("training.batch_size", Msg::ExpectedBatchSize, show(b)))?
                as usize,
        ),
    };
    let settings = Settings {
        learning_rate: number(required(map, "training", "learning_rate")?, "training.learning_rate")?,
        batch_size,
        shuffle: optional(map, "shuffle").map(|v| boolean(v, "training.shuffle")).transpose()?.unwrap_or(d.shuffle),
        seed: optional(map, "seed").map(|v| whole(v, "training.seed", 0, u64::MAX)).transpose()?.unwrap_or(d.seed),
        l2: optional(map, "l2").map(|v| number(v, "training.l2")).transpose()?.unwrap_or(d.l2),
        target_loss: optional(map, "target_loss").map(|v| number(v, "training.target_loss")).transpose()?,
        max_epochs: optional(map, "max_epochs")
            .map(|v| whole(v, "training.max_epochs", 1, u32::MAX as u64).map(|n| n as usize))
            .transpose()?,
    };
    settings.validate()?;
    Ok(settings)
}

fn read_data(v: &Value, arch: &Architecture, loss: Loss) -> Result<(Data, Map)> {
    let map = object(v, "data")?;
    known_keys(map, "data", &["file", "inputs", "target", "classes", "train", "test"])?;
    let mut names = Map::new();
    for (key, list) in DATA_NAMES {
        let Some(v) = optional(map, key) else { continue };
        let ok = match v.as_array() {
            Some(items) => list && items.iter().all(|item| item.as_str().is_some()),
            None => !list && v.as_str().is_some(),
        };
        // One name per input, when they are named.
        let count = key != "inputs" || v.as_array().is_some_and(|items| items.len() == arch.inputs);
        if !ok || !count {
            let expected = if !list {
                Msg::ExpectedName
            } else if ok {
                Msg::ExpectedNamePerInput
            } else {
                Msg::ExpectedNameList
            };
            return Err(Error::invalid(path("data", key), expected, show(v)));
        }
        names.insert(key.into(), v.clone());
    }
    let set = |name: &str, v: &Value| -> Result<Dataset> {
        let field = format!("data.{name}");
        let m = object(v, &field)?;
        known_keys(m, &field, &["x", "y"])?;
        let x = matrix(required(m, &field, "x")?, &format!("{field}.x"))?;
        let y = matrix(required(m, &field, "y")?, &format!("{field}.y"))?;
        let y = class_labels_to_one_hot(y, arch.outputs(), loss, &format!("{field}.y"))?;
        Ok(Dataset { x, y })
    };
    let train = set("train", required(map, "data", "train")?)?;
    let test = optional(map, "test").map(|t| set("test", t)).transpose()?;
    Ok((Data { train, test }, names))
}

/// With CCE, a single column of class numbers 0…k−1 is accepted for k outputs and one-hot encoded.
fn class_labels_to_one_hot(y: Array2<f64>, outputs: usize, loss: Loss, field: &str) -> Result<Array2<f64>> {
    if loss != Loss::Cce || y.ncols() != 1 || outputs < 2 {
        return Ok(y);
    }
    let mut one_hot = Array2::zeros((y.nrows(), outputs));
    for (i, &c) in y.column(0).iter().enumerate() {
        if c.fract() != 0.0 || c < 0.0 || c >= outputs as f64 {
            return Err(Error::invalid(
                format!("{field}[{i}]"),
                Phrase::new(Msg::ExpectedClassNumber).arg("max", outputs - 1),
                c,
            ));
        }
        one_hot[(i, c as usize)] = 1.0;
    }
    Ok(one_hot)
}

/// Parameters, one `{w, b}` per layer, at `name` in the file.
pub(crate) fn read_params(v: &Value, arch: &Architecture, name: &str) -> Result<Network> {
    let items = v.as_array().ok_or_else(|| Error::invalid(name, Msg::ExpectedParamsList, show(v)))?;
    if items.len() != arch.layers.len() {
        return Err(Error::invalid(
            name,
            Phrase::new(Msg::ExpectedParamsCount).arg("count", arch.layers.len()),
            Phrase::new(Msg::GotEntries).arg("count", items.len()),
        ));
    }
    let mut layers = Vec::with_capacity(items.len());
    for (l, item) in items.iter().enumerate() {
        let field = format!("{name}[{l}]");
        let m = object(item, &field)?;
        known_keys(m, &field, &["w", "b"])?;
        let w = matrix(required(m, &field, "w")?, &format!("{field}.w"))?;
        let (n, u) = (arch.fan_in(l), arch.layers[l].units);
        if w.dim() != (n, u) {
            return Err(Error::invalid(
                format!("{field}.w"),
                Phrase::new(Msg::ExpectedWeightShape).arg("rows", n).arg("cols", u),
                Phrase::new(Msg::GotRowsOf).arg("rows", w.nrows()).arg("cols", w.ncols()),
            ));
        }
        let b = vector(required(m, &field, "b")?, &format!("{field}.b"))?;
        if b.len() != u {
            return Err(Error::invalid(
                format!("{field}.b"),
                Phrase::new(Msg::ExpectedBiasLength).arg("count", u),
                Phrase::new(Msg::GotNumbers).arg("count", b.len()),
            ));
        }
        layers.push(Layer { w, b, activation: arch.layers[l].activation });
    }
    Ok(Network { layers })
}

/// A history's fields: its lists (per epoch, the batch losses, and the positions of a thinned
/// one), then the counts of a thinned one.
const HISTORY_KEYS: [&str; 12] = [
    "train_loss",
    "test_loss",
    "train_accuracy",
    "test_accuracy",
    "train_rmse",
    "test_rmse",
    "mean_batch_loss",
    "batch_loss",
    "epoch",
    "batch",
    "epochs",
    "batches",
];

fn read_history(v: &Value) -> Result<History> {
    let map = object(v, "history")?;
    known_keys(map, "history", &HISTORY_KEYS)?;
    // Read in one loop: each `?` between separately read lists would drop the lists before it,
    // and that code, repeated, was a kilobyte of wasm.
    let mut read = Vec::with_capacity(10);
    for key in &HISTORY_KEYS[..10] {
        read.push(history_list(map, key)?);
    }
    let count = |key: &str, field: &str| optional(map, key).map(|v| whole(v, field, 0, u32::MAX as u64)).transpose();
    let (epochs, batches) = (count("epochs", "history.epochs")?, count("batches", "history.batches")?);
    let mut lists = History::default();
    let mut take = |i: usize| std::mem::take(&mut read[i]);
    let sure = |list: Vec<Option<f64>>| list.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect();
    lists.train_loss = sure(take(0));
    lists.test_loss = take(1);
    lists.train_accuracy = take(2);
    lists.test_accuracy = take(3);
    lists.train_rmse = take(4);
    lists.test_rmse = take(5);
    lists.mean_batch_loss = take(6);
    lists.batch_loss = sure(take(7));
    // A thinned history (or a part of one) numbers its entries from 1, and says how many epochs
    // and batch losses were logged in all.
    let (epoch, batch) = (whole_numbers(take(8), 1), whole_numbers(take(9), 1));
    epoch
        .zip(batch)
        .and_then(|(epoch, batch)| {
            History::from_lists(lists, epoch, batch, epochs.map(|n| n as usize), batches.map(|n| n as usize))
        })
        .ok_or_else(|| Error::invalid("history.epoch", Msg::ExpectedHistoryPositions, Msg::GotOtherPositions))
}

/// The list `key` of a history: numbers and nulls (none when it is left out). One function, not
/// a closure inlined at each of the ten lists: a kilobyte of wasm less.
#[inline(never)]
fn history_list(map: &Map, key: &str) -> Result<Vec<Option<f64>>> {
    optional(map, key).map_or(Ok(Vec::new()), |v| numbers_or_nulls(v, &format!("history.{key}")))
}

fn read_position(v: &Value, trainer: &mut Trainer, history: History) -> Result<()> {
    let map = object(v, "position")?;
    known_keys(map, "position", &["epoch", "batch", "phase"])?;
    let epoch = optional(map, "epoch").map(|v| whole(v, "position.epoch", 0, u32::MAX as u64)).transpose()?.unwrap_or(0)
        as usize;
    let batch = optional(map, "batch").map(|v| whole(v, "position.batch", 0, u32::MAX as u64)).transpose()?.unwrap_or(0)
        as usize;
    let depth = trainer.arch.layers.len();
    let (done, status) = match optional(map, "phase") {
        None => (0, Status::Running),
        Some(p) => {
            let name = string(p, "position.phase")?;
            match Status::parse(name) {
                Some(status) if status != Status::Running => (0, status),
                _ => {
                    let done =
                        (0..phases_per_batch(depth)).find(|&k| Step::at(k, depth).name() == name).ok_or_else(|| {
                            Error::invalid(
                                "position.phase",
                                Phrase::new(Msg::ExpectedPhaseName).arg("depth", depth),
                                crate::show::quoted(name),
                            )
                        })?;
                    (done, Status::Running)
                }
            }
        }
    };
    trainer.restore_position(epoch, batch, done, status, history)
}

/// Writes a trainer as a session file (pretty-printed, numbers in shortest round-trip form).
pub fn to_json(trainer: &Trainer, meta: &Meta) -> String {
    session_value(trainer, meta, 0).to_string_pretty()
}

/// [`to_json`] with the newest undo steps that fit in about `undo_bytes` of text (all of them
/// when they fit), so that Step back works after the file is opened again.
pub fn to_json_with_undo(trainer: &Trainer, meta: &Meta, undo_bytes: usize) -> String {
    session_value(trainer, meta, undo_bytes).to_string_pretty()
}

fn session_value(trainer: &Trainer, meta: &Meta, undo_bytes: usize) -> Value {
    let arch = &trainer.arch;
    let layers =
        arch.layers.iter().map(|l| obj(vec![("units", l.units.into()), ("activation", l.activation.name().into())]));
    let mut init = vec![("weights", trainer.init.weights.name().into()), ("bias", num(trainer.init.bias))];
    if let WeightInit::Constant(c) = trainer.init.weights {
        init.push(("value", num(c)));
    }
    let s = &trainer.settings;
    let batch_size = match s.batch_size {
        BatchSize::All => "all".into(),
        BatchSize::Rows(k) => k.into(),
    };
    let set = |d: &Dataset| obj(vec![("x", matrix_json(d.x.view())), ("y", matrix_json(d.y.view()))]);
    // The names as read or loaded, beside the numbers.
    let mut data = meta.data.clone();
    data.insert("train".into(), set(&trainer.data.train));
    if let Some(test) = &trainer.data.test {
        data.insert("test".into(), set(test));
    }
    // Mid-batch the parameters are those the batch started with; the batch's values are recomputed on load.
    let params = params_value(trainer.network());
    let phase = match trainer.phase() {
        Phase::Stopped(status) => status.name().to_string(),
        Phase::Next(step) => step.name(),
    };
    let mut top = vec![("version", VERSION.into())];
    if let Some(name) = &meta.name {
        top.push(("name", name.into()));
    }
    if let Some(d) = &meta.description {
        top.push(("description", d.into()));
    }
    top.extend([
        ("network", obj(vec![("inputs", arch.inputs.into()), ("layers", Value::Array(layers.collect()))])),
        ("loss", trainer.loss.name().into()),
        ("init", obj(init)),
        (
            "training",
            obj(vec![
                ("learning_rate", num(s.learning_rate)),
                ("batch_size", batch_size),
                ("shuffle", s.shuffle.into()),
                ("seed", s.seed.into()),
                ("l2", num(s.l2)),
                ("target_loss", opt_num(s.target_loss)),
                ("max_epochs", s.max_epochs.into()),
            ]),
        ),
        ("data", Value::Object(data)),
        ("params", params),
        (
            "position",
            obj(vec![("epoch", trainer.epoch().into()), ("batch", trainer.batch().into()), ("phase", phase.into())]),
        ),
        ("history", history_value(trainer.history())),
        ("moment", moment_value(&trainer.moment())),
    ]);
    if undo_bytes > 0 {
        top.push(("undo", Value::Array(newest_undo(trainer, undo_bytes))));
    }
    obj(top)
}

/// The newest undo steps whose text fits in `bytes`, oldest first.
fn newest_undo(trainer: &Trainer, bytes: usize) -> Vec<Value> {
    let mut kept = Vec::new();
    let mut used = 0;
    for m in trainer.undo_moments().iter().rev() {
        let value = moment_value(m);
        used += value.to_string().len();
        if used > bytes {
            break;
        }
        kept.push(value);
    }
    kept.reverse();
    kept
}

/// Parameters as a session file holds them: one `{w, b}` per layer.
pub(crate) fn params_value(net: &Network) -> Value {
    Value::Array(
        net.layers.iter().map(|l| obj(vec![("w", matrix_json(l.w.view())), ("b", vec_json(l.b.iter()))])).collect(),
    )
}

/// The history: per epoch, and every batch's J (the page's Batch J curve); a thinned history
/// (or a part of one) also numbers its entries (epochs and batches from 1) and gives the counts.
pub fn history_value(h: &History) -> Value {
    let opt_list = |v: &[Option<f64>]| Value::Array(v.iter().map(|&x| opt_num(x)).collect());
    let mut fields = vec![
        ("train_loss", vec_json(h.train_loss.iter())),
        ("test_loss", opt_list(&h.test_loss)),
        ("train_accuracy", opt_list(&h.train_accuracy)),
        ("test_accuracy", opt_list(&h.test_accuracy)),
        ("train_rmse", opt_list(&h.train_rmse)),
        ("test_rmse", opt_list(&h.test_rmse)),
        ("mean_batch_loss", opt_list(&h.mean_batch_loss)),
        ("batch_loss", vec_json(h.batch_loss.iter())),
    ];
    if !h.is_whole() {
        let numbered = |p: &[usize]| Value::Array(p.iter().map(|&i| Value::from(i + 1)).collect());
        fields.push(("epoch", numbered(&h.epoch)));
        fields.push(("batch", numbered(&h.batch)));
        fields.push(("epochs", Value::from(h.epochs())));
        fields.push(("batches", Value::from(h.batches())));
    }
    obj(fields)
}

/// The history's newest `epochs` epochs and last `epochs` batch losses, with how many of each
/// were logged in all (`{"epochs", "batches", "history"}`): what the page's text alternatives of
/// the charts read. The whole history grows with every epoch played (the circle preset after
/// 25,000 epochs: 6 MB of text), and writing and reading all of it for the last few figures held
/// a slow laptop's page for half a second.
pub fn history_tail_value(h: &History, epochs: usize) -> Value {
    let (all_epochs, all_batches) = (h.epochs(), h.batches());
    let tail = h.since(all_epochs.saturating_sub(epochs), all_batches.saturating_sub(epochs));
    obj(vec![
        ("epochs", Value::from(all_epochs)),
        ("batches", Value::from(all_batches)),
        ("history", history_value(&tail)),
    ])
}

/// What a copy of a session that trains elsewhere (the page's worker) hands back: as JSON, the
/// moment it is at (without its parameters) and the history it logged after the first `epochs`
/// epochs and `batches` batch losses; and the moment's parameters as numbers (`moment_packed`).
pub fn progress_packed(trainer: &Trainer, epochs: usize, batches: usize) -> (String, Vec<f64>) {
    let (moment, numbers) = moment_packed(&trainer.moment());
    let tail = trainer.history().since(epochs, batches);
    (obj(vec![("moment", moment), ("history", history_value(&tail))]).to_string(), numbers)
}

/// Puts `trainer` where a copy of its session got to, from [`progress_packed`]'s text and numbers
/// (`Trainer::absorb`); a progress that does not follow on from `trainer` changes nothing.
pub fn absorb_packed(trainer: &mut Trainer, text: &str, numbers: &[f64]) -> Result<()> {
    let doc = parse_document(text)?;
    let top = object(&doc, "progress")?;
    known_keys(top, "progress", &["moment", "history"])?;
    let now = read_moment_packed(required(top, "progress", "moment")?, numbers, &trainer.arch, "progress.moment")?;
    let tail = read_history(required(top, "progress", "history")?)?;
    trainer.absorb(now, tail)
}

/// Fields that can change without restarting training: they act only on future steps.
const LIVE_FIELDS: [&str; 3] = ["learning_rate", "target_loss", "max_epochs"];

/// Applies a partial session (a JSON merge patch: objects merge, anything else replaces) to a
/// trainer. A patch that touches only the learning rate or the stopping rule keeps the position,
/// the trace and the undo steps; any other change starts training afresh from the seed.
/// On error the given trainer is untouched (a new one is returned on success).
pub fn apply_patch(trainer: &Trainer, meta: &Meta, patch: &str) -> Result<(Trainer, Meta)> {
    let patch = parse_document(patch)?;
    let map = object(&patch, "settings")?;
    let live_only = map.iter().all(|(k, v)| {
        k == "training" && v.as_object().is_some_and(|t| t.keys().all(|f| LIVE_FIELDS.contains(&f.as_str())))
    });
    if live_only {
        let mut next = trainer.clone();
        let training = map.get("training").and_then(Value::as_object).cloned().unwrap_or_default();
        let mut settings = next.settings.clone();
        if let Some(v) = training.get("learning_rate") {
            settings.learning_rate = number(v, "training.learning_rate")?;
        }
        if let Some(v) = training.get("target_loss") {
            settings.target_loss = if v.is_null() { None } else { Some(number(v, "training.target_loss")?) };
        }
        if let Some(v) = training.get("max_epochs") {
            settings.max_epochs =
                if v.is_null() { None } else { Some(whole(v, "training.max_epochs", 1, u32::MAX as u64)? as usize) };
        }
        next.set_live_settings(settings)?;
        return Ok((next, meta.clone()));
    }
    let mut doc = session_value(trainer, meta, 0);
    merge(&mut doc, &patch);
    if let Some(top) = doc.as_object_mut() {
        for key in ["params", "position", "history", "moment", "undo"] {
            top.remove(key);
        }
    }
    from_json(&doc.to_string())
}

/// JSON merge patch (RFC 7386): objects merge key by key, null deletes, other values replace.
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p.iter() {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge(t.entry(k), v);
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

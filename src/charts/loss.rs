//! The loss chart: J over the training set and the test set after each epoch, and optionally the
//! J of every batch, which is what gradient descent actually sees; over them, the training J of
//! runs the page kept, to compare.

use super::colour::{Rgb, CLASSES, HIGH, LOW};
use super::epochs::{EpochChart, Hover, Line, Values};
use super::{Frame, Look, OptionsText, Words};
use crate::error::{Error, Result};
use crate::json::{self, known_keys, Value};
use crate::message::Msg;
use crate::trainer::Trainer;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::borrow::Cow;

/// The kept runs' colours, none of the session's own lines' (blue train, orange test, grey batch).
pub const KEPT_COLOURS: [Rgb; 4] = [CLASSES[2], CLASSES[3], CLASSES[4], CLASSES[6]];

/// A run the page kept: its J over the training set from epoch 0, before any training, on.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// Its name in the legend and in hover answers (worded by the page).
    pub name: String,
    /// J after epoch e at index e (0: the first parameters); None where it was not finite.
    pub train: Vec<Option<f64>>,
    /// The epoch of each value when the run was kept from a thinned history; None: index e.
    pub epoch: Option<Vec<usize>>,
    /// Which of `KEPT_COLOURS` (modulo their number): the run's place in the option's list.
    pub colour: usize,
}

/// What the page asks of the loss chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// A logarithmic y axis (losses often fall over decades).
    pub log: bool,
    /// Add each batch's J (useful when stepping batch by batch).
    pub batches: bool,
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// An epoch (1-based) to mark, e.g. the one under the pointer.
    pub highlight: Option<usize>,
    /// The words drawn (axis and line names).
    pub labels: Words,
    /// Leave the newest batch's J out of the batch line (a quiz on the page asks for it).
    pub hide_batch: bool,
    /// Kept runs, drawn over the session's lines.
    pub kept: Vec<Kept>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            log: false,
            batches: false,
            scale: 1.0,
            highlight: None,
            labels: Words::default(),
            hide_batch: false,
            kept: Vec::new(),
        }
    }
}

impl Options {
    /// Reads options from JSON, e.g. `{"log": true, "scale": 2, "kept": [null, {"name": "α 0.1",
    /// "train": [0.7, 0.5, null, 0.3]}]}`.
    pub fn parse(text: &str) -> Result<Options> {
        let keys = ["log", "batches", "scale", "highlight", "labels", "hide_batch", "kept"];
        let o = OptionsText::parse(text, &keys)?;
        let d = Options::default();
        Ok(Options {
            log: o.boolean("log", d.log)?,
            batches: o.boolean("batches", d.batches)?,
            scale: o.number("scale", d.scale)?,
            highlight: o.optional_whole("highlight")?,
            labels: o.words()?,
            hide_batch: o.boolean("hide_batch", d.hide_batch)?,
            kept: o.value("kept").map_or(Ok(Vec::new()), parse_kept)?,
        })
    }
}

/// The `kept` option: a list of `{name, train}` or null, each run in the colour of its place
/// (`KEPT_COLOURS`): a null keeps a removed run's colour free, so the others keep theirs. The
/// page builds it, so an error names the option rather than the entry (fewer bytes of wasm).
fn parse_kept(v: &Value) -> Result<Vec<Kept>> {
    const FIELD: &str = "chart options.kept";
    let bad = || Error::invalid(FIELD, Msg::ExpectedKeptRuns, json::show(v));
    let items = v.as_array().ok_or_else(bad)?;
    let mut kept = Vec::with_capacity(items.len());
    for (k, item) in items.iter().enumerate().filter(|(_, item)| !item.is_null()) {
        let map = item.as_object().ok_or_else(bad)?;
        known_keys(map, FIELD, &["name", "train", "epoch"])?;
        let (Some(name), Some(train)) = (map.get("name").and_then(Value::as_str), map.get("train")) else {
            return Err(bad());
        };
        let train = json::numbers_or_nulls(train, "chart options.kept.train")?;
        // A run kept from a thinned history gives the epoch of each value (0: the start).
        let epoch = match map.get("epoch") {
            None => None,
            Some(e) => {
                let epoch = json::whole_numbers(json::numbers_or_nulls(e, FIELD)?, 0).ok_or_else(bad)?;
                if epoch.len() != train.len() || epoch.windows(2).any(|w| w[0] >= w[1]) {
                    return Err(bad());
                }
                Some(epoch)
            }
        };
        kept.push(Kept { name: name.to_string(), train, epoch, colour: k });
    }
    Ok(kept)
}

/// The numbers the loss chart shows, borrowed from the history.
#[derive(Debug, Clone, PartialEq)]
pub struct LossData<'a> {
    /// J over the training set after epoch e + 1.
    pub train: &'a [f64],
    /// J over the test set after epoch e + 1, when there is a test set.
    pub test: &'a [Option<f64>],
    /// Every batch's J with the number of batches per epoch, when asked for.
    pub batches: Option<(&'a [f64], usize)>,
    /// For a thinned history: the epoch of each train and test value, and the batch of each
    /// batch's J (from 0). None for 0, 1, 2, ….
    pub positions: Option<(&'a [usize], &'a [usize])>,
    pub options: Options,
}

impl<'a> LossData<'a> {
    /// The loss history of a session.
    pub fn from_trainer(t: &'a Trainer, options: Options) -> LossData<'a> {
        let h = t.history();
        // The newest batch's J, hidden, is left out as if not logged yet.
        let logged = h.batch_loss.len() - usize::from(options.hide_batch && !h.batch_loss.is_empty());
        LossData {
            train: &h.train_loss,
            test: &h.test_loss,
            batches: options.batches.then(|| (&h.batch_loss[..logged], t.batches().max(1))),
            positions: (!h.is_whole()).then(|| (h.epoch.as_slice(), &h.batch[..logged])),
            options,
        }
    }

    /// The chart: the batch line first (underneath), then train and test, then the kept runs.
    pub fn chart(&self) -> Result<EpochChart<'_>> {
        let mut lines = Vec::new();
        if let Some((batch, per_epoch)) = self.batches {
            // Batch k's J is measured with the parameters after k updates, at epoch k / batches.
            let dx = 1.0 / per_epoch as f64;
            lines.push(Line {
                label: "batch",
                colour: [150, 150, 150],
                width: 1.0,
                values: Values::Dense(batch),
                positions: self.positions.map(|p| p.1),
                x0: 0.0,
                dx,
            });
        }
        lines.push(Line {
            label: "train",
            colour: HIGH,
            width: 2.0,
            values: Values::Dense(self.train),
            positions: self.positions.map(|p| p.0),
            x0: 1.0,
            dx: 1.0,
        });
        if self.test.iter().any(|v| v.is_some()) {
            let values = Values::Sparse(self.test.into());
            let positions = self.positions.map(|p| p.0);
            lines.push(Line { label: "test", colour: LOW, width: 2.0, values, positions, x0: 1.0, dx: 1.0 });
        }
        for kept in &self.options.kept {
            lines.push(Line {
                label: &kept.name,
                colour: KEPT_COLOURS[kept.colour % KEPT_COLOURS.len()],
                width: 2.0,
                values: Values::Sparse(Cow::Borrowed(&kept.train)),
                positions: kept.epoch.as_deref(),
                x0: 0.0,
                dx: 1.0,
            });
        }
        Ok(EpochChart {
            lines,
            y_label: "loss",
            y_log: self.options.log,
            y_range: None,
            y_percent: false,
            legend_top: true,
            highlight: self.options.highlight,
            look: Look::new(self.options.scale)?,
            words: self.options.labels.clone(),
        })
    }
}

/// Draws the loss chart, filling `root`.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, data: &LossData) -> Result<Frame> {
    data.chart()?.draw(root)
}

/// The epoch and values under pixel (px, py) of a loss chart of the given size.
pub fn hover<'d>(size: (u32, u32), data: &'d LossData, px: f64, py: f64) -> Result<Option<Hover<'d>>> {
    let chart = data.chart()?;
    let frame = chart.frame(size)?;
    Ok(chart.hover(&frame, px, py))
}

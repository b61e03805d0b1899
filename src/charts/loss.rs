//! The loss chart: J over the training set and the test set after each epoch, and optionally the
//! J of every batch, which is what gradient descent actually sees.

use super::colour::{HIGH, LOW};
use super::epochs::{EpochChart, Hover, Line, Values};
use super::{Frame, Look, OptionsText, Words};
use crate::error::Result;
use crate::trainer::Trainer;
use plotters::coord::Shift;
use plotters::prelude::*;

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
}

impl Default for Options {
    fn default() -> Self {
        Options { log: false, batches: false, scale: 1.0, highlight: None, labels: Words::default() }
    }
}

impl Options {
    /// Reads options from JSON, e.g. `{"log": true, "scale": 2}`.
    pub fn parse(text: &str) -> Result<Options> {
        let o = OptionsText::parse(text, &["log", "batches", "scale", "highlight", "labels"])?;
        let d = Options::default();
        Ok(Options {
            log: o.boolean("log", d.log)?,
            batches: o.boolean("batches", d.batches)?,
            scale: o.number("scale", d.scale)?,
            highlight: o.optional_whole("highlight")?,
            labels: o.words()?,
        })
    }
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
    pub options: Options,
}

impl<'a> LossData<'a> {
    /// The loss history of a session.
    pub fn from_trainer(t: &'a Trainer, options: Options) -> LossData<'a> {
        let h = t.history();
        LossData {
            train: &h.train_loss,
            test: &h.test_loss,
            batches: options.batches.then(|| (&h.batch_loss[..], t.batches().max(1))),
            options,
        }
    }

    /// The chart: the batch line first (underneath), then train and test.
    pub fn chart(&self) -> Result<EpochChart<'a>> {
        let mut lines = Vec::new();
        if let Some((batch, per_epoch)) = self.batches {
            // Batch k's J is measured with the parameters after k updates, at epoch k / batches.
            let dx = 1.0 / per_epoch as f64;
            lines.push(Line {
                label: "batch",
                colour: [150, 150, 150],
                width: 1.0,
                values: Values::Dense(batch),
                x0: 0.0,
                dx,
            });
        }
        lines.push(Line {
            label: "train",
            colour: HIGH,
            width: 2.0,
            values: Values::Dense(self.train),
            x0: 1.0,
            dx: 1.0,
        });
        if self.test.iter().any(|v| v.is_some()) {
            let values = Values::Sparse(self.test.into());
            lines.push(Line { label: "test", colour: LOW, width: 2.0, values, x0: 1.0, dx: 1.0 });
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
pub fn hover(size: (u32, u32), data: &LossData, px: f64, py: f64) -> Result<Option<Hover>> {
    let chart = data.chart()?;
    let frame = chart.frame(size)?;
    Ok(chart.hover(&frame, px, py))
}

//! The quality chart: accuracy on the training and test sets for classification, RMSE for
//! regression, after each epoch.

use super::colour::{HIGH, LOW};
use super::epochs::{EpochChart, Hover, Line, Values};
use super::{Frame, Look, OptionsText, Words};
use crate::error::Result;
use crate::trainer::Trainer;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::borrow::Cow;

/// What the page asks of the accuracy chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// An epoch (1-based) to mark, e.g. the one under the pointer.
    pub highlight: Option<usize>,
    /// The words drawn (axis and line names).
    pub labels: Words,
}

impl Default for Options {
    fn default() -> Self {
        Options { scale: 1.0, highlight: None, labels: Words::default() }
    }
}

impl Options {
    /// Reads options from JSON, e.g. `{"scale": 2, "highlight": 10}`.
    pub fn parse(text: &str) -> Result<Options> {
        let o = OptionsText::parse(text, &["scale", "highlight", "labels"])?;
        Ok(Options { scale: o.number("scale", 1.0)?, highlight: o.optional_whole("highlight")?, labels: o.words()? })
    }
}

/// What the chart measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Fraction of rows classified right, 0 to 1.
    Accuracy,
    /// Root mean squared error over rows and outputs.
    Rmse,
}

/// The numbers the chart shows, per epoch.
#[derive(Debug, Clone, PartialEq)]
pub struct AccuracyData<'a> {
    pub metric: Metric,
    pub train: Cow<'a, [Option<f64>]>,
    pub test: Cow<'a, [Option<f64>]>,
    /// The epoch (from 0) of each value, for a thinned history; None for 0, 1, 2, ….
    pub positions: Option<&'a [usize]>,
    pub options: Options,
}

impl<'a> AccuracyData<'a> {
    /// Accuracy for a classification loss; otherwise the RMSE the trainer logs each epoch.
    pub fn from_trainer(t: &'a Trainer, options: Options) -> AccuracyData<'a> {
        let h = t.history();
        let (metric, train, test) = if t.loss.is_classification() {
            (Metric::Accuracy, &h.train_accuracy, &h.test_accuracy)
        } else {
            (Metric::Rmse, &h.train_rmse, &h.test_rmse)
        };
        let positions = (!h.is_whole()).then_some(h.epoch.as_slice());
        AccuracyData { metric, train: Cow::Borrowed(train), test: Cow::Borrowed(test), positions, options }
    }

    /// The chart: train and test lines.
    pub fn chart(&self) -> Result<EpochChart<'_>> {
        let mut lines = vec![Line {
            label: "train",
            colour: HIGH,
            width: 2.0,
            values: Values::Sparse(Cow::Borrowed(&self.train)),
            positions: self.positions,
            x0: 1.0,
            dx: 1.0,
        }];
        if self.test.iter().any(|v| v.is_some()) {
            lines.push(Line {
                label: "test",
                colour: LOW,
                width: 2.0,
                values: Values::Sparse(Cow::Borrowed(&self.test)),
                positions: self.positions,
                x0: 1.0,
                dx: 1.0,
            });
        }
        let accuracy = self.metric == Metric::Accuracy;
        Ok(EpochChart {
            lines,
            y_label: match self.metric {
                Metric::Accuracy => "accuracy",
                Metric::Rmse => "rmse",
            },
            y_log: false,
            // A little headroom so the marker of a 100 % epoch is not cut by the top edge.
            y_range: accuracy.then_some((0.0, 1.02)),
            y_percent: accuracy,
            legend_top: !accuracy,
            highlight: self.options.highlight,
            look: Look::new(self.options.scale)?,
            words: self.options.labels.clone(),
        })
    }
}

/// Draws the accuracy (or RMSE) chart, filling `root`.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, data: &AccuracyData) -> Result<Frame> {
    data.chart()?.draw(root)
}

/// The epoch and values under pixel (px, py) of a chart of the given size.
pub fn hover<'d>(size: (u32, u32), data: &'d AccuracyData, px: f64, py: f64) -> Result<Option<Hover<'d>>> {
    let chart = data.chart()?;
    let frame = chart.frame(size)?;
    Ok(chart.hover(&frame, px, py))
}

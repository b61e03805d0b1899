//! The quality chart: accuracy on the training and test sets for classification, RMSE for
//! regression, after each epoch.

use super::colour::{HIGH, LOW};
use super::epochs::{EpochChart, Hover, Line, Values};
use super::{Frame, Look, OptionsText};
use crate::error::Result;
use crate::trainer::Trainer;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::borrow::Cow;

/// What the page asks of the accuracy chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// An epoch (1-based) to mark, e.g. the one under the pointer.
    pub highlight: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options { scale: 1.0, highlight: None }
    }
}

impl Options {
    /// Reads options from JSON, e.g. `{"scale": 2, "highlight": 10}`.
    pub fn parse(text: &str) -> Result<Options> {
        let o = OptionsText::parse(text, &["scale", "highlight"])?;
        Ok(Options { scale: o.number("scale", 1.0)?, highlight: o.optional_whole("highlight")? })
    }
}

/// What the chart measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Fraction of rows classified right, 0 to 1.
    Accuracy,
    /// Root mean squared error over rows and outputs.
    Rmse,
    /// The RMSE with the L2 penalty folded in (see `AccuracyData::from_trainer`).
    RmseWithPenalty,
}

/// The numbers the chart shows, per epoch.
#[derive(Debug, Clone, PartialEq)]
pub struct AccuracyData<'a> {
    pub metric: Metric,
    pub train: Cow<'a, [Option<f64>]>,
    pub test: Cow<'a, [Option<f64>]>,
    pub options: Options,
}

impl<'a> AccuracyData<'a> {
    /// Accuracy for a classification loss; otherwise RMSE, derived from the logged J.
    ///
    /// MSE's J is ½ Σ over the k outputs of (y − ŷ)², averaged over rows, so RMSE = √(2J / k).
    /// With an L2 penalty J also holds (λ/2) Σ‖W‖², which the history does not log apart, so the
    /// value overstates the RMSE; the metric says so and the axis label shows it.
    pub fn from_trainer(t: &'a Trainer, options: Options) -> AccuracyData<'a> {
        let h = t.history();
        if t.loss.is_classification() {
            return AccuracyData {
                metric: Metric::Accuracy,
                train: Cow::Borrowed(&h.train_accuracy),
                test: Cow::Borrowed(&h.test_accuracy),
                options,
            };
        }
        let k = t.arch.outputs().max(1) as f64;
        let rmse = |j: f64| (j >= 0.0).then(|| (2.0 * j / k).sqrt());
        AccuracyData {
            metric: if t.settings.l2 > 0.0 { Metric::RmseWithPenalty } else { Metric::Rmse },
            train: h.train_loss.iter().map(|&j| rmse(j)).collect(),
            test: h.test_loss.iter().map(|j| j.and_then(rmse)).collect(),
            options,
        }
    }

    /// The chart: train and test lines.
    pub fn chart(&self) -> Result<EpochChart<'_>> {
        let mut lines = vec![Line {
            label: "train",
            colour: HIGH,
            width: 2.0,
            values: Values::Sparse(Cow::Borrowed(&self.train)),
            x0: 1.0,
            dx: 1.0,
        }];
        if self.test.iter().any(|v| v.is_some()) {
            lines.push(Line {
                label: "test",
                colour: LOW,
                width: 2.0,
                values: Values::Sparse(Cow::Borrowed(&self.test)),
                x0: 1.0,
                dx: 1.0,
            });
        }
        let accuracy = self.metric == Metric::Accuracy;
        Ok(EpochChart {
            lines,
            y_label: match self.metric {
                Metric::Accuracy => "accuracy",
                Metric::Rmse => "RMSE",
                Metric::RmseWithPenalty => "RMSE (with L2 penalty)",
            },
            y_log: false,
            // A little headroom so the marker of a 100 % epoch is not cut by the top edge.
            y_range: accuracy.then_some((0.0, 1.02)),
            y_percent: accuracy,
            legend_top: !accuracy,
            highlight: self.options.highlight,
            look: Look::new(self.options.scale)?,
        })
    }
}

/// Draws the accuracy (or RMSE) chart, filling `root`.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, data: &AccuracyData) -> Result<Frame> {
    data.chart()?.draw(root)
}

/// The epoch and values under pixel (px, py) of a chart of the given size.
pub fn hover(size: (u32, u32), data: &AccuracyData, px: f64, py: f64) -> Result<Option<Hover>> {
    let chart = data.chart()?;
    let frame = chart.frame(size)?;
    Ok(chart.hover(&frame, px, py))
}

//! Training settings and the data they train on, each checked before a session starts.

use crate::error::{Error, Result};
use crate::loss::Loss;
use crate::message::{Msg, Phrase};
use crate::network::Architecture;
use crate::show;
use ndarray::Array2;

/// How many rows one gradient step averages over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchSize {
    /// k rows: 1 is stochastic gradient descent (SGD), k > 1 mini-batch.
    Rows(usize),
    /// The whole training set: batch gradient descent (BGD).
    All,
}

impl BatchSize {
    /// The rows per batch for a training set of n rows.
    pub fn rows(self, n: usize) -> usize {
        match self {
            BatchSize::Rows(k) => k.min(n).max(1),
            BatchSize::All => n.max(1),
        }
    }
}

/// Gradient-descent settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// α in W ← W − α ∂J/∂W.
    pub learning_rate: f64,
    pub batch_size: BatchSize,
    /// Reshuffle the training rows at the start of every epoch (seeded).
    pub shuffle: bool,
    /// Seeds initialisation and shuffling.
    pub seed: u64,
    /// λ of the L2 penalty (λ/2) Σ ‖W‖² added to J; 0 turns it off.
    pub l2: f64,
    /// Stop when an epoch's training loss is at or below this.
    pub target_loss: Option<f64>,
    /// Stop after this many epochs.
    pub max_epochs: Option<usize>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            learning_rate: 0.1,
            batch_size: BatchSize::Rows(1),
            shuffle: false,
            seed: 1,
            l2: 0.0,
            target_loss: None,
            max_epochs: None,
        }
    }
}

/// Checks a learning rate: positive and finite.
pub fn check_learning_rate(lr: f64) -> Result<()> {
    if lr.is_finite() && lr > 0.0 {
        Ok(())
    } else {
        Err(Error::invalid("training.learning_rate", Msg::ExpectedPositive, lr))
    }
}

impl Settings {
    /// Checks every field.
    pub fn validate(&self) -> Result<()> {
        check_learning_rate(self.learning_rate)?;
        if self.batch_size == BatchSize::Rows(0) {
            return Err(Error::invalid("training.batch_size", Msg::ExpectedBatchSize, 0));
        }
        if !(self.l2.is_finite() && self.l2 >= 0.0) {
            return Err(Error::invalid("training.l2", Msg::ExpectedNonNegative, self.l2));
        }
        if let Some(t) = self.target_loss {
            if !(t.is_finite() && t >= 0.0) {
                return Err(Error::invalid("training.target_loss", Msg::ExpectedNonNegativeOrNull, t));
            }
        }
        if self.max_epochs == Some(0) {
            return Err(Error::invalid("training.max_epochs", Msg::ExpectedPositiveWholeOrNull, 0));
        }
        Ok(())
    }
}

/// Inputs and targets, one row per sample.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Inputs, rows × inputs.
    pub x: Array2<f64>,
    /// Targets, rows × outputs.
    pub y: Array2<f64>,
}

impl Dataset {
    /// Number of samples.
    pub fn len(&self) -> usize {
        self.x.nrows()
    }

    /// Whether there are no samples.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Checks shapes against the network and that every value is usable by the loss.
    pub fn validate(&self, name: &str, arch: &Architecture, loss: Loss) -> Result<()> {
        if self.x.nrows() != self.y.nrows() {
            return Err(Error::invalid(
                format!("data.{name}.y"),
                Phrase::new(Msg::ExpectedRowPerRow).arg("rows", self.x.nrows()),
                Phrase::new(Msg::GotRows).arg("rows", self.y.nrows()),
            ));
        }
        if self.x.ncols() != arch.inputs {
            return Err(Error::invalid(
                format!("data.{name}.x"),
                Phrase::new(Msg::ExpectedInputWidth).arg("count", arch.inputs),
                Phrase::new(Msg::GotRowsOfCount).arg("count", self.x.ncols()),
            ));
        }
        if self.y.ncols() != arch.outputs() {
            return Err(Error::invalid(
                format!("data.{name}.y"),
                Phrase::new(Msg::ExpectedOutputWidth).arg("count", arch.outputs()),
                Phrase::new(Msg::GotRowsOfCount).arg("count", self.y.ncols()),
            ));
        }
        for (field, m) in [("x", &self.x), ("y", &self.y)] {
            if let Some(((i, j), v)) = m.indexed_iter().find(|(_, v)| !v.is_finite()) {
                return Err(Error::invalid(format!("data.{name}.{field}[{i}][{j}]"), Msg::ExpectedFinite, *v));
            }
        }
        if loss.is_classification() {
            if let Some(((i, j), v)) = self.y.indexed_iter().find(|(_, v)| !(0.0..=1.0).contains(*v)) {
                return Err(Error::invalid(
                    format!("data.{name}.y[{i}][{j}]"),
                    Phrase::new(Msg::ExpectedProbability).arg("loss", loss.name()),
                    *v,
                ));
            }
        }
        Ok(())
    }
}

/// The training set and an optional test set.
#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    pub train: Dataset,
    pub test: Option<Dataset>,
}

impl Data {
    /// Checks both sets; the training set needs at least one row.
    pub fn validate(&self, arch: &Architecture, loss: Loss) -> Result<()> {
        if self.train.is_empty() {
            return Err(Error::invalid("data.train.x", Msg::ExpectedOneRow, Msg::GotNoRows));
        }
        self.train.validate("train", arch, loss)?;
        if let Some(test) = &self.test {
            test.validate("test", arch, loss)?;
        }
        Ok(())
    }
}

/// Checks that the loss and the output layer belong together (BCE needs sigmoid, CCE softmax).
pub fn check_loss_pairing(arch: &Architecture, loss: Loss) -> Result<()> {
    let output = arch.layers.last().map(|l| l.activation);
    match (loss.required_output(), output) {
        (Some(need), Some(got)) if need != got => Err(Error::invalid(
            format!("network.layers[{}].activation", arch.layers.len() - 1),
            Phrase::new(Msg::ExpectedOutputActivation).arg("activation", need.name()).arg("loss", loss.name()),
            show::quoted(got.name()),
        )),
        _ => Ok(()),
    }
}

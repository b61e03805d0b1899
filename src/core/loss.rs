//! The three losses, each value J beside its error at the output layer δ⁽ᴸ⁾ = ∂J/∂Z⁽ᴸ⁾:
//! `mse` and `mse_delta`, `bce` and `bce_delta`, `cce` and `cce_delta`.
//!
//! A batch's J is the mean over its m samples, so δ carries a factor 1/m and the gradients
//! built from it are batch means. The L2 penalty that J may add is in `l2`.

use crate::activation::{sample_max, Activation};
use crate::error::{Error, Result};
use crate::layout::Runs;
use crate::message::{Msg, Phrase};
use crate::show;

/// The loss function of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// Per sample J = ½ Σₖ (yₖ − ŷₖ)² (the article's convention); any output activation.
    Mse,
    /// Binary cross-entropy −[y ln ŷ + (1 − y) ln(1 − ŷ)], summed over outputs; sigmoid output.
    Bce,
    /// Categorical cross-entropy −Σₖ yₖ ln ŷₖ; softmax output.
    Cce,
}

impl Loss {
    /// Every loss, in the order the page lists them.
    pub const ALL: [Loss; 3] = [Loss::Mse, Loss::Bce, Loss::Cce];

    /// The name used in session files and the page.
    pub fn name(self) -> &'static str {
        match self {
            Loss::Mse => "mse",
            Loss::Bce => "bce",
            Loss::Cce => "cce",
        }
    }

    /// Parses a name; `field` names the setting for the error message.
    pub fn parse(name: &str, field: &str) -> Result<Self> {
        Loss::ALL.into_iter().find(|l| l.name() == name).ok_or_else(|| {
            Error::invalid(field, Phrase::new(Msg::ExpectedOneOf).arg("names", "mse, bce, cce"), show::quoted(name))
        })
    }

    /// The output activation this loss requires, if any.
    pub fn required_output(self) -> Option<Activation> {
        match self {
            Loss::Mse => None,
            Loss::Bce => Some(Activation::Sigmoid),
            Loss::Cce => Some(Activation::Softmax),
        }
    }

    /// Whether the targets are classes (accuracy is then reported).
    pub fn is_classification(self) -> bool {
        self != Loss::Mse
    }

    /// Sum over the batch of the per-sample loss (divide by m for the batch mean), on unit-major
    /// buffers of `outputs` runs (see `layout::Runs`).
    pub fn sum(self, z: &[f64], a: &[f64], y: &[f64], runs: Runs, outputs: usize) -> f64 {
        match self {
            Loss::Mse => mse(a, y, runs, outputs),
            Loss::Bce => bce(z, y, runs, outputs),
            Loss::Cce => cce(z, y, runs, outputs),
        }
    }

    /// Writes δ⁽ᴸ⁾ = ∂J/∂Z⁽ᴸ⁾ of the batch-mean loss into `delta` (unit-major, as in `sum`).
    #[allow(clippy::too_many_arguments)]
    pub fn delta(
        self,
        output: Activation,
        z: &[f64],
        a: &[f64],
        y: &[f64],
        delta: &mut [f64],
        runs: Runs,
        outputs: usize,
    ) {
        match self {
            Loss::Mse => mse_delta(output, z, a, y, delta, runs, outputs),
            Loss::Bce => bce_delta(a, y, delta, runs, outputs),
            Loss::Cce => cce_delta(a, y, delta, runs, outputs),
        }
    }
}

/// MSE, summed over the batch: J = ½ Σₖ (yₖ − ŷₖ)² per sample (the article's convention); any
/// output activation.
pub fn mse(a: &[f64], y: &[f64], runs: Runs, outputs: usize) -> f64 {
    let per_output = runs.of(a, outputs).zip(runs.of(y, outputs));
    0.5 * per_output.map(|(a, y)| a.iter().zip(y).fold(0.0, |s, (&a, &y)| s + (y - a) * (y - a))).sum::<f64>()
}

/// MSE's δ⁽ᴸ⁾ = (ŷ − y)/m ⊙ f′(Z⁽ᴸ⁾): ∂J/∂ŷ = ŷ − y, through the output activation (through
/// softmax's Jacobian for a softmax output, see `Activation::backprop`).
#[allow(clippy::too_many_arguments)]
pub fn mse_delta(output: Activation, z: &[f64], a: &[f64], y: &[f64], delta: &mut [f64], runs: Runs, outputs: usize) {
    output_error(a, y, delta, runs, outputs);
    output.backprop(z, a, delta, runs, outputs);
}

/// Binary cross-entropy on a sigmoid output, summed over the batch and the outputs:
/// J = −[y ln ŷ + (1 − y) ln(1 − ŷ)] with ŷ = σ(z), computed as max(z, 0) − z y + ln(1 + e^{−|z|}).
///
/// From the pre-activation Z, so that no log(0) and no overflowing exp can occur however
/// saturated the output is.
pub fn bce(z: &[f64], y: &[f64], runs: Runs, outputs: usize) -> f64 {
    runs.of(z, outputs)
        .zip(runs.of(y, outputs))
        .map(|(z, y)| {
            z.iter().zip(y).fold(0.0, |s, (&z, &y)| s + z.max(0.0) - z * y + libm::log1p(libm::exp(-z.abs())))
        })
        .sum()
}

/// BCE's δ⁽ᴸ⁾ = (ŷ − y)/m: ∂J/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)) and σ′ = ŷ(1 − ŷ) cancel.
pub fn bce_delta(a: &[f64], y: &[f64], delta: &mut [f64], runs: Runs, outputs: usize) {
    output_error(a, y, delta, runs, outputs);
}

/// Categorical cross-entropy on a softmax output, summed over the batch: J = −Σₖ yₖ ln ŷₖ per
/// sample, computed as −Σₖ yₖ (zₖ − logsumexp(z)) (from Z, as `bce`).
pub fn cce(z: &[f64], y: &[f64], runs: Runs, outputs: usize) -> f64 {
    // Along the runs, an output at a time for all samples, as `softmax_across_units` does.
    let max = sample_max(z, runs, outputs);
    let (mut e, mut sum) = (vec![0.0; runs.m], vec![0.0; runs.m]);
    for z in runs.of(z, outputs) {
        crate::lanes::exp_shifted_run(z, &max, &mut e, &mut sum);
    }
    let lse: Vec<f64> = max.iter().zip(&sum).map(|(&max, &sum)| max + libm::log(sum)).collect();
    let mut per_sample = vec![0.0; runs.m];
    for (z, y) in runs.of(z, outputs).zip(runs.of(y, outputs)) {
        for (((s, &z), &y), &lse) in per_sample.iter_mut().zip(z).zip(y).zip(&lse) {
            *s += if y == 0.0 { 0.0 } else { y * (z - lse) };
        }
    }
    per_sample.iter().fold(0.0, |total, &s| total - s)
}

/// CCE's δ⁽ᴸ⁾ = (ŷ − y)/m: softmax's Jacobian times ∂J/∂ŷ = −y/ŷ gives ŷ Σₖ yₖ − y = ŷ − y.
pub fn cce_delta(a: &[f64], y: &[f64], delta: &mut [f64], runs: Runs, outputs: usize) {
    output_error(a, y, delta, runs, outputs);
}

/// (ŷ − y)/m, the output's error of the batch-mean loss: all of δ⁽ᴸ⁾ for BCE + sigmoid and CCE +
/// softmax, and ∂J/∂ŷ for MSE.
fn output_error(a: &[f64], y: &[f64], delta: &mut [f64], runs: Runs, outputs: usize) {
    let m = runs.m as f64;
    for ((d, a), y) in runs.of_mut(delta, outputs).zip(runs.of(a, outputs)).zip(runs.of(y, outputs)) {
        d.iter_mut().zip(a).zip(y).for_each(|((d, &a), &y)| *d = (a - y) / m);
    }
}

/// Number of samples whose predicted class matches the target's (unit-major buffers).
///
/// One output: class 1 when the value is above 0.5 (as scikit-learn decides). Several outputs: the arg-max, for targets and predictions.
pub fn correct_count(a: &[f64], y: &[f64], runs: Runs, outputs: usize) -> usize {
    if outputs == 1 {
        return a[..runs.m].iter().zip(&y[..runs.m]).filter(|(&a, &y)| (a > 0.5) == (y > 0.5)).count();
    }
    let s = runs.stride;
    (0..runs.m)
        .filter(|&i| argmax_of((0..outputs).map(|k| a[k * s + i])) == argmax_of((0..outputs).map(|k| y[k * s + i])))
        .count()
}

/// Index of the largest value (the first one on ties).
pub fn argmax<'a>(values: impl Iterator<Item = &'a f64>) -> usize {
    argmax_of(values.copied())
}

fn argmax_of(values: impl Iterator<Item = f64>) -> usize {
    let mut best = (0, f64::NEG_INFINITY);
    for (i, v) in values.enumerate() {
        if v > best.1 {
            best = (i, v);
        }
    }
    best.0
}

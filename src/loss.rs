//! Losses, each value `J` beside its error at the output layer `δ⁽ᴸ⁾ = ∂J/∂Z⁽ᴸ⁾`.
//!
//! A batch's J is the mean over its m samples, so δ carries a factor 1/m and the gradients
//! built from it are batch means.

use crate::activation::Activation;
use crate::error::{Error, Result};
use ndarray::{ArrayView2, ArrayViewMut2, Zip};

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
        Loss::ALL
            .into_iter()
            .find(|l| l.name() == name)
            .ok_or_else(|| Error::invalid(field, "one of mse, bce, cce", format!("{name:?}")))
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

    /// Sum over the rows of the per-sample loss (divide by m for the batch mean).
    ///
    /// Cross-entropies are computed from the pre-activation Z, so that no log(0) and no
    /// overflowing exp can occur however saturated the output is.
    pub fn sum(self, z: ArrayView2<f64>, a: ArrayView2<f64>, y: ArrayView2<f64>) -> f64 {
        match self {
            // ½ Σ (y − a)²
            Loss::Mse => 0.5 * Zip::from(&a).and(&y).fold(0.0, |s, &a, &y| s + (y - a) * (y - a)),
            // −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = max(z, 0) − z y + ln(1 + e^{−|z|})
            Loss::Bce => {
                Zip::from(&z).and(&y).fold(0.0, |s, &z, &y| s + z.max(0.0) - z * y + libm::log1p(libm::exp(-z.abs())))
            }
            // −Σ yₖ ln softmax(z)ₖ = −Σ yₖ (zₖ − logsumexp(z))
            Loss::Cce => {
                let mut total = 0.0;
                for (z_row, y_row) in z.rows().into_iter().zip(y.rows()) {
                    let max = z_row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                    let lse = max + libm::log(z_row.iter().map(|&z| libm::exp(z - max)).sum::<f64>());
                    total -=
                        z_row.iter().zip(y_row).map(|(&z, &y)| if y == 0.0 { 0.0 } else { y * (z - lse) }).sum::<f64>();
                }
                total
            }
        }
    }

    /// Writes δ⁽ᴸ⁾ = ∂J/∂Z⁽ᴸ⁾ of the batch-mean loss into `delta`.
    ///
    /// For MSE + identity, BCE + sigmoid and CCE + softmax this is (A − Y)/m; MSE with another
    /// output activation goes through that activation's derivative.
    pub fn delta(
        self,
        output: Activation,
        z: ArrayView2<f64>,
        a: ArrayView2<f64>,
        y: ArrayView2<f64>,
        mut delta: ArrayViewMut2<f64>,
    ) {
        let m = a.nrows() as f64;
        // ∂J/∂A for MSE, and the whole of δ for the canonical pairs.
        Zip::from(&mut delta).and(&a).and(&y).for_each(|d, &a, &y| *d = (a - y) / m);
        if self == Loss::Mse {
            output.backprop(z, a, delta);
        }
    }
}

/// Number of rows whose predicted class matches the target's.
///
/// One output: class 1 when the value is above 0.5 (as scikit-learn decides). Several outputs: the arg-max, for targets and predictions.
pub fn correct_count(a: ArrayView2<f64>, y: ArrayView2<f64>) -> usize {
    a.rows()
        .into_iter()
        .zip(y.rows())
        .filter(|(a_row, y_row)| {
            if a_row.len() == 1 {
                (a_row[0] > 0.5) == (y_row[0] > 0.5)
            } else {
                argmax(a_row.iter()) == argmax(y_row.iter())
            }
        })
        .count()
}

/// Index of the largest value (the first one on ties).
pub fn argmax<'a>(values: impl Iterator<Item = &'a f64>) -> usize {
    let mut best = (0, f64::NEG_INFINITY);
    for (i, &v) in values.enumerate() {
        if v > best.1 {
            best = (i, v);
        }
    }
    best.0
}

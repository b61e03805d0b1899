//! Activation functions, each value `f` beside its derivative `f'`.
//!
//! Derivatives are written in terms of the already computed output `a = f(z)` where that is
//! cheaper and exact (sigmoid, tanh), and of `z` otherwise (ReLU).

use crate::error::{Error, Result};
use ndarray::{ArrayView2, ArrayViewMut2, Zip};

/// The activation of one layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    Identity,
    Sigmoid,
    Tanh,
    Relu,
    /// Row-wise softmax; only allowed on the output layer.
    Softmax,
}

impl Activation {
    /// Every activation, in the order the page lists them.
    pub const ALL: [Activation; 5] =
        [Activation::Identity, Activation::Sigmoid, Activation::Tanh, Activation::Relu, Activation::Softmax];

    /// The name used in session files and the page.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Identity => "identity",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Softmax => "softmax",
        }
    }

    /// Parses a name; `field` names the setting for the error message.
    pub fn parse(name: &str, field: &str) -> Result<Self> {
        Activation::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .ok_or_else(|| Error::invalid(field, "one of identity, sigmoid, tanh, relu, softmax", format!("{name:?}")))
    }

    /// A = f(Z), written into `a` (same shape as `z`).
    pub fn apply(self, z: ArrayView2<f64>, mut a: ArrayViewMut2<f64>) {
        let units = z.ncols().max(1);
        match (z.as_slice(), a.as_slice_mut()) {
            (Some(z), Some(a)) => self.apply_rows(z, a, units),
            _ => {
                let z = z.as_standard_layout().to_owned();
                let mut out = ndarray::Array2::zeros(z.dim());
                self.apply_rows(z.as_slice().unwrap_or(&[]), out.as_slice_mut().unwrap_or(&mut []), units);
                a.assign(&out);
            }
        }
    }

    /// A = f(Z) on row-major slices of rows `units` wide (the width matters only for softmax).
    pub fn apply_rows(self, z: &[f64], a: &mut [f64], units: usize) {
        match self {
            Activation::Identity => a.copy_from_slice(z),
            Activation::Sigmoid => a.iter_mut().zip(z).for_each(|(a, &z)| *a = sigmoid(z)),
            Activation::Tanh => a.iter_mut().zip(z).for_each(|(a, &z)| *a = crate::fastmath::tanh(z)),
            Activation::Relu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = z.max(0.0)),
            Activation::Softmax => {
                for (z_row, a_row) in z.chunks_exact(units).zip(a.chunks_exact_mut(units)) {
                    // Subtracting the row maximum keeps exp from overflowing; softmax is unchanged by it.
                    let max = z_row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                    let mut sum = 0.0;
                    for (a, &z) in a_row.iter_mut().zip(z_row) {
                        *a = libm::exp(z - max);
                        sum += *a;
                    }
                    a_row.iter_mut().for_each(|a| *a /= sum);
                }
            }
        }
    }

    /// f'(Z) elementwise, for showing δ = ∂J/∂A ⊙ f'(Z); None for softmax, whose derivative is a
    /// Jacobian per row rather than one number per unit.
    pub fn derivative(self, z: ArrayView2<f64>, a: ArrayView2<f64>) -> Option<ndarray::Array2<f64>> {
        match self {
            Activation::Identity => Some(z.mapv(|_| 1.0)),
            Activation::Sigmoid => Some(a.mapv(|a| a * (1.0 - a))),
            Activation::Tanh => Some(a.mapv(|a| 1.0 - a * a)),
            Activation::Relu => Some(z.mapv(|z| if z > 0.0 { 1.0 } else { 0.0 })),
            Activation::Softmax => None,
        }
    }

    /// δ = ∂J/∂Z from g = ∂J/∂A, in place in `g`: δ = g ⊙ f'(Z) (softmax: the Jacobian-vector product).
    pub fn backprop(self, z: ArrayView2<f64>, a: ArrayView2<f64>, mut g: ArrayViewMut2<f64>) {
        match self {
            // f'(z) = 1
            Activation::Identity => {}
            // σ'(z) = σ(z)(1 − σ(z)) = a(1 − a)
            Activation::Sigmoid => Zip::from(&mut g).and(&a).for_each(|g, &a| *g *= a * (1.0 - a)),
            // tanh'(z) = 1 − tanh²(z) = 1 − a²
            Activation::Tanh => Zip::from(&mut g).and(&a).for_each(|g, &a| *g *= 1.0 - a * a),
            // relu'(z) = 1 if z > 0 else 0 (0 at the kink, by convention)
            Activation::Relu => Zip::from(&mut g).and(&z).for_each(|g, &z| {
                if z <= 0.0 {
                    *g = 0.0
                }
            }),
            // ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ), so δᵢ = aᵢ (gᵢ − Σⱼ gⱼ aⱼ)
            Activation::Softmax => {
                for (mut g_row, a_row) in g.rows_mut().into_iter().zip(a.rows()) {
                    let dot: f64 = g_row.iter().zip(a_row).map(|(g, a)| g * a).sum();
                    Zip::from(&mut g_row).and(&a_row).for_each(|g, &a| *g = a * (*g - dot));
                }
            }
        }
    }
}

/// σ(z) = 1 / (1 + e⁻ᶻ), written so that neither branch overflows.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + libm::exp(-z))
    } else {
        let e = libm::exp(z);
        e / (1.0 + e)
    }
}

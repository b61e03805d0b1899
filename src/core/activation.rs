//! Activation functions, each value `f` beside its derivative `f'`.
//!
//! Derivatives are written in terms of the already computed output `a = f(z)` where that is
//! cheaper and exact (sigmoid, tanh), and of `z` otherwise (ReLU).

use crate::dense::Runs;
use crate::error::{Error, Result};
use crate::show;
use ndarray::ArrayView2;

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
            .ok_or_else(|| Error::invalid(field, "one of identity, sigmoid, tanh, relu, softmax", show::quoted(name)))
    }

    /// A = f(Z) on unit-major buffers: `units` runs (see `dense::Runs`).
    pub fn apply(self, z: &[f64], a: &mut [f64], runs: Runs, units: usize) {
        if self == Activation::Softmax {
            softmax_across_units(z, a, runs, units);
            return;
        }
        for (z, a) in runs.of(z, units).zip(runs.of_mut(a, units)) {
            match self {
                Activation::Identity => a.copy_from_slice(z),
                Activation::Sigmoid => a.iter_mut().zip(z).for_each(|(a, &z)| *a = sigmoid(z)),
                Activation::Tanh => crate::lanes::tanh_run(z, a),
                Activation::Relu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = if z > 0.0 { z } else { 0.0 }),
                Activation::Softmax => {}
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

    /// δ = ∂J/∂Z from g = ∂J/∂A, in place in `g`: δ = g ⊙ f'(Z) (softmax: the Jacobian-vector
    /// product). Unit-major buffers, as in `apply`.
    pub fn backprop(self, z: &[f64], a: &[f64], g: &mut [f64], runs: Runs, units: usize) {
        if self == Activation::Softmax {
            // ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ), so δᵢ = aᵢ (gᵢ − Σⱼ gⱼ aⱼ), per sample.
            let s = runs.stride;
            for i in 0..runs.m {
                let dot: f64 = (0..units).map(|j| g[j * s + i] * a[j * s + i]).sum();
                (0..units).for_each(|j| g[j * s + i] = a[j * s + i] * (g[j * s + i] - dot));
            }
            return;
        }
        let runs_z = runs.of(z, units).zip(runs.of(a, units));
        for ((z, a), g) in runs_z.zip(runs.of_mut(g, units)) {
            match self {
                // f'(z) = 1
                Activation::Identity => {}
                // σ'(z) = σ(z)(1 − σ(z)) = a(1 − a)
                Activation::Sigmoid => g.iter_mut().zip(a).for_each(|(g, &a)| *g *= a * (1.0 - a)),
                // tanh'(z) = 1 − tanh²(z) = 1 − a²
                Activation::Tanh => crate::lanes::times_tanh_slope(g, a),
                // relu'(z) = 1 if z > 0 else 0 (0 at the kink, by convention)
                Activation::Relu => g.iter_mut().zip(z).for_each(|(g, &z)| *g = if z <= 0.0 { 0.0 } else { *g }),
                Activation::Softmax => {}
            }
        }
    }
}

/// Softmax over the units of each sample in unit-major buffers, where one sample's units lie
/// `stride` apart (the training trace and the boundary field both store values so).
pub fn softmax_across_units(z: &[f64], a: &mut [f64], runs: Runs, units: usize) {
    let s = runs.stride;
    for i in 0..runs.m {
        // Subtracting the sample's maximum keeps exp from overflowing; softmax is unchanged by it.
        let max = (0..units).map(|j| z[j * s + i]).fold(f64::NEG_INFINITY, f64::max);
        let mut sum = 0.0;
        for j in 0..units {
            let e = libm::exp(z[j * s + i] - max);
            a[j * s + i] = e;
            sum += e;
        }
        (0..units).for_each(|j| a[j * s + i] /= sum);
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

//! Activation functions, A = f(Z), each beside its derivative f′ and the backward step through
//! it, δ = ∂J/∂A ⊙ f′(Z).
//!
//! Derivatives are written in terms of the already computed output `a = f(z)` where that is
//! cheaper and exact (sigmoid, tanh), and of `z` otherwise (ReLU). Each f′ is written once, in a
//! function below, and both the page's f′(Z) (`derivative`) and training's δ (`backprop`) use it;
//! tanh's also runs two lanes at a time in `lanes::times_tanh_slope`, with the same operations.

use crate::error::{Error, Result};
use crate::layout::Runs;
use crate::message::{Msg, Phrase};
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
        Activation::ALL.into_iter().find(|a| a.name() == name).ok_or_else(|| {
            let names = Phrase::new(Msg::ExpectedOneOf).arg("names", "identity, sigmoid, tanh, relu, softmax");
            Error::invalid(field, names, show::quoted(name))
        })
    }

    /// A = f(Z) on unit-major buffers: `units` runs (see `layout::Runs`).
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
                Activation::Relu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = relu(z)),
                Activation::Softmax => {}
            }
        }
    }

    /// f′(Z) elementwise (m × units), for showing δ = ∂J/∂A ⊙ f′(Z), from Z or A = f(Z): 1,
    /// `sigmoid_prime`, `tanh_prime`, `relu_prime`. None for softmax, whose derivative is a
    /// Jacobian per sample (∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ), see `softmax_backprop`) rather than one number
    /// per unit.
    pub fn derivative(self, z: ArrayView2<f64>, a: ArrayView2<f64>) -> Option<ndarray::Array2<f64>> {
        match self {
            Activation::Identity => Some(z.mapv(|_| 1.0)),
            Activation::Sigmoid => Some(a.mapv(sigmoid_prime)),
            Activation::Tanh => Some(a.mapv(tanh_prime)),
            Activation::Relu => Some(z.mapv(relu_prime)),
            Activation::Softmax => None,
        }
    }

    /// δ = ∂J/∂Z from g = ∂J/∂A, in place in `g`: δ = g ⊙ f′(Z) (softmax: the Jacobian-vector
    /// product, `softmax_backprop`). Unit-major buffers, as in `apply`.
    pub fn backprop(self, z: &[f64], a: &[f64], g: &mut [f64], runs: Runs, units: usize) {
        if self == Activation::Softmax {
            softmax_backprop(a, g, runs, units);
            return;
        }
        let runs_z = runs.of(z, units).zip(runs.of(a, units));
        for ((z, a), g) in runs_z.zip(runs.of_mut(g, units)) {
            match self {
                // f′ = 1: nothing to multiply.
                Activation::Identity => {}
                Activation::Sigmoid => g.iter_mut().zip(a).for_each(|(g, &a)| *g *= sigmoid_prime(a)),
                // g ⊙ tanh_prime(a), two lanes at a time.
                Activation::Tanh => crate::lanes::times_tanh_slope(g, a),
                // g · relu′(z) as a choice: 0 where the slope is 0 (also for a g that is not
                // finite, and without the −0 of a negative g times 0), g itself where it is 1.
                Activation::Relu => {
                    g.iter_mut().zip(z).for_each(|(g, &z)| *g = if relu_prime(z) == 0.0 { 0.0 } else { *g })
                }
                Activation::Softmax => {}
            }
        }
    }
}

/// Softmax over the units of each sample in unit-major buffers, where one sample's units lie
/// `stride` apart (the training trace and the boundary field both store values so).
///
/// Along the runs, a unit at a time for all samples, so that exp runs two samples at a time
/// (`lanes::exp_shifted_run`); each sample's sum is still taken over its units in order.
pub fn softmax_across_units(z: &[f64], a: &mut [f64], runs: Runs, units: usize) {
    // Subtracting each sample's maximum keeps exp from overflowing; softmax is unchanged by it.
    let max = sample_max(z, runs, units);
    let mut sum = vec![0.0; runs.m];
    for (z, a) in runs.of(z, units).zip(runs.of_mut(a, units)) {
        crate::lanes::exp_shifted_run(z, &max, a, &mut sum);
    }
    for a in runs.of_mut(a, units) {
        a.iter_mut().zip(&sum).for_each(|(a, &sum)| *a /= sum);
    }
}

/// Each sample's largest value over the units, NaN values skipped (as `f64::max` does), with
/// a comparison that wasm compiles inline (`f64::max` is a call there, for its NaN rules).
pub fn sample_max(z: &[f64], runs: Runs, units: usize) -> Vec<f64> {
    let mut max = vec![f64::NEG_INFINITY; runs.m];
    for z in runs.of(z, units) {
        max.iter_mut().zip(z).for_each(|(max, &z)| {
            if z > *max {
                *max = z;
            }
        });
    }
    max
}

/// Softmax's backward step, per sample: with ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ), δᵢ = aᵢ (gᵢ − Σⱼ gⱼ aⱼ).
/// In place in `g`; one sample's units lie `stride` apart, as in `softmax_across_units`.
pub fn softmax_backprop(a: &[f64], g: &mut [f64], runs: Runs, units: usize) {
    let s = runs.stride;
    for i in 0..runs.m {
        let dot: f64 = (0..units).map(|j| g[j * s + i] * a[j * s + i]).sum();
        (0..units).for_each(|j| g[j * s + i] = a[j * s + i] * (g[j * s + i] - dot));
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

/// σ′(z) = σ(z)(1 − σ(z)) = a(1 − a).
#[inline(always)]
pub fn sigmoid_prime(a: f64) -> f64 {
    a * (1.0 - a)
}

/// tanh′(z) = 1 − tanh²(z) = 1 − a². (tanh itself is `fastmath::tanh`, within 6 ulp of the exact value.)
#[inline(always)]
pub fn tanh_prime(a: f64) -> f64 {
    1.0 - a * a
}

/// relu(z) = max(z, 0).
#[inline(always)]
pub fn relu(z: f64) -> f64 {
    if z > 0.0 {
        z
    } else {
        0.0
    }
}

/// relu′(z) = 1 for z > 0, else 0 (0 at the kink, by convention).
#[inline(always)]
pub fn relu_prime(z: f64) -> f64 {
    if z <= 0.0 {
        0.0
    } else {
        1.0
    }
}

//! The gradient check: backprop's ∂J/∂W, ∂J/∂b against central finite differences
//! (J(θ + h) − J(θ − h)) / 2h on the same batch.

use crate::loss::Loss;
use crate::network::Network;
use crate::trace::Trace;
use ndarray::ArrayView2;

/// Step h of the central difference, relative to the parameter: h = H · max(1, |θ|). A fixed h
/// is lost in the rounding of a large θ (θ + h rounds to a neighbour of θ); a step that scales
/// with θ keeps the same relative precision at every size.
pub const H: f64 = 1e-5;

/// Below this relative error (after what float64 cannot resolve) backprop and the differences agree.
pub const AGREE: f64 = 1e-5;

/// The largest relative error of one layer's gradients.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayerCheck {
    /// max over W of (|g − ĝ| − r) / max(|g| + |ĝ|, 1e-8), at least 0, where r is the part of the
    /// difference that float64 cannot resolve at this size (see [`numeric`]).
    pub w: f64,
    /// The same over b.
    pub b: f64,
}

impl LayerCheck {
    /// Whether backprop and the finite differences agree on this layer.
    pub fn agrees(&self) -> bool {
        self.w < AGREE && self.b < AGREE
    }
}

/// A finite-difference derivative and how far from it the true derivative may be for reasons
/// of float64 alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeric {
    /// (J(θ + h) − J(θ − h)) / 2h.
    pub value: f64,
    /// The differences' own uncertainty: how much the estimate with step 2h differs from the one
    /// with step h (truncation, kinks of relu), plus the rounding of J, about ε |J| / h.
    pub resolution: f64,
}

/// J of `net` on (x, y), with the L2 penalty.
pub fn batch_loss(net: &Network, loss: Loss, l2: f64, x: ArrayView2<f64>, y: ArrayView2<f64>) -> f64 {
    let mut trace = Trace::new(net, x.nrows());
    let rows: Vec<usize> = (0..x.nrows()).collect();
    trace.load(&rows, x, y);
    trace.forward_pass(net);
    trace.compute_loss(net, loss, l2)
}

/// Backprop's gradients on (x, y): the trace after every forward, loss and backward phase.
pub fn backprop(net: &Network, loss: Loss, l2: f64, x: ArrayView2<f64>, y: ArrayView2<f64>) -> Trace {
    let mut trace = Trace::new(net, x.nrows());
    let rows: Vec<usize> = (0..x.nrows()).collect();
    trace.load(&rows, x, y);
    for k in 0..2 * net.depth() + 1 {
        trace.compute(net, loss, l2, k);
    }
    trace
}

/// Compares backprop with central differences for every weight and bias; one result per layer.
pub fn check(net: &Network, loss: Loss, l2: f64, x: ArrayView2<f64>, y: ArrayView2<f64>) -> Vec<LayerCheck> {
    let trace = backprop(net, loss, l2, x, y);
    let mut probe = net.clone();
    (0..net.depth())
        .map(|l| {
            let values = &trace.layers[l];
            let w = (0..values.dw.len())
                .map(|i| {
                    let analytic = values.dw.as_slice().expect("standard layout")[i];
                    excess_error(analytic, numeric(&mut probe, loss, l2, x, y, l, i, true))
                })
                .fold(0.0, f64::max);
            let b = (0..values.db.len())
                .map(|i| excess_error(values.db[i], numeric(&mut probe, loss, l2, x, y, l, i, false)))
                .fold(0.0, f64::max);
            LayerCheck { w, b }
        })
        .collect()
}

/// The central difference of J in weight (or bias) number `idx` of layer l, row-major order.
/// `probe` is left as it was.
#[allow(clippy::too_many_arguments)]
pub fn numeric(
    probe: &mut Network,
    loss: Loss,
    l2: f64,
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
    l: usize,
    idx: usize,
    is_w: bool,
) -> Numeric {
    let original = swap_param(probe, l, idx, is_w, f64::NAN);
    let h = H * original.abs().max(1.0);
    let mut at = |offset: f64| {
        swap_param(probe, l, idx, is_w, original + offset);
        batch_loss(probe, loss, l2, x, y)
    };
    let (plus, minus) = (at(h), at(-h));
    let (plus2, minus2) = (at(2.0 * h), at(-2.0 * h));
    swap_param(probe, l, idx, is_w, original);
    // The steps actually taken: θ ± h rounds to a float near it.
    let step = ((original + h) - (original - h)).max(f64::MIN_POSITIVE);
    let step2 = ((original + 2.0 * h) - (original - 2.0 * h)).max(f64::MIN_POSITIVE);
    let value = (plus - minus) / step;
    let wide = (plus2 - minus2) / step2;
    let rounding = 8.0 * f64::EPSILON * (plus.abs() + minus.abs()) / step;
    Numeric { value, resolution: (value - wide).abs() + rounding }
}

/// The relative error between backprop and the differences beyond what the differences resolve.
pub fn excess_error(analytic: f64, numeric: Numeric) -> f64 {
    let beyond = ((analytic - numeric.value).abs() - numeric.resolution).max(0.0);
    let error = beyond / (analytic.abs() + numeric.value.abs()).max(1e-8);
    // NaN (a diverged batch) must not pass as agreement.
    if error.is_nan() {
        f64::INFINITY
    } else {
        error
    }
}
/// Sets weight (or bias) number `idx` of layer l, in row-major order; returns the old value.
fn swap_param(net: &mut Network, l: usize, idx: usize, is_w: bool, value: f64) -> f64 {
    let layer = &mut net.layers[l];
    let cell = if is_w { layer.w.iter_mut().nth(idx) } else { layer.b.iter_mut().nth(idx) };
    cell.map_or(f64::NAN, |c| std::mem::replace(c, value))
}

/// |a − n| / max(|a| + |n|, 1e-8): relative where the gradient is large, absolute near zero.
pub fn rel_error(analytic: f64, numeric: f64) -> f64 {
    (analytic - numeric).abs() / (analytic.abs() + numeric.abs()).max(1e-8)
}

//! The gradient check: backprop's ∂J/∂W, ∂J/∂b against central finite differences
//! (J(θ + h) − J(θ − h)) / 2h on the same batch.

use crate::loss::Loss;
use crate::network::Network;
use crate::trace::Trace;
use ndarray::ArrayView2;

/// Step h of the central difference: small enough for O(h²) error, large enough for rounding.
pub const H: f64 = 1e-5;

/// The largest relative error of one layer's gradients.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayerCheck {
    /// max over W of |g − ĝ| / max(|g| + |ĝ|, 1e-8).
    pub w: f64,
    /// The same over b.
    pub b: f64,
}

/// J of `net` on (x, y), with the L2 penalty.
pub fn batch_loss(net: &Network, loss: Loss, l2: f64, x: ArrayView2<f64>, y: ArrayView2<f64>) -> f64 {
    let mut trace = Trace::new(net, x.nrows());
    let rows: Vec<usize> = (0..x.nrows()).collect();
    trace.load(&rows, x, y);
    for l in 0..net.depth() {
        trace.forward(net, l);
    }
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
    let numeric = |probe: &mut Network, l: usize, idx: usize, is_w: bool| -> f64 {
        let original = swap_param(probe, l, idx, is_w, f64::NAN);
        swap_param(probe, l, idx, is_w, original + H);
        let plus = batch_loss(probe, loss, l2, x, y);
        swap_param(probe, l, idx, is_w, original - H);
        let minus = batch_loss(probe, loss, l2, x, y);
        swap_param(probe, l, idx, is_w, original);
        (plus - minus) / (2.0 * H)
    };
    (0..net.depth())
        .map(|l| {
            let values = &trace.layers[l];
            let w = (0..values.dw.len())
                .map(|i| rel_error(values.dw.as_slice().expect("standard layout")[i], numeric(&mut probe, l, i, true)))
                .fold(0.0, f64::max);
            let b = (0..values.db.len())
                .map(|i| rel_error(values.db[i], numeric(&mut probe, l, i, false)))
                .fold(0.0, f64::max);
            LayerCheck { w, b }
        })
        .collect()
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

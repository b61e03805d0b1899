//! The update, one step of gradient descent on every layer.

use crate::layout::{slice, slice_mut, vector, vector_mut};
use crate::network::Network;
use crate::trace::Trace;

/// W ← W − α ∂J/∂W and b ← b − α ∂J/∂b for every layer, with the gradients of `trace`.
pub fn update(net: &mut Network, trace: &Trace, lr: f64) {
    for (layer, values) in net.layers.iter_mut().zip(&trace.layers) {
        let w = slice_mut(&mut layer.w);
        w.iter_mut().zip(slice(&values.dw)).for_each(|(w, &g)| *w -= lr * g);
        let b = vector_mut(&mut layer.b);
        b.iter_mut().zip(vector(&values.db)).for_each(|(b, &g)| *b -= lr * g);
    }
}

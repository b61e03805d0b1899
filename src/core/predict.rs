//! ŷ and every layer's A for any rows (the boundary chart's hover, the fit curve, tests): the
//! training trace's forward pass, so a prediction has the very bits the trace shows.

use crate::network::Network;
use crate::trace::Trace;
use ndarray::{s, Array2, ArrayView2};

impl Network {
    /// Every layer's A for the rows of `x` (m × inputs): `result[l]` is A⁽ˡ⁺¹⁾, m × units.
    pub fn activations(&self, x: ArrayView2<f64>) -> Vec<Array2<f64>> {
        let mut trace = Trace::new(self, x.nrows());
        let rows: Vec<usize> = (0..x.nrows()).collect();
        // No targets: the forward pass does not read them.
        let y = Array2::zeros((x.nrows(), self.outputs()));
        trace.load(&rows, x, y.view());
        trace.forward_pass(self);
        (0..self.depth()).map(|l| trace.a(l).as_standard_layout().into_owned()).collect()
    }

    /// ŷ for the rows of `x`.
    pub fn predict(&self, x: ArrayView2<f64>) -> Array2<f64> {
        self.activations(x).pop().unwrap_or_else(|| x.slice(s![.., ..0]).to_owned())
    }
}

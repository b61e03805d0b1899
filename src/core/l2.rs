//! L2 regularisation: the penalty ½ λ Σₗ ‖W⁽ˡ⁾‖² that J adds, beside its gradient λ W⁽ˡ⁾ that
//! ∂J/∂W⁽ˡ⁾ adds. Biases are not penalised. Training's J, the epoch's evaluation and the gradient
//! check all add it here.

use crate::layout::slice;
use crate::network::Network;

/// Σₗ ‖W⁽ˡ⁾‖², the sum of the squares of every weight.
pub fn weight_norm2(net: &Network) -> f64 {
    net.layers.iter().map(|l| slice(&l.w).iter().map(|w| w * w).sum::<f64>()).sum()
}

/// J = J_data + ½ λ Σₗ ‖W⁽ˡ⁾‖²; returns J and Σₗ ‖W⁽ˡ⁾‖² (0, not computed, when λ = 0).
pub fn penalised(j_data: f64, net: &Network, lambda: f64) -> (f64, f64) {
    if lambda > 0.0 {
        let norm2 = weight_norm2(net);
        (j_data + 0.5 * lambda * norm2, norm2)
    } else {
        (j_data, 0.0)
    }
}

/// ∂J/∂W += λ W: the penalty's gradient, added to the data's (W and ∂J/∂W as row-major slices).
pub fn add_gradient(dw: &mut [f64], w: &[f64], lambda: f64) {
    if lambda > 0.0 {
        crate::lanes::axpy(dw, w, lambda);
    }
}

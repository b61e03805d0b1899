//! δ of a hidden layer, the error that backpropagation brings down from the layer above. (δ of
//! the output layer comes from the loss: `loss`.)

use crate::activation::Activation;
use crate::affine;
use crate::layout::Runs;

/// δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(Z⁽ˡ⁾): ∂J/∂A⁽ˡ⁾ through the weights above (`affine::input_gradient`),
/// then through this layer's activation (`Activation::backprop`). Into `delta`, unit-major:
/// `u` units here, `u_above` in the layer above, whose W is u × u_above.
#[allow(clippy::too_many_arguments)]
pub fn hidden_delta(
    delta_above: &[f64],
    w_above: &[f64],
    f: Activation,
    z: &[f64],
    a: &[f64],
    delta: &mut [f64],
    runs: Runs,
    (u, u_above): (usize, usize),
) {
    affine::input_gradient(delta_above, w_above, delta, runs, u, u_above);
    f.backprop(z, a, delta, runs, u);
}

//! # Backprop Playground's training core
//!
//! Each formula of the lesson in one function, the formula in its doc comment, forward beside
//! backward:
//!
//! | formula | file::function |
//! |---|---|
//! | Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾·W⁽ˡ⁾ + b⁽ˡ⁾ | `affine.rs::affine` |
//! | A⁽ˡ⁾ = f(Z⁽ˡ⁾): identity, σ, tanh, relu, softmax | `activation.rs::Activation::apply` (`sigmoid`, `fastmath::tanh`, `relu`, `softmax_across_units` with `fastmath::exp_lanes`) |
//! | f′(Z): 1, σ′ = a(1 − a), tanh′ = 1 − a², relu′ = 1 if z > 0 else 0 | `activation.rs::Activation::derivative` (`sigmoid_prime`, `tanh_prime`, `relu_prime`) |
//! | the forward pass, X to ŷ (training, evaluation, `predict`, gradient check) | `trace.rs::Trace::forward_pass` |
//! | MSE: J = ½ Σₖ (yₖ − ŷₖ)², δ⁽ᴸ⁾ = (ŷ − y)/m ⊙ f′(Z⁽ᴸ⁾) | `loss.rs::mse`, `loss.rs::mse_delta` |
//! | BCE: J = −[y ln ŷ + (1 − y) ln(1 − ŷ)], δ⁽ᴸ⁾ = (ŷ − y)/m | `loss.rs::bce`, `loss.rs::bce_delta` |
//! | CCE: J = −Σₖ yₖ ln ŷₖ, δ⁽ᴸ⁾ = (ŷ − y)/m | `loss.rs::cce`, `loss.rs::cce_delta` |
//! | δ = ∂J/∂A ⊙ f′(Z) (softmax: its Jacobian) | `activation.rs::Activation::backprop` (`softmax_backprop`) |
//! | δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(Z⁽ˡ⁾), a hidden layer | `delta.rs::hidden_delta` |
//! | ∂J/∂W⁽ˡ⁾ = A⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾ and ∂J/∂b⁽ˡ⁾ = Σᵢ δ⁽ˡ⁾ᵢ (one pass over δ) | `affine.rs::gradients` |
//! | ∂J/∂A⁽ˡ⁻¹⁾ = δ⁽ˡ⁾ W⁽ˡ⁾ᵀ | `affine.rs::input_gradient` |
//! | L2: J = J_data + ½ λ Σₗ ‖W⁽ˡ⁾‖², ∂J/∂W += λ W | `l2.rs::penalised`, `l2.rs::add_gradient` |
//! | W ← W − α ∂J/∂W, b ← b − α ∂J/∂b | `update.rs::update` |
//! | (J(θ + h) − J(θ − h)) / 2h against backprop | `gradcheck.rs::check` |
//!
//! The training loop, phase by phase — `Forward(1) … Forward(L)`, `Loss`, `Backward(L) …
//! Backward(1)`, `Update` — is `trainer.rs::Trainer`; the numbers of one batch (Z, A, δ, ∂J/∂W,
//! ∂J/∂b, W and b before and after), kept for the page to show, are `trace.rs::Trace`, whose
//! phases call the functions above. The loops along a batch run two numbers per SIMD
//! instruction in `lanes.rs`, with the same bits as the scalar code; Z's and ∂J/∂W's loops
//! take two units or two inputs at a time, so that each value they load serves both.
//!
//! Notation (rows are samples): A⁽⁰⁾ = X, ŷ = A⁽ᴸ⁾, δ⁽ˡ⁾ = ∂J/∂Z⁽ˡ⁾ of the batch-mean J.
//!
//! The loops that run at every step live here, apart from the session files, data and charts
//! (the `backprop-playground` crate), so that this crate is built for speed and the rest for size.

pub mod activation;
pub mod affine;
pub mod delta;
pub mod error;
pub mod fastmath;
pub mod gradcheck;
pub mod init;
pub mod l2;
pub mod lanes;
pub mod layout;
pub mod loss;
pub mod message;
pub mod network;
pub mod pick;
pub mod predict;
pub mod random;
pub mod settings;
pub mod show;
pub mod trace;
pub mod trainer;
pub mod trig;
pub mod update;

pub use activation::Activation;
pub use error::{Error, Result};
pub use init::{Init, WeightInit};
pub use loss::Loss;
pub use network::{Architecture, Layer, LayerSpec, Network};
pub use settings::{BatchSize, Data, Dataset, Settings};
pub use trace::{Step, Trace};
pub use trainer::{History, Phase, Status, Trainer, Unit};

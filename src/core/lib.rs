//! # Backprop Playground's training core
//!
//! Trains a small dense network one phase at a time — `Forward(1) … Forward(L)`, `Loss`,
//! `Backward(L) … Backward(1)`, `Update` — and keeps every intermediate number (Z, A, δ, ∂J/∂W,
//! ∂J/∂b, W and b before and after) for the page to show.
//!
//! Notation (rows are samples): Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾, A⁽ˡ⁾ = f(Z⁽ˡ⁾), A⁽⁰⁾ = X, ŷ = A⁽ᴸ⁾,
//! δ⁽ˡ⁾ = ∂J/∂Z⁽ˡ⁾, ∂J/∂W⁽ˡ⁾ = A⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾, ∂J/∂b⁽ˡ⁾ = Σ rows of δ⁽ˡ⁾, W ← W − α ∂J/∂W.
//!
//! The loops that run at every step live here, apart from the session files, data and charts
//! (the `backprop-playground` crate), so that this crate is built for speed and the rest for size.

pub mod activation;
pub mod dense;
pub mod error;
pub mod fastmath;
pub mod gradcheck;
pub mod init;
pub mod lanes;
pub mod loss;
pub mod network;
pub mod pick;
pub mod random;
pub mod settings;
pub mod show;
pub mod trace;
pub mod trainer;
pub mod trig;

pub use activation::Activation;
pub use error::{Error, Result};
pub use init::{Init, WeightInit};
pub use loss::Loss;
pub use network::{Architecture, Layer, LayerSpec, Network};
pub use settings::{BatchSize, Data, Dataset, Settings};
pub use trace::{Step, Trace};
pub use trainer::{History, Phase, Status, Trainer, Unit};

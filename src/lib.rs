//! # Backprop Playground
//!
//! Everything the page needs around the training core: session files, data (generated sets, CSV,
//! preprocessing), presets, charts, and `web`, the bindings for JavaScript (built only for wasm32).
//!
//! The training core is the `backprop-core` crate (src/core/), built for speed; its modules are
//! re-exported here, so `backprop_playground::trainer::Trainer` names the same type. This crate is
//! built for size (see the release profile in Cargo.toml). Neither knows anything of the web
//! outside `web`.

pub use backprop_core::{
    activation, affine, delta, error, fastmath, gradcheck, init, l2, lanes, layout, loss, message, network, pick,
    predict, random, settings, show, trace, trainer, trig, update,
};

pub mod benchmark;
pub mod charts;
pub mod data;
pub mod decimal;
pub mod error_json;
pub mod json;
pub mod moment_json;
pub mod presets;
pub mod session;
pub mod trace_json;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use activation::Activation;
pub use error::{Error, Result};
pub use init::{Init, WeightInit};
pub use loss::Loss;
pub use network::{Architecture, Layer, LayerSpec, Network};
pub use session::Meta;
pub use settings::{BatchSize, Data, Dataset, Settings};
pub use trace::{Step, Trace};
pub use trainer::{History, Phase, Status, Trainer, Unit};

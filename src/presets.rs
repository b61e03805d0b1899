//! Built-in sessions that the page opens by name (`?preset=NAME`).

use crate::data::{circle, split};
use crate::error::{Error, Result};
use crate::json::matrix_json;
use serde_json::json;

/// The names of the presets, the default first.
pub const NAMES: [&str; 2] = ["circle", "worked-example"];

/// The article's worked example (section 4.3), with its exact starting numbers.
pub const WORKED_EXAMPLE: &str = r#"{
  "version": 1,
  "name": "Worked example (article 4.3)",
  "description": "One dense layer, 2 inputs, 2 outputs, identity activation, W = 0.5 everywhere, b = 0, α = 0.1, per-sample loss ½Σ(y − ŷ)², one sample per step.",
  "network": {"inputs": 2, "layers": [{"units": 2, "activation": "identity"}]},
  "loss": "mse",
  "init": {"weights": "constant", "value": 0.5, "bias": 0},
  "training": {"learning_rate": 0.1, "batch_size": 1, "shuffle": false, "seed": 1},
  "data": {"train": {"x": [[1, 2], [3, 4]], "y": [[3, 4], [6, 8]]}},
  "params": [{"w": [[0.5, 0.5], [0.5, 0.5]], "b": [0, 0]}]
}"#;

/// The session text of a preset.
pub fn session(name: &str) -> Result<String> {
    match name {
        "worked-example" => Ok(WORKED_EXAMPLE.to_string()),
        "circle" => Ok(circle_session()),
        _ => Err(Error::invalid("preset", format!("one of {}", NAMES.join(", ")), format!("{name:?}"))),
    }
}

/// Two-class circle, 2-4-2-1 network (tanh, tanh, sigmoid), cross-entropy, mini-batches of 10.
fn circle_session() -> String {
    let (x, y) = circle(200, 0.05, 7);
    let ((x_train, y_train), (x_test, y_test)) = split(&x, &y, 0.5, 7);
    let doc = json!({
        "version": 1,
        "name": "Circle",
        "description": "Two classes: a disc inside a ring. Two hidden tanh layers learn a round boundary.",
        "network": {"inputs": 2, "layers": [
            {"units": 4, "activation": "tanh"},
            {"units": 2, "activation": "tanh"},
            {"units": 1, "activation": "sigmoid"}
        ]},
        "loss": "bce",
        "init": {"weights": "glorot_uniform", "bias": 0},
        "training": {"learning_rate": 0.3, "batch_size": 10, "shuffle": true, "seed": 1, "max_epochs": 500},
        "data": {
            "train": {"x": matrix_json(x_train.view()), "y": matrix_json(y_train.view())},
            "test": {"x": matrix_json(x_test.view()), "y": matrix_json(y_test.view())}
        }
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

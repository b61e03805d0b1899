//! Sessions used to measure training speed, matching TensorFlow Playground's settings so the
//! figures compare: two-class circle, 500 points, half for training, inputs x₁ x₂, tanh layers,
//! a tanh output on labels ±1, MSE, batches of 10, α = 0.03.

use crate::data::{circle, split};
use crate::json::matrix_json;
use serde_json::json;

/// TensorFlow Playground's default network: hidden layers of 4 and 2.
pub const DEFAULT_HIDDEN: [usize; 2] = [4, 2];
/// Its largest network: six hidden layers of 8.
pub const LARGEST_HIDDEN: [usize; 6] = [8; 6];

/// The benchmark session with the given hidden layer sizes.
pub fn tf_playground_session(hidden: &[usize]) -> String {
    let (x, y) = circle(500, 0.0, 1);
    // TensorFlow Playground labels the classes −1 and +1 for its tanh output.
    let y = y.mapv(|v| 2.0 * v - 1.0);
    let ((x_train, y_train), (x_test, y_test)) = split(&x, &y, 0.5, 1);
    let mut layers: Vec<_> = hidden.iter().map(|&u| json!({"units": u, "activation": "tanh"})).collect();
    layers.push(json!({"units": 1, "activation": "tanh"}));
    json!({
        "version": 1,
        "name": "TensorFlow Playground settings",
        "network": {"inputs": 2, "layers": layers},
        "loss": "mse",
        "init": {"weights": "uniform_centered", "bias": 0.1},
        "training": {"learning_rate": 0.03, "batch_size": 10, "shuffle": true, "seed": 1},
        "data": {
            "train": {"x": matrix_json(x_train.view()), "y": matrix_json(y_train.view())},
            "test": {"x": matrix_json(x_test.view()), "y": matrix_json(y_test.view())}
        }
    })
    .to_string()
}

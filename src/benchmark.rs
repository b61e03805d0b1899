//! Sessions used to measure training speed, matching TensorFlow Playground's settings so the
//! figures compare: two-class circle, 500 points, half for training, inputs x₁ x₂, tanh layers,
//! a tanh output on labels ±1, MSE, batches of 10, α = 0.03.

use crate::data::{circle, split};
use crate::json::{matrix_json, obj, Value};

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
    let layer = |units: usize| obj(vec![("units", units.into()), ("activation", "tanh".into())]);
    let mut layers: Vec<_> = hidden.iter().map(|&u| layer(u)).collect();
    layers.push(layer(1));
    let set = |x: &ndarray::Array2<f64>, y: &ndarray::Array2<f64>| {
        obj(vec![("x", matrix_json(x.view())), ("y", matrix_json(y.view()))])
    };
    obj(vec![
        ("version", 1usize.into()),
        ("name", "TensorFlow Playground settings".into()),
        ("network", obj(vec![("inputs", 2usize.into()), ("layers", Value::Array(layers))])),
        ("loss", "mse".into()),
        ("init", obj(vec![("weights", "uniform_centered".into()), ("bias", 0.1.into())])),
        (
            "training",
            obj(vec![
                ("learning_rate", 0.03.into()),
                ("batch_size", 10usize.into()),
                ("shuffle", true.into()),
                ("seed", 1usize.into()),
            ]),
        ),
        ("data", obj(vec![("train", set(&x_train, &y_train)), ("test", set(&x_test, &y_test))])),
    ])
    .to_string()
}

//! The f′(Z) the page shows (the trace's `fprime`, from `Activation::derivative`) is the one
//! training multiplies by (`Activation::backprop`), for every activation: on hidden layers
//! δ = ∂J/∂A ⊙ f′(Z) to the bit, on an MSE output δ = (ŷ − y)/m ⊙ f′(Z), and for a softmax output,
//! which has no f′ per unit, δ is the product with softmax's Jacobian. f′ is also checked against
//! central differences of f.

use backprop_playground::session::from_json;
use backprop_playground::trace_json::trace_json;
use backprop_playground::{Step, Unit};
use serde_json::Value;

const HIDDEN: [&str; 4] = ["identity", "sigmoid", "tanh", "relu"];
/// (loss, output activation): every pairing the core accepts.
const OUTPUTS: [(&str, &str); 7] = [
    ("mse", "identity"),
    ("mse", "sigmoid"),
    ("mse", "tanh"),
    ("mse", "relu"),
    ("mse", "softmax"),
    ("bce", "sigmoid"),
    ("cce", "softmax"),
];

/// The trace as the page reads it, after every backward phase of the second batch of a 2-4-3-k
/// network with `hidden` units (batches of 5, so 1/m is not 1).
fn trace(hidden: &str, loss: &str, output: &str) -> Value {
    let k = if output == "softmax" { 3 } else { 1 };
    let x: Vec<String> =
        (0..12).map(|i| format!("[{}, {}]", (i as f64 * 0.7).sin() * 2.0, (i as f64 * 1.3).cos())).collect();
    let y: Vec<String> = (0..12)
        .map(|i| match (k, loss) {
            (3, _) => format!("[{}, {}, {}]", u8::from(i % 3 == 0), u8::from(i % 3 == 1), u8::from(i % 3 == 2)),
            (_, "bce") => format!("[{}]", i % 2),
            _ => format!("[{}]", (i as f64 * 0.4).cos()),
        })
        .collect();
    let text = format!(
        r#"{{"version": 1, "network": {{"inputs": 2, "layers": [{{"units": 4, "activation": "{hidden}"}},
            {{"units": 3, "activation": "{hidden}"}}, {{"units": {k}, "activation": "{output}"}}]}},
          "loss": "{loss}", "init": {{"weights": "uniform_centered", "bias": 0.1}},
          "training": {{"learning_rate": 0.1, "batch_size": 5, "shuffle": false, "seed": 3}},
          "data": {{"train": {{"x": [{}], "y": [{}]}}}}}}"#,
        x.join(","),
        y.join(",")
    );
    let (mut t, _) = from_json(&text).unwrap_or_else(|e| panic!("{hidden}, {loss} + {output}: {e}"));
    t.step(Unit::Batch);
    t.step_to(Step::Update);
    serde_json::from_str(&trace_json(&t)).unwrap()
}

fn matrix(v: &Value) -> Vec<Vec<f64>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|row| row.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect())
        .collect()
}

/// f of one number, written independently of the core.
fn f(name: &str, z: f64) -> f64 {
    match name {
        "identity" => z,
        "sigmoid" => 1.0 / (1.0 + (-z).exp()),
        "tanh" => z.tanh(),
        "relu" => z.max(0.0),
        _ => unreachable!(),
    }
}

#[test]
fn the_shown_derivative_is_the_one_backprop_multiplies_by_for_every_activation() {
    let mut checked = [0usize; 3];
    for hidden in HIDDEN {
        for (loss, output) in OUTPUTS {
            let json = trace(hidden, loss, output);
            let what = format!("hidden {hidden}, {loss} + {output}");
            let layers = json["layers"].as_array().unwrap();
            let m = matrix(&json["y"]).len() as f64;
            assert_eq!(m, 5.0);
            // Hidden layers: δ = ∂J/∂A ⊙ f′(Z), to the bit.
            for (l, layer) in layers[..2].iter().enumerate() {
                let (da, fprime, delta) = (matrix(&layer["da"]), matrix(&layer["fprime"]), matrix(&layer["delta"]));
                for (i, row) in delta.iter().enumerate() {
                    for (j, &d) in row.iter().enumerate() {
                        assert_eq!(da[i][j] * fprime[i][j], d, "{what}: layer {}, δ[{i}][{j}]", l + 1);
                        checked[0] += 1;
                    }
                }
                // f′ itself: central differences of f at the trace's Z.
                for (z_row, f_row) in matrix(&layer["z"]).iter().zip(&fprime) {
                    for (&z, &fp) in z_row.iter().zip(f_row) {
                        if hidden == "relu" && z.abs() < 1e-3 {
                            continue;
                        }
                        let h = 1e-6;
                        let difference = (f(hidden, z + h) - f(hidden, z - h)) / (2.0 * h);
                        assert!((difference - fp).abs() < 1e-8, "{what}: f′({z}) = {fp}, differences {difference}");
                    }
                }
            }
            let out = &layers[2];
            let (a, y, delta) = (matrix(&out["a"]), matrix(&json["y"]), matrix(&out["delta"]));
            if output == "softmax" {
                assert!(out["fprime"].is_null(), "{what}: softmax has no f′ per unit");
                if loss == "mse" {
                    // δᵢ = Σⱼ gⱼ ∂aⱼ/∂zᵢ with g = (ŷ − y)/m and ∂aⱼ/∂zᵢ = aⱼ(1[i = j] − aᵢ).
                    for ((a, y), d) in a.iter().zip(&y).zip(&delta) {
                        for i in 0..3 {
                            let jacobian = |j: usize| a[j] * (f64::from(u8::from(i == j)) - a[i]);
                            let expected: f64 = (0..3).map(|j| (a[j] - y[j]) / m * jacobian(j)).sum();
                            assert!((expected - d[i]).abs() <= 1e-16 + 1e-14 * expected.abs(), "{what}: δ {d:?}");
                            checked[2] += 1;
                        }
                    }
                }
            } else if loss == "mse" {
                // δ⁽ᴸ⁾ = (ŷ − y)/m ⊙ f′(Z), to the bit.
                let fprime = matrix(&out["fprime"]);
                for (i, row) in delta.iter().enumerate() {
                    assert_eq!((a[i][0] - y[i][0]) / m * fprime[i][0], row[0], "{what}: δ⁽³⁾[{i}]");
                    checked[1] += 1;
                }
            }
        }
    }
    // Every hidden δ of 28 networks (5 × 4 + 5 × 3 each), the 4 non-softmax MSE outputs of each
    // hidden activation, and the softmax MSE output of each.
    assert_eq!(checked, [28 * 35, 4 * 4 * 5, 4 * 5 * 3]);
}

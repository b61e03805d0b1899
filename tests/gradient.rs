//! Backprop against central finite differences, for every activation × loss pairing the core
//! accepts and depths 0 to 3 hidden layers, with and without L2.

use backprop_playground::gradcheck::check;
use backprop_playground::{Activation, Architecture, Init, LayerSpec, Loss, Network, WeightInit};
use ndarray::Array2;

const HIDDEN: [Activation; 4] = [Activation::Identity, Activation::Sigmoid, Activation::Tanh, Activation::Relu];

/// Inputs and targets that suit the loss: 5 rows, 3 inputs, `outputs` columns.
fn batch(loss: Loss, outputs: usize) -> (Array2<f64>, Array2<f64>) {
    let x = Array2::from_shape_fn((5, 3), |(i, j)| ((i * 3 + j) as f64 * 0.37).sin() * 1.3);
    let y = Array2::from_shape_fn((5, outputs), |(i, j)| match loss {
        Loss::Mse => ((i + 2 * j) as f64 * 0.91).cos(),
        Loss::Bce => ((i + j) % 2) as f64,
        Loss::Cce => f64::from(j == i % outputs),
    });
    (x, y)
}

fn output_activations(loss: Loss) -> Vec<Activation> {
    match loss {
        Loss::Mse => Activation::ALL.to_vec(),
        Loss::Bce => vec![Activation::Sigmoid],
        Loss::Cce => vec![Activation::Softmax],
    }
}

#[test]
fn backprop_matches_central_differences_for_every_pairing_and_depth() {
    let mut cases = 0;
    for loss in Loss::ALL {
        for output in output_activations(loss) {
            let outputs = if output == Activation::Softmax { 3 } else { 2 };
            for hidden in HIDDEN {
                for depth in 0..=3 {
                    for l2 in [0.0, 0.01] {
                        let mut layers: Vec<LayerSpec> =
                            (0..depth).map(|d| LayerSpec { units: 4 - d % 2, activation: hidden }).collect();
                        layers.push(LayerSpec { units: outputs, activation: output });
                        let arch = Architecture { inputs: 3, layers };
                        let init = Init { weights: WeightInit::UniformCentered, bias: 0.1 };
                        let net = Network::init(&arch, &init, 11 + depth as u64).unwrap();
                        let (x, y) = batch(loss, outputs);
                        for (l, c) in check(&net, loss, l2, x.view(), y.view()).iter().enumerate() {
                            let what = format!(
                                "{} + {}, hidden {} × {depth}, l2 {l2}, layer {}",
                                loss.name(),
                                output.name(),
                                hidden.name(),
                                l + 1
                            );
                            assert!(c.w < 1e-5, "∂J/∂W relative error {} for {what}", c.w);
                            assert!(c.b < 1e-5, "∂J/∂b relative error {} for {what}", c.b);
                        }
                        cases += 1;
                    }
                }
            }
        }
    }
    assert_eq!(cases, (5 + 1 + 1) * 4 * 4 * 2);
}

#[test]
fn the_check_reports_a_wrong_gradient() {
    // A deliberately wrong network gradient must show up: compare the check's own numbers with
    // a gradient that is off by a factor of two.
    let arch = Architecture { inputs: 3, layers: vec![LayerSpec { units: 2, activation: Activation::Identity }] };
    let net = Network::init(&arch, &Init { weights: WeightInit::Uniform, bias: 0.0 }, 3).unwrap();
    let (x, y) = batch(Loss::Mse, 2);
    let trace = backprop_playground::gradcheck::backprop(&net, Loss::Mse, 0.0, x.view(), y.view());
    let g = trace.layers[0].dw[(0, 0)];
    assert!(backprop_playground::gradcheck::rel_error(2.0 * g, g) > 0.3);
    assert!(backprop_playground::gradcheck::rel_error(g, g) == 0.0);
}

#[test]
fn cross_entropy_stays_finite_when_the_output_saturates() {
    // z = ±800 would make a naive log(σ(z)) take log(0) and exp overflow.
    let arch = Architecture { inputs: 1, layers: vec![LayerSpec { units: 1, activation: Activation::Sigmoid }] };
    let mut net = Network::init(&arch, &Init::default(), 1).unwrap();
    net.layers[0].w[(0, 0)] = 800.0;
    let x = ndarray::array![[1.0], [-1.0]];
    let y = ndarray::array![[0.0], [1.0]];
    let j = backprop_playground::gradcheck::batch_loss(&net, Loss::Bce, 0.0, x.view(), y.view());
    assert!((j - 800.0).abs() < 1e-9, "J = {j}");
    let arch = Architecture { inputs: 1, layers: vec![LayerSpec { units: 2, activation: Activation::Softmax }] };
    let mut net = Network::init(&arch, &Init::default(), 1).unwrap();
    net.layers[0].w = ndarray::array![[900.0, -900.0]];
    let j = backprop_playground::gradcheck::batch_loss(
        &net,
        Loss::Cce,
        0.0,
        ndarray::array![[1.0]].view(),
        ndarray::array![[0.0, 1.0]].view(),
    );
    assert!((j - 1800.0).abs() < 1e-9, "J = {j}");
}

#[test]
fn the_check_agrees_for_very_large_weights_where_backprop_is_exact() {
    // The worked example at α = 10: one identity layer, so backprop's gradient is exact while the
    // weights grow by orders of magnitude each update. A fixed step h = 1e-5 gave a relative
    // error of 1.2e-5 at |w| ≈ 7e5 and 1 at |w| ≥ 1e12: false alarms.
    let text = backprop_playground::presets::WORKED_EXAMPLE.replace("\"learning_rate\": 0.1", "\"learning_rate\": 10");
    let (mut t, _) = backprop_playground::session::from_json(&text).unwrap();
    let mut largest: f64 = 0.0;
    let mut checked = 0;
    while t.status() == backprop_playground::Status::Running && largest < 1e40 {
        let checks = t.gradient_check();
        let w_max = t.start_network().layers[0].w.iter().fold(0.0_f64, |m, w| m.max(w.abs()));
        for c in &checks {
            assert!(c.agrees(), "at |w| = {w_max:e} the check reports {c:?}");
        }
        largest = largest.max(w_max);
        checked += 1;
        t.step(backprop_playground::Unit::Batch);
    }
    assert!(largest >= 1e12, "the run reached |w| = {largest:e} only");
    assert!(checked > 5);
}

#[test]
fn the_check_flags_a_gradient_off_by_a_tenth_of_a_percent_at_any_size() {
    use backprop_playground::gradcheck::{excess_error, numeric, AGREE};
    for (activation, scale) in [
        (Activation::Tanh, 1.0),
        (Activation::Identity, 1e3),
        (Activation::Identity, 1e6),
        (Activation::Identity, 1e12),
    ] {
        let arch = Architecture { inputs: 3, layers: vec![LayerSpec { units: 2, activation }] };
        let mut net = Network::init(&arch, &Init { weights: WeightInit::Uniform, bias: 0.0 }, 3).unwrap();
        net.layers[0].w.mapv_inplace(|w| w * scale);
        let (x, y) = batch(Loss::Mse, 2);
        let trace = backprop_playground::gradcheck::backprop(&net, Loss::Mse, 0.0, x.view(), y.view());
        let g = trace.layers[0].dw[(0, 0)];
        let n = numeric(&mut net.clone(), Loss::Mse, 0.0, x.view(), y.view(), 0, 0, true);
        assert!(excess_error(g, n) < AGREE, "scale {scale:e}: right gradient flagged: {n:?} vs {g}");
        assert!(excess_error(g * 1.001, n) > AGREE, "scale {scale:e}: a gradient 0.1 % off passed: {n:?} vs {g}");
    }
}

//! The phase machine: order of phases, batches and epochs, undo, determinism, divergence,
//! the stopping rule.

mod common;
use backprop_playground::session::{from_json, to_json};
use backprop_playground::{Phase, Status, Step, Trainer, Unit};
use common::*;

/// A session on 6 rows of 2 inputs, with the given hidden layers (tanh) and a sigmoid output.
fn session(hidden: &[usize], batch_size: &str, shuffle: bool, extra: &str) -> Trainer {
    let mut layers: Vec<String> = hidden.iter().map(|u| format!(r#"{{"units":{u},"activation":"tanh"}}"#)).collect();
    layers.push(r#"{"units":1,"activation":"sigmoid"}"#.into());
    let text = format!(
        r#"{{"version":1,"network":{{"inputs":2,"layers":[{}]}},"loss":"bce",
        "training":{{"learning_rate":0.5,"batch_size":{batch_size},"shuffle":{shuffle},"seed":42{extra}}},
        "data":{{"train":{{"x":[[0,0],[0,1],[1,0],[1,1],[0.5,0.2],[0.1,0.9]],"y":[[0],[1],[1],[0],[1],[0]]}},
                 "test":{{"x":[[0.2,0.2],[0.8,0.9]],"y":[[0],[0]]}}}}}}"#,
        layers.join(",")
    );
    from_json(&text).unwrap().0
}

fn phase_names(t: &mut Trainer, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let p = t.phase().name();
            t.step(Unit::Phase);
            p
        })
        .collect()
}

#[test]
fn phases_run_forward_loss_backward_update_for_one_two_and_three_layers() {
    for depth in 1..=3 {
        let hidden = vec![3; depth - 1];
        let mut t = session(&hidden, "4", false, "");
        let mut expected: Vec<String> = (1..=depth).map(|l| format!("Forward({l})")).collect();
        expected.push("Loss".into());
        expected.extend((1..=depth).rev().map(|l| format!("Backward({l})")));
        expected.push("Update".into());
        let per_batch = expected.len();
        // Two batches (4 rows, then the short last batch of 2), then the next epoch's first.
        let names = phase_names(&mut t, 3 * per_batch);
        for (b, chunk) in names.chunks(per_batch).enumerate() {
            assert_eq!(chunk, expected.as_slice(), "batch {b} of a {depth}-layer network");
        }
        assert_eq!(t.epoch(), 1);
    }
}

#[test]
fn a_short_last_batch_is_averaged_over_its_own_rows() {
    let mut t = session(&[], "4", false, "");
    t.step(Unit::Batch);
    t.step(Unit::Phase);
    assert_eq!(t.trace().m(), 2);
    assert_eq!(t.trace().rows, vec![4, 5]);
    t.step(Unit::Phase);
    let by_hand = backprop_playground::gradcheck::batch_loss(
        t.start_network(),
        t.loss,
        0.0,
        ndarray::array![[0.5, 0.2], [0.1, 0.9]].view(),
        ndarray::array![[1.0], [0.0]].view(),
    );
    assert_eq!(t.trace().loss, by_hand);
}

#[test]
fn batch_and_epoch_steps_end_where_they_say() {
    let mut t = session(&[3], "2", false, "");
    t.step(Unit::Phase);
    t.step(Unit::Batch);
    assert_eq!((t.epoch(), t.batch()), (0, 1));
    assert_eq!(t.phase(), Phase::Next(Step::Forward(1)));
    t.step(Unit::Epoch);
    assert_eq!((t.epoch(), t.batch()), (1, 0));
    assert_eq!(t.history().train_loss.len(), 1);
    assert_eq!(t.history().test_loss.len(), 1);
    assert!(t.history().train_accuracy[0].is_some());
    t.run(3);
    assert_eq!(t.epoch(), 4);
    assert_eq!(t.history().batch_loss.len(), 4 * 3);
}

#[test]
fn the_phase_path_and_the_fast_path_give_the_same_bits() {
    let mut slow = session(&[3, 2], "4", true, "");
    let mut fast = slow.clone();
    for _ in 0..3 * 2 * 8 {
        slow.step(Unit::Phase);
    }
    fast.run(3);
    assert_eq!(slow.network(), fast.network());
    assert_eq!(slow.history(), fast.history());
}

#[test]
fn back_restores_the_exact_earlier_state_at_every_phase() {
    let mut t = session(&[3, 2], "4", true, "");
    let mut states = Vec::new();
    for _ in 0..40 {
        states.push((to_json(&t, &Default::default()), trace_text(&t)));
        t.step(Unit::Phase);
    }
    t.step(Unit::Epoch);
    t.run(2);
    assert!(t.back());
    assert!(t.back());
    for (session, trace) in states.iter().rev() {
        assert!(t.back());
        assert_eq!(&to_json(&t, &Default::default()), session);
        assert_eq!(&trace_text(&t), trace);
    }
    assert!(!t.back(), "nothing left to undo");
}

fn trace_text(t: &Trainer) -> String {
    backprop_playground::trace_json::trace_json(t)
}

#[test]
fn undo_reaches_at_least_two_hundred_steps_back() {
    let mut t = session(&[3], "1", true, "");
    let first = to_json(&t, &Default::default());
    for _ in 0..200 {
        t.step(Unit::Phase);
    }
    for _ in 0..200 {
        assert!(t.back());
    }
    assert_eq!(to_json(&t, &Default::default()), first);
}

#[test]
fn the_same_seed_gives_bit_identical_parameters_after_three_epochs() {
    for shuffle in [false, true] {
        let mut a = session(&[4, 2], "2", shuffle, "");
        let mut b = session(&[4, 2], "2", shuffle, "");
        a.run(3);
        b.run(3);
        assert_eq!(a.network(), b.network(), "shuffle {shuffle}");
    }
    // A different seed shuffles differently.
    let mut a = session(&[4, 2], "2", true, "");
    let mut c = from_json(&to_json(&a, &Default::default()).replace("\"seed\": 42", "\"seed\": 43")).unwrap().0;
    a.run(3);
    c.run(3);
    assert_ne!(a.network(), c.network());
}

#[test]
fn reshuffling_changes_the_row_order_between_epochs() {
    let mut t = session(&[], "6", true, "");
    t.step(Unit::Phase);
    let first = t.trace().rows.clone();
    t.step(Unit::Batch);
    t.step(Unit::Phase);
    let second = t.trace().rows.clone();
    assert_ne!(first, second);
    let mut sorted = second.clone();
    sorted.sort();
    assert_eq!(sorted, vec![0, 1, 2, 3, 4, 5]);
}

#[test]
fn training_stops_at_the_target_loss_or_the_epoch_limit() {
    let mut t = session(&[4], "2", false, ",\"max_epochs\":5");
    t.run(100);
    assert_eq!(t.epoch(), 5);
    assert_eq!(t.phase(), Phase::Stopped(Status::MaxEpochs));
    let before = t.network().clone();
    t.step(Unit::Phase);
    assert_eq!(t.network(), &before, "a stopped session does not move");

    let mut t = session(&[4], "2", false, ",\"target_loss\":0.69");
    t.run(1000);
    assert_eq!(t.status(), Status::TargetReached);
    assert!(*t.history().train_loss.last().unwrap() <= 0.69);
    assert!(t.history().train_loss[..t.history().train_loss.len() - 1].iter().all(|&j| j > 0.69));
}

#[test]
fn a_diverging_run_stops_with_the_last_finite_state_one_step_back() {
    // Identity output with MSE and a huge learning rate: the parameters blow up.
    let text = r#"{"version":1,"network":{"inputs":1,"layers":[{"units":1,"activation":"identity"}]},"loss":"mse",
        "training":{"learning_rate":1e6,"batch_size":1},"data":{"train":{"x":[[3],[4]],"y":[[1],[2]]}}}"#;
    let mut t = from_json(text).unwrap().0;
    t.run(1000);
    assert_eq!(t.phase(), Phase::Stopped(Status::Diverged));
    assert!(t.epoch() < 1000);
    assert!(t.back());
    assert!(t.network().is_finite());
    assert_eq!(t.status(), Status::Running);
    // Stepping phase by phase from there diverges again at the same phase.
    let next = t.phase();
    t.step(Unit::Phase);
    assert_eq!(t.phase(), Phase::Stopped(Status::Diverged), "after {}", next.name());
}

#[test]
fn changing_the_learning_rate_keeps_the_trace() {
    let mut t = session(&[3], "2", false, "");
    for _ in 0..3 {
        t.step(Unit::Phase);
    }
    let before = t.trace().loss;
    t.set_learning_rate(0.01).unwrap();
    assert_eq!(t.trace().loss, before);
    assert_eq!(t.trace().done, 3);
    assert!(t.set_learning_rate(0.0).is_err());
    assert!(t.set_learning_rate(f64::NAN).is_err());
    assert_eq!(t.settings.learning_rate, 0.01);
}

#[test]
fn a_weight_edited_by_hand_enters_the_next_forward_pass() {
    let mut t = worked_example("1");
    t.step(Unit::Phase);
    t.set_weight(0, 1, 0, 2.0).unwrap();
    assert_eq!(t.phase(), Phase::Next(Step::Forward(1)));
    t.step(Unit::Phase);
    // z₁ = 1·0.5 + 2·2 + 0 = 4.5, z₂ = 1·0.5 + 2·0.5 = 1.5
    assert_matrix(t.trace().z(0), &[&[4.5, 1.5]]);
    t.set_bias(0, 1, -1.0).unwrap();
    t.step(Unit::Phase);
    assert_matrix(t.trace().z(0), &[&[4.5, 0.5]]);
    assert!(t.set_weight(0, 5, 0, 1.0).is_err());
    assert!(t.set_weight(0, 0, 0, f64::INFINITY).is_err());
}

#[test]
fn the_gradient_check_of_a_session_is_tiny() {
    let mut t = session(&[4, 3], "3", true, "");
    for c in t.gradient_check() {
        assert!(c.w < 1e-6 && c.b < 1e-6, "{c:?}");
    }
    t.run(2);
    t.step(Unit::Phase);
    assert_eq!(t.gradient_check().len(), 3);
}

#[test]
fn stepping_to_a_phase_is_one_undoable_step() {
    let mut t = session(&[3], "2", false, "");
    t.step(Unit::Phase);
    let before = to_json(&t, &Default::default());
    assert_eq!(t.step_to(Step::Backward(1)), Phase::Next(Step::Backward(1)));
    assert_eq!(t.trace().done, 4);
    // A phase already past in this batch is reached in the next one.
    assert_eq!(t.step_to(Step::Forward(2)), Phase::Next(Step::Forward(2)));
    assert_eq!(t.traced(), Some((0, 1)));
    assert!(t.back());
    assert!(t.back());
    assert_eq!(to_json(&t, &Default::default()), before);
    assert_eq!(Step::parse("Backward(2)", 2), Some(Step::Backward(2)));
    assert_eq!(Step::parse("Backward(3)", 2), None);
}

#[test]
fn a_focused_trace_sends_the_focused_layers_batch_matrices_its_input_and_the_delta_above_only() {
    let mut t = session(&[3, 3, 3], "2", false, "");
    t.step(Unit::Batch);
    let read = |text: String| backprop_playground::json::parse(&text).unwrap();
    let full = read(backprop_playground::trace_json::trace_json(&t));
    let focused = read(backprop_playground::trace_json::trace_json_focused(&t, Some(1)));
    // Focus on layer 1 (0-based): layer 0 gives its A (layer 1's input), layer 2 its δ.
    let expected: [&[&str]; 4] =
        [&["a"], &["z", "a", "delta", "dw", "db", "fprime", "da", "w_change", "b_change"], &["delta"], &[]];
    let batch_keys = ["z", "a", "delta", "dw", "db", "fprime", "da", "w_change", "b_change"];
    for (l, keys) in expected.iter().enumerate() {
        let (f, all) = (&focused["layers"][l], &full["layers"][l]);
        for key in ["units", "inputs", "activation", "w", "b", "w_new", "b_new"] {
            assert_eq!(f[key], all[key], "layer {l} {key}: every layer keeps its parameters");
        }
        for key in batch_keys {
            assert_eq!(f.get(key).is_some(), keys.contains(&key), "layer {l} {key}");
            if keys.contains(&key) {
                assert_eq!(f[key], all[key], "layer {l} {key}: the same numbers as the full trace");
            }
        }
    }
    // The full trace has δ's two factors for every hidden layer.
    assert!((0..3).all(|l| !full["layers"][l]["fprime"].is_null() && !full["layers"][l]["da"].is_null()));
    // A focus past the last layer (the page's frames that draw no matrix while playing): no
    // layer's batch matrices, every layer's parameters, the batch's J and counts as in full.
    let none = read(backprop_playground::trace_json::trace_json_focused(&t, Some(u32::MAX as usize)));
    for l in 0..3 {
        for key in ["units", "inputs", "activation", "w", "b", "w_new", "b_new"] {
            assert_eq!(none["layers"][l][key], full["layers"][l][key], "layer {l} {key}");
        }
        assert!(batch_keys.iter().all(|key| none["layers"][l].get(key).is_none()), "layer {l}");
    }
    for key in ["phase", "last_phase", "loss", "epoch", "batch", "epochs_done", "batches", "undo_depth", "x", "y"] {
        assert_eq!(none[key], full[key], "{key}");
    }
}

/// A packed trace read back: each `{"$": at, "n": length}` or `{"$": at, "r": rows, "c": columns}`
/// replaced by its numbers (NaN and the infinities as the text trace's strings).
fn unpack(value: serde_json::Value, numbers: &[f64]) -> serde_json::Value {
    use serde_json::Value;
    let number =
        |x: f64| if x.is_finite() { Value::from(x) } else { Value::from(backprop_playground::show::number(x)) };
    let list = |at: usize, n: usize| Value::Array(numbers[at..at + n].iter().map(|&x| number(x)).collect());
    match value {
        Value::Object(map) if map.contains_key("$") => {
            let at = map["$"].as_u64().unwrap() as usize;
            match (map.get("r"), map.get("c"), map.get("n")) {
                (Some(r), Some(c), None) => {
                    let (r, c) = (r.as_u64().unwrap() as usize, c.as_u64().unwrap() as usize);
                    Value::Array((0..r).map(|i| list(at + i * c, c)).collect())
                }
                (None, None, Some(n)) => list(at, n.as_u64().unwrap() as usize),
                _ => panic!("not a packed list or matrix: {map:?}"),
            }
        }
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, unpack(v, numbers))).collect()),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| unpack(v, numbers)).collect()),
        other => other,
    }
}

#[test]
fn a_packed_trace_reads_back_as_the_text_trace_at_every_phase_for_every_focus() {
    let mut t = session(&[3, 3, 3], "2", false, "");
    for _ in 0..12 {
        for focus in 0..3 {
            let (text, numbers) = backprop_playground::trace_json::trace_packed(&t, Some(focus));
            assert!(!numbers.is_empty() && !text.contains("[["), "the matrices are in the numbers: {text}");
            let packed: serde_json::Value = serde_json::from_str(&text).unwrap();
            let plain: serde_json::Value =
                serde_json::from_str(&backprop_playground::trace_json::trace_json_focused(&t, Some(focus))).unwrap();
            assert_eq!(unpack(packed, &numbers), plain, "{:?}, focus {focus}", t.phase());
        }
        t.step(Unit::Phase);
    }
}

#[test]
fn regression_logs_the_rmse_without_the_l2_penalty() {
    let text = r#"{"version":1,"network":{"inputs":1,"layers":[{"units":1,"activation":"identity"}]},"loss":"mse",
        "training":{"learning_rate":0.01,"batch_size":"all","l2":0.5},"data":{"train":{"x":[[1],[2]],"y":[[1],[3]]}},
        "params":[{"w":[[1]],"b":[0]}]}"#;
    let mut t = from_json(text).unwrap().0;
    t.step(Unit::Epoch);
    let net = t.network();
    let (w, b) = (net.layers[0].w[(0, 0)], net.layers[0].b[0]);
    // Errors after the step: (w + b − 1) and (2w + b − 3); the RMSE ignores the penalty, J includes it.
    let (e1, e2) = (w + b - 1.0, 2.0 * w + b - 3.0);
    let rmse = ((e1 * e1 + e2 * e2) / 2.0).sqrt();
    assert!((t.history().train_rmse[0].unwrap() - rmse).abs() < 1e-12);
    let j = (e1 * e1 + e2 * e2) / 4.0 + 0.25 * w * w;
    assert!((t.history().train_loss[0] - j).abs() < 1e-12);
    assert_eq!(t.history().train_accuracy[0], None);
}

#[test]
fn the_trace_gives_the_factors_of_each_hidden_delta_and_the_change_of_each_weight() {
    let mut t = session(&[3, 2], "3", false, "");
    t.step(Unit::Batch);
    // Read back with an independent parser, as the page reads it.
    let json: serde_json::Value = serde_json::from_str(&backprop_playground::trace_json::trace_json(&t)).unwrap();
    let number = |v: &serde_json::Value| v.as_f64().unwrap();
    for l in 0..2 {
        let layer = &json["layers"][l];
        for i in 0..3 {
            for j in 0..layer["units"].as_u64().unwrap() as usize {
                let product = number(&layer["da"][i][j]) * number(&layer["fprime"][i][j]);
                assert!((product - number(&layer["delta"][i][j])).abs() < 1e-15, "layer {l} [{i},{j}]");
            }
        }
    }
    assert!(json["layers"][2]["da"].is_null(), "the output layer's δ comes from the loss");
    let w = &json["layers"][1];
    let change = number(&w["w_new"][1][0]) - number(&w["w"][1][0]);
    assert_eq!(number(&w["w_change"][1][0]), change);
    let samples: Vec<f64> = json["sample_loss"].as_array().unwrap().iter().map(number).collect();
    assert_eq!(samples.len(), 3);
    assert!((samples.iter().sum::<f64>() / 3.0 - number(&json["loss"])).abs() < 1e-15);
}

#[test]
fn the_upcoming_update_is_exactly_what_the_update_then_does() {
    // With an L2 term, so the gradient the update uses includes it.
    let mut t = session(&[3, 2], "2", false, r#","l2":0.01"#);
    let depth = t.network().depth();
    // Four batches: across the end of the first epoch (3 batches of 2 rows), which also measures it.
    for phase in 0..(2 * depth + 2) * 4 {
        let upcoming = t.upcoming_update();
        let update_next = t.phase() == Phase::Next(Step::Update);
        assert_eq!(upcoming.is_some(), update_next, "phase {phase}: {:?}", t.phase());
        t.step(Unit::Phase);
        if let Some(net) = upcoming {
            for (l, (expected, after)) in net.layers.iter().zip(&t.network().layers).enumerate() {
                assert_eq!(expected.w, after.w, "layer {l} W, bit for bit");
                assert_eq!(expected.b, after.b, "layer {l} b");
            }
        }
    }
}

#[test]
fn a_hand_edit_after_the_loss_takes_back_that_batch_j_and_is_one_undoable_step() {
    // Worked example, one sample per batch: Forward(1), Loss logs J = 4.25, then w₁₁ is edited.
    let mut t = worked_example("1");
    t.step(Unit::Phase);
    t.step(Unit::Phase);
    assert_vec(&t.history().batch_loss, &[4.25]);
    let depth_before = t.undo_depth();
    t.set_weight(0, 0, 0, 1.0).unwrap();
    // The batch starts again from the edit: its old J is no longer in the history.
    assert!(t.history().batch_loss.is_empty());
    assert_eq!(t.undo_depth(), depth_before + 1, "the edit is one step, and the earlier steps stay");
    t.step(Unit::Epoch);
    t.step(Unit::Epoch);
    // Two epochs of two batches: four batch losses, one per batch.
    assert_eq!(t.history().batch_loss.len(), 4);
    assert_eq!(t.history().train_loss.len(), 2);
    // Undo the two epochs, then the edit: w₁₁ and the logged 4.25 come back.
    assert!(t.back());
    assert!(t.back());
    assert!(t.back());
    assert_eq!(t.network().layers[0].w[(0, 0)], 0.5);
    assert_vec(&t.history().batch_loss, &[4.25]);
    assert_eq!(t.phase().name(), "Backward(1)");
    assert_eq!(t.trace().loss, 4.25);
}

#[test]
fn the_epoch_mean_of_batch_losses_uses_only_the_batches_run_after_an_edit() {
    let mut t = worked_example("1");
    t.step(Unit::Phase);
    t.step(Unit::Phase);
    t.set_bias(0, 1, 0.25).unwrap();
    t.step(Unit::Epoch);
    let logged = t.history().batch_loss.clone();
    assert_eq!(logged.len(), 2);
    let mean = t.history().mean_batch_loss[0].unwrap();
    assert!((mean - (logged[0] + logged[1]) / 2.0).abs() < 1e-12);
}

#[test]
fn an_update_keeps_the_learning_rate_it_used_after_alpha_is_changed() {
    let mut t = worked_example("1");
    t.step(Unit::Batch);
    assert_eq!(t.trace().lr, 0.1);
    t.set_learning_rate(1.0).unwrap();
    assert_eq!(t.trace().lr, 0.1, "the update on show used α = 0.1");
    assert_eq!(t.network().layers[0].w[(0, 0)], 0.65);
    // Undo and redo keep it too.
    t.step(Unit::Phase);
    t.back();
    assert_eq!(t.trace().lr, 0.1);
    // The next update uses the new α.
    t.step(Unit::Batch);
    assert_eq!(t.trace().lr, 1.0);
}

#[test]
fn with_l2_the_loss_is_its_data_part_plus_half_lambda_times_the_squared_weights() {
    let mut t = worked_example("1");
    t.settings.l2 = 0.1;
    let mut t =
        Trainer::new(t.arch.clone(), t.loss, t.init, t.settings.clone(), t.data.clone(), Some(t.network().clone()))
            .unwrap();
    t.step(Unit::Phase);
    t.step(Unit::Phase);
    // ½ ((3 − 1.5)² + (4 − 1.5)²) = 4.25; Σ w² = 4 × 0.25 = 1; J = 4.25 + ½ × 0.1 × 1 = 4.3.
    assert!((t.trace().loss_data - 4.25).abs() < 1e-12);
    assert!((t.trace().w_norm2 - 1.0).abs() < 1e-12);
    assert!((t.trace().loss - 4.3).abs() < 1e-12);
    t.step(Unit::Phase);
    // ∂J/∂w₁₁ = x₁ δ₁ + λ w₁₁ = 1 × (−1.5) + 0.1 × 0.5 = −1.45.
    assert!((t.trace().layers[0].dw[(0, 0)] + 1.45).abs() < 1e-12);
}

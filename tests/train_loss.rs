//! The training loss of the current parameters, measured on demand (`Trainer::train_loss`, the
//! page's `trainLoss()`): the point at epoch 0 of a loss curve, before any training.

mod common;
use backprop_playground::session::{apply_patch, from_json, to_json};
use backprop_playground::trace_json::trace_json;
use backprop_playground::{presets, Unit};
use common::*;

#[test]
fn before_training_the_worked_example_s_loss_is_the_mean_of_its_two_samples() {
    // W = 0.5 everywhere, b = 0: x = (1, 2) gives ŷ = (1.5, 1.5) against (3, 4), J₁ = ½(1.5² + 2.5²)
    // = 4.25; x = (3, 4) gives ŷ = (3.5, 3.5) against (6, 8), J₂ = ½(2.5² + 4.5²) = 13.25.
    let mut t = worked_example("1");
    assert_eq!(t.train_loss(), Some((4.25 + 13.25) / 2.0));
}

#[test]
fn the_l2_penalty_is_part_of_it_as_in_the_history() {
    // ½ λ Σ w² = ½ × 0.1 × 4 × 0.25 = 0.05.
    let text = presets::WORKED_EXAMPLE.replace("\"seed\": 1", "\"seed\": 1, \"l2\": 0.1");
    let (mut t, _) = from_json(&text).unwrap();
    assert!((t.train_loss().unwrap() - 8.8).abs() < 1e-12, "{:?}", t.train_loss());
}

#[test]
fn measuring_it_changes_nothing_in_the_session() {
    let (mut t, meta) = from_json(&presets::session("circle").unwrap()).unwrap();
    t.step(Unit::Epoch);
    for _ in 0..3 {
        t.step(Unit::Phase);
    }
    let (session, trace, phase, undo) = (to_json(&t, &meta), trace_json(&t), t.phase(), t.undo_depth());
    let first = t.train_loss();
    assert_eq!(t.train_loss(), first, "the same each time");
    assert_eq!((to_json(&t, &meta), trace_json(&t), t.phase(), t.undo_depth()), (session, trace, phase, undo));
    // And training goes on exactly as it would have.
    let (mut other, _) = from_json(&presets::session("circle").unwrap()).unwrap();
    other.step(Unit::Epoch);
    for _ in 0..3 {
        other.step(Unit::Phase);
    }
    t.run(2);
    other.run(2);
    assert_eq!(t.history().train_loss, other.history().train_loss);
}

#[test]
fn at_the_end_of_an_epoch_it_is_what_the_history_logs() {
    let (mut t, _) = from_json(&presets::session("circle").unwrap()).unwrap();
    for _ in 0..3 {
        t.step(Unit::Epoch);
        assert_eq!(t.train_loss(), t.history().train_loss.last().copied());
    }
}

#[test]
fn sessions_restarted_from_one_seed_with_other_batch_sizes_start_from_the_same_loss() {
    let (t, meta) = from_json(&presets::session("circle").unwrap()).unwrap();
    let start = |batch: &str| {
        let (mut t, _) = apply_patch(&t, &meta, &format!(r#"{{"training": {{"batch_size": {batch}}}}}"#)).unwrap();
        t.train_loss().unwrap()
    };
    let (sgd, mini, all) = (start("1"), start("10"), start("\"all\""));
    assert_eq!(sgd, mini);
    assert_eq!(sgd, all);
    // After an epoch they differ: one update against a hundred.
    let trained = |batch: &str| {
        let (mut t, _) = apply_patch(&t, &meta, &format!(r#"{{"training": {{"batch_size": {batch}}}}}"#)).unwrap();
        t.run(1);
        t.history().train_loss[0]
    };
    assert_ne!(trained("1"), trained("\"all\""));
}

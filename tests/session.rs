//! Session files: the minimal hand-written form, exact round trips, and every rejected input.

mod common;
use backprop_playground::json::{Map, Value};
use backprop_playground::message::Msg;
use backprop_playground::session::{from_json, to_json};
use backprop_playground::{Error, Phase, Step, Unit};
use common::*;

const MINIMAL: &str = r#"{"version":1, "network":{"inputs":2, "layers":[{"units":2,"activation":"identity"}]}, "loss":"mse",
"training":{"learning_rate":0.1, "batch_size":1, "shuffle":false}, "data":{"train":{"x":[[1,2],[3,4]],
"y":[[3,4],[6,8]]}}, "params":[{"w":[[0.5,0.5],[0.5,0.5]], "b":[0,0]}]}"#;

#[test]
fn a_minimal_hand_written_file_loads_and_trains() {
    let (mut t, _) = from_json(MINIMAL).unwrap();
    t.step(Unit::Batch);
    assert_matrix(t.network().layers[0].w.view(), &[&[0.65, 0.75], &[0.80, 1.00]]);
}

#[test]
fn export_then_import_gives_back_the_same_numbers_at_every_phase() {
    let text = r#"{"version":1,"network":{"inputs":2,"layers":[{"units":3,"activation":"relu"},{"units":3,"activation":"softmax"}]},
      "loss":"cce","init":"he_normal","training":{"learning_rate":0.37,"batch_size":2,"shuffle":true,"seed":9,"l2":0.001,"max_epochs":50},
      "data":{"train":{"x":[[0.1,0.2],[0.3,-0.7],[1e-300,2.5e17],[0.1,0.30000000000000004],[5,6]],"y":[0,1,2,1,0]},
              "test":{"x":[[1,1]],"y":[[0,0,1]]}}}"#;
    let (mut t, meta) = from_json(text).unwrap();
    for _ in 0..23 {
        let exported = to_json(&t, &meta);
        let (again, meta2) = from_json(&exported).unwrap();
        assert_eq!(to_json(&again, &meta2), exported);
        assert_eq!(again.network(), t.network());
        assert_eq!(again.phase(), t.phase());
        // Mid-batch the batch's values are recomputed on import, bit for bit.
        if again.trace().done > 0 {
            assert_eq!(again.trace().loss.to_bits(), t.trace().loss.to_bits());
        }
        t.step(Unit::Phase);
    }
    t.run(3);
    let exported = to_json(&t, &meta);
    let (mut again, _) = from_json(&exported).unwrap();
    // The whole history comes back, every batch's J included.
    assert!(!t.history().batch_loss.is_empty());
    assert_eq!(again.history(), t.history());
    // Both continue identically.
    t.run(2);
    again.run(2);
    assert_eq!(t.network(), again.network());
}

#[test]
fn class_numbers_are_one_hot_encoded_for_cross_entropy() {
    let text = MINIMAL
        .replace(r#"{"units":2,"activation":"identity"}"#, r#"{"units":3,"activation":"softmax"}"#)
        .replace(r#""mse""#, r#""cce""#)
        .replace(r#""y":[[3,4],[6,8]]"#, r#""y":[2,0]"#)
        .replace(r#", "params":[{"w":[[0.5,0.5],[0.5,0.5]], "b":[0,0]}]"#, "");
    let (t, _) = from_json(&text).unwrap();
    assert_matrix(t.data.train.y.view(), &[&[0.0, 0.0, 1.0], &[1.0, 0.0, 0.0]]);
}

#[test]
fn params_may_be_omitted_and_are_then_drawn_from_the_seed() {
    let text = MINIMAL.replace(r#", "params":[{"w":[[0.5,0.5],[0.5,0.5]], "b":[0,0]}]"#, "");
    let a = from_json(&text).unwrap().0;
    let b = from_json(&text).unwrap().0;
    assert_eq!(a.network(), b.network());
    assert_ne!(a.network().layers[0].w[(0, 0)], 0.5);
}

#[test]
fn a_position_in_the_middle_of_a_batch_is_restored() {
    let text = MINIMAL.replace(r#""params""#, r#""position":{"epoch":0,"batch":1,"phase":"Backward(1)"},"params""#);
    let (t, _) = from_json(&text).unwrap();
    assert_eq!(t.phase(), Phase::Next(Step::Backward(1)));
    assert_eq!(t.trace().rows, vec![1]);
    // ŷ₂ with the starting W: [3·0.5 + 4·0.5, same] = [3.5, 3.5]
    assert_matrix(t.trace().a(0), &[&[3.5, 3.5]]);
}

/// Loads `text` and returns the error message.
fn error(text: &str) -> String {
    match from_json(text) {
        Ok(_) => panic!("should be rejected: {text}"),
        Err(e) => e.to_string(),
    }
}

fn with(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "{from}");
    MINIMAL.replace(from, to)
}

#[test]
fn every_invalid_setting_is_rejected_with_its_field_and_value() {
    let cases = [
        (with(r#""learning_rate":0.1"#, r#""learning_rate":0"#), "training.learning_rate", "got 0"),
        (with(r#""learning_rate":0.1"#, r#""learning_rate":-1"#), "training.learning_rate", "got -1"),
        (with(r#""learning_rate":0.1"#, r#""learning_rate":"fast""#), "training.learning_rate", "\"fast\""),
        (with(r#""batch_size":1"#, r#""batch_size":0"#), "training.batch_size", "got 0"),
        (with(r#""units":2"#, r#""units":0"#), "network.layers[0].units", "got 0"),
        (with(r#""units":2"#, r#""units":257"#), "network.layers[0].units", "got 257"),
        (with(r#""inputs":2"#, r#""inputs":3"#), "data.train.x", "rows of 2"),
        (with(r#""activation":"identity""#, r#""activation":"swish""#), "network.layers[0].activation", "\"swish\""),
        (with(r#""loss":"mse""#, r#""loss":"hinge""#), "loss", "\"hinge\""),
        (with(r#""loss":"mse""#, r#""loss":"bce""#), "network.layers[0].activation", "sigmoid"),
        (with(r#""x":[[1,2],[3,4]]"#, r#""x":[[1,2],[3]]"#), "data.train.x[1]", "1 numbers"),
        (with(r#""x":[[1,2],[3,4]]"#, r#""x":[[1,2],[3,"NaN"]]"#), "data.train.x[1][1]", "\"NaN\""),
        (with(r#""x":[[1,2],[3,4]]"#, r#""x":[[1,2]]"#), "data.train.y", "2 rows"),
        (with(r#""y":[[3,4],[6,8]]"#, r#""y":[[3,4,5],[6,8,9]]"#), "data.train.y", "rows of 3"),
        (with(r#""w":[[0.5,0.5],[0.5,0.5]]"#, r#""w":[[0.5,0.5]]"#), "params[0].w", "1 rows of 2"),
        (with(r#""b":[0,0]"#, r#""b":[0]"#), "params[0].b", "1 numbers"),
        (with(r#""version":1"#, r#""version":2"#), "version", "got 2"),
        (with(r#""shuffle":false"#, r#""shufle":false"#), "training.shufle", "unknown"),
        (with(r#""layers":[{"units":2,"activation":"identity"}]"#, r#""layers":[]"#), "network.layers", "0 layers"),
        (
            with(
                r#""layers":[{"units":2,"activation":"identity"}]"#,
                r#""layers":[{"units":2,"activation":"softmax"},{"units":2,"activation":"identity"}]"#,
            ),
            "network.layers[0].activation",
            "softmax",
        ),
        (with(r#""inputs":2"#, r#""inputs":1025"#), "network.inputs", "1025"),
        (with(r#", "batch_size":1"#, r#", "batch_size":1, "max_epochs":0"#), "training.max_epochs", "got 0"),
        (with(r#""train":{"x":[[1,2],[3,4]],"#, r#""train":{"x":[],"#), "data.train", ""),
    ];
    for (text, field, value) in cases {
        let message = error(&text);
        assert!(message.contains(field), "{message:?} should name {field}");
        assert!(message.contains(value), "{message:?} should show {value}");
    }
}

#[test]
fn malformed_json_of_any_shape_is_an_error_not_a_panic() {
    let deep = "[".repeat(100_000);
    let cases =
        ["", "{", "[]", "null", "{\"version\":1}", "{bad json", &deep, "\u{feff}{}", "{\"version\":1,\"network\":7}"];
    for text in cases {
        assert!(from_json(text).is_err(), "{text:.20}");
    }
    assert!(matches!(from_json("{bad"), Err(Error::Json { detail: Msg::JsonKeyMustBeString, line: 1, column: 2 })));
    let big = format!("{{\"version\":1,\"x\":[{}1]}}", "1,".repeat(1_000_000));
    assert!(from_json(&big).is_err());
}

#[test]
fn too_many_hidden_layers_are_rejected() {
    let layers = [r#"{"units":1,"activation":"tanh"}"#; 9].join(",");
    let text = with(
        r#""layers":[{"units":2,"activation":"identity"}]"#,
        &format!(r#""layers":[{layers},{{"units":2,"activation":"identity"}}]"#),
    );
    assert!(error(&text).contains("network.layers"));
    let layers = [r#"{"units":1,"activation":"tanh"}"#; 8].join(",");
    let text = with(
        r#""layers":[{"units":2,"activation":"identity"}]"#,
        &format!(r#""layers":[{layers},{{"units":2,"activation":"identity"}}]"#),
    )
    .replace(r#", "params":[{"w":[[0.5,0.5],[0.5,0.5]], "b":[0,0]}]"#, "");
    assert!(from_json(&text).is_ok(), "8 hidden layers are allowed");
}

#[test]
fn a_settings_patch_for_the_learning_rate_keeps_the_position() {
    use backprop_playground::session::apply_patch;
    let (mut t, meta) = from_json(MINIMAL).unwrap();
    t.step(Unit::Phase);
    t.step(Unit::Phase);
    let (patched, _) = apply_patch(&t, &meta, r#"{"training":{"learning_rate":0.5,"max_epochs":3}}"#).unwrap();
    assert_eq!(patched.phase(), t.phase());
    assert_eq!(patched.trace().loss, 4.25);
    assert_eq!(patched.settings.learning_rate, 0.5);
    assert_eq!(patched.settings.max_epochs, Some(3));
    assert_eq!(patched.undo_depth(), 2);
}

#[test]
fn a_settings_patch_for_the_network_restarts_from_the_seed() {
    use backprop_playground::session::apply_patch;
    let (mut t, meta) = from_json(MINIMAL).unwrap();
    t.step(Unit::Epoch);
    let patch = r#"{"network":{"layers":[{"units":3,"activation":"tanh"},{"units":2,"activation":"identity"}]}}"#;
    let (patched, _) = apply_patch(&t, &meta, patch).unwrap();
    assert_eq!(patched.epoch(), 0);
    assert_eq!(patched.network().depth(), 2);
    assert_eq!(patched.phase(), Phase::Next(Step::Forward(1)));
    assert!(patched.history().train_loss.is_empty());
    // A bad value names itself and leaves the original as it was.
    let err = apply_patch(&t, &meta, r#"{"training":{"batch_size":0}}"#).unwrap_err().to_string();
    assert!(err.contains("training.batch_size"), "{err}");
    let err = apply_patch(&t, &meta, r#"{"training":{"learning_rate":-2}}"#).unwrap_err().to_string();
    assert!(err.contains("training.learning_rate") && err.contains("-2"), "{err}");
    assert_eq!(t.epoch(), 1);
}

#[test]
fn restarting_draws_the_same_parameters_from_the_same_seed() {
    let text = MINIMAL.replace(r#", "params":[{"w":[[0.5,0.5],[0.5,0.5]], "b":[0,0]}]"#, "");
    let (mut t, _) = from_json(&text).unwrap();
    let first = t.network().clone();
    t.run(3);
    let again = t.restarted().unwrap();
    assert_eq!(again.network(), &first);
    assert_eq!(again.epoch(), 0);
}

/// A session made from a CSV file: the file's name and its names, as a session file keeps them.
const NAMED: &str = r#"{"version":1, "name":"people.csv", "network":{"inputs":2, "layers":[{"units":3,"activation":"softmax"}]},
"loss":"cce", "training":{"learning_rate":0.1}, "data":{"file":"people.csv", "inputs":["height","weight"], "target":"size",
"classes":["short","mid","tall"], "train":{"x":[[1,2],[3,4],[5,6]], "y":[0,1,2]}}}"#;

#[test]
fn the_data_file_and_its_names_are_kept_through_export_import_and_settings_changes() {
    use backprop_playground::session::apply_patch;
    let (t, meta) = from_json(NAMED).unwrap();
    let names = Value::Object(meta.data.clone()).to_string();
    assert_eq!(
        names,
        r#"{"classes":["short","mid","tall"],"file":"people.csv","inputs":["height","weight"],"target":"size"}"#
    );
    let exported = to_json(&t, &meta);
    let (again, meta2) = from_json(&exported).unwrap();
    assert_eq!(meta2, meta);
    assert_eq!(to_json(&again, &meta2), exported);
    // A change that restarts training rebuilds the session from its file: the names stay.
    let (_, patched) = apply_patch(&t, &meta, r#"{"training":{"batch_size":2}}"#).unwrap();
    assert_eq!(patched, meta);
}

#[test]
fn a_file_without_names_reads_and_writes_as_before() {
    let (t, meta) = from_json(MINIMAL).unwrap();
    assert_eq!(meta.data, Map::new());
    let exported = to_json(&t, &meta);
    for key in ["\"file\"", "\"inputs\": [", "\"target\"", "\"classes\""] {
        assert!(!exported.contains(key), "{key} is written only when known");
    }
}

#[test]
fn data_names_of_the_wrong_kind_or_count_are_refused() {
    let named = |from: &str, to: &str| {
        assert!(NAMED.contains(from), "{from}");
        NAMED.replace(from, to)
    };
    let cases = [
        (named(r#""inputs":["height","weight"]"#, r#""inputs":["height"]"#), "data.inputs", "one name per input"),
        (named(r#""inputs":["height","weight"]"#, r#""inputs":"height""#), "data.inputs", "\"height\""),
        (
            named(r#""classes":["short","mid","tall"]"#, r#""classes":["short",2,"tall"]"#),
            "data.classes",
            "a list of names, got a list of 3",
        ),
        (named(r#""file":"people.csv""#, r#""file":7"#), "data.file", "a name (a string), got 7"),
        (named(r#""target":"size""#, r#""target":["size"]"#), "data.target", "a name (a string), got a list of 1"),
    ];
    for (text, field, value) in cases {
        let message = error(&text);
        assert!(message.contains(field), "{message:?} should name {field}");
        assert!(message.contains(value), "{message:?} should show {value}");
    }
}

#[test]
fn the_data_summary_of_a_session_file_names_its_columns_and_counts_its_classes() {
    use backprop_playground::data::summary::trainer_data_json;
    use backprop_playground::json::parse;
    let (t, meta) = from_json(NAMED).unwrap();
    let summary = parse(&trainer_data_json(&t, &meta.data)).unwrap();
    assert_eq!(summary["inputs"].to_string(), r#"["height","weight"]"#);
    assert_eq!(summary["target"].as_str(), Some("size"));
    assert_eq!(summary["classes"].to_string(), r#"["short","mid","tall"]"#);
    // Without names: x1, x2 and the class numbers; one sigmoid unit tells two classes apart.
    let (t, meta) = from_json(
        &with(r#""loss":"mse""#, r#""loss":"bce""#)
            .replace("identity", "sigmoid")
            .replace(r#""layers":[{"units":2,"#, r#""layers":[{"units":1,"#)
            .replace(r#""y":[[3,4],[6,8]]"#, r#""y":[[0],[1]]"#)
            .replace(r#""w":[[0.5,0.5],[0.5,0.5]], "b":[0,0]"#, r#""w":[[0.5],[0.5]], "b":[0]"#),
    )
    .unwrap();
    let summary = parse(&trainer_data_json(&t, &meta.data)).unwrap();
    assert_eq!(summary["inputs"].to_string(), r#"["x1","x2"]"#);
    assert_eq!(summary["classes"].to_string(), r#"["0","1"]"#);
    assert!(summary.get("target").is_none());
}

#[test]
fn a_session_file_keeps_the_exact_moment_and_the_undo_steps() {
    use backprop_playground::session::to_json_with_undo;
    use backprop_playground::trace_json::trace_json;
    let (mut t, meta) = from_json(&backprop_playground::presets::session("circle").unwrap()).unwrap();
    let mut checked = 0;
    for k in 0..30 {
        match k % 7 {
            3 => {
                t.step(Unit::Batch);
            }
            5 => t.set_weight(0, 0, 1, 0.25 * k as f64).unwrap(),
            _ => {
                t.step(Unit::Phase);
            }
        }
        let text = to_json_with_undo(&t, &meta, 1 << 20);
        let (mut again, meta2) = from_json(&text).unwrap();
        // The same batch on show, phase by phase, and the same undo depth.
        assert_eq!(trace_json(&again), trace_json(&t), "after step {k}");
        assert_eq!(to_json_with_undo(&again, &meta2, 1 << 20), text);
        // Step back goes to the same place in both.
        let mut before = t.clone();
        assert_eq!(again.back(), before.back());
        assert_eq!(trace_json(&again), trace_json(&before), "after step {k} and back");
        checked += 1;
    }
    assert_eq!(checked, 30);
    // Without room for undo steps the file keeps the moment only.
    let (again, _) = from_json(&to_json(&t, &meta)).unwrap();
    assert_eq!(again.undo_depth(), 0);
    assert_eq!(again.trace().done, t.trace().done);
}

#[test]
fn a_moment_that_does_not_fit_the_session_is_refused_and_names_its_field() {
    let (mut t, meta) = from_json(&backprop_playground::presets::session("worked-example").unwrap()).unwrap();
    t.step(Unit::Phase);
    let text = to_json(&t, &meta);
    for (key, value, field) in [
        ("batch", serde_json::json!(7), "moment.batch"),
        ("done", serde_json::json!(9), "moment.done"),
        ("rows", serde_json::json!([5]), "moment.rows"),
        ("start", serde_json::json!([{"w": [[1.0]], "b": [0.0]}]), "moment.start"),
        ("status", serde_json::json!("Asleep"), "moment.status"),
    ] {
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        doc["moment"][key] = value;
        let err = from_json(&doc.to_string()).unwrap_err().to_string();
        assert!(err.contains(field), "{key}: {err}");
    }
}

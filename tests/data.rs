//! Preparing data for training: target and task, split, standardisation, the network shape that
//! follows the data, refusals that leave the loaded session untouched, and the data presets.

mod common;
use backprop_playground::data::csv::{parse, CsvOptions, MAX_BYTES, MAX_ROWS};
use backprop_playground::data::{
    generated, load_csv, load_generated, prepare, retarget, Generator, LoadOptions, Options, Prepared, Target, Task,
    TaskChoice,
};
use backprop_playground::session::{from_json, to_json};
use backprop_playground::{presets, Activation, Error, Loss, Trainer, Unit};
use common::*;

fn prepared(text: &str, options: Options) -> Prepared {
    let table = parse(text, &CsvOptions::default()).unwrap();
    prepare(&table, &options).unwrap_or_else(|e| panic!("{text:.40?} should prepare: {e}"))
}

fn refusal(text: &str, options: Options) -> Error {
    let table = parse(text, &CsvOptions::default()).unwrap();
    prepare(&table, &options).expect_err("should be refused")
}

fn iris_text() -> String {
    std::fs::read_to_string("www/data/iris.csv").unwrap()
}

/// The circle preset, stepped into the middle of its second epoch.
fn busy_trainer() -> Trainer {
    let mut t = from_json(&presets::session("circle").unwrap()).unwrap().0;
    t.step(Unit::Epoch);
    for _ in 0..5 {
        t.step(Unit::Phase);
    }
    t
}

const TEN_ROWS: &str = "a,b,y\n1,10,0\n2,20,1\n3,30,0\n4,40,1\n5,50,0\n6,60,1\n7,70,0\n8,80,1\n9,90,0\n10,100,1\n";

#[test]
fn the_last_column_is_the_target_unless_another_is_chosen_by_name_or_number() {
    let p = prepared(TEN_ROWS, Options::default());
    assert_eq!((p.inputs.clone(), p.target.clone()), (vec!["a".to_string(), "b".into()], "y".to_string()));
    let p = prepared(TEN_ROWS, Options { target: Target::Name("a".into()), ..Options::default() });
    assert_eq!((p.inputs.clone(), p.target.as_str()), (vec!["b".to_string(), "y".into()], "a"));
    let p = prepared(TEN_ROWS, Options { target: Target::Index(1), ..Options::default() });
    assert_eq!(p.target, "b");
    let message = refusal(TEN_ROWS, Options { target: Target::Name("z".into()), ..Options::default() }).to_string();
    assert!(
        message.contains("options.target") && message.contains("a, b, y") && message.contains("\"z\""),
        "{message}"
    );
}

#[test]
fn two_classes_get_one_sigmoid_output_with_cross_entropy() {
    let p = prepared(TEN_ROWS, Options::default());
    assert_eq!(p.task, Task::Classification);
    assert_eq!((p.output.units, p.output.activation, p.output.loss), (1, Activation::Sigmoid, Loss::Bce));
    assert_eq!(p.classes, ["0", "1"]);
    assert_eq!(p.data.train.y.ncols(), 1);
}

#[test]
fn more_classes_get_softmax_outputs_and_one_hot_targets_numbered_by_sorted_value() {
    let text = "x,y\n0.1,7\n0.2,3\n0.3,5\n0.4,3\n0.5,5\n0.6,7\n";
    let p = prepared(text, Options { test_fraction: 0.5, ..Options::default() });
    assert_eq!(p.classes, ["3", "5", "7"]);
    assert_eq!((p.output.units, p.output.activation, p.output.loss), (3, Activation::Softmax, Loss::Cce));
    // Every row's one-hot target marks the rank of its value: 3 → 0, 5 → 1, 7 → 2.
    let all_x: Vec<f64> = p.raw_train.column(0).iter().chain(p.raw_test.column(0).iter()).copied().collect();
    let all_y: Vec<Vec<f64>> =
        p.data.train.y.rows().into_iter().chain(p.data.test.as_ref().unwrap().y.rows()).map(|r| r.to_vec()).collect();
    for (x, y) in all_x.iter().zip(all_y) {
        let class = match (x * 10.0).round() as i32 {
            2 | 4 => 0,
            3 | 5 => 1,
            _ => 2,
        };
        assert_eq!(y.iter().position(|&v| v == 1.0), Some(class), "x = {x}");
        assert_eq!(y.iter().sum::<f64>(), 1.0);
    }
}

#[test]
fn real_valued_or_many_valued_targets_are_regression_with_one_identity_output() {
    let p = prepared("x,y\n1,0.5\n2,1.5\n3,2.5\n4,3.5\n", Options::default());
    assert_eq!(p.task, Task::Regression);
    assert_eq!((p.output.units, p.output.activation, p.output.loss), (1, Activation::Identity, Loss::Mse));
    // 30 distinct whole numbers are too many to be classes.
    let text: String =
        std::iter::once("x,y\n".to_string()).chain((0..30).map(|i| format!("{i},{}\n", i * 2))).collect();
    assert_eq!(prepared(&text, Options::default()).task, Task::Regression);
    // The target is not scaled: regression targets stay in the file's units.
    let p = prepared("x,y\n1,100\n2,200.5\n3,300\n4,400\n5,500\n", Options::default());
    let mut ys: Vec<f64> = p.data.train.y.iter().chain(p.data.test.as_ref().unwrap().y.iter()).copied().collect();
    ys.sort_by(f64::total_cmp);
    assert_eq!(ys, [100.0, 200.5, 300.0, 400.0, 500.0]);
}

#[test]
fn the_automatic_task_can_be_overridden() {
    let p = prepared(TEN_ROWS, Options { task: TaskChoice::Regression, ..Options::default() });
    assert_eq!((p.task, p.output.loss), (Task::Regression, Loss::Mse));
    let p = prepared(
        "x,y\n1,0.5\n2,1.5\n3,0.5\n4,1.5\n",
        Options { task: TaskChoice::Classification, ..Options::default() },
    );
    assert_eq!((p.task, p.classes.clone()), (Task::Classification, vec!["0.5".to_string(), "1.5".into()]));
}

#[test]
fn classifying_a_target_of_more_than_256_values_is_refused_at_the_first_value_too_many() {
    let text: String =
        std::iter::once("x,y\n".to_string()).chain((0..300).map(|i| format!("{i},{}\n", i as f64 / 2.0))).collect();
    let e = refusal(&text, Options { task: TaskChoice::Classification, ..Options::default() });
    assert!(
        matches!(&e, Error::Csv { line: 258, column: 2, detail } if detail.to_string().contains("more than 256")),
        "{e}"
    );
    assert_eq!(prepared(&text, Options::default()).task, Task::Regression);
}

#[test]
fn a_text_target_gives_its_class_names_and_cannot_be_regressed() {
    let text = "len,species\n1.4,setosa\n4.7,versicolor\n1.3,setosa\n6.0,virginica\n5.1,virginica\n4.5,versicolor\n";
    let p = prepared(text, Options { test_fraction: 0.5, ..Options::default() });
    assert_eq!(p.classes, ["setosa", "versicolor", "virginica"]);
    assert_eq!(p.output.units, 3);
    let e = refusal(text, Options { task: TaskChoice::Regression, ..Options::default() });
    assert!(matches!(&e, Error::Csv { line: 2, column: 2, detail } if detail.to_string().contains("setosa")), "{e}");
}

#[test]
fn a_text_input_column_is_refused_with_its_line_and_column() {
    let e = refusal("name,x,y\nann,1,0\nbob,2,1\n", Options::default());
    match e {
        Error::Csv { line, column, detail } => {
            let message = detail.to_string();
            assert_eq!((line, column), (2, 1));
            assert!(message.contains("\"ann\" is not a number") && message.contains("name"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_single_class_is_refused_with_its_line_and_column() {
    let e = refusal("x1,x2,y\n1,2,1\n3,4,1\n5,6,1\n", Options::default());
    match e {
        Error::Csv { line, column, detail } => {
            let message = detail.to_string();
            assert_eq!((line, column), (2, 3));
            assert!(message.contains("single class") && message.contains("\"y\""), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_table_of_one_column_and_test_shares_outside_10_to_90_percent_are_refused() {
    let e = refusal("y\n1\n2\n3\n", Options::default());
    assert!(matches!(&e, Error::Csv { line: 1, .. }) && e.to_string().contains("input column"), "{e}");
    for f in [0.05, 0.95, f64::NAN] {
        let message = refusal(TEN_ROWS, Options { test_fraction: f, ..Options::default() }).to_string();
        assert!(message.contains("options.test_fraction") && message.contains("0.1 to 0.9"), "{message}");
    }
}

#[test]
fn standardisation_is_fitted_on_the_training_rows_only_and_can_be_switched_off() {
    let p = prepared(TEN_ROWS, Options { test_fraction: 0.3, seed: 5, ..Options::default() });
    let train_mean = p.raw_train.column(0).sum() / p.raw_train.nrows() as f64;
    assert!((p.standardizer.mean[0] - train_mean).abs() < 1e-12);
    // Trained inputs: mean 0 and std 1 over the training rows; test rows use the same shift and scale.
    let z = &p.data.train.x;
    for j in 0..2 {
        let col = z.column(j);
        let mean = col.sum() / col.len() as f64;
        let std = (col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / col.len() as f64).sqrt();
        assert!(mean.abs() < 1e-12 && (std - 1.0).abs() < 1e-12, "column {j}: {mean}, {std}");
    }
    let test = &p.data.test.as_ref().unwrap().x;
    assert!((test[(0, 1)] - (p.raw_test[(0, 1)] - p.standardizer.mean[1]) / p.standardizer.std[1]).abs() < 1e-12);
    let off = prepared(TEN_ROWS, Options { test_fraction: 0.3, seed: 5, standardize: false, ..Options::default() });
    assert_eq!(off.data.train.x, off.raw_train);
    assert_eq!(off.standardizer, p.standardizer, "the statistics are shown even when not applied");
}

#[test]
fn a_prepared_split_is_stratified_reproducible_and_follows_the_ratio() {
    let a = prepared(&iris_text(), Options::default());
    assert_eq!(a, prepared(&iris_text(), Options::default()));
    assert_ne!(a.rows, prepared(&iris_text(), Options { seed: 2, ..Options::default() }).rows);
    assert_eq!((a.data.train.x.dim(), a.data.train.y.dim()), ((120, 4), (120, 3)));
    let test = a.data.test.as_ref().unwrap();
    assert_eq!((test.x.dim(), test.y.dim()), ((30, 4), (30, 3)));
    for c in 0..3 {
        assert_eq!(test.y.column(c).sum(), 10.0, "class {c} keeps its third of the test rows");
    }
    let p = prepared(&iris_text(), Options { test_fraction: 0.9, ..Options::default() });
    assert_eq!(p.data.train.len(), 15);
}

#[test]
fn generated_sets_are_prepared_with_their_own_task() {
    let options = Options::default();
    let p = generated(Generator::Blobs(4), 100, 0.1, 3, &options).unwrap();
    assert_eq!((p.output.units, p.output.loss, p.inputs.clone()), (4, Loss::Cce, vec!["x1".to_string(), "x2".into()]));
    let p = generated(Generator::Sine, 50, 0.1, 3, &options).unwrap();
    assert_eq!((p.output.units, p.output.loss, p.inputs.len()), (1, Loss::Mse, 1));
    assert_eq!(p, generated(Generator::Sine, 50, 0.1, 3, &options).unwrap());
    let p = generated(Generator::Xor, 50, 0.1, 3, &options).unwrap();
    assert_eq!((p.output.units, p.output.loss), (1, Loss::Bce));
}

#[test]
fn loading_data_sets_the_inputs_and_output_layer_and_keeps_the_hidden_layers() {
    let old = busy_trainer(); // 2-4-2-1: tanh, tanh, sigmoid
    let (t, _) = load_csv(&old, &iris_text(), &LoadOptions::default()).unwrap();
    assert_eq!(t.arch.inputs, 4);
    let shape: Vec<(usize, Activation)> = t.arch.layers.iter().map(|l| (l.units, l.activation)).collect();
    assert_eq!(shape, [(4, Activation::Tanh), (2, Activation::Tanh), (3, Activation::Softmax)]);
    assert_eq!(t.loss, Loss::Cce);
    assert_eq!(t.settings, old.settings);
    assert_eq!((t.epoch(), t.history().train_loss.len()), (0, 0), "the new session starts at the beginning");
    let (t, _) = load_generated(&old, "sine", 40, 0.0, 1, &LoadOptions::default()).unwrap();
    assert_eq!(
        (t.arch.inputs, t.arch.outputs(), t.arch.layers[2].activation, t.loss),
        (1, 1, Activation::Identity, Loss::Mse)
    );
    // The worked example has no hidden layer: only the output layer is reshaped.
    let worked = worked_example("1");
    let (t, _) =
        load_generated(&worked, "blobs", 30, 0.0, 1, &LoadOptions { classes: 5, ..LoadOptions::default() }).unwrap();
    assert_eq!((t.arch.layers.len(), t.arch.outputs()), (1, 5));
}

/// Each bad file with the (line, column) it must be refused at.
fn bad_files() -> Vec<(&'static str, String, usize, usize)> {
    let wide = format!("{}\n{}\n{}\n", vec!["c"; 1026].join(","), vec!["1"; 1026].join(","), vec!["1"; 1026].join(","));
    let long_row = format!("{},1\n", "1".repeat(1021));
    vec![
        ("empty", String::new(), 1, 1),
        ("ragged row", "x1,x2,y\n1,2,0\n3,4\n".into(), 3, 3),
        ("non-numeric cell", "x1,x2,y\n1,2,0\n3,four,1\n".into(), 3, 2),
        ("empty cell", "x1,x2,y\n1,2,0\n3,,1\n".into(), 3, 2),
        ("NaN", "x1,x2,y\n1,2,0\nNaN,4,1\n".into(), 3, 1),
        ("Inf", "x1,x2,y\n1,inf,0\n3,4,1\n".into(), 2, 2),
        ("single class", "x1,x2,y\n1,2,1\n3,4,1\n".into(), 2, 3),
        ("one row", "x1,x2,y\n1,2,1\n".into(), 3, 1),
        ("text input", "name,x,y\nann,1,0\nbob,2,1\n".into(), 2, 1),
        ("too many columns", wide, 1, 1026),
        ("too many rows", format!("x,y\n{}", "1,0\n".repeat(MAX_ROWS + 1)), MAX_ROWS + 2, 1),
        ("too large", format!("x,y\n{}", long_row.repeat(MAX_BYTES / 1024 + 1)), 10241, 1),
    ]
}

#[test]
fn every_bad_file_is_refused_naming_its_line_and_column_and_the_loaded_trainer_is_untouched() {
    let mut old = busy_trainer();
    let before = to_json(&old, &Default::default());
    let mut twin = old.clone();
    for (problem, text, line, column) in bad_files() {
        match load_csv(&old, &text, &LoadOptions::default()) {
            Err(Error::Csv { line: l, column: c, detail }) => {
                assert_eq!((l, c), (line, column), "{problem}: {detail}");
            }
            other => panic!("{problem}: expected a CSV error, got {:?}", other.map(|_| ())),
        }
        assert_eq!(to_json(&old, &Default::default()), before, "{problem}");
    }
    // Still trainable, with the same numbers as a copy that never saw the bad files.
    old.run(3);
    twin.run(3);
    assert_eq!(old.network(), twin.network());
    assert_eq!(old.history(), twin.history());
}

#[test]
fn bad_load_options_are_refused_naming_the_option() {
    for (json, field) in [
        (r#"{"task":"clustering"}"#, "options.task"),
        (r#"{"delimiter":"|"}"#, "options.delimiter"),
        (r#"{"test_fraction":"half"}"#, "options.test_fraction"),
        (r#"{"colour":1}"#, "options.colour"),
    ] {
        let message = LoadOptions::from_json(json).unwrap_err().to_string();
        assert!(message.contains(field), "{message}");
    }
    let o = LoadOptions::from_json(r#"{"target":"a","task":"regression","test_fraction":0.3,"standardize":false,"seed":9,"header":true,"delimiter":";","classes":4}"#).unwrap();
    assert_eq!(
        o.prepare,
        Options {
            target: Target::Name("a".into()),
            task: TaskChoice::Regression,
            test_fraction: 0.3,
            standardize: false,
            seed: 9
        }
    );
    assert_eq!((o.csv.header, o.csv.delimiter, o.classes), (Some(true), Some(b';'), 4));
    assert_eq!(LoadOptions::from_json("").unwrap(), LoadOptions::default());
}

#[test]
fn a_session_file_with_bad_data_is_refused_naming_the_cell_and_the_loaded_session_is_untouched() {
    let good = r#"{"version":1,"network":{"inputs":2,"layers":[{"units":1,"activation":"sigmoid"}]},"loss":"bce",
      "training":{"learning_rate":0.1},"data":{"train":{"x":[[1,2],[3,4]],"y":[[0],[1]]}}}"#;
    let old = from_json(good).unwrap().0;
    let before = to_json(&old, &Default::default());
    for (bad, field) in [
        (r#""x":[[1,2],[3]]"#, "data.train.x[1]"),
        (r#""x":[[1,"two"],[3,4]]"#, "data.train.x[0][1]"),
        (r#""x":[[1,null],[3,4]]"#, "data.train.x[0][1]"),
        (r#""x":[[1,2]]"#, "data.train.y"),
    ] {
        let message = from_json(&good.replace(r#""x":[[1,2],[3,4]]"#, bad)).expect_err(bad).to_string();
        assert!(message.contains(field), "{message}");
    }
    let message = from_json(&good.replace(r#""y":[[0],[1]]"#, r#""y":[[0],[2]]"#)).err().unwrap().to_string();
    assert!(message.contains("data.train.y[1][0]") && message.contains("got 2"), "{message}");
    assert_eq!(to_json(&old, &Default::default()), before);
}

#[test]
fn retargeting_draws_fresh_parameters_from_the_old_settings_seed() {
    let old = busy_trainer();
    let p = generated(Generator::Gauss, 40, 0.1, 1, &Options::default()).unwrap();
    let a = retarget(&old, &p).unwrap();
    let b = retarget(&old, &p).unwrap();
    assert_eq!(a.network(), b.network());
    assert_eq!(a.arch, old.arch, "same inputs and output here, so the same shape");
}

#[test]
fn iris_with_the_plausibility_setting_reaches_at_least_90_percent_test_accuracy() {
    // 4-8-3, tanh, softmax + cross-entropy, full batch, α = 0.5, 500 epochs, standardised, 80/20.
    let (mut t, _, p) = presets::with_csv("iris", &iris_text()).unwrap();
    let shape: Vec<(usize, Activation)> = t.arch.layers.iter().map(|l| (l.units, l.activation)).collect();
    assert_eq!((t.arch.inputs, shape), (4, vec![(8, Activation::Tanh), (3, Activation::Softmax)]));
    assert_eq!(
        (t.loss, t.settings.learning_rate, t.batch_rows(), t.settings.max_epochs),
        (Loss::Cce, 0.5, 120, Some(500))
    );
    assert!(p.standardized && p.test_fraction == 0.2);
    t.run(10_000);
    let h = t.history();
    assert_eq!(h.train_loss.len(), 500);
    let (train, test) = (h.train_accuracy[499].unwrap(), h.test_accuracy[499].unwrap());
    println!("iris 4-8-3 after 500 epochs: train accuracy {:.1}%, test accuracy {:.1}%", 100.0 * train, 100.0 * test);
    assert!(test >= 0.9, "test accuracy {test}");
}

#[test]
fn the_logistic_regression_preset_trains_1000_epochs_and_its_loss_falls_every_100() {
    let csv = std::fs::read_to_string("www/data/logistic-regression.csv").unwrap();
    let (mut t, meta) = from_json(&presets::session_with_csv("logistic-regression", &csv).unwrap()).unwrap();
    assert_eq!(meta.name.as_deref(), Some("Logistic regression (article 5)"));
    assert_eq!((t.arch.inputs, t.arch.outputs(), t.loss, t.settings.learning_rate), (2, 1, Loss::Bce, 0.01));
    assert_eq!(t.network().layers[0].w.dim(), (2, 1), "one weight per input, not the article's 3");
    assert_eq!(t.data.train.len(), 160);
    t.run(5000);
    let h = t.history();
    assert_eq!(h.train_loss.len(), 1000, "max_epochs stops it at 1000");
    let every_100: Vec<f64> = (99..1000).step_by(100).map(|e| h.train_loss[e]).collect();
    println!("logistic regression, loss every 100 epochs: {every_100:.4?}");
    assert!(every_100.windows(2).all(|w| w[1] < w[0]), "{every_100:?}");
    let test = h.test_accuracy[999].unwrap();
    println!("logistic regression test accuracy: {:.1}%", 100.0 * test);
    assert!(test >= 0.8, "test accuracy {test}");
}

#[test]
fn the_digits_preset_reaches_90_percent_test_accuracy() {
    let text = std::fs::read_to_string("www/data/digits.csv").unwrap();
    let (mut t, _, p) = presets::with_csv("digits", &text).unwrap();
    assert_eq!((p.inputs.len(), p.classes.len(), p.data.train.len()), (64, 10, 1438));
    t.run(1000);
    let test = t.history().test_accuracy.last().copied().flatten().unwrap();
    println!("digits 64-32-10 after {} epochs: test accuracy {:.1}%", t.epoch(), 100.0 * test);
    assert!(test >= 0.9, "test accuracy {test}");
}

#[test]
fn csv_presets_build_sessions_that_load_and_unknown_names_are_refused() {
    for (name, path) in presets::CSV_PRESETS {
        let text = std::fs::read_to_string(path).unwrap();
        let session = presets::session_with_csv(name, &text).unwrap();
        let (t, meta) = from_json(&session).unwrap();
        assert!(meta.name.is_some() && meta.description.is_some(), "{name}");
        assert_eq!(to_json(&t, &meta), session, "{name} exports to the same text");
    }
    let message = presets::session_with_csv("mnist", "x,y\n1,0\n2,1\n").unwrap_err().to_string();
    assert!(message.contains("preset") && message.contains("iris"), "{message}");
    for name in presets::NAMES {
        assert!(from_json(&presets::session(name).unwrap()).is_ok(), "{name}");
    }
}

#[test]
fn the_summary_shows_shapes_task_split_and_raw_and_standardised_statistics() {
    use backprop_playground::data::summary::{rows_json, summary_json};
    let p = prepared(TEN_ROWS, Options::default());
    // Read back with an independent parser, as the page reads it.
    let s: serde_json::Value = serde_json::from_str(&summary_json(&p)).unwrap();
    assert_eq!(s["shapes"]["x_train"], serde_json::json!([8, 2]));
    assert_eq!(s["shapes"]["y_test"], serde_json::json!([2, 1]));
    assert_eq!((s["task"].as_str(), s["target"].as_str()), (Some("classification"), Some("y")));
    assert_eq!(s["class_counts"], serde_json::json!({"train": [4, 4], "test": [1, 1]}));
    assert_eq!(s["output"], serde_json::json!({"units": 1, "activation": "sigmoid", "loss": "bce"}));
    assert_eq!(s["csv"], serde_json::json!({"delimiter": ",", "header": true}));
    assert_eq!(s["split"]["stratified"], true);
    // The scaler is what the raw training statistics say; standardised training columns are N(0, 1).
    for j in 0..2 {
        assert_eq!(s["scaler"]["mean"][j].as_f64().unwrap(), p.standardizer.mean[j]);
        assert_eq!(s["stats"]["raw"]["train"][j]["mean"].as_f64().unwrap(), p.standardizer.mean[j]);
        assert!(s["stats"]["standardized"]["train"][j]["mean"].as_f64().unwrap().abs() < 1e-12);
        assert!((s["stats"]["standardized"]["train"][j]["std"].as_f64().unwrap() - 1.0).abs() < 1e-12);
    }
    assert_eq!(s["stats"]["raw"]["train"][1]["column"], "b");
    let rows: serde_json::Value = serde_json::from_str(&rows_json(&p, "test").unwrap()).unwrap();
    assert_eq!(rows["raw"].as_array().unwrap().len(), 2);
    assert_eq!(rows["raw"][0][1].as_f64().unwrap(), p.raw_test[(0, 1)]);
    assert!(rows_json(&p, "validation").unwrap_err().to_string().contains("\"train\" or \"test\""));
}

#[test]
fn a_generated_table_holds_the_inputs_then_the_targets_as_a_csv_file_would() {
    let x = ndarray::array![[0.5, -1.0], [2.0, 3.5]];
    let y = ndarray::array![[1.0], [0.0]];
    let t = backprop_playground::data::Table::from_xy(&x, &y);
    assert_eq!(t.columns, ["x1", "x2", "y"]);
    assert_eq!(t.rows, ndarray::array![[0.5, -1.0, 1.0], [2.0, 3.5, 0.0]]);
    assert_eq!(t.lines, [2, 3]);
}

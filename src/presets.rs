//! Built-in sessions that the page opens by name (`?preset=NAME`).

use crate::activation::Activation;
use crate::data::csv::{self, CsvOptions};
use crate::data::{circle, prepare, split, Options, Prepared};
use crate::error::{Error, Result};
use crate::init::{Init, WeightInit};
use crate::json::{matrix_json, obj, Value};
use crate::message::{Msg, Phrase};
use crate::network::LayerSpec;
use crate::session::{self, Meta};
use crate::settings::{BatchSize, Settings};
use crate::trainer::Trainer;

/// The names of the presets that need nothing but their name, the default first.
pub const NAMES: [&str; 2] = ["circle", "worked-example"];

/// Presets built from a CSV file shipped with the page: (name, path of the file from the page's root).
/// The page fetches the file and passes its text to [`with_csv`] or [`session_with_csv`]; the
/// files stay out of the wasm, which even the 200-row example would grow by 4 KB.
pub const CSV_PRESETS: [(&str, &str); 3] = [
    ("logistic-regression", "www/data/logistic-regression.csv"),
    ("iris", "www/data/iris.csv"),
    ("digits", "www/data/digits.csv"),
];

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
        _ => Err(Error::invalid(
            "preset",
            Phrase::new(Msg::ExpectedOneOf).arg("names", NAMES.join(", ")),
            crate::show::quoted(name),
        )),
    }
}

/// Two-class circle, 2-4-2-1 network (tanh, tanh, sigmoid), cross-entropy, mini-batches of 10.
fn circle_session() -> String {
    let (x, y) = circle(200, 0.05, 7);
    let ((x_train, y_train), (x_test, y_test)) = split(&x, &y, 0.5, 7);
    let layer = |units: usize, activation: &str| obj(vec![("units", units.into()), ("activation", activation.into())]);
    let set = |x: &ndarray::Array2<f64>, y: &ndarray::Array2<f64>| {
        obj(vec![("x", matrix_json(x.view())), ("y", matrix_json(y.view()))])
    };
    obj(vec![
        ("version", 1usize.into()),
        ("name", "Circle".into()),
        ("description", "Two classes: a disc inside a ring. Two hidden tanh layers learn a round boundary.".into()),
        (
            "network",
            obj(vec![
                ("inputs", 2usize.into()),
                ("layers", Value::Array(vec![layer(4, "tanh"), layer(2, "tanh"), layer(1, "sigmoid")])),
            ]),
        ),
        ("loss", "bce".into()),
        ("init", obj(vec![("weights", "glorot_uniform".into()), ("bias", 0usize.into())])),
        (
            "training",
            obj(vec![
                ("learning_rate", 0.3.into()),
                ("batch_size", 10usize.into()),
                ("shuffle", true.into()),
                ("seed", 1usize.into()),
                ("max_epochs", 500usize.into()),
            ]),
        ),
        ("data", obj(vec![("train", set(&x_train, &y_train)), ("test", set(&x_test, &y_test))])),
    ])
    .to_string_pretty()
}

/// How a CSV preset prepares its data and trains.
struct CsvPreset {
    title: &'static str,
    description: &'static str,
    hidden: &'static [LayerSpec],
    init: Init,
    settings: Settings,
    split_seed: u64,
}

fn csv_preset(name: &str) -> Result<CsvPreset> {
    let glorot = Init { weights: WeightInit::GlorotUniform, bias: 0.0 };
    Ok(match name {
        "logistic-regression" => CsvPreset {
            title: "Logistic regression (article 5)",
            description: "The article's section 5, done correctly: x1 and x2 standardised with the training rows' statistics (y left alone), an 80/20 split with seed 42, one sigmoid unit with cross-entropy (W is 2 × 1), full-batch gradient descent at α = 0.01 for 1000 epochs; read the loss every 100 epochs in the history, then the test accuracy.",
            hidden: &[],
            // np.random.rand, as in the article, but with one row per input.
            init: Init { weights: WeightInit::Uniform, bias: 0.0 },
            settings: Settings { learning_rate: 0.01, batch_size: BatchSize::All, seed: 42, max_epochs: Some(1000), ..Settings::default() },
            split_seed: 42,
        },
        "iris" => CsvPreset {
            title: "Iris (Fisher, 1936)",
            description: "150 flowers, 4 measurements in cm, 3 species. A 4-8-3 network (tanh, softmax + cross-entropy), full batch, α = 0.5, 500 epochs, inputs standardised, 80/20 stratified split.",
            hidden: &[LayerSpec { units: 8, activation: Activation::Tanh }],
            init: glorot,
            settings: Settings { learning_rate: 0.5, batch_size: BatchSize::All, seed: 1, max_epochs: Some(500), ..Settings::default() },
            split_seed: 1,
        },
        "digits" => CsvPreset {
            title: "Handwritten digits (8 × 8)",
            description: "1797 images of 8 × 8 pixels (values 0–16), digits 0–9. A 64-32-10 network (tanh, softmax + cross-entropy), mini-batches of 32 reshuffled every epoch, α = 0.1, 30 epochs, inputs standardised, 80/20 stratified split.",
            hidden: &[LayerSpec { units: 32, activation: Activation::Tanh }],
            init: glorot,
            settings: Settings { learning_rate: 0.1, batch_size: BatchSize::Rows(32), shuffle: true, seed: 1, max_epochs: Some(30), ..Settings::default() },
            split_seed: 1,
        },
        _ => {
            let names: Vec<&str> = CSV_PRESETS.iter().map(|p| p.0).collect();
            return Err(Error::invalid("preset", Phrase::new(Msg::ExpectedOneOf).arg("names", names.join(", ")), crate::show::quoted(name)));
        }
    })
}

/// A CSV preset's session from the text of its file: the trainer, its title and the prepared data.
pub fn with_csv(name: &str, csv_text: &str) -> Result<(Trainer, Meta, Prepared)> {
    let preset = csv_preset(name)?;
    let table = csv::parse(csv_text, &CsvOptions::default())?;
    let prepared = prepare(
        &table,
        &Options { test_fraction: 0.2, standardize: true, seed: preset.split_seed, ..Options::default() },
    )?;
    let trainer = prepared.trainer(preset.hidden, preset.init, preset.settings)?;
    // The file's name without the page's folders: "iris.csv".
    let file = CSV_PRESETS.iter().find(|p| p.0 == name).and_then(|p| p.1.strip_prefix("www/data/")).map(str::to_string);
    let meta = Meta {
        name: Some(preset.title.into()),
        description: Some(preset.description.into()),
        data: prepared.names(file),
    };
    Ok((trainer, meta, prepared))
}

/// A CSV preset's session file from the text of its file.
pub fn session_with_csv(name: &str, csv_text: &str) -> Result<String> {
    let (trainer, meta, _) = with_csv(name, csv_text)?;
    Ok(session::to_json(&trainer, &meta))
}

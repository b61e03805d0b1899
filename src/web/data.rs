//! The JavaScript face of data loading: generated sets, CSV files, CSV presets and the summary
//! of the prepared data. Each load builds a whole new trainer first and replaces the session only
//! when that succeeded, so an error (thrown as a JavaScript `Error`) leaves the session as it was.

use super::{to_js, Playground};
use crate::data::summary::{describe_prepared, generators_json, rows_json, summary_json, trainer_data_json};
use crate::data::{load_csv, load_generated, LoadOptions, Prepared};
use crate::presets;
use crate::session::Meta;
use crate::trainer::Trainer;
use wasm_bindgen::prelude::*;

impl Playground {
    /// Puts a freshly loaded trainer in place and returns the data summary. `file`, the name of
    /// the file read, also names the session.
    fn replace_data(&mut self, trainer: Trainer, prepared: Prepared, name: String, file: Option<String>) -> String {
        self.meta = Meta {
            name: Some(file.clone().unwrap_or(name)),
            description: Some(describe_prepared(&prepared)),
            data: prepared.names(file),
        };
        self.trainer = trainer;
        let summary = summary_json(&prepared);
        self.prepared = Some(prepared);
        summary
    }
}

#[wasm_bindgen]
impl Playground {
    /// JSON list of the generated sets: name, title, inputs, task, classes, x_range, points, noise.
    pub fn generators() -> String {
        generators_json()
    }

    /// JSON list of the presets built from a shipped CSV file: [{name, file}] (file from the page's root).
    #[wasm_bindgen(js_name = csvPresets)]
    pub fn csv_presets() -> String {
        use crate::json::{obj, Value};
        let list =
            presets::CSV_PRESETS.iter().map(|&(name, file)| obj(vec![("name", name.into()), ("file", file.into())]));
        Value::Array(list.collect()).to_string()
    }

    /// Replaces the data by a generated set ("circle", "xor", "gauss", "spiral", "blobs", "plane",
    /// "sine") of `points` points; `seed` draws the points. Options JSON: test_fraction,
    /// standardize, seed (of the split), task, classes (blobs). Returns the data summary.
    #[wasm_bindgen(js_name = loadGenerated)]
    pub fn load_generated(
        &mut self,
        name: &str,
        points: u32,
        noise: f64,
        seed: u32,
        options_json: &str,
    ) -> Result<String, JsValue> {
        let options = LoadOptions::from_json(options_json).map_err(to_js)?;
        let (trainer, prepared) =
            load_generated(&self.trainer, name, points as usize, noise, seed as u64, &options).map_err(to_js)?;
        let title = format!("Generated: {name}");
        Ok(self.replace_data(trainer, prepared, title, None))
    }

    /// Replaces the data by a CSV file's text. Options JSON: target (name, or 0-based number),
    /// task ("auto", "classification", "regression"), test_fraction, standardize, seed, header,
    /// delimiter, file (the file's name, which names the session and is kept in it). Returns the
    /// data summary; throws "CSV line L, column C: …" for a bad file.
    #[wasm_bindgen(js_name = loadCsv)]
    pub fn load_csv(&mut self, text: &str, options_json: &str) -> Result<String, JsValue> {
        let options = LoadOptions::from_json(options_json).map_err(to_js)?;
        let (trainer, prepared) = load_csv(&self.trainer, text, &options).map_err(to_js)?;
        Ok(self.replace_data(trainer, prepared, "CSV file".into(), options.file))
    }

    /// The column names of a CSV file (JSON list), so a target can be chosen even for a file whose
    /// last column cannot be one; throws "CSV line L, column C: …" when the file cannot be read.
    #[wasm_bindgen(js_name = csvColumns)]
    pub fn csv_columns(text: &str) -> Result<String, JsValue> {
        let table = crate::data::csv::parse(text, &Default::default()).map_err(to_js)?;
        Ok(crate::json::Value::from(table.columns).to_string())
    }

    /// A new session from a CSV preset ("logistic-regression", "iris", "digits") and its file's text.
    #[wasm_bindgen(js_name = presetWithCsv)]
    pub fn preset_with_csv(name: &str, csv: &str) -> Result<Playground, JsValue> {
        let (trainer, meta, prepared) = presets::with_csv(name, csv).map_err(to_js)?;
        Ok(Playground { trainer, meta, prepared: Some(prepared) })
    }

    /// JSON summary of the data: shapes, task, classes, split, and per-column statistics of the raw
    /// and standardised inputs. For a session loaded from a file, only what its data shows.
    #[wasm_bindgen(js_name = dataSummary)]
    pub fn data_summary(&self) -> String {
        match &self.prepared {
            Some(p) => summary_json(p),
            None => trainer_data_json(&self.trainer, &self.meta.data),
        }
    }

    /// JSON {raw, standardized, y} of the "train" or "test" rows of data loaded here.
    #[wasm_bindgen(js_name = dataRows)]
    pub fn data_rows(&self, part: &str) -> Result<String, JsValue> {
        let prepared = self
            .prepared
            .as_ref()
            .ok_or_else(|| to_js(crate::error::Error::State(crate::message::Msg::StateSessionData.into())))?;
        rows_json(prepared, part).map_err(to_js)
    }
}

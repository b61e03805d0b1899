//! Loading a data set into a session: read or generate it, prepare it, and build a new trainer
//! shaped for it. The old trainer is only read, so a failure anywhere leaves the session as it was.

use crate::data::csv::{self, CsvOptions, DELIMITERS};
use crate::data::generate::Generator;
use crate::data::prepare::{self, Options, Prepared, Target, TaskChoice};
use crate::data::shape::retarget;
use crate::error::{Error, Result};
use crate::json::{boolean, known_keys, number, object, optional, parse_document, show, string, whole, Value};
use crate::message::Msg;
use crate::trainer::Trainer;

/// Everything the page may choose when loading data (all optional in JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadOptions {
    pub csv: CsvOptions,
    pub prepare: Options,
    /// Classes of a blobs set (3 to 5).
    pub classes: usize,
    /// The name of the CSV file, kept with the session.
    pub file: Option<String>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { csv: CsvOptions::default(), prepare: Options::default(), classes: 3, file: None }
    }
}

impl LoadOptions {
    /// Reads `{"target": "y" | 2, "task": "auto" | "classification" | "regression",
    /// "test_fraction": 0.2, "standardize": true, "seed": 1, "header": true | false | null,
    /// "delimiter": "," | ";" | "\t" | null, "classes": 3, "file": "people.csv"}`; an empty text
    /// means all defaults.
    pub fn from_json(text: &str) -> Result<Self> {
        let mut options = LoadOptions::default();
        if text.trim().is_empty() {
            return Ok(options);
        }
        let doc = parse_document(text)?;
        let map = object(&doc, "options")?;
        known_keys(
            map,
            "options",
            &["target", "task", "test_fraction", "standardize", "seed", "header", "delimiter", "classes", "file"],
        )?;
        let p = &mut options.prepare;
        if let Some(v) = optional(map, "target") {
            p.target = match v {
                Value::String(name) => Target::Name(name.clone()),
                _ => Target::Index(whole(v, "options.target", 0, u32::MAX as u64)? as usize),
            };
        }
        if let Some(v) = optional(map, "task") {
            p.task = match string(v, "options.task")? {
                "auto" => TaskChoice::Auto,
                "classification" => TaskChoice::Classification,
                "regression" => TaskChoice::Regression,
                _ => return Err(Error::invalid("options.task", Msg::ExpectedTask, show(v))),
            };
        }
        if let Some(v) = optional(map, "test_fraction") {
            p.test_fraction = number(v, "options.test_fraction")?;
        }
        if let Some(v) = optional(map, "standardize") {
            p.standardize = boolean(v, "options.standardize")?;
        }
        if let Some(v) = optional(map, "seed") {
            p.seed = whole(v, "options.seed", 0, u64::MAX)?;
        }
        if let Some(v) = optional(map, "header") {
            options.csv.header = Some(boolean(v, "options.header")?);
        }
        if let Some(v) = optional(map, "delimiter") {
            let d = string(v, "options.delimiter")?;
            let byte = DELIMITERS.into_iter().find(|&b| d.len() == 1 && d.as_bytes()[0] == b);
            options.csv.delimiter =
                Some(byte.ok_or_else(|| Error::invalid("options.delimiter", Msg::ExpectedDelimiterOption, show(v)))?);
        }
        if let Some(v) = optional(map, "classes") {
            options.classes = whole(v, "options.classes", 0, u32::MAX as u64)? as usize;
        }
        // Only a name to keep: anything but a string is no name.
        options.file = optional(map, "file").and_then(Value::as_str).map(str::to_string);
        Ok(options)
    }
}

/// Reads CSV text, prepares it and shapes a new trainer for it after `old`.
pub fn load_csv(old: &Trainer, text: &str, options: &LoadOptions) -> Result<(Trainer, Prepared)> {
    let table = csv::parse(text, &options.csv)?;
    let prepared = prepare::prepare(&table, &options.prepare)?;
    Ok((retarget(old, &prepared)?, prepared))
}

/// Generates a toy set (`data_seed` draws the points), prepares it and shapes a new trainer after `old`.
pub fn load_generated(
    old: &Trainer,
    name: &str,
    n: usize,
    noise: f64,
    data_seed: u64,
    options: &LoadOptions,
) -> Result<(Trainer, Prepared)> {
    let generator = Generator::parse(name, options.classes)?;
    let prepared = prepare::generated(generator, n, noise, data_seed, &options.prepare)?;
    Ok((retarget(old, &prepared)?, prepared))
}

//! From a table to training data: pick the target, decide classification or regression, split
//! into train and test (seeded, stratified for classes), standardise the inputs with statistics
//! of the training rows, and say which output layer and loss fit.

use crate::activation::Activation;
use crate::data::split::{self, Rows};
use crate::data::standardize::Standardizer;
use crate::data::table::{distinct_sorted, CsvFormat, Table};
use crate::data::Generator;
use crate::error::{Error, Result};
use crate::json::Map;
use crate::loss::Loss;
use crate::message::{Msg, Part, Phrase};
use crate::network::MAX_UNITS;
use crate::pick;
use crate::settings::{Data, Dataset};
use crate::show;
use ndarray::Array2;

/// A whole-number target with at most this many distinct values is taken for class numbers.
pub const AUTO_MAX_CLASSES: usize = 20;
/// The test share a user may choose.
pub const TEST_FRACTION: std::ops::RangeInclusive<f64> = 0.1..=0.9;

/// Which column holds the target.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Target {
    /// The last column (the default).
    #[default]
    Last,
    /// A column by position, 0-based.
    Index(usize),
    /// A column by name (the header).
    Name(String),
}

/// Classification or regression, or let the target decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TaskChoice {
    /// Text, or whole numbers with few distinct values, are classes; anything else is regression.
    #[default]
    Auto,
    Classification,
    Regression,
}

/// What the network learns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Classification,
    Regression,
}

impl Task {
    pub fn name(self) -> &'static str {
        match self {
            Task::Classification => "classification",
            Task::Regression => "regression",
        }
    }
}

/// The user's choices for preparing a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub target: Target,
    pub task: TaskChoice,
    /// Share of rows held out for testing, 0.1 to 0.9.
    pub test_fraction: f64,
    /// Standardise the inputs (on by default).
    pub standardize: bool,
    /// Seeds the split.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { target: Target::Last, task: TaskChoice::Auto, test_fraction: 0.2, standardize: true, seed: 1 }
    }
}

/// The output layer and loss that fit a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output {
    pub units: usize,
    pub activation: Activation,
    pub loss: Loss,
}

impl Output {
    /// Two classes: one sigmoid unit with BCE; k > 2: k softmax units with CCE;
    /// regression: one identity unit with MSE.
    pub fn for_task(task: Task, classes: usize) -> Self {
        match (task, classes) {
            (Task::Classification, 2) => Output { units: 1, activation: Activation::Sigmoid, loss: Loss::Bce },
            (Task::Classification, k) => Output { units: k, activation: Activation::Softmax, loss: Loss::Cce },
            (Task::Regression, _) => Output { units: 1, activation: Activation::Identity, loss: Loss::Mse },
        }
    }
}

/// Data ready for training, with everything the page shows about how it was prepared.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// What the network trains and is tested on (inputs standardised when `standardized`).
    pub data: Data,
    /// Training inputs in the units of the file, rows × inputs.
    pub raw_train: Array2<f64>,
    /// Test inputs in the units of the file.
    pub raw_test: Array2<f64>,
    /// Mean and std of each input over the training rows (fitted even when not applied).
    pub standardizer: Standardizer,
    pub standardized: bool,
    /// Names of the input columns.
    pub inputs: Vec<String>,
    /// Name of the target column.
    pub target: String,
    pub task: Task,
    /// Class names in class-number order; empty for regression.
    pub classes: Vec<String>,
    pub output: Output,
    /// Which table rows went to each part.
    pub rows: Rows,
    pub test_fraction: f64,
    pub seed: u64,
    /// How the CSV file was read; None for a generated set.
    pub format: Option<CsvFormat>,
}

impl Prepared {
    /// The names a session keeps of this data (see `Meta::data`); `file` is the file it was read from.
    pub fn names(&self, file: Option<String>) -> Map {
        let mut names = Map::new();
        if let Some(file) = file {
            names.insert("file".into(), file.into());
        }
        names.insert("inputs".into(), self.inputs.clone().into());
        names.insert("target".into(), self.target.clone().into());
        if !self.classes.is_empty() {
            names.insert("classes".into(), self.classes.clone().into());
        }
        names
    }
}

/// Prepares a table for training, or says what in it cannot be used.
pub fn prepare(table: &Table, options: &Options) -> Result<Prepared> {
    if !TEST_FRACTION.contains(&options.test_fraction) {
        return Err(Error::invalid(
            "options.test_fraction",
            Phrase::new(Msg::ExpectedNumberRange).arg("lo", 0.1).arg("hi", 0.9),
            options.test_fraction,
        ));
    }
    let width = table.columns.len();
    let n = table.len();
    if table.rows.ncols() != width || table.text.len() != width {
        return Err(Error::invalid(
            "table",
            Msg::ExpectedTableColumns,
            Phrase::new(Msg::GotNamesForColumns).arg("names", width).arg("columns", table.rows.ncols()),
        ));
    }
    if n < 2 {
        return Err(Error::csv(table.line(n), 1, Phrase::new(Msg::CsvDataTooShort).arg("count", n).arg("min", 2)));
    }
    if width < 2 {
        return Err(Error::csv(1, 1, Phrase::new(Msg::CsvTooNarrow).arg("width", width)));
    }
    let t = target_index(table, &options.target)?;
    let features: Vec<usize> = (0..width).filter(|&j| j != t).collect();
    if let Some(&j) = features.iter().find(|&&j| table.text[j].is_some()) {
        let first = text_value(table, 0, j);
        return Err(Error::csv(
            table.line(0),
            j + 1,
            Phrase::new(Msg::CsvTextInput)
                .arg("cell", show::quoted(&first))
                .arg("column", show::quoted(&table.columns[j])),
        ));
    }
    let target_values: Vec<f64> = table.rows.column(t).to_vec();
    let (task, classes, class_of) = classify(table, t, &target_values, options.task)?;
    let n_test = split::test_count(n, options.test_fraction);
    let rows = match task {
        Task::Classification => split::stratified(&class_of, n_test, options.seed),
        Task::Regression => split::shuffled(n, n_test, options.seed),
    };
    let output = Output::for_task(task, classes.len());
    let x = pick::columns(table.rows.view(), &features);
    // Targets as the loss wants them: values, a 0/1 column (BCE), or one-hot rows (CCE).
    let y = match (task, output.units) {
        (Task::Regression, _) => pick::columns(table.rows.view(), &[t]),
        (Task::Classification, 1) => Array2::from_shape_fn((n, 1), |(i, _)| class_of[i] as f64),
        (Task::Classification, k) => Array2::from_shape_fn((n, k), |(i, c)| if class_of[i] == c { 1.0 } else { 0.0 }),
    };
    let raw_train = pick::rows(x.view(), &rows.train);
    let raw_test = pick::rows(x.view(), &rows.test);
    let standardizer = Standardizer::fit(raw_train.view());
    let scaled = |raw: &Array2<f64>| if options.standardize { standardizer.transform(raw.view()) } else { raw.clone() };
    let data = Data {
        train: Dataset { x: scaled(&raw_train), y: pick::rows(y.view(), &rows.train) },
        test: Some(Dataset { x: scaled(&raw_test), y: pick::rows(y.view(), &rows.test) }),
    };
    Ok(Prepared {
        data,
        raw_train,
        raw_test,
        standardizer,
        standardized: options.standardize,
        inputs: features.iter().map(|&j| table.columns[j].clone()).collect(),
        target: table.columns[t].clone(),
        task,
        classes,
        output,
        rows,
        test_fraction: options.test_fraction,
        seed: options.seed,
        format: table.format,
    })
}

/// Makes a generated set and prepares it; with `TaskChoice::Auto` the generator's own task is used.
pub fn generated(generator: Generator, n: usize, noise: f64, data_seed: u64, options: &Options) -> Result<Prepared> {
    let (x, y) = generator.generate(n, noise, data_seed)?;
    let task = match (options.task, generator.classes()) {
        (TaskChoice::Auto, Some(_)) => TaskChoice::Classification,
        (TaskChoice::Auto, None) => TaskChoice::Regression,
        (chosen, _) => chosen,
    };
    prepare(&Table::from_xy(&x, &y), &Options { target: Target::Last, task, ..options.clone() })
}

/// The text of cell (i, j) of a text column.
fn text_value(table: &Table, i: usize, j: usize) -> String {
    let names = table.text.get(j).and_then(Option::as_ref);
    let index = table.rows.get((i, j)).map_or(usize::MAX, |&v| v as usize);
    names.and_then(|names| names.get(index)).cloned().unwrap_or_default()
}

fn target_index(table: &Table, target: &Target) -> Result<usize> {
    let width = table.columns.len();
    let found = match target {
        Target::Last => Some(width - 1),
        Target::Index(j) => Some(*j).filter(|&j| j < width),
        Target::Name(name) => table.columns.iter().position(|c| c == name),
    };
    found.ok_or_else(|| {
        let got: Part = match target {
            Target::Index(j) => Phrase::new(Msg::GotColumn).arg("index", *j).into(),
            Target::Name(name) => show::quoted(name).into(),
            Target::Last => Msg::GotLastColumn.into(),
        };
        let expected = Phrase::new(Msg::ExpectedTarget).arg("columns", table.columns.join(", ")).arg("max", width - 1);
        Error::invalid("options.target", expected, got)
    })
}

/// The task, the class names and each row's class number (empty for regression).
fn classify(table: &Table, t: usize, values: &[f64], choice: TaskChoice) -> Result<(Task, Vec<String>, Vec<usize>)> {
    let name = &table.columns[t];
    if let Some(names) = &table.text[t] {
        if choice == TaskChoice::Regression {
            return Err(Error::csv(
                table.line(0),
                t + 1,
                Phrase::new(Msg::CsvTextTarget)
                    .arg("column", show::quoted(name))
                    .arg("cell", show::quoted(&text_value(table, 0, t))),
            ));
        }
        let class_of: Vec<usize> = values.iter().map(|&v| v as usize).collect();
        check_class_count(table, t, names.len())?;
        return Ok((Task::Classification, names.clone(), class_of));
    }
    let whole = values.iter().all(|v| v.fract() == 0.0);
    let auto_cap = AUTO_MAX_CLASSES.min((values.len() / 2).max(2));
    let task = match choice {
        TaskChoice::Auto if whole && distinct_sorted(values.iter().copied(), auto_cap).is_ok() => Task::Classification,
        TaskChoice::Auto | TaskChoice::Regression => Task::Regression,
        TaskChoice::Classification => Task::Classification,
    };
    if task == Task::Regression {
        return Ok((Task::Regression, Vec::new(), Vec::new()));
    }
    let distinct = distinct_sorted(values.iter().copied(), MAX_UNITS).map_err(|i| {
        Error::csv(
            table.line(i),
            t + 1,
            Phrase::new(Msg::CsvTooManyValues).arg("column", show::quoted(name)).arg("max", MAX_UNITS),
        )
    })?;
    check_class_count(table, t, distinct.len())?;
    let class_of = values.iter().map(|v| distinct.partition_point(|d| d < v)).collect();
    Ok((Task::Classification, distinct.iter().map(|&v| show::number(v)).collect(), class_of))
}

fn check_class_count(table: &Table, t: usize, k: usize) -> Result<()> {
    let name = &table.columns[t];
    if k < 2 {
        return Err(Error::csv(table.line(0), t + 1, Phrase::new(Msg::CsvOneClass).arg("column", show::quoted(name))));
    }
    if k > MAX_UNITS {
        return Err(Error::csv(
            table.line(0),
            t + 1,
            Phrase::new(Msg::CsvTooManyClasses).arg("column", show::quoted(name)).arg("count", k).arg("max", MAX_UNITS),
        ));
    }
    Ok(())
}

//! The words of every error the core reports: each message's key in the page's message tables
//! (the `core.*` keys of www/messages/en.js and zh.js) and its English template, the same text
//! as en.js. An error holds keys and values ([`Phrase`]) so that the page can word it in its
//! language; the English here is what `Display` writes, for Node users and native tests.
//!
//! A template's `{name}` stands for the value of that name, as in the page's `t()`; a brace
//! that is not around a name (`{w, b}`, `{ … }`) is text.

use crate::show;
use std::fmt;

// One line per message: the enum's variant, its key and its English, kept together.
macro_rules! messages {
    ($($name:ident: $key:literal => $english:literal,)*) => {
        /// A message of the table: what an error says, to be worded in the page's language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($name,)*
        }

        /// Every message as two lines, its key and its English template, in the order of [`Msg`].
        /// One text rather than a table of pairs of `&str`: 16 bytes a message less in the wasm.
        pub const TABLE: &str = concat!($($key, "\n", $english, "\n",)*);

        /// The variants' names, in the same order (tests/messages.rs checks that each is used).
        #[doc(hidden)]
        pub const NAMES: &[&str] = &[$(stringify!($name),)*];
    };
}

messages! {
    // The frames, which hold the parts below: Error::Invalid is core.invalid, Error::Json is core.json
    // around core.json.at, Error::Csv is core.csv, Error::State core.state, Error::Chart core.chart.
    Invalid: "core.invalid" => "{field} must be {expected}, got {got}",
    Json: "core.json" => "the session is not valid JSON: {message}",
    JsonAt: "core.json.at" => "{message} at line {line} column {column}",
    Csv: "core.csv" => "CSV line {line}, column {column}: {message}",
    State: "core.state" => "{message}",
    Chart: "core.chart" => "drawing the chart failed: {message}",
    // What a field accepts (`Error::Invalid`'s expected).
    ExpectedObject: "core.expected.object" => "an object { … }",
    ExpectedKnownField: "core.expected.knownField" => "one of the known fields ({fields})",
    ExpectedPresent: "core.expected.present" => "present",
    ExpectedFinite: "core.expected.finite" => "a finite number",
    ExpectedWholeRange: "core.expected.wholeRange" => "a whole number from {lo} to {hi}",
    ExpectedIntRange: "core.expected.intRange" => "an integer from {lo} to {hi}",
    ExpectedNumberRange: "core.expected.numberRange" => "a number from {lo} to {hi}",
    ExpectedString: "core.expected.string" => "a string",
    ExpectedName: "core.expected.name" => "a name (a string)",
    ExpectedNamePerInput: "core.expected.namePerInput" => "one name per input (network.inputs)",
    ExpectedNameList: "core.expected.nameList" => "a list of names",
    ExpectedBoolean: "core.expected.boolean" => "true or false",
    ExpectedNumbers: "core.expected.numbers" => "a list of numbers",
    ExpectedRows: "core.expected.rows" => "a list of rows",
    ExpectedRowLikeFirst: "core.expected.rowLikeFirst" => "a row of {count} numbers like the first row",
    ExpectedRectangular: "core.expected.rectangular" => "a rectangular table",
    ExpectedVersion: "core.expected.version" => "1",
    ExpectedLayerList: "core.expected.layerList" => "a list of layers",
    ExpectedLayerCount: "core.expected.layerCount" => "a list of 1 to {max} layers (the last is the output layer)",
    ExpectedLayerCountHidden: "core.expected.layerCountHidden" => "a list of 1 to {max} layers (up to {hidden} hidden and the output)",
    ExpectedBatchSize: "core.expected.batchSize" => "a whole number ≥ 1 or \"all\"",
    ExpectedClassNumber: "core.expected.classNumber" => "a class number from 0 to {max}",
    ExpectedParamsList: "core.expected.paramsList" => "a list with one {w, b} per layer",
    ExpectedParamsCount: "core.expected.paramsCount" => "a list of {count} entries, one per layer",
    ExpectedParamsShape: "core.expected.paramsShape" => "one {w, b} per layer, shaped as the network",
    ExpectedWeightShape: "core.expected.weightShape" => "{rows} rows (inputs) of {cols} numbers (units)",
    ExpectedBiasLength: "core.expected.biasLength" => "{count} numbers (one per unit)",
    ExpectedHistoryList: "core.expected.historyList" => "a list of numbers or nulls",
    ExpectedPhaseName: "core.expected.phaseName" => "a phase such as Forward(1), Loss, Backward({depth}), Update, or TargetReached, MaxEpochs, Diverged",
    ExpectedPhaseOfNetwork: "core.expected.phaseOfNetwork" => "a phase of this {depth}-layer network, e.g. Forward(1), Loss, Update",
    ExpectedPhaseBeforeUpdate: "core.expected.phaseBeforeUpdate" => "a phase of the batch before Update is done",
    ExpectedBatchIndex: "core.expected.batchIndex" => "a batch index from 0 to {max}",
    ExpectedParamsShaped: "core.expected.paramsShaped" => "parameters shaped as the network",
    ExpectedPhaseCount: "core.expected.phaseCount" => "a count of phases from 0 to {total}",
    ExpectedBatchRows: "core.expected.batchRows" => "the rows of one batch of the training set",
    ExpectedStatus: "core.expected.status" => "Running, TargetReached, MaxEpochs or Diverged",
    ExpectedTraced: "core.expected.traced" => "[epoch, batch] or null",
    ExpectedRowNumbers: "core.expected.rowNumbers" => "a list of row numbers",
    ExpectedMoments: "core.expected.moments" => "a list of moments",
    ExpectedHistoryLength: "core.expected.historyLength" => "at most the length of the history",
    ExpectedHistoryPositions: "core.expected.historyPositions" => "one increasing epoch or batch number per entry, up to the count logged",
    ExpectedOneOf: "core.expected.oneOf" => "one of {names}",
    ExpectedHiddenActivation: "core.expected.hiddenActivation" => "identity, sigmoid, tanh or relu on a hidden layer (softmax belongs to the output layer)",
    ExpectedOutputActivation: "core.expected.outputActivation" => "{activation} on the output layer, for loss {loss}",
    ExpectedStepUnit: "core.expected.stepUnit" => "\"phase\", \"batch\" or \"epoch\"",
    ExpectedPositive: "core.expected.positive" => "a positive finite number",
    ExpectedNonNegative: "core.expected.nonNegative" => "a finite number ≥ 0",
    ExpectedNonNegativeOrNull: "core.expected.nonNegativeOrNull" => "a finite number ≥ 0, or null",
    ExpectedPositiveWholeOrNull: "core.expected.positiveWholeOrNull" => "a whole number ≥ 1, or null",
    ExpectedRowPerRow: "core.expected.rowPerRow" => "one row per row of x ({rows} rows)",
    ExpectedInputWidth: "core.expected.inputWidth" => "rows of {count} values (network.inputs)",
    ExpectedOutputWidth: "core.expected.outputWidth" => "rows of {count} values (units of the output layer)",
    ExpectedProbability: "core.expected.probability" => "a number from 0 to 1 (a class label or probability, for loss {loss})",
    ExpectedOneRow: "core.expected.oneRow" => "at least one row",
    ExpectedExistingWeight: "core.expected.existingWeight" => "an existing weight",
    ExpectedExistingBias: "core.expected.existingBias" => "an existing bias",
    ExpectedTableColumns: "core.expected.tableColumns" => "one name and one text entry per column",
    ExpectedTarget: "core.expected.target" => "a column name ({columns}) or a number from 0 to {max}",
    ExpectedTask: "core.expected.task" => "\"auto\", \"classification\" or \"regression\"",
    ExpectedDelimiter: "core.expected.delimiter" => "\",\", \";\" or a tab",
    ExpectedDelimiterOption: "core.expected.delimiterOption" => "\",\", \";\" or \"\\t\"",
    ExpectedPart: "core.expected.part" => "\"train\" or \"test\"",
    ExpectedChartKind: "core.expected.chartKind" => "\"loss\", \"accuracy\" or \"boundary\"",
    ExpectedScale: "core.expected.scale" => "a number from {lo} to {hi} (the device pixel ratio)",
    ExpectedBoundaryInputs: "core.expected.boundaryInputs" => "2 inputs for the decision boundary",
    ExpectedCurveInputs: "core.expected.curveInputs" => "1 input for the fitted curve",
    ExpectedPlaneInputs: "core.expected.planeInputs" => "2 inputs for a map over the plane",
    ExpectedOutputIndex: "core.expected.outputIndex" => "an output index from 0 to {max}",
    ExpectedLayerIndex: "core.expected.layerIndex" => "a layer index from 0 to {max}",
    ExpectedUnitIndex: "core.expected.unitIndex" => "a unit index from 0 to {max}",
    ExpectedSide: "core.expected.side" => "1 to {max} pixels a side",
    ExpectedMapSide: "core.expected.mapSide" => "at most {most} pixels a side for {units} hidden units",
    ExpectedClassColours: "core.expected.classColours" => "2 or more softmax units to colour by class",
    ExpectedCanvasSize: "core.expected.canvasSize" => "at least {min} × {min} pixels",
    ExpectedJsonObject: "core.expected.jsonObject" => "a JSON object",
    ExpectedMaxChars: "core.expected.maxChars" => "at most {max} characters",
    ExpectedPairOrNull: "core.expected.pairOrNull" => "a pair [layer, unit] or null",
    ExpectedKeptRuns: "core.expected.keptRuns" => "a list of kept runs, each {name, train} or null",
    // The value an `Error::Invalid` reports, where the core words it instead of quoting it.
    GotList: "core.got.list" => "a list of {count}",
    GotObject: "core.got.object" => "an object",
    GotMissing: "core.got.missing" => "nothing (the field is missing)",
    GotUnknownField: "core.got.unknownField" => "an unknown field",
    GotNumbers: "core.got.numbers" => "{count} numbers",
    GotLayers: "core.got.layers" => "{count} layers",
    GotEntries: "core.got.entries" => "{count} entries",
    GotRows: "core.got.rows" => "{rows} rows",
    GotRowsOf: "core.got.rowsOf" => "{rows} rows of {cols}",
    GotRowsOfCount: "core.got.rowsOfCount" => "rows of {count}",
    GotNoRows: "core.got.noRows" => "no rows",
    GotOtherShapes: "core.got.otherShapes" => "other shapes",
    GotOtherRows: "core.got.otherRows" => "other rows",
    GotOtherPositions: "core.got.otherPositions" => "numbers that do not fit the lists",
    GotOutOfRange: "core.got.outOfRange" => "out of range",
    GotNamesForColumns: "core.got.namesForColumns" => "{names} names for {columns} columns",
    GotColumn: "core.got.column" => "column {index}",
    GotLastColumn: "core.got.lastColumn" => "the last column",
    GotSize: "core.got.size" => "{width} × {height}",
    // Fields named in words rather than by their path in the session file (paths stay as written).
    FieldStepUnit: "core.field.stepUnit" => "step unit",
    FieldChartKind: "core.field.chartKind" => "chart kind",
    FieldChartOptions: "core.field.chartOptions" => "chart options",
    FieldCanvasSize: "core.field.canvasSize" => "canvas size",
    FieldFieldSize: "core.field.fieldSize" => "field size",
    FieldNetworkOutput: "core.field.networkOutput" => "network output",
    FieldMapLayer: "core.field.mapLayer" => "neuron map layer",
    FieldMapUnit: "core.field.mapUnit" => "neuron map unit",
    FieldMapSize: "core.field.mapSize" => "neuron map size",
    // What is wrong at a CSV file's line and column.
    CsvEmpty: "core.csv.empty" => "the file is empty",
    CsvTooBig: "core.csv.tooBig" => "the file is {size} MB, more than the limit of {limit} MB (which is passed on this line)",
    CsvTooWide: "core.csv.tooWide" => "the file has {width} columns; at most {max} are allowed ({inputs} inputs and the target)",
    CsvTooLong: "core.csv.tooLong" => "the file has more than {max} data rows, the limit",
    CsvTooShort: "core.csv.tooShort" => "the file has {count} data rows; at least {min} are needed",
    CsvTooShortOne: "core.csv.tooShort.one" => "the file has 1 data row; at least {min} are needed",
    CsvTooNarrow: "core.csv.tooNarrow" => "the file has {width} column; at least one input column and a target are needed",
    CsvDataTooShort: "core.csv.dataTooShort" => "the data has {count} rows; at least {min} are needed",
    CsvRagged: "core.csv.ragged" => "this row has {count} fields where the first row has {width}",
    CsvEmptyCell: "core.csv.emptyCell" => "the cell is empty; every cell needs a value",
    CsvNotNumber: "core.csv.notNumber" => "{cell} is not a number",
    CsvNotFinite: "core.csv.notFinite" => "{cell} is not a finite number (NaN and infinities cannot be trained on)",
    CsvDecimalComma: "core.csv.decimalComma" => "{cell} is not a number (write decimals with a point, not a comma)",
    CsvTooManyTexts: "core.csv.tooManyTexts" => "{cell} is not a number, and column {column} holds more than {max} different texts: too many to be class names",
    CsvTextInput: "core.csv.textInput" => "{cell} is not a number; input columns must hold numbers (only the target may hold class names), see column {column}",
    CsvTextTarget: "core.csv.textTarget" => "the target column {column} holds text ({cell}), which can be classified but not regressed",
    CsvTooManyValues: "core.csv.tooManyValues" => "the target column {column} holds more than {max} different values, too many classes (choose regression)",
    CsvOneClass: "core.csv.oneClass" => "the target column {column} holds a single class; classification needs at least 2 (or choose another target)",
    CsvTooManyClasses: "core.csv.tooManyClasses" => "the target column {column} holds {count} classes; at most {max} are possible (or choose regression)",
    // Requests that make no sense in the current state.
    StateDiverged: "core.state.diverged" => "training diverged: step back or reset before editing",
    StateShape: "core.state.shape" => "{count} values do not make {rows} rows of {columns}",
    StateSessionData: "core.state.sessionData" => "the data came with a session file; its raw values are not known",
    // JSON syntax errors (src/json/parse.rs), worded as serde_json's.
    JsonEofValue: "core.json.eofValue" => "EOF while parsing a value",
    JsonEofList: "core.json.eofList" => "EOF while parsing a list",
    JsonEofObject: "core.json.eofObject" => "EOF while parsing an object",
    JsonEofString: "core.json.eofString" => "EOF while parsing a string",
    JsonTrailingCharacters: "core.json.trailingCharacters" => "trailing characters",
    JsonExpectedValue: "core.json.expectedValue" => "expected value",
    JsonExpectedIdent: "core.json.expectedIdent" => "expected ident",
    JsonRecursionLimit: "core.json.recursionLimit" => "recursion limit exceeded",
    JsonTrailingComma: "core.json.trailingComma" => "trailing comma",
    JsonExpectedCommaOrBracket: "core.json.expectedCommaOrBracket" => "expected `,` or `]`",
    JsonExpectedCommaOrBrace: "core.json.expectedCommaOrBrace" => "expected `,` or `}`",
    JsonExpectedColon: "core.json.expectedColon" => "expected `:`",
    JsonKeyMustBeString: "core.json.keyMustBeString" => "key must be a string",
    JsonControlCharacter: "core.json.controlCharacter" => "control character (\\u0000-\\u001F) found while parsing a string",
    JsonInvalidEscape: "core.json.invalidEscape" => "invalid escape",
    JsonLoneSurrogate: "core.json.loneSurrogate" => "lone leading surrogate in hex escape",
    JsonHexEscapeEnd: "core.json.hexEscapeEnd" => "unexpected end of hex escape",
    JsonInvalidNumber: "core.json.invalidNumber" => "invalid number",
    JsonNumberOutOfRange: "core.json.numberOutOfRange" => "number out of range",
    // The canvas glue's errors (src/web/charts.rs): a fault of the page rather than the person's.
    CanvasNoDocument: "core.canvas.noDocument" => "charts need a page with a document",
    CanvasNoElement: "core.canvas.noElement" => "no element with id {id}",
    CanvasNotCanvas: "core.canvas.notCanvas" => "element {id} is not a <canvas>",
    CanvasNo2d: "core.canvas.no2d" => "the canvas has no 2d context",
    CanvasNo2dId: "core.canvas.no2dId" => "canvas {id} has no 2d context",
}

/// Every message as (key, English template), in the order of [`Msg`].
pub fn messages() -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut rest = TABLE;
    std::iter::from_fn(move || {
        let (key, tail) = rest.split_once('\n')?;
        let (english, tail) = tail.split_once('\n')?;
        rest = tail;
        Some((key, english))
    })
}

impl Msg {
    /// The key of the page's message tables, e.g. `core.expected.finite`.
    pub fn key(self) -> &'static str {
        messages().nth(self as usize).map_or("", |(key, _)| key)
    }

    /// The English template, e.g. `a whole number from {lo} to {hi}`.
    pub fn english(self) -> &'static str {
        messages().nth(self as usize).map_or("", |(_, english)| english)
    }
}

/// A message of the table with the values of its placeholders.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub key: Msg,
    /// Each placeholder's value, by name.
    pub args: Vec<(&'static str, Part)>,
}

/// A part of a message: text shown as it is (a field's path, a value as the core writes it,
/// plotters' words), or a phrase of the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(String),
    Phrase(Phrase),
}

impl Phrase {
    /// The message `key` with no values yet.
    pub fn new(key: Msg) -> Self {
        Phrase { key, args: Vec::new() }
    }

    /// The phrase with `{name}` standing for `value`.
    #[inline]
    pub fn arg(self, name: &'static str, value: impl Into<Part>) -> Self {
        self.push(name, value.into())
    }

    // Out of line: `arg` is called with many value types, and a copy of this for each would
    // grow the wasm.
    #[inline(never)]
    fn push(mut self, name: &'static str, value: Part) -> Self {
        self.args.push((name, value));
        self
    }

    /// The value of `{name}`.
    pub fn get(&self, name: &str) -> Option<&Part> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// The English: the template with each `{name}` of a known name replaced by its value.
impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // split_once, not slicing at found offsets: a slice's check brings in a panic message
        // whose formatting costs 3 KB of wasm.
        let mut rest = self.key.english();
        while let Some((text, after)) = rest.split_once('{') {
            f.write_str(text)?;
            f.write_str(match after.split_once('}') {
                Some((name, tail)) if is_name(name) => match self.get(name) {
                    Some(value) => {
                        fmt::Display::fmt(value, f)?;
                        rest = tail;
                        continue;
                    }
                    None => "{",
                },
                _ => "{",
            })?;
            rest = after;
        }
        f.write_str(rest)
    }
}

/// Whether `{text}` is a placeholder: a name of letters, digits and `_`, as `\w+` in the page's `t()`.
fn is_name(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Part::Text(text) => f.write_str(text),
            Part::Phrase(phrase) => fmt::Display::fmt(phrase, f),
        }
    }
}

impl From<Msg> for Phrase {
    fn from(key: Msg) -> Self {
        Phrase::new(key)
    }
}

impl From<Phrase> for Part {
    fn from(phrase: Phrase) -> Self {
        Part::Phrase(phrase)
    }
}

impl From<Msg> for Part {
    fn from(key: Msg) -> Self {
        Part::Phrase(Phrase::new(key))
    }
}

/// Text as given: callers quote user text with [`show::quoted`].
impl From<String> for Part {
    fn from(text: String) -> Self {
        Part::Text(text)
    }
}

impl From<&str> for Part {
    fn from(text: &str) -> Self {
        Part::Text(text.into())
    }
}

impl From<&String> for Part {
    fn from(text: &String) -> Self {
        Part::Text(text.clone())
    }
}

/// Numbers as JavaScript writes them. Not `impl ToString`: an f64's `to_string` would bring the
/// standard float formatting into the wasm.
impl From<f64> for Part {
    fn from(x: f64) -> Self {
        Part::Text(show::number(x))
    }
}

// Whole numbers: their standard formatting is small, and one copy of it serves every type.
macro_rules! part_from_whole {
    ($($t:ty),*) => {$(
        impl From<$t> for Part {
            fn from(n: $t) -> Self {
                whole(n as u64, false)
            }
        }
    )*};
}
part_from_whole!(u32, u64, usize);

impl From<i32> for Part {
    fn from(n: i32) -> Self {
        whole(u64::from(n.unsigned_abs()), n < 0)
    }
}

#[inline(never)]
fn whole(n: u64, negative: bool) -> Part {
    let digits = n.to_string();
    Part::Text(if negative { format!("-{digits}") } else { digits })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_writes_its_template_with_its_values_and_leaves_other_braces() {
        let range = Phrase::new(Msg::ExpectedWholeRange).arg("lo", 3usize).arg("hi", 5usize);
        assert_eq!(range.to_string(), "a whole number from 3 to 5");
        assert_eq!(Phrase::new(Msg::ExpectedParamsList).to_string(), "a list with one {w, b} per layer");
        assert_eq!(Phrase::new(Msg::ExpectedObject).to_string(), "an object { … }");
        // A placeholder without a value stays as written, as the page's t() leaves it.
        assert_eq!(Phrase::new(Msg::GotRowsOf).arg("rows", 2usize).to_string(), "2 rows of {cols}");
        let nested = Phrase::new(Msg::Csv)
            .arg("line", 3usize)
            .arg("column", 2usize)
            .arg("message", Phrase::new(Msg::CsvNotNumber).arg("cell", "\"x\""));
        assert_eq!(nested.to_string(), "CSV line 3, column 2: \"x\" is not a number");
    }

    #[test]
    fn every_key_is_a_core_key_once_and_every_variant_has_its_line() {
        let all: Vec<_> = messages().collect();
        assert_eq!(all.len(), NAMES.len());
        for (i, (key, _)) in all.iter().enumerate() {
            assert!(key.starts_with("core."), "{key}");
            assert!(!all[..i].iter().any(|(k, _)| k == key), "{key} twice");
        }
        // The variant is the key without "core.", each part capitalised: core.csv.tooShort.one is CsvTooShortOne.
        for ((key, _), name) in all.iter().zip(NAMES) {
            let words: String = key["core.".len()..].split('.').map(|w| w[..1].to_uppercase() + &w[1..]).collect();
            assert_eq!(&words, name);
        }
        assert_eq!(Msg::CanvasNo2dId.key(), "core.canvas.no2dId");
        assert_eq!(Msg::Invalid.english(), "{field} must be {expected}, got {got}");
    }
}

//! One error type for the whole core. Every error names the field and the value at fault, or the
//! line and column, because the person must be able to find what to fix. It holds keys of the
//! message table and values ([`crate::message`]), so that the page words it in its language;
//! `Display` writes the English.

use crate::message::{Msg, Part, Phrase};
use std::fmt;

/// Everything that can go wrong with user input: settings, session files, data.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A setting or a session-file field holds a value outside what it accepts:
    /// "{field} must be {expected}, got {got}".
    Invalid {
        /// Path of the field, e.g. `training.learning_rate` or `network.layers[1].units`, or a
        /// `core.field.*` phrase for the few fields named in words.
        field: Part,
        /// What the field accepts: a `core.expected.*` phrase.
        expected: Phrase,
        /// The offending value as written (shortened if long), or a `core.got.*` phrase.
        got: Part,
    },
    /// The text is not JSON at all: a `core.json.*` message at a line (from 1) and column (bytes
    /// from 0 on that line, as serde_json counted).
    Json { detail: Msg, line: usize, column: usize },
    /// A CSV file could not be read; line and column are 1-based; detail is a `core.csv.*` phrase.
    Csv { line: usize, column: usize, detail: Phrase },
    /// A request that makes no sense in the current state: a `core.state.*` phrase.
    State(Phrase),
    /// Drawing a chart failed in the drawing backend (for example, the canvas refused a call);
    /// plotters' own words, which stay English.
    Chart(String),
}

impl Error {
    /// Builds an [`Error::Invalid`], shortening the value so a huge paste stays readable.
    #[inline]
    pub fn invalid(field: impl Into<Part>, expected: impl Into<Phrase>, got: impl Into<Part>) -> Self {
        Error::invalid_from(field.into(), expected.into(), got.into())
    }

    // The shared body, kept out of line: `invalid` is called with many argument types, and a copy
    // of this per type made a few kilobytes of wasm.
    #[inline(never)]
    fn invalid_from(field: Part, expected: Phrase, mut got: Part) -> Self {
        if let Part::Text(text) = &mut got {
            if text.chars().count() > 60 {
                *text = text.chars().take(57).collect::<String>() + "...";
            }
        }
        Error::Invalid { field, expected, got }
    }

    /// Builds an [`Error::Csv`].
    pub fn csv(line: usize, column: usize, detail: impl Into<Phrase>) -> Self {
        Error::Csv { line, column, detail: detail.into() }
    }

    /// What kind of error this is, as the page's JavaScript `Error` says it: "invalid", "json",
    /// "csv", "state" or "chart".
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::Json { .. } => "json",
            Error::Csv { .. } => "csv",
            Error::State(_) => "state",
            Error::Chart(_) => "chart",
        }
    }

    /// The whole message as one phrase: the variant's frame (`core.invalid`, `core.csv` …) with
    /// its parts as values.
    pub fn phrase(&self) -> Phrase {
        match self {
            Error::Invalid { field, expected, got } => Phrase::new(Msg::Invalid)
                .arg("field", field.clone())
                .arg("expected", expected.clone())
                .arg("got", got.clone()),
            Error::Json { detail, line, column } => Phrase::new(Msg::Json).arg(
                "message",
                Phrase::new(Msg::JsonAt).arg("message", *detail).arg("line", *line).arg("column", *column),
            ),
            Error::Csv { line, column, detail } => {
                Phrase::new(Msg::Csv).arg("line", *line).arg("column", *column).arg("message", detail.clone())
            }
            Error::State(detail) => Phrase::new(Msg::State).arg("message", detail.clone()),
            Error::Chart(text) => Phrase::new(Msg::Chart).arg("message", text.as_str()),
        }
    }
}

/// The English message, from the message table.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.phrase(), f)
    }
}

impl std::error::Error for Error {}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::show;

    #[test]
    fn messages_show_numbers_as_javascript_and_text_as_given() {
        let message = |got: Part| Error::invalid("training.l2", Msg::ExpectedNonNegative, got).to_string();
        assert_eq!(message((-0.5).into()), "training.l2 must be a finite number ≥ 0, got -0.5");
        assert_eq!(message(1e-7.into()), "training.l2 must be a finite number ≥ 0, got 1e-7");
        assert_eq!(message(f64::NEG_INFINITY.into()), "training.l2 must be a finite number ≥ 0, got -Infinity");
        assert_eq!(message(3usize.into()), "training.l2 must be a finite number ≥ 0, got 3");
        assert_eq!(message(show::quoted("big").into()), "training.l2 must be a finite number ≥ 0, got \"big\"");
    }

    #[test]
    fn a_long_value_is_shortened_and_a_worded_one_kept() {
        let long = Error::invalid("preset", Msg::ExpectedString, "x".repeat(100));
        assert_eq!(long.to_string(), format!("preset must be a string, got {}...", "x".repeat(57)));
        let worded = Error::invalid("params", Msg::ExpectedParamsShape, Msg::GotOtherShapes);
        assert_eq!(worded.to_string(), "params must be one {w, b} per layer, shaped as the network, got other shapes");
    }

    #[test]
    fn every_frame_words_its_parts() {
        let json = Error::Json { detail: Msg::JsonTrailingComma, line: 4, column: 12 };
        assert_eq!(json.to_string(), "the session is not valid JSON: trailing comma at line 4 column 12");
        let csv = Error::csv(3, 2, Phrase::new(Msg::CsvNotNumber).arg("cell", "\"x\""));
        assert_eq!(csv.to_string(), "CSV line 3, column 2: \"x\" is not a number");
        assert_eq!(
            Error::State(Msg::StateDiverged.into()).to_string(),
            "training diverged: step back or reset before editing"
        );
        assert_eq!(Error::Chart("no room".into()).to_string(), "drawing the chart failed: no room");
        assert_eq!([json.kind(), csv.kind()], ["json", "csv"]);
    }
}

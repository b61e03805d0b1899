//! One error type for the whole core. Every message names the field and the value at fault,
//! because the page shows it verbatim and the person must be able to find what to fix.

use thiserror::Error;

/// Everything that can go wrong with user input: settings, session files, data.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    /// A setting or a session-file field holds a value outside what it accepts.
    #[error("{field} must be {expected}, got {got}")]
    Invalid {
        /// Path of the field, e.g. `training.learning_rate` or `network.layers[1].units`.
        field: String,
        /// What the field accepts, in words.
        expected: String,
        /// The offending value as written (shortened if long).
        got: String,
    },
    /// The text is not JSON at all.
    #[error("the session is not valid JSON: {0}")]
    Json(String),
    /// A CSV file could not be read; line and column are 1-based.
    #[error("CSV line {line}, column {column}: {message}")]
    Csv { line: usize, column: usize, message: String },
    /// A request that makes no sense in the current state (e.g. an unknown step unit).
    #[error("{0}")]
    State(String),
    /// Drawing a chart failed in the drawing backend (for example, the canvas refused a call).
    #[error("drawing the chart failed: {0}")]
    Chart(String),
}

impl Error {
    /// Builds an [`Error::Invalid`], shortening the value so a huge paste stays readable.
    #[inline]
    pub fn invalid(field: impl Into<String>, expected: impl Into<String>, got: impl ToString) -> Self {
        Error::invalid_from(field.into(), expected.into(), got.to_string())
    }

    // The shared body, kept out of line: `invalid` is called with many argument types, and a copy
    // of this per type made a few kilobytes of wasm.
    #[inline(never)]
    fn invalid_from(field: String, expected: String, mut got: String) -> Self {
        if got.chars().count() > 60 {
            got = got.chars().take(57).collect::<String>() + "...";
        }
        Error::Invalid { field, expected, got }
    }
}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;

//! One error type for the whole core. Every message names the field and the value at fault,
//! because the page shows it verbatim and the person must be able to find what to fix.

use crate::show;
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
    pub fn invalid(field: impl Into<String>, expected: impl Into<String>, got: impl Into<Got>) -> Self {
        Error::invalid_from(field.into(), expected.into(), got.into().0)
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

/// The value an [`Error::Invalid`] reports, as the message shows it: text as given (callers quote
/// user text with [`show::quoted`]), numbers as JavaScript writes them ([`show::number`]). Not
/// `impl ToString`: an f64's `to_string` would bring the standard float formatting into the wasm.
pub struct Got(String);

impl From<String> for Got {
    fn from(text: String) -> Self {
        Got(text)
    }
}

impl From<&str> for Got {
    fn from(text: &str) -> Self {
        Got(text.into())
    }
}

impl From<f64> for Got {
    fn from(x: f64) -> Self {
        Got(show::number(x))
    }
}

// Whole numbers: their standard formatting is small.
macro_rules! got_from_whole {
    ($($t:ty),*) => {$(
        impl From<$t> for Got {
            fn from(n: $t) -> Self {
                Got(n.to_string())
            }
        }
    )*};
}
got_from_whole!(i32, i64, u32, u64, usize);

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_show_numbers_as_javascript_and_text_as_given() {
        let message = |got: Got| Error::invalid("training.l2", "a finite number ≥ 0", got).to_string();
        assert_eq!(message((-0.5).into()), "training.l2 must be a finite number ≥ 0, got -0.5");
        assert_eq!(message(1e-7.into()), "training.l2 must be a finite number ≥ 0, got 1e-7");
        assert_eq!(message(f64::NEG_INFINITY.into()), "training.l2 must be a finite number ≥ 0, got -Infinity");
        assert_eq!(message(3usize.into()), "training.l2 must be a finite number ≥ 0, got 3");
        assert_eq!(message(show::quoted("big").into()), "training.l2 must be a finite number ≥ 0, got \"big\"");
    }
}

//! An error as JSON for the page, which words it in its own language: the kind, the message's
//! key and values, and the parts a reader looks for (the field, the line and column …).
//! src/web/ puts these properties on the JavaScript `Error`, whose message stays the English.
//!
//! A phrase is `{"key": "core.…", "args": {name: value}}`, each value text or a phrase.

use crate::error::Error;
use crate::json::Writer;
use crate::message::{Part, Phrase};

/// The error's properties: `kind` ("invalid", "json", "csv", "state", "chart"), `key` and
/// `args` (the whole message as one phrase), and by kind `field` (with `fieldKey`, `fieldArgs`
/// when it is named in words), `expected` (a phrase), `got` (with `gotKey`, `gotArgs` when the
/// core words the value), `line`, `column`, `detail` (a phrase).
pub fn error_json(e: &Error) -> String {
    let mut w = Writer::new();
    w.begin_object().key("kind").string(e.kind());
    phrase_entries(&mut w, &e.phrase());
    match e {
        Error::Invalid { field, expected, got } => {
            part_entries(&mut w, ["field", "fieldKey", "fieldArgs"], field);
            phrase(w.key("expected"), expected);
            part_entries(&mut w, ["got", "gotKey", "gotArgs"], got);
        }
        Error::Json { detail, line, column } => {
            w.key("line").whole(*line).key("column").whole(*column);
            phrase(w.key("detail"), &Phrase::new(*detail));
        }
        Error::Csv { line, column, detail } => {
            w.key("line").whole(*line).key("column").whole(*column);
            phrase(w.key("detail"), detail);
        }
        Error::State(detail) => phrase(w.key("detail"), detail),
        Error::Chart(_) => {}
    }
    w.end_object();
    w.finish()
}

/// The properties of an error that is one phrase of the table, of the given kind (the canvas
/// glue's "canvas").
pub fn phrase_error_json(kind: &str, p: &Phrase) -> String {
    let mut w = Writer::new();
    w.begin_object().key("kind").string(kind);
    phrase_entries(&mut w, p);
    w.end_object();
    w.finish()
}

/// `"key": …, "args": {…}` inside an open object.
fn phrase_entries(w: &mut Writer, p: &Phrase) {
    w.key("key").string(p.key.key()).key("args");
    args(w, p);
}

/// A phrase as an object.
fn phrase(w: &mut Writer, p: &Phrase) {
    w.begin_object();
    phrase_entries(w, p);
    w.end_object();
}

/// A part as its English under `names[0]`, and when it is a phrase, its key and values under
/// `names[1]` and `names[2]`.
fn part_entries(w: &mut Writer, names: [&str; 3], part: &Part) {
    w.key(names[0]).string(&part.to_string());
    if let Part::Phrase(p) = part {
        w.key(names[1]).string(p.key.key()).key(names[2]);
        args(w, p);
    }
}

/// A phrase's values as an object, each text or a phrase.
fn args(w: &mut Writer, p: &Phrase) {
    w.begin_object();
    for (name, value) in &p.args {
        w.key(name);
        match value {
            Part::Text(text) => {
                w.string(text);
            }
            Part::Phrase(inner) => phrase(w, inner),
        }
    }
    w.end_object();
}

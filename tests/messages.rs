//! The core's message table (src/core/message.rs): every message in it is one that the code
//! reports. (tests/node/messages.test.mjs checks that the page's tables word each of them.)

use backprop_playground::message::{messages, Msg, Phrase, NAMES};
use std::fs;
use std::path::Path;

/// The code of every Rust file under `dir`, without its tests, with its path.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            // A file's tests (its `#[cfg(test)]` module, at the end) report nothing to the page.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default().to_string();
            found.push((path.display().to_string(), code));
        }
    }
    found
}

/// Whether `text` names `Msg::{name}` as a whole word (`Msg::Csv` is not `Msg::CsvEmpty`).
fn names_message(text: &str, name: &str) -> bool {
    let needle = format!("Msg::{name}");
    text.match_indices(&needle)
        .any(|(at, _)| !text[at + needle.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
}

#[test]
fn every_message_of_the_table_is_used_by_the_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let code: Vec<_> = sources(&root).into_iter().filter(|(path, _)| !path.ends_with("message.rs")).collect();
    assert!(code.len() > 30, "the sources are found");
    let unused: Vec<_> = NAMES.iter().filter(|name| !code.iter().any(|(_, text)| names_message(text, name))).collect();
    assert!(unused.is_empty(), "messages no code reports: {unused:?}");
    // The check tells a name from a longer one.
    assert!(names_message("Error::csv(1, 1, Msg::CsvEmpty)", "CsvEmpty"));
    assert!(!names_message("Error::csv(1, 1, Msg::CsvEmpty)", "Csv"));
}

#[test]
fn the_table_holds_each_key_and_its_english_once() {
    let all: Vec<_> = messages().collect();
    assert!(all.len() >= 140, "{}", all.len());
    assert_eq!(all.len(), NAMES.len());
    assert_eq!(all[0], ("core.invalid", "{field} must be {expected}, got {got}"));
    assert_eq!(
        (Msg::CsvTooShortOne.key(), Msg::CsvTooShortOne.english()),
        ("core.csv.tooShort.one", "the file has 1 data row; at least {min} are needed")
    );
    let last = *all.last().unwrap();
    assert_eq!(last, (Msg::CanvasNo2dId.key(), Msg::CanvasNo2dId.english()));
    assert_eq!(Phrase::new(Msg::CanvasNo2dId).arg("id", "\"loss\"").to_string(), "canvas \"loss\" has no 2d context");
}

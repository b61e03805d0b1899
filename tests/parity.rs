//! The native half of the wasm parity check: `tests/node/parity.test.mjs` runs this test with
//! `PARITY_OUT` set to a fresh folder, then checks that the wasm build computes the very bits
//! written there. Without `PARITY_OUT` (a plain `cargo test`) it checks the round trip alone.

use backprop_playground::session::{from_json, to_json};
use backprop_playground::{presets, Unit};

/// The sessions compared, after a fixed amount of training: the built-in presets, and the
/// logistic-regression preset from its CSV file (the CSV reader, split and standardising too).
fn cases() -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let csv = std::fs::read_to_string("www/data/logistic-regression.csv").unwrap();
    let logistic = presets::session_with_csv("logistic-regression", &csv).unwrap();
    let sessions = presets::NAMES.iter().map(|&name| (name, presets::session(name).unwrap()));
    for (name, session) in sessions.chain([("logistic-regression", logistic)]) {
        let (mut t, meta) = from_json(&session).unwrap();
        t.run(3);
        for _ in 0..5 {
            t.step(Unit::Phase);
        }
        out.push((name, to_json(&t, &meta)));
    }
    out
}

#[test]
fn native_results_are_written_for_the_wasm_parity_check() {
    let out = std::env::var_os("PARITY_OUT").map(std::path::PathBuf::from);
    for (name, session) in cases() {
        // The session after training must load again: a round trip of the computed state.
        assert!(from_json(&session).is_ok());
        if let Some(dir) = &out {
            std::fs::write(dir.join(format!("{name}.json")), session).unwrap();
        }
    }
}

//! Training speed on TensorFlow Playground's settings, natively. Prints figures; asserts nothing.
//! Run: `cargo bench --bench train`. The same sessions run as wasm in `benches/train-wasm.mjs`.

use backprop_playground::benchmark::{tf_playground_session, DEFAULT_HIDDEN, LARGEST_HIDDEN};
use backprop_playground::session::from_json;
use backprop_playground::Unit;
use std::time::Instant;

fn measure(name: &str, hidden: &[usize]) {
    let (mut t, _) = from_json(&tf_playground_session(hidden)).expect("benchmark session");
    t.run(200); // warm-up
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let epochs = 2000;
        let start = Instant::now();
        t.run(epochs);
        t.clear_undo();
        best = best.min(start.elapsed().as_secs_f64() / epochs as f64);
    }
    let mut phases = t.clone();
    let start = Instant::now();
    let n = 20_000;
    for _ in 0..n {
        phases.step(Unit::Phase);
    }
    let per_phase = start.elapsed().as_secs_f64() / n as f64;
    println!(
        "{name:<28} epoch {:>8.4} ms  ({:>8.0} epochs/s)   one phase with undo {:>6.2} µs   final train J {:.4}",
        best * 1e3,
        1.0 / best,
        per_phase * 1e6,
        t.history().train_loss.last().copied().unwrap_or(f64::NAN)
    );
}

fn main() {
    measure("default (4, 2 tanh)", &DEFAULT_HIDDEN);
    measure("largest (6 × 8 tanh)", &LARGEST_HIDDEN);
}

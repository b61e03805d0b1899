//! Time of one decision-boundary frame: the 100 × 100 output field with every hidden unit's map.
//!
//! `cargo bench --bench field` prints milliseconds of CPU time per frame, natively; the wasm
//! figures come from `benches/field_wasm.mjs`. The budgets: under 1 ms for 2-4-2-1 and
//! under 8 ms for six hidden layers of 8.

use backprop_playground::charts::field::{Colouring, Renderer};
use backprop_playground::charts::neurons::NeuronMaps;
use backprop_playground::charts::plane::{Image, Plane};
use backprop_playground::{presets, session, Trainer};
use std::hint::black_box;
use std::time::Instant;

/// The circle preset with `hidden` tanh layers of `units` (none: the preset's 2-4-2-1), after 20 epochs.
fn session(hidden: usize, units: usize) -> Trainer {
    let text = presets::session("circle").expect("the circle preset");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    if hidden > 0 {
        let mut layers = vec![serde_json::json!({"units": units, "activation": "tanh"}); hidden];
        layers.push(serde_json::json!({"units": 1, "activation": "sigmoid"}));
        doc["network"]["layers"] = serde_json::Value::Array(layers);
    }
    let (mut t, _) = session::from_json(&doc.to_string()).expect("the session loads");
    t.run(20);
    t
}

/// Nanoseconds this thread has run on a CPU (Linux), so that time spent waiting for a busy
/// machine's other processes is not counted; wall-clock time elsewhere.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| EPOCH.with(|e| e.elapsed().as_nanos() as u64))
}

thread_local! {
    static EPOCH: Instant = Instant::now();
}

/// Milliseconds of one `frame`: the best of 15 runs of about 50 ms of CPU time each.
fn time(mut frame: impl FnMut()) -> f64 {
    frame();
    (0..15)
        .map(|_| {
            let start = cpu_ns();
            let mut n = 0;
            while cpu_ns() - start < 50_000_000 {
                frame();
                n += 1;
            }
            (cpu_ns() - start) as f64 * 1e-6 / f64::from(n)
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    for (name, t) in [("2-4-2-1 tanh", session(0, 0)), ("2-(8×6)-1 tanh", session(6, 8))] {
        let net = t.network();
        let plane = Plane::of_trainer(&t);
        let colouring = Colouring::of_trainer(&t, 0).expect("one sigmoid output");
        let mut renderer = Renderer::new();
        let mut image = Image::new(100, 100);
        let field = time(|| renderer.field(net, &plane, colouring, &mut image).expect("field"));
        let mut same = NeuronMaps::new(100);
        let with_full_maps =
            time(|| renderer.field_and_neurons(net, &plane, colouring, &mut image, &mut same).expect("field and maps"));
        let mut thumbs = NeuronMaps::new(32);
        let with_thumbs = time(|| {
            renderer.field_and_neurons(net, &plane, colouring, &mut image, &mut thumbs).expect("field and thumbnails")
        });
        let fresh = time(|| {
            let mut image = Image::new(100, 100);
            let mut maps = NeuronMaps::new(32);
            Renderer::new().field_and_neurons(net, &plane, colouring, &mut image, &mut maps).expect("fresh");
            black_box((image, maps));
        });
        println!("{name}: field {field:.3} ms; with 100×100 maps (one pass) {with_full_maps:.3} ms; with 32×32 maps {with_thumbs:.3} ms; with 32×32 maps, fresh buffers {fresh:.3} ms ({} maps)", same.maps.len());
    }
}

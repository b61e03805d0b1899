//! tanh speed: the core's fast tanh against libm and std. Prints figures. `cargo bench --bench tanh`
use std::time::Instant;
fn run(name: &str, f: impl Fn(f64) -> f64, xs: &[f64], out: &mut [f64]) {
    let start = Instant::now();
    for _ in 0..2000 {
        for (o, &x) in out.iter_mut().zip(xs) {
            *o = f(x);
        }
        std::hint::black_box(&mut *out);
    }
    println!("{name}: {:.2} ns per tanh", start.elapsed().as_secs_f64() / 2000.0 / xs.len() as f64 * 1e9);
}
fn main() {
    let xs: Vec<f64> = (0..5250).map(|i| (i as f64 * 0.37).sin() * 2.0).collect();
    let mut out = vec![0.0; xs.len()];
    run("fast", backprop_playground::fastmath::tanh, &xs, &mut out);
    run("libm", libm::tanh, &xs, &mut out);
    run("std", f64::tanh, &xs, &mut out);
}

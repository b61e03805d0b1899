//! Seeded toy data sets. Points lie in the square [−1, 1]²; labels are 0 or 1.

use ndarray::Array2;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Two-class circle: half the points in the disc r < 0.5 (label 1), half in the ring
/// 0.7 < r < 1 (label 0), each jittered by uniform noise of amplitude `noise` (clamped to the square).
pub fn circle(n: usize, noise: f64, seed: u64) -> (Array2<f64>, Array2<f64>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut x = Array2::zeros((n, 2));
    let mut y = Array2::zeros((n, 1));
    for i in 0..n {
        let inner = i % 2 == 0;
        let r = if inner { 0.5 * rng.random::<f64>() } else { 0.7 + 0.3 * rng.random::<f64>() };
        let angle = 2.0 * std::f64::consts::PI * rng.random::<f64>();
        let jitter = |rng: &mut ChaCha8Rng| noise * (2.0 * rng.random::<f64>() - 1.0);
        x[(i, 0)] = (r * libm::cos(angle) + jitter(&mut rng)).clamp(-1.0, 1.0);
        x[(i, 1)] = (r * libm::sin(angle) + jitter(&mut rng)).clamp(-1.0, 1.0);
        y[(i, 0)] = if inner { 1.0 } else { 0.0 };
    }
    (x, y)
}

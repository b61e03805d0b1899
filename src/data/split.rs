//! Seeded train/test split.

use ndarray::{Array2, Axis};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Splits rows into (train, test), putting round(n · test_fraction) rows, chosen by the seed, in test.
/// Returns ((x_train, y_train), (x_test, y_test)); row order inside each part follows the original.
#[allow(clippy::type_complexity)]
pub fn split(
    x: &Array2<f64>,
    y: &Array2<f64>,
    test_fraction: f64,
    seed: u64,
) -> ((Array2<f64>, Array2<f64>), (Array2<f64>, Array2<f64>)) {
    let n = x.nrows();
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    for i in (1..n).rev() {
        order.swap(i, rng.random_range(0..=i));
    }
    let n_test = ((n as f64) * test_fraction.clamp(0.0, 1.0)).round() as usize;
    let mut test: Vec<usize> = order[..n_test].to_vec();
    let mut train: Vec<usize> = order[n_test..].to_vec();
    test.sort_unstable();
    train.sort_unstable();
    let take = |rows: &[usize]| (x.select(Axis(0), rows), y.select(Axis(0), rows));
    (take(&train), take(&test))
}

//! Seeded train/test splits: plain (rows drawn at random) and stratified (each class keeps its
//! share in both parts).

use crate::pick;
use crate::random::{Random, SPLIT_STREAM};
use ndarray::Array2;

/// Row indices of the two parts, each in ascending order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    pub train: Vec<usize>,
    pub test: Vec<usize>,
}

/// Rows that go to the test part: round(n · fraction), kept from 1 to n − 1 when n ≥ 2 so that
/// neither part is empty.
pub fn test_count(n: usize, fraction: f64) -> usize {
    let count = ((n as f64) * fraction.clamp(0.0, 1.0)).round() as usize;
    if n >= 2 {
        count.clamp(1, n - 1)
    } else {
        count.min(n)
    }
}

/// `n_test` of the rows 0..n, chosen by the seed, go to the test part.
pub fn shuffled(n: usize, n_test: usize, seed: u64) -> Rows {
    let mut order: Vec<usize> = (0..n).collect();
    Random::new(seed, SPLIT_STREAM).shuffle(&mut order);
    parts(n, &order[..n_test.min(n)])
}

/// Rows 0..n split into those named in `test` and the others, both in ascending order (read off a
/// mask: the same result as sorting, without sorting code in the wasm module).
fn parts(n: usize, test: &[usize]) -> Rows {
    let mut is_test = vec![false; n];
    for &i in test {
        is_test[i] = true;
    }
    let (test, train) = (0..n).partition(|&i| is_test[i]);
    Rows { train, test }
}

/// `n_test` rows go to the test part, each class contributing in proportion to its size
/// (largest remainders round the shares, ties to the lower class number); which rows of a class
/// go is chosen by the seed. `classes[i]` is the class number of row i.
pub fn stratified(classes: &[usize], n_test: usize, seed: u64) -> Rows {
    let n = classes.len();
    let n_test = n_test.min(n);
    let k = classes.iter().max().map_or(0, |&c| c + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, &c) in classes.iter().enumerate() {
        members[c].push(i);
    }
    // Exact share of class c: size_c · n_test / n = quota + remainder / n.
    let mut quota: Vec<usize> = members.iter().map(|m| m.len() * n_test / n.max(1)).collect();
    let mut remainder: Vec<Option<usize>> = members.iter().map(|m| Some(m.len() * n_test % n.max(1))).collect();
    for _ in quota.iter().sum::<usize>()..n_test {
        // The largest remainder not yet rounded up; the first class wins a tie.
        let best = (0..k).filter(|&c| remainder[c].is_some()).max_by_key(|&c| (remainder[c], std::cmp::Reverse(c)));
        if let Some(c) = best {
            quota[c] += 1;
            remainder[c] = None;
        }
    }
    let mut rng = Random::new(seed, SPLIT_STREAM);
    let mut test = Vec::with_capacity(n_test);
    for (c, rows) in members.iter_mut().enumerate() {
        rng.shuffle(rows);
        test.extend_from_slice(&rows[..quota[c]]);
    }
    parts(n, &test)
}

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
    let n_test = ((n as f64) * test_fraction.clamp(0.0, 1.0)).round() as usize;
    let rows = shuffled(n, n_test, seed);
    let take = |rows: &[usize]| (pick::rows(x.view(), rows), pick::rows(y.view(), rows));
    (take(&rows.train), take(&rows.test))
}

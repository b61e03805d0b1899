//! The three products of a dense layer, on unit-major buffers.
//!
//! A batch's values of one layer are kept unit by unit: unit j's values over the batch are one
//! contiguous run, so every loop below runs along the batch (m long) instead of along a layer
//! that is only 2 to 8 units wide. Those long, branch-free runs have no set-up cost and vectorise.
//! The math is the notation's: Z = A_prev·W + b with W of shape n × u (n inputs, u units), only
//! the memory order of Z, A, δ and A_prev differs.

use crate::lanes;

/// Where a layer's values lie in a unit-major buffer: unit j's m valid values start at
/// `j · stride` (the buffer holds batches of up to `stride` rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Runs {
    pub stride: usize,
    pub m: usize,
}

impl Runs {
    /// The first `count` units' runs of `buf`.
    pub fn of(self, buf: &[f64], count: usize) -> impl Iterator<Item = &[f64]> {
        buf.chunks(self.stride.max(1)).take(count).map(move |run| &run[..self.m])
    }

    /// The first `count` units' runs of `buf`, writable.
    pub fn of_mut(self, buf: &mut [f64], count: usize) -> impl Iterator<Item = &mut [f64]> {
        buf.chunks_mut(self.stride.max(1)).take(count).map(move |run| &mut run[..self.m])
    }
}

/// Z = A_prev · W + b: each zⱼ = bⱼ + Σₖ aₖ wₖⱼ, summed in the order k = 1 … n.
pub fn affine(a_prev: &[f64], w: &[f64], b: &[f64], z: &mut [f64], runs: Runs, n: usize, u: usize) {
    for (j, z_j) in runs.of_mut(z, u).enumerate() {
        lanes::affine_run(z_j, b[j], a_prev, runs.stride, &w[j..], u, n);
    }
}

/// ∂J/∂W = A_prevᵀ · δ (n × u, row-major) and ∂J/∂b = Σ over the batch of δ (u).
pub fn gradients(a_prev: &[f64], delta: &[f64], dw: &mut [f64], db: &mut [f64], runs: Runs, n: usize, u: usize) {
    for (j, d_j) in runs.of(delta, u).enumerate() {
        db[j] = lanes::sum(d_j);
        for (k, a_k) in runs.of(a_prev, n).enumerate() {
            dw[k * u + j] = lanes::dot(a_k, d_j);
        }
    }
}

/// ∂J/∂A_prev = δ · Wᵀ (n runs): how the error flows back to the previous layer's outputs.
pub fn back_through(delta: &[f64], w: &[f64], g_prev: &mut [f64], runs: Runs, n: usize, u: usize) {
    for (g_k, w_k) in runs.of_mut(g_prev, n).zip(w.chunks_exact(u)) {
        g_k.fill(0.0);
        for (d_j, &w_kj) in runs.of(delta, u).zip(w_k) {
            lanes::axpy(g_k, d_j, w_kj);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The article's worked example, one sample: x = [1, 2], W = 0.5 everywhere, b = 0.
    #[test]
    fn affine_of_the_worked_example() {
        let runs = Runs { stride: 1, m: 1 };
        let mut z = [0.0; 2];
        affine(&[1.0, 2.0], &[0.5; 4], &[0.0; 2], &mut z, runs, 2, 2);
        assert_eq!(z, [1.5, 1.5]);
    }

    // Two samples in buffers of stride 3 (one row unused), against the products written out.
    #[test]
    fn products_on_strided_runs() {
        let runs = Runs { stride: 3, m: 2 };
        // A_prev rows (1, 2) and (3, 4), unit-major with a stale third column.
        let a_prev = [1.0, 3.0, 99.0, 2.0, 4.0, 99.0];
        let w = [1.0, -1.0, 0.5, 2.0]; // rows k, columns j
        let mut z = [0.0; 6];
        affine(&a_prev, &w, &[0.25, 0.0], &mut z, runs, 2, 2);
        assert_eq!(&z[..2], &[0.25 + 1.0 + 1.0, 0.25 + 3.0 + 2.0]);
        assert_eq!(&z[3..5], &[-1.0 + 4.0, -3.0 + 8.0]);

        let delta = [1.0, 2.0, 99.0, -1.0, 0.5, 99.0];
        let (mut dw, mut db) = ([0.0; 4], [0.0; 2]);
        gradients(&a_prev, &delta, &mut dw, &mut db, runs, 2, 2);
        assert_eq!(dw, [1.0 + 6.0, -1.0 + 1.5, 2.0 + 8.0, -2.0 + 2.0]);
        assert_eq!(db, [3.0, -0.5]);

        let mut g = [7.0; 6];
        back_through(&delta, &w, &mut g, runs, 2, 2);
        assert_eq!(&g[..2], &[1.0 + 1.0, 2.0 - 0.5]);
        assert_eq!(&g[3..5], &[0.5 - 2.0, 1.0 + 1.0]);
    }
}

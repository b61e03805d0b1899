//! The affine part of a dense layer, Z = A⁽ˡ⁻¹⁾·W⁽ˡ⁾ + b⁽ˡ⁾, beside its derivatives: ∂J/∂W,
//! ∂J/∂b and ∂J/∂A⁽ˡ⁻¹⁾ from the layer's δ = ∂J/∂Z.
//!
//! On unit-major buffers (see `layout`): W is n × u (n inputs, u units), row-major; A⁽ˡ⁻¹⁾, Z and
//! δ hold one run of the batch per unit. The loops along a run are `lanes`' (two values per SIMD
//! instruction in the wasm, the same bits as the scalar code).

use crate::lanes;
use crate::layout::Runs;

/// Z = A⁽ˡ⁻¹⁾ · W + b: each zⱼ = bⱼ + Σₖ aₖ wₖⱼ, summed in the order k = 1 … n.
///
/// Two units at a time (`lanes::affine_run_pair`), which read each input once for both: the
/// digits' epoch trained 11 % faster (benches/train-wasm.mjs).
pub fn affine(a_prev: &[f64], w: &[f64], b: &[f64], z: &mut [f64], runs: Runs, n: usize, u: usize) {
    let mut z_runs = runs.of_mut(z, u);
    let mut j = 0;
    while let Some(z_j) = z_runs.next() {
        match z_runs.next() {
            Some(z_next) => lanes::affine_run_pair((z_j, z_next), (b[j], b[j + 1]), a_prev, runs.stride, &w[j..], u, n),
            None => lanes::affine_run(z_j, b[j], a_prev, runs.stride, &w[j..], u, n),
        }
        j += 2;
    }
}

/// ∂J/∂W = A⁽ˡ⁻¹⁾ᵀ · δ, i.e. ∂J/∂wₖⱼ = Σᵢ aᵢₖ δᵢⱼ over the batch's rows i (n × u, row-major),
/// and ∂J/∂b = Σᵢ δᵢ, the sum of δ over the batch's rows (u). Both in one pass over each unit's δ:
/// two passes made training 1.5–2 % slower (benches/train-wasm.mjs).
pub fn gradients(a_prev: &[f64], delta: &[f64], dw: &mut [f64], db: &mut [f64], runs: Runs, n: usize, u: usize) {
    for (j, d_j) in runs.of(delta, u).enumerate() {
        db[j] = lanes::sum(d_j);
        // Two inputs at a time (`lanes::dot_pair`), which read δ once for both.
        let mut a_runs = runs.of(a_prev, n);
        let mut k = 0;
        while let Some(a_k) = a_runs.next() {
            match a_runs.next() {
                Some(a_next) => (dw[k * u + j], dw[(k + 1) * u + j]) = lanes::dot_pair(a_k, a_next, d_j),
                None => dw[k * u + j] = lanes::dot(a_k, d_j),
            }
            k += 2;
        }
    }
}

/// ∂J/∂A⁽ˡ⁻¹⁾ = δ · Wᵀ (n runs): how the error flows back to the previous layer's outputs.
pub fn input_gradient(delta: &[f64], w: &[f64], g_prev: &mut [f64], runs: Runs, n: usize, u: usize) {
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
        input_gradient(&delta, &w, &mut g, runs, 2, 2);
        assert_eq!(&g[..2], &[1.0 + 1.0, 2.0 - 0.5]);
        assert_eq!(&g[3..5], &[0.5 - 2.0, 1.0 + 1.0]);
    }
}

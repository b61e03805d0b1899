//! The three products of a dense layer, as plain loops over row-major slices.
//!
//! The playground's layers are narrow (a handful of units), where a general matrix product
//! spends more time packing than multiplying; these loops have no set-up cost, and iterating
//! with `chunks_exact` lets the compiler drop every bounds check.
//! Shapes follow the notation: m rows (samples), n inputs, u units.

/// Z = A_prev · W + b, with A_prev m × n, W n × u, b u, Z m × u.
pub fn affine(a_prev: &[f64], w: &[f64], b: &[f64], z: &mut [f64], m: usize, n: usize, u: usize) {
    let rows = a_prev.chunks_exact(n).zip(z.chunks_exact_mut(u)).take(m);
    for (a_row, z_row) in rows {
        for (z, &b) in z_row.iter_mut().zip(b) {
            *z = b;
        }
        for (&x, w_row) in a_row.iter().zip(w.chunks_exact(u)) {
            for (z, &w) in z_row.iter_mut().zip(w_row) {
                *z += x * w;
            }
        }
    }
}

/// ∂J/∂W = A_prevᵀ · δ (n × u) and ∂J/∂b = column sums of δ (u).
pub fn gradients(a_prev: &[f64], delta: &[f64], dw: &mut [f64], db: &mut [f64], m: usize, n: usize, u: usize) {
    dw.fill(0.0);
    db.fill(0.0);
    for (a_row, d_row) in a_prev.chunks_exact(n).zip(delta.chunks_exact(u)).take(m) {
        for (db, &d) in db.iter_mut().zip(d_row) {
            *db += d;
        }
        for (&x, dw_row) in a_row.iter().zip(dw.chunks_exact_mut(u)) {
            for (dw, &d) in dw_row.iter_mut().zip(d_row) {
                *dw += x * d;
            }
        }
    }
}

/// ∂J/∂A_prev = δ · Wᵀ (m × n): how the error flows back to the previous layer's outputs.
pub fn back_through(delta: &[f64], w: &[f64], g_prev: &mut [f64], m: usize, n: usize, u: usize) {
    for (d_row, g_row) in delta.chunks_exact(u).zip(g_prev.chunks_exact_mut(n)).take(m) {
        for (g, w_row) in g_row.iter_mut().zip(w.chunks_exact(u)) {
            *g = d_row.iter().zip(w_row).map(|(d, w)| d * w).sum();
        }
    }
}

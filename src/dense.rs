//! The three products of a dense layer, as plain loops over row-major slices.
//!
//! The playground's layers are narrow (a handful of units), where a general matrix product
//! spends more time packing than multiplying; these loops have no set-up cost and vectorise.
//! Shapes follow the notation: m rows (samples), n inputs, u units.

/// Z = A_prev · W + b, with A_prev m × n, W n × u, b u, Z m × u.
pub fn affine(a_prev: &[f64], w: &[f64], b: &[f64], z: &mut [f64], m: usize, n: usize, u: usize) {
    for i in 0..m {
        let z_row = &mut z[i * u..(i + 1) * u];
        z_row.copy_from_slice(b);
        for (k, &x) in a_prev[i * n..(i + 1) * n].iter().enumerate() {
            for (z, &w) in z_row.iter_mut().zip(&w[k * u..(k + 1) * u]) {
                *z += x * w;
            }
        }
    }
}

/// ∂J/∂W = A_prevᵀ · δ (n × u) and ∂J/∂b = column sums of δ (u).
pub fn gradients(a_prev: &[f64], delta: &[f64], dw: &mut [f64], db: &mut [f64], m: usize, n: usize, u: usize) {
    dw.fill(0.0);
    db.fill(0.0);
    for i in 0..m {
        let d_row = &delta[i * u..(i + 1) * u];
        for (db, &d) in db.iter_mut().zip(d_row) {
            *db += d;
        }
        for (k, &x) in a_prev[i * n..(i + 1) * n].iter().enumerate() {
            for (dw, &d) in dw[k * u..(k + 1) * u].iter_mut().zip(d_row) {
                *dw += x * d;
            }
        }
    }
}

/// ∂J/∂A_prev = δ · Wᵀ (m × n): how the error flows back to the previous layer's outputs.
pub fn back_through(delta: &[f64], w: &[f64], g_prev: &mut [f64], m: usize, n: usize, u: usize) {
    for i in 0..m {
        let d_row = &delta[i * u..(i + 1) * u];
        for (k, g) in g_prev[i * n..(i + 1) * n].iter_mut().enumerate() {
            *g = d_row.iter().zip(&w[k * u..(k + 1) * u]).map(|(d, w)| d * w).sum();
        }
    }
}

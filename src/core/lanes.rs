//! The inner loops of training, over a run of values (one unit over the batch), two values at a
//! time in one wasm SIMD register when the build enables `simd128`.
//!
//! Why by hand: rustc vectorises loops only at opt-level 2 and 3, and the wasm is built at "s"
//! for size. Each lane performs exactly the operations of the scalar code, in the same order,
//! so the native build, the wasm build and the scalar tails all give the same bits.

use crate::fastmath::{exp_lanes, exp_nonpositive, tanh, tanh_lanes, EXP_LOWEST};

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod pair {
    use crate::fastmath::Lane;
    use core::arch::wasm32::*;
    use core::ops::{Add, Div, Mul, Sub};

    /// Two f64 in one register.
    #[derive(Clone, Copy)]
    pub struct V(v128);

    impl V {
        /// The first two values of `s` (at least two long).
        #[inline(always)]
        pub fn load(s: &[f64]) -> V {
            assert!(s.len() >= 2);
            // SAFETY: the two f64 read lie inside `s`; wasm loads need no alignment.
            V(unsafe { v128_load(s.as_ptr().cast::<v128>()) })
        }

        /// The two values at `p`.
        ///
        /// # Safety
        /// `p` and `p + 1` must be readable f64s.
        #[inline(always)]
        pub unsafe fn load_at(p: *const f64) -> V {
            // SAFETY: the caller's promise; wasm loads need no alignment.
            V(unsafe { v128_load(p.cast::<v128>()) })
        }

        /// Writes the pair into the first two values of `d`.
        #[inline(always)]
        pub fn store(self, d: &mut [f64]) {
            assert!(d.len() >= 2);
            // SAFETY: the two f64 written lie inside `d`; wasm stores need no alignment.
            unsafe { v128_store(d.as_mut_ptr().cast::<v128>(), self.0) }
        }

        /// Lane 0 + lane 1.
        #[inline(always)]
        pub fn lanes_sum(self) -> f64 {
            f64x2_extract_lane::<0>(self.0) + f64x2_extract_lane::<1>(self.0)
        }
    }

    impl Add for V {
        type Output = V;
        #[inline(always)]
        fn add(self, o: V) -> V {
            V(f64x2_add(self.0, o.0))
        }
    }
    impl Sub for V {
        type Output = V;
        #[inline(always)]
        fn sub(self, o: V) -> V {
            V(f64x2_sub(self.0, o.0))
        }
    }
    impl Mul for V {
        type Output = V;
        #[inline(always)]
        fn mul(self, o: V) -> V {
            V(f64x2_mul(self.0, o.0))
        }
    }
    impl Div for V {
        type Output = V;
        #[inline(always)]
        fn div(self, o: V) -> V {
            V(f64x2_div(self.0, o.0))
        }
    }

    impl Lane for V {
        #[inline(always)]
        fn splat(x: f64) -> V {
            V(f64x2_splat(x))
        }
        #[inline(always)]
        fn abs(self) -> V {
            V(f64x2_abs(self.0))
        }
        #[inline(always)]
        fn at_most(self, limit: f64) -> V {
            V(f64x2_pmin(self.0, f64x2_splat(limit)))
        }
        #[inline(always)]
        fn pow2_of_shifted(self) -> V {
            V(i64x2_shl(i64x2_add(self.0, i64x2_splat(1023)), 52))
        }
        #[inline(always)]
        fn with_sign_of(self, x: V) -> V {
            V(v128_bitselect(x.0, self.0, f64x2_splat(-0.0)))
        }
    }
}

/// z = b + Σₖ xₖ wₖ along a run, summed in the order k = 1 … n: `x` holds the n input runs
/// `stride` apart, and wₖ is `w[k · step]` (a column of the row-major W). Each pair of z is
/// built in a register and stored once.
#[inline(always)]
pub fn affine_run(z: &mut [f64], b: f64, x: &[f64], stride: usize, w: &[f64], step: usize, n: usize) {
    if n == 0 {
        z.fill(b);
        return;
    }
    // Every index below is under these bounds, so the SIMD loop reads without further checks.
    assert!(x.len() >= (n - 1) * stride + z.len() && w.len() > (n - 1) * step);
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let start = {
        use crate::fastmath::Lane;
        use pair::V;
        let (xp, wp) = (x.as_ptr(), w.as_ptr());
        let mut i = 0;
        // Four samples at a time (two registers) share each weight's load.
        while i + 4 <= z.len() {
            let (mut low, mut high) = (V::splat(b), V::splat(b));
            for k in 0..n {
                // SAFETY: k·stride + i + 3 < (n − 1)·stride + z.len() ≤ x.len() and
                // k·step < w.len(), by the assertion above.
                let (x_low, x_high, wk) = unsafe {
                    let p = xp.add(k * stride + i);
                    (V::load_at(p), V::load_at(p.add(2)), V::splat(*wp.add(k * step)))
                };
                low = low + x_low * wk;
                high = high + x_high * wk;
            }
            low.store(&mut z[i..]);
            high.store(&mut z[i + 2..]);
            i += 4;
        }
        while i + 2 <= z.len() {
            let mut acc = V::splat(b);
            for k in 0..n {
                // SAFETY: k·stride + i + 1 < (n − 1)·stride + z.len() ≤ x.len() and
                // k·step < w.len(), by the assertion above.
                let (xk, wk) = unsafe { (V::load_at(xp.add(k * stride + i)), *wp.add(k * step)) };
                acc = acc + xk * V::splat(wk);
            }
            acc.store(&mut z[i..]);
            i += 2;
        }
        i
    };
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let start = 0;
    for (i, z) in z.iter_mut().enumerate().skip(start) {
        let mut acc = b;
        for k in 0..n {
            acc += x[k * stride + i] * w[k * step];
        }
        *z = acc;
    }
}

/// `affine_run` for two units at once, whose weights lie side by side in each row of W (`w[k ·
/// step]` and `w[k · step + 1]`): each input value is loaded once for both. Every z is summed
/// exactly as `affine_run` sums it.
#[inline(always)]
pub fn affine_run_pair(
    z: (&mut [f64], &mut [f64]),
    b: (f64, f64),
    x: &[f64],
    stride: usize,
    w: &[f64],
    step: usize,
    n: usize,
) {
    let (z0, z1) = z;
    if n == 0 || z0.len() != z1.len() {
        affine_run(z0, b.0, x, stride, w, step, n);
        affine_run(z1, b.1, x, stride, &w[1..], step, n);
        return;
    }
    // Every index below is under these bounds, so the SIMD loop reads without further checks.
    assert!(x.len() >= (n - 1) * stride + z0.len() && w.len() > (n - 1) * step + 1);
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let start = {
        use crate::fastmath::Lane;
        use pair::V;
        let (xp, wp) = (x.as_ptr(), w.as_ptr());
        let mut i = 0;
        // Four samples of two units: four registers, and each input pair loaded once.
        while i + 4 <= z0.len() {
            let (mut low0, mut high0) = (V::splat(b.0), V::splat(b.0));
            let (mut low1, mut high1) = (V::splat(b.1), V::splat(b.1));
            for k in 0..n {
                // SAFETY: k·stride + i + 3 < (n − 1)·stride + z0.len() ≤ x.len() and
                // k·step + 1 < w.len(), by the assertion above.
                let (x_low, x_high, w0, w1) = unsafe {
                    let p = xp.add(k * stride + i);
                    let q = wp.add(k * step);
                    (V::load_at(p), V::load_at(p.add(2)), V::splat(*q), V::splat(*q.add(1)))
                };
                low0 = low0 + x_low * w0;
                high0 = high0 + x_high * w0;
                low1 = low1 + x_low * w1;
                high1 = high1 + x_high * w1;
            }
            low0.store(&mut z0[i..]);
            high0.store(&mut z0[i + 2..]);
            low1.store(&mut z1[i..]);
            high1.store(&mut z1[i + 2..]);
            i += 4;
        }
        i
    };
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let start = 0;
    // The samples left: `affine_run`'s loops on the tails of the runs.
    let end = z0.len();
    affine_run(&mut z0[start..end], b.0, &x[start..], stride, w, step, n);
    affine_run(&mut z1[start..end], b.1, &x[start..], stride, &w[1..], step, n);
}

/// a = tanh(z), elementwise.
#[inline(always)]
pub fn tanh_run(z: &[f64], a: &mut [f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        let mut zs = z.chunks_exact(2);
        let mut as_ = a.chunks_exact_mut(2);
        for (z, a) in (&mut zs).zip(&mut as_) {
            tanh_lanes(pair::V::load(z)).store(a);
        }
        for (a, &z) in as_.into_remainder().iter_mut().zip(zs.remainder()) {
            *a = tanh(z);
        }
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        let _ = tanh_lanes::<f64>;
        a.iter_mut().zip(z).for_each(|(a, &z)| *a = tanh(z));
    }
}

/// e = exp(z − max) and sum += e, elementwise along a run, for z ≤ max (a softmax's terms):
/// two lanes at a time where both are in `exp_lanes`' range, `exp_nonpositive` one at a time
/// otherwise, so every value is the same in every build.
#[inline(always)]
pub fn exp_shifted_run(z: &[f64], max: &[f64], e: &mut [f64], sum: &mut [f64]) {
    let n = z.len().min(max.len()).min(e.len()).min(sum.len());
    let mut i = 0;
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    while i + 2 <= n {
        use pair::V;
        let (d0, d1) = (z[i] - max[i], z[i + 1] - max[i + 1]);
        if d0 >= EXP_LOWEST && d1 >= EXP_LOWEST {
            let v = exp_lanes(V::load(&z[i..]) - V::load(&max[i..]));
            v.store(&mut e[i..]);
            (V::load(&sum[i..]) + v).store(&mut sum[i..]);
        } else {
            for j in i..i + 2 {
                e[j] = exp_nonpositive(z[j] - max[j]);
                sum[j] += e[j];
            }
        }
        i += 2;
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let _ = (exp_lanes::<f64>, EXP_LOWEST);
    while i < n {
        e[i] = exp_nonpositive(z[i] - max[i]);
        sum[i] += e[i];
        i += 1;
    }
}

/// y += x · w, elementwise.
#[inline(always)]
pub fn axpy(y: &mut [f64], x: &[f64], w: f64) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use crate::fastmath::Lane;
        let wv = pair::V::splat(w);
        let mut ys = y.chunks_exact_mut(2);
        let mut xs = x.chunks_exact(2);
        for (y, x) in (&mut ys).zip(&mut xs) {
            (pair::V::load(y) + pair::V::load(x) * wv).store(y);
        }
        for (y, &x) in ys.into_remainder().iter_mut().zip(xs.remainder()) {
            *y += x * w;
        }
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    y.iter_mut().zip(x).for_each(|(y, &x)| *y += x * w);
}

/// g ⊙= 1 − a²: g times tanh′ written with its output (`activation::tanh_prime`), two lanes at a time.
#[inline(always)]
pub fn times_tanh_slope(g: &mut [f64], a: &[f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use crate::fastmath::Lane;
        let one = pair::V::splat(1.0);
        let mut gs = g.chunks_exact_mut(2);
        let mut as_ = a.chunks_exact(2);
        for (g, a) in (&mut gs).zip(&mut as_) {
            let a = pair::V::load(a);
            (pair::V::load(g) * (one - a * a)).store(g);
        }
        for (g, &a) in gs.into_remainder().iter_mut().zip(as_.remainder()) {
            *g *= 1.0 - a * a;
        }
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    g.iter_mut().zip(a).for_each(|(g, &a)| *g *= 1.0 - a * a);
}

/// Σ xᵢ yᵢ in four interleaved partial sums (lanes 0–1 and 2–3 of each group of four), then
/// ((s₀ + s₁) + (s₂ + s₃)) + the tail in order. The order is fixed, so every build agrees.
#[inline(always)]
pub fn dot(x: &[f64], y: &[f64]) -> f64 {
    let mut xs = x.chunks_exact(4);
    let mut ys = y.chunks_exact(4);
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let head = {
        use crate::fastmath::Lane;
        use pair::V;
        let (mut low, mut high) = (V::splat(0.0), V::splat(0.0));
        for (cx, cy) in (&mut xs).zip(&mut ys) {
            low = low + V::load(cx) * V::load(cy);
            high = high + V::load(&cx[2..]) * V::load(&cy[2..]);
        }
        low.lanes_sum() + high.lanes_sum()
    };
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let head = {
        let mut acc = [0.0; 4];
        for (cx, cy) in (&mut xs).zip(&mut ys) {
            for ((s, &a), &b) in acc.iter_mut().zip(cx).zip(cy) {
                *s += a * b;
            }
        }
        (acc[0] + acc[1]) + (acc[2] + acc[3])
    };
    let tail: f64 = xs.remainder().iter().zip(ys.remainder()).fold(0.0, |s, (&a, &b)| s + a * b);
    head + tail
}

/// (`dot(x0, y)`, `dot(x1, y)`) with each value of y loaded once for both: the same operations
/// in the same order as `dot`, so the same bits.
#[inline(always)]
pub fn dot_pair(x0: &[f64], x1: &[f64], y: &[f64]) -> (f64, f64) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use crate::fastmath::Lane;
        use pair::V;
        let mut x0s = x0.chunks_exact(4);
        let mut x1s = x1.chunks_exact(4);
        let mut ys = y.chunks_exact(4);
        let (mut low0, mut high0, mut low1, mut high1) = (V::splat(0.0), V::splat(0.0), V::splat(0.0), V::splat(0.0));
        for ((c0, c1), cy) in (&mut x0s).zip(&mut x1s).zip(&mut ys) {
            let (y_low, y_high) = (V::load(cy), V::load(&cy[2..]));
            low0 = low0 + V::load(c0) * y_low;
            high0 = high0 + V::load(&c0[2..]) * y_high;
            low1 = low1 + V::load(c1) * y_low;
            high1 = high1 + V::load(&c1[2..]) * y_high;
        }
        let tail = |xs: &[f64]| xs.iter().zip(ys.remainder()).fold(0.0, |s, (&a, &b)| s + a * b);
        (
            (low0.lanes_sum() + high0.lanes_sum()) + tail(x0s.remainder()),
            (low1.lanes_sum() + high1.lanes_sum()) + tail(x1s.remainder()),
        )
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    (dot(x0, y), dot(x1, y))
}

/// Σ xᵢ, in the order `dot` uses.
#[inline(always)]
pub fn sum(x: &[f64]) -> f64 {
    let mut xs = x.chunks_exact(4);
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let head = {
        use crate::fastmath::Lane;
        use pair::V;
        let (mut low, mut high) = (V::splat(0.0), V::splat(0.0));
        for c in &mut xs {
            low = low + V::load(c);
            high = high + V::load(&c[2..]);
        }
        low.lanes_sum() + high.lanes_sum()
    };
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let head = {
        let mut acc = [0.0; 4];
        for c in &mut xs {
            for (s, &v) in acc.iter_mut().zip(c) {
                *s += v;
            }
        }
        (acc[0] + acc[1]) + (acc[2] + acc[3])
    };
    let tail: f64 = xs.remainder().iter().fold(0.0, |s, &v| s + v);
    head + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_every_length_match_the_scalar_formulas() {
        for n in 0..9 {
            let x: Vec<f64> = (0..n).map(|i| 0.37 * i as f64 - 1.1).collect();
            let mut a = vec![0.0; n];
            tanh_run(&x, &mut a);
            assert!(a.iter().zip(&x).all(|(a, &x)| a.to_bits() == tanh(x).to_bits()));
            let mut y = vec![1.0; n];
            axpy(&mut y, &x, 2.0);
            assert!(y.iter().zip(&x).all(|(y, &x)| *y == 1.0 + x * 2.0));
            let mut g = vec![2.0; n];
            times_tanh_slope(&mut g, &x);
            assert!(g.iter().zip(&x).all(|(g, &x)| *g == 2.0 * (1.0 - x * x)));
            let whole: Vec<f64> = (1..=n).map(|i| i as f64).collect();
            assert_eq!(sum(&whole), (n * (n + 1) / 2) as f64);
            assert_eq!(dot(&whole, &whole), (n * (n + 1) * (2 * n + 1) / 6) as f64);
        }
    }
}

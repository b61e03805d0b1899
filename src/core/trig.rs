//! Sine and cosine for the angles the core draws with: generated data (under 4π) and the
//! Box–Muller transform (under 2π).
//!
//! libm's `sin` and `cos` reduce arguments of any size, up to 10³⁰⁸, with a multi-word π; that
//! reduction alone was 3.3 KB of the wasm. Here the argument is reduced by multiples of π/2 taken
//! in three parts (Cody and Waite), exact for |x| up to about 10⁵, and the result is a Taylor
//! polynomial on [−π/4, π/4], where the first dropped term is under 10⁻¹⁶ of the value. Plain
//! f64 arithmetic, so native and wasm give the same bits.

/// π/2 as the sum of three doubles, each 33 bits or fewer, so k × part is exact for small k.
const HALF_PI_1: f64 = 1.570_796_326_734_125_6;
const HALF_PI_2: f64 = 6.077_100_506_506_192e-11;
const HALF_PI_3: f64 = 2.022_266_248_795_950_6e-21;

/// sin x and cos x, to within a few units in the last place for |x| ≤ 10⁵ (beyond, the
/// reduction loses digits: the core never asks for that).
pub fn sin_cos(x: f64) -> (f64, f64) {
    let k = (x * std::f64::consts::FRAC_2_PI).round_ties_even();
    let r = ((x - k * HALF_PI_1) - k * HALF_PI_2) - k * HALF_PI_3;
    let (s, c) = (sin_near_zero(r), cos_near_zero(r));
    // x = kπ/2 + r: a quarter turn per k.
    match (k as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// sin x.
pub fn sin(x: f64) -> f64 {
    sin_cos(x).0
}

/// cos x.
pub fn cos(x: f64) -> f64 {
    sin_cos(x).1
}

/// sin r for |r| ≤ π/4: r − r³/3! + r⁵/5! − … − r¹⁵/15!.
fn sin_near_zero(r: f64) -> f64 {
    r + r * series(r * r, 15)
}

/// cos r for |r| ≤ π/4: 1 − r²/2! + r⁴/4! − … + r¹⁶/16!.
fn cos_near_zero(r: f64) -> f64 {
    1.0 + series(r * r, 16)
}

/// The Taylor terms after the first, scaled to start at r²: Σ (−1)^⌊n/2⌋ r²ᵏ / n! for
/// n = top, top − 2, … down to 2 or 3 (k counting the terms from the last), by Horner's rule in
/// r²: sum ← (sum ± 1/n!)·r².
fn series(r2: f64, top: u32) -> f64 {
    let mut sum = 0.0;
    let mut n = top;
    while n >= 2 {
        let term = 1.0 / factorial(n);
        sum = if (n / 2) % 2 == 1 { (sum - term) * r2 } else { (sum + term) * r2 };
        n -= 2;
    }
    sum
}

/// n! as a double (exact up to 18!).
fn factorial(n: u32) -> f64 {
    (2..=n).fold(1.0, |p, k| p * k as f64)
}

#[cfg(test)]
mod tests {
    use super::{cos, sin, sin_cos};
    use std::f64::consts::PI;

    #[test]
    fn hand_values() {
        assert_eq!(sin_cos(0.0), (0.0, 1.0));
        assert!((sin(PI / 6.0) - 0.5).abs() < 2e-16);
        assert!((cos(PI / 3.0) - 0.5).abs() < 2e-16);
        assert!((sin(PI / 2.0) - 1.0).abs() < 2e-16);
        assert!((cos(PI) + 1.0).abs() < 2e-16);
        assert!(sin(PI).abs() < 2e-16 && cos(PI / 2.0).abs() < 2e-16);
        assert!((sin(-PI / 4.0) + std::f64::consts::FRAC_1_SQRT_2).abs() < 2e-16);
    }

    #[test]
    fn agrees_with_libm_over_the_angles_the_core_uses() {
        let mut worst: f64 = 0.0;
        for i in -200_000..=200_000 {
            let x = i as f64 * 1e-4 + 0.123_456_789e-5 * (i % 7) as f64;
            let (s, c) = sin_cos(x);
            worst = worst.max((s - libm::sin(x)).abs()).max((c - libm::cos(x)).abs());
        }
        // A few units in the last place of numbers up to 1.
        assert!(worst < 6e-16, "worst difference {worst:e}");
    }
}

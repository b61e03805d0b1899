//! The fast tanh against the reference libm, in units in the last place.

use backprop_playground::fastmath::tanh;

fn ulps(a: f64, b: f64) -> u64 {
    (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs()
}

#[test]
fn tanh_is_within_six_ulp_of_libm_over_the_whole_range() {
    let mut worst = (0, 0.0);
    let mut x = -30.0;
    while x < 30.0 {
        for v in [x, x * 1e-3, x * 1e-9] {
            let u = ulps(tanh(v), libm::tanh(v));
            if u > worst.0 {
                worst = (u, v);
            }
        }
        x += 0.000_37;
    }
    assert!(worst.0 <= 6, "{} ulp at x = {}", worst.0, worst.1);
}

#[test]
fn tanh_keeps_its_special_values() {
    assert_eq!(tanh(0.0), 0.0);
    assert!(tanh(-0.0).is_sign_negative());
    assert_eq!(tanh(f64::INFINITY), 1.0);
    assert_eq!(tanh(f64::NEG_INFINITY), -1.0);
    assert_eq!(tanh(1e300), 1.0);
    assert!(tanh(f64::NAN).is_nan());
    assert_eq!(tanh(1e-300), 1e-300);
}

#[test]
fn exp_is_within_two_ulp_of_libm_where_the_softmax_uses_it() {
    use backprop_playground::fastmath::{exp_nonpositive, EXP_LOWEST};
    let mut worst = (0, 0.0);
    let mut x = 0.0;
    while x > -760.0 {
        for v in [x, x * 1e-3, x * 1e-9] {
            let u = ulps(exp_nonpositive(v), libm::exp(v));
            if u > worst.0 {
                worst = (u, v);
            }
        }
        x -= 0.000_91;
    }
    assert!(worst.0 <= 2, "{} ulp at x = {}", worst.0, worst.1);
    // Below the fast range, libm's own values: subnormals, then 0.
    assert_eq!(exp_nonpositive(EXP_LOWEST - 30.0), libm::exp(EXP_LOWEST - 30.0));
    assert_eq!(exp_nonpositive(-800.0), 0.0);
    assert_eq!(exp_nonpositive(f64::NEG_INFINITY), 0.0);
    assert_eq!(exp_nonpositive(0.0), 1.0);
    assert_eq!(exp_nonpositive(-0.0), 1.0);
    assert!(exp_nonpositive(f64::NAN).is_nan());
}

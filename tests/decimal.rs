//! The core's decimal reader against Rust's own `str::parse::<f64>`: the same syntax accepted and
//! the same bits out, on random numbers, random text and the hardest inputs, points exactly
//! halfway between two floats and a hair either side of them.

use backprop_playground::decimal::parse_f64;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn check(text: &str) {
    let ours = parse_f64(text);
    let std = text.parse::<f64>().ok();
    let same = match (ours, std) {
        (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
        (a, b) => a.is_none() && b.is_none(),
    };
    assert!(same, "{text:?}: ours {ours:?}, std {std:?}");
}

#[test]
fn floats_written_every_way_read_back_as_rust_reads_them() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    for _ in 0..20_000 {
        let x = f64::from_bits(rng.next_u64());
        if x.is_finite() {
            for text in [format!("{x}"), format!("{x:e}"), format!("{x:.3e}"), format!("{x:.20e}")] {
                check(&text);
            }
        }
        let y = (rng.next_u64() as f64 / u64::MAX as f64 - 0.5) * 10f64.powi(rng.random_range(-40..40));
        for text in [format!("{y}"), format!("{y:e}"), format!("{y:.5}"), format!("{y:.25}")] {
            check(&text);
        }
        let digits: String =
            (0..rng.random_range(1..40)).map(|_| char::from(b'0' + rng.random_range(0..10u8))).collect();
        check(&format!("{}.{}e{}", &digits[..1], &digits[1..], rng.random_range(-345..320)));
    }
}

#[test]
fn text_is_accepted_or_refused_as_rust_does() {
    let pieces = [
        "0",
        "1",
        "5",
        "9",
        ".",
        "e",
        "E",
        "-",
        "+",
        "inf",
        "nan",
        "x",
        " ",
        "_",
        "Infinity",
        "00",
        "12345678901234567",
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(12);
    for _ in 0..20_000 {
        let text: String = (0..rng.random_range(0..8)).map(|_| pieces[rng.random_range(0..pieces.len())]).collect();
        check(&text);
    }
    for text in [
        "",
        "+",
        "-",
        ".",
        "e5",
        "1e",
        "1e+",
        "1.",
        ".5",
        "-.5e-3",
        "INF",
        "-Infinity",
        "NaN",
        "nan1",
        "1_0",
        " 1",
        "1 ",
    ] {
        check(text);
    }
}

/// The decimal digits of a big number given as base-10⁹ limbs, most significant first.
fn decimal_digits(limbs: &[u32]) -> String {
    let mut text = limbs[0].to_string();
    for limb in &limbs[1..] {
        text.push_str(&format!("{limb:09}"));
    }
    text
}

/// limbs · k in base 10⁹ (most significant first).
fn times(limbs: &mut Vec<u32>, k: u64) {
    let mut carry = 0u64;
    for limb in limbs.iter_mut().rev() {
        let v = u64::from(*limb) * k + carry;
        *limb = (v % 1_000_000_000) as u32;
        carry = v / 1_000_000_000;
    }
    while carry > 0 {
        limbs.insert(0, (carry % 1_000_000_000) as u32);
        carry /= 1_000_000_000;
    }
}

#[test]
fn points_halfway_between_floats_round_to_even_and_neighbours_go_their_way() {
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    for _ in 0..1_000 {
        // (2m + 1) · 2^(e−1): halfway between m · 2^e and (m + 1) · 2^e.
        let m = rng.next_u64() >> 11;
        let e: i64 = rng.random_range(-1075..972);
        let odd = 2 * m + 1;
        let mut limbs = vec![(odd / 1_000_000_000_000_000_000) as u32];
        limbs.retain(|&l| l > 0);
        limbs.push(((odd / 1_000_000_000) % 1_000_000_000) as u32);
        limbs.push((odd % 1_000_000_000) as u32);
        while limbs.len() > 1 && limbs[0] == 0 {
            limbs.remove(0);
        }
        let shift = e - 1;
        let factor = if shift >= 0 { 2 } else { 5 };
        for _ in 0..shift.unsigned_abs() {
            times(&mut limbs, factor);
        }
        let digits = decimal_digits(&limbs);
        let exp = if shift >= 0 { 0 } else { shift };
        check(&format!("{digits}e{exp}"));
        check(&format!("{digits}1e{}", exp - 1));
        check(&format!("{digits}0000000000000000000001e{}", exp - 22));
        if let Some(below) = digits.strip_suffix('5') {
            check(&format!("{below}4999999999999999999e{}", exp - 18));
        }
    }
}

//! Decimal text to the nearest f64, as `str::parse::<f64>` reads it (same syntax, same bits), but
//! without its 10 KB table of powers of five: most numbers take an exact path in u128 arithmetic,
//! the rest an exact comparison of big integers.

/// Reads `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`, or `inf`, `infinity`,
/// `nan` in any case after an optional sign; None for anything else (no spaces, no `_`).
pub fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    let value = if rest.first().is_some_and(u8::is_ascii_alphabetic) {
        special(rest)?
    } else {
        let d = Decimal::read(rest)?;
        d.to_f64()
    };
    Some(if negative { -value } else { value })
}

/// `inf`, `infinity` or `nan`, in any case.
fn special(word: &[u8]) -> Option<f64> {
    let lower: Vec<u8> = word.iter().map(u8::to_ascii_lowercase).collect();
    match lower.as_slice() {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    }
}

/// Significant digits kept; beyond them only "some digit was not zero" matters. Any point halfway
/// between two f64 has fewer significant digits than this (at most 767).
const MAX_DIGITS: usize = 800;

/// A decimal number: the value of `digits` (0–9 each, no leading zeros) times 10^exp.
struct Decimal {
    digits: Vec<u8>,
    exp: i64,
}

impl Decimal {
    fn read(s: &[u8]) -> Option<Decimal> {
        let mut digits = Vec::new();
        let mut exp: i64 = 0;
        let mut seen = 0usize;
        let mut dropped_nonzero = false;
        let mut i = 0;
        let mut push = |d: u8, after_point: bool, exp: &mut i64| {
            if d == 0 && digits.is_empty() {
                // A leading zero only moves the point.
            } else if digits.len() < MAX_DIGITS {
                digits.push(d);
            } else {
                dropped_nonzero |= d != 0;
                if !after_point {
                    *exp += 1;
                }
                return;
            }
            if after_point {
                *exp -= 1;
            }
        };
        while let Some(&b @ b'0'..=b'9') = s.get(i) {
            push(b - b'0', false, &mut exp);
            i += 1;
            seen += 1;
        }
        if s.get(i) == Some(&b'.') {
            i += 1;
            while let Some(&b @ b'0'..=b'9') = s.get(i) {
                push(b - b'0', true, &mut exp);
                i += 1;
                seen += 1;
            }
        }
        if seen == 0 {
            return None;
        }
        if let Some(b'e' | b'E') = s.get(i) {
            i += 1;
            let negative = match s.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let start = i;
            let mut e: i64 = 0;
            while let Some(&b @ b'0'..=b'9') = s.get(i) {
                // Beyond any f64's range either way; saturate rather than overflow.
                e = (e * 10 + i64::from(b - b'0')).min(1 << 40);
                i += 1;
            }
            if i == start {
                return None;
            }
            exp += if negative { -e } else { e };
        }
        if i != s.len() {
            return None;
        }
        if dropped_nonzero {
            // Stands for the dropped digits: above the kept ones, below the next kept value.
            digits.push(1);
            exp -= 1;
        }
        // Trailing zeros carry no information.
        while digits.last() == Some(&0) {
            digits.pop();
            exp += 1;
        }
        Some(Decimal { digits, exp })
    }

    fn to_f64(&self) -> f64 {
        let n = self.digits.len() as i64;
        if n == 0 {
            return 0.0;
        }
        // The value lies in [10^(n+exp−1), 10^(n+exp)).
        if n + self.exp > 310 {
            return f64::INFINITY;
        }
        if n + self.exp < -325 {
            return 0.0;
        }
        if n <= 19 {
            let d = self.digits.iter().fold(0u64, |v, &x| v * 10 + u64::from(x));
            if let Some(x) = small(d, self.exp) {
                return x;
            }
        }
        self.exact()
    }

    /// The nearest f64 by exact big-integer arithmetic: value = num / den.
    fn exact(&self) -> f64 {
        let mut num = Big::from_u64(0);
        for chunk in self.digits.chunks(9) {
            num.mul_small(10u32.pow(chunk.len() as u32));
            num.add_small(chunk.iter().fold(0, |v, &d| v * 10 + u32::from(d)));
        }
        let mut den = Big::from_u64(1);
        let scaled = if self.exp > 0 { &mut num } else { &mut den };
        let mut left = self.exp.unsigned_abs();
        while left > 0 {
            let step = left.min(9);
            scaled.mul_small(10u32.pow(step as u32));
            left -= step;
        }
        // e2 = floor(log2(num / den)).
        let mut e2 = num.bits() as i64 - den.bits() as i64;
        if shifted_cmp(&num, &den, e2) == std::cmp::Ordering::Less {
            e2 -= 1;
        }
        if e2 > 1023 {
            return f64::INFINITY;
        }
        // q = floor(value · 2^s): 53 bits and a rounding bit for normal numbers, fewer below 2^−1022.
        let s = (53 - e2).min(1075);
        let (q, sticky) = divide(&num, &den, s);
        round_to_f64(q, sticky, s)
    }
}

/// d · 10^exp = d · 5^exp · 2^exp exactly in u128 when that fits: a whole number times a power of
/// two, or a quotient by 5^k (k ≤ 31) whose remainder decides the rounding. None otherwise.
fn small(d: u64, exp: i64) -> Option<f64> {
    if exp >= 0 {
        let p = 5u128.checked_pow(u32::try_from(exp).ok()?)?;
        // `as f64` rounds to the nearest (ties to even); the power of two then scales exactly.
        return u128::from(d).checked_mul(p).map(|v| v as f64 * pow2(exp));
    }
    let k = exp.unsigned_abs();
    if k > 31 {
        return None;
    }
    let den = 5u128.pow(k as u32);
    let num = u128::from(d);
    let bits = |v: u128| 128 - i64::from(v.leading_zeros());
    // e2 = floor(log2(num / den)).
    let mut e2 = bits(num) - bits(den);
    let below = if e2 >= 0 { num < den << e2 } else { num << -e2 < den };
    if below {
        e2 -= 1;
    }
    // q = floor(num · 2^s / den) has 54 bits; num · 2^s has at most 55 + bits(den) ≤ 128 bits.
    // The value, at least 10^−31, is far from the subnormals.
    let s = 53 - e2;
    let (num, den) = if s >= 0 { (num << s, den) } else { (num, den << -s) };
    Some(round_to_f64(num / den, num % den != 0, s + k as i64))
}

/// q · 2^−s rounded to nearest (ties to even) on q's lowest bit, `sticky` telling whether the
/// exact value lies above q · 2^−s.
fn round_to_f64(q: u128, sticky: bool, s: i64) -> f64 {
    let half = q & 1 == 1;
    let mut m = (q >> 1) as u64;
    if half && (sticky || m & 1 == 1) {
        m += 1;
    }
    // m · 2^(1−s): m < 2^54 is exact as f64, and so is a power of two, so the product is exact
    // (it is representable by the choice of s). Two factors keep 2^p inside f64's range.
    let p = 1 - s;
    let (p1, p2) = (p / 2, p - p / 2);
    m as f64 * pow2(p1) * pow2(p2)
}

/// 2^p for −1074 ≤ p ≤ 1023.
fn pow2(p: i64) -> f64 {
    if p >= -1022 {
        f64::from_bits(((p + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (p + 1074))
    }
}

/// A non-negative big integer, 32-bit limbs, least significant first.
struct Big {
    limbs: Vec<u32>,
}

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big { limbs: vec![v as u32, (v >> 32) as u32] };
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    fn bits(&self) -> usize {
        match self.limbs.last() {
            Some(&top) => self.limbs.len() * 32 - top.leading_zeros() as usize,
            None => 0,
        }
    }

    fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for limb in &mut self.limbs {
            let v = u64::from(*limb) * u64::from(k) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.limbs.push(carry as u32);
        }
    }

    fn add_small(&mut self, k: u32) {
        let mut carry = u64::from(k);
        for limb in &mut self.limbs {
            if carry == 0 {
                break;
            }
            let v = u64::from(*limb) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.limbs.push(carry as u32);
        }
    }

    /// self · 2^k.
    fn shl(&self, k: usize) -> Big {
        let (words, bits) = (k / 32, k % 32);
        let mut limbs = vec![0u32; words];
        let mut carry = 0u32;
        for &limb in &self.limbs {
            if bits == 0 {
                limbs.push(limb);
            } else {
                limbs.push((limb << bits) | carry);
                carry = limb >> (32 - bits);
            }
        }
        if carry > 0 {
            limbs.push(carry);
        }
        let mut b = Big { limbs };
        b.trim();
        b
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.limbs.len().cmp(&other.limbs.len()).then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }

    /// self − other, for self ≥ other.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.limbs.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.limbs.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }
}

/// num compared with den · 2^e (e of either sign).
fn shifted_cmp(num: &Big, den: &Big, e: i64) -> std::cmp::Ordering {
    if e >= 0 {
        num.cmp(&den.shl(e as usize))
    } else {
        num.shl(e.unsigned_abs() as usize).cmp(den)
    }
}

/// floor(num · 2^s / den), known to be below 2^54, and whether a remainder is left.
fn divide(num: &Big, den: &Big, s: i64) -> (u128, bool) {
    let (mut rem, den) =
        if s >= 0 { (num.shl(s as usize), den.shl(0)) } else { (num.shl(0), den.shl(s.unsigned_abs() as usize)) };
    let mut q = 0u128;
    for bit in (0..=56).rev() {
        let part = den.shl(bit);
        if rem.cmp(&part) != std::cmp::Ordering::Less {
            rem.sub(&part);
            q |= 1 << bit;
        }
    }
    (q, !rem.limbs.is_empty())
}

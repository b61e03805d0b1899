//! How messages show values: numbers as JavaScript writes them ("0.1", "1e-7", "NaN",
//! "Infinity"), text in double quotes. Written here instead of with `{}` and `{:?}`, whose float
//! and Debug machinery would add about 18 KB to the wasm for a few error messages; the session
//! writer lays its numbers out from the same shortest digits (`push_decimal`).

use std::ops::RangeInclusive;

/// A number as JavaScript's `String(x)` writes it, except that −0 keeps its sign: the shortest
/// digits that read back to x, plainly from 1e-6 up to 1e21, otherwise as "1e+21" or "1.5e-7".
pub fn number(x: f64) -> String {
    let mut out = String::new();
    if x.is_nan() {
        out.push_str("NaN");
    } else if x.is_infinite() {
        out.push_str(if x > 0.0 { "Infinity" } else { "-Infinity" });
    } else {
        push_decimal(&mut out, x, -6..=20, "");
    }
    out
}

/// A finite x from its shortest digits: plainly while the decimal exponent of the first digit is
/// in `plain` (a whole number followed by `whole_suffix`), otherwise as "1.5e+16" or "2e-7".
pub fn push_decimal(out: &mut String, x: f64, plain: RangeInclusive<i32>, whole_suffix: &str) {
    if x.is_sign_negative() {
        out.push('-');
    }
    let s = Shortest::of(x);
    let (d, exp) = (s.digits(), s.exp);
    let n = d.len() as i32;
    if !plain.contains(&exp) {
        // 1234e20 → 1.234e+23
        push_ascii(out, &d[..1]);
        if n > 1 {
            out.push('.');
            push_ascii(out, &d[1..]);
        }
        out.push_str(if exp < 0 { "e-" } else { "e+" });
        push_exponent(out, exp.unsigned_abs());
    } else if exp < 0 {
        // 1234e-6 → 0.001234
        out.push_str("0.");
        (1..-exp).for_each(|_| out.push('0'));
        push_ascii(out, d);
    } else if n <= exp + 1 {
        // 1234e7 → 12340000000
        push_ascii(out, d);
        (n..exp + 1).for_each(|_| out.push('0'));
        out.push_str(whole_suffix);
    } else {
        // 1234e1 → 12.34
        let point = exp as usize + 1;
        push_ascii(out, &d[..point]);
        out.push('.');
        push_ascii(out, &d[point..]);
    }
}

/// Text in double quotes, with `"`, `\` and control characters escaped as Rust writes them
/// (`\"`, `\n`, `\u{1b}`), so that spaces and invisible characters in a name can be seen.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let code = c as usize;
                out.push_str("\\u{");
                if code >= 16 {
                    out.push(HEX[code >> 4] as char);
                }
                out.push(HEX[code & 15] as char);
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The shortest decimal digits that read back to a finite |x|: |x| = d₁.d₂…dₙ × 10^exp, with
/// d₁ ≠ 0 unless x = 0 ("0", exp 0).
pub struct Shortest {
    digits: [u8; 17],
    len: usize,
    /// Decimal exponent of the first digit.
    pub exp: i32,
}

impl Shortest {
    pub fn of(x: f64) -> Shortest {
        // Ryū finds the digits, several times faster than the standard formatter (a trace holds
        // thousands of numbers); where two are equally near (x exactly halfway) it takes the even
        // one, as JavaScript does. Its text is "0.00012", "1234.5" or "1.5e16": read them off it.
        let mut buffer = ryu::Buffer::new();
        let text = buffer.format_finite(x.abs()).as_bytes();
        let e_at = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
        let mantissa = &text[..e_at];
        let point = mantissa.iter().position(|&b| b == b'.').unwrap_or(mantissa.len());
        let mut s = Shortest { digits: [b'0'; 17], len: 0, exp: 0 };
        // Exponent of the first significant digit within the mantissa.
        let mut first: Option<i32> = None;
        for (i, &b) in mantissa.iter().enumerate() {
            if !b.is_ascii_digit() || (b == b'0' && first.is_none()) {
                continue;
            }
            if first.is_none() {
                first = Some(if i < point { (point - i - 1) as i32 } else { -((i - point) as i32) });
            }
            if s.len < s.digits.len() {
                s.digits[s.len] = b;
                s.len += 1;
            }
        }
        // Trailing zeros of an integer part ("1000.0") are not significant.
        while s.len > 1 && s.digits[s.len - 1] == b'0' {
            s.len -= 1;
        }
        s.len = s.len.max(1);
        let (negative, exp_digits) = match text.get(e_at + 1..).unwrap_or(&[]) {
            [b'-', rest @ ..] => (true, rest),
            rest => (false, rest),
        };
        let exp = exp_digits.iter().fold(0, |e, &b| e * 10 + i32::from(b - b'0'));
        s.exp = if negative { -exp } else { exp } + first.unwrap_or(0);
        s
    }

    /// The digits, ASCII.
    pub fn digits(&self) -> &[u8] {
        &self.digits[..self.len]
    }
}

fn push_ascii(out: &mut String, ascii: &[u8]) {
    ascii.iter().for_each(|&b| out.push(char::from(b)));
}

/// A decimal exponent's digits (at most 3: |exp| ≤ 324).
fn push_exponent(out: &mut String, e: u32) {
    let digit = |d: u32| char::from(b'0' + d as u8);
    if e >= 100 {
        out.push(digit(e / 100));
    }
    if e >= 10 {
        out.push(digit(e / 10 % 10));
    }
    out.push(digit(e % 10));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_javascript_writes_them() {
        let cases = [
            (0.0, "0"),
            (-0.0, "-0"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (-2.0, "-2"),
            (1.0 / 3.0, "0.3333333333333333"),
            (123456.789, "123456.789"),
            (1e-6, "0.000001"),
            (1.5e-6, "0.0000015"),
            (1e-7, "1e-7"),
            (-2.5e-8, "-2.5e-8"),
            (1e20, "100000000000000000000"),
            (1e21, "1e+21"),
            (1.2345e22, "1.2345e+22"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (5e-324, "5e-324"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for (x, text) in cases {
            assert_eq!(number(x), text, "{x:e}");
        }
    }

    #[test]
    fn halfway_numbers_take_the_even_last_digit_as_javascript_does() {
        // 2^50 + 0.25 lies exactly halfway between …624.2 and …624.3 (Rust's `{}` writes the 3).
        let x = 2f64.powi(50);
        assert_eq!(number(x + 0.25), "1125899906842624.2");
        assert_eq!(number(x + 0.75), "1125899906842624.8");
        assert_eq!(number(x + 1.25), "1125899906842625.2");
    }

    #[test]
    fn text_is_quoted_as_rust_debug_quotes_it() {
        assert_eq!(quoted("fast"), "\"fast\"");
        assert_eq!(quoted(""), "\"\"");
        assert_eq!(quoted("a \"b\"\\\n\t\u{1b}"), r#""a \"b\"\\\n\t\u{1b}""#);
        // Every ASCII character, the C1 controls and some letters of other scripts, as `{:?}` writes them.
        let text: String = (0u8..=0x7f).map(char::from).chain('\u{80}'..='\u{9f}').chain("é×—ü中".chars()).collect();
        assert_eq!(quoted(&text), format!("{text:?}"));
    }

    #[test]
    fn random_numbers_read_back_to_the_same_bits_in_the_fewest_digits() {
        // SplitMix64 over all bit patterns: every exponent, subnormals included.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..200_000 {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            let x = f64::from_bits(z ^ (z >> 31));
            if !x.is_finite() {
                continue;
            }
            let text = number(x);
            assert_eq!(text.parse::<f64>().map(f64::to_bits), Ok(x.to_bits()), "{text}");
            // Rust's `{:e}` also writes the shortest digits: the same count.
            let rust = format!("{x:e}");
            let digits = |t: &str| t.split(['e', 'E']).next().unwrap().bytes().filter(u8::is_ascii_digit).count();
            let ours = Shortest::of(x);
            assert_eq!(ours.digits().len(), digits(&rust), "{text} vs {rust}");
        }
    }
}

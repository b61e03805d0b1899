//! JSON text from a [`Value`]: compact, or pretty with two-space indents. The layout (and the form
//! of numbers) is the one serde_json wrote before this module replaced it, so session files and
//! every string the page reads stay the same text.

use super::value::{Number, Value};
use std::fmt;

impl Value {
    /// Pretty JSON: one entry per line, indented by two spaces.
    pub fn to_string_pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(0));
        out
    }
}

/// Compact JSON, no spaces: `{"a":[1,2]}`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_value(&mut out, self, None);
        f.write_str(&out)
    }
}

/// A number as JSON writes it (also how an error message shows a number).
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_number(&mut out, *self);
        f.write_str(&out)
    }
}

/// `indent`: None for compact output, Some(depth) for pretty output at that depth.
fn write_value(out: &mut String, v: &Value, indent: Option<usize>) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, *n),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separator(out, i, indent);
                write_value(out, item, indent.map(|d| d + 1));
            }
            close(out, !items.is_empty(), indent, ']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                separator(out, i, indent);
                write_string(out, k);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write_value(out, item, indent.map(|d| d + 1));
            }
            close(out, !map.is_empty(), indent, '}');
        }
    }
}

/// Before the i-th entry of a list or object: a comma after the first, and in pretty output a
/// new line indented one level deeper than the bracket.
fn separator(out: &mut String, i: usize, indent: Option<usize>) {
    if i > 0 {
        out.push(',');
    }
    if let Some(depth) = indent {
        out.push('\n');
        push_indent(out, depth + 1);
    }
}

/// The closing bracket; in pretty output a non-empty list or object closes on its own line.
fn close(out: &mut String, had_entries: bool, indent: Option<usize>, bracket: char) {
    if let (true, Some(depth)) = (had_entries, indent) {
        out.push('\n');
        push_indent(out, depth);
    }
    out.push(bracket);
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A string in quotes: `"` and `\` escaped, control characters as \n, \t, … or \u00XX.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_number(out: &mut String, n: Number) {
    match n {
        Number::Unsigned(n) => write_unsigned(out, n),
        Number::Negative(n) => {
            out.push('-');
            write_unsigned(out, n.unsigned_abs());
        }
        Number::Float(x) => write_f64(out, x),
    }
}

/// Decimal digits of a whole number, without the formatting machinery.
fn write_unsigned(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

/// A finite float in the shortest form that reads back to the same bits, laid out as serde_json
/// did: plain decimals with at least one fractional digit ("1.0", "0.00012", "1e15" as
/// "1000000000000000.0") while the decimal exponent is from −5 to 15, otherwise "1.5e+16", "2e-7".
pub(crate) fn write_f64(out: &mut String, x: f64) {
    if x.is_sign_negative() {
        out.push('-');
    }
    // Ryū gives the shortest round-trip digits, several times faster than the standard
    // formatter (a trace holds thousands of numbers), as "0.00012", "1234.5" or "1.5e16":
    // read off its digits and the decimal exponent of the first one.
    let mut ryu_buffer = ryu::Buffer::new();
    let text = ryu_buffer.format_finite(x.abs()).as_bytes();
    let e_at = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
    let mantissa = &text[..e_at];
    let point = mantissa.iter().position(|&b| b == b'.').unwrap_or(mantissa.len());
    let mut digits = [0u8; 24];
    let mut n = 0;
    // Decimal exponent of the first significant digit, from the mantissa alone.
    let mut first: Option<i32> = None;
    for (i, &b) in mantissa.iter().enumerate() {
        if !b.is_ascii_digit() || (b == b'0' && first.is_none()) {
            continue;
        }
        if first.is_none() {
            first = Some(if i < point { (point - i - 1) as i32 } else { -((i - point) as i32) });
        }
        if n < digits.len() {
            digits[n] = b;
            n += 1;
        }
    }
    // Trailing zeros of an integer part ("1000.0") are not significant.
    while n > 1 && digits[n - 1] == b'0' {
        n -= 1;
    }
    if n == 0 {
        digits[0] = b'0';
        n = 1;
    }
    let exp_text = text.get(e_at + 1..).unwrap_or(&[]);
    let (negative_exp, exp_digits) = match exp_text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, exp_text),
    };
    let mut exp: i32 = 0;
    for &b in exp_digits {
        exp = exp * 10 + i32::from(b - b'0');
    }
    if negative_exp {
        exp = -exp;
    }
    exp += first.unwrap_or(0);
    // Where two shortest forms are equally near (x exactly halfway, "…25"), Rust's formatter
    // ends in 3 and serde_json's in 2; keep serde_json's choice so files stay the same text.
    if n >= 2 && digits[n - 1] == b'3' {
        let lower = digits[..n].iter().fold(0u64, |d, &b| d * 10 + u64::from(b - b'0')) - 1;
        if is_exact_tie(x.abs(), lower, exp - n as i32) {
            digits[n - 1] = b'2';
        }
    }
    let digits = &digits[..n];
    // The digits are ASCII, so they go in as one str.
    let push_digits = |out: &mut String, d: &[u8]| out.push_str(std::str::from_utf8(d).unwrap_or_default());
    if (-5..=15).contains(&exp) {
        if exp < 0 {
            // 1234e-6 → 0.001234
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            push_digits(out, digits);
        } else if n as i32 <= exp + 1 {
            // 1234e7 → 12340000000.0
            push_digits(out, digits);
            for _ in 0..(exp + 1 - n as i32) {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            // 1234e-2 → 12.34
            let point = exp as usize + 1;
            push_digits(out, &digits[..point]);
            out.push('.');
            push_digits(out, &digits[point..]);
        }
    } else {
        push_digits(out, &digits[..1]);
        if n > 1 {
            out.push('.');
            push_digits(out, &digits[1..]);
        }
        out.push_str(if exp < 0 { "e-" } else { "e+" });
        write_unsigned(out, u64::from(exp.unsigned_abs()));
    }
}

/// Whether the finite x > 0 equals (10·d + 5)·10^q exactly, with d < 10^17.
fn is_exact_tie(x: f64, d: u64, q: i32) -> bool {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // x = m·2^k with m odd.
    let (m, k) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    if m == 0 {
        return false;
    }
    let (m, k) = (m >> m.trailing_zeros(), k + m.trailing_zeros() as i32);
    let target = u128::from(d * 10 + 5);
    // Both sides are odd numbers times a power of two, so the powers of two must match (k = q) and
    // the odd parts must: m = target·5^q for q ≥ 0, m·5^−q = target for q < 0.
    k == q
        && if q >= 0 {
            times_pow5(target, q as u32) == Some(u128::from(m))
        } else {
            times_pow5(u128::from(m), q.unsigned_abs()) == Some(target)
        }
}

/// v·5^n, or None once it exceeds 2^64 (beyond anything it is compared with).
fn times_pow5(mut v: u128, n: u32) -> Option<u128> {
    for _ in 0..n {
        v *= 5;
        if v > u128::from(u64::MAX) {
            return None;
        }
    }
    Some(v)
}

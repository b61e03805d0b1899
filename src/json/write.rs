//! JSON text from a [`Value`]: compact, or pretty with two-space indents. The layout (and the form
//! of numbers) is the one serde_json wrote before this module replaced it, so session files and
//! every string the page reads stay the same text.

use super::value::{Number, Value};
use crate::show;
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
pub(super) fn write_string(out: &mut String, s: &str) {
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
pub(super) fn write_unsigned(out: &mut String, mut n: u64) {
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
    show::push_decimal(out, x, -5..=15, ".0");
}

//! Reading JSON text into a [`Value`]. Errors read as serde_json's did ("expected `,` or `]` at
//! line 4 column 12"), with the same line and column, because the page shows them to the person
//! who wrote the file.

use super::value::{Map, Number, Value};
use crate::message::{Msg, Phrase};
use std::fmt;

/// Lists and objects may nest this deep (as in serde_json); deeper input is refused rather than
/// risking the stack, which in wasm would end the page's session.
const MAX_DEPTH: usize = 127;

/// Text that is not JSON: what is wrong, and where (line from 1, column counted in bytes from 0
/// at the start of the line, so it is the number of bytes read on that line).
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub message: Msg,
    pub line: usize,
    pub column: usize,
}

impl ParseError {
    /// "{message} at line {line} column {column}", as a phrase of the message table.
    pub fn phrase(&self) -> Phrase {
        Phrase::new(Msg::JsonAt).arg("message", self.message).arg("line", self.line).arg("column", self.column)
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.phrase(), f)
    }
}

/// Parses a whole JSON text; only whitespace may follow the value.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut p = Parser { s: text.as_bytes(), i: 0, depth: 0 };
    let v = p.value()?;
    match p.skip_space() {
        Some(_) => Err(p.peek_error(Msg::JsonTrailingCharacters)),
        None => Ok(v),
    }
}

struct Parser<'a> {
    s: &'a [u8],
    /// The next byte to read.
    i: usize,
    /// Lists and objects open around the current position.
    depth: usize,
}

const EOF_VALUE: Msg = Msg::JsonEofValue;
const EOF_LIST: Msg = Msg::JsonEofList;
const EOF_OBJECT: Msg = Msg::JsonEofObject;
const EOF_STRING: Msg = Msg::JsonEofString;
const INVALID_NUMBER: Msg = Msg::JsonInvalidNumber;
const INVALID_ESCAPE: Msg = Msg::JsonInvalidEscape;

impl Parser<'_> {
    /// An error at the byte about to be read.
    #[cold]
    fn error(&self, message: Msg) -> ParseError {
        self.error_at(self.i, message)
    }

    /// An error just after the byte about to be read (where serde_json reported errors found by peeking).
    #[cold]
    fn peek_error(&self, message: Msg) -> ParseError {
        self.error_at((self.i + 1).min(self.s.len()), message)
    }

    #[cold]
    fn error_at(&self, i: usize, message: Msg) -> ParseError {
        let before = &self.s[..i];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        ParseError { message, line, column: i - line_start }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Skips whitespace and returns the next byte without consuming it.
    fn skip_space(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        let Some(b) = self.skip_space() else {
            return Err(self.peek_error(EOF_VALUE));
        };
        match b {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' => {
                self.enter()?;
                let v = self.list();
                self.depth -= 1;
                v
            }
            b'{' => {
                self.enter()?;
                let v = self.object();
                self.depth -= 1;
                v
            }
            _ => Err(self.peek_error(Msg::JsonExpectedValue)),
        }
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        if self.depth == MAX_DEPTH {
            return Err(self.peek_error(Msg::JsonRecursionLimit));
        }
        self.depth += 1;
        self.i += 1;
        Ok(())
    }

    /// `null`, `true` or `false`, its first byte already seen.
    fn word(&mut self, word: &[u8], v: Value) -> Result<Value, ParseError> {
        self.i += 1;
        for &expected in &word[1..] {
            match self.peek() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) => {
                    self.i += 1;
                    if b != expected {
                        return Err(self.error(Msg::JsonExpectedIdent));
                    }
                }
            }
        }
        Ok(v)
    }

    /// After `[`.
    fn list(&mut self) -> Result<Value, ParseError> {
        let mut items = Vec::new();
        loop {
            match self.skip_space() {
                None => return Err(self.peek_error(EOF_LIST)),
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                Some(b',') if !items.is_empty() => {
                    self.i += 1;
                    match self.skip_space() {
                        Some(b']') => return Err(self.peek_error(Msg::JsonTrailingComma)),
                        None => return Err(self.peek_error(EOF_VALUE)),
                        Some(_) => {}
                    }
                }
                Some(_) if !items.is_empty() => return Err(self.peek_error(Msg::JsonExpectedCommaOrBracket)),
                Some(_) => {}
            }
            items.push(self.value()?);
        }
    }

    /// After `{`.
    fn object(&mut self) -> Result<Value, ParseError> {
        let mut map = Map::new();
        let mut first = true;
        loop {
            match self.skip_space() {
                None => return Err(self.peek_error(EOF_OBJECT)),
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(map));
                }
                Some(b',') if !first => {
                    self.i += 1;
                    match self.skip_space() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error(Msg::JsonTrailingComma)),
                        None => return Err(self.peek_error(EOF_VALUE)),
                        Some(_) => return Err(self.peek_error(Msg::JsonKeyMustBeString)),
                    }
                }
                Some(b'"') if first => {}
                Some(_) if first => return Err(self.peek_error(Msg::JsonKeyMustBeString)),
                Some(_) => return Err(self.peek_error(Msg::JsonExpectedCommaOrBrace)),
            }
            first = false;
            self.i += 1;
            let key = self.string()?;
            match self.skip_space() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_error(Msg::JsonExpectedColon)),
                None => return Err(self.peek_error(EOF_OBJECT)),
            }
            let v = self.value()?;
            map.insert(key, v);
        }
    }

    /// The rest of a string after its opening quote, escapes decoded.
    fn string(&mut self) -> Result<String, ParseError> {
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error(EOF_STRING));
            };
            self.i += 1;
            match b {
                b'"' => break,
                b'\\' => self.escape(&mut out)?,
                0..=0x1f => return Err(self.error(Msg::JsonControlCharacter)),
                _ => out.push(b),
            }
        }
        // The input is a &str and escapes decode to whole characters, so this cannot fail.
        String::from_utf8(out).map_err(|_| self.error(EOF_STRING))
    }

    fn next_byte(&mut self) -> Result<u8, ParseError> {
        let b = self.peek().ok_or_else(|| self.error(EOF_STRING))?;
        self.i += 1;
        Ok(b)
    }

    /// After a backslash.
    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), ParseError> {
        let c = match self.next_byte()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.error(INVALID_ESCAPE)),
        };
        let mut buf = [0; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        Ok(())
    }

    /// After `\u`: one character, or a surrogate pair written as two escapes.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error(Msg::JsonLoneSurrogate));
        }
        if !(0xD800..=0xDBFF).contains(&n) {
            return char::from_u32(n).ok_or_else(|| self.error(INVALID_ESCAPE));
        }
        for expected in [b'\\', b'u'] {
            let b = self.peek().ok_or_else(|| self.error(EOF_STRING))?;
            self.i += 1;
            if b != expected {
                return Err(self.error(Msg::JsonHexEscapeEnd));
            }
        }
        let n2 = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&n2) {
            return Err(self.error(Msg::JsonLoneSurrogate));
        }
        char::from_u32((((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000).ok_or_else(|| self.error(INVALID_ESCAPE))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let Some(digits) = self.s.get(self.i..self.i + 4) else {
            self.i = self.s.len();
            return Err(self.error(EOF_STRING));
        };
        self.i += 4;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16).ok_or_else(|| self.error(INVALID_ESCAPE))?;
        }
        Ok(n)
    }

    fn eat_digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    /// A number: whole numbers that fit stay exact (u64, or i64 below zero); any other becomes the
    /// nearest f64, which must be finite.
    fn number(&mut self) -> Result<Number, ParseError> {
        let start = self.i;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.i += 1;
        }
        match self.peek() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                self.i += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                self.eat_digits();
            }
            Some(_) => {
                self.i += 1;
                return Err(self.error(INVALID_NUMBER));
            }
        }
        let int_end = self.i;
        let mut whole = true;
        if self.peek() == Some(b'.') {
            whole = false;
            self.i += 1;
            if self.eat_digits() == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
        }
        let mantissa_end = self.i;
        if let Some(b'e' | b'E') = self.peek() {
            whole = false;
            self.i += 1;
            let positive_exp = match self.peek() {
                Some(b'-') => {
                    self.i += 1;
                    false
                }
                Some(b'+') => {
                    self.i += 1;
                    true
                }
                _ => true,
            };
            match self.peek() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b'0'..=b'9') => {}
                Some(_) => {
                    self.i += 1;
                    return Err(self.error(INVALID_NUMBER));
                }
            }
            // An exponent beyond i32 is out of range at its first digit too many (serde_json's
            // position), unless the number is 0 or tiny.
            let mut exp: i32 = 0;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.i += 1;
                match exp.checked_mul(10).and_then(|e| e.checked_add(i32::from(d - b'0'))) {
                    Some(e) => exp = e,
                    None => {
                        let zero = !self.s[start..mantissa_end].iter().any(|b| matches!(b, b'1'..=b'9'));
                        if positive_exp && !zero {
                            return Err(self.error(Msg::JsonNumberOutOfRange));
                        }
                        self.eat_digits();
                        break;
                    }
                }
            }
        }
        let digits = &self.s[start + usize::from(negative)..int_end];
        if whole {
            if let Some(n) = whole_number(digits) {
                return Ok(if !negative {
                    Number::Unsigned(n)
                } else if n == 0 || n > 1 << 63 {
                    // -0 and numbers below i64::MIN are floats, as they were in serde_json.
                    Number::Float(-(n as f64))
                } else {
                    Number::Negative((n as i64).wrapping_neg())
                });
            }
        }
        // The syntax is checked above; the nearest f64 is taken, as serde_json did.
        let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
        match crate::decimal::parse_f64(text) {
            Some(x) if x.is_finite() => Ok(Number::Float(x)),
            _ => Err(self.error(Msg::JsonNumberOutOfRange)),
        }
    }
}

/// Decimal digits as a u64, or None when they do not fit.
fn whole_number(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |n, &d| n.checked_mul(10)?.checked_add(u64::from(d - b'0')))
}

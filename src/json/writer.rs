//! JSON written straight into text, for the large documents the page asks for at every step (the
//! trace): no [`Value`](super::Value) tree is built first. Each entry is a call or two, where
//! building a tree took an allocation per number and a few hundred bytes of wasm per key.
//! Numbers are written as [`Value`](super::Value)'s writer writes them, NaN and infinities as the
//! strings "NaN", "Infinity" and "-Infinity" (as [`num`](super::num) gives them).
//!
//! A packed writer ([`Writer::packed`]) writes no numbers of lists and matrices into the text: it
//! keeps them, in order, in a list of f64 handed over with the text, and writes in their place
//! `{"$":at,"n":length}` for a list and `{"$":at,"r":rows,"c":columns}` for a matrix (row by row),
//! `at` being where they start in that list. The page reads the numbers straight out of the wasm
//! memory, bit for bit, instead of having them written as text and parsed again (www/trace.js).

use super::write::{write_f64, write_string, write_unsigned};
use ndarray::ArrayView2;

/// Compact JSON text under construction. Entries are separated by commas automatically; keys are
/// written in the order given.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// Whether the next entry of the current list or object needs a comma before it.
    comma: bool,
    /// The numbers of lists and matrices, for a packed writer.
    packed: Option<Vec<f64>>,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }

    /// A writer that keeps the numbers of lists and matrices apart (see the module's notes).
    pub fn packed() -> Self {
        Writer { packed: Some(Vec::new()), ..Writer::default() }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    /// The text written and, for a packed writer, the numbers kept apart.
    pub fn finish_packed(self) -> (String, Vec<f64>) {
        (self.out, self.packed.unwrap_or_default())
    }

    /// For a packed writer: keep `values` and write where they start, with the matrix's shape
    /// (rows, columns) or else the list's length; false for a plain writer, which wrote nothing.
    fn pack(&mut self, values: &mut dyn Iterator<Item = f64>, shape: Option<(usize, usize)>) -> bool {
        let Some(numbers) = self.packed.as_mut() else { return false };
        let at = numbers.len();
        numbers.extend(values);
        let n = numbers.len() - at;
        self.begin_object().key("$").whole(at);
        match shape {
            Some((rows, cols)) => self.key("r").whole(rows).key("c").whole(cols),
            None => self.key("n").whole(n),
        };
        self.end_object();
        true
    }

    fn before_value(&mut self) {
        if self.comma {
            self.out.push(',');
        }
        self.comma = true;
    }

    /// `{`; the entries follow as `key` + value pairs.
    pub fn begin_object(&mut self) -> &mut Self {
        self.before_value();
        self.out.push('{');
        self.comma = false;
        self
    }

    /// `}`.
    pub fn end_object(&mut self) -> &mut Self {
        self.out.push('}');
        self.comma = true;
        self
    }

    /// `[`.
    pub fn begin_array(&mut self) -> &mut Self {
        self.before_value();
        self.out.push('[');
        self.comma = false;
        self
    }

    /// `]`.
    pub fn end_array(&mut self) -> &mut Self {
        self.out.push(']');
        self.comma = true;
        self
    }

    /// The key of the next entry of an object.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.before_value();
        write_string(&mut self.out, key);
        self.out.push(':');
        self.comma = false;
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.before_value();
        self.out.push_str("null");
        self
    }

    pub fn boolean(&mut self, b: bool) -> &mut Self {
        self.before_value();
        self.out.push_str(if b { "true" } else { "false" });
        self
    }

    pub fn string(&mut self, s: &str) -> &mut Self {
        self.before_value();
        write_string(&mut self.out, s);
        self
    }

    /// A whole number.
    pub fn whole(&mut self, n: usize) -> &mut Self {
        self.unsigned(n as u64)
    }

    /// A whole number of 64 bits (a seed), whose digits `usize` would cut on wasm32.
    pub fn unsigned(&mut self, n: u64) -> &mut Self {
        self.before_value();
        write_unsigned(&mut self.out, n);
        self
    }

    /// A number; NaN and infinities as strings, which JSON's numbers cannot hold.
    pub fn number(&mut self, x: f64) -> &mut Self {
        self.before_value();
        if x.is_finite() {
            write_f64(&mut self.out, x);
        } else {
            write_string(
                &mut self.out,
                if x.is_nan() {
                    "NaN"
                } else if x > 0.0 {
                    "Infinity"
                } else {
                    "-Infinity"
                },
            );
        }
        self
    }

    /// A number, or null for none.
    pub fn optional_number(&mut self, x: Option<f64>) -> &mut Self {
        match x {
            Some(x) => self.number(x),
            None => self.null(),
        }
    }

    /// A list of numbers.
    pub fn numbers(&mut self, values: impl IntoIterator<Item = f64>) -> &mut Self {
        self.number_list(&mut values.into_iter())
    }

    /// [`numbers`](Self::numbers) through one body for every kind of iterator: the wasm would
    /// otherwise hold a copy of it for each.
    fn number_list(&mut self, values: &mut dyn Iterator<Item = f64>) -> &mut Self {
        if self.pack(&mut *values, None) {
            return self;
        }
        self.begin_array();
        for x in values {
            self.number(x);
        }
        self.end_array()
    }

    /// A matrix as a list of rows.
    pub fn matrix(&mut self, m: ArrayView2<f64>) -> &mut Self {
        if self.pack(&mut m.iter().copied(), Some((m.nrows(), m.ncols()))) {
            return self;
        }
        self.begin_array();
        for row in m.rows() {
            self.numbers(row.iter().copied());
        }
        self.end_array()
    }
}

#[cfg(test)]
mod tests {
    use super::Writer;
    use crate::json::{matrix_json, num, obj, parse, Value};
    use ndarray::array;

    #[test]
    fn writes_what_the_value_writer_writes_for_the_same_document() {
        let m = array![[1.0, -0.5], [f64::NAN, 1e-7]];
        let mut w = Writer::new();
        w.begin_object();
        w.key("a").whole(3).key("b").null().key("c").boolean(true).key("d").string("x\"y\n");
        w.key("m").matrix(m.view()).key("v").numbers([f64::INFINITY, 2.5]).key("o").optional_number(None);
        w.key("e").begin_array().end_array().key("f").begin_object().key("g").number(0.1).end_object();
        w.end_object();
        let text = w.finish();
        // Read back, it is the same document as this tree (whose objects keep their keys sorted).
        let tree = obj(vec![
            ("a", 3usize.into()),
            ("b", Value::Null),
            ("c", true.into()),
            ("d", "x\"y\n".into()),
            ("e", Value::Array(Vec::new())),
            ("f", obj(vec![("g", num(0.1))])),
            ("m", matrix_json(m.view())),
            ("o", Value::Null),
            ("v", Value::Array(vec![num(f64::INFINITY), num(2.5)])),
        ]);
        assert_eq!(parse(&text).unwrap(), tree);
        assert_eq!(
            text,
            r#"{"a":3,"b":null,"c":true,"d":"x\"y\n","m":[[1.0,-0.5],["NaN",1e-7]],"v":["Infinity",2.5],"o":null,"e":[],"f":{"g":0.1}}"#
        );
    }

    #[test]
    fn a_packed_writer_keeps_the_numbers_of_lists_and_matrices_apart_in_order() {
        let m = array![[1.0, -0.5, 2.0], [f64::NAN, 1e-7, 3.0]];
        let mut w = Writer::packed();
        w.begin_object();
        w.key("v").numbers([f64::INFINITY, 2.5]).key("x").number(0.25).key("m").matrix(m.view());
        // A transposed view is written in its logical order, row by row.
        w.key("t").matrix(m.t()).key("e").numbers([]).key("z").matrix(m.slice(ndarray::s![0..0, ..]));
        w.end_object();
        let (text, numbers) = w.finish_packed();
        assert_eq!(
            text,
            r#"{"v":{"$":0,"n":2},"x":0.25,"m":{"$":2,"r":2,"c":3},"t":{"$":8,"r":3,"c":2},"e":{"$":14,"n":0},"z":{"$":14,"r":0,"c":3}}"#
        );
        let expected = [f64::INFINITY, 2.5, 1.0, -0.5, 2.0, f64::NAN, 1e-7, 3.0, 1.0, f64::NAN, -0.5, 1e-7, 2.0, 3.0];
        assert_eq!(numbers.len(), expected.len());
        for (got, want) in numbers.iter().zip(expected) {
            assert!(got.to_bits() == want.to_bits(), "{got} != {want}");
        }
        // A plain writer hands over no numbers.
        assert_eq!(Writer::new().finish_packed().1, Vec::<f64>::new());
    }
}

//! The rectangle of the input plane that the boundary view shows, and the RGBA images drawn over it.

use super::colour::Rgb;
use crate::trainer::Trainer;
use ndarray::ArrayView2;

/// The margin around the data's bounding box, as a fraction of its width on each side.
pub const MARGIN: f64 = 0.1;

/// The rectangle of the input plane a field shows: x₁ from `x.0` to `x.1`, x₂ from `y.0` to `y.1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plane {
    pub x: (f64, f64),
    pub y: (f64, f64),
}

/// The range of some values widened by `MARGIN` on each side, so that no point sits on the edge.
///
/// Taken from the data rather than fixed, so raw data (say 0 to 500) and standardised data (about
/// −2 to 2) both fill the view. Equal values get a half-width of 1; no finite value gives −1 to 1.
pub fn span(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) =
        values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if lo > hi {
        return (-1.0, 1.0);
    }
    let pad = if hi - lo > 1e-12 * hi.abs().max(1.0) { MARGIN * (hi - lo) } else { 1.0 };
    super::bounded((lo - pad, hi + pad), false)
}

impl Plane {
    /// The bounding box of the first two columns of the given inputs, with the margin.
    pub fn around<'a>(sets: &[ArrayView2<'a, f64>]) -> Plane {
        let column =
            |j: usize| sets.iter().filter(move |x| x.ncols() > j).flat_map(move |x| x.column(j).into_iter().copied());
        Plane { x: span(column(0)), y: span(column(1)) }
    }

    /// The plane of a session's training and test inputs.
    pub fn of_trainer(t: &Trainer) -> Plane {
        let mut sets = vec![t.data.train.x.view()];
        if let Some(test) = &t.data.test {
            sets.push(test.x.view());
        }
        Plane::around(&sets)
    }

    /// The centre of pixel (col, row) of a width × height grid; row 0 is the top (largest x₂).
    pub fn point(&self, col: usize, row: usize, width: usize, height: usize) -> (f64, f64) {
        let fx = (col as f64 + 0.5) / width as f64;
        let fy = (row as f64 + 0.5) / height as f64;
        (self.x.0 + fx * (self.x.1 - self.x.0), self.y.1 - fy * (self.y.1 - self.y.0))
    }
}

/// An RGBA image, rows from the top, 4 bytes per pixel: what `putImageData` takes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Image {
    pub width: usize,
    pub height: usize,
    pub rgba: Vec<u8>,
}

impl Image {
    /// A black, transparent image of the given size.
    pub fn new(width: usize, height: usize) -> Image {
        Image { width, height, rgba: vec![0; width * height * 4] }
    }

    /// The colour of pixel (col, row).
    pub fn rgb(&self, col: usize, row: usize) -> Rgb {
        let i = (row * self.width + col) * 4;
        [self.rgba[i], self.rgba[i + 1], self.rgba[i + 2]]
    }
}

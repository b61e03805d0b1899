//! How the core's matrices lie in memory, apart from the math that reads them.
//!
//! W and ∂J/∂W are row-major (inputs × units), read as one slice. A batch's Z, A and δ are
//! unit-major: unit j's values over the batch are one contiguous run, so every loop of the math
//! runs along the batch (m long) instead of along a layer that is only 2 to 8 units wide. Those
//! long, branch-free runs have no set-up cost and vectorise (src/core/lanes.rs).

use ndarray::{Array1, Array2};

/// Where a layer's values lie in a unit-major buffer: unit j's m valid values start at
/// `j · stride` (the buffer holds batches of up to `stride` rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Runs {
    pub stride: usize,
    pub m: usize,
}

impl Runs {
    /// The first `count` units' runs of `buf`.
    pub fn of(self, buf: &[f64], count: usize) -> impl Iterator<Item = &[f64]> {
        buf.chunks(self.stride.max(1)).take(count).map(move |run| &run[..self.m])
    }

    /// The first `count` units' runs of `buf`, writable.
    pub fn of_mut(self, buf: &mut [f64], count: usize) -> impl Iterator<Item = &mut [f64]> {
        buf.chunks_mut(self.stride.max(1)).take(count).map(move |run| &mut run[..self.m])
    }
}

/// The values of a row-major matrix as one slice (W, ∂J/∂W are always row-major).
///
/// The same answer as `as_slice`, checked with two comparisons that inline: ndarray's general
/// test, out of line, cost a tenth of a small network's epoch, called a few dozen times a batch.
#[inline(always)]
pub(crate) fn slice(m: &Array2<f64>) -> &[f64] {
    if is_row_major(m.dim(), m.strides()) {
        // SAFETY: rows of `cols` values `cols` apart, each value next to the last: the r·c values
        // from the first element on are exactly the matrix's, inside its allocation.
        unsafe { std::slice::from_raw_parts(m.as_ptr(), m.len()) }
    } else {
        m.as_slice().expect("standard layout")
    }
}

/// `slice`, writable.
#[inline(always)]
pub(crate) fn slice_mut(m: &mut Array2<f64>) -> &mut [f64] {
    if is_row_major(m.dim(), m.strides()) {
        // SAFETY: as in `slice`, and `m` is borrowed mutably for the slice's life.
        unsafe { std::slice::from_raw_parts_mut(m.as_mut_ptr(), m.len()) }
    } else {
        m.as_slice_mut().expect("standard layout")
    }
}

/// The values of a vector (b, ∂J/∂b) as one slice, as `slice` does for matrices.
#[inline(always)]
pub(crate) fn vector(v: &Array1<f64>) -> &[f64] {
    if v.strides()[0] == 1 || v.len() <= 1 {
        // SAFETY: consecutive values from the first element on.
        unsafe { std::slice::from_raw_parts(v.as_ptr(), v.len()) }
    } else {
        v.as_slice().expect("standard layout")
    }
}

/// `vector`, writable.
#[inline(always)]
pub(crate) fn vector_mut(v: &mut Array1<f64>) -> &mut [f64] {
    if v.strides()[0] == 1 || v.len() <= 1 {
        // SAFETY: as in `vector`, and `v` is borrowed mutably for the slice's life.
        unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr(), v.len()) }
    } else {
        v.as_slice_mut().expect("standard layout")
    }
}

/// Whether a matrix of this shape and strides is contiguous and row-major (strides of axes of
/// length 1 do not matter).
#[inline(always)]
pub(crate) fn is_row_major((rows, cols): (usize, usize), strides: &[isize]) -> bool {
    (cols <= 1 || strides[1] == 1) && (rows <= 1 || strides[0] == cols as isize)
}

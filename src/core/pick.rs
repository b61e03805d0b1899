//! Rows or columns of a matrix picked by index, in the order given (a row or column may be picked
//! more than once). ndarray's `select` does this for any element type and dimension; its code
//! for f64 matrices alone was 4.5 KB of the wasm, these few lines are a tenth of that.

use ndarray::{Array2, ArrayView2};

/// The rows `indices` of `m`. Panics if an index is out of range, as indexing does.
pub fn rows(m: ArrayView2<f64>, indices: &[usize]) -> Array2<f64> {
    Array2::from_shape_fn((indices.len(), m.ncols()), |(r, c)| m[(indices[r], c)])
}

/// The columns `indices` of `m`. Panics if an index is out of range, as indexing does.
pub fn columns(m: ArrayView2<f64>, indices: &[usize]) -> Array2<f64> {
    Array2::from_shape_fn((m.nrows(), indices.len()), |(r, c)| m[(r, indices[c])])
}

#[cfg(test)]
mod tests {
    use super::{columns, rows};
    use ndarray::{array, Axis};

    #[test]
    fn picks_agree_with_ndarray_select() {
        let m = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0]];
        for indices in [&[2, 0][..], &[3, 3, 1], &[], &[0, 1, 2, 3]] {
            assert_eq!(rows(m.view(), indices), m.select(Axis(0), indices));
        }
        for indices in [&[2, 0][..], &[1, 1], &[]] {
            assert_eq!(columns(m.view(), indices), m.select(Axis(1), indices));
        }
        assert_eq!(rows(m.view(), &[1]), array![[4.0, 5.0, 6.0]]);
        assert_eq!(columns(m.view(), &[2]), array![[3.0], [6.0], [9.0], [12.0]]);
    }
}

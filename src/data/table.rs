//! A table of data before it is prepared for training: named columns of numbers, from a CSV
//! file or a generator.

use ndarray::Array2;

/// How a CSV file was read: the separator and whether its first line names the columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvFormat {
    /// `,`, `;` or a tab.
    pub delimiter: u8,
    pub header: bool,
}

/// Named columns of equal length.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column names: the header, or `column 1`, `column 2`, … without one.
    pub columns: Vec<String>,
    /// One row per data row, rows × columns. A text column holds the index of each cell's
    /// value in its `text` list.
    pub rows: Array2<f64>,
    /// Per column, the distinct values of a text column in sorted order; None for a number column.
    /// Only the target may be text (class names such as `setosa`).
    pub text: Vec<Option<Vec<String>>>,
    /// The file line (1-based, the header counted) on which each row starts, for error messages.
    pub lines: Vec<usize>,
    /// How the file was read; None for a generated table.
    pub format: Option<CsvFormat>,
}

impl Table {
    /// A table of numbers (a generated set): inputs `x1`, `x2`, … and the target `y`.
    /// Lines are numbered as in a CSV file with a header, so that messages read the same.
    pub fn from_xy(x: &Array2<f64>, y: &Array2<f64>) -> Table {
        let (n, d) = x.dim();
        // Not `assign` into slices: ndarray's shape check there formats the shapes with Debug.
        let rows = Array2::from_shape_fn((n, d + y.ncols()), |(i, j)| if j < d { x[(i, j)] } else { y[(i, j - d)] });
        let mut columns: Vec<String> = (1..=d).map(|j| format!("x{j}")).collect();
        columns.extend((1..=y.ncols()).map(|j| if y.ncols() == 1 { "y".to_string() } else { format!("y{j}") }));
        let width = columns.len();
        Table { columns, rows, text: vec![None; width], lines: (2..n + 2).collect(), format: None }
    }

    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.rows.nrows()
    }

    /// Whether there are no data rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The 1-based line of row i (1 when there is no such row).
    pub fn line(&self, i: usize) -> usize {
        self.lines.get(i).copied().unwrap_or(1)
    }
}

/// The distinct values in ascending order, or Err(i) when value i is the first beyond `cap`
/// distinct ones. (Inserting into a short sorted list stays fast for the few classes a target
/// may have, and keeps sorting code for these types out of the wasm binary.)
pub fn distinct_sorted<T: PartialOrd + Copy>(values: impl IntoIterator<Item = T>, cap: usize) -> Result<Vec<T>, usize> {
    let mut distinct: Vec<T> = Vec::new();
    for (i, v) in values.into_iter().enumerate() {
        let at = distinct.partition_point(|d| *d < v);
        if distinct.get(at) != Some(&v) {
            if distinct.len() == cap {
                return Err(i);
            }
            distinct.insert(at, v);
        }
    }
    Ok(distinct)
}

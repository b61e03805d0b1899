//! Standardisation of inputs: z = (x − mean) / std per column, with mean and std fitted on the
//! training rows only, so that nothing about the test rows leaks into training.

use ndarray::{Array1, Array2, ArrayView2, Axis};

/// Summary of one column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnStats {
    pub mean: f64,
    /// Population standard deviation √(Σ(x − mean)² / n), as scikit-learn's StandardScaler uses.
    pub std: f64,
    pub min: f64,
    pub max: f64,
}

/// Mean, standard deviation, minimum and maximum of every column (zeros for no rows).
pub fn describe(x: ArrayView2<f64>) -> Vec<ColumnStats> {
    let n = x.nrows();
    x.axis_iter(Axis(1))
        .map(|col| {
            if n == 0 {
                return ColumnStats { mean: 0.0, std: 0.0, min: 0.0, max: 0.0 };
            }
            let min = col.iter().copied().fold(f64::INFINITY, f64::min);
            let max = col.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if min == max {
                // Exactly constant: a summed mean could differ from the value by rounding and
                // leave a spurious spread of 1e-17 that division would blow up.
                return ColumnStats { mean: min, std: 0.0, min, max };
            }
            let mean = col.sum() / n as f64;
            let var = col.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n as f64;
            ColumnStats { mean, std: var.sqrt(), min, max }
        })
        .collect()
}

/// The per-column shift and scale fitted on the training inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Standardizer {
    /// Column means of the training inputs.
    pub mean: Array1<f64>,
    /// Column standard deviations of the training inputs; 0 for a constant column.
    pub std: Array1<f64>,
}

impl Standardizer {
    /// Fits mean and std on `x_train` (rows × inputs).
    pub fn fit(x_train: ArrayView2<f64>) -> Self {
        let stats = describe(x_train);
        Standardizer { mean: stats.iter().map(|s| s.mean).collect(), std: stats.iter().map(|s| s.std).collect() }
    }

    /// The divisor of a column: its std, or 1 for a constant column, which is then only centred.
    fn scale(&self, j: usize) -> f64 {
        if self.std[j] > 0.0 {
            self.std[j]
        } else {
            1.0
        }
    }

    /// z = (x − mean) / std, column by column.
    pub fn transform(&self, x: ArrayView2<f64>) -> Array2<f64> {
        let mut z = x.to_owned();
        for (j, mut col) in z.axis_iter_mut(Axis(1)).enumerate() {
            let (mean, scale) = (self.mean[j], self.scale(j));
            col.mapv_inplace(|v| (v - mean) / scale);
        }
        z
    }

    /// x = z · std + mean: a standardised point back in the units of the file.
    pub fn inverse(&self, z: ArrayView2<f64>) -> Array2<f64> {
        let mut x = z.to_owned();
        for (j, mut col) in x.axis_iter_mut(Axis(1)).enumerate() {
            let (mean, scale) = (self.mean[j], self.scale(j));
            col.mapv_inplace(|v| v * scale + mean);
        }
        x
    }
}

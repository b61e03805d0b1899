//! The numbers of one batch, phase by phase: X, Y and per layer Z, A, δ, ∂J/∂W, ∂J/∂b.
//!
//! Buffers are allocated once for the largest batch and reused; a short last batch uses their
//! first m rows. Which values are valid is told by `done`, the count of phases performed.

use crate::dense;
use crate::loss::Loss;
use crate::network::Network;
use ndarray::{s, Array1, Array2, ArrayView2};

/// One layer's values for the current batch.
#[derive(Debug, Clone)]
pub struct LayerValues {
    /// Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾, capacity × units.
    pub z: Array2<f64>,
    /// A⁽ˡ⁾ = f(Z⁽ˡ⁾), capacity × units.
    pub a: Array2<f64>,
    /// δ⁽ˡ⁾ = ∂J/∂Z⁽ˡ⁾, capacity × units.
    pub delta: Array2<f64>,
    /// ∂J/∂W⁽ˡ⁾ = A⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾ (+ λ W⁽ˡ⁾ with L2), inputs × units.
    pub dw: Array2<f64>,
    /// ∂J/∂b⁽ˡ⁾ = column sums of δ⁽ˡ⁾, units.
    pub db: Array1<f64>,
}

/// What a phase of the training loop computes, in the article's flowchart order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Forward(l): Z⁽ˡ⁾ and A⁽ˡ⁾ (l is 1-based).
    Forward(usize),
    /// Loss: J of the batch.
    Loss,
    /// Backward(l): δ⁽ˡ⁾, ∂J/∂W⁽ˡ⁾, ∂J/∂b⁽ˡ⁾ (l is 1-based, from L down to 1).
    Backward(usize),
    /// Update: W ← W − α ∂J/∂W, b ← b − α ∂J/∂b.
    Update,
}

impl Step {
    /// The k-th phase (0-based) of a batch in a network of `depth` layers: 2·depth + 2 in all.
    pub fn at(k: usize, depth: usize) -> Step {
        if k < depth {
            Step::Forward(k + 1)
        } else if k == depth {
            Step::Loss
        } else if k <= 2 * depth {
            Step::Backward(2 * depth + 1 - k)
        } else {
            Step::Update
        }
    }

    /// The phase of a network of `depth` layers with this name, e.g. `Backward(2)`.
    pub fn parse(name: &str, depth: usize) -> Option<Step> {
        (0..phases_per_batch(depth)).map(|k| Step::at(k, depth)).find(|s| s.name() == name)
    }

    /// The name shown on the page and accepted in session files, e.g. `Forward(2)`.
    pub fn name(self) -> String {
        match self {
            Step::Forward(l) => format!("Forward({l})"),
            Step::Loss => "Loss".into(),
            Step::Backward(l) => format!("Backward({l})"),
            Step::Update => "Update".into(),
        }
    }
}

/// Phases in one batch for a network of `depth` layers.
pub fn phases_per_batch(depth: usize) -> usize {
    2 * depth + 2
}

/// The values of the batch being traced.
#[derive(Debug, Clone)]
pub struct Trace {
    /// Training-set row indices of the batch, in batch order.
    pub rows: Vec<usize>,
    /// X, capacity × inputs (first m rows valid).
    pub x: Array2<f64>,
    /// Y, capacity × outputs.
    pub y: Array2<f64>,
    /// Per layer values.
    pub layers: Vec<LayerValues>,
    /// J of the batch (mean over its rows, plus the L2 penalty), once `Loss` has run.
    pub loss: f64,
    /// Phases performed in this batch (0 to 2L + 2).
    pub done: usize,
}

impl Trace {
    /// Empty buffers for batches of up to `capacity` rows of `net`.
    pub fn new(net: &Network, capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Trace {
            rows: Vec::with_capacity(capacity),
            x: Array2::zeros((capacity, net.inputs())),
            y: Array2::zeros((capacity, net.outputs())),
            layers: net
                .layers
                .iter()
                .map(|l| LayerValues {
                    z: Array2::zeros((capacity, l.units())),
                    a: Array2::zeros((capacity, l.units())),
                    delta: Array2::zeros((capacity, l.units())),
                    dw: Array2::zeros((l.inputs(), l.units())),
                    db: Array1::zeros(l.units()),
                })
                .collect(),
            loss: f64::NAN,
            done: 0,
        }
    }

    /// Rows in the current batch.
    pub fn m(&self) -> usize {
        self.rows.len()
    }

    /// Largest batch the buffers hold.
    pub fn capacity(&self) -> usize {
        self.x.nrows()
    }

    /// Starts a batch: gathers the given rows of (x, y) into X and Y.
    pub fn load(&mut self, rows: &[usize], x: ArrayView2<f64>, y: ArrayView2<f64>) {
        debug_assert!(rows.len() <= self.capacity());
        self.rows.clear();
        self.rows.extend_from_slice(rows);
        gather(x, rows, &mut self.x);
        gather(y, rows, &mut self.y);
        self.loss = f64::NAN;
        self.done = 0;
    }

    /// X of the batch, m × inputs.
    pub fn x(&self) -> ArrayView2<'_, f64> {
        self.x.slice(s![..self.m(), ..])
    }

    /// Y of the batch, m × outputs.
    pub fn y(&self) -> ArrayView2<'_, f64> {
        self.y.slice(s![..self.m(), ..])
    }

    /// Z⁽ˡ⁺¹⁾ of the batch (l is 0-based).
    pub fn z(&self, l: usize) -> ArrayView2<'_, f64> {
        self.layers[l].z.slice(s![..self.m(), ..])
    }

    /// A⁽ˡ⁺¹⁾ of the batch (l is 0-based).
    pub fn a(&self, l: usize) -> ArrayView2<'_, f64> {
        self.layers[l].a.slice(s![..self.m(), ..])
    }

    /// δ⁽ˡ⁺¹⁾ of the batch (l is 0-based).
    pub fn delta(&self, l: usize) -> ArrayView2<'_, f64> {
        self.layers[l].delta.slice(s![..self.m(), ..])
    }

    /// ŷ, the output layer's A.
    pub fn y_hat(&self) -> ArrayView2<'_, f64> {
        self.a(self.layers.len() - 1)
    }

    /// Forward(l + 1): Z = A_prev W + b, A = f(Z).
    pub fn forward(&mut self, net: &Network, l: usize) {
        let m = self.m();
        let layer = &net.layers[l];
        let (n, u) = (layer.inputs(), layer.units());
        let (before, rest) = self.layers.split_at_mut(l);
        let values = &mut rest[0];
        let a_prev = if l == 0 { self.x.as_slice() } else { before[l - 1].a.as_slice() };
        dense::affine(
            a_prev.expect("standard layout"),
            layer.w.as_slice().expect("standard layout"),
            layer.b.as_slice().expect("standard layout"),
            values.z.as_slice_mut().expect("standard layout"),
            m,
            n,
            u,
        );
        layer.activation.apply(values.z.slice(s![..m, ..]), values.a.slice_mut(s![..m, ..]));
    }

    /// Loss: J = (1/m) Σ per-sample loss + (λ/2) Σ ‖W‖².
    pub fn compute_loss(&mut self, net: &Network, loss: Loss, l2: f64) -> f64 {
        let last = self.layers.len() - 1;
        let m = self.m() as f64;
        let data = loss.sum(self.z(last), self.a(last), self.y()) / m;
        self.loss = if l2 > 0.0 { data + 0.5 * l2 * net.weight_norm2() } else { data };
        self.loss
    }

    /// Each row's own loss (before the mean over the batch and without the L2 penalty).
    pub fn sample_losses(&self, loss: Loss) -> Vec<f64> {
        let last = self.layers.len() - 1;
        (0..self.m())
            .map(|i| {
                let row = s![i..i + 1, ..];
                loss.sum(self.z(last).slice(row), self.a(last).slice(row), self.y().slice(row))
            })
            .collect()
    }

    /// ∂J/∂A⁽ˡ⁺¹⁾ of a hidden layer (l is 0-based): δ of the layer above times its Wᵀ. Valid once
    /// `Backward` of the layer above has run; `net` holds the weights the batch started with.
    pub fn error_at_output_of(&self, net: &Network, l: usize) -> Array2<f64> {
        let m = self.m();
        let above = &net.layers[l + 1];
        let mut g = Array2::zeros((m, net.layers[l].units()));
        dense::back_through(
            self.layers[l + 1].delta.as_slice().expect("standard layout"),
            above.w.as_slice().expect("standard layout"),
            g.as_slice_mut().expect("standard layout"),
            m,
            net.layers[l].units(),
            above.units(),
        );
        g
    }

    /// Backward(l + 1): δ, then ∂J/∂W = A_prevᵀ δ + λW and ∂J/∂b = Σ rows of δ.
    ///
    /// δ of the output layer comes from the loss; δ of a hidden layer from the one above:
    /// δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ f'(Z⁽ˡ⁾).
    pub fn backward(&mut self, net: &Network, loss: Loss, l2: f64, l: usize) {
        let m = self.m();
        let last = self.layers.len() - 1;
        let layer = &net.layers[l];
        let (n, u) = (layer.inputs(), layer.units());
        let (before, rest) = self.layers.split_at_mut(l + 1);
        let values = &mut before[l];
        if l == last {
            loss.delta(
                layer.activation,
                values.z.slice(s![..m, ..]),
                values.a.slice(s![..m, ..]),
                self.y.slice(s![..m, ..]),
                values.delta.slice_mut(s![..m, ..]),
            );
        } else {
            let above = &rest[0];
            let next = &net.layers[l + 1];
            dense::back_through(
                above.delta.as_slice().expect("standard layout"),
                next.w.as_slice().expect("standard layout"),
                values.delta.as_slice_mut().expect("standard layout"),
                m,
                u,
                next.units(),
            );
            layer.activation.backprop(
                values.z.slice(s![..m, ..]),
                values.a.slice(s![..m, ..]),
                values.delta.slice_mut(s![..m, ..]),
            );
        }
        let (below, current) = before.split_at_mut(l);
        let values = &mut current[0];
        let a_prev = if l == 0 { self.x.as_slice() } else { below[l - 1].a.as_slice() };
        dense::gradients(
            a_prev.expect("standard layout"),
            values.delta.as_slice().expect("standard layout"),
            values.dw.as_slice_mut().expect("standard layout"),
            values.db.as_slice_mut().expect("standard layout"),
            m,
            n,
            u,
        );
        if l2 > 0.0 {
            values.dw.scaled_add(l2, &layer.w);
        }
    }

    /// Runs phase k of the batch (forward, loss or backward) on `net`; `Update` is the trainer's.
    pub fn compute(&mut self, net: &Network, loss: Loss, l2: f64, k: usize) {
        match Step::at(k, net.depth()) {
            Step::Forward(l) => self.forward(net, l - 1),
            Step::Loss => {
                self.compute_loss(net, loss, l2);
            }
            Step::Backward(l) => self.backward(net, loss, l2, l - 1),
            Step::Update => {}
        }
    }
}

/// W ← W − α ∂J/∂W and b ← b − α ∂J/∂b for every layer.
pub fn apply_update(net: &mut Network, trace: &Trace, lr: f64) {
    for (layer, values) in net.layers.iter_mut().zip(&trace.layers) {
        layer.w.scaled_add(-lr, &values.dw);
        layer.b.scaled_add(-lr, &values.db);
    }
}

/// Copies the given rows of `from` into the first rows of `to`, as whole-row slice copies
/// (a per-row ndarray assign costs more than the copy itself for rows this short).
fn gather(from: ArrayView2<f64>, rows: &[usize], to: &mut Array2<f64>) {
    let width = from.ncols();
    let dst = to.as_slice_mut().expect("standard layout");
    let consecutive = rows.windows(2).all(|w| w[1] == w[0] + 1);
    match from.as_slice() {
        // Evaluation walks the set in order: one block copy instead of a copy per row.
        Some(src) if consecutive && !rows.is_empty() => {
            let (first, n) = (rows[0], rows.len());
            dst[..n * width].copy_from_slice(&src[first * width..(first + n) * width]);
        }
        Some(src) => {
            for (i, &r) in rows.iter().enumerate() {
                dst[i * width..(i + 1) * width].copy_from_slice(&src[r * width..(r + 1) * width]);
            }
        }
        None => {
            for (i, &r) in rows.iter().enumerate() {
                for (d, s) in dst[i * width..(i + 1) * width].iter_mut().zip(from.row(r)) {
                    *d = *s;
                }
            }
        }
    }
}

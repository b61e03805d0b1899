//! The numbers of one batch, phase by phase: X, Y and per layer Z, A, δ, ∂J/∂W, ∂J/∂b.
//!
//! Buffers are allocated once for the largest batch and reused; a short last batch uses their
//! first m rows. Which values are valid is told by `done`, the count of phases performed.
//!
//! The buffers are unit-major (see `layout`): column i of X, Z, A, δ is sample i. The accessors
//! give the notation's m × units views of them.
//!
//! Each phase below only chooses the buffers; the formulas are in the files named after them
//! (the table at the top of lib.rs). `forward_pass` is the one forward pass of the core: training
//! runs it a layer per phase, and the epoch's evaluation, `Network::predict` and the gradient
//! check run it whole.

use crate::affine;
use crate::delta::hidden_delta;
use crate::l2;
use crate::layout::{is_row_major, slice, slice_mut, vector, vector_mut, Runs};
use crate::loss::{correct_count, Loss};
use crate::network::Network;
use ndarray::{s, Array1, Array2, ArrayView2};

/// One layer's values for the current batch.
#[derive(Debug, Clone)]
pub struct LayerValues {
    /// Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾, stored transposed: units × stride.
    z: Vec<f64>,
    /// A⁽ˡ⁾ = f(Z⁽ˡ⁾), units × stride.
    a: Vec<f64>,
    /// δ⁽ˡ⁾ = ∂J/∂Z⁽ˡ⁾, units × stride.
    delta: Vec<f64>,
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
    /// X, stored transposed: inputs × stride (first m columns valid).
    x: Vec<f64>,
    /// Y, outputs × stride.
    y: Vec<f64>,
    /// Largest batch the buffers hold.
    capacity: usize,
    /// Values from one unit's run to the next: `capacity`, padded (see `stride_for`).
    stride: usize,
    /// Per layer values.
    pub layers: Vec<LayerValues>,
    /// J of the batch (mean over its rows, plus the L2 penalty), once `Loss` has run.
    pub loss: f64,
    /// The data part of J: the mean over the batch's rows of their own losses.
    pub loss_data: f64,
    /// Σ over layers of ‖W⁽ˡ⁾‖² when `Loss` ran; J = loss_data + ½ λ w_norm2.
    pub w_norm2: f64,
    /// α of this batch's `Update`, once it has run (the page shows the α an update used, even
    /// after α is changed for the next one).
    pub lr: f64,
    /// Phases performed in this batch (0 to 2L + 2).
    pub done: usize,
}

impl Trace {
    /// Empty buffers for batches of up to `capacity` rows of `net`.
    pub fn new(net: &Network, capacity: usize) -> Self {
        let capacity = capacity.max(1);
        let stride = stride_for(capacity);
        Trace {
            rows: Vec::with_capacity(capacity),
            x: vec![0.0; net.inputs() * stride],
            y: vec![0.0; net.outputs() * stride],
            capacity,
            stride,
            layers: net
                .layers
                .iter()
                .map(|l| LayerValues {
                    z: vec![0.0; l.units() * stride],
                    a: vec![0.0; l.units() * stride],
                    delta: vec![0.0; l.units() * stride],
                    dw: Array2::zeros((l.inputs(), l.units())),
                    db: Array1::zeros(l.units()),
                })
                .collect(),
            loss: f64::NAN,
            loss_data: f64::NAN,
            w_norm2: f64::NAN,
            lr: f64::NAN,
            done: 0,
        }
    }

    /// Rows in the current batch.
    pub fn m(&self) -> usize {
        self.rows.len()
    }

    /// Largest batch the buffers hold.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Where the batch lies in the unit-major buffers.
    fn runs(&self) -> Runs {
        Runs { stride: self.stride, m: self.m() }
    }

    /// Starts a batch: gathers the given rows of (x, y) into X and Y.
    pub fn load(&mut self, rows: &[usize], x: ArrayView2<f64>, y: ArrayView2<f64>) {
        debug_assert!(rows.len() <= self.capacity());
        self.rows.clear();
        self.rows.extend_from_slice(rows);
        gather(x, rows, &mut self.x, self.stride);
        gather(y, rows, &mut self.y, self.stride);
        self.loss = f64::NAN;
        self.loss_data = f64::NAN;
        self.w_norm2 = f64::NAN;
        self.lr = f64::NAN;
        self.done = 0;
    }

    /// X of the batch, m × inputs.
    pub fn x(&self) -> ArrayView2<'_, f64> {
        batch_view(&self.x, self.stride, self.m())
    }

    /// Y of the batch, m × outputs.
    pub fn y(&self) -> ArrayView2<'_, f64> {
        batch_view(&self.y, self.stride, self.m())
    }

    /// Z⁽ˡ⁺¹⁾ of the batch (l is 0-based), m × units.
    pub fn z(&self, l: usize) -> ArrayView2<'_, f64> {
        batch_view(&self.layers[l].z, self.stride, self.m())
    }

    /// A⁽ˡ⁺¹⁾ of the batch (l is 0-based).
    pub fn a(&self, l: usize) -> ArrayView2<'_, f64> {
        batch_view(&self.layers[l].a, self.stride, self.m())
    }

    /// δ⁽ˡ⁺¹⁾ of the batch (l is 0-based).
    pub fn delta(&self, l: usize) -> ArrayView2<'_, f64> {
        batch_view(&self.layers[l].delta, self.stride, self.m())
    }

    /// ŷ, the output layer's A.
    pub fn y_hat(&self) -> ArrayView2<'_, f64> {
        self.a(self.layers.len() - 1)
    }

    /// Forward(l + 1): Z⁽ˡ⁺¹⁾ = A⁽ˡ⁾ W⁽ˡ⁺¹⁾ + b⁽ˡ⁺¹⁾ (`affine::affine`), A⁽ˡ⁺¹⁾ = f(Z⁽ˡ⁺¹⁾)
    /// (`Activation::apply`).
    pub fn forward(&mut self, net: &Network, l: usize) {
        let runs = self.runs();
        let layer = &net.layers[l];
        let (n, u) = (layer.inputs(), layer.units());
        let (before, rest) = self.layers.split_at_mut(l);
        let values = &mut rest[0];
        let a_prev = if l == 0 { &self.x } else { &before[l - 1].a };
        let z = &mut values.z;
        affine::affine(a_prev, slice(&layer.w), vector(&layer.b), z, runs, n, u);
        layer.activation.apply(&values.z, &mut values.a, runs, u);
    }

    /// The forward pass through every layer, X to ŷ, on the loaded rows.
    pub fn forward_pass(&mut self, net: &Network) {
        for l in 0..net.depth() {
            self.forward(net, l);
        }
    }

    /// The sum over the batch of the loss of each sample.
    fn loss_sum(&self, loss: Loss) -> f64 {
        let out = &self.layers[self.layers.len() - 1];
        loss.sum(&out.z, &out.a, &self.y, self.runs(), self.y.len() / self.stride)
    }

    /// Loss: J = (1/m) Σ per-sample loss (`loss`), + ½ λ Σ ‖W‖² with L2 (`l2::penalised`).
    pub fn compute_loss(&mut self, net: &Network, loss: Loss, l2: f64) -> f64 {
        self.loss_data = self.loss_sum(loss) / self.m() as f64;
        (self.loss, self.w_norm2) = l2::penalised(self.loss_data, net, l2);
        self.loss
    }

    /// The sum of the per-sample losses and the number of correctly classified samples.
    pub fn score(&self, loss: Loss) -> (f64, usize) {
        let out = &self.layers[self.layers.len() - 1];
        let correct = if loss.is_classification() {
            correct_count(&out.a, &self.y, self.runs(), self.y.len() / self.stride)
        } else {
            0
        };
        (self.loss_sum(loss), correct)
    }

    /// Each row's own loss (before the mean over the batch and without the L2 penalty).
    pub fn sample_losses(&self, loss: Loss) -> Vec<f64> {
        let out = &self.layers[self.layers.len() - 1];
        let stride = self.stride;
        // Sample i alone is a batch of one whose runs start at column i.
        let one = Runs { stride, m: 1 };
        (0..self.m())
            .map(|i| loss.sum(&out.z[i..], &out.a[i..], &self.y[i..], one, self.y.len() / self.stride))
            .collect()
    }

    /// ∂J/∂A⁽ˡ⁺¹⁾ of a hidden layer (l is 0-based): δ of the layer above times its Wᵀ. Valid once
    /// `Backward` of the layer above has run; `net` holds the weights the batch started with.
    pub fn error_at_output_of(&self, net: &Network, l: usize) -> Array2<f64> {
        let above = &net.layers[l + 1];
        let u = net.layers[l].units();
        let mut g = vec![0.0; u * self.stride];
        let runs = self.runs();
        affine::input_gradient(&self.layers[l + 1].delta, slice(&above.w), &mut g, runs, u, above.units());
        batch_view(&g, self.stride, self.m()).to_owned()
    }

    /// Backward(l + 1): δ, then ∂J/∂W = A_prevᵀ δ + λW and ∂J/∂b = Σ rows of δ.
    ///
    /// δ of the output layer comes from the loss (`Loss::delta`); δ of a hidden layer from the one
    /// above (`delta::hidden_delta`). The gradients: `affine::gradients`, `l2::add_gradient`.
    pub fn backward(&mut self, net: &Network, loss: Loss, l2: f64, l: usize) {
        let runs = self.runs();
        let last = self.layers.len() - 1;
        let layer = &net.layers[l];
        let (n, u) = (layer.inputs(), layer.units());
        let (before, rest) = self.layers.split_at_mut(l + 1);
        let values = &mut before[l];
        let (z, a, delta) = (&values.z, &values.a, &mut values.delta);
        if l == last {
            loss.delta(layer.activation, z, a, &self.y, delta, runs, u);
        } else {
            let above = &net.layers[l + 1];
            hidden_delta(&rest[0].delta, slice(&above.w), layer.activation, z, a, delta, runs, (u, above.units()));
        }
        let (below, current) = before.split_at_mut(l);
        let values = &mut current[0];
        let a_prev = if l == 0 { &self.x } else { &below[l - 1].a };
        let (dw, db) = (slice_mut(&mut values.dw), vector_mut(&mut values.db));
        affine::gradients(a_prev, &values.delta, dw, db, runs, n, u);
        l2::add_gradient(dw, slice(&layer.w), l2);
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

/// The distance between two units' runs in buffers that hold `capacity` rows. From 128 rows on,
/// the capacity rounded up to an odd number of 64-byte cache lines: with a run a multiple of 4 KB
/// long (512 or 1,024 rows), the runs of every input of a sample fall in the same set of the
/// L1 cache and evict each other, and the digits' epoch (evaluated in chunks of 1,024 rows) took
/// 1.5 times as long (8.1 ms against 5.4 ms in benches/train-wasm.mjs).
fn stride_for(capacity: usize) -> usize {
    const LINE: usize = 8;
    if capacity < 128 {
        capacity
    } else {
        (capacity.div_ceil(LINE) | 1) * LINE
    }
}

/// The first m samples of a unit-major buffer, as the notation's m × units view.
fn batch_view(buf: &[f64], stride: usize, m: usize) -> ArrayView2<'_, f64> {
    let units = buf.len() / stride.max(1);
    // Not `expect`, which would format ndarray's ShapeError with Debug.
    let Ok(all) = ArrayView2::from_shape((units, stride), buf) else { panic!("units × stride values") };
    all.slice_move(s![.., ..m]).reversed_axes()
}

/// Copies the given rows of `from` (row-major, one sample per row) into the first columns of
/// the unit-major `to`.
fn gather(from: ArrayView2<f64>, rows: &[usize], dst: &mut [f64], stride: usize) {
    let width = from.ncols();
    let row_major = is_row_major(from.dim(), from.strides()).then(|| {
        // SAFETY: as in `slice`: the view's values are consecutive from its first element.
        unsafe { std::slice::from_raw_parts(from.as_ptr(), from.len()) }
    });
    match row_major {
        Some(src) => {
            for (i, &r) in rows.iter().enumerate() {
                for (k, &v) in src[r * width..(r + 1) * width].iter().enumerate() {
                    dst[k * stride + i] = v;
                }
            }
        }
        None => {
            for (i, &r) in rows.iter().enumerate() {
                for (k, &v) in from.row(r).iter().enumerate() {
                    dst[k * stride + i] = v;
                }
            }
        }
    }
}

//! The numbers of one batch, phase by phase: X, Y and per layer Z, A, δ, ∂J/∂W, ∂J/∂b.
//!
//! Buffers are allocated once for the largest batch and reused; a short last batch uses their
//! first m rows. Which values are valid is told by `done`, the count of phases performed.
//!
//! The buffers are unit-major (see `dense`): column i of X, Z, A, δ is sample i. The accessors
//! give the notation's m × units views of them.

use crate::dense;
use crate::dense::Runs;
use crate::loss::{correct_count, Loss};
use crate::network::Network;
use ndarray::{s, Array1, Array2, ArrayView2};

/// One layer's values for the current batch.
#[derive(Debug, Clone)]
pub struct LayerValues {
    /// Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾, stored transposed: units × capacity.
    z: Vec<f64>,
    /// A⁽ˡ⁾ = f(Z⁽ˡ⁾), units × capacity.
    a: Vec<f64>,
    /// δ⁽ˡ⁾ = ∂J/∂Z⁽ˡ⁾, units × capacity.
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
    /// X, stored transposed: inputs × capacity (first m columns valid).
    x: Vec<f64>,
    /// Y, outputs × capacity.
    y: Vec<f64>,
    /// Largest batch the buffers hold.
    capacity: usize,
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
        Trace {
            rows: Vec::with_capacity(capacity),
            x: vec![0.0; net.inputs() * capacity],
            y: vec![0.0; net.outputs() * capacity],
            capacity,
            layers: net
                .layers
                .iter()
                .map(|l| LayerValues {
                    z: vec![0.0; l.units() * capacity],
                    a: vec![0.0; l.units() * capacity],
                    delta: vec![0.0; l.units() * capacity],
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
        Runs { stride: self.capacity(), m: self.m() }
    }

    /// Starts a batch: gathers the given rows of (x, y) into X and Y.
    pub fn load(&mut self, rows: &[usize], x: ArrayView2<f64>, y: ArrayView2<f64>) {
        debug_assert!(rows.len() <= self.capacity());
        self.rows.clear();
        self.rows.extend_from_slice(rows);
        gather(x, rows, &mut self.x, self.capacity);
        gather(y, rows, &mut self.y, self.capacity);
        self.loss = f64::NAN;
        self.loss_data = f64::NAN;
        self.w_norm2 = f64::NAN;
        self.lr = f64::NAN;
        self.done = 0;
    }

    /// X of the batch, m × inputs.
    pub fn x(&self) -> ArrayView2<'_, f64> {
        batch_view(&self.x, self.capacity, self.m())
    }

    /// Y of the batch, m × outputs.
    pub fn y(&self) -> ArrayView2<'_, f64> {
        batch_view(&self.y, self.capacity, self.m())
    }

    /// Z⁽ˡ⁺¹⁾ of the batch (l is 0-based), m × units.
    pub fn z(&self, l: usize) -> ArrayView2<'_, f64> {
        batch_view(&self.layers[l].z, self.capacity, self.m())
    }

    /// A⁽ˡ⁺¹⁾ of the batch (l is 0-based).
    pub fn a(&self, l: usize) -> ArrayView2<'_, f64> {
        batch_view(&self.layers[l].a, self.capacity, self.m())
    }

    /// δ⁽ˡ⁺¹⁾ of the batch (l is 0-based).
    pub fn delta(&self, l: usize) -> ArrayView2<'_, f64> {
        batch_view(&self.layers[l].delta, self.capacity, self.m())
    }

    /// ŷ, the output layer's A.
    pub fn y_hat(&self) -> ArrayView2<'_, f64> {
        self.a(self.layers.len() - 1)
    }

    /// Forward(l + 1): Z = A_prev W + b, A = f(Z).
    pub fn forward(&mut self, net: &Network, l: usize) {
        let runs = self.runs();
        let layer = &net.layers[l];
        let (n, u) = (layer.inputs(), layer.units());
        let (before, rest) = self.layers.split_at_mut(l);
        let values = &mut rest[0];
        let a_prev = if l == 0 { &self.x } else { &before[l - 1].a };
        let z = &mut values.z;
        dense::affine(a_prev, slice(&layer.w), vector(&layer.b), z, runs, n, u);
        layer.activation.apply(&values.z, &mut values.a, runs, u);
    }

    /// The sum over the batch of the loss of each sample.
    fn loss_sum(&self, loss: Loss) -> f64 {
        let out = &self.layers[self.layers.len() - 1];
        loss.sum(&out.z, &out.a, &self.y, self.runs(), self.y.len() / self.capacity)
    }

    /// Loss: J = (1/m) Σ per-sample loss + (λ/2) Σ ‖W‖².
    pub fn compute_loss(&mut self, net: &Network, loss: Loss, l2: f64) -> f64 {
        self.loss_data = self.loss_sum(loss) / self.m() as f64;
        self.w_norm2 = if l2 > 0.0 { net.weight_norm2() } else { 0.0 };
        self.loss = if l2 > 0.0 { self.loss_data + 0.5 * l2 * self.w_norm2 } else { self.loss_data };
        self.loss
    }

    /// The sum of the per-sample losses and the number of correctly classified samples.
    pub fn score(&self, loss: Loss) -> (f64, usize) {
        let out = &self.layers[self.layers.len() - 1];
        let correct = if loss.is_classification() {
            correct_count(&out.a, &self.y, self.runs(), self.y.len() / self.capacity)
        } else {
            0
        };
        (self.loss_sum(loss), correct)
    }

    /// Each row's own loss (before the mean over the batch and without the L2 penalty).
    pub fn sample_losses(&self, loss: Loss) -> Vec<f64> {
        let out = &self.layers[self.layers.len() - 1];
        let stride = self.capacity();
        // Sample i alone is a batch of one whose runs start at column i.
        let one = Runs { stride, m: 1 };
        (0..self.m())
            .map(|i| loss.sum(&out.z[i..], &out.a[i..], &self.y[i..], one, self.y.len() / self.capacity))
            .collect()
    }

    /// ∂J/∂A⁽ˡ⁺¹⁾ of a hidden layer (l is 0-based): δ of the layer above times its Wᵀ. Valid once
    /// `Backward` of the layer above has run; `net` holds the weights the batch started with.
    pub fn error_at_output_of(&self, net: &Network, l: usize) -> Array2<f64> {
        let above = &net.layers[l + 1];
        let u = net.layers[l].units();
        let mut g = vec![0.0; u * self.capacity];
        let runs = self.runs();
        dense::back_through(&self.layers[l + 1].delta, slice(&above.w), &mut g, runs, u, above.units());
        batch_view(&g, self.capacity, self.m()).to_owned()
    }

    /// Backward(l + 1): δ, then ∂J/∂W = A_prevᵀ δ + λW and ∂J/∂b = Σ rows of δ.
    ///
    /// δ of the output layer comes from the loss; δ of a hidden layer from the one above:
    /// δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ f'(Z⁽ˡ⁾).
    pub fn backward(&mut self, net: &Network, loss: Loss, l2: f64, l: usize) {
        let runs = self.runs();
        let last = self.layers.len() - 1;
        let layer = &net.layers[l];
        let (n, u) = (layer.inputs(), layer.units());
        let (before, rest) = self.layers.split_at_mut(l + 1);
        let values = &mut before[l];
        if l == last {
            let (z, a, y) = (&values.z, &values.a, &self.y);
            loss.delta(layer.activation, z, a, y, &mut values.delta, runs, u);
        } else {
            let next = &net.layers[l + 1];
            let delta = &mut values.delta;
            dense::back_through(&rest[0].delta, slice(&next.w), delta, runs, u, next.units());
            layer.activation.backprop(&values.z, &values.a, &mut values.delta, runs, u);
        }
        let (below, current) = before.split_at_mut(l);
        let values = &mut current[0];
        let a_prev = if l == 0 { &self.x } else { &below[l - 1].a };
        let (dw, db) = (slice_mut(&mut values.dw), vector_mut(&mut values.db));
        dense::gradients(a_prev, &values.delta, dw, db, runs, n, u);
        if l2 > 0.0 {
            // ∂J/∂W += λW, on slices: ndarray's scaled_add checks the shapes with a panic that
            // formats them with Debug.
            crate::lanes::axpy(slice_mut(&mut values.dw), slice(&layer.w), l2);
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
        let w = slice_mut(&mut layer.w);
        w.iter_mut().zip(slice(&values.dw)).for_each(|(w, &g)| *w += -lr * g);
        let b = vector_mut(&mut layer.b);
        b.iter_mut().zip(vector(&values.db)).for_each(|(b, &g)| *b += -lr * g);
    }
}

/// The first m samples of a unit-major buffer, as the notation's m × units view.
fn batch_view(buf: &[f64], capacity: usize, m: usize) -> ArrayView2<'_, f64> {
    let units = buf.len() / capacity.max(1);
    // Not `expect`, which would format ndarray's ShapeError with Debug.
    let Ok(all) = ArrayView2::from_shape((units, capacity), buf) else { panic!("units × capacity values") };
    all.slice_move(s![.., ..m]).reversed_axes()
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
fn is_row_major((rows, cols): (usize, usize), strides: &[isize]) -> bool {
    (cols <= 1 || strides[1] == 1) && (rows <= 1 || strides[0] == cols as isize)
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

//! What training has measured so far: per epoch, and per batch.
//!
//! The history is bounded. Playing at full speed logs thousands of epochs a second (the circle
//! preset: 10,000 a second on a fast machine, 300,000 epochs and a 125 MB session after half a
//! minute, which a reload took 6 s to read back), so once a list holds more than its most
//! entries, its older part is thinned: it keeps the epochs (or batches) whose number is a multiple
//! of a power of two, evenly spaced as a chart's linear axis wants them, while the newest entries
//! stay, all of them. Each entry carries its position, and the history counts what it logged in
//! all, kept or thinned out. A run shorter than the limits (8,192 epochs, 65,536 batches) keeps
//! every number.

/// The most per-epoch entries kept; beyond, the older ones are thinned. Far above what a lesson
/// reads (scikit-learn's MLP stops at 200 epochs by default) and what a chart shows (two points
/// a pixel column), so that only a run left playing for long is thinned.
pub const MOST_EPOCHS: usize = 8192;
/// The newest per-epoch entries never thinned.
pub const RECENT_EPOCHS: usize = 2048;
/// The most batch losses kept, unless an epoch has more batches than a quarter of it: 200
/// epochs of one-sample batches of the iris set's 120 training rows are 24,000.
pub const MOST_BATCHES: usize = 65536;
/// The newest batch losses never thinned (at least the current epoch's: its mean is logged).
pub const RECENT_BATCHES: usize = 16384;

/// Per-epoch measurements and every batch's J, each entry with its position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// The epoch of each per-epoch entry, from 0: entry i measures the parameters after epoch
    /// `epoch[i] + 1`. Increasing; 0, 1, 2, … until the history is thinned.
    pub epoch: Vec<usize>,
    /// J over the whole training set after the epoch's last update.
    pub train_loss: Vec<f64>,
    /// J over the test set, when there is one.
    pub test_loss: Vec<Option<f64>>,
    /// Fraction of training rows classified right (classification losses only).
    pub train_accuracy: Vec<Option<f64>>,
    /// Fraction of test rows classified right.
    pub test_accuracy: Vec<Option<f64>>,
    /// Root mean squared error over training rows and outputs (MSE loss only; without L2).
    pub train_rmse: Vec<Option<f64>>,
    /// The same over the test rows.
    pub test_rmse: Vec<Option<f64>>,
    /// The mean of the epoch's batch losses, weighted by batch size (what scikit-learn's
    /// `loss_curve_` records); None when the epoch's first batches ran before a session was loaded.
    pub mean_batch_loss: Vec<Option<f64>>,
    /// The position of each batch loss among all batches trained, from 0. Increasing.
    pub batch: Vec<usize>,
    /// J of every batch kept, in training order.
    pub batch_loss: Vec<f64>,
    /// Epochs logged in all, kept or thinned out.
    epochs: usize,
    /// Batch losses logged in all.
    batches: usize,
}

impl History {
    /// A history from its lists, each entry at its position (`epoch`, `batch`; empty for 0, 1,
    /// 2, …), with the epochs and batches logged in all (None: one after the last position).
    /// None if the positions do not fit: other lengths than `train_loss` and `batch_loss`, not
    /// increasing, or beyond the counts.
    #[inline(never)]
    pub fn from_lists(
        mut h: History,
        epoch: Vec<usize>,
        batch: Vec<usize>,
        epochs: Option<usize>,
        batches: Option<usize>,
    ) -> Option<History> {
        let listed = |p: Vec<usize>, len: usize| if p.is_empty() { (0..len).collect() } else { p };
        h.epoch = listed(epoch, h.train_loss.len());
        h.batch = listed(batch, h.batch_loss.len());
        h.epochs = epochs.unwrap_or(h.epoch.last().map_or(0, |&e| e + 1));
        h.batches = batches.unwrap_or(h.batch.last().map_or(0, |&b| b + 1));
        let fits = h.epoch.len() == h.train_loss.len()
            && h.batch.len() == h.batch_loss.len()
            && increasing_below(&h.epoch, h.epochs)
            && increasing_below(&h.batch, h.batches);
        fits.then_some(h)
    }

    /// Epochs logged in all (the next epoch's position).
    pub fn epochs(&self) -> usize {
        self.epochs
    }

    /// Batch losses logged in all.
    pub fn batches(&self) -> usize {
        self.batches
    }

    /// Whether every entry logged is kept, at positions 0, 1, 2, …: a session file then needs
    /// no positions.
    pub fn is_whole(&self) -> bool {
        self.epoch.len() == self.epochs && self.batch.len() == self.batches
    }

    /// Forgets what was logged after the first `epochs` epochs and `batches` batch losses.
    pub(super) fn truncate(&mut self, epochs: usize, batches: usize) {
        let kept_epochs = self.epoch.partition_point(|&e| e < epochs);
        let kept_batches = self.batch.partition_point(|&b| b < batches);
        self.epoch.truncate(kept_epochs);
        self.train_loss.truncate(kept_epochs);
        self.test_loss.truncate(kept_epochs);
        self.train_accuracy.truncate(kept_epochs);
        self.test_accuracy.truncate(kept_epochs);
        self.train_rmse.truncate(kept_epochs);
        self.test_rmse.truncate(kept_epochs);
        self.mean_batch_loss.truncate(kept_epochs);
        self.batch.truncate(kept_batches);
        self.batch_loss.truncate(kept_batches);
        self.epochs = self.epochs.min(epochs);
        self.batches = self.batches.min(batches);
    }

    /// What was logged after the first `epochs` epochs and `batches` batch losses, at the same
    /// positions and with the same counts: the part a copy of the session training elsewhere (the
    /// page's worker) hands back, or the newest entries.
    pub fn since(&self, epochs: usize, batches: usize) -> History {
        let from_epoch = self.epoch.partition_point(|&e| e < epochs);
        let from_batch = self.batch.partition_point(|&b| b < batches);
        fn tail<T: Clone>(v: &[T], from: usize) -> Vec<T> {
            v.get(from..).unwrap_or_default().to_vec()
        }
        History {
            epoch: tail(&self.epoch, from_epoch),
            train_loss: tail(&self.train_loss, from_epoch),
            test_loss: tail(&self.test_loss, from_epoch),
            train_accuracy: tail(&self.train_accuracy, from_epoch),
            test_accuracy: tail(&self.test_accuracy, from_epoch),
            train_rmse: tail(&self.train_rmse, from_epoch),
            test_rmse: tail(&self.test_rmse, from_epoch),
            mean_batch_loss: tail(&self.mean_batch_loss, from_epoch),
            batch: tail(&self.batch, from_batch),
            batch_loss: tail(&self.batch_loss, from_batch),
            epochs: self.epochs,
            batches: self.batches,
        }
    }

    /// Whether every per-epoch list has the same length (as the trainer logs them).
    pub(super) fn is_even(&self) -> bool {
        let n = self.epoch.len();
        [self.train_loss.len(), self.test_loss.len(), self.train_accuracy.len(), self.test_accuracy.len()]
            .into_iter()
            .chain([self.train_rmse.len(), self.test_rmse.len(), self.mean_batch_loss.len()])
            .all(|len| len == n)
    }

    /// Whether `tail` (from [`History::since`] of a copy) goes on from this history: its entries
    /// come after what this one logged, and its counts are not smaller.
    pub(super) fn is_followed_by(&self, tail: &History) -> bool {
        tail.epoch.first().is_none_or(|&e| e >= self.epochs)
            && tail.batch.first().is_none_or(|&b| b >= self.batches)
            && tail.epochs >= self.epochs
            && tail.batches >= self.batches
    }

    /// Appends `tail`, the history logged after this one ends (see `is_followed_by`), thinning
    /// nothing yet: until `thin`, `truncate` can take it back.
    pub(super) fn extend(&mut self, tail: History) {
        self.epoch.extend(tail.epoch);
        self.train_loss.extend(tail.train_loss);
        self.test_loss.extend(tail.test_loss);
        self.train_accuracy.extend(tail.train_accuracy);
        self.test_accuracy.extend(tail.test_accuracy);
        self.train_rmse.extend(tail.train_rmse);
        self.test_rmse.extend(tail.test_rmse);
        self.mean_batch_loss.extend(tail.mean_batch_loss);
        self.batch.extend(tail.batch);
        self.batch_loss.extend(tail.batch_loss);
        self.epochs = tail.epochs;
        self.batches = tail.batches;
    }

    /// Thins what is over the limits, keeping at least `recent_batches` batch losses whole.
    pub(super) fn thin(&mut self, recent_batches: usize) {
        self.thin_epochs();
        self.thin_batches(recent_batches);
    }

    /// Logs one epoch's measurements and the mean of its batch losses.
    pub(super) fn push_epoch(&mut self, train: &Measure, test: &Measure, mean_batch_loss: Option<f64>) {
        self.epoch.push(self.epochs);
        self.train_loss.push(train.loss.unwrap_or(f64::NAN));
        self.test_loss.push(test.loss);
        self.train_accuracy.push(train.accuracy);
        self.test_accuracy.push(test.accuracy);
        self.train_rmse.push(train.rmse);
        self.test_rmse.push(test.rmse);
        self.mean_batch_loss.push(mean_batch_loss);
        self.epochs += 1;
        self.thin_epochs();
    }

    /// Logs a batch's J, keeping at least the newest `recent` batch losses whole (an epoch's).
    pub(super) fn push_batch(&mut self, j: f64, recent: usize) {
        self.batch.push(self.batches);
        self.batch_loss.push(j);
        self.batches += 1;
        self.thin_batches(recent);
    }

    /// Takes back the newest batch loss (logged again after a hand edit).
    pub(super) fn pop_batch(&mut self) {
        if self.batches == 0 {
            return;
        }
        self.batches -= 1;
        if self.batch.last() == Some(&self.batches) {
            self.batch.pop();
            self.batch_loss.pop();
        }
    }

    /// The newest `n` batch losses when all of them are kept: an epoch's, for its mean.
    pub(super) fn last_batches(&self, n: usize) -> Option<&[f64]> {
        let from = self.batch_loss.len().checked_sub(n)?;
        let whole = self.batches.checked_sub(n)? == *self.batch.get(from).unwrap_or(&self.batches);
        whole.then(|| &self.batch_loss[from..])
    }

    fn thin_epochs(&mut self) {
        let Some(keep) = thinned(&self.epoch, MOST_EPOCHS, RECENT_EPOCHS) else { return };
        compact(&mut self.epoch, &keep);
        compact(&mut self.train_loss, &keep);
        for list in [
            &mut self.test_loss,
            &mut self.train_accuracy,
            &mut self.test_accuracy,
            &mut self.train_rmse,
            &mut self.test_rmse,
            &mut self.mean_batch_loss,
        ] {
            compact(list, &keep);
        }
    }

    fn thin_batches(&mut self, recent: usize) {
        let recent = recent.max(RECENT_BATCHES);
        let Some(keep) = thinned(&self.batch, MOST_BATCHES.max(4 * recent), recent) else { return };
        compact(&mut self.batch, &keep);
        compact(&mut self.batch_loss, &keep);
    }
}

/// Whether `positions` increase and stay below `count`.
fn increasing_below(positions: &[usize], count: usize) -> bool {
    let mut next = 0;
    for &p in positions {
        if p < next {
            return false;
        }
        next = p + 1;
    }
    next <= count
}

/// Which entries at `positions` stay when there are more than `most` (their indices): the
/// newest `recent`, and of the others those whose number (position + 1) is a multiple of the
/// smallest power of two that keeps at most half of them. None when nothing needs to go.
fn thinned(positions: &[usize], most: usize, recent: usize) -> Option<Vec<usize>> {
    if positions.len() <= most {
        return None;
    }
    let old = positions.len().saturating_sub(recent);
    // A power of two: (p + 1) is its multiple when these low bits are 0.
    let mut mask = 1;
    while positions[..old].iter().filter(|&&p| (p + 1) & mask == 0).count() > old / 2 {
        mask = 2 * mask + 1;
    }
    let mut keep = Vec::with_capacity(old / 2 + recent);
    for (i, &p) in positions.iter().enumerate() {
        if i >= old || (p + 1) & mask == 0 {
            keep.push(i);
        }
    }
    Some(keep)
}

/// Keeps the entries of `v` at the increasing indices `keep`, in order. (A list shorter than
/// the positions, from a hand-written file, keeps those it has.)
fn compact<T: Copy>(v: &mut Vec<T>, keep: &[usize]) {
    let mut to = 0;
    for &from in keep {
        if let Some(&x) = v.get(from) {
            v[to] = x;
            to += 1;
        }
    }
    v.truncate(to);
}

/// What one evaluation of a whole set measures; None where it does not apply.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Measure {
    /// J, with the L2 penalty.
    pub loss: Option<f64>,
    /// Fraction classified right (classification losses).
    pub accuracy: Option<f64>,
    /// Root mean squared error (MSE loss).
    pub rmse: Option<f64>,
}

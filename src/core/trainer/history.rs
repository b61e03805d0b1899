//! What training has measured so far: per epoch, and per batch.

/// Per-epoch measurements (index e is epoch e + 1), and every batch's J.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
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
    /// J of every batch, in training order.
    pub batch_loss: Vec<f64>,
}

impl History {
    pub(super) fn truncate(&mut self, epochs: usize, batches: usize) {
        self.train_loss.truncate(epochs);
        self.test_loss.truncate(epochs);
        self.train_accuracy.truncate(epochs);
        self.test_accuracy.truncate(epochs);
        self.train_rmse.truncate(epochs);
        self.test_rmse.truncate(epochs);
        self.mean_batch_loss.truncate(epochs);
        self.batch_loss.truncate(batches);
    }

    /// What was logged after the first `epochs` epochs and `batches` batch losses: the part a
    /// copy of the session training elsewhere (the page's worker) hands back.
    pub fn since(&self, epochs: usize, batches: usize) -> History {
        fn tail<T: Clone>(v: &[T], from: usize) -> Vec<T> {
            v.get(from..).unwrap_or_default().to_vec()
        }
        History {
            train_loss: tail(&self.train_loss, epochs),
            test_loss: tail(&self.test_loss, epochs),
            train_accuracy: tail(&self.train_accuracy, epochs),
            test_accuracy: tail(&self.test_accuracy, epochs),
            train_rmse: tail(&self.train_rmse, epochs),
            test_rmse: tail(&self.test_rmse, epochs),
            mean_batch_loss: tail(&self.mean_batch_loss, epochs),
            batch_loss: tail(&self.batch_loss, batches),
        }
    }

    /// Whether every per-epoch list has the same length (as the trainer logs them).
    pub(super) fn is_even(&self) -> bool {
        let n = self.train_loss.len();
        [self.test_loss.len(), self.train_accuracy.len(), self.test_accuracy.len()]
            .into_iter()
            .chain([self.train_rmse.len(), self.test_rmse.len(), self.mean_batch_loss.len()])
            .all(|len| len == n)
    }

    /// Appends `tail`, the history logged after this one ends.
    pub(super) fn extend(&mut self, tail: History) {
        self.train_loss.extend(tail.train_loss);
        self.test_loss.extend(tail.test_loss);
        self.train_accuracy.extend(tail.train_accuracy);
        self.test_accuracy.extend(tail.test_accuracy);
        self.train_rmse.extend(tail.train_rmse);
        self.test_rmse.extend(tail.test_rmse);
        self.mean_batch_loss.extend(tail.mean_batch_loss);
        self.batch_loss.extend(tail.batch_loss);
    }

    /// Logs one epoch's measurements (the mean batch loss is logged by the trainer).
    pub(super) fn push_epoch(&mut self, train: &Measure, test: &Measure) {
        self.train_loss.push(train.loss.unwrap_or(f64::NAN));
        self.test_loss.push(test.loss);
        self.train_accuracy.push(train.accuracy);
        self.test_accuracy.push(test.accuracy);
        self.train_rmse.push(train.rmse);
        self.test_rmse.push(test.rmse);
    }
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

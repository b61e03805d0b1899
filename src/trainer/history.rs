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
        self.mean_batch_loss.truncate(epochs);
        self.batch_loss.truncate(batches);
    }
}

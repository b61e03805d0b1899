//! Undo: small checkpoints (parameters and cursor, not the batch's matrices). A batch's values are
//! recomputed on restore, which gives the same bits because the math is deterministic.

use super::{History, Status, Trainer};
use crate::error::{Error, Result};
use crate::message::{Msg, Phrase};
use crate::network::Network;
use std::collections::VecDeque;

/// Undo depth kept at most (the page promises at least 200).
pub const UNDO_DEPTH: usize = 256;
/// Memory the undo checkpoints may use together, in bytes; the oldest go first beyond it.
pub const UNDO_BYTES: usize = 256 << 20;

/// A moment of training, enough to restore it exactly: the traced batch's values are recomputed
/// from it. Undo keeps one per step; a session file may keep the current one and the undo steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    /// Parameters at the start of the traced batch.
    pub start: Network,
    /// Parameters after the update, when the traced batch is complete.
    pub updated: Option<Network>,
    /// Completed epochs.
    pub epoch: usize,
    /// The batch the next phase belongs to.
    pub batch: usize,
    pub status: Status,
    /// (epoch, batch) of the traced batch, if any.
    pub traced: Option<(usize, usize)>,
    /// Training-set rows of the traced batch.
    pub rows: Vec<usize>,
    /// Phases performed in the traced batch.
    pub done: usize,
    /// λ the traced batch was computed with.
    pub l2: f64,
    /// α of the traced batch's Update, when it has run (NaN before).
    pub lr: f64,
    /// Epochs and batch losses in the history at that moment.
    pub epochs_logged: usize,
    pub batches_logged: usize,
}

/// The name undo's code uses.
pub(super) type Checkpoint = Moment;

impl Checkpoint {
    fn bytes(&self) -> usize {
        let params = |n: &Network| n.layers.iter().map(|l| (l.w.len() + l.b.len()) * 8).sum::<usize>();
        params(&self.start) + self.updated.as_ref().map_or(0, params) + self.rows.len() * 8 + 128
    }
}

/// The undo steps, newest last, with the memory they hold.
#[derive(Debug, Clone, Default)]
pub(super) struct UndoStack {
    pub(super) steps: VecDeque<Checkpoint>,
    bytes: usize,
}

impl UndoStack {
    /// Adds a checkpoint, dropping the oldest beyond the depth or the memory budget.
    pub(super) fn push(&mut self, c: Checkpoint) {
        self.bytes += c.bytes();
        self.steps.push_back(c);
        while self.steps.len() > UNDO_DEPTH || (self.bytes > UNDO_BYTES && self.steps.len() > 1) {
            if let Some(old) = self.steps.pop_front() {
                self.bytes -= old.bytes();
            }
        }
    }

    /// Takes the newest checkpoint.
    pub(super) fn pop(&mut self) -> Option<Checkpoint> {
        let c = self.steps.pop_back()?;
        self.bytes -= c.bytes();
        Some(c)
    }

    /// The newest checkpoint.
    pub(super) fn last(&self) -> Option<&Checkpoint> {
        self.steps.back()
    }

    pub(super) fn len(&self) -> usize {
        self.steps.len()
    }

    pub(super) fn clear(&mut self) {
        self.steps.clear();
        self.bytes = 0;
    }
}

impl Trainer {
    pub(super) fn checkpoint(&self) -> Checkpoint {
        let complete = self.trace.done == self.total();
        Checkpoint {
            start: self.start.clone(),
            updated: complete.then(|| self.net.clone()),
            epoch: self.epoch,
            batch: self.batch,
            status: self.status,
            traced: self.traced,
            rows: self.trace.rows.clone(),
            done: self.trace.done,
            l2: self.settings.l2,
            lr: self.trace.lr,
            epochs_logged: self.history.epochs(),
            batches_logged: self.history.batches(),
        }
    }

    pub(super) fn push_checkpoint(&mut self) {
        let c = self.checkpoint();
        self.push(c);
    }

    pub(super) fn push(&mut self, c: Checkpoint) {
        self.undo.push(c);
    }

    /// Undoes the last step (a phase, a batch, an epoch or a run); false if there is none.
    pub fn back(&mut self) -> bool {
        let Some(c) = self.undo.pop() else { return false };
        self.restore(c);
        true
    }

    pub(super) fn restore(&mut self, c: Checkpoint) {
        self.epoch = c.epoch;
        self.batch = c.batch;
        self.status = c.status;
        self.traced = c.traced;
        self.history.truncate(c.epochs_logged, c.batches_logged);
        self.order = self.epoch_order(self.epoch);
        self.start = c.start;
        self.net = self.start.clone();
        self.trace.rows.clear();
        if self.traced.is_some() {
            let (x, y) = (self.data.train.x.view(), self.data.train.y.view());
            self.trace.load(&c.rows, x, y);
            let computed = c.done.min(self.total() - 1);
            for k in 0..computed {
                self.trace.compute(&self.net, self.loss, c.l2, k);
            }
            self.trace.done = c.done;
            self.trace.lr = c.lr;
            // A hand edit took back the J this batch had logged (see `restart_batch`): undoing
            // the edit logs it again, the same bits recomputed.
            let loss_done = c.done > self.net.depth() && c.done < self.total();
            if loss_done && self.history.batches() + 1 == c.batches_logged {
                self.history.push_batch(self.trace.loss, self.batches());
            }
        } else {
            self.trace.done = 0;
        }
        if let Some(updated) = c.updated {
            self.net = updated;
        }
    }

    /// The current moment, as an undo step keeps one.
    pub fn moment(&self) -> Moment {
        self.checkpoint()
    }

    /// The undo steps, oldest first.
    pub fn undo_moments(&self) -> Vec<Moment> {
        self.undo.steps.iter().cloned().collect()
    }

    /// Puts training at moment `now` with `undo` as its undo steps (oldest first), as a session
    /// file kept them; the history must already be the one they were logged in. Each moment is
    /// checked against the session (shapes, batches, rows), so a bad file changes nothing.
    pub fn restore_moments(&mut self, now: Moment, undo: Vec<Moment>) -> Result<()> {
        self.check_moment(&now, "moment")?;
        for (i, m) in undo.iter().enumerate() {
            self.check_moment(m, &format!("undo[{i}]"))?;
        }
        self.undo.clear();
        for m in undo {
            self.undo.push(m);
        }
        self.restore(now);
        Ok(())
    }

    /// Takes on the training another copy of this session did since they were equal (the page
    /// trains in a worker while playing fast): its history logged since then, `tail`, and the
    /// moment it reached, `now`, whose logged counts must be this history's with `tail` after it.
    /// One undo step, as a `run` would be. A progress that does not follow on changes nothing.
    pub fn absorb(&mut self, now: Moment, tail: History) -> Result<()> {
        let follows = tail.is_even() && self.history.is_followed_by(&tail);
        if !follows || now.epochs_logged != tail.epochs() || now.batches_logged != tail.batches() {
            return Err(Error::invalid("progress.moment.epochs_logged", Msg::ExpectedHistoryLength, now.epochs_logged));
        }
        let before = self.checkpoint();
        self.history.extend(tail);
        if let Err(e) = self.check_moment(&now, "progress.moment") {
            self.history.truncate(before.epochs_logged, before.batches_logged);
            return Err(e);
        }
        self.history.thin(self.batches());
        self.push(before);
        self.restore(now);
        Ok(())
    }

    /// Whether moment `m` fits this session: what restoring it reads must exist.
    fn check_moment(&self, m: &Moment, field: &str) -> Result<()> {
        let arch = &self.arch;
        let fits = |n: &Network| n.architecture() == *arch && n.is_finite();
        if !fits(&m.start) || !m.updated.as_ref().is_none_or(fits) {
            return Err(Error::invalid(format!("{field}.start"), Msg::ExpectedParamsShaped, Msg::GotOtherShapes));
        }
        let (batches, total, n) = (self.batches(), self.total(), self.data.train.len());
        if m.batch >= batches {
            return Err(Error::invalid(
                format!("{field}.batch"),
                Phrase::new(Msg::ExpectedBatchIndex).arg("max", batches - 1),
                m.batch,
            ));
        }
        if m.done > total || (m.done == total) != m.updated.is_some() {
            return Err(Error::invalid(
                format!("{field}.done"),
                Phrase::new(Msg::ExpectedPhaseCount).arg("total", total),
                m.done,
            ));
        }
        if let Some((_, b)) = m.traced {
            if b >= batches || m.rows.is_empty() || m.rows.len() > self.batch_rows() || m.rows.iter().any(|&r| r >= n) {
                return Err(Error::invalid(format!("{field}.rows"), Msg::ExpectedBatchRows, Msg::GotOtherRows));
            }
        }
        let h = &self.history;
        if m.epochs_logged > h.epochs() || m.batches_logged > h.batches() + 1 {
            return Err(Error::invalid(format!("{field}.logged"), Msg::ExpectedHistoryLength, m.epochs_logged));
        }
        if !(m.l2.is_finite() && m.l2 >= 0.0) {
            return Err(Error::invalid(format!("{field}.l2"), Msg::ExpectedNonNegative, m.l2));
        }
        Ok(())
    }

    /// Forgets every undo step (after a change that makes them meaningless).
    pub fn clear_undo(&mut self) {
        self.undo.clear();
    }

    /// Pushes the state just before phase `k` of the traced batch (which has run since), unless
    /// a single-phase step already pushed that very state.
    pub(super) fn push_before_phase(&mut self, k: usize) {
        let mut before = self.checkpoint();
        before.done = k;
        before.updated = None;
        before.batches_logged = self.history.batches() - usize::from(k == self.net.depth());
        let key = |c: &Checkpoint| (c.traced, c.done, c.epoch, c.batch);
        if self.undo.last().map(key) != Some(key(&before)) {
            self.push(before);
        }
    }
}

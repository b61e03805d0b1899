//! The training loop as an explicit state machine.
//!
//! A batch goes through `Forward(1) … Forward(L)`, `Loss`, `Backward(L) … Backward(1)`, `Update`;
//! the `Update` of an epoch's last batch also evaluates the epoch (train and test loss, accuracy)
//! and checks the stopping rule. One `step(Unit::Phase)` performs exactly one phase.
//!
//! Undo keeps small checkpoints (parameters and cursor, not the batch's matrices): the batch's
//! values are recomputed on restore, which gives the same bits because the math is deterministic.

use crate::error::{Error, Result};
use crate::gradcheck::{self, LayerCheck};
use crate::init::Init;
use crate::l2;
use crate::loss::Loss;
use crate::message::{Msg, Phrase};
use crate::network::{Architecture, Network};
use crate::pick;
use crate::random::Random;
use crate::settings::{check_learning_rate, check_loss_pairing, Data, Settings};
use crate::trace::{phases_per_batch, Step, Trace};
use crate::update::update;

mod history;
mod phase;
mod undo;

pub use history::{History, Measure, MOST_BATCHES, MOST_EPOCHS, RECENT_BATCHES, RECENT_EPOCHS};
pub use phase::{Phase, Status, Unit};
use undo::UndoStack;
pub use undo::{Moment, UNDO_BYTES, UNDO_DEPTH};

/// Rows evaluated at a time at the end of an epoch.
const EVAL_CHUNK: usize = 1024;

/// The buffers that evaluate one set at the end of an epoch. A set of up to `EVAL_CHUNK` rows
/// stays loaded in them, so an epoch's evaluation is forward passes only.
#[derive(Debug, Clone)]
struct Evaluator {
    trace: Trace,
    /// Address and length of the set whose rows are loaded, if one is.
    loaded: Option<(usize, usize)>,
}

/// A training session: the network, its data and settings, and the position in the loop.
#[derive(Debug, Clone)]
pub struct Trainer {
    pub arch: Architecture,
    pub loss: Loss,
    pub init: Init,
    pub settings: Settings,
    /// The data, fixed for the session's life (the evaluation keeps the sets loaded): other data
    /// makes a new `Trainer`.
    pub data: Data,
    /// The current parameters.
    net: Network,
    /// Parameters at the start of the traced batch (W and b "before" the update).
    start: Network,
    trace: Trace,
    /// (epoch, batch) of the traced batch; None before the first phase.
    traced: Option<(usize, usize)>,
    /// Completed epochs; the next phase belongs to epoch `epoch + 1`.
    epoch: usize,
    /// Index (0-based) of the batch the next phase belongs to.
    batch: usize,
    status: Status,
    history: History,
    /// Row order of the current epoch.
    order: Vec<usize>,
    undo: UndoStack,
    /// Evaluation buffers of the training and the test set.
    eval: [Option<Evaluator>; 2],
}

impl Trainer {
    /// Starts a session; `params` are the initial parameters, or None to draw them from `init`.
    pub fn new(
        arch: Architecture,
        loss: Loss,
        init: Init,
        settings: Settings,
        data: Data,
        params: Option<Network>,
    ) -> Result<Self> {
        arch.validate()?;
        check_loss_pairing(&arch, loss)?;
        settings.validate()?;
        data.validate(&arch, loss)?;
        let net = match params {
            Some(net) => {
                if net.architecture() != arch {
                    return Err(Error::invalid("params", Msg::ExpectedParamsShape, Msg::GotOtherShapes));
                }
                net
            }
            None => Network::init(&arch, &init, settings.seed)?,
        };
        let capacity = settings.batch_size.rows(data.train.len());
        let trace = Trace::new(&net, capacity);
        let mut trainer = Trainer {
            arch,
            loss,
            init,
            settings,
            data,
            start: net.clone(),
            net,
            trace,
            traced: None,
            epoch: 0,
            batch: 0,
            status: Status::Running,
            history: History::default(),
            order: Vec::new(),
            undo: UndoStack::default(),
            eval: [None, None],
        };
        trainer.order = trainer.epoch_order(0);
        Ok(trainer)
    }

    /// The same session started afresh: parameters drawn again from the seed, no history.
    pub fn restarted(&self) -> Result<Self> {
        Trainer::new(self.arch.clone(), self.loss, self.init, self.settings.clone(), self.data.clone(), None)
    }

    // ---- reading -------------------------------------------------------------------------

    /// The current parameters.
    pub fn network(&self) -> &Network {
        &self.net
    }

    /// Parameters at the start of the traced batch (equal to `network()` until `Update`).
    pub fn start_network(&self) -> &Network {
        &self.start
    }

    /// The parameters as the coming Update will leave them (W − α ∂J/∂W, b − α ∂J/∂b, the very
    /// computation the Update does), when Update is the next phase; None otherwise. The page
    /// paints the network diagram for them while the reader looks at the backward pass.
    pub fn upcoming_update(&self) -> Option<Network> {
        let next = Step::at(self.trace.done, self.net.depth());
        (self.status == Status::Running && !self.needs_new_batch() && next == Step::Update).then(|| {
            let mut net = self.net.clone();
            update(&mut net, &self.trace, self.settings.learning_rate);
            net
        })
    }

    /// The traced batch's values; `trace().done` tells how many phases are valid.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// (epoch, batch), 0-based, of the traced batch, or None before the first phase.
    pub fn traced(&self) -> Option<(usize, usize)> {
        self.traced
    }

    /// Completed epochs.
    pub fn epoch(&self) -> usize {
        self.epoch
    }

    /// Index of the batch the next phase belongs to.
    pub fn batch(&self) -> usize {
        self.batch
    }

    /// Batches per epoch.
    pub fn batches(&self) -> usize {
        self.data.train.len().div_ceil(self.batch_rows())
    }

    /// Rows of a full batch.
    pub fn batch_rows(&self) -> usize {
        self.settings.batch_size.rows(self.data.train.len())
    }

    pub fn status(&self) -> Status {
        self.status
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// J (with the L2 penalty) of the current parameters over the training set, measured as the
    /// end of an epoch logs it in `history().train_loss`; None without training rows. Before any
    /// training it is the curve's point at epoch 0. It changes nothing but evaluation buffers.
    pub fn train_loss(&mut self) -> Option<f64> {
        self.evaluate(true).loss
    }

    /// Steps that `back()` can undo.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// The phase the next `step(Unit::Phase)` performs.
    pub fn phase(&self) -> Phase {
        if self.status != Status::Running {
            return Phase::Stopped(self.status);
        }
        if self.needs_new_batch() {
            Phase::Next(Step::Forward(1))
        } else {
            Phase::Next(Step::at(self.trace.done, self.net.depth()))
        }
    }

    /// Whether the next phase starts a batch (nothing traced yet, or the traced one is complete).
    fn needs_new_batch(&self) -> bool {
        self.traced != Some((self.epoch, self.batch)) || self.trace.done >= self.total()
    }

    /// The phase performed last in the traced batch, if any.
    pub fn last_step(&self) -> Option<Step> {
        match (self.traced, self.trace.done) {
            (Some(_), done) if done > 0 => Some(Step::at(done - 1, self.net.depth())),
            _ => None,
        }
    }

    fn total(&self) -> usize {
        phases_per_batch(self.net.depth())
    }

    // ---- stepping ------------------------------------------------------------------------

    /// Advances one phase, or to the end of the current batch or epoch; returns the next phase.
    ///
    /// Does nothing once training has stopped (target reached, epochs done, or diverged).
    pub fn step(&mut self, unit: Unit) -> Phase {
        if self.status != Status::Running {
            return self.phase();
        }
        self.push_checkpoint();
        match unit {
            Unit::Phase => {
                self.advance();
            }
            Unit::Batch => while self.status == Status::Running && !self.advance() {},
            Unit::Epoch => self.finish_epoch(),
        }
        self.phase()
    }

    /// Runs `epochs` epochs (the first one finishes the current epoch) or until training stops.
    pub fn run(&mut self, epochs: usize) -> Phase {
        if self.status != Status::Running || epochs == 0 {
            return self.phase();
        }
        self.push_checkpoint();
        for _ in 0..epochs {
            if self.status != Status::Running {
                break;
            }
            self.finish_epoch();
        }
        self.phase()
    }

    /// Performs phases until `target` is the next one, as one undoable step; goes on into the
    /// next batch when the target is already past in this one. Returns the next phase.
    pub fn step_to(&mut self, target: Step) -> Phase {
        if self.status != Status::Running || self.phase() == Phase::Next(target) {
            return self.phase();
        }
        self.push_checkpoint();
        // A target is reached within the rest of this batch and one more.
        for _ in 0..2 * self.total() {
            self.advance();
            if self.status != Status::Running || self.phase() == Phase::Next(target) {
                break;
            }
        }
        self.phase()
    }

    fn finish_epoch(&mut self) {
        let epoch = self.epoch;
        while self.status == Status::Running && self.epoch == epoch {
            self.advance();
        }
    }

    /// Performs one phase; returns true when it completed a batch (an `Update`).
    fn advance(&mut self) -> bool {
        if self.needs_new_batch() {
            self.begin_batch();
        }
        let k = self.trace.done;
        let (loss, l2, lr) = (self.loss, self.settings.l2, self.settings.learning_rate);
        match Step::at(k, self.net.depth()) {
            Step::Update => {
                update(&mut self.net, &self.trace, lr);
                self.trace.lr = lr;
                self.trace.done += 1;
                let last_batch = self.batch + 1 == self.batches();
                // The epoch is measured here so that a loss that overflows only on the whole
                // training set also counts as divergence of this Update.
                let measured = last_batch.then(|| self.measure_epoch());
                let finite = self.net.is_finite()
                    && measured.as_ref().is_none_or(|(train, _)| train.loss.is_some_and(f64::is_finite));
                if !finite {
                    self.diverge(k);
                    return true;
                }
                self.batch += 1;
                if let Some(m) = measured {
                    self.end_epoch(m);
                }
                true
            }
            Step::Loss => {
                let j = self.trace.compute_loss(&self.net, loss, l2);
                self.trace.done += 1;
                self.history.push_batch(j, self.batches());
                if !j.is_finite() {
                    self.diverge(k);
                }
                false
            }
            _ => {
                self.trace.compute(&self.net, loss, l2, k);
                self.trace.done += 1;
                false
            }
        }
    }

    /// Loads the rows of batch `self.batch` of the current epoch and remembers W, b before it.
    fn begin_batch(&mut self) {
        let rows_per = self.batch_rows();
        let from = self.batch * rows_per;
        let to = (from + rows_per).min(self.order.len());
        self.trace.load(&self.order[from..to], self.data.train.x.view(), self.data.train.y.view());
        self.start.assign(&self.net);
        self.traced = Some((self.epoch, self.batch));
    }

    /// Stops at a non-finite value; the state before phase `k` becomes the top undo entry.
    fn diverge(&mut self, k: usize) {
        self.push_before_phase(k);
        self.status = Status::Diverged;
    }

    /// Train and test measurements of the current parameters.
    fn measure_epoch(&mut self) -> (Measure, Measure) {
        (self.evaluate(true), self.evaluate(false))
    }

    /// The end of an epoch: log its measurements, check the stopping rule, reshuffle.
    fn end_epoch(&mut self, (train, test): (Measure, Measure)) {
        let train_loss = train.loss.unwrap_or(f64::NAN);
        let mean = self.mean_of_epoch_batches();
        self.history.push_epoch(&train, &test, mean);
        self.epoch += 1;
        self.batch = 0;
        self.order = self.epoch_order(self.epoch);
        if self.settings.target_loss.is_some_and(|t| train_loss <= t) {
            self.status = Status::TargetReached;
        } else if self.settings.max_epochs.is_some_and(|m| self.epoch >= m) {
            self.status = Status::MaxEpochs;
        }
    }

    /// The batch losses of the epoch now ending, averaged with their batch sizes as weights.
    fn mean_of_epoch_batches(&self) -> Option<f64> {
        let (n, rows, batches) = (self.data.train.len(), self.batch_rows(), self.batches());
        let epoch_losses = self.history.last_batches(batches)?;
        let sum: f64 = epoch_losses.iter().enumerate().map(|(b, j)| j * (rows.min(n - b * rows)) as f64).sum();
        Some(sum / n as f64)
    }

    /// J (with the L2 penalty) and accuracy of the current parameters over a whole set.
    fn evaluate(&mut self, train: bool) -> Measure {
        let set = match (train, &self.data.test) {
            (true, _) => &self.data.train,
            (false, Some(test)) => test,
            (false, None) => return Measure::default(),
        };
        let n = set.len();
        if n == 0 {
            return Measure::default();
        }
        let net = &self.net;
        let slot = &mut self.eval[usize::from(!train)];
        let eval = slot.get_or_insert_with(|| Evaluator { trace: Trace::new(net, n.min(EVAL_CHUNK)), loaded: None });
        let key = (set.x.as_ptr() as usize, n);
        let (mut sum, mut correct) = (0.0, 0);
        for from in (0..n).step_by(EVAL_CHUNK) {
            let to = (from + EVAL_CHUNK).min(n);
            if n > EVAL_CHUNK || eval.loaded != Some(key) {
                let rows: Vec<usize> = (from..to).collect();
                eval.trace.load(&rows, set.x.view(), set.y.view());
                eval.loaded = (n <= EVAL_CHUNK).then_some(key);
            }
            eval.trace.forward_pass(net);
            let (chunk_sum, chunk_correct) = eval.trace.score(self.loss);
            sum += chunk_sum;
            correct += chunk_correct;
        }
        let (j, _) = l2::penalised(sum / n as f64, &self.net, self.settings.l2);
        let classification = self.loss.is_classification();
        // MSE's sum is ½ Σ (y − ŷ)² over rows and outputs, so the RMSE is √(2 · sum / (n · outputs)).
        let outputs = self.net.outputs() as f64;
        Measure {
            loss: Some(j),
            accuracy: classification.then(|| correct as f64 / n as f64),
            rmse: (!classification).then(|| (2.0 * sum / (n as f64 * outputs)).sqrt()),
        }
    }

    /// The row order of an epoch: 0..n, or a permutation drawn from the seed and the epoch.
    fn epoch_order(&self, epoch: usize) -> Vec<usize> {
        let n = self.data.train.len();
        let mut order: Vec<usize> = (0..n).collect();
        if self.settings.shuffle {
            // Each epoch has its own stream, so any epoch's order can be rebuilt on its own.
            Random::new(self.settings.seed, epoch as u64).shuffle(&mut order);
        }
        order
    }

    /// Backprop against central differences on the traced batch (or the batch about to start),
    /// with the parameters that batch started from: the largest relative error per layer.
    pub fn gradient_check(&self) -> Vec<LayerCheck> {
        let (x, y) = if self.traced.is_some() && self.trace.m() > 0 {
            (self.trace.x().to_owned(), self.trace.y().to_owned())
        } else {
            let rows = self.batch_rows();
            let from = (self.batch * rows).min(self.order.len());
            let to = (from + rows).min(self.order.len());
            let idx = &self.order[from..to];
            (pick::rows(self.data.train.x.view(), idx), pick::rows(self.data.train.y.view(), idx))
        };
        gradcheck::check(&self.start, self.loss, self.settings.l2, x.view(), y.view())
    }

    // ---- changing settings ---------------------------------------------------------------

    /// Changes α; the trace stays valid (α is used only by the next `Update`).
    pub fn set_learning_rate(&mut self, lr: f64) -> Result<()> {
        check_learning_rate(lr)?;
        self.settings.learning_rate = lr;
        Ok(())
    }

    /// Replaces the settings that act only on future steps (α and the stopping rule); a session
    /// stopped by its epoch limit or target runs on if the new rule no longer holds.
    pub fn set_live_settings(&mut self, settings: Settings) -> Result<()> {
        settings.validate()?;
        self.settings = settings;
        if matches!(self.status, Status::MaxEpochs | Status::TargetReached) {
            let last = self.history.train_loss.last().copied();
            let target = self.settings.target_loss.is_some_and(|t| last.is_some_and(|j| j <= t));
            let limit = self.settings.max_epochs.is_some_and(|m| self.epoch >= m);
            self.status = if target {
                Status::TargetReached
            } else if limit {
                Status::MaxEpochs
            } else {
                Status::Running
            };
        }
        Ok(())
    }

    /// Sets a weight by hand: layer l (0-based), row i, column j. The traced batch restarts; the
    /// edit is one undoable step.
    pub fn set_weight(&mut self, l: usize, i: usize, j: usize, value: f64) -> Result<()> {
        let field = format!("params[{l}].w[{i}][{j}]");
        self.check_param_edit(&field, value)?;
        if self.net.layers.get(l).and_then(|layer| layer.w.get((i, j))).is_none() {
            return Err(Error::invalid(field, Msg::ExpectedExistingWeight, Msg::GotOutOfRange));
        }
        self.push_checkpoint();
        self.net.layers[l].w[(i, j)] = value;
        self.restart_batch();
        Ok(())
    }

    /// Sets a bias by hand: layer l (0-based), unit j. The traced batch restarts; the edit is one
    /// undoable step.
    pub fn set_bias(&mut self, l: usize, j: usize, value: f64) -> Result<()> {
        let field = format!("params[{l}].b[{j}]");
        self.check_param_edit(&field, value)?;
        if self.net.layers.get(l).and_then(|layer| layer.b.get(j)).is_none() {
            return Err(Error::invalid(field, Msg::ExpectedExistingBias, Msg::GotOutOfRange));
        }
        self.push_checkpoint();
        self.net.layers[l].b[j] = value;
        self.restart_batch();
        Ok(())
    }

    fn check_param_edit(&self, field: &str, value: f64) -> Result<()> {
        if !value.is_finite() {
            return Err(Error::invalid(field, Msg::ExpectedFinite, value));
        }
        if self.status == Status::Diverged {
            return Err(Error::State(Msg::StateDiverged.into()));
        }
        Ok(())
    }

    /// After a hand edit the traced batch's values are stale: start the current batch afresh.
    /// A batch whose Update has not run yet is done again from its first phase, so the J its
    /// Loss logged is taken back (it is logged again, with the new parameters).
    fn restart_batch(&mut self) {
        let mid_batch = self.traced.is_some() && self.trace.done < self.total();
        if mid_batch && self.trace.done > self.net.depth() {
            self.history.pop_batch();
        }
        self.traced = None;
        self.trace.rows.clear();
        self.trace.done = 0;
        self.start.assign(&self.net);
    }

    /// Sets the position and history directly (used when a session file is loaded).
    pub fn restore_position(
        &mut self,
        epoch: usize,
        batch: usize,
        done: usize,
        status: Status,
        history: History,
    ) -> Result<()> {
        if batch >= self.batches() {
            return Err(Error::invalid(
                "position.batch",
                Phrase::new(Msg::ExpectedBatchIndex).arg("max", self.batches() - 1),
                batch,
            ));
        }
        if done >= self.total() {
            return Err(Error::invalid("position.phase", Msg::ExpectedPhaseBeforeUpdate, done));
        }
        self.epoch = epoch;
        self.batch = batch;
        self.status = status;
        self.history = history;
        self.order = self.epoch_order(epoch);
        self.traced = None;
        self.trace.rows.clear();
        self.trace.done = 0;
        if done > 0 {
            self.begin_batch();
            for k in 0..done {
                self.trace.compute(&self.net, self.loss, self.settings.l2, k);
            }
            self.trace.done = done;
        }
        self.clear_undo();
        Ok(())
    }
}

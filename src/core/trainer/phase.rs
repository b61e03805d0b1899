//! Where the training loop stands: the next phase, the stopping status, the step units.

use crate::error::{Error, Result};
use crate::message::Msg;
use crate::show;
use crate::trace::Step;

/// Where training stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Running,
    /// The epoch's training loss reached `target_loss`.
    TargetReached,
    /// `max_epochs` epochs are done.
    MaxEpochs,
    /// J or a parameter became NaN or infinite; the last finite state is one `back()` away.
    Diverged,
}

impl Status {
    /// The name shown by `phase()` when training has stopped.
    pub fn name(self) -> &'static str {
        match self {
            Status::Running => "Running",
            Status::TargetReached => "TargetReached",
            Status::MaxEpochs => "MaxEpochs",
            Status::Diverged => "Diverged",
        }
    }

    /// Parses a name written by `name`.
    pub fn parse(name: &str) -> Option<Self> {
        [Status::Running, Status::TargetReached, Status::MaxEpochs, Status::Diverged]
            .into_iter()
            .find(|s| s.name() == name)
    }
}

/// The next thing a phase step will do: a computation, or nothing because training stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Next(Step),
    Stopped(Status),
}

impl Phase {
    /// `Forward(1)`, `Loss`, `Backward(2)`, `Update`, or `TargetReached`, `MaxEpochs`, `Diverged`.
    pub fn name(self) -> String {
        match self {
            Phase::Next(step) => step.name(),
            Phase::Stopped(status) => status.name().into(),
        }
    }
}

/// How far one call advances.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Phase,
    Batch,
    Epoch,
}

impl Unit {
    /// Parses `"phase"`, `"batch"` or `"epoch"`.
    pub fn parse(name: &str) -> Result<Self> {
        match name {
            "phase" => Ok(Unit::Phase),
            "batch" => Ok(Unit::Batch),
            "epoch" => Ok(Unit::Epoch),
            _ => Err(Error::invalid(Msg::FieldStepUnit, Msg::ExpectedStepUnit, show::quoted(name))),
        }
    }
}

//! The network follows the data: the inputs and the output layer (units, activation, loss) are
//! set by the prepared data, the hidden layers are the user's.

use crate::data::prepare::Prepared;
use crate::error::Result;
use crate::init::Init;
use crate::network::{Architecture, LayerSpec};
use crate::settings::Settings;
use crate::trainer::Trainer;

impl Prepared {
    /// The data's input count, the given hidden layers, then the output layer that fits the task.
    pub fn architecture(&self, hidden: &[LayerSpec]) -> Architecture {
        let mut layers = hidden.to_vec();
        layers.push(LayerSpec { units: self.output.units, activation: self.output.activation });
        Architecture { inputs: self.inputs.len(), layers }
    }

    /// A fresh trainer on this data, parameters drawn from `init` with the settings' seed.
    pub fn trainer(&self, hidden: &[LayerSpec], init: Init, settings: Settings) -> Result<Trainer> {
        Trainer::new(self.architecture(hidden), self.output.loss, init, settings, self.data.clone(), None)
    }
}

/// A new trainer on `prepared` that keeps the hidden layers, initialisation and settings of `old`.
/// `old` is only read, so when this fails the session it belongs to carries on unchanged.
pub fn retarget(old: &Trainer, prepared: &Prepared) -> Result<Trainer> {
    let hidden = &old.arch.layers[..old.arch.layers.len().saturating_sub(1)];
    prepared.trainer(hidden, old.init, old.settings.clone())
}

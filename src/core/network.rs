//! A dense network: layers of weights W⁽ˡ⁾, biases b⁽ˡ⁾ and an activation, one row per sample.
//!
//! What it computes is elsewhere, one formula per file (the table in lib.rs); `Network::predict`
//! and `activations` are in `predict`, through the training trace's forward pass.

use crate::activation::Activation;
use crate::error::{Error, Result};
use crate::init::{init_rng, Init};
use crate::layout::{slice, slice_mut, vector, vector_mut};
use crate::message::{Msg, Phrase};
use ndarray::{Array1, Array2};

/// Largest number of inputs a network may have.
pub const MAX_INPUTS: usize = 1024;
/// Largest number of units in one layer.
pub const MAX_UNITS: usize = 256;
/// Largest number of hidden layers (the output layer comes on top).
pub const MAX_HIDDEN: usize = 8;

/// The shape of one layer: its unit count and activation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayerSpec {
    pub units: usize,
    pub activation: Activation,
}

/// The architecture of a network: input count and layers (the last is the output layer).
#[derive(Debug, Clone, PartialEq)]
pub struct Architecture {
    pub inputs: usize,
    pub layers: Vec<LayerSpec>,
}

impl Architecture {
    /// Checks the limits: 1–1024 inputs, 1–9 layers of 1–256 units, softmax only at the output.
    pub fn validate(&self) -> Result<()> {
        if !(1..=MAX_INPUTS).contains(&self.inputs) {
            return Err(Error::invalid(
                "network.inputs",
                Phrase::new(Msg::ExpectedIntRange).arg("lo", 1).arg("hi", MAX_INPUTS),
                self.inputs,
            ));
        }
        if self.layers.is_empty() || self.layers.len() > MAX_HIDDEN + 1 {
            return Err(Error::invalid(
                "network.layers",
                Phrase::new(Msg::ExpectedLayerCountHidden).arg("max", MAX_HIDDEN + 1).arg("hidden", MAX_HIDDEN),
                Phrase::new(Msg::GotLayers).arg("count", self.layers.len()),
            ));
        }
        for (l, spec) in self.layers.iter().enumerate() {
            if !(1..=MAX_UNITS).contains(&spec.units) {
                return Err(Error::invalid(
                    format!("network.layers[{l}].units"),
                    Phrase::new(Msg::ExpectedIntRange).arg("lo", 1).arg("hi", MAX_UNITS),
                    spec.units,
                ));
            }
            if spec.activation == Activation::Softmax && l + 1 != self.layers.len() {
                return Err(Error::invalid(
                    format!("network.layers[{l}].activation"),
                    Msg::ExpectedHiddenActivation,
                    "\"softmax\"",
                ));
            }
        }
        Ok(())
    }

    /// Units of the output layer.
    pub fn outputs(&self) -> usize {
        self.layers.last().map_or(0, |l| l.units)
    }

    /// Input count of layer l (0-based): the previous layer's units, or the network's inputs.
    pub fn fan_in(&self, l: usize) -> usize {
        if l == 0 {
            self.inputs
        } else {
            self.layers[l - 1].units
        }
    }
}

/// One dense layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// W⁽ˡ⁾, inputs_l × units_l.
    pub w: Array2<f64>,
    /// b⁽ˡ⁾, units_l.
    pub b: Array1<f64>,
    /// f⁽ˡ⁾.
    pub activation: Activation,
}

impl Layer {
    /// Number of units (columns of W).
    pub fn units(&self) -> usize {
        self.w.ncols()
    }
    /// Number of inputs (rows of W).
    pub fn inputs(&self) -> usize {
        self.w.nrows()
    }
}

/// A dense network; `layers[l]` is layer l + 1 in the notation (layer 0 would be the input X).
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    pub layers: Vec<Layer>,
}

impl Network {
    /// Draws every layer's parameters from `init`, seeded by `seed`.
    pub fn init(arch: &Architecture, init: &Init, seed: u64) -> Result<Self> {
        arch.validate()?;
        let mut rng = init_rng(seed);
        let layers = arch
            .layers
            .iter()
            .enumerate()
            .map(|(l, spec)| {
                let (w, b) = init.draw(arch.fan_in(l), spec.units, &mut rng);
                Layer { w, b, activation: spec.activation }
            })
            .collect();
        Ok(Network { layers })
    }

    /// The architecture these layers have.
    pub fn architecture(&self) -> Architecture {
        Architecture {
            inputs: self.inputs(),
            layers: self.layers.iter().map(|l| LayerSpec { units: l.units(), activation: l.activation }).collect(),
        }
    }

    /// Number of inputs of the first layer.
    pub fn inputs(&self) -> usize {
        self.layers[0].inputs()
    }

    /// Number of units of the output layer.
    pub fn outputs(&self) -> usize {
        self.layers[self.layers.len() - 1].units()
    }

    /// Number of layers L (hidden and output).
    pub fn depth(&self) -> usize {
        self.layers.len()
    }

    /// Whether every weight and bias is a finite number.
    pub fn is_finite(&self) -> bool {
        self.layers.iter().all(|l| slice(&l.w).iter().chain(vector(&l.b)).all(|v| v.is_finite()))
    }

    /// Copies the parameters of `other` (same architecture) without allocating.
    pub fn assign(&mut self, other: &Network) {
        for (l, o) in self.layers.iter_mut().zip(&other.layers) {
            // Slice copies: ndarray's general assign costs more than copying a few numbers.
            if l.w.dim() == o.w.dim() && l.b.len() == o.b.len() {
                slice_mut(&mut l.w).copy_from_slice(slice(&o.w));
                vector_mut(&mut l.b).copy_from_slice(vector(&o.b));
            } else {
                // Not ndarray's assign, whose shape check formats the shapes with Debug.
                l.w = o.w.clone();
                l.b = o.b.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;

    #[test]
    fn assign_copies_every_parameter_even_from_layers_of_another_size() {
        let arch = |units| Architecture { inputs: 2, layers: vec![LayerSpec { units, activation: Activation::Tanh }] };
        let from = Network::init(&arch(3), &Init::default(), 1).unwrap();
        for units in [3, 2] {
            let mut to = Network::init(&arch(units), &Init::default(), 2).unwrap();
            to.assign(&from);
            assert_eq!(to, from);
        }
    }
}

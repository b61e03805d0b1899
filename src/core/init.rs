//! Seeded initialisation of weights and biases.
//!
//! Every random draw comes from the session seed's initialisation stream (`random::INIT_STREAM`),
//! so the same session gives the same parameters natively and in the browser.

use crate::error::{Error, Result};
use crate::message::{Msg, Phrase};
use crate::random::{Random, INIT_STREAM};
use ndarray::{Array1, Array2};

/// How the weights W of every layer are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WeightInit {
    /// Every weight equal to c (the article's worked example uses 0.5).
    Constant(f64),
    /// Uniform on [0, 1) (the article's `np.random.rand`).
    Uniform,
    /// Uniform on [−0.5, 0.5).
    UniformCentered,
    /// Glorot/Xavier uniform: U(−r, r) with r = √(6 / (fan_in + fan_out)).
    GlorotUniform,
    /// He normal: N(0, σ²) with σ = √(2 / fan_in).
    HeNormal,
}

impl WeightInit {
    /// The names used in session files, in the order the page lists them.
    pub const NAMES: [&'static str; 5] = ["constant", "uniform", "uniform_centered", "glorot_uniform", "he_normal"];

    /// The name used in session files and the page.
    pub fn name(self) -> &'static str {
        match self {
            WeightInit::Constant(_) => "constant",
            WeightInit::Uniform => "uniform",
            WeightInit::UniformCentered => "uniform_centered",
            WeightInit::GlorotUniform => "glorot_uniform",
            WeightInit::HeNormal => "he_normal",
        }
    }

    /// Parses a name; `value` is the constant for `constant`.
    pub fn parse(name: &str, value: f64, field: &str) -> Result<Self> {
        Ok(match name {
            "constant" => WeightInit::Constant(value),
            "uniform" => WeightInit::Uniform,
            "uniform_centered" => WeightInit::UniformCentered,
            "glorot_uniform" => WeightInit::GlorotUniform,
            "he_normal" => WeightInit::HeNormal,
            _ => {
                return Err(Error::invalid(
                    field,
                    Phrase::new(Msg::ExpectedOneOf)
                        .arg("names", "constant, uniform, uniform_centered, glorot_uniform, he_normal"),
                    crate::show::quoted(name),
                ))
            }
        })
    }
}

/// The initialisation of a whole network: weights by a rule, biases all equal to a constant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Init {
    pub weights: WeightInit,
    /// Every bias starts at this value (0 by default).
    pub bias: f64,
}

impl Default for Init {
    fn default() -> Self {
        Init { weights: WeightInit::GlorotUniform, bias: 0.0 }
    }
}

/// The generator for initialisation: the seed's initialisation stream (shuffles use others).
pub fn init_rng(seed: u64) -> Random {
    Random::new(seed, INIT_STREAM)
}

impl Init {
    /// Draws W (fan_in × fan_out) and b (fan_out) for one layer.
    pub fn draw(&self, fan_in: usize, fan_out: usize, rng: &mut Random) -> (Array2<f64>, Array1<f64>) {
        let (i, o) = (fan_in as f64, fan_out as f64);
        let w = match self.weights {
            WeightInit::Constant(c) => Array2::from_elem((fan_in, fan_out), c),
            WeightInit::Uniform => Array2::from_shape_simple_fn((fan_in, fan_out), || rng.unit()),
            WeightInit::UniformCentered => Array2::from_shape_simple_fn((fan_in, fan_out), || rng.unit() - 0.5),
            WeightInit::GlorotUniform => {
                let r = (6.0 / (i + o)).sqrt();
                Array2::from_shape_simple_fn((fan_in, fan_out), || (2.0 * rng.unit() - 1.0) * r)
            }
            WeightInit::HeNormal => {
                let sigma = (2.0 / i).sqrt();
                Array2::from_shape_simple_fn((fan_in, fan_out), || sigma * standard_normal(rng))
            }
        };
        (w, Array1::from_elem(fan_out, self.bias))
    }
}

/// One draw of N(0, 1) by the Box–Muller transform (one of the pair is discarded, for simplicity).
pub fn standard_normal(rng: &mut Random) -> f64 {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    let u1 = 1.0 - rng.unit();
    let u2 = rng.unit();
    libm::sqrt(-2.0 * libm::log(u1)) * crate::trig::cos(2.0 * std::f64::consts::PI * u2)
}

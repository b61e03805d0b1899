//! Seeded toy data sets.
//!
//! Every generator takes (n, noise, seed) and returns (x, y), one row per point:
//! - inputs lie in [−1, 1]² (`sine`: in [−1, 1]), clamped there after the noise is added;
//! - classification sets give one column of class numbers (0/1 for two classes, 0…k−1 for blobs),
//!   and point i belongs to class i mod k, so the classes are balanced to within one point;
//! - regression sets give one column of real targets.
//!
//! `noise` runs from 0 to 1. For circle, xor and spiral it is the amplitude of a uniform jitter
//! added to each coordinate; for gauss and blobs it widens the clouds, σ = 0.1 + noise; for plane
//! and sine it is the amplitude of a uniform jitter added to the target.

use crate::error::{Error, Result};
use crate::init::standard_normal;
use crate::message::{Msg, Phrase};
use crate::random::{Random, DATA_STREAM};
use crate::trig;
use ndarray::Array2;
use std::f64::consts::PI;

/// Most points a generator makes (the page stays responsive up to here).
pub const MAX_POINTS: usize = 10_000;
/// Fewest points: a training row and a test row.
pub const MIN_POINTS: usize = 2;

/// Inputs and targets of a generated set.
pub type Points = (Array2<f64>, Array2<f64>);

/// Uniform on [−1, 1).
fn symmetric(rng: &mut Random) -> f64 {
    2.0 * rng.unit() - 1.0
}

/// Builds n two-input points of k classes; `point(class, index within class, rng)` gives (x1, x2).
fn classes_2d(n: usize, k: usize, seed: u64, mut point: impl FnMut(usize, usize, &mut Random) -> (f64, f64)) -> Points {
    let mut rng = Random::new(seed, DATA_STREAM);
    let mut x = Array2::zeros((n, 2));
    let mut y = Array2::zeros((n, 1));
    for i in 0..n {
        let class = i % k;
        let (x1, x2) = point(class, i / k, &mut rng);
        x[(i, 0)] = x1.clamp(-1.0, 1.0);
        x[(i, 1)] = x2.clamp(-1.0, 1.0);
        y[(i, 0)] = class as f64;
    }
    (x, y)
}

/// Two-class circle: half the points in the disc r < 0.5 (label 1), half in the ring
/// 0.7 < r < 1 (label 0), each jittered by uniform noise of amplitude `noise` (clamped to the square).
pub fn circle(n: usize, noise: f64, seed: u64) -> Points {
    let mut rng = Random::new(seed, DATA_STREAM);
    let mut x = Array2::zeros((n, 2));
    let mut y = Array2::zeros((n, 1));
    for i in 0..n {
        let inner = i % 2 == 0;
        let r = if inner { 0.5 * rng.unit() } else { 0.7 + 0.3 * rng.unit() };
        let angle = 2.0 * PI * rng.unit();
        let jitter = |rng: &mut Random| noise * (2.0 * rng.unit() - 1.0);
        x[(i, 0)] = (r * trig::cos(angle) + jitter(&mut rng)).clamp(-1.0, 1.0);
        x[(i, 1)] = (r * trig::sin(angle) + jitter(&mut rng)).clamp(-1.0, 1.0);
        y[(i, 0)] = if inner { 1.0 } else { 0.0 };
    }
    (x, y)
}

/// XOR: label 1 in the quadrants where x1 and x2 share a sign, 0 where they differ. Points keep
/// 0.05 away from the axes before the jitter, so that without noise every label is unambiguous.
pub fn xor(n: usize, noise: f64, seed: u64) -> Points {
    classes_2d(n, 2, seed, |class, _, rng| {
        let magnitude = |rng: &mut Random| 0.05 + 0.95 * rng.unit();
        let s1 = if rng.coin() { 1.0 } else { -1.0 };
        let s2 = if class == 1 { s1 } else { -s1 };
        let (m1, m2) = (magnitude(rng), magnitude(rng));
        (s1 * m1 + noise * symmetric(rng), s2 * m2 + noise * symmetric(rng))
    })
}

/// Two Gaussian clouds: label 1 around (0.5, 0.5), label 0 around (−0.5, −0.5), σ = 0.1 + noise.
pub fn gauss(n: usize, noise: f64, seed: u64) -> Points {
    let sigma = 0.1 + noise;
    classes_2d(n, 2, seed, |class, _, rng| {
        let c = if class == 1 { 0.5 } else { -0.5 };
        (c + sigma * standard_normal(rng), c + sigma * standard_normal(rng))
    })
}

/// Two interleaved spirals of 1.5 turns each, radius growing from 0.05 to 0.95; label 0 and 1
/// are the same spiral turned by half a turn. Jitter of amplitude `noise` on each coordinate.
pub fn spiral(n: usize, noise: f64, seed: u64) -> Points {
    let per_class = n.div_ceil(2).max(1) as f64;
    classes_2d(n, 2, seed, |class, j, rng| {
        let t = j as f64 / per_class;
        let r = 0.05 + 0.9 * t;
        let angle = 3.0 * PI * t + class as f64 * PI;
        (r * trig::cos(angle) + noise * symmetric(rng), r * trig::sin(angle) + noise * symmetric(rng))
    })
}

/// k Gaussian blobs (classes 0…k−1) centred on a circle of radius 0.6, class 0 at the top;
/// σ = 0.1 + noise.
pub fn blobs(n: usize, k: usize, noise: f64, seed: u64) -> Points {
    let k = k.max(1);
    let sigma = 0.1 + noise;
    classes_2d(n, k, seed, |class, _, rng| {
        let angle = PI / 2.0 + 2.0 * PI * class as f64 / k as f64;
        (0.6 * trig::cos(angle) + sigma * standard_normal(rng), 0.6 * trig::sin(angle) + sigma * standard_normal(rng))
    })
}

/// A plane: x uniform in [−1, 1]², y = (x1 + x2)/2 + noise·u with u uniform in [−1, 1],
/// so y lies in [−1 − noise, 1 + noise].
pub fn plane(n: usize, noise: f64, seed: u64) -> Points {
    let mut rng = Random::new(seed, DATA_STREAM);
    let mut x = Array2::zeros((n, 2));
    let mut y = Array2::zeros((n, 1));
    for i in 0..n {
        let (x1, x2) = (symmetric(&mut rng), symmetric(&mut rng));
        x[(i, 0)] = x1;
        x[(i, 1)] = x2;
        y[(i, 0)] = 0.5 * (x1 + x2) + noise * symmetric(&mut rng);
    }
    (x, y)
}

/// A noisy sine: x uniform in [−1, 1], y = sin(πx) + noise·u with u uniform in [−1, 1],
/// so y lies in [−1 − noise, 1 + noise].
pub fn sine(n: usize, noise: f64, seed: u64) -> Points {
    let mut rng = Random::new(seed, DATA_STREAM);
    let mut x = Array2::zeros((n, 1));
    let mut y = Array2::zeros((n, 1));
    for i in 0..n {
        let x1 = symmetric(&mut rng);
        x[(i, 0)] = x1;
        y[(i, 0)] = trig::sin(PI * x1) + noise * symmetric(&mut rng);
    }
    (x, y)
}

/// The generated sets, as the page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Circle,
    Xor,
    Gauss,
    Spiral,
    /// Gaussian blobs of 3 to 5 classes.
    Blobs(usize),
    Plane,
    Sine,
}

impl Generator {
    /// Every generator (blobs with 3 classes), in the order the page lists them.
    pub const ALL: [Generator; 7] = [
        Generator::Circle,
        Generator::Xor,
        Generator::Gauss,
        Generator::Spiral,
        Generator::Blobs(3),
        Generator::Plane,
        Generator::Sine,
    ];
    /// Class counts a blobs set may have.
    pub const BLOB_CLASSES: std::ops::RangeInclusive<usize> = 3..=5;

    /// The name used by the page: circle, xor, gauss, spiral, blobs, plane, sine.
    pub fn name(self) -> &'static str {
        match self {
            Generator::Circle => "circle",
            Generator::Xor => "xor",
            Generator::Gauss => "gauss",
            Generator::Spiral => "spiral",
            Generator::Blobs(_) => "blobs",
            Generator::Plane => "plane",
            Generator::Sine => "sine",
        }
    }

    /// A one-line description for the page.
    pub fn title(self) -> &'static str {
        match self {
            Generator::Circle => "Circle: a disc (1) inside a ring (0)",
            Generator::Xor => "XOR: 1 where x1 and x2 share a sign",
            Generator::Gauss => "Two Gaussian clouds",
            Generator::Spiral => "Two interleaved spirals",
            Generator::Blobs(_) => "Gaussian blobs, one class each",
            Generator::Plane => "Regression: the plane y = (x1 + x2)/2",
            Generator::Sine => "Regression: y = sin(πx)",
        }
    }

    /// Parses a name; `classes` is the class count of blobs (3 to 5) and ignored otherwise.
    pub fn parse(name: &str, classes: usize) -> Result<Self> {
        let found = Generator::ALL.into_iter().find(|g| g.name() == name).ok_or_else(|| {
            let names: Vec<&str> = Generator::ALL.iter().map(|g| g.name()).collect();
            Error::invalid(
                "generator",
                Phrase::new(Msg::ExpectedOneOf).arg("names", names.join(", ")),
                crate::show::quoted(name),
            )
        })?;
        if found != Generator::Blobs(3) {
            return Ok(found);
        }
        if !Generator::BLOB_CLASSES.contains(&classes) {
            return Err(Error::invalid(
                "generator.classes",
                Phrase::new(Msg::ExpectedWholeRange).arg("lo", 3).arg("hi", 5),
                classes,
            ));
        }
        Ok(Generator::Blobs(classes))
    }

    /// Number of inputs: 1 for sine, 2 otherwise.
    pub fn inputs(self) -> usize {
        if self == Generator::Sine {
            1
        } else {
            2
        }
    }

    /// Number of classes, or None for a regression set.
    pub fn classes(self) -> Option<usize> {
        match self {
            Generator::Plane | Generator::Sine => None,
            Generator::Blobs(k) => Some(k),
            _ => Some(2),
        }
    }

    /// Makes n points; n must be from 2 to 10 000 and noise from 0 to 1.
    pub fn generate(self, n: usize, noise: f64, seed: u64) -> Result<Points> {
        if !(MIN_POINTS..=MAX_POINTS).contains(&n) {
            return Err(Error::invalid(
                "generator.points",
                Phrase::new(Msg::ExpectedWholeRange).arg("lo", MIN_POINTS).arg("hi", MAX_POINTS),
                n,
            ));
        }
        if !(0.0..=1.0).contains(&noise) {
            return Err(Error::invalid(
                "generator.noise",
                Phrase::new(Msg::ExpectedNumberRange).arg("lo", 0).arg("hi", 1),
                noise,
            ));
        }
        Ok(match self {
            Generator::Circle => circle(n, noise, seed),
            Generator::Xor => xor(n, noise, seed),
            Generator::Gauss => gauss(n, noise, seed),
            Generator::Spiral => spiral(n, noise, seed),
            Generator::Blobs(k) => blobs(n, k, noise, seed),
            Generator::Plane => plane(n, noise, seed),
            Generator::Sine => sine(n, noise, seed),
        })
    }
}

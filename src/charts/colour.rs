//! Colour scales shared by the boundary field, the neuron maps and the data points, each with its
//! inverse so tests can read a value back from a pixel.
//!
//! One rule for classes, whatever the output layer: class c is `CLASSES[c % 10]`, orange for 0,
//! blue for 1, then Tableau 10's others. One value: a diverging scale between the first two,
//! orange (low, class 0) → near-white (middle, the 0.5 boundary) → blue (high, class 1), as in
//! TensorFlow Playground, so a sigmoid output and a softmax over two units colour a class alike.
//! Several classes: each class has its own colour, blended towards the near-white middle as the
//! network's confidence drops. The page's data scatter takes the same list (www/colors.js).
//!
//! Fields use paler ends than points and lines, so that points of either class stand out on them.

/// A colour as red, green and blue bytes.
pub type Rgb = [u8; 3];

/// Class colours; class c takes `CLASSES[c % 10]`: orange and blue (the diverging scale's ends),
/// then Tableau 10 without its own orange and blue.
pub const CLASSES: [Rgb; 10] = [
    [245, 147, 34],
    [8, 119, 189],
    [44, 160, 44],
    [214, 39, 40],
    [148, 103, 189],
    [140, 86, 75],
    [227, 119, 194],
    [127, 127, 127],
    [188, 189, 34],
    [23, 190, 207],
];

/// The low end of the diverging scale: class 0's colour (and negative values).
pub const LOW: Rgb = CLASSES[0];
/// The middle of the diverging scale, and the colour of no confidence.
pub const MID: Rgb = [232, 234, 235];
/// The high end of the diverging scale: class 1's colour (and positive values).
pub const HIGH: Rgb = CLASSES[1];
/// `LOW` and `HIGH` mixed 35 % towards white: the ends of the scale in fields (as
/// `field_class_colour` makes them, so a class's region is one colour whatever the output layer).
pub const FIELD_LOW: Rgb = [249, 185, 111];
pub const FIELD_HIGH: Rgb = [94, 167, 212];

/// Linear positions of values between `lo` and `hi` on the diverging scale (clamped outside).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
}

impl Scale {
    /// A scale from `lo` to `hi`; a degenerate or non-finite range is widened so that it maps.
    pub fn new(lo: f64, hi: f64) -> Scale {
        let (lo, hi) = if lo.is_finite() && hi.is_finite() { (lo.min(hi), lo.max(hi)) } else { (0.0, 1.0) };
        if hi - lo > 1e-12 * hi.abs().max(1.0) {
            Scale { lo, hi }
        } else {
            Scale { lo: lo - 0.5, hi: hi + 0.5 }
        }
    }

    /// The value in the middle, shown near-white: the 0.5 of a sigmoid, the 0 of a tanh.
    pub fn mid(&self) -> f64 {
        0.5 * (self.lo + self.hi)
    }

    /// Position of a value on the scale, 0 (lo) to 1 (hi).
    pub fn t(&self, v: f64) -> f64 {
        let t = (v - self.lo) / (self.hi - self.lo);
        if t.is_nan() {
            0.5
        } else {
            t.clamp(0.0, 1.0)
        }
    }

    /// The colour of a value in a field, from a table of `TABLE` steps (this runs for every
    /// pixel of every map, and a table lookup is several times cheaper than the blend).
    pub fn encode(&self, v: f64) -> Rgb {
        self.encoder().rgb(v)
    }

    /// `encode` with the division done once, for colouring many pixels.
    pub fn encoder(&self) -> Encoder {
        let table =
            TABLE_COLOURS.get_or_init(|| (0..TABLE).map(|i| diverging(i as f64 / (TABLE - 1) as f64)).collect());
        Encoder { lo: self.lo, steps_per_unit: (TABLE - 1) as f64 / (self.hi - self.lo), table }
    }

    /// The colour of a value for a point or a line: the same scale with the strong ends.
    pub fn encode_strong(&self, v: f64) -> Rgb {
        let t = self.t(v);
        if t < 0.5 {
            lerp(LOW, MID, t / 0.5)
        } else {
            lerp(MID, HIGH, (t - 0.5) / 0.5)
        }
    }

    /// The value a colour stands for (within `resolution()` for colours `encode` made).
    pub fn decode(&self, rgb: Rgb) -> f64 {
        self.lo + undiverge(rgb) * (self.hi - self.lo)
    }

    /// The largest error of `decode(encode(v))` for v in the range: half a colour step and half
    /// a table step.
    pub fn resolution(&self) -> f64 {
        T_RESOLUTION * (self.hi - self.lo)
    }
}

/// A `Scale`'s field colours, ready for many values.
#[derive(Debug, Clone, Copy)]
pub struct Encoder {
    lo: f64,
    steps_per_unit: f64,
    table: &'static [Rgb],
}

impl Encoder {
    /// The field colour of a value (clamped to the scale; NaN gets the middle).
    pub fn rgb(&self, v: f64) -> Rgb {
        let step = (v - self.lo) * self.steps_per_unit;
        let step = if step.is_nan() { (TABLE / 2) as f64 } else { step.clamp(0.0, (TABLE - 1) as f64) };
        self.table[(step + 0.5) as usize]
    }
}

/// Steps of the field colour table.
const TABLE: usize = 4096;
static TABLE_COLOURS: std::sync::OnceLock<Vec<Rgb>> = std::sync::OnceLock::new();

/// Half a step of the coarser half of the field scale, in t (each half spans 0.5 in t and 124
/// steps of its dominant channel: blue 111 → 235 on the low half, red 232 → 94 on the high one),
/// plus half a step of the table.
const T_RESOLUTION: f64 = 0.5 / 124.0 * 0.5 + 0.5 / (TABLE - 1) as f64 + 1e-9;

fn lerp(a: Rgb, b: Rgb, s: f64) -> Rgb {
    // + 0.5 and truncation rounds these non-negative values; `f64::round` is a library call on
    // baseline x86-64 and in wasm, and this runs for every pixel.
    let mix = |a: u8, b: u8| (f64::from(a) + s * (f64::from(b) - f64::from(a)) + 0.5) as u8;
    [mix(a[0], b[0]), mix(a[1], b[1]), mix(a[2], b[2])]
}

/// The field colour at position t (0 to 1) of the diverging scale.
pub fn diverging(t: f64) -> Rgb {
    if t < 0.5 {
        lerp(FIELD_LOW, MID, t / 0.5)
    } else {
        lerp(MID, FIELD_HIGH, (t - 0.5) / 0.5)
    }
}

/// The position t of a colour of the diverging scale: each half is read from its channel with
/// the most steps, and the half whose colour comes closer wins.
pub fn undiverge(rgb: Rgb) -> f64 {
    let channel = |c: usize, from: Rgb, to: Rgb| {
        (f64::from(rgb[c]) - f64::from(from[c])) / (f64::from(to[c]) - f64::from(from[c]))
    };
    let low_half = (0.5 * channel(2, FIELD_LOW, MID)).clamp(0.0, 0.5);
    let high_half = (0.5 + 0.5 * channel(0, MID, FIELD_HIGH)).clamp(0.5, 1.0);
    if distance2(diverging(low_half), rgb) <= distance2(diverging(high_half), rgb) {
        low_half
    } else {
        high_half
    }
}

fn distance2(a: Rgb, b: Rgb) -> i32 {
    (0..3).map(|i| (i32::from(a[i]) - i32::from(b[i])).pow(2)).sum()
}

/// The colour of class c, for points.
pub fn class_colour(c: usize) -> Rgb {
    CLASSES[c % CLASSES.len()]
}

/// The colour of class c in fields: mixed 35 % towards white, like the field's scale.
pub fn field_class_colour(c: usize) -> Rgb {
    lerp(class_colour(c), [255, 255, 255], 0.35)
}

/// Confidence of a prediction over k classes from its largest probability: 0 when all classes
/// are equally likely (p = 1/k), 1 when one class is certain.
pub fn confidence(p_max: f64, k: usize) -> f64 {
    if k < 2 {
        return 1.0;
    }
    let uniform = 1.0 / k as f64;
    ((p_max - uniform) / (1.0 - uniform)).clamp(0.0, 1.0)
}

/// The field colour of class c predicted with a confidence from 0 to 1.
pub fn class_blend(c: usize, confidence: f64) -> Rgb {
    lerp(MID, field_class_colour(c), confidence.clamp(0.0, 1.0))
}

/// The class (among the first `k`, modulo the palette) and confidence a `class_blend` colour
/// stands for: the class colour whose blend line passes closest.
pub fn decode_class(rgb: Rgb, k: usize) -> (usize, f64) {
    let d: [f64; 3] = std::array::from_fn(|i| f64::from(rgb[i]) - f64::from(MID[i]));
    let mut best = (0, 0.0, f64::INFINITY);
    for c in 0..k.min(CLASSES.len()) {
        let dir: [f64; 3] = std::array::from_fn(|i| f64::from(field_class_colour(c)[i]) - f64::from(MID[i]));
        let norm2: f64 = dir.iter().map(|v| v * v).sum();
        let s = (d.iter().zip(&dir).map(|(a, b)| a * b).sum::<f64>() / norm2).clamp(0.0, 1.0);
        let residual: f64 = d.iter().zip(&dir).map(|(a, b)| (a - s * b).powi(2)).sum();
        if residual < best.2 {
            best = (c, s, residual);
        }
    }
    (best.0, best.1)
}

/// The darker colour that marks the boundary (the 0.5 contour, or where the class changes).
pub fn darken(rgb: Rgb) -> Rgb {
    rgb.map(|v| (f64::from(v) * 0.3).round() as u8)
}

/// A colour for plotters.
pub fn rgb(c: Rgb) -> plotters::style::RGBColor {
    plotters::style::RGBColor(c[0], c[1], c[2])
}

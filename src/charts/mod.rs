//! Charts, drawn with plotters onto any `DrawingBackend`: the page's canvas in the browser, an SVG
//! string in native tests. Each chart is rebuilt from plain data on every call.
//!
//! Every chart module has a data struct (with a `from_trainer` adapter), an options struct read
//! from JSON, and `draw(root, data) -> Result<Frame>`; the `Frame` maps pixels back to data for
//! hover tooltips. The decision-boundary colour field is not drawn through plotters: `field`
//! computes it into an RGBA buffer that the page puts on the canvas in one call.

pub mod accuracy;
pub mod axis;
pub mod boundary;
pub mod colour;
pub mod curve;
pub mod downsample;
pub mod epochs;
pub mod field;
pub mod loss;
pub mod neurons;
pub mod plane;

use crate::error::{Error, Result};
use crate::json::{self, known_keys, object, optional, Map, Value};
use crate::message::{Msg, Phrase};
use crate::show;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Smallest canvas a chart draws on; below it the axes would not fit.
pub const MIN_SIZE: u32 = 120;

/// Sizes of text, lines and margins, scaled for the device's pixel ratio.
///
/// At scale 1 the canvas draws tick labels at 15 px and axis labels at 17 px, readable on a
/// projector when the page is 1366 px wide. (plotters' SVG backend writes font sizes divided by
/// 1.24, its line-height convention, so the SVGs of the tests show smaller text.)
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// Device pixels per CSS pixel (the page's `devicePixelRatio`).
    pub scale: f64,
}

impl Look {
    /// Checks the scale: from 0.5 to 4.
    pub fn new(scale: f64) -> Result<Look> {
        if (0.5..=4.0).contains(&scale) {
            Ok(Look { scale })
        } else {
            Err(Error::invalid(
                "chart options.scale",
                Phrase::new(Msg::ExpectedScale).arg("lo", 0.5).arg("hi", 4),
                scale,
            ))
        }
    }

    /// `css` CSS pixels in device pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.scale + 0.5).max(1.0) as u32
    }

    /// How many tick labels fit along an axis of `span` device pixels, one per `every` CSS pixels
    /// (40 along x, where labels such as "0.25" lie side by side; 28 along y, where they are
    /// stacked), from 2 to 6: on a narrow chart they never run into each other.
    pub fn labels(&self, span: i32, every: f64) -> usize {
        ((span as f64 / self.scale / every) as usize).clamp(2, 6)
    }

    /// Tick label font.
    pub fn tick_font(&self) -> TextStyle<'static> {
        TextStyle::from(FontDesc::new(FontFamily::SansSerif, f64::from(self.px(15.0)), FontStyle::Normal))
    }

    /// Axis label and legend font.
    pub fn label_font(&self) -> TextStyle<'static> {
        TextStyle::from(FontDesc::new(FontFamily::SansSerif, f64::from(self.px(17.0)), FontStyle::Normal))
    }
}

/// Margins and label areas around a chart's plotting area, in backend pixels.
///
/// Fixed sizes (rather than sizes measured from the labels) make the plotting area a matter of
/// arithmetic, so hover can find it again without drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Layout {
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
    /// Height of the x axis's tick labels and title, below the plotting area.
    pub x_area: u32,
    /// Width of the y axis's tick labels and title, left of the plotting area.
    pub y_area: u32,
}

impl Layout {
    /// The layout of every chart here: room for ticks and a title on the left and at the bottom.
    pub fn new(look: Look, y_area: f64) -> Layout {
        let px = |v| look.px(v);
        Layout {
            top: px(12.0),
            right: px(24.0),
            bottom: px(12.0),
            left: px(12.0),
            x_area: px(52.0),
            y_area: px(y_area),
        }
    }

    /// A chart builder on `root` with these margins and label areas.
    pub fn builder<'a, 'b, DB: DrawingBackend>(&self, root: &'a DrawingArea<DB, Shift>) -> ChartBuilder<'a, 'b, DB> {
        let mut builder = ChartBuilder::on(root);
        builder
            .margin_top(self.top)
            .margin_right(self.right)
            .margin_bottom(self.bottom)
            .margin_left(self.left)
            .x_label_area_size(self.x_area)
            .y_label_area_size(self.y_area);
        builder
    }

    /// The plotting area on a backend of this size, as plotters lays it out: (left, top, right, bottom).
    pub fn plot(&self, (w, h): (u32, u32)) -> (i32, i32, i32, i32) {
        let i = |v: u32| v as i32;
        (i(self.left + self.y_area), i(self.top), i(w) - i(self.right), i(h) - i(self.bottom + self.x_area))
    }

    /// The frame of a chart of this size showing these ranges.
    pub fn frame(&self, size: (u32, u32), x: (f64, f64), y: (f64, f64), y_log: bool) -> Result<Frame> {
        check_size(size)?;
        let (left, top, right, bottom) = self.plot(size);
        Ok(Frame { left, right, top, bottom, x, y, y_log })
    }
}

/// Where a chart plotted its data, in backend pixels, and which data ranges the area shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Left and right pixel columns of the plotting area (right exclusive).
    pub left: i32,
    pub right: i32,
    /// Top and bottom pixel rows of the plotting area (bottom exclusive).
    pub top: i32,
    pub bottom: i32,
    /// Data x at the left and right edges.
    pub x: (f64, f64),
    /// Data y at the bottom and top edges.
    pub y: (f64, f64),
    /// Whether y is on a logarithmic scale.
    pub y_log: bool,
}

impl Frame {
    /// Width of the plotting area in pixels.
    pub fn width(&self) -> usize {
        (self.right - self.left).max(0) as usize
    }

    /// A data point moved into the ranges shown, so that an outlier is drawn at the edge (and
    /// plotters never maps a coordinate beyond the pixel range of an i32).
    pub fn clamp(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let inside = |v: f64, (a, b): (f64, f64)| if v.is_nan() { a } else { within(v, a.min(b), a.max(b)) };
        (inside(x, self.x), inside(y, self.y))
    }

    /// Whether a pixel lies in the plotting area.
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= f64::from(self.left)
            && px < f64::from(self.right)
            && py >= f64::from(self.top)
            && py < f64::from(self.bottom)
    }

    /// The data point under a pixel.
    pub fn to_data(&self, px: f64, py: f64) -> (f64, f64) {
        let fx = (px - f64::from(self.left)) / f64::from((self.right - self.left).max(1));
        let fy = (f64::from(self.bottom) - py) / f64::from((self.bottom - self.top).max(1));
        let x = self.x.0 + fx * (self.x.1 - self.x.0);
        let y = if self.y_log {
            (self.y.0.ln() + fy * (self.y.1.ln() - self.y.0.ln())).exp()
        } else {
            self.y.0 + fy * (self.y.1 - self.y.0)
        };
        (x, y)
    }

    /// The pixel showing a data point.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        let fx = (x - self.x.0) / (self.x.1 - self.x.0);
        let fy = if self.y_log {
            (y.ln() - self.y.0.ln()) / (self.y.1.ln() - self.y.0.ln())
        } else {
            (y - self.y.0) / (self.y.1 - self.y.0)
        };
        (
            f64::from(self.left) + fx * f64::from(self.right - self.left),
            f64::from(self.bottom) - fy * f64::from(self.bottom - self.top),
        )
    }
}

/// A plotters error as the crate's error.
pub(crate) fn drawing_error<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> Error {
    Error::Chart(e.to_string())
}

/// The largest magnitude an axis reaches. plotters' tick search stalls on ranges that overflow
/// (a diverging run can log a J near `f64::MAX`); values beyond it are drawn at the edge.
pub const AXIS_LIMIT: f64 = 1e300;

/// v moved into lo..=hi (lo ≤ hi; NaN gives lo). Not `f64::clamp`: its check that lo ≤ hi formats
/// the bounds with the standard float formatting, which stays in the wasm wherever the bounds are
/// not constants.
pub(crate) fn within(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// A range clamped to ±`AXIS_LIMIT` (and for a log axis, above 1/`AXIS_LIMIT`), kept non-empty.
pub(crate) fn bounded((lo, hi): (f64, f64), log: bool) -> (f64, f64) {
    let floor = if log { 1.0 / AXIS_LIMIT } else { -AXIS_LIMIT };
    let lo = if lo.is_nan() { floor } else { within(lo, floor, AXIS_LIMIT / 2.0) };
    let hi = if hi.is_nan() { AXIS_LIMIT } else { within(hi, floor, AXIS_LIMIT) };
    if hi > lo {
        (lo, hi)
    } else if log {
        (lo, lo * 10.0)
    } else {
        (lo, lo + lo.abs().max(1.0))
    }
}

/// Refuses a canvas too small for axes and labels.
pub(crate) fn check_size((w, h): (u32, u32)) -> Result<()> {
    if w < MIN_SIZE || h < MIN_SIZE {
        return Err(Error::invalid(
            Msg::FieldCanvasSize,
            Phrase::new(Msg::ExpectedCanvasSize).arg("min", MIN_SIZE),
            Phrase::new(Msg::GotSize).arg("width", w).arg("height", h),
        ));
    }
    Ok(())
}

/// A chart's options as JSON text (`""` for all defaults): unknown keys are errors, missing keys
/// keep their defaults.
/// The words a chart of epochs draws: the page passes them from its message table (option
/// `labels`), so that a translated page has translated charts. Keys: `epoch`, `loss`, `accuracy`,
/// `rmse` (axis names) and `train`, `test`, `batch` (line names); English by default.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    entries: Vec<(&'static str, String)>,
}

impl Words {
    /// Every key with its English word.
    pub const ENGLISH: [(&'static str, &'static str); 7] = [
        ("epoch", "epoch"),
        ("loss", "loss J"),
        ("accuracy", "accuracy"),
        ("rmse", "RMSE"),
        ("train", "train"),
        ("test", "test"),
        ("batch", "batch"),
    ];

    /// The word for `key` (the key itself if it has none).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.entries.iter().find(|(k, _)| *k == key).map_or(key, |(_, w)| w.as_str())
    }
}

impl Default for Words {
    fn default() -> Self {
        Words { entries: Words::ENGLISH.iter().map(|&(k, w)| (k, w.to_string())).collect() }
    }
}

pub(crate) struct OptionsText {
    map: Map,
}

impl OptionsText {
    pub fn parse(text: &str, known: &[&str]) -> Result<OptionsText> {
        if text.trim().is_empty() {
            return Ok(OptionsText { map: Map::new() });
        }
        let v = json::parse(text)
            .map_err(|e| Error::invalid(Msg::FieldChartOptions, Msg::ExpectedJsonObject, e.phrase()))?;
        let map = object(&v, "chart options")?.clone();
        known_keys(&map, "chart options", known)?;
        Ok(OptionsText { map })
    }

    fn field(key: &str) -> String {
        format!("chart options.{key}")
    }

    pub fn boolean(&self, key: &str, default: bool) -> Result<bool> {
        optional(&self.map, key).map_or(Ok(default), |v| json::boolean(v, &Self::field(key)))
    }

    pub fn number(&self, key: &str, default: f64) -> Result<f64> {
        optional(&self.map, key).map_or(Ok(default), |v| json::number(v, &Self::field(key)))
    }

    pub fn whole(&self, key: &str, default: usize) -> Result<usize> {
        optional(&self.map, key)
            .map_or(Ok(default), |v| Ok(json::whole(v, &Self::field(key), 0, u32::MAX.into())? as usize))
    }

    /// The `labels` object: words replacing the English ones, each a string of at most 40
    /// characters (it is drawn in the chart).
    pub fn words(&self) -> Result<Words> {
        let mut words = Words::default();
        let Some(v) = optional(&self.map, "labels") else {
            return Ok(words);
        };
        let field = Self::field("labels");
        let map = object(v, &field)?;
        let keys: Vec<&str> = Words::ENGLISH.iter().map(|(k, _)| *k).collect();
        known_keys(map, &field, &keys)?;
        for (key, word) in words.entries.iter_mut() {
            if let Some(v) = map.get(key) {
                let text = json::string(v, &format!("{field}.{key}"))?;
                if text.chars().count() > 40 {
                    return Err(Error::invalid(
                        format!("{field}.{key}"),
                        Phrase::new(Msg::ExpectedMaxChars).arg("max", 40),
                        show::quoted(text),
                    ));
                }
                *word = text.to_string();
            }
        }
        Ok(words)
    }

    /// The value of `key`, if present and not null.
    pub fn value(&self, key: &str) -> Option<&Value> {
        optional(&self.map, key)
    }

    /// A whole number or null (absent: None).
    pub fn optional_whole(&self, key: &str) -> Result<Option<usize>> {
        match optional(&self.map, key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => Ok(Some(json::whole(v, &Self::field(key), 0, u32::MAX.into())? as usize)),
        }
    }

    /// A pair of whole numbers `[a, b]` or null.
    pub fn optional_pair(&self, key: &str) -> Result<Option<(usize, usize)>> {
        let field = Self::field(key);
        match optional(&self.map, key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(a)) if a.len() == 2 => {
                let at = |i: usize| {
                    Ok::<usize, Error>(json::whole(&a[i], &format!("{field}[{i}]"), 0, u32::MAX.into())? as usize)
                };
                Ok(Some((at(0)?, at(1)?)))
            }
            Some(v) => Err(Error::invalid(field, Msg::ExpectedPairOrNull, json::show(v))),
        }
    }
}

/// A tick label: whole numbers plainly, others to 3 significant digits, tiny and huge ones as
/// `2e-5`. Written with integer formatting only: float formatting would add kilobytes to the wasm.
pub fn tick_label(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return "0".into();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    if !(1e-3..1e6).contains(&a) {
        let mut e = a.log10().floor();
        let mut m = (a / 10f64.powf(e)).round();
        if m >= 10.0 {
            m /= 10.0;
            e += 1.0;
        }
        return format!("{sign}{}e{}", m as u64, e as i64);
    }
    let decimals = (2 - a.log10().floor() as i32).clamp(0, 5) as u32;
    let scale = 10u64.pow(decimals);
    let n = (a * scale as f64).round() as u64;
    let (whole, fraction) = (n / scale, n % scale);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0width$}", width = decimals as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

//! Charts, drawn with plotters onto any `DrawingBackend`: the page's canvas in the browser, an SVG
//! string in native tests. Each chart is rebuilt from plain data on every call.
//!
//! Every chart module has a data struct (with a `from_trainer` adapter), an options struct read
//! from JSON, and `draw(root, data) -> Result<Frame>`; the `Frame` maps pixels back to data for
//! hover tooltips. The decision-boundary colour field is not drawn through plotters: `field`
//! computes it into an RGBA buffer that the page puts on the canvas in one call.

pub mod accuracy;
pub mod boundary;
pub mod colour;
pub mod curve;
pub mod downsample;
pub mod epochs;
pub mod field;
pub mod loss;

use crate::error::{Error, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use serde::de::DeserializeOwned;

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
            Err(Error::invalid("chart options.scale", "a number from 0.5 to 4 (the device pixel ratio)", scale))
        }
    }

    /// `css` CSS pixels in device pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// Tick label font.
    pub fn tick_font(&self) -> TextStyle<'static> {
        ("sans-serif", f64::from(self.px(15.0))).into_text_style_static()
    }

    /// Axis label and legend font.
    pub fn label_font(&self) -> TextStyle<'static> {
        ("sans-serif", f64::from(self.px(17.0))).into_text_style_static()
    }

    /// Width of data lines.
    pub fn line(&self) -> u32 {
        self.px(2.0)
    }
}

/// A text style owning nothing borrowed, so a `Look` can hand it out.
trait IntoStatic {
    fn into_text_style_static(self) -> TextStyle<'static>;
}

impl IntoStatic for (&'static str, f64) {
    fn into_text_style_static(self) -> TextStyle<'static> {
        TextStyle::from((self.0, self.1).into_font())
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
    fn of<X: Ranged<ValueType = f64>, Y: Ranged<ValueType = f64>, DB: DrawingBackend>(
        area: &DrawingArea<DB, Cartesian2d<X, Y>>,
        y_log: bool,
    ) -> Frame {
        let (px, py) = area.get_pixel_range();
        let (x, y) = (area.get_x_range(), area.get_y_range());
        Frame {
            left: px.start,
            right: px.end,
            top: py.start,
            bottom: py.end,
            x: (x.start, x.end),
            y: (y.start, y.end),
            y_log,
        }
    }

    /// Width of the plotting area in pixels.
    pub fn width(&self) -> usize {
        (self.right - self.left).max(0) as usize
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

/// Refuses a drawing area too small for axes and labels.
pub(crate) fn check_size<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> Result<()> {
    let (w, h) = root.dim_in_pixel();
    if w < MIN_SIZE || h < MIN_SIZE {
        return Err(Error::invalid(
            "canvas size",
            format!("at least {MIN_SIZE} × {MIN_SIZE} pixels"),
            format!("{w} × {h}"),
        ));
    }
    Ok(())
}

/// Parses a chart's options from JSON text; an empty text gives the defaults.
pub fn parse_options<T: DeserializeOwned + Default>(json: &str) -> Result<T> {
    if json.trim().is_empty() {
        return Ok(T::default());
    }
    serde_json::from_str(json).map_err(|e| Error::invalid("chart options", "a JSON object of known options", e))
}

/// A backend that draws nothing: lays a chart out to learn its `Frame` without drawing it.
pub struct NullBackend {
    pub size: (u32, u32),
}

impl DrawingBackend for NullBackend {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> std::result::Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn present(&mut self) -> std::result::Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> std::result::Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
    ) -> std::result::Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        _: &str,
        _: &S,
        _: BackendCoord,
    ) -> std::result::Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // The frame never depends on text size (label areas are fixed), so a rough guess will do.
        let size = style.size();
        Ok(((size * 0.6 * text.chars().count() as f64) as u32, size as u32))
    }
}

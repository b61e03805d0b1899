//! The fitted curve for one-input data: ŷ over x₁, drawn over the data points (x₁, y).

use super::axis::Axis;
use super::boundary::{draw_dots, Dot};
use super::colour::{HIGH, LOW};
use super::plane::span;
use super::{drawing_error, Frame, Layout, Look};
use crate::error::{Error, Result};
use crate::message::{Msg, Phrase};
use crate::trainer::Trainer;
use ndarray::Array2;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Points on the fitted curve: a few per pixel column of a wide chart.
pub const SAMPLES: usize = 400;

/// What the page asks of the curve view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// Show the training points.
    pub train: bool,
    /// Show the test points.
    pub test: bool,
    /// Which output to draw.
    pub output: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { scale: 1.0, train: true, test: true, output: 0 }
    }
}

/// The curve view takes the boundary view's options (the page has one view for both); the
/// field's own (`resolution`, `neuron`) do not apply.
impl From<super::boundary::Options> for Options {
    fn from(o: super::boundary::Options) -> Options {
        Options { scale: o.scale, train: o.train, test: o.test, output: o.output }
    }
}

/// What the curve view draws.
#[derive(Debug, Clone, PartialEq)]
pub struct CurveData {
    /// The x₁ range shown: the inputs' with a margin.
    pub x: (f64, f64),
    /// The y range shown: the targets' and the curve's, with a margin.
    pub y: (f64, f64),
    /// (x₁, ŷ) along the x range.
    pub curve: Vec<(f64, f64)>,
    pub train: Vec<Dot>,
    pub test: Vec<Dot>,
    pub look: Look,
}

impl CurveData {
    /// The view of a session with one input.
    pub fn from_trainer(t: &Trainer, options: &Options) -> Result<CurveData> {
        if t.arch.inputs != 1 {
            return Err(Error::invalid("network.inputs", Msg::ExpectedCurveInputs, t.arch.inputs));
        }
        let outputs = t.arch.outputs();
        let k = options.output;
        if k >= outputs {
            return Err(Error::invalid(
                "chart options.output",
                Phrase::new(Msg::ExpectedOutputIndex).arg("max", outputs - 1),
                k,
            ));
        }
        let sets: Vec<_> = std::iter::once(&t.data.train).chain(t.data.test.as_ref()).collect();
        let x = span(sets.iter().flat_map(|d| d.x.column(0).into_iter().copied()));
        let grid = Array2::from_shape_fn((SAMPLES, 1), |(i, _)| x.0 + (x.1 - x.0) * i as f64 / (SAMPLES - 1) as f64);
        let y_hat = t.network().predict(grid.view());
        let curve: Vec<(f64, f64)> = grid.column(0).iter().zip(y_hat.column(k)).map(|(&x, &y)| (x, y)).collect();
        let targets = sets.iter().flat_map(|d| d.y.column(k).into_iter().copied());
        let y = span(targets.chain(curve.iter().map(|p| p.1)));
        let points = |d: &crate::settings::Dataset, colour| {
            d.x.column(0).iter().zip(d.y.column(k)).map(|(&x, &y)| Dot { at: (x, y), colour }).collect::<Vec<_>>()
        };
        Ok(CurveData {
            x,
            y,
            curve,
            train: if options.train { points(&t.data.train, HIGH) } else { Vec::new() },
            test: match (&t.data.test, options.test) {
                (Some(test), true) => points(test, LOW),
                _ => Vec::new(),
            },
            look: Look::new(options.scale)?,
        })
    }

    fn build<'r, DB: DrawingBackend>(
        &self,
        root: &'r DrawingArea<DB, Shift>,
    ) -> Result<ChartContext<'r, DB, Cartesian2d<Axis, Axis>>> {
        let (x, y) = (self.x, self.y);
        Layout::new(self.look, 64.0)
            .builder(root)
            .build_cartesian_2d(Axis::from(x.0..x.1), Axis::from(y.0..y.1))
            .map_err(drawing_error)
    }

    /// The frame `draw` gives on a backend of this size, without drawing.
    pub fn frame(&self, size: (u32, u32)) -> Result<Frame> {
        let (x, y) = (self.x, self.y);
        Layout::new(self.look, 64.0).frame(size, x, y, false)
    }

    /// Draws the points and the curve, filling `root`.
    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<Frame> {
        let frame = self.frame(root.dim_in_pixel())?;
        root.fill(&WHITE).map_err(drawing_error)?;
        let look = self.look;
        let mut chart = self.build(root)?;
        chart
            .configure_mesh()
            .x_desc("x₁")
            .y_desc("y, ŷ")
            .label_style(look.tick_font())
            .axis_desc_style(look.label_font())
            .x_labels(6)
            .y_labels(6)
            .bold_line_style(RGBColor(225, 225, 225))
            .light_line_style(RGBColor(245, 245, 245))
            .draw()
            .map_err(drawing_error)?;
        draw_dots(&mut chart, &frame, &self.train, WHITE, look)?;
        draw_dots(&mut chart, &frame, &self.test, BLACK, look)?;
        let style = ShapeStyle::from(RGBColor(40, 40, 40)).stroke_width(look.px(2.5));
        chart
            .draw_series(std::iter::once(PathElement::new(
                self.curve.iter().map(|&p| frame.clamp(p)).collect::<Vec<_>>(),
                style,
            )))
            .map_err(drawing_error)?;
        Ok(frame)
    }
}

/// The x₁ under pixel (px, py) and the network's output there.
pub fn hover(t: &Trainer, frame: &Frame, px: f64, py: f64) -> Option<(f64, Vec<f64>)> {
    if !frame.contains(px, py) || t.arch.inputs != 1 {
        return None;
    }
    let (x, _) = frame.to_data(px, py);
    let grid = Array2::from_elem((1, 1), x);
    Some((x, t.network().predict(grid.view()).row(0).to_vec()))
}

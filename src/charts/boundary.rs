//! The decision-boundary view for two-input data: axes and data points drawn with plotters on
//! top of the colour field from `field`, which the page puts into the plotting area.
//!
//! Drawing happens in two calls so the field can go in between: `draw_axes` (background, axes,
//! ticks), then the field over `Frame`'s rectangle, then `draw_points`.

use super::axis::Axis;
use super::colour::{class_colour, rgb, Rgb};
use super::field::{Colouring, Renderer};
use super::neurons::NeuronMaps;
use super::plane::{Image, Plane};
use super::{drawing_error, Frame, Layout, Look, OptionsText};
use crate::error::{Error, Result};
use crate::loss::argmax;
use crate::message::{Msg, Phrase};
use crate::trainer::Trainer;
use ndarray::{Array2, ArrayView1, ArrayView2};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Smallest field side: a boundary of at least 100 × 100 cells reads as a smooth picture.
pub const MIN_RESOLUTION: usize = 100;
/// Largest field side.
pub const MAX_RESOLUTION: usize = 512;

/// What the page asks of the boundary view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// Side of the field's grid, in cells (100 to 512); the page scales it to the plotting area.
    pub resolution: usize,
    /// Show the training points.
    pub train: bool,
    /// Show the test points.
    pub test: bool,
    /// Which output to colour by when the output is not softmax.
    pub output: usize,
    /// Show this hidden unit's map, (layer, unit) 0-based, instead of the output.
    pub neuron: Option<(usize, usize)>,
}

impl Default for Options {
    fn default() -> Self {
        Options { scale: 1.0, resolution: MIN_RESOLUTION, train: true, test: true, output: 0, neuron: None }
    }
}

impl Options {
    /// Reads options from JSON, e.g. `{"resolution": 200, "test": false, "neuron": [0, 2]}`.
    pub fn parse(text: &str) -> Result<Options> {
        let o = OptionsText::parse(text, &["scale", "resolution", "train", "test", "output", "neuron"])?;
        let d = Options::default();
        let options = Options {
            scale: o.number("scale", d.scale)?,
            resolution: o.whole("resolution", d.resolution)?,
            train: o.boolean("train", d.train)?,
            test: o.boolean("test", d.test)?,
            output: o.whole("output", d.output)?,
            neuron: o.optional_pair("neuron")?,
        };
        options.validate()?;
        Ok(options)
    }

    /// Checks the resolution.
    pub fn validate(&self) -> Result<()> {
        if !(MIN_RESOLUTION..=MAX_RESOLUTION).contains(&self.resolution) {
            return Err(Error::invalid(
                "chart options.resolution",
                Phrase::new(Msg::ExpectedWholeRange).arg("lo", MIN_RESOLUTION).arg("hi", MAX_RESOLUTION),
                self.resolution,
            ));
        }
        Ok(())
    }
}

/// A data point: where it is and its target's colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dot {
    pub at: (f64, f64),
    pub colour: Rgb,
}

/// What the boundary view draws with plotters.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryData {
    pub plane: Plane,
    pub colouring: Colouring,
    pub train: Vec<Dot>,
    pub test: Vec<Dot>,
    pub look: Look,
}

/// The colour of a target row under a colouring: its class's, or its value's on the scale.
pub fn target_colour(colouring: Colouring, y: ArrayView1<f64>) -> Rgb {
    match colouring {
        Colouring::Classes => class_colour(argmax(y.iter())),
        Colouring::Value { output, scale, .. } => scale.encode_strong(y.get(output).copied().unwrap_or(f64::NAN)),
    }
}

/// The points of a data set, with the first two inputs as coordinates.
pub fn dots(colouring: Colouring, x: ArrayView2<f64>, y: ArrayView2<f64>) -> Vec<Dot> {
    x.rows()
        .into_iter()
        .zip(y.rows())
        .map(|(x, y)| Dot { at: (x[0], x.get(1).copied().unwrap_or(0.0)), colour: target_colour(colouring, y) })
        .collect()
}

impl BoundaryData {
    /// The view of a session with two inputs.
    pub fn from_trainer(t: &Trainer, options: &Options) -> Result<BoundaryData> {
        options.validate()?;
        if t.arch.inputs != 2 {
            return Err(Error::invalid("network.inputs", Msg::ExpectedBoundaryInputs, t.arch.inputs));
        }
        let colouring = Colouring::of_trainer(t, options.output)?;
        let train =
            if options.train { dots(colouring, t.data.train.x.view(), t.data.train.y.view()) } else { Vec::new() };
        let test = match (&t.data.test, options.test) {
            (Some(test), true) => dots(colouring, test.x.view(), test.y.view()),
            _ => Vec::new(),
        };
        Ok(BoundaryData { plane: Plane::of_trainer(t), colouring, train, test, look: Look::new(options.scale)? })
    }

    fn build<'r, DB: DrawingBackend>(
        &self,
        root: &'r DrawingArea<DB, Shift>,
    ) -> Result<ChartContext<'r, DB, Cartesian2d<Axis, Axis>>> {
        let (x, y) = (self.plane.x, self.plane.y);
        Layout::new(self.look, 64.0)
            .builder(root)
            .build_cartesian_2d(Axis::from(x.0..x.1), Axis::from(y.0..y.1))
            .map_err(drawing_error)
    }

    /// The frame `draw_axes` gives on a backend of this size, without drawing.
    pub fn frame(&self, size: (u32, u32)) -> Result<Frame> {
        let (x, y) = (self.plane.x, self.plane.y);
        Layout::new(self.look, 64.0).frame(size, x, y, false)
    }

    /// Fills `root` white and draws the axes; the plotting area is left for the field.
    pub fn draw_axes<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<Frame> {
        let frame = self.frame(root.dim_in_pixel())?;
        root.fill(&WHITE).map_err(drawing_error)?;
        let look = &self.look;
        let mut chart = self.build(root)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("x₁")
            .y_desc("x₂")
            .label_style(look.tick_font())
            .axis_desc_style(look.label_font())
            .x_labels(6)
            .y_labels(6)
            .draw()
            .map_err(drawing_error)?;
        Ok(frame)
    }

    /// Draws the data points over the plotting area: training points ringed white, test points
    /// ringed black.
    pub fn draw_points<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()> {
        let frame = self.frame(root.dim_in_pixel())?;
        let mut chart = self.build(root)?;
        draw_dots(&mut chart, &frame, &self.train, WHITE, self.look)?;
        draw_dots(&mut chart, &frame, &self.test, BLACK, self.look)
    }

    /// Axes and points without the field (for backends that cannot take an image, like tests').
    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<Frame> {
        let frame = self.draw_axes(root)?;
        self.draw_points(root)?;
        Ok(frame)
    }

    /// The field image for this view: the output, or the chosen unit's map.
    pub fn field(&self, t: &Trainer, options: &Options, renderer: &mut Renderer) -> Result<Image> {
        let side = options.resolution;
        let net = t.network();
        match options.neuron {
            None => {
                let mut image = Image::new(side, side);
                renderer.field(net, &self.plane, self.colouring, &mut image)?;
                Ok(image)
            }
            Some((layer, unit)) => {
                let mut maps = NeuronMaps::new(side);
                renderer.unit(net, &self.plane, layer, unit, &mut maps)?;
                Ok(Image { width: side, height: side, rgba: maps.rgba })
            }
        }
    }
}

/// Filled circles in each dot's colour with a thin ring around.
pub(crate) fn draw_dots<DB: DrawingBackend>(
    chart: &mut ChartContext<DB, Cartesian2d<Axis, Axis>>,
    frame: &Frame,
    dots: &[Dot],
    ring: RGBColor,
    look: Look,
) -> Result<()> {
    let radius = look.px(4.0);
    let ring = ShapeStyle::from(ring).stroke_width(look.px(1.0));
    chart
        .draw_series(
            dots.iter().map(|d| (frame.clamp(d.at), d.colour)).flat_map(|(at, colour)| {
                [Circle::new(at, radius, rgb(colour).filled()), Circle::new(at, radius, ring)]
            }),
        )
        .map_err(drawing_error)?;
    Ok(())
}

/// The point of the plane under pixel (px, py) and the network's output there.
pub fn hover(t: &Trainer, frame: &Frame, px: f64, py: f64) -> Option<((f64, f64), Vec<f64>)> {
    if !frame.contains(px, py) || t.arch.inputs != 2 {
        return None;
    }
    let (x1, x2) = frame.to_data(px, py);
    let x = Array2::from_shape_vec((1, 2), vec![x1, x2]).ok()?;
    Some(((x1, x2), t.network().predict(x.view()).row(0).to_vec()))
}

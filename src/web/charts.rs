//! The charts on the page's canvases. Each export parses its options (JSON text, `""` for the
//! defaults), builds the chart's data from the session and draws on the canvas with the given id
//! through plotters-canvas; errors become JavaScript `Error`s here and nowhere else.
//!
//! Pixel arguments and `scale` are in canvas pixels: the page sizes each canvas's backing store
//! to its CSS size × `devicePixelRatio` and passes that ratio as `scale`.

use super::{js_error, to_js, Playground};
use crate::charts::field::Renderer;
use crate::charts::neurons::NeuronMaps;
use crate::charts::plane::{Image, Plane};
use crate::charts::{accuracy, boundary, curve, loss, Frame};
use crate::error::Error;
use crate::error_json::phrase_error_json;
use crate::json::Writer;
use crate::message::{Msg, Phrase};
use crate::show;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement, ImageData};

/// The page's fault rather than the person's: an `Error` of kind "canvas" with a `core.canvas.*` key.
fn canvas_error(detail: impl Into<Phrase>) -> JsValue {
    let detail = detail.into();
    js_error(&detail.to_string(), &phrase_error_json("canvas", &detail))
}

fn document() -> Result<Document, JsValue> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| canvas_error(Msg::CanvasNoDocument))
}

/// The canvas element with this id.
fn canvas(id: &str) -> Result<HtmlCanvasElement, JsValue> {
    let element = document()?
        .get_element_by_id(id)
        .ok_or_else(|| canvas_error(Phrase::new(Msg::CanvasNoElement).arg("id", show::quoted(id))))?;
    element
        .dyn_into::<HtmlCanvasElement>()
        .map_err(|_| canvas_error(Phrase::new(Msg::CanvasNotCanvas).arg("id", show::quoted(id))))
}

fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| canvas_error(Msg::CanvasNo2d))
}

/// A plotters backend on the canvas, and the canvas.
fn backend(id: &str) -> Result<(CanvasBackend, HtmlCanvasElement), JsValue> {
    let canvas = canvas(id)?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| canvas_error(Phrase::new(Msg::CanvasNo2dId).arg("id", show::quoted(id))))?;
    Ok((backend, canvas))
}

/// Draws an RGBA image scaled into a rectangle of `ctx`, smoothed: `putImageData` cannot scale,
/// so the image goes onto a scratch canvas of its own size first, then `drawImage` scales it.
fn draw_scaled(ctx: &CanvasRenderingContext2d, image: &Image, x: f64, y: f64, w: f64, h: f64) -> Result<(), JsValue> {
    let data =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(&image.rgba), image.width as u32, image.height as u32)?;
    let scratch: HtmlCanvasElement = document()?.create_element("canvas")?.dyn_into()?;
    scratch.set_width(image.width as u32);
    scratch.set_height(image.height as u32);
    context(&scratch)?.put_image_data(&data, 0.0, 0.0)?;
    ctx.set_image_smoothing_enabled(true);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(&scratch, x, y, w, h)
}

/// A boundary hover: the input point and the network's outputs there.
fn point_json(x: &[f64], y_hat: Vec<f64>) -> String {
    let mut w = Writer::new();
    w.begin_object().key("x").numbers(x.iter().copied()).key("y_hat").numbers(y_hat).end_object();
    w.finish()
}

fn frame_rect(f: &Frame) -> (f64, f64, f64, f64) {
    (f64::from(f.left), f64::from(f.top), f64::from(f.right - f.left), f64::from(f.bottom - f.top))
}

#[wasm_bindgen]
impl Playground {
    /// Draws the loss chart on a canvas. Options: `log` (bool), `batches` (bool: add every
    /// batch's J), `scale` (device pixel ratio), `highlight` (an epoch to mark).
    #[wasm_bindgen(js_name = drawLoss)]
    pub fn draw_loss(&self, canvas_id: &str, options: &str) -> Result<(), JsValue> {
        let options = loss::Options::parse(options).map_err(to_js)?;
        let (backend, _) = backend(canvas_id)?;
        let root = backend.into_drawing_area();
        loss::draw(&root, &loss::LossData::from_trainer(&self.trainer, options)).map_err(to_js)?;
        Ok(())
    }

    /// Draws accuracy (classification) or RMSE (regression) per epoch on a canvas. Options:
    /// `scale`, `highlight`.
    #[wasm_bindgen(js_name = drawAccuracy)]
    pub fn draw_accuracy(&self, canvas_id: &str, options: &str) -> Result<(), JsValue> {
        let options = accuracy::Options::parse(options).map_err(to_js)?;
        let (backend, _) = backend(canvas_id)?;
        let root = backend.into_drawing_area();
        accuracy::draw(&root, &accuracy::AccuracyData::from_trainer(&self.trainer, options)).map_err(to_js)?;
        Ok(())
    }

    /// Which view `drawBoundary` draws: "plane" (2 inputs), "curve" (1 input) or "none".
    #[wasm_bindgen(js_name = boundaryView)]
    pub fn boundary_view(&self) -> String {
        match self.trainer.arch.inputs {
            1 => "curve",
            2 => "plane",
            _ => "none",
        }
        .into()
    }

    /// Draws the decision boundary (2 inputs: the output over the plane, points on top) or the
    /// fitted curve (1 input). Options: `scale`, `resolution` (field cells a side, 100 to 512),
    /// `train` and `test` (show those points), `output` (which output, when not softmax),
    /// `neuron` ([layer, unit]: show that unit's map instead of the output).
    #[wasm_bindgen(js_name = drawBoundary)]
    pub fn draw_boundary(&self, canvas_id: &str, options: &str) -> Result<(), JsValue> {
        let options = boundary::Options::parse(options).map_err(to_js)?;
        let (backend, canvas) = backend(canvas_id)?;
        let root = backend.into_drawing_area();
        if self.trainer.arch.inputs == 1 {
            curve::CurveData::from_trainer(&self.trainer, &options.into())
                .and_then(|d| d.draw(&root))
                .map_err(to_js)?;
            return Ok(());
        }
        let data = boundary::BoundaryData::from_trainer(&self.trainer, &options).map_err(to_js)?;
        let image = data.field(&self.trainer, &options, &mut Renderer::new()).map_err(to_js)?;
        let frame = data.draw_axes(&root).map_err(to_js)?;
        let (x, y, w, h) = frame_rect(&frame);
        draw_scaled(&context(&canvas)?, &image, x, y, w, h)?;
        data.draw_points(&root).map_err(to_js)
    }

    /// The boundary view's field as `resolution` × `resolution` RGBA bytes (rows from the top);
    /// same options as `drawBoundary`, 2 inputs only. For benches/field_wasm.mjs, which times
    /// the field without a canvas: the page draws with drawBoundary, so the page's module leaves
    /// it out (feature `bench`).
    #[cfg(feature = "bench")]
    #[wasm_bindgen(js_name = boundaryField)]
    pub fn boundary_field(&self, options: &str) -> Result<Vec<u8>, JsValue> {
        let options = boundary::Options::parse(options).map_err(to_js)?;
        let data = boundary::BoundaryData::from_trainer(&self.trainer, &options).map_err(to_js)?;
        Ok(data.field(&self.trainer, &options, &mut Renderer::new()).map_err(to_js)?.rgba)
    }

    /// Every hidden unit's map over the plane as `size` × `size` RGBA images, one after another
    /// (layer 1's units first): `size² × 4` bytes each, ready for `new ImageData`. With `upcoming`,
    /// the maps of the network as the coming Update will leave it (none, an empty list, when
    /// Update is not next): the page paints them ahead, as it does the diagram's edges.
    #[wasm_bindgen(js_name = neuronMaps)]
    pub fn neuron_maps(&self, size: usize, upcoming: bool) -> Result<Vec<u8>, JsValue> {
        let coming = if upcoming { self.trainer.upcoming_update() } else { None };
        let network = match (&coming, upcoming) {
            (Some(network), _) => network,
            (None, true) => return Ok(Vec::new()),
            (None, false) => self.trainer.network(),
        };
        let mut maps = NeuronMaps::new(size);
        Renderer::new().neurons(network, &Plane::of_trainer(&self.trainer), &mut maps).map_err(to_js)?;
        Ok(maps.rgba)
    }

    /// What lies under canvas pixel (x, y) of a chart drawn with these options, as JSON, or
    /// "null" outside its plotting area. `kind` "loss" or "accuracy": the nearest epoch and each
    /// line's value there (`{"epoch", "points": [{"label", "index", "x", "value", "pixel"}]}`);
    /// "boundary": the input point and the network's output there (`{"x": [..], "y_hat": [..]}`).
    #[wasm_bindgen(js_name = chartHover)]
    pub fn chart_hover(&self, kind: &str, canvas_id: &str, options: &str, x: f64, y: f64) -> Result<String, JsValue> {
        let canvas = canvas(canvas_id)?;
        let size = (canvas.width(), canvas.height());
        let t = &self.trainer;
        let value = match kind {
            "loss" => {
                let data = loss::LossData::from_trainer(t, loss::Options::parse(options).map_err(to_js)?);
                loss::hover(size, &data, x, y).map_err(to_js)?.map(|h| h.json())
            }
            "accuracy" => {
                let data = accuracy::AccuracyData::from_trainer(t, accuracy::Options::parse(options).map_err(to_js)?);
                accuracy::hover(size, &data, x, y).map_err(to_js)?.map(|h| h.json())
            }
            "boundary" if t.arch.inputs == 1 => {
                let o = boundary::Options::parse(options).map_err(to_js)?;
                let frame = curve::CurveData::from_trainer(t, &o.into()).and_then(|d| d.frame(size)).map_err(to_js)?;
                curve::hover(t, &frame, x, y).map(|(x, y_hat)| point_json(&[x], y_hat))
            }
            "boundary" => {
                let o = boundary::Options::parse(options).map_err(to_js)?;
                let frame = boundary::BoundaryData::from_trainer(t, &o).and_then(|d| d.frame(size)).map_err(to_js)?;
                boundary::hover(t, &frame, x, y).map(|((x1, x2), y_hat)| point_json(&[x1, x2], y_hat))
            }
            _ => return Err(to_js(Error::invalid(Msg::FieldChartKind, Msg::ExpectedChartKind, show::quoted(kind)))),
        };
        Ok(value.unwrap_or_else(|| "null".into()))
    }
}

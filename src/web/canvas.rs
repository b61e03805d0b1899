//! A plotters backend on a canvas's 2D context: plotters-canvas's drawing, with the numbers in
//! its CSS text (colour alpha, font size) written by `show::number`. plotters-canvas and
//! plotters' text measurer write them with `format!`, which brings the standard float formatting
//! into the wasm (about 14 KB), and the measurer panics where this returns an error.

use crate::show;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};
use std::f64::consts::PI;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

/// Draws on the canvas it was made from.
pub struct Canvas {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

/// What the browser refused, as its error's text.
pub struct CanvasError(String);

// Written out rather than derived: a derived Debug would format the text with str's Debug.
impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

type Result<T> = std::result::Result<T, DrawingErrorKind<CanvasError>>;

/// A browser error as plotters' drawing error: its message, else its string form.
fn refused(e: JsValue) -> DrawingErrorKind<CanvasError> {
    let text = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string());
    DrawingErrorKind::DrawingError(CanvasError(text.unwrap_or_else(|| "the browser refused a canvas call".into())))
}

/// `rgba(r,g,b,a)` for the context's fill and stroke styles.
fn css_colour(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    let mut css = String::from("rgba(");
    for channel in [r, g, b] {
        css.push_str(&channel.to_string());
        css.push(',');
    }
    css.push_str(&show::number(color.alpha));
    css.push(')');
    css
}

/// Moves a horizontal or vertical line onto the middle of a pixel row or column, where a 1-pixel
/// line is sharp rather than smeared over two (https://stackoverflow.com/a/13879322).
fn sharp_line(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut from, mut to) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}

impl Canvas {
    /// The backend on this canvas; None when it has no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let context = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        Some(Canvas { canvas, context })
    }

    fn set_line_style(&self, style: &impl BackendStyle) {
        self.context.set_stroke_style_str(&css_colour(style.color()));
        self.context.set_line_width(f64::from(style.stroke_width()));
    }

    fn set_fill(&self, color: BackendColor) {
        self.context.set_fill_style_str(&css_colour(color));
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Result<()> {
        Ok(())
    }

    fn present(&mut self) -> Result<()> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<()> {
        if color.alpha > 0.0 {
            self.set_fill(color);
            self.context.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<()> {
        if style.color().alpha > 0.0 {
            let (from, to) = sharp_line(from, to);
            self.set_line_style(style);
            self.context.begin_path();
            self.context.move_to(from.0, from.1);
            self.context.line_to(to.0, to.1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        if style.color().alpha > 0.0 {
            let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
            let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
            if fill {
                self.set_fill(style.color());
                self.context.fill_rect(x, y, w, h);
            } else {
                self.set_line_style(style);
                self.context.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<()> {
        if style.color().alpha > 0.0 {
            let mut path = path.into_iter();
            self.context.begin_path();
            if let Some(start) = path.next() {
                self.set_line_style(style);
                self.context.move_to(f64::from(start.0), f64::from(start.1));
                for next in path {
                    self.context.line_to(f64::from(next.0), f64::from(next.1));
                }
            }
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<()> {
        if style.color().alpha > 0.0 {
            let mut path = path.into_iter();
            self.context.begin_path();
            if let Some(start) = path.next() {
                self.set_fill(style.color());
                self.context.move_to(f64::from(start.0), f64::from(start.1));
                for next in path {
                    self.context.line_to(f64::from(next.0), f64::from(next.1));
                }
                self.context.close_path();
            }
            self.context.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<()> {
        if style.color().alpha > 0.0 {
            if fill {
                self.set_fill(style.color());
            } else {
                self.set_line_style(style);
            }
            self.context.begin_path();
            self.context
                .arc(f64::from(center.0), f64::from(center.1), f64::from(radius), 0.0, 2.0 * PI)
                .map_err(refused)?;
            if fill {
                self.context.fill();
            } else {
                self.context.stroke();
            }
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<()> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let degrees = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if degrees != 0.0 {
            self.context.save();
            self.context.translate(x, y).map_err(refused)?;
            self.context.rotate(degrees / 180.0 * PI).map_err(refused)?;
            (x, y) = (0.0, 0.0);
        }
        self.context.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.set_fill(color);
        let font = [style.style().as_str(), " ", &show::number(style.size()), "px ", style.family().as_str()].concat();
        self.context.set_font(&font);
        self.context.fill_text(text, x, y).map_err(refused)?;
        if degrees != 0.0 {
            self.context.restore();
        }
        Ok(())
    }

    /// The size of the text in a span of the page, as plotters measures it (so the charts keep
    /// their layout): width and height of the span's box.
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        let document = self.canvas.owner_document().ok_or_else(|| refused("the canvas is not in a page".into()))?;
        let body = document.body().ok_or_else(|| refused("the page has no body".into()))?;
        let span: HtmlElement = document.create_element("span").map_err(refused)?.unchecked_into();
        span.set_text_content(Some(text));
        let css = [
            "display: inline-block; font-family:",
            style.family().as_str(),
            "; font-style:",
            style.style().as_str(),
            "; font-size: ",
            &show::number(style.size()),
            "px; position: fixed; top: 100%",
        ]
        .concat();
        span.set_attribute("style", &css).map_err(refused)?;
        body.append_child(&span).map_err(refused)?;
        let size = (span.offset_width().max(0) as u32, span.offset_height().max(0) as u32);
        span.remove();
        Ok(size)
    }
}

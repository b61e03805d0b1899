//! A line chart over epochs, the common shape of the loss and accuracy charts: lines with a
//! legend, the latest point of each line marked, a linear or logarithmic y axis, and hover.
//!
//! A logarithmic axis plots log₁₀ of the values on a linear axis and labels its ticks with the
//! values: one coordinate type for both scales keeps the wasm smaller than plotters' `LogCoord`
//! beside the linear one would.

use super::axis::Axis;
use super::colour::{rgb, Rgb};
use super::downsample::min_max;
use super::{bounded, drawing_error, tick_label, within, Frame, Layout, Look, Words};
use crate::error::Result;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::borrow::Cow;

/// The y values of a line, point by point; None (or a non-finite number) is a missing point.
#[derive(Debug, Clone, PartialEq)]
pub enum Values<'a> {
    Dense(&'a [f64]),
    Sparse(Cow<'a, [Option<f64>]>),
}

impl Values<'_> {
    pub fn len(&self) -> usize {
        match self {
            Values::Dense(v) => v.len(),
            Values::Sparse(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Value i, if it is a finite number.
    pub fn get(&self, i: usize) -> Option<f64> {
        let v = match self {
            Values::Dense(v) => v.get(i).copied(),
            Values::Sparse(v) => v.get(i).copied().flatten(),
        };
        v.filter(|v| v.is_finite())
    }
}

/// One line: point i is at x = x0 + p·dx, where p is its position: `positions[i]` for a
/// thinned history (History), or i.
#[derive(Debug, Clone, PartialEq)]
pub struct Line<'a> {
    /// Name in the legend (through the chart's words) and in hover results.
    pub label: &'a str,
    pub colour: Rgb,
    /// Stroke width in CSS pixels.
    pub width: f64,
    pub values: Values<'a>,
    pub positions: Option<&'a [usize]>,
    pub x0: f64,
    pub dx: f64,
}

impl Line<'_> {
    fn x(&self, i: usize) -> f64 {
        let p = self.positions.and_then(|p| p.get(i).copied()).unwrap_or(i);
        self.x0 + p as f64 * self.dx
    }

    /// The last drawable point.
    fn last(&self, log: bool) -> Option<(usize, f64)> {
        (0..self.values.len()).rev().find_map(|i| self.value(i, log).map(|v| (i, v)))
    }

    /// Value i if the axis can show it (a log axis cannot show 0 or less).
    fn value(&self, i: usize, log: bool) -> Option<f64> {
        self.values.get(i).filter(|&v| !log || v > 0.0)
    }
}

/// Where a value goes on the y axis: itself, or its log₁₀ on a log axis.
fn plotted(v: f64, log: bool) -> f64 {
    if log {
        v.log10()
    } else {
        v
    }
}

/// A chart of lines over epochs.
#[derive(Debug, Clone, PartialEq)]
pub struct EpochChart<'a> {
    pub lines: Vec<Line<'a>>,
    /// Key of the y axis's name in `words`: `loss`, `accuracy` or `rmse`.
    pub y_label: &'static str,
    pub y_log: bool,
    /// A fixed y range (accuracy: 0 to 1), or None to fit the data.
    pub y_range: Option<(f64, f64)>,
    /// Formats y tick labels, e.g. as percentages.
    pub y_percent: bool,
    /// Put the legend at the top (falling curves) or the bottom (rising ones).
    pub legend_top: bool,
    /// An epoch (1-based) to mark with a vertical guide, e.g. the hovered one.
    pub highlight: Option<usize>,
    pub look: Look,
    /// The words drawn: axis names, and the lines' names (looked up by their labels).
    pub words: Words,
}

/// The points of the lines nearest to an x, for a tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct Hover<'a> {
    /// The epoch under the pointer (1-based; 0 is before the first epoch ends).
    pub epoch: usize,
    pub points: Vec<HoverPoint<'a>>,
}

/// One line's point in a `Hover`.
#[derive(Debug, Clone, PartialEq)]
pub struct HoverPoint<'a> {
    pub label: &'a str,
    /// Index of the point in its line (epoch − 1 for epoch lines, the batch for batch lines).
    pub index: usize,
    pub x: f64,
    pub value: Option<f64>,
    /// Where the point is drawn, in backend pixels (None when it is missing).
    pub pixel: Option<(f64, f64)>,
}

impl<'a> EpochChart<'a> {
    /// x from 0 to the last point of any line (at least 1 epoch).
    fn x_max(&self) -> f64 {
        self.lines.iter().filter(|l| !l.values.is_empty()).map(|l| l.x(l.values.len() - 1)).fold(1.0, f64::max)
    }

    /// Each line's points to draw: at most two per pixel column of a plotting area this wide.
    ///
    /// A long run is scanned once per line per frame; every other step works on these points.
    fn thinned(&self, width: usize) -> Vec<Vec<(usize, f64)>> {
        let log = self.y_log;
        let drawable = move |v: f64| v.is_finite() && (!log || v > 0.0);
        self.lines
            .iter()
            .map(|line| match &line.values {
                Values::Dense(v) => min_max(v.len(), |i| Some(v[i]).filter(|&v| drawable(v)), width),
                Values::Sparse(v) => min_max(v.len(), |i| v[i].filter(|&v| drawable(v)), width),
            })
            .collect()
    }

    /// The y range: fixed, or from 0 (log: below the smallest value) to a little above the
    /// largest. Thinning keeps every bucket's extremes, so the thinned points have the data's.
    fn y_span(&self, thinned: &[Vec<(usize, f64)>]) -> (f64, f64) {
        let span = self.y_range.unwrap_or_else(|| self.fit(thinned));
        bounded(span, self.y_log)
    }

    fn fit(&self, thinned: &[Vec<(usize, f64)>]) -> (f64, f64) {
        let (lo, hi) =
            thinned.iter().flatten().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
        match (self.y_log, lo <= hi) {
            (true, false) => (0.01, 1.0),
            (true, true) if hi / lo < 10.0 => (lo / 3.0, hi * 3.0),
            (true, true) => (lo / 1.5, hi * 1.5),
            (false, false) => (0.0, 1.0),
            (false, true) => {
                let lo = lo.min(0.0);
                let hi = if hi > lo { hi + 0.05 * (hi - lo) } else { lo + 1.0 };
                (lo, hi)
            }
        }
    }

    fn layout(&self) -> Layout {
        Layout::new(self.look, 76.0)
    }

    /// The frame `draw` gives on a backend of this size, without drawing.
    pub fn frame(&self, size: (u32, u32)) -> Result<Frame> {
        let (left, _, right, _) = self.layout().plot(size);
        let thinned = self.thinned((right - left).max(1) as usize);
        self.layout().frame(size, (0.0, self.x_max()), self.y_span(&thinned), self.y_log)
    }

    /// Draws the chart on `root`, filling it; returns where the data went.
    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<Frame> {
        let size = root.dim_in_pixel();
        let (left, _, right, _) = self.layout().plot(size);
        let thinned = self.thinned((right - left).max(1) as usize);
        let frame = self.layout().frame(size, (0.0, self.x_max()), self.y_span(&thinned), self.y_log)?;
        root.fill(&WHITE).map_err(drawing_error)?;
        let look = &self.look;
        let log = self.y_log;
        let (lo, hi) = (plotted(frame.y.0, log), plotted(frame.y.1, log));
        let mut chart = self
            .layout()
            .builder(root)
            .build_cartesian_2d(Axis::from(0.0..self.x_max()), Axis::from(lo..hi))
            .map_err(drawing_error)?;
        let percent = self.y_percent;
        // On a log axis spanning decades only whole powers of ten get a label, as on log paper.
        let decades_only = log && hi - lo >= 1.5;
        let y_format = move |v: &f64| match (percent, log) {
            (true, _) => format!("{}%", (v * 100.0).round() as i64),
            (false, true) if decades_only && (v - v.round()).abs() > 1e-9 => String::new(),
            (false, true) => tick_label(10f64.powf(*v)),
            (false, false) => tick_label(*v),
        };
        chart
            .configure_mesh()
            .x_desc(self.words.get("epoch"))
            .y_desc(self.words.get(self.y_label))
            .label_style(look.tick_font())
            .axis_desc_style(look.label_font())
            .x_labels(look.labels(frame.right - frame.left, 40.0))
            .y_labels(if log { 10 } else { look.labels(frame.bottom - frame.top, 28.0) })
            .y_label_formatter(&y_format)
            .bold_line_style(RGBColor(225, 225, 225))
            .light_line_style(RGBColor(245, 245, 245))
            .draw()
            .map_err(drawing_error)?;

        if let Some(e) = self.highlight.filter(|&e| e as f64 <= frame.x.1) {
            let guide = ShapeStyle::from(RGBColor(120, 120, 120)).stroke_width(look.px(1.0));
            let path = PathElement::new(vec![(e as f64, lo), (e as f64, hi)], guide);
            chart.draw_series(std::iter::once(path)).map_err(drawing_error)?;
        }

        // Two points per pixel column are enough to show every rise and dip.
        let mut legend = Vec::new();
        for (line, thinned) in self.lines.iter().zip(&thinned) {
            let points: Vec<(f64, f64)> =
                thinned.iter().map(|&(i, v)| frame.clamp((line.x(i), v))).map(|(x, v)| (x, plotted(v, log))).collect();
            if points.is_empty() {
                continue;
            }
            let style = ShapeStyle::from(rgb(line.colour)).stroke_width(look.px(line.width));
            chart.draw_series(std::iter::once(PathElement::new(points, style))).map_err(drawing_error)?;
            legend.push((self.words.get(line.label), line.colour));
        }

        // The current (latest) point of each line, and the highlighted epoch's points.
        let radius = look.px(4.5);
        let mut latest = Vec::new();
        for line in &self.lines {
            let mut marks: Vec<(f64, f64)> = line.last(log).map(|(i, v)| (line.x(i), v)).into_iter().collect();
            if let Some(&(x, v)) = marks.first() {
                let (x, v) = frame.clamp((x, v));
                latest.push(chart.backend_coord(&(x, plotted(v, log))));
            }
            if let Some(e) = self.highlight {
                if let Some((i, v)) = self.nearest(line, e as f64, log) {
                    marks.push((line.x(i), v));
                }
            }
            let fill = ShapeStyle::from(rgb(line.colour)).filled();
            let ring = ShapeStyle::from(WHITE).stroke_width(look.px(1.5));
            for mark in marks {
                let (x, v) = frame.clamp(mark);
                let p = (x, plotted(v, log));
                chart
                    .draw_series([Circle::new(p, radius, fill), Circle::new(p, radius, ring)])
                    .map_err(drawing_error)?;
            }
        }

        if self.lines.iter().any(|l| l.last(log).is_some()) {
            // The legend's corner is the chart's choice unless a line's current point is under it
            // (early in training the newest points are at the right edge, anywhere in height).
            let clear = |top: bool| {
                let (x, y, w, h) = legend_box(&frame, look, &legend, top);
                let r = radius as i32;
                !latest.iter().any(|&(px, py)| px + r >= x && px - r <= x + w && py + r >= y && py - r <= y + h)
            };
            let preferred = self.legend_top;
            let top = if clear(preferred) || !clear(!preferred) { preferred } else { !preferred };
            draw_legend(root, &frame, look, &legend, top)?;
        }
        Ok(frame)
    }

    /// The point of a line nearest to x, if that point has a value.
    fn nearest(&self, line: &Line, x: f64, log: bool) -> Option<(usize, f64)> {
        let i = self.nearest_index(line, x)?;
        line.value(i, log).map(|v| (i, v))
    }

    fn nearest_index(&self, line: &Line, x: f64) -> Option<usize> {
        let n = line.values.len();
        if n == 0 || line.dx <= 0.0 {
            return None;
        }
        let p = within(((x - line.x0) / line.dx).round(), 0.0, f64::MAX) as usize;
        let Some(positions) = line.positions.filter(|q| q.len() == n) else {
            return Some(p.min(n - 1));
        };
        // The nearest kept position: the first at or after p, or the one before it.
        let after = positions.partition_point(|&q| q < p).min(n - 1);
        let before = after.saturating_sub(1);
        Some(if p.abs_diff(positions[before]) < p.abs_diff(positions[after]) { before } else { after })
    }

    /// What lies under pixel (px, py) of a chart drawn in `frame`: None outside the plotting area.
    pub fn hover(&self, frame: &Frame, px: f64, py: f64) -> Option<Hover<'a>> {
        if !frame.contains(px, py) {
            return None;
        }
        let (x, _) = frame.to_data(px, py);
        let log = self.y_log;
        let points = self
            .lines
            .iter()
            .filter_map(|line| {
                let index = self.nearest_index(line, x)?;
                let value = line.value(index, log);
                Some(HoverPoint {
                    label: line.label,
                    index,
                    x: line.x(index),
                    value,
                    pixel: value.map(|v| frame.to_pixel(line.x(index), v)),
                })
            })
            .collect();
        Some(Hover { epoch: x.round().max(0.0) as usize, points })
    }
}

impl Hover<'_> {
    /// `{"epoch": 12, "points": [{"label": "train", "index": 11, "x": 12, "value": 0.31, "pixel": [x, y]}, …]}`;
    /// a missing value and its pixel are null.
    pub fn json(&self) -> String {
        let mut w = crate::json::Writer::new();
        w.begin_object().key("epoch").whole(self.epoch).key("points").begin_array();
        for p in &self.points {
            w.begin_object().key("label").string(p.label).key("index").whole(p.index);
            w.key("x").number(p.x).key("value").optional_number(p.value).key("pixel");
            match p.pixel {
                Some((x, y)) => w.numbers([x, y]),
                None => w.null(),
            };
            w.end_object();
        }
        w.end_array().end_object();
        w.finish()
    }
}

/// The legend in the top or bottom right corner of the plotting area, a swatch and a name a line,
/// laid out as plotters' series labels lay it out, except that the names' widths are estimated
/// (0.56 em a character, enough for "batch") rather than measured: in the browser plotters measures text by adding an
/// element to the page and reading its size, a forced layout per name on every frame while playing.
fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    look: &Look,
    entries: &[(&str, Rgb)],
    top: bool,
) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let (x, y, width, height) = legend_box(frame, look, entries, top);
    let (_, margin, swatch, key, line, text_height) = legend_metrics(look);
    let corners = [(x, y), (x + width, y + height)];
    root.draw(&Rectangle::new(corners, WHITE.mix(0.85).filled())).map_err(drawing_error)?;
    root.draw(&Rectangle::new(corners, RGBColor(200, 200, 200))).map_err(drawing_error)?;
    for (k, (label, colour)) in entries.iter().enumerate() {
        let top = y + margin + k as i32 * line;
        let middle = top + text_height / 2;
        let mark = [(x + margin, middle - swatch / 2), (x + margin + 2 * swatch, middle + swatch / 2)];
        root.draw(&Rectangle::new(mark, rgb(*colour).filled())).map_err(drawing_error)?;
        root.draw(&Text::new(*label, (x + margin + key, top), look.label_font())).map_err(drawing_error)?;
    }
    Ok(())
}

/// Font size, margin, swatch size, swatch column, line pitch and text height of the legend.
fn legend_metrics(look: &Look) -> (f64, i32, i32, i32, i32, i32) {
    let font = f64::from(look.px(17.0));
    let swatch = look.px(8.0) as i32;
    // Plotters' room for the swatch at scale 1 (30 px), growing with the swatch.
    let key = 2 * swatch + 14;
    (font, look.px(8.0) as i32, swatch, key, (font * 1.25).round() as i32, (font * 1.17).round() as i32)
}

/// The legend's box (x, y, width, height) in the top or bottom right corner of the plot.
fn legend_box(frame: &Frame, look: &Look, entries: &[(&str, Rgb)], top: bool) -> (i32, i32, i32, i32) {
    let (font, margin, _, key, line, text_height) = legend_metrics(look);
    let chars = entries.iter().map(|(label, _)| label.chars().count()).max().unwrap_or(0);
    let width = (chars as f64 * 0.56 * font).ceil() as i32 + key + 2 * margin;
    let height = (entries.len() as i32 - 1).max(0) * line + text_height + 2 * margin;
    let x = frame.right - width - 5;
    let y = if top { frame.top + 5 } else { frame.bottom - height - 5 };
    (x, y, width, height)
}

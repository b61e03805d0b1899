//! Charts: each renders to SVG from a known session and the SVG is read back; the boundary field
//! and the neuron maps are decoded pixel by pixel and compared with the core's forward pass.

use backprop_playground::charts::colour::{self, decode_class, Scale};
use backprop_playground::charts::downsample::min_max;
use backprop_playground::charts::field::{self, Colouring, Renderer};
use backprop_playground::charts::neurons::NeuronMaps;
use backprop_playground::charts::plane::{Image, Plane};
use backprop_playground::charts::{accuracy, boundary, curve, loss, tick_label, Frame};
use backprop_playground::{presets, session, Error, Trainer, Unit};
use ndarray::{array, Array2};
use plotters::prelude::*;

// ---- sessions --------------------------------------------------------------------------------

/// The circle preset (2-4-2-1 tanh, BCE, test set) after `epochs` epochs.
fn circle(epochs: usize) -> Trainer {
    let (mut t, _) = session::from_json(&presets::session("circle").unwrap()).unwrap();
    t.run(epochs);
    t
}

/// One input, one identity output fitting y = x² on 21 points, with a test set.
fn parabola(epochs: usize) -> Trainer {
    let xs: Vec<f64> = (0..21).map(|i| -1.0 + i as f64 * 0.1).collect();
    let rows = |xs: &[f64]| xs.iter().map(|x| format!("[{x}]")).collect::<Vec<_>>().join(",");
    let ys = |xs: &[f64]| xs.iter().map(|x| format!("[{}]", x * x)).collect::<Vec<_>>().join(",");
    let (train, test): (Vec<f64>, Vec<f64>) = xs.iter().partition(|x| (**x * 10.0).round() as i64 % 3 != 0);
    let text = format!(
        r#"{{"version": 1, "name": "parabola",
        "network": {{"inputs": 1, "layers": [{{"units": 6, "activation": "tanh"}}, {{"units": 1, "activation": "identity"}}]}},
        "loss": "mse", "init": {{"weights": "glorot_uniform", "bias": 0}},
        "training": {{"learning_rate": 0.1, "batch_size": 4, "shuffle": true, "seed": 3}},
        "data": {{"train": {{"x": [{}], "y": [{}]}}, "test": {{"x": [{}], "y": [{}]}}}}}}"#,
        rows(&train),
        ys(&train),
        rows(&test),
        ys(&test)
    );
    let (mut t, _) = session::from_json(&text).unwrap();
    t.run(epochs);
    t
}

/// Three classes in the plane (2-8-3, softmax, CCE), trained a little.
fn three_classes(epochs: usize) -> Trainer {
    let mut x = Vec::new();
    let mut y = Vec::new();
    for i in 0..60 {
        let c = i % 3;
        let angle = c as f64 * 2.1 + (i as f64 * 0.37).sin() * 0.4;
        let r = 0.5 + (i as f64 * 0.71).cos() * 0.2;
        x.push(format!("[{}, {}]", r * angle.cos(), r * angle.sin()));
        y.push(format!("[{}, {}, {}]", u8::from(c == 0), u8::from(c == 1), u8::from(c == 2)));
    }
    let text = format!(
        r#"{{"version": 1, "name": "three",
        "network": {{"inputs": 2, "layers": [{{"units": 8, "activation": "relu"}}, {{"units": 3, "activation": "softmax"}}]}},
        "loss": "cce", "init": {{"weights": "he_normal", "bias": 0}},
        "training": {{"learning_rate": 0.2, "batch_size": 10, "shuffle": true, "seed": 5}},
        "data": {{"train": {{"x": [{}], "y": [{}]}}}}}}"#,
        x.join(","),
        y.join(",")
    );
    let (mut t, _) = session::from_json(&text).unwrap();
    t.run(epochs);
    t
}

// ---- reading SVG -----------------------------------------------------------------------------

/// Renders with `draw` onto a width × height SVG.
fn render(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Frame,
) -> (String, Frame) {
    let mut text = String::new();
    let frame;
    {
        let root = SVGBackend::with_string(&mut text, size).into_drawing_area();
        frame = draw(&root);
        root.present().unwrap();
    }
    (text, frame)
}

/// The `points` of every data line: the `<polyline>`s not drawn in black (axes and ticks are).
fn polylines(svg: &str) -> Vec<Vec<(f64, f64)>> {
    svg.split("<polyline")
        .skip(1)
        .filter(|tag| !tag.contains("stroke=\"#000000\""))
        .map(|tag| {
            let start = tag.find("points=\"").unwrap() + 8;
            let end = start + tag[start..].find('"').unwrap();
            tag[start..end]
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}

/// The contents of every `<text>`.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|tag| {
            let start = tag.find('>').unwrap() + 1;
            let end = tag.find("</text>").unwrap();
            tag[start..end].trim().to_string()
        })
        .collect()
}

/// Number of `<circle` elements with the given attribute text, e.g. `stroke="#FFFFFF"`.
fn circles_with(svg: &str, attribute: &str) -> usize {
    svg.split("<circle").skip(1).filter(|tag| tag[..tag.find("/>").unwrap()].contains(attribute)).count()
}

/// The y axis's tick labels: the right-aligned texts.
fn y_ticks(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter(|tag| tag.contains("text-anchor=\"end\""))
        .map(|tag| {
            let start = tag.find('>').unwrap() + 1;
            tag[start..tag.find("</text>").unwrap()].trim().to_string()
        })
        .collect()
}

/// The x axis's tick labels and their x positions: the centred texts that are numbers.
fn x_ticks(svg: &str) -> Vec<(f64, String)> {
    svg.split("<text")
        .skip(1)
        .filter(|tag| tag.contains("text-anchor=\"middle\""))
        .filter_map(|tag| {
            let start = tag.find('>').unwrap() + 1;
            let label = tag[start..tag.find("</text>").unwrap()].trim().to_string();
            label.replace('\u{2212}', "-").parse::<f64>().ok()?;
            let x_at = tag.find(" x=\"").unwrap() + 4;
            let x = tag[x_at..x_at + tag[x_at..].find('"').unwrap()].parse().unwrap();
            Some((x, label))
        })
        .collect()
}

// ---- loss chart ------------------------------------------------------------------------------

#[test]
fn a_narrow_chart_writes_fewer_epoch_labels_so_that_they_never_run_into_each_other() {
    let t = circle(30);
    let data = loss::LossData::from_trainer(&t, loss::Options::default());
    let (wide, _) = render((640, 360), |root| loss::draw(root, &data).unwrap());
    let (narrow, frame) = render((200, 220), |root| loss::draw(root, &data).unwrap());
    let (wide, narrow) = (x_ticks(&wide), x_ticks(&narrow));
    assert!(wide.len() >= 4, "{wide:?}");
    assert!(narrow.len() >= 2 && narrow.len() < wide.len(), "{narrow:?} against {wide:?}");
    // At most one label per 40 pixels of the plotting area, and none closer than that.
    assert!(narrow.len() <= ((frame.right - frame.left) / 40).max(2) as usize, "{narrow:?} in {frame:?}");
    for pair in narrow.windows(2) {
        assert!(pair[1].0 - pair[0].0 >= 40.0, "{pair:?}");
    }
}

#[test]
fn the_loss_chart_labels_its_axes_and_draws_a_train_and_a_test_line_with_a_point_per_epoch() {
    let t = circle(30);
    let data = loss::LossData::from_trainer(&t, loss::Options::default());
    let (svg, frame) = render((640, 360), |root| loss::draw(root, &data).unwrap());
    let texts = texts(&svg);
    for label in ["epoch", "loss J", "train", "test"] {
        assert!(texts.iter().any(|t| t == label), "{label:?} in {texts:?}");
    }
    let lines = polylines(&svg);
    assert_eq!(lines.len(), 2, "one polyline per series (the legend uses swatches)");
    assert_eq!(lines[0].len(), 30);
    assert_eq!(lines[1].len(), 30);
    // The current point of each line is marked: a filled disc and a white ring at the last epoch.
    assert_eq!(circles_with(&svg, "stroke=\"#FFFFFF\""), 2);
    let (x_last, y_last) = frame.to_pixel(30.0, t.history().train_loss[29]);
    let end = lines[0][29];
    assert!((end.0 - x_last).abs() <= 1.0 && (end.1 - y_last).abs() <= 1.0, "{end:?} vs ({x_last}, {y_last})");
}

#[test]
fn the_batch_line_adds_a_third_series_with_one_point_per_batch() {
    let mut t = circle(3);
    t.step(Unit::Batch);
    let data = loss::LossData::from_trainer(&t, loss::Options { batches: true, ..Default::default() });
    let (svg, _) = render((640, 360), |root| loss::draw(root, &data).unwrap());
    let lines = polylines(&svg);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].len(), 3 * t.batches() + 1, "every batch of 3 epochs and one more");
    assert!(texts(&svg).iter().any(|t| t == "batch"));
}

#[test]
fn a_log_axis_changes_the_tick_labels_to_powers_of_ten() {
    // Long enough for the loss to fall through two decades.
    let t = circle(300);
    let labels = |log| {
        let data = loss::LossData::from_trainer(&t, loss::Options { log, ..Default::default() });
        let (svg, frame) = render((640, 360), |root| loss::draw(root, &data).unwrap());
        assert_eq!(frame.y_log, log);
        y_ticks(&svg)
    };
    let (linear, log) = (labels(false), labels(true));
    assert_ne!(linear, log);
    assert!(linear.contains(&"0".to_string()), "a linear loss axis starts at 0: {linear:?}");
    assert!(!log.contains(&"0".to_string()), "a log axis cannot show 0: {log:?}");
    assert!(log.contains(&"0.1".to_string()) && log.contains(&"0.01".to_string()), "{log:?}");
}

#[test]
fn a_run_of_100000_epochs_is_drawn_with_at_most_two_points_per_pixel_column_and_keeps_its_spike() {
    let mut train: Vec<f64> = (0..100_000).map(|e| 1.0 / (1.0 + e as f64 * 0.01)).collect();
    train[61_234] = 3.0;
    let test = vec![None; train.len()];
    let data = loss::LossData {
        train: &train,
        test: &test,
        batches: None,
        positions: None,
        options: loss::Options::default(),
    };
    let (svg, frame) = render((640, 360), |root| loss::draw(root, &data).unwrap());
    let lines = polylines(&svg);
    assert_eq!(lines.len(), 1, "no test line without test values");
    assert!(lines[0].len() <= 2 * frame.width() + 2, "{} points for {} columns", lines[0].len(), frame.width());
    let top = lines[0].iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let spike = frame.to_pixel(61_235.0, 3.0).1;
    assert!((top - spike).abs() <= 1.0, "the spike is drawn at its height: {top} vs {spike}");
    let (first, last) = (lines[0][0], lines[0][lines[0].len() - 1]);
    assert!((first.0 - frame.to_pixel(1.0, 0.0).0).abs() <= 1.0, "the first epoch is kept: {first:?}");
    assert!((last.0 - frame.to_pixel(100_000.0, 0.0).0).abs() <= 1.0, "the last epoch is kept: {last:?}");
    assert_eq!(train.len(), 100_000, "the data stay whole");
}

#[test]
fn hovering_the_loss_chart_gives_the_nearest_epoch_and_its_values() {
    let t = circle(20);
    let data = loss::LossData::from_trainer(&t, loss::Options::default());
    let size = (640, 360);
    let (_, drawn) = render(size, |root| loss::draw(root, &data).unwrap());
    assert_eq!(data.chart().unwrap().frame(size).unwrap(), drawn, "the hover frame is the drawn one");
    let (px, py) = drawn.to_pixel(12.2, 0.3);
    let hover = loss::hover(size, &data, px, py).unwrap().unwrap();
    assert_eq!(hover.epoch, 12);
    let train = hover.points.iter().find(|p| p.label == "train").unwrap();
    assert_eq!((train.index, train.value), (11, Some(t.history().train_loss[11])));
    let test = hover.points.iter().find(|p| p.label == "test").unwrap();
    assert_eq!(test.value, t.history().test_loss[11]);
    // The page reads it as JSON: read back with an independent parser.
    let json: serde_json::Value = serde_json::from_str(&hover.json()).unwrap();
    assert_eq!(json["epoch"], 12);
    let train_json = json["points"].as_array().unwrap().iter().find(|p| p["label"] == "train").unwrap();
    assert_eq!(train_json["index"], 11);
    assert_eq!(train_json["value"].as_f64(), Some(t.history().train_loss[11]));
    let pixel = train_json["pixel"].as_array().unwrap();
    assert_eq!((pixel[0].as_f64(), pixel[1].as_f64()), (train.pixel.map(|p| p.0), train.pixel.map(|p| p.1)));
    assert!(loss::hover(size, &data, 2.0, 2.0).unwrap().is_none(), "outside the plotting area");
}

#[test]
fn an_empty_history_draws_empty_axes() {
    let t = circle(0);
    let data = loss::LossData::from_trainer(&t, loss::Options { log: true, batches: true, ..Default::default() });
    let (svg, _) = render((400, 300), |root| loss::draw(root, &data).unwrap());
    assert!(polylines(&svg).is_empty());
    assert!(texts(&svg).iter().any(|t| t == "loss J"));
}

// ---- accuracy chart --------------------------------------------------------------------------

#[test]
fn classification_charts_accuracy_from_0_to_100_percent() {
    let t = circle(15);
    let data = accuracy::AccuracyData::from_trainer(&t, accuracy::Options::default());
    assert_eq!(data.metric, accuracy::Metric::Accuracy);
    let (svg, frame) = render((640, 360), |root| accuracy::draw(root, &data).unwrap());
    let texts = texts(&svg);
    for label in ["epoch", "accuracy", "train", "test", "0%", "100%"] {
        assert!(texts.iter().any(|t| t == label), "{label:?} in {texts:?}");
    }
    let lines = polylines(&svg);
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l.len() == 15));
    assert_eq!(frame.y.0, 0.0);
}

#[test]
fn regression_charts_the_rmse_the_trainer_logs() {
    let t = parabola(10);
    let data = accuracy::AccuracyData::from_trainer(&t, accuracy::Options::default());
    assert_eq!(data.metric, accuracy::Metric::Rmse);
    // MSE's J = ½ · mean of (y − ŷ)² with one output and no L2, so RMSE = √(2J).
    let j = t.history().train_loss[9];
    assert!((data.train[9].unwrap() - (2.0 * j).sqrt()).abs() < 1e-12);
    assert_eq!(data.train[9], t.history().train_rmse[9]);
    let net = t.network();
    let y_hat = net.predict(t.data.train.x.view());
    let direct = ((&t.data.train.y - &y_hat).mapv(|e| e * e).mean().unwrap()).sqrt();
    assert!((data.train[9].unwrap() - direct).abs() < 1e-12, "{direct}");
    let (svg, _) = render((640, 360), |root| accuracy::draw(root, &data).unwrap());
    assert!(texts(&svg).iter().any(|t| t == "RMSE"));
    assert_eq!(polylines(&svg).len(), 2);
}

// ---- downsampling ----------------------------------------------------------------------------

#[test]
fn a_short_series_is_kept_whole() {
    let y = [3.0, 1.0, 2.0];
    assert_eq!(min_max(3, |i| Some(y[i]), 10), vec![(0, 3.0), (1, 1.0), (2, 2.0)]);
}

#[test]
fn downsampling_keeps_the_first_and_last_points_and_every_bucket_extreme() {
    let n = 10_000;
    let y = |i: usize| {
        Some(((i as f64) * 0.01).sin() + if i == 4321 { 5.0 } else { 0.0 } - if i == 777 { 5.0 } else { 0.0 })
    };
    let kept = min_max(n, y, 100);
    assert!(kept.len() <= 2 * 100 + 2, "{} points", kept.len());
    assert_eq!(kept[0].0, 0);
    assert_eq!(kept[kept.len() - 1].0, n - 1);
    assert!(kept.iter().any(|p| p.0 == 4321) && kept.iter().any(|p| p.0 == 777), "the spike and the dip");
    assert!(kept.windows(2).all(|w| w[0].0 < w[1].0), "in index order");
    // Each bucket's extremes are kept, so the drawn range of every bucket is the true one.
    for b in 0..100 {
        let (from, to) = (b * n / 100, (b + 1) * n / 100);
        let max = (from..to).map(|i| y(i).unwrap()).fold(f64::NEG_INFINITY, f64::max);
        assert!(kept.iter().any(|&(i, v)| (from..to).contains(&i) && v == max), "bucket {b}");
    }
}

#[test]
fn downsampling_skips_missing_values() {
    let kept = min_max(1000, |i| (i % 2 == 0).then_some(i as f64), 10);
    assert!(kept.iter().all(|p| p.0 % 2 == 0));
    assert_eq!((kept[0].0, kept[kept.len() - 1].0), (0, 998));
}

// ---- colour scales ---------------------------------------------------------------------------

#[test]
fn the_diverging_scale_reads_back_within_its_resolution() {
    let scale = Scale::new(-2.0, 6.0);
    for i in 0..=8000 {
        let v = -2.0 + i as f64 * 0.001;
        let back = scale.decode(scale.encode(v));
        assert!((back - v).abs() <= scale.resolution(), "{v} came back as {back}");
    }
    assert_eq!(scale.encode(2.0), colour::MID, "the middle of the scale is the neutral colour");
    assert_eq!(scale.encode(-5.0), colour::FIELD_LOW, "values beyond the range clamp");
}

#[test]
fn class_colours_read_back_as_their_class_and_confidence() {
    for c in 0..10 {
        for conf in [0.2, 0.5, 0.9, 1.0] {
            let (class, back) = decode_class(colour::class_blend(c, conf), 10);
            assert_eq!(class, c, "class {c} at confidence {conf}");
            assert!((back - conf).abs() < 0.02, "confidence {conf} came back as {back}");
        }
    }
}

#[test]
fn the_fast_tanh_is_within_3e_minus_7_of_tanh() {
    for i in -200_000..=200_000 {
        let x = i as f64 * 1e-4;
        assert!((field::tanh(x) - x.tanh()).abs() < 3e-7, "at {x}");
    }
    assert_eq!(field::tanh(1e9), field::tanh(8.0));
    assert!(field::tanh(f64::NAN).is_nan());
}

// ---- the plane -------------------------------------------------------------------------------

#[test]
fn the_plane_is_the_data_bounding_box_with_a_tenth_more_on_each_side() {
    let raw = array![[0.0, 100.0], [500.0, 300.0]];
    let plane = Plane::around(&[raw.view()]);
    assert_eq!(plane, Plane { x: (-50.0, 550.0), y: (80.0, 320.0) });
    let standardised = array![[-1.5, 0.0], [1.5, 2.0]];
    let plane = Plane::around(&[standardised.view(), array![[0.0, -2.0]].view()]);
    assert_eq!(plane, Plane { x: (-1.8, 1.8), y: (-2.4, 2.4) });
    let single = array![[3.0, 3.0]];
    assert_eq!(Plane::around(&[single.view()]), Plane { x: (2.0, 4.0), y: (2.0, 4.0) });
}

// ---- boundary field --------------------------------------------------------------------------

/// Pixels every `step` cells, away from the contour.
fn samples(image: &Image, renderer: &Renderer, step: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for row in (0..image.height).step_by(step) {
        for col in (0..image.width).step_by(step) {
            if renderer.contour(col, row) == 0.0 {
                out.push((col, row));
            }
        }
    }
    out
}

/// Network inputs at the centres of the given pixels.
fn inputs(plane: &Plane, pixels: &[(usize, usize)], width: usize, height: usize) -> Array2<f64> {
    let mut x = Array2::zeros((pixels.len(), 2));
    for (i, &(col, row)) in pixels.iter().enumerate() {
        let (x1, x2) = plane.point(col, row, width, height);
        x[(i, 0)] = x1;
        x[(i, 1)] = x2;
    }
    x
}

#[test]
fn the_boundary_field_matches_the_forward_pass_at_sampled_pixels() {
    let t = circle(40);
    let plane = Plane::of_trainer(&t);
    let colouring = Colouring::of_trainer(&t, 0).unwrap();
    let Colouring::Value { scale, contour: true, .. } = colouring else { panic!("{colouring:?}") };
    assert_eq!(scale, Scale::new(0.0, 1.0));
    let mut renderer = Renderer::new();
    let mut image = Image::new(100, 100);
    renderer.field(t.network(), &plane, colouring, &mut image).unwrap();
    let pixels = samples(&image, &renderer, 3);
    assert!(pixels.len() > 1000);
    let y_hat = t.network().predict(inputs(&plane, &pixels, 100, 100).view());
    for (&(col, row), y) in pixels.iter().zip(y_hat.column(0)) {
        let back = scale.decode(image.rgb(col, row));
        assert!((back - y).abs() <= scale.resolution() + 1e-6, "pixel ({col}, {row}): ŷ = {y}, colour says {back}");
    }
    assert!(image.rgba.chunks(4).all(|p| p[3] == 255), "opaque");
}

#[test]
fn the_half_contour_is_drawn_between_pixels_on_either_side_of_one_half() {
    let t = circle(40);
    let plane = Plane::of_trainer(&t);
    let mut renderer = Renderer::new();
    let (w, h) = (120, 100);
    let mut image = Image::new(w, h);
    renderer.field(t.network(), &plane, Colouring::of_trainer(&t, 0).unwrap(), &mut image).unwrap();
    let x = inputs(&plane, &(0..h).flat_map(|r| (0..w).map(move |c| (c, r))).collect::<Vec<_>>(), w, h);
    let above: Vec<bool> = t.network().predict(x.view()).column(0).iter().map(|&y| y >= 0.5).collect();
    let mut crossings = 0;
    for row in 0..h {
        for col in 0..w {
            let p = row * w + col;
            let flips = [(col + 1 < w).then(|| (col + 1, row)), (row + 1 < h).then(|| (col, row + 1))];
            let flips: Vec<_> = flips.into_iter().flatten().filter(|&(c, r)| above[r * w + c] != above[p]).collect();
            for &(c, r) in &flips {
                crossings += 1;
                let cover = renderer.contour(col, row).max(renderer.contour(c, r));
                assert!(cover >= 0.55, "the line covers the crossing between ({col}, {row}) and ({c}, {r})");
            }
            let cover = renderer.contour(col, row);
            if cover >= 0.9 {
                let [r, g, b] = image.rgb(col, row);
                assert!(u32::from(r) + u32::from(g) + u32::from(b) < 3 * 90, "dark at ({col}, {row})");
            }
            let near = |c: usize, r: usize| above[r * w + c] != above[p];
            let neighbours = [(col.wrapping_sub(1), row), (col + 1, row), (col, row.wrapping_sub(1)), (col, row + 1)];
            let by_crossing = neighbours.iter().any(|&(c, r)| c < w && r < h && near(c, r));
            assert!(cover == 0.0 || by_crossing, "({col}, {row}) is on the line only beside a crossing");
        }
    }
    assert!(crossings > 50, "the trained circle has a closed boundary: {crossings} crossings");
}

#[test]
fn the_fields_half_contour_is_predicts_to_within_one_grid_cell() {
    // The field's fast tanh may put a pixel on the other side of 0.5 than `predict` does, but only
    // where the exact contour passes within one cell (a neighbour, diagonals too, is on the other
    // side by `predict`), or where ŷ is within 1e-6 of 0.5.
    let t = circle(150);
    let plane = Plane::of_trainer(&t);
    let (w, h) = (100, 100);
    let mut renderer = Renderer::new();
    let mut image = Image::new(w, h);
    renderer.field(t.network(), &plane, Colouring::of_trainer(&t, 0).unwrap(), &mut image).unwrap();
    let grid: Vec<(usize, usize)> = (0..h).flat_map(|r| (0..w).map(move |c| (c, r))).collect();
    let y_hat = t.network().predict(inputs(&plane, &grid, w, h).view());
    let above = |c: usize, r: usize| y_hat[(r * w + c, 0)] >= 0.5;
    let mut by_contour = 0;
    for (c, r) in grid {
        let neighbours = (r.saturating_sub(1)..(r + 2).min(h))
            .flat_map(|r| (c.saturating_sub(1)..(c + 2).min(w)).map(move |c| (c, r)));
        let near = neighbours.into_iter().any(|(nc, nr)| above(nc, nr) != above(c, r));
        by_contour += usize::from(near);
        let field_above = renderer.side(c, r) == Some(1);
        if field_above != above(c, r) {
            let y = y_hat[(r * w + c, 0)];
            assert!(
                near || (y - 0.5).abs() <= 1e-6,
                "({c}, {r}): predict says ŷ = {y}, the field the other side, far from the contour"
            );
        }
    }
    assert!(by_contour > 100, "the trained circle's contour crosses the grid: {by_contour} cells beside it");
}

#[test]
fn a_softmax_network_colours_each_pixel_by_its_predicted_class() {
    let t = three_classes(30);
    let plane = Plane::of_trainer(&t);
    let colouring = Colouring::of_trainer(&t, 0).unwrap();
    assert_eq!(colouring, Colouring::Classes);
    let mut renderer = Renderer::new();
    let mut image = Image::new(100, 100);
    renderer.field(t.network(), &plane, colouring, &mut image).unwrap();
    let pixels = samples(&image, &renderer, 3);
    let y_hat = t.network().predict(inputs(&plane, &pixels, 100, 100).view());
    let mut seen = [false; 3];
    for (&(col, row), p) in pixels.iter().zip(y_hat.rows()) {
        let class = backprop_playground::loss::argmax(p.iter());
        let confidence = colour::confidence(p[class], 3);
        let (decoded, back) = decode_class(image.rgb(col, row), 3);
        assert!((back - confidence).abs() < 0.02, "({col}, {row}): confidence {confidence}, colour says {back}");
        if confidence > 0.1 {
            assert_eq!(decoded, class, "pixel ({col}, {row}) with p = {p}");
            seen[class] = true;
        }
    }
    assert_eq!(seen, [true; 3], "every class has a region");
}

#[test]
fn regression_on_the_plane_colours_by_the_targets_range_without_a_contour() {
    let text = presets::session("circle").unwrap().replace("\"sigmoid\"", "\"identity\"").replace("\"bce\"", "\"mse\"");
    let (mut t, _) = session::from_json(&text).unwrap();
    t.data.train.y.mapv_inplace(|v| 3.0 * v - 1.0);
    t.data.test.as_mut().unwrap().y.mapv_inplace(|v| 3.0 * v - 1.0);
    let colouring = Colouring::of_trainer(&t, 0).unwrap();
    assert_eq!(colouring, Colouring::Value { output: 0, scale: Scale::new(-1.0, 2.0), contour: false });
}

// ---- neuron maps -----------------------------------------------------------------------------

#[test]
fn neuron_maps_equal_the_hidden_activations() {
    let t = circle(25);
    let plane = Plane::of_trainer(&t);
    let net = t.network();
    for (size, same_pass) in [(32, false), (100, true)] {
        let mut renderer = Renderer::new();
        let mut image = Image::new(100, 100);
        let mut maps = NeuronMaps::new(size);
        renderer.field_and_neurons(net, &plane, Colouring::of_trainer(&t, 0).unwrap(), &mut image, &mut maps).unwrap();
        assert_eq!(maps.maps.len(), 4 + 2, "every hidden unit of 2-4-2-1 (same pass: {same_pass})");
        assert_eq!(maps.rgba.len(), 6 * size * size * 4);
        let pixels: Vec<(usize, usize)> =
            (0..size).step_by(3).flat_map(|r| (0..size).step_by(3).map(move |c| (c, r))).collect();
        let a = net.activations(inputs(&plane, &pixels, size, size).view());
        for (k, info) in maps.maps.iter().enumerate() {
            assert_eq!(info.scale, Scale::new(-1.0, 1.0), "tanh units");
            for (i, &(col, row)) in pixels.iter().enumerate() {
                let exact = a[info.layer][(i, info.unit)];
                let back = info.scale.decode(maps.rgb(k, col, row));
                assert!((back - exact).abs() <= info.scale.resolution() + 1e-6, "map {k} at ({col}, {row})");
            }
        }
    }
}

#[test]
fn one_units_map_is_the_same_as_in_the_full_set() {
    let t = three_classes(5);
    let plane = Plane::of_trainer(&t);
    let mut renderer = Renderer::new();
    let mut all = NeuronMaps::new(40);
    renderer.neurons(t.network(), &plane, &mut all).unwrap();
    assert_eq!(all.maps.len(), 8);
    let mut one = NeuronMaps::new(40);
    renderer.unit(t.network(), &plane, 0, 5, &mut one).unwrap();
    assert_eq!(one.maps.len(), 1);
    assert_eq!(one.maps[0], all.maps[5], "ReLU maps share a ± max scale");
    assert_eq!(one.map(0), all.map(5));
}

// ---- boundary and curve views ----------------------------------------------------------------

#[test]
fn the_boundary_view_draws_axes_and_every_point_ringed_by_set() {
    let t = circle(5);
    let options = boundary::Options::default();
    let data = boundary::BoundaryData::from_trainer(&t, &options).unwrap();
    let (svg, frame) = render((500, 500), |root| data.draw(root).unwrap());
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "x₁") && texts.iter().any(|t| t == "x₂"), "{texts:?}");
    assert_eq!(circles_with(&svg, "stroke=\"#FFFFFF\""), t.data.train.len());
    assert_eq!(circles_with(&svg, "stroke=\"#000000\""), t.data.test.as_ref().unwrap().len());
    assert_eq!(data.frame((500, 500)).unwrap(), frame);
    assert_eq!((frame.x, frame.y), (data.plane.x, data.plane.y), "the frame shows the field's plane");

    let hidden = boundary::Options { test: false, ..options };
    let data = boundary::BoundaryData::from_trainer(&t, &hidden).unwrap();
    let (without_test, _) = render((500, 500), |root| data.draw(root).unwrap());
    assert_eq!(circles_with(&without_test, "stroke=\"#000000\""), 0, "test points toggled off");
}

#[test]
fn points_take_the_colour_of_their_class() {
    let t = circle(0);
    let data = boundary::BoundaryData::from_trainer(&t, &boundary::Options::default()).unwrap();
    for (dot, y) in data.train.iter().zip(t.data.train.y.column(0)) {
        assert_eq!(dot.colour, if *y == 1.0 { colour::HIGH } else { colour::LOW });
    }
}

#[test]
fn a_class_has_one_colour_whatever_the_output_layer() {
    // The circle with one sigmoid unit (BCE), and with two softmax units (CCE) as the settings make it.
    let (bce, meta) = session::from_json(&presets::session("circle").unwrap()).unwrap();
    let patch = r#"{"loss": "cce", "network": {"layers": [{"units": 4, "activation": "tanh"},
        {"units": 2, "activation": "tanh"}, {"units": 2, "activation": "softmax"}]}}"#;
    let (cce, _) = session::apply_patch(&bce, &meta, patch).unwrap();
    let options = boundary::Options::default();
    let (one, two) = (
        boundary::BoundaryData::from_trainer(&bce, &options).unwrap(),
        boundary::BoundaryData::from_trainer(&cce, &options).unwrap(),
    );
    assert_eq!((one.colouring, two.colouring == Colouring::Classes), (one.colouring, true));
    assert_eq!(one.train.len(), two.train.len());
    for ((a, b), y) in one.train.iter().zip(&two.train).zip(bce.data.train.y.column(0)) {
        assert_eq!((a.at, a.colour), (b.at, b.colour), "the point of class {y} at {:?}", a.at);
    }
    // The diverging scale's ends are the first two classes' colours, points and fields alike.
    assert_eq!((colour::LOW, colour::HIGH), (colour::class_colour(0), colour::class_colour(1)));
    assert_eq!((colour::FIELD_LOW, colour::FIELD_HIGH), (colour::field_class_colour(0), colour::field_class_colour(1)));
}

#[test]
fn two_softmax_classes_paint_the_field_as_one_sigmoid_output_does() {
    // p is the probability of class 1: the sigmoid's output, or the second softmax unit's.
    for i in 0..=200 {
        let p = i as f64 / 200.0;
        let class = usize::from(p > 0.5);
        let softmax = colour::class_blend(class, colour::confidence(p.max(1.0 - p), 2));
        let sigmoid = colour::diverging(p);
        let off = (0..3).map(|c| (i32::from(softmax[c]) - i32::from(sigmoid[c])).abs()).max().unwrap();
        assert!(off <= 1, "p = {p}: softmax {softmax:?}, sigmoid {sigmoid:?}");
    }
}

#[test]
fn the_boundary_field_of_a_neuron_is_its_map() {
    let t = circle(5);
    let options = boundary::Options { neuron: Some((1, 1)), ..Default::default() };
    let data = boundary::BoundaryData::from_trainer(&t, &options).unwrap();
    let image = data.field(&t, &options, &mut Renderer::new()).unwrap();
    let mut maps = NeuronMaps::new(100);
    Renderer::new().neurons(t.network(), &data.plane, &mut maps).unwrap();
    assert_eq!((image.width, image.height), (100, 100));
    assert_eq!(&image.rgba[..], maps.map(5), "layer 1 unit 1 is the 6th hidden unit");
}

#[test]
fn the_curve_view_draws_the_fitted_curve_over_the_data_points() {
    let t = parabola(20);
    let data = curve::CurveData::from_trainer(&t, &curve::Options::default()).unwrap();
    let (svg, frame) = render((600, 400), |root| data.draw(root).unwrap());
    let lines = polylines(&svg);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].len(), curve::SAMPLES);
    let n_test = t.data.test.as_ref().unwrap().len();
    assert_eq!(circles_with(&svg, "stroke=\"#FFFFFF\""), t.data.train.len());
    assert_eq!(circles_with(&svg, "stroke=\"#000000\""), n_test);
    assert!(texts(&svg).iter().any(|t| t == "x₁"));
    // The curve is the network's output.
    let (x, y) = data.curve[123];
    let y_hat = t.network().predict(array![[x]].view())[(0, 0)];
    assert_eq!(y, y_hat);
    let (px, py) = frame.to_pixel(x, y);
    let (hx, h_hat) = curve::hover(&t, &frame, px, py).unwrap();
    assert!((hx - x).abs() < 0.01 && (h_hat[0] - y_hat).abs() < 0.05);
}

// ---- errors ----------------------------------------------------------------------------------

#[test]
fn charts_refuse_a_canvas_too_small_for_their_axes() {
    let t = circle(2);
    let data = loss::LossData::from_trainer(&t, loss::Options::default());
    let mut text = String::new();
    let root = SVGBackend::with_string(&mut text, (100, 60)).into_drawing_area();
    let err = loss::draw(&root, &data).unwrap_err();
    assert_eq!(err.to_string(), "canvas size must be at least 120 × 120 pixels, got 100 × 60");
}

#[test]
fn the_boundary_needs_two_inputs_and_the_curve_one() {
    let t = parabola(0);
    let err = boundary::BoundaryData::from_trainer(&t, &boundary::Options::default()).unwrap_err();
    assert!(matches!(err, Error::Invalid { ref field, .. } if field.to_string() == "network.inputs"), "{err}");
    let err = curve::CurveData::from_trainer(&circle(0), &curve::Options::default()).unwrap_err();
    assert!(err.to_string().contains("1 input"), "{err}");
    let mut image = Image::new(10, 10);
    let err =
        Renderer::new().field(t.network(), &Plane { x: (0.0, 1.0), y: (0.0, 1.0) }, Colouring::Classes, &mut image);
    assert!(err.is_err());
}

#[test]
fn options_are_read_from_json_and_checked() {
    assert_eq!(loss::Options::parse("").unwrap(), loss::Options::default());
    let o = loss::Options::parse(r#"{"log": true, "scale": 2, "highlight": 7}"#).unwrap();
    assert_eq!(o, loss::Options { log: true, batches: false, scale: 2.0, highlight: Some(7), ..Default::default() });
    let err = loss::Options::parse(r#"{"logg": true}"#).unwrap_err();
    assert!(err.to_string().starts_with("chart options.logg must be one of the known fields"), "{err}");
    let err = loss::Options::parse(r#"{"log": 1}"#).unwrap_err();
    assert!(err.to_string().starts_with("chart options.log must be"), "{err}");
    assert!(loss::Options::parse("{").is_err());
    let b = boundary::Options::parse(r#"{"resolution": 200, "test": false, "neuron": [1, 0]}"#).unwrap();
    assert_eq!((b.resolution, b.test, b.neuron), (200, false, Some((1, 0))));
    let err = boundary::Options::parse(r#"{"resolution": 50}"#).unwrap_err();
    assert_eq!(err.to_string(), "chart options.resolution must be a whole number from 100 to 512, got 50");
    assert!(boundary::Options::parse(r#"{"neuron": [1]}"#).is_err());

    let t = circle(0);
    let data = loss::LossData {
        options: loss::Options { scale: 0.0, ..Default::default() },
        ..loss::LossData::from_trainer(&t, loss::Options::default())
    };
    let err =
        loss::draw(&SVGBackend::with_string(&mut String::new(), (300, 300)).into_drawing_area(), &data).unwrap_err();
    assert!(err.to_string().starts_with("chart options.scale must be"), "{err}");
    let output = boundary::Options { output: 3, ..Default::default() };
    assert!(boundary::BoundaryData::from_trainer(&t, &output).is_err());
}

#[test]
fn tick_labels_are_short() {
    let cases = [(0.0, "0"), (20.0, "20"), (0.25, "0.25"), (0.1 + 0.2, "0.3"), (-1.5, "-1.5"), (2.0 / 3.0, "0.667")];
    for (v, text) in cases {
        assert_eq!(tick_label(v), text);
    }
    assert_eq!(tick_label(1e-4), "1e-4");
    assert_eq!(tick_label(0.000_25), "3e-4");
    assert_eq!(tick_label(2_500_000.0), "3e6");
    assert_eq!(tick_label(100_000.0), "100000");
}

#[test]
fn extreme_values_draw_without_panicking() {
    let train = [1e308, 1e-320, 0.0, 5.0, f64::MAX];
    let test = [Some(f64::MIN_POSITIVE), None, Some(1e300), None, Some(2.0)];
    for log in [false, true] {
        let options = loss::Options { log, highlight: Some(usize::MAX), ..Default::default() };
        let data = loss::LossData { train: &train, test: &test, batches: Some((&train, 2)), positions: None, options };
        let (_, frame) = render((400, 300), |root| loss::draw(root, &data).unwrap());
        assert!(frame.y.0.is_finite() && frame.y.1.is_finite() && frame.y.0 < frame.y.1, "{frame:?}");
    }
    let text = presets::session("circle").unwrap();
    let (mut t, _) = session::from_json(&text).unwrap();
    t.data.train.x[(0, 0)] = 1e308;
    t.data.train.x[(1, 1)] = -1e308;
    let data = boundary::BoundaryData::from_trainer(&t, &boundary::Options::default()).unwrap();
    render((300, 300), |root| data.draw(root).unwrap());
    data.field(&t, &boundary::Options::default(), &mut Renderer::new()).unwrap();
    let (mut t, _) =
        session::from_json(&text.replace("\"sigmoid\"", "\"identity\"").replace("\"bce\"", "\"mse\"")).unwrap();
    t.data.train.y[(0, 0)] = 1e308;
    let data = boundary::BoundaryData::from_trainer(&t, &boundary::Options::default()).unwrap();
    data.field(&t, &boundary::Options::default(), &mut Renderer::new()).unwrap();
    let mut t = parabola(0);
    t.data.train.y[(0, 0)] = -1e308;
    t.data.train.x[(1, 0)] = 1e308;
    let data = curve::CurveData::from_trainer(&t, &curve::Options::default()).unwrap();
    render((300, 300), |root| data.draw(root).unwrap());
}

#[test]
fn the_page_s_words_replace_the_english_ones_in_the_charts_of_epochs() {
    let t = circle(4);
    let labels = r#"{"labels": {"epoch": "轮次", "loss": "损失 J", "train": "训练", "test": "测试", "batch": "批",
        "accuracy": "准确率"}}"#;
    let words = |kind: &str, options: &str| {
        let (svg, _) = render((500, 350), |root| match kind {
            "loss" => {
                let data = loss::LossData::from_trainer(&t, loss::Options::parse(options).unwrap());
                loss::draw(root, &data).unwrap()
            }
            _ => {
                let data = accuracy::AccuracyData::from_trainer(&t, accuracy::Options::parse(options).unwrap());
                accuracy::draw(root, &data).unwrap()
            }
        });
        texts(&svg)
    };
    let english = words("loss", "");
    for word in ["epoch", "loss J", "train"] {
        assert!(english.iter().any(|w| w == word), "{word} in {english:?}");
    }
    let chinese = words("loss", labels);
    for word in ["轮次", "损失 J", "训练"] {
        assert!(chinese.iter().any(|w| w == word), "{word} in {chinese:?}");
    }
    assert!(!chinese.iter().any(|w| w == "epoch" || w == "train"), "{chinese:?}");
    let accuracy = words("accuracy", labels);
    assert!(accuracy.iter().any(|w| w == "准确率"), "{accuracy:?}");
    // Hover answers keep the lines' keys, whatever the words drawn.
    let data = loss::LossData::from_trainer(&t, loss::Options::parse(labels).unwrap());
    let hover = loss::hover((500, 350), &data, 300.0, 100.0).unwrap().unwrap();
    assert!(hover.points.iter().any(|p| p.label == "train"));
    // A bad label names itself.
    let err = loss::Options::parse(r#"{"labels": {"epochs": "x"}}"#).unwrap_err();
    assert!(err.to_string().starts_with("chart options.labels.epochs must be one of the known fields"), "{err}");
    let err = loss::Options::parse(r#"{"labels": {"train": 3}}"#).unwrap_err();
    assert!(err.to_string().starts_with("chart options.labels.train must be"), "{err}");
}

#[test]
fn the_legend_moves_to_the_other_corner_when_a_line_s_newest_point_is_under_it() {
    // The y of the legend's "train" in a loss chart of these values (legend preferred at the top).
    let legend_y = |train: &[f64]| {
        let data =
            loss::LossData { train, test: &[], batches: None, positions: None, options: loss::Options::default() };
        let (svg, _) = render((500, 350), |root| loss::draw(root, &data).unwrap());
        let is_train = |tag: &&str| tag[tag.find('>').unwrap() + 1..tag.find("</text>").unwrap()].trim() == "train";
        let tag = svg.split("<text").skip(1).find(is_train).expect("a legend entry");
        let start = tag.find(" y=\"").unwrap() + 4;
        tag[start..start + tag[start..].find('"').unwrap()].parse::<f64>().unwrap()
    };
    // Falling: the newest point is low on the right, the legend stays in the top corner.
    let falling = legend_y(&[1.0, 0.6, 0.3, 0.1]);
    // Rising to the top right corner: the legend goes to the bottom, off the newest point.
    let rising = legend_y(&[0.1, 0.3, 0.6, 1.0]);
    assert!(falling < 175.0, "falling: legend at y = {falling}");
    assert!(rising > 175.0, "rising: legend at y = {rising}");
}

// ---- kept runs on the loss chart -------------------------------------------------------------

/// The `points` of the polylines stroked in `colour` ("#2CA02C").
fn polylines_in(svg: &str, colour: &str) -> Vec<Vec<(f64, f64)>> {
    let stroke = format!("stroke=\"{colour}\"");
    let only: String = svg
        .split("<polyline")
        .skip(1)
        .filter(|tag| tag.contains(&stroke))
        .map(|tag| format!("<polyline{tag}"))
        .collect();
    polylines(&format!("x{only}"))
}

/// A colour as the SVG backend writes it.
fn hex([r, g, b]: colour::Rgb) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

#[test]
fn kept_runs_are_drawn_over_the_loss_chart_from_epoch_0_in_their_own_colours_and_named_in_the_legend() {
    let t = circle(5);
    let options = r#"{"kept": [{"name": "SGD (batch 1)", "train": [0.72, 0.61, 0.5, 0.44, 0.4, 0.37, 0.35]}, null,
        {"name": "BGD (all 100)", "train": [0.72, 0.71, null, 0.69]}]}"#;
    let data = loss::LossData::from_trainer(&t, loss::Options::parse(options).unwrap());
    let (svg, frame) = render((640, 360), |root| loss::draw(root, &data).unwrap());
    let (first, third) = (hex(loss::KEPT_COLOURS[0]), hex(loss::KEPT_COLOURS[2]));
    assert_ne!(first, hex(colour::HIGH));
    assert_ne!(third, hex(colour::LOW));
    let sgd = polylines_in(&svg, &first);
    assert_eq!(sgd.len(), 1, "one line in the first kept colour");
    assert_eq!(sgd[0].len(), 7, "every epoch from 0");
    // Its first point is the loss before training, at epoch 0; the x axis reaches its last epoch.
    let (x0, y0) = frame.to_pixel(0.0, 0.72);
    assert!((sgd[0][0].0 - x0).abs() <= 1.0 && (sgd[0][0].1 - y0).abs() <= 1.0, "{:?} vs ({x0}, {y0})", sgd[0][0]);
    assert_eq!(frame.x.1, 6.0);
    let bgd = polylines_in(&svg, &third);
    assert_eq!(bgd.len(), 1, "the third colour, its place in the list");
    assert_eq!(bgd[0].len(), 3, "the missing epoch is left out");
    // The session's own lines are still there, in theirs.
    assert_eq!(polylines_in(&svg, &hex(colour::HIGH)).len(), 1);
    assert_eq!(polylines_in(&svg, &hex(colour::LOW)).len(), 1);
    // In the legend: a swatch in each run's colour beside its name; its last point marked.
    let texts = texts(&svg);
    for name in ["SGD (batch 1)", "BGD (all 100)", "train", "test"] {
        assert!(texts.iter().any(|t| t == name), "{name:?} in {texts:?}");
    }
    for colour in [&first, &third] {
        assert!(svg.split("<rect").any(|tag| tag.contains(&format!("fill=\"{colour}\""))), "a swatch in {colour}");
        assert_eq!(circles_with(&svg, &format!("fill=\"{colour}\"")), 1, "the last point of the run in {colour}");
    }
    // Without kept runs the chart has no line in their colours.
    let plain = loss::LossData::from_trainer(&t, loss::Options::default());
    let (svg, _) = render((640, 360), |root| loss::draw(root, &plain).unwrap());
    assert!(loss::KEPT_COLOURS.iter().all(|&c| polylines_in(&svg, &hex(c)).is_empty()));
}

#[test]
fn hovering_a_kept_run_names_it_and_gives_its_loss_at_that_epoch() {
    let t = circle(3);
    let options = r#"{"kept": [{"name": "mini-batch (10)", "train": [0.72, 0.6, 0.55, 0.51, 0.49]}]}"#;
    let data = loss::LossData::from_trainer(&t, loss::Options::parse(options).unwrap());
    let size = (640, 360);
    let frame = data.chart().unwrap().frame(size).unwrap();
    let (px, py) = frame.to_pixel(0.1, 0.5);
    let hover = loss::hover(size, &data, px, py).unwrap().unwrap();
    assert_eq!(hover.epoch, 0);
    let kept = hover.points.iter().find(|p| p.label == "mini-batch (10)").expect("the kept run is in the answer");
    assert_eq!((kept.index, kept.x, kept.value), (0, 0.0, Some(0.72)));
    let (px, py) = frame.to_pixel(3.9, 0.5);
    let hover = loss::hover(size, &data, px, py).unwrap().unwrap();
    let kept = hover.points.iter().find(|p| p.label == "mini-batch (10)").unwrap();
    assert_eq!((kept.index, kept.value), (4, Some(0.49)));
    let json: serde_json::Value = serde_json::from_str(&hover.json()).unwrap();
    assert!(json["points"].as_array().unwrap().iter().any(|p| p["label"] == "mini-batch (10)" && p["value"] == 0.49));
}

#[test]
fn hide_batch_leaves_the_newest_batch_s_loss_out_of_the_drawing_and_the_hover() {
    let (mut t, _) = session::from_json(&presets::session("worked-example").unwrap()).unwrap();
    // Two batches' losses logged: 4.25, then the second sample's, just computed.
    t.step(Unit::Batch);
    t.step(Unit::Phase);
    t.step(Unit::Phase);
    let logged = t.history().batch_loss.clone();
    assert_eq!(logged.len(), 2);
    let batch_line = |hide: bool| {
        let options = loss::Options { batches: true, hide_batch: hide, ..Default::default() };
        let data = loss::LossData::from_trainer(&t, options);
        let (svg, frame) = render((500, 350), |root| loss::draw(root, &data).unwrap());
        // The batch line's grey.
        let line = polylines_in(&svg, "#969696");
        let (px, py) = frame.to_pixel(0.9, 1.0);
        let hover = loss::hover((500, 350), &data, px, py).unwrap().unwrap();
        let value = hover.points.iter().find(|p| p.label == "batch").and_then(|p| p.value);
        (line.first().map_or(0, Vec::len), value)
    };
    let (shown, value) = batch_line(false);
    assert_eq!(shown, 2);
    assert_eq!(value, Some(logged[1]));
    let (hidden, value) = batch_line(true);
    assert_eq!(hidden, 1, "only the batch before");
    assert_eq!(value, Some(logged[0]), "the hover finds the last point shown");
}

#[test]
fn kept_runs_in_the_options_are_checked_and_named_in_errors() {
    let err = |text: &str| loss::Options::parse(text).unwrap_err().to_string();
    let list = "chart options.kept must be a list of kept runs, each {name, train} or null";
    assert_eq!(err(r#"{"kept": 3}"#), format!("{list}, got 3"));
    assert_eq!(err(r#"{"kept": [null, {"train": []}]}"#), format!("{list}, got a list of 2"));
    assert_eq!(err(r#"{"kept": [{"name": 7, "train": []}]}"#), format!("{list}, got a list of 1"));
    assert_eq!(err(r#"{"kept": ["a"]}"#), format!("{list}, got a list of 1"));
    let number = err(r#"{"kept": [{"name": "a", "train": [1, "2"]}]}"#);
    assert!(number.starts_with("chart options.kept.train[1] must be a finite number"), "{number}");
    let numbers = err(r#"{"kept": [{"name": "a", "train": {}}]}"#);
    assert!(numbers.starts_with("chart options.kept.train must be a list of numbers or nulls"), "{numbers}");
    let unknown = err(r#"{"kept": [{"name": "a", "train": [], "colour": 1}]}"#);
    assert!(unknown.starts_with("chart options.kept.colour must be one of the known fields"), "{unknown}");
    let o = loss::Options::parse(
        r#"{"kept": [{"name": "a", "train": [1, null]}, null, {"name": "b", "train": []}], "hide_batch": true}"#,
    )
    .unwrap();
    assert!(o.hide_batch);
    assert_eq!(o.kept.len(), 2);
    assert_eq!(o.kept[0], loss::Kept { name: "a".into(), train: vec![Some(1.0), None], epoch: None, colour: 0 });
    assert_eq!(o.kept[1].colour, 2, "a run's colour is its place in the list, nulls counted");
}

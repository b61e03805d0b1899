//! The trace as JSON for the page: what has been computed so far in the current batch.
//! Values a phase has not produced yet are `null`, never stale numbers from an earlier batch.
//!
//! The page asks for it at every step, so it is written straight into text (`json::Writer`)
//! rather than built as a tree of values first.

use crate::json::{Value, Writer};
use crate::trainer::Trainer;
use ndarray::ArrayView2;

/// The trace of the current batch; keys per layer: z, a, delta, dw, db, w, b, w_new, b_new, and
/// for the equations fprime (f'(Z)), da (∂J/∂A of a hidden layer), w_change and b_change.
pub fn trace_json(t: &Trainer) -> String {
    trace_json_focused(t, None)
}

/// A matrix computed only when asked for, or null (not asked for, or none).
fn matrix_when(w: &mut Writer, ok: bool, m: impl FnOnce() -> Option<ndarray::Array2<f64>>) {
    match if ok { m() } else { None } {
        Some(m) => w.matrix(m.view()),
        None => w.null(),
    };
}

/// A list of numbers computed only when asked for, or null.
fn numbers_when<I: IntoIterator<Item = f64>>(w: &mut Writer, ok: bool, values: impl FnOnce() -> I) {
    if ok {
        w.numbers(values());
    } else {
        w.null();
    }
}

/// A view, or null when its phase has not run yet in this batch.
fn view_when(w: &mut Writer, ok: bool, m: ArrayView2<f64>) {
    if ok {
        w.matrix(m);
    } else {
        w.null();
    }
}

/// The trace with the batch's matrices Z, A, δ, f'(Z), ∂J/∂A, the gradients and the changes of W
/// and b only for the layer `focus` (0-based), A of the layer below it and δ of the layer above
/// it; every layer keeps its parameters before and after the update (the network diagram draws
/// them) and leaves the other keys out. A page redrawing one layer per step sends far less this
/// way. A focus past the last layer gives no layer's batch matrices: all a frame needs that
/// shows none (the page while playing).
pub fn trace_json_focused(t: &Trainer, focus: Option<usize>) -> String {
    let mut w = Writer::new();
    write_trace(&mut w, t, focus);
    w.finish()
}

/// [`trace_json_focused`] packed: the text with every list and matrix of numbers replaced by where
/// they start in the numbers handed over with it (see [`Writer::packed`]). Read back, it is the
/// same document, bit for bit (www/trace.js; tests/node/trace.test.mjs).
pub fn trace_packed(t: &Trainer, focus: Option<usize>) -> (String, Vec<f64>) {
    let mut w = Writer::packed();
    write_trace(&mut w, t, focus);
    w.finish_packed()
}

fn write_trace(w: &mut Writer, t: &Trainer, focus: Option<usize>) {
    let trace = t.trace();
    let depth = t.network().depth();
    let active = t.traced().is_some();
    let done = if active { trace.done } else { 0 };
    let (epoch, batch) = t.traced().unwrap_or((t.epoch(), t.batch()));
    let updated = done == 2 * depth + 2;
    w.begin_object();
    w.key("phase").string(&t.phase().name());
    w.key("last_phase");
    match t.last_step().filter(|_| active) {
        Some(step) => w.string(&step.name()),
        None => w.null(),
    };
    w.key("status").string(t.status().name());
    w.key("epoch").whole(epoch).key("batch").whole(batch);
    w.key("epochs_done").whole(t.epoch()).key("batches").whole(t.batches());
    w.key("batch_size").whole(t.batch_rows());
    // The α the shown Update used once it has run; α set since applies from the next Update.
    w.key("learning_rate").number(if active && updated { trace.lr } else { t.settings.learning_rate });
    w.key("next_learning_rate").number(t.settings.learning_rate);
    // What the stopping rule compares: the last epoch's J over the whole training set (not the
    // last batch's J) against the target.
    w.key("epoch_train_loss").optional_number(t.history().train_loss.last().copied());
    w.key("target_loss").optional_number(t.settings.target_loss);
    w.key("loss_name").string(t.loss.name());
    w.key("rows").begin_array();
    if active {
        trace.rows.iter().for_each(|&r| {
            w.whole(r);
        });
    }
    w.end_array();
    w.key("x");
    if active {
        w.matrix(trace.x());
    } else {
        w.begin_array().end_array();
    }
    w.key("y");
    if active {
        w.matrix(trace.y());
    } else {
        w.begin_array().end_array();
    }
    let loss_done = done > depth;
    w.key("loss").optional_number(loss_done.then_some(trace.loss));
    w.key("sample_loss");
    numbers_when(w, loss_done, || trace.sample_losses(t.loss));
    // J = loss_data + ½ λ w_norm2, each part for the equations.
    w.key("loss_data").optional_number(loss_done.then_some(trace.loss_data));
    w.key("w_norm2").optional_number(loss_done.then_some(trace.w_norm2));
    w.key("l2").number(t.settings.l2);
    w.key("layers").begin_array();
    for l in 0..depth {
        let before = &t.start_network().layers[l];
        let after = &t.network().layers[l];
        let values = &trace.layers[l];
        let forward = done > l;
        let backward = done > 2 * depth - l;
        // The focused layer (every layer, without a focus) carries its batch matrices and
        // gradients; the layer below it its A, the focused layer's input; the layer above it its
        // δ, which the focused layer's δ is made from. That is all the inspector and the
        // equations show of a layer.
        let is_focus = focus.is_none_or(|f| f == l);
        let below = focus.is_some_and(|f| l + 1 == f);
        let above = focus.is_some_and(|f| l == f + 1);
        w.begin_object();
        w.key("units").whole(before.units()).key("inputs").whole(before.inputs());
        w.key("activation").string(before.activation.name());
        w.key("w").matrix(before.w.view()).key("b").numbers(before.b.iter().copied());
        w.key("w_new");
        view_when(w, updated, after.w.view());
        w.key("b_new");
        numbers_when(w, updated, || after.b.iter().copied());
        if is_focus {
            w.key("dw");
            view_when(w, backward, values.dw.view());
            w.key("db");
            numbers_when(w, backward, || values.db.iter().copied());
            w.key("z");
            view_when(w, forward, trace.z(l));
            w.key("a");
            view_when(w, forward, trace.a(l));
            w.key("delta");
            view_when(w, backward, trace.delta(l));
            // The two factors of δ = ∂J/∂A ⊙ f'(Z), for the equations panel.
            w.key("fprime");
            matrix_when(w, backward, || before.activation.derivative(trace.z(l), trace.a(l)));
            w.key("da");
            matrix_when(w, backward && l + 1 < depth, || Some(trace.error_at_output_of(t.start_network(), l)));
            if updated {
                w.key("w_change").begin_array();
                for (a, b) in after.w.rows().into_iter().zip(before.w.rows()) {
                    w.numbers(a.iter().zip(b.iter()).map(|(a, b)| a - b));
                }
                w.end_array();
                w.key("b_change").numbers(after.b.iter().zip(before.b.iter()).map(|(a, b)| a - b));
            }
        } else if below {
            w.key("a");
            view_when(w, forward, trace.a(l));
        } else if above {
            w.key("delta");
            view_when(w, backward, trace.delta(l));
        }
        w.end_object();
    }
    w.end_array();
    w.key("undo_depth").whole(t.undo_depth());
    w.key("focus");
    match focus {
        Some(f) => w.whole(f),
        None => w.null(),
    };
    w.end_object();
}

/// The per-epoch history (and every batch's J) as JSON.
pub fn history_json(t: &Trainer) -> Value {
    crate::session::history_value(t.history())
}

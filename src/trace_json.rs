//! The trace as JSON for the page: what has been computed so far in the current batch.
//! Values a phase has not produced yet are `null`, never stale numbers from an earlier batch.

use crate::json::{change_json, matrix_change_json, matrix_json, num, obj, vec_json, Value};
use crate::trainer::Trainer;

/// The trace of the current batch; keys per layer: z, a, delta, dw, db, w, b, w_new, b_new, and
/// for the equations fprime (f'(Z)), da (∂J/∂A of a hidden layer), w_change and b_change.
pub fn trace_json(t: &Trainer) -> Value {
    trace_json_focused(t, None)
}

/// The trace with the batch's matrices Z, A, δ only for layers next to `focus` (0-based: the
/// layers focus − 1, focus and focus + 1), and f'(Z), ∂J/∂A only for `focus` itself; the other
/// layers keep their parameters and gradients but leave those keys out. A page redrawing one
/// layer per step sends far less this way.
pub fn trace_json_focused(t: &Trainer, focus: Option<usize>) -> Value {
    let trace = t.trace();
    let depth = t.network().depth();
    let active = t.traced().is_some();
    let done = if active { trace.done } else { 0 };
    let (epoch, batch) = t.traced().unwrap_or((t.epoch(), t.batch()));
    let updated = done == 2 * depth + 2;
    let layers: Vec<Value> = (0..depth)
        .map(|l| {
            let before = &t.start_network().layers[l];
            let values = &trace.layers[l];
            let forward = done > l;
            let backward = done > 2 * depth - l;
            let when = |ok: bool, v: Value| if ok { v } else { Value::Null };
            let near = focus.is_none_or(|f| l + 1 >= f && l <= f + 1);
            let mut layer = vec![
                ("units", before.units().into()),
                ("inputs", before.inputs().into()),
                ("activation", before.activation.name().into()),
                ("dw", when(backward, matrix_json(values.dw.view()))),
                ("db", when(backward, vec_json(values.db.iter()))),
                ("w", matrix_json(before.w.view())),
                ("b", vec_json(before.b.iter())),
                ("w_new", when(updated, matrix_json(t.network().layers[l].w.view()))),
                ("b_new", when(updated, vec_json(t.network().layers[l].b.iter()))),
            ];
            if near {
                layer.push(("z", when(forward, matrix_json(trace.z(l)))));
                layer.push(("a", when(forward, matrix_json(trace.a(l)))));
                layer.push(("delta", when(backward, matrix_json(trace.delta(l)))));
                // The two factors of δ = ∂J/∂A ⊙ f'(Z), for the equations panel, which shows
                // them for the focused layer only (the page asks for a trace focused on the
                // phase's layer when it shows another).
                let (fprime, da) = if backward && focus.is_none_or(|f| f == l) {
                    let fprime = before.activation.derivative(trace.z(l), trace.a(l));
                    let da = (l + 1 < depth).then(|| trace.error_at_output_of(t.start_network(), l));
                    (fprime, da)
                } else {
                    (None, None)
                };
                layer.push(("fprime", fprime.map_or(Value::Null, |f| matrix_json(f.view()))));
                layer.push(("da", da.map_or(Value::Null, |g| matrix_json(g.view()))));
            }
            if updated {
                let after = &t.network().layers[l];
                layer.push(("w_change", matrix_change_json(after.w.view(), before.w.view())));
                layer.push(("b_change", change_json(after.b.iter(), before.b.iter())));
            }
            obj(layer)
        })
        .collect();
    let empty = || Value::Array(Vec::new());
    obj(vec![
        ("phase", t.phase().name().into()),
        ("last_phase", t.last_step().filter(|_| active).map(|s| s.name()).into()),
        ("status", t.status().name().into()),
        ("epoch", epoch.into()),
        ("batch", batch.into()),
        ("epochs_done", t.epoch().into()),
        ("batches", t.batches().into()),
        ("batch_size", t.batch_rows().into()),
        ("learning_rate", num(t.settings.learning_rate)),
        ("loss_name", t.loss.name().into()),
        ("rows", if active { trace.rows.clone().into() } else { empty() }),
        ("x", if active { matrix_json(trace.x()) } else { empty() }),
        ("y", if active { matrix_json(trace.y()) } else { empty() }),
        ("loss", if done > depth { num(trace.loss) } else { Value::Null }),
        ("sample_loss", if done > depth { vec_json(trace.sample_losses(t.loss).iter()) } else { Value::Null }),
        ("l2", num(t.settings.l2)),
        ("layers", Value::Array(layers)),
        ("undo_depth", t.undo_depth().into()),
        ("focus", focus.into()),
    ])
}

/// The per-epoch history (and every batch's J) as JSON.
pub fn history_json(t: &Trainer) -> Value {
    crate::session::history_value(t.history(), true)
}

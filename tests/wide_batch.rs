//! Batches of 128 rows and more lie in padded buffers (the trace's runs are an odd number of
//! cache lines apart, see `stride_for` in src/core/trace.rs). Their numbers must be the same as
//! the notation's matrices say, whatever the padding.

use backprop_playground::data::load::{load_generated, LoadOptions};
use backprop_playground::session::from_json;
use backprop_playground::{presets, Step};
use ndarray::Axis;

#[test]
fn a_batch_of_512_rows_matches_the_matrix_products_and_central_differences() {
    let text = presets::session("circle").unwrap().replace("\"batch_size\": 10", "\"batch_size\": 512");
    assert!(text.contains("\"batch_size\": 512"), "the circle preset's batch size is replaced");
    let (small, _) = from_json(&text).unwrap();
    let (mut t, _) = load_generated(&small, "circle", 1200, 0.1, 3, &LoadOptions::default()).unwrap();
    assert!(t.data.train.len() > 512, "at least one whole batch of 512 rows");
    t.step_to(Step::Update);
    let (net, trace) = (t.start_network(), t.trace());
    assert_eq!(trace.m(), 512);

    // Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾ by ndarray's own product (another summation order: to 1e-12).
    for (l, layer) in net.layers.iter().enumerate() {
        let a_prev = if l == 0 { trace.x().to_owned() } else { trace.a(l - 1).to_owned() };
        let z = a_prev.dot(&layer.w) + &layer.b.view().insert_axis(Axis(0));
        assert_eq!(z.dim(), trace.z(l).dim());
        for (got, want) in trace.z(l).iter().zip(&z) {
            assert!((got - want).abs() <= 1e-12 * want.abs().max(1.0), "layer {}: Z {got} against {want}", l + 1);
        }
        // ∂J/∂W⁽ˡ⁾ = A⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾ (no L2 in this session).
        let dw = a_prev.t().dot(&trace.delta(l));
        for (got, want) in trace.layers[l].dw.iter().zip(&dw) {
            assert!((got - want).abs() <= 1e-12 * want.abs().max(1e-3), "layer {}: ∂J/∂W {got} against {want}", l + 1);
        }
    }
    // The rows are the batch's own: X is the training rows in the epoch's order.
    for (i, &r) in trace.rows.iter().enumerate() {
        assert_eq!(trace.x().row(i), t.data.train.x.row(r));
    }
    let checks = t.gradient_check();
    assert!(checks.iter().all(|c| c.agrees()), "backprop against central differences: {checks:?}");
}

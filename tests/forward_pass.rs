//! One forward pass for every consumer of the core's numbers: training's phases, the epoch's
//! evaluation, `Network::predict` / `activations` and the gradient check's J all give the same
//! bits (they all run `Trace::forward_pass`, and add the L2 penalty through `l2::penalised`).

use backprop_playground::gradcheck::batch_loss;
use backprop_playground::session::from_json;
use backprop_playground::{presets, Step};

#[test]
fn training_evaluation_predict_and_the_gradient_check_give_the_same_bits() {
    let text = presets::session("circle").unwrap();
    let with_l2 = text.replace("\"max_epochs\": 500", "\"max_epochs\": 500, \"l2\": 0.003");
    assert_ne!(with_l2, text, "the circle preset gets an L2 term");
    let (mut t, _) = from_json(&with_l2).unwrap();
    t.run(3);
    // The first batch of epoch 4, up to its Loss: its parameters are the ones epoch 3 ended with.
    t.step_to(Step::Backward(3));
    let (net, trace, train) = (t.network(), t.trace(), &t.data.train);
    assert_eq!(net, t.start_network());

    let a = net.activations(trace.x());
    for (l, a) in a.iter().enumerate() {
        assert_eq!(a.view(), trace.a(l), "layer {}: predict's A against the trace's", l + 1);
    }
    assert_eq!(net.predict(trace.x()).view(), trace.y_hat());

    let (loss, l2) = (t.loss, t.settings.l2);
    let batch = batch_loss(net, loss, l2, trace.x(), trace.y());
    assert_eq!(batch, trace.loss, "the gradient check's J of the batch against the Loss phase's");
    assert!(trace.w_norm2 > 0.0 && trace.loss > trace.loss_data, "the batch's J includes the penalty");

    let whole = batch_loss(net, loss, l2, train.x.view(), train.y.view());
    let evaluated = *t.history().train_loss.last().unwrap();
    assert_eq!(whole, evaluated, "the epoch's evaluation against the gradient check's J");
}

//! The article's worked example (section 4.3), with the corrected numbers of
//! `docs/source-article.md`: every quantity of the table, per sample and full batch.

mod common;
use backprop_playground::{Phase, Step, Unit};
use common::*;

#[test]
fn the_first_sample_goes_through_each_phase_with_the_corrected_numbers() {
    let mut t = worked_example("1");
    assert_eq!(t.phase(), Phase::Next(Step::Forward(1)));
    t.step(Unit::Phase);
    // ŷ₁ = [1·0.5 + 2·0.5, 1·0.5 + 2·0.5] = [1.5, 1.5]
    assert_matrix(t.trace().z(0), &[&[1.5, 1.5]]);
    assert_matrix(t.trace().a(0), &[&[1.5, 1.5]]);
    assert_eq!(t.phase(), Phase::Next(Step::Loss));
    t.step(Unit::Phase);
    // J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25
    assert!((t.trace().loss - 4.25).abs() < 1e-12);
    t.step(Unit::Phase);
    // δ = ŷ − y = [−1.5, −2.5]; ∂J/∂W = xᵀδ; ∂J/∂b = δ
    assert_matrix(t.trace().delta(0), &[&[-1.5, -2.5]]);
    assert_matrix(t.trace().layers[0].dw.view(), &[&[-1.5, -2.5], &[-3.0, -5.0]]);
    assert_vec(&t.trace().layers[0].db, &[-1.5, -2.5]);
    assert_eq!(t.phase(), Phase::Next(Step::Update));
    t.step(Unit::Phase);
    let layer = &t.network().layers[0];
    assert_matrix(layer.w.view(), &[&[0.65, 0.75], &[0.80, 1.00]]);
    assert_vec(&layer.b, &[0.15, 0.25]);
    // W before the update stays readable.
    assert_matrix(t.start_network().layers[0].w.view(), &[&[0.5, 0.5], &[0.5, 0.5]]);
}

#[test]
fn the_updated_parameters_fit_the_first_sample_better() {
    let mut t = worked_example("1");
    t.step(Unit::Batch);
    // new ŷ₁ = [2.4, 3.0], new J = ½(0.6² + 1²) = 0.68
    let y_hat = t.network().predict(ndarray::array![[1.0, 2.0]].view());
    assert_matrix(y_hat.view(), &[&[2.4, 3.0]]);
    let j = backprop_playground::gradcheck::batch_loss(
        t.network(),
        t.loss,
        0.0,
        ndarray::array![[1.0, 2.0]].view(),
        ndarray::array![[3.0, 4.0]].view(),
    );
    assert!((j - 0.68).abs() < 1e-12, "J = {j}");
}

#[test]
fn the_second_sample_continues_from_the_updated_parameters() {
    let mut t = worked_example("1");
    t.step(Unit::Batch);
    t.step(Unit::Phase);
    assert_matrix(t.trace().a(0), &[&[5.3, 6.5]]);
    t.step(Unit::Phase);
    assert!((t.trace().loss - 1.37).abs() < 1e-12);
    t.step(Unit::Phase);
    assert_matrix(t.trace().layers[0].dw.view(), &[&[-2.1, -4.5], &[-2.8, -6.0]]);
    assert_vec(&t.trace().layers[0].db, &[-0.7, -1.5]);
    t.step(Unit::Phase);
    assert_matrix(t.network().layers[0].w.view(), &[&[0.86, 1.2], &[1.08, 1.6]]);
    assert_vec(&t.network().layers[0].b, &[0.22, 0.4]);
    // That was the last batch: the epoch is over and logged.
    assert_eq!(t.epoch(), 1);
    assert_eq!(t.history().train_loss.len(), 1);
}

#[test]
fn one_full_batch_step_averages_both_samples() {
    let mut t = worked_example("\"all\"");
    t.step(Unit::Phase);
    t.step(Unit::Phase);
    // Sample 2: ŷ = [3·0.5 + 4·0.5, 3·0.5 + 4·0.5] = [3.5, 3.5], y = [6, 8], so J₂ = ½(2.5² + 4.5²) = 13.25;
    // J = (4.25 + 13.25) / 2 = 8.75
    assert!((t.trace().loss - 8.75).abs() < 1e-12);
    t.step(Unit::Phase);
    assert_matrix(t.trace().layers[0].dw.view(), &[&[-4.5, -8.0], &[-6.5, -11.5]]);
    assert_vec(&t.trace().layers[0].db, &[-2.0, -3.5]);
    t.step(Unit::Phase);
    assert_matrix(t.network().layers[0].w.view(), &[&[0.95, 1.30], &[1.15, 1.65]]);
    assert_vec(&t.network().layers[0].b, &[0.20, 0.35]);
    // The epoch's training loss is J over both samples with the new parameters.
    assert!((t.history().train_loss[0] - 2.9875).abs() < 1e-12, "{:?}", t.history().train_loss);
}

#[test]
fn the_epoch_also_logs_the_mean_of_its_batch_losses() {
    let mut t = worked_example("1");
    t.step(Unit::Epoch);
    // Sample 1 at W = 0.5 gives J = 4.25; sample 2 after the first update gives J = 1.37.
    let mean = t.history().mean_batch_loss[0].unwrap();
    assert!((mean - (4.25 + 1.37) / 2.0).abs() < 1e-12, "{mean}");
}

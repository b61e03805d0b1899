//! A copy of a session trains elsewhere (the page's worker) and hands its progress back: the
//! session that takes it on is where running the same epochs itself would have put it, bit for bit.

use backprop_playground::session::{absorb_packed, from_json, progress_packed, to_json, Meta};
use backprop_playground::{Phase, Trainer, Unit};

// Mini-batches of 2 over 5 shuffled rows, a test set, L2 and a stopping rule: the history has
// every kind of entry and the epochs end on a short batch.
const SESSION: &str = r#"{"version":1,"network":{"inputs":2,"layers":[{"units":3,"activation":"tanh"},{"units":3,"activation":"softmax"}]},
  "loss":"cce","init":"glorot_uniform","training":{"learning_rate":0.3,"batch_size":2,"shuffle":true,"seed":4,"l2":0.001,"max_epochs":40},
  "data":{"train":{"x":[[0.1,0.2],[0.3,-0.7],[1.5,2.5],[0.1,0.3],[-1,0.6]],"y":[0,1,2,1,0]},
          "test":{"x":[[1,1],[0,-1]],"y":[2,1]}}}"#;

fn session() -> (Trainer, Meta) {
    from_json(SESSION).unwrap()
}

// The history's lengths: epochs logged and batch losses logged.
fn logged(t: &Trainer) -> (usize, usize) {
    (t.history().train_loss.len(), t.history().batch_loss.len())
}

// The worker's progress, as text and numbers.
fn progress_json(t: &Trainer, epochs: usize, batches: usize) -> (String, Vec<f64>) {
    progress_packed(t, epochs, batches)
}

fn absorb_json(t: &mut Trainer, progress: &(String, Vec<f64>)) -> backprop_playground::Result<()> {
    absorb_packed(t, &progress.0, &progress.1)
}

// The session file of `t`, which holds the parameters, the position, the moment and the history.
fn file(t: &Trainer, meta: &Meta) -> String {
    to_json(t, meta)
}

#[test]
fn progress_handed_back_in_chunks_equals_running_the_epochs_here() {
    let (mut page, meta) = session();
    // Start mid-epoch: the copy's first run finishes the epoch the page is in.
    page.step(Unit::Phase);
    page.step(Unit::Phase);
    page.step(Unit::Phase);
    let mut alone = page.clone();
    let (mut worker, _) = from_json(&file(&page, &meta)).unwrap();
    let mut sent = logged(&worker);
    for chunk in [1, 3, 2] {
        worker.run(chunk);
        let progress = progress_json(&worker, sent.0, sent.1);
        sent = logged(&worker);
        absorb_json(&mut page, &progress).unwrap();
    }
    alone.run(6);
    assert_eq!(file(&page, &meta), file(&alone, &meta));
    assert_eq!(page.trace().loss.to_bits(), alone.trace().loss.to_bits());
    assert_eq!(page.phase(), alone.phase());
    // Both go on identically.
    page.run(2);
    alone.run(2);
    assert_eq!(file(&page, &meta), file(&alone, &meta));
}

#[test]
fn progress_up_to_a_stop_ends_training_as_here() {
    let (mut page, meta) = session();
    let mut alone = page.clone();
    let (mut worker, _) = from_json(&file(&page, &meta)).unwrap();
    worker.run(1000);
    absorb_json(&mut page, &progress_json(&worker, 0, 0)).unwrap();
    alone.run(1000);
    assert_eq!(page.phase(), Phase::Stopped(backprop_playground::Status::MaxEpochs));
    assert_eq!(file(&page, &meta), file(&alone, &meta));
}

#[test]
fn each_progress_taken_on_is_one_undo_step() {
    let (mut page, meta) = session();
    page.run(2);
    let before = file(&page, &meta);
    let (mut worker, _) = from_json(&before).unwrap();
    let sent = logged(&worker);
    worker.run(3);
    absorb_json(&mut page, &progress_json(&worker, sent.0, sent.1)).unwrap();
    assert_eq!(page.epoch(), 5);
    assert!(page.back());
    assert_eq!(file(&page, &meta), before);
}

#[test]
fn a_progress_that_does_not_follow_on_is_refused_and_changes_nothing() {
    let (mut page, meta) = session();
    let (mut worker, _) = from_json(&file(&page, &meta)).unwrap();
    worker.run(2);
    let from_start = progress_json(&worker, 0, 0);
    // The page trained on by itself meanwhile: the worker's history no longer follows on.
    page.run(1);
    let before = file(&page, &meta);
    let error = absorb_json(&mut page, &from_start).unwrap_err();
    assert!(error.to_string().contains("progress.moment"), "{error}");
    assert_eq!(file(&page, &meta), before);
    assert_eq!(page.undo_depth(), 1);
    // Text that is not a progress names what is wrong, and changes nothing either.
    let numbers = from_start.1.clone();
    for (bad, field) in [
        ("[1]", "progress"),
        (r#"{"moment":{}, "history":{}, "extra":1}"#, "extra"),
        (r#"{"history":{}}"#, "progress.moment"),
    ] {
        let error = absorb_json(&mut page, &(bad.to_string(), numbers.clone())).unwrap_err();
        assert!(error.to_string().contains(field), "{bad}: {error}");
        assert_eq!(file(&page, &meta), before);
    }
    // Too few or too many parameters are refused.
    let sent = (page.history().train_loss.len(), page.history().batch_loss.len());
    let mut fresh = progress_json(&worker, sent.0, sent.1);
    fresh.1.pop();
    let error = absorb_json(&mut page, &fresh).unwrap_err();
    assert!(error.to_string().contains("progress.moment.start"), "{error}");
    fresh.1.extend([0.0, 0.0]);
    assert!(absorb_json(&mut page, &fresh).is_err());
    assert_eq!(file(&page, &meta), before);
}

#[test]
fn the_parameters_travel_as_numbers_before_and_after_the_update() {
    let (mut worker, _) = session();
    worker.run(1);
    let (text, numbers) = progress_json(&worker, 0, 0);
    // 2-3-3: (2 + 1) × 3 + (3 + 1) × 3 = 21 parameters, before and after the batch's update.
    assert_eq!(numbers.len(), 42);
    assert!(!text.contains("start") && !text.contains("updated"));
    let updated = &worker.network().layers;
    assert_eq!(numbers[21], updated[0].w[(0, 0)]);
    assert_eq!(numbers[21 + 3], updated[0].w[(1, 0)]);
    assert_eq!(numbers[21 + 6], updated[0].b[0]);
    assert_eq!(numbers[41], updated[1].b[2]);
}

#[test]
fn the_history_tail_is_the_last_epochs_and_batch_losses_of_the_whole_history() {
    use backprop_playground::session::{history_tail_value, history_value};
    let (mut t, _) = session();
    // Before any epoch: nothing logged, nothing in the tail.
    let empty = history_tail_value(t.history(), 3);
    assert_eq!(empty["epochs"].as_f64(), Some(0.0));
    assert_eq!(empty["history"]["train_loss"].as_array().map(|a| a.len()), Some(0));
    t.run(7);
    let whole = history_value(t.history());
    let tail = history_tail_value(t.history(), 3);
    let (epochs, batches) = logged(&t);
    assert_eq!((epochs, batches), (7, 21));
    assert_eq!(tail["epochs"].as_f64(), Some(7.0));
    assert_eq!(tail["batches"].as_f64(), Some(21.0));
    // Every list: its last three entries, as the whole history has them.
    for key in
        ["train_loss", "test_loss", "train_accuracy", "test_accuracy", "mean_batch_loss", "batch_loss", "train_rmse"]
    {
        let all = whole[key].as_array().unwrap();
        let last = tail["history"][key].as_array().unwrap();
        assert_eq!(last.len(), 3, "{key}");
        assert_eq!(last.to_vec(), all[all.len() - 3..].to_vec(), "{key}");
    }
    // Asked for more than there is: all of it.
    assert_eq!(history_tail_value(t.history(), 100)["history"], whole);
}

//! The history stays bounded however long training plays: past its limits the older entries are
//! thinned to evenly spaced epochs (and batches), each kept entry is the number logged at its
//! epoch, the newest are all kept, and the counts, undo, session files, the worker's progress and
//! the charts follow the positions.

use backprop_playground::charts::loss;
use backprop_playground::session::{absorb_packed, from_json, history_value, progress_packed, to_json, Meta};
use backprop_playground::trainer::{MOST_BATCHES, MOST_EPOCHS, RECENT_EPOCHS};
use backprop_playground::{Trainer, Unit};

// Four rows one at a time, a test set: four batch losses an epoch, every kind of entry.
const SESSION: &str = r#"{"version":1,"network":{"inputs":2,"layers":[{"units":3,"activation":"tanh"},{"units":1,"activation":"sigmoid"}]},
  "loss":"bce","init":"glorot_uniform","training":{"learning_rate":0.1,"batch_size":1,"shuffle":true,"seed":7},
  "data":{"train":{"x":[[0.1,0.2],[0.3,-0.7],[1.5,2.5],[-1,0.6]],"y":[0,1,1,0]},
          "test":{"x":[[1,1],[0,-1]],"y":[1,0]}}}"#;

fn session() -> (Trainer, Meta) {
    from_json(SESSION).unwrap()
}

// J after each epoch and each batch's J, logged one epoch at a time and read at once, so that
// no thinning touches them: the numbers a thinned history must agree with.
fn reference(epochs: usize) -> (Vec<f64>, Vec<f64>, Vec<Option<f64>>) {
    let (mut t, _) = session();
    let (mut train, mut batches, mut means) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..epochs {
        t.step(Unit::Epoch);
        let h = t.history();
        train.push(*h.train_loss.last().unwrap());
        means.push(*h.mean_batch_loss.last().unwrap());
        let per_epoch = t.batches();
        batches.extend_from_slice(&h.batch_loss[h.batch_loss.len() - per_epoch..]);
    }
    (train, batches, means)
}

#[test]
fn a_long_run_keeps_a_bounded_history_whose_entries_are_the_numbers_logged_at_their_epochs() {
    let epochs = 3 * MOST_EPOCHS + 123;
    let (train, batches, means) = reference(epochs);
    let (mut t, _) = session();
    t.run(epochs);
    let h = t.history();
    assert_eq!((h.epochs(), h.batches()), (epochs, 4 * epochs), "the counts are of everything logged");
    assert!(h.batch.len() < h.batches(), "the batch losses are thinned too");
    assert!(!h.is_whole());
    assert!(h.epoch.len() <= MOST_EPOCHS && h.batch.len() <= MOST_BATCHES, "{} {}", h.epoch.len(), h.batch.len());
    assert!(h.epoch.len() > MOST_EPOCHS / 2, "thinning keeps half at least: {}", h.epoch.len());
    assert!(h.epoch.windows(2).all(|w| w[0] < w[1]) && h.batch.windows(2).all(|w| w[0] < w[1]));
    // Each kept number is the one logged at its position, bit for bit.
    for (i, &e) in h.epoch.iter().enumerate() {
        assert_eq!(h.train_loss[i].to_bits(), train[e].to_bits(), "epoch {}", e + 1);
        assert_eq!(h.mean_batch_loss[i].map(f64::to_bits), means[e].map(f64::to_bits), "epoch {}", e + 1);
    }
    for (i, &b) in h.batch.iter().enumerate() {
        assert_eq!(h.batch_loss[i].to_bits(), batches[b].to_bits(), "batch {}", b + 1);
    }
    // The newest epochs are all there; the older half evenly spaced (epoch numbers multiples of
    // one power of two).
    let recent = &h.epoch[h.epoch.len() - RECENT_EPOCHS..];
    assert_eq!(recent, (epochs - RECENT_EPOCHS..epochs).collect::<Vec<_>>().as_slice());
    let old: Vec<usize> = h.epoch.iter().copied().filter(|&e| e < epochs / 2).collect();
    let stride = old[1] - old[0];
    assert!(stride.is_power_of_two() && stride > 1, "stride {stride}");
    assert!(old.iter().all(|&e| (e + 1) % stride == 0), "older epochs at multiples of {stride}");
    assert!(old.windows(2).all(|w| w[1] - w[0] == stride), "no older epoch left out");
    assert_eq!(h.train_loss.last().map(|j| j.to_bits()), Some(train[epochs - 1].to_bits()));
}

#[test]
fn a_short_run_keeps_everything_and_its_file_has_no_positions() {
    let (mut t, meta) = session();
    t.run(MOST_EPOCHS / 2);
    assert!(t.history().is_whole());
    assert_eq!(t.history().epoch, (0..MOST_EPOCHS / 2).collect::<Vec<_>>());
    let file = to_json(&t, &meta);
    let history = history_of(&file);
    for key in ["\"epoch\"", "\"batch\"", "\"epochs\"", "\"batches\""] {
        assert!(!history.contains(key), "a whole history is written as before: {key}");
    }
}

#[test]
fn a_thinned_history_comes_back_from_its_session_file_exactly() {
    let (mut t, meta) = session();
    t.run(2 * MOST_EPOCHS + 5);
    t.step(Unit::Phase);
    let file = to_json(&t, &meta);
    let (back, _) = from_json(&file).unwrap();
    assert_eq!(back.history(), t.history());
    assert_eq!(to_json(&back, &meta), file);
    // Both train on identically.
    let (mut a, mut b) = (t.clone(), back);
    a.run(MOST_EPOCHS);
    b.run(MOST_EPOCHS);
    assert_eq!(to_json(&a, &meta), to_json(&b, &meta));
}

// The text of the history object in a session file (it holds lists only, no objects).
fn history_of(file: &str) -> &str {
    let start = file.find("\"history\": {").expect("a history");
    &file[start..start + file[start..].find('}').unwrap() + 1]
}

#[test]
fn positions_that_do_not_fit_the_lists_are_an_error_naming_the_history() {
    let (mut t, meta) = session();
    // Six epochs of four batches: the position and the moment in the file are at these counts.
    t.run(6);
    let file = to_json(&t, &meta);
    let with = |history: &str| file.replace(history_of(&file), &format!("\"history\": {{{history}}}"));
    let cases = [
        // Two losses, one position.
        r#""train_loss":[0.5,0.4],"epoch":[3],"epochs":5"#,
        // Not increasing.
        r#""train_loss":[0.5,0.4],"epoch":[3,2],"epochs":5"#,
        // Beyond the count.
        r#""train_loss":[0.5,0.4],"epoch":[3,9],"epochs":5"#,
        // Epochs are numbered from 1.
        r#""train_loss":[0.5,0.4],"epoch":[0,2],"epochs":5"#,
        // Batch numbers too.
        r#""batch_loss":[0.5,0.4],"batch":[2,2],"batches":5"#,
    ];
    for case in cases {
        let err = from_json(&with(case)).map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("history.epoch"), "{case}: {err}");
    }
    // A fitting one loads, at its epochs.
    let fitting =
        r#""train_loss":[0.5,0.4],"epoch":[2,4],"epochs":6,"batch_loss":[0.3,0.2],"batch":[4,24],"batches":24"#;
    let (t, _) = from_json(&with(fitting)).unwrap();
    assert_eq!((t.history().epoch.clone(), t.history().epochs()), (vec![1, 3], 6));
    assert_eq!((t.history().batch.clone(), t.history().batches()), (vec![3, 23], 24));
    assert_eq!(t.history().train_loss, vec![0.5, 0.4]);
}

#[test]
fn undo_after_thinning_takes_the_counts_back_and_training_goes_on_from_there() {
    let (mut t, meta) = session();
    t.run(2 * MOST_EPOCHS);
    let before = to_json(&t, &meta);
    let (epochs, batches) = (t.history().epochs(), t.history().batches());
    t.run(MOST_EPOCHS);
    assert!(t.back());
    assert_eq!((t.history().epochs(), t.history().batches()), (epochs, batches));
    assert!(t.history().epoch.last().is_some_and(|&e| e < epochs));
    // Stepping on logs the next epoch at the next position.
    t.step(Unit::Epoch);
    assert_eq!(t.history().epoch.last(), Some(&epochs));
    let (mut again, _) = from_json(&before).unwrap();
    again.step(Unit::Epoch);
    assert_eq!(
        again.history().train_loss.last().map(|j| j.to_bits()),
        t.history().train_loss.last().map(|j| j.to_bits())
    );
}

#[test]
fn a_worker_copy_that_thins_hands_back_its_epochs_at_their_positions() {
    let (mut page, meta) = session();
    page.run(10);
    let mut alone = page.clone();
    let (mut worker, _) = from_json(&to_json(&page, &meta)).unwrap();
    let mut sent = (worker.history().epochs(), worker.history().batches());
    for chunk in [MOST_EPOCHS, 3, 2 * MOST_EPOCHS, 1] {
        worker.run(chunk);
        let (text, numbers) = progress_packed(&worker, sent.0, sent.1);
        sent = (worker.history().epochs(), worker.history().batches());
        absorb_packed(&mut page, &text, &numbers).unwrap();
    }
    alone.run(3 * MOST_EPOCHS + 4);
    let (h, truth) = (page.history(), alone.history());
    assert_eq!((h.epochs(), h.batches()), (truth.epochs(), truth.batches()));
    assert!(h.epoch.len() <= MOST_EPOCHS);
    // The page's parameters are the ones training here gives; every entry it kept is one logged
    // here at the same epoch.
    assert_eq!(page.network(), alone.network());
    let (train, _, _) = reference(3 * MOST_EPOCHS + 14);
    for (i, &e) in h.epoch.iter().enumerate() {
        assert_eq!(h.train_loss[i].to_bits(), train[e].to_bits(), "epoch {}", e + 1);
    }
}

#[test]
fn the_charts_put_a_thinned_history_at_its_epochs() {
    let (mut t, _) = session();
    let epochs = 3 * MOST_EPOCHS;
    t.run(epochs);
    let data = loss::LossData::from_trainer(&t, loss::Options { batches: true, ..Default::default() });
    let chart = data.chart().unwrap();
    let frame = chart.frame((600, 400)).unwrap();
    // The x axis reaches the last epoch, not the number of entries kept.
    assert!((frame.x.1 - epochs as f64).abs() / (epochs as f64) < 0.1, "{:?}", frame.x);
    // Hovering near an old epoch answers the nearest epoch kept, with its number.
    let h = t.history();
    let target = h.epoch[10] + 1;
    let (px, py) = frame.to_pixel(target as f64, 0.5);
    let hover = loss::hover((600, 400), &data, px, py).unwrap().unwrap();
    let train = hover.points.iter().find(|p| p.label == "train").unwrap();
    let kept =
        h.epoch.iter().map(|&e| e as f64 + 1.0).min_by(|a, b| (a - train.x).abs().total_cmp(&(b - train.x).abs()));
    assert_eq!(kept, Some(train.x), "the point is at a kept epoch");
    let index = h.epoch.iter().position(|&e| e as f64 + 1.0 == train.x).unwrap();
    assert_eq!(train.value, Some(h.train_loss[index]));
    assert!((train.x - target as f64).abs() <= (h.epoch[11] - h.epoch[10]) as f64, "{} {target}", train.x);
    // The history's JSON numbers its entries from 1 and gives the counts.
    let json = history_value(h);
    assert_eq!(json["epoch"][0].as_f64(), Some(h.epoch[0] as f64 + 1.0));
    assert_eq!(json["epochs"].as_f64(), Some(epochs as f64));
}

#[test]
fn a_run_kept_from_a_thinned_history_is_drawn_at_its_epochs() {
    let (t, _) = session();
    let kept = r#"{"kept": [{"name": "long", "train": [0.7, 0.5, 0.4], "epoch": [0, 8, 5000]}]}"#;
    let options = loss::Options::parse(kept).unwrap();
    assert_eq!(options.kept[0].epoch, Some(vec![0, 8, 5000]));
    let data = loss::LossData::from_trainer(&t, options);
    let chart = data.chart().unwrap();
    let frame = chart.frame((600, 400)).unwrap();
    assert!(frame.x.1 >= 5000.0, "the axis reaches the kept run's last epoch: {:?}", frame.x);
    let (px, py) = frame.to_pixel(4900.0, 0.4);
    let hover = loss::hover((600, 400), &data, px, py).unwrap().unwrap();
    let point = hover.points.iter().find(|p| p.label == "long").unwrap();
    assert_eq!((point.x, point.value), (5000.0, Some(0.4)));
    // Epochs that do not fit the values are an error naming the option.
    for wrong in [r#"[0, 8]"#, r#"[0, 8, 8]"#, r#"[0, 8, -1]"#, r#"[0, 8, 1.5]"#] {
        let text = kept.replace("[0, 8, 5000]", wrong);
        let err = loss::Options::parse(&text).map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("chart options.kept"), "{wrong}: {err}");
    }
}

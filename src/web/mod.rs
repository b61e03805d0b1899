//! The JavaScript face of the core: a `Playground` handle living in wasm memory.
//!
//! Each method converts its arguments, calls the core and converts the result; errors become
//! JavaScript `Error`s whose message names the field and the value, in English, and whose
//! properties (`kind`, `key`, `args`, `field`, `line` …: src/error_json.rs) let the page word
//! them in its language. Nothing here panics on input.

mod data;

use crate::data::Prepared;
use crate::error::Error;
use crate::error_json::error_json;
use crate::message::{Msg, Phrase};
use crate::presets;
use crate::session::{self, Meta};
use crate::show;
use crate::trace_json::{history_json, trace_json};
use crate::trainer::{Trainer, Unit};
use wasm_bindgen::prelude::*;

mod charts;

// Talc instead of the default dlmalloc: 5 KB less wasm. The page is single-threaded (no atomics).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn to_js(e: Error) -> JsValue {
    js_error(&e.to_string(), &error_json(&e))
}

/// A JavaScript `Error` with the English `message` and the properties of the JSON object `props`.
fn js_error(message: &str, props: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    if let Ok(props) = js_sys::JSON::parse(props) {
        js_sys::Object::assign(&error, props.unchecked_ref());
    }
    error.into()
}

/// A training session, driven step by step from JavaScript.
#[wasm_bindgen]
pub struct Playground {
    trainer: Trainer,
    meta: Meta,
    /// How the data was prepared, when it was loaded here rather than from a session file.
    prepared: Option<Prepared>,
}

#[wasm_bindgen]
impl Playground {
    /// Loads a session file (JSON text); throws an Error naming the bad field and value.
    #[wasm_bindgen(js_name = fromSession)]
    pub fn from_session(json: &str) -> Result<Playground, JsValue> {
        let (trainer, meta) = session::from_json(json).map_err(to_js)?;
        Ok(Playground { trainer, meta, prepared: None })
    }

    /// The session file of a built-in preset ("circle", "worked-example").
    #[wasm_bindgen(js_name = defaultSession)]
    pub fn default_session(name: &str) -> Result<String, JsValue> {
        presets::session(name).map_err(to_js)
    }

    /// JSON list of every layer's `{w, b}` as the coming Update will leave them, or `null` when
    /// Update is not the next phase. The page paints the diagram's edges for them ahead of time.
    #[wasm_bindgen(js_name = upcomingUpdate)]
    pub fn upcoming_update(&self) -> String {
        let Some(net) = self.trainer.upcoming_update() else { return "null".into() };
        let mut w = crate::json::Writer::new();
        w.begin_array();
        for layer in &net.layers {
            w.begin_object().key("w").matrix(layer.w.view()).key("b").numbers(layer.b.iter().copied());
            w.end_object();
        }
        w.end_array();
        w.finish()
    }

    /// Drops every undo step (benchmarks use it to measure training alone).
    #[wasm_bindgen(js_name = clearUndo)]
    pub fn clear_undo(&mut self) {
        self.trainer.clear_undo();
    }

    /// JSON of the core's message table, every key with its English template: the `core.*` keys
    /// the page's message tables must word (tests/node/messages.test.mjs checks them).
    #[wasm_bindgen(js_name = coreMessages)]
    pub fn core_messages() -> String {
        let mut w = crate::json::Writer::new();
        w.begin_object();
        for (key, english) in crate::message::messages() {
            w.key(key).string(english);
        }
        w.end_object();
        w.finish()
    }

    /// Names of the built-in presets.
    pub fn presets() -> Vec<String> {
        presets::NAMES.iter().map(|s| s.to_string()).collect()
    }

    /// The whole session as a JSON session file.
    #[wasm_bindgen(js_name = toSession)]
    pub fn to_session(&self) -> String {
        session::to_json(&self.trainer, &self.meta)
    }

    /// The session file with the newest undo steps whose text fits in about `undo_bytes`.
    #[wasm_bindgen(js_name = toSessionWithUndo)]
    pub fn to_session_with_undo(&self, undo_bytes: usize) -> String {
        session::to_json_with_undo(&self.trainer, &self.meta, undo_bytes)
    }

    /// Advances one "phase", or to the end of the current "batch" or "epoch"; returns the next phase.
    pub fn step(&mut self, unit: &str) -> Result<String, JsValue> {
        let unit = Unit::parse(unit).map_err(to_js)?;
        Ok(self.trainer.step(unit).name())
    }

    /// Runs a number of epochs (or until the stopping rule holds); returns the next phase.
    pub fn run(&mut self, epochs: u32) -> String {
        self.trainer.run(epochs as usize).name()
    }

    /// Where training is, and the history logged after the first `epochs` epochs and `batches`
    /// batch losses: what the page's worker, training a copy of the session, hands back. An array
    /// [JSON text, Float64Array of the moment's parameters].
    pub fn progress(&self, epochs: usize, batches: usize) -> js_sys::Array {
        let (text, numbers) = session::progress_packed(&self.trainer, epochs, batches);
        js_sys::Array::of2(&text.into(), &js_sys::Float64Array::from(&numbers[..]))
    }

    /// Takes on the progress of a copy of this session (`progress()`'s text and numbers): one
    /// undo step, as a `run` is. Throws, changing nothing, when it does not follow on from here.
    pub fn absorb(&mut self, text: &str, numbers: &[f64]) -> Result<(), JsValue> {
        session::absorb_packed(&mut self.trainer, text, numbers).map_err(to_js)
    }

    /// Undoes the last step; false when there is nothing to undo.
    pub fn back(&mut self) -> bool {
        self.trainer.back()
    }

    /// The phase the next step("phase") performs, e.g. "Forward(1)", "Loss", "Backward(2)",
    /// "Update", or "TargetReached", "MaxEpochs", "Diverged" once training has stopped.
    pub fn phase(&self) -> String {
        self.trainer.phase().name()
    }

    /// JSON of the current batch's values: z, a, delta, dw, db, w, b, w_new, b_new per layer.
    pub fn trace(&self) -> String {
        trace_json(&self.trainer)
    }

    /// `trace()` with the batch's Z, A and δ only for the layers next to `layer` (0-based), for
    /// redrawing one layer per step without sending every matrix.
    #[wasm_bindgen(js_name = traceFocus)]
    pub fn trace_focus(&self, layer: usize) -> String {
        crate::trace_json::trace_json_focused(&self.trainer, Some(layer))
    }

    /// `traceFocus(layer)` packed, as `[text, numbers]`: the text with every list and matrix of
    /// numbers replaced by where they start in `numbers`, a Float64Array (www/trace.js reads it
    /// back). The page's redraw: no number is written as text and parsed again.
    #[wasm_bindgen(js_name = traceFocusPacked)]
    pub fn trace_focus_packed(&self, layer: usize) -> js_sys::Array {
        let (text, numbers) = crate::trace_json::trace_packed(&self.trainer, Some(layer));
        js_sys::Array::of2(&text.into(), &js_sys::Float64Array::from(&numbers[..]))
    }

    /// Performs phases until the named phase (e.g. "Backward(2)") is next, as one undoable step.
    #[wasm_bindgen(js_name = stepTo)]
    pub fn step_to(&mut self, phase: &str) -> Result<String, JsValue> {
        let depth = self.trainer.arch.layers.len();
        let target = crate::trace::Step::parse(phase, depth).ok_or_else(|| {
            to_js(Error::invalid(
                "phase",
                Phrase::new(Msg::ExpectedPhaseOfNetwork).arg("depth", depth),
                show::quoted(phase),
            ))
        })?;
        Ok(self.trainer.step_to(target).name())
    }

    /// JSON of the per-epoch history.
    pub fn history(&self) -> String {
        history_json(&self.trainer).to_string()
    }

    /// JSON of the history's newest `epochs` epochs, with how many there are in all
    /// (`session::history_tail_value`).
    #[wasm_bindgen(js_name = historyTail)]
    pub fn history_tail(&self, epochs: usize) -> String {
        session::history_tail_value(self.trainer.history(), epochs).to_string()
    }

    /// J of the current parameters over the training set, as `history().train_loss` logs it at
    /// the end of an epoch (undefined without training rows). Changes nothing: before training,
    /// it is a loss curve's point at epoch 0.
    #[wasm_bindgen(js_name = trainLoss)]
    pub fn train_loss(&mut self) -> Option<f64> {
        self.trainer.train_loss()
    }

    /// JSON list, per layer, of the largest relative error {w, b} between backprop and central
    /// differences (beyond what float64 resolves), and whether they agree.
    #[wasm_bindgen(js_name = gradientCheck)]
    pub fn gradient_check(&self) -> String {
        use crate::json::{num, obj, Value};
        let checks = self.trainer.gradient_check();
        let layer = |c: &crate::gradcheck::LayerCheck| {
            obj(vec![("w", num(c.w)), ("b", num(c.b)), ("agree", Value::Bool(c.agrees()))])
        };
        Value::Array(checks.iter().map(layer).collect()).to_string()
    }

    /// Applies a partial session, e.g. `{"training":{"batch_size":4}}` or
    /// `{"network":{"layers":[…]}}`. The learning rate and the stopping rule change in place;
    /// anything else restarts training from the seed. Throws, leaving the session as it was, on a bad value.
    pub fn configure(&mut self, patch: &str) -> Result<(), JsValue> {
        let (trainer, meta) = session::apply_patch(&self.trainer, &self.meta, patch).map_err(to_js)?;
        self.trainer = trainer;
        self.meta = meta;
        Ok(())
    }

    /// Starts afresh: parameters drawn again from the seed, history and undo cleared.
    pub fn reset(&mut self) -> Result<(), JsValue> {
        self.trainer = self.trainer.restarted().map_err(to_js)?;
        Ok(())
    }

    /// The session's name and description (JSON), as given in its file.
    pub fn meta(&self) -> String {
        use crate::json::obj;
        obj(vec![("name", self.meta.name.as_ref().into()), ("description", self.meta.description.as_ref().into())])
            .to_string()
    }

    /// Sets W⁽ˡ⁺¹⁾[i][j] by hand (layer l is 0-based); the current batch restarts.
    #[wasm_bindgen(js_name = setWeight)]
    pub fn set_weight(&mut self, layer: usize, i: usize, j: usize, value: f64) -> Result<(), JsValue> {
        self.trainer.set_weight(layer, i, j, value).map_err(to_js)
    }

    /// Sets b⁽ˡ⁺¹⁾[j] by hand; the current batch restarts.
    #[wasm_bindgen(js_name = setBias)]
    pub fn set_bias(&mut self, layer: usize, j: usize, value: f64) -> Result<(), JsValue> {
        self.trainer.set_bias(layer, j, value).map_err(to_js)
    }
}

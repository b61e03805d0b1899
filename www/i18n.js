// The message table: every string the page shows, keyed by id (English).
// Markup names its text with data-i18n="id" (text) or data-i18n-attr="attr:id;attr:id".

const MESSAGES = {
  'app.title': 'Backprop Playground',
  'app.tagline': 'Step through the training of a small neural network, one phase at a time.',

  'panel.data': 'Data',
  'panel.network': 'Network',
  'panel.loop': 'Training loop',
  'panel.inspector': 'Layer inspector',
  'panel.charts': 'Charts',

  'placeholder.data': 'The training samples and the current batch will appear here.',
  'placeholder.network': 'The network diagram will appear here.',
  'placeholder.inspector': 'Z, A, δ, ∂J/∂W and ∂J/∂b of each layer will appear here.',
  'placeholder.charts': 'The training and test loss curves will appear here.',

  'control.stepPhase': 'Next phase',
  'control.stepBatch': 'Next batch',
  'control.stepEpoch': 'Next epoch',
  'control.stepBack': 'Step back',
  'control.group': 'Step through training',

  'readout.phase': 'Up next',
  'readout.loss': 'Loss J',
  'readout.epoch': 'Epoch',
  'readout.batch': 'Batch',
  'readout.batchOf': '{batch} of {batches}',
  'readout.none': '—',

  'phase.Forward': 'Forward pass, layer {layer}',
  'phase.Loss': 'Loss',
  'phase.Backward': 'Backward pass, layer {layer}',
  'phase.Update': 'Update weights',
  'phase.TargetReached': 'Done: target loss reached',
  'phase.MaxEpochs': 'Done: all epochs run',
  'phase.Diverged': 'Stopped: the loss diverged',

  'status.loading': 'Loading the network…',
  'status.nothingToUndo': 'Nothing to undo: this is the start of training.',

  'error.boot': 'The playground could not start: {message}',
  'error.action': 'That step failed: {message}',
};

// The message `id` with each {name} replaced by params[name]; an unknown id shows as itself.
export function t(id, params = {}) {
  const text = MESSAGES[id] ?? id;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

// Whether the table has a message `id`.
export function has(id) {
  return id in MESSAGES;
}

// Fill every data-i18n / data-i18n-attr element under `root` from the table.
export function applyMessages(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, id] = pair.split(':').map((s) => s.trim());
      el.setAttribute(attr, t(id));
    }
  }
}

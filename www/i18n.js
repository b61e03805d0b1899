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

  // Layer inspector, equations and network diagram (views/inspector.js, equations.js, network.js).
  'panel.equations': 'Equations',
  'matrix.shape': '{rows} × {cols}',
  'matrix.notComputed': 'not computed yet',
  'matrix.rowsShown': 'rows {from}–{to} of {rows}',
  'matrix.legend': 'Colour scale: blue below zero, white at zero, red above; the ends are ± the largest |value| of this matrix.',
  'matrix.w': 'W{mark}',
  'matrix.wNew': 'W{mark} after update',
  'matrix.b': 'b{mark}',
  'matrix.bNew': 'b{mark} after update',
  'inspector.layers': 'Layer to inspect',
  'inspector.layerTab': 'Layer {layer} · {activation}',
  'inspector.follow': 'Follow the phase',
  'inspector.rowsPrev': '◀ Earlier rows',
  'inspector.rowsNext': 'Later rows ▶',
  'inspector.justDone': 'just done: {phase}',
  'inspector.band.forward': 'Forward pass · f = {activation}',
  'inspector.band.backward': 'Backward pass · δ includes 1/m',
  'inspector.band.update': 'Update · α = {alpha}',
  'eq.none': 'Take a step: the formula of the phase just performed appears here, with its numbers.',
  'eq.done': 'Just done: {phase}',
  'eq.context.unit': 'Layer {layer} · sample {sample} of {m} (data row {row}) · unit {unit}',
  'eq.context.sample': 'Sample {sample} of {m} (data row {row})',
  'eq.context.backward': 'Layer {layer} · sample {sample} of {m} (data row {row}) · unit {unit} · input {input}',
  'eq.context.weight': 'Layer {layer} · weight from input {input} to unit {unit}',
  'eq.hint': 'Click a cell in the inspector to choose the sample, the unit and the weight.',
  'eq.elided': 'Sums of more than {max} terms show only their first and last terms.',
  'eq.identity': 'f is the identity here, so A = Z.',
  'eq.loss.mse': 'Mean squared error: each sample’s loss is ½ Σ (y − ŷ)², and J is the mean over the batch.',
  'eq.loss.bce': 'Binary cross-entropy (sigmoid output), summed over the outputs; J is the mean over the batch.',
  'eq.loss.cce': 'Categorical cross-entropy (softmax output); J is the mean over the batch.',
  'eq.loss.oneSample': 'Only the term of sample {sample} is written out.',
  'eq.delta.mean': 'δ includes the factor 1/m, so ∂J/∂W and ∂J/∂b are already means over the batch.',
  'eq.update.all': 'The update changes every layer at once: choose a layer or a weight to see its numbers.',
  'eq.unavailable': 'These numbers are not in the trace.',
  'editor.title': 'Edit {name}',
  'editor.apply': 'Apply',
  'editor.cancel': 'Cancel',
  'editor.error': 'Not changed: {message}',
  'network.label': 'The network: inputs, units and the weights between them',
  'network.layer': 'Layer {layer}',
  'network.unitLabel': 'Unit {unit} of layer {layer}: press Enter to edit its bias',
  'network.more': '+{count} more',
  'network.tip.input': '{name}: an input, one column of X',
  'network.tip.layer': 'Layer {layer}: click to inspect it',
  'network.tip.value': '{name} = {value}',
  'network.tip.before': '(before the update: {value})',
  'network.tip.edit': 'double-click to edit',
  'network.tag.done': 'just done',
  'network.tag.next': 'next',
  'network.legend.negative': 'negative',
  'network.legend.positive': 'positive',
  'network.legend.read': 'thickness ∝ |w| · unit colour: bias b · click a layer to inspect it, double-click a weight or a unit to edit it',

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

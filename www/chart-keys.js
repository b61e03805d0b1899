// What a chart is drawn from, as a short text: equal texts mean an equal picture, so a redraw that
// changed none of it (most phases of a batch change no parameter) skips the chart. No DOM, so
// Node tests can check it.

// A fingerprint of the network's current parameters (W and b after the update when it has run):
// a position-weighted sum, which any edit or update changes.
export function parameterSum(trace) {
  let sum = 0;
  let position = 1;
  const add = (v) => {
    sum += (typeof v === 'number' ? v : Number(v)) * position;
    position += 1;
  };
  for (const layer of trace.layers) {
    for (const row of layer.w_new ?? layer.w) row.forEach(add);
    (layer.b_new ?? layer.b).forEach(add);
  }
  return sum;
}

// What the boundary and the neuron maps show: the data (`dataVersion` counts its changes), the
// network's shape, activations and loss, and its parameters.
export function modelKey(trace, dataVersion) {
  const shape = trace.layers.map((l) => `${l.inputs}>${l.units}${l.activation}`).join(',');
  return `${dataVersion}|${trace.loss_name}|${shape}|${sumOf(trace)}`;
}

// A redraw's trace is fingerprinted by the charts and by the neuron maps, at every frame while
// playing: its parameters are summed once. A trace is the core's at one moment, never changed after.
const sums = new WeakMap();

function sumOf(trace) {
  let sum = sums.get(trace);
  if (sum === undefined) {
    sum = parameterSum(trace);
    sums.set(trace, sum);
  }
  return sum;
}

// What the loss and accuracy charts show: the history, which grows when a batch logs its J (at
// its loss phase) and when an epoch ends (at its last update), on the data (`dataVersion`, which
// opening a session also changes) and under the loss's name. Not the parameters: an update that
// ends no epoch adds nothing to either chart, and drawing them again cost the update's click and
// the next batch's first one a chart each (J logged counts the batches before this one, plus this
// one once its loss is computed, so it stays the same from an update to the next forward pass).
export function historyKey(trace, dataVersion) {
  const done = trace.loss !== null && trace.loss !== undefined;
  const logged = trace.epoch * trace.batches + trace.batch + (done ? 1 : 0);
  return `${dataVersion}|${trace.loss_name}|${trace.batches}|${trace.epochs_done}|${logged}|${trace.status}`;
}

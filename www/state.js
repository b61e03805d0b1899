// The page's shared selection: which layer the inspector shows and which cell the equations use.
// Views read it while drawing; clicks change it through select(), which redraws the page.
// All 0-based: layer; row, a sample of the batch; col, a unit of the layer; input, an input of
// the layer (the row of W, so that a weight is (input, col)).

export const selection = { layer: 0, row: 0, col: 0, input: 0 };

const listeners = new Set();

// Change part of the selection, then tell every listener (main.js redraws the page).
export function select(patch) {
  Object.assign(selection, patch);
  for (const listener of listeners) listener(selection);
}

// Call `listener(selection)` after every change.
export function onSelect(listener) {
  listeners.add(listener);
}

// The page's shared selection: which layer the inspector shows and which cell the equations use.
// Views read it while drawing; clicks change it through select(), which redraws the page.

export const selection = { layer: 0, row: 0, col: 0 };

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

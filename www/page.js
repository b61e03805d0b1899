// The page's entry, bundled into www/bundle.js (scripts/bundle.mjs): it boots the page and exports
// the modules whose state tests, benches and a teacher's console read, under one name each, so that
// `(await import('/www/bundle.js')).state.store` is the page's own store (a module imported by its
// own path would be a second copy, with a store of its own).
import './main.js';

export { turns } from './main.js';
export * as autosave from './autosave.js';
export * as background from './background.js';
export * as bitmapCanvas from './views/bitmap-canvas.js';
export * as chartCanvas from './views/chart-canvas.js';
export * as colors from './colors.js';
export * as dataOptions from './data-options.js';
export * as dataset from './dataset.js';
export * as format from './format.js';
export * as i18n from './i18n.js';
export * as scatter from './views/scatter.js';
export * as scheduler from './scheduler.js';
export * as settings from './settings.js';
export * as share from './share.js';
export * as snapshot from './snapshot.js';
export * as state from './state.js';
export * as trace from './trace.js';

// Where the page's own files come from: the wasm package and the shipped data files. Served
// from a web host they are fetched beside the page; the one-file offline build (scripts/dist.mjs)
// replaces this module by one that holds them inside the file.

// The wasm package's module: its default export initialises it, its Playground is the core.
export async function loadCore() {
  // A dynamic import, so a missing or broken package shows an error instead of a blank page.
  const pkg = await import('./pkg/backprop_playground.js');
  await pkg.default();
  return pkg;
}

// The worker that trains while the page plays fast (www/train-worker.js), beside the page.
// It loads the core from beside itself.
export function trainingWorker() {
  const worker = new Worker(new URL('./train-worker.js', import.meta.url), { type: 'module' });
  worker.postMessage({ type: 'core', wasm: null });
  return worker;
}

// The text of a shipped file, `path` relative to the page (e.g. "www/data/iris.csv").
export async function fileText(path) {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

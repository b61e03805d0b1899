// www/assets.js of the one-file build (scripts/dist.mjs bundles this module in its place): the wasm
// package and the shipped data files come from inside the file, since a page opened from the disk
// (file://) may not fetch its neighbours, and a classroom may have no network.
import * as pkg from '../www/pkg/backprop_playground.js';
// esbuild's binary loader writes the module's bytes into the bundle as base64 and decodes them.
import wasm from '../www/pkg/backprop_playground_bg.wasm';
// The texts of www/data/*.csv and www/lessons/*.json by path relative to the page (a Map made by
// scripts/dist.mjs).
import files from 'embedded:files';
// The training worker's text (scripts/dist.mjs).
import workerCode from 'embedded:worker';

// The wasm package's module, initialised from the embedded bytes: its Playground is the core.
export async function loadCore() {
  await pkg.default({ module_or_path: wasm });
  return pkg;
}

// The worker that trains while the page plays fast (www/train-worker.js), from a Blob of its
// text: a page opened from the disk may not start one from another file. It gets the core's
// bytes from here.
export function trainingWorker() {
  const url = URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' }));
  const worker = new Worker(url);
  worker.postMessage({ type: 'core', wasm });
  return worker;
}

// The text of a shipped file, `path` relative to the page (e.g. "www/data/iris.csv").
export async function fileText(path) {
  if (!files.has(path)) throw new Error(`${path}: not in this file (it holds ${[...files.keys()].join(', ')})`);
  return files.get(path);
}

// The Handout panel: this step as a handout (handout.js) for the selected sample or the whole
// batch, shown as it prints, with a Markdown download and a Print button (the print style sheet
// prints the handout alone, black on white); and the loss history as a CSV download.
import { t } from '../i18n.js';
import { store } from '../state.js';
import { config } from '../config.js';
import { isTerminal } from '../stepping.js';
import { handoutBlocks, handoutMarkdown } from '../handout.js';
import { historyCsv } from '../history-csv.js';
import { sessionFileName } from '../data-options.js';
import { pause } from '../player.js';
import { setText } from '../dom.js';
import { formatNumber } from '../format.js';

const openButton = document.getElementById('handout-button');
const dialog = document.getElementById('handout-dialog');
const view = document.getElementById('handout-view');
const rowsChoice = document.getElementById('handout-rows');
const markdownButton = document.getElementById('handout-markdown');
const printButton = document.getElementById('handout-print');
const csvButton = document.getElementById('handout-csv');

// Wire the header's Handout button to the panel.
export function wireHandout() {
  openButton.addEventListener('click', openHandout);
  rowsChoice.addEventListener('change', showHandout);
  markdownButton.addEventListener('click', () => download(handoutMarkdown(currentBlocks()), 'md', 'text/markdown'));
  printButton.addEventListener('click', () => window.print());
  csvButton.addEventListener('click', () => download(historyCsv(JSON.parse(store.playground.history())), 'csv', 'text/csv'));
}

// Show the panel with the handout of the step on show.
export function openHandout() {
  pause();
  showHandout();
  if (!dialog.open) dialog.showModal();
}

// The handout again in another language.
export function relabelHandout() {
  if (dialog.open) showHandout();
}

// The batch the handout is about: the current batch, complete. The core's trace of a batch not
// yet updated (or of no batch yet) is completed on a copy of the session, never on the page's.
function completeTrace() {
  const { playground, Playground } = store;
  const trace = JSON.parse(playground.trace());
  if (trace.last_phase === 'Update' || isTerminal(trace.phase)) return trace;
  const copy = Playground.fromSession(playground.toSessionWithUndo(0));
  try {
    copy.step('batch');
    return JSON.parse(copy.trace());
  } finally {
    copy.free();
  }
}

// The handout's blocks for the chosen rows.
function currentBlocks() {
  const rows = rowsChoice.value === 'batch' ? 'batch' : store.selection.row;
  // The preset's name in the page's language; else the session's own (a file's name, say).
  const name = store.preset ? t(`preset.${store.preset}`) : JSON.parse(store.playground.meta()).name ?? '';
  return handoutBlocks(completeTrace(), config.session, { rows, name });
}

// Lay the handout out in the panel, as it prints: headings, paragraphs, equations with each
// matrix a small table. Text only (textContent): a session's name is never markup.
function showHandout() {
  for (const option of rowsChoice.options) option.textContent = t(`handout.choice.${option.value}`);
  const blocks = currentBlocks();
  view.replaceChildren(...blocks.map((block) => {
    if (block.heading !== undefined) return element(`h${block.level + 1}`, block.heading);
    if (block.text !== undefined) return element('p', block.text);
    const line = element('div', '');
    line.className = 'handout-equation';
    for (const token of block.equation) line.append(token.matrix ? matrixTable(token.matrix) : element('span', token.text));
    return line;
  }));
}

// A matrix as a table of its numbers.
function matrixTable(matrix) {
  const table = document.createElement('table');
  table.className = 'handout-matrix';
  for (const row of matrix) {
    const tr = table.insertRow();
    for (const x of row) setText(tr.insertCell(), formatNumber(x));
  }
  return table;
}

// A new element of `tag` with `text`.
function element(tag, text) {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

// Download `text` as "<the session's name>-step.<ext>" (or "-history.csv").
function download(text, ext, type) {
  const base = sessionFileName(JSON.parse(store.playground.meta()).name).replace(/\.json$/, '');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  link.download = `${base}-${ext === 'csv' ? 'history' : 'step'}.${ext}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

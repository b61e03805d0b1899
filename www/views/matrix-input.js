// Pointer and keyboard on a grid: hover shows a cell's exact value, a click picks it, a
// double-click or Enter edits it, the arrow keys move the chosen cell.
import { t } from '../i18n.js';
import { formatExact } from '../format.js';
import { showTooltip, hideTooltip } from './tooltip.js';
import { soon } from '../scheduler.js';

// The [row, col] of the matrix under a pointer event on `canvas`, or null off the cells.
// The canvas holds rows [from, to) (a window, for a grid that prints numbers).
function cellAt(canvas, event) {
  const { spec, from, to } = canvas.drawn;
  const c = Math.floor(event.offsetX / spec.cell.width);
  const r = from + Math.floor(event.offsetY / spec.cell.height);
  return r >= from && r < to && c >= 0 && c < spec.cols ? [r, c] : null;
}

// The tooltip's text for cell (r, c): its name, row and column, and its exact value.
function cellText(spec, r, c) {
  const where = `${spec.name}[${r + 1},${c + 1}]`;
  return spec.values ? `${where} = ${formatExact(spec.values[r][c])}` : `${where}: ${t('matrix.notComputed')}`;
}

// Where cell (r, c) of the rows the canvas holds is on the screen: its right edge and its middle.
function cellPoint(canvas, r, c) {
  const { spec, from } = canvas.drawn;
  const box = canvas.getBoundingClientRect();
  return { clientX: box.left + (c + 1) * spec.cell.width, clientY: box.top + (r - from + 0.5) * spec.cell.height };
}

// Hover shows the exact value of the cell under the pointer; a click picks the cell.
// From the keyboard (the grid takes the focus with Tab): the arrow keys move the chosen cell,
// showing its exact value, and Enter edits it where the grid holds a parameter (W, b).
export function wireInput(canvas) {
  canvas.addEventListener('pointermove', (event) => {
    const cell = cellAt(canvas, event);
    if (!cell) return hideTooltip();
    return showTooltip(cellText(canvas.drawn.spec, ...cell), event.clientX, event.clientY);
  });
  canvas.addEventListener('pointerleave', hideTooltip);
  canvas.tabIndex = 0;
  canvas.setAttribute('aria-describedby', 'value-tooltip');
  canvas.addEventListener('keydown', (event) => moveByKey(canvas, event));
  canvas.addEventListener('blur', hideTooltip);
  canvas.addEventListener('click', (event) => {
    const cell = cellAt(canvas, event);
    if (cell && canvas.drawn.spec.onPick) canvas.drawn.spec.onPick(...cell);
    // A finger has no hover: a tap shows the cell's value too, once the pick has redrawn.
    if (cell && event.pointerType && event.pointerType !== 'mouse') showValueSoon(canvas, ...cell);
  });
  canvas.addEventListener('dblclick', (event) => {
    const cell = cellAt(canvas, event);
    if (cell && canvas.drawn.spec.onEdit) canvas.drawn.spec.onEdit(...cell, event);
  });
}

// The arrow keys' moves, as [rows, columns].
const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

// A key pressed on a focused grid: an arrow moves the chosen cell within the rows shown (and
// scrolls it into view), Enter edits it, Escape hides its value. Arrows with Shift, Ctrl or Alt
// are left to the page's shortcuts (Shift + → is the next batch).
function moveByKey(canvas, event) {
  const drawn = canvas.drawn;
  if (!drawn || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
  const { spec, first, end } = drawn;
  const [sr, sc] = spec.selected ?? [first, 0];
  const r = Math.min(end - 1, Math.max(first, sr));
  const c = Math.min(spec.cols - 1, Math.max(0, sc));
  if (event.key === 'Escape') {
    hideTooltip();
    return;
  }
  if (event.key === 'Enter' && spec.onEdit) {
    event.preventDefault();
    event.stopPropagation();
    spec.onEdit(r, c, cellPoint(canvas, r, c));
    return;
  }
  const move = MOVES[event.key];
  if (!move) return;
  // The grid's own keys: the page's → and ← (next phase, step back) wait until it loses the focus.
  event.preventDefault();
  event.stopPropagation();
  const next = [Math.min(end - 1, Math.max(first, r + move[0])), Math.min(spec.cols - 1, Math.max(0, c + move[1]))];
  if (spec.onPick && (next[0] !== sr || next[1] !== sc)) spec.onPick(...next);
  showValueSoon(canvas, ...next, true);
}

// Once a pick has redrawn the card (which hides the tooltip), show the value of cell (r, c);
// from the keyboard, first bring its outline into sight.
function showValueSoon(canvas, r, c, reveal = false) {
  soon(() => {
    const mark = canvas.parentElement.querySelector('.matrix-mark');
    if (reveal && mark && !mark.hidden) mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const point = cellPoint(canvas, r, c);
    showTooltip(cellText(canvas.drawn.spec, r, c), point.clientX, point.clientY);
  });
}

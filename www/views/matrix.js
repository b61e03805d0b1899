// One matrix of the inspector: a canvas grid of cells coloured by value on the diverging scale,
// its name and shape, a legend of the scale, and the exact value of a cell on hover.
// The card also carries what it shows as data attributes (data-values, data-text) for tests.
// A grid that prints no numbers is a canvas of one pixel per cell, which the browser scales up
// without smoothing: a 64 × 16 batch matrix is then 1,024 pixels to paint and hand to the
// compositor at each step, not a 400 × 1,600 canvas (2.5 MB copied per card per step). The grid
// lines are the grid's background, seen through a mask on the canvas (views.css), and the selected
// cell's outline is a small element over it, so choosing another cell paints no canvas at all; the
// outlines of cells an update changed (W after it) are a second canvas of one pixel per changed
// cell, shown through a mask of one outline per cell, and taken out when nothing changed.
import { t } from '../i18n.js';
import { formatCompact } from '../format.js';
import { legendGradient } from '../colors.js';
import { setAttr, setHidden, setStyle, setText } from '../dom.js';
import { cellMetrics, longestText, shownRows, isCellsOnly, sameDrawing, gridSize, placeMark, drawMatrix, drawChanges } from './matrix-paint.js';
import { observe, paintSoon, followScroll, windowRows, WINDOW_MARGIN } from './matrix-window.js';
import { wireInput } from './matrix-input.js';
import { matrixTable } from './matrix-table.js';

export { cellMetrics, longestText };

// The legend's colours, set once for every legend bar of the page.
document.documentElement.style.setProperty('--diverging', legendGradient());

// An element of `tag` with a class name.
function element(tag, className) {
  const el = document.createElement(tag);
  el.className = className;
  return el;
}

// The card of one matrix, built once and kept: `update(spec)` redraws it for a new step, so a
// step changes a few texts and the canvas pixels instead of building the panel again.
// A grid that prints numbers is painted at full size, so only such a card on show (or nearly, in
// its scroll box `root`) paints its canvas; one scrolled away keeps its last pixels, unseen, and
// paints when it comes back, or when the page scrolls it into view (show()): a batch's grids,
// most of them out of sight, would cost every step far more than those in view. It paints only
// the rows its scroll box can show, and a few more: its canvas is a window over the grid (64 rows
// of numbers are 2,300 pixels tall, the box shows about 11), moved to the rows in sight as the box
// scrolls; the grid's lines show around it. A grid of one pixel per cell is always painted whole:
// a frame never shows it stale, and it costs nothing.
// spec: { key, layer, name, rows, cols, values (null = not computed), rowStart, maxRows, scale,
// compare (outline cells that differ), selected [r, c], cell, onPick(r, c), onEdit(r, c, event) }.
// coveredTop(): the height of a bar stuck to the top of `root`; rows under it are not in sight.
export function matrixCard(key, root = null, coveredTop = () => 0) {
  const figure = element('figure', 'matrix');
  figure.dataset.matrix = key;
  const caption = document.createElement('figcaption');
  const name = element('span', 'matrix-name');
  const shape = element('span', 'matrix-shape');
  caption.append(name, shape);
  // The canvas of cells, and over it the changed cells' outlines and the selected cell's outline.
  const grid = element('div', 'matrix-grid');
  const canvas = element('canvas', 'matrix-canvas');
  canvas.setAttribute('role', 'img');
  wireInput(canvas);
  const changes = element('canvas', 'matrix-changes');
  changes.setAttribute('aria-hidden', 'true');
  changes.hidden = true;
  const mark = element('div', 'matrix-mark');
  grid.append(canvas, changes, mark);
  const legend = element('div', 'matrix-legend');
  const low = document.createElement('span');
  const high = document.createElement('span');
  legend.append(low, element('span', 'legend-bar'), high);
  legend.title = t('matrix.legend');
  const empty = element('p', 'matrix-empty');
  empty.textContent = t('matrix.notComputed');
  const note = element('p', 'matrix-note');
  // The numbers as a table, for screen readers (matrix-table.js).
  const table = matrixTable();
  figure.append(caption, grid, legend, empty, note, table.element);
  // On show until the observer says otherwise; `painted` is the drawing the pixels show, or null.
  let shown = true;
  let painted = null;
  // The first row of the window of a grid that prints numbers.
  let windowStart = 0;
  // Paint the latest drawing if the pixels show another.
  const paintNow = () => {
    const next = canvas.drawn;
    if (!next || (painted && sameDrawing(painted, next))) return;
    drawMatrix(canvas, next.spec, next.from, next.to);
    drawChanges(changes, next.spec, next.first, next.end);
    painted = next;
  };
  const paint = () => paintSoon(paintNow, { element: grid, root, canWait: Boolean(canvas.drawn) && !isCellsOnly(canvas.drawn.spec) });
  // The rows [from, to) the canvas holds of rows [first, end) shown.
  const windowOf = (spec, first, end) => {
    if (!root || isCellsOnly(spec)) return [first, end];
    const rows = windowRows(root, spec.cell.height);
    const from = Math.max(first, Math.min(windowStart, end - rows));
    return [from, Math.min(end, from + rows)];
  };
  // The observer's news: a card coming into sight paints the step it missed.
  canvas.onShow = (isShown) => {
    shown = isShown;
    if (shown) paint();
    if (shown && canvas.drawn) table.later(canvas.drawn.spec, canvas.drawn.first, canvas.drawn.end, true);
  };
  observe(canvas, root);
  // The page is about to scroll the card's first rows into view: paint them for that frame, not
  // the next.
  const show = () => {
    windowStart = 0;
    shown = true;
    if (canvas.drawn) update(canvas.drawn.spec);
  };
  // The scroll box moved: if rows in sight are outside the window, move it there and paint.
  const follow = (box) => {
    const drawn = canvas.drawn;
    if (!drawn || !shown || isCellsOnly(drawn.spec)) return;
    const { spec, first, end } = drawn;
    const height = spec.cell.height;
    const top = grid.getBoundingClientRect().top - box.top;
    const seenFrom = first + Math.max(0, Math.floor(-top / height));
    const seenTo = first + Math.min(end - first, Math.ceil((box.height - top) / height));
    if (seenTo <= seenFrom || (seenFrom >= drawn.from && seenTo <= drawn.to)) return;
    windowStart = Math.max(first, seenFrom - WINDOW_MARGIN);
    update(spec);
  };
  if (root) followScroll(root, follow, coveredTop);

  // Show `spec` in the card.
  function update(spec) {
    setAttr(figure, 'data-layer', String(spec.layer));
    setAttr(figure, 'data-state', spec.values ? 'values' : 'empty');
    setAttr(figure, 'data-shape', `${spec.rows}x${spec.cols}`);
    setText(name, spec.name);
    setText(shape, t('matrix.shape', { rows: spec.rows, cols: spec.cols }));
    const [first, end] = shownRows(spec);
    setAttr(canvas, 'aria-label', `${spec.name} ${shape.textContent}`);
    const before = canvas.drawn;
    const [from, to] = windowOf(spec, first, end);
    // Always the new spec: its callbacks reach the current trace.
    canvas.drawn = { spec, first, end, from, to, dpr: window.devicePixelRatio || 1 };
    // Its size on the page, painted or not, so that the cards around it never move when it paints;
    // the grid is a pixel wider and taller than the cells, for the last grid lines. The canvas
    // covers the window's rows; one that prints numbers gets its size where it is painted
    // (drawMatrix).
    const { width, height } = gridSize(spec, first, end);
    if (isCellsOnly(spec)) {
      setStyle(canvas, 'width', `${width}px`);
      setStyle(canvas, 'height', `${height}px`);
    }
    setStyle(canvas, 'transform', from > first ? `translateY(${(from - first) * spec.cell.height}px)` : '');
    setStyle(grid, 'width', `${width + 1}px`);
    setStyle(grid, 'height', `${height + 1}px`);
    setStyle(changes, 'width', `${width}px`);
    setStyle(changes, 'height', `${height}px`);
    // The lines' and the masks' period (views.css).
    setStyle(grid, '--cell-width', `${spec.cell.width}px`);
    setStyle(grid, '--cell-height', `${spec.cell.height}px`);
    placeMark(mark, spec, first, end);
    // Out of sight, the pixels are left as they are, unseen: they are painted again when the card
    // comes into view. Emptying the canvas instead made the browser lay the page out again, twice:
    // when its size went to nothing and when it came back.
    if (shown || isCellsOnly(spec)) paint();
    else painted = null;
    // Most steps leave most cards as they were (empty grids, parameters before the update).
    if (before && sameDrawing(before, canvas.drawn)) return;
    table.later(spec, first, end, shown);

    setHidden(legend, !spec.values);
    setHidden(empty, Boolean(spec.values));
    if (spec.values) {
      const slice = spec.values.slice(first, end);
      figure.dataset.rowStart = String(first);
      figure.dataset.values = JSON.stringify(slice);
      // The printed numbers, for tests and assistive tools; small cells print none.
      if (spec.cell.text) figure.dataset.text = JSON.stringify(slice.map((row) => row.map(formatCompact)));
      else delete figure.dataset.text;
      setText(low, spec.scale > 0 ? formatCompact(-spec.scale) : '0');
      setText(high, spec.scale > 0 ? formatCompact(spec.scale) : '0');
    } else {
      delete figure.dataset.values;
      delete figure.dataset.text;
      delete figure.dataset.rowStart;
    }
    setHidden(note, end - first >= spec.rows);
    if (!note.hidden) setText(note, t('matrix.rowsShown', { from: first + 1, to: end, rows: spec.rows }));
  }
  return { figure, update, show };
}

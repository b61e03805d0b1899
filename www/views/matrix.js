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
import { formatCompact, formatExact } from '../format.js';
import { fillRgb, inkColor, legendGradient } from '../colors.js';
import { showTooltip, hideTooltip } from './tooltip.js';
import { setAttr, setHidden, setStyle, setText } from '../dom.js';

const CHANGED_COLOR = '#f2a900';
const CHANGED = [0xf2, 0xa9, 0x00];
// The canvas that holds a matrix at one pixel per cell before it is scaled up.
const scratch = document.createElement('canvas');
// The font each grid's context was last given (drawMatrix).
const fonts = new WeakMap();
// The cards' paints asked for since the page last changed, run together once the redraw is done.
const pending = new Set();
// How far outside its scroll box a card counts as on show (a share of the box): a card is drawn
// before it scrolls into view, so the reader never sees it late.
const SHOW_MARGIN = '50%';
// One observer per scroll box, telling each card's canvas whether it is on show (see matrixCard).
const observers = new Map();
// Per scroll box: the cards to tell when it scrolls (their follow functions) and its height.
const scrollBoxes = new Map();
// The rows a grid that prints numbers paints at least, and beyond those seen on each side.
const WINDOW_ROWS = 16;
const WINDOW_MARGIN = 4;
// The legend's colours, set once for every legend bar of the page.
document.documentElement.style.setProperty('--diverging', legendGradient());

// Cell metrics for a font size: cells wide enough for the longest number (`chars` characters,
// 7 at most: "−1.2e−3"), or small square cells without numbers.
export function cellMetrics(fontPx, withText, chars = 4) {
  return withText
    ? { width: Math.ceil(fontPx * (0.62 * Math.max(3, chars) + 0.9)), height: Math.ceil(fontPx * 1.85), font: fontPx, text: true }
    : { width: Math.ceil(fontPx * 1.3), height: Math.ceil(fontPx * 1.3), font: fontPx, text: false };
}

// The length of the longest cell text of a matrix, to size its cells.
export function longestText(values) {
  let longest = 0;
  for (const row of values ?? []) for (const v of row) longest = Math.max(longest, formatCompact(v).length);
  return longest;
}

// The rows of `spec` that are drawn: [first, end) within the matrix.
function shownRows(spec) {
  const first = Math.min(spec.rowStart ?? 0, Math.max(0, spec.rows - 1));
  return [first, Math.min(spec.rows, first + (spec.maxRows ?? spec.rows))];
}

// An element of `tag` with a class name.
function element(tag, className) {
  const el = document.createElement(tag);
  el.className = className;
  return el;
}

// Whether the canvases under `root` (a scroll box; null for the window) are near enough to be seen:
// each canvas's onShow(boolean) hears of every change.
function observe(canvas, root) {
  if (!observers.has(root)) {
    observers.set(root, new IntersectionObserver((entries) => {
      for (const entry of entries) entry.target.onShow?.(entry.isIntersecting);
    }, { root, rootMargin: SHOW_MARGIN }));
  }
  observers.get(root).observe(canvas);
}

// Run `paintNow` once the code changing the page is done (a microtask): every card a redraw
// updates paints then, one after another. A canvas on the page resolves the font of its numbers
// against the page's styles, which makes the browser bring them up to date first: painted in the
// middle of a redraw, each grid cost a style pass; painted after it, only the first one does, and
// that pass is the frame's own, done early.
function paintSoon(paintNow) {
  if (pending.size === 0) queueMicrotask(paintPending);
  pending.add(paintNow);
}

// Run the paints asked for.
function paintPending() {
  const paints = [...pending];
  pending.clear();
  for (const paintNow of paints) paintNow();
}

// Call `follow(box)` for the card when its scroll box `root` scrolls (box: the place and height on
// the screen of the part of the root that shows its content, below the height `coveredTop()` that
// a bar stuck to its top covers), and keep the box's height for the cards' windows.
function followScroll(root, follow, coveredTop) {
  if (!scrollBoxes.has(root)) {
    const entry = { follows: new Set(), height: 0 };
    root.addEventListener('scroll', () => {
      const { top } = root.getBoundingClientRect();
      const covered = coveredTop();
      const box = { top: top + root.clientTop + covered, height: root.clientHeight - covered };
      for (const f of entry.follows) f(box);
    }, { passive: true });
    new ResizeObserver(([resized]) => { entry.height = resized.contentRect.height; }).observe(root);
    scrollBoxes.set(root, entry);
  }
  scrollBoxes.get(root).follows.add(follow);
}

// How many rows a grid with cells `height` px tall paints in scroll box `root`: the box's height
// of rows and a margin, and never fewer than WINDOW_ROWS.
function windowRows(root, height) {
  const boxHeight = scrollBoxes.get(root)?.height ?? 0;
  return Math.max(WINDOW_ROWS, Math.ceil(boxHeight / height) + 2 * WINDOW_MARGIN);
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
  figure.append(caption, grid, legend, empty, note);
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
  const paint = () => paintSoon(paintNow);
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

// Whether a card's canvas holds one pixel per cell (see drawMatrix).
function isCellsOnly(spec) {
  return !spec.values || !spec.cell.text;
}

// Whether rows [first, end) of two matrices (or two nulls) hold the same numbers.
function sameRows(a, b, first, end) {
  if (!a || !b) return !a && !b;
  for (let r = first; r < end; r += 1) {
    const x = a[r];
    const y = b[r];
    if (x === y) continue;
    if (!x || !y || x.length !== y.length) return false;
    for (let c = 0; c < x.length; c += 1) if (x[c] !== y[c]) return false;
  }
  return true;
}

// Whether two drawings of a card ({ spec, first, end, from, to }) would paint the same pixels and
// texts (the selected cell is not among them: its outline is an element).
function sameDrawing(a, b) {
  const [p, q] = [a.spec, b.spec];
  // Two empty grids paint nothing, whatever they would compare with (W before the update, say).
  if (!p.values && !q.values) return true;
  return a.first === b.first && a.end === b.end && a.from === b.from && a.to === b.to
    && p.rows === q.rows && p.cols === q.cols
    && p.scale === q.scale && p.cell.width === q.cell.width && p.cell.height === q.cell.height
    && p.cell.font === q.cell.font && p.cell.text === q.cell.text
    && a.dpr === b.dpr
    && sameRows(p.values, q.values, a.first, a.end) && sameRows(p.compare, q.compare, a.first, a.end);
}

// The size in CSS pixels of the cells of rows [first, end) of the matrix.
function gridSize(spec, first, end) {
  return { width: Math.max(1, spec.cols) * spec.cell.width, height: Math.max(1, end - first) * spec.cell.height };
}

// Outline the selected cell, or hide the outline when it is not among rows [first, end).
function placeMark(mark, spec, first, end) {
  const [sr, sc] = spec.selected ?? [-1, -1];
  setHidden(mark, !(sr >= first && sr < end && sc >= 0 && sc < spec.cols));
  if (mark.hidden) return;
  const { width: cw, height: ch } = spec.cell;
  // Over the cell's grid lines on every side, as the lines are a pixel wide.
  setStyle(mark, 'transform', `translate(${sc * cw}px, ${(sr - first) * ch}px)`);
  setStyle(mark, 'width', `${cw + 1}px`);
  setStyle(mark, 'height', `${ch + 1}px`);
}

// The cells of rows [first, end) as one pixel each, in the colours of the diverging scale.
function cellPixels(spec, first, end, cols, rows) {
  const pixels = new ImageData(cols, rows);
  for (let r = first; r < end; r += 1) {
    const row = spec.values[r];
    for (let c = 0; c < spec.cols; c += 1) {
      const [red, green, blue] = fillRgb(row[c], spec.scale);
      const at = ((r - first) * cols + c) * 4;
      pixels.data[at] = red;
      pixels.data[at + 1] = green;
      pixels.data[at + 2] = blue;
      pixels.data[at + 3] = 255;
    }
  }
  return pixels;
}

// Paint rows [first, end) of the matrix: the cells, then the numbers and the outlines of changed
// cells when it prints numbers. Cells alone are one pixel each (the page scales them up); an
// empty grid paints no pixel (its background shows).
function drawMatrix(canvas, spec, first, end) {
  const { width: cw, height: ch, font, text } = spec.cell;
  const rows = Math.max(1, end - first);
  const cols = Math.max(1, spec.cols);
  const values = spec.values;
  const cellsOnly = isCellsOnly(spec);
  canvas.classList.toggle('is-cells', cellsOnly);
  // Sized in device pixels when it prints, so numbers stay sharp on high-density screens. A new
  // size allocates new pixels, which costs more than the drawing, and the inspector shows another
  // layer's matrices in the same cards at almost every step: a canvas that prints numbers only
  // grows, is cleared whole, and shows its top left corner (the grid clips the rest, views.css).
  const dpr = window.devicePixelRatio || 1;
  const { width, height } = gridSize(spec, first, end);
  // A grid not computed yet keeps its canvas, cleared: its pixels come back at the next phase.
  if (!values) {
    canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    return;
  }
  const [pixelWidth, pixelHeight] = cellsOnly ? [cols, rows] : [Math.round(width * dpr), Math.round(height * dpr)];
  const [canvasWidth, canvasHeight] = cellsOnly ? [pixelWidth, pixelHeight]
    : [Math.max(canvas.width, pixelWidth), Math.max(canvas.height, pixelHeight)];
  if (canvas.width !== canvasWidth || canvas.height !== canvasHeight) {
    canvas.width = canvasWidth;
    canvas.height = canvasHeight;
    // A new size resets the context, its font too.
    fonts.delete(canvas);
  }
  if (!cellsOnly) {
    setStyle(canvas, 'width', `${canvasWidth / dpr}px`);
    setStyle(canvas, 'height', `${canvasHeight / dpr}px`);
  }
  const ctx = canvas.getContext('2d');
  if (cellsOnly) {
    ctx.putImageData(cellPixels(spec, first, end, cols, rows), 0, 0);
    return;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  // One pixel per cell, then scaled up without smoothing: a 64 × 16 matrix costs two calls.
  if (scratch.width < cols || scratch.height < rows) {
    scratch.width = Math.max(scratch.width, cols);
    scratch.height = Math.max(scratch.height, rows);
  }
  scratch.getContext('2d').putImageData(cellPixels(spec, first, end, cols, rows), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, cols, rows, 0, 0, cols * cw, rows * ch);
  if (text) {
    // Set only when it changes: a canvas on the page resolves each font it is given against the
    // page's styles (see paintSoon).
    const wanted = `600 ${font}px system-ui, "DejaVu Sans", sans-serif`;
    if (fonts.get(canvas) !== wanted) {
      ctx.font = wanted;
      fonts.set(canvas, wanted);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    // The ink is set only when it changes (two colours): the canvas parses each colour it is given.
    let ink = '';
    for (let r = first; r < end; r += 1) {
      const y = (r - first) * ch + ch / 2 + 1;
      for (let c = 0; c < spec.cols; c += 1) {
        const color = inkColor(values[r][c], spec.scale);
        if (color !== ink) {
          ctx.fillStyle = color;
          ink = color;
        }
        ctx.fillText(formatCompact(values[r][c]), c * cw + cw / 2, y);
      }
    }
  }
  if (spec.compare) {
    ctx.strokeStyle = CHANGED_COLOR;
    ctx.lineWidth = 3;
    for (let r = first; r < end; r += 1) {
      for (let c = 0; c < spec.cols; c += 1) {
        if (values[r][c] !== spec.compare[r]?.[c]) ctx.strokeRect(c * cw + 2.5, (r - first) * ch + 2.5, cw - 4, ch - 4);
      }
    }
  }
}

// Mark the cells of rows [first, end) that differ from spec.compare, one pixel each, on the
// `changes` canvas over a grid without numbers (views.css shows each mark as a cell's outline);
// nothing where the grid prints its numbers, which draws its outlines itself.
function drawChanges(changes, spec, first, end) {
  const marked = Boolean(spec.values && spec.compare && !spec.cell.text);
  const [cols, rows] = marked ? [Math.max(1, spec.cols), Math.max(1, end - first)] : [0, 0];
  setHidden(changes, !marked);
  if (changes.width !== cols || changes.height !== rows) {
    changes.width = cols;
    changes.height = rows;
  }
  if (!marked) return;
  const pixels = new ImageData(cols, rows);
  for (let r = first; r < end; r += 1) {
    for (let c = 0; c < spec.cols; c += 1) {
      if (spec.values[r][c] === spec.compare[r]?.[c]) continue;
      const at = ((r - first) * cols + c) * 4;
      pixels.data.set([...CHANGED, 255], at);
    }
  }
  changes.getContext('2d').putImageData(pixels, 0, 0);
}

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
function wireInput(canvas) {
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
  // The pick redrew the card, its outline on the new cell: bring that into sight.
  const mark = canvas.parentElement.querySelector('.matrix-mark');
  if (mark && !mark.hidden) mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const point = cellPoint(canvas, ...next);
  showTooltip(cellText(canvas.drawn.spec, ...next), point.clientX, point.clientY);
}

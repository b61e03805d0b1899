// Painting a matrix grid: the cells on the diverging scale, with their numbers when they fit, at
// one pixel per cell when they do not, the outlines of the cells an update changed, and the
// selected cell's outline. Pure drawing: which rows and when is decided by matrix.js.
import { formatCompact } from '../format.js';
import { fillRgb, inkColor } from '../colors.js';
import { setHidden, setStyle } from '../dom.js';
import { sizeCanvas, drawingContext, show } from './bitmap-canvas.js';

const CHANGED_COLOR = '#f2a900';
const CHANGED = [0xf2, 0xa9, 0x00];
// The canvas that holds a matrix at one pixel per cell before it is scaled up.
const scratch = document.createElement('canvas');
// The font each grid's context was last given (drawMatrix).
const fonts = new WeakMap();

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
export function shownRows(spec) {
  const first = Math.min(spec.rowStart ?? 0, Math.max(0, spec.rows - 1));
  return [first, Math.min(spec.rows, first + (spec.maxRows ?? spec.rows))];
}

// Whether a card's canvas holds one pixel per cell (see drawMatrix).
export function isCellsOnly(spec) {
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
export function sameDrawing(a, b) {
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
export function gridSize(spec, first, end) {
  return { width: Math.max(1, spec.cols) * spec.cell.width, height: Math.max(1, end - first) * spec.cell.height };
}

// Outline the selected cell, or hide the outline when it is not among rows [first, end).
export function placeMark(mark, spec, first, end) {
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
export function drawMatrix(canvas, spec, first, end) {
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
  // A grid not computed yet paints nothing: its canvas, stale pixels and all, is made transparent
  // by its card's state (views.css), and painted again with the values that fill it in. Clearing it
  // cost more than any other paint of a step (a canvas's whole surface cleared and handed over):
  // the first step of a batch empties six of the circle's grids.
  if (!values) return;
  const [pixelWidth, pixelHeight] = cellsOnly ? [cols, rows] : [Math.round(width * dpr), Math.round(height * dpr)];
  const [canvasWidth, canvasHeight] = cellsOnly ? [pixelWidth, pixelHeight]
    : [Math.max(canvas.width, pixelWidth), Math.max(canvas.height, pixelHeight)];
  // A new size resets the context, its font too.
  if (sizeCanvas(canvas, canvasWidth, canvasHeight)) fonts.delete(canvas);
  if (!cellsOnly) {
    setStyle(canvas, 'width', `${canvasWidth / dpr}px`);
    setStyle(canvas, 'height', `${canvasHeight / dpr}px`);
  }
  // Drawn off the page, then handed over whole (bitmap-canvas.js).
  const ctx = drawingContext(canvas);
  if (cellsOnly) {
    ctx.putImageData(cellPixels(spec, first, end, cols, rows), 0, 0);
    show(canvas);
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
  show(canvas);
}

// Mark the cells of rows [first, end) that differ from spec.compare, one pixel each, on the
// `changes` canvas over a grid without numbers (views.css shows each mark as a cell's outline);
// nothing where the grid prints its numbers, which draws its outlines itself.
export function drawChanges(changes, spec, first, end) {
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

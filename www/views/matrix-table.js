// A matrix grid read as a table by a screen reader: a visually hidden <table> beside the canvas,
// with a caption, the rows' and the columns' headers and every value as the tooltip gives it.
// The inspector redraws its grids within a frame at each step, so the table is written once the
// page is still (scheduler.js whenStill: not between quick clicks, whose frames it would delay),
// only for a card on show, and only when its numbers changed; its cells are kept and their texts
// changed.
import { t } from '../i18n.js';
import { formatExact } from '../format.js';
import { whenStill } from '../scheduler.js';

// The columns read out at most: a grid of 64 inputs is read with the arrow keys, not as a table.
const MAX_COLS = 16;
// What a matrix's rows and columns are, by its card: samples of the batch, inputs of the layer
// (the rows of W), or the one row of b; the columns are always the layer's units, but X's and
// the input A's, which are the layer's inputs.
const ROWS = { input: 'sample', z: 'sample', a: 'sample', y: 'sample', delta: 'sample', dw: 'input', w: 'input', w_new: 'input' };
const COLS = { input: 'input' };

// The tables waiting to be written after the next painted frame.
const pending = new Set();

// The table of a card (`element`, its hidden box), and `later(spec, first, end, shown)`: write rows [first, end) of `spec`
// after the next painted frame, if the card is on show.
export function matrixTable() {
  // A table grows to its content whatever its size: the box around it hides it.
  const box = document.createElement('div');
  box.className = 'visually-hidden matrix-table-box';
  const table = document.createElement('table');
  table.className = 'matrix-table';
  box.append(table);
  const caption = document.createElement('caption');
  const head = document.createElement('tr');
  const body = document.createElement('tbody');
  const thead = document.createElement('thead');
  thead.append(head);
  table.append(caption, thead, body);
  // What the table shows now, to skip a write that would change nothing.
  let written = null;
  let wanted = null;

  // Write the wanted rows, reusing the cells already there.
  const write = () => {
    const { spec, first, end } = wanted;
    const cols = Math.min(spec.cols, MAX_COLS);
    const key = `${spec.name}|${first}|${end}|${cols}|${spec.values ? 'v' : '-'}|${t('a11y.matrix.row', { n: 1 })}`;
    if (written && written.key === key && written.values === spec.values) return;
    const rowWord = ROWS[spec.key] ?? 'row';
    const colWord = COLS[spec.key] ?? 'unit';
    caption.textContent = captionOf(spec, first, end);
    if (!written || written.key !== key) {
      const corner = document.createElement('td');
      head.replaceChildren(corner, ...Array.from({ length: cols }, (_, c) => header('col', t(`a11y.matrix.${colWord}`, { n: c + 1 }))));
      body.replaceChildren();
    }
    const rows = spec.values ? end - first : 0;
    while (body.rows.length > rows) body.lastChild.remove();
    for (let r = 0; r < rows; r += 1) {
      let row = body.rows[r];
      if (!row) {
        row = document.createElement('tr');
        row.append(header('row', t(`a11y.matrix.${rowWord}`, { n: first + r + 1 })), ...Array.from({ length: cols }, () => document.createElement('td')));
        body.append(row);
      }
      const values = spec.values[first + r];
      for (let c = 0; c < cols; c += 1) {
        const cell = row.cells[c + 1];
        const value = formatExact(values[c]);
        if (cell.textContent !== value) cell.textContent = value;
      }
    }
    written = { key, values: spec.values };
  };

  const later = (spec, first, end, shown) => {
    wanted = { spec, first, end };
    if (!shown) {
      // A card out of sight gets its rows when it comes back; until then its caption is current
      // and it holds no stale numbers.
      if (!written || written.values !== spec.values) {
        caption.textContent = captionOf(spec, first, end);
        body.replaceChildren();
        written = null;
      }
      return;
    }
    if (pending.size === 0) whenStill(writePending);
    pending.add(write);
  };
  return { element: box, later };
}

// The table's caption: the matrix's name and size, the rows written, whether it is computed.
function captionOf(spec, first, end) {
  const cols = Math.min(spec.cols, MAX_COLS);
  let text = t('a11y.matrix.caption', { name: spec.name, rows: spec.rows, cols: spec.cols });
  if (end - first < spec.rows) text += ` · ${t('a11y.matrix.rows', { from: first + 1, to: end, rows: spec.rows })}`;
  if (!spec.values) text += ` · ${t('matrix.notComputed')}`;
  if (cols < spec.cols) text += ` · ${t('a11y.matrix.more', { shown: cols, cols: spec.cols })}`;
  return text;
}

// A header cell of a row or a column.
function header(scope, text) {
  const th = document.createElement('th');
  th.scope = scope;
  th.textContent = text;
  return th;
}

// Write the tables asked for.
function writePending() {
  const writes = [...pending];
  pending.clear();
  for (const write of writes) write();
}

// The page's grid for the panels on show (presenter.js writes it into presenter.css's custom
// properties): each row's panels share twenty columns by weight, so a hidden panel's room goes to
// its neighbours. No DOM, so Node tests can check it.

// The grid's columns: each row's panels share them by weight (a panel spans whole columns).
const COLUMNS = 20;
// Each region's share of its row's width, in presenter mode and out of it (style.css's columns).
const WEIGHTS = {
  normal: { data: 0.9, network: 1.45, loop: 1.4, charts: 0.9, inspector: 2.85 },
  presenting: { data: 0.8, network: 1.3, loop: 1.65, charts: 1.05, inspector: 2.7 },
};
// With "wide" charts (⤢), the charts take the room of two columns.
const WIDE = {
  normal: { charts: 2.35, inspector: 1.4 },
  presenting: { charts: 2.1, inspector: 1.65 },
};

// The regions of each grid row left on show, in order (the inspector's region holds the equations
// too, so it shows while either does).
function shownRegions(hide) {
  const shown = (name) => !hide.includes(name);
  const top = ['data', 'network', 'loop'].filter((name) => name === 'loop' || shown(name));
  const bottom = [shown('charts') ? 'charts' : null, shown('inspector') || shown('equations') ? 'inspector' : null].filter(Boolean);
  return bottom.length ? [top, bottom] : [top];
}

// Whole columns for `names` out of COLUMNS by their weights (largest remainders), summing to COLUMNS.
function spans(names, weights) {
  const total = names.reduce((sum, name) => sum + weights[name], 0);
  const exact = names.map((name) => (COLUMNS * weights[name]) / total);
  const whole = exact.map(Math.floor);
  const order = exact.map((x, k) => [x - whole[k], k]).sort((a, b) => b[0] - a[0]);
  const missing = COLUMNS - whole.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k += 1) whole[order[k][1]] += 1;
  return whole;
}

// The grid for the regions on show: its areas and rows, and where the loop's columns lie (the
// settings open under the loop) and the columns right of the data (the data chooser covers them).
export function gridFor(hide, presenting, wide = false) {
  const mode = presenting ? 'presenting' : 'normal';
  const weights = { ...WEIGHTS[mode], ...(wide ? WIDE[mode] : {}) };
  const rows = shownRegions(hide);
  const lines = rows.map((names) => spans(names, weights).flatMap((span, k) => Array(span).fill(names[k])).join(' '));
  const top = lines[0].split(' ');
  const loopStart = top.indexOf('loop') + 1;
  const loopEnd = top.lastIndexOf('loop') + 2;
  const dataEnd = top.lastIndexOf('data') + 2;
  return {
    areas: lines.map((line) => `"${line}"`).join(' '),
    rows: rows.length === 2 ? (presenting ? 'minmax(0, 1.3fr) minmax(0, 1fr)' : 'minmax(0, 1.1fr) minmax(0, 1fr)') : 'minmax(0, 1fr)',
    loop: `${loopStart} / ${loopEnd}`,
    settingsRow: rows.length === 2 ? '2' : '1',
    source: dataEnd > 1 ? `${dataEnd} / -1` : '1 / -1',
  };
}

// Presenter mode's options and grid (www/presenter-options.js, www/presenter-grid.js): what the
// address asks for, and how the panels on show share the page's grid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PANELS, parseHide, presenterFromAddress, checkHide } from '../../www/presenter-options.js';
import { gridFor } from '../../www/presenter-grid.js';

// The grid's rows as arrays of area names, one per column.
const rowsOf = (grid) => [...grid.areas.matchAll(/"([^"]+)"/g)].map((m) => m[1].split(' '));
// How many columns each area spans in a row.
const spansOf = (row) => Object.fromEntries([...new Set(row)].map((name) => [name, row.filter((n) => n === name).length]));

test('?present and ?hide are read as a person types them, and unknown panels are named', () => {
  assert.deepEqual(presenterFromAddress('?present=1'), { on: true, hide: null, unknown: [] });
  assert.deepEqual(presenterFromAddress('?present'), { on: true, hide: null, unknown: [] });
  assert.deepEqual(presenterFromAddress('?present=0&preset=iris'), { on: false, hide: null, unknown: [] });
  assert.deepEqual(presenterFromAddress('?preset=iris'), { on: null, hide: null, unknown: [] });
  assert.deepEqual(presenterFromAddress('?hide=Charts, data;equations'), { on: null, hide: ['data', 'charts', 'equations'], unknown: [] });
  assert.deepEqual(presenterFromAddress('?hide=data,loop,tables'), { on: null, hide: ['data'], unknown: ['loop', 'tables'] });
  assert.deepEqual(parseHide(''), { hide: [], unknown: [] });
  assert.deepEqual(parseHide(PANELS.join(',')).hide, PANELS);
});

test('a snapshot’s hidden panels must be a list of panel names', () => {
  assert.equal(checkHide(['data', 'charts']), null);
  assert.equal(checkHide([]), null);
  assert.match(checkHide('data'), /array/);
  assert.match(checkHide(['loop']), /panel names/);
});

test('the usual grid is style.css’s: data, network and loop over charts and the inspector', () => {
  const rows = rowsOf(gridFor([], false));
  assert.equal(rows.length, 2);
  for (const row of rows) assert.equal(row.length, 20);
  assert.deepEqual(spansOf(rows[0]), { data: 5, network: 8, loop: 7 });
  assert.deepEqual(spansOf(rows[1]), { charts: 5, inspector: 15 });
});

test('a hidden panel’s room goes to the others in its row, and a row with none on show goes', () => {
  const noData = gridFor(['data'], true);
  const rows = rowsOf(noData);
  assert.equal(rows[0].includes('data'), false);
  assert.equal(rows[0].length, 20);
  assert.ok(spansOf(rows[0]).loop > spansOf(rowsOf(gridFor([], true))[0]).loop, 'the loop grows');
  assert.equal(noData.source, '1 / -1', 'the data chooser covers the whole width');
  // The equations alone keep the inspector's region; with the inspector too it goes.
  assert.ok(rowsOf(gridFor(['inspector'], false))[1].includes('inspector'));
  assert.deepEqual(spansOf(rowsOf(gridFor(['inspector', 'equations'], false))[1]), { charts: 20 });
  // No charts and no inspector: one row, the full height, the settings over the loop itself.
  const oneRow = gridFor(['charts', 'inspector', 'equations'], true);
  assert.equal(rowsOf(oneRow).length, 1);
  assert.equal(oneRow.rows, 'minmax(0, 1fr)');
  assert.equal(oneRow.settingsRow, '1');
  const loop = rowsOf(oneRow)[0];
  assert.equal(oneRow.loop, `${loop.indexOf('loop') + 1} / ${loop.lastIndexOf('loop') + 2}`);
  // Only the loop: it takes the page.
  assert.deepEqual(rowsOf(gridFor(PANELS, false)), [Array(20).fill('loop')]);
});

test('wide charts take a larger share of their row than the inspector', () => {
  for (const presenting of [false, true]) {
    const row = spansOf(rowsOf(gridFor([], presenting, true))[1]);
    assert.ok(row.charts > row.inspector, JSON.stringify(row));
  }
});

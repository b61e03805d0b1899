// The inspector's toolbar: a button per layer, the "follow the phase" switch and, for batches of
// more rows than a page, the row pager. Built once; a redraw only updates what changed.
import { t } from '../i18n.js';
import { store, select, setView } from '../state.js';
import { activationName } from '../phase.js';
import { setHidden, setText } from '../dom.js';

// Networks deeper than this get short layer tabs, so the toolbar keeps to one line.
const COMPACT_FROM = 4;

// Whether the inspector moves to the layer of each phase as it is performed.
export function following() {
  return store.view.follow;
}

// A button with its text.
function button(text, className) {
  const el = document.createElement('button');
  el.type = 'button';
  if (className) el.className = className;
  el.textContent = text;
  return el;
}

// The toolbar; `page(delta)` is called by the pager's buttons with −1 or +1.
export function createToolbar(page) {
  const bar = document.createElement('div');
  bar.className = 'inspector-toolbar';
  const tabs = document.createElement('div');
  tabs.className = 'layer-tabs';
  tabs.setAttribute('role', 'group');
  tabs.setAttribute('aria-label', t('inspector.layers'));

  const label = document.createElement('label');
  label.className = 'follow-switch';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = 'inspector-follow';
  box.checked = store.view.follow;
  box.addEventListener('change', () => setView({ follow: box.checked }));
  label.append(box, document.createTextNode(t('inspector.follow')));

  const pager = document.createElement('div');
  pager.className = 'row-pager';
  const prev = button(t('inspector.rowsPrev'));
  const where = document.createElement('span');
  const next = button(t('inspector.rowsNext'));
  prev.addEventListener('click', () => page(-1));
  next.addEventListener('click', () => page(1));
  pager.append(prev, where, next);
  bar.append(tabs, label, pager);

  let tabsKey = '';
  // Show the layers of `trace` with layer k pressed, and rows [from, to) of batchRows in the pager.
  const update = (trace, k, { from, to, rows }) => {
    if (box.checked !== store.view.follow) box.checked = store.view.follow;
    // In presenter mode too, where the type is large and the matrices need the room.
    const compact = trace.layers.length > COMPACT_FROM || store.presenter.on;
    const key = `${compact}|${trace.layers.map((layer) => `${layer.units}:${layer.activation}`).join(',')}`;
    if (key !== tabsKey) {
      tabsKey = key;
      // A deep network gets one short tab per layer after a single "Layer" label.
      const label = document.createElement('span');
      label.className = 'layer-tabs-label';
      label.textContent = t('inspector.layerLabel');
      label.hidden = !compact;
      tabs.replaceChildren(label, ...trace.layers.map((layer, l) => {
        const full = t('inspector.layerTab', { layer: l + 1, units: layer.units, activation: activationName(layer.activation) });
        const tab = button(compact ? t('inspector.layerTabShort', { layer: l + 1 }) : full, 'layer-tab');
        tab.title = full;
        tab.dataset.layer = String(l);
        tab.addEventListener('click', () => select({ layer: l }));
        return tab;
      }));
    }
    for (const tab of tabs.querySelectorAll('.layer-tab')) {
      const pressed = String(Number(tab.dataset.layer) === k);
      if (tab.getAttribute('aria-pressed') !== pressed) tab.setAttribute('aria-pressed', pressed);
    }
    setHidden(pager, to - from >= rows);
    if (!pager.hidden) {
      setText(where, t('matrix.rowsShown', { from: from + 1, to, rows }));
      if (prev.disabled !== (from === 0)) prev.disabled = from === 0;
      if (next.disabled !== (to >= rows)) next.disabled = to >= rows;
    }
  };
  return { element: bar, update };
}

// The highlight of a lesson step: an outline around a part of the page (a panel, a flowchart box,
// a cell of the inspector) with a short label above it. It is drawn over the page, never hides
// it and takes no clicks; it follows the part when the page scrolls or resizes.
import { t } from '../i18n.js';
import { store } from '../state.js';
import { nextFrame } from '../scheduler.js';
import { openSettings, closeSettings, settingsOpen } from '../settings.js';
import { setHidden, setStyle, setText } from '../dom.js';

// The parts of the page a step names (lesson.js PANELS), by selector.
const PANELS = {
  data: '.panel-data',
  prep: '#prep-step',
  batch: '.data-batch',
  network: '.panel-network',
  loop: '.panel-loop',
  flowchart: '#flowchart',
  readouts: '.panel-loop .readouts',
  controls: '.panel-loop .controls',
  settings: '#settings',
  inspector: '.panel-inspector',
  equations: '.equations',
  gradcheck: '.gradcheck',
  charts: '.panel-charts',
  errata: '#errata',
};
// Room kept around the part, in px, so the outline does not cover its edge.
const PAD = 4;

const mark = document.createElement('div');
mark.className = 'lesson-mark';
mark.hidden = true;
// The panel says in words what is highlighted; the outline is for the eyes.
mark.setAttribute('aria-hidden', 'true');
const label = document.createElement('span');
label.className = 'lesson-mark-label';
mark.append(label);

// The highlight on show (a checked lesson step's highlight), or null.
let shown = null;
let queued = false;
// Whether the settings are open because a step highlighted them (they close after it).
let openedSettings = false;

// Put the mark on the page (once, at wiring), and keep it on its part as the page moves.
export function wireMark() {
  document.body.append(mark);
  window.addEventListener('resize', placeMark);
  // Scrolling any box (the inspector, the flowchart, the page) moves the part under the mark.
  document.addEventListener('scroll', placeMark, { capture: true, passive: true });
}

// The element `highlight` names, or null when the page does not show it now.
export function targetOf(highlight) {
  if (!highlight) return null;
  if (highlight.panel) return document.querySelector(PANELS[highlight.panel]);
  if (highlight.box) return document.querySelector(`#flowchart .flow-node[data-key="${CSS.escape(highlight.box)}"]`);
  const figure = document.querySelector(`#inspector-view figure[data-matrix="${CSS.escape(highlight.cell.matrix)}"]`);
  if (!figure || figure.hidden) return null;
  // The inspector's mark sits on the selected cell, which the step chose (lesson-setup.js).
  const cell = figure.querySelector('.matrix-mark');
  return cell && !cell.hidden ? cell : figure;
}

// The label of `highlight` in the page's language.
export function labelOf(highlight) {
  return highlight?.label ? highlight.label[store.lang] : t('lesson.look');
}

// Show the mark on `highlight` (null: none).
export function showMark(highlight) {
  shown = highlight;
  setText(label, highlight ? labelOf(highlight) : '');
  placeMark();
}

// Bring the part into view, opening what holds it (the preprocessing step, the settings), when a
// step is shown. The keyboard's focus stays where it was, on the lesson's buttons.
export function revealTarget(highlight) {
  if (openedSettings && highlight?.panel !== 'settings' && settingsOpen()) closeSettings();
  openedSettings = false;
  if (!highlight) return;
  if (highlight.panel === 'prep') document.getElementById('prep-step').open = true;
  if (highlight.panel === 'settings' && !settingsOpen()) {
    const focused = document.activeElement;
    openSettings();
    openedSettings = true;
    if (focused instanceof HTMLElement) focused.focus();
  }
  nextFrame(() => {
    const target = targetOf(highlight);
    // A panel's top comes into view; a cell or a box whole.
    target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    placeMark();
  });
}

// Place the mark over its part at the next frame, where the browser lays the page out anyway.
export function placeMark() {
  if (queued) return;
  queued = true;
  nextFrame(() => {
    queued = false;
    place();
  });
}

// The mark over the part's box, cut to what the boxes that scroll it show; hidden when nothing shows.
function place() {
  const target = targetOf(shown);
  const box = target ? visibleBox(target) : null;
  setHidden(mark, !box);
  if (!box) return;
  setStyle(mark, 'transform', `translate(${Math.round(box.left - PAD)}px, ${Math.round(box.top - PAD)}px)`);
  setStyle(mark, 'width', `${Math.round(box.right - box.left + 2 * PAD)}px`);
  setStyle(mark, 'height', `${Math.round(box.bottom - box.top + 2 * PAD)}px`);
  // The label under a cell's grid, where it covers only the colour scale, not the matrix's name
  // or its other cells; else above the outline, or under it at the top of the window, or inside.
  const room = label.offsetHeight + 2;
  const grid = shown.cell ? target.closest('.matrix-grid')?.getBoundingClientRect() : null;
  const below = grid ? grid.bottom + room < window.innerHeight : box.top < room && box.bottom + room < window.innerHeight;
  mark.classList.toggle('is-below', below);
  mark.classList.toggle('is-top', !below && box.top < room);
  // From the outline's inner edge (the border is 4 px) to the grid's bottom.
  setStyle(mark, '--label-top', grid && below ? `${Math.round(grid.bottom - box.top + 2)}px` : '');
}

// The part of `el`'s box on show: inside every ancestor that clips it and inside the window; null
// when none of it is.
function visibleBox(el) {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  let box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
    const style = getComputedStyle(parent);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = parent.getBoundingClientRect();
    box = {
      left: Math.max(box.left, clip.left), top: Math.max(box.top, clip.top),
      right: Math.min(box.right, clip.right), bottom: Math.min(box.bottom, clip.bottom),
    };
  }
  box = {
    left: Math.max(box.left, 0), top: Math.max(box.top, 0),
    right: Math.min(box.right, window.innerWidth), bottom: Math.min(box.bottom, window.innerHeight),
  };
  return box.right > box.left && box.bottom > box.top ? box : null;
}

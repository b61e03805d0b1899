// Presenter mode, for a class watching a projector: type large enough to read from the back of the
// room, the panels the teacher does not need hidden (presenter.css), full screen from a button.
// Apart from it, any panel can be hidden (?hide=, or the Panels menu) for slides and embedded
// pages, and the rest of the grid takes the room. Both are the store's presenter state, so they
// survive a snapshot; this module only shows that state and changes it through setPresenter.
import { t } from './i18n.js';
import { store, setPresenter } from './state.js';
import { PANELS, presenterFromAddress } from './presenter-options.js';
import { gridFor } from './presenter-grid.js';
import { fontSizeChanged } from './type-scale.js';
import { setAttr, setHidden, setStyle, setText } from './dom.js';

const root = document.documentElement;
const layout = document.querySelector('.layout');
const presentButton = document.getElementById('present-button');
const fullscreenButton = document.getElementById('fullscreen-button');
const panelsMenu = document.getElementById('panels-menu');
const panelsList = document.getElementById('panels-list');

// What the page showed last: a redraw changes the page only when the state moved.
let shownKey = '';

// The state the address asks for (?present=1, ?hide=data,charts), at boot before the first
// redraw; returns the unknown panel names it asked to hide (the page says so).
export function startPresenter() {
  const { on, hide, unknown } = presenterFromAddress(window.location.search);
  if (on !== null) store.presenter.on = on;
  if (hide !== null) store.presenter.hide = hide;
  return unknown;
}

// Turn presenter mode on or off (the P key and the button).
export function togglePresenter() {
  setPresenter({ on: !store.presenter.on });
}

// Leave presenter mode (Esc); false when it was not on.
export function leavePresenter() {
  if (!store.presenter.on) return false;
  setPresenter({ on: false });
  return true;
}

// Hide or show one panel.
function setPanelHidden(name, hidden) {
  const hide = PANELS.filter((panel) => (panel === name ? hidden : store.presenter.hide.includes(panel)));
  setPresenter({ hide });
}

// The menu's check boxes, one per panel (checked: on show), built again in another language.
function buildMenu() {
  panelsList.replaceChildren(...PANELS.map((name) => {
    const label = document.createElement('label');
    label.className = 'panels-choice';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset.panel = name;
    box.addEventListener('change', () => setPanelHidden(name, !box.checked));
    label.append(box, document.createTextNode(` ${t(`present.panel.${name}`)}`));
    return label;
  }));
}

// Show the store's presenter state: the classes that presenter.css styles, the grid, the button
// and the menu. First in the redraw, so that every view after it measures the new type and room.
export function renderPresenter({ parts }) {
  if (parts.has('lang') || !panelsList.firstChild) buildMenu();
  const { on, hide } = store.presenter;
  const { wide } = store.view;
  const key = `${on}|${hide.join(',')}|${wide}`;
  if (key !== shownKey) {
    shownKey = key;
    root.classList.toggle('is-presenting', on);
    for (const name of PANELS) layout.classList.toggle(`hide-${name}`, hide.includes(name));
    // The default grid is style.css's own; any other takes the custom properties presenter.css reads.
    const arranged = on || hide.length > 0;
    layout.classList.toggle('is-arranged', arranged);
    // The Panels menu is a presenter's tool: shown in presenter mode, or while a panel is hidden
    // (?hide=) so that it can be brought back; otherwise it would cost the header a row.
    setHidden(panelsMenu, !arranged);
    if (!arranged) panelsMenu.open = false;
    if (arranged) {
      const grid = gridFor(hide, on, wide);
      setStyle(layout, '--grid-areas', grid.areas);
      setStyle(layout, '--grid-rows', grid.rows);
      setStyle(layout, '--loop-columns', grid.loop);
      setStyle(layout, '--settings-row', grid.settingsRow);
      setStyle(layout, '--source-columns', grid.source);
    }
    // The type grew or shrank: the charts' and the grids' sizes are measured again.
    fontSizeChanged();
  }
  setAttr(presentButton, 'aria-pressed', String(on));
  setText(presentButton, t(on ? 'present.leave' : 'present.enter'));
  setAttr(presentButton, 'title', t(on ? 'present.leave.tip' : 'present.enter.tip'));
  for (const box of panelsList.querySelectorAll('input[data-panel]')) {
    const checked = !hide.includes(box.dataset.panel);
    if (box.checked !== checked) box.checked = checked;
  }
  showFullscreen();
}

// Whether the browser lets the page go full screen (not in some embedded frames, nor on iPhones).
function canFullscreen() {
  return Boolean(document.fullscreenEnabled && root.requestFullscreen);
}

// The full-screen button: a presenter's tool, shown in presenter mode (or while full screen) where
// the API exists, its words saying what a press does. Out of presenter mode it would cost the
// header a row on a laptop.
function showFullscreen() {
  setHidden(fullscreenButton, !canFullscreen() || !(store.presenter.on || document.fullscreenElement));
  const full = Boolean(document.fullscreenElement);
  setAttr(fullscreenButton, 'aria-pressed', String(full));
  setText(fullscreenButton, t(full ? 'present.fullscreen.leave' : 'present.fullscreen'));
  setAttr(fullscreenButton, 'title', t(full ? 'present.fullscreen.leave.tip' : 'present.fullscreen.tip'));
}

// Go full screen, or leave it. A refusal (no user gesture, a policy) changes nothing.
async function toggleFullscreen() {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await root.requestFullscreen();
  } catch {
    // The browser said no: the page stays as it is, and the button keeps saying what it does.
  }
  showFullscreen();
}

// Wire the buttons and the menu; main.js calls it once at boot.
export function wirePresenter() {
  presentButton.addEventListener('click', togglePresenter);
  fullscreenButton.addEventListener('click', toggleFullscreen);
  document.addEventListener('fullscreenchange', showFullscreen);
  // The menu closes when the person clicks elsewhere, or presses Esc inside it.
  document.addEventListener('click', (event) => {
    if (panelsMenu.open && !panelsMenu.contains(event.target)) panelsMenu.open = false;
  });
  panelsMenu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !panelsMenu.open) return;
    event.stopPropagation();
    panelsMenu.open = false;
    panelsMenu.querySelector('summary').focus();
  });
}

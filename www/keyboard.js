// Keyboard shortcuts and the help overlay that lists them. The shortcuts call the same actions as
// the buttons; they stay quiet while the person types in a field or reads the help.
import { t } from './i18n.js';
import { closeSettings, settingsOpen } from './settings.js';
import { lessonShowing, nextStep, previousStep } from './views/lesson.js';
import { togglePresenter, leavePresenter } from './presenter.js';

const helpDialog = document.getElementById('help');
const helpButton = document.getElementById('help-button');
const helpKeys = document.getElementById('help-keys');

// Each shortcut: the key as the help shows it, what it does, and whether an event is that key.
// Alt is never ours: Alt + ← is the browser's Back.
const plain = (event) => !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
export const SHORTCUTS = [
  { action: 'stepPhase', key: 'key.right', matches: (e) => e.key === 'ArrowRight' && plain(e) },
  { action: 'stepBatch', key: 'key.shiftRight', matches: (e) => e.key === 'ArrowRight' && e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey },
  { action: 'stepEpoch', key: 'key.ctrlRight', matches: (e) => e.key === 'ArrowRight' && (e.ctrlKey || e.metaKey) && !e.altKey },
  { action: 'back', key: 'key.left', matches: (e) => e.key === 'ArrowLeft' && plain(e) },
  { action: 'togglePlay', key: 'key.space', matches: (e) => e.key === ' ' && plain(e), once: true },
  { action: 'reset', key: 'key.r', matches: (e) => (e.key === 'r' || e.key === 'R') && !e.ctrlKey && !e.metaKey && !e.altKey, once: true },
  { action: 'present', key: 'key.p', matches: (e) => (e.key === 'p' || e.key === 'P') && !e.ctrlKey && !e.metaKey && !e.altKey, once: true },
  { action: 'help', key: 'key.help', matches: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey, once: true },
  // The lesson's steps, while its panel is open: the keys a presenter's clicker sends.
  { action: 'lessonNext', key: 'lesson.key.next', matches: (e) => e.key === 'PageDown' && plain(e) && lessonShowing(), once: true },
  { action: 'lessonBack', key: 'lesson.key.back', matches: (e) => e.key === 'PageUp' && plain(e) && lessonShowing(), once: true },
];

// Listen for the shortcuts and call `actions[name]()`; wire the help button and dialog.
export function wireKeyboard(actions) {
  const all = { ...actions, help: openHelp, present: togglePresenter, lessonNext: nextStep, lessonBack: previousStep };
  buildHelp();
  helpButton.addEventListener('click', openHelp);
  document.addEventListener('keydown', (event) => {
    if (helpDialog.open) return;
    if (event.key === 'Escape' && settingsOpen()) {
      closeSettings();
      return;
    }
    if (isTyping(event.target) || pressesControl(event)) return;
    // Esc leaves presenter mode when nothing nearer took it (the settings, an editor, a menu).
    if (event.key === 'Escape' && plain(event) && leavePresenter()) return;
    const shortcut = SHORTCUTS.find((s) => s.matches(event));
    if (!shortcut) return;
    // Arrows would also scroll the page: the shortcut wins.
    event.preventDefault();
    // Holding → keeps stepping; holding Space or R must not flicker or reset again and again.
    if (shortcut.once && event.repeat) return;
    all[shortcut.action]();
  });
}

// Open the help overlay.
export function openHelp() {
  if (!helpDialog.open) helpDialog.showModal();
}

// Whether `target` is a field that uses these keys itself (text, selects, sliders, checkboxes,
// radio buttons): a shortcut there would eat the person's typing or choosing.
function isTyping(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'submit', 'reset'].includes(target.type);
}

// Elements that Space and Enter press: buttons, links, disclosure summaries, tabs.
const PRESSABLE = 'button, input[type="button"], input[type="submit"], input[type="reset"], a[href], summary, '
  + '[role="button"], [role="tab"], [role="checkbox"], [role="switch"], [role="menuitem"]';

// Whether `event` is Space or Enter on a focused element that it presses: the key is the
// element's (the focused button is pressed), never Play. Arrows on a button are not the button's,
// so → still steps after a click on "Next phase".
function pressesControl(event) {
  if (event.key !== ' ' && event.key !== 'Enter') return false;
  return event.target instanceof Element && event.target.matches(PRESSABLE);
}

// The help table: one row per shortcut, Esc, then the keys of a grid of the inspector that has
// the focus (views/matrix.js). Built again in another language.
export function buildHelp() {
  const rows = [...SHORTCUTS.map((s) => [s.key, `help.${s.action}`]), ['key.escape', 'help.escape'],
    ['key.escape', 'help.leavePresenter'], ['key.gridArrows', 'help.gridMove'], ['key.gridEnter', 'help.gridEnter'],
    ['key.networkArrows', 'help.networkMove']];
  helpKeys.replaceChildren(...rows.map(([key, action]) => {
    const row = document.createElement('tr');
    const keyCell = document.createElement('td');
    const kbd = document.createElement('kbd');
    kbd.textContent = t(key);
    keyCell.append(kbd);
    const actionCell = document.createElement('td');
    actionCell.textContent = t(action);
    row.append(keyCell, actionCell);
    return row;
  }));
}

// The compared runs' controls under the loss chart: "Keep this run", "Same start, other batch
// size" with its number of epochs, and the list of kept runs (a swatch in the run's colour on the
// chart, its name, a button to remove it). The runs themselves are the store's (compare.js).
import { t } from '../i18n.js';
import { store, setKept } from '../state.js';
import { keepRun, sameStart, MAX_COMPARE_EPOCHS } from '../compare.js';
import { MAX_KEPT, keptCount, keptName, withoutRun } from '../kept-runs.js';
import { keptColor } from '../colors.js';
import { formatNumber } from '../format.js';
import { showError } from './messages.js';
import { setText, setStyle } from '../dom.js';

const keepButton = document.getElementById('compare-keep');
const sameButton = document.getElementById('compare-same');
const epochsField = document.getElementById('compare-epochs');
const list = document.getElementById('compare-list');
const status = document.getElementById('compare-status');
const summary = document.getElementById('compare-summary');

// The status line's words, as a function, so that another language words it again.
let said = null;

// Say `id` with `params` on the compare status line (null clears it).
function say(id, params = {}) {
  said = id ? () => t(id, params) : null;
  setText(status, said ? said() : '');
}

// What the list shows now: it is built again only when the runs or the language change.
let listed = null;

// Show the kept runs and whether another can be kept.
export function renderCompare({ parts }) {
  if (parts.has('lang')) {
    listed = null;
    setText(status, said ? said() : '');
  }
  const count = keptCount(store.kept);
  keepButton.disabled = count >= MAX_KEPT;
  setText(summary, count ? t('compare.summaryCount', { count }) : t('compare.summary'));
  if (listed === store.kept) return;
  listed = store.kept;
  list.replaceChildren(...store.kept.flatMap((run, i) => (run ? [runItem(run, i)] : [])));
  list.hidden = list.childElementCount === 0;
}

// One kept run in the list: swatch, name, remove button.
function runItem(run, i) {
  const item = document.createElement('li');
  item.className = 'compare-run';
  const swatch = document.createElement('span');
  swatch.className = 'compare-swatch';
  swatch.setAttribute('aria-hidden', 'true');
  setStyle(swatch, 'background-color', keptColor(i));
  const name = document.createElement('span');
  name.className = 'compare-name';
  name.textContent = keptName(run);
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'compare-remove small';
  remove.textContent = '×';
  remove.setAttribute('aria-label', t('compare.remove', { name: keptName(run) }));
  remove.title = remove.getAttribute('aria-label');
  remove.addEventListener('click', () => {
    setKept(withoutRun(store.kept, i));
    say(null);
  });
  item.append(swatch, name, remove);
  return item;
}

// Run `call`; a thrown error shows in the banner instead of breaking the page.
function guarded(call) {
  try {
    return call();
  } catch (error) {
    showError('error.action', error);
    return null;
  }
}

// Put the popover above its button (the charts sit at the bottom of the page), or below it when
// there is no room above.
function placeMenu() {
  const rect = summary.getBoundingClientRect();
  const body = document.getElementById('compare-body');
  setStyle(body, '--compare-left', `${Math.max(8, rect.left)}px`);
  setStyle(body, '--compare-bottom', `${Math.max(8, window.innerHeight - rect.top + 4)}px`);
}

// Wire the buttons; main.js calls it once.
export function wireCompare() {
  const body = document.getElementById('compare-body');
  body.addEventListener('beforetoggle', (event) => {
    if (event.newState === 'open') placeMenu();
    summary.setAttribute('aria-expanded', String(event.newState === 'open'));
  });
  epochsField.max = String(MAX_COMPARE_EPOCHS);
  keepButton.addEventListener('click', () => {
    const done = guarded(keepRun);
    if (!done) return;
    if (done.problem) say(done.problem, { max: MAX_KEPT });
    else say('compare.kept', { name: keptName(done.run) });
  });
  sameButton.addEventListener('click', () => {
    const epochs = Number(epochsField.value);
    const done = guarded(() => sameStart(epochs));
    if (!done) return;
    if (done.problem) {
      say(done.problem, { max: MAX_COMPARE_EPOCHS });
      return;
    }
    say('compare.sameDone', { count: done.runs.length, epochs, start: formatNumber(done.runs[0].train[0]) });
  });
}

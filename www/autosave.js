// Autosave: the whole page state (snapshot.js) is kept in the browser after every change, at most
// a few times a second, and restored on reload. IndexedDB first, localStorage when IndexedDB is
// unavailable; when both refuse, the page says so once and goes on working.
//
// A page opened from an address that asks for a state (?preset=…, a share link) while work is
// kept does not save over that work: it holds, offering to reopen it, until the person changes
// something. Then the kept work is set aside (one slot, "earlier"), still offered, and the new
// state is the one kept; the address loses what it asked for, so that a reload brings the work back.
import { afterPaint, whenStill } from './scheduler.js';
import { isPlaying } from './player.js';
import { snapshot, restore, UNDO_BYTES } from './snapshot.js';
import { callLog } from './call-log.js';
import { t } from './i18n.js';
import { setHidden, setText } from './dom.js';
import { playingGap, savesWhilePlaying } from './save-pace.js';

const note = document.getElementById('keep-note');
const noteText = document.getElementById('keep-note-text');
const reopenButton = document.getElementById('keep-reopen');
const dismissButton = document.getElementById('keep-dismiss');
const startOverButton = document.getElementById('start-over');
const startOverDialog = document.getElementById('start-over-dialog');
const startOverConfirm = document.getElementById('start-over-confirm');

// Where the work is kept: IndexedDB's database and store, or localStorage's keys.
const DB_NAME = 'backprop-playground';
const STORE_NAME = 'work';
const LOCAL_PREFIX = 'backprop-playground.work.';
// The slots: the work kept now, and the work set aside when an address opened something else.
const CURRENT = 'current';
const EARLIER = 'earlier';
// The least time between two saves (ms); while playing, save-pace.js's longer gap.
const MIN_GAP_MS = 400;
// Between clicks, the longest a save waits for the page to be still.
const STILL_WAIT_MS = 2000;
// Smaller undo histories tried, in order, when the storage refuses a snapshot as too big.
const UNDO_FALLBACKS = [UNDO_BYTES, 1 << 16, 0];
// The undo steps kept by a save while playing (the next save once still keeps UNDO_BYTES).
const PLAYING_UNDO_BYTES = 1 << 14;
// The version of the kept record.
const RECORD_VERSION = 1;

const keep = {
  // { get(key), put(key, value), remove(key) } of the storage in use, or null when there is none.
  backend: null,
  // Whether the next save is made while playing (with fewer undo steps).
  playing: false,
  // 'saving': every change is kept; 'held': the page shows what the address asked for and keeps
  // nothing until the person changes something; 'off': nothing more is kept (starting over).
  mode: 'off',
  // callLog.revision when the page was held: a different one is a change by the person.
  heldRevision: 0,
  // The address that opened the page's state ('?preset=iris', '#s=…'), while nothing changed it.
  address: null,
  // The slot the note offers to reopen, or null.
  offer: null,
  // What the note says: a function wording it (so that another language words it again), or null.
  message: null,
  queued: false,
  lastSave: 0,
  // How long the last save held the page (ms): the snapshot and the storage's copy of it.
  saveCost: 0,
  // The saves, one after the other (a promise), so that they never overlap.
  saving: Promise.resolve(),
  // The undo budget the last successful save needed: said in the note when it was cut.
  full: false,
};

// ---- storage --------------------------------------------------------------------------------

// The storage to keep work in: IndexedDB, else localStorage, else null. Never throws.
export async function openStorage() {
  try {
    return await indexedStorage();
  } catch {
    // IndexedDB blocked or missing (a private window, a setting): try localStorage.
  }
  try {
    const probe = `${LOCAL_PREFIX}probe`;
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return localStorageBackend();
  } catch (error) {
    // Full already: still usable for reading what it keeps (and removing it).
    if (isQuotaError(error)) return localStorageBackend();
    return null;
  }
}

// IndexedDB's store as { get, put, remove }, each a promise; rejects when it cannot be opened.
function indexedStorage() {
  return new Promise((resolve, reject) => {
    const request = window.indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
    request.onsuccess = () => {
      const db = request.result;
      const run = (mode, work) => new Promise((done, fail) => {
        const transaction = db.transaction(STORE_NAME, mode);
        const result = work(transaction.objectStore(STORE_NAME));
        transaction.oncomplete = () => done(result.result);
        transaction.onerror = () => fail(transaction.error ?? result.error);
        transaction.onabort = () => fail(transaction.error ?? result.error);
      });
      resolve({
        get: (key) => run('readonly', (store) => store.get(key)),
        put: (key, value) => run('readwrite', (store) => store.put(value, key)),
        remove: (key) => run('readwrite', (store) => store.delete(key)),
      });
    };
  });
}

// localStorage as { get, put, remove }: the record as JSON text.
function localStorageBackend() {
  return {
    get: async (key) => {
      const text = window.localStorage.getItem(LOCAL_PREFIX + key);
      return text === null ? undefined : JSON.parse(text);
    },
    put: async (key, value) => window.localStorage.setItem(LOCAL_PREFIX + key, JSON.stringify(value)),
    remove: async (key) => window.localStorage.removeItem(LOCAL_PREFIX + key),
  };
}

// Whether `error` says the storage is full.
function isQuotaError(error) {
  return error?.name === 'QuotaExceededError' || error?.code === 22 || /quota/i.test(error?.message ?? '');
}

// The record kept in `slot`, or null (none, unreadable, or no storage).
async function read(slot) {
  if (!keep.backend) return null;
  try {
    const record = await keep.backend.get(slot);
    return record && record.version === RECORD_VERSION && record.snap ? record : null;
  } catch {
    return null;
  }
}

// ---- boot -----------------------------------------------------------------------------------

// Open the storage and read the kept work (null when there is none). Called first at boot.
export async function readKept() {
  keep.backend = await openStorage();
  return read(CURRENT);
}

// The record kept in `slot` ('current' or 'earlier'), or null.
export function keptWork(slot = CURRENT) {
  return read(slot);
}

// Whether storage is there to keep work in.
export function canKeep() {
  return keep.backend !== null;
}

// Put a kept record's state in the page. Throws (page unchanged) when the snapshot is refused.
export function restoreKept(record) {
  restore(record.snap);
}

// Say that the kept work could not be reopened (`error` names why); it stays kept until the
// person changes something.
export function showKeptProblem(error) {
  const message = error.message;
  keep.offer = null;
  say(() => t('keep.broken', { message }));
}

// Start keeping the page's work. `held`: the address opened another state while `kept` work was
// there (offered to reopen; nothing saved until the person changes something). `address`: what
// the address asked for ('?preset=…', '#s=…'), or null.
export function startKeeping({ held = false, address = null } = {}) {
  keep.address = address;
  keep.mode = held ? 'held' : 'saving';
  keep.heldRevision = callLog.revision;
  if (held) offer(CURRENT);
  if (!keep.backend) say(() => t('keep.unavailable'));
  reopenButton.addEventListener('click', () => reopen());
  dismissButton.addEventListener('click', () => {
    keep.offer = null;
    keep.message = null;
    renderNote();
  });
  startOverButton.addEventListener('click', () => startOverDialog.showModal());
  startOverConfirm.addEventListener('click', startOver);
  // A tab being closed or hidden: keep what is on show now, at once (a hidden page paints no
  // frame to save after, and a closed one runs no timer).
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveNow();
  });
  if (keep.mode === 'saving') saveSoon(0);
}

// Whether the kept record `record` is what `address` opened, unchanged since.
export function sameAddress(record, address) {
  return record !== null && address !== null && record.address === address;
}

// ---- saving ---------------------------------------------------------------------------------

// The page changed (main.js's views call it at every redraw): keep it soon.
export function renderKeep({ parts }) {
  if (parts.has('lang')) renderNote();
  const changed = callLog.revision !== keep.heldRevision;
  if (keep.mode === 'held' && changed) startOwnWork();
  else if (keep.mode === 'saving' && changed && keep.address !== null) forgetAddress();
  if (keep.mode === 'saving') saveSoon();
}

// The person changed what the address opened: the work kept so far is set aside (and still
// offered), the new state is kept from now on, and the address no longer asks for anything.
async function startOwnWork() {
  keep.mode = 'saving';
  forgetAddress();
  const earlier = await read(CURRENT);
  if (earlier) {
    try {
      await keep.backend.put(EARLIER, earlier);
      if (keep.offer) offer(EARLIER);
    } catch {
      // No room to set it aside: keep offering it where it is, and save nothing over it.
      keep.mode = 'held';
      keep.heldRevision = Number.NaN;
      say(() => t('keep.full'));
      return;
    }
  }
  saveSoon(0);
}

// Save once MIN_GAP_MS have passed since the last save (or after `gap` ms): while playing, after
// a painted frame; else once the page is still (a snapshot with its undo steps takes a frame's
// time, which quick clicks should not wait for), or STILL_WAIT_MS at the latest.
function saveSoon(gap = MIN_GAP_MS) {
  if (keep.queued || !keep.backend) return;
  keep.queued = true;
  const wait = Math.max(0, keep.lastSave + (isPlaying() ? playingGap(gap, keep.saveCost) : gap) - performance.now());
  let done = false;
  const save = () => {
    if (done) return;
    done = true;
    keep.queued = false;
    saveNow();
  };
  setTimeout(() => {
    if (isPlaying() && !savesWhilePlaying(keep.saveCost)) {
      // Too long to make while playing: kept once the play stops (the redraws stop).
      whenStill(save);
      return;
    }
    if (isPlaying()) {
      // Few undo steps while playing: the whole snapshot would take a frame's time every save,
      // and slow the play down; the next save once the page is still keeps them all again.
      keep.playing = true;
      afterPaint(save);
      whenStill(saveAllSoon);
      return;
    }
    whenStill(save);
    setTimeout(() => afterPaint(save), STILL_WAIT_MS);
  }, wait);
}

// A save with every undo step once the page is still again after playing (one task, queued once).
function saveAllSoon() {
  saveSoon(0);
}

// Keep the page state now (after any save under way).
export function saveNow() {
  if (keep.mode !== 'saving' || !keep.backend) return Promise.resolve(false);
  keep.saving = keep.saving.then(write, write);
  return keep.saving;
}

// Write the snapshot, with fewer undo steps when the storage says it is full. Resolves to whether
// it was kept.
async function write() {
  if (keep.mode !== 'saving') return false;
  keep.lastSave = performance.now();
  const most = keep.playing ? PLAYING_UNDO_BYTES : UNDO_BYTES;
  keep.playing = false;
  for (const undoBytes of UNDO_FALLBACKS.filter((bytes) => bytes <= most)) {
    const start = performance.now();
    const record = { version: RECORD_VERSION, savedAt: Date.now(), address: keep.address, snap: snapshot({ undoBytes }) };
    try {
      // put() copies the record before it returns its promise: that copy holds the page too.
      const stored = keep.backend.put(CURRENT, record);
      keep.saveCost = performance.now() - start;
      await stored;
      if (keep.full) {
        keep.full = false;
        if (keep.message) say(null);
      }
      return true;
    } catch (error) {
      if (!isQuotaError(error)) break;
    }
  }
  if (!keep.full) {
    keep.full = true;
    say(() => t('keep.full'));
  }
  return false;
}

// Drop what the address asked for (?preset=, #s=), keeping ?lang=: a reload then opens the kept work.
function forgetAddress() {
  keep.address = null;
  const url = new URL(window.location.href);
  if (!url.searchParams.has('preset') && !url.hash) return;
  url.searchParams.delete('preset');
  url.hash = '';
  window.history.replaceState(null, '', url.href.replace(/#$/, ''));
}

// ---- the note: reopening, problems, starting over -------------------------------------------

// Offer to reopen the work kept in `slot`.
function offer(slot) {
  keep.offer = slot;
  renderNote();
}

// Say `message` (a function wording it) in the note, or nothing for null.
function say(message) {
  keep.message = message;
  renderNote();
}

// Show the note: the storage's problem, or the offer to reopen the earlier work.
function renderNote() {
  const text = keep.message ? keep.message() : keep.offer ? t('keep.offer') : '';
  setText(noteText, text);
  setHidden(reopenButton, keep.offer === null);
  setHidden(note, text === '');
}

// Reopen the work kept in the offered slot: the page shows it, and keeps it from now on.
export async function reopen() {
  const slot = keep.offer;
  const record = slot ? await read(slot) : null;
  if (!record) {
    say(() => t('keep.gone'));
    keep.offer = null;
    renderNote();
    return;
  }
  try {
    restore(record.snap);
  } catch (error) {
    const message = error.message;
    say(() => t('keep.broken', { message }));
    return;
  }
  keep.offer = null;
  keep.message = null;
  renderNote();
  keep.mode = 'saving';
  forgetAddress();
  saveSoon(0);
}

// Discard the kept work (the person said so in the dialog) and open the default preset afresh.
async function startOver() {
  keep.mode = 'off';
  startOverDialog.close();
  try {
    await keep.saving;
    await keep.backend?.remove(CURRENT);
    await keep.backend?.remove(EARLIER);
  } catch {
    // Storage gone: there is nothing kept to discard.
  }
  const url = new URL(window.location.href);
  const lang = url.searchParams.get('lang');
  url.search = lang ? `?lang=${encodeURIComponent(lang)}` : '';
  url.hash = '';
  window.location.assign(url.href.replace(/#$/, ''));
}

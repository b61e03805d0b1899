// The page's language: chosen by ?lang= in the address, else the last choice (kept in the
// browser), else the browser's languages (Chinese for any zh-* locale), else English; switched
// from the header at any moment without a reload.
import { LANGS, setLanguage } from './i18n.js';
import { store } from './state.js';
import { invalidate } from './scheduler.js';

const picker = document.getElementById('lang');
// Where the last choice is kept.
const KEY = 'backprop-playground.lang';

// The language for an address's `search`, a kept choice (or null) and the browser's languages.
export function chooseLanguage(search, kept, languages) {
  const asked = new URLSearchParams(search).get('lang')?.trim().toLowerCase() ?? '';
  const code = asked.split(/[-_]/)[0];
  if (LANGS.includes(code)) return code;
  if (LANGS.includes(kept)) return kept;
  for (const tag of languages ?? []) {
    const base = String(tag).toLowerCase().split(/[-_]/)[0];
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}

// The kept choice, or null when there is none or the browser keeps nothing.
function keptChoice() {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

// Speak the language the address, the kept choice or the browser asks for (at boot, before any text).
export function startLanguage() {
  store.lang = setLanguage(chooseLanguage(window.location.search, keptChoice(), navigator.languages));
}

// Wire the header's switch: a choice is kept and redraws every word on the page.
export function wireLanguage() {
  picker.value = store.lang;
  picker.addEventListener('change', () => switchLanguage(picker.value));
}

// Speak `lang` now: the same numbers, selection and undo steps, every word redrawn.
export function switchLanguage(lang) {
  store.lang = setLanguage(lang);
  try {
    window.localStorage.setItem(KEY, store.lang);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  invalidate('lang');
}

// Show the language in use on the switch (after a restore, say).
export function renderLanguage() {
  if (picker.value !== store.lang) picker.value = store.lang;
}

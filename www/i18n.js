// The message tables (www/messages/), one per language, and the lookup the page uses.
// Markup names its text with data-i18n="id" (text) or data-i18n-attr="attr:id;attr:id".
import en from './messages/en.js';
import zh from './messages/zh.js';

// Every language's table by its code; the page speaks English until a switch chooses another.
export const MESSAGES_BY_LANG = { en, zh };

const MESSAGES = en;

// The message `id` with each {name} replaced by params[name]; an unknown id shows as itself.
export function t(id, params = {}) {
  const text = MESSAGES[id] ?? id;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

// The table t() reads: the one to word the core's errors with (www/core-errors.js).
export function currentTable() {
  return MESSAGES;
}

// Whether the table has a message `id`.
export function has(id) {
  return id in MESSAGES;
}

// Fill every data-i18n / data-i18n-attr element under `root` from the table.
export function applyMessages(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, id] = pair.split(':').map((s) => s.trim());
      el.setAttribute(attr, t(id));
    }
  }
}

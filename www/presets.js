// The preset picker: the built-in sessions by name. Choosing one loads ?preset=NAME, the same
// address a slide can link to. Once the data is replaced or a session file opened, the page no
// longer shows a preset, and the picker says so.
import { t, has } from './i18n.js';

const picker = document.getElementById('preset');

// The picker's entry for "no preset": chosen only by the page, never by the person.
const none = document.createElement('option');
none.value = '';
none.disabled = true;

// List `names` in the picker with `current` chosen; a choice navigates to its address.
export function wirePresets(current, names) {
  picker.replaceChildren(none, ...names.map((name) => {
    const option = document.createElement('option');
    option.value = name;
    return option;
  }));
  relabelPresets();
  showPreset(current);
  picker.addEventListener('change', () => {
    const url = new URL(window.location.href);
    url.searchParams.set('preset', picker.value);
    window.location.assign(url.href);
  });
}

// Name every preset in the page's language.
export function relabelPresets() {
  none.textContent = t('preset.none');
  for (const option of picker.options) {
    if (option.value) option.textContent = has(`preset.${option.value}`) ? t(`preset.${option.value}`) : option.value;
  }
}

// Show `name` as the preset on show, or "no preset" for null.
export function showPreset(name) {
  if (none.hidden !== (name !== null)) none.hidden = name !== null;
  if (picker.value !== (name ?? '')) picker.value = name ?? '';
}

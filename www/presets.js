// The preset picker: the built-in sessions by name. Choosing one loads ?preset=NAME, the same
// address a slide can link to.
import { t, has } from './i18n.js';

const picker = document.getElementById('preset');

// List `names` in the picker with `current` chosen; a choice navigates to its address.
export function wirePresets(current, names) {
  picker.replaceChildren(...names.map((name) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = has(`preset.${name}`) ? t(`preset.${name}`) : name;
    return option;
  }));
  picker.value = current;
  picker.addEventListener('change', () => {
    const url = new URL(window.location.href);
    url.searchParams.set('preset', picker.value);
    window.location.assign(url.href);
  });
}

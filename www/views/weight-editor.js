// The small form that edits one weight or bias by hand, next to where it was double-clicked.
// The text is read as the settings read theirs (readNumber): what is no number, or a number a
// float cannot hold as typed, is refused here with the text as typed; the core's refusals show
// its message. Either way nothing changes.
import { t, currentTable } from '../i18n.js';
import { coreMessage } from '../core-errors.js';
import { formatExact } from '../format.js';
import { readNumber, Whole } from '../numbers.js';

const form = document.createElement('form');
form.className = 'weight-editor';
form.id = 'weight-editor';
form.hidden = true;
form.noValidate = true;
const label = document.createElement('label');
label.htmlFor = 'weight-editor-input';
const input = document.createElement('input');
input.id = 'weight-editor-input';
input.type = 'text';
input.inputMode = 'decimal';
input.autocomplete = 'off';
input.spellcheck = false;
const apply = document.createElement('button');
apply.type = 'submit';
apply.className = 'primary';
const cancel = document.createElement('button');
cancel.type = 'button';
const error = document.createElement('p');
error.className = 'weight-editor-error';
error.setAttribute('role', 'alert');
form.append(label, input, apply, cancel, error);

let onApply = null;
let owner = null;
// What had the focus when the editor opened (a grid or a unit, from the keyboard): it gets the
// focus back when the editor closes, so the person goes on from where they were.
let opener = null;

// Open the editor inside `container` at (x, y) in its coordinates, for the parameter `name`
// whose value is `value`; `applyValue(number)` sets it, throwing an Error the core wrote.
export function openEditor({ container, x, y, name, value, applyValue }) {
  if (form.parentElement !== container) container.append(form);
  owner = container;
  label.textContent = `${name} =`;
  apply.textContent = t('editor.apply');
  cancel.textContent = t('editor.cancel');
  form.setAttribute('aria-label', t('editor.title', { name }));
  input.value = formatExact(value).replaceAll('−', '-');
  error.textContent = '';
  error.hidden = true;
  onApply = applyValue;
  if (form.hidden) opener = document.activeElement;
  form.hidden = false;
  // Keep the form inside the visible part of the container, whichever corner was clicked.
  const maxLeft = Math.max(0, container.scrollLeft + container.clientWidth - form.offsetWidth - 4);
  const maxTop = Math.max(0, container.scrollTop + container.clientHeight - form.offsetHeight - 4);
  form.style.left = `${Math.min(Math.max(0, x), maxLeft)}px`;
  form.style.top = `${Math.min(Math.max(0, y), maxTop)}px`;
  input.focus();
  input.select();
}

// Close the editor without changing anything.
export function closeEditor() {
  const wasOpen = !form.hidden;
  form.hidden = true;
  onApply = null;
  if (wasOpen && opener?.isConnected && form.contains(document.activeElement)) opener.focus();
}

// Put the open editor back into `container` after a view has replaced the container's content.
export function keepEditorIn(container) {
  if (!form.hidden && owner === container && form.parentElement !== container) container.append(form);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!onApply) return;
  const read = readNumber(input.value);
  if (read.problem || typeof read.value !== 'number' && !(read.value instanceof Whole)) {
    showProblem(t(`number.${read.problem ?? 'notNumber'}`, { text: read.text }));
    return;
  }
  const value = read.value instanceof Whole ? read.value.toNumber() : read.value;
  const applyValue = onApply;
  try {
    closeEditor();
    applyValue(value);
  } catch (problem) {
    // Reopen with the core's message; the parameter kept its old value.
    form.hidden = false;
    onApply = applyValue;
    showProblem(coreMessage(problem, currentTable()));
  }
});

// Show why the value was not applied, keeping the text selected for another try.
function showProblem(message) {
  error.textContent = t('editor.error', { message });
  error.hidden = false;
  input.focus();
  input.select();
}
cancel.addEventListener('click', closeEditor);
// Keys typed here belong to the editor, not to the page's keyboard shortcuts.
form.addEventListener('keydown', (event) => {
  event.stopPropagation();
  if (event.key === 'Escape') closeEditor();
});

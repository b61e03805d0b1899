// The error banner and the status line: the page's two places for messages to the student.
import { t, currentTable } from '../i18n.js';
import { coreMessage } from '../core-errors.js';
import { setHidden, setText } from '../dom.js';

const errorBox = document.getElementById('error');
const statusLine = document.getElementById('status');

// What each place shows, as a function that words it, so that another language words it again.
const shown = { error: null, status: null };

// Show the message `id` in the error banner, with the error's message (a core error worded from
// the page's table) as {message}.
export function showError(id, error) {
  shown.error = () => t(id, { message: coreMessage(error, currentTable()) });
  errorBox.textContent = shown.error();
  errorBox.hidden = false;
  console.error(error);
}

// Show the message `id` in the error banner for a problem with the person's input (a file the
// core refused): not a fault of the page, so nothing goes to the console.
export function showProblem(id, params) {
  shown.error = () => t(id, params);
  errorBox.textContent = shown.error();
  errorBox.hidden = false;
}

// Hide the error banner.
export function clearError() {
  shown.error = null;
  setHidden(errorBox, true);
  setText(errorBox, '');
}

// Show the message `id` on the status line (an empty id clears it).
export function showStatus(id, params) {
  shown.status = id ? () => t(id, params) : null;
  setText(statusLine, shown.status ? shown.status() : '');
}

// Word the banner and the status line again in the page's language.
export function relabelMessages() {
  if (shown.error && !errorBox.hidden) errorBox.textContent = shown.error();
  setText(statusLine, shown.status ? shown.status() : '');
}

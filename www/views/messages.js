// The error banner and the status line: the page's two places for messages to the student.
import { t, currentTable } from '../i18n.js';
import { coreMessage } from '../core-errors.js';
import { setHidden, setText } from '../dom.js';

const errorBox = document.getElementById('error');
const statusLine = document.getElementById('status');

// Show the message `id` in the error banner, with the error's message (a core error worded from
// the page's table) as {message}.
export function showError(id, error) {
  const message = coreMessage(error, currentTable());
  errorBox.textContent = t(id, { message });
  errorBox.hidden = false;
  console.error(error);
}

// Show the message `id` in the error banner for a problem with the person's input (a file the
// core refused): not a fault of the page, so nothing goes to the console.
export function showProblem(id, params) {
  errorBox.textContent = t(id, params);
  errorBox.hidden = false;
}

// Hide the error banner.
export function clearError() {
  setHidden(errorBox, true);
  setText(errorBox, '');
}

// Show the message `id` on the status line (an empty id clears it).
export function showStatus(id, params) {
  setText(statusLine, id ? t(id, params) : '');
}

// Session files: "Save" downloads the session file (with the newest undo steps, about 1 MB at
// most, so that Step back works after Open) as a .json file, "Open…" reads one back into a new
// Playground. A file the core refuses leaves its message in the banner and the session as it was.
import { playground } from './handle.js';
import { replaceSession } from './dataset.js';
import { MAX_SESSION_BYTES, sizeProblem, sessionFileName } from './data-options.js';
import { showProblem, clearError, showStatus } from './views/messages.js';
import { currentTable } from './i18n.js';
import { coreMessage } from './core-errors.js';
import { noteOpenedFile } from './share.js';
import { UNDO_BYTES } from './snapshot.js';

const saveButton = document.getElementById('session-save');
const openButton = document.getElementById('session-open');
const fileInput = document.getElementById('session-file');

// Wire the buttons; `Playground` (the class) reads the opened file.
export function wireSessionFiles(Playground) {
  saveButton.addEventListener('click', save);
  openButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files[0];
    // Choosing the same file again (after fixing it) must fire "change" again.
    fileInput.value = '';
    if (file) await open(Playground, file);
  });
}

// Download the session as "<its name>.json", through a Blob and a short-lived object URL. The
// file keeps the newest undo steps that fit in about 1 MB, so Step back works after Open too.
export function save() {
  const text = playground.toSessionWithUndo(UNDO_BYTES);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = sessionFileName(JSON.parse(playground.meta()).name);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is no longer needed after that.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  showStatus('session.saved', { file: link.download });
}

// Read `file` and, when the core accepts it, make it the page's session.
async function open(Playground, file) {
  clearError();
  const problem = sizeProblem(file.name, file.size, MAX_SESSION_BYTES);
  if (problem) {
    showProblem('session.error', { file: file.name, message: problem });
    return;
  }
  let next;
  let text;
  try {
    text = await file.text();
    next = Playground.fromSession(text);
  } catch (error) {
    showProblem('session.error', { file: file.name, message: coreMessage(error, currentTable()) });
    return;
  }
  replaceSession(next);
  // A share link of this session starts from the file as opened.
  noteOpenedFile(text);
  showStatus('session.opened', { file: file.name });
}

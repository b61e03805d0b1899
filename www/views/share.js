// The Share panel: the link of the page state (share.js) in a read-only field, a Copy button and
// a QR code of the link, large enough to scan from the back of a room on a projector. A state
// whose data makes the link too long is not offered as a link: the panel offers Save instead.
import qrcode from '../vendor/qrcode-generator.mjs';
import { t } from '../i18n.js';
import { linkObject, linkAddress, MAX_LINK_CHARS } from '../share.js';
import { save } from '../session-file.js';
import { pause } from '../player.js';
import { setHidden, setText } from '../dom.js';
import { showProblem } from './messages.js';
import { coreMessage } from '../core-errors.js';
import { currentTable } from '../i18n.js';

const openButton = document.getElementById('share-button');
const dialog = document.getElementById('share-dialog');
const field = document.getElementById('share-link');
const copyButton = document.getElementById('share-copy');
const statusLine = document.getElementById('share-status');
const note = document.getElementById('share-note');
const saveButton = document.getElementById('share-save');
const qrFigure = document.getElementById('share-qr-figure');
const qrCanvas = document.getElementById('share-qr');

// The QR code's side as a share of the window's smaller side (a projector: 1080 px → 756 px).
const QR_SHARE = 0.7;
// The light margin around the code, in modules: the standard's quiet zone.
const QUIET = 4;

// What the panel shows, to word it again in another language: the link's length when it is too
// long, or why there is no link; and the Copy button's last result.
const panel = { link: null, problem: null, copied: null };

// Wire the header's Share button to the panel.
export function wireShare() {
  openButton.addEventListener('click', openShare);
  copyButton.addEventListener('click', copyLink);
  saveButton.addEventListener('click', () => {
    save();
    dialog.close();
  });
}

// Make the link of the page now and show the panel with it.
export async function openShare() {
  pause();
  panel.link = null;
  panel.problem = null;
  panel.copied = null;
  field.value = '';
  showPanel();
  if (!dialog.open) dialog.showModal();
  const link = await linkObject();
  if (link.missing) {
    panel.problem = { id: 'share.noFile' };
  } else {
    const address = await linkAddress(link);
    if (address.length > MAX_LINK_CHARS) panel.problem = { id: 'share.tooLong', chars: address.length, limit: MAX_LINK_CHARS };
    else panel.link = address;
  }
  showPanel();
  if (panel.link) {
    field.focus();
    field.select();
  }
}

// Word the panel for what it holds: the link and its code, or why there is none.
function showPanel() {
  field.value = panel.link ?? '';
  setHidden(field.parentElement, panel.link === null);
  setHidden(saveButton, panel.problem === null);
  const making = panel.link === null && panel.problem === null;
  const noteText = panel.problem ? t(panel.problem.id, panel.problem) : making ? t('share.making') : t('share.note');
  setText(note, noteText);
  setText(statusLine, panel.copied ? t(panel.copied) : '');
  const drawn = panel.link !== null && drawCode(panel.link);
  setHidden(qrFigure, !drawn);
  if (panel.link !== null && !drawn) setText(note, `${noteText} ${t('share.qrTooLong')}`);
}

// The panel's words again in another language.
export function relabelShare() {
  if (dialog.open) showPanel();
}

// Draw the QR code of `text` black on white with its quiet zone, each module a whole number of
// device pixels; false when the text is too long for any QR code.
function drawCode(text) {
  const code = makeCode(text);
  if (!code) return false;
  const modules = code.getModuleCount();
  const side = modules + 2 * QUIET;
  const ratio = window.devicePixelRatio || 1;
  const target = QR_SHARE * Math.min(window.innerWidth, window.innerHeight) * ratio;
  const cell = Math.max(2, Math.floor(target / side));
  qrCanvas.width = side * cell;
  qrCanvas.height = side * cell;
  qrCanvas.style.width = `${(side * cell) / ratio}px`;
  qrCanvas.style.height = `${(side * cell) / ratio}px`;
  const context = qrCanvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, qrCanvas.width, qrCanvas.height);
  context.fillStyle = '#000000';
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      if (code.isDark(row, col)) context.fillRect((col + QUIET) * cell, (row + QUIET) * cell, cell, cell);
    }
  }
  qrCanvas.dataset.modules = String(modules);
  return true;
}

// The QR code of `text`, with error correction M (a code still reads with a smudge), else L for
// a longer text; null when even L cannot hold it (about 2,950 characters).
function makeCode(text) {
  for (const level of ['M', 'L']) {
    try {
      const code = qrcode(0, level);
      code.addData(text, 'Byte');
      code.make();
      return code;
    } catch {
      // Too long at this level: try the next.
    }
  }
  return null;
}

// Copy the link to the clipboard; where the browser refuses, select it for Ctrl+C and say so.
async function copyLink() {
  if (!panel.link) return;
  try {
    await navigator.clipboard.writeText(panel.link);
    panel.copied = 'share.copied';
  } catch {
    field.focus();
    field.select();
    panel.copied = 'share.copyByHand';
  }
  setText(statusLine, t(panel.copied));
}

// Say why the link in the address could not be opened (a LinkError from share.js): the page
// shows its default, and the work kept in the browser is untouched.
export function showLinkProblem(error) {
  const { problem, detail } = error;
  const words = () => {
    const what = problem === 'replay' && typeof detail === 'object' ? coreMessage(detail, currentTable()) : String(detail ?? '');
    return t(`share.bad.${problem ?? 'replay'}`, { detail: what });
  };
  showProblem('share.bad', { get problem() { return words(); } });
}

// The one floating tooltip of the page: exact values under the pointer, in large type.
// A single element reused by every view, so hovering never creates DOM.
import { setHidden, setText } from '../dom.js';

const tip = document.createElement('div');
tip.className = 'value-tooltip';
tip.id = 'value-tooltip';
tip.setAttribute('role', 'tooltip');
tip.hidden = true;
document.body.append(tip);

// Show `text` near the viewport point (x, y), kept inside the window.
export function showTooltip(text, x, y) {
  setText(tip, text);
  tip.hidden = false;
  const gap = 16;
  const { width, height } = tip.getBoundingClientRect();
  const left = x + gap + width > window.innerWidth ? x - gap - width : x + gap;
  const top = y + gap + height > window.innerHeight ? y - gap - height : y + gap;
  tip.style.left = `${Math.max(0, left)}px`;
  tip.style.top = `${Math.max(0, top)}px`;
}

// Hide the tooltip.
export function hideTooltip() {
  setHidden(tip, true);
}

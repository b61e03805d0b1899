// Changes to the page made only when they change something. Setting an element's text, even to the
// same text, puts a new text node in; setting an attribute or a style restyles the element: the
// browser then lays out and paints that part of the page again, at every step.

// Set an element's text; a lone text node gets the new text itself, which the browser lays out
// again in place rather than as a new node.
export function setText(el, text) {
  if (el.textContent === text) return;
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === Node.TEXT_NODE && text !== '') only.data = text;
  else el.textContent = text;
}

// Show or hide an element (its hidden attribute).
export function setHidden(el, hidden) {
  if (el.hidden !== hidden) el.hidden = hidden;
}

// Set an attribute.
export function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

// Set a style property, by its CSS name (custom properties too).
export function setStyle(el, name, value) {
  if (el.style.getPropertyValue(name) !== value) el.style.setProperty(name, value);
}

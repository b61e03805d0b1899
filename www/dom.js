// Changes to the page made only when they change something. Setting an element's text, even to the
// same text, puts a new text node in; setting an attribute or a style restyles the element: the
// browser then lays out and paints that part of the page again, at every step.

// Set an element's text.
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

// Set an attribute.
export function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

// Set a style property, by its CSS name (custom properties too).
export function setStyle(el, name, value) {
  if (el.style.getPropertyValue(name) !== value) el.style.setProperty(name, value);
}

// Presenter mode's options as data, without the DOM (Node tests read them): the panels that can be
// hidden, and the address's ?present= and ?hide=.

// The panels a teacher can hide, in the page's order. The training loop is never among them: its
// buttons run the lesson.
export const PANELS = ['data', 'network', 'charts', 'inspector', 'equations'];

// The list `text` ("data,charts", any case, spaces or semicolons too) as known panel names, in
// PANELS' order, each once; unknown names are left out and returned apart.
export function parseHide(text) {
  const asked = String(text ?? '').toLowerCase().split(/[\s,;]+/).filter(Boolean);
  const hide = PANELS.filter((name) => asked.includes(name));
  const unknown = asked.filter((name) => !PANELS.includes(name));
  return { hide, unknown };
}

// Whether an address's value switches something on: "1", "true", "yes", "on" or nothing ("?present").
function isOn(value) {
  return ['', '1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

// The presenter state an address's `search` asks for ({ on, hide }), null for a part it does not
// name, and the unknown panel names of its ?hide=.
export function presenterFromAddress(search) {
  const params = new URLSearchParams(search);
  const on = params.has('present') ? isOn(params.get('present')) : null;
  const { hide, unknown } = params.has('hide') ? parseHide(params.get('hide')) : { hide: null, unknown: [] };
  return { on, hide, unknown };
}

// What is wrong with `hide` in a snapshot (what it should be), or null when it is a list of panels.
export function checkHide(hide) {
  if (!Array.isArray(hide)) return 'an array of panel names';
  const bad = hide.find((name) => !PANELS.includes(name));
  return bad === undefined ? null : `panel names among ${PANELS.join(', ')}`;
}

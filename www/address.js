// What the page's address asks for: ?preset=NAME, the only parameter it reads. A name is found the
// way a person types it (any case, spaces or underscores for hyphens, spaces around it); a name
// that is no preset never stops the page: it starts with the default and says which exist.
// Pure functions, so Node can test them.

// A preset name as people type it, made comparable: " Worked_Example " → "worked-example".
export function presetKey(text) {
  return String(text).trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

// The preset `search` (location.search) asks for, among `names`: { preset } for a preset found,
// or `fallback` when there is no ?preset= at all; { preset: fallback, unknown: the text asked for }
// when no preset is called that (an empty ?preset= too).
export function presetFromAddress(search, names, fallback) {
  const asked = new URLSearchParams(search).get('preset');
  if (asked === null) return { preset: fallback, unknown: null };
  const found = names.find((name) => presetKey(name) === presetKey(asked));
  return found ? { preset: found, unknown: null } : { preset: fallback, unknown: asked };
}

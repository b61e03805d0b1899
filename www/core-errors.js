// The core's errors in the page's language. An Error thrown by the wasm package carries its
// message's key and values besides the English `message` (kind, key, args: src/error_json.rs);
// here they are worded from a message table (www/messages/), whose core.* keys hold the same
// English as the core's table (src/core/message.rs).

// The message of `error` worded from `table` (the en or zh object); an Error without keys, or
// one whose keys the table lacks, keeps its own message.
export function coreMessage(error, table) {
  if (!(error instanceof Error)) return String(error);
  if (typeof error.key !== 'string' || typeof error.args !== 'object' || error.args === null) return error.message;
  return phrase(error, table) ?? error.message;
}

// The phrase { key, args } worded from `table`, each value text or a phrase in turn; a {name}
// without a value stays as written, as t() leaves it; null when the table lacks a key.
function phrase({ key, args }, table) {
  const template = table[key];
  if (typeof template !== 'string') return null;
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!Object.hasOwn(args, name)) return whole;
    const value = args[name];
    if (typeof value !== 'object' || value === null) return String(value);
    const inner = phrase(value, table);
    if (inner === null) complete = false;
    return inner ?? '';
  });
  return complete ? text : null;
}

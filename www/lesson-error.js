// A problem with a lesson file, naming the field and the bad value. It carries the core's message
// keys (core.invalid with a core.expected.* or lesson.expected.* phrase), so the page words it in
// its language with coreMessage (core-errors.js), as it does the core's own errors.
import en from './messages/en.js';
import { coreMessage } from './core-errors.js';

// A value as an error shows it: its JSON text, cut short; "nothing" for a missing field.
function gotOf(value) {
  if (value === undefined) return { key: 'core.got.missing', args: {} };
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export class LessonError extends Error {
  // `field` is the path in the file ("steps[3].setup.preset"), `expected` a phrase { key, args }
  // (or an expected.* name of the core's table, with args), `value` the value found.
  constructor(field, expected, value, { got } = {}) {
    const args = { field, expected, got: got ?? gotOf(value) };
    super('');
    this.key = 'core.invalid';
    this.args = args;
    this.field = field;
    this.message = coreMessage(this, en);
  }
}

// A phrase of the core's table: expect('oneOf', { names: 'a, b' }) → core.expected.oneOf.
export function expect(name, args = {}) {
  return { key: `core.expected.${name}`, args };
}

// A phrase of the lesson's own (www/messages, the guided lesson's block).
export function expectLesson(name, args = {}) {
  return { key: `lesson.expected.${name}`, args };
}

// The core's `error` about a field of a patch or session given at `prefix` in the lesson file:
// the same message with the lesson's path before the core's field.
export function fromCore(prefix, error) {
  if (error?.key === 'core.invalid' && typeof error.args?.field === 'string') {
    const field = error.args.field ? `${prefix}.${error.args.field}` : prefix;
    return new LessonError(field, error.args.expected, undefined, { got: error.args.got });
  }
  // Any other refusal (a JSON or state error): its own words after the field.
  const wrapped = new LessonError(prefix, expectLesson('accepted'), undefined,
    { got: typeof error?.key === 'string' ? { key: error.key, args: error.args ?? {} } : String(error?.message ?? error) });
  return wrapped;
}

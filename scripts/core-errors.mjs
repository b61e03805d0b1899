// The Rust core's error messages, read from src/ and matched with the core.* keys of the message
// tables (www/messages/). tests/node/messages.test.mjs checks with it that every message the core
// can build has a key and every key a message; run as a script, it writes docs/core-errors.md:
//
//   node scripts/core-errors.mjs
//
// Reading Rust by hand is crude but enough here: the messages are string literals, or format!
// strings, passed straight to a few calls (Error::invalid, csv_error, Error::State, ...).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Where messages are made: the call, which argument holds the text, its family of keys, and the
// files it is looked for in (all of src/ when absent).
const CALLS = [
  { call: 'Error::invalid(', arg: 1, family: 'expected' },
  { call: 'Error::invalid(', arg: 2, family: 'got' },
  { call: 'Error::invalid(', arg: 0, family: 'field' },
  { call: 'csv_error(', arg: 2, family: 'csv' },
  { call: 'Err(', arg: 0, family: 'csv', files: ['src/data/csv.rs'] },
  { call: 'Error::State(', arg: 0, family: 'state' },
  { call: '.error(', arg: 0, family: 'json', files: ['src/json/parse.rs'] },
  { call: '.peek_error(', arg: 0, family: 'json', files: ['src/json/parse.rs'] },
  { call: '#[error(', arg: 0, family: 'frame', files: ['src/core/error.rs'], format: true },
  { call: 'write!(', arg: 1, family: 'frame', files: ['src/json/parse.rs'], format: true },
  { call: 'js_error(', arg: 0, family: 'canvas', files: ['src/web/charts.rs'] },
];

// The keys each family's messages take: core.expected.*, core.csv.* …; frames are the few
// messages that hold the others.
const FRAMES = ['core.invalid', 'core.json', 'core.json.at', 'core.csv', 'core.state', 'core.chart'];

// Whether a key belongs to a family.
export function inFamily(key, family) {
  if (family === 'frame') return FRAMES.includes(key);
  return key.startsWith(`core.${family}.`) && !FRAMES.includes(key);
}

// Every .rs file under dir, as paths relative to the checkout.
function rustFiles(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return rustFiles(path);
    return entry.name.endsWith('.rs') ? [path] : [];
  });
}

// A Rust string literal's value from its source text (escapes and line continuations resolved).
function unescape(body) {
  return body.replace(/\\(u\{([0-9a-fA-F]+)\}|\n\s*|.)/g, (whole, escape, hex) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (escape.startsWith('\n')) return '';
    return { n: '\n', t: '\t', r: '\r', 0: '\0' }[escape] ?? escape;
  });
}

// The file's code with comments blanked (offsets kept) and its string literals by start offset.
function lex(text) {
  const code = text.split('');
  const literals = new Map();
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i, i + 2);
    if (rest === '//' || rest === '/*') {
      const end = rest === '//' ? text.indexOf('\n', i) : text.indexOf('*/', i) + 2;
      const stop = end <= 1 ? text.length : end;
      for (let k = i; k < stop; k += 1) if (code[k] !== '\n') code[k] = ' ';
      i = stop;
      continue;
    }
    const raw = /^r(#*)"/.exec(text.slice(i, i + 8));
    if (raw && !/\w/.test(text[i - 1] ?? '')) {
      const close = `"${raw[1]}`;
      const end = text.indexOf(close, i + raw[0].length) + close.length;
      literals.set(i, { end, value: text.slice(i + raw[0].length, end - close.length) });
      i = end;
      continue;
    }
    if (text[i] === '"') {
      let k = i + 1;
      while (text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
      literals.set(i, { end: k + 1, value: unescape(text.slice(i + 1, k)) });
      i = k + 1;
      continue;
    }
    if (text[i] === "'") {
      const char = /^'(?:\\u\{[0-9a-fA-F]+\}|\\.|[^\\'\n])'/.exec(text.slice(i, i + 12));
      i += char ? char[0].length : 1;
      continue;
    }
    i += 1;
  }
  return withoutTests({ code: code.join(''), literals });
}

// The lexed file without its `#[cfg(test)] mod … { … }` blocks: their messages never reach the page.
function withoutTests({ code, literals }) {
  const chars = code.split('');
  for (const m of code.matchAll(/#\[cfg\(test\)\]\s*mod \w+\s*\{/g)) {
    let depth = 0;
    let end = m.index;
    for (let i = m.index + m[0].length - 1; i < code.length; i += 1) {
      if (literals.has(i)) {
        const { end: after } = literals.get(i);
        literals.delete(i);
        i = after - 1;
      } else if (code[i] === '{') depth += 1;
      else if (code[i] === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    for (let k = m.index; k < end; k += 1) if (chars[k] !== '\n') chars[k] = ' ';
  }
  return { code: chars.join(''), literals };
}

// The top-level arguments of the call whose '(' is at `open`: [{ start, end }] source spans.
function argumentsAt(lexed, open) {
  const { code, literals } = lexed;
  const args = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < code.length; i += 1) {
    if (literals.has(i)) {
      i = literals.get(i).end - 1;
      continue;
    }
    const c = code[i];
    if ('([{'.includes(c)) depth += 1;
    else if (')]}'.includes(c)) {
      if (depth === 0) {
        if (code.slice(start, i).trim()) args.push({ start, end: i });
        return args;
      }
      depth -= 1;
    } else if (c === ',' && depth === 0) {
      args.push({ start, end: i });
      start = i + 1;
    }
  }
  return args;
}

// The texts an argument holds when they are written out: a literal, a format! string (with the
// expressions its {} stand for), a constant of the file, or a name bound by `let` to any of these
// (each arm of a `let got = match …`); none when the text is computed.
function argumentTexts(lexed, span, constants) {
  const { code, literals } = lexed;
  let at = span.start;
  while (/\s/.test(code[at])) at += 1;
  const source = code.slice(at, span.end).trim();
  if (literals.has(at) || source.startsWith('format!(')) return writtenTexts(lexed, at, span.end);
  if (/^[A-Z_][A-Z0-9_]*$/.test(source) && constants.has(source)) {
    return [{ text: constants.get(source), positional: [], format: false }];
  }
  const name = /^&?([a-z_]\w*)$/.exec(source);
  if (!name) return [];
  const binding = code.lastIndexOf(`let ${name[1]} = `, at);
  if (binding === -1) return [];
  return writtenTexts(lexed, binding, statementEnd(lexed, binding));
}

// Where the statement starting at `from` ends: its `;` outside brackets.
function statementEnd({ code, literals }, from) {
  let depth = 0;
  for (let i = from; i < code.length; i += 1) {
    if (literals.has(i)) i = literals.get(i).end - 1;
    else if ('([{'.includes(code[i])) depth += 1;
    else if (')]}'.includes(code[i])) depth -= 1;
    else if (code[i] === ';' && depth === 0) return i;
  }
  return code.length;
}

// Each literal and format! string between `from` and `to`, not counting the literals inside a
// format!'s arguments (", " of a join).
function writtenTexts(lexed, from, to) {
  const { code, literals } = lexed;
  const texts = [];
  for (let i = from; i < to; i += 1) {
    if (code.startsWith('format!(', i)) {
      const open = i + 'format!'.length;
      const [first, ...rest] = argumentsAt(lexed, open);
      let start = first.start;
      while (/\s/.test(code[start])) start += 1;
      if (literals.has(start)) {
        const positional = rest.map((arg) => code.slice(arg.start, arg.end).trim());
        texts.push({ text: literals.get(start).value, positional, format: true });
      }
      i = closingParen(lexed, open);
    } else if (literals.has(i)) {
      texts.push({ text: literals.get(i).value, positional: [], format: false });
      i = literals.get(i).end - 1;
    }
  }
  return texts;
}

// The offset of the ')' that closes the '(' at `open`.
function closingParen(lexed, open) {
  const args = argumentsAt(lexed, open);
  let i = args.length ? args[args.length - 1].end : open + 1;
  while (lexed.code[i] !== ')') i += 1;
  return i;
}

// String constants (`const NAME: &str = "…";`) of a file, by name.
function stringConstants(text) {
  const found = new Map();
  for (const m of text.matchAll(/const ([A-Z_][A-Z0-9_]*): &(?:'static )?str = "((?:[^"\\]|\\.)*)";/g)) {
    found.set(m[1], unescape(m[2]));
  }
  return found;
}

// Numeric constants of the whole core (`const MAX_UNITS: usize = 256;`), by name, for the doc.
function numericConstants(files) {
  const found = new Map();
  for (const { text } of files) {
    for (const m of text.matchAll(/const ([A-Z_][A-Z0-9_]*): (?:usize|u32|u64|f64) = ([^;]+);/g)) {
      found.set(m[1], m[2].trim());
    }
  }
  return found;
}

// The 1-based line of an offset.
function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (text[i] === '\n') line += 1;
  return line;
}

// Every Rust source file of the core: { path, text, lexed }.
export function readSources(root = ROOT) {
  return rustFiles('src').map((path) => {
    const text = readFileSync(join(root, path), 'utf8');
    return { path, text, lexed: lex(text) };
  });
}

// Every message the core builds at a call of CALLS: { family, text, positional, format, path,
// line, args } (args: each argument's source, for the doc).
export function rustMessages(sources = readSources()) {
  const found = [];
  for (const { path, text, lexed } of sources) {
    const constants = stringConstants(text);
    for (const { call, arg, family, files, format = false } of CALLS) {
      if (files && !files.includes(path)) continue;
      let at = lexed.code.indexOf(call);
      while (at !== -1) {
        // A call named by a word must not be the end of a longer name (`Err(` in `to_js_err(`).
        const before = lexed.code[at - 1] ?? ' ';
        if (!(/^\w/.test(call) && /\w/.test(before))) {
          const open = at + call.length - 1;
          const args = argumentsAt(lexed, open);
          const sourceOf = (span) => lexed.code.slice(span.start, span.end).trim().replace(/\s+/g, ' ');
          const written = args[arg] ? argumentTexts(lexed, args[arg], constants) : [];
          for (const one of written) {
            // The arguments after a format string are what its {} stand for (write!(f, "{} at …", …)).
            const positional = format ? args.slice(arg + 1).map(sourceOf) : one.positional;
            found.push({ family, call, ...one, format: format || one.format, positional, path, line: lineOf(text, at), args: args.map(sourceOf) });
          }
        }
        at = lexed.code.indexOf(call, at + call.length);
      }
    }
  }
  return found;
}

// Every string literal of the core: { text, path, line }.
export function rustLiterals(sources = readSources()) {
  return sources.flatMap(({ path, text, lexed }) =>
    [...lexed.literals].map(([start, { value }]) => ({ text: value, path, line: lineOf(text, start) })));
}

// A message as a pattern: each {name} matches any text; `fixed` counts the characters it fixes.
export function patternOf(message) {
  const seen = new Set();
  let fixed = 0;
  const source = message.split(/\{(\w+)\}/).map((part, i) => {
    if (i % 2 === 0) {
      fixed += part.length;
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    if (seen.has(part)) return `\\k<${part}>`;
    seen.add(part);
    return `(?<${part}>.+?)`;
  }).join('');
  return { regex: new RegExp(`^${source}$`, 's'), fixed };
}

// Whether a core message is a value the core merely quotes ("softmax"), which needs no words.
export function isQuotedValue(text) {
  return /^"[^"]*"$/.test(text) || /^\{\w*\}$/.test(text);
}

// The key of `table` in `family` whose English matches `text` most closely, or null.
export function bestKey(text, table, family) {
  let best = null;
  for (const [key, english] of Object.entries(table)) {
    if (!inFamily(key, family)) continue;
    const { regex, fixed } = patternOf(english);
    const match = regex.exec(text);
    if (match && (!best || fixed > best.fixed)) best = { key, fixed, groups: match.groups ?? {}, match };
  }
  return best;
}

// What each {placeholder} of the key stands for at a call site: the Rust expression or the
// literal text there, e.g. "lo = 1, hi = MAX_INPUTS (1024)".
function valuesAt(message, best, numbers) {
  const names = Object.keys(best.groups);
  if (names.length === 0) return '';
  // The Rust placeholders of a format! string, with the expression each stands for.
  const slots = [];
  if (message.format) {
    let next = 0;
    for (const m of message.text.matchAll(/\{\{|\}\}|\{([^{}]*)\}/g)) {
      if (m[0] === '{{' || m[0] === '}}') continue;
      const name = m[1].split(':')[0];
      const expression = name === '' ? message.positional[next++] : name;
      slots.push({ start: m.index, end: m.index + m[0].length, expression });
    }
  }
  const withValue = (expression) => {
    const value = numbers.get(expression);
    return value && value !== expression ? `${expression} (${value})` : expression;
  };
  return names.map((name) => {
    const text = best.groups[name];
    const start = best.match.indices ? best.match.indices.groups[name][0] : message.text.indexOf(text);
    const end = start + text.length;
    const inside = slots.filter((s) => s.start >= start && s.end <= end);
    if (inside.length === 1 && inside[0].start === start && inside[0].end === end) {
      return `${name} = ${withValue(inside[0].expression)}`;
    }
    let shown = text;
    for (const slot of inside.reverse()) {
      shown = shown.slice(0, slot.start - start) + `{${slot.expression}}` + shown.slice(slot.end - start);
    }
    return `${name} = ${shown}`;
  }).join(', ');
}

// A Markdown table cell: pipes escaped, code in backticks.
const cell = (text) => text.replace(/\|/g, '\\|');
const code = (text) => {
  if (text === '') return '';
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
};

// The doc's text: for each core.* key, its English, its Chinese, where the core builds it and
// what its placeholders stand for there.
export function coreErrorsDoc(en, zh, sources = readSources()) {
  const messages = rustMessages(sources);
  const literals = rustLiterals(sources);
  const numbers = numericConstants(sources);
  const sites = new Map();
  for (const message of messages) {
    const withIndices = (best) => best && { ...best, match: patternOfIndices(en[best.key]).exec(message.text) };
    const best = withIndices(bestKey(message.text, en, message.family));
    if (!best) continue;
    const values = valuesAt(message, best, numbers);
    let where = `${message.path}:${message.line}`;
    if (message.family === 'expected') where += ` (field ${code(message.args[0])}, got ${code(message.args[2] ?? '')})`;
    if (message.family === 'csv' && message.call !== 'Err(' && message.args.length === 3) {
      where += ` (line ${code(message.args[0])}, column ${code(message.args[1])})`;
    }
    const list = sites.get(best.key) ?? [];
    list.push({ path: message.path, line: message.line, text: values ? `${where}: ${values}` : where });
    sites.set(best.key, list);
  }
  const byPlace = (a, b) => a.path.localeCompare(b.path) || a.line - b.line;
  const lines = [
    '# The core\'s error messages, in English and Chinese',
    '',
    'Every message the Rust core can put in an error, with the key that words it in the page\'s',
    'message tables (`www/messages/en.js`, `www/messages/zh.js`), so that the page can show it in',
    'either language. The core itself still builds English text (`src/core/error.rs`); this list is',
    'for whoever makes it hand the page a key and values instead. Made by',
    '`node scripts/core-errors.mjs` from the tables and `src/`; `tests/node/messages.test.mjs`',
    'fails when a message of the core has no key here, or a key no message.',
    '',
    'How the parts fit:',
    '',
    '- `Error::Invalid { field, expected, got }` is `core.invalid` with `expected` one of',
    '  `core.expected.*` and `got` the value as the core shows it (numbers as JavaScript writes',
    '  them, user text quoted) or one of `core.got.*`. `field` is the setting\'s path in the session',
    '  file (`training.learning_rate`, `network.layers[1].units`) and stays as it is, except the few',
    '  fields named in words (`core.field.*`); the page may also name a field by its own label',
    '  (`settings.lr` …).',
    '- `Error::Csv { line, column, message }` is `core.csv` with one of `core.csv.*`; the messages',
    '  of a cell that `number()` returns (src/data/csv.rs) reach `csv_error` where it is called.',
    '- `Error::Json(e)` is `core.json` around `core.json.at` with one of `core.json.*` (its column',
    '  counts bytes from 0, as serde_json\'s did).',
    '- `Error::State(message)` is `core.state` with one of `core.state.*`, except the one built from',
    '  an ndarray shape error (src/data/csv.rs), which cannot happen with the checks before it.',
    '- `Error::Chart(e)` is `core.chart` around plotters\' own text, which stays English.',
    '- `core.canvas.*` are the canvas glue\'s errors (src/web/charts.rs): the page\'s fault, not the',
    '  person\'s, and thrown as plain JavaScript errors.',
    '',
    'Values: `name = expression` is the Rust expression at that call site (a constant\'s value in',
    'brackets); `name = text` the text written there. A `{}` in Rust is the next argument of its',
    '`format!`; in the frames, the names are the fields of the `Error` variant.',
    '',
    '| key | English | 中文 | call sites and values |',
    '|---|---|---|---|',
  ];
  for (const key of Object.keys(en).filter((k) => k.startsWith('core.'))) {
    let where = (sites.get(key) ?? []).sort(byPlace).map((site) => site.text);
    if (where.length === 0) {
      const { regex } = patternOf(en[key]);
      where = literals.filter((l) => regex.test(l.text)).slice(0, 3).map((l) => `${l.path}:${l.line} (literal)`);
    }
    lines.push(`| \`${key}\` | ${cell(code(en[key]))} | ${cell(code(zh[key]))} | ${cell(where.join('<br>'))} |`);
  }
  return `${lines.join('\n')}\n`;
}

// patternOf's regex with match indices, to find where each placeholder's text sits.
function patternOfIndices(message) {
  const { regex } = patternOf(message);
  return new RegExp(regex.source, 'sd');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const en = (await import('../www/messages/en.js')).default;
  const zh = (await import('../www/messages/zh.js')).default;
  const out = join(ROOT, 'docs/core-errors.md');
  writeFileSync(out, coreErrorsDoc(en, zh));
  console.log(`wrote ${relative('.', out)}`);
}

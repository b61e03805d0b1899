// The Rust core's error messages, for docs/core-errors.md: every key of the core's message table
// (src/core/message.rs, read through the built package's Playground.coreMessages()), its English
// and Chinese from the page's tables (www/messages/), and where the code reports it (each
// `Msg::Variant` in src/). Run after `make build`:
//
//   node scripts/core-errors.mjs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The core's table from the built package: { key: English template }, in the table's order.
export async function coreTable(root = ROOT) {
  const { initSync, Playground } = await import(join(root, 'www/pkg/backprop_playground.js'));
  initSync({ module: readFileSync(join(root, 'www/pkg/backprop_playground_bg.wasm')) });
  return JSON.parse(Playground.coreMessages());
}

// The Rust variant of a key, as src/core/message.rs names it: core.csv.tooShort.one is CsvTooShortOne.
export function variantOf(key) {
  return key.slice('core.'.length).split('.').map((part) => part[0].toUpperCase() + part.slice(1)).join('');
}

// Every .rs file under dir, as paths relative to the checkout.
function rustFiles(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return rustFiles(root, path);
    return entry.name.endsWith('.rs') ? [path] : [];
  });
}

// Where each variant is named in src/ (outside the table and tests): { Variant: ['path:line', …] }.
export function uses(root = ROOT) {
  const found = {};
  for (const path of rustFiles(root, 'src')) {
    if (path.endsWith('message.rs')) continue;
    // A file's tests (its `#[cfg(test)]` module, at the end) report nothing to the page.
    readFileSync(join(root, path), 'utf8').split('#[cfg(test)]')[0].split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\bMsg::(\w+)/g)) (found[m[1]] ??= []).push(`${path}:${i + 1}`);
    });
  }
  return found;
}

// A Markdown table cell: pipes escaped, code in backticks.
const cell = (text) => text.replace(/\|/g, '\\|');
const code = (text) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

// The doc's text.
export function coreErrorsDoc(table, en, zh, where = uses()) {
  const lines = [
    '# The core\'s error messages, in English and Chinese',
    '',
    'Every message the Rust core can report. The core\'s table (`src/core/message.rs`) holds each',
    'message\'s key and its English; an error carries keys and values rather than finished text, so',
    'the page words it in its language from its message tables (`www/messages/en.js`, `zh.js`)',
    'with `coreMessage(error, table)` (`www/core-errors.js`), while the `Error` that',
    '`Playground` throws keeps the English `message` for Node users.',
    '`tests/node/messages.test.mjs` checks that both tables word every key of the core\'s table',
    'with the same placeholders, that en.js holds the same English, and that no `core.*` key is',
    'left over; `tests/messages.rs` that the code reports every message of the table. Made by',
    '`node scripts/core-errors.mjs` (after `make build`).',
    '',
    'How the parts fit (the properties of the JavaScript `Error`: `src/error_json.rs`):',
    '',
    '- Every error has `kind`, and `key` and `args`: the whole message as one phrase, whose',
    '  values are text or phrases `{key, args}` in turn. `coreMessage` words that tree.',
    '- `Error::Invalid { field, expected, got }`, kind `"invalid"`, is `core.invalid`: `expected` is',
    '  a `core.expected.*` phrase; `field` the setting\'s path in the session file',
    '  (`training.learning_rate`, `network.layers[1].units`), kept as written, or for the few',
    '  fields named in words a `core.field.*` phrase (`fieldKey`); `got` the value as the core',
    '  writes it (numbers as JavaScript writes them, user text quoted) or a `core.got.*` phrase',
    '  (`gotKey`, `gotArgs`).',
    '- `Error::Csv { line, column, detail }`, kind `"csv"`, is `core.csv` with a `core.csv.*` phrase.',
    '- `Error::Json { detail, line, column }`, kind `"json"`, is `core.json` around `core.json.at`',
    '  with a `core.json.*` message (its column counts bytes from 0, as serde_json\'s did).',
    '- `Error::State(detail)`, kind `"state"`, is `core.state` with a `core.state.*` phrase.',
    '- `Error::Chart(text)`, kind `"chart"`, is `core.chart` around plotters\' own text, which stays',
    '  English.',
    '- `core.canvas.*`, kind `"canvas"`, are the canvas glue\'s errors (`src/web/charts.rs`): the',
    '  page\'s fault, not the person\'s.',
    '',
    '| key | Rust | English | 中文 | reported at |',
    '|---|---|---|---|---|',
  ];
  for (const [key, english] of Object.entries(table)) {
    const variant = variantOf(key);
    const at = (where[variant] ?? []).join('<br>');
    lines.push(`| \`${key}\` | \`Msg::${variant}\` | ${cell(code(english))} | ${cell(code(zh[key] ?? '(missing)'))} | ${at} |`);
    if (en[key] !== english) throw new Error(`${key}: en.js has ${JSON.stringify(en[key])}, the core ${JSON.stringify(english)}`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const en = (await import('../www/messages/en.js')).default;
  const zh = (await import('../www/messages/zh.js')).default;
  const out = join(ROOT, 'docs/core-errors.md');
  writeFileSync(out, coreErrorsDoc(await coreTable(), en, zh));
  console.log(`wrote ${relative('.', out)}`);
}

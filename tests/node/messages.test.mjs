// The message tables (www/messages/): Chinese has every English key with the same placeholders,
// and is Chinese; the core.* keys are the keys of the Rust core's message table
// (src/core/message.rs, read from the built package), en.js with the core's English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../www/messages/en.js';
import zh from '../../www/messages/zh.js';
import { t, has, MESSAGES_BY_LANG } from '../../www/i18n.js';
import { coreTable, variantOf } from '../../scripts/core-errors.mjs';

// Latin words that may stand in Chinese text: names, notation, keys and literal values.
const ALLOWED = new Set([
  'tanh', 'ReLU', 'relu', 'sigmoid', 'softmax', 'identity', 'MSE', 'BCE', 'CCE', 'CSV', 'PNG',
  'JSON', 'SGD', 'BGD', 'iris', 'digits', 'Glorot', 'Xavier', 'He', 'L2', 'Shift', 'Ctrl', 'Esc',
  'Enter', 'Tab', 'RMSE', 'x1', 'x2', 'XOR', 'UCI', 'CC', 'BY', 'Fisher', 'NaN', 'EOF', 'null',
  'true', 'false', 'Forward', 'Loss', 'Backward', 'Update', 'TargetReached', 'MaxEpochs',
  'Diverged', 'J_data', 'id', 'MB',
]);

// The {placeholders} of a message, sorted.
function placeholders(text) {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

// The longest run of Latin words not in ALLOWED, next to each other as in an English sentence
// (only spaces and ASCII punctuation between them); returns the run's words.
function latinRun(text) {
  const plain = text.replace(/\{\w+\}/g, '\u3000');
  let run = [];
  let longest = [];
  let lastEnd = -1;
  for (const m of plain.matchAll(/[A-Za-z][A-Za-z0-9_']*/g)) {
    const gap = lastEnd < 0 ? '' : plain.slice(lastEnd, m.index);
    const adjacent = lastEnd >= 0 && /^[ ,.;:'"()\-/]*$/.test(gap) && / /.test(gap);
    if (!adjacent) run = [];
    if (ALLOWED.has(m[0])) run = [];
    else run.push(m[0]);
    if (run.length > longest.length) longest = [...run];
    lastEnd = m.index + m[0].length;
  }
  return longest;
}

// Every problem of the Chinese table against the English one, as readable lines.
function problems(english, chinese) {
  const found = [];
  for (const key of Object.keys(english)) {
    if (!(key in chinese)) found.push(`${key}: missing in zh`);
  }
  for (const key of Object.keys(chinese)) {
    if (!(key in english)) found.push(`${key}: in zh but not in en`);
  }
  for (const [key, text] of Object.entries(chinese)) {
    if (!(key in english)) continue;
    if (typeof text !== 'string' || text.trim() === '') {
      found.push(`${key}: empty`);
      continue;
    }
    const [want, got] = [placeholders(english[key]), placeholders(text)];
    if (want.join() !== got.join()) found.push(`${key}: placeholders {${got}} where en has {${want}}`);
    const run = latinRun(text);
    if (text === english[key] && latinRun(english[key]).length >= 3) found.push(`${key}: still English`);
    else if (run.length >= 3) found.push(`${key}: English words "${run.join(' ')}"`);
    // A Chinese sentence takes Chinese punctuation: no ASCII , ; : ! ? right after a Chinese character.
    if (/[\u4e00-\u9fff][,;:!?]/.test(text)) found.push(`${key}: ASCII punctuation after Chinese text`);
  }
  return found;
}

test('the Chinese table has exactly the English keys, each with the same placeholders, in Chinese', () => {
  assert.ok(Object.keys(en).length > 400, 'the English table is all there');
  assert.deepEqual(problems(en, zh), []);
});

test('the check finds a missing key, a lost placeholder, an empty text and an English sentence', () => {
  // Only what each change adds, so that this test stands whatever the tables hold.
  const before = new Set(problems(en, zh));
  const added = (chinese) => problems(en, chinese).filter((p) => !before.has(p));
  const { 'phase.Loss': _dropped, ...missing } = zh;
  assert.deepEqual(added(missing), ['phase.Loss: missing in zh']);
  const { 'phase.Loss': _gone, ...english } = en;
  assert.deepEqual(problems(english, zh).filter((p) => !before.has(p)), ['phase.Loss: in zh but not in en']);
  assert.deepEqual(added({ ...zh, 'phase.Forward': '前向传播' }), ['phase.Forward: placeholders {} where en has {layer}']);
  assert.deepEqual(added({ ...zh, 'app.title': ' ' }), ['app.title: empty']);
  assert.deepEqual(added({ ...zh, 'control.runToEnd': 'Run to end' }), ['control.runToEnd: still English']);
  assert.deepEqual(added({ ...zh, 'charts.log.tip': '损失 on a logarithmic axis' }),
    ['charts.log.tip: English words "on a logarithmic axis"']);
  assert.deepEqual(added({ ...zh, 'csv.task': '任务:' }), ['csv.task: ASCII punctuation after Chinese text']);
  // Names and notation may stand side by side.
  assert.deepEqual(latinRun('二元交叉熵（sigmoid 输出），MSE BCE CCE，x1, x2 → y'), ['y']);
});

test('plural forms keep their keys in Chinese, which needs no plural', () => {
  for (const key of Object.keys(en).filter((k) => k.endsWith('.one'))) {
    const base = key.slice(0, -'.one'.length);
    assert.ok(key in zh && base in zh, key);
  }
  assert.equal(zh['speed.epoch.one'], '1 轮/秒');
  assert.equal(zh['speed.epoch'].replace('{rate}', '1'), zh['speed.epoch.one']);
});

test('the page still speaks English, and the switch can reach both tables', () => {
  assert.equal(MESSAGES_BY_LANG.en, en);
  assert.equal(MESSAGES_BY_LANG.zh, zh);
  assert.equal(t('phase.Forward', { layer: 2 }), 'Forward pass, layer 2');
  assert.equal(t('no.such.key'), 'no.such.key');
  assert.ok(has('core.invalid') && !has('no.such.key'));
  assert.equal(MESSAGES_BY_LANG.zh['phase.Forward'].replace('{layer}', '2'), '前向传播，第 2 层');
});

// The core's message table, from the built package: { key: English template }.
const core = await coreTable();

test('the page\'s tables word every message of the core\'s table, en.js with its very English', () => {
  const keys = Object.keys(core);
  assert.ok(keys.length >= 140 && keys.every((key) => key.startsWith('core.')), 'the core\'s table is read');
  // Each key of the core in both tables, with the placeholders the core fills in.
  const missing = keys.filter((key) => !(key in en) || !(key in zh));
  assert.deepEqual(missing, [], 'keys of the core missing in en.js or zh.js');
  const english = keys.filter((key) => en[key] !== core[key]).map((key) => `${key}: ${JSON.stringify(en[key])}`);
  assert.deepEqual(english, [], 'en.js words these otherwise than the core');
  const unlike = keys.filter((key) => placeholders(zh[key]).join() !== placeholders(core[key]).join());
  assert.deepEqual(unlike, [], 'zh.js has other placeholders than the core for these');
});

test('no core.* key of the page\'s tables is left over from a message the core no longer has', () => {
  for (const table of [en, zh]) {
    const unused = Object.keys(table).filter((key) => key.startsWith('core.') && !(key in core));
    assert.deepEqual(unused, []);
  }
});

test('the Rust variant of each key follows from the key, as docs/core-errors.md names it', () => {
  assert.equal(variantOf('core.csv.tooShort.one'), 'CsvTooShortOne');
  assert.equal(variantOf('core.expected.wholeRange'), 'ExpectedWholeRange');
  assert.equal(core['core.expected.intRange'], 'an integer from {lo} to {hi}');
  assert.equal(t('core.expected.intRange', { lo: 1, hi: 1024 }), 'an integer from 1 to 1024');
});

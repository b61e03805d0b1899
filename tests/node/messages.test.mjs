// The message tables (www/messages/): Chinese has every English key with the same placeholders,
// and is Chinese; the core.* keys word every error message the Rust core builds (src/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../www/messages/en.js';
import zh from '../../www/messages/zh.js';
import { t, has, MESSAGES_BY_LANG } from '../../www/i18n.js';
import { rustMessages, rustLiterals, bestKey, patternOf, isQuotedValue, readSources } from '../../scripts/core-errors.mjs';

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

const sources = readSources();

test('every error message the Rust core builds has a core.* key, worded as the core words it', () => {
  const messages = rustMessages(sources);
  // About 110 call sites, and the JSON parser's messages.
  assert.ok(messages.filter((m) => m.family === 'expected').length >= 80, 'the calls of Error::invalid are found');
  assert.ok(messages.filter((m) => m.family === 'csv').length >= 15, 'the CSV messages are found');
  const unkeyed = messages
    .filter((m) => m.family !== 'field' && !(m.family === 'got' && isQuotedValue(m.text)))
    .filter((m) => !bestKey(m.text, en, m.family))
    .map((m) => `${m.path}:${m.line} (${m.family}) ${JSON.stringify(m.text)}`);
  assert.deepEqual(unkeyed, []);
});

test('every core.* key words a message the core builds', () => {
  const literals = rustLiterals(sources);
  const unused = Object.keys(en)
    .filter((key) => key.startsWith('core.'))
    .filter((key) => !literals.some((l) => patternOf(en[key]).regex.test(l.text)));
  assert.deepEqual(unused, []);
});

test('the reading of Rust finds a message that only a format! string holds, and its placeholders', () => {
  const messages = rustMessages(sources);
  const site = messages.find((m) => m.family === 'expected' && m.text === 'an integer from 1 to {MAX_INPUTS}');
  assert.ok(site, 'network.rs: the number of inputs');
  assert.equal(bestKey(site.text, en, 'expected').key, 'core.expected.intRange');
  assert.equal(bestKey('a whole number from 3 to 5', en, 'expected').groups.hi, '5');
  assert.equal(bestKey('a new phrase nobody keyed', en, 'expected'), null);
  assert.equal(t('core.expected.intRange', { lo: 1, hi: 1024 }), 'an integer from 1 to 1024');
  assert.equal(zh['core.invalid'].replace('{field}', 'network.inputs')
    .replace('{expected}', zh['core.expected.intRange'].replace('{lo}', '1').replace('{hi}', '1024'))
    .replace('{got}', '0'), 'network.inputs 应为1 到 1024 之间的整数，实际为 0');
});

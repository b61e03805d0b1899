// The conditions of a lesson's tasks (www/tasks.js): each kind holds exactly when the core's
// numbers, the settings and the data say so, and not before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holds, checkCondition } from '../../www/tasks.js';

// Facts as the page gathers them, with `over` replacing parts.
function facts(over = {}) {
  const history = over.history ?? { train_loss: [], test_loss: [], train_accuracy: [], test_accuracy: [] };
  return {
    trace: { status: 'Running', phase: 'Forward(1)', loss: null, epochs_done: 0, batch_size: 10, ...over.trace },
    history: () => history,
    session: {
      loss: 'bce',
      training: { learning_rate: 0.3, batch_size: 10, l2: 0 },
      network: { layers: [{ units: 4 }, { units: 2 }, { units: 1 }] },
      ...over.session,
    },
    source: over.source ?? { kind: 'session', preset: 'circle' },
    summary: over.summary ?? { standardized: null },
    trainRows: over.trainRows ?? 100,
  };
}

const NAMES = { data: ['circle', 'spiral', 'worked-example'] };
// `condition`, checked first as a lesson file's would be, then decided.
const decide = (condition, f) => holds(checkCondition(condition, 'goal', NAMES), f);

test('the spiral task holds only with the spiral, at most 3 hidden layers and 90 % on the test split', () => {
  const goal = { all: [{ data: 'spiral' }, { hidden_layers: { at_most: 3 } }, { test_accuracy: { at_least: 0.9 } }] };
  const spiral = { kind: 'generated', name: 'spiral' };
  const reached = { test_accuracy: [0.5, 0.85, 0.9] };
  assert.equal(decide(goal, facts({ source: spiral, history: reached })), true);
  assert.equal(decide(goal, facts({ source: spiral })), false, 'no epoch finished yet');
  assert.equal(decide(goal, facts({ source: spiral, history: { test_accuracy: [0.9, 0.875] } })), false, 'the last epoch is what counts');
  assert.equal(decide(goal, facts({ history: reached })), false, 'the circle');
  const deep = { network: { layers: [{ units: 8 }, { units: 8 }, { units: 8 }, { units: 8 }, { units: 1 }] } };
  assert.equal(decide(goal, facts({ source: spiral, history: reached, session: deep })), false, 'four hidden layers');
});

test('status, the next phase, the batch loss and the epochs read the trace', () => {
  assert.equal(decide({ status: 'Diverged' }, facts({ trace: { status: 'Diverged' } })), true);
  assert.equal(decide({ status: 'Diverged' }, facts()), false);
  assert.equal(decide({ next_phase: 'Loss' }, facts({ trace: { phase: 'Loss' } })), true);
  assert.equal(decide({ batch_loss: { below: 1 } }, facts()), false, 'no J before the Loss phase');
  assert.equal(decide({ batch_loss: { below: 1 } }, facts({ trace: { loss: 0.5 } })), true);
  assert.equal(decide({ batch_loss: { below: 1 } }, facts({ trace: { loss: 'NaN' } })), false, 'NaN compares as nothing');
  assert.equal(decide({ epochs: { at_least: 1000 } }, facts({ trace: { epochs_done: 999 } })), false);
  assert.equal(decide({ epochs: { at_least: 1000 } }, facts({ trace: { epochs_done: 1000 } })), true);
});

test('the kind of gradient descent follows the batch size and the training rows', () => {
  assert.equal(decide({ method: 'mini' }, facts()), true);
  assert.equal(decide({ method: 'sgd' }, facts({ session: { training: { batch_size: 1 } } })), true);
  assert.equal(decide({ method: 'full' }, facts({ session: { training: { batch_size: 'all' } } })), true);
  assert.equal(decide({ method: 'full' }, facts({ session: { training: { batch_size: 100 } } })), true, '100 of 100 rows');
  assert.equal(decide({ method: 'full' }, facts()), false);
});

test('comparisons: each bound must hold; not, any and all combine', () => {
  const lr = (learning_rate) => facts({ session: { training: { learning_rate } } });
  assert.equal(decide({ learning_rate: { above: 0.2, at_most: 1 } }, lr(0.5)), true);
  assert.equal(decide({ learning_rate: { above: 0.2, at_most: 1 } }, lr(0.2)), false);
  assert.equal(decide({ learning_rate: { equals: 0.1 } }, lr(0.1)), true);
  assert.equal(decide({ not: { learning_rate: { equals: 0.1 } } }, lr(0.1)), false);
  assert.equal(decide({ any: [{ loss: 'mse' }, { loss: 'bce' }] }, facts()), true);
  assert.equal(decide({ all: [{ loss: 'mse' }, { loss: 'bce' }] }, facts()), false);
  assert.equal(decide({ standardized: true }, facts({ summary: { standardized: true } })), true);
  assert.equal(decide({ standardized: false }, facts()), false, 'a session’s data is neither');
  assert.equal(decide({ data: 'worked-example' }, facts({ source: { kind: 'session', preset: 'worked-example' } })), true);
  assert.equal(decide({ hidden_units: { equals: 6 } }, facts()), true);
});

test('the history is read only when a condition needs it', () => {
  let reads = 0;
  const f = facts();
  f.history = () => { reads += 1; return { test_accuracy: [1] }; };
  decide({ all: [{ status: 'Running' }, { epochs: { at_least: 0 } }] }, f);
  assert.equal(reads, 0);
  decide({ test_accuracy: { at_least: 0.5 } }, f);
  assert.equal(reads, 1);
});

// Autosave's pace while playing (www/save-pace.js): a cheap save once a second, a costly one so
// seldom that saves hold the page a twentieth of the time at most, and one too long not at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { playingGap, savesWhilePlaying, PLAYING_GAP_MS, PLAYING_COST_SHARE, PLAYING_SAVE_MAX_MS } from '../../www/save-pace.js';

test('a cheap save waits the least gap, a costly one long enough to take a twentieth of the time', () => {
  assert.equal(PLAYING_GAP_MS, 1000);
  assert.equal(playingGap(400, 3), 1000);
  assert.equal(playingGap(0, 0), 1000);
  // A save of 250 ms (the digits preset on a slow laptop): one every 5 s.
  assert.equal(playingGap(400, 250), 250 * PLAYING_COST_SHARE);
  assert.equal(playingGap(400, 250), 5000);
  // The share of the time held stays at or under 1/20 for any cost.
  for (const cost of [1, 10, 49, 50, 51, 200, 1000, 4000]) {
    const gap = playingGap(0, cost);
    assert.ok(cost / gap <= 1 / PLAYING_COST_SHARE + 1e-12, `cost ${cost} gap ${gap}`);
  }
  // A caller's longer gap wins; no cost measured yet (NaN, negative) counts as none.
  assert.equal(playingGap(7000, 10), 7000);
  assert.equal(playingGap(0, Number.NaN), 1000);
  assert.equal(playingGap(0, -5), 1000);
});

test('a save longer than a few frames is not made while playing; no cost measured yet counts as a short one', () => {
  assert.equal(PLAYING_SAVE_MAX_MS, 50);
  for (const cost of [0, 3, 49.9, 50]) assert.equal(savesWhilePlaying(cost), true, `cost ${cost}`);
  for (const cost of [50.1, 250, 630, Infinity]) assert.equal(savesWhilePlaying(cost), false, `cost ${cost}`);
  assert.equal(savesWhilePlaying(Number.NaN), true);
  assert.equal(savesWhilePlaying(undefined), true);
});

// How often autosave keeps the page while it plays. A save copies the whole page state (a
// snapshot, then the storage's copy of it), which takes the page's main thread for as long as the
// state is big: a few ms for the circle preset, and on a laptop 4× slower than this machine
// about a second for the digits preset, whose session file carries its 1,797 rows (4 MB of text).
// Saved once a second, that preset played at 2.9 fps; saved as below, at 7.7 (benches/slow-laptop.mjs).

// While playing, the shortest time between saves (ms).
export const PLAYING_GAP_MS = 1000;
// While playing, saves hold the page for at most about 1/PLAYING_COST_SHARE of the time.
export const PLAYING_COST_SHARE = 20;

// The time to wait between saves while playing: at least `gap` and PLAYING_GAP_MS, and long
// enough that saves taking `costMs` (the last one's) hold the page 1/PLAYING_COST_SHARE of the
// time at most.
export function playingGap(gap, costMs) {
  const cost = Number.isFinite(costMs) && costMs > 0 ? costMs : 0;
  return Math.max(gap, PLAYING_GAP_MS, cost * PLAYING_COST_SHARE);
}

// While playing, a save that took longer than this (ms) waits until the page is still instead:
// a save holds the page in one piece, and the history it writes grows with every epoch played
// (the circle preset after 25,000 epochs: 11 MB, over half a second a save on a slow laptop), so
// that the class would see the play stop for that long every few seconds.
export const PLAYING_SAVE_MAX_MS = 50;

// Whether a save that took `costMs` (the last one's) is made while playing.
export function savesWhilePlaying(costMs) {
  return !(costMs > PLAYING_SAVE_MAX_MS);
}

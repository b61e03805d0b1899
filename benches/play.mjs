// What the page benchmarks share: a quantile of timings, and playing the page at its fastest
// speed as a person would (the Play button) while watching its frames.

// The value at fraction `q` of the sorted `values`.
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

// In the page (page.evaluate(playFastest, seconds)): play at the fastest speed for `seconds`,
// recording every frame's time; the frames' times, epochs done, ms, the phase it ended on and
// whether a worker was training at the end (www/background.js).
export function playFastest(seconds) {
  return new Promise((done) => {
    const epochs = () => JSON.parse(window.playground.trace()).epochs_done;
    const speed = document.getElementById('speed');
    speed.value = speed.max;
    speed.dispatchEvent(new Event('input'));
    const frames = [];
    const first = epochs();
    let last = null;
    let start = null;
    const tick = (now) => {
      if (last !== null) frames.push(now - last);
      else start = now;
      last = now;
      if (now - start < seconds * 1000) {
        requestAnimationFrame(tick);
        return;
      }
      const worker = document.documentElement.dataset.training === 'worker';
      document.getElementById('play').click();
      done({ frames, epochs: epochs() - first, ms: now - start, phase: window.playground.phase(), worker });
    };
    // The page's loop is started by the button, as a person starts it; ours only watches.
    document.getElementById('play').click();
    requestAnimationFrame(tick);
  });
}

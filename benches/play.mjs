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

// In the page (page.evaluate(timeNextPhase, count)): click "Next phase" `count` times, each just
// after a frame; per click the time to the start of the next frame (the click's own work and the
// layout it forces), to the end of that frame's work on the page's thread (its
// requestAnimationFrame, then a message posted from there, which arrives after style, layout,
// paint and commit), and the phase the click performed.
export function timeNextPhase(count) {
  const button = document.getElementById('step-phase');
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  return (async () => {
    const times = [];
    for (let i = 0; i < count; i += 1) {
      await frame();
      await new Promise((done) => setTimeout(done, 0));
      const start = performance.now();
      let frameStart = 0;
      const painted = new Promise((done) => requestAnimationFrame(() => {
        frameStart = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(0);
      }));
      button.click();
      const end = await painted;
      times.push({ toFrame: frameStart - start, painted: end - start, phase: document.getElementById('equations-view').dataset.phase });
    }
    return times;
  })();
}

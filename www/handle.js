// The page's one Playground handle. Every module keeps this handle rather than a Playground, so
// that opening a session file (which makes a new Playground) needs no module to be wired again.

const live = { current: null };

// Forwards every property to the current Playground; methods are bound to it, as wasm-bindgen's
// methods read their wasm pointer from `this`.
export const playground = new Proxy({}, {
  get(_, key) {
    const value = live.current?.[key];
    return typeof value === 'function' ? value.bind(live.current) : value;
  },
});

// Put `next` behind the handle and free the Playground it replaces (its wasm memory).
export function usePlayground(next) {
  const previous = live.current;
  live.current = next;
  if (previous && previous !== next) previous.free();
  return playground;
}

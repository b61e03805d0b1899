// The session's settings as last read from the core. toSession() copies the whole data set and
// history, too much to read on every frame, so it is read again only after the settings change.
import { wholeIn } from './numbers.js';

export const config = {
  // The parsed session file (without its history, its training.seed as digits), or null before the first read.
  session: null,
  // Rows in the training set.
  trainRows: 0,
};

// Read the settings from `playground` again; call after boot and after every configure().
export function refreshConfig(playground) {
  const text = playground.toSession();
  const session = JSON.parse(text);
  // The seed as its digits (a string): JSON.parse rounds a 64-bit seed above 2^53.
  session.training.seed = wholeIn(text, 'training', 'seed') ?? String(session.training.seed);
  delete session.history;
  config.session = session;
  config.trainRows = session.data.train.x.length;
  return config;
}

// Whether training has a stopping rule (a maximum number of epochs or a target loss).
export function hasStoppingRule() {
  const training = config.session?.training ?? {};
  return training.max_epochs != null || training.target_loss != null;
}

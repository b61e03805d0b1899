// The session's settings as last read from the core. toSession() copies the whole data set and
// history, too much to read on every frame, so it is read again only after the settings change.

export const config = {
  // The parsed session file (without its history), or null before the first read.
  session: null,
  // Rows in the training set.
  trainRows: 0,
};

// Read the settings from `playground` again; call after boot and after every configure().
export function refreshConfig(playground) {
  const session = JSON.parse(playground.toSession());
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

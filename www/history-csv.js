// The loss and accuracy history as a CSV file: one row per epoch kept (every completed epoch, or
// evenly spaced ones of a long run, whose history the core thins), the training and test
// loss, and the accuracy (classification) or the RMSE (regression), as the core measured them.
// Column names are fixed identifiers, the same in every language, for spreadsheets and scripts.
// No DOM, so Node can test it.

// The CSV text of `history` (the core's history(), parsed).
export function historyCsv(history) {
  // The core measures one of the two for every epoch, and writes null for the other.
  const measured = (list) => list.some((x) => x !== null && x !== undefined);
  const regression = measured(history.train_rmse) && !measured(history.train_accuracy);
  const [train, test] = regression ? ['train_rmse', 'test_rmse'] : ['train_accuracy', 'test_accuracy'];
  const lines = [['epoch', 'train_loss', 'test_loss', train, test].join(',')];
  history.train_loss.forEach((loss, e) => {
    // A thinned history numbers its entries (`epoch`, from 1); a whole one is 1, 2, 3, ….
    const epoch = history.epoch?.[e] ?? e + 1;
    lines.push([epoch, loss, history.test_loss[e], history[train][e], history[test][e]].map(cell).join(','));
  });
  return `${lines.join('\n')}\n`;
}

// A number as a CSV cell: every digit (the shortest text that reads back as the same double), or
// empty when there is none (no test set, or no accuracy for this loss).
function cell(x) {
  return x === null || x === undefined ? '' : String(x);
}

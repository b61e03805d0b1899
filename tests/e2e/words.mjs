// The check that a Chinese page shows no English words, shared by the browser tests.

// Latin words a Chinese page may show: notation, names people know in Latin letters, units, key
// names, and the credits of the shipped data sets.
const NAMES = new Set([
  'tanh', 'ReLU', 'relu', 'sigmoid', 'softmax', 'MSE', 'BCE', 'CCE', 'CSV', 'PNG', 'JSON', 'json', 'SGD', 'BGD', 'iris',
  'Glorot', 'Xavier', 'He', 'L2', 'RMSE', 'XOR', 'sin', 'ln', 'exp', 'max', 'English', 'Language', 'Shift', 'Ctrl', 'Esc',
  'Enter', 'Tab', 'MB', 'Fisher', 'UCI', 'CC', 'BY', 'J_data', 'XW', 'Markdown', 'LaTeX',
]);

// The Latin words of the page's text, titles and accessible names that are neither notation (one
// letter, or a letter and digits such as x1) nor a name above nor the data's own column names.
export async function foreignWords(page) {
  const text = await page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[title], [aria-label]')) {
      parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '');
    }
    return parts.join('\n');
  });
  const columns = await page.evaluate(() => {
    const summary = JSON.parse(window.playground.dataSummary());
    return [...summary.inputs, summary.target ?? ''];
  });
  const words = text.match(/[A-Za-z][A-Za-z0-9_'’]*/g) ?? [];
  return [...new Set(words.filter((w) => !/^[A-Za-z][0-9]*$/.test(w) && !NAMES.has(w) && !columns.includes(w)))];
}

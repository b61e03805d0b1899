// The network diagram from the keyboard: its units take the focus with Tab, and the arrow keys
// move along the drawing, from a unit to its weights and from a weight to its units. The edges are
// pixels on a canvas (network-edges.js), so a weight the keyboard reaches gets a focusable line
// over its edge, made when first reached and kept while the diagram is.
const SVG = 'http://www.w3.org/2000/svg';

// The focusable line of `edge` in `diagram` (its weight: data-kind "weight").
function weightKey(diagram, edge) {
  const id = `${edge.l},${edge.i},${edge.j}`;
  let line = diagram.weightKeys.get(id);
  if (!line) {
    line = document.createElementNS(SVG, 'line');
    const attributes = {
      class: 'weight-key', x1: edge.x1, y1: edge.y1, x2: edge.x2, y2: edge.y2, tabindex: -1, role: 'button',
      'data-kind': 'weight', 'data-layer': edge.l, 'data-i': edge.i, 'data-j': edge.j,
    };
    for (const [key, value] of Object.entries(attributes)) line.setAttribute(key, String(value));
    diagram.keyLayer.append(line);
    diagram.weightKeys.set(id, line);
  }
  return line;
}

// The unit j of layer l on show, or null (an input, or a unit an ellipsis leaves out).
function unitOf(diagram, l, j) {
  return diagram.units.find((unit) => unit.l === l && unit.j === j)?.circle ?? null;
}

// The element one step from `el` (a unit or a weight) in the direction of `event`'s arrow key:
// undefined for a key that is not the diagram's, null for an arrow that leads nowhere.
//   on a unit:   ↑ ↓ the units of its layer; ← a weight into it; → a weight out of it
//   on a weight: ↑ ↓ the weights into the same unit; ← the unit it comes from; → the unit it enters
export function moveFocus(diagram, el, event) {
  if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const key = event.key;
  if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Escape'].includes(key)) return undefined;
  const kind = el.dataset.kind;
  if (kind !== 'bias' && kind !== 'weight') return undefined;
  const l = Number(el.dataset.layer);
  const j = Number(el.dataset.j);
  const step = key === 'ArrowUp' ? -1 : 1;
  if (kind === 'bias') {
    if (key === 'Escape') return undefined;
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      const column = diagram.units.filter((unit) => unit.l === l);
      const at = column.findIndex((unit) => unit.j === j);
      return column[at + step]?.circle ?? null;
    }
    const edge = key === 'ArrowLeft'
      ? diagram.edges.find((e) => e.l === l && e.j === j)
      : diagram.edges.find((e) => e.l === l + 1 && e.i === j);
    return edge ? weightKey(diagram, edge) : null;
  }
  const i = Number(el.dataset.i);
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const into = diagram.edges.filter((e) => e.l === l && e.j === j);
    const at = into.findIndex((e) => e.i === i);
    const edge = into[at + step];
    return edge ? weightKey(diagram, edge) : null;
  }
  if (key === 'ArrowLeft') return l > 0 ? unitOf(diagram, l - 1, i) : null;
  return unitOf(diagram, l, j);
}

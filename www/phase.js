// The core's phase names read as data: which step a name means and which layer it works on;
// and the name of an activation as the page shows it.
import { t, has } from './i18n.js';

// "Forward(2)" → { name: 'Forward', layer: 1 } (layer 0-based, null for phases without one).
export function parsePhase(phase) {
  const match = /^(\w+)(?:\((\d+)\))?$/.exec(phase ?? '');
  if (!match) return { name: null, layer: null };
  return { name: match[1], layer: match[2] === undefined ? null : Number(match[2]) - 1 };
}

// The 0-based layer a phase works on: its own for Forward/Backward, the output layer for Loss.
export function phaseLayer(phase, depth) {
  const { name, layer } = parsePhase(phase);
  if (name === 'Loss') return depth - 1;
  return layer;
}

// An activation's name from the message table ("ReLU"), or the core's own name ("relu").
export function activationName(name) {
  return has(`activation.${name}`) ? t(`activation.${name}`) : name;
}

// The training loop panel, wired in one call: the buttons, the player, the keyboard, the flowchart,
// the settings, the preset picker and the errata note. main.js calls wireLoop once at boot.
import { refreshConfig } from './config.js';
import { wireControls } from './controls.js';
import { wirePlayer } from './player.js';
import { wireKeyboard } from './keyboard.js';
import { wireSettings } from './settings.js';
import { wirePresets, showPreset } from './presets.js';
import { onNewData } from './dataset.js';
import { wireFlowchart } from './views/flowchart.js';
import { renderErrata } from './views/errata.js';

// Wire everything to `playground`, loaded from `preset`; `presets` lists every preset's name.
export function wireLoop(playground, redraw, { preset, presets }) {
  refreshConfig(playground);
  wirePlayer(playground, redraw);
  const actions = wireControls(playground, redraw);
  wireKeyboard(actions);
  wireFlowchart(actions);
  wireSettings(playground, redraw);
  wirePresets(preset, presets);
  renderErrata(preset);
  // New data or an opened session file: the page no longer shows the preset, nor its errata.
  onNewData(() => {
    showPreset(null);
    renderErrata(null);
  });
  return actions;
}

// The training loop panel, wired in one call: the buttons, the player, the keyboard, the flowchart,
// the settings and the preset picker. main.js calls wireLoop once at boot.
import { refreshConfig } from './config.js';
import { wireControls } from './controls.js';
import { wirePlayer } from './player.js';
import { wireKeyboard } from './keyboard.js';
import { wireSettings } from './settings.js';
import { wirePresets } from './presets.js';
import { wireFlowchart } from './views/flowchart.js';

// Wire everything to `playground`, loaded from `preset`; `presets` lists every preset's name.
export function wireLoop(playground, { preset, presets }) {
  refreshConfig(playground);
  wirePlayer(playground);
  const actions = wireControls(playground);
  wireKeyboard(actions);
  wireFlowchart(actions);
  wireSettings(playground);
  wirePresets(preset, presets);
  return actions;
}

//! Neuron maps: each hidden unit's A over the plane as a small image, for the network diagram's
//! thumbnails and, one at a time, the boundary view. `field::Renderer` computes the values.

use super::colour::{Rgb, Scale};
use crate::activation::Activation;
use crate::network::Network;

/// One map of `NeuronMaps`: which unit it shows and the scale its colours follow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapInfo {
    /// Layer index, 0-based (layer l + 1 in the notation).
    pub layer: usize,
    pub unit: usize,
    pub scale: Scale,
}

/// Every hidden unit's A over the plane, as size × size RGBA maps one after another.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NeuronMaps {
    pub size: usize,
    /// The maps in order: the first hidden layer's units, then the next layer's.
    pub maps: Vec<MapInfo>,
    pub rgba: Vec<u8>,
}

impl NeuronMaps {
    /// Empty maps of the given side.
    pub fn new(size: usize) -> NeuronMaps {
        NeuronMaps { size, ..NeuronMaps::default() }
    }

    /// The RGBA bytes of map k.
    pub fn map(&self, k: usize) -> &[u8] {
        let n = self.size * self.size * 4;
        &self.rgba[k * n..(k + 1) * n]
    }

    /// The colour of pixel (col, row) of map k.
    pub fn rgb(&self, k: usize, col: usize, row: usize) -> Rgb {
        let i = (row * self.size + col) * 4;
        let m = self.map(k);
        [m[i], m[i + 1], m[i + 2]]
    }
}

/// The scale of a unit's map: its activation's range, or ± the largest |A| on the map for the
/// unbounded ones (identity, ReLU), so that 0 is the middle colour in every map.
fn unit_scale(activation: Activation, values: &[f32]) -> Scale {
    match activation {
        Activation::Tanh => Scale::new(-1.0, 1.0),
        Activation::Sigmoid | Activation::Softmax => Scale::new(0.0, 1.0),
        Activation::Identity | Activation::Relu => {
            let m = values.iter().fold(0.0_f64, |m, &v| m.max(f64::from(v).abs()));
            if m > 0.0 && m.is_finite() {
                Scale::new(-m, m)
            } else {
                Scale::new(-1.0, 1.0)
            }
        }
    }
}

impl NeuronMaps {
    /// Colours the maps of `layers` layers (or only the unit `only`) from their A values, `n`
    /// pixels per map, map after map as the renderer kept them.
    pub(crate) fn colour(
        &mut self,
        net: &Network,
        layers: usize,
        only: Option<(usize, usize)>,
        values: &[f32],
        n: usize,
    ) {
        self.maps.clear();
        for (l, layer) in net.layers[..layers].iter().enumerate() {
            for j in 0..layer.units() {
                if only.is_none_or(|o| o == (l, j)) {
                    self.maps.push(MapInfo { layer: l, unit: j, scale: Scale::new(0.0, 1.0) });
                }
            }
        }
        self.rgba.resize(self.maps.len() * n * 4, 255);
        for (k, info) in self.maps.iter_mut().enumerate() {
            let values = &values[k * n..(k + 1) * n];
            info.scale = unit_scale(net.layers[info.layer].activation, values);
            let encoder = info.scale.encoder();
            for (px, &v) in self.rgba[k * n * 4..(k + 1) * n * 4].chunks_exact_mut(4).zip(values) {
                let c = encoder.rgb(f64::from(v));
                px.copy_from_slice(&[c[0], c[1], c[2], 255]);
            }
        }
    }
}

//! Data for the playground: generated toy sets (seeded) and their train/test split.

pub mod generate;
pub mod split;

pub use generate::{circle, Generator};
pub use split::split;

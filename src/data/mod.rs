//! Data for the playground: generated toy sets (seeded), CSV files, and their train/test split.

pub mod csv;
pub mod generate;
pub mod split;
pub mod standardize;
pub mod table;

pub use generate::{circle, Generator};
pub use split::split;
pub use standardize::{ColumnStats, Standardizer};
pub use table::{CsvFormat, Table};

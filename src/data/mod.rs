//! Data for the playground: generated toy sets (seeded), CSV files, their preparation for
//! training (target, task, split, standardisation), and the network shape that fits them.

pub mod csv;
pub mod generate;
pub mod load;
pub mod prepare;
pub mod shape;
pub mod split;
pub mod standardize;
pub mod summary;
pub mod table;

pub use generate::{circle, Generator};
pub use load::{load_csv, load_generated, LoadOptions};
pub use prepare::{generated, prepare, Options, Output, Prepared, Target, Task, TaskChoice};
pub use shape::retarget;
pub use split::split;
pub use standardize::{ColumnStats, Standardizer};
pub use table::{CsvFormat, Table};

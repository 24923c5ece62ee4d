//! Figures: every quantity of a report with its label, matched across editions.
//!
//! Three steps, each in its own module:
//! - [`extract`] reads one outlined report and returns its [`Figure`]s in reading order:
//!   the number as a value in base units, what it measures (the label), its role (level,
//!   growth, target, share, rank, count) and qualifier (`左右`, `以上`, `超`…).
//! - [`match_figures`] pairs the figures of two editions by label, unit, role and aligned
//!   section, and says which moved.
//! - [`promises`] checks the targets edition N set for year N against what edition N+1
//!   reports for that year.
//!
//! The rules are written for users in `docs/figures.md`.

mod english;
mod extract;
mod matching;
pub mod number;
mod promise;
mod span;
mod table;

pub use extract::extract;
pub use matching::{match_figures, match_same};
pub(crate) use promise::is_goal;
pub use promise::promises;

//! HTML output: one self-contained page for a comparison or a trend.
//!
//! Self-contained means the file works offline and alone: the style sheet is inline, charts are
//! inline SVG drawn here (no chart library, no external script, font or image), and the only
//! script is a few lines that unfold the data tables before printing. Every piece of report
//! text goes through [`page::escape`], in content and in attributes.
//!
//! A comparison opens with the briefing (counts and the most important changes), then charts
//! (last year's targets against this year's outcomes, figures old against new), the figures and
//! initiatives, and both editions side by side, section pair by section pair, with the inline
//! word marks; every pair has an anchor (`s-0`, `s-1`, …) that the contents list links to. A
//! trend opens with its briefing, then one chart per followed target (target against outcome per
//! year, the gap of a missing edition shaded), the tables year by year, initiatives and parts.
//! Every chart is followed by a `<table>` holding its numbers.
//!
//! The print style sheet drops the sticky contents column and fixed heights, and keeps rows,
//! charts and cards from breaking across pages, so "print to PDF" gives a readable report.

mod chart;
mod diff;
mod page;
mod trend;

use std::io::{self, Write};

use super::Parts;
use crate::model::{Comparison, Trend};

pub use diff::pair_id;
pub use page::escape;

/// Writes a comparison as one page; `parts` leaves parts out as for the other formats.
pub fn write_comparison<W: Write>(out: &mut W, c: &Comparison, parts: Parts) -> io::Result<()> {
    diff::write(out, c, parts)
}

/// Writes a trend as one page.
pub fn write_trend<W: Write>(out: &mut W, t: &Trend) -> io::Result<()> {
    trend::write(out, t)
}

//! Terminal tables for figures, figure pairs and promises.
//!
//! Values are shown as the report wrote them (`180.97亿元`, `5.5%左右`), because that is what a
//! reader will search for in the text; the change column uses the base unit, scaled back to
//! `万`/`亿` for Chinese amounts so that it reads like the report.

use std::io::{self, Write};

use comfy_table::{Cell, Color, ContentArrangement, Table};

use crate::model::{Figure, FigurePair, FigureStatus, Promise, Verdict};
use crate::render::TermOptions;
use crate::render::shared::{change_text, sorted_figures};

pub(super) fn table(opts: TermOptions, header: Vec<&str>) -> Table {
    let mut t = Table::new();
    t.load_style(comfy_table::presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width.min(u16::MAX as usize) as u16)
        .set_truncation_indicator("…");
    if opts.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(header);
    t
}

fn colored(text: impl Into<String>, color: Option<Color>, opts: TermOptions) -> Cell {
    let cell = Cell::new(text.into());
    match color {
        Some(c) if opts.color => cell.fg(c),
        _ => cell,
    }
}

/// The label, or a placeholder so that an unnamed figure still shows as a row.
fn label_text(label: &str) -> &str {
    if label.is_empty() { "(unnamed)" } else { label }
}

/// Writes the figures of one edition: line, label, role, value as written.
pub fn write_figures<W: Write>(
    out: &mut W,
    figures: &[Figure],
    opts: TermOptions,
) -> io::Result<()> {
    if figures.is_empty() {
        return writeln!(out, "No figures found.");
    }
    let mut t = table(opts, vec!["line", "label", "role", "value"]);
    for f in figures {
        t.add_row(vec![
            Cell::new(f.line),
            Cell::new(label_text(&f.label)),
            Cell::new(f.role.as_str()),
            Cell::new(&f.text),
        ]);
    }
    writeln!(out, "{t}")?;
    writeln!(out, "{} figures", figures.len())
}

fn status_color(s: FigureStatus) -> Option<Color> {
    match s {
        FigureStatus::Changed => Some(Color::Yellow),
        FigureStatus::New => Some(Color::Green),
        FigureStatus::Dropped => Some(Color::Red),
        FigureStatus::Unchanged => None,
    }
}

/// Writes figure pairs (changed first, then new and dropped, unchanged last), then the
/// promises of the old edition with their outcomes. Unless `all` is set, only changed pairs
/// get rows: a figure without a counterpart says little on its own, and a report has many, so
/// new, dropped and unchanged ones are counted in the line under the table.
pub fn write_figure_pairs<W: Write>(
    out: &mut W,
    pairs: &[FigurePair],
    promises: &[Promise],
    all: bool,
    opts: TermOptions,
) -> io::Result<()> {
    if pairs.is_empty() {
        writeln!(out, "No figures found.")?;
    } else {
        let sorted: Vec<&FigurePair> = sorted_figures(pairs)
            .into_iter()
            .filter(|p| all || p.status == FigureStatus::Changed || p.restated.is_some())
            .collect();
        let folded = pairs.len() - sorted.len();
        let mut t = table(
            opts,
            vec!["label", "role", "old", "new", "change", "status"],
        );
        for p in &sorted {
            let text = |f: &Option<Figure>| f.as_ref().map_or(String::new(), |f| f.text.clone());
            t.add_row(vec![
                Cell::new(label_text(&p.label)),
                Cell::new(p.role.as_str()),
                Cell::new(text(&p.old)),
                Cell::new(text(&p.new)),
                Cell::new(change_text(p)),
                colored(p.status.as_str(), status_color(p.status), opts),
            ]);
        }
        if !sorted.is_empty() {
            writeln!(out, "{t}")?;
        }
        let count = |s: FigureStatus| pairs.iter().filter(|p| p.status == s).count();
        writeln!(
            out,
            "figures: {} changed, {} new, {} dropped, {} unchanged",
            count(FigureStatus::Changed),
            count(FigureStatus::New),
            count(FigureStatus::Dropped),
            count(FigureStatus::Unchanged)
        )?;
        if folded > 0 {
            writeln!(out, "({folded} rows not shown: --all-figures shows them)")?;
        }
    }
    if promises.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "Promises (last year's targets and what this edition reports):"
    )?;
    let mut t = table(opts, vec!["label", "target", "outcome", "verdict"]);
    for p in promises {
        let color = match p.verdict {
            Verdict::Met => Some(Color::Green),
            Verdict::Missed => Some(Color::Red),
            Verdict::Unclear => Some(Color::Yellow),
            Verdict::NotReported => None,
        };
        t.add_row(vec![
            Cell::new(label_text(&p.label)),
            Cell::new(&p.target.text),
            Cell::new(
                p.outcome
                    .as_ref()
                    .map_or("—".to_string(), |o| o.text.clone()),
            ),
            colored(p.verdict.as_str(), color, opts),
        ]);
    }
    writeln!(out, "{t}")
}

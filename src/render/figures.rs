//! Terminal tables for figures, figure pairs and promises.
//!
//! Values are shown as the report wrote them (`180.97亿元`, `5.5%左右`), because that is what a
//! reader will search for in the text; the change column uses the base unit, scaled back to
//! `万`/`亿` for Chinese amounts so that it reads like the report.

use std::io::{self, Write};

use comfy_table::{Cell, Color, ContentArrangement, Table};

use super::TermOptions;
use crate::figures::{Figure, FigurePair, FigureStatus, Promise, Verdict};

fn table(opts: TermOptions, header: Vec<&str>) -> Table {
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

/// A number in a unit, short: Chinese amounts in `万`/`亿`, others with thousands separators.
pub fn format_amount(value: f64, unit: &str) -> String {
    let abs = value.abs();
    let sign = if value < 0.0 { "-" } else { "" };
    let han_unit = unit.chars().next().is_some_and(crate::script::is_han);
    let body = match unit {
        "%" | "pp" | "‰" => format!("{}{unit}", trim_number(abs)),
        "rank" => trim_number(abs),
        "USD" => format!("${}", english_scale(abs)),
        "SGD" => format!("S${}", english_scale(abs)),
        _ if han_unit || unit.is_empty() => {
            let (v, m) = if abs >= 1e12 {
                (abs / 1e12, "万亿")
            } else if abs >= 1e8 {
                (abs / 1e8, "亿")
            } else if abs >= 1e4 {
                (abs / 1e4, "万")
            } else {
                (abs, "")
            };
            format!("{}{m}{unit}", trim_number(v))
        }
        _ => format!("{} {unit}", english_scale(abs)),
    };
    format!("{sign}{body}")
}

fn english_scale(v: f64) -> String {
    if v >= 1e9 {
        format!("{} billion", trim_number(v / 1e9))
    } else if v >= 1e6 {
        format!("{} million", trim_number(v / 1e6))
    } else {
        trim_number(v)
    }
}

/// Up to two decimals, without trailing zeros (`3.80` → `3.8`, `5.00` → `5`).
fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The change column: absolute change in the report's units, and the relative change.
pub fn change_text(p: &FigurePair) -> String {
    let Some(c) = p.change else {
        return String::new();
    };
    if c.absolute == 0.0 {
        return "=".to_string();
    }
    let unit = if p.unit == "%" { "pp" } else { p.unit.as_str() };
    let mut s = format_amount(c.absolute, unit);
    if c.absolute > 0.0 {
        s.insert(0, '+');
    }
    if let Some(r) = c.relative {
        s.push_str(&format!(" ({:+.1}%)", r * 100.0));
    }
    s
}

fn status_color(s: FigureStatus) -> Option<Color> {
    match s {
        FigureStatus::Changed => Some(Color::Yellow),
        FigureStatus::New => Some(Color::Green),
        FigureStatus::Dropped => Some(Color::Red),
        FigureStatus::Unchanged => None,
    }
}

/// Figure pairs sorted for reading: changed, new, dropped, unchanged; reading order within.
pub fn sorted_figures(pairs: &[FigurePair]) -> Vec<&FigurePair> {
    let mut sorted: Vec<&FigurePair> = pairs.iter().collect();
    sorted.sort_by_key(|p| status_rank(p.status));
    sorted
}

fn status_rank(s: FigureStatus) -> u8 {
    match s {
        FigureStatus::Changed => 0,
        FigureStatus::New => 1,
        FigureStatus::Dropped => 2,
        FigureStatus::Unchanged => 3,
    }
}

/// Writes figure pairs (changed first, then new and dropped, unchanged last), then the
/// promises of the old edition with their outcomes.
pub fn write_figure_pairs<W: Write>(
    out: &mut W,
    pairs: &[FigurePair],
    promises: &[Promise],
    opts: TermOptions,
) -> io::Result<()> {
    if pairs.is_empty() {
        writeln!(out, "No figures found.")?;
    } else {
        let sorted = sorted_figures(pairs);
        let mut t = table(
            opts,
            vec!["label", "role", "old", "new", "change", "status"],
        );
        for p in sorted {
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
        writeln!(out, "{t}")?;
        let count = |s: FigureStatus| pairs.iter().filter(|p| p.status == s).count();
        writeln!(
            out,
            "figures: {} changed, {} new, {} dropped, {} unchanged",
            count(FigureStatus::Changed),
            count(FigureStatus::New),
            count(FigureStatus::Dropped),
            count(FigureStatus::Unchanged)
        )?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_the_report() {
        assert_eq!(format_amount(18_097_000_000.0, "元"), "180.97亿元");
        assert_eq!(format_amount(1.5e11, "元"), "1500亿元");
        assert_eq!(format_amount(3.8e12, "元"), "3.8万亿元");
        assert_eq!(format_amount(-0.5, "pp"), "-0.5pp");
        assert_eq!(format_amount(11_000.0, "家"), "1.1万家");
        assert_eq!(format_amount(37_400_000_000.0, "USD"), "$37.4 billion");
        assert_eq!(format_amount(3.0, "rank"), "3");
    }
}

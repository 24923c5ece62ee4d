//! Terminal output: the outline tree and the comparison, with optional colour.

use std::io::{self, Write};

use std::collections::HashSet;

use comfy_table::{Cell, Color, ContentArrangement, Table};
use console::Style;

use super::TermOptions;
use crate::compare::{Comparison, PairKind, SectionPair, SectionRef};
use crate::outline::{Document, Section, SectionKind};
use crate::script::display_width;

/// Styles used by the terminal renderers; all plain when colour is off.
struct Palette {
    dim: Style,
    bold: Style,
    heading: Style,
    item: Style,
}

impl Palette {
    fn new(color: bool) -> Palette {
        let s = |st: Style| st.force_styling(color);
        Palette {
            dim: s(Style::new().dim()),
            bold: s(Style::new().bold()),
            heading: s(Style::new().bold().cyan()),
            item: s(Style::new()),
        }
    }
}

/// Cuts `text` to at most `width` display columns, adding `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Writes the outline tree: one line per section with its kind, lines and paragraph count.
pub fn write_outline<W: Write>(out: &mut W, doc: &Document, opts: TermOptions) -> io::Result<()> {
    let p = Palette::new(opts.color);
    let year = doc
        .year
        .map_or("year unknown".to_string(), |y| format!("year {y}"));
    writeln!(
        out,
        "{}  {}  {} · {}",
        p.bold.apply_to(&doc.source),
        p.dim.apply_to(&doc.title),
        doc.lang.code(),
        year
    )?;
    let headings = doc.count(SectionKind::Heading);
    let items = doc.count(SectionKind::Item);
    let paragraphs = doc.count(SectionKind::Paragraph);
    let mut counts = format!("{headings} headings, {items} items");
    if paragraphs > 0 {
        counts.push_str(&format!(", {paragraphs} paragraph units"));
    }
    writeln!(out, "{}", p.dim.apply_to(counts))?;
    writeln!(out)?;
    for s in &doc.sections {
        write_section(out, s, &p, opts.width)?;
    }
    Ok(())
}

fn write_section<W: Write>(out: &mut W, s: &Section, p: &Palette, width: usize) -> io::Result<()> {
    let indent = "  ".repeat(s.level as usize - 1);
    let meta = format!(
        "  {} {}–{} · {}¶",
        s.kind.as_str(),
        s.lines.0,
        s.lines.1,
        s.paragraphs.len()
    );
    let room = width
        .saturating_sub(display_width(&indent) + display_width(&meta))
        .max(16);
    let title = truncate(&s.heading_text(), room);
    let styled = match s.kind {
        SectionKind::Heading | SectionKind::Preamble | SectionKind::Closing => {
            p.heading.apply_to(title)
        }
        _ => p.item.apply_to(title),
    };
    writeln!(out, "{indent}{styled}{}", p.dim.apply_to(meta))?;
    for c in &s.children {
        write_section(out, c, p, width)?;
    }
    Ok(())
}

/// Writes the comparison: a summary header, then the section map (which section became which,
/// with kind and similarity). Unchanged sections inside an unchanged parent are folded into
/// their parent's row.
pub fn write_comparison<W: Write>(
    out: &mut W,
    c: &Comparison,
    opts: TermOptions,
) -> io::Result<()> {
    let p = Palette::new(opts.color);
    let edition = |d: &crate::compare::DocInfo| match d.year {
        Some(y) => format!("{} ({y})", d.source),
        None => d.source.clone(),
    };
    writeln!(
        out,
        "{} → {}",
        p.bold.apply_to(edition(&c.old)),
        p.bold.apply_to(edition(&c.new))
    )?;
    let shift = match c.summary.year_shift {
        0 => "years compared literally".to_string(),
        s => format!("year shift {s:+}"),
    };
    writeln!(
        out,
        "{}",
        p.dim.apply_to(format!(
            "{} · {shift} · overall similarity {:.3}",
            c.new.lang.code(),
            c.summary.similarity
        ))
    )?;
    let counts: Vec<String> = PairKind::ALL
        .iter()
        .filter(|&&k| c.count(k) > 0)
        .map(|&k| format!("{} {}", c.count(k), k.as_str()))
        .collect();
    writeln!(
        out,
        "sections: {}",
        if counts.is_empty() {
            "none".to_string()
        } else {
            counts.join(", ")
        }
    )?;
    writeln!(out)?;
    if !c.has_changes() {
        writeln!(out, "No changes (allowing for the year shift).")?;
        return Ok(());
    }
    write_section_map(out, c, opts)
}

fn kind_color(kind: PairKind) -> Option<Color> {
    match kind {
        PairKind::Unchanged => None,
        PairKind::Edited => Some(Color::Yellow),
        PairKind::Renamed => Some(Color::Magenta),
        PairKind::Moved | PairKind::Split | PairKind::Merged => Some(Color::Cyan),
        PairKind::Added => Some(Color::Green),
        PairKind::Removed => Some(Color::Red),
    }
}

fn refs_cell(refs: &[SectionRef]) -> String {
    refs.iter()
        .map(|r| {
            format!(
                "{}{}",
                "  ".repeat(r.level.saturating_sub(1) as usize),
                r.path.last().map_or("", String::as_str)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_section_map<W: Write>(out: &mut W, c: &Comparison, opts: TermOptions) -> io::Result<()> {
    let unchanged: HashSet<&[String]> = c
        .sections
        .iter()
        .filter(|s| s.kind == PairKind::Unchanged)
        .filter_map(|s| s.old.first().map(|r| r.path.as_slice()))
        .collect();
    let folded = |s: &SectionPair| {
        s.kind == PairKind::Unchanged
            && s.old.first().is_some_and(|r| {
                r.path.len() > 1 && unchanged.contains(&r.path[..r.path.len() - 1])
            })
    };
    let mut table = Table::new();
    table
        .load_style(comfy_table::presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width.min(u16::MAX as usize) as u16)
        .set_truncation_indicator("…");
    if opts.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(vec!["kind", "sim", "old", "new"]);
    for s in c.sections.iter().filter(|s| !folded(s)) {
        let mut kind = Cell::new(s.kind.as_str());
        if opts.color
            && let Some(color) = kind_color(s.kind)
        {
            kind = kind.fg(color);
        }
        let sim = match s.kind {
            PairKind::Added | PairKind::Removed => String::new(),
            _ => format!("{:.2}", s.similarity),
        };
        table.add_row(vec![
            kind,
            Cell::new(sim),
            Cell::new(refs_cell(&s.old)),
            Cell::new(refs_cell(&s.new)),
        ]);
    }
    writeln!(out, "{table}")
}

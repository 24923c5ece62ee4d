//! The briefing at the top of the terminal view: the target table, then short lists, each
//! entry ending with where its details are.

use std::io::{self, Write};

use comfy_table::{Cell, Color};

use super::figures::table;
use crate::model::{Briefing, Lang, Place, Verdict};
use crate::render::TermOptions;
use crate::render::shared::{
    Palette, Words, initiative_note_text, mover_text, priority_text, target_cells, truncate,
};
use crate::script::display_width;

/// Writes the briefing of a comparison of reports in `lang`; nothing when it is empty.
pub fn write_briefing<W: Write>(
    out: &mut W,
    b: &Briefing,
    lang: Lang,
    opts: TermOptions,
) -> io::Result<()> {
    let w = Words::of(lang);
    let p = Palette::new(opts.color);
    writeln!(out, "{}", p.bold.apply_to(w.briefing))?;
    if b.is_empty() {
        writeln!(out, "{}", w.nothing)?;
        return writeln!(out);
    }
    if !b.targets.is_empty() {
        writeln!(out, "{}", p.heading.apply_to(w.targets))?;
        let mut t = table(opts, w.columns.to_vec());
        for row in &b.targets {
            let cells = target_cells(row, w);
            let color = match row.verdict {
                Some(Verdict::Met) => Some(Color::Green),
                Some(Verdict::Missed) => Some(Color::Red),
                Some(Verdict::Unclear) => Some(Color::Yellow),
                _ => None,
            };
            t.add_row(cells.into_iter().enumerate().map(|(i, text)| {
                let cell = Cell::new(text);
                match color {
                    Some(c) if i == 3 && opts.color => cell.fg(c),
                    _ => cell,
                }
            }));
        }
        writeln!(out, "{t}")?;
        if b.more_targets > 0 {
            writeln!(out, "{}", p.dim.apply_to(w.more_targets(b.more_targets)))?;
        }
    }
    if !b.stances.is_empty() {
        // The new wording leads, the old one under it: a stance is read in the new wording,
        // and two long headings on one line would both be cut.
        writeln!(out, "{}", p.heading.apply_to(w.stances))?;
        for s in &b.stances {
            write_entry(out, &s.new, &s.at, w, &p, opts)?;
            let room = opts.width.saturating_sub(6).max(20);
            writeln!(
                out,
                "    {}",
                p.dim
                    .apply_to(truncate(&format!("{}{}", w.was, s.old), room))
            )?;
        }
    }
    let priorities: Vec<(String, &Place)> = b
        .priorities
        .iter()
        .map(|s| (priority_text(s, w), &s.at))
        .collect();
    write_list(out, w.priorities, &priorities, 0, w, &p, opts)?;
    for (title, notes, more) in [
        (w.new_initiatives, &b.new_initiatives, b.more_initiatives[0]),
        (
            w.dropped_initiatives,
            &b.dropped_initiatives,
            b.more_initiatives[1],
        ),
        (w.new_terms, &b.new_terms, b.more_terms),
    ] {
        let lines: Vec<(String, &Place)> = notes
            .iter()
            .map(|n| (initiative_note_text(n, w), &n.at))
            .collect();
        write_list(out, title, &lines, more, w, &p, opts)?;
    }
    let movers: Vec<(String, &Place)> =
        b.movers.iter().map(|m| (mover_text(m, w), &m.at)).collect();
    write_list(out, w.movers, &movers, 0, w, &p, opts)?;
    writeln!(out)
}

/// One list of the briefing: a heading, one line per entry with its place dimmed at the end
/// (the text cut to fit the width first), and a count of the entries left out.
fn write_list<W: Write>(
    out: &mut W,
    title: &str,
    entries: &[(String, &Place)],
    more: usize,
    w: &Words,
    p: &Palette,
    opts: TermOptions,
) -> io::Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", p.heading.apply_to(title))?;
    for (text, at) in entries {
        write_entry(out, text, at, w, p, opts)?;
    }
    if more > 0 {
        writeln!(out, "    {}", p.dim.apply_to(w.more(more)))?;
    }
    Ok(())
}

/// One entry: its text, cut to leave room for its place, and the place dimmed.
fn write_entry<W: Write>(
    out: &mut W,
    text: &str,
    at: &Place,
    w: &Words,
    p: &Palette,
    opts: TermOptions,
) -> io::Result<()> {
    let place = place_text(at, w, text);
    let room = opts.width.saturating_sub(display_width(&place) + 6).max(20);
    writeln!(
        out,
        "  • {}  {}",
        truncate(text, room),
        p.dim.apply_to(place)
    )
}

/// The section a place is in (its innermost heading, cut short) and the line.
fn place_text(at: &Place, w: &Words, text: &str) -> String {
    // An entry that is a heading points to the section above it.
    let n = at.section.len();
    let heading = match at.section.last() {
        Some(h) if h.contains(text) => at.section.get(n.wrapping_sub(2)),
        h => h,
    };
    match heading {
        Some(h) => format!("{} · {}", truncate(h, 16), w.at(at)),
        None => w.at(at),
    }
}

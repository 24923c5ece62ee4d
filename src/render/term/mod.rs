//! Terminal output: the outline tree and the comparison, with optional colour.

use std::io::{self, Write};

use std::collections::{HashMap, HashSet};

use console::Style;

mod briefing;
mod figures;
mod initiatives;
mod map;
mod trend;
mod wrap;

pub use briefing::write_briefing;
pub use figures::{write_figure_pairs, write_figures};
pub use initiatives::write_initiatives;
pub use trend::write_trend;

use super::shared::{Palette, count_list, pair_title, truncate};
use super::{Parts, TermOptions};
use crate::model::ChangeKind;
use crate::model::{
    Comparison, InlineOp, InlineTag, PairKind, SectionPair, SectionRef, SentenceChange,
    SentenceCounts,
};
use crate::model::{Document, InputFormat, Section, SectionKind};
use crate::script::display_width;
use wrap::Span;

/// How a non-text input was read (`pdf via pdf-extract`); `None` for plain text, which is
/// what a reader expects and needs no note.
fn read_from(format: InputFormat, extractor: Option<&str>) -> Option<String> {
    match (format, extractor) {
        (InputFormat::Text, _) => None,
        (f, Some(x)) if x != f.as_str() => Some(format!("{} via {x}", f.as_str())),
        (f, _) => Some(f.as_str().to_string()),
    }
}

/// Writes the outline tree: one line per section with its kind, lines (and pages, when the
/// input had pages) and paragraph count.
pub fn write_outline<W: Write>(out: &mut W, doc: &Document, opts: TermOptions) -> io::Result<()> {
    let p = Palette::new(opts.color);
    let year = doc
        .year
        .map_or("year unknown".to_string(), |y| format!("year {y}"));
    let mut notes: Vec<String> = Vec::new();
    if doc.encoding != "UTF-8" {
        notes.push(doc.encoding.clone());
    }
    if let Some(r) = read_from(doc.format, doc.extractor.as_deref()) {
        notes.push(r);
    }
    let read: String = notes.iter().map(|n| format!(" · {n}")).collect();
    writeln!(
        out,
        "{}  {}  {} · {}{read}",
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
        write_section(out, doc, s, &p, opts.width)?;
    }
    Ok(())
}

fn write_section<W: Write>(
    out: &mut W,
    doc: &Document,
    s: &Section,
    p: &Palette,
    width: usize,
) -> io::Result<()> {
    let indent = "  ".repeat(s.level as usize - 1);
    let pages = match (doc.page_of(s.lines.0), doc.page_of(s.lines.1)) {
        (Some(a), Some(b)) if a == b => format!(" p. {a} ·"),
        (Some(a), Some(b)) => format!(" pp. {a}–{b} ·"),
        _ => String::new(),
    };
    let meta = format!(
        "  {} {}–{} ·{pages} {}¶",
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
        write_section(out, doc, c, p, width)?;
    }
    Ok(())
}

/// Writes the comparison, limited to `parts`: a summary header, the figures and initiatives,
/// then every section pair in reading order with its
/// kind, similarity and paths in both editions, and under each changed pair its sentence
/// changes with inline word diffs. Unchanged sections take one line each, and unchanged
/// sections inside an unchanged parent are folded into the parent's line.
pub fn write_comparison<W: Write>(
    out: &mut W,
    whole: &Comparison,
    parts: Parts,
    opts: TermOptions,
) -> io::Result<()> {
    let p = Palette::new(opts.color);
    write_summary(out, whole, &p, opts.width)?;
    if !whole.has_changes() {
        writeln!(out, "No changes (allowing for the year shift).")?;
        return Ok(());
    }
    let filtered;
    let c = if parts == Parts::ALL {
        whole
    } else {
        filtered = parts.filter(whole);
        &filtered
    };
    briefing::write_briefing(out, &c.briefing, c.new.lang, opts)?;
    if parts.brief_only {
        return Ok(());
    }
    if parts.sections() {
        map::write_section_map(out, c, &p, opts)?;
    }
    if !c.figures.is_empty() || !c.promises.is_empty() {
        writeln!(out, "{}", p.bold.apply_to("Figures"))?;
        figures::write_figure_pairs(out, &c.figures, &c.promises, parts.all_figures, opts)?;
        writeln!(out)?;
    }
    if !c.initiatives.is_empty() || !c.delivery.is_empty() {
        initiatives::write_initiatives(out, &c.initiatives, &c.delivery, opts)?;
        writeln!(out)?;
    }
    if !parts.sections() {
        return Ok(());
    }
    if c.sections.is_empty() {
        return writeln!(out, "No section changes (allowing for the year shift).");
    }
    writeln!(out, "{}", p.bold.apply_to("Sections"))?;
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
    // Each folded section is counted on the line of the unchanged section it folds into, so
    // the lines add up to the summary's count.
    let mut inside: HashMap<&[String], usize> = HashMap::new();
    for path in c
        .sections
        .iter()
        .filter(|s| folded(s))
        .filter_map(|s| s.old.first().map(|r| r.path.as_slice()))
    {
        let mut k = path.len() - 1;
        while k > 1 && unchanged.contains(&path[..k - 1]) {
            k -= 1;
        }
        *inside.entry(&path[..k]).or_default() += 1;
    }
    for pair in c.sections.iter().filter(|s| !folded(s)) {
        let folded_inside = pair
            .old
            .first()
            .and_then(|r| inside.get(r.path.as_slice()))
            .copied()
            .unwrap_or(0);
        write_pair(out, pair, folded_inside, &p, opts)?;
    }
    Ok(())
}

fn write_summary<W: Write>(
    out: &mut W,
    c: &Comparison,
    p: &Palette,
    width: usize,
) -> io::Result<()> {
    // The encoding is named only when it is not UTF-8, the reader only when the input was not
    // plain text: then it is worth knowing which one was chosen.
    let edition = |d: &crate::model::DocInfo| {
        let notes: Vec<String> = d
            .year
            .map(|y| y.to_string())
            .into_iter()
            .chain((d.encoding != "UTF-8").then(|| d.encoding.to_string()))
            .chain(read_from(d.format, d.extractor.as_deref()))
            .collect();
        if notes.is_empty() {
            d.source.clone()
        } else {
            format!("{} ({})", d.source, notes.join(", "))
        }
    };
    // Two long paths do not fit one line: the new edition then gets a line of its own, so
    // a terminal never breaks a path in the middle.
    let (old, new) = (edition(&c.old), edition(&c.new));
    if display_width(&old) + display_width(&new) + 3 <= width {
        writeln!(out, "{} → {}", p.bold.apply_to(old), p.bold.apply_to(new))?;
    } else {
        writeln!(out, "{}", p.bold.apply_to(old))?;
        writeln!(out, "→ {}", p.bold.apply_to(new))?;
    }
    let shift = match c.summary.year_shift {
        0 => "years compared literally".to_string(),
        s => format!("year shift {s:+}"),
    };
    writeln!(
        out,
        "{}",
        p.dim.apply_to(format!(
            "{} · {shift} · overall similarity {:.3} · {:.0}% of the text changed",
            c.new.lang.code(),
            c.summary.similarity,
            c.summary.text_changed * 100.0
        ))
    )?;
    let rows = [
        ("sections:", c.summary.sections.rows()),
        ("sentences:", c.summary.sentences.rows()),
        ("figures:", c.summary.figures.rows()),
        ("initiatives:", c.summary.initiatives.rows()),
    ];
    for (label, counts) in rows {
        writeln!(out, "{label:<13}{}", count_list(&counts))?;
    }
    if c.summary.key_terms.total() > 0 {
        writeln!(
            out,
            "{:<13}{}",
            "key terms:",
            count_list(&c.summary.key_terms.rows())
        )?;
    }
    if !c.promises.is_empty() {
        writeln!(
            out,
            "{:<13}{}",
            "promises:",
            count_list(&c.summary.promises.rows())
        )?;
    }
    writeln!(out)
}

fn kind_style(kind: PairKind, color: bool) -> Style {
    let s = match kind {
        PairKind::Unchanged => Style::new().dim(),
        PairKind::Edited => Style::new().yellow(),
        PairKind::Renamed => Style::new().magenta(),
        PairKind::Moved | PairKind::Split | PairKind::Merged => Style::new().cyan(),
        PairKind::Added => Style::new().green(),
        PairKind::Removed => Style::new().red(),
    };
    s.bold().force_styling(color)
}

/// The path above a section (`一、… › （二）…`), empty at the top level.
fn parent_of(refs: &[SectionRef]) -> String {
    refs.first().map_or(String::new(), |r| {
        r.path[..r.path.len().saturating_sub(1)].join(" › ")
    })
}

/// One section pair: its heading line, then its sentence changes. `folded_inside` unchanged
/// sections fold into an unchanged pair's line and are counted there.
fn write_pair<W: Write>(
    out: &mut W,
    pair: &SectionPair,
    folded_inside: usize,
    p: &Palette,
    opts: TermOptions,
) -> io::Result<()> {
    let level = pair.new.first().or(pair.old.first()).map_or(1, |r| r.level) as usize;
    let indent = "  ".repeat(level.saturating_sub(1));
    let kind = kind_style(pair.kind, opts.color).apply_to(format!("{:<9}", pair.kind.as_str()));
    let title = pair_title(pair);
    let mut meta = match pair.kind {
        PairKind::Added | PairKind::Removed | PairKind::Unchanged => String::new(),
        _ => format!("  sim {:.2}", pair.similarity),
    };
    if folded_inside > 0 {
        meta.push_str(&format!("  ({folded_inside} unchanged inside)"));
    }
    if pair.text_changed > 0.0 && !matches!(pair.kind, PairKind::Added | PairKind::Removed) {
        meta.push_str(&format!(" · {:.0}% changed", pair.text_changed * 100.0));
    }
    // `kind      title  meta`; on a narrow terminal the meta goes under the title rather
    // than cut the title to nothing.
    let lead = display_width(&indent) + 10;
    let meta_fits = lead + MIN_TITLE_COLUMNS + display_width(&meta) <= opts.width;
    let beside = if meta_fits { display_width(&meta) } else { 0 };
    let room = opts
        .width
        .saturating_sub(lead + beside)
        .max(MIN_TITLE_COLUMNS);
    let title = truncate(&title, room);
    let title = if pair.kind == PairKind::Unchanged {
        p.dim.apply_to(title)
    } else {
        p.bold.apply_to(title)
    };
    let under_title = format!("{indent}{}", " ".repeat(10));
    let mut notes = Vec::new();
    if meta_fits {
        writeln!(out, "{indent}{kind} {title}{}", p.dim.apply_to(&meta))?;
    } else {
        writeln!(out, "{indent}{kind} {title}")?;
        if !meta.is_empty() {
            notes.push(meta.trim_start().to_string());
        }
    }
    if pair.kind == PairKind::Moved {
        // Where it came from, under the title: a path too long to share the heading's line.
        let from = match parent_of(&pair.old) {
            path if path.is_empty() => "the top".to_string(),
            path => path,
        };
        notes.push(format!("from {from}"));
    }
    for note in notes {
        write_wrapped(
            out,
            &under_title,
            display_width(&under_title),
            &[Span::styled(note, &p.dim)],
            opts.width,
        )?;
    }
    if pair.kind == PairKind::Unchanged {
        return Ok(());
    }
    let body_indent = format!("{indent}  ");
    let whole_section = matches!(pair.kind, PairKind::Added | PairKind::Removed);
    // A wholly added or removed section shows its first sentences and every sentence moved
    // into it (not new text, so worth seeing); the rest are counted by kind.
    let (shown, folded): (Vec<(usize, &SentenceChange)>, Vec<&SentenceChange>) = if whole_section {
        let (shown, folded): (Vec<_>, Vec<_>) = pair
            .changes
            .iter()
            .enumerate()
            .partition(|(i, c)| *i < WHOLE_SECTION_SENTENCES || c.kind == ChangeKind::Moved);
        (shown, folded.into_iter().map(|(_, c)| c).collect())
    } else {
        (pair.changes.iter().enumerate().collect(), Vec::new())
    };
    for (_, change) in shown {
        if opts.side_by_side {
            // Columns line up across the whole output, whatever the nesting.
            write_change_side_by_side(out, change, "  ", p, opts)?;
        } else {
            write_change(out, change, &body_indent, p, opts)?;
        }
    }
    if !folded.is_empty() {
        let mut kinds = SentenceCounts::default();
        folded.iter().for_each(|c| kinds.add(c.kind));
        let note = format!(
            "… {} more sentences ({}; --format markdown lists them all)",
            folded.len(),
            count_list(&kinds.rows())
        );
        write_wrapped(
            out,
            &body_indent,
            display_width(&body_indent),
            &[Span::styled(note, &p.dim)],
            opts.width,
        )?;
    }
    Ok(())
}

/// The fewest columns a section's title is cut to.
const MIN_TITLE_COLUMNS: usize = 16;

/// How many sentences of a wholly added or removed section are shown.
const WHOLE_SECTION_SENTENCES: usize = 3;

/// The fewest columns left for text after an indent and a prefix: fewer, and the text moves
/// left of the text column rather than shrink to a few characters a line.
const MIN_TEXT_COLUMNS: usize = 16;

fn line_label(change: &SentenceChange) -> String {
    match (change.old_line, change.new_line) {
        (Some(a), Some(b)) => format!("{a}→{b}"),
        (Some(a), None) => format!("{a}"),
        (None, Some(b)) => format!("{b}"),
        (None, None) => String::new(),
    }
}

/// Inline runs rendered for one side (`Some(Delete)`: the old sentence, `Some(Insert)`: the
/// new one) or both (`None`), with colours or with `[-…-]`/`{+…+}` marks when colour is off.
/// Text both editions share stays plain; on the old side, text kept under the year shift
/// reads as the old edition wrote it.
fn render_inline(
    runs: &[InlineOp],
    side: Option<InlineTag>,
    p: &Palette,
    color: bool,
) -> Vec<Span> {
    runs.iter()
        .filter(|r| side.is_none() || r.op == InlineTag::Equal || Some(r.op) == side)
        .map(|r| match (&r.old_text, side) {
            (Some(old), Some(InlineTag::Delete)) if r.op == InlineTag::Equal => {
                marked(old, r.op, p, color)
            }
            _ => marked(&r.text, r.op, p, color),
        })
        .collect()
}

/// Text marked as deleted or inserted: red or green with colour, `[-…-]` or `{+…+}` without.
fn marked(text: &str, op: InlineTag, p: &Palette, color: bool) -> Span {
    match (op, color) {
        (InlineTag::Equal, _) => Span::plain(text),
        (InlineTag::Delete, true) => Span::styled(text, &p.deleted),
        (InlineTag::Insert, true) => Span::styled(text, &p.inserted),
        (InlineTag::Delete, false) => Span::marked("[-", text, "-]"),
        (InlineTag::Insert, false) => Span::marked("{+", text, "+}"),
    }
}

/// Writes `spans` after `prefix` (already styled, `prefix_width` columns), wrapped at `width`,
/// with continuation lines indented to the text column. When the prefix leaves fewer than
/// [`MIN_TEXT_COLUMNS`], it stands on a line of its own and the text follows further left.
fn write_wrapped<W: Write>(
    out: &mut W,
    prefix: &str,
    prefix_width: usize,
    spans: &[Span],
    width: usize,
) -> io::Result<()> {
    let column = prefix_width.min(width.saturating_sub(MIN_TEXT_COLUMNS));
    let hang = " ".repeat(column);
    let lines = wrap(spans, width.saturating_sub(column).max(MIN_TEXT_COLUMNS));
    if column < prefix_width {
        writeln!(out, "{}", prefix.trim_end())?;
    }
    for (i, line) in lines.iter().enumerate() {
        let lead = if i == 0 && column == prefix_width {
            prefix
        } else {
            hang.as_str()
        };
        writeln!(out, "{lead}{line}")?;
    }
    Ok(())
}

fn write_change<W: Write>(
    out: &mut W,
    change: &SentenceChange,
    indent: &str,
    p: &Palette,
    opts: TermOptions,
) -> io::Result<()> {
    let label = line_label(change);
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    let (sign, body) = match change.kind {
        ChangeKind::Added => (
            p.inserted.apply_to("+"),
            vec![marked(&text(&change.new), InlineTag::Insert, p, opts.color)],
        ),
        ChangeKind::Removed => (
            p.deleted.apply_to("-"),
            vec![marked(&text(&change.old), InlineTag::Delete, p, opts.color)],
        ),
        ChangeKind::Reworded => (
            p.changed.apply_to("~"),
            render_inline(&change.inline, None, p, opts.color),
        ),
        ChangeKind::Moved if change.inline.is_empty() => {
            (p.moved.apply_to("↷"), vec![Span::plain(text(&change.new))])
        }
        ChangeKind::Moved => (
            p.moved.apply_to("↷"),
            render_inline(&change.inline, None, p, opts.color),
        ),
    };
    // `  - 26  text`: the sign and the line numbers, then the text column.
    let prefix = format!("{indent}{sign} {}  ", p.dim.apply_to(&label));
    let prefix_width = display_width(indent) + 2 + display_width(&label) + 2;
    write_wrapped(out, &prefix, prefix_width, &body, opts.width)?;
    if change.kind == ChangeKind::Moved {
        write_moved_from(out, change, &format!("{indent}    "), p, opts)?;
    }
    Ok(())
}

/// The `moved from …` line under a moved sentence.
fn write_moved_from<W: Write>(
    out: &mut W,
    change: &SentenceChange,
    indent: &str,
    p: &Palette,
    opts: TermOptions,
) -> io::Result<()> {
    let from = change
        .old_section
        .as_ref()
        .map(|path| path.join(" › "))
        .unwrap_or_default();
    write_wrapped(
        out,
        indent,
        display_width(indent),
        &[Span::styled(format!("moved from {from}"), &p.dim)],
        opts.width,
    )
}

/// Styled text in lines of at most `width` display columns: wrapped as plain text (between
/// words, never inside a word or number, never before closing punctuation), then styled line
/// by line so that no style runs past a line end.
fn wrap(spans: &[Span], width: usize) -> Vec<String> {
    wrap::wrap_spans(spans, width)
}

/// `s` (which may hold styles) padded with plain spaces to `width` display columns.
fn pad(s: &str, width: usize) -> String {
    let visible = console::measure_text_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(visible)))
}

fn write_change_side_by_side<W: Write>(
    out: &mut W,
    change: &SentenceChange,
    indent: &str,
    p: &Palette,
    opts: TermOptions,
) -> io::Result<()> {
    // `indent`, the old column, ` │ `, the new column.
    let column = (opts.width.saturating_sub(display_width(indent) + 3) / 2).max(16);
    let plain = |t: &Option<String>| t.clone().unwrap_or_default();
    let (left, right) = match change.kind {
        ChangeKind::Added => (
            Vec::new(),
            vec![marked(
                &plain(&change.new),
                InlineTag::Insert,
                p,
                opts.color,
            )],
        ),
        ChangeKind::Removed => (
            vec![marked(
                &plain(&change.old),
                InlineTag::Delete,
                p,
                opts.color,
            )],
            Vec::new(),
        ),
        ChangeKind::Reworded | ChangeKind::Moved if !change.inline.is_empty() => (
            render_inline(&change.inline, Some(InlineTag::Delete), p, opts.color),
            render_inline(&change.inline, Some(InlineTag::Insert), p, opts.color),
        ),
        _ => (
            vec![Span::plain(plain(&change.old))],
            vec![Span::plain(plain(&change.new))],
        ),
    };
    let marker = match change.kind {
        ChangeKind::Added => "+",
        ChangeKind::Removed => "-",
        ChangeKind::Reworded => "~",
        ChangeKind::Moved => "↷",
    };
    writeln!(
        out,
        "{indent}{}",
        p.dim.apply_to(format!("{marker} {}", line_label(change)))
    )?;
    let (l, r) = (wrap(&left, column), wrap(&right, column));
    for i in 0..l.len().max(r.len()) {
        let a = l.get(i).map_or("", String::as_str);
        let b = r.get(i).map_or("", String::as_str);
        let line = format!("{indent}{} │ {b}", pad(a, column));
        writeln!(out, "{}", line.trim_end())?;
    }
    if change.kind == ChangeKind::Moved {
        write_moved_from(out, change, indent, p, opts)?;
    }
    Ok(())
}

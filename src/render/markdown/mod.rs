//! Markdown output: a changelog a person would publish (CommonMark with GitHub's tables and
//! strikethrough).
//!
//! Two things make Markdown from report text hard:
//! - **Escaping.** Report text holds `*`, `_`, `|`, `<`, `[`, `#`, `$`, `@`…; every piece of it
//!   is escaped with a backslash, so nothing in a report can open emphasis, a link, a table
//!   cell, HTML, math or a mention.
//! - **Emphasis next to CJK text.** CommonMark only lets `**` open when it is left-flanking:
//!   `文**“新”**字` does not parse, because the run is followed by punctuation and preceded by a
//!   letter. Inserted and deleted words are therefore always written as `<ins>…</ins>` and
//!   `<del>…</del>`, which parse wherever they stand, so one document has one style of each
//!   (a mix of `**` and `<ins>` in one passage reads as two kinds of change). Names in bold are
//!   checked against the flanking rules with their real neighbours and written as `<b>…</b>`
//!   only where `**…**` would not parse.
//! - **Whole sentences** added or removed carry their label once (`added, l. 12:`) and are
//!   not marked word by word; a report's own table rows are shown old and new, whole.

use super::shared::{change_text, count_list, pair_title, sorted_figures};
use std::collections::HashMap;
use std::io::{self, Write};

mod briefing;
pub mod github;
mod trend;

pub use briefing::briefing;
pub use trend::write_trend;

use super::Parts;
use crate::model::{ChangeKind, SentenceChange};
use crate::model::{Comparison, DocInfo, InlineOp, InlineTag, PairKind, SectionPair, SectionRef};
use crate::model::{Delivery, Initiative, Kind, Status};
use crate::model::{Document, Section};
use crate::model::{Figure, FigurePair, Promise};

/// Escapes `text` so that CommonMark and GitHub show it literally, on one line.
///
/// Every ASCII character that can start Markdown syntax is backslash-escaped (CommonMark allows
/// escaping any ASCII punctuation). `$` is escaped for GitHub's math, `@` for its mentions.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!' | '$'
            | '@' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for raw HTML (a `<summary>` line), where backslash escapes are not read.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace(['\n', '\r'], " ")
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// CommonMark 0.31 counts Unicode punctuation and symbols as punctuation; everything that is
/// neither alphanumeric nor whitespace is close enough, and errs towards the HTML form.
fn is_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

fn left_flanking(prev: Option<char>, next: Option<char>) -> bool {
    !is_space(next) && (!is_punct(next) || is_space(prev) || is_punct(prev))
}

fn right_flanking(prev: Option<char>, next: Option<char>) -> bool {
    !is_space(prev) && (!is_punct(prev) || is_space(next) || is_punct(next))
}

/// Whether `delim inner delim` parses as one span when written between `prev` and `next`
/// (`None` is the start or end of a line). `inner` must already be escaped.
pub fn delimiters_parse(inner: &str, prev: Option<char>, next: Option<char>) -> bool {
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().last()) else {
        return false;
    };
    left_flanking(prev, Some(first)) && right_flanking(Some(last), next)
}

/// How an inline mark is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Inserted text: `**…**`, or `<ins>…</ins>`.
    Insert,
    /// Deleted text: `~~…~~`, or `<del>…</del>`.
    Delete,
    /// A name in bold: `**…**`, or `<b>…</b>`.
    Strong,
}

impl Mark {
    fn forms(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Mark::Insert => ("**", "<ins>", "</ins>"),
            Mark::Delete => ("~~", "<del>", "</del>"),
            Mark::Strong => ("**", "<b>", "</b>"),
        }
    }
}

/// Writes escaped `inner` with `mark`, choosing the delimiter form when it parses between
/// `prev` and `next` and the HTML form otherwise.
pub fn mark(inner: &str, mark: Mark, prev: Option<char>, next: Option<char>) -> String {
    let (delim, open, close) = mark.forms();
    if delimiters_parse(inner, prev, next) {
        format!("{delim}{inner}{delim}")
    } else {
        format!("{open}{inner}{close}")
    }
}

/// Inserted or deleted words as Markdown: always the HTML form (`<ins>…</ins>`,
/// `<del>…</del>`), which parses next to any character, so that a document has one style.
fn change_mark(inner: &str, m: Mark) -> String {
    let (_, open, close) = m.forms();
    format!("{open}{inner}{close}")
}

/// Inline runs of a sentence as Markdown: equal text plain, deletions in `<del>`, insertions
/// in `<ins>`.
pub fn inline(runs: &[InlineOp]) -> String {
    // Leading and trailing spaces move outside a mark: `** x**` would not parse.
    let mut pieces: Vec<(Option<Mark>, String)> = Vec::new();
    for r in runs {
        let m = match r.op {
            InlineTag::Equal => None,
            InlineTag::Insert => Some(Mark::Insert),
            InlineTag::Delete => Some(Mark::Delete),
        };
        let text = r.text.replace(['\n', '\r'], " ");
        if m.is_none() {
            pieces.push((None, escape(&text)));
            continue;
        }
        let trimmed = text.trim();
        if trimmed.is_empty() {
            // A change of spaces alone: only HTML shows it.
            let (_, open, close) = m.unwrap().forms();
            pieces.push((None, format!("{open}{text}{close}")));
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        if !lead.is_empty() {
            pieces.push((None, lead.to_string()));
        }
        pieces.push((m, escape(trimmed)));
        if !trail.is_empty() {
            pieces.push((None, trail.to_string()));
        }
    }
    let mut out = String::new();
    for (m, text) in &pieces {
        match m {
            None => out.push_str(text),
            Some(m) => out.push_str(&change_mark(text, *m)),
        }
    }
    out
}

/// A whole added or removed sentence after its label: plain text, since the label already
/// says what happened to all of it.
fn whole(text: &str) -> String {
    escape(text.replace(['\n', '\r'], " ").trim())
}

/// Whether a sentence is a row of a table in the report's text rather than prose: cells
/// separated by tabs, by runs of spaces or by `|`, or a line of figures with few words
/// (`$ 100 $ 149 $ 146`, `Total 160,172 $ 60,665`, `18.8`). Such lines are shown whole, old
/// and new, since a word diff of their cells reads as noise (`~~$~~`).
pub fn is_table_row(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    if t.contains('\t') || t.matches("  ").count() >= 2 {
        return true;
    }
    if t.starts_with('|') && t.matches('|').count() >= 3 {
        return true;
    }
    // Prose ends a sentence or holds a clause; a row of figures does neither.
    if t.ends_with(['.', '。', '；', ';', '!', '！', '?', '？', ':', '：'])
        || t.contains(['，', '、'])
    {
        return false;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let figure = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_digit() || ",.%()$€£¥-–—*".contains(c))
    };
    let figures = tokens.iter().filter(|w| figure(w)).count();
    let digits = tokens
        .iter()
        .filter(|w| figure(w) && w.chars().any(|c| c.is_ascii_digit()))
        .count();
    // Every token a figure or a currency sign (a cell or a row of cells), or numbers that
    // outnumber the words, or three numbers after a label (a row with its label).
    figures == tokens.len() || (digits >= 2 && figures * 2 > tokens.len()) || digits >= 3
}

/// A sentence cut to `max` characters, marked with `…` when cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// How an edition's source is named in a title: as given, except that an absolute path is
/// cut to its file name, so that a published changelog does not show the folders of the
/// machine it was made on (the binary has already made paths under the current folder
/// relative).
pub fn source_name(source: &str) -> String {
    let path = std::path::Path::new(source);
    if path.is_absolute()
        && let Some(name) = path.file_name()
    {
        return name.to_string_lossy().into_owned();
    }
    source.to_string()
}

/// The title line of a comparison: the report's title and both years (or both sources when
/// a year is missing).
pub fn title(c: &Comparison) -> String {
    let name = if c.new.title.trim().is_empty() {
        "Report"
    } else {
        c.new.title.trim()
    };
    match (c.old.year, c.new.year) {
        (Some(a), Some(b)) => format!("# {}: {a} → {b}", escape(name)),
        _ => format!(
            "# {}: {} → {}",
            escape(name),
            escape(&source_name(&c.old.source)),
            escape(&source_name(&c.new.source))
        ),
    }
}

fn edition(d: &DocInfo) -> String {
    let source = escape(&source_name(&d.source));
    match d.year {
        Some(y) => format!("{source} ({y})"),
        None => source,
    }
}

/// The title, the two editions and the counts, as Markdown.
pub fn summary(c: &Comparison, parts: Parts) -> String {
    let mut s = String::new();
    s.push_str(&title(c));
    s.push_str("\n\n");
    let shift = match c.summary.year_shift {
        0 => "years compared literally".to_string(),
        n => format!("year shift {n:+}"),
    };
    s.push_str(&format!(
        "{} → {} · {} · {shift}\n\n",
        edition(&c.old),
        edition(&c.new),
        c.new.lang.code()
    ));
    s.push_str(&format!(
        "- **Overall similarity** {:.3} · **text changed** {:.0}%\n",
        c.summary.similarity,
        c.summary.text_changed * 100.0
    ));
    if parts.structure || parts.text {
        s.push_str(&format!(
            "- **Sections**: {}\n",
            count_list(&c.summary.sections.rows())
        ));
        s.push_str(&format!(
            "- **Sentences**: {}\n",
            count_list(&c.summary.sentences.rows())
        ));
    }
    if parts.figures {
        s.push_str(&format!(
            "- **Figures**: {}\n",
            count_list(&c.summary.figures.rows())
        ));
        if c.summary.promises.total() > 0 {
            s.push_str(&format!(
                "- **Promises**: {}\n",
                count_list(&c.summary.promises.rows())
            ));
        }
    }
    if parts.initiatives {
        s.push_str(&format!(
            "- **Initiatives**: {}\n",
            count_list(&c.summary.initiatives.rows())
        ));
        if c.summary.key_terms.total() > 0 {
            s.push_str(&format!(
                "- **Key terms**: {}\n",
                count_list(&c.summary.key_terms.rows())
            ));
        }
    }
    s
}

fn label(l: &str) -> String {
    if l.trim().is_empty() {
        "(unnamed)".to_string()
    } else {
        escape(l)
    }
}

/// A list item: a name in bold and the sentence that shows it, with its line.
fn evidence_item(head: &str, mention: Option<&crate::model::Mention>) -> String {
    match mention {
        Some(m) => format!(
            "- {head} — {} (l. {})\n",
            escape(&cut(&m.sentence, EVIDENCE_CHARS)),
            m.line
        ),
        None => format!("- {head}\n"),
    }
}

/// A GFM table of figure pairs (in the order given).
pub fn figure_table(pairs: &[&FigurePair]) -> String {
    let mut s = String::from(
        "| label | role | old | new | change | status |\n|---|---|---:|---:|---:|---|\n",
    );
    let text = |f: &Option<Figure>| f.as_ref().map_or(String::new(), |f| escape(&f.text));
    for p in pairs {
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            label(&p.label),
            p.role.as_str(),
            text(&p.old),
            text(&p.new),
            escape(&change_text(p)),
            p.status.as_str()
        ));
    }
    s
}

/// A GFM table of promises: target, outcome, verdict.
pub fn promise_table(promises: &[Promise]) -> String {
    let mut s = String::from("| label | target | outcome | verdict |\n|---|---:|---:|---|\n");
    for p in promises {
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            label(&p.label),
            escape(&p.target.text),
            p.outcome
                .as_ref()
                .map_or("—".to_string(), |o| escape(&o.text)),
            p.verdict.as_str().replace('_', " ")
        ));
    }
    s
}

/// Longest evidence sentence shown, in characters.
const EVIDENCE_CHARS: usize = 160;

/// New, dropped, upgraded and renamed initiatives with the sentence that shows each, new and
/// dropped key terms, and which of last year's plans the new review reports on.
pub fn initiatives(list: &[Initiative], delivery: &Delivery) -> String {
    let mut s = String::new();
    let named = |st: Status| {
        list.iter()
            .filter(move |i| i.status == st && i.kind != Kind::Term)
    };
    for (status, title) in [
        (Status::New, "New"),
        (Status::Dropped, "Dropped"),
        (Status::Upgraded, "Upgraded"),
        (Status::Renamed, "Renamed"),
        (Status::Downgraded, "Downgraded"),
    ] {
        let items: Vec<&Initiative> = named(status).collect();
        if items.is_empty() {
            continue;
        }
        s.push_str(&format!("### {title} ({})\n\n", items.len()));
        for i in items {
            let mut head = mark(&escape(&i.name), Mark::Strong, Some(' '), Some(' '));
            if let Some(stage) = &i.stage {
                head.push_str(&format!(
                    " ({} → {})",
                    escape(&stage.old),
                    escape(&stage.new)
                ));
            } else if let Some(old) = &i.old_name {
                head.push_str(&format!(" (was {})", escape(old)));
            }
            let mention = match i.status {
                Status::Dropped => i.old.first(),
                _ => i.new.first().or(i.old.first()),
            };
            s.push_str(&evidence_item(&head, mention));
        }
        s.push('\n');
    }
    // New wording: each key term with the sentence that uses it first.
    for (status, title) in [
        (Status::New, "New key terms"),
        (Status::Dropped, "Dropped key terms"),
    ] {
        let terms: Vec<&Initiative> = list
            .iter()
            .filter(|i| i.status == status && i.kind == Kind::Term)
            .collect();
        if terms.is_empty() {
            continue;
        }
        s.push_str(&format!("**{title}**:\n\n"));
        for i in terms {
            let head = mark(&escape(&i.name), Mark::Strong, Some(' '), Some(' '));
            let mention = i.new.first().or(i.old.first());
            s.push_str(&evidence_item(&head, mention));
        }
        s.push('\n');
    }
    if !delivery.is_empty() {
        let total = delivery.delivered.len() + delivery.silent.len();
        let names = |v: &[Initiative]| {
            if v.is_empty() {
                "(none)".to_string()
            } else {
                v.iter()
                    .map(|i| escape(&i.name))
                    .collect::<Vec<_>>()
                    .join(" · ")
            }
        };
        s.push_str(&format!(
            "**Plans reported on ({} of {total})**: {}\n\n",
            delivery.delivered.len(),
            names(&delivery.delivered)
        ));
        s.push_str(&format!(
            "**Plans never reported on ({} of {total})**: {}\n\n",
            delivery.silent.len(),
            names(&delivery.silent)
        ));
    }
    if s.is_empty() {
        s.push_str("No new, dropped, upgraded or renamed initiatives.\n\n");
    }
    s
}

/// The heading marks for a section at outline depth `level` (1 at the top): the report's
/// outline starts at `###`, under the changelog's own `##` parts.
fn hashes(level: usize) -> String {
    "#".repeat((level + 2).min(6))
}

fn lines_label(c: &SentenceChange) -> String {
    match (c.old_line, c.new_line) {
        (Some(a), Some(b)) => format!("l. {a} → {b}"),
        (Some(a), None) | (None, Some(a)) => format!("l. {a}"),
        (None, None) => String::new(),
    }
}

/// One sentence change as a list item.
pub fn change_item(c: &SentenceChange) -> String {
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    let lines = lines_label(c);
    match c.kind {
        ChangeKind::Added => format!("- *added, {lines}:* {}\n", whole(&text(&c.new))),
        ChangeKind::Removed => format!("- *removed, {lines}:* {}\n", whole(&text(&c.old))),
        ChangeKind::Reworded if is_table_row(&text(&c.old)) || is_table_row(&text(&c.new)) => {
            format!(
                "- *table row changed, {lines}:*\n  - old: {}\n  - new: {}\n",
                whole(&text(&c.old)),
                whole(&text(&c.new))
            )
        }
        ChangeKind::Reworded => format!("- *reworded, {lines}:* {}\n", inline(&c.inline)),
        ChangeKind::Moved => {
            let from = c
                .old_section
                .as_ref()
                .map(|p| escape(&p.join(" › ")))
                .unwrap_or_default();
            let body = if c.inline.is_empty() || is_table_row(&text(&c.new)) {
                escape(&text(&c.new))
            } else {
                inline(&c.inline)
            };
            format!("- *moved, {lines}:* {body} (from {from})\n")
        }
    }
}

/// How many of `changes`, from the first, are whole table rows added or removed: a table
/// whose cells the text gives one a line comes out as a run of them.
fn table_cell_run(changes: &[&SentenceChange]) -> usize {
    changes
        .iter()
        .take_while(|c| match c.kind {
            ChangeKind::Added => c.new.as_deref().is_some_and(is_table_row),
            ChangeKind::Removed => c.old.as_deref().is_some_and(is_table_row),
            _ => false,
        })
        .count()
}

/// A run of added and removed table rows as one item: the old rows and the new rows, each
/// whole, in reading order, instead of one item per cell.
fn table_rows_item(run: &[&SentenceChange]) -> String {
    let side = |kind: ChangeKind| {
        let rows: Vec<&&SentenceChange> = run.iter().filter(|c| c.kind == kind).collect();
        let lines: Vec<u32> = rows
            .iter()
            .filter_map(|c| match kind {
                ChangeKind::Added => c.new_line,
                _ => c.old_line,
            })
            .collect();
        let text: Vec<String> = rows
            .iter()
            .map(|c| match kind {
                ChangeKind::Added => whole(c.new.as_deref().unwrap_or("")),
                _ => whole(c.old.as_deref().unwrap_or("")),
            })
            .collect();
        let span = match (lines.iter().min(), lines.iter().max()) {
            (Some(a), Some(b)) if a == b => format!("{a}"),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => String::new(),
        };
        (text.join(" · "), span)
    };
    let (old, old_lines) = side(ChangeKind::Removed);
    let (new, new_lines) = side(ChangeKind::Added);
    match (old.is_empty(), new.is_empty()) {
        (false, false) => format!(
            "- *table rows changed, l. {old_lines} → {new_lines}:*\n  - old: {old}\n  - new: {new}\n"
        ),
        (false, true) => format!("- *table rows removed, l. {old_lines}:* {old}\n"),
        _ => format!("- *table rows added, l. {new_lines}:* {new}\n"),
    }
}

/// The line under a section whose changes were not all shown.
fn left_out_text(n: usize) -> String {
    match n {
        1 => "1 more sentence change".to_string(),
        n => format!("{n} more sentence changes"),
    }
}

/// The headings and changes of section pairs, with headings that mirror the report's outline:
/// the ancestors of a changed section are written once, before its first change.
///
/// A removed section is placed under the new edition's heading for its old parent (its
/// parent renamed `2021年工作回顾` → `过去一年…工作回顾` is still its parent), so that the
/// headings do not alternate between the two editions' names for one section.
pub struct SectionWriter {
    open: Vec<String>,
    partner: HashMap<Vec<String>, Vec<String>>,
}

impl SectionWriter {
    /// A writer for the pairs of one comparison, with no heading written yet.
    pub fn new(pairs: &[SectionPair]) -> SectionWriter {
        let partner = pairs
            .iter()
            .filter_map(|p| Some((p.old.first()?.path.clone(), p.new.first()?.path.clone())))
            .collect();
        SectionWriter {
            open: Vec::new(),
            partner,
        }
    }

    /// Forgets the headings written so far, so that the next pair writes all its ancestors'
    /// headings, as at the start of a new document.
    pub fn restart(&mut self) {
        self.open.clear();
    }

    /// The headings a pair is shown under: its new path, or for a removed section its old
    /// path with the deepest paired ancestor replaced by that ancestor's new path.
    pub fn display_path(&self, p: &SectionPair) -> Vec<String> {
        if let Some(r) = p.new.first() {
            return r.path.clone();
        }
        let Some(r) = p.old.first() else {
            return Vec::new();
        };
        for k in (1..r.path.len()).rev() {
            if let Some(new) = self.partner.get(&r.path[..k]) {
                let mut path = new.clone();
                path.extend_from_slice(&r.path[k..]);
                return path;
            }
        }
        r.path.clone()
    }

    /// One pair: missing ancestor headings, its own heading with kind and similarity, its
    /// sentence changes. Unchanged pairs write nothing.
    pub fn pair(&mut self, p: &SectionPair) -> String {
        self.pair_shown(p, |_| true)
    }

    /// One pair as [`pair`](Self::pair) writes it, with only the sentence changes whose index
    /// `shown` accepts, and a line counting the ones left out.
    pub fn pair_shown(&mut self, p: &SectionPair, shown: impl Fn(usize) -> bool) -> String {
        let mut s = String::new();
        if p.kind == PairKind::Unchanged && p.changes.is_empty() {
            return s;
        }
        let display = self.display_path(p);
        let path: &[String] = &display;
        let depth = path.len().max(1);
        let shared = self
            .open
            .iter()
            .zip(path)
            .take_while(|(a, b)| a == b)
            .count()
            .min(depth - 1);
        for (i, h) in path.iter().enumerate().take(depth - 1).skip(shared) {
            s.push_str(&format!("{} {}\n\n", hashes(i + 1), escape(h)));
        }
        let title = pair_title(p);
        let title = if title.trim().is_empty() {
            "(untitled)".to_string()
        } else {
            title
        };
        s.push_str(&format!("{} {}\n\n", hashes(depth), escape(&title)));
        let mut meta = format!("**{}**", p.kind.as_str());
        if !matches!(
            p.kind,
            PairKind::Added | PairKind::Removed | PairKind::Unchanged
        ) {
            meta.push_str(&format!(" · similarity {:.2}", p.similarity));
            if p.text_changed > 0.0 {
                meta.push_str(&format!(
                    " · {:.0}% of its text changed",
                    p.text_changed * 100.0
                ));
            }
        }
        if p.kind == PairKind::Moved {
            let from = p.old.first().map_or(String::new(), |r| {
                r.path[..r.path.len().saturating_sub(1)].join(" › ")
            });
            let from = if from.is_empty() {
                "the top level".to_string()
            } else {
                from
            };
            meta.push_str(&format!(" · from {}", escape(&from)));
        }
        let span = |r: &[SectionRef]| r.first().map(|r| format!("{}–{}", r.lines[0], r.lines[1]));
        match (span(&p.old), span(&p.new)) {
            (Some(a), Some(b)) => meta.push_str(&format!(" · lines {a} → {b}")),
            (Some(a), None) | (None, Some(a)) => meta.push_str(&format!(" · lines {a}")),
            _ => {}
        }
        s.push_str(&meta);
        s.push_str("\n\n");
        let kept: Vec<&SentenceChange> = (0..p.changes.len())
            .filter(|&i| shown(i))
            .map(|i| &p.changes[i])
            .collect();
        let left_out = p.changes.len() - kept.len();
        let mut i = 0;
        while i < kept.len() {
            let run = table_cell_run(&kept[i..]);
            if run >= 2 {
                s.push_str(&table_rows_item(&kept[i..i + run]));
                i += run;
            } else {
                s.push_str(&change_item(kept[i]));
                i += 1;
            }
        }
        if left_out > 0 {
            s.push_str(&format!("- *… {}*\n", left_out_text(left_out)));
        }
        if !p.changes.is_empty() {
            s.push('\n');
        }
        self.open = path.to_vec();
        s
    }
}

/// Writes the whole changelog: title, summary, the briefing, figures, promises, initiatives, then the changes
/// section by section. `parts` leaves parts out (`--only`, `--summary`).
pub fn write_comparison<W: Write>(out: &mut W, c: &Comparison, parts: Parts) -> io::Result<()> {
    let c = &parts.filter(c);
    write!(out, "{}", summary(c, parts))?;
    writeln!(out)?;
    write!(out, "{}", briefing(&c.briefing, c.new.lang, 2))?;
    if parts.figures {
        writeln!(out, "## Figures\n")?;
        if c.figures.is_empty() {
            writeln!(out, "No figures found.\n")?;
        } else {
            writeln!(out, "{}", figure_table(&sorted_figures(&c.figures)))?;
        }
        if !c.promises.is_empty() {
            writeln!(out, "## Promises\n")?;
            writeln!(
                out,
                "Targets the {} edition set, and what the {} edition reports.\n",
                year_or(&c.old, "old"),
                year_or(&c.new, "new")
            )?;
            writeln!(out, "{}", promise_table(&c.promises))?;
        }
    }
    if parts.initiative_lists() {
        writeln!(out, "## Initiatives\n")?;
        write!(out, "{}", initiatives(&c.initiatives, &c.delivery))?;
    }
    if parts.sections() {
        writeln!(out, "## Changes by section\n")?;
        let mut w = SectionWriter::new(&c.sections);
        let mut any = false;
        for p in &c.sections {
            let text = w.pair(p);
            any |= !text.is_empty();
            write!(out, "{text}")?;
        }
        if !any {
            writeln!(out, "No section changes (allowing for the year shift).\n")?;
        }
    }
    Ok(())
}

fn year_or(d: &DocInfo, fallback: &str) -> String {
    d.year.map_or(fallback.to_string(), |y| y.to_string())
}

/// Writes the figures of one edition as a table (`yoydiff figures --format markdown`).
pub fn write_figures<W: Write>(out: &mut W, doc: &Document, figures: &[Figure]) -> io::Result<()> {
    let year = doc.year.map_or(String::new(), |y| format!(" ({y})"));
    writeln!(out, "# Figures of {}{year}\n", escape(&doc.source))?;
    if figures.is_empty() {
        return writeln!(out, "No figures found.");
    }
    writeln!(out, "| line | label | role | value |\n|---:|---|---|---:|")?;
    for f in figures {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            f.line,
            label(&f.label),
            f.role.as_str(),
            escape(&f.text)
        )?;
    }
    writeln!(out, "\n{} figures", figures.len())
}

/// Writes the outline of one edition as headings (`yoydiff outline --format markdown`).
pub fn write_outline<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    let year = doc.year.map_or(String::new(), |y| format!(" ({y})"));
    writeln!(out, "# {}{year}\n", escape(&doc.title))?;
    fn walk<W: Write>(out: &mut W, s: &Section) -> io::Result<()> {
        let text = s.heading_text();
        let text = if text.trim().is_empty() {
            format!("({})", s.kind.as_str())
        } else {
            text
        };
        let indent = "  ".repeat(s.level.saturating_sub(1) as usize);
        writeln!(
            out,
            "{indent}- {} *({}, lines {}–{})*",
            escape(&text),
            s.kind.as_str(),
            s.lines.0,
            s.lines.1
        )?;
        for c in &s.children {
            walk(out, c)?;
        }
        Ok(())
    }
    for s in &doc.sections {
        walk(out, s)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(op: InlineTag, text: &str) -> InlineOp {
        InlineOp {
            op,
            text: text.to_string(),
            old_text: None,
        }
    }

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(escape("a|b*c_d"), "a\\|b\\*c\\_d");
        assert_eq!(escape("<br> [x](y) #1 $5"), "\\<br\\> \\[x\\](y) \\#1 \\$5");
    }

    #[test]
    fn insertions_and_deletions_have_one_style_next_to_any_text() {
        // `字**“新”**` would not open: the run is followed by punctuation after a letter;
        // the HTML form parses there, and is used everywhere so that a passage has one style.
        let runs = [
            run(InlineTag::Equal, "推进"),
            run(InlineTag::Insert, "“新”"),
            run(InlineTag::Equal, "建设"),
        ];
        assert_eq!(inline(&runs), "推进<ins>“新”</ins>建设");
        let runs = [
            run(InlineTag::Equal, "推进"),
            run(InlineTag::Delete, "旧式"),
            run(InlineTag::Insert, "新型"),
            run(InlineTag::Equal, "建设"),
        ];
        assert_eq!(inline(&runs), "推进<del>旧式</del><ins>新型</ins>建设");
    }

    #[test]
    fn spaces_move_outside_marks() {
        let runs = [
            run(InlineTag::Equal, "the"),
            run(InlineTag::Delete, " old"),
            run(InlineTag::Insert, " new"),
            run(InlineTag::Equal, " plan"),
        ];
        assert_eq!(inline(&runs), "the <del>old</del> <ins>new</ins> plan");
    }

    #[test]
    fn table_rows_are_told_from_prose() {
        // Rows of the Berkshire and Apple tables as the text gives them.
        for row in [
            "$",
            "$ 108,620",
            "18.8",
            "$ 100 $ 149 $ 146 $ 303 $ 400 $ 411",
            "Total 160,172 $ 60,665",
            "Open market and privately negotiated purchases 41,690 $ 145.91 41,690",
            "项目\t2023年\t2024年",
            "| a | b | c |",
        ] {
            assert!(is_table_row(row), "{row}");
        }
        for prose in [
            "As of September 30, 2023, the Company had approximately 161,000 employees.",
            "国内生产总值增长5%左右",
            "今年发展主要预期目标是：国内生产总值增长5%左右；",
            "12/31/21",
            "A Tale of Two Cities",
        ] {
            assert!(!is_table_row(prose), "{prose}");
        }
    }

    #[test]
    fn a_run_of_table_cells_is_one_item() {
        // Berkshire's 2021 letter gives its holdings table one cell a line.
        let cell = |kind: ChangeKind, text: &str, line: u32| SentenceChange {
            kind,
            old: (kind == ChangeKind::Removed).then(|| text.to_string()),
            new: (kind == ChangeKind::Added).then(|| text.to_string()),
            old_line: (kind == ChangeKind::Removed).then_some(line),
            new_line: (kind == ChangeKind::Added).then_some(line),
            inline: Vec::new(),
            old_section: None,
            new_section: None,
        };
        let changes = [
            cell(ChangeKind::Removed, "$", 237),
            cell(ChangeKind::Removed, "120,424", 244),
            cell(ChangeKind::Added, "161,155", 247),
            cell(ChangeKind::Added, "Held by BHE.", 281),
        ];
        let refs: Vec<&SentenceChange> = changes.iter().collect();
        assert_eq!(table_cell_run(&refs), 3, "the prose sentence ends the run");
        assert_eq!(
            table_rows_item(&refs[..3]),
            "- *table rows changed, l. 237–244 → 247:*\n  - old: \\$ · 120,424\n  - new: 161,155\n"
        );
    }
}

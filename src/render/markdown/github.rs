//! GitHub output: Markdown for a pull-request comment.
//!
//! A reviewer reads the top of a comment and opens what interests them, so the summary, the
//! briefing and the figures that moved come first, and everything long sits in a `<details>`
//! fold: the initiatives, one fold per top-level part of the report, the full figure table.
//!
//! GitHub refuses comments over 65,536 characters. The comment is filled up to the limit from
//! pieces taken in order of importance, so that a long report is cut inside its parts rather
//! than losing a whole part:
//! 1. the summary and the briefing;
//! 2. every top-level part's fold (its heading and counts) and its few most important changes;
//! 3. the changed figures and last year's targets, then the initiatives;
//! 4. the other sentence changes and section headings, most important first (reworded over
//!    added or removed over moved, a sentence with a figure over one without);
//! 5. the full figure table.
//!
//! A piece that does not fit is skipped and smaller ones after it may still fit. What was
//! left out is named in a note with the command that shows everything.

use std::collections::HashMap;
use std::io::{self, Write};

use super::{self as markdown, escape_html};
use crate::model::{ChangeKind, FigureStatus, SentenceChange};
use crate::model::{Comparison, PairKind, SectionPair};
use crate::render::Parts;

/// GitHub's limit for one comment, in characters.
pub const COMMENT_LIMIT: usize = 65_536;

/// Changed figures shown before the fold; the rest are in the full table.
const TOP_FIGURES: usize = 30;

/// Options for the comment.
#[derive(Debug, Clone)]
pub struct GithubOptions {
    /// Which parts to show.
    pub parts: Parts,
    /// The most characters the comment may have (at most [`COMMENT_LIMIT`] makes sense).
    pub max_chars: usize,
    /// The command that shows everything, quoted in the note when something was left out.
    pub full_command: String,
}

impl Default for GithubOptions {
    fn default() -> Self {
        GithubOptions {
            parts: Parts::ALL,
            max_chars: COMMENT_LIMIT,
            full_command: "yoydiff diff OLD NEW --format markdown".to_string(),
        }
    }
}

/// Sentence changes of each top-level part kept before anything else of lower rank.
const CHANGES_PER_PART: usize = 3;

/// Rounds of filling after the first: each measures the real text and adds pieces into the
/// room that estimates left (an estimate counts a heading once per section, even when the
/// section writer shares it with a neighbour).
const FILL_ROUNDS: usize = 3;

/// A block of the comment outside the section folds. Lower `tier` is taken first.
struct Block {
    text: String,
    tier: u8,
    /// What the note calls this block when it is left out; empty for the summary.
    name: String,
    /// Where it stands: before the section folds, or after them.
    after_sections: bool,
}

/// The folds of one top-level part: the section pairs shown under its heading.
struct Group {
    name: String,
    pairs: Vec<usize>,
}

/// A piece the comment may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Piece {
    /// A block, by index.
    Block(usize),
    /// A top-level part's fold with its title, by group index.
    Fold(usize),
    /// The heading line and kind of a section pair, by index into `Comparison::sections`.
    Heading(usize),
    /// One sentence change: the pair's index and the change's index in the pair.
    Change(usize, usize),
}

/// What is in the comment so far.
#[derive(Default, Clone)]
struct Chosen {
    pieces: std::collections::HashSet<Piece>,
    order: Vec<Piece>,
    /// How many folds are in.
    folds: usize,
}

impl Chosen {
    fn has(&self, p: Piece) -> bool {
        self.pieces.contains(&p)
    }

    fn add(&mut self, p: Piece) {
        if self.pieces.insert(p) {
            self.order.push(p);
            self.folds += usize::from(matches!(p, Piece::Fold(_)));
        }
    }

    fn truncate(&mut self, n: usize) {
        for p in self.order.drain(n..) {
            self.pieces.remove(&p);
            self.folds -= usize::from(matches!(p, Piece::Fold(_)));
        }
    }
}

/// Everything the comment can show, with what each piece costs.
struct Plan<'a> {
    c: &'a Comparison,
    blocks: Vec<Block>,
    groups: Vec<Group>,
    /// The group of each section pair shown in a fold.
    group_of: HashMap<usize, usize>,
    /// Characters of a pair's headings (its ancestors' too) with none of its changes.
    heading_cost: HashMap<usize, usize>,
    /// Characters of each fold with an empty body.
    fold_cost: Vec<usize>,
    /// Characters of each sentence change's item, by pair and change.
    change_cost: HashMap<(usize, usize), usize>,
    /// Pieces in the order they are taken.
    ranked: Vec<(u8, Piece)>,
}

const SECTIONS_HEADING: &str = "### Changes by section\n\n";

fn details(summary: &str, body: &str) -> String {
    format!(
        "<details>\n<summary>{}</summary>\n\n{}\n\n</details>\n\n",
        escape_html(summary),
        body.trim_end()
    )
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// How much a sentence change matters to a reviewer, higher first: a changed sentence says
/// more than a new or dropped one, which says more than a move; a sentence with a figure
/// more than one without; a report's table row least.
fn weight(c: &SentenceChange) -> i32 {
    let text = c.new.as_deref().or(c.old.as_deref()).unwrap_or("");
    let mut w = match c.kind {
        ChangeKind::Reworded => 30,
        ChangeKind::Added | ChangeKind::Removed => 20,
        _ => 10,
    };
    if text.chars().any(|ch| ch.is_ascii_digit()) {
        w += 20;
    }
    if markdown::is_table_row(text) {
        w -= 25;
    }
    w
}

/// A section's own change (renamed, moved, split, merged, added, removed) weighs like a
/// reworded sentence; an edited section is told by its sentences.
fn heading_weight(p: &SectionPair) -> Option<i32> {
    match p.kind {
        PairKind::Unchanged | PairKind::Edited => None,
        _ => Some(35),
    }
}

fn fold_title(name: &str, pairs: &[&SectionPair], shown: Option<usize>) -> String {
    let sentences: usize = pairs.iter().map(|p| p.changes.len()).sum();
    let mut kinds: Vec<String> = Vec::new();
    for kind in PairKind::ALL {
        let n = pairs.iter().filter(|p| p.kind == kind).count();
        if n > 0 && kind != PairKind::Unchanged {
            kinds.push(format!("{n} {}", kind.as_str()));
        }
    }
    let kinds = kinds.join(", ");
    match shown {
        Some(n) if n < sentences => {
            format!("{name} — {kinds}; {n} of {sentences} sentence changes shown")
        }
        _ => format!("{name} — {kinds}; {sentences} sentence changes"),
    }
}

impl<'a> Plan<'a> {
    fn new(c: &'a Comparison, opts: &GithubOptions) -> Plan<'a> {
        let parts = opts.parts;
        let mut blocks = vec![
            Block {
                text: format!("{}\n", markdown::summary(c, parts)),
                tier: 0,
                name: String::new(),
                after_sections: false,
            },
            Block {
                text: markdown::briefing(&c.briefing, c.new.lang, 3),
                tier: 1,
                name: "the briefing".into(),
                after_sections: false,
            },
        ];
        if parts.figures && !c.figures.is_empty() {
            let changed: Vec<_> = c
                .figures
                .iter()
                .filter(|f| f.status == FigureStatus::Changed)
                .collect();
            if !changed.is_empty() {
                let shown = &changed[..changed.len().min(TOP_FIGURES)];
                let mut text = format!("### Figures that moved ({})\n\n", changed.len());
                text.push_str(&markdown::figure_table(shown));
                if shown.len() < changed.len() {
                    text.push_str(&format!(
                        "\n{} more in the full table below.\n",
                        changed.len() - shown.len()
                    ));
                }
                text.push('\n');
                blocks.push(Block {
                    text,
                    tier: 4,
                    name: "the changed figures".into(),
                    after_sections: false,
                });
            }
        }
        if parts.figures && !c.promises.is_empty() {
            blocks.push(Block {
                text: format!(
                    "### Last year's targets\n\n{}\n",
                    markdown::promise_table(&c.promises)
                ),
                tier: 4,
                name: "the promises table".into(),
                after_sections: false,
            });
        }
        if parts.initiative_lists() && (!c.initiatives.is_empty() || !c.delivery.is_empty()) {
            let s = &c.summary.initiatives;
            let terms = &c.summary.key_terms;
            let title = format!(
                "Initiatives: {} new, {} dropped, {} upgraded, {} renamed; key terms: {} new, {} dropped",
                s.new, s.dropped, s.upgraded, s.renamed, terms.new, terms.dropped
            );
            blocks.push(Block {
                text: details(
                    &title,
                    &markdown::initiatives(&c.initiatives, &c.delivery).replace("### ", "#### "),
                ),
                tier: 5,
                name: "the initiatives".into(),
                after_sections: false,
            });
        }
        if parts.figures && c.figures.len() > 1 {
            let sorted = crate::render::shared::sorted_figures(&c.figures);
            blocks.push(Block {
                text: details(
                    &format!("All figures ({})", c.figures.len()),
                    &markdown::figure_table(&sorted),
                ),
                tier: 7,
                name: "the full figure table".into(),
                after_sections: true,
            });
        }

        // One fold per top-level part, in reading order.
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of = HashMap::new();
        let mut heading_cost = HashMap::new();
        let mut change_cost = HashMap::new();
        if parts.sections() {
            let mut w = markdown::SectionWriter::new(&c.sections);
            let mut by_name: HashMap<String, usize> = HashMap::new();
            for (i, p) in c.sections.iter().enumerate() {
                if p.kind == PairKind::Unchanged && p.changes.is_empty() {
                    continue;
                }
                // Removed sections sit among the new ones under their old heading, so a
                // group is found by name, not only at the end.
                let top = w.display_path(p).first().cloned().unwrap_or_default();
                let top = if top.trim().is_empty() {
                    "(untitled)".to_string()
                } else {
                    top
                };
                let g = *by_name.entry(top.clone()).or_insert_with(|| {
                    groups.push(Group {
                        name: top,
                        pairs: Vec::new(),
                    });
                    groups.len() - 1
                });
                groups[g].pairs.push(i);
                group_of.insert(i, g);
                w.restart();
                heading_cost.insert(i, chars(&w.pair_shown(p, |_| false)));
                for (k, change) in p.changes.iter().enumerate() {
                    change_cost.insert((i, k), chars(&markdown::change_item(change)));
                }
            }
        }
        let fold_cost = groups
            .iter()
            .map(|g| {
                let pairs: Vec<&SectionPair> = g.pairs.iter().map(|&i| &c.sections[i]).collect();
                // The longest title: with the count of changes shown.
                chars(&details(&fold_title(&g.name, &pairs, Some(0)), "")) + 8
            })
            .collect();

        // The order pieces are taken in: tier, then weight, then the parts in turn (the first
        // piece of that weight of every part, then the second…), then reading order, so that
        // one long part does not take the room of the others.
        let mut ranked: Vec<(u8, i32, usize, usize, Piece)> = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            ranked.push((b.tier, 0, 0, i, Piece::Block(i)));
        }
        let mut seq = 0;
        for (g, group) in groups.iter().enumerate() {
            ranked.push((2, 0, 0, g, Piece::Fold(g)));
            let mut pieces: Vec<(i32, usize, Piece)> = Vec::new();
            for &i in &group.pairs {
                let p = &c.sections[i];
                if let Some(w) = heading_weight(p) {
                    pieces.push((w, seq, Piece::Heading(i)));
                    seq += 1;
                }
                for (k, change) in p.changes.iter().enumerate() {
                    pieces.push((weight(change), seq, Piece::Change(i, k)));
                    seq += 1;
                }
            }
            pieces.sort_by_key(|&(w, s, _)| (std::cmp::Reverse(w), s));
            let mut turn = 0;
            for (n, (w, s, piece)) in pieces.iter().copied().enumerate() {
                // The place of this piece among the part's pieces of its weight.
                turn = if n > 0 && pieces[n - 1].0 == w {
                    turn + 1
                } else {
                    0
                };
                let tier = if n < CHANGES_PER_PART { 3 } else { 6 };
                ranked.push((tier, w, turn, s, piece));
            }
        }
        ranked.sort_by_key(|&(tier, w, turn, s, _)| (tier, std::cmp::Reverse(w), turn, s));
        Plan {
            c,
            blocks,
            groups,
            group_of,
            heading_cost,
            fold_cost,
            change_cost,
            ranked: ranked.into_iter().map(|(t, _, _, _, p)| (t, p)).collect(),
        }
    }

    /// What adding `piece` to `chosen` costs at most, with the headings and fold it needs.
    fn cost(&self, piece: Piece, chosen: &Chosen) -> usize {
        let fold = |i: usize| {
            let g = self.group_of[&i];
            if chosen.has(Piece::Fold(g)) {
                0
            } else {
                self.fold_piece_cost(g, chosen)
            }
        };
        let heading = |i: usize| {
            if chosen.has(Piece::Heading(i)) {
                0
            } else {
                self.heading_cost[&i] + fold(i)
            }
        };
        match piece {
            Piece::Block(b) => chars(&self.blocks[b].text),
            Piece::Fold(g) => self.fold_piece_cost(g, chosen),
            Piece::Heading(i) => heading(i),
            Piece::Change(i, k) => self.change_cost[&(i, k)] + heading(i),
        }
    }

    fn fold_piece_cost(&self, g: usize, chosen: &Chosen) -> usize {
        let first = chosen.folds == 0;
        self.fold_cost[g] + if first { chars(SECTIONS_HEADING) } else { 0 }
    }

    /// Adds pieces in rank order while they fit in `room` characters; returns what is left.
    fn fill(&self, chosen: &mut Chosen, mut room: usize) -> usize {
        for &(tier, piece) in &self.ranked {
            if chosen.has(piece) {
                continue;
            }
            let cost = self.cost(piece, chosen);
            if cost <= room || tier == 0 {
                room = room.saturating_sub(cost);
                // A change needs its heading and fold; a heading needs its fold.
                if let Piece::Change(i, _) | Piece::Heading(i) = piece {
                    chosen.add(Piece::Fold(self.group_of[&i]));
                    chosen.add(Piece::Heading(i));
                }
                chosen.add(piece);
            }
        }
        room
    }

    /// The comment holding `chosen`, with the note when anything was left out.
    fn render(&self, chosen: &Chosen, opts: &GithubOptions) -> String {
        let mut out = String::new();
        let mut sections = String::new();
        let mut w = markdown::SectionWriter::new(&self.c.sections);
        for (g, group) in self.groups.iter().enumerate() {
            if !chosen.has(Piece::Fold(g)) {
                continue;
            }
            // Each fold opens with its own headings.
            w.restart();
            let mut body = String::new();
            let mut shown = 0;
            for &i in &group.pairs {
                if !chosen.has(Piece::Heading(i)) {
                    continue;
                }
                let keep = |k: usize| chosen.has(Piece::Change(i, k));
                shown += (0..self.c.sections[i].changes.len())
                    .filter(|&k| keep(k))
                    .count();
                body.push_str(&w.pair_shown(&self.c.sections[i], keep));
            }
            let pairs: Vec<&SectionPair> =
                group.pairs.iter().map(|&i| &self.c.sections[i]).collect();
            sections.push_str(&details(
                &fold_title(&group.name, &pairs, Some(shown)),
                &body,
            ));
        }
        for (b, block) in self.blocks.iter().enumerate() {
            if block.after_sections || !chosen.has(Piece::Block(b)) {
                continue;
            }
            out.push_str(&block.text);
        }
        if !sections.is_empty() {
            out.push_str(SECTIONS_HEADING);
            out.push_str(&sections);
        }
        for (b, block) in self.blocks.iter().enumerate() {
            if block.after_sections && chosen.has(Piece::Block(b)) {
                out.push_str(&block.text);
            }
        }
        if let Some(note) = self.note(chosen, opts) {
            out.push_str(&note);
        }
        out
    }

    /// The note naming what was left out, in reading order; `None` when nothing was.
    fn note(&self, chosen: &Chosen, opts: &GithubOptions) -> Option<String> {
        let mut names: Vec<String> = Vec::new();
        for (b, block) in self.blocks.iter().enumerate() {
            if !block.after_sections && !chosen.has(Piece::Block(b)) && !block.name.is_empty() {
                names.push(block.name.clone());
            }
        }
        let (mut shown, mut total) = (0, 0);
        for (g, group) in self.groups.iter().enumerate() {
            let all: usize = group
                .pairs
                .iter()
                .map(|&i| self.c.sections[i].changes.len())
                .sum();
            let kept = group
                .pairs
                .iter()
                .map(|&i| {
                    (0..self.c.sections[i].changes.len())
                        .filter(|&k| chosen.has(Piece::Change(i, k)))
                        .count()
                })
                .sum::<usize>();
            let headings_left = group.pairs.iter().any(|&i| {
                heading_weight(&self.c.sections[i]).is_some() && !chosen.has(Piece::Heading(i))
            });
            if !chosen.has(Piece::Fold(g)) {
                names.push(group.name.clone());
            } else if kept < all || headings_left {
                names.push(format!("part of {}", group.name));
            }
            shown += kept;
            total += all;
        }
        for (b, block) in self.blocks.iter().enumerate() {
            if block.after_sections && !chosen.has(Piece::Block(b)) {
                names.push(block.name.clone());
            }
        }
        if names.is_empty() {
            return None;
        }
        Some(note(&names, shown, total, opts))
    }
}

/// Most names the note lists before counting the rest.
const NOTE_NAMES: usize = 12;

fn note(left_out: &[String], shown: usize, total: usize, opts: &GithubOptions) -> String {
    let mut names: Vec<String> = left_out
        .iter()
        .take(NOTE_NAMES)
        .map(|n| markdown::cut(n, 40))
        .collect();
    if left_out.len() > names.len() {
        names.push(format!("{} more", left_out.len() - names.len()));
    }
    let changes = if shown < total {
        format!(" ({shown} of {total} sentence changes shown)")
    } else {
        String::new()
    };
    format!(
        "> [!NOTE]\n> Left out to stay under GitHub's comment limit{changes}: {}. Run `{}` to see everything.\n",
        markdown::escape(&names.join("; ")),
        opts.full_command.replace('`', "'")
    )
}

/// Renders the comment as a string of at most `opts.max_chars` characters.
pub fn render(c: &Comparison, opts: &GithubOptions) -> String {
    let filtered = opts.parts.filter(c);
    let plan = Plan::new(&filtered, opts);
    // Room for the longest note: every name cut short, the counts, the command.
    let every: Vec<String> = (0..NOTE_NAMES + 1).map(|_| "x".repeat(40)).collect();
    let reserve = chars(&note(&every, usize::MAX, usize::MAX, opts));
    let mut chosen = Chosen::default();
    plan.fill(&mut chosen, opts.max_chars.saturating_sub(reserve));
    let mut out = plan.render(&chosen, opts);
    // Estimates count shared headings once per section: fill the room they left.
    for _ in 0..FILL_ROUNDS {
        let used = chars(&out);
        if used + reserve >= opts.max_chars {
            break;
        }
        let before = chosen.order.len();
        let mut more = chosen.clone();
        plan.fill(&mut more, opts.max_chars - reserve - used);
        if more.order.len() == before {
            break;
        }
        let text = plan.render(&more, opts);
        if chars(&text) > opts.max_chars {
            break;
        }
        chosen = more;
        out = text;
    }
    // Estimates are upper bounds, so this only happens when the summary alone is too long,
    // or the note outgrew its room: drop the last pieces taken, then cut on a line.
    let mut n = chosen.order.len();
    while chars(&out) > opts.max_chars && n > 1 {
        n = n.saturating_sub((n / 8).max(1)).max(1);
        chosen.truncate(n);
        out = plan.render(&chosen, opts);
    }
    if chars(&out) > opts.max_chars {
        let mut cut: String = out.chars().take(opts.max_chars.saturating_sub(2)).collect();
        if let Some(nl) = cut.rfind('\n') {
            cut.truncate(nl + 1);
        }
        out = cut;
    }
    out
}

/// Writes the pull-request comment.
pub fn write_comparison<W: Write>(
    out: &mut W,
    c: &Comparison,
    opts: &GithubOptions,
) -> io::Result<()> {
    out.write_all(render(c, opts).as_bytes())
}

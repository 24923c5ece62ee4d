//! The comparison of two editions: the `Comparison` every renderer reads.
//!
//! This module turns a [`SectionAlignment`](crate::align::SectionAlignment) into the data model
//! of `docs/json-schema.md`: section pairs with a kind and a similarity, in reading order,
//! and a summary. Renderers never look at the raw text or the alignment internals.

use serde::Serialize;

use crate::align::{self, Placement, SectionAlignment, Tree};
use crate::figures::{self, FigurePair, FigureStatus, Promise};
use crate::initiatives::{self, Delivery, Initiative};
use crate::outline::{Document, Lang, OutlineOptions, SectionKind};
use crate::textdiff::{self, ChangeKind, PairChanges};
pub use crate::textdiff::{InlineOp, InlineTag, SentenceChange};
use crate::year::same_under_shift;

/// How years are compared across editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum YearShift {
    /// Relative to each edition's own year (new year − old year), when both are known.
    #[default]
    Auto,
    /// Literally.
    Off,
    /// With a fixed shift of N years.
    Fixed(i32),
}

/// Options for a comparison.
#[derive(Debug, Clone, Copy, Default)]
pub struct CompareOptions {
    /// How years are compared.
    pub year_shift: YearShift,
    /// How the editions are outlined.
    pub outline: OutlineOptions,
}

/// What happened to a section between the editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PairKind {
    /// Same title and same text (allowing for the year shift).
    Unchanged,
    /// Same title, different text.
    Edited,
    /// Different title.
    Renamed,
    /// Now under another parent, or in another order among its siblings.
    Moved,
    /// One old section became several new ones.
    Split,
    /// Several old sections became one new one.
    Merged,
    /// Only in the new edition.
    Added,
    /// Only in the old edition.
    Removed,
}

impl PairKind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [PairKind; 8] = [
        PairKind::Unchanged,
        PairKind::Edited,
        PairKind::Renamed,
        PairKind::Moved,
        PairKind::Split,
        PairKind::Merged,
        PairKind::Added,
        PairKind::Removed,
    ];

    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            PairKind::Unchanged => "unchanged",
            PairKind::Edited => "edited",
            PairKind::Renamed => "renamed",
            PairKind::Moved => "moved",
            PairKind::Split => "split",
            PairKind::Merged => "merged",
            PairKind::Added => "added",
            PairKind::Removed => "removed",
        }
    }
}

/// A section as seen from a pair: where it sits in its edition.
#[derive(Debug, Clone, Serialize)]
pub struct SectionRef {
    /// Headings from the top of the outline down to this section.
    pub path: Vec<String>,
    /// Numbering as written.
    pub number: String,
    /// Title.
    pub title: String,
    /// Depth in the outline, 1 at the top.
    pub level: u32,
    /// Kind of section.
    pub kind: SectionKind,
    /// First and last line in the original input.
    pub lines: [u32; 2],
}

/// Old sections and the new sections they became.
#[derive(Debug, Clone, Serialize)]
pub struct SectionPair {
    /// What happened.
    pub kind: PairKind,
    /// Content similarity in [0, 1] (1 for unchanged, 0 for added and removed).
    pub similarity: f64,
    /// The old sections (empty when added).
    pub old: Vec<SectionRef>,
    /// The new sections (empty when removed).
    pub new: Vec<SectionRef>,
    /// Share of the pair's own text (not its children's) that changed, in [0, 1]: characters
    /// deleted and inserted over characters on both sides.
    pub text_changed: f64,
    /// Sentence-level changes inside the pair, in reading order.
    pub changes: Vec<SentenceChange>,
}

/// One edition as the comparison names it.
#[derive(Debug, Clone, Serialize)]
pub struct DocInfo {
    /// Where it came from.
    pub source: String,
    /// Its own year, when found.
    pub year: Option<i32>,
    /// Its language.
    pub lang: Lang,
    /// Its title.
    pub title: String,
    /// The encoding it was read in (`UTF-8`, `GBK`, `UTF-16LE`…).
    pub encoding: &'static str,
}

/// The kinds each summary count is kept for, in the order outputs list them.
pub const SENTENCE_KINDS: [&str; 4] = ["reworded", "added", "removed", "moved"];
/// Figure pair statuses, in the order outputs list them.
pub const FIGURE_STATUSES: [&str; 4] = ["changed", "new", "dropped", "unchanged"];
/// Initiative statuses, in the order outputs list them.
pub const INITIATIVE_STATUSES: [&str; 5] = ["new", "dropped", "upgraded", "renamed", "continued"];
/// Promise verdicts, in the order outputs list them.
pub const PROMISE_VERDICTS: [&str; 4] = ["met", "missed", "not_reported", "unclear"];

/// Counts that head every output.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Section pairs by kind.
    pub sections: std::collections::BTreeMap<&'static str, usize>,
    /// Sentence changes by kind (`added`, `removed`, `reworded`, `moved`).
    pub sentences: std::collections::BTreeMap<&'static str, usize>,
    /// Cosine similarity of the two whole texts.
    pub similarity: f64,
    /// Share of all text that changed, in [0, 1]: characters deleted and inserted over the
    /// characters of both editions.
    pub text_changed: f64,
    /// The year shift used (new minus old; 0 when comparing literally).
    pub year_shift: i32,
    /// Figure pairs by status (`changed`, `unchanged`, `new`, `dropped`).
    pub figures: std::collections::BTreeMap<&'static str, usize>,
    /// Initiatives by status (`new`, `dropped`, `continued`, `upgraded`, `renamed`).
    pub initiatives: std::collections::BTreeMap<&'static str, usize>,
    /// Promises by verdict (`met`, `missed`, `not_reported`, `unclear`).
    pub promises: std::collections::BTreeMap<&'static str, usize>,
}

/// Everything yoydiff found between two editions.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The older edition.
    pub old: DocInfo,
    /// The newer edition.
    pub new: DocInfo,
    /// Counts and overall similarity.
    pub summary: Summary,
    /// Section pairs in reading order of the new edition; removed sections sit after the
    /// section that preceded them in the old edition.
    pub sections: Vec<SectionPair>,
    /// Figures of both editions, matched.
    pub figures: Vec<FigurePair>,
    /// Named initiatives: new, dropped, upgraded, renamed, continued.
    pub initiatives: Vec<Initiative>,
    /// Targets of the old edition's plan checked against the new edition's review.
    pub promises: Vec<Promise>,
    /// Plans of the old edition that the new review reports on, and those it never mentions.
    pub delivery: Delivery,
}

impl Comparison {
    /// True when anything differs between the editions.
    pub fn has_changes(&self) -> bool {
        self.sections.iter().any(|p| p.kind != PairKind::Unchanged)
            || self
                .figures
                .iter()
                .any(|f| f.status != FigureStatus::Unchanged)
    }

    /// Number of pairs of a kind.
    pub fn count(&self, kind: PairKind) -> usize {
        self.summary
            .sections
            .get(kind.as_str())
            .copied()
            .unwrap_or(0)
    }
}

/// The year shift to use for two documents under `mode`.
pub fn resolve_year_shift(old: &Document, new: &Document, mode: YearShift) -> i32 {
    match mode {
        YearShift::Off => 0,
        YearShift::Fixed(n) => n,
        YearShift::Auto => match (old.year, new.year) {
            (Some(a), Some(b)) => b - a,
            _ => 0,
        },
    }
}

/// Compares two outlined editions.
pub fn compare(old: &Document, new: &Document, options: &CompareOptions) -> Comparison {
    let shift = resolve_year_shift(old, new, options.year_shift);
    let alignment = align::align(old, new, shift);
    let mut order: Vec<(SortKey, &align::AlignedGroup)> = sort_keys(&alignment)
        .into_iter()
        .zip(&alignment.groups)
        .collect();
    order.sort_by_key(|(key, _)| *key);
    let groups: Vec<&align::AlignedGroup> = order.into_iter().map(|(_, g)| g).collect();
    let mut sections: Vec<SectionPair> =
        groups.iter().map(|g| section_pair(&alignment, g)).collect();
    let (changed, total) = fill_sentence_changes(&alignment, &groups, &mut sections);
    let mut summary = Summary {
        similarity: round3(alignment.overall_similarity),
        year_shift: shift,
        text_changed: round3(if total == 0 {
            0.0
        } else {
            changed as f64 / total as f64
        }),
        ..Summary::default()
    };
    for kind in [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Reworded,
        ChangeKind::Moved,
    ] {
        let n = sections
            .iter()
            .flat_map(|p| &p.changes)
            .filter(|c| c.kind == kind)
            .count();
        summary.sentences.insert(kind.as_str(), n);
    }
    for kind in PairKind::ALL {
        summary.sections.insert(
            kind.as_str(),
            sections.iter().filter(|p| p.kind == kind).count(),
        );
    }
    let old_figures = figures::extract(old);
    let new_figures = figures::extract(new);
    let figure_pairs = figures::match_figures(&old_figures, &new_figures, &sections);
    let promises = figures::promises(old, &old_figures, new, &new_figures);
    let (initiative_list, delivery) = initiatives::compare_initiatives(old, new, &sections);
    for p in &figure_pairs {
        *summary.figures.entry(p.status.as_str()).or_default() += 1;
    }
    for i in &initiative_list {
        *summary.initiatives.entry(i.status.as_str()).or_default() += 1;
    }
    for p in &promises {
        *summary.promises.entry(p.verdict.as_str()).or_default() += 1;
    }
    Comparison {
        old: doc_info(old),
        new: doc_info(new),
        summary,
        sections,
        figures: figure_pairs,
        initiatives: initiative_list,
        promises,
        delivery,
    }
}

/// Aligns the sentences of every changed pair, finds sentences that moved between pairs, and
/// stores the changes and each pair's changed share. Returns the characters changed and the
/// characters of both editions.
fn fill_sentence_changes(
    a: &SectionAlignment,
    groups: &[&align::AlignedGroup],
    sections: &mut [SectionPair],
) -> (usize, usize) {
    let mut all: Vec<PairChanges> = Vec::with_capacity(sections.len());
    let mut own_chars: Vec<usize> = Vec::with_capacity(sections.len());
    for (pair, g) in sections.iter().zip(groups) {
        let (olds, news) = (&g.old, &g.new);
        let old_sents: Vec<textdiff::Sentence> = olds
            .iter()
            .flat_map(|&i| textdiff::sentences(a.old.nodes[i].section, &a.old.nodes[i].path))
            .collect();
        let new_sents: Vec<textdiff::Sentence> = news
            .iter()
            .flat_map(|&i| textdiff::sentences(a.new.nodes[i].section, &a.new.nodes[i].path))
            .collect();
        own_chars.push(
            old_sents
                .iter()
                .chain(&new_sents)
                .map(|s| s.text.chars().count())
                .sum(),
        );
        let changes = if pair.kind == PairKind::Unchanged {
            Vec::new()
        } else {
            textdiff::diff_sentences(&old_sents, &new_sents, a.year_shift)
        };
        all.push(PairChanges {
            old_path: pair.old.first().map(|r| r.path.clone()),
            new_path: pair.new.first().map(|r| r.path.clone()),
            changes,
        });
    }
    textdiff::detect_moves(&mut all, a.year_shift);
    let (mut changed, mut total) = (0, 0);
    for ((pair, pc), chars) in sections.iter_mut().zip(all).zip(own_chars) {
        let pair_changed: usize = pc.changes.iter().map(SentenceChange::changed_chars).sum();
        pair.text_changed = if chars == 0 {
            0.0
        } else {
            round3((pair_changed as f64 / chars as f64).min(1.0))
        };
        pair.changes = pc.changes;
        changed += pair_changed;
        total += chars;
    }
    (changed, total)
}

fn doc_info(d: &Document) -> DocInfo {
    DocInfo {
        source: d.source.clone(),
        year: d.year,
        lang: d.lang,
        title: d.title.clone(),
        encoding: d.encoding,
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn section_ref(tree: &Tree, id: usize) -> SectionRef {
    let node = &tree.nodes[id];
    let s = node.section;
    SectionRef {
        path: node.path.clone(),
        number: s.number.clone(),
        title: s.title.clone(),
        level: s.level,
        kind: s.kind,
        lines: [s.lines.0, s.lines.1],
    }
}

fn section_pair(a: &SectionAlignment, g: &align::AlignedGroup) -> SectionPair {
    let old: Vec<SectionRef> = g.old.iter().map(|&i| section_ref(&a.old, i)).collect();
    let new: Vec<SectionRef> = g.new.iter().map(|&i| section_ref(&a.new, i)).collect();
    let (kind, similarity) = match (g.old.as_slice(), g.new.as_slice()) {
        ([], _) => (PairKind::Added, 0.0),
        (_, []) => (PairKind::Removed, 0.0),
        ([_, _, ..], [_]) => (PairKind::Merged, g.similarity),
        (_, [_, _, ..]) => (PairKind::Split, g.similarity),
        ([o], [n]) => {
            let (os, ns) = (a.old.nodes[*o].section, a.new.nodes[*n].section);
            // A section is unchanged when its own text is; changes inside its children are
            // reported on the children.
            let same_text = same_under_shift(
                &a.old.nodes[*o].own_text,
                &a.new.nodes[*n].own_text,
                a.year_shift,
            );
            let titled = matches!(os.kind, SectionKind::Heading | SectionKind::Item);
            if g.placement != Placement::InPlace {
                (PairKind::Moved, g.similarity)
            } else if same_text {
                (PairKind::Unchanged, 1.0)
            } else if titled && !same_under_shift(&os.title, &ns.title, a.year_shift) {
                (PairKind::Renamed, g.similarity)
            } else {
                (PairKind::Edited, g.similarity)
            }
        }
    };
    SectionPair {
        kind,
        similarity: round3(similarity),
        old,
        new,
        text_changed: 0.0,
        changes: Vec::new(),
    }
}

/// Orders pairs by the new edition's reading order; removed sections follow the nearest old
/// section before them that has a place in the new edition.
type SortKey = (usize, usize, usize);

/// The sort key of every group, in the order of `a.groups`.
fn sort_keys(a: &SectionAlignment) -> Vec<SortKey> {
    // For each old node: the highest new node of the group it went to, if it has a place in
    // the new edition; then, running forward, the nearest such anchor at or before each node.
    let mut partner: Vec<Option<usize>> = vec![None; a.old.nodes.len()];
    for g in &a.groups {
        if let Some(&n) = g.new.iter().max() {
            for &o in &g.old {
                partner[o] = Some(n);
            }
        }
    }
    let mut anchor_before: Vec<Option<usize>> = vec![None; a.old.nodes.len()];
    let mut last = None;
    for (o, p) in partner.iter().enumerate() {
        anchor_before[o] = last;
        if p.is_some() {
            last = *p;
        }
    }
    a.groups
        .iter()
        .map(|g| match (g.new.first(), g.old.first()) {
            (Some(&n), _) => (n, 0, 0),
            (None, Some(&o)) => match anchor_before[o] {
                Some(n) => (n, 1, o),
                None => (0, 0, o),
            },
            (None, None) => (0, 0, 0),
        })
        .collect()
}

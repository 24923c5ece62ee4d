//! The comparison of two editions: the `Comparison` every renderer reads.
//!
//! This module turns a [`SectionAlignment`](crate::align::SectionAlignment) into the data model
//! of `docs/json-schema.md`: section pairs with a kind and a similarity, in reading order,
//! and a summary. Renderers never look at the raw text or the alignment internals.

use crate::align::{self, Placement, SectionAlignment, Tree};
use crate::figures;
use crate::initiatives;
use crate::model::{ChangeKind, DocInfo, Document, Part, SCHEMA, SectionKind, SectionRef};
pub use crate::model::{Comparison, PairKind, SectionPair, Summary};
use crate::outline::OutlineOptions;
use crate::part::part_of_section;
use crate::textdiff::{self, PairChanges};
use crate::year::same_under_shift;
use std::panic::AssertUnwindSafe;
use std::sync::OnceLock;

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
    compare_with(old, new, options, old.sections == new.sections)
}

/// [`compare`], told whether the two editions have the same sections: then nothing is aligned
/// or diffed, every section pairs with itself (see [`same_sections`]).
fn compare_with(
    old: &Document,
    new: &Document,
    options: &CompareOptions,
    same: bool,
) -> Comparison {
    let shift = resolve_year_shift(old, new, options.year_shift);
    // Figures, promises and most of the initiative work read the two documents only, not
    // the alignment: each runs on a thread of its own while the sections are aligned and
    // diffed, and waits for the section pairs only for its last step (pairing figures,
    // renames). Each thread computes the same values whatever the timing.
    let sections_done: OnceLock<Vec<SectionPair>> = OnceLock::new();
    let (aligned, (figure_pairs, promises), (initiative_list, delivery)) =
        std::thread::scope(|scope| {
            let figure_side = scope.spawn(|| {
                let old_figures = figures::extract(old);
                // A file compared with itself: its figures are read once.
                let new_figures = if same {
                    old_figures.clone()
                } else {
                    figures::extract(new)
                };
                let promises = figures::promises(old, &old_figures, new, &new_figures);
                let pairs = if same {
                    figures::match_same(&new_figures)
                } else {
                    let sections = sections_done.wait();
                    figures::match_figures(&old_figures, &new_figures, sections)
                };
                (pairs, promises)
            });
            let initiative_side = scope.spawn(|| {
                let prepared = initiatives::prepare(old, new);
                prepared.finish(sections_done.wait())
            });
            let aligned = std::panic::catch_unwind(AssertUnwindSafe(|| {
                if same {
                    let (sections, similarity) = same_sections(old);
                    (sections, similarity, 0.0)
                } else {
                    aligned_sections(old, new, shift)
                }
            }));
            let (sections, similarity, text_changed) = match aligned {
                Ok(aligned) => aligned,
                Err(panic) => {
                    // Let the other threads end before the panic goes on.
                    let _ = sections_done.set(Vec::new());
                    let _ = figure_side.join();
                    let _ = initiative_side.join();
                    std::panic::resume_unwind(panic)
                }
            };
            let _ = sections_done.set(sections);
            let figures = figure_side
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let initiatives = initiative_side
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            ((similarity, text_changed), figures, initiatives)
        });
    let (similarity, text_changed) = aligned;
    let sections = sections_done.into_inner().unwrap_or_default();
    let mut summary = Summary {
        similarity: round3(similarity),
        year_shift: shift,
        text_changed: round3(text_changed),
        ..Summary::default()
    };
    for change in sections.iter().flat_map(|p| &p.changes) {
        summary.sentences.add(change.kind);
    }
    for pair in &sections {
        summary.sections.add(pair.kind);
    }
    for p in &figure_pairs {
        summary.figures.add(p.status);
    }
    for i in &initiative_list {
        if i.kind == crate::model::Kind::Term {
            summary.key_terms.add(i.status);
        } else {
            summary.initiatives.add(i.status);
        }
    }
    for p in &promises {
        summary.promises.add(p.verdict);
    }
    let mut comparison = Comparison {
        schema: SCHEMA.to_string(),
        old: doc_info(old),
        new: doc_info(new),
        summary,
        briefing: Default::default(),
        sections,
        figures: figure_pairs,
        initiatives: initiative_list,
        promises,
        delivery,
    };
    comparison.briefing = crate::briefing::brief(&comparison);
    comparison
}

/// The section pairs of two editions by alignment, in the new edition's reading order, with
/// their sentence changes; the similarity of the two whole documents; and the share of their
/// text that changed.
fn aligned_sections(old: &Document, new: &Document, shift: i32) -> (Vec<SectionPair>, f64, f64) {
    let alignment = align::align(old, new, shift);
    let mut order: Vec<(SortKey, &align::AlignedGroup)> = sort_keys(&alignment)
        .into_iter()
        .zip(&alignment.groups)
        .collect();
    order.sort_by_key(|(key, _)| *key);
    let groups: Vec<&align::AlignedGroup> = order.into_iter().map(|(_, g)| g).collect();
    let parts = (parts_of(&alignment.old), parts_of(&alignment.new));
    let mut sections: Vec<SectionPair> = groups
        .iter()
        .map(|g| section_pair(&alignment, &parts, g))
        .collect();
    let (changed, total) = fill_sentence_changes(&alignment, &groups, &mut sections);
    let text_changed = if total == 0 {
        0.0
    } else {
        changed as f64 / total as f64
    };
    (sections, alignment.overall_similarity, text_changed)
}

/// The section pairs of an edition compared with itself, built in one walk of its outline:
/// every section pairs with itself, unchanged, in reading order. This is what alignment gives
/// for identical inputs (exact copies pair first, the k-th copy with the k-th), without
/// learning term weights, scoring or splitting sentences. The similarity is that of a text
/// with itself: 1 when it has any term to compare by, else 0, as the cosine of an empty vector.
fn same_sections(doc: &Document) -> (Vec<SectionPair>, f64) {
    let tree = Tree::outline(doc);
    let parts = parts_of(&tree);
    let sections = (0..tree.nodes.len())
        .map(|id| {
            let this = section_ref(&tree, &parts, id);
            SectionPair {
                kind: PairKind::Unchanged,
                similarity: 1.0,
                old: vec![this.clone()],
                new: vec![this],
                text_changed: 0.0,
                changes: Vec::new(),
            }
        })
        .collect();
    let has_terms = tree
        .nodes
        .iter()
        .any(|n| !crate::similarity::terms(&n.own_text).is_empty());
    (sections, if has_terms { 1.0 } else { 0.0 })
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
            .flat_map(|&i| textdiff::sentences(a.old.nodes[i].section))
            .collect();
        let new_sents: Vec<textdiff::Sentence> = news
            .iter()
            .flat_map(|&i| textdiff::sentences(a.new.nodes[i].section))
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
    keep_renested_in_place(sections, &mut all);
    let (mut changed, mut total) = (0, 0);
    for ((pair, pc), chars) in sections.iter_mut().zip(all).zip(own_chars) {
        let pair_changed: usize = pc
            .changes
            .iter()
            .map(crate::model::SentenceChange::changed_chars)
            .sum();
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

/// A sentence found again under an aligned section (the same part, now inside a new item of
/// it, or the other way round) has not moved for a reader: the part that held it still holds
/// it. Such a "move" is dropped when the text is the same and kept as a rewording when it
/// changed. Only a sentence that left its aligned section for another is a move.
fn keep_renested_in_place(sections: &[SectionPair], all: &mut [PairChanges]) {
    let mut aligned: rustc_hash::FxHashSet<(&[String], &[String])> = Default::default();
    for p in sections {
        for o in &p.old {
            for n in &p.new {
                aligned.insert((o.path.as_slice(), n.path.as_slice()));
            }
        }
    }
    // One side is an aligned section itself and the other lies under (or is) its partner.
    let renested = |old: &[String], new: &[String]| {
        (1..=new.len()).any(|k| aligned.contains(&(old, &new[..k])))
            || (1..=old.len()).any(|k| aligned.contains(&(&old[..k], new)))
    };
    for pc in all.iter_mut() {
        pc.changes.retain_mut(|c| {
            let (Some(old), Some(new)) = (&c.old_section, &c.new_section) else {
                return true;
            };
            if c.kind != ChangeKind::Moved || !renested(old, new) {
                return true;
            }
            if c.inline.is_empty() {
                return false;
            }
            c.kind = ChangeKind::Reworded;
            c.old_section = None;
            c.new_section = None;
            true
        });
    }
}

fn doc_info(d: &Document) -> DocInfo {
    DocInfo {
        source: d.source.clone(),
        year: d.year,
        lang: d.lang,
        title: d.title.clone(),
        encoding: d.encoding.clone(),
        format: d.format,
        extractor: d.extractor.clone(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The part of the report every node of a tree stands in, read once per top-level section
/// (nodes follow reading order, so a parent comes before its children).
fn parts_of(tree: &Tree) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::with_capacity(tree.nodes.len());
    for node in &tree.nodes {
        let part = match node.parent {
            Some(p) => parts[p],
            None => part_of_section(node.section),
        };
        parts.push(part);
    }
    parts
}

fn section_ref(tree: &Tree, parts: &[Part], id: usize) -> SectionRef {
    let node = &tree.nodes[id];
    let s = node.section;
    SectionRef {
        part: parts[id],
        path: node.path.clone(),
        number: s.number.clone(),
        title: s.title.clone(),
        level: s.level,
        kind: s.kind,
        lines: [s.lines.0, s.lines.1],
    }
}

fn section_pair(
    a: &SectionAlignment,
    parts: &(Vec<Part>, Vec<Part>),
    g: &align::AlignedGroup,
) -> SectionPair {
    let old: Vec<SectionRef> = g
        .old
        .iter()
        .map(|&i| section_ref(&a.old, &parts.0, i))
        .collect();
    let new: Vec<SectionRef> = g
        .new
        .iter()
        .map(|&i| section_ref(&a.new, &parts.1, i))
        .collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> Document {
        let path = format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        crate::parse_text(name, &text, OutlineOptions::default()).unwrap()
    }

    /// The shortcut for identical inputs gives exactly what the whole comparison gives.
    fn assert_shortcut_is_exact(doc: &Document, options: &CompareOptions) {
        let full = compare_with(doc, doc, options, false);
        let short = compare_with(doc, doc, options, true);
        assert!(!full.has_changes(), "{:?}", full.summary);
        assert_eq!(short, full);
    }

    #[test]
    fn a_sample_with_itself_is_the_same_by_the_shortcut_and_by_alignment() {
        for name in [
            "national-gwr-2022.txt",
            "national-gwr-2023.txt",
            "changning-gwr-2025.txt",
        ] {
            let doc = sample(name);
            assert!(doc.walk().len() > 20, "{name}");
            assert_shortcut_is_exact(&doc, &CompareOptions::default());
        }
        // A shift the text does not explain changes nothing for identical text.
        let options = CompareOptions {
            year_shift: YearShift::Fixed(1),
            ..CompareOptions::default()
        };
        assert_shortcut_is_exact(&sample("national-gwr-2023.txt"), &options);
    }

    #[test]
    fn repeated_sections_and_a_text_without_terms_by_the_shortcut_and_by_alignment() {
        let text = std::fs::read_to_string(format!(
            "{}/samples/national-gwr-2023.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .repeat(3);
        let doc = crate::parse_text("x3.txt", &text, OutlineOptions::default()).unwrap();
        assert_shortcut_is_exact(&doc, &CompareOptions::default());
        // Digits only: no term to compare by, so the similarity is 0 both ways.
        let digits =
            crate::parse_text("d.txt", "1234。\n\n5678。\n", OutlineOptions::default()).unwrap();
        assert_shortcut_is_exact(&digits, &CompareOptions::default());
        assert_eq!(
            compare(&digits, &digits, &CompareOptions::default())
                .summary
                .similarity,
            0.0
        );
    }
}

//! Text changes inside aligned sections: which sentences were added, removed, reworded or
//! moved, and an inline word diff for each reworded sentence.
//!
//! 1. Inside one pair of sections, sentences are first matched exactly (after the year shift)
//!    with a patience diff, which anchors on sentences that occur once and so is not fooled by
//!    short stock sentences that recur everywhere.
//! 2. Between two anchors, the left-over old and new sentences are paired when they are
//!    similar enough to be one sentence edited (Dice over character bigrams for Chinese, words
//!    for English, with the best one-to-one assignment); the rest are added or removed.
//! 3. Across the whole document, a removed sentence that appears again elsewhere, unchanged or
//!    lightly edited, is a move — but only when both sides are unique and long enough: missing
//!    a move is better than inventing one.
//! 4. A reworded sentence gets a diff over words (see [`crate::segment`]) cleaned up so that a
//!    change reads as whole phrases: no one- or two-character equal islands between edits, and
//!    each change region shown as one deletion followed by one insertion.

use crate::similarity::dice;
use std::collections::HashMap;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::model::{ChangeKind, InlineOp, InlineTag, Section, SentenceChange};
use crate::script::{is_han, is_sentence_final};
use crate::segment;
use crate::sentence::split_sentences;
use crate::similarity::candidate_pairs;
use crate::year::{YearMasked, is_year, mask_years};

/// Lowest similarity for two sentences between the same anchors to be one sentence reworded.
const REWORD_THRESHOLD: f64 = 0.45;
/// Lowest similarity for a sentence found in another place to be the same sentence, moved.
const MOVE_THRESHOLD: f64 = 0.8;
/// Shorter sentences are never paired by similarity or moved: they recur as stock phrases.
const MIN_PAIRED_CHARS: usize = 8;
/// Regions between anchors up to this many sentence pairs are scored in full.
const MAX_DENSE_REGION: usize = 250_000;
/// Sketch terms held by more sentences than this are too common to propose a pair.
const MAX_POSTING: usize = 40;
/// Equal runs this short (in characters) between two edits are folded into the edits.
const MAX_ISLAND_CHARS: usize = 2;

/// A sentence with where it stands.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    /// The sentence as written in the clean text.
    pub text: &'a str,
    /// Its line in the original input.
    pub line: u32,
    masked: YearMasked,
    terms: Vec<u64>,
}

impl<'a> Sentence<'a> {
    fn new(text: &'a str, line: u32) -> Sentence<'a> {
        let masked = mask_years(text);
        let terms = sentence_terms(&masked.skeleton);
        Sentence {
            text,
            line,
            masked,
            terms,
        }
    }

    fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// The sentences of a section's own paragraphs (not its children's), in reading order.
pub fn sentences(section: &Section) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    for p in &section.paragraphs {
        for range in split_sentences(&p.text) {
            out.push(Sentence::new(
                &p.text[range.clone()],
                p.line_at(range.start),
            ));
        }
    }
    out
}

/// Aligns the sentences of one pair of sections (or group, for splits and merges).
pub fn diff_sentences(old: &[Sentence], new: &[Sentence], shift: i32) -> Vec<SentenceChange> {
    let old_keys: Vec<&str> = old.iter().map(|s| s.masked.skeleton.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|s| s.masked.skeleton.as_str()).collect();
    let mut changes = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (a, b) in o.zip(n) {
                    if !old[a].masked.same_under_shift(&new[b].masked, shift) {
                        changes.push(reworded(&old[a], &new[b], shift));
                    }
                }
            }
            _ => changes.extend(pair_region(&old[o], &new[n], shift)),
        }
    }
    drop_relaid(&mut changes);
    changes
}

/// Drops the changed sentences of a section pair when they are the same words laid out
/// otherwise: a table listed a cell a line, column after column, on one side and a row a
/// line on the other (a letter's text version against its PDF). Both sides must hold exactly
/// the same tokens (numbers whole, Latin words, each Chinese character), with no sentence the
/// same on both sides: a sentence moved within its section is still shown.
fn drop_relaid(changes: &mut Vec<SentenceChange>) {
    // A cell alone may have paired by similarity with its row (`AbbVie Inc. …` with
    // `25,533,082 AbbVie Inc. … 1.4`): reworded sentences count on both sides.
    let side = |old: bool| -> Vec<&str> {
        changes
            .iter()
            .filter_map(|c| match (c.kind, old) {
                (ChangeKind::Removed | ChangeKind::Reworded, true) => c.old.as_deref(),
                (ChangeKind::Added | ChangeKind::Reworded, false) => c.new.as_deref(),
                _ => None,
            })
            .collect()
    };
    let (removed, added) = (side(true), side(false));
    // A layout splits or joins sentences: one side has more of them.
    if removed.is_empty() || added.is_empty() || removed.len() == added.len() {
        return;
    }
    let removed_texts: std::collections::HashSet<&str> = removed.iter().copied().collect();
    if added.iter().any(|a| removed_texts.contains(a)) {
        return;
    }
    let tokens = |texts: &[&str]| -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for t in texts {
            for token in layout_tokens(t) {
                *counts.entry(token).or_insert(0) += 1;
            }
        }
        counts
    };
    if tokens(&removed) == tokens(&added) {
        changes.retain(|c| {
            !matches!(
                c.kind,
                ChangeKind::Removed | ChangeKind::Added | ChangeKind::Reworded
            )
        });
    }
}

/// The tokens of a text whatever its layout: runs of Latin letters and digits (with the
/// separators inside a number, `1,032,852,006`), each other character but spaces on its own.
fn layout_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let inside_number = matches!(c, ',' | '.')
            && word.ends_with(|w: char| w.is_ascii_digit())
            && chars.peek().is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_alphanumeric() || inside_number {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Pairs the sentences between two anchors by similarity; the rest are added or removed.
/// Changes come out in reading order, as a unified diff shows them: between two reworded
/// sentences, what was removed comes before what was added.
fn pair_region(old: &[Sentence], new: &[Sentence], shift: i32) -> Vec<SentenceChange> {
    // Every pair of a normal region is scored; in a region too large for that (a section
    // rewritten from end to end), only pairs that share a sketch term. Pairs that cannot
    // reach the threshold are skipped unscored: a short sentence scores 0, and Dice is at
    // most 2·min/(a+b) of the two term counts (with a margin for rounding).
    let long =
        |s: &[Sentence]| -> Vec<bool> { s.iter().map(|x| x.chars() >= MIN_PAIRED_CHARS).collect() };
    let (old_long, new_long) = (long(old), long(new));
    let may_pair = |i: usize, j: usize| {
        let (a, b) = (old[i].terms.len(), new[j].terms.len());
        old_long[i]
            && new_long[j]
            && 2.0 * a.min(b) as f64 >= REWORD_THRESHOLD * (a + b) as f64 * (1.0 - 1e-9)
    };
    let score = |(i, j): (usize, usize)| (i, j, dice(&old[i].terms, &new[j].terms));
    let candidates: Vec<(usize, usize, f64)> = if old.len() * new.len() <= MAX_DENSE_REGION {
        (0..old.len())
            .flat_map(|i| (0..new.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| may_pair(i, j))
            .map(score)
            .filter(|c| c.2 >= REWORD_THRESHOLD)
            .collect()
    } else {
        let a: Vec<Vec<u64>> = old.iter().map(|s| sketch(&s.terms)).collect();
        let b: Vec<Vec<u64>> = new.iter().map(|s| sketch(&s.terms)).collect();
        let a: Vec<&[u64]> = a.iter().map(Vec::as_slice).collect();
        let b: Vec<&[u64]> = b.iter().map(Vec::as_slice).collect();
        candidate_pairs(&a, &b, MAX_POSTING)
            .into_iter()
            .filter(|&(i, j)| may_pair(i, j))
            .map(score)
            .filter(|c| c.2 >= REWORD_THRESHOLD)
            .collect()
    };
    // Rows of a table pair with the row of the same label, however short (`行政许可550` →
    // `行政许可9487`): a changed cell is a change of its row. Later entries win in the dense
    // matrix, so a row pair's score replaces its similarity.
    let candidates = [candidates, same_label_rows(old, new)].concat();
    let mut partner_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut paired_old = vec![false; old.len()];
    for (i, j) in crate::align::assign_sparse(old.len(), new.len(), &candidates, REWORD_THRESHOLD) {
        partner_of_new[j] = Some(i);
        paired_old[i] = true;
    }
    let mut out = Vec::new();
    let mut emitted = paired_old.clone();
    let mut emit_removed_before = |limit: usize, out: &mut Vec<SentenceChange>| {
        for i in 0..limit {
            if !emitted[i] {
                emitted[i] = true;
                out.push(removed(&old[i]));
            }
        }
    };
    let mut pending_added = Vec::new();
    for (j, n) in new.iter().enumerate() {
        match partner_of_new[j] {
            Some(i) => {
                emit_removed_before(i, &mut out);
                out.append(&mut pending_added);
                out.push(reworded(&old[i], n, shift));
            }
            None => pending_added.push(added(n)),
        }
    }
    emit_removed_before(old.len(), &mut out);
    out.append(&mut pending_added);
    out
}

/// The label of a table row: the text before the bare numbers that end it (`行政许可550` →
/// `行政许可`, `Revenue 120 130` → `Revenue`), when it has a letter. A number glued to a Latin
/// letter (`PM2.5`) is part of the label; one followed by punctuation (`September 24,`) ends
/// a phrase, not a row.
fn row_label(text: &str) -> Option<&str> {
    let mut head = text.trim_end();
    let mut cells = 0;
    loop {
        let before = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        let number = &head[before.len()..];
        let boundary = before.is_empty()
            || before.ends_with(' ')
            || before.chars().next_back().is_some_and(|c| !c.is_ascii());
        let digits_at_ends = number.starts_with(|c: char| c.is_ascii_digit())
            && number.ends_with(|c: char| c.is_ascii_digit());
        if !digits_at_ends || !boundary {
            break;
        }
        cells += 1;
        head = before.trim_end();
    }
    (cells > 0 && head.chars().any(char::is_alphabetic)).then_some(head)
}

/// Pairs of table rows with the same label, at most [`MAX_POSTING`] rows a label on each side;
/// nearer in place first when a label recurs.
fn same_label_rows(old: &[Sentence], new: &[Sentence]) -> Vec<(usize, usize, f64)> {
    let mut by_label: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (i, s) in old.iter().enumerate() {
        if let Some(l) = row_label(s.text) {
            by_label.entry(l).or_default().0.push(i);
        }
    }
    for (j, s) in new.iter().enumerate() {
        if let Some(l) = row_label(s.text) {
            by_label.entry(l).or_default().1.push(j);
        }
    }
    let place = |k: usize, n: usize| k as f64 / n.max(1) as f64;
    let mut out = Vec::new();
    for (olds, news) in by_label.values() {
        if olds.len() > MAX_POSTING || news.len() > MAX_POSTING {
            continue;
        }
        for &i in olds {
            for &j in news {
                let apart = (place(i, old.len()) - place(j, new.len())).abs();
                out.push((i, j, 1.0 - 0.01 * apart));
            }
        }
    }
    out
}

/// Terms for sentence similarity: character bigrams for Chinese (digits included, so a
/// sentence that only changed a figure still pairs), lower-case words for English.
fn sentence_terms(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let han = text.chars().filter(|&c| is_han(c)).count();
    let mut terms: Vec<u64> = if han * 3 >= text.chars().count() {
        let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        chars
            .windows(2)
            .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
            .collect()
    } else {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut h = rustc_hash::FxHasher::default();
                w.to_lowercase().hash(&mut h);
                h.finish()
            })
            .collect()
    };
    terms.sort_unstable();
    terms
}

/// Terms kept in a sentence's sketch.
const SKETCH_TERMS: usize = 8;

/// A bottom-k sketch of a term set: the terms with the smallest mixed hashes, sorted. Two
/// sets that share most of their terms share some of these, so pairs that share none can be
/// skipped without computing their similarity.
fn sketch(terms: &[u64]) -> Vec<u64> {
    let mut mixed: Vec<u64> = terms
        .iter()
        .map(|&t| t.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29))
        .collect();
    mixed.sort_unstable();
    mixed.dedup();
    mixed.truncate(SKETCH_TERMS);
    mixed.sort_unstable();
    mixed
}

fn added(n: &Sentence) -> SentenceChange {
    SentenceChange {
        kind: ChangeKind::Added,
        old: None,
        new: Some(n.text.to_string()),
        old_line: None,
        new_line: Some(n.line),
        inline: Vec::new(),
        old_section: None,
        new_section: None,
    }
}

fn removed(o: &Sentence) -> SentenceChange {
    SentenceChange {
        kind: ChangeKind::Removed,
        old: Some(o.text.to_string()),
        new: None,
        old_line: Some(o.line),
        new_line: None,
        inline: Vec::new(),
        old_section: None,
        new_section: None,
    }
}

fn reworded(o: &Sentence, n: &Sentence, shift: i32) -> SentenceChange {
    SentenceChange {
        kind: ChangeKind::Reworded,
        old: Some(o.text.to_string()),
        new: Some(n.text.to_string()),
        old_line: Some(o.line),
        new_line: Some(n.line),
        inline: inline_diff(o.text, n.text, shift),
        old_section: None,
        new_section: None,
    }
}

/// Where a sentence change sits: the index of its section pair and its index in that pair.
type ChangeAt = (usize, usize);

/// Turns a removed sentence and an added one elsewhere into one move. `pairs` holds each
/// section pair's changes with the old and new section paths of that pair; a move is recorded
/// where the sentence now stands and dropped from where it left.
pub fn detect_moves(pairs: &mut [PairChanges], shift: i32) {
    let mut removed: Vec<ChangeAt> = Vec::new();
    let mut added: Vec<ChangeAt> = Vec::new();
    for (pi, p) in pairs.iter().enumerate() {
        for (ci, c) in p.changes.iter().enumerate() {
            let long = |s: &Option<String>| {
                s.as_deref()
                    .is_some_and(|t| t.chars().count() >= MIN_PAIRED_CHARS)
            };
            match c.kind {
                ChangeKind::Removed if long(&c.old) => removed.push((pi, ci)),
                ChangeKind::Added if long(&c.new) => added.push((pi, ci)),
                _ => {}
            }
        }
    }
    if removed.is_empty() || added.is_empty() {
        return;
    }
    let removed_texts: Vec<String> = removed
        .iter()
        .map(|&(p, c)| pairs[p].changes[c].old.clone().unwrap_or_default())
        .collect();
    let added_texts: Vec<String> = added
        .iter()
        .map(|&(p, c)| pairs[p].changes[c].new.clone().unwrap_or_default())
        .collect();
    // Each text masked once: counted, its terms read and its uniqueness checked from that.
    let removed_masked: Vec<String> = removed_texts
        .iter()
        .map(|t| mask_years(t).skeleton)
        .collect();
    let added_masked: Vec<String> = added_texts.iter().map(|t| mask_years(t).skeleton).collect();
    // Exact repeats of one text on either side make a move ambiguous: leave them alone.
    fn count(masked: &[String]) -> HashMap<&str, usize> {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for t in masked {
            *count.entry(t.as_str()).or_default() += 1;
        }
        count
    }
    let (removed_count, added_count) = (count(&removed_masked), count(&added_masked));
    let removed_terms: Vec<Vec<u64>> = removed_masked.iter().map(|t| sentence_terms(t)).collect();
    let added_terms: Vec<Vec<u64>> = added_masked.iter().map(|t| sentence_terms(t)).collect();
    let unique = |count: &HashMap<&str, usize>, masked: &[String]| -> Vec<bool> {
        masked.iter().map(|t| count[t.as_str()] <= 1).collect()
    };
    let (removed_unique, added_unique) = (
        unique(&removed_count, &removed_masked),
        unique(&added_count, &added_masked),
    );
    let removed_sketch: Vec<Vec<u64>> = removed_terms.iter().map(|t| sketch(t)).collect();
    let added_sketch: Vec<Vec<u64>> = added_terms.iter().map(|t| sketch(t)).collect();
    // Two nearly equal term sets share some of their sketch terms, and Dice can reach the
    // threshold only if their lengths are close enough: only such pairs are scored.
    let a: Vec<&[u64]> = removed_sketch.iter().map(Vec::as_slice).collect();
    let b: Vec<&[u64]> = added_sketch.iter().map(Vec::as_slice).collect();
    let candidates: Vec<(usize, usize, f64)> = candidate_pairs(&a, &b, MAX_POSTING)
        .into_iter()
        .filter(|&(ri, ai)| removed_unique[ri] && added_unique[ai])
        .filter(|&(ri, ai)| {
            let (a, b) = (removed_terms[ri].len(), added_terms[ai].len());
            2.0 * a.min(b) as f64 >= MOVE_THRESHOLD * (a + b) as f64
        })
        .map(|(ri, ai)| (ri, ai, dice(&removed_terms[ri], &added_terms[ai])))
        .filter(|c| c.2 >= MOVE_THRESHOLD)
        .collect();
    let mut drop_at: Vec<ChangeAt> = Vec::new();
    for (ri, ai) in
        crate::align::assign_sparse(removed.len(), added.len(), &candidates, MOVE_THRESHOLD)
    {
        let (r, a) = (removed[ri], added[ai]);
        let old_text = removed_texts[ri].clone();
        let new_text = added_texts[ai].clone();
        let old_line = pairs[r.0].changes[r.1].old_line;
        let same = mask_years(&old_text).same_under_shift(&mask_years(&new_text), shift);
        let inline = if same {
            Vec::new()
        } else {
            inline_diff(&old_text, &new_text, shift)
        };
        let old_section = pairs[r.0].old_path.clone();
        let new_section = pairs[a.0].new_path.clone();
        let slot = &mut pairs[a.0].changes[a.1];
        *slot = SentenceChange {
            kind: ChangeKind::Moved,
            old: Some(old_text),
            new: Some(new_text),
            old_line,
            new_line: slot.new_line,
            inline,
            old_section,
            new_section,
        };
        drop_at.push(r);
    }
    drop_at.sort_unstable();
    for (pi, ci) in drop_at.into_iter().rev() {
        pairs[pi].changes.remove(ci);
    }
}

/// The changes of one section pair, with the paths that moves report.
#[derive(Debug, Clone, Default)]
pub struct PairChanges {
    /// Path of the (first) old section, if any.
    pub old_path: Option<Vec<String>>,
    /// Path of the (first) new section, if any.
    pub new_path: Option<Vec<String>>,
    /// The sentence changes.
    pub changes: Vec<SentenceChange>,
}

/// An inline diff of two sentences over words, cleaned up to read as whole phrases.
/// Years that differ only by `shift` count as equal.
pub fn inline_diff(old: &str, new: &str, shift: i32) -> Vec<InlineOp> {
    let old_tokens = segment::tokens(old);
    let new_tokens = segment::tokens(new);
    let new_set: std::collections::HashSet<&str> = new_tokens.iter().copied().collect();
    // An old year stands for its shifted self when only the shifted form appears in the new
    // sentence ("2023年" → "2024年" under a shift of one), and for itself otherwise.
    let shifted: Vec<String> = old_tokens
        .iter()
        .map(|t| match t.parse::<i32>() {
            Ok(y) if is_year(t) && shift != 0 => {
                let moved = (y + shift).to_string();
                if new_set.contains(moved.as_str()) && !new_set.contains(t) {
                    moved
                } else {
                    t.to_string()
                }
            }
            _ => t.to_string(),
        })
        .collect();
    let old_keys: Vec<&str> = shifted.iter().map(String::as_str).collect();
    let mut runs: Vec<Run> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_tokens) {
        let (tag, o, n) = op.as_tag_tuple();
        let (old_text, new_text) = (old_tokens[o].concat(), new_tokens[n].concat());
        match tag {
            DiffTag::Equal => push(&mut runs, InlineTag::Equal, &old_text, &new_text),
            DiffTag::Delete => push(&mut runs, InlineTag::Delete, &old_text, ""),
            DiffTag::Insert => push(&mut runs, InlineTag::Insert, "", &new_text),
            DiffTag::Replace => {
                push(&mut runs, InlineTag::Delete, &old_text, "");
                push(&mut runs, InlineTag::Insert, "", &new_text);
            }
        }
    }
    cleanup(runs)
        .into_iter()
        .map(|r| match r.op {
            InlineTag::Delete => InlineOp {
                op: r.op,
                text: r.old,
                old_text: None,
            },
            InlineTag::Insert => InlineOp {
                op: r.op,
                text: r.new,
                old_text: None,
            },
            InlineTag::Equal => {
                let old_text = (r.old != r.new).then_some(r.old);
                InlineOp {
                    op: r.op,
                    text: r.new,
                    old_text,
                }
            }
        })
        .collect()
}

/// A run of the diff with its text on each side (equal runs may differ by the year shift).
struct Run {
    op: InlineTag,
    old: String,
    new: String,
}

fn push(runs: &mut Vec<Run>, op: InlineTag, old: &str, new: &str) {
    if old.is_empty() && new.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.op == op => {
            last.old.push_str(old);
            last.new.push_str(new);
        }
        _ => runs.push(Run {
            op,
            old: old.to_string(),
            new: new.to_string(),
        }),
    }
}

/// Folds short equal islands between edits into the edits, then writes each change region as
/// one deletion followed by one insertion.
fn cleanup(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut Vec<Run>, del: &mut String, ins: &mut String| {
        push(out, InlineTag::Delete, del, "");
        push(out, InlineTag::Insert, "", ins);
        del.clear();
        ins.clear();
    };
    let n = runs.len();
    for (i, run) in runs.iter().enumerate() {
        match run.op {
            InlineTag::Delete => del.push_str(&run.old),
            InlineTag::Insert => ins.push_str(&run.new),
            InlineTag::Equal => {
                let between_edits = i > 0 && i + 1 < n;
                if between_edits && is_island(&run.new) {
                    del.push_str(&run.old);
                    ins.push_str(&run.new);
                } else {
                    flush(&mut out, &mut del, &mut ins);
                    push(&mut out, InlineTag::Equal, &run.old, &run.new);
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// An equal run too small to read as kept text between two edits: one or two characters, or
/// only spaces and punctuation.
fn is_island(text: &str) -> bool {
    let significant = text
        .chars()
        .filter(|c| !c.is_whitespace() && !is_light_punct(*c))
        .count();
    significant <= MAX_ISLAND_CHARS && !text.chars().any(is_sentence_final)
}

fn is_light_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '，'
            | '、'
            | '-'
            | '–'
            | '—'
            | '“'
            | '”'
            | '"'
            | '\''
            | '’'
            | '('
            | ')'
            | '（'
            | '）'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(runs: &[InlineOp]) -> String {
        runs.iter()
            .map(|r| match r.op {
                InlineTag::Equal => r.text.clone(),
                InlineTag::Delete => format!("[-{}-]", r.text),
                InlineTag::Insert => format!("{{+{}+}}", r.text),
            })
            .collect()
    }

    fn sents<'a>(texts: &[&'a str]) -> Vec<Sentence<'a>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Sentence::new(t, i as u32 + 1))
            .collect()
    }

    #[test]
    fn inline_diff_over_chinese_words_keeps_numbers_whole() {
        let d = inline_diff(
            "国内生产总值增长5.5%左右，城镇新增就业1100万人以上。",
            "国内生产总值增长5%左右，城镇新增就业1200万人左右。",
            1,
        );
        let shown = ops(&d);
        assert!(shown.contains("[-5.5%-]{+5%+}"), "{shown}");
        assert!(shown.contains("1100") && shown.contains("1200"), "{shown}");
        assert!(!shown.contains("[-5-]"), "numbers stay whole: {shown}");
        assert!(shown.starts_with("国内生产总值增长"), "{shown}");
    }

    #[test]
    fn small_islands_are_folded_into_the_edit() {
        // Without clean-up the shared "的" would sit alone between two edits.
        let d = inline_diff("加快建设的现代化产业", "着力打造的先进制造业", 0);
        let shown = ops(&d);
        assert!(!shown.contains("-]的{+"), "{shown}");
        assert_eq!(
            d.iter().filter(|r| r.op == InlineTag::Delete).count(),
            1,
            "{shown}"
        );
    }

    #[test]
    fn english_inline_diff_on_word_boundaries() {
        let d = inline_diff(
            "Berkshire earned $24.8 billion in operating earnings last year.",
            "Berkshire earned $23.97 billion in operating earnings last year.",
            0,
        );
        assert_eq!(
            ops(&d),
            "Berkshire earned $[-24.8-]{+23.97+} billion in operating earnings last year."
        );
    }

    #[test]
    fn years_moved_on_by_the_shift_are_equal() {
        let d = inline_diff(
            "2023年经济社会发展的主要预期目标是：",
            "2024年经济社会发展的主要预期目标是：",
            1,
        );
        assert!(d.iter().all(|r| r.op == InlineTag::Equal), "{}", ops(&d));
        let broken = inline_diff("2023年目标", "2022年目标", 1);
        assert!(broken.iter().any(|r| r.op != InlineTag::Equal));
    }

    #[test]
    fn table_rows_pair_by_their_label_however_short() {
        // Hongze 2023 → 2024: rows of one cell each, all shorter than a sentence that pairs.
        let old = sents(&[
            "信息内容本年处理决定数量",
            "行政许可550",
            "行政处罚4119",
            "Revenue 12",
        ]);
        let new = sents(&[
            "信息内容本年处理决定数量",
            "行政处罚2776",
            "行政许可9487",
            "Revenue 15",
        ]);
        let changes = diff_sentences(&old, &new, 1);
        let pairs: Vec<(ChangeKind, &str, &str)> = changes
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.old.as_deref().unwrap_or(""),
                    c.new.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(pairs.len(), 3, "{pairs:#?}");
        for (old, new) in [
            ("行政许可550", "行政许可9487"),
            ("行政处罚4119", "行政处罚2776"),
            ("Revenue 12", "Revenue 15"),
        ] {
            assert!(
                pairs.contains(&(ChangeKind::Reworded, old, new)),
                "{pairs:#?}"
            );
        }
        // Rows of other labels, or short text that is no row, stay apart.
        let changes = diff_sentences(
            &sents(&["行政许可550", "好。"]),
            &sents(&["行政强制84", "对。"]),
            1,
        );
        assert!(
            changes.iter().all(|c| c.kind != ChangeKind::Reworded),
            "{changes:#?}"
        );
        assert_eq!(row_label("行政规范性文件0 5 5"), Some("行政规范性文件"));
        assert_eq!(
            row_label("1.属于国家秘密1 0 0 0 0 0 1"),
            Some("1.属于国家秘密")
        );
        assert_eq!(row_label("PM2.5"), None);
        assert_eq!(row_label("10 1 0 0"), None);
        assert_eq!(row_label("好。"), None);
        // A date or a sentence's last number is no cell (`September 24,`, `in 2021.`).
        assert_eq!(row_label("September 24,"), None);
        assert_eq!(row_label("It grew in 2021."), None);
        assert_eq!(row_label("Other 1,596 1,639"), Some("Other"));
    }

    #[test]
    fn a_table_laid_out_by_column_is_the_table_laid_out_by_row() {
        // Berkshire 2020: the text version lists the holdings table a column at a time, the
        // PDF a row at a time.
        let column_wise = sents(&[
            "Below we list our largest holdings.",
            "Shares*",
            "Company",
            "25,533,082",
            "151,610,700",
            "AbbVie Inc. …",
            "American Express Company …",
            "1.4",
            "18.8",
            "The end.",
        ]);
        let row_wise = sents(&[
            "Below we list our largest holdings.",
            "Shares* Company",
            "25,533,082 AbbVie Inc. … 1.4",
            "151,610,700 American Express Company … 18.8",
            "The end.",
        ]);
        assert!(diff_sentences(&column_wise, &row_wise, 0).is_empty());
        // A changed cell is a change.
        let changed = sents(&[
            "Below we list our largest holdings.",
            "Shares* Company",
            "25,533,082 AbbVie Inc. … 1.4",
            "151,610,700 American Express Company … 18.9",
            "The end.",
        ]);
        assert!(!diff_sentences(&column_wise, &changed, 0).is_empty());
        // Sentences moved within their section are still shown; so are numbers reordered.
        let moved = diff_sentences(
            &sents(&["甲。", "乙。", "丙。"]),
            &sents(&["乙。", "丙。", "甲。"]),
            0,
        );
        assert_eq!(moved.len(), 2, "{moved:#?}");
        assert_eq!(
            layout_tokens("$ 2,333 增长12%"),
            ["$", "2,333", "增", "长", "12", "%"]
        );
        assert_eq!(layout_tokens("Inc. 1.4."), ["Inc", ".", "1.4", "."]);
    }

    #[test]
    fn pairs_reworded_keeps_stock_sentences_apart() {
        let old = sents(&[
            "各位代表！",
            "国内生产总值增长5.5%左右。",
            "粮食产量保持在1.3万亿斤以上。",
            "要坚持不懈抓好。",
        ]);
        let new = sents(&[
            "各位代表！",
            "国内生产总值增长5%左右。",
            "新的一年要加快建设现代化产业体系。",
            "粮食产量保持在1.3万亿斤以上。",
        ]);
        let changes = diff_sentences(&old, &new, 1);
        let kinds: Vec<_> = changes.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            vec![ChangeKind::Reworded, ChangeKind::Added, ChangeKind::Removed],
            "{changes:#?}"
        );
        assert_eq!(
            changes[0].old.as_deref(),
            Some("国内生产总值增长5.5%左右。")
        );
        assert_eq!(changes[2].old.as_deref(), Some("要坚持不懈抓好。"));
    }

    #[test]
    fn english_pairing_and_stock_sentences() {
        let old = sents(&[
            "Charlie and I expect them to deliver substantial gains.",
            "Our float grew to $123 billion during the year.",
            "Thank you.",
            "The annual meeting will be held in Omaha on May 4th.",
        ]);
        let new = sents(&[
            "Thank you.",
            "Charlie and I expect them to deliver substantial gains.",
            "Our float grew to $129 billion during the year.",
            "We opened a new office in Denver.",
            "The annual meeting will be held in Omaha on May 2nd.",
        ]);
        let changes = diff_sentences(&old, &new, 1);
        let kinds: Vec<_> = changes
            .iter()
            .map(|c| (c.kind, c.new.as_deref().or(c.old.as_deref()).unwrap()))
            .collect();
        assert!(
            kinds.contains(&(
                ChangeKind::Reworded,
                "Our float grew to $129 billion during the year."
            )),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(
                ChangeKind::Reworded,
                "The annual meeting will be held in Omaha on May 2nd."
            )),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(ChangeKind::Added, "We opened a new office in Denver.")),
            "{kinds:?}"
        );
        // "Thank you." moved to the top, but it is too short to be paired or moved: it reads as
        // removed and added, and the long recurring sentence stays unchanged.
        assert!(
            !kinds.iter().any(|(_, t)| t.starts_with("Charlie")),
            "{kinds:?}"
        );
    }

    #[test]
    fn year_shift_makes_sentences_equal() {
        let old = sents(&["2023年是全面贯彻党的二十大精神的开局之年。"]);
        let new = sents(&["2024年是全面贯彻党的二十大精神的开局之年。"]);
        assert!(diff_sentences(&old, &new, 1).is_empty());
        assert_eq!(diff_sentences(&old, &new, 0)[0].kind, ChangeKind::Reworded);
    }

    #[test]
    fn moves_across_sections_and_ambiguous_repeats() {
        let old_path = vec!["（一）".to_string()];
        let new_path = vec!["（二）".to_string()];
        let moved_text = "深入实施区域协调发展战略和新型城镇化战略。";
        let mut pairs = vec![
            PairChanges {
                old_path: Some(old_path.clone()),
                new_path: Some(old_path.clone()),
                changes: vec![
                    removed(&Sentence::new(moved_text, 10)),
                    removed(&Sentence::new("要坚持稳中求进工作总基调。", 11)),
                ],
            },
            PairChanges {
                old_path: Some(new_path.clone()),
                new_path: Some(new_path.clone()),
                changes: vec![
                    added(&Sentence::new(moved_text, 40)),
                    added(&Sentence::new("要坚持稳中求进工作总基调。", 41)),
                    added(&Sentence::new("要坚持稳中求进工作总基调。", 42)),
                ],
            },
        ];
        detect_moves(&mut pairs, 1);
        assert_eq!(
            pairs[0].changes.len(),
            1,
            "the moved sentence left its old place"
        );
        let m = &pairs[1].changes[0];
        assert_eq!(m.kind, ChangeKind::Moved);
        assert_eq!((m.old_line, m.new_line), (Some(10), Some(40)));
        assert_eq!(m.old_section.as_ref(), Some(&old_path));
        // The stock sentence added twice is ambiguous: not a move.
        assert_eq!(pairs[1].changes[1].kind, ChangeKind::Added);
        assert_eq!(pairs[0].changes[0].kind, ChangeKind::Removed);
    }
}

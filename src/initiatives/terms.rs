//! New key terms: multi-character Chinese terms one edition uses often and the other never.
//!
//! No segmenter is needed: count every run of 3 to 8 Han characters, keep those used at least
//! [`MIN_COUNT`] times on one side and never on the other, drop any that is only part of a
//! longer candidate used as often, and rank by count times length. Terms that start or end
//! with a function character are cut mid-word and dropped.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::text::Edition;
use crate::model::Status;
use crate::script::is_han;
use crate::vocab;

/// Uses needed on one side for a term to count: a term used once or twice is a phrasing,
/// not a theme.
pub const MIN_COUNT: usize = 3;
/// Terms listed per side; the list is for a glance.
pub const MAX_TERMS: usize = 8;

const MIN_LEN: usize = 3;

/// Characters that never start or end a term.
static EDGE_CHARS: LazyLock<Vec<char>> =
    LazyLock::new(|| vocab::chars(include_str!("../../data/vocab/zh-term-edge-chars.txt")));

/// Runs used at least [`MIN_COUNT`] times in `mine`, outside a title at least once, and never
/// in `theirs`, with their counts: read off the edition's run counts, not recounted.
fn candidates<'e>(mine: &'e Edition, theirs: &Edition) -> FxHashMap<&'e str, u32> {
    mine.body_grams()
        .filter(|&(code, n, _)| n as usize >= MIN_COUNT && !theirs.grams.contains(code))
        .map(|(code, n, at)| (mine.gram_text(code, at), n))
        .filter(|(g, _)| g.chars().count() >= MIN_LEN)
        .collect()
}

/// Key terms of each side: `(term, New)` for terms only the new edition uses, `(term,
/// Dropped)` for terms only the old one used. At most [`MAX_TERMS`] per side, best first.
pub(crate) fn key_terms(old: &Edition, new: &Edition) -> Vec<(String, Status)> {
    if !old.all.chars().any(is_han) && !new.all.chars().any(is_han) {
        return Vec::new();
    }
    let mut out: Vec<(String, Status)> = one_side(&candidates(new, old), new, old)
        .into_iter()
        .map(|t| (t, Status::New))
        .collect();
    out.extend(
        one_side(&candidates(old, new), old, new)
            .into_iter()
            .map(|t| (t, Status::Dropped)),
    );
    out
}

fn one_side(mine: &FxHashMap<&str, u32>, mine_edition: &Edition, other: &Edition) -> Vec<String> {
    let edge = |c: Option<char>| c.is_some_and(|c| EDGE_CHARS.contains(&c));
    let mut cands: Vec<(&str, u32)> = mine
        .iter()
        .filter(|&(t, &n)| {
            n as usize >= MIN_COUNT && !edge(t.chars().next()) && !edge(t.chars().last())
        })
        .filter(|&(t, _)| is_termlike(t))
        .map(|(&t, &n)| (t, n))
        .collect();
    // Longest first, so a term is checked against the longer ones that contain it.
    cands.sort_by(|a, b| {
        b.0.len()
            .cmp(&a.0.len())
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(b.0))
    });
    // Terms are short, so "contained in a kept term" is a lookup in the set of all pieces of
    // the kept terms, not a scan over them: this stays linear however many candidates there are.
    let mut kept: Vec<(&str, u32)> = Vec::new();
    let mut covered: FxHashMap<&str, u32> = FxHashMap::default();
    for &(t, n) in &cands {
        // Part of a longer candidate used as often: the longer one is the term.
        if covered.get(t).is_some_and(|&kn| kn >= n) {
            continue;
        }
        kept.push((t, n));
        for piece in pieces(t) {
            let c = covered.entry(piece).or_insert(0);
            *c = (*c).max(n);
        }
    }
    // A longer term that extends a shorter, more frequent one adds nothing.
    let kept_count: FxHashMap<&str, u32> = kept.iter().copied().collect();
    kept.retain(|&(t, n)| {
        !pieces(t).any(|s| s.len() < t.len() && kept_count.get(s).is_some_and(|&sn| sn > n))
    });
    // A term stands on its own: it follows and precedes more than one thing. `均增长` always
    // follows `年` (it is part of `年均增长`), `万公里` always follows a number.
    // Both checks read the whole text, so they run in rank order and stop at the few terms
    // shown; absence from the other edition is the cheaper one and goes first.
    kept.sort_by(|a, b| {
        let score = |&(t, n): &(&str, u32)| n as usize * t.chars().count();
        score(b).cmp(&score(a)).then(a.0.cmp(b.0))
    });
    kept.into_iter()
        .filter(|&(t, _)| !other.contains(t) && free_standing(mine_edition, t))
        .take(MAX_TERMS)
        .map(|(t, _)| t.to_string())
        .collect()
}

/// Every substring of `t` on character boundaries, `t` itself included.
fn pieces(t: &str) -> impl Iterator<Item = &str> {
    let bounds: Vec<usize> = t
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(t.len()))
        .collect();
    let spans: Vec<(usize, usize)> = (0..bounds.len())
        .flat_map(|a| ((a + 1)..bounds.len()).map(move |b| (a, b)))
        .map(|(a, b)| (bounds[a], bounds[b]))
        .collect();
    spans.into_iter().map(move |(a, b)| &t[a..b])
}

/// True when `term` has at least two different neighbours on each side in `e`, or sits
/// next to punctuation; a number before it never counts, since units follow numbers.
fn free_standing(e: &Edition, term: &str) -> bool {
    let mut left: Vec<char> = Vec::new();
    let mut right: Vec<char> = Vec::new();
    for at in e.occurrences(term) {
        let l = e.all[..at].chars().next_back().unwrap_or('\n');
        let r = e.all[at + term.len()..].chars().next().unwrap_or('\n');
        if l.is_ascii_digit() || l == '.' || l == '%' {
            return false;
        }
        let l = if is_han(l) { l } else { '\n' };
        let r = if is_han(r) { r } else { '\n' };
        if !left.contains(&l) {
            left.push(l);
        }
        if !right.contains(&r) {
            right.push(r);
        }
    }
    let diverse = |v: &[char]| v.len() >= 2 || v == ['\n'];
    diverse(&left) && diverse(&right)
}

/// Two-character verbs and general words that make a phrase, not a term, when they open or
/// close it (`保持稳定`, `发展取得`, `交流合作`).
static PHRASE_EDGES: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-phrase-edges.txt")));

/// A term has no conjunction inside and does not open or close with a general verb or word.
fn is_termlike(t: &str) -> bool {
    if t.contains(['和', '与', '及', '并', '或']) {
        return false;
    }
    !PHRASE_EDGES
        .iter()
        .any(|w| t.starts_with(w) || t.ends_with(w))
}

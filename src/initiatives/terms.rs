//! New wording: terms and collocations one edition uses and the other never does, ranked by
//! keyness (log-likelihood, G², with the other edition as the reference corpus).
//!
//! Candidates are every run of 2 to 8 Han characters (Chinese) or 1 to 4 words (English) that
//! one edition uses at least [`MIN_COUNT`] times outside its titles and the other edition
//! never, plus the phrases an edition coins between quotation marks (`“投资于人”`), which count
//! from their first use: quoting a new phrase is how a report marks it as salient. A
//! candidate must be a phrase, not a piece of one: it does not start or end inside a word (the
//! segmenter and the text agree on its edges, [`at_word_edges`]), does not open or close with a
//! function character or a general verb, holds no conjunction, and is not the part of a longer
//! candidate used as often. The strongest [`MAX_TERMS`] of each side are kept, quoted coinages
//! first (at most [`MAX_COINAGES`]).
//!
//! Work is linear in the text: one pass counts the runs of each edition; the checks that
//! read the text again (edges, neighbours) run in rank order on at most [`MAX_EXAMINED`]
//! candidates per side.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::detect::{Verdict, judge_quote};
use super::text::{Edition, GramCounts, MAX_GRAM, MIN_GRAM};
use crate::model::Status;
use crate::script::is_han;
use crate::vocab;

/// Uses needed on one side for an unquoted term to count: a term used once or twice is a
/// phrasing, not a theme. With editions of similar size, three uses against none is a G² of
/// about 4.2, just above [`MIN_KEYNESS`].
pub const MIN_COUNT: usize = 3;
/// Terms listed per side; the list is for a glance.
pub const MAX_TERMS: usize = 10;
/// Quoted coinages listed per side, at most; the rest of the list is for frequent terms.
pub const MAX_COINAGES: usize = 5;
/// The G² an unquoted term needs: 3.84 is significance at p < 0.05 with one degree of freedom.
pub const MIN_KEYNESS: f64 = 3.84;
/// The G² a single unit needs (a two-character Chinese word, one English word): p < 0.001.
/// Ordinary words (`进行`, `显著`, `leave`) come and go between editions by chance at a few
/// uses, phrases rarely do.
pub const MIN_KEYNESS_WORD: f64 = 10.83;
/// Candidates per side whose edges and neighbours are checked, best first; the checks read the
/// text around each use, and the list shown is short.
pub const MAX_EXAMINED: usize = 300;
/// Editions up to this many bytes get their 2-, 7- and 8-character runs and their English
/// runs counted here: a report is a few hundred kilobytes. A larger edition (a shaped input)
/// gives terms of 3–6 characters only, from the counts [`GramCounts`] makes anyway, so
/// memory stays within a small multiple of the input.
pub const MAX_COUNTED_BYTES: usize = 4 << 20;
/// Uses of a candidate whose word edges are checked.
const EDGE_SAMPLES: usize = 3;
/// Quoted phrases read per edition (a report quotes a few hundred at most; the cap bounds a
/// shaped input).
const MAX_QUOTES: usize = 5_000;
/// Quoted coinages taken per edition, in reading order: each is counted with a pass over the
/// text.
const MAX_COINAGE_CANDIDATES: usize = 200;
/// Bytes of text on each side of a quoted phrase that the noise filter reads.
const QUOTE_WINDOW: usize = 600;

const MIN_HAN: usize = 2;

/// Numerals that open or hold a numbered formula (`双控`, `三农`, `两委`).
const FORMULA_NUMERALS: &str = "一二三四五六七八九十百千万两双";
const MAX_HAN: usize = 8;
/// The lengths of Han runs counted here; [`GramCounts`] counts the others.
const OWN_HAN_LENGTHS: [usize; 3] = [MIN_HAN, 7, MAX_HAN];
const MAX_WORDS: usize = 4;

/// Characters that never start or end a term.
static EDGE_CHARS: LazyLock<Vec<char>> =
    LazyLock::new(|| vocab::chars(include_str!("../../data/vocab/zh-term-edge-chars.txt")));

/// Two-character verbs and general words that make a phrase, not a term, when they open or
/// close it (`保持稳定`, `发展取得`, `交流合作`).
static PHRASE_EDGES: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-phrase-edges.txt")));

/// English words that carry no topic; a term does not start or end with one.
static EN_STOPWORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-stopwords.txt")));

/// English words that make a phrase of a sentence, not a term, at either end (`last three`,
/// `per month`, `Berkshire now`).
static EN_EDGE_WORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-term-edge-words.txt")));

/// A new or dropped term, as [`key_terms`] ranks it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KeyTerm {
    /// The term as the edition writes it.
    pub text: String,
    /// `New` for a term only the new edition uses, `Dropped` for one only the old used.
    pub status: Status,
    /// Its log-likelihood G² against the other edition.
    pub keyness: f64,
    /// True for an English term, found in any letter case.
    pub english: bool,
}

/// How often a run occurs in one edition.
#[derive(Debug, Clone, Copy, Default)]
struct Count {
    /// In any sentence.
    all: u32,
    /// In sentences that are not titles.
    body: u32,
}

/// What [`Runs`] counts in one pass: Han runs of one length, or English runs of 1–4 words.
#[derive(Debug, Clone, Copy)]
enum RunKind {
    Han(usize),
    Words,
}

/// The kinds of run counted here, one at a time: the tables of both editions for one kind are
/// alive together, never those of every kind (they are the largest memory of key terms).
const RUN_KINDS: [RunKind; 4] = [
    RunKind::Han(OWN_HAN_LENGTHS[0]),
    RunKind::Han(OWN_HAN_LENGTHS[1]),
    RunKind::Han(OWN_HAN_LENGTHS[2]),
    RunKind::Words,
];

/// The runs of one kind of one edition that [`GramCounts`] does not count, counted: Han
/// runs of 2, 7 or 8 characters (the edition counts 3 to 6), or English runs of 1–4 words
/// (lower case, with the byte offset of their first use).
struct Runs<'e> {
    /// False when the edition is above [`MAX_COUNTED_BYTES`] and its runs were not counted.
    counted: bool,
    /// Keyed by the run's first use, a slice of [`Edition::all`], so its offset is known
    /// without being stored.
    han: FxHashMap<&'e str, Count>,
    words: FxHashMap<String, (Count, u32)>,
}

/// The size of an edition in Han characters and in English words, which weighs keyness.
#[derive(Debug, Clone, Copy, Default)]
struct Sizes {
    han: u64,
    words: u64,
}

impl Sizes {
    fn of(e: &Edition) -> Sizes {
        let mut sizes = Sizes::default();
        for s in &e.sentences {
            sizes.han += s.text.chars().filter(|&c| is_han(c)).count() as u64;
            sizes.words += english_words(s.text).len() as u64;
        }
        sizes
    }
}

impl<'e> Runs<'e> {
    fn of(e: &'e Edition, kind: RunKind) -> Runs<'e> {
        let mut r = Runs {
            counted: e.all.len() <= MAX_COUNTED_BYTES,
            han: FxHashMap::default(),
            words: FxHashMap::default(),
        };
        if !r.counted {
            return r;
        }
        let mut start = 0usize;
        for s in &e.sentences {
            let text = &e.all[start..start + s.text.len()];
            match kind {
                RunKind::Han(len) => r.add_han(text, len, s.title),
                RunKind::Words => r.add_words(text, start, s.title),
            }
            start += s.text.len() + 1;
        }
        r
    }

    fn bump(c: &mut Count, title: bool) {
        c.all += 1;
        if !title {
            c.body += 1;
        }
    }

    fn add_han(&mut self, text: &'e str, len: usize, title: bool) {
        // The byte offsets of the run's last `len` characters (a ring), and the run's length
        // so far: each window of `len` Han characters is counted where it ends.
        let mut at = [0usize; MAX_HAN];
        let mut run = 0usize;
        for (i, c) in text.char_indices() {
            if !is_han(c) {
                run = 0;
                continue;
            }
            at[run % len] = i;
            run += 1;
            if run >= len {
                let start = at[(run - len) % len];
                let key = &text[start..i + c.len_utf8()];
                Self::bump(self.han.entry(key).or_default(), title);
            }
        }
    }

    fn add_words(&mut self, text: &str, base: usize, title: bool) {
        let words: Vec<(usize, &str)> = english_words(text);
        for a in 0..words.len() {
            let mut key = String::new();
            for len in 1..=MAX_WORDS {
                let Some(&(_, w)) = words.get(a + len - 1) else {
                    break;
                };
                // Words of one run stand next to each other, one space apart.
                if len > 1 {
                    let (prev_at, prev) = words[a + len - 2];
                    let gap = prev_at + prev.len();
                    if words[a + len - 1].0 != gap + 1 || text.as_bytes()[gap] != b' ' {
                        break;
                    }
                    key.push(' ');
                }
                key.push_str(&w.to_lowercase());
                let at = u32::try_from(base + words[a].0).unwrap_or(u32::MAX);
                let (c, _) = self
                    .words
                    .entry(key.clone())
                    .or_insert((Count::default(), at));
                Self::bump(c, title);
            }
        }
    }
}

/// The Latin words of a text with their byte offsets: letters, digits, inner hyphens and
/// apostrophes.
fn english_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let word_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '\'' | '’');
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, word_char(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let w = text[s..i].trim_end_matches(['-', '\'', '’']);
                let lead = w.len() - w.trim_start_matches(['-', '\'', '’']).len();
                let w = &w[lead..];
                if w.chars().any(|c| c.is_ascii_alphabetic()) {
                    out.push((s + lead, w));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Log-likelihood G² of `a` uses in `n1` units against `b` uses in `n2` units (Rayson and
/// Garside's keyness).
fn g2(a: f64, n1: f64, b: f64, n2: f64) -> f64 {
    let e1 = n1 * (a + b) / (n1 + n2);
    let e2 = n2 * (a + b) / (n1 + n2);
    let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (part(a, e1) + part(b, e2))
}

/// A candidate of one side.
#[derive(Debug, Clone, Copy)]
struct Candidate<'e> {
    text: &'e str,
    count: u32,
    at: u32,
    coined: bool,
    english: bool,
}

/// Key terms of each side, best first: at most [`MAX_TERMS`] per side.
pub(crate) fn key_terms(old: &Edition, new: &Edition) -> Vec<KeyTerm> {
    // One edition as both sides (a file compared with itself) uses nothing the other never
    // does: no run is counted.
    if std::ptr::eq(old, new) {
        return Vec::new();
    }
    let (old_sizes, new_sizes) = (Sizes::of(old), Sizes::of(new));
    let (mut new_cands, mut old_cands) = (Vec::new(), Vec::new());
    for k in MIN_GRAM..=MAX_GRAM {
        let (old_grams, new_grams) = (GramCounts::of(old, k), GramCounts::of(new, k));
        gram_candidates(new, &new_grams, &old_grams, &mut new_cands);
        gram_candidates(old, &old_grams, &new_grams, &mut old_cands);
    }
    for kind in RUN_KINDS {
        let (old_runs, new_runs) = (Runs::of(old, kind), Runs::of(new, kind));
        run_candidates(new, &new_runs, &old_runs, &mut new_cands);
        run_candidates(old, &old_runs, &new_runs, &mut old_cands);
    }
    let mut out = one_side(new, new_cands, new_sizes, old, old_sizes, Status::New);
    out.extend(one_side(
        old,
        old_cands,
        old_sizes,
        new,
        new_sizes,
        Status::Dropped,
    ));
    out
}

/// Candidates of `mine` among its runs of one length of 3–6 characters, counted in `grams`.
fn gram_candidates<'e>(
    mine: &'e Edition,
    grams: &GramCounts,
    theirs: &GramCounts,
    cands: &mut Vec<Candidate<'e>>,
) {
    for (code, n, at) in grams.body() {
        if n as usize >= MIN_COUNT && !theirs.contains(code) {
            let t = mine.gram_text(code, at);
            if han_termlike(t) {
                cands.push(Candidate {
                    text: t,
                    count: n,
                    at: u32::try_from(at).unwrap_or(u32::MAX),
                    coined: false,
                    english: false,
                });
            }
        }
    }
}

/// Candidates of `mine` among the runs of one kind counted in `runs`.
fn run_candidates<'e>(
    mine: &'e Edition,
    runs: &Runs<'e>,
    theirs: &Runs,
    cands: &mut Vec<Candidate<'e>>,
) {
    for (&t, c) in &runs.han {
        if c.all as usize >= MIN_COUNT
            && c.body > 0
            && !(theirs.counted && theirs.han.contains_key(t))
            && han_termlike(t)
        {
            // The key is the run's first use in `mine.all`.
            let at = t.as_ptr() as usize - mine.all.as_ptr() as usize;
            cands.push(Candidate {
                text: t,
                count: c.all,
                at: u32::try_from(at).unwrap_or(u32::MAX),
                coined: false,
                english: false,
            });
        }
    }
    for (k, &(c, first)) in &runs.words {
        if c.all as usize >= MIN_COUNT
            && c.body > 0
            && !(theirs.counted && theirs.words.contains_key(k))
            && english_termlike(k)
        {
            let at = first as usize;
            // The term as first written: as many bytes as the key, from its first use (the
            // words' letters keep their byte length in lower case).
            let Some(text) = mine.all.get(at..at + k.len()) else {
                continue;
            };
            if text.to_lowercase() != *k {
                continue;
            }
            cands.push(Candidate {
                text,
                count: c.all,
                at: first,
                coined: false,
                english: true,
            });
        }
    }
}

fn one_side<'e>(
    mine: &'e Edition,
    mut cands: Vec<Candidate<'e>>,
    sizes: Sizes,
    other: &Edition,
    theirs: Sizes,
    status: Status,
) -> Vec<KeyTerm> {
    drop_contained(&mut cands);
    let coined = coinages(mine);
    let index: FxHashMap<&str, usize> =
        cands.iter().enumerate().map(|(i, c)| (c.text, i)).collect();
    for (inner, at) in coined {
        if !han_termlike(inner) || other.contains(inner) {
            continue;
        }
        match index.get(inner) {
            Some(&i) => cands[i].coined = true,
            None => cands.push(Candidate {
                text: inner,
                count: mine.find(inner).len().max(1) as u32,
                at,
                coined: true,
                english: false,
            }),
        }
    }
    let keyness = |c: &Candidate| {
        let (n1, n2) = if c.english {
            (sizes.words, theirs.words)
        } else {
            (sizes.han, theirs.han)
        };
        g2(f64::from(c.count), n1.max(1) as f64, 0.0, n2.max(1) as f64)
    };
    let mut ranked: Vec<(f64, Candidate)> = cands
        .into_iter()
        .map(|c| (keyness(&c), c))
        .filter(|(g, c)| {
            let single = if c.english {
                !c.text.contains(' ')
            } else {
                c.text.chars().count() == MIN_HAN
            };
            c.coined
                || *g
                    >= if single {
                        MIN_KEYNESS_WORD
                    } else {
                        MIN_KEYNESS
                    }
        })
        .filter(|(_, c)| !c.english || c.text.contains(' ') || proper_name(mine, c.text))
        // Two Chinese characters unquoted are a word of the language (`时期`, `条例`, `恢复`):
        // such a word misses an edition by chance, and counting cannot tell it from a coinage.
        // A numbered formula (`双控`, `三农`) is the genre's way of coining one.
        .filter(|(_, c)| {
            c.english
                || c.coined
                || c.text.chars().count() > MIN_HAN
                || c.text.chars().any(|ch| FORMULA_NUMERALS.contains(ch))
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.text.chars().count().cmp(&a.1.text.chars().count()))
            .then(a.1.at.cmp(&b.1.at))
    });
    let mut coined = 0;
    let mut out: Vec<KeyTerm> = Vec::new();
    for (g, c) in ranked.into_iter().take(MAX_EXAMINED) {
        if out.len() == MAX_TERMS {
            break;
        }
        if c.coined && coined == MAX_COINAGES {
            continue;
        }
        // Absent from the other edition in any form (a run across a line of the joined text
        // included), standing on its own, its edges on word edges.
        let absent = if c.english {
            other
                .find_folded(&super::status::fold_key(c.text))
                .is_empty()
        } else {
            !other.contains(c.text)
        };
        if !absent || !(c.english || c.coined || free_standing(mine, c.text)) {
            continue;
        }
        if !c.english && !at_word_edges(mine, c.text) {
            continue;
        }
        coined += usize::from(c.coined);
        out.push(KeyTerm {
            text: c.text.to_string(),
            status,
            keyness: (g * 10.0).round() / 10.0,
            english: c.english,
        });
    }
    // Coinages first: quoting is the report's own mark of a new phrase.
    out.sort_by_key(|t| !coinages_contain(mine, &t.text));
    out
}

/// True when the edition writes `term` between quotation marks.
fn coinages_contain(e: &Edition, term: &str) -> bool {
    !term.is_empty() && e.contains(&format!("“{term}”"))
}

/// Quoted phrases of 2–8 Han characters that the noise filter does not reject as an idiom,
/// principle, honour, place or emphasis, with the byte offset of their first use: candidates
/// for a coinage. Phrases the filter accepts as names are named initiatives already, and
/// [`add_terms`](super::status) leaves them out.
fn coinages<'e>(e: &'e Edition) -> Vec<(&'e str, u32)> {
    let mut out: Vec<(&str, u32)> = Vec::new();
    let all = &e.all;
    let mut seen = 0;
    for (open, _) in all.match_indices('“') {
        seen += 1;
        if seen > MAX_QUOTES {
            break;
        }
        let from = open + '“'.len_utf8();
        let Some(len) = all[from..].find(['”', '\n', '“']) else {
            continue;
        };
        if !all[from + len..].starts_with('”') {
            continue;
        }
        let inner = &all[from..from + len];
        let n = inner.chars().count();
        if !(MIN_HAN..=MAX_HAN).contains(&n) || !inner.chars().all(is_han) {
            continue;
        }
        let before = tail(&all[..open], QUOTE_WINDOW);
        let after = head(&all[from + len + '”'.len_utf8()..], QUOTE_WINDOW);
        let before = before.rsplit('\n').next().unwrap_or(before);
        let after = after.split('\n').next().unwrap_or(after);
        if judge_quote(before, inner, after) == Verdict::NoEvidence
            && !out.iter().any(|(t, _)| *t == inner)
        {
            out.push((inner, u32::try_from(open).unwrap_or(u32::MAX)));
            if out.len() == MAX_COINAGE_CANDIDATES {
                break;
            }
        }
    }
    out
}

fn tail(s: &str, bytes: usize) -> &str {
    let mut at = s.len().saturating_sub(bytes);
    while !s.is_char_boundary(at) {
        at += 1;
    }
    &s[at..]
}

fn head(s: &str, bytes: usize) -> &str {
    let mut at = bytes.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[..at]
}

/// Drops a candidate that is part of a longer candidate used as often (the longer one is the
/// term), and a longer candidate that only extends a shorter one used more often.
fn drop_contained(cands: &mut Vec<Candidate>) {
    // Longest first, so a term is checked against the longer ones that contain it.
    cands.sort_by(|a, b| {
        b.text
            .len()
            .cmp(&a.text.len())
            .then(b.count.cmp(&a.count))
            .then(a.text.cmp(b.text))
    });
    // Terms are short, so "contained in a kept term" is a lookup in the set of all pieces of
    // the kept terms, not a scan over them: this stays linear however many candidates there are.
    let mut kept: Vec<Candidate> = Vec::new();
    let mut covered: FxHashMap<String, u32> = FxHashMap::default();
    for &c in cands.iter() {
        let key = c.text.to_lowercase();
        if covered.get(&key).is_some_and(|&kn| kn >= c.count) {
            continue;
        }
        kept.push(c);
        for piece in pieces(&key, c.english) {
            let n = covered.entry(piece).or_insert(0);
            *n = (*n).max(c.count);
        }
    }
    let kept_count: FxHashMap<String, u32> = kept
        .iter()
        .map(|c| (c.text.to_lowercase(), c.count))
        .collect();
    kept.retain(|c| {
        let key = c.text.to_lowercase();
        !pieces(&key, c.english)
            .iter()
            .any(|s| s.len() < key.len() && kept_count.get(s).is_some_and(|&sn| sn > c.count))
    });
    *cands = kept;
}

/// Every contiguous piece of `t`, `t` itself included: runs of characters, or of words for
/// English.
fn pieces(t: &str, english: bool) -> Vec<String> {
    if english {
        let w: Vec<&str> = t.split(' ').collect();
        let mut out = Vec::new();
        for a in 0..w.len() {
            for b in a + 1..=w.len() {
                out.push(w[a..b].join(" "));
            }
        }
        return out;
    }
    let bounds: Vec<usize> = t
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(t.len()))
        .collect();
    let mut out = Vec::new();
    for a in 0..bounds.len() {
        for b in a + 1..bounds.len() {
            out.push(t[bounds[a]..bounds[b]].to_string());
        }
    }
    out
}

/// True when `term` has at least two different neighbours on each side in `e`, or sits
/// next to punctuation; a number before it (`12`, `4.2万`) never counts, since units follow
/// numbers, and a
/// number after it every time makes it a verb of quantity with its figure cut (`分别达`,
/// `增至`).
fn free_standing(e: &Edition, term: &str) -> bool {
    let mut left: Vec<char> = Vec::new();
    let mut right: Vec<char> = Vec::new();
    for at in e.occurrences(term) {
        let mut before = e.all[..at].chars().rev();
        let l = before.next().unwrap_or('\n');
        let r = e.all[at + term.len()..].chars().next().unwrap_or('\n');
        if l.is_ascii_digit() || l == '.' || l == '%' {
            return false;
        }
        // `4.2万公里`: a scale character after a number is part of the number.
        if matches!(l, '万' | '亿' | '千' | '百')
            && before.next().is_some_and(|c| c.is_ascii_digit())
        {
            return false;
        }
        let l = if is_han(l) { l } else { '\n' };
        let r = if is_han(r) {
            r
        } else if r.is_ascii_digit() {
            '0'
        } else {
            '\n'
        };
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

/// True when the segmenter puts a word edge at both ends of `term` in each of its first
/// [`EDGE_SAMPLES`] uses: `构建新` ends inside `新型`, `经济大` inside `大盘`. Each use is cut
/// with the Han run around it, so the segmenter sees the words on both sides.
pub(crate) fn at_word_edges(e: &Edition, term: &str) -> bool {
    let mut checked = 0;
    let mut whole = 0;
    for (at, _) in e.all.match_indices(term).take(EDGE_SAMPLES) {
        checked += 1;
        let start = e.all[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_han(c))
            .last()
            .map_or(at, |(i, _)| i);
        let end_rel = e.all[at..]
            .char_indices()
            .find(|&(_, c)| !is_han(c))
            .map_or(e.all.len() - at, |(i, _)| i);
        let run = &e.all[start..at + end_rel];
        let (from, to) = (at - start, at - start + term.len());
        let mut edges = vec![0usize];
        let mut pos = 0;
        for t in crate::segment::tokens(run) {
            pos += t.len();
            edges.push(pos);
        }
        if edges.contains(&from) && edges.contains(&to) {
            whole += 1;
        }
    }
    checked > 0 && whole == checked
}

/// A Chinese term has no conjunction inside, does not start or end with a function
/// character, does not open or close with a general verb or word, and does not open with an
/// adverb.
fn han_termlike(t: &str) -> bool {
    let edge = |c: Option<char>| c.is_some_and(|c| EDGE_CHARS.contains(&c));
    if edge(t.chars().next()) || edge(t.chars().last()) {
        return false;
    }
    if t.contains(['和', '与', '及', '并', '或']) {
        return false;
    }
    !PHRASE_EDGES
        .iter()
        .any(|w| t.starts_with(w) || t.ends_with(w))
        && super::detect::LEADING_ADVERBS.first_prefix(t).is_none()
}

/// True when every use of the single English word `w` is capitalised and at least one stands
/// inside a sentence: a name (`Majulah`) or an initialism (`ABSD`), not a common word.
fn proper_name(e: &Edition, w: &str) -> bool {
    let lower = w.to_lowercase();
    let mut inside = false;
    for i in e.find_folded(&lower) {
        let text = &e.sentences[i].text;
        for (at, word) in english_words(text) {
            if word.to_lowercase().trim_end_matches('s') != lower.trim_end_matches('s') {
                continue;
            }
            if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
                return false;
            }
            inside |= text[..at].chars().any(char::is_alphanumeric);
        }
    }
    inside
}

/// An English term (lower case) starts and ends with a word of three letters or more that is
/// neither a stopword nor an edge word (quantifiers, months, adverbs, comparatives), holds no
/// number, joins no two names with `and` or `or` (`BNSF and BHE` is two names), holds no edge
/// word or adverb inside, and does not close with a verb in the past tense or an adverb in
/// `-ly` (`dollar accounted`, `respond quickly`): a noun phrase, not a piece of a clause.
fn english_termlike(k: &str) -> bool {
    let words: Vec<&str> = k.split(' ').collect();
    let (first, last) = (words[0], words[words.len() - 1]);
    let content = |w: &str| {
        w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3
            && !EN_STOPWORDS.contains(&w)
            && !EN_EDGE_WORDS.contains(&w)
    };
    // A closing `-ed` or `-ly` of five letters or more is a verb or an adverb; `speed`,
    // `need`, `supply`, `family` and `assembly` are the nouns the suffixes would catch.
    let clause_end = |w: &str| {
        let n = w.chars().count();
        n >= 5
            && ((w.ends_with("ed") && !w.ends_with("eed"))
                || (w.ends_with("ly")
                    && !w.ends_with("ply")
                    && !w.ends_with("ily")
                    && !w.ends_with("bly")))
    };
    // Inside a term stand only its own words and light links (`of`, `for`): a conjunction, an
    // edge word or an adverb inside makes a clause (`offset by higher net`, `located primarily
    // in China`).
    let joins = words.len() > 2
        && words[1..words.len() - 1].iter().any(|w| {
            matches!(*w, "and" | "or")
                || EN_EDGE_WORDS.contains(w)
                || (w.chars().count() >= 5 && w.ends_with("ly") && !w.ends_with("ply"))
        });
    content(first)
        && content(last)
        && !(words.len() > 1 && clause_end(last))
        && !joins
        && !k.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{OutlineOptions, parse_text};

    #[test]
    fn a_term_cut_inside_a_word_is_not_at_word_edges() {
        let doc = parse_text(
            "t",
            "着力稳定宏观经济大盘，保持经济运行在合理区间。稳住宏观经济大盘。宏观经济大盘总体稳定。",
            OutlineOptions::default(),
        )
        .unwrap();
        let e = Edition::of(&doc);
        // `经济大` ends inside `大盘`; `宏观经济` is a word.
        assert!(!at_word_edges(&e, "经济大"));
        assert!(at_word_edges(&e, "宏观经济"));
        assert!(at_word_edges(&e, "宏观经济大盘"));
        let doc = parse_text(
            "t",
            "积极构建新型政商关系。推动构建新型国际关系。加快构建新型电力系统。",
            OutlineOptions::default(),
        )
        .unwrap();
        let e = Edition::of(&doc);
        // `构建新` ends inside `新型`.
        assert!(!at_word_edges(&e, "构建新"));
    }

    #[test]
    fn keyness_grows_with_uses_and_with_the_reference_size() {
        let three = g2(3.0, 10_000.0, 0.0, 10_000.0);
        assert!(three > MIN_KEYNESS && three < 4.5, "{three}");
        assert!(g2(6.0, 10_000.0, 0.0, 10_000.0) > three);
        // Against a larger reference, absence there weighs more.
        assert!(g2(3.0, 10_000.0, 0.0, 40_000.0) > three);
        // Used as often, relative to size, on both sides: no keyness.
        assert!(g2(3.0, 10_000.0, 3.0, 10_000.0).abs() < 1e-9);
    }

    #[test]
    fn english_words_keep_hyphens_and_drop_edges() {
        let w: Vec<&str> = english_words("The Majulah Package - for 'seniors', post-secondary.")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            w,
            [
                "The",
                "Majulah",
                "Package",
                "for",
                "seniors",
                "post-secondary"
            ]
        );
        assert!(english_termlike("majulah package"));
        assert!(!english_termlike("the package"));
        assert!(!english_termlike("package of"));
    }

    #[test]
    fn english_terms_are_noun_phrases_not_pieces_of_clauses() {
        // Phrases the budget speeches, letters and the 10-K pair repeat, absent from the
        // other year: pieces of sentences around a quantity, a date or a comparison.
        for clause in [
            "last three",
            "per month",
            "september this year",
            "berkshire now",
            "primarily of lower net",
            "offset by higher net",
            "located primarily in china",
            "bnsf and bhe",
            "respond quickly",
            "dollar accounted",
            "million would be taxed",
        ] {
            assert!(!english_termlike(clause), "{clause}");
        }
        // Noun phrases of the same texts, and nouns the suffix rules must not catch.
        for term in [
            "forward singapore",
            "natural gas",
            "training allowance",
            "capital gains",
            "foreign currency risk",
            "net sales of mac",
            "water supply",
            "low-income family",
            "general assembly",
        ] {
            assert!(english_termlike(term), "{term}");
        }
    }

    #[test]
    fn chinese_terms_do_not_open_or_close_with_function_words() {
        assert!(han_termlike("全球通胀"));
        assert!(!han_termlike("的发展"));
        assert!(!han_termlike("保持稳定"));
        assert!(!han_termlike("高职扩招和"));
        // Phrases of the provincial, district and national pairs that came out as new wording:
        // an adverb, a pronoun or a modal opening a verb phrase, a complement closing one.
        for phrase in [
            "深入践行",
            "大力拓展",
            "努力打造",
            "一定能够",
            "我国经济",
            "结合起来",
            "表示诚挚感谢",
        ] {
            assert!(!han_termlike(phrase), "{phrase}");
        }
        for term in ["乙类乙管", "枫桥经验", "新三样", "三公经费", "投资于人"] {
            assert!(han_termlike(term), "{term}");
        }
    }
}

//! One edition as a flat list of sentences, each with its section path, line and part.
//!
//! Detection, status and delivery all work sentence by sentence and all need to say where a
//! sentence sits, so the outline is flattened once per edition and shared.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::model::{Document, Section, SectionKind};
pub use crate::part::Part;
use crate::script::is_han;
use crate::sentence::split_sentences;

use crate::model::Mention;

/// One sentence of an edition.
#[derive(Debug, Clone)]
pub(crate) struct Sentence<'a> {
    /// The sentence text, borrowed from the document (a copy of every sentence of both
    /// editions was, with the joined text, the text held three times).
    pub text: &'a str,
    /// Index into [`Edition::paths`].
    pub path: usize,
    /// Original line where it starts.
    pub line: u32,
    /// The part of the report it sits in.
    pub part: Part,
    /// True for a section title (heading or item lead sentence).
    pub title: bool,
}

/// An edition flattened into sentences.
#[derive(Debug, Clone)]
pub(crate) struct Edition<'a> {
    /// Ties the edition to its document's lifetime, so callers keep the two together.
    _doc: std::marker::PhantomData<&'a Document>,
    /// Sentences in reading order.
    pub sentences: Vec<Sentence<'a>>,
    /// Section paths, shared by the sentences of one section.
    pub paths: Vec<Vec<String>>,
    /// Every sentence joined by newlines, for a quick "is this named at all" test.
    pub all: String,
    /// Byte offset in `all` where each sentence starts.
    starts: Vec<usize>,
    /// Every run of [`MIN_GRAM`]..=[`MAX_GRAM`] Han characters, as bits of a filter:
    /// answers "is this never used" without a scan, for [`Edition::find`].
    grams: GramFilter,
    /// Answers of [`Edition::find`] so far.
    memo: RefCell<FxHashMap<String, Vec<usize>>>,
    /// [`Edition::all`] with ASCII letters lower-cased (same byte offsets), made on the first
    /// [`Edition::find_folded`].
    lower: std::cell::OnceCell<String>,
    /// Where each pair of adjacent Han characters starts in [`Edition::all`] (byte offsets,
    /// ascending), made on the first [`Edition::occurrences`] of a Han needle: later lookups
    /// visit only the places a needle can start instead of scanning the whole text.
    pairs: std::cell::OnceCell<HanPairs>,
}

impl<'a> Edition<'a> {
    /// Flattens `doc`.
    pub fn of(doc: &'a Document) -> Edition<'a> {
        let mut e = Edition {
            _doc: std::marker::PhantomData,
            sentences: Vec::new(),
            paths: Vec::new(),
            all: String::new(),
            starts: Vec::new(),
            grams: GramFilter::default(),
            memo: RefCell::new(FxHashMap::default()),
            lower: std::cell::OnceCell::new(),
            pairs: std::cell::OnceCell::new(),
        };
        for s in &doc.sections {
            let part = crate::part::part_of_section(s);
            let mut path = Vec::new();
            e.add_section(s, part, &mut path);
        }
        let total: usize = e.sentences.iter().map(|s| s.text.len() + 1).sum();
        e.all.reserve(total);
        for s in &e.sentences {
            e.starts.push(e.all.len());
            e.all.push_str(s.text);
            e.all.push('\n');
        }
        e.grams = GramFilter::of(&e.sentences);
        e
    }

    /// The text of the run with this code, which starts at byte `at` of [`Edition::all`].
    pub fn gram_text(&self, code: u128, at: usize) -> &str {
        let len: usize = self.all[at..]
            .chars()
            .take(code_chars(code))
            .map(char::len_utf8)
            .sum();
        &self.all[at..at + len]
    }

    /// The sentence that holds byte `at` of [`Edition::all`].
    fn sentence_at(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at) - 1
    }

    /// False when `needle` certainly occurs nowhere: a Han needle whose first or last
    /// [`MAX_GRAM`] characters were never counted.
    fn may_contain(&self, needle: &str) -> bool {
        let n = needle.chars().count();
        if n < MIN_GRAM || !needle.chars().all(is_han) {
            return true;
        }
        let take = n.min(MAX_GRAM);
        let head = needle.chars().take(take).fold(0, push_char);
        let tail = needle.chars().skip(n - take).fold(0, push_char);
        self.grams.may_contain(head) && self.grams.may_contain(tail)
    }

    fn add_section(&mut self, s: &'a Section, part: Part, path: &mut Vec<String>) {
        path.push(s.heading_text());
        let id = self.paths.len();
        self.paths.push(path.clone());
        if !s.title.is_empty() && matches!(s.kind, SectionKind::Heading | SectionKind::Item) {
            self.sentences.push(Sentence {
                text: &s.title,
                path: id,
                line: s.lines.0,
                part,
                title: true,
            });
        }
        for p in &s.paragraphs {
            for r in split_sentences(&p.text) {
                self.sentences.push(Sentence {
                    text: &p.text[r.clone()],
                    path: id,
                    line: p.line_at(r.start),
                    part,
                    title: false,
                });
            }
        }
        for c in &s.children {
            self.add_section(c, part, path);
        }
        path.pop();
    }

    /// The mention of `name` in sentence `i`. A sentence longer than [`MAX_MENTION_BYTES`] is
    /// kept as a window around the name's first occurrence, marked with `…` where cut, so a
    /// mention never copies a sentence that names thousands of things.
    pub fn mention(&self, i: usize, name: &str) -> Mention {
        let s = &self.sentences[i];
        Mention {
            sentence: mention_text(s.text, name),
            section: self.paths[s.path].clone(),
            line: s.line,
        }
    }

    /// True when any sentence contains `needle`.
    pub fn contains(&self, needle: &str) -> bool {
        !needle.is_empty()
            && self.may_contain(needle)
            && memchr::memmem::find(self.all.as_bytes(), needle.as_bytes()).is_some()
    }

    /// Indices of the sentences that contain `needle`, remembered, since status and delivery
    /// ask for the same names again. Most answers come from [`prefetch`], which looks for all
    /// names at once; a needle it was not given costs one pass over the joined text, with each
    /// hit placed by binary search.
    pub fn find(&self, needle: &str) -> Vec<usize> {
        if needle.is_empty() {
            return Vec::new();
        }
        if !self.may_contain(needle) {
            return Vec::new();
        }
        if let Some(hit) = self.memo.borrow().get(needle) {
            return hit.clone();
        }
        let mut out: Vec<usize> = Vec::new();
        for at in memchr::memmem::find_iter(self.all.as_bytes(), needle.as_bytes()) {
            let i = self.sentence_at(at);
            if out.last() != Some(&i) {
                out.push(i);
            }
        }
        self.memo
            .borrow_mut()
            .insert(needle.to_string(), out.clone());
        out
    }

    /// Byte offsets in [`Edition::all`] where `needle` occurs, ascending and not
    /// overlapping, exactly as `all.match_indices(needle)` gives them. A needle of two or more
    /// Han characters is looked up in the index of Han pairs (built once per edition), so
    /// asking for many names costs their hits, not one pass over the text each.
    pub fn occurrences<'s>(&'s self, needle: &'s str) -> Box<dyn Iterator<Item = usize> + 's> {
        let mut cs = needle.chars();
        let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
            return Box::new(self.all.match_indices(needle).map(|(at, _)| at));
        };
        if !needle.chars().all(is_han) || self.all.len() > u32::MAX as usize {
            return Box::new(self.all.match_indices(needle).map(|(at, _)| at));
        }
        let hits = self
            .pairs
            .get_or_init(|| HanPairs::of(&self.all))
            .starts(pair_code(a, b));
        let mut next_free = 0usize;
        Box::new(hits.iter().filter_map(move |&at| {
            let at = at as usize;
            let hit = at >= next_free && self.all[at..].starts_with(needle);
            if hit {
                next_free = at + needle.len();
            }
            hit.then_some(at)
        }))
    }

    /// Sentences holding `stem` (lower case) as the start of a word, in any letter case,
    /// followed by nothing, `s` or `es` and then no letter: `post-secondary education
    /// account` finds `Post-Secondary Education Accounts`. For English names, whose number
    /// and case vary between editions; one pass over the text per call.
    pub fn find_folded(&self, stem: &str) -> Vec<usize> {
        if stem.is_empty() {
            return Vec::new();
        }
        let lower = self.lower.get_or_init(|| self.all.to_ascii_lowercase());
        let mut out: Vec<usize> = Vec::new();
        for at in memchr::memmem::find_iter(lower.as_bytes(), stem.as_bytes()) {
            let before = lower[..at].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let rest = &lower[at + stem.len()..];
            let rest = rest
                .strip_prefix("es")
                .or_else(|| rest.strip_prefix('s'))
                .unwrap_or(rest);
            if rest.chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let i = self.sentence_at(at);
            if out.last() != Some(&i) {
                out.push(i);
            }
        }
        out
    }

    /// True when the edition has a part of this kind.
    pub fn has_part(&self, part: Part) -> bool {
        self.sentences.iter().any(|s| s.part == part)
    }
}

/// The code of two adjacent characters in [`Edition::pairs`].
fn pair_code(a: char, b: char) -> u64 {
    ((a as u64) << 32) | b as u64
}

/// Where each pair of adjacent Han characters of a text starts: one array of byte offsets,
/// grouped by pair and ascending within each, and the range of each pair in it (4 bytes an
/// occurrence, no list per pair).
#[derive(Debug, Clone, Default)]
struct HanPairs {
    ranges: FxHashMap<u64, (u32, u32)>,
    starts: Vec<u32>,
}

impl HanPairs {
    /// Two passes over `all` (under 4 GiB): one counts each pair, one files its offsets.
    fn of(all: &str) -> HanPairs {
        let pairs = || {
            let mut prev: Option<(usize, char)> = None;
            all.char_indices().filter_map(move |(i, c)| {
                if !is_han(c) {
                    prev = None;
                    return None;
                }
                let pair = prev.map(|(at, p)| (pair_code(p, c), at as u32));
                prev = Some((i, c));
                pair
            })
        };
        // First the count of each pair; then its first slot and how many are filled, which
        // ends as the count again.
        let mut ranges: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        for (code, _) in pairs() {
            ranges.entry(code).or_default().1 += 1;
        }
        let mut total = 0u32;
        for r in ranges.values_mut() {
            let n = r.1;
            *r = (total, 0);
            total += n;
        }
        let mut starts = vec![0u32; total as usize];
        for (code, at) in pairs() {
            if let Some(r) = ranges.get_mut(&code) {
                starts[(r.0 + r.1) as usize] = at;
                r.1 += 1;
            }
        }
        HanPairs { ranges, starts }
    }

    /// The offsets where the pair with this code starts, ascending.
    fn starts(&self, code: u64) -> &[u32] {
        self.ranges.get(&code).map_or(&[], |&(first, n)| {
            &self.starts[first as usize..(first + n) as usize]
        })
    }
}

/// Sentences up to this long are kept whole in a mention.
pub(crate) const MAX_MENTION_BYTES: usize = 2_000;
/// Bytes kept on each side of the name in a longer sentence.
const MENTION_WINDOW: usize = 600;

/// The text of a mention: the sentence, or a window around `name` in an over-long one.
fn mention_text(sentence: &str, name: &str) -> String {
    if sentence.len() <= MAX_MENTION_BYTES {
        return sentence.to_string();
    }
    let at = sentence.find(name.trim_matches(['“', '”'])).unwrap_or(0);
    crate::script::window_around(sentence, at, at + name.len(), MENTION_WINDOW)
}

/// Shortest run of Han characters counted in [`Edition::grams`].
pub(crate) const MIN_GRAM: usize = 3;
/// Longest run counted.
pub(crate) const MAX_GRAM: usize = 6;

/// Bits per character in a run's code: every `char` fits in 21.
const CHAR_BITS: u32 = 21;

/// The code of a run extended by one character. A run of up to [`MAX_GRAM`] characters is
/// coded exactly (6 × 21 bits fit in a `u128`), so two runs share a code only when they are the
/// same text; runs of different lengths never do, since no Han character is `'\0'`.
fn push_char(code: u128, c: char) -> u128 {
    (code << CHAR_BITS) | c as u128
}

/// The code of the last `k` characters of a longer run's code.
fn last_chars(code: u128, k: usize) -> u128 {
    code & ((1u128 << (CHAR_BITS as usize * k)) - 1)
}

/// How many characters a code holds.
fn code_chars(code: u128) -> usize {
    (128 - code.leading_zeros()).div_ceil(CHAR_BITS) as usize
}

/// [`GramStat::body_at`] of a run that occurs only in titles.
const NOT_IN_BODY: u32 = u32::MAX;

/// How often a run occurs, and where it first occurs outside a title.
#[derive(Debug, Clone, Copy)]
struct GramStat {
    count: u32,
    /// Byte offset in [`Edition::all`] of the first occurrence in a sentence that is not a
    /// title, or [`NOT_IN_BODY`].
    body_at: u32,
}

/// A run's code as two halves: the same value and hash as the `u128`, but aligned to 8
/// bytes, so a table entry takes 24 bytes instead of 32.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GramKey {
    low: u64,
    high: u64,
}

impl GramKey {
    fn of(code: u128) -> GramKey {
        GramKey {
            low: code as u64,
            high: (code >> 64) as u64,
        }
    }

    fn code(self) -> u128 {
        (u128::from(self.high) << 64) | u128::from(self.low)
    }
}

impl std::hash::Hash for GramKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.code().hash(state);
    }
}

/// Runs reserved for up front: a report of ordinary length needs no rehashing, and a huge one
/// does not reserve for runs it repeats.
const RESERVED_GRAMS: usize = 1 << 15;

/// The runs of one length `k` ([`MIN_GRAM`]..=[`MAX_GRAM`]) of Han characters of one edition,
/// by exact code, counted in one pass over its characters: each character extends the code
/// of the run before it, so no run is cut out or hashed as a string. Key terms count one
/// length at a time, so the tables of both editions for one length are alive together,
/// never those of every length (a table for all lengths, kept for the whole comparison, was
/// its largest memory).
#[derive(Debug, Clone, Default)]
pub(crate) struct GramCounts(FxHashMap<GramKey, GramStat>);

impl GramCounts {
    /// Counts the runs of `k` characters of `e`.
    pub fn of(e: &Edition, k: usize) -> GramCounts {
        debug_assert!((MIN_GRAM..=MAX_GRAM).contains(&k), "runs of {k} characters");
        let mut map: FxHashMap<GramKey, GramStat> = FxHashMap::default();
        let han_bytes: usize = e.sentences.iter().map(|s| s.text.len()).sum();
        map.reserve((han_bytes / 3).min(RESERVED_GRAMS));
        for (s, &base) in e.sentences.iter().zip(&e.starts) {
            // The code of the run's last k characters, the run's length so far, and the byte
            // offsets of its last k characters (a ring).
            let (mut code, mut run) = (0u128, 0usize);
            let mut at = [0usize; MAX_GRAM];
            for (i, c) in s.text.char_indices() {
                if !is_han(c) {
                    run = 0;
                    code = 0;
                    continue;
                }
                code = last_chars(push_char(code, c), k);
                at[run % k] = i;
                run += 1;
                if run < k {
                    continue;
                }
                let st = map.entry(GramKey::of(code)).or_insert(GramStat {
                    count: 0,
                    body_at: NOT_IN_BODY,
                });
                st.count += 1;
                if !s.title && st.body_at == NOT_IN_BODY {
                    let start = base + at[(run - k) % k];
                    st.body_at = u32::try_from(start).unwrap_or(NOT_IN_BODY);
                }
            }
        }
        GramCounts(map)
    }

    /// The runs that occur outside titles, with their count over the whole edition (titles
    /// included) and where [`Edition::gram_text`] finds them.
    pub fn body(&self) -> impl Iterator<Item = (u128, u32, usize)> + '_ {
        self.0
            .iter()
            .filter(|(_, st)| st.body_at != NOT_IN_BODY)
            .map(|(key, st)| (key.code(), st.count, st.body_at as usize))
    }

    /// True when the run with this code occurs.
    pub fn contains(&self, code: u128) -> bool {
        self.0.contains_key(&GramKey::of(code))
    }
}

/// Filter bits per Han character of an edition: each character starts at most one run of
/// each length, so the runs are at most four times the characters, and with four bits for
/// each a never-used run tests present at most one time in five, in the text of a report
/// (which repeats itself) far less (and costs a scan of the text).
const FILTER_BITS_PER_HAN: usize = 4 * (MAX_GRAM - MIN_GRAM + 1);

/// Every run of [`MIN_GRAM`]..=[`MAX_GRAM`] Han characters of an edition as a bit of a
/// hashed filter (a Bloom filter with one hash): a run used sets its bit, so a clear bit
/// means the run is never used, and a set bit means "look". Two to four bytes per Han
/// character, where a table of the runs with their counts took some 36.
#[derive(Debug, Clone, Default)]
struct GramFilter {
    bits: Vec<u64>,
    /// The filter has `1 << log` bits.
    log: u32,
}

impl GramFilter {
    /// One pass over the characters of `sentences`.
    fn of(sentences: &[Sentence<'_>]) -> GramFilter {
        let han: usize = sentences
            .iter()
            .map(|s| s.text.chars().filter(|&c| is_han(c)).count())
            .sum();
        let size = (han * FILTER_BITS_PER_HAN).next_power_of_two().max(64);
        let mut f = GramFilter {
            bits: vec![0u64; size / 64],
            log: size.trailing_zeros(),
        };
        for s in sentences {
            let (mut code, mut run) = (0u128, 0usize);
            for c in s.text.chars() {
                if !is_han(c) {
                    run = 0;
                    code = 0;
                    continue;
                }
                code = last_chars(push_char(code, c), MAX_GRAM);
                run += 1;
                for k in MIN_GRAM..=MAX_GRAM.min(run) {
                    let b = f.bit(last_chars(code, k));
                    f.bits[b / 64] |= 1 << (b % 64);
                }
            }
        }
        f
    }

    /// The bit of a run's code.
    fn bit(&self, code: u128) -> usize {
        let mixed = (code as u64 ^ (code >> 64) as u64 ^ (code >> 40) as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - self.log)) as usize
    }

    /// False when the run with this code is certainly never used.
    fn may_contain(&self, code: u128) -> bool {
        if self.bits.is_empty() {
            return true;
        }
        let b = self.bit(code);
        self.bits[b / 64] & (1 << (b % 64)) != 0
    }
}

/// Answers [`Edition::find`] for every needle in each edition with one automaton and one pass
/// over each edition's text, instead of one pass per needle. Needles an edition already
/// answers are left out.
pub(crate) fn prefetch<'n>(editions: &[&Edition], needles: impl IntoIterator<Item = &'n str>) {
    let mut list: Vec<&str> = needles
        .into_iter()
        .filter(|n| !n.is_empty() && editions.iter().any(|e| !e.memo.borrow().contains_key(*n)))
        .collect();
    list.sort_unstable();
    list.dedup();
    if list.is_empty() {
        return;
    }
    // A contiguous NFA: a few hundred names over two editions of text are searched in a
    // fraction of what building the DFA of the default choice would cost.
    let Ok(automaton) = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&list)
    else {
        return;
    };
    for (k, e) in editions.iter().enumerate() {
        if editions[..k].iter().any(|d| std::ptr::eq(*d, *e)) {
            continue;
        }
        let mut hits: Vec<Vec<usize>> = vec![Vec::new(); list.len()];
        for m in automaton.find_overlapping_iter(&e.all) {
            let i = e.sentence_at(m.start());
            let h = &mut hits[m.pattern().as_usize()];
            if h.last() != Some(&i) {
                h.push(i);
            }
        }
        let mut memo = e.memo.borrow_mut();
        for (needle, h) in list.iter().zip(hits) {
            memo.entry((*needle).to_string()).or_insert(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition_of(text: &str) -> Document {
        crate::parse_text("t", text, crate::OutlineOptions::default()).unwrap()
    }

    #[test]
    fn occurrences_are_the_matches_of_the_joined_text() {
        let doc = edition_of(include_str!("../../samples/national-gwr-2023.txt"));
        let e = Edition::of(&doc);
        for needle in [
            "工程",
            "发展",
            "高质量发展",
            "经济",
            "“十四五”",
            "RCEP",
            "。",
            "的",
        ] {
            let want: Vec<usize> = e.all.match_indices(needle).map(|(at, _)| at).collect();
            assert!(!want.is_empty(), "{needle}");
            assert_eq!(e.occurrences(needle).collect::<Vec<_>>(), want, "{needle}");
        }
        assert_eq!(e.occurrences("不存在的词语").count(), 0);
    }

    #[test]
    fn occurrences_do_not_overlap() {
        // `哈哈` twice in `哈哈哈哈哈`, as `match_indices` finds it: a hit starts after the last.
        let doc = edition_of("哈哈哈哈哈，好好学习。\n");
        let e = Edition::of(&doc);
        let want: Vec<usize> = e.all.match_indices("哈哈").map(|(at, _)| at).collect();
        assert_eq!(want.len(), 2);
        assert_eq!(e.occurrences("哈哈").collect::<Vec<_>>(), want);
    }
}

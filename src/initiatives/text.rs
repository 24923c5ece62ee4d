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
pub(crate) struct Sentence {
    /// The sentence text.
    pub text: String,
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
    pub sentences: Vec<Sentence>,
    /// Section paths, shared by the sentences of one section.
    pub paths: Vec<Vec<String>>,
    /// Every sentence joined by newlines, for a quick "is this named at all" test.
    pub all: String,
    /// Byte offset in `all` where each sentence starts.
    starts: Vec<usize>,
    /// Counts of every run of [`MIN_GRAM`]..=[`MAX_GRAM`] Han characters, by hash: answers
    /// "is this never used" without a scan, for [`Edition::find`] and key terms.
    pub grams: FxHashMap<u64, u32>,
    /// Answers of [`Edition::find`] so far.
    memo: RefCell<FxHashMap<String, Vec<usize>>>,
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
            grams: FxHashMap::default(),
            memo: RefCell::new(FxHashMap::default()),
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
            e.all.push_str(&s.text);
            e.all.push('\n');
        }
        e.grams.reserve(e.all.len() / 3 * (MAX_GRAM - MIN_GRAM + 1));
        for s in &e.sentences {
            for_each_gram(&s.text, |g| *e.grams.entry(gram_hash(g)).or_default() += 1);
        }
        e
    }

    /// False when `needle` certainly occurs nowhere: a Han needle whose first or last
    /// [`MAX_GRAM`] characters were never counted.
    fn may_contain(&self, needle: &str) -> bool {
        let n = needle.chars().count();
        if n < MIN_GRAM || !needle.chars().all(is_han) {
            return true;
        }
        let take = n.min(MAX_GRAM);
        let head: usize = needle.chars().take(take).map(char::len_utf8).sum();
        let tail: usize = needle.chars().rev().take(take).map(char::len_utf8).sum();
        self.grams.contains_key(&gram_hash(&needle[..head]))
            && self
                .grams
                .contains_key(&gram_hash(&needle[needle.len() - tail..]))
    }

    fn add_section(&mut self, s: &Section, part: Part, path: &mut Vec<String>) {
        path.push(s.heading_text());
        let id = self.paths.len();
        self.paths.push(path.clone());
        if !s.title.is_empty() && matches!(s.kind, SectionKind::Heading | SectionKind::Item) {
            self.sentences.push(Sentence {
                text: s.title.clone(),
                path: id,
                line: s.lines.0,
                part,
                title: true,
            });
        }
        for p in &s.paragraphs {
            for r in split_sentences(&p.text) {
                self.sentences.push(Sentence {
                    text: p.text[r.clone()].to_string(),
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
            sentence: mention_text(&s.text, name),
            section: self.paths[s.path].clone(),
            line: s.line,
        }
    }

    /// True when any sentence contains `needle`.
    pub fn contains(&self, needle: &str) -> bool {
        !needle.is_empty() && self.may_contain(needle) && self.all.contains(needle)
    }

    /// Indices of the sentences that contain `needle`: one pass over the joined text, with
    /// each hit placed by binary search, and remembered, since status and delivery ask for the
    /// same names again.
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
        for (at, _) in self.all.match_indices(needle) {
            let i = self.starts.partition_point(|&s| s <= at) - 1;
            if out.last() != Some(&i) {
                out.push(i);
            }
        }
        self.memo
            .borrow_mut()
            .insert(needle.to_string(), out.clone());
        out
    }

    /// True when the edition has a part of this kind.
    pub fn has_part(&self, part: Part) -> bool {
        self.sentences.iter().any(|s| s.part == part)
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

/// The hash under which a run is counted.
pub(crate) fn gram_hash(g: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    g.hash(&mut h);
    h.finish()
}

/// Calls `f` on every run of [`MIN_GRAM`]..=[`MAX_GRAM`] Han characters in `text`.
pub(crate) fn for_each_gram<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut run_start = 0;
    for i in 0..=chars.len() {
        if chars.get(i).is_some_and(|&(_, c)| is_han(c)) {
            continue;
        }
        for a in run_start..i {
            for len in MIN_GRAM..=MAX_GRAM {
                let b = a + len;
                if b > i {
                    break;
                }
                let to = chars.get(b).map_or(text.len(), |&(o, _)| o);
                f(&text[chars[a].0..to]);
            }
        }
        run_start = i + 1;
    }
}

//! Text similarity: TF-IDF term vectors over Han character bigrams (Chinese) and words
//! (English), compared by cosine, plus containment for split and merge detection.
//!
//! Digits and years are left out of the terms, so a section whose figures moved on from one
//! year to the next still looks like itself.

use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHasher};

use crate::script::is_han;
use crate::vocab;

/// Common English words that carry no topic.
static STOPWORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../data/vocab/en-stopwords.txt")));

/// The terms of a text, as hashes: Han character bigrams and lower-cased Latin words.
pub fn terms(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut prev_han: Option<char> = None;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<u64>| {
        if word.len() >= 2 && !STOPWORDS.contains(&word.as_str()) {
            out.push(hash_str(word));
        }
        word.clear();
    };
    for c in text.chars() {
        if is_han(c) {
            flush(&mut word, &mut out);
            if let Some(p) = prev_han {
                out.push(((p as u64) << 32) | c as u64);
            }
            prev_han = Some(c);
            continue;
        }
        prev_han = None;
        // ASCII first: the Unicode tables are only needed for other letters.
        if c.is_ascii_alphabetic() {
            word.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && !is_punctuation_block(c) && c.is_alphabetic() {
            word.extend(c.to_lowercase());
        } else {
            // Anything else ends a word; an apostrophe too, so that "Berkshire's" counts as
            // "Berkshire" (and a one-letter "s" is dropped).
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Blocks of punctuation and symbols without a single letter (general punctuation, CJK
/// punctuation and brackets, full-width punctuation and digits): the marks Chinese text is
/// full of, told apart without a look-up in the Unicode letter tables.
fn is_punctuation_block(c: char) -> bool {
    matches!(
        c,
        '\u{2000}'..='\u{206F}'
            | '\u{3000}'..='\u{3004}'
            | '\u{3008}'..='\u{3020}'
            | '\u{FF01}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
    )
}

fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    // Keep word hashes apart from bigram codes, which never set the top bit.
    h.finish() | (1 << 63)
}

/// Inverse document frequencies learnt from a set of texts (the paragraphs of both editions).
#[derive(Debug, Default)]
pub struct Idf {
    /// The weight of each term seen while learning.
    weights: FxHashMap<u64, f32>,
    /// The weight of a term never seen (the rarest possible).
    unseen: f32,
}

impl Idf {
    /// Learns document frequencies from `texts`.
    pub fn learn<'a>(texts: impl IntoIterator<Item = &'a str>) -> Idf {
        let mut df: FxHashMap<u64, u32> = FxHashMap::default();
        let mut n = 0u32;
        for t in texts {
            let mut ts = terms(t);
            ts.sort_unstable();
            ts.dedup();
            for term in ts {
                *df.entry(term).or_default() += 1;
            }
            n += 1;
        }
        let weight = |df: u32| ((1.0 + n as f32) / (1.0 + df as f32)).ln() + 1.0;
        let weights = df.into_iter().map(|(t, d)| (t, weight(d))).collect();
        Idf {
            weights,
            unseen: weight(0),
        }
    }

    /// The weight of a term: rare terms count more. Unknown terms get the highest weight.
    pub fn weight(&self, term: u64) -> f32 {
        self.weights.get(&term).copied().unwrap_or(self.unseen)
    }

    /// The TF-IDF vector of `text`.
    #[cfg(test)]
    pub fn vector(&self, text: &str) -> TermVector {
        self.weigh(&TermCounts::of(text))
    }

    /// The TF-IDF vector of counted terms.
    pub fn weigh(&self, counts: &TermCounts) -> TermVector {
        let weights = counts
            .terms
            .iter()
            .zip(&counts.counts)
            .map(|(&t, &n)| (1.0 + (n as f32).ln()) * self.weight(t))
            .collect();
        TermVector::new(counts.terms.clone(), weights)
    }
}

/// How often each term occurs in a text, sorted by term. Counts add up, so a section's
/// counts are its own text's plus its children's, without reading nested text again.
/// Terms and counts are two arrays, 12 bytes a term instead of 16 for a pair padded to 8.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermCounts {
    terms: Vec<u64>,
    counts: Vec<u32>,
}

impl TermCounts {
    /// Counts the terms of `text`.
    pub fn of(text: &str) -> TermCounts {
        let mut ts = terms(text);
        ts.sort_unstable();
        let mut out = TermCounts::default();
        for t in ts {
            out.add(t, 1);
        }
        out.shrink();
        out
    }

    /// Adds `n` uses of `t`, which sorts at or after the last term.
    fn add(&mut self, t: u64, n: u32) {
        match (self.terms.last(), self.counts.last_mut()) {
            (Some(&last), Some(m)) if last == t => *m += n,
            _ => {
                self.terms.push(t);
                self.counts.push(n);
            }
        }
    }

    fn shrink(&mut self) {
        self.terms.shrink_to_fit();
        self.counts.shrink_to_fit();
    }

    /// The counts of several texts taken together, in one sort of all their entries: adding
    /// k children one by one to a growing parent would merge the parent's terms k times
    /// (quadratic in a report of many sections under one heading).
    pub fn sum(parts: Vec<TermCounts>) -> TermCounts {
        if parts.len() == 1 {
            return parts.into_iter().next().unwrap_or_default();
        }
        let mut all: Vec<(u64, u32)> =
            Vec::with_capacity(parts.iter().map(|p| p.terms.len()).sum());
        for p in parts {
            all.extend(p.terms.into_iter().zip(p.counts));
        }
        all.sort_unstable_by_key(|&(t, _)| t);
        let mut out = TermCounts::default();
        for (t, n) in all {
            out.add(t, n);
        }
        out.shrink();
        out
    }
}

/// A sparse weighted term vector, sorted by term: terms and weights in two arrays, 12 bytes a
/// term instead of 16 for a pair padded to 8 (every section of both editions holds one).
#[derive(Debug, Clone, Default)]
pub struct TermVector {
    terms: Vec<u64>,
    weights: Vec<f32>,
    norm: f32,
    mass: f32,
}

impl TermVector {
    fn new(terms: Vec<u64>, weights: Vec<f32>) -> TermVector {
        let norm = weights.iter().map(|&w| w * w).sum::<f32>().sqrt();
        let mass = weights.iter().sum();
        TermVector {
            terms,
            weights,
            norm,
            mass,
        }
    }

    /// The `k` heaviest terms, sorted by term: a cheap signature of what the text is about.
    pub fn top_terms(&self, k: usize) -> Vec<u64> {
        let mut by_weight: Vec<(u64, f32)> = self.pairs().collect();
        if by_weight.len() > k {
            by_weight.select_nth_unstable_by(k, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            by_weight.truncate(k);
        }
        // Collected into a fresh vector: collecting in place would keep the whole vector's
        // allocation alive in every signature.
        let mut top: Vec<u64> = Vec::with_capacity(by_weight.len());
        top.extend(by_weight.iter().map(|&(t, _)| t));
        top.sort_unstable();
        top
    }

    /// The sum of several vectors (the text of a merged or split group).
    pub fn sum<'a>(vectors: impl IntoIterator<Item = &'a TermVector>) -> TermVector {
        let mut acc: FxHashMap<u64, f32> = FxHashMap::default();
        for v in vectors {
            for (t, w) in v.pairs() {
                *acc.entry(t).or_default() += w;
            }
        }
        let mut entries: Vec<(u64, f32)> = acc.into_iter().collect();
        entries.sort_unstable_by_key(|&(t, _)| t);
        let (terms, weights) = entries.into_iter().unzip();
        TermVector::new(terms, weights)
    }

    /// Each term with its weight, in term order.
    fn pairs(&self) -> impl Iterator<Item = (u64, f32)> + '_ {
        self.terms.iter().copied().zip(self.weights.iter().copied())
    }

    /// Cosine similarity in [0, 1].
    pub fn cosine(&self, other: &TermVector) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let dot = merge_fold(self, other, |a, b| a * b);
        (dot / (self.norm * other.norm)).clamp(0.0, 1.0) as f64
    }

    /// How much of the smaller vector's weight is found in the larger one: 1.0 when one text
    /// is wholly inside the other. Cosine punishes a short section against a long one; this
    /// does not.
    #[cfg(test)]
    pub fn overlap(&self, other: &TermVector) -> f64 {
        let smaller = self.mass.min(other.mass);
        if smaller == 0.0 {
            return 0.0;
        }
        (merge_fold(self, other, f32::min) / smaller).clamp(0.0, 1.0) as f64
    }

    /// [`cosine`](Self::cosine) and [`overlap`](Self::overlap) in one pass over both vectors.
    pub fn cosine_and_overlap(&self, other: &TermVector) -> (f64, f64) {
        let (mut i, mut j, mut dot, mut shared) = (0, 0, 0.0f32, 0.0f32);
        let (a, b) = (&self.terms, &other.terms);
        let (aw, bw) = (&self.weights, &other.weights);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += aw[i] * bw[j];
                    shared += aw[i].min(bw[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
        let norms = self.norm * other.norm;
        let smaller = self.mass.min(other.mass);
        let cosine = if norms == 0.0 {
            0.0
        } else {
            (dot / norms).clamp(0.0, 1.0) as f64
        };
        let overlap = if smaller == 0.0 {
            0.0
        } else {
            (shared / smaller).clamp(0.0, 1.0) as f64
        };
        (cosine, overlap)
    }

    /// How much of this vector's weight is found in `other` (1.0 = all of it).
    pub fn contained_in(&self, other: &TermVector) -> f64 {
        if self.mass == 0.0 {
            return 0.0;
        }
        (merge_fold(self, other, f32::min) / self.mass).clamp(0.0, 1.0) as f64
    }
}

fn merge_fold(x: &TermVector, y: &TermVector, f: impl Fn(f32, f32) -> f32) -> f32 {
    let (a, b) = (&x.terms, &y.terms);
    let (mut i, mut j, mut acc) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                acc += f(x.weights[i], y.weights[j]);
                i += 1;
                j += 1;
            }
        }
    }
    acc
}

/// Pairs (a, b) whose signatures (small sorted term lists) share a term, found through an
/// inverted index instead of trying every pair. Terms held by more than `max_posting` of the
/// `b` signatures are too common to tell anything and are skipped. Pairs come out sorted.
pub fn candidate_pairs(a: &[&[u64]], b: &[&[u64]], max_posting: usize) -> Vec<(usize, usize)> {
    let mut postings: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (j, sig) in b.iter().enumerate() {
        for &t in *sig {
            postings.entry(t).or_default().push(j);
        }
    }
    let mut seen = vec![usize::MAX; b.len()];
    let mut out = Vec::new();
    for (i, sig) in a.iter().enumerate() {
        let start = out.len();
        for t in *sig {
            let Some(list) = postings.get(t).filter(|l| l.len() <= max_posting) else {
                continue;
            };
            for &j in list {
                if seen[j] != i {
                    seen[j] = i;
                    out.push((i, j));
                }
            }
        }
        out[start..].sort_unstable();
    }
    out
}

/// Dice coefficient of two sorted multisets (2 × shared / total), in [0, 1]; 0 when either is
/// empty. Titles, sentences and figure labels are all compared this way.
pub fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The terms of a short title, sorted, ready for [`TitleTerms::dice`]. A title with no terms
/// (a single Chinese character) falls back to its characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitleTerms(Vec<u64>);

impl TitleTerms {
    /// Collects the terms of `title`.
    pub fn new(title: &str) -> TitleTerms {
        let mut t = terms(title);
        if t.is_empty() {
            t = title
                .chars()
                .filter(|c| c.is_alphanumeric())
                .map(|c| c as u64)
                .collect();
        }
        t.sort_unstable();
        TitleTerms(t)
    }

    /// Dice coefficient of the two term multisets, in [0, 1].
    pub fn dice(&self, other: &TitleTerms) -> f64 {
        dice(&self.0, &other.0)
    }
}

/// Similarity of two short titles in [0, 1]: Dice coefficient over their terms. Callers
/// that compare one title with many keep its [`TitleTerms`] instead.
#[cfg(test)]
pub fn title_similarity(a: &str, b: &str) -> f64 {
    TitleTerms::new(a).dice(&TitleTerms::new(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_blocks_hold_no_letter() {
        for range in [
            '\u{2000}'..='\u{206F}',
            '\u{3000}'..='\u{3004}',
            '\u{3008}'..='\u{3020}',
            '\u{FF01}'..='\u{FF20}',
            '\u{FF3B}'..='\u{FF40}',
            '\u{FF5B}'..='\u{FF65}',
        ] {
            for c in range {
                assert!(is_punctuation_block(c) && !c.is_alphabetic(), "{c:?}");
            }
        }
        // The letters next to the blocks stay letters.
        for c in ['〆', '〇', 'Ａ', 'ｦ'] {
            assert!(!is_punctuation_block(c) && c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn chinese_terms_are_bigrams_without_digits() {
        assert_eq!(terms("工作回顾").len(), 3);
        assert_eq!(terms("2024年工作"), terms("2025年工作"));
    }

    #[test]
    fn english_terms_skip_stopwords_and_case() {
        assert_eq!(
            terms("The Insurance of Berkshire"),
            terms("insurance BERKSHIRE")
        );
    }

    #[test]
    fn cosine_and_containment() {
        let idf = Idf::learn(["稳增长强动能", "抓改革促开放", "优环境强功能"]);
        let a = idf.vector("全力以赴稳增长强动能");
        let b = idf.vector("全力以赴稳增长强动能");
        let c = idf.vector("坚定不移抓改革促开放");
        assert!((a.cosine(&b) - 1.0).abs() < 1e-6);
        assert!(a.cosine(&c) < 0.1);
        let both = TermVector::sum([&a, &c]);
        let (cos, ovl) = a.cosine_and_overlap(&c);
        assert_eq!((cos, ovl), (a.cosine(&c), a.overlap(&c)));
        let (cos, ovl) = a.cosine_and_overlap(&both);
        assert!((cos - a.cosine(&both)).abs() < 1e-6 && (ovl - a.overlap(&both)).abs() < 1e-6);
        assert!(a.contained_in(&both) > 0.99);
        assert!(both.contained_in(&a) < 0.7);
    }

    #[test]
    fn candidates_share_a_term() {
        let a: Vec<&[u64]> = vec![&[1, 5], &[7], &[2, 9]];
        let b: Vec<&[u64]> = vec![&[5], &[2, 7], &[9], &[3]];
        assert_eq!(
            candidate_pairs(&a, &b, 10),
            vec![(0, 0), (1, 1), (2, 1), (2, 2)]
        );
        // A term in more than one signature of `b` is skipped with a posting limit of 1.
        let common: Vec<&[u64]> = vec![&[4], &[4]];
        assert!(candidate_pairs(&[&[4]], &common, 1).is_empty());
    }

    #[test]
    fn counts_add_up_like_the_joined_text() {
        let parts = TermCounts::sum(vec![
            TermCounts::of("稳增长强动能\nThe insurance float"),
            TermCounts::of("强动能 float grows"),
            TermCounts::default(),
            TermCounts::of("float"),
        ]);
        assert_eq!(
            parts,
            TermCounts::of("稳增长强动能\nThe insurance float\n强动能 float grows\nfloat")
        );
    }

    #[test]
    fn title_similarity_scores() {
        assert_eq!(title_similarity("工作回顾", "工作回顾"), 1.0);
        assert!(title_similarity("2021年工作回顾", "过去一年和五年工作回顾") > 0.4);
        assert!(title_similarity("工作回顾", "主要任务") < 0.01);
    }
}

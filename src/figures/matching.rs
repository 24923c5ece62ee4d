//! Matching figures across editions: same thing measured, same unit, same role, preferably in
//! sections the outline alignment paired.
//!
//! Each candidate pair is scored by label similarity (character bigrams, so `财政赤字率` and
//! `赤字率` still meet), plus a bonus when the two figures sit in aligned sections and a small
//! one when the values agree. Pairs are taken best first, one to one.

use crate::similarity::dice;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::SectionPair;
use crate::model::{Change, Figure, FigurePair, FigureStatus, Restatement, Role};

/// The least label similarity for two figures to be the same quantity.
const MIN_LABEL: f64 = 0.5;
/// Bonus when the new edition's prior-year column gives the old figure's value.
const PRIOR_BONUS: f64 = 0.1;
/// Widest gap, as a share of the stated value, read as a restatement.
const MAX_RESTATEMENT: f64 = 0.1;
/// Bonus for figures in sections the alignment paired.
const SECTION_BONUS: f64 = 0.25;
/// Bonus for figures in top-level parts the alignment paired.
const PART_BONUS: f64 = 0.1;
/// Figures of the other edition scored per figure, at most. A report states a few hundred
/// figures and a label names a handful of them; this bounds the work on inputs with
/// thousands of like figures (a table repeated, a sentence listing 20,000 values).
const MAX_CANDIDATES: usize = 64;
/// A label bigram shared by more figures of a bucket than this proposes no candidates: it
/// is as common as `增长`, and the rarer bigrams of the same label do the work.
const MAX_GRAM_POSTING: usize = 64;

/// Pairs the figures of two editions. Pairs come in the new edition's reading order, figures
/// only in the old edition after them in the old edition's order.
///
/// A figure stated twice in one edition (same label, role, unit and value) counts once.
pub fn match_figures(old: &[Figure], new: &[Figure], sections: &[SectionPair]) -> Vec<FigurePair> {
    let old = dedup(old);
    let new = dedup(new);
    let mut aligned: FxHashSet<(&[String], &[String])> = FxHashSet::default();
    let mut aligned_top: FxHashSet<(&str, &str)> = FxHashSet::default();
    for p in sections {
        for o in &p.old {
            for n in &p.new {
                aligned.insert((o.path.as_slice(), n.path.as_slice()));
                if let (Some(a), Some(b)) = (o.path.first(), n.path.first()) {
                    aligned_top.insert((a.as_str(), b.as_str()));
                }
            }
        }
    }
    // Only figures with the same role and unit can pair, so bucket them first.
    let mut buckets: FxHashMap<(Role, &str), Vec<usize>> = FxHashMap::default();
    for (j, f) in new.iter().enumerate() {
        buckets
            .entry((f.role, f.unit.as_str()))
            .or_default()
            .push(j);
    }
    let old_grams: Vec<Vec<(char, char)>> = old.iter().map(|f| bigrams(&f.label)).collect();
    let new_grams: Vec<Vec<(char, char)>> = new.iter().map(|f| bigrams(&f.label)).collect();
    let index: FxHashMap<(Role, &str), BucketIndex> = buckets
        .iter()
        .map(|(&key, js)| (key, BucketIndex::new(js, &new, &new_grams)))
        .collect();
    let mut candidates: Vec<(usize, usize, f64)> = Vec::new();
    for (i, o) in old.iter().enumerate() {
        let Some(bucket) = index.get(&(o.role, o.unit.as_str())) else {
            continue;
        };
        for j in bucket.candidates(&o.label, &old_grams[i], i, old.len(), new.len()) {
            let n = new[j];
            let sim = if o.label == n.label {
                1.0
            } else if let Some(s) = super::english::label_similarity(&o.label, &n.label) {
                s
            } else {
                dice(&old_grams[i], &new_grams[j]).max(containment(&o.label, &n.label))
            };
            // A figure without a label pairs only with its exact copy (same words, same
            // value, same section): the same unnamed figure stated again is not new.
            let copy = o.label == n.label
                && o.text == n.text
                && o.value == n.value
                && o.section == n.section;
            if !copy && (sim < MIN_LABEL || o.label.is_empty() || n.label.is_empty()) {
                continue;
            }
            let mut score = sim;
            let same_section = aligned.contains(&(o.section.as_slice(), n.section.as_slice()));
            // Short labels (`惠及`, `增产`) say too little to pair across the whole report.
            if (o.label.chars().count() <= 2 || n.label.chars().count() <= 2) && !same_section {
                continue;
            }
            // A five-year total or average is not the same figure as last year's.
            if o.multi_year != n.multi_year {
                continue;
            }
            if same_section {
                score += SECTION_BONUS;
            } else if let (Some(a), Some(b)) = (o.section.first(), n.section.first())
                && aligned_top.contains(&(a.as_str(), b.as_str()))
            {
                score += PART_BONUS;
            }
            if o.value == n.value {
                score += 0.05;
            }
            // The new table's prior-year column names its counterpart: last year's value.
            if n.prior == Some(o.value) {
                score += PRIOR_BONUS;
            }
            // English labels tie more often (`total float` from $19 million to $147 billion):
            // of two like candidates the one nearer in size is the reader's pair.
            if super::english::label_similarity(&o.label, &n.label).is_some()
                && o.value.signum() == n.value.signum()
                && o.value != 0.0
            {
                score +=
                    0.04 * (o.value.abs().min(n.value.abs()) / o.value.abs().max(n.value.abs()));
            }
            candidates.push((i, j, score));
        }
    }
    // Best first, ties by position: one figure pairs with at most one other.
    let mut old_to: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_from: Vec<Option<usize>> = vec![None; new.len()];
    for (i, j) in crate::align::greedy_assignment(&candidates, f64::NEG_INFINITY) {
        old_to[i] = Some(j);
        new_from[j] = Some(i);
    }
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    for (j, n) in new.iter().enumerate() {
        out.push(match new_from[j] {
            Some(i) => pair(Some(old[i]), Some(n)),
            None => pair(None, Some(n)),
        });
    }
    for (i, o) in old.iter().enumerate() {
        if old_to[i].is_none() {
            out.push(pair(Some(o), None));
        }
    }
    out
}

/// The pairs of an edition compared with itself: every figure (stated twice, once) with
/// itself, unchanged, in reading order. This is what [`match_figures`] gives for identical
/// lists (a figure's own copy scores highest: same label, section and value), without
/// scoring every like pair.
pub fn match_same(figures: &[Figure]) -> Vec<FigurePair> {
    dedup(figures)
        .into_iter()
        .map(|f| pair(Some(f), Some(f)))
        .collect()
}

/// The new figures of one (role, unit) bucket, indexed for candidate lookup: by exact label,
/// and by label bigram for the bigrams held by few figures.
struct BucketIndex {
    /// All figures of the bucket, in reading order.
    all: Vec<usize>,
    /// Figures by exact label, in reading order.
    by_label: FxHashMap<String, Vec<usize>>,
    /// Figures by label bigram, for bigrams held by at most [`MAX_GRAM_POSTING`] figures.
    by_gram: FxHashMap<(char, char), Vec<usize>>,
}

impl BucketIndex {
    fn new(js: &[usize], new: &[&Figure], grams: &[Vec<(char, char)>]) -> BucketIndex {
        let mut by_label: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut by_gram: FxHashMap<(char, char), Vec<usize>> = FxHashMap::default();
        for &j in js {
            by_label.entry(new[j].label.clone()).or_default().push(j);
            let mut last = None;
            for &g in &grams[j] {
                if last != Some(g) {
                    by_gram.entry(g).or_default().push(j);
                }
                last = Some(g);
            }
        }
        by_gram.retain(|_, v| v.len() <= MAX_GRAM_POSTING);
        BucketIndex {
            all: js.to_vec(),
            by_label,
            by_gram,
        }
    }

    /// At most [`MAX_CANDIDATES`] figures worth scoring against an old figure: every one when
    /// the bucket is small (as in any real report), else those with the same label nearest
    /// the old figure's relative place, then those sharing a rare bigram.
    fn candidates(
        &self,
        label: &str,
        grams: &[(char, char)],
        i: usize,
        old_len: usize,
        new_len: usize,
    ) -> Vec<usize> {
        if self.all.len() <= MAX_CANDIDATES {
            return self.all.clone();
        }
        let mut out: Vec<usize> = Vec::with_capacity(MAX_CANDIDATES);
        if let Some(same) = self.by_label.get(label) {
            // The k-th of n copies on one side meets the copies around the k-th on the other.
            let at = (i as f64 / old_len.max(1) as f64 * new_len as f64) as usize;
            let centre = same.partition_point(|&j| j < at);
            let from = centre.saturating_sub(MAX_CANDIDATES / 2);
            let to = (from + MAX_CANDIDATES).min(same.len());
            out.extend_from_slice(&same[from.min(to.saturating_sub(MAX_CANDIDATES))..to]);
        }
        for g in grams {
            if out.len() >= MAX_CANDIDATES {
                break;
            }
            if let Some(js) = self.by_gram.get(g) {
                for &j in js {
                    if out.len() >= MAX_CANDIDATES {
                        break;
                    }
                    if !out.contains(&j) {
                        out.push(j);
                    }
                }
            }
        }
        out
    }
}

fn pair(old: Option<&Figure>, new: Option<&Figure>) -> FigurePair {
    let any = new.or(old).expect("a pair has at least one figure");
    let (status, change) = match (old, new) {
        (Some(o), Some(n)) => {
            let same = o.value == n.value && o.qualifier == n.qualifier;
            let status = if same {
                FigureStatus::Unchanged
            } else {
                FigureStatus::Changed
            };
            (status, Some(change(o, n)))
        }
        (None, _) => (FigureStatus::New, None),
        (_, None) => (FigureStatus::Dropped, None),
    };
    // The new edition's prior-year column checked against the old edition's figure. A gap
    // wider than a tenth says the two rows are not the same figure, not that one was restated.
    let restated = match (old, new) {
        (Some(o), Some(n)) => n
            .prior
            .filter(|p| {
                let gap = (p - o.value).abs();
                gap > 1e-9 * o.value.abs().max(1.0)
                    && gap <= MAX_RESTATEMENT * o.value.abs()
                    && p.signum() == o.value.signum()
            })
            .map(|p| Restatement {
                stated: o.value,
                restated: p,
            }),
        _ => None,
    };
    FigurePair {
        label: any.label.clone(),
        role: any.role,
        unit: any.unit.clone(),
        status,
        old: old.cloned(),
        new: new.cloned(),
        change,
        restated,
    }
}

/// The change from `o` to `n`. Percentages move in percentage points and have no relative
/// change; nor do ranks, zero bases or growth figures: the change of an increment (`$28.5
/// billion` more last year, `$11.0 billion` less this year) over the old increment is not a
/// rate of anything a reader follows.
pub(crate) fn change(o: &Figure, n: &Figure) -> Change {
    let absolute = round(n.value - o.value);
    let ratio_unit = !matches!(o.unit.as_str(), "%" | "pp" | "‰" | "rank")
        && !matches!(o.role, Role::Growth | Role::Change)
        && !matches!(n.role, Role::Growth | Role::Change);
    let relative = (ratio_unit && o.value != 0.0).then(|| round(absolute / o.value.abs()));
    Change { absolute, relative }
}

/// Rounds away float noise (`5.0 - 5.5` → `-0.5`, not `-0.5000000000000001`).
fn round(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 12 - x.abs().log10().ceil() as i32;
    let f = 10f64.powi(digits.clamp(-300, 300));
    (x * f).round() / f
}

fn dedup(figures: &[Figure]) -> Vec<&Figure> {
    let mut seen: FxHashSet<(&str, Role, &str, u64)> = FxHashSet::default();
    figures
        .iter()
        .filter(|f| seen.insert((f.label.as_str(), f.role, f.unit.as_str(), f.value.to_bits())))
        .collect()
}

pub(crate) fn bigrams(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    let mut g: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    g.sort_unstable();
    g
}

/// One label ending the other, as a longer official name does (`财政赤字率` / `赤字率`); a
/// containment of at least three characters counts as nearly the same thing.
fn containment(a: &str, b: &str) -> f64 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() >= 3 && (long.ends_with(short) || long.starts_with(short)) {
        0.8
    } else {
        0.0
    }
}

/// How alike two labels are, in [0, 1]: bigram Dice, or 0.8 when one ends or starts the other.
#[cfg(test)]
pub fn label_similarity(a: &str, b: &str) -> f64 {
    grams_similarity(a, &bigrams(a), b, &bigrams(b))
}

/// [`label_similarity`] with both labels' bigrams already made.
pub(crate) fn grams_similarity(a: &str, ga: &[(char, char)], b: &str, gb: &[(char, char)]) -> f64 {
    if a == b {
        return 1.0;
    }
    dice(ga, gb).max(containment(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_float_noise() {
        assert_eq!(round(5.0 - 5.5), -0.5);
        assert_eq!(round(3.8e12 - 3.65e12), 1.5e11);
    }

    #[test]
    fn label_similarity_tolerates_longer_names() {
        assert!(label_similarity("财政赤字率", "赤字率") >= 0.8);
        assert!(label_similarity("城镇新增就业", "城镇新增就业") == 1.0);
        assert!(label_similarity("粮食产量", "工业增加值") < 0.5);
    }
}

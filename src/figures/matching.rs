//! Matching figures across editions: same thing measured, same unit, same role, preferably in
//! sections the outline alignment paired.
//!
//! Each candidate pair is scored by label similarity (character bigrams, so `财政赤字率` and
//! `赤字率` still meet), plus a bonus when the two figures sit in aligned sections and a small
//! one when the values agree. Pairs are taken best first, one to one.

use crate::similarity::dice;
use rustc_hash::{FxHashMap, FxHashSet};

use super::extract::multi_year;
use crate::model::SectionPair;
use crate::model::{Change, Figure, FigurePair, FigureStatus, Role};

/// The least label similarity for two figures to be the same quantity.
const MIN_LABEL: f64 = 0.5;
/// Bonus for figures in sections the alignment paired.
const SECTION_BONUS: f64 = 0.25;
/// Bonus for figures in top-level parts the alignment paired.
const PART_BONUS: f64 = 0.1;

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
    let mut candidates: Vec<(usize, usize, f64)> = Vec::new();
    for (i, o) in old.iter().enumerate() {
        let Some(js) = buckets.get(&(o.role, o.unit.as_str())) else {
            continue;
        };
        for &j in js {
            let n = new[j];
            let sim = if o.label == n.label {
                1.0
            } else {
                dice(&old_grams[i], &new_grams[j]).max(containment(&o.label, &n.label))
            };
            if sim < MIN_LABEL || o.label.is_empty() || n.label.is_empty() {
                continue;
            }
            let mut score = sim;
            let same_section = aligned.contains(&(o.section.as_slice(), n.section.as_slice()));
            // Short labels (`惠及`, `增产`) say too little to pair across the whole report.
            if o.label.chars().count() <= 2 && !same_section {
                continue;
            }
            // A five-year average is not the same figure as last year's rate.
            if multi_year(o) != multi_year(n) {
                score -= 0.3;
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
    FigurePair {
        label: any.label.clone(),
        role: any.role,
        unit: any.unit.clone(),
        status,
        old: old.cloned(),
        new: new.cloned(),
        change,
    }
}

/// The change from `o` to `n`. Percentages move in percentage points and have no relative
/// change; nor do ranks or zero bases.
pub(crate) fn change(o: &Figure, n: &Figure) -> Change {
    let absolute = round(n.value - o.value);
    let ratio_unit = !matches!(o.unit.as_str(), "%" | "pp" | "‰" | "rank");
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

fn bigrams(s: &str) -> Vec<(char, char)> {
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
pub fn label_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    dice(&bigrams(a), &bigrams(b)).max(containment(a, b))
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

//! Promises: the targets edition N set for year N, checked against what edition N+1's review
//! reports for year N.
//!
//! A target is a figure of the plan part worded as a goal (a qualifier such as `左右`/`以上`,
//! or a cue such as `预期目标`, `拟`, `力争`). Its outcome is the first figure of the next
//! edition's review with a like label and the same unit, leaving out multi-year figures
//! (`年均`, `五年`), which report on another period.

use std::sync::LazyLock;

use super::extract::{is_floor, worded_as_change};
use super::matching::{bigrams, grams_similarity};
use crate::model::Document;
use crate::model::{Figure, Promise, Qualifier, Role, Verdict};
use crate::part::Part;
use crate::vocab;

/// Labels for which less is better, so a target is a ceiling (`失业率`, `居民消费价格`).
static CEILING_WORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/ceiling-words.txt")));
/// Words marking a plan-part figure as a goal rather than a description.
static GOAL_CUES: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/goal-cues.txt")));
/// Words that put a whole sentence of a review on several years (`五年来`, `年均`): its
/// figures are not outcomes for the year under report.
static MULTI_YEAR_SENTENCE: LazyLock<Vec<&str>> = LazyLock::new(|| {
    vocab::lines(include_str!(
        "../../data/vocab/zh-multi-year-sentence-words.txt"
    ))
});
/// How close to an approximate target (`5%左右`) counts as reaching it, as a share of the target.
const APPROX_TOLERANCE: f64 = 0.05;
/// Least label similarity between a target and its outcome.
const MIN_LABEL: f64 = 0.75;
/// Targets checked per plan, at most. A plan part sets a few dozen; past this an input is not
/// a report, and checking every one against every outcome would cost their product.
const MAX_TARGETS: usize = 500;

/// Pairs the targets of `old_doc` (edition N) with the outcomes `new_doc` (edition N+1)
/// reports. Empty when both years are known and the editions are not consecutive.
pub fn promises(
    old_doc: &Document,
    old: &[Figure],
    new_doc: &Document,
    new: &[Figure],
) -> Vec<Promise> {
    if let (Some(a), Some(b)) = (old_doc.year, new_doc.year)
        && b != a + 1
    {
        return Vec::new();
    }
    let outcomes: Vec<&Figure> = new
        .iter()
        .filter(|f| f.role != Role::Target && f.role != Role::Rank)
        .filter(|f| f.part == Part::Review)
        .filter(|f| {
            let clause = clause_of(&f.sentence, &f.text);
            !f.multi_year && !MULTI_YEAR_SENTENCE.iter().any(|w| clause.contains(w))
        })
        .collect();
    // Each outcome's key and its bigrams, once: every target is scored against all of them.
    let outcome_keys: Vec<(String, Vec<(char, char)>)> = outcomes
        .iter()
        .map(|o| {
            let key = promise_key(&o.label);
            let grams = bigrams(&key);
            (key, grams)
        })
        .collect();
    let mut out: Vec<Promise> = Vec::new();
    let mut seen: rustc_hash::FxHashSet<(&str, u64, &str)> = Default::default();
    for t in old.iter().filter(|f| is_goal(f)).take(MAX_TARGETS) {
        // A target restated in the same plan (`5.5%左右` twice) is one promise.
        if !seen.insert((t.label.as_str(), t.value.to_bits(), t.unit.as_str())) {
            continue;
        }
        let key = promise_key(&t.label);
        let key_grams = bigrams(&key);
        let best = outcomes
            .iter()
            .zip(&outcome_keys)
            .filter(|(o, _)| o.unit == t.unit)
            // A reduction target (`降低3%左右`) is met by a reduction, never by a rise.
            .filter(|(o, _)| !is_reduction(t) || o.value <= 0.0 || starts_with_decline(&o.label))
            .filter(|(o, _)| {
                !worded_as_change(t)
                    || o.role == Role::Growth
                    || t.unit != "%"
                    || o.role == Role::Share
            })
            .map(|(o, (ok, og))| {
                let mut score = grams_similarity(&key, &key_grams, ok, og);
                // `能耗降幅超过3%` (a fall of 能耗) reports on `单位国内生产总值能耗降低3%`: a
                // reduction outcome named by the last word of a reduction target.
                if is_reduction(t)
                    && o.value < 0.0
                    && ok.chars().count() >= 2
                    && key.ends_with(ok.as_str())
                {
                    score = score.max(MIN_LABEL);
                }
                (score, *o)
            })
            .filter(|(s, _)| *s >= MIN_LABEL)
            .fold(None::<(f64, &Figure)>, |acc, (s, o)| match acc {
                Some((bs, _)) if bs >= s => acc,
                _ => Some((s, o)),
            });
        let outcome = best.map(|(_, o)| o.clone());
        let verdict = match &outcome {
            None => Verdict::NotReported,
            Some(o) => verdict(t, o),
        };
        out.push(Promise {
            label: t.label.clone(),
            target: t.clone(),
            outcome,
            verdict,
        });
    }
    out
}

/// True for a figure `promises` checks: a target of the plan part worded as a goal.
pub(crate) fn is_goal(f: &Figure) -> bool {
    f.role == Role::Target
        && !f.unit.is_empty()
        && !f.multi_year
        && !f.label.is_empty()
        && f.part == Part::Plan
        && (f.qualifier.is_some() || GOAL_CUES.iter().any(|c| f.sentence.contains(c)))
}

/// The label with the words that only say "rate of change" taken off, so that the target
/// `居民消费价格涨幅` meets the outcome `居民消费价格` (`上涨2%`).
fn promise_key(label: &str) -> String {
    let mut s = label;
    for w in ["涨幅", "增幅", "增速", "增长率", "增长", "的"] {
        s = s.strip_suffix(w).unwrap_or(s);
    }
    for w in ["财政", "全国", "全区", "全市"] {
        s = s.strip_prefix(w).unwrap_or(s);
    }
    s.to_string()
}

/// Verbs that open a reduction target's label (`减少农村贫困人口`).
static DECLINE_LEAD: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/decline-lead-words.txt")));

fn starts_with_decline(label: &str) -> bool {
    DECLINE_LEAD.iter().any(|w| label.starts_with(w))
}

fn is_reduction(t: &Figure) -> bool {
    t.value < 0.0 || starts_with_decline(&t.label)
}

fn is_ceiling(t: &Figure) -> bool {
    // `城镇失业人员再就业`: jobs found for the unemployed, where more is better.
    if t.label.ends_with("就业") {
        return false;
    }
    let lower = t.label.to_lowercase();
    CEILING_WORDS.iter().any(|w| lower.contains(w))
}

/// Met or missed, reading the target's qualifier and direction: a floor (`以上`) is met at
/// or above it, a ceiling (`以内`, or a label where less is better) at or below it, and an
/// approximate target (`左右`) within 5 % of it on the wrong side.
fn verdict(t: &Figure, o: &Figure) -> Verdict {
    let (mut tv, mut ov) = (t.value, o.value);
    let mut ceiling = is_ceiling(t);
    // A reduction target (`下降3.4%以上`, `减少农村贫困人口1000万以上`) is read on
    // magnitudes: a fall of 5% reaches it.
    if is_reduction(t) {
        (tv, ov, ceiling) = (tv.abs(), ov.abs(), false);
    }
    // An outcome that is itself a bound pointing away from the target says nothing.
    if is_floor(t.qualifier) && matches!(o.qualifier, Some(Qualifier::Under | Qualifier::AtMost))
        || ceiling && is_floor(o.qualifier)
    {
        return Verdict::Unclear;
    }
    let tol = if t.qualifier == Some(Qualifier::Approx) {
        tv.abs() * APPROX_TOLERANCE
    } else {
        1e-9 * tv.abs().max(1.0)
    };
    let met = match t.qualifier {
        Some(Qualifier::AtLeast) => ov >= tv - tol,
        Some(Qualifier::Over) => ov > tv || ov >= tv && is_floor(o.qualifier),
        Some(Qualifier::AtMost) => ov <= tv + tol,
        Some(Qualifier::Under) => ov < tv + tol,
        Some(Qualifier::Approx) | None => {
            if ceiling {
                ov <= tv + tol
            } else {
                ov >= tv - tol
            }
        }
    };
    if met { Verdict::Met } else { Verdict::Missed }
}

/// The clause of `sentence` that holds `figure`: from the punctuation before it to the
/// punctuation after it. A multi-year word elsewhere in the sentence (`地区生产总值增长3.9%、
/// 总量连续37年居全国首位`) speaks of another figure.
fn clause_of<'s>(sentence: &'s str, figure: &str) -> &'s str {
    let Some(at) = sentence.find(figure) else {
        return sentence;
    };
    let stops = ['，', '；', '。', '、', ',', ';'];
    let start = sentence[..at].rfind(stops).map_or(0, |i| {
        i + sentence[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = sentence[at + figure.len()..]
        .find(stops)
        .map_or(sentence.len(), |i| at + figure.len() + i);
    &sentence[start..end]
}

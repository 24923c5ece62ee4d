//! Promises: the targets edition N set for year N, checked against what edition N+1's review
//! reports for year N.
//!
//! A target is a figure of the plan part worded as a goal (a qualifier such as `左右`/`以上`,
//! or a cue such as `预期目标`, `拟`, `力争`). Its outcome is the first figure of the next
//! edition's review with a like label and the same unit, leaving out multi-year figures
//! (`年均`, `五年`), which report on another period.

use super::extract::{is_floor, multi_year, worded_as_change};
use super::matching::label_similarity;
use crate::model::Document;
use crate::model::{Figure, Promise, Qualifier, Role, Verdict};
use crate::part::{Part, part_of};

/// Labels for which less is better, so a target is a ceiling (`失业率`, `居民消费价格`).
const CEILING_WORDS: &[&str] = &[
    "失业",
    "价格",
    "物价",
    "赤字",
    "能耗",
    "排放",
    "负债率",
    "杠杆率",
    "债务",
    "unemployment",
    "inflation",
    "deficit",
    "cpi",
    "emission",
];
/// Words marking a plan-part figure as a goal rather than a description.
const GOAL_CUES: &[&str] = &[
    "预期目标",
    "目标",
    "力争",
    "拟",
    "确保",
    "控制在",
    "保持在",
    "expect",
    "aim",
    "target",
    "goal",
];
/// Words that put a whole sentence of a review on several years (`五年来`, `年均`): its
/// figures are not outcomes for the year under report.
const MULTI_YEAR_SENTENCE: &[&str] = &["五年", "年均", "十年", "累计", "一直", "连续", "多年"];
/// How close to an approximate target (`5%左右`) counts as reaching it, as a share of the target.
const APPROX_TOLERANCE: f64 = 0.05;
/// Least label similarity between a target and its outcome.
const MIN_LABEL: f64 = 0.75;

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
        .filter(|f| {
            f.section
                .first()
                .is_some_and(|t| part_of(t) == Part::Review)
        })
        .filter(|f| !multi_year(f) && !MULTI_YEAR_SENTENCE.iter().any(|w| f.sentence.contains(w)))
        .collect();
    let mut out: Vec<Promise> = Vec::new();
    for t in old.iter().filter(|f| is_goal(f)) {
        // A target restated in the same plan (`5.5%左右` twice) is one promise.
        if out.iter().any(|p| {
            p.target.label == t.label && p.target.value == t.value && p.target.unit == t.unit
        }) {
            continue;
        }
        let key = promise_key(&t.label);
        let best = outcomes
            .iter()
            .filter(|o| o.unit == t.unit)
            // A reduction target (`降低3%左右`) is met by a reduction, never by a rise.
            .filter(|o| !is_reduction(t) || o.value <= 0.0 || starts_with_decline(&o.label))
            .filter(|o| {
                !worded_as_change(t)
                    || o.role == Role::Growth
                    || t.unit != "%"
                    || o.role == Role::Share
            })
            .map(|o| (label_similarity(&key, &promise_key(&o.label)), *o))
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
        && !multi_year(f)
        && !f.label.is_empty()
        && f.section.first().is_some_and(|t| part_of(t) == Part::Plan)
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
const DECLINE_LEAD: &[&str] = &["减少", "降低", "下降", "压减", "退出", "reduce", "cut"];

fn starts_with_decline(label: &str) -> bool {
    DECLINE_LEAD.iter().any(|w| label.starts_with(w))
}

fn is_reduction(t: &Figure) -> bool {
    t.value < 0.0 || starts_with_decline(&t.label)
}

fn is_ceiling(t: &Figure) -> bool {
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

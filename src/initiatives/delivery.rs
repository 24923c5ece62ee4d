//! Delivery: which initiatives of edition N's plan part edition N+1's review part reports on.
//!
//! A report's top-level parts are classified by title ([`crate::part::part_of`]): `工作回顾`,
//! `过去一年` review the year; `任务`, `建议`, `总体部署`, `总体要求`, `重点工作` plan the
//! next. An initiative the old plan names is **delivered** when the new review names it
//! again, and **silent** when the new review never does, whatever the new plan says:
//! repeating a promise is not reporting on it.

use super::status::sentences_naming;
use super::text::{Edition, Part};
use crate::model::{Delivery, Initiative, Kind, MAX_MENTIONS};

/// Splits the named initiatives of `list` that the old plan part names. Empty when the old
/// edition has no plan part or the new one no review part.
pub(crate) fn delivery(old: &Edition, new: &Edition, list: &[Initiative]) -> Delivery {
    let mut out = Delivery::default();
    if !old.has_part(Part::Plan) || !new.has_part(Part::Review) {
        return out;
    }
    for init in list {
        if init.kind == Kind::Term {
            continue;
        }
        let old_name = init.old_name.as_deref().unwrap_or(&init.name);
        let old_key = search_key(old_name);
        let plan: Vec<usize> = sentences_naming(old, old_key)
            .into_iter()
            .filter(|&i| old.sentences[i].part == Part::Plan)
            .collect();
        if plan.is_empty() {
            continue;
        }
        // The new review reports on what the old plan promised, so look for the old name
        // first (`8.0版` planned is `8.0版` done, even when the new plan moved on to `9.0版`).
        // In any form status accepts (`城市更新行动` reported as `扎实推进城市更新`), so that a
        // plan called continued and named in the new review is delivered.
        let mut hits = sentences_naming(new, old_key);
        if hits.is_empty() {
            hits = sentences_naming(new, search_key(&init.name));
        }
        let (review, elsewhere): (Vec<usize>, Vec<usize>) = hits
            .into_iter()
            .partition(|&i| new.sentences[i].part == Part::Review);
        let mut entry = init.clone();
        entry.old = plan
            .iter()
            .take(MAX_MENTIONS)
            .map(|&i| old.mention(i, &init.name))
            .collect();
        entry.count[0] = plan.len();
        if review.is_empty() {
            entry.new = elsewhere
                .iter()
                .take(MAX_MENTIONS)
                .map(|&i| new.mention(i, &init.name))
                .collect();
            entry.count[1] = elsewhere.len();
            out.silent.push(entry);
        } else {
            entry.new = review
                .iter()
                .take(MAX_MENTIONS)
                .map(|&i| new.mention(i, &init.name))
                .collect();
            entry.count[1] = review.len();
            out.delivered.push(entry);
        }
    }
    out
}

/// The part of a name to look for: without title marks, and without a version, so that
/// `营商环境建设7.0版` in the plan is reported on as `营商环境建设7.0版` or as the stem.
pub(crate) fn search_key(name: &str) -> &str {
    let n = name.trim_start_matches('《').trim_end_matches('》');
    let n = n.trim_start_matches('“');
    match n.find('”') {
        Some(i) => &n[..i],
        None => n,
    }
}

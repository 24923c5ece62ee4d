//! The briefing: the few facts of a comparison a reader wants first, ranked.
//!
//! Everything here is read off a finished [`Comparison`]; nothing is parsed again. The order
//! follows what analysts publish on the day of a report: the table of targets (last year's
//! target, the outcome reported for it, this year's target), then changes of stance and
//! priority in the plan, then the strongest new and dropped initiatives, then the figures that
//! moved most. Each list has a cap, so the briefing stays a screen long on any report.

use std::cmp::Reverse;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{
    Briefing, Comparison, Figure, FigureMove, FigurePair, FigureStatus, Initiative, InitiativeNote,
    Kind, PairKind, Part, Place, PriorityChange, Quote, Role, SectionPair, SectionRef, Shift, Side,
    StanceChange, Status, TargetRow, Verdict,
};

/// Most rows of the target table.
pub const MAX_TARGETS: usize = 12;
/// Most changed headings of the plan.
pub const MAX_STANCES: usize = 8;
/// Most sections moved up or down, parts added or removed.
pub const MAX_PRIORITIES: usize = 6;
/// Most new and most dropped initiatives.
pub const MAX_INITIATIVES: usize = 10;
/// Most new key terms.
pub const MAX_TERMS: usize = 6;
/// Most figures that moved far.
pub const MAX_MOVERS: usize = 6;
/// Fewest targets in one sentence for it to be the edition's main list of targets.
const MIN_HEADLINE_TARGETS: usize = 3;
/// Fewest siblings paired on both sides before their order is read as a ranking.
const MIN_RANKED_SIBLINGS: usize = 3;
/// Deepest level whose order is read as a ranking (parts, their items, the items' items).
const MAX_RANKED_LEVEL: u32 = 3;

/// The briefing of a comparison.
pub fn brief(c: &Comparison) -> Briefing {
    let (targets, more_targets) = targets(c);
    let (new_initiatives, dropped_initiatives, more_initiatives) = initiatives(&c.initiatives);
    let (new_terms, more_terms) = new_terms(&c.initiatives);
    let shown: Vec<&str> = targets.iter().map(|t| t.label.as_str()).collect();
    Briefing {
        movers: movers(&c.figures, &shown),
        targets,
        more_targets,
        stances: stances(&c.sections),
        priorities: priorities(&c.sections),
        new_initiatives,
        dropped_initiatives,
        more_initiatives,
        new_terms,
        more_terms,
    }
}

fn place(side: Side, f: &Figure) -> Place {
    Place {
        side,
        section: f.section.clone(),
        line: f.line,
    }
}

fn quote(side: Side, f: &Figure) -> Quote {
    Quote {
        text: f.text.clone(),
        value: f.value,
        at: place(side, f),
    }
}

/// The same figure: one edition's figures are distinct by line and text.
fn same_figure(a: &Figure, b: &Figure) -> bool {
    a.line == b.line && a.text == b.text && a.label == b.label
}

/// The targets of one edition's main list: the first run of plan targets that follow one
/// another in one sentence or in clauses of one sentence (`今年发展主要预期目标是：国内生产总值
/// 增长5%左右；城镇新增就业…；居民消费价格涨幅…；…`), when it holds at least
/// [`MIN_HEADLINE_TARGETS`]. Work reports open their plan with that list; a budget sentence
/// with as many figures comes later.
fn headline_list<'a>(figures: impl Iterator<Item = &'a Figure>) -> FxHashSet<(u32, &'a str)> {
    let mut plan: Vec<&Figure> = figures
        .filter(|f| f.role == Role::Target && f.part == Part::Plan)
        .collect();
    // Stable: figures of one line stay in reading order.
    plan.sort_by_key(|f| f.line);
    let mut start = 0;
    for end in 1..=plan.len() {
        let goes_on = end < plan.len() && {
            let (a, b) = (plan[end - 1], plan[end]);
            a.section == b.section
                && (a.sentence == b.sentence || a.sentence.trim_end().ends_with(['；', ';']))
        };
        if goes_on {
            continue;
        }
        let run = &plan[start..end];
        if run.len() >= MIN_HEADLINE_TARGETS {
            return run.iter().map(|f| (f.line, f.text.as_str())).collect();
        }
        start = end;
    }
    FxHashSet::default()
}

fn in_list(f: &Figure, list: &FxHashSet<(u32, &str)>) -> bool {
    list.contains(&(f.line, f.text.as_str()))
}

/// The target table: one row per target of either edition's plan, the main lists first, then
/// targets set in both years that the review checked, then last year's targets the review
/// reports on, then other targets set in both years, then the rest.
fn targets(c: &Comparison) -> (Vec<TargetRow>, usize) {
    let old_head = headline_list(c.figures.iter().filter_map(|p| p.old.as_ref()));
    let new_head = headline_list(c.figures.iter().filter_map(|p| p.new.as_ref()));
    let target_pair = |p: &&FigurePair| p.role == Role::Target;
    let mut used = vec![false; c.figures.len()];
    let mut rows: Vec<TargetRow> = Vec::new();
    // The pairs of each old figure, by its line and text, so that a promise finds its pair
    // without a scan of every figure.
    let mut by_old: FxHashMap<(u32, &str), Vec<usize>> = FxHashMap::default();
    for (i, p) in c.figures.iter().enumerate() {
        if let Some(o) = &p.old {
            by_old.entry((o.line, o.text.as_str())).or_default().push(i);
        }
    }
    for promise in &c.promises {
        let key = (promise.target.line, promise.target.text.as_str());
        let pair = by_old.get(&key).and_then(|ids| {
            ids.iter().copied().find(|&i| {
                !used[i]
                    && c.figures[i]
                        .old
                        .as_ref()
                        .is_some_and(|o| same_figure(o, &promise.target))
            })
        });
        let this = pair.and_then(|i| {
            used[i] = true;
            let p = &c.figures[i];
            p.new.as_ref().filter(|_| target_pair(&p))
        });
        rows.push(row(
            &promise.label,
            &promise.target.unit,
            Some(&promise.target),
            promise.outcome.as_ref(),
            Some(promise.verdict),
            this,
            (&old_head, &new_head),
        ));
    }
    for (i, p) in c.figures.iter().enumerate().filter(|(_, p)| target_pair(p)) {
        if used[i] {
            continue;
        }
        let new = p.new.as_ref().filter(|f| f.part == Part::Plan);
        let old = p.old.as_ref().filter(|f| f.part == Part::Plan);
        // A target only one edition sets counts when it is in that edition's main list: the
        // rest are the detail of the plan, in the figures list.
        let keep = match (old, new) {
            (Some(_), Some(_)) => true,
            (None, Some(n)) => in_list(n, &new_head),
            (Some(o), None) => in_list(o, &old_head),
            (None, None) => false,
        };
        if keep {
            rows.push(row(
                &p.label,
                &p.unit,
                old,
                None,
                None,
                new,
                (&old_head, &new_head),
            ));
        }
    }
    let rank = |r: &TargetRow| {
        let both = r.last_target.is_some() && r.this_target.is_some();
        // A target set again and checked by the review tells most; one checked, or one set
        // again, tells half of it.
        let tier = if r.headline {
            0
        } else if both && r.verdict.is_some() {
            1
        } else if matches!(r.verdict, Some(Verdict::Met | Verdict::Missed)) {
            2
        } else if both {
            3
        } else {
            4
        };
        // Reading order of the new plan, then of the old one.
        let new_line = r.this_target.as_ref().map_or(u32::MAX, |q| q.at.line);
        let old_line = r.last_target.as_ref().map_or(u32::MAX, |q| q.at.line);
        (tier, new_line, old_line)
    };
    // A label that opens on a function word (`的增速…`) is a fragment of its sentence: the
    // figures list has the row, the table a reader scans does not.
    let all = rows.len();
    rows.retain(|r| readable_label(&r.label));
    let fragments = all - rows.len();
    rows.sort_by_key(rank);
    // Rows a reader cannot use: no target on either side survives only in the figures list.
    let more = rows.len().saturating_sub(MAX_TARGETS) + fragments;
    rows.truncate(MAX_TARGETS);
    (rows, more)
}

/// Characters that never open a noun phrase in Chinese.
static FUNCTION_CHARS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    crate::vocab::chars(include_str!("../data/vocab/zh-function-chars.txt"))
});

/// Whether a label can stand as a row of the target table.
fn readable_label(label: &str) -> bool {
    label
        .trim()
        .chars()
        .next()
        .is_some_and(|c| !FUNCTION_CHARS.contains(&c))
}

type Heads<'a, 'b> = (&'b FxHashSet<(u32, &'a str)>, &'b FxHashSet<(u32, &'a str)>);

fn row(
    label: &str,
    unit: &str,
    last: Option<&Figure>,
    outcome: Option<&Figure>,
    verdict: Option<Verdict>,
    this: Option<&Figure>,
    (old_head, new_head): Heads,
) -> TargetRow {
    let target_change = match (last, this) {
        // Opposite signs for one target are two readings of one direction (`减少1000万以上`
        // read as a fall in one edition and as a level in the other) far more often than a
        // target turned around; no change is shown rather than a wrong one.
        (Some(a), Some(b)) if a.value * b.value < 0.0 => None,
        (Some(a), Some(b)) => Some(crate::model::Change {
            absolute: round(b.value - a.value),
            relative: (a.unit != "%" && a.value != 0.0)
                .then(|| round((b.value - a.value) / a.value.abs())),
        }),
        _ => None,
    };
    TargetRow {
        label: this.map_or(label, |f| f.label.as_str()).to_string(),
        unit: unit.to_string(),
        headline: last.is_some_and(|f| in_list(f, old_head))
            || this.is_some_and(|f| in_list(f, new_head)),
        last_target: last.map(|f| quote(Side::Old, f)),
        outcome: outcome.map(|f| quote(Side::New, f)),
        verdict,
        this_target: this.map(|f| quote(Side::New, f)),
        target_change,
    }
}

fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn ref_place(side: Side, r: &SectionRef) -> Place {
    Place {
        side,
        section: r.path.clone(),
        line: r.lines[0],
    }
}

/// Renamed headings and lead sentences of the plan, shallow levels first, then in reading
/// order: the plan's stance is written in its headings (`实施适度宽松的货币政策`).
fn stances(sections: &[SectionPair]) -> Vec<StanceChange> {
    let mut out: Vec<(u32, StanceChange)> = sections
        .iter()
        .filter(|p| p.kind == PairKind::Renamed)
        .filter_map(|p| match (p.old.as_slice(), p.new.as_slice()) {
            ([o], [n]) if n.part == Part::Plan || o.part == Part::Plan => Some((o, n)),
            _ => None,
        })
        .filter(|(o, n)| !o.title.trim().is_empty() && !n.title.trim().is_empty())
        .map(|(o, n)| stance_change(o, n))
        .collect();
    out.extend(reworded_items(sections));
    out.sort_by_key(|(level, s)| (*level, s.at.line));
    out.into_iter().map(|(_, s)| s).take(MAX_STANCES).collect()
}

/// Most added or removed plan headings compared with one another for a shared phrase; above
/// it the pairing is skipped (the briefing still lists the renamed ones).
const MAX_UNPAIRED_TITLES: usize = 200;
/// Fewest characters of a phrase two headings share to be read as one stance reworded.
const MIN_SHARED_PHRASE: usize = 5;
/// Least share of the shorter heading that the shared phrase covers.
const MIN_SHARED_SHARE: f64 = 0.4;

/// Plan headings and lead sentences that the alignment left as one removed and one added
/// but that share a long phrase (`稳健的货币政策` → `适度宽松的货币政策` share `的货币政策`):
/// the same policy with a new modifier, which is the change of stance a reader looks for.
/// Each heading is used once, longest shared phrase first.
fn reworded_items(sections: &[SectionPair]) -> Vec<(u32, StanceChange)> {
    let titles = |kind: PairKind| -> Vec<&SectionRef> {
        sections
            .iter()
            .filter(|p| p.kind == kind)
            .flat_map(|p| {
                if kind == PairKind::Added {
                    &p.new
                } else {
                    &p.old
                }
            })
            .filter(|r| r.part == Part::Plan && r.level > 1 && !r.title.trim().is_empty())
            .collect()
    };
    let (removed, added) = (titles(PairKind::Removed), titles(PairKind::Added));
    if removed.len() > MAX_UNPAIRED_TITLES || added.len() > MAX_UNPAIRED_TITLES {
        return Vec::new();
    }
    let chars = |refs: &[&SectionRef]| -> Vec<Vec<char>> {
        refs.iter().map(|r| r.title.chars().collect()).collect()
    };
    let (removed_chars, added_chars) = (chars(&removed), chars(&added));
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (i, oc) in removed_chars.iter().enumerate() {
        for (j, nc) in added_chars.iter().enumerate() {
            let shared = longest_common_run(oc, nc);
            let shorter = oc.len().min(nc.len()).max(1);
            if shared >= MIN_SHARED_PHRASE && shared as f64 >= MIN_SHARED_SHARE * shorter as f64 {
                candidates.push((shared, i, j));
            }
        }
    }
    candidates.sort_by_key(|&(shared, i, j)| (Reverse(shared), i, j));
    let (mut used_old, mut used_new) = (vec![false; removed.len()], vec![false; added.len()]);
    let mut out = Vec::new();
    for (_, i, j) in candidates {
        if used_old[i] || used_new[j] {
            continue;
        }
        used_old[i] = true;
        used_new[j] = true;
        out.push(stance_change(removed[i], added[j]));
    }
    out
}

/// Length of the longest run of characters two texts share (dynamic programming over two
/// headings, each capped in length by the outline).
fn longest_common_run(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut best = 0;
    for &ca in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            if ca == cb && !ca.is_whitespace() {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// A heading's old and new wording, keyed by the new one's level.
fn stance_change(o: &SectionRef, n: &SectionRef) -> (u32, StanceChange) {
    (
        n.level,
        StanceChange {
            old: o.title.clone(),
            new: n.title.clone(),
            kept: round3(kept_share(&o.title, &n.title)),
            at: ref_place(Side::New, n),
        },
    )
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Share of the characters of both texts that a character diff keeps.
fn kept_share(old: &str, new: &str) -> f64 {
    f64::from(similar::TextDiff::from_chars(old, new).ratio())
}

/// The parent path of a section.
fn parent(r: &SectionRef) -> &[String] {
    &r.path[..r.path.len().saturating_sub(1)]
}

/// 1-based places of every section among its siblings, by the line it starts on.
fn sibling_ranks<'a>(
    refs: impl Iterator<Item = &'a SectionRef>,
) -> FxHashMap<(&'a [String], u32), usize> {
    let mut by_parent: FxHashMap<&[String], Vec<u32>> = FxHashMap::default();
    for r in refs {
        by_parent.entry(parent(r)).or_default().push(r.lines[0]);
    }
    let mut ranks = FxHashMap::default();
    for (p, mut lines) in by_parent {
        lines.sort_unstable();
        lines.dedup();
        for (i, line) in lines.into_iter().enumerate() {
            ranks.insert((p, line), i + 1);
        }
    }
    ranks
}

/// The parents of a section in the old and the new edition.
type ParentPair<'a> = (&'a [String], &'a [String]);
/// A section in the old and the new edition.
type RefPair<'a> = (&'a SectionRef, &'a SectionRef);

/// Sections of the plan that moved up or down among their siblings, and top-level parts
/// added or removed. A section counts as moved when it leaves the longest run of siblings
/// that kept their order, so one item moving from third to first is one change, not three.
fn priorities(sections: &[SectionPair]) -> Vec<PriorityChange> {
    let old_ranks = sibling_ranks(sections.iter().flat_map(|p| &p.old));
    let new_ranks = sibling_ranks(sections.iter().flat_map(|p| &p.new));
    // Paired sections of the plan, grouped by their parents on both sides.
    let mut groups: FxHashMap<ParentPair, Vec<RefPair>> = FxHashMap::default();
    for p in sections {
        if let ([o], [n]) = (p.old.as_slice(), p.new.as_slice())
            && n.part == Part::Plan
            && n.level <= MAX_RANKED_LEVEL
            && !n.title.trim().is_empty()
        {
            groups
                .entry((parent(o), parent(n)))
                .or_default()
                .push((o, n));
        }
    }
    let mut out: Vec<(u32, PriorityChange)> = Vec::new();
    for mut items in groups.into_values() {
        if items.len() < MIN_RANKED_SIBLINGS {
            continue;
        }
        items.sort_by_key(|(o, _)| o.lines[0]);
        let new_order: Vec<u32> = items.iter().map(|(_, n)| n.lines[0]).collect();
        let kept = longest_increasing(&new_order);
        for (k, (_, n)) in items.iter().enumerate() {
            if kept[k] {
                continue;
            }
            // Places among the siblings both editions have, so that a sibling added or
            // removed before it does not read as a move.
            let old_rank = k + 1;
            let new_rank = 1 + new_order.iter().filter(|&&l| l < n.lines[0]).count();
            let shift = match new_rank.cmp(&old_rank) {
                std::cmp::Ordering::Less => Shift::Up,
                std::cmp::Ordering::Greater => Shift::Down,
                std::cmp::Ordering::Equal => continue,
            };
            out.push((
                n.level,
                PriorityChange {
                    shift,
                    title: n.title.clone(),
                    old_rank: Some(old_rank),
                    new_rank: Some(new_rank),
                    at: ref_place(Side::New, n),
                },
            ));
        }
    }
    for p in sections {
        let (shift, r, side) = match (p.kind, p.old.as_slice(), p.new.as_slice()) {
            (PairKind::Added, _, [n]) => (Shift::Added, n, Side::New),
            (PairKind::Removed, [o], _) => (Shift::Removed, o, Side::Old),
            _ => continue,
        };
        if r.level != 1 || r.title.trim().is_empty() {
            continue;
        }
        out.push((
            0,
            PriorityChange {
                shift,
                title: r.title.clone(),
                old_rank: (side == Side::Old)
                    .then(|| old_ranks.get(&(parent(r), r.lines[0])).copied())
                    .flatten(),
                new_rank: (side == Side::New)
                    .then(|| new_ranks.get(&(parent(r), r.lines[0])).copied())
                    .flatten(),
                at: ref_place(side, r),
            },
        ));
    }
    out.sort_by_key(|(level, c)| (*level, c.at.side == Side::Old, c.at.line));
    out.into_iter()
        .map(|(_, c)| c)
        .take(MAX_PRIORITIES)
        .collect()
}

/// Marks the items of one longest strictly increasing subsequence (patience sorting,
/// n log n).
fn longest_increasing(values: &[u32]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let at = tails.partition_point(|&t| values[t] < v);
        prev[i] = at.checked_sub(1).map(|j| tails[j]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut kept = vec![false; values.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        kept[i] = true;
        cur = prev[i];
    }
    kept
}

/// How much a name's evidence weighs: names a report marks as names (title marks, quotes,
/// versions, programme words) before key terms, then by how often the edition names it.
fn strength(i: &Initiative, side: usize) -> (u8, Reverse<usize>) {
    let marked = match i.kind {
        Kind::Titled | Kind::Quoted | Kind::Versioned | Kind::Programme => 0,
        _ => 1,
    };
    (marked, Reverse(i.count[side]))
}

fn note(i: &Initiative, side: usize) -> Option<InitiativeNote> {
    let (mentions, s) = if side == 0 {
        (&i.old, Side::Old)
    } else {
        (&i.new, Side::New)
    };
    let first = mentions.first()?;
    Some(InitiativeNote {
        name: i.name.clone(),
        mentions: i.count[side],
        at: Place {
            side: s,
            section: first.section.clone(),
            line: first.line,
        },
    })
}

/// The strongest new and dropped initiatives, and how many more of each there are.
fn initiatives(all: &[Initiative]) -> (Vec<InitiativeNote>, Vec<InitiativeNote>, [usize; 2]) {
    let pick = |status: Status, side: usize| {
        // Key terms are wording, not initiatives: they have a list of their own.
        let mut list: Vec<&Initiative> = all
            .iter()
            .filter(|i| i.status == status && i.kind != Kind::Term)
            .collect();
        list.sort_by_key(|i| {
            let line = if side == 0 { &i.old } else { &i.new }
                .first()
                .map_or(u32::MAX, |m| m.line);
            (strength(i, side), line)
        });
        let more = list.len().saturating_sub(MAX_INITIATIVES);
        let notes: Vec<InitiativeNote> = list
            .into_iter()
            .filter_map(|i| note(i, side))
            .take(MAX_INITIATIVES)
            .collect();
        (notes, more)
    };
    let (new, more_new) = pick(Status::New, 1);
    let (dropped, more_dropped) = pick(Status::Dropped, 0);
    (new, dropped, [more_new, more_dropped])
}

/// The new key terms, strongest keyness first (the list's order among equals), and how many
/// more there are.
fn new_terms(all: &[Initiative]) -> (Vec<InitiativeNote>, usize) {
    let mut terms: Vec<&Initiative> = all
        .iter()
        .filter(|i| i.status == Status::New && i.kind == Kind::Term)
        .collect();
    terms.sort_by(|a, b| {
        let g = |i: &Initiative| i.keyness.unwrap_or(0.0);
        g(b).total_cmp(&g(a))
    });
    let more = terms.len().saturating_sub(MAX_TERMS);
    let notes = terms
        .into_iter()
        .filter_map(|i| note(i, 1))
        .take(MAX_TERMS)
        .collect();
    (notes, more)
}

/// Figures found in both editions under the same label that moved most by share of change,
/// leaving out the targets the table already shows.
fn movers(figures: &[FigurePair], shown: &[&str]) -> Vec<FigureMove> {
    let mut out: Vec<(f64, FigureMove)> = figures
        .iter()
        .filter(|p| p.status == FigureStatus::Changed && p.role != Role::Target)
        .filter(|p| !p.label.trim().is_empty() && !shown.contains(&p.label.as_str()))
        .filter_map(|p| {
            let (o, n, change) = (p.old.as_ref()?, p.new.as_ref()?, p.change?);
            let share = change.relative?;
            let trusted = o.label == n.label && shared_context(&o.sentence, &n.sentence);
            (trusted && share.is_finite()).then(|| {
                (
                    share.abs(),
                    FigureMove {
                        label: p.label.clone(),
                        old: o.text.clone(),
                        new: n.text.clone(),
                        change,
                        at: place(Side::New, n),
                    },
                )
            })
        })
        .collect();
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.at.line.cmp(&b.1.at.line)));
    out.into_iter().map(|(_, m)| m).take(MAX_MOVERS).collect()
}

/// Fewest shared words (Han character pairs, or Latin words of three letters or more) over the
/// words of both sentences for two figures of one label to count as the same measure: a label
/// alone is weak evidence when the figure reader fell back on a verb (`provide $10 million`).
const MIN_SHARED_CONTEXT: f64 = 0.2;

/// Whether two sentences share enough words to speak of the same thing.
fn shared_context(a: &str, b: &str) -> bool {
    let (a, b) = (context_words(a), context_words(b));
    let union = a.union(&b).count();
    union > 0 && a.intersection(&b).count() as f64 / union as f64 >= MIN_SHARED_CONTEXT
}

fn context_words(s: &str) -> FxHashSet<String> {
    let mut words = FxHashSet::default();
    let chars: Vec<char> = s.chars().collect();
    for w in chars.windows(2) {
        if w.iter().all(|c| crate::script::is_han(*c)) {
            words.insert(w.iter().collect());
        }
    }
    for w in s.split(|c: char| !c.is_ascii_alphabetic()) {
        if w.len() >= 3 {
            words.insert(w.to_ascii_lowercase());
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_phrase_is_the_longest_common_run() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(
            longest_common_run(
                &chars("稳健的货币政策要灵活适度"),
                &chars("实施适度宽松的货币政策")
            ),
            5
        );
        assert_eq!(longest_common_run(&chars("abc"), &chars("xyz")), 0);
        assert_eq!(longest_common_run(&[], &chars("xyz")), 0);
    }

    #[test]
    fn one_item_moving_to_the_front_is_one_move() {
        // Old order 1 2 3 4; the third now comes first: new lines 20 30 10 40.
        assert_eq!(
            longest_increasing(&[20, 30, 10, 40]),
            vec![true, true, false, true]
        );
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
        assert_eq!(
            longest_increasing(&[3, 2, 1])
                .iter()
                .filter(|k| **k)
                .count(),
            1
        );
    }

    #[test]
    fn kept_share_is_high_for_a_changed_modifier() {
        assert!(kept_share("积极的财政政策", "更加积极的财政政策") > 0.8);
        assert!(kept_share("着力扩大国内需求", "加快建设现代化产业体系") < 0.3);
    }
}

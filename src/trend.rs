//! `yoydiff trend`: three or more editions of one series, followed year by year.
//!
//! The trend is read off the pairwise comparisons of neighbouring editions and nothing else,
//! so it can never disagree with `yoydiff diff` on the same two editions:
//! - an indicator is a chain of figure pairs: the figure a comparison matched in the newer
//!   edition is the same figure the next comparison starts from;
//! - a target's outcome is the promise of the comparison that starts from the edition that set
//!   it. Across a missing edition (2019 → 2021) the comparison makes no promises, and the
//!   trend shows the gap instead of pairing the 2019 target with the 2021 review of 2020;
//! - initiatives are chained by name through new, continued, upgraded, renamed and dropped;
//! - parts are the top-level pairs of each comparison.

use std::collections::HashMap;

use crate::compare::{CompareOptions, compare};
use crate::figures::is_goal;
use crate::model::{
    Comparison, Document, Edition, Figure, Indicator, InitiativeEvent, InitiativeTrack, Outcome,
    PairKind, PartChange, Role, SCHEMA, SectionKind, SectionPair, SectionRef, Status, Step, Trend,
};

/// The fewest editions a trend follows: two are a `diff`.
pub const MIN_EDITIONS: usize = 3;

/// Why a trend cannot be built. One line each, naming the input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrendError {
    /// Fewer than three editions.
    #[error(
        "trend needs at least {MIN_EDITIONS} editions of one series, got {0} (use diff for two)"
    )]
    TooFew(usize),
    /// An edition whose own year was not found, so it cannot be placed in the series.
    #[error("{0}: no year found in the report, and trend orders editions by their year")]
    NoYear(String),
    /// Two editions for one year.
    #[error("{first} and {second} are both editions for {year}; give one edition per year")]
    SameYear {
        /// The year.
        year: i32,
        /// One edition.
        first: String,
        /// The other.
        second: String,
    },
    /// Comparisons that do not follow one another.
    #[error(
        "comparisons do not form a series: one ends with {ends} and the next starts with {starts}"
    )]
    NotChained {
        /// The newer edition of one comparison.
        ends: String,
        /// The older edition of the next.
        starts: String,
    },
}

/// Orders the editions by their own year, compares each with the next, and follows them.
pub fn trend(editions: &[Document], options: &CompareOptions) -> Result<Trend, TrendError> {
    if editions.len() < MIN_EDITIONS {
        return Err(TrendError::TooFew(editions.len()));
    }
    let mut ordered: Vec<(i32, &Document)> = Vec::with_capacity(editions.len());
    for d in editions {
        let year = d.year.ok_or_else(|| TrendError::NoYear(d.source.clone()))?;
        ordered.push((year, d));
    }
    ordered.sort_by_key(|&(y, _)| y);
    for w in ordered.windows(2) {
        if w[0].0 == w[1].0 {
            return Err(TrendError::SameYear {
                year: w[0].0,
                first: w[0].1.source.clone(),
                second: w[1].1.source.clone(),
            });
        }
    }
    let comparisons: Vec<Comparison> = ordered
        .windows(2)
        .map(|w| compare(w[0].1, w[1].1, options))
        .collect();
    trend_from(&comparisons)
}

/// Follows a series from the comparisons of its neighbouring editions, oldest first: each
/// comparison's newer edition must be the next one's older edition.
pub fn trend_from(comparisons: &[Comparison]) -> Result<Trend, TrendError> {
    if comparisons.len() + 1 < MIN_EDITIONS {
        return Err(TrendError::TooFew(comparisons.len() + 1));
    }
    for w in comparisons.windows(2) {
        if w[0].new.source != w[1].old.source {
            return Err(TrendError::NotChained {
                ends: w[0].new.source.clone(),
                starts: w[1].old.source.clone(),
            });
        }
    }
    let editions = editions(comparisons);
    let steps = comparisons
        .iter()
        .enumerate()
        .map(|(i, c)| step(i, c))
        .collect::<Vec<_>>();
    let indicators = indicators(comparisons, &steps);
    let initiatives = initiatives(comparisons);
    Ok(Trend {
        schema: SCHEMA.to_string(),
        series: series_name(&editions),
        editions,
        steps,
        indicators,
        initiatives,
    })
}

fn editions(comparisons: &[Comparison]) -> Vec<Edition> {
    let mut out = Vec::with_capacity(comparisons.len() + 1);
    let edition = |info: &crate::model::DocInfo, refs: Vec<&SectionRef>| Edition {
        source: info.source.clone(),
        year: info.year,
        lang: info.lang,
        title: info.title.clone(),
        parts: parts(refs),
    };
    out.push(edition(
        &comparisons[0].old,
        comparisons[0]
            .sections
            .iter()
            .flat_map(|p| &p.old)
            .collect(),
    ));
    for c in comparisons {
        out.push(edition(
            &c.new,
            c.sections.iter().flat_map(|p| &p.new).collect(),
        ));
    }
    out
}

/// Top-level headings in reading order. Preamble and closing are not parts.
fn parts(mut refs: Vec<&SectionRef>) -> Vec<String> {
    refs.retain(|r| is_part(r));
    refs.sort_by_key(|r| r.lines[0]);
    refs.dedup_by_key(|r| r.lines[0]);
    refs.iter().map(|r| heading(r)).collect()
}

fn is_part(r: &SectionRef) -> bool {
    r.level == 1 && r.kind == SectionKind::Heading
}

fn heading(r: &SectionRef) -> String {
    r.path.last().cloned().unwrap_or_else(|| r.title.clone())
}

fn step(i: usize, c: &Comparison) -> Step {
    let missing_years = match (c.old.year, c.new.year) {
        (Some(a), Some(b)) if b > a + 1 => (a + 1..b).collect(),
        _ => Vec::new(),
    };
    Step {
        old: i,
        new: i + 1,
        missing_years,
        summary: c.summary.clone(),
        parts: c
            .sections
            .iter()
            .filter(|p| part_changed(p))
            .map(|p| PartChange {
                kind: p.kind,
                old: p.old.iter().filter(|r| is_part(r)).map(heading).collect(),
                new: p.new.iter().filter(|r| is_part(r)).map(heading).collect(),
            })
            .collect(),
    }
}

fn part_changed(p: &SectionPair) -> bool {
    !matches!(p.kind, PairKind::Unchanged | PairKind::Edited)
        && p.old.iter().chain(&p.new).any(is_part)
}

/// A figure's identity inside its edition: both comparisons that hold an edition extract and
/// deduplicate its figures the same way, so the same figure compares equal on these fields.
type FigureKey = (String, String, u32, Role, String);

fn key(f: &Figure) -> FigureKey {
    (
        f.label.clone(),
        f.text.clone(),
        f.line,
        f.role,
        f.unit.clone(),
    )
}

struct Chains {
    n: usize,
    list: Vec<Indicator>,
    /// Per edition: figure → indicator.
    at: Vec<HashMap<FigureKey, usize>>,
}

impl Chains {
    /// The indicator holding `f` in edition `i`, started when there is none.
    fn of(&mut self, i: usize, f: &Figure) -> usize {
        let k = key(f);
        if let Some(&idx) = self.at[i].get(&k) {
            return idx;
        }
        let idx = self.list.len();
        let mut values = vec![None; self.n];
        values[i] = Some(f.clone());
        self.list.push(Indicator {
            label: f.label.clone(),
            role: f.role,
            unit: f.unit.clone(),
            values,
            outcomes: Vec::new(),
        });
        self.at[i].insert(k, idx);
        idx
    }

    fn put(&mut self, idx: usize, i: usize, f: &Figure) {
        self.list[idx].values[i] = Some(f.clone());
        self.at[i].insert(key(f), idx);
    }
}

fn indicators(comparisons: &[Comparison], steps: &[Step]) -> Vec<Indicator> {
    let n = comparisons.len() + 1;
    let mut chains = Chains {
        n,
        list: Vec::new(),
        at: vec![HashMap::new(); n],
    };
    for (i, c) in comparisons.iter().enumerate() {
        for p in &c.figures {
            match (&p.old, &p.new) {
                (Some(o), Some(f)) => {
                    let idx = chains.of(i, o);
                    chains.put(idx, i + 1, f);
                }
                (Some(o), None) => {
                    chains.of(i, o);
                }
                (None, Some(f)) => {
                    chains.of(i + 1, f);
                }
                (None, None) => {}
            }
        }
        for p in &c.promises {
            let idx = chains.of(i, &p.target);
            let ind = &mut chains.list[idx];
            if ind.outcomes.is_empty() {
                ind.outcomes = vec![None; n];
            }
            ind.outcomes[i] = Some(Outcome::Checked {
                verdict: p.verdict,
                outcome: p.outcome.clone(),
            });
        }
    }
    // Goals no later edition can check: before a gap, and in the newest edition.
    for ind in chains.list.iter_mut().filter(|d| d.role == Role::Target) {
        for i in 0..n {
            let Some(f) = &ind.values[i] else { continue };
            if ind.outcomes.get(i).is_some_and(Option::is_some) || !is_goal(f) {
                continue;
            }
            let state = match steps.get(i) {
                None => Outcome::Pending,
                Some(s) if !s.is_consecutive() => Outcome::Gap,
                Some(_) => continue,
            };
            if ind.outcomes.is_empty() {
                ind.outcomes = vec![None; n];
            }
            ind.outcomes[i] = Some(state);
        }
    }
    let mut list: Vec<(usize, Indicator)> = chains
        .list
        .into_iter()
        .filter(|d| d.editions() >= 2)
        .enumerate()
        .collect();
    for (_, d) in &mut list {
        if let Some(f) = d.values.iter().rev().flatten().next() {
            d.label = f.label.clone();
        }
    }
    // Targets with outcomes, other targets, the rest; more editions first; then the order
    // the comparisons list them in (reading order of the editions).
    list.sort_by_key(|(pos, d)| {
        let group = if d.has_outcomes() {
            0
        } else if d.role == Role::Target {
            1
        } else {
            2
        };
        (group, std::cmp::Reverse(d.editions()), *pos)
    });
    list.into_iter().map(|(_, d)| d).collect()
}

fn initiatives(comparisons: &[Comparison]) -> Vec<InitiativeTrack> {
    let n = comparisons.len() + 1;
    let mut tracks = Tracks {
        list: Vec::new(),
        merged_into: Vec::new(),
        at: vec![HashMap::new(); n],
    };
    for (i, c) in comparisons.iter().enumerate() {
        for init in &c.initiatives {
            let old_name = match init.status {
                Status::New => None,
                Status::Renamed | Status::Upgraded | Status::Downgraded => {
                    Some(init.old_name.clone().unwrap_or_else(|| init.name.clone()))
                }
                _ => Some(init.name.clone()),
            };
            let new_name = (init.status != Status::Dropped).then(|| init.name.clone());
            // The track: the one this name belongs to in the older edition, else one that
            // named it before and lost it (a name coming back), else a new one.
            let found = old_name
                .as_ref()
                .and_then(|o| tracks.get(i, o))
                .or_else(|| tracks.returning(new_name.as_ref()?, i));
            let idx = found.unwrap_or_else(|| tracks.start(init, n));
            // A rename or upgrade onto a name the newer edition already gives another track
            // (`自贸试验区试点` → `自贸试验区`, which also continued): one initiative.
            let idx = match new_name.as_ref().and_then(|name| tracks.get(i + 1, name)) {
                Some(other) if other != idx => tracks.merge(idx, other),
                _ => idx,
            };
            let t = &mut tracks.list[idx];
            t.kind = init.kind;
            if let Some(o) = &old_name {
                t.present[i] = true;
                tracks.at[i].insert(o.clone(), idx);
            }
            let t = &mut tracks.list[idx];
            if let Some(name) = &new_name {
                t.present[i + 1] = true;
                t.name = name.clone();
                if let (Status::Renamed | Status::Upgraded | Status::Downgraded, Some(o)) =
                    (init.status, &old_name)
                    && o != name
                {
                    t.events.push(InitiativeEvent {
                        edition: i + 1,
                        status: init.status,
                        old_name: o.clone(),
                        new_name: name.clone(),
                        stage: init.stage.clone(),
                    });
                }
                tracks.at[i + 1].insert(name.clone(), idx);
            }
        }
    }
    let mut list: Vec<(usize, InitiativeTrack)> = tracks
        .list
        .into_iter()
        .enumerate()
        .filter(|(k, _)| tracks.merged_into[*k].is_none())
        .map(|(k, mut t)| {
            t.first_seen = t.present.iter().position(|&p| p).unwrap_or(0);
            t.last_seen = t.present.iter().rposition(|&p| p).unwrap_or(0);
            t.events.sort_by_key(|e| e.edition);
            (k, t)
        })
        .collect();
    list.sort_by_key(|(pos, t)| {
        let seen = t.present.iter().filter(|&&p| p).count();
        (std::cmp::Reverse(seen), t.first_seen, *pos)
    });
    list.into_iter().map(|(_, t)| t).collect()
}

/// Initiative tracks while they are built: a track merged into another forwards to it.
struct Tracks {
    list: Vec<InitiativeTrack>,
    merged_into: Vec<Option<usize>>,
    /// Per edition: name → track.
    at: Vec<HashMap<String, usize>>,
}

impl Tracks {
    fn root(&self, mut idx: usize) -> usize {
        while let Some(next) = self.merged_into[idx] {
            idx = next;
        }
        idx
    }

    fn get(&self, edition: usize, name: &str) -> Option<usize> {
        self.at[edition].get(name).map(|&k| self.root(k))
    }

    /// A track that went by `name` before edition `i` and is not named in it.
    fn returning(&self, name: &str, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .find_map(|e| self.get(e, name))
            .filter(|&k| !self.list[k].present[i])
    }

    fn start(&mut self, init: &crate::model::Initiative, n: usize) -> usize {
        self.list.push(InitiativeTrack {
            name: init.name.clone(),
            kind: init.kind,
            first_seen: 0,
            last_seen: 0,
            present: vec![false; n],
            events: Vec::new(),
        });
        self.merged_into.push(None);
        self.list.len() - 1
    }

    /// Merges track `from` into `into` and returns `into`.
    fn merge(&mut self, from: usize, into: usize) -> usize {
        let moved = std::mem::take(&mut self.list[from].events);
        let present = self.list[from].present.clone();
        let t = &mut self.list[into];
        t.events.extend(moved);
        for (p, q) in t.present.iter_mut().zip(present) {
            *p |= q;
        }
        self.merged_into[from] = Some(into);
        into
    }
}

/// The file-name prefix every edition shares (`national-gwr` of `…/national-gwr-2019.txt`),
/// else the newest edition's title.
fn series_name(editions: &[Edition]) -> String {
    let prefix = |source: &str| -> Option<String> {
        let file = source.rsplit(['/', '\\']).next()?;
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        let (prefix, year) = stem.rsplit_once('-')?;
        (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && !prefix.is_empty())
            .then(|| prefix.to_string())
    };
    let first = editions.first().and_then(|e| prefix(&e.source));
    if first.is_some() && editions.iter().all(|e| prefix(&e.source) == first) {
        return first.unwrap_or_default();
    }
    editions
        .last()
        .map_or_else(String::new, |e| e.title.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::OutlineOptions;

    fn doc(name: &str, text: &str) -> Document {
        crate::parse_text(name, text, OutlineOptions::default()).unwrap()
    }

    fn edition(year: i32, growth: &str, target: &str) -> String {
        format!(
            "一、{}年工作回顾\n过去一年，全区地区生产总值增长{growth}，经济运行总体平稳。\n二、{year}年主要任务\n今年主要预期目标是：地区生产总值增长{target}左右，城镇新增就业稳定。\n",
            year - 1
        )
    }

    #[test]
    fn too_few_editions_and_missing_years_are_errors() {
        let a = doc("s-2021.txt", &edition(2021, "5%", "6%"));
        let b = doc("s-2022.txt", &edition(2022, "6.1%", "5.5%"));
        let err = trend(&[a.clone(), b.clone()], &CompareOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "trend needs at least 3 editions of one series, got 2 (use diff for two)"
        );
        let mut c = b.clone();
        c.source = "s-2022b.txt".into();
        let err = trend(&[a, b, c], &CompareOptions::default()).unwrap_err();
        assert!(err.to_string().contains("both editions for 2022"), "{err}");
    }

    #[test]
    fn targets_meet_outcomes_and_gaps_stay_gaps() {
        let docs = [
            doc("s-2023.txt", &edition(2023, "5.2%", "5%")),
            doc("s-2021.txt", &edition(2021, "2.3%", "6%")),
            doc("s-2022.txt", &edition(2022, "8.1%", "5.5%")),
            doc("s-2025.txt", &edition(2025, "5%", "5%")),
        ];
        let t = trend(&docs, &CompareOptions::default()).unwrap();
        assert_eq!(t.series, "s");
        let years: Vec<Option<i32>> = t.editions.iter().map(|e| e.year).collect();
        assert_eq!(years, [Some(2021), Some(2022), Some(2023), Some(2025)]);
        assert_eq!(t.steps[2].missing_years, [2024]);
        let target = t
            .indicators
            .iter()
            .find(|d| d.role == Role::Target && d.label == "地区生产总值")
            .expect("the growth target is followed");
        let texts: Vec<Option<&str>> = target
            .values
            .iter()
            .map(|v| v.as_ref().map(|f| f.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                Some("6%左右"),
                Some("5.5%左右"),
                Some("5%左右"),
                Some("5%左右")
            ]
        );
        let outcome = |i: usize| match &target.outcomes[i] {
            Some(Outcome::Checked { outcome, verdict }) => format!(
                "{} {}",
                outcome.as_ref().map_or("-", |f| f.text.as_str()),
                verdict.as_str()
            ),
            other => format!("{other:?}"),
        };
        assert_eq!(outcome(0), "8.1% met");
        assert_eq!(outcome(1), "5.2% missed");
        assert_eq!(outcome(2), "Some(Gap)");
        assert_eq!(outcome(3), "Some(Pending)");
    }
}

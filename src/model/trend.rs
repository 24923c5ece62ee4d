//! A series of editions: indicators year by year, initiatives from first to last mention, and
//! the top-level parts, all read off the comparisons of consecutive editions.
//!
//! A [`Trend`] holds nothing a pairwise [`Comparison`](super::Comparison) does not: every cell
//! is a figure of a figure pair or a promise of one of those comparisons, so the trend always
//! agrees with `yoydiff diff` run on the same two editions.

use serde::{Deserialize, Serialize};

use super::{Figure, Kind, Lang, PairKind, Role, StageChange, Status, Summary, Verdict};

/// One edition of the series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    /// Where it came from.
    pub source: String,
    /// Its own year: the year its plan part is for.
    pub year: Option<i32>,
    /// Its language.
    pub lang: Lang,
    /// Its title.
    pub title: String,
    /// Its top-level headings in reading order (`一、2023年工作回顾`).
    pub parts: Vec<String>,
}

/// A top-level part that changed between two neighbouring editions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartChange {
    /// What happened: `renamed`, `moved`, `split`, `merged`, `added` or `removed` (parts that
    /// are only edited are not listed).
    pub kind: PairKind,
    /// The part's headings in the older edition (empty when added).
    pub old: Vec<String>,
    /// The part's headings in the newer edition (empty when removed).
    pub new: Vec<String>,
}

/// The comparison of two neighbouring editions, as the trend uses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Index of the older edition in [`Trend::editions`].
    pub old: usize,
    /// Index of the newer edition.
    pub new: usize,
    /// Years between the two that have no edition in the series. Not empty means a gap: the
    /// newer edition reviews another year than the one the older edition planned, so no
    /// target of the older edition is checked.
    pub missing_years: Vec<i32>,
    /// The comparison's summary counts, as `diff` gives them.
    pub summary: Summary,
    /// Top-level parts renamed, moved, split, merged, added or removed.
    pub parts: Vec<PartChange>,
}

impl Step {
    /// True when the newer edition is the next year's: its review reports on the year the
    /// older edition planned.
    pub fn is_consecutive(&self) -> bool {
        self.missing_years.is_empty()
    }
}

/// What the next edition says about a target, seen from the edition that set it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// The next year's edition is in the series: the promise as `diff` checks it.
    Checked {
        /// Whether the target was reached.
        verdict: Verdict,
        /// What the next edition's review reports, if anything.
        outcome: Option<Figure>,
    },
    /// The next year's edition is missing from the series, so nothing reports on the target.
    Gap,
    /// This is the newest edition: no later one reports on the target yet.
    Pending,
}

/// One indicator followed across the editions: the same figure as the pairwise comparisons
/// matched it, edition by edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// The label as the newest edition holding the indicator writes it.
    pub label: String,
    /// The role shared by all its figures.
    pub role: Role,
    /// The unit shared by all its figures.
    pub unit: String,
    /// One entry per edition, in the order of [`Trend::editions`]: the figure that edition
    /// gives, or `None`.
    pub values: Vec<Option<Figure>>,
    /// For targets only (empty otherwise): one entry per edition, what the next edition
    /// reports for the target that edition set; `None` where the edition sets none, or sets
    /// a target-like figure that is not a goal (`diff` makes no promise of it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Option<Outcome>>,
}

impl Indicator {
    /// How many editions give the indicator: as a value, or as the outcome of a target.
    pub fn editions(&self) -> usize {
        (0..self.values.len())
            .filter(|&i| self.values[i].is_some() || self.reported_in(i))
            .count()
    }

    /// True when edition `i` reports the outcome of the previous edition's target.
    fn reported_in(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.outcomes.get(i - 1),
                Some(Some(Outcome::Checked {
                    outcome: Some(_),
                    ..
                }))
            )
    }

    /// True when some edition's target was checked against an outcome.
    pub fn has_outcomes(&self) -> bool {
        self.outcomes.iter().any(|o| {
            matches!(
                o,
                Some(Outcome::Checked {
                    outcome: Some(_),
                    ..
                })
            )
        })
    }
}

/// A change of name along an initiative's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeEvent {
    /// Index of the edition that first uses the new name.
    pub edition: usize,
    /// `upgraded` (a later stage) or `renamed`.
    pub status: Status,
    /// The name in the edition before.
    pub old_name: String,
    /// The name from this edition on.
    pub new_name: String,
    /// The change of stage, for upgrades.
    pub stage: Option<StageChange>,
}

/// A named initiative from the first edition that names it to the last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeTrack {
    /// The name in the newest edition that names it.
    pub name: String,
    /// How it was recognised (in the newest comparison that names it).
    pub kind: Kind,
    /// Index of the first edition that names it.
    pub first_seen: usize,
    /// Index of the last edition that names it.
    pub last_seen: usize,
    /// One entry per edition: whether that edition names it.
    pub present: Vec<bool>,
    /// Upgrades and renames, oldest first.
    pub events: Vec<InitiativeEvent>,
}

/// Three or more editions of one series, followed year by year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    /// The version of the data contract (`docs/json-schema.md`).
    pub schema: String,
    /// The series: the file-name prefix the editions share (`national-gwr`), else the title.
    pub series: String,
    /// The editions, oldest first.
    pub editions: Vec<Edition>,
    /// The comparisons of neighbouring editions, oldest first (one fewer than editions).
    pub steps: Vec<Step>,
    /// Indicators found in at least two editions: targets checked against outcomes first,
    /// then other targets, then the rest; within each, those found in more editions first.
    pub indicators: Vec<Indicator>,
    /// Initiatives, those named in more editions first.
    pub initiatives: Vec<InitiativeTrack>,
}

impl Trend {
    /// The column heading of edition `i`: its year, else its source.
    pub fn edition_name(&self, i: usize) -> String {
        let e = &self.editions[i];
        e.year.map_or_else(|| e.source.clone(), |y| y.to_string())
    }
}

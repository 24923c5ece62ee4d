//! The briefing: the few facts a reader wants first, ranked, each pointing to where the
//! details are. It is derived from the rest of the comparison; nothing in it is found anew.

use serde::{Deserialize, Serialize};

use super::{Change, Verdict};

/// Where an entry's details are: the section path and the line in one edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Which edition the line is in.
    pub side: Side,
    /// Headings from the top of the outline down to the section.
    pub section: Vec<String>,
    /// 1-based line of that edition's input.
    pub line: u32,
}

/// One of the two editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Side {
    /// The older edition (year N).
    Old,
    /// The newer edition (year N+1).
    New,
}

/// A figure as the briefing quotes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The figure as written (`5.5%左右`, `$47.4 billion`).
    pub text: String,
    /// The number with its multiplier applied, as [`Figure::value`](super::Figure::value).
    pub value: f64,
    /// Where it stands.
    pub at: Place,
}

/// One headline indicator: last year's target, what the new edition reports for it, and the
/// new target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetRow {
    /// What the indicator measures (`国内生产总值`, `居民消费价格涨幅`).
    pub label: String,
    /// The unit shared by the row's figures.
    pub unit: String,
    /// The target the old edition set.
    pub last_target: Option<Quote>,
    /// The outcome the new edition reports for the old target.
    pub outcome: Option<Quote>,
    /// Whether the old target was reached; `None` when the old edition set none.
    pub verdict: Option<Verdict>,
    /// The target the new edition sets.
    pub this_target: Option<Quote>,
    /// This year's target minus last year's, when both are given.
    pub target_change: Option<Change>,
    /// True when the target stands in the edition's main list of targets (the sentence of
    /// its plan that sets the most targets), which media publish on the day.
    pub headline: bool,
}

/// A heading or lead sentence of the plan whose wording changed: often a change of stance
/// (`稳健的货币政策` → `适度宽松的货币政策`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceChange {
    /// The old wording.
    pub old: String,
    /// The new wording.
    pub new: String,
    /// Share of the characters of both wordings that the edit kept, in [0, 1]: near 1 for a
    /// changed modifier in a stock phrase, near 0 for a replaced heading.
    pub kept: f64,
    /// Where the new wording stands.
    pub at: Place,
}

/// How a section's place in the report changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Shift {
    /// Earlier among its siblings than before.
    Up,
    /// Later among its siblings than before.
    Down,
    /// A top-level part only in the new edition.
    Added,
    /// A top-level part only in the old edition.
    Removed,
}

impl Shift {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Shift::Up => "up",
            Shift::Down => "down",
            Shift::Added => "added",
            Shift::Removed => "removed",
        }
    }
}

/// A section that moved up or down among its siblings, or a top-level part added or removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityChange {
    /// What happened.
    pub shift: Shift,
    /// The section's title (the new one when it has both).
    pub title: String,
    /// 1-based place in the old edition among the siblings both editions have.
    pub old_rank: Option<usize>,
    /// 1-based place in the new edition among the siblings both editions have.
    pub new_rank: Option<usize>,
    /// Where the section starts.
    pub at: Place,
}

/// A new or dropped initiative as the briefing lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InitiativeNote {
    /// The name.
    pub name: String,
    /// Sentences naming it in the edition that has it.
    pub mentions: usize,
    /// Its first mention.
    pub at: Place,
}

/// A figure that moved far, beyond the targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureMove {
    /// What the figure measures.
    pub label: String,
    /// The old figure as written.
    pub old: String,
    /// The new figure as written.
    pub new: String,
    /// How far it moved.
    pub change: Change,
    /// Where the new figure stands.
    pub at: Place,
}

/// The facts a reader wants first, in the order every output shows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    /// Headline indicators: targets, outcomes and new targets, main list first.
    pub targets: Vec<TargetRow>,
    /// Targets beyond [`targets`](Self::targets) that the figures list holds.
    pub more_targets: usize,
    /// Changed wording of the plan's headings and lead sentences.
    pub stances: Vec<StanceChange>,
    /// Sections that moved up or down, parts added or removed.
    pub priorities: Vec<PriorityChange>,
    /// The strongest new initiatives.
    pub new_initiatives: Vec<InitiativeNote>,
    /// The strongest dropped initiatives.
    pub dropped_initiatives: Vec<InitiativeNote>,
    /// New and dropped initiatives beyond those listed.
    pub more_initiatives: [usize; 2],
    /// The strongest new wording: key terms only the new edition uses, strongest keyness
    /// first.
    #[serde(default)]
    pub new_terms: Vec<InitiativeNote>,
    /// New key terms beyond those listed.
    #[serde(default)]
    pub more_terms: usize,
    /// The figures that moved most by share of change, targets aside.
    pub movers: Vec<FigureMove>,
}

impl Briefing {
    /// True when the briefing has nothing to say.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
            && self.stances.is_empty()
            && self.priorities.is_empty()
            && self.new_initiatives.is_empty()
            && self.dropped_initiatives.is_empty()
            && self.new_terms.is_empty()
            && self.movers.is_empty()
    }
}

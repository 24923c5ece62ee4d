//! Figures: quantities with their labels, pairs of them across editions, and promises.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// What a figure says about the thing it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Role {
    /// A level or amount at a point in time (`完成180.97亿元`, `float was $147 billion`).
    Level,
    /// A change over a period, signed: `下降2.6%` is −2.6.
    Growth,
    /// A value the report sets out to reach (plan parts, `预期目标`, `力争`, `拟按`, `aim`).
    Target,
    /// A part of a whole or a rate (`占…比重`, `覆盖率`, `解决率`).
    Share,
    /// A place in a ranking (`位居全市第三` → 3; `前列` → 0, no place given).
    Rank,
    /// A number of things counted with a measure word (`859个`, `5629次`, `3600套`).
    Count,
    /// An increment over last year's value, signed: `比上年增加1500亿元` is +1500亿元 more
    /// than the year before, `比上年提高1个百分点` +1 pp. Not a level, and not a target even in
    /// a plan: the target is the level it changes.
    Change,
}

impl Role {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Level => "level",
            Role::Growth => "growth",
            Role::Target => "target",
            Role::Share => "share",
            Role::Rank => "rank",
            Role::Count => "count",
            Role::Change => "change",
        }
    }
}

/// How exact a figure claims to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// About (`左右`, `约`, `about`).
    Approx,
    /// No less than (`以上`, `不低于`, `at least`).
    AtLeast,
    /// No more than (`以内`, `不超过`, `at most`).
    AtMost,
    /// More than (`超过`, `超`, `余`, `多`, `more than`).
    Over,
    /// Less than, close to (`近`, `nearly`, `almost`).
    Under,
}

impl Qualifier {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
        }
    }
}

/// One quantity of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The thing measured (`区级一般公共预算收入`, `operating earnings`).
    pub label: String,
    /// What the figure says about it.
    pub role: Role,
    /// The number with its multiplier applied (`180.97亿元` → 18097000000); signed for growth.
    pub value: f64,
    /// The base unit without multiplier (`元`, `%`, `pp`, `人`, `平方米`, `USD`, `rank`).
    pub unit: String,
    /// The figure as written (`180.97亿元`, `5.5%左右`).
    pub text: String,
    /// How exact the figure claims to be; `None` when stated plainly.
    pub qualifier: Option<Qualifier>,
    /// The sentence that holds the figure, shared by every figure of that sentence (a copy
    /// per figure would make a sentence of n figures cost n times its length). A sentence over
    /// 2,000 bytes is kept as a window of 600 bytes on each side of the figure, marked `…`
    /// where it was cut. Serialised as a plain string.
    pub sentence: Arc<str>,
    /// Headings from the top of the outline down to the section holding the figure, as
    /// [`SectionRef::path`](super::SectionRef::path) gives them.
    pub section: Vec<String>,
    /// 1-based line of the original input where the figure starts.
    pub line: u32,
    /// The part of the report the figure stands in (review, plan or other), read from the
    /// top-level section's title or, when the title names no part, from its text.
    #[serde(default)]
    pub part: Part,
    /// For an amount in a table row of several years, the prior year's column in the same
    /// unit and scale (`Total net sales $ 383,285 (3) % $ 394,328` → 394,328 × 10⁶): what this
    /// edition says last year's figure was. `None` outside such rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior: Option<f64>,
    /// The figure speaks of several years, not of one: its clause says so (`五年年均增长5.2%`,
    /// `cumulative since 2019`) or it stands in a passage of several years (a five-year
    /// review's `审议法律议案50件`, a five-year plan's targets). Such a figure pairs only with
    /// another multi-year figure, and is never a target or an outcome of one year. Serialised
    /// only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub multi_year: bool,
}

/// What happened to a figure between two editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FigureStatus {
    /// Found in both editions with another value or qualifier.
    Changed,
    /// Found in both editions with the same value and qualifier.
    Unchanged,
    /// Only in the new edition.
    New,
    /// Only in the old edition.
    Dropped,
}

impl FigureStatus {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureStatus::Changed => "changed",
            FigureStatus::Unchanged => "unchanged",
            FigureStatus::New => "new",
            FigureStatus::Dropped => "dropped",
        }
    }
}

/// How far a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// New value minus old value, in the figure's unit (percentage points for `%`).
    pub absolute: f64,
    /// Absolute change over the old value; `None` for percentages, ranks and zero bases,
    /// where a ratio of ratios would mislead.
    pub relative: Option<f64>,
}

/// A figure as found in two editions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigurePair {
    /// The label (the new edition's when both have it).
    pub label: String,
    /// The role shared by both figures.
    pub role: Role,
    /// The unit shared by both figures.
    pub unit: String,
    /// What happened.
    pub status: FigureStatus,
    /// The figure in the old edition.
    pub old: Option<Figure>,
    /// The figure in the new edition.
    pub new: Option<Figure>,
    /// How far it moved, when in both editions.
    pub change: Option<Change>,
    /// A restatement: the new edition's prior-year column gives last year's figure another
    /// value than the old edition stated (`total net sales` $394,328 million in the old
    /// edition, restated as $394,000 million). `None` when they agree or there is no column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restated: Option<Restatement>,
}

/// Last year's figure as the old edition stated it and as the new edition's table restates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Restatement {
    /// The value the old edition gave.
    pub stated: f64,
    /// The value the new edition's prior-year column gives.
    pub restated: f64,
}

/// Whether a target was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// The outcome reaches the target, reading its qualifier and direction.
    Met,
    /// The outcome falls short.
    Missed,
    /// The next edition reports nothing for it.
    NotReported,
    /// An outcome was found but cannot be compared (the outcome is itself vague in the
    /// wrong direction, e.g. `近1100万` against `1100万以上`).
    Unclear,
}

impl Verdict {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::NotReported => "not_reported",
            Verdict::Unclear => "unclear",
        }
    }
}

/// A target set for year N and what edition N+1 reports for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    /// What the target is about.
    pub label: String,
    /// The target as set in edition N's plan part.
    pub target: Figure,
    /// The value edition N+1's review part reports, if any.
    pub outcome: Option<Figure>,
    /// Whether the target was reached.
    pub verdict: Verdict,
}

/// The part of a report a top-level section opens: what a figure there is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// Looking back (`2024年工作回顾`, `过去一年`, `Review of 2023`).
    Review,
    /// Looking ahead (`2025年主要任务`, `对今年政府工作的建议`, `总体要求`).
    Plan,
    /// Neither, or no headings to tell.
    #[default]
    Other,
}

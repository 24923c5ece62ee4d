//! Initiatives: named programmes with their status across editions, and the delivery of
//! last year's plans.

use serde::{Deserialize, Serialize};

/// One sentence that names an initiative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The whole sentence, as normalised.
    pub sentence: String,
    /// Headings from the top of the outline down to the section holding the sentence, as
    /// [`Section::heading_text`](super::Section::heading_text) writes them, so a
    /// mention can be tied to a `SectionRef` path.
    pub section: Vec<String>,
    /// Line of the original input where the sentence starts (1-based).
    pub line: u32,
}

/// What happened to an initiative between the editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Status {
    /// Only the new edition names it.
    New,
    /// Only the old edition names it.
    Dropped,
    /// Both editions name it.
    Continued,
    /// Both name it, the new one at a later stage (`7.0版` → `8.0版`, `三期` → `四期`,
    /// `试点` → `推广`).
    Upgraded,
    /// The new edition names the same thing differently, as aligned sentences show.
    Renamed,
    /// The reverse of [`Status::Upgraded`]: both name it, the new one at an earlier stage
    /// (`8.0版` → `7.0版`, `推广` → `试点`) or with words taken away
    /// (`降低全社会物流成本专项行动` → `降低物流成本行动`). Swapping the editions turns every
    /// upgrade into this and back.
    Downgraded,
}

impl Status {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Dropped => "dropped",
            Status::Continued => "continued",
            Status::Upgraded => "upgraded",
            Status::Renamed => "renamed",
            Status::Downgraded => "downgraded",
        }
    }

    /// The status the same entry has when the two editions are swapped: new and dropped
    /// exchange, so do upgraded and downgraded; continued and renamed stay.
    pub fn mirrored(self) -> Status {
        match self {
            Status::New => Status::Dropped,
            Status::Dropped => Status::New,
            Status::Upgraded => Status::Downgraded,
            Status::Downgraded => Status::Upgraded,
            s => s,
        }
    }
}

/// How an initiative was recognised; tells a reader how much to trust it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Kind {
    /// Between quotation marks (`“上海硅巷”`), accepted by the noise filter.
    Quoted,
    /// Between title marks (`《…》`): a plan, law or document.
    Titled,
    /// A versioned or phased plan (`营商环境建设7.0版`, `三期`).
    Versioned,
    /// Named by a programme suffix (`…行动`, `…计划`, `…工程`; `… Scheme`, `… Fund`).
    Programme,
    /// A key term used in one edition only, found by n-gram counts, not by a name pattern.
    Term,
}

impl Kind {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quoted => "quoted",
            Kind::Titled => "titled",
            Kind::Versioned => "versioned",
            Kind::Programme => "programme",
            Kind::Term => "term",
        }
    }
}

/// A change of stage between the editions (`7.0版` → `8.0版`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    /// The stage in the old edition.
    pub old: String,
    /// The stage in the new edition.
    pub new: String,
}

/// A named programme, plan, project or brand, with what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initiative {
    /// The name as the newer edition writes it (the older one for dropped initiatives),
    /// without enclosing quotation marks.
    pub name: String,
    /// What happened to it.
    pub status: Status,
    /// Sentences of the old edition that name it (at most [`MAX_MENTIONS`]).
    pub old: Vec<Mention>,
    /// Sentences of the new edition that name it (at most [`MAX_MENTIONS`]).
    pub new: Vec<Mention>,
    /// The old name, for renamed, upgraded and downgraded initiatives.
    pub old_name: Option<String>,
    /// How it was recognised.
    pub kind: Kind,
    /// The stage change, for initiatives upgraded or downgraded by a version, phase or pilot
    /// stage.
    pub stage: Option<StageChange>,
    /// How many sentences name it in the old and the new edition (before the mention cap).
    pub count: [usize; 2],
    /// For key terms (kind [`Kind::Term`]): the log-likelihood G² of the term's uses in its
    /// edition against none in the other, the rank key of the new-wording list. `None` for
    /// named initiatives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyness: Option<f64>,
}

/// Mentions kept per side: enough to show where a name sits, small enough that an
/// omnipresent name (`十四五`) does not swamp the JSON.
pub const MAX_MENTIONS: usize = 8;
/// Plans of the old edition, split by whether the new edition's review reports on them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Delivery {
    /// Named in the old plan and in the new review. `old` holds the plan sentences, `new`
    /// the review sentences.
    pub delivered: Vec<Initiative>,
    /// Named in the old plan, never in the new review. `old` holds the plan sentences;
    /// `new` any sentences of the new edition outside its review (a plan repeated).
    pub silent: Vec<Initiative>,
}

impl Delivery {
    /// True when there is nothing to show, e.g. because a report has no plan or no review.
    pub fn is_empty(&self) -> bool {
        self.delivered.is_empty() && self.silent.is_empty()
    }
}

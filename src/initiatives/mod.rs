//! Initiatives: named programmes, plans and projects, and their status across editions.
//!
//! Three steps, one submodule each:
//! - [`detect`] finds named things in one edition (quoted names, versioned plans, programmes
//!   named by their suffix, English programme names) and throws out emphasis words, idioms,
//!   political formulas and things the report wants to avoid. The rules are in
//!   `docs/initiatives.md`.
//! - [`status`] decides, for two editions, which initiatives are new, dropped, continued,
//!   upgraded or renamed, and finds new key terms by n-gram counts.
//! - [`delivery`] checks which initiatives of edition N's plan part edition N+1's review part
//!   reports on.
//!
//! Presence in the other edition is decided on its whole text, not on what [`detect`] found
//! there: a programme launched with a verb in one year is often only named in passing the next,
//! and calling it "dropped" would be wrong.

pub mod delivery;
pub mod detect;
pub mod status;
pub mod terms;
mod text;

use serde::Serialize;

use crate::compare::SectionPair;
use crate::outline::Document;

pub use delivery::Delivery;
pub use detect::{Detected, detect};
pub use text::Part;

/// One sentence that names an initiative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The whole sentence, as normalised.
    pub sentence: String,
    /// Headings from the top of the outline down to the section holding the sentence, as
    /// [`Section::heading_text`](crate::outline::Section::heading_text) writes them, so a
    /// mention can be tied to a `SectionRef` path.
    pub section: Vec<String>,
    /// Line of the original input where the sentence starts (1-based).
    pub line: u32,
}

/// What happened to an initiative between the editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
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
        }
    }
}

/// How an initiative was recognised; tells a reader how much to trust it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageChange {
    /// The stage in the old edition.
    pub old: String,
    /// The stage in the new edition.
    pub new: String,
}

/// A named programme, plan, project or brand, with what happened to it.
#[derive(Debug, Clone, Serialize)]
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
    /// The old name, for renamed and upgraded initiatives.
    pub old_name: Option<String>,
    /// How it was recognised.
    pub kind: Kind,
    /// The stage change, for upgraded initiatives.
    pub stage: Option<StageChange>,
    /// How many sentences name it in the old and the new edition (before the mention cap).
    pub count: [usize; 2],
}

/// Mentions kept per side: enough to show where a name sits, small enough that an
/// omnipresent name (`十四五`) does not swamp the JSON.
pub const MAX_MENTIONS: usize = 8;

/// Finds the initiatives of two editions and their status, and which plans of the old
/// edition the new one reports back on.
///
/// `sections` is the section alignment of the same two documents
/// ([`Comparison::sections`](crate::compare::Comparison::sections)); it lets a renamed
/// initiative be recognised through sentences that sit in aligned sections. An empty slice
/// works too, with a stricter bar for renames.
///
/// The list is ordered by status (new, dropped, upgraded, renamed, continued), then by
/// where the initiative first appears.
pub fn compare_initiatives(
    old: &Document,
    new: &Document,
    sections: &[SectionPair],
) -> (Vec<Initiative>, Delivery) {
    let old_text = text::Edition::of(old);
    let new_text = text::Edition::of(new);
    let list = status::compare_editions(&old_text, &new_text, sections);
    let delivery = delivery::delivery(&old_text, &new_text, &list);
    (list, delivery)
}

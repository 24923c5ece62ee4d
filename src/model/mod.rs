//! The data model: what every stage produces and every renderer reads.
//!
//! A [`Document`] is one edition outlined into [`Section`]s; a [`Comparison`] is everything
//! found between two editions. Both derive `Serialize` and `Deserialize` with the field names of
//! the JSON contract in `docs/json-schema.md`, so a Rust program can read yoydiff's JSON back
//! into these types. Nothing here depends on how the stages work: the model imports no stage,
//! and every stage and renderer imports the model.

mod briefing;
mod comparison;
mod document;
mod figures;
mod initiatives;
mod text;
mod trend;

pub use briefing::{
    Briefing, FigureMove, InitiativeNote, Place, PriorityChange, Quote, Shift, Side, StanceChange,
    TargetRow,
};
pub use comparison::{
    Comparison, DocInfo, FigureCounts, InitiativeCounts, PairKind, PromiseCounts, SectionCounts,
    SectionPair, SectionRef, SentenceCounts, Summary,
};
pub use document::{Document, InputFormat, Lang, Paragraph, Section, SectionKind};
pub use figures::{
    Change, Figure, FigurePair, FigureStatus, Part, Promise, Qualifier, Restatement, Role, Verdict,
};
pub use initiatives::{Delivery, Initiative, Kind, MAX_MENTIONS, Mention, StageChange, Status};
pub use text::{ChangeKind, InlineOp, InlineTag, SentenceChange};
pub use trend::{
    Edition, Indicator, InitiativeEvent, InitiativeTrack, Outcome, PartChange, Step, Trend,
};

/// The version of the JSON contract every JSON output carries in its `schema` field.
pub const SCHEMA: &str = "yoydiff/1";

//! A comparison of two editions: section pairs, sentence changes, figures, initiatives and
//! the summary that heads every output.

use serde::{Deserialize, Serialize};

use super::{
    Briefing, ChangeKind, Delivery, FigurePair, FigureStatus, Initiative, InputFormat, Lang, Part,
    Promise, SectionKind, SentenceChange, Status, Verdict,
};

/// What happened to a section between the editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PairKind {
    /// Same title and same text (allowing for the year shift).
    Unchanged,
    /// Same title, different text.
    Edited,
    /// Different title.
    Renamed,
    /// Now under another parent, or in another order among its siblings.
    Moved,
    /// One old section became several new ones.
    Split,
    /// Several old sections became one new one.
    Merged,
    /// Only in the new edition.
    Added,
    /// Only in the old edition.
    Removed,
}

impl PairKind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [PairKind; 8] = [
        PairKind::Unchanged,
        PairKind::Edited,
        PairKind::Renamed,
        PairKind::Moved,
        PairKind::Split,
        PairKind::Merged,
        PairKind::Added,
        PairKind::Removed,
    ];

    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            PairKind::Unchanged => "unchanged",
            PairKind::Edited => "edited",
            PairKind::Renamed => "renamed",
            PairKind::Moved => "moved",
            PairKind::Split => "split",
            PairKind::Merged => "merged",
            PairKind::Added => "added",
            PairKind::Removed => "removed",
        }
    }
}

/// A section as seen from a pair: where it sits in its edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionRef {
    /// Headings from the top of the outline down to this section.
    pub path: Vec<String>,
    /// Numbering as written.
    pub number: String,
    /// Title.
    pub title: String,
    /// Depth in the outline, 1 at the top.
    pub level: u32,
    /// Kind of section.
    pub kind: SectionKind,
    /// The part of the report the section stands in, read from its top-level section.
    #[serde(default)]
    pub part: Part,
    /// First and last line in the original input.
    pub lines: [u32; 2],
}

/// Old sections and the new sections they became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionPair {
    /// What happened.
    pub kind: PairKind,
    /// Content similarity in [0, 1] (1 for unchanged, 0 for added and removed).
    pub similarity: f64,
    /// The old sections (empty when added).
    pub old: Vec<SectionRef>,
    /// The new sections (empty when removed).
    pub new: Vec<SectionRef>,
    /// Share of the pair's own text (not its children's) that changed, in [0, 1]: characters
    /// deleted and inserted over characters on both sides.
    pub text_changed: f64,
    /// Sentence-level changes inside the pair, in reading order.
    pub changes: Vec<SentenceChange>,
}

/// One edition as the comparison names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocInfo {
    /// Where it came from.
    pub source: String,
    /// Its own year, when found.
    pub year: Option<i32>,
    /// Its language.
    pub lang: Lang,
    /// Its title.
    pub title: String,
    /// The encoding it was read in (`UTF-8`, `gb18030`, `UTF-16LE`…).
    pub encoding: String,
    /// The format it was read from.
    #[serde(default)]
    pub format: InputFormat,
    /// What turned it into text (`pdf-extract`, `pdftotext`, `docx`, `html`); `None` for
    /// plain text.
    #[serde(default)]
    pub extractor: Option<String>,
}

/// Defines a struct of counts keyed by an enum: one field per key, read with `get`, listed in
/// output order with `rows`. Typed fields make a misspelt key a compile error, and the JSON
/// keeps one key per field.
macro_rules! counts {
    ($(#[$doc:meta])* $name:ident by $key:ty { $($field:ident => $variant:expr),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $(
                #[doc = concat!("How many are `", stringify!($field), "`.")]
                pub $field: usize,
            )+
        }

        impl $name {
            /// The count for one key.
            pub fn get(&self, key: $key) -> usize {
                $(if key == $variant { return self.$field; })+
                0
            }

            /// Counts one more of `key`.
            pub(crate) fn add(&mut self, key: $key) {
                $(if key == $variant { self.$field += 1; return; })+
            }

            /// Every count with its output name, in the order outputs list them.
            pub fn rows(&self) -> Vec<(&'static str, usize)> {
                vec![$((stringify!($field), self.$field)),+]
            }

            /// The sum of all counts.
            pub fn total(&self) -> usize {
                0 $(+ self.$field)+
            }
        }
    };
}

counts! {
    /// Section pairs by kind.
    SectionCounts by PairKind {
        unchanged => PairKind::Unchanged,
        edited => PairKind::Edited,
        renamed => PairKind::Renamed,
        moved => PairKind::Moved,
        split => PairKind::Split,
        merged => PairKind::Merged,
        added => PairKind::Added,
        removed => PairKind::Removed,
    }
}

counts! {
    /// Sentence changes by kind.
    SentenceCounts by ChangeKind {
        reworded => ChangeKind::Reworded,
        added => ChangeKind::Added,
        removed => ChangeKind::Removed,
        moved => ChangeKind::Moved,
    }
}

counts! {
    /// Figure pairs by status.
    FigureCounts by FigureStatus {
        changed => FigureStatus::Changed,
        new => FigureStatus::New,
        dropped => FigureStatus::Dropped,
        unchanged => FigureStatus::Unchanged,
    }
}

counts! {
    /// Initiatives by status.
    InitiativeCounts by Status {
        new => Status::New,
        dropped => Status::Dropped,
        upgraded => Status::Upgraded,
        renamed => Status::Renamed,
        downgraded => Status::Downgraded,
        continued => Status::Continued,
    }
}

counts! {
    /// Promises by verdict.
    PromiseCounts by Verdict {
        met => Verdict::Met,
        missed => Verdict::Missed,
        not_reported => Verdict::NotReported,
        unclear => Verdict::Unclear,
    }
}

/// Counts that head every output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// Section pairs by kind.
    pub sections: SectionCounts,
    /// Sentence changes by kind.
    pub sentences: SentenceCounts,
    /// Cosine similarity of the two whole texts.
    pub similarity: f64,
    /// Share of all text that changed, in [0, 1]: characters deleted and inserted over the
    /// characters of both editions.
    pub text_changed: f64,
    /// The year shift used (new minus old; 0 when comparing literally).
    pub year_shift: i32,
    /// Figure pairs by status.
    pub figures: FigureCounts,
    /// Named initiatives by status; key terms are counted apart, in
    /// [`key_terms`](Self::key_terms).
    pub initiatives: InitiativeCounts,
    /// Key terms (new wording, kind [`Kind::Term`](crate::model::Kind::Term)) by status: only
    /// `new` and `dropped` occur.
    #[serde(default)]
    pub key_terms: InitiativeCounts,
    /// Promises by verdict.
    pub promises: PromiseCounts,
}

/// Everything yoydiff found between two editions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The version of the data contract (`docs/json-schema.md`) this value follows.
    pub schema: String,
    /// The older edition.
    pub old: DocInfo,
    /// The newer edition.
    pub new: DocInfo,
    /// Counts and overall similarity.
    pub summary: Summary,
    /// The few facts a reader wants first, derived from the rest.
    #[serde(default)]
    pub briefing: Briefing,
    /// Section pairs in reading order of the new edition; removed sections sit after the
    /// section that preceded them in the old edition.
    pub sections: Vec<SectionPair>,
    /// Figures of both editions, matched.
    pub figures: Vec<FigurePair>,
    /// Named initiatives: new, dropped, upgraded, renamed, continued.
    pub initiatives: Vec<Initiative>,
    /// Targets of the old edition's plan checked against the new edition's review.
    pub promises: Vec<Promise>,
    /// Plans of the old edition that the new review reports on, and those it never mentions.
    pub delivery: Delivery,
}

impl Comparison {
    /// True when anything differs between the editions.
    pub fn has_changes(&self) -> bool {
        self.sections.iter().any(|p| p.kind != PairKind::Unchanged)
            || self
                .figures
                .iter()
                .any(|f| f.status != FigureStatus::Unchanged)
    }

    /// Number of pairs of a kind.
    pub fn count(&self, kind: PairKind) -> usize {
        self.summary.sections.get(kind)
    }
}

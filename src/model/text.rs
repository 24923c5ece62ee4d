//! Sentence changes inside a pair of sections, with their inline word diffs.

use serde::{Deserialize, Serialize};

/// What happened to a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ChangeKind {
    /// Only in the new edition.
    Added,
    /// Only in the old edition.
    Removed,
    /// The same sentence, edited.
    Reworded,
    /// The same sentence (maybe lightly edited) in another place.
    Moved,
}

impl ChangeKind {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Reworded => "reworded",
            ChangeKind::Moved => "moved",
        }
    }
}

/// One run of an inline diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum InlineTag {
    /// In both sentences.
    Equal,
    /// Only in the old sentence.
    Delete,
    /// Only in the new sentence.
    Insert,
}

/// A run of text with its tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlineOp {
    /// Whether the run was kept, deleted or inserted.
    pub op: InlineTag,
    /// The text of the run (for equal runs, as the new sentence has it).
    pub text: String,
    /// For an equal run whose old text differs only by the year shift (`2023` kept as
    /// `2024`): the old text, so that both sentences can be rebuilt from the runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_text: Option<String>,
}

/// A change to one sentence inside a pair of sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceChange {
    /// What happened.
    pub kind: ChangeKind,
    /// The old sentence, if any.
    pub old: Option<String>,
    /// The new sentence, if any.
    pub new: Option<String>,
    /// Line of the old sentence in the old input.
    pub old_line: Option<u32>,
    /// Line of the new sentence in the new input.
    pub new_line: Option<u32>,
    /// Inline word diff for reworded and edited moved sentences; empty otherwise.
    pub inline: Vec<InlineOp>,
    /// For moves: the old section's path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_section: Option<Vec<String>>,
    /// For moves: the new section's path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_section: Option<Vec<String>>,
}

impl SentenceChange {
    /// Characters deleted plus characters inserted by this change.
    pub fn changed_chars(&self) -> usize {
        let chars = |s: &Option<String>| s.as_deref().map_or(0, |t| t.chars().count());
        match self.kind {
            ChangeKind::Added | ChangeKind::Removed => chars(&self.old) + chars(&self.new),
            ChangeKind::Reworded | ChangeKind::Moved => self
                .inline
                .iter()
                .filter(|r| r.op != InlineTag::Equal)
                .map(|r| r.text.chars().count())
                .sum(),
        }
    }
}

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
mod rename;
pub mod status;
pub mod terms;
mod text;

use crate::model::{Delivery, Document, Initiative, SectionPair};

/// Finds the initiatives of two editions and their status, and which plans of the old
/// edition the new one reports back on.
///
/// `sections` is the section alignment of the same two documents
/// ([`Comparison::sections`](crate::model::Comparison::sections)); it lets a renamed
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
    prepare(old, new).finish(sections)
}

/// [`compare_initiatives`] before the section alignment is known: the editions flattened and
/// every step that reads only them done, so a caller can align the sections meanwhile.
pub(crate) struct Prepared<'a> {
    old: text::Edition<'a>,
    /// `None` when both sides are the same text: the old edition serves as both.
    new: Option<text::Edition<'a>>,
    status: status::Prepared,
}

/// The half of [`compare_initiatives`] that does not need the alignment.
pub(crate) fn prepare<'a>(old: &'a Document, new: &'a Document) -> Prepared<'a> {
    let old_text = text::Edition::of(old);
    if old.sections == new.sections {
        // The same text twice (a file compared with itself): one flattened edition serves as
        // both, so detection and lookups run once and their memo is shared.
        let status = status::prepare_editions(&old_text, &old_text);
        return Prepared {
            old: old_text,
            new: None,
            status,
        };
    }
    let new_text = text::Edition::of(new);
    let status = status::prepare_editions(&old_text, &new_text);
    Prepared {
        old: old_text,
        new: Some(new_text),
        status,
    }
}

impl Prepared<'_> {
    /// The rest of [`compare_initiatives`], given the section alignment.
    pub(crate) fn finish(self, sections: &[SectionPair]) -> (Vec<Initiative>, Delivery) {
        let old = &self.old;
        let new = self.new.as_ref().unwrap_or(old);
        let list = status::finish_editions(self.status, old, new, sections);
        let delivery = delivery::delivery(old, new, &list);
        (list, delivery)
    }
}

//! yoydiff compares two editions of the same annual report and tells a reader what changed.
//!
//! The pipeline runs one way: read bytes ([`input`]) → clean text ([`normalize`]) → outline
//! ([`outline`]) → compare two outlines ([`compare`]) → render ([`render`]).

pub mod align;
pub mod batch;
pub mod compare;
pub mod error;
pub mod exit_codes;
pub mod figures;
pub mod heading;
pub mod initiatives;
pub mod input;
pub mod normalize;
pub mod outline;
pub mod output;
pub mod part;
pub mod render;
pub mod script;
pub mod segment;
pub mod sentence;
pub mod similarity;
pub mod textdiff;
mod vocab;
pub mod year;

pub use error::{Error, Result};

use input::Source;
use outline::{Document, OutlineOptions};

/// Reads, normalises and outlines one report: the first half of the pipeline in one call.
///
/// `encoding` forces an encoding instead of detecting it. A source with no text left after
/// normalisation is an error, so callers never compare empty documents.
pub fn load_document(
    source: &Source,
    encoding: Option<&'static encoding_rs::Encoding>,
    options: OutlineOptions,
) -> Result<Document> {
    let decoded = input::read_source(source, encoding)?;
    let clean = normalize::normalize(&decoded.text);
    if clean.paragraphs.is_empty() {
        return Err(Error::NoText {
            name: source.display_name(),
        });
    }
    Ok(outline::parse(&source.display_name(), &clean, options))
}

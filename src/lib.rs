//! yoydiff compares two editions of the same annual report and tells a reader what changed:
//! sections added, dropped, renamed, moved, split or merged; sentences reworded; figures and
//! whether last year's targets were met; initiatives new, dropped, renamed or upgraded.
//!
//! The pipeline runs one way: bytes → text → [`Document`] → [`Comparison`] → render. This page
//! is the whole public API: load or parse documents, compare two, follow three or more as a
//! [`trend`](crate::trend()), render the result, and the data model in [`model`].
//!
//! ```
//! use yoydiff::{CompareOptions, OutlineOptions, compare, parse_text};
//!
//! let old = parse_text(
//!     "2023.txt",
//!     "一、2023年工作回顾\n全年地区生产总值增长5%。\n二、2024年主要任务\n推进“智慧城市”建设。\n",
//!     OutlineOptions::default(),
//! )?;
//! let new = parse_text(
//!     "2024.txt",
//!     "一、2024年工作回顾\n全年地区生产总值增长5.2%。\n二、2025年主要任务\n推进“智慧城市”建设。\n",
//!     OutlineOptions::default(),
//! )?;
//! let comparison = compare(&old, &new, &CompareOptions::default());
//! assert_eq!(comparison.summary.year_shift, 1);
//! assert!(comparison.has_changes());
//!
//! let mut json = Vec::new();
//! yoydiff::render::json::write_comparison(&mut json, &comparison)?;
//! let back: yoydiff::model::Comparison = serde_json::from_slice(&json).unwrap();
//! assert_eq!(back, comparison);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Features: `cli` (default) builds the `yoydiff` binary, the terminal renderer and `batch`;
//! `term` alone gives the terminal renderer. With `--no-default-features` the library needs
//! neither clap, console, comfy-table, indicatif nor rayon.

pub mod model;
pub mod render;

mod align;
#[cfg(feature = "cli")]
pub mod batch;
mod briefing;
mod compare;
mod error;
pub mod exit_codes;
mod figures;
mod formats;
mod heading;
mod initiatives;
mod input;
mod normalize;
mod outline;
mod output;
mod part;
mod script;
mod segment;
mod sentence;
mod similarity;
mod textdiff;
mod trend;
mod vocab;
mod year;

pub use compare::{CompareOptions, YearShift, compare};
pub use error::{Error, Result};
pub use formats::Origin;
pub use input::{
    DecodedText, MAX_INPUT_BYTES, Source, Warning, decode, encoding_for_label, read_source,
};
pub use model::{Comparison, Document, Figure, InputFormat, Lang};
pub use outline::OutlineOptions;
pub use output::write_atomically;
pub use trend::{MIN_EDITIONS, TrendError, trend, trend_from};

/// A report read and outlined, with what reading it had to repair.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The outlined report.
    pub document: Document,
    /// Repairs made while decoding (damaged UTF-8, control characters), for the caller to
    /// show; the library prints nothing.
    pub warnings: Vec<input::Warning>,
}

/// Reads, normalises and outlines one report: the first half of the pipeline in one call.
///
/// PDF, Word (DOCX) and HTML inputs are told by their content and read directly; the
/// document's `format` and `extractor` say how. `encoding` forces an encoding for text and
/// web pages instead of detecting it. A source with no text left after
/// normalisation is an error, so callers never compare empty documents.
pub fn load(
    source: &Source,
    encoding: Option<&'static encoding_rs::Encoding>,
    options: OutlineOptions,
) -> Result<Loaded> {
    let decoded = input::read_source(source, encoding)?;
    let mut document = parse_text(&source.display_name(), &decoded.text, options)?;
    document.encoding = decoded.encoding.to_string();
    document.format = decoded.origin.format;
    document.extractor = decoded.origin.extractor.map(str::to_string);
    Ok(Loaded {
        document,
        warnings: decoded.warnings,
    })
}

/// [`load`] without the warnings, for callers that have no one to show them to (tests,
/// benchmarks). A program with a user should call [`load`].
pub fn load_document(
    source: &Source,
    encoding: Option<&'static encoding_rs::Encoding>,
    options: OutlineOptions,
) -> Result<Document> {
    load(source, encoding, options).map(|l| l.document)
}

/// Normalises and outlines text already in memory; `name` is how outputs refer to it.
///
/// Text with nothing left after normalisation (only blank lines or page numbers) is an
/// [`Error::NoText`].
pub fn parse_text(name: &str, text: &str, options: OutlineOptions) -> Result<Document> {
    let clean = normalize::normalize(text);
    if clean.paragraphs.is_empty() {
        return Err(Error::NoText {
            name: name.to_string(),
        });
    }
    let mut doc = outline::parse(name, &clean, options);
    doc.pages = formats::page_starts(text);
    Ok(doc)
}

/// Compiles ahead of need the patterns figures are read by (numbers, ranks, labels, targets,
/// the costliest of the program), which otherwise cost the first comparison of a process a
/// few milliseconds. A caller with an idle core runs this on a thread of its own while it
/// reads its inputs; the patterns are shared, so calling it changes no result.
///
/// `sample` is the start of an input: the patterns of Chinese are compiled when it has a Han
/// character, those of English when it has an ASCII letter (an empty sample: both).
pub fn prepare_patterns(sample: &str) {
    // One tiny edition in each language with a figure of each kind.
    const CHINESE: &str = "一、2023年工作回顾\n\n国内生产总值增长5.2%，达到126万亿元，\
        城镇新增就业1244万人，居全国第二位。\n\n二、2024年工作建议\n\n国内生产总值增长5%左右。\n";
    const ENGLISH: &str = "Review of 2023\n\nRevenue decreased 3% to $383.3 billion in \
        2023.\n\nOutlook\n\nWe expect growth of 2 percent.\n";
    let any = sample.is_empty();
    let chinese = any || sample.chars().any(script::is_han);
    let english = any || sample.bytes().any(|b| b.is_ascii_alphabetic());
    let wanted = [(chinese, CHINESE), (english, ENGLISH)];
    // The number patterns first, the costliest and needed by nothing that reads the inputs;
    // then the rest of figure reading, whose outline patterns the inputs' reading shares.
    for (_, text) in wanted.iter().filter(|(w, _)| *w) {
        figures::number::scan(text, text.chars().any(script::is_han));
    }
    for (_, text) in wanted.iter().filter(|(w, _)| *w) {
        if let Ok(doc) = parse_text("patterns", text, OutlineOptions::default()) {
            figures::extract(&doc);
        }
    }
}

/// The figures of one edition in reading order, each with its label, role and unit.
pub fn extract_figures(doc: &Document) -> Vec<Figure> {
    figures::extract(doc)
}

/// Building blocks of the pipeline, for the benchmarks and the test suite. Not part of the
/// API: names and signatures here change without notice.
#[doc(hidden)]
pub mod internals {
    pub use crate::align::align;
    pub use crate::figures::number::parse_quantity;
    pub use crate::figures::{extract, match_figures, promises};
    pub use crate::initiatives::compare_initiatives;
    pub use crate::initiatives::detect::{Verdict as NoiseVerdict, detect, judge_sentence};
    pub use crate::input::Utf8Scan;
    pub use crate::normalize::normalize;
    pub use crate::outline::parse;
    pub use crate::part::{Part, part_of_section};
    pub use crate::script::display_width;
    pub use crate::segment::Segmenter;
    pub use crate::similarity::dice;
}

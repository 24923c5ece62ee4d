//! JSON output per the `yoydiff/1` contract in `docs/json-schema.md`.

use std::io::{self, Write};

use serde::Serialize;

use super::SCHEMA;
use crate::model::Comparison;
use crate::model::Figure;
use crate::model::Trend;
use crate::model::{Document, InputFormat, Lang, Section};

#[derive(Serialize)]
struct OutlineJson<'a> {
    schema: &'static str,
    source: &'a str,
    year: Option<i32>,
    lang: Lang,
    title: &'a str,
    encoding: &'a str,
    format: InputFormat,
    extractor: Option<&'a str>,
    #[serde(skip_serializing_if = "<[u32]>::is_empty")]
    pages: &'a [u32],
    sections: &'a [Section],
}

/// Writes the outline of one document (`yoydiff outline --format json`).
pub fn write_outline<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    let value = OutlineJson {
        schema: SCHEMA,
        source: &doc.source,
        year: doc.year,
        lang: doc.lang,
        title: &doc.title,
        encoding: &doc.encoding,
        format: doc.format,
        extractor: doc.extractor.as_deref(),
        pages: &doc.pages,
        sections: &doc.sections,
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// Writes a whole comparison (`yoydiff diff --format json`). The comparison carries its own
/// `schema` field, so it is written as it is.
pub fn write_comparison<W: Write>(out: &mut W, comparison: &Comparison) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, comparison)?;
    writeln!(out)
}

#[derive(Serialize)]
struct FiguresJson<'a> {
    schema: &'static str,
    source: &'a str,
    year: Option<i32>,
    lang: Lang,
    figures: &'a [Figure],
}

/// Writes the figures of one document (`yoydiff figures --format json`).
pub fn write_figures<W: Write>(out: &mut W, doc: &Document, figures: &[Figure]) -> io::Result<()> {
    let value = FiguresJson {
        schema: SCHEMA,
        source: &doc.source,
        year: doc.year,
        lang: doc.lang,
        figures,
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// Writes a trend (`yoydiff trend --format json`). The trend carries its own `schema` field.
pub fn write_trend<W: Write>(out: &mut W, trend: &Trend) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, trend)?;
    writeln!(out)
}

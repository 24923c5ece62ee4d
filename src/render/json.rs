//! JSON output per the `yoydiff/1` contract in `docs/json-schema.md`.

use std::io::{self, Write};

use serde::Serialize;

use super::SCHEMA;
use crate::compare::Comparison;
use crate::outline::{Document, Lang, Section};

#[derive(Serialize)]
struct OutlineJson<'a> {
    schema: &'static str,
    source: &'a str,
    year: Option<i32>,
    lang: Lang,
    title: &'a str,
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
        sections: &doc.sections,
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

#[derive(Serialize)]
struct ComparisonJson<'a> {
    schema: &'static str,
    #[serde(flatten)]
    comparison: &'a Comparison,
    figures: [(); 0],
    initiatives: [(); 0],
    promises: [(); 0],
}

/// Writes a whole comparison (`yoydiff diff --format json`).
pub fn write_comparison<W: Write>(out: &mut W, comparison: &Comparison) -> io::Result<()> {
    let value = ComparisonJson {
        schema: SCHEMA,
        comparison,
        figures: [],
        initiatives: [],
        promises: [],
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

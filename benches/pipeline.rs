//! Benchmarks of the comparison pipeline on the real sample pair
//! (`samples/national-gwr-2022.txt` → `samples/national-gwr-2023.txt`).
//!
//! All benchmarks live in one group, `pipeline`, and start from already-decoded text, so
//! file I/O, encoding detection and rendering are not measured:
//!
//! - `normalize`: [`normalize`] of the 2022 text.
//! - `outline`: `normalize` + [`parse`] of the 2022 text.
//! - `segmenter_start`: building the Chinese word segmenter, which a comparison of Chinese
//!   reports needs once (to set against `diff_total`).
//! - `compare`: [`yoydiff::compare`] of the two editions, both already normalised and parsed:
//!   section alignment, sentence alignment, moves and inline word diffs.
//! - `figures`: figure extraction from both editions (already parsed).
//! - `initiatives`: initiative detection and status for both editions, without the section
//!   alignment.
//! - `diff_total`: normalise + parse both editions + compare them, i.e. what `yoydiff diff`
//!   does minus reading the files and rendering the result.
//! - `diff_total_4x` and `diff_total_10x`: the same as `diff_total` on synthetic pairs about
//!   four and ten times larger.
//!   Each edition is grown by writing every body line (everything between the first heading
//!   and the closing, except the heading lines themselves) four (ten) times, as its own
//!   paragraph.
//!   Headings, their numbering sequence, the preamble and the closing stay as they are, so
//!   the outline keeps its shape and only the sections get longer and the items more numerous.
//!   (Simply concatenating a report with itself would restart `一、`… mid-document, break the
//!   numbering and fold the copies into the last section, which measures a different outline.)
//!
//! Every benchmark reports throughput in input bytes (for `compare`, `diff_total` and
//! `diff_total_4x`: both editions together), so `diff_total` and `diff_total_4x` can be read
//! side by side: equal MB/s means cost grows linearly with size, lower MB/s for `_4x` means
//! it grows faster than linearly.
//!
//! Comparing runs (name the bench target: a bare `cargo bench -- …` would also hand the
//! options to the libtest harness of the library and binary, which rejects them):
//!
//! ```text
//! cargo bench --bench pipeline -- --save-baseline main   # on the reference revision
//! cargo bench --bench pipeline -- --baseline main        # on the revision under test
//! ```
//!
//! Criterion then prints the change against `main` for every benchmark; HTML reports land
//! under `target/criterion/`. A filter narrows the run, e.g. `-- pipeline/compare`.

use std::collections::HashSet;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use yoydiff::CompareOptions;
use yoydiff::OutlineOptions;
use yoydiff::internals::{normalize, parse};
use yoydiff::model::Comparison;
use yoydiff::model::Document;
use yoydiff::model::SectionKind;

const OLD_NAME: &str = "samples/national-gwr-2022.txt";
const NEW_NAME: &str = "samples/national-gwr-2023.txt";
const OLD_TEXT: &str = include_str!("../samples/national-gwr-2022.txt");
const NEW_TEXT: &str = include_str!("../samples/national-gwr-2023.txt");

/// How many times the scaled pair writes each body line.
const SCALE: usize = 4;
/// The larger scaling factor, for `diff_total_10x`.
const SCALE_10X: usize = 10;

fn outline_of(name: &str, text: &str) -> Document {
    let clean = normalize(text);
    parse(name, &clean, OutlineOptions::default())
}

/// What `yoydiff diff` does between decoding and rendering.
fn diff(old: &str, new: &str, options: &CompareOptions) -> Comparison {
    let old_doc = outline_of(OLD_NAME, old);
    let new_doc = outline_of(NEW_NAME, new);
    yoydiff::compare(&old_doc, &new_doc, options)
}

/// Grows a report by writing each body line `times` times, as separate paragraphs.
///
/// The body runs from the first heading to the closing (or the end). Heading lines, as the
/// outline parser itself recognises them, are written once, so the numbering stays valid.
fn scale_body(text: &str, times: usize) -> String {
    let doc = outline_of("scale", text);
    let sections = doc.walk();
    let heading_lines: HashSet<u32> = sections
        .iter()
        .filter(|s| s.kind == SectionKind::Heading)
        .map(|s| s.lines.0)
        .collect();
    let first_heading = *heading_lines
        .iter()
        .min()
        .expect("the sample report has headings");
    let closing = sections
        .iter()
        .find(|s| s.kind == SectionKind::Closing)
        .map_or(u32::MAX, |s| s.lines.0);

    let mut out = String::with_capacity(text.len() * times);
    // Line numbers as `normalize` counts them: 1-based, split on '\n'.
    for (number, line) in (1u32..).zip(text.split('\n')) {
        out.push_str(line);
        out.push('\n');
        let body = number > first_heading && number < closing;
        if body && !heading_lines.contains(&number) && !line.trim().is_empty() {
            for _ in 1..times {
                out.push('\n');
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// Checks that a scaled report still outlines like the original: same headings, same
/// top-level shape, same year and closing.
fn check_scaled(original: &str, scaled: &str, name: &str) {
    let a = outline_of(name, original);
    let b = outline_of(name, scaled);
    assert_eq!(
        a.count(SectionKind::Heading),
        b.count(SectionKind::Heading),
        "{name}: scaling changed the headings"
    );
    assert_eq!(
        a.sections.len(),
        b.sections.len(),
        "{name}: scaling changed the top-level outline"
    );
    assert_eq!(a.year, b.year, "{name}: scaling changed the detected year");
    assert_eq!(
        a.count(SectionKind::Closing),
        b.count(SectionKind::Closing),
        "{name}: scaling changed the closing"
    );
}

fn bytes(texts: &[&str]) -> Throughput {
    Throughput::Bytes(texts.iter().map(|t| t.len() as u64).sum())
}

fn pipeline(c: &mut Criterion) {
    let options = CompareOptions::default();
    let old_doc = outline_of(OLD_NAME, OLD_TEXT);
    let new_doc = outline_of(NEW_NAME, NEW_TEXT);

    let old_4x = scale_body(OLD_TEXT, SCALE);
    let new_4x = scale_body(NEW_TEXT, SCALE);
    check_scaled(OLD_TEXT, &old_4x, OLD_NAME);
    check_scaled(NEW_TEXT, &new_4x, NEW_NAME);
    assert!(
        !diff(&old_4x, &new_4x, &options).sections.is_empty(),
        "the scaled pair compares to nothing"
    );

    let mut group = c.benchmark_group("pipeline");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));

    group.throughput(bytes(&[OLD_TEXT]));
    group.bench_function("segmenter_start", |b| {
        b.iter(yoydiff::internals::Segmenter::new)
    });
    group.bench_function("normalize", |b| b.iter(|| normalize(black_box(OLD_TEXT))));
    group.bench_function("outline", |b| {
        b.iter(|| outline_of(OLD_NAME, black_box(OLD_TEXT)))
    });

    // Tens of milliseconds and up per iteration: flat sampling keeps 20 samples within the
    // measurement time (linear sampling would need 210 iterations).
    group.sampling_mode(SamplingMode::Flat);

    group.throughput(bytes(&[OLD_TEXT, NEW_TEXT]));
    group.bench_function("compare", |b| {
        b.iter(|| yoydiff::compare(black_box(&old_doc), black_box(&new_doc), &options))
    });
    group.bench_function("figures", |b| {
        b.iter(|| {
            (
                yoydiff::extract_figures(black_box(&old_doc)),
                yoydiff::extract_figures(black_box(&new_doc)),
            )
        })
    });
    group.bench_function("initiatives", |b| {
        b.iter(|| {
            yoydiff::internals::compare_initiatives(black_box(&old_doc), black_box(&new_doc), &[])
        })
    });
    group.bench_function("diff_total", |b| {
        b.iter(|| diff(black_box(OLD_TEXT), black_box(NEW_TEXT), &options))
    });

    // About 0.2 s per iteration: 20 samples of one iteration need a little more time.
    group.measurement_time(Duration::from_secs(5));
    group.throughput(bytes(&[&old_4x, &new_4x]));
    group.bench_function("diff_total_4x", |b| {
        b.iter(|| diff(black_box(&old_4x), black_box(&new_4x), &options))
    });

    let old_10x = scale_body(OLD_TEXT, SCALE_10X);
    let new_10x = scale_body(NEW_TEXT, SCALE_10X);
    check_scaled(OLD_TEXT, &old_10x, OLD_NAME);
    check_scaled(NEW_TEXT, &new_10x, NEW_NAME);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(bytes(&[&old_10x, &new_10x]));
    group.bench_function("diff_total_10x", |b| {
        b.iter(|| diff(black_box(&old_10x), black_box(&new_10x), &options))
    });

    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);

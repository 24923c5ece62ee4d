//! Benchmarks of the comparison pipeline, phase by phase, on three pairs:
//!
//! - `1x`: the real sample pair (`samples/national-gwr-2022.txt` → `…-2023.txt`, ~50 KB each).
//! - `10x` and `50x`: pairs about ten and fifty times that size. With `YOYDIFF_CORPUS` set
//!   (the folder holding `zh/`), each side is a concatenation of *different* reports: the old
//!   side joins the earlier edition of every consecutive pair of `zh/*.txt` (Hailar,
//!   national, provincial), the new side the next editions of the same pairs in the same
//!   order, until the old side is 10 (50) times the sample; the 50× pair goes round the
//!   sixteen pairs about three times. The text really grows and changes, as a long report
//!   does. Without the corpus, both sides repeat the sample pair instead (and say so on
//!   stderr), which measures the pipeline on repeated text: cheaper, since repeats pair as
//!   exact copies, so read those figures as a lower bound.
//!
//! Phases (all from decoded text, so file I/O, encoding detection and rendering are out):
//!
//! - `parse`: normalise + outline both editions ([`yoydiff::parse_text`]).
//! - `align`: section alignment alone ([`yoydiff::internals::align`]).
//! - `figures`: figure extraction from both editions.
//! - `initiatives`: initiative detection, status and delivery for both editions.
//! - `compare`: the whole [`yoydiff::compare`] (alignment, sentence diffs, moves, figures,
//!   initiatives, briefing) of the parsed editions.
//! - `self`: [`yoydiff::compare`] of the new edition against itself, which short-circuits;
//!   set it against `compare` (the target is at least five times faster).
//! - `segmenter_start`: building the Chinese word segmenter, once per process.
//! - `fixed/process_2kb`: the whole `yoydiff diff OLD NEW --format json` process on a 2 KB pair
//!   (the first 700 characters of each sample): what every run pays whatever its size
//!   (process start, compiling the patterns a run needs, building tables), set against
//!   `fixed/compare_2kb`, the same pair compared in this process once everything is built.
//!
//! Throughput is in input bytes (both editions), so the three sizes read side by side: equal
//! MB/s means a phase grows linearly with size, lower MB/s at `50x` that it grows faster.
//!
//! ```text
//! YOYDIFF_CORPUS=../shared/corpus cargo bench --bench pipeline -- --save-baseline main
//! YOYDIFF_CORPUS=../shared/corpus cargo bench --bench pipeline -- --baseline main
//! cargo bench --bench pipeline -- pipeline/1x       # a filter narrows the run
//! ```
//!
//! Name the bench target: a bare `cargo bench -- …` also hands the options to the libtest
//! harness of the library and binary, which rejects them. The whole-process comparison with
//! `git diff` is `benches/vs-git.sh`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use yoydiff::model::Document;
use yoydiff::{CompareOptions, OutlineOptions, Source};

const OLD_TEXT: &str = include_str!("../samples/national-gwr-2022.txt");
const NEW_TEXT: &str = include_str!("../samples/national-gwr-2023.txt");

fn outline(name: &str, text: &str) -> Document {
    yoydiff::parse_text(name, text, OutlineOptions::default()).expect("the bench text outlines")
}

/// Consecutive editions `(older, newer)` of every `PREFIX-YYYY.txt` series in `zh/`.
fn corpus_pairs(corpus: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join("zh"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let series = |p: &Path| {
        let stem = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        stem.rsplit_once('-').map(|(s, _)| s.to_string())
    };
    files
        .windows(2)
        .filter(|w| series(&w[0]).is_some() && series(&w[0]) == series(&w[1]))
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect()
}

fn read(path: &Path) -> String {
    yoydiff::read_source(&Source::Path(path.to_path_buf()), None)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .text
}

/// A pair whose old side is about `factor` times the sample's (see the module docs).
fn scaled_pair(factor: usize, corpus_texts: &[(String, String)]) -> (String, String) {
    let target = factor * OLD_TEXT.len();
    let (mut old, mut new) = (String::new(), String::new());
    let fallback = [(OLD_TEXT.to_string(), NEW_TEXT.to_string())];
    let texts = if corpus_texts.is_empty() {
        &fallback[..]
    } else {
        corpus_texts
    };
    for (a, b) in texts.iter().cycle() {
        if old.len() >= target {
            break;
        }
        old.push_str(a);
        old.push_str("\n\n");
        new.push_str(b);
        new.push_str("\n\n");
    }
    (old, new)
}

fn phases(c: &mut Criterion, label: &str, old_text: &str, new_text: &str, samples: usize) {
    let options = CompareOptions::default();
    let old = outline("old", old_text);
    let new = outline("new", new_text);
    let mut group = c.benchmark_group(format!("pipeline/{label}"));
    group
        .sample_size(samples)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes((old_text.len() + new_text.len()) as u64));
    group.bench_function("parse", |b| {
        b.iter(|| {
            (
                outline("old", black_box(old_text)),
                outline("new", new_text),
            )
        })
    });
    group.bench_function("align", |b| {
        b.iter(|| drop(yoydiff::internals::align(black_box(&old), &new, 1)))
    });
    group.bench_function("figures", |b| {
        b.iter(|| {
            (
                yoydiff::extract_figures(black_box(&old)),
                yoydiff::extract_figures(&new),
            )
        })
    });
    group.bench_function("initiatives", |b| {
        b.iter(|| yoydiff::internals::compare_initiatives(black_box(&old), &new, &[]))
    });
    group.bench_function("compare", |b| {
        b.iter(|| yoydiff::compare(black_box(&old), &new, &options))
    });
    group.bench_function("self", |b| {
        b.iter(|| yoydiff::compare(black_box(&new), &new, &options))
    });
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let corpus_texts: Vec<(String, String)> = match std::env::var_os("YOYDIFF_CORPUS") {
        Some(dir) => corpus_pairs(Path::new(&dir))
            .iter()
            .map(|(a, b)| (read(a), read(b)))
            .collect(),
        None => {
            eprintln!("pipeline: YOYDIFF_CORPUS not set; the 10x and 50x pairs repeat the sample");
            Vec::new()
        }
    };
    c.benchmark_group("pipeline")
        .bench_function("segmenter_start", |b| {
            b.iter(yoydiff::internals::Segmenter::new)
        });
    fixed_cost(c);
    phases(c, "1x", OLD_TEXT, NEW_TEXT, 20);
    let (old, new) = scaled_pair(10, &corpus_texts);
    phases(c, "10x", &old, &new, 10);
    let (old, new) = scaled_pair(50, &corpus_texts);
    phases(c, "50x", &old, &new, 10);
}

/// The first 700 characters of a text (about 2 KB of Chinese).
fn head(text: &str) -> &str {
    let end = text.char_indices().nth(700).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

fn fixed_cost(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let old_path = dir.path().join("old-2kb.txt");
    let new_path = dir.path().join("new-2kb.txt");
    std::fs::write(&old_path, head(OLD_TEXT)).expect("the 2 KB old side is written");
    std::fs::write(&new_path, head(NEW_TEXT)).expect("the 2 KB new side is written");
    let options = CompareOptions::default();
    let old = outline("old", head(OLD_TEXT));
    let new = outline("new", head(NEW_TEXT));
    let mut group = c.benchmark_group("fixed");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("process_2kb", |b| {
        b.iter(|| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_yoydiff"))
                .arg("diff")
                .arg(&old_path)
                .arg(&new_path)
                .args(["--format", "json"])
                .output()
                .expect("yoydiff runs");
            assert!(out.status.success(), "yoydiff diff failed on the 2 KB pair");
            out.stdout.len()
        })
    });
    group.bench_function("compare_2kb", |b| {
        b.iter(|| yoydiff::compare(black_box(&old), &new, &options))
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);

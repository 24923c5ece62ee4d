//! Many comparisons in one run (`yoydiff batch PAIRS`), as JSON Lines.
//!
//! PAIRS is either a tab-separated list of `OLD<TAB>NEW` inputs, or a folder of editions named
//! `PREFIX-YYYY.txt` (or `.md`): editions with the same prefix are sorted by year and each one
//! is compared with the one before it, so `gwr-2019.txt`, `gwr-2021.txt` pair up even when
//! 2020 is missing (the same rule as the corpus smoke run).
//!
//! Pairs run in parallel (rayon); lines come out in the order of the pairs, so two runs over
//! the same input give the same file. A pair that fails still gets a line, with an `error`
//! field, so a pipeline can see which one failed without parsing stderr.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::compare::{CompareOptions, compare};
use crate::input::{Source, Warning};
use crate::model::Comparison;
use crate::render::SCHEMA;

/// Two inputs to compare, as the user wrote them (paths, `-` is not allowed, or `REV:PATH`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The older edition.
    pub old: String,
    /// The newer edition.
    pub new: String,
}

/// Why the list of pairs could not be read. One line, naming the input.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The PAIRS argument does not exist.
    #[error("{0}: no such file or folder")]
    NotFound(String),
    /// Reading the list or the folder failed.
    #[error("{name}: cannot read: {source}")]
    Read {
        /// The PAIRS argument.
        name: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line of the list is not `OLD<TAB>NEW`.
    #[error("{name}:{line}: expected OLD<TAB>NEW, got {text:?}")]
    BadLine {
        /// The PAIRS argument.
        name: String,
        /// 1-based line number.
        line: usize,
        /// The line as read.
        text: String,
    },
    /// Nothing to compare.
    #[error(
        "{0}: no pairs found (expected OLD<TAB>NEW lines, or a folder of PREFIX-YYYY.txt files with two editions of one prefix)"
    )]
    Empty(String),
}

/// Reads the pairs from a list file or a folder.
pub fn read_pairs(arg: &str) -> Result<Vec<Pair>, BatchError> {
    let path = Path::new(arg);
    if !path.exists() {
        return Err(BatchError::NotFound(arg.to_string()));
    }
    let pairs = if path.is_dir() {
        pairs_in_folder(path).map_err(|source| BatchError::Read {
            name: arg.to_string(),
            source,
        })?
    } else {
        let text = std::fs::read_to_string(path).map_err(|source| BatchError::Read {
            name: arg.to_string(),
            source,
        })?;
        parse_tsv(arg, &text)?
    };
    if pairs.is_empty() {
        return Err(BatchError::Empty(arg.to_string()));
    }
    Ok(pairs)
}

/// Parses `OLD<TAB>NEW` lines. Blank lines and `#` comments are skipped, and so is a first
/// line `old<TAB>new` (a spreadsheet header).
pub fn parse_tsv(name: &str, text: &str) -> Result<Vec<Pair>, BatchError> {
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        match fields.as_slice() {
            [old, new] if !old.is_empty() && !new.is_empty() => {
                if i == 0 && old.eq_ignore_ascii_case("old") && new.eq_ignore_ascii_case("new") {
                    continue;
                }
                pairs.push(Pair {
                    old: old.to_string(),
                    new: new.to_string(),
                });
            }
            _ => {
                return Err(BatchError::BadLine {
                    name: name.to_string(),
                    line: i + 1,
                    text: line.to_string(),
                });
            }
        }
    }
    Ok(pairs)
}

/// The prefix and year of an edition file name (`national-gwr-2023.txt` → `national-gwr`,
/// 2023).
pub fn edition_of(file_name: &str) -> Option<(&str, i32)> {
    let stem = file_name
        .strip_suffix(".txt")
        .or_else(|| file_name.strip_suffix(".md"))?;
    let (prefix, year) = stem.rsplit_once('-')?;
    if prefix.is_empty() || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((prefix, year.parse().ok()?))
}

/// The editions of a folder by series: prefix → (year, path), oldest first.
pub fn series_in_folder(dir: &Path) -> std::io::Result<BTreeMap<String, Vec<(i32, PathBuf)>>> {
    let mut series: BTreeMap<String, Vec<(i32, PathBuf)>> = BTreeMap::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if let Some((prefix, year)) = edition_of(name) {
            series
                .entry(prefix.to_string())
                .or_default()
                .push((year, entry.path()));
        }
    }
    for editions in series.values_mut() {
        editions.sort();
    }
    Ok(series)
}

/// Pairs the editions of a folder: same prefix, neighbouring years.
pub fn pairs_in_folder(dir: &Path) -> std::io::Result<Vec<Pair>> {
    let mut pairs = Vec::new();
    for editions in series_in_folder(dir)?.into_values() {
        for w in editions.windows(2) {
            pairs.push(Pair {
                old: w[0].1.to_string_lossy().into_owned(),
                new: w[1].1.to_string_lossy().into_owned(),
            });
        }
    }
    Ok(pairs)
}

/// How every pair is read and compared.
#[derive(Debug, Clone, Copy, Default)]
pub struct BatchOptions {
    /// Comparison options (year shift, language).
    pub compare: CompareOptions,
    /// A forced input encoding.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// One pair's outcome: the comparison, or the one-line message `diff` would print, and what
/// reading its inputs had to repair.
#[derive(Debug, Clone)]
pub struct PairResult {
    /// The comparison, or why there is none.
    pub comparison: Result<Comparison, String>,
    /// Warnings from reading the inputs, old first, for the caller to show.
    pub warnings: Vec<Warning>,
}

/// Reads and compares one pair. Each input is read exactly as `diff` reads an argument
/// ([`Source::from_arg`]), so a list line gets the same checks (a `REV:PATH` whose revision
/// starts with `-` is refused).
pub fn run_pair(pair: &Pair, options: &BatchOptions) -> PairResult {
    let mut warnings = Vec::new();
    let mut load = |arg: &str| {
        crate::load(
            &Source::from_arg(arg),
            options.encoding,
            options.compare.outline,
        )
        .map(|loaded| {
            warnings.extend(loaded.warnings);
            loaded.document
        })
        .map_err(|e| e.to_string())
    };
    let comparison = if pair.old == "-" || pair.new == "-" {
        Err("standard input (-) cannot be read in a batch".to_string())
    } else {
        load(&pair.old).and_then(|old| {
            let new = load(&pair.new)?;
            Ok(compare(&old, &new, &options.compare))
        })
    };
    PairResult {
        comparison,
        warnings,
    }
}

/// Runs every pair in parallel; results come back in the order of `pairs`. `done` is called
/// once per finished pair, from any thread (for a progress bar).
pub fn run_all<F>(pairs: &[Pair], options: &BatchOptions, done: F) -> Vec<PairResult>
where
    F: Fn() + Sync,
{
    pairs
        .par_iter()
        .map(|p| {
            let r = run_pair(p, options);
            done();
            r
        })
        .collect()
}

#[derive(Serialize)]
struct Line<'a> {
    schema: &'static str,
    #[serde(flatten)]
    comparison: &'a Comparison,
}

#[derive(Serialize)]
struct ErrorSide<'a> {
    source: &'a str,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    schema: &'static str,
    old: ErrorSide<'a>,
    new: ErrorSide<'a>,
    error: &'a str,
}

/// One JSON Lines record (without the newline): the whole comparison as `diff --format json`
/// gives it, or `{schema, old: {source}, new: {source}, error}` for a pair that failed.
pub fn json_line(pair: &Pair, result: &Result<Comparison, String>) -> String {
    let value = match result {
        Ok(c) => serde_json::to_string(&Line {
            schema: SCHEMA,
            comparison: c,
        }),
        Err(e) => serde_json::to_string(&ErrorLine {
            schema: SCHEMA,
            old: ErrorSide { source: &pair.old },
            new: ErrorSide { source: &pair.new },
            error: e,
        }),
    };
    // Serialising plain data into a string cannot fail.
    value.expect("serialise a comparison")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edition_names() {
        assert_eq!(
            edition_of("national-gwr-2023.txt"),
            Some(("national-gwr", 2023))
        );
        assert_eq!(edition_of("letter-2019.md"), Some(("letter", 2019)));
        assert_eq!(edition_of("2023.txt"), None);
        assert_eq!(edition_of("notes-23.txt"), None);
        assert_eq!(edition_of("report-2023.pdf"), None);
    }

    #[test]
    fn tsv_lines_comments_and_header() {
        let pairs = parse_tsv("p", "old\tnew\n# comment\n\na.txt\tb.txt\r\n").unwrap();
        assert_eq!(
            pairs,
            vec![Pair {
                old: "a.txt".into(),
                new: "b.txt".into()
            }]
        );
        let err = parse_tsv("p", "a.txt b.txt\n").unwrap_err().to_string();
        assert!(err.starts_with("p:1: expected OLD<TAB>NEW"), "{err}");
    }
}

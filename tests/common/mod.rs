//! Helpers shared by the integration tests: the corpus folder named by `YOYDIFF_CORPUS`, the
//! sample reports, loading and reporting. Each test target uses a different part of them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use regex::Regex;
use yoydiff::input::Source;
use yoydiff::load_document;
use yoydiff::normalize::normalize;
use yoydiff::outline::{Document, OutlineOptions, parse};

/// The environment variable that names the corpus folder.
pub const CORPUS_VAR: &str = "YOYDIFF_CORPUS";

/// The corpus folder, or `None` (after printing a note) when `YOYDIFF_CORPUS` is unset.
///
/// Panics when the variable is set but the folder, or its `zh/` or `en/` subfolder, is missing:
/// a run that asked for the corpus must not pass without looking at it.
pub fn corpus() -> Option<PathBuf> {
    let test = std::thread::current()
        .name()
        .unwrap_or("corpus test")
        .to_string();
    let Some(value) = std::env::var_os(CORPUS_VAR) else {
        eprintln!(
            "note: {test}: skipped, {CORPUS_VAR} is not set \
             (set it to the corpus folder, e.g. {CORPUS_VAR}=../shared/corpus)"
        );
        return None;
    };
    assert!(
        !value.is_empty(),
        "{CORPUS_VAR} is set but empty; set it to the corpus folder or unset it"
    );
    let dir = PathBuf::from(value);
    assert!(
        dir.is_dir(),
        "{CORPUS_VAR}={}: the corpus folder does not exist or is not a directory",
        dir.display()
    );
    for sub in ["zh", "en"] {
        let path = dir.join(sub);
        assert!(
            path.is_dir(),
            "{CORPUS_VAR}={}: the corpus folder has no `{sub}` subfolder ({} is missing)",
            dir.display(),
            path.display()
        );
    }
    Some(dir)
}

/// The files of one series (`zh`, `national-gwr`), by the year in their names, oldest first.
/// Panics when the series is empty: a corpus without it is not the corpus these tests know.
pub fn series(dir: &Path, sub: &str, prefix: &str) -> Vec<(i32, PathBuf)> {
    let folder = dir.join(sub);
    let pattern = Regex::new(&format!(r"^{}-(\d{{4}})\.txt$", regex::escape(prefix))).unwrap();
    let entries = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display()));
    let mut files: Vec<(i32, PathBuf)> = entries
        .map(|e| e.unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display())))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let year = pattern.captures(&name)?[1].parse().ok()?;
            Some((year, e.path()))
        })
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no {prefix}-YYYY.txt files in {}",
        folder.display()
    );
    files
}

/// Every series of the corpus, found by name: the `PREFIX-YYYY.txt` files of `zh/` and `en/`,
/// grouped by folder and prefix (`zh/national-gwr`), each oldest first. A file whose name has
/// no year belongs to no series.
pub fn all_series(dir: &Path) -> Vec<(String, Vec<(i32, PathBuf)>)> {
    let pattern = Regex::new(r"^(.+)-(\d{4})\.txt$").unwrap();
    let mut groups: std::collections::BTreeMap<String, Vec<(i32, PathBuf)>> = Default::default();
    for sub in ["zh", "en"] {
        for path in files_of(dir, sub) {
            let file = name(&path);
            let Some(c) = pattern.captures(&file) else {
                continue;
            };
            let year: i32 = c[2].parse().unwrap();
            groups
                .entry(format!("{sub}/{}", &c[1]))
                .or_default()
                .push((year, path));
        }
    }
    let mut out: Vec<(String, Vec<(i32, PathBuf)>)> = groups.into_iter().collect();
    for (_, files) in &mut out {
        files.sort();
    }
    out
}

/// Every `.txt` file of one language folder, sorted.
pub fn files_of(dir: &Path, sub: &str) -> Vec<PathBuf> {
    let folder = dir.join(sub);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display()))
        .map(|e| {
            e.unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .txt files in {}", folder.display());
    files
}

/// Every `.txt` file of the corpus, in both languages.
pub fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = files_of(dir, "zh");
    files.extend(files_of(dir, "en"));
    files
}

pub fn load(path: &Path) -> Document {
    load_document(
        &Source::Path(path.to_path_buf()),
        None,
        OutlineOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{}: cannot load: {e}", path.display()))
}

/// A file's text, decoded the way the product decodes it (the Hailar reports are GB18030).
pub fn raw(path: &Path) -> String {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    yoydiff::input::decode(&path.display().to_string(), &bytes, None)
        .unwrap_or_else(|e| panic!("cannot decode {}: {e}", path.display()))
        .text
}

pub fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    )
}

/// Fails with every finding, one a line.
pub fn report(test: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{test}: {} problem(s):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

/// A sample report shipped in `samples/`.
pub fn sample_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// A sample report, outlined.
pub fn load_sample(name: &str) -> Document {
    load(&sample_path(name))
}

/// A sample report's text.
pub fn sample_text(name: &str) -> String {
    raw(&sample_path(name))
}

/// An outline of `text` (a hand-made edition), named `name`.
pub fn from_text(name: &str, text: &str) -> Document {
    parse(name, &normalize(text), OutlineOptions::default())
}

//! Helpers shared by the integration tests: the corpus folder named by `YOYDIFF_CORPUS`, the
//! sample reports, loading and reporting. Each test target uses a different part of them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use regex::Regex;
use yoydiff::OutlineOptions;
use yoydiff::Source;
use yoydiff::internals::normalize;
use yoydiff::internals::parse;
use yoydiff::load_document;
use yoydiff::model::Document;

/// The environment variable that names the corpus folder.
pub const CORPUS_VAR: &str = "YOYDIFF_CORPUS";

/// The corpus folder named by `YOYDIFF_CORPUS`.
///
/// Corpus tests are `#[ignore = "needs YOYDIFF_CORPUS"]`, so this runs only when someone asked
/// for them; then a missing variable or folder fails the test with a message, never a pass.
pub fn corpus() -> PathBuf {
    let value = std::env::var_os(CORPUS_VAR).unwrap_or_else(|| {
        panic!(
            "{CORPUS_VAR} is not set: corpus tests need it \
             (e.g. {CORPUS_VAR}=../shared/corpus cargo test -- --include-ignored)"
        )
    });
    assert!(
        !value.is_empty(),
        "{CORPUS_VAR} is set but empty; set it to the corpus folder"
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
    dir
}

/// Every series of text editions in a language folder, found by name (`PREFIX-YYYY.txt`):
/// prefix → editions by year, oldest first. Only series with two or more editions are kept,
/// since a lone edition has nothing to be compared with.
pub fn all_series(
    dir: &Path,
    sub: &str,
) -> std::collections::BTreeMap<String, Vec<(i32, PathBuf)>> {
    let pattern = Regex::new(r"^(.+)-(\d{4})\.txt$").unwrap();
    let mut out: std::collections::BTreeMap<String, Vec<(i32, PathBuf)>> = Default::default();
    for path in files_of(dir, sub) {
        let name = name(&path);
        if let Some(c) = pattern.captures(&name) {
            let year = c[2].parse().unwrap();
            out.entry(c[1].to_string()).or_default().push((year, path));
        }
    }
    out.retain(|_, v| v.len() >= 2);
    for v in out.values_mut() {
        v.sort();
    }
    out
}

/// Every pair of consecutive editions in the corpus, in both languages.
pub fn consecutive_pairs(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    for sub in ["zh", "en"] {
        for editions in all_series(dir, sub).values() {
            for w in editions.windows(2) {
                pairs.push((w[0].1.clone(), w[1].1.clone()));
            }
        }
    }
    pairs
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
/// no year belongs to no series; a lone edition is a series of one.
pub fn every_series(dir: &Path) -> Vec<(String, Vec<(i32, PathBuf)>)> {
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

/// A file's text, decoded the way the product decodes it (GB18030 and CRLF files included).
pub fn raw(path: &Path) -> String {
    yoydiff::read_source(&Source::Path(path.to_path_buf()), None)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
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

/// A PDF file of pages drawn with Helvetica (WinAnsi), one content stream a page, with a
/// correct cross-reference table: what the format tests and the fuzz harness feed the PDF
/// reader. Each content is a page's drawing operators (`BT /F1 12 Tf 72 720 Td (Text) Tj ET`).
pub fn pdf_of_pages(contents: &[String]) -> Vec<u8> {
    let n = contents.len().max(1);
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
    ];
    let empty = [String::new()];
    let pages = if contents.is_empty() {
        &empty[..]
    } else {
        contents
    };
    for (p, content) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * p
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// What is wrong with the new, dropped, upgraded, downgraded and renamed initiatives of a
/// comparison by the judged list `fixture` (a file of `tests/fixtures/`, rows `status name
/// real|noise reason`): a reported row the list does not judge, precision under 90%, fewer
/// than 95% of the rows judged real still reported. Empty when all holds.
pub fn judged_problems(list: &[yoydiff::model::Initiative], fixture: &str) -> Vec<String> {
    use yoydiff::model::{Kind, Status};
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture),
    )
    .unwrap();
    let judged: Vec<(&str, &str, bool)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 4, "{fixture}: bad row {l:?}");
            assert!(
                matches!(cols[2], "real" | "noise"),
                "{fixture}: bad judgement {l:?}"
            );
            (cols[0], cols[1], cols[2] == "real")
        })
        .collect();
    let reported: Vec<(&str, &str)> = list
        .iter()
        .filter(|i| i.kind != Kind::Term && i.status != Status::Continued)
        .map(|i| (i.status.as_str(), i.name.as_str()))
        .collect();
    let mut problems: Vec<String> = reported
        .iter()
        .filter(|(st, n)| !judged.iter().any(|(js, jn, _)| js == st && jn == n))
        .map(|(st, n)| format!("{fixture}: judge this row: {st}\t{n}"))
        .collect();
    let real = reported
        .iter()
        .filter(|(st, n)| judged.iter().any(|(js, jn, r)| js == st && jn == n && *r))
        .count();
    let precision = real as f64 / reported.len().max(1) as f64;
    eprintln!(
        "{fixture}: precision {precision:.3} ({real} of {})",
        reported.len()
    );
    if precision < 0.9 {
        problems.push(format!(
            "{fixture}: precision {precision:.2}: {real} of {} reported rows are real",
            reported.len()
        ));
    }
    let real_rows: Vec<&(&str, &str, bool)> = judged.iter().filter(|j| j.2).collect();
    let kept = real_rows
        .iter()
        .filter(|(st, n, _)| reported.contains(&(*st, *n)))
        .count();
    if (kept as f64) < 0.95 * real_rows.len() as f64 {
        problems.push(format!(
            "{fixture}: only {kept} of {} real rows still reported",
            real_rows.len()
        ));
    }
    problems
}

/// An initiative as its status and the sorted sentences of its old and new mentions. Names
/// are left out: an entry is named as the newer edition writes it, so a swapped comparison
/// may name it otherwise.
pub type InitiativeEntry = (yoydiff::model::Status, Vec<String>, Vec<String>);

fn mention_sentences(mentions: &[yoydiff::model::Mention]) -> Vec<String> {
    let mut s: Vec<String> = mentions.iter().map(|m| m.sentence.clone()).collect();
    s.sort();
    s
}

/// The initiatives of a comparison as entries, sorted.
pub fn initiative_entries(list: &[yoydiff::model::Initiative]) -> Vec<InitiativeEntry> {
    let mut out: Vec<InitiativeEntry> = list
        .iter()
        .map(|i| {
            (
                i.status,
                mention_sentences(&i.old),
                mention_sentences(&i.new),
            )
        })
        .collect();
    out.sort();
    out
}

/// The entries of a comparison as the swapped comparison must show them: new and dropped
/// exchanged, upgraded and downgraded exchanged, old and new mentions swapped.
pub fn swapped_entries(list: &[yoydiff::model::Initiative]) -> Vec<InitiativeEntry> {
    let mut out: Vec<InitiativeEntry> = initiative_entries(list)
        .into_iter()
        .map(|(status, old, new)| (status.mirrored(), new, old))
        .collect();
    out.sort();
    out
}

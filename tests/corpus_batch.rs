//! `yoydiff batch` and the GitHub comment over the real corpus (`../shared/corpus/`).
//!
//! Like `tests/corpus.rs`, these run only when `YOYDIFF_CORPUS` names the corpus folder:
//!
//! ```text
//! YOYDIFF_CORPUS=/work/shared/corpus cargo test --test corpus_batch
//! ```
//!
//! Without it each test returns early with a note; with a folder that does not exist, each
//! fails naming it.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::corpus;

const BIN: &str = env!("CARGO_BIN_EXE_yoydiff");
fn editions(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(yoydiff::batch::edition_of)
                .is_some_and(|(pre, _)| pre == prefix)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn batch_over_the_chinese_folder_gives_one_line_per_consecutive_pair() {
    let Some(dir) = corpus() else {
        return;
    };
    let zh = dir.join("zh");
    let national = editions(&zh, "national-gwr");
    assert!(national.len() >= 3, "{} national editions", national.len());
    let out = Command::new(BIN).arg("batch").arg(&zh).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let pairs: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            assert_eq!(l["schema"], "yoydiff/1");
            assert!(l.get("error").is_none(), "{}", l["error"]);
            (
                l["old"]["source"].as_str().unwrap().to_string(),
                l["new"]["source"].as_str().unwrap().to_string(),
            )
        })
        .filter(|(o, _)| o.contains("national-gwr-"))
        .collect();
    let expected: Vec<(String, String)> = national
        .windows(2)
        .map(|w| {
            (
                w[0].to_string_lossy().into_owned(),
                w[1].to_string_lossy().into_owned(),
            )
        })
        .collect();
    assert_eq!(pairs, expected);
    // Every series pairs its consecutive editions; an edition of one year alone (a lone
    // district report) pairs with nothing.
    let mut series: std::collections::BTreeMap<String, usize> = Default::default();
    for e in std::fs::read_dir(&zh).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".txt")
            && let Some((prefix, _)) = yoydiff::batch::edition_of(name)
        {
            *series.entry(prefix.to_string()).or_default() += 1;
        }
    }
    let all_pairs: usize = series.values().map(|n| n - 1).sum();
    assert_eq!(lines.len(), all_pairs, "{series:?}");
}

#[test]
fn github_comment_of_the_largest_pair_stays_under_the_limit() {
    let Some(dir) = corpus() else {
        return;
    };
    let mut best: Option<(u64, PathBuf, PathBuf)> = None;
    for lang in ["zh", "en"] {
        let pairs = yoydiff::batch::pairs_in_folder(&dir.join(lang)).unwrap();
        for p in pairs {
            let size =
                std::fs::metadata(&p.old).unwrap().len() + std::fs::metadata(&p.new).unwrap().len();
            if best.as_ref().is_none_or(|(s, _, _)| size > *s) {
                best = Some((size, p.old.into(), p.new.into()));
            }
        }
    }
    let (_, old, new) = best.expect("a pair in the corpus");
    let out = Command::new(BIN)
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let body = String::from_utf8(out.stdout).unwrap();
    assert!(
        body.chars().count() <= 65_536,
        "{} → {}: {} characters",
        old.display(),
        new.display(),
        body.chars().count()
    );
    assert_eq!(
        body.matches("<details>").count(),
        body.matches("</details>").count()
    );
    assert!(body.contains("**Overall similarity**"));
}

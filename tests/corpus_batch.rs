//! `yoydiff batch` and the GitHub comment over the real corpus (`../shared/corpus/`).
//!
//! Like `tests/corpus.rs`, these run only when `YOYDIFF_CORPUS` names the corpus folder:
//!
//! ```text
//! YOYDIFF_CORPUS=/work/shared/corpus cargo test --test corpus_batch -- --include-ignored
//! ```
//!
//! Every test here is `#[ignore = "needs YOYDIFF_CORPUS"]`, so a plain `cargo test` on a clone
//! lists them as ignored instead of passing them unseen. Run with `--include-ignored` and the
//! variable unset, or set to a folder that does not exist (or lacks `zh/` or `en/`), every
//! test fails and says why.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

mod common;
use common::corpus;

const BIN: &str = env!("CARGO_BIN_EXE_yoydiff");
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn batch_over_the_chinese_folder_gives_one_line_per_consecutive_pair() {
    let dir = corpus();
    let zh = dir.join("zh");
    let series = common::all_series(&dir, "zh");
    assert!(
        series.len() >= 3,
        "the corpus's zh folder holds {} series of two or more editions",
        series.len()
    );
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
    let mut pairs: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            assert_eq!(l["schema"], "yoydiff/1");
            assert!(l.get("error").is_none(), "{}", l["error"]);
            (
                l["old"]["source"].as_str().unwrap().to_string(),
                l["new"]["source"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Every series found by name pairs each edition with the next; a lone edition (a
    // district report of one year) pairs with nothing.
    let mut expected: Vec<(String, String)> = series
        .values()
        .flat_map(|editions| {
            editions.windows(2).map(|w| {
                (
                    w[0].1.to_string_lossy().into_owned(),
                    w[1].1.to_string_lossy().into_owned(),
                )
            })
        })
        .collect();
    pairs.sort();
    expected.sort();
    assert_eq!(pairs, expected);
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn github_comment_of_the_largest_pair_stays_under_the_limit() {
    let dir = corpus();
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

//! The GitHub comment of every consecutive pair of the national reports in the corpus
//! (`zh/national-gwr-YYYY.txt`): it stays under GitHub's limit, keeps every top-level part of
//! both editions (at least its heading), and uses its budget.
//!
//! ```text
//! YOYDIFF_CORPUS=/work/shared/corpus cargo test --test corpus_github -- --include-ignored
//! ```

use yoydiff::model::{Comparison, Document, PairKind};
use yoydiff::render::github::{COMMENT_LIMIT, GithubOptions, render};
use yoydiff::{CompareOptions, compare};

mod common;
use common::*;

/// The top-level headings a comment must name: every titled top-level section of the new
/// edition that changed, and every top-level part of the old edition that was removed.
fn top_level_parts(c: &Comparison, new: &Document) -> Vec<String> {
    let changed = |title: &str| {
        c.sections.iter().any(|p| {
            (p.kind != PairKind::Unchanged || !p.changes.is_empty())
                && p.new
                    .iter()
                    .any(|r| r.path.first().is_some_and(|t| t == title))
        })
    };
    let mut out: Vec<String> = new
        .sections
        .iter()
        .map(|s| s.heading_text())
        .filter(|t| !t.trim().is_empty() && changed(t))
        .collect();
    for p in &c.sections {
        if p.kind == PairKind::Removed
            && let Some(r) = p.old.first()
            && r.path.len() == 1
        {
            out.push(r.path[0].clone());
        }
    }
    out
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn github_comment_of_every_national_pair_keeps_every_part_under_the_limit() {
    let dir = corpus();
    let editions = series(&dir, "zh", "national-gwr");
    assert!(editions.len() >= 10, "{} national editions", editions.len());
    let mut failures = Vec::new();
    for w in editions.windows(2) {
        let (old, new) = (load(&w[0].1), load(&w[1].1));
        let c = compare(&old, &new, &CompareOptions::default());
        let comment = render(&c, &GithubOptions::default());
        let pair = format!("{} → {}", w[0].0, w[1].0);
        let n = comment.chars().count();
        if n > COMMENT_LIMIT {
            failures.push(format!("{pair}: {n} characters"));
        }
        let parts = top_level_parts(&c, &new);
        if parts.len() < 3 {
            failures.push(format!(
                "{pair}: only {} top-level parts: {parts:?}",
                parts.len()
            ));
        }
        for part in &parts {
            let Some(at) = comment.find(&format!("<summary>{part} — ")) else {
                failures.push(format!("{pair}: no fold for {part}"));
                continue;
            };
            // The fold holds the part's most important changes, unless it has none.
            let fold = &comment[at..];
            let fold = &fold[..fold.find("</details>").unwrap_or(fold.len())];
            let title = fold.lines().next().unwrap_or("");
            if !title.ends_with("; 0 sentence changes</summary>") && !fold.contains("\n- *") {
                failures.push(format!("{pair}: the fold of {part} shows no change"));
            }
        }
        // A cut comment fills its budget: more than nine tenths of it.
        if comment.contains("Left out") && n * 10 < COMMENT_LIMIT * 9 {
            failures.push(format!("{pair}: cut, yet only {n} characters"));
        }
    }
    report("github comment of national pairs", &failures);
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn the_2019_comment_keeps_the_years_plan() {
    // The 2018 → 2019 comment once dropped the 2019 plan while 30,000 characters stayed
    // unused. Its plan part (`三、2019年政府工作任务`, line 87 of the 2019 report) keeps its
    // fold and at least a hundred of its changes.
    let dir = corpus();
    let path = |y: i32| dir.join("zh").join(format!("national-gwr-{y}.txt"));
    let c = compare(
        &load(&path(2018)),
        &load(&path(2019)),
        &CompareOptions::default(),
    );
    let comment = render(&c, &GithubOptions::default());
    let fold = comment
        .find("<summary>三、2019年政府工作任务 — ")
        .expect("the plan's fold");
    let body = &comment[fold..];
    let end = body.find("</details>").unwrap();
    let changes = body[..end].matches("\n- *").count();
    assert!(changes >= 100, "{changes} changes shown in the plan's fold");
}

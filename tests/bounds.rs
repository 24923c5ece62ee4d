//! Inputs shaped to make a careless implementation quadratic or wrong: each must come out
//! right. Their cost is measured in the benchmarks and in the README's table of caps, not
//! here; these tests check the answers.

use std::fmt::Write as _;

use assert_cmd::cargo::cargo_bin_cmd;
use yoydiff::model::{FigureStatus, PairKind, Status};
use yoydiff::{CompareOptions, OutlineOptions, compare, extract_figures, parse_text};

mod common;

fn doc(name: &str, text: &str) -> yoydiff::Document {
    parse_text(name, text, OutlineOptions::default()).unwrap()
}

/// Ten thousand sibling headings (far past the level size where pairs are proposed only
/// through rare shared terms, which these sections have none of): the file compared with
/// itself has no changes, and `--exit-code` says so.
#[test]
fn a_flat_level_of_ten_thousand_headings_equals_itself() {
    let mut text = String::new();
    for i in 0..10_000 {
        writeln!(
            text,
            "# Heading {i}\n\nText of section {i} about topic {}.\n",
            i * 7 % 1000
        )
        .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("headings.md");
    std::fs::write(&path, &text).unwrap();
    let out = cargo_bin_cmd!("yoydiff")
        .args(["diff", "--exit-code", "--format", "json"])
        .arg(&path)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["sections"]["unchanged"], 10_000);
    assert_eq!(json["summary"]["sections"]["added"], 0);
    assert_eq!(json["summary"]["sections"]["removed"], 0);
}

/// Two thousand sibling headings, every section's text edited, one dropped and one added:
/// sixteen times the level size scored in full, and the shared words are too common to propose
/// pairs, so the sections pair by their titles (each occurs once on each side) and come out
/// edited, each with its own counterpart.
#[test]
fn a_flat_level_of_two_thousand_edited_headings_pairs_by_title() {
    let (mut old, mut new) = (String::new(), String::new());
    for i in 0..2_000 {
        let topic = i * 7 % 1000;
        if i == 1_000 {
            writeln!(old, "# Heading {i}\n\nA paragraph on harbour dredging.\n").unwrap();
            writeln!(new, "# Appendix\n\nSomething else entirely.\n").unwrap();
            continue;
        }
        writeln!(
            old,
            "# Heading {i}\n\nText of section {i} about topic {topic}.\n"
        )
        .unwrap();
        writeln!(
            new,
            "# Heading {i}\n\nText of section {i} about the topic {topic}, revised.\n"
        )
        .unwrap();
    }
    let c = compare(
        &doc("old.md", &old),
        &doc("new.md", &new),
        &CompareOptions::default(),
    );
    let s = &c.summary.sections;
    assert_eq!((s.edited, s.added, s.removed), (1_999, 1, 1), "{s:?}");
    for p in c.sections.iter().filter(|p| p.kind == PairKind::Edited) {
        assert_eq!(p.old[0].title, p.new[0].title);
    }
    let added = c
        .sections
        .iter()
        .find(|p| p.kind == PairKind::Added)
        .unwrap();
    assert_eq!(added.new[0].title, "Appendix");
    let removed = c
        .sections
        .iter()
        .find(|p| p.kind == PairKind::Removed)
        .unwrap();
    assert_eq!(removed.old[0].title, "Heading 1000");
}

/// A real report written out five hundred times (27 MB), compared with itself through the
/// binary: no changes and `--exit-code` 0.
#[test]
#[ignore = "slow: run in CI with --ignored"]
fn a_report_repeated_five_hundred_times_equals_itself() {
    let text = common::sample_text("national-gwr-2023.txt").repeat(500);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repeated.txt");
    std::fs::write(&path, &text).unwrap();
    let out = cargo_bin_cmd!("yoydiff")
        .args(["diff", "--exit-code", "--format", "json"])
        .arg(&path)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sections = &json["summary"]["sections"];
    assert!(
        sections["unchanged"].as_u64().unwrap() > 10_000,
        "{sections}"
    );
    assert_eq!(sections["added"], 0);
    assert_eq!(sections["removed"], 0);
    assert_eq!(json["summary"]["sentences"]["added"], 0);
}

/// A real report written out twenty times over: every copy pairs with its own copy, in place.
#[test]
fn a_report_repeated_twenty_times_equals_itself() {
    let text = common::sample_text("national-gwr-2023.txt").repeat(20);
    let d = doc("repeated.txt", &text);
    let c = compare(&d, &d, &CompareOptions::default());
    assert!(!c.has_changes(), "{:?}", c.summary);
    assert!(c.sections.iter().all(|p| p.kind == PairKind::Unchanged));
    assert!(
        c.summary.sections.unchanged > 500,
        "{:?}",
        c.summary.sections
    );
}

/// One sentence holding twenty thousand figures: every figure is found, each keeps a bounded
/// window of its sentence rather than a copy of all of it, and the sentence compared with
/// itself leaves every figure unchanged.
#[test]
fn one_sentence_of_twenty_thousand_figures() {
    let items: Vec<String> = (0..20_000)
        .map(|i| format!("指标{i}增长{}.{}%", i % 10, i % 7))
        .collect();
    let text = format!("一、工作回顾\n全年{}。\n", items.join("、"));
    let d = doc("figures.txt", &text);
    let figures = extract_figures(&d);
    assert_eq!(figures.len(), 20_000);
    assert!(
        figures
            .iter()
            .all(|f| f.sentence.len() < 1_400 && f.sentence.contains(&f.text))
    );
    assert!(
        figures[0].sentence.starts_with("全年指标0增长0.0%") && figures[0].sentence.ends_with('…')
    );
    let c = compare(&d, &d, &CompareOptions::default());
    assert_eq!(c.summary.figures.unchanged, c.figures.len());
    assert!(
        c.figures
            .iter()
            .all(|p| p.status == FigureStatus::Unchanged)
    );
}

/// One sentence naming eight thousand quoted programmes: the sentence compared with itself
/// has no changes, and no mention copies the whole sentence.
#[test]
fn one_sentence_of_eight_thousand_quoted_names() {
    let names: Vec<String> = (0..8_000).map(|i| format!("“名称{i}”")).collect();
    let text = format!("一、工作回顾\n推进{}建设。\n", names.join("、"));
    let d = doc("names.txt", &text);
    let c = compare(&d, &d, &CompareOptions::default());
    assert!(!c.has_changes());
    assert!(
        c.initiatives
            .iter()
            .flat_map(|i| i.old.iter().chain(&i.new))
            .all(|m| m.sentence.len() < 1_400)
    );
}

/// One sentence naming eight thousand programmes against a real report: every one is dropped
/// (the report names none of them), none is taken for a rename of the report's new names, and
/// the rename search reads the long sentence around each candidate only, not once per name
/// (it once took minutes and a gigabyte here).
#[test]
fn eight_thousand_programmes_against_a_real_report() {
    let names: Vec<String> = (0..8_000).map(|i| format!("“项目{i}工程”")).collect();
    let old = doc(
        "names.txt",
        &format!("一、工作回顾\n推进{}。\n", names.join("、")),
    );
    let new = doc(
        "national-gwr-2023.txt",
        &common::sample_text("national-gwr-2023.txt"),
    );
    let c = compare(&old, &new, &CompareOptions::default());
    let dropped = c.initiatives.iter().filter(|i| i.status == Status::Dropped);
    assert_eq!(dropped.clone().count(), 8_000);
    assert!(dropped.clone().all(|i| i.name.starts_with("项目")));
    assert_eq!(c.summary.initiatives.renamed, 0);
}

/// Eighty thousand page-number lines between two sentences leave the two sentences.
#[test]
fn eighty_thousand_page_numbers() {
    let text = format!("正文开始。\n{}正文结束。\n", "- 5 -\n".repeat(80_000));
    let d = doc("pages.txt", &text);
    let paragraphs: Vec<&str> = d
        .walk()
        .into_iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    assert_eq!(paragraphs.join("|"), "正文开始。|正文结束。");
}

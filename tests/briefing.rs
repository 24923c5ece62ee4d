//! The briefing at the top of every output: what it holds on real pairs, checked by hand
//! against the texts, and where it stands in the terminal view.
//!
//! The corpus tests read `YOYDIFF_CORPUS` and are ignored in a plain `cargo test`.

use assert_cmd::Command;
use yoydiff::model::{Briefing, Shift, TargetRow, Verdict};

mod common;
use common::*;

fn yoydiff(args: &[&str]) -> String {
    let out = Command::cargo_bin("yoydiff")
        .unwrap()
        .args(args)
        // The terminal view at 100 columns, the width the snapshot was read at.
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `yoydiff diff` of the national sample pair with `flags`.
fn diff_samples(flags: &[&str]) -> String {
    let old = sample_path("national-gwr-2022.txt");
    let new = sample_path("national-gwr-2023.txt");
    let mut args = vec!["diff", old.to_str().unwrap(), new.to_str().unwrap()];
    args.extend_from_slice(flags);
    yoydiff(&args)
}

fn national_sample_briefing() -> Briefing {
    let old = sample_path("national-gwr-2022.txt");
    let new = sample_path("national-gwr-2023.txt");
    let json = yoydiff(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    serde_json::from_value(v["briefing"].clone()).unwrap()
}

fn row<'a>(b: &'a Briefing, label: &str) -> &'a TargetRow {
    b.targets
        .iter()
        .find(|r| r.label == label)
        .unwrap_or_else(|| panic!("no target row {label}: {:#?}", b.targets))
}

fn texts(r: &TargetRow) -> [Option<&str>; 3] {
    [
        r.last_target.as_ref().map(|q| q.text.as_str()),
        r.outcome.as_ref().map(|q| q.text.as_str()),
        r.this_target.as_ref().map(|q| q.text.as_str()),
    ]
}

/// The 2022 report set GDP growth 5.5%左右, CPI 3%左右, new urban jobs 1100万人以上, deficit
/// 2.8%左右 and special bonds 3.65万亿元; the 2023 review reports 3%, 2%, 1206万人 and 2.8%
/// and sets 5%左右, 3%左右, 1200万人左右, 3% and 3.8万亿元 (both texts, read by hand).
#[test]
fn national_targets_read_like_the_table_media_publish() {
    let b = national_sample_briefing();
    let gdp = row(&b, "国内生产总值");
    assert_eq!(texts(gdp), [Some("5.5%左右"), Some("3%"), Some("5%左右")]);
    assert_eq!(gdp.verdict, Some(Verdict::Missed));
    assert!(gdp.headline);
    let change = gdp.target_change.unwrap();
    assert!((change.absolute + 0.5).abs() < 1e-9, "{change:?}");

    let cpi = row(&b, "居民消费价格涨幅");
    assert_eq!(texts(cpi), [Some("3%左右"), Some("2%"), Some("3%左右")]);
    assert_eq!(cpi.verdict, Some(Verdict::Met));

    let jobs = row(&b, "城镇新增就业");
    assert_eq!(
        texts(jobs),
        [Some("1100万人以上"), Some("1206万人"), Some("1200万人左右")]
    );
    assert_eq!(jobs.verdict, Some(Verdict::Met));

    let deficit = row(&b, "赤字率");
    assert_eq!(texts(deficit), [Some("2.8%左右"), Some("2.8%"), Some("3%")]);

    let bonds = row(&b, "地方政府专项债券");
    assert_eq!(bonds.last_target.as_ref().unwrap().text, "3.65万亿元");
    assert_eq!(bonds.this_target.as_ref().unwrap().text, "3.8万亿元");

    // The main list comes first, in the order of the new plan.
    assert_eq!(b.targets[0].label, "国内生产总值");
    let first_other = b.targets.iter().position(|r| !r.headline).unwrap();
    assert!(b.targets[first_other..].iter().all(|r| !r.headline));
}

/// The plan's headings that changed wording are listed with both wordings; the 2023 plan
/// (二、对今年政府工作的建议) renamed （三） and added parts of its own.
#[test]
fn national_stances_and_lists_point_to_their_lines() {
    let b = national_sample_briefing();
    let reform = b
        .stances
        .iter()
        .find(|s| s.new.contains("两个毫不动摇"))
        .unwrap_or_else(|| panic!("{:#?}", b.stances));
    assert!(reform.old.contains("坚定不移深化改革"), "{reform:?}");
    // The heading stands on line 183 of the 2023 text.
    assert_eq!(reform.at.line, 183);
    assert!(b.stances.len() <= 8 && b.new_initiatives.len() <= 10);
    assert!(b.dropped_initiatives.len() <= 10);
    // The counts of what is not listed add up to the summary's.
    let json = b.new_initiatives.len() + b.more_initiatives[0];
    assert_eq!(json, 12, "12 new named initiatives in the summary");
    for p in &b.priorities {
        if let (Some(o), Some(n)) = (p.old_rank, p.new_rank) {
            assert_eq!(p.shift == Shift::Up, n < o, "{p:?}");
        }
    }
}

/// The briefing of the sample pair as the terminal shows it, read against both texts: the
/// target rows (see the test above for the figures), the renamed plan headings, the new and
/// dropped names with their first lines, and the figures that moved most.
#[test]
fn national_briefing_in_the_terminal() {
    let text = diff_samples(&["--brief", "--color", "never"]);
    // The header names the inputs by path, which differs between machines, on one line or
    // (long paths) two; the snapshot starts at the language line below it.
    let body: String = text
        .lines()
        .skip_while(|l| !l.starts_with("zh ·"))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(body);
}

/// On a national pair at 100 columns without colour, the first 40 lines of the default view
/// hold the main targets with last year's outcome and verdict, and a changed plan heading.
#[test]
fn targets_come_within_the_first_forty_lines() {
    let text = diff_samples(&["--color", "never"]);
    let head: Vec<&str> = text.lines().take(40).collect();
    let has = |words: &[&str]| head.iter().any(|l| words.iter().all(|w| l.contains(w)));
    assert!(
        has(&["国内生产总值", "5.5%左右", "3%", "未完成", "5%左右"]),
        "{head:#?}"
    );
    assert!(has(&["居民消费价格涨幅", "3%左右", "完成"]), "{head:#?}");
    assert!(has(&["赤字率", "2.8%左右", "3%"]), "{head:#?}");
    assert!(
        has(&["地方政府专项债券", "3.65万亿元", "3.8万亿元"]),
        "{head:#?}"
    );
    assert!(has(&["提法变化"]) && has(&["两个毫不动摇"]), "{head:#?}");
}

#[test]
fn brief_prints_only_the_briefing_and_section_narrows_the_view() {
    let old = sample_path("national-gwr-2022.txt");
    let new = sample_path("national-gwr-2023.txt");
    let (o, n) = (old.to_str().unwrap(), new.to_str().unwrap());
    let brief = yoydiff(&["diff", o, n, "--brief", "--color", "never"]);
    assert!(brief.contains("目标一览"));
    assert!(!brief.contains("Changed sections") && !brief.contains("\nFigures"));

    // Only the opening-up sections of both plans: （七）扩大高水平对外开放… of 2022 and
    // （七）坚定扩大对外开放… of 2023's review.
    let part = yoydiff(&["diff", o, n, "--section", "对外开放", "--color", "never"]);
    assert!(part.contains("坚定扩大对外开放，深化互利共赢的国际经贸合作"));
    assert!(part.contains("扩大高水平对外开放，推动外贸外资平稳发展"));
    assert!(!part.contains("着力扩大国内需求"), "{part}");
    assert!(!part.contains("国内生产总值"), "{part}");

    let out = Command::cargo_bin("yoydiff")
        .unwrap()
        .args(["diff", o, n, "--section", "no such heading"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no section heading contains"), "{err}");
}

/// English reports get English words: the Singapore budget speeches set and report fiscal
/// figures; the table heads and verdicts are in English.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn english_reports_get_english_words() {
    let dir = corpus().join("en");
    let old = dir.join("sg-budget-speech-2023.txt");
    let new = dir.join("sg-budget-speech-2024.txt");
    let text = yoydiff(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--brief",
        "--color",
        "never",
    ]);
    assert!(text.contains("Briefing"), "{text}");
    assert!(
        !text.contains("要点") && !text.contains("目标一览"),
        "{text}"
    );
}

//! `yoydiff trend`: three or more editions followed year by year.
//!
//! The corpus tests are `#[ignore = "needs YOYDIFF_CORPUS"]`:
//! YOYDIFF_CORPUS=/work/shared/corpus cargo test --test trend -- --include-ignored
//!
//! The central check is agreement: every cell of a trend is the value the pairwise comparison
//! of the same two editions gives, and every figure pair and promise of those comparisons is
//! in the trend. The expected national growth targets and outcomes were read off the reports
//! by hand (the 预期目标 sentence of each plan, the 全年国内生产总值增长 sentence of the next
//! review).

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use yoydiff::model::{Comparison, Document, Figure, Indicator, Outcome, Role, Trend, Verdict};
use yoydiff::{CompareOptions, compare, trend};

fn yoydiff() -> Command {
    Command::cargo_bin("yoydiff").unwrap()
}

/// A hand-made edition: a review of the year before and a plan for its own year.
fn edition(year: i32, growth: &str, target: &str, programme: &str) -> String {
    format!(
        "{year}年政府工作报告\n\
         一、{}年工作回顾\n\
         过去一年，全区地区生产总值增长{growth}，经济运行总体平稳。全面实施“{programme}”，群众满意度持续提升。\n\
         二、{year}年主要任务\n\
         今年主要预期目标是：地区生产总值增长{target}左右，城镇新增就业稳定。深入推进“{programme}”，扩大覆盖范围。\n",
        year - 1
    )
}

fn write_series(dir: &Path, prefix: &str, years: &[(i32, &str, &str, &str)]) -> Vec<PathBuf> {
    years
        .iter()
        .map(|&(y, g, t, p)| {
            let path = dir.join(format!("{prefix}-{y}.txt"));
            std::fs::write(&path, edition(y, g, t, p)).unwrap();
            path
        })
        .collect()
}

const HANDMADE: [(i32, &str, &str, &str); 4] = [
    (2021, "2.3%", "6%", "一网通办"),
    (2022, "8.1%", "5.5%", "一网通办"),
    (2023, "3%", "5%", "一网通办"),
    (2025, "5%", "5%", "一网统管"),
];

#[test]
fn fewer_than_three_editions_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_series(dir.path(), "gwr", &HANDMADE[..2]);
    let out = yoydiff().arg("trend").args(&files).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "yoydiff: trend needs at least 3 editions of one series, got 2 (use diff for two)\n"
    );
}

#[test]
fn a_folder_with_several_series_needs_series() {
    let dir = tempfile::tempdir().unwrap();
    write_series(dir.path(), "city", &HANDMADE);
    write_series(dir.path(), "county", &HANDMADE[..3]);
    let out = yoydiff().arg("trend").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.ends_with("holds several series (city, county); choose one with --series PREFIX\n"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);

    let out = yoydiff()
        .arg("trend")
        .arg(dir.path())
        .args(["--series", "town"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no town-YYYY.txt editions (series found: city, county)"),
        "{err}"
    );

    let out = yoydiff()
        .arg("trend")
        .arg(dir.path())
        .args(["--series", "county", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t: Trend = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(t.series, "county");
    assert_eq!(t.editions.len(), 3);
}

#[test]
fn editions_without_a_year_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = write_series(dir.path(), "gwr", &HANDMADE[..2]);
    let plain = dir.path().join("notes.txt");
    std::fs::write(&plain, "各位代表：\n现在，我代表区政府作报告，请予审议。\n").unwrap();
    files.push(plain);
    let out = yoydiff().arg("trend").args(&files).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("notes.txt: no year found in the report"),
        "{err}"
    );
}

/// The handmade series in every format: the targets, their outcomes and the gap before 2025.
#[test]
fn handmade_series_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = write_series(dir.path(), "gwr", &HANDMADE);
    // The order on the command line does not matter: editions are ordered by their year.
    files.reverse();
    let run = |format: &str| {
        let out = yoydiff()
            .arg("trend")
            .args(&files)
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let t: Trend = serde_json::from_str(&run("json")).unwrap();
    let years: Vec<Option<i32>> = t.editions.iter().map(|e| e.year).collect();
    assert_eq!(years, [Some(2021), Some(2022), Some(2023), Some(2025)]);
    assert_eq!(t.steps[2].missing_years, [2024]);
    let gdp = growth_target(&t, "地区生产总值");
    assert_eq!(
        row(&t, gdp),
        [
            "2021: 6%左右 → 8.1% met",
            "2022: 5.5%左右 → 3% missed",
            "2023: 5%左右 → gap",
            "2025: 5%左右 → pending"
        ]
    );
    // The 2025 edition names the programme differently in the same sentences: one initiative,
    // renamed on the way.
    assert_eq!(t.initiatives.len(), 1);
    let programme = &t.initiatives[0];
    assert_eq!(programme.name, "一网统管");
    assert_eq!(programme.present, [true, true, true, true]);
    assert_eq!((programme.first_seen, programme.last_seen), (0, 3));
    let events: Vec<(usize, &str, &str, &str)> = programme
        .events
        .iter()
        .map(|e| {
            (
                e.edition,
                e.status.as_str(),
                e.old_name.as_str(),
                e.new_name.as_str(),
            )
        })
        .collect();
    assert_eq!(events, [(3, "renamed", "一网通办", "一网统管")]);

    let term = run("term");
    assert!(term.contains("2024∅"), "{term}");
    assert!(term.contains("8.1% ✓"), "{term}");

    let md = run("markdown");
    assert!(md.contains("> **Gap:** no edition for 2024."), "{md}");
    assert!(md.contains("| 2024 (no edition) |"), "{md}");

    // The Markdown tables parse as GFM tables with a column per edition and one for the gap.
    let opts = pulldown_cmark::Options::ENABLE_TABLES;
    let mut heads: Vec<usize> = Vec::new();
    let mut cells = 0;
    for event in pulldown_cmark::Parser::new_ext(&md, opts) {
        match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::TableHead) => cells = 0,
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::TableCell) => cells += 1,
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::TableHead) => heads.push(cells),
            _ => {}
        }
    }
    assert_eq!(
        heads[..2],
        [7, 7],
        "indicator, row or role, four editions, one gap: {md}"
    );

    let csv = run("csv");
    assert!(csv.starts_with('\u{feff}'), "a BOM for spreadsheets");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "label,role,unit,row,2021,2022,2023,2024 (no edition),2025"
    );
    assert!(
        lines.contains(&"地区生产总值,target,%,target,6,5.5,5,,5"),
        "{csv}"
    );
    assert!(
        lines.contains(&"地区生产总值,target,%,outcome,8.1,3,,,"),
        "{csv}"
    );
    assert!(
        lines.contains(&"地区生产总值,target,%,verdict,met,missed,gap,,pending"),
        "{csv}"
    );
}

/// The indicator of the growth target called `label`.
fn growth_target<'a>(t: &'a Trend, label: &str) -> &'a Indicator {
    t.indicators
        .iter()
        .find(|d| d.role == Role::Target && d.label == label && d.unit == "%")
        .unwrap_or_else(|| panic!("no target {label} in the trend"))
}

/// `year: target → outcome verdict` for every edition that sets the target.
fn row(t: &Trend, d: &Indicator) -> Vec<String> {
    (0..t.editions.len())
        .filter_map(|i| {
            let target = d.values[i].as_ref()?;
            let outcome = match &d.outcomes[i] {
                Some(Outcome::Checked {
                    outcome: Some(o),
                    verdict,
                }) => format!("{} {}", o.text, verdict.as_str()),
                Some(Outcome::Checked { outcome: None, .. }) => "not reported".to_string(),
                Some(Outcome::Gap) => "gap".to_string(),
                Some(Outcome::Pending) => "pending".to_string(),
                other => format!("{other:?}"),
            };
            Some(format!(
                "{}: {} → {outcome}",
                t.edition_name(i),
                target.text
            ))
        })
        .collect()
}

/// Loads a series and compares its neighbours, as `diff` would, independently of `trend`.
fn pairwise(docs: &[Document]) -> Vec<Comparison> {
    let mut sorted: Vec<&Document> = docs.iter().collect();
    sorted.sort_by_key(|d| d.year);
    sorted
        .windows(2)
        .map(|w| compare(w[0], w[1], &CompareOptions::default()))
        .collect()
}

/// Every trend cell is the pairwise value, and every pairwise pair and promise is in the trend.
fn check_agreement(t: &Trend, pairs: &[Comparison]) -> Vec<String> {
    let mut failures = Vec::new();
    let same = |a: &Option<Figure>, b: &Option<Figure>| a == b;
    for (i, c) in pairs.iter().enumerate() {
        assert_eq!(t.editions[i].source, c.old.source);
        assert_eq!(t.editions[i + 1].source, c.new.source);
        assert_eq!(t.steps[i].summary, c.summary, "step {i} summary");
    }
    // Trend → pairwise: each pair of neighbouring cells is a figure pair of that comparison.
    for d in &t.indicators {
        for (i, c) in pairs.iter().enumerate() {
            let (old, new) = (&d.values[i], &d.values[i + 1]);
            if old.is_none() && new.is_none() {
                continue;
            }
            // A cell next to an empty one is a figure the comparison found on one side only.
            let found = c
                .figures
                .iter()
                .any(|p| same(&p.old, old) && same(&p.new, new));
            if !found {
                failures.push(format!(
                    "{} ({}): {} → {} is not a figure pair of {} → {}",
                    d.label,
                    d.role.as_str(),
                    old.as_ref().map_or("-", |f| &f.text),
                    new.as_ref().map_or("-", |f| &f.text),
                    c.old.source,
                    c.new.source
                ));
            }
        }
        for (i, o) in d.outcomes.iter().enumerate() {
            let Some(Outcome::Checked { verdict, outcome }) = o else {
                continue;
            };
            let target = d.values[i].as_ref().expect("an outcome has a target");
            let promise = pairs[i].promises.iter().find(|p| &p.target == target);
            match promise {
                Some(p) if p.verdict == *verdict && &p.outcome == outcome => {}
                _ => failures.push(format!(
                    "{}: the outcome of {} in {} is not the promise of {} → {}",
                    d.label,
                    target.text,
                    t.editions[i].source,
                    pairs[i].old.source,
                    pairs[i].new.source
                )),
            }
        }
    }
    // Pairwise → trend: every matched pair and every promise with an outcome is there.
    for (i, c) in pairs.iter().enumerate() {
        for p in &c.figures {
            let (Some(o), Some(n)) = (&p.old, &p.new) else {
                continue;
            };
            let held = t
                .indicators
                .iter()
                .any(|d| d.values[i].as_ref() == Some(o) && d.values[i + 1].as_ref() == Some(n));
            if !held {
                failures.push(format!(
                    "{} → {}: the pair {} {} → {} is missing from the trend",
                    c.old.source, c.new.source, p.label, o.text, n.text
                ));
            }
        }
        for p in c.promises.iter().filter(|p| p.outcome.is_some()) {
            let held = t.indicators.iter().any(|d| {
                d.values[i].as_ref() == Some(&p.target)
                    && matches!(&d.outcomes[i], Some(Outcome::Checked { outcome, verdict })
                        if outcome == &p.outcome && *verdict == p.verdict)
            });
            if !held {
                failures.push(format!(
                    "{} → {}: the promise {} {} is missing from the trend",
                    c.old.source, c.new.source, p.label, p.target.text
                ));
            }
        }
    }
    failures
}

#[test]
fn handmade_trend_agrees_with_the_pairwise_diffs() {
    let docs: Vec<Document> = HANDMADE
        .iter()
        .map(|&(y, g, tg, p)| common::from_text(&format!("gwr-{y}.txt"), &edition(y, g, tg, p)))
        .collect();
    let t = trend(&docs, &CompareOptions::default()).unwrap();
    let failures = check_agreement(&t, &pairwise(&docs));
    common::report("handmade agreement", &failures);
}

fn series_docs(prefix: &str) -> Vec<Document> {
    let dir = common::corpus();
    common::series(&dir, "zh", prefix)
        .iter()
        .map(|(_, p)| common::load(p))
        .collect()
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn national_growth_targets_and_outcomes_year_by_year() {
    let docs = series_docs("national-gwr");
    let t = trend(&docs, &CompareOptions::default()).unwrap();
    assert_eq!(t.series, "national-gwr");
    let gaps: Vec<&Vec<i32>> = t
        .steps
        .iter()
        .map(|s| &s.missing_years)
        .filter(|m| !m.is_empty())
        .collect();
    assert_eq!(gaps, [&vec![2020]]);
    let gdp = growth_target(&t, "国内生产总值");
    assert_eq!(
        row(&t, gdp),
        [
            "2013: 7.5%左右 → 7.7% met",
            "2014: 7.5%左右 → 7.4% met",
            "2015: 7%左右 → 6.9% met",
            "2016: 6.5%－7% → 6.7% met",
            "2017: 6.5%左右 → 6.9% met",
            "2018: 6.5%左右 → 6.6% met",
            // The 2021 report reviews 2020, not 2019: no outcome, a gap.
            "2019: 6%－6.5% → gap",
            "2021: 6%以上 → 8.1% met",
            "2022: 5.5%左右 → 3% missed",
            "2023: 5%左右 → pending",
        ]
    );
    let pairs = pairwise(&docs);
    assert!(
        pairs[6].promises.is_empty(),
        "2019 → 2021 makes no promises"
    );
    let failures = check_agreement(&t, &pairs);
    common::report("national agreement", &failures);
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn hailar_trend_agrees_with_the_pairwise_diffs() {
    // GB18030 with CRLF line ends: read through the product's decoder.
    let docs = series_docs("hailar-gwr");
    assert_eq!(docs.len(), 4);
    let t = trend(&docs, &CompareOptions::default()).unwrap();
    assert_eq!(t.series, "hailar-gwr");
    let sources: Vec<String> = t
        .editions
        .iter()
        .map(|e| common::name(Path::new(&e.source)))
        .collect();
    assert_eq!(
        sources,
        [
            "hailar-gwr-2012.txt",
            "hailar-gwr-2013.txt",
            "hailar-gwr-2014.txt",
            "hailar-gwr-2015.txt"
        ]
    );
    assert!(
        t.indicators.len() >= 20,
        "a district series has indicators in several editions: {}",
        t.indicators.len()
    );
    let gdp = growth_target(&t, "地区生产总值");
    assert!(
        gdp.outcomes.iter().flatten().any(|o| matches!(
            o,
            Outcome::Checked {
                outcome: Some(_),
                verdict: Verdict::Missed
            }
        )),
        "the district's growth targets are checked against its reviews"
    );
    let failures = check_agreement(&t, &pairwise(&docs));
    common::report("hailar agreement", &failures);
}

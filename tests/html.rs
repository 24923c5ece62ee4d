//! `--format html` for `diff` and `trend`: the page parses, every section pair has an anchor
//! the contents list links to, every chart has a data table with its numbers, nothing is
//! fetched from outside, report text is escaped. The browser test renders the pages in
//! headless Chromium: `#[ignore = "needs chromium"]`, run by `.ci/run` (which installs
//! Chromium from Debian's packages) with `--include-ignored`:
//!
//! cargo test --test html -- --include-ignored

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use scraper::{ElementRef, Html, Selector};
use yoydiff::model::Comparison;

fn yoydiff() -> Command {
    Command::cargo_bin("yoydiff").unwrap()
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn run(args: &[&str]) -> String {
    let out = yoydiff().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "yoydiff {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn sample_args(format: &str) -> Vec<String> {
    vec![
        "diff".to_string(),
        common::sample_path("national-gwr-2022.txt")
            .display()
            .to_string(),
        common::sample_path("national-gwr-2023.txt")
            .display()
            .to_string(),
        "--format".to_string(),
        format.to_string(),
    ]
}

fn sample(format: &str) -> String {
    let args = sample_args(format);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args)
}

/// Parses a page, failing on any HTML parse error.
fn parse(html: &str) -> Html {
    let doc = Html::parse_document(html);
    assert!(
        doc.errors.is_empty(),
        "HTML parse errors: {:?}",
        doc.errors.iter().take(10).collect::<Vec<_>>()
    );
    doc
}

/// No resource from outside the file: no URL in `src`/`href`, no `@import`, no `url(`,
/// no external script, style sheet, font or image.
fn check_self_contained(doc: &Html, html: &str) {
    for el in doc.select(&sel("*")) {
        for (name, value) in el.value().attrs() {
            let v = value.trim().to_ascii_lowercase();
            if matches!(
                name,
                "src" | "href" | "action" | "poster" | "srcset" | "xlink:href"
            ) {
                assert!(
                    !(v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//")),
                    "external {name}={value:?} on <{}>",
                    el.value().name()
                );
            }
            assert!(name != "src", "an element loads {value:?}");
        }
    }
    assert_eq!(
        doc.select(&sel("link, img, iframe, object, embed")).count(),
        0
    );
    for style in doc.select(&sel("style")) {
        let css: String = style.text().collect();
        assert!(!css.contains("@import"), "a style sheet imports another");
        assert!(!css.contains("url("), "a style sheet loads a resource");
        assert!(!css.contains("@font-face"), "a style sheet loads a font");
    }
    let scripts: Vec<ElementRef> = doc.select(&sel("script")).collect();
    assert_eq!(scripts.len(), 1, "one inline script");
    let code: String = scripts[0].text().collect();
    assert!(code.lines().count() <= 5, "a few lines of script: {code}");
    assert!(!html.contains("<script src"), "no external script");
}

/// Every chart is an `<svg>` followed by a data table with a row per drawn label.
fn check_charts(doc: &Html) -> usize {
    let figures: Vec<ElementRef> = doc.select(&sel("figure.chart")).collect();
    assert_eq!(
        figures.len(),
        doc.select(&sel("svg")).count(),
        "every svg sits in a chart figure"
    );
    for f in &figures {
        let id = f.value().attr("id").unwrap_or("?");
        let svg = f.select(&sel("svg")).next().expect("a chart has an svg");
        let table = f
            .select(&sel("details.data table"))
            .next()
            .unwrap_or_else(|| panic!("chart {id} has no data table"));
        let rows = table.select(&sel("tbody tr")).count();
        assert!(rows > 0, "chart {id}: empty data table");
        let drawn = if svg.value().classes().any(|c| c == "bars") {
            svg.select(&sel("text.label")).count()
        } else {
            // A year chart has one column per year, and one table row per column.
            svg.select(&sel("text.tick[text-anchor=middle]")).count()
        };
        assert_eq!(
            drawn, rows,
            "chart {id}: {drawn} drawn, {rows} in its table"
        );
    }
    figures.len()
}

#[test]
fn diff_page_parses_anchors_every_pair_and_charts_with_tables() {
    let html = sample("html");
    let doc = parse(&html);
    check_self_contained(&doc, &html);
    let c: Comparison = serde_json::from_str(&sample("json")).unwrap();
    assert!(
        c.sections.len() > 50,
        "the sample pair has many section pairs"
    );
    for i in 0..c.sections.len() {
        let id = yoydiff::render::html::pair_id(i);
        let anchored = doc.select(&sel(&format!("section.pair#{id}"))).count();
        assert_eq!(anchored, 1, "section pair {i} has no anchor {id}");
        let linked = doc
            .select(&sel(&format!("nav.toc a[href=\"#{id}\"]")))
            .count();
        assert_eq!(linked, 1, "the contents list does not link to {id}");
    }
    // The page opens with the briefing.
    let first = doc.select(&sel("main section")).next().unwrap();
    assert_eq!(first.value().attr("id"), Some("briefing"));
    let briefing: String = first.text().collect();
    assert!(
        briefing.contains("国内生产总值 (target 5.5%左右, outcome 3%)"),
        "{briefing}"
    );
    // Charts: last year's targets against this year's outcomes, figures old against new.
    assert!(check_charts(&doc) >= 2);
    let gdp = doc
        .select(&sel("#chart-promises-0 tbody tr"))
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .find(|r| r.starts_with("国内生产总值"))
        .expect("the GDP promise is charted");
    assert_eq!(gdp, "国内生产总值 (missed)|5.5%左右|3%|5.5|3");
    // Side by side with the inline word marks of reworded sentences.
    let reworded = c
        .sections
        .iter()
        .flat_map(|p| &p.changes)
        .filter(|ch| ch.kind == yoydiff::model::ChangeKind::Reworded)
        .count();
    assert!(reworded > 0);
    assert!(doc.select(&sel(".sbs del")).count() >= reworded);
    assert!(doc.select(&sel(".sbs ins")).count() >= reworded);
}

#[test]
fn report_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("a-2022.txt");
    let new = dir.path().join("a-2023.txt");
    std::fs::write(
        &old,
        "一、2021年工作回顾\n推进<b>“数字&政府”</b>建设，成效明显，群众满意。\n二、2022年主要任务\n今年地区生产总值增长6%左右，确保完成任务。\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "一、2022年工作回顾\n推进<script>alert('x')</script>“数字&政府”建设，成效明显，群众满意。\n二、2023年主要任务\n今年地区生产总值增长5%左右，确保完成任务。\n",
    )
    .unwrap();
    let html = run(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "html",
    ]);
    let doc = parse(&html);
    check_self_contained(&doc, &html);
    // The report's `<b>` and `<script>` are text, never elements.
    assert_eq!(
        doc.select(&sel("main script, .sbs b, .sbs script")).count(),
        0
    );
    assert!(doc.select(&sel(".sbs")).count() > 0);
    let text: String = doc.select(&sel("main")).next().unwrap().text().collect();
    assert!(text.contains("<script>alert('x')</script>"), "{text}");
    assert!(text.contains("“数字&政府”"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
}

#[test]
fn trend_page_charts_targets_with_the_gap_shaded() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = [
        (2021, "2.3%", "6%"),
        (2022, "8.1%", "5.5%"),
        (2023, "3%", "5%"),
        (2025, "5%", "5%"),
        (2026, "5.2%", "5%"),
    ]
    .iter()
    .map(|(y, g, t)| {
        let p = dir.path().join(format!("gwr-{y}.txt"));
        std::fs::write(
            &p,
            format!(
                "一、{}年工作回顾\n过去一年，全区地区生产总值增长{g}，经济运行总体平稳。\n二、{y}年主要任务\n今年主要预期目标是：地区生产总值增长{t}左右，城镇新增就业稳定。\n",
                y - 1
            ),
        )
        .unwrap();
        p
    })
    .collect();
    let mut args = vec!["trend".to_string()];
    args.extend(files.iter().map(|p| p.display().to_string()));
    args.extend(["--format".to_string(), "html".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let html = run(&args);
    let doc = parse(&html);
    check_self_contained(&doc, &html);
    assert_eq!(check_charts(&doc), 1);
    let rows: Vec<String> = doc
        .select(&sel("#chart-0 tbody tr"))
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(
        rows,
        [
            "2021|6%左右|6|8.1%|8.1|met",
            "2022|5.5%左右|5.5|3%|3|missed",
            "2023|5%左右|5|gap",
            "2024|no edition",
            "2025|5%左右|5|5.2%|5.2|met",
            "2026|5%左右|5|pending",
        ]
    );
    assert_eq!(doc.select(&sel("#chart-0 svg rect.gap")).count(), 1);
    assert_eq!(
        doc.select(&sel("main section"))
            .next()
            .unwrap()
            .value()
            .attr("id"),
        Some("briefing")
    );
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn national_trend_page() {
    let dir = common::corpus().join("zh");
    let html = run(&[
        "trend",
        dir.to_str().unwrap(),
        "--series",
        "national-gwr",
        "--format",
        "html",
    ]);
    let doc = parse(&html);
    check_self_contained(&doc, &html);
    assert!(check_charts(&doc) >= 3);
    let gdp: Vec<String> = doc
        .select(&sel("#chart-0 tbody tr"))
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(gdp[6], "2019|6%－6.5%|6|gap");
    assert_eq!(gdp[7], "2020|no edition");
    assert_eq!(gdp[9], "2022|5.5%左右|5.5|3%|3|missed");
}

/// Chromium's flags: no network, no first-run work, a throw-away profile.
fn chromium(profile: &Path) -> Process {
    let mut cmd = Process::new("chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=1280,2000",
    ]);
    cmd.arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// Renders `page` to `png` and returns the console lines Chromium logged for it. With
/// `--enable-logging=stderr` every console message and uncaught exception of the page is a
/// `CONSOLE` line on stderr; the pages log nothing, so any such line is an error.
fn render(page: &Path, png: &Path) -> Vec<String> {
    let profile = tempfile::tempdir().unwrap();
    let _ = std::fs::remove_file(png);
    let out = chromium(profile.path())
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs (apt-get install chromium)");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught"))
        .map(str::to_string)
        .collect()
}

/// The share of pixels that are not the background, and the number of distinct colours.
fn ink(png: &Path) -> (f64, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1280, 2000));
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let mut colours = std::collections::HashSet::new();
    let mut inked = 0usize;
    let total = (info.width * info.height) as usize;
    for px in pixels.chunks(channels) {
        let rgb = (
            px[0],
            px.get(1).copied().unwrap_or(px[0]),
            px.get(2).copied().unwrap_or(px[0]),
        );
        if rgb != (255, 255, 255) {
            inked += 1;
        }
        if colours.len() < 10_000 {
            colours.insert(rgb);
        }
    }
    (inked as f64 / total as f64, colours.len())
}

#[test]
#[ignore = "needs chromium"]
fn pages_render_in_chromium_without_console_errors() {
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html");
    std::fs::create_dir_all(&out_dir).unwrap();

    // The check itself must be able to fail: a page with a script error is caught.
    let broken = out_dir.join("broken.html");
    std::fs::write(
        &broken,
        "<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction();</script></body></html>",
    )
    .unwrap();
    let errors = render(&broken, &out_dir.join("broken.png"));
    assert!(
        errors.iter().any(|l| l.contains("Uncaught ReferenceError")),
        "a script error must show on stderr: {errors:?}"
    );

    let diff = out_dir.join("diff.html");
    let args = sample_args("html");
    let mut cmd = yoydiff();
    cmd.args(&args).arg("-o").arg(&diff);
    assert!(cmd.output().unwrap().status.success());
    let dir = tempfile::tempdir().unwrap();
    let mut trend_args = vec!["trend".to_string()];
    for (y, g, t) in [
        (2021, "2.3%", "6%"),
        (2022, "8.1%", "5.5%"),
        (2023, "3%", "5%"),
    ] {
        let p = dir.path().join(format!("gwr-{y}.txt"));
        std::fs::write(
            &p,
            format!(
                "一、{}年工作回顾\n过去一年，全区地区生产总值增长{g}，经济运行总体平稳。\n二、{y}年主要任务\n今年主要预期目标是：地区生产总值增长{t}左右，城镇新增就业稳定。\n",
                y - 1
            ),
        )
        .unwrap();
        trend_args.push(p.display().to_string());
    }
    let trend = out_dir.join("trend.html");
    let mut cmd = yoydiff();
    cmd.args(&trend_args)
        .args(["--format", "html", "-o"])
        .arg(&trend);
    assert!(cmd.output().unwrap().status.success());

    for page in [&diff, &trend] {
        let png = page.with_extension("png");
        let errors = render(page, &png);
        assert!(
            errors.is_empty(),
            "{}: console errors: {errors:?}",
            page.display()
        );
        let (share, colours) = ink(&png);
        println!(
            "screenshot: {} ({:.0}% of pixels inked, {colours} colours)",
            png.display(),
            share * 100.0
        );
        assert!(
            share > 0.03,
            "{}: the screenshot is nearly empty",
            png.display()
        );
        assert!(
            colours > 50,
            "{}: the screenshot has {colours} colours",
            png.display()
        );
    }
}

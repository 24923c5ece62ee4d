//! The Markdown changelog and the GitHub comment as a reader's renderer sees them: parsed with
//! a GFM parser (tables and strikethrough on), they open with the briefing as a real table,
//! mark insertions and deletions in one style each, keep absolute paths out of the title, show
//! a report's own table rows whole, and the comment keeps every top-level part while filling
//! its budget.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> String {
    root()
        .join("samples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

const OLD: &str = "national-gwr-2022.txt";
const NEW: &str = "national-gwr-2023.txt";

fn yoydiff(cwd: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("yoydiff");
    cmd.current_dir(cwd);
    cmd
}

/// `yoydiff diff OLD NEW --format FORMAT EXTRA…` on the sample pair, run in `cwd`.
fn diff_in(cwd: &Path, format: &str, extra: &[&str]) -> String {
    let out = yoydiff(cwd)
        .args(["diff", &sample(OLD), &sample(NEW), "--format", format])
        .args(extra)
        .output()
        .expect("run yoydiff");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn diff(format: &str, extra: &[&str]) -> String {
    diff_in(&root(), format, extra)
}

/// What the parser made of a document: tables (header cells, number of rows), how inserted
/// and deleted text was marked inside list items, and the top-level `<summary>` lines.
#[derive(Default, Debug)]
struct Parsed {
    tables: Vec<(Vec<String>, usize)>,
    /// `**…**` spans inside list items after the "Changes by section" heading.
    strong_in_changes: Vec<String>,
    strikethrough: usize,
    ins: usize,
    del: usize,
    headings: Vec<String>,
}

fn parse(md: &str) -> Parsed {
    let mut p = Parsed::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let (mut in_head, mut in_cell, mut in_heading) = (false, false, false);
    let (mut cell, mut heading) = (String::new(), String::new());
    let (mut items, mut strong, mut changes) = (0usize, None::<String>, false);
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Table(_)) => p.tables.push((Vec::new(), 0)),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => p.tables.last_mut().unwrap().1 += 1,
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                cell.clear();
            }
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                if in_head {
                    p.tables.last_mut().unwrap().0.push(cell.clone());
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                changes |= heading == "Changes by section";
                p.headings.push(heading.clone());
            }
            Event::Start(Tag::Item) => items += 1,
            Event::End(TagEnd::Item) => items -= 1,
            Event::Start(Tag::Strong) if changes && items > 0 => strong = Some(String::new()),
            Event::End(TagEnd::Strong) => {
                if let Some(s) = strong.take() {
                    p.strong_in_changes.push(s);
                }
            }
            Event::Start(Tag::Strikethrough) => p.strikethrough += 1,
            Event::InlineHtml(h) | Event::Html(h) => {
                p.ins += h.matches("<ins>").count();
                p.del += h.matches("<del>").count();
            }
            Event::Text(t) | Event::Code(t) => {
                if in_cell {
                    cell.push_str(&t);
                }
                if in_heading {
                    heading.push_str(&t);
                }
                if let Some(s) = strong.as_mut() {
                    s.push_str(&t);
                }
            }
            _ => {}
        }
    }
    p
}

const ZH_HEADER: [&str; 6] = [
    "指标",
    "去年目标",
    "实际",
    "完成情况",
    "今年目标",
    "目标变化",
];

#[test]
fn markdown_opens_with_the_briefing_table_and_marks_changes_in_one_style() {
    let md = diff("markdown", &[]);
    let p = parse(&md);
    // The briefing comes right after the summary, before the figures.
    let briefing = md.find("\n## 要点\n").expect("briefing heading");
    assert!(briefing < md.find("\n## Figures\n").unwrap());
    let (header, rows) = &p.tables[0];
    assert_eq!(header, &ZH_HEADER, "the first table is the target table");
    assert!(*rows >= 7, "{rows} rows");
    // The 2022 report set 5.5%左右 for GDP, the 2023 report gives 3% and sets 5%左右.
    assert!(
        md.contains("| 国内生产总值 | 5.5%左右 | 3% | 未完成 | 5%左右 | -0.5个百分点 |"),
        "{}",
        &md[briefing..briefing + 600]
    );
    // One style: insertions in <ins>, deletions in <del>, never bold or struck through.
    assert!(p.ins > 25 && p.del > 25, "{} <ins>, {} <del>", p.ins, p.del);
    assert_eq!(p.strikethrough, 0);
    assert!(
        p.strong_in_changes.is_empty(),
        "{:?}",
        &p.strong_in_changes[..p.strong_in_changes.len().min(5)]
    );
    // An added sentence is labelled once, its words unmarked (2023, l. 181).
    assert!(
        md.contains("- *added, l. 181:* 强化科技创新对产业发展的支撑。\n"),
        "added sentence"
    );
}

#[test]
fn an_english_report_gets_english_heads() {
    let dir = tempfile::tempdir().unwrap();
    let old = "# Plan\n\nRevenue grew 5% in 2022 to $40 billion.\n\n# Outlook\n\nWe aim for growth of 4% in 2023.\n";
    let new = "# Plan\n\nRevenue grew 7% in 2023 to $47 billion.\n\n# Outlook\n\nWe aim for growth of 6% in 2024.\n";
    std::fs::write(dir.path().join("r-2022.md"), old).unwrap();
    std::fs::write(dir.path().join("r-2023.md"), new).unwrap();
    let out = yoydiff(dir.path())
        .args(["diff", "r-2022.md", "r-2023.md", "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("\n## Briefing\n"), "{md}");
    assert!(!md.contains("要点"), "{md}");
}

#[test]
fn no_absolute_path_in_the_title() {
    let title_block = |md: &str| md.split("\n- ").next().unwrap().to_string();
    // Inputs under the current folder are named relative to it.
    for format in ["markdown", "github"] {
        let md = diff(format, &[]);
        let head = title_block(&md);
        assert!(
            head.contains(
                "samples/national-gwr-2022.txt (2022) → samples/national-gwr-2023.txt (2023)"
            ),
            "{head}"
        );
        assert!(!head.contains(root().to_str().unwrap()), "{head}");
    }
    // Elsewhere, by file name.
    let elsewhere = tempfile::tempdir().unwrap();
    let md = diff_in(elsewhere.path(), "markdown", &[]);
    let head = title_block(&md);
    assert!(
        head.contains("\nnational-gwr-2022.txt (2022) → national-gwr-2023.txt (2023)"),
        "{head}"
    );
    assert!(!head.contains('/'), "{head}");
    // --title names the report in every format for people; JSON keeps the sources.
    for format in ["markdown", "github"] {
        let md = diff(format, &["--title", "Government work report"]);
        assert!(
            md.starts_with("# Government work report: 2022 → 2023\n"),
            "{}",
            &md[..80]
        );
    }
    let html = diff("html", &["--title", "Government work report"]);
    assert!(
        html.contains("<h1>Government work report: 2022 → 2023</h1>"),
        "html title"
    );
    let json = diff("json", &["--title", "x"]);
    assert!(
        json.contains(&sample(OLD)),
        "JSON keeps the source as given"
    );
}

#[test]
fn a_reports_own_table_rows_are_shown_whole() {
    // A row of a share-purchase table (as in Apple's 10-K) whose figures changed.
    let dir = tempfile::tempdir().unwrap();
    let text = |year: &str, row: &str| {
        format!(
            "Annual report {year}\n\n# Purchases\n\nWe bought back shares during the year, as the table shows.\n{row}\n\n# Outlook\n\nWe remain patient and we expect more.\n"
        )
    };
    let old_row = "Open market and privately negotiated purchases 41,690 $ 145.91 41,690";
    let new_row = "Open market and privately negotiated purchases 33,864 $ 191.62 33,864";
    std::fs::write(dir.path().join("a-2022.txt"), text("2022", old_row)).unwrap();
    std::fs::write(dir.path().join("a-2023.txt"), text("2023", new_row)).unwrap();
    let out = yoydiff(dir.path())
        .args(["diff", "a-2022.txt", "a-2023.txt", "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    let changes = &md[md.find("## Changes by section").expect(&md)..];
    assert!(
        changes.contains(&format!(
            "- *table row changed, l. 6 → 6:*\n  - old: {}\n  - new: {}\n",
            old_row.replace('$', "\\$"),
            new_row.replace('$', "\\$")
        )),
        "{changes}"
    );
    // Not diffed cell by cell.
    for mark in ["<del>", "<ins>", "~~", "**4", "**3"] {
        assert!(!changes.contains(mark), "{mark} in\n{changes}");
    }
}

#[test]
fn github_comment_opens_with_the_briefing_and_keeps_every_part_on_a_budget() {
    let whole = diff("github", &[]);
    let p = parse(&whole);
    assert_eq!(p.tables[0].0, ZH_HEADER, "the briefing table comes first");
    assert_eq!(p.strikethrough, 0);
    assert!(p.strong_in_changes.is_empty(), "{:?}", p.strong_in_changes);
    assert!(whole.chars().count() <= 65_536);
    // The top-level parts of the 2023 report (its outline) each have a fold, and so does the
    // 2022 plan part the 2023 report no longer has.
    let parts = [
        "一、过去一年和五年工作回顾",
        "二、对今年政府工作的建议",
        "三、2022年政府工作任务",
        "(closing)",
    ];
    for budget in [30_000usize, 15_000] {
        let md = diff("github", &["--max-chars", &budget.to_string()]);
        let n = md.chars().count();
        assert!(n <= budget, "{n} > {budget}");
        // The budget is used, not left half empty.
        assert!(n * 10 >= budget * 9, "{n} of {budget}");
        for part in parts {
            assert!(
                md.contains(&format!("<summary>{part} — ")),
                "{part} has a fold at {budget}"
            );
        }
        assert!(md.contains("sentence changes shown"), "cut inside parts");
        assert!(md.contains("Left out"), "the note");
        let p = parse(&md);
        assert_eq!(p.tables[0].0, ZH_HEADER);
        assert_eq!(
            md.matches("<details>").count(),
            md.matches("</details>").count()
        );
    }
}

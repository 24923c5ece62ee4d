//! Outputs for people and pipelines: Markdown and GitHub formats checked with a real CommonMark
//! parser, `-o` (atomic), `--only`, `--summary`, exit codes, `figures`, `batch`, and the JSON
//! fields against `docs/json-schema.md`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;
use yoydiff::model::InlineOp;
use yoydiff::model::InlineTag;
use yoydiff::render::markdown;

fn yoydiff() -> Command {
    let mut cmd = cargo_bin_cmd!("yoydiff");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

const OLD: &str = "national-gwr-2022.txt";
const NEW: &str = "national-gwr-2023.txt";

fn run(args: &[&str]) -> Output {
    yoydiff().args(args).output().expect("run yoydiff")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn diff(format: &str, extra: &[&str]) -> String {
    let (o, n) = (sample(OLD), sample(NEW));
    let mut args = vec!["diff", o.as_str(), n.as_str(), "--format", format];
    args.extend_from_slice(extra);
    stdout(&run(&args))
}

#[track_caller]
fn one_line_error(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr:?}");
    assert!(stderr.starts_with("yoydiff: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// What a parser made of a Markdown text: inserted and deleted spans (whatever their form),
/// tables, `<details>` balance, and text that still holds raw delimiters.
#[derive(Default, Debug)]
struct Parsed {
    inserted: Vec<String>,
    deleted: Vec<String>,
    tables: usize,
    details_open: usize,
    details_close: usize,
    raw_delimiters: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Span {
    Ins,
    Del,
}

fn parse(md: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut open: Vec<(Span, String)> = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Table(_)) => p.tables += 1,
            Event::Start(Tag::Strong) => open.push((Span::Ins, String::new())),
            Event::Start(Tag::Strikethrough) => open.push((Span::Del, String::new())),
            Event::End(TagEnd::Strong) | Event::End(TagEnd::Strikethrough) => {
                let (kind, text) = open.pop().expect("balanced emphasis");
                match kind {
                    Span::Ins => p.inserted.push(text),
                    Span::Del => p.deleted.push(text),
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                p.details_open += h.matches("<details>").count();
                p.details_close += h.matches("</details>").count();
                match h.trim() {
                    "<ins>" | "<b>" => open.push((Span::Ins, String::new())),
                    "<del>" => open.push((Span::Del, String::new())),
                    "</ins>" | "</del>" | "</b>" => {
                        let (kind, text) = open.pop().expect("balanced ins/del");
                        match kind {
                            Span::Ins => p.inserted.push(text),
                            Span::Del => p.deleted.push(text),
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if t.contains("**") || t.contains("~~") {
                    p.raw_delimiters.push(t.to_string());
                }
                if let Some((_, text)) = open.last_mut() {
                    text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed spans: {:?}", open.len());
    p
}

fn runs(spec: &[(InlineTag, &str)]) -> Vec<InlineOp> {
    spec.iter()
        .map(|(op, text)| InlineOp {
            op: *op,
            text: text.to_string(),
            old_text: None,
        })
        .collect()
}

#[test]
fn inline_marks_parse_next_to_cjk_punctuation_and_markdown_characters() {
    use InlineTag::{Delete as D, Equal as E, Insert as I};
    let cases: Vec<Vec<(InlineTag, &str)>> = vec![
        vec![(E, "推进"), (I, "“上海硅巷”"), (E, "建设")],
        vec![(E, "推进"), (D, "“旧”"), (I, "《新》"), (E, "。")],
        vec![(E, "增长"), (D, "5%"), (I, "6.5%"), (E, "左右")],
        vec![(D, "（一）"), (I, "（二）"), (E, "坚持")],
        vec![(E, "a"), (I, "*b*"), (E, "c")],
        vec![(E, "x_"), (D, "_y"), (E, "|z")],
        vec![(E, "the"), (D, " old"), (I, " new "), (E, "plan.")],
        vec![(E, "A"), (I, "[link](x)"), (E, "<b>")],
        vec![(I, "，"), (E, "文字")],
        vec![(E, "文字"), (D, "。")],
    ];
    for case in cases {
        let r = runs(&case);
        let md = markdown::inline(&r);
        let p = parse(&md);
        let want_ins: Vec<String> = case
            .iter()
            .filter(|(op, _)| *op == I)
            .map(|(_, t)| t.trim().to_string())
            .collect();
        let want_del: Vec<String> = case
            .iter()
            .filter(|(op, _)| *op == D)
            .map(|(_, t)| t.trim().to_string())
            .collect();
        assert_eq!(p.inserted, want_ins, "{md}");
        assert_eq!(p.deleted, want_del, "{md}");
        assert!(p.raw_delimiters.is_empty(), "{md}");
    }
}

/// Every inserted and deleted run of the JSON comparison is a real span in the Markdown.
#[test]
fn markdown_of_the_sample_pair_parses_as_intended() {
    let md = diff("markdown", &[]);
    let json: Value = serde_json::from_str(&diff("json", &[])).unwrap();
    let p = parse(&md);
    assert!(
        md.starts_with("# 政府工作报告: 2022 → 2023\n"),
        "{}",
        &md[..80]
    );
    assert!(p.tables >= 2, "figures and promises tables: {}", p.tables);
    assert!(
        p.raw_delimiters.is_empty(),
        "{:?}",
        &p.raw_delimiters[..3.min(p.raw_delimiters.len())]
    );
    let inserted: BTreeSet<&str> = p.inserted.iter().map(String::as_str).collect();
    let deleted: BTreeSet<&str> = p.deleted.iter().map(String::as_str).collect();
    let (mut checked_ins, mut checked_del, mut checked_whole) = (0, 0, 0);
    for pair in json["sections"].as_array().unwrap() {
        for c in pair["changes"].as_array().unwrap() {
            let whole = |k: &str| c[k].as_str().unwrap_or("").trim().to_string();
            match c["kind"].as_str().unwrap() {
                // A whole sentence is labelled once and not marked word by word.
                "added" => {
                    let item = format!(":* {}\n", markdown::escape(&whole("new")));
                    assert!(md.contains(&item), "{}", whole("new"));
                    checked_whole += 1;
                }
                "removed" => {
                    let item = format!(":* {}\n", markdown::escape(&whole("old")));
                    assert!(md.contains(&item), "{}", whole("old"));
                    checked_whole += 1;
                }
                _ => {
                    for r in c["inline"].as_array().unwrap() {
                        let text = r["text"].as_str().unwrap().trim();
                        if text.is_empty() {
                            continue;
                        }
                        match r["op"].as_str().unwrap() {
                            "insert" => {
                                assert!(inserted.contains(text), "insert {text:?}");
                                checked_ins += 1;
                            }
                            "delete" => {
                                assert!(deleted.contains(text), "delete {text:?}");
                                checked_del += 1;
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
    }
    assert!(
        checked_ins > 25 && checked_del > 25 && checked_whole > 700,
        "{checked_ins} {checked_del} {checked_whole}"
    );
    // Headings mirror the outline: top-level sections at ###, their children at ####.
    assert!(
        md.contains("\n### 一、过去一年和五年工作回顾\n"),
        "top-level heading"
    );
    assert!(md.contains("\n#### "), "second-level headings");
}

#[test]
fn github_comment_stays_under_the_limit_with_closed_folds() {
    let md = diff("github", &[]);
    assert!(md.chars().count() <= 65_536, "{}", md.chars().count());
    let p = parse(&md);
    assert!(p.tables >= 1);
    assert!(p.details_open >= 2);
    assert_eq!(p.details_open, p.details_close);
    assert!(p.raw_delimiters.is_empty());
    // The summary comes first.
    let first_fold = md.find("<details>").unwrap();
    assert!(md[..first_fold].contains("**Overall similarity**"));
    // A tight budget cuts by priority and says what was left out and how to see it.
    let small = diff("github", &["--max-chars", "6000"]);
    assert!(small.chars().count() <= 6000, "{}", small.chars().count());
    assert!(small.contains("Left out"), "{small}");
    assert!(small.contains("--format markdown"), "{small}");
    let p = parse(&small);
    assert_eq!(p.details_open, p.details_close);
    assert!(small.contains("**Overall similarity**"));
}

#[test]
fn only_and_summary_filter_the_human_formats() {
    let figures = diff("markdown", &["--only", "figures"]);
    assert!(figures.contains("## Figures"));
    assert!(!figures.contains("## Changes by section"));
    assert!(!figures.contains("## Initiatives"));
    let text = diff("markdown", &["--only", "text,structure"]);
    assert!(text.contains("## Changes by section") && !text.contains("## Figures"));
    let summary = diff("markdown", &["--summary"]);
    assert!(summary.contains("## Figures") && summary.contains("## Promises"));
    assert!(!summary.contains("## Changes by section") && !summary.contains("## Initiatives"));
    // Term: a view without sections must not claim that nothing changed.
    let term = diff("term", &["--only", "initiatives", "--color", "never"]);
    assert!(term.contains("Initiatives"), "{term}");
    assert!(!term.contains("No changes"), "{term}");
    assert!(!term.contains("Sections"), "{term}");
    let term = diff("term", &["--summary", "--color", "never"]);
    assert!(
        term.contains("Figures") && !term.contains("Sections"),
        "{term}"
    );
    // JSON is always whole.
    assert_eq!(diff("json", &["--only", "figures"]), diff("json", &[]));
    // A bad list is one line, exit 2.
    let (o, n) = (sample(OLD), sample(NEW));
    let line = one_line_error(&run(&["diff", &o, &n, "--only", "figures,colour"]));
    assert!(line.contains("--only"), "{line}");
}

#[test]
fn output_file_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("changes.md");
    let (o, n) = (sample(OLD), sample(NEW));
    let t = target.to_str().unwrap();
    let out = run(&["diff", &o, &n, "--format", "markdown", "-o", t]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        diff("markdown", &[])
    );
    // A failing run leaves the old file as it was, and no temporary file behind.
    std::fs::write(&target, "previous").unwrap();
    one_line_error(&run(&[
        "diff",
        &o,
        "/no/such/file",
        "--format",
        "markdown",
        "-o",
        t,
    ]));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous");
    // A target that cannot be replaced (a folder) is one line, exit 2, and stays.
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let line = one_line_error(&run(&[
        "diff",
        &o,
        &n,
        "--output",
        folder.to_str().unwrap(),
    ]));
    assert!(line.contains("cannot write"), "{line}");
    assert!(folder.is_dir());
    let missing = dir.path().join("no/such/dir/out.md");
    one_line_error(&run(&["diff", &o, &n, "-o", missing.to_str().unwrap()]));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn exit_codes_are_documented_and_kept() {
    let help = stdout(&run(&["diff", "--help"]));
    for needle in [
        "Exit codes",
        "--exit-code",
        "markdown",
        "github",
        "--only",
        "--summary",
    ] {
        assert!(help.contains(needle), "help lacks {needle}");
    }
    let (o, n) = (sample(OLD), sample(NEW));
    assert_eq!(
        run(&["diff", &o, &n, "--format", "markdown"]).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&["diff", &o, &n, "--format", "github", "--exit-code"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(&["diff", &o, &o, "--format", "markdown", "--exit-code"])
            .status
            .code(),
        Some(0)
    );
    one_line_error(&run(&["diff", &o, &n, "--format", "yaml"]));
}

#[test]
fn figures_command_in_every_format() {
    let f = sample(NEW);
    let term = stdout(&run(&["figures", &f, "--color", "never"]));
    assert!(
        term.contains("国内生产总值") && term.contains("figures"),
        "{term}"
    );
    let json: Value =
        serde_json::from_str(&stdout(&run(&["figures", &f, "--format", "json"]))).unwrap();
    assert_eq!(json["schema"], "yoydiff/1");
    assert_eq!(json["year"], 2023);
    let figures = json["figures"].as_array().unwrap();
    assert!(figures.len() > 50);
    for key in [
        "label", "role", "value", "unit", "text", "sentence", "section", "line",
    ] {
        assert!(figures[0].get(key).is_some(), "figure lacks {key}");
    }
    let md = stdout(&run(&["figures", &f, "--format", "markdown"]));
    assert_eq!(parse(&md).tables, 1);
    one_line_error(&run(&["figures", "/no/such/report.txt"]));
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn batch_over_a_list_and_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let list = write(
        dir.path(),
        "pairs.tsv",
        &format!(
            "old\tnew\n# the sample pair\n{}\t{}\n{}\t/no/such/file.txt\n",
            sample(OLD),
            sample(NEW),
            sample(OLD)
        ),
    );
    let out = run(&["batch", list.to_str().unwrap()]);
    let line = one_line_error(&Output {
        stdout: Vec::new(),
        ..out.clone()
    });
    assert!(line.contains("1 of 2 pairs failed"), "{line}");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["schema"], "yoydiff/1");
    assert_eq!(lines[0]["old"]["source"], sample(OLD));
    assert_eq!(lines[0]["new"]["year"], 2023);
    assert!(lines[0]["sections"].as_array().unwrap().len() > 10);
    assert!(lines[0].get("error").is_none());
    assert_eq!(lines[1]["new"]["source"], "/no/such/file.txt");
    assert!(lines[1]["error"].as_str().unwrap().contains("no such file"));
    // The same line as `diff --format json`, compacted.
    let whole: Value = serde_json::from_str(&diff("json", &[])).unwrap();
    assert_eq!(lines[0], whole);

    // A folder: editions of one prefix pair up by year; a lone edition pairs with nothing.
    let folder = dir.path().join("editions");
    std::fs::create_dir(&folder).unwrap();
    for name in [OLD, NEW] {
        std::fs::copy(sample(name), folder.join(name)).unwrap();
    }
    std::fs::copy(
        sample("changning-gwr-2025.txt"),
        folder.join("changning-gwr-2025.txt"),
    )
    .unwrap();
    write(&folder, "notes.txt", "not an edition");
    let out_file = dir.path().join("out.jsonl");
    let out = run(&[
        "batch",
        folder.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
        "--exit-code",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "no progress bar when stderr is not a terminal"
    );
    let text = std::fs::read_to_string(&out_file).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    let v: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert!(v["old"]["source"].as_str().unwrap().ends_with(OLD));
    assert!(v["new"]["source"].as_str().unwrap().ends_with(NEW));

    // Bad lists are one-line errors.
    let bad = write(dir.path(), "bad.tsv", "only-one-column\n");
    assert!(one_line_error(&run(&["batch", bad.to_str().unwrap()])).contains("bad.tsv:1"));
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    one_line_error(&run(&["batch", empty.to_str().unwrap()]));
    one_line_error(&run(&["batch", "/no/such/list.tsv"]));
}

/// Field names documented in `docs/json-schema.md`: every backticked name in the doc.
fn documented_fields() -> BTreeSet<String> {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json-schema.md"))
            .unwrap();
    let mut out = BTreeSet::new();
    for (i, piece) in doc.split('`').enumerate() {
        if i % 2 == 1 {
            for name in piece.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                if !name.is_empty() {
                    out.insert(name.to_string());
                }
            }
        }
    }
    out
}

/// Object keys emitted anywhere in `value`, except the keys of count maps (whose keys are kinds
/// and statuses, documented as values).
fn emitted_fields(value: &Value, parent: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            let count_map = map.values().all(Value::is_number) && parent != "change";
            for (k, v) in map {
                if !count_map {
                    out.insert(k.clone());
                }
                emitted_fields(v, k, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| emitted_fields(v, parent, out)),
        _ => {}
    }
}

/// Fields emitted today that `docs/json-schema.md` does not document yet. The doc is being
/// brought up to date; this list must only shrink.
const NOT_YET_DOCUMENTED: &[&str] = &[
    // The `error` field of a failed `yoydiff batch` line.
    "error",
];

#[test]
fn json_fields_are_documented() {
    let documented = documented_fields();
    let mut emitted = BTreeSet::new();
    let (o, n) = (sample(OLD), sample(NEW));
    for args in [
        vec!["diff", o.as_str(), n.as_str(), "--format", "json"],
        vec!["outline", o.as_str(), "--format", "json"],
        vec!["figures", o.as_str(), "--format", "json"],
    ] {
        let v: Value = serde_json::from_str(&stdout(&run(&args))).unwrap();
        emitted_fields(&v, "", &mut emitted);
    }
    emitted.insert("error".to_string()); // batch error lines
    let missing: Vec<&String> = emitted
        .iter()
        .filter(|f| !documented.contains(*f))
        .collect();
    eprintln!("fields docs/json-schema.md does not document yet: {missing:?}");
    let unknown: Vec<&&String> = missing
        .iter()
        .filter(|f| !NOT_YET_DOCUMENTED.contains(&f.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "fields emitted but neither documented in docs/json-schema.md nor listed as pending: {unknown:?}"
    );
}

/// A program reading `diff --format json`, written from docs/json-schema.md alone: if the
/// output and the documented contract drift apart, this stops deserialising. Every documented
/// field is declared, read or not: declaring it is the check.
#[allow(dead_code)]
mod consumer {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Comparison {
        pub schema: String,
        pub old: Doc,
        pub new: Doc,
        pub summary: Summary,
        pub sections: Vec<SectionPair>,
        pub figures: Vec<FigurePair>,
        pub initiatives: Vec<Initiative>,
        pub promises: Vec<Promise>,
        pub delivery: Delivery,
    }

    #[derive(Deserialize)]
    pub struct Doc {
        pub source: String,
        pub year: Option<i32>,
        pub lang: String,
        pub title: String,
        pub encoding: String,
        pub format: String,
        pub extractor: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct Summary {
        pub sections: std::collections::BTreeMap<String, usize>,
        pub sentences: std::collections::BTreeMap<String, usize>,
        pub similarity: f64,
        pub text_changed: f64,
        pub year_shift: i32,
        pub figures: std::collections::BTreeMap<String, usize>,
        pub initiatives: std::collections::BTreeMap<String, usize>,
        pub key_terms: std::collections::BTreeMap<String, usize>,
        pub promises: std::collections::BTreeMap<String, usize>,
    }

    #[derive(Deserialize)]
    pub struct SectionPair {
        pub kind: String,
        pub similarity: f64,
        pub old: Vec<SectionRef>,
        pub new: Vec<SectionRef>,
        pub text_changed: f64,
        pub changes: Vec<SentenceChange>,
    }

    #[derive(Deserialize)]
    pub struct SectionRef {
        pub path: Vec<String>,
        pub number: String,
        pub title: String,
        pub level: u32,
        pub kind: String,
        pub lines: [u32; 2],
    }

    #[derive(Deserialize)]
    pub struct SentenceChange {
        pub kind: String,
        pub old: Option<String>,
        pub new: Option<String>,
        pub old_line: Option<u32>,
        pub new_line: Option<u32>,
        pub inline: Vec<InlineOp>,
        pub old_section: Option<Vec<String>>,
        pub new_section: Option<Vec<String>>,
    }

    #[derive(Deserialize)]
    pub struct InlineOp {
        pub op: String,
        pub text: String,
        pub old_text: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct Figure {
        pub label: String,
        pub role: String,
        pub value: f64,
        pub unit: String,
        pub text: String,
        pub qualifier: Option<String>,
        pub sentence: String,
        pub section: Vec<String>,
        pub line: u32,
    }

    #[derive(Deserialize)]
    pub struct FigurePair {
        pub label: String,
        pub role: String,
        pub unit: String,
        pub status: String,
        pub old: Option<Figure>,
        pub new: Option<Figure>,
        pub change: Option<Change>,
    }

    #[derive(Deserialize)]
    pub struct Change {
        pub absolute: f64,
        pub relative: Option<f64>,
    }

    #[derive(Deserialize)]
    pub struct Promise {
        pub label: String,
        pub target: Figure,
        pub outcome: Option<Figure>,
        pub verdict: String,
    }

    #[derive(Deserialize)]
    pub struct Initiative {
        pub name: String,
        pub status: String,
        pub kind: String,
        pub old_name: Option<String>,
        pub count: [usize; 2],
        pub old: Vec<Mention>,
        pub new: Vec<Mention>,
    }

    #[derive(Deserialize)]
    pub struct Mention {
        pub sentence: String,
        pub section: Vec<String>,
        pub line: u32,
    }

    #[derive(Deserialize)]
    pub struct Delivery {
        pub delivered: Vec<Initiative>,
        pub silent: Vec<Initiative>,
    }
}

#[test]
fn a_consumer_reads_the_diff_json_back_with_serde() {
    let json = diff("json", &[]);
    let c: consumer::Comparison = serde_json::from_str(&json).expect("the documented contract");
    assert_eq!(c.schema, "yoydiff/1");
    assert_eq!(
        (c.old.year, c.new.year, c.summary.year_shift),
        (Some(2022), Some(2023), 1)
    );
    assert_eq!(
        (c.old.lang.as_str(), c.new.title.as_str()),
        ("zh", "政府工作报告")
    );
    // The summary counts what the lists hold.
    let mut kinds = std::collections::BTreeMap::new();
    for p in &c.sections {
        *kinds.entry(p.kind.clone()).or_insert(0usize) += 1;
        assert!(
            p.old
                .iter()
                .chain(&p.new)
                .all(|r| r.lines[0] <= r.lines[1] && r.level >= 1 && !r.path.is_empty())
        );
        assert!((0.0..=1.0).contains(&p.similarity) && (0.0..=1.0).contains(&p.text_changed));
        for ch in &p.changes {
            if ch.kind == "reworded" {
                let new: String = ch
                    .inline
                    .iter()
                    .filter(|r| r.op != "delete")
                    .map(|r| r.text.as_str())
                    .collect();
                assert_eq!(Some(new), ch.new);
            }
            assert_eq!(
                ch.kind == "moved",
                ch.old_section.is_some() && ch.new_section.is_some()
            );
        }
    }
    kinds.retain(|_, n| *n > 0);
    let mut summary = c.summary.sections.clone();
    summary.retain(|_, n| *n > 0);
    assert_eq!(kinds, summary);
    let sentence_total: usize = c.sections.iter().map(|p| p.changes.len()).sum();
    assert_eq!(sentence_total, c.summary.sentences.values().sum::<usize>());
    assert_eq!(c.figures.len(), c.summary.figures.values().sum::<usize>());
    assert_eq!(c.promises.len(), c.summary.promises.values().sum::<usize>());
    // Named initiatives and key terms are counted apart; together they are the list.
    assert_eq!(
        c.initiatives.len(),
        c.summary.initiatives.values().sum::<usize>() + c.summary.key_terms.values().sum::<usize>()
    );
    let terms = c.initiatives.iter().filter(|i| i.kind == "term").count();
    assert_eq!(terms, c.summary.key_terms.values().sum::<usize>());
    let gdp = c
        .promises
        .iter()
        .find(|p| p.label == "国内生产总值")
        .expect("GDP promise");
    assert_eq!((gdp.target.value, gdp.target.unit.as_str()), (5.5, "%"));
    assert_eq!(gdp.verdict, "missed");
    assert!(
        c.figures
            .iter()
            .any(|f| f.status == "changed" && f.change.is_some())
    );
    assert!(
        c.initiatives
            .iter()
            .all(|i| i.count[0] >= i.old.len() && i.count[1] >= i.new.len())
    );
    assert!(!c.delivery.delivered.is_empty() && !c.delivery.silent.is_empty());
    assert!(
        (0.0..=1.0).contains(&c.summary.similarity)
            && (0.0..=1.0).contains(&c.summary.text_changed)
    );
}

/// The library's own model reads the binary's JSON back whole: the same value the library
/// computes in-process, field for field.
#[test]
fn the_library_model_reads_the_diff_json_back() {
    let json = diff("json", &[]);
    let back: yoydiff::model::Comparison =
        serde_json::from_str(&json).expect("the model deserialises its own JSON");
    let load = |name: &str| {
        yoydiff::load_document(
            &yoydiff::Source::Path(PathBuf::from(sample(name))),
            None,
            yoydiff::OutlineOptions::default(),
        )
        .unwrap()
    };
    let direct = yoydiff::compare(&load(OLD), &load(NEW), &yoydiff::CompareOptions::default());
    assert_eq!(back.schema, yoydiff::model::SCHEMA);
    assert!(back.summary.sections.edited > 0 && back.summary.figures.changed > 0);
    assert_eq!(back, direct);
}

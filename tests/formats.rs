//! PDF, DOCX and HTML inputs without the corpus: the HTML fixture made from a sample report,
//! formats told by content on stdin and through `REV:PATH`, and the format in the outputs.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use yoydiff::model::PairKind;
use yoydiff::{CompareOptions, InputFormat, OutlineOptions, Source, compare, load_document};

mod common;

/// `tests/fixtures/national-gwr-2023.html`: `samples/national-gwr-2023.txt` as a news site
/// would serve it, one `<p>` per paragraph (the top-level headings as `<h2>`, the second-level
/// ones bold), inside page chrome: a site header with a search form, a navigation bar, bread
/// crumbs, date and source, a font-size widget with print and close links, share buttons, the
/// editor's line, a related-news list, a side bar of topics, a footer and scripts.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/national-gwr-2023.html")
}

fn load(path: &Path) -> yoydiff::Document {
    load_document(
        &Source::Path(path.to_path_buf()),
        None,
        OutlineOptions::default(),
    )
    .unwrap()
}

#[test]
fn a_web_page_reads_like_the_report_it_carries() {
    let txt = common::load_sample("national-gwr-2023.txt");
    let html = load(&fixture());
    assert_eq!(html.format, InputFormat::Html);
    assert_eq!(html.extractor.as_deref(), Some("html"));
    assert_eq!(html.title, "政府工作报告");
    assert_eq!(html.year, Some(2023));
    let c = compare(&txt, &html, &CompareOptions::default());
    assert_eq!(c.summary.sentences.total(), 0);
    assert!(c.sections.iter().all(|s| s.kind == PairKind::Unchanged));
    let text: String = html.walk().iter().map(|s| s.full_text()).collect();
    for chrome in [
        "中国政府网",
        "首页",
        "搜索",
        "字号",
        "打印",
        "关闭",
        "分享到",
        "微信",
        "来源：新华社",
        "责任编辑",
        "相关新闻",
        "政府工作报告诞生记",
        "热点专题",
        "版权所有",
        "网站地图",
        "_hmt",
    ] {
        assert!(!text.contains(chrome), "page chrome kept: {chrome}");
    }
}

#[test]
fn formats_are_told_by_content_on_stdin() {
    let out = cargo_bin_cmd!("yoydiff")
        .args(["outline", "-", "--format", "json"])
        .pipe_stdin(fixture())
        .unwrap()
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "html");
    assert_eq!(v["extractor"], "html");
    assert_eq!(v["source"], "<stdin>");
}

/// A one-page PDF drawing `lines` in Helvetica, with a correct cross-reference table.
fn pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 72 720 Td 14 TL");
    for l in lines {
        content.push_str(&format!(" ({l}) Tj T*"));
    }
    content.push_str(" ET");
    common::pdf_of_pages(&[content])
}

/// A DOCX with one paragraph per line of `lines`.
fn docx(lines: &[&str]) -> Vec<u8> {
    let body: String = lines.iter().map(|l| docx_paragraph(l)).collect();
    docx_of_body(&body)
}

fn docx_paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A DOCX whose body is `body` (WordprocessingML).
fn docx_of_body(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut buf = Vec::new();
    let mut z = zip::ZipWriter::new(Cursor::new(&mut buf));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("word/document.xml", opts).unwrap();
    z.write_all(document.as_bytes()).unwrap();
    z.finish().unwrap();
    buf
}

#[track_caller]
fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn pdf_and_docx_editions_compare_through_git() {
    // Files named `.txt` hold a PDF and a DOCX: the content decides, not the name.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    git(root, &["config", "user.email", "test@example.com"]);
    git(root, &["config", "user.name", "yoydiff test"]);
    git(root, &["config", "commit.gpgsign", "false"]);
    let old = pdf(&[
        "Annual Report 2023",
        "Revenue grew 5% in 2023.",
        "We opened two plants.",
    ]);
    std::fs::write(root.join("report.txt"), &old).unwrap();
    git(root, &["add", "report.txt"]);
    git(root, &["commit", "-q", "-m", "2023"]);
    let new = docx(&[
        "Annual Report 2024",
        "Revenue grew 7% in 2024.",
        "We opened two plants.",
    ]);
    std::fs::write(root.join("report.txt"), &new).unwrap();
    git(root, &["commit", "-q", "-a", "-m", "2024"]);
    let out = cargo_bin_cmd!("yoydiff")
        .current_dir(root)
        .args([
            "diff",
            "HEAD~1:report.txt",
            "HEAD:report.txt",
            "--format",
            "json",
        ])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["old"]["format"], "pdf");
    assert_eq!(v["old"]["extractor"], "pdf-extract");
    assert_eq!(v["new"]["format"], "docx");
    assert_eq!(v["new"]["extractor"], "docx");
    assert_eq!(v["summary"]["year_shift"], 1);
    let figures = v["figures"].as_array().unwrap();
    assert!(
        figures
            .iter()
            .any(|f| f["old"]["value"] == 5.0 && f["new"]["value"] == 7.0),
        "{figures:#?}"
    );
    // The terminal names how each edition was read.
    let out = cargo_bin_cmd!("yoydiff")
        .current_dir(root)
        .args([
            "diff",
            "HEAD~1:report.txt",
            "HEAD:report.txt",
            "--color",
            "never",
        ])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    let head = String::from_utf8(out.stdout).unwrap();
    let first = head.lines().next().unwrap();
    assert_eq!(
        first,
        "HEAD~1:report.txt (2023, pdf via pdf-extract) → HEAD:report.txt (2024, docx)"
    );
}

/// A statistics table in a Word document, its row labels numbered like headings, one row a
/// label whose cells are empty: rows of the section that holds the table, and the heading
/// after the table is the next one.
#[test]
fn word_table_rows_are_never_headings() {
    let row = |cells: &[&str]| {
        let cells: String = cells
            .iter()
            .map(|c| format!("<w:tc>{}</w:tc>", docx_paragraph(c)))
            .collect();
        format!("<w:tr>{cells}</w:tr>")
    };
    let body = [
        docx_paragraph("一、总体情况"),
        docx_paragraph("全年受理申请21件。"),
        docx_paragraph("二、收到和处理政府信息公开申请情况"),
        format!(
            "<w:tbl>{}{}{}{}{}</w:tbl>",
            row(&["一、本年新收政府信息公开申请数量", "21", "21"]),
            row(&["（一）予以公开", "0", "0"]),
            row(&["（二）不予公开", "", ""]),
            row(&["1.属于国家秘密", "1", "1"]),
            row(&["三、结转下年度继续办理", "0", "0"]),
        ),
        docx_paragraph("三、政府信息公开行政复议、行政诉讼情况"),
        docx_paragraph("全年无行政复议。"),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.docx");
    std::fs::write(&path, docx_of_body(&body)).unwrap();
    let doc = load(&path);
    let headings: Vec<String> = doc.walk().iter().map(|s| s.heading_text()).collect();
    assert_eq!(
        headings,
        [
            "一、总体情况",
            "二、收到和处理政府信息公开申请情况",
            "三、政府信息公开行政复议、行政诉讼情况"
        ]
    );
    let rows: Vec<&str> = doc.sections[1]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        rows,
        [
            "一、本年新收政府信息公开申请数量21 21",
            "（一）予以公开0 0",
            "（二）不予公开",
            "1.属于国家秘密1 1",
            "三、结转下年度继续办理0 0"
        ]
    );
}

#[test]
fn plain_text_headers_say_nothing_of_format() {
    let s = |n: &str| common::sample_path(n).display().to_string();
    let out = cargo_bin_cmd!("yoydiff")
        .args([
            "diff",
            &s("national-gwr-2022.txt"),
            &s("national-gwr-2023.txt"),
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // The header names both inputs, on one line or (long paths) two, before the language line.
    let head: Vec<&str> = text
        .lines()
        .take_while(|l| !l.starts_with("zh ·"))
        .collect();
    let head = head.join(" ");
    assert!(head.contains("national-gwr-2022.txt (2022) → "), "{head}");
    assert!(head.ends_with("national-gwr-2023.txt (2023)"), "{head}");
}

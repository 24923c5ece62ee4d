//! PDF, DOCX and HTML inputs read directly, checked on the real files of the corpus
//! (`../shared/corpus/pdf/`, `zh/*.docx`). Every test is `#[ignore = "needs YOYDIFF_CORPUS"]`:
//!
//! ```text
//! YOYDIFF_CORPUS=/work/shared/corpus cargo test --test corpus_formats -- --include-ignored
//! ```

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use yoydiff::model::{ChangeKind, Comparison, Document, PairKind, SectionKind, SentenceChange};
use yoydiff::{CompareOptions, InputFormat, OutlineOptions, Source, compare, load_document};

mod common;
use common::corpus;

fn file(dir: &Path, sub: &str, name: &str) -> PathBuf {
    let path = dir.join(sub).join(name);
    assert!(path.is_file(), "missing corpus file {}", path.display());
    path
}

fn load(path: &Path) -> Document {
    load_document(
        &Source::Path(path.to_path_buf()),
        None,
        OutlineOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn changes(c: &Comparison) -> Vec<&SentenceChange> {
    c.sections.iter().flat_map(|s| &s.changes).collect()
}

fn show(ch: &SentenceChange) -> String {
    format!(
        "{:?}: {:?} -> {:?}",
        ch.kind,
        ch.old.as_deref().unwrap_or(""),
        ch.new.as_deref().unwrap_or("")
    )
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn docx_reads_like_its_plain_extraction() {
    // `province-*-2025.txt` is the text of each `w:p` of the DOCX, one a line: the same report.
    let dir = corpus();
    for province in ["beijing", "guangdong", "shanghai", "sichuan", "zhejiang"] {
        let txt = load(&file(&dir, "zh", &format!("province-{province}-2025.txt")));
        let docx = load(&file(&dir, "zh", &format!("province-{province}-2025.docx")));
        assert_eq!(docx.format, InputFormat::Docx, "{province}");
        assert_eq!(docx.extractor.as_deref(), Some("docx"), "{province}");
        assert_eq!(docx.year, Some(2025), "{province}");
        let c = compare(&txt, &docx, &CompareOptions::default());
        let found: Vec<String> = changes(&c).into_iter().map(show).collect();
        assert!(found.is_empty(), "{province}: {found:#?}");
        assert_eq!(c.summary.sentences.total(), 0, "{province}");
        assert!(
            c.sections.iter().all(|s| s.kind == PairKind::Unchanged),
            "{province}: every section pair is unchanged"
        );
    }
}

/// `old` is `new` with the hyphen of one word dropped (`longterm` for `long-term`).
fn hyphen_dropped(old: &str, new: &str) -> bool {
    let (o, n): (Vec<&str>, Vec<&str>) = (old.split(' ').collect(), new.split(' ').collect());
    let differ: Vec<(&&str, &&str)> = o.iter().zip(&n).filter(|(a, b)| a != b).collect();
    o.len() == n.len()
        && differ.len() == 1
        && differ[0].1.contains('-')
        && differ[0].1.replace('-', "") == *differ[0].0
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn berkshire_pdf_reads_like_its_text_version() {
    // Checked by hand on both years. The text versions start at the salutation: the PDF's
    // title block before it (the performance table of page 1, the letterhead) is theirs
    // alone. Past it, the only difference is, in 2021, two words whose line-end hyphen the
    // text version dropped where the PDF keeps it (`longterm` / `long-term`, `parttimers` /
    // `part-timers`: the text has `long-term` everywhere else and no `parttimers` either
    // way). Footnote marks, fractions (`2 1⁄ 2`), footnotes of two lines, the date beside the
    // signature and paragraphs whose indent the text lost all read alike.
    //
    // So does the holdings table, which the text version lists one cell a line, column after
    // column (`Shares*`, `25,533,082` … `AbbVie Inc. . . .` … `1.4` … `Cost**`, `Market`, `$`,
    // `2,333`, `$`, `2,736`, `1,287` …, cost and market read row by row, the total's market
    // value after a blank line): the normaliser reads it back into the PDF's rows
    // (`25,533,082 AbbVie Inc. … 1.4 $ 2,333 $ 2,736`), its column headings above them, and
    // the PDF's header row (`Shares* Company Owned Cost** Market`) is the text's five heading
    // lines relaid.
    let dir = corpus();
    for (year, title_rows, dropped_hyphens) in [(2020, 65, 0), (2021, 66, 2)] {
        let name = format!("berkshire-letter-{year}");
        let txt = load(&file(&dir, "en", &format!("{name}.txt")));
        let pdf = load(&file(&dir, "pdf", &format!("{name}.pdf")));
        assert_eq!(pdf.format, InputFormat::Pdf);
        assert_eq!(pdf.extractor.as_deref(), Some("pdf-extract"));
        assert_eq!(pdf.year, Some(year));
        assert!(pdf.pages.len() >= 10, "{name}: pages {:?}", pdf.pages);
        let salutation = pdf
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Salutation)
            .map(|s| s.lines.0)
            .expect("the PDF has its salutation");
        let c = compare(&txt, &pdf, &CompareOptions::default());
        assert_eq!(c.new.format, InputFormat::Pdf);
        let mut title_block = 0;
        let mut hyphens = 0;
        let mut unexplained = Vec::new();
        for ch in changes(&c) {
            let old = ch.old.as_deref().unwrap_or("");
            let new = ch.new.as_deref().unwrap_or("");
            match ch.kind {
                ChangeKind::Added if ch.new_line.is_some_and(|l| l < salutation) => {
                    title_block += 1
                }
                ChangeKind::Reworded if hyphen_dropped(old, new) => hyphens += 1,
                _ => unexplained.push(show(ch)),
            }
        }
        assert!(
            unexplained.is_empty(),
            "{name}: {} changes past the title block:\n{}",
            unexplained.len(),
            unexplained.join("\n")
        );
        assert_eq!(hyphens, dropped_hyphens, "{name}");
        // The performance table (58 or 59 rows, its heading and note) and the letterhead.
        assert_eq!(title_block, title_rows, "{name}");
        assert_eq!(changes(&c).len(), title_rows + dropped_hyphens, "{name}");
        // The letter's own paragraphs are all there: no moved, and every text section pairs.
        assert_eq!(c.summary.sentences.moved, 0, "{name}");
        assert_eq!(c.summary.sections.removed, 0, "{name}");
        // The holdings table's rows (under `Investments`) are the PDF's, cell for cell.
        let rows = |d: &Document| -> Vec<String> {
            let investments = d
                .sections
                .iter()
                .find(|s| s.title == "Investments")
                .expect("a section titled Investments");
            investments
                .paragraphs
                .iter()
                .map(|p| p.text.clone())
                .filter(|t| t.contains(" … "))
                .collect()
        };
        let (txt_rows, pdf_rows) = (rows(&txt), rows(&pdf));
        assert_eq!(txt_rows.len(), 17, "{name}: {txt_rows:#?}");
        assert_eq!(txt_rows, pdf_rows, "{name}");
    }
}

/// The headings of both Hongze open-information reports, in order, as a reader sees them.
const HONGZE_HEADINGS: [&str; 11] = [
    "一、总体情况",
    "（一）主动公开情况",
    "（二）依申请公开情况",
    "（三）政府信息管理情况",
    "（四）政府信息公开平台建设情况",
    "（五）政府信息公开监督保障情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn hongze_pdfs_compare_section_by_section() {
    let dir = corpus();
    let old = load(&file(&dir, "pdf", "hongze-openinfo-2023.pdf"));
    let new = load(&file(&dir, "pdf", "hongze-openinfo-2024.pdf"));
    assert_eq!((old.year, new.year), (Some(2023), Some(2024)));
    assert_eq!(old.pages.len(), 5);
    assert_eq!(new.pages.len(), 5);
    // The outline is the report's own, checked against `pdftotext -layout`: six parts, five
    // sub-parts in the first, and none of the statistics table's row labels (`四、结转下年度继续
    // 办理`, `（一）予以公开`, `1.属于国家秘密`, all rows with their figures) taken for a heading.
    for doc in [&old, &new] {
        let headings: Vec<String> = doc
            .walk()
            .iter()
            .filter(|s| s.kind == SectionKind::Heading)
            .map(|s| s.heading_text())
            .collect();
        assert_eq!(headings, HONGZE_HEADINGS, "{}", doc.source);
    }
    let c = compare(&old, &new, &CompareOptions::default());
    assert_eq!(c.summary.year_shift, 1);
    assert_eq!(c.summary.sections.added + c.summary.sections.removed, 0);
    // The headings a reader follows pair with themselves, in order.
    let paired = |title: &str| {
        c.sections.iter().any(|s| {
            s.old
                .iter()
                .any(|r| r.path.last().is_some_and(|t| t == title))
                && s.new
                    .iter()
                    .any(|r| r.path.last().is_some_and(|t| t == title))
        })
    };
    for heading in HONGZE_HEADINGS {
        assert!(paired(heading), "{heading} is not paired with itself");
    }
    // The figures of the text: published items 1136 → 2428, requests 21 → 17, fees 0 → 0.
    let figure = |old_value: f64, new_value: f64, unit: &str| {
        c.figures.iter().any(|f| {
            f.old
                .as_ref()
                .is_some_and(|o| o.value == old_value && o.unit == unit)
                && f.new
                    .as_ref()
                    .is_some_and(|n| n.value == new_value && n.unit == unit)
        })
    };
    assert!(figure(1136.0, 2428.0, "条"));
    assert!(figure(21.0, 17.0, "件"));
    assert!(figure(0.0, 0.0, "元"));
    // The statutory tables' cells are figures too: a bare number takes the unit of its
    // table's header (`本年收费金额（单位：万元）`) or of its column's heading (`本年制发件数`:
    // 件; `本年处理决定数量`: a count), its label from the row and the column, and each pairs
    // with the same cell of the other year (checked against `pdftotext -layout`).
    let cell = |label: &str, old_value: f64, new_value: f64, unit: &str| {
        c.figures.iter().any(|f| {
            [&f.old, &f.new].into_iter().all(|x| {
                x.as_ref()
                    .is_some_and(|x| x.label == label && x.unit == unit)
            }) && f.old.as_ref().unwrap().value == old_value
                && f.new.as_ref().unwrap().value == new_value
        })
    };
    for (label, old_value, new_value, unit) in [
        ("规章制发件数", 0.0, 0.0, "件"),
        ("行政规范性文件制发件数", 0.0, 3.0, "件"),
        ("行政规范性文件废止件数", 5.0, 0.0, "件"),
        ("行政规范性文件现行有效件数", 5.0, 8.0, "件"),
        ("行政许可处理决定数量", 550.0, 9487.0, ""),
        ("行政处罚处理决定数量", 4119.0, 2776.0, ""),
        ("行政强制处理决定数量", 195.0, 84.0, ""),
        ("行政事业性收费金额", 77_302_800.0, 75_450_000.0, "元"),
    ] {
        assert!(
            cell(label, old_value, new_value, unit),
            "{label}: {:#?}",
            c.figures
        );
    }
    // The tables of requests and appeals name no unit: their cells stay text.
    assert_eq!(c.figures.len(), 14, "{:#?}", c.figures);
    // The statutory tables, row by row inside their aligned section: the figures of each row
    // are compared with the same row of the other year.
    let table = c
        .sections
        .iter()
        .find(|s| s.old.iter().any(|r| r.title == "主动公开政府信息情况"))
        .expect("section 二 is paired");
    let pair = |old: &str, new: &str| {
        table.changes.iter().any(|ch| {
            ch.kind == ChangeKind::Reworded
                && ch.old.as_deref() == Some(old)
                && ch.new.as_deref() == Some(new)
        })
    };
    assert!(
        pair("行政规范性文件0 5 5", "行政规范性文件3 0 8"),
        "{:#?}",
        table.changes
    );
    assert!(
        pair("行政事业性收费7730.28", "行政事业性收费7545"),
        "{:#?}",
        table.changes
    );
    // Rows too short to pair as sentences pair by their label: a changed cell is a change of
    // its row, never a removal and an addition.
    assert!(pair("行政许可550", "行政许可9487"), "{:#?}", table.changes);
    assert!(pair("行政处罚4119", "行政处罚2776"), "{:#?}", table.changes);
    assert!(pair("行政强制195", "行政强制84"), "{:#?}", table.changes);
    assert!(
        table
            .changes
            .iter()
            .all(|ch| ch.kind == ChangeKind::Reworded),
        "{:#?}",
        table.changes
    );
    // The table of requests (part 三), row by row as `pdftotext -layout` shows them: the
    // label, then natural persons, five kinds of organisation and the total. A label that
    // wraps inside its cell (`（二）部分公开…`) is read whole, the label written down the side
    // of the rows (`三、本年度办理结果`) is read down and leaves the rows alone, so each row
    // keeps its figures (`3.危及“三安全一稳定”` 0 → 1), and a row is one sentence, its list
    // number included.
    let requests = c
        .sections
        .iter()
        .find(|s| {
            s.old
                .iter()
                .any(|r| r.title == "收到和处理政府信息公开申请情况")
        })
        .expect("section 三 is paired");
    let row_pair = |old: &str, new: &str| {
        requests.changes.iter().any(|ch| {
            ch.kind == ChangeKind::Reworded
                && ch.old.as_deref() == Some(old)
                && ch.new.as_deref() == Some(new)
        })
    };
    for (old, new) in [
        (
            "一、本年新收政府信息公开申请数量21 0 0 0 0 0 21",
            "一、本年新收政府信息公开申请数量95 0 0 0 0 0 95",
        ),
        (
            "（一）予以公开0 0 0 0 0 0 0",
            "（一）予以公开50 0 0 0 0 0 50",
        ),
        (
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）4 0 0 0 0 0 4",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）9 0 0 0 0 0 9",
        ),
        ("1.属于国家秘密1 0 0 0 0 0 1", "1.属于国家秘密0 0 0 0 0 0 0"),
        (
            "3.危及“三安全一稳定” 0 0 0 0 0 0 0",
            "3.危及“三安全一稳定” 1 0 0 0 0 0 1",
        ),
        // 2024 sets the group label `（四）无法提供` on the baseline of its first row.
        (
            "1.本机关不掌握相关政府信息10 0 0 0 0 0 10",
            "（四）无法提供1.本机关不掌握相关政府信息31 0 0 0 0 0 31",
        ),
        (
            "2.没有现成信息需要另行制作3 0 0 0 0 0 3",
            "2.没有现成信息需要另行制作1 0 0 0 0 0 1",
        ),
        ("（七）总计21 0 0 0 0 0 21", "（七）总计95 0 0 0 0 0 95"),
    ] {
        assert!(row_pair(old, new), "{old} → {new}: {:#?}", requests.changes);
    }
    // Rows whose figures did not change are not changes (`二、上年结转…` 0 → 0).
    assert!(
        requests.changes.iter().all(|ch| [&ch.old, &ch.new]
            .into_iter()
            .flatten()
            .all(|t| !t.starts_with("二、上年结转"))),
        "{:#?}",
        requests.changes
    );
    // Part 四's one row of figures, the reviews and lawsuits.
    let appeals = c
        .sections
        .iter()
        .find(|s| {
            s.old
                .iter()
                .any(|r| r.title == "政府信息公开行政复议、行政诉讼情况")
        })
        .expect("section 四 is paired");
    assert!(
        appeals
            .changes
            .iter()
            .any(|ch| ch.kind == ChangeKind::Reworded
                && ch.old.as_deref() == Some("10 1 0 0 0 0 0 0 0 0 5 0 0 0 0")
                && ch.new.as_deref() == Some("1 1 0 0 2 1 0 0 0 1 2 0 1 0 3")),
        "{:#?}",
        appeals.changes
    );
    // No table row of one year was read as running text of another part.
    assert!(
        c.sections
            .iter()
            .filter(|s| !std::ptr::eq(*s, table))
            .flat_map(|s| &s.changes)
            .all(|ch| ![&ch.old, &ch.new]
                .into_iter()
                .flatten()
                .any(|t| t.starts_with("行政许可") || t.starts_with("行政事业性收费")))
    );
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn outline_of_a_pdf_names_its_pages() {
    let dir = corpus();
    let out = cargo_bin_cmd!("yoydiff")
        .args(["outline", "--color", "never"])
        .arg(file(&dir, "pdf", "hongze-openinfo-2024.pdf"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with("pdf via pdf-extract"),
        "{text}"
    );
    assert!(
        text.contains("一、总体情况  heading") && text.contains("pp. 1–2"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("六、其他需要报告的事项") && l.contains("p. 5")),
        "{text}"
    );
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn a_damaged_pdf_is_one_line_and_exit_2() {
    let dir = corpus();
    let broken = file(&dir, "pdf", "broken-cjk-in-helvetica.pdf");
    let run = |path_var: Option<&Path>| {
        let mut cmd = cargo_bin_cmd!("yoydiff");
        cmd.arg("outline").arg(&broken);
        if let Some(p) = path_var {
            cmd.env("PATH", p);
        }
        cmd.output().unwrap()
    };
    let out = run(None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("yoydiff: ")
            && err.contains("broken-cjk-in-helvetica.pdf: cannot read this PDF"),
        "{err}"
    );
    // Without pdftotext on the PATH, the message says it might help.
    let empty = tempfile::tempdir().unwrap();
    let out = run(Some(empty.path()));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("pdftotext"), "{err}");
}

/// Damaged copies of a file: cut short at several points, bytes flipped in the middle, a block
/// zeroed, the head only.
fn mutations(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let n = bytes.len();
    let mut out = Vec::new();
    for share in [1, 10, 50, 90, 99] {
        out.push((
            format!("cut at {share}%"),
            bytes[..n * share / 100].to_vec(),
        ));
    }
    let mut flipped = bytes.to_vec();
    for b in flipped.iter_mut().skip(n / 3).step_by(97).take(400) {
        *b ^= 0x5a;
    }
    out.push(("bytes flipped".to_string(), flipped));
    let mut zeroed = bytes.to_vec();
    for b in zeroed.iter_mut().skip(n / 2).take(4096) {
        *b = 0;
    }
    out.push(("a block zeroed".to_string(), zeroed));
    out.push((
        "the first 64 bytes".to_string(),
        bytes[..64.min(n)].to_vec(),
    ));
    out
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn damaged_pdf_docx_and_html_never_panic() {
    let dir = corpus();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/national-gwr-2023.html");
    let mut inputs = vec![
        file(&dir, "pdf", "hongze-openinfo-2023.pdf"),
        file(&dir, "pdf", "hongze-openinfo-2024.pdf"),
        file(&dir, "pdf", "berkshire-letter-2021.pdf"),
        file(&dir, "zh", "province-sichuan-2025.docx"),
        file(&dir, "zh", "province-zhejiang-2025.docx"),
        fixture,
    ];
    inputs.push(file(&dir, "pdf", "broken-cjk-in-helvetica.pdf"));
    let tmp = tempfile::tempdir().unwrap();
    let mut outcomes = Vec::new();
    for input in &inputs {
        let bytes = std::fs::read(input).unwrap();
        for (what, damaged) in mutations(&bytes) {
            let path = tmp.path().join(input.file_name().unwrap());
            std::fs::write(&path, &damaged).unwrap();
            // A panic anywhere fails the test; an error must be one line naming the input.
            match load_document(&Source::Path(path.clone()), None, OutlineOptions::default()) {
                Ok(doc) => outcomes.push(format!(
                    "{}, {what}: read, {} sections",
                    input.display(),
                    doc.sections.len()
                )),
                Err(e) => {
                    let msg = e.to_string();
                    assert!(!msg.contains('\n'), "{}, {what}: {msg}", input.display());
                    assert!(msg.starts_with(&path.display().to_string()), "{msg}");
                    outcomes.push(format!("{}, {what}: {msg}", input.display()));
                }
            }
        }
    }
    // Cut in half, a PDF or DOCX cannot be read whole; it is refused in one line, not guessed.
    assert!(
        outcomes
            .iter()
            .filter(|o| o.contains("cut at 50%") && o.contains(".docx"))
            .all(|o| o.contains("cannot read") || o.contains("not supported")),
        "{outcomes:#?}"
    );
    // Through the binary too: exit 0 or 2, never a crash, never more than one line.
    for input in &inputs[..2] {
        let bytes = std::fs::read(input).unwrap();
        for (what, damaged) in mutations(&bytes).into_iter().step_by(3) {
            let path = tmp.path().join("damaged.pdf");
            std::fs::write(&path, &damaged).unwrap();
            let out = cargo_bin_cmd!("yoydiff")
                .arg("outline")
                .arg(&path)
                .output()
                .unwrap();
            let code = out.status.code();
            assert!(matches!(code, Some(0) | Some(2)), "{what}: {code:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.lines().count() <= 1 && !err.contains("panicked"),
                "{what}: {err}"
            );
        }
    }
}

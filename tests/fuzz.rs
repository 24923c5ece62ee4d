//! A seeded mutation harness over the whole pipeline (decode → normalise → outline → compare),
//! run for a fixed number of cases so that CI is repeatable: the same seed gives the same
//! inputs. Each case cuts a window out of a sample report and mutates it (bytes flipped, lines
//! dropped, repeated or swapped, headings, figures, quotes and control characters inserted),
//! then checks what must hold for any input:
//!
//! - nothing panics, and bytes either decode or give an error;
//! - an input compared with itself has no changes;
//! - comparing B with A mirrors comparing A with B: section pairs (added ↔ removed,
//!   split ↔ merged), sentence changes (added ↔ removed), figure pairs (new ↔ dropped) and
//!   initiatives (new ↔ dropped, upgraded ↔ downgraded, each with its sentences swapped).
//!
//! The same windows also go through the readers of PDF, Word and web pages: each is built into
//! a file of that format (table rows, headings, sizes and chrome among its lines), often
//! damaged (bytes flipped, cut short), and read from a path: it is read or refused in one line
//! naming the file, and what is read keeps the invariants above.
//!
//! `YOYDIFF_FUZZ_CASES` raises the number of cases for a longer local run; `YOYDIFF_FUZZ_SEED`
//! picks another seed. A failure prints the seed and case so it can be replayed.

use std::io::Write;

use yoydiff::model::{Comparison, FigureStatus, PairKind};
use yoydiff::{
    CompareOptions, OutlineOptions, Source, YearShift, compare, decode, load_document, parse_text,
};

mod common;

/// A small deterministic generator (xorshift64*): no dependency, same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces the mutations insert: the shapes that steer the pipeline's rules.
const INSERTS: &[&str] = &[
    "一、2024年工作回顾",
    "（三）深化改革",
    "一是加大宏观调控力度。",
    "地区生产总值增长5.2%，达到1.3万亿元。",
    "推进“智慧城市”建设，实施“十大行动”。",
    "- 5 -",
    "Item 7. Managements Discussion and Analysis",
    "Operating earnings were $37.4 billion, up 12%.",
    "To the Shareholders:",
    "February 27, 2021",
    "\u{1b}[2J",
    "\t\t",
    "“",
    "分别增长8.9%、7.7%",
];

/// A window of whole lines, cut at character boundaries.
fn window(text: &str, rng: &mut Rng) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let len = 10 + rng.below(60);
    let start = rng.below(lines.len().saturating_sub(len));
    lines[start..(start + len).min(lines.len())]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

fn mutate(lines: &mut Vec<String>, rng: &mut Rng) {
    for _ in 0..1 + rng.below(6) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let i = rng.below(lines.len());
        match rng.below(7) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => lines.insert(i, INSERTS[rng.below(INSERTS.len())].to_string()),
            4 => {
                // Cut a line in two at a character boundary.
                let l = lines[i].clone();
                let cut = l.char_indices().nth(rng.below(l.chars().count() + 1));
                if let Some((at, _)) = cut {
                    lines[i] = l[..at].to_string();
                    lines.insert(i + 1, l[at..].to_string());
                }
            }
            5 => {
                let piece = INSERTS[rng.below(INSERTS.len())];
                let l = &mut lines[i];
                let at = l
                    .char_indices()
                    .map(|(o, _)| o)
                    .nth(rng.below(l.chars().count() + 1));
                l.insert_str(at.unwrap_or(l.len()), piece);
            }
            _ => {
                // Change a digit, as an edited figure does.
                if let Some((at, c)) = lines[i].char_indices().find(|(_, c)| c.is_ascii_digit()) {
                    let d = char::from(b'0' + ((c as u8 - b'0' + 1) % 10));
                    lines[i].replace_range(at..at + 1, &d.to_string());
                }
            }
        }
    }
}

/// Flips a few bytes of the encoded text (damaged downloads, stray high bytes).
fn damage(bytes: &mut [u8], rng: &mut Rng) {
    for _ in 0..rng.below(3) {
        if !bytes.is_empty() {
            let i = rng.below(bytes.len());
            bytes[i] = rng.next() as u8;
        }
    }
}

fn mirror(kind: PairKind) -> PairKind {
    match kind {
        PairKind::Added => PairKind::Removed,
        PairKind::Removed => PairKind::Added,
        PairKind::Split => PairKind::Merged,
        PairKind::Merged => PairKind::Split,
        other => other,
    }
}

fn check_mirrored(ab: &Comparison, ba: &Comparison) -> Result<(), String> {
    // Which sections pair with which must mirror. The kind of a pair may not: when two
    // siblings swap places, either one can be the one that moved, and each direction keeps
    // its own longest run in order; so kinds are compared with `moved` set aside.
    let pairing = |c: &Comparison, flip: bool| -> Vec<(Vec<String>, Vec<String>)> {
        let mut v: Vec<(Vec<String>, Vec<String>)> = c
            .sections
            .iter()
            .map(|p| {
                let o: Vec<String> = p.old.iter().map(|r| r.path.join("/")).collect();
                let n: Vec<String> = p.new.iter().map(|r| r.path.join("/")).collect();
                if flip { (n, o) } else { (o, n) }
            })
            .collect();
        v.sort();
        v
    };
    if pairing(ab, false) != pairing(ba, true) {
        return Err(format!(
            "section pairs: {:?} against {:?}",
            ab.summary.sections, ba.summary.sections
        ));
    }
    for k in [
        PairKind::Split,
        PairKind::Merged,
        PairKind::Added,
        PairKind::Removed,
        PairKind::Moved,
    ] {
        if ab.summary.sections.get(k) != ba.summary.sections.get(mirror(k)) {
            return Err(format!(
                "sections {k:?}: {:?} against {:?}",
                ab.summary.sections, ba.summary.sections
            ));
        }
    }
    let (s1, s2) = (ab.summary.sentences, ba.summary.sentences);
    if (s1.added, s1.removed, s1.reworded + s1.moved)
        != (s2.removed, s2.added, s2.reworded + s2.moved)
    {
        return Err(format!("sentences: {s1:?} against {s2:?}"));
    }
    let count =
        |c: &Comparison, s: FigureStatus| c.figures.iter().filter(|p| p.status == s).count();
    if (
        count(ab, FigureStatus::New),
        count(ab, FigureStatus::Dropped),
        count(ab, FigureStatus::Changed) + count(ab, FigureStatus::Unchanged),
    ) != (
        count(ba, FigureStatus::Dropped),
        count(ba, FigureStatus::New),
        count(ba, FigureStatus::Changed) + count(ba, FigureStatus::Unchanged),
    ) {
        return Err(format!(
            "figures: {:?} against {:?}",
            ab.summary.figures, ba.summary.figures
        ));
    }
    // Initiatives: each entry, read by its status and the sentences naming it on each side,
    // is the swapped entry of the other direction.
    let (forwards, backwards) = (
        common::swapped_entries(&ab.initiatives),
        common::initiative_entries(&ba.initiatives),
    );
    if forwards != backwards {
        use common::InitiativeEntry as Entry;
        fn only(a: &[Entry], b: &[Entry]) -> Vec<Entry> {
            a.iter().filter(|e| !b.contains(e)).cloned().collect()
        }
        return Err(format!(
            "initiatives: only forwards (swapped) {:?}; only backwards {:?}",
            only(&forwards, &backwards),
            only(&backwards, &forwards)
        ));
    }
    Ok(())
}

/// Compares `a` with itself, which must show no change, and `a` with `b` both ways, which
/// must mirror. `Ok(false)` when repeated paragraphs leave the mirror unchecked: two copies of
/// one paragraph make a pairing ambiguous (either copy is right), and then the two directions
/// may choose differently; the mirror is checked where the answer is unique.
fn check_pair(
    a: &yoydiff::Document,
    b: &yoydiff::Document,
    options: &CompareOptions,
) -> Result<bool, String> {
    let same = compare(a, a, options);
    if same.has_changes() {
        return Err(format!(
            "an input compared with itself has changes: {:?}",
            same.summary
        ));
    }
    if has_repeats(a) || has_repeats(b) {
        return Ok(false);
    }
    let (ab, ba) = (compare(a, b, options), compare(b, a, options));
    check_mirrored(&ab, &ba).map_err(|e| format!("swapping the inputs does not mirror: {e}"))?;
    Ok(true)
}

/// True when a paragraph (or a title) occurs twice.
fn has_repeats(d: &yoydiff::Document) -> bool {
    let mut seen = std::collections::HashSet::new();
    d.walk().into_iter().any(|s| {
        (!s.title.is_empty() && !seen.insert(s.title.clone()))
            || s.paragraphs.iter().any(|p| !seen.insert(p.text.clone()))
    })
}

/// The seed and number of cases (`YOYDIFF_FUZZ_SEED`, `YOYDIFF_FUZZ_CASES`) and the sample
/// reports windows are cut from, shared by the text and the file harness.
fn fuzz_run() -> (u64, usize, [String; 3]) {
    let seed: u64 = std::env::var("YOYDIFF_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2026);
    let cases: usize = std::env::var("YOYDIFF_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let texts = [
        common::sample_text("national-gwr-2022.txt"),
        common::sample_text("national-gwr-2023.txt"),
        common::sample_text("changning-gwr-2025.txt"),
    ];
    (seed, cases, texts)
}

#[test]
fn mutated_reports_keep_the_invariants() {
    let (seed, cases, texts) = fuzz_run();
    let mut rng = Rng(seed);
    let options = CompareOptions {
        // Mutations move years around; compare literally so the mirror is exact.
        year_shift: YearShift::Off,
        ..CompareOptions::default()
    };
    let (mut compared, mut mirrored) = (0, 0);
    for case in 0..cases {
        let base = &texts[rng.below(texts.len())];
        let mut a_lines = window(base, &mut rng);
        let mut b_lines = a_lines.clone();
        mutate(&mut a_lines, &mut rng);
        mutate(&mut b_lines, &mut rng);
        let mut docs = Vec::new();
        for lines in [&a_lines, &b_lines] {
            let mut bytes = lines.join("\n").into_bytes();
            damage(&mut bytes, &mut rng);
            let Ok(decoded) = decode("case", &bytes, None) else {
                continue;
            };
            if let Ok(d) = parse_text("case", &decoded.text, OutlineOptions::default()) {
                docs.push(d);
            }
        }
        let [a, b] = docs.as_slice() else { continue };
        compared += 1;
        match check_pair(a, b, &options) {
            Ok(checked) => mirrored += usize::from(checked),
            Err(e) => {
                let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
                for (side, lines) in [("a", &a_lines), ("b", &b_lines)] {
                    let path = dir.join(format!("fuzz-{seed}-{case}-{side}.txt"));
                    std::fs::write(&path, lines.join("\n")).unwrap();
                }
                panic!("seed {seed} case {case}: {e} (inputs in {})", dir.display());
            }
        }
    }
    // Most cases decode and parse; a harness that compared nothing would prove nothing.
    assert!(
        compared * 2 > cases,
        "only {compared} of {cases} cases compared"
    );
    assert!(
        mirrored * 4 > cases,
        "only {mirrored} of {cases} cases checked for the mirror"
    );
}

/// Text a Latin font can draw: Chinese punctuation as its ASCII counterpart, every other
/// character outside ASCII as two letters of its code (a space after every fourth), so the
/// lines keep their sentences, figures and shape.
fn latin(text: &str) -> String {
    let mut out = String::new();
    let mut run = 0;
    for c in text.chars() {
        let ascii = match c {
            '。' => Some(". "),
            '，' | '、' => Some(", "),
            '；' => Some("; "),
            '：' => Some(": "),
            '（' => Some("("),
            '）' => Some(")"),
            _ => None,
        };
        if let Some(a) = ascii {
            out.push_str(a);
            run = 0;
        } else if c.is_ascii() {
            out.push(c);
            run = 0;
        } else {
            let v = c as u32;
            out.push(char::from(b'a' + (v % 26) as u8));
            out.push(char::from(b'a' + (v / 26 % 26) as u8));
            run += 1;
            if run % 4 == 0 {
                out.push(' ');
            }
        }
    }
    out
}

/// Escapes ASCII text for a PDF literal string.
fn pdf_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A PDF of `lines` (see [`latin`]), 30 lines a page: each line at the margin or indented, in
/// one of a few sizes, some split into cells by a wide gap, a page number at the foot of each
/// page.
fn as_pdf(lines: &[String], rng: &mut Rng) -> Vec<u8> {
    let mut contents = Vec::new();
    for (p, page) in lines.chunks(30).enumerate() {
        let mut content = String::new();
        let mut y = 740.0;
        for line in page.iter() {
            let size = [9.0, 11.0, 11.0, 14.0][rng.below(4)];
            let x = if rng.below(4) == 0 { 100.0 } else { 72.0 };
            let line = latin(line);
            let words: Vec<&str> = line.split_whitespace().collect();
            let cut =
                (words.len() > 1 && rng.below(3) == 0).then(|| 1 + rng.below(words.len() - 1));
            // The second cell starts well after the first ends (Helvetica is about half as
            // wide as it is high).
            let pieces = match cut {
                Some(k) => {
                    let first = words[..k].join(" ");
                    let at = x + 0.6 * size * first.len() as f64 + 3.0 * size;
                    vec![(x, first), (at, words[k..].join(" "))]
                }
                None => vec![(x, line.clone())],
            };
            for (px, text) in pieces {
                content.push_str(&format!(
                    "BT /F1 {size} Tf {px} {y} Td ({}) Tj ET ",
                    pdf_string(&text)
                ));
            }
            y -= size * 1.3;
        }
        content.push_str(&format!("BT /F1 9 Tf 300 40 Td ({}) Tj ET", p + 1));
        contents.push(content);
    }
    common::pdf_of_pages(&contents)
}

fn xml_escape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A DOCX of `lines`: paragraphs, some with a heading style, some rows of a table (the line
/// split into cells at its spaces, a cell left empty now and then).
fn as_docx(lines: &[String], rng: &mut Rng) -> Vec<u8> {
    let paragraph = |text: &str, style: Option<&str>| {
        let style = style.map_or(String::new(), |s| {
            format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")
        });
        format!(
            "<w:p>{style}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            xml_escape(text)
        )
    };
    let mut body = String::new();
    for line in lines {
        match rng.below(6) {
            0 => body.push_str(&paragraph(line, Some("Heading2"))),
            1 => {
                let mut cells: Vec<String> = line
                    .split_whitespace()
                    .map(|c| format!("<w:tc>{}</w:tc>", paragraph(c, None)))
                    .collect();
                cells.push(format!("<w:tc>{}</w:tc>", paragraph("", None)));
                body.push_str(&format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", cells.concat()));
            }
            _ => body.push_str(&paragraph(line, None)),
        }
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut buf = Vec::new();
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut buf));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("word/document.xml", opts).unwrap();
    z.write_all(document.as_bytes()).unwrap();
    z.finish().unwrap();
    buf
}

/// A web page of `lines` inside typical chrome: navigation, share buttons, a related list,
/// scripts; some lines as headings, bold lead lines or table rows.
fn as_html(lines: &[String], rng: &mut Rng) -> Vec<u8> {
    let mut main = String::new();
    for line in lines {
        let t = xml_escape(line);
        match rng.below(6) {
            0 => main.push_str(&format!("<h2>{t}</h2>")),
            1 => main.push_str(&format!("<p><strong>{t}</strong></p>")),
            2 => {
                let cells: String = line
                    .split_whitespace()
                    .map(|c| format!("<td>{}</td>", xml_escape(c)))
                    .collect();
                main.push_str(&format!("<table><tr>{cells}</tr></table>"));
            }
            _ => main.push_str(&format!("<p>{t}</p>")),
        }
    }
    format!(
        "<!DOCTYPE html><html><head><title>Report</title><style>p{{margin:0}}</style><script>var a = '<p>x</p>';</script></head><body><nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a></nav><div class=\"share\">Share: WeChat Weibo</div><div class=\"font\">Font size: large medium small</div><article>{main}</article><ul class=\"related\"><li><a href=\"/a\">Related article one</a></li><li><a href=\"/b\">Related article two</a></li></ul><footer>Copyright 2024</footer></body></html>"
    )
    .into_bytes()
}

#[test]
fn mutated_pdf_docx_and_html_files_keep_the_invariants() {
    let (seed, cases, texts) = fuzz_run();
    let tmp = tempfile::tempdir().unwrap();
    let mut rng = Rng(seed ^ 0xF0F0);
    let options = CompareOptions {
        year_shift: YearShift::Off,
        ..CompareOptions::default()
    };
    let (mut read, mut refused, mut pairs, mut mirrored) = (0, 0, 0, 0);
    for case in 0..cases {
        let base = &texts[rng.below(texts.len())];
        let mut a_lines = window(base, &mut rng);
        let mut b_lines = a_lines.clone();
        mutate(&mut a_lines, &mut rng);
        mutate(&mut b_lines, &mut rng);
        let format = case % 3;
        let mut docs = Vec::new();
        for (side, lines) in [("a", &a_lines), ("b", &b_lines)] {
            let (ext, mut bytes) = match format {
                0 => ("pdf", as_pdf(lines, &mut rng)),
                1 => ("docx", as_docx(lines, &mut rng)),
                _ => ("html", as_html(lines, &mut rng)),
            };
            // One file in three damaged: most of those are refused, which is checked too.
            match rng.below(6) {
                0 => damage(&mut bytes, &mut rng),
                1 => {
                    let keep = bytes.len() * (1 + rng.below(9)) / 10;
                    bytes.truncate(keep);
                }
                _ => {}
            }
            let path = tmp.path().join(format!("case-{case}-{side}.{ext}"));
            std::fs::write(&path, &bytes).unwrap();
            // A panic anywhere fails the test.
            match load_document(&Source::Path(path.clone()), None, OutlineOptions::default()) {
                Ok(d) => {
                    read += 1;
                    docs.push(d);
                }
                Err(e) => {
                    refused += 1;
                    let msg = e.to_string();
                    assert!(
                        !msg.contains('\n') && msg.starts_with(&path.display().to_string()),
                        "seed {seed} case {case}: {msg}"
                    );
                }
            }
        }
        let [a, b] = docs.as_slice() else { continue };
        pairs += 1;
        match check_pair(a, b, &options) {
            Ok(checked) => mirrored += usize::from(checked),
            Err(e) => panic!("seed {seed} case {case} ({}): {e}", a.source),
        }
    }
    // Both outcomes occur, and enough files are read to check the invariants on.
    assert!(
        read * 2 > cases && refused > 0,
        "{read} read, {refused} refused"
    );
    // (Windows of these samples often repeat a paragraph, and the mirror is checked only
    // where none does.)
    assert!(
        mirrored * 10 > cases,
        "only {mirrored} of {cases} cases mirrored ({read} read, {refused} refused, {pairs} pairs)"
    );
}

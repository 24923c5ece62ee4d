//! The terminal view as a reader's terminal shows it: lines wrapped at the width between
//! words, styles that open and close on every physical line and never reach the other column,
//! deleted and inserted styles on exactly the deleted and inserted text, `--width` and
//! `COLUMNS`, and header counts that the lists below them add up to.
//!
//! The checks read the raw output, escape codes included, and rebuild each sentence from its
//! wrapped lines, so a word cut in two, a break before closing punctuation or a stray colour
//! fails with the line that shows it.

use std::collections::HashMap;

use assert_cmd::Command;
use regex::Regex;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
use yoydiff::model::{ChangeKind, Comparison, InlineTag, SentenceChange};
use yoydiff::render::{Parts, TermOptions};
use yoydiff::{CompareOptions, compare};

mod common;
use common::*;

/// SGR codes of the deleted style (red, struck through) and the inserted style (green,
/// underlined).
const DELETED: [u16; 2] = [31, 9];
const INSERTED: [u16; 2] = [32, 4];

/// Punctuation a line must never start with.
const CLOSING: &str = "，。、；：？！）》」』”’,.;:?!)]}%";

fn render(c: &Comparison, width: usize, color: bool, side_by_side: bool) -> String {
    let mut out = Vec::new();
    yoydiff::render::term::write_comparison(
        &mut out,
        c,
        Parts::ALL,
        TermOptions {
            color,
            width,
            side_by_side,
        },
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

fn sample_pair() -> Comparison {
    compare(
        &load_sample("national-gwr-2022.txt"),
        &load_sample("national-gwr-2023.txt"),
        &CompareOptions::default(),
    )
}

/// Two short English editions with long sentences: numbers with decimals and thousands,
/// amounts, hyphenated words, a long word, a sentence deleted, one added and one reworded.
const OLD_EN: &str = "\
Letter to the Shareholders

Performance

Our gain in net worth during the year was $18.3 billion, which increased the per-share book value of both our Class A and Class B stock by 8.3%, a result we regard as satisfactory though not remarkable for a year of this kind.
Over the last fifty years per-share book value has grown from $19 to $146,186, a rate of 19.4% compounded annually, and the directors expect that rate to decline substantially in the decades ahead.
The insurance operations produced an underwriting profit for the twelfth consecutive year, with float rising to $84 billion at the year-end.

Outlook

We expect the railroad and the utility businesses to invest heavily in property and equipment, far more than their depreciation charges, because the regulators require it and because the returns remain acceptable.
Our counterintuitively conservative acquisition policy remains unchanged.
";

const NEW_EN: &str = "\
Letter to the Shareholders

Performance

Our gain in net worth during the year was $15.4 billion, which increased the per-share book value of both our Class A and Class B stock by 6.4%, a result we regard as satisfactory though not remarkable for a year of this kind.
Over the last fifty-one years per-share book value has grown from $19 to $155,501, a rate of 19.2% compounded annually, and the directors expect that rate to decline substantially in the decades ahead.
The insurance operations produced an underwriting profit for the thirteenth consecutive year, with float rising to $88 billion at the year-end.
Manufacturing, service and retailing operations earned a record $5.7 billion before income taxes, an increase of 21% over the previous year, helped by several bolt-on acquisitions.

Outlook

We expect the railroad and the utility businesses to invest heavily in property and equipment, far more than their depreciation charges, because the regulators require it and because the returns remain acceptable.
";

fn english_pair() -> Comparison {
    compare(
        &from_text("letter-2014.txt", OLD_EN),
        &from_text("letter-2015.txt", NEW_EN),
        &CompareOptions::default(),
    )
}

/// One display cell of an output line: the character and the SGR codes in force on it.
#[derive(Debug, Clone)]
struct Cell {
    c: char,
    codes: Vec<u16>,
}

impl Cell {
    fn has(&self, style: [u16; 2]) -> bool {
        style.iter().all(|k| self.codes.contains(k))
    }
}

/// The cells of one output line; fails when a style is still open at the line end.
fn cells(line: &str) -> Result<Vec<Cell>, String> {
    let mut out = Vec::new();
    let mut codes: Vec<u16> = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() != Some('[') {
                return Err(format!("an escape that is not SGR: {line:?}"));
            }
            let mut body = String::new();
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
                body.push(d);
            }
            for code in body.split(';') {
                match code.parse::<u16>() {
                    Ok(0) => codes.clear(),
                    Ok(n) => codes.push(n),
                    Err(_) => return Err(format!("a malformed escape {body:?}: {line:?}")),
                }
            }
            continue;
        }
        out.push(Cell {
            c,
            codes: codes.clone(),
        });
    }
    if !codes.is_empty() {
        return Err(format!(
            "style {codes:?} still open at the line end: {line:?}"
        ));
    }
    Ok(out)
}

fn visible(cells: &[Cell]) -> String {
    cells.iter().map(|c| c.c).collect()
}

fn width_of(cells: &[Cell]) -> usize {
    cells.iter().map(|c| c.c.width().unwrap_or(0)).sum()
}

/// What one side of a sentence change should show: its text (with `[-…-]`/`{+…+}` marks
/// when colour is off) and the part that should carry the side's style.
#[derive(Debug)]
struct Expected {
    text: String,
    styled: String,
}

/// The side (`Delete`: old column, `Insert`: new column, `Equal`: the one-column view that
/// shows both) of a change as the terminal writes it.
fn expected(ch: &SentenceChange, side: InlineTag, color: bool) -> Option<Expected> {
    let mark = |text: &str, op: InlineTag| match (op, color) {
        (InlineTag::Delete, false) => format!("[-{text}-]"),
        (InlineTag::Insert, false) => format!("{{+{text}+}}"),
        _ => text.to_string(),
    };
    let whole = |text: &Option<String>, op: InlineTag| {
        let t = text.clone().unwrap_or_default();
        Expected {
            text: mark(&t, op),
            styled: if color { t } else { String::new() },
        }
    };
    match (ch.kind, side) {
        (ChangeKind::Added, InlineTag::Delete) | (ChangeKind::Removed, InlineTag::Insert) => None,
        (ChangeKind::Added, _) => Some(whole(&ch.new, InlineTag::Insert)),
        (ChangeKind::Removed, _) => Some(whole(&ch.old, InlineTag::Delete)),
        (_, _) if ch.inline.is_empty() => {
            let t = if side == InlineTag::Delete {
                &ch.old
            } else {
                &ch.new
            };
            Some(Expected {
                text: t.clone().unwrap_or_default(),
                styled: String::new(),
            })
        }
        _ => {
            let mut e = Expected {
                text: String::new(),
                styled: String::new(),
            };
            for r in &ch.inline {
                if side != InlineTag::Equal && r.op != InlineTag::Equal && r.op != side {
                    continue;
                }
                let text = match (&r.old_text, side) {
                    (Some(old), InlineTag::Delete) if r.op == InlineTag::Equal => old,
                    _ => &r.text,
                };
                e.text.push_str(&mark(text, r.op));
                if color && r.op != InlineTag::Equal {
                    e.styled.push_str(text);
                }
            }
            Some(e)
        }
    }
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every change's side, keyed by its text without spaces (wrapping drops the spaces at a
/// break, so the key is what a wrapped block gives back whatever the breaks).
fn expectations(c: &Comparison, side: InlineTag, color: bool) -> HashMap<String, Vec<Expected>> {
    let mut map: HashMap<String, Vec<Expected>> = HashMap::new();
    for pair in &c.sections {
        for ch in &pair.changes {
            if let Some(e) = expected(ch, side, color) {
                map.entry(squeeze(&e.text)).or_default().push(e);
            }
        }
    }
    map
}

/// Checks that `rows` are `original` cut at allowed breaks: each row a piece of it, in order,
/// the spaces at a break dropped; a break without a space never between two letters or
/// digits (a cut word or number) and never before closing punctuation.
fn check_breaks(original: &str, rows: &[String]) -> Result<(), String> {
    let mut rest = original;
    for (i, row) in rows.iter().enumerate() {
        rest = rest
            .strip_prefix(row.as_str())
            .ok_or_else(|| format!("row {row:?} is not the text that follows: {rest:?}"))?;
        if i + 1 == rows.len() {
            break;
        }
        let spaced = rest.starts_with(' ');
        rest = rest.trim_start_matches(' ');
        let (a, b) = (row.chars().next_back(), rest.chars().next());
        if let (Some(a), Some(b)) = (a, b) {
            if !spaced && a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
                return Err(format!("a word or number cut between {row:?} and {rest:?}"));
            }
            if CLOSING.contains(b) {
                return Err(format!("a line starts with closing punctuation: {rest:?}"));
            }
            if rest.starts_with("-]")
                || rest.starts_with("+}")
                || row.ends_with("[-")
                || row.ends_with("{+")
            {
                return Err(format!("a mark apart from its text: {row:?} / {rest:?}"));
            }
        }
    }
    if rest.is_empty() {
        Ok(())
    } else {
        Err(format!("text missing after the last row: {rest:?}"))
    }
}

/// One wrapped cell of text: its rows and their cells.
struct Block {
    rows: Vec<Vec<Cell>>,
}

impl Block {
    fn texts(&self) -> Vec<String> {
        self.rows.iter().map(|r| visible(r)).collect()
    }

    fn styled(&self, style: [u16; 2]) -> String {
        self.rows
            .iter()
            .flatten()
            .filter(|c| c.has(style))
            .map(|c| c.c)
            .filter(|c| !c.is_whitespace())
            .collect()
    }
}

/// Checks one block against the changes it could show: the text, the breaks and which
/// characters carry `style` (and that none carries `other`).
fn check_block(
    block: &Block,
    expectations: &HashMap<String, Vec<Expected>>,
    style: [u16; 2],
    other: Option<[u16; 2]>,
    color: bool,
) -> Result<(), String> {
    let rows = block.texts();
    let key = squeeze(&rows.concat());
    let candidates = expectations
        .get(&key)
        .ok_or_else(|| format!("no sentence change reads {:?}", rows.concat()))?;
    let mut last = String::new();
    for e in candidates {
        let styled_ok = !color || block.styled(style) == squeeze(&e.styled);
        let other_ok = other.is_none_or(|o| block.styled(o).is_empty());
        match check_breaks(&e.text, &rows) {
            Ok(()) if styled_ok && other_ok => return Ok(()),
            Ok(()) => {
                last = format!(
                    "styled {:?}, expected {:?}: {rows:?}",
                    block.styled(style),
                    squeeze(&e.styled)
                )
            }
            Err(err) => last = err,
        }
    }
    Err(last)
}

/// The part of the output with the section changes, from its `Sections` title on.
fn sections_part(out: &str) -> &str {
    let mut at = 0;
    for line in out.split_inclusive('\n') {
        if cells(line.trim_end()).is_ok_and(|c| visible(&c) == "Sections") {
            return &out[at..];
        }
        at += line.len();
    }
    panic!("no Sections part in {out}");
}

/// Checks the side-by-side view: widths, styles closed at every line end and before the
/// column rule, padding unstyled, and each column's blocks against the changes.
fn check_side_by_side(c: &Comparison, width: usize, color: bool) -> Vec<String> {
    let out = render(c, width, color, true);
    let column = (width - 2 - 3) / 2;
    let marker = Regex::new(r"^  [~+\-↷] [0-9→]*$").unwrap();
    let left_expected = expectations(c, InlineTag::Delete, color);
    let right_expected = expectations(c, InlineTag::Insert, color);
    let mut failures = Vec::new();
    let mut blocks: Vec<(Block, Block)> = Vec::new();
    let mut open = false;
    for line in sections_part(&out).lines() {
        let cells = match cells(line) {
            Ok(c) => c,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        if width_of(&cells) > width {
            failures.push(format!("{} columns: {line:?}", width_of(&cells)));
        }
        let text = visible(&cells);
        if marker.is_match(&text) {
            blocks.push((Block { rows: vec![] }, Block { rows: vec![] }));
            open = true;
            continue;
        }
        let Some(rule) = cells.iter().position(|c| c.c == '│') else {
            open = false;
            continue;
        };
        if !open {
            failures.push(format!("a row outside a sentence change: {line:?}"));
            continue;
        }
        if width_of(&cells[..rule]) != 2 + column + 1 {
            failures.push(format!(
                "the column rule is not at {}: {line:?}",
                column + 3
            ));
        }
        // The rule, and the padding before it, carry no style.
        let left_end = cells[..rule]
            .iter()
            .rposition(|c| c.c != ' ')
            .map_or(2, |i| i + 1);
        if cells[left_end..=rule].iter().any(|c| !c.codes.is_empty()) {
            failures.push(format!("styled padding or rule: {line:?}"));
        }
        let (left, right) = blocks.last_mut().unwrap();
        let left_cells = cells[2.min(left_end)..left_end].to_vec();
        if !left_cells.is_empty() {
            left.rows.push(left_cells);
        }
        let right_cells: Vec<Cell> = cells.get(rule + 2..).unwrap_or(&[]).to_vec();
        if !right_cells.is_empty() {
            right.rows.push(right_cells);
        }
    }
    assert!(blocks.len() >= 4, "too few sentence changes found");
    for (left, right) in &blocks {
        for (block, map, style, other) in [
            (left, &left_expected, DELETED, INSERTED),
            (right, &right_expected, INSERTED, DELETED),
        ] {
            if block.rows.is_empty() {
                continue;
            }
            if let Err(e) = check_block(block, map, style, Some(other), color) {
                failures.push(e);
            }
        }
    }
    failures
}

/// Checks the one-column view: widths, styles closed at every line end, continuation lines
/// under the text column, and each sentence against its change.
fn check_one_column(c: &Comparison, width: usize, color: bool) -> Vec<String> {
    let out = render(c, width, color, false);
    let first = Regex::new(r"^( *)[~+\-↷] ([0-9→]+)  \S").unwrap();
    let alone = Regex::new(r"^( *)[~+\-↷] [0-9→]+$").unwrap();
    let both = expectations(c, InlineTag::Equal, color);
    let mut failures = Vec::new();
    let mut current: Option<(usize, Block)> = None;
    let mut count = 0;
    let mut finish = |block: Option<(usize, Block)>, failures: &mut Vec<String>| {
        if let Some((_, done)) = block {
            count += 1;
            if let Err(e) = check_block(&done, &both, DELETED, None, false) {
                failures.push(e);
            }
            if color {
                check_two_styles(&done, &both, failures);
            }
        }
    };
    for line in sections_part(&out).lines() {
        let cells = match cells(line) {
            Ok(c) => c,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        if width_of(&cells) > width {
            failures.push(format!("{} columns: {line:?}", width_of(&cells)));
        }
        let text = visible(&cells);
        if let Some(m) = first.captures(&text) {
            finish(current.take(), &mut failures);
            let column = m[1].chars().count() + 2 + m[2].chars().count() + 2;
            let rest = cells[column..].to_vec();
            current = Some((column, Block { rows: vec![rest] }));
            continue;
        }
        if let Some(m) = alone.captures(&text) {
            // A prefix too wide for text beside it: the text follows on the next lines, left
            // of where it would stand, but never left of the sign.
            finish(current.take(), &mut failures);
            current = Some((m[1].chars().count() + 2, Block { rows: vec![] }));
            continue;
        }
        let lead = text.chars().take_while(|&c| c == ' ').count();
        match &mut current {
            Some((column, block)) if block.rows.is_empty() && lead >= *column => {
                *column = lead;
                block.rows.push(cells[lead..].to_vec());
            }
            Some((column, block)) if lead == *column => block.rows.push(cells[lead..].to_vec()),
            _ => finish(current.take(), &mut failures),
        }
    }
    finish(current.take(), &mut failures);
    assert!(count >= 4, "too few sentence changes found");
    failures
}

/// In the one-column view a reworded sentence shows both styles: the deleted style on
/// exactly the deleted runs and the inserted style on exactly the inserted runs.
fn check_two_styles(
    block: &Block,
    map: &HashMap<String, Vec<Expected>>,
    failures: &mut Vec<String>,
) {
    let key = squeeze(&block.texts().concat());
    let Some(candidates) = map.get(&key) else {
        return;
    };
    let styled = squeeze(&(block.styled(DELETED) + &block.styled(INSERTED)));
    // Deleted and inserted runs interleave; compare the characters they hold, sorted.
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    if !candidates
        .iter()
        .any(|e| sorted(&squeeze(&e.styled)) == sorted(&styled))
    {
        failures.push(format!(
            "styled text {styled:?} is not the changed text of {:?}",
            block.texts().concat()
        ));
    }
}

#[test]
fn side_by_side_keeps_words_colours_and_columns_apart_on_the_sample_pair() {
    let c = sample_pair();
    for width in [80, 160] {
        for color in [true, false] {
            report(
                &format!("side by side at {width}, colour {color}"),
                &check_side_by_side(&c, width, color),
            );
        }
    }
}

#[test]
fn side_by_side_keeps_english_words_and_numbers_whole() {
    let c = english_pair();
    for width in [80, 160] {
        for color in [true, false] {
            report(
                &format!("side by side at {width}, colour {color}"),
                &check_side_by_side(&c, width, color),
            );
        }
    }
    // The old column reads as the old edition wrote it, the new one as the new.
    let out = render(&c, 80, false, true);
    assert!(out.contains("$[-18.3-] billion"), "{out}");
    assert!(out.contains("{+15.4+}"), "{out}");
}

#[test]
fn one_column_view_wraps_at_the_width_under_the_text_column() {
    for (name, c) in [("sample", sample_pair()), ("english", english_pair())] {
        for width in [40, 80, 160] {
            for color in [true, false] {
                report(
                    &format!("{name} at {width}, colour {color}"),
                    &check_one_column(&c, width, color),
                );
            }
        }
    }
}

#[test]
fn a_long_sentence_wraps_into_lines_under_its_text() {
    // Checked by hand: the preamble's reworded line of the 2023 report (lines 8 → 8).
    let out = render(&sample_pair(), 80, false, false);
    let wanted = "  ~ 8→8  ——2023年3月5日在[-第十三届-]{+第十四届+}全国人民代表大会[-第五次-]{+第\n         一次+}会议上\n";
    assert!(out.contains(wanted), "{out}");
    let english = render(&english_pair(), 60, false, false);
    let wanted = "    - 12  [-Our counterintuitively conservative acquisition\n          policy remains unchanged.-]\n";
    assert!(english.contains(wanted), "{english}");
}

/// One heading line per section pair, by kind; unchanged sections folded into an unchanged
/// parent are counted on the parent's line.
fn check_section_counts(c: &Comparison, part: &str) {
    let kind_line = Regex::new(
        r"(?m)^ *(unchanged|edited|renamed|moved|split|merged|added|removed) {1,9}(\S+)(.*)$",
    )
    .unwrap();
    let inside = Regex::new(r"\((\d+) unchanged inside\)").unwrap();
    let mut kinds: HashMap<String, usize> = HashMap::new();
    // `moved from …` under a moved sentence is not a section line.
    for m in kind_line.captures_iter(part).filter(|m| &m[2] != "from") {
        *kinds.entry(m[1].to_string()).or_default() += 1;
        if let Some(n) = inside.captures(&m[3]) {
            *kinds.entry("unchanged".to_string()).or_default() += n[1].parse::<usize>().unwrap();
        }
    }
    for (kind, n) in c.summary.sections.rows() {
        assert_eq!(kinds.get(kind).copied().unwrap_or(0), n, "{kind} sections");
    }
}

/// Every sentence change shown, or counted by kind on a fold line.
fn check_sentence_counts(c: &Comparison, part: &str) {
    let shown = Regex::new(r"(?m)^ *([~+\-↷]) [0-9→]+  ").unwrap();
    let mut sentences: HashMap<&str, usize> = HashMap::new();
    for m in shown.captures_iter(part) {
        let kind = match &m[1] {
            "~" => "reworded",
            "+" => "added",
            "-" => "removed",
            _ => "moved",
        };
        *sentences.entry(kind).or_default() += 1;
    }
    let folded = Regex::new(r"… \d+ more sentences \(([^;]*);").unwrap();
    let count = Regex::new(r"(\d+) (reworded|added|removed|moved)").unwrap();
    for m in folded.captures_iter(part) {
        for k in count.captures_iter(&m[1]) {
            let kind = match &k[2] {
                "reworded" => "reworded",
                "added" => "added",
                "removed" => "removed",
                _ => "moved",
            };
            *sentences.entry(kind).or_default() += k[1].parse::<usize>().unwrap();
        }
    }
    for (kind, n) in c.summary.sentences.rows() {
        assert_eq!(
            sentences.get(kind).copied().unwrap_or(0),
            n,
            "{kind} sentences"
        );
    }
}

#[test]
fn unchanged_sections_folded_into_their_parent_are_counted_on_its_line() {
    let c = english_pair();
    // Checked by hand: the preamble and its two headings are unchanged.
    assert_eq!(c.summary.sections.unchanged, 3);
    let out = render(&c, 80, false, false);
    assert!(
        out.contains("\nunchanged (preamble)  (2 unchanged inside)\n"),
        "{out}"
    );
    check_section_counts(&c, sections_part(&out));
}

#[test]
fn header_counts_add_up_in_the_lists_below() {
    let c = sample_pair();
    let out = render(&c, 100, false, false);
    // Checked by hand on the 2022 → 2023 pair: 12 named initiatives and 5 key terms are new,
    // 17 named ones and 7 key terms dropped, one upgraded. The two are counted apart.
    assert!(
        out.contains("initiatives: 12 new, 17 dropped, 1 upgraded, 38 continued"),
        "{out}"
    );
    assert!(out.contains("key terms:   5 new, 7 dropped"), "{out}");
    assert!(
        out.contains("Initiatives  12 new, 17 dropped, 1 upgraded, 38 continued"),
        "{out}"
    );
    let listed = |title: &str| -> usize {
        let at = out.find(&format!("\n{title} (")).expect(title) + 1;
        let line = out[at..].lines().next().unwrap();
        line[title.len() + 2..line.len() - 1].parse().unwrap()
    };
    assert_eq!(listed("New"), 12);
    assert_eq!(listed("New key terms"), 5);
    assert_eq!(listed("Dropped"), 17);
    assert_eq!(listed("Dropped key terms"), 7);
    let new_lines = out[out.find("\nNew (12)\n").unwrap() + 1..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  + "))
        .count();
    assert_eq!(new_lines, 12);
    assert!(out.contains("38 continued, not listed"), "{out}");

    let part = sections_part(&out);
    check_section_counts(&c, part);

    check_sentence_counts(&c, part);
    // Every moved sentence is shown, also inside wholly added sections.
    assert_eq!(part.matches('↷').count(), c.summary.sentences.moved);
}

fn yoydiff() -> Command {
    let mut cmd = Command::cargo_bin("yoydiff").unwrap();
    cmd.env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The widest line of the section changes.
fn widest(out: &[u8]) -> usize {
    sections_part(&String::from_utf8_lossy(out))
        .lines()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

const OLD: &str = "samples/national-gwr-2022.txt";
const NEW: &str = "samples/national-gwr-2023.txt";

#[test]
fn width_flag_and_columns_are_honoured_when_piped() {
    let run = |extra: &[&str], columns: Option<&str>| {
        let mut cmd = yoydiff();
        cmd.args(["diff", OLD, NEW, "--only", "text"]).args(extra);
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        widest(&out.stdout)
    };
    // Stdout is a pipe here: without a flag or COLUMNS the width is 80.
    let default = run(&[], None);
    assert!((70..=80).contains(&default), "{default}");
    let columns = run(&[], Some("120"));
    assert!((110..=120).contains(&columns), "{columns}");
    let flag = run(&["--width", "100"], Some("120"));
    assert!((90..=100).contains(&flag), "{flag}");
    let side = run(&["--width", "160", "--side-by-side"], None);
    assert!((150..=160).contains(&side), "{side}");
    // A COLUMNS that is not a number is ignored.
    assert_eq!(run(&[], Some("wide")), default);
}

#[test]
fn outline_and_figures_keep_to_the_width() {
    for command in ["outline", "figures"] {
        let out = yoydiff()
            .args([command, NEW, "--width", "60"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{command}: {out:?}");
        let w = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0);
        assert!(w <= 60, "{command}: {w} columns");
    }
}

#[test]
fn a_width_below_forty_is_a_one_line_error_on_every_terminal_command() {
    let git_args = [NEW, OLD, "0000000", "100644", NEW, "0000000", "100644"];
    let commands: [Vec<&str>; 5] = [
        vec!["diff", OLD, NEW],
        vec!["outline", NEW],
        vec!["figures", NEW],
        vec!["trend", OLD, NEW, NEW],
        [&["git-diff"][..], &git_args[..]].concat(),
    ];
    for args in commands {
        for bad in ["39", "0", "wide", "-5"] {
            // Right after the command's name: git-diff takes everything after its first
            // argument as git's.
            let flag = format!("--width={bad}");
            let out = yoydiff()
                .arg(args[0])
                .arg(&flag)
                .args(&args[1..])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?} --width {bad}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains("--width"), "{err}");
            assert!(err.contains("columns from 40 to 1000"), "{err}");
            assert!(out.stdout.is_empty());
        }
    }
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn berkshire_letters_side_by_side_and_wrapped() {
    let dir = corpus().join("en");
    let path = |y: u32| dir.join(format!("berkshire-letter-{y}.txt"));
    let c = compare(
        &load(&path(2014)),
        &load(&path(2015)),
        &CompareOptions::default(),
    );
    let mut failures = Vec::new();
    for width in [80, 160] {
        failures.extend(check_side_by_side(&c, width, true));
        failures.extend(check_one_column(&c, width, true));
    }
    report("berkshire 2014 → 2015", &failures);
    let out = render(&c, 100, false, false);
    check_section_counts(&c, sections_part(&out));
    check_sentence_counts(&c, sections_part(&out));
}

#[test]
fn two_long_paths_take_a_line_each() {
    let c = sample_pair();
    let first_lines = |width: usize| -> Vec<String> {
        render(&c, width, false, false)
            .lines()
            .take(2)
            .map(str::to_string)
            .collect()
    };
    // The sample paths are absolute, as long as the checkout's folder: 400 columns hold both.
    let wide = first_lines(400);
    assert!(
        wide[0].contains("national-gwr-2022.txt (2022) → ")
            && wide[0].ends_with("national-gwr-2023.txt (2023)"),
        "{wide:?}"
    );
    // At 60 columns the two paths do not fit one line: the new one moves to the next.
    let narrow = first_lines(60);
    assert!(
        narrow[0].ends_with("national-gwr-2022.txt (2022)"),
        "{narrow:?}"
    );
    assert!(
        narrow[1].starts_with("→ ") && narrow[1].ends_with("national-gwr-2023.txt (2023)"),
        "{narrow:?}"
    );
}

//! Normalisation: from decoded text to clean paragraphs, each with a map back to the lines of
//! the original input.
//!
//! The input is usually text extracted from a PDF, so lines are rarely paragraphs. The steps:
//! 1. clean each line (zero-width characters out, full-width digits and letters folded, edges
//!    trimmed) and drop Markdown front matter;
//! 2. classify lines: page numbers, separators (`****`), running headers and footers, and the
//!    licence trailer that web copies carry are page furniture, not text; a table listed one
//!    cell a line is read back into rows first, so its cells are never taken for furniture;
//! 3. decide whether the text is hard-wrapped (most lines end near one width) or has one
//!    paragraph per line;
//! 4. join lines into paragraphs. In wrapped text a paragraph ends at a line that ends a
//!    sentence and is visibly shorter than the width, or before a heading; blank lines alone
//!    never end one, because PDF extraction puts them everywhere;
//! 5. tidy spaces: none between CJK and anything, one between Latin words.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::heading;
use crate::model::Paragraph;
use crate::script::{
    display_width, fold_fullwidth, han_ratio, is_han, is_invisible, is_sentence_final, sets_solid,
};

/// The result of normalisation.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// Paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// True when the input was hard-wrapped (PDF text), false for one paragraph per line.
    pub wrapped: bool,
    /// The wrap width in display columns, when wrapped.
    pub wrap_width: usize,
    /// How many lines were dropped as page numbers, running headers, separators or trailer.
    pub dropped_lines: usize,
    /// The input lines (1-based, ascending) that are table rows: a tab after the line's text
    /// starts (see [`is_table_row`]). Each stands as a paragraph of its own, which is never a
    /// heading.
    pub table_rows: Vec<u32>,
}

impl CleanText {
    /// Whether `p` is a table row of the input (a row stands alone, so its first line says).
    pub fn is_table_row(&self, p: &Paragraph) -> bool {
        self.table_rows.binary_search(&p.lines.0).is_ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Text,
    Blank,
    /// Page numbers, headers/footers, front matter and trailer: dropped without a trace.
    Furniture,
    /// `****`, `---`: dropped, but a paragraph always ends there.
    Separator,
}

struct Line {
    number: u32,
    text: String,
    kind: LineKind,
    /// A form feed or page number came right before this line.
    after_page_break: bool,
    /// Spaces before the text (an ideographic space counts as one).
    indent: usize,
    /// A tab between two pieces of text: a table row (cells), which stands alone.
    table_row: bool,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            [-—–－\s]*[0-9]{1,3}[-—–－\s]*
          | 第\s*[0-9]{1,4}\s*页(?:\s*[/，,]?\s*共\s*[0-9]{1,4}\s*页)?
          | page\s+[0-9]{1,4}(?:\s+of\s+[0-9]{1,4})?
          | [0-9]{1,4}\s*/\s*[0-9]{1,4}
        )$",
    )
    .unwrap()
});

/// A page number line (see [`PAGE_NUMBER`]). The pattern is tried only on a line made of its
/// characters alone (no letter of `page` or `of` folds to anything but its ASCII capital), so
/// a report without such lines never compiles it.
fn is_page_number(line: &str) -> bool {
    line.bytes().any(|b| b.is_ascii_digit())
        && line.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(
                    c,
                    '-' | '—' | '–' | '－' | '第' | '页' | '共' | '/' | '，' | ','
                )
                || matches!(c.to_ascii_lowercase(), 'p' | 'a' | 'g' | 'e' | 'o' | 'f')
        })
        && PAGE_NUMBER.is_match(line)
}

/// A line of three or more separator marks, spaces between them allowed
/// (`^(?:[*＊\-_=~·•—–]\s*){3,}$`).
fn is_separator(line: &str) -> bool {
    let mark = |c: char| {
        matches!(
            c,
            '*' | '＊' | '-' | '_' | '=' | '~' | '·' | '•' | '—' | '–'
        )
    };
    line.starts_with(mark)
        && line.chars().all(|c| mark(c) || c.is_whitespace())
        && line.chars().filter(|&c| mark(c)).nth(2).is_some()
}

/// Lines that open the licence trailer web copies of public documents carry.
fn is_trailer_start(line: &str) -> bool {
    line == "Public domain"
        || [
            "本作品是",
            "本作品在",
            "注：中文维基文库",
            "This work is in the public domain",
        ]
        .iter()
        .any(|w| line.starts_with(w))
}

/// Normalises decoded text into paragraphs.
pub fn normalize(text: &str) -> CleanText {
    let mut lines = clean_lines(text);
    let mut dropped = strip_pipe_footers(&mut lines);
    lines = split_filing_headings(lines);
    dropped += drop_front_matter(&mut lines);
    dropped += classify_furniture(&mut lines);
    dropped += drop_web_chrome(&mut lines);
    dropped += drop_trailer(&mut lines);
    let widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .map(|l| display_width(&l.text))
        // Table cells and titles are short whatever the layout; body lines tell the layout.
        .filter(|&w| w > 12)
        .collect();
    let (wrapped, wrap_width) = detect_wrapping(&widths);
    let vocabulary = if wrapped {
        latin_vocabulary(&lines)
    } else {
        HashSet::new()
    };
    let indents_mark_paragraphs = wrapped && indents_mark_paragraphs(&lines);
    let layout = Layout {
        wrapped,
        width: wrap_width,
        indents_mark_paragraphs,
        chinese: han_ratio(text) > 0.3,
    };
    let mut paragraphs = build_paragraphs(&lines, layout, &vocabulary);
    if !wrapped {
        dropped += drop_repeated_opening(&mut paragraphs);
    }
    let mut table_rows: Vec<u32> = lines
        .iter()
        .filter(|l| l.table_row && l.kind == LineKind::Text)
        .map(|l| l.number)
        .collect();
    // A listed table's headings moved above its rows: the lines are no longer in order there.
    table_rows.sort_unstable();
    CleanText {
        paragraphs,
        wrapped,
        wrap_width,
        dropped_lines: dropped,
        table_rows,
    }
}

/// A line is a table row when a tab follows the start of its text: between two cells, or
/// after the last filled cell of a row whose other cells are empty (PDF and Word readers
/// write a row so). A tab that indents the line, or that separates a heading's number from its
/// title (`1.\tScope`, as Word's lists do), is no cell boundary.
fn is_table_row(raw: &str) -> bool {
    let text = raw
        .trim_start()
        .trim_end_matches([' ', '\r', '\u{3000}', '\u{00A0}']);
    // (`1\t0.5`, a number and a figure, are two cells.)
    let after_number = heading::chinese_numbering(text)
        .or_else(|| heading::english_numbering(text))
        .map(|n| n.rest_start)
        .filter(|&at| !text[at..].starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(0);
    text[after_number..].trim_start().contains('\t')
}

fn clean_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut page_break = false;
    for (i, raw) in text.split('\n').enumerate() {
        let mut cleaned = String::with_capacity(raw.len());
        for c in raw.chars() {
            if c == '\x0c' {
                page_break = true;
                continue;
            }
            if is_invisible(c) || c == '\r' {
                continue;
            }
            let c = if c == '\t' || c == '\u{00A0}' || c == '\u{3000}' {
                ' '
            } else {
                c
            };
            cleaned.push(fold_fullwidth(c));
        }
        if cleaned.contains('\u{2044}') {
            cleaned = close_fraction(&cleaned);
        }
        let indent = cleaned.len() - cleaned.trim_start().len();
        let table_row = is_table_row(raw);
        let trimmed = collapse_leaders(cleaned.trim());
        let kind = if trimmed.is_empty() {
            LineKind::Blank
        } else {
            LineKind::Text
        };
        out.push(Line {
            number: i as u32 + 1,
            text: trimmed,
            kind,
            after_page_break: page_break,
            indent,
            table_row,
        });
        if kind == LineKind::Text {
            page_break = false;
        }
    }
    out
}

/// A fraction set with the fraction slash (`1⁄2`) is one token: some extractions put a space
/// on either side of the slash (`2 1⁄ 2`), others do not.
fn close_fraction(line: &str) -> String {
    static SPACED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([0-9]) *\u{2044} *([0-9])").unwrap());
    SPACED.replace_all(line, "$1\u{2044}$2").into_owned()
}

/// A running footer of a filing (`Apple Inc. | 2023 Form 10-K | 4`: company, form, page) that
/// text extraction glued to the start of the next page's first line.
static PIPE_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^|]{2,80}?\s\|\s[^|]{2,60}?\s\|\s[0-9]{1,4}(?:\s+|$)").unwrap()
});

/// Strips running footers written as `name | form | page` from line starts: a prefix of this
/// shape that recurs, page number aside, on three lines or more is page furniture wherever
/// it stands. What follows it on the line is the next page's text.
fn strip_pipe_footers(lines: &mut [Line]) -> usize {
    let key = |s: &str| -> String {
        s.trim()
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .to_string()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for l in lines.iter() {
        // The literal test first: most reports never compile the pattern.
        if !l.text.contains('|') {
            continue;
        }
        if let Some(m) = PIPE_FOOTER.find(&l.text) {
            *counts.entry(key(m.as_str())).or_default() += 1;
        }
    }
    if counts.values().all(|&n| n < 3) {
        return 0;
    }
    let mut dropped = 0;
    for l in lines.iter_mut() {
        let Some(m) = PIPE_FOOTER.find(&l.text) else {
            continue;
        };
        if counts.get(&key(m.as_str())).copied().unwrap_or(0) < 3 {
            continue;
        }
        let rest = l.text[m.end()..].trim().to_string();
        l.after_page_break = true;
        if rest.is_empty() {
            l.kind = LineKind::Furniture;
            dropped += 1;
        }
        l.text = rest;
    }
    dropped
}

/// `PART II Item 5. Market for…` or `None. Item 2. Properties`: a filing's part and item
/// headings that text extraction ran into the line before them. The heading is the rest of
/// the line from `Item N.` (a capital or `[` after it, no sentence after it); it is set on a
/// line of its own, with `PART N` on another, so the outline sees the filing's structure.
static GLUED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.\])]\s+|[0-9]\s+)((?:PART\s+[IVX]{1,4}\s+)?Item\s+[0-9]{1,2}[A-C]?\.\s+[A-Z\[][^.]{0,150}?\.?)$")
        .unwrap()
});
static PART_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(PART\s+[IVX]{1,4})\s+(Item\s)").unwrap());

/// Splits filing headings off the lines they were glued to (see [`GLUED_ITEM`]). Only text
/// with at least two such headings is a filing; a lone match is left as prose.
fn split_filing_headings(lines: Vec<Line>) -> Vec<Line> {
    let glued = |l: &Line| {
        l.kind == LineKind::Text
            && !l.text.chars().any(is_han)
            && l.text.contains("Item")
            && GLUED_ITEM.captures(&l.text).is_some()
    };
    if lines.iter().filter(|l| glued(l)).count() < 2 {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        if !glued(&l) {
            out.push(l);
            continue;
        }
        let c = GLUED_ITEM.captures(&l.text).unwrap();
        let heading = c.get(1).unwrap();
        let before = l.text[..heading.start()].trim().to_string();
        let heading_text = heading.as_str().to_string();
        let piece = |text: String, first: bool| Line {
            number: l.number,
            text,
            kind: LineKind::Text,
            after_page_break: l.after_page_break && first,
            indent: if first { l.indent } else { 0 },
            table_row: false,
        };
        if !before.is_empty() {
            out.push(piece(before, true));
        }
        let first = out.last().is_none_or(|p: &Line| p.number != l.number);
        match PART_PREFIX.captures(&heading_text) {
            Some(p) => {
                let item_at = p.get(2).unwrap().start();
                out.push(piece(p[1].to_string(), first));
                out.push(piece(heading_text[item_at..].to_string(), false));
            }
            None => out.push(piece(heading_text, first)),
        }
    }
    out
}

/// A YAML block (`---` … `---`) at the very top is metadata about the file, not report text.
fn drop_front_matter(lines: &mut [Line]) -> usize {
    let Some(first) = lines.iter().position(|l| l.kind == LineKind::Text) else {
        return 0;
    };
    if lines[first].text != "---" {
        return 0;
    }
    let end = lines
        .iter()
        .enumerate()
        .skip(first + 1)
        .take(40)
        .find(|(_, l)| l.text == "---");
    let Some((end, _)) = end else { return 0 };
    let is_yaml = lines[first + 1..end]
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .all(|l| l.text.contains(':') || l.text.starts_with('-'));
    if !is_yaml {
        return 0;
    }
    for l in &mut lines[first..=end] {
        l.kind = LineKind::Furniture;
    }
    end + 1 - first
}

fn classify_furniture(lines: &mut [Line]) -> usize {
    let mut dropped = 0;
    let mut page_number_at = Vec::new();
    let mut last_page: Option<u32> = None;
    for (i, l) in lines.iter_mut().enumerate() {
        if l.kind != LineKind::Text {
            continue;
        }
        if is_page_number(&l.text) && is_next_page(&l.text, &mut last_page) {
            l.kind = LineKind::Furniture;
            page_number_at.push(i);
            dropped += 1;
        } else if is_separator(&l.text) || is_lone_glyph(&l.text) {
            l.kind = LineKind::Separator;
            dropped += 1;
        }
    }
    // The first text line after each page number opens a page; one pass, however many page
    // numbers stand in a row.
    let mut pending = false;
    let mut next_page = page_number_at.iter().peekable();
    for (i, l) in lines.iter_mut().enumerate() {
        if next_page.next_if(|&&p| p == i).is_some() {
            pending = true;
        } else if pending && l.kind == LineKind::Text {
            l.after_page_break = true;
            pending = false;
        }
    }
    // Tables listed a cell a line are read into rows first: their cells are no running lines.
    let heading_moves = read_listed_tables(lines);
    let running = drop_running_lines(lines, &page_number_at);
    move_listed_headings(lines, &heading_moves);
    dropped + running
}

/// A bare number (`5`) could as well be a table cell, so it counts as a page number only when
/// it continues the page numbers before it (one to three pages on) or, as the first, is small.
/// Marked forms (`- 5 -`, `第 5 页`, `Page 5`) always count. Updates `last` with the page.
fn is_next_page(text: &str, last: &mut Option<u32>) -> bool {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let page: Option<u32> = digits.parse().ok();
    let bare = text.trim().chars().all(|c| c.is_ascii_digit());
    let fits = match (page, *last) {
        (Some(p), Some(l)) => p > l && p <= l + 3,
        (Some(p), None) => p <= 30,
        (None, _) => false,
    };
    if bare && !fits {
        return false;
    }
    if page.is_some() && !text.contains('/') {
        *last = page;
    }
    true
}

/// A lone non-Han character on its own line is a bullet that PDF extraction turned into a
/// letter (`•` read as `Š`): it starts a new paragraph but is not text.
fn is_lone_glyph(text: &str) -> bool {
    let mut chars = text.chars();
    // Punctuation alone on a line (`。`) is the end of a wrapped sentence, not a bullet.
    matches!((chars.next(), chars.next()), (Some(c), None)
        if (c.is_alphabetic() && !is_han(c)) || matches!(c, '•' | '●' | '■' | '▪' | '◆' | '◇' | '○' | '□' | '➢' | '√'))
        || is_footnote_mark(text)
}

/// A footnote's mark (`*`, `**`, `†`, `‡‡`): up to three of one sign. Alone on a line it is a
/// column of marks a text extraction cut off its footnotes; the PDF reader sets it apart the
/// same way, like a bullet.
pub(crate) fn is_footnote_mark(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '*' | '†' | '‡') && text.chars().count() <= 3 && chars.all(|c| c == first)
}

/// Running headers and footers: short lines without sentence punctuation, repeated on several
/// pages, and found next to page numbers (or, with digits in them, repeated often).
fn drop_running_lines(lines: &mut [Line], page_number_at: &[usize]) -> usize {
    let key = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if l.kind == LineKind::Text
            && !l.table_row
            && display_width(&l.text) <= 60
            && !l.text.ends_with(|c: char| {
                is_sentence_final(c) || matches!(c, ':' | '：' | '！' | '，' | ',')
            })
            && !heading::starts_like_heading(&l.text)
        {
            groups.entry(key(&l.text)).or_default().push(i);
        }
    }
    // `page_number_at` is in line order: the nearest page number is found by binary search.
    let near_page_number = |i: usize| {
        let at = page_number_at.partition_point(|&p| p + 3 < i);
        page_number_at.get(at).is_some_and(|&p| p.abs_diff(i) <= 3)
    };
    let mut dropped = 0;
    for (k, at) in groups {
        if at.len() < 3 {
            continue;
        }
        let near = at.iter().filter(|&&i| near_page_number(i)).count();
        let running = (page_number_at.len() >= 2 && near * 2 >= at.len())
            || (k.contains('#') && at.len() >= 4 && page_number_at.len() >= 2);
        if running {
            for i in at {
                lines[i].kind = LineKind::Furniture;
                dropped += 1;
            }
        }
    }
    dropped
}

/// The fewest labels a table listed a cell a line must have: two leader lines in a row can be a
/// contents list's entries, three with a column of numbers beside them are a table.
const MIN_LISTED_ROWS: usize = 3;
/// The most columns a table listed a cell a line is read into; a wider reading is a misreading.
const MAX_LISTED_COLUMNS: usize = 12;
/// The widest line, in display columns, taken for a heading cell inside such a table
/// (`Percentage of`, `(in millions)`, `12/31/21`); a wider line ends the table.
const MAX_HEADER_CELL_WIDTH: usize = 40;

/// What a line is to a table whose cells a text extraction wrote one a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListedCell {
    /// A row label ending in a dot leader (`Apple Inc. …`).
    Label,
    /// A value: a number, with a currency sign, brackets, a percent sign or footnote marks
    /// (`$ 2,333`, `(3.4)`, `20.1%`, `4,683 ***`), or a dash for an empty cell.
    Value,
    /// A currency sign alone: it belongs to the value that follows.
    Currency,
    /// A short line of a column heading (`Cost*`, `(in millions)`, `2014`): left where it is.
    Heading,
    /// Blank lines, footnote marks, page numbers: inside a table, they break nothing.
    Gap,
}

fn listed_cell(line: &Line) -> Option<ListedCell> {
    if line.kind != LineKind::Text {
        return Some(ListedCell::Gap);
    }
    // A row read with its cells (a tab between them) is a table of its own.
    if line.table_row {
        return None;
    }
    let text = line.text.as_str();
    if text == "$" {
        return Some(ListedCell::Currency);
    }
    if is_listed_value(text) {
        return Some(ListedCell::Value);
    }
    if text.ends_with(" …") && text.chars().any(char::is_alphanumeric) {
        return Some(ListedCell::Label);
    }
    let ends_clause = text
        .trim_end_matches(crate::script::is_closing)
        .ends_with(|c: char| is_sentence_final(c) || matches!(c, ':' | '：' | ',' | '，' | ';'));
    (display_width(text) <= MAX_HEADER_CELL_WIDTH && !ends_clause).then_some(ListedCell::Heading)
}

/// A table cell's value (see [`ListedCell::Value`]). A bare year (`2014`) heads a column of
/// values rather than being one.
fn is_listed_value(text: &str) -> bool {
    if matches!(text, "—" | "–" | "-") {
        return true;
    }
    let core = text.strip_prefix('$').unwrap_or(text).trim_start();
    let core = core.trim_end_matches(['*', '†', '‡', ' ']);
    let core = core.strip_suffix('%').unwrap_or(core);
    let core = core
        .strip_prefix('(')
        .and_then(|c| c.strip_suffix(')'))
        .unwrap_or(core);
    let core = core.strip_prefix('-').unwrap_or(core);
    let digits = core.bytes().filter(u8::is_ascii_digit).count();
    let well_formed = core.starts_with(|c: char| c.is_ascii_digit())
        && core.ends_with(|c: char| c.is_ascii_digit())
        && core
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
    let year = core.len() == 4
        && digits == 4
        && core.starts_with(['1', '2'])
        && text == core
        && (1900..=2100).contains(&core.parse::<u32>().unwrap_or(0));
    well_formed && !year
}

/// A value of a listed table: its text and the lines it came from (a currency sign alone on
/// its line and the number after it are one value).
struct ListedValue {
    text: String,
    lines: Vec<usize>,
}

/// Tables that a text extraction wrote one cell a line, column after column (pdftotext and
/// copy-paste from a PDF do so: a column of row labels with dot leaders, then each column of
/// values, or a block of columns read row by row). Each is read back into rows: the row's
/// cells in column order, one line at its label's place marked as a table row, as the PDF
/// reader writes it; the value lines are used up. Running-line detection then never sees
/// the cells, and each row compares with the row of the same label in another edition.
///
/// Column order is the listing order; columns before the labels stand left of them. A run
/// of values as long as the labels or nearly (at least half) is one column from the top; a
/// longer run is a block of ⌈n/rows⌉ columns read row by row (continued by the runs after
/// it until full); shorter runs are a total row's cells, at the bottom of the last columns
/// with room. The reading is kept only when it fits: every row has a cell, a value with a
/// currency sign stands first or last in its column (where statements put the sign), and at
/// most [`MAX_LISTED_COLUMNS`] columns. Otherwise the lines stay as they are. Linear in the
/// lines.
///
/// A column's heading listed after the labels (`Cost*`, `Market`, and a currency sign that
/// found no value below it) belongs above the rows, as in the PDF: the returned moves (see
/// [`move_listed_headings`]) put it there once running lines are found, so that line
/// positions stay as they were until then.
fn read_listed_tables(lines: &mut [Line]) -> Vec<HeadingMove> {
    let mut moves = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        let mut kinds = Vec::new();
        while let Some(kind) = lines.get(end).and_then(listed_cell) {
            kinds.push(kind);
            end += 1;
        }
        if kinds.contains(&ListedCell::Label) && kinds.contains(&ListedCell::Value) {
            moves.extend(read_listed_block(lines, start, &kinds));
        }
        start = end + 1;
    }
    moves
}

/// Heading lines of a listed table to put before its rows: the lines in `range` whose numbers
/// are in `headings` go first, the rest keep their order.
struct HeadingMove {
    range: std::ops::Range<usize>,
    headings: HashSet<u32>,
}

/// Applies [`read_listed_tables`]' moves. The lines are then no longer in line-number order
/// inside a table; each keeps its number, so paragraphs still name their lines.
fn move_listed_headings(lines: &mut [Line], moves: &[HeadingMove]) {
    for m in moves {
        lines[m.range.clone()].sort_by_key(|l| !m.headings.contains(&l.number));
    }
}

/// One run of cell lines (`kinds[k]` is line `start + k`): label runs, each with the value
/// runs before it (the first only) and after it.
fn read_listed_block(lines: &mut [Line], start: usize, kinds: &[ListedCell]) -> Vec<HeadingMove> {
    let mut moves = Vec::new();
    // Label runs (labels with only gaps between) and value runs (values next to each other;
    // a currency sign joins the value after it across gaps).
    let mut label_runs: Vec<Vec<usize>> = Vec::new();
    // For each value run: the label run it follows (`None` before the first).
    let mut value_runs: Vec<(Option<usize>, Vec<ListedValue>)> = Vec::new();
    let mut in_labels = false;
    let mut in_values = false;
    let mut currency: Option<usize> = None;
    for (k, &kind) in kinds.iter().enumerate() {
        let at = start + k;
        match kind {
            ListedCell::Gap => {
                in_values = false;
                continue;
            }
            ListedCell::Label => {
                if !in_labels {
                    label_runs.push(Vec::new());
                }
                label_runs.last_mut().expect("pushed above").push(at);
                in_labels = true;
                in_values = false;
                currency = None;
            }
            ListedCell::Currency => {
                in_labels = false;
                currency = Some(at);
            }
            ListedCell::Value => {
                in_labels = false;
                let mut value = ListedValue {
                    text: lines[at].text.clone(),
                    lines: vec![at],
                };
                if let Some(sign) = currency.take() {
                    value.text = format!("$ {}", value.text);
                    value.lines.insert(0, sign);
                }
                if !in_values {
                    value_runs.push((label_runs.len().checked_sub(1), Vec::new()));
                }
                value_runs.last_mut().expect("pushed above").1.push(value);
                in_values = true;
            }
            ListedCell::Heading => {
                in_labels = false;
                in_values = false;
                currency = None;
            }
        }
    }
    // Value runs by the label run they follow: `[0]` before the first, `[t + 1]` after run t.
    let mut by_run: Vec<Vec<&[ListedValue]>> = vec![Vec::new(); label_runs.len() + 1];
    for (after, run) in &value_runs {
        by_run[after.map_or(0, |t| t + 1)].push(run);
    }
    for (t, labels) in label_runs.iter().enumerate() {
        let left: &[&[ListedValue]] = if t == 0 { &by_run[0] } else { &[] };
        if labels.len() < MIN_LISTED_ROWS {
            continue;
        }
        let Some(grid) = fill_listed_columns(labels.len(), left, &by_run[t + 1]) else {
            continue;
        };
        let first_label = labels[0];
        let last_label = labels[labels.len() - 1];
        let last_value = grid
            .columns
            .iter()
            .flatten()
            .flatten()
            .flat_map(|v| v.lines.iter().copied())
            .max()
            .unwrap_or(last_label);
        let headings: HashSet<u32> = (last_label + 1..last_value)
            .filter(|&at| {
                matches!(
                    kinds[at - start],
                    ListedCell::Heading | ListedCell::Currency
                )
            })
            .map(|at| lines[at].number)
            .collect();
        if !headings.is_empty() {
            moves.push(HeadingMove {
                range: first_label..last_value + 1,
                headings,
            });
        }
        for (row, &label_at) in labels.iter().enumerate() {
            let mut cells: Vec<&str> = Vec::new();
            for (c, column) in grid.columns.iter().enumerate() {
                if c == grid.left_columns {
                    cells.push(&lines[label_at].text);
                }
                if let Some(v) = column[row] {
                    cells.push(&v.text);
                }
            }
            if grid.left_columns == grid.columns.len() {
                cells.push(&lines[label_at].text);
            }
            let text = cells.join(" ");
            lines[label_at].text = text;
            lines[label_at].table_row = true;
        }
        for column in &grid.columns {
            for v in column.iter().flatten() {
                for &at in &v.lines {
                    lines[at].kind = LineKind::Furniture;
                }
            }
        }
    }
    moves
}

/// Columns of a listed table, each one cell a row (`None`: empty); the first `left_columns`
/// stand before the labels.
struct ListedGrid<'a> {
    columns: Vec<Vec<Option<&'a ListedValue>>>,
    left_columns: usize,
}

/// Places the value runs of a table of `rows` rows into columns (see [`read_listed_tables`]);
/// `None` when they do not fit.
fn fill_listed_columns<'a>(
    rows: usize,
    left: &[&'a [ListedValue]],
    right: &[&'a [ListedValue]],
) -> Option<ListedGrid<'a>> {
    let mut columns: Vec<Vec<Option<&'a ListedValue>>> = Vec::new();
    let mut left_columns = 0;
    // A block of columns read row by row: its first column and width, and cells placed.
    let mut block: Option<(usize, usize, usize)> = None;
    let mut short: Vec<&'a [ListedValue]> = Vec::new();
    // The columns of each block read row by row.
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::new();
    // Short runs fill the bottom of the last columns with room, the last run the last one.
    let place_short = |columns: &mut Vec<Vec<Option<&'a ListedValue>>>,
                       short: &mut Vec<&'a [ListedValue]>|
     -> Option<()> {
        let mut next = columns.len();
        for run in short.drain(..).rev() {
            let bottom = rows - run.len();
            let c = (0..next)
                .rev()
                .find(|&c| columns[c][bottom..].iter().all(Option::is_none))?;
            for (r, v) in run.iter().enumerate() {
                columns[c][bottom + r] = Some(v);
            }
            next = c;
        }
        Some(())
    };
    for (side, runs) in [left, right].into_iter().enumerate() {
        if side == 1 {
            place_short(&mut columns, &mut short)?;
            block = None;
            left_columns = columns.len();
        }
        for &run in runs {
            let n = run.len();
            if let Some((first, width, placed)) = block.as_mut()
                && *placed + n <= *width * rows
            {
                for v in run {
                    columns[*first + *placed % *width][*placed / *width] = Some(v);
                    *placed += 1;
                }
                continue;
            }
            block = None;
            if 2 * n < rows {
                short.push(run);
                continue;
            }
            place_short(&mut columns, &mut short)?;
            let width = n.div_ceil(rows);
            let first = columns.len();
            if first + width > MAX_LISTED_COLUMNS {
                return None;
            }
            columns.resize(first + width, vec![None; rows]);
            for (p, v) in run.iter().enumerate() {
                columns[first + p % width][p / width] = Some(v);
            }
            if width > 1 {
                block = Some((first, width, n));
                blocks.push(first..first + width);
            }
        }
    }
    place_short(&mut columns, &mut short)?;
    let every_row_filled = (0..rows).all(|r| columns.iter().any(|c| c[r].is_some()));
    // A currency sign marks a column's first value and its total, never one in between.
    let signs_at_ends = columns.iter().all(|column| {
        let filled: Vec<usize> = (0..rows).filter(|&r| column[r].is_some()).collect();
        filled.iter().enumerate().all(|(k, &r)| {
            !column[r].is_some_and(|v| v.text.starts_with('$')) || k == 0 || k + 1 == filled.len()
        })
    });
    // In a block read row by row, a wrong width shifts the signs off their rows: the columns
    // signed in its first row must be signed in its total row, when it has one.
    let signs_in_rows = blocks.iter().all(|block| {
        let signed = |r: usize| -> Vec<bool> {
            block
                .clone()
                .map(|c| columns[c][r].is_some_and(|v| v.text.starts_with('$')))
                .collect()
        };
        let last = (0..rows)
            .rev()
            .find(|&r| block.clone().any(|c| columns[c][r].is_some()))
            .unwrap_or(0);
        let (top, bottom) = (signed(0), signed(last));
        !bottom.contains(&true) || top.iter().zip(&bottom).all(|(&t, &b)| !t || b)
    });
    (every_row_filled && signs_at_ends && signs_in_rows && !columns.is_empty()).then_some(
        ListedGrid {
            columns,
            left_columns,
        },
    )
}

/// Dot leaders in tables (`Apple Inc. . . . . . . 5.6%`) vary in length with the layout; one
/// `…` says the same and compares equal across editions.
fn collapse_leaders(line: &str) -> String {
    static LEADER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:\s+\.){3,}\s*|\.{4,}\s*").unwrap());
    if !line.contains(". .") && !line.contains("....") {
        return line.to_string();
    }
    LEADER.replace_all(line, " … ").trim().to_string()
}

/// Web copies of public documents end with a licence notice; it is not part of the report.
fn drop_trailer(lines: &mut [Line]) -> usize {
    let text_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == LineKind::Text)
        .collect();
    let tail_from = text_lines.len() * 4 / 5;
    let Some(&start) = text_lines[tail_from..]
        .iter()
        .find(|&&i| is_trailer_start(&lines[i].text))
    else {
        return 0;
    };
    let mut dropped = 0;
    for l in &mut lines[start..] {
        if l.kind == LineKind::Text {
            dropped += 1;
        }
        l.kind = LineKind::Furniture;
    }
    dropped
}

static WEB_TOOLBAR: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/zh-web-toolbar-words.txt")));
static WEB_HEAD_KEYS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/zh-web-head-keys.txt")));
static WEB_FOOTER_KEYS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/zh-web-footer-keys.txt")));

/// A publication stamp: a date with a clock time (`2026年02月10日 07时41分`,
/// `2026-02-10 07:41`). A date alone may be the day the report was delivered, so it stays.
/// A time stamp line (see [`TIME_STAMP`]); the pattern is tried only on a line that opens with
/// four digits and holds a time mark.
fn is_time_stamp(line: &str) -> bool {
    line.as_bytes()
        .get(..4)
        .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && line.contains([':', '：', '时'])
        && TIME_STAMP.is_match(line)
}

static TIME_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[0-9]{4}\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2}\s*日?\s+[0-9]{1,2}\s*[:：时]\s*[0-9]{2}(?:\s*分|\s*[:：]\s*[0-9]{2})?$",
    )
    .unwrap()
});

/// A photo caption ends with the photographer's credit: `…作政府工作报告。本报记者 戴冰摄`,
/// `新华社记者刘卫兵摄`, `（通讯员 张三 摄）`.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:记者|通讯员|摄影)\s*[\p{Han}·]{2,4}(?:\s*[、，,\s]\s*[\p{Han}·]{2,4})*\s*摄\s*[）)]?$",
    )
    .unwrap()
});

/// How many text lines from the top the head of a web page (toolbar, source, date) may take.
const WEB_HEAD_LINES: usize = 30;
/// The longest page footer: a few links and buttons, never a part of the report.
const WEB_FOOTER_LINES: usize = 40;
/// Lines of a control group split over lines (`【字号：` `加大` `还原` `减小` `】`).
const WEB_GROUP_LINES: usize = 8;

/// Web copies of a report keep the page around it: toolbar buttons, the source paper, the
/// publication date, the font-size control and photo captions above the article, and the
/// editor, related links and buttons below it. None of it is report text.
///
/// The rules are structural: at the top, before the body starts, short lines made of toolbar
/// words, `key：value` lines with a short value, bracketed control groups and publication
/// stamps; anywhere, a short caption ending in a photographer's credit; at the bottom, from
/// the first footer key or toolbar line near the end (the last fifth, or the last
/// [`WEB_FOOTER_LINES`]) to the end, when what follows is short and holds no heading.
fn drop_web_chrome(lines: &mut [Line]) -> usize {
    let text: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == LineKind::Text)
        .collect();
    let mut chrome = vec![false; text.len()];
    let head_end = text
        .iter()
        .take(WEB_HEAD_LINES)
        .position(|&i| starts_body(&lines[i].text))
        .unwrap_or(text.len().min(WEB_HEAD_LINES));
    let mut k = 0;
    while k < head_end {
        let t = lines[text[k]].text.as_str();
        let span = if let Some(n) = control_group(&text[k..head_end], lines) {
            n
        } else if is_toolbar_line(t) || is_time_stamp(t) || is_caption(t) {
            1
        } else if let Some(value) = chrome_key(t, &WEB_HEAD_KEYS) {
            // `来源:` / `四川日报`: the value may stand on the next line.
            let next_is_value = value.is_empty()
                && text
                    .get(k + 1)
                    .filter(|_| k + 1 < head_end)
                    .is_some_and(|&j| is_bare_value(&lines[j].text));
            if next_is_value { 2 } else { 1 }
        } else {
            0
        };
        for c in chrome.iter_mut().skip(k).take(span) {
            *c = true;
        }
        k += span.max(1);
    }
    for (k, &i) in text.iter().enumerate().skip(head_end) {
        if is_caption(&lines[i].text) {
            chrome[k] = true;
        }
    }
    let tail_from = text
        .len()
        .saturating_sub(WEB_FOOTER_LINES.max(text.len() / 5))
        .max(head_end);
    let footer = (tail_from..text.len()).find(|&k| {
        let t = lines[text[k]].text.as_str();
        chrome_key(t, &WEB_FOOTER_KEYS).is_some() || is_toolbar_line(t)
    });
    if let Some(from) = footer {
        let after = &text[from + 1..];
        let plain = after.iter().all(|&i| {
            let t = &lines[i].text;
            !heading::starts_like_heading(t) && !heading::is_appendix_title(t)
        });
        if text.len() - from <= WEB_FOOTER_LINES && plain {
            for c in &mut chrome[from..] {
                *c = true;
            }
        }
    }
    let mut dropped = 0;
    for (k, &i) in text.iter().enumerate() {
        if chrome[k] {
            lines[i].kind = LineKind::Furniture;
            dropped += 1;
        }
    }
    dropped
}

/// Where the article body starts: the address, a heading, or a line longer than any title,
/// byline or chrome line.
fn starts_body(text: &str) -> bool {
    ADDRESS_FORMS.iter().any(|a| text.starts_with(a))
        || heading::starts_like_heading(text)
        || display_width(text) > 80
}

/// A line made only of toolbar words (`下载`, `打印本页`, `下载 打印 全屏 收藏`).
fn is_toolbar_line(text: &str) -> bool {
    let mut words = text
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '/' | '·'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '【' | '】' | '[' | ']' | '：' | ':')))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| WEB_TOOLBAR.contains(&w))
}

/// A short photo caption that ends in a photographer's credit.
fn is_caption(text: &str) -> bool {
    text.contains('摄') && display_width(text) <= 120 && CAPTION.is_match(text)
}

/// The value of a chrome `key：value` line whose key is one of `keys` (`来源：北京日报` →
/// `北京日报`; `来源 : 南方日报`, `分享：`, `相关链接>>`). The value is short and not a sentence.
fn chrome_key<'a>(text: &'a str, keys: &[&str]) -> Option<&'a str> {
    let t = text
        .trim_start_matches(['【', '[', '（', '('])
        .trim_end_matches(['】', ']', '）', ')'])
        .trim();
    let t = t
        .strip_suffix(">>")
        .or_else(|| t.strip_suffix('»'))
        .unwrap_or(t)
        .trim_end();
    let key = keys.iter().find(|k| t.starts_with(**k))?;
    let rest = t[key.len()..].trim_start();
    let value = if rest.is_empty() {
        rest
    } else {
        rest.strip_prefix([':', '：'])?.trim()
    };
    // `来源:新华社 责任编辑:叶梦圆 2025-03-12 17:54:03` holds several keys on one line.
    (display_width(value) <= 60 && !value.contains(['。', '，', '；', '！', '？'])).then_some(value)
}

/// A value standing on its own line after its key (`四川日报`, `李莎莎`): a few characters,
/// no punctuation, no numbering.
fn is_bare_value(text: &str) -> bool {
    display_width(text) <= 16
        && !text
            .chars()
            .any(|c| c.is_ascii_punctuation() || is_cjk_punctuation(c))
        && !heading::starts_like_heading(text)
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}')
}

/// A control group split over lines, opening with `【` and a head key (`【字号：` `加大`
/// `还原` `减小` `】`, `【字体：` `大` `中` `小` `】`): how many lines it takes.
fn control_group(text: &[usize], lines: &[Line]) -> Option<usize> {
    let first = lines[*text.first()?].text.as_str();
    if !first.starts_with(['【', '[']) || chrome_key(first, &WEB_HEAD_KEYS).is_none() {
        return None;
    }
    if first.ends_with(['】', ']']) {
        return Some(1);
    }
    let end = text
        .iter()
        .take(WEB_GROUP_LINES)
        .position(|&i| lines[i].text.ends_with(['】', ']']))?;
    let inner_short = text[1..end]
        .iter()
        .all(|&i| display_width(&lines[i].text) <= 8);
    inner_short.then_some(end + 1)
}

/// A web page sometimes shows its lead paragraph twice, as a summary and as the body's first
/// paragraph. A report never says the same paragraph twice in a row, so in text with one
/// paragraph a line (web copies; PDF text has no summary) a copy of at least 10 characters
/// right after its original among the first paragraphs is dropped. Returns the lines
/// dropped.
fn drop_repeated_opening(paragraphs: &mut Vec<Paragraph>) -> usize {
    const OPENING: usize = 12;
    let mut repeated = vec![false; paragraphs.len()];
    for i in 1..paragraphs.len().min(OPENING) {
        let text = &paragraphs[i].text;
        repeated[i] = paragraphs[i - 1].text == *text && text.chars().count() >= 10;
    }
    let mut dropped = 0;
    let mut i = 0;
    paragraphs.retain(|p| {
        let keep = !repeated[i];
        i += 1;
        if !keep {
            dropped += (p.lines.1 - p.lines.0 + 1) as usize;
        }
        keep
    });
    dropped
}

/// Hard-wrapped text has most of its lines within a narrow band below one width. Text with
/// one paragraph per line has lengths spread far and wide.
fn detect_wrapping(widths: &[usize]) -> (bool, usize) {
    if widths.len() < 8 {
        return (false, 0);
    }
    let mut sorted = widths.to_vec();
    sorted.sort_unstable();
    let width = sorted[sorted.len() * 3 / 4];
    if !(16..=240).contains(&width) {
        return (false, width);
    }
    let low = width - wrap_tolerance(width);
    let band = sorted
        .iter()
        .filter(|&&w| w >= low && w <= width + width / 8 + 2)
        .count();
    // One paragraph per line has long lines far past any band; wrapped text has almost none.
    let beyond = sorted
        .iter()
        .filter(|&&w| w > width + width / 8 + 2)
        .count();
    (
        band * 2 >= sorted.len() && beyond * 10 <= sorted.len(),
        width,
    )
}

/// How far below the wrap width a line may end and still count as full. PDF text is justified
/// with proportional fonts, so full lines vary by a few columns.
fn wrap_tolerance(width: usize) -> usize {
    (width / 9).max(4)
}

/// Lower-cased Latin words of the whole text, to decide whether `hy-` + `phen` is one word.
fn latin_vocabulary(lines: &[Line]) -> HashSet<String> {
    let mut words = HashSet::new();
    for l in lines.iter().filter(|l| l.kind == LineKind::Text) {
        for w in l.text.split(|c: char| !c.is_alphabetic()) {
            if w.len() > 2 && w.is_ascii() {
                words.insert(w.to_ascii_lowercase());
            }
        }
    }
    words
}

fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(crate::script::is_closing);
    trimmed.ends_with(|c: char| is_sentence_final(c) || matches!(c, ':' | '：' | '！' | '？'))
}

/// Chinese documents indent the first line of a paragraph by two characters, and many PDF
/// extractions keep that indent. It marks paragraphs only when a minority of lines carry it
/// (a margin on every line says nothing), and a single space does not count: PDF text puts one
/// before the first line of a page.
fn indents_mark_paragraphs(lines: &[Line]) -> bool {
    let text = lines.iter().filter(|l| l.kind == LineKind::Text);
    let (total, indented) = text.fold((0, 0), |(t, i), l| {
        (t + 1, i + usize::from(l.indent >= MIN_PARAGRAPH_INDENT))
    });
    indented >= 2 && indented * 2 < total
}

/// Leading spaces that open a paragraph when indents mark paragraphs.
const MIN_PARAGRAPH_INDENT: usize = 2;

/// What normalisation found out about the layout of a text.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// Hard-wrapped (PDF text) rather than one paragraph per line.
    wrapped: bool,
    /// The wrap width in display columns.
    width: usize,
    /// First lines of paragraphs are indented.
    indents_mark_paragraphs: bool,
    /// Mostly Chinese: fragments join without spaces.
    chinese: bool,
}

fn build_paragraphs(
    lines: &[Line],
    layout: Layout,
    vocabulary: &HashSet<String>,
) -> Vec<Paragraph> {
    let Layout {
        wrapped,
        width,
        indents_mark_paragraphs,
        ..
    } = layout;
    let mut paragraphs = Vec::new();
    let mut current: Option<ParagraphBuilder> = None;
    let mut hard_break = false;
    let mut prev_table_row = false;
    for line in lines {
        match line.kind {
            LineKind::Separator => {
                hard_break = true;
                continue;
            }
            LineKind::Blank | LineKind::Furniture => continue,
            LineKind::Text => {}
        }
        let join = match &current {
            None => false,
            Some(_) if hard_break => false,
            Some(_) if line.table_row || prev_table_row => false,
            Some(_) if indents_mark_paragraphs && line.indent >= MIN_PARAGRAPH_INDENT => false,
            // Where indents mark paragraphs, an unindented line after a full one continues
            // it; the guesses below are for layouts without that signal.
            Some(p) if indents_mark_paragraphs => {
                let full = display_width(&p.last_line) + wrap_tolerance(width) >= width;
                full && !heading::starts_like_heading(&line.text)
            }
            // `八是…。` alone on its line is a sub-heading, even when it nearly fills the line.
            Some(p) if wrapped && p.text == p.last_line && is_ordinal_sentence(&p.text) => false,
            Some(p) if wrapped => continues_wrapped(&p.last_line, &line.text, width),
            Some(p) => continues_fragment(&p.text, &line.text, layout.chinese),
        };
        hard_break = false;
        prev_table_row = line.table_row;
        match current.as_mut() {
            Some(p) if join => p.push(line, layout, vocabulary),
            _ => {
                if let Some(done) = current.take() {
                    paragraphs.push(done.finish());
                }
                current = Some(ParagraphBuilder::new(line));
            }
        }
    }
    if let Some(done) = current.take() {
        paragraphs.push(done.finish());
    }
    paragraphs.retain(|p| !p.text.is_empty());
    paragraphs
}

/// Forms of address that open a paragraph of a speech.
const ADDRESS_FORMS: [&str; 3] = ["各位代表", "同志们", "Ladies and gentlemen"];

/// In wrapped text, does `next` continue the paragraph whose last line is `prev`?
fn continues_wrapped(prev: &str, next: &str, width: usize) -> bool {
    let prev_width = display_width(prev);
    let full = prev_width + wrap_tolerance(width) >= width;
    let next_is_heading = heading::starts_like_heading(next);
    let prev_is_heading = heading::starts_like_heading(prev) && !full;
    if prev_is_heading {
        return false;
    }
    if !full {
        // A short line ends its paragraph (the last line, a title, a table row), unless the
        // sentence runs on in lower case: then a long word did not fit on the line. A nearly
        // full line that stops mid-phrase (a lower-case word or a comma) is a paragraph's
        // first line whose indent the extraction dropped: it runs on whatever the next
        // line opens with (`…christened as` / `National Indemnity – to compete…`).
        let nearly_full = prev_width + 2 * wrap_tolerance(width) >= width;
        let mid_phrase = prev.ends_with(|c: char| c.is_lowercase() || c == ',');
        return !ends_sentence(prev)
            && (next.starts_with(|c: char| c.is_lowercase())
                || (nearly_full && mid_phrase && !next_is_heading));
    }
    if next_is_heading {
        // A heading number after a full line that ends a sentence starts a heading; after a
        // full line mid-sentence it is a number that wrapped ("…增长\n1.5%").
        let short_title =
            display_width(next) + wrap_tolerance(width) < width && !next.contains(['。', '.']);
        return !(ends_sentence(prev) || short_title);
    }
    // A full line that ends a sentence, followed by a line that opens with a short lead
    // sentence and runs on (items are never one line long), starts an item. Closing
    // addresses (`各位代表，…`) start a paragraph too.
    let next_full = display_width(next) + wrap_tolerance(width) >= width;
    if prev.ends_with('。') && next_full && heading::lead_sentence(next).is_some() {
        return false;
    }
    // A short capitalised line without final punctuation after a finished sentence is an
    // unnumbered heading ("Acquisitions"), not the paragraph's last line.
    // (`Never bet against America.)` ends a sentence inside its bracket: not a title.)
    let short_title = display_width(next) * 2 < width
        && next.starts_with(|c: char| c.is_uppercase())
        && !next
            .trim_end_matches(crate::script::is_closing)
            .ends_with(|c: char| is_sentence_final(c) || matches!(c, ',' | ':'));
    // `三是…。` after a finished sentence opens a sub-part of a review.
    if prev.ends_with('。') && heading::chinese_ordinal(next).is_some() {
        return false;
    }
    if ends_sentence(prev) && short_title {
        return false;
    }
    // So is an unnumbered part title of a Chinese report (`2024年工作回顾`).
    if ends_sentence(prev)
        && display_width(next) + wrap_tolerance(width) < width
        && heading::is_part_title(next)
    {
        return false;
    }
    if ends_sentence(prev) && ADDRESS_FORMS.iter().any(|a| next.starts_with(a)) {
        return false;
    }
    true
}

/// One sentence that opens with `一是`/`二是`…: a sub-heading of a review part.
fn is_ordinal_sentence(text: &str) -> bool {
    heading::chinese_ordinal(text).is_some()
        && text.ends_with('。')
        && text.matches('。').count() == 1
}

/// In one-paragraph-per-line text, lines are broken only where web markup split a paragraph
/// (`（PM` / `2.5` / `）平均浓度…`). Join such fragments back.
fn continues_fragment(prev: &str, next: &str, chinese: bool) -> bool {
    if ends_sentence(prev)
        || heading::starts_like_heading(next)
        || heading::starts_like_heading(prev)
        || heading::is_appendix_title(prev)
        || heading::is_appendix_title(next)
    {
        return false;
    }
    let tiny = |s: &str| display_width(s) <= 8;
    let opens_with_continuation = next.starts_with([
        '，', '。', '、', '；', '：', '）', '”', '》', '」', ')', ',',
    ]);
    // A paragraph does not end on a bare number: the unit follows on the next fragment
    // (`国内生产总值达到74.4` / `万亿元，增长6.7%`).
    let split_figure = prev.ends_with(|c: char| c.is_ascii_digit()) && next.starts_with(is_han);
    // A Chinese sentence does not end at `的`, nor does one open with `是：`: web markup split
    // a bold span there (`…今年经济社会发展的` / `主要预期目标` / `是：地区生产总值增长…`).
    let split_span =
        chinese && (prev.ends_with('的') || ["是：", "为："].iter().any(|s| next.starts_with(s)));
    // Tiny fragments (`政府工作报` / `告`) are markup splits in Chinese web copies; in English
    // text a short line is a title or a table cell and stands alone.
    opens_with_continuation || split_figure || split_span || (chinese && (tiny(prev) || tiny(next)))
}

struct ParagraphBuilder {
    text: String,
    last_line: String,
    first: u32,
    last: u32,
    line_starts: Vec<(usize, u32)>,
}

impl ParagraphBuilder {
    fn new(line: &Line) -> Self {
        ParagraphBuilder {
            text: line.text.clone(),
            last_line: line.text.clone(),
            first: line.number,
            last: line.number,
            line_starts: vec![(0, line.number)],
        }
    }

    fn push(&mut self, line: &Line, layout: Layout, vocabulary: &HashSet<String>) {
        let wrapped = layout.wrapped;
        let prev_last = self.text.chars().next_back().unwrap_or(' ');
        let next_first = line.text.chars().next().unwrap_or(' ');
        // A number wrapped across lines ("法规1" / "5部") is one number.
        let split_number = prev_last.is_ascii_digit() && next_first.is_ascii_digit();
        if wrapped && prev_last == '-' && next_first.is_alphabetic() {
            let before: String = self.text[..self.text.len() - 1]
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after: String = line
                .text
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let joined = format!("{before}{after}").to_ascii_lowercase();
            if !before.is_empty() && vocabulary.contains(&joined) {
                self.text.pop();
            }
        } else if (wrapped || !layout.chinese)
            && !split_number
            && needs_space(prev_last, next_first)
        {
            self.text.push(' ');
        }
        self.line_starts.push((self.text.len(), line.number));
        self.text.push_str(&line.text);
        self.last_line = line.text.clone();
        self.last = line.number;
    }

    fn finish(self) -> Paragraph {
        let (text, line_starts) = tidy_spaces(&self.text, &self.line_starts);
        Paragraph {
            text,
            lines: (self.first, self.last),
            line_starts,
        }
    }
}

fn needs_space(prev: char, next: char) -> bool {
    let closes = matches!(
        next,
        '%' | ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '/'
    );
    let opens = matches!(prev, '(' | '[' | '/' | '$' | '—');
    !(sets_solid(prev) || sets_solid(next) || closes || opens)
}

/// Removes spaces next to CJK characters and collapses runs of spaces, moving the line map
/// along with the text.
fn tidy_spaces(text: &str, starts: &[(usize, u32)]) -> (String, Vec<(usize, u32)>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    // old byte offset -> new byte offset, for the line map.
    let mut remap: Vec<(usize, usize)> = Vec::with_capacity(starts.len());
    let mut si = 0;
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        while si < starts.len() && starts[si].0 <= off {
            remap.push((starts[si].0, out.len()));
            si += 1;
        }
        if c == ' ' {
            let mut j = i;
            while j < chars.len() && chars[j].1 == ' ' {
                j += 1;
            }
            let prev = out.chars().next_back();
            let next = chars.get(j).map(|&(_, c)| c);
            if let (Some(p), Some(n)) = (prev, next)
                && !sets_solid(p)
                && !sets_solid(n)
            {
                out.push(' ');
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    while si < starts.len() {
        remap.push((starts[si].0, out.len()));
        si += 1;
    }
    let mapped = starts
        .iter()
        .zip(remap)
        .map(|(&(_, line), (_, new))| (new, line))
        .collect();
    (out, mapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text extracted from a 10-K: the page footer (`Apple Inc. | 2023 Form 10-K | 4`) runs
    /// into the next page's first line, and item headings run into the line before them. The
    /// footer goes; each heading stands on its own line, `PART II` apart from its first item.
    #[test]
    fn filing_footers_and_glued_item_headings() {
        let text = "Item 1. Business\n\
            The Company designs, manufactures and markets smartphones.\n\
            Apple Inc. | 2023 Form 10-K | 4 Item 1A. Risk Factors\n\
            The Companys business can be affected by many factors.\n\
            None. Item 2. Properties\n\
            The Companys headquarters are located in Cupertino, California.\n\
            Apple Inc. | 2023 Form 10-K | 17\n\
            PART II Item 5. Market for Registrants Common Equity\n\
            The Companys common stock is traded on the Nasdaq Global Select Market.\n\
            Apple Inc. | 2023 Form 10-K | 19 Item 7. Managements Discussion and Analysis\n\
            The following discussion should be read in conjunction with the statements.\n\
            This section should be read in conjunction with Part II, Item 7, of this Form 10-K.\n";
        let got: Vec<String> = normalize(text)
            .paragraphs
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(
            got,
            [
                "Item 1. Business",
                "The Company designs, manufactures and markets smartphones.",
                "Item 1A. Risk Factors",
                "The Companys business can be affected by many factors.",
                "None.",
                "Item 2. Properties",
                "The Companys headquarters are located in Cupertino, California.",
                "PART II",
                "Item 5. Market for Registrants Common Equity",
                "The Companys common stock is traded on the Nasdaq Global Select Market.",
                "Item 7. Managements Discussion and Analysis",
                "The following discussion should be read in conjunction with the statements.",
                "This section should be read in conjunction with Part II, Item 7, of this Form 10-K.",
            ]
        );
    }

    /// A lone `Item 2.` in prose is not a filing's structure, and a footer-like line seen once
    /// is text.
    #[test]
    fn a_lone_item_mention_stays_prose() {
        let text = "We describe this below. Item 2. Properties are leased.\nA | B | 3 notes.\n";
        let got: Vec<String> = normalize(text)
            .paragraphs
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(
            got.join("|"),
            "We describe this below. Item 2. Properties are leased.|A | B | 3 notes."
        );
    }

    fn paras(text: &str) -> Vec<String> {
        normalize(text)
            .paragraphs
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    /// A hard-wrapped Chinese page in the style of a PDF extraction: about 14 characters a
    /// line, a blank line after each, a page number and a leading space after the page break.
    const WRAPPED_ZH: &str = "一、2024 年工作回顾\n\n过去一年，我们坚持稳中求进工作\n\n总基调，区级一般公共预算收入完\n\n成 180.97 亿元，同比增长 7.38%\n\n，增速位居全市第四，总量再创新\n\n高。\n\n重点产业支撑有力。做优做强重点\n\n产业，发布新一轮促进经济发展政\n\n策，完成综合税收 431.78亿元，\n\n\n\n5\n\n 同比增长 7.25%。联影智慧医疗\n\n产业园加速建设，成效明显突出。\n\n";

    #[test]
    fn rejoins_wrapped_chinese_without_spaces() {
        let p = paras(WRAPPED_ZH);
        assert_eq!(p[0], "一、2024年工作回顾");
        assert_eq!(
            p[1],
            "过去一年，我们坚持稳中求进工作总基调，区级一般公共预算收入完成180.97亿元，同比增长7.38%，增速位居全市第四，总量再创新高。"
        );
        assert!(p[2].starts_with("重点产业支撑有力。"));
        assert!(p[2].contains("431.78亿元，同比增长7.25%。联影"), "{}", p[2]);
        assert_eq!(p.len(), 3);
    }

    /// A small holdings table as pdftotext lists it: the column left of the labels, the
    /// labels with their leaders, then two columns read row by row (`$` on its own line
    /// before the first values), the total's second cell after a blank line; page numbers
    /// around it, so that its cells' shapes (`###`, `#,###`) recur on four lines or more.
    const LISTED_TABLE: &str = "\
The farms we own, at yearend:
Acres

Farm

1,200
850
430

North Field . . . . . . . . . . .
River Bend . . . . . . . . . . . .
Hill Top . . . . . . . . . . . . .
Total Farmland . . . . . . . . .

Yield*
Value
(in thousands)
$
310
$
2,400
120
1,150
95
640
$ 525

$ 4,190

* Bushels an acre.
";

    #[test]
    fn a_table_listed_one_cell_a_line_is_read_back_into_rows() {
        let text = format!(
            "An opening paragraph that ends here.\n1\n{LISTED_TABLE}2\nThe last paragraph.\n3\n"
        );
        let clean = normalize(&text);
        let texts: Vec<&str> = clean.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "An opening paragraph that ends here.",
                "The farms we own, at yearend:",
                "Acres",
                "Farm",
                "Yield*",
                "Value",
                "(in thousands)",
                "1,200 North Field … $ 310 $ 2,400",
                "850 River Bend … 120 1,150",
                "430 Hill Top … 95 640",
                "Total Farmland … $ 525 $ 4,190",
                "* Bushels an acre.",
                "The last paragraph.",
            ]
        );
        // Each row stands at its label's line, as a table row (never a heading).
        let rows: Vec<u32> = clean
            .paragraphs
            .iter()
            .filter(|p| clean.is_table_row(p))
            .map(|p| p.lines.0)
            .collect();
        assert_eq!(rows, [12, 13, 14, 15]);
    }

    #[test]
    fn columns_listed_one_after_another_keep_their_totals_at_the_bottom() {
        // Each column from the top, its sign on the line before its first value; the totals
        // come last, one a column. A short column (no value for the total) stays on top.
        let text = "\
Segment . . . . . . . . .
Retail . . . . . . . . . .
Freight . . . . . . . . .
Total . . . . . . . . . .

12.5
7.1
3.0

$

1,010
640
77

$

905
702
45

$ 1,727

$ 1,637
";
        assert_eq!(
            paras(text),
            [
                "Segment … 12.5 $ 1,010 $ 905",
                "Retail … 7.1 640 702",
                "Freight … 3.0 77 45",
                "Total … $ 1,727 $ 1,637",
            ]
        );
    }

    #[test]
    fn a_listing_that_does_not_fit_its_labels_stays_as_it_was() {
        // Four labels and twenty values with signs on the first and the fifth row: four
        // columns of five rows, the total without a label. Read as five columns of four
        // rows, the signs would stand mid-row; the lines stay as they are.
        let values = "$ 606\n$ 129\n$ 424\n$ 372\n277\n283\n192\n200\n115\n112\n135\n125\n\
                      626\n385\n861\n743\n$ 266\n$ 308\n$ 839\n$ 772\n";
        let text = format!(
            "Alpha . . . . . .\nBeta . . . . . .\nGamma . . . . . .\nDelta . . . . .\n\n{values}"
        );
        let p = paras(&text);
        assert_eq!(p.len(), 24, "{p:?}");
        assert_eq!(p[0], "Alpha …");
        // Two labels are too few for a table: a contents list's entries look the same.
        let p = paras("Preface . . . . . .\nIndex . . . . . .\n\n41\n97\n");
        assert_eq!(p, ["Preface …", "Index …", "41", "97"]);
    }

    #[test]
    fn rows_with_tabs_stand_alone() {
        // Table rows as PDF and Word readers give them: cells separated by tabs. A row that
        // ends on a number is not a figure cut before its unit.
        let p = paras(
            "二、主动公开政府信息情况\n规章\t0\t0\t0\n行政规范性文件\t0\t5\t5\n第二十条第（五）项\n",
        );
        assert_eq!(
            p,
            [
                "二、主动公开政府信息情况",
                "规章0 0 0",
                "行政规范性文件0 5 5",
                "第二十条第（五）项"
            ]
        );
    }

    #[test]
    fn table_rows_are_told_by_a_tab_after_the_text_starts() {
        // Between cells, or after a label whose other cells are empty: a row.
        assert!(is_table_row("（一）予以公开\t0 0 0 0 0 0 0"));
        assert!(is_table_row("（四）无法提供\t"));
        assert!(is_table_row("1\t0.5"));
        // An indent, or the tab Word puts between a list number and its text: no cell.
        assert!(!is_table_row("\t2024年，全区经济平稳增长。"));
        assert!(!is_table_row("1.\tScope of the report"));
        assert!(!is_table_row("一、\t总体情况"));
        let clean = normalize("一、总体情况\n正文。\n（一）予以公开\t0\t0\n（四）无法提供\t\n");
        let rows: Vec<bool> = clean
            .paragraphs
            .iter()
            .map(|p| clean.is_table_row(p))
            .collect();
        assert_eq!(rows, [false, false, true, true]);
    }

    #[test]
    fn keeps_line_map_across_page_breaks() {
        let clean = normalize(WRAPPED_ZH);
        let p = &clean.paragraphs[2];
        assert_eq!(p.lines, (13, 25));
        let at = p.text.find("联影").unwrap();
        assert_eq!(p.line_at(at), 23);
        assert_eq!(p.line_at(0), 13);
        assert_eq!(clean.dropped_lines, 1);
    }

    #[test]
    fn indented_first_lines_start_paragraphs() {
        // Wrapped at 18 characters, first lines indented by two ideographic spaces. The
        // second paragraph ends exactly at the end of a full line: only the indent of the next
        // line tells that a new paragraph starts there.
        let paragraphs = [
            "过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，民生得到改善。",
            "就业形势保持稳定，城镇新增就业继续增加，居民收入稳定增长，民生持续改善。",
            "物价总体平稳，国际收支基本平衡，外汇储备保持稳定，财政金融风险总体可控，成绩来之不易。",
        ];
        assert_eq!(paragraphs[1].chars().count() % 18, 0);
        let mut text = String::new();
        for _ in 0..3 {
            for p in paragraphs {
                let chars: Vec<char> = p.chars().collect();
                for (i, line) in chars.chunks(18).enumerate() {
                    text.push_str(if i == 0 { "\u{3000}\u{3000}" } else { "" });
                    text.extend(line);
                    text.push_str("\n\n");
                }
            }
        }
        let p = paras(&text);
        assert_eq!(p.len(), 9, "{p:#?}");
        assert_eq!(p[1], paragraphs[1]);
        assert_eq!(p[2], paragraphs[2]);
    }

    #[test]
    fn drops_page_number_forms() {
        for page in [
            "5",
            "- 5 -",
            "— 12 —",
            "第 5 页",
            "第5页 共30页",
            "Page 3 of 9",
            "3/40",
        ] {
            assert!(is_page_number(page), "{page}");
        }
        for text in ["2024", "5%", "5 家", "第五章"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn bare_numbers_are_page_numbers_only_in_sequence() {
        let table = "项目\n金额\n收入\n100\n支出\n80\n";
        let joined = paras(table).join("|");
        assert!(joined.contains("100") && joined.contains("80"), "{joined}");
        let mut last = None;
        assert!(is_next_page("3", &mut last));
        assert!(is_next_page("4", &mut last));
        assert!(!is_next_page("120", &mut last));
        assert!(is_next_page("- 9 -", &mut last));
        assert!(is_next_page("10", &mut last));
    }

    #[test]
    fn english_title_lines_stay_apart_and_long_words_wrap() {
        assert_eq!(
            paras("Annual Report\n\nRevenue\n\nOur revenue grew.\n"),
            vec!["Annual Report", "Revenue", "Our revenue grew."]
        );
    }

    #[test]
    fn one_paragraph_per_line_and_markup_fragments() {
        let text = "政府工作报\n告\n\n各位代表：\n\n细颗粒物（PM\n2.5\n）平均浓度下降9.1%。\n\n第一批国家公园正式设立。\n\n国内生产总值达到74.4\n\u{200B}\n万亿元，增长6.7%。\n";
        assert_eq!(
            paras(text),
            vec![
                "政府工作报告",
                "各位代表：",
                "细颗粒物（PM2.5）平均浓度下降9.1%。",
                "第一批国家公园正式设立。",
                "国内生产总值达到74.4万亿元，增长6.7%。"
            ]
        );
    }

    #[test]
    fn latin_wrap_joins_with_space_and_dehyphenates_real_words() {
        let body = "Berkshire earned a great deal of money last year, and our inves-\n\
tors should note that the operating businesses did far better\n\
than the market-value gains, which were in turn very ably-\n\
managed by the whole team at the head office in Omaha, and\n\
our investors were pleased.\n";
        let text = body.repeat(3);
        let p = paras(&text);
        assert!(p[0].contains("our investors should"), "{}", p[0]);
        assert!(p[0].contains("ably-managed"), "{}", p[0]);
        assert!(p[0].contains("gains, which"), "{}", p[0]);
    }

    #[test]
    fn tidies_spaces_between_digits_and_cjk() {
        assert_eq!(paras("迈上 2500 亿元新台阶")[0], "迈上2500亿元新台阶");
        assert_eq!(paras(" 政 府 工 作 报 告")[0], "政府工作报告");
        assert_eq!(paras("grew by  3.6%  in 2022")[0], "grew by 3.6% in 2022");
    }

    #[test]
    fn dot_leaders_collapse() {
        assert_eq!(
            paras("Apple Inc. . . . . . . . . . 5.6%")[0],
            "Apple Inc. … 5.6%"
        );
        assert_eq!(paras("Apple Inc. . . . . . 5.6%")[0], "Apple Inc. … 5.6%");
        assert_eq!(paras("It was 3.5 times. Then")[0], "It was 3.5 times. Then");
    }

    #[test]
    fn folds_fullwidth_and_removes_zero_width() {
        assert_eq!(paras("增长\u{200B}５％。")[0], "增长5%。");
    }

    #[test]
    fn drops_front_matter_separators_and_trailer() {
        let text = "---\nsource: x\nyear: 2015\n---\n\nTo the Shareholders:\n************\nBody.\n";
        assert_eq!(paras(text), vec!["To the Shareholders:", "Body."]);
        let mut zh = String::new();
        for i in 0..20 {
            zh.push_str(&format!("第{i}段正文。\n\n"));
        }
        zh.push_str("本作品是中华人民共和国的\n法律\n、\n法规\n\nPublic domain\nfalse\n");
        let p = paras(&zh);
        assert_eq!(p.len(), 20);
        assert_eq!(p.last().unwrap(), "第19段正文。");
    }

    /// Body paragraphs of one a line, of lengths as varied as a web copy's, to place the
    /// chrome at the top and the bottom of a page.
    fn body(n: usize) -> String {
        (0..n)
            .map(|i| {
                let clause = "我们坚持稳中求进工作总基调，经济运行总体平稳，";
                format!("第{i}段：{}民生得到改善。\n", clause.repeat(1 + i % 5 * 3))
            })
            .collect()
    }

    #[test]
    fn drops_the_toolbar_font_size_group_source_and_date_of_a_web_page() {
        // The top of the Shanghai 2026 page; the Beijing and Zhejiang pages open the same way
        // (`来源：北京日报` / `时间：2026-02-02`, `来源：浙江日报` / `时间：2026-01-22`).
        let text = format!(
            "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年上海市政府工作报告\n\
             ——2026年2月3日在上海市第十六届人民代表大会第四次会议上\n来源：解放日报\n\
             时间：2026-02-09\n上海市市长 龚 正\n各位代表：\n{}",
            body(10)
        );
        let clean = normalize(&text);
        let p: Vec<&str> = clean.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            p[..4],
            [
                "2026年上海市政府工作报告",
                "——2026年2月3日在上海市第十六届人民代表大会第四次会议上",
                "上海市市长龚正",
                "各位代表：",
            ]
        );
        assert_eq!(clean.paragraphs[0].lines, (10, 10));
        assert_eq!(clean.dropped_lines, 11);
    }

    #[test]
    fn drops_source_lines_with_the_value_on_the_same_or_the_next_line() {
        // `来源 : 南方日报` (Guangdong 2025), `来源：四川日报` (Sichuan 2025), and the Sichuan 2026
        // page: a publication stamp, `来源:` / `四川日报`, `【字体：` `大` `中` `小` `】`, `分享：`.
        for (head, kept) in [
            (
                "2025年广东省政府工作报告\n来源 : 南方日报\n",
                "2025年广东省政府工作报告",
            ),
            (
                "2025年四川省政府工作报告\n来源：四川日报\n",
                "2025年四川省政府工作报告",
            ),
            (
                "2026年四川省人民政府工作报告\n2026年02月10日 07时41分\n来源:\n四川日报\n\
                 【字体：\n大\n中\n小\n】\n分享：\n",
                "2026年四川省人民政府工作报告",
            ),
        ] {
            let text = format!(
                "{head}2026年2月3日在四川省第十四届人民代表大会第五次会议上\n各位代表：\n{}",
                body(10)
            );
            let p = paras(&text);
            assert_eq!(p[0], kept, "{head}");
            assert_eq!(
                p[1], "2026年2月3日在四川省第十四届人民代表大会第五次会议上",
                "{head}"
            );
        }
    }

    #[test]
    fn drops_photo_captions_with_a_photographer_credit() {
        // Beijing 2026; news pages credit the same way (`…作政府工作报告。 新华社记者刘卫兵摄`).
        for caption in [
            "殷勇同志作政府工作报告。本报记者 戴冰摄",
            "国务院总理温家宝作政府工作报告。 新华社记者刘卫兵摄",
        ] {
            let text = format!(
                "2026年北京市政府工作报告\n北京市市长 殷勇\n{caption}\n各位代表：\n{}",
                body(10)
            );
            let p = paras(&text);
            assert_eq!(
                p[..3],
                ["2026年北京市政府工作报告", "北京市市长殷勇", "各位代表："]
            );
        }
        // A sentence that mentions a reporter is text.
        assert!(!is_caption("记者从市统计局获悉，全年地区生产总值增长5%。"));
    }

    #[test]
    fn drops_the_page_footer() {
        // Beijing, Shanghai and Zhejiang 2026 end with `相关报道：`; Sichuan 2026 with the
        // editor, links, buttons and a copy of its title and opening.
        let closing = "各位代表！蓝图已经绘就，实干创造未来。";
        for footer in [
            "相关报道：\n",
            "责任编辑：\n李莎莎\n扫一扫在手机打开当前页\n相关附件>>\n相关链接>>\n\
             abcd39f1fb7f426d9dfb6bd0fa1f2146:\n\
             四川省第十四届人民代表大会第五次会议关于政府工作报告的决议\n打印本页\n关闭窗口\n\
             2026年四川省人民政府工作报告\n\
             各位代表：现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n",
        ] {
            let text = format!("{}{closing}\n{footer}", body(30));
            let p = paras(&text);
            assert_eq!(p.last().map(String::as_str), Some(closing), "{footer}");
            assert_eq!(p.len(), 31, "{footer}");
        }
        // A footer key does not swallow an appendix or headings after it.
        let text = format!(
            "{}相关报道：\n名词解释\n1.“两重”：是指国家重大战略实施。\n",
            body(30)
        );
        assert!(paras(&text).iter().any(|p| p == "名词解释"));
    }

    #[test]
    fn a_repeated_opening_paragraph_is_dropped() {
        // A page that shows its lead above the body; the opening is the Sichuan and Guangdong one.
        let opening = "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。";
        let text = format!(
            "政府工作报告\n各位代表：\n{opening}\n{opening}\n{}",
            body(5)
        );
        let p = paras(&text);
        assert_eq!(p[..3], ["政府工作报告", "各位代表：", opening]);
        assert_eq!(p.iter().filter(|q| *q == opening).count(), 1);
        // Short lines that recur (`各位代表！`, Sichuan 2026) stay.
        let text = format!("各位代表！\n{}各位代表！\n{}", body(2), body(2));
        assert_eq!(
            paras(&text).iter().filter(|q| *q == "各位代表！").count(),
            2
        );
    }

    #[test]
    fn a_bold_span_split_out_of_a_sentence_joins_back() {
        // Guangdong 2026 lines 61–63 (and 46–48 the same way).
        let text = "2026年是“十五五”第一年，开好局起好步十分重要。今年经济社会发展的\n主要预期目标\n是：地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果。\n";
        assert_eq!(
            paras(text),
            [
                "2026年是“十五五”第一年，开好局起好步十分重要。今年经济社会发展的主要预期目标是：地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果。"
            ]
        );
    }

    #[test]
    fn drops_running_headers_next_to_page_numbers() {
        let mut text = String::new();
        for page in 1..=4 {
            text.push_str("ACME Annual Report\n");
            for _ in 0..3 {
                text.push_str(&format!("Paragraph text on page {page} that ends here.\n"));
            }
            text.push_str(&format!("{page}\n"));
        }
        let joined = paras(&text).join("\n");
        assert!(!joined.contains("ACME"), "{joined}");
        for page in 1..=4 {
            assert!(joined.contains(&format!("on page {page} that")), "{joined}");
        }
    }

    /// Hard-wrapped English whose paragraphs lost their first-line indent (63 columns wide).
    const WRAPPED_EN: &str = "Our insurance operations had another fine year, and the float\n\
they provide grew again while the underwriting stayed sound, as\n\
our managers kept to their discipline.\n\
Jack started a small insurer that was christened as\n\
National Indemnity and grew it into a giant over many decades of\n\
patient work and ample capital.\n\
The citizens of Omaha and all of us at the home office cannot\n\
wait to get you back for an honest annual meeting in the spring,\n\
and we hope to see many of you there.\n\
(The market closed at 99 that day, a fact that shouts at you:\n\
Never bet against America.)\n\
We remain confident.\n";

    #[test]
    fn a_nearly_full_line_that_stops_mid_phrase_runs_on() {
        let p = paras(WRAPPED_EN);
        assert_eq!(p.len(), 5, "{p:#?}");
        assert_eq!(
            p[1],
            "Jack started a small insurer that was christened as National Indemnity and grew it \
             into a giant over many decades of patient work and ample capital."
        );
        // A sentence closed inside its bracket is no title: it continues the line before.
        assert_eq!(
            p[3],
            "(The market closed at 99 that day, a fact that shouts at you: Never bet against \
             America.)"
        );
        assert_eq!(p[4], "We remain confident.");
        // The same lines ending on a full stop or a capitalised word stay apart.
        let ended = WRAPPED_EN.replace("christened as\n", "christened.\n");
        assert!(
            paras(&ended)
                .iter()
                .any(|p| p == "Jack started a small insurer that was christened.")
        );
    }

    #[test]
    fn fractions_close_up_and_footnote_marks_alone_are_dropped() {
        assert_eq!(
            paras("during the 2 1⁄ 2 years and a 3 1 ⁄ 2-hour session\n"),
            ["during the 2 1⁄2 years and a 3 1⁄2-hour session"]
        );
        // A column of marks cut off its footnotes, as text extraction leaves it.
        assert_eq!(
            paras("*\n**\n***\nExcludes shares held by pension funds.\n†\nAt cost.\n"),
            ["Excludes shares held by pension funds.", "At cost."]
        );
        assert!(is_footnote_mark("**") && is_footnote_mark("‡"));
        assert!(!is_footnote_mark("*a") && !is_footnote_mark("****") && !is_footnote_mark("*†"));
    }
}

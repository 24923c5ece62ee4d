//! PDF: the text layer, laid out in reading order page by page.
//!
//! `pdf-extract` (on `lopdf`, pure Rust) decodes the fonts, CID fonts with Identity-H/V
//! encodings included, and hands over every glyph with its position. From the positions this
//! module builds rows (glyphs on one baseline, left to right, a tab where a wide gap separates
//! table cells), drops page numbers and running headers and footers by where they sit on the
//! page, and puts a form feed between pages. Tables stay rows: a piece of a table without a
//! cell gap is marked as a row, a wrapped cell's first line joins its row, and a label set one
//! character a line down the side of a table is read down. Indents are left out: a Western
//! first-line indent makes the first line look too short to be full, and the normaliser's other
//! paragraph signals (short lines, sentence ends, headings) read PDF text well without them.
//!
//! A PDF can break any reader, so `pdf-extract` runs on its own thread under `catch_unwind`,
//! each page on its own, with a time limit. When it fails, or what it reads is not text (mostly
//! U+FFFD, or almost no letters), `pdftotext -layout` from poppler is tried when installed.
//! What neither can read is an error in one line; a PDF of images says it is scanned.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::{Command, Stdio};
use std::sync::{LazyLock, Once, mpsc};
use std::time::{Duration, Instant};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use regex::Regex;

use super::{find, letter_share};
use crate::error::{Error, Result};
use crate::script::sets_solid;

/// How long one reader may take over one file. Reports take well under a second; this only
/// stops a damaged file from hanging the run.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Text whose share of letters (see [`letter_share`]) is below this is not text: fonts that map
/// glyphs to U+FFFD or to the wrong code points.
const MIN_LETTER_SHARE: f64 = 0.5;

/// Reads the text of a PDF; returns it with the name of the reader that succeeded.
pub(super) fn extract(name: &str, bytes: &[u8]) -> Result<(String, &'static str)> {
    let native = read_native(bytes);
    if let Ok(pages) = &native {
        let text = layout(pages);
        if readable(&text) {
            return Ok((text, "pdf-extract"));
        }
    }
    let fallback = pdftotext(bytes);
    if let Some(Ok(text)) = &fallback
        && readable(text)
    {
        return Ok((clean_pdftotext(text), "pdftotext"));
    }
    let no_glyphs = matches!(&native, Ok(pages) if pages.iter().all(|p| p.glyphs.is_empty()));
    let fallback_empty = matches!(&fallback, Some(Ok(t)) if t.trim().is_empty());
    let unreadable = |reason: String| Error::Unreadable {
        name: name.to_string(),
        format: "PDF",
        reason,
    };
    if no_glyphs || (native.is_err() && fallback_empty) {
        if find(bytes, b"/Image").is_some() {
            return Err(Error::Scanned {
                name: name.to_string(),
            });
        }
        return Err(unreadable("it has no text".to_string()));
    }
    let mut reason = match native {
        Ok(_) => "its fonts map the characters to nothing readable".to_string(),
        Err(e) => e,
    };
    if fallback.is_none() {
        reason.push_str(" (pdftotext from poppler-utils, if installed, may read it)");
    }
    Err(unreadable(reason))
}

fn readable(text: &str) -> bool {
    letter_share(text) >= MIN_LETTER_SHARE
}

/// One glyph as drawn: its origin on the baseline (points from the page's top left), where it
/// ends, its size, and the text it stands for (a slice of the page's `chars`).
#[derive(Debug, Clone, Copy)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    start: u32,
    len: u32,
}

#[derive(Debug, Default)]
struct Page {
    height: f64,
    glyphs: Vec<Glyph>,
    chars: String,
    /// Top-left corner of the media box in PDF space, to turn positions page-relative.
    left: f64,
    top: f64,
}

impl Page {
    fn text(&self, g: &Glyph) -> &str {
        &self.chars[g.start as usize..(g.start + g.len) as usize]
    }
}

/// Collects glyphs with their positions from `pdf-extract`.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> std::result::Result<(), OutputError> {
        self.pages.push(Page {
            height: (media_box.ury - media_box.lly).abs(),
            left: media_box.llx,
            top: media_box.ury,
            ..Page::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> std::result::Result<(), OutputError> {
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        // The advance and the glyph's height in device space: the text matrix already holds
        // scaling and rotation, the font size does not.
        let (ax, ay) = (width * font_size * trm.m11, width * font_size * trm.m12);
        let (ux, uy) = (font_size * trm.m21, font_size * trm.m22);
        let size = ux.hypot(uy);
        let x = trm.m31 - page.left;
        let y = page.top - trm.m32;
        if !(x.is_finite() && y.is_finite() && size.is_finite() && ax.is_finite()) || size <= 0.0 {
            return Ok(());
        }
        // Rotated text (margin stamps, watermarks, sideways labels) is not part of the reading
        // flow of the page.
        if ay.abs() > ax.abs() {
            return Ok(());
        }
        let start = page.chars.len() as u32;
        for c in text.chars() {
            match c {
                '\u{FB00}' => page.chars.push_str("ff"),
                '\u{FB01}' => page.chars.push_str("fi"),
                '\u{FB02}' => page.chars.push_str("fl"),
                '\u{FB03}' => page.chars.push_str("ffi"),
                '\u{FB04}' => page.chars.push_str("ffl"),
                '\u{FB05}' | '\u{FB06}' => page.chars.push_str("st"),
                c if c.is_control() => {}
                c => page.chars.push(c),
            }
        }
        let len = page.chars.len() as u32 - start;
        if len == 0 {
            return Ok(());
        }
        page.glyphs.push(Glyph {
            x,
            y,
            end: x + ax.abs(),
            size,
            start,
            len,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }
}

thread_local! {
    /// Set on the reader's own thread: its panics are caught and reported as one line, so the
    /// default hook must not print them.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Installs, once, a panic hook that stays silent on the reader's thread and hands every other
/// panic to the hook that was there before.
fn quiet_reader_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `pdf-extract` over every page on a thread of its own, within [`TIME_LIMIT`].
fn read_native(bytes: &[u8]) -> std::result::Result<Vec<Page>, String> {
    quiet_reader_panics();
    let owned = bytes.to_vec();
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("pdf-extract".to_string())
        // Deeply nested objects recurse; a stack overflow would abort the whole process.
        .stack_size(256 << 20)
        .spawn(move || {
            QUIET.with(|q| q.set(true));
            let result = catch_unwind(AssertUnwindSafe(|| collect(&owned)))
                .unwrap_or_else(|_| Err("its structure is damaged".to_string()));
            let _ = tx.send(result);
        });
    if spawned.is_err() {
        return Err("cannot start the PDF reader".to_string());
    }
    match rx.recv_timeout(TIME_LIMIT) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "reading it took longer than {} s",
            TIME_LIMIT.as_secs()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("its structure is damaged".to_string()),
    }
}

fn collect(bytes: &[u8]) -> std::result::Result<Vec<Page>, String> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| one_line(&e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("it is encrypted with a password".to_string());
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.is_empty() {
        return Err("it has no pages".to_string());
    }
    let mut out = Collector::default();
    let mut failed = 0usize;
    for n in &numbers {
        let before = out.pages.len();
        // One bad page costs that page, not the file.
        let ok = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut out, *n)
        }));
        if !matches!(ok, Ok(Ok(()))) {
            failed += 1;
            out.pages.truncate(before);
            out.pages.push(Page::default());
        }
    }
    if failed * 2 > numbers.len() {
        return Err(format!(
            "{failed} of its {} pages could not be read",
            numbers.len()
        ));
    }
    Ok(out.pages)
}

/// The first line of a message, without the library's own prefix.
fn one_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or("unknown error").trim();
    let line = line.strip_prefix("PDF error: ").unwrap_or(line);
    line.to_string()
}

/// A row of text on one baseline, with where it starts and ends.
#[derive(Debug, Clone)]
struct Row {
    y: f64,
    /// Where the first glyph starts.
    x0: f64,
    /// Where the text after a leading bullet starts (`x0` without one).
    body_x: f64,
    /// Where the last glyph ends.
    x1: f64,
    /// Where the row's first word ends (its first character, in Chinese): whether that word
    /// would have fitted on the line before tells a wrapped line from a paragraph's last.
    first_word_end: f64,
    /// The largest glyph size on the row.
    size: f64,
    /// A wide gap split the row: a table row.
    cells: bool,
    /// Where the row's second cell starts, when it has cells.
    second_cell: Option<f64>,
    /// The row opens with a list bullet.
    bullet: bool,
    text: String,
}

/// Gaps between glyphs, in units of the glyph size: a word space in Latin text, a wider one
/// between digits (proportional digits sit close; a real gap between two numbers is wide), and
/// a gap between table cells.
const WORD_GAP: f64 = 0.12;
const DIGIT_GAP: f64 = 0.6;
const CELL_GAP: f64 = 2.0;

/// List bullets as PDF fonts draw them.
const BULLETS: [char; 12] = ['•', '●', '▪', '■', '◆', '◇', '○', '□', '➢', '►', '▶', '√'];

/// The length of the list bullet or footnote mark (`*`, `**`, `†`) that opens `text`, if one
/// does. A footnote's mark is set off from its text like a bullet, and like a bullet it goes on
/// a line of its own, which the normaliser drops.
fn marker_len(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    if BULLETS.contains(&first) {
        return Some(first.len_utf8());
    }
    let mark: usize = text
        .chars()
        .take_while(|&c| c == first)
        .map(char::len_utf8)
        .sum();
    crate::normalize::is_footnote_mark(&text[..mark]).then_some(mark)
}

fn rows(page: &Page) -> Vec<Row> {
    let (stacked, columns) = stacked_columns(page);
    let mut order: Vec<usize> = (0..page.glyphs.len()).filter(|&i| !stacked[i]).collect();
    let g = &page.glyphs;
    order.sort_by(|&a, &b| g[a].y.total_cmp(&g[b].y).then(g[a].x.total_cmp(&g[b].x)));
    // Glyphs whose baselines are within half a glyph of the row's first one share its row:
    // superscripts join, the next line (at least a glyph's height below) does not.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut row_y = f64::NAN;
    let mut row_size = 0.0f64;
    for i in order {
        let same = !groups.is_empty() && (g[i].y - row_y).abs() <= 0.5 * row_size.max(g[i].size);
        match groups.last_mut() {
            Some(group) if same => group.push(i),
            _ => {
                groups.push(vec![i]);
                row_y = g[i].y;
                row_size = g[i].size;
            }
        }
    }
    let mut out: Vec<Row> = groups
        .into_iter()
        .filter_map(|group| row_of(page, group))
        .collect();
    out.extend(columns);
    // Stable: a column goes after the row that starts on its baseline.
    out.sort_by(|a, b| a.y.total_cmp(&b.y));
    out
}

/// How far apart the characters of a stacked column sit, in units of their size: set solid,
/// one glyph's height apart. Lines of text and table rows with their padding sit further.
const STACK_PITCH: std::ops::RangeInclusive<f64> = 0.85..=1.3;
/// The fewest characters a stacked column has.
const MIN_STACK: usize = 3;
/// The most glyphs looked at around a character's baseline to see it stands alone there; a
/// character on a fuller baseline is taken for a line of text, so the check stays linear.
const MAX_BASELINE_GLYPHS: usize = 512;

/// Columns of CJK characters set one above another: vertical text, or the label of a narrow
/// table cell that wraps after every character (`三、本年度办理结果` beside a table's rows).
/// Read across, each character would land in whatever row shares its baseline and pull the
/// rows apart; read down, it is one label. A character of a column stands alone on its
/// baseline (no glyph of its size within a third of a glyph above or below and half a glyph
/// either side) and the next one sits right under it, at [`STACK_PITCH`]. Returns which glyphs
/// are in a column and one row per column, its characters top to bottom.
fn stacked_columns(page: &Page) -> (Vec<bool>, Vec<Row>) {
    let g = &page.glyphs;
    let mut stacked = vec![false; g.len()];
    let mut by_y: Vec<usize> = (0..g.len()).collect();
    by_y.sort_by(|&a, &b| g[a].y.total_cmp(&g[b].y));
    let alone = |i: usize| {
        // Text on its baseline (a glyph raised or lowered a little, as superscripts are).
        let (gi, reach, line) = (g[i], 0.5 * g[i].size, 0.3 * g[i].size);
        let from = by_y.partition_point(|&j| g[j].y < gi.y - line);
        let mut band = 0;
        by_y[from..]
            .iter()
            .take_while(|&&j| g[j].y <= gi.y + line)
            .take(MAX_BASELINE_GLYPHS + 1)
            .all(|&j| {
                band += 1;
                j == i
                    || (g[j].size - gi.size).abs() >= 0.1 * gi.size
                    || g[j].x >= gi.end + reach
                    || g[j].end <= gi.x - reach
            })
            && band <= MAX_BASELINE_GLYPHS
    };
    let mut candidates: Vec<usize> = (0..g.len())
        .filter(|&i| {
            let mut chars = page.text(&g[i]).chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if sets_solid(c))
        })
        .filter(|&i| alone(i))
        .collect();
    candidates.sort_by(|&a, &b| g[a].x.total_cmp(&g[b].x));
    let mut columns = Vec::new();
    let mut start = 0;
    while start < candidates.len() {
        let x = g[candidates[start]].x;
        let tolerance = 0.2 * g[candidates[start]].size;
        let mut end = start;
        while end < candidates.len() && g[candidates[end]].x - x <= tolerance {
            end += 1;
        }
        let mut cluster = candidates[start..end].to_vec();
        cluster.sort_by(|&a, &b| g[a].y.total_cmp(&g[b].y));
        let mut run: Vec<usize> = Vec::new();
        for &i in cluster.iter().chain([&usize::MAX]) {
            let continues = run.last().is_some_and(|&j| {
                i != usize::MAX
                    && (g[i].size - g[j].size).abs() < 0.1 * g[j].size
                    && STACK_PITCH.contains(&((g[i].y - g[j].y) / g[j].size))
            });
            if continues {
                run.push(i);
                continue;
            }
            if run.len() >= MIN_STACK {
                for &k in &run {
                    stacked[k] = true;
                }
                columns.push(column_row(page, &run));
            }
            run = if i == usize::MAX { Vec::new() } else { vec![i] };
        }
        start = end;
    }
    (stacked, columns)
}

/// The row a stacked column reads as: its characters top to bottom, where its first one sits.
fn column_row(page: &Page, column: &[usize]) -> Row {
    let g = &page.glyphs;
    let first = g[column[0]];
    let x0 = column.iter().map(|&i| g[i].x).fold(f64::INFINITY, f64::min);
    let x1 = column
        .iter()
        .map(|&i| g[i].end)
        .fold(f64::NEG_INFINITY, f64::max);
    Row {
        y: first.y,
        x0,
        body_x: x0,
        x1,
        first_word_end: first.end,
        size: first.size,
        cells: false,
        second_cell: None,
        bullet: false,
        text: column.iter().map(|&i| page.text(&g[i])).collect(),
    }
}

/// One row's text: glyphs left to right, a space at a word gap, a tab at a cell gap.
fn row_of(page: &Page, mut group: Vec<usize>) -> Option<Row> {
    let g = &page.glyphs;
    group.sort_by(|&a, &b| g[a].x.total_cmp(&g[b].x));
    let mut text = String::new();
    let mut last: Option<(Glyph, char)> = None;
    let mut first_glyph: Option<Glyph> = None;
    // Where each glyph's text starts in `text`, and where the glyph sits.
    let mut starts: Vec<(usize, f64)> = Vec::with_capacity(group.len());
    let mut cells = false;
    let mut second_cell = None;
    let mut pending_space = false;
    let mut first_word_end: Option<f64> = None;
    for &i in &group {
        let glyph = g[i];
        let t = page.text(&glyph);
        if t.trim().is_empty() {
            pending_space = true;
            continue;
        }
        let first = t.chars().next().unwrap_or(' ');
        if let Some((prev, prev_char)) = last {
            // Text drawn twice a hair apart is simulated bold: keep one copy. A real double
            // letter (`ll`) sits a whole glyph further on.
            let overlap = (0.15 * glyph.size).min(0.5 * (prev.end - prev.x));
            if (glyph.x - prev.x).abs() < overlap && page.text(&prev) == t {
                continue;
            }
            let gap = (glyph.x - prev.end) / glyph.size.max(prev.size);
            // A superscript or fraction digit is set smaller: a word gap there is a gap.
            let digits = prev_char.is_ascii_digit()
                && first.is_ascii_digit()
                && (glyph.size - prev.size).abs() < 0.1 * glyph.size;
            // A smaller digit raised after a digit (a footnote mark, the numerator of `3½`)
            // is not more digits of the same number.
            let raised = prev_char.is_ascii_digit()
                && first.is_ascii_digit()
                && glyph.size < 0.8 * prev.size
                && glyph.y < prev.y - 0.15 * prev.size;
            // Chinese type is letter-spaced to justify a line; no gap short of a cell's is a
            // space between two Chinese characters.
            let solid = sets_solid(prev_char) && sets_solid(first);
            let word_gap = if digits { DIGIT_GAP } else { WORD_GAP };
            let word_break = gap > CELL_GAP || raised || pending_space || gap > word_gap;
            if first_word_end.is_none() && (word_break || sets_solid(prev_char)) {
                first_word_end = Some(prev.end);
            }
            if gap > CELL_GAP {
                // The gap after a leading bullet or footnote mark is not a table's.
                let after_marker = marker_len(&text) == Some(text.len());
                text.push('\t');
                cells |= !after_marker;
                if !after_marker && second_cell.is_none() {
                    second_cell = Some(glyph.x);
                }
            } else if raised || (!solid && (pending_space || gap > word_gap)) {
                text.push(' ');
            }
        }
        starts.push((text.len(), glyph.x));
        first_glyph.get_or_insert(glyph);
        text.push_str(t);
        pending_space = false;
        last = Some((glyph, t.chars().next_back().unwrap_or(' ')));
    }
    let (first, (end, _)) = (first_glyph?, last?);
    let size = group.iter().map(|&i| g[i].size).fold(0.0, f64::max);
    // A bullet goes on a line of its own, the way the normaliser knows bullets from PDF text:
    // a new paragraph starts there and the glyph is dropped.
    let mut bullet = false;
    let mut body_x = first.x;
    if let Some(bullet_len) = marker_len(&text)
        && text[bullet_len..].starts_with([' ', '\t'])
    {
        bullet = true;
        // The text after the marker starts at the first glyph past it.
        body_x = starts
            .iter()
            .find(|&&(at, _)| at > bullet_len)
            .map_or(first.x, |&(_, x)| x);
        text = format!(
            "{}\n{}",
            &text[..bullet_len],
            text[bullet_len..].trim_start()
        );
    }
    Some(Row {
        y: first.y,
        x0: first.x,
        body_x,
        x1: end.end,
        first_word_end: first_word_end.unwrap_or(end.end),
        size,
        cells,
        second_cell,
        bullet,
        text,
    })
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            [-—–－\s]*(?:[0-9]{1,4}|[ivxlc]{1,7})[-—–－\s]*
          | 第\s*[0-9]{1,4}\s*页(?:\s*[/，,]?\s*共\s*[0-9]{1,4}\s*页)?
          | (?:page|p\.)\s*[0-9]{1,4}(?:\s+of\s+[0-9]{1,4})?
          | [0-9]{1,4}\s*/\s*[0-9]{1,4}
        )$",
    )
    .unwrap()
});

/// Share of the page height at the top and at the bottom where headers and footers sit.
const BAND: f64 = 0.1;
/// Rows from each end of a page that may be page furniture.
const EDGE_ROWS: usize = 3;

/// Digits masked, spaces dropped: running headers differ only in their page numbers.
fn furniture_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Rows at the very top or bottom of a page.
fn edge_rows(rows: &[Row], height: f64) -> Vec<usize> {
    let n = rows.len();
    let mut by_y: Vec<usize> = (0..n).collect();
    by_y.sort_by(|&a, &b| rows[a].y.total_cmp(&rows[b].y));
    let mut out: Vec<usize> = by_y
        .iter()
        .take(EDGE_ROWS)
        .copied()
        .filter(|&i| rows[i].y < height * BAND)
        .collect();
    out.extend(
        by_y.iter()
            .rev()
            .take(EDGE_ROWS)
            .copied()
            .filter(|&i| rows[i].y > height * (1.0 - BAND)),
    );
    out.sort_unstable();
    out.dedup();
    out
}

/// The text of all pages: rows top to bottom, page furniture dropped, the lines of a paragraph
/// joined, pages separated by form feeds.
fn layout(pages: &[Page]) -> String {
    let page_rows: Vec<Vec<Row>> = pages.iter().map(rows).collect();
    // Running headers and footers: the same text (numbers aside) at a page edge on at least
    // two pages and on two pages in five.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let edges: Vec<Vec<usize>> = page_rows
        .iter()
        .zip(pages)
        .map(|(rows, page)| edge_rows(rows, page.height))
        .collect();
    for (rows, edge) in page_rows.iter().zip(&edges) {
        let mut keys: Vec<String> = edge.iter().map(|&i| furniture_key(&rows[i].text)).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let running = |key: &str| {
        let n = seen.get(key).copied().unwrap_or(0);
        n >= 2 && n * 5 >= pages.len() * 2
    };
    let kept: Vec<Vec<Row>> = page_rows
        .into_iter()
        .zip(&edges)
        .map(|(rows, edge)| {
            rows.into_iter()
                .enumerate()
                .filter(|(i, row)| {
                    !(edge.contains(i)
                        && (PAGE_NUMBER.is_match(row.text.trim())
                            || running(&furniture_key(&row.text))))
                })
                .map(|(_, row)| row)
                .collect()
        })
        .collect();
    let mut kept: Vec<Vec<Row>> = kept.into_iter().map(split_lone_cell_rows).collect();
    mark_rows_inside_tables(&mut kept, body_size(pages));
    join_lines(&kept)
}

/// Rows above and below a row with cell gaps where another such row makes both part of one
/// table: cells of several lines put rows of fragments between a table's rows.
const TABLE_REACH: usize = 3;

/// A row split by one wide gap, with no row of cells within [`TABLE_REACH`] rows above or
/// below it on the page, is not a table but two pieces of text on one baseline (a date on the
/// left, a signature on the right): each goes on a line of its own. (Three pieces or more are
/// left as a row: the staggered header of a table looks like that.) The row still joins no
/// other.
fn split_lone_cell_rows(mut rows: Vec<Row>) -> Vec<Row> {
    let lone: Vec<bool> = (0..rows.len())
        .map(|i| {
            let near = i.saturating_sub(TABLE_REACH)..(i + TABLE_REACH + 1).min(rows.len());
            rows[i].cells
                && rows[i].text.matches('\t').count() == 1
                && near.filter(|&j| j != i).all(|j| !rows[j].cells)
        })
        .collect();
    for (row, lone) in rows.iter_mut().zip(lone) {
        if lone {
            row.text = row
                .text
                .split('\t')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
        }
    }
    rows
}

/// The size most of the document's glyphs are set in: the body text's.
fn body_size(pages: &[Page]) -> f64 {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for g in pages.iter().flat_map(|p| &p.glyphs) {
        // Half points: sizes that differ by rounding are one size.
        *counts.entry((g.size * 2.0).round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(0.0, |(size, _)| size as f64 / 2.0)
}

/// A row set smaller than the body text, with a row of cells within [`TABLE_REACH`] rows
/// before and after it (across a page break too: a table runs on), is a piece of the table:
/// the first line of a cell that wraps, a label spanning several rows (`（四）无法提供` beside
/// its rows), a row whose cells sit too close for a cell gap. It is marked as a row (a tab
/// after its text) so that it joins nothing and is never read as a heading, however it is
/// numbered. Text set at the body size between two tables is a heading or a caption and stays.
fn mark_rows_inside_tables(pages: &mut [Vec<Row>], body_size: f64) {
    let cells: Vec<bool> = pages.iter().flatten().map(|r| r.cells).collect();
    let mut before = vec![false; cells.len()];
    let mut last_cells: Option<usize> = None;
    for (i, &c) in cells.iter().enumerate() {
        before[i] = last_cells.is_some_and(|j| i - j <= TABLE_REACH);
        if c {
            last_cells = Some(i);
        }
    }
    let mut after = vec![false; cells.len()];
    let mut next_cells: Option<usize> = None;
    for (i, &c) in cells.iter().enumerate().rev() {
        after[i] = next_cells.is_some_and(|j| j - i <= TABLE_REACH);
        if c {
            next_cells = Some(i);
        }
    }
    let mut marked = vec![false; cells.len()];
    for (i, row) in pages.iter_mut().flatten().enumerate() {
        if !row.cells && !row.bullet && before[i] && after[i] && row.size < 0.95 * body_size {
            row.cells = true;
            row.text.push('\t');
            marked[i] = true;
        }
    }
    // The first line of a cell that wraps goes with the rest of its row: a piece of the table
    // right above a row of cells (at a line's distance) whose first cell starts under it and
    // ends before the row's second cell starts.
    let mut at = 0;
    for rows in pages.iter_mut() {
        let (marked, cells) = (&marked[at..at + rows.len()], &cells[at..at + rows.len()]);
        at += rows.len();
        let mut out: Vec<Row> = Vec::with_capacity(rows.len());
        let mut first_line: Option<Row> = None;
        for (i, mut row) in std::mem::take(rows).into_iter().enumerate() {
            if let Some(line) = first_line.take() {
                let under = row.x0 >= line.x0 - 0.6 * line.size
                    && row.x0 <= line.x1
                    && row.second_cell.is_some_and(|x| line.x1 < x);
                if cells[i] && under && row.y - line.y <= 1.6 * line.size {
                    let mut text = line.text.trim_end_matches('\t').to_string();
                    let solid = text.ends_with(sets_solid) || row.text.starts_with(sets_solid);
                    if !solid {
                        text.push(' ');
                    }
                    row.text = text + &row.text;
                    row.y = line.y;
                } else {
                    out.push(line);
                }
            }
            if marked[i] {
                first_line = Some(row);
            } else {
                out.push(row);
            }
        }
        out.extend(first_line);
        *rows = out;
    }
}

/// The text block of a page: where body lines start and end, and the distance from one line
/// to the next.
#[derive(Debug, Clone, Copy)]
struct Block {
    left: f64,
    right: f64,
    pitch: f64,
}

/// The text block of a page, when it has enough lines of prose to show one (three): the left
/// edge of its lines, and a right edge that nine lines in ten stay within, justified or not.
fn block(rows: &[Row]) -> Option<Block> {
    let prose = || {
        rows.iter()
            .filter(|r| !r.cells && r.text.chars().count() >= 8)
    };
    if prose().count() < 3 {
        return None;
    }
    // The left edge is where continuation lines start: the leftmost edge two lines share.
    // (The most common one can be that of indented first lines, on a page of short
    // paragraphs.)
    let mut starts: Vec<f64> = prose().map(|r| r.x0).collect();
    starts.sort_by(f64::total_cmp);
    let left = starts
        .windows(2)
        .find(|w| w[1] - w[0] <= 1.5)
        .map_or(starts[0], |w| w[0]);
    let mut ends: Vec<f64> = prose().map(|r| r.x1).collect();
    ends.sort_by(f64::total_cmp);
    let right = ends[(ends.len() * 9 / 10).min(ends.len() - 1)];
    let mut steps: Vec<f64> = rows
        .windows(2)
        .map(|w| w[1].y - w[0].y)
        .filter(|&d| d > 0.0)
        .collect();
    steps.sort_by(f64::total_cmp);
    let pitch = steps.get(steps.len() / 2).copied().unwrap_or(f64::INFINITY);
    Some(Block { left, right, pitch })
}

/// Joins the lines of each paragraph into one, from where the lines sit: a line that is full
/// (the next line's first word would not have fitted after it) goes on in the next line when
/// that one starts at the left edge (or under the text of a bullet) at the usual line
/// distance, on the same page or at the top of the next. A paragraph's indented first line, a heading or a table row (a row with
/// cell gaps) starts a new one. The page knows its margins exactly, which text alone cannot.
fn join_lines(pages: &[Vec<Row>]) -> String {
    // A page too sparse to show its text block keeps its lines as they are.
    let blocks: Vec<Option<Block>> = pages.iter().map(|rows| block(rows)).collect();
    let all: Vec<Row> = pages.iter().flatten().cloned().collect();
    let vocabulary = latin_words(&all);
    let mut out = String::new();
    // The current paragraph's last row, its page and where its continuation lines start.
    let mut open: Option<(&Row, usize, f64)> = None;
    for (p, rows) in pages.iter().enumerate() {
        let here = blocks[p];
        let mut page_break = p > 0;
        for row in rows {
            let joins = match (open, here) {
                (Some((prev, prev_page, cont_x)), Some(b)) => {
                    let prev_block = blocks[prev_page].unwrap_or(b);
                    // Full: the next line's first word would not have fitted after it.
                    let word = row.first_word_end - row.x0 + 0.25 * row.size;
                    let full = prev.x1 + word > prev_block.right - 0.5 * prev.size;
                    let run_on = !ends_sentence(&prev.text)
                        && row.text.starts_with(|c: char| c.is_lowercase());
                    // The next line starts where the paragraph's lines start (the left edge,
                    // under a bullet's text, or where the line before started, in a block set
                    // in from the margin), or at the left edge of a new page.
                    let near = |x: f64| (row.x0 - x).abs() <= 0.6 * row.size;
                    let at_edge = near(cont_x)
                        || (prev_page == p && !prev.bullet && near(prev.x0))
                        || (prev_page != p && near(b.left));
                    let close = prev_page != p || row.y - prev.y <= 1.35 * b.pitch;
                    !prev.cells && !row.cells && !row.bullet && at_edge && close && (full || run_on)
                }
                _ => false,
            };
            if joins {
                join_text(&mut out, &row.text, &vocabulary, page_break);
            } else {
                if !out.is_empty() {
                    out.push('\n');
                }
                if page_break {
                    out.push('\x0c');
                }
                out.push_str(&row.text);
            }
            page_break = false;
            let cont_x = match open {
                Some((_, _, x)) if joins => x,
                // Continuation lines sit under a bullet's text, else at the left edge.
                _ if row.bullet => row.body_x,
                _ => here.map_or(row.x0, |b| b.left),
            };
            open = Some((row, p, cont_x));
        }
        if page_break {
            // A page without text still counts as a page.
            if !out.is_empty() {
                out.push('\n');
            }
            out.push('\x0c');
            open = None;
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(crate::script::is_closing)
        .ends_with(|c: char| {
            crate::script::is_sentence_final(c) || matches!(c, ':' | '：' | '；' | ';')
        })
}

/// Lower-cased Latin words of the document, to tell a line-end hyphen (`in-` `vestment`) from
/// a hyphenated word (`long-` `term`).
fn latin_words(rows: &[Row]) -> HashSet<String> {
    rows.iter()
        .flat_map(|r| r.text.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() > 2)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Appends the next line of a paragraph: no space where Chinese meets anything or a number
/// was cut in two; a line-end hyphen dropped when the joined word is one the document uses.
/// A page break between the two lines goes where the new page's text starts.
fn join_text(out: &mut String, next: &str, vocabulary: &HashSet<String>, page_break: bool) {
    let prev = out.chars().next_back().unwrap_or(' ');
    let first = next.chars().next().unwrap_or(' ');
    if prev == '-' && first.is_lowercase() {
        let before: String = out[..out.len() - 1]
            .chars()
            .rev()
            .take_while(char::is_ascii_alphabetic)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = next.chars().take_while(char::is_ascii_alphabetic).collect();
        if !before.is_empty()
            && vocabulary.contains(&format!("{before}{after}").to_ascii_lowercase())
        {
            out.pop();
        }
    } else if !(sets_solid(prev)
        || sets_solid(first)
        || prev == '-'
        || (prev.is_ascii_digit() && first.is_ascii_digit()))
    {
        out.push(' ');
    }
    if page_break {
        out.push('\x0c');
    }
    out.push_str(next);
}

/// Runs `pdftotext -layout - -` with the PDF on its standard input. `None` when pdftotext is
/// not installed; an error message when it failed or ran over the time limit.
fn pdftotext(bytes: &[u8]) -> Option<std::result::Result<String, String>> {
    let mut child = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let mut stdout = child.stdout.take()?;
    let input = bytes.to_vec();
    // Writing and reading on their own threads: a large PDF fills the pipes both ways.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let deadline = Instant::now() + TIME_LIMIT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    Some(match status {
        Some(s) if s.success() => Ok(String::from_utf8_lossy(&out).into_owned()),
        Some(_) => Err("pdftotext could not read it".to_string()),
        None => Err(format!(
            "pdftotext took longer than {} s",
            TIME_LIMIT.as_secs()
        )),
    })
}

/// pdftotext's pages, with page numbers and running lines at each page's first and last
/// lines dropped, as the positional layout does.
fn clean_pdftotext(text: &str) -> String {
    let pages: Vec<Vec<&str>> = text
        .trim_end_matches('\x0c')
        .split('\x0c')
        .map(|p| p.lines().collect())
        .collect();
    let edges = |lines: &[&str]| -> Vec<usize> {
        let filled: Vec<usize> = (0..lines.len())
            .filter(|&i| !lines[i].trim().is_empty())
            .collect();
        let mut e: Vec<usize> = filled.iter().take(2).copied().collect();
        e.extend(filled.iter().rev().take(2).copied());
        e
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for lines in &pages {
        let mut keys: Vec<String> = edges(lines)
            .into_iter()
            .map(|i| furniture_key(lines[i]))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let mut out = String::new();
    for (p, lines) in pages.iter().enumerate() {
        if p > 0 {
            out.push('\x0c');
        }
        let edge = edges(lines);
        for (i, line) in lines.iter().enumerate() {
            let n = seen.get(&furniture_key(line)).copied().unwrap_or(0);
            let running = n >= 2 && n * 5 >= pages.len() * 2;
            if edge.contains(&i) && (PAGE_NUMBER.is_match(line.trim()) || running) {
                continue;
            }
            // Layout mode indents by position; the positional reader leaves indents out too.
            out.push_str(&layout_cells(line.trim_start()));
            out.push('\n');
        }
    }
    out
}

/// Spaces that part two cells in `pdftotext -layout` text: prose has one between words (two
/// at most, in a justified line), table columns are set further apart.
const LAYOUT_CELL_SPACES: usize = 3;

/// A line of layout text with a tab for each run of [`LAYOUT_CELL_SPACES`] spaces or more
/// between two pieces of text, as the positional reader marks cells; the gap after a leading
/// footnote mark or bullet is no cell's.
fn layout_cells(line: &str) -> String {
    let line = line.trim_end();
    let mark = marker_len(line).filter(|&n| line[n..].starts_with(' '));
    let mut out = String::with_capacity(line.len());
    let mut spaces = 0;
    for (at, c) in line.char_indices() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces > 0 {
            let cell = spaces >= LAYOUT_CELL_SPACES && mark.is_none_or(|n| at - spaces != n);
            if cell {
                out.push('\t');
            } else {
                out.extend(std::iter::repeat_n(' ', spaces));
            }
            spaces = 0;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(page: &mut Page, x: f64, y: f64, size: f64, text: &str) {
        let mut x = x;
        for c in text.chars() {
            let start = page.chars.len() as u32;
            page.chars.push(c);
            let w = if c.is_ascii() { 0.5 * size } else { size };
            page.glyphs.push(Glyph {
                x,
                y,
                end: x + w,
                size,
                start,
                len: c.len_utf8() as u32,
            });
            x += w;
        }
    }

    fn page(lines: &[(f64, f64, &str)]) -> Page {
        let mut p = Page {
            height: 800.0,
            ..Page::default()
        };
        for &(x, y, t) in lines {
            glyphs(&mut p, x, y, 10.0, t);
        }
        p
    }

    #[test]
    fn rows_follow_position_not_drawing_order() {
        // Drawn bottom up, and a row in two pieces drawn out of order.
        let p = page(&[
            (100.0, 300.0, "第二行"),
            (100.0, 200.0, "2024"),
            (120.0, 200.0, "年"),
        ]);
        let r: Vec<String> = rows(&p).into_iter().map(|r| r.text).collect();
        assert_eq!(r, ["2024年", "第二行"]);
    }

    #[test]
    fn digits_drawn_apart_stay_one_number_and_cells_get_a_tab() {
        // `202` and `4` as two runs that touch: one number.
        let mut p = page(&[(100.0, 200.0, "202")]);
        glyphs(&mut p, 115.0, 200.0, 10.0, "4年");
        glyphs(&mut p, 200.0, 200.0, 10.0, "550");
        let r = rows(&p);
        assert_eq!(r[0].text, "2024年\t550");
    }

    #[test]
    fn a_raised_digit_is_not_part_of_the_number_before_it() {
        let mut p = page(&[(100.0, 200.0, "3")]);
        glyphs(&mut p, 106.0, 197.5, 6.5, "1");
        glyphs(&mut p, 109.5, 200.0, 10.0, "⁄");
        glyphs(&mut p, 111.5, 200.0, 6.5, "2");
        assert_eq!(rows(&p)[0].text, "3 1⁄2");
    }

    #[test]
    fn bullets_stand_on_their_own_line() {
        let p = page(&[(100.0, 200.0, "•"), (115.0, 200.0, "Every year")]);
        assert_eq!(rows(&p)[0].text, "•\nEvery year");
    }

    #[test]
    fn furniture_goes_by_position() {
        let body = |n: &str| {
            page(&[
                (100.0, 40.0, "洪泽区人民政府信息公开年度报告"),
                (100.0, 100.0, "正文第一行"),
                (120.0, 120.0, &format!("正文{n}")),
                (300.0, 780.0, &format!("- {n} -")),
            ])
        };
        let text = layout(&[body("1"), body("2"), body("3")]);
        assert_eq!(
            text,
            "正文第一行\n正文1\n\x0c正文第一行\n正文2\n\x0c正文第一行\n正文3\n"
        );
    }

    #[test]
    fn a_lone_page_keeps_its_title() {
        let text = layout(&[page(&[(100.0, 40.0, "年度报告"), (100.0, 100.0, "正文")])]);
        assert_eq!(text, "年度报告\n正文\n");
    }

    #[test]
    fn pdftotext_pages_lose_numbers_and_running_lines() {
        let text = "   Annual Report 2024\nBody one.\n        - 1 -\n\x0c   Annual Report 2024\nBody two.\n        - 2 -\n\x0c";
        assert_eq!(clean_pdftotext(text), "Body one.\n\x0cBody two.\n");
        // Columns set apart are cells, as the positional reader marks them; prose and the
        // gap after a footnote mark are not.
        let tables = "Item      2023     2024\n   Revenue   10   12\n                  （一）予以公开                     0    0\n*         Excludes shares held by pension funds.\nPlain prose with  two spaces.\n";
        assert_eq!(
            clean_pdftotext(tables),
            "Item\t2023\t2024\nRevenue\t10\t12\n（一）予以公开\t0\t0\n*         Excludes shares held by pension funds.\nPlain prose with  two spaces.\n"
        );
    }

    #[test]
    fn a_footnote_mark_stands_apart_and_its_text_wraps_under_the_text() {
        // `**` set off from its text by a gap as wide as a cell's: a mark, not a table row; the
        // footnote's second line starts under its text and continues it.
        let mut p = page(&[(72.0, 100.0, "**")]);
        glyphs(
            &mut p,
            112.0,
            100.0,
            10.0,
            "Includes a large investment in an oil company, with warrants to",
        );
        glyphs(&mut p, 112.0, 111.5, 10.0, "buy its stock.");
        let r = rows(&p);
        assert!(r[0].bullet && !r[0].cells, "{r:?}");
        assert_eq!(r[0].body_x, 112.0);
        assert_eq!(
            r[0].text,
            "**\nIncludes a large investment in an oil company, with warrants to"
        );
        // Three more full lines make the page's text block.
        let mut prose = page(&[]);
        for (i, line) in [
            "The letter opens with a line of prose that fills the whole block",
            "and goes on in another line of prose that fills the whole block",
            "and ends with a third line of prose that fills the whole block.",
        ]
        .iter()
        .enumerate()
        {
            glyphs(&mut prose, 72.0, 60.0 + 11.5 * i as f64, 10.0, line);
        }
        prose.glyphs.extend(p.glyphs.iter().map(|g| Glyph {
            start: g.start + prose.chars.len() as u32,
            ..*g
        }));
        prose.chars.push_str(&p.chars);
        let text = layout(&[prose]);
        assert!(
            text.contains("**\nIncludes a large investment in an oil company, with warrants to buy its stock.\n"),
            "{text}"
        );
        assert_eq!(marker_len("*** Others"), Some(3));
        assert_eq!(marker_len("•\tItem"), Some('•'.len_utf8()));
        assert_eq!(marker_len("****"), None);
        assert_eq!(marker_len("Shares*"), None);
    }

    #[test]
    fn two_pieces_on_one_baseline_away_from_a_table_are_two_lines() {
        let row = |y: f64, left: &str, right: &str| {
            let mut p = page(&[(72.0, y, left)]);
            glyphs(&mut p, 300.0, y, 10.0, right);
            rows(&p).remove(0)
        };
        let prose = |y: f64| rows(&page(&[(72.0, y, "A line of prose.")])).remove(0);
        // A date and a signature after the letter's last paragraph.
        let signed = split_lone_cell_rows(vec![
            prose(100.0),
            row(120.0, "February 27, 2021", "Warren E. Buffett"),
            prose(132.0),
        ]);
        assert_eq!(signed[1].text, "February 27, 2021\nWarren E. Buffett");
        // A table row next to other rows of the table stays a row.
        let table = split_lone_cell_rows(vec![
            row(100.0, "Revenue", "120"),
            prose(112.0),
            row(124.0, "Earnings", "30"),
        ]);
        assert_eq!(table[0].text, "Revenue\t120");
        assert_eq!(table[2].text, "Earnings\t30");
    }

    #[test]
    fn small_rows_between_rows_of_cells_are_table_rows() {
        let row = |y: f64, size: f64, pieces: &[(f64, &str)]| {
            let mut p = Page {
                height: 800.0,
                ..Page::default()
            };
            for &(x, t) in pieces {
                glyphs(&mut p, x, y, size, t);
            }
            rows(&p).remove(0)
        };
        let mut pages = vec![vec![
            row(100.0, 16.0, &[(72.0, "三、收到和处理政府信息公开申请情况")]),
            row(130.0, 10.0, &[(72.0, "（一）予以公开"), (300.0, "0 0 0")]),
            // The first line of a label that wraps (it joins its row), and a label beside
            // several rows.
            row(
                142.0,
                9.0,
                &[(72.0, "（二）部分公开（区分处理的，只计这一情形，不")],
            ),
            row(154.0, 10.0, &[(72.0, "计其他情形）"), (300.0, "4 0 4")]),
            row(166.0, 9.0, &[(72.0, "（三）不予公开")]),
            row(178.0, 10.0, &[(150.0, "1.属于国家秘密"), (300.0, "1 0 1")]),
            // A heading at the body size between two tables stays a heading.
            row(
                220.0,
                16.0,
                &[(72.0, "四、政府信息公开行政复议、行政诉讼情况")],
            ),
            row(250.0, 10.0, &[(72.0, "行政复议"), (300.0, "行政诉讼")]),
        ]];
        mark_rows_inside_tables(&mut pages, 16.0);
        let texts: Vec<&str> = pages[0].iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "三、收到和处理政府信息公开申请情况",
                "（一）予以公开\t0 0 0",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t4 0 4",
                "（三）不予公开\t",
                "1.属于国家秘密\t1 0 1",
                "四、政府信息公开行政复议、行政诉讼情况",
                "行政复议\t行政诉讼",
            ]
        );
        assert!(pages[0][3].cells && !pages[0][5].cells);
    }

    #[test]
    fn a_column_of_stacked_characters_is_read_down() {
        // `三、本年度` set one character a line beside the rows of a table, their baselines
        // between the rows'.
        let mut p = page(&[]);
        for (k, c) in ["三", "、", "本", "年", "度"].iter().enumerate() {
            glyphs(&mut p, 90.0, 600.0 + 10.0 * k as f64, 10.0, c);
        }
        for (k, label) in ["2.其他法律行政止公开", "3.危及三安全一稳定"]
            .iter()
            .enumerate()
        {
            let y = 612.0 + 20.0 * k as f64;
            glyphs(&mut p, 180.0, y, 10.0, label);
            glyphs(&mut p, 400.0, y, 10.0, "0 0 0");
        }
        // The first characters of lines of text stack too, but each has a neighbour.
        for k in 0..4 {
            glyphs(&mut p, 72.0, 100.0 + 11.0 * k as f64, 10.0, "正文的一行");
        }
        let r: Vec<String> = rows(&p).into_iter().map(|r| r.text).collect();
        assert_eq!(
            r,
            [
                "正文的一行",
                "正文的一行",
                "正文的一行",
                "正文的一行",
                "三、本年度",
                "2.其他法律行政止公开\t0 0 0",
                "3.危及三安全一稳定\t0 0 0",
            ]
        );
    }

    #[test]
    fn a_full_baseline_holds_no_stacked_column() {
        // Three characters stacked at the left, the top one on a baseline with other
        // characters set far apart: below the cap they are a column; above it the baseline is
        // taken for a line of text and the check stops early.
        let stack = |others: usize| {
            let mut p = page(&[]);
            for (k, c) in ["三", "本", "年"].iter().enumerate() {
                glyphs(&mut p, 90.0, 600.0 + 10.0 * k as f64, 10.0, c);
            }
            for k in 0..others {
                glyphs(&mut p, 200.0 + 20.0 * k as f64, 600.0, 10.0, "字");
            }
            stacked_columns(&p).1.len()
        };
        assert_eq!(stack(MAX_BASELINE_GLYPHS - 10), 1);
        assert_eq!(stack(MAX_BASELINE_GLYPHS + 10), 0);
    }

    /// A PDF made here: `pages` content streams drawing with Helvetica (and an image XObject
    /// when `image`), with a correct cross-reference table unless `break_xref`.
    pub(crate) fn make_pdf(pages: &[&str], image: bool, break_xref: bool) -> Vec<u8> {
        let n = pages.len();
        // Objects: 1 catalog, 2 pages, 3 font, 4 image, then a page and its content each.
        let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
        let mut objects = vec![
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
                .to_string(),
            "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x7f\nendstream".to_string(),
        ];
        for (i, content) in pages.iter().enumerate() {
            let xobject = if image {
                " /XObject << /Im1 4 0 R >>"
            } else {
                ""
            };
            objects.push(format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >>{xobject} >> /Contents {} 0 R >>",
                6 + 2 * i
            ));
            objects.push(format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            ));
        }
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for off in offsets {
            out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
        }
        let start = if break_xref { xref + 7 } else { xref };
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn reads_a_made_pdf_with_pages_and_furniture() {
        let page = |n: u32| {
            format!(
                "BT /F1 11 Tf 72 720 Td (Annual Report 2024) Tj ET BT /F1 11 Tf 72 650 Td (Revenue grew on page {n}.) Tj ET BT /F1 10 Tf 300 40 Td ({n}) Tj ET"
            )
        };
        let (p1, p2, p3) = (page(1), page(2), page(3));
        let bytes = make_pdf(&[&p1, &p2, &p3], false, false);
        let (text, extractor) = extract("a.pdf", &bytes).unwrap();
        assert_eq!(extractor, "pdf-extract");
        assert_eq!(
            text,
            "Revenue grew on page 1.\n\x0cRevenue grew on page 2.\n\x0cRevenue grew on page 3.\n"
        );
    }

    #[test]
    fn a_pdf_of_images_is_scanned() {
        let bytes = make_pdf(&["q 612 0 0 792 0 0 cm /Im1 Do Q"], true, false);
        let e = extract("scan.pdf", &bytes).unwrap_err();
        assert!(matches!(e, Error::Scanned { .. }), "{e}");
        assert_eq!(
            e.to_string(),
            "scan.pdf: scanned PDF: its pages are images without a text layer; run OCR on it first"
        );
    }

    #[test]
    fn pdftotext_reads_what_the_built_in_reader_cannot() {
        // A cross-reference table at the wrong offset: lopdf gives up, poppler rebuilds it.
        let bytes = make_pdf(
            &["BT /F1 12 Tf 72 700 Td (The letter to shareholders.) Tj ET"],
            false,
            true,
        );
        assert!(read_native(&bytes).is_err());
        let installed = Command::new("pdftotext").arg("-v").output().is_ok();
        match extract("x.pdf", &bytes) {
            Ok((text, extractor)) => {
                assert!(installed);
                assert_eq!(extractor, "pdftotext");
                assert_eq!(text.trim(), "The letter to shareholders.");
            }
            Err(e) => {
                assert!(
                    !installed,
                    "pdftotext is installed but did not read it: {e}"
                );
                assert!(e.to_string().contains("pdftotext"), "{e}");
            }
        }
    }

    #[test]
    fn damaged_input_is_one_line_and_no_panic() {
        for bytes in [
            &b"%PDF-1.4\n"[..],
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
            b"%PDF-\xff\xfe\x00\x01garbage",
        ] {
            let e = extract("x.pdf", bytes).unwrap_err();
            let msg = e.to_string();
            assert!(msg.starts_with("x.pdf: "), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
    }
}

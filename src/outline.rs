//! The outline: clean paragraphs parsed into a tree of sections (`Document`).
//!
//! Headings are recognised by their numbering (see [`crate::heading`]) and, in English, by
//! short title-case lines standing between paragraphs. In Chinese reports a paragraph that
//! opens with a short lead sentence (`重点产业支撑有力。`) is an **item**, a section of its own
//! whose title is that sentence. Text before the first heading is the preamble; the closing
//! address (`各位代表！…`) is the closing section. A report with almost no headings is
//! outlined paragraph by paragraph so that alignment still has units to work with.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::heading::{self, HeadingStyle, Numbering};
use crate::model::Paragraph;
pub use crate::model::{Document, Lang, Section, SectionKind};
use crate::normalize::CleanText;
use crate::script::{display_width, han_ratio, is_han};
use crate::sentence::split_sentences;
use crate::year;

/// Guesses the language from the share of Han characters.
pub fn detect_lang(text: &str) -> Lang {
    let sample: String = text.chars().take(20_000).collect();
    if han_ratio(&sample) > 0.3 {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// A section with no text yet, at level 1 until [`finish`] sets its depth.
fn new_section(kind: SectionKind, number: String, title: String, line: u32) -> Section {
    Section {
        kind,
        level: 1,
        number,
        title,
        lines: (line, line),
        paragraphs: Vec::new(),
        children: Vec::new(),
    }
}

/// Sets the depth of `section` and its children and widens its line range to cover them.
fn finish(section: &mut Section, level: u32) {
    section.level = level;
    let mut last = section.lines.1;
    for p in &section.paragraphs {
        last = last.max(p.lines.1);
    }
    for c in &mut section.children {
        finish(c, level + 1);
        last = last.max(c.lines.1);
    }
    section.lines.1 = last;
}

/// Options for outline parsing.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutlineOptions {
    /// Force a language instead of detecting it.
    pub lang: Option<Lang>,
}

/// Items rank below every heading style, so an item never holds a heading.
const ITEM_RANK: u8 = 100;
/// Reports with fewer headings than this are outlined paragraph by paragraph.
const MIN_HEADINGS: usize = 3;
/// A paragraph with a table row among this many paragraphs before it and after it stands
/// inside the table.
const TABLE_REACH: usize = 2;

/// Parses normalised text into a [`Document`].
pub fn parse(source: &str, clean: &CleanText, options: OutlineOptions) -> Document {
    let all_text: String = clean
        .paragraphs
        .iter()
        .take(400)
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let lang = options.lang.unwrap_or_else(|| detect_lang(&all_text));
    let year = year::detect_year(clean.paragraphs.iter().map(|p| p.text.as_str()));
    // A letter's salutation opens the letter, after any letterhead or table a PDF puts before
    // it; text extraction sometimes runs it into the paragraph after it, and then it is split
    // off.
    let salutation_at = (lang == Lang::En)
        .then(|| {
            clean
                .paragraphs
                .iter()
                .take(SALUTATION_WITHIN)
                .position(|p| SALUTATION.is_match(p.text.trim()) || split_salutation(p).is_some())
        })
        .flatten()
        .filter(|_| clean.paragraphs.len() > 2);
    let owned: Vec<Paragraph>;
    let paragraphs: &[Paragraph] =
        match salutation_at.and_then(|k| split_salutation(&clean.paragraphs[k]).map(|s| (k, s))) {
            Some((k, (salutation, rest))) => {
                owned = clean.paragraphs[..k]
                    .iter()
                    .cloned()
                    .chain([salutation, rest])
                    .chain(clean.paragraphs[k + 1..].iter().cloned())
                    .collect();
                &owned
            }
            None => &clean.paragraphs,
        };

    let appendix_from = match lang {
        Lang::Zh => {
            let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
            heading::appendix_start(&texts)
        }
        Lang::En => None,
    };
    let body = &paragraphs[..appendix_from.unwrap_or(paragraphs.len())];
    let closing_from = match lang {
        Lang::Zh => find_closing(body),
        Lang::En => None,
    };
    let signature_from = match lang {
        Lang::En => letter_signature(body, salutation_at.map_or(0, |k| k + 1)),
        Lang::Zh => None,
    };
    let body_end = closing_from.or(signature_from).unwrap_or(body.len());

    let mut builder = TreeBuilder::default();
    let mut preamble = new_section(
        SectionKind::Preamble,
        String::new(),
        String::new(),
        paragraphs.first().map_or(1, |p| p.lines.0),
    );
    let mut heading_count = 0usize;
    for i in 0..body_end {
        if Some(i) == salutation_at {
            continue;
        }
        let p = &paragraphs[i];
        // A table row is a row however it opens: statistics tables number their row labels
        // (`（一）予以公开`, `1.属于国家秘密`) in the very styles headings use.
        if clean.is_table_row(p) {
            if builder.is_open() {
                builder.push_paragraph(p.clone());
            } else {
                preamble.paragraphs.push(p.clone());
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|j| &paragraphs[j]);
        let next = paragraphs.get(i + 1);
        // Between rows of a table, a line is a piece of the table (a label beside several
        // rows, a cell that wrapped) unless it goes on with the headings before the table.
        let row_at = |j: usize| clean.is_table_row(&paragraphs[j]);
        let inside_table = (i.saturating_sub(TABLE_REACH)..i).any(row_at)
            && (i + 1..(i + 1 + TABLE_REACH).min(paragraphs.len())).any(row_at);
        let heading = recognise_heading(lang, p, prev, next, &builder).filter(|(n, _, _)| {
            !inside_table || builder.continues_sequence(n.style, numbering_value(&n.number))
        });
        if inside_table && heading.is_none() {
            if builder.is_open() {
                builder.push_paragraph(p.clone());
            } else {
                preamble.paragraphs.push(p.clone());
            }
            continue;
        }
        if let Some((numbering, title, rest)) = heading {
            heading_count += 1;
            let mut section = new_section(SectionKind::Heading, numbering.number, title, p.lines.0);
            if let Some(rest) = rest {
                section.paragraphs.push(rest);
            }
            builder.open(section, numbering.style.rank(), Some(numbering.style));
            continue;
        }
        if lang == Lang::Zh
            && builder.is_open()
            && let Some((title, rest)) = lead_sentence(p)
        {
            let mut item = new_section(SectionKind::Item, String::new(), title, p.lines.0);
            item.paragraphs.push(rest);
            builder.open(item, ITEM_RANK, None);
            continue;
        }
        if builder.is_open() {
            builder.push_paragraph(p.clone());
        } else {
            preamble.paragraphs.push(p.clone());
        }
    }
    let mut sections = Vec::new();
    if let Some(k) = salutation_at {
        let mut s = new_section(
            SectionKind::Salutation,
            String::new(),
            String::new(),
            paragraphs[k].lines.0,
        );
        s.paragraphs.push(paragraphs[k].clone());
        sections.push(s);
    }
    let title = document_title(&preamble, source);
    if !preamble.paragraphs.is_empty() {
        preamble.lines = (
            preamble.paragraphs[0].lines.0,
            preamble.paragraphs[0].lines.0,
        );
        sections.push(preamble);
    }
    sections.extend(builder.finish());
    if let Some(from) = closing_from {
        let mut closing = new_section(
            SectionKind::Closing,
            String::new(),
            String::new(),
            paragraphs[from].lines.0,
        );
        closing.paragraphs = body[from..].to_vec();
        sections.push(closing);
    }
    if let Some(from) = signature_from.filter(|_| closing_from.is_none()) {
        let mut s = new_section(
            SectionKind::Signature,
            String::new(),
            String::new(),
            body[from].lines.0,
        );
        s.paragraphs = body[from..].to_vec();
        sections.push(s);
    }
    if let Some(from) = appendix_from {
        sections.extend(appendix_sections(&paragraphs[from..]));
    }
    if heading_count < MIN_HEADINGS {
        sections = outline_by_paragraph(sections);
    }
    for s in &mut sections {
        finish(s, 1);
    }
    Document {
        source: source.to_string(),
        year,
        lang,
        title,
        encoding: "UTF-8".to_string(),
        format: crate::model::InputFormat::Text,
        extractor: None,
        pages: Vec::new(),
        sections,
    }
}

/// A letter's salutation (`To the Shareholders of…:`, `Dear Fellow Shareholders,`) opens it.
static SALUTATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:To|Dear|Fellow)\b[^!?]{0,100}[:,]$").unwrap());
/// `To the Shareholders of Berkshire Hathaway Inc.:` at the head of a paragraph whose next
/// line starts the letter: the salutation and the rest, split where the line broke.
fn split_salutation(p: &Paragraph) -> Option<(Paragraph, Paragraph)> {
    let colon = p.text.find([':', ','])?;
    let end = colon + 1;
    let head = &p.text[..end];
    if end >= p.text.len() || !SALUTATION.is_match(head) || p.line_at(colon) == p.line_at(end + 1) {
        return None;
    }
    Some(p.split_at(end))
}

/// A date line (`February 27, 2021`, `27 February 2021`).
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-9]{1,2},\s*[0-9]{4}|[0-9]{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-9]{4})$").unwrap()
});
/// A date at the start of a short line.
static DATE_IN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-9]{1,2},\s*[0-9]{4}\b").unwrap()
});
/// Sign-offs that close a letter.
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:sincerely|yours(?: (?:sincerely|truly|faithfully))?|respectfully(?: submitted)?|best regards|with (?:warm |best )?regards|regards|thank you),?$").unwrap()
});
/// The salutation is looked for among this many first paragraphs: a PDF may open with a
/// letterhead and a table of results, one paragraph a row (Berkshire's holds 56 years).
const SALUTATION_WITHIN: usize = 120;
/// Short lines after a letter's last paragraph, at most this many, make its signature.
const MAX_SIGNATURE_LINES: usize = 6;

/// Where a letter's signature block starts: the run of short lines without sentence
/// punctuation at the end (date, sign-off, name, title), counted only when it holds a date line
/// or a sign-off, so a report ending on a short heading keeps it. `after` is the first
/// paragraph the letter's text may start at (after its salutation).
fn letter_signature(body: &[Paragraph], after: usize) -> Option<usize> {
    let short = |p: &Paragraph| {
        let t = p.text.trim();
        display_width(t) <= 70 && !t.ends_with(['.', '?', '!', ';'])
            || DATE_LINE.is_match(t)
            || SIGN_OFF.is_match(t)
    };
    let mut from = body.len();
    while from > after + 1 && body.len() - from < MAX_SIGNATURE_LINES && short(&body[from - 1]) {
        from -= 1;
    }
    // A date run on with the name (`February 27, 2021 Warren E. Buffett`) marks it too.
    let marked = body[from..].iter().any(|p| {
        let t = p.text.trim();
        SIGN_OFF.is_match(t) || DATE_LINE.is_match(t) || DATE_IN_LINE.is_match(t)
    });
    (from < body.len() && marked).then_some(from)
}

/// Builds the tree as headings arrive: a stack of open sections, each with its rank.
#[derive(Default)]
struct TreeBuilder {
    roots: Vec<Section>,
    /// Open sections with their rank and, for headings, their numbering style.
    stack: Vec<(Section, u8, Option<HeadingStyle>)>,
    /// Last number seen per heading style among the open siblings, to check sequences.
    last_number: HashMap<HeadingStyle, u32>,
}

impl TreeBuilder {
    fn is_open(&self) -> bool {
        !self.stack.is_empty()
    }

    fn close_to(&mut self, rank: u8) {
        while self.stack.last().is_some_and(|(_, r, _)| *r >= rank) {
            let (done, _, _) = self.stack.pop().unwrap();
            match self.stack.last_mut() {
                Some((parent, _, _)) => parent.children.push(done),
                None => self.roots.push(done),
            }
        }
    }

    fn open(&mut self, section: Section, rank: u8, style: Option<HeadingStyle>) {
        self.close_to(rank);
        if let Some(style) = style {
            self.last_number.retain(|s, _| s.rank() <= rank);
            if let Some(v) = numbering_value(&section.number) {
                self.last_number.insert(style, v);
            }
        }
        self.stack.push((section, rank, style));
    }

    fn push_paragraph(&mut self, p: Paragraph) {
        if let Some((top, _, _)) = self.stack.last_mut() {
            top.paragraphs.push(p);
        }
    }

    /// Would a heading of `style` numbered `value` continue the sequence here? A stray
    /// `三、` inside a list must not open a top-level section.
    fn fits_sequence(&self, style: HeadingStyle, value: Option<u32>) -> bool {
        let Some(v) = value else { return true };
        match self.last_number.get(&style) {
            // A filing's `Item 1A.` follows `Item 1.` (and `Item 7A.` follows `Item 7.`), and
            // text extracted from filings often lacks an item line or two.
            Some(&last) => {
                v == last + 1
                    || style == HeadingStyle::Item && (last..=last + 3).contains(&v)
                    || v == 1 && self.opens_new_scope(style)
            }
            None => {
                v <= 2
                    || matches!(
                        style,
                        HeadingStyle::Markdown(_) | HeadingStyle::Item | HeadingStyle::Part
                    )
            }
        }
    }

    /// Would a heading of `style` numbered `value` be the next of the headings of its style
    /// open here, or the first (numbered 1)? Stricter than [`Self::fits_sequence`].
    fn continues_sequence(&self, style: HeadingStyle, value: Option<u32>) -> bool {
        let last = self.last_number.get(&style).copied();
        value.is_some_and(|v| last.map_or(v == 1, |l| v == l + 1))
    }

    /// A heading numbered 1 may restart its sequence when a heading of a lower rank opened
    /// since the last one of its style.
    fn opens_new_scope(&self, style: HeadingStyle) -> bool {
        self.stack
            .iter()
            .rev()
            .take_while(|(_, _, s)| *s != Some(style))
            .any(|(_, r, _)| *r < style.rank())
    }

    fn finish(mut self) -> Vec<Section> {
        self.close_to(0);
        self.roots
    }
}

/// The numeric value of a heading number (`三、` → 3, `（12）` → 12, `Item 7.` → 7).
fn numbering_value(number: &str) -> Option<u32> {
    let digits: String = number.chars().filter(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        // "1.2" style numbers: the last component counts.
        let last = number
            .trim_end_matches('.')
            .rsplit('.')
            .next()
            .unwrap_or(number);
        let d: String = last.chars().filter(|c| c.is_ascii_digit()).collect();
        return d.parse().ok().or_else(|| digits.parse().ok());
    }
    let han: String = number.chars().filter(|&c| is_han(c)).collect();
    if !han.is_empty() {
        return crate::script::chinese_numeral_value(&han);
    }
    let roman: String = number
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .trim_end_matches('.')
        .to_string();
    roman_value(&roman)
}

fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0i32;
    let mut prev = 0i32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        if v < prev {
            total -= v
        } else {
            total += v;
            prev = v
        }
    }
    (total > 0).then_some(total as u32)
}

/// Recognises a heading paragraph. Returns the numbering, the title and the body that follows
/// the title on the same paragraph.
fn recognise_heading(
    lang: Lang,
    p: &Paragraph,
    prev: Option<&Paragraph>,
    next: Option<&Paragraph>,
    builder: &TreeBuilder,
) -> Option<(Numbering, String, Option<Paragraph>)> {
    let text = p.text.as_str();
    let numbering = match lang {
        Lang::Zh => heading::chinese_numbering(text)
            .or_else(|| heading::chinese_ordinal(text))
            .or_else(|| {
                heading::english_numbering(text)
                    .filter(|n| matches!(n.style, HeadingStyle::Markdown(_)))
            }),
        Lang::En => heading::english_numbering(text),
    };
    if let Some(mut n) = numbering {
        if matches!(n.style, HeadingStyle::Markdown(_)) {
            // `##` is markup, not numbering a reader would quote.
            n.number.clear();
        }
        let rest = &text[n.rest_start..];
        let (title, body) = split_title(p, n.rest_start);
        let title_len = title.chars().count();
        let ok = match n.style {
            HeadingStyle::ZhLevel1 => title_len <= 40,
            HeadingStyle::ZhOrdinal => title_len <= 40 && ordinal_leads(rest, body.as_ref()),
            HeadingStyle::ZhLevel2 | HeadingStyle::ZhLevel3 | HeadingStyle::ZhLevel4 => {
                title_len <= 60 && rest.chars().next().is_some_and(|c| !c.is_ascii_digit())
            }
            HeadingStyle::Markdown(_) => true,
            HeadingStyle::Part | HeadingStyle::Item => display_width(text) <= 120,
            HeadingStyle::Numbered(_) => {
                body.is_none() && display_width(text) <= 90 && !text.ends_with(['.', ',', ';', ':'])
            }
            HeadingStyle::Unmarked | HeadingStyle::ZhPart => false,
        };
        if ok && builder.fits_sequence(n.style, numbering_value(&n.number)) {
            return Some((n, title, body));
        }
        return None;
    }
    let (before, after) = (prev.map(|q| q.text.as_str()), next.map(|q| q.text.as_str()));
    if lang == Lang::Zh && heading::unnumbered_part(text, before, after) {
        let n = Numbering {
            style: HeadingStyle::ZhPart,
            number: String::new(),
            rest_start: 0,
        };
        return Some((n, text.to_string(), None));
    }
    if lang == Lang::En && is_unmarked_heading(p, prev, next) {
        let n = Numbering {
            style: HeadingStyle::Unmarked,
            number: String::new(),
            rest_start: 0,
        };
        return Some((n, text.to_string(), None));
    }
    None
}

/// Whether `一是…` opens a work area of its own: alone as a paragraph, or as the lead
/// sentence (ending in `。`) of a paragraph that goes on about it (`一是创新和完善宏观调控，经济
/// 保持平稳运行。面对新情况…`). A paragraph that lists the next ordinals itself (`一是…。二是…。`)
/// is one list, not the first of several sections.
fn ordinal_leads(rest: &str, body: Option<&Paragraph>) -> bool {
    let Some(body) = body else { return true };
    let lead_ends_sentence = split_sentences(rest)
        .first()
        .is_some_and(|r| rest[r.clone()].trim_end().ends_with('。'));
    let lists_more = split_sentences(&body.text)
        .iter()
        .any(|r| heading::chinese_ordinal(&body.text[r.clone()]).is_some());
    lead_ends_sentence && !lists_more
}

/// Splits a heading paragraph after its numbering into the title (its first sentence, without
/// the final full stop) and the body that continues on the same paragraph.
fn split_title(p: &Paragraph, rest_start: usize) -> (String, Option<Paragraph>) {
    let rest = &p.text[rest_start..];
    let sentences = split_sentences(rest);
    let Some(first) = sentences.first() else {
        return (String::new(), None);
    };
    let title = rest[first.clone()]
        .trim_end_matches(['。', '.', '；', ';'])
        .trim()
        .to_string();
    let body_start = rest_start + first.end;
    if body_start >= p.text.len() || p.text[body_start..].trim().is_empty() {
        return (title, None);
    }
    let (_, body) = p.split_at(body_start);
    (title, Some(body))
}

/// A paragraph that opens with a lead sentence of 2–20 characters ending in `。`, without
/// commas, and followed by more text, is an item. Dash-led lines (`——经济保持恢复发展。`) are items too.
fn lead_sentence(p: &Paragraph) -> Option<(String, Paragraph)> {
    let (lead, body_start) = heading::lead_sentence(&p.text)?;
    // A lone short sentence is a paragraph, not an item: an item's lead introduces a body.
    if p.text[body_start..].trim().is_empty() {
        return None;
    }
    Some((p.text[lead].to_string(), p.split_at(body_start).1))
}

/// An English heading without numbering: one short title-case line with no final punctuation,
/// standing between real paragraphs (not inside a table of short lines).
fn is_unmarked_heading(p: &Paragraph, prev: Option<&Paragraph>, next: Option<&Paragraph>) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from",
        "vs", "vs.", "as", "is", "its", "our", "about", "into", "–", "—", "-", "&",
    ];
    let text = p.text.as_str();
    if p.lines.0 != p.lines.1
        || display_width(text) > 70
        || text.ends_with(['.', ',', ';', ':', '!'])
    {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // A title may open with a quotation: “The Bet” is Over…
    let opening = text.trim_start_matches(['“', '"', '‘', '\'']);
    if words.is_empty() || words.len() > 12 || !opening.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters * 10 < text.chars().count() * 7 {
        return false;
    }
    let significant: Vec<&&str> = words
        .iter()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    let capitalised = significant
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    if significant.is_empty() || capitalised * 10 < significant.len() * 7 {
        return false;
    }
    let real_paragraph = |q: &Paragraph| q.text.chars().count() >= 80 || q.lines.1 > q.lines.0;
    let next_ok = next.is_some_and(real_paragraph);
    // Not inside a table of short labels; the last row of a table of figures is fine.
    let prev_ok = prev.is_none_or(|q| {
        real_paragraph(q)
            || q.text.ends_with(['.', ':', '!', '?', '”', '"', ')'])
            || q.text.contains(|c: char| c.is_ascii_digit())
    });
    next_ok && prev_ok
}

/// The closing address of a Chinese report: from the last paragraph opening with `各位代表`
/// near the end, provided no heading follows it.
fn find_closing(paragraphs: &[Paragraph]) -> Option<usize> {
    let tail_from = paragraphs.len().saturating_sub(8);
    let last_heading = paragraphs
        .iter()
        .rposition(|p| heading::chinese_numbering(&p.text).is_some());
    let at = (tail_from..paragraphs.len())
        .rev()
        .find(|&i| paragraphs[i].text.starts_with("各位代表"))?;
    (last_heading.is_none_or(|h| h < at)).then_some(at)
}

/// The appendices, from the first appendix title to the end: one section for each title,
/// holding the paragraphs up to the next. A bare number (`附件1`) takes the short line after
/// it into its title (`附件1 2026年省十件民生实事`, `附件2 名词解释`).
fn appendix_sections(paragraphs: &[Paragraph]) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut i = 0;
    while i < paragraphs.len() {
        let p = &paragraphs[i];
        i += 1;
        if !heading::is_appendix_title(&p.text) && !out.is_empty() {
            if let Some(s) = out.last_mut() {
                s.paragraphs.push(p.clone());
            }
            continue;
        }
        let mut title = p.text.clone();
        let bare = title.chars().count() <= 4;
        if let Some(q) = paragraphs.get(i).filter(|q| {
            bare && q.text.chars().count() <= 20
                && !q.text.ends_with(['。', '：', ':', '！', '；'])
                && heading::chinese_numbering(&q.text).is_none()
        }) {
            // Spaces go only between digits (`附件1 2026年…`), as normalisation sets them.
            let digits = title.ends_with(|c: char| c.is_ascii_digit())
                && q.text.starts_with(|c: char| c.is_ascii_digit());
            title = format!("{title}{}{}", if digits { " " } else { "" }, q.text);
            i += 1;
        }
        out.push(new_section(
            SectionKind::Appendix,
            String::new(),
            title,
            p.lines.0,
        ));
    }
    out
}

/// The title: a short first line of the preamble, else the source name.
fn document_title(preamble: &Section, source: &str) -> String {
    let first = preamble
        .paragraphs
        .first()
        .map(|p| p.text.trim_start_matches('#').trim());
    match first {
        Some(t)
            if !t.is_empty() && t.chars().count() <= 40 && !t.ends_with(['。', '：', ':', '.']) =>
        {
            t.to_string()
        }
        _ => {
            let name = std::path::Path::new(source)
                .file_stem()
                .map(|s| s.to_string_lossy().to_string());
            name.unwrap_or_else(|| source.to_string())
        }
    }
}

/// For reports with almost no headings: each body paragraph becomes a section of kind
/// `paragraph` under the section that held it (or at the top level).
fn outline_by_paragraph(sections: Vec<Section>) -> Vec<Section> {
    sections
        .into_iter()
        .map(|mut s| {
            if s.children.is_empty()
                && s.paragraphs.len() > 1
                && !matches!(s.kind, SectionKind::Closing | SectionKind::Signature)
            {
                let paragraphs = std::mem::take(&mut s.paragraphs);
                s.children = paragraphs.into_iter().map(paragraph_section).collect();
            }
            s
        })
        .collect()
}

fn paragraph_section(p: Paragraph) -> Section {
    let first = split_sentences(&p.text)
        .first()
        .map(|r| p.text[r.clone()].to_string())
        .unwrap_or_default();
    let title: String = if first.chars().count() > 60 {
        first.chars().take(57).chain("…".chars()).collect()
    } else {
        first
    };
    let mut s = new_section(SectionKind::Paragraph, String::new(), title, p.lines.0);
    s.paragraphs.push(p);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn outline(text: &str) -> Document {
        parse("test.txt", &normalize(text), OutlineOptions::default())
    }

    /// A letter's frame, as shareholder letters write it: the salutation (run into the first
    /// paragraph by text extraction) and the signature block (date, name, title) are sections
    /// of their own, so the letter's opening text is the preamble and nothing else.
    #[test]
    fn letters_have_a_salutation_and_a_signature() {
        let text = "To the Shareholders of Berkshire Hathaway Inc.:\n\
            Berkshire earned $42.5 billion in 2020 according to generally accepted accounting principles.\n\
            Operating earnings are what count most, even during periods when they are not the largest item.\n\
            The Annual Meeting\n\
            This year, on May 1st, we are planning to go one better than last year and hold the meeting.\n\
            February 27, 2021\n\
            \n\
            Warren E. Buffett\n\
            Chairman of the Board\n";
        let d = outline(text);
        let kinds: Vec<&str> = d.sections.iter().map(|s| s.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["salutation", "preamble", "heading", "signature"],
            "{:?}",
            tree(&d)
        );
        assert_eq!(
            d.sections[0].paragraphs[0].text,
            "To the Shareholders of Berkshire Hathaway Inc.:"
        );
        assert!(d.sections[1].full_text().starts_with("Berkshire earned"));
        let signature: Vec<&str> = d.sections[3]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert!(
            signature.join(" ").contains("Warren E. Buffett"),
            "{signature:?}"
        );
        // A letter that ends on a short line with no date or sign-off keeps it as text.
        let plain = outline(
            "Dear Fellow Shareholders,\nWe had a good year across our businesses.\nOur Outlook\nWe expect more of the same.\nThe Team\n",
        );
        let kinds: Vec<&str> = plain.sections.iter().map(|s| s.kind.as_str()).collect();
        assert!(!kinds.contains(&"signature"), "{:?}", tree(&plain));
        assert_eq!(kinds.first(), Some(&"salutation"));
    }

    /// Work areas of a review written `一是…。` as the lead sentence of their paragraph, as the
    /// national 2019 report and Beijing's 2025 report write them, are sections of their own
    /// titled by that sentence; the paragraph's text is theirs.
    #[test]
    fn ordinals_leading_paragraphs_are_work_areas() {
        let d = outline(
            "一、2018年工作回顾\n\
             一是创新和完善宏观调控，经济保持平稳运行。面对新情况新变化，我们坚持不搞“大水漫灌”式强刺激。\n\
             二是扎实打好三大攻坚战，重点任务取得积极进展。制定并有序实施三大攻坚战三年行动方案。\n\
             三是更好统筹发展和安全，首都安全防线进一步巩固。坚决扛起首都安全责任。\n\
             二、2019年政府工作任务\n\
             推进各项工作。\n",
        );
        let review = &d.sections[0];
        let titles: Vec<(&str, &str)> = review
            .children
            .iter()
            .map(|s| (s.number.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                ("一是", "创新和完善宏观调控，经济保持平稳运行"),
                ("二是", "扎实打好三大攻坚战，重点任务取得积极进展"),
                ("三是", "更好统筹发展和安全，首都安全防线进一步巩固"),
            ]
        );
        assert_eq!(
            review.children[1].paragraphs[0].text,
            "制定并有序实施三大攻坚战三年行动方案。"
        );
    }

    /// A paragraph that lists its ordinals itself is one paragraph, not the first of several
    /// work areas; nor is an ordinal whose first clause runs on to a semicolon.
    #[test]
    fn ordinals_listed_inside_a_paragraph_stay_text() {
        let d = outline(
            "一、2018年工作回顾\n\
             全年工作有三个特点。\n\
             一是稳。二是进。三是好。各项工作取得新进展。\n\
             一是加强监管；二是优化服务，提高效率。\n",
        );
        assert!(
            d.walk()
                .iter()
                .all(|s| s.level == 1 || s.kind != SectionKind::Heading && s.number.is_empty()),
            "{:?}",
            tree(&d)
        );
    }

    fn tree(doc: &Document) -> Vec<String> {
        doc.walk()
            .iter()
            .map(|s| {
                format!(
                    "{}{}:{}",
                    "  ".repeat(s.level as usize - 1),
                    s.kind.as_str(),
                    s.heading_text()
                )
            })
            .collect()
    }

    #[test]
    fn chinese_levels_items_and_closing() {
        let doc = outline(
            "政府工作报告\n\n各位代表：\n\n一、2024年工作回顾\n\n过去一年，我们做了以下工作。\n\n\
（一）全力以赴稳增长，区域经济稳中向好。把稳增长放在首要位置。\n\n\
重点产业支撑有力。做优做强重点产业。\n\n“上海硅巷”建设逐渐起势。打造硅巷。\n\n\
（二）坚定不移抓改革。深化改革。\n\n二、2025年主要任务\n\n1.稳增长\n\n（1）扩大投资\n\n各位代表！\n\n让我们携手奋进！\n",
        );
        assert_eq!(doc.title, "政府工作报告");
        assert_eq!(doc.year, Some(2025));
        assert_eq!(doc.lang, Lang::Zh);
        assert_eq!(
            tree(&doc),
            vec![
                "preamble:(preamble)",
                "heading:一、2024年工作回顾",
                "  heading:（一）全力以赴稳增长，区域经济稳中向好",
                "    item:重点产业支撑有力",
                "    item:“上海硅巷”建设逐渐起势",
                "  heading:（二）坚定不移抓改革",
                "heading:二、2025年主要任务",
                "  heading:1.稳增长",
                "    heading:（1）扩大投资",
                "closing:(closing)",
            ]
        );
        let first_l2 = &doc.sections[1].children[0];
        assert_eq!(first_l2.paragraphs[0].text, "把稳增长放在首要位置。");
        assert_eq!(
            first_l2.children[0].paragraphs[0].text,
            "做优做强重点产业。"
        );
    }

    #[test]
    fn unnumbered_parts_rank_above_numbered_sections() {
        // The shape of Sichuan 2025: parts without numbers, `（一）` sections under each.
        let long = "面对严峻复杂形势和多重困难挑战，我们迎难而上、拼搏实干，全力以赴稳增长、促改革、调结构、惠民生、防风险。";
        let doc = outline(&format!(
            "2025年四川省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n\
             2024年工作回顾\n过去一年，是实现“十四五”规划目标任务的关键一年。{long}\n\
             （一）巩固增强经济回升向好态势。{long}\n（二）大力推动科技创新引领产业创新。{long}\n\
             2025年工作安排建议\n2025年是“十四五”规划收官之年。{long}\n\
             （一）全方位扩大内需，稳住经济大盘。{long}\n\
             加强政府自身建设\n四川发展迈上了新的历史起点，新形势新任务对政府工作及自身建设提出了新的更高要求。\n\
             （一）树牢正确政绩观。{long}\n\
             各位代表！迎接风险挑战，惟有无畏前行；扛起职责使命，惟有担当实干。\n"
        ));
        assert_eq!(
            tree(&doc),
            vec![
                "preamble:(preamble)",
                "heading:2024年工作回顾",
                "  heading:（一）巩固增强经济回升向好态势",
                "  heading:（二）大力推动科技创新引领产业创新",
                "heading:2025年工作安排建议",
                "  item:2025年是“十四五”规划收官之年",
                "  heading:（一）全方位扩大内需，稳住经济大盘",
                "heading:加强政府自身建设",
                "  heading:（一）树牢正确政绩观",
                "closing:(closing)",
            ]
        );
        assert_eq!(doc.year, Some(2025));
    }

    #[test]
    fn appendices_after_the_closing() {
        // The end of Guangdong 2026: the closing, then `附件1` with its title line and its own
        // `一、` list, then `附件2` / `名词解释` (Sichuan has `名词解释` alone).
        let long = "坚持民生为大，以更大力度投资于人，加强普惠性、基础性、兜底性民生建设，扎扎实实办好十件民生实事。";
        let doc = outline(&format!(
            "政府工作报告\n各位代表：\n一、2025年工作回顾\n{long}\n二、2026年工作安排\n{long}\n\
             （一）久久为功推动粤港澳大湾区建设。{long}\n（二）坚持实体经济为本。{long}\n\
             各位代表！奋进正当其时，实干成就未来。\n附件1\n2026年省十件民生实事\n{long}\n\
             一、提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平。\n{long}\n\
             二、加快建立长期护理保险制度和提升养老服务供给水平。\n{long}\n附件2\n名词解释\n\
             1.“四上”企业：\n现阶段统计工作实践中对达到一定规模、资质或限额的法人单位的一种习惯称谓。\n"
        ));
        let top: Vec<String> = doc
            .sections
            .iter()
            .map(|s| format!("{}:{}", s.kind.as_str(), s.heading_text()))
            .collect();
        assert_eq!(
            top,
            vec![
                "preamble:(preamble)",
                "heading:一、2025年工作回顾",
                "heading:二、2026年工作安排",
                "closing:(closing)",
                "appendix:附件1 2026年省十件民生实事",
                "appendix:附件2名词解释",
            ]
        );
        let annex = &doc.sections[4];
        assert!(annex.children.is_empty());
        assert_eq!(annex.paragraphs.len(), 5);
        assert_eq!(doc.sections[3].paragraphs.len(), 1);
    }

    /// A statistics table numbers its row labels like headings (`四、结转下年度继续办理`,
    /// `（一）予以公开`, `1.属于国家秘密`); as rows (a tab after the label) they stay text of the
    /// section that holds the table, and the real `四、` after the table is the heading.
    #[test]
    fn table_rows_are_never_headings() {
        let doc = outline(
            "一、总体情况\n正文。\n二、主动公开情况\n正文。\n三、收到和处理申请情况\n             一、本年新收申请数量\t21 0 21\n（一）予以公开\t0 0 0\n（二）部分公开\t\n             1.属于国家秘密\t1 0 1\n四、结转下年度继续办理\t0 0 0\n             四、行政复议、行政诉讼情况\n正文。\n",
        );
        let titles: Vec<String> = doc.sections.iter().map(Section::heading_text).collect();
        assert_eq!(
            titles,
            [
                "一、总体情况",
                "二、主动公开情况",
                "三、收到和处理申请情况",
                "四、行政复议、行政诉讼情况"
            ],
            "{:?}",
            tree(&doc)
        );
        assert!(doc.sections[2].children.is_empty());
        assert_eq!(doc.sections[2].paragraphs.len(), 5);
        // Text a layout extraction gives: the table's group labels have no cells of their
        // own, and stand between rows; the headings before the table do not lead to them.
        let doc = outline(
            "一、总体情况\n正文。\n二、收到和处理申请情况\n（一）予以公开\t0\t0\n             （二）部分公开（区分处理的，只计这一情形，不\n计其他情形）\n4\t0\t4\n             1.属于国家秘密\t1\t0\n（三）不予公开\n5.属于三类内部事务信息\t0\t0\n             三、行政复议情况\n行政复议\t行政诉讼\n（一）复议结果\n维持\t1\n",
        );
        assert_eq!(
            tree(&doc),
            [
                "heading:一、总体情况",
                "heading:二、收到和处理申请情况",
                "heading:三、行政复议情况",
                "  heading:（一）复议结果",
            ]
        );
    }

    #[test]
    fn out_of_sequence_numbers_are_text() {
        let doc = outline("一、回顾\n\n正文。\n\n三、不是标题\n\n二、计划\n\n正文。\n\n三、总结\n");
        let titles: Vec<String> = doc.sections.iter().map(Section::heading_text).collect();
        assert_eq!(titles, vec!["一、回顾", "二、计划", "三、总结"]);
        assert_eq!(doc.sections[0].paragraphs.len(), 2);
    }

    #[test]
    fn english_unmarked_and_markdown_headings() {
        let long = "Berkshire earned a great deal this year, and the operating businesses did well across the board, as they usually do.";
        let text = format!(
            "To the Shareholders:\n\n{long}\n\nThe Power of Retained Earnings\n\n{long}\n\nCompany\n\nApple\n\n## Insurance\n\n{long}\n\nItem 7. Management's Discussion\n\n{long}\n"
        );
        let doc = outline(&text);
        assert_eq!(doc.lang, Lang::En);
        let t = tree(&doc);
        assert!(
            t.contains(&"heading:The Power of Retained Earnings".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|l| l.ends_with(":Apple")), "{t:?}");
        assert!(t.iter().any(|l| l.ends_with("heading:Insurance")), "{t:?}");
        assert!(
            t.iter()
                .any(|l| l.contains("Item 7. Management's Discussion")),
            "{t:?}"
        );
    }

    #[test]
    fn documents_without_headings_are_outlined_by_paragraph() {
        let text = "Sir, we have been fighting for three years. It was hard.\n\nOur economy grew by 3.6% in 2022.\n\nInflation was high.\n";
        let doc = outline(text);
        assert_eq!(doc.sections.len(), 1);
        let kinds: Vec<_> = doc.sections[0].children.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![SectionKind::Paragraph; 3]);
        assert_eq!(
            doc.sections[0].children[0].title,
            "Sir, we have been fighting for three years."
        );
    }

    #[test]
    fn line_ranges_cover_children() {
        let doc = outline(
            "一、回顾\n\n正文一。\n\n（一）小节。正文二。\n\n正文三。\n\n二、计划\n\n正文四。\n\n三、总结\n",
        );
        assert_eq!(doc.sections[0].lines, (1, 7));
        assert_eq!(doc.sections[0].children[0].lines, (5, 7));
        assert_eq!(doc.sections[1].lines, (9, 11));
    }
}

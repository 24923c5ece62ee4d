//! The outline: clean paragraphs parsed into a tree of sections (`Document`).
//!
//! Headings are recognised by their numbering (see [`crate::heading`]) and, in English, by
//! short title-case lines standing between paragraphs. In Chinese reports a paragraph that
//! opens with a short lead sentence (`重点产业支撑有力。`) is an **item**, a section of its own
//! whose title is that sentence. Text before the first heading is the preamble; the closing
//! address (`各位代表！…`) is the closing section. A report with almost no headings is
//! outlined paragraph by paragraph so that alignment still has units to work with.

use std::collections::HashMap;

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
    let paragraphs = &clean.paragraphs;

    let closing_from = match lang {
        Lang::Zh => find_closing(paragraphs),
        Lang::En => None,
    };
    let body_end = closing_from.unwrap_or(paragraphs.len());

    let mut builder = TreeBuilder::default();
    let mut preamble = new_section(
        SectionKind::Preamble,
        String::new(),
        String::new(),
        paragraphs.first().map_or(1, |p| p.lines.0),
    );
    let mut heading_count = 0usize;
    for i in 0..body_end {
        let p = &paragraphs[i];
        let prev = i.checked_sub(1).map(|j| &paragraphs[j]);
        let next = paragraphs.get(i + 1);
        if let Some((numbering, title, rest)) = recognise_heading(lang, p, prev, next, &builder) {
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
        closing.paragraphs = paragraphs[from..].to_vec();
        sections.push(closing);
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
        format: crate::model::InputFormat::Text,
        extractor: None,
        pages: Vec::new(),
        sections,
    }
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
            Some(&last) => v == last + 1 || v == 1 && self.opens_new_scope(style),
            None => {
                v <= 2
                    || matches!(
                        style,
                        HeadingStyle::Markdown(_) | HeadingStyle::Item | HeadingStyle::Part
                    )
            }
        }
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
            HeadingStyle::ZhOrdinal => body.is_none() && title_len <= 40,
            HeadingStyle::ZhLevel2 | HeadingStyle::ZhLevel3 | HeadingStyle::ZhLevel4 => {
                title_len <= 60 && rest.chars().next().is_some_and(|c| !c.is_ascii_digit())
            }
            HeadingStyle::Markdown(_) => true,
            HeadingStyle::Part | HeadingStyle::Item => display_width(text) <= 120,
            HeadingStyle::Numbered(_) => {
                body.is_none() && display_width(text) <= 90 && !text.ends_with(['.', ',', ';', ':'])
            }
            HeadingStyle::Unmarked => false,
        };
        if ok && builder.fits_sequence(n.style, numbering_value(&n.number)) {
            return Some((n, title, body));
        }
        return None;
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
            if s.children.is_empty() && s.paragraphs.len() > 1 && s.kind != SectionKind::Closing {
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

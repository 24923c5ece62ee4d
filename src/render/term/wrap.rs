//! Line wrapping for the terminal: where lines may break, and styled text laid out in lines.
//!
//! Breaks follow the Unicode line-breaking rules (UAX #14, through `textwrap`): English breaks
//! between words, never inside a word or a number; Chinese may break between any two
//! characters, but never before closing punctuation (`，。、》”）`) nor after opening
//! punctuation. On top of those rules a number stays with the Han character right after it
//! (`2023年`, `1.3万亿`) and a run of Chinese numerals stays whole (`十四`), since a reader
//! takes either as one word.
//!
//! Wrapping is done on the plain text first and the styles are applied to each line's pieces
//! afterwards, so every physical line opens and closes its own styles: no escape sequence
//! spans a line end, and padding after a line is never styled.

use std::ops::Range;

use console::Style;
use textwrap::WordSeparator;
use unicode_width::UnicodeWidthChar;

use crate::script::display_width;

/// A piece of text in one style.
#[derive(Debug, Clone)]
pub(super) struct Span {
    /// The text, one line (control characters are replaced when laid out).
    pub text: String,
    /// Its style; `Style::new()` for plain text.
    pub style: Style,
    /// Bytes of an opening and a closing mark that are part of `text` (`[-`, `-]`): a line
    /// never breaks between a mark and the text it marks.
    pub marks: (usize, usize),
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::new(),
            marks: (0, 0),
        }
    }

    /// Plain text between an opening and a closing mark.
    pub fn marked(open: &str, text: &str, close: &str) -> Span {
        Span {
            text: format!("{open}{text}{close}"),
            style: Style::new(),
            marks: (open.len(), close.len()),
        }
    }

    /// Text in `style`.
    pub fn styled(text: impl Into<String>, style: &Style) -> Span {
        Span {
            text: text.into(),
            style: style.clone(),
            marks: (0, 0),
        }
    }
}

/// A breakable unit: a word (or an unbreakable run) and the spaces after it, as byte offsets.
struct Unit {
    start: usize,
    word_end: usize,
    end: usize,
    width: usize,
}

/// Chinese numerals: a run of them is one number (`十四`, `三千`).
fn is_han_numeral(c: char) -> bool {
    crate::script::is_chinese_numeral(c) || matches!(c, '万' | '亿')
}

/// Whether a break between `before` and `after` (with no space between) would split what a
/// reader takes as one number.
fn splits_number(before: char, after: char) -> bool {
    (before.is_ascii_digit() && crate::script::is_han(after))
        || (is_han_numeral(before) && is_han_numeral(after))
}

/// The units of `text` in order, covering it without gaps; no unit starts at a byte offset in
/// `keep` (sorted).
fn units(text: &str, keep: &[usize]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut at = 0;
    for word in WordSeparator::UnicodeBreakProperties.find_words(text) {
        let start = at;
        let word_end = start + word.word.len();
        let end = word_end + word.whitespace.len() + word.penalty.len();
        at = end;
        let glued = out.last().is_some_and(|prev| {
            keep.binary_search(&start).is_ok()
                || prev.word_end == prev.end
                    && text[..start]
                        .chars()
                        .next_back()
                        .zip(text[start..].chars().next())
                        .is_some_and(|(a, b)| splits_number(a, b))
        });
        match out.last_mut() {
            Some(prev) if glued => {
                prev.word_end = word_end;
                prev.end = end;
            }
            _ => out.push(Unit {
                start,
                word_end,
                end,
                width: 0,
            }),
        }
    }
    for u in &mut out {
        u.width = display_width(&text[u.start..u.word_end]);
    }
    out
}

/// The lines of `text` at most `width` columns wide, as byte ranges without the spaces at a
/// break, and no break at the byte offsets in `keep` (sorted). A word wider than a whole line
/// is the one thing cut, at a character boundary. Always at least one line (empty for empty
/// text).
fn break_lines(text: &str, width: usize, keep: &[usize]) -> Vec<Range<usize>> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line: Option<Range<usize>> = None;
    let mut used = 0;
    for u in units(text, keep) {
        let space = display_width(&text[u.word_end..u.end]);
        if u.width > width {
            // Too wide for any line: it starts a line of its own and is cut by columns.
            if let Some(l) = line.take() {
                lines.push(l);
            }
            let mut start = u.start;
            let mut w = 0;
            for (i, c) in text[u.start..u.word_end].char_indices() {
                let cw = c.width().unwrap_or(0);
                if w + cw > width && w > 0 {
                    lines.push(start..u.start + i);
                    start = u.start + i;
                    w = 0;
                }
                w += cw;
            }
            line = Some(start..u.word_end);
            used = w + space;
            continue;
        }
        match &mut line {
            Some(l) if used + u.width <= width => {
                l.end = u.word_end;
                used += u.width + space;
            }
            _ => {
                if let Some(l) = line.take() {
                    lines.push(l);
                }
                line = Some(u.start..u.word_end);
                used = u.width + space;
            }
        }
    }
    lines.push(line.unwrap_or(0..0));
    lines
}

/// Control characters would move the cursor or start escape sequences of their own.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Lays `spans` out in lines of at most `width` columns, each line styled on its own.
pub(super) fn wrap_spans(spans: &[Span], width: usize) -> Vec<String> {
    let mut plain = String::new();
    let mut bounds = Vec::with_capacity(spans.len());
    let mut keep = Vec::new();
    for s in spans {
        let start = plain.len();
        plain.push_str(&clean(&s.text));
        // Cleaning keeps every character's length except control characters, which marks
        // never hold.
        let (open, close) = s.marks;
        if open > 0 {
            keep.push(start + open);
        }
        if close > 0 {
            keep.push(plain.len().saturating_sub(close));
        }
        bounds.push((start..plain.len(), &s.style));
    }
    keep.sort_unstable();
    break_lines(&plain, width, &keep)
        .into_iter()
        .map(|line| {
            let mut out = String::new();
            for (range, style) in &bounds {
                let (a, b) = (range.start.max(line.start), range.end.min(line.end));
                if a < b {
                    out.push_str(&style.apply_to(&plain[a..b]).to_string());
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        break_lines(text, width, &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn english_breaks_between_words() {
        let text = "Berkshire's gain in net worth during 2014 was $18.3 billion, which increased \
                    the per-share book value of both our Class A and Class B stock by 8.3%.";
        let got = lines(text, 30);
        for l in &got {
            assert!(display_width(l) <= 30, "{l:?}");
            assert!(!l.starts_with(' ') && !l.ends_with(' '), "{l:?}");
        }
        // Every line is whole words: joined with spaces they give the text back.
        assert_eq!(got.join(" "), text);
        assert!(got.iter().any(|l| l.contains("$18.3 billion")), "{got:?}");
        assert!(got.iter().any(|l| l.contains("per-share")), "{got:?}");
    }

    #[test]
    fn chinese_never_breaks_before_closing_punctuation() {
        let text = "国内生产总值增长5.2%，城镇新增就业1244万人，实施“强基计划”和基础学科拔尖人才培养计划。";
        for width in 8..40 {
            let got = lines(text, width);
            assert_eq!(got.concat(), text, "width {width}");
            for l in &got {
                assert!(display_width(l) <= width, "{l:?} at {width}");
                let first = l.chars().next().unwrap();
                assert!(!"，。、”）》".contains(first), "{l:?} at {width}");
                assert!(!l.ends_with('“'), "{l:?} at {width}");
            }
            assert!(got.iter().all(|l| !l.ends_with("124")), "{got:?}");
        }
    }

    #[test]
    fn numbers_stay_with_their_unit_and_numerals_stay_whole() {
        let text = "第十四届全国人民代表大会第一次会议，赤字率3%，发行1.3万亿元超长期特别国债。";
        // From 8 columns on, `1.3万亿` (7 columns) fits a line.
        for width in 8..30 {
            let got = lines(text, width);
            assert_eq!(got.concat(), text);
            for l in &got {
                assert!(
                    !l.ends_with('十') && !l.ends_with("1.3"),
                    "{l:?} at {width}"
                );
                assert!(!l.ends_with("1.3万"), "{l:?} at {width}");
            }
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        let text = "the word supercalifragilisticexpialidocious is long";
        let got = lines(text, 16);
        // The long word starts a line of its own and is cut at 16 columns; the rest of it
        // shares a line with the next words.
        assert_eq!(
            got,
            [
                "the word",
                "supercalifragili",
                "sticexpialidocio",
                "us is long"
            ]
        );
    }

    #[test]
    fn styles_open_and_close_on_every_line() {
        let red = Style::new().red().force_styling(true);
        let spans = [
            Span::plain("kept words and "),
            Span::styled("a long deleted passage that wraps", &red),
            Span::plain(" then more"),
        ];
        let got = wrap_spans(&spans, 12);
        assert!(got.len() > 3, "{got:?}");
        for l in &got {
            let opens = l.matches("\u{1b}[31m").count();
            let closes = l.matches("\u{1b}[0m").count();
            assert_eq!(opens, closes, "{l:?}");
            assert!(console::measure_text_width(l) <= 12, "{l:?}");
        }
        assert_eq!(got[0], "kept words");
        assert_eq!(got[1], "and \u{1b}[31ma long\u{1b}[0m");
        assert_eq!(got[4], "\u{1b}[31mwraps\u{1b}[0m then");
        assert_eq!(got[5], "more");
    }

    #[test]
    fn marks_stay_with_the_text_they_mark() {
        let spans = [
            Span::plain("向大会报告"),
            Span::marked("[-", "政府工作", "-]"),
            Span::marked("{+", "工作 ", "+}"),
            Span::plain("，请予审议，并请全国政协委员提出意见。"),
        ];
        for width in 6..40 {
            for l in wrap_spans(&spans, width) {
                assert!(
                    !l.starts_with("-]") && !l.starts_with("+}"),
                    "{l:?} at {width}"
                );
                assert!(!l.ends_with("[-") && !l.ends_with("{+"), "{l:?} at {width}");
            }
        }
    }

    #[test]
    fn control_characters_are_not_written() {
        let got = wrap_spans(&[Span::plain("a\u{1b}[31mb\tc")], 40);
        assert_eq!(got, vec!["a\u{fffd}[31mb c".to_string()]);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(break_lines("", 20, &[]), vec![0..0]);
        assert_eq!(wrap_spans(&[], 20), vec![String::new()]);
    }
}

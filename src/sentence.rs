//! Sentence splitting for Chinese and English text.
//!
//! Chinese sentences end at `。！？；`; English ones at `. ! ?` followed by a space and a capital,
//! except after abbreviations (`Mr.`, `Inc.`, `U.S.`), initials (`Warren E. Buffett`) and inside
//! numbers (`3.5`). Closing quotes and brackets stay with the sentence they close.

use std::ops::Range;
use std::sync::LazyLock;

use crate::script::{is_closing, is_han};
use crate::vocab;

static ABBREVIATIONS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../data/vocab/en-abbreviations.txt")));

/// Splits `text` into sentences, returned as byte ranges of `text` without surrounding spaces.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (_, c) = chars[i];
        let ends = match c {
            '。' | '！' | '？' | '；' => true,
            '!' | '?' => next_opens_sentence(&chars, i + 1),
            '.' => is_english_full_stop(text, &chars, i),
            '…' => chars.get(i + 1).is_none_or(|&(_, n)| n != '…') && follows_cjk(&chars, i),
            _ => false,
        };
        i += 1;
        if ends {
            // Keep closing quotes and repeated marks ("！”", "?!") with the sentence.
            while i < chars.len()
                && (is_closing(chars[i].1) || matches!(chars[i].1, '!' | '?' | '！' | '？'))
            {
                i += 1;
            }
            let end = chars.get(i).map_or(text.len(), |&(o, _)| o);
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

fn follows_cjk(chars: &[(usize, char)], i: usize) -> bool {
    i > 0 && is_han(chars[i - 1].1)
}

/// After `!`/`?`/`.`: a space then a capital, digit, quote or CJK character, or the end.
fn next_opens_sentence(chars: &[(usize, char)], mut j: usize) -> bool {
    while j < chars.len() && is_closing(chars[j].1) {
        j += 1;
    }
    if j >= chars.len() {
        return true;
    }
    if is_han(chars[j].1) {
        return true;
    }
    if !chars[j].1.is_whitespace() {
        return false;
    }
    while j < chars.len() && chars[j].1.is_whitespace() {
        j += 1;
    }
    match chars.get(j) {
        None => true,
        Some(&(_, n)) => {
            n.is_uppercase()
                || n.is_ascii_digit()
                || is_han(n)
                || matches!(n, '"' | '“' | '‘' | '(' | '[' | '$' | '*')
        }
    }
}

fn is_english_full_stop(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    // Decimals and version numbers: "3.5", "7.0".
    if i > 0
        && chars[i - 1].1.is_ascii_digit()
        && chars.get(i + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
    {
        return false;
    }
    // A list number in Chinese text: `1.属于国家秘密`, one or two digits and the item's text
    // right after the dot.
    let digits = chars[..i]
        .iter()
        .rev()
        .take(3)
        .take_while(|&&(_, c)| c.is_ascii_digit())
        .count();
    if (1..=2).contains(&digits) && chars.get(i + 1).is_some_and(|&(_, n)| is_han(n)) {
        return false;
    }
    if !next_opens_sentence(chars, i + 1) {
        return false;
    }
    // The word before the full stop. Abbreviations are short, so looking back a few
    // characters is enough, and keeps long runs without spaces linear.
    let mut start = i;
    while start > 0 && i - start < MAX_ABBREVIATION_CHARS {
        let c = chars[start - 1].1;
        if c.is_whitespace() || matches!(c, '(' | '“' | '"') {
            break;
        }
        start -= 1;
    }
    let word = &text[chars[start].0..chars[i].0];
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false; // an initial: "Warren E. Buffett"
    }
    !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Longer than any abbreviation in [`ABBREVIATIONS`].
const MAX_ABBREVIATION_CHARS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn chinese() {
        assert_eq!(
            split("重点产业支撑有力。做优做强重点产业；发布新政策！是否可行？"),
            vec![
                "重点产业支撑有力。",
                "做优做强重点产业；",
                "发布新政策！",
                "是否可行？"
            ]
        );
    }

    #[test]
    fn chinese_list_numbers_are_no_full_stops() {
        assert_eq!(split("1.属于国家秘密1 0 1"), ["1.属于国家秘密1 0 1"]);
        assert_eq!(
            split("包括：1.规章；2.规范性文件。"),
            ["包括：1.规章；", "2.规范性文件。"]
        );
        // A year that ends an English sentence still ends it.
        assert_eq!(split("It grew in 2020. 然后"), ["It grew in 2020.", "然后"]);
    }

    #[test]
    fn chinese_closing_quotes_stay() {
        assert_eq!(
            split("他说：“要稳中求进。”随后散会。"),
            vec!["他说：“要稳中求进。”", "随后散会。"]
        );
    }

    #[test]
    fn english_with_abbreviations_initials_and_decimals() {
        assert_eq!(
            split(
                "Mr. Buffett wrote 3.5 pages. Warren E. Buffett signed it! Did U.S. Steel rise? Yes."
            ),
            vec![
                "Mr. Buffett wrote 3.5 pages.",
                "Warren E. Buffett signed it!",
                "Did U.S. Steel rise?",
                "Yes."
            ]
        );
    }

    #[test]
    fn english_quote_after_stop() {
        assert_eq!(
            split("It was “marked to market.” The rest followed."),
            vec!["It was “marked to market.”", "The rest followed."]
        );
    }

    #[test]
    fn abbreviations_fit_the_look_back() {
        // The look-back before a full stop is bounded, so a longer entry could never match.
        for a in ABBREVIATIONS.iter() {
            assert!(a.chars().count() < MAX_ABBREVIATION_CHARS, "{a}");
            assert_eq!(*a, a.to_lowercase(), "{a}");
        }
    }

    #[test]
    fn text_without_final_punctuation_is_one_sentence() {
        assert_eq!(split("  2024 年工作回顾 "), vec!["2024 年工作回顾"]);
        assert!(split("   ").is_empty());
    }
}

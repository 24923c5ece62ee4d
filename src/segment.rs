//! Word segmentation for inline diffs.
//!
//! A change reads as whole phrases only if the diff runs over words. Chinese has no spaces, and
//! Unicode word rules cut it into single characters, so Chinese runs go through the `jieba-rs`
//! segmenter; Latin text is split with Unicode word boundaries. Numbers (`180.97`, `7.0`,
//! `1,244`, `7.38%`) are always one token, whatever the segmenter would do with them.
//!
//! The segmenter runs its statistical (HMM) model with a small vocabulary of report language
//! (`src/segment_words.txt`) instead of the full 350,000-word dictionary: loading that
//! dictionary takes about 150 ms, twenty times a whole comparison, while inline diffs only
//! need plausible word boundaries next to an edit. The segmenter is built on first use.

use std::sync::LazyLock;

use jieba_rs::Jieba;
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use crate::script::is_han;

/// Words the model alone tends to cut wrongly (`行动方案`, `生产总值`, `位居`).
const VOCABULARY: &str = include_str!("segment_words.txt");

/// How often each vocabulary word counts as seen: high enough to win over the model's guesses.
const VOCABULARY_FREQUENCY: usize = 2000;

/// A word segmenter for Chinese runs: jieba's model plus the report vocabulary.
pub struct Segmenter(Jieba);

impl Segmenter {
    /// Builds a segmenter (a fraction of a millisecond; see the `segmenter_start` benchmark).
    pub fn new() -> Segmenter {
        let mut jieba = Jieba::empty();
        for word in VOCABULARY
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            jieba.add_word(word, Some(VOCABULARY_FREQUENCY), None);
        }
        Segmenter(jieba)
    }

    /// Cuts a run of Han characters into words.
    pub fn cut<'a>(&self, run: &'a str) -> Vec<&'a str> {
        self.0.cut(run, true).into_iter().map(|t| t.word).collect()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

/// Numbers with separators, decimals and a trailing percent sign.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]+(?:[.,][0-9]+)*%?").unwrap());

/// Splits `text` into tokens that concatenate back to `text`: words, numbers, spaces and
/// punctuation marks.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(m) = NUMBER.find(rest) {
            out.push(&rest[..m.end()]);
            rest = &rest[m.end()..];
            continue;
        }
        let first = rest.chars().next().unwrap();
        let run_end = if is_han(first) {
            rest.char_indices()
                .find(|&(_, c)| !is_han(c))
                .map_or(rest.len(), |(i, _)| i)
        } else {
            rest.char_indices()
                .find(|&(i, c)| i > 0 && (is_han(c) || starts_number(&rest[i..])))
                .map_or(rest.len(), |(i, _)| i)
        };
        let run = &rest[..run_end];
        if is_han(first) {
            out.extend(SEGMENTER.cut(run));
        } else {
            out.extend(run.split_word_bounds());
        }
        rest = &rest[run_end..];
    }
    out
}

fn starts_number(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_words_and_whole_numbers() {
        let t = tokens("区级一般公共预算收入完成180.97亿元，同比增长7.38%。");
        assert_eq!(
            t.concat(),
            "区级一般公共预算收入完成180.97亿元，同比增长7.38%。"
        );
        assert!(t.contains(&"180.97"), "{t:?}");
        assert!(t.contains(&"7.38%"), "{t:?}");
        assert!(t.contains(&"预算"), "{t:?}");
        assert!(t.contains(&"增长"), "{t:?}");
        let t = tokens("国内生产总值增长5%左右，城镇新增就业1200万人左右");
        for w in [
            "国内生产总值",
            "5%",
            "左右",
            "城镇",
            "新增就业",
            "1200",
            "万人",
        ] {
            assert!(t.contains(&w), "{w} in {t:?}");
        }
    }

    #[test]
    fn english_words_spaces_and_numbers() {
        let t = tokens("Berkshire earned $4.0 billion in 2018, up 1,244 shares.");
        assert_eq!(
            t.concat(),
            "Berkshire earned $4.0 billion in 2018, up 1,244 shares."
        );
        for w in [
            "Berkshire",
            "earned",
            "4.0",
            "billion",
            "2018",
            "1,244",
            " ",
            ".",
        ] {
            assert!(t.contains(&w), "{w} in {t:?}");
        }
    }

    #[test]
    fn versions_and_mixed_runs() {
        let t = tokens("营商环境建设7.0版行动方案");
        assert!(t.contains(&"7.0"), "{t:?}");
        assert!(t.contains(&"行动方案"), "{t:?}");
        assert_eq!(t.concat(), "营商环境建设7.0版行动方案");
    }
}

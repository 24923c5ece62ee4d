//! Recognising the numbering that opens a heading: `一、`, `（一）`, `1.`/`1、`, `（1）`,
//! Markdown `#`, `PART I`, `Item 7.` and numbered English headings (`1.`, `2.3`).
//!
//! Recognition only looks at the start of a paragraph. Whether a match really is a heading (and
//! what its title is) is decided by the outline parser, which sees the whole paragraph.

use std::sync::LazyLock;

use regex::Regex;

/// The numbering style of a heading. Styles have a fixed rank, so a `（一）` heading always sits
/// under a `一、` heading whatever order a report uses them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadingStyle {
    /// Markdown `#` with its depth (1–6).
    Markdown(u8),
    /// `PART I` in a filing.
    Part,
    /// `Item 7.` in a filing.
    Item,
    /// `一、`
    ZhLevel1,
    /// `（一）`
    ZhLevel2,
    /// `1.` or `1、` in a Chinese report.
    ZhLevel3,
    /// `（1）`
    ZhLevel4,
    /// `一是…。` standing alone as a paragraph: a sub-heading in a review part.
    ZhOrdinal,
    /// English numbered heading with its depth (`1.` is 1, `1.2` is 2).
    Numbered(u8),
    /// A short title-case line with no numbering (`The Power of Retained Earnings`).
    Unmarked,
    /// An unnumbered part title of a Chinese report (`2024年工作回顾`, `“十五五”时期的主要目标任务`),
    /// above `一、`: a report that titles its parts without numbers may number the sections of
    /// each part `一、` or `（一）`.
    ZhPart,
}

impl HeadingStyle {
    /// Nesting rank: a heading closes every open heading of the same or a higher rank.
    pub fn rank(self) -> u8 {
        match self {
            HeadingStyle::Markdown(d) => d,
            HeadingStyle::Part => 10,
            HeadingStyle::Item => 20,
            HeadingStyle::ZhLevel1 => 10,
            HeadingStyle::ZhLevel2 => 20,
            HeadingStyle::ZhLevel3 => 30,
            HeadingStyle::ZhLevel4 => 40,
            HeadingStyle::ZhOrdinal => 25,
            HeadingStyle::Numbered(d) => 30 + d,
            HeadingStyle::Unmarked => 50,
            HeadingStyle::ZhPart => 5,
        }
    }
}

/// The numbering found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering {
    /// The style of the numbering.
    pub style: HeadingStyle,
    /// The numbering as written, without surrounding spaces (`一、`, `（三）`, `Item 7.`).
    pub number: String,
    /// Byte offset in the paragraph where the text after the numbering starts.
    pub rest_start: usize,
}

static PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:part)\s+([IVX]{1,5})\b\.?\s*").unwrap());
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:item)\s+([0-9]{1,2}[A-C]?)\.?(?:\s+|$)").unwrap());

// The numberings below are read by hand: each is a run of numerals between fixed marks, and
// compiling them as patterns cost more than outlining a short report. A run is matched whole
// (`[一…十]{1,3}` followed by a mark): what follows a run never continues it, so a longer
// run is no match, as it is none for the pattern.

/// The end of the spaces (`\s*`) at byte `at`.
fn spaces_end(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start().len()
}

/// The end of the run of `1..=max` characters `is` at byte `at`, when the run is no longer.
fn run_end(text: &str, at: usize, is: fn(char) -> bool, max: usize) -> Option<usize> {
    let len: usize = text[at..]
        .chars()
        .take(max + 1)
        .take_while(|&c| is(c))
        .map(char::len_utf8)
        .sum();
    let count = text[at..at + len].chars().count();
    (1..=max).contains(&count).then_some(at + len)
}

/// The end of one of `marks` at byte `at`.
fn mark_end(text: &str, at: usize, marks: &[char]) -> Option<usize> {
    let c = text[at..].chars().next().filter(|c| marks.contains(c))?;
    Some(at + c.len_utf8())
}

fn is_zh_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Where the numbering a function reads ends, if the text opens with it.
type NumberingEnd = fn(&str) -> Option<usize>;

/// `一、`: `^[一…十]{1,3}\s*、\s*`, the end of the match.
fn zh1_end(text: &str) -> Option<usize> {
    let at = spaces_end(text, run_end(text, 0, is_zh_numeral, 3)?);
    Some(spaces_end(text, mark_end(text, at, &['、'])?))
}

/// `（一）` (`digits` false) or `（1）`: `^[（(]\s*NUMBER\s*[）)]\s*`.
fn bracketed(text: &str, digits: bool) -> Option<usize> {
    let at = spaces_end(text, mark_end(text, 0, &['（', '('])?);
    let at = if digits {
        run_end(text, at, |c| c.is_ascii_digit(), 2)?
    } else {
        run_end(text, at, is_zh_numeral, 3)?
    };
    let at = spaces_end(text, at);
    Some(spaces_end(text, mark_end(text, at, &['）', ')'])?))
}

/// `1、`, `1.`: `^[0-9]{1,2}\s*[、.．]\s*`.
fn zh3_end(text: &str) -> Option<usize> {
    let at = spaces_end(text, run_end(text, 0, |c| c.is_ascii_digit(), 2)?);
    Some(spaces_end(text, mark_end(text, at, &['、', '.', '．'])?))
}

/// `#` to `######`, then spaces: the number of marks and the end of the spaces.
fn markdown(text: &str) -> Option<(usize, usize)> {
    let hashes = run_end(text, 0, |c| c == '#', 6)?;
    let end = spaces_end(text, hashes);
    (end > hashes).then_some((hashes, end))
}

/// `1.`, `2.3`, `1.2.3.4` then spaces: `^([0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\.?\s+`, the end of
/// the number and of the match. A dot that fails to open a part is the optional last dot, so
/// reading the parts greedily is the only way to match.
fn numbered(text: &str) -> Option<(usize, usize)> {
    let digits = |at| run_end(text, at, |c| c.is_ascii_digit(), 2);
    let mut number_end = digits(0)?;
    for _ in 0..3 {
        match mark_end(text, number_end, &['.']).and_then(digits) {
            Some(end) => number_end = end,
            None => break,
        }
    }
    let dot_end = mark_end(text, number_end, &['.']).unwrap_or(number_end);
    let end = spaces_end(text, dot_end);
    (end > dot_end).then_some((number_end, end))
}

/// Finds Chinese heading numbering at the start of `text`.
pub fn chinese_numbering(text: &str) -> Option<Numbering> {
    let candidates: [(NumberingEnd, HeadingStyle); 4] = [
        (|t| bracketed(t, false), HeadingStyle::ZhLevel2),
        (|t| bracketed(t, true), HeadingStyle::ZhLevel4),
        (zh1_end, HeadingStyle::ZhLevel1),
        (zh3_end, HeadingStyle::ZhLevel3),
    ];
    for (find, style) in candidates {
        if let Some(rest_start) = find(text) {
            // `1.5%` is a decimal, not heading 1 (`1. 5` with a space after the dot is neither).
            if style == HeadingStyle::ZhLevel3
                && !text[..rest_start].contains('、')
                && text[rest_start..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let number = text[..rest_start].trim().to_string();
            if rest_start >= text.len() {
                return None;
            }
            return Some(Numbering {
                style,
                number,
                rest_start,
            });
        }
    }
    None
}

/// Finds `一是` / `二是` at the start of `text`. Such a paragraph is a heading only when it is
/// one short sentence; the outline parser checks that.
pub fn chinese_ordinal(text: &str) -> Option<Numbering> {
    let end = mark_end(text, run_end(text, 0, is_zh_numeral, 3)?, &['是'])?;
    (end < text.len()).then(|| Numbering {
        style: HeadingStyle::ZhOrdinal,
        number: text[..end].to_string(),
        rest_start: end,
    })
}

/// Finds English heading numbering at the start of `text`.
pub fn english_numbering(text: &str) -> Option<Numbering> {
    if let Some((hashes, end)) = markdown(text) {
        return Some(Numbering {
            style: HeadingStyle::Markdown(hashes as u8),
            number: text[..hashes].to_string(),
            rest_start: end,
        });
    }
    for (re, style, word) in [
        (&PART, HeadingStyle::Part, "part"),
        (&ITEM, HeadingStyle::Item, "item"),
    ] {
        if let Some(m) = opens_with(text, word).then(|| re.find(text)).flatten() {
            return Some(Numbering {
                style,
                number: text[..m.end()].trim().to_string(),
                rest_start: m.end(),
            });
        }
    }
    if let Some((number_end, end)) = numbered(text) {
        let depth = text[..number_end].split('.').count() as u8;
        let rest = &text[end..];
        // "2019 was a good year" is not a heading: numbers of headings are small.
        if rest.chars().next().is_some_and(|ch| ch.is_uppercase()) {
            return Some(Numbering {
                style: HeadingStyle::Numbered(depth),
                number: text[..end].trim().to_string(),
                rest_start: end,
            });
        }
    }
    None
}

/// The lead sentence a Chinese item opens with (`重点产业支撑有力。`,
/// `——经济保持恢复发展。`): 2–20 characters, mostly Han, without commas or other clause marks,
/// ending in `。`. Returns the byte ranges of the lead (without dashes and `。`) and of the text
/// after the `。`.
pub fn lead_sentence(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let start = text.len() - text.trim_start_matches(['—', '-', '－']).len();
    let end = start + text[start..].find('。')?;
    let lead = &text[start..end];
    let n = lead.chars().count();
    let han = lead.chars().filter(|&c| crate::script::is_han(c)).count();
    ((2..=20).contains(&n) && !lead.contains(['，', '；', '：', ',', '！', '？']) && han * 2 >= n)
        .then_some((start..end, end + '。'.len_utf8()))
}

static PART_TITLE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/zh-part-title-words.txt")));
static APPENDIX_TITLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/zh-appendix-titles.txt")));

/// Longest unnumbered part title, in characters (`“十五五”时期的主要目标任务` has 14).
const MAX_PART_TITLE: usize = 24;

/// A line that reads as the title of a part of a Chinese report without numbering: short,
/// no punctuation inside or at the end, mostly Han, holding a word of part titles
/// (`2024年工作回顾`, `2026年重点工作`, `“十四五”时期工作回顾`, `加强政府自身建设`). Whether it
/// stands where a title stands is for [`unnumbered_part`] to say.
pub fn is_part_title(text: &str) -> bool {
    let n = text.chars().count();
    let han = text.chars().filter(|&c| crate::script::is_han(c)).count();
    // Han, the digits of a year and the quotes of a plan's name (`“十四五”`), nothing else.
    let plain = text.chars().all(|c| {
        crate::script::is_han(c) || c.is_ascii_digit() || matches!(c, '“' | '”' | '《' | '》')
    });
    (4..=MAX_PART_TITLE).contains(&n)
        && han >= 4
        && plain
        && !text.ends_with(['的', '和', '与', '及'])
        && chinese_numbering(text).is_none()
        && chinese_ordinal(text).is_none()
        && PART_TITLE_WORDS.iter().any(|w| text.contains(w))
}

/// An unnumbered part title in place: a [`is_part_title`] paragraph after a finished
/// sentence (or the address `各位代表：`) and before a real paragraph or a numbered heading.
/// A bold phrase split out of a sentence (`…发展的` / `主要目标` / `是：…`) fails the first
/// test, a line in a list of short lines the last.
pub fn unnumbered_part(text: &str, prev: Option<&str>, next: Option<&str>) -> bool {
    let after_sentence = prev.is_none_or(|p| {
        p.trim_end_matches(crate::script::is_closing)
            .ends_with(|c: char| crate::script::is_sentence_final(c) || matches!(c, '：' | ':'))
    });
    let before_body = next.is_some_and(|q| {
        crate::script::display_width(q) >= 40
            || starts_like_heading(q)
            || chinese_ordinal(q).is_some()
    });
    is_part_title(text) && after_sentence && before_body
}

/// The title of an appendix after the end of a report: one of the appendix words, alone
/// (`名词解释`, `注释：`) or followed by its number and a short title (`附件1`,
/// `附件2 名词解释`).
pub fn is_appendix_title(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['：', ':']);
    let Some(word) = APPENDIX_TITLES.iter().find(|w| t.starts_with(**w)) else {
        return false;
    };
    let rest = &t[word.len()..];
    let number_end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(c)))
        .map_or(rest.len(), |(i, _)| i);
    let title = rest[number_end..].trim();
    if title.is_empty() {
        return true;
    }
    // `附件2 名词解释`: a number, then a short title that is no sentence.
    number_end > 0
        && title.chars().count() <= 20
        && !title.contains(['，', '。', '；', '！', '？', ',', ';'])
}

/// Where the appendices of a Chinese report start: the first appendix title in the second
/// half of its paragraphs, or right after the closing address (`各位代表！…`). Everything
/// from there on is appendix.
pub fn appendix_start(paragraphs: &[&str]) -> Option<usize> {
    let half = paragraphs.len() / 2;
    (1..paragraphs.len()).find(|&i| {
        (i >= half || paragraphs[i - 1].starts_with("各位代表")) && is_appendix_title(paragraphs[i])
    })
}

/// True when a line starts like a heading in either language. Used by normalisation to end a
/// paragraph before a heading.
pub fn starts_like_heading(line: &str) -> bool {
    chinese_numbering(line).is_some()
        || markdown(line).is_some()
        || (opens_with(line, "part") && PART.is_match(line))
        || (opens_with(line, "item") && ITEM.is_match(line))
}

/// True when `text` opens with the ASCII `word` in any case: `PART` and `ITEM` are tried only
/// then (no letter of `part` or `item` folds to anything but its ASCII capital), so other
/// reports never compile them.
fn opens_with(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numberings read by hand give what their patterns gave, on every paragraph start of
    /// the samples and on starts cut and padded in every way.
    #[test]
    fn hand_read_numberings_match_their_patterns() {
        let end = |re: &Regex, t: &str| re.find(t).map(|m| m.end());
        let zh1 = Regex::new(r"^([一二三四五六七八九十]{1,3})\s*、\s*").unwrap();
        let zh2 = Regex::new(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*").unwrap();
        let zh3 = Regex::new(r"^([0-9]{1,2})\s*[、.．]\s*").unwrap();
        let zh4 = Regex::new(r"^[（(]\s*([0-9]{1,2})\s*[）)]\s*").unwrap();
        let ordinal = Regex::new(r"^([一二三四五六七八九十]{1,3})是").unwrap();
        let md = Regex::new(r"^(#{1,6})\s+").unwrap();
        let num = Regex::new(r"^([0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\.?\s+").unwrap();
        let mut texts: Vec<String> = [
            "一、总体",
            "十二 、 要求",
            "一二三四、太长",
            "（一）坚持",
            "( 十一 ) 加强",
            "（1）推进",
            "(12)x",
            "(123)x",
            "1、工作",
            "12．要求",
            "123、不是",
            "1.5%",
            "1. 5",
            "一是加强",
            "十一是",
            "一二三四是",
            "# Title",
            "###### Six",
            "####### Seven",
            "#NoSpace",
            "1. Intro",
            "1.2 Scope",
            "1.2.3.4 Deep",
            "1.2.3.4.5 Too deep",
            "1.234 No",
            "12.3. Dot",
            "123 No",
            "1.\u{3000}全角",
            "２０２３",
            "",
            "一",
            "（",
            "1",
            "#",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for sample in [
            include_str!("../samples/national-gwr-2022.txt"),
            include_str!("../samples/changning-gwr-2025.txt"),
        ] {
            texts.extend(sample.lines().map(|l| l.trim().to_string()));
        }
        for t in &texts {
            assert_eq!(zh1_end(t), end(&zh1, t), "{t}");
            assert_eq!(bracketed(t, false), end(&zh2, t), "{t}");
            assert_eq!(zh3_end(t), end(&zh3, t), "{t}");
            assert_eq!(bracketed(t, true), end(&zh4, t), "{t}");
            let by_hand = run_end(t, 0, is_zh_numeral, 3).and_then(|e| mark_end(t, e, &['是']));
            assert_eq!(by_hand, end(&ordinal, t), "{t}");
            let expected = md.captures(t).map(|c| (c[1].len(), c[0].len()));
            assert_eq!(markdown(t), expected, "{t}");
            let expected = num.captures(t).map(|c| (c[1].len(), c[0].len()));
            assert_eq!(numbered(t), expected, "{t}");
        }
    }

    fn zh(s: &str) -> Option<(HeadingStyle, String, String)> {
        chinese_numbering(s).map(|n| (n.style, n.number, s[n.rest_start..].to_string()))
    }

    #[test]
    fn chinese_levels() {
        assert_eq!(
            zh("一、2024 年工作回顾"),
            Some((
                HeadingStyle::ZhLevel1,
                "一、".into(),
                "2024 年工作回顾".into()
            ))
        );
        assert_eq!(
            zh("（十四）加强自身建设。"),
            Some((
                HeadingStyle::ZhLevel2,
                "（十四）".into(),
                "加强自身建设。".into()
            ))
        );
        assert_eq!(
            zh("(三)半角括号也算"),
            Some((HeadingStyle::ZhLevel2, "(三)".into(), "半角括号也算".into()))
        );
        assert_eq!(
            zh("1.优化营商环境"),
            Some((HeadingStyle::ZhLevel3, "1.".into(), "优化营商环境".into()))
        );
        assert_eq!(
            zh("2、稳就业"),
            Some((HeadingStyle::ZhLevel3, "2、".into(), "稳就业".into()))
        );
        assert_eq!(
            zh("（1）完善制度"),
            Some((HeadingStyle::ZhLevel4, "（1）".into(), "完善制度".into()))
        );
    }

    #[test]
    fn the_text_after_the_dot_is_kept_whole() {
        assert_eq!(
            zh("1.A类项目"),
            Some((HeadingStyle::ZhLevel3, "1.".into(), "A类项目".into()))
        );
    }

    #[test]
    fn decimals_and_plain_text_are_not_headings() {
        assert_eq!(zh("1.5%左右的增长"), None);
        assert_eq!(zh("2500亿元"), None);
        assert_eq!(zh("一是加强监管"), None);
        assert_eq!(zh("一、"), None);
    }

    #[test]
    fn chinese_ordinal_sub_headings() {
        let n = chinese_ordinal("六是加强生态环境保护，促进可持续发展。").unwrap();
        assert_eq!(
            (n.style, n.number.as_str()),
            (HeadingStyle::ZhOrdinal, "六是")
        );
        assert!(chinese_ordinal("是否").is_none());
        // Not a heading start for line joining: enumerations run on inside paragraphs.
        assert!(!starts_like_heading("二是加强监管；"));
    }

    #[test]
    fn unnumbered_part_titles() {
        // Sichuan 2025 titles its parts without numbers; the same words title the numbered
        // parts of other reports (`一、2024年工作回顾` Beijing, Guangdong, Shanghai, Zhejiang;
        // `二、2025年工作安排` Guangdong; `六、切实加强政府自身建设` national 2015;
        // `二、“十五五”时期的主要目标任务` Zhejiang 2026; `三、2026年重点工作` Beijing, Zhejiang).
        for title in [
            "2024年工作回顾",
            "2025年工作安排建议",
            "加强政府自身建设",
            "“十五五”时期的主要目标任务",
            "2026年重点工作",
            "“十四五”时期工作回顾",
        ] {
            assert!(is_part_title(title), "{title}");
        }
        let sentence = "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。";
        let body = "过去一年，是实现“十四五”规划目标任务的关键一年。面对严峻复杂形势和多重困难挑战，我们迎难而上。";
        assert!(unnumbered_part(
            "2024年工作回顾",
            Some(sentence),
            Some(body)
        ));
        assert!(unnumbered_part(
            "加强政府自身建设",
            Some(body),
            Some("（一）树牢正确政绩观。")
        ));
        // A bold phrase split out of a sentence (Guangdong 2026: `…今年经济社会发展的` /
        // `主要预期目标` / `是：…`), a titled number and a sentence are not part titles.
        assert!(!unnumbered_part(
            "主要预期目标",
            Some("今年经济社会发展的"),
            Some(body)
        ));
        assert!(!unnumbered_part(
            "2024年工作回顾",
            Some(sentence),
            Some("附件1")
        ));
        assert!(!is_part_title("一、2024年工作回顾"));
        assert!(!is_part_title("“十五五”时期经济社会发展的"));
        assert!(!is_part_title("重点做好以下10个方面工作："));
        assert!(!is_part_title("2026年省十件民生实事"));
    }

    #[test]
    fn appendix_titles() {
        // Guangdong 2025/2026 and Sichuan 2025/2026.
        for title in ["名词解释", "附件1", "附件2", "附件2 名词解释", "注释："] {
            assert!(is_appendix_title(title), "{title}");
        }
        for text in ["附件是指随文件发送的材料。", "注释工作", "名词解释，是指……"]
        {
            assert!(!is_appendix_title(text), "{text}");
        }
        let paragraphs = [
            "一、2024年工作回顾",
            "正文。",
            "各位代表！",
            "附件1",
            "名词解释",
            "1.“两重”：是指国家重大战略实施。",
        ];
        assert_eq!(appendix_start(&paragraphs), Some(3));
        assert_eq!(appendix_start(&["名词解释", "正文。", "正文。"]), None);
    }

    #[test]
    fn english_forms() {
        let md = english_numbering("## Insurance").unwrap();
        assert_eq!(md.style, HeadingStyle::Markdown(2));
        let part = english_numbering("PART II").unwrap();
        assert_eq!(part.style, HeadingStyle::Part);
        let item = english_numbering("Item 7. Management's Discussion").unwrap();
        assert_eq!(
            (item.style, item.number.as_str()),
            (HeadingStyle::Item, "Item 7.")
        );
        let item1a = english_numbering("ITEM 1A. RISK FACTORS").unwrap();
        assert_eq!(item1a.number, "ITEM 1A.");
        let num = english_numbering("2.3 Capital Allocation").unwrap();
        assert_eq!(num.style, HeadingStyle::Numbered(2));
        assert!(english_numbering("2019 was a good year").is_none());
        assert!(english_numbering("Items of note").is_none());
    }
}

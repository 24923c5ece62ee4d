//! The report's own year, and comparing text across editions relative to it.
//!
//! Edition N+1 says `2024年工作回顾` where edition N said `2023年工作回顾`. With a year shift of
//! 1 the two are the same text: every year in the new text equals the old year or the old year
//! plus the shift.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// The titles of a plan part after its year (`2025年主要任务`).
const ZH_PLAN_WORDS: [&str; 8] = [
    "工作总体部署",
    "重点工作",
    "政府工作任务",
    "主要任务",
    "经济社会发展",
    "工作安排",
    "工作任务",
    "发展主要预期目标",
];
static ZH_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([0-9]{{4}})\s*年\s*(?:{})",
        ZH_PLAN_WORDS.join("|")
    ))
    .unwrap()
});
static ZH_PROPOSAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"对\s*([0-9]{4})\s*年政府工作的建议").unwrap());
/// A month or a day, in digits or Chinese numerals (`1`, `27`, `一`, `二十七`).
const ZH_DAY: &str = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})";
/// The year of the date line under the title: dashes, then the day the report was delivered
/// (`——2025年1月8日在长宁区…`, `----2012年2月29日在…`, `——二〇二六年一月二十七日在…`, its
/// numerals written as digits first). Read by hand as the pattern
/// `^[—\-－–]+\s*([0-9]{4})\s*年\s*DAY\s*月\s*DAY\s*日` reads it, `DAY` being
/// `[0-9]{1,2}|[一二三四五六七八九十]{1,3}`: each run is followed by a mark it cannot continue
/// into, so a run is matched whole or not at all.
fn date_line_year(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(['—', '-', '－', '–']);
    if rest.len() == text.len() {
        return None;
    }
    let rest = rest.trim_start();
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    if digits(rest) != 4 {
        return None;
    }
    let day = |t: &str| -> Option<usize> {
        let n = digits(t);
        if n > 0 {
            return (n <= 2).then_some(n);
        }
        let numerals = t
            .chars()
            .take(4)
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count();
        // Every numeral is three bytes long.
        (1..=3).contains(&numerals).then_some(numerals * 3)
    };
    let after_year = rest[4..].trim_start().strip_prefix('年')?.trim_start();
    let after_month = after_year[day(after_year)?..]
        .trim_start()
        .strip_prefix('月')?
        .trim_start();
    after_month[day(after_month)?..]
        .trim_start()
        .starts_with('日')
        .then(|| &rest[..4])
}

/// The session line: the day, then the session it was delivered at, with or without dashes
/// (`2026年1月25日在北京市第十六届人民代表大会第四次会议上`, `（2025年1月8日在…会议上）`).
static ZH_SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[（(]?\s*([0-9]{{4}})\s*年\s*{ZH_DAY}\s*月\s*{ZH_DAY}\s*日.{{0,40}}?(?:人民代表大会|人大|会议)"
    ))
    .unwrap()
});
/// How many paragraphs from the top the date and session lines may stand.
const OPENING: usize = 15;
static ZH_YEAR_IS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([0-9]{4})\s*年是").unwrap());
static ZH_REVIEW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})\s*年\s*工作回顾").unwrap());
/// The period a filing's statements cover: `for the years ended September 30, 2023,
/// September 24, 2022 and September 25, 2021`, `For the fiscal year ended September 30, 2023`.
static EN_YEARS_ENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:\b(?:fiscal\s+)?years?\s+ended)\s+((?:[A-Z][a-z]+\s+[0-9]{1,2},\s*[0-9]{4}(?:,\s*|\s+and\s+|,\s*and\s+)?)+)",
    )
    .unwrap()
});
static EN_FISCAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?i:financial\s+year|fiscal\s+year|fiscal)\s+(?:[0-9]{1,2}\s+[A-Z][a-z]+\s+)?([0-9]{4})\b",
    )
    .unwrap()
});

/// Writes Chinese-numeral years (`二〇二五年`) with Arabic digits so one set of rules reads both:
/// four numerals, then `年` (spaces between them kept), leftmost first.
pub fn arabic_years(text: &str) -> String {
    let digit = |ch: char| match ch {
        '〇' | '零' => Some('0'),
        '一' => Some('1'),
        '二' => Some('2'),
        '三' => Some('3'),
        '四' => Some('4'),
        '五' => Some('5'),
        '六' => Some('6'),
        '七' => Some('7'),
        '八' => Some('8'),
        '九' => Some('9'),
        _ => None,
    };
    if !text.contains('年') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(ch) = text[at..].chars().next() {
        let rest = &text[at..];
        if digit(ch).is_none() {
            at += ch.len_utf8();
            continue;
        }
        let numerals: Vec<char> = rest.chars().take(4).map_while(digit).collect();
        if numerals.len() < 4 {
            at += ch.len_utf8();
            continue;
        }
        // Every numeral is three bytes long.
        let after = &rest[12..];
        let spaces = after.len() - after.trim_start().len();
        if !after[spaces..].starts_with('年') {
            at += ch.len_utf8();
            continue;
        }
        out.push_str(&text[copied..at]);
        out.extend(numerals);
        let end = at + 12 + spaces + '年'.len_utf8();
        out.push_str(&text[at + 12..end]);
        copied = end;
        at = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Finds the report's own year from its paragraphs: the year its plan part is for.
///
/// Explicit cues come first, in this order: the date line under the title (`——2025年1月8日`,
/// `——二〇二六年一月二十七日`), the session line (`2026年1月25日在…人民代表大会第四次会议上`;
/// a report delivered at the session of a year is that year's edition), the titles of the
/// plan (`对2013年政府工作的建议`, `2025年主要任务`) and review (`2024年工作回顾`, meaning the
/// report is for 2025) parts, the latest `2013年是…` paragraph, the fiscal year named at the
/// start (`Financial Year 2023`, `fiscal 2019`) and the period a filing's statements cover
/// (`years ended September 30, 2023, …`). Only without any cue, the year mentioned most
/// often in running text, leaving out horizons (`到2035年`, `by 2030`), which are never the
/// report's year, and Markdown headings, whose numbers are labels.
pub fn detect_year<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Option<i32> {
    detect_year_by(paragraphs).map(|(year, _)| year)
}

/// Which rule of [`detect_year`] found the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    DateLine,
    Session,
    Proposal,
    Plan,
    Review,
    YearIs,
    Fiscal,
    YearsEnded,
    MostMentioned,
}

fn detect_year_by<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Option<(i32, Cue)> {
    let texts: Vec<String> = paragraphs.into_iter().map(arabic_years).collect();
    let latest = latest_report_year();
    let plausible = |y: i32| (EARLIEST_REPORT_YEAR..=latest).contains(&y);
    let year_of = |c: regex::Captures| c[1].parse::<i32>().ok().filter(|&y| plausible(y));
    // Each cue's pattern is compiled only when some text holds a literal the pattern needs
    // (`may`): most reports are found by their first cue, and compiling the others cost more
    // than reading the report's year.
    let first = |re: &LazyLock<Regex>, may: fn(&str) -> bool, offset: i32| -> Option<i32> {
        texts
            .iter()
            .filter(|t| may(t))
            .find_map(|t| re.captures(t).and_then(year_of))
            .map(|y| y + offset)
    };
    // The date and session lines stand under the title; a title split over two lines by the
    // page (`——2026年1月26日在广东省第十四届` / `人民代表大会第五次会议上`) is read whole.
    let opening = |year_in: &dyn Fn(&str) -> Option<i32>| -> Option<i32> {
        let n = texts.len().min(OPENING);
        (0..n).find_map(|i| {
            let joined = match texts.get(i + 1) {
                Some(next) => format!("{}{next}", texts[i]),
                None => texts[i].clone(),
            };
            year_in(&joined)
        })
    };
    // A report names its own fiscal year at the start; later mentions are history
    // ("we began fiscal 1965").
    let fiscal = || -> Option<i32> {
        texts
            .iter()
            .take(12)
            // `(?i)` also folds `ſ` to `s`, never anything to `f`.
            .filter(|t| t.contains(['f', 'F']))
            .find_map(|t| EN_FISCAL.captures(t).and_then(year_of))
    };
    let cues: [(Cue, &dyn Fn() -> Option<i32>); 8] = [
        (Cue::DateLine, &|| {
            opening(&|t| {
                date_line_year(t)
                    .and_then(|y| y.parse().ok())
                    .filter(|&y| plausible(y))
            })
        }),
        (Cue::Session, &|| {
            opening(&|t| {
                let may = t.contains('日')
                    && ["人民代表大会", "人大", "会议"]
                        .iter()
                        .any(|w| t.contains(w));
                may.then(|| ZH_SESSION.captures(t).and_then(year_of))
                    .flatten()
            })
        }),
        (Cue::Proposal, &|| {
            first(&ZH_PROPOSAL, |t| t.contains("年政府工作的建议"), 0)
        }),
        (Cue::Plan, &|| {
            first(&ZH_PLAN, |t| ZH_PLAN_WORDS.iter().any(|w| t.contains(w)), 0)
        }),
        (Cue::Review, &|| {
            first(&ZH_REVIEW, |t| t.contains("工作回顾"), 1)
        }),
        // `2011年是“十二五”的开局之年` opens a review, `2012年是…` the plan after it.
        (Cue::YearIs, &|| {
            texts
                .iter()
                .filter(|t| t.contains("年是"))
                .filter_map(|t| ZH_YEAR_IS.captures(t).and_then(year_of))
                .max()
        }),
        (Cue::Fiscal, &fiscal),
        (Cue::YearsEnded, &|| years_ended(&texts)),
    ];
    if let Some(found) = cues
        .iter()
        .find_map(|(cue, find)| find().filter(|&y| plausible(y)).map(|y| (y, *cue)))
    {
        return Some(found);
    }
    let mut counts: HashMap<i32, usize> = HashMap::new();
    // A heading's number is a label (`# Heading 2024`, `## Note 2019`), however much it looks
    // like a year: only running text is counted. A year a real report is about is named in its
    // text, not only in its headings.
    for t in texts.iter().filter(|t| !is_markdown_heading(t)) {
        for y in mask_years(&without_horizons(t))
            .years
            .into_iter()
            .filter(|&y| plausible(y))
        {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| (y, Cue::MostMentioned))
}

/// True for a Markdown heading line (`#` to `######`, then a space), as the Word and HTML
/// readers write headings and as Markdown reports come.
fn is_markdown_heading(text: &str) -> bool {
    let hashes = text.len() - text.trim_start_matches('#').len();
    (1..=6).contains(&hashes) && text[hashes..].starts_with(' ')
}

/// The year a filing's statements run to: each `years ended …` list names its latest year
/// first or last, so the list counts for its latest year; the year most lists end in wins
/// (a filing also mentions the prior year's statements once or twice).
fn years_ended(texts: &[String]) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    // No letter of `ended` folds to anything but its ASCII capital under `(?i)`.
    for t in texts.iter().filter(|t| {
        t.as_bytes()
            .windows(5)
            .any(|w| w.eq_ignore_ascii_case(b"ended"))
    }) {
        for c in EN_YEARS_ENDED.captures_iter(t) {
            let latest = c[1]
                .split(|ch: char| !ch.is_ascii_digit())
                .filter(|d| d.len() == 4)
                .filter_map(|d| d.parse::<i32>().ok())
                .max();
            if let Some(y) = latest {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// The earliest year taken as a report's own year. The reports yoydiff reads are modern: the
/// first government work report of the People's Republic dates from 1954, Berkshire's letters
/// from 1965, EDGAR filings from 1993. A year before 1949 in a report is history it recalls.
pub const EARLIEST_REPORT_YEAR: i32 = 1949;

/// The latest year taken as a report's own year: the current year by the system clock plus two
/// (a report names the year its plan is for, which is next year at the latest; one more year
/// allows for a clock or a time zone behind). `2199` in a heading, or `2035` in a long-term
/// goal, is never the report's year. A clock set before 2025 (when this rule was written) is
/// taken as 2025, so a wrong clock cannot reject current reports.
pub fn latest_report_year() -> i32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    year_of_day(days).max(2025) + 2
}

/// The calendar year of a day counted from 1970-01-01 (day 0).
fn year_of_day(mut days: u64) -> i32 {
    let mut year = 1970;
    loop {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let length = if leap { 366 } else { 365 };
        if days < length {
            return year;
        }
        days -= length;
        year += 1;
    }
}

/// The text without its horizons: a year after `到` or `by` (`到2035年基本实现`, `by 2030`)
/// is a goal's deadline, not the year a report is about.
fn without_horizons(text: &str) -> String {
    static HORIZON: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:到|\bby\s+|\bBy\s+)[0-9]{4}").unwrap());
    if !(text.contains('到') || text.contains("by") || text.contains("By")) {
        return text.to_string();
    }
    HORIZON.replace_all(text, "").into_owned()
}

/// True for a token that reads as a year yoydiff shifts (1900–2199).
pub fn is_year(token: &str) -> bool {
    token.len() == 4
        && token
            .parse::<u32>()
            .is_ok_and(|y| (1900..2200).contains(&y))
}

/// A text with its years taken out: the skeleton and the years in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearMasked {
    /// The text with each year replaced by `#`.
    pub skeleton: String,
    /// The years, in order of appearance.
    pub years: Vec<i32>,
}

/// Replaces each year (1900–2199 standing alone, not part of a larger number, an amount or a
/// percentage) with `#`.
pub fn mask_years(text: &str) -> YearMasked {
    let bytes = text.as_bytes();
    let mut skeleton = String::with_capacity(text.len());
    let mut years = Vec::new();
    let mut i = 0;
    let mut copied = 0;
    // A year starts with `1` or `2`: jump from one such byte to the next.
    while let Some(skip) = memchr::memchr2(b'1', b'2', &bytes[i..]) {
        i += skip;
        if i + 4 > bytes.len() {
            break;
        }
        let window = &bytes[i..i + 4];
        let century_ok = (window[0] == b'1' && window[1] == b'9')
            || (window[0] == b'2' && matches!(window[1], b'0' | b'1'));
        let before_ok = i == 0 || !matches!(bytes[i - 1], b'0'..=b'9' | b'.' | b'$' | b',');
        // "2030." ends a sentence, "2030.5" and "2,030,000" are numbers.
        let after_ok = match bytes.get(i + 4) {
            None => true,
            Some(b'0'..=b'9' | b'%') => false,
            Some(b'.' | b',') => !bytes.get(i + 5).is_some_and(u8::is_ascii_digit),
            Some(_) => true,
        };
        let is_year = window.iter().all(u8::is_ascii_digit) && century_ok && before_ok && after_ok;
        if is_year {
            skeleton.push_str(&text[copied..i]);
            skeleton.push('#');
            years.push(std::str::from_utf8(window).unwrap().parse().unwrap());
            i += 4;
            copied = i;
        } else {
            i += 1;
        }
    }
    skeleton.push_str(&text[copied..]);
    YearMasked { skeleton, years }
}

/// True when `new` says what `old` said, allowing each year to be either the same or moved on
/// by `shift` years.
pub fn same_under_shift(old: &str, new: &str, shift: i32) -> bool {
    old == new || mask_years(old).same_under_shift(&mask_years(new), shift)
}

impl YearMasked {
    /// [`same_under_shift`] for texts already masked.
    pub fn same_under_shift(&self, new: &YearMasked, shift: i32) -> bool {
        self.skeleton == new.skeleton
            && self.years.len() == new.years.len()
            && self
                .years
                .iter()
                .zip(&new.years)
                .all(|(&a, &b)| b == a || b == a + shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_line_is_read_as_its_pattern_reads_it() {
        let re = Regex::new(&format!(
            r"^[—\-－–]+\s*([0-9]{{4}})\s*年\s*{ZH_DAY}\s*月\s*{ZH_DAY}\s*日"
        ))
        .unwrap();
        let mut texts: Vec<&str> = vec![
            "——2025年1月8日在长宁区",
            "----2012年2月29日在",
            "—— 2026 年 一 月 二十七 日在",
            "——2025年123月8日",
            "——20255年1月8日",
            "——2025年十一二三月8日",
            "——2025年1月8",
            "2025年1月8日",
            "－–2025年01月08日",
            "——2025年1月8月",
            "——",
            "——2025年",
        ];
        texts.extend(
            include_str!("../samples/national-gwr-2022.txt")
                .lines()
                .take(40),
        );
        for t in texts {
            let expected = re.captures(t).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(date_line_year(t), expected, "{t}");
        }
        assert_eq!(date_line_year("——2022年3月5日在"), Some("2022"));
    }

    #[test]
    fn chinese_numeral_years_are_rewritten_as_the_pattern_rewrites_them() {
        let re = Regex::new(r"([〇零一二三四五六七八九]{4})(\s*年)").unwrap();
        let by_regex = |text: &str| {
            re.replace_all(text, |c: &regex::Captures| {
                let digits: String = c[1]
                    .chars()
                    .map(|ch| match ch {
                        '〇' | '零' => '0',
                        '一' => '1',
                        '二' => '2',
                        '三' => '3',
                        '四' => '4',
                        '五' => '5',
                        '六' => '6',
                        '七' => '7',
                        '八' => '8',
                        _ => '9',
                    })
                    .collect();
                format!("{digits}{}", &c[2])
            })
            .into_owned()
        };
        for text in [
            "——二〇二六年一月二十七日在",
            "二〇二五 　年，一二三四五年，二〇二年，二零二三年二〇二四年",
            "一二三四 五六七八年十年",
            "无年份",
            "二〇二五",
            include_str!("../samples/national-gwr-2023.txt"),
        ] {
            assert_eq!(arabic_years(text), by_regex(text), "{text}");
        }
        assert_eq!(
            arabic_years("二〇二五 年，一二三四五年"),
            "2025 年，一2345年"
        );
    }

    #[test]
    fn detects_year_from_cues() {
        assert_eq!(
            detect_year(["——2025 年 1 月 8 日在长宁区", "一、2024 年工作回顾"]),
            Some(2025)
        );
        assert_eq!(
            detect_year(["一、2021年工作回顾", "三、2022年政府工作任务"]),
            Some(2022)
        );
        assert_eq!(detect_year(["一、2013年工作回顾"]), Some(2014));
        assert_eq!(
            detect_year([
                "三、对今年政府工作的建议",
                "2013年是全面贯彻落实党的十八大精神的开局之年"
            ]),
            Some(2013)
        );
        assert_eq!(detect_year(["二〇二五年主要任务"]), Some(2025));
        assert_eq!(
            detect_year([
                "the Financial Year 1 April 2023 to 31 March 2024",
                "in 2024 and 2024"
            ]),
            Some(2023)
        );
        assert_eq!(
            detect_year([
                "Berkshire earned $4.0 billion in 2018.",
                "In 2018 we",
                "the 2017 report"
            ]),
            Some(2018)
        );
        assert_eq!(detect_year(["no years here"]), None);
    }

    #[test]
    fn only_plausible_report_years_are_detected() {
        assert_eq!(detect_year(["# Heading 2199", "# Heading 2199"]), None);
        assert_eq!(
            detect_year(["# Heading 2199", "# Heading 2199", "Results for 2023"]),
            Some(2023)
        );
        assert_eq!(detect_year(["一、2199年工作回顾", "1921年"]), None);
        assert_eq!(
            detect_year(["到2035年基本实现", "2035年远景目标", "2023年经济增长"]),
            Some(2023)
        );
        let latest = latest_report_year();
        assert!(latest >= 2027, "{latest}");
        assert_eq!(
            detect_year([format!("{latest}年主要任务").as_str()]),
            Some(latest)
        );
        assert_eq!(
            detect_year([format!("{}年主要任务", latest + 1).as_str()]),
            None
        );
    }

    #[test]
    fn date_and_session_lines_name_the_edition() {
        // Four dashes: Hailar 2012 and Shanghai 2025. Hailar's review opens `2011年是…`, which
        // must not win over the date line.
        assert_eq!(
            detect_year_by([
                "政府工作报告",
                "----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上",
                "一、过去一年工作回顾",
                "2011年是“十二五”的开局之年，也是我区开拓进取、经济和社会事业取得丰硕成果的一年。",
            ]),
            Some((2012, Cue::DateLine))
        );
        assert_eq!(
            detect_year([
                "2025年上海市政府工作报告",
                "----2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告"
            ]),
            Some(2025)
        );
        // No dashes: Zhejiang 2026, Sichuan 2025 and Beijing 2025 (speaker run on).
        for (line, year) in [
            (
                "2026年1月14日在浙江省第十四届人民代表大会第四次会议上",
                2026,
            ),
            (
                "2025年1月20日在四川省第十四届人民代表大会第四次会议上",
                2025,
            ),
            (
                "2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。",
                2025,
            ),
        ] {
            assert_eq!(
                detect_year_by(["政府工作报告", line, "一、2024年工作回顾"]),
                Some((year, Cue::Session)),
                "{line}"
            );
        }
        // A date line the page split in two (Guangdong 2026, Changning 2025).
        assert_eq!(
            detect_year([
                "政府工作报告",
                "——2026年1月26日在广东省第十四届",
                "人民代表大会第五次会议上"
            ]),
            Some(2026)
        );
        // Chinese numerals in the date.
        assert_eq!(
            detect_year(["——二〇二六年一月二十七日在市第十六届人民代表大会第五次会议上"]),
            Some(2026)
        );
        // A publication date far down the text is not a date line.
        let mut paragraphs = vec!["正文。"; 20];
        paragraphs.push("——2024年12月20日在区委全会上的讲话");
        paragraphs.push("二、2025年主要任务");
        assert_eq!(detect_year_by(paragraphs), Some((2025, Cue::Plan)));
    }

    #[test]
    fn the_latest_year_is_paragraph_wins() {
        // Zhejiang 2026 (and Guangdong 2026: `2025年是中国式现代化进程中…` / `2026年是“十五五”第一年`).
        assert_eq!(
            detect_year_by([
                "2025年是极不平凡的一年，面对错综复杂的外部环境和艰巨繁重的改革发展稳定任务。",
                "2026年是“十五五”开局之年。做好今年工作，意义重大。",
            ]),
            Some((2026, Cue::YearIs))
        );
    }

    #[test]
    fn calendar_years_from_days() {
        assert_eq!(year_of_day(0), 1970);
        assert_eq!(year_of_day(364), 1970);
        assert_eq!(year_of_day(365), 1971);
        assert_eq!(year_of_day(11_016), 2000); // 2000-02-29, a leap day
        assert_eq!(year_of_day(19_722), 2023); // 2023-12-31
        assert_eq!(year_of_day(19_723), 2024); // 2024-01-01
        assert_eq!(year_of_day(21_549), 2028); // 2028-12-31
    }

    #[test]
    fn filings_are_read_by_the_period_their_statements_cover() {
        // Apple's 10-K for fiscal 2023 (and 2022 the same way): the statements' period many
        // times, the prior year's once.
        let list = "Consolidated Statements of Operations for the years ended September 30, 2023, September 24, 2022 and September 25, 2021";
        let prior = "compared to the year ended September 24, 2022";
        assert_eq!(
            detect_year_by([
                "Item 1. Business",
                list,
                list,
                prior,
                "in 2022 and 2022 and 2022"
            ]),
            Some((2023, Cue::YearsEnded))
        );
        assert_eq!(
            detect_year([
                "ANNUAL REPORT",
                "For the fiscal year ended September 30, 2023"
            ]),
            Some(2023)
        );
    }

    #[test]
    fn horizons_are_never_the_report_year() {
        // Reports name 2035 again and again as the horizon of modernisation (`到2035年`).
        assert_eq!(
            detect_year_by([
                "到2035年基本实现社会主义现代化。",
                "到2035年建成教育强国、科技强国、人才强国。",
                "到2035年人均地区生产总值达到中等发达国家水平。",
                "2025年全区经济平稳增长，2025年财政收入稳步提高。",
            ]),
            Some((2025, Cue::MostMentioned))
        );
    }

    #[test]
    fn heading_numbers_are_never_the_report_year() {
        // Ten headings numbered like years, over text without a year: no year.
        let numbered: Vec<String> = (2015..2025)
            .flat_map(|n| {
                [
                    format!("# Heading {n}"),
                    format!("Some text about item {}.", n - 2000),
                ]
            })
            .collect();
        assert_eq!(detect_year(numbered.iter().map(String::as_str)), None);
        let same: Vec<&str> = ["## Heading 2024", "Some text."].repeat(10);
        assert_eq!(detect_year(same), None);
        // The year the text names still counts, under the same headings.
        let mut dated = numbered.clone();
        dated.push("Revenue rose in 2021, more than in 2020; 2021 was a record.".into());
        assert_eq!(
            detect_year_by(dated.iter().map(String::as_str)),
            Some((2021, Cue::MostMentioned))
        );
        // `#2024` and `####### 2024` are not Markdown headings.
        assert!(!is_markdown_heading("#2024 was a record year"));
        assert!(!is_markdown_heading("####### 2024"));
        assert!(is_markdown_heading("### 2024 outlook"));
    }

    #[test]
    fn masks_years_but_not_amounts() {
        let m = mask_years("2024年收入2500亿元，比2019年增长，$2018 million, 2020% and 2030.");
        assert_eq!(m.years, vec![2024, 2019, 2030]);
        assert_eq!(
            m.skeleton,
            "#年收入2500亿元，比#年增长，$2018 million, 2020% and #."
        );
    }

    #[test]
    fn shift_makes_moved_on_years_equal() {
        assert!(same_under_shift("2021年工作回顾", "2022年工作回顾", 1));
        assert!(!same_under_shift("2021年工作回顾", "2023年工作回顾", 1));
        assert!(same_under_shift("到2035年基本实现", "到2035年基本实现", 1));
        assert!(!same_under_shift("2021年工作回顾", "2022年工作回顾", 0));
        assert!(!same_under_shift("2021年工作回顾", "2021年工作总结", 1));
    }
}

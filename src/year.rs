//! The report's own year, and comparing text across editions relative to it.
//!
//! Edition N+1 says `2024年工作回顾` where edition N said `2023年工作回顾`. With a year shift of
//! 1 the two are the same text: every year in the new text equals the old year or the old year
//! plus the shift.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

static ZH_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*年\s*(?:工作总体部署|重点工作|政府工作任务|主要任务|经济社会发展|工作安排|工作任务|发展主要预期目标)").unwrap()
});
static ZH_PROPOSAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"对\s*(\d{4})\s*年政府工作的建议").unwrap());
static ZH_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[—\-－]{1,2}\s*(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日").unwrap()
});
static ZH_YEAR_IS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})\s*年是").unwrap());
static ZH_REVIEW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*工作回顾").unwrap());
static EN_FISCAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?i:financial\s+year|fiscal\s+year|fiscal)\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+)?(\d{4})\b",
    )
    .unwrap()
});

/// Writes Chinese-numeral years (`二〇二五年`) with Arabic digits so one set of rules reads both.
pub fn arabic_years(text: &str) -> String {
    static ZH_YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([〇零一二三四五六七八九]{4})(\s*年)").unwrap());
    ZH_YEAR
        .replace_all(text, |c: &regex::Captures| {
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
}

/// Finds the report's own year from its paragraphs: the year its plan part is for.
///
/// Explicit cues come first (`2025年主要任务`, the date line `——2025年1月8日`, `2024年工作回顾`
/// meaning the report is for 2025, `Financial Year 2023`, `fiscal 2019`); otherwise the year
/// mentioned most often.
pub fn detect_year<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Option<i32> {
    let texts: Vec<String> = paragraphs.into_iter().map(arabic_years).collect();
    let first = |re: &Regex, offset: i32| -> Option<i32> {
        texts
            .iter()
            .find_map(|t| re.captures(t))
            .and_then(|c| c[1].parse::<i32>().ok())
            .map(|y| y + offset)
    };
    // A report names its own fiscal year at the start; later mentions are history
    // ("we began fiscal 1965").
    let opening = |re: &Regex| -> Option<i32> {
        texts
            .iter()
            .take(12)
            .find_map(|t| re.captures(t))
            .and_then(|c| c[1].parse::<i32>().ok())
    };
    let latest = latest_report_year();
    let plausible = |y: i32| (EARLIEST_REPORT_YEAR..=latest).contains(&y);
    let cue = first(&ZH_DATE_LINE, 0)
        .or_else(|| first(&ZH_PROPOSAL, 0))
        .or_else(|| first(&ZH_PLAN, 0))
        .or_else(|| first(&ZH_REVIEW, 1))
        .or_else(|| first(&ZH_YEAR_IS, 0))
        .or_else(|| opening(&EN_FISCAL))
        .filter(|&y| plausible(y));
    if cue.is_some() {
        return cue;
    }
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for t in &texts {
        for y in mask_years(t).years.into_iter().filter(|&y| plausible(y)) {
            *counts.entry(y).or_default() += 1;
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
    while i + 4 <= bytes.len() {
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

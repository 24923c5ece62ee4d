//! The span of years a passage of a Chinese report speaks of: one year, or several.
//!
//! A report at the end of a government's term or of a five-year plan reviews the five years
//! beside the last one, and sets five-year targets beside this year's: `五年来，我们……主要做了
//! 以下工作` opens ten sections of five-year totals (`审议法律议案50件`) that read like one
//! year's. The clause of such a figure names no span, so the span comes from the passage: a
//! heading, a paragraph or a sentence that opens with a word of several years (`五年来`,
//! `过去五年`, `“十四五”时期`) starts a multi-year passage, one that opens with a word of one
//! year (`一年来`, `过去一年`, `2022年是…`) ends it. A paragraph's opening holds for the
//! paragraphs and sections after it under the same heading; a later sentence's opening holds
//! for the rest of its paragraph. Every top-level part starts as one year.

use std::sync::LazyLock;

use crate::vocab;

/// The years a passage speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Span {
    /// The year under report (or the year ahead, in a plan).
    OneYear,
    /// Several years: a five-year review or a five-year plan.
    SeveralYears,
}

static SEVERAL_YEARS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-several-years-leads.txt")));
static ONE_YEAR: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-one-year-leads.txt")));

/// The span a heading names, if it names one kind only (`过去五年工作回顾`, `“十三五”时期发展
/// 成就`); a heading of both (`2025年和“十四五”时期工作回顾`) names none.
pub(super) fn of_heading(title: &str) -> Option<Span> {
    of_clause(title)
}

/// The span the opening clause of a paragraph or sentence names, if one kind only. A
/// salutation before it (`各位代表！经过五年接续奋斗，…`) is skipped.
pub(super) fn of_opening(text: &str) -> Option<Span> {
    let text = text.trim_start();
    let text = match text.strip_prefix("各位代表") {
        Some(rest) => rest.trim_start_matches(['！', '，', '：', '!', ',', ':', ' ']),
        None => text,
    };
    let end = text
        .find(['，', '。', '：', '；', '！', '？', ',', ';', ':'])
        .unwrap_or(text.len());
    of_clause(&text[..end])
}

fn of_clause(clause: &str) -> Option<Span> {
    // Every word of either list has a `年`, a plan's name a `五`: most clauses have neither.
    if !clause.contains(['年', '五']) {
        return None;
    }
    let several = SEVERAL_YEARS.iter().any(|w| clause.contains(w)) || names_plan_period(clause);
    let one = ONE_YEAR.iter().any(|w| clause.contains(w)) || names_one_year(clause);
    match (several, one) {
        (true, false) => Some(Span::SeveralYears),
        (false, true) => Some(Span::OneYear),
        _ => None,
    }
}

/// Whether a clause names a five-year plan's period (`“十四五”时期`, `十三五期间`,
/// `“十二五”以来`): the genre names its plans `十` + ordinal + `五`.
fn names_plan_period(clause: &str) -> bool {
    let chars: Vec<char> = clause.chars().collect();
    chars.windows(3).enumerate().any(|(i, w)| {
        w[0] == '十' && "一二三四五六七八九".contains(w[1]) && w[2] == '五' && {
            let rest: String = chars[i + 3..]
                .iter()
                .skip_while(|c| matches!(c, '”' | '」' | '"'))
                .take(2)
                .collect();
            matches!(rest.as_str(), "时期" | "期间" | "以来")
        }
    })
}

/// Whether a clause names one year by its number (`2022年是…`, `刚刚过去的2017年`,
/// `二〇二三年`), not as the start of a span (`2006年以来`).
fn names_one_year(clause: &str) -> bool {
    let chars: Vec<char> = clause.chars().collect();
    let is_digit = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c);
    (0..chars.len().saturating_sub(4)).any(|i| {
        chars[i..i + 4].iter().all(|&c| is_digit(c))
            && chars[i + 4] == '年'
            && (i == 0 || !is_digit(chars[i - 1]))
            && !chars[i + 5..].starts_with(&['以', '来'])
            && (chars[i..i + 4].iter().all(char::is_ascii_digit)
                || chars[i..i + 4].iter().all(|&c| !c.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lead_word_has_the_character_the_shortcut_looks_for() {
        for w in SEVERAL_YEARS.iter().chain(ONE_YEAR.iter()) {
            assert!(w.contains('年'), "{w:?}");
        }
    }

    #[test]
    fn headings_of_one_kind_name_a_span() {
        assert_eq!(of_heading("过去五年工作回顾"), Some(Span::SeveralYears));
        assert_eq!(
            of_heading("“十三五”时期发展成就和“十四五”时期主要目标任务"),
            Some(Span::SeveralYears)
        );
        assert_eq!(of_heading("2024年工作回顾"), Some(Span::OneYear));
        // Both kinds: the paragraphs decide.
        assert_eq!(of_heading("2025年和“十四五”时期工作回顾"), None);
        assert_eq!(of_heading("加快建设现代化产业体系"), None);
    }

    #[test]
    fn openings_name_a_span_by_their_first_clause() {
        assert_eq!(
            of_opening("五年来，我们深入贯彻党中央决策部署，主要做了以下工作。"),
            Some(Span::SeveralYears)
        );
        assert_eq!(
            of_opening("各位代表！经过五年接续奋斗，我省发展迈上新台阶。"),
            Some(Span::SeveralYears)
        );
        assert_eq!(
            of_opening("这是经济实力持续提升的五年。"),
            Some(Span::SeveralYears)
        );
        assert_eq!(
            of_opening("刚刚过去的2017年，经济社会发展稳中向好。"),
            Some(Span::OneYear)
        );
        assert_eq!(
            of_opening("一年来，主要做了以下工作："),
            Some(Span::OneYear)
        );
        // A record since a year is no span (`粮食产量创2006年以来新高`).
        assert_eq!(of_opening("粮食产量创2006年以来新高"), None);
        // A year and a plan's period in one clause name both.
        assert_eq!(of_opening("2025年是“十四五”时期收官之年。"), None);
        // `今年以来` is this year.
        assert_eq!(of_opening("今年以来，投资稳步增长。"), Some(Span::OneYear));
        // A five-year programme is no span of the passage.
        assert_eq!(
            of_opening("实施农村人居环境整治提升五年行动，改厕500万户。"),
            None
        );
        // A date is no year of the review.
        assert_eq!(of_opening("20245年"), None);
    }
}

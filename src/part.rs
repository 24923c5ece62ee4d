//! Which part of a report a section belongs to: the review of last year or the plan for this
//! one. Targets live in plans and outcomes in reviews; plans announced in one edition are
//! delivered when the next edition's review reports on them. Figures and initiatives both
//! read a report by part, from this one classifier.

use std::sync::LazyLock;

use regex::Regex;

use crate::outline::{Section, SectionKind};
use crate::script::is_han;
use crate::sentence::split_sentences;

pub use crate::model::Part;

static REVIEW_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/part-review-title-cues.txt")));
static PLAN_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/part-plan-title-cues.txt")));
static PAST_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/zh-past-words.txt")));
static FUTURE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/zh-future-words.txt")));
static FUTURE_FALSE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../data/vocab/zh-future-false-words.txt")));

/// A five-year plan period in a title: `时期`, a plan's name (`“十四五”`), `五年规划`.
static FIVE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"时期|十[一二三四五六七八九]五|五年规划").unwrap());

/// Classifies a top-level heading, with or without its numbering (`一、2024年工作回顾` or
/// `2024年工作回顾`: the cues are in the title).
/// Review cues win because review titles never promise (`过去一年和五年工作回顾`), while plan
/// cues such as `任务` also occur inside review titles only after `回顾`.
#[cfg(test)]
pub fn part_of(top_heading: &str) -> Part {
    title_part(top_heading).unwrap_or(Part::Other)
}

/// The part a title names, or `None` when it has no cue at all.
///
/// A five-year part (`“十四五”时期…`, `…五年规划纲要…的说明`) that only looks back
/// (`2025年和“十四五”时期工作回顾`, `2025年主要工作和“十四五”发展成就`) is a review: it holds
/// the outcomes of the year too. One that sets the targets of the next five years
/// (`“十五五”时期的主要目标任务`), or does both, is neither: its targets are for the end of the
/// plan period, not for the year the next edition reviews.
fn title_part(title: &str) -> Option<Part> {
    let lower = title.to_lowercase();
    let review = REVIEW_CUES.iter().any(|c| lower.contains(c));
    let plan = PLAN_CUES.iter().any(|c| lower.contains(c));
    if FIVE_YEAR.is_match(&lower) {
        return Some(if review && !plan {
            Part::Review
        } else {
            Part::Other
        });
    }
    if review {
        Some(Part::Review)
    } else if plan {
        Some(Part::Plan)
    } else {
        None
    }
}

/// Classifies a top-level section: by its title (see [`part_of`]) and, when the title of a
/// heading has no cue (`三、把改革开放扎实推向纵深`, `加强政府自身建设`), by its text.
pub fn part_of_section(section: &Section) -> Part {
    match title_part(&section.heading_text()) {
        Some(part) => part,
        None if section.kind == SectionKind::Heading => part_by_content(&section.full_text()),
        None => Part::Other,
    }
}

/// Least number of telling sentences before the text decides a part.
const MIN_TELLING: usize = 3;

/// The part a Chinese text reads as, from its sentences that look back (`过去一年`, `去年`,
/// `同比`) and those that look ahead (`今年`, `要`, `将`, `力争`; `主要`, `重要` do not count).
///
/// A review looks back in at least [`MIN_TELLING`] sentences, and either twice as often as
/// it looks ahead, or in at least 3 % of its sentences while under 20 % look ahead (reviews
/// quote last year's plan). A plan looks ahead in at least [`MIN_TELLING`] sentences and
/// three times as often as it looks back (plans recall last year's figures). Anything else,
/// and text without Han, is neither. Measured on the corpus: every review and every plan
/// part of the national, Hailar, Changning and provincial reports falls on its side or, for
/// five reviews with few such sentences, on neither; none on the wrong one.
pub fn part_by_content(text: &str) -> Part {
    let (n, past, future) = telling_sentences(text);
    let review =
        past >= MIN_TELLING && (past >= 2 * future || 100 * past >= 3 * n && 100 * future < 20 * n);
    if review {
        Part::Review
    } else if future >= MIN_TELLING && future >= 3 * past {
        Part::Plan
    } else {
        Part::Other
    }
}

/// Han sentences of a text, and how many of them look back and look ahead.
fn telling_sentences(text: &str) -> (usize, usize, usize) {
    let (mut n, mut past, mut future) = (0, 0, 0);
    for r in split_sentences(text) {
        let sentence = &text[r];
        if !sentence.chars().any(is_han) {
            continue;
        }
        n += 1;
        if PAST_WORDS.iter().any(|w| sentence.contains(w)) {
            past += 1;
        }
        // Copied only when a false cue is there to be taken out.
        let mut plain = std::borrow::Cow::Borrowed(sentence);
        for w in FUTURE_FALSE_WORDS.iter() {
            if plain.contains(w) {
                plain = std::borrow::Cow::Owned(plain.replace(w, ""));
            }
        }
        if FUTURE_WORDS.iter().any(|w| plain.contains(w)) {
            future += 1;
        }
    }
    (n, past, future)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_national_and_district_titles() {
        for (title, part) in [
            ("一、2024年工作回顾", Part::Review),
            ("一、过去一年和五年工作回顾", Part::Review),
            ("一、过去一年工作回顾", Part::Review),
            ("二、2025年主要任务", Part::Plan),
            ("二、对今年政府工作的建议", Part::Plan),
            ("二、2022年经济社会发展总体要求和政策取向", Part::Plan),
            ("三、2022年政府工作任务", Part::Plan),
            ("二、2016年工作总体部署", Part::Plan),
            ("三、2016年重点工作", Part::Plan),
            ("二、“十三五”时期主要目标任务和重大举措", Part::Other),
            ("二、2025年工作安排", Part::Plan),
            ("2025年工作安排建议", Part::Plan),
            ("(preamble)", Part::Other),
            ("(closing)", Part::Other),
        ] {
            assert_eq!(part_of(title), part, "{title}");
        }
    }

    #[test]
    fn five_year_parts() {
        for (title, part) in [
            // Looking back over the year and the plan period: reviews.
            ("一、2025年和“十四五”时期工作回顾", Part::Review), // Guangdong 2026
            ("一、2025年主要工作和“十四五”发展成就", Part::Review), // Zhejiang 2026
            ("一、2025年工作回顾和“十四五”发展主要成绩", Part::Review), // Sichuan 2026
            ("“十四五”时期工作回顾", Part::Review),
            // Setting the next plan's targets, or both: neither.
            ("二、“十五五”时期的主要目标和重点任务", Part::Other), // Guangdong 2026
            ("二、“十五五”时期的主要目标任务", Part::Other),       // Zhejiang 2026
            (
                "二、“十四五”时期发展成就和“十五五”时期主要目标任务",
                Part::Other,
            ), // Beijing 2026
            (
                "二、“十三五”时期发展成就和“十四五”时期主要目标任务",
                Part::Other,
            ), // national 2021
            ("二、“十五五”发展的主要考虑", Part::Other),           // Sichuan 2026
            (
                "二、关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》的说明",
                Part::Other,
            ), // Shanghai 2026
        ] {
            assert_eq!(part_of(title), part, "{title}");
        }
    }

    #[test]
    fn parts_without_a_cue_read_by_their_text() {
        // Plans: the Shanghai 2025 part `三、全面提升政府治理现代化水平` and the Sichuan 2025
        // part `加强政府自身建设` (opening lines) say what is to be done this year.
        let plan = "今年工作任务艰巨繁重，更加需要增强政府治理能力。\
                    必须坚持用改革精神和严的标准持续加强政府自身建设，以更加高效的政府治理保障现代化建设和高质量发展。\
                    四川发展迈上了新的历史起点，新形势新任务对政府工作及自身建设提出了新的更高要求。\
                    全省政府系统要深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。\
                    我们要坚持干字当头，以排头兵的姿态和先行者的担当，迎难而上、勇毅前行。";
        assert_eq!(part_by_content(plan), Part::Plan);
        // Reviews: sentences of the Shanghai, Beijing and Zhejiang 2026 reviews.
        let review = "一年来，全市经济社会发展稳中有进、进中提质。\
                      全市生产总值达到5.67万亿元、增长5.4%，好于预期。\
                      各位代表，回顾过去一年，我们迎难而上、顶压前行，成绩来之不易。\
                      一年来，我们坚决贯彻全面从严治党要求，切实加强自身建设，政府治理能力持续提升。\
                      过去一年，我们坚决贯彻全面从严治党要求，加强政府自身建设，扎实开展深入贯彻中央八项规定精神学习教育。";
        assert_eq!(part_by_content(review), Part::Review);
        // Few telling sentences, or English: neither.
        assert_eq!(
            part_by_content("深入推进政府治理创新。坚持依法行政。"),
            Part::Other
        );
        assert_eq!(
            part_by_content("Revenue grew 8% last year. We will invest more this year."),
            Part::Other
        );
    }
}

//! Which part of a report a section belongs to: the review of last year or the plan for this
//! one. Targets live in plans and outcomes in reviews; plans announced in one edition are
//! delivered when the next edition's review reports on them. Figures and initiatives both
//! read a report by part, from this one classifier.

use serde::Serialize;

/// The part of a report a top-level section opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// Looking back (`2024年工作回顾`, `过去一年`, `Review of 2023`).
    Review,
    /// Looking ahead (`2025年主要任务`, `对今年政府工作的建议`, `总体要求`).
    Plan,
    /// Neither, or no headings to tell.
    Other,
}

const REVIEW_CUES: &[&str] = &["工作回顾", "过去一年", "过去五年", "回顾", "review"];
const PLAN_CUES: &[&str] = &[
    "任务",
    "建议",
    "总体部署",
    "总体要求",
    "重点工作",
    "工作安排",
    "预期目标",
    "政策取向",
    "主要目标",
    "looking ahead",
    "outlook",
    "plan",
];

/// Classifies a top-level heading, with or without its numbering (`一、2024年工作回顾` or
/// `2024年工作回顾`: the cues are in the title).
/// Review cues win because review titles never promise (`过去一年和五年工作回顾`), while plan
/// cues such as `任务` also occur inside review titles only after `回顾`.
pub fn part_of(top_heading: &str) -> Part {
    let lower = top_heading.to_lowercase();
    // Five-year-plan parts (`“十三五”时期主要目标任务`) look back and ahead over five years,
    // not at the year under report.
    if lower.contains("时期") {
        return Part::Other;
    }
    if REVIEW_CUES.iter().any(|c| lower.contains(c)) {
        Part::Review
    } else if PLAN_CUES.iter().any(|c| lower.contains(c)) {
        Part::Plan
    } else {
        Part::Other
    }
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
            ("(preamble)", Part::Other),
            ("(closing)", Part::Other),
        ] {
            assert_eq!(part_of(title), part, "{title}");
        }
    }
}

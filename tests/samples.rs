//! Expectations on the real reports in `samples/`, checked by hand against the texts.

use yoydiff::CompareOptions;
use yoydiff::YearShift;
use yoydiff::compare;
use yoydiff::model::Comparison;
use yoydiff::model::Document;
use yoydiff::model::PairKind;
use yoydiff::model::Section;
use yoydiff::model::SectionKind;

mod common;
use common::*;

fn headings(s: &Section) -> Vec<&Section> {
    s.children
        .iter()
        .filter(|c| c.kind == SectionKind::Heading)
        .collect()
}

fn items(s: &Section) -> Vec<&Section> {
    s.children
        .iter()
        .filter(|c| c.kind == SectionKind::Item)
        .collect()
}

#[test]
fn changning_outline_has_both_parts_and_fourteen_sections() {
    let doc = load_sample("changning-gwr-2025.txt");
    assert_eq!(doc.title, "政府工作报告");
    assert_eq!(doc.year, Some(2025));
    let parts: Vec<&Section> = doc
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Heading)
        .collect();
    let part_titles: Vec<String> = parts.iter().map(|s| s.heading_text()).collect();
    assert_eq!(
        part_titles,
        vec!["一、2024年工作回顾", "二、2025年主要任务"]
    );
    let numbers = [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "（七）",
    ];
    for part in &parts {
        let subs = headings(part);
        let got: Vec<&str> = subs.iter().map(|s| s.number.as_str()).collect();
        assert_eq!(got, numbers, "under {}", part.heading_text());
        for sub in subs {
            assert!(
                items(sub).len() >= 3,
                "{} has items {:?}",
                sub.heading_text(),
                items(sub).iter().map(|i| &i.title).collect::<Vec<_>>()
            );
            assert_eq!(sub.level, 2);
        }
    }
    // The first level-2 title is its first sentence; the rest of the line is body text.
    let first = headings(parts[0])[0];
    assert_eq!(first.title, "全力以赴稳增长强动能，区域经济稳中向好");
    assert!(first.paragraphs[0].text.starts_with("把稳增长放在首要位置"));
}

#[test]
fn changning_items_include_quoted_names_and_read_cleanly() {
    let doc = load_sample("changning-gwr-2025.txt");
    let all = doc.walk();
    let find = |title: &str| {
        all.iter()
            .find(|s| s.title == title)
            .copied()
            .unwrap_or_else(|| panic!("no section {title}"))
    };
    let silicon = find("“上海硅巷”建设逐渐起势");
    assert_eq!(silicon.kind, SectionKind::Item);
    let brand = find("“最虹桥”品牌不断打响");
    assert_eq!(brand.kind, SectionKind::Item);
    let industry = find("重点产业支撑有力");
    assert_eq!(industry.lines.0, 42);
    assert!(
        industry.paragraphs[0]
            .text
            .contains("完成综合税收431.78亿元，同比增长7.25%，占全区税收比重达74%")
    );
    // Across the page break at line 154 ("5" on its own line): no digit inside the words.
    let reform = find("重点领域改革不断深入");
    let text = &reform.paragraphs[0].text;
    assert!(
        text.contains("试点餐饮业、剧场经营等4个重点行业跨部门综合监管改革"),
        "{text}"
    );
    // Spaces between digits and Chinese are gone.
    let review = doc.sections.iter().find(|s| s.number == "一、").unwrap();
    let first = &review.children[0].paragraphs[0].text;
    assert!(
        first.contains("区级一般公共预算收入完成180.97亿元，同比增长7.38%"),
        "{first}"
    );
    // The closing address is its own section.
    let closing = doc.sections.last().unwrap();
    assert_eq!(closing.kind, SectionKind::Closing);
    assert!(
        closing.paragraphs[0]
            .text
            .starts_with("各位代表，征途漫漫，惟有奋斗。")
    );
}

fn pair_with_old<'a>(c: &'a Comparison, heading: &str) -> &'a yoydiff::model::SectionPair {
    c.sections
        .iter()
        .find(|p| {
            p.old
                .iter()
                .any(|r| r.path.last().is_some_and(|h| h == heading))
        })
        .unwrap_or_else(|| panic!("no pair for {heading}"))
}

#[test]
fn national_review_pairs_with_review_and_plans_merge() {
    let old = load_sample("national-gwr-2022.txt");
    let new = load_sample("national-gwr-2023.txt");
    let c = compare(&old, &new, &CompareOptions::default());
    assert_eq!(c.summary.year_shift, 1);
    let review = pair_with_old(&c, "一、2021年工作回顾");
    assert_eq!(review.new.len(), 1);
    assert_eq!(review.new[0].path, vec!["一、过去一年和五年工作回顾"]);
    assert_eq!(review.kind, PairKind::Renamed);

    let plan = pair_with_old(&c, "三、2022年政府工作任务");
    assert_eq!(plan.kind, PairKind::Merged);
    let olds: Vec<&str> = plan.old.iter().map(|r| r.path[0].as_str()).collect();
    assert_eq!(
        olds,
        vec![
            "二、2022年经济社会发展总体要求和政策取向",
            "三、2022年政府工作任务"
        ]
    );
    assert_eq!(plan.new[0].path, vec!["二、对今年政府工作的建议"]);

    // Sections whose partners sit under another parent are moves, never removed + added twins.
    let moved: Vec<_> = c
        .sections
        .iter()
        .filter(|p| p.kind == PairKind::Moved)
        .collect();
    assert!(!moved.is_empty());
    for m in moved {
        assert_ne!(
            m.old[0].path[..m.old[0].path.len() - 1],
            m.new[0].path[..m.new[0].path.len() - 1]
        );
    }
}

#[test]
fn every_section_appears_in_exactly_one_pair() {
    let old = load_sample("national-gwr-2022.txt");
    let new = load_sample("national-gwr-2023.txt");
    let c = compare(&old, &new, &CompareOptions::default());
    let old_refs: usize = c.sections.iter().map(|p| p.old.len()).sum();
    let new_refs: usize = c.sections.iter().map(|p| p.new.len()).sum();
    assert_eq!(old_refs, old.walk().len());
    assert_eq!(new_refs, new.walk().len());
}

#[test]
fn a_report_against_itself_is_unchanged() {
    let doc = load_sample("changning-gwr-2025.txt");
    let c = compare(&doc, &doc, &CompareOptions::default());
    assert!(!c.has_changes());
    assert!(
        c.sections
            .iter()
            .all(|p| p.kind == PairKind::Unchanged && p.similarity == 1.0)
    );
}

/// The 2022 report with every year moved on by one: the same report one year later.
fn shifted_2022() -> String {
    sample_text("national-gwr-2022.txt")
        .replace("2022年", "2023年")
        .replace("2021年", "2022年")
}

#[test]
fn year_shift_makes_a_moved_on_edition_unchanged() {
    let old = load_sample("national-gwr-2022.txt");
    let new = from_text("next.txt", &shifted_2022());
    assert_eq!(new.year, Some(2023));
    let auto = compare(&old, &new, &CompareOptions::default());
    assert!(
        !auto.has_changes(),
        "{:?}",
        auto.sections
            .iter()
            .filter(|p| p.kind != PairKind::Unchanged)
            .map(|p| &p.old[0].path)
            .collect::<Vec<_>>()
    );

    let literal = compare(
        &old,
        &new,
        &CompareOptions {
            year_shift: YearShift::Off,
            ..Default::default()
        },
    );
    let review = pair_with_old(&literal, "一、2021年工作回顾");
    assert_eq!(review.kind, PairKind::Renamed);
    assert_eq!(review.new[0].path, vec!["一、2022年工作回顾"]);
}

#[test]
fn year_that_breaks_the_shift_is_still_a_change() {
    let old = load_sample("national-gwr-2022.txt");
    // Edition "2023" whose review heading wrongly names 2020.
    let text = shifted_2022().replace("一、2022年工作回顾", "一、2020年工作回顾");
    let new = from_text("next.txt", &text);
    let c = compare(&old, &new, &CompareOptions::default());
    assert_eq!(
        pair_with_old(&c, "一、2021年工作回顾").kind,
        PairKind::Renamed
    );
}

#[test]
fn swapped_sections_are_moved_not_removed_and_added() {
    let text = sample_text("national-gwr-2022.txt");
    // Swap （六） and （七） of part 三 with their bodies, renumbered as a report would be.
    let six = text.find("（六）大力抓好农业生产").unwrap();
    let seven = text.find("（七）扩大高水平对外开放").unwrap();
    let eight = text.find("（八）持续改善生态环境").unwrap();
    let swapped = format!(
        "{}{}{}{}",
        &text[..six],
        text[seven..eight].replacen("（七）", "（六）", 1),
        text[six..seven].replacen("（六）", "（七）", 1),
        &text[eight..]
    );
    let old = load_sample("national-gwr-2022.txt");
    let new = from_text("swapped.txt", &swapped);
    let c = compare(&old, &new, &CompareOptions::default());
    assert_eq!(c.count(PairKind::Added), 0);
    assert_eq!(c.count(PairKind::Removed), 0);
    let moved = pair_with_old(&c, "（六）大力抓好农业生产，促进乡村全面振兴");
    let kept = pair_with_old(&c, "（七）扩大高水平对外开放，推动外贸外资平稳发展");
    assert_eq!(moved.new[0].title, "大力抓好农业生产，促进乡村全面振兴");
    assert_eq!(
        kept.new[0].title,
        "扩大高水平对外开放，推动外贸外资平稳发展"
    );
    // One of the two is kept in order, the other moved past it.
    assert!(
        [moved.kind, kept.kind].contains(&PairKind::Moved),
        "{:?} {:?}",
        moved.kind,
        kept.kind
    );
}

#[test]
fn item_moved_to_another_section_is_moved() {
    let text = sample_text("national-gwr-2022.txt");
    // Move the item 积极利用外资 from （七） to the end of （八）.
    let start = text.find("积极利用外资。").unwrap();
    let end = start + text[start..].find('\n').unwrap() + 1;
    let item = &text[start..end];
    let without = format!("{}{}", &text[..start], &text[end..]);
    let nine = without.find("（九）切实保障和改善民生").unwrap();
    let moved_text = format!("{}{}\n{}", &without[..nine], item, &without[nine..]);
    let old = load_sample("national-gwr-2022.txt");
    let new = from_text("moved.txt", &moved_text);
    let c = compare(&old, &new, &CompareOptions::default());
    let p = pair_with_old(&c, "积极利用外资");
    assert_eq!(p.kind, PairKind::Moved);
    assert_eq!(p.new[0].path[1], "（八）持续改善生态环境，推动绿色低碳发展");
    assert_eq!(c.count(PairKind::Added), 0);
    assert_eq!(c.count(PairKind::Removed), 0);
}

/// Lays a report out as PDF text: about 28 characters a line, a blank line after each, a page
/// number every 36 lines and a leading space on the first line of each page.
fn as_pdf_text(text: &str) -> String {
    let mut out = String::new();
    let mut line_no = 0;
    let mut page = 1;
    for para in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if para.starts_with("本作品") {
            break;
        }
        let chars: Vec<char> = para.chars().collect();
        for chunk in chars.chunks(28) {
            if line_no > 0 && line_no % 36 == 0 {
                out.push_str(&format!("\n\n{page}\n\n "));
                page += 1;
            }
            out.extend(chunk);
            out.push_str("\n\n");
            line_no += 1;
        }
    }
    out
}

#[test]
fn a_pdf_style_extraction_outlines_like_the_original() {
    let original = load_sample("national-gwr-2022.txt");
    let pdf = from_text(
        "pdf.txt",
        &as_pdf_text(&sample_text("national-gwr-2022.txt")),
    );
    let titles = |d: &Document| {
        d.walk()
            .iter()
            .filter(|s| s.kind == SectionKind::Heading)
            .map(|s| s.heading_text())
            .collect::<Vec<_>>()
    };
    let (got, want) = (titles(&pdf), titles(&original));
    let missing: Vec<&String> = want.iter().filter(|t| !got.contains(t)).collect();
    let extra: Vec<&String> = got.iter().filter(|t| !want.contains(t)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
    assert_eq!(got, want);
    let c = compare(&original, &pdf, &CompareOptions::default());
    // Headings keep their place and title; only paragraph boundaries that no layout rule can
    // recover (a paragraph ending exactly at the line end) may shift items.
    for p in c.sections.iter().filter(|p| {
        p.old
            .iter()
            .chain(&p.new)
            .any(|r| r.kind == SectionKind::Heading)
    }) {
        assert!(
            matches!(p.kind, PairKind::Unchanged | PairKind::Edited),
            "{:?} {:?}",
            p.kind,
            p.old.first().map(|r| &r.path)
        );
    }
    assert!(c.summary.similarity > 0.98, "{}", c.summary.similarity);
}

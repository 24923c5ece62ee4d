//! Sentence-level changes on the real sample reports, checked by hand against the texts.

use yoydiff::CompareOptions;
use yoydiff::YearShift;
use yoydiff::compare;
use yoydiff::internals::normalize;
use yoydiff::model::ChangeKind;
use yoydiff::model::Comparison;
use yoydiff::model::InlineTag;
use yoydiff::model::PairKind;
use yoydiff::model::SectionKind;
use yoydiff::model::SentenceChange;

mod common;
use common::*;

fn all_changes(c: &Comparison) -> Vec<&SentenceChange> {
    c.sections.iter().flat_map(|p| &p.changes).collect()
}

fn national_pair() -> Comparison {
    compare(
        &load_sample("national-gwr-2022.txt"),
        &load_sample("national-gwr-2023.txt"),
        &CompareOptions::default(),
    )
}

/// The body of a report laid out as PDF text: wrapped at 56 columns (28 Chinese characters,
/// more where digits are narrower) with a blank line
/// after each line, the first line of each paragraph indented by two ideographic spaces, a
/// page number every 30 lines and a single leading space on the first line of the next page,
/// and no title block.
fn relayout(text: &str) -> String {
    // The paragraphs as the web copy holds them (some split by markup into fragments).
    let clean = normalize(text);
    let body = clean
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .skip_while(|l| !l.starts_with("各位代表"));
    let mut out = String::new();
    let mut line = 0;
    for para in body {
        for (i, chunk) in wrap_columns(para, 56).into_iter().enumerate() {
            if line > 0 && line % 30 == 0 {
                out.push_str(&format!("\n\n- {} -\n\n ", line / 30));
            }
            if i == 0 {
                out.push_str("\u{3000}\u{3000}");
            }
            out.push_str(&chunk);
            out.push_str("\n\n");
            line += 1;
        }
    }
    out
}

/// Cuts `text` into lines of at most `width` columns, Chinese characters taking two.
fn wrap_columns(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let w = if c.is_ascii() { 1 } else { 2 };
        if used + w > width {
            lines.push(String::new());
            used = 0;
        }
        lines.last_mut().unwrap().push(c);
        used += w;
    }
    lines
}

#[test]
fn two_extractions_of_one_report_have_no_sentence_changes() {
    let original = load_sample("national-gwr-2022.txt");
    let pdf = from_text("pdf.txt", &relayout(&sample_text("national-gwr-2022.txt")));
    let c = compare(&original, &pdf, &CompareOptions::default());
    // The only differences: the title block the PDF layout left out (removed from the
    // preamble), nothing else.
    for pair in &c.sections {
        let preamble = pair
            .old
            .iter()
            .chain(&pair.new)
            .any(|r| r.kind == SectionKind::Preamble);
        for ch in &pair.changes {
            assert!(
                preamble && ch.kind == ChangeKind::Removed,
                "{:?} in {:?}: {:?} → {:?}",
                ch.kind,
                pair.new.first().map(|r| &r.path),
                ch.old,
                ch.new
            );
        }
    }
    let removed: Vec<&str> = all_changes(&c)
        .iter()
        .filter_map(|ch| ch.old.as_deref())
        .collect();
    assert!(removed.iter().all(|s| !s.contains('。')), "{removed:?}");
}

#[test]
fn gdp_target_change_reads_as_whole_words() {
    let c = national_pair();
    let target = all_changes(&c)
        .into_iter()
        .find(|ch| {
            ch.old
                .as_deref()
                .is_some_and(|s| s.contains("国内生产总值增长5.5%左右"))
                && ch
                    .new
                    .as_deref()
                    .is_some_and(|s| s.contains("国内生产总值增长5%左右"))
        })
        .expect("the GDP target sentence is paired across the editions");
    assert!(matches!(
        target.kind,
        ChangeKind::Reworded | ChangeKind::Moved
    ));
    let deleted: Vec<&str> = target
        .inline
        .iter()
        .filter(|r| r.op == InlineTag::Delete)
        .map(|r| r.text.as_str())
        .collect();
    let inserted: Vec<&str> = target
        .inline
        .iter()
        .filter(|r| r.op == InlineTag::Insert)
        .map(|r| r.text.as_str())
        .collect();
    assert!(deleted.contains(&"5.5%"), "{:?}", target.inline);
    assert!(inserted.contains(&"5%"), "{:?}", target.inline);
    // "今年发展主要预期目标是" stays equal: the year shift and the common words are not edits.
    assert!(
        target.inline[0].op == InlineTag::Equal
            && target.inline[0].text.contains("国内生产总值增长")
    );
}

#[test]
fn reworded_sentences_change_whole_words_not_scattered_characters() {
    let c = national_pair();
    let mut runs = 0;
    let mut single_han = 0;
    for ch in all_changes(&c)
        .into_iter()
        .filter(|ch| !ch.inline.is_empty())
    {
        for r in ch.inline.iter().filter(|r| r.op != InlineTag::Equal) {
            runs += 1;
            let mut chars = r.text.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && ('\u{4e00}'..='\u{9fff}').contains(&c)
            {
                single_han += 1;
            }
        }
        // No equal island of one or two characters between two edits.
        for w in ch.inline.windows(3) {
            if w[1].op == InlineTag::Equal
                && w[0].op != InlineTag::Equal
                && w[2].op != InlineTag::Equal
            {
                assert!(
                    w[1].text.chars().count() > 2,
                    "island {:?} in {:?}",
                    w[1].text,
                    ch.inline
                );
            }
        }
    }
    assert!(runs >= 20, "{runs} edit runs");
    assert!(
        single_han * 10 <= runs,
        "{single_han} of {runs} edits are single characters"
    );
}

#[test]
fn line_numbers_point_into_the_original_files() {
    let c = national_pair();
    let old_text = sample_text("national-gwr-2022.txt");
    let old_lines: Vec<&str> = old_text.lines().collect();
    let new_text = sample_text("national-gwr-2023.txt");
    let new_lines: Vec<&str> = new_text.lines().collect();
    for ch in all_changes(&c) {
        if let (Some(s), Some(l)) = (&ch.old, ch.old_line) {
            let head: String = s.chars().take(6).collect();
            assert!(
                old_lines[l as usize - 1].contains(&head),
                "old line {l}: {s}"
            );
        }
        if let (Some(s), Some(l)) = (&ch.new, ch.new_line) {
            let head: String = s.chars().take(6).collect();
            assert!(
                new_lines[l as usize - 1].contains(&head),
                "new line {l}: {s}"
            );
        }
    }
}

#[test]
fn shifted_edition_has_no_sentence_changes_and_literal_comparison_does() {
    let old = load_sample("national-gwr-2022.txt");
    let text = sample_text("national-gwr-2022.txt")
        .replace("2022年", "2023年")
        .replace("2021年", "2022年");
    let new = from_text("next.txt", &text);
    let auto = compare(&old, &new, &CompareOptions::default());
    assert!(all_changes(&auto).is_empty());
    let literal = compare(
        &old,
        &new,
        &CompareOptions {
            year_shift: YearShift::Off,
            ..Default::default()
        },
    );
    let changes = all_changes(&literal);
    assert!(!changes.is_empty());
    assert!(
        changes.iter().all(|ch| ch.kind == ChangeKind::Reworded),
        "{changes:#?}"
    );
    for ch in changes {
        let edits: String = ch
            .inline
            .iter()
            .filter(|r| r.op != InlineTag::Equal)
            .map(|r| r.text.as_str())
            .collect();
        assert!(
            edits.chars().all(|c| c.is_ascii_digit()),
            "only years changed: {:?}",
            ch.inline
        );
    }
}

#[test]
fn moved_sentences_are_reported_once_with_both_places() {
    let text = sample_text("national-gwr-2022.txt");
    let sentence =
        "强化企业创新主体地位，持续推进关键核心技术攻关，深化产学研用结合，促进科技成果转移转化。";
    assert!(text.contains(sentence));
    let without = text.replacen(sentence, "", 1);
    let anchor = "全面巩固拓展脱贫攻坚成果。";
    let moved = without.replacen(anchor, &format!("{anchor}{sentence}"), 1);
    let c = compare(
        &load_sample("national-gwr-2022.txt"),
        &from_text("moved.txt", &moved),
        &CompareOptions::default(),
    );
    let changes = all_changes(&c);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let m = changes[0];
    assert_eq!(m.kind, ChangeKind::Moved);
    assert_eq!(m.new.as_deref(), Some(sentence));
    assert!(
        m.old_section
            .as_ref()
            .unwrap()
            .iter()
            .any(|h| h.contains("（四）")),
        "{:?}",
        m.old_section
    );
    assert!(
        m.new_section
            .as_ref()
            .unwrap()
            .iter()
            .any(|h| h.contains("全面巩固拓展脱贫攻坚成果")),
        "{:?}",
        m.new_section
    );
    // Only the pairs that gave and took the sentence changed.
    assert!(
        c.sections
            .iter()
            .filter(|p| p.kind != PairKind::Unchanged)
            .count()
            <= 2
    );
}

#[test]
fn summary_counts_match_the_changes() {
    let c = national_pair();
    for kind in [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Reworded,
        ChangeKind::Moved,
    ] {
        let n = all_changes(&c).iter().filter(|ch| ch.kind == kind).count();
        assert_eq!(c.summary.sentences.get(kind), n, "{kind:?}");
    }
    assert!(c.summary.text_changed > 0.0 && c.summary.text_changed <= 1.0);
    assert!(
        c.sections
            .iter()
            .all(|p| (0.0..=1.0).contains(&p.text_changed))
    );
}

/// The 2022 report states this year's main targets in its part 二 itself; the 2023 report in
/// an item of its part 二, and the two parts are aligned. The targets did not move for a
/// reader: they are where they were, so none is reported as moved (those whose figures changed
/// are rewordings).
#[test]
fn targets_renested_in_their_aligned_part_do_not_move() {
    let c = national_pair();
    let moved: Vec<&SentenceChange> = all_changes(&c)
        .into_iter()
        .filter(|ch| ch.kind == yoydiff::model::ChangeKind::Moved)
        .collect();
    for ch in &moved {
        let text = ch.new.as_deref().unwrap_or_default();
        assert!(
            !["主要预期目标", "居民消费价格涨幅", "粮食产量保持在"]
                .iter()
                .any(|w| text.contains(w)),
            "{text}"
        );
    }
    let gdp = all_changes(&c)
        .into_iter()
        .find(|ch| {
            ch.new
                .as_deref()
                .is_some_and(|t| t.starts_with("今年发展主要预期目标是：国内生产总值增长5%左右"))
        })
        .expect("the new GDP target sentence");
    assert_eq!(gdp.kind, yoydiff::model::ChangeKind::Reworded);
    assert!(gdp.old.as_deref().unwrap().contains("5.5%左右"));
}

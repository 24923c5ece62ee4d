//! The briefing as Markdown: the target table as a GFM table, then short bullet lists, each
//! entry ending with where its details are. The changelog and the pull-request comment both
//! open with it, in the words of the report's language.

use super::{cut, escape};
use crate::model::{Briefing, Lang, Place};
use crate::render::shared::{
    Words, initiative_note_text, mover_text, priority_text, stance_text, target_cells,
};

/// Longest innermost heading quoted in a place, in characters.
const PLACE_HEADING_CHARS: usize = 24;

/// Longest list entry, in characters: a stance change quoting two long headings is cut.
const ENTRY_CHARS: usize = 160;

/// The briefing of a comparison of reports in `lang`, under a heading of level `level`
/// (`##`), its parts one level below. An empty briefing says so in one line.
pub fn briefing(b: &Briefing, lang: Lang, level: usize) -> String {
    let w = Words::of(lang);
    let h = "#".repeat(level.clamp(1, 5));
    let sub = "#".repeat(level.clamp(1, 5) + 1);
    let mut s = format!("{h} {}\n\n", w.briefing);
    if b.is_empty() {
        s.push_str(&format!("{}\n\n", w.nothing));
        return s;
    }
    s.push_str(&targets(b, w, &sub));
    let stances: Vec<Entry> = b
        .stances
        .iter()
        .map(|x| (stance_text(x), &x.at, x.new.as_str()))
        .collect();
    s.push_str(&list(&sub, w.stances, &stances, 0, w));
    let priorities: Vec<Entry> = b
        .priorities
        .iter()
        .map(|x| (priority_text(x, w), &x.at, x.title.as_str()))
        .collect();
    s.push_str(&list(&sub, w.priorities, &priorities, 0, w));
    for (title, notes, more) in [
        (w.new_initiatives, &b.new_initiatives, b.more_initiatives[0]),
        (
            w.dropped_initiatives,
            &b.dropped_initiatives,
            b.more_initiatives[1],
        ),
        (w.new_terms, &b.new_terms, b.more_terms),
    ] {
        let entries: Vec<Entry> = notes
            .iter()
            .map(|n| (initiative_note_text(n, w), &n.at, ""))
            .collect();
        s.push_str(&list(&sub, title, &entries, more, w));
    }
    let movers: Vec<Entry> = b
        .movers
        .iter()
        .map(|m| (mover_text(m, w), &m.at, ""))
        .collect();
    s.push_str(&list(&sub, w.movers, &movers, 0, w));
    s
}

/// The target table: one GFM row per indicator, the figures right-aligned.
fn targets(b: &Briefing, w: &Words, sub: &str) -> String {
    if b.targets.is_empty() {
        return String::new();
    }
    let mut s = format!("{sub} {}\n\n", w.targets);
    s.push_str(&format!(
        "| {} |\n|---|---:|---:|---|---:|---:|\n",
        w.columns.map(escape).join(" | ")
    ));
    for row in &b.targets {
        let cells = target_cells(row, w).map(|c| escape(&c));
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s.push('\n');
    if b.more_targets > 0 {
        s.push_str(&format!("{}\n\n", escape(&w.more_targets(b.more_targets))));
    }
    s
}

/// An entry of a list: its text, its place, and the heading it names when it is about a
/// heading (then the place does not repeat that heading).
type Entry<'a> = (String, &'a Place, &'a str);

/// One list: a heading, one bullet per entry with its place after a dash, and a count of the
/// entries left out. Nothing when the list is empty.
fn list(sub: &str, title: &str, entries: &[Entry], more: usize, w: &Words) -> String {
    if entries.is_empty() {
        return String::new();
    }
    let mut s = format!("{sub} {title}\n\n");
    for (text, at, names) in entries {
        s.push_str(&format!(
            "- {} — {}\n",
            escape(&cut(text, ENTRY_CHARS)),
            escape(&place_text(at, names, w))
        ));
    }
    if more > 0 {
        s.push_str(&format!("- {}\n", escape(&w.more(more))));
    }
    s.push('\n');
    s
}

/// The section a place is in (its innermost heading, cut short) and the line; only the line
/// when that heading is the one the entry `names`.
fn place_text(at: &Place, names: &str, w: &Words) -> String {
    match at.section.last() {
        Some(h) if !h.trim().is_empty() && (names.is_empty() || !h.contains(names.trim())) => {
            format!("{} · {}", cut(h.trim(), PLACE_HEADING_CHARS), w.at(at))
        }
        _ => w.at(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InitiativeNote, Quote, TargetRow};
    use crate::model::{Side, Verdict};

    fn place(line: u32) -> Place {
        Place {
            side: Side::New,
            section: vec!["一、总体要求".into(), "（一）稳增长|扩内需".into()],
            line,
        }
    }

    #[test]
    fn chinese_briefing_has_chinese_heads_and_escaped_cells() {
        let quote = |t: &str, v: f64| {
            Some(Quote {
                text: t.into(),
                value: v,
                at: place(3),
            })
        };
        let b = Briefing {
            targets: vec![TargetRow {
                label: "国内生产总值|GDP".into(),
                unit: "%".into(),
                last_target: quote("5%左右", 5.0),
                outcome: quote("5.2%", 5.2),
                verdict: Some(Verdict::Met),
                this_target: quote("5%左右", 5.0),
                target_change: None,
                headline: true,
            }],
            new_initiatives: vec![InitiativeNote {
                name: "*新质生产力*".into(),
                mentions: 2,
                at: place(40),
            }],
            more_initiatives: [3, 0],
            ..Briefing::default()
        };
        let md = briefing(&b, Lang::Zh, 2);
        assert!(
            md.starts_with("## 要点\n\n### 目标一览\n\n| 指标 | 去年目标 |"),
            "{md}"
        );
        assert!(md.contains("| 国内生产总值\\|GDP | 5%左右 | 5.2% | 完成 | 5%左右 | — |"));
        assert!(md.contains("### 新提出\n\n- \\*新质生产力\\*（2处） — （一）稳增长\\|扩内需 · 新版第40行\n- 另有3项\n"));
        let empty = briefing(&Briefing::default(), Lang::En, 2);
        assert_eq!(empty, "## Briefing\n\nNothing stands out.\n\n");
    }
}

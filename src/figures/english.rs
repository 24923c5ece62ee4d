//! English labels: the noun phrase an amount measures, read from the words around it.
//!
//! Reports say what an amount measures in a few shapes: `operating earnings were $27.6
//! billion` (the noun phrase before a linking verb), `$24.8 billion in operating earnings`
//! (after `in`/`of`), `float … reached $138 billion`. The phrase is read backwards from the
//! amount over skipped words (linking verbs, verbs of change, determiners), and stops at a
//! function word, a possessive or a comma. Words that frame an amount rather than name it
//! give no label: a verb the amount is the object of (`Berkshire pays $9 million`), a pronoun
//! (`pay me $100,000`, `let me recast $26.8 billion`) and time words (`the past two years`).
//! A figure without a label of its own takes the one before it in the sentence.

use std::sync::LazyLock;

use super::extract::{Hit, LABEL_WINDOW};
use crate::model::Role;
use crate::script::{ceil_boundary, floor_boundary};
use crate::vocab;

/// Words skipped between an English label and its number (`float was $28 billion`).
static EN_SKIP: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-label-skip-words.txt")));
static EN_STOP: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-label-stop-words.txt")));
static EN_UP: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-rise-words.txt")));
static EN_DOWN: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-fall-words.txt")));
/// Verbs whose object names an amount spent or earned (`repurchased $2.2 billion of shares`).
static EN_ACTION: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-amount-verbs.txt")));
/// Words that frame an amount instead of naming it: reporting and everyday verbs, pronouns,
/// time words (`data/vocab/en-label-framing-words.txt`).
static EN_FRAMING: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-label-framing-words.txt")));

/// Most words an English label keeps; official names (`rest of asia pacific net sales`) run
/// to six.
const MAX_LABEL_WORDS: usize = 6;

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '’' && c != '\'')
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// A framing word, or one with the third-person `-s` (`pays`, `gets`).
fn is_framing(w: &str) -> bool {
    EN_FRAMING.contains(&w)
        || w.strip_suffix('s')
            .is_some_and(|v| v.len() > 2 && EN_FRAMING.contains(&v))
}

/// A possessive (`berkshire’s`, `apple's`).
fn possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

/// The sign an English growth figure carries, read from the verbs just before it.
fn en_sign(last_words: &[&str]) -> f64 {
    if last_words.iter().any(|w| EN_DOWN.contains(w)) {
        -1.0
    } else {
        1.0
    }
}

/// The noun phrase after `in`/`of` following an amount (`$24.8 billion in operating earnings`,
/// `0.1% of Apple’s 2021 earnings`).
fn noun_after(rest: &str) -> Option<String> {
    let lower = rest.to_lowercase();
    let t = lower.trim_start();
    let t = t.strip_prefix("in ").or_else(|| t.strip_prefix("of "))?;
    let mut words: Vec<String> = Vec::new();
    for raw in t.split_whitespace() {
        let w = trim_word(raw);
        if words.is_empty() && ["the", "a", "an", "our", "its", "their"].contains(&w) {
            continue;
        }
        // `of Apple’s 2021 earnings`: the year times the earnings, it does not end them.
        if is_year(w) && !words.is_empty() {
            continue;
        }
        if w.is_empty()
            || w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
            || EN_STOP.contains(&w)
            || EN_SKIP.contains(&w)
            || is_framing(w)
            || words.len() >= MAX_LABEL_WORDS
        {
            break;
        }
        words.push(w.to_string());
        if raw.ends_with([',', '.', ';', ':', ')', '”', '"']) {
            break;
        }
    }
    // `$138 billion of insurance “float”`: a possessive alone names the owner, not the thing.
    if words.len() == 1 && possessive(&words[0]) {
        return None;
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// Words that open the phrase after an amount without naming it: comparatives, the adverbs
/// of a rate and prepositions (`61% higher than`, `19% compounded annually`, `25% within
/// one-to-two years`).
const NOT_ATTRIBUTIVE: &[&str] = &[
    "compounded",
    "annually",
    "higher",
    "lower",
    "more",
    "less",
    "above",
    "below",
    "after",
    "before",
    "times",
    "within",
    "under",
    "through",
    "between",
    "among",
    "against",
    "beyond",
];

/// Determiners that make an amount an attribute of the noun after it (`a $250 billion loss`,
/// `our 27% ownership of Kraft Heinz`).
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "our", "its", "their", "this", "that", "his", "her",
];

/// The noun phrase an amount is an attribute of: `a $3.0 billion non-cash loss`, `a 26.6%
/// interest in Kraft Heinz`, `24 million restricted stock units`, `a $10 million top-up to the
/// Self-Help Groups`. `in`, `of` and `to` join a second phrase; the phrase ends at a stop
/// word, a verb skipped before amounts, a framing word, a year or a number.
fn noun_attributed(rest: &str, count: bool) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let mut after_connector = false;
    for raw in rest.split_whitespace() {
        let w = trim_word(raw).to_lowercase();
        let w = w.as_str();
        let connector = matches!(w, "in" | "of" | "to");
        if after_connector && matches!(w, "the" | "a" | "an") {
            continue;
        }
        if connector && !words.is_empty() && !after_connector {
            words.push(w.to_string());
            after_connector = true;
            continue;
        }
        if w.is_empty()
            || w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
            || is_year(w)
            || EN_STOP.contains(&w)
            || EN_SKIP.contains(&w)
            || is_framing(w)
            || words.is_empty() && NOT_ATTRIBUTIVE.contains(&w)
            || words.len() >= MAX_LABEL_WORDS
        {
            break;
        }
        after_connector = false;
        words.push(w.to_string());
        if raw.ends_with([',', '.', ';', ':', ')', '”', '"']) {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| matches!(w.as_str(), "in" | "of" | "to"))
    {
        words.pop();
    }
    // `the $122 million earned in 2000`: a participle alone is the verb, not a name.
    if words.len() == 1 && words[0].ends_with("ed") {
        return None;
    }
    // `a 10.8% rate`, `a $53.7 billion gain`: one word names too little to follow an amount
    // across editions (every rate meets every other); a count names its things (`143 million
    // miles`).
    if words.len() == 1 && !count {
        return None;
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The noun phrase before an amount, read backwards over the clause.
fn noun_before(prefix: &str) -> String {
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let mut i = words.len();
    while i > 0 {
        let w = trim_word(words[i - 1]).to_lowercase();
        // `a whopping $3.2 billion`, `an additional 5%`: one word between an article and an
        // amount qualifies the amount; it is not what is measured.
        let qualifies_amount = i == words.len()
            && i >= 2
            && matches!(trim_word(words[i - 2]).to_lowercase().as_str(), "a" | "an");
        if EN_SKIP.contains(&w.as_str()) || is_year(&w) || w.is_empty() || qualifies_amount {
            i -= 1;
        } else {
            break;
        }
    }
    // The amount is the object of a verb or follows a pronoun (`Berkshire pays $9 million`,
    // `pay me $100,000`): the words before name who acts, not what is measured.
    if i > 0 && is_framing(&trim_word(words[i - 1]).to_lowercase()) {
        return String::new();
    }
    let mut picked: Vec<String> = Vec::new();
    while i > 0 && picked.len() < MAX_LABEL_WORDS {
        let raw = words[i - 1];
        let w = trim_word(raw).to_lowercase();
        let connector = matches!(w.as_str(), "in" | "of" | "for") && !picked.is_empty();
        // `interest rate of the company’s commercial paper`: the article after a connector.
        if w == "the"
            && !picked.is_empty()
            && i >= 2
            && matches!(
                trim_word(words[i - 2]).to_lowercase().as_str(),
                "in" | "of" | "for"
            )
        {
            i -= 1;
            continue;
        }
        if w.is_empty()
            || is_year(&w)
            || possessive(&w)
            || raw.ends_with([',', ';', ':', '.'])
            || (!connector
                && (EN_STOP.contains(&w.as_str())
                    || EN_SKIP.contains(&w.as_str())
                    || is_framing(&w)))
            || w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
        {
            break;
        }
        picked.push(w);
        i -= 1;
    }
    while picked
        .last()
        .is_some_and(|w| matches!(w.as_str(), "in" | "of" | "for"))
    {
        picked.pop();
    }
    picked.reverse();
    picked.join(" ")
}

/// Labels and roles for the hits of an English sentence.
pub(super) fn labels(s: &str, found: &[Hit]) -> Vec<(String, Role, f64)> {
    let mut out = Vec::with_capacity(found.len());
    let mut prev_from = false;
    let mut prev_end = 0usize;
    let mut prev_label = String::new();
    let mut prev_growth = false;
    for h in found {
        let window_start = floor_boundary(s, h.q.start.saturating_sub(LABEL_WINDOW)).max(prev_end);
        let window_end = ceil_boundary(s, h.q.end + LABEL_WINDOW);
        let clause_start = s[window_start..h.q.start]
            .rfind([',', ';', ':', '(', '–', '—'])
            .map_or(window_start, |b| {
                window_start + b + s[window_start + b..].chars().next().unwrap().len_utf8()
            });
        let prefix = &s[clause_start..h.q.start];
        let rest_end = s[h.q.end..window_end]
            .find([',', ';', ':', '(', '.'])
            .map_or(window_end, |e| h.q.end + e);
        let rest = &s[h.q.end..rest_end.max(h.q.end)];
        let lower_prefix = prefix.to_lowercase();
        let last_words: Vec<&str> = lower_prefix
            .split_whitespace()
            .rev()
            .take(6)
            .map(trim_word)
            .collect();
        let action = last_words
            .iter()
            .take(3)
            .find(|w| EN_ACTION.contains(w))
            .copied();
        // `a $250 billion loss`, `24 million restricted stock units`: the amount qualifies
        // the noun after it, after a determiner, at the start of a clause, or as a count.
        let attributive =
            last_words.first().is_none_or(|w| DETERMINERS.contains(w)) || h.q.unit.is_empty();
        let mut label = match (noun_after(rest), action) {
            (Some(n), Some(a)) => format!("{a} {n}"),
            (Some(n), None) => n,
            (None, _) => attributive
                .then(|| noun_attributed(rest, h.q.unit.is_empty()))
                .flatten()
                .unwrap_or_else(|| noun_before(prefix)),
        };
        let last = last_words.first().copied().unwrap_or("");
        // `grown from $19 million … to $147 billion`: the second amount is the same thing.
        if label.is_empty() || last == "to" && prev_from {
            label = prev_label.clone();
        }
        prev_from = last == "from";
        let moved = last_words
            .iter()
            .any(|w| EN_UP.contains(w) || EN_DOWN.contains(w));
        let rest_lower = rest.trim_start().to_lowercase();
        let compounded = rest_lower.starts_with("compounded") || rest_lower.starts_with("annually");
        // `decreased 4% or $7.1 billion`: the amount after `or` restates the change.
        let restated_change = h.q.unit != "%" && last == "or" && prev_growth;
        let role = if h.q.unit == "%" && (compounded || moved && last != "to" && last != "from")
            || h.q.unit != "%"
                && (moved && last == "by" || EN_UP.contains(&last) || EN_DOWN.contains(&last))
            || restated_change
        {
            Role::Growth
        } else if h.q.unit == "%"
            && (rest_lower.starts_with("of ")
                || ["ownership", "stake", "owned", "own", "share"]
                    .iter()
                    .any(|w| last_words.contains(w)))
        {
            Role::Share
        } else if h.q.counted {
            Role::Count
        } else {
            Role::Level
        };
        if !label.is_empty() {
            prev_label = label.clone();
        }
        let sign = if restated_change {
            out.last().map_or(1.0, |(_, _, s): &(String, Role, f64)| *s)
        } else {
            en_sign(&last_words)
        };
        prev_growth = role == Role::Growth;
        prev_end = h.q.end;
        out.push((label, role, sign));
    }
    out
}

/// Label abbreviations (`gdp = gross domestic product`), as (short, long words).
static ABBREVIATIONS: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| {
    vocab::lines(include_str!("../../data/vocab/en-label-abbreviations.txt"))
        .into_iter()
        .filter_map(|l| {
            let (short, long) = l.split_once('=')?;
            Some((short.trim(), long.split_whitespace().collect()))
        })
        .collect()
});

/// A word in its singular (`earnings` → `earning`, `losses` → `loss`, `companies` →
/// `company`), so that plural and singular labels meet.
fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 2
    {
        return format!("{stem}y");
    }
    for end in ["sses", "xes", "ches", "shes"] {
        if w.ends_with(end) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The words of a label as compared: lower case, singular, articles and `of`/`and` left out,
/// long forms of abbreviations replaced by the short one.
fn label_words(label: &str) -> Vec<String> {
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '&' || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    'word: while i < words.len() {
        for (short, long) in ABBREVIATIONS.iter() {
            if words[i..].starts_with(long) {
                out.push(short.to_string());
                i += long.len();
                continue 'word;
            }
        }
        let w = words[i];
        if !matches!(w, "the" | "a" | "an" | "of" | "and" | "to" | "in" | "for") {
            out.push(singular(w));
        }
        i += 1;
    }
    out
}

/// How alike two English labels are, in [0, 1], or `None` when either label is not English
/// (it holds Han characters or no letter). Word Dice, raised when the two share their head
/// noun (the last word: `insurance float` / `total float`; more when one label's words are
/// all in the other: `net sales` / `total net sales`) and halved when the heads differ
/// (`gdp` / `surplus-to-gdp ratio`).
pub(super) fn label_similarity(a: &str, b: &str) -> Option<f64> {
    let english = |s: &str| {
        !s.chars().any(crate::script::is_han) && s.chars().any(|c| c.is_ascii_alphabetic())
    };
    if !english(a) || !english(b) {
        return None;
    }
    let (wa, wb) = (label_words(a), label_words(b));
    if wa.is_empty() || wb.is_empty() {
        return Some(0.0);
    }
    if wa == wb {
        return Some(1.0);
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    let dice = 2.0 * shared as f64 / (wa.len() + wb.len()) as f64;
    Some(if wa.last() == wb.last() {
        let subset = wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w));
        dice.max(if subset { 0.8 } else { 0.55 })
    } else {
        dice * 0.5
    })
}

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

/// Nouns that name an amount of money alone (`a $250 billion loss`,
/// `data/vocab/en-amount-nouns.txt`): the one-word labels an amount may qualify.
static AMOUNT_NOUNS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-amount-nouns.txt")));
/// Verbs of money and the noun of what they measure (`earned` → `earnings`,
/// `data/vocab/en-verb-nouns.txt`).
static VERB_NOUNS: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
    vocab::lines(include_str!("../../data/vocab/en-verb-nouns.txt"))
        .into_iter()
        .filter_map(|l| {
            let (verb, noun) = l.split_once('=')?;
            Some((verb.trim(), noun.trim()))
        })
        .collect()
});

/// The noun a verb of money names its amount by (`earned` → `earnings`).
fn verb_noun(w: &str) -> Option<&'static str> {
    VERB_NOUNS.iter().find(|(v, _)| *v == w).map(|(_, n)| *n)
}

/// A noun that names an amount of money alone, singular or plural (`loss`, `losses`).
fn amount_noun(w: &str) -> bool {
    AMOUNT_NOUNS.contains(&w)
        || w.strip_suffix("es")
            .is_some_and(|v| AMOUNT_NOUNS.contains(&v))
        || w.strip_suffix('s')
            .is_some_and(|v| AMOUNT_NOUNS.contains(&v))
}

/// An adverb of manner or frequency (`usually`, `easily`, `typically`): a word in `-ly` that
/// no determiner stands before (`the quarterly`, `a monthly` are adjectives of a noun).
fn adverb(w: &str, before: Option<&str>) -> bool {
    w.len() >= 5 && w.ends_with("ly") && !before.is_some_and(|b| DETERMINERS.contains(&b))
}

/// A dash between two capitalised words joins a name (`GSTV – Cash`), it does not part
/// clauses (`our float – money that doesn’t belong to us`).
fn name_dash(before: &str, after: &str) -> bool {
    let capital = |w: &str| {
        w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(|c: char| c.is_uppercase())
    };
    capital(before) && capital(after)
}

/// Most words an English label keeps; official names (`rest of asia pacific net sales`) run
/// to six.
const MAX_LABEL_WORDS: usize = 6;

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '’' && c != '\'')
}

/// A word whose punctuation ends the phrase it is in (`losses,`, `“float”`), except the
/// stops of an abbreviation (`U.S.`).
fn ends_phrase(raw: &str) -> bool {
    let abbreviation = raw.ends_with('.') && raw[..raw.len() - 1].contains('.');
    raw.ends_with([',', '.', ';', ':', ')', '”', '"']) && !abbreviation
}

/// A year (`2019`) or a fiscal year (`fy2013`, `FY2023`).
fn is_year(w: &str) -> bool {
    let w = w
        .strip_prefix("fy")
        .or_else(|| w.strip_prefix("FY"))
        .unwrap_or(w);
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// A framing word, or one with the third-person `-s` (`pays`, `gets`).
fn is_framing(w: &str) -> bool {
    EN_FRAMING.contains(&w)
        || w.strip_suffix('s')
            .is_some_and(|v| v.len() > 2 && EN_FRAMING.contains(&v))
}

/// A word that ends the noun phrase after an amount: nothing, a number or amount, a year, a
/// stop word, a verb skipped before amounts, or a framing word.
fn ends_noun_phrase(w: &str) -> bool {
    w.is_empty()
        || w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
        || is_year(w)
        || EN_STOP.contains(&w)
        || EN_SKIP.contains(&w)
        || is_framing(w)
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
    // `$400 billion or more of insured losses`: the bound does not end the amount.
    let t = ["or more ", "or less ", "or so "]
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .unwrap_or(t);
    let t = t.strip_prefix("in ").or_else(|| t.strip_prefix("of "))?;
    // `$200 … in the form of LifeSG credits`: the form is what the amount is paid in.
    let t = t.strip_prefix("the form of ").unwrap_or(t);
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
        if ends_noun_phrase(w) || words.len() >= MAX_LABEL_WORDS {
            break;
        }
        words.push(w.to_string());
        if ends_phrase(raw) {
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

/// Nouns of a gain or loss, named by what they come from (`a $3 billion gain from …`).
const GAIN_NOUNS: &[&str] = &["gain", "loss", "gains", "losses", "charge", "benefit"];

/// Modal verbs between a label and its amount (`the minimum hourly rate will be increased
/// from $9`), skipped like the linking verbs after them.
const MODALS: &[&str] = &[
    "will", "would", "shall", "should", "can", "could", "may", "might", "must",
];

/// Heads that say an amount is a figure without saying of what (`a GAAP figure of $13.8
/// billion`): the thing is named before them (`our Kraft Heinz holding at a GAAP figure of`).
const AMOUNT_HEADS: &[&str] = &["figure", "amount", "sum"];

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
        if ends_noun_phrase(w)
            || words.is_empty() && NOT_ATTRIBUTIVE.contains(&w)
            || words.len() >= MAX_LABEL_WORDS
        {
            break;
        }
        after_connector = false;
        words.push(w.to_string());
        if ends_phrase(raw) {
            break;
        }
    }
    // `the enhanced 70% risk-share under the Trade Loan`: a preposition that is left last
    // opens a phrase the label does not keep.
    while words.last().is_some_and(|w| {
        matches!(w.as_str(), "in" | "of" | "to") || NOT_ATTRIBUTIVE.contains(&w.as_str())
    }) {
        words.pop();
    }
    // `the $122 million earned in 2000`: a participle alone is the verb, not a name; a verb
    // of money names the amount by its noun (`the $6.9 billion earned by American Express`).
    if words.len() == 1 && words[0].ends_with("ed") {
        return verb_noun(&words[0]).map(str::to_string);
    }
    // `a $53.7 billion gain from an increase in the amount of net unrealized capital gains`:
    // a gain or loss is named by what it comes from, the last noun phrase of its source.
    if words.len() == 1 && GAIN_NOUNS.contains(&words[0].as_str()) {
        let lower = rest.to_lowercase();
        let source = lower
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(from) = source
            .strip_prefix("from ")
            .or_else(|| source.strip_prefix("on "))
        {
            let np = from
                .rsplit_once(" of ")
                .or_else(|| from.rsplit_once(" in "))
                .map_or(from, |(_, np)| np);
            let np: Vec<&str> = np
                .split_whitespace()
                .map(trim_word)
                .take_while(|w| {
                    !w.is_empty()
                        && !EN_STOP.contains(w)
                        && !EN_SKIP.contains(w)
                        && !w.starts_with(|c: char| c.is_ascii_digit())
                })
                .take(MAX_LABEL_WORDS - 1)
                .collect();
            if !np.is_empty() {
                return Some(format!("{} from {}", words[0], np.join(" ")));
            }
        }
    }
    // `a 10.8% rate`: one word names too little to follow an amount across editions (every
    // rate meets every other), except a noun of money (`a $250 billion loss`); a count names
    // its things (`143 million miles`).
    if words.len() == 1 && !count && !amount_noun(&words[0]) {
        return None;
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The noun phrase before an amount, read backwards over the clause.
fn noun_before(prefix: &str) -> String {
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| trim_word(w).to_lowercase()).collect();
    let mut i = words.len();
    while i > 0 {
        let w = lower[i - 1].as_str();
        // `a whopping $3.2 billion`, `an additional 5%`: one word between an article and an
        // amount qualifies the amount; it is not what is measured.
        let qualifies_amount =
            i == words.len() && i >= 2 && matches!(lower[i - 2].as_str(), "a" | "an");
        // `from the current $5,000`: the amount's own adjective.
        let current = i == words.len() && matches!(w, "current" | "present" | "existing");
        // `revenues last year of $45 billion`: a time phrase between the thing and its amount.
        let time = w == "year"
            && i >= 2
            && matches!(lower[i - 2].as_str(), "last" | "this" | "that" | "next");
        // `can easily swing by $10 billion`, `will increase from $28,000`: the word after a
        // modal verb (over adverbs) is a verb, not the thing measured.
        let mut k = i - 1;
        while k > 0 && adverb(&lower[k - 1], k.checked_sub(2).map(|j| lower[j].as_str())) {
            k -= 1;
        }
        let after_modal = k > 0 && MODALS.contains(&lower[k - 1].as_str()) && k < i;
        let before = (i >= 2).then(|| lower[i - 2].as_str());
        if time {
            i -= 2;
        } else if after_modal && !adverb(w, before) && !is_framing(w) {
            i = k;
        } else if EN_SKIP.contains(&w)
            || adverb(w, before)
            || MODALS.contains(&w)
            || is_year(w)
            || w.is_empty()
            || qualifies_amount
            || current
        {
            i -= 1;
        } else {
            break;
        }
    }
    // The amount is the object of a verb or follows a pronoun (`Berkshire pays $9 million`,
    // `pay me $100,000`): the words before name who acts, not what is measured.
    if i > 0 && is_framing(&lower[i - 1]) {
        return String::new();
    }
    let mut picked = pick_back(&words, &lower, &mut i);
    // `our Kraft Heinz holding at a GAAP figure of $13.8 billion`: a figure says nothing of
    // what it is; the thing valued stands before `at a …`.
    if picked
        .first()
        .is_some_and(|h| AMOUNT_HEADS.contains(&h.as_str()))
    {
        let mut j = i;
        while j > 0 && matches!(lower[j - 1].as_str(), "a" | "an" | "the" | "at" | "of") {
            j -= 1;
        }
        if j < i && j > 0 && matches!(lower[j].as_str(), "at") {
            let owner = pick_back(&words, &lower, &mut j);
            if !owner.is_empty() {
                picked = owner;
            }
        }
    }
    picked.reverse();
    picked.join(" ")
}

/// The words of a noun phrase read backwards from `words[..*i]`, last word first; `*i` ends
/// at the word that stopped it. `in`, `of`, `for` and `on` join a phrase to its head
/// (`depreciation expense on property`); `and` joins the items of a list (`property, plant
/// and equipment`) and of a name (`Continuing Education and Training`); a comma ends the
/// phrase, except inside such a list.
fn pick_back(words: &[&str], lower: &[String], i: &mut usize) -> Vec<String> {
    let mut picked: Vec<String> = Vec::new();
    let mut in_list = false;
    // Two words more than a label keeps, so a time phrase (`as of the respective vesting
    // dates of RSUs`) is read to its end and dropped.
    let content = |p: &[String]| {
        p.iter()
            .filter(|w| !matches!(w.as_str(), "in" | "of" | "for" | "on" | "to" | "and" | "–"))
            .count()
    };
    while *i > 0 && content(&picked) < MAX_LABEL_WORDS + 2 {
        let raw = words[*i - 1];
        let w = lower[*i - 1].clone();
        // `based on foreign pretax earnings`, `obtained in exchange for`: after a participle
        // the preposition starts its object, not a longer name.
        let after_participle = *i >= 2 && lower[*i - 2].ends_with("ed");
        // `yield to maturity`: `to` joins two nouns, but not after a verb (`expected to`,
        // `going to`) or a word that ends a label.
        let noun_to = w == "to"
            && *i >= 2
            && !lower[*i - 2].ends_with("ing")
            && !EN_STOP.contains(&lower[*i - 2].as_str())
            && !EN_SKIP.contains(&lower[*i - 2].as_str())
            && !MODALS.contains(&lower[*i - 2].as_str())
            && !is_framing(&lower[*i - 2]);
        let connector = (matches!(w.as_str(), "in" | "of" | "for" | "on") || noun_to)
            && !picked.is_empty()
            && !after_participle;
        // `the Assessable Income threshold for GSTV – Cash`: a dash inside a name.
        if matches!(raw, "–" | "—")
            && !picked.is_empty()
            && *i >= 2
            && name_dash(words[*i - 2], words[*i])
        {
            picked.push("–".to_string());
            *i -= 1;
            continue;
        }
        let capital = |k: usize| words[k].starts_with(|c: char| c.is_uppercase());
        let list_and = w == "and"
            && !picked.is_empty()
            && *i >= 2
            && (*i >= 3 && words[*i - 3].ends_with(',') || capital(*i - 2) && capital(*i));
        // `the interest rate of the company’s commercial paper`: the article after a connector.
        if matches!(
            w.as_str(),
            "the" | "this" | "these" | "those" | "its" | "their" | "our"
        ) && !picked.is_empty()
            && *i >= 2
            && matches!(lower[*i - 2].as_str(), "in" | "of" | "for" | "on")
        {
            *i -= 1;
            continue;
        }
        // `the compounded annual increase to date for the index fund`: `to date` is a time.
        if w == "date" && *i >= 2 && lower[*i - 2] == "to" {
            *i -= 2;
            continue;
        }
        if list_and {
            in_list = *i >= 3 && words[*i - 3].ends_with(',');
            picked.push(w);
            *i -= 1;
            continue;
        }
        // `the fair value as of the respective vesting dates of RSUs`: `as of` opens a time,
        // so the thing measured stands before it.
        if w == "as" && picked.last().is_some_and(|p| p == "of") && picked.len() < 8 {
            picked.clear();
            *i -= 1;
            continue;
        }
        let comma = raw.ends_with([',', ';', ':', '.']);
        let list_comma = in_list && raw.ends_with(',');
        if w.is_empty()
            || is_year(&w)
            || possessive(&w)
            || comma && !list_comma
            || (!connector
                && (EN_STOP.contains(&w.as_str())
                    || EN_SKIP.contains(&w.as_str())
                    || is_framing(&w)))
            || w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
        {
            break;
        }
        if list_comma {
            in_list = false;
        }
        picked.push(w);
        *i -= 1;
    }
    while content(&picked) > MAX_LABEL_WORDS {
        picked.pop();
    }
    while picked
        .last()
        .is_some_and(|w| matches!(w.as_str(), "in" | "of" | "for" | "on" | "to" | "and" | "–"))
    {
        picked.pop();
    }
    picked
}

/// Where the clause holding an amount starts in `s[from..at]`: after the last comma,
/// semicolon, colon, bracket or dash, except a comma inside a list that ends before the
/// amount (`investments in property, plant and equipment have totaled $121 billion`).
fn en_clause_start(s: &str, from: usize, at: usize) -> usize {
    let mut end = at;
    loop {
        let Some(b) = s[from..end].rfind([',', ';', ':', '(', '–', '—']) else {
            return from;
        };
        let b = from + b;
        let next = b + s[b..].chars().next().unwrap().len_utf8();
        let after: Vec<&str> = s[next..at].split_whitespace().collect();
        // `the Assessable Income threshold for GSTV – Cash will increase`: a dash between
        // capitalised words is part of a name.
        let dash_in_name = s[b..].starts_with(['–', '—'])
            && s[from..b].ends_with(' ')
            && name_dash(
                s[from..b].split_whitespace().last().unwrap_or(""),
                after.first().copied().unwrap_or(""),
            );
        if dash_in_name {
            end = b;
            continue;
        }
        // The list's last items and a verb: a few words only.
        let list_comma = s[b..].starts_with(',')
            && (3..=6).contains(&after.len())
            && after[..3].iter().any(|w| matches!(*w, "and" | "or"))
            && !after[0].ends_with(',')
            && after[0].starts_with(|c: char| c.is_alphabetic())
            && !matches!(
                after[0].to_lowercase().as_str(),
                "and" | "or" | "which" | "who"
            );
        if !list_comma {
            return next;
        }
        end = b;
    }
}

/// Whether a clause before an amount only links it to what the clause before names: a
/// relative clause (`which is currently set at`), a participle (`capped at`, `based on`) or
/// `or` restating the thing before (`or up to`).
fn linking_clause(prefix: &str) -> bool {
    let words: Vec<String> = prefix
        .split_whitespace()
        .map(|w| trim_word(w).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    matches!(first.as_str(), "which" | "or")
        || words.len() <= 2
            && first.ends_with("ed")
            && words[1..].iter().all(|w| EN_SKIP.contains(&w.as_str()))
}

/// The noun phrase that ends the clause before `head`'s end, over one participle clause
/// (`the fair value of the Companys Notes, based on Level 2 inputs,`).
fn previous_clause_noun(head: &str) -> String {
    let head = head.trim_end().trim_end_matches([',', ';']);
    let mut clauses: Vec<&str> = head.split(',').collect();
    let last = clauses.pop().unwrap_or("");
    let first_word = last
        .split_whitespace()
        .next()
        .map(|w| trim_word(w).to_lowercase())
        .unwrap_or_default();
    let participle = first_word.ends_with("ed") || first_word.ends_with("ing");
    let clause = match clauses.last() {
        Some(before) if participle => before,
        _ => last,
    };
    noun_before(clause)
}

/// Where the words after an amount stop being its phrase: a comma, semicolon, colon, bracket
/// or a full stop, but not the stops inside an abbreviation (`U.S. Treasury`).
fn phrase_end(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    rest.match_indices([',', ';', ':', '(', '.'])
        .map(|(i, _)| i)
        .find(|&i| {
            b[i] != b'.'
                || !(b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
                    || i >= 1
                        && b[i - 1].is_ascii_uppercase()
                        && (i == 1 || !b[i - 2].is_ascii_alphabetic()))
        })
}

/// `will be taxed at 23%`: a percentage a passive verb applies at is the rate of the verb's
/// noun (`tax rate`).
fn passive_rate(last_words: &[&str], unit: &str) -> Option<String> {
    let [at, verb, be, ..] = last_words else {
        return None;
    };
    if unit != "%"
        || *at != "at"
        || !matches!(*be, "be" | "been" | "is" | "are" | "was" | "were")
        || EN_UP.contains(verb)
        || EN_DOWN.contains(verb)
        || EN_SKIP.contains(verb)
        || is_framing(verb)
    {
        return None;
    }
    let stem = verb.strip_suffix("ed")?;
    // `capped` → `cap`: the consonant doubled before `-ed` goes.
    let b = stem.as_bytes();
    let stem = if b.len() >= 2
        && b[b.len() - 1] == b[b.len() - 2]
        && !b"aeiouls".contains(&b[b.len() - 1])
    {
        &stem[..stem.len() - 1]
    } else {
        stem
    };
    (stem.len() >= 3).then(|| format!("{stem} rate"))
}

/// A label read backwards that ends in a verb of money ends in its noun instead (`Berkshire
/// earned $4.0 billion` → `berkshire earnings`).
fn with_verb_noun(label: String) -> String {
    let (head, last) = label.rsplit_once(' ').unwrap_or(("", &label));
    match verb_noun(last) {
        Some(noun) if head.is_empty() => noun.to_string(),
        Some(noun) => format!("{head} {noun}"),
        None => label,
    }
}

/// The named party after an amount (`to the Charities Capability Fund`, `from Past
/// Reserves`): `to` or `from`, maybe `the`, then capitalised words; a month starts a date,
/// not a name.
fn named_party(rest: &str) -> Option<String> {
    let mut words = rest.split_whitespace();
    let prep = words.next()?;
    if !matches!(prep, "to" | "from") {
        return None;
    }
    let mut name: Vec<String> = Vec::new();
    for raw in words {
        let w = trim_word(raw);
        if name.is_empty() && w == "the" {
            continue;
        }
        if !w.starts_with(|c: char| c.is_uppercase()) || name.len() >= 4 {
            break;
        }
        name.push(w.to_lowercase());
        if ends_phrase(raw) {
            break;
        }
    }
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if name.is_empty() || MONTHS.contains(&name[0].as_str()) {
        return None;
    }
    Some(format!("{prep} {}", name.join(" ")))
}

/// Labels and roles for the hits of an English sentence.
pub(super) fn labels(s: &str, found: &[Hit]) -> Vec<(String, Role, f64)> {
    let mut out = Vec::with_capacity(found.len());
    let mut prev_from = false;
    let mut prev_end = 0usize;
    let mut prev_label = String::new();
    let mut prev_growth = false;
    let mut prev_rate: Option<String> = None;
    for h in found {
        let window_start = floor_boundary(s, h.q.start.saturating_sub(LABEL_WINDOW)).max(prev_end);
        let window_end = ceil_boundary(s, h.q.end + LABEL_WINDOW);
        let clause_start = en_clause_start(s, window_start, h.q.start);
        let prefix = &s[clause_start..h.q.start];
        let rest_end = phrase_end(&s[h.q.end..window_end]).map_or(window_end, |e| h.q.end + e);
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
        // Also after one word that follows a determiner (`a further 1% cut`, `the current 21%
        // corporate tax rate`) and as the object of a verb of money (`purchasing $500,000 face
        // amount of …`).
        let attributive = last_words.first().is_none_or(|w| DETERMINERS.contains(w))
            || h.q.unit.is_empty()
            || last_words.get(1).is_some_and(|w| DETERMINERS.contains(w))
                && last_words[0].starts_with(|c: char| c.is_alphabetic())
                && !EN_SKIP.contains(&last_words[0])
            || last_words.first().is_some_and(|w| EN_ACTION.contains(w));
        // `the portion … in excess of $1.5 million would be taxed at 5%; while that in excess
        // of $3 million …`: the rate names its percentage only, so the amount after it keeps
        // the label before.
        let rate = noun_after(rest)
            .is_none()
            .then(|| passive_rate(&last_words, &h.q.unit))
            .flatten();
        let from_rate = rate.is_some();
        let mut label = match (noun_after(rest), action) {
            (Some(n), Some(a)) => format!("{a} {n}"),
            (Some(n), None) => n,
            (None, _) => rate
                .or_else(|| {
                    attributive
                        .then(|| noun_attributed(rest, h.q.unit.is_empty()))
                        .flatten()
                })
                .unwrap_or_else(|| with_verb_noun(noun_before(prefix))),
        };
        // `a top-up of $26 million to the Charities Capability Fund`, `draw up to $11 billion
        // from Past Reserves`: a named recipient or source completes the label.
        if !label.is_empty()
            && let Some(name) = named_party(rest)
        {
            label = format!("{label} {name}");
        }
        // `…Tax Rebate, capped at $40,000`, `the fair value of the Notes, based on Level 2
        // inputs, was $90.8 billion`, `…regular U-Save rebates, or up to $950`, `which is
        // currently set at $1,400`: a clause that only links or restates names its amount in
        // the clause before.
        let linking = linking_clause(prefix);
        // A clause of linking words only (`, up 43%`, `, was $90.8 billion`); a clause with a
        // framing word (`we paid $3.3 billion`) names nothing on purpose.
        let short_clause = prefix.split_whitespace().count() <= 3
            && prefix.split_whitespace().all(|w| {
                let w = trim_word(w).to_lowercase();
                !matches!(w.as_str(), "we" | "it" | "i" | "they" | "you")
                    && EN_SKIP.contains(&w.as_str())
                    || EN_UP.contains(&w.as_str())
                    || EN_DOWN.contains(&w.as_str())
                    || w == "or"
                    || w == "with"
                    || adverb(&w, None)
            });
        if linking || label.is_empty() && prev_label.is_empty() && short_clause {
            let before = previous_clause_noun(&s[window_start..clause_start]);
            if !before.is_empty() {
                label = before;
            } else if linking {
                label.clear();
            }
        }
        // `from the current $5,000 to $5,500`: the adjective does not part the amounts.
        let last = last_words
            .iter()
            .copied()
            .find(|w| !matches!(*w, "the" | "current" | "present" | "existing"))
            .unwrap_or("");
        // `grown from $19 million … to $147 billion`: the second amount is the same thing.
        if label.is_empty() || last == "to" && prev_from {
            label = match &prev_rate {
                // `…taxed at 24%; both up from 22% today`: a percentage keeps the rate.
                Some(r) if h.q.unit == "%" => r.clone(),
                _ => prev_label.clone(),
            };
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
        if from_rate {
            prev_rate = Some(label.clone());
        } else if !label.is_empty() {
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

#[cfg(test)]
mod tests {
    use crate::OutlineOptions;
    use crate::model::Figure;

    /// The figures of an English text, read the way `extract` reads a report.
    fn figures(text: &str) -> Vec<Figure> {
        let text = format!("To the Shareholders:\n\n{text}\n");
        let doc = crate::outline::parse(
            "t.txt",
            &crate::normalize::normalize(&text),
            OutlineOptions::default(),
        );
        super::super::extract(&doc)
    }

    fn label_of(f: &[Figure], text: &str) -> String {
        f.iter()
            .find(|x| x.text == text)
            .unwrap_or_else(|| panic!("{text} not found in {f:#?}"))
            .label
            .clone()
    }

    /// A noun of money after an amount names it alone (`a $250 billion loss`, Berkshire
    /// letters 2015–2017); a bare `rate` still does not.
    #[test]
    fn a_noun_of_money_after_an_amount_is_its_label() {
        let f = figures(
            "For example, if the insurance industry should experience a $250 billion loss from some mega-catastrophe, we would expect to record a significant profit. \
Last year we wrote a policy carrying a $3 billion single premium. \
That is what happens when the return is recalculated at a 10.8% rate.",
        );
        assert_eq!(label_of(&f, "$250 billion"), "loss");
        assert_eq!(label_of(&f, "$3 billion"), "single premium");
        assert_ne!(label_of(&f, "10.8%"), "rate");
    }

    /// A verb of money names its amount by its noun, before the amount or as a participle
    /// after it (Berkshire letters 2017 and 2018).
    #[test]
    fn a_verb_of_money_gives_its_noun() {
        let f = figures(
            "The next five, similarly ranked and listed (Forest River, Johns Manville, MiTek, Shaw and TTI) earned $2.1 billion last year. \
Last year, Berkshire’s portion of the $6.9 billion earned by American Express was $1.2 billion.",
        );
        assert!(label_of(&f, "$2.1 billion").ends_with("earnings"));
        assert_eq!(label_of(&f, "$6.9 billion"), "earnings");
    }

    /// A rate a passive verb applies at, a dash inside a name, a verb after a modal, a named
    /// recipient and an adverb in brackets (Singapore budget speech 2022, Berkshire letters
    /// 2016 and 2017).
    #[test]
    fn rates_names_modals_and_recipients() {
        let f = figures(
            "The portion of chargeable income in excess of $500,000 up to $1 million will be taxed at 23%, while that in excess of $1 million will be taxed at 24%; both up from 22% today. \
Second, the Assessable Income threshold for GSTV – Cash will increase from $28,000 to $34,000. \
I will therefore provide a top-up of $26 million to the Charities Capability Fund for five years. \
Berkshire owns $170 billion of marketable stocks, and the value of these holdings can easily swing by $10 billion or more within a quarter. \
By then their annual yield to maturity was less than 1%. \
From FY2023, I will apply a further 1% cut to the budgets of Ministries and Organs of State. \
In most cases, GEICO will be able to give you a shareholder discount (usually 8%).",
        );
        assert_eq!(label_of(&f, "23%"), "tax rate");
        assert_eq!(
            label_of(&f, "in excess of $1 million"),
            "portion of chargeable income"
        );
        assert_eq!(label_of(&f, "24%"), "tax rate");
        assert_eq!(label_of(&f, "22%"), "tax rate");
        assert_eq!(
            label_of(&f, "$28,000"),
            "assessable income threshold for gstv – cash"
        );
        assert_eq!(label_of(&f, "$34,000"), label_of(&f, "$28,000"));
        assert_eq!(
            label_of(&f, "$26 million"),
            "top-up to charities capability fund"
        );
        assert_eq!(label_of(&f, "$10 billion"), "value of holdings");
        assert_eq!(label_of(&f, "less than 1%"), "annual yield to maturity");
        assert!(label_of(&f, "1%").starts_with("cut to budgets"));
        assert_eq!(label_of(&f, "8%"), "shareholder discount");
    }

    /// A clause-parting dash stays a break (`our float – money that …`), `to` after a verb
    /// joins nothing (Berkshire letters 2015 and 2014).
    #[test]
    fn dashes_and_to_between_clauses_still_part() {
        let f = figures(
            "During those years, our float – money that doesn’t belong to us – grew from $41 billion to $88 billion. \
We are expected to earn $2 billion.",
        );
        assert_eq!(label_of(&f, "$41 billion"), label_of(&f, "$88 billion"));
        assert!(!label_of(&f, "$2 billion").contains(" to "));
    }
}

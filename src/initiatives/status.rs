//! The status of each initiative across two editions.
//!
//! Names are found by [`detect`](super::detect) in each edition, but whether the other edition
//! names a thing is decided on its whole text: a programme launched with a verb one year is
//! often named in passing the next, and that is continuity, not a new name.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::detect::{Found, PILOT_WORDS, Stage, StageFamily, detect_in};
use super::rename::Rewordings;
use super::terms::{KeyTerm, key_terms};
use super::text::Edition;
use crate::model::SectionPair;
use crate::model::{Initiative, Kind, MAX_MENTIONS, Mention, StageChange, Status};
use crate::script::is_han;
use crate::similarity::TitleTerms;
use crate::vocab;

/// All mentions of one name in one edition, merged.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// The name as written (for staged names, the one with the highest stage).
    pub name: String,
    /// What must occur in the other edition (the name without its stage).
    pub key: String,
    pub kind: Kind,
    /// The highest stage seen.
    pub stage: Option<Stage>,
    /// Sentences where detection found it.
    pub sentences: Vec<usize>,
}

/// Merges the detections of one edition by key, in order of first appearance.
pub(crate) fn group(found: Vec<Found>) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    for f in found {
        let key = match &f.stage {
            Some(st) if st.family != StageFamily::Pilot => f.stem().to_string(),
            _ => plain_key(&f.name),
        };
        // English names differ in case and number between mentions (`Accounts`, `Account`)
        // and may open with the initialism of their system (`CPF Retirement Accounts`,
        // `Retirement Account`).
        let merge_key = fold_key(without_initialism(&key).unwrap_or(&key));
        match index.get(&merge_key) {
            Some(&i) => {
                let g = &mut out[i];
                if !g.sentences.contains(&f.sentence) {
                    g.sentences.push(f.sentence);
                }
                if let Some(st) = f.stage
                    && g.stage.as_ref().is_none_or(|s| s.rank < st.rank)
                {
                    g.name = f.name;
                    g.stage = Some(st);
                }
                if kind_strength(f.kind) > kind_strength(g.kind) {
                    g.kind = f.kind;
                }
            }
            None => {
                index.insert(merge_key, out.len());
                out.push(Group {
                    name: f.name,
                    key,
                    kind: f.kind,
                    stage: f.stage,
                    sentences: vec![f.sentence],
                });
            }
        }
    }
    out
}

fn kind_strength(k: Kind) -> u8 {
    match k {
        Kind::Versioned => 4,
        Kind::Programme => 3,
        Kind::Titled => 2,
        Kind::Quoted => 1,
        Kind::Term => 0,
    }
}

/// The text to look for in the other edition: the name without title marks.
fn plain_key(name: &str) -> String {
    name.trim_start_matches('《')
        .trim_end_matches('》')
        .to_string()
}

/// Ways the other edition may write the same key: as is, or without a leading generic
/// modifier (`重点产业强链补链行动` is `产业强链补链行动`) or the issuer (`区营商环境建设`).
fn variants(key: &str) -> Vec<&str> {
    static LEADING: LazyLock<Vec<&str>> = LazyLock::new(|| {
        vocab::lines(include_str!(
            "../../data/vocab/zh-key-leading-modifiers.txt"
        ))
    });
    let mut out = vec![key];
    for l in LEADING.iter() {
        if let Some(rest) = key.strip_prefix(l)
            && rest.chars().count() >= 4
        {
            out.push(rest);
        }
    }
    // A programme is the same when its distinctive part is (`城市更新` → `城市更新行动`,
    // `乡村振兴` → `乡村振兴战略`): a new suffix is a new wording, not a new programme.
    if let Some(m) = super::detect::programme_suffix(key) {
        let stem = &key[..m];
        if stem.chars().count() >= 4 {
            out.push(stem);
        }
        // Without a trailing `三年`, `专项`: `高职扩招三年行动` lives on in
        // `高职扩招和职业技能提升三年行动`.
        let core = super::detect::distinctive(stem);
        if core.chars().count() >= 4 && core != stem && stem.starts_with(core) {
            out.push(core);
        }
        // Only the trailing generic words off (`安全生产专项整治三年行动` lives on in
        // `开展安全生产专项整治`, though `安全` is generic at its front too).
        if let Some(i) = stem.find(core)
            && !core.is_empty()
            && i > 0
        {
            let head = &stem[..i + core.len()];
            if head.chars().count() >= 4 && head != stem {
                out.push(head);
            }
        }
    }
    // A dated title (`《…规划（2024-2035）》`) is the same plan under another date.
    if let Some(i) = key.find(['（', '(']) {
        let head = &key[..i];
        if head.chars().count() >= 4 {
            out.push(head);
        }
    }
    out
}

/// Everything status and delivery look for about these groups, in either edition: each
/// variant of each key as [`find_any`] asks for it, the stem of a pilot, and the name as
/// delivery asks for it.
fn needles<'g>(groups: impl Iterator<Item = &'g Group>) -> Vec<String> {
    let mut out = Vec::new();
    for g in groups {
        for v in variants(&g.key) {
            if short_key(v) {
                out.push(format!("“{v}”"));
            }
            out.push(v.to_string());
        }
        if g.stage
            .as_ref()
            .is_some_and(|st| st.family == StageFamily::Pilot)
        {
            out.push(g.name.strip_suffix("试点").unwrap_or(&g.name).to_string());
        }
        out.push(super::delivery::search_key(&g.name).to_string());
    }
    out
}

/// Keys of two or three Han characters, looked for between quotation marks first.
fn short_key(v: &str) -> bool {
    v.chars().count() <= 3 && v.chars().all(is_han)
}

/// Sentences of `e` naming any variant of `key`, and the variant that matched.
///
/// Keys of two or three characters (`三保`) are looked for between quotation marks only, so
/// that `两不愁三保障` does not count as naming `三保`.
fn find_any<'k>(e: &Edition, key: &'k str) -> Option<(&'k str, Vec<usize>)> {
    variants(key)
        .into_iter()
        .find_map(|v| {
            let hits = if short_key(v) {
                let quoted = e.find(&format!("“{v}”"));
                if quoted.is_empty() {
                    e.find(v)
                        .into_iter()
                        .filter(|&i| stands_alone(e.sentences[i].text, v))
                        .collect()
                } else {
                    quoted
                }
            } else {
                e.find(v)
            };
            (!hits.is_empty()).then_some((v, hits))
        })
        .or_else(|| {
            // English names: in any case and number (`SkillsFuture Enterprise credit` names
            // `SkillsFuture Enterprise Credit`, `Account` names `Accounts`).
            if key.chars().any(is_han) || !key.chars().any(|c| c.is_ascii_alphabetic()) {
                return None;
            }
            let hits = e.find_folded(&english_stem(key));
            if !hits.is_empty() {
                return Some((key, hits));
            }
            // A generic noun in lower case after the name is no part of it: `Workfare Income
            // Supplement scheme` names the `Workfare Income Supplement`.
            // `CPF Retirement Accounts` is the `Retirement Account` of the CPF.
            if let Some(rest) = without_initialism(key) {
                let hits = named_alone(e, rest, &english_stem(rest));
                if !hits.is_empty() {
                    return Some((rest, hits));
                }
            }
            let head = english_head(key)?;
            let hits = named_alone(e, head, &head.to_ascii_lowercase());
            (!hits.is_empty()).then_some((head, hits))
        })
}

/// Sentences of `e` holding `stem` (see [`Edition::find_folded`]) as a name of its own, not
/// the end of a longer one: the word before it is not capitalised, or is an initialism or an
/// article opening the sentence (`Housing Grant`, `CPF Housing Grant`, `The Housing Grant`,
/// not `Proximity Housing Grant`).
fn named_alone(e: &Edition, part: &str, stem: &str) -> Vec<usize> {
    let n = part.split(' ').count();
    e.find_folded(stem)
        .into_iter()
        .filter(|&i| {
            let words: Vec<&str> = e.sentences[i].text.split_whitespace().collect();
            words.windows(n).enumerate().any(|(k, w)| {
                let here = w.join(" ").to_ascii_lowercase();
                here.starts_with(stem)
                    && (k == 0 || {
                        let prev = words[k - 1];
                        !prev.starts_with(|c: char| c.is_ascii_uppercase())
                            || prev.bytes().all(|b| b.is_ascii_uppercase())
                            || ["the", "a", "an", "our", "this"]
                                .contains(&prev.to_ascii_lowercase().as_str())
                    })
            })
        })
        .collect()
}

/// An English name without the initialism it opens with, when two words at least are left
/// (`CPF Housing Grant` → `Housing Grant`, not `SME Fund` → `Fund`).
fn without_initialism(key: &str) -> Option<&str> {
    let (first, rest) = key.split_once(' ')?;
    let initialism =
        (2..=6).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_uppercase());
    (initialism && rest.contains(' ')).then_some(rest)
}

/// The capitalised words of an English name that ends with a programme noun in lower case
/// (`Forward Singapore programmes` → `Forward Singapore`), when they name something on their
/// own: two words at least, or one written with a capital inside (`SkillsFuture`).
fn english_head(key: &str) -> Option<&str> {
    let (head, last) = key.rsplit_once(' ')?;
    let head_last = head.rsplit(' ').next().unwrap_or(head);
    if !last.starts_with(|c: char| c.is_ascii_lowercase())
        || !head_last.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    let words = head.split(' ').count();
    let inner_capital = head.chars().skip(1).any(|c| c.is_ascii_uppercase());
    (words >= 2 || inner_capital).then_some(head)
}

/// The key by which names are merged and compared: English names in lower case, without a
/// possessive and with the last word singular; other names as they are.
pub(crate) fn fold_key(key: &str) -> String {
    if key.chars().any(is_han) || !key.chars().any(|c| c.is_ascii_alphabetic()) {
        key.to_string()
    } else {
        english_stem(key)
    }
}

/// An English name in lower case, without `'s`, with its last word singular (`Post-Secondary
/// Education Accounts` → `post-secondary education account`); what
/// [`Edition::find_folded`] looks for.
fn english_stem(name: &str) -> String {
    let lower = name
        .to_ascii_lowercase()
        .replace("’s ", " ")
        .replace("'s ", " ");
    let lower = lower.trim();
    let last = lower.rsplit(' ').next().unwrap_or(lower);
    let singular = if last.ends_with("ss") || last.ends_with("us") {
        last
    } else {
        last.strip_suffix('s').unwrap_or(last)
    };
    format!("{}{singular}", &lower[..lower.len() - last.len()])
}

/// The highest stage written right after `stem` in the given sentences.
fn stage_after(e: &Edition, stem: &str, sentences: &[usize], family: StageFamily) -> Option<Stage> {
    let mut best: Option<Stage> = None;
    for &i in sentences {
        let text = &e.sentences[i].text;
        for (at, _) in text.match_indices(stem) {
            let after = text[at + stem.len()..].trim_start_matches(['”', ' ']);
            let st = match family {
                StageFamily::Version => read_version(after),
                StageFamily::Phase => read_phase(after),
                StageFamily::Pilot => read_pilot(text),
            };
            if let Some(st) = st
                && best.as_ref().is_none_or(|b| b.rank < st.rank)
            {
                best = Some(st);
            }
        }
    }
    best
}

fn read_version(after: &str) -> Option<Stage> {
    let digits: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let rest = &after[digits.len()..];
    (!digits.is_empty() && rest.trim_start().starts_with('版')).then(|| Stage {
        label: format!("{digits}版"),
        family: StageFamily::Version,
        rank: digits.parse().unwrap_or(0.0),
    })
}

fn read_phase(after: &str) -> Option<Stage> {
    let a = after.strip_prefix('第').unwrap_or(after);
    let num: String = a
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .collect();
    if num.is_empty() || !a[num.len()..].starts_with('期') {
        return None;
    }
    let rank = num
        .parse::<u32>()
        .ok()
        .or_else(|| crate::script::chinese_numeral_value(&num))?;
    Some(Stage {
        label: format!("{}期", &after[..after.len() - a.len() + num.len()]),
        family: StageFamily::Phase,
        rank: f64::from(rank),
    })
}

/// The furthest pilot word in a sentence that names a piloted thing.
fn read_pilot(sentence: &str) -> Option<Stage> {
    PILOT_WORDS
        .iter()
        .filter(|(w, _)| sentence.contains(w))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|&(w, rank)| Stage {
            label: w.to_string(),
            family: StageFamily::Pilot,
            rank,
        })
}

/// Old and new section paths that the section alignment pairs.
struct Aligned(FxHashSet<(Vec<String>, Vec<String>)>);

impl Aligned {
    fn of(sections: &[SectionPair]) -> Aligned {
        let mut set = FxHashSet::default();
        for p in sections {
            for o in &p.old {
                for n in &p.new {
                    set.insert((o.path.clone(), n.path.clone()));
                }
            }
        }
        Aligned(set)
    }

    /// True when the two sections, or their parents, are paired.
    fn pairs(&self, old: &[String], new: &[String]) -> bool {
        if old == new {
            return true;
        }
        let key = (old.to_vec(), new.to_vec());
        if self.0.contains(&key) {
            return true;
        }
        old.len() > 1
            && new.len() > 1
            && self
                .0
                .contains(&(old[..old.len() - 1].to_vec(), new[..new.len() - 1].to_vec()))
    }
}

fn mentions(e: &Edition, sentences: &[usize], name: &str) -> Vec<Mention> {
    sentences
        .iter()
        .take(MAX_MENTIONS)
        .map(|&i| e.mention(i, name))
        .collect()
}

struct Draft {
    init: Initiative,
    /// Sentence indices behind the mentions, for rename matching and ordering.
    old_s: Vec<usize>,
    new_s: Vec<usize>,
    /// For key terms, the place in the ranked list of [`key_terms`]; the list keeps that order.
    rank: usize,
}

impl Draft {
    /// The old edition names it in sentences `s`, written `form`.
    fn named_in_old(&mut self, old: &Edition, s: Vec<usize>, form: &str) {
        self.init.old = mentions(old, &s, form);
        self.init.count[0] = s.len();
        self.old_s = s;
    }

    /// The new edition names it in sentences `s`, written `form`.
    fn named_in_new(&mut self, new: &Edition, s: Vec<usize>, form: &str) {
        self.init.new = mentions(new, &s, form);
        self.init.count[1] = s.len();
        self.new_s = s;
    }
}

fn draft(
    name: &str,
    status: Status,
    kind: Kind,
    (old, old_s): (&Edition, Vec<usize>),
    (new, new_s): (&Edition, Vec<usize>),
) -> Draft {
    Draft {
        init: Initiative {
            name: name.to_string(),
            status,
            old: mentions(old, &old_s, name),
            new: mentions(new, &new_s, name),
            old_name: None,
            kind,
            stage: None,
            count: [old_s.len(), new_s.len()],
            keyness: None,
        },
        old_s,
        new_s,
        rank: 0,
    }
}

/// The initiatives of two flattened editions are compared in two halves: [`prepare_editions`]
/// needs the editions only, so it can run while the sections are aligned, and
/// [`finish_editions`] takes the alignment. This is the first half's result: entries with
/// their status, and the ranked key terms.
pub(crate) struct Prepared {
    drafts: Vec<Draft>,
    terms: Vec<super::terms::KeyTerm>,
}

/// The first half of the comparison: every entry but renames and key terms.
pub(crate) fn prepare_editions(old: &Edition, new: &Edition) -> Prepared {
    let old_groups = group(detect_in(old));
    // One edition as both sides (a file compared with itself) is read once.
    let new_groups = if std::ptr::eq(old, new) {
        old_groups.clone()
    } else {
        group(detect_in(new))
    };
    let wanted = needles(old_groups.iter().chain(&new_groups));
    super::text::prefetch(&[old, new], wanted.iter().map(String::as_str));
    let mut drafts: Vec<Draft> = Vec::new();
    let (old_shown, new_shown) = shown_groups(&old_groups, &new_groups);

    for g in new_groups
        .iter()
        .zip(&new_shown)
        .filter_map(|(g, &s)| s.then_some(g))
    {
        let new_s = new.find_all(&g.key, &g.sentences);
        match (&g.stage, find_any(old, &g.key)) {
            (Some(st), Some((v, old_s))) if st.family != StageFamily::Pilot => {
                let old_stage = stage_after(old, v, &old_s, st.family);
                let mut d = draft(
                    &g.name,
                    Status::Continued,
                    g.kind,
                    (old, old_s),
                    (new, new_s),
                );
                // A later stage is an upgrade, an earlier one (the editions swapped) the
                // reverse.
                if let Some(os) = old_stage
                    && os.rank != st.rank
                {
                    d.init.status = if os.rank < st.rank {
                        Status::Upgraded
                    } else {
                        Status::Downgraded
                    };
                    d.init.old_name = Some(staged_name(&g.name, &st.label, &os.label));
                    d.init.stage = Some(StageChange {
                        old: os.label,
                        new: st.label.clone(),
                    });
                }
                drafts.push(d);
            }
            (_, Some((_, old_s))) => {
                let mut d = draft(
                    &g.name,
                    Status::Continued,
                    g.kind,
                    (old, old_s),
                    (new, new_s),
                );
                pilot_upgrade(&mut d, g, old, new);
                drafts.push(d);
            }
            (_, None) => {
                drafts.push(draft(
                    &g.name,
                    Status::New,
                    g.kind,
                    (old, vec![]),
                    (new, new_s),
                ));
            }
        }
    }
    // An English name the new edition has in another case or number is its entry already.
    let new_folded: FxHashSet<String> = new_groups.iter().map(|g| fold_key(&g.key)).collect();
    for g in old_groups
        .iter()
        .zip(&old_shown)
        .filter_map(|(g, &s)| s.then_some(g))
        .filter(|g| g.key.chars().any(is_han) || !new_folded.contains(&fold_key(&g.key)))
    {
        let old_s = old.find_all(&g.key, &g.sentences);
        match find_any(new, &g.key) {
            Some((v, new_s)) => {
                let mut d = draft(
                    &g.name,
                    Status::Continued,
                    g.kind,
                    (old, old_s),
                    (new, new_s),
                );
                if let Some(st) = &g.stage
                    && st.family != StageFamily::Pilot
                    && let Some(ns) = stage_after(new, v, &d.new_s, st.family)
                    && ns.rank != st.rank
                {
                    d.init.status = if ns.rank > st.rank {
                        Status::Upgraded
                    } else {
                        Status::Downgraded
                    };
                    d.init.old_name = Some(g.name.clone());
                    d.init.name = staged_name(&g.name, &st.label, &ns.label);
                    d.init.stage = Some(StageChange {
                        old: st.label.clone(),
                        new: ns.label,
                    });
                }
                if d.init.status == Status::Continued {
                    pilot_upgrade(&mut d, g, old, new);
                }
                drafts.push(d);
            }
            None => {
                drafts.push(draft(
                    &g.name,
                    Status::Dropped,
                    g.kind,
                    (old, old_s),
                    (new, vec![]),
                ));
            }
        }
    }
    find_counterparts(&mut drafts, old, new);
    Prepared {
        drafts,
        terms: key_terms(old, new),
    }
}

/// The second half of the comparison, given the alignment of the same two editions: renames
/// and key-term entries, in the list's order.
pub(crate) fn finish_editions(
    prepared: Prepared,
    old: &Edition,
    new: &Edition,
    sections: &[SectionPair],
) -> Vec<Initiative> {
    let Prepared { mut drafts, terms } = prepared;
    find_aligned_renames(&mut drafts, old, new, &Rewordings::of(sections));
    find_renames(&mut drafts, old, new, &Aligned::of(sections));
    verbatim_guard(&mut drafts, old, new);
    add_terms(&mut drafts, old, new, terms);
    drafts.sort_by_key(|d| {
        let term = d.init.kind == Kind::Term;
        (
            status_order(d.init.status),
            term,
            if term {
                d.rank
            } else {
                d.new_s.first().or(d.old_s.first()).copied().unwrap_or(0)
            },
        )
    });
    drafts.into_iter().map(|d| d.init).collect()
}

/// Which groups of each edition get an entry of their own; the others are stood for by a
/// group of the other edition that names the same thing.
///
/// A group is stood for when the other edition has the same key (the new edition's group then
/// stands for the pair), or a shorter key for the same thing: a variant of it (without a
/// leading modifier, a programme suffix or a date) or an ending of at least four characters
/// (`学生营养改善计划`, `营养改善计划`). The shorter key occurs wherever the longer one does,
/// so its entry is continued and carries both editions' mentions. A shorter key that several
/// longer ones of the other edition contain (`自贸试验区` in `上海自贸试验区` and
/// `海南自贸试验区`) stands for none of them: each keeps its own entry and its own status.
///
/// The rule reads both editions alike, so swapping them gives the same entries, new and
/// dropped exchanged.
fn shown_groups(old: &[Group], new: &[Group]) -> (Vec<bool>, Vec<bool>) {
    let old_keys: FxHashSet<&str> = old.iter().map(|g| g.key.as_str()).collect();
    let new_keys: FxHashSet<&str> = new.iter().map(|g| g.key.as_str()).collect();
    // For each group, the other edition's shorter keys for the same thing.
    let shorter = |groups: &[Group], other: &FxHashSet<&str>| -> Vec<Vec<String>> {
        groups
            .iter()
            .map(|g| {
                shorter_keys(&g.key)
                    .into_iter()
                    .filter(|k| other.contains(k.as_str()))
                    .collect()
            })
            .collect()
    };
    let old_shorter = shorter(old, &new_keys);
    let new_shorter = shorter(new, &old_keys);
    // How many groups of one edition a key of the other edition is the same thing as.
    let partners = |shorter: &[Vec<String>], equal: &FxHashSet<&str>| {
        let mut count: FxHashMap<String, usize> = FxHashMap::default();
        for keys in shorter {
            for k in keys {
                *count.entry(k.clone()).or_default() += 1;
            }
        }
        for k in equal {
            if let Some(c) = count.get_mut(*k) {
                *c += 1;
            }
        }
        count
    };
    // Keys of the new edition, counted over old groups, and the other way round.
    let new_key_partners = partners(&old_shorter, &old_keys);
    let old_key_partners = partners(&new_shorter, &new_keys);
    let stood_for = |keys: &[String], counts: &FxHashMap<String, usize>| {
        keys.iter().any(|k| counts.get(k) == Some(&1))
    };
    // A pair of equal keys is one thing: stood for when either of the two is.
    let old_stood_for: FxHashMap<&str, bool> = old
        .iter()
        .zip(&old_shorter)
        .map(|(g, keys)| (g.key.as_str(), stood_for(keys, &new_key_partners)))
        .collect();
    let new_stood_for: FxHashMap<&str, bool> = new
        .iter()
        .zip(&new_shorter)
        .map(|(g, keys)| (g.key.as_str(), stood_for(keys, &old_key_partners)))
        .collect();
    let old_shown = old
        .iter()
        .map(|g| !old_stood_for[g.key.as_str()] && !new_keys.contains(g.key.as_str()))
        .collect();
    let new_shown = new
        .iter()
        .map(|g| {
            let key = g.key.as_str();
            !new_stood_for[key] && !old_stood_for.get(key).copied().unwrap_or(false)
        })
        .collect();
    (old_shown, new_shown)
}

/// The shorter keys that name the same thing as `key`: its [`variants`] other than itself,
/// and its endings of at least four characters.
fn shorter_keys(key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in variants(key) {
        if v != key && !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    }
    let chars = key.chars().count();
    for (n, (at, _)) in key.char_indices().enumerate().skip(1) {
        if chars - n < 4 {
            break;
        }
        let ending = &key[at..];
        if !out.iter().any(|o| o == ending) {
            out.push(ending.to_string());
        }
    }
    out
}

fn staged_name(name: &str, label: &str, other: &str) -> String {
    match name.strip_suffix(label) {
        Some(stem) => format!("{stem}{other}"),
        None => format!("{name}{other}"),
    }
}

/// A pilot (`…试点`) that the new edition rolls out (`推广…`), or the reverse: the furthest
/// pilot word in the sentences of each edition that name it, read the same way whichever
/// edition detection found the pilot in, so that swapping the editions mirrors the status.
fn pilot_upgrade(d: &mut Draft, g: &Group, old: &Edition, new: &Edition) {
    let Some(st) = &g.stage else { return };
    if st.family != StageFamily::Pilot {
        return;
    }
    let stem = g.name.strip_suffix("试点").unwrap_or(&g.name);
    let old_s = old.find(stem);
    let new_s = new.find(stem);
    let (Some(os), Some(ns)) = (
        stage_after(old, stem, &old_s, StageFamily::Pilot),
        stage_after(new, stem, &new_s, StageFamily::Pilot),
    ) else {
        return;
    };
    if ns.rank != os.rank {
        mark_pilot(d, stem, os, ns);
    }
}

/// Marks a pilot that moved on (`试点` → `推广`) upgraded, or one that moved back (the
/// editions swapped) downgraded.
fn mark_pilot(d: &mut Draft, stem: &str, os: Stage, ns: Stage) {
    d.init.status = if ns.rank > os.rank {
        Status::Upgraded
    } else {
        Status::Downgraded
    };
    d.init.old_name = Some(format!("{stem}{}", os.label));
    d.init.name = stem.to_string();
    d.init.stage = Some(StageChange {
        old: os.label,
        new: ns.label,
    });
}

fn status_order(s: Status) -> u8 {
    match s {
        Status::New => 0,
        Status::Dropped => 1,
        Status::Upgraded => 2,
        Status::Downgraded => 3,
        Status::Renamed => 4,
        Status::Continued => 5,
    }
}

/// Pairs new and dropped names whose sentences say the same thing around them: the same
/// programme under a new name. Sentences in aligned sections need a context similarity of
/// 0.5, others 0.7.
///
/// Cost: the names of every new and dropped pair are compared (short strings), at most
/// [`MAX_RENAME_PAIRS`] pairs; above that no rename by context is looked for and the names stay
/// new and dropped. The context terms of a name are made only once it has a partner whose name
/// shares content, and from at most [`MAX_CONTEXT_CHARS`] characters around it, so one
/// sentence naming thousands of programmes is not read once per name.
fn find_renames(drafts: &mut Vec<Draft>, old: &Edition, new: &Edition, aligned: &Aligned) {
    let news: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].init.status == Status::New)
        .collect();
    let drops: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].init.status == Status::Dropped)
        .collect();
    if news.len().saturating_mul(drops.len()) > MAX_RENAME_PAIRS {
        return;
    }
    // The terms of a name's first four sentences without it, made once per draft, when first
    // needed, rather than once per pair of drafts.
    let contexts = |i: usize, sentences: &[usize], e: &Edition| -> Vec<(usize, TitleTerms)> {
        let name = &drafts[i].init.name;
        sentences
            .iter()
            .take(4)
            .map(|&s| {
                (
                    s,
                    TitleTerms::new(&around(e.sentences[s].text, name).replace(name, "")),
                )
            })
            .collect()
    };
    let mut new_ctx: FxHashMap<usize, Vec<(usize, TitleTerms)>> = FxHashMap::default();
    let mut old_ctx: FxHashMap<usize, Vec<(usize, TitleTerms)>> = FxHashMap::default();
    let mut names: FxHashMap<usize, TitleTerms> = FxHashMap::default();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for &n in &news {
        for &o in &drops {
            let (dn, dold) = (&drafts[n], &drafts[o]);
            if !compatible(&dn.init, &dold.init)
                || !super::rename::shares_content(&dn.init.name, &dold.init.name)
            {
                continue;
            }
            let name_n = names
                .entry(n)
                .or_insert_with(|| TitleTerms::new(&dn.init.name))
                .clone();
            let name_sim = name_n.dice(
                names
                    .entry(o)
                    .or_insert_with(|| TitleTerms::new(&dold.init.name)),
            );
            let a_ctx = new_ctx
                .entry(n)
                .or_insert_with(|| contexts(n, &dn.new_s, new));
            let b_ctx = old_ctx
                .entry(o)
                .or_insert_with(|| contexts(o, &dold.old_s, old));
            let mut best = 0.0f64;
            for (ns, a_terms) in a_ctx.iter() {
                for (os, b_terms) in b_ctx.iter() {
                    let (a, b) = (&new.sentences[*ns], &old.sentences[*os]);
                    let ctx = a_terms.dice(b_terms);
                    let bar = if aligned.pairs(&old.paths[b.path], &new.paths[a.path]) {
                        0.5
                    } else {
                        0.7
                    };
                    if ctx >= bar {
                        best = best.max(ctx + 0.3 * name_sim);
                    }
                }
            }
            if best > 0.0 {
                candidates.push((best, n, o));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut used = FxHashSet::default();
    let mut remove = Vec::new();
    for (_, n, o) in candidates {
        if used.contains(&n) || used.contains(&o) {
            continue;
        }
        used.insert(n);
        used.insert(o);
        let old_name = drafts[o].init.name.clone();
        let old_mentions = drafts[o].init.old.clone();
        let old_s = drafts[o].old_s.clone();
        let count = drafts[o].init.count[0];
        let d = &mut drafts[n];
        d.init.status = Status::Renamed;
        d.init.old_name = Some(old_name);
        d.init.old = old_mentions;
        d.init.count[0] = count;
        d.old_s = old_s;
        remove.push(o);
    }
    remove.sort_unstable();
    for o in remove.into_iter().rev() {
        drafts.remove(o);
    }
}

/// Renames inside aligned sentences: a dropped name whose sentence the sentence diff pairs, as
/// reworded, with a sentence of the new edition that writes a form sharing most of its
/// characters in the same place (`做好“保交楼”工作` → `做好“保交房”工作`), where the old
/// edition never writes the new form, is `renamed`; and the same for a new name read back into
/// the old edition. A new entry for the new form becomes the renamed entry.
fn find_aligned_renames(
    drafts: &mut Vec<Draft>,
    old: &Edition,
    new: &Edition,
    rewordings: &Rewordings,
) {
    let mut remove: Vec<usize> = Vec::new();
    for side in [Status::Dropped, Status::New] {
        let (mine, other) = if side == Status::Dropped {
            (old, new)
        } else {
            (new, old)
        };
        for x in 0..drafts.len() {
            let d = &drafts[x];
            if d.init.status != side || d.init.kind == Kind::Term || remove.contains(&x) {
                continue;
            }
            let name = plain_key(&d.init.name);
            let sentences = if side == Status::Dropped {
                &d.old_s
            } else {
                &d.new_s
            };
            let form = sentences
                .iter()
                .flat_map(|&i| {
                    rewordings.renamed_forms(mine.sentences[i].text, &name, side == Status::Dropped)
                })
                .find(|f| !mine.contains(f) && !other.contains(&name) && other.contains(f));
            let Some(form) = form else { continue };
            let opposite = if side == Status::Dropped {
                Status::New
            } else {
                Status::Dropped
            };
            let twin = (0..drafts.len()).find(|&t| {
                t != x
                    && !remove.contains(&t)
                    && drafts[t].init.status == opposite
                    && plain_key(&drafts[t].init.name) == form
            });
            // The entry kept is the new side's: named as the new edition writes it.
            let (o, n) = match (side, twin) {
                (Status::Dropped, Some(t)) => (Some(x), Some(t)),
                (_, Some(t)) => (Some(t), Some(x)),
                (Status::Dropped, None) => (Some(x), None),
                (_, None) => (None, Some(x)),
            };
            let keep = n.unwrap_or(x);
            let old_name = match o {
                Some(o) => drafts[o].init.name.clone(),
                None => form.clone(),
            };
            if let Some(o) = o
                && o != keep
            {
                let (m, s, c) = (
                    drafts[o].init.old.clone(),
                    drafts[o].old_s.clone(),
                    drafts[o].init.count[0],
                );
                let k = &mut drafts[keep];
                k.init.old = m;
                k.old_s = s;
                k.init.count[0] = c;
                remove.push(o);
            }
            let k = &mut drafts[keep];
            if n.is_none() {
                k.named_in_new(new, new.find(&form), &form);
                k.init.name = form.clone();
            }
            if o.is_none() {
                k.named_in_old(old, old.find(&form), &form);
            }
            k.init.status = Status::Renamed;
            k.init.old_name = Some(old_name);
        }
    }
    remove.sort_unstable();
    for o in remove.into_iter().rev() {
        drafts.remove(o);
    }
}

/// A rename keeps the kind of thing: both quoted, or both programmes of the same suffix.
fn compatible(a: &Initiative, b: &Initiative) -> bool {
    if a.kind == Kind::Term || b.kind == Kind::Term {
        return false;
    }
    match (a.kind, b.kind) {
        (Kind::Programme, Kind::Programme) => {
            let tail = |s: &str| s.chars().rev().take(2).collect::<String>();
            tail(&a.name) == tail(&b.name)
        }
        (x, y) => x == y,
    }
}

/// Adds the key terms of each side that no named initiative already covers (under its name
/// in either edition), each with the sentences that use it and its keyness.
fn add_terms(drafts: &mut Vec<Draft>, old: &Edition, new: &Edition, terms: Vec<KeyTerm>) {
    // Both names of a renamed or upgraded entry, so that the list is the same whichever
    // edition's name the entry carries.
    let named: Vec<String> = drafts
        .iter()
        .flat_map(|d| std::iter::once(&d.init.name).chain(d.init.old_name.as_ref()))
        .map(|n| n.to_lowercase())
        .collect();
    let overlaps = |t: &str| {
        let t = t.to_lowercase();
        named
            .iter()
            .any(|n| n.contains(t.as_str()) || t.contains(n.as_str()))
    };
    for (rank, term) in terms.into_iter().enumerate() {
        if overlaps(&term.text) {
            continue;
        }
        let e = if term.status == Status::New { new } else { old };
        let found = if term.english {
            e.find_folded(&term.text.to_lowercase())
        } else {
            e.find(&term.text)
        };
        let (old_s, new_s) = match term.status {
            Status::New => (vec![], found),
            _ => (found, vec![]),
        };
        let mut d = draft(
            &term.text,
            term.status,
            Kind::Term,
            (old, old_s),
            (new, new_s),
        );
        d.init.keyness = Some(term.keyness);
        d.rank = rank;
        drafts.push(d);
    }
}

impl Edition<'_> {
    /// Sentences naming `key` (or a variant), falling back to where detection found it.
    fn find_all(&self, key: &str, detected: &[usize]) -> Vec<usize> {
        match find_any(self, key) {
            Some((_, s)) => s,
            None => detected.to_vec(),
        }
    }
}

/// True when a short key occurs as a word of its own: followed by punctuation or by a word
/// that names a kind of programme (`营改增试点`), not by more of a longer word (`三保障`).
fn stands_alone(sentence: &str, key: &str) -> bool {
    sentence.match_indices(key).any(|(at, _)| {
        let after = &sentence[at + key.len()..];
        after.chars().next().is_none_or(|c| !is_han(c))
            || super::detect::NAME_NOUNS.starts(after)
            // The opening of a quoted name (`“三网融合”`) or a stage (`中线一期`).
            || sentence[..at].ends_with('“')
            || read_phase(after).is_some()
            || read_version(after).is_some()
    })
}

/// How a counterpart in the other edition relates to a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// One is the other's abbreviation: single characters taken from words (`自贸试验区` /
    /// `自由贸易试验区`).
    Abbreviation,
    /// The longer one adds whole words to the shorter (`降低物流成本行动` →
    /// `降低全社会物流成本专项行动`).
    Modifiers,
}

/// The same thing written another way in the other edition.
struct Counterpart {
    /// The form the other edition writes.
    text: String,
    /// Its sentences there.
    sentences: Vec<usize>,
    relation: Relation,
    /// True when the other edition's form is the longer one.
    longer: bool,
}

/// Occurrences of a head word looked at per name: a head as common as `工程` occurs a few
/// dozen times in a report; the cap bounds the work on a shaped input.
const MAX_HEAD_HITS: usize = 400;

/// New × dropped name pairs compared for renames by context (see [`find_renames`]): a
/// thousand of each side.
const MAX_RENAME_PAIRS: usize = 1_000_000;

/// The context of a name in a longer sentence: this many characters, centred on the name's
/// first use. Sentences of reports rarely run past it (one in two thousand in the corpus),
/// so only a list-like sentence of hundreds of names is cut.
const MAX_CONTEXT_CHARS: usize = 1_000;

/// `text` when it is at most [`MAX_CONTEXT_CHARS`] long, else that many characters around the
/// first use of `name` (or the start, when it is not written there).
fn around<'t>(text: &'t str, name: &str) -> &'t str {
    if text.len() <= MAX_CONTEXT_CHARS || text.chars().count() <= MAX_CONTEXT_CHARS {
        return text;
    }
    let at = text.find(name).unwrap_or(0);
    let half = MAX_CONTEXT_CHARS / 2;
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(half.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let end = text[start..]
        .char_indices()
        .nth(MAX_CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    &text[start..end]
}

/// The head of a Chinese name: its programme suffix, or its last two characters.
fn head_at(key: &str) -> usize {
    super::detect::programme_suffix(key).unwrap_or_else(|| {
        let tail: usize = key.chars().rev().take(2).map(char::len_utf8).sum();
        key.len() - tail
    })
}

/// The form of a Chinese name `key` that `other` writes instead, when the two share their
/// first character and their head (programme suffix or last two characters) and one's
/// characters appear in order in the other: an abbreviation or its expansion, or the name
/// with words added or taken away. The shorter form keeps at least four characters and half
/// of the longer; the longer is at most twice the shorter plus two.
fn counterpart(key: &str, other: &Edition) -> Option<Counterpart> {
    let chars = key.chars().count();
    if chars < 4 || !key.chars().all(is_han) {
        return None;
    }
    let at = head_at(key);
    let head = &key[at..];
    let body: Vec<char> = key[..at].chars().collect();
    if body.len() < 2 {
        return None;
    }
    let max_back = 2 * body.len() + 2;
    let min_short = 4.max(chars.div_ceil(2));
    for pos in other.occurrences(head).take(MAX_HEAD_HITS) {
        // The Han run right before the head, nearest character first.
        let win: Vec<char> = other.all[..pos]
            .chars()
            .rev()
            .take_while(|&c| is_han(c))
            .take(max_back)
            .collect();
        let found = longer_form(&body, &win)
            .map(|n| (n, true))
            .or_else(|| shorter_form(&body, &win).map(|n| (n, false)));
        let Some((n, longer)) = found else { continue };
        let form: String = win[..n].iter().rev().collect::<String>() + head;
        let form_chars = form.chars().count();
        if form == key || (!longer && form_chars < min_short) {
            continue;
        }
        let (short, long) = if longer {
            (key, &form[..])
        } else {
            (&form[..], key)
        };
        if super::detect::distinctive(&short[..head_at(short)])
            .chars()
            .count()
            < 2
        {
            continue;
        }
        let relation = relation(short, long);
        return Some(Counterpart {
            sentences: other.find(&form),
            text: form,
            relation,
            longer,
        });
    }
    None
}

/// How many characters of `win` (nearest first) make the shortest run that holds `body` in
/// order and starts with its first character, when that run is longer than `body`.
fn longer_form(body: &[char], win: &[char]) -> Option<usize> {
    let mut p = body.len();
    for (k, &c) in win.iter().enumerate() {
        if c == body[p - 1] {
            p -= 1;
            if p == 0 {
                return (k + 1 > body.len()).then_some(k + 1);
            }
        }
    }
    None
}

/// How many characters of `win` (nearest first) make the longest run, shorter than `body`,
/// whose characters appear in order in `body` and which starts with `body`'s first
/// character.
fn shorter_form(body: &[char], win: &[char]) -> Option<usize> {
    let mut p = body.len();
    let mut best = None;
    for (k, &c) in win.iter().enumerate() {
        let Some(q) = body[..p].iter().rposition(|&b| b == c) else {
            break;
        };
        p = q;
        if q == 0 {
            if k + 1 < body.len() {
                best = Some(k + 1);
            }
            break;
        }
    }
    best
}

/// Whether `short` (whose characters appear in order in `long`) abbreviates `long` or is
/// `long` with words taken away: aligned with as few runs as possible, a run of one character
/// is a character taken out of a word.
fn relation(short: &str, long: &str) -> Relation {
    let s: Vec<char> = short.chars().collect();
    let l: Vec<char> = long.chars().collect();
    const NONE: usize = usize::MAX;
    // runs[i][j]: fewest runs matching s[..=i] with s[i] at l[j]; back[i][j]: where s[i-1] sits.
    let mut runs = vec![vec![NONE; l.len()]; s.len()];
    let mut back = vec![vec![NONE; l.len()]; s.len()];
    for j in 0..l.len() {
        if s[0] == l[j] {
            runs[0][j] = 1;
        }
    }
    for i in 1..s.len() {
        // Best earlier position of s[i-1], for a new run.
        let mut best = (NONE, NONE);
        for j in 0..l.len() {
            if j >= 2 && runs[i - 1][j - 2] < best.0 {
                best = (runs[i - 1][j - 2], j - 2);
            }
            if s[i] != l[j] {
                continue;
            }
            if j >= 1
                && runs[i - 1][j - 1] != NONE
                && runs[i - 1][j - 1] <= best.0.saturating_add(1)
            {
                runs[i][j] = runs[i - 1][j - 1];
                back[i][j] = j - 1;
            } else if best.0 != NONE {
                runs[i][j] = best.0 + 1;
                back[i][j] = best.1;
            }
        }
    }
    let last = s.len() - 1;
    let Some(mut j) = (0..l.len())
        .filter(|&j| runs[last][j] != NONE)
        .min_by_key(|&j| runs[last][j])
    else {
        return Relation::Abbreviation;
    };
    // Walk back, measuring runs.
    let mut lengths = vec![1usize];
    for i in (1..s.len()).rev() {
        let k = back[i][j];
        if k + 1 == j {
            *lengths.last_mut().expect("one run is open") += 1;
        } else {
            lengths.push(1);
        }
        j = k;
    }
    if lengths.iter().all(|&n| n >= 2) {
        Relation::Modifiers
    } else {
        Relation::Abbreviation
    }
}

/// Before a pair is called new + dropped, looks for the same thing under another form in the
/// other edition ([`counterpart`]). An abbreviation or its expansion is `continued`; a name
/// the new edition writes with words added is `upgraded`, with words taken away `downgraded`
/// (the same pair read the other way). A new and a dropped entry that are the two forms, or an
/// entry and a continued one under the other form, become one.
///
/// Dropped names are looked for in the new edition and new names in the old one by the same
/// rule with the sides exchanged, so swapping the editions gives the mirrored entries.
fn find_counterparts(drafts: &mut Vec<Draft>, old: &Edition, new: &Edition) {
    let mut defs = initialisms(old);
    defs.extend(initialisms(new));
    defs.sort_unstable();
    defs.dedup();
    let mut remove: Vec<usize> = Vec::new();
    for side in [Status::Dropped, Status::New] {
        let other = if side == Status::Dropped { new } else { old };
        for x in 0..drafts.len() {
            if drafts[x].init.status != side
                || drafts[x].init.kind == Kind::Term
                || remove.contains(&x)
            {
                continue;
            }
            let name = plain_key(&drafts[x].init.name);
            let Some(c) =
                counterpart(&name, other).or_else(|| english_counterpart(&name, &defs, other))
            else {
                continue;
            };
            // Whether the new edition's form is the longer one.
            let new_longer = (side == Status::Dropped) == c.longer;
            let status = match (c.relation, new_longer) {
                (Relation::Modifiers, true) => Status::Upgraded,
                (Relation::Modifiers, false) => Status::Downgraded,
                _ => Status::Continued,
            };
            let opposite = if side == Status::Dropped {
                Status::New
            } else {
                Status::Dropped
            };
            // An entry of the other side for the same form (ending with it:
            // `重要生态系统保护和修复重大工程`), or one already continued under it (by a weaker
            // variant, which this form replaces).
            let twin = (0..drafts.len()).find(|&t| {
                let d = &drafts[t].init;
                t != x
                    && !remove.contains(&t)
                    && ((d.status == opposite && d.name.ends_with(&c.text))
                        || (d.status == Status::Continued && d.name == c.text))
            });
            match twin {
                Some(t) => {
                    // One entry: the old side's mentions, the new side's name and mentions.
                    let (o, n) = if side == Status::Dropped {
                        (x, t)
                    } else {
                        (t, x)
                    };
                    let merged_status = if drafts[t].init.status == Status::Continued {
                        Status::Continued
                    } else {
                        status
                    };
                    let old_name = drafts[o].init.name.clone();
                    let (old_mentions, old_s, count) = (
                        drafts[o].init.old.clone(),
                        drafts[o].old_s.clone(),
                        drafts[o].init.count[0],
                    );
                    let d = &mut drafts[n];
                    d.init.status = merged_status;
                    d.init.old = old_mentions;
                    d.init.count[0] = count;
                    d.old_s = old_s;
                    if matches!(merged_status, Status::Upgraded | Status::Downgraded) {
                        d.init.old_name = Some(old_name);
                    }
                    // The entry kept sits where the new side's entry was; the other goes.
                    if n == t {
                        remove.push(x);
                    } else {
                        remove.push(t);
                    }
                }
                None => {
                    let d = &mut drafts[x];
                    d.init.status = status;
                    if side == Status::Dropped {
                        d.named_in_new(new, c.sentences, &c.text);
                        if status != Status::Continued {
                            d.init.old_name = Some(std::mem::replace(&mut d.init.name, c.text));
                        }
                    } else {
                        d.named_in_old(old, c.sentences, &c.text);
                        if status != Status::Continued {
                            d.init.old_name = Some(c.text);
                        }
                    }
                }
            }
        }
    }
    remove.sort_unstable();
    for o in remove.into_iter().rev() {
        drafts.remove(o);
    }
}

/// What a reader would search for to check a name: without title marks.
fn verbatim_form(name: &str) -> &str {
    name.trim_start_matches('《').trim_end_matches('》')
}

/// The last word on new and dropped: a name the other edition contains verbatim is never
/// new or dropped, whatever the rules above decided (a short name found only inside a longer
/// word included), so a reader who searches the other text never finds it there.
fn verbatim_guard(drafts: &mut [Draft], old: &Edition, new: &Edition) {
    for d in drafts.iter_mut() {
        let form = verbatim_form(&d.init.name).to_string();
        match d.init.status {
            Status::New if old.contains(&form) => {
                d.init.status = Status::Continued;
                d.named_in_old(old, old.find(&form), &form);
            }
            Status::Dropped if new.contains(&form) => {
                d.init.status = Status::Continued;
                d.named_in_new(new, new.find(&form), &form);
            }
            _ => {}
        }
    }
}

/// Sentences of `e` that name `key` in any of the forms status accepts: the key or a variant
/// of it (its distinctive part, without a leading modifier), an English name in another case
/// or number, or an abbreviation or expansion. Delivery asks this, so that a plan status calls
/// continued is reported on in the same forms.
pub(crate) fn sentences_naming(e: &Edition, key: &str) -> Vec<usize> {
    if let Some((_, s)) = find_any(e, key) {
        return s;
    }
    let plain = plain_key(key);
    if e.contains(&plain) {
        return e.find(&plain);
    }
    counterpart(&plain, e)
        .map(|c| c.sentences)
        .unwrap_or_default()
}

/// Definitions of initialisms read per edition at most: a report defines a few dozen.
const MAX_DEFINITIONS: usize = 2_000;

/// Words an initialism skips (`Ministry of Trade and Industry (MTI)`).
const INITIALISM_SKIPS: &[&str] = &["of", "and", "for", "the", "on", "in", "to", "&"];

/// The initialisms an edition defines, as `(initialism, long form)`: `Central Provident Fund
/// (CPF)` gives `("CPF", "Central Provident Fund")`. Two to six capitals in brackets right
/// after words whose initials they are, small words skipped.
fn initialisms(e: &Edition) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in e.all.match_indices(" (").take(MAX_DEFINITIONS) {
        let rest = &e.all[at + 2..];
        let Some(close) = rest.find(')') else {
            continue;
        };
        let acr = &rest[..close];
        if !(2..=6).contains(&acr.len()) || !acr.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        let letters: Vec<char> = acr.chars().rev().collect();
        // Words before the bracket, nearest first.
        let words: Vec<&str> = e.all[..at]
            .rsplit(' ')
            .take(2 * letters.len() + 2)
            .collect();
        let mut k = 0;
        for (n, w) in words.iter().enumerate() {
            if k > 0 && INITIALISM_SKIPS.contains(w) {
                continue;
            }
            if !w.starts_with(letters[k]) {
                break;
            }
            k += 1;
            if k == letters.len() {
                let long: Vec<&str> = words[..=n].iter().rev().copied().collect();
                out.push((acr.to_string(), long.join(" ")));
                break;
            }
        }
    }
    out
}

/// An English name written with an initialism the reports define instead of its long form,
/// or the other way round (`Central Provident Fund` / `CPF`), as `other` writes it.
fn english_counterpart(
    name: &str,
    defs: &[(String, String)],
    other: &Edition,
) -> Option<Counterpart> {
    if name.chars().any(is_han) {
        return None;
    }
    let words: Vec<&str> = name.split(' ').collect();
    defs.iter().find_map(|(acr, long)| {
        let (form, longer) = if name.contains(long.as_str()) {
            (name.replace(long.as_str(), acr), false)
        } else if words.contains(&acr.as_str()) {
            let w: Vec<&str> = words
                .iter()
                .map(|&x| if x == acr { long.as_str() } else { x })
                .collect();
            (w.join(" "), true)
        } else {
            return None;
        };
        let sentences = other.find_folded(&english_stem(&form));
        (!sentences.is_empty()).then_some(Counterpart {
            text: form,
            sentences,
            relation: Relation::Abbreviation,
            longer,
        })
    })
}

//! The status of each initiative across two editions.
//!
//! Names are found by [`detect`](super::detect) in each edition, but whether the other edition
//! names a thing is decided on its whole text: a programme launched with a verb one year is
//! often named in passing the next, and that is continuity, not a new name.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::detect::{Found, PILOT_WORDS, Stage, StageFamily, detect_in};
use super::terms::key_terms;
use super::text::Edition;
use crate::model::SectionPair;
use crate::model::{Initiative, Kind, MAX_MENTIONS, Mention, StageChange, Status};
use crate::script::is_han;
use crate::similarity::title_similarity;
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
        match index.get(&key) {
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
                index.insert(key.clone(), out.len());
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
    variants(key).into_iter().find_map(|v| {
        let hits = if short_key(v) {
            let quoted = e.find(&format!("“{v}”"));
            if quoted.is_empty() {
                e.find(v)
                    .into_iter()
                    .filter(|&i| stands_alone(&e.sentences[i].text, v))
                    .collect()
            } else {
                quoted
            }
        } else {
            e.find(v)
        };
        (!hits.is_empty()).then_some((v, hits))
    })
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
        },
        old_s,
        new_s,
    }
}

/// Compares the initiatives of two flattened editions.
pub(crate) fn compare_editions(
    old: &Edition,
    new: &Edition,
    sections: &[SectionPair],
) -> Vec<Initiative> {
    let old_groups = group(detect_in(old));
    let new_groups = group(detect_in(new));
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
                if let Some(os) = old_stage
                    && os.rank < st.rank
                {
                    d.init.status = Status::Upgraded;
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
    for g in old_groups
        .iter()
        .zip(&old_shown)
        .filter_map(|(g, &s)| s.then_some(g))
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
                    && ns.rank > st.rank
                {
                    d.init.status = Status::Upgraded;
                    d.init.old_name = Some(g.name.clone());
                    d.init.name = staged_name(&g.name, &st.label, &ns.label);
                    d.init.stage = Some(StageChange {
                        old: st.label.clone(),
                        new: ns.label,
                    });
                }
                pilot_upgrade_old(&mut d, g, new);
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
    find_renames(&mut drafts, old, new, &Aligned::of(sections));
    add_terms(&mut drafts, old, new);
    drafts.sort_by_key(|d| {
        (
            status_order(d.init.status),
            d.init.kind == Kind::Term,
            d.new_s.first().or(d.old_s.first()).copied().unwrap_or(0),
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

/// A pilot (`…试点`) of the old edition that the new one rolls out (`推广…`).
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
    if ns.rank > os.rank {
        mark_pilot(d, stem, os, ns);
    }
}

/// Same as [`pilot_upgrade`], seen from an old pilot the new edition no longer calls one.
fn pilot_upgrade_old(d: &mut Draft, g: &Group, new: &Edition) {
    let Some(st) = &g.stage else { return };
    if st.family != StageFamily::Pilot || d.init.status != Status::Continued {
        return;
    }
    let stem = g.name.strip_suffix("试点").unwrap_or(&g.name);
    let new_s = new.find(stem);
    if let Some(ns) = stage_after(new, stem, &new_s, StageFamily::Pilot)
        && ns.rank > st.rank
    {
        mark_pilot(d, stem, st.clone(), ns);
    }
}

fn mark_pilot(d: &mut Draft, stem: &str, os: Stage, ns: Stage) {
    d.init.status = Status::Upgraded;
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
        Status::Renamed => 3,
        Status::Continued => 4,
    }
}

/// Pairs new and dropped names whose sentences say the same thing around them: the same
/// programme under a new name. Sentences in aligned sections need a context similarity of
/// 0.5, others 0.7.
fn find_renames(drafts: &mut Vec<Draft>, old: &Edition, new: &Edition, aligned: &Aligned) {
    let news: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].init.status == Status::New)
        .collect();
    let drops: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].init.status == Status::Dropped)
        .collect();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for &n in &news {
        for &o in &drops {
            let (dn, dold) = (&drafts[n], &drafts[o]);
            if !compatible(&dn.init, &dold.init) {
                continue;
            }
            let name_sim = title_similarity(&dn.init.name, &dold.init.name);
            let mut best = 0.0f64;
            for &ns in dn.new_s.iter().take(4) {
                for &os in dold.old_s.iter().take(4) {
                    let (a, b) = (&new.sentences[ns], &old.sentences[os]);
                    let ctx = title_similarity(
                        &a.text.replace(&dn.init.name, ""),
                        &b.text.replace(&dold.init.name, ""),
                    );
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

/// Adds the key terms of each side that no named initiative already covers.
fn add_terms(drafts: &mut Vec<Draft>, old: &Edition, new: &Edition) {
    let named: Vec<String> = drafts.iter().map(|d| d.init.name.clone()).collect();
    let overlaps = |t: &str| {
        named
            .iter()
            .any(|n| n.contains(t) || t.contains(n.as_str()))
    };
    for (term, status) in key_terms(old, new) {
        if overlaps(&term) {
            continue;
        }
        let (old_s, new_s) = match status {
            Status::New => (vec![], new.find(&term)),
            _ => (old.find(&term), vec![]),
        };
        drafts.push(draft(&term, status, Kind::Term, (old, old_s), (new, new_s)));
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

//! Finding named initiatives in one edition, and the noise filter that keeps the list short.
//!
//! Four patterns name a thing (see `docs/initiatives.md` for the rules with examples):
//! 1. quotation marks (`“上海硅巷”`), title marks (`《…》`) and corner quotes (`「…」`);
//! 2. versioned or phased plans (`营商环境建设7.0版`, `“智慧好办”3.0版`, `…三期`);
//! 3. programme suffixes (`…行动`, `…计划`, `…工程`, `…示范区`, `…产业园`, `…品牌`, `…节`),
//!    whose left edge is found at an action verb or punctuation;
//! 4. English capitalised names ending in `Program`, `Initiative`, `Plan`, `Fund`, `Scheme`….
//!
//! Quotation marks are also used for emphasis, idioms and slogans far more often than for
//! names, so a quoted phrase only counts when its surroundings say it is something being done
//! ([`Verdict`]); everything else is dropped with a reason a reader can check.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::text::Edition;
use crate::model::Document;
use crate::model::{Kind, Mention};
use crate::script::is_han;
use crate::vocab;

/// A named initiative found in one sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Detected {
    /// The name without enclosing quotation marks (`上海硅巷`, `营商环境建设7.0版`).
    pub name: String,
    /// How it was recognised.
    pub kind: Kind,
    /// Its stage, for versioned, phased and pilot names.
    pub stage: Option<Stage>,
    /// Where it was found.
    pub mention: Mention,
}

/// A stage of a plan, comparable within one family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stage {
    /// The stage as written (`7.0版`, `三期`, `试点`).
    pub label: String,
    /// Which kind of stage; ranks are only compared within a family.
    pub family: StageFamily,
    /// Position in the family: the version number, the phase number, or pilot < rollout.
    pub rank: f64,
}

/// Kinds of stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StageFamily {
    /// `7.0版`, `2.0版`.
    Version,
    /// `三期`, `第四期`.
    Phase,
    /// `试点` (1), `示范` (2), `推广` (3), `全覆盖` / `全面推开` (4).
    Pilot,
}

/// What the noise filter decided about a quoted phrase, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The object of an action verb (`实施“强基计划”`, `打造“上海硅巷”`).
    ActionVerb,
    /// Followed by a word that names a kind of programme (`“最虹桥”品牌`, `“双拥”活动`).
    NameSuffix,
    /// Itself ends like a programme (`“十大行动”`, `“五五购物节”`).
    ProgrammeName,
    /// A reform formula (`“一网通办”`, `“一业一证”`, `“互联网+”`, `“AI+”`).
    Formula,
    /// A stage follows it (`“智慧好办”3.0版`).
    Versioned,
    /// Noise: one character, used for emphasis (`“稳”`, `“进”`).
    TooShort,
    /// Noise: too long to be a name, or a sentence (`“绿韵映芳华，润泽最长宁”`).
    Slogan,
    /// Noise: an idiom or figure of speech (`“一刀切”`, `“定心丸”`, `“诗与远方”`).
    FigureOfSpeech,
    /// Noise: a political principle or numbered formula (`“两个确立”`, `“一国两制”`).
    Principle,
    /// Noise: something the report wants to prevent (`防止“一刀切”`, `“非农化”`).
    Avoided,
    /// Noise: an honour or title conferred (`荣获“全国优秀教师”称号`).
    Honour,
    /// Noise: a group of places (`“三区三州”等深度贫困地区`).
    Place,
    /// Noise: nothing around it says it is a programme.
    NoEvidence,
}

impl Verdict {
    /// True when the phrase counts as an initiative.
    pub fn is_initiative(self) -> bool {
        matches!(
            self,
            Verdict::ActionVerb
                | Verdict::NameSuffix
                | Verdict::ProgrammeName
                | Verdict::Formula
                | Verdict::Versioned
        )
    }
}

/// Verbs whose object is something being launched, run or built. Also the left edge of an
/// unquoted programme name: `深入实施|国企改革三年行动`.
static ACTION_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-action-verbs.txt")));

/// Verbs of prevention: what follows is a thing to avoid, not a programme.
static AVOID_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-avoid-verbs.txt")));

/// Words after a quote that make it a problem, not a programme (`“一刀切”现象`).
static PROBLEM_WORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-problem-words.txt")));

/// Words after a quote that name a kind of programme or institution (`“最虹桥”品牌`).
pub(crate) static NAME_NOUNS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-name-nouns.txt")));

/// Idioms and figures of speech that reports put in quotation marks.
static FIGURES_OF_SPEECH: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-figures-of-speech.txt")));

/// Political principles and formulas: named, but not programmes a report launches.
static PRINCIPLES: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-principles.txt")));

/// Programme suffixes, longest first so that `行动计划` wins over `计划`.
static PROGRAMME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:行动计划|行动方案|专项行动|攻坚行动|行动|计划|工程|示范区|先行区|先导区|试验区\
         |示范园|产业园|科技园|品牌|基金|战略|试点|博览会|交易会|保卫战|攻坚战|节)",
    )
    .unwrap()
});

/// Where a programme suffix starts when `name` ends with one (`城市更新行动` → 12).
pub(crate) fn programme_suffix(name: &str) -> Option<usize> {
    PROGRAMME
        .find_iter(name)
        .last()
        .filter(|m| m.end() == name.len() && m.start() > 0)
        .map(|m| m.start())
}

/// Quotation and title marks.
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"“([^“”\n]{1,60})”|「([^「」\n]{1,60})」|《([^《》\n]{1,80})》|"([^"\n]{1,60})""#)
        .unwrap()
});

/// A version right after a name (`7.0版`, `2.0版`).
static VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,2}(?:\.\d{1,2})?)\s*版").unwrap());

/// A version or phase anywhere (`7.0版`, `三期`, `第四期`), for the unquoted pass.
static STAGE_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{1,2}(?:\.\d{1,2})?)版|第?([一二三四五六七八九十]|\d{1,2})期(?:工程|项目|建设|改造)?",
    )
    .unwrap()
});

/// English programme names: capitalised words and a programme noun.
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and|on|in|the|to)\s+)?){1,6})((?i:programmes?|programs?|initiatives?|plans?|funds?|schemes?|grants?|credits?|packages?|vouchers?|bonus|campaign|accounts?))\b",
    )
    .unwrap()
});

/// Capitalised words that open sentences or are too general to name anything.
static ENGLISH_GENERIC: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-name-openers.txt")));

/// English verbs that launch or grow a programme; a quoted English phrase after one counts.
static ENGLISH_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-launch-verbs.txt")));

/// Words that alone do not name anything (`重大工程`, `国家战略`, `一批…`).
static GENERIC: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-name-generic-words.txt")));

/// Words that show a programme suffix is part of another word (`计划生育`, `工程师`), by suffix.
static SUFFIX_EXCEPTIONS: LazyLock<Vec<(&str, &str)>> =
    LazyLock::new(|| vocab::pairs(include_str!("../../data/vocab/zh-suffix-exceptions.txt")));

/// Characters that end a festival's stem before `节` (`购物节`, `咖啡节`).
static FESTIVAL_CHARS: LazyLock<Vec<char>> =
    LazyLock::new(|| vocab::chars(include_str!("../../data/vocab/zh-festival-chars.txt")));

/// Suffixes that need more care: their text is common inside other words.
fn suffix_ok(name_stem: &str, suffix: &str, after: &str) -> bool {
    let next2: String = after.chars().take(2).collect();
    // `资源勘探、能源工程等领域`: a list of fields, not of programmes.
    if after.starts_with("领域") || after.starts_with("等领域") {
        return false;
    }
    // `科技园区` is a kind of place, not the name of a park.
    if suffix.ends_with('园') && after.starts_with('区') {
        return false;
    }
    if SUFFIX_EXCEPTIONS
        .iter()
        .any(|&(s, r)| s == suffix && next2.starts_with(r))
    {
        return false;
    }
    if suffix == "节" {
        // `节` ends festivals (`购物节`, `咖啡节`) but also 环节, 季节, 调节…: only the char
        // before it tells them apart.
        let ok_after = after.chars().next().is_none_or(|c| !is_han(c));
        return ok_after
            && name_stem
                .chars()
                .last()
                .is_some_and(|c| FESTIVAL_CHARS.contains(&c));
    }
    true
}

/// Strips generic words from both ends of a stem; what is left shows whether it names
/// anything.
pub(crate) fn distinctive(stem: &str) -> &str {
    let mut s = stem;
    loop {
        let before = s;
        for g in GENERIC.iter() {
            if let Some(r) = s.strip_prefix(g) {
                s = r;
            }
            if let Some(r) = s.strip_suffix(g) {
                s = r;
            }
        }
        s = s.trim_start_matches(|c: char| is_numeral(c) || c.is_ascii_digit());
        if s == before {
            return s;
        }
    }
}

fn is_numeral(c: char) -> bool {
    "一二三四五六七八九十百千万两几多".contains(c)
}

/// Quantifiers a name does not keep (`启动一批|产业基础再造工程`).
static LEADING_QUANTIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:新一轮|一系列|一批|若干|多项|各类|各项|一些|这些|[一二三四五六七八九十两几多\d]+[个项批类家大])")
        .unwrap()
});

/// Verbs that open an object and rarely sit inside a name: the preferred left edge
/// (`实施|扩大内需战略`, not `扩大|内需战略`).
static STRONG_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-strong-verbs.txt")));

/// Characters that always end a name on the left: function words that never sit inside a
/// programme name.
static STOP_CHARS: LazyLock<Vec<char>> =
    LazyLock::new(|| vocab::chars(include_str!("../../data/vocab/zh-function-chars.txt")));

/// Conjunctions: an edge, but a weak one, because `生态系统保护和修复重大工程` is one name.
const CONJUNCTIONS: &[char] = &['和', '与', '及'];

/// How much a left edge can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// Punctuation, a function character, the sentence start, a strong or avoid verb.
    Strong,
    /// A conjunction: `A和B工程` may be one name or two.
    Conjunction,
    /// A verb that also sits inside names (`建设`, `扩大`, `创新`).
    Weak,
}

/// Candidate left edges of a name that ends where `before` ends, as byte offsets with their
/// kind, rightmost first, up to and including the first strong edge. A run longer than
/// `max_chars` without one gets no strong edge: its start is unknown.
fn left_edges(before: &str, max_chars: usize) -> Vec<(usize, Edge)> {
    let mut edges = Vec::new();
    let mut count = 0;
    for (i, c) in before.char_indices().rev() {
        if !is_han(c) || STOP_CHARS.contains(&c) {
            edges.push((i + c.len_utf8(), Edge::Strong));
            return edges;
        }
        if CONJUNCTIONS.contains(&c) {
            edges.push((i + c.len_utf8(), Edge::Conjunction));
        }
        count += 1;
        let prefix = &before[..i];
        if STRONG_VERBS.iter().any(|v| prefix.ends_with(v)) {
            edges.push((i, Edge::Strong));
            return edges;
        } else if ACTION_VERBS
            .iter()
            .chain(AVOID_VERBS.iter())
            .any(|v| prefix.ends_with(v))
        {
            edges.push((i, Edge::Weak));
        }
        if count >= max_chars {
            return edges;
        }
    }
    edges.push((0, Edge::Strong));
    edges
}

/// Adverbs and verbs a name does not start with (`大幅提高|失业保险基金`).
static LEADING_ADVERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-leading-adverbs.txt")));

/// Units left after a number (`1800亿元|失业保险基金`).
static LEADING_UNIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[万亿千百]*(?:元|个|项|批|家|所|座|条|人次|年|户)").unwrap());

/// The name that ends where `before` ends (its suffix is `suffix`). The rightmost strong edge
/// wins, so a verb inside a name (`乡村建设行动`, `扩大内需战略`) does not cut it short; a
/// conjunction wins when the right-hand part names something on its own (`高职扩招和|职业技能
/// 提升三年行动`) or the left-hand part ends with the same suffix (`A战略和|B战略`); a weak
/// verb only when no strong edge leaves a name.
fn name_before<'a>(
    before: &'a str,
    suffix: &str,
    max_chars: usize,
    min_distinct: usize,
) -> Option<&'a str> {
    // `开展|工程`: a verb right before the suffix leaves nothing to name.
    if STRONG_VERBS.iter().any(|v| before.ends_with(v)) {
        return None;
    }
    let edges = left_edges(before, max_chars);
    let clean = |edge: usize| -> &'a str {
        let mut stem = before[edge..].trim_start_matches(CONJUNCTIONS);
        if let Some(m) = LEADING_QUANTIFIER.find(stem) {
            stem = &stem[m.end()..];
        }
        if before[..edge].ends_with(|c: char| c.is_ascii_digit() || is_numeral(c))
            && let Some(m) = LEADING_UNIT.find(stem)
        {
            stem = &stem[m.end()..];
        }
        // Leading adverbs, verbs and the issuer (`区营商环境建设8.0版`) go while what is
        // left still names something.
        loop {
            let cut = LEADING_ADVERBS
                .iter()
                .chain(ACTION_VERBS.iter())
                .chain(STRONG_VERBS.iter())
                .find_map(|w| stem.strip_prefix(w))
                .filter(|rest| distinctive(rest).chars().count() >= min_distinct.max(3))
                .or_else(|| {
                    stem.strip_prefix(['区', '市']).filter(|rest| {
                        rest.chars().count() >= 5 && !rest.starts_with(['块', '域', '级', '县'])
                    })
                });
            match cut {
                Some(rest) => stem = rest,
                None => return stem,
            }
        }
    };
    let distinct = |stem: &str| distinctive(stem).chars().count();
    for &(e, kind) in &edges {
        match kind {
            Edge::Conjunction => {
                let stem = clean(e);
                let left = before[..e].trim_end_matches(CONJUNCTIONS);
                if distinct(stem) >= 4 || (!suffix.is_empty() && left.ends_with(suffix)) {
                    return Some(stem);
                }
            }
            Edge::Strong => {
                let stem = clean(e);
                // Right after a number the name's start is a guess (`延长30年|整县试点`), so
                // it must name something on its own.
                let after_number = before[..e].ends_with(|c: char| c.is_ascii_digit());
                let need = if after_number { 4 } else { min_distinct };
                if distinct(stem) >= need {
                    return Some(stem);
                }
            }
            Edge::Weak => {}
        }
    }
    edges
        .iter()
        .filter(|&&(_, k)| k == Edge::Weak)
        .map(|&(e, _)| clean(e))
        .find(|stem| distinct(stem) >= min_distinct)
}

/// The text before a quote, with any directly preceding quoted names of the same list
/// skipped (`实施“X”、“Y”` lets `Y` see `实施`).
fn before_chain(before: &str) -> &str {
    let mut b = before;
    loop {
        let t = b.trim_end_matches(['、', '和', '与', '及', ' ']);
        if t.len() == b.len() && !t.ends_with('”') {
            return b;
        }
        if !t.ends_with('”') {
            return b;
        }
        match t.rfind('“') {
            Some(i) => b = &t[..i],
            None => return b,
        }
    }
}

/// The text after a quote, with directly following quoted names skipped
/// (`“六稳”“六保”工作` lets `六稳` see `工作`).
fn after_chain(after: &str) -> &str {
    let mut a = after;
    loop {
        let t = a.trim_start_matches(['、', '和', '与', '及', ' ']);
        if !t.starts_with('“') {
            return a;
        }
        match t.find('”') {
            Some(i) => a = &t[i + '”'.len_utf8()..],
            None => return a,
        }
    }
}

/// Judges a Chinese quoted phrase by its length, its words and what surrounds it.
///
/// `before` and `after` are the sentence text on either side of the quotation marks.
pub fn judge_quote(before: &str, inner: &str, after: &str) -> Verdict {
    let inner = inner.trim();
    let chars = inner.chars().count();
    if VERSION.is_match(after) && chars >= 2 {
        return Verdict::Versioned;
    }
    if chars < 2 {
        return Verdict::TooShort;
    }
    if chars > 24 || inner.contains(['，', '。', ',', '；', '！', '？']) {
        return Verdict::Slogan;
    }
    // `“政、校、楼、企”`: a list of single characters is shorthand, not a name.
    if inner.contains('、') && inner.split('、').all(|p| p.chars().count() == 1) {
        return Verdict::Slogan;
    }
    if FIGURES_OF_SPEECH.contains(&inner) {
        return Verdict::FigureOfSpeech;
    }
    if PRINCIPLES.contains(&inner)
        || NUMBERED_FORMULA.is_match(inner)
        || inner.ends_with("治港")
        || inner.ends_with("治澳")
    {
        return Verdict::Principle;
    }
    let chain_before = before_chain(before);
    let tail: String = {
        let t: Vec<char> = chain_before.chars().rev().take(4).collect();
        t.into_iter().rev().collect()
    };
    if AVOID_VERBS.iter().any(|v| tail.ends_with(v))
        || inner.starts_with('非')
        || inner.starts_with("反")
    {
        return Verdict::Avoided;
    }
    let chain_after = after_chain(after);
    if PROBLEM_WORDS.iter().any(|w| chain_after.starts_with(w)) {
        return Verdict::Avoided;
    }
    if HONOUR_WORDS.iter().any(|w| chain_after.starts_with(w))
        || HONOUR_VERBS.iter().any(|v| tail.ends_with(v))
    {
        return Verdict::Honour;
    }
    if PLACE_AFTER.is_match(chain_after) {
        return Verdict::Place;
    }
    if let Some(m) = PROGRAMME.find_iter(inner).last()
        && m.end() == inner.len()
        && suffix_ok(&inner[..m.start()], m.as_str(), "")
        && m.start() > 0
    {
        return Verdict::ProgrammeName;
    }
    if NAME_NOUNS.iter().any(|n| chain_after.starts_with(n)) {
        return Verdict::NameSuffix;
    }
    if ACTION_VERBS.iter().any(|v| chain_before.ends_with(v)) {
        return Verdict::ActionVerb;
    }
    if FORMULA.is_match(inner) {
        return Verdict::Formula;
    }
    Verdict::NoEvidence
}

/// Verbs of receiving an honour (`荣获“…”`).
static HONOUR_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-honour-verbs.txt")));

/// Words after a quote that make it an honour (`“…”称号`).
static HONOUR_WORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-honour-words.txt")));

/// `两个确立`, `四个意识`: numbered principles.
static NUMBERED_FORMULA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[两二三四五六七八九十]个").unwrap());

/// `一网通办`, `一业一证`, `一址两用`, `互联网+`, `AI+`: reform formulas that are brands.
static FORMULA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:一[^一]{1,2}[一两多][^一]{1,3}|.{1,6}[+＋]|.{1,6}[+＋].{1,12})$").unwrap()
});

/// `“三区三州”等深度贫困地区`: a group of places.
static PLACE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^等?\p{Han}{0,5}(?:地区|国家|城市|省份|地方)").unwrap());

/// Judges an English quoted phrase: only a programme noun after it or a launch verb before it
/// makes it a name; English reports quote words for irony and emphasis far more often.
fn judge_english_quote(before: &str, inner: &str, after: &str) -> Verdict {
    let words = inner.split_whitespace().count();
    if words == 0 || inner.len() < 3 {
        return Verdict::TooShort;
    }
    if words > 6 || inner.ends_with(['.', '?', '!', ',']) {
        return Verdict::Slogan;
    }
    let after_l = after.trim_start().to_lowercase();
    if ENGLISH_NOUNS.iter().any(|n| after_l.starts_with(n)) {
        return Verdict::NameSuffix;
    }
    let before_l = before.trim_end().to_lowercase();
    if ENGLISH_VERBS
        .iter()
        .any(|v| before_l.ends_with(v) || before_l.ends_with(&format!("{v} the")))
    {
        return Verdict::ActionVerb;
    }
    Verdict::NoEvidence
}

static ENGLISH_NOUNS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/en-programme-nouns.txt")));

/// A name found in a sentence of an edition; internal form with the match key.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub name: String,
    pub kind: Kind,
    pub stage: Option<Stage>,
    /// Index of the sentence in the edition.
    pub sentence: usize,
}

impl Found {
    /// The name without its stage: what must occur in the other edition for the initiative
    /// to count as named there.
    pub fn stem(&self) -> &str {
        match &self.stage {
            Some(st) => {
                let s = self.name.strip_suffix(&st.label).unwrap_or(&self.name);
                s.trim_end_matches('”').trim_start_matches('“').trim_end()
            }
            None => &self.name,
        }
    }
}

/// Finds the named initiatives of a document, one entry per sentence and name.
pub fn detect(doc: &Document) -> Vec<Detected> {
    let e = Edition::of(doc);
    detect_in(&e)
        .into_iter()
        .map(|f| Detected {
            mention: e.mention(f.sentence, &f.name),
            name: f.name,
            kind: f.kind,
            stage: f.stage,
        })
        .collect()
}

/// Finds the named initiatives of a flattened edition.
pub(crate) fn detect_in(e: &Edition) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, s) in e.sentences.iter().enumerate() {
        let start = out.len();
        detect_sentence(&s.text, i, &mut out);
        // One entry per name and sentence, and none for a name inside a longer one found in
        // the same sentence (`自由贸易试验区` inside `自由贸易试验区提升战略`).
        // A versioned name wins over a programme name around it (`大数据资源平台四期` in
        // `大数据资源平台四期工程`), since its stage is what status compares.
        let versioned: Vec<String> = out[start..]
            .iter()
            .filter(|f| f.kind == Kind::Versioned)
            .map(|f| f.name.clone())
            .collect();
        let names: Vec<String> = out[start..].iter().map(|f| f.name.clone()).collect();
        let mut seen: Vec<String> = Vec::new();
        let mut j = start;
        while j < out.len() {
            let name = &out[j].name;
            let inside = if out[j].kind == Kind::Versioned {
                false
            } else {
                names
                    .iter()
                    .any(|n| n.len() > name.len() && n.contains(name.as_str()))
                    || versioned.iter().any(|v| name.contains(v.as_str()))
            };
            if inside || seen.contains(name) {
                out.remove(j);
            } else {
                seen.push(name.clone());
                j += 1;
            }
        }
    }
    out
}

/// Judges every quoted phrase of a sentence: `(inner text, verdict)` pairs, for tests and for
/// users who want to see why a phrase was dropped.
pub fn judge_sentence(sentence: &str) -> Vec<(String, Verdict)> {
    QUOTED
        .captures_iter(sentence)
        .map(|c| {
            let m = c.get(0).unwrap();
            let inner = c.iter().skip(1).flatten().next().unwrap().as_str();
            let (before, after) = (&sentence[..m.start()], &sentence[m.end()..]);
            let v = if m.as_str().starts_with('《') {
                Verdict::NameSuffix
            } else if inner.chars().any(is_han) {
                judge_quote(before, inner, after)
            } else {
                judge_english_quote(before, inner, after)
            };
            (inner.trim().to_string(), v)
        })
        .collect()
}

/// Bytes of text on each side of a name that detection looks at. Verbs, suffixes and chains
/// of quoted names sit within a few dozen characters of a name; the window keeps the work per
/// name bounded in a sentence that names thousands of things.
const CONTEXT_WINDOW: usize = 600;

/// The text before byte `at`, at most [`CONTEXT_WINDOW`] bytes, cut at a character.
fn window_before(text: &str, at: usize) -> &str {
    &text[crate::script::ceil_boundary(text, at.saturating_sub(CONTEXT_WINDOW))..at]
}

/// The text after byte `at`, at most [`CONTEXT_WINDOW`] bytes, cut at a character.
fn window_after(text: &str, at: usize) -> &str {
    &text[at..crate::script::floor_boundary(text, at + CONTEXT_WINDOW)]
}

fn detect_sentence(text: &str, sentence: usize, out: &mut Vec<Found>) {
    let push = |out: &mut Vec<Found>, name: String, kind: Kind, stage: Option<Stage>| {
        out.push(Found {
            name,
            kind,
            stage,
            sentence,
        });
    };
    // 1. Quoted and titled names.
    if text.contains(['“', '《', '「', '"']) {
        for c in QUOTED.captures_iter(text) {
            let m = c.get(0).unwrap();
            let inner = c.iter().skip(1).flatten().next().unwrap().as_str().trim();
            let (before, after) = (window_before(text, m.start()), window_after(text, m.end()));
            if m.as_str().starts_with('《') {
                if inner.chars().count() >= 2 {
                    push(out, format!("《{inner}》"), Kind::Titled, None);
                }
                continue;
            }
            let han = inner.chars().any(is_han);
            let verdict = if han {
                judge_quote(before, inner, after)
            } else {
                judge_english_quote(before, inner, after)
            };
            if verdict == Verdict::Versioned {
                let v = VERSION.captures(after).unwrap();
                let label = format!("{}版", &v[1]);
                let stage = version_stage(&label, &v[1]);
                push(
                    out,
                    format!("“{inner}”{label}"),
                    Kind::Versioned,
                    Some(stage),
                );
            } else if verdict.is_initiative() {
                let stage = pilot_stage(inner);
                push(out, inner.to_string(), Kind::Quoted, stage);
            }
        }
    }
    // 2. Versioned and phased names without quotation marks.
    for c in STAGE_ANY.captures_iter(text) {
        let m = c.get(0).unwrap();
        let before = window_before(text, m.start());
        if before.ends_with('”') || before.trim_end().ends_with('”') {
            continue;
        }
        let before = before.trim_end();
        let Some(stem) = name_before(before, "", 14, 2) else {
            continue;
        };
        let (label, stage) = if let Some(v) = c.get(1) {
            let label = format!("{}版", v.as_str());
            let st = version_stage(&label, v.as_str());
            (label, st)
        } else {
            let n = c.get(2).unwrap().as_str();
            let rank = n
                .parse::<u32>()
                .ok()
                .or_else(|| crate::script::chinese_numeral_value(n));
            let Some(rank) = rank else { continue };
            let label = m.as_str().to_string();
            let label = label
                .trim_end_matches(['工', '程', '项', '目', '建', '设', '改', '造'])
                .to_string();
            let st = Stage {
                label: label.clone(),
                family: StageFamily::Phase,
                rank: f64::from(rank),
            };
            (label, st)
        };
        if stem.ends_with("时") || stem.ends_with("同") || stem.ends_with("近") {
            continue;
        }
        push(out, format!("{stem}{label}"), Kind::Versioned, Some(stage));
    }
    // 3. Programme suffixes.
    if text.chars().any(is_han) {
        for m in PROGRAMME.find_iter(text) {
            let before = window_before(text, m.start());
            if before.ends_with(['”', '》', '」']) {
                continue;
            }
            let after = window_after(text, m.end());
            let Some(stem) = name_before(before, m.as_str(), 14, 2) else {
                continue;
            };
            if !suffix_ok(stem, m.as_str(), after) {
                continue;
            }
            // A suffix inside a longer programme name (`…行动计划`) was taken as a whole.
            let name = format!("{stem}{}", m.as_str());
            let stage = if m.as_str() == "试点" {
                Some(Stage {
                    label: "试点".to_string(),
                    family: StageFamily::Pilot,
                    rank: 1.0,
                })
            } else {
                None
            };
            push(out, name, Kind::Programme, stage);
        }
    }
    // 4. English programme names.
    if text.is_ascii() || !text.chars().any(is_han) {
        for c in ENGLISH.captures_iter(text) {
            let words: Vec<&str> = c[1].split_whitespace().collect();
            let suffix = &c[2];
            // Drop sentence openers and generic words from the left.
            let mut k = 0;
            while k < words.len() && is_english_generic(words[k]) {
                k += 1;
            }
            let kept = &words[k..];
            let capitalised = kept
                .iter()
                .filter(|w| w.starts_with(|ch: char| ch.is_ascii_uppercase()))
                .count();
            let suffix_cap = suffix.starts_with(|ch: char| ch.is_ascii_uppercase());
            if capitalised == 0 || (!suffix_cap && capitalised < 2) {
                continue;
            }
            if kept
                .last()
                .is_some_and(|w| ["of", "for", "and", "on", "in", "the", "to"].contains(w))
            {
                continue;
            }
            let name = format!("{} {suffix}", kept.join(" "));
            push(out, name, Kind::Programme, None);
        }
    }
}

fn is_english_generic(word: &str) -> bool {
    let w = word.trim_end_matches(['’', '\'']).to_lowercase();
    let w = w.strip_suffix("’s").or(w.strip_suffix("'s")).unwrap_or(&w);
    ENGLISH_GENERIC.contains(&w) || !word.starts_with(|c: char| c.is_ascii_uppercase())
}

fn version_stage(label: &str, number: &str) -> Stage {
    Stage {
        label: label.to_string(),
        family: StageFamily::Version,
        rank: number.parse().unwrap_or(0.0),
    }
}

/// Quoted names that end in a pilot word carry their stage (`“无废城市”试点` does not; the
/// stage is outside the quotes and the name is the brand).
fn pilot_stage(_inner: &str) -> Option<Stage> {
    None
}

/// Stage words of the pilot family, by rank.
pub(crate) const PILOT_WORDS: &[(&str, f64)] = &[
    ("试点", 1.0),
    ("示范", 2.0),
    ("推广", 3.0),
    ("扩面", 3.0),
    ("推开", 4.0),
    ("全覆盖", 4.0),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        detect_sentence(text, 0, &mut out);
        out.into_iter().map(|f| f.name).collect()
    }

    #[test]
    fn programme_left_edge_skips_verbs_inside_names() {
        assert_eq!(names("启动乡村建设行动。"), ["乡村建设行动"]);
        assert_eq!(names("深入实施国企改革三年行动。"), ["国企改革三年行动"]);
        assert_eq!(names("启动一批产业基础再造工程。"), ["产业基础再造工程"]);
    }

    #[test]
    fn avoid_verbs_inside_names_are_weak_edges() {
        assert_eq!(
            names("深入开展安全生产专项整治三年行动。"),
            ["安全生产专项整治三年行动"]
        );
    }

    #[test]
    fn generic_programmes_are_not_names() {
        assert!(names("加快实施一批重大工程。").is_empty());
        assert!(names("深入实施区域重大战略。").is_empty());
        assert!(names("培养工程师和技术人员。").is_empty());
    }

    #[test]
    fn versioned_names() {
        assert_eq!(
            names("实施营商环境建设7.0版行动方案。"),
            ["营商环境建设7.0版"]
        );
        assert_eq!(names("迭代升级“智慧好办”3.0版。"), ["“智慧好办”3.0版"]);
    }

    #[test]
    fn quotes_need_evidence() {
        assert_eq!(judge_quote("防止", "一刀切", ""), Verdict::FigureOfSpeech);
        assert_eq!(judge_quote("", "稳", "是大局"), Verdict::TooShort);
        assert_eq!(
            judge_quote("深入实施", "强基计划", ""),
            Verdict::ProgrammeName
        );
        assert_eq!(judge_quote("打造", "上海硅巷", ""), Verdict::ActionVerb);
        assert_eq!(
            judge_quote("", "最虹桥", "品牌不断打响"),
            Verdict::NameSuffix
        );
        assert_eq!(judge_quote("增强", "四个意识", ""), Verdict::Principle);
    }

    #[test]
    fn english_programme_names() {
        let n =
            names("We will enhance the Senior Employment Credit and the SME Co-Investment Fund.");
        assert_eq!(n, ["Senior Employment Credit", "SME Co-Investment Fund"]);
        assert!(names("We published an Action Plan.").is_empty());
    }

    #[test]
    fn english_names_keep_a_content_word_that_opens_them() {
        // Sentences of the Singapore budget speech of 2023.
        assert_eq!(
            names(
                "In addition, I will increase the minimum CPF monthly payout for seniors on the \
                 Retirement Sum Scheme to $350 a month."
            ),
            ["Retirement Sum Scheme"]
        );
        assert_eq!(
            names(
                "We currently have the National Productivity Fund (NPF), which supports a wide range of measures."
            ),
            ["National Productivity Fund"]
        );
        assert_eq!(
            names(
                "We will enhance the existing Business and IPC Partnership Scheme into a broader \
                 Corporate Volunteer Scheme, which will be rolled out for three years."
            ),
            [
                "Business and IPC Partnership Scheme",
                "Corporate Volunteer Scheme"
            ]
        );
    }
}

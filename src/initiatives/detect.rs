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

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde::Serialize;

use super::text::Edition;
use crate::model::Document;
use crate::model::{Kind, Mention};
use crate::script::is_han;
use crate::vocab::{self, Words};

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
static ACTION_VERBS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-action-verbs.txt"
    )))
});

/// Verbs of prevention: what follows is a thing to avoid, not a programme.
static AVOID_VERBS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-avoid-verbs.txt"
    )))
});

/// Words after a quote that make it a problem, not a programme (`“一刀切”现象`).
static PROBLEM_WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-problem-words.txt"
    )))
});

/// Words after a quote that name a kind of programme or institution (`“最虹桥”品牌`).
pub(crate) static NAME_NOUNS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-name-nouns.txt"
    )))
});

/// Idioms and figures of speech that reports put in quotation marks.
static FIGURES_OF_SPEECH: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-figures-of-speech.txt"
    )))
});

/// Political principles and formulas: named, but not programmes a report launches.
static PRINCIPLES: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-principles.txt"
    )))
});

/// Programme suffixes, longest first so that `行动计划` wins over `计划`.
const PROGRAMME_SUFFIXES: &[&str] = &[
    "行动计划",
    "行动方案",
    "专项行动",
    "攻坚行动",
    "行动",
    "计划",
    "工程",
    "示范区",
    "先行区",
    "先导区",
    "试验区",
    "示范园",
    "产业园",
    "科技园",
    "品牌",
    "基金",
    "战略",
    "试点",
    "博览会",
    "交易会",
    "保卫战",
    "攻坚战",
    "节",
];

/// The suffixes as one automaton: at each place the leftmost suffix, and among those starting
/// there the first of the list.
static PROGRAMME: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(PROGRAMME_SUFFIXES)
        .expect("the suffixes are a small list of words")
});

/// The last programme suffix in `text`, as `(start, end)`.
fn last_suffix(text: &str) -> Option<(usize, usize)> {
    PROGRAMME
        .find_iter(text)
        .last()
        .map(|m| (m.start(), m.end()))
}

/// Where a programme suffix starts when `name` ends with one (`城市更新行动` → 12).
pub(crate) fn programme_suffix(name: &str) -> Option<usize> {
    last_suffix(name)
        .filter(|&(start, end)| end == name.len() && start > 0)
        .map(|(start, _)| start)
}

/// A phrase in quotation or title marks.
struct Quote<'t> {
    /// Byte range of the phrase with its marks.
    start: usize,
    end: usize,
    /// The text between the marks.
    inner: &'t str,
    /// True for title marks (`《…》`).
    title: bool,
}

/// The phrases of `text` between `“…”`, `「…」`, `《…》` or `"…"`, left to right and not
/// overlapping: 1 to 60 characters (80 between title marks), no line break and no mark of the
/// same kind inside. A mark that opens no such phrase is skipped.
fn quotes(text: &str) -> Vec<Quote<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    'scan: while let Some((at, open)) = text[from..]
        .char_indices()
        .find(|&(_, c)| matches!(c, '“' | '「' | '《' | '"'))
    {
        let start = from + at;
        let (close, max) = match open {
            '“' => ('”', 60),
            '「' => ('」', 60),
            '《' => ('》', 80),
            _ => ('"', 60),
        };
        let inner_start = start + open.len_utf8();
        from = inner_start;
        for (n, (i, c)) in text[inner_start..].char_indices().enumerate() {
            if c == close {
                if n == 0 {
                    break;
                }
                let end = inner_start + i + close.len_utf8();
                out.push(Quote {
                    start,
                    end,
                    inner: &text[inner_start..inner_start + i],
                    title: open == '《',
                });
                from = end;
                continue 'scan;
            }
            if c == open || c == '\n' || n == max {
                break;
            }
        }
    }
    out
}

/// The number of a version right after a name (`7.0` of ` 7.0版`): spaces, one or two digits,
/// optionally a point and one or two more, spaces, `版`.
fn version_after(after: &str) -> Option<&str> {
    let rest = after.trim_start_matches(char::is_whitespace);
    let number = version_number(rest)?;
    rest[number.len()..]
        .trim_start_matches(char::is_whitespace)
        .starts_with('版')
        .then_some(number)
}

/// The longest `d`, `dd`, `d.d`, `dd.d`, `d.dd` or `dd.dd` at the start of `text`, when the
/// digits that follow do not make it longer.
fn version_number(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let whole = digits(0);
    if !(1..=2).contains(&whole) {
        return None;
    }
    if b.get(whole) == Some(&b'.') {
        let part = digits(whole + 1);
        if (1..=2).contains(&part) {
            return Some(&text[..whole + 1 + part]);
        }
        // `7.版` or `7.123版`: the point belongs to no version.
        return None;
    }
    Some(&text[..whole])
}

/// A version or phase found anywhere in a sentence.
struct StageHit<'t> {
    /// Byte range of the whole match (`7.0版`, `第三期工程`).
    start: usize,
    end: usize,
    /// The version number, for `7.0版`.
    version: Option<&'t str>,
    /// The phase number as written (`三`, `4`), for `三期`.
    phase: Option<&'t str>,
}

impl StageHit<'_> {
    fn text<'t>(&self, sentence: &'t str) -> &'t str {
        &sentence[self.start..self.end]
    }
}

/// Words that may follow a phase and belong to it (`三期工程`).
const PHASE_WORDS: &[&str] = &["工程", "项目", "建设", "改造"];

/// Versions (`7.0版`) and phases (`三期`, `第四期`, `二期工程`) in `text`, left to right and not
/// overlapping, each starting as far left as it can. A version is one or two digits with an
/// optional point and one or two more before `版`; a phase is an optional `第`, one Chinese
/// numeral up to ten or one or two digits, `期` and optionally one of [`PHASE_WORDS`].
fn stages(text: &str) -> Vec<StageHit<'_>> {
    let mut out = Vec::new();
    let mut floor = 0;
    for (q, c) in text.char_indices() {
        if q < floor || !matches!(c, '版' | '期') {
            continue;
        }
        // Nothing a stage holds is `版` or `期`, so a stage ending here starts after the last
        // one and at most five (versions) or three (phases) characters back: try each start,
        // leftmost first.
        let back = if c == '版' { 5 } else { 3 };
        let mut starts: Vec<usize> = text[..q]
            .char_indices()
            .rev()
            .take(back)
            .map(|(i, _)| i)
            .filter(|&i| i >= floor)
            .collect();
        starts.reverse();
        let end_of_anchor = q + c.len_utf8();
        let hit = starts.into_iter().find_map(|from| {
            let head = &text[from..q];
            if c == '版' {
                version_number(head)
                    .filter(|n| n.len() == head.len())
                    .map(|n| StageHit {
                        start: from,
                        end: end_of_anchor,
                        version: Some(n),
                        phase: None,
                    })
            } else {
                let number = head.strip_prefix('第').unwrap_or(head);
                let one_numeral = number.chars().count() == 1
                    && number.chars().all(|n| "一二三四五六七八九十".contains(n));
                let digits =
                    (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
                (one_numeral || digits).then(|| {
                    let rest = &text[end_of_anchor..];
                    let word = PHASE_WORDS.iter().find(|w| rest.starts_with(**w));
                    StageHit {
                        start: from,
                        end: end_of_anchor + word.map_or(0, |w| w.len()),
                        version: None,
                        phase: Some(number),
                    }
                })
            }
        });
        if let Some(h) = hit {
            floor = h.end;
            out.push(h);
        }
    }
    out
}

/// English programme names: capitalised words and a programme noun.
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:[A-Z][\w&'’+-]*\s+(?:(?:of|for|and|on|in|the|to)\s+)?){1,6})((?i:programmes?|programs?|initiatives?|plans?|funds?|schemes?|grants?|credits?|packages?|vouchers?|bonus|campaign|accounts?))\b",
    )
    .unwrap()
});

/// The programme nouns of [`ENGLISH`] as they start, lower-cased: a sentence without one of
/// them has no English programme name, and the pattern (large, for its Unicode word
/// characters) is neither built nor run.
const ENGLISH_SUFFIX_STEMS: &[&str] = &[
    "program",
    "initiative",
    "plan",
    "fund",
    "scheme",
    "grant",
    "credit",
    "package",
    "voucher",
    "bonus",
    "campaign",
    "account",
];

/// True when `text` may hold an English programme name. The Kelvin sign and the long s fold
/// to `k` and `s` in the pattern's case-insensitive match, so text with either is always
/// tried.
fn may_name_english(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ENGLISH_SUFFIX_STEMS.iter().any(|w| lower.contains(w)) || text.contains(['\u{212A}', 'ſ'])
}

/// Capitalised words that open sentences or are too general to name anything.
static ENGLISH_GENERIC: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/en-name-openers.txt"
    )))
});

/// English verbs that launch or grow a programme; a quoted English phrase after one counts.
static ENGLISH_VERBS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/en-launch-verbs.txt"
    )))
});

/// Words that alone do not name anything (`重大工程`, `国家战略`, `一批…`).
static GENERIC: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-name-generic-words.txt"
    )))
});

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
        // One pass over the list in its order, each word stripped from the front and then
        // from the back; the index jumps to the next word that is at either end now.
        let mut from = 0;
        while let Some((i, g)) = GENERIC.first_edge_from(s, from) {
            if let Some(r) = s.strip_prefix(g) {
                s = r;
            }
            if let Some(r) = s.strip_suffix(g) {
                s = r;
            }
            from = i + 1;
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
const QUANTIFIER_WORDS: &[&str] = &[
    "新一轮",
    "一系列",
    "一批",
    "若干",
    "多项",
    "各类",
    "各项",
    "一些",
    "这些",
];

/// The length of the quantifier `stem` starts with: one of [`QUANTIFIER_WORDS`], or numerals
/// or digits and a measure word (`三个`, `10项`, `十大`).
fn leading_quantifier(stem: &str) -> Option<usize> {
    if let Some(w) = QUANTIFIER_WORDS.iter().find(|w| stem.starts_with(**w)) {
        return Some(w.len());
    }
    let count: usize = stem
        .chars()
        .take_while(|&c| "一二三四五六七八九十两几多".contains(c) || c.is_ascii_digit())
        .map(char::len_utf8)
        .sum();
    let measure = stem[count..].chars().next()?;
    (count > 0 && "个项批类家大".contains(measure)).then(|| count + measure.len_utf8())
}

/// Verbs that open an object and rarely sit inside a name: the preferred left edge
/// (`实施|扩大内需战略`, not `扩大|内需战略`).
static STRONG_VERBS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-strong-verbs.txt"
    )))
});

/// Characters that always end a name on the left: function words that never sit inside a
/// programme name.
static STOP_CHARS: LazyLock<Vec<char>> =
    LazyLock::new(|| vocab::chars(include_str!("../../data/vocab/zh-function-chars.txt")));

/// Nouns that close a name of their own before a conjunction (`存款保险制度和…`).
static INSTITUTION_NOUNS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-institution-nouns.txt"
    )))
});

/// Modifiers that open an object, not a name: an action verb right before one is cut off the
/// name (`建设|重点水利工程`), since a programme's own name does not start with a verb
/// followed by `重点`. The words of two characters or more of the leading-modifier list.
static OBJECT_MODIFIERS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(
        vocab::lines(include_str!(
            "../../data/vocab/zh-key-leading-modifiers.txt"
        ))
        .into_iter()
        .filter(|w| w.chars().count() >= 2)
        .collect(),
    )
});

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
        if STRONG_VERBS.ends(prefix) {
            edges.push((i, Edge::Strong));
            return edges;
        } else if ACTION_VERBS.ends(prefix) || AVOID_VERBS.ends(prefix) {
            edges.push((i, Edge::Weak));
        }
        if count >= max_chars {
            return edges;
        }
    }
    edges.push((0, Edge::Strong));
    edges
}

/// Adverbs and verbs a name does not start with (`大幅提高|失业保险基金`), nor a key term
/// (`深入践行`).
pub(super) static LEADING_ADVERBS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-leading-adverbs.txt"
    )))
});

/// Units left after a number (`1800亿元|失业保险基金`).
/// Verbs of intent a name does not start with, whatever is left (`确保|华融二期`).
static MODAL_VERBS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-modal-verbs.txt"
    )))
});

/// Units and measure words, as the figures reader knows them (`67栋|沿街楼体亮化改造工程`,
/// `15公里|雨水管网二期`, `10万吨|大麦芽二期`), a longer one before a shorter one it starts
/// with. Words that also open names after a number (`国` in `20国集团`) are left out.
const LEADING_UNITS: &[&str] = &[
    "元",
    "个",
    "项",
    "批",
    "家",
    "所",
    "座",
    "条",
    "人次",
    "年",
    "户",
    "栋",
    "幢",
    "平方公里",
    "平方千米",
    "平方米",
    "公顷",
    "亩",
    "公里",
    "千米",
    "米",
    "千瓦时",
    "千瓦",
    "吨",
    "公斤",
    "千克",
    "斤",
    "辆",
    "件",
    "套",
    "张",
    "台",
    "间",
    "处",
    "床",
    "架",
    "艘",
    "头",
    "株",
    "棵",
];

/// The length of the unit `stem` starts with: place words (`万`, `亿`…) and one of
/// [`LEADING_UNITS`]. A place word that starts a unit (`千` in `千瓦`) is tried both ways.
fn leading_unit(stem: &str) -> Option<usize> {
    let places: Vec<usize> = std::iter::once(0)
        .chain(
            stem.char_indices()
                .take_while(|&(_, c)| "万亿千百".contains(c))
                .map(|(i, c)| i + c.len_utf8()),
        )
        .collect();
    places.iter().rev().find_map(|&p| {
        LEADING_UNITS
            .iter()
            .find(|u| stem[p..].starts_with(**u))
            .map(|u| p + u.len())
    })
}

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
    if STRONG_VERBS.ends(before) {
        return None;
    }
    let edges = left_edges(before, max_chars);
    let clean = |edge: usize| -> &'a str {
        let mut stem = before[edge..].trim_start_matches(CONJUNCTIONS);
        if let Some(n) = leading_quantifier(stem) {
            stem = &stem[n..];
        }
        if before[..edge].ends_with(|c: char| c.is_ascii_digit() || is_numeral(c))
            && let Some(n) = leading_unit(stem)
        {
            // `2030年前|碳排放达峰行动方案`: a year and a time word date the name.
            let dated = stem.starts_with('年');
            stem = &stem[n..];
            if dated {
                stem = stem.trim_start_matches(['前', '后', '底', '内', '初', '末']);
            }
        }
        // `实施好|关键核心技术攻关工程`: `好` after a verb says the verb is done well.
        if (STRONG_VERBS.ends(&before[..edge]) || ACTION_VERBS.ends(&before[..edge]))
            && let Some(rest) = stem.strip_prefix('好')
        {
            stem = rest;
        }
        // Leading adverbs, verbs and the issuer (`区营商环境建设8.0版`) go while what is
        // left still names something.
        loop {
            // A verb of intent never sits inside a name, so what follows it may be as short
            // as any name (`确保|华融二期`); adverbs and action verbs may (`全面节约战略`), so
            // three characters must stay.
            let cut = MODAL_VERBS
                .first_prefix(stem)
                .map(|w| &stem[w.len()..])
                .filter(|rest| distinctive(rest).chars().count() >= min_distinct)
                .or_else(|| {
                    LEADING_ADVERBS
                        .first_prefix(stem)
                        .or_else(|| ACTION_VERBS.first_prefix(stem))
                        .or_else(|| STRONG_VERBS.first_prefix(stem))
                        .map(|w| &stem[w.len()..])
                        .filter(|rest| distinctive(rest).chars().count() >= min_distinct.max(3))
                })
                .or_else(|| {
                    // A verb with its object: `建设重点水利工程` names `重点水利工程`.
                    ACTION_VERBS
                        .first_prefix(stem)
                        .map(|w| &stem[w.len()..])
                        .filter(|rest| {
                            OBJECT_MODIFIERS.starts(rest)
                                && distinctive(rest).chars().count() >= min_distinct
                        })
                })
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
                if distinct(stem) >= 4
                    || (!suffix.is_empty() && left.ends_with(suffix))
                    || (INSTITUTION_NOUNS.ends(left) && distinct(stem) >= 2)
                {
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
    if version_after(after).is_some() && chars >= 2 {
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
    if FIGURES_OF_SPEECH.contains(inner) {
        return Verdict::FigureOfSpeech;
    }
    if PRINCIPLES.contains(inner)
        || numbered_formula(inner)
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
    if AVOID_VERBS.ends(&tail) || inner.starts_with('非') || inner.starts_with("反") {
        return Verdict::Avoided;
    }
    let chain_after = after_chain(after);
    if PROBLEM_WORDS.starts(chain_after) {
        return Verdict::Avoided;
    }
    if HONOUR_WORDS.starts(chain_after) || HONOUR_VERBS.ends(&tail) {
        return Verdict::Honour;
    }
    if place_after(chain_after) {
        return Verdict::Place;
    }
    if let Some((start, end)) = last_suffix(inner)
        && end == inner.len()
        && suffix_ok(&inner[..start], &inner[start..], "")
        && start > 0
    {
        return Verdict::ProgrammeName;
    }
    if NAME_NOUNS.starts(chain_after) {
        return Verdict::NameSuffix;
    }
    if ACTION_VERBS.ends(chain_before) {
        return Verdict::ActionVerb;
    }
    if formula(inner) {
        return Verdict::Formula;
    }
    Verdict::NoEvidence
}

/// Verbs of receiving an honour (`荣获“…”`).
static HONOUR_VERBS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-honour-verbs.txt"
    )))
});

/// Words after a quote that make it an honour (`“…”称号`).
static HONOUR_WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/zh-honour-words.txt"
    )))
});

/// `两个确立`, `四个意识`: numbered principles.
fn numbered_formula(inner: &str) -> bool {
    let mut c = inner.chars();
    c.next().is_some_and(|n| "两二三四五六七八九十".contains(n)) && c.next() == Some('个')
}

/// `一网通办`, `一业一证`, `一址两用`, `互联网+`, `AI+`: reform formulas that are brands. Either
/// `一`, one or two characters, `一`/`两`/`多`, one to three characters (none of them `一`), or
/// one to six characters, a plus sign and nothing or one to twelve characters after it.
fn formula(inner: &str) -> bool {
    let c: Vec<char> = inner.chars().collect();
    let n = c.len();
    let counted = c.first() == Some(&'一')
        && (1..=2).any(|i| {
            let rest = n.saturating_sub(2 + i);
            n > 1 + i
                && c[1..1 + i].iter().all(|&x| x != '一')
                && matches!(c[1 + i], '一' | '两' | '多')
                && (1..=3).contains(&rest)
                && c[2 + i..].iter().all(|&x| x != '一')
        });
    // Outside the first form any character but a line break may stand around the plus.
    let one_line = !c.contains(&'\n');
    let plus = |j: usize| one_line && j < n && matches!(c[j], '+' | '＋');
    let tail_plus = (2..=7).contains(&n) && plus(n - 1);
    let mid_plus = (1..=6).any(|j| plus(j) && (1..=12).contains(&(n - j - 1)));
    counted || tail_plus || mid_plus
}

/// Words that close a group of places.
const PLACE_WORDS: &[&str] = &["地区", "国家", "城市", "省份", "地方"];

/// `“三区三州”等深度贫困地区`: a group of places.
static PLACE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^等?\p{Han}{0,5}(?:地区|国家|城市|省份|地方)").unwrap());

/// True when the text after a quote names a group of places: an optional `等`, up to five Han
/// characters and one of [`PLACE_WORDS`]. Only text with a place word near its start is
/// given to the pattern, which then checks the script of the characters before it.
fn place_after(after: &str) -> bool {
    let head: String = after.chars().take(8).collect();
    PLACE_WORDS.iter().any(|w| head.contains(w)) && PLACE_AFTER.is_match(after)
}

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
    if ENGLISH_NOUNS.starts(&after_l) {
        return Verdict::NameSuffix;
    }
    let before_l = before.trim_end().to_lowercase();
    if ENGLISH_VERBS.ends(&before_l)
        || before_l
            .strip_suffix(" the")
            .is_some_and(|b| ENGLISH_VERBS.ends(b))
    {
        return Verdict::ActionVerb;
    }
    Verdict::NoEvidence
}

static ENGLISH_NOUNS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vocab::lines(include_str!(
        "../../data/vocab/en-programme-nouns.txt"
    )))
});

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
        detect_sentence(s.text, i, &mut out);
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
    quotes(sentence)
        .into_iter()
        .map(|q| {
            let (before, after) = (&sentence[..q.start], &sentence[q.end..]);
            let v = if q.title {
                Verdict::NameSuffix
            } else if q.inner.chars().any(is_han) {
                judge_quote(before, q.inner, after)
            } else {
                judge_english_quote(before, q.inner, after)
            };
            (q.inner.trim().to_string(), v)
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
        for q in quotes(text) {
            let inner = q.inner.trim();
            let (before, after) = (window_before(text, q.start), window_after(text, q.end));
            if q.title {
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
                let v = version_after(after).expect("a versioned verdict saw the version");
                let label = format!("{v}版");
                let stage = version_stage(&label, v);
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
    for m in stages(text) {
        let before = window_before(text, m.start);
        if before.ends_with('”') || before.trim_end().ends_with('”') {
            continue;
        }
        let before = before.trim_end();
        let Some(stem) = name_before(before, "", 14, 2) else {
            continue;
        };
        let (label, stage) = if let Some(v) = m.version {
            let label = format!("{v}版");
            let st = version_stage(&label, v);
            (label, st)
        } else {
            let n = m.phase.unwrap_or_default();
            let rank = n
                .parse::<u32>()
                .ok()
                .or_else(|| crate::script::chinese_numeral_value(n));
            let Some(rank) = rank else { continue };
            let label = m.text(text).to_string();
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
            let suffix = &text[m.start()..m.end()];
            let before = window_before(text, m.start());
            if before.ends_with(['”', '》', '」']) {
                continue;
            }
            let after = window_after(text, m.end());
            let Some(stem) = name_before(before, suffix, 14, 2) else {
                continue;
            };
            if !suffix_ok(stem, suffix, after) {
                continue;
            }
            // A suffix inside a longer programme name (`…行动计划`) was taken as a whole.
            let name = format!("{stem}{}", suffix);
            let stage = if suffix == "试点" {
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
    if (text.is_ascii() || !text.chars().any(is_han)) && may_name_english(text) {
        for c in ENGLISH.captures_iter(text) {
            let words: Vec<&str> = c[1].split_whitespace().collect();
            let suffix = &c[2];
            let before = &text[..c.get(0).map_or(0, |m| m.start())];
            // `Beyond the Assurance Package`: an article inside the run opens the name.
            let start = words
                .iter()
                .rposition(|w| ENGLISH_ARTICLES.contains(w))
                .map_or(0, |i| i + 1);
            let words = &words[start..];
            // After an article a number word belongs to the name (`the First Step Grant`,
            // `the One Team Singapore Fund`): a sentence opener (`First, …`) never follows one.
            let after_article = start > 0 || ends_with_article(before);
            // Drop sentence openers and generic words from the left.
            let mut k = 0;
            while k < words.len()
                && is_english_generic(words[k])
                && !(after_article && is_number_word(words[k]))
            {
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
            // `Central Provident Fund (CPF) Housing Grant` is the `CPF Housing Grant`: the
            // initialism just defined opens the name.
            let name = match defined_initialism(before) {
                Some(acr) if k == 0 && start == 0 => format!("{acr} {} {suffix}", kept.join(" ")),
                _ => format!("{} {suffix}", kept.join(" ")),
            };
            push(out, name, Kind::Programme, None);
        }
    }
}

/// English articles: inside a run of capitalised words one opens a name
/// (`Beyond the|Assurance Package`).
const ENGLISH_ARTICLES: &[&str] = &["the", "a", "an"];

/// True when `before` ends with an article and a space (`increase the |First Step Grant`).
fn ends_with_article(before: &str) -> bool {
    let Some(t) = before.strip_suffix(' ') else {
        return false;
    };
    ENGLISH_ARTICLES.iter().any(|a| {
        t.strip_suffix(a)
            .is_some_and(|r| r.is_empty() || r.ends_with([' ', '(', '"', '“']))
    })
}

/// English number words and ordinals, which open a sentence (`First, I will …`) or a name
/// (`the First Step Grant`).
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "first", "second", "third", "fourth", "fifth",
];

fn is_number_word(word: &str) -> bool {
    NUMBER_WORDS.contains(&word.to_ascii_lowercase().as_str())
}

/// The initialism `before` ends with, in brackets and followed by a space (`Goods and
/// Services Tax (GST) |Voucher Fund`).
fn defined_initialism(before: &str) -> Option<&str> {
    let inner = before.strip_suffix(") ")?;
    let open = inner.rfind('(')?;
    let acr = &inner[open + 1..];
    ((2..=6).contains(&acr.len()) && acr.bytes().all(|b| b.is_ascii_uppercase())).then_some(acr)
}

fn is_english_generic(word: &str) -> bool {
    let w = word.trim_end_matches(['’', '\'']).to_lowercase();
    let w = w.strip_suffix("’s").or(w.strip_suffix("'s")).unwrap_or(&w);
    ENGLISH_GENERIC.contains(w) || !word.starts_with(|c: char| c.is_ascii_uppercase())
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

    /// Texts that exercise the hand-written matchers: every sentence of the sample reports,
    /// and strings drawn from the characters the matchers care about.
    fn probe_texts() -> Vec<String> {
        let mut out: Vec<String> = [
            include_str!("../../samples/national-gwr-2022.txt"),
            include_str!("../../samples/national-gwr-2023.txt"),
            include_str!("../../samples/changning-gwr-2025.txt"),
        ]
        .iter()
        .flat_map(|t| {
            crate::sentence::split_sentences(t)
                .into_iter()
                .map(|r| t[r].to_string())
        })
        .collect();
        let alphabet: Vec<char> = "“”「」《》\"\n 版期第一二三十两多几个项批大元万亿人次等地区城市+＋.0179建设工程行动计划节A千瓦吨公里"
            .chars()
            .collect();
        for (open, close, n) in [
            ("“", "”", 60),
            ("“", "”", 61),
            ("《", "》", 80),
            ("《", "》", 81),
        ] {
            out.push(format!("{open}{}{close}", "字".repeat(n)));
        }
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            let mut t = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                t.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            out.push(t);
        }
        out
    }

    #[test]
    fn hand_written_matchers_agree_with_their_patterns() {
        let quoted = Regex::new(
            r#"“([^“”\n]{1,60})”|「([^「」\n]{1,60})」|《([^《》\n]{1,80})》|"([^"\n]{1,60})""#,
        )
        .unwrap();
        let version = Regex::new(r"^\s*([0-9]{1,2}(?:\.[0-9]{1,2})?)\s*版").unwrap();
        let stage = Regex::new(
            r"([0-9]{1,2}(?:\.[0-9]{1,2})?)版|第?([一二三四五六七八九十]|[0-9]{1,2})期(?:工程|项目|建设|改造)?",
        )
        .unwrap();
        let quantifier = Regex::new(
            r"^(?:新一轮|一系列|一批|若干|多项|各类|各项|一些|这些|[一二三四五六七八九十两几多0-9]+[个项批类家大])",
        )
        .unwrap();
        let unit = Regex::new(&format!("^[万亿千百]*(?:{})", LEADING_UNITS.join("|"))).unwrap();
        let numbered = Regex::new(r"^[两二三四五六七八九十]个").unwrap();
        let formula_re =
            Regex::new(r"^(?:一[^一]{1,2}[一两多][^一]{1,3}|.{1,6}[+＋]|.{1,6}[+＋].{1,12})$")
                .unwrap();
        let suffix = Regex::new(&PROGRAMME_SUFFIXES.join("|")).unwrap();
        for t in probe_texts() {
            let want: Vec<(usize, usize, &str)> = quoted
                .captures_iter(&t)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let inner = c.iter().skip(1).flatten().next().unwrap().as_str();
                    (m.start(), m.end(), inner)
                })
                .collect();
            let got: Vec<(usize, usize, &str)> = quotes(&t)
                .iter()
                .map(|q| (q.start, q.end, q.inner))
                .collect();
            assert_eq!(got, want, "quotes in {t:?}");
            let want: Vec<(usize, usize, Option<&str>, Option<&str>)> = stage
                .captures_iter(&t)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let g = |i| c.get(i).map(|x| x.as_str());
                    (m.start(), m.end(), g(1), g(2))
                })
                .collect();
            let got: Vec<(usize, usize, Option<&str>, Option<&str>)> = stages(&t)
                .iter()
                .map(|h| (h.start, h.end, h.version, h.phase))
                .collect();
            assert_eq!(got, want, "stages in {t:?}");
            let want: Vec<(usize, usize)> =
                suffix.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = PROGRAMME
                .find_iter(&t)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(got, want, "suffixes in {t:?}");
            for (at, _) in t.char_indices() {
                let rest = &t[at..];
                let v = version.captures(rest).map(|c| c.get(1).unwrap().as_str());
                assert_eq!(version_after(rest), v, "version in {rest:?}");
                let q = quantifier.find(rest).map(|m| m.end());
                assert_eq!(leading_quantifier(rest), q, "quantifier in {rest:?}");
                assert_eq!(
                    leading_unit(rest),
                    unit.find(rest).map(|m| m.end()),
                    "{rest:?}"
                );
                assert_eq!(numbered_formula(rest), numbered.is_match(rest), "{rest:?}");
                if rest.chars().count() <= 20 {
                    assert_eq!(formula(rest), formula_re.is_match(rest), "formula {rest:?}");
                }
            }
        }
    }

    #[test]
    fn word_lists_answer_like_scans() {
        // `distinctive` as a plain pass over the list, each word stripped from both ends.
        let scan = |stem: &str| -> String {
            let mut s = stem;
            loop {
                let before = s;
                for g in GENERIC.entries() {
                    if let Some(r) = s.strip_prefix(g) {
                        s = r;
                    }
                    if let Some(r) = s.strip_suffix(g) {
                        s = r;
                    }
                }
                s = s.trim_start_matches(|c: char| is_numeral(c) || c.is_ascii_digit());
                if s == before {
                    return s.to_string();
                }
            }
        };
        let words: Vec<&str> = GENERIC.entries().to_vec();
        let mut stems: Vec<String> = probe_texts();
        for (i, a) in words.iter().enumerate() {
            let b = words[(i * 7 + 3) % words.len()];
            stems.push(format!("{a}{b}城市更新{b}{a}"));
            stems.push(format!("{a}{a}{b}"));
        }
        for stem in &stems {
            assert_eq!(distinctive(stem), scan(stem), "{stem:?}");
            let verbs = ACTION_VERBS.entries();
            assert_eq!(
                ACTION_VERBS.ends(stem),
                verbs.iter().any(|v| stem.ends_with(v))
            );
            assert_eq!(
                ACTION_VERBS.starts(stem),
                verbs.iter().any(|v| stem.starts_with(v))
            );
            assert_eq!(
                ACTION_VERBS.first_prefix(stem),
                verbs.iter().find(|v| stem.starts_with(**v)).copied()
            );
        }
    }

    #[test]
    fn stages_and_quotes_on_report_phrases() {
        let s = "推进地铁第三期工程和营商环境建设7.0版，“一网通办”3.0版上线。";
        let hits: Vec<&str> = stages(s).iter().map(|h| h.text(s)).collect();
        assert_eq!(hits, ["第三期工程", "7.0版", "3.0版"]);
        let q: Vec<&str> = quotes(s).iter().map(|q| q.inner).collect();
        assert_eq!(q, ["一网通办"]);
        // A quote left open does not swallow the next one.
        let q: Vec<&str> = quotes("“未闭合，“智慧好办”")
            .iter()
            .map(|q| q.inner)
            .collect();
        assert_eq!(q, ["智慧好办"]);
    }

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
    fn a_verb_with_its_object_and_a_system_before_and_are_cut_off() {
        // Sentences of the national report of 2022.
        assert_eq!(
            names("建设重点水利工程、综合立体交通网、重要能源基地和设施。"),
            ["重点水利工程"]
        );
        assert_eq!(
            names("发挥存款保险制度和行业保障基金的作用。"),
            ["行业保障基金"]
        );
        // Sentences of the national report of 2021: a date and a verb's complement go.
        assert_eq!(
            names("制定2030年前碳排放达峰行动方案。"),
            ["碳排放达峰行动方案"]
        );
        assert_eq!(
            names("实施好关键核心技术攻关工程，深入推进改革。"),
            ["关键核心技术攻关工程"]
        );
        // A conjunction inside one name stays.
        assert_eq!(
            names("持续实施重要生态系统保护和修复重大工程。"),
            ["重要生态系统保护和修复重大工程"]
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
    fn a_name_after_a_number_starts_after_its_unit_and_a_verb_of_intent() {
        // Sentences of the Hailar district reports of 2013 and 2014.
        assert_eq!(
            names("伊敏河沿河景观改造工程全面实施，67栋沿街楼体亮化改造工程全部完工。"),
            ["伊敏河沿河景观改造工程", "沿街楼体亮化改造工程"]
        );
        assert_eq!(
            names("确保中心城区15公里雨水管网二期工程按期竣工，力争污泥处置工程年内完工。"),
            ["雨水管网二期", "雨水管网二期工程", "污泥处置工程"]
        );
        // What follows a number and its unit must name something on its own: `大麦芽` does
        // not, and `万吨大麦芽二期` is no name.
        assert!(names("加快推进麦多利10万吨大麦芽二期等项目。").is_empty());
        assert_eq!(
            names("确保华融二期、天润商厦等项目投入运营。"),
            ["华融二期"]
        );
        // An adverb that opens a name stays when too little would be left.
        assert_eq!(names("实施全面节约战略。"), ["全面节约战略"]);
    }

    #[test]
    fn english_names_open_after_an_article_and_with_a_defined_initialism() {
        // Sentences of the Singapore budget speeches of 2023 and 2024.
        assert_eq!(
            names(
                "Beyond the Assurance Package, I will top up the Good and Services Tax (GST) Voucher Fund by $6 billion."
            ),
            ["Assurance Package", "GST Voucher Fund"]
        );
        assert_eq!(
            names("I will increase the First Step Grant from $3,000 to $5,000."),
            ["First Step Grant"]
        );
        assert_eq!(
            names("We also have the One Team Singapore Fund, which provides matching."),
            ["One Team Singapore Fund"]
        );
        assert_eq!(
            names("First, I will enhance the Workfare Income Supplement scheme."),
            ["Workfare Income Supplement scheme"]
        );
        assert_eq!(
            names("This will be rolled out in the form of ComLink+ Progress Packages."),
            ["ComLink+ Progress Packages"]
        );
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

//! Extraction: every quantity of one report, with what it measures.
//!
//! Sentences are scanned for numbers with units (see [`super::number`]) and for ranks
//! (`位居全市第三`). Each figure's label comes from its clause: the text between the previous
//! clause boundary (or the previous figure) and the number, with time words, verbs and
//! qualifiers taken off. A figure whose clause names nothing (`同比增长7.38%`) takes the label
//! of the figure before it in the same sentence, which is how reports chain a level and its
//! growth. Counts (`28家金融机构`) may name the thing after the number.

use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::number::{Quantity, scan};
use super::span::{self, Span};
use super::table::Tables;
use crate::model::Paragraph;
use crate::model::{Document, Lang, Section};
use crate::model::{Figure, Qualifier, Role};
use crate::part::{Part, part_of_section};
use crate::script::{ascii_digits_end, ceil_boundary, floor_boundary, is_han, window_around};
use crate::sentence::split_sentences;
use crate::vocab;

/// Lists the figures of a report in reading order.
pub fn extract(doc: &Document) -> Vec<Figure> {
    let mut out = Vec::new();
    let chinese = doc.lang == Lang::Zh;
    let mut path = Vec::new();
    let mut tables = Tables::default();
    for s in &doc.sections {
        let part = part_of_section(s);
        // Every part starts as one year; its heading or paragraphs may say otherwise.
        walk(
            s,
            part,
            chinese,
            Span::OneYear,
            &mut path,
            &mut tables,
            &mut out,
        );
    }
    out
}

/// Reads a section and its children, and returns the span of years open at its end. `span`
/// is the span the text before the section left open (see [`super::span`]): a span holds in
/// reading order, across headings and lead-sentence items, until its part ends or another
/// opens. Only Chinese reports name it.
fn walk(
    s: &Section,
    part: Part,
    chinese: bool,
    span: Span,
    path: &mut Vec<String>,
    tables: &mut Tables,
    out: &mut Vec<Figure>,
) -> Span {
    path.push(s.heading_text());
    let mut span = match chinese {
        true => span::of_heading(&s.title).unwrap_or(span),
        false => span,
    };
    for p in &s.paragraphs {
        if chinese && let Some(opened) = span::of_opening(&p.text) {
            span = opened;
        }
        paragraph(p, part, chinese, span, path, tables, out);
    }
    for c in &s.children {
        span = walk(c, part, chinese, span, path, tables, out);
    }
    path.pop();
    span
}

/// Words that make a sentence set a target even outside a plan part.
static ZH_TARGET_CUES: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-target-cues.txt")));
static EN_TARGET_CUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:expect(?:s|ed)?|aim(?:s|ed)?|target(?:s|ed)?|goal|forecast(?:s)?|projected|budgeted)\b").unwrap()
});

/// A rank in a Chinese sentence: `RANK_VERBS`, a `RANK_SCOPES` word or none, then `第` and a
/// number with `位`/`名` or none (the number's byte range), or a `RANK_TOPS` word.
struct ZhRank {
    start: usize,
    end: usize,
    number: Option<(usize, usize)>,
    top: Option<&'static str>,
}

const RANK_VERBS: [&str; 10] = [
    "位居", "位列", "稳居", "居于", "保持", "名列", "排名", "排在", "居", "列",
];
const RANK_SCOPES: [&str; 9] = [
    "全国",
    "全省",
    "全市",
    "全区",
    "中心城区",
    "各区",
    "全球",
    "世界",
    "同类城市",
];
const RANK_TOPS: [&str; 3] = ["前列", "前茅", "首位"];

/// The ranks of a sentence, left to right, none overlapping, as the pattern
/// `(?:VERBS)(?:SCOPES)?(?:第(?P<n>[一…十]+|[0-9]+)(?:位|名)?|(?P<top>TOPS))` finds them
/// (written by hand: no scope starts another, and what follows a scope never starts one, so
/// there is nothing to give back).
fn zh_ranks(sentence: &str) -> Vec<ZhRank> {
    let numeral = |c: char| {
        matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    };
    let run = |at: usize, is: &dyn Fn(char) -> bool| -> usize {
        at + sentence[at..]
            .chars()
            .take_while(|&c| is(c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let rank_after = |start: usize, at: usize| -> Option<ZhRank> {
        let rest = &sentence[at..];
        if rest.starts_with('第') {
            let from = at + '第'.len_utf8();
            let mut to = run(from, &numeral);
            if to == from {
                to = run(from, &|c: char| c.is_ascii_digit());
            }
            if to > from {
                let tail = sentence[to..]
                    .chars()
                    .next()
                    .filter(|&c| c == '位' || c == '名');
                return Some(ZhRank {
                    start,
                    end: to + tail.map_or(0, char::len_utf8),
                    number: Some((from, to)),
                    top: None,
                });
            }
        }
        let top = RANK_TOPS.iter().find(|w| rest.starts_with(**w))?;
        Some(ZhRank {
            start,
            end: at + top.len(),
            number: None,
            top: Some(top),
        })
    };
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(c) = sentence[at..].chars().next() {
        let rest = &sentence[at..];
        let rank = RANK_VERBS
            .iter()
            .filter(|v| rest.starts_with(**v))
            .find_map(|v| {
                let after = at + v.len();
                let scope = RANK_SCOPES
                    .iter()
                    .find(|w| sentence[after..].starts_with(**w))
                    .map_or(0, |w| w.len());
                rank_after(at, after + scope)
                    .or_else(|| (scope > 0).then(|| rank_after(at, after)).flatten())
            });
        match rank {
            Some(r) => {
                at = r.end;
                found.push(r);
            }
            None => at += c.len_utf8(),
        }
    }
    found
}

/// A quantity or a rank found in a sentence, before it becomes a figure.
pub(super) struct Hit {
    pub(super) q: Quantity,
    pub(super) rank: bool,
}

fn hits(sentence: &str, chinese: bool) -> Vec<Hit> {
    let mut out: Vec<Hit> = scan(sentence, chinese)
        .into_iter()
        .map(|q| Hit { q, rank: false })
        .collect();
    if chinese {
        for r in zh_ranks(sentence) {
            let whole = r.start..r.end;
            let value = match (r.number, r.top) {
                (Some((a, b)), _) => {
                    let n = &sentence[a..b];
                    super::number::chinese_number(n).or_else(|| n.parse().ok())
                }
                (None, Some("首位")) => Some(1.0),
                _ => Some(0.0),
            };
            let Some(value) = value else { continue };
            if out
                .iter()
                .any(|h| h.q.start < whole.end && whole.start < h.q.end)
            {
                continue;
            }
            out.push(Hit {
                q: Quantity {
                    start: whole.start,
                    number_start: whole.start,
                    end: whole.end,
                    value,
                    unit: "rank".to_string(),
                    qualifier: None,
                    counted: false,
                },
                rank: true,
            });
        }
        out.sort_by_key(|h| h.q.start);
    }
    out
}

fn paragraph(
    p: &Paragraph,
    part: Part,
    chinese: bool,
    span: Span,
    path: &[String],
    tables: &mut Tables,
    out: &mut Vec<Figure>,
) {
    // A row of a table is read as a whole, by its columns (see `table.rs`).
    let mut row = if chinese {
        tables.zh.row(&p.text, path)
    } else {
        tables.row(&p.text)
    };
    let ranges = match row {
        Some(_) => std::iter::once(0..p.text.len()).collect(),
        None => split_sentences(&p.text),
    };
    // A later sentence that opens on a span (`2025年是…。过去五年，…`) holds for the rest of
    // the paragraph.
    let mut span = span;
    for (at, r) in ranges.into_iter().enumerate() {
        let sentence = &p.text[r.clone()];
        if chinese
            && at > 0
            && let Some(opened) = span::of_opening(sentence)
        {
            span = opened;
        }
        if !(sentence.bytes().any(|b| b.is_ascii_digit()) || chinese && has_cn_figure(sentence)) {
            continue;
        }
        // Prior-year values of a table row's amounts and the cells as the table means them,
        // by figure; none in prose.
        let mut priors: Vec<Option<f64>> = Vec::new();
        let mut shown: Vec<Option<String>> = Vec::new();
        let (found, labels): (Vec<Hit>, Vec<(String, Role, f64)>) = match row.take() {
            Some(cells) => cells
                .into_iter()
                .map(|(q, label, role, prior, cell)| {
                    priors.push(prior);
                    shown.push(cell);
                    let sign = if q.value < 0.0 { -1.0 } else { 1.0 };
                    (Hit { q, rank: false }, (label, role, sign))
                })
                .unzip(),
            None => {
                let found = hits(sentence, chinese);
                let labels = if chinese {
                    zh_labels(sentence, &found)
                } else {
                    super::english::labels(sentence, &found)
                };
                (found, labels)
            }
        };
        if found.is_empty() {
            continue;
        }
        let target_sentence = part == Part::Plan && !(chinese && reports_a_year(sentence))
            || if chinese {
                sets_a_target(sentence)
            } else {
                EN_TARGET_CUES.is_match(sentence)
            };
        // One copy of a sentence of ordinary length, shared by all its figures.
        let shared: Option<Arc<str>> =
            (sentence.len() <= MAX_SENTENCE_BYTES).then(|| sentence.into());
        for (k, (h, (label, role, sign))) in found.iter().zip(labels).enumerate() {
            let mut role = role;
            let mut value = h.q.value;
            if matches!(role, Role::Growth | Role::Change) {
                value = value.abs() * sign;
            }
            if target_sentence && !matches!(role, Role::Rank | Role::Change) {
                role = Role::Target;
            }
            out.push(Figure {
                label,
                role,
                value,
                unit: h.q.unit.clone(),
                text: shown
                    .get_mut(k)
                    .and_then(Option::take)
                    .unwrap_or_else(|| sentence[h.q.start..h.q.end].to_string()),
                qualifier: h.q.qualifier,
                sentence: match &shared {
                    Some(whole) => Arc::clone(whole),
                    None => window_around(sentence, h.q.start, h.q.end, CONTEXT_WINDOW).into(),
                },
                section: path.to_vec(),
                line: p.line_at(r.start + h.q.start),
                part,
                prior: priors.get(k).copied().flatten(),
                multi_year: false,
            });
            let f = out.last_mut().expect("just pushed");
            f.multi_year = span == Span::SeveralYears && !is_end_point(f, sentence, h.q.start)
                || names_several_years(f);
        }
    }
}

/// Whether a Chinese sentence outside a plan sets a target: it has a target cue (`预期目标`,
/// `力争`) in a clause that does not say the target was reached (`超过全年预期目标`).
fn sets_a_target(sentence: &str) -> bool {
    static ATTAINMENT_VERBS: LazyLock<Vec<&str>> =
        LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-attainment-verbs.txt")));
    ZH_TARGET_CUES.iter().any(|cue| {
        sentence.match_indices(cue).any(|(at, _)| {
            let clause_start = sentence[..at]
                .rfind(['，', '；', '。', '：'])
                .map_or(0, |b| b + '，'.len_utf8());
            !ATTAINMENT_VERBS
                .iter()
                .any(|v| sentence[clause_start..at].contains(v))
        })
    })
}

/// Words with which a plan speaks of the year ahead (`今年`, `要`, `将`, `力争`).
static ZH_FUTURE: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-future-words.txt")));

/// Whether a sentence reports what was done in a year it names first, without a word of the
/// year ahead (`2024年，我区在政府网站平台主动发布各类政府信息2428条`, `2023年全区受理政府信息
/// 公开申请21件`): a fact, not a target,
/// even in a part that reads as a plan (an open-information report's `总体情况`, a plan that
/// recalls last year).
fn reports_a_year(sentence: &str) -> bool {
    static YEAR_LED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*[0-9]{4}\s*年").unwrap());
    YEAR_LED.is_match(sentence) && !ZH_FUTURE.iter().any(|w| sentence.contains(w))
}

/// Bytes of text on each side of a figure that its label may come from. Labels are a few words
/// long and clauses rarely pass a hundred characters, so this changes nothing in a real report;
/// it keeps the work per figure bounded in a sentence of thousands of figures, where every
/// backward or forward scan would otherwise cross the whole sentence (quadratic).
pub(super) const LABEL_WINDOW: usize = 600;
/// Sentences longer than this are kept in a figure as a window of [`CONTEXT_WINDOW`] bytes on
/// each side of it, cut at characters and marked with `…`: a figure carries its context, not a
/// copy of a sentence that may hold thousands of figures.
const MAX_SENTENCE_BYTES: usize = 2_000;
/// Bytes kept on each side of a figure of an over-long sentence.
const CONTEXT_WINDOW: usize = 600;

/// Cheap test before scanning a sentence without Arabic digits: Chinese numbers and ranks.
fn has_cn_figure(s: &str) -> bool {
    s.contains(['十', '百', '千', '万', '亿', '第']) || s.contains("前列")
}

static RISE: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-rise-words.txt")));
static DECLINE: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-decline-words.txt")));
/// Fillers between a verb and its number (`增长约`, `下降了`, `增长达`).
static VERB_FILLERS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-verb-fillers.txt")));

fn trim_fillers_end(s: &str) -> &str {
    let mut t = s.trim_end();
    loop {
        let before = t;
        for f in VERB_FILLERS.iter() {
            t = t.strip_suffix(f).unwrap_or(t);
        }
        if t == before {
            return t;
        }
    }
}

/// Leading words that set time or scope but are not part of what is measured.
static ZH_LEAD: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-label-leading-words.txt")));
/// Verbs opening a clause whose object is the thing measured (`建成`, `新建`, `办理`).
static ZH_LEAD_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-label-leading-verbs.txt")));
/// Verbs after who acts whose object is the thing measured (`获评`, `发放`).
static ZH_INNER_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-label-inner-verbs.txt")));
/// Nouns that make `新增` part of the quantity (`新增专项债券`, `新增政府债务`).
static ZH_NEW_FLOWS: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-new-flow-nouns.txt")));
/// Trailing words: verbs, prepositions and qualifiers between the thing measured and the number.
static ZH_TRAIL: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-label-trailing-words.txt")));
/// Labels too generic to stand alone: they refer back to the figure before (`数量位居全市第三`).
static GENERIC: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-generic-labels.txt")));
/// Words that end a noun phrase read after a count (`28家金融机构相继落地`).
static ZH_STOP_AFTER: LazyLock<Vec<&str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-count-noun-stops.txt")));

/// A label without its junk: bracketed asides, quotes around no Han text, years
/// (`2023年以来`), numbers with a measure word, quote marks, title marks and spaces. Read by
/// hand as the pattern
/// `（[^（）]*）|\([^()]*\)|“[^“”\p{Han}]*”|[0-9]{4}年(?:以来)?|[0-9]+(?:\.[0-9]+)?[类个家项批]?|[“”《》\s]`
/// reads it, leftmost first: every alternative is a fixed run, so nothing is given back.
fn without_label_junk(text: &str) -> String {
    let bytes = text.as_bytes();
    let digits_end = |from: usize| ascii_digits_end(bytes, from);
    // The end of `open…close` at `at`, when nothing in between is `stop`.
    let enclosed = |at: usize, open: char, close: char, stop: &dyn Fn(char) -> bool| {
        let inner = at + open.len_utf8();
        let (i, c) = text[inner..].char_indices().find(|&(_, c)| stop(c))?;
        (c == close).then_some(inner + i + c.len_utf8())
    };
    let junk_end = |at: usize, c: char| -> Option<usize> {
        match c {
            '（' => enclosed(at, '（', '）', &|c| c == '（' || c == '）'),
            '(' => enclosed(at, '(', ')', &|c| c == '(' || c == ')'),
            '“' => enclosed(at, '“', '”', &|c| c == '“' || c == '”' || is_han(c)),
            _ => None,
        }
        .or_else(|| {
            if !c.is_ascii_digit() {
                return None;
            }
            let run = digits_end(at);
            if run - at == 4 && text[run..].starts_with('年') {
                let end = run + '年'.len_utf8();
                return Some(
                    end + if text[end..].starts_with("以来") {
                        "以来".len()
                    } else {
                        0
                    },
                );
            }
            let mut end = run;
            if bytes.get(end) == Some(&b'.') && digits_end(end + 1) > end + 1 {
                end = digits_end(end + 1);
            }
            let measure = text[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, '类' | '个' | '家' | '项' | '批'));
            Some(end + measure.map_or(0, char::len_utf8))
        })
        .or_else(|| {
            (matches!(c, '“' | '”' | '《' | '》') || c.is_whitespace()).then(|| at + c.len_utf8())
        })
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        match junk_end(at, c) {
            Some(end) => at = end,
            None => {
                out.push(c);
                at += c.len_utf8();
            }
        }
    }
    out
}

/// Labels and roles for the hits of a Chinese sentence.
fn zh_labels(s: &str, found: &[Hit]) -> Vec<(String, Role, f64)> {
    let mut out: Vec<(String, Role, f64)> = Vec::with_capacity(found.len());
    let mut prev_end = 0usize;
    let mut prev_label = String::new();
    // Items named before `分别` for a list of values (`A、B、C同比分别下降x%、y%、z%`).
    let mut respectively: Option<(Vec<String>, usize)> = None;
    let mut prev_sign = (false, false);
    for (i, h) in found.iter().enumerate() {
        let window_start = floor_boundary(s, h.q.start.saturating_sub(LABEL_WINDOW)).max(prev_end);
        let window_end = ceil_boundary(s, h.q.end + LABEL_WINDOW);
        let clause_start = window_start + zh_clause_start(&s[window_start..h.q.start]);
        let raw = &s[clause_start..h.q.start];
        let sign_text = trim_fillers_end(raw);
        let to_level = sign_text.ends_with(['到', '至']);
        let new_item = sign_text.ends_with("新增");
        let listed = i > 0 && clause_start == prev_end && matches!(raw.trim(), "、" | "和" | "及");
        let (mut rising, mut falling) = (
            !to_level && !new_item && RISE.iter().any(|w| sign_text.ends_with(w)),
            !to_level && !new_item && DECLINE.iter().any(|w| sign_text.ends_with(w)),
        );
        if listed && !h.rank {
            // `增长9.4%、9.1%`: a value listed after another shares its verb.
            (rising, falling) = prev_sign;
        }
        let mut label = clean_zh_label(raw);

        // A list after `分别`: give each value its own item when the counts agree.
        if let Some(at) = raw.find("分别") {
            let subject = clean_zh_label(&raw[..at]);
            let items_split_at = |seps: &[char]| -> Vec<String> {
                share_head_noun(
                    subject
                        .split(seps)
                        .map(|x| x.trim().to_string())
                        .filter(|x| !x.is_empty())
                        .collect(),
                )
            };
            let run = 1 + found[i + 1..]
                .iter()
                .scan(h.q.end, |end, n| {
                    let gap = &s[*end..n.q.start];
                    (gap == "、" || gap == "和" || gap == "，").then(|| {
                        *end = n.q.end;
                    })
                })
                .count();
            let mut items = items_split_at(&['、', '和', '及']);
            // `城乡居民人均可支配收入分别增长4.4%、5.6%`: one word names both items.
            if items.len() == 1
                && run == 2
                && let Some(pair) = split_paired_abbreviation(&items[0])
            {
                items = pair;
            }
            // `金融业、软件和信息服务业增加值`: a `和` inside an item's name, told by the count.
            if items.len() > run {
                let by_comma = items_split_at(&['、']);
                if by_comma.len() == run {
                    items = by_comma;
                }
            }
            if items.len() == run && run > 1 {
                label = items[0].clone();
                respectively = Some((items, 1));
            } else {
                label = subject;
                respectively = None;
            }
        } else if listed
            && let Some((items, k)) = respectively.as_mut()
            && *k < items.len()
        {
            label = items[*k].clone();
            *k += 1;
        } else {
            respectively = None;
        }

        // `投资836万元的建新养老院`: an amount qualifying the noun after `的` measures it.
        if !h.rank
            && (label.chars().count() <= 2 || label.is_empty())
            && let Some(rest) = s[h.q.end..window_end].strip_prefix('的')
        {
            let thing = noun_after(rest);
            if thing.chars().count() >= 2 {
                label = thing;
            }
        }
        if !h.rank && !matches!(h.q.unit.as_str(), "%" | "pp" | "‰") {
            let after = noun_after(&s[h.q.end..window_end]);
            // A list, a preposition or a relative clause (`…发展的93个重点项目`) ends the
            // clause: the thing counted is named after the number.
            let list_end = raw
                .trim_end()
                .ends_with(['等', '和', '与', '及', '、', '为', '向', '对', '的']);
            if after.chars().count() >= 2 {
                // A single character before a count is a verb (`已设21个自由贸易试验区`).
                if label.is_empty()
                    || list_end
                    || label.contains('、')
                    || label.chars().count() == 1
                {
                    label = after;
                } else if label.chars().count() <= 4 && !label.ends_with(&after) {
                    label.push_str(&after);
                }
            }
        }
        // `能耗降幅超过3%`: the size of a fall, so a fall (negative) of the thing before it.
        if h.q.unit == "%"
            && !rising
            && !falling
            && let Some(thing) = label.strip_suffix("降幅")
        {
            falling = true;
            label = thing.to_string();
        }
        let mut role = if h.rank {
            Role::Rank
        } else if (rising || falling)
            && !matches!(h.q.unit.as_str(), "%" | "‰")
            && INCREMENT_BASES.iter().any(|b| raw.contains(b))
        {
            // `比上年增加1500亿元`, `比上年提高1个百分点`: how much more than last year.
            Role::Change
        } else if rising || falling {
            Role::Growth
        } else if h.q.unit == "%" && is_share(raw, &label) {
            Role::Share
        } else if h.q.unit == "%"
            && ["增速", "增幅", "涨幅", "增长率"]
                .iter()
                .any(|w| label.ends_with(w))
        {
            Role::Growth
        } else if h.q.counted {
            Role::Count
        } else {
            Role::Level
        };
        // Relational figures (growth, share, rank) and generic words refer back to the thing
        // the sentence is about; a count or level with no name takes the words after it.
        let generic = GENERIC.contains(&label.as_str());
        let relational =
            matches!(role, Role::Growth | Role::Change | Role::Share | Role::Rank) || listed;
        let same_clause = i > 0 && clause_start == prev_end;
        if !prev_label.is_empty()
            && (generic || label.is_empty() && (relational || same_clause || to_level))
        {
            label = if generic && !prev_label.ends_with(&label) {
                format!("{prev_label}{label}")
            } else {
                prev_label.clone()
            };
        } else if !prev_label.is_empty() && raw.trim_start().starts_with('占') {
            label = format!("{prev_label}{}", label_share_tail(&label));
        } else if label.is_empty() {
            label = clause_after(&s[h.q.end..window_end]);
            if label.is_empty() {
                // `全区累计24个`: the clause itself says more than nothing.
                let bare = without_label_junk(raw);
                label = bare.trim_matches(['、', '，', ' ']).to_string();
            }
        }
        label = cap(&label);
        if role == Role::Level && h.q.unit == "%" && is_share("", &label) {
            role = Role::Share;
        }
        prev_sign = (rising, falling);
        if !label.is_empty() {
            prev_label = label.clone();
        }
        prev_end = h.q.end;
        out.push((label, role, if falling { -1.0 } else { 1.0 }));
    }
    out
}

/// The bases an increment is counted from (`比上年增加1500亿元`): last year's value.
const INCREMENT_BASES: [&str; 4] = ["比上年", "较上年", "比去年", "较去年"];

/// A label whose word names two things (`城乡居民人均可支配收入`) as the label of each
/// (`城镇居民人均可支配收入`, `农村居民人均可支配收入`); `None` without such a word.
fn split_paired_abbreviation(label: &str) -> Option<Vec<String>> {
    static PAIRED: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
        vocab::pairs(include_str!("../../data/vocab/zh-paired-abbreviations.txt"))
    });
    PAIRED.iter().find_map(|(word, items)| {
        label.contains(word).then(|| {
            items
                .split('、')
                .map(|item| label.replacen(word, item, 1))
                .collect()
        })
    })
}

/// Head nouns a `分别` list states once on its last item (`data/vocab/zh-list-head-nouns.txt`).
static LIST_HEAD_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-list-head-nouns.txt")));

/// The head noun a list written before `分别` states once, at its end, given to every item:
/// in `高技术制造业、装备制造业增加值分别增长8.9%、7.7%` the items end like each other
/// (`制造业`) and the last one goes on (`增加值`), so the first is `高技术制造业增加值`. The
/// ending the other items share must be found in the last item, at least two characters
/// long; failing that, a head noun of the genre that only the last item has is shared
/// (`战略性新兴产业、高技术制造业增加值`); otherwise the items stay as written.
fn share_head_noun(mut items: Vec<String>) -> Vec<String> {
    let Some((last, others)) = items.split_last() else {
        return items;
    };
    if others.is_empty() {
        return items;
    }
    // The ending all other items share, longest first.
    let first: Vec<char> = others[0].chars().collect();
    let mut common = first.len();
    for o in &others[1..] {
        let oc: Vec<char> = o.chars().collect();
        let n = first
            .iter()
            .rev()
            .zip(oc.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        common = common.min(n);
    }
    // The longest such ending that the last item holds with at least two more characters
    // after it: those characters are the shared head noun.
    let head = (2..=common).rev().find_map(|len| {
        let ending: String = first[first.len() - len..].iter().collect();
        let at = last.rfind(&ending)?;
        let head = &last[at + ending.len()..];
        (head.chars().count() >= 2 && head.chars().all(is_han)).then_some(head)
    });
    // Else a head noun of the genre on the last item that no other item has.
    let head = head.map(str::to_string).or_else(|| {
        LIST_HEAD_NOUNS
            .iter()
            .find(|h| {
                last.ends_with(*h)
                    && last.chars().count() > h.chars().count() + 1
                    && others.iter().all(|o| !o.ends_with(*h))
            })
            .map(|h| h.to_string())
    });
    // Else short items as long as the start of the last (`进口、出口通关时间`,
    // `城镇、农村居民人均可支配收入`): the rest of the last item is the head noun.
    let head = head.or_else(|| {
        let k = others[0].chars().count();
        if k > 3 || others.iter().any(|o| o.chars().count() != k) {
            return None;
        }
        let rest: String = last.chars().skip(k).collect();
        (rest.chars().count() >= 2 && rest.chars().all(is_han)).then_some(rest)
    });
    let Some(head) = head else {
        return items;
    };
    let n = items.len();
    for item in &mut items[..n - 1] {
        if !item.ends_with(&head) {
            item.push_str(&head);
        }
    }
    items
}

/// Where the clause holding a number starts: after the last `，；：` or an unclosed bracket.
fn zh_clause_start(head: &str) -> usize {
    let mut depth = 0i32;
    for (i, c) in head.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' if depth > 0 => depth -= 1,
            '（' | '(' | '，' | '；' | '：' | ',' | ';' | ':' => return i + c.len_utf8(),
            _ => {}
        }
    }
    0
}

/// Whether a level, a share or a count in a multi-year review is where the years ended
/// (`国内生产总值增加到121万亿元`, `由54.9%提高到58.8%`, `市场主体总量超过1.6亿户`): the value of the last year, the same
/// quantity a one-year report states, not a total or an average of the years. In a plan the
/// end of five years is five years ahead, no end point of this year. A rank is always where
/// the report stands now.
fn is_end_point(f: &Figure, sentence: &str, start: usize) -> bool {
    static STOCK_NOUNS: LazyLock<Vec<&str>> =
        LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/zh-stock-nouns.txt")));
    let before = sentence[..start].trim_end();
    f.role == Role::Rank
        || f.part != Part::Plan
            && matches!(f.role, Role::Level | Role::Share | Role::Count)
            && (before.ends_with(['到', '至', '达'])
                || before.ends_with("突破")
                || !before.ends_with(['从', '由'])
                    && STOCK_NOUNS.iter().any(|w| f.label.ends_with(w)))
}

/// Whether a figure's own clause or label puts it on several years (`五年年均增长5.2%`,
/// `十年增加`).
fn names_several_years(f: &Figure) -> bool {
    static WORDS: LazyLock<Vec<&str>> =
        LazyLock::new(|| vocab::lines(include_str!("../../data/vocab/multi-year-words.txt")));
    let at = f.sentence.find(&f.text);
    let head = at.map_or(&*f.sentence, |i| &f.sentence[..i]);
    let clause = head
        .rfind(['，', '；', '：', ','])
        .map_or(head, |b| &head[b..]);
    let tail = &f.sentence[at.map_or(0, |i| i + f.text.len())..];
    let tail = &tail[..tail
        .find(['，', '；', '。', ',', ';'])
        .unwrap_or(tail.len())];
    WORDS
        .iter()
        .any(|w| clause.contains(w) || f.label.contains(w))
        || tail.starts_with(" compounded")
}

fn is_share(raw: &str, label: &str) -> bool {
    raw.contains('占')
        || label.ends_with('率') && !label.ends_with("增长率")
        || ["比重", "比例", "占比", "覆盖面"]
            .iter()
            .any(|w| label.ends_with(w))
}

/// Takes time words, verbs and qualifiers off a clause to leave the thing measured.
fn clean_zh_label(raw: &str) -> String {
    let mut t = raw.to_string();
    // `A、B等C`: the list names examples, the thing measured follows `等`.
    if let Some(pos) = t.rfind('等') {
        let after = &t[pos + '等'.len_utf8()..];
        let before = t[..pos].chars().next_back();
        let ok =
            !after.starts_with(['级', '于']) && !before.is_some_and(|b| "平同对均相".contains(b));
        if ok && after.chars().filter(|c| crate::script::is_han(*c)).count() >= 2 {
            t = after.to_string();
        }
    }
    t = without_label_junk(&t);
    // `争取并用好新增专项债券`: new borrowing is a quantity of its own, named from `新增` on.
    let flow = new_flow_start(&t);
    let mut s = &t[flow.unwrap_or(0)..];
    // One word at a time, always retrying the whole list, so `平均为` loses `为` then `平均`
    // and never a lone `均`.
    loop {
        let before = s;
        // `再生能源` and `再就业` are names, not `再` + `生能源`; a flow keeps its `新增`.
        if let Some(w) = ZH_LEAD.iter().find(|w| {
            s.starts_with(*w)
                && !(**w == "再" && (s.starts_with("再生") || s.starts_with("再就业")))
                && !(**w == "新增" && flow.is_some())
        }) {
            s = &s[w.len()..];
        } else if let Some(w) = ZH_LEAD_VERBS.iter().find(|w| {
            s.strip_prefix(*w)
                .is_some_and(|rest| rest.chars().count() != 1)
        }) {
            s = &s[w.len()..];
            // `新建和改造提升高标准农田`: the second verb of a pair stays, the `和` goes.
            s = s.strip_prefix(['和', '及']).unwrap_or(s);
        } else if let Some(w) = ZH_TRAIL.iter().find(|w| s.ends_with(*w)) {
            s = &s[..s.len() - w.len()];
        }
        s = s.trim_matches(['、', '，', ' ', '—', '-']);
        if s == before {
            break;
        }
    }
    let mut label = s.to_string();
    // `起征点从月销售额`, `利率较五年前`: the comparison is not part of the name.
    for w in ['从', '较', '比'] {
        if let Some(pos) = label.rfind(w) {
            let next = label[pos + w.len_utf8()..].chars().next();
            let compound = w == '比'
                && (next.is_some_and(|n| "重例率".contains(n)) || label[..pos].ends_with('占'));
            if pos > 0 && !compound {
                label.truncate(pos);
            }
        }
    }
    // `北京地区获评国家科学技术奖`, `就业困难人员发放社保补贴`: a verb whose object is the
    // thing measured, after who acts (three characters at least: `日均新设企业` keeps its
    // time word); the object is the label.
    if let Some((at, w)) = ZH_LEAD_VERBS
        .iter()
        .chain(ZH_INNER_VERBS.iter())
        .filter_map(|w| label.find(*w).map(|at| (at, *w)))
        .filter(|(at, w)| {
            *at >= 9 && label[at + w.len()..].chars().filter(|c| is_han(*c)).count() >= 2
        })
        .max_by_key(|(at, _)| *at)
    {
        label = label[at + w.len()..].to_string();
    }
    // `长宁片区完成综合税收`: who did it and what was done, without the verb.
    for verb in ["完成", "实现"] {
        if let Some(pos) = label.find(verb) {
            let subj = &label[..pos];
            let obj = &label[pos + verb.len()..];
            if !obj.is_empty() {
                let tail = subj.rsplit(['、', '，']).next().unwrap_or("");
                label = format!("{tail}{obj}");
            }
        }
    }
    label
}

/// Where a flow named with `新增` starts in a clause (`用好新增专项债券` → at `新增`): `新增`
/// followed within eight characters by a noun of `zh-new-flow-nouns.txt`.
fn new_flow_start(clause: &str) -> Option<usize> {
    let at = clause.rfind("新增")?;
    let rest: String = clause[at + "新增".len()..].chars().take(8).collect();
    ZH_NEW_FLOWS.iter().any(|n| rest.contains(n)).then_some(at)
}

/// Longest label kept, in characters; the official names of shares run to about twenty.
const MAX_LABEL: usize = 24;

/// Long clauses: keep the end, which is the thing measured.
fn cap(label: &str) -> String {
    let n = label.chars().count();
    if n > MAX_LABEL {
        label.chars().skip(n - MAX_LABEL).collect()
    } else {
        label.to_string()
    }
}

/// `占全区税收比重` after a level: the share of that level, named in full.
fn label_share_tail(label: &str) -> String {
    if label.starts_with('占') {
        label.to_string()
    } else {
        format!("占{label}")
    }
}

/// The rest of the clause after a figure, for counts whose clause names nothing before the
/// number (`2人获全国青少年科技创新成果二等奖`).
fn clause_after(rest: &str) -> String {
    let end = rest
        .find(['，', '；', '。', '：', ',', ';'])
        .unwrap_or(rest.len());
    let t = rest[..end].trim();
    // `“4+1”专项基金组建`: a verb ending the clause is not part of the name.
    let t = ZH_STOP_AFTER
        .iter()
        .find_map(|w| {
            t.strip_suffix(w)
                .filter(|rest| rest.chars().filter(|c| is_han(*c)).count() >= 2)
        })
        .unwrap_or(t);
    t.chars()
        .filter(|c| !matches!(c, '“' | '”' | '《' | '》'))
        .take(16)
        .collect()
}

/// The noun phrase right after a count (`家金融机构相继落地` → `金融机构`).
fn noun_after(rest: &str) -> String {
    let mut out = String::new();
    let mut t = rest;
    while let Some(c) = t.chars().next() {
        if c == '（' && !out.is_empty() {
            // `公共（含专用）充电桩`: the aside is not part of the name.
            match t.find('）') {
                Some(close) => {
                    t = &t[close + '）'.len_utf8()..];
                    continue;
                }
                None => break,
            }
        }
        if !crate::script::is_han(c) || out.chars().count() >= 12 {
            break;
        }
        // A verb of change ends the name too: `63万公里|增加到89万公里`.
        let change_verb = RISE
            .iter()
            .chain(DECLINE.iter())
            .any(|w| w.chars().count() >= 2 && t.starts_with(w));
        if change_verb
            || ZH_STOP_AFTER.iter().any(|w| t.starts_with(w))
            || t.starts_with("建设") && !t.starts_with("建设项目")
        {
            break;
        }
        out.push(c);
        t = &t[c.len_utf8()..];
    }
    out
}

/// Qualifier-free reading of a figure's direction, used by promises: a growth figure or a
/// target worded as a rise or fall.
pub(crate) fn worded_as_change(f: &Figure) -> bool {
    let head = f.sentence.find(&f.text).map_or("", |i| &f.sentence[..i]);
    let t = trim_fillers_end(head);
    RISE.iter().chain(DECLINE.iter()).any(|w| t.ends_with(w))
        || f.label.ends_with("涨幅")
        || f.label.ends_with("增幅")
        || f.label.ends_with("增速")
}

/// Whether a qualifier reads as a floor (`以上`, `超`).
pub(crate) fn is_floor(q: Option<Qualifier>) -> bool {
    matches!(q, Some(Qualifier::AtLeast | Qualifier::Over))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ranks and label junk read by hand find what their patterns found, on every sentence
    /// of the samples and on made-up ones.
    #[test]
    fn hand_read_ranks_and_label_junk_match_their_patterns() {
        let rank = Regex::new(r"(?:位居|位列|稳居|居于|保持|名列|排名|排在|居|列)(?:全国|全省|全市|全区|中心城区|各区|全球|世界|同类城市)?(?:第(?P<n>[一二三四五六七八九十]+|[0-9]+)(?:位|名)?|(?P<top>前列|前茅|首位))").unwrap();
        let junk = Regex::new(r"（[^（）]*）|\([^()]*\)|“[^“”\p{Han}]*”|[0-9]{4}年(?:以来)?|[0-9]+(?:\.[0-9]+)?[类个家项批]?|[“”《》\s]").unwrap();
        let mut texts = vec![
            "位居全国第一位，稳居第3名，居于前列，保持全国首位，排名第十二，位居第，列第2".to_string(),
            "居全省前茅居第一居于全国第二名位列同类城市第5，居世界第".to_string(),
            "（注（内））（未闭(a(b)c) “ABC”“中文”“a“b” 2023年以来 20231年 1.5个 12. 3类 《书》\u{3000}".to_string(),
        ];
        for sample in [
            include_str!("../../samples/national-gwr-2022.txt"),
            include_str!("../../samples/national-gwr-2023.txt"),
            include_str!("../../samples/changning-gwr-2025.txt"),
        ] {
            texts.extend(sample.split(['。', '\n']).map(str::to_string));
        }
        let mut ranks = 0;
        for t in &texts {
            let by_hand: Vec<_> = zh_ranks(t)
                .iter()
                .map(|r| (r.start, r.end, r.number, r.top))
                .collect();
            let by_pattern: Vec<_> = rank
                .captures_iter(t)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let n = c.name("n").map(|n| (n.start(), n.end()));
                    (m.start(), m.end(), n, c.name("top").map(|t| t.as_str()))
                })
                .collect();
            assert_eq!(by_hand, by_pattern, "{t}");
            ranks += by_hand.len();
            assert_eq!(without_label_junk(t), junk.replace_all(t, ""), "{t}");
        }
        assert!(ranks >= 10, "only {ranks} ranks");
    }
}

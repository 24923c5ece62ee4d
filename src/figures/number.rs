//! Numbers as reports write them: Arabic digits with separators and decimals, Chinese numerals,
//! Chinese multipliers (`万`, `亿`, `万亿`), English scale words, units and the qualifiers
//! around a number (`左右`, `以上`, `超`, `近`, `余`, `more than`).
//!
//! [`scan`] finds every quantity in one sentence; [`parse_quantity`] reads one figure as
//! written, which is what the tests and callers holding a single phrase want.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Qualifier;
use crate::script::{ascii_digits_end, is_chinese_numeral};

/// A number found in a sentence, with its unit and qualifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte offset where the figure as written starts (a leading qualifier such as `超` included).
    pub start: usize,
    /// Byte offset where the number itself starts.
    pub number_start: usize,
    /// Byte offset just past the figure as written (a trailing `左右`/`以上` included).
    pub end: usize,
    /// The value with its multiplier applied.
    pub value: f64,
    /// The base unit (`元`, `%`, `pp`, `人`, `USD`, or empty for a bare `1.4亿`).
    pub unit: String,
    /// The qualifier written around the number, if any.
    pub qualifier: Option<Qualifier>,
    /// True when the unit is a measure word of things counted (`个`, `家`, `人次`…).
    pub counted: bool,
}

/// Chinese units and measure words, longest first so that `个百分点` wins over `个` and
/// `人次` over `人` (the first entry a text starts with is its unit). Durations (`年`, `天`),
/// ages (`岁`) and editions (`版`, `届`) are left out on purpose: they are not quantities a
/// reader compares.
const ZH_UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "%",
    "‰",
    "美元",
    "元",
    "平方公里",
    "平方千米",
    "平方米",
    "公顷",
    "亩",
    "公里",
    "千米",
    "千瓦时",
    "千瓦",
    "吨",
    "公斤",
    "千克",
    "斤",
    "人次",
    "人",
    "辆",
    "个",
    "家",
    "项",
    "件",
    "次",
    "套",
    "张",
    "户",
    "台",
    "名",
    "条",
    "场",
    "所",
    "座",
    "部",
    "间",
    "处",
    "批",
    "份",
    "幅",
    "头",
    "株",
    "棵",
    "架",
    "艘",
    "栋",
    "幢",
    "床",
    "支",
    "枚",
    "种",
    "篇",
    "门",
    "国",
    "省",
    "倍",
    "标准箱",
    "标箱",
];

/// Multipliers after a Chinese number, the longer first.
const ZH_MULTIPLIERS: [&str; 3] = ["万亿", "亿", "万"];

/// One Chinese number as [`zh_number_at`] reads it: byte ranges into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ZhMatch {
    start: usize,
    end: usize,
    /// The number itself (`180.97`, `1,244`, `5万3千`, `二十八`).
    num: (usize, usize),
    /// `万亿`, `亿` or `万`.
    mult: Option<(usize, usize)>,
    /// The unit or measure word, after the multiplier or alone.
    unit: Option<(usize, usize)>,
    /// `余` or `多` right after the number or its multiplier.
    approx: bool,
}

/// The unit a text starts with: the first of [`ZH_UNITS`] that it starts with.
fn zh_unit_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    ZH_UNITS
        .iter()
        .find(|u| rest.starts_with(**u))
        .map(|u| (at, at + u.len()))
}

/// What may follow a number for it to be a figure: `余`/`多`, then a multiplier with `余`/`多`
/// and a unit both optional, or a unit alone. Never starts with a digit, a comma or a dot.
fn zh_number_tail(text: &str, start: usize, num_end: usize) -> Option<ZhMatch> {
    let approx_len = |at: usize| {
        let rest = &text[at..];
        if rest.starts_with('余') || rest.starts_with('多') {
            '余'.len_utf8()
        } else {
            0
        }
    };
    let a1 = approx_len(num_end);
    // With `余`/`多` after the number first; without, nothing else could start there.
    for at in [num_end + a1, num_end]
        .into_iter()
        .take(if a1 > 0 { 2 } else { 1 })
    {
        let matched = |end, mult, unit, approx| ZhMatch {
            start,
            end,
            num: (start, num_end),
            mult,
            unit,
            approx,
        };
        if let Some(m) = ZH_MULTIPLIERS.iter().find(|m| text[at..].starts_with(**m)) {
            let mult_end = at + m.len();
            let a2 = approx_len(mult_end);
            let unit = zh_unit_at(text, mult_end + a2);
            let end = unit.map_or(mult_end + a2, |u| u.1);
            return Some(matched(
                end,
                Some((at, mult_end)),
                unit,
                at > num_end || a2 > 0,
            ));
        }
        if let Some(unit) = zh_unit_at(text, at) {
            return Some(matched(unit.1, None, Some(unit), at > num_end));
        }
    }
    None
}

/// The Chinese number that starts at byte `start`, if one does, read as the pattern
///
/// ```text
/// (?P<num>[0-9]+万[0-9]+千|[0-9]+(?:\.[0-9]+)?千|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?
///        |[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)
/// (?P<a1>余|多)?(?:(?P<mult>万亿|亿|万)(?P<a2>余|多)?(?P<unit>UNITS)?|(?P<bare>UNITS))
/// ```
///
/// reads it (leftmost-first, the alternatives in order, greedy runs given back from the
/// longest): written by hand because compiling that pattern cost more than a small
/// comparison. A tail never starts with a digit, a comma or a dot, so of the Arabic runs only
/// the longest can be followed by one; a run of Chinese numerals is given back one numeral at
/// a time, since `百分点` and `千瓦` start with numerals.
fn zh_number_at(text: &str, start: usize) -> Option<ZhMatch> {
    let bytes = text.as_bytes();
    let digits_end = |from: usize| ascii_digits_end(bytes, from);
    let tail = |end: usize| zh_number_tail(text, start, end);
    let run_end = digits_end(start);
    if run_end == start {
        let mut ends = Vec::new();
        let mut at = start;
        while let Some(c) = text[at..].chars().next().filter(|&c| is_chinese_numeral(c)) {
            at += c.len_utf8();
            ends.push(at);
        }
        return ends.into_iter().rev().find_map(tail);
    }
    let after = |at: usize, s: &str| text[at..].starts_with(s);
    // The fraction after a run of digits: the end of `.123`, if one follows.
    let fraction_end = |at: usize| {
        (bytes.get(at) == Some(&b'.'))
            .then(|| digits_end(at + 1))
            .filter(|&end| end > at + 1)
    };
    // `5万3千`
    if after(run_end, "万") {
        let second = run_end + '万'.len_utf8();
        let second_end = digits_end(second);
        if second_end > second
            && after(second_end, "千")
            && let Some(m) = tail(second_end + '千'.len_utf8())
        {
            return Some(m);
        }
    }
    // `1.5千`
    let fraction = fraction_end(run_end);
    let thousands_at = fraction.unwrap_or(run_end);
    if after(thousands_at, "千")
        && let Some(m) = tail(thousands_at + '千'.len_utf8())
    {
        return Some(m);
    }
    // `1,244,000.5`: one to three digits, then groups of three.
    if run_end - start <= 3 {
        let mut groups_end = run_end;
        while bytes.get(groups_end) == Some(&b',')
            && bytes.len() >= groups_end + 4
            && bytes[groups_end + 1..groups_end + 4]
                .iter()
                .all(u8::is_ascii_digit)
        {
            groups_end += 4;
        }
        if groups_end > run_end {
            if let Some(m) = fraction_end(groups_end).and_then(tail) {
                return Some(m);
            }
            if let Some(m) = tail(groups_end) {
                return Some(m);
            }
        }
    }
    // `180.97`, `12`
    fraction.and_then(tail).or_else(|| tail(run_end))
}

/// Every Chinese number of a text, left to right, none overlapping (as a regex search for the
/// pattern of [`zh_number_at`] finds them).
fn zh_numbers(text: &str) -> Vec<ZhMatch> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        if !(c.is_ascii_digit() || is_chinese_numeral(c)) {
            at += c.len_utf8();
            continue;
        }
        if let Some(m) = zh_number_at(text, at) {
            found.push(m);
            at = m.end;
            continue;
        }
        let run = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        at += if run > 0 {
            // Every later start in the run ends its digits at the same place, so only the
            // last three can still begin a `1,244`.
            run.saturating_sub(3).max(1)
        } else {
            // Every later start in a run of numerals has fewer ends to try, and each fails.
            text[at..]
                .chars()
                .take_while(|&c| is_chinese_numeral(c))
                .map(char::len_utf8)
                .sum()
        };
    }
    found
}

static EN_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<cur>US\$|S\$|\$|€|£|¥|USD\s?|SGD\s?)?(?P<open>\()?(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?:\s(?P<fnum>[1-9])⁄\s?(?P<fden>[1-9][0-9]?)|⁄\s?(?P<sden>[1-9][0-9]?))?(?P<close>\))?(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?(?:\s?(?P<unit>%|percentage points?\b|per cent\b|percent\b|basis points?\b))?",
    )
    .unwrap()
});

/// The value of a run of Chinese numerals (`二十八` → 28, `百` → 100, `一千五百` → 1500,
/// `三〇五` → 305 read digit by digit).
pub fn chinese_number(s: &str) -> Option<f64> {
    let digit = |c: char| crate::script::chinese_digit(c).map(u64::from);
    if s.is_empty() {
        return None;
    }
    // Digit by digit (`二〇二五`) when there is no place word.
    if !s.contains(['十', '百', '千']) {
        let mut v = 0u64;
        for c in s.chars() {
            // A run of numerals longer than any quantity is not a number.
            v = v.checked_mul(10)?.checked_add(digit(c)?)?;
        }
        return Some(v as f64);
    }
    let mut total = 0u64;
    let mut pending: Option<u64> = None;
    for c in s.chars() {
        let place = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                // `三千零五`: a zero only marks a gap, the next digit replaces it.
                if pending.is_some_and(|p| p != 0) {
                    return None;
                }
                pending = Some(digit(c)?);
                continue;
            }
        };
        total = total.checked_add(pending.take().unwrap_or(1).checked_mul(place)?)?;
    }
    total += pending.unwrap_or(0);
    Some(total as f64)
}

/// Digits with Chinese place words inside (`5千` → 5000, `1万6千` → 16000, `2.5千` → 2500);
/// `None` for anything else.
pub fn mixed_number(s: &str) -> Option<f64> {
    let (wan, rest) = match s.split_once('万') {
        Some((w, r)) => (w.parse::<f64>().ok()?, r),
        None => (0.0, s),
    };
    let qian = rest.strip_suffix('千')?.parse::<f64>().ok()?;
    Some(wan * 10_000.0 + qian * 1_000.0)
}

/// The value of Arabic digits with optional thousands separators (`1,244` → 1244).
pub fn arabic_number(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|&c| c != ',').collect();
    cleaned.parse().ok()
}

/// Digits times a multiplier without binary noise: `8.2` × 万亿 is 82 × 10¹¹, not
/// 8.2 × 10¹² (8199999999999.999).
fn scaled(digits: &str, mult: &str) -> Option<f64> {
    let exp: i32 = match mult {
        "万亿" | "trillion" => 12,
        "billion" | "bn" => 9,
        "亿" => 8,
        "million" | "mn" => 6,
        "万" => 4,
        "thousand" => 3,
        _ => 0,
    };
    let cleaned: String = digits.chars().filter(|&c| c != ',').collect();
    let decimals = cleaned.find('.').map_or(0, |p| cleaned.len() - p - 1) as i32;
    let int: f64 = cleaned.replace('.', "").parse().ok()?;
    let shift = exp - decimals;
    Some(if shift >= 0 {
        int * 10f64.powi(shift)
    } else {
        int / 10f64.powi(-shift)
    })
}

fn multiplier(m: &str) -> f64 {
    match m {
        "万亿" | "trillion" => 1e12,
        "亿" => 1e8,
        "万" => 1e4,
        "thousand" => 1e3,
        "million" | "mn" => 1e6,
        "billion" | "bn" => 1e9,
        _ => 1.0,
    }
}

fn base_unit(u: &str) -> (&'static str, bool) {
    match u {
        "" => ("", false),
        "个百分点" | "百分点" => ("pp", false),
        "%" => ("%", false),
        "‰" => ("‰", false),
        "元" => ("元", false),
        "美元" => ("USD", false),
        "平方公里" | "平方千米" => ("平方公里", false),
        "平方米" => ("平方米", false),
        "公顷" => ("公顷", false),
        "亩" => ("亩", false),
        "公里" | "千米" => ("公里", false),
        "千瓦时" => ("千瓦时", false),
        "千瓦" => ("千瓦", false),
        "吨" => ("吨", false),
        "公斤" | "千克" => ("公斤", false),
        "斤" => ("斤", false),
        "倍" => ("倍", false),
        // Container throughput in twenty-foot equivalents (`4500万标箱`, `5000万标准箱`).
        "标准箱" | "标箱" => ("标准箱", false),
        other => (measure_word(other), true),
    }
}

/// Measure words keep their own name as unit; the static list lets units be `&'static str`.
fn measure_word(w: &str) -> &'static str {
    const WORDS: &[&str] = &[
        "人次", "人", "辆", "个", "家", "项", "件", "次", "套", "张", "户", "台", "名", "条", "场",
        "所", "座", "部", "间", "处", "批", "份", "幅", "头", "株", "棵", "架", "艘", "栋", "幢",
        "床", "支", "枚", "种", "篇", "门", "国", "省",
    ];
    WORDS.iter().find(|&&x| x == w).copied().unwrap_or("")
}

/// Words that close a number as an ordinal or a name rather than a quantity (`五次会议`,
/// `十四五规划`): a measure word followed by these counts meetings, not things.
const MEETING_WORDS: &[&str] = &["会议", "全会", "代表大会", "党代会", "全体会议"];

/// Finds the quantities of a Chinese sentence.
pub fn scan_zh(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for m in zh_numbers(text) {
        let slice = |(a, b): (usize, usize)| &text[a..b];
        let num = slice(m.num);
        let mult = m.mult.map_or("", slice);
        // A unit or a multiplier is required by the pattern itself, so the many `一`, `二`
        // of running Chinese text fail inside the scanner, not here.
        let mut unit_raw = m.unit.map_or("", slice);
        let mut end = m.end;
        // `240万省外劳动力`, `国内`: `省`/`国` opening a word of place is no measure word.
        if matches!(unit_raw, "省" | "国")
            && text[end..].starts_with(['外', '内', '级', '际', '家', '直', '属', '委'])
        {
            if mult.is_empty() {
                continue;
            }
            end -= unit_raw.len();
            unit_raw = "";
        }
        // `重点做好以下10个方面工作`, `抓好以下十二个`: the count of a list's items is no
        // indicator.
        let head = &text[..m.start];
        if ["以下", "如下", "下列"].iter().any(|w| head.ends_with(w))
            || unit_raw == "个" && text[end..].starts_with("方面")
        {
            continue;
        }
        let approx_inside = m.approx;
        let before = text[..m.start].chars().next_back();
        let after = &text[end..];
        let chinese = num.starts_with(is_chinese_numeral);
        // Codes, versions and ordinals: `K1-01`, `3+3`, `第五次`, `7.0版`.
        if before.is_some_and(|b| {
            b.is_ascii_alphanumeric() || matches!(b, '.' | '-' | '+' | '/' | '第' | '_' | '·')
        }) {
            continue;
        }
        if unit_raw.is_empty() && mult.is_empty() {
            continue;
        }
        if MEETING_WORDS.iter().any(|w| after.starts_with(w)) || after.starts_with("集团") {
            continue;
        }
        let Some(mut value) = (if chinese {
            chinese_number(num)
        } else {
            mixed_number(num).or_else(|| arabic_number(num))
        }) else {
            continue;
        };
        if chinese && unit_raw.is_empty() {
            // `千亿级产业`, `百万人口`: a Chinese numeral with a bare multiplier is a grade.
            continue;
        }
        if !mult.is_empty() && unit_raw.is_empty() && after.starts_with('级') {
            continue;
        }
        if chinese {
            // Single Chinese digits are rhetoric (`两个毫不动摇`, `三项制度`), and a lone `千`
            // or `百` is an idiom (`千家万户`) unless `余`/`多` makes it a count.
            let len = num.chars().count();
            let idiom = before.is_some_and(|b| is_chinese_numeral(b) || b == '万');
            if idiom || (!approx_inside && mult.is_empty() && (value < 10.0 || len < 2)) {
                continue;
            }
        }
        if !chinese {
            value = scaled(num, mult).unwrap_or(value * multiplier(mult));
        } else {
            value *= multiplier(mult);
        }
        let (unit, counted) = base_unit(unit_raw);
        let mut q = Quantity {
            start: m.start,
            number_start: m.num.0,
            end,
            value,
            unit: unit.to_string(),
            qualifier: approx_inside.then_some(Qualifier::Over),
            counted: counted || (unit.is_empty() && !mult.is_empty()),
        };
        zh_qualifiers(text, &mut q);
        out.push(q);
    }
    out
}

/// Reads the qualifier words right before and after a Chinese number into `q`, extending the
/// figure as written to include them.
fn zh_qualifiers(text: &str, q: &mut Quantity) {
    const AFTER: &[(&str, Qualifier)] = &[
        ("左右", Qualifier::Approx),
        ("上下", Qualifier::Approx),
        ("以上", Qualifier::AtLeast),
        ("以内", Qualifier::AtMost),
        ("以下", Qualifier::AtMost),
    ];
    // Longest first; `约` only when it is not part of a word (`节约`, `制约`, `签约`).
    const BEFORE: &[(&str, Qualifier)] = &[
        ("不超过", Qualifier::AtMost),
        ("不高于", Qualifier::AtMost),
        ("不低于", Qualifier::AtLeast),
        ("不少于", Qualifier::AtLeast),
        ("至少", Qualifier::AtLeast),
        ("超过", Qualifier::Over),
        ("将近", Qualifier::Under),
        ("接近", Qualifier::Under),
        ("大约", Qualifier::Approx),
        ("约", Qualifier::Approx),
        ("逾", Qualifier::Over),
        ("超", Qualifier::Over),
        ("近", Qualifier::Under),
    ];
    let rest = &text[q.end..];
    for (w, qual) in AFTER {
        if rest.starts_with(w) {
            q.end += w.len();
            q.qualifier = Some(*qual);
            break;
        }
    }
    let head = &text[..q.start];
    for (w, qual) in BEFORE {
        if let Some(prefix) = head.strip_suffix(w) {
            let prev = prefix.chars().next_back();
            let bound = match *w {
                "约" => !prev.is_some_and(|p| "节制签预合契邀公集条相".contains(p)),
                "近" => !prev.is_some_and(|p| "最附接将贴亲临".contains(p)),
                "超" => !prev.is_some_and(|p| "高赶".contains(p)),
                _ => true,
            };
            if bound {
                q.start -= w.len();
                if q.qualifier.is_none() {
                    q.qualifier = Some(*qual);
                }
                break;
            }
        }
    }
}

/// Finds the quantities of an English sentence: amounts with a currency, a scale word or a
/// percent sign. Bare numbers (years, page numbers, `10-K`) are not quantities.
pub fn scan_en(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for c in EN_NUMBER.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let num = c.name("num").unwrap();
        let cur = c
            .name("cur")
            .map(|m| m.as_str().trim().to_ascii_uppercase());
        let scale = c.name("scale").map(|m| m.as_str().to_ascii_lowercase());
        let unit_raw = c.name("unit").map(|m| m.as_str().to_ascii_lowercase());
        if cur.is_none() && scale.is_none() && unit_raw.is_none() {
            continue;
        }
        let before = text[..whole.start()].chars().next_back();
        // `1⁄ 2`: a denominator is part of the fraction before it, never an amount.
        let denominator = text[..whole.start()].trim_end().ends_with('⁄');
        if denominator
            || before.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, '-' | '.' | '/'))
        {
            continue;
        }
        let Some(mut value) = arabic_number(num.as_str()) else {
            continue;
        };
        // PDF fractions: `1 1⁄2` is 1.5, `1⁄ 2` is 0.5.
        let digit = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<f64>().ok());
        let fraction = if let (Some(n), Some(d)) = (digit("fnum"), digit("fden")) {
            Some(value + n / d)
        } else {
            digit("sden").map(|d| value / d)
        };
        let parenthesised = c.name("open").is_some() && c.name("close").is_some();
        let mut end = whole.end();
        let mut start = whole.start();
        if c.name("open").is_some() && c.name("close").is_none() {
            // `(3.4` without its closing bracket: the bracket is prose, not a sign.
            if cur.is_none() {
                start = num.start();
            }
        }
        if parenthesised {
            value = -value;
        }
        if let Some(v) = fraction {
            value = v.copysign(value);
            if let Some(sc) = scale.as_deref() {
                value *= multiplier(sc);
            }
        } else if let Some(sc) = scale.as_deref() {
            value = scaled(num.as_str(), sc).map_or(value * multiplier(sc), |v| v.copysign(value));
        }
        let unit = match (cur.as_deref(), unit_raw.as_deref()) {
            (_, Some(u)) if u.starts_with("percentage point") => "pp",
            (_, Some(u)) if u.starts_with("basis point") => {
                value /= 100.0;
                "pp"
            }
            (_, Some(_)) => "%",
            (Some("S$" | "SGD"), None) => "SGD",
            (Some("€"), None) => "EUR",
            (Some("£"), None) => "GBP",
            (Some("¥"), None) => "JPY",
            (Some(_), None) => "USD",
            (None, None) => "",
        };
        // A closing bracket that is not a sign stays out of the figure.
        if c.name("close").is_some() && !parenthesised {
            end = c.name("close").unwrap().start();
            if unit.is_empty() {
                continue;
            }
        }
        let mut q = Quantity {
            start,
            number_start: num.start(),
            end,
            value,
            unit: unit.to_string(),
            qualifier: None,
            counted: unit.is_empty(),
        };
        en_qualifiers(text, &mut q);
        out.push(q);
    }
    out
}

fn en_qualifiers(text: &str, q: &mut Quantity) {
    const BEFORE: &[(&str, Qualifier)] = &[
        ("more than ", Qualifier::Over),
        ("over ", Qualifier::Over),
        ("in excess of ", Qualifier::Over),
        ("at least ", Qualifier::AtLeast),
        ("no less than ", Qualifier::AtLeast),
        ("at most ", Qualifier::AtMost),
        ("no more than ", Qualifier::AtMost),
        ("up to ", Qualifier::AtMost),
        ("less than ", Qualifier::Under),
        ("nearly ", Qualifier::Under),
        ("almost ", Qualifier::Under),
        ("about ", Qualifier::Approx),
        ("approximately ", Qualifier::Approx),
        ("around ", Qualifier::Approx),
        ("roughly ", Qualifier::Approx),
        ("some ", Qualifier::Approx),
    ];
    // Only the last few words can qualify the number; lowercasing more would cost a copy of
    // the whole sentence per figure.
    let mut from = q.start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = text[from..q.start].to_ascii_lowercase();
    for (w, qual) in BEFORE {
        if head.ends_with(w) {
            let b = head.len() - w.len();
            if b == 0 || !head.as_bytes()[b - 1].is_ascii_alphanumeric() {
                q.qualifier = Some(*qual);
                q.start -= w.len();
                break;
            }
        }
    }
}

/// Finds the quantities of a sentence in either language.
pub fn scan(text: &str, chinese: bool) -> Vec<Quantity> {
    if chinese {
        let mut found = scan_zh(text);
        // Chinese reports quote foreign amounts in English form now and then (`$100`).
        // Most Chinese sentences quote no dollars; the English pattern is not free to run.
        let en = if text.contains('$') {
            scan_en(text)
        } else {
            Vec::new()
        };
        let foreign: Vec<Quantity> = en
            .into_iter()
            .filter(|e| matches!(e.unit.as_str(), "USD" | "SGD" | "EUR" | "GBP" | "JPY"))
            .filter(|e| !found.iter().any(|z| z.start < e.end && e.start < z.end))
            .collect();
        found.extend(foreign);
        found.sort_by_key(|q| q.start);
        merge_ranges(text, found)
    } else {
        scan_en(text)
    }
}

/// Joins a range (`6.5%－7%`) into one figure: its lower bound, read as a floor, which is how a
/// target range is met.
fn merge_ranges(text: &str, found: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::with_capacity(found.len());
    for q in found {
        if let Some(prev) = out.last_mut()
            && prev.end <= q.start
            && matches!(
                text[prev.end..q.start].trim(),
                "－" | "-" | "—" | "~" | "～" | "–"
            )
            && prev.unit == q.unit
            && prev.qualifier.is_none()
            && prev.value < q.value
        {
            prev.end = q.end;
            prev.qualifier = Some(Qualifier::AtLeast);
            continue;
        }
        out.push(q);
    }
    out
}

/// Reads one figure as written (`180.97亿元`, `5.5%左右`, `百余家`, `$81.4 billion`, `(3.4)%`).
///
/// Returns `None` unless the whole text, qualifiers included, is one quantity.
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    let text = text.trim();
    // A bare bracketed number is a negative table entry (`(3.4)`).
    if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')'))
        && let Some(v) = arabic_number(inner)
    {
        return Some(Quantity {
            start: 0,
            number_start: 1,
            end: text.len(),
            value: -v,
            unit: String::new(),
            qualifier: None,
            counted: false,
        });
    }
    let chinese = text.chars().any(crate::script::is_han);
    let found = scan(text, chinese);
    let q = found.into_iter().next()?;
    let covered = text[..q.start].trim().is_empty() && text[q.end..].trim().is_empty();
    covered.then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern [`zh_number_at`] reads by hand, as a regex, to check the scanner against.
    fn zh_number_regex() -> regex::Regex {
        let units = ZH_UNITS
            .iter()
            .map(|u| regex::escape(u))
            .collect::<Vec<_>>()
            .join("|");
        regex::Regex::new(&format!(
            r"(?P<num>[0-9]+万[0-9]+千|[0-9]+(?:\.[0-9]+)?千|[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)(?P<a1>余|多)?(?:(?P<mult>万亿|亿|万)(?P<a2>余|多)?(?P<unit>{units})?|(?P<bare>{units}))"
        ))
        .unwrap()
    }

    fn zh_numbers_by_regex(re: &regex::Regex, text: &str) -> Vec<ZhMatch> {
        let span = |m: regex::Match| (m.start(), m.end());
        re.captures_iter(text)
            .map(|c| ZhMatch {
                start: c.get(0).unwrap().start(),
                end: c.get(0).unwrap().end(),
                num: span(c.name("num").unwrap()),
                mult: c.name("mult").map(span),
                unit: c.name("unit").or(c.name("bare")).map(span),
                approx: c.name("a1").or(c.name("a2")).is_some(),
            })
            .collect()
    }

    #[test]
    fn the_chinese_number_scanner_finds_what_the_pattern_finds() {
        let re = zh_number_regex();
        let samples = [
            include_str!("../../samples/national-gwr-2022.txt"),
            include_str!("../../samples/national-gwr-2023.txt"),
            include_str!("../../samples/changning-gwr-2025.txt"),
        ];
        let made = [
            "5万3千人，1.5千吨，5万3千，5万千人，1,244,000.5万元，1,2345亿元，1234,567万元",
            "12.5.3万人，3.万元，,123万，1,234.万，１２万，十千瓦，一百分点，百分点，千千千瓦时",
            "三千多万人，一百余万亿元多，两亿余户，5多万，5余，百余家，千家万户，十四五",
            "1,234,567,8901万元 123456789012345678901234567890亿 一二三四五六七八九十百千",
            "2023年增长5.2%，‰3‰，100美元，12平方公里，0.5个百分点，4500万标箱，3省外",
        ];
        let mut found = 0;
        for text in samples.iter().chain(&made) {
            let expected = zh_numbers_by_regex(&re, text);
            assert_eq!(
                zh_numbers(text),
                expected,
                "{}",
                &text[..text.len().min(300)]
            );
            found += expected.len();
        }
        assert!(found > 400, "only {found} numbers in the samples");
        // Texts drawn from the characters the pattern turns on, by a fixed linear
        // congruential sequence: runs, commas, dots and units cut short in every way.
        let alphabet: Vec<char> = "0123,.万千亿余多个百分点一二十两平方米瓦时元%标准箱省外次"
            .chars()
            .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let text: String = (0..24)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            assert_eq!(zh_numbers(&text), zh_numbers_by_regex(&re, &text), "{text}");
        }
    }

    #[test]
    fn chinese_numerals() {
        for (s, v) in [
            ("二十八", 28.0),
            ("十", 10.0),
            ("十二", 12.0),
            ("百", 100.0),
            ("一百二十", 120.0),
            ("一千五百", 1500.0),
            ("三千零五", 3005.0),
            ("两千", 2000.0),
            ("二〇二五", 2025.0),
        ] {
            assert_eq!(chinese_number(s), Some(v), "{s}");
        }
        assert_eq!(chinese_number("百家"), None);
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(arabic_number("1,244"), Some(1244.0));
        assert_eq!(arabic_number("180.97"), Some(180.97));
        assert_eq!(arabic_number("1,2a"), None);
    }
}

//! Word documents (Office Open XML, `.docx`): one paragraph a line, as a reader sees it.
//!
//! The body is read from `word/document.xml` (or wherever the package's relationships put the
//! main part). Automatic numbering is resolved through `word/numbering.xml` and shown as the
//! reader sees it (`一、`, `（一）`, `1.`); a heading without visible numbering (a Heading style
//! or an outline level) is marked with Markdown `#`s, which the outline reads as its depth.
//! Table rows become one line with a tab between cells. Footnotes, comments, headers, footers,
//! deleted text and field codes are left out. Element and attribute names are matched by
//! local name, so the Strict namespace (`http://purl.oclc.org/ooxml/wordprocessingml/main`)
//! and files written by WPS read the same as Word's.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::error::{Error, Result};
use crate::heading;

/// The largest part read out of the archive, unpacked: a guard against ZIP bombs.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// A ZIP archive whose main part is a Word document.
pub(super) fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .ok()
        .is_some_and(|mut z| main_part(&mut z).is_some())
}

/// The text of a Word document, one paragraph or table row a line.
pub(super) fn extract(name: &str, bytes: &[u8]) -> Result<String> {
    let fail = |reason: String| Error::Unreadable {
        name: name.to_string(),
        format: "DOCX",
        reason,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("damaged ZIP archive ({e})")))?;
    let main = main_part(&mut zip).ok_or_else(|| fail("no word/document.xml".to_string()))?;
    let body = read_part(&mut zip, &main)
        .map_err(fail)?
        .ok_or_else(|| fail(format!("{main} is missing")))?;
    let rels = read_part(&mut zip, &rels_of(&main)).ok().flatten();
    let linked = |kind: &str, fallback: &str| {
        rels.as_deref()
            .and_then(|r| relationship_target(r, kind))
            .map(|t| resolve(&main, &t))
            .unwrap_or_else(|| fallback.to_string())
    };
    let styles = read_part(&mut zip, &linked("/styles", "word/styles.xml"))
        .ok()
        .flatten()
        .map(|x| parse_styles(&x))
        .unwrap_or_default();
    let numbering = read_part(&mut zip, &linked("/numbering", "word/numbering.xml"))
        .ok()
        .flatten()
        .map(|x| parse_numbering(&x))
        .unwrap_or_default();
    body_text(&body, &styles, numbering).map_err(|e| fail(format!("broken XML in {main} ({e})")))
}

/// The main part: the target of the package's `officeDocument` relationship when it is a
/// document (not a workbook or a presentation), else `word/document.xml`.
fn main_part(zip: &mut Archive) -> Option<String> {
    let from_rels = read_part(zip, "_rels/.rels")
        .ok()
        .flatten()
        .and_then(|r| relationship_target(&r, "/officeDocument"))
        .map(|t| t.trim_start_matches('/').to_string())
        .filter(|t| t.ends_with("document.xml") && zip.index_for_name(t).is_some());
    from_rels.or_else(|| {
        zip.index_for_name("word/document.xml")
            .map(|_| "word/document.xml".to_string())
    })
}

/// The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`.
fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationship target relative to the part that names it.
fn resolve(part: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut dir: Vec<&str> = part.split('/').collect();
    dir.pop();
    for piece in target.split('/') {
        match piece {
            ".." => {
                dir.pop();
            }
            "." | "" => {}
            p => dir.push(p),
        }
    }
    dir.join("/")
}

/// Reads a part as text; `Ok(None)` when the archive has no such part.
fn read_part(zip: &mut Archive, name: &str) -> std::result::Result<Option<String>, String> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let file = zip
        .by_index(index)
        .map_err(|e| format!("cannot open {name} ({e})"))?;
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot unpack {name} ({e})"))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(format!(
            "{name} unpacks to more than {MAX_PART_BYTES} bytes"
        ));
    }
    // Word writes UTF-8; the format also allows UTF-16 with a byte-order mark.
    let text = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((enc, _)) => enc.decode(&bytes).0.into_owned(),
        None => String::from_utf8_lossy(&bytes).into_owned(),
    };
    Ok(Some(text))
}

/// The value of attribute `key` (by local name).
fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

/// The target of the first relationship whose type ends with `kind`.
fn relationship_target(xml: &str, kind: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e))
                if local(&e) == "Relationship"
                    && attr(&e, "Type").is_some_and(|t| t.ends_with(kind)) =>
            {
                return attr(&e, "Target");
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// What a paragraph style says about numbering and headings.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num: Option<(String, Option<usize>)>,
    outline: Option<usize>,
    /// The heading depth its name gives (`heading 2`, `标题 2`, `Title`).
    named_level: Option<usize>,
}

type Styles = HashMap<String, Style>;

fn parse_styles(xml: &str) -> Styles {
    let mut styles = Styles::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Style)> = None;
    let mut in_numpr = false;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
                "style" => {
                    let paragraph = attr(&e, "type").is_none_or(|t| t == "paragraph");
                    current = attr(&e, "styleId")
                        .filter(|_| paragraph)
                        .map(|id| (id, Style::default()));
                }
                "name" => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(&e, "val")) {
                        s.named_level = heading_level_of_name(&v);
                    }
                }
                "basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, "val");
                    }
                }
                "numPr" => in_numpr = true,
                "numId" if in_numpr => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(&e, "val")) {
                        let lvl = s.num.as_ref().and_then(|n| n.1);
                        s.num = Some((v, lvl));
                    }
                }
                "ilvl" if in_numpr => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(&e, "val")) {
                        let id = s.num.take().map(|n| n.0).unwrap_or_default();
                        s.num = Some((id, v.parse().ok()));
                    }
                }
                "outlineLvl" => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(&e, "val")) {
                        s.outline = v.parse().ok();
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "numPr" => in_numpr = false,
                "style" => {
                    if let Some((id, s)) = current.take() {
                        styles.insert(id, s);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    styles
}

/// `heading 1`…`heading 9` (any case, as Word and WPS name them, also `标题 1`). The `Title`
/// style is the document's title, which the outline finds as the first line unmarked.
fn heading_level_of_name(name: &str) -> Option<usize> {
    let lower = name.trim().to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let n: usize = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

/// A style's numbering and heading level, following `basedOn`.
fn style_props(styles: &Styles, id: &str) -> (Option<(String, usize)>, Option<usize>) {
    let mut num: Option<(String, Option<usize>)> = None;
    let mut level = None;
    let mut at = Some(id.to_string());
    for _ in 0..16 {
        let Some(s) = at.as_ref().and_then(|i| styles.get(i)) else {
            break;
        };
        if num.is_none() {
            num = s.num.clone();
        } else if let (Some(n), Some((_, Some(l)))) = (num.as_mut(), &s.num)
            && n.1.is_none()
        {
            n.1 = Some(*l);
        }
        if level.is_none() {
            level = s.outline.map(|l| l + 1).or(s.named_level);
        }
        at = s.based_on.clone();
    }
    (num.map(|(id, l)| (id, l.unwrap_or(0))), level)
}

/// One level of a numbering definition.
#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
    legal: bool,
    suffix: String,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: "decimal".to_string(),
            text: String::new(),
            legal: false,
            suffix: "tab".to_string(),
        }
    }
}

/// Numbering definitions and the counters of the lists met so far.
#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → its levels.
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, Vec<(usize, u32)>)>,
    /// Current counter per abstract list and level; `None` before a level's first use.
    counters: HashMap<String, [Option<u32>; 9]>,
    /// Lists whose start overrides have been applied.
    started: std::collections::HashSet<String>,
}

fn parse_numbering(xml: &str) -> Numbering {
    let mut n = Numbering::default();
    let mut reader = Reader::from_str(xml);
    let mut abstract_id: Option<String> = None;
    let mut level: Option<(usize, Level)> = None;
    let mut num_id: Option<String> = None;
    let mut override_level: Option<usize> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let val = || attr(&e, "val");
                match local(&e).as_str() {
                    "abstractNum" => {
                        abstract_id = attr(&e, "abstractNumId");
                    }
                    "lvl" if abstract_id.is_some() => {
                        let ilvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((ilvl, Level::default()));
                    }
                    "start" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val()) {
                            l.start = v.parse().unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val()) {
                            l.format = v;
                        }
                    }
                    "lvlText" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val()) {
                            l.text = v;
                        }
                    }
                    "isLgl" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.legal = val().is_none_or(|v| on(&v));
                        }
                    }
                    "suff" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val()) {
                            l.suffix = v;
                        }
                    }
                    "num" => {
                        num_id = attr(&e, "numId");
                    }
                    "abstractNumId" => {
                        if let (Some(id), Some(v)) = (num_id.as_ref(), val()) {
                            n.nums.insert(id.clone(), (v, Vec::new()));
                        }
                    }
                    "lvlOverride" => {
                        override_level = attr(&e, "ilvl").and_then(|v| v.parse().ok());
                    }
                    "startOverride" => {
                        if let (Some(id), Some(l), Some(v)) =
                            (num_id.as_ref(), override_level, val())
                            && let Some(entry) = n.nums.get_mut(id)
                        {
                            entry.1.push((l, v.parse().unwrap_or(1)));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "lvl" => {
                    if let (Some(id), Some((ilvl, l))) = (abstract_id.as_ref(), level.take())
                        && ilvl < 9
                    {
                        let levels = n.abstracts.entry(id.clone()).or_default();
                        if levels.len() <= ilvl {
                            levels.resize(ilvl + 1, Level::default());
                        }
                        levels[ilvl] = l;
                    }
                }
                "abstractNum" => abstract_id = None,
                "num" => num_id = None,
                "lvlOverride" => override_level = None,
                _ => {}
            },
            _ => {}
        }
    }
    n
}

fn on(v: &str) -> bool {
    !matches!(v, "0" | "false" | "off")
}

impl Numbering {
    /// The label the next paragraph of list `num_id` at level `ilvl` shows (`（三）`), with
    /// its separator; `None` for bullets and unknown lists.
    fn next_label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let (abstract_id, overrides) = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&abstract_id)?.clone();
        let ilvl = ilvl.min(8);
        let counters = self.counters.entry(abstract_id).or_insert([None; 9]);
        if self.started.insert(num_id.to_string()) {
            for (l, start) in overrides {
                if l < 9 {
                    counters[l] = Some(start.saturating_sub(1));
                    for deeper in counters.iter_mut().skip(l + 1) {
                        *deeper = None;
                    }
                }
            }
        }
        let start_of = |l: usize| levels.get(l).map_or(1, |x| x.start);
        counters[ilvl] = Some(match counters[ilvl] {
            Some(c) => c + 1,
            None => start_of(ilvl),
        });
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let level = levels.get(ilvl).cloned().unwrap_or_default();
        if level.format == "bullet" {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let value = counters[l].unwrap_or_else(|| start_of(l));
                    let format = if level.legal && l < ilvl {
                        "decimal"
                    } else {
                        levels.get(l).map_or("decimal", |x| x.format.as_str())
                    };
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        if label.is_empty() {
            return None;
        }
        match level.suffix.as_str() {
            "nothing" => {}
            _ => label.push(' '),
        }
        Some(label)
    }
}

/// A list number in one of Word's formats.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => chinese_counting(n),
        "chineseLegalSimplified" => chinese_counting(n)
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                '百' => '佰',
                '千' => '仟',
                c => c,
            })
            .collect(),
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerLetter" => letters(n).to_lowercase(),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

fn cycle(n: u32, signs: &str) -> String {
    let signs: Vec<char> = signs.chars().collect();
    let i = (n.max(1) as usize - 1) % signs.len();
    signs[i].to_string()
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
fn chinese_counting(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 {
        return "零".to_string();
    }
    if n >= 10000 {
        return n.to_string();
    }
    let places = [(1000, '千'), (100, '百'), (10, '十')];
    let mut out = String::new();
    let mut rest = n;
    let mut zero = false;
    for (value, sign) in places {
        let d = rest / value;
        rest %= value;
        if d > 0 {
            if zero {
                out.push('零');
                zero = false;
            }
            // 十二, not 一十二, when ten leads.
            if !(value == 10 && d == 1 && out.is_empty()) {
                out.push(DIGITS[d as usize]);
            }
            out.push(sign);
        } else if !out.is_empty() {
            zero = true;
        }
    }
    if rest > 0 {
        if zero {
            out.push('零');
        }
        out.push(DIGITS[rest as usize]);
    }
    out
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut out = String::new();
    for (value, sign) in TABLE {
        while n >= value {
            out.push_str(sign);
            n -= value;
        }
    }
    out
}

/// 1 → A, 26 → Z, 27 → AA (Word repeats the letter).
fn letters(n: u32) -> String {
    let n = n.max(1) - 1;
    let letter = (b'A' + (n % 26) as u8) as char;
    std::iter::repeat_n(letter, n as usize / 26 + 1).collect()
}

/// A paragraph being read: its properties and text.
#[derive(Default)]
struct Para {
    style: Option<String>,
    num: Option<(Option<String>, Option<usize>)>,
    outline: Option<usize>,
    text: String,
}

/// A table being read: finished rows and the row and cell under way.
#[derive(Default)]
struct Table {
    rows: Vec<String>,
    cells: Vec<String>,
    cell: String,
}

/// Elements whose content is not the document's text.
const SKIPPED: [&str; 9] = [
    "del",
    "moveFrom",
    "instrText",
    "delText",
    "Fallback",
    "footnoteReference",
    "endnoteReference",
    "commentReference",
    "pPrChange",
];

fn body_text(
    xml: &str,
    styles: &Styles,
    mut numbering: Numbering,
) -> std::result::Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut paras: Vec<Para> = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    // Depth inside elements whose content is skipped, and inside a run (where `w:tab` is a
    // character, not a tab stop).
    let mut skip = 0usize;
    let mut in_run = 0usize;
    let mut in_ppr = 0usize;
    let mut in_numpr = false;
    let mut in_text = false;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = local(&e);
                if skip > 0 || SKIPPED.contains(&name.as_str()) {
                    skip += 1;
                    continue;
                }
                match name.as_str() {
                    "p" => paras.push(Para::default()),
                    "r" => in_run += 1,
                    "pPr" => in_ppr += 1,
                    "numPr" if in_ppr > 0 => in_numpr = true,
                    "t" => in_text = true,
                    "tbl" => tables.push(Table::default()),
                    "tc" => {
                        if let Some(t) = tables.last_mut() {
                            t.cell.clear();
                        }
                    }
                    _ => empty_element(&e, &name, in_run, in_ppr, in_numpr, &mut paras),
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let name = local(&e);
                if name == "p" {
                    // An empty paragraph still takes its line.
                    finish_paragraph(
                        Para::default(),
                        styles,
                        &mut numbering,
                        &mut tables,
                        &mut out,
                    );
                    continue;
                }
                empty_element(&e, &name, in_run, in_ppr, in_numpr, &mut paras);
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_string();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match name.as_str() {
                    "p" => {
                        if let Some(p) = paras.pop() {
                            finish_paragraph(p, styles, &mut numbering, &mut tables, &mut out);
                        }
                    }
                    "r" => in_run = in_run.saturating_sub(1),
                    "pPr" => in_ppr = in_ppr.saturating_sub(1),
                    "numPr" => in_numpr = false,
                    "t" => in_text = false,
                    "tc" => {
                        if let Some(t) = tables.last_mut() {
                            let cell = std::mem::take(&mut t.cell);
                            t.cells.push(cell.trim().replace(['\n', '\t'], " "));
                        }
                    }
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            let row = std::mem::take(&mut t.cells);
                            if row.iter().any(|c| !c.is_empty()) {
                                t.rows.push(row.join("\t"));
                            }
                        }
                    }
                    "tbl" => {
                        if let Some(t) = tables.pop() {
                            match tables.last_mut() {
                                // A table inside a cell: its rows go into that cell's text.
                                Some(outer) => {
                                    let inner = t.rows.join(" ").replace('\t', " ");
                                    push_piece(&mut outer.cell, &inner);
                                }
                                None => {
                                    for row in t.rows {
                                        out.push_str(&row);
                                        out.push('\n');
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) if in_text && skip == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&t);
                }
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let (Some(p), Some(c)) = (paras.last_mut(), c) {
                    p.text.push(c);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Paragraph properties and the characters that are elements: tabs, breaks, hyphens.
fn empty_element(
    e: &BytesStart,
    name: &str,
    in_run: usize,
    in_ppr: usize,
    in_numpr: bool,
    paras: &mut [Para],
) {
    let Some(p) = paras.last_mut() else { return };
    if in_ppr > 0 {
        match name {
            "pStyle" => p.style = attr(e, "val"),
            "numId" if in_numpr => {
                let lvl = p.num.as_ref().and_then(|n| n.1);
                p.num = Some((attr(e, "val"), lvl));
            }
            "ilvl" if in_numpr => {
                let id = p.num.take().and_then(|n| n.0);
                p.num = Some((id, attr(e, "val").and_then(|v| v.parse().ok())));
            }
            "outlineLvl" => p.outline = attr(e, "val").and_then(|v| v.parse().ok()),
            _ => {}
        }
        return;
    }
    if in_run == 0 {
        return;
    }
    match name {
        "tab" => p.text.push('\t'),
        // Page and column breaks are layout; a line break is a new line.
        "br" if attr(e, "type").is_none_or(|t| t == "textWrapping") => p.text.push('\n'),
        "cr" => p.text.push('\n'),
        "noBreakHyphen" => p.text.push('-'),
        _ => {}
    }
}

/// Text joined into a cell: a space between pieces (the normaliser drops it next to Chinese).
fn push_piece(cell: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(piece);
}

fn finish_paragraph(
    p: Para,
    styles: &Styles,
    numbering: &mut Numbering,
    tables: &mut [Table],
    out: &mut String,
) {
    let (style_num, style_level) = p
        .style
        .as_deref()
        .map(|id| style_props(styles, id))
        .unwrap_or((None, None));
    // Direct numbering wins over the style's; `numId` 0 switches numbering off.
    let num = match (p.num, style_num) {
        (Some((Some(id), lvl)), style) => Some((id, lvl.or(style.map(|s| s.1)).unwrap_or(0))),
        (Some((None, Some(lvl))), Some((id, _))) => Some((id, lvl)),
        (_, style) => style,
    };
    let label = num
        .filter(|(id, _)| id != "0")
        .and_then(|(id, lvl)| numbering.next_label(&id, lvl));
    let mut text = match label {
        Some(label) if !p.text.trim().is_empty() => format!("{label}{}", p.text.trim_start()),
        _ => p.text,
    };
    let level = p.outline.map(|l| l + 1).or(style_level).filter(|&l| l <= 9);
    // A heading the reader knows by its style but not by a number gets Markdown's mark, the
    // outline's way of reading unnumbered headings.
    if let Some(level) = level
        && !text.trim().is_empty()
        && !heading::starts_like_heading(text.trim())
    {
        text = format!("{} {}", "#".repeat(level.min(6)), text.trim());
    }
    if let Some(t) = tables.last_mut() {
        push_piece(&mut t.cell, &text);
        return;
    }
    out.push_str(&text);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    /// A DOCX in memory with the given parts (stored, not compressed).
    pub(crate) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = Vec::new();
        {
            let mut z = zip::ZipWriter::new(Cursor::new(&mut buf));
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            for (name, body) in parts {
                z.start_file(*name, opts).unwrap();
                z.write_all(body.as_bytes()).unwrap();
            }
            z.finish().unwrap();
        }
        buf
    }

    fn document(ns: &str, body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>"#
        )
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn numbered(num: u32, lvl: u32, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    fn read(parts: &[(&str, &str)]) -> String {
        let bytes = package(parts);
        assert!(is_docx(&bytes));
        extract("t.docx", &bytes).unwrap()
    }

    #[test]
    fn automatic_numbering_shows_as_the_reader_sees_it() {
        let body = [
            numbered(1, 0, "过去一年工作回顾"),
            numbered(1, 1, "经济运行稳中有进"),
            numbered(1, 2, "Growth held up"),
            numbered(1, 2, "Jobs rose"),
            numbered(1, 1, "改革开放持续深化"),
            numbered(2, 0, "要点"),
            numbered(1, 0, "今年主要任务"),
            numbered(1, 1, "扩大内需"),
        ]
        .concat();
        let text = read(&[
            ("word/document.xml", &document(W, &body)),
            ("word/numbering.xml", NUMBERING),
        ]);
        assert_eq!(
            text,
            "一、过去一年工作回顾\n（一）经济运行稳中有进\n1. Growth held up\n2. Jobs rose\n（二）改革开放持续深化\n要点\n二、今年主要任务\n（一）扩大内需\n"
        );
    }

    #[test]
    fn tables_are_rows_and_footnotes_and_deletions_are_left_out() {
        let body = format!(
            "{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>{}",
            p("二、主要指标"),
            p("指标"),
            p("2024年"),
            p("地区生产总值"),
            p("（亿元）"),
            p("1234.5"),
            r#"<w:p><w:r><w:t xml:space="preserve">增长5.2%</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:del><w:r><w:delText>左右</w:delText></w:r></w:del><w:r><w:t>。</w:t></w:r></w:p>"#
        );
        let text = read(&[("word/document.xml", &document(W, &body))]);
        assert_eq!(
            text,
            "二、主要指标\n指标\t2024年\n地区生产总值 （亿元）\t1234.5\n增长5.2%。\n"
        );
    }

    #[test]
    fn strict_namespace_and_heading_styles() {
        let styles = format!(
            r#"<w:styles xmlns:w="{STRICT}"><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="My sub"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>"#
        );
        let body = format!(
            r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>Overview</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Sub"/></w:pPr><w:r><w:t>Results &amp; outlook</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一、总体情况</w:t></w:r></w:p>{}"#,
            p("Text &#8211; more.")
        );
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
        let text = read(&[
            ("_rels/.rels", rels),
            ("word/document.xml", &document(STRICT, &body)),
            ("word/styles.xml", &styles),
        ]);
        assert_eq!(
            text,
            "# Overview\n## Results & outlook\n一、总体情况\nText – more.\n"
        );
    }

    #[test]
    fn counting_formats() {
        assert_eq!(chinese_counting(1), "一");
        assert_eq!(chinese_counting(10), "十");
        assert_eq!(chinese_counting(12), "十二");
        assert_eq!(chinese_counting(20), "二十");
        assert_eq!(chinese_counting(105), "一百零五");
        assert_eq!(chinese_counting(110), "一百一十");
        assert_eq!(format_number(3, "chineseLegalSimplified"), "叁");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
    }

    #[test]
    fn damaged_packages_are_one_line_errors() {
        let good = package(&[("word/document.xml", &document(W, &p("一、总体情况")))]);
        for cut in [30, good.len() / 2, good.len() - 10] {
            let bytes = &good[..cut];
            if let Err(e) = super::super::to_text("t.docx", bytes, None) {
                assert!(!e.to_string().contains('\n'), "{e}");
            }
        }
        let broken = package(&[("word/document.xml", "<w:document><w:body><w:p><w:t>a</w:p>")]);
        let e = extract("t.docx", &broken).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("t.docx: cannot read this DOCX: broken XML"),
            "{e}"
        );
        let workbook = package(&[
            (
                "_rels/.rels",
                r#"<Relationships><Relationship Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            ("xl/workbook.xml", "<workbook/>"),
        ]);
        assert!(!is_docx(&workbook));
    }
}

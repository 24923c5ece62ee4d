//! Tables: rows of a report's tables, one paragraph a row, read by their columns. English
//! tables first; Chinese tables, with their unit headers and column headings, below.
//!
//! A header such as `(in millions)`, `(dollars in millions)`, `($ in millions, except per
//! share data)` or `in $ millions` scales the rows below it, until the table ends at the
//! next paragraph of prose. A row is a label followed by cells: amounts (`$ 394,328`,
//! `383,285`, `(565)`, `—`) and changes (`8 %`, `(3) %`). The first amount is the current
//! year's (filings put it first), so a row gives one level under its label and, when it has
//! a change column, one growth figure: `Total net sales $ 383,285 (3) % $ 394,328 8 % $
//! 365,817` is total net sales of $383,285 million, down 3%. Prior-year columns are not read
//! as figures of the report's year.
//!
//! A label that is only a line of its own (`iPhone (1)`) names the row of amounts after it;
//! a group line ending in a colon (`Net sales:`, `Earnings per share:`) completes the short
//! labels of its rows (`Products` → `products net sales`) until a `Total` row closes it.
//!
//! Every paragraph is looked at once, in reading order, with a handful of regular
//! expressions: linear in the text.

use std::sync::LazyLock;

use regex::Regex;

use super::number::Quantity;
use crate::model::Role;

/// A header that scales the table below it: `(in millions)`, `(dollars in millions)`,
/// `($ in millions`, `(net income in millions`, `in $ millions`.
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((?P<c1>US\$|S\$|\$|€|£|¥|dollars)?[^()]{0,30}?\bin\s+(?:(?P<c2>US\$|S\$|\$|€|£|¥)\s*)?(?P<s1>thousands|millions|billions)\b|\bin\s+(?P<c3>US\$|S\$|\$|€|£|¥)\s*(?P<s2>thousands|millions|billions)\b").unwrap()
});

/// One cell of a row: an amount (`$ 394,328`, `(565)`, `—`) or a change (`8 %`).
static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<cur>US\$|S\$|\$|€|£|¥)\s?)?(?:(?P<neg>\()(?P<n1>[0-9][0-9,]*(?:\.[0-9]+)?)\)|(?P<n2>[0-9][0-9,]*(?:\.[0-9]+)?)|(?P<dash>[—–-]))(?:\s?(?P<pct>%))?(?:\s+|$)").unwrap()
});

/// The scale a header gives share counts (`shares in thousands`, `number of shares, which
/// are reflected in thousands`).
static SHARES_SCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"shares\b[^()]{0,40}?\bin\s+(thousands|millions|billions)\b").unwrap()
});

/// Nouns that name a quantity by themselves (`Net income`, `Total net sales`): a row label
/// ending in one does not take its group's label (`data/vocab/en-quantity-nouns.txt`).
static QUANTITY_NOUNS: LazyLock<Vec<&str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../../data/vocab/en-quantity-nouns.txt")));

/// A footnote marker at the end of a label (`iPhone (1)`).
static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\([0-9a-z]\)\s*$").unwrap());

/// The most words a row label has; longer text before the cells is prose.
const MAX_LABEL_WORDS: usize = 10;
/// The most characters a paragraph of a table has; a longer one is prose and ends the table.
const MAX_ROW_CHARS: usize = 200;

/// What the current table's header says.
#[derive(Debug, Clone)]
struct Header {
    /// The multiplier of every amount (10⁶ for `in millions`).
    scale: f64,
    /// The currency the header names, if any.
    currency: Option<&'static str>,
    /// `except per share`: amounts with decimals (per-share data) are not scaled.
    except_per_share: bool,
    /// `except number of shares … in thousands`: rows about shares count shares.
    shares_scale: Option<f64>,
}

/// The state of table reading across the paragraphs of one report.
#[derive(Debug, Default)]
pub(super) struct Tables {
    header: Option<Header>,
    /// A label on a line of its own, waiting for its row of amounts.
    pending: Option<String>,
    /// A group line (`Net sales:`) completing the short labels of the rows under it.
    group: Option<String>,
    /// Currency signs seen so far, for a header that names none: (`$`, `S$`).
    dollars: usize,
    singapore: usize,
    /// The current table's columns are years, newest first (a row `2023 Change 2022 Change
    /// 2021` was seen): its second amount is the prior year's. Other tables' second columns
    /// are other things (cost and fair value, shares and price).
    year_columns: bool,
    /// Tables of a Chinese report, read by their own rules.
    pub(super) zh: ZhTables,
}

/// One figure a row gives: the quantity, its label, its role, for an amount the prior-year
/// column's value in the same unit and scale (`$ 383,285 (3) % $ 394,328` → 394,328), and the
/// text to show when the cell alone does not say its unit (`7545万元` for `7545` under
/// `（单位：万元）`).
pub(super) type RowFigure = (Quantity, String, Role, Option<f64>, Option<String>);

fn currency_of(sign: &str) -> Option<&'static str> {
    match sign.to_ascii_lowercase().as_str() {
        "$" | "us$" | "dollars" => Some("USD"),
        "s$" => Some("SGD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        _ => None,
    }
}

fn scale_of(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "thousands" => 1e3,
        "millions" => 1e6,
        _ => 1e9,
    }
}

/// A cell read off a row.
enum Cell {
    Amount {
        value: Option<f64>,
        currency: Option<&'static str>,
        decimals: bool,
        start: usize,
        end: usize,
    },
    Change {
        value: f64,
        start: usize,
        end: usize,
    },
}

/// Splits a row into its label and cells, or `None` when the text is not a row: the cells
/// must run to the end and there must be two, or one with a currency sign.
fn split_row(text: &str) -> Option<(&str, Vec<Cell>)> {
    // The label ends where the cells begin: the first token from which cells run to the end.
    let mut at = 0;
    let bytes = text.as_bytes();
    loop {
        if let Some(cells) = cells_from(text, at)
            && !cells.is_empty()
        {
            return Some((text[..at].trim(), cells));
        }
        // Next token.
        let next = text[at..].find(' ')?;
        at += next;
        while at < bytes.len() && bytes[at] == b' ' {
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
    }
}

/// The cells from byte `at` to the end of `text`, if the rest is nothing but cells.
fn cells_from(text: &str, at: usize) -> Option<Vec<Cell>> {
    let mut out = Vec::new();
    let mut i = at;
    while i < text.len() {
        let c = CELL.captures(&text[i..])?;
        let whole = c.get(0).unwrap();
        let start = i;
        let end = i + whole.as_str().trim_end().len();
        let digits = c.name("n1").or(c.name("n2"));
        let value = digits.and_then(|d| super::number::arabic_number(d.as_str()));
        let value = value.map(|v| if c.name("neg").is_some() { -v } else { v });
        if c.name("pct").is_some() {
            out.push(Cell::Change {
                value: value?,
                start,
                end,
            });
        } else {
            out.push(Cell::Amount {
                value,
                currency: c.name("cur").and_then(|m| currency_of(m.as_str())),
                decimals: digits.is_some_and(|d| d.as_str().contains('.')),
                start,
                end,
            });
        }
        i += whole.len();
    }
    let amounts = out
        .iter()
        .filter(|c| matches!(c, Cell::Amount { .. }))
        .count();
    let signed = out.iter().any(|c| {
        matches!(
            c,
            Cell::Amount {
                currency: Some(_),
                ..
            }
        )
    });
    (out.len() >= 2 || signed && amounts == 1).then_some(out)
}

/// The years of a line of column headings made of years and `Change` only (`2023 Change
/// 2022 Change 2021`, `2023 2022`).
fn year_heading(text: &str) -> Option<Vec<u32>> {
    let mut years = Vec::new();
    for w in text.split_whitespace() {
        match w.parse::<u32>() {
            Ok(y) if (1900..2100).contains(&y) && w.len() == 4 => years.push(y),
            _ if w.eq_ignore_ascii_case("change") => {}
            _ => return None,
        }
    }
    (years.len() >= 2).then_some(years)
}

/// Whether a row of column years runs newest first (`2023 Change 2022`).
fn newest_first(cells: &[Cell]) -> bool {
    let years: Vec<f64> = cells
        .iter()
        .filter_map(|c| match c {
            Cell::Amount { value, .. } => *value,
            _ => None,
        })
        .collect();
    years.len() >= 2 && years.windows(2).all(|w| w[0] > w[1])
}

/// A row of column years (`2023 Change 2022 Change 2021`): no figures.
fn years_row(cells: &[Cell]) -> bool {
    cells.iter().all(|c| {
        matches!(c, Cell::Amount { value: Some(v), currency: None, decimals: false, .. }
            if (1900.0..2100.0).contains(v))
    })
}

impl Tables {
    /// Reads one paragraph of an English report. `Some` when it is a row of a table (its
    /// figures, perhaps none, replace the sentence reading), `None` for prose.
    pub(super) fn row(&mut self, text: &str) -> Option<Vec<RowFigure>> {
        self.singapore += text.matches("S$").count();
        self.dollars += text.matches('$').count();
        let header = HEADER.captures(text);
        if let Some(h) = &header {
            let sign = h.name("c1").or(h.name("c2")).or(h.name("c3"));
            let scale = scale_of(h.name("s1").or(h.name("s2")).unwrap().as_str());
            let lower = text.to_lowercase();
            let except = lower.find("except").map_or("", |e| &lower[e..]);
            // `except number of shares, which are reflected in thousands`, `shares in
            // thousands`: share counts have their own scale; `except number of shares`
            // alone leaves them as written.
            let shares_scale = SHARES_SCALE
                .captures(&lower)
                .map(|c| scale_of(&c[1]))
                .or_else(|| except.contains("shares").then_some(1.0));
            self.header = Some(Header {
                scale,
                currency: sign.and_then(|m| currency_of(m.as_str())),
                except_per_share: except.contains("per share")
                    || except.contains("per-share")
                    || except.contains("per common share"),
                shares_scale,
            });
            self.pending = None;
            self.group = None;
            self.year_columns = false;
            // A header line (`(In millions)`) or a sentence introducing the table.
            return None;
        }
        let trimmed = text.trim();
        // `2023 Change 2022 Change 2021`: the columns are years, perhaps with their changes.
        if let Some(years) = year_heading(trimmed) {
            self.year_columns = years.len() >= 2 && years.windows(2).all(|w| w[0] > w[1]);
            return Some(Vec::new());
        }
        let lead = text.len() - text.trim_start().len();
        // Long paragraphs are prose; the length cap also bounds the search for cells.
        let row = (trimmed.len() <= MAX_ROW_CHARS)
            .then(|| split_row(trimmed))
            .flatten()
            .filter(|(label, _)| label.split_whitespace().count() <= MAX_LABEL_WORDS);
        let Some((label, cells)) = row else {
            self.non_row(trimmed);
            return None;
        };
        if years_row(&cells) {
            self.year_columns = newest_first(&cells);
            return Some(Vec::new());
        }
        let own = clean_label(label);
        let named = if own.is_empty() {
            self.pending.take().unwrap_or_default()
        } else {
            self.pending = None;
            own
        };
        let total = named.starts_with("total ");
        let label = match &self.group {
            Some(g)
                if !total
                    && !named.is_empty()
                    && named.split(' ').count() <= 4
                    && !named
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| QUANTITY_NOUNS.contains(&w)) =>
            {
                format!("{named} {g}")
            }
            _ => named,
        };
        if total {
            self.group = None;
        }
        let mut figures = self.figures(&label, &cells);
        for (q, _, _, _, _) in &mut figures {
            q.start += lead;
            q.number_start += lead;
            q.end += lead;
        }
        Some(figures)
    }

    /// A paragraph that is not a row: a label line, a group line, or prose ending the table.
    fn non_row(&mut self, text: &str) {
        let words = text.split_whitespace().count();
        let has_digits = FOOTNOTE
            .replace(text, "")
            .bytes()
            .any(|b| b.is_ascii_digit());
        if self.header.is_some() && words <= 8 && !has_digits && !text.ends_with('.') {
            if let Some(g) = text.strip_suffix(':') {
                self.group = Some(group_label(g));
                self.pending = None;
            } else {
                self.pending = Some(clean_label(text));
            }
            return;
        }
        self.pending = None;
        // Prose ends the table; column headings (`Years ended`, `September 30,`) do not.
        if words > 8 || text.ends_with('.') {
            self.header = None;
            self.group = None;
            self.year_columns = false;
        }
    }

    /// The figures of one row: the first amount and the first change.
    fn figures(&self, label: &str, cells: &[Cell]) -> Vec<RowFigure> {
        let mut out = Vec::new();
        if label.is_empty() {
            return out;
        }
        let amount_first = cells.iter().position(|c| matches!(c, Cell::Amount { .. }));
        let shares_row = label.contains("shares");
        if let Some(Cell::Amount {
            value: Some(value),
            currency,
            decimals,
            start,
            end,
        }) = amount_first.map(|i| &cells[i])
        {
            let header = self.header.as_ref();
            let shares = header.and_then(|h| h.shares_scale).filter(|_| shares_row);
            let (unit, scale, role) = if let Some(s) = shares {
                ("", s, Role::Count)
            } else {
                let unit = header
                    .and_then(|h| h.currency)
                    .or(*currency)
                    .or(header.map(|_| self.default_currency()));
                let per_share = header.is_some_and(|h| h.except_per_share) && *decimals;
                let scale = if per_share {
                    1.0
                } else {
                    header.map_or(1.0, |h| h.scale)
                };
                (unit.unwrap_or(""), scale, Role::Level)
            };
            // The next amount is the prior year's when the columns are years, newest first.
            let prior = amount_first.filter(|_| self.year_columns).and_then(|i| {
                cells[i + 1..].iter().find_map(|c| match c {
                    Cell::Amount { value, .. } => Some(value.map(|v| v * scale)),
                    _ => None,
                })
            });
            // Bare numbers outside a scaled table are not amounts.
            if !unit.is_empty() || shares.is_some() {
                out.push((
                    quantity(*start, *end, *value * scale, unit, role == Role::Count),
                    label.to_string(),
                    role,
                    prior.flatten(),
                    None,
                ));
            }
        }
        // The first change column: the change of the current year when it follows an amount,
        // the level itself (a rate) in a row of percentages only.
        if let Some(Cell::Change { value, start, end }) =
            cells.iter().find(|c| matches!(c, Cell::Change { .. }))
        {
            let role = if amount_first.is_some() {
                Role::Growth
            } else {
                Role::Level
            };
            out.push((
                quantity(*start, *end, *value, "%", false),
                label.to_string(),
                role,
                None,
                None,
            ));
        }
        out
    }

    fn default_currency(&self) -> &'static str {
        if self.singapore * 2 > self.dollars {
            "SGD"
        } else {
            "USD"
        }
    }
}

fn quantity(start: usize, end: usize, value: f64, unit: &str, counted: bool) -> Quantity {
    Quantity {
        start,
        number_start: start,
        end,
        value,
        unit: unit.to_string(),
        qualifier: None,
        counted,
    }
}

/// A row label as a label: footnote markers and a final colon off, lower case.
fn clean_label(label: &str) -> String {
    let t = FOOTNOTE.replace(label, "");
    t.trim().trim_end_matches(':').trim().to_lowercase()
}

/// A group line as the head of its rows' labels: `Net sales by category` → `net sales`.
fn group_label(g: &str) -> String {
    let l = clean_label(g);
    match l.find(" by ") {
        Some(at) => l[..at].to_string(),
        None => l,
    }
}

// Chinese tables.
//
// A Chinese report's table reaches the figures as one paragraph a row, its cells run together
// the way the normaliser writes Chinese text (`行政规范性文件0 5 5`: the label, then one bare
// number a column). A row's numbers carry no unit; the table says it once, in a unit header
// (`（单位：万元）` on a line of its own or in a column heading) or in the column headings
// themselves (`本年制发件数`, `处理决定数量`). The column headings name the columns either by
// year (`2024年 2023年`, `本年 上年`: the newest is the report's figure, the next its prior
// year's) or by quantity (`本年制发件数 本年废止件数 现行有效件数`: one figure a column,
// labelled by the row and the column). A table whose columns cannot be told apart (headings
// missing, or more columns than headings) gives no figures rather than figures with the
// wrong labels.
//
// A table starts at a header (a short line with a unit, or whose headings name quantities or
// years) and ends at prose, at the next section, or at the next header after its rows.

/// A unit header: `单位：万元`, `（单位：件）`, `单位: 亿元`.
static ZH_UNIT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]?\s*单位\s*[：:]\s*(?P<unit>[^）)\s，,；;。]+)\s*[）)]?").unwrap()
});

/// A row of a Chinese table: a label, then bare numbers to the end of the paragraph.
static ZH_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<label>.*?)\s*(?P<cells>-?[0-9][0-9,]*(?:\.[0-9]+)?(?:\s+-?[0-9][0-9,]*(?:\.[0-9]+)?)*)$").unwrap()
});

/// One number of a Chinese row.
static ZH_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"-?[0-9][0-9,]*(?:\.[0-9]+)?").unwrap());

/// Column headings that are years, at the end of a header row (`指标2024年2023年`, `本年上年`).
static ZH_YEAR_COLUMNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:19|20)[0-9]{2}\s*年?度?|本年|上年|去年|本期|上期|上年同期|同期)+$").unwrap()
});
static ZH_YEAR_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<year>(?:19|20)[0-9]{2})\s*年?度?|(?P<now>本年|本期)|(?P<before>上年同期|上年|去年|上期|同期)").unwrap()
});

/// A unit in brackets at the end of a label or a column heading (`地区生产总值（亿元）`).
static ZH_BRACKET_UNIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(](?P<unit>[^（）()]{1,6})[）)]$").unwrap());

/// The heading of the row labels' column (`data/vocab/zh-table-stub-heads.txt`).
static STUB_HEADS: LazyLock<Vec<&str>> =
    LazyLock::new(|| crate::vocab::lines(include_str!("../../data/vocab/zh-table-stub-heads.txt")));

/// Characters that end the name of a quantity in a column heading (`件数`, `数量`, `金额`,
/// `总量`): where one stands before another heading's first character, one column's heading
/// ends and the next begins.
const ZH_QUANTITY_ENDS: [char; 3] = ['数', '量', '额'];

/// The most characters a paragraph of a Chinese table has; a longer one is prose.
const MAX_ZH_ROW_CHARS: usize = 120;

/// How a Chinese table's columns of figures are named.
#[derive(Debug, Clone, Default)]
enum ZhColumns {
    /// Nothing tells the columns apart.
    #[default]
    Unknown,
    /// Years, in column order: the calendar year, or 0 for `本年` and −1 for `上年`.
    Years(Vec<i32>),
    /// Quantities, in column order (`制发件数`, `废止件数`).
    Named(Vec<String>),
}

/// What the current Chinese table's header said.
#[derive(Debug, Clone, Default)]
struct ZhTable {
    /// The table's unit (`万元`, `件`), from its unit header.
    unit: Option<String>,
    columns: ZhColumns,
    /// Rows read since the header.
    rows: usize,
}

/// The state of Chinese table reading across the paragraphs of one report.
#[derive(Debug, Default)]
pub(super) struct ZhTables {
    table: Option<ZhTable>,
    /// The section the table stands in; a table never runs into the next heading's section.
    section: Vec<String>,
}

/// The value of a number with `unit` after it, as the prose reader reads `7730.28万元`: the
/// multiplier applied and the base unit left (`万元` → ×10⁴ `元`). `None` when `unit` is no
/// unit the reader knows.
fn zh_quantity(number: &str, unit: &str) -> Option<Quantity> {
    if unit.is_empty() {
        let value = super::number::arabic_number(number)?;
        return Some(quantity(0, 0, value, "", true));
    }
    let written = format!("{number}{unit}");
    let q = super::number::scan_zh(&written).into_iter().next()?;
    (q.start == 0 && q.end == written.len()).then_some(q)
}

/// Whether `unit` is a unit the prose reader knows (`万元`, `件`, `%`).
fn known_unit(unit: &str) -> bool {
    zh_quantity("1", unit).is_some()
}

/// Splits column headings run together (`本年制发件数本年废止件数现行有效件数`) after each
/// quantity's last character; `None` unless the last heading also ends so.
fn quantity_headings(text: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let next = chars.get(i + 1);
        if ZH_QUANTITY_ENDS.contains(&c) && next.is_none_or(|n| !ZH_QUANTITY_ENDS.contains(n)) {
            out.push(std::mem::take(&mut current));
        }
    }
    (current.is_empty() && !out.is_empty()).then_some(out)
}

/// A column heading as part of a label: time words of this year off the front (`本年处理决定
/// 数量` → `处理决定数量`: the column is this year's).
fn column_name(heading: &str) -> String {
    let h = heading.trim();
    h.strip_prefix("本年")
        .or_else(|| h.strip_prefix("本期"))
        .unwrap_or(h)
        .to_string()
}

/// Reads a header row: its unit and how it names the columns. `None` when the line is no
/// header (it names no unit, no quantities and no years).
fn zh_header(text: &str) -> Option<ZhTable> {
    let mut rest = text.to_string();
    let mut unit = None;
    if let Some(c) = ZH_UNIT_HEADER.captures(text) {
        let u = c["unit"].to_string();
        // `单位：亿元、%` gives each row one of several units: none is the table's.
        if known_unit(&u) && !u.contains(['、', '/', '，']) {
            unit = Some(u);
        }
        rest = format!(
            "{}{}",
            &text[..c.get(0).unwrap().start()],
            &text[c.get(0).unwrap().end()..]
        );
    }
    let rest = rest.trim();
    let rest = STUB_HEADS
        .iter()
        .find_map(|h| rest.strip_prefix(h))
        .unwrap_or(rest)
        .trim();
    let columns = if let Some(m) = ZH_YEAR_COLUMNS.find(rest) {
        let years: Vec<i32> = ZH_YEAR_COLUMN
            .captures_iter(m.as_str())
            .map(|c| match (c.name("year"), c.name("now")) {
                (Some(y), _) => y.as_str().parse().unwrap_or(0),
                (None, Some(_)) => 0,
                _ => -1,
            })
            .collect();
        // Calendar years and `本年`/`上年` are not mixed; two columns at least.
        let calendar = years.iter().filter(|&&y| y > 0).count();
        if years.len() >= 2 && (calendar == 0 || calendar == years.len()) {
            ZhColumns::Years(years)
        } else {
            ZhColumns::Unknown
        }
    } else if let Some(names) = quantity_headings(rest) {
        ZhColumns::Named(names.iter().map(|n| column_name(n)).collect())
    } else {
        ZhColumns::Unknown
    };
    (unit.is_some() || !matches!(columns, ZhColumns::Unknown)).then_some(ZhTable {
        unit,
        columns,
        rows: 0,
    })
}

/// A row label joined with a column's name, the words they share said once (`行政事业性收费` +
/// `收费金额` → `行政事业性收费金额`).
fn join_label(row: &str, column: &str) -> String {
    let overlap = (1..=column.chars().count().min(row.chars().count()))
        .rev()
        .find(|&n| {
            let head: String = column.chars().take(n).collect();
            row.ends_with(&head) && n < column.chars().count()
        })
        .unwrap_or(0);
    let tail: String = column.chars().skip(overlap).collect();
    format!("{row}{tail}")
}

/// The unit a column heading names: in brackets (`金额（万元）`), or the measure word before
/// its `数` (`件数` → `件`); a bare count (`数量`) has none.
fn heading_unit(name: &str) -> Option<String> {
    if let Some(c) = ZH_BRACKET_UNIT.captures(name)
        && known_unit(&c["unit"])
    {
        return Some(c["unit"].to_string());
    }
    let stem = name
        .strip_suffix("数量")
        .or_else(|| name.strip_suffix('数'))?;
    let word = stem.chars().next_back()?.to_string();
    Some(if known_unit(&word) {
        word
    } else {
        String::new()
    })
}

impl ZhTables {
    /// Reads one paragraph of a Chinese report in section `section`. `Some` when it is a row
    /// of a table with a header (its figures, perhaps none, replace the sentence reading),
    /// `None` for anything else.
    pub(super) fn row(&mut self, text: &str, section: &[String]) -> Option<Vec<RowFigure>> {
        if self.section != section {
            // A report outlined by paragraph makes each paragraph a section titled by its
            // first sentence; only a section with a heading of its own ends the table.
            let own_title = section
                .last()
                .is_some_and(|t| text.trim_start().starts_with(t.trim_end_matches('…')));
            if !own_title {
                self.table = None;
            }
            self.section = section.to_vec();
        }
        let trimmed = text.trim();
        let long = trimmed.chars().count() > MAX_ZH_ROW_CHARS;
        let prose = long || trimmed.contains(['。', '；', '！', '？']);
        if prose {
            self.table = None;
            return None;
        }
        let row = ZH_ROW.captures(trimmed);
        let Some(row) = row else {
            // A header starts a table, or, before the first row, adds to the header above it
            // (`（单位：万元）` over `指标2024年2023年`); any other short line (a group label, a
            // table's title) leaves the table open.
            if let Some(header) = zh_header(trimmed) {
                self.table = Some(match self.table.take() {
                    Some(t) if t.rows == 0 => ZhTable {
                        unit: header.unit.or(t.unit),
                        columns: match header.columns {
                            ZhColumns::Unknown => t.columns,
                            c => c,
                        },
                        rows: 0,
                    },
                    _ => header,
                });
            }
            return None;
        };
        let table = self.table.as_mut()?;
        table.rows += 1;
        let label_text = row.name("label").map_or("", |m| m.as_str()).trim();
        let cells_at = row.name("cells").unwrap().start() + (text.len() - text.trim_start().len());
        let cells: Vec<(usize, &str)> = ZH_CELL
            .find_iter(&text[cells_at..])
            .map(|m| (cells_at + m.start(), m.as_str()))
            .collect();
        Some(table.figures(label_text, &cells))
    }
}

impl ZhTable {
    /// The figures of one row: `cells` are each number's byte offset and text.
    fn figures(&self, label: &str, cells: &[(usize, &str)]) -> Vec<RowFigure> {
        let mut out = Vec::new();
        // The row's own unit in brackets (`地区生产总值（亿元）`) wins over the table's.
        let (label, row_unit) = match ZH_BRACKET_UNIT.captures(label) {
            Some(c) if known_unit(&c["unit"]) => (
                label[..c.get(0).unwrap().start()].trim(),
                Some(c["unit"].to_string()),
            ),
            _ => (label, None),
        };
        // List numbers (`（一）`, `1.`) order the rows; they are not what is measured.
        let label = crate::heading::chinese_numbering(label)
            .map_or(label, |n| &label[n.rest_start..])
            .trim();
        if label.is_empty() || !label.chars().any(crate::script::is_han) {
            return out;
        }
        let unit = row_unit.as_deref().or(self.unit.as_deref());
        let mut push = |at: usize, number: &str, unit: &str, label: String, prior: Option<f64>| {
            if let Some(mut q) = zh_quantity(number, unit) {
                q.start = at;
                q.number_start = at;
                q.end = at + number.len();
                q.qualifier = None;
                let role = if q.counted { Role::Count } else { Role::Level };
                // Shown with the unit its header gives: `7545` under `（单位：万元）` is `7545万元`.
                let shown = (!unit.is_empty()).then(|| format!("{number}{unit}"));
                out.push((q, label, role, prior, shown));
            }
        };
        match &self.columns {
            ZhColumns::Years(years) if years.len() == cells.len() => {
                let Some(unit) = unit else { return out };
                let newest = (0..years.len()).max_by_key(|&i| (years[i], usize::MAX - i));
                let Some(newest) = newest else { return out };
                // The prior year's column: the newest of the years before.
                let prior = (0..years.len())
                    .filter(|&i| years[i] < years[newest])
                    .max_by_key(|&i| (years[i], usize::MAX - i))
                    .and_then(|i| zh_quantity(cells[i].1, unit))
                    .map(|q| q.value);
                let (at, number) = cells[newest];
                push(at, number, unit, label.to_string(), prior);
            }
            ZhColumns::Named(names) if names.len() == cells.len() => {
                for (&(at, number), name) in cells.iter().zip(names) {
                    // A column of last year's values is not a figure of the report's year.
                    if ["上年", "去年", "上期"].iter().any(|w| name.starts_with(w)) {
                        continue;
                    }
                    let column_unit = heading_unit(name);
                    let Some(u) = unit.map(str::to_string).or(column_unit) else {
                        continue;
                    };
                    push(at, number, &u, join_label(label, name), None);
                }
            }
            // One column needs no heading to be told apart.
            _ if cells.len() == 1 => {
                let Some(u) = unit else { return out };
                let (at, number) = cells[0];
                push(at, number, u, label.to_string(), None);
            }
            _ => {}
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Figure, Role};

    fn figures(text: &str) -> Vec<Figure> {
        let doc = crate::parse_text("t", text, crate::OutlineOptions::default()).unwrap();
        super::super::extract::extract(&doc)
    }

    fn find<'a>(figures: &'a [Figure], label: &str) -> &'a Figure {
        figures
            .iter()
            .find(|f| f.label == label)
            .unwrap_or_else(|| panic!("no figure {label}: {figures:#?}"))
    }

    /// The statistics tables of an open-information report as the PDF reader writes them
    /// (Hongze 2024): a header naming the columns by quantity, one with the unit in it.
    const OPEN_INFO: &str = "一、总体情况\n2024年，全区受理政府信息公开申请17件，均在法定期限答复。\n\
二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数本年废止件数现行有效件数\n\
规章\t0\t0\t0\n行政规范性文件\t3\t0\t8\n第二十条第（五）项\t\n信息内容\t本年处理决定数量\n\
行政许可\t9487\n第二十条第（八）项\t\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t7545\n\
三、收到和处理政府信息公开申请情况\n自然人\t社会法律\t总计\n（一）予以公开\t50 0 0 0 0 0 50\n\
四、其他需要报告的事项\n全年收取政府信息公开信息处理费0元。\n";

    #[test]
    fn chinese_table_cells_take_the_unit_and_names_of_their_headers() {
        let f = figures(OPEN_INFO);
        let filed = find(&f, "行政规范性文件制发件数");
        assert_eq!((filed.value, filed.unit.as_str()), (3.0, "件"));
        assert_eq!(filed.role, Role::Count);
        assert_eq!(find(&f, "行政规范性文件现行有效件数").value, 8.0);
        assert_eq!(find(&f, "规章废止件数").value, 0.0);
        // `数量` counts without a measure word.
        let permits = find(&f, "行政许可处理决定数量");
        assert_eq!((permits.value, permits.unit.as_str()), (9487.0, ""));
        // `（单位：万元）` scales the cell; the heading's `收费` is said once.
        let fees = find(&f, "行政事业性收费金额");
        assert_eq!((fees.value, fees.unit.as_str()), (7545e4, "元"));
        assert_eq!(fees.role, Role::Level);
        // Shown with the unit its header gives.
        assert_eq!(fees.text, "7545万元");
        assert_eq!(filed.text, "3件");
        // The table of requests names no unit and no quantity per column: no figures.
        assert!(f.iter().all(|x| !x.label.contains("予以公开")), "{f:#?}");
        // Prose keeps its own reading.
        assert_eq!(find(&f, "受理政府信息公开申请").value, 17.0);
        assert_eq!(find(&f, "收取政府信息公开信息处理费").unit, "元");
        assert_eq!(f.len(), 10, "{f:#?}");
    }

    #[test]
    fn year_columns_give_this_year_and_the_prior_year() {
        let text = "一、主要指标\n（单位：亿元）\n指标\t2024年\t2023年\n地区生产总值\t1234.5\t1100.2\n\
一般公共预算收入（万元）\t56789\t50000\n全年经济运行总体平稳。\n二、其他\n本年\t上年\n\
社会消费品零售总额\t200\t180\n";
        let f = figures(text);
        let gdp = find(&f, "地区生产总值");
        assert_eq!((gdp.value, gdp.unit.as_str()), (1234.5e8, "元"));
        assert_eq!(gdp.prior, Some(1100.2e8));
        assert_eq!(gdp.text, "1234.5亿元");
        // A row's own unit in brackets wins over the table's.
        let revenue = find(&f, "一般公共预算收入");
        assert_eq!((revenue.value, revenue.prior), (56789e4, Some(50000e4)));
        // `本年 上年` without a unit names no unit: no figures.
        assert_eq!(f.len(), 2, "{f:#?}");
        // Several units in the header: the rows' units are not known.
        let mixed = "一、主要指标\n（单位：亿元、%）\n指标\t2024年\t2023年\n地区生产总值\t1234.5\t1100.2\n\
增长率\t5.2\t5.0\n二、其他\n正文。\n三、附件\n正文。\n";
        assert!(figures(mixed).is_empty(), "{:#?}", figures(mixed));
    }

    #[test]
    fn a_chinese_table_ends_at_prose_and_at_the_next_section() {
        let text = "一、收费情况\n（单位：万元）\n行政事业性收费\t7545\n\
全年收费总体平稳，较上年有所下降。\n行政事业性收费\t100\n二、罚没情况\n（单位：万元）\n罚没收入\t30\n\
三、其他情况\n行政强制\t5\n";
        let f = figures(text);
        let values: Vec<f64> = f.iter().map(|x| x.value).collect();
        assert_eq!(values, [7545e4, 30e4], "{f:#?}");
    }

    #[test]
    fn headings_run_together_split_after_each_quantity() {
        assert_eq!(
            super::quantity_headings("本年制发件数本年废止件数现行有效件数").unwrap(),
            ["本年制发件数", "本年废止件数", "现行有效件数"]
        );
        assert_eq!(
            super::quantity_headings("处理决定数量").unwrap(),
            ["处理决定数量"]
        );
        assert!(super::quantity_headings("自然人社会法律总计").is_none());
        assert_eq!(
            super::join_label("行政事业性收费", "收费金额"),
            "行政事业性收费金额"
        );
        assert_eq!(super::join_label("规章", "制发件数"), "规章制发件数");
    }
}

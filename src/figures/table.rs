//! Tables in English text: rows of a filing's tables, one paragraph a row.
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
}

/// One figure a row gives: the quantity, its label, its role and, for an amount, the
/// prior-year column's value in the same unit and scale (`$ 383,285 (3) % $ 394,328` → 394,328).
pub(super) type RowFigure = (Quantity, String, Role, Option<f64>);

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
        for (q, _, _, _) in &mut figures {
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

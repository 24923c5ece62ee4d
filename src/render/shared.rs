//! Helpers every renderer may use: counts as a list, widths, colours, amounts and the
//! order figure pairs are read in. Renderers share code through this module only, never
//! through each other.

#[cfg(feature = "term")]
use console::Style;

use crate::model::{FigurePair, FigureStatus, Indicator, Outcome, Trend, Verdict};

/// Counts as `3 edited, 1 not reported`: only the non-zero ones, or `none`.
pub fn count_list(rows: &[(&str, usize)]) -> String {
    let shown: Vec<String> = rows
        .iter()
        .filter(|&&(_, n)| n > 0)
        .map(|&(k, n)| format!("{n} {}", k.replace('_', " ")))
        .collect();
    if shown.is_empty() {
        "none".to_string()
    } else {
        shown.join(", ")
    }
}

/// Styles used by the terminal renderers; all plain when colour is off.
#[cfg(feature = "term")]
pub(crate) struct Palette {
    pub dim: Style,
    pub bold: Style,
    pub heading: Style,
    pub item: Style,
    pub deleted: Style,
    pub inserted: Style,
    pub changed: Style,
    pub moved: Style,
    pub new: Style,
    pub dropped: Style,
    pub name: Style,
}

#[cfg(feature = "term")]
impl Palette {
    pub fn new(color: bool) -> Palette {
        let s = |st: Style| st.force_styling(color);
        Palette {
            dim: s(Style::new().dim()),
            bold: s(Style::new().bold()),
            heading: s(Style::new().bold().cyan()),
            item: s(Style::new()),
            deleted: s(Style::new().red().strikethrough()),
            inserted: s(Style::new().green().underlined()),
            changed: s(Style::new().yellow().bold()),
            moved: s(Style::new().cyan().bold()),
            new: s(Style::new().green()),
            dropped: s(Style::new().red()),
            name: s(Style::new().bold().underlined()),
        }
    }
}

/// Cuts `text` to at most `width` display columns, adding `…` when cut.
#[cfg(feature = "term")]
pub fn truncate(text: &str, width: usize) -> String {
    use crate::script::display_width;

    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A number in a unit, short: Chinese amounts in `万`/`亿`, others with thousands separators.
pub fn format_amount(value: f64, unit: &str) -> String {
    let abs = value.abs();
    let sign = if value < 0.0 { "-" } else { "" };
    let han_unit = unit.chars().next().is_some_and(crate::script::is_han);
    let body = match unit {
        "%" | "pp" | "‰" => format!("{}{unit}", trim_number(abs)),
        "rank" => trim_number(abs),
        "USD" => format!("${}", english_scale(abs)),
        "SGD" => format!("S${}", english_scale(abs)),
        _ if han_unit || unit.is_empty() => {
            let (v, m) = if abs >= 1e12 {
                (abs / 1e12, "万亿")
            } else if abs >= 1e8 {
                (abs / 1e8, "亿")
            } else if abs >= 1e4 {
                (abs / 1e4, "万")
            } else {
                (abs, "")
            };
            format!("{}{m}{unit}", trim_number(v))
        }
        _ => format!("{} {unit}", english_scale(abs)),
    };
    format!("{sign}{body}")
}

fn english_scale(v: f64) -> String {
    if v >= 1e9 {
        format!("{} billion", trim_number(v / 1e9))
    } else if v >= 1e6 {
        format!("{} million", trim_number(v / 1e6))
    } else {
        trim_number(v)
    }
}

/// Up to two decimals, without trailing zeros (`3.80` → `3.8`, `5.00` → `5`).
fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The change column: absolute change in the report's units, and the relative change.
pub fn change_text(p: &FigurePair) -> String {
    let Some(c) = p.change else {
        return String::new();
    };
    if c.absolute == 0.0 {
        return "=".to_string();
    }
    let unit = if p.unit == "%" { "pp" } else { p.unit.as_str() };
    let mut s = format_amount(c.absolute, unit);
    if c.absolute > 0.0 {
        s.insert(0, '+');
    }
    if let Some(r) = c.relative {
        s.push_str(&format!(" ({:+.1}%)", r * 100.0));
    }
    s
}

/// Figure pairs sorted for reading: changed, new, dropped, unchanged; reading order within.
pub fn sorted_figures(pairs: &[FigurePair]) -> Vec<&FigurePair> {
    let mut sorted: Vec<&FigurePair> = pairs.iter().collect();
    sorted.sort_by_key(|p| status_rank(p.status));
    sorted
}

fn status_rank(s: FigureStatus) -> u8 {
    match s {
        FigureStatus::Changed => 0,
        FigureStatus::New => 1,
        FigureStatus::Dropped => 2,
        FigureStatus::Unchanged => 3,
    }
}

/// A column of a trend table: an edition, or the years missing between two editions, shown
/// as a column of their own so that a gap is never read as one year following another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrendColumn {
    /// The edition at this index of `Trend::editions`.
    Edition(usize),
    /// Years with no edition.
    Gap(Vec<i32>),
}

/// The columns of a trend table, oldest first, with gaps where years are missing.
pub fn trend_columns(t: &Trend) -> Vec<TrendColumn> {
    let mut out = vec![TrendColumn::Edition(0)];
    for s in &t.steps {
        if !s.missing_years.is_empty() {
            out.push(TrendColumn::Gap(s.missing_years.clone()));
        }
        out.push(TrendColumn::Edition(s.new));
    }
    out
}

/// Years as a short range: `2020`, `2020–2021`.
pub fn years_text(years: &[i32]) -> String {
    match years {
        [] => String::new(),
        [y] => y.to_string(),
        [a, .., b] => format!("{a}–{b}"),
    }
}

/// The heading of a trend column: the edition's year (or source), or the missing years.
pub fn column_heading(t: &Trend, c: &TrendColumn) -> String {
    match c {
        TrendColumn::Edition(i) => t.edition_name(*i),
        TrendColumn::Gap(years) => format!("{} (no edition)", years_text(years)),
    }
}

/// What an outcome cell says: the value reported and the verdict, or why there is none.
pub fn outcome_text(o: &Outcome) -> String {
    match o {
        Outcome::Checked {
            outcome: Some(f),
            verdict,
        } => format!("{} {}", f.text, verdict_word(*verdict)),
        Outcome::Checked { outcome: None, .. } => "not reported".to_string(),
        Outcome::Gap => "gap".to_string(),
        Outcome::Pending => "pending".to_string(),
    }
}

/// A verdict as a word for a table cell.
pub fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "met",
        Verdict::Missed => "missed",
        Verdict::NotReported => "not reported",
        Verdict::Unclear => "unclear",
    }
}

/// The kind of a row of a trend table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The figure each edition gives.
    Value,
    /// The target each edition sets for its year.
    Target,
    /// What the next edition reports for that target.
    Outcome,
}

impl RowKind {
    /// The name used in tables and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Value => "value",
            RowKind::Target => "target",
            RowKind::Outcome => "outcome",
        }
    }
}

/// The rows an indicator takes in a trend table, with one cell per column of
/// [`trend_columns`] (empty in gap columns): targets get a target and an outcome row, other
/// indicators one value row.
/// `outcome` writes an outcome cell ([`outcome_text`], or a shorter form).
pub fn indicator_rows(
    d: &Indicator,
    columns: &[TrendColumn],
    outcome: fn(&Outcome) -> String,
) -> Vec<(RowKind, Vec<String>)> {
    let value = |i: usize| {
        d.values[i]
            .as_ref()
            .map_or(String::new(), |f| f.text.clone())
    };
    let cells = |f: &dyn Fn(usize) -> String| -> Vec<String> {
        columns
            .iter()
            .map(|c| match c {
                TrendColumn::Edition(i) => f(*i),
                TrendColumn::Gap(_) => String::new(),
            })
            .collect()
    };
    if d.outcomes.is_empty() {
        return vec![(RowKind::Value, cells(&value))];
    }
    let outcome = |i: usize| d.outcomes[i].as_ref().map_or(String::new(), outcome);
    vec![
        (RowKind::Target, cells(&value)),
        (RowKind::Outcome, cells(&outcome)),
    ]
}

/// The label, or a placeholder so that an unnamed figure still shows as a row.
pub fn label_or_unnamed(label: &str) -> &str {
    if label.trim().is_empty() {
        "(unnamed)"
    } else {
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_the_report() {
        assert_eq!(format_amount(18_097_000_000.0, "元"), "180.97亿元");
        assert_eq!(format_amount(1.5e11, "元"), "1500亿元");
        assert_eq!(format_amount(3.8e12, "元"), "3.8万亿元");
        assert_eq!(format_amount(-0.5, "pp"), "-0.5pp");
        assert_eq!(format_amount(11_000.0, "家"), "1.1万家");
        assert_eq!(format_amount(37_400_000_000.0, "USD"), "$37.4 billion");
        assert_eq!(format_amount(3.0, "rank"), "3");
    }
}

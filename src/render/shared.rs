//! Helpers every renderer may use: counts as a list, widths, colours, amounts and the
//! order figure pairs are read in. Renderers share code through this module only, never
//! through each other.

#[cfg(feature = "term")]
use console::Style;

use crate::model::{FigurePair, FigureStatus};

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

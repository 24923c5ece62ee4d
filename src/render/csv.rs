//! CSV output of a trend, for spreadsheets: one row per indicator and row kind, one column per
//! edition (and one empty column per missing year, so that a chart drawn from a row shows the
//! gap).
//!
//! Fields follow RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes
//! doubled; lines end with CRLF. The file starts with a UTF-8 byte-order mark, without which
//! Excel reads UTF-8 as the local code page and the Chinese labels come out garbled. A text
//! field that starts with `=`, `+`, `-` or `@` gets a leading `'`, so that no spreadsheet runs
//! report text as a formula; numbers are written as numbers.

use std::io::{self, Write};

use super::shared::{TrendColumn, column_heading, trend_columns, years_text};
use crate::model::{Indicator, Outcome, Trend};

/// Quotes one text field.
pub fn field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn number(v: f64) -> String {
    // `Display` for f64 never uses an exponent and round-trips, which spreadsheets read.
    format!("{v}")
}

fn line<W: Write>(out: &mut W, fields: &[String]) -> io::Result<()> {
    out.write_all(fields.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// Writes the indicators of a trend. Row kinds: `value` and `value_text` (the number in the
/// unit, and the figure as written) for indicators; `target`, `target_text`, `outcome`,
/// `outcome_text` and `verdict` (`met`, `missed`, `not_reported`, `unclear`, `gap`,
/// `pending`) for targets.
pub fn write_trend<W: Write>(out: &mut W, t: &Trend) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let columns = trend_columns(t);
    let mut head: Vec<String> = ["label", "role", "unit", "row"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for c in &columns {
        head.push(field(&match c {
            TrendColumn::Gap(years) => format!("{} (no edition)", years_text(years)),
            _ => column_heading(t, c),
        }));
    }
    line(out, &head)?;
    for d in &t.indicators {
        for (row, cells) in rows(d, &columns) {
            let mut fields = vec![
                field(&d.label),
                field(d.role.as_str()),
                field(&d.unit),
                row.to_string(),
            ];
            fields.extend(cells);
            line(out, &fields)?;
        }
    }
    Ok(())
}

type Cell<'a> = &'a dyn Fn(usize) -> String;

fn rows(d: &Indicator, columns: &[TrendColumn]) -> Vec<(&'static str, Vec<String>)> {
    let per = |f: Cell| -> Vec<String> {
        columns
            .iter()
            .map(|c| match c {
                TrendColumn::Edition(i) => f(*i),
                TrendColumn::Gap(_) => String::new(),
            })
            .collect()
    };
    let value = |i: usize| {
        d.values[i]
            .as_ref()
            .map_or(String::new(), |f| number(f.value))
    };
    let text = |i: usize| {
        d.values[i]
            .as_ref()
            .map_or(String::new(), |f| field(&f.text))
    };
    if d.outcomes.is_empty() {
        return vec![("value", per(&value)), ("value_text", per(&text))];
    }
    let reported = |i: usize| match &d.outcomes[i] {
        Some(Outcome::Checked {
            outcome: Some(f), ..
        }) => Some(f),
        _ => None,
    };
    let outcome = |i: usize| reported(i).map_or(String::new(), |f| number(f.value));
    let outcome_text = |i: usize| reported(i).map_or(String::new(), |f| field(&f.text));
    let verdict = |i: usize| match &d.outcomes[i] {
        Some(Outcome::Checked { verdict, .. }) => verdict.as_str().to_string(),
        Some(Outcome::Gap) => "gap".to_string(),
        Some(Outcome::Pending) => "pending".to_string(),
        _ => String::new(),
    };
    vec![
        ("target", per(&value)),
        ("target_text", per(&text)),
        ("outcome", per(&outcome)),
        ("outcome_text", per(&outcome_text)),
        ("verdict", per(&verdict)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_guarded() {
        assert_eq!(field("国内生产总值"), "国内生产总值");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-5%"), "'-5%");
        assert_eq!(number(18_097_000_000.0), "18097000000");
        assert_eq!(number(-2.6), "-2.6");
    }
}

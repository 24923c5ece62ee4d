//! The trend as Markdown: targets against outcomes, indicators year by year, initiatives and
//! parts, in GFM tables with one column per edition and a column for each gap.

use std::io::{self, Write};

use super::escape;
use crate::model::{Indicator, Trend};
use crate::render::shared::{
    RowKind, TrendColumn, column_heading, indicator_rows, label_or_unnamed, outcome_text,
    trend_columns, years_text,
};

fn header(t: &Trend, columns: &[TrendColumn], first: &[&str]) -> String {
    let mut s = String::from("|");
    for f in first {
        s.push_str(&format!(" {f} |"));
    }
    for c in columns {
        s.push_str(&format!(" {} |", escape(&column_heading(t, c))));
    }
    s.push_str("\n|");
    for _ in first {
        s.push_str("---|");
    }
    for _ in columns {
        s.push_str("---:|");
    }
    s.push('\n');
    s
}

fn cells(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| format!(" {} |", escape(c)))
        .collect::<String>()
}

/// Writes the whole trend as a Markdown report.
pub fn write_trend<W: Write>(out: &mut W, t: &Trend) -> io::Result<()> {
    let columns = trend_columns(t);
    let name = if t.series.trim().is_empty() {
        "Series"
    } else {
        t.series.trim()
    };
    let first = t.edition_name(0);
    let last = t.edition_name(t.editions.len() - 1);
    writeln!(
        out,
        "# {}: {} → {}\n",
        escape(name),
        escape(&first),
        escape(&last)
    )?;
    let sources: Vec<String> = t.editions.iter().map(|e| escape(&e.source)).collect();
    writeln!(
        out,
        "{} editions: {}\n",
        t.editions.len(),
        sources.join(" · ")
    )?;
    for s in t.steps.iter().filter(|s| !s.is_consecutive()) {
        writeln!(
            out,
            "> **Gap:** no edition for {}. The targets of {} are not checked: the {} edition reviews another year.\n",
            years_text(&s.missing_years),
            escape(&t.edition_name(s.old)),
            escape(&t.edition_name(s.new))
        )?;
    }

    let (targets, others): (Vec<&Indicator>, Vec<&Indicator>) =
        t.indicators.iter().partition(|d| !d.outcomes.is_empty());
    writeln!(out, "## Targets and outcomes\n")?;
    writeln!(
        out,
        "Each column is a year: the target that year's edition set in its plan, and what the next edition's review reports for it.\n"
    )?;
    if targets.is_empty() {
        writeln!(out, "No targets followed across editions.\n")?;
    } else {
        write!(out, "{}", header(t, &columns, &["indicator", "row"]))?;
        for d in &targets {
            for (kind, row) in indicator_rows(d, &columns, outcome_text) {
                let label = if kind == RowKind::Target {
                    escape(label_or_unnamed(&d.label))
                } else {
                    String::new()
                };
                writeln!(out, "| {label} | {} |{}", kind.as_str(), cells(&row))?;
            }
        }
        writeln!(out)?;
    }

    writeln!(
        out,
        "## Indicators in two or more editions ({})\n",
        others.len()
    )?;
    if !others.is_empty() {
        write!(out, "{}", header(t, &columns, &["indicator", "role"]))?;
        for d in &others {
            for (_, row) in indicator_rows(d, &columns, outcome_text) {
                writeln!(
                    out,
                    "| {} | {} |{}",
                    escape(label_or_unnamed(&d.label)),
                    d.role.as_str(),
                    cells(&row)
                )?;
            }
        }
        writeln!(out)?;
    }

    let shown: Vec<_> = t
        .initiatives
        .iter()
        .filter(|i| i.present.iter().filter(|&&x| x).count() >= 2 || !i.events.is_empty())
        .collect();
    writeln!(
        out,
        "## Initiatives named in two or more editions, or renamed ({} of {})\n",
        shown.len(),
        t.initiatives.len()
    )?;
    if !shown.is_empty() {
        write!(out, "| initiative |")?;
        for c in &columns {
            write!(out, " {} |", escape(&column_heading(t, c)))?;
        }
        writeln!(out, " changes |")?;
        write!(out, "|---|")?;
        for _ in &columns {
            write!(out, ":---:|")?;
        }
        writeln!(out, "---|")?;
        for i in shown {
            write!(out, "| {} |", escape(&i.name))?;
            for c in &columns {
                let mark = match c {
                    TrendColumn::Edition(e) if i.present[*e] => "●",
                    _ => "",
                };
                write!(out, " {mark} |")?;
            }
            let events: Vec<String> = i
                .events
                .iter()
                .map(|e| {
                    format!(
                        "{}: {} {} → {}",
                        escape(&t.edition_name(e.edition)),
                        e.status.as_str(),
                        escape(&e.old_name),
                        escape(&e.new_name)
                    )
                })
                .collect();
            writeln!(out, " {} |", events.join("; "))?;
        }
        writeln!(out)?;
    }

    writeln!(out, "## Parts\n")?;
    for (i, e) in t.editions.iter().enumerate() {
        let parts: Vec<String> = e.parts.iter().map(|p| escape(p)).collect();
        writeln!(
            out,
            "- **{}**: {}",
            escape(&t.edition_name(i)),
            if parts.is_empty() {
                "(no numbered parts)".to_string()
            } else {
                parts.join(" · ")
            }
        )?;
        let Some(step) = t.steps.get(i) else { continue };
        if !step.is_consecutive() {
            writeln!(
                out,
                "- *no edition for {}*",
                years_text(&step.missing_years)
            )?;
        }
        for c in &step.parts {
            let what = match (c.old.is_empty(), c.new.is_empty()) {
                (true, _) => escape(&c.new.join(" + ")),
                (_, true) => escape(&c.old.join(" + ")),
                _ => format!(
                    "{} → {}",
                    escape(&c.old.join(" + ")),
                    escape(&c.new.join(" + "))
                ),
            };
            writeln!(out, "  - *{}*: {what}", c.kind.as_str())?;
        }
    }
    Ok(())
}

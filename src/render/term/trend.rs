//! The trend in a terminal: targets against outcomes, indicators year by year, initiatives
//! from first to last mention, and the top-level parts.
//!
//! Every table has one column per edition, and a column of its own for missing years, so a
//! gap in the series is never read as one year following the next.

use std::io::{self, Write};

use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

use crate::model::{Indicator, Outcome, Trend, Verdict};
use crate::render::TermOptions;
use crate::render::shared::{
    Palette, RowKind, TrendColumn, column_heading, indicator_rows, label_or_unnamed, trend_columns,
    years_text,
};

fn table(opts: TermOptions, header: Vec<String>) -> Table {
    let mut t = Table::new();
    t.load_style(comfy_table::presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width.min(u16::MAX as usize) as u16)
        .set_truncation_indicator("…");
    if opts.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(header);
    t
}

/// Labels are what a reader scans: keep the first column wide enough for a short label.
fn label_width(t: &mut Table) {
    if let Some(c) = t.column_mut(0) {
        c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(LABEL_COLUMNS)));
    }
}

/// The least width of the label column, in terminal columns (eight Chinese characters).
const LABEL_COLUMNS: u16 = 16;

fn headings(t: &Trend, columns: &[TrendColumn]) -> Vec<String> {
    columns
        .iter()
        .map(|c| match c {
            TrendColumn::Edition(_) => column_heading(t, c),
            TrendColumn::Gap(years) => format!("{}∅", years_text(years)),
        })
        .collect()
}

/// An outcome in a few columns: the value and a mark (see [`LEGEND`]).
fn outcome_mark(o: &Outcome) -> String {
    match o {
        Outcome::Checked {
            outcome: Some(f),
            verdict,
        } => format!(
            "{} {}",
            f.text,
            match verdict {
                Verdict::Met => "✓",
                Verdict::Missed => "✗",
                _ => "?",
            }
        ),
        Outcome::Checked { outcome: None, .. } => "–".to_string(),
        Outcome::Gap => "∅".to_string(),
        Outcome::Pending => "…".to_string(),
    }
}

/// What the marks of the outcome rows mean.
const LEGEND: &str = "✓ met · ✗ missed · ? unclear · – not reported · ∅ the next year has no edition · … newest edition, not reported yet";

fn verdict_color(o: &Option<Outcome>) -> Option<Color> {
    match o {
        Some(Outcome::Checked {
            verdict: Verdict::Met,
            ..
        }) => Some(Color::Green),
        Some(Outcome::Checked {
            verdict: Verdict::Missed,
            ..
        }) => Some(Color::Red),
        Some(Outcome::Gap) => Some(Color::Yellow),
        _ => None,
    }
}

/// The first line: the series, its editions and its gaps.
pub fn headline(t: &Trend) -> String {
    let years: Vec<String> = (0..t.editions.len()).map(|i| t.edition_name(i)).collect();
    let mut s = format!(
        "{} · {} editions: {}",
        t.series,
        t.editions.len(),
        years.join(", ")
    );
    let gaps: Vec<String> = t
        .steps
        .iter()
        .filter(|s| !s.is_consecutive())
        .map(|s| years_text(&s.missing_years))
        .collect();
    if !gaps.is_empty() {
        s.push_str(&format!(" · no edition for {}", gaps.join(", ")));
    }
    s
}

/// Writes the whole trend.
pub fn write_trend<W: Write>(out: &mut W, t: &Trend, opts: TermOptions) -> io::Result<()> {
    let p = Palette::new(opts.color);
    let columns = trend_columns(t);
    writeln!(out, "{}", p.bold.apply_to(headline(t)))?;
    writeln!(out)?;

    let (targets, others): (Vec<&Indicator>, Vec<&Indicator>) =
        t.indicators.iter().partition(|d| !d.outcomes.is_empty());
    writeln!(out, "{}", p.heading.apply_to("Targets and outcomes"))?;
    writeln!(
        out,
        "{}",
        p.dim.apply_to(
            "Each column is a year: the target that year's edition set, and what the next edition's review reports for it."
        )
    )?;
    writeln!(out, "{}", p.dim.apply_to(LEGEND))?;
    if targets.is_empty() {
        writeln!(out, "No targets followed across editions.")?;
    } else {
        let mut head = vec!["target / outcome".to_string()];
        head.extend(headings(t, &columns));
        let mut tab = table(opts, head);
        label_width(&mut tab);
        for d in &targets {
            for (kind, cells) in indicator_rows(d, &columns, outcome_mark) {
                let mut row = vec![Cell::new(if kind == RowKind::Target {
                    label_or_unnamed(&d.label).to_string()
                } else {
                    "  ↳ outcome".to_string()
                })];
                for (c, text) in columns.iter().zip(cells) {
                    let color = match (kind, c) {
                        (RowKind::Outcome, TrendColumn::Edition(i)) => {
                            verdict_color(&d.outcomes[*i])
                        }
                        _ => None,
                    };
                    row.push(match color {
                        Some(col) if opts.color => Cell::new(text).fg(col),
                        _ => Cell::new(text),
                    });
                }
                tab.add_row(row);
            }
        }
        writeln!(out, "{tab}")?;
    }
    writeln!(out)?;

    writeln!(
        out,
        "{}",
        p.heading.apply_to(format!(
            "Indicators in two or more editions ({})",
            others.len()
        ))
    )?;
    if !others.is_empty() {
        let mut head = vec!["indicator".to_string(), "role".to_string()];
        head.extend(headings(t, &columns));
        let mut tab = table(opts, head);
        label_width(&mut tab);
        for d in &others {
            for (_, cells) in indicator_rows(d, &columns, outcome_mark) {
                let mut row = vec![
                    label_or_unnamed(&d.label).to_string(),
                    d.role.as_str().into(),
                ];
                row.extend(cells);
                tab.add_row(row);
            }
        }
        writeln!(out, "{tab}")?;
    }
    writeln!(out)?;

    write_initiatives(out, t, &columns, opts, &p)?;
    write_parts(out, t, &p)
}

fn write_initiatives<W: Write>(
    out: &mut W,
    t: &Trend,
    columns: &[TrendColumn],
    opts: TermOptions,
    p: &Palette,
) -> io::Result<()> {
    let shown: Vec<_> = t
        .initiatives
        .iter()
        .filter(|i| i.present.iter().filter(|&&x| x).count() >= 2 || !i.events.is_empty())
        .collect();
    writeln!(
        out,
        "{}",
        p.heading.apply_to(format!(
            "Initiatives named in two or more editions, or renamed ({} of {})",
            shown.len(),
            t.initiatives.len()
        ))
    )?;
    if !shown.is_empty() {
        let mut head = vec!["initiative".to_string()];
        head.extend(headings(t, columns));
        head.push("changes".to_string());
        let mut tab = table(opts, head);
        label_width(&mut tab);
        for i in shown {
            let mut row = vec![i.name.clone()];
            for c in columns {
                row.push(match c {
                    TrendColumn::Edition(e) if i.present[*e] => "●".to_string(),
                    _ => String::new(),
                });
            }
            let events: Vec<String> = i
                .events
                .iter()
                .map(|e| {
                    format!(
                        "{}: {} {} → {}",
                        t.edition_name(e.edition),
                        e.status.as_str(),
                        e.old_name,
                        e.new_name
                    )
                })
                .collect();
            row.push(events.join("; "));
            tab.add_row(row);
        }
        writeln!(out, "{tab}")?;
    }
    writeln!(out)
}

fn write_parts<W: Write>(out: &mut W, t: &Trend, p: &Palette) -> io::Result<()> {
    writeln!(out, "{}", p.heading.apply_to("Parts"))?;
    for (i, e) in t.editions.iter().enumerate() {
        writeln!(out, "{}  {}", t.edition_name(i), e.parts.join(" · "))?;
        let Some(step) = t.steps.iter().find(|s| s.new == i + 1) else {
            continue;
        };
        if !step.is_consecutive() {
            writeln!(
                out,
                "{}",
                p.changed.apply_to(format!(
                    "  ∅ no edition for {}",
                    years_text(&step.missing_years)
                ))
            )?;
        }
        for c in &step.parts {
            writeln!(
                out,
                "  {} {}",
                p.dim.apply_to(format!("→ {}:", c.kind.as_str())),
                match (c.old.is_empty(), c.new.is_empty()) {
                    (true, _) => c.new.join(" + "),
                    (_, true) => c.old.join(" + "),
                    _ => format!("{} → {}", c.old.join(" + "), c.new.join(" + ")),
                }
            )?;
        }
    }
    Ok(())
}

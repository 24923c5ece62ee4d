//! Charts as hand-written SVG, each followed by a `<table>` of the same numbers.
//!
//! Two kinds, both small on purpose: grouped horizontal bars (two values per label: old and
//! new edition, or target and outcome) and a year chart (a target line against an outcome
//! line, with a shaded column where a year has no edition). Sizes are in the SVG's own units
//! (`viewBox`); the page scales the SVG to its column, so nothing has a fixed height on paper.

use std::fmt::Write as _;

use super::page::escape;
use crate::model::Verdict;
use crate::render::shared::format_amount;

/// Width of every chart, in SVG units.
const WIDTH: f64 = 760.0;
/// Room for labels left of the bars.
const LABEL_W: f64 = 250.0;
/// Room for the value written after a bar.
const VALUE_W: f64 = 110.0;
/// Longest label drawn in a chart, in characters (the table holds the whole label).
const LABEL_CHARS: usize = 18;

/// One label of a bar chart with its two values (either may be missing) as numbers and as
/// the report wrote them.
pub struct BarRow {
    /// What is measured.
    pub label: String,
    /// The two values.
    pub values: [Option<f64>; 2],
    /// The two values as written (`5.5%左右`).
    pub texts: [String; 2],
}

/// A chart heading and the names of its two series.
pub struct BarChart<'a> {
    /// The `id` of the chart's figure, for the table of contents.
    pub id: &'a str,
    /// The caption.
    pub title: &'a str,
    /// The unit every value is in.
    pub unit: &'a str,
    /// The names of the two series (`2022`, `2023`; `target`, `outcome`).
    pub series: [&'a str; 2],
    /// The rows, top to bottom.
    pub rows: &'a [BarRow],
}

fn cut(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let mut s: String = label.chars().take(LABEL_CHARS - 1).collect();
    s.push('…');
    s
}

/// Round steps (1, 2 or 5 times a power of ten) spanning `lo..=hi`, `lo` ≤ 0 ≤ `hi` allowed.
pub fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return vec![lo];
    }
    let raw = span / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| span / s <= 6.0)
        .unwrap_or(10.0 * mag);
    // From the last round step at or below `lo` to the first at or above `hi`, so that the
    // outer ticks frame every value.
    let first = (lo / step).floor() as i64;
    let last = (hi / step - 1e-9).ceil() as i64;
    // Rounding keeps 0.30000000000000004 out of the axis labels.
    let digits = (-step.log10().floor()).max(0.0) as i32;
    let f = 10f64.powi(digits);
    (first..=last.max(first + 1))
        .map(|k| (k as f64 * step * f).round() / f)
        .collect()
}

/// The value range a chart shows: the data and zero, widened to the outer ticks.
fn domain(values: impl Iterator<Item = f64>) -> (f64, f64, Vec<f64>) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi == lo {
        hi = lo + 1.0;
    }
    // A little room beyond the data, so that no point sits on the frame under its label.
    let pad = (hi - lo) * 0.06;
    let t = ticks(if lo < 0.0 { lo - pad } else { lo }, hi + pad);
    let lo = t.first().copied().unwrap_or(lo);
    let hi = t.last().copied().unwrap_or(hi);
    (lo, hi, t)
}

/// A grouped horizontal bar chart and its data table, as one `<figure>`.
pub fn bar_chart(c: &BarChart) -> String {
    let row_h = 34.0;
    let top = 34.0;
    let axis_h = 26.0;
    let height = top + row_h * c.rows.len() as f64 + axis_h;
    let plot_w = WIDTH - LABEL_W - VALUE_W;
    let (lo, hi, ticks) = domain(
        c.rows
            .iter()
            .flat_map(|r| r.values.iter().flatten().copied()),
    );
    let x = |v: f64| LABEL_W + (v - lo) / (hi - lo) * plot_w;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<figure class="chart" id="{id}"><figcaption>{title}</figcaption><svg class="bars" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="{id}-t"><title id="{id}-t">{title}</title>"#,
        id = escape(c.id),
        title = escape(c.title),
    );
    // Legend.
    for (k, name) in c.series.iter().enumerate() {
        let lx = LABEL_W + k as f64 * 170.0;
        let _ = write!(
            s,
            r#"<rect class="s{k}" x="{lx}" y="8" width="14" height="10"/><text class="legend" x="{}" y="17">{}</text>"#,
            lx + 20.0,
            escape(name)
        );
    }
    // Grid and axis.
    let bottom = top + row_h * c.rows.len() as f64;
    for t in &ticks {
        let tx = x(*t);
        let _ = write!(
            s,
            r#"<line class="{}" x1="{tx:.1}" y1="{top}" x2="{tx:.1}" y2="{bottom}"/><text class="tick" x="{tx:.1}" y="{}" text-anchor="middle">{}</text>"#,
            if *t == 0.0 { "zero" } else { "grid" },
            bottom + 16.0,
            escape(&format_amount(*t, c.unit))
        );
    }
    for (i, r) in c.rows.iter().enumerate() {
        let y0 = top + row_h * i as f64;
        let _ = write!(
            s,
            r#"<text class="label" x="{}" y="{}" text-anchor="end"><title>{label}</title>{short}</text>"#,
            LABEL_W - 8.0,
            y0 + row_h / 2.0 + 4.0,
            label = escape(&r.label),
            short = escape(&cut(&r.label)),
        );
        for k in 0..2 {
            let by = y0 + 5.0 + k as f64 * 12.0;
            match r.values[k] {
                Some(v) => {
                    let (a, b) = (x(0.0f64.max(lo)), x(v));
                    let (left, w) = if b >= a { (a, b - a) } else { (b, a - b) };
                    let _ = write!(
                        s,
                        r#"<rect class="s{k}" x="{left:.1}" y="{by:.1}" width="{:.1}" height="11"><title>{} {}: {}</title></rect><text class="value" x="{:.1}" y="{:.1}">{}</text>"#,
                        w.max(1.0),
                        escape(&r.label),
                        escape(c.series[k]),
                        escape(&r.texts[k]),
                        left + w.max(1.0) + 4.0,
                        by + 9.5,
                        escape(&r.texts[k])
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        r#"<text class="value none" x="{:.1}" y="{:.1}">{} —</text>"#,
                        x(0.0f64.max(lo)) + 4.0,
                        by + 9.5,
                        escape(c.series[k])
                    );
                }
            }
        }
    }
    s.push_str("</svg>");
    // The same numbers as a table.
    let _ = write!(
        s,
        r#"<details class="data"><summary>Data: {}</summary><table><thead><tr><th>label</th><th>{}</th><th>{}</th><th>{} value ({unit})</th><th>{} value ({unit})</th></tr></thead><tbody>"#,
        escape(c.title),
        escape(c.series[0]),
        escape(c.series[1]),
        escape(c.series[0]),
        escape(c.series[1]),
        unit = escape(unit_name(c.unit)),
    );
    for r in c.rows {
        let num = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v}"));
        let _ = write!(
            s,
            r#"<tr><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
            escape(&r.label),
            escape(&r.texts[0]),
            escape(&r.texts[1]),
            num(r.values[0]),
            num(r.values[1])
        );
    }
    s.push_str("</tbody></table></details></figure>\n");
    s
}

/// A unit as a table heading names it (an empty unit is a plain number).
fn unit_name(unit: &str) -> &str {
    if unit.is_empty() { "number" } else { unit }
}

/// One column of a year chart.
pub enum YearColumn {
    /// A year with an edition: its target and the outcome the next edition reports.
    Year {
        /// The column heading (the year).
        name: String,
        /// The target as a number and as written.
        target: Option<(f64, String)>,
        /// The outcome as a number and as written, with its verdict.
        outcome: Option<(f64, String, Verdict)>,
        /// What the outcome cell says when there is no number (`not reported`, `pending`,
        /// `gap`).
        note: String,
    },
    /// Years with no edition.
    Gap(String),
}

/// A target-against-outcome chart over the years, and its data table.
pub fn year_chart(id: &str, title: &str, unit: &str, columns: &[YearColumn]) -> String {
    let left = 90.0;
    let right = 20.0;
    let top = 34.0;
    let plot_h = 200.0;
    let axis_h = 30.0;
    let height = top + plot_h + axis_h;
    let band = (WIDTH - left - right) / columns.len().max(1) as f64;
    let values = columns.iter().flat_map(|c| match c {
        YearColumn::Year {
            target, outcome, ..
        } => vec![target.as_ref().map(|t| t.0), outcome.as_ref().map(|o| o.0)],
        YearColumn::Gap(_) => Vec::new(),
    });
    let (lo, hi, ticks) = domain(values.flatten());
    let y = |v: f64| top + plot_h - (v - lo) / (hi - lo) * plot_h;
    let cx = |i: usize| left + band * (i as f64 + 0.5);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<figure class="chart" id="{id}"><figcaption>{title}</figcaption><svg class="years" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="{id}-t"><title id="{id}-t">{title}</title>"#,
        id = escape(id),
        title = escape(title),
    );
    let _ = write!(
        s,
        r#"<line class="target" x1="{left}" y1="13" x2="{}" y2="13"/><path class="target-mark" d="{}"/><text class="legend" x="{}" y="17">target (that year's plan)</text><line class="outcome" x1="{}" y1="13" x2="{}" y2="13"/><circle class="met" cx="{}" cy="13" r="4"/><text class="legend" x="{}" y="17">outcome (next year's review): met</text><circle class="missed" cx="{}" cy="13" r="4"/><text class="legend" x="{}" y="17">missed</text>"#,
        left + 28.0,
        diamond(left + 14.0, 13.0),
        left + 34.0,
        left + 210.0,
        left + 238.0,
        left + 224.0,
        left + 244.0,
        left + 480.0,
        left + 490.0,
    );
    for (i, c) in columns.iter().enumerate() {
        if let YearColumn::Gap(name) = c {
            let x0 = left + band * i as f64;
            let _ = write!(
                s,
                r#"<rect class="gap" x="{x0:.1}" y="{top}" width="{band:.1}" height="{plot_h}"/><text class="gap-note" x="{:.1}" y="{:.1}" text-anchor="middle">no edition</text>"#,
                cx(i),
                top + plot_h / 2.0
            );
            let _ = write!(
                s,
                r#"<text class="tick" x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
                cx(i),
                top + plot_h + 18.0,
                escape(name)
            );
        }
    }
    for t in &ticks {
        let ty = y(*t);
        let _ = write!(
            s,
            r#"<line class="{}" x1="{left}" y1="{ty:.1}" x2="{}" y2="{ty:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            if *t == 0.0 { "zero" } else { "grid" },
            WIDTH - right,
            left - 6.0,
            ty + 4.0,
            escape(&format_amount(*t, unit))
        );
    }
    // Lines join neighbouring years only: never across a gap.
    let mut line = |pick: &dyn Fn(&YearColumn) -> Option<f64>, class: &str| {
        let mut d = String::new();
        let mut last: Option<usize> = None;
        for (i, c) in columns.iter().enumerate() {
            match pick(c) {
                Some(v) => {
                    let cmd = if last == Some(i.wrapping_sub(1)) {
                        'L'
                    } else {
                        'M'
                    };
                    let _ = write!(d, "{cmd}{:.1} {:.1} ", cx(i), y(v));
                    last = Some(i);
                }
                None => last = None,
            }
        }
        if !d.is_empty() {
            let _ = write!(s, r#"<path class="{class}" d="{}"/>"#, d.trim_end());
        }
    };
    let target_of = |c: &YearColumn| match c {
        YearColumn::Year {
            target: Some(t), ..
        } => Some(t.0),
        _ => None,
    };
    let outcome_of = |c: &YearColumn| match c {
        YearColumn::Year {
            outcome: Some(o), ..
        } => Some(o.0),
        _ => None,
    };
    line(&target_of, "target");
    line(&outcome_of, "outcome");
    for (i, c) in columns.iter().enumerate() {
        let YearColumn::Year {
            name,
            target,
            outcome,
            note,
        } = c
        else {
            continue;
        };
        let _ = write!(
            s,
            r#"<text class="tick" x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
            cx(i),
            top + plot_h + 18.0,
            escape(name)
        );
        if let Some((v, text)) = target {
            let _ = write!(
                s,
                r#"<path class="target-mark" d="{}"><title>{} target: {}</title></path>"#,
                diamond(cx(i), y(*v)),
                escape(name),
                escape(text)
            );
        }
        match outcome {
            Some((v, text, verdict)) => {
                let class = match verdict {
                    Verdict::Met => "met",
                    Verdict::Missed => "missed",
                    _ => "unclear",
                };
                let _ = write!(
                    s,
                    r#"<circle class="{class}" cx="{:.1}" cy="{:.1}" r="5"><title>{} outcome: {} ({})</title></circle><text class="value" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                    cx(i),
                    y(*v),
                    escape(name),
                    escape(text),
                    verdict.as_str().replace('_', " "),
                    cx(i),
                    y(*v) + 18.0,
                    escape(text)
                );
            }
            None if target.is_some() && !note.is_empty() => {
                let _ = write!(
                    s,
                    r#"<text class="value none" x="{:.1}" y="{:.1}" text-anchor="middle"><title>{}</title>{}</text>"#,
                    cx(i),
                    top + plot_h - 6.0,
                    escape(note),
                    escape(short_note(note))
                );
            }
            None => {}
        }
    }
    s.push_str("</svg>");
    let _ = write!(
        s,
        r#"<details class="data"><summary>Data: {}</summary><table><thead><tr><th>year</th><th>target</th><th>target value ({unit})</th><th>outcome</th><th>outcome value ({unit})</th><th>verdict</th></tr></thead><tbody>"#,
        escape(title),
        unit = escape(unit_name(unit)),
    );
    for c in columns {
        match c {
            YearColumn::Gap(name) => {
                let _ = write!(
                    s,
                    r#"<tr class="gap"><td>{}</td><td colspan="5">no edition</td></tr>"#,
                    escape(name)
                );
            }
            YearColumn::Year {
                name,
                target,
                outcome,
                note,
            } => {
                let (tt, tv) = target
                    .as_ref()
                    .map_or((String::new(), String::new()), |(v, t)| {
                        (escape(t), format!("{v}"))
                    });
                let (ot, ov, verdict) = outcome.as_ref().map_or(
                    (String::new(), String::new(), escape(note)),
                    |(v, t, verdict)| {
                        (
                            escape(t),
                            format!("{v}"),
                            verdict.as_str().replace('_', " "),
                        )
                    },
                );
                let _ = write!(
                    s,
                    r#"<tr><td>{}</td><td>{tt}</td><td class="num">{tv}</td><td>{ot}</td><td class="num">{ov}</td><td>{verdict}</td></tr>"#,
                    escape(name)
                );
            }
        }
    }
    s.push_str("</tbody></table></details></figure>\n");
    s
}

/// A note short enough for one year's column of a chart (the table keeps the whole note).
fn short_note(note: &str) -> &str {
    if note.starts_with("not reported") {
        "no report"
    } else if note.starts_with("gap") {
        "gap"
    } else {
        note
    }
}

fn diamond(x: f64, y: f64) -> String {
    format!(
        "M{:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z",
        x,
        y - 6.0,
        x + 6.0,
        y,
        x,
        y + 6.0,
        x - 6.0,
        y
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(ticks(0.0, 8.1), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(0.0, 8.0), [0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(-2.6, 5.0), [-4.0, -2.0, 0.0, 2.0, 4.0, 6.0]);
        assert_eq!(ticks(0.0, 0.3), [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
        let big = ticks(0.0, 1.21e14);
        assert_eq!(big.first(), Some(&0.0));
        assert!(*big.last().unwrap() >= 1.21e14);
    }

    #[test]
    fn bars_escape_labels_and_keep_the_numbers_in_a_table() {
        let rows = [BarRow {
            label: "a<b>&\"c\"".to_string(),
            values: [Some(5.5), Some(5.0)],
            texts: ["5.5%左右".to_string(), "5%左右".to_string()],
        }];
        let html = bar_chart(&BarChart {
            id: "c1",
            title: "Targets",
            unit: "%",
            series: ["2022", "2023"],
            rows: &rows,
        });
        assert!(html.contains("a&lt;b&gt;&amp;&quot;c&quot;"), "{html}");
        assert!(!html.contains("a<b>"));
        assert!(html.contains(r#"<td class="num">5.5</td><td class="num">5</td>"#));
    }
}

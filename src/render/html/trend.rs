//! The trend as one page: the briefing, a target-against-outcome chart per indicator, the
//! tables year by year, initiatives and parts.

use std::fmt::Write as _;

use super::chart::{YearColumn, year_chart};
use super::page::{badge, card, count_line, end, escape, start};
use crate::model::{Indicator, Outcome, Trend, Verdict};
use crate::render::shared::{
    RowKind, TrendColumn, column_heading, indicator_rows, label_or_unnamed, outcome_text,
    trend_columns, years_text,
};

/// Most target charts drawn; the table below holds every target.
const MAX_CHARTS: usize = 16;
/// Targets followed year by year in the briefing.
const BRIEF_TARGETS: usize = 3;
/// Renames and upgrades listed in the briefing.
const BRIEF_EVENTS: usize = 8;

/// Writes a trend as one self-contained page.
pub fn write<W: std::io::Write>(out: &mut W, t: &Trend) -> std::io::Result<()> {
    let columns = trend_columns(t);
    let first = t.edition_name(0);
    let last = t.edition_name(t.editions.len() - 1);
    let name = if t.series.trim().is_empty() {
        "Series"
    } else {
        t.series.trim()
    };
    let title = format!("{name}: {first} → {last}");
    let lang = t.editions.last().map_or("zh", |e| e.lang.code());
    let targets: Vec<&Indicator> = t
        .indicators
        .iter()
        .filter(|d| !d.outcomes.is_empty())
        .collect();
    let others: Vec<&Indicator> = t
        .indicators
        .iter()
        .filter(|d| d.outcomes.is_empty())
        .collect();

    let mut toc = String::from("<ol>\n<li class=\"l1\"><a href=\"#briefing\">Briefing</a></li>\n");
    let mut body = String::new();
    let sources: Vec<String> = t
        .editions
        .iter()
        .map(|e| {
            let file = e.source.rsplit(['/', '\\']).next().unwrap_or(&e.source);
            format!(
                "<span title=\"{}\">{}</span>",
                escape(&e.source),
                escape(file)
            )
        })
        .collect();
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p class=\"meta\">{} editions: {}</p></header>",
        escape(&title),
        t.editions.len(),
        sources.join(" · ")
    );
    body.push_str(&briefing(t, &targets));

    // A chart earns its place with at least two outcomes to draw; the table has the rest.
    let charted: Vec<&&Indicator> = targets
        .iter()
        .filter(|d| outcome_count(d) >= 2)
        .take(MAX_CHARTS)
        .collect();
    if !charted.is_empty() {
        toc.push_str(
            "<li class=\"l1\"><a href=\"#charts\">Targets and outcomes, charted</a></li>\n",
        );
        body.push_str("<section id=\"charts\"><h2>Targets and outcomes, charted</h2>\n<p class=\"dim\">Each year: the target that year's edition set in its plan (dashed, ◇) and what the next edition's review reports (solid, ●). A shaded column is a year with no edition; lines do not cross it.</p>\n");
        for (k, d) in charted.iter().enumerate() {
            let id = format!("chart-{k}");
            let caption = format!("{}: target and outcome", label_or_unnamed(&d.label));
            let _ = writeln!(
                toc,
                "<li class=\"l2\"><a href=\"#{id}\">{}</a></li>",
                escape(label_or_unnamed(&d.label))
            );
            body.push_str(&year_chart(
                &id,
                &caption,
                &d.unit,
                &year_columns(t, d, &columns),
            ));
        }
        body.push_str("</section>\n");
    }

    toc.push_str("<li class=\"l1\"><a href=\"#targets\">Targets and outcomes</a></li>\n");
    body.push_str("<section id=\"targets\"><h2>Targets and outcomes, year by year</h2>\n<p class=\"dim\">Each column is a year: the target that year's edition set, and what the next edition's review reports for it.</p>\n");
    if targets.is_empty() {
        body.push_str("<p>No targets followed across editions.</p>\n");
    } else {
        body.push_str(&table(t, &columns, &targets, true));
    }
    body.push_str("</section>\n");

    toc.push_str("<li class=\"l1\"><a href=\"#indicators\">Indicators</a></li>\n");
    let _ = writeln!(
        body,
        "<section id=\"indicators\"><h2>Indicators in two or more editions ({})</h2>",
        others.len()
    );
    if others.is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        body.push_str(&table(t, &columns, &others, false));
    }
    body.push_str("</section>\n");

    toc.push_str("<li class=\"l1\"><a href=\"#initiatives\">Initiatives</a></li>\n");
    body.push_str(&initiatives(t, &columns));
    toc.push_str("<li class=\"l1\"><a href=\"#parts\">Parts and comparisons</a></li>\n");
    body.push_str(&parts(t));
    toc.push_str("</ol>\n");
    out.write_all(start(&title, lang, &toc).as_bytes())?;
    out.write_all(body.as_bytes())?;
    out.write_all(end().as_bytes())
}

fn outcome_count(d: &Indicator) -> usize {
    d.outcomes
        .iter()
        .filter(|o| {
            matches!(
                o,
                Some(Outcome::Checked {
                    outcome: Some(_),
                    ..
                })
            )
        })
        .count()
}

fn briefing(t: &Trend, targets: &[&Indicator]) -> String {
    let mut h = String::from(
        "<section id=\"briefing\" class=\"briefing\"><h2 class=\"first\">Briefing</h2>\n<div class=\"cards\">",
    );
    let (mut met, mut missed, mut silent) = (0, 0, 0);
    for d in targets {
        for o in d.outcomes.iter().flatten() {
            match o {
                Outcome::Checked {
                    verdict: Verdict::Met,
                    ..
                } => met += 1,
                Outcome::Checked {
                    verdict: Verdict::Missed,
                    ..
                } => missed += 1,
                Outcome::Checked {
                    verdict: Verdict::NotReported,
                    ..
                } => silent += 1,
                _ => {}
            }
        }
    }
    h.push_str(&card(&t.editions.len().to_string(), "editions"));
    let gaps: Vec<String> = t
        .steps
        .iter()
        .filter(|s| !s.is_consecutive())
        .map(|s| years_text(&s.missing_years))
        .collect();
    if !gaps.is_empty() {
        h.push_str(&card(&gaps.join(", "), "no edition (a gap)"));
    }
    h.push_str(&card(&format!("{met} / {missed}"), "targets met / missed"));
    h.push_str(&card(
        &silent.to_string(),
        "targets the next edition does not report on",
    ));
    h.push_str(&card(
        &t.indicators.len().to_string(),
        "indicators followed",
    ));
    h.push_str(&card(
        &t.initiatives.len().to_string(),
        "initiatives followed",
    ));
    h.push_str("</div>\n<h3>Most important changes</h3>\n<ul class=\"findings\">\n");
    for s in t.steps.iter().filter(|s| !s.is_consecutive()) {
        let _ = writeln!(
            h,
            "<li>{} <b>No edition for {}</b>: the {} targets are not checked, since the {} edition reviews another year.</li>",
            badge("gap"),
            years_text(&s.missing_years),
            escape(&t.edition_name(s.old)),
            escape(&t.edition_name(s.new))
        );
    }
    for d in targets
        .iter()
        .filter(|d| d.has_outcomes())
        .take(BRIEF_TARGETS)
    {
        let years: Vec<String> = (0..t.editions.len())
            .filter_map(|i| {
                let target = d.values[i].as_ref()?;
                let o = d.outcomes[i].as_ref().map_or(String::new(), |o| {
                    format!(" → {}", escape(&outcome_text(o)))
                });
                Some(format!(
                    "{} {}{o}",
                    escape(&t.edition_name(i)),
                    escape(&target.text)
                ))
            })
            .collect();
        let _ = writeln!(
            h,
            "<li><b>{}</b>: {}</li>",
            escape(label_or_unnamed(&d.label)),
            years.join("; ")
        );
    }
    let missed_list: Vec<String> = targets
        .iter()
        .flat_map(|d| {
            (0..t.editions.len()).filter_map(move |i| match &d.outcomes[i] {
                Some(Outcome::Checked {
                    verdict: Verdict::Missed,
                    outcome,
                }) => Some(format!(
                    "{} {} ({} → {})",
                    escape(&t.edition_name(i)),
                    escape(label_or_unnamed(&d.label)),
                    escape(d.values[i].as_ref().map_or("", |f| f.text.as_str())),
                    escape(outcome.as_ref().map_or("—", |f| f.text.as_str()))
                )),
                _ => None,
            })
        })
        .collect();
    if !missed_list.is_empty() {
        let _ = writeln!(
            h,
            "<li>{} <b>Targets missed</b>: {}</li>",
            badge("missed"),
            missed_list.join("; ")
        );
    }
    // Parts added and removed (renames are mostly the year in the title); the Parts table
    // has every change.
    let mut parts: Vec<String> = Vec::new();
    for s in &t.steps {
        for c in &s.parts {
            let heads = match c.kind {
                crate::model::PairKind::Added => &c.new,
                crate::model::PairKind::Removed => &c.old,
                _ => continue,
            };
            parts.push(format!(
                "{} {} → {}: {}",
                badge(c.kind.as_str()),
                escape(&t.edition_name(s.old)),
                escape(&t.edition_name(s.new)),
                escape(&heads.join(" + "))
            ));
        }
    }
    if !parts.is_empty() {
        let _ = writeln!(
            h,
            "<li><b>Top-level parts added and removed</b> (<a href=\"#parts\">all part changes</a>): {}</li>",
            parts.join("; ")
        );
    }
    let mut events: Vec<(usize, String)> = t
        .initiatives
        .iter()
        .flat_map(|i| &i.events)
        .map(|e| {
            (
                e.edition,
                format!(
                    "{} {}: {} → {}",
                    badge(e.status.as_str()),
                    escape(&t.edition_name(e.edition)),
                    escape(&e.old_name),
                    escape(&e.new_name)
                ),
            )
        })
        .collect();
    events.sort_by_key(|(e, _)| *e);
    if !events.is_empty() {
        let more = events.len().saturating_sub(BRIEF_EVENTS);
        let list: Vec<String> = events
            .into_iter()
            .take(BRIEF_EVENTS)
            .map(|(_, s)| s)
            .collect();
        let _ = writeln!(
            h,
            "<li><b>Initiatives renamed or upgraded</b> (<a href=\"#initiatives\">all initiatives</a>): {}{}</li>",
            list.join("; "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    h.push_str("</ul>\n</section>\n");
    h
}

fn year_columns(t: &Trend, d: &Indicator, columns: &[TrendColumn]) -> Vec<YearColumn> {
    columns
        .iter()
        .map(|c| match c {
            TrendColumn::Gap(years) => YearColumn::Gap(years_text(years)),
            TrendColumn::Edition(i) => {
                let target = d.values[*i].as_ref().map(|f| (f.value, f.text.clone()));
                let (outcome, note) = match &d.outcomes[*i] {
                    Some(Outcome::Checked {
                        outcome: Some(f),
                        verdict,
                    }) => (Some((f.value, f.text.clone(), *verdict)), String::new()),
                    Some(o) => (None, outcome_text(o)),
                    None => (None, String::new()),
                };
                YearColumn::Year {
                    name: t.edition_name(*i),
                    target,
                    outcome,
                    note,
                }
            }
        })
        .collect()
}

fn table(t: &Trend, columns: &[TrendColumn], list: &[&Indicator], targets: bool) -> String {
    let mut h =
        String::from("<div class=\"wide\"><table class=\"trend\"><thead><tr><th>indicator</th>");
    h.push_str(if targets {
        "<th>row</th>"
    } else {
        "<th>role</th>"
    });
    for c in columns {
        let class = if matches!(c, TrendColumn::Gap(_)) {
            "num gap"
        } else {
            "num"
        };
        let head = match c {
            TrendColumn::Gap(years) => format!(
                "{}<br><small>no edition</small>",
                escape(&years_text(years))
            ),
            _ => escape(&column_heading(t, c)),
        };
        let _ = write!(h, "<th class=\"{class}\">{head}</th>");
    }
    h.push_str("</tr></thead><tbody>");
    for d in list {
        for (kind, cells) in indicator_rows(d, columns, outcome_text) {
            h.push_str("<tr>");
            let label = if kind == RowKind::Outcome {
                String::new()
            } else {
                escape(label_or_unnamed(&d.label))
            };
            let _ = write!(
                h,
                "<td>{label}</td><td>{}</td>",
                if targets {
                    kind.as_str()
                } else {
                    d.role.as_str()
                }
            );
            for (c, text) in columns.iter().zip(cells) {
                let class = match (kind, c) {
                    (_, TrendColumn::Gap(_)) => "num gapcol",
                    (RowKind::Outcome, TrendColumn::Edition(i)) => match &d.outcomes[*i] {
                        Some(Outcome::Checked {
                            verdict: Verdict::Met,
                            ..
                        }) => "num met",
                        Some(Outcome::Checked {
                            verdict: Verdict::Missed,
                            ..
                        }) => "num missed",
                        Some(Outcome::Gap) => "num gap",
                        _ => "num",
                    },
                    _ => "num",
                };
                let _ = write!(h, "<td class=\"{class}\">{}</td>", escape(&text));
            }
            h.push_str("</tr>");
        }
    }
    h.push_str("</tbody></table></div>\n");
    h
}

fn initiatives(t: &Trend, columns: &[TrendColumn]) -> String {
    let shown: Vec<_> = t
        .initiatives
        .iter()
        .filter(|i| i.present.iter().filter(|&&x| x).count() >= 2 || !i.events.is_empty())
        .collect();
    let mut h = format!(
        "<section id=\"initiatives\"><h2>Initiatives named in two or more editions, or renamed ({} of {})</h2>\n",
        shown.len(),
        t.initiatives.len()
    );
    if shown.is_empty() {
        h.push_str("<p>None.</p></section>\n");
        return h;
    }
    h.push_str("<div class=\"wide\"><table><thead><tr><th>initiative</th><th>kind</th>");
    for c in columns {
        let class = if matches!(c, TrendColumn::Gap(_)) {
            " class=\"gap\""
        } else {
            ""
        };
        let _ = write!(h, "<th{class}>{}</th>", escape(&column_heading(t, c)));
    }
    h.push_str("<th>first – last</th><th>renamed or upgraded</th></tr></thead><tbody>");
    for i in shown {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td>",
            escape(&i.name),
            i.kind.as_str()
        );
        for c in columns {
            match c {
                TrendColumn::Edition(e) if i.present[*e] => {
                    h.push_str("<td title=\"named\">●</td>");
                }
                TrendColumn::Edition(_) => h.push_str("<td></td>"),
                TrendColumn::Gap(_) => h.push_str("<td class=\"gapcol\"></td>"),
            }
        }
        let events: Vec<String> = i
            .events
            .iter()
            .map(|e| {
                format!(
                    "{}: {} → {}",
                    escape(&t.edition_name(e.edition)),
                    escape(&e.old_name),
                    escape(&e.new_name)
                )
            })
            .collect();
        let _ = write!(
            h,
            "<td>{} – {}</td><td>{}</td></tr>",
            escape(&t.edition_name(i.first_seen)),
            escape(&t.edition_name(i.last_seen)),
            events.join("; ")
        );
    }
    h.push_str("</tbody></table></div>\n</section>\n");
    h
}

fn parts(t: &Trend) -> String {
    let mut h = String::from(
        "<section id=\"parts\"><h2>Parts and comparisons</h2>\n<div class=\"wide\"><table><thead><tr><th>edition</th><th>top-level parts</th><th>to the next edition</th></tr></thead><tbody>",
    );
    for (i, e) in t.editions.iter().enumerate() {
        let parts = if e.parts.is_empty() {
            "<span class=\"dim\">(no numbered parts)</span>".to_string()
        } else {
            e.parts
                .iter()
                .map(|p| escape(p))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let next = t.steps.get(i).map_or(String::new(), |s| {
            let mut n = String::new();
            if !s.is_consecutive() {
                let _ = write!(
                    n,
                    "{} no edition for {}<br>",
                    badge("gap"),
                    years_text(&s.missing_years)
                );
            }
            for c in &s.parts {
                let what = match (c.old.is_empty(), c.new.is_empty()) {
                    (true, _) => escape(&c.new.join(" + ")),
                    (_, true) => escape(&c.old.join(" + ")),
                    _ => format!(
                        "{} → {}",
                        escape(&c.old.join(" + ")),
                        escape(&c.new.join(" + "))
                    ),
                };
                let _ = write!(n, "{} {what}<br>", badge(c.kind.as_str()));
            }
            let _ = write!(
                n,
                "<span class=\"dim\">sections: {}; sentences: {}; text changed {:.0}%</span>",
                count_line(&s.summary.sections.rows()),
                count_line(&s.summary.sentences.rows()),
                s.summary.text_changed * 100.0
            );
            n
        });
        let _ = write!(
            h,
            "<tr><th>{}</th><td>{parts}</td><td>{next}</td></tr>",
            escape(&t.edition_name(i))
        );
    }
    h.push_str("</tbody></table></div>\n</section>\n");
    h
}

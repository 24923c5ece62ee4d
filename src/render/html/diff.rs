//! The comparison as one page: the briefing, the charts, the figures and initiatives, then
//! both editions side by side, section pair by section pair.

use std::fmt::Write as _;

use super::chart::{BarChart, BarRow, bar_chart};
use super::page::{badge, card, count_line, end, escape, side, start};
use crate::model::{
    ChangeKind, Comparison, DocInfo, FigurePair, FigureStatus, Initiative, Kind, PairKind, Role,
    SectionPair, SectionRef, SentenceChange, Status, Verdict,
};
use crate::render::Parts;
use crate::render::shared::{change_text, heading_of, label_or_unnamed, sorted_figures};

/// Most rows one chart draws; the figures table below holds every pair.
const CHART_ROWS: usize = 24;
/// Most charts of amounts and counts (one per unit).
const UNIT_CHARTS: usize = 4;
/// Most names listed per kind of initiative in the briefing.
const BRIEF_NAMES: usize = 12;
/// Most rewritten sections named in the briefing.
const BRIEF_SECTIONS: usize = 6;

fn edition_name(d: &DocInfo, fallback: &str) -> String {
    d.year
        .map_or_else(|| fallback.to_string(), |y| y.to_string())
}

/// The anchor of the section pair at `index`.
pub fn pair_id(index: usize) -> String {
    format!("s-{index}")
}

fn pair_title(p: &SectionPair) -> String {
    let (old, new) = (heading_of(&p.old), heading_of(&p.new));
    let t = match p.kind {
        PairKind::Added => new,
        PairKind::Removed => old,
        _ if old == new || old.is_empty() => new,
        _ if new.is_empty() => old,
        _ => format!("{old} → {new}"),
    };
    if t.trim().is_empty() {
        "(untitled)".to_string()
    } else {
        t
    }
}

fn pair_level(p: &SectionPair) -> u32 {
    p.new
        .first()
        .or(p.old.first())
        .map_or(1, |r| r.level)
        .max(1)
}

/// Writes a comparison as one self-contained page.
pub fn write<W: std::io::Write>(out: &mut W, c: &Comparison, parts: Parts) -> std::io::Result<()> {
    let c = &parts.filter(c);
    let old_name = edition_name(&c.old, "old");
    let new_name = edition_name(&c.new, "new");
    let report = if c.new.title.trim().is_empty() {
        "Report".to_string()
    } else {
        c.new.title.trim().to_string()
    };
    let title = format!("{report}: {old_name} → {new_name}");

    let mut toc = String::from("<ol>\n<li class=\"l1\"><a href=\"#briefing\">Briefing</a></li>\n");
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p class=\"meta\">{} ({}) → {} ({}) · {} · {}</p></header>",
        escape(&title),
        escape(&c.old.source),
        escape(&old_name),
        escape(&c.new.source),
        escape(&new_name),
        c.new.lang.code(),
        match c.summary.year_shift {
            0 => "years compared literally".to_string(),
            n => format!("year shift {n:+}"),
        }
    );
    body.push_str(&briefing(c, parts, &old_name, &new_name));

    if parts.figures {
        let charts = charts(c, &old_name, &new_name);
        if !charts.is_empty() {
            toc.push_str("<li class=\"l1\"><a href=\"#charts\">Charts</a></li>\n");
            body.push_str("<section id=\"charts\"><h2>Charts</h2>\n");
            for (id, caption, html) in &charts {
                let _ = writeln!(
                    toc,
                    "<li class=\"l2\"><a href=\"#{}\">{}</a></li>",
                    escape(id),
                    escape(caption)
                );
                body.push_str(html);
            }
            body.push_str("</section>\n");
        }
    }
    if parts.sections() {
        toc.push_str("<li class=\"l1\"><a href=\"#sections\">Side by side</a></li>\n");
        body.push_str("<section id=\"sections\"><h2>Side by side, section by section</h2>\n");
        let _ = writeln!(
            body,
            "<p class=\"dim\">Left the {} edition, right the {} edition. <del>Struck</del> text is only in the {old_name} edition, <ins>marked</ins> text only in the {new_name} edition; a section that is unchanged (allowing for the year shift) takes one line.</p>",
            escape(&old_name),
            escape(&new_name)
        );
        for (i, p) in c.sections.iter().enumerate() {
            let level = pair_level(p).min(4);
            let mark = if p.kind == PairKind::Unchanged {
                String::new()
            } else {
                format!(" <span class=\"kind\">· {}</span>", escape(p.kind.as_str()))
            };
            let _ = writeln!(
                toc,
                "<li class=\"l{level}\"><a href=\"#{}\">{}{mark}</a></li>",
                pair_id(i),
                escape(&pair_title(p))
            );
            body.push_str(&pair(i, p, &old_name, &new_name));
        }
        if c.sections.is_empty() {
            body.push_str("<p>No section pairs.</p>\n");
        }
        body.push_str("</section>\n");
    }
    if parts.figures {
        toc.push_str("<li class=\"l1\"><a href=\"#figures\">Figures</a></li>\n");
        body.push_str(&figures(c, &old_name, &new_name));
    }
    if parts.initiative_lists() {
        toc.push_str("<li class=\"l1\"><a href=\"#initiatives\">Initiatives</a></li>\n");
        body.push_str(&initiatives(c));
    }
    toc.push_str("</ol>\n");
    out.write_all(start(&title, c.new.lang.code(), &toc).as_bytes())?;
    out.write_all(body.as_bytes())?;
    out.write_all(end().as_bytes())
}

fn briefing(c: &Comparison, parts: Parts, old_name: &str, new_name: &str) -> String {
    let s = &c.summary;
    let mut h = String::from(
        "<section id=\"briefing\" class=\"briefing\"><h2 class=\"first\">Briefing</h2>\n<div class=\"cards\">",
    );
    h.push_str(&card(
        &format!("{:.0}%", s.text_changed * 100.0),
        "of the text changed",
    ));
    h.push_str(&card(&format!("{:.2}", s.similarity), "overall similarity"));
    let changed_sections = s.sections.total() - s.sections.unchanged;
    h.push_str(&card(
        &changed_sections.to_string(),
        &format!("of {} section pairs changed", s.sections.total()),
    ));
    h.push_str(&card(
        &(s.sentences.total()).to_string(),
        "sentences reworded, added, removed or moved",
    ));
    if parts.figures {
        h.push_str(&card(
            &(s.figures.changed + s.figures.new + s.figures.dropped).to_string(),
            "figures changed, new or dropped",
        ));
        if s.promises.total() > 0 {
            h.push_str(&card(
                &format!("{} / {}", s.promises.met, s.promises.missed),
                &format!(
                    "of last year's targets met / missed ({} checked)",
                    s.promises.total()
                ),
            ));
        }
    }
    if parts.initiatives {
        h.push_str(&card(
            &format!("{} / {}", s.initiatives.new, s.initiatives.dropped),
            "initiatives new / dropped",
        ));
    }
    h.push_str("</div>\n<table class=\"counts\"><tbody>");
    let mut row = |what: &str, counts: String| {
        let _ = write!(h, "<tr><th>{what}</th><td>{counts}</td></tr>");
    };
    row("Sections", count_line(&s.sections.rows()));
    row("Sentences", count_line(&s.sentences.rows()));
    if parts.figures {
        row("Figures", count_line(&s.figures.rows()));
        row("Promises", count_line(&s.promises.rows()));
    }
    if parts.initiatives {
        row("Initiatives", count_line(&s.initiatives.rows()));
        if s.key_terms.total() > 0 {
            row("Key terms", count_line(&s.key_terms.rows()));
        }
    }
    h.push_str("</tbody></table>\n");
    h.push_str(&brief_tables(&c.briefing, c.new.lang));
    h.push_str("<h3>Most important changes</h3>\n<ul class=\"findings\">\n");
    let mut any = false;
    let mut item = |h: &mut String, text: String| {
        any = true;
        let _ = writeln!(h, "<li>{text}</li>");
    };
    if parts.figures {
        let missed: Vec<String> = c
            .promises
            .iter()
            .filter(|p| p.verdict == Verdict::Missed)
            .map(|p| {
                format!(
                    "{} (target {}, outcome {})",
                    escape(label_or_unnamed(&p.label)),
                    escape(&p.target.text),
                    p.outcome
                        .as_ref()
                        .map_or("—".to_string(), |o| escape(&o.text))
                )
            })
            .collect();
        if !missed.is_empty() {
            item(
                &mut h,
                format!(
                    "{} <b>{old_name} targets missed</b> by the {new_name} review: {}",
                    badge("missed"),
                    missed.join("; ")
                ),
            );
        }
        let met: Vec<String> = c
            .promises
            .iter()
            .filter(|p| p.verdict == Verdict::Met)
            .map(|p| {
                format!(
                    "{} ({} → {})",
                    escape(label_or_unnamed(&p.label)),
                    escape(&p.target.text),
                    p.outcome
                        .as_ref()
                        .map_or(String::new(), |o| escape(&o.text))
                )
            })
            .collect();
        if !met.is_empty() {
            item(
                &mut h,
                format!("{} <b>targets met</b>: {}", badge("met"), met.join("; ")),
            );
        }
        let targets: Vec<String> = c
            .figures
            .iter()
            .filter(|p| p.role == Role::Target && p.status == FigureStatus::Changed)
            .filter_map(|p| {
                Some(format!(
                    "{} {} → {}",
                    escape(label_or_unnamed(&p.label)),
                    escape(&p.old.as_ref()?.text),
                    escape(&p.new.as_ref()?.text)
                ))
            })
            .take(CHART_ROWS)
            .collect();
        if !targets.is_empty() {
            item(
                &mut h,
                format!(
                    "<b>Targets reset</b> for {new_name}: {}",
                    targets.join("; ")
                ),
            );
        }
    }
    if parts.sections() {
        for p in c.sections.iter().enumerate().filter(|(_, p)| {
            pair_level(p) == 1
                && !matches!(p.kind, PairKind::Unchanged | PairKind::Edited)
                && p.old.iter().chain(&p.new).all(|r| r.title.trim() != "")
        }) {
            let (i, p) = p;
            item(
                &mut h,
                format!(
                    "{} top-level part: <a href=\"#{}\">{}</a>",
                    badge(p.kind.as_str()),
                    pair_id(i),
                    escape(&pair_title(p))
                ),
            );
        }
        let mut rewritten: Vec<(usize, usize, &SectionPair)> = c
            .sections
            .iter()
            .enumerate()
            .filter(|(_, p)| !matches!(p.kind, PairKind::Added | PairKind::Removed))
            .map(|(i, p)| {
                (
                    p.changes.iter().map(SentenceChange::changed_chars).sum(),
                    i,
                    p,
                )
            })
            .filter(|&(n, _, _)| n > 0)
            .collect();
        rewritten.sort_by_key(|&(n, i, _)| (std::cmp::Reverse(n), i));
        if !rewritten.is_empty() {
            let links: Vec<String> = rewritten
                .iter()
                .take(BRIEF_SECTIONS)
                .map(|(n, i, p)| {
                    format!(
                        "<a href=\"#{}\">{}</a> ({n} characters)",
                        pair_id(*i),
                        escape(&pair_title(p))
                    )
                })
                .collect();
            item(
                &mut h,
                format!("<b>Most rewritten sections</b>: {}", links.join("; ")),
            );
        }
    }
    if parts.initiatives {
        for (status, what) in [
            (Status::New, "new initiatives"),
            (Status::Dropped, "initiatives no longer named"),
            (Status::Upgraded, "initiatives upgraded"),
            (Status::Renamed, "initiatives renamed"),
            (Status::Downgraded, "initiatives downgraded"),
        ] {
            let names: Vec<&Initiative> = c
                .initiatives
                .iter()
                .filter(|i| i.status == status && i.kind != Kind::Term)
                .collect();
            if names.is_empty() {
                continue;
            }
            let shown: Vec<String> = names
                .iter()
                .take(BRIEF_NAMES)
                .map(|i| match (&i.stage, &i.old_name) {
                    (Some(st), _) => format!(
                        "{} ({} → {})",
                        escape(&i.name),
                        escape(&st.old),
                        escape(&st.new)
                    ),
                    (None, Some(old)) if status == Status::Renamed => {
                        format!("{} (was {})", escape(&i.name), escape(old))
                    }
                    _ => escape(&i.name),
                })
                .collect();
            let more = names.len().saturating_sub(BRIEF_NAMES);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            item(
                &mut h,
                format!(
                    "{} <b>{} {what}</b>: {}{tail}",
                    badge(status.as_str()),
                    names.len(),
                    shown.join(" · ")
                ),
            );
        }
    }
    if !any {
        h.push_str("<li>No changes beyond the year shift.</li>\n");
    }
    h.push_str("</ul>\n</section>\n");
    h
}

/// The charts: last year's targets against this year's outcomes, percentages old against
/// new, and amounts per unit. Each is `(id, caption, html)`.
/// The briefing's target table and its lists of changed wording and moved priorities, with
/// words in the report's language.
fn brief_tables(b: &crate::model::Briefing, lang: crate::model::Lang) -> String {
    use crate::render::shared::{
        Words, initiative_note_text, priority_text, stance_text, target_cells,
    };
    let w = Words::of(lang);
    let mut h = String::new();
    if !b.targets.is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3><div class=\"wide\"><table class=\"targets\"><thead><tr>",
            w.targets
        );
        for (i, col) in w.columns.iter().enumerate() {
            let class = if i == 0 || i == 3 {
                ""
            } else {
                " class=\"num\""
            };
            let _ = write!(h, "<th{class}>{}</th>", escape(col));
        }
        h.push_str("</tr></thead><tbody>");
        for row in &b.targets {
            h.push_str("<tr>");
            for (i, cell) in target_cells(row, w).iter().enumerate() {
                match i {
                    0 => {
                        let _ = write!(h, "<td>{}</td>", escape(cell));
                    }
                    3 => {
                        let word = row.verdict.map_or("", |v| v.as_str());
                        let _ = write!(h, "<td class=\"verdict {word}\">{}</td>", escape(cell));
                    }
                    _ => {
                        let _ = write!(h, "<td class=\"num\">{}</td>", escape(cell));
                    }
                }
            }
            h.push_str("</tr>");
        }
        h.push_str("</tbody></table></div>\n");
    }
    // Initiatives have their own lines below; the new wording is only here.
    let lists: [(&str, Vec<String>); 3] = [
        (w.stances, b.stances.iter().map(stance_text).collect()),
        (
            w.priorities,
            b.priorities.iter().map(|p| priority_text(p, w)).collect(),
        ),
        (
            w.new_terms,
            b.new_terms
                .iter()
                .map(|n| initiative_note_text(n, w))
                .collect(),
        ),
    ];
    for (title, items) in lists {
        if items.is_empty() {
            continue;
        }
        let _ = write!(h, "<h3>{}</h3><ul class=\"findings\">", escape(title));
        for item in items {
            let _ = write!(h, "<li>{}</li>", escape(&item));
        }
        h.push_str("</ul>\n");
    }
    h
}

fn charts(c: &Comparison, old_name: &str, new_name: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    // Targets against outcomes, one chart per unit.
    let mut units: Vec<&str> = Vec::new();
    for p in c.promises.iter().filter(|p| p.outcome.is_some()) {
        if !units.contains(&p.target.unit.as_str()) {
            units.push(&p.target.unit);
        }
    }
    for unit in units {
        let rows: Vec<BarRow> = c
            .promises
            .iter()
            .filter(|p| p.target.unit == unit)
            .filter_map(|p| {
                let o = p.outcome.as_ref()?;
                Some(BarRow {
                    label: format!(
                        "{} ({})",
                        label_or_unnamed(&p.label),
                        p.verdict.as_str().replace('_', " ")
                    ),
                    values: [Some(p.target.value), Some(o.value)],
                    texts: [p.target.text.clone(), o.text.clone()],
                })
            })
            .take(CHART_ROWS)
            .collect();
        let id = format!("chart-promises-{}", out.len());
        let caption = format!(
            "{old_name} targets against the {new_name} outcomes ({})",
            unit_words(unit)
        );
        let t0 = format!("{old_name} target");
        let t1 = format!("{new_name} outcome");
        let html = bar_chart(&BarChart {
            id: &id,
            title: &caption,
            unit,
            series: [&t0, &t1],
            rows: &rows,
        });
        out.push((id, caption, html));
    }
    // Figures in both editions, grouped by unit: percentages first, then the units with most.
    let both: Vec<&FigurePair> = sorted_figures(&c.figures)
        .into_iter()
        .filter(|p| p.old.is_some() && p.new.is_some())
        .collect();
    let mut groups: Vec<(&str, Vec<&FigurePair>)> = Vec::new();
    for p in &both {
        match groups.iter_mut().find(|(u, _)| *u == p.unit) {
            Some((_, v)) => v.push(p),
            None => groups.push((&p.unit, vec![p])),
        }
    }
    groups.sort_by_key(|(u, v)| (*u != "%", std::cmp::Reverse(v.len())));
    let mut unit_charts = 0;
    for (unit, pairs) in groups {
        if unit != "%" && (pairs.len() < 2 || unit_charts == UNIT_CHARTS) {
            continue;
        }
        if unit != "%" {
            unit_charts += 1;
        }
        let mut pairs = pairs;
        // Targets, then rates of change, then the rest: the order a reader weighs them.
        pairs.sort_by_key(|p| match p.role {
            Role::Target => 0,
            Role::Growth => 1,
            _ => 2,
        });
        let rows: Vec<BarRow> = pairs
            .iter()
            .take(CHART_ROWS)
            .filter_map(|p| {
                let (o, n) = (p.old.as_ref()?, p.new.as_ref()?);
                Some(BarRow {
                    label: format!("{} ({})", label_or_unnamed(&p.label), p.role.as_str()),
                    values: [Some(o.value), Some(n.value)],
                    texts: [o.text.clone(), n.text.clone()],
                })
            })
            .collect();
        let id = format!("chart-figures-{}", out.len());
        let caption = format!(
            "Figures in both editions, {old_name} against {new_name} ({})",
            unit_words(unit)
        );
        let html = bar_chart(&BarChart {
            id: &id,
            title: &caption,
            unit,
            series: [old_name, new_name],
            rows: &rows,
        });
        out.push((id, caption, html));
    }
    out
}

fn unit_words(unit: &str) -> String {
    match unit {
        "%" => "in %".to_string(),
        "" => "plain numbers".to_string(),
        u => format!("in {u}"),
    }
}

fn figures(c: &Comparison, old_name: &str, new_name: &str) -> String {
    let mut h = String::from("<section id=\"figures\"><h2>Figures</h2>\n");
    if c.figures.is_empty() {
        h.push_str("<p>No figures found.</p>\n");
    } else {
        let _ = write!(
            h,
            "<details class=\"all\"><summary>All {} figure pairs: {}</summary>",
            c.figures.len(),
            count_line(&c.summary.figures.rows())
        );
        let _ = write!(
            h,
            "<div class=\"wide\"><table><thead><tr><th>label</th><th>role</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">change</th><th>status</th></tr></thead><tbody>",
            escape(old_name),
            escape(new_name)
        );
        for p in sorted_figures(&c.figures) {
            let text = |f: &Option<crate::model::Figure>| {
                f.as_ref().map_or(String::new(), |f| escape(&f.text))
            };
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(label_or_unnamed(&p.label)),
                p.role.as_str(),
                text(&p.old),
                text(&p.new),
                escape(&change_text(p)),
                badge(p.status.as_str())
            );
        }
        h.push_str("</tbody></table></div></details>\n");
    }
    if !c.promises.is_empty() {
        let _ = write!(
            h,
            "<h3 id=\"promises\">Promises: {old_name} targets and what the {new_name} edition reports</h3><div class=\"wide\"><table><thead><tr><th>label</th><th class=\"num\">target</th><th class=\"num\">outcome</th><th>verdict</th></tr></thead><tbody>"
        );
        for p in &c.promises {
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(label_or_unnamed(&p.label)),
                escape(&p.target.text),
                p.outcome
                    .as_ref()
                    .map_or("—".to_string(), |o| escape(&o.text)),
                badge(p.verdict.as_str())
            );
        }
        h.push_str("</tbody></table></div>\n");
    }
    h.push_str("</section>\n");
    h
}

fn initiatives(c: &Comparison) -> String {
    let mut h = String::from("<section id=\"initiatives\"><h2>Initiatives</h2>\n");
    if c.initiatives.is_empty() {
        h.push_str("<p>No named initiatives.</p>\n");
    }
    for (status, what) in [
        (Status::New, "New"),
        (Status::Dropped, "Dropped"),
        (Status::Upgraded, "Upgraded"),
        (Status::Renamed, "Renamed"),
        (Status::Downgraded, "Downgraded"),
        (Status::Continued, "Continued"),
    ] {
        let list: Vec<&Initiative> = c
            .initiatives
            .iter()
            .filter(|i| i.status == status)
            .collect();
        if list.is_empty() {
            continue;
        }
        // Continued initiatives are the long tail: folded, opened for print.
        let (open, close) = if status == Status::Continued {
            (
                format!(
                    "<details class=\"all\"><summary>{what} ({})</summary>",
                    list.len()
                ),
                "</details>",
            )
        } else {
            (format!("<h3>{what} ({})</h3>", list.len()), "")
        };
        let _ = write!(
            h,
            "{open}<div class=\"wide\"><table><thead><tr><th>name</th><th>kind</th><th>where</th></tr></thead><tbody>"
        );
        for i in list {
            let mut name = escape(&i.name);
            if let Some(st) = &i.stage {
                let _ = write!(
                    name,
                    " <span class=\"dim\">({} → {})</span>",
                    escape(&st.old),
                    escape(&st.new)
                );
            } else if let Some(old) = &i.old_name {
                let _ = write!(name, " <span class=\"dim\">(was {})</span>", escape(old));
            }
            let mention = match i.status {
                Status::Dropped => i.old.first(),
                _ => i.new.first().or(i.old.first()),
            };
            let evidence = mention.map_or(String::new(), |m| {
                format!(
                    "{} <span class=\"dim\">(l. {})</span>",
                    escape(&m.sentence),
                    m.line
                )
            });
            let _ = write!(
                h,
                "<tr><td>{name}</td><td>{}</td><td>{evidence}</td></tr>",
                i.kind.as_str()
            );
        }
        let _ = writeln!(h, "</tbody></table></div>{close}");
    }
    if !c.delivery.is_empty() {
        let names = |v: &[Initiative]| {
            if v.is_empty() {
                "(none)".to_string()
            } else {
                v.iter()
                    .map(|i| escape(&i.name))
                    .collect::<Vec<_>>()
                    .join(" · ")
            }
        };
        let total = c.delivery.delivered.len() + c.delivery.silent.len();
        let _ = writeln!(
            h,
            "<h3>Last year's plans</h3><p><b>Reported on ({} of {total})</b>: {}</p><p><b>Never reported on ({} of {total})</b>: {}</p>",
            c.delivery.delivered.len(),
            names(&c.delivery.delivered),
            c.delivery.silent.len(),
            names(&c.delivery.silent)
        );
    }
    h.push_str("</section>\n");
    h
}

fn lines(r: &[SectionRef]) -> String {
    r.first().map_or(String::new(), |r| {
        format!("l. {}–{}", r.lines[0], r.lines[1])
    })
}

fn line_mark(l: Option<u32>) -> String {
    l.map_or(String::new(), |l| {
        format!("<span class=\"line\">{l}</span>")
    })
}

/// One section pair: its heading, then old and new side by side, one row per change.
fn pair(i: usize, p: &SectionPair, old_name: &str, new_name: &str) -> String {
    let level = pair_level(p);
    let mut h = String::new();
    let _ = write!(
        h,
        "<section class=\"pair level-{level} {kind}\" id=\"{id}\"><h3>{badge} {title}</h3>",
        kind = p.kind.as_str(),
        id = pair_id(i),
        badge = badge(p.kind.as_str()),
        title = escape(&pair_title(p)),
    );
    let parent = |r: &[SectionRef]| {
        r.first().map_or(String::new(), |r| {
            r.path[..r.path.len().saturating_sub(1)].join(" › ")
        })
    };
    let mut meta = Vec::new();
    let path = parent(if p.new.is_empty() { &p.old } else { &p.new });
    if !path.is_empty() {
        meta.push(escape(&path));
    }
    if !matches!(
        p.kind,
        PairKind::Added | PairKind::Removed | PairKind::Unchanged
    ) {
        meta.push(format!("similarity {:.2}", p.similarity));
        if p.text_changed > 0.0 {
            meta.push(format!(
                "{:.0}% of its text changed",
                p.text_changed * 100.0
            ));
        }
    }
    if p.kind == PairKind::Moved {
        let from = parent(&p.old);
        meta.push(format!(
            "moved from {}",
            if from.is_empty() {
                "the top level".to_string()
            } else {
                escape(&from)
            }
        ));
    }
    if !meta.is_empty() {
        let _ = write!(h, "<div class=\"path\">{}</div>", meta.join(" · "));
    }
    if p.changes.is_empty() {
        let what = match p.kind {
            PairKind::Unchanged => "Unchanged, allowing for the year shift.",
            _ => "No sentence changes in its own text; its subsections carry the changes.",
        };
        let _ = writeln!(h, "<p class=\"same\">{what}</p></section>");
        return h;
    }
    let _ = write!(
        h,
        "<div class=\"sbs\"><div class=\"head\">{} · {} {}</div><div class=\"head\">{} · {} {}</div>",
        escape(old_name),
        escape(&heading_of(&p.old)),
        lines(&p.old),
        escape(new_name),
        escape(&heading_of(&p.new)),
        lines(&p.new)
    );
    // Runs of removed and added sentences share one row: what went on the left, what came on
    // the right, so a replaced passage reads across instead of down two half-empty columns.
    let (mut gone, mut came) = (String::new(), String::new());
    let flush = |h: &mut String, gone: &mut String, came: &mut String| {
        if gone.is_empty() && came.is_empty() {
            return;
        }
        let cell = |text: &str, class: &str| {
            if text.is_empty() {
                "<div class=\"empty\"></div>".to_string()
            } else {
                format!("<div class=\"{class}\">{text}</div>")
            }
        };
        h.push_str(&cell(gone, "removed"));
        h.push_str(&cell(came, "added"));
        gone.clear();
        came.clear();
    };
    for ch in &p.changes {
        let text = |t: &Option<String>| t.as_deref().map_or(String::new(), escape);
        match ch.kind {
            ChangeKind::Removed => {
                let _ = write!(
                    gone,
                    "{}<del>{}</del> ",
                    line_mark(ch.old_line),
                    text(&ch.old)
                );
                continue;
            }
            ChangeKind::Added => {
                let _ = write!(
                    came,
                    "{}<ins>{}</ins> ",
                    line_mark(ch.new_line),
                    text(&ch.new)
                );
                continue;
            }
            _ => flush(&mut h, &mut gone, &mut came),
        }
        match ch.kind {
            ChangeKind::Removed | ChangeKind::Added => {}
            ChangeKind::Reworded => {
                let _ = write!(
                    h,
                    "<div>{}{}</div><div>{}{}</div>",
                    line_mark(ch.old_line),
                    side(&ch.inline, true),
                    line_mark(ch.new_line),
                    side(&ch.inline, false)
                );
            }
            ChangeKind::Moved => {
                let from = ch
                    .old_section
                    .as_ref()
                    .map_or(String::new(), |p| escape(&p.join(" › ")));
                let (old, new) = if ch.inline.is_empty() {
                    (text(&ch.old), text(&ch.new))
                } else {
                    (side(&ch.inline, true), side(&ch.inline, false))
                };
                let _ = write!(
                    h,
                    "<div>{}<span class=\"note\">moved from {from}</span>{old}</div><div>{}<span class=\"note\">moved here</span>{new}</div>",
                    line_mark(ch.old_line),
                    line_mark(ch.new_line)
                );
            }
        }
    }
    flush(&mut h, &mut gone, &mut came);
    h.push_str("</div></section>\n");
    h
}

//! Terminal lists of initiatives: new, dropped, upgraded, renamed, delivered and silent.
//!
//! Continued initiatives are only counted: they are most of the list and the least news.
//! Each listed initiative gets one line: a sign, the name, and the sentence around the name
//! cut to the terminal width, so a reader can judge it without opening the report.

use std::io::{self, Write};

use crate::render::TermOptions;
use console::Style;

use crate::model::{Delivery, Initiative, InitiativeCounts, Kind, Mention, Status};
use crate::render::shared::{Palette, count_list, truncate};
use crate::script::display_width;

/// Writes the initiatives of a comparison: counts, then new, dropped, upgraded and renamed
/// named initiatives with an evidence snippet each, the new and dropped key terms, and which
/// plans of the old edition the new one reports on.
pub fn write_initiatives<W: Write>(
    out: &mut W,
    list: &[Initiative],
    delivery: &Delivery,
    opts: TermOptions,
) -> io::Result<()> {
    let p = Palette::new(opts.color);
    let named = |s: Status| {
        list.iter()
            .filter(move |i| i.status == s && i.kind != Kind::Term)
    };
    // The heading counts named initiatives, as the summary does; key terms have their own
    // count in the summary and on their lists, so the lists add up to the heading and theirs.
    let mut counts = InitiativeCounts::default();
    list.iter()
        .filter(|i| i.kind != Kind::Term)
        .for_each(|i| counts.add(i.status));
    writeln!(
        out,
        "{}  {}",
        p.bold.apply_to("Initiatives"),
        count_list(&counts.rows())
    )?;
    let sections = [
        (Status::New, "New", "+", &p.new),
        (Status::Dropped, "Dropped", "-", &p.dropped),
        (Status::Upgraded, "Upgraded", "↑", &p.changed),
        (Status::Renamed, "Renamed", "~", &p.changed),
        (Status::Downgraded, "Downgraded", "↓", &p.changed),
    ];
    for (status, title, sign, style) in sections {
        let items: Vec<&Initiative> = named(status).collect();
        if items.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{}",
            p.bold.apply_to(format!("{title} ({})", items.len()))
        )?;
        for i in items {
            write_line(out, i, sign, style, &p, opts.width)?;
        }
    }
    // New wording: each key term with the sentence that uses it first.
    for (status, title, sign, style) in [
        (Status::New, "New key terms", "+", &p.new),
        (Status::Dropped, "Dropped key terms", "-", &p.dropped),
    ] {
        let terms: Vec<&Initiative> = list
            .iter()
            .filter(|i| i.status == status && i.kind == Kind::Term)
            .collect();
        if terms.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{}",
            p.bold.apply_to(format!("{title} ({})", terms.len()))
        )?;
        for i in terms {
            write_line(out, i, sign, style, &p, opts.width)?;
        }
    }
    let continued = counts.continued;
    if continued > 0 {
        writeln!(
            out,
            "{}",
            p.dim.apply_to(format!(
                "{continued} continued, not listed (--format json lists every initiative)"
            ))
        )?;
    }
    if !delivery.is_empty() {
        let delivered: Vec<&str> = delivery.delivered.iter().map(|i| i.name.as_str()).collect();
        let silent: Vec<&str> = delivery.silent.iter().map(|i| i.name.as_str()).collect();
        let total = delivered.len() + silent.len();
        write_names(
            out,
            &format!("Plans reported on ({} of {total})", delivered.len()),
            &delivered,
            &p,
            opts.width,
        )?;
        write_names(
            out,
            &format!("Plans never reported on ({} of {total})", silent.len()),
            &silent,
            &p,
            opts.width,
        )?;
    }
    Ok(())
}

/// One initiative: sign, name (and old name), then the sentence around the name.
fn write_line<W: Write>(
    out: &mut W,
    i: &Initiative,
    sign: &str,
    style: &Style,
    p: &Palette,
    width: usize,
) -> io::Result<()> {
    let mut head = i.name.clone();
    if let Some(stage) = &i.stage {
        head.push_str(&format!(" ({} → {})", stage.old, stage.new));
    } else if let Some(old) = &i.old_name {
        head.push_str(&format!(" (was {old})"));
    }
    let mention = match i.status {
        Status::Dropped => i.old.first(),
        _ => i.new.first().or(i.old.first()),
    };
    let prefix = format!("  {sign} ");
    let mut line = format!("{}{}", style.apply_to(&prefix), p.bold.apply_to(&head));
    let used = display_width(&prefix) + display_width(&head);
    if let Some(m) = mention {
        let room = width.saturating_sub(used + 2 + line_tag(m).len());
        if room >= 12 {
            let snippet = snippet(&m.sentence, search_name(&i.name), room);
            line.push_str("  ");
            line.push_str(&highlight(&snippet, search_name(&i.name), &p.name));
            line.push_str(&p.dim.apply_to(line_tag(m)).to_string());
        }
    }
    writeln!(out, "{line}")
}

fn line_tag(m: &Mention) -> String {
    format!(" l.{}", m.line)
}

/// The part of a name that occurs verbatim in sentences.
fn search_name(name: &str) -> &str {
    let n = name.trim_start_matches('《').trim_end_matches('》');
    let n = n.trim_start_matches('“');
    n.split('”').next().unwrap_or(n)
}

/// The sentence cut to `room` columns, keeping the name in view: when the name sits late in
/// a long sentence, the start is cut and marked with `…`.
fn snippet(sentence: &str, name: &str, room: usize) -> String {
    if display_width(sentence) <= room {
        return sentence.to_string();
    }
    let Some(at) = sentence.find(name) else {
        return truncate(sentence, room);
    };
    // Keep about a third of the room before the name.
    let lead_room = room / 3;
    let before = &sentence[..at];
    let mut start = at;
    let mut w = 0;
    for (i, c) in before.char_indices().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > lead_room {
            break;
        }
        w += cw;
        start = i;
    }
    if start == 0 {
        truncate(sentence, room)
    } else {
        truncate(&format!("…{}", &sentence[start..]), room)
    }
}

fn highlight(text: &str, name: &str, style: &Style) -> String {
    match text.find(name) {
        Some(at) if !name.is_empty() => format!(
            "{}{}{}",
            &text[..at],
            style.apply_to(name),
            &text[at + name.len()..]
        ),
        _ => text.to_string(),
    }
}

/// A titled list of names, wrapped to the width.
fn write_names<W: Write>(
    out: &mut W,
    title: &str,
    names: &[&str],
    p: &Palette,
    width: usize,
) -> io::Result<()> {
    writeln!(out, "{}", p.bold.apply_to(title))?;
    if names.is_empty() {
        writeln!(out, "  {}", p.dim.apply_to("(none)"))?;
        return Ok(());
    }
    let mut line = String::from(" ");
    let mut used = 1;
    for (k, n) in names.iter().enumerate() {
        let sep = if k + 1 < names.len() { " ·" } else { "" };
        let piece = format!(" {n}{sep}");
        let w = display_width(&piece);
        if used + w > width && used > 1 {
            writeln!(out, "{line}")?;
            line = String::from(" ");
            used = 1;
        }
        line.push_str(&piece);
        used += w;
    }
    writeln!(out, "{line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_keeps_the_name_in_view() {
        let s =
            "一二三四五六七八九十一二三四五六七八九十深入实施强基计划和基础学科拔尖人才培养计划。";
        let cut = snippet(s, "强基计划", 30);
        assert!(cut.contains("强基计划"), "{cut}");
        assert!(display_width(&cut) <= 30);
    }
}

//! The section map: one line per changed part of the report, before the details, so that a
//! reader sees where the changes are before reading them.

use std::io::{self, Write};

use rustc_hash::FxHashMap;

use super::kind_style;
use crate::model::{Comparison, PairKind, SectionPair};
use crate::render::TermOptions;
use crate::render::shared::{Palette, pair_title, truncate};
use crate::script::display_width;

/// Deepest level the map names: parts and their sections. Deeper changes are counted on the
/// line of the section they are in.
const MAP_LEVELS: u32 = 2;
/// Most lines of the map; the rest is counted in one line.
const MAP_LINES: usize = 30;

/// Writes the map of changed sections: each section of the top two levels that changed itself
/// or holds changed sections, with its kind and the number of changed sections under it.
pub fn write_section_map<W: Write>(
    out: &mut W,
    c: &Comparison,
    p: &Palette,
    opts: TermOptions,
) -> io::Result<()> {
    let path_of = |s: &SectionPair| s.new.first().or(s.old.first()).map(|r| r.path.clone());
    // Changed sections below each mapped section, keyed by the mapped section's path. Every
    // pair adds to at most MAP_LEVELS ancestors, so this is linear.
    let mut below: FxHashMap<Vec<String>, usize> = FxHashMap::default();
    for s in c.sections.iter().filter(|s| s.kind != PairKind::Unchanged) {
        if let Some(path) = path_of(s) {
            for depth in 1..path.len().min(MAP_LEVELS as usize + 1) {
                *below.entry(path[..depth].to_vec()).or_default() += 1;
            }
        }
    }
    let rows: Vec<(&SectionPair, usize)> = c
        .sections
        .iter()
        .filter_map(|s| {
            let path = path_of(s)?;
            if path.len() > MAP_LEVELS as usize {
                return None;
            }
            let n = below.get(&path).copied().unwrap_or(0);
            (s.kind != PairKind::Unchanged || n > 0).then_some((s, n))
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", p.bold.apply_to("Changed sections"))?;
    for (s, n) in rows.iter().take(MAP_LINES) {
        let level = s.new.first().or(s.old.first()).map_or(1, |r| r.level) as usize;
        let indent = "  ".repeat(level);
        let title = pair_title(s);
        let kind = match s.kind {
            PairKind::Unchanged => " ".repeat(9),
            k => format!("{:<9}", k.as_str()),
        };
        let note = match n {
            0 => String::new(),
            1 => "  1 changed inside".to_string(),
            n => format!("  {n} changed inside"),
        };
        let room = opts
            .width
            .saturating_sub(display_width(&indent) + 10 + display_width(&note))
            .max(20);
        writeln!(
            out,
            "{indent}{} {}{}",
            kind_style(s.kind, opts.color).apply_to(kind),
            truncate(&title, room),
            p.dim.apply_to(note)
        )?;
    }
    if rows.len() > MAP_LINES {
        writeln!(
            out,
            "  {}",
            p.dim.apply_to(format!("… {} more", rows.len() - MAP_LINES))
        )?;
    }
    writeln!(out)
}

//! Renderers: turn a [`Document`](crate::outline::Document) or a
//! [`Comparison`](crate::compare::Comparison) into text for people (`term`) or programs
//! (`json`), as a Markdown changelog (`markdown`) or a pull-request comment (`github`). Every
//! renderer writes to any `io::Write`, so tests render into a `Vec<u8>`.

pub mod figures;
pub mod github;
pub mod initiatives;
pub mod json;
pub mod markdown;
pub mod term;

use std::io::{self, Write};

use crate::compare::Comparison;

/// The JSON schema version every JSON output carries.
pub const SCHEMA: &str = "yoydiff/1";

/// How terminal output should look.
#[derive(Debug, Clone, Copy)]
pub struct TermOptions {
    /// Use ANSI colours and styles.
    pub color: bool,
    /// Width of the terminal in columns.
    pub width: usize,
    /// Show old and new text in two columns.
    pub side_by_side: bool,
}

impl Default for TermOptions {
    fn default() -> Self {
        TermOptions {
            color: false,
            width: 80,
            side_by_side: false,
        }
    }
}

/// Which parts of a comparison an output shows (`--only` and `--summary`).
///
/// The filter lives here, not in each renderer, so that every human-facing format leaves out
/// the same things. JSON ignores it: a pipeline reading `figures: []` must be able to trust that
/// there were no figures, not that they were filtered away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// The section map: which sections were kept, renamed, moved, added or removed.
    pub structure: bool,
    /// Sentence changes with inline marks.
    pub text: bool,
    /// Figures and promises.
    pub figures: bool,
    /// Initiatives and delivery of last year's plans.
    pub initiatives: bool,
    /// Only the summary and the tables (figures, promises, initiative counts); no per-section
    /// changes and no initiative lists.
    pub summary_only: bool,
}

impl Default for Parts {
    fn default() -> Self {
        Parts::ALL
    }
}

impl Parts {
    /// Everything.
    pub const ALL: Parts = Parts {
        structure: true,
        text: true,
        figures: true,
        initiatives: true,
        summary_only: false,
    };

    /// The names `--only` accepts, in the order outputs show them.
    pub const NAMES: [&'static str; 4] = ["structure", "text", "figures", "initiatives"];

    /// Parses an `--only` list (`structure,text,figures,initiatives`); an unknown or empty
    /// name is an error naming the accepted ones.
    pub fn parse_only(list: &str) -> Result<Parts, String> {
        let mut parts = Parts {
            structure: false,
            text: false,
            figures: false,
            initiatives: false,
            summary_only: false,
        };
        for name in list.split(',').map(str::trim) {
            match name {
                "structure" => parts.structure = true,
                "text" => parts.text = true,
                "figures" => parts.figures = true,
                "initiatives" => parts.initiatives = true,
                _ => {
                    return Err(format!(
                        "invalid --only {list:?}: expected a comma list of {}",
                        Parts::NAMES.join(", ")
                    ));
                }
            }
        }
        Ok(parts)
    }

    /// Whether per-section output (the section map or sentence changes) is shown at all.
    pub fn sections(&self) -> bool {
        !self.summary_only && (self.structure || self.text)
    }

    /// Whether initiative lists (not only their counts) are shown.
    pub fn initiative_lists(&self) -> bool {
        self.initiatives && !self.summary_only
    }

    /// A copy of `c` holding only the selected parts. Section pairs without sentence changes
    /// are dropped when only `text` is asked for; sentence changes are dropped when only
    /// `structure` is. The summary is kept whole: it is the frame every view starts from.
    pub fn filter(&self, c: &Comparison) -> Comparison {
        let mut out = c.clone();
        if !self.sections() {
            out.sections.clear();
        } else if !self.structure {
            out.sections.retain(|p| !p.changes.is_empty());
        } else if !self.text {
            for p in &mut out.sections {
                p.changes.clear();
            }
        }
        if !self.figures {
            out.figures.clear();
            out.promises.clear();
        }
        if !self.initiative_lists() {
            out.initiatives.clear();
            out.delivery = Default::default();
        }
        out
    }
}

/// Writes the terminal view of `c` limited to `parts`.
///
/// The terminal renderer has no notion of parts, so a filtered view is assembled from its
/// public pieces: the summary is cut from a rendering of a comparison with nothing in it, and
/// the section list from a rendering without figures and initiatives, minus that summary. With
/// every part selected this is exactly [`term::write_comparison`].
pub fn write_term_comparison<W: Write>(
    out: &mut W,
    c: &Comparison,
    parts: Parts,
    opts: TermOptions,
) -> io::Result<()> {
    if parts == Parts::ALL {
        return term::write_comparison(out, c, opts);
    }
    let c = parts.filter(c);
    let mut empty = c.clone();
    empty.sections.clear();
    empty.figures.clear();
    empty.initiatives.clear();
    empty.delivery = Default::default();
    let mut head = Vec::new();
    term::write_comparison(&mut head, &empty, opts)?;
    // With nothing left to show, the terminal view ends on its "No changes" line; the summary
    // is everything before it.
    let cut = head
        .windows(NO_CHANGES.len())
        .rposition(|w| w == NO_CHANGES.as_bytes())
        .unwrap_or(head.len());
    head.truncate(cut);
    out.write_all(&head)?;
    let bold = console::Style::new().bold().force_styling(opts.color);
    if !c.figures.is_empty() || !c.promises.is_empty() {
        writeln!(out, "{}", bold.apply_to("Figures"))?;
        figures::write_figure_pairs(out, &c.figures, &c.promises, opts)?;
        writeln!(out)?;
    }
    if !c.initiatives.is_empty() || !c.delivery.is_empty() {
        writeln!(out, "{}", bold.apply_to("Initiatives"))?;
        initiatives::write_initiatives(out, &c.initiatives, &c.delivery, opts)?;
        writeln!(out)?;
    }
    if parts.sections() {
        let mut only_sections = c.clone();
        only_sections.figures.clear();
        only_sections.initiatives.clear();
        only_sections.delivery = Default::default();
        let mut body = Vec::new();
        term::write_comparison(&mut body, &only_sections, opts)?;
        let rest = body.strip_prefix(head.as_slice()).unwrap_or(&body);
        if only_sections.sections.is_empty() || rest.starts_with(NO_CHANGES.as_bytes()) {
            writeln!(out, "No section changes (allowing for the year shift).")?;
        } else {
            out.write_all(rest)?;
        }
    }
    Ok(())
}

/// The line the terminal view ends on when nothing changed.
const NO_CHANGES: &str = "No changes (allowing for the year shift).";

//! GitHub output: Markdown for a pull-request comment.
//!
//! A reviewer reads the top of a comment and opens what interests them, so the summary and
//! the figures that moved come first, and everything long sits in a `<details>` fold. GitHub
//! refuses comments over 65,536 characters; the comment is built from blocks with a priority,
//! and when they do not fit, whole blocks are left out, least important first (the full figure
//! table, then the largest section folds, then initiatives, then promises and changed figures),
//! with a note naming what was left out and the command that shows everything.

use std::io::{self, Write};

use super::{self as markdown, escape_html};
use crate::model::FigureStatus;
use crate::model::{Comparison, PairKind, SectionPair};
use crate::render::Parts;

/// GitHub's limit for one comment, in characters.
pub const COMMENT_LIMIT: usize = 65_536;

/// Changed figures shown before the fold; the rest are in the full table.
const TOP_FIGURES: usize = 30;

/// Options for the comment.
#[derive(Debug, Clone)]
pub struct GithubOptions {
    /// Which parts to show.
    pub parts: Parts,
    /// The most characters the comment may have (at most [`COMMENT_LIMIT`] makes sense).
    pub max_chars: usize,
    /// The command that shows everything, quoted in the note when something was left out.
    pub full_command: String,
}

impl Default for GithubOptions {
    fn default() -> Self {
        GithubOptions {
            parts: Parts::ALL,
            max_chars: COMMENT_LIMIT,
            full_command: "yoydiff diff OLD NEW --format markdown".to_string(),
        }
    }
}

/// One piece of the comment. Lower `priority` is kept longer; 0 is never left out.
struct Block {
    text: String,
    priority: u8,
    /// What the note calls this block when it is left out.
    name: String,
}

fn details(summary: &str, body: &str) -> String {
    format!(
        "<details>\n<summary>{}</summary>\n\n{}\n\n</details>\n\n",
        escape_html(summary),
        body.trim_end()
    )
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn blocks(c: &Comparison, opts: &GithubOptions) -> Vec<Block> {
    let parts = opts.parts;
    let c = &parts.filter(c);
    let mut out = vec![Block {
        text: format!("{}\n", markdown::summary(c, parts)),
        priority: 0,
        name: "summary".into(),
    }];
    if parts.figures && !c.figures.is_empty() {
        let changed: Vec<_> = c
            .figures
            .iter()
            .filter(|f| f.status == FigureStatus::Changed)
            .collect();
        if !changed.is_empty() {
            let shown = &changed[..changed.len().min(TOP_FIGURES)];
            let mut text = format!("### Figures that moved ({})\n\n", changed.len());
            text.push_str(&markdown::figure_table(shown));
            if shown.len() < changed.len() {
                text.push_str(&format!(
                    "\n{} more in the full table below.\n",
                    changed.len() - shown.len()
                ));
            }
            text.push('\n');
            out.push(Block {
                text,
                priority: 1,
                name: "the changed figures".into(),
            });
        }
    }
    if parts.figures && !c.promises.is_empty() {
        let text = format!(
            "### Last year's targets\n\n{}\n",
            markdown::promise_table(&c.promises)
        );
        out.push(Block {
            text,
            priority: 1,
            name: "the promises table".into(),
        });
    }
    if parts.initiative_lists() && (!c.initiatives.is_empty() || !c.delivery.is_empty()) {
        let s = &c.summary.initiatives;
        let title = format!(
            "Initiatives: {} new, {} dropped, {} upgraded, {} renamed",
            s.new, s.dropped, s.upgraded, s.renamed
        );
        out.push(Block {
            text: details(
                &title,
                &markdown::initiatives(&c.initiatives, &c.delivery).replace("### ", "#### "),
            ),
            priority: 2,
            name: "the initiatives".into(),
        });
    }
    if parts.sections() {
        // One fold per top-level section, in reading order.
        let placer = markdown::SectionWriter::new(&c.sections);
        let mut groups: Vec<(String, Vec<&SectionPair>)> = Vec::new();
        for p in c
            .sections
            .iter()
            .filter(|p| p.kind != PairKind::Unchanged || !p.changes.is_empty())
        {
            // Removed sections sit among the new ones under their old heading, so a group
            // is found by name, not only at the end.
            let top = placer.display_path(p).first().cloned().unwrap_or_default();
            match groups.iter_mut().find(|(t, _)| *t == top) {
                Some((_, v)) => v.push(p),
                None => groups.push((top, vec![p])),
            }
        }
        if !groups.is_empty() {
            out.push(Block {
                text: "### Changes by section\n\n".into(),
                priority: 3,
                name: String::new(),
            });
        }
        for (top, pairs) in groups {
            let mut w = markdown::SectionWriter::new(&c.sections);
            let body: String = pairs.iter().map(|p| w.pair(p)).collect();
            let sentences: usize = pairs.iter().map(|p| p.changes.len()).sum();
            let kinds = {
                let mut k: Vec<String> = Vec::new();
                for kind in PairKind::ALL {
                    let n = pairs.iter().filter(|p| p.kind == kind).count();
                    if n > 0 && kind != PairKind::Unchanged {
                        k.push(format!("{n} {}", kind.as_str()));
                    }
                }
                k.join(", ")
            };
            let name = if top.is_empty() {
                "(untitled)".to_string()
            } else {
                top
            };
            let title = format!("{name} — {kinds}; {sentences} sentence changes");
            out.push(Block {
                text: details(&title, &body),
                priority: 4,
                name,
            });
        }
    }
    if parts.figures && c.figures.len() > 1 {
        let sorted = crate::render::shared::sorted_figures(&c.figures);
        out.push(Block {
            text: details(
                &format!("All figures ({})", c.figures.len()),
                &markdown::figure_table(&sorted),
            ),
            priority: 5,
            name: "the full figure table".into(),
        });
    }
    out
}

fn note(left_out: &[&str], opts: &GithubOptions) -> String {
    let mut names: Vec<String> = left_out
        .iter()
        .filter(|n| !n.is_empty())
        .take(12)
        .map(|n| escape_html(n))
        .collect();
    let rest = left_out.iter().filter(|n| !n.is_empty()).count() - names.len();
    if rest > 0 {
        names.push(format!("{rest} more"));
    }
    format!(
        "> [!NOTE]\n> Left out to stay under GitHub's comment limit: {}. Run `{}` to see everything.\n",
        markdown::escape(&names.join("; ")),
        opts.full_command.replace('`', "'")
    )
}

/// Renders the comment as a string of at most `opts.max_chars` characters.
pub fn render(c: &Comparison, opts: &GithubOptions) -> String {
    let blocks = blocks(c, opts);
    let mut keep = vec![true; blocks.len()];
    let total = |keep: &[bool], left: &[&str]| -> usize {
        let body: usize = blocks
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(b, _)| chars(&b.text))
            .sum();
        body + if left.is_empty() {
            0
        } else {
            chars(&note(left, opts))
        }
    };
    // Least important first; within a priority, the largest block first, so that as many
    // sections as possible stay.
    let mut order: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].priority > 0)
        .collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(blocks[i].priority),
            std::cmp::Reverse(chars(&blocks[i].text)),
        )
    });
    let mut left: Vec<&str> = Vec::new();
    for i in order {
        if total(&keep, &left) <= opts.max_chars {
            break;
        }
        keep[i] = false;
        left.push(&blocks[i].name);
    }
    // The "Changes by section" heading goes when every fold under it went.
    let sections_left = blocks.iter().zip(&keep).any(|(b, k)| *k && b.priority == 4);
    for (b, k) in blocks.iter().zip(keep.iter_mut()) {
        if b.priority == 3 && !sections_left {
            *k = false;
        }
    }
    let mut out: String = blocks
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(b, _)| b.text.as_str())
        .collect();
    if !left.is_empty() {
        // Keep reading order in the note.
        let mut named: Vec<(usize, &str)> = blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| !keep[*i] && !b.name.is_empty())
            .map(|(i, b)| (i, b.name.as_str()))
            .collect();
        named.sort_by_key(|(i, _)| *i);
        let names: Vec<&str> = named.into_iter().map(|(_, n)| n).collect();
        out.push_str(&note(&names, opts));
    }
    if chars(&out) > opts.max_chars {
        // Only the summary is left and still too long: cut it, on a line.
        let mut cut: String = out.chars().take(opts.max_chars.saturating_sub(2)).collect();
        if let Some(nl) = cut.rfind('\n') {
            cut.truncate(nl + 1);
        }
        out = cut;
    }
    out
}

/// Writes the pull-request comment.
pub fn write_comparison<W: Write>(
    out: &mut W,
    c: &Comparison,
    opts: &GithubOptions,
) -> io::Result<()> {
    out.write_all(render(c, opts).as_bytes())
}

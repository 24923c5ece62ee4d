//! Renderers: turn a [`Document`](crate::outline::Document), a
//! [`Comparison`](crate::compare::Comparison) or a [`Trend`](crate::model::Trend) into text for
//! people (`term`) or programs (`json`), as a Markdown changelog (`markdown`), a pull-request
//! comment (`github`), one self-contained page (`html`) or a spreadsheet (`csv`, trends). Every
//! renderer writes to any `io::Write`, so tests render into a `Vec<u8>`.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
mod shared;
#[cfg(feature = "term")]
pub mod term;

pub use markdown::github;

use crate::model::Comparison;

pub use crate::model::SCHEMA;

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
    /// Only the header and the briefing (`--brief`).
    pub brief_only: bool,
    /// Every figure row, also new, dropped and unchanged ones, which the terminal otherwise
    /// folds into a count (`--all-figures`).
    pub all_figures: bool,
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
        brief_only: false,
        all_figures: false,
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
            ..Parts::ALL
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
        !self.summary_only && !self.brief_only && (self.structure || self.text)
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

/// One part of a report to show (`--section PATTERN`): the sections whose path has a heading
/// containing the pattern (ignoring case), with everything under them, and the figures,
/// promises and initiatives that stand there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focus {
    pattern: String,
}

impl Focus {
    /// A focus on the headings containing `pattern`; an empty pattern is an error.
    pub fn new(pattern: &str) -> Result<Focus, String> {
        let pattern = pattern.trim();
        if pattern.is_empty() {
            return Err("invalid --section \"\": expected part of a heading".to_string());
        }
        Ok(Focus {
            pattern: pattern.to_lowercase(),
        })
    }

    /// Whether a section path lies in the focus.
    pub fn holds(&self, path: &[String]) -> bool {
        path.iter()
            .any(|h| h.to_lowercase().contains(&self.pattern))
    }

    /// The part of `c` in the focus, with the briefing made anew from that part; the summary
    /// stays that of the whole comparison. An error when no section matches, so that a typo
    /// does not read as "no changes".
    pub fn apply(&self, c: &Comparison) -> Result<Comparison, String> {
        let in_focus = |refs: &[crate::model::SectionRef]| refs.iter().any(|r| self.holds(&r.path));
        let figure_in =
            |f: &Option<crate::model::Figure>| f.as_ref().is_some_and(|f| self.holds(&f.section));
        let mention_in = |m: &[crate::model::Mention]| m.iter().any(|m| self.holds(&m.section));
        let mut out = c.clone();
        out.sections
            .retain(|p| in_focus(&p.old) || in_focus(&p.new));
        if out.sections.is_empty() {
            return Err(format!(
                "no section heading contains {:?} (yoydiff outline FILE lists them)",
                self.pattern
            ));
        }
        out.figures
            .retain(|p| figure_in(&p.old) || figure_in(&p.new));
        out.promises
            .retain(|p| self.holds(&p.target.section) || figure_in(&p.outcome));
        out.initiatives
            .retain(|i| mention_in(&i.old) || mention_in(&i.new));
        out.delivery
            .delivered
            .retain(|i| mention_in(&i.old) || mention_in(&i.new));
        out.delivery
            .silent
            .retain(|i| mention_in(&i.old) || mention_in(&i.new));
        out.briefing = crate::briefing::brief(&out);
        Ok(out)
    }
}

//! Renderers: turn a [`Document`](crate::outline::Document) or a
//! [`Comparison`](crate::compare::Comparison) into text for people (`term`) or programs
//! (`json`). Every renderer writes to any `io::Write`, so tests render into a `Vec<u8>`.

pub mod figures;
pub mod initiatives;
pub mod json;
pub mod term;

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

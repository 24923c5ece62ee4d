//! Command-line arguments (clap) and their translation into the library's validated options.
//! Nothing below `main.rs` sees clap types.

use clap::{Args, Parser, Subcommand, ValueEnum};

use yoydiff::render::Parts;
use yoydiff::{CompareOptions, Lang, OutlineOptions, YearShift};

const AFTER_HELP: &str = "\
Inputs: a path, - for standard input, or REV:PATH to read a file from git (git show REV:PATH).
Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5 and other legacy
encodings are detected; --encoding forces one.

Formats: term (default), markdown (a changelog), github (a pull-request comment under
65,536 characters), json (the yoydiff/1 contract; always whole: --only and --summary do not
apply), html (diff and trend: one self-contained page with the briefing, charts and both
editions side by side), csv (trend only). -o FILE writes atomically: a failed run leaves an existing FILE as it was.

Exit codes: 0 success; 1 with --exit-code when the editions differ (batch: when any pair
differs); 2 on any error, with one line on stderr (batch: when any pair failed; its JSON line
has an \"error\" field).";

const TREND_HELP: &str = "\
Examples:
  yoydiff trend gwr-2021.txt gwr-2022.txt gwr-2023.txt
  yoydiff trend corpus/zh --series national-gwr --format csv -o gwr.csv
  yoydiff trend corpus/zh --series national-gwr --format html -o gwr.html

Formats: term (default), markdown, json (docs/json-schema.md), csv (one row per indicator and
row kind, one column per edition; UTF-8 with BOM for spreadsheets), html (one self-contained
page with charts).

Exit codes: 0 success; 2 on any error (fewer than three editions, a report without a year,
two editions of one year, a folder of several series without --series), with one line on
stderr.";

/// Compare two editions of an annual report and show what really changed.
#[derive(Debug, Parser)]
#[command(name = "yoydiff", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare two editions (the main job): sections kept, renamed, moved, split, merged,
    /// added or removed; sentences reworded; figures, targets and initiatives.
    #[command(after_help = AFTER_HELP)]
    Diff {
        /// The older edition (path, -, or REV:PATH).
        old: String,
        /// The newer edition (path, -, or REV:PATH).
        new: String,
        #[command(flatten)]
        common: CommonArgs,
        #[command(flatten)]
        shift: ShiftArgs,
        /// Exit with 1 when the editions differ, as `git diff --exit-code` does.
        #[arg(long)]
        exit_code: bool,
        /// Show the output through a pager ($PAGER, else `less -R`).
        #[arg(long)]
        pager: bool,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Follow three or more editions of one series: figures year by year, targets against
    /// outcomes, initiatives from first to last mention, top-level parts added and removed.
    ///
    /// Editions are ordered by the year each report gives itself, and each is compared with
    /// the next as `diff` would compare them. A target set for year N is checked against the
    /// review in edition N+1; when edition N+1 is missing the target shows as a gap.
    #[command(after_help = TREND_HELP)]
    Trend {
        /// Three or more editions (paths or REV:PATH), or one folder of PREFIX-YYYY.txt
        /// editions.
        #[arg(required = true, value_name = "FILE")]
        inputs: Vec<String>,
        /// The series to follow when the folder holds several (the PREFIX of PREFIX-YYYY.txt).
        #[arg(long, value_name = "PREFIX")]
        series: Option<String>,
        #[command(flatten)]
        common: CommonArgs,
        #[command(flatten)]
        shift: ShiftArgs,
    },
    /// Compare many pairs in parallel and print one JSON object per line (JSON Lines).
    ///
    /// PAIRS is a file of OLD<TAB>NEW lines (blank lines and # comments skipped), or a folder of
    /// editions named PREFIX-YYYY.txt (or .md): editions of one prefix are sorted by year and
    /// each is compared with the one before it. A pair that fails gets a line with an "error"
    /// field, and the run exits with 2 after all pairs.
    #[command(after_help = AFTER_HELP)]
    Batch {
        /// A list of OLD<TAB>NEW pairs, or a folder of PREFIX-YYYY.txt editions.
        pairs: String,
        /// Language of the reports; auto detects it from the text.
        #[arg(long, value_enum, default_value_t = LangChoice::Auto)]
        lang: LangChoice,
        /// Force the input encoding (a WHATWG label: utf-8, utf-16le, gb18030, gbk, big5…).
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        #[command(flatten)]
        shift: ShiftArgs,
        /// Exit with 1 when any pair differs.
        #[arg(long)]
        exit_code: bool,
        /// Write the lines to FILE (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<std::path::PathBuf>,
    },
    /// Run as git's external diff driver (see docs/git.md). Git passes seven arguments:
    /// PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE (nine for a rename, one for
    /// an unmerged path). The options of `diff` that choose what is shown go before them.
    #[command(hide = true, name = "git-diff")]
    GitDiff {
        /// The arguments git passes to an external diff. Everything from the first of them on
        /// is git's, so a path that starts with `-` is not taken for an option.
        #[arg(
            num_args = 1..,
            value_name = "GIT-ARGS",
            trailing_var_arg = true,
            allow_hyphen_values = true
        )]
        args: Vec<String>,
        #[command(flatten)]
        common: CommonArgs,
        #[command(flatten)]
        shift: ShiftArgs,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// List the figures of one report: label, value, unit, role and where it stands.
    #[command(after_help = AFTER_HELP)]
    Figures {
        /// The report (path, -, or REV:PATH).
        file: String,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Show the parsed outline of one report, to check what the parser saw.
    #[command(after_help = AFTER_HELP)]
    Outline {
        /// The report (path, -, or REV:PATH).
        file: String,
        #[command(flatten)]
        common: CommonArgs,
    },
}

#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Term)]
    pub format: Format,
    /// When to colour terminal output (NO_COLOR is honoured in auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Language of the reports; auto detects it from the text.
    #[arg(long, value_enum, default_value_t = LangChoice::Auto)]
    pub lang: LangChoice,
    /// Width of terminal output in columns (40 to 1000); else the terminal's width, else
    /// $COLUMNS, else 80.
    #[arg(long, value_name = "N", value_parser = parse_width)]
    pub width: Option<usize>,
    /// Force the input encoding (a WHATWG label: utf-8, utf-16le, gb18030, gbk, big5…).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Write the output to FILE (atomically: a temporary file, then a rename) instead of
    /// standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// What a comparison shows (term, markdown and github formats), the same for `diff` and
/// `git-diff`.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// Show only these parts: a comma list of structure, text, figures, initiatives.
    #[arg(long, value_name = "LIST")]
    pub only: Option<String>,
    /// Show only the summary and the tables (no per-section changes, no initiative lists).
    #[arg(long)]
    pub summary: bool,
    /// Show only the header and the briefing: targets, stance and priority changes, top new
    /// and dropped initiatives, the figures that moved most.
    #[arg(long)]
    pub brief: bool,
    /// Show one part of the report: the sections whose heading contains PATTERN (ignoring
    /// case), with what lies under them; `yoydiff outline FILE` lists the headings.
    #[arg(long, value_name = "PATTERN")]
    pub section: Option<String>,
    /// Show every figure row; the terminal otherwise folds new, dropped and unchanged figures
    /// into a count.
    #[arg(long)]
    pub all_figures: bool,
    /// Show old and new sentences in two columns (terminal format).
    #[arg(long)]
    pub side_by_side: bool,
    /// The most characters of a github comment (GitHub's limit is 65536).
    #[arg(long, value_name = "N", default_value_t = yoydiff::render::github::COMMENT_LIMIT)]
    pub max_chars: usize,
    /// The report's name in the title of markdown, github and html output (default: the
    /// title the report gives itself).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

impl ViewArgs {
    /// The parts to show, validated.
    pub fn parts(&self) -> Result<Parts, String> {
        let mut parts = match &self.only {
            Some(list) => Parts::parse_only(list)?,
            None => Parts::ALL,
        };
        parts.summary_only = self.summary;
        parts.brief_only = self.brief;
        parts.all_figures = self.all_figures;
        Ok(parts)
    }

    /// The part of the report to show, validated.
    pub fn focus(&self) -> Result<Option<yoydiff::render::Focus>, String> {
        self.section
            .as_deref()
            .map(yoydiff::render::Focus::new)
            .transpose()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable output for a terminal.
    Term,
    /// The yoydiff/1 JSON contract (docs/json-schema.md).
    Json,
    /// A Markdown changelog (CommonMark with GitHub tables and strikethrough).
    Markdown,
    /// Markdown for a pull-request comment: summary first, long parts folded, under 65,536
    /// characters.
    Github,
    /// One self-contained HTML page (diff and trend): briefing, charts, side-by-side text.
    Html,
    /// Comma-separated values for spreadsheets (trend).
    Csv,
}

impl Format {
    /// The name as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Term => "term",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Github => "github",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    Auto,
    Zh,
    En,
}

impl LangChoice {
    /// The language to force, if any.
    pub fn forced(self) -> Option<Lang> {
        match self {
            LangChoice::Auto => None,
            LangChoice::Zh => Some(Lang::Zh),
            LangChoice::En => Some(Lang::En),
        }
    }
}

impl CommonArgs {
    pub fn outline_options(&self) -> OutlineOptions {
        OutlineOptions {
            lang: self.lang.forced(),
        }
    }

    /// Whether to colour output written to stdout.
    pub fn use_color(&self) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            // A file is not a terminal, whatever stdout is.
            ColorChoice::Auto if self.output.is_some() => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && console::Term::stdout().features().colors_supported()
                    && console::Term::stdout().is_term()
            }
        }
    }
}

/// The narrowest and widest terminal output: narrower, a sentence gets a few characters a
/// line; wider, side-by-side padding would grow without use.
pub const WIDTHS: std::ops::RangeInclusive<usize> = 40..=1000;

/// Parses `--width`.
pub fn parse_width(raw: &str) -> Result<usize, String> {
    raw.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| WIDTHS.contains(n))
        .ok_or_else(|| {
            format!(
                "invalid --width {raw:?}: expected a number of columns from {} to {}",
                WIDTHS.start(),
                WIDTHS.end()
            )
        })
}

/// The width terminal output is laid out for: `--width`, else the width of the terminal on
/// standard output, else `COLUMNS` (so a pipe or a pager gets what the shell says), else 80.
/// The terminal and `COLUMNS` are held to [`WIDTHS`]; an unreadable `COLUMNS` is ignored.
pub fn term_width(flag: Option<usize>, terminal: Option<usize>, columns: Option<&str>) -> usize {
    let clamp = |n: usize| n.clamp(*WIDTHS.start(), *WIDTHS.end());
    flag.or_else(|| terminal.filter(|&n| n > 0).map(clamp))
        .or_else(|| {
            columns
                .and_then(|c| c.trim().parse::<usize>().ok())
                .filter(|&n| n > 0)
                .map(clamp)
        })
        .unwrap_or(80)
}

/// How years are compared, shared by `diff`, `batch` and `git-diff`.
#[derive(Debug, Args)]
pub struct ShiftArgs {
    /// Compare years literally (off), relative to each edition's own year (auto), or with a
    /// fixed shift of N years.
    #[arg(
        long,
        value_name = "auto|off|N",
        default_value = "auto",
        allow_negative_numbers = true,
        value_parser = parse_year_shift
    )]
    pub year_shift: YearShift,
}

/// Parses `--year-shift`.
pub fn parse_year_shift(raw: &str) -> Result<YearShift, String> {
    match raw.trim() {
        "auto" => Ok(YearShift::Auto),
        "off" => Ok(YearShift::Off),
        n => n
            .parse::<i32>()
            .ok()
            .filter(|v| v.abs() <= 100)
            .map(YearShift::Fixed)
            .ok_or_else(|| {
                format!("invalid --year-shift {raw:?}: expected auto, off or a number of years")
            }),
    }
}

/// The comparison options from the parsed flags.
pub fn compare_options(shift: &ShiftArgs, outline: OutlineOptions) -> CompareOptions {
    CompareOptions {
        year_shift: shift.year_shift,
        outline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_comes_from_the_flag_then_the_terminal_then_columns() {
        assert_eq!(term_width(Some(120), Some(200), Some("90")), 120);
        assert_eq!(term_width(None, Some(200), Some("90")), 200);
        assert_eq!(term_width(None, None, Some("90")), 90);
        assert_eq!(term_width(None, None, Some(" 90 ")), 90);
        assert_eq!(term_width(None, None, Some("wide")), 80);
        assert_eq!(term_width(None, None, Some("0")), 80);
        assert_eq!(term_width(None, None, None), 80);
        assert_eq!(term_width(None, Some(20), None), 40);
        assert_eq!(term_width(None, None, Some("5000")), 1000);
    }

    #[test]
    fn width_flag_is_validated() {
        assert_eq!(parse_width("40"), Ok(40));
        assert_eq!(parse_width("1000"), Ok(1000));
        assert!(parse_width("39").is_err());
        assert!(parse_width("1001").is_err());
        assert!(parse_width("wide").is_err());
    }
}

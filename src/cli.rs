//! Command-line arguments (clap) and their translation into the library's validated options.
//! Nothing below `main.rs` sees clap types.

use clap::{Args, Parser, Subcommand, ValueEnum};

use yoydiff::compare::{CompareOptions, YearShift};
use yoydiff::outline::{Lang, OutlineOptions};

const AFTER_HELP: &str = "\
Inputs: a path, - for standard input, or REV:PATH to read a file from git (git show REV:PATH).
Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5 and other legacy
encodings are detected; --encoding forces one.

Exit codes: 0 success; 1 with --exit-code when the editions differ; 2 on any error
(one line on stderr).";

/// Compare two editions of an annual report and show what really changed.
#[derive(Debug, Parser)]
#[command(name = "yoydiff", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare two editions (the main job): which sections were kept, renamed, moved, split,
    /// merged, added or removed.
    #[command(after_help = AFTER_HELP)]
    Diff {
        /// The older edition (path, -, or REV:PATH).
        old: String,
        /// The newer edition (path, -, or REV:PATH).
        new: String,
        #[command(flatten)]
        common: CommonArgs,
        /// Compare years literally (off), relative to each edition's own year (auto), or with a
        /// fixed shift of N years.
        #[arg(
            long,
            value_name = "auto|off|N",
            default_value = "auto",
            allow_negative_numbers = true
        )]
        year_shift: String,
        /// Exit with 1 when the editions differ, as `git diff --exit-code` does.
        #[arg(long)]
        exit_code: bool,
        /// Show old and new sentences in two columns (terminal format).
        #[arg(long)]
        side_by_side: bool,
        /// Show the output through a pager ($PAGER, else `less -R`).
        #[arg(long)]
        pager: bool,
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
    /// Force the input encoding (a WHATWG label: utf-8, utf-16le, gb18030, gbk, big5…).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable output for a terminal.
    Term,
    /// The yoydiff/1 JSON contract (docs/json-schema.md).
    Json,
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

impl CommonArgs {
    pub fn outline_options(&self) -> OutlineOptions {
        OutlineOptions {
            lang: match self.lang {
                LangChoice::Auto => None,
                LangChoice::Zh => Some(Lang::Zh),
                LangChoice::En => Some(Lang::En),
            },
        }
    }

    /// Whether to colour output written to stdout.
    pub fn use_color(&self) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && console::Term::stdout().features().colors_supported()
                    && console::Term::stdout().is_term()
            }
        }
    }
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

pub fn compare_options(
    year_shift: &str,
    outline: OutlineOptions,
) -> Result<CompareOptions, String> {
    Ok(CompareOptions {
        year_shift: parse_year_shift(year_shift)?,
        outline,
    })
}

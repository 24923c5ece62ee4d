//! The `yoydiff` command: parse arguments, run the library, print, and map errors to exit codes.

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use cli::{Cli, Command, CommonArgs, Format};
use yoydiff::exit_codes;
use yoydiff::input::{self, Source};
use yoydiff::outline::Document;
use yoydiff::render::{self, TermOptions};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(err),
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(err) => {
            if is_broken_pipe(&err) {
                // `yoydiff … | head` closed the pipe: the reader has what it wanted.
                return ExitCode::from(exit_codes::SUCCESS as u8);
            }
            eprintln!("yoydiff: {}", one_line(&err));
            ExitCode::from(exit_codes::ERROR as u8)
        }
    }
}

/// Help and version go to stdout as clap writes them; a usage error becomes one line on
/// stderr and exit code 2, like every other error.
fn usage_error(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = err.print();
        let code = if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            exit_codes::ERROR
        } else {
            exit_codes::SUCCESS
        };
        return ExitCode::from(code as u8);
    }
    let text = err.render().to_string();
    let line = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information")
        })
        .map(|l| l.trim_start_matches("error: "))
        .collect::<Vec<_>>()
        .join("; ");
    eprintln!("yoydiff: {line} (see yoydiff --help)");
    ExitCode::from(exit_codes::ERROR as u8)
}

/// The error and its causes on one line, without repeating a cause the message already holds.
fn one_line(err: &anyhow::Error) -> String {
    let mut msg = err.to_string();
    for cause in err.chain().skip(1) {
        let c = cause.to_string();
        if !msg.contains(&c) {
            msg.push_str(": ");
            msg.push_str(&c);
        }
    }
    msg.replace('\n', " ")
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Outline { file, common } => {
            let doc = load(&file, &common)?;
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            match common.format {
                Format::Term => {
                    render::term::write_outline(&mut out, &doc, term_options(&common, false))?
                }
                Format::Json => render::json::write_outline(&mut out, &doc)?,
            }
            out.flush()?;
            Ok(exit_codes::SUCCESS)
        }
        Command::Figures { file, common } => {
            let doc = load(&file, &common)?;
            let figures = yoydiff::figures::extract(&doc);
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            match common.format {
                Format::Term => render::figures::write_figures(
                    &mut out,
                    &figures,
                    term_options(&common, false),
                )?,
                Format::Json => render::json::write_figures(&mut out, &doc, &figures)?,
            }
            out.flush()?;
            Ok(exit_codes::SUCCESS)
        }
        Command::Diff {
            old,
            new,
            common,
            year_shift,
            exit_code,
            side_by_side,
            pager,
        } => {
            let options = cli::compare_options(&year_shift, common.outline_options())
                .map_err(anyhow::Error::msg)?;
            if old == "-" && new == "-" {
                anyhow::bail!("only one side of diff can be read from standard input (-)");
            }
            let old_doc = load(&old, &common)?;
            let new_doc = load(&new, &common)?;
            let comparison = yoydiff::compare::compare(&old_doc, &new_doc, &options);
            let mut rendered = Vec::new();
            match common.format {
                Format::Term => render::term::write_comparison(
                    &mut rendered,
                    &comparison,
                    term_options(&common, side_by_side),
                )?,
                Format::Json => render::json::write_comparison(&mut rendered, &comparison)?,
            }
            if pager {
                page(&rendered)?;
            } else {
                let stdout = io::stdout();
                let mut out = stdout.lock();
                out.write_all(&rendered)?;
                out.flush()?;
            }
            Ok(if exit_code && comparison.has_changes() {
                exit_codes::DIFFERENCES
            } else {
                exit_codes::SUCCESS
            })
        }
    }
}

/// Shows `text` through the user's pager (`$PAGER`, else `less -R`), only when asked with
/// `--pager`.
fn page(text: &[u8]) -> Result<()> {
    use std::process::{Command, Stdio};
    let pager = std::env::var("PAGER")
        .ok()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| "less -R".to_string());
    let mut parts = pager.split_whitespace();
    let program = parts.next().unwrap_or("less");
    let mut child = Command::new(program)
        .args(parts)
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| anyhow::anyhow!("cannot start pager {pager:?}: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        // The reader may quit before reading everything; that is not an error.
        let _ = stdin.write_all(text);
    }
    child.wait()?;
    Ok(())
}

fn term_options(common: &CommonArgs, side_by_side: bool) -> TermOptions {
    let width = console::Term::stdout()
        .size_checked()
        .map_or(100, |(_, w)| w as usize)
        .max(60);
    TermOptions {
        color: common.use_color(),
        width,
        side_by_side,
    }
}

fn load(arg: &str, common: &CommonArgs) -> Result<Document> {
    let forced = match &common.encoding {
        Some(label) => Some(input::encoding_for_label(label)?),
        None => None,
    };
    Ok(yoydiff::load_document(
        &Source::from_arg(arg),
        forced,
        common.outline_options(),
    )?)
}

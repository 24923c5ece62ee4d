//! The `yoydiff` command: parse arguments, run the library, print, and map errors to exit codes.

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use cli::{Cli, Command, CommonArgs, Format};
use yoydiff::exit_codes;
use yoydiff::render::{self, TermOptions};
use yoydiff::{Document, Source};

/// Blocks of a megabyte and more (the tables of a long report) are mapped on their own and
/// given back to the system when freed. glibc raises that bar to the size of the first such
/// block freed, so later tables come from its heaps, and the memory of one phase stays with
/// the process while the next runs on another thread: a 50× pair peaked at 112 MB instead
/// of 91.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_blocks() {
    unsafe extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    const M_MMAP_THRESHOLD: i32 = -3;
    // SAFETY: `mallopt` only sets a tunable of the allocator, before any thread starts; a
    // refusal (0) leaves the default in place.
    unsafe {
        mallopt(M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_blocks() {}

fn main() -> ExitCode {
    return_large_blocks();
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
            let mut out = Vec::new();
            match common.format {
                Format::Term => {
                    render::term::write_outline(&mut out, &doc, term_options(&common, false))?
                }
                Format::Json => render::json::write_outline(&mut out, &doc)?,
                Format::Markdown | Format::Github => {
                    render::markdown::write_outline(&mut out, &doc)?
                }
                Format::Html | Format::Csv => unsupported(common.format, "outline")?,
            }
            emit(&out, common.output.as_deref(), false)?;
            Ok(exit_codes::SUCCESS)
        }
        Command::Figures { file, common } => {
            let doc = load(&file, &common)?;
            let figures = yoydiff::extract_figures(&doc);
            let mut out = Vec::new();
            match common.format {
                Format::Term => {
                    render::term::write_figures(&mut out, &figures, term_options(&common, false))?
                }
                Format::Json => render::json::write_figures(&mut out, &doc, &figures)?,
                Format::Markdown | Format::Github => {
                    render::markdown::write_figures(&mut out, &doc, &figures)?
                }
                Format::Html | Format::Csv => unsupported(common.format, "figures")?,
            }
            emit(&out, common.output.as_deref(), false)?;
            Ok(exit_codes::SUCCESS)
        }
        Command::Diff {
            old,
            new,
            common,
            shift,
            exit_code,
            pager,
            view,
        } => {
            let options = cli::compare_options(&shift, common.outline_options());
            let parts = view.parts().map_err(anyhow::Error::msg)?;
            if old == "-" && new == "-" {
                anyhow::bail!("only one side of diff can be read from standard input (-)");
            }
            let (old_doc, new_doc) = load_pair(&old, &new, &common)?;
            let comparison = yoydiff::compare(&old_doc, &new_doc, &options);
            let comparison = focused(comparison, &view, common.format)?;
            let full_command = format!("yoydiff diff {old} {new} --format markdown");
            let rendered = render_comparison(
                &for_people(&comparison, &common, view.title.as_deref()),
                &common,
                parts,
                view.max_chars,
                view.side_by_side,
                full_command,
            )?;
            emit(&rendered, common.output.as_deref(), pager)?;
            Ok(if exit_code && comparison.has_changes() {
                exit_codes::DIFFERENCES
            } else {
                exit_codes::SUCCESS
            })
        }
        Command::Trend {
            inputs,
            series,
            common,
            shift,
        } => {
            let files = trend_inputs(&inputs, series.as_deref())?;
            if files.len() < yoydiff::MIN_EDITIONS {
                return Err(yoydiff::TrendError::TooFew(files.len()).into());
            }
            let docs = files
                .iter()
                .map(|f| load(f, &common))
                .collect::<Result<Vec<Document>>>()?;
            let options = cli::compare_options(&shift, common.outline_options());
            let trend = yoydiff::trend(&docs, &options)?;
            let mut out = Vec::new();
            match common.format {
                Format::Term => {
                    render::term::write_trend(&mut out, &trend, term_options(&common, false))?
                }
                Format::Json => render::json::write_trend(&mut out, &trend)?,
                Format::Markdown | Format::Github => {
                    render::markdown::write_trend(&mut out, &trend)?
                }
                Format::Csv => render::csv::write_trend(&mut out, &trend)?,
                Format::Html => render::html::write_trend(&mut out, &trend)?,
            }
            emit(&out, common.output.as_deref(), false)?;
            Ok(exit_codes::SUCCESS)
        }
        Command::GitDiff {
            args,
            common,
            shift,
            view,
        } => git_diff(&args, &common, &shift, &view),
        Command::Batch {
            pairs,
            lang,
            encoding,
            shift,
            exit_code,
            output,
        } => {
            let outline = yoydiff::OutlineOptions {
                lang: lang.forced(),
            };
            let compare = cli::compare_options(&shift, outline);
            let encoding = match &encoding {
                Some(label) => Some(yoydiff::encoding_for_label(label)?),
                None => None,
            };
            let list = yoydiff::batch::read_pairs(&pairs)?;
            let options = yoydiff::batch::BatchOptions { compare, encoding };
            let bar = progress_bar(list.len());
            let results = yoydiff::batch::run_all(&list, &options, || bar.inc(1));
            bar.finish_and_clear();
            let mut out = Vec::new();
            for (pair, result) in list.iter().zip(&results) {
                out.extend_from_slice(
                    yoydiff::batch::json_line(pair, &result.comparison).as_bytes(),
                );
                out.push(b'\n');
                result.warnings.iter().for_each(warn);
            }
            emit(&out, output.as_deref(), false)?;
            let failed: Vec<&String> = results
                .iter()
                .filter_map(|r| r.comparison.as_ref().err())
                .collect();
            if let Some(first) = failed.first() {
                anyhow::bail!(
                    "{} of {} pairs failed (see their \"error\" lines); first: {first}",
                    failed.len(),
                    list.len()
                );
            }
            let differ = results
                .iter()
                .any(|r| r.comparison.as_ref().is_ok_and(|c| c.has_changes()));
            Ok(if exit_code && differ {
                exit_codes::DIFFERENCES
            } else {
                exit_codes::SUCCESS
            })
        }
    }
}

/// The part of a comparison `--section` asks for; JSON stays whole, as with `--only`.
fn focused(
    comparison: yoydiff::Comparison,
    view: &cli::ViewArgs,
    format: Format,
) -> Result<yoydiff::Comparison> {
    match view.focus().map_err(anyhow::Error::msg)? {
        Some(focus) if format != Format::Json => {
            focus.apply(&comparison).map_err(anyhow::Error::msg)
        }
        _ => Ok(comparison),
    }
}

/// Renders a comparison in the chosen format.
fn render_comparison(
    comparison: &yoydiff::Comparison,
    common: &CommonArgs,
    parts: render::Parts,
    max_chars: usize,
    side_by_side: bool,
    full_command: String,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    match common.format {
        Format::Term => render::term::write_comparison(
            &mut out,
            comparison,
            parts,
            term_options(common, side_by_side),
        )?,
        Format::Json => render::json::write_comparison(&mut out, comparison)?,
        Format::Markdown => render::markdown::write_comparison(&mut out, comparison, parts)?,
        Format::Html => render::html::write_comparison(&mut out, comparison, parts)?,
        Format::Csv => unsupported(common.format, "diff")?,
        Format::Github => render::github::write_comparison(
            &mut out,
            comparison,
            &render::github::GithubOptions {
                parts,
                max_chars,
                full_command,
            },
        )?,
    }
    Ok(out)
}

/// The comparison as the formats for people show it (markdown, github, html): the report
/// named by `--title`, and inputs under the current folder named relative to it, so that a
/// published changelog does not show the folders of the machine it was made on. JSON keeps
/// the sources as given.
fn for_people<'a>(
    comparison: &'a yoydiff::Comparison,
    common: &CommonArgs,
    title: Option<&str>,
) -> std::borrow::Cow<'a, yoydiff::Comparison> {
    if !matches!(
        common.format,
        Format::Markdown | Format::Github | Format::Html
    ) {
        return std::borrow::Cow::Borrowed(comparison);
    }
    let mut c = comparison.clone();
    if let Some(title) = title {
        c.old.title = title.to_string();
        c.new.title = title.to_string();
    }
    let cwd = std::env::current_dir().ok();
    for d in [&mut c.old, &mut c.new] {
        let path = std::path::Path::new(&d.source);
        if let Some(cwd) = &cwd
            && path.is_absolute()
            && let Ok(rel) = path.strip_prefix(cwd)
            && !rel.as_os_str().is_empty()
        {
            d.source = rel.to_string_lossy().into_owned();
        }
    }
    std::borrow::Cow::Owned(c)
}

/// The error for a format a command does not write.
fn unsupported(format: Format, command: &str) -> Result<()> {
    let hint = match format {
        Format::Csv => "csv is written by trend",
        _ => "html is written by diff and trend",
    };
    anyhow::bail!(
        "--format {} is not available for {command} ({hint})",
        format.name()
    )
}

/// The editions a trend follows: the files as given, or the editions of one series in a
/// folder (`PREFIX-YYYY.txt`), picked with `--series` when the folder holds several.
fn trend_inputs(inputs: &[String], series: Option<&str>) -> Result<Vec<String>> {
    if let [dir] = inputs
        && std::path::Path::new(dir).is_dir()
    {
        let all = yoydiff::batch::series_in_folder(std::path::Path::new(dir))
            .map_err(|e| anyhow::anyhow!("{dir}: cannot read: {e}"))?;
        let names = || all.keys().cloned().collect::<Vec<_>>().join(", ");
        let editions = match (series, all.len()) {
            (Some(prefix), _) => all.get(prefix).ok_or_else(|| {
                anyhow::anyhow!(
                    "{dir}: no {prefix}-YYYY.txt editions (series found: {})",
                    if all.is_empty() {
                        "none".to_string()
                    } else {
                        names()
                    }
                )
            })?,
            (None, 0) => anyhow::bail!("{dir}: no PREFIX-YYYY.txt editions found"),
            (None, 1) => all.values().next().expect("one series"),
            (None, _) => anyhow::bail!(
                "{dir} holds several series ({}); choose one with --series PREFIX",
                names()
            ),
        };
        return Ok(editions
            .iter()
            .map(|(_, p)| p.to_string_lossy().into_owned())
            .collect());
    }
    if series.is_some() {
        anyhow::bail!(
            "--series picks a series from a folder; name the editions or give one folder"
        );
    }
    if inputs.iter().filter(|i| *i == "-").count() > 1 {
        anyhow::bail!("only one edition can be read from standard input (-)");
    }
    Ok(inputs.to_vec())
}

/// `yoydiff git-diff`: git's external diff calls it with PATH OLD-FILE OLD-HEX OLD-MODE
/// NEW-FILE NEW-HEX NEW-MODE, two more (NEW-PATH and the rename line) for a renamed file, and
/// PATH alone for an unmerged one. Git stops the whole diff when an external diff exits
/// non-zero, so the cases that are not a comparison get one line instead of an error: an added
/// or deleted file (`/dev/null` on one side) and an unmerged path.
fn git_diff(
    args: &[String],
    common: &CommonArgs,
    shift: &cli::ShiftArgs,
    view: &cli::ViewArgs,
) -> Result<i32> {
    if let Some(code) = hand_over_to_difftool(args)? {
        return Ok(code);
    }
    let options = cli::compare_options(shift, common.outline_options());
    let parts = view.parts().map_err(anyhow::Error::msg)?;
    // Each side is FILE HEX MODE; git writes `.` for the hash and mode of a missing side.
    let side = |hex: &str, mode: &str| {
        (hex == "." || hex.bytes().all(|b| b.is_ascii_hexdigit()))
            && (mode == "." || mode.bytes().all(|b| (b'0'..=b'7').contains(&b)))
    };
    let (path, old, new, new_path) = match args {
        [path] => {
            let out = format!("yoydiff {path}\n{path}: unmerged\n");
            emit(out.as_bytes(), common.output.as_deref(), false)?;
            return Ok(exit_codes::SUCCESS);
        }
        [path, old, oh, om, new, nh, nm] if side(oh, om) && side(nh, nm) => (path, old, new, path),
        [path, old, oh, om, new, nh, nm, new_path, _] if side(oh, om) && side(nh, nm) => {
            (path, old, new, new_path)
        }
        // Git's arguments are taken whole, whatever they start with, so an option that
        // `git-diff` does not know arrives here as the first of them.
        [first, ..] if first.starts_with('-') => anyhow::bail!(
            "git-diff: unknown option {first} (it takes the options of `yoydiff diff` that choose the view, see yoydiff diff --help)"
        ),
        _ => anyhow::bail!(
            "git-diff expects the 7 arguments git passes to an external diff (path old-file old-hex old-mode new-file new-hex new-mode), got {}",
            args.len()
        ),
    };
    let mut out = if new_path == path {
        format!("yoydiff {path}\n")
    } else {
        format!("yoydiff {path} → {new_path}\n")
    }
    .into_bytes();
    if old == "/dev/null" || new == "/dev/null" {
        let what = if old == "/dev/null" {
            "added"
        } else {
            "deleted"
        };
        out.extend_from_slice(format!("{path}: file {what}\n").as_bytes());
    } else {
        let mut old_doc = load(old, common)?;
        let mut new_doc = load(new, common)?;
        // Git hands over temporary files; name the editions after the path instead.
        old_doc.source = format!("a/{path}");
        new_doc.source = format!("b/{new_path}");
        let comparison = yoydiff::compare(&old_doc, &new_doc, &options);
        let comparison = focused(comparison, view, common.format)?;
        out.extend(render_comparison(
            &for_people(&comparison, common, view.title.as_deref()),
            common,
            parts,
            view.max_chars,
            view.side_by_side,
            format!("git diff -- {new_path}"),
        )?);
    }
    emit(&out, common.output.as_deref(), false)?;
    Ok(exit_codes::SUCCESS)
}

/// `git difftool` works by running `git diff` with its own helper as the external diff, but a
/// path's diff driver from `.gitattributes` wins over that helper: with the driver configured,
/// `git difftool -t yoydiff` (or any other tool) on a report file would silently show the
/// driver's output. When git started this driver on behalf of difftool, the same arguments go
/// to difftool's helper, which runs the chosen tool; its exit code is passed on.
fn hand_over_to_difftool(args: &[String]) -> Result<Option<i32>> {
    let helper = std::env::var_os("GIT_EXTERNAL_DIFF");
    let is_difftool = helper.as_deref().is_some_and(|program| {
        std::path::Path::new(program)
            .file_name()
            .is_some_and(|name| name == "git-difftool--helper")
    });
    if !is_difftool {
        return Ok(None);
    }
    let status = std::process::Command::new("git")
        .arg("difftool--helper")
        .args(args)
        .status()
        .map_err(|e| anyhow::anyhow!("cannot run git difftool--helper: {e}"))?;
    Ok(Some(status.code().unwrap_or(exit_codes::ERROR)))
}

/// A progress bar on stderr, drawn only when stderr is a terminal: a log file or a CI console
/// must not fill with redraws.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pairs · {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

/// Sends rendered output to its place: a file (atomically), the pager, or stdout.
fn emit(bytes: &[u8], output: Option<&std::path::Path>, pager: bool) -> Result<()> {
    if let Some(path) = output {
        return yoydiff::write_atomically(path, bytes).map_err(anyhow::Error::msg);
    }
    if pager {
        return page(bytes);
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
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
    // A file written with -o is not the terminal, whatever stdout is.
    let stdout = console::Term::stdout();
    let terminal = (common.output.is_none() && stdout.is_term())
        .then(|| stdout.size_checked())
        .flatten()
        .map(|(_, w)| w as usize);
    let columns = std::env::var("COLUMNS").ok();
    TermOptions {
        color: common.use_color(),
        width: cli::term_width(common.width, terminal, columns.as_deref()),
        side_by_side,
    }
}

fn load(arg: &str, common: &CommonArgs) -> Result<Document> {
    let loaded = load_quietly(arg, common)?;
    loaded.warnings.iter().for_each(warn);
    Ok(loaded.document)
}

/// [`load`] with the repairs left for the caller to show.
fn load_quietly(arg: &str, common: &CommonArgs) -> Result<yoydiff::Loaded> {
    let forced = match &common.encoding {
        Some(label) => Some(yoydiff::encoding_for_label(label)?),
        None => None,
    };
    Ok(yoydiff::load(
        &Source::from_arg(arg),
        forced,
        common.outline_options(),
    )?)
}

/// The first few kilobytes of a file input as text, to tell which patterns the comparison
/// will need (a wrong guess only costs time); empty for standard input or a git revision.
fn input_sample(arg: &str) -> String {
    use std::io::Read;
    const SAMPLE_BYTES: u64 = 4096;
    let mut bytes = Vec::new();
    if arg != "-"
        && let Ok(file) = std::fs::File::open(arg)
    {
        let _ = file.take(SAMPLE_BYTES).read_to_end(&mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The two sides of a diff, read and outlined on two threads. Warnings and errors come out as
/// if the old side were read first: its warnings, then its error if any, then the new side's.
/// The same input named twice (a path, or the same `REV:PATH`) is read once, while a second
/// thread compiles the patterns the comparison reads figures by.
fn load_pair(old: &str, new: &str, common: &CommonArgs) -> Result<(Document, Document)> {
    let (old_loaded, new_loaded) = std::thread::scope(|scope| {
        if new == old {
            // Not joined: the comparison takes what is compiled by then and compiles the
            // rest itself, and the thread ends with the process.
            let sample = input_sample(old);
            std::thread::spawn(move || yoydiff::prepare_patterns(&sample));
            return (load_quietly(old, common), None);
        }
        let new_side = scope.spawn(|| load_quietly(new, common));
        let old_loaded = load_quietly(old, common);
        let new_loaded = new_side
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (old_loaded, Some(new_loaded))
    });
    let old_loaded = old_loaded?;
    old_loaded.warnings.iter().for_each(warn);
    let new_doc = match new_loaded {
        None => old_loaded.document.clone(),
        Some(loaded) => {
            let loaded = loaded?;
            loaded.warnings.iter().for_each(warn);
            loaded.document
        }
    };
    Ok((old_loaded.document, new_doc))
}

/// A repair made while reading an input: one line on stderr, which never holds the output.
/// A line already printed is not printed again: the same damaged file on both sides of a diff
/// (or in several batch pairs) was repaired the same way each time.
fn warn(warning: &yoydiff::Warning) {
    static PRINTED: std::sync::Mutex<std::collections::BTreeSet<String>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let line = format!("yoydiff: warning: {warning}");
    let mut printed = PRINTED.lock().unwrap_or_else(|e| e.into_inner());
    if !printed.contains(&line) {
        eprintln!("{line}");
        printed.insert(line);
    }
}

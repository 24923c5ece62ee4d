//! Inputs that are wrong, damaged or hostile, end to end through the binary: an argument that
//! would reach git as an option, damaged UTF-8, NUL and control characters, oversized input,
//! `-o` into a missing folder or over a read-only file, and implausible years. Each row of the
//! README's "Bad input" table is checked here or in `tests/cli.rs`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_yoydiff");

fn yoydiff(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdin(Stdio::null());
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Output {
    yoydiff(dir).args(args).output().expect("run yoydiff")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Exit code 2, nothing on stdout, one line on stderr starting with `yoydiff: `, no panic.
/// Returns the line.
#[track_caller]
fn one_line_error(output: &Output) -> String {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {err:?}");
    assert!(!err.contains("panicked"), "{err:?}");
    assert!(
        output.stdout.is_empty(),
        "stdout: {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line on stderr: {err:?}");
    assert!(lines[0].starts_with("yoydiff: "), "{err:?}");
    lines[0].to_string()
}

/// Every file and folder under `dir`, relative to it, sorted.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            if path.is_dir() {
                stack.push(path);
            }
        }
    }
    out.sort();
    out
}

#[track_caller]
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run git (the git tests need git installed)");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository with the 2022 national report committed as `report.txt`.
fn repo() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    git(root, &["config", "user.email", "test@example.com"]);
    git(root, &["config", "user.name", "yoydiff test"]);
    git(root, &["config", "commit.gpgsign", "false"]);
    std::fs::copy(
        common::sample_path("national-gwr-2022.txt"),
        root.join("report.txt"),
    )
    .unwrap();
    git(root, &["add", "report.txt"]);
    git(root, &["commit", "-q", "-m", "2022 edition"]);
    dir
}

// ---------------------------------------------------------------------------------------------
// REV:PATH never reaches git as an option.
// ---------------------------------------------------------------------------------------------

/// `--output=OUT/x:y` splits into the "revision" `--output=OUT/x` and the path `y`. Handed to
/// `git show`, it would be read as git's own `--output` option and write the commit's diff to
/// `OUT/x:./y` (the folder `x:.` is made here so that such a write would succeed).
#[test]
fn a_revision_that_looks_like_an_option_is_refused_and_writes_nothing() {
    let repo = repo();
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir(out.path().join("x:.")).unwrap();
    let before = tree(out.path());
    let arg = format!("--output={}/x:y", out.path().display());

    for args in [
        vec!["outline", "--", arg.as_str()],
        vec!["diff", "--", arg.as_str(), "report.txt"],
        vec!["figures", "--format", "json", "--", arg.as_str()],
    ] {
        let line = one_line_error(&run(repo.path(), &args));
        assert!(line.contains(&arg), "should name the argument: {line:?}");
        assert!(line.contains("cannot start with '-'"), "{line:?}");
        assert_eq!(tree(out.path()), before, "{args:?} created a file");
    }
    // The repository's own files are untouched too.
    assert_eq!(
        tree(repo.path())
            .into_iter()
            .filter(|p| !p.starts_with(".git"))
            .collect::<Vec<_>>(),
        vec![PathBuf::from("report.txt")]
    );
}

/// A batch list reaches the same code: the pair fails with the same message on its line, and
/// nothing is written.
#[test]
fn a_batch_line_with_an_option_as_revision_is_refused_and_writes_nothing() {
    let repo = repo();
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir(out.path().join("x:.")).unwrap();
    let before = tree(out.path());
    let arg = format!("--output={}/x:y", out.path().display());
    let list = repo.path().join("pairs.tsv");
    std::fs::write(
        &list,
        format!("{arg}\treport.txt\nreport.txt\tHEAD:report.txt\n"),
    )
    .unwrap();
    let output = run(repo.path(), &["batch", "pairs.tsv"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let error = lines[0]["error"].as_str().expect("the first pair fails");
    assert!(error.contains("cannot start with '-'"), "{error}");
    assert_eq!(lines[0]["old"]["source"], arg.as_str());
    assert!(lines[1].get("error").is_none(), "{}", lines[1]);
    assert_eq!(lines[1]["new"]["source"], "HEAD:report.txt");
    assert_eq!(tree(out.path()), before, "the batch created a file");
}

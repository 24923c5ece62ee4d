//! yoydiff inside git: as the external diff driver for report files, as a difftool, both at
//! once, and the pull-request comment script of the GitHub Action (`docs/pr-comment.sh`), each
//! in a temporary repository. The recipes of the README and docs/git.md are run as written,
//! through `sh`, with the built binary on `PATH` under its own name. Git and a POSIX shell are
//! required (every CI runner has them); bash too, for the pull-request script.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_yoydiff");

/// The install step both documents give before any git setup.
const INSTALL: &str = "cargo install --path .";
/// The recipes as the README and docs/git.md write them.
const ATTRIBUTES: &str = "reports/*.txt diff=yoydiff";
const DRIVER: &str = "git config diff.yoydiff.command 'yoydiff git-diff'";
const DRIVER_RUN: &str = "git diff HEAD~1 -- reports/gwr.txt";
const DIFFTOOL: &str = r#"git config difftool.yoydiff.cmd 'yoydiff diff "$LOCAL" "$REMOTE"'"#;
const DIFFTOOL_RUN: &str = "git difftool -y -t yoydiff HEAD~1 -- reports/gwr.txt";

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn read_sample(name: &str) -> String {
    std::fs::read_to_string(sample(name)).unwrap()
}

/// The first `lines` lines of a sample: a short report that compares fast, with sections,
/// figures and initiatives that changed.
fn sample_head(name: &str, lines: usize) -> String {
    read_sample(name)
        .lines()
        .take(lines)
        .map(|l| format!("{l}\n"))
        .collect()
}

fn doc(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

#[track_caller]
fn need(program: &str) {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(found, "tests/git.rs needs {program} on PATH");
}

/// `PATH` with the folder of the built binary first, so that `yoydiff` in a recipe is the
/// binary under test and not one installed earlier.
fn path_with_yoydiff() -> std::ffi::OsString {
    let bin_dir = Path::new(BIN).parent().unwrap().to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(&rest))).unwrap()
}

/// A command isolated from the user's and the system's git configuration.
fn isolated(mut cmd: Command, dir: &Path, home: &Path) -> Command {
    cmd.current_dir(dir)
        .env("HOME", home)
        .env("PATH", path_with_yoydiff())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_PAGER", "cat")
        .env("PAGER", "cat")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env_remove("NO_COLOR");
    cmd
}

fn git_cmd(dir: &Path, home: &Path) -> Command {
    isolated(Command::new("git"), dir, home)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

struct Repo {
    dir: TempDir,
    home: TempDir,
}

impl Repo {
    fn new() -> Repo {
        need("git");
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
            home: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q"]);
        repo.git(&["config", "user.email", "test@example.com"]);
        repo.git(&["config", "user.name", "yoydiff test"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo
    }

    /// A repository with `reports/gwr.txt` committed as the 2022 edition, then as the 2023
    /// edition, and `ATTRIBUTES` in `.gitattributes`.
    fn with_two_editions() -> Repo {
        Repo::with_editions(
            &read_sample("national-gwr-2022.txt"),
            &read_sample("national-gwr-2023.txt"),
        )
    }

    /// The same with the given texts as the two editions.
    fn with_editions(old: &str, new: &str) -> Repo {
        let repo = Repo::new();
        std::fs::write(
            repo.path().join(".gitattributes"),
            format!("{ATTRIBUTES}\n"),
        )
        .unwrap();
        std::fs::create_dir_all(repo.path().join("reports")).unwrap();
        std::fs::write(repo.path().join("reports/gwr.txt"), old).unwrap();
        repo.commit("2022 edition");
        std::fs::write(repo.path().join("reports/gwr.txt"), new).unwrap();
        repo.commit("2023 edition");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Output {
        git_cmd(self.path(), self.home.path())
            .args(args)
            .output()
            .expect("run git")
    }

    #[track_caller]
    fn git(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    /// Runs a command line as a user would type it, through `sh`.
    fn sh(&self, line: &str) -> Output {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", line]);
        isolated(cmd, self.path(), self.home.path())
            .output()
            .expect("run sh")
    }

    /// `sh` that must succeed; returns stdout.
    #[track_caller]
    fn sh_ok(&self, line: &str) -> String {
        let out = self.sh(line);
        assert!(out.status.success(), "{line} failed: {}", text(&out.stderr));
        text(&out.stdout)
    }

    fn copy(&self, sample_name: &str, to: &str) {
        let target = self.path().join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(sample(sample_name), target).unwrap();
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }
}

/// The external diff recipe of docs/git.md: `.gitattributes` plus `diff.yoydiff.command`.
#[test]
fn external_diff_driver() {
    let repo = Repo::new();
    std::fs::write(repo.path().join(".gitattributes"), "*.txt diff=yoydiff\n").unwrap();
    repo.git(&[
        "config",
        "diff.yoydiff.command",
        &format!("{BIN} git-diff --color never"),
    ]);
    repo.copy("national-gwr-2022.txt", "report.txt");
    repo.commit("2022 edition");
    repo.copy("national-gwr-2023.txt", "report.txt");
    repo.copy("changning-gwr-2025.txt", "district.txt");
    repo.commit("2023 edition and a new report");

    let out = repo.git(&["diff", "HEAD~1", "HEAD"]);
    assert!(out.contains("yoydiff report.txt"), "{out}");
    assert!(
        out.contains("a/report.txt (2022) → b/report.txt (2023)"),
        "{out}"
    );
    assert!(
        out.contains("sections:") && out.contains("figures:"),
        "{out}"
    );
    assert!(out.contains("district.txt: file added"), "{out}");
    assert!(!out.contains('\u{1b}'), "no colour when asked for none");

    // The same driver with markdown output, through `git log -p --ext-diff`.
    repo.git(&[
        "config",
        "diff.yoydiff.command",
        &format!("{BIN} git-diff --format markdown --summary"),
    ]);
    let log = repo.git(&["log", "-p", "--ext-diff", "-1", "--", "report.txt"]);
    assert!(log.contains("# 政府工作报告: 2022 → 2023"), "{log}");
    assert!(!log.contains("## Changes by section"), "{log}");

    // The hidden subcommand refuses anything but git's argument list, in one line.
    let out = Command::new(BIN)
        .args(["git-diff", "report.txt", "old.txt", "new.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "yoydiff: git-diff expects the 7 arguments git passes to an external diff (path old-file old-hex old-mode new-file new-hex new-mode), got 3\n"
    );
}

/// The difftool recipe of docs/git.md.
#[test]
fn difftool() {
    let repo = Repo::new();
    repo.copy("national-gwr-2022.txt", "report.txt");
    repo.commit("2022 edition");
    repo.copy("national-gwr-2023.txt", "report.txt");
    repo.commit("2023 edition");
    repo.git(&[
        "config",
        "difftool.yoydiff.cmd",
        &format!("{BIN} diff --color never \"$LOCAL\" \"$REMOTE\""),
    ]);
    let out = repo.git(&[
        "difftool",
        "--no-prompt",
        "--tool=yoydiff",
        "HEAD~1",
        "HEAD",
        "--",
        "report.txt",
    ]);
    assert!(out.contains("(2022) →") && out.contains("(2023)"), "{out}");
    assert!(out.contains("sections:"), "{out}");
}

/// The script of the GitHub Action, run against a base and a head commit without network.
#[test]
fn pull_request_comment_script() {
    need("bash");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/pr-comment.sh");
    let repo = Repo::new();
    repo.copy("national-gwr-2022.txt", "reports/national-gwr-2022.txt");
    std::fs::write(repo.path().join("README.md"), "reports\n").unwrap();
    repo.commit("base");
    let base = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    // A new year's report arrives as a new file.
    repo.copy("national-gwr-2023.txt", "reports/national-gwr-2023.txt");
    repo.commit("head");
    let head = repo.git(&["rev-parse", "HEAD"]).trim().to_string();

    let run = |base: &str, head: &str, out: &str| {
        Command::new("bash")
            .arg(&script)
            .args([base, head, out, "reports/*.txt"])
            .current_dir(repo.path())
            .env("YOYDIFF", BIN)
            .env("HOME", repo.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap()
    };
    let out = run(&base, &head, "comment.md");
    assert!(
        out.status.success(),
        "script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let body = std::fs::read_to_string(repo.path().join("comment.md")).unwrap();
    assert!(body.starts_with("<!-- yoydiff -->"), "{}", &body[..100]);
    assert!(
        body.contains("# 政府工作报告: 2022 → 2023"),
        "{}",
        &body[..300]
    );
    assert!(body.chars().count() <= 65_536, "{}", body.chars().count());
    assert_eq!(
        body.matches("<details>").count(),
        body.matches("</details>").count()
    );

    // A report edited in place is compared with its base version.
    std::fs::copy(
        sample("national-gwr-2022.txt"),
        repo.path().join("reports/national-gwr-2023.txt"),
    )
    .unwrap();
    repo.commit("edit");
    let edited = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    let out = run(&head, &edited, "edited.md");
    assert!(out.status.success());
    let body = std::fs::read_to_string(repo.path().join("edited.md")).unwrap();
    assert!(body.contains("**Overall similarity**"), "{body}");

    // Nothing changed: no comment file, success.
    let out = run(&head, &head, "none.md");
    assert!(out.status.success());
    assert!(!repo.path().join("none.md").exists());
}

/// The README and docs/git.md give the install step before any git setup, and the recipes
/// the tests below run, word for word.
#[test]
fn the_documents_install_yoydiff_before_the_git_recipes() {
    let readme = doc("README.md");
    let git_md = doc("docs/git.md");
    for (name, text) in [("README.md", &readme), ("docs/git.md", &git_md)] {
        let install = text.find(INSTALL);
        let driver = text.find(DRIVER);
        assert!(install.is_some(), "{name} has no `{INSTALL}`");
        assert!(driver.is_some(), "{name} has no `{DRIVER}`");
        assert!(
            install < driver,
            "{name} installs yoydiff after the git setup"
        );
        for recipe in [ATTRIBUTES, DIFFTOOL, DIFFTOOL_RUN] {
            assert!(text.contains(recipe), "{name} does not say `{recipe}`");
        }
    }
    assert!(git_md.contains(DRIVER_RUN));
    // The README's git section starts by pointing at the install step.
    let git_section = &readme[readme.find("\n## Git\n").unwrap()..];
    let first_recipe = git_section.find("git config").unwrap();
    assert!(git_section[..first_recipe].contains(INSTALL));
}

/// Driver and difftool configured together, as the documents write them: `git diff` runs the
/// driver, `git difftool -t yoydiff` the difftool, any other difftool its own command, and
/// `--no-ext-diff` git's line diff.
#[test]
fn the_documented_recipes_work_as_written_driver_and_difftool_together() {
    let repo = Repo::with_two_editions();
    repo.sh_ok(DRIVER);
    repo.sh_ok(DIFFTOOL);

    let out = repo.sh_ok(DRIVER_RUN);
    assert!(
        out.starts_with(
            "yoydiff reports/gwr.txt\na/reports/gwr.txt (2022) → b/reports/gwr.txt (2023)\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("sections:") && out.contains("figures:"),
        "{out}"
    );

    // difftool: yoydiff diff on git's temporary file and the working-tree file, not the driver.
    let out = repo.sh_ok(DIFFTOOL_RUN);
    // The header: one line, or two when the paths are long (the new one on its own line).
    let first = out
        .lines()
        .take_while(|l| !l.contains(" · "))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        first.ends_with("/gwr.txt (2022) → reports/gwr.txt (2023)"),
        "the difftool should run: {out}"
    );
    assert!(!out.contains("yoydiff reports/gwr.txt"), "{out}");
    assert!(!out.contains("a/reports/gwr.txt"), "{out}");

    // Another difftool on a report file runs that tool too.
    let out = repo.sh_ok("git difftool -y -x 'echo TOOL' HEAD~1 -- reports/gwr.txt");
    assert!(out.starts_with("TOOL "), "{out}");
    assert!(out.trim_end().ends_with(" reports/gwr.txt"), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");

    // The line diff is one flag away.
    let out = repo.sh_ok("git diff --no-ext-diff HEAD~1 -- reports/gwr.txt");
    assert!(
        out.starts_with("diff --git a/reports/gwr.txt b/reports/gwr.txt\n"),
        "{out}"
    );
}

/// `yoydiff git-diff` takes the view options of `yoydiff diff` and prints what `diff` prints
/// for the same editions, after its `yoydiff PATH` line.
#[test]
fn the_driver_takes_the_view_options_of_diff() {
    let old = sample_head("national-gwr-2022.txt", 60);
    let new = sample_head("national-gwr-2023.txt", 60);
    let repo = Repo::with_editions(&old, &new);
    // The two editions under the names the driver gives them, to run `diff` on.
    let plain = tempfile::tempdir().unwrap();
    for (side, edition) in [("a", &old), ("b", &new)] {
        let to = plain.path().join(side).join("reports");
        std::fs::create_dir_all(&to).unwrap();
        std::fs::write(to.join("gwr.txt"), edition).unwrap();
    }
    let diff = |flags: &str| {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(plain.path())
            .args(["diff", "--color", "never"])
            .args(flags.split_whitespace())
            .args(["a/reports/gwr.txt", "b/reports/gwr.txt"]);
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let mut seen = Vec::new();
    for flags in [
        "",
        "--side-by-side",
        "--summary --only initiatives",
        "--format markdown --only structure,text",
        // The whole comment: a budget would fit more or less of it around the command it
        // names, which differs between git-diff and diff.
        "--format github",
    ] {
        repo.sh_ok(&format!(
            "git config diff.yoydiff.command 'yoydiff git-diff --color never {flags}'"
        ));
        let out = repo.sh_ok("git diff HEAD~1 HEAD");
        let body = out
            .strip_prefix("yoydiff reports/gwr.txt\n")
            .unwrap_or_else(|| panic!("{flags}: {out}"));
        // The github comment names the command that shows everything.
        let expected = diff(flags).replace(
            "yoydiff diff a/reports/gwr.txt b/reports/gwr.txt --format markdown",
            "git diff -- reports/gwr.txt",
        );
        assert_eq!(body, expected, "git-diff {flags} differs from diff {flags}");
        assert!(!seen.contains(&expected), "{flags} changed nothing");
        seen.push(expected);
    }
    // Side by side through git is two columns, as `diff --side-by-side` prints them.
    assert!(!seen[0].contains(" │ ") && seen[1].contains(" │ "));
}

/// An option `git-diff` does not know is one line and exit code 2; git then stops.
#[test]
fn the_driver_refuses_an_unknown_option_in_one_line() {
    let repo = Repo::with_editions(
        &sample_head("national-gwr-2022.txt", 60),
        &sample_head("national-gwr-2023.txt", 60),
    );
    for (option, args) in [
        ("--exit-code", "--exit-code"),
        ("--no-such-flag", "--summary --no-such-flag"),
    ] {
        repo.sh_ok(&format!(
            "git config diff.yoydiff.command 'yoydiff git-diff {args}'"
        ));
        let out = repo.sh(DRIVER_RUN);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        let ours: Vec<&str> = err.lines().filter(|l| l.starts_with("yoydiff")).collect();
        assert_eq!(
            ours,
            [format!(
                "yoydiff: git-diff: unknown option {option} (it takes the options of `yoydiff diff` that choose the view, see yoydiff diff --help)"
            )],
            "{err}"
        );
        assert!(err.contains("external diff died"), "{err}");
        assert!(text(&out.stdout).is_empty());
    }
}

/// What git hands the driver besides a plain pair: a rename (nine arguments), an unmerged path
/// (one argument), and a path that starts with `-`. None of them stops `git diff`.
#[test]
fn the_driver_handles_renames_conflicts_and_dash_paths() {
    let repo = Repo::with_two_editions();
    repo.sh_ok(DRIVER);

    repo.git(&["mv", "reports/gwr.txt", "reports/national-2023.txt"]);
    repo.commit("rename");
    let out = repo.sh_ok("git diff -M HEAD~1 HEAD");
    assert!(
        out.starts_with("yoydiff reports/gwr.txt → reports/national-2023.txt\na/reports/gwr.txt (2023) → b/reports/national-2023.txt (2023)\n"),
        "{out}"
    );
    assert!(out.contains("59 unchanged"), "{out}");

    // A file whose name starts with `-`, at the top, so that git's PATH argument does too.
    std::fs::write(repo.path().join(".gitattributes"), "*.txt diff=yoydiff\n").unwrap();
    repo.copy("national-gwr-2022.txt", "-draft.txt");
    repo.commit("draft");
    repo.copy("national-gwr-2023.txt", "-draft.txt");
    let out = repo.sh_ok("git diff -- ./-draft.txt");
    assert!(
        out.starts_with("yoydiff -draft.txt\na/-draft.txt (2022) → b/-draft.txt (2023)\n"),
        "{out}"
    );

    // A merge conflict: the index holds no single old edition, git passes the path alone.
    repo.commit("draft 2023");
    repo.git(&["checkout", "-q", "-b", "other", "HEAD~1"]);
    repo.copy("changning-gwr-2025.txt", "-draft.txt");
    repo.commit("another draft");
    repo.git(&["checkout", "-q", "-"]);
    let merge = repo.run(&["merge", "-q", "other"]);
    assert!(!merge.status.success(), "the merge should conflict");
    let out = repo.sh_ok("git diff --cached -- ./-draft.txt");
    assert_eq!(out, "yoydiff -draft.txt\n-draft.txt: unmerged\n");
}

/// The workflow's step that builds the comment, run as the workflow writes it, on a pull
/// request that edits a report and the README: only the report is compared. The workflow
/// builds yoydiff from its own checkout (`.yoydiff`), never from crates.io.
#[test]
fn the_workflow_compares_only_report_files() {
    need("bash");
    let workflow = doc("docs/github-action.yml");
    assert!(
        !workflow.contains("cargo install --locked yoydiff"),
        "crates.io"
    );
    assert!(workflow.contains("cargo install --locked --path .yoydiff"));
    assert!(workflow.contains("path: .yoydiff"));
    // REPORTS and the trigger's `paths` hold the same patterns.
    let reports = workflow
        .lines()
        .find_map(|l| l.trim().strip_prefix("REPORTS: "))
        .expect("REPORTS in the workflow")
        .trim_matches('"')
        .to_string();
    let paths: Vec<&str> = workflow
        .lines()
        .skip_while(|l| l.trim() != "paths:")
        .skip(1)
        .map_while(|l| l.trim().strip_prefix("- "))
        .map(|p| p.trim_matches('"'))
        .collect();
    assert_eq!(paths, reports.split_whitespace().collect::<Vec<_>>());
    assert!(!reports.contains(".md"), "{reports}");
    // The `run` block of the step that builds the comment.
    let lines: Vec<&str> = workflow.lines().collect();
    let step = lines
        .iter()
        .position(|l| l.trim() == "- name: Build the comment")
        .unwrap();
    let run = step
        + lines[step..]
            .iter()
            .position(|l| l.trim() == "run: |")
            .unwrap();
    let indent = lines[run].len() - lines[run].trim_start().len();
    let script: String = lines[run + 1..]
        .iter()
        .take_while(|l| l.len() - l.trim_start().len() > indent)
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    assert!(script.contains("pr-comment.sh"), "{script}");

    let repo = Repo::new();
    repo.copy("national-gwr-2022.txt", "reports/national-gwr-2022.txt");
    repo.copy("national-gwr-2022.txt", "reports/zh/gwr.txt");
    std::fs::write(
        repo.path().join("README.md"),
        "# Reports\n\nThe national series.\n",
    )
    .unwrap();
    repo.commit("base");
    let base = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    // A new edition beside the old one, and one edited in place, deeper down.
    repo.copy("national-gwr-2023.txt", "reports/national-gwr-2023.txt");
    repo.copy("national-gwr-2023.txt", "reports/zh/gwr.txt");
    std::fs::write(
        repo.path().join("README.md"),
        "# Reports\n\nThe national series, 2022 on.\n",
    )
    .unwrap();
    repo.commit("head");
    let head = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    // The workflow checks yoydiff out into .yoydiff; here that is this crate.
    #[cfg(unix)]
    std::os::unix::fs::symlink(env!("CARGO_MANIFEST_DIR"), repo.path().join(".yoydiff")).unwrap();

    let mut cmd = Command::new("bash");
    cmd.args(["-e", "-c", &script]);
    let out = isolated(cmd, repo.path(), repo.home.path())
        .env("REPORTS", &reports)
        .env("BASE", &base)
        .env("HEAD", &head)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let body = std::fs::read_to_string(repo.path().join("yoydiff-comment.md")).unwrap();
    assert!(
        body.contains("## `reports/national-gwr-2023.txt`"),
        "{}",
        &body[..200]
    );
    assert!(body.contains("## `reports/zh/gwr.txt`"), "{}", &body[..200]);
    assert_eq!(
        body.matches("# 政府工作报告: 2022 → 2023").count(),
        2,
        "{}",
        &body[..300]
    );
    assert!(!body.contains("README"), "README.md was compared");
    assert_eq!(body.matches("\n## `").count(), 2);
}

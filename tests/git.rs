//! yoydiff inside git: as the external diff driver for report files, as a difftool, and the
//! pull-request comment script of the GitHub Action (`docs/pr-comment.sh`), each in a
//! temporary repository. Skipped with a message when git (or bash) is missing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_yoydiff");

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A git command isolated from the user's and the system's configuration.
fn git_cmd(dir: &Path, home: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_PAGER", "cat")
        .env("PAGER", "cat")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    cmd
}

struct Repo {
    dir: TempDir,
    home: TempDir,
}

impl Repo {
    fn new() -> Repo {
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

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Output {
        git_cmd(self.path(), self.home.path())
            .args(args)
            .output()
            .expect("run git")
    }

    fn git(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
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
    if !have("git") {
        eprintln!("skipping external_diff_driver: git is not installed");
        return;
    }
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
        .args(["git-diff", "report.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

/// The difftool recipe of docs/git.md.
#[test]
fn difftool() {
    if !have("git") {
        eprintln!("skipping difftool: git is not installed");
        return;
    }
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
    if !have("git") || !have("bash") {
        eprintln!("skipping pull_request_comment_script: git or bash is not installed");
        return;
    }
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

//! End-to-end tests of the `yoydiff` command line: exit codes, the one-line error contract,
//! encodings, stdin, `REV:PATH`, the JSON contract, colour, `--exit-code`, closed pipes and help.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_yoydiff");

/// A short Chinese report used where the samples would be overkill.
const SMALL_REPORT: &str = "政府工作报告\n\n一、2024年工作回顾\n\n过去一年，我们坚持稳中求进工作总基调，区级一般公共预算收入完成180.97亿元，同比增长7.38%。\n\n二、2025年工作安排\n\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n";

/// The first 64 bytes of an x86-64 ELF header: plenty of NULs.
const ELF_HEADER: &[u8] = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\
\x02\x00\x3e\x00\x01\x00\x00\x00\x40\x10\x40\x00\x00\x00\x00\x00\
\x40\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\
\x00\x00\x00\x00\x40\x00\x38\x00\x01\x00\x40\x00\x00\x00\x00\x00";

fn yoydiff() -> Command {
    let mut cmd = cargo_bin_cmd!("yoydiff");
    // Keep the environment from changing colour decisions.
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn sample_str(name: &str) -> String {
    sample(name)
        .to_str()
        .expect("UTF-8 sample path")
        .to_string()
}

fn read_sample(name: &str) -> String {
    std::fs::read_to_string(sample(name)).expect("read sample")
}

fn tempdir() -> TempDir {
    tempfile::tempdir().expect("create temporary directory")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temporary file");
    path
}

/// Asserts the error contract: exit code 2, nothing on stdout, exactly one non-empty line on
/// stderr that starts with `yoydiff: `, and no panic. Returns that line.
#[track_caller]
fn assert_one_line_error(output: &Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "expected exit code 2; stdout: {stdout:?}; stderr: {stderr:?}"
    );
    assert!(
        !stderr.contains("panicked"),
        "the program panicked: {stderr:?}"
    );
    assert!(
        output.stdout.is_empty(),
        "expected nothing on stdout on error, got {stdout:?}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "expected exactly one line on stderr, got {stderr:?}"
    );
    assert!(
        stderr.ends_with('\n'),
        "the error line should end with a newline: {stderr:?}"
    );
    let line = lines[0];
    assert!(
        line.starts_with("yoydiff: ") && line.len() > "yoydiff: ".len(),
        "the error line should start with \"yoydiff: \" and say something: {line:?}"
    );
    line.to_string()
}

/// Runs the command and asserts the error contract; returns the one stderr line.
#[track_caller]
fn expect_error(cmd: &mut Command) -> String {
    let output = cmd.output().expect("run yoydiff");
    assert_one_line_error(&output)
}

/// Asserts a bad input is reported the same way by `outline FILE`, `diff FILE GOOD` and
/// `diff GOOD FILE`, each time naming the file.
#[track_caller]
fn assert_bad_input_everywhere(dir: &Path, bad: &str, extra: &[&str]) {
    write(dir, "good.txt", SMALL_REPORT);
    let cases: [Vec<&str>; 3] = [
        vec!["outline", bad],
        vec!["diff", bad, "good.txt"],
        vec!["diff", "good.txt", bad],
    ];
    for args in cases {
        for format in ["term", "json"] {
            let line = expect_error(
                yoydiff()
                    .current_dir(dir)
                    .args(&args)
                    .args(["--format", format])
                    .args(extra),
            );
            assert!(
                line.contains(bad),
                "the message for {args:?} should name {bad:?}: {line:?}"
            );
            assert!(
                !line.contains("good.txt"),
                "the message for {args:?} should not blame the good file: {line:?}"
            );
        }
    }
}

fn json_stdout(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn run_json(cmd: &mut Command) -> Value {
    let output = cmd.output().expect("run yoydiff");
    assert!(
        output.status.success(),
        "expected success; stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "expected a quiet stderr, got {}",
        String::from_utf8_lossy(&output.stderr)
    );
    json_stdout(&output)
}

fn without_source(mut value: Value) -> Value {
    value
        .as_object_mut()
        .expect("outline JSON is an object")
        .remove("source")
        .expect("outline JSON has a source field");
    value
}

fn git_available() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[track_caller]
fn git(dir: &Path, args: &[&str]) {
    let output = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run git");
    assert!(
        output.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A temporary git repository where `report.txt` was committed twice: first the 2022 national
/// report, then the 2023 one.
fn git_repo_with_two_commits() -> TempDir {
    let dir = tempdir();
    let root = dir.path();
    git(root, &["init", "-q"]);
    git(root, &["config", "user.email", "test@example.com"]);
    git(root, &["config", "user.name", "yoydiff test"]);
    git(root, &["config", "commit.gpgsign", "false"]);
    write(root, "report.txt", read_sample("national-gwr-2022.txt"));
    git(root, &["add", "report.txt"]);
    git(root, &["commit", "-q", "-m", "2022 edition"]);
    write(root, "report.txt", read_sample("national-gwr-2023.txt"));
    git(root, &["commit", "-q", "-a", "-m", "2023 edition"]);
    dir
}

// ---------------------------------------------------------------------------------------------
// Bad inputs: exit 2, one line on stderr naming the file, nothing on stdout, no panic.
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_file_is_one_line_error() {
    let dir = tempdir();
    assert_bad_input_everywhere(dir.path(), "no-such-report.txt", &[]);
}

#[test]
fn directory_is_one_line_error() {
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    assert_bad_input_everywhere(dir.path(), "reports", &[]);
}

#[test]
fn empty_file_is_one_line_error() {
    let dir = tempdir();
    write(dir.path(), "empty.txt", "");
    assert_bad_input_everywhere(dir.path(), "empty.txt", &[]);
}

#[test]
fn whitespace_only_file_is_one_line_error() {
    let dir = tempdir();
    write(dir.path(), "blank.txt", "  \n\t\n\u{3000}\r\n   \n");
    assert_bad_input_everywhere(dir.path(), "blank.txt", &[]);
}

#[test]
fn page_numbers_only_file_is_one_line_error() {
    let dir = tempdir();
    write(dir.path(), "pages.txt", "5\n\n- 6 -\n");
    assert_bad_input_everywhere(dir.path(), "pages.txt", &[]);
}

#[test]
fn binary_file_is_one_line_error() {
    let dir = tempdir();
    write(dir.path(), "program.bin", ELF_HEADER);
    assert_bad_input_everywhere(dir.path(), "program.bin", &[]);
}

#[test]
fn forced_utf8_on_gbk_bytes_is_one_line_error() {
    let dir = tempdir();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SMALL_REPORT);
    assert!(!unmappable);
    write(dir.path(), "report-gbk.txt", &gbk);
    assert_bad_input_everywhere(dir.path(), "report-gbk.txt", &["--encoding", "utf-8"]);
    // Without forcing, the same bytes are detected and read.
    yoydiff()
        .current_dir(dir.path())
        .args(["outline", "report-gbk.txt"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn unknown_encoding_label_is_one_line_error() {
    let dir = tempdir();
    write(dir.path(), "good.txt", SMALL_REPORT);
    let invocations: [&[&str]; 3] = [
        &["outline", "good.txt"],
        &["diff", "good.txt", "good.txt"],
        &["diff", "--format", "json", "good.txt", "good.txt"],
    ];
    for args in invocations {
        let line = expect_error(
            yoydiff()
                .current_dir(dir.path())
                .args(args)
                .args(["--encoding", "klingon-8"]),
        );
        assert!(
            line.contains("klingon-8"),
            "the message should name the bad label: {line:?}"
        );
    }
}

#[test]
fn bad_year_shift_is_one_line_error() {
    let dir = tempdir();
    write(dir.path(), "good.txt", SMALL_REPORT);
    for bad in ["abc", "1000", "1.5", ""] {
        let line = expect_error(
            yoydiff()
                .current_dir(dir.path())
                .args(["diff", "good.txt", "good.txt"])
                .arg(format!("--year-shift={bad}")),
        );
        assert!(
            line.contains("--year-shift"),
            "the message should name the option: {line:?}"
        );
    }
}

#[test]
fn accepted_year_shift_values() {
    let a = sample_str("national-gwr-2022.txt");
    let b = sample_str("national-gwr-2023.txt");
    for ok in ["auto", "off", "1", "0", "-1"] {
        yoydiff()
            .args(["diff", &a, &b])
            .arg(format!("--year-shift={ok}"))
            .assert()
            .success()
            .stderr("");
    }
}

#[test]
fn empty_stdin_is_one_line_error() {
    let line = expect_error(yoydiff().args(["outline", "-"]).write_stdin(""));
    assert!(line.contains("<stdin>"), "should name stdin: {line:?}");

    let good = sample_str("national-gwr-2022.txt");
    let line = expect_error(yoydiff().args(["diff", &good, "-"]).write_stdin("\n \n"));
    assert!(line.contains("<stdin>"), "should name stdin: {line:?}");

    let line = expect_error(yoydiff().args(["diff", "-", &good]).write_stdin(ELF_HEADER));
    assert!(line.contains("<stdin>"), "should name stdin: {line:?}");
}

// ---------------------------------------------------------------------------------------------
// Encodings.
// ---------------------------------------------------------------------------------------------

#[test]
fn all_encodings_give_the_same_outline() {
    let text = read_sample("changning-gwr-2025.txt");
    let dir = tempdir();

    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend_from_slice(text.as_bytes());
    let mut utf16le = vec![0xFF, 0xFE];
    let mut utf16be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        utf16le.extend_from_slice(&unit.to_le_bytes());
        utf16be.extend_from_slice(&unit.to_be_bytes());
    }
    let (gb18030, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable, "the sample should be representable in GB18030");

    let variants: [(&str, Vec<u8>, &str); 5] = [
        ("utf8.txt", text.as_bytes().to_vec(), "UTF-8"),
        ("utf8-bom.txt", utf8_bom, "UTF-8"),
        ("utf16le.txt", utf16le, "UTF-16LE"),
        ("utf16be.txt", utf16be, "UTF-16BE"),
        ("gb18030.txt", gb18030.into_owned(), "gb18030"),
    ];

    let mut reference: Option<Value> = None;
    for (name, bytes, encoding) in variants {
        let path = write(dir.path(), name, bytes);
        let mut json = run_json(yoydiff().args(["outline", "--format", "json"]).arg(&path));
        assert_eq!(json["source"], path.to_str().unwrap(), "{name}");
        let used = json.as_object_mut().unwrap().remove("encoding");
        assert_eq!(used, Some(Value::from(encoding)), "{name}");
        let json = without_source(json);
        assert_eq!(json["lang"], "zh", "{name}");
        assert_eq!(json["year"], 2025, "{name}");
        match &reference {
            None => reference = Some(json),
            Some(reference) => assert!(
                *reference == json,
                "{name} gives a different outline than utf8.txt"
            ),
        }
    }
}

#[test]
fn forced_encoding_reads_legacy_bytes() {
    let dir = tempdir();
    let (big5, _, unmappable) =
        encoding_rs::BIG5.encode("政府工作報告\n\n一、過去一年的工作回顧\n\n我們堅持穩中求進。\n");
    assert!(!unmappable);
    let path = write(dir.path(), "big5.txt", &big5);
    let json = run_json(
        yoydiff()
            .args(["outline", "--format", "json", "--encoding", "big5"])
            .arg(&path),
    );
    assert_eq!(json["title"], "政府工作報告");
}

// ---------------------------------------------------------------------------------------------
// Standard input.
// ---------------------------------------------------------------------------------------------

#[test]
fn outline_reads_stdin() {
    let from_file = run_json(
        yoydiff()
            .args(["outline", "--format", "json"])
            .arg(sample("changning-gwr-2025.txt")),
    );
    let from_stdin = run_json(
        yoydiff()
            .args(["outline", "--format", "json", "-"])
            .write_stdin(read_sample("changning-gwr-2025.txt")),
    );
    assert_eq!(from_stdin["source"], "<stdin>");
    assert!(without_source(from_file) == without_source(from_stdin));
}

#[test]
fn diff_reads_stdin_on_either_side() {
    let old = sample_str("national-gwr-2022.txt");
    let new = sample_str("national-gwr-2023.txt");
    let files = run_json(yoydiff().args(["diff", "--format", "json", &old, &new]));

    let old_stdin = run_json(
        yoydiff()
            .args(["diff", "--format", "json", "-", &new])
            .write_stdin(read_sample("national-gwr-2022.txt")),
    );
    assert_eq!(old_stdin["old"]["source"], "<stdin>");
    assert_eq!(old_stdin["new"]["source"], new.as_str());
    assert_eq!(old_stdin["summary"], files["summary"]);
    assert_eq!(old_stdin["sections"], files["sections"]);

    let new_stdin = run_json(
        yoydiff()
            .args(["diff", "--format", "json", &old, "-"])
            .write_stdin(read_sample("national-gwr-2023.txt")),
    );
    assert_eq!(new_stdin["old"]["source"], old.as_str());
    assert_eq!(new_stdin["new"]["source"], "<stdin>");
    assert_eq!(new_stdin["summary"], files["summary"]);
    assert_eq!(new_stdin["sections"], files["sections"]);
}

// ---------------------------------------------------------------------------------------------
// REV:PATH.
// ---------------------------------------------------------------------------------------------

#[test]
fn rev_path_reads_from_git() {
    if !git_available() {
        eprintln!("skipping rev_path_reads_from_git: git is not installed");
        return;
    }
    let repo = git_repo_with_two_commits();
    let json = run_json(yoydiff().current_dir(repo.path()).args([
        "diff",
        "--format",
        "json",
        "HEAD~1:report.txt",
        "report.txt",
    ]));
    assert_eq!(json["old"]["source"], "HEAD~1:report.txt");
    assert_eq!(json["new"]["source"], "report.txt");
    assert_eq!(json["old"]["year"], 2022);
    assert_eq!(json["new"]["year"], 2023);

    // The git side reads the same bytes as the file did: same comparison as the samples.
    let files = run_json(yoydiff().args([
        "diff",
        "--format",
        "json",
        &sample_str("national-gwr-2022.txt"),
        &sample_str("national-gwr-2023.txt"),
    ]));
    assert_eq!(json["summary"], files["summary"]);

    // Both sides from git, and outline from git.
    let json = run_json(yoydiff().current_dir(repo.path()).args([
        "diff",
        "--format",
        "json",
        "HEAD~1:report.txt",
        "HEAD:report.txt",
    ]));
    assert_eq!(json["new"]["source"], "HEAD:report.txt");
    let json = run_json(yoydiff().current_dir(repo.path()).args([
        "outline",
        "--format",
        "json",
        "HEAD~1:report.txt",
    ]));
    assert_eq!(json["source"], "HEAD~1:report.txt");
    assert_eq!(json["year"], 2022);
}

#[test]
fn bad_git_revision_is_one_line_error() {
    if !git_available() {
        eprintln!("skipping bad_git_revision_is_one_line_error: git is not installed");
        return;
    }
    let repo = git_repo_with_two_commits();
    for spec in [
        "HEAD~7:report.txt",
        "no-such-branch:report.txt",
        "HEAD:missing.txt",
    ] {
        let line =
            expect_error(
                yoydiff()
                    .current_dir(repo.path())
                    .args(["diff", spec, "report.txt"]),
            );
        assert!(line.contains(spec), "should name {spec:?}: {line:?}");
        let line =
            expect_error(
                yoydiff()
                    .current_dir(repo.path())
                    .args(["diff", "report.txt", spec]),
            );
        assert!(line.contains(spec), "should name {spec:?}: {line:?}");
        let line = expect_error(yoydiff().current_dir(repo.path()).args(["outline", spec]));
        assert!(line.contains(spec), "should name {spec:?}: {line:?}");
    }
    // Outside any repository.
    let not_a_repo = tempdir();
    let line = expect_error(
        yoydiff()
            .current_dir(not_a_repo.path())
            .env("GIT_CEILING_DIRECTORIES", not_a_repo.path())
            .args(["outline", "HEAD:report.txt"]),
    );
    assert!(line.contains("HEAD:report.txt"), "{line:?}");
}

// ---------------------------------------------------------------------------------------------
// The JSON contract.
// ---------------------------------------------------------------------------------------------

#[track_caller]
fn assert_line_range(value: &Value, what: &str) {
    let range = value
        .as_array()
        .unwrap_or_else(|| panic!("{what}: lines is not an array: {value}"));
    assert_eq!(range.len(), 2, "{what}: lines should be [first, last]");
    let first = range[0].as_u64().expect("line number");
    let last = range[1].as_u64().expect("line number");
    assert!(
        first >= 1 && first <= last,
        "{what}: bad line range {value}"
    );
}

fn check_outline_sections(sections: &Value, depth: usize, count: &mut usize) {
    let sections = sections.as_array().expect("sections is an array");
    for section in sections {
        *count += 1;
        let object = section.as_object().expect("a section is an object");
        for field in [
            "kind",
            "level",
            "number",
            "title",
            "lines",
            "paragraphs",
            "children",
        ] {
            assert!(
                object.contains_key(field),
                "section lacks {field}: {section}"
            );
        }
        assert!(section["kind"].is_string(), "kind: {section}");
        let level = section["level"].as_u64().expect("level is a number");
        assert!(level >= 1, "level starts at 1: {section}");
        if depth > 0 {
            assert!(level as usize > depth, "a child is deeper than its parent");
        }
        assert!(section["number"].is_string());
        assert!(section["title"].is_string());
        assert_line_range(&section["lines"], "section");
        for paragraph in section["paragraphs"].as_array().expect("paragraphs") {
            let text = paragraph["text"].as_str().expect("paragraph text");
            assert!(!text.trim().is_empty(), "empty paragraph in {section}");
            assert_line_range(&paragraph["lines"], "paragraph");
        }
        check_outline_sections(&section["children"], level as usize, count);
    }
}

#[test]
fn outline_json_contract() {
    let json = run_json(
        yoydiff()
            .args(["outline", "--format", "json"])
            .arg(sample("changning-gwr-2025.txt")),
    );
    assert_eq!(json["schema"], "yoydiff/1");
    assert_eq!(json["lang"], "zh");
    assert_eq!(json["year"], 2025);
    assert_eq!(
        json["source"],
        sample_str("changning-gwr-2025.txt").as_str()
    );
    assert!(json["title"].is_string());
    let mut count = 0;
    check_outline_sections(&json["sections"], 0, &mut count);
    assert!(count > 5, "expected a real outline, got {count} sections");
    let top = json["sections"].as_array().unwrap();
    assert!(
        top.iter()
            .any(|s| s["kind"] == "heading" && s["number"] == "一、"),
        "the first numbered chapter should be a heading"
    );
}

#[test]
fn diff_json_contract() {
    let old = sample_str("national-gwr-2022.txt");
    let new = sample_str("national-gwr-2023.txt");
    let json = run_json(yoydiff().args(["diff", "--format", "json", &old, &new]));
    let object = json.as_object().expect("an object");
    for field in [
        "schema",
        "old",
        "new",
        "summary",
        "sections",
        "figures",
        "initiatives",
        "promises",
    ] {
        assert!(object.contains_key(field), "diff JSON lacks {field}");
    }
    assert_eq!(json["schema"], "yoydiff/1");
    assert_eq!(json["old"]["source"], old.as_str());
    assert_eq!(json["new"]["source"], new.as_str());
    assert_eq!(json["old"]["year"], 2022);
    assert_eq!(json["new"]["year"], 2023);
    assert_eq!(json["old"]["lang"], "zh");
    assert!(json["summary"].is_object());
    assert_eq!(json["summary"]["year_shift"], 1);
    for list in ["figures", "initiatives", "promises"] {
        assert!(json[list].is_array(), "{list} is an array");
    }
    let sections = json["sections"].as_array().expect("sections is an array");
    assert!(!sections.is_empty());
    for section in sections {
        for field in ["kind", "similarity", "old", "new", "changes"] {
            assert!(
                section.get(field).is_some(),
                "diff section lacks {field}: {section}"
            );
        }
        assert!(section["kind"].is_string());
        assert!(section["old"].is_array());
        assert!(section["new"].is_array());
        assert!(section["changes"].is_array());
        if let Some(similarity) = section["similarity"].as_f64() {
            assert!((0.0..=1.0).contains(&similarity), "{section}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Colour.
// ---------------------------------------------------------------------------------------------

#[test]
fn color_never_has_no_escapes_and_always_has_them() {
    let old = sample_str("national-gwr-2022.txt");
    let new = sample_str("national-gwr-2023.txt");
    let invocations: [Vec<&str>; 2] = [vec!["diff", &old, &new], vec!["outline", &new]];
    for args in invocations {
        yoydiff()
            .args(&args)
            .args(["--color", "never"])
            .env("CLICOLOR_FORCE", "1")
            .assert()
            .success()
            .stdout(predicate::str::contains("\x1b").not())
            .stdout(predicate::str::is_empty().not());
        // auto, writing to a pipe: no colour.
        yoydiff()
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains("\x1b").not());
        yoydiff()
            .args(&args)
            .args(["--color", "always"])
            .assert()
            .success()
            .stdout(predicate::str::contains("\x1b"));
        // always beats NO_COLOR.
        yoydiff()
            .args(&args)
            .args(["--color", "always"])
            .env("NO_COLOR", "1")
            .assert()
            .success()
            .stdout(predicate::str::contains("\x1b"));
    }
}

#[test]
fn json_is_never_coloured() {
    let new = sample_str("national-gwr-2023.txt");
    yoydiff()
        .args(["diff", "--format", "json", "--color", "always", &new, &new])
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b").not());
}

// ---------------------------------------------------------------------------------------------
// --exit-code.
// ---------------------------------------------------------------------------------------------

#[test]
fn exit_code_reports_differences() {
    let old = sample_str("national-gwr-2022.txt");
    let new = sample_str("national-gwr-2023.txt");
    yoydiff()
        .args(["diff", "--exit-code", &new, &new])
        .assert()
        .code(0)
        .stderr("");
    yoydiff()
        .args(["diff", "--exit-code", "--format", "json", &new, &new])
        .assert()
        .code(0)
        .stderr("");
    yoydiff()
        .args(["diff", "--exit-code", &old, &new])
        .assert()
        .code(1)
        .stderr("")
        .stdout(predicate::str::is_empty().not());
    yoydiff()
        .args(["diff", "--exit-code", "--format", "json", &old, &new])
        .assert()
        .code(1)
        .stderr("");
    yoydiff()
        .args(["diff", &old, &new])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn errors_win_over_exit_code() {
    let new = sample_str("national-gwr-2023.txt");
    let dir = tempdir();
    let line = expect_error(yoydiff().current_dir(dir.path()).args([
        "diff",
        "--exit-code",
        &new,
        "absent.txt",
    ]));
    assert!(line.contains("absent.txt"), "{line:?}");
}

// ---------------------------------------------------------------------------------------------
// A closed pipe ends quietly.
// ---------------------------------------------------------------------------------------------

/// Runs yoydiff with stdout on a pipe, reads `read` bytes, closes the pipe, and checks the
/// program ends quietly.
fn assert_quiet_on_closed_pipe(args: &[&str], read: usize) {
    let mut child = std::process::Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn yoydiff");
    {
        let mut stdout = child.stdout.take().expect("piped stdout");
        let mut buf = vec![0u8; read];
        if read > 0 {
            stdout.read_exact(&mut buf).expect("read the first bytes");
        }
        // Dropping the reader closes the pipe while yoydiff is still writing.
    }
    let output = child.wait_with_output().expect("wait for yoydiff");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    assert!(
        !stderr.to_lowercase().contains("broken pipe"),
        "{args:?} complained about the pipe: {stderr}"
    );
    assert!(
        stderr.is_empty(),
        "{args:?} wrote to stderr on a closed pipe: {stderr}"
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?} should exit 0 when the reader goes away: {:?}",
        output.status
    );
}

#[test]
fn closed_pipe_ends_quietly() {
    let old = sample_str("national-gwr-2022.txt");
    let new = sample_str("national-gwr-2023.txt");
    assert_quiet_on_closed_pipe(&["diff", &old, &new], 16);
    assert_quiet_on_closed_pipe(&["diff", "--color", "always", &old, &new], 16);
    assert_quiet_on_closed_pipe(&["diff", "--format", "json", &old, &new], 16);
    assert_quiet_on_closed_pipe(&["diff", "--format", "json", &old, &new], 0);

    // Output well past a pipe buffer (64 KiB), so the writer must meet the closed pipe.
    let dir = tempdir();
    let changning = read_sample("changning-gwr-2025.txt");
    let big_old = write(
        dir.path(),
        "old.txt",
        read_sample("national-gwr-2022.txt") + &changning,
    );
    let big_new = write(
        dir.path(),
        "new.txt",
        read_sample("national-gwr-2023.txt") + &changning,
    );
    let (big_old, big_new) = (big_old.to_str().unwrap(), big_new.to_str().unwrap());
    assert_quiet_on_closed_pipe(&["diff", "--format", "json", big_old, big_new], 16);
    assert_quiet_on_closed_pipe(&["outline", "--format", "json", big_new], 16);
}

// ---------------------------------------------------------------------------------------------
// Help.
// ---------------------------------------------------------------------------------------------

#[test]
fn help_mentions_exit_codes_and_rev_path() {
    let invocations: [&[&str]; 3] = [&["--help"], &["diff", "--help"], &["outline", "--help"]];
    for args in invocations {
        yoydiff()
            .args(args)
            .assert()
            .success()
            .stderr("")
            .stdout(predicate::str::contains("Exit codes"))
            .stdout(predicate::str::contains("REV:PATH"))
            .stdout(predicate::str::contains("2 on any error"));
    }
}

#[test]
fn version_is_printed() {
    yoydiff()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("yoydiff "));
}

#[test]
fn term_view_shows_sentence_changes_with_plain_marks_without_colour() {
    let out = yoydiff()
        .args([
            "diff",
            &sample_str("national-gwr-2022.txt"),
            &sample_str("national-gwr-2023.txt"),
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("sentences: "), "{text}");
    // The GDP target sentence, with its target change marked inline.
    let gdp = text
        .lines()
        .find(|l| l.contains("国内生产总值增长[-5.5%-]{+5%+}左右"))
        .expect("GDP target line");
    assert!(gdp.contains("今年发展主要预期目标是"), "{gdp}");
    // Added and removed sentences carry their marks.
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("+ ") && l.contains("{+"))
    );
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("- ") && l.contains("[-"))
    );
}

#[test]
fn side_by_side_puts_old_and_new_in_two_columns_of_the_terminal_width() {
    let out = yoydiff()
        .args([
            "diff",
            &sample_str("national-gwr-2022.txt"),
            &sample_str("national-gwr-2023.txt"),
            "--color",
            "never",
            "--side-by-side",
        ])
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| l.contains(" │ ")).collect();
    assert!(rows.len() > 50, "{text}");
    // The separator sits in the same display column on every row, whatever the CJK content.
    let column = |l: &str| console::measure_text_width(&l[..l.find(" │ ").unwrap()]);
    let first = column(rows[0]);
    assert!(
        rows.iter().all(|l| column(l) == first),
        "separator columns differ"
    );
    // The GDP target sentence: the old target on the left, the new one on the right (a cell
    // may wrap, so read a few rows together).
    let at = rows
        .iter()
        .position(|l| l.contains("今年发展主要预期目标是"))
        .expect("GDP target row");
    let (mut left, mut right) = (String::new(), String::new());
    for row in &rows[at..at + 3] {
        let (l, r) = row.split_once(" │ ").unwrap();
        left.push_str(l.trim());
        right.push_str(r.trim());
    }
    assert!(left.contains("[-5.5%-]") && !left.contains("{+"), "{left}");
    assert!(right.contains("{+5%+}") && !right.contains("[-"), "{right}");
}

#[test]
fn pager_only_when_asked() {
    // With --pager the output goes through $PAGER; here a pager that tags what it shows.
    let dir = tempdir();
    let pager = write(dir.path(), "pager.sh", "#!/bin/sh\necho PAGED\ncat\n");
    std::fs::set_permissions(&pager, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let args = [
        "diff",
        &sample_str("changning-gwr-2025.txt"),
        &sample_str("changning-gwr-2025.txt"),
        "--color",
        "never",
    ];
    let paged = yoydiff()
        .args(args)
        .arg("--pager")
        .env("PAGER", &pager)
        .output()
        .unwrap();
    assert!(paged.status.success());
    assert!(String::from_utf8_lossy(&paged.stdout).starts_with("PAGED\n"));
    let plain = yoydiff().args(args).env("PAGER", &pager).output().unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("PAGED"));
    let missing = yoydiff()
        .args(args)
        .arg("--pager")
        .env("PAGER", "/nonexistent/pager")
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot start pager"));
}

#[test]
fn json_changes_follow_the_contract() {
    let value = run_json(yoydiff().args([
        "diff",
        &sample_str("national-gwr-2022.txt"),
        &sample_str("national-gwr-2023.txt"),
        "--format",
        "json",
    ]));
    let mut kinds = std::collections::BTreeSet::new();
    for pair in value["sections"].as_array().unwrap() {
        assert!(pair["text_changed"].is_number());
        for ch in pair["changes"].as_array().unwrap() {
            let kind = ch["kind"].as_str().unwrap();
            kinds.insert(kind.to_string());
            for field in ["old", "new", "old_line", "new_line", "inline"] {
                assert!(ch.get(field).is_some(), "{field} missing in {ch}");
            }
            match kind {
                "added" => assert!(ch["old"].is_null() && ch["new"].is_string()),
                "removed" => assert!(ch["new"].is_null() && ch["old"].is_string()),
                "reworded" => {
                    let inline = ch["inline"].as_array().unwrap();
                    // Equal runs hold the new text; `old_text` gives the old one where the year
                    // shift made them differ.
                    let old: String = inline
                        .iter()
                        .filter(|r| r["op"] != "insert")
                        .map(|r| {
                            r.get("old_text")
                                .and_then(Value::as_str)
                                .unwrap_or_else(|| r["text"].as_str().unwrap())
                        })
                        .collect();
                    let new: String = inline
                        .iter()
                        .filter(|r| r["op"] != "delete")
                        .map(|r| r["text"].as_str().unwrap())
                        .collect();
                    assert_eq!(old, ch["old"].as_str().unwrap());
                    assert_eq!(new, ch["new"].as_str().unwrap());
                }
                "moved" => assert!(ch["old_section"].is_array() && ch["new_section"].is_array()),
                other => panic!("unknown kind {other}"),
            }
        }
    }
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    let summary = &value["summary"];
    assert!(summary["text_changed"].is_number());
    assert!(summary["sentences"]["reworded"].as_u64().unwrap() > 0);
}

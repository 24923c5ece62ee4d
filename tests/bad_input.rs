//! Inputs that are wrong, damaged or hostile, end to end through the binary: an argument that
//! would reach git as an option, damaged UTF-8, NUL and control characters, oversized input,
//! `-o` into a missing folder or over a read-only file, and implausible years. The README's
//! "Bad input" table is read here and every row run through the binary
//! (`every_row_of_the_readme_bad_input_table_holds`): a row without a test fails it.

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

// ---------------------------------------------------------------------------------------------
// Damaged UTF-8, legacy encodings.
// ---------------------------------------------------------------------------------------------

fn json(output: &Output) -> serde_json::Value {
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(output));
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

/// The one warning line on stderr.
#[track_caller]
fn one_warning(output: &Output) -> String {
    let err = stderr(output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "expected one warning line: {err:?}");
    assert!(lines[0].starts_with("yoydiff: warning: "), "{err:?}");
    lines[0].to_string()
}

fn count_sections(sections: &serde_json::Value) -> usize {
    sections
        .as_array()
        .unwrap()
        .iter()
        .map(|s| 1 + count_sections(&s["children"]))
        .sum()
}

/// One byte of the 2022 national report replaced: the lead byte of the first `增长` (line 28)
/// becomes 0xFF, so it and its two continuation bytes are invalid. The report is still read as
/// UTF-8, with the same outline, and one warning names the three bytes and where they are.
#[test]
fn a_chinese_report_with_one_damaged_byte_is_read_as_utf8_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read(common::sample_path("national-gwr-2022.txt")).unwrap();
    let text = String::from_utf8(original.clone()).unwrap();
    let at = text.find("增长").unwrap();
    assert_eq!(text[..at].matches('\n').count() + 1, 28);
    let mut damaged = original.clone();
    damaged[at] = 0xFF;
    std::fs::write(dir.path().join("good.txt"), &original).unwrap();
    std::fs::write(dir.path().join("damaged.txt"), &damaged).unwrap();

    let good = json(&run(
        dir.path(),
        &["outline", "good.txt", "--format", "json"],
    ));
    let out = run(dir.path(), &["outline", "damaged.txt", "--format", "json"]);
    let line = one_warning(&out);
    assert_eq!(
        line,
        format!(
            "yoydiff: warning: damaged.txt: 3 bytes not valid UTF-8, replaced by U+FFFD (first at line 28, byte offset {at})"
        )
    );
    let damaged = json(&out);
    assert_eq!(damaged["encoding"], "UTF-8");
    assert_eq!(good["encoding"], "UTF-8");
    assert_eq!(damaged["year"], 2022);
    assert_eq!(
        count_sections(&damaged["sections"]),
        count_sections(&good["sections"])
    );
    assert!(damaged.to_string().contains("\u{FFFD}\u{FFFD}\u{FFFD}长"));

    // diff reads it the same way, and the warning goes to stderr, not into the output.
    let out = run(
        dir.path(),
        &["diff", "good.txt", "damaged.txt", "--format", "json"],
    );
    one_warning(&out);
    let diff = json(&out);
    assert_eq!(diff["new"]["encoding"], "UTF-8");
    assert_eq!(diff["summary"]["sentences"]["reworded"], 1);
}

/// `batch` reads its inputs the same way and prints the same warning, outside the JSON Lines.
#[test]
fn batch_warns_about_a_damaged_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = std::fs::read(common::sample_path("national-gwr-2022.txt")).unwrap();
    let at = String::from_utf8(old.clone())
        .unwrap()
        .find("增长")
        .unwrap();
    old[at] = 0xFF;
    std::fs::write(dir.path().join("gwr-2022.txt"), &old).unwrap();
    std::fs::copy(
        common::sample_path("national-gwr-2023.txt"),
        dir.path().join("gwr-2023.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("pairs.tsv"), "gwr-2022.txt\tgwr-2023.txt\n").unwrap();
    let out = run(dir.path(), &["batch", "pairs.tsv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        one_warning(&out),
        format!(
            "yoydiff: warning: gwr-2022.txt: 3 bytes not valid UTF-8, replaced by U+FFFD (first at line 28, byte offset {at})"
        )
    );
    let line: serde_json::Value =
        serde_json::from_str(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(line["old"]["encoding"], "UTF-8");
    assert!(line.get("error").is_none());
}

/// The same report cut inside a character, as an interrupted download leaves it: the last,
/// partial character becomes U+FFFD and the warning says the input may be cut short.
#[test]
fn a_report_cut_inside_a_character_is_read_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::sample_path("national-gwr-2022.txt")).unwrap();
    // Cut after the first byte of the first character of the line that opens part three.
    let at = text.find("三、2022年政府工作任务").unwrap();
    assert_eq!(text[..at].matches('\n').count() + 1, 103);
    std::fs::write(dir.path().join("cut.txt"), &text.as_bytes()[..at + 1]).unwrap();
    let out = run(dir.path(), &["outline", "cut.txt", "--format", "json"]);
    assert_eq!(
        one_warning(&out),
        format!(
            "yoydiff: warning: cut.txt: 1 byte not valid UTF-8, replaced by U+FFFD (first at line 103, byte offset {at}); the input ends inside a character, it may be cut short"
        )
    );
    let outline = json(&out);
    assert_eq!(outline["encoding"], "UTF-8");
    assert!(count_sections(&outline["sections"]) > 10);
}

/// A short English report: ASCII but for its curly quotes and dashes, as English filings are.
const ENGLISH: &str = "Letter to Shareholders\n\nPerformance\n\nRevenue rose 12% in 2023 to $4.5 billion, and \u{201c}float\u{201d} grew to $160 billion.\n\nOutlook\n\nWe expect capital spending of $2.1 billion in 2024 \u{2014} mostly on rail and utilities.\n";

/// English UTF-8 with one byte replaced by a Latin-1 `é`, and the same text cut inside its
/// last dash: both stay UTF-8 with one warning, the quotes and the rest of the text intact,
/// instead of being read whole as a legacy 8-bit encoding.
#[test]
fn english_with_a_bad_byte_or_cut_short_stays_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let at = ENGLISH.find("grew").unwrap();
    let mut bad = ENGLISH.as_bytes().to_vec();
    bad[at] = 0xE9;
    std::fs::write(dir.path().join("bad.txt"), &bad).unwrap();
    let out = run(dir.path(), &["outline", "bad.txt", "--format", "json"]);
    assert_eq!(
        one_warning(&out),
        format!(
            "yoydiff: warning: bad.txt: 1 byte not valid UTF-8, replaced by U+FFFD (first at line 5, byte offset {at})"
        )
    );
    let outline = json(&out);
    assert_eq!(outline["encoding"], "UTF-8");
    assert!(
        outline
            .to_string()
            .contains("\u{201c}float\u{201d} \u{FFFD}rew")
    );

    // Cut after the first two bytes of the dash, the text's last non-ASCII character.
    let dash = ENGLISH.rfind('\u{2014}').unwrap();
    std::fs::write(dir.path().join("cut.txt"), &ENGLISH.as_bytes()[..dash + 2]).unwrap();
    let ascii_before_the_dash = ENGLISH[..dash].replace(['\u{201c}', '\u{201d}'], "\"");
    std::fs::write(
        dir.path().join("ascii-cut.txt"),
        [ascii_before_the_dash.as_bytes(), &[0xE2, 0x80]].concat(),
    )
    .unwrap();
    for (name, offset) in [
        ("cut.txt", dash),
        ("ascii-cut.txt", ascii_before_the_dash.len()),
    ] {
        let out = run(dir.path(), &["outline", name, "--format", "json"]);
        assert_eq!(
            one_warning(&out),
            format!(
                "yoydiff: warning: {name}: 2 bytes not valid UTF-8, replaced by U+FFFD (first at line 9, byte offset {offset}); the input ends inside a character, it may be cut short"
            )
        );
        let outline = json(&out);
        assert_eq!(outline["encoding"], "UTF-8", "{name}");
        assert!(outline.to_string().contains("in 2024 \u{FFFD}"), "{name}");
    }
}

/// The real GB18030 reports (Hailar district, with CRLF) are still detected as GB18030, with
/// no warning: their invalid share as UTF-8 is far above the damaged-UTF-8 threshold.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn corpus_gb18030_reports_are_still_detected() {
    let corpus = common::corpus();
    let files = common::series(&corpus, "zh", "hailar-gwr");
    assert_eq!(files.len(), 4);
    for (_, path) in files {
        let out = run(
            &corpus,
            &["outline", path.to_str().unwrap(), "--format", "json"],
        );
        assert_eq!(stderr(&out), "", "{}", path.display());
        let outline = json(&out);
        assert_eq!(outline["encoding"], "gb18030", "{}", path.display());
        assert_eq!(outline["title"], "政府工作报告", "{}", path.display());
        let bytes = std::fs::read(&path).unwrap();
        let scan = yoydiff::internals::Utf8Scan::of(&bytes);
        assert!(!scan.mostly_utf8(), "{}: {scan:?}", path.display());
    }
}

/// An English letter (UTF-8, with curly quotes and dashes) with one byte replaced by a
/// Latin-1 `é` stays UTF-8 with one warning, instead of turning every quote into mojibake.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn corpus_english_letter_with_one_bad_byte_stays_utf8() {
    let corpus = common::corpus();
    let path = corpus.join("en/berkshire-letter-2015.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.find("float").unwrap();
    assert_eq!(text[..at].matches('\n').count() + 1, 129);
    let mut bytes = text.clone().into_bytes();
    bytes[at] = 0xE9;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("letter.txt"), &bytes).unwrap();
    let out = run(dir.path(), &["outline", "letter.txt", "--format", "json"]);
    assert_eq!(
        one_warning(&out),
        format!(
            "yoydiff: warning: letter.txt: 1 byte not valid UTF-8, replaced by U+FFFD (first at line 129, byte offset {at})"
        )
    );
    let outline = json(&out);
    assert_eq!(outline["encoding"], "UTF-8");
    assert!(outline.to_string().contains("\u{FFFD}loat"));
    assert!(outline.to_string().contains("Berkshire’s"));
}

/// Damage to a legacy file: the second byte of a character replaced by 0xFF, or the file cut
/// inside a character. Returns the damaged bytes and the offset of the damaged character.
fn damage_legacy(clean: &[u8], cut: bool) -> (Vec<u8>, usize) {
    // The last non-ASCII character before the middle of the file: a lead byte and its trail.
    let mut at = clean.len() / 2;
    while !(clean[at] >= 0x81 && clean[at + 1] >= 0x40) {
        at += 1;
    }
    // Pairs are read from the start: step back to a lead byte, counting the high bytes
    // before it on this line (all pairs in a Chinese text).
    let line_start = clean[..at]
        .iter()
        .rposition(|&b| b < 0x80)
        .map_or(0, |i| i + 1);
    if (at - line_start) % 2 == 1 {
        at += 1;
    }
    if cut {
        (clean[..at + 1].to_vec(), at)
    } else {
        let mut bytes = clean.to_vec();
        bytes[at + 1] = 0xFF;
        (bytes, at)
    }
}

/// A GB18030 report with one damaged byte, or cut inside a character, is still read as
/// GB18030 (not as windows-1252 mojibake, not refused), with one warning naming the bytes
/// replaced, and the header and the JSON name the encoding.
#[test]
fn a_gb18030_report_with_a_damaged_byte_or_cut_short_stays_gb18030() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::sample_path("changning-gwr-2025.txt")).unwrap();
    let (clean, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    std::fs::write(dir.path().join("clean.txt"), &clean).unwrap();
    let sections = count_sections(
        &json(&run(
            dir.path(),
            &["outline", "clean.txt", "--format", "json"],
        ))["sections"],
    );
    for (name, cut) in [("flipped.txt", false), ("cut.txt", true)] {
        let (bytes, at) = damage_legacy(&clean, cut);
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        let out = run(dir.path(), &["outline", name, "--format", "json"]);
        let (n, tail) = if cut {
            (
                "1 byte",
                "; the input ends inside a character, it may be cut short",
            )
        } else {
            ("2 bytes", "")
        };
        assert_eq!(
            one_warning(&out),
            format!(
                "yoydiff: warning: {name}: {n} not valid gb18030, replaced by U+FFFD (first at line {line}, byte offset {at}){tail}"
            )
        );
        let outline = json(&out);
        assert_eq!(outline["encoding"], "gb18030", "{name}");
        assert_eq!(outline["title"], "政府工作报告", "{name}");
        if !cut {
            assert_eq!(count_sections(&outline["sections"]), sections, "{name}");
        }
        let out = run(dir.path(), &["outline", name, "--color", "never"]);
        let header = String::from_utf8(out.stdout).unwrap();
        assert!(
            header.lines().next().unwrap().ends_with("· gb18030"),
            "{header}"
        );
    }
}

/// The Hailar district series (GB18030 with CRLF), each damaged the same two ways: still
/// GB18030, one warning, the same title and, for the flipped byte, the same outline.
#[test]
#[ignore = "needs YOYDIFF_CORPUS"]
fn corpus_gb18030_reports_damaged_stay_gb18030() {
    let corpus = common::corpus();
    let files = common::series(&corpus, "zh", "hailar-gwr");
    assert_eq!(files.len(), 4);
    let dir = tempfile::tempdir().unwrap();
    for (year, path) in files {
        let clean = std::fs::read(&path).unwrap();
        assert!(clean.windows(2).any(|w| w == b"\r\n"), "{}", path.display());
        let sections = count_sections(
            &json(&run(
                &corpus,
                &["outline", path.to_str().unwrap(), "--format", "json"],
            ))["sections"],
        );
        for cut in [false, true] {
            let (bytes, at) = damage_legacy(&clean, cut);
            let name = format!("hailar-{year}-{}.txt", if cut { "cut" } else { "flipped" });
            std::fs::write(dir.path().join(&name), &bytes).unwrap();
            let out = run(dir.path(), &["outline", &name, "--format", "json"]);
            let warning = one_warning(&out);
            assert!(
                warning.contains("not valid gb18030, replaced by U+FFFD (first at line")
                    && warning.contains(&format!("byte offset {at})")),
                "{warning}"
            );
            let outline = json(&out);
            assert_eq!(outline["encoding"], "gb18030", "{name}");
            assert_eq!(outline["year"], year, "{name}");
            if !cut {
                assert_eq!(count_sections(&outline["sections"]), sections, "{name}");
            }
        }
    }
}

/// The terminal header names the encoding only when it is not UTF-8.
#[test]
fn the_terminal_header_names_a_legacy_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::sample_path("changning-gwr-2025.txt")).unwrap();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    std::fs::write(dir.path().join("gb.txt"), &gb).unwrap();
    std::fs::write(dir.path().join("utf8.txt"), &text).unwrap();
    let header = |args: &[&str]| {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stderr(&out), "");
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        header(&["outline", "gb.txt", "--color", "never"]),
        "gb.txt  政府工作报告  zh · year 2025 · gb18030"
    );
    assert_eq!(
        header(&["outline", "utf8.txt", "--color", "never"]),
        "utf8.txt  政府工作报告  zh · year 2025"
    );
    assert_eq!(
        header(&["diff", "utf8.txt", "gb.txt", "--color", "never"]),
        "utf8.txt (2025) → gb.txt (2025, gb18030)"
    );
}

// ---------------------------------------------------------------------------------------------
// NUL and control characters.
// ---------------------------------------------------------------------------------------------

/// A NUL byte far past the first 8 KiB still makes the input binary.
#[test]
fn a_nul_late_in_the_file_is_a_binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(common::sample_path("national-gwr-2022.txt")).unwrap();
    assert!(bytes.len() > 40_000);
    let at = bytes.len() - 100;
    bytes.insert(at, 0);
    std::fs::write(dir.path().join("late-nul.txt"), &bytes).unwrap();
    for args in [
        vec!["outline", "late-nul.txt"],
        vec!["diff", "late-nul.txt", "late-nul.txt", "--format", "json"],
    ] {
        let line = one_line_error(&run(dir.path(), &args));
        assert_eq!(
            line,
            "yoydiff: late-nul.txt: looks like a binary file, not text (convert it to plain text first)"
        );
    }
}

/// UTF-16 is full of NUL bytes and is text; a NUL character in it, or a text of which more
/// than 1% is control characters, is binary.
#[test]
fn nul_characters_and_many_controls_are_binary() {
    let dir = tempfile::tempdir().unwrap();
    let utf16 = |text: &str| {
        let mut bytes = vec![0xFF, 0xFE];
        text.encode_utf16()
            .for_each(|u| bytes.extend_from_slice(&u.to_le_bytes()));
        bytes
    };
    let text = std::fs::read_to_string(common::sample_path("changning-gwr-2025.txt")).unwrap();
    std::fs::write(dir.path().join("utf16.txt"), utf16(&text)).unwrap();
    let outline = json(&run(
        dir.path(),
        &["outline", "utf16.txt", "--format", "json"],
    ));
    assert_eq!(outline["encoding"], "UTF-16LE");
    let at = text.len() / 2;
    let at = (at..).find(|&i| text.is_char_boundary(i)).unwrap();
    let with_nul = format!("{}\0{}", &text[..at], &text[at..]);
    std::fs::write(dir.path().join("utf16-nul.txt"), utf16(&with_nul)).unwrap();
    let noisy = "Revenue\x01 rose\x02 in\x03 2023.\n".repeat(50);
    std::fs::write(dir.path().join("noisy.txt"), noisy).unwrap();
    for name in ["utf16-nul.txt", "noisy.txt"] {
        assert_eq!(
            one_line_error(&run(dir.path(), &["outline", name])),
            format!(
                "yoydiff: {name}: looks like a binary file, not text (convert it to plain text first)"
            )
        );
    }
}

/// Escape sequences in a report (pasted from a terminal, or planted) never reach the terminal,
/// nor do bidirectional overrides that would make a line show other than it reads: they are
/// removed with one warning, and the text around them stays.
#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::sample_path("national-gwr-2022.txt")).unwrap();
    let at = text.find("国内生产总值达到114万亿元").unwrap();
    assert_eq!(text[..at].matches('\n').count() + 1, 28);
    let planted = format!(
        "{}\x1b]0;owned\x07\x1b[2J\u{202e}\u{2066}{}",
        &text[..at],
        &text[at..]
    );
    std::fs::write(dir.path().join("old.txt"), &text).unwrap();
    std::fs::write(dir.path().join("escapes.txt"), &planted).unwrap();
    let warning = "yoydiff: warning: escapes.txt: 5 control characters removed (first at line 28)";
    for args in [
        vec!["outline", "escapes.txt", "--color", "never"],
        vec!["diff", "old.txt", "escapes.txt", "--color", "never"],
        vec!["diff", "old.txt", "escapes.txt", "--format", "markdown"],
        // The same file on both sides is repaired the same way twice: one warning still.
        vec!["diff", "escapes.txt", "escapes.txt", "--format", "markdown"],
    ] {
        let out = run(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(one_warning(&out), warning, "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            !stdout.chars().any(|c| (c.is_control() && c != '\n')
                || ('\u{2066}'..='\u{2069}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{args:?} printed a control character"
        );
    }
    let out = run(dir.path(), &["outline", "escapes.txt", "--format", "json"]);
    assert!(
        json(&out)
            .to_string()
            .contains("]0;owned[2J国内生产总值达到114万亿元")
    );
}

// ---------------------------------------------------------------------------------------------
// Size limit.
// ---------------------------------------------------------------------------------------------

const LIMIT: usize = 64 * 1024 * 1024;

/// Standard input is read only to one byte past the limit, so the message gives the limit,
/// not a size it does not know.
#[test]
fn oversized_stdin_is_reported_against_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = yoydiff(dir.path())
        .args(["outline", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let line = b"The quick brown fox jumps over the lazy dog.\n";
        let mut left = LIMIT + 1;
        while left > 0 {
            let n = left.min(line.len());
            if stdin.write_all(&line[..n]).is_err() {
                break;
            }
            left -= n;
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(
        one_line_error(&out),
        "yoydiff: <stdin>: larger than the 64 MiB limit for one report"
    );
}

/// A file's size is known: the message gives it.
#[test]
fn oversized_file_is_reported_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    file.set_len(LIMIT as u64 + 1).unwrap(); // sparse: no 64 MiB written
    let line = one_line_error(&run(dir.path(), &["outline", "huge.txt"]));
    assert_eq!(
        line,
        "yoydiff: huge.txt: file is 67108865 bytes, over the 64 MiB limit for one report"
    );
}

// ---------------------------------------------------------------------------------------------
// -o FILE.
// ---------------------------------------------------------------------------------------------

fn sample_arg(name: &str) -> String {
    common::sample_path(name).to_str().unwrap().to_string()
}

/// `-o` into a folder that does not exist says so, naming the user's path and folder (not a
/// temporary file), and creates nothing.
#[test]
fn output_into_a_missing_folder_names_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/changes.md");
    let line = one_line_error(&run(
        dir.path(),
        &[
            "diff",
            &sample_arg("national-gwr-2022.txt"),
            &sample_arg("national-gwr-2023.txt"),
            "-o",
            target.to_str().unwrap(),
        ],
    ));
    assert_eq!(
        line,
        format!(
            "yoydiff: cannot write {}: folder {} does not exist",
            target.display(),
            dir.path().join("no/such").display()
        )
    );
    assert!(tree(dir.path()).is_empty());
}

/// A read-only file (mode 0444) is refused, not replaced, even when the folder is writable
/// (and even as root, who could write it): its content stays and no temporary file is left.
#[cfg(unix)]
#[test]
fn output_over_a_read_only_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("changes.md");
    std::fs::write(&target, "published").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
    let line = one_line_error(&run(
        dir.path(),
        &[
            "outline",
            &sample_arg("national-gwr-2022.txt"),
            "-o",
            "changes.md",
        ],
    ));
    assert_eq!(
        line,
        "yoydiff: cannot write changes.md: the file is read-only; make it writable to let yoydiff replace it"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "published");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    assert_eq!(tree(dir.path()), vec![PathBuf::from("changes.md")]);
}

// ---------------------------------------------------------------------------------------------
// Years.
// ---------------------------------------------------------------------------------------------

/// Numbers that merely look like years (`# Heading 2199`) are not the report's year; a year
/// of its own text still is.
#[test]
fn implausible_years_are_not_the_report_year() {
    let dir = tempfile::tempdir().unwrap();
    let headings: String = (0..5)
        .map(|i| format!("# Heading 2199\n\nSection {i} of the plan runs to 2199 and beyond.\n\n"))
        .collect();
    std::fs::write(dir.path().join("far.md"), &headings).unwrap();
    let outline = json(&run(dir.path(), &["outline", "far.md", "--format", "json"]));
    assert_eq!(outline["year"], serde_json::Value::Null);
    let out = run(dir.path(), &["outline", "far.md", "--color", "never"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.lines().next().unwrap().ends_with("year unknown"),
        "{stdout}"
    );
    // Headings numbered within the years a report can be about are numbering too.
    let numbered: String = (2015..2025)
        .map(|n| format!("# Heading {n}\n\nSome text about this part.\n\n"))
        .collect();
    std::fs::write(dir.path().join("numbered.md"), &numbered).unwrap();
    let outline = json(&run(
        dir.path(),
        &["outline", "numbered.md", "--format", "json"],
    ));
    assert_eq!(outline["year"], serde_json::Value::Null);
    std::fs::write(
        dir.path().join("dated.md"),
        format!("{headings}# Results\n\nIn 2023 revenue rose, as planned in 2023.\n"),
    )
    .unwrap();
    let outline = json(&run(
        dir.path(),
        &["outline", "dated.md", "--format", "json"],
    ));
    assert_eq!(outline["year"], 2023);
}

// ---------------------------------------------------------------------------------------------
// Standard input on both sides.
// ---------------------------------------------------------------------------------------------

#[test]
fn standard_input_on_both_sides_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let line = one_line_error(&run(dir.path(), &["diff", "-", "-"]));
    assert_eq!(
        line,
        "yoydiff: only one side of diff can be read from standard input (-)"
    );
}

// ---------------------------------------------------------------------------------------------
// The README's "Bad input" table, row by row.
// ---------------------------------------------------------------------------------------------

/// One row of the README's "Bad input" table: the input, what yoydiff does, the exit code.
struct Row {
    input: String,
    does: String,
    exit: i32,
}

/// The rows of the table under `### Bad input` in the README.
fn readme_rows() -> Vec<Row> {
    let readme = include_str!("../README.md");
    let table = &readme[readme.find("### Bad input").expect("a Bad input section")..];
    let table = &table[..table[3..].find("\n#").map_or(table.len(), |i| i + 3)];
    let split = |line: &str| -> Vec<String> {
        // Cells split at `|` that the Markdown does not escape (`\|`).
        let mut cells = vec![String::new()];
        let mut chars = line.trim().trim_matches('|').chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&'|') => {
                    cells.last_mut().unwrap().push('|');
                    chars.next();
                }
                '|' => cells.push(String::new()),
                c => cells.last_mut().unwrap().push(c),
            }
        }
        cells.into_iter().map(|c| c.trim().to_string()).collect()
    };
    table
        .lines()
        .filter(|l| l.starts_with('|'))
        .skip(2) // the header and the rule under it
        .map(|l| {
            let cells = split(l);
            assert_eq!(cells.len(), 3, "{l}");
            Row {
                input: cells[0].clone(),
                does: cells[1].clone(),
                exit: cells[2]
                    .parse()
                    .unwrap_or_else(|_| panic!("exit code in {l}")),
            }
        })
        .collect()
}

/// The first message the row quotes (its first `code` span).
fn quoted_message(does: &str) -> Option<&str> {
    let start = does.find('`')? + 1;
    let end = start + does[start..].find('`')?;
    Some(&does[start..end])
}

/// True when `line` contains `pattern`, where the README's placeholders (`FILE`, `N`, `…`)
/// stand for any text and a count of one may be written in the singular.
fn matches_message(pattern: &str, line: &str) -> bool {
    const PLACEHOLDERS: [&str; 13] = [
        "REV:PATH", "ENCODING", "FILE", "PATH", "LIST", "NAME", "ARG", "DIR", "N", "L", "B", "K",
        "…",
    ];
    // The pattern as literal pieces with a wildcard between each two.
    let mut pieces = vec![String::new()];
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        let word_start = pattern.len() == rest.len()
            || !pattern[..pattern.len() - rest.len()]
                .chars()
                .next_back()
                .unwrap()
                .is_alphanumeric();
        let placeholder = PLACEHOLDERS.iter().find(|p| {
            rest.starts_with(**p)
                && (**p == "…"
                    || (word_start
                        && !rest[p.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)))
        });
        match placeholder {
            Some(p) => {
                pieces.push(String::new());
                rest = &rest[p.len()..];
            }
            None => {
                pieces.last_mut().unwrap().push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    // The README writes counts in the plural; the message says `1 byte`.
    let line = &line
        .replace(" 1 byte ", " 1 bytes ")
        .replace(" 1 control character ", " 1 control characters ");
    // Each piece in order, anywhere after the one before.
    let mut at = 0;
    for piece in &pieces {
        match line[at..].find(piece.as_str()) {
            Some(i) => at += i + piece.len(),
            None => return false,
        }
    }
    true
}

#[test]
fn the_message_matcher_reads_placeholders() {
    let p = "FILE: N bytes not valid ENCODING, replaced by U+FFFD (first at line L, byte offset B)";
    assert!(matches_message(
        p,
        "yoydiff: warning: a.txt: 2 bytes not valid gb18030, replaced by U+FFFD (first at line 9, byte offset 77)"
    ));
    assert!(!matches_message(
        p,
        "yoydiff: warning: a.txt: 2 bytes not valid gb18030, replaced by U+FFFD (first at 9)"
    ));
    // Placeholders are whole words: the `N` of `NEW` and the `B` of `U+FFFD` are text.
    assert!(!matches_message("OLD<TAB>NEW", "OLD<TAB>xEW"));
    assert!(matches_message("LIST:N: expected", "pairs.tsv:3: expected"));
}

/// Writes a file, making folders as needed.
fn put(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// Runs yoydiff with `stdin` as its standard input.
fn run_with_stdin(dir: &Path, args: &[&str], stdin: Vec<u8>) -> Output {
    let mut child = yoydiff(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        // The reader stops one byte past its limit and closes the pipe: not an error here.
        let _ = pipe.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Runs the input a row describes; returns the runs whose outcome the row states.
fn run_row(input: &str, dir: &Path) -> Vec<Output> {
    let sample = |name: &str| std::fs::read(common::sample_path(name)).unwrap();
    let one = |args: &[&str]| vec![run(dir, args)];
    match input {
        "a missing file" => one(&["outline", "missing.txt"]),
        "a directory" => {
            std::fs::create_dir(dir.join("folder")).unwrap();
            one(&["outline", "folder"])
        }
        "an empty file or empty standard input" => {
            put(dir, "empty.txt", "");
            vec![
                run(dir, &["outline", "empty.txt"]),
                run_with_stdin(dir, &["outline", "-"], Vec::new()),
            ]
        }
        "only whitespace, page numbers or separators" => {
            put(dir, "blank.txt", "  \n\n- 5 -\n\n****\n\t\n第 6 页\n");
            one(&["outline", "blank.txt"])
        }
        i if i.starts_with("a binary file") => {
            let mut bytes = sample("national-gwr-2022.txt");
            bytes.insert(bytes.len() - 100, 0);
            put(dir, "nul.txt", bytes);
            one(&["outline", "nul.txt"])
        }
        i if i.starts_with("a few control characters") => {
            let text = String::from_utf8(sample("national-gwr-2022.txt")).unwrap();
            let at = text.find("国内生产总值").unwrap();
            put(
                dir,
                "esc.txt",
                format!("{}\x1b[2J\x1b[H{}", &text[..at], &text[at..]),
            );
            one(&["outline", "esc.txt", "--color", "never"])
        }
        i if i.starts_with("UTF-8 with a few damaged bytes") => {
            let mut bytes = sample("national-gwr-2022.txt");
            let at = String::from_utf8(bytes.clone())
                .unwrap()
                .find("增长")
                .unwrap();
            bytes[at] = 0xFF;
            put(dir, "damaged.txt", bytes);
            one(&["outline", "damaged.txt"])
        }
        i if i.starts_with("UTF-8 cut inside its last character") => {
            let dash = ENGLISH.rfind('\u{2014}').unwrap();
            put(dir, "cut.txt", &ENGLISH.as_bytes()[..dash + 2]);
            let ascii = ENGLISH[..dash].replace(['\u{201c}', '\u{201d}'], "\"");
            put(
                dir,
                "ascii-cut.txt",
                [ascii.as_bytes(), &[0xE2, 0x80]].concat(),
            );
            vec![
                run(dir, &["outline", "cut.txt"]),
                run(dir, &["outline", "ascii-cut.txt"]),
            ]
        }
        i if i.starts_with("a legacy encoding") => {
            let text = String::from_utf8(sample("changning-gwr-2025.txt")).unwrap();
            put(dir, "gb.txt", encoding_rs::GB18030.encode(&text).0);
            let out = run(dir, &["outline", "gb.txt", "--format", "json"]);
            assert_eq!(stderr(&out), "");
            assert_eq!(json(&out)["encoding"], "gb18030");
            let header = run(dir, &["outline", "gb.txt", "--color", "never"]);
            let stdout = String::from_utf8(header.stdout.clone()).unwrap();
            assert!(stdout.lines().next().unwrap().ends_with("· gb18030"));
            vec![out, header]
        }
        i if i.starts_with("a legacy multi-byte encoding with a damaged byte") => {
            let text = String::from_utf8(sample("changning-gwr-2025.txt")).unwrap();
            let clean = encoding_rs::GB18030.encode(&text).0.into_owned();
            put(dir, "flipped.txt", damage_legacy(&clean, false).0);
            put(dir, "cut.txt", damage_legacy(&clean, true).0);
            vec![
                run(dir, &["outline", "flipped.txt"]),
                run(dir, &["outline", "cut.txt"]),
            ]
        }
        i if i.starts_with("bytes not valid in a forced encoding") => {
            let text = String::from_utf8(sample("changning-gwr-2025.txt")).unwrap();
            put(dir, "gbk.txt", encoding_rs::GBK.encode(&text).0);
            one(&["outline", "gbk.txt", "--encoding", "utf-8"])
        }
        "an unknown `--encoding`" => {
            put(dir, "a.txt", sample("changning-gwr-2025.txt"));
            one(&["outline", "a.txt", "--encoding", "klingon-8"])
        }
        "a file over 64 MiB" => {
            let file = std::fs::File::create(dir.join("huge.txt")).unwrap();
            file.set_len(LIMIT as u64 + 1).unwrap();
            one(&["outline", "huge.txt"])
        }
        "standard input over 64 MiB" => {
            vec![run_with_stdin(
                dir,
                &["outline", "-"],
                vec![b'a'; LIMIT + 1],
            )]
        }
        "`-` on both sides of `diff`" => {
            vec![run_with_stdin(dir, &["diff", "-", "-"], b"text".to_vec())]
        }
        i if i.starts_with("a `REV:PATH` git cannot read") => {
            let repo = repo();
            vec![
                run(repo.path(), &["outline", "nosuchrev:report.txt"]),
                run(repo.path(), &["outline", "HEAD:missing.txt"]),
            ]
        }
        i if i.starts_with("a `REV:PATH` whose revision starts with `-`") => {
            let before = tree(dir);
            let arg = format!("--output={}/x:y", dir.display());
            let out = run(dir, &["outline", "--", &arg]);
            assert_eq!(tree(dir), before, "git wrote a file");
            vec![out]
        }
        "`-o` into a folder that does not exist" => {
            put(dir, "a.txt", sample("changning-gwr-2025.txt"));
            one(&["outline", "a.txt", "-o", "no/such/out.txt"])
        }
        "`-o` over a read-only file" => {
            put(dir, "a.txt", sample("changning-gwr-2025.txt"));
            put(dir, "out.txt", "old");
            let mut perms = std::fs::metadata(dir.join("out.txt"))
                .unwrap()
                .permissions();
            perms.set_readonly(true);
            std::fs::set_permissions(dir.join("out.txt"), perms).unwrap();
            let out = run(dir, &["outline", "a.txt", "-o", "out.txt"]);
            assert_eq!(std::fs::read_to_string(dir.join("out.txt")).unwrap(), "old");
            vec![out]
        }
        "`-o` naming a folder" => {
            put(dir, "a.txt", sample("changning-gwr-2025.txt"));
            std::fs::create_dir(dir.join("out")).unwrap();
            one(&["outline", "a.txt", "-o", "out"])
        }
        i if i.starts_with("numbers that only look like years") => {
            let far: String = (0..5)
                .map(|_| "# Heading 2199\n\nSome text about this part.\n\n")
                .collect();
            let numbered: String = (2015..2025)
                .map(|n| format!("# Heading {n}\n\nSome text about this part.\n\n"))
                .collect();
            put(dir, "far.md", far);
            put(dir, "numbered.md", numbered);
            let mut outs = Vec::new();
            for name in ["far.md", "numbered.md"] {
                let out = run(dir, &["outline", name, "--format", "json"]);
                assert_eq!(json(&out)["year"], serde_json::Value::Null, "{name}");
                let header = run(dir, &["outline", name, "--color", "never"]);
                let stdout = String::from_utf8(header.stdout.clone()).unwrap();
                assert!(stdout.lines().next().unwrap().ends_with("year unknown"));
                outs.extend([out, header]);
            }
            outs
        }
        i if i.starts_with("a bad `--year-shift`") => {
            put(dir, "a.txt", sample("changning-gwr-2025.txt"));
            one(&["diff", "a.txt", "a.txt", "--year-shift", "abc"])
        }
        i if i.starts_with("a `batch` list line that is not") => {
            put(dir, "pairs.tsv", "a.txt\tb.txt\njust one column\n");
            one(&["batch", "pairs.tsv"])
        }
        "a `batch` pair that fails" => {
            put(dir, "a.txt", sample("national-gwr-2022.txt"));
            put(dir, "b.txt", sample("national-gwr-2023.txt"));
            put(dir, "pairs.tsv", "a.txt\tmissing.txt\na.txt\tb.txt\n");
            let out = run(dir, &["batch", "pairs.tsv"]);
            let stdout = String::from_utf8(out.stdout.clone()).unwrap();
            let lines: Vec<serde_json::Value> = stdout
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(lines.len(), 2, "{stdout}");
            assert!(lines[0]["error"].as_str().unwrap().contains("no such file"));
            assert!(lines[1].get("error").is_none(), "{}", lines[1]);
            let err = stderr(&out);
            assert!(err.contains("1 of 2 pairs failed"), "{err}");
            vec![out]
        }
        other => panic!("no test for the README's bad-input row {other:?}: add one here"),
    }
}

/// Every row of the README's table, run through the binary: the exit code it states, and the
/// message it quotes as the one line on stderr (an error, or a warning for exit code 0).
#[test]
fn every_row_of_the_readme_bad_input_table_holds() {
    let rows = readme_rows();
    assert!(rows.len() >= 20, "{} rows", rows.len());
    for row in rows {
        let dir = tempfile::tempdir().unwrap();
        for out in run_row(&row.input, dir.path()) {
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(row.exit),
                "{}: stderr {err:?}",
                row.input
            );
            assert!(!err.contains("panicked"), "{}: {err}", row.input);
            let rows_with_own_checks = ["a legacy encoding (", "a `batch` pair", "numbers that"];
            if rows_with_own_checks
                .iter()
                .any(|r| row.input.starts_with(r))
            {
                continue;
            }
            let line = if row.exit == 2 {
                one_line_error(&out)
            } else {
                one_warning(&out)
            };
            let message = quoted_message(&row.does)
                .unwrap_or_else(|| panic!("{}: the row quotes no message", row.input));
            assert!(
                matches_message(message, &line),
                "{}: {line:?} is not the README's `{message}`",
                row.input
            );
        }
    }
}

//! Reading an input: from a path, standard input (`-`) or git (`REV:PATH`), then decoding its
//! bytes to text with encoding detection.
//!
//! Detection order: a byte-order mark wins; then UTF-8, valid or with a few damaged bytes (see
//! [`Utf8Scan::mostly_utf8`]); then `chardetng`'s guess among the legacy encodings
//! (GB18030/GBK, Big5 and the rest), where a multi-byte text with a few damaged bytes keeps
//! its encoding (see `damaged_multibyte`). A forced `--encoding` skips detection. Binary input
//! is refused and stray control characters are removed ([`decode`]).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use encoding_rs::Encoding;

use crate::error::{Error, Result};

/// The largest input accepted. A long annual filing is a few megabytes; anything past this is
/// almost certainly the wrong file, and reading it whole would only waste memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Where a report comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
    /// A file at a git revision, read with `git show --end-of-options REV:PATH`.
    Git {
        /// The revision (`HEAD~1`, a branch, a commit).
        rev: String,
        /// The path inside the repository.
        path: String,
    },
}

impl Source {
    /// Interprets a command-line argument: `-` is stdin, an existing path is a file, and
    /// `REV:PATH` whose path part is not an existing file is a git spec.
    pub fn from_arg(arg: &str) -> Source {
        if arg == "-" {
            return Source::Stdin;
        }
        // A one-letter "revision" is a Windows drive letter, not a git spec.
        if !Path::new(arg).exists()
            && let Some((rev, path)) = arg.split_once(':')
            && rev.len() > 1
            && !path.is_empty()
        {
            return Source::Git {
                rev: rev.to_string(),
                path: path.to_string(),
            };
        }
        Source::Path(PathBuf::from(arg))
    }

    /// The name shown in messages and outputs.
    pub fn display_name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::Git { rev, path } => format!("{rev}:{path}"),
        }
    }
}

/// Text decoded from an input, with the encoding that was used.
#[derive(Debug, Clone)]
pub struct DecodedText {
    /// The input's display name.
    pub name: String,
    /// The decoded text, without a byte-order mark or control characters.
    pub text: String,
    /// The name of the encoding used (`UTF-8`, `GB18030`, …).
    pub encoding: &'static str,
    /// What had to be repaired to read the text. The library never prints: the caller decides
    /// where these go (the binary writes each as one line on stderr).
    pub warnings: Vec<Warning>,
    /// The input's format and the reader that turned it into text.
    pub origin: crate::formats::Origin,
}

/// Something decoding repaired; the text is still read. Each displays as one line naming the
/// input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A UTF-8 text with a few bytes that are not valid UTF-8 (a damaged or cut-short file):
    /// each invalid sequence became U+FFFD.
    InvalidUtf8 {
        /// The input's display name.
        name: String,
        /// How many bytes were replaced.
        bytes: usize,
        /// Byte offset of the first one (0-based, counted in the input's bytes).
        first_offset: usize,
        /// Line of the first one (1-based).
        first_line: usize,
        /// The input ends inside a character, as a cut-short download does.
        cut_short: bool,
    },
    /// A text detected as a legacy multi-byte encoding (GB18030, Big5…) with a few byte
    /// sequences that are not valid in it: each became U+FFFD.
    InvalidBytes {
        /// The input's display name.
        name: String,
        /// The encoding the text was read in.
        encoding: &'static str,
        /// How many bytes were replaced.
        bytes: usize,
        /// Byte offset of the first one (0-based, counted in the input's bytes).
        first_offset: usize,
        /// Line of the first one (1-based).
        first_line: usize,
        /// The input ends inside a character, as a cut-short download does.
        cut_short: bool,
    },
    /// Control characters (other than tab, line breaks and form feed) and bidirectional
    /// overrides were removed, so none reaches a terminal.
    ControlCharacters {
        /// The input's display name.
        name: String,
        /// How many were removed.
        count: usize,
        /// Line of the first one (1-based).
        first_line: usize,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::InvalidUtf8 {
                name,
                bytes,
                first_offset,
                first_line,
                cut_short,
            } => write_invalid(
                f,
                name,
                "UTF-8",
                *bytes,
                *first_offset,
                *first_line,
                *cut_short,
            ),
            Warning::InvalidBytes {
                name,
                encoding,
                bytes,
                first_offset,
                first_line,
                cut_short,
            } => write_invalid(
                f,
                name,
                encoding,
                *bytes,
                *first_offset,
                *first_line,
                *cut_short,
            ),
            Warning::ControlCharacters {
                name,
                count,
                first_line,
            } => {
                let what = if *count == 1 {
                    "control character"
                } else {
                    "control characters"
                };
                write!(
                    f,
                    "{name}: {count} {what} removed (first at line {first_line})"
                )
            }
        }
    }
}

/// The one line of a damaged-bytes warning, for UTF-8 and legacy encodings alike.
fn write_invalid(
    f: &mut std::fmt::Formatter<'_>,
    name: &str,
    encoding: &str,
    bytes: usize,
    first_offset: usize,
    first_line: usize,
    cut_short: bool,
) -> std::fmt::Result {
    let what = if bytes == 1 { "byte" } else { "bytes" };
    write!(
        f,
        "{name}: {bytes} {what} not valid {encoding}, replaced by U+FFFD (first at line \
         {first_line}, byte offset {first_offset})"
    )?;
    if cut_short {
        write!(
            f,
            "; the input ends inside a character, it may be cut short"
        )?;
    }
    Ok(())
}

/// Reads the raw bytes of a source, refusing inputs over [`MAX_INPUT_BYTES`].
pub fn read_bytes(source: &Source) -> Result<Vec<u8>> {
    let name = source.display_name();
    let bytes = match source {
        Source::Path(path) => {
            let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Error::NotFound { path: path.clone() },
                _ => Error::Read {
                    name: name.clone(),
                    source: e,
                },
            })?;
            if meta.is_dir() {
                return Err(Error::IsDirectory { path: path.clone() });
            }
            if meta.len() > MAX_INPUT_BYTES {
                return Err(Error::TooLarge {
                    name,
                    size: Some(meta.len()),
                    limit: MAX_INPUT_BYTES,
                });
            }
            std::fs::read(path).map_err(|e| Error::Read {
                name: name.clone(),
                source: e,
            })?
        }
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut buf)
                .map_err(|e| Error::Read {
                    name: name.clone(),
                    source: e,
                })?;
            buf
        }
        Source::Git { rev, path } => git_show(rev, path)?,
    };
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        // Standard input was read only to one byte past the limit: its size is unknown. A file
        // that grew after its size was checked, or git's output, was read whole.
        let size = match source {
            Source::Stdin => None,
            _ => Some(bytes.len() as u64),
        };
        return Err(Error::TooLarge {
            name,
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(bytes)
}

/// Reads `REV:PATH` with `git show`.
///
/// The revision comes from the command line or a batch list, so it must never reach git as an
/// option: `--output=/tmp/x:y` would make `git show` write a file. A revision that starts with
/// `-` is refused (no branch, tag or commit name can start with one), and `--end-of-options`
/// stands before the object name, so git reads whatever follows as a revision. The path is part
/// of that same argument (`REV:./PATH`), never an argument of its own.
fn git_show(rev: &str, path: &str) -> Result<Vec<u8>> {
    let spec = format!("{rev}:{path}");
    if rev.starts_with('-') {
        return Err(Error::BadRevision { spec });
    }
    // `./` makes git resolve the path against the working directory, as a user would expect.
    let object = if path.starts_with("./") || path.starts_with('/') {
        spec.clone()
    } else {
        format!("{rev}:./{path}")
    };
    let out = Command::new("git")
        .args(["show", "--no-textconv", "--end-of-options", &object])
        .output()
        .map_err(|e| Error::Git {
            spec: spec.clone(),
            message: format!("cannot run git: {e}"),
        })?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr)
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("git show failed")
            .trim()
            .to_string();
        return Err(Error::Git { spec, message });
    }
    Ok(out.stdout)
}

/// Looks up an encoding by its WHATWG label (`utf-8`, `gbk`, `gb18030`, `big5`, `utf-16le`…).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| Error::UnknownEncoding(label.to_string()))
}

/// Decodes bytes to text. `forced` skips detection. Empty, binary and undecodable inputs are
/// errors, so the rest of the pipeline always sees real text; repairs (damaged UTF-8, control
/// characters) are returned as [`Warning`]s.
///
/// - **Binary**: a NUL anywhere in the input means binary, except for the NUL bytes of UTF-16
///   (declared by a byte-order mark or `--encoding`), where a decoded U+0000 still does. So
///   does a text of which more than 1% is control characters.
/// - **Damaged UTF-8**: bytes that are not valid UTF-8 are still read as UTF-8, with each
///   invalid sequence replaced by U+FFFD, when at most one in ten of the non-ASCII bytes is
///   invalid ([`Utf8Scan::mostly_utf8`]). Otherwise a declared UTF-8 (mark or `--encoding`) is an error
///   and an undeclared input goes to `chardetng`.
/// - **Damaged legacy text**: a multi-byte legacy encoding (detected, or forced) with at most one
///   invalid sequence per hundred non-ASCII bytes is read with each as U+FFFD, with one warning.
/// - **Control characters** other than tab, line feed, carriage return and form feed (which
///   normalisation reads as a page break), and the bidirectional overrides and isolates, are
///   removed, with one warning.
pub fn decode(name: &str, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<DecodedText> {
    if bytes.is_empty() {
        return Err(Error::Empty {
            name: name.to_string(),
        });
    }
    let binary = || Error::Binary {
        name: name.to_string(),
    };
    let declared = forced.or_else(|| Encoding::for_bom(bytes).map(|(e, _)| e));
    let utf16 = declared.is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    if !utf16 && bytes.contains(&0) {
        return Err(binary());
    }
    let mut warnings = Vec::new();
    let (text, used) = match declared {
        Some(e) if e == encoding_rs::UTF_8 => {
            let scan = Utf8Scan::of(bytes);
            if scan.invalid > 0 && !scan.mostly_utf8() {
                return Err(Error::Decode {
                    name: name.to_string(),
                    encoding: e.name().to_string(),
                });
            }
            (utf8_lossy(name, bytes, &scan, &mut warnings), e)
        }
        Some(e) => {
            // A forced encoding is used as given, even over a byte-order mark (whose bytes, if
            // they decode to U+FEFF, are dropped below); otherwise the mark decides.
            let (text, used, had_errors) = match forced {
                Some(_) => {
                    let (text, had_errors) = e.decode_without_bom_handling(bytes);
                    (text, e, had_errors)
                }
                None => e.decode(bytes),
            };
            if had_errors {
                // A forced multi-byte encoding tolerates a few damaged bytes, as forced UTF-8
                // does; a text in another encoding breaks it far more often.
                let few = match forced {
                    Some(_) if MULTIBYTE.contains(&used) => {
                        let non_ascii = bytes.iter().filter(|&&b| b >= 0x80).count();
                        malformed(used, bytes, non_ascii / 100)
                            .map(|bad| invalid_bytes_warning(name, used, bytes, &bad))
                    }
                    _ => None,
                };
                match few {
                    Some(warning) => warnings.push(warning),
                    None => {
                        return Err(Error::Decode {
                            name: name.to_string(),
                            encoding: used.name().to_string(),
                        });
                    }
                }
            }
            (text.into_owned(), used)
        }
        None => {
            let scan = Utf8Scan::of(bytes);
            if scan.invalid == 0 || scan.mostly_utf8() {
                (
                    utf8_lossy(name, bytes, &scan, &mut warnings),
                    encoding_rs::UTF_8,
                )
            } else {
                let guess = detect_legacy(bytes);
                let (text, had_errors) = guess.decode_without_bom_handling(bytes);
                match damaged_multibyte(name, bytes, scan.non_ascii, guess, had_errors) {
                    Some((e, warning)) => {
                        warnings.push(warning);
                        (e.decode_without_bom_handling(bytes).0.into_owned(), e)
                    }
                    None if had_errors => {
                        return Err(Error::Decode {
                            name: name.to_string(),
                            encoding: guess.name().to_string(),
                        });
                    }
                    None => (text.into_owned(), guess),
                }
            }
        }
    };
    let text = if text.starts_with('\u{FEFF}') {
        text.trim_start_matches('\u{FEFF}').to_string()
    } else {
        text
    };
    if text.contains('\0') || control_ratio(&text) > 0.01 {
        return Err(binary());
    }
    let text = remove_controls(name, text, &mut warnings);
    Ok(DecodedText {
        origin: crate::formats::Origin::TEXT,
        name: name.to_string(),
        text,
        encoding: used.name(),
        warnings,
    })
}

/// `chardetng`'s guess among the legacy encodings. encoding_rs decodes GBK exactly as GB18030
/// (its superset), so the text is named after what is decoded.
fn detect_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    match detector.guess(None, chardetng::Utf8Detection::Deny) {
        e if e == encoding_rs::GBK => encoding_rs::GB18030,
        e => e,
    }
}

/// The multi-byte legacy encodings a damaged text is checked against.
const MULTIBYTE: [&Encoding; 5] = [
    encoding_rs::GB18030,
    encoding_rs::BIG5,
    encoding_rs::SHIFT_JIS,
    encoding_rs::EUC_KR,
    encoding_rs::EUC_JP,
];

/// A text in a multi-byte legacy encoding with a few damaged bytes, which detection took for
/// a single-byte encoding: the encoding, and the warning naming the damage.
///
/// `chardetng` rules out an encoding at its first invalid sequence, so one flipped byte or a
/// download cut inside its last character turns a GB18030 report into windows-1252 mojibake
/// (every single-byte encoding decodes anything). So when the guess is a single-byte
/// encoding, each multi-byte one is tried: if it finds invalid sequences, but at most one per
/// hundred non-ASCII bytes, those sequences are left out and detection runs again on the
/// rest. Only when it then chooses that same encoding is the text read in it, each invalid
/// sequence as U+FFFD. A real single-byte text is never taken: its accented letters run into
/// ASCII and break a multi-byte encoding far more often than once in a hundred bytes, and
/// detection, which reads the letters' frequencies, keeps it anyway.
fn damaged_multibyte(
    name: &str,
    bytes: &[u8],
    non_ascii: usize,
    guess: &'static Encoding,
    guess_failed: bool,
) -> Option<(&'static Encoding, Warning)> {
    let most = non_ascii / 100;
    let multibyte = MULTIBYTE.contains(&guess);
    if most == 0 || (multibyte && !guess_failed) {
        return None;
    }
    // A multi-byte guess that does not decode cleanly is the only candidate: detection chose
    // it in spite of the damage.
    let tried: &[&'static Encoding] = if multibyte {
        std::slice::from_ref(&guess)
    } else {
        &MULTIBYTE
    };
    let mut candidates: Vec<(&'static Encoding, Vec<std::ops::Range<usize>>)> = tried
        .iter()
        .filter_map(|&e| malformed(e, bytes, most).map(|bad| (e, bad)))
        .filter(|(_, bad)| !bad.is_empty())
        .collect();
    // Fewest invalid sequences first; GB18030 accepts almost any pair of bytes, so it may have
    // the fewest on a Japanese or Korean text, and only detection tells them apart.
    candidates.sort_by_key(|(_, bad)| bad.len());
    let (e, bad) = candidates.into_iter().find(|(e, bad)| {
        let mut rest = Vec::with_capacity(bytes.len());
        let mut from = 0;
        for r in bad {
            rest.extend_from_slice(&bytes[from..r.start]);
            from = r.end;
        }
        rest.extend_from_slice(&bytes[from..]);
        detect_legacy(&rest) == *e
    })?;
    let warning = invalid_bytes_warning(name, e, bytes, &bad);
    Some((e, warning))
}

/// The warning for the invalid sequences `bad` (not empty) of `bytes` read as `e`.
fn invalid_bytes_warning(
    name: &str,
    e: &'static Encoding,
    bytes: &[u8],
    bad: &[std::ops::Range<usize>],
) -> Warning {
    let first = bad.first().map_or(0, |r| r.start);
    Warning::InvalidBytes {
        name: name.to_string(),
        encoding: e.name(),
        bytes: bad.iter().map(|r| r.len()).sum(),
        first_offset: first,
        first_line: bytes[..first].iter().filter(|&&b| b == b'\n').count() + 1,
        cut_short: bad.last().is_some_and(|r| r.end == bytes.len()),
    }
}

/// The byte ranges of `bytes` not valid in `e`, or `None` when there are more than `most`.
fn malformed(
    e: &'static Encoding,
    bytes: &[u8],
    most: usize,
) -> Option<Vec<std::ops::Range<usize>>> {
    let mut decoder = e.new_decoder_without_bom_handling();
    let mut out = vec![0u8; 64 * 1024];
    let mut bad = Vec::new();
    let mut pos = 0;
    loop {
        let (result, read, _) =
            decoder.decode_to_utf8_without_replacement(&bytes[pos..], &mut out, true);
        pos += read;
        match result {
            encoding_rs::DecoderResult::InputEmpty => return Some(bad),
            encoding_rs::DecoderResult::OutputFull => {}
            encoding_rs::DecoderResult::Malformed(len, extra) => {
                let end = pos - usize::from(extra);
                bad.push(end - usize::from(len)..end);
                if bad.len() > most {
                    return None;
                }
            }
        }
    }
}

/// How far a byte string is from valid UTF-8.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Utf8Scan {
    /// Bytes inside invalid sequences (each sequence becomes one U+FFFD).
    pub invalid: usize,
    /// Bytes of 0x80 and above. ASCII reads the same in UTF-8 and every legacy encoding
    /// detection chooses from, so only these bytes say anything about the encoding.
    pub non_ascii: usize,
    /// Byte offset of the first invalid byte.
    pub first_invalid: Option<usize>,
    /// The input ends inside a character.
    pub cut_short: bool,
    /// Bytes of the unfinished character at the end, when [`cut_short`](Self::cut_short).
    pub cut_tail: usize,
}

impl Utf8Scan {
    /// Scans `bytes` once.
    pub fn of(bytes: &[u8]) -> Utf8Scan {
        let mut scan = Utf8Scan {
            non_ascii: bytes.iter().filter(|&&b| b >= 0x80).count(),
            ..Utf8Scan::default()
        };
        let mut pos = 0;
        while let Err(e) = std::str::from_utf8(&bytes[pos..]) {
            let at = pos + e.valid_up_to();
            scan.first_invalid.get_or_insert(at);
            match e.error_len() {
                Some(n) => {
                    scan.invalid += n;
                    pos = at + n;
                }
                None => {
                    scan.cut_tail = bytes.len() - at;
                    scan.invalid += scan.cut_tail;
                    scan.cut_short = true;
                    break;
                }
            }
        }
        scan
    }

    /// True when the bytes are UTF-8 with a few damaged spots rather than another encoding: at
    /// most one in ten of the non-ASCII bytes is invalid.
    ///
    /// Why this measure: a legacy encoding makes most of its non-ASCII bytes invalid as UTF-8
    /// (about 65% for GBK/GB18030 Chinese, 85% for Big5, EUC-KR and Shift_JIS, all of them for
    /// windows-1252 or -1251), whatever the share of ASCII around them; damage to a UTF-8 file
    /// (a flipped byte, a cut-off last character, a stray Latin-1 byte) leaves a handful
    /// invalid among thousands. A count over the whole input would let plain ASCII hide a
    /// legacy text: an English letter in windows-1252 with twenty accented letters in 50 KB is
    /// still windows-1252. For the same reason, an ASCII text with one stray high byte and no
    /// UTF-8 character at all is not UTF-8 evidence and goes to detection.
    ///
    /// An unfinished character at the very end, a lead byte and at least one continuation byte
    /// (`E2 80` of a cut `—`), is what a download cut inside its last character leaves, and no
    /// evidence against UTF-8: it is left out of the count, so an English text that is ASCII
    /// but for that character is still UTF-8, with the warning. A lone high byte at the end
    /// (`Caf\xE9`) may as well be a legacy letter and still counts.
    pub fn mostly_utf8(&self) -> bool {
        let unfinished = if self.cut_tail >= 2 { self.cut_tail } else { 0 };
        (self.invalid - unfinished) * 10 <= self.non_ascii - unfinished
    }
}

/// Decodes as UTF-8, replacing invalid sequences by U+FFFD, with a warning when there were any.
fn utf8_lossy(name: &str, bytes: &[u8], scan: &Utf8Scan, warnings: &mut Vec<Warning>) -> String {
    let text = String::from_utf8_lossy(bytes).into_owned();
    if let Some(first) = scan.first_invalid {
        warnings.push(Warning::InvalidUtf8 {
            name: name.to_string(),
            bytes: scan.invalid,
            first_offset: first,
            first_line: bytes[..first].iter().filter(|&&b| b == b'\n').count() + 1,
            cut_short: scan.cut_short,
        });
    }
    text
}

/// A control character that must not reach a terminal or a reader: everything Unicode calls a
/// control (C0, DEL, C1) except tab, line feed, carriage return and form feed, and the
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
/// reorder what a terminal or a page shows, so a line could read other than it is. Reports in
/// Chinese and English never need them; the marks LRM and RLM, which reorder nothing on
/// their own, stay.
fn is_stray_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Share of stray control characters.
fn control_ratio(text: &str) -> f64 {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if is_stray_control(c) {
            control += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        control as f64 / total as f64
    }
}

/// Removes stray control characters (an escape sequence must not drive the terminal that shows
/// a diff). Line breaks stay, so line numbers still point into the original.
pub(crate) fn remove_controls(name: &str, text: String, warnings: &mut Vec<Warning>) -> String {
    let Some(first) = text.find(is_stray_control) else {
        return text;
    };
    let first_line = text[..first].matches('\n').count() + 1;
    let mut count = 0;
    let clean: String = text
        .chars()
        .filter(|&c| {
            let stray = is_stray_control(c);
            count += usize::from(stray);
            !stray
        })
        .collect();
    warnings.push(Warning::ControlCharacters {
        name: name.to_string(),
        count,
        first_line,
    });
    clean
}

/// Reads one source and turns it into text: PDF, Word and HTML files through their readers
/// (see `formats`), anything else decoded as text.
pub fn read_source(source: &Source, forced: Option<&'static Encoding>) -> Result<DecodedText> {
    let bytes = read_bytes(source)?;
    crate::formats::to_text(&source.display_name(), &bytes, forced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        let plain = decode("a", "一、工作回顾".as_bytes(), None).unwrap();
        assert_eq!(plain.text, "一、工作回顾");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("一、工作回顾".as_bytes());
        let with_bom = decode("a", &bom, None).unwrap();
        assert_eq!(with_bom.text, "一、工作回顾");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "工作回顾\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode("a", &bytes, None).unwrap();
        assert_eq!(d.text, "工作回顾\n");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn detects_gb18030() {
        let text = "一、2024年工作回顾\n过去一年，我们坚持稳中求进工作总基调，区级一般公共预算收入完成180.97亿元，同比增长7.38%。\n";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        let d = decode("a", &bytes, None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "gb18030");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn forced_encoding_is_used() {
        let (bytes, _, _) = encoding_rs::BIG5.encode("政府工作報告");
        let d = decode("a", &bytes, Some(encoding_rs::BIG5)).unwrap();
        assert_eq!(d.text, "政府工作報告");
    }

    #[test]
    fn forced_encoding_wins_over_a_byte_order_mark() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("工作".as_bytes());
        let d = decode("a", &bytes, Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.starts_with("ï»¿"), "{}", d.text);
    }

    /// The Chinese test text of these tests, 3 bytes per character.
    const ZH: &str = "一、2024年工作回顾\n过去一年，我们坚持稳中求进工作总基调，区级一般公共预算收入完成180.97亿元，同比增长7.38%。\n二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n";

    fn invalid_utf8(d: &DecodedText) -> (usize, usize, usize, bool) {
        match d.warnings.as_slice() {
            [
                Warning::InvalidUtf8 {
                    bytes,
                    first_offset,
                    first_line,
                    cut_short,
                    ..
                },
            ] => (*bytes, *first_offset, *first_line, *cut_short),
            other => panic!("expected one InvalidUtf8 warning, got {other:?}"),
        }
    }

    #[test]
    fn a_damaged_byte_in_utf8_is_replaced_with_one_warning() {
        let mut bytes = ZH.as_bytes().to_vec();
        // The lead byte of 过 (line 2) becomes 0xFF: it and its two continuation bytes are
        // invalid, three bytes, three U+FFFD.
        let at = ZH.find('过').unwrap();
        bytes[at] = 0xFF;
        let d = decode("a", &bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(invalid_utf8(&d), (3, at, 2, false));
        assert_eq!(d.text, ZH.replacen('过', "\u{FFFD}\u{FFFD}\u{FFFD}", 1));
        assert_eq!(
            d.warnings[0].to_string(),
            format!(
                "a: 3 bytes not valid UTF-8, replaced by U+FFFD (first at line 2, byte offset {at})"
            )
        );
    }

    #[test]
    fn utf8_cut_inside_its_last_character_is_read_with_a_warning() {
        let text = ZH.trim_end_matches('\n');
        let bytes = &text.as_bytes()[..text.len() - 2];
        let d = decode("a", bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(invalid_utf8(&d), (1, text.len() - 3, 4, true));
        assert!(d.text.ends_with("左右\u{FFFD}"), "{}", d.text);
        assert!(d.warnings[0].to_string().ends_with("it may be cut short"));
    }

    #[test]
    fn ascii_text_cut_inside_its_only_other_character_stays_utf8() {
        // An English text, ASCII but for the dash it was cut inside: two of its three bytes.
        let text = "Revenue rose 12% in 2023.\nThe outlook \u{2014}";
        let bytes = &text.as_bytes()[..text.len() - 1];
        let scan = Utf8Scan::of(bytes);
        assert_eq!((scan.invalid, scan.non_ascii, scan.cut_tail), (2, 2, 2));
        assert!(scan.mostly_utf8());
        let d = decode("a", bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(invalid_utf8(&d), (2, text.len() - 3, 2, true));
        assert_eq!(d.text, "Revenue rose 12% in 2023.\nThe outlook \u{FFFD}");
        // A lone high byte at the end may be a legacy letter: detection decides.
        let d = decode("a", b"Sales rose at the Caf\xe9", None).unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str()),
            ("windows-1252", "Sales rose at the Café")
        );
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn english_utf8_with_one_stray_byte_stays_utf8() {
        let text = "Our \u{201c}owner\u{2019}s manual\u{201d} explains the approach.\nEarnings rose 12% in 2023.\n";
        let mut bytes = text.as_bytes().to_vec();
        let at = text.find("rose").unwrap();
        bytes[at] = 0xE9; // a Latin-1 é where an ASCII letter was
        let d = decode("a", &bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(invalid_utf8(&d), (1, at, 2, false));
        assert!(d.text.contains("\u{FFFD}ose"), "{}", d.text);
    }

    #[test]
    fn legacy_text_goes_to_detection() {
        // Plain ASCII with one high byte carries no UTF-8 evidence: windows-1252.
        let d = decode("a", b"Caf\xe9 sales rose 12% in 2023.\n", None).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "Café sales rose 12% in 2023.\n");
        assert!(d.warnings.is_empty());
        // Chinese in GBK: most non-ASCII bytes are invalid UTF-8.
        let (gbk, _, _) = encoding_rs::GBK.encode(ZH);
        let scan = Utf8Scan::of(&gbk);
        assert!(scan.invalid * 2 > scan.non_ascii, "{scan:?}");
        let d = decode("a", &gbk, None).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("gb18030", ZH));
        assert!(d.warnings.is_empty());
    }

    #[track_caller]
    fn invalid_bytes(d: &DecodedText) -> (&'static str, usize, usize, usize, bool) {
        match d.warnings.as_slice() {
            [
                Warning::InvalidBytes {
                    encoding,
                    bytes,
                    first_offset,
                    first_line,
                    cut_short,
                    ..
                },
            ] => (encoding, *bytes, *first_offset, *first_line, *cut_short),
            other => panic!("expected one InvalidBytes warning, got {other:?}"),
        }
    }

    #[test]
    fn a_damaged_legacy_text_keeps_its_encoding_with_one_warning() {
        const HANT: &str = "一、2024年工作回顧\n過去一年，我們堅持穩中求進工作總基調，區級一般公共預算收入完成180.97億元，同比增長7.38%。\n二、2025年工作安排\n今年經濟社會發展的主要預期目標是：地區生產總值增長5%左右。\n";
        for (e, text) in [
            (encoding_rs::GBK, ZH.repeat(4)),
            (encoding_rs::BIG5, HANT.repeat(4)),
        ] {
            let (clean, _, unmappable) = e.encode(&text);
            assert!(!unmappable);
            let read_as = if e == encoding_rs::GBK {
                encoding_rs::GB18030
            } else {
                e
            };
            // One byte flipped: the second byte of the second line's first character. (A
            // flipped first byte would also shift how the following bytes pair up, up to the
            // next ASCII byte: these encodings do not resynchronise as UTF-8 does.)
            let at = clean.iter().position(|&b| b == b'\n').unwrap() + 1;
            let mut bad = clean.to_vec();
            bad[at + 1] = 0xFF;
            let d = decode("a", &bad, None).unwrap();
            assert_eq!(d.encoding, read_as.name());
            assert_eq!(invalid_bytes(&d), (read_as.name(), 2, at, 2, false));
            let first = text.lines().nth(1).unwrap().chars().next().unwrap();
            assert_eq!(d.text, text.replacen(first, "\u{FFFD}", 1));
            assert_eq!(
                d.warnings[0].to_string(),
                format!(
                    "a: 2 bytes not valid {}, replaced by U+FFFD (first at line 2, byte offset {at})",
                    read_as.name()
                )
            );
            // Cut inside its last character (the full stop), as an interrupted download is.
            let (whole, _, _) = e.encode(text.trim_end_matches('\n'));
            let cut = &whole[..whole.len() - 1];
            let d = decode("a", cut, None).unwrap();
            assert_eq!(d.encoding, read_as.name());
            assert_eq!(
                invalid_bytes(&d),
                (read_as.name(), 1, cut.len() - 1, 16, true)
            );
            assert!(d.text.ends_with("左右\u{FFFD}"), "{}", d.text);
            assert!(d.warnings[0].to_string().ends_with("it may be cut short"));
        }
    }

    #[test]
    fn a_forced_multibyte_encoding_tolerates_a_few_damaged_bytes_only() {
        let text = ZH.repeat(4);
        let (clean, _, _) = encoding_rs::GB18030.encode(&text);
        let at = clean.iter().position(|&b| b == b'\n').unwrap() + 1;
        let mut bad = clean.to_vec();
        bad[at + 1] = 0xFF;
        let d = decode("a", &bad, Some(encoding_rs::GB18030)).unwrap();
        assert_eq!(invalid_bytes(&d), ("gb18030", 2, at, 2, false));
        // Shift_JIS forced on the GB18030 text: far too many invalid sequences.
        assert!(matches!(
            decode("a", &clean, Some(encoding_rs::SHIFT_JIS)),
            Err(Error::Decode { .. })
        ));
    }

    #[test]
    fn single_byte_legacy_texts_are_not_taken_for_damaged_multibyte_ones() {
        let german = "Jahresbericht: Der Umsatz stieg um 12 % auf 4,5 Mrd. Euro. Größere Märkte, \
                      höhere Löhne, schöne Grüße an alle Aktionäre.\n"
            .repeat(20);
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&german);
        let d = decode("a", &bytes, None).unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str()),
            ("windows-1252", german.as_str())
        );
        assert!(d.warnings.is_empty());
        let russian =
            "Выручка выросла на 12% в 2023 году, прибыль составила 4,5 млрд рублей.\n".repeat(20);
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&russian);
        let d = decode("a", &bytes, None).unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str()),
            ("windows-1251", russian.as_str())
        );
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn the_threshold_is_one_invalid_byte_in_ten_non_ascii_bytes() {
        // 33 characters of 3 bytes, then stray continuation bytes.
        let base = "经济社会发展的主要预期目标是地区生产总值增长左右稳中求进工作总基调".as_bytes();
        assert_eq!(base.len(), 99);
        let with = |n: usize| [base, &vec![0x80; n]].concat();
        let at_limit = Utf8Scan::of(&with(11)); // 11 of 110
        assert_eq!((at_limit.invalid, at_limit.non_ascii), (11, 110));
        assert!(at_limit.mostly_utf8());
        assert!(!Utf8Scan::of(&with(12)).mostly_utf8()); // 12 of 111
        assert!(Utf8Scan::of(base).mostly_utf8());
    }

    #[test]
    fn declared_utf8_tolerates_a_few_bad_bytes_but_not_another_encoding() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(ZH.as_bytes());
        let at = 3 + ZH.find("2024").unwrap();
        bytes[at] = 0xFF;
        let d = decode("a", &bytes, None).unwrap();
        assert!(!d.text.starts_with('\u{FEFF}'));
        assert_eq!(invalid_utf8(&d).0, 1);
        let d = decode("a", &bytes, Some(encoding_rs::UTF_8)).unwrap();
        assert_eq!(invalid_utf8(&d).0, 1);
        let (gbk, _, _) = encoding_rs::GBK.encode(ZH);
        assert!(matches!(
            decode("a", &gbk, Some(encoding_rs::UTF_8)),
            Err(Error::Decode { .. })
        ));
    }

    #[test]
    fn a_nul_anywhere_means_binary_except_in_utf16() {
        let mut late = ZH.repeat(200).into_bytes();
        assert!(late.len() > 8192);
        let at = late.len() - 10;
        late[at] = 0;
        assert!(matches!(
            decode("a", &late, None),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            decode("a", &late, Some(encoding_rs::GB18030)),
            Err(Error::Binary { .. })
        ));
        // UTF-16 is full of NUL bytes; a NUL character is still binary.
        let utf16 = |text: &str| {
            let mut bytes = vec![0xFF, 0xFE];
            text.encode_utf16()
                .for_each(|u| bytes.extend_from_slice(&u.to_le_bytes()));
            bytes
        };
        assert_eq!(
            decode("a", &utf16("Annual report\n"), None).unwrap().text,
            "Annual report\n"
        );
        assert!(matches!(
            decode("a", &utf16("Annual\0report\n"), None),
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn bidirectional_overrides_are_removed_like_controls() {
        // An override that would show `1.2%` as `%2.1` in a terminal, and an isolate pair.
        let text = format!(
            "一、工作回顾\n增长\u{202e}1.2%\u{202c}，\u{2067}稳中\u{2069}有进。\n{}",
            ZH.repeat(10)
        );
        let d = decode("a", text.as_bytes(), None).unwrap();
        assert_eq!(
            d.text,
            format!("一、工作回顾\n增长1.2%，稳中有进。\n{}", ZH.repeat(10))
        );
        assert!(matches!(
            d.warnings.as_slice(),
            [Warning::ControlCharacters {
                count: 4,
                first_line: 2,
                ..
            }]
        ));
        // LRM and RLM reorder nothing on their own and stay.
        let marks = format!(
            "Revenue\u{200e} rose 5%.\n{}",
            "Annual report text. ".repeat(20)
        );
        assert_eq!(decode("a", marks.as_bytes(), None).unwrap().text, marks);
    }

    #[test]
    fn control_characters_are_removed_with_one_warning() {
        // Three stray controls in some 300 characters: ESC twice and the C1 CSI (U+009B).
        let text = format!(
            "一、工作回顾\n\x1b[31m过去一年\x1b[0m，经济增长5%。\x0c\n\t二、工作安排\u{9b}\r\n{}",
            ZH.repeat(3)
        );
        let d = decode("a", text.as_bytes(), None).unwrap();
        assert_eq!(
            d.text,
            format!(
                "一、工作回顾\n[31m过去一年[0m，经济增长5%。\x0c\n\t二、工作安排\r\n{}",
                ZH.repeat(3)
            )
        );
        assert_eq!(
            d.warnings,
            vec![Warning::ControlCharacters {
                name: "a".into(),
                count: 3,
                first_line: 2
            }]
        );
        assert_eq!(
            d.warnings[0].to_string(),
            "a: 3 control characters removed (first at line 2)"
        );
        // Many of them: not text.
        let noisy = "ab\x01cd\x02ef\x03\n".repeat(10);
        assert!(matches!(
            decode("a", noisy.as_bytes(), None),
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert!(matches!(decode("a", b"", None), Err(Error::Empty { .. })));
        assert!(matches!(
            decode("a", b"\x7fELF\x02\x01\x00\x00", None),
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn parses_source_arguments() {
        assert_eq!(Source::from_arg("-"), Source::Stdin);
        assert_eq!(
            Source::from_arg("HEAD~1:report.md"),
            Source::Git {
                rev: "HEAD~1".into(),
                path: "report.md".into()
            }
        );
        assert_eq!(
            Source::from_arg("C:report.txt"),
            Source::Path("C:report.txt".into())
        );
        assert_eq!(
            Source::from_arg("plain.txt"),
            Source::Path("plain.txt".into())
        );
    }

    #[test]
    fn a_revision_starting_with_a_dash_is_refused_before_git_runs() {
        let source = Source::from_arg("--output=/nonexistent/x:y");
        assert!(matches!(source, Source::Git { .. }), "{source:?}");
        let err = read_bytes(&source).unwrap_err();
        assert!(matches!(err, Error::BadRevision { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            "--output=/nonexistent/x:y: no such file, and not a git REV:PATH (a revision cannot start with '-')"
        );
    }
}

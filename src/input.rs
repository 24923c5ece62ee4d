//! Reading an input: from a path, standard input (`-`) or git (`REV:PATH`), then decoding its
//! bytes to text with encoding detection.
//!
//! Detection order: a byte-order mark wins; then valid UTF-8; then `chardetng`'s guess among the
//! legacy encodings (GB18030/GBK, Big5 and the rest). A forced `--encoding` skips detection.

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
    /// A file at a git revision, read with `git show REV:PATH`.
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
    /// The decoded text, without a byte-order mark.
    pub text: String,
    /// The name of the encoding used (`UTF-8`, `GB18030`, …).
    pub encoding: &'static str,
    /// The input's format and the reader that turned it into text.
    pub origin: crate::formats::Origin,
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
                    size: meta.len(),
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
        return Err(Error::TooLarge {
            name,
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(bytes)
}

fn git_show(rev: &str, path: &str) -> Result<Vec<u8>> {
    let spec = format!("{rev}:{path}");
    // `./` makes git resolve the path against the working directory, as a user would expect.
    let object = if path.starts_with("./") || path.starts_with('/') {
        spec.clone()
    } else {
        format!("{rev}:./{path}")
    };
    let out = Command::new("git")
        .args(["show", "--no-textconv", &object])
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
/// errors, so the rest of the pipeline always sees real text.
pub fn decode(name: &str, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<DecodedText> {
    if bytes.is_empty() {
        return Err(Error::Empty {
            name: name.to_string(),
        });
    }
    let bom = Encoding::for_bom(bytes);
    let encoding = match (forced, bom) {
        (Some(e), _) => e,
        (None, Some((e, _))) => e,
        (None, None) => {
            if looks_binary(bytes) {
                return Err(Error::Binary {
                    name: name.to_string(),
                });
            }
            if std::str::from_utf8(bytes).is_ok() {
                encoding_rs::UTF_8
            } else {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                detector.guess(None, chardetng::Utf8Detection::Deny)
            }
        }
    };
    // A forced encoding is used as given, even over a byte-order mark (whose bytes, if they
    // decode to U+FEFF, are dropped below); otherwise a mark decides, as `decode` does.
    let (text, used, had_errors) = match forced {
        Some(e) => {
            let (text, had_errors) = e.decode_without_bom_handling(bytes);
            (text, e, had_errors)
        }
        None => encoding.decode(bytes),
    };
    if had_errors {
        return Err(Error::Decode {
            name: name.to_string(),
            encoding: used.name().to_string(),
        });
    }
    let text = text.trim_start_matches('\u{FEFF}').to_string();
    if control_ratio(&text) > 0.01 {
        return Err(Error::Binary {
            name: name.to_string(),
        });
    }
    Ok(DecodedText {
        origin: crate::formats::Origin::TEXT,
        name: name.to_string(),
        text,
        encoding: used.name(),
    })
}

/// NUL bytes in the first block are the classic sign of a binary file (text in UTF-16 has a BOM
/// and is handled before this check).
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// Share of control characters other than line breaks, tabs and form feeds.
fn control_ratio(text: &str) -> f64 {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            control += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        control as f64 / total as f64
    }
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
        assert!(
            d.encoding == "GBK" || d.encoding == "gb18030",
            "{}",
            d.encoding
        );
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
}

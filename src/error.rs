//! The errors the library reports. Each message is one line that names the input and, where
//! there is one, tells the user what to do about it.

use std::path::PathBuf;

/// Everything that can go wrong between reading an input and producing a comparison.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The path does not exist.
    #[error("{path}: no such file")]
    NotFound {
        /// The path as the user gave it.
        path: PathBuf,
    },
    /// The path exists but is a directory.
    #[error("{path}: is a directory, expected a text file")]
    IsDirectory {
        /// The path as the user gave it.
        path: PathBuf,
    },
    /// Reading failed for another reason (permissions, I/O).
    #[error("{name}: cannot read: {source}")]
    Read {
        /// The input's display name.
        name: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The input is larger than yoydiff is willing to hold in memory.
    #[error("{name}: {}", too_large(*.size, *.limit))]
    TooLarge {
        /// The input's display name.
        name: String,
        /// Size in bytes, when known: standard input is read only up to one byte past the
        /// limit, so its size is not.
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// The input has no bytes at all.
    #[error("{name}: file is empty")]
    Empty {
        /// The input's display name.
        name: String,
    },
    /// The input has bytes but no visible text once whitespace and page furniture are removed.
    #[error("{name}: no text found (only whitespace, page numbers or separators)")]
    NoText {
        /// The input's display name.
        name: String,
    },
    /// The input looks like a binary file.
    #[error("{name}: looks like a binary file, not text (convert it to plain text first)")]
    Binary {
        /// The input's display name.
        name: String,
    },
    /// The bytes are not valid in the detected or forced encoding.
    #[error("{name}: cannot decode as {encoding}; try --encoding with the file's real encoding")]
    Decode {
        /// The input's display name.
        name: String,
        /// The encoding that was tried.
        encoding: String,
    },
    /// `--encoding` named an encoding yoydiff does not know.
    #[error(
        "unknown encoding {0:?}; use a WHATWG label such as utf-8, utf-16le, gb18030, gbk or big5"
    )]
    UnknownEncoding(String),
    /// A `REV:PATH` whose revision starts with `-`: git would read it as an option.
    #[error("{spec}: no such file, and not a git REV:PATH (a revision cannot start with '-')")]
    BadRevision {
        /// The `REV:PATH` argument.
        spec: String,
    },
    /// A PDF or Word file whose text cannot be read: damaged, encrypted, or with fonts that
    /// map their glyphs to nothing readable.
    #[error("{name}: cannot read this {format}: {reason}")]
    Unreadable {
        /// The input's display name.
        name: String,
        /// `PDF` or `DOCX`.
        format: &'static str,
        /// What went wrong, in one line.
        reason: String,
    },
    /// A PDF whose pages are images: there is no text to compare until someone runs OCR.
    #[error("{name}: scanned PDF: its pages are images without a text layer; run OCR on it first")]
    Scanned {
        /// The input's display name.
        name: String,
    },
    /// A recognised file type that yoydiff does not read (old binary Word, other ZIP archives).
    #[error("{name}: {what} is not supported; save it as PDF, DOCX, HTML or plain text")]
    Unsupported {
        /// The input's display name.
        name: String,
        /// What the file is (`a legacy Word .doc file`, `a ZIP archive without a Word document`).
        what: &'static str,
    },
    /// `git show REV:PATH` failed.
    #[error("{spec}: git could not read it: {message}")]
    Git {
        /// The `REV:PATH` argument.
        spec: String,
        /// The first line git printed, or why git could not run.
        message: String,
    },
}

fn too_large(size: Option<u64>, limit: u64) -> String {
    let mib = limit / (1024 * 1024);
    match size {
        Some(size) => format!("file is {size} bytes, over the {mib} MiB limit for one report"),
        None => format!("larger than the {mib} MiB limit for one report"),
    }
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

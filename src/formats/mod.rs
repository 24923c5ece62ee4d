//! Reports as people get them: PDF, Word (DOCX) and web pages (HTML), read directly.
//!
//! The format is told by content, never by the file name, so stdin and `REV:PATH` work the same
//! as files: `%PDF-` opens a PDF; a ZIP archive holding `word/document.xml` is a Word document;
//! decoded text that looks like markup is a web page; anything else is plain text. Each reader
//! gives plain text with one block (paragraph, heading, table row) a line, which the normaliser
//! then reads like any other text; PDF pages are separated by form feeds, so page furniture and
//! page numbers stay recognisable.

mod docx;
mod html;
mod pdf;

use encoding_rs::Encoding;

use crate::error::{Error, Result};
use crate::input::{DecodedText, decode};
use crate::model::InputFormat;

/// Where a text came from: the input's format and the reader that turned it into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// The input's format.
    pub format: InputFormat,
    /// The reader that extracted the text (`pdf-extract`, `pdftotext`, `docx`, `html`);
    /// `None` for plain text.
    pub extractor: Option<&'static str>,
}

impl Origin {
    /// Plain text, decoded as it is.
    pub const TEXT: Origin = Origin {
        format: InputFormat::Text,
        extractor: None,
    };
}

/// What the first bytes say an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Magic {
    Pdf,
    Zip,
    /// The OLE compound file of Word 97–2003 (`.doc`) and other old Office files.
    Ole,
    /// Anything else: text, maybe markup.
    Other,
}

fn magic(bytes: &[u8]) -> Magic {
    if is_pdf(bytes) {
        Magic::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") {
        Magic::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Magic::Ole
    } else {
        Magic::Other
    }
}

/// `%PDF-` at the start (after white space), or anywhere in the first kilobyte of a file that
/// ends like a PDF: readers accept a little junk before the header, and so does yoydiff.
fn is_pdf(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if bytes[start..].starts_with(b"%PDF-") {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    find(head, b"%PDF-").is_some() && find(tail, b"%%EOF").is_some()
}

/// The first position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Turns an input's bytes into text, whatever its format. `forced` applies to text and web
/// pages; PDF and Word files carry their own encodings.
pub fn to_text(name: &str, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<DecodedText> {
    // Extracted text goes through the same control-character rule as decoded text, so nothing
    // a file's text layer holds reaches the terminal raw.
    let extracted = |text: String, format: InputFormat, extractor: &'static str| {
        let mut warnings = Vec::new();
        let text = crate::input::remove_controls(name, text, &mut warnings);
        DecodedText {
            name: name.to_string(),
            text,
            encoding: "UTF-8",
            warnings,
            origin: Origin {
                format,
                extractor: Some(extractor),
            },
        }
    };
    match magic(bytes) {
        Magic::Pdf => {
            let (text, extractor) = pdf::extract(name, bytes)?;
            Ok(extracted(text, InputFormat::Pdf, extractor))
        }
        Magic::Zip if docx::is_docx(bytes) => {
            let text = docx::extract(name, bytes)?;
            Ok(extracted(text, InputFormat::Docx, "docx"))
        }
        Magic::Zip => Err(Error::Unsupported {
            name: name.to_string(),
            what: "a ZIP archive without a Word document (word/document.xml)",
        }),
        Magic::Ole => Err(Error::Unsupported {
            name: name.to_string(),
            what: "a legacy Office file (Word 97–2003 .doc or similar)",
        }),
        Magic::Other => {
            let forced = forced.or_else(|| html::declared_encoding(bytes));
            let mut decoded = decode(name, bytes, forced)?;
            if html::looks_like_html(&decoded.text) {
                decoded.text = html::extract(&decoded.text);
                decoded.origin = Origin {
                    format: InputFormat::Html,
                    extractor: Some("html"),
                };
                if decoded.text.trim().is_empty() {
                    return Err(Error::NoText {
                        name: name.to_string(),
                    });
                }
            }
            Ok(decoded)
        }
    }
}

/// The input line each page starts on, when the text has form feeds between pages; empty
/// when it has none. A form feed ends its page, so the page after it starts on the line that
/// holds the first character after it.
pub(crate) fn page_starts(text: &str) -> Vec<u32> {
    if !text.contains('\x0c') {
        return Vec::new();
    }
    let mut starts = vec![1];
    let mut line = 1u32;
    for c in text.chars() {
        match c {
            '\n' => line += 1,
            '\x0c' => starts.push(line),
            _ => {}
        }
    }
    // A form feed after the last page opens no page.
    let trailing = text.trim_end_matches(['\n', '\r', ' ']).ends_with('\x0c');
    if trailing {
        starts.pop();
    }
    starts
}

/// Share of characters, among those that are not white space, that belong to words or numbers
/// of a real script: Han and other CJK letters, ASCII letters and digits, accented Latin,
/// Greek, Cyrillic and the like. Text whose fonts map glyphs to nothing readable (U+FFFD, or
/// UTF-8 bytes shown as Latin-1 symbols) scores low.
pub(crate) fn letter_share(text: &str) -> f64 {
    let mut total = 0usize;
    let mut letters = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        let good = c.is_ascii_alphanumeric()
            || crate::script::is_han(c)
            || matches!(c, '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}')
            || (c.is_alphabetic()
                && matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0370}'..='\u{052F}'));
        letters += usize::from(good);
    }
    if total == 0 {
        0.0
    } else {
        letters as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_formats_by_content() {
        assert_eq!(magic(b"%PDF-1.7\n%\xe2\xe3"), Magic::Pdf);
        assert_eq!(magic(b"\r\n  %PDF-1.4\n"), Magic::Pdf);
        let mut junk = b"From: mail gateway\r\n\r\n%PDF-1.5\n".to_vec();
        junk.extend_from_slice(b"1 0 obj\nendobj\n%%EOF\n");
        assert_eq!(magic(&junk), Magic::Pdf);
        // A text that quotes the header is still text.
        assert_eq!(magic("报告中写到 %PDF- 字样。\n".as_bytes()), Magic::Other);
        assert_eq!(magic(b"PK\x03\x04\x14\x00"), Magic::Zip);
        assert_eq!(
            magic(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Magic::Ole
        );
        assert_eq!(magic("一、总体情况".as_bytes()), Magic::Other);
    }

    #[test]
    fn non_word_zip_and_old_word_are_refused_in_one_line() {
        let e = to_text("a.xlsx", b"PK\x03\x04\x14\x00\x00\x00", None).unwrap_err();
        assert!(matches!(e, Error::Unsupported { .. }), "{e}");
        let e = to_text(
            "a.doc",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
            None,
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with("a.doc: a legacy Office file"),
            "{e}"
        );
        assert!(!e.to_string().contains('\n'));
    }

    #[test]
    fn plain_text_stays_text() {
        let d = to_text(
            "a.txt",
            "一、总体情况\n本年度公开信息1136条。\n".as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(d.origin, Origin::TEXT);
        assert_eq!(d.text, "一、总体情况\n本年度公开信息1136条。\n");
    }

    #[test]
    fn pages_start_after_form_feeds() {
        assert!(page_starts("a\nb\n").is_empty());
        assert_eq!(page_starts("a\nb\n\x0cc\nd\n\x0ce\n"), vec![1, 3, 5]);
        assert_eq!(page_starts("a\n\x0c"), vec![1]);
    }

    #[test]
    fn letter_share_tells_text_from_mojibake() {
        assert!(letter_share("本报告由淮安市洪泽区人民政府办公室编制。2023年") > 0.9);
        assert!(letter_share("Berkshire earned $42.5 billion in 2020.") > 0.8);
        // UTF-8 Chinese drawn with a Latin font: what pdftotext makes of the damaged corpus file.
        assert!(letter_share("¿”¿¡fl‹…„·”ƒ¥ 2023 „· ”‹‚ ‚ªƒŁ¿") < 0.4);
        assert!(letter_share("\u{FFFD}\u{FFFD}\u{FFFD}ab") < 0.5);
    }
}

//! Outlines: a report as a tree of sections, each holding its paragraphs.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The language of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The code used in outputs (`zh`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// The format a report was read from. Recognised by content, never by file name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text (any encoding yoydiff can decode).
    #[default]
    Text,
    /// A PDF file, read through its text layer.
    Pdf,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
    /// A web page.
    Html,
}

impl InputFormat {
    /// The name used in outputs (`text`, `pdf`, `docx`, `html`).
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Pdf => "pdf",
            InputFormat::Docx => "docx",
            InputFormat::Html => "html",
        }
    }
}

/// What kind of section a node of the outline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// Text before the first heading.
    Preamble,
    /// A numbered or titled heading.
    Heading,
    /// A paragraph led by a short lead sentence, which is its title.
    Item,
    /// A plain paragraph, used as a unit when a report has almost no headings.
    Paragraph,
    /// The closing address.
    Closing,
    /// An appendix after the end of the report: a glossary (`名词解释`) or an attachment.
    Appendix,
    /// A letter's salutation (`To the Shareholders of Berkshire Hathaway Inc.:`).
    Salutation,
    /// A letter's signature block: the date, the sign-off, the name and the title.
    Signature,
}

impl SectionKind {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Preamble => "preamble",
            SectionKind::Heading => "heading",
            SectionKind::Item => "item",
            SectionKind::Paragraph => "paragraph",
            SectionKind::Closing => "closing",
            SectionKind::Appendix => "appendix",
            SectionKind::Salutation => "salutation",
            SectionKind::Signature => "signature",
        }
    }
}

/// One node of the outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// What kind of node this is.
    pub kind: SectionKind,
    /// Depth in the tree, 1 for top-level sections.
    pub level: u32,
    /// The numbering as written (`一、`, `（三）`, `Item 7.`), empty when there is none.
    pub number: String,
    /// The title: the heading text, the lead sentence of an item, or empty for the preamble.
    pub title: String,
    /// First and last line of the original input covered by this section and its children.
    #[serde(with = "line_range")]
    pub lines: (u32, u32),
    /// Body paragraphs directly under this section (not those of its children).
    pub paragraphs: Vec<Paragraph>,
    /// Child sections.
    pub children: Vec<Section>,
}

impl Section {
    /// `number` and `title` as a reader sees them (`一、2024年工作回顾`).
    pub fn heading_text(&self) -> String {
        match (self.number.is_empty(), self.title.is_empty()) {
            (_, true) if self.kind == SectionKind::Preamble => "(preamble)".to_string(),
            (_, true) if self.kind == SectionKind::Closing => "(closing)".to_string(),
            (_, true) if self.kind == SectionKind::Salutation => "(salutation)".to_string(),
            (_, true) if self.kind == SectionKind::Signature => "(signature)".to_string(),
            (true, _) => self.title.clone(),
            (false, _) => {
                let latin_number = self
                    .number
                    .ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.');
                let latin_title = self
                    .title
                    .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '[' || c == '(');
                let sep = if latin_number && latin_title { " " } else { "" };
                format!("{}{sep}{}", self.number, self.title)
            }
        }
    }

    /// All text of this section and its children: title, then paragraphs, then children.
    pub fn full_text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        if !self.title.is_empty() {
            out.push_str(&self.title);
            out.push('\n');
        }
        for p in &self.paragraphs {
            out.push_str(&p.text);
            out.push('\n');
        }
        for c in &self.children {
            c.collect_text(out);
        }
    }

    /// This section and all its descendants, depth first.
    pub fn walk(&self) -> Vec<&Section> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }
}

/// A parsed report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Where the report came from, as given by the user.
    pub source: String,
    /// The report's own year (the year its plan part is for), when found.
    pub year: Option<i32>,
    /// The report's language.
    pub lang: Lang,
    /// The report's title (`政府工作报告`), or the source name when it has none.
    pub title: String,
    /// The encoding the input was read in (`UTF-8`, `gb18030`, `UTF-16LE`…); text parsed
    /// from memory is `UTF-8`.
    pub encoding: String,
    /// The format the report was read from.
    #[serde(default)]
    pub format: InputFormat,
    /// What turned the file into text (`pdf-extract`, `pdftotext`, `docx`, `html`); `None`
    /// for plain text.
    #[serde(default)]
    pub extractor: Option<String>,
    /// The input line each page starts on, page 1 first, when the input has page breaks (form
    /// feeds, as text read from a PDF has); empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<u32>,
    /// Top-level sections in reading order.
    pub sections: Vec<Section>,
}

impl Document {
    /// Every section of the tree, depth first.
    pub fn walk(&self) -> Vec<&Section> {
        self.sections.iter().flat_map(Section::walk).collect()
    }

    /// Counts sections by kind.
    pub fn count(&self, kind: SectionKind) -> usize {
        self.walk().iter().filter(|s| s.kind == kind).count()
    }

    /// The page (1-based) that holds input line `line`, when the input had pages.
    pub fn page_of(&self, line: u32) -> Option<u32> {
        if self.pages.is_empty() {
            return None;
        }
        let after = self.pages.partition_point(|&start| start <= line);
        Some(after.max(1) as u32)
    }
}

/// A paragraph of clean text with the original lines it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The paragraph as one run of text.
    pub text: String,
    /// First and last line (1-based) of the original input.
    pub lines: (u32, u32),
    /// Byte offsets in `text` where each original line starts, with that line's number.
    pub(crate) line_starts: Vec<(usize, u32)>,
}

impl Paragraph {
    /// Builds a paragraph that comes from a single line.
    pub fn single(text: String, line: u32) -> Paragraph {
        Paragraph {
            text,
            lines: (line, line),
            line_starts: vec![(0, line)],
        }
    }

    /// The original line that holds the byte at `offset` of `text`.
    pub fn line_at(&self, offset: usize) -> u32 {
        let idx = self
            .line_starts
            .partition_point(|&(start, _)| start <= offset);
        self.line_starts
            .get(idx.saturating_sub(1))
            .map_or(self.lines.0, |&(_, l)| l)
    }

    /// Splits the paragraph at byte `at` (a char boundary), keeping the line map of both halves.
    /// Leading and trailing spaces at the cut are dropped.
    pub fn split_at(&self, at: usize) -> (Paragraph, Paragraph) {
        let head_text = self.text[..at].trim_end().to_string();
        let tail_raw = &self.text[at..];
        let trimmed = tail_raw.len() - tail_raw.trim_start().len();
        let tail_start = at + trimmed;
        let head = self.slice(0, head_text.len(), head_text);
        let tail = self.slice(
            tail_start,
            self.text.len(),
            self.text[tail_start..].to_string(),
        );
        (head, tail)
    }

    fn slice(&self, from: usize, to: usize, text: String) -> Paragraph {
        let first = self.line_at(from);
        let last = self.line_at(to.saturating_sub(1).max(from));
        let mut starts = vec![(0, first)];
        starts.extend(
            self.line_starts
                .iter()
                .filter(|&&(s, _)| s > from && s < to)
                .map(|&(s, l)| (s - from, l)),
        );
        Paragraph {
            text,
            lines: (first, last),
            line_starts: starts,
        }
    }
}

/// Line ranges are `(first, last)` in Rust and `[first, last]` in JSON.
mod line_range {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(range: &(u32, u32), s: S) -> Result<S::Ok, S::Error> {
        [range.0, range.1].serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<(u32, u32), D::Error> {
        let [first, last] = <[u32; 2]>::deserialize(d)?;
        Ok((first, last))
    }
}

/// A paragraph as the JSON contract writes it: its text and line range. The per-line map
/// is rebuilt as one entry on the way back in, so a deserialised paragraph names its first line.
#[derive(Serialize, Deserialize)]
struct ParagraphJson<'a> {
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
    lines: [u32; 2],
}

impl Serialize for Paragraph {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ParagraphJson {
            text: std::borrow::Cow::Borrowed(&self.text),
            lines: [self.lines.0, self.lines.1],
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Paragraph {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Paragraph, D::Error> {
        let p = ParagraphJson::deserialize(d)?;
        Ok(Paragraph {
            text: p.text.into_owned(),
            lines: (p.lines[0], p.lines[1]),
            line_starts: vec![(0, p.lines[0])],
        })
    }
}

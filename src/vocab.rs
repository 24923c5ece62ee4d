//! Vocabularies: the word lists the rules read, kept as data files under `data/vocab/` and
//! built into the binary with `include_str!`.
//!
//! A list is data, not code, so that what qualifies an entry is written next to the entries
//! and a reviewer can judge each one against it. Every file starts with a comment header that
//! says what the list is for, which code reads it and what qualifies an entry: a word of the
//! language or of the genre, seen in several independent reports, never a phrase only one
//! report uses. Then comes one entry a line; lines starting with `#` and blank lines are
//! skipped. Entries keep the order of the file, since some rules take the first entry that
//! matches (the header says so); in those files a longer entry comes before a shorter one it
//! starts or ends with.
//!
//! Three shapes exist: words ([`lines`]), single characters ([`chars`]) and pairs of words
//! separated by a tab ([`pairs`]). Words tied to values of the code (a qualifier such as
//! `以上` → at least, a pilot stage and its rank) stay in the code beside the values they map
//! to: there the value is the point, and an enum cannot be read from a file.

/// The entries of a vocabulary file: its lines without comments and blank lines, in order.
pub(crate) fn lines(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect()
}

/// The entries of a vocabulary file of single characters. A longer entry contributes its
/// first character; the unit test below keeps every file to one character a line.
pub(crate) fn chars(text: &'static str) -> Vec<char> {
    lines(text)
        .into_iter()
        .filter_map(|l| l.chars().next())
        .collect()
}

/// The entries of a vocabulary file of `first<TAB>second` pairs. A line without a tab is
/// skipped; the unit test below keeps every line of such a file to one tab.
pub(crate) fn pairs(text: &'static str) -> Vec<(&'static str, &'static str)> {
    lines(text)
        .into_iter()
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

/// A word list indexed for the questions rules ask of it: is this a word of the list, does a
/// text start or end with one, and which is the first in the file's order that a text starts
/// with. Each answer takes one lookup per distinct entry length instead of a comparison per
/// entry, which matters for lists of a hundred verbs asked at every character of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Words {
    list: Vec<&'static str>,
    /// Each entry's place in the file.
    index: rustc_hash::FxHashMap<&'static str, usize>,
    /// The distinct entry lengths in bytes, shortest first.
    lens: Vec<usize>,
}

impl Words {
    /// Indexes the entries of a list (as [`lines`] reads them).
    pub(crate) fn new(list: Vec<&'static str>) -> Words {
        let index = list.iter().enumerate().map(|(i, &w)| (w, i)).collect();
        let mut lens: Vec<usize> = list.iter().map(|w| w.len()).collect();
        lens.sort_unstable();
        lens.dedup();
        Words { list, index, lens }
    }

    /// The entries in the file's order.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> &[&'static str] {
        &self.list
    }

    /// True when `w` is an entry.
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.index.contains_key(w)
    }

    /// Places of the entries `text` starts with.
    fn prefixes<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        self.lens
            .iter()
            .take_while(move |&&n| n <= text.len())
            .filter(move |&&n| text.is_char_boundary(n))
            .filter_map(move |&n| self.index.get(&text[..n]).copied())
    }

    /// Places of the entries `text` ends with.
    fn suffixes<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        self.lens
            .iter()
            .take_while(move |&&n| n <= text.len())
            .filter(move |&&n| text.is_char_boundary(text.len() - n))
            .filter_map(move |&n| self.index.get(&text[text.len() - n..]).copied())
    }

    /// True when `text` starts with an entry.
    pub(crate) fn starts(&self, text: &str) -> bool {
        self.prefixes(text).next().is_some()
    }

    /// True when `text` ends with an entry.
    pub(crate) fn ends(&self, text: &str) -> bool {
        self.suffixes(text).next().is_some()
    }

    /// The first entry, in the file's order, that `text` starts with.
    pub(crate) fn first_prefix(&self, text: &str) -> Option<&'static str> {
        self.prefixes(text).min().map(|i| self.list[i])
    }

    /// The first entry at or after place `from`, in the file's order, that `text` starts or
    /// ends with, and its place.
    pub(crate) fn first_edge_from(&self, text: &str, from: usize) -> Option<(usize, &'static str)> {
        self.prefixes(text)
            .chain(self.suffixes(text))
            .filter(|&i| i >= from)
            .min()
            .map(|i| (i, self.list[i]))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::path::{Path, PathBuf};

    use super::*;

    fn vocab_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join("vocab")
    }

    /// Every `.rs` file under `src/`, with its text.
    fn sources() -> Vec<(PathBuf, String)> {
        let mut out = Vec::new();
        let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    out.push((p, text));
                }
            }
        }
        out
    }

    /// The files of `data/vocab/` with the reader the code hands each one to (`lines`,
    /// `chars` or `pairs`), found from its `include_str!` in `src/`.
    fn files() -> Vec<(String, String, String)> {
        let sources = sources();
        let mut out = Vec::new();
        for e in std::fs::read_dir(vocab_dir()).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p)
                .unwrap_or_else(|err| panic!("{name}: not UTF-8 text: {err}"));
            let include = format!("data/vocab/{name}\"");
            let mut readers: Vec<String> = Vec::new();
            for (path, s) in &sources {
                for (at, _) in s.match_indices(&include) {
                    // `vocab::READER(include_str!("../data/vocab/NAME"))`
                    let head = &s[..at];
                    let call: String = head
                        .rfind("vocab::")
                        .map(|i| &head[i + "vocab::".len()..])
                        .unwrap_or("")
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect();
                    let reader = call
                        .split_once("(include_str!(\"")
                        .filter(|(r, rel)| {
                            r.chars().all(|c| c.is_ascii_lowercase())
                                && rel.chars().all(|c| c == '.' || c == '/')
                        })
                        .map(|(r, _)| r.to_string());
                    match reader {
                        Some(r) => readers.push(r),
                        None => panic!("{}: reads {name} without a vocab reader", path.display()),
                    }
                }
            }
            readers.sort();
            readers.dedup();
            assert_eq!(readers.len(), 1, "{name}: read by {readers:?}");
            out.push((name, text, readers.pop().unwrap()));
        }
        out.sort();
        out
    }

    #[test]
    fn words_answer_like_a_scan_of_the_list() {
        let w = Words::new(vec!["实施", "深入实施", "推进", "A"]);
        assert!(w.contains("推进") && !w.contains("推"));
        assert!(w.ends("要深入实施") && w.ends("推进") && !w.ends("实"));
        assert!(w.starts("实施方案") && !w.starts("施"));
        // The file's order decides, not the length.
        assert_eq!(w.first_prefix("深入实施"), Some("深入实施"));
        assert_eq!(w.first_prefix("实施方案"), Some("实施"));
        assert_eq!(w.first_edge_from("实施再推进", 0), Some((0, "实施")));
        assert_eq!(w.first_edge_from("实施再推进", 1), Some((2, "推进")));
        assert_eq!(w.first_edge_from("实施再推进", 3), None);
        // Lengths that fall inside a character are skipped, not sliced.
        assert!(!w.starts("Ä"));
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        assert_eq!(
            lines("# header\n\n实施\n推进\n  \n# note\n打造\n"),
            ["实施", "推进", "打造"]
        );
        assert_eq!(chars("# header\n的\n并\n"), ['的', '并']);
        assert_eq!(
            pairs("# header\n计划\t生育\n工程\t师\n"),
            [("计划", "生育"), ("工程", "师")]
        );
    }

    #[test]
    fn every_vocabulary_file_is_well_formed() {
        let files = files();
        assert!(files.len() >= 30, "only {} vocabulary files", files.len());
        for (name, text, shape) in &files {
            assert!(name.ends_with(".txt"), "{name}: not a .txt file");
            // A header of several comment lines that says what qualifies an entry.
            let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
            assert!(header.len() >= 3, "{name}: no header");
            // Read as prose: the words of a rule may wrap across comment lines.
            let header = header
                .iter()
                .map(|l| l.trim_start_matches('#').trim())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                header.contains("Read by src/"),
                "{name}: header names no reader"
            );
            assert!(
                header.contains("only one report") && header.contains("does not belong"),
                "{name}: header does not say what qualifies an entry"
            );
            assert!(!text.contains('\r'), "{name}: CR line ends");
            assert!(text.ends_with('\n'), "{name}: no final line end");
            let entries: Vec<&str> = text
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .collect();
            assert!(!entries.is_empty(), "{name}: no entries");
            // Where the first entry that matches is taken, a shorter entry before a longer one
            // it starts or ends with would take the start or end of it (`五年` of `五年来`).
            if header.contains("Order matters:") {
                for (i, e) in entries.iter().enumerate() {
                    if let Some(earlier) = entries[..i]
                        .iter()
                        .find(|x| e.starts_with(**x) || e.ends_with(**x))
                    {
                        panic!("{name}: {earlier:?} comes before {e:?}, which it starts or ends");
                    }
                }
            }
            let mut seen = HashSet::new();
            for e in &entries {
                assert_eq!(e.trim(), *e, "{name}: space around {e:?}");
                assert!(!e.contains("  "), "{name}: double space in {e:?}");
                assert!(seen.insert(*e), "{name}: {e:?} twice");
                match shape.as_str() {
                    "chars" => {
                        assert_eq!(e.chars().count(), 1, "{name}: {e:?} is not one character")
                    }
                    "pairs" => {
                        let parts: Vec<&str> = e.split('\t').collect();
                        assert!(
                            parts.len() == 2
                                && parts.iter().all(|p| !p.is_empty() && p.trim() == *p),
                            "{name}: {e:?} is not word<TAB>word"
                        );
                    }
                    _ => assert!(!e.contains('\t'), "{name}: tab in {e:?}"),
                }
            }
        }
    }
}

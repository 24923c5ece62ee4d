//! Web pages: the main text of the page, one block a line.
//!
//! The page is parsed with html5ever (through `scraper`), as browsers parse it, so broken
//! markup reads as a browser shows it. Page chrome is dropped: navigation, page headers and
//! footers, side bars, scripts and styles, forms, share buttons, font-size widgets, print and
//! close links, related-article lists (by tag, by class or id, by their own words, and lists
//! that are mostly links). Of what is left, the main text is the deepest element that still
//! holds almost all of it. Headings (`h1`–`h6`) and a bold heading that opens a paragraph get
//! a line of their own; below the page title (`h1`), a heading without visible numbering is
//! marked with Markdown `#`s, which the outline reads as its depth. Table rows become one line with tabs between cells.

use std::collections::HashMap;
use std::sync::LazyLock;

use ego_tree::NodeId;
use encoding_rs::Encoding;
use regex::Regex;
use scraper::{ElementRef, Html, Node};

use crate::heading;

/// The encoding a page declares (`<meta charset="gb2312">`), used when its bytes are not
/// UTF-8 and nobody forced one: pages of Chinese government sites are often GBK.
pub(super) fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    if std::str::from_utf8(bytes).is_ok() || Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let head: String = bytes[..bytes.len().min(4096)]
        .iter()
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    if !head.contains("<meta") {
        return None;
    }
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:p|div|span|br|a|table|tr|td|th|h[1-6]|li|ul|ol|strong|b|font|img|meta|section|article|body|head|title|link|script|style)\b[^<>]*>").unwrap()
});

/// Text that opens like a web page (`<!doctype html`, `<html`), or whose start is dense with
/// markup.
pub(super) fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let head: String = start.chars().take(4096).collect();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return true;
    }
    if lower.starts_with('<') && (lower.contains("<html") || lower.contains("<body")) {
        return true;
    }
    // Every tag opens with its own `<`: text with fewer than eight is no markup, and the
    // pattern is not compiled for it.
    if head.matches('<').count() < 8 {
        return false;
    }
    let tags: Vec<_> = TAG.find_iter(&head).collect();
    let markup: usize = tags.iter().map(|m| m.len()).sum();
    tags.len() >= 8 && markup * 10 >= head.len()
}

/// Elements that are never the report's text.
const DROPPED_TAGS: [&str; 22] = [
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "option", "input", "textarea", "iframe", "svg", "canvas", "object",
    "embed", "audio", "video",
];

/// Words in a class or id that mark page chrome: share buttons (`bdshare`), font-size widgets
/// (`zihao`), related lists (`xgxw`, 相关新闻), bread crumbs, side bars, tools, footers.
const CHROME_WORDS: [&str; 28] = [
    "share",
    "bdshare",
    "social",
    "fontsize",
    "zihao",
    "related",
    "relate",
    "recommend",
    "xgxw",
    "xglj",
    "breadcrumb",
    "crumb",
    "crumbs",
    "sidebar",
    "toolbar",
    "tools",
    "print",
    "comment",
    "comments",
    "footer",
    "foot",
    "nav",
    "navbar",
    "menu",
    "pagination",
    "pager",
    "copyright",
    "qrcode",
];

/// Short blocks made of these words are widgets, not text.
static CHROME_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)^[\s【\[（(]*(?:
        字号|分享到?|打印(?:本页)?|关闭(?:窗口|本页)?|收藏|全屏|下载|扫一扫|返回顶部|上一篇|下一篇
      | 相关(?:新闻|链接|阅读|报道|文章|推荐)|来源|责任编辑|浏览次数|访问量
      | share|print|font\s*size|close\s*window|related(?:\s+(?:articles|stories|news))?|back\s+to\s+top
    )").unwrap()
});

/// A heading that opens a list of related links: the list after it goes too.
static RELATED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:相关(?:新闻|链接|阅读|报道|文章|推荐)|延伸阅读|推荐阅读|related(?:\s+(?:articles|stories|news|links))?|more\s+on\s+this)\s*[:：]?\s*$").unwrap()
});

/// The main text of a page, one block a line.
pub(super) fn extract(source: &str) -> String {
    let page = Html::parse_document(source);
    let root = page.root_element();
    let stats = Stats::of(root);
    let main = stats.main_element(root);
    let mut out = Out::default();
    blocks(main, &stats, &mut out, 0);
    out.finish()
}

fn name<'a>(e: ElementRef<'a>) -> &'a str {
    e.value().name()
}

/// What the main-text search and the chrome filter need to know of every node, computed once,
/// children before parents, so the whole page costs one pass.
#[derive(Debug, Clone, Copy, Default)]
struct Stat {
    /// Characters of text under the node.
    text: usize,
    /// Of those, inside links.
    links: usize,
    /// Text under the node that is neither chrome nor a link: what the main text is made of.
    content: usize,
    /// The node is page chrome.
    chrome: bool,
}

struct Stats(HashMap<NodeId, Stat>);

impl Stats {
    fn of(root: ElementRef) -> Stats {
        let order: Vec<_> = root.descendants().collect();
        let mut map: HashMap<NodeId, Stat> = HashMap::with_capacity(order.len());
        for node in order.iter().rev() {
            let stat = match node.value() {
                Node::Text(t) => {
                    let n = t.trim().chars().count();
                    Stat {
                        text: n,
                        links: 0,
                        content: n,
                        chrome: false,
                    }
                }
                Node::Element(_) => {
                    let Some(e) = ElementRef::wrap(*node) else {
                        continue;
                    };
                    let mut st = Stat::default();
                    for child in node.children() {
                        let Some(c) = map.get(&child.id()) else {
                            continue;
                        };
                        st.text += c.text;
                        st.links += c.links;
                        if !c.chrome {
                            st.content += c.content;
                        }
                    }
                    if name(e) == "a" {
                        st.links = st.text;
                        st.content = 0;
                    }
                    st.chrome = is_chrome(e, &st);
                    st
                }
                _ => continue,
            };
            map.insert(node.id(), stat);
        }
        Stats(map)
    }

    fn get(&self, e: ElementRef) -> Stat {
        self.0.get(&e.id()).copied().unwrap_or_default()
    }

    /// The deepest element that holds at least four fifths of the page's text: the article,
    /// with the site's own banners and link boxes around it left out.
    fn main_element<'a>(&self, root: ElementRef<'a>) -> ElementRef<'a> {
        let body = root
            .children()
            .filter_map(ElementRef::wrap)
            .find(|e| name(*e) == "body")
            .unwrap_or(root);
        let mut current = body;
        loop {
            let total = self.get(current).content;
            let best = current
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| !self.get(*c).chrome)
                .max_by_key(|c| self.get(*c).content);
            match best {
                Some(c) if total > 0 && self.get(c).content * 5 >= total * 4 => current = c,
                _ => return current,
            }
        }
    }
}

/// Dropped by tag, by a chrome word in its class or id, when hidden, as a list of links, or
/// as a short block of widget words.
fn is_chrome(e: ElementRef, st: &Stat) -> bool {
    let tag = name(e);
    if DROPPED_TAGS.contains(&tag) {
        return true;
    }
    let v = e.value();
    for mark in v.classes().chain(v.id()) {
        let lower = mark.to_ascii_lowercase();
        if lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| CHROME_WORDS.contains(&w))
        {
            return true;
        }
    }
    let hidden = v.attr("style").is_some_and(|s| {
        s.to_ascii_lowercase()
            .replace(' ', "")
            .contains("display:none")
    }) || v.attr("hidden").is_some();
    if hidden {
        return true;
    }
    if matches!(tag, "ul" | "ol" | "div" | "p" | "td" | "li" | "span" | "dl") {
        let short = st.text <= 40;
        // A list or box of links (menus, related articles); a paragraph only when short,
        // since a real one may be a long link.
        if st.text > 0 && st.links * 10 >= st.text * 7 && (tag != "p" || short) {
            return true;
        }
        if short && st.text > 0 && CHROME_TEXT.is_match(&flat_text(e)) {
            return true;
        }
    }
    false
}

/// All text under `e`, spaces collapsed.
fn flat_text(e: ElementRef) -> String {
    let mut s = String::new();
    for t in e.text() {
        s.push_str(t);
        s.push(' ');
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines being written: the block under way and the finished lines.
#[derive(Default)]
struct Out {
    lines: Vec<String>,
    line: String,
    /// A related-links heading was just dropped: the list after it goes too.
    skip_next_list: bool,
}

impl Out {
    fn text(&mut self, t: &str) {
        // White space in markup is one space; the normaliser drops it next to Chinese.
        let mut prev_space = self.line.ends_with(' ') || self.line.is_empty();
        for c in t.chars() {
            if c.is_whitespace() && c != '\u{3000}' {
                if !prev_space {
                    self.line.push(' ');
                    prev_space = true;
                }
            } else {
                self.line.push(c);
                prev_space = false;
            }
        }
    }

    fn end_line(&mut self) {
        let line = self.line.trim().to_string();
        self.line.clear();
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    fn finish(mut self) -> String {
        self.end_line();
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }
}

/// Elements that start and end a line.
const BLOCKS: [&str; 27] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "address",
    "center",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
];

fn is_block(tag: &str) -> bool {
    BLOCKS.contains(&tag) || tag == "h6" || tag == "tr" || tag == "hr"
}

fn blocks(e: ElementRef, stats: &Stats, out: &mut Out, depth: usize) {
    // Deeply nested markup is walked only so far: pages are not thousands of levels deep.
    if depth > 200 {
        return;
    }
    for child in e.children() {
        match child.value() {
            Node::Text(t) => out.text(t),
            Node::Element(_) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                if stats.get(c).chrome {
                    continue;
                }
                element(c, stats, out, depth);
            }
            _ => {}
        }
    }
}

fn element(c: ElementRef, stats: &Stats, out: &mut Out, depth: usize) {
    let tag = name(c);
    if out.skip_next_list && matches!(tag, "ul" | "ol" | "div" | "table" | "dl") {
        out.skip_next_list = false;
        return;
    }
    match tag {
        "br" => out.end_line(),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            out.end_line();
            let text = flat_text(c);
            if RELATED_HEADING.is_match(&text) {
                out.skip_next_list = true;
                return;
            }
            // `h1` is the page's title, which the outline finds as the first line; the levels
            // below it are the report's own.
            let level = tag[1..].parse::<usize>().unwrap_or(1) - 1;
            if !text.is_empty() {
                if level == 0 || heading::starts_like_heading(&text) {
                    out.lines.push(text);
                } else {
                    out.lines.push(format!("{} {text}", "#".repeat(level)));
                }
            }
        }
        "tr" => {
            out.end_line();
            let cells: Vec<String> = c
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|x| matches!(name(*x), "td" | "th"))
                .map(flat_text)
                .collect();
            if cells.iter().any(|x| !x.is_empty()) {
                out.lines.push(cells.join("\t"));
            }
        }
        "p" | "div" | "li" | "dd" | "dt" => {
            out.end_line();
            let text = flat_text(c);
            if RELATED_HEADING.is_match(&text) {
                out.skip_next_list = true;
                return;
            }
            if let Some(lead) = bold_lead(c)
                && heading::starts_like_heading(&lead)
                && !lead.ends_with(['。', '.', '；'])
                && text.len() > lead.len()
            {
                // `<p><strong>一、总体情况</strong>过去一年…</p>`: the heading stands alone.
                out.lines.push(lead.clone());
                let rest = text[lead.len()..].trim().to_string();
                if contains_blocks(c) {
                    // Nested blocks: walk them, but the lead is already written.
                    let mut inner = Out::default();
                    blocks(c, stats, &mut inner, depth + 1);
                    let joined = inner.finish();
                    for l in joined.lines() {
                        if l != lead {
                            out.lines.push(
                                l.strip_prefix(lead.as_str())
                                    .unwrap_or(l)
                                    .trim()
                                    .to_string(),
                            );
                        }
                    }
                } else if !rest.is_empty() {
                    out.lines.push(rest);
                }
                return;
            }
            blocks(c, stats, out, depth + 1);
            out.end_line();
        }
        t if is_block(t) => {
            out.end_line();
            blocks(c, stats, out, depth + 1);
            out.end_line();
        }
        _ => blocks(c, stats, out, depth + 1),
    }
}

fn contains_blocks(e: ElementRef) -> bool {
    e.descendants()
        .filter_map(ElementRef::wrap)
        .skip(1)
        .any(|d| is_block(name(d)) || name(d) == "br")
}

/// The text of a bold run that opens a block (`<strong>`, `<b>`, or a span styled bold).
fn bold_lead(e: ElementRef) -> Option<String> {
    for child in e.children() {
        match child.value() {
            Node::Text(t) if t.trim().is_empty() => continue,
            Node::Element(_) => {
                let c = ElementRef::wrap(child)?;
                let bold = matches!(name(c), "strong" | "b")
                    || c.value().attr("style").is_some_and(|s| s.contains("bold"));
                if bold {
                    let t = flat_text(c);
                    return (!t.is_empty()).then_some(t);
                }
                return None;
            }
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_pages() {
        assert!(looks_like_html(
            "<!DOCTYPE html>\n<html><body><p>一</p></body></html>"
        ));
        assert!(looks_like_html("\u{FEFF}  <html lang=\"zh\">"));
        let fragment =
            "<div><p>一、总体情况</p><p>正文。</p><p>二、</p><p>正文</p><p>a</p><p>b</p></div>";
        assert!(looks_like_html(fragment));
        assert!(!looks_like_html("一、总体情况\n增速<5%的行业有三个。\n"));
        assert!(!looks_like_html(
            "# Title\n\nSome text with one <br> tag.\n"
        ));
    }

    #[test]
    fn main_text_without_chrome() {
        let page = r#"<!doctype html><html><head><title>t</title><style>p{}</style></head><body>
          <div class="top-nav"><a href="/">首页</a><a href="/x">政务公开</a></div>
          <nav><a href="/">Home</a></nav>
          <div class="article">
            <h1>2024年政府工作报告</h1>
            <div class="info">【字号：大 中 小】 <a href="javascript:print()">打印</a></div>
            <div class="bdsharebuttonbox"><a>分享到微信</a></div>
            <p><strong>一、过去一年工作回顾</strong></p>
            <p>　　全年地区生产总值增长5.2%。<br>重点产业支撑有力。</p>
            <p><b>（一）经济运行</b>稳中有进，总量再创新高。</p>
            <table><tr><td>指标</td><td>2024年</td></tr><tr><td>地区生产总值</td><td>1234.5</td></tr></table>
            <h3>相关新闻</h3><ul><li><a href="/1">某某会议召开</a></li><li><a href="/2">某某工作推进</a></li></ul>
          </div>
          <footer>版权所有 ©</footer><script>var a = 1;</script>
        </body></html>"#;
        assert_eq!(
            extract(page),
            "2024年政府工作报告\n一、过去一年工作回顾\n全年地区生产总值增长5.2%。\n重点产业支撑有力。\n（一）经济运行\n稳中有进，总量再创新高。\n指标\t2024年\n地区生产总值\t1234.5\n"
        );
    }

    #[test]
    fn declared_encoding_is_used_for_legacy_pages() {
        let (bytes, _, _) = encoding_rs::GBK.encode(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>政府工作报告</p></body></html>",
        );
        assert_eq!(declared_encoding(&bytes).map(|e| e.name()), Some("GBK"));
        let d = super::super::to_text("p.html", &bytes, None).unwrap();
        assert_eq!(d.text, "政府工作报告\n");
        assert_eq!(declared_encoding("<meta charset=gbk>".as_bytes()), None);
    }

    #[test]
    fn broken_markup_does_not_panic() {
        let deep = format!(
            "<html><body>{}正文{}</body></html>",
            "<div>".repeat(5000),
            "</div>".repeat(10)
        );
        for page in [
            "<html><body><p>一、总体情况<div><p>正文。</td></tr></table></body>",
            "<html><body>",
            &deep,
        ] {
            let _ = extract(page);
        }
    }
}

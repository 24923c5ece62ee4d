//! The frame every HTML page shares: escaping, the head with its inline style sheet, the one
//! inline script, and small building blocks (count lists, badges, marked text).

use std::fmt::Write as _;

use crate::model::{InlineOp, InlineTag};

/// Escapes text for HTML content and for attribute values in double or single quotes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The style sheet. Screen: a readable column, a sticky contents list on wide screens. Print:
/// the contents column left out (a printed page has no use for a scrolling list of links), no
/// sticky or fixed parts, no fixed heights, each major part on a new page, breaks kept out of
/// rows, charts and cards, and the colour of marks kept.
const CSS: &str = r#"
:root { --ink: #1d2330; --dim: #5d6778; --line: #d5dae3; --bg: #ffffff; --soft: #f4f6fa;
  --old: #8fa7d1; --new: #1f4e9c; --del: #ffe0e0; --del-ink: #9b1c1c; --ins: #d9f5dd;
  --ins-ink: #0f6b2a; --met: #1b8a3a; --missed: #c62828; --gap: #eceef2; --warn: #8a5a00; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.55;
  font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
.layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr); gap: 2rem;
  max-width: 96rem; margin: 0 auto; padding: 1.5rem 2rem 4rem; }
main { min-width: 0; }
nav.toc { position: sticky; top: 0; max-height: 100vh; overflow: auto; padding: 1rem 0;
  font-size: .85rem; border-right: 1px solid var(--line); padding-right: 1rem; }
nav.toc ol { list-style: none; margin: 0; padding-left: 0; }
nav.toc li.l2 { padding-left: .8rem; } nav.toc li.l3 { padding-left: 1.6rem; }
nav.toc li.l4 { padding-left: 2.4rem; }
nav.toc a { color: var(--ink); text-decoration: none; display: block; padding: .1rem 0;
  overflow-wrap: anywhere; }
nav.toc a:hover { text-decoration: underline; }
nav.toc .kind { font-size: .7rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p.meta, .dim { color: var(--dim); }
a { color: var(--new); }
.cards { display: flex; flex-wrap: wrap; gap: .7rem; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .9rem;
  min-width: 10rem; background: var(--soft); }
.card b { display: block; font-size: 1.4rem; }
.card span { color: var(--dim); font-size: .85rem; }
ul.findings { padding-left: 1.2rem; }
ul.findings li { margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.wide { overflow-x: auto; }
table.trend td:first-child { min-width: 8em; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .45rem; border-radius: 3px;
  border: 1px solid var(--line); background: var(--soft); color: var(--dim);
  white-space: nowrap; vertical-align: middle; }
.badge.added, .badge.new, .badge.met { color: var(--ins-ink); border-color: var(--ins-ink); }
.badge.removed, .badge.dropped, .badge.missed { color: var(--del-ink); border-color: var(--del-ink); }
.badge.renamed, .badge.moved, .badge.split, .badge.merged, .badge.upgraded { color: var(--warn);
  border-color: var(--warn); }
.badge.gap { background: var(--gap); }
td.met { color: var(--met); } td.missed { color: var(--missed); } td.gap { background: var(--gap); }
th.gap, td.gapcol { background: var(--gap); color: var(--dim); }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: none;
  border-bottom: 1px solid var(--ins-ink); }
figure.chart { margin: 1rem 0 1.6rem; }
figure.chart figcaption { font-weight: 600; margin-bottom: .3rem; }
svg { max-width: 100%; height: auto; display: block; font-family: inherit; }
svg text { font-size: 12px; fill: var(--ink); }
svg text.tick, svg text.legend { fill: var(--dim); font-size: 11px; }
svg text.value { font-size: 11px; }
svg text.none, svg text.gap-note { fill: var(--dim); font-style: italic; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .zero { stroke: var(--ink); stroke-width: 1; }
svg rect.s0 { fill: var(--old); } svg rect.s1 { fill: var(--new); }
svg rect.gap { fill: var(--gap); }
svg path.target, svg line.target { fill: none; stroke: var(--dim); stroke-width: 1.5;
  stroke-dasharray: 5 4; }
svg path.outcome, svg line.outcome { fill: none; stroke: var(--ink); stroke-width: 2; }
svg path.target-mark { fill: #ffffff; stroke: var(--ink); stroke-width: 1.5; }
svg circle.met { fill: var(--met); } svg circle.missed { fill: var(--missed); }
svg circle.unclear { fill: var(--dim); }
details.data summary { cursor: pointer; color: var(--dim); font-size: .85rem; }
details.all > summary { cursor: pointer; font-weight: 600; margin: .6rem 0; }
.pair { border-top: 1px solid var(--line); padding: .6rem 0 .4rem; }
.pair h3 { margin: .2rem 0 .4rem; font-size: 1rem; }
.pair .path { color: var(--dim); font-size: .8rem; }
.pair.level-1 h3 { font-size: 1.15rem; }
.sbs { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 1.2rem; }
.sbs > div { padding: .3rem .5rem; border-bottom: 1px dotted var(--line);
  overflow-wrap: anywhere; }
.sbs > .head { font-weight: 600; color: var(--dim); font-size: .8rem; border-bottom: 1px solid var(--line); }
.sbs > .empty { background: repeating-linear-gradient(45deg, #fafbfc, #fafbfc 6px, #f1f3f6 6px, #f1f3f6 12px); }
.sbs > .removed { background: #fff6f6; } .sbs > .added { background: #f4fcf5; }
.sbs > .added ins { background: none; border-bottom: 0; }
.sbs > .removed del { background: none; }
.sbs .line { color: var(--dim); font-size: .75rem; margin-right: .3rem; }
.sbs .note { color: var(--warn); font-size: .8rem; display: block; }
.same { color: var(--dim); font-size: .85rem; }
@media (max-width: 60rem) {
  .layout { grid-template-columns: minmax(0, 1fr); padding: 1rem; }
  nav.toc { position: static; max-height: none; border-right: 0; border-bottom: 1px solid var(--line); }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  html { font-size: 10.5pt; }
  .layout { display: block; padding: 0; max-width: none; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; break-after: avoid; }
  section.briefing h2, h2.first { break-before: auto; }
  h3, figcaption { break-after: avoid; }
  figure.chart, .card, tr, .sbs > div { break-inside: avoid; }
  .pair { break-inside: auto; }
  .wide { overflow: visible; }
  table.trend { font-size: 7pt; table-layout: fixed; }
  td.num, th.num { white-space: normal; }
  th, td { padding: .15rem .25rem; overflow-wrap: anywhere; }
  details.data > summary { display: none; }
  del, ins, .badge, td.gap, th.gap, td.gapcol, svg rect, .sbs > .removed, .sbs > .added,
  .sbs > .empty { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The page's only script: open every folded data table before printing, so that the printed
/// page holds the numbers behind every chart.
const SCRIPT: &str = r#"window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
});"#;

/// The start of a page, up to the opening of `<main>`; `lang` is the reports' language code
/// and `toc` the contents list.
pub fn start(title: &str, lang: &str, toc: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"yoydiff {}\">\n<title>{}</title>\n<style>{CSS}</style>\n\
         </head>\n<body>\n<div class=\"layout\">\n<nav class=\"toc\" aria-label=\"Contents\">\n\
         <strong>Contents</strong>\n{toc}</nav>\n<main>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    )
}

/// The end of a page.
pub fn end() -> String {
    format!("</main>\n</div>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")
}

/// A summary card: a big number and what it counts.
pub fn card(value: &str, what: &str) -> String {
    format!(
        "<div class=\"card\"><b>{}</b><span>{}</span></div>",
        escape(value),
        escape(what)
    )
}

/// A small label naming a kind or status; the class colours it.
pub fn badge(word: &str) -> String {
    let class: String = word
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    format!(
        "<span class=\"badge {class}\">{}</span>",
        escape(&word.replace('_', " "))
    )
}

/// Inline runs as one side sees them: the old side shows equal and deleted runs (deletions
/// struck), the new side equal and inserted runs (insertions marked).
pub fn side(runs: &[InlineOp], old: bool) -> String {
    let mut s = String::new();
    for r in runs {
        match (r.op, old) {
            (InlineTag::Equal, true) => {
                s.push_str(&escape(r.old_text.as_deref().unwrap_or(&r.text)))
            }
            (InlineTag::Equal, false) => s.push_str(&escape(&r.text)),
            (InlineTag::Delete, true) => {
                let _ = write!(s, "<del>{}</del>", escape(&r.text));
            }
            (InlineTag::Insert, false) => {
                let _ = write!(s, "<ins>{}</ins>", escape(&r.text));
            }
            _ => {}
        }
    }
    s
}

/// Counts as `3 edited, 1 removed` for the non-zero ones.
pub fn count_line(rows: &[(&str, usize)]) -> String {
    escape(&crate::render::shared::count_list(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            escape(r#"<script>alert('x')</script> & "q""#),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn sides_show_their_own_runs() {
        let run = |op, text: &str, old_text: Option<&str>| InlineOp {
            op,
            text: text.to_string(),
            old_text: old_text.map(str::to_string),
        };
        let runs = [
            run(InlineTag::Equal, "2024年", Some("2023年")),
            run(InlineTag::Delete, "稳步", None),
            run(InlineTag::Insert, "<加快>", None),
            run(InlineTag::Equal, "推进", None),
        ];
        assert_eq!(side(&runs, true), "2023年<del>稳步</del>推进");
        assert_eq!(side(&runs, false), "2024年<ins>&lt;加快&gt;</ins>推进");
    }
}

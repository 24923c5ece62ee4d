//! Helpers every renderer may use: counts as a list, widths, colours, amounts and the
//! order figure pairs are read in. Renderers share code through this module only, never
//! through each other.

#[cfg(feature = "term")]
use console::Style;

use crate::model::{FigurePair, FigureStatus, Indicator, Outcome, Trend, Verdict};

/// Counts as `3 edited, 1 not reported`: only the non-zero ones, or `none`.
pub fn count_list(rows: &[(&str, usize)]) -> String {
    let shown: Vec<String> = rows
        .iter()
        .filter(|&&(_, n)| n > 0)
        .map(|&(k, n)| format!("{n} {}", k.replace('_', " ")))
        .collect();
    if shown.is_empty() {
        "none".to_string()
    } else {
        shown.join(", ")
    }
}

/// Styles used by the terminal renderers; all plain when colour is off.
#[cfg(feature = "term")]
pub(crate) struct Palette {
    pub dim: Style,
    pub bold: Style,
    pub heading: Style,
    pub item: Style,
    pub deleted: Style,
    pub inserted: Style,
    pub changed: Style,
    pub moved: Style,
    pub new: Style,
    pub dropped: Style,
    pub name: Style,
}

#[cfg(feature = "term")]
impl Palette {
    pub fn new(color: bool) -> Palette {
        let s = |st: Style| st.force_styling(color);
        Palette {
            dim: s(Style::new().dim()),
            bold: s(Style::new().bold()),
            heading: s(Style::new().bold().cyan()),
            item: s(Style::new()),
            deleted: s(Style::new().red().strikethrough()),
            inserted: s(Style::new().green().underlined()),
            changed: s(Style::new().yellow().bold()),
            moved: s(Style::new().cyan().bold()),
            new: s(Style::new().green()),
            dropped: s(Style::new().red()),
            name: s(Style::new().bold().underlined()),
        }
    }
}

/// Cuts `text` to at most `width` display columns, adding `…` when cut.
#[cfg(feature = "term")]
pub fn truncate(text: &str, width: usize) -> String {
    use crate::script::display_width;

    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A number in a unit, short: Chinese amounts in `万`/`亿`, others with thousands separators.
pub fn format_amount(value: f64, unit: &str) -> String {
    let abs = value.abs();
    let sign = if value < 0.0 { "-" } else { "" };
    let han_unit = unit.chars().next().is_some_and(crate::script::is_han);
    let body = match unit {
        "%" | "pp" | "‰" => format!("{}{unit}", trim_number(abs)),
        "rank" => trim_number(abs),
        "USD" => format!("${}", english_scale(abs)),
        "SGD" => format!("S${}", english_scale(abs)),
        _ if han_unit || unit.is_empty() => {
            let (v, m) = if abs >= 1e12 {
                (abs / 1e12, "万亿")
            } else if abs >= 1e8 {
                (abs / 1e8, "亿")
            } else if abs >= 1e4 {
                (abs / 1e4, "万")
            } else {
                (abs, "")
            };
            format!("{}{m}{unit}", trim_number(v))
        }
        _ => format!("{} {unit}", english_scale(abs)),
    };
    format!("{sign}{body}")
}

fn english_scale(v: f64) -> String {
    if v >= 1e9 {
        format!("{} billion", trim_number(v / 1e9))
    } else if v >= 1e6 {
        format!("{} million", trim_number(v / 1e6))
    } else {
        trim_number(v)
    }
}

/// Up to two decimals, without trailing zeros (`3.80` → `3.8`, `5.00` → `5`).
fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The change column: absolute change in the report's units, and the relative change.
pub fn change_text(p: &FigurePair) -> String {
    let Some(c) = p.change else {
        return String::new();
    };
    let unit = if p.unit == "%" { "pp" } else { p.unit.as_str() };
    let mut s = if c.absolute == 0.0 {
        "=".to_string()
    } else {
        let mut s = format_amount(c.absolute, unit);
        if c.absolute > 0.0 {
            s.insert(0, '+');
        }
        if let Some(r) = c.relative {
            s.push_str(&format!(" ({:+.1}%)", r * 100.0));
        }
        s
    };
    // A restatement changes what last year was, so it belongs beside the change a reader
    // would otherwise take at face value.
    if let Some(r) = &p.restated {
        s.push_str(&format!(
            "; last year restated as {} (was {})",
            format_amount(r.restated, &p.unit),
            format_amount(r.stated, &p.unit)
        ));
    }
    s
}

/// Figure pairs sorted for reading: changed, new, dropped, unchanged; reading order within.
pub fn sorted_figures(pairs: &[FigurePair]) -> Vec<&FigurePair> {
    let mut sorted: Vec<&FigurePair> = pairs.iter().collect();
    sorted.sort_by_key(|p| status_rank(p.status));
    sorted
}

fn status_rank(s: FigureStatus) -> u8 {
    match s {
        FigureStatus::Changed => 0,
        FigureStatus::New => 1,
        FigureStatus::Dropped => 2,
        FigureStatus::Unchanged => 3,
    }
}

/// A column of a trend table: an edition, or the years missing between two editions, shown
/// as a column of their own so that a gap is never read as one year following another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrendColumn {
    /// The edition at this index of `Trend::editions`.
    Edition(usize),
    /// Years with no edition.
    Gap(Vec<i32>),
}

/// The columns of a trend table, oldest first, with gaps where years are missing.
pub fn trend_columns(t: &Trend) -> Vec<TrendColumn> {
    let mut out = vec![TrendColumn::Edition(0)];
    for s in &t.steps {
        if !s.missing_years.is_empty() {
            out.push(TrendColumn::Gap(s.missing_years.clone()));
        }
        out.push(TrendColumn::Edition(s.new));
    }
    out
}

/// Years as a short range: `2020`, `2020–2021`.
pub fn years_text(years: &[i32]) -> String {
    match years {
        [] => String::new(),
        [y] => y.to_string(),
        [a, .., b] => format!("{a}–{b}"),
    }
}

/// The heading of a trend column: the edition's year (or source), or the missing years.
pub fn column_heading(t: &Trend, c: &TrendColumn) -> String {
    match c {
        TrendColumn::Edition(i) => t.edition_name(*i),
        TrendColumn::Gap(years) => format!("{} (no edition)", years_text(years)),
    }
}

/// What an outcome cell says: the value reported and the verdict, or why there is none.
pub fn outcome_text(o: &Outcome) -> String {
    match o {
        Outcome::Checked {
            outcome: Some(f),
            verdict,
        } => format!("{} {}", f.text, verdict_word(*verdict)),
        Outcome::Checked { outcome: None, .. } => "not reported".to_string(),
        Outcome::Gap => "gap".to_string(),
        Outcome::Pending => "pending".to_string(),
    }
}

/// A verdict as a word for a table cell.
pub fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "met",
        Verdict::Missed => "missed",
        Verdict::NotReported => "not reported",
        Verdict::Unclear => "unclear",
    }
}

/// The kind of a row of a trend table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The figure each edition gives.
    Value,
    /// The target each edition sets for its year.
    Target,
    /// What the next edition reports for that target.
    Outcome,
}

impl RowKind {
    /// The name used in tables and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Value => "value",
            RowKind::Target => "target",
            RowKind::Outcome => "outcome",
        }
    }
}

/// The rows an indicator takes in a trend table, with one cell per column of
/// [`trend_columns`] (empty in gap columns): targets get a target and an outcome row, other
/// indicators one value row.
/// `outcome` writes an outcome cell ([`outcome_text`], or a shorter form).
pub fn indicator_rows(
    d: &Indicator,
    columns: &[TrendColumn],
    outcome: fn(&Outcome) -> String,
) -> Vec<(RowKind, Vec<String>)> {
    let value = |i: usize| {
        d.values[i]
            .as_ref()
            .map_or(String::new(), |f| f.text.clone())
    };
    let cells = |f: &dyn Fn(usize) -> String| -> Vec<String> {
        columns
            .iter()
            .map(|c| match c {
                TrendColumn::Edition(i) => f(*i),
                TrendColumn::Gap(_) => String::new(),
            })
            .collect()
    };
    if d.outcomes.is_empty() {
        return vec![(RowKind::Value, cells(&value))];
    }
    let outcome = |i: usize| d.outcomes[i].as_ref().map_or(String::new(), outcome);
    vec![
        (RowKind::Target, cells(&value)),
        (RowKind::Outcome, cells(&outcome)),
    ]
}

/// The label, or a placeholder so that an unnamed figure still shows as a row.
pub fn label_or_unnamed(label: &str) -> &str {
    if label.trim().is_empty() {
        "(unnamed)"
    } else {
        label
    }
}

/// The words of the briefing in the language of the report: Chinese reports get Chinese
/// column heads and verdicts, the rest English.
pub struct Words {
    /// The briefing's own heading.
    pub briefing: &'static str,
    /// Heading of the target table.
    pub targets: &'static str,
    /// Column heads of the target table: indicator, last target, outcome, verdict, this
    /// year's target, change of target.
    pub columns: [&'static str; 6],
    /// Heading of the changed plan headings.
    pub stances: &'static str,
    /// Heading of the sections that moved, parts added or removed.
    pub priorities: &'static str,
    /// Heading of the new initiatives.
    pub new_initiatives: &'static str,
    /// Heading of the dropped initiatives.
    pub dropped_initiatives: &'static str,
    /// Heading of the new wording (key terms).
    pub new_terms: &'static str,
    /// Heading of the figures that moved most.
    pub movers: &'static str,
    /// Nothing to brief.
    pub nothing: &'static str,
    // Only the terminal briefing writes the old wording under the new one.
    #[cfg_attr(not(feature = "term"), allow(dead_code))]
    /// What leads the old wording under a new one.
    pub was: &'static str,
    lang: crate::model::Lang,
}

const ZH_WORDS: Words = Words {
    briefing: "要点",
    targets: "目标一览",
    columns: [
        "指标",
        "去年目标",
        "实际",
        "完成情况",
        "今年目标",
        "目标变化",
    ],
    stances: "提法变化",
    priorities: "位次变化",
    new_initiatives: "新提出",
    dropped_initiatives: "不再提及",
    new_terms: "新提法",
    movers: "变化最大的数字",
    nothing: "没有值得先看的变化。",
    was: "原为：",
    lang: crate::model::Lang::Zh,
};

const EN_WORDS: Words = Words {
    briefing: "Briefing",
    targets: "Targets at a glance",
    columns: [
        "Indicator",
        "Last target",
        "Outcome",
        "Verdict",
        "This target",
        "Change",
    ],
    stances: "Stance and wording",
    priorities: "Priorities",
    new_initiatives: "New initiatives",
    dropped_initiatives: "Dropped initiatives",
    new_terms: "New wording",
    movers: "Figures that moved most",
    nothing: "Nothing stands out.",
    was: "was: ",
    lang: crate::model::Lang::En,
};

impl Words {
    /// The words for a report in `lang`.
    pub fn of(lang: crate::model::Lang) -> &'static Words {
        match lang {
            crate::model::Lang::Zh => &ZH_WORDS,
            _ => &EN_WORDS,
        }
    }

    /// True for a Chinese report.
    pub fn zh(&self) -> bool {
        self.lang == crate::model::Lang::Zh
    }

    /// A verdict as the table shows it.
    pub fn verdict(&self, v: Option<Verdict>) -> &'static str {
        match (v, self.zh()) {
            (None, _) => "—",
            (Some(Verdict::Met), true) => "完成",
            (Some(Verdict::Missed), true) => "未完成",
            (Some(Verdict::NotReported), true) => "未报告",
            (Some(Verdict::Unclear), true) => "无法判断",
            (Some(v), false) => verdict_word(v),
        }
    }

    /// Where an entry's details are.
    pub fn at(&self, place: &crate::model::Place) -> String {
        let side = match (place.side, self.zh()) {
            (crate::model::Side::Old, true) => "旧版",
            (crate::model::Side::New, true) => "新版",
            (crate::model::Side::Old, false) => "old",
            (crate::model::Side::New, false) => "new",
        };
        if self.zh() {
            format!("{side}第{}行", place.line)
        } else {
            format!("{side} line {}", place.line)
        }
    }

    /// How many more entries a list holds than it shows.
    pub fn more(&self, n: usize) -> String {
        if self.zh() {
            format!("另有{n}项")
        } else {
            format!("and {n} more")
        }
    }

    /// The note under the target table for the targets it leaves to the figures list.
    pub fn more_targets(&self, n: usize) -> String {
        if self.zh() {
            format!("另有{n}项目标见数字部分")
        } else {
            format!("{n} more targets in the figures")
        }
    }

    /// A place among siblings (`第3位`, `3rd`).
    pub fn rank(&self, r: Option<usize>) -> String {
        match (r, self.zh()) {
            (None, _) => "—".to_string(),
            (Some(n), true) => format!("第{n}位"),
            (Some(n), false) => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
        }
    }

    /// What happened to a section's place.
    pub fn shift(&self, s: crate::model::Shift) -> &'static str {
        use crate::model::Shift;
        match (s, self.zh()) {
            (Shift::Up, true) => "前移",
            (Shift::Down, true) => "后移",
            (Shift::Added, true) => "新增部分",
            (Shift::Removed, true) => "删去部分",
            (Shift::Up, false) => "up",
            (Shift::Down, false) => "down",
            (Shift::Added, false) => "part added",
            (Shift::Removed, false) => "part removed",
        }
    }

    /// The change of a target or a figure: in percentage points for percentages, else in
    /// the unit with the share of change.
    pub fn change(&self, c: &crate::model::Change, unit: &str) -> String {
        if c.absolute == 0.0 {
            return if self.zh() { "持平" } else { "same" }.to_string();
        }
        let sign = if c.absolute > 0.0 { "+" } else { "" };
        if unit == "%" || unit == "pp" {
            let pp = if self.zh() { "个百分点" } else { "pp" };
            return format!("{sign}{}{pp}", format_amount(c.absolute, "rank"));
        }
        let mut s = format!("{sign}{}", format_amount(c.absolute, unit));
        if let Some(r) = c.relative {
            s.push_str(&format!(" ({:+.0}%)", r * 100.0));
        }
        s
    }
}

/// The headings of a group of sections, as `a + b` (a split or merged pair has several).
pub fn heading_of(refs: &[crate::model::SectionRef]) -> String {
    refs.iter()
        .map(|r| r.path.last().map_or("", String::as_str))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A section pair's title: the heading it has, or `old → new` when it changed.
pub fn pair_title(pair: &crate::model::SectionPair) -> String {
    use crate::model::PairKind;
    let (old, new) = (heading_of(&pair.old), heading_of(&pair.new));
    match pair.kind {
        PairKind::Added => new,
        PairKind::Removed | PairKind::Unchanged => old,
        _ if old == new => new,
        _ => format!("{old} → {new}"),
    }
}

/// The cells of a target row: indicator, last target, outcome, verdict, this target, change.
pub fn target_cells(t: &crate::model::TargetRow, w: &Words) -> [String; 6] {
    let quote =
        |q: &Option<crate::model::Quote>| q.as_ref().map_or("—".to_string(), |q| q.text.clone());
    let change = match &t.target_change {
        Some(c) => w.change(c, &t.unit),
        None => "—".to_string(),
    };
    [
        t.label.clone(),
        quote(&t.last_target),
        quote(&t.outcome),
        w.verdict(t.verdict).to_string(),
        quote(&t.this_target),
        change,
    ]
}

/// A changed heading of the plan: `old → new`.
pub fn stance_text(s: &crate::model::StanceChange) -> String {
    format!("{} → {}", s.old, s.new)
}

/// A section's move: `title: 3rd → 1st (up)`.
pub fn priority_text(p: &crate::model::PriorityChange, w: &Words) -> String {
    use crate::model::Shift;
    match p.shift {
        Shift::Added | Shift::Removed => format!("{} ({})", p.title, w.shift(p.shift)),
        _ => format!(
            "{}: {} → {} ({})",
            p.title,
            w.rank(p.old_rank),
            w.rank(p.new_rank),
            w.shift(p.shift)
        ),
    }
}

/// A new or dropped initiative with its number of mentions.
pub fn initiative_note_text(n: &crate::model::InitiativeNote, w: &Words) -> String {
    if n.mentions > 1 {
        if w.zh() {
            format!("{}（{}处）", n.name, n.mentions)
        } else {
            format!("{} ({} mentions)", n.name, n.mentions)
        }
    } else {
        n.name.clone()
    }
}

/// A figure that moved far: `label: old → new (change)`.
pub fn mover_text(m: &crate::model::FigureMove, w: &Words) -> String {
    let change = match m.change.relative {
        Some(r) => format!("{:+.0}%", r * 100.0),
        None => w.change(&m.change, "%"),
    };
    format!("{}: {} → {} ({change})", m.label, m.old, m.new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_the_report() {
        assert_eq!(format_amount(18_097_000_000.0, "元"), "180.97亿元");
        assert_eq!(format_amount(1.5e11, "元"), "1500亿元");
        assert_eq!(format_amount(3.8e12, "元"), "3.8万亿元");
        assert_eq!(format_amount(-0.5, "pp"), "-0.5pp");
        assert_eq!(format_amount(11_000.0, "家"), "1.1万家");
        assert_eq!(format_amount(37_400_000_000.0, "USD"), "$37.4 billion");
        assert_eq!(format_amount(3.0, "rank"), "3");
    }
}

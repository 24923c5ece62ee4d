//! Character classes used across the pipeline.
//!
//! Annual reports mix Han characters, CJK punctuation, full-width forms and Latin text. Every
//! rule that decides about spacing, joining or sentence ends asks one of these questions, so they
//! live in one place.

/// True for Han ideographs (the CJK Unified Ideographs blocks and their extensions) and `〇`.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '〇')
}

/// True for characters that Chinese typography sets solid, without spaces around them: Han,
/// kana, hangul, and the CJK and full-width punctuation blocks. Curly quotes and dashes are
/// shared with English text, so they do not count.
pub fn sets_solid(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}')
}

/// Zero-width and formatting characters that PDF and web extraction leave behind.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Folds a full-width ASCII digit, letter or `%` to its half-width form; other characters,
/// including Chinese punctuation, are kept as written.
pub fn fold_fullwidth(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Sentence-final punctuation in either script.
pub fn is_sentence_final(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '.' | '!' | '?' | ';' | '…')
}

/// Closing quotes and brackets that belong to the sentence before them.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'' | '】' | ']'
    )
}

/// Display width of a string in terminal columns (CJK characters take two).
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Share of Han characters among the letters of `text`, used to tell Chinese from English.
pub fn han_ratio(text: &str) -> f64 {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters == 0 {
        0.0
    } else {
        han as f64 / letters as f64
    }
}

/// Whether a character is a Chinese numeral below ten thousand: a digit (`〇`/`零` … `九`,
/// `两`) or `十`, `百`, `千`.
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千')
}

/// The end of the run of ASCII digits in `bytes` that starts at `from` (`from` itself when
/// there is none).
pub fn ascii_digits_end(bytes: &[u8], from: usize) -> usize {
    from + bytes[from..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// The value of one Chinese digit (`〇`/`零` … `九`, and `两`).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The Chinese numerals used in headings (`一` … `十九`, `二十`…) read as a number.
pub fn chinese_numeral_value(s: &str) -> Option<u32> {
    let digit = chinese_digit;
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// The largest char boundary of `s` at or below `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i`.
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `text` from `margin` bytes before `start` to `margin` bytes after `end`, cut at characters
/// and marked with `…` where cut: the context of a figure or a name in an over-long sentence.
pub fn window_around(text: &str, start: usize, end: usize, margin: usize) -> String {
    let from = floor_boundary(text, start.saturating_sub(margin));
    let to = ceil_boundary(text, end.saturating_add(margin));
    let mut out = String::with_capacity(to - from + 6);
    if from > 0 {
        out.push('…');
    }
    out.push_str(&text[from..to]);
    if to < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_fullwidth_digits_but_keeps_chinese_punctuation() {
        let folded: String = "２０２５年，增长５％。"
            .chars()
            .map(fold_fullwidth)
            .collect();
        assert_eq!(folded, "2025年，增长5%。");
    }

    #[test]
    fn reads_heading_numerals() {
        assert_eq!(chinese_numeral_value("一"), Some(1));
        assert_eq!(chinese_numeral_value("十"), Some(10));
        assert_eq!(chinese_numeral_value("十四"), Some(14));
        assert_eq!(chinese_numeral_value("二十"), Some(20));
        assert_eq!(chinese_numeral_value("二十三"), Some(23));
        assert_eq!(chinese_numeral_value("是"), None);
    }

    #[test]
    fn cjk_width_is_two_columns() {
        assert_eq!(display_width("工作回顾"), 8);
        assert_eq!(display_width("2024 年"), 7);
    }
}

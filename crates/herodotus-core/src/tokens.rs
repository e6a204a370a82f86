//! Tokenisation with byte offsets into the original text.
//!
//! The text is never rewritten: each [`Token`] keeps its span in the original and a
//! normalised lower-case form used for matching (curly quotes and apostrophes made
//! straight, dashes unified, Unicode NFKC). Concatenating the original slices of all
//! tokens and the gaps between them gives back the text.

use unicode_normalization::UnicodeNormalization;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, internal apostrophes or periods: "U.S.", "O'Brien").
    Word,
    /// Digits, with internal `.` or `,` ("11.8", "50,000").
    Number,
    /// A possessive marker split off a word ("'s", "'").
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Token {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Normalised lower-case form ("u.s.", "syria", "'s", ",").
    pub norm: String,
    /// Kind of token.
    pub kind: TokenKind,
    /// First character is upper case.
    pub capitalized: bool,
    /// All letters are upper case (and there are at least two).
    pub all_caps: bool,
    /// White space (or nothing) precedes the token; false for "al-Qaeda"'s second part.
    pub space_before: bool,
}

impl Token {
    /// The token's original text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Maps typographic variants to the ASCII form used in dictionaries.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' | '\u{3000}' => ' ',
        _ => c,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// True for characters that make up words: letters, digits and combining marks.
/// The one definition, used by this tokeniser and by herodotus-enrich.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_combining(c))
}

/// Combining marks from the common blocks (Latin, Cyrillic, Hebrew, Arabic and
/// Devanagari diacritics and points): they belong to the word they follow. The
/// one table, used by this tokeniser and by herodotus-enrich.
pub fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Month names in lower case, January first.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekdays in lower case.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for a month name (other than "May", also a verb and a name) or a weekday,
/// in any case: capitalised in text but never part of a person's name. Read by the
/// coder's titled people and by enrich's name finder.
pub fn is_calendar_word(w: &str) -> bool {
    (!w.eq_ignore_ascii_case("may") && MONTHS.iter().any(|c| c.eq_ignore_ascii_case(w)))
        || is_weekday(w)
}

/// True for a weekday, in any case.
pub fn is_weekday(w: &str) -> bool {
    WEEKDAYS.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// The number of a month (1-12) named by a lower-case word ("may" included).
pub fn month_number(w: &str) -> Option<u8> {
    MONTHS.iter().position(|m| *m == w).map(|i| i as u8 + 1)
}

/// Lower-cases and normalises a word the way tokens are normalised, so that
/// dictionary phrases and text meet in the same form.
pub fn normalize_word(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        for b in s.bytes() {
            out.push(match b {
                b'`' => '\'',
                _ => b.to_ascii_lowercase() as char,
            });
        }
        return out;
    }
    for c in s.nfkc() {
        let c = normalize_char(c);
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
    out
}

/// The combining diacritics that [`fold_diacritics`] drops: the Latin-script
/// blocks only (Hebrew, Arabic and Devanagari marks are part of the letter).
fn is_latin_diacritic(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Strips diacritics for loose matching ("Erdoğan" -> "erdogan"); input should already
/// be normalised with [`normalize_word`].
pub(crate) fn fold_diacritics(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    s.nfd()
        .filter(|c| !is_latin_diacritic(*c))
        .map(|c| match c {
            'ı' => 'i',
            'ø' => 'o',
            'ł' => 'l',
            'đ' => 'd',
            'ß' => 's',
            'æ' => 'a',
            _ => c,
        })
        .collect()
}

/// Tokenises `text[range]`. Offsets are absolute (into `text`).
pub fn tokenize(text: &str, range: [usize; 2]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity((range[1] - range[0]) / 5 + 4);
    tokenize_into(text, range, &mut tokens);
    tokens
}

/// Like [`tokenize`], appending to a caller's buffer (reused on the hot path).
pub fn tokenize_into(text: &str, range: [usize; 2], tokens: &mut Vec<Token>) {
    let s = &text[range[0]..range[1]];
    let base = range[0];
    let mut chars = s.char_indices().peekable();
    let mut prev_space = true;
    while let Some((i, c)) = chars.next() {
        let nc = normalize_char(c);
        if nc.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}' {
            prev_space = true;
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let kind;
        if is_word_char(c) {
            let numeric_start = c.is_ascii_digit();
            let mut all_digits = numeric_start;
            // Scan the word: letters/digits, internal apostrophes (O'Brien, but not 's),
            // internal periods in abbreviations (U.S.), internal . or , in numbers.
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                let after = s[j + d.len_utf8()..].chars().next();
                if (d == '.' || d == ',') && all_digits && after.is_some_and(|a| a.is_ascii_digit())
                {
                    end = j + 1;
                    chars.next();
                    continue;
                }
                if d == '.'
                    && !all_digits
                    && is_abbrev_so_far(&s[start..end])
                    && after.is_some_and(|a| a.is_alphabetic())
                {
                    // "U.S" -> continue through "U.S." below
                    end = j + 1;
                    chars.next();
                    continue;
                }
                if d == '.' && !all_digits && s[start..end].contains('.') {
                    // trailing period of an abbreviation with internal periods: "U.S."
                    end = j + 1;
                    chars.next();
                    break;
                }
                if is_apostrophe(d) && after.is_some_and(|a| a.is_alphabetic()) {
                    let rest = &s[j + d.len_utf8()..];
                    let is_poss = (rest.starts_with('s') || rest.starts_with('S'))
                        && !rest[1..]
                            .chars()
                            .next()
                            .is_some_and(|x| x.is_alphanumeric());
                    let is_nt = (s[start..end].ends_with('n') || s[start..end].ends_with('N'))
                        && (rest.starts_with('t') || rest.starts_with('T'))
                        && !rest[1..]
                            .chars()
                            .next()
                            .is_some_and(|x| x.is_alphanumeric());
                    if is_poss || is_nt {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                break;
            }
            kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            // Split "don't"-style contractions: "didn't" -> "did" + "n't".
            let word = &s[start..end];
            if kind == TokenKind::Word {
                if let Some(&(j, d)) = chars.peek() {
                    if is_apostrophe(d) && (word.ends_with('n') || word.ends_with('N')) {
                        let rest = &s[j + d.len_utf8()..];
                        if !rest.is_empty()
                            && (rest.starts_with('t') || rest.starts_with('T'))
                            && !rest[1..]
                                .chars()
                                .next()
                                .is_some_and(|x| x.is_alphanumeric())
                            && word.len() > 1
                        {
                            let stem_end = end - 1;
                            push(
                                tokens,
                                s,
                                base,
                                start,
                                stem_end,
                                TokenKind::Word,
                                prev_space,
                            );
                            chars.next();
                            chars.next();
                            let nt_end = j + d.len_utf8() + 1;
                            push(tokens, s, base, stem_end, nt_end, TokenKind::Word, false);
                            prev_space = false;
                            continue;
                        }
                    }
                }
            }
        } else if is_apostrophe(c) {
            // Possessive "'s" or bare "'" after a word ending in s.
            let rest = &s[end..];
            let attached = !prev_space
                && tokens
                    .last()
                    .is_some_and(|t: &Token| t.kind == TokenKind::Word);
            if attached
                && (rest.starts_with('s') || rest.starts_with('S'))
                && !rest[1..]
                    .chars()
                    .next()
                    .is_some_and(|x| x.is_alphanumeric())
            {
                end += 1;
                chars.next();
                kind = TokenKind::Possessive;
            } else if attached
                && tokens.last().is_some_and(|t| t.norm.ends_with('s'))
                && !rest.chars().next().is_some_and(|x| x.is_alphanumeric())
            {
                kind = TokenKind::Possessive;
            } else {
                kind = TokenKind::Punct;
            }
        } else {
            kind = TokenKind::Punct;
        }
        push(tokens, s, base, start, end, kind, prev_space);
        prev_space = false;
    }
}

fn is_abbrev_so_far(w: &str) -> bool {
    // Single letters or letter.letter sequences: "U", "U.S", "e.g".
    w.split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

fn push(
    tokens: &mut Vec<Token>,
    s: &str,
    base: usize,
    start: usize,
    end: usize,
    kind: TokenKind,
    space_before: bool,
) {
    let raw = &s[start..end];
    let norm = if kind == TokenKind::Punct {
        normalize_char(raw.chars().next().unwrap_or(' ')).to_string()
    } else {
        normalize_word(raw)
    };
    let mut letters = raw.chars().filter(|c| c.is_alphabetic());
    let first = raw.chars().find(|c| c.is_alphanumeric());
    let capitalized = first.is_some_and(char::is_uppercase);
    let n_letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = n_letters >= 2 && letters.all(char::is_uppercase);
    tokens.push(Token {
        start: base + start,
        end: base + end,
        norm,
        kind,
        capitalized,
        all_caps,
        space_before,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s, [0, s.len()])
            .into_iter()
            .map(|t| t.norm)
            .collect()
    }

    #[test]
    fn combining_marks_of_every_listed_script_stay_in_their_word() {
        // Devanagari virama (U+094D) and a Hebrew cantillation mark (U+0591) are not
        // alphabetic, but belong to the word (the table herodotus-enrich shares).
        assert_eq!(
            norms("\u{0928}\u{092E}\u{094D}\u{0938}\u{0924}\u{0947} said").len(),
            2
        );
        assert_eq!(norms("\u{05D0}\u{0591}\u{05D1} said").len(), 2);
        assert!(is_combining('\u{094D}') && is_word_char('\u{094D}'));
        // Folding drops Latin diacritics only.
        assert_eq!(fold_diacritics("erdog\u{0306}an"), "erdogan");
        assert_eq!(fold_diacritics("\u{0928}\u{094D}"), "\u{0928}\u{094D}");
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Syria's army", &["syria", "'s", "army"]),
            ("the U.S. said", &["the", "u.s.", "said"]),
            (
                "11.8 million, 50,000 tonnes.",
                &["11.8", "million", ",", "50,000", "tonnes", "."],
            ),
            ("al-Qaeda", &["al", "-", "qaeda"]),
            ("didn\u{2019}t attack", &["did", "n't", "attack"]),
            ("O'Brien met", &["o'brien", "met"]),
            ("\u{201C}We will\u{201D}", &["\"", "we", "will", "\""]),
            ("the rebels' base", &["the", "rebels", "'", "base"]),
            ("ERDOĞAN", &["erdoğan"]),
        ];
        for (input, want) in cases {
            assert_eq!(norms(input), *want, "{input}");
        }
    }

    #[test]
    fn spans_point_into_the_original() {
        let s = "  Le\u{00A0}Drian\u{2019}s visit, U.S. troops";
        for t in tokenize(s, [0, s.len()]) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            assert!(t.start < t.end);
        }
    }

    #[test]
    fn folds_diacritics() {
        assert_eq!(fold_diacritics(&normalize_word("Erdoğan")), "erdogan");
        assert_eq!(fold_diacritics("élysée"), "elysee");
    }
}

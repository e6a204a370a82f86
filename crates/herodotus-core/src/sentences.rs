//! Sentence splitting that survives abbreviations (Mr., Gen., Jan., No.), initials,
//! decimals and quotations.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or brackets) when
//! white space and a plausible sentence start follow, unless the word before the stop
//! is a known abbreviation or an initial. A blank line always ends a sentence.

use crate::tokens::normalize_char;

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "brig", "gov", "sen", "rep", "reps", "sens", "pres", "amb", "rev", "hon", "fr",
    "sr", "jr", "st", "mt", "ft", "no", "nos", "vol", "art", "fig", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "bros",
    "vs", "etc", "approx", "dept", "est", "op", "cf", "al", "ave", "blvd", "insp", "supt", "gens",
    "msgr", "messrs", "mme", "mlle",
];

/// Words that start a new sentence after an abbreviation with internal periods
/// ("... in the U.S. The visit ...").
const STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "a",
    "an",
    "in",
    "on",
    "but",
    "this",
    "that",
    "there",
    "his",
    "her",
    "their",
    "its",
    "officials",
    "meanwhile",
    "however",
    "after",
    "at",
];

/// Splits `text` into sentences, returning byte spans trimmed of surrounding space.
pub fn split(text: &str) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    let n = text.len();
    while i < n {
        let c = text[i..].chars().next().unwrap_or(' ');
        let clen = c.len_utf8();
        // Blank line: paragraph break.
        if c == '\n' {
            let mut j = i + 1;
            while j < n && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < n && bytes[j] == b'\n' {
                push(text, start, i, &mut out);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            // Extend over repeated stops and closing quotes/brackets.
            let mut j = i + clen;
            while j < n {
                let d = text[j..].chars().next().unwrap_or(' ');
                let nd = normalize_char(d);
                if matches!(nd, '.' | '!' | '?' | '"' | '\'' | ')' | ']') || d == '\u{2026}' {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            // Must be followed by white space then a sentence start.
            let mut k = j;
            let mut saw_space = false;
            while k < n {
                let d = text[k..].chars().next().unwrap_or('x');
                if normalize_char(d).is_whitespace() {
                    saw_space = true;
                    k += d.len_utf8();
                } else {
                    break;
                }
            }
            if k >= n {
                break;
            }
            if saw_space && c == '.' && !ends_sentence(text, start, i, k) {
                i = j;
                continue;
            }
            if saw_space && starts_sentence(text, k) {
                push(text, start, j, &mut out);
                start = k;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += clen;
    }
    push(text, start, n, &mut out);
    out
}

fn push(text: &str, mut s: usize, mut e: usize, out: &mut Vec<[usize; 2]>) {
    while s < e {
        let c = text[s..].chars().next().unwrap_or('x');
        if normalize_char(c).is_whitespace() || c.is_control() || c == '\u{FEFF}' {
            s += c.len_utf8();
        } else {
            break;
        }
    }
    while e > s {
        let c = text[..e].chars().next_back().unwrap_or('x');
        if normalize_char(c).is_whitespace() || c.is_control() {
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    if e > s && text[s..e].chars().any(char::is_alphanumeric) {
        out.push([s, e]);
    }
}

fn starts_sentence(text: &str, k: usize) -> bool {
    let c = text[k..].chars().next().unwrap_or(' ');
    let c = normalize_char(c);
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '\'' | '(' | '[' | '-')
        || (!c.is_lowercase() && c.is_alphabetic())
}

/// Decides whether a period at `dot` (with the next sentence starting at `next`)
/// ends the sentence, looking at the word before it.
fn ends_sentence(text: &str, start: usize, dot: usize, next: usize) -> bool {
    let before = &text[start..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || normalize_char(c) == '"')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let lower = lower.trim_start_matches(['(', '[', '\'']);
    if ABBREVIATIONS.contains(&lower) {
        return false;
    }
    // A single capital letter: an initial ("John F. Kennedy").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    // Abbreviations with internal periods (U.S., U.N., e.g.): split only before a
    // word that usually starts a sentence.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        let next_word: String = text[next..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        return STARTERS.contains(&next_word.as_str());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<&str> {
        split(s).into_iter().map(|[a, b]| &s[a..b]).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Russia attacked. Ukraine responded.",
                &["Russia attacked.", "Ukraine responded."],
            ),
            (
                "Mr. Smith met Gen. Jones on Jan. 5. They talked.",
                &["Mr. Smith met Gen. Jones on Jan. 5.", "They talked."],
            ),
            (
                "John F. Kennedy spoke. Then he left.",
                &["John F. Kennedy spoke.", "Then he left."],
            ),
            (
                "The U.S. Army said 11.8 million. Done.",
                &["The U.S. Army said 11.8 million.", "Done."],
            ),
            (
                "He arrived in the U.S. The visit was short.",
                &["He arrived in the U.S.", "The visit was short."],
            ),
            (
                "\"We will fight,\" he said. \"Never.\" She left.",
                &["\"We will fight,\" he said.", "\"Never.\"", "She left."],
            ),
            ("Is it war? No! Peace.", &["Is it war?", "No!", "Peace."]),
            (
                "Title line\n\nBody text here. More.",
                &["Title line", "Body text here.", "More."],
            ),
            (
                "A wrapped\nline stays. Ok.",
                &["A wrapped\nline stays.", "Ok."],
            ),
            (
                "No. 10 Downing Street said so.",
                &["No. 10 Downing Street said so."],
            ),
            ("", &[]),
            ("   \n\n  ", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(sents(input), *want, "{input:?}");
        }
    }
}

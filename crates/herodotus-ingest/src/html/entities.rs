//! Character references: `&amp;`, `&#8217;`, `&#x2019;` and the common named ones.

use super::entities_table::ENTITIES;

/// Legacy names that browsers accept without the closing `;`.
const LEGACY: &[&str] = &[
    "amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "shy", "deg", "eacute",
];

/// Appends `s` to `out`, decoding character references. Unknown references
/// are kept literally, as browsers do.
pub fn decode_into(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'&', &b[i..]) {
        let amp = i + off;
        out.push_str(&s[last..amp]);
        match decode_one(&s[amp + 1..]) {
            Some((c, used)) => {
                out.push(c);
                last = amp + 1 + used;
            }
            None => {
                out.push('&');
                last = amp + 1;
            }
        }
        i = last;
    }
    out.push_str(&s[last..]);
}

/// Decodes `s` into a new string (borrowing when there is nothing to decode).
pub fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    decode_into(s, &mut out);
    std::borrow::Cow::Owned(out)
}

/// Decodes one reference at the start of `s` (just after the `&`): the
/// character and how many bytes of `s` it used.
fn decode_one(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x') | Some(b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut end = start;
        let mut n: u32 = 0;
        while end < b.len() {
            let d = match (b[end] as char).to_digit(if hex { 16 } else { 10 }) {
                Some(d) => d,
                None => break,
            };
            n = n
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            end += 1;
        }
        if end == start {
            return None;
        }
        let used = if b.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        let c = match n {
            0 => '\u{FFFD}',
            // Windows-1252 code points that pages write as numeric references.
            0x80..=0x9F => windows_1252_c1(n),
            _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        return Some((c, used));
    }
    let mut end = 0;
    while end < b.len() && end < 32 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == 0 {
        return None;
    }
    let name = &s[..end];
    if b.get(end) == Some(&b';') {
        if let Ok(i) = ENTITIES.binary_search_by(|(n, _)| n.cmp(&name)) {
            return Some((ENTITIES[i].1, end + 1));
        }
        return None;
    }
    // Without `;`: only the legacy names, matched as a prefix.
    for l in LEGACY {
        if name.starts_with(l) {
            let i = ENTITIES.binary_search_by(|(n, _)| n.cmp(l)).ok()?;
            return Some((ENTITIES[i].1, l.len()));
        }
    }
    None
}

fn windows_1252_c1(n: u32) -> char {
    const MAP: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    char::from_u32(u32::from(MAP[(n - 0x80) as usize])).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_numeric_and_legacy() {
        assert_eq!(decode("a &amp; b"), "a & b");
        assert_eq!(
            decode("it&#8217;s &#x2019; &rsquo;"),
            "it\u{2019}s \u{2019} \u{2019}"
        );
        assert_eq!(decode("&nbsp;x&nbspy"), "\u{a0}x\u{a0}y");
        assert_eq!(decode("AT&T &bogus; & &#;"), "AT&T &bogus; & &#;");
        assert_eq!(decode("&#150;"), "\u{2013}");
        assert_eq!(decode("&#99999999999;"), "\u{FFFD}");
        assert_eq!(decode("caf&eacute;"), "café");
        assert_eq!(decode("&"), "&");
    }

    #[test]
    fn table_is_sorted() {
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}

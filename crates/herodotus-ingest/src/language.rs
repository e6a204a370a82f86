//! Language identification with `whatlang` (trigram profiles, no model
//! files), reported as ISO 639-1 codes ("en").

/// How much text is looked at; the start of an article is enough.
const SAMPLE: usize = 600;

/// ISO 639-3 (whatlang) to ISO 639-1.
const CODES: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// Detects the language of a text; `None` if too short or unsure.
pub fn detect(text: &str) -> Option<&'static str> {
    detect_with_confidence(text).map(|(code, _)| code)
}

/// Chooses between detection and a declared language: a reliable detection
/// wins, else the page's declaration, else an unreliable detection.
pub(crate) fn detect_or_declared(text: &str, declared: Option<&str>) -> Option<String> {
    match (detect_with_confidence(text), declared) {
        (Some((code, true)), _) => Some(code.to_string()),
        (_, Some(d)) => Some(d.to_string()),
        (Some((code, false)), None) => Some(code.to_string()),
        (None, None) => None,
    }
}

/// The detected language and whether whatlang deems it reliable.
pub fn detect_with_confidence(text: &str) -> Option<(&'static str, bool)> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.split_whitespace().count() < 3 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = info.lang().code();
    CODES
        .iter()
        .find(|(c3, _)| *c3 == code)
        .map(|(_, c1)| (*c1, info.is_reliable()))
}

/// Normalises a declared language tag (`en-US`, `en_GB`, `EN`) to ISO 639-1.
pub(crate) fn normalize_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase()) {
        Some(primary)
    } else if primary.len() == 3 {
        CODES
            .iter()
            .find(|(c3, _)| *c3 == primary)
            .map(|(_, c1)| c1.to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        assert_eq!(
            detect("The government announced on Tuesday that talks with the rebels would resume next week in the capital."),
            Some("en")
        );
        assert_eq!(
            detect("El gobierno anunció el martes que las conversaciones con los rebeldes se reanudarán la próxima semana."),
            Some("es")
        );
        assert_eq!(detect("ok"), None);
        assert_eq!(detect_or_declared("ok", Some("en")).as_deref(), Some("en"));
    }

    #[test]
    fn normalizes_tags() {
        assert_eq!(normalize_tag("en-US").as_deref(), Some("en"));
        assert_eq!(normalize_tag("pt_BR").as_deref(), Some("pt"));
        assert_eq!(normalize_tag("deu").as_deref(), Some("de"));
        assert_eq!(normalize_tag("x"), None);
    }
}

//! Modality: a cooperative act that is announced, wanted or scheduled ("will meet",
//! "wants to visit", "is ready to resume talks", "is scheduled to sign") is coded as
//! the intent to do it (CAMEO 03x), as the coding guide asks, not as the act.
//! Conflictual acts keep their code here (a threat is the engine's business), and a
//! governing verb with its own pattern ("agreed to meet") codes before this applies.

use crate::tokens::Token;

/// Words that, followed by "to", announce an intended act.
const INTENT_TO: &[&str] = &[
    "want",
    "wants",
    "wanted",
    "seek",
    "seeks",
    "sought",
    "ready",
    "scheduled",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "intending",
    "aim",
    "aims",
    "aiming",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "prepared",
    "willing",
    "due",
    "set",
    "expected",
    "poised",
];

/// True when the words just before the verb at `verb` (within its clause, from
/// `clause_start`) announce an intent: "will", "will not", or "<intent word> to"
/// with up to one adverb between ("wants to quickly meet" is not handled).
pub(super) fn intent_before(tokens: &[Token], clause_start: usize, verb: usize) -> bool {
    let w = |j: usize| tokens[j].norm.as_str();
    if verb == 0 || verb <= clause_start {
        return false;
    }
    let mut j = verb - 1;
    // One adverb: "will soon visit", "will also meet".
    if j > clause_start && tokens[j].norm.ends_with("ly")
        || matches!(w(j), "also" | "soon" | "then")
    {
        if j == clause_start {
            return false;
        }
        j -= 1;
    }
    if matches!(w(j), "will" | "'ll") {
        return true;
    }
    w(j) == "to" && j > clause_start && INTENT_TO.contains(&w(j - 1))
}

/// The intent code for a cooperative code: 04x consultations -> 036 (intent to meet or
/// negotiate), 05x diplomatic cooperation -> 032 (its 057 agreements -> 030), 06x
/// material cooperation -> 031 and its 0311-0314 by kind, 07x aid -> 033 and
/// 0331-0334, 08x yielding -> 035 and its kinds. Other roots: `None` (unchanged).
pub(super) fn intent_code(code: &str) -> Option<String> {
    let c = match code {
        _ if code.starts_with("04") => "036",
        "057" => "030",
        _ if code.starts_with("05") => "032",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        _ if code.starts_with("06") => "031",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        _ if code.starts_with("07") => "033",
        "081" => "0351",
        "082" => "0352",
        "083" => "034",
        _ if code.starts_with("084") => "0353",
        "085" => "0354",
        "086" => "0355",
        _ if code.starts_with("087") => "0356",
        _ if code.starts_with("08") => "035",
        _ => return None,
    };
    Some(c.to_string())
}

#[cfg(test)]
mod tests {
    use super::intent_code;

    #[test]
    fn cooperative_codes_become_intents_and_others_stay() {
        for (a, b) in [
            ("042", Some("036")),
            ("046", Some("036")),
            ("057", Some("030")),
            ("051", Some("032")),
            ("061", Some("0311")),
            ("073", Some("0333")),
            ("0841", Some("0353")),
            ("190", None),
            ("111", None),
            ("036", None),
        ] {
            assert_eq!(intent_code(a).as_deref(), b, "{a}");
        }
    }
}

//! Lemmas: a table learned from the treebank's LEMMA column, keyed by lower-case form
//! and UPOS, whose values are edit rules (strip `k` chars, append a string, lower-case
//! or keep case); unseen words take the most frequent rule of the longest known
//! (UPOS, suffix) pair, so "bombarded" VERB gets the rule of "-ded" verbs.

use super::features::{hash_bytes, mix, IdMap};
use super::types::Upos;
use std::collections::HashMap;

/// One edit rule.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Rule {
    /// Chars to remove from the end of the form.
    pub strip: u8,
    /// Lower-case the rest (false keeps case: proper nouns, "I").
    pub lower: bool,
    /// What to append.
    pub append: String,
}

/// The lemmatiser's model.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Lemmatizer {
    pub rules: Vec<Rule>,
    /// (lower form, UPOS) -> rule.
    pub forms: IdMap<u16>,
    /// (UPOS, lower suffix of 1..=MAX_SUFFIX chars) -> rule.
    pub suffixes: IdMap<u16>,
}

const MAX_SUFFIX: usize = 5;

fn form_key(lower: &str, upos: Upos) -> u64 {
    mix(hash_bytes(lower.as_bytes()), 0x4c45_4d00 + upos as u64) | 1
}

fn suffix_key(suffix: &str, upos: Upos) -> u64 {
    mix(hash_bytes(suffix.as_bytes()), 0x5355_4600 + upos as u64) | 1
}

fn lower_of(s: &str) -> String {
    crate::tokens::normalize_word(s)
}

/// The rule that turns `form` into `lemma`, if one does (by chars).
pub(crate) fn rule_for(form: &str, lemma: &str) -> Option<Rule> {
    let keep_case = lemma.chars().any(|c| c.is_uppercase());
    let base: Vec<char> = if keep_case {
        form.chars().map(crate::tokens::normalize_char).collect()
    } else {
        lower_of(form).chars().collect()
    };
    let l: Vec<char> = lemma.chars().map(crate::tokens::normalize_char).collect();
    let p = base.iter().zip(&l).take_while(|(a, b)| a == b).count();
    let strip = base.len() - p;
    if strip > u8::MAX as usize {
        return None;
    }
    Some(Rule {
        strip: strip as u8,
        lower: !keep_case,
        append: l[p..].iter().collect(),
    })
}

impl Rule {
    /// Applies the rule to `form`, appending to `out`.
    pub fn apply(&self, form: &str, out: &mut String) {
        let n = form.chars().count();
        let keep = n.saturating_sub(self.strip as usize);
        for c in form.chars().take(keep) {
            let c = crate::tokens::normalize_char(c);
            if self.lower {
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            } else {
                out.push(c);
            }
        }
        out.push_str(&self.append);
    }
}

impl Lemmatizer {
    /// Learns the table and the suffix rules from (form, UPOS, lemma) triples.
    pub fn train<'a>(examples: impl Iterator<Item = (&'a str, Upos, &'a str)>) -> Lemmatizer {
        let mut rule_ids: HashMap<Rule, u16> = HashMap::new();
        let mut rules = Vec::new();
        // BTreeMaps keep the tie-breaks deterministic.
        let mut form_counts: std::collections::BTreeMap<(String, u8), HashMap<u16, u32>> =
            Default::default();
        let mut suf_counts: std::collections::BTreeMap<(String, u8), HashMap<u16, u32>> =
            Default::default();
        for (form, upos, lemma) in examples {
            if lemma == "_" || lemma.is_empty() {
                continue;
            }
            let Some(rule) = rule_for(form, lemma) else {
                continue;
            };
            let id = *rule_ids.entry(rule.clone()).or_insert_with(|| {
                rules.push(rule);
                (rules.len() - 1) as u16
            });
            let lower = lower_of(form);
            *form_counts
                .entry((lower.clone(), upos as u8))
                .or_default()
                .entry(id)
                .or_default() += 1;
            let chars: Vec<char> = lower.chars().collect();
            for k in 1..=MAX_SUFFIX.min(chars.len()) {
                let suf: String = chars[chars.len() - k..].iter().collect();
                *suf_counts
                    .entry((suf, upos as u8))
                    .or_default()
                    .entry(id)
                    .or_default() += 1;
            }
        }
        let best = |m: &HashMap<u16, u32>| -> u16 {
            let mut v: Vec<(u32, u16)> = m.iter().map(|(&r, &c)| (c, r)).collect();
            v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            v[0].1
        };
        let mut forms = IdMap::default();
        for ((lower, u), m) in &form_counts {
            let upos = Upos::from_index(*u as usize).unwrap_or(Upos::X);
            forms.insert(form_key(lower, upos), best(m));
        }
        let mut suffixes = IdMap::default();
        for ((suf, u), m) in &suf_counts {
            // A suffix seen once says little about unseen words.
            if m.values().sum::<u32>() < 2 {
                continue;
            }
            let upos = Upos::from_index(*u as usize).unwrap_or(Upos::X);
            suffixes.insert(suffix_key(suf, upos), best(m));
        }
        Lemmatizer {
            rules,
            forms,
            suffixes,
        }
    }

    /// Appends the lemma of `form` tagged `upos` to `out`. `lower` is scratch.
    pub fn lemma(&self, form: &str, upos: Upos, lower: &mut String, out: &mut String) {
        lower.clear();
        for c in form.chars() {
            let c = crate::tokens::normalize_char(c);
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        let mut rule = self.forms.get(&form_key(lower, upos)).copied();
        if rule.is_none() {
            let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
            let n = starts.len();
            // Keep at least two chars of the word itself.
            for k in (1..=MAX_SUFFIX.min(n.saturating_sub(2))).rev() {
                if let Some(&r) = self
                    .suffixes
                    .get(&suffix_key(&lower[starts[n - k]..], upos))
                {
                    rule = Some(r);
                    break;
                }
            }
        }
        match rule.and_then(|r| self.rules.get(r as usize)) {
            Some(r) if (r.strip as usize) < form.chars().count() => r.apply(form, out),
            _ if upos == Upos::Propn => out.extend(form.chars().map(crate::tokens::normalize_char)),
            _ => out.push_str(lower),
        }
    }
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;

    #[test]
    fn rules_and_unseen_words() {
        let ex = [
            ("attacked", Upos::Verb, "attack"),
            ("shelled", Upos::Verb, "shell"),
            ("killed", Upos::Verb, "kill"),
            ("took", Upos::Verb, "take"),
            ("States", Upos::Propn, "State"),
            ("strikes", Upos::Noun, "strike"),
            ("talks", Upos::Noun, "talk"),
            ("Talks", Upos::Noun, "talk"),
        ];
        let l = Lemmatizer::train(ex.iter().map(|(f, u, l)| (*f, *u, *l)));
        let lem = |f: &str, u: Upos| {
            let (mut a, mut b) = (String::new(), String::new());
            l.lemma(f, u, &mut a, &mut b);
            b
        };
        assert_eq!(lem("took", Upos::Verb), "take");
        assert_eq!(lem("Took", Upos::Verb), "take");
        assert_eq!(lem("bombed", Upos::Verb), "bomb");
        assert_eq!(lem("raids", Upos::Noun), "raid");
        assert_eq!(lem("Kharkiv", Upos::Propn), "Kharkiv");
        assert_eq!(lem("States", Upos::Propn), "State");
        assert_eq!(lem("Tanks", Upos::Noun), "tank");
    }
}

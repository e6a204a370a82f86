//! Checks of the built-in dictionaries: they load, people's dated roles do not
//! overlap, and every CAMEO code can be produced.

use herodotus_core::dict::{Dictionaries, Elem};
use herodotus_core::ActorKind;
use std::collections::BTreeSet;

fn builtin() -> Dictionaries {
    Dictionaries::builtin().expect("built-in dictionaries load")
}

#[test]
fn every_entry_parses_and_sizes_are_as_promised() {
    let d = builtin();
    let people = d
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .count();
    let orgs = d
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Organisation)
        .count();
    let groups = d
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Group)
        .count();
    let patterns: usize = d.verbs.iter().map(|v| v.patterns.len()).sum();
    assert!(people >= 2000, "{people} people");
    assert!(orgs >= 120, "{orgs} organisations");
    assert!(groups >= 80, "{groups} groups");
    assert!(d.agents.len() >= 150, "{} agents", d.agents.len());
    assert!(patterns >= 4000, "{patterns} patterns");
    assert!(d.discards.len() >= 50, "{} discards", d.discards.len());
}

/// Overlapping roles are allowed (a minister who keeps a seat in parliament; the
/// first line wins while both hold), but a dated line that earlier lines cover
/// completely can never be chosen: that is a mistake in the entry.
#[test]
fn no_dated_role_is_shadowed_by_earlier_ones() {
    let d = builtin();
    let mut bad = Vec::new();
    for a in d.actors.iter().filter(|a| a.kind == ActorKind::Person) {
        let mut covered: Vec<(i64, i64)> = Vec::new();
        for c in a.codes.iter().filter(|c| !c.undated()) {
            let from = c.from.map(|d| d.to_days()).unwrap_or(i64::MIN);
            let to = c.to.map(|d| d.to_days()).unwrap_or(i64::MAX);
            // Is [from, to) inside the union of earlier ranges?
            let mut pos = from;
            let mut progressed = true;
            while pos < to && progressed {
                progressed = false;
                for &(f, t) in &covered {
                    if f <= pos && pos < t {
                        pos = t;
                        progressed = true;
                    }
                }
            }
            if pos >= to {
                bad.push(format!(
                    "{} ({}): {} {:?}..{:?} can never apply",
                    a.name, a.origin, c.code, c.from, c.to
                ));
            }
            covered.push((from, to));
        }
    }
    assert!(
        bad.is_empty(),
        "{} unreachable roles:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn every_cameo_code_has_a_pattern_or_verb() {
    let d = builtin();
    let mut produced = BTreeSet::new();
    for v in &d.verbs {
        produced.extend(v.code.active.iter().cloned());
        produced.extend(v.code.passive.iter().cloned());
        for p in &v.patterns {
            produced.extend(p.code.active.iter().cloned());
            produced.extend(p.code.passive.iter().cloned());
            assert_eq!(p.elems.iter().filter(|e| e.elem == Elem::Verb).count(), 1);
        }
    }
    // Two-digit root codes are categories, not events a sentence states.
    let missing: Vec<&str> = d
        .cameo
        .codes()
        .filter(|c| c.len() > 2 && !produced.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "CAMEO codes without a pattern: {missing:?}"
    );
    let unknown: Vec<&String> = produced.iter().filter(|c| !d.cameo.contains(c)).collect();
    assert!(
        unknown.is_empty(),
        "patterns with codes not in cameo.txt: {unknown:?}"
    );
}

#[test]
fn cameo_table_is_complete() {
    let d = builtin();
    assert!(d.cameo.len() >= 300, "{} codes", d.cameo.len());
    for root in 1..=20 {
        assert!(d.cameo.contains(&format!("{root:02}")), "root {root:02}");
    }
    let e = d.cameo.lookup("190").unwrap();
    assert_eq!((e.goldstein, e.plover.as_deref()), (-10.0, Some("ASSAULT")));
}

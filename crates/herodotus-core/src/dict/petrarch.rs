//! Loaders for PETRARCH2 and TABARI/PETRARCH-1 dictionaries.
//!
//! Formats as the reference code reads them: `#` comments to end of line, `<!-- -->`
//! comments (also multi-line), `_` and space both separate words. Verbs: `&SYNSET`
//! blocks of `+member` lines; `--- NAME [CODE] ---` blocks; verb lines
//! `VERB [code] {FORMS}` (multi-word verbs mark the verb word with `+`); pattern lines
//! `- ... * ... [code]`. Actors: `PHRASE [CODE][CODE d1-d2]`, `+SYNONYM` lines and
//! indented `[CODE restriction]` lines. Agents: `PHRASE {PLURALS} [~CODE]` with
//! `!SET! = A, B` substitution sets. Discards: a leading `+` discards the story.

use super::*;
use crate::error::Error;

/// Which files to load from a PETRARCH directory. Build one with
/// [`FileSet::default`] and set its fields, or read a `PETR_config.ini` with
/// [`FileSet::from_config`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileSet {
    /// Verb dictionary.
    pub verbs: Option<String>,
    /// Actor dictionaries.
    pub actors: Vec<String>,
    /// Agent dictionary.
    pub agents: Option<String>,
    /// Discard list.
    pub discards: Option<String>,
}

impl FileSet {
    /// The files the `[Dictionaries]` section of a `PETR_config.ini` names
    /// (`verbfile_name`, `actorfile_list`, `agentfile_name`, `discardfile_name`);
    /// anything else in the text is ignored.
    pub fn from_config(text: &str) -> FileSet {
        parse_config(text)
    }
}

/// Loads a directory: the files `PETR_config.ini` names, else by file-name convention
/// (`*verbs*`/`CAMEO*.txt`, `*.actors.txt`, `*agents*`, `*discards*`).
pub fn load_dir(dir: &Path) -> Result<Dictionaries> {
    let config = dir.join("PETR_config.ini");
    let set = if config.exists() {
        let text = read(&config)?;
        parse_config(&text)
    } else {
        by_convention(dir)?
    };
    load_set(dir, &set)
}

/// Loads the files of a [`FileSet`] relative to `dir`.
pub fn load_set(dir: &Path, set: &FileSet) -> Result<Dictionaries> {
    let mut d = Dictionaries {
        semantics: Semantics {
            first_undated_wins: false,
            case_insensitive_actors: true,
            paired_codes: false,
            max_gap: Some(12),
            act_under_modality: true,
        },
        ..Dictionaries::default()
    };
    let name = |f: &str| -> Arc<str> { Arc::from(f) };
    if let Some(v) = &set.verbs {
        let t = read(&dir.join(v))?;
        d.semantics.paired_codes = !v.to_lowercase().contains("cameo.2");
        parse_verbs(&t, &name(v), &mut d)?;
    }
    for a in &set.actors {
        let t = read(&dir.join(a))?;
        parse_actors(&t, &name(a), &mut d)?;
    }
    if let Some(a) = &set.agents {
        let t = read(&dir.join(a))?;
        parse_agents(&t, &name(a), &mut d)?;
    }
    if let Some(x) = &set.discards {
        let t = read(&dir.join(x))?;
        parse_discards(&t, &name(x), &mut d)?;
    }
    // PETRARCH dictionaries carry no CAMEO table: use the built-in one for labels,
    // Goldstein scores and PLOVER types.
    if let Ok(b) = super::builtin::load() {
        d.cameo = b.cameo;
    }
    Ok(d)
}

fn read(p: &Path) -> Result<String> {
    let bytes = std::fs::read(p).map_err(|e| Error::io(p, e))?;
    // The reference dictionaries are mostly ASCII with some Latin-1: decode leniently.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

/// Reads the `[Dictionaries]` section of a `PETR_config.ini`.
pub(crate) fn parse_config(text: &str) -> FileSet {
    let mut set = FileSet::default();
    let mut in_dicts = false;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[') {
            in_dicts = line.eq_ignore_ascii_case("[Dictionaries]");
            continue;
        }
        if !in_dicts {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        let v = v.trim().to_string();
        match k.trim() {
            "verbfile_name" => set.verbs = Some(v),
            "actorfile_list" => {
                set.actors = v
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            }
            "agentfile_name" => set.agents = Some(v),
            "discardfile_name" => set.discards = Some(v),
            _ => {}
        }
    }
    set
}

fn by_convention(dir: &Path) -> Result<FileSet> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    let mut set = FileSet::default();
    for n in names {
        let l = n.to_lowercase();
        if l.ends_with(".actors.txt") {
            set.actors.push(n);
        } else if l.contains("verbs") && l.ends_with(".txt")
            || (l.starts_with("cameo") && l.ends_with(".txt"))
        {
            set.verbs.get_or_insert(n);
        } else if l.contains("agents") && l.ends_with(".txt") {
            set.agents.get_or_insert(n);
        } else if l.contains("discards") && l.ends_with(".txt") {
            set.discards.get_or_insert(n);
        }
    }
    if set.verbs.is_none() && set.actors.is_empty() {
        return Err(Error::Other(format!(
            "{}: no PETRARCH dictionaries found (PETR_config.ini, *verbs*.txt, *.actors.txt)",
            dir.display()
        )));
    }
    Ok(set)
}

/// Strips `<!-- -->` comments (possibly spanning lines) and `#` comments, keeping
/// line numbers: returns (1-based line, raw line with indentation, content).
fn clean_lines(text: &str) -> Vec<(usize, bool, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut s = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(p) => {
                        rest = &rest[p + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(p) => {
                        s.push_str(&rest[..p]);
                        rest = &rest[p + 4..];
                        in_comment = true;
                    }
                    None => {
                        s.push_str(rest);
                        break;
                    }
                }
            }
        }
        let s = s.split('#').next().unwrap_or("").to_string();
        // A stray `<!` line (unterminated comment opener) is skipped.
        if s.trim().is_empty() || s.trim_start().starts_with("<!") {
            continue;
        }
        let indented = s.starts_with([' ', '\t']);
        out.push((i + 1, indented, s.trim().to_string()));
    }
    out
}

fn syntax(file: &Arc<str>, line: usize, message: impl Into<String>) -> Error {
    Error::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Words of a PETRARCH phrase: `_` and spaces separate words; normalised lower case.
fn words(s: &str) -> Vec<String> {
    s.split([' ', '_'])
        .filter(|w| !w.is_empty())
        .map(crate::tokens::normalize_word)
        .collect()
}

fn synset_members(label_no_plural: bool, member: &str) -> Vec<Vec<String>> {
    let no_plural = label_no_plural || member.ends_with('_');
    let w = words(member.trim_end_matches('_'));
    if w.is_empty() {
        return Vec::new();
    }
    let mut out = vec![w.clone()];
    if !no_plural {
        if let Some(last) = w.last() {
            for p in plurals(last) {
                let mut v = w.clone();
                *v.last_mut().unwrap() = p;
                out.push(v);
            }
        }
    }
    out
}

/// Parses a TABARI/PETRARCH-1 or PETRARCH2 verb dictionary.
pub fn parse_verbs(text: &str, file: &Arc<str>, d: &mut Dictionaries) -> Result<()> {
    let mut synset: Option<(String, bool)> = None;
    let mut block_code = CodePair::default();
    // Verbs of the current block (indices into d.verbs); patterns go to all of them.
    let mut block: Vec<usize> = Vec::new();
    let mut block_patterns: Vec<Pattern> = Vec::new();
    let flush = |d: &mut Dictionaries, block: &mut Vec<usize>, pats: &mut Vec<Pattern>| {
        for &i in block.iter() {
            d.verbs[i].patterns.extend(pats.iter().cloned());
        }
        block.clear();
        pats.clear();
    };
    for (n, _indented, line) in clean_lines(text) {
        if let Some(label) = line.strip_prefix('&') {
            flush(d, &mut block, &mut block_patterns);
            let label = label.split_whitespace().next().unwrap_or("");
            let no_plural = label.ends_with('_');
            let name = label.trim_end_matches('_').to_lowercase();
            d.synsets.entry(name.clone()).or_default();
            synset = Some((name, no_plural));
            continue;
        }
        if line.starts_with("---") {
            flush(d, &mut block, &mut block_patterns);
            synset = None;
            let inner = line.trim_matches('-').trim();
            block_code = match (inner.find('['), inner.find(']')) {
                // Unusual block codes (`[+++]`, `[023?]`) are treated as the null code.
                (Some(a), Some(b)) if b > a => CodePair::parse(&inner[a..=b]).unwrap_or_default(),
                _ => CodePair::default(),
            };
            continue;
        }
        if line.starts_with('~') {
            // PETRARCH2 verb-combination transformations: not used by this coder.
            continue;
        }
        if let Some(rest) = line.strip_prefix('-') {
            synset = None;
            if block.is_empty() {
                return Err(syntax(file, n, "pattern outside a verb block"));
            }
            // A pattern whose code was eaten by a comment (`[###]`) is ignored, as in PETRARCH.
            let Some((pat, code)) = split_code(rest) else {
                continue;
            };
            let Some(code) = CodePair::parse(&code) else {
                continue;
            };
            match super::own::parse_pattern(&pat, '&') {
                Ok(elems) => block_patterns.push(Pattern {
                    elems,
                    code,
                    text: pat.trim().to_string(),
                    origin: Origin {
                        file: file.clone(),
                        line: n,
                    },
                }),
                // PETRARCH ignores patterns it cannot use; so do we (they are rare).
                Err(_) => continue,
            }
            continue;
        }
        if let Some(member) = line.strip_prefix('+') {
            if let Some((name, no_plural)) = &synset {
                let m = synset_members(*no_plural, member.trim());
                d.synsets.get_mut(name).expect("synset exists").extend(m);
                continue;
            }
        }
        // A verb line: `VERB [code] {FORMS}`, or `+MULTI_WORD`, `WIRE_+TAP`.
        synset = None;
        if block.is_empty() && !block_patterns.is_empty() {
            flush(d, &mut block, &mut block_patterns);
        }
        let (head, code) = match split_code(&line) {
            Some((h, c)) => (h, Some(CodePair::parse(&c).unwrap_or_default())),
            None => (line.clone(), None),
        };
        let (lemma, irregular) = match head.split_once('{') {
            Some((l, f)) => (
                l.trim().to_string(),
                f.trim_end_matches('}')
                    .split_whitespace()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
            ),
            None => (head.trim().to_string(), Vec::new()),
        };
        if lemma.is_empty() {
            continue;
        }
        let mut forms = match super::own::verb_forms(&lemma.replace('_', " "), &[]) {
            Some(f) => f,
            None => continue,
        };
        if !irregular.is_empty() {
            forms.truncate(1);
            let head_idx = forms[0].head;
            for f in irregular {
                let ws: Vec<String> = f
                    .split('_')
                    .filter(|w| !w.is_empty())
                    .map(|w| crate::tokens::normalize_word(w.trim_start_matches('+')))
                    .collect();
                if ws.is_empty() {
                    continue;
                }
                let h = f
                    .split('_')
                    .filter(|w| !w.is_empty())
                    .position(|w| w.starts_with('+'))
                    .unwrap_or(head_idx.min(ws.len() - 1));
                let gerund = ws[h].ends_with("ing");
                let third = ws[h].ends_with('s') && !ws[h].ends_with("ss");
                forms.push(VerbForm {
                    words: ws,
                    head: h,
                    participle: !gerund && !third,
                    gerund,
                });
            }
        }
        let lemma_norm = words(&lemma.replace('+', "")).join(" ");
        d.verbs.push(VerbEntry {
            lemma: lemma_norm,
            forms,
            code: code.unwrap_or_else(|| block_code.clone()),
            patterns: Vec::new(),
            origin: Origin {
                file: file.clone(),
                line: n,
            },
        });
        block.push(d.verbs.len() - 1);
    }
    flush(d, &mut block, &mut block_patterns);
    Ok(())
}

/// Splits `text [CODE] rest` into (text, CODE).
fn split_code(s: &str) -> Option<(String, String)> {
    let a = s.rfind('[')?;
    let b = s[a..].find(']')? + a;
    Some((s[..a].to_string(), s[a + 1..b].trim().to_string()))
}

/// Parses a PETRARCH date: YYMMDD or YYYYMMDD; two-digit years 00-30 are 20xx.
fn parse_pdate(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match s.len() {
        8 => Date::new(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..8].parse().ok()?,
        ),
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            Date::new(y, s[2..4].parse().ok()?, s[4..6].parse().ok()?)
        }
        _ => None,
    }
}

/// Parses `CODE`, `CODE <d`, `CODE >d`, `CODE d1-d2`.
fn parse_dated(s: &str) -> Option<DatedCode> {
    let s = s.trim();
    let (code, rest) = match s.find([' ', '\t', '<', '>']) {
        Some(p) => (&s[..p], s[p..].trim()),
        None => (s, ""),
    };
    let code = code.trim().to_uppercase();
    let (from, to) = if rest.is_empty() {
        (None, None)
    } else if let Some(d) = rest.strip_prefix('<') {
        (None, Some(parse_pdate(d)?))
    } else if let Some(d) = rest.strip_prefix('>') {
        (Some(parse_pdate(d)?), None)
    } else {
        let (a, b) = rest.split_once('-')?;
        (Some(parse_pdate(a)?), Some(parse_pdate(b)?))
    };
    Some(DatedCode { code, from, to })
}

/// Parses an actors file.
pub fn parse_actors(text: &str, file: &Arc<str>, d: &mut Dictionaries) -> Result<()> {
    let mut cur: Option<ActorEntry> = None;
    let mut index: HashMap<String, usize> = HashMap::new();
    let finish =
        |cur: &mut Option<ActorEntry>, d: &mut Dictionaries, index: &mut HashMap<String, usize>| {
            if let Some(e) = cur.take() {
                let key = e.name.to_lowercase();
                // The same phrase in several records concatenates code lists.
                if let Some(&i) = index.get(&key) {
                    d.actors[i].codes.extend(e.codes);
                    d.actors[i].phrases.extend(e.phrases.into_iter().skip(1));
                } else {
                    index.insert(key, d.actors.len());
                    d.actors.push(e);
                }
            }
        };
    for (n, indented, line) in clean_lines(text) {
        if line.starts_with('[') {
            let e = cur
                .as_mut()
                .ok_or_else(|| syntax(file, n, "code line outside an entry"))?;
            push_codes(codes_in(&line), &mut e.codes, &mut d.warnings, file, n);
            continue;
        }
        if let Some(syn) = line.strip_prefix('+') {
            let e = cur
                .as_mut()
                .ok_or_else(|| syntax(file, n, "synonym outside an entry"))?;
            let (phrase, codes) = match syn.find('[') {
                Some(p) => (&syn[..p], codes_in(&syn[p..])),
                None => (syn, Vec::new()),
            };
            e.phrases.push(petrarch_phrase(phrase));
            push_codes(codes, &mut e.codes, &mut d.warnings, file, n);
            continue;
        }
        let _ = indented;
        finish(&mut cur, d, &mut index);
        let (phrase, codes) = match line.find('[') {
            Some(p) => (line[..p].trim().to_string(), codes_in(&line[p..])),
            None => (line.trim().to_string(), Vec::new()),
        };
        let mut codes_parsed = Vec::new();
        for c in codes {
            match parse_dated(&c) {
                Some(dc) => codes_parsed.push(dc),
                None => d
                    .warnings
                    .push(format!("{file}:{n}: bad code [{c}] skipped")),
            }
        }
        cur = Some(ActorEntry {
            name: phrase.trim_end_matches('_').replace('_', " "),
            phrases: vec![petrarch_phrase(&phrase)],
            codes: codes_parsed,
            kind: ActorKind::Other,
            origin: Origin {
                file: file.clone(),
                line: n,
            },
        });
    }
    finish(&mut cur, d, &mut index);
    Ok(())
}

/// A PETRARCH phrase: words separated by `_` or space; a trailing `_` is accepted and
/// ignored. Words match whole: the unit tests show it (`THE_KU` must not match
/// "The Kuwait"), although TABARI's manual describes stems.
/// A phrase of normalised words, none of them case-sensitive.
fn exact_phrase(words: Vec<String>) -> Phrase {
    Phrase {
        words: words
            .into_iter()
            .map(|norm| PhraseWord {
                norm,
                surface: None,
            })
            .collect(),
    }
}

fn petrarch_phrase(s: &str) -> Phrase {
    exact_phrase(words(s.trim().trim_end_matches('_')))
}

/// Adds the codes that parse to `out`; each one that does not is a warning.
fn push_codes(
    codes: Vec<String>,
    out: &mut Vec<DatedCode>,
    warnings: &mut Vec<String>,
    file: &Arc<str>,
    n: usize,
) {
    for c in codes {
        match parse_dated(&c) {
            Some(dc) => out.push(dc),
            None => warnings.push(format!("{file}:{n}: bad code [{c}] skipped")),
        }
    }
}

fn codes_in(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(a) = rest.find('[') {
        let Some(b) = rest[a..].find(']') else { break };
        out.push(rest[a + 1..a + b].trim().to_string());
        rest = &rest[a + b + 1..];
    }
    out
}

/// Parses an agents file.
pub fn parse_agents(text: &str, file: &Arc<str>, d: &mut Dictionaries) -> Result<()> {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for (n, _, line) in clean_lines(text) {
        if line.starts_with('!') {
            if let Some((k, v)) = line.split_once('=') {
                sets.insert(
                    k.trim().to_string(),
                    v.split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect(),
                );
                continue;
            }
        }
        let Some((head, code)) = split_code(&line) else {
            d.warnings
                .push(format!("{file}:{n}: agent without [CODE] skipped"));
            continue;
        };
        let code = code.replace(' ', "");
        let (phrase, plurals_given) = match head.split_once('{') {
            Some((p, pl)) => (
                p.trim().to_string(),
                Some(
                    pl.trim_end()
                        .trim_end_matches('}')
                        .split_whitespace()
                        .map(|s| s.to_string())
                        .collect::<Vec<_>>(),
                ),
            ),
            None => (head.trim().to_string(), None),
        };
        // Expand substitution sets: CONGRESS!PERSON! -> CONGRESSMAN, CONGRESSMEN...
        let mut variants = vec![phrase.clone()];
        for (k, vals) in &sets {
            if phrase.contains(k.as_str()) {
                variants = vals.iter().map(|v| phrase.replace(k.as_str(), v)).collect();
            }
        }
        let mut phrases = Vec::new();
        for v in &variants {
            let w = words(v);
            if w.is_empty() {
                continue;
            }
            phrases.push(exact_phrase(w.clone()));
            match &plurals_given {
                Some(list) => {
                    for p in list {
                        let pw = words(p);
                        if !pw.is_empty() {
                            phrases.push(exact_phrase(pw));
                        }
                    }
                }
                None if variants.len() == 1 => {
                    for p in plurals(w.last().unwrap()) {
                        let mut pw = w.clone();
                        *pw.last_mut().unwrap() = p;
                        phrases.push(exact_phrase(pw));
                    }
                }
                None => {}
            }
        }
        if phrases.is_empty() {
            continue;
        }
        d.agents.push(AgentEntry {
            name: phrase.replace('_', " "),
            phrases,
            code,
            origin: Origin {
                file: file.clone(),
                line: n,
            },
        });
    }
    Ok(())
}

/// Parses a discards file.
pub fn parse_discards(text: &str, file: &Arc<str>, d: &mut Dictionaries) -> Result<()> {
    for (n, indented, line) in clean_lines(text) {
        if indented || line.starts_with('[') {
            continue;
        }
        let (story, p) = match line.strip_prefix('+') {
            Some(p) => (true, p),
            None => (false, line.as_str()),
        };
        let whole_word = p.trim().ends_with('_');
        let w = words(p.trim().trim_end_matches('_'));
        if w.is_empty() {
            continue;
        }
        d.discards.push(Discard {
            phrase: exact_phrase(w),
            story,
            whole_word,
            origin: Origin {
                file: file.clone(),
                line: n,
            },
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_codes() {
        let c = parse_dated("HOBGOV 19950601 - 19990815").unwrap();
        assert_eq!(
            (
                c.code.as_str(),
                c.from.unwrap().to_string(),
                c.to.unwrap().to_string()
            ),
            ("HOBGOV", "1995-06-01".into(), "1999-08-15".into())
        );
        let c = parse_dated("HOB < 950601").unwrap();
        assert_eq!(c.to.unwrap().to_string(), "1995-06-01");
        let c = parse_dated("RUSGOV >20000507").unwrap();
        assert_eq!(c.from.unwrap().to_string(), "2000-05-07");
        assert_eq!(parse_dated("X >300101").unwrap().from.unwrap().year, 2030);
        assert_eq!(parse_dated("X >310101").unwrap().from.unwrap().year, 1931);
    }

    #[test]
    fn actors_and_agents() {
        let mut d = Dictionaries::default();
        let f: Arc<str> = Arc::from("a.txt");
        parse_actors("<!-- x\n y -->\nGOLLUM # c\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\nARNOR_ [ARN]\n", &f, &mut d).unwrap();
        assert_eq!(d.actors.len(), 2);
        assert_eq!(d.actors[0].codes.len(), 2);
        assert_eq!(d.actors[0].phrases[1].words[0].norm, "smeagol");
        assert_eq!(d.actors[1].phrases[0].words[0].norm, "arnor");
        parse_agents(
            "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [ ~COP]\nPRESIDENT [~GOV]\n",
            &f,
            &mut d,
        )
        .unwrap();
        assert_eq!(d.agents[0].phrases.len(), 2);
        assert_eq!(d.agents[1].code, "~COP");
        assert_eq!(d.agents[1].phrases.len(), 1);
        assert_eq!(d.agents[2].phrases.len(), 2);
    }

    #[test]
    fn verbs() {
        let mut d = Dictionaries::default();
        let f: Arc<str> = Arc::from("v.txt");
        let text = "&TIES\n+MILITARY\n\n--- ABANDON [345] ---\nABANDON\nKLM_NOP_+RST [002]\n- * NEW_&TIES_RELATIONS [903]\n--- FIGHT [190] ---\nFIGHT {FOUGHT FIGHTS FIGHTING}\n- * (FOR {FINANCIAL AID}) [071]\n~ a (a b ATTACK) SAY = a b 015\n";
        parse_verbs(text, &f, &mut d).unwrap();
        assert_eq!(d.verbs.len(), 3);
        assert_eq!(d.verbs[0].code.active.as_deref(), Some("345"));
        assert_eq!(d.verbs[1].code.active.as_deref(), Some("002"));
        assert_eq!(d.verbs[1].forms[0].head, 2);
        assert_eq!(d.verbs[0].patterns.len(), 1);
        assert_eq!(d.verbs[1].patterns.len(), 1);
        assert!(d.verbs[2]
            .forms
            .iter()
            .any(|f| f.words == ["fought"] && f.participle));
        assert_eq!(
            d.synsets["ties"],
            vec![vec!["military".to_string()], vec!["militaries".to_string()]]
        );
    }
}

//! Loader for the project's own dictionary format (docs/DICTIONARIES.md).

use super::*;
use crate::error::Error;

/// Loads every dictionary file under `dir`.
pub fn load_dir(dir: &Path) -> Result<Dictionaries> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    if files.is_empty() {
        return Err(Error::Other(format!(
            "{}: no dictionary files (*.txt) found",
            dir.display()
        )));
    }
    load_files(&files)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(root, &p, out)?;
        } else if p.extension().is_some_and(|e| e == "txt") {
            let bytes = std::fs::read(&p).map_err(|e| Error::io(&p, e))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Error::Other(format!(
                    "{}: invalid UTF-8 at byte {}",
                    p.display(),
                    e.utf8_error().valid_up_to()
                ))
            })?;
            let rel = p
                .strip_prefix(root)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, text));
        }
    }
    Ok(())
}

/// Loads dictionary files given as `(path relative to the dictionary root, contents)`.
/// The path decides the kind: `cameo.txt`, `agents.txt`, `discards.txt`, `actors/...`,
/// `verbs/...`.
pub fn load_files(files: &[(String, String)]) -> Result<Dictionaries> {
    let mut d = Dictionaries::default();
    // Synsets first: patterns refer to them across files.
    for (name, text) in files {
        let file: Arc<str> = Arc::from(name.as_str());
        let base = name.rsplit('/').next().unwrap_or(name);
        if base == "cameo.txt" {
            let t = CameoTable::parse(text, name)?;
            for c in t.codes() {
                if let Some(e) = t.lookup(c) {
                    d.cameo.insert(e.clone());
                }
            }
        } else if base.starts_with("agents") {
            parse_agents(text, &file, &mut d)?;
        } else if base.starts_with("discards") {
            parse_discards(text, &file, &mut d)?;
        } else if name.starts_with("actors/") || name.contains("/actors/") {
            parse_actors(text, &file, &mut d)?;
        } else if name.starts_with("verbs/") || name.contains("/verbs/") {
            parse_verbs(text, &file, &mut d)?;
        } else {
            return Err(Error::Other(format!("{name}: unknown dictionary file (expected cameo.txt, agents.txt, discards.txt, actors/*.txt or verbs/*.txt)")));
        }
    }
    merge_verbs(&mut d);
    check_synsets(&d)?;
    Ok(d)
}

fn syntax(file: &Arc<str>, line: usize, message: impl Into<String>) -> Error {
    Error::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Lines with comments removed: (1-based number, indented?, content).
fn lines(text: &str) -> impl Iterator<Item = (usize, bool, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.split('#').next().unwrap_or("");
        let content = l.trim();
        if content.is_empty() {
            None
        } else {
            Some((i + 1, l.starts_with([' ', '\t']), content))
        }
    })
}

/// Parses a date in a code range: `YYYY-MM-DD` or `YYYY-MM`.
fn parse_range_date(s: &str) -> Option<Date> {
    Date::parse(s).or_else(|| {
        if s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) {
            return Date::new(s.parse().ok()?, 1, 1);
        }
        let (y, m) = s.split_once('-')?;
        if y.len() == 4 && m.len() == 2 {
            Date::new(y.parse().ok()?, m.parse().ok()?, 1)
        } else {
            None
        }
    })
}

fn parse_code_line(content: &str, file: &Arc<str>, line: usize) -> Result<DatedCode> {
    let mut parts = content.split_whitespace();
    let code = parts.next().unwrap_or("");
    if code.is_empty()
        || !code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Err(syntax(
            file,
            line,
            format!("bad actor code {code:?}: expected upper-case letters, e.g. RUSGOV"),
        ));
    }
    let (from, to) = match parts.next() {
        None => (None, None),
        Some(r) => {
            let (a, b) = r.split_once("..").ok_or_else(|| {
                syntax(
                    file,
                    line,
                    format!("bad date range {r:?}: expected FROM..TO"),
                )
            })?;
            let pd = |s: &str| -> Result<Option<Date>> {
                if s.is_empty() {
                    Ok(None)
                } else {
                    parse_range_date(s).map(Some).ok_or_else(|| {
                        syntax(
                            file,
                            line,
                            format!("bad date {s:?}: expected YYYY-MM-DD, YYYY-MM or YYYY"),
                        )
                    })
                }
            };
            let (f, t) = (pd(a)?, pd(b)?);
            if let (Some(f), Some(t)) = (f, t) {
                if f >= t {
                    return Err(syntax(file, line, format!("empty date range {r}")));
                }
            }
            (f, t)
        }
    };
    if let Some(extra) = parts.next() {
        return Err(syntax(
            file,
            line,
            format!("unexpected {extra:?} after the code"),
        ));
    }
    Ok(DatedCode {
        code: code.to_string(),
        from,
        to,
    })
}

fn parse_kind(s: &str) -> Option<ActorKind> {
    Some(match s {
        "country" => ActorKind::Country,
        "organisation" | "organization" => ActorKind::Organisation,
        "group" => ActorKind::Group,
        "person" => ActorKind::Person,
        "place" | "other" => ActorKind::Other,
        _ => return None,
    })
}

/// One entry of an actor or agent file: an unindented head line and its indented
/// lines (`+alias` or a code), each with its 1-based line number.
struct Block<'a> {
    line: usize,
    head: &'a str,
    body: Vec<(usize, &'a str)>,
}

/// Splits a file into [`Block`]s; the one block parser for actors and agents.
fn blocks<'a>(text: &'a str, file: &Arc<str>) -> Result<Vec<Block<'a>>> {
    let mut out: Vec<Block<'a>> = Vec::new();
    for (n, indented, content) in lines(text) {
        if !indented {
            out.push(Block {
                line: n,
                head: content,
                body: Vec::new(),
            });
            continue;
        }
        out.last_mut()
            .ok_or_else(|| syntax(file, n, "indented line outside an entry"))?
            .body
            .push((n, content));
    }
    Ok(out)
}

fn origin(file: &Arc<str>, line: usize) -> Origin {
    Origin {
        file: file.clone(),
        line,
    }
}

fn parse_actors(text: &str, file: &Arc<str>, d: &mut Dictionaries) -> Result<()> {
    let mut kind = ActorKind::Other;
    for b in blocks(text, file)? {
        if let Some(k) = b.head.strip_prefix("@kind") {
            kind = parse_kind(k.trim())
                .ok_or_else(|| syntax(file, b.line, format!("unknown kind {:?}", k.trim())))?;
            if let Some(&(n, _)) = b.body.first() {
                return Err(syntax(file, n, "indented line outside an entry"));
            }
            continue;
        }
        let phrase = Phrase::parse(b.head, true);
        if phrase.words.is_empty() {
            return Err(syntax(file, b.line, "empty name"));
        }
        let mut phrases = vec![phrase];
        let mut codes = Vec::new();
        for &(n, content) in &b.body {
            if let Some(alias) = content.strip_prefix('+') {
                let p = Phrase::parse(alias.trim(), true);
                if p.words.is_empty() {
                    return Err(syntax(file, n, "empty alias"));
                }
                phrases.push(p);
            } else {
                codes.push(parse_code_line(content, file, n)?);
            }
        }
        if codes.is_empty() {
            return Err(syntax(
                file,
                b.line,
                format!("{:?} has no code line", b.head),
            ));
        }
        d.actors.push(ActorEntry {
            name: b.head.to_string(),
            phrases,
            codes,
            kind,
            origin: origin(file, b.line),
        });
    }
    Ok(())
}

fn parse_agents(text: &str, file: &Arc<str>, d: &mut Dictionaries) -> Result<()> {
    for b in blocks(text, file)? {
        let head = Phrase::parse(b.head, true);
        if head.words.is_empty() {
            return Err(syntax(file, b.line, "empty agent name"));
        }
        let mut phrases = vec![head];
        let mut code = String::new();
        for &(n, content) in &b.body {
            if let Some(alias) = content.strip_prefix('+') {
                let p = Phrase::parse(alias.trim(), true);
                if p.words.is_empty() {
                    return Err(syntax(file, n, "empty alias"));
                }
                phrases.push(p);
                continue;
            }
            let c = content.trim();
            let bare = c.trim_matches('~');
            if bare.is_empty()
                || !bare.chars().all(|x| x.is_ascii_uppercase())
                || c.split_whitespace().count() != 1
            {
                return Err(syntax(
                    file,
                    n,
                    format!("bad agent code {c:?}: expected ~CODE, CODE~ or CODE"),
                ));
            }
            if !code.is_empty() {
                return Err(syntax(file, n, "an agent has one code"));
            }
            code = c.to_string();
        }
        if code.is_empty() {
            return Err(syntax(
                file,
                b.line,
                format!("agent {:?} has no ~CODE line", b.head),
            ));
        }
        d.agents.push(AgentEntry {
            name: b.head.to_string(),
            phrases,
            code,
            origin: origin(file, b.line),
        });
    }
    Ok(())
}

fn parse_discards(text: &str, file: &Arc<str>, d: &mut Dictionaries) -> Result<()> {
    for (n, _, content) in lines(text) {
        let (story, phrase) = if let Some(p) = content.strip_prefix("story:") {
            (true, p)
        } else if let Some(p) = content.strip_prefix("sentence:") {
            (false, p)
        } else {
            return Err(syntax(
                file,
                n,
                "expected `sentence: PHRASE` or `story: PHRASE`",
            ));
        };
        let phrase = Phrase::parse(phrase.trim(), false);
        if phrase.words.is_empty() {
            return Err(syntax(file, n, "empty discard phrase"));
        }
        d.discards.push(Discard {
            phrase,
            story,
            whole_word: true,
            origin: origin(file, n),
        });
    }
    Ok(())
}

fn parse_verbs(text: &str, file: &Arc<str>, d: &mut Dictionaries) -> Result<()> {
    let mut cur: Option<VerbEntry> = None;
    for (n, indented, content) in lines(text) {
        if let Some(def) = content.strip_prefix('@').filter(|_| !indented) {
            let (name, members) = def
                .split_once(':')
                .ok_or_else(|| syntax(file, n, "expected `@name: a | b c | d`"))?;
            let name = name.trim().to_lowercase();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(syntax(file, n, format!("bad synset name {name:?}")));
            }
            let members: Vec<Vec<String>> = members
                .split('|')
                .map(|m| {
                    Phrase::parse(m.trim(), false)
                        .words
                        .into_iter()
                        .map(|w| w.norm)
                        .collect::<Vec<_>>()
                })
                .filter(|m| !m.is_empty())
                .collect();
            if members.is_empty() {
                return Err(syntax(file, n, "empty synset"));
            }
            if d.synsets.insert(name.clone(), members).is_some() {
                return Err(syntax(file, n, format!("synset @{name} is defined twice")));
            }
            continue;
        }
        if !indented {
            if let Some(v) = cur.take() {
                d.verbs.push(v);
            }
            let rest = content
                .strip_prefix("verb ")
                .ok_or_else(|| syntax(file, n, "expected `verb LEMMA = CODE` or `@synset: ...`"))?;
            let (head, code) = rest.rsplit_once('=').ok_or_else(|| {
                syntax(file, n, "verb line needs `= CODE` (use `= ---` for none)")
            })?;
            let code = CodePair::parse(code)
                .ok_or_else(|| syntax(file, n, format!("bad code {:?}", code.trim())))?;
            let (lemma, irregular) = match head.split_once('(') {
                Some((l, irr)) => {
                    let irr = irr
                        .trim()
                        .strip_suffix(')')
                        .ok_or_else(|| syntax(file, n, "unclosed ( in irregular forms"))?;
                    (
                        l.trim(),
                        irr.split(',')
                            .map(|s| s.trim().to_lowercase())
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>(),
                    )
                }
                None => (head.trim(), Vec::new()),
            };
            if lemma.is_empty() {
                return Err(syntax(file, n, "missing verb lemma"));
            }
            let forms = verb_forms(lemma, &irregular)
                .ok_or_else(|| syntax(file, n, format!("bad verb lemma {lemma:?}")))?;
            cur = Some(VerbEntry {
                lemma: lemma.replace('+', "").to_lowercase(),
                forms,
                code,
                patterns: Vec::new(),
                origin: origin(file, n),
            });
            continue;
        }
        let v = cur
            .as_mut()
            .ok_or_else(|| syntax(file, n, "pattern outside a verb block"))?;
        let (pat, code) = content
            .rsplit_once('=')
            .ok_or_else(|| syntax(file, n, "pattern needs `= CODE`"))?;
        let code = CodePair::parse(code)
            .ok_or_else(|| syntax(file, n, format!("bad code {:?}", code.trim())))?;
        let elems = parse_pattern(pat, '@').map_err(|m| syntax(file, n, m))?;
        v.patterns.push(Pattern {
            elems,
            code,
            text: pat.trim().to_string(),
            origin: origin(file, n),
        });
    }
    if let Some(v) = cur.take() {
        d.verbs.push(v);
    }
    Ok(())
}

/// Builds the forms of a (possibly multi-word) lemma; `+` marks the inflected word.
pub(crate) fn verb_forms(lemma: &str, irregular: &[String]) -> Option<Vec<VerbForm>> {
    let raw: Vec<&str> = lemma.split([' ', '_']).filter(|w| !w.is_empty()).collect();
    if raw.is_empty() {
        return None;
    }
    let head = raw.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let words: Vec<String> = raw
        .iter()
        .map(|w| crate::tokens::normalize_word(w.trim_start_matches('+')))
        .collect();
    if words.iter().any(|w| w.is_empty()) {
        return None;
    }
    let mut forms = Vec::new();
    let mut add = |form: String, participle: bool, gerund: bool| {
        let mut ws = words.clone();
        ws[head] = form;
        if !forms.iter().any(|f: &VerbForm| f.words == ws) {
            forms.push(VerbForm {
                words: ws,
                head,
                participle,
                gerund,
            });
        } else if participle {
            if let Some(f) = forms.iter_mut().find(|f| f.words == ws) {
                f.participle = true;
            }
        }
    };
    for (f, part, ger) in regular_forms(&words[head]) {
        // Irregular verbs replace the regular -ed form.
        if part && !irregular.is_empty() {
            continue;
        }
        add(f, part, ger);
    }
    for (i, f) in irregular.iter().enumerate() {
        // (PAST, PARTICIPLE): the participle is the last one; a single form is both.
        add(
            f.clone(),
            i + 1 == irregular.len() || irregular.len() == 1,
            false,
        );
    }
    Some(forms)
}

/// Parses a pattern: `*` verb, `+` target, `$` source, `%` compound, `^` skip,
/// `a_b` adjacency, `(a|b)` alternatives, `@syn`/`&SYN` synsets, `{MOD HEAD}` phrases.
pub(crate) fn parse_pattern(
    text: &str,
    synset_sigil: char,
) -> std::result::Result<Vec<PatternElem>, String> {
    let mut elems: Vec<PatternElem> = Vec::new();
    let text = text.trim();
    // Treat `{...}` (PETRARCH2 noun phrases) as adjacent word runs.
    let text = text.replace(['{', '}'], " ");
    for chunk in text.split_whitespace() {
        let mut first = true;
        let mut alt_buf = String::new();
        // Split on '_' except inside parentheses.
        let mut parts = Vec::new();
        let mut depth = 0;
        let mut cur = String::new();
        for c in chunk.chars() {
            match c {
                '(' => {
                    depth += 1;
                    cur.push(c)
                }
                ')' => {
                    depth -= 1;
                    cur.push(c)
                }
                // In the project's format a synset name may contain `_`: `@econ_aid`.
                '_' if depth == 0 && !(synset_sigil == '@' && cur.starts_with('@')) => {
                    parts.push(std::mem::take(&mut cur))
                }
                _ => cur.push(c),
            }
        }
        parts.push(cur);
        let _ = &mut alt_buf;
        for part in parts {
            let adjacent = !first;
            first = false;
            if part.is_empty() {
                continue;
            }
            let elem = match part.as_str() {
                "*" => Elem::Verb,
                "+" => Elem::Target,
                "$" => Elem::Source,
                "%" => Elem::Compound,
                "^" => Elem::Skip,
                p if p.starts_with(synset_sigil) || p.starts_with('&') || p.starts_with('@') => {
                    let name = p[1..].trim_end_matches(['_']).to_lowercase();
                    if name.is_empty() {
                        return Err(format!("empty synset name in {p:?}"));
                    }
                    Elem::Synset(name)
                }
                p if p.starts_with('(') => {
                    let inner = p
                        .strip_prefix('(')
                        .and_then(|x| x.strip_suffix(')'))
                        .ok_or_else(|| format!("unbalanced parenthesis in {p:?}"))?;
                    let alts: Vec<Vec<String>> = inner
                        .split('|')
                        .map(|a| {
                            a.split([' ', '_'])
                                .filter(|w| !w.is_empty())
                                .map(crate::tokens::normalize_word)
                                .collect::<Vec<_>>()
                        })
                        .filter(|a| !a.is_empty())
                        .collect();
                    if alts.is_empty() {
                        return Err(format!("empty alternatives {p:?}"));
                    }
                    Elem::Words(alts)
                }
                p => {
                    // A word may carry a trailing `+`/`*` glued without `_`? Not supported: be strict.
                    if p.contains(['*', '$', '[', ']', '{', '}', '=']) {
                        return Err(format!("unexpected character in pattern word {p:?}"));
                    }
                    let toks = crate::tokens::tokenize(p, [0, p.len()]);
                    let words: Vec<String> = toks
                        .into_iter()
                        .map(|t| t.norm)
                        .filter(|w| w != "-")
                        .collect();
                    if words.is_empty() {
                        continue;
                    }
                    Elem::Words(vec![words])
                }
            };
            elems.push(PatternElem { elem, adjacent });
        }
    }
    let verbs = elems.iter().filter(|e| e.elem == Elem::Verb).count();
    if verbs != 1 {
        return Err(format!(
            "a pattern needs exactly one `*` (the verb), found {verbs}"
        ));
    }
    Ok(elems)
}

/// Merges verb blocks with the same lemma (the first block's default code wins unless
/// it is `---`).
fn merge_verbs(d: &mut Dictionaries) {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<VerbEntry> = Vec::with_capacity(d.verbs.len());
    for v in std::mem::take(&mut d.verbs) {
        match index.get(&v.lemma) {
            Some(&i) => {
                let e = &mut out[i];
                if e.code.active.is_none() && v.code.active.is_some() {
                    e.code = v.code.clone();
                }
                for f in v.forms {
                    if !e.forms.contains(&f) {
                        e.forms.push(f);
                    }
                }
                e.patterns.extend(v.patterns);
            }
            None => {
                index.insert(v.lemma.clone(), out.len());
                out.push(v);
            }
        }
    }
    d.verbs = out;
}

fn check_synsets(d: &Dictionaries) -> Result<()> {
    for v in &d.verbs {
        for p in &v.patterns {
            for e in &p.elems {
                if let Elem::Synset(name) = &e.elem {
                    if !d.synsets.contains_key(name) {
                        return Err(Error::Syntax {
                            file: p.origin.file.to_string(),
                            line: p.origin.line,
                            message: format!("unknown synset @{name}"),
                        });
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn loads_each_kind() {
        let d = load_files(&files(&[
            ("cameo.txt", "190\t-10.0\tASSAULT\tUse conventional military force\n"),
            ("agents.txt", "foreign minister\n  + foreign ministers\n  ~GOV\n"),
            ("discards.txt", "sentence: war on drugs\nstory: box office\n"),
            ("actors/people.txt", "@kind person\nVladimir Putin\n  + Putin\n  RUSGOV 2000-05-07..\n  RUSELI\n"),
            ("verbs/19.txt", "@weapon: missile | artillery shell\nverb attack = 190\n  * + with @weapon = 195\nverb fight (fought, fought) = 190\n"),
        ]))
        .unwrap();
        assert_eq!(d.actors[0].phrases.len(), 2);
        assert_eq!(d.actors[0].kind, ActorKind::Person);
        assert_eq!(d.agents[0].code, "~GOV");
        assert!(d.discards[1].story);
        assert_eq!(d.verbs[0].patterns[0].elems.len(), 4);
        assert!(d.verbs[1]
            .forms
            .iter()
            .any(|f| f.words == ["fought"] && f.participle));
        assert_eq!(d.synsets["weapon"][1], ["artillery", "shell"]);
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            (
                ("actors/x.txt", "Putin\n  RUSGOV 2000-13-01..\n"),
                "actors/x.txt:2: bad date \"2000-13-01\"",
            ),
            (
                ("actors/x.txt", "Putin\n"),
                "actors/x.txt:1: \"Putin\" has no code line",
            ),
            (
                ("verbs/x.txt", "verb attack 190\n"),
                "verbs/x.txt:1: verb line needs",
            ),
            (
                ("verbs/x.txt", "verb attack = 190\n  + with = 195\n"),
                "verbs/x.txt:2: a pattern needs exactly one",
            ),
            (
                ("verbs/x.txt", "verb attack = 190\n  * @nope = 195\n"),
                "verbs/x.txt:2: unknown synset @nope",
            ),
            (
                ("discards.txt", "war on drugs\n"),
                "discards.txt:1: expected",
            ),
            (
                ("agents.txt", "troops\n  MIL GOV\n"),
                "agents.txt:2: bad agent code",
            ),
            (
                ("agents.txt", "troops\n  ~MIL\n  ~GOV\n"),
                "agents.txt:3: an agent has one code",
            ),
            (
                ("agents.txt", "troops\n  + soldiers\n"),
                "agents.txt:1: agent \"troops\" has no ~CODE line",
            ),
            (
                ("agents.txt", "  ~MIL\n"),
                "agents.txt:1: indented line outside an entry",
            ),
            (
                ("actors/x.txt", "Putin\n  + \n  RUSGOV\n"),
                "actors/x.txt:2: empty alias",
            ),
            (
                ("agents.txt", "troops\n  +\n  ~MIL\n"),
                "agents.txt:2: empty alias",
            ),
            (
                ("agents.txt", "---\n  ~MIL\n"),
                "agents.txt:1: empty agent name",
            ),
            (
                ("actors/x.txt", "@kind person\n  RUSGOV\n"),
                "actors/x.txt:2: indented line outside an entry",
            ),
            (
                ("actors/x.txt", "@kind planet\nPutin\n  RUSGOV\n"),
                "actors/x.txt:1: unknown kind",
            ),
        ];
        for ((name, text), want) in cases {
            let e = load_files(&files(&[(name, text)])).unwrap_err().to_string();
            assert!(e.starts_with(want), "{e} !~ {want}");
        }
    }

    #[test]
    fn pattern_syntax() {
        let p = parse_pattern("refused_to * sanctions (on|against) +", '@').unwrap();
        assert_eq!(p.len(), 6);
        assert!(p[1].adjacent && !p[2].adjacent);
        assert_eq!(
            p[4].elem,
            Elem::Words(vec![vec!["on".into()], vec!["against".into()]])
        );
    }
}

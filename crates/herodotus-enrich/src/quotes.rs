//! Quotations and reported speech with their speakers.
//!
//! Direct quotations are found by pairing quotation marks (straight and curly,
//! nested, continued across paragraphs by the wire convention of reopening the
//! quote at the start of the next paragraph). Each quoted stretch is attributed
//! by the tag after it (`," Lavrov said`, `," said the minister`), else by the
//! clause before it (`Lavrov said: "`, `Lavrov called it "`), else inherits the
//! speaker of the speech just before it. Reported speech is read from
//! `X said (that) ...`, `..., X said.` and `according to X`.
//!
//! Speakers resolve through [`People`]: surnames, pronouns and titles become the
//! full name the article gives, with the actor code the coder found for it.

use crate::names;
use crate::speakers::{People, PlaceTest, Speaker};
use crate::text::{self, Tok};
use herodotus_core::speech;
use herodotus_core::{Mention, Quote, QuoteKind};

/// A quoted stretch of text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Segment {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte span of the quoted words (marks excluded, trimmed).
    pub inner: [usize; 2],
    /// Byte offset just past the closing mark (or the inner end when unterminated).
    pub close_end: usize,
    /// Byte offsets of the marks that reopen the quote in later paragraphs.
    pub reopen: Vec<usize>,
}

/// Mark style of an open quotation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Double,
    Single,
}

struct Open {
    open: usize,
    inner_start: usize,
    style: Style,
    depth: usize,
    reopen: Vec<usize>,
    /// The closing mark of a straight single quotation, found when it opened.
    close_at: Option<usize>,
}

/// How many words before a verb a speech verb is looked for whose reported clause
/// holds it ([`QuoteFinder::reported_clause_subject`]).
const LOOK_REPORTED: usize = 12;

/// How far (bytes) a straight single quotation is looked for its closing mark.
const SINGLE_REACH: usize = 2000;

/// How many closing candidates one straight opening mark looks at (plural
/// possessives are passed over): a bound on hostile text.
const SINGLE_CANDIDATES: usize = 8;

/// Words of the tag after a quotation that `quoted_as_or_put` reads ("as X put it",
/// "quoted X as saying": indices up to 23).
const LOOK_AS_OR_PUT: usize = 25;

/// What a paragraph offers straight single quotations, read once: the marks that
/// could close one, as (byte offset, plural possessive) — a mark after a non-space
/// and before no letter, a possessive being "s' " ("the farmers' union") — and the
/// offsets of its spaces.
#[derive(Default)]
struct Closers {
    marks: Vec<(usize, bool)>,
    spaces: Vec<usize>,
}

fn straight_closers(para: &str) -> Closers {
    let mut out = Closers::default();
    let mut prev: Option<char> = None;
    let mut chars = para.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, d)| d);
        if c.is_whitespace() {
            out.spaces.push(i);
        }
        if c == '\''
            && prev.is_some_and(|p| !p.is_whitespace())
            && !next.is_some_and(text::is_word_char)
        {
            let possessive = prev == Some('s') && next.is_some_and(char::is_whitespace);
            out.marks.push((i, possessive));
        }
        prev = Some(c);
    }
    out
}

/// The byte offset (in its paragraph) of the straight mark closing a straight
/// single quotation whose words start at `from`, as British copy and headlines type
/// them ('We will not surrender,' said the colonel), among the paragraph's `closers`
/// ([`straight_closers`]). An apostrophe inside a word ("don't") is no closer; a
/// plural possessive ("the farmers' union") is taken only when no later mark
/// closes. The quotation holds two words at least ("rock 'n' roll" is none); `None`
/// when no mark closes it within reach (an apostrophe such as "'90s").
fn straight_single_close(from: usize, closers: &Closers) -> Option<usize> {
    let first = closers.marks.partition_point(|c| c.0 < from);
    // The first space after the opening mark: the quotation's words must reach it.
    let space = closers
        .spaces
        .get(closers.spaces.partition_point(|&w| w < from))
        .copied()?;
    let mut fallback = None;
    for &(k, possessive) in closers.marks[first..].iter().take(SINGLE_CANDIDATES) {
        if k - from > SINGLE_REACH {
            break;
        }
        if space > k {
            continue;
        }
        if !possessive {
            return Some(k);
        }
        fallback.get_or_insert(k);
    }
    fallback
}

/// Finds quoted stretches. Never panics; spans are on char boundaries.
pub fn segments(text: &str) -> Vec<Segment> {
    let paras = text::paragraphs(text);
    let mut out = Vec::new();
    let mut cur: Option<Open> = None;
    for (pi, &[ps, pe]) in paras.iter().enumerate() {
        let para = &text[ps..pe];
        // The paragraph's closing candidates for straight single marks, read once
        // when the first straight opening mark is met.
        let mut closers: Option<Closers> = None;
        let mut prev: Option<char> = None;
        let mut chars = para.char_indices().peekable();
        if let Some(o) = cur.as_mut() {
            // Continuing a quote: skip the reopening mark.
            if let Some((i, c)) = chars.next() {
                o.reopen.push(ps + i);
                prev = Some(c);
            }
        }
        while let Some((i, c)) = chars.next() {
            let at = ps + i;
            let next = chars.peek().map(|&(_, d)| d);
            match cur.as_mut() {
                None => {
                    let opens_double = matches!(c, '"' | '“' | '„' | '«');
                    let opens_single = c == '‘'
                        && !prev.is_some_and(text::is_word_char)
                        && next.is_some_and(|d| !d.is_whitespace());
                    // A straight single mark opens at the start of a paragraph or
                    // after a space, a colon or a dash, before a letter, and only
                    // when its closing mark is in the same paragraph.
                    let close_at = (c == '\''
                        && prev.is_none_or(|p| {
                            p.is_whitespace() || matches!(p, '(' | '[' | ':' | '—' | '–')
                        })
                        && next.is_some_and(char::is_alphabetic))
                    .then(|| {
                        let closers = closers.get_or_insert_with(|| straight_closers(para));
                        straight_single_close(i + 1, closers)
                    })
                    .flatten()
                    .map(|k| ps + k);
                    if opens_double || opens_single || close_at.is_some() {
                        cur = Some(Open {
                            open: at,
                            inner_start: at + c.len_utf8(),
                            style: if opens_double {
                                Style::Double
                            } else {
                                Style::Single
                            },
                            depth: 0,
                            reopen: Vec::new(),
                            close_at,
                        });
                    }
                }
                Some(o)
                    if o.style == Style::Double
                        && o.depth == 0
                        && matches!(c, '’' | '\'')
                        && next == Some(c) =>
                {
                    // Two single marks as a closing double one ("voters,’’ Will Moy
                    // told"), as some wire copy is typed.
                    let o = cur.take().expect("open quote");
                    push(text, o, at, at + 2 * c.len_utf8(), &mut out);
                    chars.next();
                    prev = Some(c);
                    continue;
                }
                Some(o) if o.style == Style::Double => {
                    let close = match c {
                        '“' | '„' | '«' => {
                            o.depth += 1;
                            false
                        }
                        '”' | '»' if o.depth > 0 => {
                            o.depth -= 1;
                            false
                        }
                        '”' | '»' => true,
                        '"' if o.depth > 0 => {
                            o.depth -= 1;
                            false
                        }
                        '"' if prev.is_some_and(char::is_whitespace)
                            && next.is_some_and(|d| !d.is_whitespace())
                            && text[o.open..].starts_with(['“', '„', '«']) =>
                        {
                            // A straight mark opening a nested quote inside a curly one.
                            o.depth += 1;
                            false
                        }
                        '"' => true,
                        _ => false,
                    };
                    if close {
                        let o = cur.take().expect("open quote");
                        push(text, o, at, at + c.len_utf8(), &mut out);
                    }
                }
                Some(o) => {
                    // Single-mark quotation: a closing ’ is not followed by a letter
                    // (that would be an apostrophe: Russia’s); a straight one closes
                    // where it was found to.
                    let closes = match o.close_at {
                        Some(k) => at == k,
                        None => {
                            (c == '’' || c == '\'')
                                && !next.is_some_and(text::is_word_char)
                                && !prev.is_some_and(char::is_whitespace)
                        }
                    };
                    if closes && at > o.inner_start {
                        let o = cur.take().expect("open quote");
                        push(text, o, at, at + c.len_utf8(), &mut out);
                    }
                }
            }
            prev = Some(c);
        }
        // End of paragraph inside a quote: continue if the next paragraph reopens it.
        if let Some(o) = cur.take() {
            let reopens = paras
                .get(pi + 1)
                .and_then(|&[a, b]| text[a..b].chars().next())
                .is_some_and(|c| matches!(c, '"' | '“' | '„' | '«'));
            if o.style == Style::Double && reopens {
                cur = Some(o);
            } else if o.style == Style::Double {
                push(text, o, pe, pe, &mut out);
            }
        }
    }
    if let Some(o) = cur.take() {
        let end = text.trim_end().len();
        push(text, o, end, end, &mut out);
    }
    out
}

fn push(text: &str, o: Open, inner_end: usize, close_end: usize, out: &mut Vec<Segment>) {
    let inner = text::trim_span(text, [o.inner_start, inner_end.max(o.inner_start)]);
    if inner[1] > inner[0] {
        out.push(Segment {
            open: o.open,
            inner,
            close_end,
            reopen: o.reopen,
        });
    }
}

/// The quoted words of a segment: marks that reopen it removed, spaces collapsed.
pub fn segment_text(text: &str, seg: &Segment) -> String {
    let mut s = String::new();
    let mut from = seg.inner[0];
    for &r in &seg.reopen {
        if r >= from && r < seg.inner[1] {
            s.push_str(&text[from..r]);
            s.push(' ');
            from = r + text[r..].chars().next().map_or(1, char::len_utf8);
        }
    }
    s.push_str(&text[from..seg.inner[1]]);
    text::collapse_ws(&s)
}

/// A byte mask: true inside quotations (marks included).
pub(crate) fn inside_mask(text: &str, segs: &[Segment]) -> Vec<bool> {
    let mut m = vec![false; text.len()];
    for s in segs {
        for b in &mut m[s.open.min(text.len())..s.close_end.min(text.len())] {
            *b = true;
        }
    }
    m
}

/// An attribution found for a stretch of speech.
#[derive(Clone, Debug, Default)]
struct Attribution {
    speaker: Speaker,
    verb: Option<String>,
    /// True when it was read from a tag or clause (not inherited).
    local: bool,
    /// True for a characterising verb ("called") rather than a speech verb.
    characterising: bool,
    /// True when the speech verb is right next to the quotation (a tag, or `said: "`).
    adjacent: bool,
}

/// Verbs that report speech in indirect form (`X said (that) ...`).
fn is_indirect_verb(w: &str) -> bool {
    // The one speech-verb list is core's.
    speech::is_speech(w, speech::INDIRECT)
}

/// True when a speech form that is also a plural noun reads as the noun: "claims"
/// after a past-tense verb, a determiner, a possessive or a preposition
/// ("investigated claims against", "his claims", "new claims", "claims of"), where
/// no finite verb can stand. Class: noun homographs of speech verbs (issue 10 item 5).
fn plural_noun_reading(w: &str, prev: &str) -> bool {
    w == "claims"
        && (prev.ends_with("ed")
            || matches!(
                prev,
                "a" | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "these"
                    | "those"
                    | "such"
                    | "new"
                    | "false"
                    | "similar"
                    | "any"
                    | "no"
                    | "of"
                    | "about"
                    | "over"
                    | "against"
                    | "into"
            ))
}

/// Words after which a noun phrase ends when read rightwards from a verb.
fn ends_np(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "who"
            | "which"
            | "that"
            | "on"
            | "in"
            | "at"
            | "as"
            | "during"
            | "after"
            | "when"
            | "while"
            | "before"
            | "to"
            | "late"
            | "early"
            | "last"
            | "this"
            | "adding"
            | "saying"
            | "told"
            | "and"
            | "but"
            | "speaking"
            | "referring"
            | "according"
    )
}

/// Words at which a noun phrase ends when read leftwards from a verb.
fn starts_clause(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "(" | ")" | "—" | "–" | "-" | ".")
        || matches!(
            w.to_lowercase().as_str(),
            "and"
                | "but"
                | "while"
                | "as"
                | "that"
                | "when"
                | "after"
                | "where"
                | "because"
                | "although"
                | "though"
                | "whereas"
                | "if"
                | "since"
                | "before"
                | "so"
        )
}

/// A noun phrase worth resolving: not empty and not a relative or clause word.
fn valid_np(text: &str, np: &[Tok]) -> bool {
    let words: Vec<&str> = np
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.s(text))
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let lf = if text::is_all_caps(first) {
        String::new()
    } else {
        first.to_lowercase()
    };
    if matches!(
        lf.as_str(),
        "who" | "which" | "that" | "what" | "there" | "this" | "these" | "those" | "you"
    ) {
        return false;
    }
    // "it was", "is said": a verb-like word in a long phrase means it is no subject.
    if words.len() > 12 {
        return false;
    }
    !words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "is" | "was" | "were" | "are" | "be" | "been" | "being"
        )
    })
}

/// The extractor: runs over one article.
pub struct QuoteFinder<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    segs: Vec<Segment>,
    units: Vec<[usize; 2]>,
    people: People,
    words: text::Words,
}

impl<'a> QuoteFinder<'a> {
    /// Prepares an article: finds quoted stretches, sentence units and the cast.
    pub fn new(text: &'a str, mentions: &'a [Mention], is_place: PlaceTest<'_>) -> Self {
        QuoteFinder::with_words(text, text::Words::of(text), mentions, is_place)
    }

    /// [`QuoteFinder::new`] on the words of `text` already read (the document's).
    pub(crate) fn with_words(
        text: &'a str,
        words: text::Words,
        mentions: &'a [Mention],
        is_place: PlaceTest<'_>,
    ) -> Self {
        let segs = segments(text);
        let inside = inside_mask(text, &segs);
        let units = text::units_with(text, &inside, &words);
        let people = People::build_with(text, &words, &units, &inside, mentions, is_place);
        QuoteFinder {
            text,
            mentions,
            segs,
            units,
            people,
            words,
        }
    }

    /// The words of the article, read once.
    pub(crate) fn words(&self) -> &text::Words {
        &self.words
    }

    /// The cast of the article (after [`QuoteFinder::find`], with speakers noted).
    pub(crate) fn people(&self) -> &People {
        &self.people
    }

    /// The quote-aware sentence units of the article.
    pub(crate) fn units(&self) -> &[[usize; 2]] {
        &self.units
    }

    fn unit_of(&self, pos: usize) -> Option<usize> {
        self.units.iter().position(|u| u[0] <= pos && pos < u[1])
    }

    fn para_of(paras: &[[usize; 2]], pos: usize) -> usize {
        paras.iter().position(|p| pos < p[1]).unwrap_or(paras.len())
    }

    /// Finds all quotations and reported speech, in text order.
    pub fn find(&mut self, article_id: &str) -> Vec<Quote> {
        let text = self.text;
        let paras = text::paragraphs(text);
        // (quote, attribution, position, paragraph) in text order.
        let mut items: Vec<(Quote, Option<Attribution>, usize)> = Vec::new();
        let mut history: Vec<(usize, usize, Attribution)> = Vec::new(); // (pos, para, attr)
        let segs = self.segs.clone();
        let mut seg_i = 0;
        for ui in 0..self.units.len() {
            let unit = self.units[ui];
            let in_unit: Vec<usize> = (seg_i..segs.len())
                .take_while(|&k| segs[k].open < unit[1])
                .collect();
            if let Some(&last) = in_unit.last() {
                seg_i = last + 1;
            }
            let mut kept = 0;
            for &k in &in_unit {
                let seg = &segs[k];
                let prev_end = if k > 0 { segs[k - 1].close_end } else { 0 };
                let next_open = segs.get(k + 1).map_or(text.len(), |s| s.open);
                let lstart = unit[0].max(prev_end).min(seg.open);
                let rend_unit = self
                    .unit_of(seg.close_end.saturating_sub(1))
                    .map_or(unit[1], |u| self.units[u][1]);
                let rend = rend_unit.min(next_open).max(seg.close_end);
                let mut attr = self.attribute(seg, [lstart, seg.open], [seg.close_end, rend]);
                if let Some(a) = attr.as_mut() {
                    partitive_description(a, &history);
                }
                let words = self
                    .words
                    .within(text, seg.inner)
                    .iter()
                    .filter(|t| t.is_word())
                    .count();
                // Two words are a partial quotation when a speech verb of the same
                // clause reports them and they end it (`X said ... in "farm country,"`,
                // `warning of "dangerous consequences".`); a label the clause goes on
                // after ("the 'red lines' of the West", 'the "phase one" deal') is
                // none. A word or two a characterising verb gives its object and
                // that end the clause are the speaker's judgement, a quotation ('X
                // called the layoffs "a betrayal."', 'described the plan as
                // "shambolic"', 'accused the government of "cowardice"'; issue 10
                // class "short partial quotes after a characterising verb").
                let ends_clause = text[seg.inner[0]..seg.inner[1]].ends_with([',', '.', '!', '?'])
                    || text[seg.close_end..]
                        .chars()
                        .next()
                        .is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '\n'));
                let keep = words >= 3
                    || attr.as_ref().is_some_and(|a| {
                        a.local
                            && ((!a.characterising && a.adjacent)
                                || (a.characterising && !a.adjacent && words >= 1 && ends_clause)
                                || (words == 2
                                    && ends_clause
                                    && (!a.characterising
                                        || a.verb.as_deref().is_some_and(|v| v.ends_with("ing"))))
                                || (words == 2
                                    && a.verb.is_some()
                                    && self.in_complement_slot(seg, [lstart, rend])))
                    });
                if !keep {
                    continue;
                }
                kept += 1;
                let pos = seg.inner[0];
                if let Some(a) = &attr {
                    if let Some(e) = a.speaker.entry {
                        self.people.note_speaker(pos, e);
                    }
                    history.push((pos, Self::para_of(&paras, pos), a.clone()));
                }
                let quote = Quote::builder(QuoteKind::Direct)
                    .article_id(article_id)
                    .quote(segment_text(text, seg))
                    .span(seg.inner)
                    .build();
                items.push((quote, attr, pos));
            }
            // No quotation kept (a scare quote, a one-word partial): read reported speech.
            // A unit inside a quotation that started in an earlier unit has no reported speech.
            let continued = in_unit.is_empty()
                && segs
                    .iter()
                    .any(|s| s.open < unit[0] && s.close_end > unit[0]);
            if kept == 0 && !continued {
                if let Some((span, mut attr)) = self.indirect(unit) {
                    partitive_description(&mut attr, &history);
                    let pos = span[0];
                    if let Some(e) = attr.speaker.entry {
                        self.people.note_speaker(pos, e);
                    }
                    history.push((pos, Self::para_of(&paras, pos), attr.clone()));
                    items.push((
                        Quote::builder(QuoteKind::Indirect)
                            .article_id(article_id)
                            .quote(text::collapse_ws(&text[span[0]..span[1]]))
                            .speaker(attr.speaker.name.clone())
                            .speaker_code(attr.speaker.code.clone())
                            .verb(attr.verb.clone())
                            .speaker_description(attr.speaker.description.clone())
                            .span(span)
                            .build(),
                        Some(attr),
                        pos,
                    ));
                }
            }
        }
        // Unattributed quotations: the speaker of the speech just before (same
        // paragraph or the two before), else of the next one in the same paragraph,
        // else the subject of the sentence just before ("X spoke outside the court.
        // "..."). A quotation so attributed is a speech the next one may continue.
        history.sort_by_key(|h| h.0);
        for item in items.iter_mut() {
            if item.1.is_some() {
                continue;
            }
            let pos = item.2;
            let para = Self::para_of(&paras, pos);
            let before = history
                .iter()
                .rev()
                .find(|h| h.0 < pos && para.saturating_sub(h.1) <= 2)
                .map(|h| h.2.clone());
            let after = || {
                history
                    .iter()
                    .find(|h| h.0 > pos && h.1 == para)
                    .map(|h| h.2.clone())
            };
            let subject = || {
                let ui = self.unit_of(pos)?.checked_sub(1)?;
                let unit = self.units[ui];
                if para.saturating_sub(Self::para_of(&paras, unit[0])) > 1 {
                    return None;
                }
                self.people.subject_in(unit).map(|speaker| Attribution {
                    speaker,
                    ..Attribution::default()
                })
            };
            if let Some(mut a) = before.or_else(after).or_else(subject) {
                a.local = false;
                a.verb = None;
                let at = history.partition_point(|h| h.0 < pos);
                history.insert(at, (pos, para, a.clone()));
                item.1 = Some(a);
            }
        }
        items
            .into_iter()
            .map(|(mut q, attr, _)| {
                if q.kind == "direct" {
                    if let Some(a) = attr {
                        q.speaker = a.speaker.name;
                        q.speaker_code = a.speaker.code;
                        q.verb = a.verb;
                        // A description only where the speech is tagged right here.
                        if q.speaker.is_none() && a.local {
                            q.speaker_description = a.speaker.description;
                        }
                    }
                }
                q
            })
            .collect()
    }

    /// True when a short quotation in a clause with a speech or characterising verb
    /// stands where the speaker's own words go, not where a label does: after "of"
    /// or "as" ("accused ministers of a 'complete failure' to act", "described it
    /// as 'deeply flawed'") or a copula ("said its teams were 'working tirelessly'
    /// to ..."), and not before a noun it would modify ('of "phase one" talks'),
    /// nor after "so-called". `span` is the quotation's unit, cut at its
    /// neighbouring quotations. Issue 10 class "short partial quotes in a speech
    /// clause": scare quotes have no speech context, these have one.
    fn in_complement_slot(&self, seg: &Segment, span: [usize; 2]) -> bool {
        let text = self.text;
        let before = self.toks([span[0], seg.open]);
        let mut left = before
            .iter()
            .rev()
            .take(3)
            .filter(|t| t.is_word())
            .map(|t| t.s(text).to_lowercase());
        let mut prev = left.next();
        if prev
            .as_deref()
            .is_some_and(|w| matches!(w, "a" | "an" | "so-called"))
        {
            prev = left.next();
        }
        let slot = prev.as_deref().is_some_and(|w| {
            matches!(
                w,
                "of" | "as"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "be"
                    | "been"
                    | "being"
                    | "remained"
                    | "remains"
                    | "seemed"
                    | "seems"
                    | "became"
                    | "becomes"
                    | "sounded"
            )
        });
        let so_called = before
            .iter()
            .rev()
            .find(|t| t.is_word())
            .is_some_and(|t| t.s(text).eq_ignore_ascii_case("so-called"));
        // What follows: a lower-case word that is no function word is the noun the
        // quotation modifies.
        let after = self.toks([seg.close_end, span[1].max(seg.close_end)]);
        let modifies = after.first().is_some_and(|t| {
            let w = t.s(text);
            t.is_word()
                && !text::is_capitalised(w)
                && !matches!(
                    w,
                    "to" | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "for"
                        | "with"
                        | "by"
                        | "from"
                        | "and"
                        | "or"
                        | "but"
                        | "that"
                        | "which"
                        | "who"
                        | "after"
                        | "before"
                        | "over"
                        | "as"
                        | "than"
                        | "because"
                        | "since"
                        | "when"
                        | "while"
                        | "if"
                        | "unless"
                        | "until"
                        | "amid"
                        | "despite"
                        | "during"
                        | "against"
                )
        });
        slot && !so_called && !modifies
    }

    /// Resolves a speaker phrase, falling back to its appositive when the phrase
    /// itself names nobody ("Qatar's foreign ministry spokesman, Majed al-Ansari,").
    fn resolve_parts(&self, np: &[Tok], appositive: Option<&[Tok]>, pos: usize) -> Speaker {
        if let Some(s) = appositive.and_then(|app| self.apposed_name(np, app, pos)) {
            return s;
        }
        let s = self.people.resolve(self.text, np, pos, self.mentions);
        if s.name.is_some() {
            return s;
        }
        if let Some(app) =
            appositive.filter(|a| valid_np(self.text, a) && !plural_role_head(self.text, np))
        {
            let alt = self.people.resolve(self.text, app, pos, self.mentions);
            if alt.name.is_some() && alt.entry.is_some_and(|e| !self.people.entries[e].is_org) {
                return alt;
            }
        }
        s
    }

    /// "The employers' federation, Confindustria,": a description with no name in
    /// it, then a name in apposition, which is the speaker's (a person's or an
    /// organisation's, known to the cast or not); the description must not send the
    /// speaker back to an organisation named earlier. Not after a plural role head
    /// ("Lawyers for the former minister, Pavel Novak,"). Class: apposition (issue 10
    /// item 5, eighth session, table article-forms.tsv).
    fn apposed_name(&self, np: &[Tok], app: &[Tok], pos: usize) -> Option<Speaker> {
        let text = self.text;
        let np_words: Vec<&str> = np
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.s(text))
            .collect();
        let description = np_words.len() >= 2
            && np_words
                .iter()
                .skip(1)
                .all(|w| !text::is_capitalised(w) && !names::is_pronoun(w));
        let app_words: Vec<&str> = app
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.s(text))
            .skip_while(|w| w.eq_ignore_ascii_case("the"))
            .collect();
        let name = !app_words.is_empty()
            && app_words.len() <= 4
            && app.iter().all(|t| t.is_word())
            && app_words.iter().all(|w| {
                text::is_name_word(w) && !names::is_title(w) && !names::is_function_word(w)
            });
        if !description || !name || plural_role_head(text, np) {
            return None;
        }
        let s = self.people.resolve(text, app, pos, self.mentions);
        if s.name.is_some() {
            return Some(s);
        }
        Some(Speaker {
            name: Some(app_words.join(" ")),
            ..Speaker::default()
        })
    }

    fn toks(&self, span: [usize; 2]) -> Vec<Tok> {
        self.words.within(self.text, span)
    }

    /// Attribution of a direct quotation from the tag after it, else the clause before it.
    fn attribute(&self, seg: &Segment, left: [usize; 2], right: [usize; 2]) -> Option<Attribution> {
        let text = self.text;
        let inner_last = text[seg.inner[0]..seg.inner[1]].chars().last();
        let rt = self.toks(right);
        let tag_like = matches!(
            inner_last,
            Some(',' | '?' | '!' | '—' | '–' | '-' | '…' | ':')
        ) || rt
            .first()
            .is_some_and(|t| matches!(t.s(text), "," | "—" | "–"))
            || rt
                .first()
                .is_some_and(|t| t.is_word() && !text::is_capitalised(t.s(text)));
        let lt = self.toks(left);
        if tag_like {
            if let Some(a) = self.tag(&rt, seg.inner[0], true) {
                // `X said, "...," the office said`: the words are X's, the tag after
                // names who reports them (a nested attribution).
                let lead = self.lead(&lt, seg.inner[0]);
                if let Some(l) =
                    lead.filter(|l| l.adjacent && !l.characterising && l.speaker.name.is_some())
                {
                    return Some(l);
                }
                return Some(prefer_named(a, || self.lead(&lt, seg.inner[0])));
            }
        }
        if let Some(a) = self.lead(&lt, seg.inner[0]) {
            return Some(a);
        }
        if !tag_like {
            // "... Lavrov said." after a quote that ends its own sentence is rare; still try.
            if let Some(a) = self.tag(&rt, seg.inner[0], false) {
                return Some(prefer_named(a, || self.named_after(seg, &rt)));
            }
        }
        self.named_after(seg, &rt)
    }

    /// A quotation that ends its sentence with no tag, and a next sentence that names
    /// whose words they were: `"..." That was the verdict of X.`, `... the message from
    /// X`, `So said X`, `That is how X put it`. Class: a speaker introduced after the
    /// quotation (issue 10 item 5, eighth session, table article-forms.tsv).
    /// `rt` is the rest of the quotation's unit (a full stop inside a quotation ends
    /// no unit), else the next sentence of the paragraph is read.
    fn named_after(&self, seg: &Segment, rt: &[Tok]) -> Option<Attribution> {
        let text = self.text;
        let toks = if rt.iter().any(|t| t.is_word()) {
            rt.to_vec()
        } else {
            let unit = *self.units.iter().find(|u| u[0] >= seg.close_end)?;
            if text[seg.close_end..unit[0]].contains('\n') {
                return None;
            }
            self.toks(unit)
        };
        // The quotation ends its sentence.
        if !text[seg.inner[0]..seg.inner[1]].ends_with(['.', '!', '?']) {
            return None;
        }
        let low: Vec<String> = toks.iter().map(|t| t.s(text).to_lowercase()).collect();
        let w = |k: usize| low.get(k).map_or("", String::as_str);
        let demonstrative = matches!(w(0), "that" | "this" | "those" | "these" | "such");
        let copula = matches!(w(1), "was" | "were" | "is" | "are");
        let (from, upto) = if w(0) == "so" && w(1) == "said" {
            (2, None)
        } else if demonstrative && copula && w(2) == "how" {
            // "That is how X put it": the speaker runs up to its verb.
            let v = (4..toks.len().min(12))
                .find(|&k| matches!(w(k), "put" | "described" | "summed" | "said" | "explained"))?;
            (3, Some(v))
        } else if demonstrative && copula {
            // "That was the (blunt) verdict of X": a few words, then "of"/"from".
            let of = (3..toks.len().min(8)).find(|&k| matches!(w(k), "of" | "from"))?;
            if !toks[2..of].iter().all(|t| t.is_word()) || low[2..of].iter().any(|x| x == "not") {
                return None;
            }
            (of + 1, None)
        } else {
            return None;
        };
        let end = upto.unwrap_or_else(|| np_run_end(text, &toks, from));
        let np = &toks[from.min(end)..end];
        // "the club's chairman, Victor Lamb, when asked": the name in apposition.
        let appositive =
            (upto.is_none() && toks.get(end).is_some_and(|t| t.s(text) == ",")).then(|| {
                let app_end = np_run_end(text, &toks, end + 1);
                toks[end + 1..app_end].to_vec()
            });
        if !valid_np(text, np) {
            return None;
        }
        let speaker = self.resolve_parts(np, appositive.as_deref(), toks[from].start);
        speaker.name.is_some().then_some(Attribution {
            speaker,
            verb: None,
            local: true,
            characterising: false,
            adjacent: false,
        })
    }

    /// A speech tag after the speech: `Lavrov said`, `said Lavrov`, `he told reporters`.
    /// `inverted_ok` allows `said X`.
    fn tag(&self, rt: &[Tok], pos: usize, inverted_ok: bool) -> Option<Attribution> {
        self.tag_at(rt, pos, inverted_ok).map(|t| t.0)
    }

    /// [`Self::tag`], also giving the index in `rt` just past the verb (past the
    /// speaker when inverted).
    fn tag_at(&self, rt: &[Tok], pos: usize, inverted_ok: bool) -> Option<(Attribution, usize)> {
        let text = self.text;
        let start = rt.iter().position(|t| t.is_word())?;
        // Stop at the end of the first clause.
        let end = (start..rt.len())
            .find(|&k| {
                let p = rt[k].s(text);
                matches!(p, "!" | "?" | ";" | ":")
                    || (p == "."
                        && !(k > 0
                            && rt[k - 1].is_word()
                            && rt[k - 1].end == rt[k].start
                            && text::is_abbreviation(rt[k - 1].s(text))))
            })
            .unwrap_or(rt.len());
        let words = &rt[start..end];
        if let Some(a) = self.according(words, pos) {
            return Some((a, words.len()));
        }
        if let Some(a) = self.quoted_as_or_put(words, pos) {
            return Some((a, words.len()));
        }
        let vi = tag_verb_index(text, words)?;
        let v = &words[vi];
        let attr = |speaker: Speaker| Attribution {
            speaker,
            verb: Some(v.s(text).to_string()),
            local: true,
            characterising: false,
            adjacent: true,
        };
        if vi == 0 {
            if !inverted_ok {
                return None;
            }
            // "said Lavrov", "said the minister, who ...", "said Cmdr. Rafael Ortiz"
            let np_end = np_run_end(text, words, 1);
            let np = &words[1..np_end];
            if !valid_np(text, np) {
                // `"..." announced in October, said Derek Scissors`: a participle that
                // ends the quoted phrase is no tag; a later verb of the clause may be.
                let next = words
                    .iter()
                    .enumerate()
                    .skip(1)
                    .take(13)
                    .find(|(_, t)| t.is_word() && names::is_speech_verb(t.s(text)))?
                    .0;
                let skip = start + next;
                return self
                    .tag_at(&rt[skip..], pos, inverted_ok)
                    .map(|(a, k)| (a, k + skip));
            }
            let mut speaker = self.people.resolve(text, np, pos, self.mentions);
            // "said Peter Szijjarto, the Hungarian foreign minister": the name comes first.
            if speaker.name.is_none() && np_end < words.len() && words[np_end].s(text) == "," {
                // The apposition keeps an abbreviated title ("the study's lead
                // author, Dr. Maya Singh of Stanford University").
                let app_end = np_run_end(text, words, np_end + 1);
                let alt =
                    self.people
                        .resolve(text, &words[np_end + 1..app_end], pos, self.mentions);
                if alt.name.is_some() {
                    speaker = alt;
                }
            } else if speaker.name.is_none() && !plural_role_head(text, np) {
                // "said a senior adviser to the president, Kwame Asante, after ...": a
                // role with its complement, then the name in apposition. Only a
                // person's name is taken (not "..., adding", not a place).
                if let Some(alt) = self.apposed_person(words, np_end, pos) {
                    speaker = alt;
                }
            }
            return Some((attr(speaker), start + np_end));
        }
        let mut np = &words[..vi];
        let mut appositive: Option<&[Tok]> = None;
        if let Some(p) = pronoun_before_verb(text, np) {
            // "... shared by Ukraine and the U.S., he warned": the clause before the
            // comma ends the quotation's sentence; the pronoun is the subject.
            np = &np[p..p + 1];
        }
        // Appositive: "Lavrov, Russia's foreign minister, said".
        if let Some(c) = np.iter().position(|t| t.s(text) == ",") {
            let rest = &np[c + 1..];
            let app_end = rest
                .iter()
                .position(|t| t.s(text) == ",")
                .unwrap_or(rest.len());
            appositive = Some(&rest[..app_end]);
            np = &np[..c];
        }
        // "..., the Public Security Police (PSP) said": the bracket is the name's
        // abbreviation (class "colon introductions with an abbreviation in
        // parentheses", issue 10, 16th session).
        let np = &np[..before_bracket(text, np)];
        let np = drop_fillers(text, np);
        if !valid_np(text, &np) {
            return None;
        }
        let mut speaker = self.people.resolve(text, &np, pos, self.mentions);
        if speaker.name.is_none() {
            if let Some(app) =
                appositive.filter(|a| valid_np(text, a) && !plural_role_head(text, &np))
            {
                let alt = self.people.resolve(text, app, pos, self.mentions);
                if alt.name.is_some() {
                    speaker = alt;
                }
            }
        }
        Some((attr(speaker), start + vi + 1))
    }

    /// The person named in apposition after a role and its complement, within a
    /// few words: in `said a senior adviser to the president, Kwame Asante, after`,
    /// reading from `from` (at "to"), "Kwame Asante". `None` when no comma comes
    /// within eight words or what follows it is no person's name.
    fn apposed_person(&self, words: &[Tok], from: usize, pos: usize) -> Option<Speaker> {
        let text = self.text;
        let comma = (from..words.len().min(from + 9)).find(|&k| !words[k].is_word())?;
        if words[comma].s(text) != "," {
            return None;
        }
        let app_end = np_run_end(text, words, comma + 1);
        let app = &words[comma + 1..app_end];
        if app.is_empty() || !valid_np(text, app) {
            return None;
        }
        let alt = self.people.resolve(text, app, pos, self.mentions);
        alt.entry
            .is_some_and(|e| !self.people.entries[e].is_org && !self.people.entries[e].place)
            .then_some(alt)
    }

    /// Two tags after a quotation that name the speaker between two fixed words:
    /// `..., the agency quoted X as saying.` and `..., as X put it.`
    fn quoted_as_or_put(&self, words: &[Tok], pos: usize) -> Option<Attribution> {
        let text = self.text;
        let n = words.len();
        // Only the first words are read (at most index 23 below), so only they are
        // lower-cased: `words` can run to the end of the paragraph.
        let low: Vec<String> = words
            .iter()
            .take(LOOK_AS_OR_PUT)
            .map(|t| t.s(text).to_lowercase())
            .collect();
        let (np, verb) = if low.first().is_some_and(|w| w == "as") {
            // "as X put it"
            let p = (2..n.min(10)).find(|&k| matches!(low[k].as_str(), "put" | "puts"))?;
            if low.get(p + 1).is_none_or(|w| w != "it") {
                return None;
            }
            (&words[1..p], "put")
        } else {
            let q = low.iter().take(12).position(|w| w == "quoted")?;
            if words[..q]
                .iter()
                .any(|t| t.is_word() && names::is_speech_verb(t.s(text)))
            {
                return None;
            }
            let a = (q + 2..n.min(q + 12)).find(|&k| low[k] == "as")?;
            if low.get(a + 1).is_none_or(|w| !w.ends_with("ing")) {
                return None;
            }
            (&words[q + 1..a], "quoted")
        };
        if !np.iter().all(|t| t.is_word()) || !valid_np(text, np) {
            return None;
        }
        let speaker = self.people.resolve(text, np, pos, self.mentions);
        Some(Attribution {
            speaker,
            verb: Some(verb.into()),
            local: true,
            characterising: false,
            adjacent: true,
        })
    }

    /// The clause before a quotation: `Lavrov said: "`, `Lavrov called it "`,
    /// `According to Lavrov, "`, `, said Lavrov, "`.
    fn lead(&self, lt: &[Tok], pos: usize) -> Option<Attribution> {
        let text = self.text;
        let low: Vec<String> = lt.iter().map(|t| t.s(text).to_lowercase()).collect();
        // After a determiner a participle is an adjective ("in an emailed
        // statement"; issue 10 class "fragments in a reported clause").
        let verb_at = |i: usize| {
            lt[i].is_word()
                && (names::is_speech_verb(lt[i].s(text))
                    || names::is_characterising_verb(lt[i].s(text)))
                && !(i > 0
                    && matches!(
                        low[i - 1].as_str(),
                        "was"
                            | "is"
                            | "were"
                            | "be"
                            | "been"
                            | "the"
                            | "so-called"
                            | "a"
                            | "an"
                            | "its"
                            | "his"
                            | "her"
                            | "their"
                            | "our"
                    ))
        };
        let vi = (0..lt.len()).rev().find(|&i| verb_at(i));
        // "According to X, "" — unless a speech verb follows ("According to the
        // indictment, Zhou told an accomplice: "").
        if let Some(a) = low.iter().position(|w| w == "according") {
            if vi.is_none_or(|v| v < a) {
                if let Some(attr) = self.according(&lt[a..], pos) {
                    return Some(attr);
                }
            }
        }
        let Some(vi) = vi else {
            return self
                .headline_speaker(lt, pos)
                .or_else(|| self.copula_colon_speaker(lt, pos))
                .or_else(|| self.colon_clause_speaker(lt, pos));
        };
        let v = lt[vi];
        let characterising = !names::is_speech_verb(v.s(text));
        let participle = v.s(text).ends_with("ing");
        let coordinated = vi > 0 && low[vi - 1] == "and";
        // "The ministry quoted General Orlov as saying: "": the one quoted speaks.
        let quoted = participle && vi > 2 && low[vi - 1] == "as";
        let quoted = quoted
            .then(|| (0..vi - 1).rev().take(12).find(|&k| low[k] == "quoted"))
            .flatten()
            .map(|q| {
                if low.get(q + 1).is_some_and(|w| w == "by") && q > 0 {
                    // "X was quoted by Reuters as saying": the outlet quotes, the
                    // subject speaks.
                    self.participle_subject(&lt[..q - 1], pos)
                } else {
                    lt[q + 1..vi - 1].to_vec()
                }
            })
            .filter(|np| valid_np(text, np));
        // "A video showed X saying: "", "X can be heard saying": who the recording
        // shows speaks, not the recording.
        let quoted = quoted.or_else(|| {
            if !participle {
                return None;
            }
            let p = (0..vi)
                .rev()
                .take(8)
                .find(|&k| is_perception_verb(&low[k]))?;
            let np = lt[p + 1..vi].to_vec();
            if np.is_empty() {
                // "X can be heard saying": the clause's subject.
                return Some(self.participle_subject(&lt[..p], pos))
                    .filter(|np| valid_np(text, np));
            }
            (np.iter().all(|t| t.is_word()) && valid_np(text, &np)).then_some(np)
        });
        // "..., with Foreign Minister Ayman Safadi warning of "": the participle's
        // own subject follows "with".
        let with_subject = || {
            let w = (0..vi).rev().take(10).find(|&k| low[k] == "with")?;
            let np = lt[w + 1..vi].to_vec();
            (np.iter().all(|t| t.is_word()) && valid_np(text, &np)).then_some(np)
        };
        let (np, appositive) = if let Some(np) = quoted {
            (np, None)
        } else if let Some(np) = participle.then(with_subject).flatten() {
            (np, None)
        } else if participle {
            // "..., saying: "" — the subject of the clause is the speaker; an opening
            // adjunct ("After the hearing, Hawk Sawyer issued a statement, saying")
            // is skipped for the first clause that names somebody.
            (self.participle_subject(&lt[..vi], pos), None)
        } else {
            match self.reported_clause_subject(lt, &low, vi) {
                Some(found) => found,
                None => match np_before(text, &lt[..vi]) {
                    // "Lund told a nurse he was armed and said, "": the verb shares the
                    // subject of the clause it is coordinated with.
                    (np, _) if np.is_empty() && coordinated => {
                        (self.participle_subject(&lt[..vi - 1], pos), None)
                    }
                    found => found,
                },
            }
        };
        let np = if np.is_empty() {
            // ", said Lavrov, " — the inverted tag of a split quotation. The full
            // stop of a title ("said Dr. Ann Lund, ") does not end the name.
            let abbreviation_stop = |k: usize| {
                lt[k].s(text) == "."
                    && k > vi + 1
                    && lt[k - 1].is_word()
                    && text::is_abbreviation(lt[k - 1].s(text))
            };
            let np_end = (vi + 1..lt.len())
                .find(|&k| (!lt[k].is_word() && !abbreviation_stop(k)) || ends_np(lt[k].s(text)))
                .unwrap_or(lt.len());
            lt[vi + 1..np_end]
                .iter()
                .copied()
                .filter(|t| t.is_word())
                .collect()
        } else {
            np
        };
        if !valid_np(text, &np) {
            return None;
        }
        Some(Attribution {
            speaker: self.resolve_parts(&np, appositive.as_deref(), pos),
            verb: Some(v.s(text).to_string()),
            local: true,
            characterising,
            adjacent: lt[vi + 1..]
                .iter()
                .all(|t| !t.is_word() || t.s(text).eq_ignore_ascii_case("that")),
        })
    }

    /// The subject of a verb at `vi` that stands in the clause reported by an
    /// earlier speech verb: "Egypt's ministry said it had asked Ethiopia for
    /// "...", "He said he had asked the agency for "...". A pronoun (or no
    /// subject) there is the reporter, so the subject of the speech verb is taken,
    /// with its apposition; a named subject ("X said Y had called it "..."") is the
    /// one whose words they are. `None` when no speech verb comes within
    /// [`LOOK_REPORTED`] words before `vi`. Issue 10 class "fragments in a reported
    /// clause".
    fn reported_clause_subject(
        &self,
        lt: &[Tok],
        low: &[String],
        vi: usize,
    ) -> Option<(Vec<Tok>, Option<Vec<Tok>>)> {
        let text = self.text;
        // A verb that introduces the quotation itself ("he said, "...") has its own
        // speaker: only a fragment the clause goes on to is the reporter's.
        let introduces = lt[vi + 1..]
            .iter()
            .all(|t| !t.is_word() || t.s(text).eq_ignore_ascii_case("that"));
        if low[vi].ends_with("ing") || introduces {
            return None;
        }
        let k = (vi.saturating_sub(LOOK_REPORTED)..vi).rev().find(|&k| {
            k > 0
                && lt[k].is_word()
                && names::is_speech_verb(lt[k].s(text))
                && !low[k].ends_with("ing")
                && !matches!(
                    low[k - 1].as_str(),
                    "was" | "is" | "were" | "be" | "been" | "the" | "a" | "an"
                )
        })?;
        // The reported clause holds no clause boundary of its own.
        if lt[k + 1..vi]
            .iter()
            .any(|t| matches!(t.s(text), "," | ";" | ":" | "(" | ")" | "—" | "–"))
        {
            return None;
        }
        let inner = np_before(text, &lt[k + 1..vi]);
        let words: Vec<&Tok> = inner.0.iter().filter(|t| t.is_word()).collect();
        let pronoun = match words.as_slice() {
            [] => true,
            [w] => names::is_pronoun(w.s(text)),
            _ => false,
        };
        if !pronoun {
            return Some(inner);
        }
        let outer = np_before(text, &lt[..k]);
        (!outer.0.is_empty()).then_some(outer)
    }

    /// A headline or subhead that gives the speaker before a colon, with no verb:
    /// `Ola Berg: 'We will reopen the mines'`. The paragraph opens with the name
    /// (capitalised words, a title allowed) and the colon ends it.
    fn headline_speaker(&self, lt: &[Tok], pos: usize) -> Option<Attribution> {
        let text = self.text;
        let (colon, name) = lt.split_last()?;
        let at_para_start = name.first().is_some_and(|t| {
            let before = text[..t.start].trim_end_matches([' ', '\t']);
            before.is_empty() || before.ends_with('\n')
        });
        if colon.s(text) != ":"
            || !at_para_start
            || name.is_empty()
            || name.len() > 5
            || !name.iter().all(|t| {
                t.is_word() && text::is_name_word(t.s(text)) && !names::is_function_word(t.s(text))
            })
        {
            return None;
        }
        self.named_without_verb(name, pos)
    }

    /// The attribution of a speaker phrase that no speech verb introduces (a
    /// headline's name, a copula clause's subject): only when it names somebody.
    fn named_without_verb(&self, np: &[Tok], pos: usize) -> Option<Attribution> {
        let speaker = self.people.resolve(self.text, np, pos, self.mentions);
        speaker.name.is_some().then_some(Attribution {
            speaker,
            verb: None,
            local: true,
            characterising: false,
            adjacent: true,
        })
    }

    /// A clause with a copula and a colon before a quotation, no speech verb: its
    /// subject speaks. `President Nadia Farouk was blunt: "`, `The message from Ken
    /// Saito was clear: "`, `Saito's reply was short: "` (the author of a message
    /// noun speaks).
    fn copula_colon_speaker(&self, lt: &[Tok], pos: usize) -> Option<Attribution> {
        let text = self.text;
        let (colon, body) = lt.split_last()?;
        if colon.s(text) != ":" {
            return None;
        }
        let low: Vec<String> = body.iter().map(|t| t.s(text).to_lowercase()).collect();
        let c = low.iter().rposition(|w| {
            matches!(
                w.as_str(),
                "was"
                    | "is"
                    | "were"
                    | "are"
                    | "remained"
                    | "seemed"
                    | "sounded"
                    | "read"
                    | "reads"
            )
        })?;
        // "X's post on X read: "": a document's words are its author's.
        let reads = matches!(low[c].as_str(), "read" | "reads");
        let complement = &body[c + 1..];
        let subject = &body[..c];
        if complement.is_empty() != reads
            || complement.len() > 3
            || !complement
                .iter()
                .all(|t| t.is_word() && !text::is_capitalised(t.s(text)))
            || subject.is_empty()
            || subject.len() > 10
            || subject.iter().any(|t| !t.is_word())
        {
            return None;
        }
        let message = |w: &str| {
            let w = text::strip_possessive(w);
            matches!(
                w,
                "message" | "response" | "reply" | "answer" | "verdict" | "reaction" | "warning"
            ) || crate::speakers::is_document(w)
        };
        let np: Vec<Tok> = match low[..c].iter().position(|w| message(w)) {
            // "The message from X", "the reply of X".
            Some(m) if m + 2 < c && matches!(low[m + 1].as_str(), "from" | "of" | "by") => {
                subject[m + 2..].to_vec()
            }
            // "Saito's reply".
            Some(m) if m > 0 && text::ends_possessive(subject[m - 1].s(text)) => {
                subject[..m].to_vec()
            }
            Some(_) => return None,
            None if reads => return None,
            None => subject_np(text, subject),
        };
        if !valid_np(text, &np) {
            return None;
        }
        self.named_without_verb(&np, pos)
    }

    /// A short clause about a named person ending in a colon before the quotation,
    /// with a verb that reports no speech: `Cllr Natarajan hit back: "`, `Mayor Lena
    /// Fischer fired back: "`, `His opponent, Rachel Kim, shot back: "`. The subject
    /// speaks when it is a person (a document or a banner "carried three words:" is
    /// no speaker). Class: colon quotations (issue 10 item 5, eighth session, table
    /// article-forms.tsv).
    fn colon_clause_speaker(&self, lt: &[Tok], pos: usize) -> Option<Attribution> {
        let text = self.text;
        let (colon, body) = lt.split_last()?;
        if colon.s(text) != ":" || body.len() < 2 || body.len() > 20 {
            return None;
        }
        let np = self.participle_subject(body, pos);
        let last = np.last()?;
        if !valid_np(text, &np) || np.len() > 6 {
            return None;
        }
        // A verb, in lower case, follows the subject (and the comma of its apposition).
        let after = body
            .iter()
            .position(|t| t.start >= last.end && t.s(text) != ",")?;
        if !body[after].is_word() || text::is_capitalised(body[after].s(text)) {
            return None;
        }
        let speaker = self.people.resolve(text, &np, pos, self.mentions);
        let person = speaker
            .entry
            .is_some_and(|e| !self.people.entries[e].is_org);
        person.then_some(Attribution {
            speaker,
            verb: None,
            local: true,
            characterising: false,
            adjacent: true,
        })
    }

    /// `according to X` at the start of `toks`: X, up to the first punctuation,
    /// speaks. Before a quotation (`According to X, "`) or after it (`"...,"
    /// according to a statement from X.`).
    fn according(&self, toks: &[Tok], pos: usize) -> Option<Attribution> {
        let text = self.text;
        let w = |k: usize| toks.get(k).map(|t| t.s(text).to_lowercase());
        if w(0).as_deref() != Some("according") || w(1).as_deref() != Some("to") {
            return None;
        }
        let np_end = np_run_end(text, toks, 2);
        let np = &toks[2..np_end];
        if !valid_np(text, np) {
            return None;
        }
        Some(Attribution {
            speaker: self.people.resolve(text, np, pos, self.mentions),
            verb: Some("according to".into()),
            local: true,
            characterising: false,
            adjacent: false,
        })
    }

    /// The subject of the clause a participle ("saying", "warning") hangs on: the
    /// first comma-separated clause whose subject names a speaker, else the first.
    fn participle_subject(&self, lt: &[Tok], pos: usize) -> Vec<Tok> {
        let text = self.text;
        let mut first: Option<Vec<Tok>> = None;
        let mut start = 0;
        for end in (0..=lt.len()).filter(|&k| k == lt.len() || matches!(lt[k].s(text), "," | ";")) {
            if end > start {
                let np = subject_np(text, &lt[start..end]);
                if valid_np(text, &np) {
                    if self
                        .people
                        .resolve(text, &np, pos, self.mentions)
                        .name
                        .is_some()
                    {
                        return np;
                    }
                    first.get_or_insert(np);
                }
            }
            start = end + 1;
            if first.is_some() && start > lt.len() {
                break;
            }
        }
        first.unwrap_or_else(|| {
            let e = lt
                .iter()
                .position(|t| matches!(t.s(text), "," | ";"))
                .unwrap_or(lt.len());
            subject_np(text, &lt[..e])
        })
    }

    /// Reported speech in a unit without quotation marks.
    fn indirect(&self, unit: [usize; 2]) -> Option<([usize; 2], Attribution)> {
        let text = self.text;
        let toks = self.toks(unit);
        if toks.len() < 4 {
            return None;
        }
        let low: Vec<String> = toks.iter().map(|t| t.s(text).to_lowercase()).collect();
        // Content end: drop the final full stop.
        let mut end = toks.len();
        while end > 0 && matches!(toks[end - 1].s(text), "." | "!" | "?" | "\"" | "”") {
            end -= 1;
        }
        let clause_span = |a: usize, b: usize| -> Option<[usize; 2]> {
            if b <= a || toks[a..b].iter().filter(|t| t.is_word()).count() < 3 {
                return None;
            }
            Some([toks[a].start, toks[b - 1].end])
        };
        // According to X, ... / ..., according to X.
        if let Some(a) = low.iter().position(|w| w == "according") {
            if low.get(a + 1).is_some_and(|w| w == "to") {
                let comma_after = (a + 2..end).find(|&i| low[i] == ",");
                let np_end = comma_after.unwrap_or(end);
                let np = &toks[a + 2..np_end];
                if valid_np(text, np) {
                    let span = if a == 0 {
                        comma_after.and_then(|c| clause_span(c + 1, end))
                    } else {
                        let c = if a > 0 && low[a - 1] == "," { a - 1 } else { a };
                        clause_span(0, c)
                    };
                    if let Some(span) = span {
                        let speaker = self.people.resolve(text, np, span[0], self.mentions);
                        return Some((
                            span,
                            Attribution {
                                speaker,
                                verb: Some("according to".into()),
                                local: true,
                                characterising: false,
                                adjacent: false,
                            },
                        ));
                    }
                }
            }
        }
        // ..., Lavrov said (on Tuesday).  Tried at the last three commas.
        let commas: Vec<usize> = (1..end).rev().filter(|&i| low[i] == ",").take(3).collect();
        for c in commas {
            let Some((a, after)) = self.tag_at(&toks[c..end], toks[0].start, true) else {
                continue;
            };
            if !a.verb.as_deref().is_some_and(is_indirect_verb) {
                continue;
            }
            // The tag must end the sentence: only adjuncts may follow it.
            let rest: Vec<&str> = low[c + after..end]
                .iter()
                .map(String::as_str)
                .take_while(|w| *w != ",")
                .collect();
            let inverted = toks[c + 1..end]
                .first()
                .is_some_and(|t| is_indirect_verb(t.s(text)));
            if inverted && a.speaker.name.is_none() {
                // "..., said a spokesman" is fine; "..., said two of the drones had ..." is not a tag.
                let first = low.get(c + 2).map_or("", String::as_str);
                if !matches!(first, "a" | "an" | "the") || after > 8 {
                    continue;
                }
            }
            let is_told = a
                .verb
                .as_deref()
                .is_some_and(|v| matches!(v, "told" | "tells"));
            let tail_ok = rest.is_empty()
                || (is_told && rest.len() <= 6)
                || (rest.len() <= 7 && is_adjunct_start(rest[0]) && !rest.contains(&"that"));
            if !tail_ok {
                continue;
            }
            if let Some(span) = clause_span(0, c) {
                return Some((span, a));
            }
        }
        // Lavrov said (on Tuesday) (that) ...
        let vi = (1..end).find(|&i| {
            toks[i].is_word()
                && is_indirect_verb(&low[i])
                && !matches!(
                    toks[i - 1].s(text),
                    "was"
                        | "is"
                        | "were"
                        | "be"
                        | "been"
                        | "the"
                        | "being"
                        | "it's"
                        | "which"
                        | "who"
                )
                && !plural_noun_reading(&low[i], &low[i - 1])
        })?;
        let (mut np, appositive) = np_before(text, &toks[..vi]);
        if np.is_empty() && low[vi - 1] == "and" {
            // "X unveiled a plan ... and said ...": the sentence subject speaks.
            let first_clause_end = toks[..vi]
                .iter()
                .position(|t| matches!(t.s(text), "," | ";"))
                .unwrap_or(vi);
            np = subject_np(text, &toks[..first_clause_end]);
        }
        if !valid_np(text, &np) || np.len() > 10 {
            return None;
        }
        let mut cs = vi + 1;
        let that = (vi + 1..end.min(vi + 12))
            .take_while(|&i| low[i] != "," || i == vi + 1)
            .find(|&i| low[i] == "that");
        if let Some(t) = that {
            cs = t + 1;
        } else {
            if matches!(low[vi].as_str(), "told" | "tells") {
                cs = skip_object(text, &toks, cs, end);
            }
            let before_adjuncts = cs;
            cs = skip_adjuncts(&low, cs, end)?;
            if cs > before_adjuncts && cs < end && low[cs - 1] == "," && low[cs].ends_with("ing") {
                return None; // "said on Thursday, speaking on condition of anonymity"
            }
            if cs < end && low[cs] == "that" {
                cs += 1;
            }
            if cs < end
                && (is_adjunct_start(&low[cs])
                    || matches!(
                        low[cs].as_str(),
                        "to" | "of"
                            | "by"
                            | "with"
                            | "through"
                            | "via"
                            | "so"
                            | "nothing"
                            | "goodbye"
                            | "yes"
                            | "no"
                    ))
            {
                return None;
            }
        }
        let span = clause_span(cs, end)?;
        let speaker = self.resolve_parts(&np, appositive.as_deref(), toks[vi].start);
        Some((
            span,
            Attribution {
                speaker,
                verb: Some(toks[vi].s(text).to_string()),
                local: true,
                characterising: false,
                adjacent: false,
            },
        ))
    }
}

/// Issue 10 class "anonymous sources" (16th session): "Two people familiar with the
/// talks said ... "...," one of them said": the speaker stays unnamed, and the
/// description of "one of them" is that of the unnamed sources who spoke last ("one
/// of two people familiar with the talks"), from the `history` of attributions so
/// far. Left as it is when nobody unnamed spoke before.
fn partitive_description(a: &mut Attribution, history: &[(usize, usize, Attribution)]) {
    let Some(d) = a.speaker.description.as_deref() else {
        return;
    };
    let mut w = d.split_whitespace();
    let (Some(q), Some("of"), Some("them" | "those"), None) =
        (w.next(), w.next(), w.next(), w.next())
    else {
        return;
    };
    if a.speaker.name.is_some() {
        return;
    }
    let group = history
        .iter()
        .rev()
        .take(4)
        .find_map(|h| {
            (h.2.speaker.name.is_none())
                .then_some(h.2.speaker.description.as_deref())
                .flatten()
        })
        // A group, not one person ("a senior official") nor a part of one.
        .filter(|g| {
            let mut w = g.split_whitespace().map(str::to_lowercase);
            !matches!(w.next().as_deref(), Some("a" | "an" | "one"))
                && w.next().is_none_or(|x| x != "of")
        });
    let Some(group) = group else {
        return;
    };
    // "Two people ..." reads "one of two people ...": a determiner or a number
    // opening the group is lower-cased, a name is not.
    let first = group.split_whitespace().next().unwrap_or("").to_lowercase();
    let group = if matches!(
        first.as_str(),
        "the" | "two" | "three" | "four" | "five" | "some" | "several" | "many" | "senior"
    ) {
        format!("{first}{}", &group[first.len()..])
    } else {
        group.to_string()
    };
    a.speaker.description = Some(format!("{} of {group}", q.to_lowercase()));
}

/// Words that open a time or place adjunct after a speech verb.
fn is_adjunct_start(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "late"
            | "early"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "while"
            | "when"
            | "overnight"
            | "yesterday"
            | "today"
            | "tonight"
            | "recently"
            | "again"
            | "separately"
            | "publicly"
            | "privately"
            | "afterwards"
    )
}

/// Nouns that end an adjunct like "in a statement", "at a news conference".
fn is_adjunct_noun(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "interview"
            | "speech"
            | "post"
            | "letter"
            | "address"
            | "briefing"
            | "conference"
            | "message"
            | "video"
            | "report"
            | "tweet"
            | "broadcast"
            | "session"
            | "meeting"
            | "summit"
            | "hearing"
            | "rally"
            | "ceremony"
            | "note"
            | "communique"
            | "declaration"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "day"
            | "weekend"
    )
}

/// Skips time and place adjuncts after a speech verb ("on Sunday", "late on
/// Monday", "in a statement", "last week"); `None` when one cannot be read.
fn skip_adjuncts(low: &[String], mut i: usize, end: usize) -> Option<usize> {
    for _ in 0..4 {
        if i < end && low[i] == "," {
            i += 1;
        }
        if i >= end || !is_adjunct_start(&low[i]) {
            return Some(i);
        }
        let w = low[i].as_str();
        i += 1;
        match w {
            "late" | "early" | "earlier" | "later" | "overnight" | "yesterday" | "today"
            | "tonight" | "recently" | "again" | "separately" | "publicly" | "privately"
            | "afterwards" => {}
            "last" | "this" => i += 1,
            _ => {
                // Preposition: a weekday/month/date word, or a phrase ending in an adjunct noun.
                if i < end
                    && names::is_function_word(&low[i])
                    && !matches!(
                        low[i].as_str(),
                        "a" | "an" | "the" | "its" | "his" | "her" | "their"
                    )
                {
                    i += 1; // "on Sunday", "in March"
                } else {
                    let stop = (i..end.min(i + 5)).find(|&k| is_adjunct_noun(&low[k]))?;
                    i = stop + 1;
                }
            }
        }
    }
    Some(i)
}

/// Skips the object of "told": `reporters`, `the BBC`, `a news conference`,
/// then place and time adjuncts (`in Geneva`, `on Tuesday`).
fn skip_object(text: &str, toks: &[Tok], mut i: usize, end: usize) -> usize {
    if i >= end {
        return i;
    }
    let w = |i: usize| toks[i].s(text).to_lowercase();
    if matches!(w(i).as_str(), "the" | "a" | "an") {
        i += 1;
        let mut k = 0;
        while i < end && k < 3 {
            let cur = w(i);
            i += 1;
            k += 1;
            if matches!(
                cur.as_str(),
                "conference"
                    | "briefing"
                    | "reporters"
                    | "journalists"
                    | "agency"
                    | "newspaper"
                    | "broadcaster"
                    | "television"
                    | "parliament"
                    | "audience"
                    | "crowd"
                    | "rally"
                    | "summit"
                    | "meeting"
                    | "interview"
                    | "committee"
                    | "press"
                    | "senate"
            ) || text::is_capitalised(toks[i - 1].s(text))
                && !(i < end && text::is_capitalised(toks[i].s(text)))
            {
                break;
            }
        }
    } else if text::is_capitalised(toks[i].s(text)) {
        while i < end && text::is_capitalised(toks[i].s(text)) {
            i += 1;
        }
    } else {
        i += 1;
    }
    // Adjuncts.
    while i + 1 < end
        && matches!(w(i).as_str(), "in" | "on" | "at" | "during")
        && (text::is_capitalised(toks[i + 1].s(text))
            || names::is_function_word(toks[i + 1].s(text)))
    {
        i += 2;
        while i < end && text::is_capitalised(toks[i].s(text)) {
            i += 1;
        }
    }
    i
}

/// Adverbs and auxiliaries between a speaker and the verb ("Lavrov also said").
fn drop_fillers(text: &str, np: &[Tok]) -> Vec<Tok> {
    np.iter()
        .copied()
        .filter(|t| {
            !(t.is_word()
                && names::is_np_filler(t.s(text))
                && !matches!(t.s(text).to_lowercase().as_str(), "the" | "a" | "an"))
        })
        .collect()
}

/// An attribution whose speaker has no name yields to `other` when that one names
/// somebody: "Norway's foreign ministry said it viewed the move as "..." and said
/// it would ..." has a nameless clause after the quote and the speaker before it.
fn prefer_named(a: Attribution, other: impl FnOnce() -> Option<Attribution>) -> Attribution {
    if a.speaker.name.is_some() {
        return a;
    }
    match other() {
        Some(b) if b.speaker.name.is_some() => b,
        _ => a,
    }
}

/// Index in `words` of the speech verb of a tag after a quotation. The verb is
/// looked for in the first 14 tokens; past them only right after a comma that
/// closes an apposition or relative clause of a name at the start ("Hanna Kowal,
/// the chief economist of the National Bank of Poland in Warsaw, said"), so a
/// speech verb deep in an unrelated clause is not taken.
fn tag_verb_index(text: &str, words: &[Tok]) -> Option<usize> {
    if let Some(i) = words
        .iter()
        .take(14)
        .position(|t| t.is_word() && names::is_speech_verb(t.s(text)))
    {
        return Some(i);
    }
    let first_comma = words.iter().take(8).position(|t| t.s(text) == ",")?;
    if first_comma == 0 || !text::is_capitalised(words[0].s(text)) {
        return None;
    }
    (first_comma + 2..words.len().min(48)).find(|&j| {
        let w = words[j].s(text);
        words[j].is_word()
            && names::is_speech_verb(w)
            && (words[j - 1].s(text) == ","
                || (j >= 2
                    && words[j - 2].s(text) == ","
                    && names::is_np_filler(words[j - 1].s(text))))
    })
}

/// Index of a lone pronoun between the last comma and the verb ("..., he warned").
fn pronoun_before_verb(text: &str, np: &[Tok]) -> Option<usize> {
    let c = np.iter().rposition(|t| t.s(text) == ",")?;
    let rest: Vec<usize> = (c + 1..np.len())
        .filter(|&k| np[k].is_word() && !names::is_np_filler(np[k].s(text)))
        .collect();
    match rest.as_slice() {
        [k] if matches!(
            np[*k].s(text).to_lowercase().as_str(),
            "he" | "she" | "they" | "we"
        ) =>
        {
            Some(*k)
        }
        _ => None,
    }
}

/// End (exclusive) of a name run in `words` from `from`: up to the first
/// punctuation or clause word, where the full stop of an abbreviated title ("Cmdr.",
/// "Lt. Gen.") belongs to the run.
fn np_run_end(text: &str, words: &[Tok], from: usize) -> usize {
    let mut k = from;
    while k < words.len() {
        let t = &words[k];
        let w = t.s(text);
        if t.is_word() {
            // "a person briefed on the talks", "officials close to the inquiry": the
            // phrase of an unnamed source goes on past its participle.
            let source_phrase = k > from
                && matches!(
                    words[k - 1].s(text).to_lowercase().as_str(),
                    "briefed" | "close" | "involved" | "familiar" | "knowledgeable"
                );
            if ends_np(w) && !source_phrase {
                break;
            }
        } else if !(w == "."
            && k > from
            && words[k - 1].end == t.start
            && (names::is_title(words[k - 1].s(text))
                || text::is_abbreviation(words[k - 1].s(text))))
        {
            break;
        }
        k += 1;
    }
    k
}

/// Verbs by which a recording or a witness presents a speaker ("a video showed X
/// saying", "X can be heard saying"). Class: quotes from recordings (issue 10 item 5,
/// sixth session).
fn is_perception_verb(w: &str) -> bool {
    matches!(
        w,
        "showed"
            | "shows"
            | "show"
            | "heard"
            | "hear"
            | "captured"
            | "filmed"
            | "caught"
            | "recorded"
    )
}

/// True when the head of `np` (its word before a preposition) is a plural role
/// ("Lawyers for the former minister", "officials at the ministry"): a single name in
/// apposition after it names the complement, not the speakers.
fn plural_role_head(text: &str, np: &[Tok]) -> bool {
    let head = np
        .iter()
        .take_while(|t| {
            !(t.is_word()
                && matches!(
                    t.s(text),
                    "for" | "of" | "to" | "at" | "from" | "with" | "in" | "on"
                ))
        })
        .filter(|t| t.is_word())
        .last();
    head.is_some_and(|t| {
        let w = t.s(text).to_lowercase();
        !w.ends_with("ss")
            && w.strip_suffix('s')
                .is_some_and(|one| names::is_title(one) || names::is_person_head(one))
    })
}

/// The noun phrase just before a verb, read leftwards to a clause boundary,
/// skipping adverbs like "also"; when an appositive between commas stands just
/// before the verb, the phrase before it is the main one and the appositive the
/// alternative ("The mayor of Lagos, Babajide Sanwo-Olu, says").
fn np_before(text: &str, toks: &[Tok]) -> (Vec<Tok>, Option<Vec<Tok>>) {
    let mut end = toks.len();
    // "Trump has since said": "since" right before the verb is an adverb.
    if end > 1 && toks[end - 1].s(text) == "since" && names::is_np_filler(toks[end - 2].s(text)) {
        end -= 1;
    }
    while end > 0
        && toks[end - 1].is_word()
        && names::is_np_filler(toks[end - 1].s(text))
        && !matches!(
            toks[end - 1].s(text).to_lowercase().as_str(),
            "the" | "a" | "an"
        )
    {
        end -= 1;
    }
    let mut appositive = None;
    if end > 0 && toks[end - 1].s(text) == "," {
        // An appositive of up to 16 tokens, or a longer relative clause ("McCormick,
        // who has split from many fellow Republicans on ..., told"), also on a short
        // noun phrase ("Twain, a lobbyist who has worked for ... and who ..., said").
        // A comma between digits ("more than 1,000 firms") is a thousands separator
        // (class "long relative clauses between the quote and the speaker", issue 10,
        // 16th session).
        let comma = (0..end - 1)
            .rev()
            .take(48)
            .find(|&i| toks[i].s(text) == "," && !digit_separator(text, toks, i))
            .filter(|&c| {
                // The relative word may follow a head with its complement ("Carla
                // Ibarra, a senator of the opposition National Action Party who has
                // fought the bill for two years, said"): class "long relative
                // clauses between the quote and the speaker" (issue 10, 16th session).
                end - 1 - c <= 16
                    || toks[c + 1..(c + 13).min(end - 1)].iter().any(|t| {
                        matches!(t.s(text).to_lowercase().as_str(), "who" | "which" | "whose")
                    })
            });
        if let Some(c) = comma {
            appositive = Some(toks[c + 1..end - 1].to_vec());
            end = c;
        }
        // An age between commas ("Jean-Pierre Mbala, 58, a former engineer who ...,
        // told"): the name is before it.
        if end >= 2
            && toks[end - 2].s(text) == ","
            && toks[end - 1].s(text).bytes().all(|b| b.is_ascii_digit())
        {
            end -= 2;
        }
        // Issue 10 class "a party/state tag between the quote and the speaker" (16th
        // session): "Rep. Andrea Villalobos, D-Calif., who co-chairs ..., said": the
        // tag between commas is no phrase of its own, the name is before it.
        if let Some(c) = party_tag_before(text, &toks[..end]) {
            end = c;
        }
    }
    // Issue 10 class "colon introductions with an abbreviation in parentheses" (16th
    // session): "The Kenya Private Sector Alliance (Kepsa) said:", "Sen. Ana Ruiz
    // (D-N.M.) said": a short bracket before the verb (or before the apposition) is
    // no clause boundary; the phrase before it is the subject.
    end = before_bracket(text, &toks[..end]);
    let mut start = end;
    // "a video in which she said": a relative word with a subject after it opens
    // the clause.
    let relative = |w: &str| matches!(w.to_lowercase().as_str(), "which" | "whom");
    while start > 0
        && end - start < 10
        && !starts_clause(toks[start - 1].s(text))
        && !(start < end && relative(toks[start - 1].s(text)))
    {
        start -= 1;
    }
    (toks[start..end].to_vec(), appositive)
}

/// True when the comma at `i` separates digit groups ("1,000"): it touches a digit on
/// both sides.
fn digit_separator(text: &str, toks: &[Tok], i: usize) -> bool {
    let digit_at = |k: usize, last: bool| {
        toks.get(k).is_some_and(|t| {
            let w = t.s(text);
            if last {
                w.ends_with(|c: char| c.is_ascii_digit())
            } else {
                w.starts_with(|c: char| c.is_ascii_digit())
            }
        })
    };
    i > 0
        && toks[i - 1].end == toks[i].start
        && toks.get(i + 1).is_some_and(|t| t.start == toks[i].end)
        && digit_at(i - 1, true)
        && digit_at(i + 1, false)
}

/// True when `s` is a party-and-state tag of American copy ("D-Calif.", "R-Texas",
/// "I-Vt.", "D-N.Y."): a party letter, a hyphen and a short capitalised state.
/// Class: a party/state tag between the quote and the speaker (issue 10, 16th session).
fn is_party_state_tag(s: &str) -> bool {
    let s = s.trim();
    let Some(state) = s
        .strip_prefix("D-")
        .or_else(|| s.strip_prefix("R-"))
        .or_else(|| s.strip_prefix("I-"))
    else {
        return false;
    };
    (2..=10).contains(&state.len())
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

/// The index of the comma that opens a party-and-state tag ending `toks` ("Rep.
/// Andrea Villalobos, D-Calif.,": the comma after the name), when the tokens after
/// it spell one ([`is_party_state_tag`]). Class: a party/state tag between the quote
/// and the speaker (issue 10, 16th session).
fn party_tag_before(text: &str, toks: &[Tok]) -> Option<usize> {
    let end = toks.len();
    let c = (end.saturating_sub(6)..end)
        .rev()
        .find(|&i| toks[i].s(text) == ",")?;
    (c + 1 < end && is_party_state_tag(&text[toks[c + 1].start..toks[end - 1].end])).then_some(c)
}

/// Where the phrase ending `toks` ends once a short bracket that closes it is left
/// out: "The Kenya Private Sector Alliance (Kepsa)", "Sen. Ana Ruiz (D-N.M.)" give
/// the index of "(". One to six tokens inside, no comma; `toks.len()` otherwise.
/// Class: colon introductions with an abbreviation in parentheses (issue 10, 16th
/// session).
fn before_bracket(text: &str, toks: &[Tok]) -> usize {
    let end = toks.len();
    if end < 3 || toks[end - 1].s(text) != ")" {
        return end;
    }
    let open = (end.saturating_sub(8)..end - 1)
        .rev()
        .find(|&i| matches!(toks[i].s(text), "(" | ")" | ","));
    match open {
        Some(o) if o > 0 && o + 1 < end - 1 && toks[o].s(text) == "(" => o,
        _ => end,
    }
}

/// The first noun phrase of a clause: its subject.
fn subject_np(text: &str, toks: &[Tok]) -> Vec<Tok> {
    // The first run that holds a name or pronoun, up to the first verb-like word.
    let end = toks
        .iter()
        .position(|t| {
            t.is_word()
                && !text::is_capitalised(t.s(text))
                && !names::is_pronoun(t.s(text))
                && !matches!(t.s(text).to_lowercase().as_str(), "the" | "a" | "an")
                && !names::is_title(t.s(text))
                && !names::is_person_head(t.s(text))
        })
        .unwrap_or(toks.len());
    // "Directives from Premier Li Wei ...": the author follows a document noun.
    if end < toks.len()
        && end > 0
        && matches!(toks[end].s(text), "from" | "by")
        && toks[..end]
            .iter()
            .rev()
            .find(|t| t.is_word())
            .is_some_and(|t| crate::speakers::is_document(&t.s(text).to_lowercase()))
    {
        let tail = toks[end + 1..]
            .iter()
            .position(|t| !t.is_word() || !text::is_capitalised(t.s(text)))
            .map_or(toks.len(), |p| end + 1 + p);
        return toks[..tail].to_vec();
    }
    toks[..end].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use herodotus_core::ActorKind;

    fn run(text: &str, mentions: &[Mention]) -> Vec<Quote> {
        let no_place = |_: &str| false;
        QuoteFinder::new(text, mentions, &no_place).find("t")
    }

    /// [`run`] with a place test that knows `places` (names and demonyms).
    fn run_places(text: &str, places: &[&str]) -> Vec<Quote> {
        let is_place = |w: &str| places.contains(&w);
        QuoteFinder::new(text, &[], &is_place).find("t")
    }

    fn speakers(qs: &[Quote]) -> Vec<Option<&str>> {
        qs.iter().map(|q| q.speaker.as_deref()).collect()
    }

    fn pairs(qs: &[Quote]) -> Vec<(String, Option<String>, String)> {
        qs.iter()
            .map(|q| (q.quote.clone(), q.speaker.clone(), q.kind.to_string()))
            .collect()
    }

    fn p(q: &str, s: Option<&str>, k: &str) -> (String, Option<String>, String) {
        (q.into(), s.map(Into::into), k.into())
    }

    #[test]
    fn straight_quote_with_tag_after() {
        let t = "Russian Foreign Minister Sergei Lavrov spoke in Moscow. \"We will respond to any provocation,\" Lavrov said.";
        let q = run(t, &[]);
        assert_eq!(
            pairs(&q),
            vec![p(
                "We will respond to any provocation,",
                Some("Sergei Lavrov"),
                "direct"
            )]
        );
        assert_eq!(q[0].verb.as_deref(), Some("said"));
        assert_eq!(
            &t[q[0].span[0]..q[0].span[1]],
            "We will respond to any provocation,"
        );
    }

    #[test]
    fn curly_quote_with_inverted_tag_and_code() {
        let t =
            "“The talks were useful and frank,” said Antony Blinken, the U.S. secretary of state.";
        let at = t.find("Antony").unwrap();
        let m = Mention::new(
            0,
            [at, at + 14],
            Some("USAGOV".into()),
            "Antony Blinken",
            ActorKind::Person,
        );
        assert_eq!(&t[at..at + 14], "Antony Blinken");
        let q = run(t, &[m]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_deref(), Some("Antony Blinken"));
        assert_eq!(q[0].speaker_code.as_deref(), Some("USAGOV"));
    }

    #[test]
    fn pronoun_and_title_speakers() {
        let t = "Chancellor Anna Berg met Prime Minister John Tate on Monday. \"This is a historic day for Europe,\" she said.\n\n\"We agree on almost everything,\" the prime minister told reporters.";
        let q = run(t, &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("Anna Berg"));
        assert_eq!(q[1].speaker.as_deref(), Some("John Tate"));
        assert_eq!(q[1].verb.as_deref(), Some("told"));
    }

    #[test]
    fn quote_before_speaker_with_colon() {
        let t = "Defence Minister Ali Reza said: \"Our forces are ready to defend the country.\"";
        let q = run(t, &[]);
        assert_eq!(
            pairs(&q),
            vec![p(
                "Our forces are ready to defend the country.",
                Some("Ali Reza"),
                "direct"
            )]
        );
    }

    #[test]
    fn split_quote_continued_after_tag() {
        let t = "\"We will not back down,\" said Maria Lopez, \"and we will win this fight in the courts.\"";
        let q = run(t, &[]);
        assert_eq!(q.len(), 2);
        assert!(
            q.iter()
                .all(|q| q.speaker.as_deref() == Some("Maria Lopez")),
            "{q:?}"
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_quote() {
        let t = "Ali Reza said: \"The situation is grave. We need help now.\n\n\"Without it, thousands of people will die this winter.\"\n\nOthers disagreed.";
        let q = run(t, &[]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].quote,
            "The situation is grave. We need help now. Without it, thousands of people will die this winter."
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Ali Reza"));
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let t = "\"He told me, 'We are ready,' and I believed him,\" Tom Hill said.";
        let q = run(t, &[]);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].quote,
            "He told me, 'We are ready,' and I believed him,"
        );
        let t = "“They shouted “go home” at us for hours,” Tom Hill said.";
        let q = run(t, &[]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].quote, "They shouted “go home” at us for hours,");
    }

    #[test]
    fn unattributed_quote_inherits_previous_speaker() {
        let t = "Tom Hill said the plan was dead. \"Nobody wants it any more. It is over.\"";
        let q = run(t, &[]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].kind, "indirect");
        assert_eq!(q[0].quote, "the plan was dead");
        assert_eq!(q[1].speaker.as_deref(), Some("Tom Hill"));
    }

    #[test]
    fn indirect_forms() {
        let t = "Tom Hill said on Tuesday that the talks had collapsed. The ceasefire would hold, Mary Stone told reporters. According to Ali Reza, the deal was signed in March. Aid will arrive next week, according to the United Nations.";
        let q = run(t, &[]);
        assert_eq!(
            pairs(&q),
            vec![
                p("the talks had collapsed", Some("Tom Hill"), "indirect"),
                p("The ceasefire would hold", Some("Mary Stone"), "indirect"),
                p("the deal was signed in March", Some("Ali Reza"), "indirect"),
                p(
                    "Aid will arrive next week",
                    Some("United Nations"),
                    "indirect"
                ),
            ]
        );
    }

    #[test]
    fn claims_as_a_plural_noun_reports_no_speech() {
        // After a past-tense verb, a possessive or a preposition: the noun.
        for t in [
            "The soldiers investigated claims against the militia in the north.",
            "The ministry dismissed his claims about the convoy on Monday.",
            "Officials looked into claims of abuse at the camp last year.",
        ] {
            assert!(run(t, &[]).is_empty(), "{t}");
        }
        // After its subject: the verb.
        let q = run("Tom Hill claims the talks had collapsed in May.", &[]);
        assert_eq!(
            pairs(&q),
            vec![p(
                "the talks had collapsed in May",
                Some("Tom Hill"),
                "indirect"
            )]
        );
    }

    #[test]
    fn unnamed_sources_have_no_speaker() {
        let t = "\"The strike hit a weapons depot near the border,\" a senior official said, speaking on condition of anonymity.";
        let q = run(t, &[]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn scare_quotes_are_dropped() {
        let t = "The so-called \"peace plan\" was rejected by the rebels on Sunday.";
        assert!(run(t, &[]).is_empty());
    }

    #[test]
    fn short_labels_after_a_characterising_verb_are_quotes() {
        // Issue 10 class "short partial quotes after a characterising verb":
        // the judgement of a named speaker, kept; a label inside a noun phrase is not.
        let t = "Councillor Maria Vance described the closure as \"shambolic\".";
        assert_eq!(
            pairs(&run(t, &[])),
            vec![p("shambolic", Some("Maria Vance"), "direct")]
        );
        let t = "Opposition leader Tomas Brandt accused the government of \"cowardice\".";
        assert_eq!(
            pairs(&run(t, &[])),
            vec![p("cowardice", Some("Tomas Brandt"), "direct")]
        );
        let t = "The union leader, Ruth Okafor, called the layoffs \"a betrayal.\"";
        assert_eq!(
            pairs(&run(t, &[])),
            vec![p("a betrayal.", Some("Ruth Okafor"), "direct")]
        );
        let t = "Ministers called the \"phase one\" deal a success on Monday.";
        assert!(run(t, &[]).is_empty());
    }

    #[test]
    fn a_title_with_a_full_stop_does_not_end_an_inverted_tag() {
        // '"...," said Dr. Ann Lund, "..."': both parts are Lund's.
        let t = "\"This policy,\" said Dr. Ann Lund, \"will require a review of every title.\"";
        assert_eq!(
            pairs(&run(t, &[])),
            vec![
                p("This policy,", Some("Ann Lund"), "direct"),
                p(
                    "will require a review of every title.",
                    Some("Ann Lund"),
                    "direct"
                ),
            ]
        );
    }

    #[test]
    fn the_premier_a_firm_and_a_descriptor_before_a_name() {
        // Quote classes "titles by another name" and "organisations introduced by a
        // descriptor".
        let t = "Prime Minister Ravi Solano spoke on Saturday. Addressing the crowd, the premier said: \"We have pulled the country back from the brink.\"";
        assert_eq!(
            pairs(&run(t, &[])),
            vec![p(
                "We have pulled the country back from the brink.",
                Some("Ravi Solano"),
                "direct"
            )]
        );
        let t = "Prime Minister Ravi Solano spoke on Saturday. Later the premier said: \"Growth is back.\"";
        assert_eq!(
            pairs(&run(t, &[])),
            vec![p("Growth is back.", Some("Ravi Solano"), "direct")]
        );
        // Quote class "companies named without an organisation word".
        let t = "Cascadia Outfitters will close 40 stores next year. \"We will offer severance to every worker,\" the company said.";
        assert_eq!(
            pairs(&run(t, &[])),
            vec![p(
                "We will offer severance to every worker,",
                Some("Cascadia Outfitters"),
                "direct"
            )]
        );
        let t = "Housing charity Hearthstone said the case was \"sadly not unusual\" and warned of more evictions.";
        assert_eq!(
            pairs(&run(t, &[])),
            vec![p("sadly not unusual", Some("Hearthstone"), "direct")]
        );
    }

    #[test]
    fn issue10_a_demonym_after_the_is_a_person_named_before() {
        // Issue 10 class "definite role descriptions": "the Austrian" is the person
        // the article introduced as Austrian, else the last subject who is given no
        // other nationality; never the country.
        let places = [
            "Austria",
            "Austrian",
            "Austrians",
            "Swiss",
            "Norway",
            "Norwegian",
            "Norwegians",
        ];
        let t = "Austrian coach Lukas Brandt praised his team. Norwegian striker Jonas Keller scored twice. \"We were lucky,\" Keller said.\n\nAsked about the referee, the Austrian said: \"He had an excellent evening.\"";
        let q = run_places(t, &places);
        assert_eq!(
            speakers(&q),
            [Some("Jonas Keller"), Some("Lukas Brandt")],
            "{q:?}"
        );
        let t = "Hamburg coach Lukas Brandt blamed the pitch after the defeat.\n\nAsked about the penalty, the Austrian said: \"It was never a foul, not in any league.\"";
        let q = run_places(t, &places);
        assert_eq!(speakers(&q), [Some("Lukas Brandt")], "{q:?}");
        // Nobody to refer to: no speaker, and not the word itself.
        let t = "The match ended in a draw.\n\n\"It was never a foul, not in any league,\" the Austrian said.";
        let q = run_places(t, &places);
        assert_eq!(speakers(&q), [None], "{q:?}");
    }

    #[test]
    fn issue10_sport_epithets_and_former_holders() {
        // Issue 10 class "definite role descriptions": "the skipper" is the captain
        // named before; "the former captain" is not the captain in office.
        let t = "Canada captain Maria Olsen scored the winner. \"We never stopped believing,\" said Olsen.\n\n\"The young players were brilliant tonight,\" the skipper added.";
        let q = run(t, &[]);
        assert_eq!(
            speakers(&q),
            [Some("Maria Olsen"), Some("Maria Olsen")],
            "{q:?}"
        );
        let t = "Team captain Ana Silva led the side to the title.\n\nAnders Holm, who now coaches the juniors, watched from the stands and said the crowd had been loud.\n\n\"I played here for ten years and never heard anything like it,\" the former captain said.";
        let q = run(t, &[]);
        assert_eq!(
            q.last().and_then(|q| q.speaker.as_deref()),
            Some("Anders Holm"),
            "{q:?}"
        );
    }

    #[test]
    fn issue10_an_acronym_of_a_persons_title() {
        // Issue 10 class "definite role descriptions": "the DGC", "the PM" are the
        // people whose title words have those initials, not organisations.
        let t = "The Director-General of Customs, Amina Bello, announced new rules on Friday.\n\n\"All traders must register by March,\" the DGC said.";
        let q = run(t, &[]);
        assert_eq!(
            q.last().and_then(|q| q.speaker.as_deref()),
            Some("Amina Bello"),
            "{q:?}"
        );
        let t = "Prime Minister Rhea Kumar toured the flooded district on Monday.\n\n\"Every family will get help,\" the PM said.";
        let q = run(t, &[]);
        assert_eq!(speakers(&q), [Some("Rhea Kumar")], "{q:?}");
        // No title with those initials: the acronym stays an organisation's name.
        let t =
            "Prime Minister Rhea Kumar toured the district.\n\n\"Growth will slow,\" the IMF said.";
        let q = run(t, &[]);
        assert_eq!(speakers(&q), [Some("IMF")], "{q:?}");
    }

    #[test]
    fn issue10_two_word_partial_quotes_in_a_speech_clause() {
        // Issue 10 class "short partial quotes in a speech clause": after "of", "as"
        // or a copula in a clause with a speech or characterising verb, two quoted
        // words are the speaker's, even when the clause goes on; the next quotation
        // of the sentence keeps the speaker.
        let t = "Opposition leader Tomas Brandt accused the cabinet of a 'total collapse' in planning for the storm.";
        assert_eq!(
            pairs(&run(t, &[])),
            vec![p("total collapse", Some("Tomas Brandt"), "direct")]
        );
        let t = "The Harbour Authority said its crews were 'working nonstop' to clear the quays, adding: 'Most berths will reopen by Friday.'";
        let q = run(t, &[]);
        assert_eq!(
            pairs(&q),
            vec![
                p("working nonstop", Some("Harbour Authority"), "direct"),
                p(
                    "Most berths will reopen by Friday.",
                    Some("Harbour Authority"),
                    "direct"
                ),
            ]
        );
        // Labels stay scare quotes: after "the", after "so-called", before a noun.
        for t in [
            "Tom Hill said the 'green zone' of the city was calm again.",
            "Tom Hill said the plan was part of a so-called 'green deal' for farmers.",
            "Tom Hill said the city was a 'green zone' model for the others.",
        ] {
            assert!(run(t, &[]).iter().all(|q| q.kind == "indirect"), "{t}");
        }
    }

    #[test]
    fn issue10_a_firm_called_by_a_description() {
        // Issue 10 class "organisations called by a description": "the power
        // utility", "the Ohio-based carmaker", "the company" are the firm the article
        // named, also by one unknown word as a sentence's subject, and not a
        // regulator's acronym nor a person named since.
        let t = "Norvolt imposed rolling blackouts on Monday after two turbines failed.\n\nThe power utility said the cuts were needed \"to keep the grid from collapsing\".";
        assert_eq!(speakers(&run(t, &[])), [Some("Norvolt")]);
        let t = "Harland Co. said it would cut output by a fifth.\n\nChief executive Dana Pruitt said orders had slowed.\n\n\"Demand has fallen sharply,\" the Ohio-based carmaker said.";
        let q = run(t, &[]);
        assert_eq!(
            q.last().and_then(|q| q.speaker.as_deref()),
            Some("Harland"),
            "{q:?}"
        );
        let t = "Brixa will pay a $5 million fine and appoint two new directors.\n\nThat post, the FCA alleged, was \"false and misleading\" to investors.\n\nIn a statement, the company said: \"We are glad the matter is settled.\"";
        let q = run(t, &[]);
        assert_eq!(speakers(&q), [Some("FCA"), Some("Brixa")], "{q:?}");
    }

    #[test]
    fn issue10_a_fragment_in_a_reported_clause() {
        // Issue 10 class "fragments in a reported clause": the nearest verb before
        // the fragment is inside what the speech verb reports; its pronoun subject is
        // the reporter, a named one speaks; a participle after a determiner is no verb.
        let t = "Kenya's transport ministry said it had asked the operator for \"a full written explanation\" of the crash.";
        assert_eq!(speakers(&run(t, &[])), [Some("Kenya's transport ministry")]);
        let t =
            "Mayor Lena Ortiz said she had asked the state for \"emergency funds within days.\"";
        assert_eq!(speakers(&run(t, &[])), [Some("Lena Ortiz")]);
        let t = "The Coastal Authority, which licenses the ferries, said in an emailed statement that it was \"reviewing every permit, one by one.\"";
        assert_eq!(speakers(&run(t, &[])), [Some("Coastal Authority")]);
        let t = "Tom Hill said Mary Stone had called the plan \"a costly mistake for everyone.\"";
        assert_eq!(speakers(&run(t, &[])), [Some("Mary Stone")]);
        // A verb that introduces the quotation keeps its own subject.
        let t = "Tom Hill phoned the office twice.\n\nThe clerk later recalled that he said, \"You will regret this, all of you.\"";
        assert_eq!(speakers(&run(t, &[])), [Some("Tom Hill")]);
    }

    #[test]
    fn unterminated_quote_closes_at_paragraph_end() {
        let t = "Tom Hill said: \"We will stay here until the end\n\nNext paragraph here.";
        let q = run(t, &[]);
        assert_eq!(q[0].quote, "We will stay here until the end");
    }

    #[test]
    fn a_quote_said_to_a_reporter_is_the_inner_speakers() {
        // `X said, "...," the office said`: the words are X's.
        let t = "Victor Lund called twice. During the call, Lund told a nurse he was armed and said, \"I will come back with my friends,\" the county sheriff's office said.";
        let q = run(t, &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("Victor Lund"), "{q:?}");
    }

    #[test]
    fn an_untagged_quote_after_a_sentence_takes_its_subject() {
        let t = "Pilar Reyes, the head of the nurses' union, spoke outside the hospital.\n\n\"We have waited three years for this contract.\"\n\n\"Our members are exhausted.\"";
        let q = run(t, &[]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            q.iter()
                .all(|q| q.speaker.as_deref() == Some("Pilar Reyes")),
            "{q:?}"
        );
        // Not across a paragraph that names nobody.
        let t = "Pilar Reyes spoke outside the hospital.\n\nThe strike went on.\n\nIt rained all week.\n\n\"Our members are exhausted.\"";
        assert_eq!(run(t, &[])[0].speaker, None);
    }

    #[test]
    fn the_one_quoted_and_the_subject_after_with_speak() {
        let t = "The ministry quoted General Pavel Orlov as saying: \"Our units have taken the village.\"";
        assert_eq!(run(t, &[])[0].speaker.as_deref(), Some("Pavel Orlov"));
        let t = "Egypt criticised the plan, with Foreign Minister Sameh Nour warning of \"grave consequences\".";
        let q = run(t, &[]);
        assert_eq!(q[0].quote, "grave consequences");
        assert_eq!(q[0].speaker.as_deref(), Some("Sameh Nour"));
    }

    #[test]
    fn according_to_after_the_quote() {
        let t = "\"The fire started in the kitchen,\" according to the Chicago Fire Department.";
        assert_eq!(
            run(t, &[])[0].speaker.as_deref(),
            Some("Chicago Fire Department")
        );
    }

    #[test]
    fn a_long_appositive_with_a_relative_clause_keeps_its_name() {
        // Class: "NAME, a NOUN who ... and who ..., said" (an appositive longer than
        // the 16-token limit, opened by a short noun phrase and a relative word).
        let t = "Mark Twain, a lobbyist who has worked for the industry for twenty years and who once served as an aide to the senator, said the bill \"makes no sense.\" Tom Hill, a farmer whose land lies next to the river that flooded twice last year and again in the spring, said: \"We lost everything.\"";
        let q = run(t, &[]);
        let speakers: Vec<_> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Mark Twain"), Some("Tom Hill")]);
    }

    #[test]
    fn tags_of_manner_name_the_speaker() {
        // Class: chanted, yelled, retorted ... tag a quotation; a group that chants is
        // not the previous quotation's speaker.
        let t = "Tom Hill spoke first. \"We will stay,\" he said. \"Enough is enough,\" the protesters chanted. \"Never,\" retorted Mary Stone.";
        let q = run(t, &[]);
        let speakers: Vec<_> = q
            .iter()
            .map(|q| (q.speaker.as_deref(), q.verb.as_deref()))
            .collect();
        assert_eq!(
            speakers,
            [
                (Some("Tom Hill"), Some("said")),
                (None, Some("chanted")),
                (Some("Mary Stone"), Some("retorted"))
            ]
        );
    }

    #[test]
    fn a_legislators_party_and_state_do_not_end_the_tag() {
        // Class: ", D-N.M.," / ", R-Texas," between a US legislator's name and the
        // verb; the full stop of "N.M." does not end the clause.
        let t = "\"We need answers,\" said Dana Whitcombe, a lawyer. \"People lost their homes,\" Sen. Maria Ortiz, D-N.M., told reporters. \"It is a scandal,\" Rep. Tom Hale, R-Calif., said.";
        let q = run(t, &[]);
        let speakers: Vec<_> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Dana Whitcombe"),
                Some("Maria Ortiz"),
                Some("Tom Hale")
            ]
        );
    }

    #[test]
    fn a_dateline_place_and_a_named_law_are_nobody() {
        // Class: the upper-case place of a dateline is no organisation that speaks,
        // and "the Finance Bill" is no man called Bill.
        let t = "SEATTLE (AP) \u{2014} Cascadia Outfitters said it would close stores.\n\n\"We are sorry,\" the company said.\n\nTreasury Secretary Amos Kiprono defended the Finance Bill. \"We must widen the tax base,\" he said.";
        let q = run(t, &[]);
        assert!(
            q.iter().all(|q| q.speaker.as_deref() != Some("SEATTLE")),
            "{q:?}"
        );
        let last = q.last().unwrap();
        assert_eq!(last.quote, "We must widen the tax base,");
        assert_eq!(last.speaker.as_deref(), Some("Amos Kiprono"));
    }

    #[test]
    fn a_given_name_tells_the_gender_before_a_pronoun_does() {
        // Class: pronoun gender. "her" after the subject's verb is someone else; the
        // given name says Marcus Feld is a man, so "she" is Angela Ruiz.
        let t = "Angela Ruiz testified on Tuesday. Defense attorney Marcus Feld asked her whether she kept records. \"No, he told me never to write anything down,\" she replied.";
        let q = run(t, &[]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Angela Ruiz"));
    }

    #[test]
    fn a_capitalised_speech_form_is_no_tag() {
        // "States" in "United States" is no speech verb; "said" before it is.
        let t = "Tom Hill has since said that the signing would take place in United States \"farm country,\" but nobody agreed.";
        let q = run(t, &[]);
        assert_eq!(q[0].quote, "farm country,");
        assert_eq!(q[0].speaker.as_deref(), Some("Tom Hill"));
        assert_eq!(q[0].verb.as_deref(), Some("said"));
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "Russia’s envoy said the ‘red lines’ of the West don’t exist any more.";
        let q = run(t, &[]);
        assert!(q.iter().all(|q| q.kind == "indirect"), "{q:?}");
    }

    /// Straight single marks: a quotation when a closing mark follows in the
    /// paragraph; apostrophes ("'90s", "rock 'n' roll", "farmers' union", "don't")
    /// are none, and a double quotation after them is still found.
    #[test]
    fn straight_single_quotations_and_apostrophes() {
        let words =
            |t: &str| -> Vec<String> { segments(t).iter().map(|s| segment_text(t, s)).collect() };
        assert_eq!(
            words("'We don't know yet,' the chief said."),
            ["We don't know yet,"]
        );
        assert_eq!(
            words("'The farmers' anger is real,' said Helen Walsh."),
            ["The farmers' anger is real,"]
        );
        assert_eq!(
            words("Its leader said: 'We have no choice.' The farmers' union agreed."),
            ["We have no choice."]
        );
        assert!(words("The band played rock 'n' roll in the '90s.").is_empty());
        assert_eq!(
            words("The '90s were good to the farmers' union, \"and to us,\" he said."),
            ["and to us,"]
        );
        assert_eq!(
            words("'He told me \"run\", and I ran,' said Maya Cole."),
            ["He told me \"run\", and I ran,"]
        );
        // Bad input: many marks, no panic, bounded work.
        let many = "a 'b ".repeat(5000);
        assert!(words(&many).len() <= 5000);
        let no_spaces = ":'a'".repeat(20000);
        assert!(words(&no_spaces).is_empty());
        let possessives = "'the farmers' ".repeat(20000);
        assert!(words(&possessives).len() <= 20000);
    }
}

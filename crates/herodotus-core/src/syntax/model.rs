//! The model: tagger, parser, labeller and lemmatiser, with its file format.
//!
//! File format (version 2): a text header, then the payload, uncompressed so that the
//! built-in model is used in place from the bytes embedded in the binary (nothing
//! decompressed, copied or built at load; the OS pages the tables in as they are used).
//! ```text
//! HERODOTUS-SYNTAX-MODEL 2
//! payload <bytes> check <16 hex digits: checksum of the payload>
//! # <attribution line>
//! <blank line>
//! <payload>
//! ```
//! The payload is little-endian: `HSY2`, the attribution, the three weight tables in
//! the layout of [`Weights`](super::features) (bucket offsets, key tags, records of a
//! scale and `i8` weights), the tag dictionary, the ambiguity classes, the dictionary
//! lexicon, the lemma rules
//! and tables, and `END!`. Every length and offset is checked against the bytes there
//! before use, and the checksum is checked at load, so a truncated, damaged or garbage
//! file gives a [`ModelError`], never a panic or a huge allocation.
//!
//! Version 1 files (zlib-compressed, tables rebuilt at load) are still read.

use super::features::{word_atoms, Bytes, IdMap, Weights};
use super::label;
use super::lemma::{Lemmatizer, Rule};
use super::parser::{self, State};
use super::repair;
use super::tagger::{self, Tagger};
use super::types::{DepRel, Upos};
use super::MAX_WINDOW;
use std::fmt;
use std::io::Read;
use std::sync::OnceLock;

const MAGIC_V1: &str = "HERODOTUS-SYNTAX-MODEL 1";
const MAGIC_LINE: &str = "HERODOTUS-SYNTAX-MODEL 2";
/// Header line naming the tagger's feature groups (absent: none).
const TAGGER_GROUPS: &str = "tagger-features ";

/// The attribution every model trained on UD English EWT carries.
pub const ATTRIBUTION: &str = "Trained on UD English EWT (Universal Dependencies, CC BY-SA 4.0, \
https://universaldependencies.org/); this model is a derived work, licensed CC BY-SA 4.0.";

/// Why a model could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelError {
    /// The bytes do not start with the model header (not a model file).
    NotAModel,
    /// The file is a model but damaged or truncated.
    Corrupt(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotAModel => write!(
                f,
                "not a herodotus syntax model (bad header; expected {MAGIC_LINE:?})"
            ),
            ModelError::Corrupt(m) => write!(f, "corrupt or truncated syntax model: {m}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// A trained tagger, parser and lemmatiser. Immutable, `Send + Sync`.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub(crate) tagger: Tagger,
    pub(crate) parser: Weights,
    pub(crate) labeller: Weights,
    pub(crate) lemmas: Lemmatizer,
    pub(crate) attribution: String,
}

/// The analysis of one sentence: per word a UPOS tag, a lemma, a head and a relation.
/// Reuse one per thread: its buffers are kept between calls.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// UPOS tag of each word.
    pub upos: Vec<Upos>,
    /// Head of each word: 0 for the root, else the 1-based index of the head word.
    pub head: Vec<u32>,
    /// Relation of each word to its head (`Root` iff head is 0).
    pub deprel: Vec<DepRel>,
    lemma_text: String,
    lemma_end: Vec<u32>,
    ws: Workspace,
}

#[derive(Clone, Debug, Default)]
struct Workspace {
    atoms: Vec<super::features::WordAtoms>,
    chars: Vec<char>,
    lower_chars: Vec<char>,
    lower: String,
    feats: Vec<u64>,
    state: State,
    label: label::Scratch,
    repair: repair::Scratch,
    rels: Vec<DepRel>,
    /// The heads of an unlabelled parse, 0-based with `n` for the root (what the
    /// labeller reads; see [`Model::relation`]).
    whead: Vec<u32>,
    /// `whead` and `label.kids` hold the parse of the whole analysis, unlabelled
    /// (see [`Model::parse_tagged_unlabelled`]).
    unlabelled: bool,
    /// The repairs after parsing are off ([`Analysis::set_repairs`]).
    no_repairs: bool,
}

impl Analysis {
    /// An empty analysis.
    pub fn new() -> Analysis {
        Analysis::default()
    }

    /// Number of words analysed.
    pub fn len(&self) -> usize {
        self.upos.len()
    }

    /// No words.
    pub fn is_empty(&self) -> bool {
        self.upos.is_empty()
    }

    /// Turns the deterministic repairs after parsing on (the default) or off: the
    /// re-rooting of reported speech at its verb, the attachment of punctuation by the
    /// UD guideline and the passive-subject labels. Off gives the parser's and the
    /// labeller's own output, to measure what the repairs change.
    pub fn set_repairs(&mut self, on: bool) {
        self.ws.no_repairs = !on;
    }

    /// The lemma of word `i` (0-based).
    pub fn lemma(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.lemma_end[i - 1] as usize
        };
        &self.lemma_text[start..self.lemma_end[i] as usize]
    }
}

static BUILTIN_BYTES: &[u8] = include_bytes!("../../model/en-ud.hmodel");
static BUILTIN: OnceLock<Result<Model, ModelError>> = OnceLock::new();

/// The bytes of the built-in model file (to time loading, or to write it out).
pub fn builtin_bytes() -> &'static [u8] {
    BUILTIN_BYTES
}

impl Model {
    /// The model shipped with the library, decoded on first use.
    ///
    /// # Panics
    /// If the embedded model is damaged, which `cargo test` rules out; use
    /// [`Model::try_builtin`] to get the error instead.
    pub fn builtin() -> &'static Model {
        match Model::try_builtin() {
            Ok(m) => m,
            Err(e) => panic!("the built-in syntax model does not load: {e}"),
        }
    }

    /// The model shipped with the library, or why it does not load.
    pub fn try_builtin() -> Result<&'static Model, &'static ModelError> {
        BUILTIN
            .get_or_init(|| Model::from_static(BUILTIN_BYTES))
            .as_ref()
    }

    /// Builds the lookup tables of the weights now (about 40 MB for the built-in
    /// model); otherwise each is built on its first use. Loading stays cheap: the
    /// tables are read in place from the model's bytes, and this re-lays them once for
    /// lookups that read one slot each.
    pub fn prepare(&self) {
        self.tagger.weights.prepare();
        self.parser.prepare();
        self.labeller.prepare();
    }

    /// The attribution line (data the model was trained on, and its licence).
    pub fn attribution(&self) -> &str {
        &self.attribution
    }

    /// Tags, lemmatises and parses one sentence of `words` into `out`.
    ///
    /// Sentences longer than [`MAX_WINDOW`] words are parsed in consecutive windows of
    /// at most that many words (cost stays linear); the root of every later window is
    /// attached to the first window's root as `parataxis`.
    pub fn analyse<S: AsRef<str>>(&self, words: &[S], out: &mut Analysis) {
        self.analyse_inner(words, None, out)
    }

    /// Like [`Model::analyse`], but with the UPOS tags given (for evaluating the parser
    /// apart from the tagger); `tags` must have one tag per word.
    pub fn analyse_tagged<S: AsRef<str>>(&self, words: &[S], tags: &[Upos], out: &mut Analysis) {
        self.analyse_inner(words, Some(tags), out)
    }

    /// Tags and lemmatises one sentence of `words` into `out`, without parsing: `upos`
    /// and the lemmas are filled (the same as [`Model::analyse`] gives), `head` and
    /// `deprel` are left empty. About a tenth of the cost of `analyse`; for callers
    /// that need only the tags.
    pub fn tag<S: AsRef<str>>(&self, words: &[S], out: &mut Analysis) {
        self.tag_inner(words, None, out);
        out.head.clear();
        out.deprel.clear();
    }

    fn tag_inner<S: AsRef<str>>(&self, words: &[S], tags: Option<&[Upos]>, out: &mut Analysis) {
        let n = words.len();
        let Analysis {
            upos,
            lemma_text,
            lemma_end,
            ws,
            ..
        } = out;
        ws.unlabelled = false;
        ws.atoms.clear();
        for w in words {
            ws.atoms
                .push(word_atoms(w.as_ref(), &mut ws.chars, &mut ws.lower_chars));
        }
        match tags {
            Some(t) if t.len() == n => {
                upos.clear();
                upos.extend_from_slice(t);
            }
            _ => self.tagger.tag(&ws.atoms, upos, &mut ws.feats),
        }
        lemma_text.clear();
        lemma_end.clear();
        for (w, &u) in words.iter().zip(upos.iter()) {
            self.lemmas.lemma(w.as_ref(), u, &mut ws.lower, lemma_text);
            lemma_end.push(lemma_text.len() as u32);
        }
    }

    /// Parses `words` on the tags that [`Model::tag`] just gave them in `out`: the same
    /// as `analyse_tagged(words, &out.upos, out)`, without computing the words' atoms,
    /// tags and lemmas again. If `out` does not hold the tagging of `words` (another
    /// length), they are tagged first.
    pub fn parse_tagged<S: AsRef<str>>(&self, words: &[S], out: &mut Analysis) {
        self.ensure_tagged(words, out);
        self.parse_inner(out, true);
    }

    /// Tags `words` into `out` unless it holds a tagging of that many words.
    fn ensure_tagged<S: AsRef<str>>(&self, words: &[S], out: &mut Analysis) {
        if out.upos.len() != words.len()
            || out.ws.atoms.len() != words.len()
            || out.lemma_end.len() != words.len()
        {
            self.tag_inner(words, None, out);
        }
    }

    fn analyse_inner<S: AsRef<str>>(&self, words: &[S], tags: Option<&[Upos]>, out: &mut Analysis) {
        self.tag_inner(words, tags, out);
        self.parse_inner(out, true);
    }

    /// Like [`Model::parse_tagged`], but the relations are left to be computed on
    /// demand with [`Model::relation`]: `head` is filled, `deprel` is left empty
    /// (and filled as usual when the sentence is longer than one window,
    /// [`MAX_WINDOW`]). A relation depends only on the tree, the words and the tags,
    /// so a relation asked for is the one [`Model::parse_tagged`] gives; a caller that
    /// reads the relations of a few words skips labelling the others.
    pub fn parse_tagged_unlabelled<S: AsRef<str>>(&self, words: &[S], out: &mut Analysis) {
        self.ensure_tagged(words, out);
        // Longer sentences are labelled as they are parsed, window by window.
        let labelled = words.len() > MAX_WINDOW;
        self.parse_inner(out, labelled);
    }

    /// Parses, on the tags in `out` (see [`Model::parse_tagged`]), only the given
    /// spans of words (`start..end`, 0-based, disjoint), each as a sentence of its
    /// own; a word outside every span is left unattached (head 0, like a root). The
    /// relations are left to [`Model::relation`], as in
    /// [`Model::parse_tagged_unlabelled`]. For a caller that reads the arcs of a few
    /// clauses only: the cost is that of the words in the spans. A sentence longer
    /// than [`MAX_WINDOW`] is parsed and labelled whole.
    pub fn parse_spans_unlabelled<S: AsRef<str>>(
        &self,
        words: &[S],
        spans: &[(usize, usize)],
        out: &mut Analysis,
    ) {
        if words.len() > MAX_WINDOW {
            return self.parse_tagged(words, out);
        }
        self.ensure_tagged(words, out);
        let n = out.upos.len();
        out.head.clear();
        out.deprel.clear();
        let ws = &mut out.ws;
        ws.whead.clear();
        ws.whead.resize(n, n as u32);
        for &(s, e) in spans {
            let e = e.min(n);
            if s >= e {
                continue;
            }
            let m = e - s;
            let (atoms, tags) = (&ws.atoms[s..e], &out.upos[s..e]);
            parser::parse(&self.parser, atoms, tags, &mut ws.state, &mut ws.feats);
            if !ws.no_repairs {
                repair::tree(atoms, tags, &mut ws.state.head[..m], &mut ws.repair);
            }
            for (i, &h) in ws.state.head[..m].iter().enumerate() {
                ws.whead[s + i] = if h as usize == m {
                    n as u32
                } else {
                    (s + h as usize) as u32
                };
            }
        }
        ws.label.kids.build(&ws.whead);
        out.head.extend(
            ws.whead
                .iter()
                .map(|&h| if h as usize == n { 0 } else { h + 1 }),
        );
        ws.unlabelled = true;
    }

    /// Labels every word of an analysis that [`Model::parse_spans_unlabelled`] or
    /// [`Model::parse_tagged_unlabelled`] left unlabelled (fills `deprel`).
    pub fn label_all(&self, out: &mut Analysis) {
        if out.deprel.len() != out.len() {
            let rels: Vec<DepRel> = (0..out.len()).map(|i| self.relation(out, i)).collect();
            out.deprel = rels;
        }
    }

    /// The relation of word `i` (0-based) to its head in `a`: the one in `a.deprel`
    /// when the analysis is labelled, else computed now from the parse that
    /// [`Model::parse_tagged_unlabelled`] left in `a` (the same relation
    /// [`Model::parse_tagged`] gives). [`DepRel::Dep`] for a word out of range or an
    /// analysis without a parse.
    pub fn relation(&self, a: &Analysis, i: usize) -> DepRel {
        if a.deprel.len() == a.len() {
            return a.deprel.get(i).copied().unwrap_or(DepRel::Dep);
        }
        let n = a.len();
        if !a.ws.unlabelled || i >= n || a.head.len() != n || a.ws.whead.len() != n {
            return DepRel::Dep;
        }
        let wh = &a.ws.whead[..];
        let rel = self.labeller_relation(a, i);
        if a.ws.no_repairs {
            return rel;
        }
        repair::relation(wh, &a.upos, i, rel, |k| self.labeller_relation(a, k))
    }

    /// The labeller's relation of word `i` in the unlabelled parse left in `a`, before
    /// the label repairs (the caller checks that `a` holds such a parse).
    fn labeller_relation(&self, a: &Analysis, i: usize) -> DepRel {
        let n = a.len();
        let wh = &a.ws.whead[..];
        if wh[i] as usize == n {
            return DepRel::Root;
        }
        let mut feats = Vec::with_capacity(96);
        label::features(&a.ws.atoms, &a.upos, wh, &a.ws.label.kids, i, &mut feats);
        let mut scores = [0f32; 64];
        let scores = &mut scores[..self.labeller.n_classes.min(64)];
        self.labeller.score(&feats, scores);
        super::features::argmax_allowed(scores, |c| c != DepRel::Root as usize)
            .and_then(DepRel::from_index)
            .unwrap_or(DepRel::Dep)
    }

    /// Parses the words tagged in `out` (atoms and tags filled) window by window
    /// ([`MAX_WINDOW`]) into `head`, and with `labelled` labels them into `deprel`.
    /// Unlabelled, `deprel` stays empty and the parse is kept for
    /// [`Model::relation`]: only for a sentence of one window.
    fn parse_inner(&self, out: &mut Analysis, labelled: bool) {
        let n = out.upos.len();
        let Analysis {
            upos,
            head,
            deprel,
            ws,
            ..
        } = out;
        ws.unlabelled = !labelled;
        head.clear();
        deprel.clear();
        let mut first_root: Option<usize> = None;
        let mut start = 0;
        while start < n {
            let end = (start + MAX_WINDOW).min(n);
            let m = end - start;
            let wa = &ws.atoms[start..end];
            let wt = &upos[start..end];
            parser::parse(&self.parser, wa, wt, &mut ws.state, &mut ws.feats);
            if !ws.no_repairs {
                repair::tree(wa, wt, &mut ws.state.head[..m], &mut ws.repair);
            }
            if labelled {
                label::label(
                    &self.labeller,
                    wa,
                    wt,
                    &ws.state.head[..m],
                    &mut ws.label,
                    &mut ws.rels,
                );
                if !ws.no_repairs {
                    repair::labels(&ws.state.head[..m], wt, &mut ws.rels);
                }
            } else {
                ws.whead.clear();
                ws.whead.extend_from_slice(&ws.state.head[..m]);
                ws.label.kids.build(&ws.whead);
            }
            for i in 0..m {
                let h = ws.state.head[i] as usize;
                let (to, rel) = if h != m {
                    ((start + h + 1) as u32, ws.rels.get(i).copied())
                } else if let Some(r) = first_root {
                    // Every later window's root hangs on the first one's.
                    (r as u32 + 1, Some(DepRel::Parataxis))
                } else {
                    first_root = Some(start + i);
                    (0, Some(DepRel::Root))
                };
                head.push(to);
                if labelled {
                    deprel.push(rel.unwrap_or(DepRel::Dep));
                }
            }
            start = end;
        }
    }

    /// Serialises the model (header with attribution and checksum, then the payload).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::new();
        p.extend_from_slice(b"HSY2");
        put_str(&mut p, &self.attribution);
        for w in [&self.tagger.weights, &self.parser, &self.labeller] {
            p.extend_from_slice(w.bytes());
        }
        self.put_small_tables(&mut p);
        p.extend_from_slice(b"END!");
        // The tagger's feature groups go in the header (a line older readers skip),
        // and only when there are any, so older models are written as they were.
        let groups = match self.tagger.groups {
            0 => String::new(),
            g => format!("{TAGGER_GROUPS}{g}\n"),
        };
        let mut out = format!(
            "{MAGIC_LINE}\npayload {} check {:016x}\n{groups}# {}\n\n",
            p.len(),
            checksum(&p),
            self.attribution
        )
        .into_bytes();
        out.extend_from_slice(&p);
        out
    }

    fn put_small_tables(&self, p: &mut Vec<u8>) {
        put_map(p, &self.tagger.tagdict, |p, v| p.push(*v));
        put_map(p, &self.tagger.classes, |p, v| {
            p.extend_from_slice(&v.to_le_bytes())
        });
        put_map(p, &self.tagger.lexicon, |p, v| p.push(*v));
        put_u32(p, self.lemmas.rules.len() as u32);
        for r in &self.lemmas.rules {
            p.push(r.strip);
            p.push(r.lower as u8);
            put_str(p, &r.append);
        }
        put_map(p, &self.lemmas.forms, |p, v| {
            p.extend_from_slice(&v.to_le_bytes())
        });
        put_map(p, &self.lemmas.suffixes, |p, v| {
            p.extend_from_slice(&v.to_le_bytes())
        });
    }

    /// Reads a model from bytes that live for the whole program (the embedded model):
    /// the weight tables are used in place, not copied.
    pub fn from_static(bytes: &'static [u8]) -> Result<Model, ModelError> {
        Model::read(bytes, Bytes::Static(bytes))
    }

    /// Reads a model from the bytes of a model file (copied once; see
    /// [`Model::from_static`] for bytes that need no copy).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.starts_with(MAGIC_V1.as_bytes()) {
            return Model::from_bytes_v1(bytes);
        }
        Model::read(bytes, Bytes::Owned(bytes.into()))
    }

    /// Reads a version 2 file; `data` holds the same bytes as `bytes`.
    fn read(bytes: &[u8], data: Bytes) -> Result<Model, ModelError> {
        let header_end = find_blank_line(bytes).ok_or(ModelError::NotAModel)?;
        let header =
            std::str::from_utf8(&bytes[..header_end]).map_err(|_| ModelError::NotAModel)?;
        let mut lines = header.lines();
        match lines.next() {
            Some(MAGIC_LINE) => {}
            Some(MAGIC_V1) => return Model::from_bytes_v1(bytes),
            _ => return Err(ModelError::NotAModel),
        }
        let start = header_end + 2;
        let payload = &bytes[start..];
        let (declared, check) = lines
            .next()
            .and_then(|l| l.strip_prefix("payload "))
            .and_then(|l| l.split_once(" check "))
            .and_then(|(n, c)| Some((n.parse::<usize>().ok()?, u64::from_str_radix(c, 16).ok()?)))
            .ok_or_else(|| {
                ModelError::Corrupt("header lacks the payload length or checksum".into())
            })?;
        if declared != payload.len() {
            return Err(ModelError::Corrupt(format!(
                "payload is {} bytes, header says {declared} (truncated?)",
                payload.len()
            )));
        }
        if checksum(payload) != check {
            return Err(ModelError::Corrupt(
                "checksum mismatch (the file is damaged)".into(),
            ));
        }
        let mut groups = 0;
        for l in lines {
            if let Some(g) = l.strip_prefix(TAGGER_GROUPS) {
                groups = g
                    .parse::<u32>()
                    .ok()
                    .filter(|g| g & !tagger::groups::ALL == 0)
                    .ok_or_else(|| {
                        ModelError::Corrupt(format!("bad tagger feature groups {g:?}"))
                    })?;
            }
        }
        let mut r = Reader {
            b: bytes,
            at: start,
        };
        if r.take(4)? != b"HSY2" {
            return Err(ModelError::Corrupt("bad payload magic".into()));
        }
        let attribution = r.string()?;
        let mut tables = Vec::with_capacity(3);
        for _ in 0..3 {
            let (w, end) = Weights::parse(data.clone(), r.at).map_err(ModelError::Corrupt)?;
            r.at = end;
            tables.push(w);
        }
        let mut m = Model::finish(&mut r, tables, attribution, true)?;
        m.tagger.groups = groups;
        Ok(m)
    }

    /// Reads a version 1 file (zlib; tables rebuilt).
    fn from_bytes_v1(bytes: &[u8]) -> Result<Model, ModelError> {
        let header_end = find_blank_line(bytes).ok_or(ModelError::NotAModel)?;
        let header =
            std::str::from_utf8(&bytes[..header_end]).map_err(|_| ModelError::NotAModel)?;
        let mut lines = header.lines();
        if lines.next() != Some(MAGIC_V1) {
            return Err(ModelError::NotAModel);
        }
        let packed = &bytes[header_end + 2..];
        let declared = lines
            .next()
            .and_then(|l| l.strip_prefix("payload "))
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| ModelError::Corrupt("header lacks the payload length".into()))?;
        if declared != packed.len() {
            return Err(ModelError::Corrupt(format!(
                "payload is {} bytes, header says {declared} (truncated?)",
                packed.len()
            )));
        }
        let mut payload = Vec::new();
        flate2::read::ZlibDecoder::new(packed)
            .take(1 << 30)
            .read_to_end(&mut payload)
            .map_err(|e| ModelError::Corrupt(format!("decompression failed: {e}")))?;
        let mut r = Reader { b: &payload, at: 0 };
        if r.take(4)? != b"HSYN" {
            return Err(ModelError::Corrupt("bad payload magic".into()));
        }
        let version = r.u32()?;
        if version != 1 {
            return Err(ModelError::Corrupt(format!(
                "unsupported version {version}"
            )));
        }
        let attribution = r.string()?;
        let mut tables = Vec::new();
        for _ in 0..3 {
            let n_classes = r.u32()? as usize;
            if n_classes == 0 || n_classes > 256 {
                return Err(ModelError::Corrupt(format!("bad class count {n_classes}")));
            }
            let n = r.u32()? as usize;
            r.need(n.saturating_mul(12 + n_classes))?;
            let keys: Vec<u64> = r
                .take(8 * n)?
                .chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
                .collect();
            let scales: Vec<f32> = r
                .take(4 * n)?
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect();
            let rows: Vec<i8> = r.take(n * n_classes)?.iter().map(|&b| b as i8).collect();
            if keys.contains(&0) || keys.windows(2).any(|w| w[0] >= w[1]) {
                return Err(ModelError::Corrupt(
                    "feature keys not sorted and unique".into(),
                ));
            }
            if scales.iter().any(|s| !s.is_finite()) {
                return Err(ModelError::Corrupt("non-finite weight scale".into()));
            }
            tables.push(Weights::from_rows(n_classes, &keys, &scales, &rows));
        }
        Model::finish(&mut r, tables, attribution, false)
    }

    /// Reads what follows the weight tables (the same in both versions) and checks the
    /// tables' class counts.
    fn finish(
        r: &mut Reader<'_>,
        tables: Vec<Weights>,
        attribution: String,
        has_lexicon: bool,
    ) -> Result<Model, ModelError> {
        let tagdict = r.map(|r| {
            let t = r.take(1)?[0];
            if t as usize >= Upos::ALL.len() {
                return Err(ModelError::Corrupt(format!("bad tag {t}")));
            }
            Ok(t)
        })?;
        let classes = r.map(|r| r.u32())?;
        let lexicon = if has_lexicon {
            r.map(|r| Ok(r.take(1)?[0]))?
        } else {
            IdMap::default()
        };
        let n_rules = r.u32()? as usize;
        r.need(n_rules.saturating_mul(6))?;
        let mut rules = Vec::with_capacity(n_rules);
        for _ in 0..n_rules {
            let strip = r.take(1)?[0];
            let lower = r.take(1)?[0] != 0;
            let append = r.string()?;
            rules.push(Rule {
                strip,
                lower,
                append,
            });
        }
        let rule_id = |r: &mut Reader| {
            let v = u16::from_le_bytes(r.take(2)?.try_into().expect("2 bytes"));
            if v as usize >= n_rules {
                return Err(ModelError::Corrupt(format!("bad lemma rule {v}")));
            }
            Ok(v)
        };
        let forms = r.map(rule_id)?;
        let suffixes = r.map(rule_id)?;
        if r.take(4)? != b"END!" || r.at != r.b.len() {
            return Err(ModelError::Corrupt("missing end marker".into()));
        }
        let mut tables = tables.into_iter();
        let (tw, pw, lw) = (tables.next(), tables.next(), tables.next());
        let (Some(tw), Some(pw), Some(lw)) = (tw, pw, lw) else {
            return Err(ModelError::Corrupt("missing tables".into()));
        };
        if tw.n_classes != Upos::ALL.len()
            || pw.n_classes != parser::N_MOVES
            || lw.n_classes != label::n_labels()
        {
            return Err(ModelError::Corrupt(
                "class counts do not match this version".into(),
            ));
        }
        Ok(Model {
            tagger: Tagger {
                weights: tw,
                tagdict,
                classes,
                lexicon,
                groups: 0,
            },
            parser: pw,
            labeller: lw,
            lemmas: Lemmatizer {
                rules,
                forms,
                suffixes,
            },
            attribution,
        })
    }

    /// Sizes for reports: features in the tagger, parser and labeller tables.
    pub fn sizes(&self) -> [usize; 3] {
        [
            self.tagger.weights.len(),
            self.parser.len(),
            self.labeller.len(),
        ]
    }
}

/// A checksum of the payload: 64-bit words folded in four independent lanes (fast:
/// about 1 ms per 10 MB), then mixed; catches damage, not tampering.
fn checksum(b: &[u8]) -> u64 {
    let mut lanes = [0x6a09_e667_f3bc_c908u64, 1, 2, 3];
    let mut chunks = b.chunks_exact(32);
    for c in &mut chunks {
        for (j, l) in lanes.iter_mut().enumerate() {
            let w = u64::from_le_bytes(c[8 * j..8 * j + 8].try_into().expect("8 bytes"));
            *l = (*l ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
        }
    }
    let mut h = b.len() as u64;
    for l in lanes {
        h = super::features::mix(h, l);
    }
    for &x in chunks.remainder() {
        h = super::features::mix(h, x as u64);
    }
    h
}

fn find_blank_line(b: &[u8]) -> Option<usize> {
    b.windows(2).take(4096).position(|w| w == b"\n\n")
}

fn put_u32(p: &mut Vec<u8>, v: u32) {
    p.extend_from_slice(&v.to_le_bytes());
}

fn put_str(p: &mut Vec<u8>, s: &str) {
    put_u32(p, s.len() as u32);
    p.extend_from_slice(s.as_bytes());
}

fn put_map<V>(p: &mut Vec<u8>, m: &IdMap<V>, put: impl Fn(&mut Vec<u8>, &V)) {
    let mut keys: Vec<&u64> = m.keys().collect();
    keys.sort();
    put_u32(p, keys.len() as u32);
    for k in keys {
        p.extend_from_slice(&k.to_le_bytes());
        put(p, &m[k]);
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn need(&self, n: usize) -> Result<(), ModelError> {
        if self.b.len() - self.at < n {
            Err(ModelError::Corrupt(format!(
                "payload ends early (need {n} bytes at offset {}, {} left)",
                self.at,
                self.b.len() - self.at
            )))
        } else {
            Ok(())
        }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        self.need(n)?;
        let s = &self.b[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn string(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Corrupt("bad UTF-8 string".into()))
    }
    fn map<V>(
        &mut self,
        mut val: impl FnMut(&mut Self) -> Result<V, ModelError>,
    ) -> Result<IdMap<V>, ModelError> {
        let n = self.u32()? as usize;
        self.need(n.saturating_mul(9))?;
        let mut m = IdMap::default();
        m.reserve(n);
        for _ in 0..n {
            let k = self.u64()?;
            let v = val(self)?;
            m.insert(k, v);
        }
        Ok(m)
    }
}

//! A strict CoNLL-U reader (UD v2 format): ten tab-separated columns per word, `#`
//! comments, multiword-token lines (`3-4`) and empty nodes (`5.1`).
//!
//! Every problem names `file:line`. A malformed sentence is reported and skipped; the
//! others are still returned, so an evaluation can go on and say how much it skipped.

use super::types::{DepRel, Upos};
use std::fmt;

/// One syntactic word.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Word {
    /// The FORM column.
    pub form: String,
    /// The LEMMA column.
    pub lemma: String,
    /// The UPOS column.
    pub upos: Upos,
    /// The XPOS column (`_` kept as is).
    pub xpos: String,
    /// Head: 0 for the root, else the 1-based index of the head word.
    pub head: u32,
    /// The DEPREL column.
    pub deprel: DepRel,
}

/// A multiword token (`3-4  don't`): the surface form of words `first..=last` (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MultiWord {
    /// First word (1-based).
    pub first: u32,
    /// Last word (1-based, inclusive).
    pub last: u32,
    /// The surface form.
    pub form: String,
}

/// One sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sentence {
    /// The `# sent_id = ` comment.
    pub sent_id: Option<String>,
    /// The `# text = ` comment.
    pub text: Option<String>,
    /// The words, in order (word `i` has id `i + 1`).
    pub words: Vec<Word>,
    /// The multiword tokens.
    pub multiwords: Vec<MultiWord>,
    /// Line of the sentence's first line in its file (1-based).
    pub line: usize,
}

/// A malformed line.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConlluError {
    /// The file name as given.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConlluError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ConlluError {}

/// Reads CoNLL-U text. Returns the well-formed sentences and one error per malformed
/// sentence (the first problem found in it); `file` is only used in messages.
pub fn read(text: &str, file: &str) -> (Vec<Sentence>, Vec<ConlluError>) {
    let mut sentences = Vec::new();
    let mut errors = Vec::new();
    let mut cur = Sentence::default();
    let mut head_lines: Vec<usize> = Vec::new();
    let mut bad: Option<ConlluError> = None;
    let mut started = false;
    let err = |line: usize, message: String| ConlluError {
        file: file.to_string(),
        line,
        message,
    };
    let mut finish = |cur: &mut Sentence,
                      head_lines: &mut Vec<usize>,
                      bad: &mut Option<ConlluError>,
                      started: &mut bool,
                      end_line: usize| {
        if !*started {
            return;
        }
        let s = std::mem::take(cur);
        let lines = std::mem::take(head_lines);
        *started = false;
        if let Some(e) = bad.take() {
            errors.push(e);
            return;
        }
        if s.words.is_empty() {
            errors.push(err(s.line, "sentence has comments but no words".into()));
            return;
        }
        let n = s.words.len() as u32;
        for (i, w) in s.words.iter().enumerate() {
            if w.head > n {
                errors.push(err(
                    lines[i],
                    format!("head {} is beyond the sentence's {} words", w.head, n),
                ));
                return;
            }
            if w.head == i as u32 + 1 {
                errors.push(err(lines[i], "a word cannot be its own head".into()));
                return;
            }
        }
        if !s.words.iter().any(|w| w.head == 0) {
            errors.push(err(
                end_line,
                "sentence has no root (no word with head 0)".into(),
            ));
            return;
        }
        sentences.push(s);
    };
    let mut last_line = 0;
    for (ln0, raw) in text.split('\n').enumerate() {
        let ln = ln0 + 1;
        last_line = ln;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            finish(&mut cur, &mut head_lines, &mut bad, &mut started, ln);
            continue;
        }
        if !started {
            started = true;
            cur.line = ln;
        }
        if bad.is_some() {
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("sent_id =") {
                cur.sent_id = Some(v.trim().to_string());
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            bad = Some(err(
                ln,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
            continue;
        }
        let id = cols[0];
        if id.contains('.') {
            // Empty nodes belong to enhanced dependencies; the basic tree ignores them.
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            match (a.parse::<u32>(), b.parse::<u32>()) {
                (Ok(a), Ok(b)) if a >= 1 && b > a && a as usize == cur.words.len() + 1 => {
                    cur.multiwords.push(MultiWord {
                        first: a,
                        last: b,
                        form: cols[1].to_string(),
                    })
                }
                _ => bad = Some(err(ln, format!("bad multiword token range {id:?}"))),
            }
            continue;
        }
        let Ok(idn) = id.parse::<u32>() else {
            bad = Some(err(ln, format!("bad word id {id:?}")));
            continue;
        };
        if idn as usize != cur.words.len() + 1 {
            bad = Some(err(
                ln,
                format!(
                    "word id {idn} out of sequence (expected {})",
                    cur.words.len() + 1
                ),
            ));
            continue;
        }
        let upos = match cols[3].parse::<Upos>() {
            Ok(u) => u,
            Err(_) => {
                bad = Some(err(ln, format!("unknown UPOS tag {:?}", cols[3])));
                continue;
            }
        };
        let Ok(head) = cols[6].parse::<u32>() else {
            bad = Some(err(ln, format!("bad head {:?}", cols[6])));
            continue;
        };
        let deprel = match cols[7].parse::<DepRel>() {
            Ok(r) => r,
            Err(_) => {
                bad = Some(err(
                    ln,
                    format!("unknown dependency relation {:?}", cols[7]),
                ));
                continue;
            }
        };
        if (head == 0) != (deprel == DepRel::Root) {
            bad = Some(err(
                ln,
                "relation root goes with head 0, and only with it".into(),
            ));
            continue;
        }
        if cols[1].is_empty() {
            bad = Some(err(ln, "empty FORM".into()));
            continue;
        }
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos,
            xpos: cols[4].to_string(),
            head,
            deprel,
        });
        head_lines.push(ln);
    }
    finish(&mut cur, &mut head_lines, &mut bad, &mut started, last_line);
    (sentences, errors)
}

/// Whether the sentence's tree is projective (no two arcs cross).
pub fn is_projective(heads: &[u32]) -> bool {
    // Arc i (1-based dependent d, head h): span (min, max). Arcs cross when one starts
    // strictly inside another and ends strictly outside it.
    let spans: Vec<(u32, u32)> = heads
        .iter()
        .enumerate()
        .map(|(i, &h)| {
            let d = i as u32 + 1;
            (d.min(h), d.max(h))
        })
        .collect();
    for (i, &(a1, b1)) in spans.iter().enumerate() {
        for &(a2, b2) in &spans[i + 1..] {
            if (a1 < a2 && a2 < b1 && b1 < b2) || (a2 < a1 && a1 < b2 && b2 < b1) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# sent_id = t1\n# text = Rebels took the town.\n\
1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n\
2\ttook\ttake\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n\
4\ttown\ttown\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
# text = They don't.\n\
1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n\
3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n";

    #[test]
    fn reads_words_comments_and_multiwords() {
        let (s, e) = read(GOOD, "good.conllu");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].sent_id.as_deref(), Some("t1"));
        assert_eq!(s[0].text.as_deref(), Some("Rebels took the town."));
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].words[1].lemma, "take");
        assert_eq!(s[0].words[3].deprel, DepRel::Obj);
        assert_eq!(s[0].words[0].head, 2);
        assert_eq!(s[1].words.len(), 3);
        assert_eq!(s[1].line, 9);
        assert_eq!(
            s[1].multiwords,
            vec![MultiWord {
                first: 2,
                last: 3,
                form: "don't".into()
            }]
        );
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let cases: &[(&str, usize, &str)] = &[
            ("1\tA\ta\tNOUN\t_\t_\t0\troot\t_\n", 1, "10 tab-separated"),
            ("1\tA\ta\tNOUNY\t_\t_\t0\troot\t_\t_\n", 1, "UPOS"),
            ("1\tA\ta\tNOUN\t_\t_\tx\troot\t_\t_\n", 1, "bad head"),
            ("1\tA\ta\tNOUN\t_\t_\t0\tsubj\t_\t_\n", 1, "relation"),
            (
                "# c\n2\tA\ta\tNOUN\t_\t_\t0\troot\t_\t_\n",
                2,
                "out of sequence",
            ),
            (
                "1\tA\ta\tNOUN\t_\t_\t0\troot\t_\t_\n2\tB\tb\tNOUN\t_\t_\t7\tdep\t_\t_\n",
                2,
                "beyond",
            ),
            ("1\tA\ta\tNOUN\t_\t_\t1\tdep\t_\t_\n", 1, "own head"),
            ("1\tA\ta\tNOUN\t_\t_\t0\tnsubj\t_\t_\n", 1, "root"),
        ];
        for (text, line, what) in cases {
            let (s, e) = read(text, "bad.conllu");
            assert!(s.is_empty(), "{text:?}");
            assert_eq!(e.len(), 1, "{text:?}");
            assert_eq!(e[0].line, *line, "{text:?}: {}", e[0]);
            let shown = e[0].to_string();
            assert!(
                shown.starts_with(&format!("bad.conllu:{line}: ")),
                "{shown}"
            );
            assert!(shown.contains(what), "{shown}");
        }
    }

    #[test]
    fn a_bad_sentence_is_skipped_and_the_rest_kept() {
        let text = format!("1\tA\ta\tNOUN\t_\t_\tq\troot\t_\t_\n\n{GOOD}");
        let (s, e) = read(&text, "f");
        assert_eq!(s.len(), 2);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, 1);
    }

    #[test]
    fn projectivity() {
        assert!(is_projective(&[2, 0, 4, 2, 2]));
        // 1 -> 3 and 2 -> 4 cross.
        assert!(!is_projective(&[3, 4, 0, 3]));
    }
}

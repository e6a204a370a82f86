//! Tests of the syntax module as a whole: training on a tiny treebank written for the
//! purpose, model files (round trip, truncated, garbage), bounded cost on very long
//! input, and the built-in model on sentences we wrote.

use super::*;

/// A tiny treebank, written by hand (our own sentences, UD v2 analyses).
const TINY: &str = "\
# text = Rebels seized the town.
1\tRebels\trebel\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tseized\tseize\tVERB\t_\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\t_\t_\t4\tdet\t_\t_
4\ttown\ttown\tNOUN\t_\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# text = The army shelled the city.
1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_
2\tarmy\tarmy\tNOUN\t_\t_\t3\tnsubj\t_\t_
3\tshelled\tshell\tVERB\t_\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\t_\t_\t5\tdet\t_\t_
5\tcity\tcity\tNOUN\t_\t_\t3\tobj\t_\t_
6\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

# text = The town was captured by rebels.
1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_
2\ttown\ttown\tNOUN\t_\t_\t4\tnsubj:pass\t_\t_
3\twas\tbe\tAUX\t_\t_\t4\taux:pass\t_\t_
4\tcaptured\tcapture\tVERB\t_\t_\t0\troot\t_\t_
5\tby\tby\tADP\t_\t_\t6\tcase\t_\t_
6\trebels\trebel\tNOUN\t_\t_\t4\tobl:agent\t_\t_
7\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_

# text = Officials met in Geneva on Monday.
1\tOfficials\tofficial\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_
3\tin\tin\tADP\t_\t_\t4\tcase\t_\t_
4\tGeneva\tGeneva\tPROPN\t_\t_\t2\tobl\t_\t_
5\ton\ton\tADP\t_\t_\t6\tcase\t_\t_
6\tMonday\tMonday\tPROPN\t_\t_\t2\tobl\t_\t_
7\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# text = She said that troops will withdraw.
1\tShe\tshe\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\t_\t_\t0\troot\t_\t_
3\tthat\tthat\tSCONJ\t_\t_\t6\tmark\t_\t_
4\ttroops\ttroop\tNOUN\t_\t_\t6\tnsubj\t_\t_
5\twill\twill\tAUX\t_\t_\t6\taux\t_\t_
6\twithdraw\twithdraw\tVERB\t_\t_\t2\tccomp\t_\t_
7\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
";

fn tiny() -> Vec<Sentence> {
    let (s, e) = conllu::read(TINY, "tiny");
    assert!(e.is_empty(), "{e:?}");
    s
}

fn opts() -> TrainOptions {
    TrainOptions {
        seed: 7,
        epochs: 4,
        heldout_every: 3,
        folds: 2,
        lexicon: vec![("seized".into(), 1), ("geneva".into(), 4)],
        tagger_features: super::tagger::groups::ALL,
    }
}

#[test]
fn training_is_deterministic() {
    let s = tiny();
    let a = train(&s, &opts(), &mut |_| {});
    let b = train(&s, &opts(), &mut |_| {});
    assert_eq!(a.to_bytes(), b.to_bytes());
    let c = train(&s, &TrainOptions { seed: 8, ..opts() }, &mut |_| {});
    // Same data, another seed: still a valid model (it may or may not differ).
    assert!(Model::from_bytes(&c.to_bytes()).is_ok());
}

#[test]
fn a_tiny_model_learns_its_treebank_and_round_trips() {
    let s = tiny();
    let m = train(
        &s,
        &TrainOptions {
            epochs: 8,
            ..opts()
        },
        &mut |_| {},
    );
    let bytes = m.to_bytes();
    let text = String::from_utf8_lossy(&bytes[..200]);
    assert!(
        text.contains("UD English EWT") && text.contains("CC BY-SA 4.0"),
        "{text}"
    );
    let back = Model::from_bytes(&bytes).unwrap();
    assert_eq!(back, m);
    let mut a = Analysis::new();
    back.analyse(&["Rebels", "seized", "the", "town", "."], &mut a);
    assert_eq!(
        a.upos,
        vec![Upos::Noun, Upos::Verb, Upos::Det, Upos::Noun, Upos::Punct]
    );
    assert_eq!(a.head, vec![2, 0, 4, 2, 2]);
    assert_eq!(a.deprel[1], DepRel::Root);
    assert_eq!(a.lemma(0), "rebel");
}

#[test]
fn the_tagger_feature_groups_are_kept_in_the_header_and_checked() {
    let s = tiny();
    let all = train(&s, &opts(), &mut |_| {});
    let base = TrainOptions {
        tagger_features: 0,
        ..opts()
    };
    let plain = train(&s, &base, &mut |_| {});
    let header = |m: &Model| {
        let b = m.to_bytes();
        let end = b.windows(2).position(|w| w == b"\n\n").unwrap();
        String::from_utf8(b[..end].to_vec()).unwrap()
    };
    assert!(
        header(&all).contains("\ntagger-features 7\n"),
        "{}",
        header(&all)
    );
    // A model without the groups is written as before the groups existed.
    assert!(!header(&plain).contains("tagger-features"));
    for m in [&all, &plain] {
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.tagger.groups, m.tagger.groups);
        assert_eq!(&back, m);
    }
    assert_eq!(all.tagger.groups, super::tagger::groups::ALL);
    assert_eq!(plain.tagger.groups, 0);
    // Groups this version does not know are a corrupt model, not a panic.
    let text = all.to_bytes();
    let at = text
        .windows(17)
        .position(|w| w == b"tagger-features 7")
        .unwrap();
    for bad in [b'9', b'x'] {
        let mut b = text.clone();
        b[at + 16] = bad;
        assert!(matches!(Model::from_bytes(&b), Err(ModelError::Corrupt(_))));
    }
}

#[test]
fn retraining_the_tagger_keeps_the_parser_labeller_and_lemmas() {
    let s = tiny();
    let base = train(
        &s,
        &TrainOptions {
            tagger_features: 0,
            ..opts()
        },
        &mut |_| {},
    );
    let m = super::retrain_tagger(&base, &s, &opts(), &mut |_| {});
    assert_eq!(m.tagger.groups, super::tagger::groups::ALL);
    assert_eq!(m.parser.bytes(), base.parser.bytes());
    assert_eq!(m.labeller.bytes(), base.labeller.bytes());
    assert_eq!(m.lemmas, base.lemmas);
    let again = super::retrain_tagger(&base, &s, &opts(), &mut |_| {});
    assert_eq!(m.to_bytes(), again.to_bytes());
    let mut a = Analysis::new();
    m.analyse(&["Rebels", "seized", "the", "town", "."], &mut a);
    assert_eq!(a.upos[1], Upos::Verb);
}

#[test]
fn bad_model_bytes_are_errors_not_panics() {
    let m = train(&tiny(), &opts(), &mut |_| {});
    let bytes = m.to_bytes();
    assert_eq!(Model::from_bytes(b""), Err(ModelError::NotAModel));
    assert_eq!(
        Model::from_bytes(b"garbage\n\nmore garbage"),
        Err(ModelError::NotAModel)
    );
    let mut noise = Vec::new();
    let mut x = 12345u64;
    for _ in 0..5000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        noise.push((x >> 33) as u8);
    }
    assert!(Model::from_bytes(&noise).is_err());
    // Header intact, payload garbage.
    let header_end = bytes.windows(2).position(|w| w == b"\n\n").unwrap() + 2;
    let mut bad = bytes[..header_end].to_vec();
    bad.extend_from_slice(&noise);
    assert!(matches!(
        Model::from_bytes(&bad),
        Err(ModelError::Corrupt(_))
    ));
    // A damaged byte anywhere in the payload fails the checksum.
    for at in [header_end + 5, bytes.len() / 2, bytes.len() - 2] {
        let mut bad = bytes.clone();
        bad[at] ^= 0x40;
        let e = Model::from_bytes(&bad).unwrap_err();
        assert!(e.to_string().contains("checksum"), "{e}");
    }
    // Every truncation is an error.
    for cut in [
        header_end,
        header_end + 10,
        bytes.len() / 2,
        bytes.len() - 1,
    ] {
        let r = Model::from_bytes(&bytes[..cut]);
        assert!(r.is_err(), "truncated at {cut} of {}", bytes.len());
        assert!(!r.unwrap_err().to_string().is_empty());
    }
}

#[test]
fn long_input_is_parsed_in_windows_with_one_root() {
    let m = train(&tiny(), &opts(), &mut |_| {});
    let words: Vec<&str> = ["Rebels", "seized", "the", "town", ","]
        .iter()
        .copied()
        .cycle()
        .take(5000)
        .collect();
    let mut a = Analysis::new();
    m.analyse(&words, &mut a);
    assert_eq!(a.len(), 5000);
    assert_eq!(a.head.iter().filter(|&&h| h == 0).count(), 1);
    assert!(a.head.iter().all(|&h| h as usize <= 5000));
    // Every word reaches the root (no cycles), following heads.
    for start in 0..a.len() {
        let mut at = start;
        let mut steps = 0;
        while a.head[at] != 0 {
            at = a.head[at] as usize - 1;
            steps += 1;
            assert!(steps <= a.len(), "cycle from word {start}");
        }
    }
    m.analyse(&Vec::<&str>::new(), &mut a);
    assert!(a.is_empty());
}

#[test]
fn builtin_model_tags_news_sentences_sensibly() {
    let m = Model::try_builtin().expect("the built-in model loads");
    assert!(m.attribution().contains("CC BY-SA"));
    let mut a = Analysis::new();
    let cases: &[(&str, &[(&str, Upos)])] = &[
        (
            "The strikes on the base killed ten .",
            &[
                ("strikes", Upos::Noun),
                ("base", Upos::Noun),
                ("killed", Upos::Verb),
                ("ten", Upos::Num),
            ],
        ),
        (
            "Russian troops attacked Ukrainian positions near Kharkiv .",
            &[
                ("troops", Upos::Noun),
                ("attacked", Upos::Verb),
                ("positions", Upos::Noun),
                ("Kharkiv", Upos::Propn),
            ],
        ),
        (
            "The minister said the envoys would meet in Geneva .",
            &[
                ("said", Upos::Verb),
                ("envoys", Upos::Noun),
                ("would", Upos::Aux),
                ("meet", Upos::Verb),
            ],
        ),
        (
            "Last week 's attack was condemned by the United Nations .",
            &[
                ("attack", Upos::Noun),
                ("was", Upos::Aux),
                ("condemned", Upos::Verb),
                ("by", Upos::Adp),
            ],
        ),
    ];
    for (sentence, expect) in cases {
        let words: Vec<&str> = sentence.split(' ').collect();
        m.analyse(&words, &mut a);
        for (w, tag) in *expect {
            let i = words.iter().position(|x| x == w).unwrap();
            assert_eq!(a.upos[i], *tag, "{w} in {sentence:?}");
        }
        assert_eq!(a.head.iter().filter(|&&h| h == 0).count(), 1, "{sentence}");
    }
    // Arcs the coder relies on: subject and object of an active verb, passive subject
    // and agent.
    let words = ["Rebels", "attacked", "the", "convoy", "."];
    m.analyse(&words, &mut a);
    assert_eq!((a.head[0], a.deprel[0]), (2, DepRel::Nsubj));
    assert_eq!((a.head[3], a.deprel[3]), (2, DepRel::Obj));
    assert_eq!(a.lemma(1), "attack");
    let words = ["The", "convoy", "was", "attacked", "by", "rebels", "."];
    m.analyse(&words, &mut a);
    assert_eq!((a.head[1], a.deprel[1]), (4, DepRel::NsubjPass));
    assert_eq!((a.head[5], a.deprel[5]), (4, DepRel::OblAgent));
}

#[test]
fn tag_only_gives_the_tags_and_lemmas_of_the_full_analysis() {
    let m = Model::try_builtin().expect("the built-in model loads");
    let (mut full, mut tags) = (Analysis::new(), Analysis::new());
    for sentence in [
        "The strikes on the base killed ten .",
        "Officials held talks in Geneva and launched air strikes on Monday .",
        "Last week 's attack was condemned by the United Nations .",
    ] {
        let words: Vec<&str> = sentence.split(' ').collect();
        m.analyse(&words, &mut full);
        m.tag(&words, &mut tags);
        assert_eq!(tags.upos, full.upos, "{sentence}");
        for i in 0..words.len() {
            assert_eq!(tags.lemma(i), full.lemma(i), "{sentence}");
        }
        assert!(tags.head.is_empty() && tags.deprel.is_empty());
        assert_eq!(tags.len(), words.len());
    }
}

#[test]
fn parse_after_tag_is_the_full_analysis_on_those_tags() {
    let m = Model::try_builtin().expect("the built-in model loads");
    let (mut full, mut a) = (Analysis::new(), Analysis::new());
    for sentence in [
        "The strikes on the base killed ten .",
        "Officials held talks in Geneva and launched air strikes on Monday .",
        "Last week 's attack was condemned by the United Nations .",
    ] {
        let words: Vec<&str> = sentence.split(' ').collect();
        m.tag(&words, &mut a);
        let tags = a.upos.clone();
        m.parse_tagged(&words, &mut a);
        m.analyse_tagged(&words, &tags, &mut full);
        assert_eq!(
            (&a.upos, &a.head, &a.deprel),
            (&full.upos, &full.head, &full.deprel)
        );
        for i in 0..words.len() {
            assert_eq!(a.lemma(i), full.lemma(i), "{sentence}");
        }
        // Without a tagging of these words first, they are tagged.
        m.tag(&["Peace", "."], &mut a);
        m.parse_tagged(&words, &mut a);
        m.analyse(&words, &mut full);
        assert_eq!(
            (&a.upos, &a.head, &a.deprel),
            (&full.upos, &full.head, &full.deprel)
        );
    }
}

#[test]
fn relations_on_demand_are_those_of_the_full_labelling() {
    let m = Model::try_builtin().expect("the built-in model loads");
    let (mut full, mut lazy) = (Analysis::new(), Analysis::new());
    for sentence in [
        "The convoy was attacked by rebels near the border on Monday .",
        "Iraq , which rejected the plan , said it would hold talks with Turkey .",
        "Peace",
    ] {
        let words: Vec<&str> = sentence.split(' ').collect();
        m.analyse(&words, &mut full);
        m.tag(&words, &mut lazy);
        m.parse_tagged_unlabelled(&words, &mut lazy);
        assert_eq!(lazy.head, full.head, "{sentence}");
        assert!(lazy.deprel.is_empty());
        // In any order, some twice.
        for i in (0..words.len()).rev().chain(0..words.len()) {
            assert_eq!(m.relation(&lazy, i), full.deprel[i], "{sentence}: word {i}");
        }
        assert_eq!(m.relation(&lazy, words.len()), DepRel::Dep);
        // After a plain tagging there is no parse to label.
        m.tag(&words, &mut lazy);
        assert_eq!(m.relation(&lazy, 0), DepRel::Dep);
    }
}

#[test]
fn a_parse_of_spans_parses_each_span_as_a_sentence_and_nothing_else() {
    let m = Model::try_builtin().expect("the built-in model loads");
    let (mut alone, mut spans) = (Analysis::new(), Analysis::new());
    let sentence = "Iraq , which rejected the plan , said it would hold talks with Turkey .";
    let words: Vec<&str> = sentence.split(' ').collect();
    let n = words.len();
    // One span over every word: the parse of the whole sentence.
    m.analyse(&words, &mut alone);
    m.tag(&words, &mut spans);
    m.parse_spans_unlabelled(&words, &[(0, n)], &mut spans);
    assert_eq!(spans.head, alone.head);
    for i in 0..n {
        assert_eq!(m.relation(&spans, i), alone.deprel[i], "word {i}");
    }
    // Two spans: heads stay inside their span, with one root each; the words
    // outside are left unattached; each span has the heads of its words parsed
    // alone (on the same tags).
    let (a, b) = ((2, 6), (7, 13));
    m.tag(&words, &mut spans);
    m.parse_spans_unlabelled(&words, &[a, b], &mut spans);
    assert_eq!(spans.len(), n);
    for (s, e) in [a, b] {
        let tags = spans.upos[s..e].to_vec();
        m.analyse_tagged(&words[s..e], &tags, &mut alone);
        for i in s..e {
            let h = spans.head[i] as usize;
            let expect = match alone.head[i - s] as usize {
                0 => 0,
                k => k + s,
            };
            assert_eq!(h, expect, "word {i}");
        }
        assert_eq!((s..e).filter(|&i| spans.head[i] == 0).count(), 1);
    }
    for i in (0..n).filter(|&i| !(a.0..a.1).contains(&i) && !(b.0..b.1).contains(&i)) {
        assert_eq!(spans.head[i], 0, "word {i} is outside the spans");
        assert_eq!(m.relation(&spans, i), DepRel::Root);
    }
    // Labelled for display: every relation as on demand.
    let on_demand: Vec<DepRel> = (0..n).map(|i| m.relation(&spans, i)).collect();
    m.label_all(&mut spans);
    assert_eq!(spans.deprel, on_demand);
    // Spans past the end or empty are ignored, not a panic.
    m.parse_spans_unlabelled(&words, &[(n, n + 3), (4, 4)], &mut spans);
    assert!(spans.head.iter().all(|&h| h == 0));
}

#[test]
fn the_builtin_model_loads_in_place() {
    let m = Model::from_static(model::builtin_bytes()).expect("loads");
    assert_eq!(&m, Model::builtin());
    // Reading the same bytes with a copy gives the same model.
    assert_eq!(Model::from_bytes(model::builtin_bytes()).unwrap(), m);
}

#[test]
fn the_dictionary_lexicon_knows_verbs_roles_and_names() {
    use super::tagger::lex;
    let d = crate::dict::Dictionaries::builtin().expect("built-in dictionaries");
    let lexicon: std::collections::HashMap<String, u8> =
        dictionary_lexicon(&d).into_iter().collect();
    let has = |w: &str, bit: u8| lexicon.get(w).is_some_and(|b| b & bit != 0);
    assert!(has("attacked", lex::VERB));
    assert!(has("troops", lex::AGENT));
    assert!(has("russia", lex::COUNTRY));
    // Lower-case words inside a name are not name words.
    assert!(!has("of", lex::COUNTRY | lex::PERSON | lex::ORG));
}

//! `herodotus train-parser`: trains the tagger, lemmatiser and dependency parser from
//! CoNLL-U files and writes a model file.
//!
//! ```text
//! herodotus train-parser --train ../shared/data/ud-english/en_ewt-ud-dev.conllu \
//!     --train ../shared/data/ud-english/en_ewt-ud-test.conllu \
//!     -o crates/herodotus-core/model/en-ud.hmodel
//! ```
//! Training is deterministic for a given `--seed`, `--epochs` and input order.
//! A malformed line in a training file stops training with `file:line: message`.

use anyhow::{bail, Context as _, Result};
use herodotus_core::syntax::{self, conllu, Model, TrainOptions};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `train-parser`.
#[derive(clap::Args)]
pub struct Args {
    /// A CoNLL-U training file (repeat for several).
    #[arg(long = "train", value_name = "FILE.conllu", required = true)]
    train: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(short = 'o', long = "output", value_name = "MODEL")]
    output: PathBuf,
    /// Seed of the shuffles and the oracle's exploration.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Maximum epochs per component (the best on a held-out slice is kept).
    #[arg(long, default_value_t = 15)]
    epochs: usize,
    /// Do not give the tagger the words of the built-in dictionaries as features.
    #[arg(long)]
    no_lexicon: bool,
    /// Optional tagger feature groups, as a bit mask: 1 suffixes of 5 and prefixes of
    /// 3 characters, 2 ambiguity classes of the next two words, 4 word pairs with the
    /// neighbours (7: all; 0: the base set).
    #[arg(long, default_value_t = 7)]
    tagger_features: u32,
    /// Train the tagger only, and keep the parser, labeller and lemmatiser of this
    /// model (for example the shipped one, to change tagging without changing the
    /// parser's weights).
    #[arg(long, value_name = "MODEL")]
    keep_parser: Option<PathBuf>,
}

/// Runs `train-parser`.
pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let mut sentences = Vec::new();
    let mut errors = Vec::new();
    for path in &args.train {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let (s, e) = conllu::read(&text, &path.to_string_lossy());
        sentences.extend(s);
        errors.extend(e);
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("herodotus: {e}");
        }
        bail!(
            "{} malformed sentence(s) in the training data; nothing trained",
            errors.len()
        );
    }
    if sentences.is_empty() {
        bail!("no sentences in the training files");
    }
    let lexicon = if args.no_lexicon {
        Vec::new()
    } else {
        let d = herodotus_core::dict::Dictionaries::builtin()
            .context("loading the built-in dictionaries for the lexicon")?;
        syntax::dictionary_lexicon(&d)
    };
    eprintln!(
        "train-parser: lexicon of {} words from the built-in dictionaries",
        lexicon.len()
    );
    let mut opts = TrainOptions::default();
    opts.seed = args.seed;
    opts.epochs = args.epochs;
    opts.lexicon = lexicon;
    opts.tagger_features = args.tagger_features;
    let mut log = |line: &str| eprintln!("train-parser: {line}");
    let model = match &args.keep_parser {
        None => syntax::train(&sentences, &opts, &mut log),
        Some(p) => {
            let base = super::eval_ud::load_model(Some(p))?;
            syntax::retrain_tagger(base, &sentences, &opts, &mut log)
        }
    };
    let bytes = model.to_bytes();
    // Check what we wrote reads back the same before replacing the old file.
    let back = Model::from_bytes(&bytes).context("the new model does not read back")?;
    if back != model {
        bail!("the new model does not read back identically");
    }
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("writing {}", args.output.display()))?;
    eprintln!(
        "train-parser: wrote {} ({} bytes) in {:.1}s",
        args.output.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

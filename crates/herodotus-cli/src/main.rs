//! The `herodotus` command line: one binary for the whole pipeline.

mod cmd;
mod common;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Turns news into CAMEO event data.
#[derive(Parser)]
#[command(name = "herodotus", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles (text, JSONL, HTML, WARC, RSS) into events, one per line.
    Code(cmd::code::Args),
    /// Show how one sentence is coded: tokens, actors, verbs, pattern decisions.
    Explain(cmd::explain::Args),
    /// Evaluations against gold standards (PETRARCH unit tests, PLOVER).
    Eval(cmd::eval::Args),
    /// Measure coding speed, start-up time and memory on a corpus.
    Bench(cmd::bench::Args),
    /// Extract main text and metadata from HTML, WARC or feeds as JSONL articles.
    Extract(cmd::extract::Args),
    /// Find quotations and their speakers.
    Quotes(cmd::quotes::Args),
    /// Code articles, cluster duplicate stories and merge their events (GDELT-style counts).
    Merge(cmd::merge::Args),
    /// Rank capitalised names that the dictionaries do not know.
    UnknownActors(cmd::unknown_actors::Args),
    /// Code articles and store them in a SQLite database.
    Ingest(cmd::ingest::Args),
    /// Query stored events.
    Query(cmd::query::Args),
    /// Time series of events between two actors.
    Dyad(cmd::dyad::Args),
    /// Serve the JSON API and web pages.
    Serve(cmd::serve::Args),
    /// Train the tagger, lemmatiser and dependency parser from CoNLL-U files.
    TrainParser(cmd::train_parser::Args),
    /// Measure tagging and parsing speed on one core, and the syntax model's load time.
    BenchSyntax(cmd::bench_syntax::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Extract(a) => cmd::extract::run(a),
        Command::Quotes(a) => cmd::quotes::run(a),
        Command::Merge(a) => cmd::merge::run(a),
        Command::UnknownActors(a) => cmd::unknown_actors::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Query(a) => cmd::query::run(a),
        Command::Dyad(a) => cmd::dyad::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::TrainParser(a) => cmd::train_parser::run(a),
        Command::BenchSyntax(a) => cmd::bench_syntax::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("herodotus: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

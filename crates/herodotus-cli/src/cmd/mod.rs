//! One module per subcommand.

pub mod bench;
pub mod bench_syntax;
pub mod code;
pub mod dyad;
pub mod eval;
pub mod eval_ud;
pub mod explain;
pub mod extract;
pub mod ingest;
pub mod merge;
pub mod query;
pub mod quotes;
pub mod serve;
pub mod train_parser;
pub mod unknown_actors;

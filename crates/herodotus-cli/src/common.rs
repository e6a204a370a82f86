//! Options and helpers shared by subcommands.

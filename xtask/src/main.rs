//! `cargo xtask <task>`: developer and CI tasks for the Innomed workspace.

mod bench;
mod demo;
mod homeserver;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Innomed developer tasks")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Run a local Synapse (privacy + testing config) until Ctrl-C / SIGTERM.
    Homeserver {
        /// Keep the server's state in this directory instead of a temporary one.
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Listen on this port instead of a random free one.
        #[arg(long)]
        port: Option<u16>,
    },
    /// CI: rustfmt check, clippy -D warnings, the whole test suite, then the demo.
    Test,
    /// Scripted end-to-end demo: a GP and a dermatologist on a local Synapse,
    /// then what the homeserver stored (ciphertext only).
    Demo,
    /// End-to-end benchmarks against a local Synapse: send→decrypt latency next to a
    /// plain-HTTP floor, cold start with 500 cases.
    Bench,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Homeserver { data_dir, port } => homeserver::run(data_dir, port),
        Task::Test => test::run(),
        Task::Demo => demo::run(),
        Task::Bench => bench::run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

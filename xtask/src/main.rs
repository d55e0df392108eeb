//! `cargo xtask <task>`: developer and CI tasks for the Innomed workspace.

use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::sync::mpsc;
use std::time::Instant;

use clap::{Parser, Subcommand};
use innomed_harness::{ensure_synapse, workspace_root, Homeserver, HomeserverOptions};

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
    /// CI: rustfmt check, clippy -D warnings, then the whole test suite.
    Test,
    /// Scripted end-to-end demo (not yet implemented).
    Demo,
    /// Benchmarks (not yet implemented).
    Bench,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Homeserver { data_dir, port } => homeserver(data_dir, port),
        Task::Test => test(),
        Task::Demo => Err("xtask demo: not yet implemented".to_owned()),
        Task::Bench => Err("xtask bench: not yet implemented".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn homeserver(data_dir: Option<PathBuf>, port: Option<u16>) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = tx.send(());
    })
    .map_err(|e| format!("installing the signal handler: {e}"))?;

    eprintln!("Starting Synapse {}...", innomed_harness::SYNAPSE_VERSION);
    let mut hs = Homeserver::start(HomeserverOptions {
        data_dir,
        port,
        ..HomeserverOptions::default()
    })
    .map_err(|e| e.to_string())?;
    println!("Homeserver URL: {}", hs.url());
    println!("Server name:    {}", hs.server_name());
    println!("Data dir:       {}", hs.data_dir().display());
    println!("Log:            {}", hs.log_path().display());
    println!("Press Ctrl-C to stop.");

    // Wake up on a signal, or notice if Synapse dies on its own.
    loop {
        match rx.recv_timeout(std::time::Duration::from_secs(1)) {
            Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) if !hs.is_running() => {
                return Err(format!(
                    "Synapse exited unexpectedly; see {}",
                    hs.log_path().display()
                ));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
    }
    eprintln!("Stopping Synapse...");
    hs.stop().map_err(|e| e.to_string())?;
    eprintln!("Stopped.");
    Ok(())
}

fn test() -> Result<(), String> {
    let started = Instant::now();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let root = workspace_root();
    let step = |name: &str, args: &[&str]| -> Result<(), String> {
        eprintln!("==> {name}: cargo {}", args.join(" "));
        let step_started = Instant::now();
        let status = Command::new(&cargo)
            .args(args)
            .current_dir(&root)
            .env("RUST_BACKTRACE", "1")
            .status()
            .map_err(|e| format!("{name}: could not run {cargo}: {e}"))?;
        if status.success() {
            eprintln!("==> {name}: ok ({:.0?})", step_started.elapsed());
            Ok(())
        } else {
            Err(format!(
                "{name} failed ({status}); fix it and re-run `cargo xtask test`"
            ))
        }
    };

    step("format", &["fmt", "--all", "--", "--check"])?;
    step(
        "clippy",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    eprintln!(
        "==> synapse: ensuring Synapse {} is installed",
        innomed_harness::SYNAPSE_VERSION
    );
    let python = ensure_synapse().map_err(|e| e.to_string())?;
    eprintln!("==> synapse: ok ({})", python.display());
    step("tests", &["test", "--workspace"])?;
    println!(
        "xtask test: format, clippy and tests all passed in {:.0?}",
        started.elapsed()
    );
    Ok(())
}

//! `cargo xtask <task>`: developer and CI tasks for the Innomed workspace.

mod bench;
mod bindings;
mod demo;
mod deny;
mod homeserver;
mod jvm;
mod mobile;
mod shell_check;
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
    /// CI: the named stages (lint, deny, rust, apps, kotlin), all of them when none is given.
    Test {
        #[arg(value_enum)]
        stages: Vec<test::Stage>,
    },
    /// Scripted end-to-end demo: a GP and a dermatologist on a local Synapse,
    /// then what the homeserver stored (ciphertext only).
    Demo,
    /// End-to-end benchmarks against a local Synapse: send→decrypt latency next to a
    /// plain-HTTP floor, cold start with 500 cases.
    Bench,
    /// Generate the FFI's Kotlin or Swift (`kotlin`, `swift`: from the host build into
    /// target/uniffi), or build the phone libraries (`android`: cargo-ndk into the Gradle
    /// module; `xcframework`: macOS only, into the Swift package).
    Bindings {
        #[arg(value_enum)]
        target: BindingsTarget,
        /// Phones: the size-optimised `mobile` profile instead of `dev`.
        #[arg(long)]
        release: bool,
    },
    /// The Kotlin tests of the FFI on the JVM (Maven), against a Synapse started for them.
    TestKotlin,
    /// The Android screens drawn on the JVM and compared with their reference images
    /// (android/uicheck/screenshots); `--record` accepts the new drawings as the references.
    Screens {
        #[arg(long)]
        record: bool,
    },
    /// Criterion: sanitising a 12-megapixel JPEG, next to ImageMagick on the same file.
    BenchPhoto,
    /// Criterion: cleaning a 50-page scanned PDF (time, peak memory), next to qpdf on the same
    /// file.
    BenchDocument,
    /// Criterion: the local search index with 500 cases × 200 messages (indexing, query
    /// percentiles, size), next to plain FTS5 over the same texts in clear.
    BenchSearch,
    /// The FFI boundary benchmark (JMH on the JVM): call round trip, 1,000-item timeline reset.
    BenchFfi,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum BindingsTarget {
    Kotlin,
    Swift,
    Android,
    Xcframework,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Homeserver { data_dir, port } => homeserver::run(data_dir, port),
        Task::Test { stages } => test::run(&stages),
        Task::Demo => demo::run(),
        Task::Bench => bench::run(),
        Task::Bindings { target, release } => match target {
            BindingsTarget::Kotlin => bindings::host("kotlin"),
            BindingsTarget::Swift => bindings::host("swift"),
            BindingsTarget::Android => mobile::android(release),
            BindingsTarget::Xcframework => mobile::xcframework(),
        },
        Task::BenchFfi => jvm::bench(),
        Task::BenchPhoto => bench::photo(),
        Task::BenchDocument => bench::document(),
        Task::BenchSearch => bench::search(),
        Task::TestKotlin => jvm::test(),
        Task::Screens { record } => jvm::android_screens(record),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

//! `cargo xtask bench`: end-to-end figures against a local Synapse (optimised build).
//!
//! Runs `tests/benches/e2e`: send → decrypted latency next to a plain-HTTP floor, and cold
//! start of a client whose store holds 500 cases. The bench starts its own Synapse.

use std::process::Command;

use innomed_harness::{ensure_synapse, workspace_root};

use crate::bindings::{cargo, run as run_command};

pub fn run() -> Result<(), String> {
    ensure_synapse().map_err(|e| e.to_string())?;
    cargo_bench("innomed-tests", "e2e")
}

fn cargo_bench(package: &str, bench: &str) -> Result<(), String> {
    run_command(
        Command::new(cargo())
            .args(["bench", "-p", package, "--bench", bench])
            .current_dir(workspace_root()),
    )
}

/// `cargo xtask bench-photo`: criterion on photo sanitising, next to ImageMagick.
pub fn photo() -> Result<(), String> {
    if !have("convert", "-version") && !have("magick", "-version") {
        install("imagemagick");
    }
    cargo_bench("innomed-core", "photo")
}

/// `cargo xtask bench-document`: criterion on cleaning a scanned PDF, next to qpdf.
pub fn document() -> Result<(), String> {
    if !have("qpdf", "--version") {
        install("qpdf");
    }
    cargo_bench("innomed-core", "document")
}

/// `cargo xtask bench-search`: the search index with 500 cases × 200 messages, next to plain
/// FTS5 over the same texts in clear.
pub fn search() -> Result<(), String> {
    cargo_bench("innomed-core", "search")
}

fn have(tool: &str, version_flag: &str) -> bool {
    Command::new(tool)
        .arg(version_flag)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Installs the comparison's tool from Debian's packages (when this runs as root); without it
/// the comparison is skipped, not the benchmark.
fn install(package: &str) {
    eprintln!("==> installing {package} for the comparison");
    let installed = Command::new("apt-get")
        .args(["install", "-y", package])
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        eprintln!("{package} could not be installed: the comparison will be skipped");
    }
}

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

/// `cargo xtask bench-photo`: criterion on photo sanitising, next to ImageMagick (installed
/// from Debian's packages when missing and this runs as root).
pub fn photo() -> Result<(), String> {
    let have = |tool: &str| {
        Command::new(tool)
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !have("convert") && !have("magick") {
        eprintln!("==> installing imagemagick for the comparison");
        let installed = Command::new("apt-get")
            .args(["install", "-y", "imagemagick"])
            .status()
            .is_ok_and(|s| s.success());
        if !installed {
            eprintln!("imagemagick could not be installed: the comparison will be skipped");
        }
    }
    cargo_bench("innomed-core", "photo")
}

//! `cargo xtask bench`: end-to-end figures against a local Synapse (optimised build).
//!
//! Runs `tests/benches/e2e`: send → decrypted latency next to a plain-HTTP floor, and cold
//! start of a client whose store holds 500 cases. The bench starts its own Synapse.

use std::process::Command;

use innomed_harness::{ensure_synapse, workspace_root};

pub fn run() -> Result<(), String> {
    ensure_synapse().map_err(|e| e.to_string())?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(&cargo)
        .args(["bench", "-p", "innomed-tests", "--bench", "e2e"])
        .current_dir(workspace_root())
        .status()
        .map_err(|e| format!("could not run {cargo}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the benchmark failed ({status})"))
    }
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
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(&cargo)
        .args(["bench", "-p", "innomed-core", "--bench", "photo"])
        .current_dir(workspace_root())
        .status()
        .map_err(|e| format!("could not run {cargo}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the photo benchmark failed ({status})"))
    }
}

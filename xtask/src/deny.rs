//! `cargo deny` in the test command: licences, bans and sources always; security advisories
//! when the RustSec database can be fetched (or is already on the machine).

use std::{path::Path, process::Command};

/// The cargo-deny release the checks are written for (`deny.toml`).
const CARGO_DENY_VERSION: &str = "0.20.2";

/// Installs cargo-deny into `target/tools` once (a few minutes, from crates.io).
fn ensure_cargo_deny(cargo: &str, root: &Path) -> Result<std::path::PathBuf, String> {
    let tools = root.join("target/tools");
    let binary = tools.join("bin/cargo-deny");
    let installed = Command::new(&binary)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .is_some_and(|o| String::from_utf8_lossy(&o.stdout).contains(CARGO_DENY_VERSION));
    if !installed {
        eprintln!("==> cargo deny: installing cargo-deny {CARGO_DENY_VERSION} into target/tools");
        let status = Command::new(cargo)
            .args([
                "install",
                "--locked",
                "--version",
                CARGO_DENY_VERSION,
                "--root",
            ])
            .arg(&tools)
            .arg("cargo-deny")
            .status()
            .map_err(|e| format!("cargo deny: could not run cargo install: {e}"))?;
        if !status.success() {
            return Err(format!(
                "cargo deny: installing cargo-deny failed ({status})"
            ));
        }
    }
    Ok(binary)
}

/// Runs the checks; a licence, ban or source problem, or a known advisory, fails the run.
pub fn check(cargo: &str, root: &Path) -> Result<(), String> {
    let deny = ensure_cargo_deny(cargo, root)?;
    let status = Command::new(&deny)
        .args([
            "--log-level",
            "error",
            "check",
            "licenses",
            "bans",
            "sources",
        ])
        .current_dir(root)
        .status()
        .map_err(|e| format!("cargo deny: {e}"))?;
    if !status.success() {
        return Err(format!(
            "cargo deny (licences, bans, sources) failed ({status}): see deny.toml"
        ));
    }
    eprintln!("==> cargo deny: licences, bans and sources ok");

    let advisories = |offline: bool| {
        let mut command = Command::new(&deny);
        if offline {
            command.arg("--offline");
        }
        command
            .args(["check", "advisories"])
            .current_dir(root)
            .output()
            .map_err(|e| format!("cargo deny: {e}"))
    };
    let mut output = advisories(false)?;
    let mut stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let unreachable = stderr.contains("failed to fetch advisory database");
    if !output.status.success() && unreachable {
        // No network: a copy fetched earlier on this machine is better than nothing.
        output = advisories(true)?;
        stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if output.status.success() {
            eprintln!(
                "==> cargo deny: advisories ok against the copy of the RustSec database already \
                 on this machine (it could not be updated)"
            );
            return Ok(());
        }
    }
    // A finding is reported with its diagnostic code; anything else is the database missing.
    let findings = [
        "vulnerability",
        "unmaintained",
        "unsound",
        "yanked",
        "notice",
    ]
    .iter()
    .any(|code| stderr.contains(&format!("[{code}]")));
    if output.status.success() {
        eprintln!("==> cargo deny: advisories ok");
        Ok(())
    } else if unreachable && !findings {
        eprintln!(
            "==> cargo deny: ADVISORIES NOT CHECKED: the RustSec database cannot be fetched \
             from this machine (no access to github.com) and none was fetched before; licences, \
             bans and sources were checked"
        );
        Ok(())
    } else {
        eprintln!("{stderr}");
        Err(
            "cargo deny found advisories: fix them or write the accepted ones, with the reason, \
             in deny.toml"
                .to_owned(),
        )
    }
}

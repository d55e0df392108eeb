//! `cargo xtask test [STAGE...]`: what CI runs, as named stages from one list, each timed the
//! same way. Without a stage, all of them in order:
//! - `lint`: rustfmt check and clippy `-D warnings`;
//! - `deny`: cargo deny (licences, bans, sources, advisories);
//! - `rust`: Synapse installed, the production configuration in `deploy/` checked, the whole
//!   test suite, then the demo as an end-to-end smoke test of the CLI;
//! - `apps`: every Swift and Kotlin file of the apps parsed, Android strings checked; the
//!   Android UI type-checked on the JVM and every screen drawn and compared with its reference
//!   image (`cargo xtask screens [--record]`);
//! - `kotlin`: the FFI's Kotlin and the Android presenters tested on the JVM against Synapse.

use std::process::Command;
use std::time::{Duration, Instant};

use innomed_harness::{ensure_synapse, workspace_root};

/// A named part of the test command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Stage {
    Lint,
    Deny,
    Rust,
    Apps,
    Kotlin,
}

const ALL: [Stage; 5] = [
    Stage::Lint,
    Stage::Deny,
    Stage::Rust,
    Stage::Apps,
    Stage::Kotlin,
];

pub fn run(stages: &[Stage]) -> Result<(), String> {
    let started = Instant::now();
    let stages: Vec<Stage> = if stages.is_empty() {
        ALL.to_vec()
    } else {
        ALL.into_iter().filter(|s| stages.contains(s)).collect()
    };
    let mut timings: Vec<(&'static str, Duration)> = Vec::new();
    for stage in &stages {
        for (name, step) in steps(*stage) {
            eprintln!("==> {name}");
            let step_started = Instant::now();
            step().map_err(|e| format!("{name} failed: {e}\n{}", rerun(*stage)))?;
            let elapsed = step_started.elapsed();
            eprintln!("==> {name}: ok ({elapsed:.0?})");
            timings.push((name, elapsed));
        }
    }
    let names: Vec<String> = stages
        .iter()
        .map(|s| format!("{s:?}").to_lowercase())
        .collect();
    println!(
        "xtask test: {} passed in {:.0?}",
        names.join(", "),
        started.elapsed()
    );
    for (name, elapsed) in &timings {
        println!("  {name:<16} {elapsed:>8.1?}");
    }
    Ok(())
}

fn rerun(stage: Stage) -> String {
    format!(
        "re-run this stage alone with `cargo xtask test {}`",
        format!("{stage:?}").to_lowercase()
    )
}

type Step = Box<dyn FnOnce() -> Result<(), String>>;

/// The steps of a stage, in order.
fn steps(stage: Stage) -> Vec<(&'static str, Step)> {
    match stage {
        Stage::Lint => vec![
            ("format", cargo(&["fmt", "--all", "--", "--check"])),
            (
                "clippy",
                cargo(&[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ]),
            ),
        ],
        Stage::Deny => vec![(
            "cargo deny",
            Box::new(|| crate::deny::check(&cargo_program(), &workspace_root())),
        )],
        Stage::Rust => vec![
            ("synapse", Box::new(synapse_and_deploy)),
            ("tests", cargo(&["test", "--workspace"])),
            (
                "demo smoke test",
                Box::new(|| {
                    crate::demo::run_with(false)
                        .map_err(|e| format!("{e}\n(the demo alone: `cargo xtask demo`)"))
                }),
            ),
        ],
        Stage::Apps => vec![
            (
                "apps syntax",
                Box::new(|| {
                    crate::shell_check::swift()?;
                    crate::shell_check::android()
                }),
            ),
            (
                "android screens",
                Box::new(|| crate::jvm::android_screens(false)),
            ),
        ],
        Stage::Kotlin => vec![("kotlin (jvm)", Box::new(crate::jvm::test))],
    }
}

fn cargo_program() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// A cargo command in the workspace, failing on a non-zero exit.
fn cargo(args: &'static [&'static str]) -> Step {
    Box::new(move || {
        let cargo = cargo_program();
        eprintln!("    cargo {}", args.join(" "));
        let status = Command::new(&cargo)
            .args(args)
            .current_dir(workspace_root())
            .env("RUST_BACKTRACE", "1")
            .status()
            .map_err(|e| format!("could not run {cargo}: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("cargo {} ({status})", args.join(" ")))
        }
    })
}

/// Synapse in its virtualenv, and the production configuration in `deploy/` checked by
/// Synapse's own parser from it (privacy settings kept, only options Synapse knows).
fn synapse_and_deploy() -> Result<(), String> {
    eprintln!(
        "    ensuring Synapse {} is installed",
        innomed_harness::SYNAPSE_VERSION
    );
    let python = ensure_synapse().map_err(|e| e.to_string())?;
    let deploy = Command::new(&python)
        .arg(workspace_root().join("deploy/check.py"))
        .current_dir(workspace_root())
        .status()
        .map_err(|e| format!("deploy check: could not run {}: {e}", python.display()))?;
    if deploy.success() {
        Ok(())
    } else {
        Err(format!(
            "deploy check failed ({deploy}): see deploy/check.py's output"
        ))
    }
}

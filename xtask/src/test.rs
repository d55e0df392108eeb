//! `cargo xtask test`: what CI runs. Format, clippy, `cargo deny`, the check of the production Synapse
//! configuration, the whole test suite, the demo as an end-to-end smoke test of the CLI, then
//! the FFI's Kotlin tests on the JVM.

use std::process::Command;
use std::time::{Duration, Instant};

use innomed_harness::{ensure_synapse, workspace_root};

pub fn run() -> Result<(), String> {
    let started = Instant::now();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let root = workspace_root();
    let mut timings: Vec<(&str, Duration)> = Vec::new();
    let mut step = |name: &'static str, args: &[&str]| -> Result<(), String> {
        eprintln!("==> {name}: cargo {}", args.join(" "));
        let step_started = Instant::now();
        let status = Command::new(&cargo)
            .args(args)
            .current_dir(&root)
            .env("RUST_BACKTRACE", "1")
            .status()
            .map_err(|e| format!("{name}: could not run {cargo}: {e}"))?;
        if status.success() {
            let elapsed = step_started.elapsed();
            eprintln!("==> {name}: ok ({elapsed:.0?})");
            timings.push((name, elapsed));
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
    let deny_started = Instant::now();
    crate::deny::check(&cargo, &root)?;
    let deny_elapsed = deny_started.elapsed();
    eprintln!(
        "==> synapse: ensuring Synapse {} is installed",
        innomed_harness::SYNAPSE_VERSION
    );
    let synapse_started = Instant::now();
    let python = ensure_synapse().map_err(|e| e.to_string())?;
    eprintln!("==> synapse: ok ({})", python.display());
    // The production configuration in deploy/ parses, keeps the privacy settings and names
    // only options Synapse knows (Synapse's own parser, from the venv just ensured).
    let deploy = Command::new(&python)
        .arg(root.join("deploy/check.py"))
        .current_dir(&root)
        .status()
        .map_err(|e| format!("deploy check: could not run {}: {e}", python.display()))?;
    if !deploy.success() {
        return Err(format!(
            "deploy check failed ({deploy}): see deploy/check.py's output"
        ));
    }
    let synapse_elapsed = synapse_started.elapsed();
    step("tests", &["test", "--workspace"])?;
    timings.insert(2, ("cargo deny", deny_elapsed));
    timings.insert(3, ("synapse", synapse_elapsed));

    eprintln!("==> demo smoke test: cargo xtask demo, on the CLI binary the tests built");
    let demo_started = Instant::now();
    crate::demo::run_with(false).map_err(|e| {
        format!("demo smoke test failed: {e}\nre-run it alone with `cargo xtask demo`")
    })?;
    let demo_elapsed = demo_started.elapsed();
    eprintln!("==> demo smoke test: ok ({demo_elapsed:.0?})");
    timings.push(("demo smoke test", demo_elapsed));

    eprintln!(
        "==> apps: every Swift file of the iOS app and Kotlin file of the Android app parsed, \
         Android strings checked (tree-sitter; no compiler here)"
    );
    let apps_started = Instant::now();
    crate::shell_check::swift()?;
    crate::shell_check::android()?;
    timings.push(("apps syntax", apps_started.elapsed()));

    eprintln!("==> kotlin: the FFI's generated Kotlin and the Android app's presenters, tested on the JVM against Synapse");
    let kotlin_started = Instant::now();
    crate::jvm::test()
        .map_err(|e| format!("{e}\nre-run them alone with `cargo xtask test-kotlin`"))?;
    timings.push(("kotlin (jvm)", kotlin_started.elapsed()));

    println!(
        "xtask test: format, clippy, cargo deny, tests, the demo smoke test, the apps' syntax checks and the Kotlin tests all passed in {:.0?}",
        started.elapsed()
    );
    for (name, elapsed) in &timings {
        println!("  {name:<16} {elapsed:>8.1?}");
    }
    Ok(())
}

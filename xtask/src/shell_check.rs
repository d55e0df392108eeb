//! The phone apps cannot be compiled here (no Swift toolchain, no Android SDK): every Swift file
//! of `ios/` and every Kotlin file of the Android app module is at least parsed with tree-sitter
//! (grammars from npm, in `ios/tools` and `android/tools`), and both apps' strings are checked
//! (French and English keys and format arguments alike, every key the code uses defined).
//! Any finding fails.

use std::path::Path;
use std::process::Command;

use innomed_harness::workspace_root;

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("{what}: could not start it ({e}); Node.js and npm are needed"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Installs a tools folder's packages once (`npm ci`, from its lock file).
fn npm_ci(tools: &Path) -> Result<(), String> {
    if !tools.join("package-lock.json").exists() {
        return Err(format!("{}: package-lock.json is missing", tools.display()));
    }
    if installed(tools) {
        return Ok(());
    }
    run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(tools),
        "npm ci (the syntax checkers)",
    )
}

/// `node_modules` exists and is not older than the lock file.
fn installed(tools: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (
        modified(&tools.join("node_modules")),
        modified(&tools.join("package-lock.json")),
    ) {
        (Some(modules), Some(lock)) => modules >= lock,
        _ => false,
    }
}

/// The iOS app's Swift files and strings.
pub fn swift() -> Result<(), String> {
    let tools = workspace_root().join("ios/tools");
    npm_ci(&tools)?;
    run(
        Command::new("npm")
            .args(["run", "-s", "check"])
            .current_dir(&tools),
        "the iOS app's Swift syntax, strings and view-model imports check (see the file:line:column above)",
    )
}

/// The Android app module's Kotlin files and strings.
pub fn android() -> Result<(), String> {
    let tools = workspace_root().join("android/tools");
    npm_ci(&tools)?;
    run(
        Command::new("npm")
            .args(["run", "-s", "check"])
            .current_dir(&tools),
        "the Android app's Kotlin syntax and strings check (see above)",
    )
}

//! The iOS app cannot be compiled here (no Swift toolchain): every Swift file is at least parsed
//! with the tree-sitter Swift grammar (`ios/tools`, from npm), and any syntax error fails.

use std::path::Path;
use std::process::Command;

use innomed_harness::workspace_root;

const TOOLS: &str = "ios/tools";

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

/// Installs the parser once (`npm ci`, from the lock file), then checks every Swift file.
pub fn check() -> Result<(), String> {
    let tools = workspace_root().join(TOOLS);
    if !tools.join("package-lock.json").exists() {
        return Err(format!("{TOOLS}/package-lock.json is missing"));
    }
    if !installed(&tools) {
        run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .current_dir(&tools),
            "npm ci (the Swift parser)",
        )?;
    }
    run(
        Command::new("node")
            .arg("check-swift-syntax.mjs")
            .current_dir(&tools),
        "the Swift syntax check (see the file:line:column above)",
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

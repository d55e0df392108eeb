//! `cargo deny` in the test command: licences, bans, sources and security advisories, against
//! the live RustSec database or, when GitHub cannot be reached, the dated snapshot beside the
//! repository (`../shared/advisory-db`); the run prints which one it used.

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

    let advisories = |snapshot: Option<&snapshot::Snapshot>| {
        let mut command = Command::new(&deny);
        if let Some(snapshot) = snapshot {
            command.arg("--config").arg(&snapshot.config);
            snapshot.redirect(&mut command);
        }
        command
            .args(["check", "advisories"])
            .current_dir(root)
            .output()
            .map_err(|e| format!("cargo deny: {e}"))
    };
    let mut output = advisories(None)?;
    let mut stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let mut against = "the live RustSec database".to_owned();
    if !output.status.success() && stderr.contains("failed to fetch advisory database") {
        // No access to GitHub: the dated snapshot beside the repository, said as such.
        let snapshot = snapshot::prepare(root)?;
        output = advisories(Some(&snapshot))?;
        stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        against = format!(
            "the RustSec snapshot of {} ({}), not a live check",
            snapshot.date,
            snapshot.source.display()
        );
    }
    if output.status.success() {
        eprintln!("==> cargo deny: advisories ok against {against}");
        Ok(())
    } else {
        eprintln!("{stderr}");
        Err(format!(
            "cargo deny found advisories (against {against}): fix them or write the accepted \
             ones, with the reason, in deny.toml"
        ))
    }
}

mod snapshot {
    //! The offline copy of the RustSec database (`../shared/advisory-db`, a plain folder with
    //! its date in `SNAPSHOT.md`), made a git repository under `target/tools`. cargo-deny then
    //! fetches it as it fetches the real one (git, told to read the RustSec address from that
    //! repository), into a folder of its own named by a copy of `deny.toml`: nothing of the
    //! snapshot lands where a live check keeps its database.

    use std::{
        path::{Path, PathBuf},
        process::Command,
    };

    pub struct Snapshot {
        pub source: PathBuf,
        pub date: String,
        pub config: PathBuf,
        repo: PathBuf,
    }

    /// The addresses cargo-deny fetches the RustSec database from.
    const RUSTSEC_URLS: [&str; 2] = [
        "https://github.com/RustSec/advisory-db",
        "https://github.com/rustsec/advisory-db",
    ];

    impl Snapshot {
        /// Makes git, run by cargo-deny, read the RustSec address from the snapshot.
        pub fn redirect(&self, command: &mut Command) {
            command.env("GIT_CONFIG_COUNT", RUSTSEC_URLS.len().to_string());
            for (i, url) in RUSTSEC_URLS.iter().enumerate() {
                command
                    .env(
                        format!("GIT_CONFIG_KEY_{i}"),
                        format!("url.file://{}.insteadOf", self.repo.display()),
                    )
                    .env(format!("GIT_CONFIG_VALUE_{i}"), url);
            }
        }
    }

    pub fn prepare(root: &Path) -> Result<Snapshot, String> {
        let source = root.join("../shared/advisory-db");
        let notes = std::fs::read_to_string(source.join("SNAPSHOT.md")).map_err(|_| {
            format!(
                "cargo deny: the RustSec database cannot be fetched and there is no snapshot \
                 at {}",
                source.display()
            )
        })?;
        let date = snapshot_date(&notes).unwrap_or_else(|| "an unknown date".to_owned());
        let tools = root.join("target/tools");
        let repo = tools.join("advisory-db-snapshot");
        let _ = std::fs::remove_dir_all(&repo);
        let _ = std::fs::remove_dir_all(tools.join("advisory-dbs"));
        std::fs::create_dir_all(&tools).map_err(|e| format!("cargo deny: {e}"))?;
        run(Command::new("cp").arg("-R").arg(&source).arg(&repo))?;
        run(Command::new("chmod").args(["-R", "u+w"]).arg(&repo))?;
        for args in [
            &["init", "-q", "-b", "main"][..],
            &["add", "-A"],
            &[
                "-c",
                "user.name=snapshot",
                "-c",
                "user.email=snapshot@localhost",
                "commit",
                "-q",
                "-m",
                "RustSec snapshot",
            ],
        ] {
            run(Command::new("git").arg("-C").arg(&repo).args(args))?;
        }
        let config = std::fs::read_to_string(root.join("deny.toml"))
            .map_err(|e| format!("cargo deny: deny.toml: {e}"))?;
        let pointed = point_at(&config, &tools.join("advisory-dbs"))?;
        let path = tools.join("deny-snapshot.toml");
        std::fs::write(&path, pointed).map_err(|e| format!("cargo deny: {e}"))?;
        Ok(Snapshot {
            source,
            date,
            config: path,
            repo,
        })
    }

    /// The first `YYYY-MM-DD` in the snapshot's notes.
    fn snapshot_date(notes: &str) -> Option<String> {
        notes
            .as_bytes()
            .windows(10)
            .find(|w| {
                w.iter().enumerate().all(|(i, b)| match i {
                    4 | 7 => *b == b'-',
                    _ => b.is_ascii_digit(),
                })
            })
            .map(|w| String::from_utf8_lossy(w).into_owned())
    }

    /// `deny.toml` with its `[advisories]` table keeping its database in `db_path`.
    fn point_at(config: &str, db_path: &Path) -> Result<String, String> {
        let table = "[advisories]\n";
        let at = config
            .find(table)
            .ok_or("cargo deny: deny.toml has no [advisories] table")?
            + table.len();
        let mut pointed = config.to_owned();
        pointed.insert_str(at, &format!("db-path = \"{}\"\n", db_path.display()));
        Ok(pointed)
    }

    fn run(command: &mut Command) -> Result<(), String> {
        let output = command
            .output()
            .map_err(|e| format!("cargo deny snapshot: {e}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "cargo deny snapshot: {command:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }
}

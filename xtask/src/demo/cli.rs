//! Driving the `innomed` CLI: one bounded process per command, as a script would.

use super::*;

/// Builds `innomed` (output shown) and returns the binary's path.
/// Builds the CLI, or with `build: false` uses the binary already in the target folder (the
/// one `cargo test --workspace` just built for the CLI's own tests, so `xtask test` does not
/// build the dependency tree a second time with other features).
pub(super) fn build_cli(build: bool) -> Result<Innomed, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let root = workspace_root();
    let build_started = Instant::now();
    if build {
        println!("{}", dim("$ cargo build -p innomed-cli"));
        cargo_build(&cargo, &root)?;
    }
    let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    };
    let bin = target_dir
        .join("debug")
        .join(format!("innomed{}", std::env::consts::EXE_SUFFIX));
    if !bin.is_file() {
        return Err(format!(
            "the innomed CLI is not built: {} does not exist",
            bin.display()
        ));
    }
    result(&format!(
        "innomed CLI ready ({:.1?}): {}",
        build_started.elapsed(),
        bin.display()
    ));
    Ok(Innomed { bin })
}

fn cargo_build(cargo: &str, root: &Path) -> Result<(), String> {
    let status = Command::new(cargo)
        .args(["build", "-p", "innomed-cli"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("could not run `{cargo} build -p innomed-cli`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`cargo build -p innomed-cli` failed ({status}); see the compiler output above"
        ))
    }
}

pub(super) struct Innomed {
    pub(super) bin: PathBuf,
}

/// A doctor: an account and the data folder of their `innomed` client.
pub(super) struct Doctor {
    pub(super) title: &'static str,
    pub(super) username: &'static str,
    pub(super) password: &'static str,
    pub(super) data_dir: TempDir,
    pub(super) user_id: String,
}

impl Doctor {
    pub(super) fn new(
        title: &'static str,
        username: &'static str,
        password: &'static str,
    ) -> Result<Self, String> {
        let data_dir = tempfile::Builder::new()
            .prefix(&format!("innomed-demo-{username}-"))
            .tempdir()
            .map_err(|e| format!("creating a data folder for {title}: {e}"))?;
        Ok(Self {
            title,
            username,
            password,
            data_dir,
            user_id: String::new(),
        })
    }
}

impl Innomed {
    /// Runs `innomed --json …` as `doctor`; the JSON object on success, or an
    /// error with the CLI's error code, message and stderr.
    pub(super) fn json(&self, doctor: &Doctor, args: &[&str]) -> Result<Value, String> {
        let out = self.run(doctor, true, args)?;
        let value = out
            .stdout
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| serde_json::from_str::<Value>(l).ok());
        match value {
            Some(v) if out.success && v["ok"] == Value::Bool(true) => Ok(v),
            Some(v) if v["ok"] == Value::Bool(false) => {
                let message = v["message"].as_str().unwrap_or("no message");
                let code = v["error"].as_str().unwrap_or("no error code");
                Err(out.failure(doctor, args, &format!("{message} [{code}]")))
            }
            Some(v) => Err(out.failure(doctor, args, &format!("unexpected answer: {v}"))),
            None => Err(out.failure(
                doctor,
                args,
                &format!("no JSON on stdout: {:?}", out.stdout.trim()),
            )),
        }
    }

    /// Runs `innomed …` (human output) as `doctor`, prints and returns stdout.
    pub(super) fn text(&self, doctor: &Doctor, args: &[&str]) -> Result<String, String> {
        let out = self.run(doctor, false, args)?;
        if !out.success {
            return Err(out.failure(doctor, args, "see stderr"));
        }
        for line in out.stdout.lines() {
            println!("    {line}");
        }
        Ok(out.stdout)
    }

    pub(super) fn run(
        &self,
        doctor: &Doctor,
        json: bool,
        args: &[&str],
    ) -> Result<CliOutput, String> {
        let timeout = CLI_TIMEOUT_SECS.to_string();
        let mut full: Vec<&str> = Vec::new();
        if json {
            full.push("--json");
        }
        full.extend(["--timeout", &timeout]);
        full.extend_from_slice(args);
        println!(
            "{}",
            dim(&format!(
                "{} $ innomed {}",
                doctor.username,
                full.iter()
                    .map(|a| shell_quote(a))
                    .collect::<Vec<_>>()
                    .join(" ")
            ))
        );
        let mut command = Command::new(&self.bin);
        command
            .args(&full)
            .env("INNOMED_DATA_DIR", doctor.data_dir.path())
            .env("INNOMED_PASSWORD", doctor.password)
            .env_remove("INNOMED_HOMESERVER")
            .stdin(Stdio::null());
        let started = Instant::now();
        let out = run_bounded(command, &self.bin, CLI_KILL_AFTER)?;
        let elapsed = started.elapsed();
        for line in out.stderr.lines().filter(|l| !l.trim().is_empty()) {
            println!("    {}", dim(&format!("stderr: {line}")));
        }
        println!("    {}", dim(&format!("({elapsed:.1?})")));
        Ok(out)
    }
}

pub(super) struct CliOutput {
    pub(super) success: bool,
    pub(super) status: String,
    pub(super) stdout: String,
    pub(super) stderr: String,
}

impl CliOutput {
    pub(super) fn failure(&self, doctor: &Doctor, args: &[&str], detail: &str) -> String {
        let mut message = format!(
            "`innomed {}` as {} failed ({}): {detail}",
            args.first().copied().unwrap_or(""),
            doctor.username,
            self.status
        );
        let stderr = self.stderr.trim();
        if !stderr.is_empty() {
            message.push_str("\nstderr:\n");
            message.push_str(stderr);
        }
        message
    }
}

/// Runs `command` with captured output; kills it after `limit`.
pub(super) fn run_bounded(
    mut command: Command,
    bin: &Path,
    limit: Duration,
) -> Result<CliOutput, String> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not run {}: {e}", bin.display()))?;
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut buf);
            }
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let stdout = reader(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = reader(child.stderr.take().map(|p| Box::new(p) as _));
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "innomed did not finish within {limit:?} and was killed \
                     (it was given --timeout {CLI_TIMEOUT_SECS})"
                ));
            }
            Ok(None) => thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("waiting for innomed: {e}")),
        }
    };
    Ok(CliOutput {
        success: status.success(),
        status: status.to_string(),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// How a shell would need `arg` written (for display only).
pub(super) fn shell_quote(arg: &str) -> String {
    let plain = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@:._/=+,-!".contains(c));
    if plain && !arg.starts_with('!') {
        arg.to_owned()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

pub(super) fn string_field(value: &Value, field: &str) -> Result<String, String> {
    value[field]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no {field:?} in the CLI's answer: {value}"))
}

// ---------------------------------------------------------------------------
// Terminal output
// ---------------------------------------------------------------------------

//! Installing the pinned Synapse into a virtualenv, once per machine.

use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use crate::util::{tail, wait_timeout};
use crate::{HarnessError, Result, SYNAPSE_VERSION};

/// Overrides where the virtualenv lives.
const VENV_ENV: &str = "INNOMED_SYNAPSE_VENV";
/// Overrides the interpreter used to create the virtualenv (default `python3`).
const PYTHON_ENV: &str = "INNOMED_PYTHON";
/// Name of the marker file inside the venv; holds the installed version.
const MARKER: &str = "innomed-synapse-version";

/// A PDF reader for the tests of the télé-expertise report (the report is read back as a
/// doctor's PDF viewer would, not by the code that wrote it).
pub const PYPDF_VERSION: &str = "7.1.0";

/// What the marker file records: the venv is reinstalled when either version changes.
fn installed_set() -> String {
    format!("{SYNAPSE_VERSION} oidc pypdf {PYPDF_VERSION}")
}

const VENV_TIMEOUT: Duration = Duration::from_secs(5 * 60);
const PIP_TIMEOUT: Duration = Duration::from_secs(15 * 60);
/// How long a second process waits for another one's install.
const LOCK_WAIT: Duration = Duration::from_secs(20 * 60);
/// A lock directory older than this belongs to a dead installer.
const STALE_LOCK: Duration = Duration::from_secs(25 * 60);

/// The workspace root, derived at compile time from this crate's location.
pub fn workspace_root() -> PathBuf {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}

/// Where the virtualenv lives: `$INNOMED_SYNAPSE_VENV`, else
/// `<workspace root>/target/synapse/venv`.
pub fn venv_dir() -> PathBuf {
    match std::env::var_os(VENV_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => workspace_root().join("target/synapse/venv"),
    }
}

/// Makes sure Synapse [`SYNAPSE_VERSION`] is installed in [`venv_dir`] and
/// returns the venv's python. The first call on a machine creates the venv
/// and runs `pip install` (bounded to 15 minutes); later calls only check a
/// marker file. Concurrent callers (threads or processes) wait for a single
/// installer, guarded by a lock directory next to the venv.
pub fn ensure_synapse() -> Result<PathBuf> {
    static DONE: OnceLock<PathBuf> = OnceLock::new();
    if let Some(python) = DONE.get() {
        return Ok(python.clone());
    }
    let venv = venv_dir();
    let python = install_once(&venv)?;
    Ok(DONE.get_or_init(|| python).clone())
}

fn venv_python(venv: &Path) -> PathBuf {
    venv.join("bin/python")
}

fn is_installed(venv: &Path) -> bool {
    venv_python(venv).exists()
        && fs::read_to_string(venv.join(MARKER)).is_ok_and(|v| v.trim() == installed_set())
}

fn install_once(venv: &Path) -> Result<PathBuf> {
    if is_installed(venv) {
        return Ok(venv_python(venv));
    }
    let parent = venv.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(HarnessError::io_path("creating", parent))?;
    let lock = with_suffix(venv, ".lock");
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match fs::create_dir(&lock) {
            Ok(()) => {
                let _guard = LockDir(lock.clone());
                if !is_installed(venv) {
                    install(venv)?;
                }
                return Ok(venv_python(venv));
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                if is_installed(venv) {
                    return Ok(venv_python(venv));
                }
                if lock_age(&lock).is_some_and(|age| age > STALE_LOCK) {
                    // The installer that held it died; take over.
                    let _ = fs::remove_dir_all(&lock);
                    continue;
                }
                if Instant::now() >= deadline {
                    return Err(HarnessError::Install {
                        message: format!(
                            "timed out waiting for another process installing Synapse \
                             (lock {}; remove it if no install is running)",
                            lock.display()
                        ),
                        log_tail: tail(&with_suffix(venv, ".install.log"), 20),
                    });
                }
                thread::sleep(Duration::from_millis(500));
            }
            Err(e) => return Err(HarnessError::io_path("creating lock", &lock)(e)),
        }
    }
}

/// Removes the lock directory when the installer is done (or failed).
struct LockDir(PathBuf);

impl Drop for LockDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn lock_age(lock: &Path) -> Option<Duration> {
    let modified = fs::metadata(lock).ok()?.modified().ok()?;
    SystemTime::now().duration_since(modified).ok()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn install(venv: &Path) -> Result<()> {
    let log_path = with_suffix(venv, ".install.log");
    let python = venv_python(venv);
    let _ = fs::remove_file(venv.join(MARKER));
    if !python.exists() {
        let base_python = std::env::var(PYTHON_ENV).unwrap_or_else(|_| "python3".to_owned());
        let mut cmd = Command::new(&base_python);
        cmd.args(["-m", "venv", "--clear"]).arg(venv);
        run_logged(cmd, &log_path, VENV_TIMEOUT, "creating the virtualenv").map_err(
            |e| match e {
                HarnessError::Install { message, log_tail } => HarnessError::Install {
                    message: format!(
                        "{message} (`{base_python} -m venv` needs python3-venv on Debian: \
                         apt-get install python3-venv)"
                    ),
                    log_tail,
                },
                other => other,
            },
        )?;
    }
    let mut pip = Command::new(&python);
    pip.args([
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--no-input",
    ])
    // `oidc`: sign-in with Pro Santé Connect (OpenID Connect, through authlib).
    .arg(format!("matrix-synapse[oidc]=={SYNAPSE_VERSION}"))
    .arg(format!("pypdf=={PYPDF_VERSION}"));
    run_logged(
        pip,
        &log_path,
        PIP_TIMEOUT,
        "pip install matrix-synapse[oidc] pypdf",
    )?;

    let out = Command::new(&python)
        // The package metadata, not `synapse.__version__`: inside a git checkout (this
        // repository) Synapse appends the checkout's branch and commit to the latter.
        .args([
            "-c",
            "import importlib.metadata as m; print(m.version('matrix-synapse'))",
        ])
        .output()
        .map_err(HarnessError::io_path("running", &python))?;
    let installed = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if installed != SYNAPSE_VERSION {
        return Err(HarnessError::Install {
            message: format!("venv has Synapse {installed:?}, expected {SYNAPSE_VERSION}"),
            log_tail: String::from_utf8_lossy(&out.stderr).into_owned(),
        });
    }
    // Atomic marker: a reader sees either no marker or the full version.
    let tmp = venv.join(format!("{MARKER}.tmp"));
    fs::write(&tmp, installed_set()).map_err(HarnessError::io_path("writing", &tmp))?;
    let marker = venv.join(MARKER);
    fs::rename(&tmp, &marker).map_err(HarnessError::io_path("writing", &marker))?;
    Ok(())
}

/// Runs `cmd` with output appended to `log_path`, killing it after `timeout`.
fn run_logged(mut cmd: Command, log_path: &Path, timeout: Duration, what: &str) -> Result<()> {
    let log = File::options()
        .create(true)
        .append(true)
        .open(log_path)
        .map_err(HarnessError::io_path("opening", log_path))?;
    let log_err = log
        .try_clone()
        .map_err(HarnessError::io_path("opening", log_path))?;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_err)
        .spawn()
        .map_err(HarnessError::io(format!("{what}: spawning {cmd:?}")))?;
    let failure = match wait_timeout(&mut child, timeout)? {
        Some(status) if status.success() => return Ok(()),
        Some(status) => format!("{what} failed ({status})"),
        None => {
            let _ = child.kill();
            let _ = child.wait();
            format!("{what} timed out after {}s", timeout.as_secs())
        }
    };
    Err(HarnessError::Install {
        message: failure,
        log_tail: tail(log_path, 30),
    })
}

//! The Synapse child process: spawning it under a parent-watching launcher,
//! waiting until it serves, and stopping it.

use std::fs::{self, File};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::config::Layout;
use crate::util::{tail, wait_timeout};
use crate::{http, HarnessError, Result};

const START_TIMEOUT: Duration = Duration::from_secs(60);
const STOP_TIMEOUT: Duration = Duration::from_secs(10);
/// Exit code of the launcher when it notices its parent is gone.
const ORPHAN_EXIT: i32 = 70;

/// Runs Synapse in-process after starting two watchdog threads; either one
/// ends the process (and removes the throw-away data dir, if any) as soon as
/// the Rust parent is gone, even if the parent never ran its destructors
/// (statics, `process::exit`, a panic abort or SIGKILL):
/// - stdin is a pipe whose write end only the parent holds: EOF = parent gone;
/// - fallback: the parent pid changes (we were re-parented).
///
/// argv: `<parent pid> <dir to remove on orphaning, or ""> <synapse args...>`
const LAUNCHER: &str = r#"
import os, shutil, sys, threading, time
parent = int(sys.argv[1])
cleanup = sys.argv[2]
def orphaned():
    if cleanup:
        shutil.rmtree(cleanup, ignore_errors=True)
    os._exit(ORPHAN_EXIT)
def watch_stdin():
    # Raw os.read, not sys.stdin: a daemon thread blocked inside the buffered
    # reader makes interpreter shutdown abort ("could not acquire lock").
    try:
        while os.read(0, 4096):
            pass
    except OSError:
        pass
    orphaned()
def watch_parent():
    while os.getppid() == parent:
        time.sleep(0.5)
    orphaned()
for target in (watch_stdin, watch_parent):
    threading.Thread(target=target, name=target.__name__, daemon=True).start()
sys.argv = ["synapse.app.homeserver"] + sys.argv[3:]
from synapse.app.homeserver import main
main()
"#;

/// A running Synapse. Holding `_stdin` keeps the launcher's watchdog quiet.
#[derive(Debug)]
pub(crate) struct Running {
    pub(crate) child: Child,
    _stdin: ChildStdin,
}

/// A port on 127.0.0.1 that was free a moment ago.
pub(crate) fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(HarnessError::io("binding 127.0.0.1:0"))?;
    let port = listener
        .local_addr()
        .map_err(HarnessError::io("reading local address"))?
        .port();
    Ok(port)
}

/// Spawns Synapse and waits until `/_matrix/client/versions` answers 200 and
/// advertises simplified sliding sync. On failure the child is killed.
pub(crate) fn start(
    python: &Path,
    layout: &Layout,
    config_files: &[PathBuf],
    port: u16,
    cleanup_on_orphan: Option<&Path>,
) -> Result<Running> {
    let mut running = spawn(python, layout, config_files, cleanup_on_orphan)?;
    let pid = running.child.id();
    let _ = fs::write(layout.pid_file(), format!("{pid}\n"));
    match wait_ready(&mut running.child, layout, port) {
        Ok(()) => Ok(running),
        Err(e) => {
            let _ = running.child.kill();
            let _ = running.child.wait();
            Err(e)
        }
    }
}

fn spawn(
    python: &Path,
    layout: &Layout,
    config_files: &[PathBuf],
    cleanup_on_orphan: Option<&Path>,
) -> Result<Running> {
    let stdout = File::create(layout.stdout())
        .map_err(HarnessError::io_path("creating", &layout.stdout()))?;
    let stderr = File::create(layout.stderr())
        .map_err(HarnessError::io_path("creating", &layout.stderr()))?;
    let mut cmd = Command::new(python);
    cmd.arg("-c")
        .arg(LAUNCHER.replace("ORPHAN_EXIT", &ORPHAN_EXIT.to_string()))
        .arg(std::process::id().to_string())
        .arg(cleanup_on_orphan.map(Path::as_os_str).unwrap_or_default());
    for file in config_files {
        cmd.arg("-c").arg(file);
    }
    let mut child = cmd
        .current_dir(&layout.dir)
        .env("PYTHONUNBUFFERED", "1")
        // Innomed's Synapse modules (Pro Santé Connect), the same file as in production.
        .env(
            "PYTHONPATH",
            crate::workspace_root().join("deploy/synapse/modules"),
        )
        // Pushes to the loopback gateway never go through a proxy of the environment.
        .env("no_proxy", "127.0.0.1,localhost")
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .map_err(HarnessError::io_path("spawning Synapse with", python))?;
    let Some(stdin) = child.stdin.take() else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(HarnessError::Stop("child has no stdin pipe".into()));
    };
    Ok(Running {
        child,
        _stdin: stdin,
    })
}

fn startup_error(layout: &Layout, message: String) -> HarnessError {
    let log_tail = [layout.stderr(), layout.log()]
        .iter()
        .map(|p| tail(p, 40))
        .collect::<Vec<_>>()
        .join("\n");
    HarnessError::Startup { message, log_tail }
}

fn wait_ready(child: &mut Child, layout: &Layout, port: u16) -> Result<()> {
    let url = format!("http://127.0.0.1:{port}/_matrix/client/versions");
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        if let Some(status) = child
            .try_wait()
            .map_err(HarnessError::io("waiting for Synapse"))?
        {
            return Err(startup_error(
                layout,
                format!("Synapse exited during startup ({status})"),
            ));
        }
        let last_error = match http::get(&url) {
            Ok(resp) if resp.status == 200 => return check_versions(layout, &resp),
            Ok(resp) => format!("HTTP {}: {}", resp.status, resp.body),
            Err(e) => e.to_string(),
        };
        if Instant::now() >= deadline {
            return Err(startup_error(
                layout,
                format!(
                    "no 200 from {url} within {}s (last: {last_error})",
                    START_TIMEOUT.as_secs()
                ),
            ));
        }
        thread::sleep(Duration::from_millis(100));
    }
}

/// The client relies on simplified sliding sync (MSC4186, advertised as
/// `org.matrix.simplified_msc3575`); refuse a server without it.
fn check_versions(layout: &Layout, resp: &http::Response) -> Result<()> {
    let json = resp.json()?;
    let feature = &json["unstable_features"]["org.matrix.simplified_msc3575"];
    if feature.as_bool() == Some(true) {
        Ok(())
    } else {
        Err(startup_error(
            layout,
            format!(
                "/versions does not advertise org.matrix.simplified_msc3575: {}",
                resp.body
            ),
        ))
    }
}

/// SIGTERM, wait up to 10 s for a clean shutdown, then SIGKILL. A shutdown
/// that does not end in exit status 0 is reported as an error (after the
/// process is gone).
pub(crate) fn stop(mut running: Running, layout: &Layout) -> Result<()> {
    let child = &mut running.child;
    if child
        .try_wait()
        .map_err(HarnessError::io("waiting for Synapse"))?
        .is_some()
    {
        return Ok(());
    }
    // The shell's builtin `kill`: present even where procps is not.
    let term = Command::new("sh")
        .args(["-c", "kill -TERM \"$0\"", &child.id().to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if term.is_ok_and(|s| s.success()) {
        match wait_timeout(child, STOP_TIMEOUT)? {
            Some(status) if status.success() => return Ok(()),
            Some(status) => {
                return Err(HarnessError::Stop(format!(
                    "Synapse exited with {status} after SIGTERM\n{}",
                    tail(&layout.stderr(), 20)
                )))
            }
            None => {}
        }
    }
    // SIGTERM could not be sent, or Synapse ignored it: SIGKILL.
    child
        .kill()
        .map_err(|e| HarnessError::Stop(format!("SIGKILL: {e}")))?;
    match wait_timeout(child, STOP_TIMEOUT)? {
        Some(_) => Ok(()),
        None => Err(HarnessError::Stop(format!(
            "pid {} survived SIGKILL",
            child.id()
        ))),
    }
}

//! [`IdentityProvider`]: a real OpenID Connect provider on loopback, standing in for Pro Santé
//! Connect (mock-oauth2-server from Maven Central, on the JVM).
//!
//! Its login page asks for a subject and the claims to put in the tokens and the userinfo
//! answer, so each test signs in as the professional it needs (PSC-shaped claims:
//! `SubjectNameID`, `SubjectRefPro.exercices[]`), or with the claims that must be refused.

use std::fs;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use crate::process::free_port;
use crate::util::{tail, wait_timeout};
use crate::{http, workspace_root, HarnessError, Result};

const MAIN_CLASS: &str = "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt";
const START_TIMEOUT: Duration = Duration::from_secs(60);
const RESOLVE_TIMEOUT: Duration = Duration::from_secs(10 * 60);
/// The issuer id in the provider's URLs (`http://127.0.0.1:PORT/psc`).
const ISSUER_ID: &str = "psc";

/// Starts the JVM under a watchdog that kills it when the Rust parent is gone (its stdin pipe
/// closes) or when the harness drops the pipe to stop it.
const WATCHDOG: &str = r#"
import os, subprocess, sys, threading, time
parent = int(sys.argv[1])
child = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL)
def gone():
    child.kill()
    child.wait()
    os._exit(0)
def watch_stdin():
    try:
        while os.read(0, 4096):
            pass
    except OSError:
        pass
    gone()
def watch_parent():
    while os.getppid() == parent:
        time.sleep(0.5)
    gone()
for target in (watch_stdin, watch_parent):
    threading.Thread(target=target, daemon=True).start()
sys.exit(child.wait())
"#;

/// A running OpenID Connect provider. Dropping it stops the JVM.
#[derive(Debug)]
pub struct IdentityProvider {
    port: u16,
    child: Child,
    stdin: Option<ChildStdin>,
    log: PathBuf,
}

impl IdentityProvider {
    /// Resolves the provider from Maven (once per machine) and starts it on a free port;
    /// returns once its discovery document answers.
    pub fn start() -> Result<Self> {
        let classpath = classpath()?;
        let port = free_port()?;
        let dir = workspace_root().join("target/oidc-provider");
        fs::create_dir_all(&dir).map_err(HarnessError::io_path("creating", &dir))?;
        let log = dir.join(format!("provider-{port}.log"));
        let out = fs::File::create(&log).map_err(HarnessError::io_path("creating", &log))?;
        let err = out
            .try_clone()
            .map_err(HarnessError::io_path("opening", &log))?;
        // `psc-foreign` issues its identity tokens for another client (a test of refusal).
        let config = serde_json::json!({
            "interactiveLogin": true,
            "tokenCallbacks": [{
                "issuerId": format!("{ISSUER_ID}-foreign"),
                "tokenExpiry": 120,
                "requestMappings": [{
                    "requestParam": "grant_type",
                    "match": "*",
                    "claims": { "aud": ["another-client"], "azp": "another-client" }
                }]
            }]
        });
        let mut child = Command::new("python3")
            .arg("-c")
            .arg(WATCHDOG)
            .arg(std::process::id().to_string())
            .args([
                "java",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                &classpath,
                MAIN_CLASS,
            ])
            .env("SERVER_HOSTNAME", "127.0.0.1")
            .env("SERVER_PORT", port.to_string())
            .env("JSON_CONFIG", config.to_string())
            .env("LOG_LEVEL", "WARN")
            .stdin(Stdio::piped())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(HarnessError::io("starting the OpenID Connect provider"))?;
        let stdin = child.stdin.take();
        let mut provider = Self {
            port,
            child,
            stdin,
            log,
        };
        provider.wait_ready()?;
        Ok(provider)
    }

    /// The issuer, `http://127.0.0.1:PORT/psc`.
    pub fn issuer(&self) -> String {
        format!("http://127.0.0.1:{}/{ISSUER_ID}", self.port)
    }

    fn wait_ready(&mut self) -> Result<()> {
        let url = format!("{}/.well-known/openid-configuration", self.issuer());
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(HarnessError::Startup {
                    message: format!("the OpenID Connect provider exited ({status})"),
                    log_tail: tail(&self.log, 30),
                });
            }
            if http::get(&url).is_ok_and(|r| r.status == 200) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(HarnessError::Startup {
                    message: format!("no answer from {url} within {START_TIMEOUT:?}"),
                    log_tail: tail(&self.log, 30),
                });
            }
            thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for IdentityProvider {
    fn drop(&mut self) {
        // Closing the pipe is the watchdog's signal to stop the JVM.
        drop(self.stdin.take());
        if !matches!(
            wait_timeout(&mut self.child, Duration::from_secs(10)),
            Ok(Some(_))
        ) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The provider's classpath, resolved by Maven from `tests/harness/oidc/pom.xml` into
/// `target/oidc-provider/classpath.txt` (downloaded once; Maven's cache serves it after).
fn classpath() -> Result<String> {
    static RESOLVED: OnceLock<String> = OnceLock::new();
    if let Some(cp) = RESOLVED.get() {
        return Ok(cp.clone());
    }
    let pom = workspace_root().join("tests/harness/oidc/pom.xml");
    let dir = workspace_root().join("target/oidc-provider");
    fs::create_dir_all(&dir).map_err(HarnessError::io_path("creating", &dir))?;
    let file = dir.join("classpath.txt");
    let fresh = |path: &PathBuf| {
        let (Ok(cp), Ok(pom_meta)) = (fs::metadata(path), fs::metadata(&pom)) else {
            return false;
        };
        matches!((cp.modified(), pom_meta.modified()), (Ok(a), Ok(b)) if a >= b)
    };
    if !fresh(&file) {
        let partial = dir.join(format!("classpath.{}.txt", std::process::id()));
        let log = dir.join("resolve.log");
        let out = fs::File::create(&log).map_err(HarnessError::io_path("creating", &log))?;
        let err = out
            .try_clone()
            .map_err(HarnessError::io_path("opening", &log))?;
        let mut mvn = Command::new("mvn")
            .args(["--batch-mode", "--no-transfer-progress", "-q", "-f"])
            .arg(&pom)
            .arg("dependency:build-classpath")
            .arg(format!("-Dmdep.outputFile={}", partial.display()))
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(HarnessError::io(
                "running Maven (needed for the identity provider)",
            ))?;
        let status = wait_timeout(&mut mvn, RESOLVE_TIMEOUT)?;
        if !status.is_some_and(|s| s.success()) {
            let _ = mvn.kill();
            return Err(HarnessError::Install {
                message: "Maven could not resolve the OpenID Connect provider".into(),
                log_tail: tail(&log, 30),
            });
        }
        fs::rename(&partial, &file).map_err(HarnessError::io_path("writing", &file))?;
    }
    let cp = fs::read_to_string(&file).map_err(HarnessError::io_path("reading", &file))?;
    Ok(RESOLVED.get_or_init(|| cp.trim().to_owned()).clone())
}

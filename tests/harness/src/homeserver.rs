//! [`Homeserver`]: one local Synapse with its data directory.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use tempfile::TempDir;

use crate::config::{self, Layout, Settings};
use crate::federation::FederationMember;
use crate::identity_provider::IdentityProvider;
use crate::process::{self, Running};
use crate::{ensure_synapse, HarnessError, Result};

/// The server name of a homeserver outside any federation.
const SERVER_NAME: &str = "localhost";

/// How to start a [`Homeserver`].
#[derive(Debug, Clone)]
pub struct HomeserverOptions {
    /// Keep state here instead of a fresh temporary directory (which is
    /// removed on drop). A reused directory keeps its signing key and secrets.
    pub data_dir: Option<PathBuf>,
    /// Listen on this port instead of a free one picked at random.
    pub port: Option<u16>,
    /// Apply `encryption_enabled_by_default_for_room_type: all` (default
    /// `true`). Set to `false` ONLY in a test that needs an unencrypted room,
    /// to prove the client refuses to send into it; every other privacy
    /// setting stays on.
    pub encryption_by_default: bool,
    /// Access tokens of clients that asked for a refresh token live this long instead of the
    /// privacy layer's 5 minutes (a test of their expiry).
    pub access_token_lifetime: Option<std::time::Duration>,
    /// Offer sign-in with Pro Santé Connect through an OpenID Connect provider started with
    /// the homeserver (on the JVM, resolved from Maven once).
    pub pro_sante_connect: bool,
    /// Join a closed federation (see [`crate::Federation`]): the server name becomes
    /// `localhost:<federation port>` and a TLS federation listener opens there.
    pub federation: Option<FederationMember>,
}

impl Default for HomeserverOptions {
    fn default() -> Self {
        Self {
            data_dir: None,
            port: None,
            encryption_by_default: true,
            access_token_lifetime: None,
            pro_sante_connect: false,
            federation: None,
        }
    }
}

/// A running local Synapse (listening on `127.0.0.1` only). Dropping it stops the process and removes a temporary
/// data directory.
#[derive(Debug)]
pub struct Homeserver {
    port: u16,
    server_name: String,
    layout: Layout,
    python: PathBuf,
    config_files: Vec<PathBuf>,
    /// The directory the launcher removes if this process dies without
    /// dropping us (only for temporary data dirs).
    cleanup_on_orphan: Option<PathBuf>,
    running: Mutex<Option<Running>>,
    identity_provider: Option<IdentityProvider>,
    // Declared last: removed after the process is stopped in `Drop`.
    _temp_dir: Option<TempDir>,
}

impl Homeserver {
    /// Installs Synapse if needed, writes the config and starts the server;
    /// returns once `/_matrix/client/versions` answers (at most 60 s).
    pub fn start(options: HomeserverOptions) -> Result<Self> {
        let python = ensure_synapse()?;
        let (dir, temp_dir) = match &options.data_dir {
            Some(dir) => {
                fs::create_dir_all(dir).map_err(HarnessError::io_path("creating", dir))?;
                let dir = dir
                    .canonicalize()
                    .map_err(HarnessError::io_path("resolving", dir))?;
                (dir, None)
            }
            None => {
                let temp = tempfile::Builder::new()
                    .prefix("innomed-synapse-")
                    .tempdir()
                    .map_err(HarnessError::io("creating a temporary data dir"))?;
                (temp.path().to_path_buf(), Some(temp))
            }
        };
        let port = match options.port {
            Some(port) => port,
            None => process::free_port()?,
        };
        let layout = Layout { dir };
        let identity_provider = if options.pro_sante_connect {
            Some(IdentityProvider::start()?)
        } else {
            None
        };
        let server_name = options
            .federation
            .as_ref()
            .map_or_else(|| SERVER_NAME.to_owned(), FederationMember::server_name);
        let config_files = config::write_all(
            &layout,
            &Settings {
                server_name: &server_name,
                port,
                encryption_by_default: options.encryption_by_default,
                access_token_lifetime: options.access_token_lifetime,
                psc_issuer: identity_provider.as_ref().map(IdentityProvider::issuer),
                federation: options.federation.as_ref(),
            },
        )?;
        let cleanup_on_orphan = temp_dir.as_ref().map(|t| t.path().to_path_buf());
        let running = process::start(
            &python,
            &layout,
            &config_files,
            port,
            cleanup_on_orphan.as_deref(),
        )?;
        Ok(Self {
            port,
            server_name,
            layout,
            python,
            config_files,
            cleanup_on_orphan,
            running: Mutex::new(Some(running)),
            identity_provider,
            _temp_dir: temp_dir,
        })
    }

    /// One homeserver for the whole test process, started on first use.
    ///
    /// It is never dropped; the launcher notices when the test process exits
    /// and then kills Synapse and removes its data directory.
    pub fn shared() -> Result<&'static Homeserver> {
        static SHARED: OnceLock<Homeserver> = OnceLock::new();
        static STARTING: Mutex<()> = Mutex::new(());
        if let Some(hs) = SHARED.get() {
            return Ok(hs);
        }
        let _guard = STARTING.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(hs) = SHARED.get() {
            return Ok(hs);
        }
        let hs = Homeserver::start(HomeserverOptions {
            pro_sante_connect: true,
            ..HomeserverOptions::default()
        })?;
        Ok(SHARED.get_or_init(|| hs))
    }

    /// Base URL for clients: `http://127.0.0.1:PORT` (no trailing slash).
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The OpenID Connect provider standing in for Pro Santé Connect, when started.
    pub fn identity_provider(&self) -> Option<&IdentityProvider> {
        self.identity_provider.as_ref()
    }

    /// The port Synapse listens on (stable across [`Homeserver::restart`]).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The Matrix server name: `localhost` (user ids are `@name:localhost`), or
    /// `localhost:<port>` in a federation.
    pub fn server_name(&self) -> &str {
        &self.server_name
    }

    /// The data directory (config, database, media, logs).
    pub fn data_dir(&self) -> &Path {
        &self.layout.dir
    }

    /// The SQLite database, `<data>/homeserver.db`.
    pub fn database_path(&self) -> PathBuf {
        self.layout.database()
    }

    /// The Synapse log, `<data>/homeserver.log` (INFO).
    pub fn log_path(&self) -> PathBuf {
        self.layout.log()
    }

    /// The media repository, `<data>/media_store`.
    pub fn media_store_path(&self) -> PathBuf {
        self.layout.media_store()
    }

    /// Creates a server administrator account, as the homeserver's operator would (Synapse's
    /// own `register_new_matrix_user` with the shared registration secret), and returns its
    /// user id. A test uses it to play a curious administrator with the admin API.
    pub fn register_admin(&self, localpart: &str, password: &str) -> Result<String> {
        let script = self
            .python
            .parent()
            .map(|bin| bin.join("register_new_matrix_user"))
            .ok_or_else(|| HarnessError::Stop("no virtualenv bin folder".into()))?;
        let output = std::process::Command::new(&script)
            .args([
                "--user",
                localpart,
                "--password",
                password,
                "--admin",
                "--config",
            ])
            .arg(self.layout.secrets_config())
            .arg(self.url())
            .output()
            .map_err(HarnessError::io(format!("running {}", script.display())))?;
        if !output.status.success() {
            return Err(HarnessError::Http {
                method: "register_new_matrix_user".into(),
                url: self.url(),
                message: String::from_utf8_lossy(&output.stderr).into_owned(),
            });
        }
        Ok(format!("@{localpart}:{}", self.server_name))
    }

    /// The config files passed to Synapse, in merge order.
    pub fn config_files(&self) -> &[PathBuf] {
        &self.config_files
    }

    /// The pid of the Synapse process, if it is running.
    pub fn pid(&self) -> Option<u32> {
        let mut running = self.lock_running();
        let r = running.as_mut()?;
        match r.child.try_wait() {
            Ok(None) => Some(r.child.id()),
            _ => None,
        }
    }

    /// Is the Synapse process alive?
    pub fn is_running(&self) -> bool {
        self.pid().is_some()
    }

    /// Stops Synapse (SIGTERM, up to 10 s, then SIGKILL). Idempotent.
    pub fn stop(&mut self) -> Result<()> {
        let running = self
            .running
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        match running {
            Some(running) => process::stop(running, &self.layout),
            None => Ok(()),
        }
    }

    /// Stops Synapse and starts it again on the same port and data.
    pub fn restart(&mut self) -> Result<()> {
        self.stop()?;
        let running = process::start(
            &self.python,
            &self.layout,
            &self.config_files,
            self.port,
            self.cleanup_on_orphan.as_deref(),
        )?;
        *self
            .running
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner) = Some(running);
        Ok(())
    }

    pub(crate) fn layout(&self) -> &Layout {
        &self.layout
    }

    fn lock_running(&self) -> MutexGuard<'_, Option<Running>> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Homeserver {
    fn drop(&mut self) {
        if let Err(e) = self.stop() {
            eprintln!("innomed-harness: {e}");
        }
    }
}

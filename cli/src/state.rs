//! What the terminal client keeps on disk, under its data folder (default
//! `$XDG_DATA_HOME/innomed`):
//! - `store.key`: the 32-byte store key, hex, readable by its owner only (or
//!   `INNOMED_STORE_KEY` in the environment, then nothing is written);
//! - `sessions/<user>.json`: each account's saved session, owner-only;
//! - `current`: the user id commands act as when `--user` is not given;
//! - `accounts/`: the encrypted stores, one folder per account (managed by the core).

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::{anyhow, Context, Result};
use innomed_core::{ClientConfig, SavedSession, StoreKey};

pub struct CliState {
    pub dir: PathBuf,
}

impl CliState {
    pub fn new(dir: Option<PathBuf>) -> Result<Self> {
        let dir = match dir {
            Some(d) => d,
            None => dirs::data_dir()
                .ok_or_else(|| anyhow!("no user data folder"))?
                .join("innomed"),
        };
        create_private_dir(&dir)?;
        Ok(Self { dir })
    }

    pub fn config(&self, homeserver_url: &str) -> Result<ClientConfig> {
        Ok(ClientConfig {
            homeserver_url: homeserver_url.to_owned(),
            data_dir: self.dir.join("accounts"),
            store_key: self.store_key()?,
        })
    }

    fn store_key(&self) -> Result<StoreKey> {
        if let Ok(hex) = std::env::var("INNOMED_STORE_KEY") {
            return StoreKey::from_hex(&hex)
                .ok_or_else(|| anyhow!("INNOMED_STORE_KEY must be 64 hex characters"));
        }
        let path = self.dir.join("store.key");
        match fs::read_to_string(&path) {
            Ok(text) => StoreKey::from_hex(&text)
                .ok_or_else(|| anyhow!("{} is not a valid store key", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = StoreKey::generate();
                write_private(&path, key.to_hex().as_bytes())?;
                Ok(key)
            }
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }

    fn session_path(&self, user_id: &str) -> PathBuf {
        let name: String = user_id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        self.dir.join("sessions").join(format!("{name}.json"))
    }

    pub fn save_session(&self, session: &SavedSession) -> Result<()> {
        create_private_dir(&self.dir.join("sessions"))?;
        write_private(
            &self.session_path(&session.user_id),
            &serde_json::to_vec_pretty(session)?,
        )?;
        write_private(&self.dir.join("current"), session.user_id.as_bytes())
    }

    /// Replaces a saved session's tokens (refreshed during a run), without changing which
    /// account is current; nothing is written when they did not change.
    pub fn update_session(&self, session: &SavedSession) -> Result<()> {
        if self.load_session(Some(&session.user_id)).ok().as_ref() == Some(session) {
            return Ok(());
        }
        write_private(
            &self.session_path(&session.user_id),
            &serde_json::to_vec_pretty(session)?,
        )
    }

    /// The session of `user` (or of the current account).
    pub fn load_session(&self, user: Option<&str>) -> Result<SavedSession> {
        let user = match user {
            Some(u) => u.to_owned(),
            None => fs::read_to_string(self.dir.join("current")).map_err(|_| not_logged_in())?,
        };
        let path = self.session_path(user.trim());
        let bytes = fs::read(&path).map_err(|_| not_logged_in())?;
        Ok(serde_json::from_slice(&bytes)?)
    }

    pub fn forget_session(&self, user_id: &str) -> Result<()> {
        let _ = fs::remove_file(self.session_path(user_id));
        let current = self.dir.join("current");
        if fs::read_to_string(&current).is_ok_and(|c| c.trim() == user_id) {
            fs::remove_file(current)?;
        }
        Ok(())
    }
}

/// Typed (`not_logged_in` for scripts), with what to do next.
fn not_logged_in() -> anyhow::Error {
    anyhow::Error::new(innomed_core::AccountError::NotLoggedIn)
        .context("not logged in on this account: run `innomed login` first")
}

fn create_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Writes a file only its owner can read, atomically (temp file then rename).
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    innomed_core::private_file::write_private(path, bytes)
        .with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_and_sessions_are_owner_only_and_round_trip() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let state = CliState::new(Some(tmp.path().to_owned())).expect("state");
        let config = state.config("http://127.0.0.1:1").expect("config");
        let again = state.config("http://127.0.0.1:1").expect("config");
        assert_eq!(
            config.store_key, again.store_key,
            "the key is created once and kept"
        );
        let session = SavedSession {
            homeserver_url: "http://127.0.0.1:1".into(),
            user_id: "@gp:localhost".into(),
            device_id: "IMX".into(),
            access_token: "secret".into(),
            refresh_token: None,
        };
        state.save_session(&session).expect("save");
        assert_eq!(state.load_session(None).expect("load"), session);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for f in ["store.key", "current", "sessions/_gp_localhost.json"] {
                let mode = fs::metadata(tmp.path().join(f))
                    .expect("meta")
                    .permissions()
                    .mode();
                assert_eq!(mode & 0o077, 0, "{f} must be private");
            }
        }
        state.forget_session("@gp:localhost").expect("forget");
        assert!(state.load_session(None).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn files_left_world_readable_are_rewritten_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().expect("tempdir");
        let state = CliState::new(Some(tmp.path().to_owned())).expect("state");
        let session = SavedSession {
            homeserver_url: "http://127.0.0.1:1".into(),
            user_id: "@gp:localhost".into(),
            device_id: "IMX".into(),
            access_token: "secret".into(),
            refresh_token: None,
        };
        state.save_session(&session).expect("save");
        let files = ["current", "sessions/_gp_localhost.json"];
        for f in files {
            let path = tmp.path().join(f);
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
        }
        state.save_session(&session).expect("save again");
        for f in files {
            let mode = fs::metadata(tmp.path().join(f))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{f} must be owner-only again");
        }
        for d in ["", "sessions"] {
            let mode = fs::metadata(tmp.path().join(d))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700, "the folder {d:?} must be owner-only");
        }
        let mut names: Vec<String> = fs::read_dir(tmp.path().join("sessions"))
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort_unstable();
        assert_eq!(names, ["_gp_localhost.json"], "no temporary file left");
    }
}

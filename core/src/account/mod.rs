//! Accounts: register, log in, restore a saved session, log out.
//!
//! Every account lives in its own folder (`<data_dir>/<user>/<device>/`) holding the
//! matrix-sdk SQLite stores (state, crypto, event cache, media), all encrypted with the
//! caller's [`StoreKey`]. The session (tokens) is handed back to the caller as a
//! [`SavedSession`] to keep in the platform's secure storage.

mod error;
pub(crate) mod lease;
mod psc;
pub(crate) mod revocation;
mod store;

use crate::failure::Failure;
use std::{
    fmt,
    path::{Path, PathBuf},
    time::Duration,
};

use matrix_sdk::{
    authentication::matrix::MatrixSession,
    config::RequestConfig,
    encryption::{BackupDownloadStrategy, EncryptionSettings},
    ruma::{
        api::client::{account::register, uiaa},
        OwnedDeviceId, UserId,
    },
    Client, ClientBuildError, SessionMeta, SessionTokens, SqliteStoreConfig,
};
use matrix_sdk_base::crypto::{CollectStrategy, DecryptionSettings, TrustRequirement};
use serde::{Deserialize, Serialize};
use tracing::{info, warn};

pub use self::{
    error::AccountError,
    psc::{PscSignIn, PSC_PROVIDER_ID},
    store::StoreKey,
};
use self::{
    error::Result,
    lease::{AccountLease, LeaseError},
    store::account_dir,
};
use crate::InnomedClient;

/// Where the homeserver is, where local data goes and the key that encrypts it.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// `https://matrix.cpts-example.fr` (http only for a server on loopback).
    pub homeserver_url: String,
    /// The parent folder of every account's data on this device.
    pub data_dir: PathBuf,
    pub store_key: StoreKey,
}

/// What the caller keeps (in the Keystore/Keychain) to reopen the account without a password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi(name = "Session"))]
pub struct SavedSession {
    pub homeserver_url: String,
    pub user_id: String,
    pub device_id: String,
    pub access_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

impl fmt::Debug for SavedSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SavedSession")
            .field("user_id", &self.user_id)
            .field("device_id", &self.device_id)
            .finish_non_exhaustive()
    }
}

/// How long a request may take before the homeserver counts as unreachable.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

/// How long opening a saved session waits for the homeserver to confirm its token.
const RESTORE_CHECK_TIMEOUT: Duration = Duration::from_millis(1500);

impl InnomedClient {
    /// Creates an account on a homeserver that allows registration, then logs in.
    ///
    /// `username` is the local part (`dr.martin`); the server decides the full user id.
    pub async fn register(config: &ClientConfig, username: &str, password: &str) -> Result<Self> {
        let homeserver = validate_homeserver(&config.homeserver_url)?;
        // A store-less client only creates the account (`inhibit_login`): no device, no keys.
        let client = storeless_client(&homeserver).await?;
        let mut request = register::v3::Request::new();
        request.username = Some(username.to_owned());
        request.password = Some(password.to_owned());
        request.inhibit_login = true;
        request.auth = Some(uiaa::AuthData::Dummy(uiaa::Dummy::new()));
        let response = client.matrix_auth().register(request).await.map_err(|e| {
            match e.client_api_error_kind() {
                Some(ErrorKind::UserInUse) => AccountError::UserIdTaken,
                Some(ErrorKind::InvalidUsername) => AccountError::InvalidUserId,
                Some(ErrorKind::Forbidden) => AccountError::RegistrationDisabled,
                _ => map_sdk_error(&e),
            }
        })?;
        info!(user_id = %response.user_id, "registered account");
        Self::login(config, response.user_id.as_str(), password).await
    }

    /// Logs in with a full user id (`@dr.martin:cpts-example.fr`) and password, on a new device.
    ///
    /// On failure nothing is left on disk for this attempt.
    pub async fn login(config: &ClientConfig, user_id: &str, password: &str) -> Result<Self> {
        let homeserver = validate_homeserver(&config.homeserver_url)?;
        let user_id = parse_user_id(user_id)?;
        let device_id = store::new_device_id();
        let dir = account_dir(&config.data_dir, user_id.as_str(), &device_id);
        let (client, lease) = build_client(&homeserver, &dir, &config.store_key).await?;

        let login = client
            .matrix_auth()
            .login_username(&user_id, password)
            .device_id(&device_id)
            .initial_device_display_name("Innomed")
            .request_refresh_token()
            .send()
            .await;
        if let Err(e) = login {
            drop(client);
            store::wipe(&dir)?;
            return Err(match e.client_api_error_kind() {
                Some(ErrorKind::Forbidden) => AccountError::WrongCredentials,
                Some(ErrorKind::UserDeactivated) => AccountError::WrongCredentials,
                Some(ErrorKind::InvalidUsername) => AccountError::InvalidUserId,
                _ => map_sdk_error(&e),
            });
        }
        info!(%user_id, %device_id, "logged in");
        // Cross-signing is set up before the caller can invite or be invited: room keys only go
        // to cross-signed devices.
        client
            .encryption()
            .wait_for_e2ee_initialization_tasks()
            .await;
        Ok(Self::new(client, dir, lease, &config.store_key))
    }

    /// Reopens an account from its saved session and local store, without the password.
    ///
    /// Works offline: the token is checked with the homeserver only when it answers.
    pub async fn restore(config: &ClientConfig, session: &SavedSession) -> Result<Self> {
        let homeserver = validate_homeserver(&session.homeserver_url)?;
        let user_id = parse_user_id(&session.user_id)?;
        if session.device_id.is_empty() {
            return Err(AccountError::Storage(
                "the saved session has no device id".into(),
            ));
        }
        let dir = account_dir(&config.data_dir, user_id.as_str(), &session.device_id);
        if !dir.is_dir() {
            // Restoring into an empty store would forge a second crypto identity for the same
            // device: refuse, the user has to log in again.
            return Err(AccountError::Storage(
                "no local data for this session".into(),
            ));
        }
        let (client, lease) = build_client(&homeserver, &dir, &config.store_key).await?;
        let device_id: OwnedDeviceId = session.device_id.as_str().into();
        let matrix_session = MatrixSession {
            meta: SessionMeta {
                user_id: user_id.clone(),
                device_id,
            },
            tokens: SessionTokens {
                access_token: session.access_token.clone(),
                refresh_token: session.refresh_token.clone(),
            },
        };
        client
            .restore_session(matrix_session)
            .await
            .map_err(|e| map_sdk_error(&e))?;

        // Checked once, briefly and without retries: offline, the account opens at once (a
        // message typed now is queued before anything waits on the network), and a revocation
        // is then noticed by the first request that reaches the homeserver.
        let check = client
            .send(matrix_sdk::ruma::api::client::account::whoami::v3::Request::new())
            .with_request_config(
                RequestConfig::new()
                    .disable_retry()
                    .timeout(RESTORE_CHECK_TIMEOUT),
            );
        let checked = tokio::time::timeout(RESTORE_CHECK_TIMEOUT, check).await;
        match checked {
            Err(_) => warn!("session not checked with the homeserver: no answer in time"),
            Ok(Ok(_)) => {}
            // An expired access token is exchanged by the SDK for a new pair; a token the
            // homeserver no longer knows, or a refresh token it refuses, means the session was
            // revoked.
            Ok(Err(e)) if crate::failure::session_refused(&e) => {
                // Revoked while the app was closed: the local data goes, as at logout.
                drop(client);
                store::wipe(&dir)?;
                info!("session revoked by the homeserver: local data wiped");
                return Err(AccountError::SessionRevoked);
            }
            Ok(Err(e)) => warn!(
                "session not checked with the homeserver: {}",
                Failure::of_http(&e).describe()
            ),
        }
        info!(%user_id, "restored session");
        Ok(Self::new(client, dir, lease, &config.store_key))
    }

    /// Ends the session on the homeserver (when it answers) and deletes every local file of the
    /// account. Returns whether the homeserver confirmed the logout.
    pub async fn logout(self) -> Result<bool> {
        self.quiesce().await;
        let revoked = match self.client.logout().await {
            Ok(()) => true,
            Err(e) => {
                warn!(
                    "logout not confirmed by the homeserver: {}",
                    Failure::of(&e).describe()
                );
                false
            }
        };
        let dir = self.account_dir.clone();
        drop(self);
        store::wipe(&dir)?;
        info!("local data wiped");
        Ok(revoked)
    }
}

use matrix_sdk::ruma::api::error::ErrorKind;

/// A client without store or session, for the requests made before an account folder exists.
async fn storeless_client(homeserver: &url::Url) -> Result<Client> {
    Client::builder()
        .homeserver_url(homeserver.as_str())
        .request_config(request_config())
        .build()
        .await
        .map_err(map_build_error)
}

fn request_config() -> RequestConfig {
    RequestConfig::new().timeout(REQUEST_TIMEOUT).retry_limit(2)
}

async fn build_client(
    homeserver: &url::Url,
    dir: &Path,
    key: &StoreKey,
) -> Result<(Client, AccountLease)> {
    let existed = dir.is_dir();
    std::fs::create_dir_all(dir)?;
    // One client per folder: refuse while another handle of this account is open, in this
    // process or another (the iOS notification extension and the app).
    let lease = match AccountLease::acquire(dir) {
        Ok(lease) => lease,
        Err(e) => {
            if !existed {
                store::wipe(dir)?;
            }
            return Err(match e {
                LeaseError::InUse => AccountError::StoreInUse,
                LeaseError::Io(e) => e.into(),
            });
        }
    };
    let store = SqliteStoreConfig::new(dir).key(Some(key.as_bytes()));
    let built = Client::builder()
        .homeserver_url(homeserver.as_str())
        .sqlite_store_with_config_and_cache_path(store, None::<PathBuf>)
        // The homeserver address is the one the doctor (or the CPTS's configuration) gave, checked
        // by `validate_homeserver`: a login answer cannot move the client to another server.
        .respect_login_well_known(false)
        // Access tokens expire (the CPTS homeserver sets how soon); the SDK exchanges the
        // refresh token for a new pair when one is refused as expired, and the caller keeps
        // the new session (`session_updates`).
        .handle_refresh_tokens()
        .request_config(request_config())
        .with_encryption_settings(EncryptionSettings {
            auto_enable_cross_signing: true,
            // Once a new device imported the backup key (recovery), it downloads every room
            // key of the backup: a doctor's case history is small.
            backup_download_strategy: BackupDownloadStrategy::OneShot,
            auto_enable_backups: false,
        })
        // Room keys go to cross-signed devices only; decryption needs a cross-signed sender.
        .with_room_key_recipient_strategy(CollectStrategy::IdentityBasedStrategy)
        .with_decryption_settings(DecryptionSettings {
            sender_device_trust_requirement: TrustRequirement::CrossSignedOrLegacy,
        })
        // A specialist invited later reads what was sent before (MSC4268).
        .with_enable_share_history_on_invite(true)
        .build()
        .await;
    match built {
        Ok(client) => Ok((client, lease)),
        Err(e) => {
            if !existed {
                store::wipe(dir)?;
            }
            Err(map_build_error(e))
        }
    }
}

/// An `https://` homeserver, or `http://` on this machine's loopback only (a local test
/// homeserver): any other plaintext address would carry tokens and ciphertext in clear.
fn validate_homeserver(text: &str) -> Result<url::Url> {
    let url = url::Url::parse(text.trim()).map_err(|_| AccountError::InvalidHomeserverUrl)?;
    let loopback = match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => return Err(AccountError::InvalidHomeserverUrl),
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(AccountError::InvalidHomeserverUrl),
    }
}

#[cfg(test)]
mod homeserver_tests {
    use super::validate_homeserver;

    #[test]
    fn plaintext_only_on_loopback() {
        for ok in [
            "https://matrix.cpts-exemple.fr",
            "http://127.0.0.1:8008",
            "http://localhost:8008",
            "http://[::1]:8008",
        ] {
            assert!(validate_homeserver(ok).is_ok(), "{ok}");
        }
        for refused in [
            "http://matrix.cpts-exemple.fr",
            "http://192.168.1.10:8008",
            "http://localhost.evil.fr",
            "ftp://127.0.0.1",
            "https://",
            "matrix.cpts-exemple.fr",
        ] {
            assert!(validate_homeserver(refused).is_err(), "{refused}");
        }
    }
}

pub(crate) fn parse_user_id(text: &str) -> Result<matrix_sdk::ruma::OwnedUserId> {
    UserId::parse(text.trim()).map_err(|_| AccountError::InvalidUserId)
}

fn map_build_error(e: ClientBuildError) -> AccountError {
    match e {
        ClientBuildError::Url(_) | ClientBuildError::InvalidServerName => {
            AccountError::InvalidHomeserverUrl
        }
        ClientBuildError::SqliteStore(matrix_sdk_sqlite::OpenStoreError::InitCipher(_)) => {
            AccountError::WrongStoreKey
        }
        ClientBuildError::SqliteStore(e) => AccountError::Storage(e.to_string()),
        ClientBuildError::Http(e) => map_http_error(&e),
        other => AccountError::Server(other.to_string()),
    }
}

pub(crate) fn map_http_error(e: &matrix_sdk::HttpError) -> AccountError {
    account_error(Failure::of_http(e))
}

fn map_sdk_error(e: &matrix_sdk::Error) -> AccountError {
    account_error(Failure::of(e))
}

fn account_error(failure: Failure) -> AccountError {
    match failure {
        Failure::Unreachable => AccountError::HomeserverUnreachable,
        other => AccountError::Server(other.describe()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homeserver_urls_are_validated() {
        assert!(validate_homeserver("https://matrix.cpts.fr").is_ok());
        assert!(validate_homeserver("http://127.0.0.1:8008").is_ok());
        for bad in ["", "matrix.cpts.fr", "ftp://x", "https://", "not a url"] {
            assert!(
                matches!(
                    validate_homeserver(bad),
                    Err(AccountError::InvalidHomeserverUrl)
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn user_ids_are_validated() {
        assert!(parse_user_id("@dr.martin:cpts.fr").is_ok());
        for bad in ["", "dr.martin", "@dr.martin", "martin:cpts.fr"] {
            assert!(
                matches!(parse_user_id(bad), Err(AccountError::InvalidUserId)),
                "{bad}"
            );
        }
    }

    #[test]
    fn saved_session_debug_hides_tokens() {
        let s = SavedSession {
            homeserver_url: "http://h".into(),
            user_id: "@a:b".into(),
            device_id: "D".into(),
            access_token: "syt_secret".into(),
            refresh_token: None,
        };
        assert!(!format!("{s:?}").contains("syt_secret"));
    }
}

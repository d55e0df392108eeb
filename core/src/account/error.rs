use std::io;

/// Why an account operation failed. Every variant is something the user can act on; none of
/// them leaves a half-written account behind.
#[derive(Debug, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum AccountError {
    #[error("the homeserver address is not a valid https URL (plain http only on this machine's loopback)")]
    InvalidHomeserverUrl,
    #[error("the homeserver cannot be reached")]
    HomeserverUnreachable,
    #[error("the user id is malformed (expected @name:server)")]
    InvalidUserId,
    #[error("wrong user id or password")]
    WrongCredentials,
    #[error("this user name is already taken")]
    UserIdTaken,
    #[error("the homeserver does not allow registration")]
    RegistrationDisabled,
    #[error("the store key does not open this account's local data")]
    WrongStoreKey,
    #[error("this account is already open on this device (the app or its notification extension)")]
    StoreInUse,
    #[error("the saved session was revoked by the homeserver")]
    SessionRevoked,
    #[error("no session is active")]
    NotLoggedIn,
    #[error("local storage failed: {0}")]
    Storage(String),
    #[error("the homeserver refused the request: {0}")]
    Server(String),
    #[error("sync did not catch up in time")]
    SyncTimeout,
    /// The phone's secure storage (Keystore, Keychain) failed.
    #[error("the device's secure storage failed: {0}")]
    SecureStorage(String),
    #[error("this session was closed or signed out")]
    Closed,
    /// The homeserver does not offer sign-in with Pro Santé Connect.
    #[error("this homeserver does not offer sign-in with Pro Santé Connect")]
    ProSanteConnectUnavailable,
    /// The sign-in page did not come back with a valid one-time token (cancelled, expired,
    /// already used, or another address).
    #[error("the Pro Santé Connect sign-in did not complete")]
    SignInRefused,
}

impl From<crate::SyncError> for AccountError {
    fn from(e: crate::SyncError) -> Self {
        match e {
            crate::SyncError::Timeout(_) => Self::SyncTimeout,
            crate::SyncError::Stopped => Self::Closed,
            crate::SyncError::Start(detail) => Self::Server(detail),
        }
    }
}

impl From<io::Error> for AccountError {
    fn from(e: io::Error) -> Self {
        Self::Storage(e.to_string())
    }
}

impl AccountError {
    /// The stable code of this error (`too_large`, `not_allowed`…): what the terminal client
    /// prints for scripts and the apps' messages are keyed on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidHomeserverUrl => "invalid_homeserver_url",
            Self::HomeserverUnreachable => "homeserver_unreachable",
            Self::InvalidUserId => "invalid_user_id",
            Self::WrongCredentials => "wrong_credentials",
            Self::UserIdTaken => "user_id_taken",
            Self::RegistrationDisabled => "registration_disabled",
            Self::WrongStoreKey => "wrong_store_key",
            Self::StoreInUse => "store_in_use",
            Self::SessionRevoked => "session_revoked",
            Self::NotLoggedIn => "not_logged_in",
            Self::Storage(_) => "storage",
            Self::Server(_) => "server",
            Self::SyncTimeout => "sync_timeout",
            Self::SecureStorage(_) => "secure_storage",
            Self::Closed => "closed",
            Self::ProSanteConnectUnavailable => "psc_unavailable",
            Self::SignInRefused => "sign_in_refused",
        }
    }
}

pub type Result<T, E = AccountError> = std::result::Result<T, E>;

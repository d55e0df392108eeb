use matrix_sdk::encryption::{recovery::RecoveryError, secret_storage::SecretStorageError};

/// Why a recovery or verification step failed. A failed step changes nothing on the device or
/// the homeserver.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum TrustError {
    #[error("this recovery key is not the account's recovery key")]
    WrongRecoveryKey,
    #[error("recovery was never set up for this account")]
    RecoveryNotSetUp,
    #[error("recovery is already set up: its key was shown when it was set up")]
    RecoveryAlreadyEnabled,
    #[error("wrong password")]
    WrongPassword,
    #[error("no such device for this user")]
    UnknownDevice,
    #[error("the verification is not at this step yet")]
    VerificationNotReady,
    #[error("the homeserver cannot be reached")]
    HomeserverUnreachable,
    #[error("the homeserver refused the request: {0}")]
    Server(String),
    #[error("this session was closed or signed out")]
    Closed,
}

impl From<RecoveryError> for TrustError {
    fn from(e: RecoveryError) -> Self {
        match e {
            RecoveryError::BackupExistsOnServer => Self::RecoveryAlreadyEnabled,
            RecoveryError::SecretStorage(e) => e.into(),
            RecoveryError::Sdk(e) => Self::from_sdk(&e),
        }
    }
}

impl From<SecretStorageError> for TrustError {
    fn from(e: SecretStorageError) -> Self {
        match e {
            // The key does not decode, or its MAC does not match the stored key description.
            SecretStorageError::SecretStorageKey(_) => Self::WrongRecoveryKey,
            SecretStorageError::MissingKeyInfo { .. } => Self::RecoveryNotSetUp,
            SecretStorageError::Sdk(e) => Self::from_sdk(&e),
            // Never the error's text: it may describe a secret.
            _ => Self::Server("the stored secrets could not be imported".to_owned()),
        }
    }
}

impl TrustError {
    pub(crate) fn from_sdk(e: &matrix_sdk::Error) -> Self {
        match crate::failure::Failure::of(e) {
            crate::failure::Failure::Unreachable => Self::HomeserverUnreachable,
            other => Self::Server(other.describe()),
        }
    }
}

impl TrustError {
    /// The stable code of this error (`too_large`, `not_allowed`…): what the terminal client
    /// prints for scripts and the apps' messages are keyed on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongRecoveryKey => "wrong_recovery_key",
            Self::RecoveryNotSetUp => "recovery_not_set_up",
            Self::RecoveryAlreadyEnabled => "recovery_already_enabled",
            Self::WrongPassword => "wrong_credentials",
            Self::UnknownDevice => "unknown_device",
            Self::VerificationNotReady => "verification_not_ready",
            Self::HomeserverUnreachable => "homeserver_unreachable",
            Self::Server(_) => "server",
            Self::Closed => "closed",
        }
    }
}

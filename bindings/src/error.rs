//! The one error of this crate's own: the app's secure storage failing. Every error the shells
//! see is the core's (`AccountError`, `CaseError`, `ConversationError`, `PhotoError`,
//! `CptsError`, `TrustError`, `PushError`): each variant a stable code the apps map to a
//! localised message, French first.

use innomed_core::AccountError;

/// What the app's [`SecureStore`](crate::client::SecureStore) reports when the Keystore or
/// Keychain fails.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum SecureStoreError {
    #[error("secure storage unavailable: {detail}")]
    Unavailable { detail: String },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for SecureStoreError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        Self::Unavailable { detail: e.reason }
    }
}

impl From<SecureStoreError> for AccountError {
    fn from(e: SecureStoreError) -> Self {
        match e {
            SecureStoreError::Unavailable { detail } => Self::SecureStorage(detail),
        }
    }
}

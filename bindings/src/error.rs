//! The errors the shells see. Each variant is a stable code the apps map to a localised
//! message (French first); `detail` fields are for logs and bug reports, never shown as is.

use innomed_core::{
    AccountError, CaseError as CoreCaseError, ConversationError, PhotoError as CorePhotoError,
    PushError as CorePushError, SyncError, TrustError as CoreTrustError,
};

/// Account, session and sync errors.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum ClientError {
    #[error("invalid homeserver address")]
    InvalidHomeserverUrl,
    #[error("homeserver unreachable")]
    HomeserverUnreachable,
    #[error("malformed user id")]
    InvalidUserId,
    #[error("wrong user id or password")]
    WrongCredentials,
    #[error("user name taken")]
    UserIdTaken,
    #[error("registration disabled")]
    RegistrationDisabled,
    #[error("the store key does not open the local data")]
    WrongStoreKey,
    #[error("this account is already open")]
    StoreInUse,
    #[error("session revoked by the homeserver")]
    SessionRevoked,
    #[error("no saved session")]
    NoSession,
    #[error("this client was closed or logged out")]
    Closed,
    #[error("sync did not complete in time")]
    SyncTimeout,
    #[error("secure storage failed: {detail}")]
    SecureStorage { detail: String },
    #[error("local storage failed: {detail}")]
    Storage { detail: String },
    #[error("homeserver refused: {detail}")]
    Server { detail: String },
    #[error("internal error: {detail}")]
    Internal { detail: String },
}

impl From<AccountError> for ClientError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::InvalidHomeserverUrl => Self::InvalidHomeserverUrl,
            AccountError::HomeserverUnreachable => Self::HomeserverUnreachable,
            AccountError::InvalidUserId => Self::InvalidUserId,
            AccountError::WrongCredentials => Self::WrongCredentials,
            AccountError::UserIdTaken => Self::UserIdTaken,
            AccountError::RegistrationDisabled => Self::RegistrationDisabled,
            AccountError::WrongStoreKey => Self::WrongStoreKey,
            AccountError::StoreInUse => Self::StoreInUse,
            AccountError::SessionRevoked => Self::SessionRevoked,
            AccountError::NotLoggedIn => Self::NoSession,
            AccountError::Storage(detail) => Self::Storage { detail },
            AccountError::Server(detail) => Self::Server { detail },
        }
    }
}

impl From<SyncError> for ClientError {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Timeout(_) => Self::SyncTimeout,
            SyncError::Stopped => Self::Closed,
            SyncError::Start(detail) => Self::Server { detail },
        }
    }
}

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

impl From<SecureStoreError> for ClientError {
    fn from(e: SecureStoreError) -> Self {
        match e {
            SecureStoreError::Unavailable { detail } => Self::SecureStorage { detail },
        }
    }
}

/// Case errors: creating, reading, inviting, answering an invitation.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum CaseError {
    #[error("not an Innomed case")]
    NotACase,
    #[error("no such case")]
    NotFound,
    #[error("malformed user id")]
    InvalidUserId,
    #[error("no such user")]
    UnknownUser,
    #[error("this account has no cross-signing identity")]
    NotCrossSigned,
    #[error("the case is closed")]
    CaseClosed,
    #[error("the room is not end-to-end encrypted")]
    NotEncrypted,
    #[error("no pending invitation")]
    NotInvited,
    #[error("incomplete case header: {field}")]
    InvalidHeader { field: String },
    #[error("not allowed in this case")]
    NotAllowed,
    #[error("unknown specialty")]
    UnknownSpecialty,
    #[error("removal not confirmed by the homeserver yet")]
    RemovalNotConfirmed,
    #[error("too large to send: {size} bytes, at most {limit}")]
    TooLarge { size: u64, limit: u64 },
    #[error("the request has not been handed over to its specialist yet")]
    NotHandedOver,
    #[error("someone nobody invited is in the case")]
    UninvitedMember,
    #[error("homeserver unreachable")]
    HomeserverUnreachable,
    #[error("this client was closed or logged out")]
    Closed,
    #[error("homeserver refused: {detail}")]
    Server { detail: String },
    #[error("internal error: {detail}")]
    Internal { detail: String },
}

impl From<CoreCaseError> for CaseError {
    fn from(e: CoreCaseError) -> Self {
        match e {
            CoreCaseError::NotACase => Self::NotACase,
            CoreCaseError::NotFound => Self::NotFound,
            CoreCaseError::InvalidUserId => Self::InvalidUserId,
            CoreCaseError::UnknownUser => Self::UnknownUser,
            CoreCaseError::NotCrossSigned => Self::NotCrossSigned,
            CoreCaseError::CaseClosed => Self::CaseClosed,
            CoreCaseError::NotEncrypted => Self::NotEncrypted,
            CoreCaseError::NotInvited => Self::NotInvited,
            CoreCaseError::InvalidHeader(field) => Self::InvalidHeader {
                field: field.to_owned(),
            },
            CoreCaseError::NotAllowed => Self::NotAllowed,
            CoreCaseError::UnknownSpecialty => Self::UnknownSpecialty,
            CoreCaseError::RemovalNotConfirmed => Self::RemovalNotConfirmed,
            CoreCaseError::NotHandedOver => Self::NotHandedOver,
            CoreCaseError::UninvitedMember => Self::UninvitedMember,
            CoreCaseError::TooLarge { size, limit } => Self::TooLarge {
                size: size as u64,
                limit: limit as u64,
            },
            CoreCaseError::HomeserverUnreachable => Self::HomeserverUnreachable,
            CoreCaseError::Server(detail) => Self::Server { detail },
        }
    }
}

/// Conversation errors: sending, replying, editing, loading history.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum TimelineError {
    #[error("the room is not end-to-end encrypted")]
    NotEncrypted,
    #[error("the case is not joined")]
    NotJoined,
    #[error("no such message")]
    MessageNotFound,
    #[error("empty message")]
    EmptyMessage,
    #[error("the request has not been handed over to its specialist yet")]
    NotHandedOver,
    #[error("someone nobody invited is in the case")]
    UninvitedMember,
    #[error("too large to send: {size} bytes, at most {limit}")]
    TooLarge { size: u64, limit: u64 },
    #[error("homeserver unreachable")]
    HomeserverUnreachable,
    #[error("timeline failed: {detail}")]
    Timeline { detail: String },
    #[error("internal error: {detail}")]
    Internal { detail: String },
}

impl From<ConversationError> for TimelineError {
    fn from(e: ConversationError) -> Self {
        match e {
            ConversationError::NotEncrypted => Self::NotEncrypted,
            ConversationError::NotJoined => Self::NotJoined,
            ConversationError::MessageNotFound => Self::MessageNotFound,
            ConversationError::EmptyMessage => Self::EmptyMessage,
            ConversationError::NotHandedOver => Self::NotHandedOver,
            ConversationError::UninvitedMember => Self::UninvitedMember,
            ConversationError::TooLarge { size, limit } => Self::TooLarge {
                size: size as u64,
                limit: limit as u64,
            },
            ConversationError::HomeserverUnreachable => Self::HomeserverUnreachable,
            ConversationError::Timeline(detail) => Self::Timeline { detail },
        }
    }
}

pub(crate) const PANICKED: &str = "a task of the core panicked";

/// A panic in the core reaches the app as `Internal`, never as an unwind.
macro_rules! internal_on_panic {
    ($($error:ty),+) => {$(
        impl From<$crate::platform::Panicked> for $error {
            fn from(_: $crate::platform::Panicked) -> Self {
                Self::Internal {
                    detail: $crate::error::PANICKED.to_owned(),
                }
            }
        }
    )+};
}

pub(crate) use internal_on_panic;

internal_on_panic!(
    ClientError,
    CaseError,
    TimelineError,
    PhotoError,
    TrustError,
    PushError
);

/// Push errors.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum PushError {
    #[error("the push gateway URL must be https")]
    InvalidGatewayUrl,
    #[error("no such case or event")]
    NotFound,
    #[error("homeserver unreachable")]
    HomeserverUnreachable,
    #[error("this client was closed or logged out")]
    Closed,
    #[error("homeserver refused: {detail}")]
    Server { detail: String },
    #[error("internal error: {detail}")]
    Internal { detail: String },
}

impl From<CorePushError> for PushError {
    fn from(e: CorePushError) -> Self {
        match e {
            CorePushError::InvalidGatewayUrl => Self::InvalidGatewayUrl,
            CorePushError::NotFound => Self::NotFound,
            CorePushError::HomeserverUnreachable => Self::HomeserverUnreachable,
            CorePushError::Server(detail) => Self::Server { detail },
        }
    }
}

/// Recovery errors.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum TrustError {
    #[error("wrong recovery key")]
    WrongRecoveryKey,
    #[error("recovery was never set up")]
    RecoveryNotSetUp,
    #[error("recovery is already set up")]
    RecoveryAlreadyEnabled,
    #[error("wrong password")]
    WrongPassword,
    #[error("no such device")]
    UnknownDevice,
    #[error("the verification is not at this step yet")]
    VerificationNotReady,
    #[error("homeserver unreachable")]
    HomeserverUnreachable,
    #[error("this client was closed or logged out")]
    Closed,
    #[error("homeserver refused: {detail}")]
    Server { detail: String },
    #[error("internal error: {detail}")]
    Internal { detail: String },
}

impl From<CoreTrustError> for TrustError {
    fn from(e: CoreTrustError) -> Self {
        match e {
            CoreTrustError::WrongRecoveryKey => Self::WrongRecoveryKey,
            CoreTrustError::RecoveryNotSetUp => Self::RecoveryNotSetUp,
            CoreTrustError::RecoveryAlreadyEnabled => Self::RecoveryAlreadyEnabled,
            CoreTrustError::WrongPassword => Self::WrongPassword,
            CoreTrustError::UnknownDevice => Self::UnknownDevice,
            CoreTrustError::VerificationNotReady => Self::VerificationNotReady,
            CoreTrustError::HomeserverUnreachable => Self::HomeserverUnreachable,
            CoreTrustError::Server(detail) => Self::Server { detail },
        }
    }
}

/// Photo errors: refused before anything is uploaded (size, format, bomb, corrupt, consent,
/// room), or a download that failed (altered file, missing, unreachable).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum PhotoError {
    #[error("file of {size} bytes over the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("not a JPEG, PNG or WebP image")]
    UnsupportedFormat,
    #[error("{width}×{height} pixels, over the {limit}-pixel limit")]
    TooManyPixels { width: u32, height: u32, limit: u64 },
    #[error("corrupt or truncated image")]
    Corrupt,
    #[error("the file cannot be read")]
    Unreadable,
    #[error("no patient consent to photos in the case header")]
    NoConsent,
    #[error("the case is not joined")]
    NotJoined,
    #[error("not end-to-end encrypted")]
    NotEncrypted,
    #[error("the request has not been handed over to its specialist yet")]
    NotHandedOver,
    #[error("someone nobody invited is in the case")]
    UninvitedMember,
    #[error("no such message")]
    MessageNotFound,
    #[error("not a photo")]
    NotAPhoto,
    #[error("the file was altered")]
    Tampered,
    #[error("the homeserver no longer has this file")]
    MediaMissing,
    #[error("homeserver unreachable")]
    HomeserverUnreachable,
    #[error("photo failed: {detail}")]
    Failed { detail: String },
    #[error("internal error: {detail}")]
    Internal { detail: String },
}

impl From<CorePhotoError> for PhotoError {
    fn from(e: CorePhotoError) -> Self {
        match e {
            CorePhotoError::TooLarge { size, limit } => Self::TooLarge { size, limit },
            CorePhotoError::UnsupportedFormat => Self::UnsupportedFormat,
            CorePhotoError::TooManyPixels {
                width,
                height,
                limit,
            } => Self::TooManyPixels {
                width,
                height,
                limit,
            },
            CorePhotoError::Corrupt => Self::Corrupt,
            CorePhotoError::Unreadable => Self::Unreadable,
            CorePhotoError::NoConsent => Self::NoConsent,
            CorePhotoError::NotJoined => Self::NotJoined,
            CorePhotoError::NotEncrypted => Self::NotEncrypted,
            CorePhotoError::NotHandedOver => Self::NotHandedOver,
            CorePhotoError::UninvitedMember => Self::UninvitedMember,
            CorePhotoError::MessageNotFound => Self::MessageNotFound,
            CorePhotoError::NotAPhoto => Self::NotAPhoto,
            CorePhotoError::Tampered => Self::Tampered,
            CorePhotoError::MediaMissing => Self::MediaMissing,
            CorePhotoError::HomeserverUnreachable => Self::HomeserverUnreachable,
            CorePhotoError::Failed(detail) => Self::Failed { detail },
        }
    }
}

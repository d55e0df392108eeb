//! One reading of the SDK's errors for every feature: what a failure means for the doctor
//! (the homeserver did not answer, refused, has no such thing, or a file was altered), and a
//! log-safe description (an error code, never a body, a token or a key).

use matrix_sdk::ruma::api::error::ErrorKind;

/// What an SDK error means, whichever feature met it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// Connection refused, DNS failure or time-out: the homeserver did not answer at all.
    Unreachable,
    /// The homeserver has no such room, event or file (`M_NOT_FOUND`).
    NotFound,
    /// The homeserver refused this account (`M_FORBIDDEN`).
    Forbidden,
    /// A downloaded file failed its decryption or hash check.
    Altered,
    /// Anything else, described for logs: the homeserver's error code or the error's kind.
    Other(String),
}

impl Failure {
    pub(crate) fn of(e: &matrix_sdk::Error) -> Self {
        match e {
            matrix_sdk::Error::Http(h) => Self::of_http(h),
            // The only reader failing in a download is the attachment decryptor, whose final
            // read checks the SHA-256 of the ciphertext.
            matrix_sdk::Error::Io(_) | matrix_sdk::Error::DecryptorError(_) => Self::Altered,
            _ => Self::Other("client error".to_owned()),
        }
    }

    pub(crate) fn of_http(e: &matrix_sdk::HttpError) -> Self {
        if is_unreachable(e) {
            return Self::Unreachable;
        }
        match e.client_api_error_kind() {
            Some(ErrorKind::NotFound) => Self::NotFound,
            Some(ErrorKind::Forbidden) => Self::Forbidden,
            Some(kind) => Self::Other(kind.errcode().to_string()),
            None => Self::Other("request failed".to_owned()),
        }
    }

    /// The log-safe description: `M_FORBIDDEN`, `request failed`, `client error`…
    pub(crate) fn describe(self) -> String {
        match self {
            Self::Unreachable => "homeserver unreachable".to_owned(),
            Self::NotFound => "M_NOT_FOUND".to_owned(),
            Self::Forbidden => "M_FORBIDDEN".to_owned(),
            Self::Altered => "file altered".to_owned(),
            Self::Other(what) => what,
        }
    }
}

/// Connection refused, DNS failure or time-out: the homeserver did not answer at all.
pub(crate) fn is_unreachable(e: &matrix_sdk::HttpError) -> bool {
    match e {
        matrix_sdk::HttpError::Reqwest(r) => r.is_connect() || r.is_timeout() || r.is_request(),
        matrix_sdk::HttpError::Cached(inner) => is_unreachable(inner),
        _ => false,
    }
}

/// Whether the homeserver no longer accepts this session at all: its token is unknown (the
/// device was deleted, the account deactivated), or its expired token could not be exchanged
/// because the refresh token itself was refused. An expired token alone, or a refresh that
/// failed on the network, is not that.
pub(crate) fn session_refused(e: &matrix_sdk::HttpError) -> bool {
    use matrix_sdk::{HttpError, RefreshTokenError};
    match e {
        HttpError::RefreshToken(RefreshTokenError::MatrixAuth(inner)) => matches!(
            inner.client_api_error_kind(),
            Some(ErrorKind::UnknownToken(_) | ErrorKind::Forbidden)
        ),
        HttpError::RefreshToken(_) => false,
        other => matches!(
            other.client_api_error_kind(),
            Some(ErrorKind::UnknownToken(data)) if !data.soft_logout
        ),
    }
}

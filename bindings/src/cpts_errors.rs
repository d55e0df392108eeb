//! The CPTS and télé-expertise errors the shells see.

use innomed_core::CptsError as CoreCptsError;

use innomed_core::CaseError as CoreCaseError;

use crate::cpts::MemberEntry;

/// CPTS, directory, rota and télé-expertise errors.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum CptsError {
    #[error("invalid RPPS number")]
    InvalidRpps,
    #[error("unknown specialty")]
    UnknownSpecialty { code: String },
    #[error("invalid duty slot: {detail}")]
    InvalidSlot { detail: String },
    #[error("incomplete request: {detail}")]
    InvalidRequest { detail: String },
    /// Nobody on duty now: the directory's specialists of that specialty, to pick one.
    #[error("nobody on duty now")]
    NoOneOnDuty {
        specialty: String,
        directory: Vec<MemberEntry>,
    },
    #[error("another specialist already took this request")]
    AlreadyTaken,
    #[error("not a télé-expertise request")]
    NotARequest,
    #[error("not in the CPTS directory")]
    NotInDirectory,
    #[error("the chosen specialist does not practise this specialty")]
    NotThisSpecialty,
    #[error("no such user")]
    UnknownUser,
    #[error("the room is not end-to-end encrypted")]
    NotEncrypted,
    #[error("no such CPTS")]
    NotFound,
    #[error("not allowed")]
    NotAllowed,
    #[error("not possible in the case's current status")]
    WrongStatus,
    #[error("no advice yet")]
    NoAdvice,
    #[error("the report could not be written: {detail}")]
    Report { detail: String },
    #[error("malformed user id")]
    InvalidUserId,
    /// A photo attached to the request was refused (nothing was created); `detail` says why.
    #[error("a photo of the request was refused: {detail}")]
    PhotoRefused { detail: String },
    /// The request waits for the requesting GP's device to hand it over: nothing is written
    /// into it before.
    #[error("the request has not been handed over yet")]
    NotHandedOver,
    #[error("someone nobody invited is in the case")]
    UninvitedMember,
    #[error("case error: {detail}")]
    Case { detail: String },
    #[error("homeserver unreachable")]
    HomeserverUnreachable,
    #[error("this client was closed or logged out")]
    Closed,
    #[error("homeserver refused: {detail}")]
    Server { detail: String },
    #[error("internal error: {detail}")]
    Internal { detail: String },
}

impl From<CoreCptsError> for CptsError {
    fn from(e: CoreCptsError) -> Self {
        match e {
            CoreCptsError::InvalidRpps(_) => Self::InvalidRpps,
            CoreCptsError::UnknownSpecialty(code) => Self::UnknownSpecialty { code },
            CoreCptsError::InvalidSlot(detail) => Self::InvalidSlot {
                detail: detail.to_owned(),
            },
            CoreCptsError::InvalidRequest(detail) => Self::InvalidRequest {
                detail: detail.to_owned(),
            },
            CoreCptsError::NoOneOnDuty {
                specialty,
                directory,
            } => Self::NoOneOnDuty {
                specialty,
                directory: directory.into_iter().map(Into::into).collect(),
            },
            CoreCptsError::AlreadyTaken => Self::AlreadyTaken,
            CoreCptsError::NotARequest => Self::NotARequest,
            CoreCptsError::NotInDirectory => Self::NotInDirectory,
            CoreCptsError::NotThisSpecialty => Self::NotThisSpecialty,
            CoreCptsError::Case(CoreCaseError::UnknownUser) => Self::UnknownUser,
            CoreCptsError::Case(CoreCaseError::NotEncrypted) => Self::NotEncrypted,
            CoreCptsError::NotFound => Self::NotFound,
            CoreCptsError::NotAllowed => Self::NotAllowed,
            CoreCptsError::WrongStatus => Self::WrongStatus,
            CoreCptsError::NoAdvice => Self::NoAdvice,
            CoreCptsError::Report(detail) => Self::Report { detail },
            CoreCptsError::Case(CoreCaseError::InvalidUserId) => Self::InvalidUserId,
            CoreCptsError::Case(CoreCaseError::NotAllowed) => Self::NotAllowed,
            CoreCptsError::Case(CoreCaseError::NotHandedOver) => Self::NotHandedOver,
            CoreCptsError::Case(CoreCaseError::UninvitedMember) => Self::UninvitedMember,
            CoreCptsError::Case(CoreCaseError::HomeserverUnreachable) => {
                Self::HomeserverUnreachable
            }
            CoreCptsError::Case(error) => Self::Case {
                detail: error.to_string(),
            },
            CoreCptsError::Photo(error) => Self::PhotoRefused {
                detail: error.to_string(),
            },
            CoreCptsError::HomeserverUnreachable => Self::HomeserverUnreachable,
            CoreCptsError::Server(detail) => Self::Server { detail },
        }
    }
}

crate::error::internal_on_panic!(CptsError);

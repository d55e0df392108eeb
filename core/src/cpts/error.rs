use super::{directory::MemberEntry, rpps::RppsError};
use crate::cases::CaseError;

/// Why a CPTS or télé-expertise operation failed.
#[derive(Debug, thiserror::Error)]
pub enum CptsError {
    #[error("invalid RPPS number: {0}")]
    InvalidRpps(#[from] RppsError),
    #[error("unknown specialty code: {0}")]
    UnknownSpecialty(String),
    #[error("a duty slot is invalid: {0}")]
    InvalidSlot(&'static str),
    #[error("the request is incomplete: {0}")]
    InvalidRequest(&'static str),
    /// Nobody holds a duty slot for this specialty now: the directory's specialists of it are
    /// offered instead, to pick one.
    #[error("nobody is on duty now for {specialty}")]
    NoOneOnDuty {
        specialty: String,
        directory: Vec<MemberEntry>,
    },
    #[error("another specialist has already taken this request")]
    AlreadyTaken,
    #[error("this case is not a télé-expertise request")]
    NotARequest,
    #[error("this user is not in the CPTS directory")]
    NotInDirectory,
    #[error("the chosen specialist does not practise the requested specialty")]
    NotThisSpecialty,
    #[error("no such CPTS on this account")]
    NotFound,
    #[error("your role does not allow this")]
    NotAllowed,
    #[error("the case is not in a state that allows this")]
    WrongStatus,
    #[error("the case has no advice yet")]
    NoAdvice,
    #[error("the report could not be written: {0}")]
    Report(String),
    #[error(transparent)]
    Case(#[from] CaseError),
    /// A photo attached to a request was refused (nothing was created).
    #[error(transparent)]
    Photo(#[from] crate::photos::PhotoError),
    #[error("the homeserver cannot be reached")]
    HomeserverUnreachable,
    #[error("the homeserver refused: {0}")]
    Server(String),
}

impl CptsError {
    pub(crate) fn from_sdk(e: &matrix_sdk::Error) -> Self {
        match CaseError::from_sdk(e) {
            CaseError::HomeserverUnreachable => Self::HomeserverUnreachable,
            CaseError::Server(code) if code == "M_FORBIDDEN" => Self::NotAllowed,
            CaseError::Server(code) => Self::Server(code),
            other => Self::Case(other),
        }
    }

    pub(crate) fn from_http(e: matrix_sdk::HttpError) -> Self {
        Self::from_sdk(&matrix_sdk::Error::Http(Box::new(e)))
    }
}

impl CptsError {
    /// The stable code of this error (`too_large`, `not_allowed`…): what the terminal client
    /// prints for scripts and the apps' messages are keyed on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidRpps(_) => "invalid_rpps",
            Self::UnknownSpecialty(_) => "unknown_specialty",
            Self::InvalidSlot(_) => "invalid_slot",
            Self::InvalidRequest(_) => "invalid_request",
            Self::NoOneOnDuty { .. } => "no_one_on_duty",
            Self::AlreadyTaken => "already_taken",
            Self::NotARequest => "not_a_request",
            Self::NotInDirectory => "not_in_directory",
            Self::NotThisSpecialty => "not_this_specialty",
            Self::NotFound => "cpts_not_found",
            Self::NotAllowed => "not_allowed",
            Self::WrongStatus => "wrong_status",
            Self::NoAdvice => "no_advice",
            Self::Report(_) => "report",
            Self::Case(e) => e.code(),
            Self::Photo(e) => e.code(),
            Self::HomeserverUnreachable => "homeserver_unreachable",
            Self::Server(_) => "server",
        }
    }
}

pub type Result<T, E = CptsError> = std::result::Result<T, E>;

/// A user id typed by someone, checked.
pub(crate) fn user_id(text: &str) -> Result<matrix_sdk::ruma::OwnedUserId> {
    crate::account::parse_user_id(text).map_err(|_| CptsError::Case(CaseError::InvalidUserId))
}

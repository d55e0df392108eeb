use super::{directory::MemberEntry, rpps::RppsError};
use crate::cases::CaseError;

/// Why a CPTS or télé-expertise operation failed.
#[derive(Debug, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum CptsError {
    #[error("invalid RPPS number: {0}")]
    InvalidRpps(#[from] RppsError),
    #[error("unknown specialty code: {0}")]
    UnknownSpecialty(String),
    #[error("a duty slot is invalid: {0}")]
    InvalidSlot(SlotProblem),
    #[error("an absence or a permanence is invalid: {0}")]
    InvalidAvailability(AvailabilityProblem),
    #[error("the request is incomplete: {0}")]
    InvalidRequest(RequestProblem),
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
    /// The professional's homeserver is not one the CPTS's homeserver federates with.
    #[error("this professional's homeserver is outside the CPTS network")]
    OutsideNetwork,
    /// The CPTS named is not a partner of this one (never declared, or this very CPTS).
    #[error("this CPTS is not a partner")]
    NotAPartner,
    /// The partner CPTS has not declared this one in return (or withdrew): its directory and
    /// specialists are not open to this CPTS.
    #[error("the partner CPTS has not declared this one")]
    PartnerNotAgreed,
    #[error("the chosen specialist does not practise the requested specialty")]
    NotThisSpecialty,
    #[error("no such CPTS on this account")]
    NotFound,
    #[error("your role does not allow this")]
    NotAllowed,
    /// The account did not sign in with Pro Santé Connect, or its identity names no
    /// profession and RPPS number Innomed can put in the directory.
    #[error("no Pro Santé Connect identity to fill the directory entry from")]
    NoVerifiedIdentity,
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
            Self::InvalidAvailability(_) => "invalid_availability",
            Self::InvalidRequest(_) => "invalid_request",
            Self::NoOneOnDuty { .. } => "no_one_on_duty",
            Self::AlreadyTaken => "already_taken",
            Self::NotARequest => "not_a_request",
            Self::NotInDirectory => "not_in_directory",
            Self::OutsideNetwork => "outside_network",
            Self::NotAPartner => "not_a_partner",
            Self::PartnerNotAgreed => "partner_not_agreed",
            Self::NotThisSpecialty => "not_this_specialty",
            Self::NotFound => "cpts_not_found",
            Self::NotAllowed => "not_allowed",
            Self::NoVerifiedIdentity => "no_verified_identity",
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

/// What is wrong with a duty slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SlotProblem {
    #[error("the specialty is not one of the member's")]
    NotMemberSpecialty,
    #[error("a slot starts before it ends, within one day")]
    OutsideDay,
}

/// What is wrong with an absence or a one-off permanence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AvailabilityProblem {
    #[error("a day is written YYYY-MM-DD")]
    BadDate,
    #[error("the last day comes before the first")]
    EndsBeforeStart,
    #[error("it is already over")]
    InThePast,
    #[error("more than a year ahead")]
    TooFarAhead,
    #[error("it overlaps an absence or a permanence already declared")]
    Overlapping,
    #[error("too many absences or permanences declared")]
    TooMany,
    #[error("no such absence or permanence")]
    NoSuchEntry,
}

/// What is missing or wrong in what was filled in (a request, an advice, a member, a CPTS).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RequestProblem {
    #[error("the patient's consent to the télé-expertise is required")]
    NoPatientConsent,
    #[error("a request goes to someone else")]
    ExpertIsSelf,
    #[error("the advice needs an assessment and a recommendation")]
    IncompleteAdvice,
    #[error("the advice is too long")]
    AdviceTooLong,
    #[error("a care team needs members")]
    NoCareTeamMembers,
    #[error("the member's name is empty")]
    NoMemberName,
    #[error("a physician needs a specialty")]
    NoSpecialty,
    #[error("the CPTS needs a name")]
    NoCptsName,
    #[error("a routing window is at least 5 seconds and shorter than the deadline")]
    RoutingWindow,
    #[error("the phone number to call back is not a valid number")]
    InvalidPhone,
}

pub type Result<T, E = CptsError> = std::result::Result<T, E>;

/// A user id typed by someone, checked.
pub(crate) fn user_id(text: &str) -> Result<matrix_sdk::ruma::OwnedUserId> {
    crate::account::parse_user_id(text).map_err(|_| CptsError::Case(CaseError::InvalidUserId))
}

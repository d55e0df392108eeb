use crate::failure::Failure;

/// Why a case operation failed.
#[derive(Debug, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum CaseError {
    #[error("this room is not an Innomed case")]
    NotACase,
    #[error("no such case on this account")]
    NotFound,
    #[error("the user id is malformed (expected @name:server)")]
    InvalidUserId,
    #[error("no such user on the homeserver")]
    UnknownUser,
    #[error("this account has no cross-signing identity: it must sign in with Innomed first")]
    NotCrossSigned,
    #[error("the case is closed: nobody can be invited any more")]
    CaseClosed,
    #[error("the room is not end-to-end encrypted: nothing is sent into it")]
    NotEncrypted,
    #[error("there is no pending invitation to this case")]
    NotInvited,
    #[error("the case header is incomplete: {0}")]
    InvalidHeader(HeaderProblem),
    #[error("your role in this case does not allow this")]
    NotAllowed,
    #[error("unknown specialty: choose one from the list")]
    UnknownSpecialty,
    /// Too large to be sent as one message (bytes of its content, and the limit).
    #[error("the text is too large to send ({size} bytes, at most {limit})")]
    TooLarge { size: u64, limit: u64 },
    /// A request waits for the requesting GP's device to hand it over to its taker: nothing
    /// is encrypted into it before (its routed specialists would receive the key).
    #[error("the request has not been handed over to its specialist yet: try again once it is")]
    NotHandedOver,
    /// Someone nobody of the case invited is in it (a server administrator's forced join, or
    /// a colleague such a member let in): nothing is encrypted into the case while they are,
    /// until the doctor who opened it removes them.
    #[error("someone nobody invited is in the case: nothing is sent until they are removed")]
    UninvitedMember,
    /// A member's identity is neither verified by this doctor nor attested by their CPTS, and
    /// the doctor has not confirmed them in this case (or their identity was replaced since):
    /// nothing is encrypted into the case until the doctor confirms or removes them.
    #[error("a member is neither verified by you nor attested by your CPTS: nothing is sent until you confirm or remove them")]
    UnconfirmedMember,
    #[error("the homeserver has not confirmed the removal yet: nothing was changed on this device, try again")]
    RemovalNotConfirmed,
    /// Only a closed case can be archived.
    #[error("only a closed case can be archived")]
    NotClosed,
    #[error("the homeserver cannot be reached")]
    HomeserverUnreachable,
    #[error("the homeserver refused: {0}")]
    Server(String),
    /// This session was closed or signed out on this device.
    #[error("this session was closed or signed out")]
    Closed,
}

/// What is missing or wrong in a case header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum HeaderProblem {
    #[error("the patient label is empty")]
    NoPatientLabel,
    #[error("the question is empty")]
    NoQuestion,
    #[error("the patient label is too long")]
    PatientLabelTooLong,
    #[error("the reason or the question is too long")]
    TextTooLong,
}

impl CaseError {
    pub(crate) fn from_sdk(e: &matrix_sdk::Error) -> Self {
        match Failure::of(e) {
            Failure::Unreachable => Self::HomeserverUnreachable,
            other => Self::Server(other.describe()),
        }
    }
}

impl CaseError {
    /// The stable code of this error (`too_large`, `not_allowed`…): what the terminal client
    /// prints for scripts and the apps' messages are keyed on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotACase => "not_a_case",
            Self::NotFound => "case_not_found",
            Self::InvalidUserId => "invalid_user_id",
            Self::UnknownUser => "unknown_user",
            Self::NotCrossSigned => "not_cross_signed",
            Self::CaseClosed => "case_closed",
            Self::NotEncrypted => "not_encrypted",
            Self::NotInvited => "not_invited",
            Self::NotAllowed => "not_allowed",
            Self::UnknownSpecialty => "unknown_specialty",
            Self::RemovalNotConfirmed => "removal_not_confirmed",
            Self::NotHandedOver => "not_handed_over",
            Self::TooLarge { .. } => "too_large",
            Self::InvalidHeader(_) => "invalid_header",
            Self::HomeserverUnreachable => "homeserver_unreachable",
            Self::Server(_) => "server",
            Self::UninvitedMember => "uninvited_member",
            Self::UnconfirmedMember => "unconfirmed_member",
            Self::Closed => "closed",
            Self::NotClosed => "not_closed",
        }
    }
}

pub type Result<T, E = CaseError> = std::result::Result<T, E>;

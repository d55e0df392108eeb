//! FFI mirrors of the core's plain types (the core stays free of UniFFI), and diffs.

use innomed_core::{self as core, VectorDiff};

macro_rules! mirror_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
        pub enum $name { $($variant),+ }

        impl From<core::$name> for $name {
            fn from(v: core::$name) -> Self {
                match v { $(core::$name::$variant => Self::$variant),+ }
            }
        }

        impl From<$name> for core::$name {
            fn from(v: $name) -> Self {
                match v { $($name::$variant => Self::$variant),+ }
            }
        }
    };
}

pub(crate) use mirror_enum;

mirror_enum!(
    /// Where a case stands.
    CaseStatus { Open, Requested, Accepted, Answered, Closed }
);
mirror_enum!(
    /// How soon the requesting doctor needs an answer.
    Urgency { Routine, Soon, Urgent }
);
mirror_enum!(
    /// Age in bands, never a birth date.
    AgeBand { Infant, Child, Adolescent, YoungAdult, Adult, Senior, Elderly }
);
mirror_enum!(Sex {
    Female,
    Male,
    Other,
    Unknown
});
mirror_enum!(
    /// The doctor's relation to a case.
    Membership { Joined, Invited, Left }
);
mirror_enum!(
    /// Why a message cannot be read on this device (the screen explains it).
    UtdReason { Waiting, SentBeforeJoined, DeviceNotVerified, NoBackup, SenderNotTrusted, Withheld }
);
mirror_enum!(
    /// Why a header, advice or closure is not believed (shown only as such).
    Rejection { NotFromCreator, NotFromTaker, HeaderAlreadyGiven, Malformed }
);
mirror_enum!(
    /// Why nobody can vouch for a member of a case.
    Unvouched { NotInvitedByMember, NoCrossSigning }
);
mirror_enum!(
    /// The only reactions sent or shown (their keys travel in clear): 👍 👀 🙏 ✅.
    Reaction { Agree, Seen, Thanks, Done }
);
mirror_enum!(
    /// The thumbnail (about 320 px) or the full image.
    PhotoSize { Thumbnail, Full }
);
mirror_enum!(
    /// What a pushed event is, as much as a locked screen may show.
    NotificationKind { Message, Photo, Invitation, Encrypted, Other }
);
mirror_enum!(
    /// Whether the specialist needs to see the patient in person, and how soon.
    InPerson { NotNeeded, Routine, Within48h, Urgent }
);
mirror_enum!(
    /// Where recovery stands for this account on this device.
    RecoveryStatus { Unknown, Disabled, Enabled, Incomplete }
);

/// The clinical heart of a case; only ever sent encrypted.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct CaseHeader {
    /// A pseudonym or initials, never the patient's full name.
    pub patient_label: String,
    pub age_band: AgeBand,
    pub sex: Sex,
    pub reason: String,
    pub question: String,
    pub photo_consent: bool,
}

impl From<core::CaseHeader> for CaseHeader {
    fn from(h: core::CaseHeader) -> Self {
        Self {
            patient_label: h.patient_label,
            age_band: h.age_band.into(),
            sex: h.sex.into(),
            reason: h.reason,
            question: h.question,
            photo_consent: h.photo_consent,
        }
    }
}

impl From<CaseHeader> for core::CaseHeader {
    fn from(h: CaseHeader) -> Self {
        Self {
            patient_label: h.patient_label,
            age_band: h.age_band.into(),
            sex: h.sex.into(),
            reason: h.reason,
            question: h.question,
            photo_consent: h.photo_consent,
        }
    }
}

/// The specialist's structured answer (the advice card); only ever sent encrypted.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Advice {
    pub assessment: String,
    pub recommendation: String,
    pub in_person: InPerson,
}

impl From<core::Advice> for Advice {
    fn from(a: core::Advice) -> Self {
        Self {
            assessment: a.assessment,
            recommendation: a.recommendation,
            in_person: a.in_person.into(),
        }
    }
}

impl From<Advice> for core::Advice {
    fn from(a: Advice) -> Self {
        Self {
            assessment: a.assessment,
            recommendation: a.recommendation,
            in_person: a.in_person.into(),
        }
    }
}

/// What a GP fills in to open a case.
#[derive(Clone, Debug, uniffi::Record)]
pub struct NewCase {
    pub header: CaseHeader,
    /// Requested specialty code (`dermatology`…); visible to the homeserver.
    pub specialty: Option<String>,
    pub urgency: Urgency,
    /// Due date, milliseconds since the Unix epoch.
    pub due_ms: Option<u64>,
}

impl From<NewCase> for core::NewCase {
    fn from(n: NewCase) -> Self {
        Self {
            header: n.header.into(),
            specialty: n.specialty,
            urgency: n.urgency.into(),
            due_ms: n.due_ms,
        }
    }
}

/// Status, specialty, urgency and due date of a case.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct CaseStatusInfo {
    pub status: CaseStatus,
    pub specialty: Option<String>,
    pub urgency: Urgency,
    pub due_ms: Option<u64>,
    /// The CPTS a télé-expertise request went through.
    pub cpts_id: Option<String>,
    /// The specialist who took the request.
    pub accepted_by: Option<String>,
}

impl From<core::CaseStatusEventContent> for CaseStatusInfo {
    fn from(s: core::CaseStatusEventContent) -> Self {
        Self {
            status: s.status.into(),
            specialty: s.specialty,
            urgency: s.urgency.into(),
            due_ms: s.due_ms,
            cpts_id: s.cpts.map(|id| id.to_string()),
            accepted_by: s.accepted_by.map(|u| u.to_string()),
        }
    }
}

/// The latest message of a case, decrypted on the device.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct LastMessage {
    pub sender: Option<String>,
    pub body: String,
    pub timestamp_ms: u64,
}

/// One row of the case list.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct CaseSummary {
    pub room_id: String,
    /// The opaque case code (`IM-7K2QX9`).
    pub code: String,
    pub membership: Membership,
    /// `None` while invited.
    pub status: Option<CaseStatus>,
    pub specialty: Option<String>,
    pub urgency: Urgency,
    pub due_ms: Option<u64>,
    /// A request's deadline as the row was made (none between colleagues).
    pub deadline: Option<crate::actions::Deadline>,
    /// The CPTS of a télé-expertise request or care team.
    pub cpts_id: Option<String>,
    pub last_message: Option<LastMessage>,
    pub unread: u64,
    /// Who invited the doctor, for invitations.
    pub inviter: Option<String>,
    /// For a request this specialist was routed to: what the GP asks, to decide on taking it.
    pub brief: Option<RequestBrief>,
}

/// What a specialist a request is routed to reads before taking it (the case's history comes
/// once the request is handed over to the one who takes it).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct RequestBrief {
    /// The GP who asked.
    pub requester: String,
    pub specialty: String,
    pub urgency: Urgency,
    pub due_ms: Option<u64>,
    pub age_band: AgeBand,
    pub sex: Sex,
    pub question: String,
}

impl From<core::RequestBrief> for RequestBrief {
    fn from(b: core::RequestBrief) -> Self {
        Self {
            requester: b.requester.to_string(),
            specialty: b.specialty,
            urgency: b.urgency.into(),
            due_ms: b.due_ms,
            age_band: b.age_band.into(),
            sex: b.sex.into(),
            question: b.question,
        }
    }
}

impl From<core::CaseSummary> for CaseSummary {
    fn from(s: core::CaseSummary) -> Self {
        Self {
            room_id: s.room_id.to_string(),
            code: s.code,
            membership: s.membership.into(),
            status: s.status.map(Into::into),
            specialty: s.specialty,
            urgency: s.urgency.into(),
            due_ms: s.due_ms,
            deadline: s.deadline.map(Into::into),
            cpts_id: s.cpts.map(|id| id.to_string()),
            last_message: s.last_message.map(|m| LastMessage {
                sender: m.sender.map(|u| u.to_string()),
                body: m.body,
                timestamp_ms: m.timestamp_ms,
            }),
            unread: s.unread,
            inviter: s.inviter.map(|u| u.to_string()),
            brief: s.brief.map(Into::into),
        }
    }
}

/// A change to a live list, the same shape for every list the core exposes.
macro_rules! list_diff {
    ($(#[$meta:meta])* $name:ident of $item:ty) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, uniffi::Enum)]
        pub enum $name {
            Append { values: Vec<$item> },
            Clear,
            PushFront { value: $item },
            PushBack { value: $item },
            PopFront,
            PopBack,
            Insert { index: u32, value: $item },
            Set { index: u32, value: $item },
            Remove { index: u32 },
            Truncate { length: u32 },
            Reset { values: Vec<$item> },
        }

        impl<T: Into<$item> + Clone> From<VectorDiff<T>> for $name {
            fn from(d: VectorDiff<T>) -> Self {
                let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
                match d {
                    VectorDiff::Append { values } => Self::Append {
                        values: values.into_iter().map(Into::into).collect(),
                    },
                    VectorDiff::Clear => Self::Clear,
                    VectorDiff::PushFront { value } => Self::PushFront { value: value.into() },
                    VectorDiff::PushBack { value } => Self::PushBack { value: value.into() },
                    VectorDiff::PopFront => Self::PopFront,
                    VectorDiff::PopBack => Self::PopBack,
                    VectorDiff::Insert { index: i, value } => Self::Insert {
                        index: index(i),
                        value: value.into(),
                    },
                    VectorDiff::Set { index: i, value } => Self::Set {
                        index: index(i),
                        value: value.into(),
                    },
                    VectorDiff::Remove { index: i } => Self::Remove { index: index(i) },
                    VectorDiff::Truncate { length } => Self::Truncate { length: index(length) },
                    VectorDiff::Reset { values } => Self::Reset {
                        values: values.into_iter().map(Into::into).collect(),
                    },
                }
            }
        }
    };
}

list_diff!(
    /// A change to the case list.
    CaseListDiff of CaseSummary
);
list_diff!(
    /// A change to a conversation.
    TimelineDiff of crate::timeline::TimelineItem
);

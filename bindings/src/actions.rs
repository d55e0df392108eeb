//! What the signed-in doctor may do with a case now, as the core decides it: the apps draw
//! these and decide nothing themselves.

use innomed_core as core;

use crate::{convert::mirror_enum, cpts::DeadlineState};

mirror_enum!(
    /// Who the signed-in doctor is in a case.
    CaseRole { Invited, Requester, Taker, Member, Outside }
);
mirror_enum!(
    /// Something the doctor may do with a case now.
    CaseAction {
        Accept, Take, Decline, Write, Advise, MarkAnswered, Close, CloseWithReport, Invite, Remove
    }
);
mirror_enum!(
    /// Why a request cannot be written into yet.
    HandoverWait { NotTaken, HandingOver, AwaitingRequester }
);

/// A request's deadline: its due time and where it stands now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Deadline {
    pub state: DeadlineState,
    pub due_ms: u64,
}

impl From<core::Deadline> for Deadline {
    fn from(d: core::Deadline) -> Self {
        Self {
            state: d.state.into(),
            due_ms: d.due_ms,
        }
    }
}

/// The doctor's role, the actions open to them (in a stable order), why the request waits
/// (if it does) and its deadline.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct CaseActions {
    pub role: CaseRole,
    pub actions: Vec<CaseAction>,
    pub handover: Option<HandoverWait>,
    pub deadline: Option<Deadline>,
}

impl From<core::CaseActions> for CaseActions {
    fn from(a: core::CaseActions) -> Self {
        Self {
            role: a.role.into(),
            actions: a.actions.into_iter().map(Into::into).collect(),
            handover: a.handover.map(Into::into),
            deadline: a.deadline.map(Into::into),
        }
    }
}

//! What the signed-in doctor may do with a case now, where it stands against its deadline and
//! why nothing can be written yet: decided once, here, for every screen. The apps and the
//! terminal client show these actions; the operations themselves check the same rules again
//! (and the homeserver enforces what it can).

use matrix_sdk::ruma::{OwnedUserId, UserId};

use super::{authority::is_request, CaseRoom, CaseStatus, CaseStatusEventContent, Membership};
use crate::requests::{deadline_state, DeadlineState};

/// Who the signed-in doctor is in a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CaseRole {
    /// Invited, not joined yet.
    Invited,
    /// Opened the case (the requesting GP of a request).
    Requester,
    /// Took the request: the expert who advises.
    Taker,
    /// Any other member.
    Member,
    /// Left, or not a member.
    Outside,
}

/// Something the doctor may do with a case now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CaseAction {
    /// Join a case a colleague invited them to.
    Accept,
    /// Take a request routed to them (first one wins).
    Take,
    /// Refuse an invitation or a routed request.
    Decline,
    /// Write: messages, replies, photos.
    Write,
    /// Give (or give again) the advice of a request they took.
    Advise,
    /// Mark a case between colleagues answered.
    MarkAnswered,
    /// Close a case between colleagues.
    Close,
    /// Close an answered request with its report.
    CloseWithReport,
    /// Invite a colleague.
    Invite,
    /// Remove a colleague.
    Remove,
    /// Confirm a member this doctor has not verified and their CPTS has not attested (the
    /// case's members say who): nothing is written until the doctor confirms or removes them.
    ConfirmMember,
}

/// Why a request cannot be written into yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum HandoverWait {
    /// No routed specialist has taken it.
    NotTaken,
    /// Taken; this device (the requester's) is handing it over.
    HandingOver,
    /// Taken; the requesting GP's device has to hand it over (it may be offline).
    AwaitingRequester,
    /// Taken by a specialist the GP has not verified and the CPTS has not attested: the GP
    /// confirms them (or removes them) before the case is handed over.
    ConfirmTaker,
}

/// A request's deadline: its due time and where it stands now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Deadline {
    pub state: DeadlineState,
    pub due_ms: u64,
}

/// Everything a case screen decides from: the doctor's role, the actions open to them, the
/// hand-over wait and the deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CaseActions {
    pub role: CaseRole,
    /// In a stable order (the order of [`CaseAction`]).
    pub actions: Vec<CaseAction>,
    pub handover: Option<HandoverWait>,
    pub deadline: Option<Deadline>,
}

impl CaseActions {
    pub fn allows(&self, action: CaseAction) -> bool {
        self.actions.contains(&action)
    }
}

/// What the decision is made from.
#[derive(Debug)]
pub(crate) struct Facts<'a> {
    pub me: &'a UserId,
    pub membership: Membership,
    /// For an invitation: it is a request routed to this doctor (its brief came).
    pub routed: bool,
    /// The status as the rules establish it (`None` for an invitation, or not known yet).
    pub status: Option<&'a CaseStatusEventContent>,
    pub creator: Option<&'a UserId>,
    /// A request not yet handed over to its taker.
    pub awaiting_handover: bool,
    /// Someone nobody of the case invited is in it: nothing is written until they are removed.
    pub uninvited_present: bool,
    /// A member this doctor has not decided about: nothing is written until they confirm them.
    pub unconfirmed_present: bool,
    /// The taker of this doctor's request is not one this doctor decided about.
    pub taker_unconfirmed: bool,
    pub now_ms: i64,
}

/// The deadline of a request (none for a case between colleagues).
pub(crate) fn deadline_of(status: &CaseStatusEventContent, now_ms: i64) -> Option<Deadline> {
    let due_ms = status.due_ms.filter(|_| status.cpts.is_some())?;
    Some(Deadline {
        state: deadline_state(status.status, status.urgency, Some(due_ms), now_ms),
        due_ms,
    })
}

pub(crate) fn decide(facts: &Facts<'_>) -> CaseActions {
    use CaseAction::*;
    let status = facts.status;
    let request = status.is_some_and(is_request);
    let role = match facts.membership {
        Membership::Invited => CaseRole::Invited,
        Membership::Left => CaseRole::Outside,
        Membership::Joined if facts.creator == Some(facts.me) => CaseRole::Requester,
        Membership::Joined
            if request && status.and_then(|s| s.accepted_by.as_deref()) == Some(facts.me) =>
        {
            CaseRole::Taker
        }
        Membership::Joined => CaseRole::Member,
    };
    let waiting = request
        && facts.awaiting_handover
        && status.is_some_and(|s| matches!(s.status, CaseStatus::Requested | CaseStatus::Accepted));
    let closed = status.is_some_and(|s| s.status == CaseStatus::Closed);
    let mut actions: Vec<CaseAction> = match (role, status.map(|s| s.status)) {
        (CaseRole::Invited, _) if facts.routed => vec![Take, Decline],
        (CaseRole::Invited, _) => vec![Accept, Decline],
        (CaseRole::Outside, _) => vec![],
        (_, Some(CaseStatus::Closed)) => vec![],
        // A request moves through its own steps: taken, advised, closed with the report.
        (CaseRole::Member, Some(CaseStatus::Requested)) if request => vec![Take],
        (CaseRole::Taker, Some(CaseStatus::Accepted | CaseStatus::Answered)) => {
            vec![Write, Advise]
        }
        (CaseRole::Requester, Some(CaseStatus::Answered)) if request => {
            vec![Write, CloseWithReport]
        }
        (CaseRole::Requester, Some(CaseStatus::Accepted)) if request => vec![Write],
        (_, _) if request => vec![],
        // Between colleagues (or in a care team): the doctor who opened the case runs it.
        (CaseRole::Requester, Some(CaseStatus::Open)) => {
            vec![Write, MarkAnswered, Close, Invite, Remove]
        }
        (CaseRole::Requester, _) => vec![Write, Close, Invite, Remove],
        (_, _) => vec![Write],
    };
    if waiting || facts.uninvited_present || facts.unconfirmed_present {
        actions.retain(|a| !matches!(a, Write | Advise | CloseWithReport));
    }
    let asked = (facts.unconfirmed_present && !facts.uninvited_present)
        || (waiting && facts.taker_unconfirmed && role == CaseRole::Requester);
    if asked
        && matches!(
            role,
            CaseRole::Requester | CaseRole::Taker | CaseRole::Member
        )
    {
        actions.push(ConfirmMember);
    }
    if closed {
        actions.clear();
    }
    actions.sort();
    let handover = waiting.then(
        || match (status.and_then(|s| s.accepted_by.as_ref()), role) {
            (None, _) => HandoverWait::NotTaken,
            (Some(_), CaseRole::Requester) if facts.taker_unconfirmed => HandoverWait::ConfirmTaker,
            (Some(_), CaseRole::Requester) => HandoverWait::HandingOver,
            (Some(_), _) => HandoverWait::AwaitingRequester,
        },
    );
    CaseActions {
        role,
        actions,
        handover,
        deadline: status.and_then(|s| deadline_of(s, facts.now_ms)),
    }
}

impl CaseRoom {
    /// What the signed-in doctor may do with this case now (see [`CaseActions`]). Reads what
    /// this device knows; offline too.
    pub async fn allowed_actions(&self) -> super::error::Result<CaseActions> {
        let membership = self.membership();
        let status = match membership {
            Membership::Joined => self.status().await?,
            _ => None,
        };
        let routed = membership == Membership::Invited && self.request_brief().await.is_some();
        let awaiting_handover = match &status {
            Some(s) if is_request(s) => self.awaiting_handover().await.unwrap_or(true),
            _ => false,
        };
        let audience = match membership {
            Membership::Joined => self.ensure_no_uninvited().await,
            _ => Ok(()),
        };
        let uninvited_present = matches!(audience, Err(super::CaseError::UninvitedMember));
        // A request waiting for its taker has its routed specialists invited: nobody is asked
        // about them, only about the taker.
        let unconfirmed_present =
            !awaiting_handover && matches!(audience, Err(super::CaseError::UnconfirmedMember));
        let taker_unconfirmed = match status.as_ref().and_then(|s| s.accepted_by.as_ref()) {
            Some(taker) if awaiting_handover => {
                !super::confirmation::decided(&self.client.authorities, &self.room, taker).await
            }
            _ => false,
        };
        let creator: Option<OwnedUserId> = super::creator_of(&self.room);
        Ok(decide(&Facts {
            me: self.room.own_user_id(),
            membership,
            routed,
            status: status.as_ref(),
            creator: creator.as_deref(),
            awaiting_handover,
            uninvited_present,
            unconfirmed_present,
            taker_unconfirmed,
            now_ms: self.client.clock.now_ms(),
        }))
    }
}

#[cfg(test)]
mod tests;

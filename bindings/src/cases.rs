//! The case list and a case room.

use std::sync::Arc;

use innomed_core::{
    CaseActions, CaseError, CaseHeader, CaseMember, CaseRoom as CoreCaseRoom, CaseStatus,
    CaseStatusEventContent, ConversationError, InnomedClient, Membership, RequestBrief,
    UnvouchedMember,
};

use crate::{
    conversation::Conversation,
    diff::CaseListDiff,
    platform::on_core,
    task::{forward_list, TaskHandle},
};

/// Receives the case list: a `Reset` with the whole list first, then diffs to apply in order.
#[uniffi::export(foreign)]
pub trait CaseListListener: Send + Sync {
    fn on_update(&self, diffs: Vec<CaseListDiff>);
}

pub(crate) fn subscribe(
    client: InnomedClient,
    filter: innomed_core::CaseFilter,
    listener: Arc<dyn CaseListListener>,
) -> Arc<TaskHandle> {
    forward_list(
        async move { client.case_list_filtered(filter).subscribe_diffs().await },
        move |diffs: Vec<CaseListDiff>| listener.on_update(diffs),
    )
}

/// One case. Invitations can be accepted or declined; joined cases have a header, a status
/// and a conversation.
#[derive(uniffi::Object)]
pub struct CaseRoom {
    pub(crate) case: CoreCaseRoom,
}

impl CaseRoom {
    pub(crate) fn new(case: CoreCaseRoom) -> Arc<Self> {
        Arc::new(Self { case })
    }
}

#[uniffi::export]
impl CaseRoom {
    pub fn room_id(&self) -> String {
        self.case.room_id().to_string()
    }

    /// The opaque code shown in lists (`IM-7K2QX9`).
    pub fn code(&self) -> String {
        self.case.code()
    }

    pub fn membership(&self) -> Membership {
        self.case.membership()
    }

    /// Status, specialty, urgency and due date (`None` while only invited).
    pub async fn status(&self) -> Result<Option<CaseStatusEventContent>, CaseError> {
        on_core!(self.case, |case| case.status())
    }

    /// The doctor who opened the case marks it answered or closed (`NotAllowed` for others).
    pub async fn set_status(&self, status: CaseStatus) -> Result<(), CaseError> {
        on_core!(self.case, |case| case.set_status(status))
    }

    /// The decrypted case header.
    pub async fn header(&self) -> Result<Option<CaseHeader>, CaseError> {
        on_core!(self.case, |case| case.header())
    }

    /// Invites a colleague; they can read the messages sent before the invitation (not a
    /// colleague coming back after leaving or being removed).
    pub async fn invite(&self, user_id: String) -> Result<(), CaseError> {
        on_core!(self.case, |case| case.invite(&user_id))
    }

    /// The brief of a request this specialist was routed to, from the GP who asked; `None`
    /// otherwise or until it arrives.
    pub async fn request_brief(&self) -> Option<RequestBrief> {
        on_core!(self.case, |case| case.request_brief())
    }

    /// What the signed-in doctor may do with this case now, why a request waits and its
    /// deadline: the screen shows these, decided by the core.
    pub async fn allowed_actions(&self) -> Result<CaseActions, CaseError> {
        on_core!(self.case, |case| case.allowed_actions())
    }

    /// Who is in the case or invited to it (and who left), with the names to show.
    pub async fn members(&self) -> Result<Vec<CaseMember>, CaseError> {
        on_core!(self.case, |case| case.members())
    }

    /// Members nobody can vouch for (joined without a member's invitation, without a
    /// cross-signing identity, or not confirmed by this doctor): the case screen says so.
    pub async fn unvouched_members(&self) -> Result<Vec<UnvouchedMember>, CaseError> {
        on_core!(self.case, |case| case.unvouched_members())
    }

    /// Confirms a member the doctor has not verified and the CPTS has not attested, for the
    /// identity they have now: the case is written into again (a request taken by them is
    /// handed over).
    pub async fn confirm_member(&self, user_id: String) -> Result<(), CaseError> {
        on_core!(self.case, |case| case.confirm_member(&user_id))
    }

    /// Removes a colleague: nothing sent afterwards reaches them, even if invited again.
    /// `RemovalNotConfirmed` when sync did not show the removal in time (nothing rotated).
    pub async fn remove(&self, user_id: String) -> Result<(), CaseError> {
        on_core!(self.case, |case| case.remove(&user_id))
    }

    pub async fn accept(&self) -> Result<(), CaseError> {
        on_core!(self.case, |case| case.accept())
    }

    pub async fn decline(&self) -> Result<(), CaseError> {
        on_core!(self.case, |case| case.decline())
    }

    /// Whether the doctor muted this case (no network).
    pub async fn is_muted(&self) -> bool {
        on_core!(self.case, |case| case.is_muted())
    }

    /// Mutes the case or lets it notify again, on every device of the doctor.
    pub async fn set_muted(&self, muted: bool) -> Result<(), CaseError> {
        on_core!(self.case, |case| case.set_muted(muted))
    }

    /// The conversation of this case.
    pub async fn conversation(&self) -> Result<Arc<Conversation>, ConversationError> {
        on_core!(self.case, |case| case.conversation()).map(Conversation::new)
    }
}

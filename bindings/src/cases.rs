//! The case list and a case room.

use std::sync::Arc;

use innomed_core::{CaseRoom as CoreCaseRoom, InnomedClient};

use crate::{
    actions::CaseActions,
    error::{CaseError, TimelineError},
    platform::run,
    task::{forward_list, TaskHandle},
    timeline::Timeline,
};

pub use crate::convert::{
    AgeBand, CaseHeader, CaseListDiff, CaseStatus, CaseStatusInfo, CaseSummary, LastMessage,
    Membership, NewCase, RequestBrief, Sex, Unvouched, Urgency,
};

/// A member of a case nobody can vouch for, and why.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct UnvouchedMember {
    pub user_id: String,
    pub reason: Unvouched,
}

/// A colleague in a case, or invited to it, named as the screen shows them.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct CaseMember {
    pub user_id: String,
    pub membership: Membership,
    /// From the CPTS directory, else the profile, else the user id.
    pub display_name: String,
    /// Specialty codes from the directory.
    pub specialties: Vec<String>,
    pub in_directory: bool,
}

impl From<innomed_core::CaseMember> for CaseMember {
    fn from(m: innomed_core::CaseMember) -> Self {
        Self {
            user_id: m.user_id.to_string(),
            membership: m.membership.into(),
            display_name: m.display_name,
            specialties: m.specialties,
            in_directory: m.in_directory,
        }
    }
}

/// Receives the case list: a `Reset` with the whole list first, then diffs to apply in order.
#[uniffi::export(foreign)]
pub trait CaseListListener: Send + Sync {
    fn on_update(&self, diffs: Vec<CaseListDiff>);
}

pub(crate) fn subscribe(
    client: InnomedClient,
    listener: Arc<dyn CaseListListener>,
) -> Arc<TaskHandle> {
    forward_list(
        async move { client.case_list().subscribe_diffs().await },
        move |diffs: Vec<CaseListDiff>| listener.on_update(diffs),
    )
}

/// One case. Invitations can be accepted or declined; joined cases have a header, a status
/// and a timeline.
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
        self.case.membership().into()
    }

    /// Status, specialty, urgency and due date (`None` while only invited).
    pub async fn status(&self) -> Result<Option<CaseStatusInfo>, CaseError> {
        let case = self.case.clone();
        let status = run(async move { case.status().await }).await??;
        Ok(status.map(Into::into))
    }

    /// The doctor who opened the case marks it answered or closed (`NotAllowed` for others).
    pub async fn set_status(&self, status: CaseStatus) -> Result<(), CaseError> {
        let case = self.case.clone();
        Ok(run(async move { case.set_status(status.into()).await }).await??)
    }

    /// The decrypted case header.
    pub async fn header(&self) -> Result<Option<CaseHeader>, CaseError> {
        let case = self.case.clone();
        let header = run(async move { case.header().await }).await??;
        Ok(header.map(Into::into))
    }

    /// Invites a colleague; they can read the messages sent before the invitation (not a
    /// colleague coming back after leaving or being removed).
    pub async fn invite(&self, user_id: String) -> Result<(), CaseError> {
        let case = self.case.clone();
        Ok(run(async move { case.invite(&user_id).await }).await??)
    }

    /// The brief of a request this specialist was routed to, from the GP who asked; `None`
    /// otherwise or until it arrives.
    pub async fn request_brief(&self) -> Result<Option<RequestBrief>, CaseError> {
        let case = self.case.clone();
        let brief = run(async move { case.request_brief().await }).await?;
        Ok(brief.map(Into::into))
    }

    /// Whether this request waits to be handed over to its taker: nobody writes into it until
    /// then (sending is refused with `NotHandedOver`).
    pub async fn awaiting_handover(&self) -> Result<bool, CaseError> {
        let case = self.case.clone();
        Ok(run(async move { case.awaiting_handover().await }).await??)
    }

    /// What the signed-in doctor may do with this case now, why a request waits and its
    /// deadline: the screen shows these, decided by the core.
    pub async fn allowed_actions(&self) -> Result<CaseActions, CaseError> {
        let case = self.case.clone();
        Ok(run(async move { case.allowed_actions().await })
            .await??
            .into())
    }

    /// Who is in the case or invited to it (and who left), with the names to show.
    pub async fn members(&self) -> Result<Vec<CaseMember>, CaseError> {
        let case = self.case.clone();
        let members = run(async move { case.members().await }).await??;
        Ok(members.into_iter().map(Into::into).collect())
    }

    /// Members nobody can vouch for (joined without a member's invitation, or without a
    /// cross-signing identity): the case screen says so, their messages show as untrusted.
    pub async fn unvouched_members(&self) -> Result<Vec<UnvouchedMember>, CaseError> {
        let case = self.case.clone();
        let members = run(async move { case.unvouched_members().await }).await??;
        Ok(members
            .into_iter()
            .map(|m| UnvouchedMember {
                user_id: m.user_id.to_string(),
                reason: m.reason.into(),
            })
            .collect())
    }

    /// Removes a colleague: nothing sent afterwards reaches them, even if invited again.
    /// `RemovalNotConfirmed` when sync did not show the removal in time (nothing rotated).
    pub async fn remove(&self, user_id: String) -> Result<(), CaseError> {
        let case = self.case.clone();
        Ok(run(async move { case.remove(&user_id).await }).await??)
    }

    pub async fn accept(&self) -> Result<(), CaseError> {
        let case = self.case.clone();
        Ok(run(async move { case.accept().await }).await??)
    }

    pub async fn decline(&self) -> Result<(), CaseError> {
        let case = self.case.clone();
        Ok(run(async move { case.decline().await }).await??)
    }

    /// The conversation of this case.
    pub async fn timeline(&self) -> Result<Arc<Timeline>, TimelineError> {
        let case = self.case.clone();
        let conversation = run(async move { case.conversation().await }).await??;
        Ok(Timeline::new(conversation))
    }
}

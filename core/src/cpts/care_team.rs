//! Shared multi-professional case rooms: a coordinator opens a case for a patient followed by
//! several professionals of the CPTS (GP, nurse, pharmacist, physiotherapist…). The coordinator
//! is the room's only admin (power 100) and the only one who changes its status; the others
//! write, and cannot invite, remove or change the room's settings.

use crate::RequestProblem;
use matrix_sdk::ruma::OwnedUserId;
use tracing::info;

use super::{
    error::{CptsError, Result},
    space::Cpts,
};
use crate::cases::{CaseHeader, CaseRoom, CaseStatus, CaseStatusEventContent, Inviters, Urgency};

impl Cpts {
    /// Opens a shared case for these members of the directory and invites them; `NotInDirectory`
    /// or the case's typed error (`NotCrossSigned`, `UnknownUser`) before anything is created.
    pub async fn open_care_team(&self, header: CaseHeader, members: &[String]) -> Result<CaseRoom> {
        if members.is_empty() {
            return Err(CptsError::InvalidRequest(RequestProblem::NoCareTeamMembers));
        }
        let directory = self.directory().await?;
        let mut invited: Vec<OwnedUserId> = Vec::with_capacity(members.len());
        for member in members {
            let user_id = super::error::user_id(member)?;
            if !directory.iter().any(|m| m.user_id == user_id) {
                return Err(CptsError::NotInDirectory);
            }
            invited.push(user_id);
        }
        // Every member checked before the case exists: one who cannot be invited (no
        // identity yet, unknown) leaves no half-invited case behind.
        for user_id in &invited {
            crate::cases::check_invitee(&self.room.client(), user_id).await?;
        }
        let status = CaseStatusEventContent {
            status: CaseStatus::Open,
            specialty: None,
            urgency: Urgency::Routine,
            due_ms: None,
            cpts: Some(self.space_id().to_owned()),
            accepted_by: None,
        };
        let case = self
            .client
            .create_case_with_status(header, status, Inviters::Creator)
            .await?;
        for user_id in &invited {
            case.invite(user_id.as_str()).await?;
        }
        info!(room_id = %case.room_id(), members = invited.len(), "care team opened");
        Ok(case)
    }
}

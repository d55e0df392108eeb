//! Opening a télé-expertise request: routed to the specialists of the requested specialty who
//! are on duty now (or to the one the GP picked in the directory), due by its urgency.

use matrix_sdk::ruma::OwnedUserId;
use tracing::{info, warn};

use super::{
    deadlines::deadline_window_ms,
    error::{CptsError, Result},
    space::Cpts,
    specialties::specialty,
};
use crate::cases::{CaseHeader, CaseRoom, CaseStatus, CaseStatusEventContent, Inviters, Urgency};

/// What a GP fills in to ask a specialist.
#[derive(Clone, Debug)]
pub struct TeleExpertiseRequest {
    /// Specialty code from the fixed list (`dermatology`…).
    pub specialty: String,
    pub urgency: Urgency,
    /// Patient label, age band, sex, reason, question and photo consent; encrypted.
    pub header: CaseHeader,
    /// The patient agreed to this télé-expertise (required by law).
    pub patient_consent: bool,
    /// A specialist picked from the directory, instead of whoever is on duty.
    pub expert: Option<String>,
}

impl Cpts {
    /// Opens the request: an encrypted case room, status `Requested`, due by urgency, with the
    /// chosen specialist or every specialist of the specialty on duty now invited.
    ///
    /// Nobody on duty is [`CptsError::NoOneOnDuty`], which carries the directory's specialists
    /// of that specialty so the GP can pick one.
    pub async fn open_request(&self, request: TeleExpertiseRequest) -> Result<CaseRoom> {
        let code = specialty(&request.specialty)
            .ok_or_else(|| CptsError::UnknownSpecialty(request.specialty.clone()))?
            .code;
        if !request.patient_consent {
            return Err(CptsError::InvalidRequest(
                "the patient's consent to the télé-expertise is required",
            ));
        }
        let own = self.room.own_user_id().to_owned();
        let experts: Vec<OwnedUserId> = match &request.expert {
            Some(expert) => {
                let expert = super::error::user_id(expert)?;
                if expert == own {
                    return Err(CptsError::InvalidRequest("a request goes to someone else"));
                }
                let entry = self
                    .entry_of(&expert)
                    .await?
                    .ok_or(CptsError::NotInDirectory)?;
                if !entry.has_specialty(code) {
                    return Err(CptsError::NotThisSpecialty);
                }
                vec![expert]
            }
            None => {
                let on_duty: Vec<OwnedUserId> = self
                    .on_duty_now(code)
                    .await?
                    .into_iter()
                    .map(|m| m.user_id)
                    .filter(|user| *user != own)
                    .collect();
                if on_duty.is_empty() {
                    let directory = self
                        .search(Some(code), None)
                        .await?
                        .into_iter()
                        .filter(|m| m.user_id != own)
                        .collect();
                    return Err(CptsError::NoOneOnDuty {
                        specialty: code.to_owned(),
                        directory,
                    });
                }
                on_duty
            }
        };
        let now = self.client.now_ms();
        let due = now.saturating_add(deadline_window_ms(request.urgency));
        let status = CaseStatusEventContent {
            status: CaseStatus::Requested,
            specialty: Some(code.to_owned()),
            urgency: request.urgency,
            due_ms: u64::try_from(due).ok(),
            cpts: Some(self.space_id().to_owned()),
            accepted_by: None,
        };
        let case = self
            .client
            .create_case_with_status(request.header, status, Inviters::Members)
            .await?;
        // Remembered before inviting: a claim may arrive while the invitations go out.
        super::claim::remember_routed(&case.room, &experts).await;
        // One invitation failing (an account closed since the rota was made) does not keep
        // the request from the others; it fails only if nobody could be invited.
        let mut invited = 0usize;
        let mut first_error = None;
        for expert in &experts {
            match case.invite(expert.as_str()).await {
                Ok(()) => invited += 1,
                Err(e) => {
                    warn!(room_id = %case.room_id(), "a routed specialist could not be invited");
                    first_error.get_or_insert(e);
                }
            }
        }
        if let (0, Some(e)) = (invited, first_error) {
            return Err(e.into());
        }
        info!(
            room_id = %case.room_id(),
            invited,
            routed = experts.len(),
            "télé-expertise request opened"
        );
        Ok(case)
    }
}

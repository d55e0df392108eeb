//! Opening a télé-expertise request: routed to the specialists of the requested specialty who
//! are on duty now (or to the one the GP picked in the directory), due by its urgency.
//!
//! Everything the GP attaches (header, photos) is encrypted into the room before anyone is
//! invited, so the routed specialists' devices never get its keys; they are invited without the
//! history and receive the brief (`cpts::brief`). The one who takes it gets the history when
//! the GP's device hands the request over (`cases::handover`).

use crate::RequestProblem;
use matrix_sdk::ruma::OwnedUserId;
use tracing::{info, warn};

use super::deadlines::deadline_window_ms;
use crate::cpts::{
    error::{CptsError, Result},
    space::Cpts,
    specialties::specialty,
};
use crate::{
    cases::{CaseHeader, CaseRoom, CaseStatus, CaseStatusEventContent, Inviters, Urgency},
    photos::{PhotoError, PhotoSource},
};

/// What a GP fills in to ask a specialist.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    /// Photos sent with the request (needs the photo consent of the header); the taker sees
    /// them, the other routed specialists never do.
    pub photos: Vec<RequestPhoto>,
    /// The GP's professional number, when they ask to be called back (`06 12 34 56 78`,
    /// `+33…`): only the specialist who takes the request reads it.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub call_back: Option<String>,
}

/// A photo attached to a request when it is opened.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RequestPhoto {
    pub source: PhotoSource,
    /// Markdown caption, encrypted with the photo.
    pub caption: Option<String>,
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
            return Err(CptsError::InvalidRequest(RequestProblem::NoPatientConsent));
        }
        if !request.photos.is_empty() && !request.header.photo_consent {
            return Err(PhotoError::NoConsent.into());
        }
        crate::cases::NewCase::validate_header(&request.header)?;
        let call_back = match request.call_back.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(typed) => Some(super::CallBack::parse(typed).map_err(CptsError::InvalidRequest)?),
        };
        // Every photo (or PDF) is cleaned before anything is created: a bad one leaves no room behind.
        let mut photos = Vec::with_capacity(request.photos.len());
        for photo in &request.photos {
            photos.push(
                crate::documents::prepare_file(photo.source.clone(), photo.caption.as_deref())
                    .await?,
            );
        }
        let own = self.room.own_user_id().to_owned();
        // The partners' spaces, read once for this request if its routing needs them.
        let partners = crate::cpts::PartnersOnce::new();
        let experts: Vec<OwnedUserId> = match &request.expert {
            Some(expert) => {
                let expert = crate::cpts::error::user_id(expert)?;
                if expert == own {
                    return Err(CptsError::InvalidRequest(RequestProblem::ExpertIsSelf));
                }
                // A specialist of this CPTS or of a partner that agreed.
                let entry = self
                    .entry_here_or_at_partners(&partners, &expert)
                    .await?
                    .ok_or(CptsError::NotInDirectory)?;
                if !entry.has_specialty(code) {
                    return Err(CptsError::NotThisSpecialty);
                }
                vec![expert]
            }
            None => {
                let mut on_duty: Vec<OwnedUserId> = self
                    .on_duty_now(code)
                    .await?
                    .into_iter()
                    .map(|m| m.user_id)
                    .filter(|user| *user != own)
                    .collect();
                if on_duty.is_empty() {
                    // Nobody here: the specialists on duty at a partner CPTS.
                    let now = self.client.now_ms();
                    on_duty = self
                        .partners_on_duty_at(&partners, code, now, std::slice::from_ref(&own))
                        .await;
                }
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
        let brief_header = request.header.clone();
        let case = self
            .client
            .create_case_with_status(request.header, status.clone(), Inviters::Members)
            .await?;
        // Sent, not queued: encrypted now, while the GP is the room's only member (the photos and
        // the number to call back).
        for file in photos {
            let (name, content_type, data, config, _) = file.into_parts();
            case.room
                .send_attachment(name, &content_type, data, config)
                .await
                .map_err(|e| CptsError::from_sdk(&e))?;
        }
        if let Some(call_back) = &call_back {
            case.send_call_back(call_back).await?;
        }
        // The next step, planned now: whoever is on duty once the CPTS's window for this
        // urgency has passed (`reroute`). Without it the request still goes to the first.
        let plan = match self
            .next_step_specialists(&partners, code, request.urgency, &experts)
            .await
        {
            Ok(plan) => Some(plan),
            Err(e) => {
                warn!(room_id = %case.room_id(), "next routing step not planned: {}", e.code());
                None
            }
        };
        let next: Vec<OwnedUserId> = plan
            .as_ref()
            .and_then(|(_, next)| next.as_ref())
            .map(|(_, users)| users.clone())
            .unwrap_or_default();
        let mut routed = experts.clone();
        routed.extend(next.iter().cloned());
        // Remembered before inviting: a claim may arrive while the invitations go out.
        crate::cases::remember_routed(&case.room, &routed).await;
        // One record for every routed specialist, the next step's too, while the GP is the
        // only member: the homeserver's later invitations count only with it.
        case.vouch_for(&routed).await?;
        // One invitation failing (an account closed since the rota was made) does not keep
        // the request from the others; it fails only if nobody could be invited.
        let mut invited = Vec::new();
        let mut failed = Vec::new();
        let mut first_error = None;
        for expert in &experts {
            match case.invite_routed(expert).await {
                Ok(()) => invited.push(expert.clone()),
                Err(e) => {
                    warn!(room_id = %case.room_id(), "a routed specialist could not be invited");
                    failed.push(expert.clone());
                    first_error.get_or_insert(e);
                }
            }
        }
        if let (true, Some(e)) = (invited.is_empty(), first_error) {
            return Err(e.into());
        }
        let brief = super::brief::brief_of(case.room_id(), &brief_header, &status);
        // Those out of reach now are invited again while the request waits.
        super::reinvite::invite_again_later(case.clone(), brief.clone(), failed);
        if let Some(brief) = brief {
            super::brief::send_brief(&case.room.client(), &brief, &invited).await;
            super::brief::send_again_later(case.room.clone(), brief.clone(), invited.clone());
            if let Some((window_end, next_step)) = plan {
                match self
                    .schedule_next_step(&case, &brief, window_end, next_step)
                    .await
                {
                    // Ahead of the invitation: their devices keep it unshown until then.
                    Ok(_) => {
                        super::brief::send_brief(&case.room.client(), &brief, &next).await;
                    }
                    Err(e) => {
                        warn!(room_id = %case.room_id(), "next routing step not scheduled: {}", e.code());
                    }
                }
            }
        }
        info!(
            room_id = %case.room_id(),
            invited = invited.len(),
            routed = experts.len(),
            "télé-expertise request opened"
        );
        Ok(case)
    }
}

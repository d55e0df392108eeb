//! The CPTS and the télé-expertise workflow: directory, duty rota, requests routed to the
//! specialist on duty, first acceptance wins, structured advice, deadlines, local report.

use std::sync::Arc;

use innomed_core::{self as core, cpts as core_cpts};

use crate::{
    cases::{CaseRoom, CaseSummary},
    client::Client,
    convert::{mirror_enum, Advice, CaseHeader, Urgency},
    cpts_errors::CptsError,
    platform::run,
};

mirror_enum!(
    /// A member's profession.
    Profession { Physician, Nurse, Pharmacist, Physiotherapist, Midwife, Dentist }
);
mirror_enum!(
    /// A day of the week (Paris time).
    Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday }
);
mirror_enum!(
    /// Where a request stands against its deadline.
    DeadlineState { OnTime, DueSoon, Overdue, Done }
);
mirror_enum!(
    /// Which requests to list.
    RequestFilter { Open, Overdue, Answered }
);

/// One row of the CPTS directory.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct MemberEntry {
    pub user_id: String,
    pub display_name: String,
    pub profession: Profession,
    /// Specialty codes (`dermatology`…); labels from [`specialties`].
    pub specialties: Vec<String>,
    pub rpps: String,
    pub retired: bool,
}

impl From<core::MemberEntry> for MemberEntry {
    fn from(m: core::MemberEntry) -> Self {
        Self {
            user_id: m.user_id.to_string(),
            display_name: m.display_name,
            profession: m.profession.into(),
            specialties: m.specialties,
            rpps: m.rpps.to_string(),
            retired: m.retired,
        }
    }
}

/// What the coordinator types to add a member (the RPPS is checked with its key).
#[derive(Clone, Debug, uniffi::Record)]
pub struct NewMember {
    pub display_name: String,
    pub profession: Profession,
    pub specialties: Vec<String>,
    pub rpps: String,
    pub retired: bool,
}

/// A weekly duty slot, in minutes after midnight Paris time (the end excluded, up to 1440).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct DutySlot {
    pub specialty: String,
    pub weekday: Weekday,
    pub start_minute: u16,
    pub end_minute: u16,
}

impl From<DutySlot> for core::DutySlot {
    fn from(s: DutySlot) -> Self {
        Self {
            specialty: s.specialty,
            weekday: s.weekday.into(),
            start_minute: s.start_minute,
            end_minute: s.end_minute,
        }
    }
}

/// A specialty of the fixed list, with its labels.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Specialty {
    pub code: String,
    pub label_fr: String,
    pub label_en: String,
}

/// The fixed list of French medical specialties.
#[uniffi::export]
pub fn specialties() -> Vec<Specialty> {
    core_cpts::SPECIALTIES
        .iter()
        .map(|s| Specialty {
            code: s.code.to_owned(),
            label_fr: s.fr.to_owned(),
            label_en: s.en.to_owned(),
        })
        .collect()
}

/// What a GP fills in to ask a specialist.
#[derive(Clone, Debug, uniffi::Record)]
pub struct TeleExpertiseRequest {
    pub specialty: String,
    pub urgency: Urgency,
    pub header: CaseHeader,
    /// The patient agreed to the télé-expertise (required).
    pub patient_consent: bool,
    /// A specialist picked from the directory, instead of whoever is on duty.
    pub expert: Option<String>,
    /// Photos sent with the request: the taker sees them, the other routed specialists never.
    pub photos: Vec<RequestPhoto>,
}

/// A photo attached when the request is opened (camera bytes; cleaned on the device).
#[derive(Clone, Debug, uniffi::Record)]
pub struct RequestPhoto {
    pub bytes: Vec<u8>,
    pub caption: Option<String>,
}

/// A request in a list, with its deadline state.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RequestSummary {
    pub case: CaseSummary,
    pub deadline: DeadlineState,
}

/// A reminder to show once.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct DeadlineAlert {
    pub room_id: String,
    pub code: String,
    pub state: DeadlineState,
    pub due_ms: u64,
}

/// The advice as received.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct GivenAdvice {
    pub advice: Advice,
    pub sender: String,
    pub timestamp_ms: u64,
}

/// Where the report was written on this device (never uploaded), and its JSON.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ClosedCase {
    pub json_path: String,
    pub pdf_path: String,
    pub report_json: String,
}

/// A CPTS space: directory, duty rota, requests.
#[derive(uniffi::Object)]
pub struct Cpts {
    cpts: core::Cpts,
}

impl Cpts {
    fn new(cpts: core::Cpts) -> Arc<Self> {
        Arc::new(Self { cpts })
    }
}

#[uniffi::export]
impl Cpts {
    pub fn space_id(&self) -> String {
        self.cpts.space_id().to_string()
    }

    pub fn name(&self) -> String {
        self.cpts.name()
    }

    /// Joined (else invited).
    pub fn is_joined(&self) -> bool {
        self.cpts.is_joined()
    }

    pub async fn join(&self) -> Result<(), CptsError> {
        let cpts = self.cpts.clone();
        Ok(run(async move { cpts.join().await }).await??)
    }

    /// Coordinator only: checks the entry, invites the member and writes the entry.
    pub async fn add_member(
        &self,
        user_id: String,
        member: NewMember,
    ) -> Result<MemberEntry, CptsError> {
        let cpts = self.cpts.clone();
        let new = core::NewMember {
            display_name: member.display_name,
            profession: member.profession.into(),
            specialties: member.specialties,
            rpps: member.rpps,
            retired: member.retired,
        };
        let entry = run(async move { cpts.add_member(&user_id, new).await }).await??;
        Ok(entry.into())
    }

    /// Coordinator only: a member's weekly slots (an empty list clears them).
    pub async fn set_duty(&self, user_id: String, slots: Vec<DutySlot>) -> Result<(), CptsError> {
        let cpts = self.cpts.clone();
        let slots = slots.into_iter().map(Into::into).collect();
        Ok(run(async move { cpts.set_duty(&user_id, slots).await }).await??)
    }

    /// Search by specialty code and part of a name (accents and case ignored).
    pub async fn search(
        &self,
        specialty: Option<String>,
        name: Option<String>,
    ) -> Result<Vec<MemberEntry>, CptsError> {
        let cpts = self.cpts.clone();
        let found =
            run(async move { cpts.search(specialty.as_deref(), name.as_deref()).await }).await??;
        Ok(found.into_iter().map(Into::into).collect())
    }

    /// Who is on duty now for this specialty.
    pub async fn on_duty_now(&self, specialty: String) -> Result<Vec<MemberEntry>, CptsError> {
        let cpts = self.cpts.clone();
        let found = run(async move { cpts.on_duty_now(&specialty).await }).await??;
        Ok(found.into_iter().map(Into::into).collect())
    }

    /// Opens a request, routed to the specialists on duty (or the one picked).
    pub async fn open_request(
        &self,
        request: TeleExpertiseRequest,
    ) -> Result<Arc<CaseRoom>, CptsError> {
        let cpts = self.cpts.clone();
        let request = core::TeleExpertiseRequest {
            specialty: request.specialty,
            urgency: request.urgency.into(),
            header: request.header.into(),
            patient_consent: request.patient_consent,
            expert: request.expert,
            photos: request
                .photos
                .into_iter()
                .map(|p| core::RequestPhoto {
                    source: core::PhotoSource::Bytes(p.bytes),
                    caption: p.caption,
                })
                .collect(),
        };
        let case = run(async move { cpts.open_request(request).await }).await??;
        Ok(CaseRoom::new(case))
    }

    /// A shared case for professionals of the directory; the coordinator is its only admin.
    pub async fn open_care_team(
        &self,
        header: CaseHeader,
        members: Vec<String>,
    ) -> Result<Arc<CaseRoom>, CptsError> {
        let cpts = self.cpts.clone();
        let header = header.into();
        let case = run(async move { cpts.open_care_team(header, &members).await }).await??;
        Ok(CaseRoom::new(case))
    }
}

#[uniffi::export]
impl Client {
    /// Creates a CPTS; this account becomes its coordinator.
    pub async fn create_cpts(&self, name: String) -> Result<Arc<Cpts>, CptsError> {
        let client = self.core().map_err(|_| CptsError::Closed)?;
        let cpts = run(async move { client.create_cpts(&name).await }).await??;
        Ok(Cpts::new(cpts))
    }

    /// A CPTS this account is in or invited to.
    pub fn cpts(&self, space_id: String) -> Result<Arc<Cpts>, CptsError> {
        let client = self.core().map_err(|_| CptsError::Closed)?;
        Ok(Cpts::new(client.cpts(&space_id)?))
    }

    /// Every CPTS this account is in or invited to.
    pub fn cpts_spaces(&self) -> Result<Vec<Arc<Cpts>>, CptsError> {
        let client = self.core().map_err(|_| CptsError::Closed)?;
        Ok(client.cpts_spaces().into_iter().map(Cpts::new).collect())
    }

    /// The télé-expertise requests this doctor is in, soonest due first.
    pub async fn requests(&self, filter: RequestFilter) -> Result<Vec<RequestSummary>, CptsError> {
        let client = self.core().map_err(|_| CptsError::Closed)?;
        let found = run(async move { client.requests(filter.into()).await }).await?;
        Ok(found
            .into_iter()
            .map(|r| RequestSummary {
                case: r.case.into(),
                deadline: r.deadline.into(),
            })
            .collect())
    }

    /// Reminders not shown yet (each deadline nearing, each deadline passed, once).
    pub async fn take_deadline_alerts(&self) -> Result<Vec<DeadlineAlert>, CptsError> {
        let client = self.core().map_err(|_| CptsError::Closed)?;
        let alerts = run(async move { client.take_deadline_alerts().await }).await?;
        Ok(alerts
            .into_iter()
            .map(|a| DeadlineAlert {
                room_id: a.room_id.to_string(),
                code: a.code,
                state: a.state.into(),
                due_ms: a.due_ms,
            })
            .collect())
    }
}

#[uniffi::export]
impl CaseRoom {
    /// Takes a request: the first acceptance wins; later ones are `AlreadyTaken`.
    pub async fn take_request(&self) -> Result<(), CptsError> {
        let case = self.case.clone();
        Ok(run(async move { case.take_request().await }).await??)
    }

    /// The specialist who took the request answers; the case becomes answered.
    pub async fn send_advice(&self, advice: Advice) -> Result<(), CptsError> {
        let case = self.case.clone();
        Ok(run(async move { case.send_advice(advice.into()).await }).await??)
    }

    /// The latest advice, decrypted.
    pub async fn advice(&self) -> Result<Option<GivenAdvice>, CptsError> {
        let case = self.case.clone();
        let given = run(async move { case.advice().await }).await??;
        Ok(given.map(|g| GivenAdvice {
            advice: g.advice.into(),
            sender: g.sender.to_string(),
            timestamp_ms: g.timestamp_ms,
        }))
    }

    /// The requesting GP closes an answered request: the report (JSON and PDF) is written into
    /// `directory` on this device, never uploaded.
    pub async fn close_with_report(
        &self,
        outcome: String,
        directory: String,
    ) -> Result<ClosedCase, CptsError> {
        let case = self.case.clone();
        let closed = run(async move {
            case.close_with_report(&outcome, std::path::Path::new(&directory))
                .await
        })
        .await??;
        let report_json = serde_json::to_string(&closed.report).map_err(|e| CptsError::Report {
            detail: e.to_string(),
        })?;
        Ok(ClosedCase {
            json_path: closed.json_path.display().to_string(),
            pdf_path: closed.pdf_path.display().to_string(),
            report_json,
        })
    }
}

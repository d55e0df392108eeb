//! The CPTS and the télé-expertise workflow: directory, duty rota, requests routed to the
//! specialist on duty, first acceptance wins, structured advice, deadlines, local report.

use std::sync::Arc;

use innomed_core::{
    cpts::SPECIALTIES, requests::GivenAdvice, Advice, CaseHeader, CptsError, DeadlineAlert,
    DutySlot, EntryEdit, MemberEntry, NewMember, RequestFilter, RequestSummary,
    TeleExpertiseRequest,
};

use crate::{cases::CaseRoom, client::Client, platform::on_core};

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
    SPECIALTIES
        .iter()
        .map(|s| Specialty {
            code: s.code.to_owned(),
            label_fr: s.fr.to_owned(),
            label_en: s.en.to_owned(),
        })
        .collect()
}

/// One member's weekly duty slots.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct MemberDuty {
    pub user_id: String,
    pub slots: Vec<DutySlot>,
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
    pub(crate) cpts: innomed_core::Cpts,
}

impl Cpts {
    fn new(cpts: innomed_core::Cpts) -> Arc<Self> {
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
        on_core!(self.cpts, |cpts| cpts.join())
    }

    /// The signed-in doctor coordinates this CPTS (may edit the directory and the rota).
    pub fn is_coordinator(&self) -> bool {
        self.cpts.is_coordinator()
    }

    /// Every member's weekly duty slots, as the space holds them.
    pub async fn rota(&self) -> Result<Vec<MemberDuty>, CptsError> {
        let rota = on_core!(self.cpts, |cpts| cpts.rota())?;
        Ok(rota
            .into_iter()
            .map(|(user_id, slots)| MemberDuty {
                user_id: user_id.to_string(),
                slots,
            })
            .collect())
    }

    /// Coordinator only: checks the entry, invites the member and writes the entry.
    pub async fn add_member(
        &self,
        user_id: String,
        member: NewMember,
    ) -> Result<MemberEntry, CptsError> {
        on_core!(self.cpts, |cpts| cpts.add_member(&user_id, member))
    }

    /// Coordinator only: corrects a member's name, specialties or retired flag (the RPPS number
    /// and the identity vouched for stay; slots in a specialty taken away leave the rota).
    pub async fn edit_member(
        &self,
        user_id: String,
        edit: EntryEdit,
    ) -> Result<MemberEntry, CptsError> {
        on_core!(self.cpts, |cpts| cpts.edit_member(&user_id, edit))
    }

    /// Coordinator only: vouches for a member's identity as it is now (after checking with
    /// them, e.g. once they changed phone or identity); adding a member attests them too.
    pub async fn attest(&self, user_id: String) -> Result<(), CptsError> {
        on_core!(self.cpts, |cpts| cpts.attest(&user_id))
    }

    /// Coordinator only: a member's weekly slots (an empty list clears them).
    pub async fn set_duty(&self, user_id: String, slots: Vec<DutySlot>) -> Result<(), CptsError> {
        on_core!(self.cpts, |cpts| cpts.set_duty(&user_id, slots))
    }

    /// Search by specialty code and part of a name (accents and case ignored).
    pub async fn search(
        &self,
        specialty: Option<String>,
        name: Option<String>,
    ) -> Result<Vec<MemberEntry>, CptsError> {
        on_core!(self.cpts, |cpts| cpts
            .search(specialty.as_deref(), name.as_deref()))
    }

    /// Who is on duty now for this specialty.
    pub async fn on_duty_now(&self, specialty: String) -> Result<Vec<MemberEntry>, CptsError> {
        on_core!(self.cpts, |cpts| cpts.on_duty_now(&specialty))
    }

    /// Opens a request, routed to the specialists on duty (or the one picked), with its
    /// photos; the case it returns is the one to show (and to send more into).
    pub async fn open_request(
        &self,
        request: TeleExpertiseRequest,
    ) -> Result<Arc<CaseRoom>, CptsError> {
        on_core!(self.cpts, |cpts| cpts.open_request(request)).map(CaseRoom::new)
    }

    /// A shared case for professionals of the directory; the coordinator is its only admin.
    pub async fn open_care_team(
        &self,
        header: CaseHeader,
        members: Vec<String>,
    ) -> Result<Arc<CaseRoom>, CptsError> {
        on_core!(self.cpts, |cpts| cpts.open_care_team(header, &members)).map(CaseRoom::new)
    }
}

#[uniffi::export]
impl Client {
    /// Creates a CPTS; this account becomes its coordinator.
    pub async fn create_cpts(&self, name: String) -> Result<Arc<Cpts>, CptsError> {
        on_core!(self.core_for_cpts()?, |c| c.create_cpts(&name)).map(Cpts::new)
    }

    /// A CPTS this account is in or invited to.
    pub fn cpts(&self, space_id: String) -> Result<Arc<Cpts>, CptsError> {
        self.core_for_cpts()?.cpts(&space_id).map(Cpts::new)
    }

    /// Every CPTS this account is in or invited to.
    pub fn cpts_spaces(&self) -> Result<Vec<Arc<Cpts>>, CptsError> {
        let spaces = self.core_for_cpts()?.cpts_spaces();
        Ok(spaces.into_iter().map(Cpts::new).collect())
    }

    /// The télé-expertise requests this doctor is in, soonest due first.
    pub async fn requests(&self, filter: RequestFilter) -> Result<Vec<RequestSummary>, CptsError> {
        Ok(on_core!(self.core_for_cpts()?, |c| c.requests(filter)))
    }

    /// Reminders not shown yet (each deadline nearing, each deadline passed, once).
    pub async fn take_deadline_alerts(&self) -> Result<Vec<DeadlineAlert>, CptsError> {
        Ok(on_core!(self.core_for_cpts()?, |c| c.take_deadline_alerts()))
    }
}

impl Client {
    pub(crate) fn core_for_cpts(&self) -> Result<innomed_core::InnomedClient, CptsError> {
        self.core()
            .map_err(|_| CptsError::Case(innomed_core::CaseError::Closed))
    }
}

#[uniffi::export]
impl CaseRoom {
    /// Takes a request: the first acceptance wins; later ones are `AlreadyTaken`.
    pub async fn take_request(&self) -> Result<(), CptsError> {
        on_core!(self.case, |case| case.take_request())
    }

    /// The specialist who took the request answers; the case becomes answered.
    pub async fn send_advice(&self, advice: Advice) -> Result<(), CptsError> {
        on_core!(self.case, |case| case.send_advice(advice))
    }

    /// The latest advice, decrypted.
    pub async fn advice(&self) -> Result<Option<GivenAdvice>, CptsError> {
        on_core!(self.case, |case| case.advice())
    }

    /// The requesting GP closes an answered request: the report (JSON and PDF) is written into
    /// `directory` on this device, never uploaded.
    pub async fn close_with_report(
        &self,
        outcome: String,
        directory: String,
    ) -> Result<ClosedCase, CptsError> {
        let closed = on_core!(self.case, |case| case
            .close_with_report(&outcome, std::path::Path::new(&directory)))?;
        let report_json =
            serde_json::to_string(&closed.report).map_err(|e| CptsError::Report(e.to_string()))?;
        Ok(ClosedCase {
            json_path: closed.json_path.display().to_string(),
            pdf_path: closed.pdf_path.display().to_string(),
            report_json,
        })
    }
}

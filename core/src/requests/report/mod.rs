//! Closing a télé-expertise with its report: written on the requesting GP's device (JSON and a
//! PDF for the patient record, DMP), never uploaded. Only the closure's outcome travels, in an
//! encrypted `fr.innomed.case.closure` event.

mod pdf;

use std::path::{Path, PathBuf};

use matrix_sdk::ruma::OwnedUserId;
use serde::Serialize;
use tracing::info;

use crate::private_file::{create_private_dir, write_private};

use crate::cpts::{
    error::{CptsError, Result},
    paris::ParisTime,
    rpps::Rpps,
    specialties::specialty,
};
use crate::{
    cases::{Advice, AgeBand, CaseClosureEventContent, CaseRoom, CaseStatus, InPerson, Sex},
    MessageKind, Urgency,
};

pub use pdf::{render as render_pdf, Block};

/// How long closing waits for the advice to be decrypted on this device.
const ADVICE_WAIT: std::time::Duration = std::time::Duration::from_secs(15);

/// NGAP act code of the requesting doctor's télé-expertise request.
pub const REQUESTER_ACT: &str = "RQD";
/// NGAP act code of the expert's télé-expertise.
pub const EXPERT_ACT: &str = "TE2";

/// One of the two doctors of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportDoctor {
    pub user_id: OwnedUserId,
    pub name: String,
    pub rpps: Rpps,
    pub act_code: String,
}

/// The report's content (its JSON is this structure).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub case_code: String,
    pub specialty: String,
    pub urgency: Urgency,
    pub patient_label: String,
    pub age_band: AgeBand,
    pub sex: Sex,
    pub reason: String,
    pub question: String,
    pub advice: Advice,
    pub outcome: String,
    pub requested_at_ms: u64,
    pub answered_at_ms: u64,
    pub closed_at_ms: u64,
    pub requester: ReportDoctor,
    pub expert: ReportDoctor,
}

/// Where the report went, and what it says.
#[derive(Clone, Debug)]
pub struct ClosedCase {
    pub report: Report,
    pub json_path: PathBuf,
    pub pdf_path: PathBuf,
}

impl CaseRoom {
    /// Closes an answered request (the requesting GP only): writes the report as JSON and PDF
    /// into `dir` on this device, then sends the encrypted closure and marks the case closed.
    pub async fn close_with_report(&self, outcome: &str, dir: &Path) -> Result<ClosedCase> {
        crate::cases::ensure_fits(&outcome)?;
        let own = self.room.own_user_id().to_owned();
        let status = self.fetch_status().await?.ok_or(CptsError::NotARequest)?;
        let Some(cpts_id) = status.cpts.clone() else {
            return Err(CptsError::NotARequest);
        };
        if crate::cases::creator_of(&self.room).as_ref() != Some(&own) {
            return Err(CptsError::NotAllowed);
        }
        // Answered, or accepted with the taker's advice still to be decrypted on this device (a
        // process that just started may not have seen it yet): the advice is looked for below.
        if !matches!(status.status, CaseStatus::Accepted | CaseStatus::Answered) {
            return Err(CptsError::WrongStatus);
        }
        // The expert is whoever made the first valid claim, whatever the status says.
        let expert_id = self.taker().await?.ok_or(CptsError::WrongStatus)?;
        self.ensure_encrypted().await?;
        let conversation = self
            .conversation()
            .await
            .map_err(|e| CptsError::Server(e.to_string()))?;
        let header = conversation
            .find_header()
            .await
            .ok_or(CptsError::NotARequest)?;
        // The advice may still be on its way to this device (its key arrives with it): wait a
        // little before saying there is none.
        let deadline = tokio::time::Instant::now() + ADVICE_WAIT;
        let (messages, advice, answered_at_ms) = loop {
            let messages = conversation.messages().await;
            let found = messages.iter().rev().find_map(|m| match &m.kind {
                MessageKind::Advice { advice } if m.sender == expert_id => {
                    Some(((**advice).clone(), m.timestamp_ms))
                }
                _ => None,
            });
            match found {
                Some((advice, at)) => break (messages, advice, at),
                // Not answered yet is a step too early; answered without the advice here is
                // an advice this device cannot read.
                None if tokio::time::Instant::now() >= deadline => {
                    return Err(match status.status {
                        CaseStatus::Answered => CptsError::NoAdvice,
                        _ => CptsError::WrongStatus,
                    })
                }
                None => tokio::time::sleep(std::time::Duration::from_millis(250)).await,
            }
        };
        let requested = messages
            .iter()
            .find(|m| matches!(m.kind, MessageKind::Header { .. }))
            .ok_or(CptsError::NotARequest)?;
        if requested.sender != own {
            return Err(CptsError::NotAllowed);
        }
        // One read of the directory for both doctors.
        let directory = self.client.cpts(cpts_id.as_str())?.directory().await?;
        let doctor = |user_id: OwnedUserId, act: &str| {
            let entry = directory
                .iter()
                .find(|m| m.user_id == user_id)
                .ok_or(CptsError::NotInDirectory)?;
            Ok::<_, CptsError>(ReportDoctor {
                name: entry.display_name.clone(),
                rpps: entry.rpps.clone(),
                act_code: act.to_owned(),
                user_id,
            })
        };
        let report = Report {
            case_code: self.code(),
            specialty: status.specialty.clone().unwrap_or_default(),
            urgency: status.urgency,
            patient_label: header.patient_label,
            age_band: header.age_band,
            sex: header.sex,
            reason: header.reason,
            question: header.question,
            advice,
            outcome: outcome.trim().to_owned(),
            requested_at_ms: requested.timestamp_ms,
            answered_at_ms,
            closed_at_ms: u64::try_from(self.client.now_ms()).unwrap_or_default(),
            requester: doctor(own, REQUESTER_ACT)?,
            expert: doctor(expert_id, EXPERT_ACT)?,
        };
        // An advice read here means the request was handed over; checked all the same before
        // anything is encrypted into it.
        self.ensure_writable().await?;
        let (json_path, pdf_path) = write_report(&report, dir)?;

        self.room
            .send(CaseClosureEventContent {
                outcome: report.outcome.clone(),
            })
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        let mut closed = status;
        closed.status = CaseStatus::Closed;
        self.write_status(&closed)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.room_id(), "case closed, report written on the device");
        Ok(ClosedCase {
            report,
            json_path,
            pdf_path,
        })
    }
}

/// Writes `<code>-compte-rendu.json` and `.pdf`, readable by this user only (a folder it
/// creates is too).
fn write_report(report: &Report, dir: &Path) -> Result<(PathBuf, PathBuf)> {
    let io = |e: std::io::Error| CptsError::Report(e.kind().to_string());
    create_private_dir(dir).map_err(io)?;
    let stem = format!("{}-compte-rendu", report.case_code);
    let json_path = dir.join(format!("{stem}.json"));
    let pdf_path = dir.join(format!("{stem}.pdf"));
    let json = serde_json::to_vec_pretty(report).map_err(|e| CptsError::Report(e.to_string()))?;
    write_private(&json_path, &json).map_err(io)?;
    write_private(&pdf_path, &render_pdf(&blocks(report))).map_err(io)?;
    Ok((json_path, pdf_path))
}

fn paris(ms: u64) -> String {
    ParisTime::from_unix_ms(i64::try_from(ms).unwrap_or_default()).format_fr()
}

fn field(label: &str, value: impl Into<String>) -> Block {
    Block::Field {
        label: label.to_owned(),
        value: value.into(),
    }
}

/// The PDF's text, in French.
pub(crate) fn blocks(report: &Report) -> Vec<Block> {
    let specialty_label = specialty(&report.specialty).map_or(report.specialty.as_str(), |s| s.fr);
    let urgency = match report.urgency {
        Urgency::Urgent => "urgente (24 h)",
        Urgency::Soon => "sous 48 h",
        Urgency::Routine => "programmée (7 jours)",
    };
    let sex = match report.sex {
        Sex::Female => "femme",
        Sex::Male => "homme",
        Sex::Other => "autre",
        Sex::Unknown => "non précisé",
    };
    let age = serde_json::to_value(report.age_band)
        .ok()
        .and_then(|v| v.as_str().map(ToOwned::to_owned))
        .unwrap_or_default();
    let in_person = match report.advice.in_person {
        InPerson::NotNeeded => "non nécessaire",
        InPerson::Routine => "oui, sans urgence",
        InPerson::Within48h => "oui, sous 48 h",
        InPerson::Urgent => "oui, en urgence",
    };
    let doctor = |d: &ReportDoctor| format!("{} — RPPS {} — acte {}", d.name, d.rpps, d.act_code);
    vec![
        Block::Title("Compte rendu de télé-expertise".to_owned()),
        field("Dossier", report.case_code.clone()),
        field("Spécialité", specialty_label),
        field("Urgence", urgency),
        Block::Heading("Demande".to_owned()),
        field(
            "Patient",
            format!("{} ({sex}, {age} ans)", report.patient_label),
        ),
        field("Motif", report.reason.clone()),
        field("Question", report.question.clone()),
        Block::Heading("Avis de l'expert".to_owned()),
        field("Analyse", report.advice.assessment.clone()),
        field("Conduite à tenir", report.advice.recommendation.clone()),
        field("Consultation en présentiel", in_person),
        field("Conclusion", report.outcome.clone()),
        Block::Heading("Dates".to_owned()),
        field("Demande", paris(report.requested_at_ms)),
        field("Réponse", paris(report.answered_at_ms)),
        field("Clôture", paris(report.closed_at_ms)),
        Block::Heading("Médecins".to_owned()),
        field("Requérant", doctor(&report.requester)),
        field("Requis (expert)", doctor(&report.expert)),
        Block::Paragraph(
            "Document établi sur l'appareil du médecin requérant, à verser au dossier du patient \
             (DMP). Il n'a pas été transmis au serveur de messagerie."
                .to_owned(),
        ),
    ]
}

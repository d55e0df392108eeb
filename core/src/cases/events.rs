//! The custom events of a case room. Their JSON is a wire format shared with every client of
//! every CPTS: the snapshot tests make any change a visible decision.
//!
//! - `fr.innomed.case.status` (state, readable by the homeserver): nothing identifying.
//! - `fr.innomed.case.header` (timeline, always encrypted): the patient and the question.

use matrix_sdk::ruma::events::{macros::EventContent, EmptyStateKey};
use serde::{Deserialize, Serialize};

/// The room type in `m.room.create` that marks a room as a case.
pub const CASE_ROOM_TYPE: &str = "fr.innomed.case";

/// The event type of the case status (room state).
pub const CASE_STATUS_TYPE: &str = "fr.innomed.case.status";

/// The event type of the encrypted case header.
pub const CASE_HEADER_TYPE: &str = "fr.innomed.case.header";

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    Answered,
    Closed,
}

/// How soon the requesting doctor needs an answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    #[default]
    Routine,
    Soon,
    Urgent,
}

/// `fr.innomed.case.status`: non-identifying metadata, kept in room state so the case list
/// works without decrypting anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.case.status", kind = State, state_key_type = EmptyStateKey)]
pub struct CaseStatusEventContent {
    pub status: CaseStatus,
    /// Requested specialty, as a code (`dermatology`, `cardiology`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<String>,
    #[serde(default)]
    pub urgency: Urgency,
    /// When the answer is due, in milliseconds since the Unix epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_ms: Option<u64>,
}

/// Age in bands, never a birth date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeBand {
    #[serde(rename = "0-1")]
    Infant,
    #[serde(rename = "2-11")]
    Child,
    #[serde(rename = "12-17")]
    Adolescent,
    #[serde(rename = "18-39")]
    YoungAdult,
    #[serde(rename = "40-64")]
    Adult,
    #[serde(rename = "65-79")]
    Senior,
    #[serde(rename = "80+")]
    Elderly,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    Other,
    Unknown,
}

/// `fr.innomed.case.header`: the clinical heart of a case. Only ever sent encrypted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.case.header", kind = MessageLike)]
pub struct CaseHeaderEventContent {
    /// A pseudonym or initials chosen by the GP, never the patient's full name.
    pub patient_label: String,
    pub age_band: AgeBand,
    pub sex: Sex,
    pub reason: String,
    pub question: String,
    /// Whether the patient agreed to photos being taken and shared with the specialist.
    pub photo_consent: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_wire_format() {
        let content = CaseStatusEventContent {
            status: CaseStatus::Open,
            specialty: Some("dermatology".into()),
            urgency: Urgency::Soon,
            due_ms: Some(1_700_000_000_000),
        };
        insta::assert_json_snapshot!(content, @r###"
        {
          "status": "open",
          "specialty": "dermatology",
          "urgency": "soon",
          "due_ms": 1700000000000
        }
        "###);
        let minimal: CaseStatusEventContent =
            serde_json::from_str(r#"{"status":"closed"}"#).expect("minimal status parses");
        assert_eq!(minimal.urgency, Urgency::Routine);
        assert_eq!(minimal.specialty, None);
    }

    #[test]
    fn header_wire_format() {
        let content = CaseHeaderEventContent {
            patient_label: "M.D.".into(),
            age_band: AgeBand::Adult,
            sex: Sex::Female,
            reason: "Lésion pigmentée".into(),
            question: "Exérèse ?".into(),
            photo_consent: true,
        };
        insta::assert_json_snapshot!(content, @r###"
        {
          "patient_label": "M.D.",
          "age_band": "40-64",
          "sex": "female",
          "reason": "Lésion pigmentée",
          "question": "Exérèse ?",
          "photo_consent": true
        }
        "###);
    }

    #[test]
    fn unknown_status_is_rejected() {
        assert!(serde_json::from_str::<CaseStatusEventContent>(r#"{"status":"lost"}"#).is_err());
    }
}

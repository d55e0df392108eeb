//! The custom events of a case room. Their JSON is a wire format shared with every client of
//! every CPTS: the snapshot tests make any change a visible decision.
//!
//! - `fr.innomed.case.status` (state, readable by the homeserver): nothing identifying.
//! - `fr.innomed.case.header` (timeline, always encrypted): the patient and the question.
//! - `fr.innomed.case.advice` (timeline, always encrypted): the specialist's structured answer.
//! - `fr.innomed.case.closure` (timeline, always encrypted): the outcome, at closure.
//! - `fr.innomed.case.claim` (state, one per specialist): "I take this request"; the first in
//!   the room's order wins.
//! - `fr.innomed.case.invitation` (timeline, always encrypted): whom a member's device invites,
//!   sent before the invitations; the homeserver can write membership events in a member's
//!   name, not an event encrypted by that member's signed device.

use matrix_sdk::ruma::{
    events::{macros::EventContent, EmptyStateKey},
    OwnedRoomId, OwnedUserId,
};
use serde::{Deserialize, Serialize};

/// The room type in `m.room.create` that marks a room as a case.
pub const CASE_ROOM_TYPE: &str = "fr.innomed.case";

/// The event type of the case status (room state).
pub const CASE_STATUS_TYPE: &str = "fr.innomed.case.status";

/// The event type of the encrypted case header.
pub const CASE_HEADER_TYPE: &str = "fr.innomed.case.header";

/// The event type of the specialist's encrypted advice.
pub const CASE_ADVICE_TYPE: &str = "fr.innomed.case.advice";

/// The event type of the encrypted closure.
pub const CASE_CLOSURE_TYPE: &str = "fr.innomed.case.closure";

/// The event type of the encrypted number a GP asks to be called back on (`requests::call_back`).
pub const CASE_CALL_BACK_TYPE: &str = "fr.innomed.case.call_back";

/// The event type of a member's encrypted record that they placed a call (no content).
pub const CASE_CALL_TYPE: &str = "fr.innomed.case.call";

/// The case's own events a conversation shows, judged by the case's rules.
pub const CASE_EVENT_TYPES: [&str; 5] = [
    CASE_HEADER_TYPE,
    CASE_ADVICE_TYPE,
    CASE_CLOSURE_TYPE,
    CASE_CALL_BACK_TYPE,
    CASE_CALL_TYPE,
];

/// The event type of a member's encrypted record of whom they invite.
pub const CASE_INVITATION_TYPE: &str = "fr.innomed.case.invitation";

/// The field of `m.room.create`'s content that makes a case believe an invitation only with
/// its inviter's encrypted record (cases created before it keep the older rule).
pub const SIGNED_INVITATIONS: &str = "fr.innomed.signed_invitations";

/// The event type of a specialist's claim on a télé-expertise request (room state).
pub const CASE_CLAIM_TYPE: &str = "fr.innomed.case.claim";

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CaseStatus {
    /// A case between colleagues who chose each other (or a shared care team).
    Open,
    /// A télé-expertise request waiting for a specialist on duty to take it.
    Requested,
    /// A specialist took the request.
    Accepted,
    Answered,
    Closed,
}

/// How soon the requesting doctor needs an answer: urgent (24 h), within 48 h (`soon`), or
/// routine (7 days, the legal limit of a télé-expertise).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi(name = "CaseStatusInfo"))]
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
    /// The CPTS space a télé-expertise request was routed through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpts: Option<OwnedRoomId>,
    /// The specialist who took the request (the homeserver sees who joined anyway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_by: Option<OwnedUserId>,
}

/// Age in bands, never a birth date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Sex {
    Female,
    Male,
    Other,
    Unknown,
}

/// `fr.innomed.case.header`: the clinical heart of a case. Only ever sent encrypted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.case.header", kind = MessageLike)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi(name = "CaseHeader"))]
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

/// Whether the specialist needs to see the patient in person, and how soon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum InPerson {
    NotNeeded,
    Routine,
    #[serde(rename = "within_48h")]
    Within48h,
    Urgent,
}

/// `fr.innomed.case.advice`: the specialist's structured answer. Only ever sent encrypted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.case.advice", kind = MessageLike)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi(name = "Advice"))]
pub struct CaseAdviceEventContent {
    pub assessment: String,
    pub recommendation: String,
    pub in_person: InPerson,
}

/// `fr.innomed.case.closure`: how the case ended. Only ever sent encrypted; the report itself
/// stays on the requesting doctor's device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.case.closure", kind = MessageLike)]
pub struct CaseClosureEventContent {
    pub outcome: String,
}

/// `fr.innomed.case.claim` (state key: the specialist's user id): empty, its place in the
/// room's order is what counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.case.claim", kind = State, state_key_type = OwnedUserId)]
pub struct CaseClaimEventContent {}

/// `fr.innomed.case.invitation`: the colleagues this member's device is about to invite. Only
/// ever sent encrypted, before the invitations it vouches for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.case.invitation", kind = MessageLike)]
pub struct CaseInvitationEventContent {
    pub invitees: Vec<OwnedUserId>,
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
            cpts: None,
            accepted_by: None,
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
    fn advice_wire_format() {
        let content = CaseAdviceEventContent {
            assessment: "Kératose séborrhéique".into(),
            recommendation: "Surveillance".into(),
            in_person: InPerson::Within48h,
        };
        insta::assert_json_snapshot!(content, @r###"
        {
          "assessment": "Kératose séborrhéique",
          "recommendation": "Surveillance",
          "in_person": "within_48h"
        }
        "###);
    }

    #[test]
    fn closure_and_claim_wire_format() {
        let closure = CaseClosureEventContent {
            outcome: "Patiente adressée en consultation".into(),
        };
        insta::assert_json_snapshot!(closure, @r###"
        {
          "outcome": "Patiente adressée en consultation"
        }
        "###);
        // A claim is empty: its state key names the specialist, its place in the room's
        // order is what counts.
        insta::assert_json_snapshot!(CaseClaimEventContent {}, @"{}");
    }

    #[test]
    fn invitation_record_wire_format() {
        let record = CaseInvitationEventContent {
            invitees: vec![
                "@dr.benali:cpts.test".try_into().expect("user id"),
                "@dr.roux:cpts.test".try_into().expect("user id"),
            ],
        };
        insta::assert_json_snapshot!(record, @r###"
        {
          "invitees": [
            "@dr.benali:cpts.test",
            "@dr.roux:cpts.test"
          ]
        }
        "###);
    }

    #[test]
    fn unknown_status_is_rejected() {
        assert!(serde_json::from_str::<CaseStatusEventContent>(r#"{"status":"lost"}"#).is_err());
    }
}

//! Opening a case: one request that creates an encrypted, invite-only room whose state holds
//! nothing identifying, then the encrypted header.

use crate::HeaderProblem;
use matrix_sdk::ruma::{
    api::client::room::{create_room, Visibility},
    events::{
        room::{
            encryption::RoomEncryptionEventContent,
            history_visibility::{HistoryVisibility, RoomHistoryVisibilityEventContent},
            join_rules::{JoinRule, RoomJoinRulesEventContent},
        },
        InitialStateEvent,
    },
    room::RoomType,
    serde::Raw,
};
use rand::Rng;
use tracing::info;

use super::{
    error::{CaseError, Result},
    events::{
        CaseHeaderEventContent, CaseStatus, CaseStatusEventContent, Urgency, CASE_CLAIM_TYPE,
        CASE_ROOM_TYPE, CASE_STATUS_TYPE, SIGNED_INVITATIONS,
    },
    CaseRoom,
};
use crate::InnomedClient;

/// What a GP fills in to open a case.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewCase {
    pub header: CaseHeaderEventContent,
    /// Requested specialty code (`dermatology`…), public to the homeserver.
    pub specialty: Option<String>,
    pub urgency: Urgency,
    /// Due date in milliseconds since the Unix epoch.
    pub due_ms: Option<u64>,
}

impl NewCase {
    pub(crate) fn validate_header(h: &CaseHeaderEventContent) -> Result<()> {
        if h.patient_label.trim().is_empty() {
            return Err(CaseError::InvalidHeader(HeaderProblem::NoPatientLabel));
        }
        if h.question.trim().is_empty() {
            return Err(CaseError::InvalidHeader(HeaderProblem::NoQuestion));
        }
        // The limits every client applies to what it receives (`case_event_from`).
        if h.patient_label.chars().count() > super::MAX_LABEL_CHARS {
            return Err(CaseError::InvalidHeader(HeaderProblem::PatientLabelTooLong));
        }
        if h.reason.chars().count() > super::MAX_FIELD_CHARS
            || h.question.chars().count() > super::MAX_FIELD_CHARS
        {
            return Err(CaseError::InvalidHeader(HeaderProblem::TextTooLong));
        }
        super::ensure_fits(h)
    }
}

/// Crockford-like alphabet without look-alikes (0/O, 1/I/L).
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The room name when it is a code `opaque_code` could have made, else a code made of the
/// room id's letters and digits.
pub(crate) fn checked_code(name: Option<&str>, room_id: &matrix_sdk::ruma::RoomId) -> String {
    if let Some(name) = name {
        let valid = name.len() == 9
            && name.starts_with("IM-")
            && name[3..].bytes().all(|b| ALPHABET.contains(&b));
        if valid {
            return name.to_owned();
        }
    }
    let letters: String = room_id
        .as_str()
        .chars()
        .skip(1)
        .take_while(|c| *c != ':')
        .filter(char::is_ascii_alphanumeric)
        .take(12)
        .collect();
    format!("IM-{}", letters.to_ascii_uppercase())
}

/// An opaque, non-identifying room name such as `IM-7K2QX9`.
pub(crate) fn opaque_code() -> String {
    let mut rng = rand::thread_rng();
    let code: String = (0..6)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect();
    format!("IM-{code}")
}

/// Who may invite colleagues into a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Inviters {
    /// Every member (a GP's case: the specialist may bring in a colleague).
    Members,
    /// The creator only (a coordinator's care team).
    Creator,
}

/// The preset's power levels, with the case's rules where the homeserver can hold them: only
/// the creator (100) writes the status, changes encryption, history or power levels, renames
/// or removes; any member may write a claim, under their own user id only (the homeserver
/// refuses a state key naming someone else). Whose claim counts, whose advice, closure and
/// header are believed is decided by every client (`rules.rs`). The `events` map replaces the
/// default one, so it restates every protective default.
fn power_levels(inviters: Inviters) -> Result<Raw<serde_json::Value>> {
    let invite = match inviters {
        Inviters::Members => 0,
        Inviters::Creator => 50,
    };
    let content = serde_json::json!({
        "invite": invite,
        "events": {
            CASE_STATUS_TYPE: 100,
            CASE_CLAIM_TYPE: 0,
            "m.room.encryption": 100,
            "m.room.history_visibility": 100,
            "m.room.power_levels": 100,
            "m.room.tombstone": 100,
            "m.room.server_acl": 100,
            "m.room.name": 50,
            "m.room.avatar": 50,
            "m.room.canonical_alias": 50,
            "m.room.topic": 50,
        }
    });
    Raw::new(&content).map_err(|e| CaseError::Server(e.to_string()))
}

impl InnomedClient {
    /// Opens a case room and sends its encrypted header. Returns once both are on the server.
    ///
    /// The specialty, the only free choice that lands in state the homeserver reads, must be a
    /// code of the fixed list ([`CaseError::UnknownSpecialty`] otherwise).
    pub async fn create_case(&self, new: NewCase) -> Result<CaseRoom> {
        if let Some(code) = &new.specialty {
            if crate::cpts::specialty(code).is_none() {
                return Err(CaseError::UnknownSpecialty);
            }
        }
        let status = CaseStatusEventContent {
            status: CaseStatus::Open,
            specialty: new.specialty.clone(),
            urgency: new.urgency,
            due_ms: new.due_ms,
            cpts: None,
            accepted_by: None,
        };
        self.create_case_with_status(new.header, status, Inviters::Members)
            .await
    }

    /// Opens a case room with this status (a télé-expertise request starts as `Requested`).
    pub(crate) async fn create_case_with_status(
        &self,
        header: CaseHeaderEventContent,
        status: CaseStatusEventContent,
        inviters: Inviters,
    ) -> Result<CaseRoom> {
        NewCase::validate_header(&header)?;
        let initial_state = vec![
            // Encryption is part of the creation: no event can ever be sent in clear.
            InitialStateEvent::with_empty_state_key(
                RoomEncryptionEventContent::with_recommended_defaults(),
            )
            .to_raw_any(),
            InitialStateEvent::with_empty_state_key(RoomHistoryVisibilityEventContent::new(
                HistoryVisibility::Shared,
            ))
            .to_raw_any(),
            InitialStateEvent::with_empty_state_key(RoomJoinRulesEventContent::new(
                JoinRule::Invite,
            ))
            .to_raw_any(),
            InitialStateEvent::with_empty_state_key(status.clone()).to_raw_any(),
        ];

        let mut creation_content = create_room::v3::CreationContent::new();
        creation_content.room_type = Some(RoomType::from(CASE_ROOM_TYPE));

        let mut request = create_room::v3::Request::new();
        request.name = Some(opaque_code());
        request.preset = Some(create_room::v3::RoomPreset::PrivateChat);
        request.visibility = Visibility::Private;
        request.initial_state = initial_state;
        request.power_level_content_override = Some(power_levels(inviters)?.cast_unchecked());
        // Immutable for the room's life: the homeserver cannot take the rule back later.
        let mut creation_content = serde_json::to_value(&creation_content)
            .map_err(|e| CaseError::Server(e.to_string()))?;
        creation_content[SIGNED_INVITATIONS] = serde_json::Value::Bool(true);
        request.creation_content = Some(
            Raw::new(&creation_content)
                .map_err(|e| CaseError::Server(e.to_string()))?
                .cast_unchecked(),
        );

        let room = self
            .client
            .create_room(request)
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        info!(room_id = %room.room_id(), "case created");
        // Not `CaseRoom::new`: sync may not have delivered the room's state yet, but this room
        // was just created as a case.
        let case = CaseRoom {
            client: self.clone(),
            room,
        };
        case.ensure_encrypted().await?;
        // Kept on this device from the start: its status is known offline too.
        case.cache_status(&status).await;
        case.remember_photo_consent(header.photo_consent).await;
        case.room
            .send(header)
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        Ok(case)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opaque_codes_carry_nothing_but_randomness() {
        let a = opaque_code();
        assert_eq!(a.len(), 9);
        assert!(a.starts_with("IM-"));
        assert!(a[3..]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()));
        assert_ne!(opaque_code(), opaque_code());
    }

    #[test]
    fn a_room_name_names_a_file_only_when_it_is_one_of_our_codes() {
        let room_id = matrix_sdk::ruma::RoomId::parse("!aB-c9/..:innomed.test").expect("room id");
        let code = opaque_code();
        assert_eq!(checked_code(Some(&code), &room_id), code);
        for hostile in [
            "../../.bashrc",
            "IM-ABC/EF",
            "Mme Dupont",
            "IM-\u{1b}[2J",
            "IM-ABCDEFG",
        ] {
            assert_eq!(
                checked_code(Some(hostile), &room_id),
                "IM-ABC9",
                "{hostile}"
            );
        }
        assert_eq!(checked_code(None, &room_id), "IM-ABC9");
    }
}

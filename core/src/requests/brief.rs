//! What a specialist a request is routed to reads before taking it: the brief.
//!
//! The case's history (patient label, photos, messages) goes only to the specialist who takes
//! the request (`cases::handover`). The others decide from the brief: specialty, urgency, due
//! date, age band, sex and the question. The GP's device sends it to each routed specialist's
//! devices signed by their owner, Olm-encrypted to each device (a to-device event), so the
//! homeserver carries it without reading it, and nobody else's device can decrypt it.
//!
//! A brief is believed only if it came encrypted from a device its sender signed, and only
//! from the doctor who opened the request (checked when it is read: it may arrive before the
//! invitation). It is kept in the encrypted store, per room and per sender, so a brief forged
//! by someone else cannot replace the requester's.

use matrix_sdk::{
    deserialized_responses::{EncryptionInfo, VerificationLevel, VerificationState},
    ruma::{
        events::{macros::EventContent, ToDeviceEvent},
        serde::Raw,
        OwnedRoomId, OwnedUserId, RoomId, UserId,
    },
    Client, RoomState,
};
use matrix_sdk_base::crypto::CollectStrategy;
use serde::{Deserialize, Serialize};
use tracing::{debug, info, warn};

use crate::cases::{AgeBand, CaseHeader, CaseRoom, CaseStatusEventContent, Sex, Urgency};
use crate::cpts::specialties::specialty;

/// `fr.innomed.request.brief`, sent to each device of a routed specialist. Only ever sent
/// Olm-encrypted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.request.brief", kind = ToDevice)]
pub struct RequestBriefEventContent {
    pub room_id: OwnedRoomId,
    pub specialty: String,
    pub urgency: Urgency,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_ms: Option<u64>,
    pub age_band: AgeBand,
    pub sex: Sex,
    pub question: String,
}

/// What a routed specialist reads of a request before taking it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RequestBrief {
    /// The GP who asked.
    pub requester: OwnedUserId,
    /// Specialty code from the fixed list.
    pub specialty: String,
    pub urgency: Urgency,
    pub due_ms: Option<u64>,
    pub age_band: AgeBand,
    pub sex: Sex,
    pub question: String,
}

fn store_key(room_id: &RoomId, sender: &UserId) -> Vec<u8> {
    format!("fr.innomed.brief:{room_id}:{sender}").into_bytes()
}

/// The brief of a request, from its header and status.
pub(crate) fn brief_of(
    room_id: &RoomId,
    header: &CaseHeader,
    status: &CaseStatusEventContent,
) -> Option<RequestBriefEventContent> {
    Some(RequestBriefEventContent {
        room_id: room_id.to_owned(),
        specialty: status.specialty.clone()?,
        urgency: status.urgency,
        due_ms: status.due_ms,
        age_band: header.age_band,
        sex: header.sex,
        question: header.question.clone(),
    })
}

/// Sends the brief to every device of `experts` that its owner signed. Returns the specialists
/// it reached (at least one device each).
pub(crate) async fn send_brief(
    client: &Client,
    brief: &RequestBriefEventContent,
    experts: &[OwnedUserId],
) -> Vec<OwnedUserId> {
    let Ok(content) = Raw::new(brief) else {
        return Vec::new();
    };
    let reached = send_to_devices(
        client,
        experts,
        "fr.innomed.request.brief",
        content.cast_unchecked(),
    )
    .await;
    info!(room_id = %brief.room_id, reached = reached.len(), "request brief sent");
    reached
}

/// Sends `content` Olm-encrypted to each device of each user that its owner signed; the users
/// reached on at least one device.
pub(super) async fn send_to_devices(
    client: &Client,
    users: &[OwnedUserId],
    event_type: &str,
    content: Raw<matrix_sdk::ruma::events::AnyToDeviceEventContent>,
) -> Vec<OwnedUserId> {
    let encryption = client.encryption();
    let mut reached = Vec::new();
    for user in users {
        let devices = devices_of(client, user).await;
        if devices.is_empty() {
            warn!(event_type, "no device known to send to");
            continue;
        }
        let count = devices.len();
        match encryption
            .encrypt_and_send_raw_to_device(
                devices.iter().collect(),
                event_type,
                content.clone(),
                CollectStrategy::IdentityBasedStrategy,
            )
            .await
        {
            Ok(failures) if failures.len() < count => reached.push(user.clone()),
            Ok(_) => warn!(event_type, "no signed device to send to"),
            Err(e) => warn!(event_type, "not sent to a device: {e}"),
        }
    }
    reached
}

/// A specialist's device drops a brief from a device it cannot tie to its owner's identity
/// yet (it fetches the GP's identity when the invitation shows up, which may be after the
/// brief arrived): the brief goes again a little later to those still invited, twice at most.
pub(crate) fn send_again_later(
    room: matrix_sdk::Room,
    brief: RequestBriefEventContent,
    experts: Vec<OwnedUserId>,
) {
    tokio::spawn(async move {
        for delay in BRIEF_RESENDS {
            tokio::time::sleep(delay).await;
            let mut still_invited = Vec::new();
            for expert in &experts {
                if let Ok(Some(member)) = room.get_member_no_sync(expert).await {
                    if *member.membership()
                        == matrix_sdk::ruma::events::room::member::MembershipState::Invite
                    {
                        still_invited.push(expert.clone());
                    }
                }
            }
            if still_invited.is_empty() {
                return;
            }
            send_brief(&room.client(), &brief, &still_invited).await;
        }
    });
}

/// When the brief goes again after the request was opened.
const BRIEF_RESENDS: [std::time::Duration; 2] = [
    std::time::Duration::from_secs(3),
    std::time::Duration::from_secs(20),
];

/// The devices of `user_id`, asking the homeserver for their keys when none is known yet
/// (a colleague this device never shared a room with), for a few seconds at most.
async fn devices_of(
    client: &Client,
    user_id: &UserId,
) -> Vec<matrix_sdk::encryption::identities::Device> {
    let encryption = client.encryption();
    let deadline = tokio::time::Instant::now() + DEVICES_WAIT;
    loop {
        match encryption.get_user_devices(user_id).await {
            Ok(devices) => {
                let devices: Vec<_> = devices.devices().collect();
                if !devices.is_empty() || tokio::time::Instant::now() >= deadline {
                    return devices;
                }
            }
            Err(e) => {
                debug!("devices of a routed specialist not read: {e}");
                if tokio::time::Instant::now() >= deadline {
                    return Vec::new();
                }
            }
        }
        let _ = encryption.request_user_identity(user_id).await;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// How long sending a brief waits for a routed specialist's devices to be known.
const DEVICES_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Receives briefs: kept if they came Olm-encrypted from a device its owner signed and are
/// well-formed; whether the sender is the requester is checked when read.
pub(crate) fn install(client: &Client) {
    client.add_event_handler(
        |event: ToDeviceEvent<RequestBriefEventContent>,
         encryption: Option<EncryptionInfo>,
         client: Client| async move {
            let Some(info) = encryption else {
                warn!("a request brief in clear: ignored");
                return;
            };
            if info.sender != event.sender || !signed(&info.verification_state) {
                warn!("a request brief from a device its owner did not sign: ignored");
                return;
            }
            if !well_formed(&event.content) {
                warn!(room_id = %event.content.room_id, "a malformed request brief: ignored");
                return;
            }
            let Ok(bytes) = serde_json::to_vec(&event.content) else {
                return;
            };
            let key = store_key(&event.content.room_id, &event.sender);
            if let Err(e) = client.state_store().set_custom_value(&key, bytes).await {
                warn!("request brief not kept: {e}");
                return;
            }
            info!(room_id = %event.content.room_id, "request brief received");
            // The case list redraws the row (an invitation that arrived before its brief).
            if let Some(room) = client.get_room(&event.content.room_id) {
                let _ = room
                    .update_and_save_room_info(|info| {
                        (info, matrix_sdk_base::RoomInfoNotableUpdateReasons::NONE)
                    })
                    .await;
            }
        },
    );
}

/// A to-device event must also come from a device this device knows (no `None` level).
pub(super) fn signed(state: &VerificationState) -> bool {
    crate::cases::signed_by_owner(state)
        && !matches!(
            state,
            VerificationState::Unverified(VerificationLevel::None(_))
        )
}

fn well_formed(brief: &RequestBriefEventContent) -> bool {
    specialty(&brief.specialty).is_some()
        && !brief.question.trim().is_empty()
        && brief.question.chars().count() <= crate::cases::MAX_FIELD_CHARS
}

impl CaseRoom {
    /// The brief of a request this specialist was routed to, from the doctor who opened it:
    /// what to decide on before taking it (the history comes once it is handed over). `None`
    /// for anything else, or while the brief has not arrived.
    pub async fn request_brief(&self) -> Option<RequestBrief> {
        let creator = crate::cases::creator_of(&self.room);
        let inviter = match self.room.state() {
            RoomState::Invited => self
                .room
                .invite_details()
                .await
                .ok()
                .and_then(|details| details.inviter)
                .map(|member| member.user_id().to_owned()),
            _ => None,
        };
        // Invited by someone else than the case's creator: no brief is believed.
        if let (Some(creator), Some(inviter)) = (&creator, &inviter) {
            if creator != inviter {
                return None;
            }
        }
        let requester = creator.or(inviter)?;
        let bytes = self
            .room
            .client()
            .state_store()
            .get_custom_value(&store_key(self.room_id(), &requester))
            .await
            .ok()??;
        let content: RequestBriefEventContent = serde_json::from_slice(&bytes).ok()?;
        if content.room_id != self.room_id() || !well_formed(&content) {
            return None;
        }
        Some(RequestBrief {
            requester,
            specialty: content.specialty,
            urgency: content.urgency,
            due_ms: content.due_ms,
            age_band: content.age_band,
            sex: content.sex,
            question: content.question,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brief(specialty: &str, question: &str) -> RequestBriefEventContent {
        RequestBriefEventContent {
            room_id: matrix_sdk::ruma::owned_room_id!("!r:innomed.test"),
            specialty: specialty.into(),
            urgency: Urgency::Routine,
            due_ms: Some(1),
            age_band: AgeBand::Adult,
            sex: Sex::Female,
            question: question.into(),
        }
    }

    #[test]
    fn a_brief_is_kept_only_when_well_formed() {
        assert!(well_formed(&brief("dermatology", "Lésion pigmentée ?")));
        assert!(!well_formed(&brief("astrology", "?")));
        assert!(!well_formed(&brief("dermatology", "  ")));
        let long = "x".repeat(crate::cases::MAX_FIELD_CHARS + 1);
        assert!(!well_formed(&brief("dermatology", &long)));
    }

    #[test]
    fn a_brief_from_an_unsigned_device_is_not_believed() {
        assert!(signed(&VerificationState::Verified));
        assert!(signed(&VerificationState::Unverified(
            VerificationLevel::UnverifiedIdentity
        )));
        assert!(!signed(&VerificationState::Unverified(
            VerificationLevel::UnsignedDevice
        )));
        assert!(!signed(&VerificationState::Unverified(
            VerificationLevel::MismatchedSender
        )));
    }

    #[test]
    fn the_brief_carries_no_patient_label() {
        let json = serde_json::to_value(brief("dermatology", "?")).expect("json");
        let keys: Vec<&str> = json
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys.len(),
            7,
            "room_id, specialty, urgency, due_ms, age_band, sex, question: {keys:?}"
        );
        assert!(!keys.contains(&"patient_label") && !keys.contains(&"reason"));
    }
}

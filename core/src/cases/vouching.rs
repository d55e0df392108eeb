//! Invitations a member's own device vouches for.
//!
//! A homeserver can write any membership event in a local member's name (its admin API's
//! `make_room_admin` invites an account of the admin's choosing "from" the case's creator), so
//! an invitation event proves nothing by itself. Before inviting, an Innomed device sends an
//! encrypted `fr.innomed.case.invitation` naming whom it invites: the homeserver cannot encrypt
//! in a member's name from a device that member signed. In a case created with
//! [`SIGNED_INVITATIONS`], every Innomed client believes an invitation made while its own doctor
//! was in the case only with such a record from the inviter (`rules::uninvited_members`).

use std::collections::HashSet;

use matrix_sdk::{
    deserialized_responses::RawAnySyncOrStrippedState,
    ruma::{events::StateEventType, OwnedUserId},
    Room,
};
use tracing::info;

use super::{
    error::Result,
    events::{CaseInvitationEventContent, CASE_INVITATION_TYPE, SIGNED_INVITATIONS},
    rules::signed_by_owner,
    CaseError, CaseRoom,
};

/// The records a device could read: (inviter, invitee), and whether some encrypted events
/// could not be decrypted (yet), among which a record may be.
#[derive(Debug, Default)]
pub(crate) struct Records {
    pub vouched: HashSet<(OwnedUserId, OwnedUserId)>,
    pub undecryptable: bool,
}

/// Whether this case was created to believe invitations only with their inviter's record.
pub(crate) async fn signs_invitations(room: &Room) -> bool {
    match room.get_state_event(StateEventType::RoomCreate, "").await {
        Ok(Some(RawAnySyncOrStrippedState::Sync(raw))) => raw
            .get_field::<serde_json::Value>("content")
            .ok()
            .flatten()
            .and_then(|content| content.get(SIGNED_INVITATIONS)?.as_bool())
            .unwrap_or(false),
        _ => false,
    }
}

impl CaseRoom {
    /// Sends this device's encrypted record of whom it is about to invite (cases created with
    /// signed invitations; nothing for older ones). Returns once the homeserver has it.
    pub(crate) async fn vouch_for(&self, invitees: &[OwnedUserId]) -> Result<()> {
        if invitees.is_empty() || !signs_invitations(&self.room).await {
            return Ok(());
        }
        let record = CaseInvitationEventContent {
            invitees: invitees.to_vec(),
        };
        self.room
            .send(record)
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        info!(room_id = %self.room_id(), count = invitees.len(), "invitation record sent");
        Ok(())
    }
}

/// The invitation records of the case this device can read, each from a device its sender
/// signed, in the homeserver's order.
pub(crate) async fn invitation_records(room: &Room) -> Result<Records, matrix_sdk::Error> {
    let mut records = Records::default();
    for event in super::rules::events_of_types(room, &["m.room.encrypted"]).await? {
        if event.kind.is_utd() {
            records.undecryptable = true;
            continue;
        }
        let Some(info) = event.encryption_info() else {
            continue;
        };
        if !signed_by_owner(&info.verification_state) {
            continue;
        }
        let raw = event.raw();
        if raw.get_field::<String>("type").ok().flatten().as_deref() != Some(CASE_INVITATION_TYPE) {
            continue;
        }
        let Ok(Some(content)) = raw.get_field::<CaseInvitationEventContent>("content") else {
            continue;
        };
        for invitee in content.invitees {
            records.vouched.insert((info.sender.clone(), invitee));
        }
    }
    Ok(records)
}

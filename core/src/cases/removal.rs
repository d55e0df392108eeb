//! Removing a colleague from a case. The room key is replaced before the next message, so what
//! is sent afterwards never reaches the removed doctor's devices; if they are invited again,
//! no history is shared with them, so the messages sent while they were out stay unreadable.

use matrix_sdk::ruma::{
    api::client::{
        membership::invite_user::v3::{InvitationRecipient, InviteUserId, Request},
        state::get_state_event_for_key,
    },
    events::{room::member::MembershipState, StateEventType},
    UserId,
};
use matrix_sdk::Room;
use tracing::{info, warn};

/// How long `remove` waits for sync to show the removal before replacing the key.
const REMOVAL_SYNC_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

use super::{error::Result, CaseError, CaseRoom};

impl CaseRoom {
    /// Removes a colleague from the case: the doctor who opened it only (`NotAllowed` for anyone
    /// else).
    pub async fn remove(&self, user_id: &str) -> Result<()> {
        let user_id =
            crate::account::parse_user_id(user_id).map_err(|_| CaseError::InvalidUserId)?;
        // The doctor who opened the case runs it (the homeserver refuses anyone else too).
        if super::creator_of(&self.room).as_deref() != Some(self.room.own_user_id()) {
            return Err(CaseError::NotAllowed);
        }
        if let Err(e) = self.room.kick_user(&user_id, None).await {
            // Removed already (a first try that sync had not confirmed): wait for sync again.
            let gone = matches!(
                e.client_api_error_kind(),
                Some(matrix_sdk::ruma::api::error::ErrorKind::Forbidden)
            ) && self.was_member(&user_id).await;
            if !gone {
                return Err(CaseError::from_sdk(&e));
            }
        }
        // Room keys go to the members in the local state: wait until sync has seen the removal
        // (bounded), so the next key is not shared with the removed doctor's devices. A key
        // replaced before that would go to them again: nothing is rotated, and the doctor is
        // told (the send queue rotates by itself once sync shows the removal).
        if !gone_locally(
            &self.room,
            std::slice::from_ref(&user_id),
            REMOVAL_SYNC_WAIT,
        )
        .await
        {
            warn!(room_id = %self.room_id(), "removal not synced yet; no key replaced");
            return Err(CaseError::RemovalNotConfirmed);
        }
        // The SDK would rotate on the next send anyway, seeing the member gone; do it now, so
        // no message can go out on the old key.
        self.room
            .discard_room_key()
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        info!(room_id = %self.room_id(), "colleague removed, room key replaced");
        Ok(())
    }

    /// Whether `user_id` was in this case before and left or was removed, as the homeserver
    /// has it now (the local state may not have synced the removal yet).
    pub(crate) async fn was_member(&self, user_id: &UserId) -> bool {
        matches!(
            membership_on_server(&self.room, user_id).await.as_deref(),
            Some("leave" | "ban")
        )
    }

    /// An invitation without the history bundle, for a colleague coming back.
    pub(crate) async fn invite_without_history(&self, user_id: &UserId) -> Result<()> {
        let request = Request::new(
            self.room.room_id().to_owned(),
            InvitationRecipient::UserId(InviteUserId::new(user_id.to_owned())),
        );
        self.room
            .client()
            .send(request)
            .await
            .map_err(|e| CaseError::from_sdk(&matrix_sdk::Error::Http(Box::new(e))))?;
        Ok(())
    }
}

/// Waits (bounded) until this device's state shows none of `users` invited or joined: room
/// keys go to the members in the local state, so only then can the next one miss them.
pub(crate) async fn gone_locally(
    room: &Room,
    users: &[matrix_sdk::ruma::OwnedUserId],
    wait: std::time::Duration,
) -> bool {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let mut still_in = false;
        for user in users {
            if let Ok(Some(member)) = room.get_member_no_sync(user).await {
                still_in |= matches!(
                    member.membership(),
                    MembershipState::Invite | MembershipState::Join
                );
            }
        }
        if !still_in {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// `user_id`'s membership in `room` as the homeserver has it now (`None` if it cannot say).
pub(crate) async fn membership_on_server(room: &Room, user_id: &UserId) -> Option<String> {
    let request = get_state_event_for_key::v3::Request::new(
        room.room_id().to_owned(),
        StateEventType::RoomMember,
        user_id.to_string(),
    );
    let response = room.client().send(request).await.ok()?;
    response
        .into_content()
        .deserialize_as_unchecked::<serde_json::Value>()
        .ok()?
        .get("membership")?
        .as_str()
        .map(ToOwned::to_owned)
}

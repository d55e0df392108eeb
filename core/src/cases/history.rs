//! Making sure an invited colleague can read the case history (MSC4268).
//!
//! The SDK shares the room keys as a "key bundle" when inviting, but the invitee only accepts
//! a bundle from a device it can verify through the inviter's cross-signing identity — which a
//! colleague who never shared a room with the inviter does not have yet when the bundle
//! arrives (matrix-rust-sdk issue 5770). Two halves close that gap:
//! - the invitee fetches the inviter's identity as soon as the invitation shows up, and again
//!   before accepting;
//! - the inviter remembers each invitation (in the encrypted store) and, once the colleague
//!   has joined, shares the history again. The SDK accepts a bundle from the inviter up to a
//!   day after joining, and the timeline decrypts the earlier messages then.

use std::{collections::BTreeSet, sync::Arc};

use matrix_sdk::{
    ruma::{
        api::error::ErrorKind,
        events::room::member::{
            MembershipState, OriginalSyncRoomMemberEvent, StrippedRoomMemberEvent,
        },
        RoomId, UserId,
    },
    Client, Room,
};
use tokio::sync::Mutex;
use tracing::{debug, info, warn};

const PENDING_KEY: &[u8] = b"fr.innomed.history_reshare";

/// Serialises updates of the pending set within this process.
#[derive(Clone, Default)]
pub(crate) struct HistorySharing {
    lock: Arc<Mutex<()>>,
}

impl HistorySharing {
    /// Registers the sync handlers of both halves on `client`.
    pub(crate) fn install(&self, client: &Client) {
        let this = self.clone();
        client.add_event_handler(move |event: OriginalSyncRoomMemberEvent, room: Room| {
            let this = this.clone();
            async move { this.on_member_event(event, room).await }
        });
        client.add_event_handler(|event: StrippedRoomMemberEvent, room: Room| async move {
            let own = room.own_user_id();
            if event.content.membership == MembershipState::Invite && event.state_key == own {
                fetch_identity(&room.client(), &event.sender).await;
            }
        });
    }

    /// Called after inviting `user_id`: share again once they have joined.
    pub(crate) async fn remember_invite(
        &self,
        client: &Client,
        room_id: &RoomId,
        user_id: &UserId,
    ) {
        let _guard = self.lock.lock().await;
        let mut pending = load(client).await;
        pending.insert(entry(room_id, user_id));
        save(client, &pending).await;
    }

    async fn on_member_event(&self, event: OriginalSyncRoomMemberEvent, room: Room) {
        if event.content.membership != MembershipState::Join {
            return;
        }
        let Ok(user_id) = UserId::parse(event.state_key.as_str()) else {
            return;
        };
        let key = entry(room.room_id(), &user_id);
        {
            let _guard = self.lock.lock().await;
            if !load(&room.client()).await.contains(&key) {
                return;
            }
        }
        // `invite_user_by_id` shares the history first, then sends the invitation, which the
        // homeserver refuses for a member who already joined: that refusal is expected.
        let shared = match room.invite_user_by_id(&user_id).await {
            Ok(()) => true,
            Err(e) => matches!(e.client_api_error_kind(), Some(ErrorKind::Forbidden)),
        };
        if shared {
            info!(room_id = %room.room_id(), "case history shared again with the colleague who joined");
            let _guard = self.lock.lock().await;
            let mut pending = load(&room.client()).await;
            pending.remove(&key);
            save(&room.client(), &pending).await;
        } else {
            warn!(room_id = %room.room_id(), "sharing the case history again failed; kept for later");
        }
    }
}

/// Downloads `user_id`'s cross-signing identity, so their key bundle can be verified.
pub(crate) async fn fetch_identity(client: &Client, user_id: &UserId) {
    if let Err(e) = client.encryption().request_user_identity(user_id).await {
        debug!("identity of the inviter not fetched: {e}");
    }
}

fn entry(room_id: &RoomId, user_id: &UserId) -> String {
    format!("{room_id} {user_id}")
}

async fn load(client: &Client) -> BTreeSet<String> {
    match client.state_store().get_custom_value(PENDING_KEY).await {
        Ok(Some(bytes)) => serde_json::from_slice(&bytes).unwrap_or_default(),
        _ => BTreeSet::new(),
    }
}

async fn save(client: &Client, pending: &BTreeSet<String>) {
    let bytes = serde_json::to_vec(pending).unwrap_or_default();
    if let Err(e) = client
        .state_store()
        .set_custom_value(PENDING_KEY, bytes)
        .await
    {
        warn!("pending history shares not saved: {e}");
    }
}

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
//!
//! The second share is for that same invitation only: a decline, a withdrawal, a removal or a
//! leave forgets it, and before sharing the room's history must show exactly this doctor's
//! invitation followed by the join (`rules::reshare_allowed`). The SDK's share goes with an
//! invitation request, which the homeserver refuses for a member who joined: that refusal is
//! expected only once the homeserver confirms the colleague is joined, anything else is an
//! error, and an invitation that went through (the colleague left meanwhile) is withdrawn.

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

use super::rules;
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
        let Ok(user_id) = UserId::parse(event.state_key.as_str()) else {
            return;
        };
        let key = entry(room.room_id(), &user_id);
        match event.content.membership {
            MembershipState::Join => {}
            MembershipState::Leave | MembershipState::Ban => {
                // Declined, withdrawn, removed or left: that invitation is over. The key bundle
                // sent with it holds the current room key, which goes on encrypting what is
                // sent next: replace it, or a colleague invited again later would read what
                // was written while they were out with the keys of the first invitation.
                if self.forget(&room, &key).await {
                    if let Err(e) = room.discard_room_key().await {
                        warn!(room_id = %room.room_id(), "room key not replaced after a decline: {e}");
                    }
                }
                return;
            }
            _ => return,
        }
        {
            let _guard = self.lock.lock().await;
            if !load(&room.client()).await.contains(&key) {
                return;
            }
        }
        match reshare(&room, &user_id).await {
            Reshare::Done => {
                info!(room_id = %room.room_id(), "case history shared again with the colleague who joined");
                self.forget(&room, &key).await;
            }
            Reshare::NotOwed => {
                info!(room_id = %room.room_id(), "no history shared: not this doctor's current invitation");
                self.forget(&room, &key).await;
            }
            Reshare::Failed => {
                warn!(room_id = %room.room_id(), "sharing the case history again failed; kept for later");
            }
        }
    }

    /// Drops a pending share; whether there was one.
    async fn forget(&self, room: &Room, key: &str) -> bool {
        let _guard = self.lock.lock().await;
        let mut pending = load(&room.client()).await;
        let removed = pending.remove(key);
        if removed {
            save(&room.client(), &pending).await;
        }
        removed
    }
}

enum Reshare {
    Done,
    NotOwed,
    Failed,
}

/// Shares the history again with `user_id`, if the room's history says it is owed.
async fn reshare(room: &Room, user_id: &UserId) -> Reshare {
    let events = match rules::history(room, &[rules::MEMBER_TYPE]).await {
        Ok(events) => events,
        Err(_) => return Reshare::Failed,
    };
    if !rules::reshare_allowed(room.own_user_id(), user_id, &events) {
        return Reshare::NotOwed;
    }
    // `invite_user_by_id` shares the history first, then sends the invitation.
    match room.invite_user_by_id(user_id).await {
        Ok(()) => {
            // The invitation went through: the colleague is not in the case any more.
            warn!(room_id = %room.room_id(), "the colleague had left: invitation withdrawn");
            let _ = room.kick_user(user_id, None).await;
            Reshare::NotOwed
        }
        Err(e) if matches!(e.client_api_error_kind(), Some(ErrorKind::Forbidden)) => {
            if super::removal::membership_on_server(room, user_id)
                .await
                .as_deref()
                == Some("join")
            {
                Reshare::Done
            } else {
                Reshare::Failed
            }
        }
        Err(_) => Reshare::Failed,
    }
}

/// Gives the whole history of a request to its taker, whom this doctor invited (without it) and
/// who joined. An error says why not yet.
pub(crate) async fn share_with_taker(room: &Room, taker: &UserId) -> Result<(), &'static str> {
    match reshare(room, taker).await {
        Reshare::Done => {
            info!(room_id = %room.room_id(), "case history shared with the request's taker");
            Ok(())
        }
        Reshare::NotOwed => Err("the taker is not a member this doctor invited"),
        Reshare::Failed => Err("the homeserver did not confirm the share"),
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

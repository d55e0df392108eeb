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
//! What is owed is kept in the encrypted store until done, and looked at again whenever a
//! case's membership changes (whatever part of sync carried it: sliding sync may skip the
//! member event in the timeline) and when sync starts, so a share owed while this doctor's app
//! was closed, killed or offline is made by its next run, for every colleague who joined.
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
        OwnedRoomId, OwnedUserId, RoomId, UserId,
    },
    Client, Room,
};

use super::rules;
use tokio::sync::Mutex;
use tracing::{debug, info, warn};

const PENDING_KEY: &[u8] = b"fr.innomed.history_reshare";

/// How often a running app looks again at what it still owes.
const RETRY_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Serialises updates of the pending set within this process.
#[derive(Clone, Default)]
pub(crate) struct HistorySharing {
    lock: Arc<Mutex<()>>,
    /// Serialises the shares themselves (network), apart from the set's updates.
    sharing: Arc<Mutex<()>>,
    /// The rooms with something owed, mirrored from the store so the watch reads no store.
    rooms: Arc<std::sync::Mutex<std::collections::HashSet<OwnedRoomId>>>,
    /// The membership watch, stopped when the account closes.
    watch: Arc<std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>>,
}

impl HistorySharing {
    /// Looks at every owed share: made for a colleague who joined, dropped for one who is out.
    /// Called when sync starts.
    pub(crate) async fn resume(&self, client: &Client) {
        self.settle_owed(client, None).await;
    }

    /// Settles what is owed, in `only` that case or in every one.
    async fn settle_owed(&self, client: &Client, only: Option<&RoomId>) {
        let pending = {
            let _guard = self.lock.lock().await;
            load(client).await
        };
        self.mirror(&pending);
        for key in pending {
            let Some((room_id, user_id)) = parse_entry(&key) else {
                self.forget_key(client, &key).await;
                continue;
            };
            if only.is_some_and(|only| only != room_id) {
                continue;
            }
            if let Some(room) = client.get_room(&room_id) {
                self.settle(&room, &user_id).await;
            }
        }
    }

    /// Watches membership changes of the cases with an owed share (beside the handlers, which
    /// see only member events in the timeline).
    fn watch(&self, client: &Client) {
        let this = self.clone();
        let client = client.clone();
        let mut updates = client.room_info_notable_update_receiver();
        let task = tokio::spawn(async move {
            let mut every = tokio::time::interval(RETRY_EVERY);
            every.tick().await;
            loop {
                tokio::select! {
                    update = updates.recv() => match update {
                        Ok(update) => {
                            if this.owes_in(&update.room_id) {
                                this.settle_owed(&client, Some(&update.room_id)).await;
                            }
                        }
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                            this.resume(&client).await;
                        }
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                    },
                    _ = every.tick() => {
                        if this.owes_any() {
                            this.resume(&client).await;
                        }
                    }
                }
            }
        });
        if let Ok(mut watch) = self.watch.lock() {
            *watch = Some(task);
        }
    }

    /// Whether anything is owed in `room_id`, as last loaded or saved (no store read).
    fn owes_in(&self, room_id: &RoomId) -> bool {
        self.rooms.lock().is_ok_and(|rooms| rooms.contains(room_id))
    }

    fn owes_any(&self) -> bool {
        self.rooms.lock().is_ok_and(|rooms| !rooms.is_empty())
    }

    /// Keeps the in-memory list of rooms with something owed in step with the store.
    fn mirror(&self, pending: &BTreeSet<String>) {
        if let Ok(mut rooms) = self.rooms.lock() {
            *rooms = pending
                .iter()
                .filter_map(|key| parse_entry(key).map(|(room_id, _)| room_id))
                .collect();
        }
    }

    /// The account is closing here: stop watching.
    pub(crate) fn stop(&self) {
        if let Some(task) = self.watch.lock().ok().and_then(|mut w| w.take()) {
            task.abort();
        }
    }

    /// Makes or drops one owed share, from the colleague's membership on the homeserver (sync
    /// may not have shown this device the join: sliding sync can skip member events).
    async fn settle(&self, room: &Room, user_id: &UserId) {
        match super::removal::membership_on_server(room, user_id)
            .await
            .as_deref()
        {
            Some("join") => self.share_owed(room, user_id).await,
            Some("leave" | "ban") => {
                // The key is replaced when sync shows the departure (the member handler and
                // the SDK do it): replaced before, the new one would still go to them.
                self.forget(room, &entry(room.room_id(), user_id)).await;
            }
            _ => {}
        }
    }

    /// Registers the sync handlers of both halves on `client`.
    pub(crate) fn install(&self, client: &Client) {
        self.watch(client);
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
        self.mirror(&pending);
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
        self.share_owed(&room, &user_id).await;
    }

    /// Shares the history with `user_id`, who joined, if it is still owed; kept if it fails.
    async fn share_owed(&self, room: &Room, user_id: &UserId) {
        let key = entry(room.room_id(), user_id);
        // One share at a time per process: the handler and the watch may see the same join.
        let _sharing = self.sharing.lock().await;
        {
            let _guard = self.lock.lock().await;
            if !load(&room.client()).await.contains(&key) {
                return;
            }
        }
        match reshare(room, user_id).await {
            Reshare::Done => {
                info!(room_id = %room.room_id(), "case history shared again with the colleague who joined");
                self.forget(room, &key).await;
            }
            Reshare::NotOwed => {
                info!(room_id = %room.room_id(), "no history shared: not this doctor's current invitation");
                self.forget(room, &key).await;
            }
            Reshare::Failed => {
                warn!(room_id = %room.room_id(), "sharing the case history again failed; kept for later");
            }
        }
    }

    async fn forget_key(&self, client: &Client, key: &str) {
        let _guard = self.lock.lock().await;
        let mut pending = load(client).await;
        if pending.remove(key) {
            save(client, &pending).await;
            self.mirror(&pending);
        }
    }

    /// Drops a pending share; whether there was one.
    async fn forget(&self, room: &Room, key: &str) -> bool {
        let _guard = self.lock.lock().await;
        let mut pending = load(&room.client()).await;
        let removed = pending.remove(key);
        if removed {
            save(&room.client(), &pending).await;
            self.mirror(&pending);
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

fn parse_entry(key: &str) -> Option<(OwnedRoomId, OwnedUserId)> {
    let (room_id, user_id) = key.split_once(' ')?;
    Some((RoomId::parse(room_id).ok()?, UserId::parse(user_id).ok()?))
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

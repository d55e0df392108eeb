//! The local copy of a CPTS space's state (directory, rota, who joined). Names on screens are
//! read from it without network, so it follows the homeserver: it is written each time the
//! space's state is read, refreshed when the space's directory, rota or membership changes in
//! sync, and read from the homeserver once (bounded) when a joined space has none yet.

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex, OnceLock},
    time::{Duration, Instant},
};

use matrix_sdk::{
    ruma::{
        api::client::state::get_state_events,
        events::{AnyStateEvent, AnySyncTimelineEvent},
        serde::Raw,
        OwnedRoomId,
    },
    Client, Room, RoomState,
};
use tracing::{debug, warn};

use super::{
    error::{CptsError, Result},
    DUTY_TYPE, MEMBER_TYPE,
};

/// How long a first read of a space's state may hold a name lookup.
const FIRST_READ: Duration = Duration::from_secs(3);

/// Changes arriving together are read once, this long after the first.
const COALESCE: Duration = Duration::from_millis(300);

/// A first read that failed (offline) is not tried again before this: names fall back to ids
/// meanwhile, and a list of invitations does not wait [`FIRST_READ`] per row.
const FIRST_READ_AGAIN: Duration = Duration::from_secs(60);

/// When a first read of each space was last tried.
fn first_reads() -> &'static Mutex<HashMap<OwnedRoomId, Instant>> {
    static TRIED: OnceLock<Mutex<HashMap<OwnedRoomId, Instant>>> = OnceLock::new();
    TRIED.get_or_init(Mutex::default)
}

fn key(room: &Room) -> Vec<u8> {
    format!("fr.innomed.cpts:{}", room.room_id()).into_bytes()
}

/// The space's whole state, from the homeserver.
pub(super) async fn fetch(room: &Room) -> Result<Vec<Raw<AnyStateEvent>>> {
    let request = get_state_events::v3::Request::new(room.room_id().to_owned());
    let response = room
        .client()
        .send(request)
        .await
        .map_err(CptsError::from_http)?;
    Ok(response.room_state)
}

pub(super) async fn keep(room: &Room, events: &[Raw<AnyStateEvent>]) {
    let Ok(bytes) = serde_json::to_vec(events) else {
        return;
    };
    if let Err(e) = room
        .client()
        .state_store()
        .set_custom_value(&key(room), bytes)
        .await
    {
        warn!(room_id = %room.room_id(), "CPTS copy not stored: {e}");
    }
}

pub(super) async fn load(room: &Room) -> Option<Vec<Raw<AnyStateEvent>>> {
    let bytes = room
        .client()
        .state_store()
        .get_custom_value(&key(room))
        .await
        .ok()??;
    serde_json::from_slice(&bytes).ok()
}

/// Reads the space's state and keeps it; a failure leaves the previous copy.
async fn refresh(room: &Room) {
    match fetch(room).await {
        Ok(events) => {
            keep(room, &events).await;
            super::identities::know_members(room, &events).await;
        }
        Err(e) => debug!(room_id = %room.room_id(), "CPTS copy not refreshed: {e}"),
    }
}

/// The copy, or for a joined space that has none yet (just joined), one read from the
/// homeserver within [`FIRST_READ`], tried again only after [`FIRST_READ_AGAIN`].
pub(super) async fn load_or_first_read(room: &Room) -> Option<Vec<Raw<AnyStateEvent>>> {
    if let Some(events) = load(room).await {
        return Some(events);
    }
    if room.state() != RoomState::Joined {
        return None;
    }
    let now = Instant::now();
    let due = first_reads().lock().is_ok_and(|mut tried| {
        let due = tried
            .get(room.room_id())
            .is_none_or(|at| now.duration_since(*at) >= FIRST_READ_AGAIN);
        if due {
            tried.insert(room.room_id().to_owned(), now);
        }
        due
    });
    if !due {
        return None;
    }
    let events = tokio::time::timeout(FIRST_READ, fetch(room))
        .await
        .ok()?
        .ok()?;
    keep(room, &events).await;
    Some(events)
}

/// Refreshes a space's copy when its directory, rota or membership changes.
pub(crate) fn install(client: &Client) {
    let pending: Arc<Mutex<HashSet<OwnedRoomId>>> = Arc::default();
    client.add_event_handler(move |event: Raw<AnySyncTimelineEvent>, room: Room| {
        let pending = pending.clone();
        async move {
            if !room.is_space() || room.state() != RoomState::Joined {
                return;
            }
            let event_type: Option<String> = event.get_field("type").ok().flatten();
            let is_state = event
                .get_field::<String>("state_key")
                .ok()
                .flatten()
                .is_some();
            let relevant = matches!(
                event_type.as_deref(),
                Some(t) if t == MEMBER_TYPE || t == DUTY_TYPE || t == "m.room.member"
            );
            if !is_state || !relevant {
                return;
            }
            let first = pending
                .lock()
                .is_ok_and(|mut p| p.insert(room.room_id().to_owned()));
            if first {
                tokio::spawn(async move {
                    tokio::time::sleep(COALESCE).await;
                    if let Ok(mut p) = pending.lock() {
                        p.remove(room.room_id());
                    }
                    refresh(&room).await;
                });
            }
        }
    });
}

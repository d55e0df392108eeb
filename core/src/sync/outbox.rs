//! Stopping the send queue without cutting a send in half.
//!
//! Disabling matrix-sdk's send queue only stops it from *starting* requests: one already on the
//! wire still completes, and once the homeserver accepted it the SDK writes the event into the
//! room's event cache. A process that ends meanwhile (a command-line run, an app the phone
//! kills) cancels that write half-way; an account closed and opened again in the same process
//! ends up with two event caches over one store, whose positions no longer agree (matrix-sdk
//! then panics on the next duplicate). [`stop_sending`] therefore waits, bounded, for what is
//! on the wire and for the event-cache write that follows it. Unsent messages stay queued for
//! the next start either way.

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use matrix_sdk::{
    ruma::OwnedRoomId,
    send_queue::{LocalEchoContent, RoomSendQueueUpdate},
    Client,
};
use tokio::sync::broadcast::error::RecvError;
use tracing::{debug, warn};

/// How long closing waits for a request already on the wire (offline, it fails sooner or later
/// on its own; its message stays queued).
const WIRE_WAIT: Duration = Duration::from_secs(10);
/// A send accepted this recently may still be writing to the event cache.
const RECENT: Duration = Duration::from_secs(5);

/// Rooms where the homeserver recently accepted a send, noted as the updates arrive.
#[derive(Clone, Default)]
pub(crate) struct RecentSends {
    rooms: Arc<Mutex<HashMap<OwnedRoomId, Instant>>>,
}

impl RecentSends {
    /// Follows the send queue of `client` for as long as the client lives.
    pub(crate) fn install(client: &Client) -> Self {
        let recent = Self::default();
        let mut updates = client.send_queue().subscribe();
        let noted = recent.clone();
        tokio::spawn(async move {
            loop {
                match updates.recv().await {
                    Ok(u) if matches!(u.update, RoomSendQueueUpdate::SentEvent { .. }) => {
                        noted.note(u.room_id)
                    }
                    Ok(_) | Err(RecvError::Lagged(_)) => {}
                    Err(RecvError::Closed) => return,
                }
            }
        });
        recent
    }

    fn note(&self, room_id: OwnedRoomId) {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        rooms.retain(|_, at| at.elapsed() < RECENT);
        rooms.insert(room_id, Instant::now());
    }

    fn rooms(&self) -> Vec<OwnedRoomId> {
        let rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        rooms
            .iter()
            .filter(|(_, at)| at.elapsed() < RECENT)
            .map(|(room, _)| room.clone())
            .collect()
    }
}

/// Disables the send queue, then waits until no request is on the wire and every accepted send
/// has been written to its room's event cache (bounded by [`WIRE_WAIT`]).
pub(crate) async fn stop_sending(client: &Client, recent: &RecentSends) {
    let queue = client.send_queue();
    let mut updates = queue.subscribe();
    // A room may have a request on the wire if its queue runs and one of its unsent requests
    // is not parked on an error (the queue skips parked ones and sends the next).
    let mut on_wire: HashSet<OwnedRoomId> = HashSet::new();
    if queue.is_enabled() {
        for (room_id, echoes) in queue.local_echoes().await.unwrap_or_default() {
            let running = client
                .get_room(&room_id)
                .is_some_and(|room| room.send_queue().is_enabled());
            let sendable = echoes.iter().any(|e| {
                !matches!(
                    &e.content,
                    LocalEchoContent::Event {
                        send_error: Some(_),
                        ..
                    }
                )
            });
            if running && sendable {
                on_wire.insert(room_id);
            }
        }
    }
    queue.set_enabled(false).await;

    let mut written: HashSet<OwnedRoomId> = recent.rooms().into_iter().collect();
    let waited = tokio::time::timeout(WIRE_WAIT, async {
        while !on_wire.is_empty() {
            match updates.recv().await {
                Ok(u) => match u.update {
                    RoomSendQueueUpdate::SentEvent { .. } => {
                        on_wire.remove(&u.room_id);
                        written.insert(u.room_id);
                    }
                    RoomSendQueueUpdate::SendError { .. }
                    | RoomSendQueueUpdate::CancelledLocalEvent { .. } => {
                        on_wire.remove(&u.room_id);
                    }
                    _ => {}
                },
                Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => return,
            }
        }
    })
    .await;
    if waited.is_err() {
        warn!(
            rooms = on_wire.len(),
            "closing with a request still on the wire"
        );
    }
    if written.is_empty() {
        return;
    }
    // The SDK announces a send before writing it to the event cache under the room's lock:
    // give it the moment to take that lock, then wait for the lock once.
    tokio::time::sleep(Duration::from_millis(50)).await;
    for room_id in &written {
        let Some(room) = client.get_room(room_id) else {
            continue;
        };
        if let Ok((cache, _handles)) = room.event_cache().await {
            let _ = cache.rfind_map_event_in_memory_by(|_| Some(())).await;
        }
    }
    debug!(
        rooms = written.len(),
        "sent events settled in the event cache"
    );
}

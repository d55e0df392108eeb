//! Rooms whose send queue this device holds back: someone nobody of the case invited is in
//! them, so what is queued must not be encrypted to them. Whatever the sync supervisor enables
//! again after a network failure, these stay paused until the case is clear.

use std::{
    collections::HashSet,
    sync::{Arc, Mutex, PoisonError},
};

use matrix_sdk::{ruma::OwnedRoomId, Client, Room};
use tracing::info;

#[derive(Clone, Debug, Default)]
pub(crate) struct Withheld(Arc<Mutex<HashSet<OwnedRoomId>>>);

impl Withheld {
    /// Pauses `room`'s send queue and keeps it paused.
    pub(crate) fn hold(&self, room: &Room) {
        let newly = self.lock().insert(room.room_id().to_owned());
        room.send_queue().set_enabled(false);
        if newly {
            info!(room_id = %room.room_id(), "send queue held: a member nobody invited");
        }
    }

    /// Lets `room`'s queue go again if it was held.
    pub(crate) fn release(&self, room: &Room) {
        if self.lock().remove(room.room_id()) {
            room.send_queue().set_enabled(true);
            info!(room_id = %room.room_id(), "send queue released");
        }
    }

    pub(crate) fn is_held(&self, room: &Room) -> bool {
        self.lock().contains(room.room_id())
    }

    /// Pauses the held rooms again after the whole queue was enabled.
    pub(crate) fn reapply(&self, client: &Client) {
        for room_id in self.lock().iter() {
            if let Some(room) = client.get_room(room_id) {
                room.send_queue().set_enabled(false);
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<OwnedRoomId>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

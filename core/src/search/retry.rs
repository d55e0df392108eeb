//! Events the index could not take yet, asked again.
//!
//! The event cache decrypts again when a room key arrives and says so, but it may miss a key
//! (its own documentation says as much), and it does not look again at an event decrypted
//! before its sender's device was known to be signed by its owner: the timeline asks for that
//! itself. The index does the same for what it keeps waiting: undecrypted events and events
//! whose sender's signature is not confirmed yet, per case, asked again after a delay that
//! doubles (2 s up to 5 min), and at once when a colleague's identity or devices change.

use std::{
    collections::{BTreeSet, HashMap},
    time::Duration,
};

use matrix_sdk::{event_cache::DecryptionRetryRequest, ruma::OwnedRoomId};
use tokio::time::Instant;
use tracing::debug;

const FIRST_DELAY: Duration = Duration::from_secs(2);
const LONGEST_DELAY: Duration = Duration::from_secs(300);

/// What one reading of a case left waiting.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Waiting {
    /// Sessions of events not decrypted yet.
    pub undecrypted: BTreeSet<String>,
    /// Sessions of events decrypted from a device not (yet) known as signed by its owner.
    pub unconfirmed: BTreeSet<String>,
    /// Events waiting for the case's rules (read again with the case, no request needed).
    pub rules: usize,
}

impl Waiting {
    pub fn count(&self) -> usize {
        self.undecrypted.len() + self.unconfirmed.len() + self.rules
    }
}

struct Entry {
    waiting: Waiting,
    due: Instant,
    delay: Duration,
}

/// The cases with events waiting, and when each is asked again.
#[derive(Default)]
pub(super) struct Retries {
    rooms: HashMap<OwnedRoomId, Entry>,
}

impl Retries {
    /// Records what a reading of the case left waiting (nothing: the case is dropped).
    pub fn record(&mut self, room_id: OwnedRoomId, waiting: Waiting, now: Instant) {
        if waiting.undecrypted.is_empty() && waiting.unconfirmed.is_empty() {
            self.rooms.remove(&room_id);
            return;
        }
        match self.rooms.get_mut(&room_id) {
            // Still the same wait: the delay that was running goes on.
            Some(entry) if entry.waiting == waiting => {}
            Some(entry) => entry.waiting = waiting,
            None => {
                self.rooms.insert(
                    room_id,
                    Entry {
                        waiting,
                        due: now + FIRST_DELAY,
                        delay: FIRST_DELAY,
                    },
                );
            }
        }
    }

    pub fn forget(&mut self, room_id: &str) {
        self.rooms.retain(|id, _| id.as_str() != room_id);
    }

    /// When the next case is due, if any waits.
    pub fn next_due(&self) -> Option<Instant> {
        self.rooms.values().map(|e| e.due).min()
    }

    /// Every waiting case becomes due now (a colleague's keys changed).
    pub fn all_due(&mut self, now: Instant) {
        for entry in self.rooms.values_mut() {
            entry.due = now;
        }
    }

    /// The requests of the cases due now; their next delay doubles.
    pub fn take_due(&mut self, now: Instant) -> Vec<DecryptionRetryRequest> {
        let mut requests = Vec::new();
        for (room_id, entry) in &mut self.rooms {
            if entry.due > now {
                continue;
            }
            entry.delay = (entry.delay * 2).min(LONGEST_DELAY);
            entry.due = now + entry.delay;
            debug!(
                %room_id,
                undecrypted = entry.waiting.undecrypted.len(),
                unconfirmed = entry.waiting.unconfirmed.len(),
                "search asks again for events it waits for"
            );
            requests.push(DecryptionRetryRequest {
                room_id: room_id.clone(),
                utd_session_ids: entry.waiting.undecrypted.clone(),
                refresh_info_session_ids: entry.waiting.unconfirmed.clone(),
            });
        }
        requests
    }
}

#[cfg(test)]
mod tests {
    use matrix_sdk::ruma::owned_room_id;

    use super::*;

    fn waiting(session: &str) -> Waiting {
        Waiting {
            undecrypted: BTreeSet::from([session.into()]),
            ..Waiting::default()
        }
    }

    #[test]
    fn a_waiting_case_is_asked_again_later_and_less_often() {
        let mut retries = Retries::default();
        let room = owned_room_id!("!case:example.org");
        let start = Instant::now();
        retries.record(room.clone(), waiting("s1"), start);
        assert!(retries.take_due(start).is_empty(), "not at once");
        let mut now = start + FIRST_DELAY;
        let requests = retries.take_due(now);
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].room_id, room);
        assert!(requests[0].utd_session_ids.iter().any(|s| s == "s1"));
        now += FIRST_DELAY;
        assert!(retries.take_due(now).is_empty(), "the delay doubled");
        now += FIRST_DELAY * 2;
        assert_eq!(retries.take_due(now).len(), 1);
        // The same wait read again keeps the running delay; a colleague's keys make it due.
        retries.record(room.clone(), waiting("s1"), now);
        assert!(retries.take_due(now).is_empty());
        retries.all_due(now);
        assert_eq!(retries.take_due(now).len(), 1);
        // Never less often than every five minutes.
        for _ in 0..20 {
            now += LONGEST_DELAY;
            assert_eq!(retries.take_due(now).len(), 1);
        }
    }

    #[test]
    fn a_case_with_nothing_left_to_ask_is_dropped() {
        let mut retries = Retries::default();
        let room = owned_room_id!("!case:example.org");
        let now = Instant::now();
        retries.record(room.clone(), waiting("s1"), now);
        let rules_only = Waiting {
            rules: 3,
            ..Waiting::default()
        };
        retries.record(room.clone(), rules_only, now);
        assert_eq!(retries.next_due(), None);
        retries.record(room.clone(), waiting("s2"), now);
        retries.forget(room.as_str());
        assert_eq!(retries.next_due(), None);
    }
}

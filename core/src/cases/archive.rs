//! The archive: a closed case put away from the main list, still searchable, back in the list
//! when a new message arrives or when the doctor restores it.
//!
//! Kept in the room's account data (`fr.innomed.archive`, the doctor's own, on every device of
//! theirs): whether the case is archived and when that was decided, so the latest decision wins
//! and a message newer than the archiving brings the case back. The homeserver learns that a
//! case was archived and when, nothing of the case.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
};

use matrix_sdk::{
    ruma::{events::RoomAccountDataEventType, serde::Raw, OwnedRoomId},
    Room, RoomState,
};
use serde::{Deserialize, Serialize};
use tracing::info;

use super::{error::Result, CaseError, CaseRoom, CaseStatus};
use crate::InnomedClient;

/// The room account data type of the archive.
pub const CASE_ARCHIVE_TYPE: &str = "fr.innomed.archive";

/// One archiving decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ArchiveMark {
    pub archived: bool,
    pub at_ms: u64,
}

/// Decisions made on this device, until sync brings them back from the homeserver.
#[derive(Clone, Default)]
pub(crate) struct Archives(Arc<RwLock<HashMap<OwnedRoomId, ArchiveMark>>>);

impl Archives {
    fn remember(&self, room: &Room, mark: ArchiveMark) {
        if let Ok(mut map) = self.0.write() {
            map.insert(room.room_id().to_owned(), mark);
        }
    }

    /// The latest decision about a case, from this device or synced.
    pub(crate) async fn mark_of(&self, room: &Room) -> Option<ArchiveMark> {
        let local = self
            .0
            .read()
            .ok()
            .and_then(|m| m.get(room.room_id()).copied());
        let synced = room
            .account_data(RoomAccountDataEventType::from(CASE_ARCHIVE_TYPE))
            .await
            .ok()
            .flatten()
            .and_then(|raw| raw.get_field::<ArchiveMark>("content").ok().flatten());
        match (local, synced) {
            (Some(a), Some(b)) => Some(if a.at_ms >= b.at_ms { a } else { b }),
            (a, b) => a.or(b),
        }
    }
}

/// Whether a case is archived now: archived, and nothing newer than the archiving arrived.
pub(crate) fn is_archived(mark: Option<ArchiveMark>, last_activity_ms: u64) -> bool {
    mark.is_some_and(|m| m.archived && last_activity_ms <= m.at_ms)
}

impl CaseRoom {
    /// Puts a closed case away from the main list (still searchable; back with a new message
    /// or [`restore`](Self::restore)).
    pub async fn archive(&self) -> Result<()> {
        if self.room.state() != RoomState::Joined {
            return Err(CaseError::NotAllowed);
        }
        let status = self.status().await?.map(|s| s.status);
        if status != Some(CaseStatus::Closed) {
            return Err(CaseError::NotClosed);
        }
        self.set_archived(true).await
    }

    /// Brings an archived case back to the main list.
    pub async fn restore(&self) -> Result<()> {
        self.set_archived(false).await
    }

    async fn set_archived(&self, archived: bool) -> Result<()> {
        let mark = ArchiveMark {
            archived,
            at_ms: u64::try_from(self.client.clock.now_ms()).unwrap_or(0),
        };
        let content = Raw::new(&mark)
            .map_err(|e| CaseError::Server(e.to_string()))?
            .cast_unchecked();
        self.room
            .set_account_data_raw(RoomAccountDataEventType::from(CASE_ARCHIVE_TYPE), content)
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        self.client.archives.remember(&self.room, mark);
        info!(room_id = %self.room.room_id(), archived, "case archive changed");
        Ok(())
    }
}

impl InnomedClient {
    /// Archives every closed case with no activity for `days` days; returns how many.
    pub async fn archive_closed_older_than(&self, days: u32) -> Result<u32> {
        let cutoff = self
            .clock
            .now_ms()
            .saturating_sub(i64::from(days) * 24 * 3600 * 1000);
        let mut archived = 0;
        for summary in self.case_list().current().await {
            let last = summary.last_message.as_ref().map_or(0, |m| m.timestamp_ms);
            let idle = i64::try_from(last).unwrap_or(i64::MAX) <= cutoff;
            if summary.status == Some(CaseStatus::Closed) && idle {
                self.case(summary.room_id.as_str())?.archive().await?;
                archived += 1;
            }
        }
        Ok(archived)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_message_brings_an_archived_case_back() {
        let mark = Some(ArchiveMark {
            archived: true,
            at_ms: 1_000,
        });
        assert!(is_archived(mark, 999));
        assert!(is_archived(mark, 1_000));
        assert!(!is_archived(mark, 1_001));
        assert!(!is_archived(None, 0));
        let restored = Some(ArchiveMark {
            archived: false,
            at_ms: 2_000,
        });
        assert!(!is_archived(restored, 0));
    }
}

//! Muting a case: no phone of the doctor rings for it any more, on any of their devices.
//!
//! The homeserver decides which events it pushes, from the account's push rules: muting adds
//! the room's "don't notify" override rule (through the SDK's notification settings), so the
//! server stops waking the doctor's phones for the case, and every device reads the rule from
//! account data and shows the case as muted. Nothing else changes: the case stays in the list
//! with its unread count, its deadline and its reminders (a request the doctor took is still
//! theirs to answer).

use matrix_sdk::{
    notification_settings::{IsEncrypted, IsOneToOne, NotificationSettings, RoomNotificationMode},
    ruma::RoomId,
};
use tokio::sync::OnceCell;
use tracing::{info, warn};

use super::{CaseError, CaseRoom, Result};
use crate::InnomedClient;

/// The account's notification settings, built once per signed-in client and kept up to date by
/// sync (the SDK's handler of push rules).
#[derive(Clone, Default)]
pub(crate) struct MuteSettings(std::sync::Arc<OnceCell<NotificationSettings>>);

impl std::fmt::Debug for MuteSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MuteSettings")
    }
}

impl InnomedClient {
    pub(crate) async fn notification_settings(&self) -> &NotificationSettings {
        self.mute
            .0
            .get_or_init(|| self.client.notification_settings())
            .await
    }

    /// Whether the doctor muted this case (read from the account's push rules, no network).
    pub(crate) async fn is_muted(&self, room_id: &RoomId) -> bool {
        self.notification_settings()
            .await
            .get_user_defined_room_notification_mode(room_id)
            .await
            == Some(RoomNotificationMode::Mute)
    }
}

impl CaseRoom {
    /// Whether this case is muted on the doctor's account.
    pub async fn is_muted(&self) -> bool {
        self.client.is_muted(self.room_id()).await
    }

    /// Mutes the case (`true`) or lets it notify again (`false`), on every device of the doctor.
    /// Needs the homeserver: offline, [`CaseError::HomeserverUnreachable`] and nothing changes.
    pub async fn set_muted(&self, muted: bool) -> Result<()> {
        let settings = self.client.notification_settings().await;
        let room_id = self.room_id();
        let done = if muted {
            settings
                .set_room_notification_mode(room_id, RoomNotificationMode::Mute)
                .await
        } else {
            // A case is an encrypted room of several colleagues: unmuting goes back to the
            // account's default for those (or "all messages" if that default is muted).
            settings
                .unmute_room(room_id, IsEncrypted::Yes, IsOneToOne::No)
                .await
        };
        match done {
            Ok(()) => {
                info!(room_id = %room_id, muted, "case notifications set");
                Ok(())
            }
            Err(e) => {
                warn!(room_id = %room_id, muted, "case notifications not set: {e}");
                Err(self.why_push_rules_failed().await)
            }
        }
    }

    /// The SDK's notification settings report a failed push-rule request without its cause;
    /// one cheap authenticated request tells an unreachable homeserver from a refusal.
    async fn why_push_rules_failed(&self) -> CaseError {
        match self.client.client.whoami().await {
            Err(e) => CaseError::from_sdk(&matrix_sdk::Error::Http(Box::new(e))),
            Ok(_) => CaseError::Server("the notification settings were not saved".into()),
        }
    }
}

//! The coordinator's side of a request nobody took: the alerts the homeserver posted in the
//! CPTS space on the GP's behalf (`reroute.rs`), newest first; and, on the GP's device, the next
//! step sent at once when every routed specialist declined.

use matrix_sdk::{
    room::MessagesOptions,
    ruma::{
        events::room::member::{MembershipState, OriginalSyncRoomMemberEvent},
        OwnedUserId, UInt,
    },
    Room,
};
use tracing::debug;

use super::reroute::{self, AlertContent, UnansweredRequest, UNANSWERED_TYPE};
use crate::cpts::{
    error::{CptsError, Result},
    Cpts,
};

/// How many of the space's latest events are read for alerts.
const ALERTS_READ: u32 = 200;

impl Cpts {
    /// The requests of this CPTS nobody took within their window, newest first (the
    /// coordinator's screen; any member may read them, only the coordinator's apps show them).
    pub async fn unanswered_requests(&self) -> Result<Vec<UnansweredRequest>> {
        let mut options = MessagesOptions::backward();
        options.limit = UInt::from(ALERTS_READ);
        let messages = self
            .room
            .messages(options)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        let mut alerts = Vec::new();
        for event in messages.chunk {
            let raw = event.raw();
            if raw.get_field::<String>("type").ok().flatten().as_deref() != Some(UNANSWERED_TYPE) {
                continue;
            }
            let (Ok(Some(sender)), Ok(Some(content)), Ok(Some(ts))) = (
                raw.get_field::<OwnedUserId>("sender"),
                raw.get_field::<AlertContent>("content"),
                raw.get_field::<u64>("origin_server_ts"),
            ) else {
                debug!(room_id = %self.space_id(), "a malformed alert: ignored");
                continue;
            };
            if crate::cpts::specialty(&content.specialty).is_none() {
                continue;
            }
            alerts.push(UnansweredRequest {
                room_id: content.room_id,
                code: content.code.chars().take(32).collect(),
                specialty: content.specialty,
                urgency: content.urgency,
                requester: sender,
                next: content.next.into_iter().take(20).collect(),
                at_ms: ts,
            });
        }
        Ok(alerts)
    }
}

/// On the GP's device: when the last specialist of the first step declines, the next step goes
/// out now rather than at the end of the window.
pub(crate) fn install(client: &matrix_sdk::Client) {
    client.add_event_handler(
        |event: OriginalSyncRoomMemberEvent, room: Room| async move {
            if event.content.membership != MembershipState::Leave
                || crate::cases::creator_of(&room).as_deref() != Some(room.own_user_id())
            {
                return;
            }
            let Some(step) = reroute::planned(&room).await else {
                return;
            };
            let first_step: Vec<OwnedUserId> = crate::cases::routed_of(&room)
                .await
                .into_iter()
                .filter(|u| !step.specialists.contains(u))
                .collect();
            if first_step.is_empty() {
                return;
            }
            for user in &first_step {
                match room.get_member_no_sync(user).await {
                    Ok(Some(member))
                        if matches!(
                            member.membership(),
                            MembershipState::Leave | MembershipState::Ban
                        ) => {}
                    _ => return,
                }
            }
            reroute::send_next_step_now(&room).await;
        },
    );
}

//! A routed specialist whose homeserver could not be reached when the request opened (a partner
//! CPTS's server down, the network between them cut) is invited again by the GP's device while
//! the request waits for a taker: a few times, further apart each time, then the brief goes to
//! them as to the others. Once the request is taken, or handed over, nobody more is invited.
//! If the GP's device is off by then, the homeserver's next step still goes out (`reroute`).

use std::time::Duration;

use matrix_sdk::{ruma::OwnedUserId, Room};
use tracing::{info, warn};

use super::brief::{send_again_later, send_brief, RequestBriefEventContent};
use crate::cases::{CaseRoom, CaseStatus};

/// When the invitations that failed are tried again, after the request opened.
const AGAIN: [Duration; 6] = [
    Duration::from_secs(5),
    Duration::from_secs(15),
    Duration::from_secs(45),
    Duration::from_secs(120),
    Duration::from_secs(300),
    Duration::from_secs(600),
];

/// Whether the request still waits for its taker (no valid claim, nothing recorded).
async fn still_waiting(room: &Room) -> bool {
    let status = match crate::cases::fetch_status_of(room).await {
        Ok(Some(status)) => status,
        _ => return false,
    };
    if status.status != CaseStatus::Requested || status.accepted_by.is_some() {
        return false;
    }
    matches!(super::claim::first_claimant(room).await, Ok(None))
}

/// Invites `pending` again later, each until it succeeds, while the request waits.
pub(crate) fn invite_again_later(
    case: CaseRoom,
    brief: Option<RequestBriefEventContent>,
    mut pending: Vec<OwnedUserId>,
) {
    if pending.is_empty() {
        return;
    }
    // Holds the account only while it tries (a signed-out account is not kept open for it).
    let (weak, room) = (case.client.downgrade(), case.room);
    tokio::spawn(async move {
        for delay in AGAIN {
            tokio::time::sleep(delay).await;
            let Some(client) = weak.upgrade() else {
                return;
            };
            let case = CaseRoom {
                client,
                room: room.clone(),
            };
            if !still_waiting(&case.room).await {
                return;
            }
            let mut reached = Vec::new();
            let mut left = Vec::new();
            for user in pending {
                match case.invite_routed(&user).await {
                    Ok(()) => reached.push(user),
                    Err(_) => left.push(user),
                }
            }
            if !reached.is_empty() {
                info!(room_id = %case.room_id(), count = reached.len(), "routed specialists invited on a later try");
                if let Some(brief) = &brief {
                    send_brief(&case.room.client(), brief, &reached).await;
                    // Again a little later, as at opening: their device may drop the first
                    // before it knows the GP's identity.
                    send_again_later(room.clone(), brief.clone(), reached.clone());
                }
            }
            pending = left;
            if pending.is_empty() {
                return;
            }
        }
        warn!(room_id = %room.room_id(), count = pending.len(), "routed specialists never reached");
    });
}

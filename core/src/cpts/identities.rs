//! The identities of a CPTS's members, known to each member's device. A request's next step
//! sends its brief to specialists who may share no case with the GP yet (`requests::reroute`),
//! and the SDK drops an Olm message from a device it cannot tie to its owner's cross-signing
//! identity: so each device asks the homeserver for the identities of the space's joined
//! members it does not know, whenever it refreshes its copy of the space. Public keys only:
//! the homeserver serves them to any member already.

use std::collections::HashSet;

use matrix_sdk::{
    ruma::{events::AnyStateEvent, serde::Raw, OwnedUserId},
    Room,
};
use tracing::debug;

/// At most this many members are looked up per refresh.
const MAX_LOOKUPS: usize = 500;

/// Asks for the identities of the joined members of the space this device does not know yet.
pub(super) async fn know_members(room: &Room, events: &[Raw<AnyStateEvent>]) {
    let own = room.own_user_id().to_owned();
    let joined: HashSet<OwnedUserId> = events
        .iter()
        .filter(|raw| {
            raw.get_field::<String>("type").ok().flatten().as_deref() == Some("m.room.member")
                && raw
                    .get_field::<serde_json::Value>("content")
                    .ok()
                    .flatten()
                    .and_then(|c| c.get("membership")?.as_str().map(|m| m == "join"))
                    == Some(true)
        })
        .filter_map(|raw| raw.get_field::<OwnedUserId>("state_key").ok().flatten())
        .filter(|user| *user != own)
        .collect();
    let encryption = room.client().encryption();
    let mut looked_up = 0;
    for user in joined {
        if looked_up >= MAX_LOOKUPS {
            break;
        }
        if matches!(encryption.get_user_identity(&user).await, Ok(Some(_))) {
            continue;
        }
        looked_up += 1;
        if let Err(e) = encryption.request_user_identity(&user).await {
            debug!(room_id = %room.room_id(), "a member's identity not fetched: {e}");
        }
    }
    if looked_up > 0 {
        debug!(room_id = %room.room_id(), looked_up, "CPTS members' identities fetched");
    }
}

//! A CPTS's roster: the room that tells its partners' homeservers who its own members are.
//!
//! A partner's space lets this CPTS's members in without asking (join rule `knock_restricted`).
//! It cannot name this CPTS's space for that: the members of other partners who joined the
//! space to read it are members of it too, and would walk on into every partner of a partner.
//! It names the roster instead, a room nobody writes in, that the coordinator invites each
//! member of the directory into (when the first partner is declared, then as members are
//! added) and that members join before they first read a partner. The partners' coordinators
//! are invited too: a restricted join is vouched for by a homeserver that sits in the allowed
//! room, and the partner's homeserver has nobody else there.
//!
//! What stays open (ARCHITECTURE, "Partner CPTS"): a partner's coordinator, sitting in this
//! roster, could join the spaces of this CPTS's other partners.

use matrix_sdk::{
    ruma::{
        api::client::room::{create_room, Visibility},
        events::{
            room::{
                join_rules::{AllowRule, JoinRule, RoomJoinRulesEventContent},
                member::{MembershipState, StrippedRoomMemberEvent},
            },
            AnyStateEvent,
        },
        room::RoomType,
        serde::Raw,
        OwnedRoomId, OwnedServerName, OwnedUserId, RoomId, UserId,
    },
    Client, Room, RoomState,
};
use serde::{Deserialize, Serialize};
use tracing::{info, warn};

use super::{
    copy::fetch,
    error::{CptsError, Result},
    partners::{declared, Declared},
    Cpts,
};

/// The space's pointer to its roster (empty state key; believed only from the space's creator).
pub const ROSTER_TYPE: &str = "fr.innomed.cpts.roster";

/// How long a member who has just joined their roster waits before trying a partner's space
/// again, while the partner's homeserver hears of that join.
const JOINED_ROSTER_WAITS: [std::time::Duration; 3] = [
    std::time::Duration::from_millis(500),
    std::time::Duration::from_secs(1),
    std::time::Duration::from_secs(2),
];

/// The roster room's type (not a case, not a space: no list shows it).
const ROSTER_ROOM_TYPE: &str = "fr.innomed.cpts.roster";

#[derive(Serialize, Deserialize)]
struct RosterEventContent {
    room_id: OwnedRoomId,
}

/// The roster a space's creator named, from the space's state events.
pub(crate) fn roster_of(events: &[Raw<AnyStateEvent>]) -> Option<OwnedRoomId> {
    let creator = super::space::creator_in(events)?;
    events
        .iter()
        .filter(|raw| {
            raw.get_field::<String>("type").ok().flatten().as_deref() == Some(ROSTER_TYPE)
        })
        .filter(|raw| {
            raw.get_field::<String>("state_key")
                .ok()
                .flatten()
                .as_deref()
                == Some("")
        })
        .find(|raw| {
            raw.get_field::<OwnedUserId>("sender")
                .ok()
                .flatten()
                .as_ref()
                == Some(&creator)
        })
        .and_then(|raw| {
            raw.get_field::<RosterEventContent>("content")
                .ok()
                .flatten()
        })
        .map(|content| content.room_id)
}

fn roster_power_levels() -> Result<Raw<serde_json::Value>> {
    // Nobody writes in it and only the coordinator (its creator) invites or removes.
    let content = serde_json::json!({
        "users_default": 0,
        "events_default": 100,
        "state_default": 100,
        "invite": 100,
        "kick": 100,
        "ban": 100,
        "redact": 100,
    });
    Raw::new(&content).map_err(|e| CptsError::Server(e.to_string()))
}

/// Joins the roster a space's state names, when this account is not in it yet (it must have
/// been invited: the homeserver refuses anyone else); `true` when it joined it now.
async fn join_roster(client: &Client, events: &[Raw<AnyStateEvent>], via: OwnedServerName) -> bool {
    let Some(roster) = roster_of(events) else {
        return false;
    };
    if client
        .get_room(&roster)
        .is_some_and(|r| r.state() == RoomState::Joined)
    {
        return false;
    }
    match client
        .join_room_by_id_or_alias(<&matrix_sdk::ruma::RoomOrAliasId>::from(&*roster), &[via])
        .await
    {
        Ok(_) => {
            info!(room_id = %roster, "roster joined");
            true
        }
        Err(e) => {
            info!(room_id = %roster, "roster not joined: {}", CptsError::from_sdk(&e).code());
            false
        }
    }
}

fn is_coordinator_of(space: &Room) -> bool {
    crate::cases::creator_of(space).as_deref() == Some(space.own_user_id())
}

/// Joins a partner's space to read it (as an invited coordinator, or as a member of a CPTS it
/// lets in), after this account's own roster, which the partner's homeserver checks. `None`
/// when the partner refuses (it has not declared this CPTS) or cannot be reached.
pub(crate) async fn join_partner(
    client: &Client,
    own_space: &Room,
    partner: &RoomId,
    coordinator: &UserId,
) -> Option<Room> {
    if let Some(room) = client.get_room(partner) {
        if room.state() == RoomState::Joined {
            return Some(room);
        }
    }
    let own_server = own_space.own_user_id().server_name().to_owned();
    let just_joined = match fetch(own_space).await {
        Ok(events) => join_roster(client, &events, own_server.clone()).await,
        Err(_) => false,
    };
    let mut via: Vec<OwnedServerName> = vec![coordinator.server_name().to_owned()];
    if !via.contains(&own_server) {
        via.push(own_server);
    }
    // The partner's homeserver checks the roster as it knows it: a join it has not heard of
    // yet is tried again shortly.
    let mut waits = if just_joined {
        &JOINED_ROSTER_WAITS[..]
    } else {
        &[][..]
    };
    let room = loop {
        match client
            .join_room_by_id_or_alias(<&matrix_sdk::ruma::RoomOrAliasId>::from(partner), &via)
            .await
        {
            Ok(room) => break room,
            Err(e) => {
                info!(partner = %partner, "partner space not joined: {}", CptsError::from_sdk(&e).code());
                let (wait, rest) = waits.split_first()?;
                waits = rest;
                tokio::time::sleep(*wait).await;
            }
        }
    };
    // Marked as read-only for this account: not one of its CPTS in the lists.
    if let Err(e) = room
        .set_tag(super::partners::READER_TAG.into(), Default::default())
        .await
    {
        warn!(partner = %partner, "partner space not marked: {e}");
    }
    info!(partner = %partner, "partner space joined to read it");
    Some(room)
}

/// The join rule that lets the members of the declared partners in: `knock_restricted` naming
/// each partner's roster this coordinator can read (the CPTS's own professionals still ask), or
/// `knock` when there is none.
async fn allow_partners(client: &Client, own_space: &Room, partners: &[Declared]) -> Result<()> {
    let mut rosters = Vec::new();
    for partner in partners {
        let Some(room) = client.get_room(&partner.space) else {
            continue;
        };
        if room.state() != RoomState::Joined {
            continue;
        }
        if let Some(roster) = fetch(&room).await.ok().as_deref().and_then(roster_of) {
            rosters.push(roster);
        }
    }
    allow_rosters(own_space, rosters).await
}

/// Names `rosters` in the join rule (`knock` when there is none), unless it already does.
async fn allow_rosters(own_space: &Room, rosters: Vec<OwnedRoomId>) -> Result<()> {
    let rule = if rosters.is_empty() {
        JoinRule::Knock
    } else {
        let allow = rosters
            .into_iter()
            .map(AllowRule::room_membership)
            .collect();
        RoomJoinRulesEventContent::knock_restricted(allow).join_rule
    };
    if own_space.join_rule().as_ref() == Some(&rule) {
        return Ok(());
    }
    own_space
        .send_state_event(RoomJoinRulesEventContent::new(rule))
        .await
        .map_err(|e| CptsError::from_sdk(&e))?;
    info!(room_id = %own_space.room_id(), "partners' rosters allowed");
    Ok(())
}

/// Completes the partnerships a coordinator declared in `own_space`: joins the partners'
/// spaces and rosters it was invited to (its homeserver vouches for the partners' members here
/// from their rosters, which may come after their spaces), and names those rosters in the join
/// rule; each partner's state is read once for both.
async fn complete(client: &Client, own_space: &Room, partners: &[Declared]) -> Result<()> {
    let mut rosters = Vec::new();
    for partner in partners {
        let coordinator = &partner.coordinator;
        let Some(room) = join_partner(client, own_space, &partner.space, coordinator).await else {
            continue;
        };
        let Ok(events) = fetch(&room).await else {
            continue;
        };
        join_roster(client, &events, coordinator.server_name().to_owned()).await;
        rosters.extend(roster_of(&events));
    }
    allow_rosters(own_space, rosters).await
}

impl Cpts {
    /// This CPTS's roster (coordinator only), created on first need with every member of the
    /// directory invited.
    pub(crate) async fn ensure_roster(&self) -> Result<Room> {
        let events = self.fetch_state().await?;
        if let Some(id) = roster_of(&events) {
            // Its creator is in it; a device that has not synced it yet reads it by joining.
            return match self.client.client.get_room(&id) {
                Some(room) => Ok(room),
                None => self
                    .client
                    .client
                    .join_room_by_id(&id)
                    .await
                    .map_err(|e| CptsError::from_sdk(&e)),
            };
        }
        let mut creation = create_room::v3::CreationContent::new();
        creation.room_type = Some(RoomType::from(ROSTER_ROOM_TYPE));
        let mut request = create_room::v3::Request::new();
        request.preset = Some(create_room::v3::RoomPreset::PrivateChat);
        request.visibility = Visibility::Private;
        request.power_level_content_override = Some(roster_power_levels()?.cast_unchecked());
        request.creation_content =
            Some(Raw::new(&creation).map_err(|e| CptsError::Server(e.to_string()))?);
        let room = self
            .client
            .client
            .create_room(request)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        let pointer = RosterEventContent {
            room_id: room.room_id().to_owned(),
        };
        self.room
            .send_state_event_raw(
                ROSTER_TYPE,
                "",
                serde_json::to_value(&pointer).map_err(|e| CptsError::Server(e.to_string()))?,
            )
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.space_id(), roster = %room.room_id(), "CPTS roster created");
        let own = self.room.own_user_id();
        for member in super::space::parse_state(&events)?.directory {
            if member.user_id != own {
                invite(&room, &member.user_id).await;
            }
        }
        Ok(room)
    }

    /// Invites someone into this CPTS's roster, once there is one (coordinator only).
    pub(crate) async fn invite_to_roster(&self, user: &UserId) {
        if let Some(room) = self.roster().await {
            invite(&room, user).await;
        }
    }

    /// Removes a withdrawn partner's coordinator from this CPTS's roster.
    pub(crate) async fn remove_from_roster(&self, user: &UserId) {
        let Some(room) = self.roster().await else {
            return;
        };
        if let Err(e) = room
            .kick_user(user, Some("fr.innomed.partner.withdrawn"))
            .await
        {
            info!(room_id = %room.room_id(), "not removed from the roster: {}", CptsError::from_sdk(&e).code());
        }
    }

    async fn roster(&self) -> Option<Room> {
        let events = self.fetch_state().await.ok()?;
        roster_of(&events).and_then(|id| self.client.client.get_room(&id))
    }

    /// See [`allow_partners`].
    pub(crate) async fn allow_partners(&self, partners: &[Declared]) -> Result<()> {
        allow_partners(&self.client.client, &self.room, partners).await
    }

    /// See [`complete`] (coordinator only).
    pub(crate) async fn complete_partnerships(&self, partners: &[Declared]) -> Result<()> {
        complete(&self.client.client, &self.room, partners).await
    }
}

/// Invites `user` into a roster unless they are in it or invited already.
pub(super) async fn invite(room: &Room, user: &UserId) {
    if let Ok(Some(member)) = room.get_member_no_sync(user).await {
        if matches!(
            member.membership(),
            MembershipState::Join | MembershipState::Invite
        ) {
            return;
        }
    }
    if let Err(e) = room.invite_user_by_id(user).await {
        warn!(room_id = %room.room_id(), "not invited to the roster: {}", CptsError::from_sdk(&e).code());
    }
}

/// On a coordinator's devices: an invitation from a declared partner's coordinator (to their
/// space, then to their roster) completes the partnership at once, so the partner's members can
/// read this CPTS without waiting for the coordinator to open the app.
pub(crate) fn install(client: &Client) {
    client.add_event_handler(
        |event: StrippedRoomMemberEvent, room: Room, client: Client| async move {
            if event.content.membership != MembershipState::Invite
                || event.state_key != room.own_user_id()
            {
                return;
            }
            let inviter = event.sender;
            tokio::spawn(async move {
                let spaces = client.joined_rooms().into_iter().filter(|r| r.is_space());
                for space in spaces.filter(is_coordinator_of) {
                    let Ok(events) = fetch(&space).await else {
                        continue;
                    };
                    let partners = declared(&events);
                    if !partners.iter().any(|d| d.coordinator == inviter) {
                        continue;
                    }
                    if let Err(e) = complete(&client, &space, &partners).await {
                        warn!(room_id = %space.room_id(), "partnership not completed: {}", e.code());
                    }
                }
            });
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(events: serde_json::Value) -> Vec<Raw<AnyStateEvent>> {
        serde_json::from_value(events).expect("state events")
    }

    fn event(
        kind: &str,
        sender: &str,
        state_key: &str,
        content: serde_json::Value,
    ) -> serde_json::Value {
        serde_json::json!({
            "type": kind, "sender": sender, "state_key": state_key, "content": content,
            "event_id": "$e", "origin_server_ts": 1, "room_id": "!space:a.example",
        })
    }

    #[test]
    fn the_roster_is_believed_only_from_the_spaces_creator() {
        let create = event(
            "m.room.create",
            "@coord:a.example",
            "",
            serde_json::json!({}),
        );
        let pointer = |sender: &str, key: &str| {
            event(
                ROSTER_TYPE,
                sender,
                key,
                serde_json::json!({ "room_id": "!roster:a.example" }),
            )
        };
        let from_creator = state(serde_json::json!([create, pointer("@coord:a.example", "")]));
        assert_eq!(
            roster_of(&from_creator).map(|r| r.to_string()).as_deref(),
            Some("!roster:a.example")
        );
        // A member the power levels let write it by mistake, another state key, no creator.
        let forged = state(serde_json::json!([
            create,
            pointer("@member:a.example", "")
        ]));
        assert_eq!(roster_of(&forged), None);
        let keyed = state(serde_json::json!([
            create,
            pointer("@coord:a.example", "x")
        ]));
        assert_eq!(roster_of(&keyed), None);
        assert_eq!(
            roster_of(&state(serde_json::json!([pointer("@coord:a.example", "")]))),
            None
        );
    }

    #[test]
    fn roster_wire_format() {
        let content = RosterEventContent {
            room_id: matrix_sdk::ruma::owned_room_id!("!roster:a.example"),
        };
        insta::assert_json_snapshot!(content, @r###"
        {
          "room_id": "!roster:a.example"
        }
        "###);
    }
}

//! The rules of a case, decided on every device from the room's own history.
//!
//! Room events are not signed by their senders' devices and a member can send any event type
//! the power levels allow, so no Innomed client believes what an event claims to be. Each rule
//! is a pure function of the room's events in the homeserver's order (the same for every
//! member), so every client reaches the same answer, whether or not the requesting GP's device
//! is online:
//!
//! - the **creator** is the sender of `m.room.create`;
//! - a **claim** on a request counts only from a member the creator invited (a specialist the
//!   request was routed to or picked for), never from the creator. The **taker** is the one the
//!   creator's hand-over recorded in the status, once it did; until then the earliest valid
//!   claim by its homeserver's timestamp, then by event id. Not the room's order: homeservers
//!   of a federation order concurrent events differently, while a claim's timestamp and id are
//!   the same for everyone who reads it (see ARCHITECTURE.md, "First claim across servers");
//! - the **header** counts only from the creator, the first one wins;
//! - **advice** counts only from the taker, **closure** and the **status** only from the
//!   creator (the power levels make the homeserver refuse anyone else's status);
//! - the **history** is shared again after a join only with a colleague whose whole membership
//!   in the case is one invitation from this doctor followed by that join: never after a
//!   decline, a withdrawn invitation, a removal or a leave.
//!
//! Where the homeserver can enforce a rule it does (see `create::power_levels`); this module is
//! the half every client applies, including to rooms whose power levels are older.

use std::collections::HashSet;

use matrix_sdk::{
    deserialized_responses::TimelineEvent,
    room::MessagesOptions,
    ruma::{api::client::filter::RoomEventFilter, OwnedEventId, OwnedUserId, UInt, UserId},
    Room,
};

use super::events::{CASE_CLAIM_TYPE, CASE_STATUS_TYPE};

/// Why an Innomed event of a case is not believed. Shown with the event, never as its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Rejection {
    /// Only the doctor who opened the case writes its header and closes it.
    NotFromCreator,
    /// Only the specialist who took the request gives the advice.
    NotFromTaker,
    /// The case already has its header: a later one does not replace it.
    HeaderAlreadyGiven,
    /// The content does not follow the format (missing or unknown fields, oversized).
    Malformed,
}

/// One event of the room's history, reduced to what the rules read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HistoryEvent {
    pub event_id: Option<OwnedEventId>,
    pub event_type: String,
    pub sender: OwnedUserId,
    pub state_key: Option<String>,
    /// `membership` of an `m.room.member` event.
    pub membership: Option<String>,
    /// Whether the content is a JSON object (a redacted claim keeps `{}`, a forged one may not).
    pub has_content: bool,
    /// The sending homeserver's timestamp, signed with the event (0 when missing).
    pub origin_server_ts: u64,
    /// `accepted_by` of a case status: the taker the creator's hand-over recorded.
    pub accepted_by: Option<OwnedUserId>,
}

/// At most this many pages (50 events each) of a case's history are read for one decision:
/// a case has a handful of members and claims.
const MAX_PAGES: usize = 40;

pub(crate) const MEMBER_TYPE: &str = "m.room.member";

/// The room's events of these types, oldest first, as the homeserver orders them.
pub(crate) async fn history(
    room: &Room,
    types: &[&str],
) -> Result<Vec<HistoryEvent>, matrix_sdk::Error> {
    Ok(events_of_types(room, types)
        .await?
        .iter()
        .filter_map(|e| reduce(e.raw()))
        .collect())
}

/// The room's events of these server-side types (`m.room.encrypted` ones decrypted where this
/// device can), oldest first, read from the homeserver a page at a time, at most
/// [`MAX_PAGES`].
///
/// Read backwards from the latest event: a homeserver that joined the room late (a partner
/// CPTS's) holds only what happened since, and fetches the earlier events from the others
/// (backfill) when a client pages back past its first one, which reading forwards never does.
pub(crate) async fn events_of_types(
    room: &Room,
    types: &[&str],
) -> Result<Vec<TimelineEvent>, matrix_sdk::Error> {
    let mut events = Vec::new();
    let mut from: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let mut options = MessagesOptions::backward();
        options.filter = RoomEventFilter::default();
        options.filter.types = Some(types.iter().map(|t| (*t).to_owned()).collect());
        options.limit = UInt::from(50u32);
        options.from = from.clone();
        let page = room.messages(options).await?;
        events.extend(page.chunk);
        // An empty page is not the end; a missing `end` (or no progress) is.
        match page.end {
            Some(end) if from.as_ref() != Some(&end) => from = Some(end),
            _ => break,
        }
    }
    events.reverse();
    Ok(events)
}

fn reduce(
    raw: &matrix_sdk::ruma::serde::Raw<matrix_sdk::ruma::events::AnySyncTimelineEvent>,
) -> Option<HistoryEvent> {
    let event_type: String = raw.get_field("type").ok().flatten()?;
    let sender: OwnedUserId = raw.get_field("sender").ok().flatten()?;
    let state_key: Option<String> = raw.get_field("state_key").ok().flatten();
    let content: Option<serde_json::Value> = raw.get_field("content").ok().flatten();
    let membership = content
        .as_ref()
        .and_then(|c| c.get("membership")?.as_str().map(ToOwned::to_owned));
    let accepted_by = content
        .as_ref()
        .filter(|_| event_type == CASE_STATUS_TYPE)
        .and_then(|c| c.get("accepted_by")?.as_str())
        .and_then(|u| OwnedUserId::try_from(u).ok());
    Some(HistoryEvent {
        event_id: raw.get_field("event_id").ok().flatten(),
        event_type,
        sender,
        state_key,
        membership,
        has_content: content.as_ref().is_some_and(serde_json::Value::is_object),
        origin_server_ts: raw
            .get_field("origin_server_ts")
            .ok()
            .flatten()
            .unwrap_or(0),
        accepted_by,
    })
}

/// The doctor who opened the case: the sender of `m.room.create`.
pub(crate) fn creator(room: &Room) -> Option<OwnedUserId> {
    room.creators()?.into_iter().next()
}

/// The specialist who took the request, among the valid claims (from a member the creator
/// invited, under their own id, who is not the creator): the one the creator's hand-over
/// recorded in the status if it did; else the earliest by the claim's homeserver timestamp,
/// then event id, of the claimants the creator has not withdrawn (a claim that reached the
/// creator's device after it handed the request to another is out). Claims from anyone else
/// count for nothing.
pub(crate) fn taker(creator: &UserId, events: &[HistoryEvent]) -> Option<OwnedUserId> {
    let claims = valid_claims(creator, events);
    if let Some(recorded) = recorded(creator, events, &claims) {
        return Some(recorded);
    }
    claims
        .iter()
        .filter(|claim| !withdrawn_by(creator, &claim.sender, events))
        .min_by(|a, b| (a.origin_server_ts, &a.event_id).cmp(&(b.origin_server_ts, &b.event_id)))
        .map(|claim| claim.sender.clone())
}

/// Whether the last membership of `user` in the history is the creator's removal.
fn withdrawn_by(creator: &UserId, user: &UserId, events: &[HistoryEvent]) -> bool {
    events
        .iter()
        .rfind(|e| e.event_type == MEMBER_TYPE && e.state_key.as_deref() == Some(user.as_str()))
        .is_some_and(|last| {
            last.sender == creator && matches!(last.membership.as_deref(), Some("leave" | "ban"))
        })
}

/// The taker the creator's hand-over recorded, if it names a valid claimant: final for every
/// client, whatever claims arrive later from a slower homeserver.
pub(crate) fn recorded_taker(creator: &UserId, events: &[HistoryEvent]) -> Option<OwnedUserId> {
    recorded(creator, events, &valid_claims(creator, events))
}

fn recorded(
    creator: &UserId,
    events: &[HistoryEvent],
    claims: &[&HistoryEvent],
) -> Option<OwnedUserId> {
    events
        .iter()
        .filter(|e| e.event_type == CASE_STATUS_TYPE && e.sender == creator)
        .filter_map(|e| e.accepted_by.as_ref())
        .find(|user| claims.iter().any(|c| c.sender == **user))
        .cloned()
}

fn valid_claims<'a>(creator: &UserId, events: &'a [HistoryEvent]) -> Vec<&'a HistoryEvent> {
    let invited_by_creator: HashSet<&str> = events
        .iter()
        .filter(|e| {
            e.event_type == MEMBER_TYPE
                && e.membership.as_deref() == Some("invite")
                && e.sender == creator
        })
        .filter_map(|e| e.state_key.as_deref())
        .collect();
    events
        .iter()
        .filter(|event| {
            // The homeserver refuses a state key naming someone else than the sender;
            // checked again here for rooms on a server that would not.
            event.event_type == CASE_CLAIM_TYPE
                && event.state_key.as_deref() == Some(event.sender.as_str())
                && event.has_content
                && event.sender != creator
                && invited_by_creator.contains(event.sender.as_str())
        })
        .collect()
}

/// Whether `inviter` may share the case history again with `user` who just joined: their whole
/// membership in the case is one invitation from `inviter`, then that join. A decline, a
/// withdrawn invitation, a removal or a leave at any point means never.
pub(crate) fn reshare_allowed(inviter: &UserId, user: &UserId, events: &[HistoryEvent]) -> bool {
    let memberships: Vec<&HistoryEvent> = events
        .iter()
        .filter(|e| e.event_type == MEMBER_TYPE && e.state_key.as_deref() == Some(user.as_str()))
        .collect();
    matches!(
        memberships.as_slice(),
        [invite, join]
            if invite.membership.as_deref() == Some("invite")
                && invite.sender == inviter
                && join.membership.as_deref() == Some("join")
                && join.sender == user
    )
}

/// In a case that signs its invitations: this device's doctor, and the invitation records
/// this device could read (inviter, invitee).
pub(crate) struct Vouched<'a> {
    pub me: &'a UserId,
    pub records: &'a HashSet<(OwnedUserId, OwnedUserId)>,
}

/// Members who joined without an invitation from a trusted member of the case (a homeserver
/// admin's forced join, or whoever such a member let in): their words are never a colleague's.
///
/// With `vouched` (a case that signs its invitations), an invitation made while this device's
/// doctor was in the case counts only with the inviter's encrypted record naming the invitee:
/// the homeserver can write an invitation in a member's name, not that record. (Invitations
/// made before the doctor joined were judged by the members then, who hold their records.)
pub(crate) fn uninvited_members(
    creator: &UserId,
    events: &[HistoryEvent],
    vouched: Option<&Vouched<'_>>,
) -> Vec<OwnedUserId> {
    let mut joined: HashSet<&str> = HashSet::from([creator.as_str()]);
    let mut invited: HashSet<&str> = HashSet::new();
    let mut uninvited: Vec<OwnedUserId> = Vec::new();
    let mut me_in = false;
    for event in events.iter().filter(|e| e.event_type == MEMBER_TYPE) {
        let Some(user) = event.state_key.as_deref() else {
            continue;
        };
        let unrecorded = |sender: &UserId| {
            vouched.is_some_and(|v| {
                me_in
                    && UserId::parse(user)
                        .is_ok_and(|invitee| !v.records.contains(&(sender.to_owned(), invitee)))
            })
        };
        match event.membership.as_deref() {
            Some("invite")
                if joined.contains(event.sender.as_str()) && !unrecorded(&event.sender) =>
            {
                invited.insert(user);
            }
            Some("invite") => {
                // Invited by someone nobody vouches for: the invitation alone already gives
                // them room keys (history is shared with invitees), so they count as uninvited.
                if let Ok(user_id) = UserId::parse(user) {
                    if !uninvited.contains(&user_id) {
                        uninvited.push(user_id);
                    }
                }
            }
            Some("join") if invited.contains(user) || joined.contains(user) => {
                joined.insert(user);
            }
            Some("join") => {
                // Not trusted to invite others either: whoever they bring in is flagged too.
                if let Ok(user_id) = UserId::parse(user) {
                    if !uninvited.contains(&user_id) {
                        uninvited.push(user_id);
                    }
                }
            }
            Some("leave" | "ban") => {
                joined.remove(user);
                invited.remove(user);
            }
            _ => {}
        }
        if vouched.is_some_and(|v| v.me.as_str() == user) {
            me_in = event.membership.as_deref() == Some("join");
        }
    }
    uninvited
}

/// The membership events (invitations and joins) the rules have judged: a member whose current
/// membership event is not among them came in after the history was last read.
pub(crate) fn judged_memberships(events: &[HistoryEvent]) -> Vec<OwnedEventId> {
    events
        .iter()
        .filter(|e| e.event_type == MEMBER_TYPE)
        .filter(|e| matches!(e.membership.as_deref(), Some("invite" | "join")))
        .filter_map(|e| e.event_id.clone())
        .collect()
}

/// Whether an event decrypted on this device came from a device its owner signed, sent by
/// that owner: what the case view, its preview and its count accept from a colleague.
pub(crate) fn signed_by_owner(
    state: &matrix_sdk::deserialized_responses::VerificationState,
) -> bool {
    use matrix_sdk::deserialized_responses::{VerificationLevel, VerificationState};
    !matches!(
        state,
        VerificationState::Unverified(
            VerificationLevel::UnsignedDevice | VerificationLevel::MismatchedSender
        )
    )
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;

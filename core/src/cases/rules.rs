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
//!   request was routed to or picked for), never from the creator; the first such claim in the
//!   room's order names the **taker**;
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

use super::events::CASE_CLAIM_TYPE;

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
pub(crate) async fn events_of_types(
    room: &Room,
    types: &[&str],
) -> Result<Vec<TimelineEvent>, matrix_sdk::Error> {
    let mut events = Vec::new();
    let mut from: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let mut options = MessagesOptions::forward();
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
    Some(HistoryEvent {
        event_id: raw.get_field("event_id").ok().flatten(),
        event_type,
        sender,
        state_key,
        membership,
        has_content: content.as_ref().is_some_and(serde_json::Value::is_object),
    })
}

/// The doctor who opened the case: the sender of `m.room.create`.
pub(crate) fn creator(room: &Room) -> Option<OwnedUserId> {
    room.creators()?.into_iter().next()
}

/// The specialist who took the request: the first claim, in the room's order, from a member
/// the creator invited, who is not the creator. Claims from anyone else count for nothing.
pub(crate) fn taker(creator: &UserId, events: &[HistoryEvent]) -> Option<OwnedUserId> {
    let mut invited_by_creator: HashSet<&str> = HashSet::new();
    for event in events {
        match event.event_type.as_str() {
            MEMBER_TYPE
                if event.membership.as_deref() == Some("invite") && event.sender == creator =>
            {
                if let Some(invitee) = &event.state_key {
                    invited_by_creator.insert(invitee.as_str());
                }
            }
            CASE_CLAIM_TYPE => {
                // The homeserver refuses a state key naming someone else than the sender;
                // checked again here for rooms on a server that would not.
                let own_key = event.state_key.as_deref() == Some(event.sender.as_str());
                if own_key
                    && event.has_content
                    && event.sender != creator
                    && invited_by_creator.contains(event.sender.as_str())
                {
                    return Some(event.sender.clone());
                }
            }
            _ => {}
        }
    }
    None
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
mod tests {
    use super::*;

    fn user(name: &str) -> OwnedUserId {
        UserId::parse(format!("@{name}:innomed.test")).expect("user id")
    }

    fn member(sender: &str, target: &str, membership: &str) -> HistoryEvent {
        HistoryEvent {
            event_id: None,
            event_type: MEMBER_TYPE.to_owned(),
            sender: user(sender),
            state_key: Some(user(target).to_string()),
            membership: Some(membership.to_owned()),
            has_content: true,
        }
    }

    fn claim(sender: &str) -> HistoryEvent {
        HistoryEvent {
            event_id: None,
            event_type: CASE_CLAIM_TYPE.to_owned(),
            sender: user(sender),
            state_key: Some(user(sender).to_string()),
            membership: None,
            has_content: true,
        }
    }

    fn routed_request() -> Vec<HistoryEvent> {
        vec![
            member("gp", "gp", "join"),
            member("gp", "derm1", "invite"),
            member("gp", "derm2", "invite"),
            member("derm1", "derm1", "join"),
            member("derm2", "derm2", "join"),
        ]
    }

    #[test]
    fn the_first_routed_claim_wins() {
        let mut events = routed_request();
        events.push(claim("derm2"));
        events.push(claim("derm1"));
        assert_eq!(taker(&user("gp"), &events), Some(user("derm2")));
    }

    #[test]
    fn the_requester_cannot_take_his_own_request() {
        let mut events = routed_request();
        events.insert(1, claim("gp"));
        events.push(claim("derm1"));
        assert_eq!(taker(&user("gp"), &events), Some(user("derm1")));
    }

    #[test]
    fn a_claim_from_someone_the_creator_did_not_invite_counts_for_nothing() {
        let mut events = routed_request();
        // The first dermatologist brings a colleague, who claims first.
        events.push(member("derm1", "friend", "invite"));
        events.push(member("friend", "friend", "join"));
        events.push(claim("friend"));
        assert_eq!(taker(&user("gp"), &events), None);
        events.push(claim("derm1"));
        assert_eq!(taker(&user("gp"), &events), Some(user("derm1")));
    }

    #[test]
    fn a_claim_under_someone_elses_key_or_without_content_counts_for_nothing() {
        let mut events = routed_request();
        let mut forged = claim("derm2");
        forged.state_key = Some(user("derm1").to_string());
        events.push(forged);
        let mut empty = claim("derm2");
        empty.has_content = false;
        events.push(empty);
        assert_eq!(taker(&user("gp"), &events), None);
    }

    #[test]
    fn history_is_shared_again_only_for_a_first_invitation_then_join() {
        let gp = user("gp");
        let derm = user("derm1");
        let mut events = vec![member("gp", "gp", "join"), member("gp", "derm1", "invite")];
        assert!(!reshare_allowed(&gp, &derm, &events), "not joined yet");
        events.push(member("derm1", "derm1", "join"));
        assert!(reshare_allowed(&gp, &derm, &events));
        // Invited by someone else: not this doctor's invitation to honour.
        assert!(!reshare_allowed(&user("other"), &derm, &events));
    }

    #[test]
    fn no_history_again_after_a_decline_a_withdrawal_or_a_removal() {
        let gp = user("gp");
        let derm = user("derm1");
        for (sender, membership) in [("derm1", "leave"), ("gp", "leave"), ("gp", "ban")] {
            let events = vec![
                member("gp", "gp", "join"),
                member("gp", "derm1", "invite"),
                member(sender, "derm1", membership),
                member("gp", "derm1", "invite"),
                member("derm1", "derm1", "join"),
            ];
            assert!(
                !reshare_allowed(&gp, &derm, &events),
                "{sender} {membership}"
            );
        }
    }

    #[test]
    fn a_join_without_an_invitation_from_a_member_is_flagged() {
        let mut events = routed_request();
        assert!(uninvited_members(&user("gp"), &events, None).is_empty());
        events.push(member("admin", "admin", "join"));
        events.push(member("admin", "spy", "invite"));
        events.push(member("spy", "spy", "join"));
        assert_eq!(
            uninvited_members(&user("gp"), &events, None),
            vec![user("admin"), user("spy")],
            "nobody of the case invited the admin, and the admin's invitation counts for nothing"
        );
    }

    #[test]
    fn someone_invited_by_a_member_nobody_invited_is_flagged_while_only_invited() {
        let mut events = routed_request();
        events.push(member("admin", "admin", "join"));
        events.push(member("admin", "spy", "invite"));
        // Still only invited: an invitee already receives room keys (shared history).
        assert_eq!(
            uninvited_members(&user("gp"), &events, None),
            vec![user("admin"), user("spy")]
        );
    }

    fn records(pairs: &[(&str, &str)]) -> HashSet<(OwnedUserId, OwnedUserId)> {
        pairs.iter().map(|(a, b)| (user(a), user(b))).collect()
    }

    #[test]
    fn an_invitation_in_a_members_name_without_their_record_is_flagged() {
        // The homeserver's admin API invites its own account "from" the creator.
        let mut events = routed_request();
        events.push(member("gp", "ghost", "invite"));
        events.push(member("ghost", "ghost", "join"));
        let vouched = records(&[("gp", "derm1"), ("gp", "derm2")]);
        for me in ["gp", "derm1"] {
            let me = user(me);
            let v = Vouched {
                me: &me,
                records: &vouched,
            };
            assert_eq!(
                uninvited_members(&user("gp"), &events, Some(&v)),
                vec![user("ghost")],
                "{me} was in the case when the invitation came, without its record"
            );
        }
        // The same invitation with the creator's record is a colleague's.
        let with_record = records(&[("gp", "derm1"), ("gp", "derm2"), ("gp", "ghost")]);
        let me = user("derm1");
        let v = Vouched {
            me: &me,
            records: &with_record,
        };
        assert!(uninvited_members(&user("gp"), &events, Some(&v)).is_empty());
    }

    #[test]
    fn invitations_before_this_doctor_joined_are_left_to_the_members_then() {
        // derm2 joined last: the invitations before it were judged by who was in the case.
        let events = vec![
            member("gp", "gp", "join"),
            member("gp", "derm1", "invite"),
            member("derm1", "derm1", "join"),
            member("gp", "derm2", "invite"),
            member("derm2", "derm2", "join"),
        ];
        let none = records(&[]);
        let me = user("derm2");
        let v = Vouched {
            me: &me,
            records: &none,
        };
        assert!(uninvited_members(&user("gp"), &events, Some(&v)).is_empty());
        let me = user("gp");
        let v = Vouched {
            me: &me,
            records: &none,
        };
        assert_eq!(
            uninvited_members(&user("gp"), &events, Some(&v)),
            vec![user("derm1"), user("derm2")],
            "the creator was in the case for both"
        );
    }

    #[test]
    fn the_membership_events_read_are_the_ones_judged() {
        let mut invite = member("gp", "derm", "invite");
        invite.event_id = Some("$invite".try_into().expect("event id"));
        let mut leave = member("derm", "derm", "leave");
        leave.event_id = Some("$leave".try_into().expect("event id"));
        let judged = judged_memberships(&[invite, leave]);
        assert_eq!(
            judged,
            vec![OwnedEventId::try_from("$invite").expect("event id")]
        );
    }
}

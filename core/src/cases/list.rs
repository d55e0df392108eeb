//! The doctor's case list: every case joined or invited to, with what the list screen shows.

use std::pin::Pin;

use futures_util::{Stream, StreamExt};
use matrix_sdk::{
    latest_events::LatestEventValue,
    ruma::{events::AnySyncTimelineEvent, serde::Raw, OwnedRoomId, OwnedUserId},
    Room, RoomState,
};
use tokio::sync::broadcast::error::RecvError;

use eyeball_im::VectorDiff;

use super::{diff, is_case, CaseRoom, CaseStatus, Urgency};
use crate::InnomedClient;

/// The signed-in doctor's relation to a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Membership {
    Joined,
    Invited,
    Left,
}

impl From<RoomState> for Membership {
    fn from(state: RoomState) -> Self {
        match state {
            RoomState::Joined => Self::Joined,
            RoomState::Invited => Self::Invited,
            _ => Self::Left,
        }
    }
}

/// The latest message of a case, for the list row. Decrypted locally.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LastMessage {
    pub sender: Option<OwnedUserId>,
    pub body: String,
    pub timestamp_ms: u64,
}

/// One row of the case list.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CaseSummary {
    pub room_id: OwnedRoomId,
    /// The opaque case code (`IM-7K2QX9`).
    pub code: String,
    pub membership: Membership,
    /// `None` while invited: the status is in room state, readable after joining.
    pub status: Option<CaseStatus>,
    pub specialty: Option<String>,
    pub urgency: Urgency,
    pub due_ms: Option<u64>,
    /// A request's deadline, where it stands when the row was made (`None` between colleagues).
    pub deadline: Option<super::Deadline>,
    /// The CPTS of a télé-expertise request or care team (`None` for a case between
    /// colleagues).
    pub cpts: Option<OwnedRoomId>,
    pub last_message: Option<LastMessage>,
    pub unread: u64,
    /// The doctor muted this case: no phone of theirs rings for it.
    pub muted: bool,
    /// Who invited the doctor, for invitations.
    pub inviter: Option<OwnedUserId>,
    /// The inviter's name to show: from a CPTS directory this doctor belongs to, else their
    /// user id (as [`InnomedClient::display_name`]).
    pub inviter_name: Option<String>,
    /// For a request this specialist was routed to: what the GP asks, to decide whether to take
    /// it (the case's history comes with the hand-over).
    pub brief: Option<crate::requests::RequestBrief>,
    /// Put away in the archive (and nothing newer arrived since).
    pub archived: bool,
    /// Opened by this doctor.
    pub asked_by_me: bool,
    /// Something is expected of this doctor: an invitation or a routed request to answer,
    /// advice to give, an answered request of theirs to close, unread messages.
    pub waiting_for_me: bool,
}

/// A live view of the case list: [`CaseList::subscribe`] yields the current list, then the
/// whole list again each time sync changes it.
#[derive(Clone, Debug)]
pub struct CaseList {
    client: InnomedClient,
    filter: super::CaseFilter,
}

impl CaseList {
    /// The cases the filter lets through as they are now, most recent activity first;
    /// invitations first of all.
    pub async fn current(&self) -> Vec<CaseSummary> {
        let mut all = self.all().await;
        all.retain(|s| self.filter.matches(s));
        all
    }

    /// Every case, archived or not, whatever the filter.
    pub(crate) async fn all(&self) -> Vec<CaseSummary> {
        let rooms: Vec<Room> = self
            .client
            .client
            .rooms()
            .into_iter()
            .filter(|r| is_case(r) && matches!(r.state(), RoomState::Joined | RoomState::Invited))
            .collect();
        let latest_events = self.client.client.latest_events().await;
        let mut summaries = Vec::with_capacity(rooms.len());
        for room in rooms {
            // Registers the room with the latest-event tracker (a no-op after the first time).
            let _ = latest_events.listen_to_room(room.room_id()).await;
            summaries.push(summarize(&self.client, room).await);
        }
        // Invitations first, then the most recent activity, then a stable order.
        summaries.sort_by_key(|s| {
            (
                s.membership != Membership::Invited,
                std::cmp::Reverse(s.last_message.as_ref().map_or(0, |m| m.timestamp_ms)),
                s.room_id.clone(),
            )
        });
        summaries
    }

    /// The current list, then a new list whenever it changes.
    pub fn subscribe(&self) -> Pin<Box<dyn Stream<Item = Vec<CaseSummary>> + Send>> {
        let list = self.clone();
        Box::pin(
            futures_util::stream::once(async move {
                let client = &list.client;
                let changes = Changes {
                    updates: client.client.subscribe_to_all_room_updates(),
                    // Also what changes a row without a sync of its room (a request's brief
                    // arriving, a case muted on another device).
                    notable: client.client.room_info_notable_update_receiver(),
                    muted: client.notification_settings().await.subscribe_to_changes(),
                };
                futures_util::stream::unfold(
                    (list, changes, None::<Vec<CaseSummary>>),
                    |(list, mut changes, last)| async move {
                        loop {
                            if last.is_some() && changes.next().await.is_none() {
                                return None;
                            }
                            let current = list.current().await;
                            if last.as_ref() != Some(&current) {
                                return Some((current.clone(), (list, changes, Some(current))));
                            }
                        }
                    },
                )
            })
            .flatten(),
        )
    }
}

/// What may change a row of the list.
struct Changes {
    updates: tokio::sync::broadcast::Receiver<matrix_sdk::sync::RoomUpdates>,
    notable: tokio::sync::broadcast::Receiver<matrix_sdk_base::RoomInfoNotableUpdate>,
    muted: tokio::sync::broadcast::Receiver<()>,
}

impl Changes {
    /// Waits for the next change; `None` once the client is gone.
    async fn next(&mut self) -> Option<()> {
        let closed = tokio::select! {
            update = self.updates.recv() => matches!(update, Err(RecvError::Closed)),
            update = self.notable.recv() => matches!(update, Err(RecvError::Closed)),
            update = self.muted.recv() => matches!(update, Err(RecvError::Closed)),
        };
        (!closed).then_some(())
    }
}

/// A stream of diffs to apply, in order, to the list returned alongside it.
pub type CaseListUpdates = Pin<Box<dyn Stream<Item = Vec<VectorDiff<CaseSummary>>> + Send>>;

impl CaseList {
    /// The list now, then the diffs that keep a copy of it up to date (rows matched by room).
    pub async fn subscribe_diffs(&self) -> (Vec<CaseSummary>, CaseListUpdates) {
        let mut snapshots = self.subscribe();
        let first = snapshots.next().await.unwrap_or_default();
        let updates = futures_util::stream::unfold(
            (snapshots, first.clone()),
            |(mut snapshots, last)| async move {
                loop {
                    let next = snapshots.next().await?;
                    let diffs = diff::keyed_diff(&last, &next, |s| s.room_id.clone());
                    if !diffs.is_empty() {
                        return Some((diffs, (snapshots, next)));
                    }
                }
            },
        )
        .boxed();
        (first, updates)
    }
}

async fn summarize(client: &InnomedClient, room: Room) -> CaseSummary {
    let membership = Membership::from(room.state());
    let case = CaseRoom {
        client: client.clone(),
        room: room.clone(),
    };
    let status = match membership {
        Membership::Joined => case.status().await.ok().flatten(),
        _ => case.known_status().await,
    };
    let inviter = match membership {
        Membership::Invited => room
            .invite_details()
            .await
            .ok()
            .and_then(|d| d.inviter.map(|m| m.user_id().to_owned())),
        _ => None,
    };
    let inviter_name = match &inviter {
        Some(user) => Some(client.display_name(user.as_str()).await),
        None => None,
    };
    let rules = case.known_rules();
    let own = client.client.user_id();
    let asked_by_me = rules.creator.is_some() && rules.creator.as_deref() == own;
    let is_taker = rules.taker.is_some() && rules.taker.as_deref() == own;
    let brief = match membership {
        Membership::Left => None,
        _ => case.request_brief().await,
    };
    let last_message = last_message(&room, &rules);
    let archive = client.archives.mark_of(&room).await;
    let mut summary = CaseSummary {
        room_id: room.room_id().to_owned(),
        code: case.code(),
        membership,
        status: status.as_ref().map(|s| s.status),
        specialty: status
            .as_ref()
            .and_then(|s| s.specialty.clone())
            .or_else(|| brief.as_ref().map(|b| b.specialty.clone())),
        urgency: status
            .as_ref()
            .map(|s| s.urgency)
            .or_else(|| brief.as_ref().map(|b| b.urgency))
            .unwrap_or_default(),
        due_ms: status
            .as_ref()
            .and_then(|s| s.due_ms)
            .or_else(|| brief.as_ref().and_then(|b| b.due_ms)),
        deadline: status
            .as_ref()
            .and_then(|s| super::actions::deadline_of(s, client.clock.now_ms()))
            .or_else(|| {
                let brief = brief.as_ref()?;
                let due_ms = brief.due_ms?;
                Some(super::Deadline {
                    state: crate::requests::deadline_state(
                        CaseStatus::Requested,
                        brief.urgency,
                        Some(due_ms),
                        client.clock.now_ms(),
                    ),
                    due_ms,
                })
            }),
        cpts: status.as_ref().and_then(|s| s.cpts.clone()),
        archived: super::archive::is_archived(
            archive,
            last_message.as_ref().map_or(0, |m| m.timestamp_ms),
        ),
        last_message,
        unread: super::unread::unread_count(&room, &rules).await,
        muted: client.is_muted(room.room_id()).await,
        inviter,
        inviter_name,
        brief,
        asked_by_me,
        waiting_for_me: false,
    };
    summary.waiting_for_me = super::filter::waiting_for(&summary, is_taker);
    summary
}

/// The list row's preview: only a message decrypted on this device, from a device its owner
/// signed, of a member the case let in. A message in clear (put there by the homeserver or a
/// foreign client) or from anyone nobody vouches for is never previewed.
fn last_message(room: &Room, rules: &super::CaseRules) -> Option<LastMessage> {
    match room.latest_event() {
        LatestEventValue::Remote(event) => {
            let info = event.encryption_info()?;
            if !super::rules::signed_by_owner(&info.verification_state) {
                return None;
            }
            let message = message_from_raw(event.raw())?;
            if message
                .sender
                .as_ref()
                .is_some_and(|s| rules.uninvited.contains(s))
            {
                return None;
            }
            Some(message)
        }
        LatestEventValue::LocalIsSending(local)
        | LatestEventValue::LocalCannotBeSent(local)
        | LatestEventValue::LocalHasBeenSent { value: local, .. } => {
            let (raw, event_type) = local.content.raw();
            if event_type != "m.room.message" {
                return None;
            }
            let body: String = raw.get_field("body").ok().flatten()?;
            Some(LastMessage {
                sender: room.own_user_id().to_owned().into(),
                body,
                timestamp_ms: local.timestamp.0.into(),
            })
        }
        _ => None,
    }
}

/// When anything last happened in a case, as the list's latest event says (0 if unknown).
pub(crate) fn latest_activity_ms(room: &Room) -> u64 {
    match room.latest_event() {
        LatestEventValue::Remote(event) => event.timestamp().map_or(0, |t| t.0.into()),
        LatestEventValue::LocalIsSending(local)
        | LatestEventValue::LocalCannotBeSent(local)
        | LatestEventValue::LocalHasBeenSent { value: local, .. } => local.timestamp.0.into(),
        _ => 0,
    }
}

fn message_from_raw(raw: &Raw<AnySyncTimelineEvent>) -> Option<LastMessage> {
    let event_type: String = raw.get_field("type").ok().flatten()?;
    if event_type != "m.room.message" {
        return None;
    }
    let content: serde_json::Value = raw.get_field("content").ok().flatten()?;
    let body = content.get("body")?.as_str()?.to_owned();
    let timestamp_ms: u64 = raw
        .get_field("origin_server_ts")
        .ok()
        .flatten()
        .unwrap_or(0);
    let sender: Option<OwnedUserId> = raw.get_field("sender").ok().flatten();
    Some(LastMessage {
        sender,
        body,
        timestamp_ms,
    })
}

impl InnomedClient {
    /// The live case list of this account: every case but the archived ones.
    pub fn case_list(&self) -> CaseList {
        self.case_list_filtered(super::CaseFilter::default())
    }

    /// The live case list, filtered (the archive is `CaseFilter { archived: true, .. }`).
    pub fn case_list_filtered(&self, filter: super::CaseFilter) -> CaseList {
        CaseList {
            client: self.clone(),
            filter,
        }
    }
}

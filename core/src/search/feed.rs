//! What goes into the index, and when.
//!
//! Started with sync: every joined case is read once from its beginning (from the event cache,
//! which pages back through the homeserver where it has to), then each change the event cache
//! reports (a new message, history received at invitation, a message decrypted late with keys
//! from the backup or a shared bundle) is read again. What cannot be decrypted yet, or comes from
//! a device not yet known as signed by its owner, is not remembered: it is read again when it
//! can, and asked again if the event cache does not say so (`retry`). A case left is forgotten
//! at once; cases left while this device was off are forgotten at the first reading.

use std::collections::HashSet;

use futures_util::StreamExt;
use matrix_sdk::{
    deserialized_responses::TimelineEvent,
    ruma::events::room::message::{MessageType, Relation, RoomMessageEventContent},
    Room, RoomMemberships, RoomState,
};
use tokio::sync::broadcast::error::RecvError;
use tracing::{debug, info, warn};

use super::{
    retry::{Retries, Waiting},
    HitKind, IndexedText, LocalIndex, SearchProgress,
};
use crate::{
    cases::{case_event_from, signed_by_owner, CaseEvent, CaseRules},
    client::WeakClient,
    InnomedClient,
};

/// Events read back per request while a case's history is read the first time.
const PAGE: u16 = 100;
/// A case's history is read up to this many pages (a doctor's case is far smaller).
const MAX_PAGES: usize = 200;

/// Starts feeding the index (once per account handle family).
pub(crate) fn install(client: &InnomedClient) {
    if client.search.started.set(()).is_err() || client.search.index().is_err() {
        return;
    }
    let generic = client
        .client
        .event_cache()
        .subscribe_to_room_generic_updates();
    let left = client.client.subscribe_to_all_room_updates();
    let task = tokio::spawn(run(client.downgrade(), generic, left));
    if let Ok(mut slot) = client.search.task.lock() {
        *slot = Some(task);
    }
}

async fn run(
    weak: WeakClient,
    mut changed: tokio::sync::broadcast::Receiver<
        matrix_sdk::event_cache::RoomEventCacheGenericUpdate,
    >,
    mut updates: tokio::sync::broadcast::Receiver<matrix_sdk::sync::RoomUpdates>,
) {
    let mut retries = Retries::default();
    // A colleague's identity or devices learnt: what waited for their signature may be read.
    let identities = match weak.upgrade() {
        Some(client) => {
            first_reading(&client, &mut retries).await;
            client
                .client
                .encryption()
                .user_identities_stream()
                .await
                .ok()
        }
        None => return,
    };
    let mut identities = match identities {
        Some(stream) => stream.boxed(),
        None => futures_util::stream::pending().boxed(),
    };
    loop {
        let due = retries.next_due();
        tokio::select! {
            update = changed.recv() => {
                let Some(client) = weak.upgrade() else { return };
                match update {
                    Ok(update) => {
                        if let Some(room) = client.client.get_room(&update.room_id) {
                            let waiting = read_case(&client, &room).await;
                            retries.record(update.room_id, waiting, tokio::time::Instant::now());
                        }
                    }
                    // Missed some: every case is looked at again (only what is new is read).
                    Err(RecvError::Lagged(_)) => first_reading(&client, &mut retries).await,
                    Err(RecvError::Closed) => return,
                }
            }
            update = updates.recv() => {
                let Some(client) = weak.upgrade() else { return };
                match update {
                    Ok(update) => {
                        for room_id in update.left.keys() {
                            retries.forget(room_id.as_str());
                            forget(&client, room_id.as_str());
                        }
                    }
                    Err(RecvError::Lagged(_)) => first_reading(&client, &mut retries).await,
                    Err(RecvError::Closed) => return,
                }
            }
            Some(_) = identities.next() => retries.all_due(tokio::time::Instant::now()),
            () = sleep_until(due), if due.is_some() => {
                let Some(client) = weak.upgrade() else { return };
                let cache = client.client.event_cache();
                for request in retries.take_due(tokio::time::Instant::now()) {
                    // What it decrypts or confirms comes back as an update of the case.
                    cache.request_decryption(request);
                }
            }
        }
    }
}

async fn sleep_until(due: Option<tokio::time::Instant>) {
    match due {
        Some(due) => tokio::time::sleep_until(due).await,
        None => std::future::pending().await,
    }
}

fn joined_cases(client: &InnomedClient) -> Vec<Room> {
    client
        .client
        .joined_rooms()
        .into_iter()
        .filter(crate::cases::is_case)
        .collect()
}

/// Reads every joined case (the first time from its beginning) and forgets the others.
async fn first_reading(client: &InnomedClient, retries: &mut Retries) {
    let Ok(index) = client.search.index() else {
        return;
    };
    let rooms = joined_cases(client);
    let ids: Vec<String> = rooms.iter().map(|r| r.room_id().to_string()).collect();
    match index.retain_rooms(&ids) {
        Ok(0) => {}
        Ok(n) => info!(cases = n, "search entries of left cases removed"),
        Err(e) => warn!("search index not pruned: {e}"),
    }
    let total = u32::try_from(rooms.len()).unwrap_or(u32::MAX);
    client.search.progress.send_replace(SearchProgress {
        indexed_cases: 0,
        total_cases: total,
        done: rooms.is_empty(),
    });
    for (n, room) in rooms.iter().enumerate() {
        let waiting = read_case(client, room).await;
        retries.record(
            room.room_id().to_owned(),
            waiting,
            tokio::time::Instant::now(),
        );
        if n + 1 == rooms.len() {
            // Many cases written at once: merged into one piece for the queries (milliseconds).
            if let Err(e) = index.optimize() {
                warn!("search index not merged: {e}");
            }
        }
        client.search.progress.send_replace(SearchProgress {
            indexed_cases: u32::try_from(n + 1).unwrap_or(u32::MAX),
            total_cases: total,
            done: n + 1 == rooms.len(),
        });
    }
}

fn forget(client: &InnomedClient, room_id: &str) {
    client.search.forget_entry(room_id);
    if let Ok(index) = client.search.index() {
        match index.remove_room(room_id) {
            Ok(()) => info!(%room_id, "search entries of a left case removed"),
            Err(e) => warn!(%room_id, "search entries not removed: {e}"),
        }
    }
}

/// Reads what is new in one case: its whole history until it was read once entirely, then the
/// events the event cache holds in memory. Returns what it left waiting.
async fn read_case(client: &InnomedClient, room: &Room) -> Waiting {
    if room.state() != RoomState::Joined || !crate::cases::is_case(room) {
        if room.state() == RoomState::Left {
            forget(client, room.room_id().as_str());
        }
        return Waiting::default();
    }
    let Ok(index) = client.search.index() else {
        return Waiting::default();
    };
    let room_id = room.room_id().to_string();
    let Ok((cache, _handles)) = room.event_cache().await else {
        return Waiting::default();
    };
    let complete = index.is_complete(&room_id).unwrap_or(false);
    let mut events = cache.events().await.unwrap_or_default();
    let mut reached_start = complete;
    if !complete {
        for _ in 0..MAX_PAGES {
            match cache.pagination().run_backwards_once(PAGE).await {
                Ok(outcome) => {
                    events.extend(outcome.events);
                    if outcome.reached_start {
                        reached_start = true;
                        break;
                    }
                }
                Err(e) => {
                    debug!(%room_id, "history not read for search yet: {e}");
                    break;
                }
            }
        }
    }
    let case = crate::CaseRoom {
        client: client.clone(),
        room: room.clone(),
    };
    let rules = match case.known_rules() {
        rules if rules.creator.is_some() && !complete => {
            case.refresh_rules().await.unwrap_or(rules)
        }
        rules if rules.creator.is_some() => rules,
        rules => case.refresh_rules().await.unwrap_or(rules),
    };
    // Folding, hashing, sealing and writing off the async threads: the timeline never waits.
    let search = client.search.clone();
    let id = room_id.clone();
    let waiting = tokio::task::spawn_blocking(move || match search.index() {
        Ok(index) => index_events(index, &id, &mut events, &rules),
        Err(_) => Waiting::default(),
    })
    .await
    .unwrap_or_default();
    if let Err(e) = index_case_entry(client, &case, index).await {
        warn!(%room_id, "case entry not indexed: {e}");
    }
    // Complete once read from the start with nothing left to decrypt: later changes arrive
    // through the event cache's updates.
    if waiting.count() > 0 {
        debug!(
            %room_id,
            undecrypted = waiting.undecrypted.len(),
            unconfirmed = waiting.unconfirmed.len(),
            rules = waiting.rules,
            "search waits for events of a case"
        );
    } else if reached_start && !complete {
        if let Err(e) = index.set_complete(&room_id) {
            warn!(%room_id, "search progress not kept: {e}");
        }
    }
    waiting
}

/// Indexes the events not read yet; returns what waits (undecrypted, unconfirmed sender, rules
/// unknown).
fn index_events(
    index: &LocalIndex,
    room_id: &str,
    events: &mut [TimelineEvent],
    rules: &CaseRules,
) -> Waiting {
    events.sort_by_key(|e| e.timestamp().map(|t| u64::from(t.0)).unwrap_or(0));
    let mut seen = HashSet::new();
    let mut batch = Vec::new();
    let mut waiting = Waiting::default();
    for event in events.iter() {
        let Some(event_id) = event.event_id() else {
            continue;
        };
        if !seen.insert(event_id.clone()) || index.contains(event_id.as_str()).unwrap_or(false) {
            continue;
        }
        match read_event(index, room_id, event, rules) {
            Read::Later(Wait::Undecrypted(session)) => {
                waiting.undecrypted.extend(session);
            }
            Read::Later(Wait::Unconfirmed(session)) => {
                waiting.unconfirmed.extend(session);
            }
            Read::Later(Wait::Rules) => waiting.rules += 1,
            Read::Entries(entries) => {
                // The event itself as read, then what it writes (its own text, or an edit's or
                // a redaction's change to the message it targets).
                batch.push((event_id.to_string(), None));
                batch.extend(entries);
            }
        }
    }
    if !batch.is_empty() {
        // In the events' order: a redaction after its message forgets it.
        if let Err(e) = index.write(room_id, &batch) {
            warn!(room_id, "search entries not written: {e}");
        }
    }
    waiting
}

enum Read {
    /// Not readable yet.
    Later(Wait),
    /// What to write: texts, and keys to forget (`None`); empty for an event with nothing to
    /// find (remembered as read).
    Entries(Vec<(String, Option<IndexedText>)>),
}

enum Wait {
    /// Not decrypted yet (the session's id when the event names one).
    Undecrypted(Option<String>),
    /// Decrypted, from a device not known as signed by its owner yet (the session's id).
    Unconfirmed(Option<String>),
    /// The case's rules (who created it, who took it) are not known yet.
    Rules,
}

fn read_event(index: &LocalIndex, room_id: &str, event: &TimelineEvent, rules: &CaseRules) -> Read {
    let raw = event.raw();
    let event_type: String = raw.get_field("type").ok().flatten().unwrap_or_default();
    let Some(sender) = raw.get_field::<String>("sender").ok().flatten() else {
        return Read::Entries(Vec::new());
    };
    let event_id = event.event_id().map(|e| e.to_string());
    let timestamp_ms = event.timestamp().map_or(0, |t| u64::from(t.0));
    let text = |kind, body: String| IndexedText {
        room_id: room_id.to_owned(),
        event_id: event_id.clone(),
        kind,
        sender: Some(sender.clone()),
        timestamp_ms,
        text: body,
    };
    match event_type.as_str() {
        "m.room.encrypted" => {
            let session = raw
                .get_field::<serde_json::Value>("content")
                .ok()
                .flatten()
                .and_then(|c| c.get("session_id")?.as_str().map(ToOwned::to_owned));
            return Read::Later(Wait::Undecrypted(session));
        }
        "m.room.redaction" => {
            let redacts: Option<String> = raw
                .get_field::<serde_json::Value>("content")
                .ok()
                .flatten()
                .and_then(|c| c.get("redacts")?.as_str().map(ToOwned::to_owned))
                .or_else(|| raw.get_field("redacts").ok().flatten());
            let entries = redacts.map(|r| (r, None)).into_iter().collect();
            return Read::Entries(entries);
        }
        _ => {}
    }
    // Only what the conversation shows as a colleague's words: decrypted on this device, from
    // a device its owner signed, of a member the case let in. A device not shown signed yet may
    // be one whose owner's keys this device has not fetched yet: read again when they are.
    let Some(info) = event.encryption_info() else {
        return Read::Entries(Vec::new());
    };
    if rules.uninvited.iter().any(|u| u.as_str() == sender) {
        return Read::Entries(Vec::new());
    }
    if !signed_by_owner(&info.verification_state) {
        use matrix_sdk::deserialized_responses::{VerificationLevel, VerificationState};
        // A sender the keys contradict stays out for good.
        if let VerificationState::Unverified(VerificationLevel::MismatchedSender) =
            info.verification_state
        {
            return Read::Entries(Vec::new());
        }
        return Read::Later(Wait::Unconfirmed(info.session_id().map(ToOwned::to_owned)));
    }
    if event_type == "m.room.message" {
        let Some(content) = raw
            .get_field::<RoomMessageEventContent>("content")
            .ok()
            .flatten()
        else {
            return Read::Entries(Vec::new());
        };
        return Read::Entries(message_entries(index, content, text));
    }
    let Some(case_event) = case_event_from(raw) else {
        return Read::Entries(Vec::new());
    };
    fn from(who: &Option<matrix_sdk::ruma::OwnedUserId>) -> Option<&str> {
        who.as_ref().map(|u| u.as_str())
    }
    let entry = match case_event {
        // A phone number or a call is nothing a doctor searches a case by.
        CaseEvent::Malformed | CaseEvent::CallBack(_) | CaseEvent::Call => None,
        _ if rules.creator.is_none() => return Read::Later(Wait::Rules),
        CaseEvent::Header(header) if from(&rules.creator) == Some(sender.as_str()) => Some(text(
            HitKind::Header,
            [
                header.patient_label.as_str(),
                header.reason.as_str(),
                header.question.as_str(),
            ]
            .join(" — "),
        )),
        CaseEvent::Closure(outcome) if from(&rules.creator) == Some(sender.as_str()) => {
            Some(text(HitKind::Closure, outcome))
        }
        CaseEvent::Advice(advice) if from(&rules.taker) == Some(sender.as_str()) => Some(text(
            HitKind::Advice,
            format!("{} — {}", advice.assessment, advice.recommendation),
        )),
        // Advice before the taker is known here: read again once it is.
        CaseEvent::Advice(_) if rules.taker.is_none() => return Read::Later(Wait::Rules),
        _ => None,
    };
    Read::Entries(
        entry
            .map(|e| (event_id.clone().unwrap_or_default(), Some(e)))
            .into_iter()
            .collect(),
    )
}

/// A text message, a photo's caption or a document's title; an edit replaces its target's text
/// (only its own sender's).
fn message_entries(
    index: &LocalIndex,
    content: RoomMessageEventContent,
    text: impl Fn(HitKind, String) -> IndexedText,
) -> Vec<(String, Option<IndexedText>)> {
    let (target, msgtype) = match content.relates_to {
        Some(Relation::Replacement(replacement)) => (
            Some(replacement.event_id.to_string()),
            replacement.new_content.msgtype,
        ),
        _ => (None, content.msgtype),
    };
    let entry = match msgtype {
        MessageType::Text(t) => Some(text(HitKind::Message, t.body)),
        MessageType::Notice(t) => Some(text(HitKind::Message, t.body)),
        MessageType::Emote(t) => Some(text(HitKind::Message, t.body)),
        MessageType::Image(image) => image.caption().map(|c| text(HitKind::Photo, c.to_owned())),
        MessageType::File(file) => Some(text(
            HitKind::Document,
            crate::documents::document_message(&file).title,
        )),
        _ => None,
    };
    let Some(mut entry) = entry else {
        return Vec::new();
    };
    match target {
        Some(target) => match index.sender_of(&target) {
            // The edit stands in for its target, under the target's id (the result opens it).
            Ok(Some(original)) if Some(&original) == entry.sender.as_ref() => {
                entry.event_id = Some(target.clone());
                vec![(target, Some(entry))]
            }
            _ => Vec::new(),
        },
        None => vec![(entry.event_id.clone().unwrap_or_default(), Some(entry))],
    }
}

/// The case's own entry: its code, specialty and the names of its members.
async fn index_case_entry(
    client: &InnomedClient,
    case: &crate::CaseRoom,
    index: &LocalIndex,
) -> Result<(), super::SearchError> {
    // Read from the local state only: indexing never asks the homeserver for anything (a
    // member list fetched here would change what the device knows while a case is in use).
    let members = case
        .room
        .members_no_sync(RoomMemberships::JOIN | RoomMemberships::INVITE)
        .await
        .unwrap_or_default();
    // Names are read again only when who is in the case changed (or its specialty, below).
    let mut ids: Vec<&str> = members.iter().map(|m| m.user_id().as_str()).collect();
    ids.sort_unstable();
    let status = case.known_status().await;
    let signature = format!(
        "{}|{:?}|{}",
        case.code(),
        status.as_ref().and_then(|s| s.specialty.as_deref()),
        ids.join(",")
    );
    if client
        .search
        .entry_unchanged(case.room_id().as_str(), &signature)
    {
        return Ok(());
    }
    let specialty = status.and_then(|s| s.specialty).map(|code| {
        match crate::cpts::specialties::specialty(&code) {
            Some(s) => format!("{} {}", s.fr, s.en),
            None => code,
        }
    });
    let people = client.known_people().await;
    let mut names: Vec<String> = members
        .iter()
        .map(|m| {
            people
                .get(m.user_id())
                .map_or_else(|| m.name().to_owned(), |e| e.display_name.clone())
        })
        .collect();
    names.sort();
    let mut parts = vec![case.code()];
    parts.extend(specialty);
    parts.extend(names);
    let room_id = case.room_id().to_string();
    let key = format!("case:{room_id}");
    let text = parts.join(" · ");
    if index.get(&key)?.is_some_and(|e| e.text == text) {
        client.search.remember_entry(&room_id, signature);
        return Ok(());
    }
    let entry = IndexedText {
        room_id: room_id.clone(),
        event_id: None,
        kind: HitKind::Case,
        sender: None,
        timestamp_ms: 0,
        text,
    };
    index.write(&room_id, &[(key, Some(entry))])?;
    client.search.remember_entry(&room_id, signature);
    Ok(())
}

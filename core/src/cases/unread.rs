//! The case list's unread count, from what this device would show as a colleague's words.
//!
//! The SDK counts every message-like event after the doctor's read receipt, whoever sent it
//! and however: a message in clear injected by the homeserver or a foreign client, a forged
//! advice or header, would light a case up. This count takes the same events (the room's event
//! cache, after the doctor's own receipt or own last message) and keeps only those the case
//! view believes: decrypted on this device, from a device its owner signed, from a member the
//! case let in, and, for the case's own events, from whom the rules allow.

use matrix_sdk::{
    deserialized_responses::TimelineEvent,
    ruma::{
        events::receipt::{ReceiptThread, ReceiptType},
        OwnedUserId, UserId,
    },
    Room,
};

use super::{CaseRules, CASE_ADVICE_TYPE, CASE_CLOSURE_TYPE, CASE_HEADER_TYPE};

/// Unread messages a doctor would see as a colleague's, in the events this device holds.
pub(super) async fn unread_count(room: &Room, rules: &CaseRules) -> u64 {
    let Ok((cache, _handles)) = room.event_cache().await else {
        return 0;
    };
    let Ok(events) = cache.events().await else {
        return 0;
    };
    let own = room.own_user_id();
    let receipt = room
        .load_user_receipt(ReceiptType::Read, ReceiptThread::Unthreaded, own)
        .await
        .ok()
        .flatten()
        .map(|(event_id, _)| event_id);
    let start = receipt
        .and_then(|id| {
            events
                .iter()
                .position(|e| e.event_id().as_deref() == Some(id.as_ref()))
        })
        .map_or(0, |i| i + 1);
    count_after(&events[start..], own, rules)
}

fn count_after(events: &[TimelineEvent], own: &UserId, rules: &CaseRules) -> u64 {
    let mut count = 0;
    for event in events {
        let sender: Option<OwnedUserId> = event.raw().get_field("sender").ok().flatten();
        if sender.as_deref() == Some(own) {
            // Writing in the case is reading it.
            count = 0;
        } else if believed(event, sender.as_deref(), rules) {
            count += 1;
        }
    }
    count
}

fn believed(event: &TimelineEvent, sender: Option<&UserId>, rules: &CaseRules) -> bool {
    let Some(sender) = sender else {
        return false;
    };
    let Some(info) = event.encryption_info() else {
        return false;
    };
    if !super::rules::signed_by_owner(&info.verification_state)
        || rules.uninvited.iter().any(|u| u == sender)
    {
        return false;
    }
    let raw = event.raw();
    let event_type: Option<String> = raw.get_field("type").ok().flatten();
    let content: Option<serde_json::Value> = raw.get_field("content").ok().flatten();
    let Some(content) = content else {
        // Redacted, or without content: nothing to read.
        return false;
    };
    if content.get("m.relates_to").and_then(|r| r.get("rel_type")) == Some(&"m.replace".into()) {
        // An edit changes a message already counted.
        return false;
    }
    match event_type.as_deref() {
        Some("m.room.message") => content.get("body").is_some(),
        Some(t) if t == CASE_ADVICE_TYPE => rules.taker.as_deref() == Some(sender),
        Some(t) if t == CASE_HEADER_TYPE || t == CASE_CLOSURE_TYPE => {
            rules.creator.as_deref() == Some(sender)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use matrix_sdk::ruma::{owned_user_id, serde::Raw};
    use serde_json::json;

    use super::*;

    fn clear(sender: &str, body: &str) -> TimelineEvent {
        let raw = Raw::new(&json!({
            "type": "m.room.message",
            "event_id": format!("$e{body}"),
            "sender": sender,
            "origin_server_ts": 1,
            "content": { "msgtype": "m.text", "body": body },
        }))
        .expect("raw")
        .cast_unchecked();
        TimelineEvent::from_plaintext(raw)
    }

    #[test]
    fn messages_in_clear_are_never_counted_and_writing_reads() {
        let rules = CaseRules {
            creator: Some(owned_user_id!("@gp:hs")),
            taker: None,
            uninvited: Vec::new(),
            judged: Vec::new(),
            trust: Default::default(),
        };
        let own = owned_user_id!("@gp:hs");
        let events = vec![clear("@derm:hs", "a"), clear("@derm:hs", "b")];
        assert_eq!(count_after(&events, &own, &rules), 0);
        let events = vec![clear("@gp:hs", "mine")];
        assert_eq!(count_after(&events, &own, &rules), 0);
    }
}

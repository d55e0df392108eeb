//! Support for measuring the boundary itself (`bindings/kotlin/jvm`, JMH): the cost of a call
//! and of handing a large conversation to the app, without a homeserver in the way.

use std::sync::Arc;

use innomed_core::{self as core, OwnedUserId};

use crate::{conversation::ConversationListener, diff::ConversationDiff};

/// Whether `user_id` is a well-formed Matrix user id (`@name:server`): what a login form
/// checks before enabling its button. Also the cheapest round trip through the boundary.
#[uniffi::export]
pub fn is_valid_user_id(user_id: String) -> bool {
    OwnedUserId::try_from(user_id.as_str()).is_ok()
}

/// Delivers a `Reset` of `count` realistic text messages to `listener`, through the same
/// conversions as a real conversation: what opening a long case costs at the boundary.
#[uniffi::export]
pub fn benchmark_timeline_reset(listener: Arc<dyn ConversationListener>, count: u32) {
    let sender = OwnedUserId::try_from("@dr.martin:cpts-example.fr").ok();
    let values = (0..count)
        .filter_map(|i| {
            let message = core::CaseMessage {
                event_id: format!("$event{i:08}").try_into().ok(),
                transaction_id: None,
                sender: sender.clone()?,
                is_own: i % 2 == 0,
                timestamp_ms: 1_790_000_000_000 + u64::from(i) * 60_000,
                kind: core::MessageKind::Text {
                    body: format!("Message {i}: lésion pigmentée, bords irréguliers, 6 mm."),
                    html: None,
                },
                in_reply_to: None,
                edited: false,
                shared_by: None,
                send_state: core::SendState::Sent,
                read_by: Vec::new(),
                reactions: Vec::new(),
                trust: core::TrustLevel::Verified,
            };
            Some(core::ConversationItem::Message {
                message: Box::new(message),
            })
        })
        .collect();
    listener.on_update(vec![ConversationDiff::Reset { values }]);
}

//! The conversation of a case.

use std::{sync::Arc, time::Duration};

use innomed_core::{self as core, Conversation, OwnedEventId};

use crate::{
    cases::CaseHeader,
    convert::{Advice, Reaction, Rejection, UtdReason},
    error::{TimelineError, TrustError},
    photos::PhotoMessage,
    platform::run,
    task::{forward_list, TaskHandle},
};

pub use crate::convert::TimelineDiff;

/// One row of the conversation screen.
// Only built to be serialised across the boundary at once; UniFFI lowers the fields, a box
// would not change what crosses.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, uniffi::Enum)]
pub enum TimelineItem {
    Message {
        message: CaseMessage,
    },
    /// The first item of a new day.
    DayDivider {
        timestamp_ms: u64,
    },
    /// Everything below was not read yet.
    ReadMarker,
    /// The very beginning of the case.
    Start,
}

/// An event of the case, decrypted on this device.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct CaseMessage {
    /// Set once the homeserver accepted it.
    pub event_id: Option<String>,
    /// For messages sent from this device.
    pub transaction_id: Option<String>,
    pub sender: String,
    pub is_own: bool,
    pub timestamp_ms: u64,
    pub kind: MessageKind,
    pub in_reply_to: Option<String>,
    pub edited: bool,
    /// For history shared on invitation: the colleague who shared it.
    pub shared_by: Option<String>,
    pub send_state: SendState,
    /// Colleagues whose read receipt is on this message.
    pub read_by: Vec<String>,
    /// The allowed reactions on it, and who sent each.
    pub reactions: Vec<ReactionGroup>,
}

/// One allowed reaction on a message.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReactionGroup {
    pub reaction: Reaction,
    pub senders: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, uniffi::Enum)]
pub enum MessageKind {
    /// Markdown source, and the rendered HTML when there is one.
    Text {
        body: String,
        html: Option<String>,
    },
    /// A photo: fetch its thumbnail, then the full image, with `fetch_photo`.
    Photo {
        photo: PhotoMessage,
    },
    Header {
        header: CaseHeader,
    },
    /// The specialist's structured advice (the advice card).
    Advice {
        advice: Advice,
    },
    /// The case was closed, with this outcome.
    Closure {
        outcome: String,
    },
    /// Not decryptable on this device (yet), and why.
    UnableToDecrypt {
        reason: UtdReason,
    },
    /// Nobody can vouch for it (unencrypted, from a device its owner did not sign, or from a
    /// member nobody of the case invited): never shown as a colleague's words.
    Untrusted,
    /// A header, advice or closure that breaks the case's rules: not believed.
    Rejected {
        event_type: String,
        reason: Rejection,
    },
    Membership {
        user_id: String,
        change: String,
    },
    Redacted,
    Other {
        event_type: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum SendState {
    /// Queued on this device (offline or in flight).
    Sending,
    Sent,
    /// Stopped; recoverable failures are retried when the network returns.
    Failed {
        recoverable: bool,
    },
    /// Waiting: these colleagues' verified identities changed; sent once acknowledged.
    BlockedByIdentityChange {
        users: Vec<String>,
    },
}

impl From<core::ConversationItem> for TimelineItem {
    fn from(item: core::ConversationItem) -> Self {
        match item {
            core::ConversationItem::Message(m) => Self::Message {
                message: (*m).into(),
            },
            core::ConversationItem::DayDivider { timestamp_ms } => {
                Self::DayDivider { timestamp_ms }
            }
            core::ConversationItem::ReadMarker => Self::ReadMarker,
            core::ConversationItem::Start => Self::Start,
        }
    }
}

impl From<core::CaseMessage> for CaseMessage {
    fn from(m: core::CaseMessage) -> Self {
        Self {
            event_id: m.event_id.map(|e| e.to_string()),
            transaction_id: m.transaction_id,
            sender: m.sender.to_string(),
            is_own: m.is_own,
            timestamp_ms: m.timestamp_ms,
            kind: match m.kind {
                core::MessageKind::Text { body, html } => MessageKind::Text { body, html },
                core::MessageKind::Photo(p) => MessageKind::Photo { photo: (*p).into() },
                core::MessageKind::Header(h) => MessageKind::Header {
                    header: (*h).into(),
                },
                core::MessageKind::Advice(a) => MessageKind::Advice {
                    advice: (*a).into(),
                },
                core::MessageKind::Closure { outcome } => MessageKind::Closure { outcome },
                core::MessageKind::UnableToDecrypt { reason } => MessageKind::UnableToDecrypt {
                    reason: reason.into(),
                },
                core::MessageKind::Untrusted => MessageKind::Untrusted,
                core::MessageKind::Rejected { event_type, reason } => MessageKind::Rejected {
                    event_type,
                    reason: reason.into(),
                },
                core::MessageKind::Membership { user_id, change } => MessageKind::Membership {
                    user_id: user_id.to_string(),
                    change,
                },
                core::MessageKind::Redacted => MessageKind::Redacted,
                core::MessageKind::Other { event_type } => MessageKind::Other { event_type },
            },
            in_reply_to: m.in_reply_to.map(|e| e.to_string()),
            edited: m.edited,
            shared_by: m.shared_by.map(|u| u.to_string()),
            send_state: match m.send_state {
                core::SendState::Sending => SendState::Sending,
                core::SendState::Sent => SendState::Sent,
                core::SendState::Failed { recoverable } => SendState::Failed { recoverable },
                core::SendState::BlockedByIdentityChange { users } => {
                    SendState::BlockedByIdentityChange {
                        users: users.into_iter().map(|u| u.to_string()).collect(),
                    }
                }
            },
            read_by: m.read_by.into_iter().map(|u| u.to_string()).collect(),
            reactions: m
                .reactions
                .into_iter()
                .map(|g| ReactionGroup {
                    reaction: g.reaction.into(),
                    senders: g.senders.into_iter().map(|u| u.to_string()).collect(),
                })
                .collect(),
        }
    }
}

/// Receives the conversation: a `Reset` with every item first, then diffs to apply in order.
#[uniffi::export(foreign)]
pub trait TimelineListener: Send + Sync {
    fn on_update(&self, diffs: Vec<TimelineDiff>);
}

/// The live conversation of one case.
#[derive(uniffi::Object)]
pub struct Timeline {
    pub(crate) conversation: Conversation,
}

impl Timeline {
    pub(crate) fn new(conversation: Conversation) -> Arc<Self> {
        Arc::new(Self { conversation })
    }
}

fn parse_event_id(text: &str) -> Result<OwnedEventId, TimelineError> {
    OwnedEventId::try_from(text).map_err(|_| TimelineError::MessageNotFound)
}

#[uniffi::export]
impl Timeline {
    /// Every item now, then diffs as sync, sending and pagination change them.
    pub fn subscribe(&self, listener: Arc<dyn TimelineListener>) -> Arc<TaskHandle> {
        let conversation = self.conversation.clone();
        forward_list(
            async move { conversation.subscribe().await },
            move |diffs: Vec<TimelineDiff>| listener.on_update(diffs),
        )
    }

    /// Sends a markdown message; returns once it is durably queued on this device.
    pub async fn send_text(&self, markdown: String) -> Result<(), TimelineError> {
        let c = self.conversation.clone();
        Ok(run(async move { c.send_text(&markdown).await }).await??)
    }

    pub async fn reply(&self, event_id: String, markdown: String) -> Result<(), TimelineError> {
        let to = parse_event_id(&event_id)?;
        let c = self.conversation.clone();
        Ok(run(async move { c.reply(&to, &markdown).await }).await??)
    }

    /// Replaces the text of one of the doctor's own messages.
    pub async fn edit(&self, event_id: String, markdown: String) -> Result<(), TimelineError> {
        let id = parse_event_id(&event_id)?;
        let c = self.conversation.clone();
        Ok(run(async move { c.edit(&id, &markdown).await }).await??)
    }

    /// Adds the doctor's reaction to a message, or removes it; `true` if it is now there.
    pub async fn toggle_reaction(
        &self,
        event_id: String,
        reaction: Reaction,
    ) -> Result<bool, TimelineError> {
        let id = parse_event_id(&event_id)?;
        let c = self.conversation.clone();
        Ok(run(async move { c.toggle_reaction(&id, reaction.into()).await }).await??)
    }

    /// The doctor checked with the colleague: withdraw the old verification and send what was
    /// waiting for `user_id`. Returns how many messages were waiting.
    pub async fn acknowledge_identity_change(&self, user_id: String) -> Result<u32, TrustError> {
        let c = self.conversation.clone();
        let n = run(async move { c.acknowledge_identity_change(&user_id).await }).await??;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Sends a read receipt for the latest message; `false` if it was already read.
    pub async fn mark_read(&self) -> Result<bool, TimelineError> {
        let c = self.conversation.clone();
        Ok(run(async move { c.mark_read().await }).await??)
    }

    /// Loads older messages; `true` once the start of the case is reached.
    pub async fn paginate_backwards(&self, count: u16) -> Result<bool, TimelineError> {
        let c = self.conversation.clone();
        Ok(run(async move { c.paginate_backwards(count).await }).await??)
    }

    /// Loads the whole case back to its creation (bounded); `true` if it is all in view.
    pub async fn load_history(&self, timeout_ms: u64) -> Result<bool, TimelineError> {
        let c = self.conversation.clone();
        Ok(run(async move { c.load_history(Duration::from_millis(timeout_ms)).await }).await??)
    }
}

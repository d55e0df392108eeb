//! The conversation of a case, on `matrix-sdk-ui`'s Timeline: live items, back-pagination,
//! markdown text, replies, edits and read receipts. Sending goes through the SDK's durable
//! send queue: a message written offline is stored and delivered once, in order.

mod item;
pub(crate) use self::item::blocking_users;
mod reactions;
mod refill;

use std::{pin::Pin, sync::Arc};

use eyeball_im::VectorDiff;
use futures_util::{Stream, StreamExt};
use matrix_sdk::ruma::{events::AnySyncTimelineEvent, room_version_rules::RoomVersionRules};
use matrix_sdk::{
    room::edit::EditedContent,
    ruma::{
        api::client::receipt::create_receipt::v3::ReceiptType,
        events::room::message::{RoomMessageEventContent, RoomMessageEventContentWithoutRelation},
        EventId,
    },
};
use matrix_sdk_ui::timeline::{
    default_event_filter, Timeline, TimelineBuilder, TimelineEventItemId,
    TimelineReadReceiptTracking,
};
use tracing::debug;

pub use self::{
    item::{CaseMessage, ConversationItem, MessageKind, PhotoMessage, SendState, UtdReason},
    reactions::{Reaction, ReactionGroup},
};
use crate::cases::{CaseError, CaseHeader, CaseRoom, CASE_HEADER_TYPE};

/// Why a conversation operation failed.
#[derive(Debug, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum ConversationError {
    #[error("the room is not end-to-end encrypted: nothing is sent into it")]
    NotEncrypted,
    #[error("the case is not joined")]
    NotJoined,
    #[error("no such message in this case")]
    MessageNotFound,
    #[error("the message is empty")]
    EmptyMessage,
    /// A request waits for the requesting GP's device to hand it over to its taker: nothing
    /// is encrypted into it before (its routed specialists would receive the key).
    #[error("the request has not been handed over to its specialist yet: try again once it is")]
    NotHandedOver,
    /// Someone nobody of the case invited is in it: nothing is sent until they are removed.
    #[error("someone nobody invited is in the case: nothing is sent until they are removed")]
    UninvitedMember,
    /// A member is neither verified by this doctor nor attested by their CPTS, and the doctor
    /// has not confirmed them in this case: nothing is sent until they confirm or remove them.
    #[error("a member is neither verified by you nor attested by your CPTS: nothing is sent until you confirm or remove them")]
    UnconfirmedMember,
    /// Too large to be sent as one message; nothing was queued.
    #[error("the message is too large to send ({size} bytes, at most {limit})")]
    TooLarge { size: u64, limit: u64 },
    #[error("the homeserver cannot be reached")]
    HomeserverUnreachable,
    #[error("timeline error: {0}")]
    Timeline(String),
}

impl ConversationError {
    /// The stable code of this error (`too_large`, `not_allowed`…): what the terminal client
    /// prints for scripts and the apps' messages are keyed on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotEncrypted => "not_encrypted",
            Self::NotJoined => "not_joined",
            Self::MessageNotFound => "message_not_found",
            Self::EmptyMessage => "empty_message",
            Self::NotHandedOver => "not_handed_over",
            Self::TooLarge { .. } => "too_large",
            Self::HomeserverUnreachable => "homeserver_unreachable",
            Self::Timeline(_) => "timeline",
            Self::UninvitedMember => "uninvited_member",
            Self::UnconfirmedMember => "unconfirmed_member",
        }
    }
}

impl From<matrix_sdk_ui::timeline::Error> for ConversationError {
    fn from(e: matrix_sdk_ui::timeline::Error) -> Self {
        Self::Timeline(e.to_string())
    }
}

type Result<T, E = ConversationError> = std::result::Result<T, E>;

/// How long [`CaseRoom::header`] may spend loading the case.
const HEADER_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// A stream of diffs to apply, in order, to the list returned alongside it.
pub type ConversationUpdates =
    Pin<Box<dyn Stream<Item = Vec<VectorDiff<ConversationItem>>> + Send>>;

/// How often, and how many times in one call, [`Conversation::load_history`] may drop the
/// cached events of a case whose homeserver said "nothing older" before its creation was seen.
const RESET_INTERVAL: std::time::Duration = std::time::Duration::from_secs(1);
const MAX_RESETS: u32 = 3;

/// The live conversation of one case.
#[derive(Clone)]
pub struct Conversation {
    pub(crate) case: CaseRoom,
    pub(crate) timeline: Arc<Timeline>,
    /// Loads back what sync's restart of the timeline took from the screen.
    _refill: Arc<refill::RefillGuard>,
}

impl std::fmt::Debug for Conversation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conversation")
            .field("room_id", &self.case.room_id())
            .finish()
    }
}

impl CaseRoom {
    /// Opens the conversation (a timeline kept live by sync).
    pub async fn conversation(&self) -> Result<Conversation> {
        // Boxed: the timeline's build future is deep enough to overflow callers' layout limits.
        let timeline = Box::pin(
            TimelineBuilder::new(&self.room)
                .track_read_marker_and_receipts(TimelineReadReceiptTracking::MessageLikeEvents)
                .event_filter(show_event)
                .build(),
        )
        .await?;
        // Who opened the case, who took it, who joined uninvited: read once from the history
        // (kept current by sync afterwards); offline, what this device knew is used.
        self.client.read_trust_of_members(&self.room).await;
        if let Err(e) = self.refresh_rules().await {
            debug!(room_id = %self.room_id(), "case rules not refreshed: {e}");
        }
        let timeline = Arc::new(timeline);
        let refill = refill::keep_whole(&timeline).await;
        Ok(Conversation {
            case: self.clone(),
            timeline,
            _refill: Arc::new(refill),
        })
    }
}

/// The upstream filter hides custom event types; the case's own (header, advice, closure, call
/// back, call) are ours to show.
fn show_event(event: &AnySyncTimelineEvent, rules: &RoomVersionRules) -> bool {
    let event_type = event.event_type().to_string();
    crate::cases::CASE_EVENT_TYPES.contains(&event_type.as_str())
        || default_event_filter(event, rules)
}

impl Conversation {
    /// The items now, and the diffs that follow.
    ///
    /// Each item is judged with the case's rules as known when it is mapped.
    pub async fn subscribe(&self) -> (Vec<ConversationItem>, ConversationUpdates) {
        let (items, stream) = self.timeline.subscribe().await;
        let rules = self.case.known_rules();
        let items = items.iter().map(|i| item::map_item(i, &rules)).collect();
        let case = self.case.clone();
        let updates = stream
            .map(move |diffs| {
                let rules = case.known_rules();
                diffs
                    .into_iter()
                    .map(|d| d.map(|i| item::map_item(&i, &rules)))
                    .collect()
            })
            .boxed();
        (items, updates)
    }

    /// The items now. A header after the case's first is shown as rejected: the first wins.
    pub async fn items(&self) -> Vec<ConversationItem> {
        let rules = self.case.known_rules();
        let mut header_seen = false;
        self.timeline
            .items()
            .await
            .iter()
            .map(|i| item::map_item(i, &rules))
            .map(|mut item| {
                if let ConversationItem::Message { message } = &mut item {
                    if matches!(message.kind, MessageKind::Header { .. }) {
                        if header_seen {
                            message.kind = MessageKind::Rejected {
                                event_type: CASE_HEADER_TYPE.to_owned(),
                                reason: crate::cases::Rejection::HeaderAlreadyGiven,
                            };
                        }
                        header_seen = true;
                    }
                }
                item
            })
            .collect()
    }

    /// Only the messages (no day dividers or markers), oldest first.
    pub async fn messages(&self) -> Vec<CaseMessage> {
        self.items()
            .await
            .into_iter()
            .filter_map(|i| match i {
                ConversationItem::Message { message: m } => Some(*m),
                _ => None,
            })
            .collect()
    }

    /// Loads older events. Returns `true` once the start of the case is reached.
    pub async fn paginate_backwards(&self, count: u16) -> Result<bool> {
        // Boxed: the SDK's pagination future is deep enough to overflow callers' layout limits.
        Ok(Box::pin(self.timeline.paginate_backwards(count)).await?)
    }

    /// Loads the whole case, back to its creation, waiting at most `timeout`. Returns whether
    /// the creation event is in view.
    ///
    /// "Start reached" alone is not trusted: a freshly opened client can have its timeline
    /// reset by its first sync right after paginating, so this checks that the case's very
    /// first event (`m.room.create`) is actually shown, and paginates again if not. And a
    /// homeserver that joined the case late (a partner CPTS's) can answer "nothing older" while
    /// it is still fetching the earlier events from the others: then the room's cached events
    /// are dropped (once a second, three times at most) so that the next page asks again.
    pub async fn load_history(&self, timeout: std::time::Duration) -> Result<bool> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut last_reset: Option<tokio::time::Instant> = None;
        let mut resets = 0;
        loop {
            let at_start = self.paginate_backwards(50).await?;
            let creation_shown = self.messages().await.first().is_some_and(|m| {
                matches!(&m.kind, MessageKind::Other { event_type } if event_type == "m.room.create")
            });
            if creation_shown {
                return Ok(true);
            }
            if tokio::time::Instant::now() >= deadline {
                return Ok(false);
            }
            if at_start {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                let now = tokio::time::Instant::now();
                let due = last_reset.is_none_or(|at| now.duration_since(at) >= RESET_INTERVAL);
                if due && resets < MAX_RESETS {
                    last_reset = Some(now);
                    resets += 1;
                    self.forget_cached_history().await;
                }
            }
        }
    }

    /// Drops this room's cached events (the timeline then shows what the next pages bring).
    async fn forget_cached_history(&self) {
        match self.case.room.event_cache().await {
            Ok((cache, _handles)) => {
                if let Err(e) = cache.clear().await {
                    debug!(room_id = %self.case.room_id(), "cached history not dropped: {e}");
                }
            }
            Err(e) => debug!(room_id = %self.case.room_id(), "no event cache: {e}"),
        }
    }

    /// Sends a markdown message. Refused unless the room is encrypted. Returns once the
    /// message is durably queued on this device: it is delivered when the homeserver answers.
    pub async fn send_text(&self, markdown: &str) -> Result<()> {
        let content = self.checked_content(markdown).await?;
        self.timeline
            .send(content.with_relation(None).into())
            .await?;
        Ok(())
    }

    /// Replies to a message of the case.
    pub async fn reply(&self, to: &EventId, markdown: &str) -> Result<()> {
        let content = self.checked_content(markdown).await?;
        self.timeline
            .send_reply(content, to.to_owned())
            .await
            .map_err(|e| match e {
                matrix_sdk_ui::timeline::Error::EventNotInTimeline(_) => {
                    ConversationError::MessageNotFound
                }
                other => other.into(),
            })
    }

    /// Replaces the text of one of the doctor's own messages.
    pub async fn edit(&self, event_id: &EventId, markdown: &str) -> Result<()> {
        let content = self.checked_content(markdown).await?;
        let item = TimelineEventItemId::EventId(event_id.to_owned());
        self.timeline
            .edit(&item, EditedContent::RoomMessage(content))
            .await
            .map_err(|e| match e {
                matrix_sdk_ui::timeline::Error::EventNotInTimeline(_) => {
                    ConversationError::MessageNotFound
                }
                other => other.into(),
            })
    }

    /// Sends a read receipt for the latest event: the sender sees the case was read.
    pub async fn mark_read(&self) -> Result<bool> {
        self.timeline
            .mark_as_read(ReceiptType::Read)
            .await
            .map_err(|e| ConversationError::Timeline(e.to_string()))
    }

    /// The case header: the first `fr.innomed.case.header` event of the case's creator, once
    /// the case is loaded back to its creation (bounded). Anyone else's is not believed.
    pub(crate) async fn find_header(&self) -> Option<CaseHeader> {
        if !matches!(self.load_history(HEADER_WAIT).await, Ok(true)) {
            debug!(room_id = %self.case.room_id(), "case start not loaded");
        }
        self.messages()
            .await
            .into_iter()
            .find_map(|m| match m.kind {
                MessageKind::Header { header: h } => Some(*h),
                _ => None,
            })
    }

    async fn checked_content(
        &self,
        markdown: &str,
    ) -> Result<RoomMessageEventContentWithoutRelation> {
        if is_blank(markdown) {
            return Err(ConversationError::EmptyMessage);
        }
        let content = RoomMessageEventContent::text_markdown(markdown);
        if let Err(CaseError::TooLarge { size, limit }) = crate::cases::ensure_fits(&content) {
            return Err(ConversationError::TooLarge { size, limit });
        }
        self.ensure_sendable().await?;
        Ok(content.into())
    }

    /// Joined, and the room is encrypted: the conditions for sending anything.
    pub(crate) async fn ensure_sendable(&self) -> Result<()> {
        if self.case.room.state() != matrix_sdk::RoomState::Joined {
            return Err(ConversationError::NotJoined);
        }
        let case_error = |e| match e {
            CaseError::NotEncrypted => ConversationError::NotEncrypted,
            CaseError::NotHandedOver => ConversationError::NotHandedOver,
            CaseError::UninvitedMember => ConversationError::UninvitedMember,
            CaseError::UnconfirmedMember => ConversationError::UnconfirmedMember,
            CaseError::HomeserverUnreachable => ConversationError::HomeserverUnreachable,
            other => ConversationError::Timeline(other.to_string()),
        };
        self.case.ensure_encrypted().await.map_err(case_error)?;
        self.case.ensure_writable().await.map_err(case_error)
    }
}

/// Whether `text` would show nothing: it holds only white space, controls, and characters with
/// no glyph of their own (zero-width spaces and joiners, the word joiner and invisible
/// operators, the byte-order mark, bidi marks, embeddings, overrides and isolates, soft hyphen,
/// variation selectors, tags, fillers). Such a message is refused as
/// [`ConversationError::EmptyMessage`].
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '\u{ad}' // soft hyphen
                    | '\u{34f}' // combining grapheme joiner
                    | '\u{61c}' // Arabic letter mark
                    | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' // Hangul fillers
                    | '\u{17b4}' | '\u{17b5}' // Khmer inherent vowels
                    | '\u{180e}' // Mongolian vowel separator
                    | '\u{200b}'..='\u{200f}' // zero-width space, (non-)joiner, LRM, RLM
                    | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
                    | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
                    | '\u{2066}'..='\u{206f}' // bidi isolates, deprecated format characters
                    | '\u{2800}' // Braille blank
                    | '\u{fe00}'..='\u{fe0f}' // variation selectors
                    | '\u{feff}' // byte-order mark (zero-width no-break space)
                    | '\u{e0000}'..='\u{e007f}' // tags
                    | '\u{e0100}'..='\u{e01ef}' // variation selectors supplement
            )
    })
}

#[cfg(test)]
mod tests {
    use super::is_blank;

    #[test]
    fn a_message_of_invisible_characters_only_is_blank() {
        for blank in [
            "",
            " \t\r\n",
            "\u{a0}\u{2003}\u{3000}",  // no-break, em and ideographic spaces
            "\u{200b}",                // zero-width space
            "\u{200c}\u{200d}",        // zero-width non-joiner, joiner
            "\u{2060}",                // word joiner
            "\u{feff}",                // byte-order mark
            "\u{200e}\u{200f}\u{61c}", // LRM, RLM, ALM
            "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}", // embeddings, overrides
            "\u{2066}\u{2067}\u{2068}\u{2069}", // isolates
            " \u{200b} \u{feff}\n\u{2060} \u{200f} ",
            "\u{ad}\u{34f}\u{fe0f}\u{2800}\u{3164}\u{e0020}",
            "\u{0}\u{7}\u{1b}\u{85}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
    }

    #[test]
    fn a_message_with_anything_visible_is_not_blank() {
        for text in [
            "a",
            ".",
            "\u{200b}a\u{200b}",
            "✅",
            "👍\u{fe0f}",
            "👨\u{200d}⚕\u{fe0f}", // health worker: joined emoji
            "\u{202e}gpj.exe",
            "د",
            "**",
            "\u{2063}0",
        ] {
            assert!(!is_blank(text), "{text:?}");
        }
    }
}

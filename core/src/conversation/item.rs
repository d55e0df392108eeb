//! What the conversation screen shows: timeline items mapped one to one (so the diffs of the
//! upstream timeline keep their indexes) to plain clinical types.

use matrix_sdk::ruma::{
    events::room::message::{ImageMessageEventContent, MessageType},
    OwnedEventId, OwnedUserId,
};
use matrix_sdk_base::{crypto::types::events::UtdCause, store::QueueWedgeError};
use matrix_sdk_ui::timeline::{
    EncryptedMessage, EventSendState, EventTimelineItem, MsgLikeKind, TimelineItem,
    TimelineItemContent, TimelineItemKind, VirtualTimelineItem,
};

use super::reactions::ReactionGroup;
use crate::cases::{
    case_event_from, Advice, CaseEvent, CaseHeader, CaseRules, Rejection, CASE_EVENT_TYPES,
};

/// One row of the conversation.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ConversationItem {
    Message {
        message: Box<CaseMessage>,
    },
    /// The first item of a new day.
    DayDivider {
        timestamp_ms: u64,
    },
    /// Everything below was not read yet.
    ReadMarker,
    /// The very beginning of the case: nothing older exists.
    Start,
}

impl ConversationItem {
    pub fn as_message(&self) -> Option<&CaseMessage> {
        match self {
            Self::Message { message: m } => Some(m),
            _ => None,
        }
    }
}

/// An event of the case, decrypted locally.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CaseMessage {
    /// The event id once the homeserver accepted it.
    pub event_id: Option<OwnedEventId>,
    /// The transaction id of a message sent from this device.
    pub transaction_id: Option<String>,
    pub sender: OwnedUserId,
    pub is_own: bool,
    pub timestamp_ms: u64,
    pub kind: MessageKind,
    pub in_reply_to: Option<OwnedEventId>,
    pub edited: bool,
    /// For history shared on invitation (MSC4268): the colleague who shared it.
    pub shared_by: Option<OwnedUserId>,
    pub send_state: SendState,
    /// Colleagues whose read receipt is on this event.
    pub read_by: Vec<OwnedUserId>,
    /// The allowed reactions on it (any other reaction is not shown).
    pub reactions: Vec<ReactionGroup>,
    /// The trust its decryption established in the sender's identity (the message's shield);
    /// `None` for what arrived in clear or undecrypted.
    pub trust: crate::TrustLevel,
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MessageKind {
    /// A text message (markdown source as `body`, rendered HTML when present).
    Text { body: String, html: Option<String> },
    /// A photo: fetch its thumbnail, then the full image, with `Conversation::photo`.
    Photo { photo: Box<PhotoMessage> },
    /// A document (a PDF): open it with `Conversation::document`, its thumbnail with
    /// `Conversation::photo`.
    Document {
        document: Box<crate::documents::DocumentMessage>,
    },
    /// The case header (patient label, question…).
    Header { header: Box<CaseHeader> },
    /// The specialist's structured advice (the advice card).
    // Named apart from the `Advice` record in Kotlin and Swift, where a variant hides it.
    #[cfg_attr(feature = "uniffi", uniffi(name = "AdviceCard"))]
    Advice { advice: Box<Advice> },
    /// The case was closed, with this outcome.
    Closure { outcome: String },
    /// The GP asks to be called back on this number (the taker's app offers to call it).
    CallBack { call_back: crate::CallBack },
    /// The sender placed a call (nothing of what was said).
    Call,
    /// An encrypted event this device cannot decrypt (yet), and why.
    UnableToDecrypt { reason: UtdReason },
    /// A message nobody can vouch for: it arrived unencrypted in an encrypted case (the
    /// homeserver or a broken client put it there), or from a device its owner did not sign,
    /// or from a member nobody of the case invited. Never shown as a colleague's words.
    Untrusted,
    /// A header, advice or closure that breaks the case's rules (sent by someone who may not,
    /// or malformed): not believed, shown only as such.
    Rejected {
        event_type: String,
        reason: Rejection,
    },
    /// Someone joined, was invited, left…
    Membership {
        user_id: OwnedUserId,
        change: String,
    },
    /// A redacted message.
    Redacted,
    /// Anything else: state changes, other event types.
    Other { event_type: String },
}

/// Why a message cannot be read on this device, for the screen to explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum UtdReason {
    /// The keys may still arrive (from the sender, the key backup, or shared history).
    Waiting,
    /// Sent before the doctor joined, and not shared with them.
    SentBeforeJoined,
    /// This device is not verified: enter the recovery key (or verify it) to read.
    DeviceNotVerified,
    /// Sent before this device existed, and the account has no key backup.
    NoBackup,
    /// The sender's device is not signed by its owner, or its identity changed: refused.
    SenderNotTrusted,
    /// The sender's device chose not to share the keys with this one.
    Withheld,
}

impl From<UtdCause> for UtdReason {
    fn from(cause: UtdCause) -> Self {
        match cause {
            UtdCause::SentBeforeWeJoined => Self::SentBeforeJoined,
            UtdCause::WithheldForUnverifiedOrInsecureDevice
            | UtdCause::HistoricalMessageAndDeviceIsUnverified => Self::DeviceNotVerified,
            UtdCause::HistoricalMessageAndBackupIsDisabled => Self::NoBackup,
            UtdCause::VerificationViolation
            | UtdCause::UnsignedDevice
            | UtdCause::UnknownDevice => Self::SenderNotTrusted,
            UtdCause::WithheldBySender => Self::Withheld,
            _ => Self::Waiting,
        }
    }
}

/// What a photo message says about its image; the pixels are fetched separately.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PhotoMessage {
    /// The markdown caption, if any.
    pub caption: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Size of the image file in bytes.
    pub size: Option<u64>,
    /// A placeholder to draw before the thumbnail is decrypted.
    pub blurhash: Option<String>,
    pub has_thumbnail: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SendState {
    /// Queued on this device (offline or in flight).
    Sending,
    /// Accepted by the homeserver.
    Sent,
    /// Sending stopped; `recoverable` errors are retried when the network returns.
    Failed { recoverable: bool },
    /// Waiting: these colleagues' verified identities changed. Sent once the doctor
    /// acknowledges it (`Conversation::acknowledge_identity_change`).
    BlockedByIdentityChange { users: Vec<OwnedUserId> },
}

/// The colleagues whose identity change stopped this send, if that is why it stopped.
pub(crate) fn blocking_users(error: &matrix_sdk::Error) -> Vec<OwnedUserId> {
    match QueueWedgeError::from(error) {
        QueueWedgeError::IdentityViolations { users } => users,
        _ => Vec::new(),
    }
}

pub(crate) fn map_item(item: &TimelineItem, rules: &CaseRules) -> ConversationItem {
    match item.kind() {
        TimelineItemKind::Event(event) => ConversationItem::Message {
            message: Box::new(map_event(event, rules)),
        },
        TimelineItemKind::Virtual(VirtualTimelineItem::DateDivider(ts)) => {
            ConversationItem::DayDivider {
                timestamp_ms: ts.0.into(),
            }
        }
        TimelineItemKind::Virtual(VirtualTimelineItem::ReadMarker) => ConversationItem::ReadMarker,
        TimelineItemKind::Virtual(VirtualTimelineItem::TimelineStart) => ConversationItem::Start,
    }
}

/// A case event (header, advice, closure) checked against the case's rules.
fn judged(event: &EventTimelineItem, event_type: &str, rules: &CaseRules) -> MessageKind {
    let rejected = |reason| MessageKind::Rejected {
        event_type: event_type.to_owned(),
        reason,
    };
    let Some(case_event) = event.latest_json().and_then(case_event_from) else {
        return rejected(Rejection::Malformed);
    };
    let sender = event.sender();
    match case_event {
        CaseEvent::Malformed => rejected(Rejection::Malformed),
        CaseEvent::Header(_) | CaseEvent::Closure(_) | CaseEvent::CallBack(_)
            if rules.creator.as_deref() != Some(sender) =>
        {
            rejected(Rejection::NotFromCreator)
        }
        CaseEvent::Advice(_) if rules.taker.as_deref() != Some(sender) => {
            rejected(Rejection::NotFromTaker)
        }
        CaseEvent::Header(header) => MessageKind::Header { header },
        CaseEvent::Advice(advice) => MessageKind::Advice { advice },
        CaseEvent::Closure(outcome) => MessageKind::Closure { outcome },
        CaseEvent::CallBack(call_back) => MessageKind::CallBack {
            call_back: *call_back,
        },
        CaseEvent::Call => MessageKind::Call,
    }
}

/// Whether a decrypted event's sender can be vouched for: a device its owner signed, of a
/// member the case let in.
fn vouched_for(event: &EventTimelineItem, rules: &CaseRules) -> bool {
    if rules
        .uninvited
        .iter()
        .any(|u| u.as_str() == event.sender().as_str())
    {
        return false;
    }
    match event.encryption_info() {
        Some(info) => crate::cases::signed_by_owner(&info.verification_state),
        None => true,
    }
}

fn map_event(event: &EventTimelineItem, rules: &CaseRules) -> CaseMessage {
    let (kind, in_reply_to, edited) = match event.content() {
        TimelineItemContent::MsgLike(msg_like) => {
            let in_reply_to = msg_like.in_reply_to.as_ref().map(|r| r.event_id.clone());
            let (kind, edited) = match &msg_like.kind {
                MsgLikeKind::Message(message) => {
                    let kind = match message.msgtype() {
                        MessageType::Image(image) => MessageKind::Photo {
                            photo: Box::new(photo(image)),
                        },
                        MessageType::File(file) => MessageKind::Document {
                            document: Box::new(crate::documents::document_message(file)),
                        },
                        MessageType::Text(text) => MessageKind::Text {
                            body: message.body().to_owned(),
                            html: text.formatted.as_ref().map(|f| f.body.clone()),
                        },
                        _ => MessageKind::Text {
                            body: message.body().to_owned(),
                            html: None,
                        },
                    };
                    (kind, message.is_edited())
                }
                MsgLikeKind::UnableToDecrypt(encrypted) => {
                    let reason = match encrypted {
                        EncryptedMessage::MegolmV1AesSha2 { cause, .. } => (*cause).into(),
                        _ => UtdReason::Waiting,
                    };
                    (MessageKind::UnableToDecrypt { reason }, false)
                }
                MsgLikeKind::Redacted => (MessageKind::Redacted, false),
                MsgLikeKind::Other(other) => {
                    let event_type = other.event_type().to_string();
                    let kind = if CASE_EVENT_TYPES.contains(&event_type.as_str()) {
                        judged(event, &event_type, rules)
                    } else {
                        MessageKind::Other { event_type }
                    };
                    (kind, false)
                }
                _ => (
                    MessageKind::Other {
                        event_type: "message-like".to_owned(),
                    },
                    false,
                ),
            };
            // A message-like event of a colleague always arrives encrypted in a case (the core
            // refuses to send otherwise); one that did not was written by someone else.
            let readable = !matches!(
                kind,
                MessageKind::UnableToDecrypt { .. } | MessageKind::Redacted
            );
            let in_clear = event.is_remote_event() && event.encryption_info().is_none();
            if readable && (in_clear || !vouched_for(event, rules)) {
                (MessageKind::Untrusted, None, false)
            } else {
                (kind, in_reply_to, edited)
            }
        }
        TimelineItemContent::MembershipChange(change) => (
            MessageKind::Membership {
                user_id: change.user_id().to_owned(),
                change: change
                    .change()
                    .map_or_else(|| "other".to_owned(), |c| format!("{c:?}")),
            },
            None,
            false,
        ),
        TimelineItemContent::OtherState(state) => (
            MessageKind::Other {
                event_type: state.content().event_type().to_string(),
            },
            None,
            false,
        ),
        _ => (
            MessageKind::Other {
                event_type: "other".to_owned(),
            },
            None,
            false,
        ),
    };
    let send_state = match event.send_state() {
        None | Some(EventSendState::Sent { .. }) => SendState::Sent,
        Some(EventSendState::NotSentYet { .. }) => SendState::Sending,
        Some(EventSendState::SendingFailed {
            error,
            is_recoverable,
        }) => match blocking_users(error) {
            users if !users.is_empty() => SendState::BlockedByIdentityChange { users },
            _ => SendState::Failed {
                recoverable: *is_recoverable,
            },
        },
    };
    let sender = event.sender().to_owned();
    let read_by = event
        .read_receipts()
        .keys()
        .filter(|u| **u != sender)
        .cloned()
        .collect();
    let trust = match event.encryption_info() {
        Some(info) => crate::TrustLevel::of_event(
            &info.verification_state,
            rules.trust.get(event.sender()).copied(),
        ),
        // This device's own message, not sent yet.
        None if event.is_own() && !event.is_remote_event() => crate::TrustLevel::Verified,
        None => crate::TrustLevel::None,
    };
    CaseMessage {
        event_id: event.event_id().map(ToOwned::to_owned),
        transaction_id: event.transaction_id().map(ToString::to_string),
        is_own: event.is_own(),
        timestamp_ms: event.timestamp().0.into(),
        kind,
        in_reply_to,
        edited,
        shared_by: event.forwarder().map(ToOwned::to_owned),
        send_state,
        read_by,
        reactions: super::reactions::groups(event.content().reactions()),
        sender,
        trust,
    }
}

fn photo(image: &ImageMessageEventContent) -> PhotoMessage {
    let info = image.info.as_deref();
    let number = |n: Option<matrix_sdk::ruma::UInt>| n.map(u64::from);
    PhotoMessage {
        caption: image.caption().map(ToOwned::to_owned),
        width: number(info.and_then(|i| i.width)).and_then(|n| u32::try_from(n).ok()),
        height: number(info.and_then(|i| i.height)).and_then(|n| u32::try_from(n).ok()),
        size: number(info.and_then(|i| i.size)),
        blurhash: info.and_then(|i| i.blurhash.clone()),
        has_thumbnail: info.is_some_and(|i| i.thumbnail_source.is_some()),
    }
}

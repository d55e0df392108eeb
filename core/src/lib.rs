//! Innomed core: end-to-end encrypted case messaging for primary care, on matrix-rust-sdk.
//!
//! The crate is plain async Rust, no platform code. With the `uniffi` feature its plain enums,
//! records and errors also derive their UniFFI form ([`ffi`]), which `innomed-ffi` exports. Features live in folders:
//! - [`account`]: register, log in, restore, log out; one encrypted store folder per account.
//! - [`sync`]: the sliding-sync service and the durable send queue's reconnection.
//! - [`cases`]: case rooms (creation, header, status, invitations) and the live case list.
//! - [`conversation`]: the case timeline (messages, replies, edits, receipts, history).
//! - [`photos`]: clinical photos: sanitised (metadata removed, orientation applied, limits),
//!   sent as encrypted attachments with consent, fetched thumbnail first with a hash check.
//! - [`push`]: content-free pushers, and the notification decrypted on the device.
//! - [`search`]: search across every case, in an index on the device sealed with the store key.
//! - [`trust`]: the doctor's identity across devices (recovery key, key backup).
//! - [`cpts`]: the CPTS space, directory and duty rota; télé-expertise requests routed to the
//!   specialist on duty, first acceptance wins, structured advice, deadlines, local report.
//!
//! Protocol decisions (`docs/protocol-notes.md`, ARCHITECTURE.md): no patient data in room
//! state, encryption in the creation request, refusal to send into any room that is not
//! encrypted.

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod account;
pub mod cases;
mod client;
pub mod conversation;
pub mod cpts;
pub mod documents;
mod failure;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod photos;
pub mod private_file;
pub mod push;
pub mod requests;
pub mod search;
pub mod sync;
pub mod trust;

pub use account::{AccountError, ClientConfig, PscSignIn, SavedSession, StoreKey, PSC_PROVIDER_ID};
pub use cases::{
    Advice, AgeBand, CaseAction, CaseActions, CaseError, CaseFilter, CaseHeader, CaseList,
    CaseListUpdates, CaseMember, CaseRole, CaseRoom, CaseStatus, CaseStatusEventContent,
    CaseSummary, Deadline, HandoverWait, HeaderProblem, InPerson, LastMessage, Membership, NewCase,
    Rejection, Sex, Unvouched, UnvouchedMember, Urgency, MAX_CONTENT_BYTES,
};
pub use client::InnomedClient;
pub use conversation::{
    CaseMessage, Conversation, ConversationError, ConversationItem, ConversationUpdates,
    MessageKind, PhotoMessage, Reaction, ReactionGroup, SendState, UtdReason,
};
pub use cpts::{
    Absence, Availability, AvailabilityProblem, Cpts, CptsError, DutySlot, EntryEdit, JoinRequest,
    MemberAvailability, MemberEntry, NewMember, Partner, Permanence, Profession, PscIdentity,
    RequestProblem, RoutingWindows, Rpps, RppsError, SlotProblem, Weekday,
};
pub use documents::{prepare_file, DocumentMessage, FileKind, PreparedFile};
pub use photos::{
    MessageRef, PhotoError, PhotoSize, PhotoSource, PhotoUpload, SanitizeOptions, UploadProgress,
};
pub use push::{
    CaseNotification, NotificationKind, PushError, PushPlatform, PusherConfig,
    IOS_PUSH_PLACEHOLDER_KEY,
};
pub use requests::{
    CallBack, DeadlineAlert, DeadlineState, NextStep, NextStepState, RequestBrief, RequestFilter,
    RequestPhoto, RequestSummary, ScheduledReminder, TeleExpertiseRequest, UnansweredRequest,
};
pub use search::{HitKind, SearchError, SearchHit, SearchProgress, SnippetPart};
pub use sync::SyncError;
pub use trust::{
    DeviceInfo, RecoveryStatus, SasEmoji, TrustError, TrustLevel, Verification, VerificationState,
};

/// Diffs of live lists (case list, conversation).
pub use eyeball_im::VectorDiff;
/// Re-exported so callers can name ids without depending on ruma themselves.
pub use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId};

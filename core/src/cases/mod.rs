//! Case rooms: creation, header, status, invitations, and the live case list.

mod actions;
mod archive;
mod audience;
mod authority;
mod confirmation;
pub(crate) mod create;
mod diff;
mod error;
mod events;
pub(crate) mod filter;
mod handover;
mod history;
mod list;
mod mute;
mod people;
mod removal;
mod rules;
mod unread;
mod vouching;

use matrix_sdk::{
    ruma::{
        api::{client::state::get_state_events, error::ErrorKind},
        events::{AnyStateEvent, AnySyncTimelineEvent, StateEventType},
        serde::Raw,
        OwnedRoomId, OwnedUserId, RoomId,
    },
    Room, RoomState,
};
use matrix_sdk_base::RoomInfoNotableUpdateReasons;
use tracing::{debug, info, warn};

pub(crate) use self::confirmation::confirm_identity;
use self::error::Result;
pub use self::{
    actions::{CaseAction, CaseActions, CaseRole, Deadline, HandoverWait},
    archive::CASE_ARCHIVE_TYPE,
    authority::{Unvouched, UnvouchedMember},
    create::NewCase,
    error::{CaseError, HeaderProblem},
    events::{
        AgeBand, CaseAdviceEventContent as Advice, CaseClaimEventContent, CaseClosureEventContent,
        CaseHeaderEventContent as CaseHeader, CaseStatus, CaseStatusEventContent, InPerson, Sex,
        Urgency, CASE_ADVICE_TYPE, CASE_CALL_BACK_TYPE, CASE_CALL_TYPE, CASE_CLAIM_TYPE,
        CASE_CLOSURE_TYPE, CASE_EVENT_TYPES, CASE_HEADER_TYPE, CASE_ROOM_TYPE, CASE_STATUS_TYPE,
    },
    filter::CaseFilter,
    handover::TAKEN_REASON,
    list::{CaseList, CaseListUpdates, CaseSummary, LastMessage, Membership},
    people::CaseMember,
    rules::Rejection,
};
pub(crate) use self::{
    archive::Archives,
    authority::{creator_of, mark_answered, taker_from_history, Authorities, CaseRules},
    create::Inviters,
    handover::{remember_routed, routed as routed_of, Handovers},
    history::HistorySharing,
    list::latest_activity_ms,
    mute::MuteSettings,
    rules::{events_of_types, signed_by_owner},
};
use crate::InnomedClient;

/// One case room, seen by the signed-in doctor.
#[derive(Clone, Debug)]
pub struct CaseRoom {
    pub(crate) client: InnomedClient,
    pub(crate) room: Room,
}

impl CaseRoom {
    pub(crate) fn new(client: InnomedClient, room: Room) -> Result<Self> {
        if !is_case(&room) {
            return Err(CaseError::NotACase);
        }
        Ok(Self { client, room })
    }

    pub fn room_id(&self) -> &RoomId {
        self.room.room_id()
    }

    /// The opaque code shown in lists and naming the report's files (`IM-7K2QX9`).
    ///
    /// The room name is server-controlled: it is used only when it is a code Innomed makes,
    /// else the code is made from the room id's letters and digits (never a path, a control
    /// character or a patient's name).
    pub fn code(&self) -> String {
        create::checked_code(self.room.name().as_deref(), self.room.room_id())
    }

    pub fn membership(&self) -> Membership {
        Membership::from(self.room.state())
    }

    /// Status, specialty, urgency and due date.
    ///
    /// Sliding sync does not carry custom state in its required state, so the status comes
    /// from the local state store when sync saw it in the timeline, else from a copy kept in
    /// the encrypted store, else from the homeserver (then kept). Invitations have none.
    ///
    /// Only the creator's status event is read (the homeserver refuses anyone else's in a case
    /// created by Innomed; older rooms are checked here), and the rules move it on: a valid
    /// claim means accepted, the taker's advice answered.
    pub async fn status(&self) -> Result<Option<CaseStatusEventContent>> {
        let status = match self.local_status().await? {
            Some(status) => Some(status),
            None if self.room.state() != RoomState::Joined => None,
            None => match self.cached_status().await {
                Some(cached) => Some(cached),
                None => {
                    let fetched = fetch_status_of(&self.room).await?;
                    if let Some(status) = &fetched {
                        self.cache_status(status).await;
                    }
                    fetched
                }
            },
        };
        match status {
            Some(status) => {
                // Sliding sync may skip a claim event: the claims are read again (now and then)
                // while this device knows no taker.
                if authority::is_request(&status) {
                    if let Err(e) = self.client.authorities.taker_throttled(&self.room).await {
                        debug!(room_id = %self.room_id(), "claims not read: {e}");
                    }
                    // A hand-over that failed (offline, a withdrawal not synced) is tried again.
                    self.hand_over_if_mine(&status).await;
                }
                Ok(Some(self.apply_rules(status).await))
            }
            None => Ok(None),
        }
    }

    /// The status without any network access (for the case list).
    pub(crate) async fn known_status(&self) -> Option<CaseStatusEventContent> {
        let status = match self.local_status().await {
            Ok(Some(status)) => Some(status),
            _ => self.cached_status().await,
        }?;
        Some(self.apply_rules(status).await)
    }

    /// The creator's status event in the local state, if sync saw it.
    async fn local_status(&self) -> Result<Option<CaseStatusEventContent>> {
        let raw = self
            .room
            .get_state_event(StateEventType::from(CASE_STATUS_TYPE), "")
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        let Some(creator) = rules::creator(&self.room) else {
            return Ok(None);
        };
        let (sender, content): (Option<OwnedUserId>, Option<CaseStatusEventContent>) = match raw {
            Some(matrix_sdk::deserialized_responses::RawAnySyncOrStrippedState::Sync(ev)) => (
                ev.get_field("sender").ok().flatten(),
                ev.get_field("content").ok().flatten(),
            ),
            Some(matrix_sdk::deserialized_responses::RawAnySyncOrStrippedState::Stripped(ev)) => (
                ev.get_field("sender").ok().flatten(),
                ev.get_field("content").ok().flatten(),
            ),
            None => (None, None),
        };
        if sender.is_some() && sender.as_ref() != Some(&creator) {
            warn!(room_id = %self.room_id(), "a status not written by the case's creator: ignored");
            return Ok(None);
        }
        Ok(content)
    }

    fn status_cache_key(&self) -> Vec<u8> {
        status_cache_key(self.room.room_id())
    }

    async fn cached_status(&self) -> Option<CaseStatusEventContent> {
        let client = self.room.client();
        let bytes = client
            .state_store()
            .get_custom_value(&self.status_cache_key())
            .await
            .ok()??;
        serde_json::from_slice(&bytes).ok()
    }

    pub(crate) async fn cache_status(&self, status: &CaseStatusEventContent) {
        cache_status_of(&self.room, status).await;
    }

    /// The status as the homeserver has it now (the creator's, moved on by the rules), for
    /// decisions that must not act on a stale copy (inviting into a case that was just closed).
    pub(crate) async fn fetch_status(&self) -> Result<Option<CaseStatusEventContent>> {
        match fetch_status_of(&self.room).await? {
            Some(status) => {
                // Kept: known offline from now on (whether a request was handed over, too).
                self.cache_status(&status).await;
                // The claims are read now too, so the rules' taker is the one applied.
                if authority::is_request(&status) {
                    self.client.authorities.taker(&self.room).await?;
                }
                Ok(Some(self.apply_rules(status).await))
            }
            None => Ok(None),
        }
    }

    /// Changes the status (open, answered, closed), keeping specialty, urgency and due date.
    /// The doctor who opened the case only: the homeserver refuses anyone else.
    pub async fn set_status(&self, status: CaseStatus) -> Result<()> {
        if rules::creator(&self.room).as_deref() != Some(self.room.own_user_id()) {
            return Err(CaseError::NotAllowed);
        }
        let mut content = fetch_status_of(&self.room)
            .await?
            .unwrap_or(CaseStatusEventContent {
                status,
                specialty: None,
                urgency: Urgency::default(),
                due_ms: None,
                cpts: None,
                accepted_by: None,
            });
        // A télé-expertise request moves through its own steps (take, advice, close with a
        // report): its status is not set by hand.
        if content.cpts.is_some() && content.status != CaseStatus::Open {
            return Err(CaseError::NotAllowed);
        }
        content.status = status;
        self.write_status(&content)
            .await
            .map_err(|e| match e.client_api_error_kind() {
                Some(ErrorKind::Forbidden) => CaseError::NotAllowed,
                _ => CaseError::from_sdk(&e),
            })?;
        info!(room_id = %self.room_id(), ?status, "case status changed");
        Ok(())
    }

    /// Sends the status state event and keeps the stored copy in step.
    pub(crate) async fn write_status(
        &self,
        content: &CaseStatusEventContent,
    ) -> std::result::Result<(), matrix_sdk::Error> {
        write_status_of(&self.room, content).await
    }

    /// The decrypted case header, looked up in the timeline (back-paginating as needed).
    pub async fn header(&self) -> Result<Option<CaseHeader>> {
        let conversation = self
            .conversation()
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        Ok(conversation.find_header().await)
    }

    /// Invites a colleague. The room's history is shared with them (MSC4268), so they can read
    /// what was sent before the invitation.
    pub async fn invite(&self, user_id: &str) -> Result<()> {
        let user_id =
            crate::account::parse_user_id(user_id).map_err(|_| CaseError::InvalidUserId)?;
        if self
            .fetch_status()
            .await?
            .is_some_and(|s| s.status == CaseStatus::Closed)
        {
            return Err(CaseError::CaseClosed);
        }
        self.ensure_encrypted().await?;
        self.check_invitee(&user_id).await?;
        // Nobody more is let into a case someone nobody invited is in (a member this doctor
        // has not confirmed yet receives nothing from an invitation).
        match self.ensure_no_uninvited().await {
            Ok(()) | Err(CaseError::UnconfirmedMember) => {}
            Err(e) => return Err(e),
        }
        self.vouch_for(std::slice::from_ref(&user_id)).await?;
        // Inviting is the doctor's decision about this colleague, for the identity seen now.
        confirmation::remember(&self.room, std::slice::from_ref(&user_id), false).await;
        if self.was_member(&user_id).await {
            // Coming back after leaving or being removed: what was sent meanwhile stays closed.
            self.invite_without_history(&user_id).await?;
            info!(room_id = %self.room_id(), "colleague invited again, without history");
            return Ok(());
        }
        self.room.invite_user_by_id(&user_id).await.map_err(|e| {
            match e.client_api_error_kind() {
                Some(ErrorKind::NotFound) => CaseError::UnknownUser,
                // Below the room's invite power level (a care team's members).
                Some(ErrorKind::Forbidden) => CaseError::NotAllowed,
                _ => CaseError::from_sdk(&e),
            }
        })?;
        self.client
            .history
            .remember_invite(&self.client.client, self.room.room_id(), &user_id)
            .await;
        info!(room_id = %self.room_id(), "colleague invited");
        Ok(())
    }

    /// Whether the homeserver knows this user: a user without any device keys has never
    /// signed in and cannot read the case, so the invitation is refused up front.
    ///
    /// Only accounts with a cross-signing identity are let in: a device of an account without
    /// one (an old or foreign client) could not be told apart from an impostor's, and its
    /// messages would be decrypted as "legacy". Every Innomed account sets its identity up at
    /// first sign-in, so a colleague who just signed in is waited for a few seconds.
    async fn check_invitee(&self, user_id: &matrix_sdk::ruma::UserId) -> Result<()> {
        check_invitee(&self.client.client, user_id).await
    }
}

/// See [`CaseRoom::check_invitee`]: also asked before a care team is created, so that a member
/// who cannot be invited leaves no half-invited case behind.
pub(crate) async fn check_invitee(
    client: &matrix_sdk::Client,
    user_id: &matrix_sdk::ruma::UserId,
) -> Result<()> {
    let encryption = client.encryption();
    let deadline = tokio::time::Instant::now() + IDENTITY_WAIT;
    loop {
        let identity = encryption
            .request_user_identity(user_id)
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        if identity.is_some() {
            return Ok(());
        }
        let devices = encryption
            .get_user_devices(user_id)
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        if devices.devices().next().is_none() {
            return Err(CaseError::UnknownUser);
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(CaseError::NotCrossSigned);
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}

impl CaseRoom {
    /// Accepts a pending invitation; the shared history is imported on the way.
    pub async fn accept(&self) -> Result<()> {
        if self.room.state() != RoomState::Invited {
            return Err(CaseError::NotInvited);
        }
        // The inviter's identity must be known to accept the history they share.
        let mut inviter = None;
        if let Ok(invite) = self.room.invite_details().await {
            if let Some(member) = invite.inviter {
                history::fetch_identity(&self.client.client, member.user_id()).await;
                inviter = Some(member.user_id().to_owned());
            }
        }
        self.room
            .join()
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        // Accepting (or taking a request) is the doctor's decision about whoever invited them.
        if let Some(inviter) = inviter {
            confirmation::remember(&self.room, &[inviter], false).await;
        }
        info!(room_id = %self.room_id(), "invitation accepted");
        Ok(())
    }

    /// Declines a pending invitation.
    pub async fn decline(&self) -> Result<()> {
        if self.room.state() != RoomState::Invited {
            return Err(CaseError::NotInvited);
        }
        self.room
            .leave()
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        info!(room_id = %self.room_id(), "invitation declined");
        Ok(())
    }

    /// Fails with [`CaseError::NotEncrypted`] unless the room is end-to-end encrypted.
    ///
    /// A room that does not look encrypted locally is checked once more with the homeserver:
    /// sync may have seen a room mid-creation, before its `m.room.encryption` event. A room is
    /// only ever accepted as encrypted, never downgraded, so a refusal is the safe outcome.
    pub(crate) async fn ensure_encrypted(&self) -> Result<()> {
        if self.room.encryption_state().is_encrypted() {
            return Ok(());
        }
        self.room
            .update_and_save_room_info(|mut info| {
                info.mark_encryption_state_missing();
                (info, RoomInfoNotableUpdateReasons::empty())
            })
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        let state = self
            .room
            .latest_encryption_state()
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        if state.is_encrypted() {
            Ok(())
        } else {
            Err(CaseError::NotEncrypted)
        }
    }
}

/// The creator's status as the homeserver has it now. The whole state is read, so the sender
/// of the status can be checked against the sender of `m.room.create`: a status written by
/// anyone else (possible in rooms whose power levels predate the rules) is ignored, and so is
/// a malformed one.
pub(crate) async fn fetch_status_of(room: &Room) -> Result<Option<CaseStatusEventContent>> {
    let request = get_state_events::v3::Request::new(room.room_id().to_owned());
    let state = match room.client().send(request).await {
        Ok(response) => response.room_state,
        Err(e) if e.client_api_error_kind() == Some(&ErrorKind::NotFound) => return Ok(None),
        Err(e) => return Err(CaseError::from_sdk(&matrix_sdk::Error::Http(Box::new(e)))),
    };
    let creator = state
        .iter()
        .find(|raw| field(raw, "type").as_deref() == Some("m.room.create"))
        .and_then(|raw| field(raw, "sender"));
    let Some(status) = state.iter().find(|raw| {
        field(raw, "type").as_deref() == Some(CASE_STATUS_TYPE)
            && field(raw, "state_key").as_deref() == Some("")
    }) else {
        return Ok(None);
    };
    if creator.is_none() || field(status, "sender") != creator {
        warn!(room_id = %room.room_id(), "a status not written by the case's creator: ignored");
        return Ok(None);
    }
    Ok(status.get_field("content").ok().flatten())
}

fn field(raw: &Raw<AnyStateEvent>, name: &str) -> Option<String> {
    raw.get_field::<String>(name).ok().flatten()
}

/// Sends the status state event and keeps the stored copy in step.
pub(crate) async fn write_status_of(
    room: &Room,
    content: &CaseStatusEventContent,
) -> std::result::Result<(), matrix_sdk::Error> {
    room.send_state_event(content.clone()).await?;
    cache_status_of(room, content).await;
    Ok(())
}

/// Whether `room` is a télé-expertise request, from what this device has (its state, else
/// the status it kept when it wrote or last read it); no network.
pub(crate) async fn is_request_room(room: &Room) -> bool {
    let local = match room
        .get_state_event(StateEventType::from(CASE_STATUS_TYPE), "")
        .await
    {
        Ok(Some(matrix_sdk::deserialized_responses::RawAnySyncOrStrippedState::Sync(raw))) => raw
            .get_field::<CaseStatusEventContent>("content")
            .ok()
            .flatten(),
        _ => None,
    };
    let status = match local {
        Some(status) => Some(status),
        None => room
            .client()
            .state_store()
            .get_custom_value(&status_cache_key(room.room_id()))
            .await
            .ok()
            .flatten()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok()),
    };
    status.is_some_and(|s| authority::is_request(&s))
}

async fn cache_status_of(room: &Room, status: &CaseStatusEventContent) {
    let Ok(bytes) = serde_json::to_vec(status) else {
        return;
    };
    let _ = room
        .client()
        .state_store()
        .set_custom_value(&status_cache_key(room.room_id()), bytes)
        .await;
}

/// How long an invitation waits for a colleague's cross-signing identity to appear.
const IDENTITY_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

fn status_cache_key(room_id: &RoomId) -> Vec<u8> {
    format!("{CASE_STATUS_TYPE}:{room_id}").into_bytes()
}

/// Keeps the stored copy of each case's status current: a colleague's change (accepted,
/// answered, closed) arrives through sync, which does not always keep custom state itself.
pub(crate) fn install_status_watch(client: &matrix_sdk::Client) {
    client.add_event_handler(
        |event: matrix_sdk::ruma::events::SyncStateEvent<CaseStatusEventContent>,
         room: Room| async move {
            if let Some(original) = event.as_original() {
                if rules::creator(&room).as_ref() == Some(&original.sender) {
                    cache_status_of(&room, &original.content).await;
                }
            }
        },
    );
}

pub(crate) fn is_case(room: &Room) -> bool {
    room.room_type()
        .is_some_and(|t| t.to_string() == CASE_ROOM_TYPE)
}

/// A case event (header, advice, closure) as decoded, before the rules say who may send it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CaseEvent {
    Header(Box<CaseHeader>),
    Advice(Box<Advice>),
    Closure(String),
    /// The number the GP asks to be called back on.
    CallBack(Box<crate::CallBack>),
    /// A member placed a call.
    Call,
    /// Missing fields, unknown values or oversized text: ignored, the case stays usable.
    Malformed,
}

/// Longest text accepted in one field of a case event (characters): a question, an advice or
/// an outcome is a few paragraphs; anything longer is not from an Innomed client.
pub const MAX_FIELD_CHARS: usize = 10_000;
/// Longest patient label (initials or a pseudonym).
pub const MAX_LABEL_CHARS: usize = 100;

/// Largest content, in bytes of JSON, of anything Innomed encrypts into a case. A Matrix
/// event may not exceed 65,536 bytes; encrypted, its content grows by a third (base64) plus
/// the envelope, so above this the homeserver would refuse it and it would stay in the outbox
/// for good. Checked before anything is created or queued.
pub const MAX_CONTENT_BYTES: usize = 40_000;

/// `TooLarge` if `content`, as it would be encrypted, is over [`MAX_CONTENT_BYTES`].
pub(crate) fn ensure_fits<T: serde::Serialize>(content: &T) -> Result<()> {
    let size = serde_json::to_vec(content).map_or(usize::MAX, |json| json.len());
    if size > MAX_CONTENT_BYTES {
        return Err(CaseError::TooLarge {
            size: size as u64,
            limit: MAX_CONTENT_BYTES as u64,
        });
    }
    Ok(())
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

/// Decodes a case event (header, advice, closure, call back, call) from a decrypted timeline event. `None` for
/// any other event type.
pub(crate) fn case_event_from(raw: &Raw<AnySyncTimelineEvent>) -> Option<CaseEvent> {
    let event_type: String = raw.get_field("type").ok().flatten()?;
    let content = || raw.get_field::<serde_json::Value>("content").ok().flatten();
    let event = match event_type.as_str() {
        CASE_HEADER_TYPE => content()
            .and_then(|c| serde_json::from_value::<CaseHeader>(c).ok())
            .filter(|h| {
                !too_long(&h.patient_label, MAX_LABEL_CHARS)
                    && !too_long(&h.reason, MAX_FIELD_CHARS)
                    && !too_long(&h.question, MAX_FIELD_CHARS)
            })
            .map_or(CaseEvent::Malformed, |h| CaseEvent::Header(Box::new(h))),
        CASE_ADVICE_TYPE => content()
            .and_then(|c| serde_json::from_value::<Advice>(c).ok())
            .filter(|a| {
                !too_long(&a.assessment, MAX_FIELD_CHARS)
                    && !too_long(&a.recommendation, MAX_FIELD_CHARS)
            })
            .map_or(CaseEvent::Malformed, |a| CaseEvent::Advice(Box::new(a))),
        CASE_CLOSURE_TYPE => content()
            .and_then(|c| serde_json::from_value::<CaseClosureEventContent>(c).ok())
            .filter(|c| !too_long(&c.outcome, MAX_FIELD_CHARS))
            .map_or(CaseEvent::Malformed, |c| CaseEvent::Closure(c.outcome)),
        CASE_CALL_BACK_TYPE => content()
            .and_then(crate::CallBack::from_event)
            .map_or(CaseEvent::Malformed, |c| CaseEvent::CallBack(Box::new(c))),
        CASE_CALL_TYPE => content().map_or(CaseEvent::Malformed, |_| CaseEvent::Call),
        _ => return None,
    };
    Some(event)
}

impl InnomedClient {
    /// A case this account has joined or been invited to.
    pub fn case(&self, room_id: &str) -> Result<CaseRoom> {
        let room_id = OwnedRoomId::try_from(room_id.trim()).map_err(|_| CaseError::NotFound)?;
        let room = self.client.get_room(&room_id).ok_or(CaseError::NotFound)?;
        CaseRoom::new(self.clone(), room)
    }
}

//! What this device knows of a case's rules: the taker of a request, the members nobody of the
//! case let in, and whether the taker's advice arrived. Computed from the room's history by
//! [`super::rules`], kept in memory for the screens (which map events synchronously) and the
//! immutable facts (the taker once the creator's hand-over recorded them, an answer) in the
//! encrypted store across restarts.

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, RwLock},
};

use matrix_sdk::{
    ruma::{
        events::{SyncMessageLikeEvent, SyncStateEvent},
        OwnedEventId, OwnedRoomId, OwnedUserId, RoomId, UserId,
    },
    Client, Room,
};
use tracing::{debug, info, warn};

use super::{
    error::Result,
    events::{
        CaseAdviceEventContent, CaseClaimEventContent, CaseStatus, CaseStatusEventContent,
        CASE_CLAIM_TYPE, CASE_STATUS_TYPE,
    },
    rules::{self, MEMBER_TYPE},
    CaseError, CaseRoom,
};

/// The rules of one case as this device knows them now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CaseRules {
    pub creator: Option<OwnedUserId>,
    pub taker: Option<OwnedUserId>,
    /// Joined without an invitation from a trusted member of the case.
    pub uninvited: Vec<OwnedUserId>,
    /// The membership events (invitations, joins) the history read had.
    pub judged: Vec<OwnedEventId>,
    /// This doctor's trust in people's identities as this device last read it (the account's,
    /// not only this case's), for the shields of messages.
    pub trust: HashMap<OwnedUserId, crate::TrustLevel>,
}

/// Shared by every clone of the account's client.
#[derive(Clone, Default)]
pub(crate) struct Authorities {
    /// The taker of each request as last read (provisional until settled).
    takers: Arc<RwLock<HashMap<OwnedRoomId, OwnedUserId>>>,
    /// Requests whose taker the creator's hand-over recorded: final.
    settled: Arc<RwLock<HashSet<OwnedRoomId>>>,
    uninvited: Arc<RwLock<HashMap<OwnedRoomId, Vec<OwnedUserId>>>>,
    judged: Arc<RwLock<HashMap<OwnedRoomId, Vec<OwnedEventId>>>>,
    /// This doctor's trust in each person's identity, as last read from the crypto store.
    pub(crate) trust: Arc<RwLock<HashMap<OwnedUserId, crate::TrustLevel>>>,
    /// Colleagues verified on a CPTS's word: the master key each was attested with, by whom.
    pub(crate) attested: Arc<RwLock<HashMap<OwnedUserId, crate::cpts::Attested>>>,
    /// Whether `attested` holds what the store kept from earlier runs.
    pub(crate) attested_loaded: Arc<std::sync::atomic::AtomicBool>,
    /// When the CPTS attestations were last read.
    pub(crate) attestations_read: Arc<RwLock<Option<std::time::Instant>>>,
    /// Rooms whose send queue is held while someone nobody invited is in them.
    pub(crate) withheld: crate::sync::Withheld,
    /// When each request without a known taker last had its claims read (lists poll it).
    looked: Arc<RwLock<HashMap<OwnedRoomId, std::time::Instant>>>,
}

/// How often a request that nobody has taken has its claims read again for the lists (sliding
/// sync may skip a claim event when several events arrive at once, so the handlers alone are
/// not enough).
const TAKER_LOOK_INTERVAL: std::time::Duration = std::time::Duration::from_secs(5);

impl Authorities {
    /// What is known now, without any I/O (for mapping timeline items).
    pub(crate) fn rules_of(&self, room: &Room) -> CaseRules {
        let room_id = room.room_id();
        CaseRules {
            creator: rules::creator(room),
            taker: read(&self.takers).get(room_id).cloned(),
            uninvited: read(&self.uninvited)
                .get(room_id)
                .cloned()
                .unwrap_or_default(),
            judged: read(&self.judged).get(room_id).cloned().unwrap_or_default(),
            trust: read(&self.trust).clone(),
        }
    }

    fn remember(&self, room_id: &RoomId, rules: &CaseRules) {
        if let Some(taker) = &rules.taker {
            self.remember_taker(room_id, taker);
        }
        if let Ok(mut map) = self.uninvited.write() {
            map.insert(room_id.to_owned(), rules.uninvited.clone());
        }
        if let Ok(mut map) = self.judged.write() {
            map.insert(room_id.to_owned(), rules.judged.clone());
        }
    }

    /// Registers the sync handlers that keep the rules current on every member's device. They
    /// read the homeserver, so they run beside the sync loop rather than holding it up.
    pub(crate) fn install(&self, client: &Client) {
        self.install_audience_watch(client);
        let this = self.clone();
        client.add_event_handler(
            move |_event: SyncStateEvent<CaseClaimEventContent>, room: Room| {
                let this = this.clone();
                async move {
                    tokio::spawn(async move {
                        if let Err(e) = this.refresh(&room).await {
                            debug!(room_id = %room.room_id(), "case rules not refreshed: {e}");
                        }
                    });
                }
            },
        );
        let this = self.clone();
        client.add_event_handler(
            move |event: SyncMessageLikeEvent<CaseAdviceEventContent>, room: Room| {
                let this = this.clone();
                async move {
                    let sender = event.sender().to_owned();
                    tokio::spawn(async move { this.on_advice(sender, room).await });
                }
            },
        );
    }

    /// Reads the room's history again and updates what this device knows.
    pub(crate) async fn refresh(&self, room: &Room) -> Result<CaseRules> {
        let events = rules::history(room, RULES_TYPES)
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        let creator = rules::creator(room);
        let records = if super::vouching::signs_invitations(room).await {
            let records = super::vouching::invitation_records(room)
                .await
                .map_err(|e| CaseError::from_sdk(&e))?;
            Some(records)
        } else {
            None
        };
        let me = room.own_user_id();
        let vouched = records.as_ref().map(|r| rules::Vouched {
            me,
            records: &r.vouched,
        });
        super::confirmation::learn_from_history(room, &events, records.as_ref()).await;
        let (taker, recorded, uninvited) = match &creator {
            Some(creator) => (
                rules::taker(creator, &events),
                rules::recorded_taker(creator, &events),
                rules::uninvited_members(creator, &events, vouched.as_ref()),
            ),
            None => (None, None, Vec::new()),
        };
        let mut judged = rules::judged_memberships(&events);
        if !uninvited.is_empty() {
            warn!(room_id = %room.room_id(), count = uninvited.len(), "members who joined without an invitation");
            if records.as_ref().is_some_and(|r| r.undecryptable) {
                // A record may be among what this device cannot decrypt yet (its key on the
                // way): their ways in stay unjudged, so nothing is sent and the next check
                // reads the history again.
                judged.retain(|id| {
                    !events.iter().any(|e| {
                        e.event_id.as_ref() == Some(id)
                            && e.state_key
                                .as_deref()
                                .is_some_and(|k| uninvited.iter().any(|u| u.as_str() == k))
                    })
                });
            }
        }
        let rules = CaseRules {
            creator,
            taker,
            uninvited,
            judged,
            trust: read(&self.trust).clone(),
        };
        self.remember(room.room_id(), &rules);
        if let Some(recorded) = &recorded {
            // Final: the creator's hand-over named this taker (a provisional one may still
            // change when a claim from a slower homeserver arrives).
            self.settle_taker(room.room_id(), recorded);
            store_set(
                room,
                &taker_key(room.room_id()),
                recorded.as_str().as_bytes(),
            )
            .await;
        }
        let members = KnownMembers {
            uninvited: rules.uninvited.clone(),
            judged: rules.judged.clone(),
        };
        if let Ok(bytes) = serde_json::to_vec(&members) {
            store_set(room, &members_key(room.room_id()), &bytes).await;
        }
        Ok(rules)
    }

    /// What an earlier run of this device judged of the members' ways in, when this run has not
    /// read the history yet (offline after a restart, a member let in uninvited still blocks).
    pub(crate) async fn load_members(&self, room: &Room) {
        if read(&self.judged).contains_key(room.room_id()) {
            return;
        }
        let Some(bytes) = store_get(room, &members_key(room.room_id())).await else {
            return;
        };
        let Ok(members) = serde_json::from_slice::<KnownMembers>(&bytes) else {
            return;
        };
        if let Ok(mut map) = self.uninvited.write() {
            map.entry(room.room_id().to_owned())
                .or_insert(members.uninvited);
        }
        if let Ok(mut map) = self.judged.write() {
            map.entry(room.room_id().to_owned())
                .or_insert(members.judged);
        }
    }

    /// The taker: settled on this device (the creator's hand-over named them), else read from
    /// the history (and kept once the hand-over is recorded).
    pub(crate) async fn taker(&self, room: &Room) -> Result<Option<OwnedUserId>> {
        if let Some(taker) = self.settled_taker(room.room_id()) {
            return Ok(Some(taker));
        }
        if let Some(taker) = stored_taker(room).await {
            self.settle_taker(room.room_id(), &taker);
            return Ok(Some(taker));
        }
        Ok(self.refresh(room).await?.taker)
    }

    /// The taker, reading the claims at most every few seconds until the hand-over settles it
    /// (in between, the taker last read).
    pub(crate) async fn taker_throttled(&self, room: &Room) -> Result<Option<OwnedUserId>> {
        if let Some(taker) = self.settled_taker(room.room_id()) {
            return Ok(Some(taker));
        }
        let now = std::time::Instant::now();
        let recent = read(&self.looked)
            .get(room.room_id())
            .is_some_and(|at| now.duration_since(*at) < TAKER_LOOK_INTERVAL);
        if recent {
            return Ok(self.known_taker(room.room_id()));
        }
        if let Ok(mut looked) = self.looked.write() {
            looked.insert(room.room_id().to_owned(), now);
        }
        self.taker(room).await
    }

    fn known_taker(&self, room_id: &RoomId) -> Option<OwnedUserId> {
        read(&self.takers).get(room_id).cloned()
    }

    fn settled_taker(&self, room_id: &RoomId) -> Option<OwnedUserId> {
        read(&self.settled)
            .contains(room_id)
            .then(|| self.known_taker(room_id))
            .flatten()
    }

    fn settle_taker(&self, room_id: &RoomId, taker: &OwnedUserId) {
        self.remember_taker(room_id, taker);
        if let Ok(mut settled) = self.settled.write() {
            settled.insert(room_id.to_owned());
        }
    }

    fn remember_taker(&self, room_id: &RoomId, taker: &OwnedUserId) {
        if let Ok(mut takers) = self.takers.write() {
            takers.insert(room_id.to_owned(), taker.clone());
        }
    }

    /// A decrypted advice arrived: if it is the taker's, the request is answered on this device
    /// and, on the requesting GP's, in the status every member reads.
    async fn on_advice(&self, sender: OwnedUserId, room: Room) {
        let Ok(Some(taker)) = self.taker(&room).await else {
            debug!(room_id = %room.room_id(), "advice before any valid claim: not believed");
            return;
        };
        if sender != taker {
            warn!(room_id = %room.room_id(), "advice from someone else than the taker: not believed");
            return;
        }
        mark_answered(&room).await;
        if rules::creator(&room).as_deref() == Some(room.own_user_id()) {
            if let Ok(Some(mut status)) = super::fetch_status_of(&room).await {
                if matches!(status.status, CaseStatus::Requested | CaseStatus::Accepted) {
                    status.status = CaseStatus::Answered;
                    status.accepted_by = Some(taker);
                    if super::write_status_of(&room, &status).await.is_ok() {
                        info!(room_id = %room.room_id(), "answer recorded by the requesting client");
                    }
                }
            }
        }
    }
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The event types the rules read: memberships, claims and the creator's statuses.
const RULES_TYPES: &[&str] = &[MEMBER_TYPE, CASE_CLAIM_TYPE, CASE_STATUS_TYPE];

fn taker_key(room_id: &RoomId) -> Vec<u8> {
    format!("fr.innomed.taker:{room_id}").into_bytes()
}

/// The members' ways in as last judged, kept in the encrypted store.
#[derive(serde::Serialize, serde::Deserialize)]
struct KnownMembers {
    uninvited: Vec<OwnedUserId>,
    judged: Vec<OwnedEventId>,
}

fn members_key(room_id: &RoomId) -> Vec<u8> {
    format!("fr.innomed.members:{room_id}").into_bytes()
}

fn answered_key(room_id: &RoomId) -> Vec<u8> {
    format!("fr.innomed.answered:{room_id}").into_bytes()
}

pub(crate) async fn store_get(room: &Room, key: &[u8]) -> Option<Vec<u8>> {
    room.client()
        .state_store()
        .get_custom_value(key)
        .await
        .ok()
        .flatten()
}

pub(crate) async fn store_set(room: &Room, key: &[u8], value: &[u8]) {
    if let Err(e) = room
        .client()
        .state_store()
        .set_custom_value(key, value.to_vec())
        .await
    {
        warn!(room_id = %room.room_id(), "case rules not saved: {e}");
    }
}

/// The doctor who opened the case.
pub(crate) fn creator_of(room: &Room) -> Option<OwnedUserId> {
    rules::creator(room)
}

/// The taker, read from the room's history now (no cache).
pub(crate) async fn taker_from_history(room: &Room) -> Result<Option<OwnedUserId>> {
    let events = rules::history(room, RULES_TYPES)
        .await
        .map_err(|e| CaseError::from_sdk(&e))?;
    Ok(rules::creator(room).and_then(|creator| rules::taker(&creator, &events)))
}

/// The taker this device found before (kept in the encrypted store).
async fn stored_taker(room: &Room) -> Option<OwnedUserId> {
    let stored = store_get(room, &taker_key(room.room_id())).await?;
    OwnedUserId::try_from(String::from_utf8_lossy(&stored).as_ref()).ok()
}

/// The taker's advice was seen (or sent) on this device.
pub(crate) async fn mark_answered(room: &Room) {
    store_set(room, &answered_key(room.room_id()), b"1").await;
}

async fn answered(room: &Room) -> bool {
    store_get(room, &answered_key(room.room_id()))
        .await
        .is_some()
}

/// The status every member sees: what the creator wrote, moved on by what the rules establish
/// (a valid claim means accepted, the taker's advice answered), never by what another member
/// wrote. The taker named in it is the rules' taker; on a device that has not read the claims
/// yet, the creator's own record of the taker stands in (never the creator himself), for the
/// lists only: advice and report always ask the rules.
pub(crate) fn effective_status(
    mut status: CaseStatusEventContent,
    creator: Option<&UserId>,
    taker: Option<OwnedUserId>,
    answered: bool,
) -> CaseStatusEventContent {
    if !is_request(&status) {
        // A case between colleagues or a care team: its creator's word is its status.
        status.accepted_by = None;
        return status;
    }
    let recorded = status
        .accepted_by
        .take()
        .filter(|_| matches!(status.status, CaseStatus::Accepted | CaseStatus::Answered))
        .filter(|t| creator.is_some_and(|c| c != t.as_str()));
    let taker = taker.or(recorded);
    status.status = match (status.status, &taker, answered) {
        (CaseStatus::Closed, ..) => CaseStatus::Closed,
        (_, None, _) => CaseStatus::Requested,
        (CaseStatus::Answered, Some(_), _) | (_, Some(_), true) => CaseStatus::Answered,
        (_, Some(_), false) => CaseStatus::Accepted,
    };
    status.accepted_by = taker;
    status
}

/// A télé-expertise request: routed through a CPTS and never opened as a plain case (a care
/// team is `Open` from the start and stays its coordinator's).
pub(crate) fn is_request(status: &CaseStatusEventContent) -> bool {
    status.cpts.is_some() && status.status != CaseStatus::Open
}

impl CaseRoom {
    /// Applies the rules to the creator's status, with what this device knows (no network).
    pub(crate) async fn apply_rules(
        &self,
        status: CaseStatusEventContent,
    ) -> CaseStatusEventContent {
        if !is_request(&status) {
            return effective_status(status, None, None, false);
        }
        let known = self.client.authorities.known_taker(self.room_id());
        let taker = match known {
            Some(taker) => Some(taker),
            None => stored_taker(&self.room).await,
        };
        let creator = rules::creator(&self.room);
        effective_status(
            status,
            creator.as_deref(),
            taker,
            answered(&self.room).await,
        )
    }

    /// The rules of this case, read again from its history.
    pub(crate) async fn refresh_rules(&self) -> Result<CaseRules> {
        self.client.authorities.refresh(&self.room).await
    }

    /// The rules as known now, without network.
    pub(crate) fn known_rules(&self) -> CaseRules {
        self.client.authorities.rules_of(&self.room)
    }

    /// Members of this case nobody can vouch for, and why: whom nobody of the case invited (a
    /// server administrator's forced join, or someone such a member let in), or an account
    /// without a cross-signing identity (a foreign or old client, which Innomed never invites,
    /// but any member's raw request can). Their messages are shown as untrusted and room keys
    /// never reach their unsigned devices.
    pub async fn unvouched_members(&self) -> Result<Vec<UnvouchedMember>> {
        let rules = self.refresh_rules().await?;
        let mut unvouched: Vec<UnvouchedMember> = rules
            .uninvited
            .into_iter()
            .map(|user_id| UnvouchedMember {
                user_id,
                reason: Unvouched::NotInvitedByMember,
            })
            .collect();
        let members = self
            .room
            .members(matrix_sdk::RoomMemberships::JOIN | matrix_sdk::RoomMemberships::INVITE)
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        let encryption = self.room.client().encryption();
        for member in members {
            let user_id = member.user_id();
            if unvouched
                .iter()
                .any(|u| u.user_id.as_str() == user_id.as_str())
            {
                continue;
            }
            let identity = encryption
                .request_user_identity(user_id)
                .await
                .map_err(|e| CaseError::Server(e.to_string()))?;
            if identity.is_none() {
                unvouched.push(UnvouchedMember {
                    user_id: user_id.to_owned(),
                    reason: Unvouched::NoCrossSigning,
                });
            }
        }
        for user_id in super::confirmation::unconfirmed(&self.client.authorities, &self.room).await
        {
            if !unvouched.iter().any(|u| u.user_id == user_id) {
                unvouched.push(UnvouchedMember {
                    user_id,
                    reason: Unvouched::NotConfirmed,
                });
            }
        }
        Ok(unvouched)
    }
}

/// A member of a case nobody can vouch for.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UnvouchedMember {
    pub user_id: OwnedUserId,
    pub reason: Unvouched,
}

/// Why nobody can vouch for a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Unvouched {
    /// Joined without an invitation from a member of the case.
    NotInvitedByMember,
    /// The account has no cross-signing identity: its devices cannot be told from an
    /// impostor's.
    NoCrossSigning,
    /// Neither verified by this doctor nor attested by their CPTS, and not confirmed by the
    /// doctor in this case (or their identity was replaced since): nothing is sent until the
    /// doctor confirms or removes them.
    NotConfirmed,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::Urgency;

    fn request(status: CaseStatus) -> CaseStatusEventContent {
        CaseStatusEventContent {
            status,
            specialty: Some("dermatology".into()),
            urgency: Urgency::Routine,
            due_ms: None,
            cpts: Some(OwnedRoomId::try_from("!cpts:innomed.test").expect("room id")),
            accepted_by: None,
        }
    }

    fn derm() -> OwnedUserId {
        OwnedUserId::try_from("@derm:innomed.test").expect("user id")
    }

    #[test]
    fn a_request_moves_only_with_the_rules() {
        let gp = OwnedUserId::try_from("@gp:innomed.test").expect("user id");
        let creator = Some(gp.as_ref());
        let requested = effective_status(request(CaseStatus::Requested), creator, None, false);
        assert_eq!(requested.status, CaseStatus::Requested);
        // The creator's stale "requested" and a valid claim: accepted, by the taker.
        let accepted =
            effective_status(request(CaseStatus::Requested), creator, Some(derm()), false);
        assert_eq!(accepted.status, CaseStatus::Accepted);
        assert_eq!(accepted.accepted_by, Some(derm()));
        let answered = effective_status(request(CaseStatus::Accepted), creator, Some(derm()), true);
        assert_eq!(answered.status, CaseStatus::Answered);
        // Before this device read the claims, the creator's record of the taker stands in...
        let mut recorded = request(CaseStatus::Accepted);
        recorded.accepted_by = Some(derm());
        let recorded = effective_status(recorded, creator, None, false);
        assert_eq!(recorded.status, CaseStatus::Accepted);
        assert_eq!(recorded.accepted_by, Some(derm()));
        // ...but never naming the creator, and the rules' taker wins over it.
        let mut himself = request(CaseStatus::Answered);
        himself.accepted_by = Some(gp.clone());
        let himself = effective_status(himself, creator, None, true);
        assert_eq!(himself.status, CaseStatus::Requested);
        assert_eq!(himself.accepted_by, None);
        let other = OwnedUserId::try_from("@other:innomed.test").expect("user id");
        let mut overruled = request(CaseStatus::Accepted);
        overruled.accepted_by = Some(other);
        let overruled = effective_status(overruled, creator, Some(derm()), false);
        assert_eq!(overruled.accepted_by, Some(derm()));
        assert_eq!(
            effective_status(request(CaseStatus::Closed), creator, Some(derm()), true).status,
            CaseStatus::Closed
        );
        // A care team (a CPTS case opened as `Open`) is its coordinator's to move.
        let team = effective_status(request(CaseStatus::Open), creator, Some(derm()), true);
        assert_eq!(team.status, CaseStatus::Open);
        assert_eq!(team.accepted_by, None);
    }
}

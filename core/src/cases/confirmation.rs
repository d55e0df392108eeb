//! Members the doctor has decided about: nothing is encrypted into a case while one of its
//! members is neither verified by this doctor, nor attested by their CPTS, nor confirmed.
//!
//! matrix-sdk shares a room's keys with every member's signed devices, and a cross-signing
//! identity seen for the first time is believed (an unverified colleague's identity can be
//! replaced by whoever runs their homeserver). So every send path asks
//! [`CaseRoom::ensure_writable`] first, and this device refuses (`UnconfirmedMember`) while a
//! member with an unverified identity is not one this doctor chose, for the identity they have
//! now (its master key):
//! - in a case between colleagues, whom this doctor invited, and whoever invited this doctor
//!   (accepting an invitation, or taking a request, is the doctor's decision about its sender);
//! - in any case, whom the doctor confirmed by hand ([`CaseRoom::confirm_member`]).
//!
//! In a télé-expertise request the routed specialists were picked from the rota, not by the
//! GP: the requesting GP's device hands the request over only to a taker the GP verified, the
//! CPTS attested, or the GP confirmed.
//!
//! What a doctor confirmed is kept per case in this device's encrypted store. Another device of
//! the same doctor learns the invitations and acceptances from the case's history (bound to
//! the identity it first sees then); a confirmation by hand is asked again there.

use std::collections::BTreeMap;

use matrix_sdk::{
    ruma::{events::room::member::MembershipState, OwnedUserId, UserId},
    Room, RoomMemberships,
};
use tracing::info;

use super::{
    error::Result,
    rules::{HistoryEvent, MEMBER_TYPE},
    vouching::Records,
    Authorities, CaseError, CaseRoom,
};
use crate::TrustLevel;

/// The members this device decided about in one case, with the master key each was decided
/// for.
type Confirmed = BTreeMap<OwnedUserId, String>;

/// How long a member's identity unknown to this device is looked up before a send.
const IDENTITY_LOOKUP: std::time::Duration = std::time::Duration::from_secs(5);

fn confirmed_key(room: &Room) -> Vec<u8> {
    format!("fr.innomed.confirmed:{}", room.room_id()).into_bytes()
}

async fn load(room: &Room) -> Confirmed {
    super::authority::store_get(room, &confirmed_key(room))
        .await
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

async fn save(room: &Room, confirmed: &Confirmed) {
    if let Ok(bytes) = serde_json::to_vec(confirmed) {
        super::authority::store_set(room, &confirmed_key(room), &bytes).await;
    }
}

/// The master key of `user_id`'s cross-signing identity as this device knows it.
async fn master_key(room: &Room, user_id: &UserId) -> Option<String> {
    let identity = room
        .client()
        .encryption()
        .get_user_identity(user_id)
        .await
        .ok()??;
    identity.master_key().get_first_key().map(|k| k.to_base64())
}

/// Records the doctor's decision about `users` in `room`, each for the identity this device
/// knows now. `first_only`: keep an earlier decision (the history read again on another
/// device must not move a decision to a replaced identity).
pub(crate) async fn remember(room: &Room, users: &[OwnedUserId], first_only: bool) {
    let me = room.own_user_id();
    let mut confirmed = load(room).await;
    let mut changed = false;
    for user in users.iter().filter(|u| u.as_str() != me.as_str()) {
        if first_only && confirmed.contains_key(user) {
            continue;
        }
        if let Some(key) = master_key(room, user).await {
            changed |= confirmed.insert(user.clone(), key.clone()).as_ref() != Some(&key);
        }
    }
    if changed {
        save(room, &confirmed).await;
    }
}

/// The doctor acknowledged `user_id`'s new identity in `room`: a decision for that identity.
pub(crate) async fn confirm_identity(room: &Room, user_id: &UserId) {
    remember(room, &[user_id.to_owned()], false).await;
}

/// Whether this doctor decided about `user_id` for the identity they have now: verified,
/// attested, or confirmed in this case. An account without a cross-signing identity is not
/// asked about: no room key reaches its devices (identity-based sharing).
async fn is_decided(
    authorities: &Authorities,
    room: &Room,
    confirmed: &Confirmed,
    user_id: &UserId,
) -> bool {
    match authorities.trust_level(&room.client(), user_id).await {
        TrustLevel::Verified | TrustLevel::Attested | TrustLevel::None => true,
        // A verified identity that changed waits for the doctor's acknowledgement (trust).
        TrustLevel::Changed => true,
        TrustLevel::Unverified => match confirmed.get(user_id) {
            Some(key) => master_key(room, user_id).await.as_ref() == Some(key),
            None => false,
        },
    }
}

/// The members and invitees of `room` this doctor has not decided about.
pub(crate) async fn unconfirmed(authorities: &Authorities, room: &Room) -> Vec<OwnedUserId> {
    let wanted = RoomMemberships::JOIN | RoomMemberships::INVITE;
    let mut users: Vec<OwnedUserId> = room
        .members_no_sync(wanted)
        .await
        .unwrap_or_default()
        .iter()
        .map(|m| m.user_id().to_owned())
        .collect();
    // A device that just joined may know only part of the member list (lazy loading): the
    // homeserver's list then, read without touching the SDK's member store; offline, what this
    // device has.
    if u64::try_from(users.len()).unwrap_or(u64::MAX) < room.joined_members_count() {
        for user in members_from_homeserver(room).await {
            if !users.contains(&user) {
                users.push(user);
            }
        }
    }
    let confirmed = load(room).await;
    let encryption = room.client().encryption();
    let mut undecided = Vec::new();
    for user in users {
        if user == room.own_user_id() {
            continue;
        }
        if matches!(encryption.get_user_identity(&user).await, Ok(None)) {
            // Not known here yet: the SDK would look it up when sharing the next key.
            let lookup = encryption.request_user_identity(&user);
            let _ = tokio::time::timeout(IDENTITY_LOOKUP, lookup).await;
        }
        if !is_decided(authorities, room, &confirmed, &user).await {
            undecided.push(user);
        }
    }
    undecided
}

/// The joined and invited members as the homeserver lists them now (empty on failure).
async fn members_from_homeserver(room: &Room) -> Vec<OwnedUserId> {
    use matrix_sdk::ruma::api::client::membership::get_member_events;
    let request = get_member_events::v3::Request::new(room.room_id().to_owned());
    let Ok(response) = room.client().send(request).await else {
        return Vec::new();
    };
    response
        .chunk
        .iter()
        .filter_map(|raw| raw.deserialize().ok())
        .filter(|event| {
            matches!(
                event.membership(),
                MembershipState::Join | MembershipState::Invite
            )
        })
        .map(|event| event.state_key().to_owned())
        .collect()
}

/// Whether the doctor decided about `user_id` in `room` (the taker of a request, before the
/// GP's device hands it over).
pub(crate) async fn decided(authorities: &Authorities, room: &Room, user_id: &UserId) -> bool {
    is_decided(authorities, room, &load(room).await, user_id).await
}

/// What this doctor decided on another device, as the case's history shows it: who invited
/// them, and whom they invited (their own devices' invitation records; not the specialists a
/// request was routed to). Each for the identity this device sees first.
pub(crate) async fn learn_from_history(
    room: &Room,
    events: &[HistoryEvent],
    records: Option<&Records>,
) {
    let me = room.own_user_id();
    let mut decided: Vec<OwnedUserId> = events
        .iter()
        .rev()
        .find(|e| {
            e.event_type == MEMBER_TYPE
                && e.state_key.as_deref() == Some(me.as_str())
                && e.membership.as_deref() == Some("invite")
        })
        .map(|e| e.sender.clone())
        .into_iter()
        .collect();
    if !super::is_request_room(room).await {
        let mine = records
            .into_iter()
            .flat_map(|r| r.vouched.iter())
            .filter(|(inviter, _)| inviter.as_str() == me.as_str())
            .map(|(_, invitee)| invitee.clone());
        decided.extend(mine);
    }
    if !decided.is_empty() {
        remember(room, &decided, true).await;
    }
}

impl CaseRoom {
    /// The doctor confirms `user_id`, a member of this case (or invited to it) whose identity
    /// is neither verified by them nor attested by their CPTS: messages go to them from now
    /// on, for the identity they have now (a replaced identity must be confirmed again). A
    /// held case sends what waited; a request taken by them is handed over.
    ///
    /// `NotAllowed` for someone who is not in the case, or whom nobody of the case invited
    /// (only removing them unblocks the case); `NotCrossSigned` for an account without an
    /// identity to confirm.
    pub async fn confirm_member(&self, user_id: &str) -> Result<()> {
        let user_id =
            crate::account::parse_user_id(user_id).map_err(|_| CaseError::InvalidUserId)?;
        let member = self
            .room
            .get_member_no_sync(&user_id)
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        let mut present = member.is_some_and(|m| {
            matches!(
                m.membership(),
                MembershipState::Join | MembershipState::Invite
            )
        });
        if !present {
            // Not loaded on this device yet (lazy loading): the homeserver's list decides.
            present = members_from_homeserver(&self.room).await.contains(&user_id);
        }
        if !present || self.known_rules().uninvited.contains(&user_id) {
            return Err(CaseError::NotAllowed);
        }
        let identity = self
            .client
            .client
            .encryption()
            .request_user_identity(&user_id)
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        if identity.is_none() {
            return Err(CaseError::NotCrossSigned);
        }
        remember(&self.room, std::slice::from_ref(&user_id), false).await;
        info!(room_id = %self.room_id(), "member confirmed by the doctor");
        // Sends that waited go now, if nothing else holds them.
        let _ = self.client.authorities.check_audience(&self.room).await;
        if super::rules::creator(&self.room).as_deref() == Some(self.room.own_user_id()) {
            // A request of this doctor's that waited for this confirmation.
            self.hand_over().await;
        }
        Ok(())
    }
}

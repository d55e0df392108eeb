//! Handing a télé-expertise request over to the specialist who took it.
//!
//! The specialists a request is routed to are invited without the case's history: until one
//! of them takes it, they read only the summary the GP's device sent them (see
//! `cpts::summary`), never the header, the photos or the messages. Matrix shares a room's new
//! keys with its invited members, so nothing is encrypted into a request while it waits:
//! every send is refused with [`CaseError::NotHandedOver`] until the requesting GP's device has
//! handed it over:
//! 1. the routed specialists who did not win are withdrawn (invited or joined), and sync shows
//!    them gone, so no later key reaches their devices;
//! 2. the whole history goes to the taker (the key bundle of MSC4268), once the GP verified
//!    them, the CPTS attested them, or the GP confirmed them (`confirmation.rs`);
//! 3. the GP's device records "accepted, by the taker" in the status, which every member's
//!    device reads as "handed over".
//!
//! Each step is retried (on the next claim event, or when the GP's device reads the status)
//! until the record is written; nothing is handed over by anyone else's device.

use std::{
    collections::HashSet,
    sync::{Arc, Mutex},
    time::Duration,
};

use matrix_sdk::{
    ruma::{OwnedRoomId, OwnedUserId},
    Room, RoomMemberships,
};
use tracing::{debug, info, warn};

use super::{
    cache_status_of, fetch_status_of, history, rules, write_status_of, CaseError, CaseRoom,
    CaseStatus, CaseStatusEventContent, Result,
};

/// The reason given when an invitation is withdrawn because someone else took the request.
pub const TAKEN_REASON: &str = "fr.innomed.request.taken";

/// How long the GP's device waits for sync to show the withdrawn specialists gone.
const WITHDRAWAL_SYNC_WAIT: Duration = Duration::from_secs(30);

/// Rooms being handed over by this process (one hand-over at a time per request).
#[derive(Clone)]
pub(crate) struct Handovers {
    running: Arc<Mutex<HashSet<OwnedRoomId>>>,
    /// Whom the GP decided about (the taker must be one of them).
    authorities: super::Authorities,
}

impl Handovers {
    pub(crate) fn new(authorities: super::Authorities) -> Self {
        Self {
            running: Arc::default(),
            authorities,
        }
    }

    /// On every claim event, the GP's device tries to hand the request over (other devices and
    /// rooms not routed from this device stop at once).
    pub(crate) fn install(&self, client: &matrix_sdk::Client) {
        let this = self.clone();
        client.add_event_handler(
            move |_event: matrix_sdk::ruma::events::SyncStateEvent<
                super::CaseClaimEventContent,
            >,
                  room: Room| {
                let this = this.clone();
                async move { this.spawn(room) }
            },
        );
    }

    /// Starts handing `room` over beside the caller, unless it is already under way.
    pub(crate) fn spawn(&self, room: Room) {
        {
            let Ok(mut running) = self.running.lock() else {
                return;
            };
            if !running.insert(room.room_id().to_owned()) {
                return;
            }
        }
        let this = self.clone();
        tokio::spawn(async move {
            let room_id = room.room_id().to_owned();
            let _ = hand_over(&this.authorities, &room).await;
            if let Ok(mut running) = this.running.lock() {
                running.remove(&room_id);
            }
        });
    }
}

/// The specialists a request was routed to, kept on the GP's device.
fn routed_key(room: &Room) -> Vec<u8> {
    format!("fr.innomed.routed:{}", room.room_id()).into_bytes()
}

pub(crate) async fn remember_routed(room: &Room, experts: &[OwnedUserId]) {
    let Ok(bytes) = serde_json::to_vec(experts) else {
        return;
    };
    let _ = room
        .client()
        .state_store()
        .set_custom_value(&routed_key(room), bytes)
        .await;
}

pub(crate) async fn routed(room: &Room) -> Vec<OwnedUserId> {
    let stored = room
        .client()
        .state_store()
        .get_custom_value(&routed_key(room))
        .await
        .ok()
        .flatten();
    stored
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Whether the creator's recorded status lets this device encrypt into the case: any case but a
/// request still waiting for its hand-over.
fn handed_over(status: &CaseStatusEventContent) -> bool {
    !(status.cpts.is_some() && status.status == CaseStatus::Requested)
}

impl CaseRoom {
    /// Refuses to encrypt anything into a request that has not been handed over yet (its
    /// routed specialists are still invited and would receive the key). Local state first;
    /// before refusing, the homeserver's copy is read, which may be newer.
    pub(crate) async fn ensure_handed_over(&self) -> Result<()> {
        let local = self.local_status().await.ok().flatten();
        let cached = self.cached_status().await;
        // Nothing known here is not a request waiting on this device: the GP's device keeps a
        // request's status from its creation, the taker's from the take. No network then, so
        // a send offline is queued at once.
        if (local.is_none() && cached.is_none())
            || local.iter().chain(cached.iter()).any(handed_over)
        {
            return Ok(());
        }
        // Waiting, as far as this device knows: the homeserver's copy may be newer.
        match fetch_status_of(&self.room).await? {
            Some(status) if !handed_over(&status) => {
                self.hand_over_if_mine(&status).await;
                Err(CaseError::NotHandedOver)
            }
            Some(status) => {
                cache_status_of(&self.room, &status).await;
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Whether this is a request still waiting to be handed over to its taker: until then
    /// nobody writes into it (the apps say so, and send once it is).
    pub async fn awaiting_handover(&self) -> Result<bool> {
        match self.ensure_handed_over().await {
            Ok(()) => Ok(false),
            Err(CaseError::NotHandedOver) => Ok(true),
            Err(e) => Err(e),
        }
    }

    /// On the requesting GP's device: hands a taken request over now, instead of beside sync
    /// (a process that runs one command, then exits). Whether it is handed over; `false` on any
    /// other device, or while nobody has taken it.
    pub async fn hand_over(&self) -> bool {
        hand_over(&self.client.authorities, &self.room).await
    }

    /// On the requesting GP's device, with a taker known and no record yet: hand over.
    pub(crate) async fn hand_over_if_mine(&self, recorded: &CaseStatusEventContent) {
        if handed_over(recorded)
            || rules::creator(&self.room).as_deref() != Some(self.room.own_user_id())
        {
            return;
        }
        if self.known_rules().taker.is_some() {
            self.client.handovers.spawn(self.room.clone());
        }
    }
}

impl CaseRoom {
    /// Invites a specialist a request is routed to: the same checks as any invitation, but
    /// without the history (the brief goes to them instead).
    pub(crate) async fn invite_routed(&self, user_id: &matrix_sdk::ruma::UserId) -> Result<()> {
        self.check_invitee(user_id).await?;
        self.invite_without_history(user_id).await
    }
}

/// The hand-over on the GP's device; stops at the first step that fails, to be tried again.
/// Whether the request is handed over now.
async fn hand_over(authorities: &super::Authorities, room: &Room) -> bool {
    let routed = routed(room).await;
    if routed.is_empty() {
        // Not routed from this device (another device of the GP, or an old request).
        return false;
    }
    let Ok(Some(mut status)) = fetch_status_of(room).await else {
        return false;
    };
    if handed_over(&status) {
        return true;
    }
    let winner = match crate::cases::taker_from_history(room).await {
        Ok(Some(winner)) => winner,
        Ok(None) => {
            debug!(room_id = %room.room_id(), "a claim arrived, none valid yet");
            return false;
        }
        Err(e) => {
            warn!(room_id = %room.room_id(), "claims not read: {e}");
            return false;
        }
    };
    // The next step of the routing first: cancelled, or known to have gone out, so that
    // nobody is invited after the withdrawals.
    let Some(sent) = crate::requests::reroute::settle_before_handover(room).await else {
        return false;
    };
    let losers: Vec<OwnedUserId> = routed.into_iter().filter(|r| *r != winner).collect();
    if !withdraw(room, &losers, &sent).await {
        return false;
    }
    if !super::confirmation::decided(authorities, room, &winner).await {
        // Picked from the rota, not by the GP: the whole history goes only to a taker the GP
        // verified, the CPTS attested, or the GP confirmed.
        info!(room_id = %room.room_id(), "taken by a specialist the GP has not confirmed yet");
        return false;
    }
    if let Err(e) = history::share_with_taker(room, &winner).await {
        warn!(room_id = %room.room_id(), "history not handed to the taker yet: {e}");
        return false;
    }
    status.status = CaseStatus::Accepted;
    status.accepted_by = Some(winner);
    match write_status_of(room, &status).await {
        Ok(()) => {
            cache_status_of(room, &status).await;
            info!(room_id = %room.room_id(), "request handed over to its taker");
            true
        }
        Err(_) => {
            warn!(room_id = %room.room_id(), "hand-over not recorded");
            false
        }
    }
}

/// Withdraws the routed specialists who did not win and waits until sync shows them gone (the
/// next room key then cannot reach them). Whether they are all gone. `invited_by_homeserver`:
/// the next step's specialists the homeserver invited on the GP's behalf, withdrawn even if
/// this device has not seen their invitation yet.
async fn withdraw(
    room: &Room,
    losers: &[OwnedUserId],
    invited_by_homeserver: &[OwnedUserId],
) -> bool {
    let Ok(members) = room
        .members(RoomMemberships::INVITE | RoomMemberships::JOIN)
        .await
    else {
        return false;
    };
    let seen: Vec<OwnedUserId> = members.iter().map(|m| m.user_id().to_owned()).collect();
    let mut withdrawn = Vec::new();
    for user in invited_by_homeserver {
        if seen.contains(user) || !losers.contains(user) {
            continue;
        }
        // Already withdrawn or declined: the homeserver says so, nothing to do.
        if room.kick_user(user, Some(TAKEN_REASON)).await.is_ok() {
            info!(room_id = %room.room_id(), "next-step specialist withdrawn: request taken");
            withdrawn.push(user.clone());
        }
    }
    for member in members {
        let user = member.user_id();
        if !losers.iter().any(|l| l == user) {
            continue;
        }
        match room.kick_user(user, Some(TAKEN_REASON)).await {
            Ok(()) => {
                info!(room_id = %room.room_id(), "routed specialist withdrawn: request taken");
                withdrawn.push(user.to_owned());
            }
            Err(_) => warn!(room_id = %room.room_id(), "withdrawing a routed specialist failed"),
        }
    }
    // Their devices are told directly too: a loser alone on a partner homeserver may never
    // receive the withdrawal through it.
    if !withdrawn.is_empty() {
        crate::requests::withdrawn::tell(&room.client(), room.room_id(), &withdrawn).await;
    }
    let gone = super::removal::gone_locally(room, losers, WITHDRAWAL_SYNC_WAIT).await;
    if !gone {
        warn!(room_id = %room.room_id(), "withdrawals not synced yet; request not handed over");
    }
    gone
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::Urgency;

    fn status(status: CaseStatus, cpts: bool) -> CaseStatusEventContent {
        CaseStatusEventContent {
            status,
            specialty: Some("dermatology".into()),
            urgency: Urgency::Routine,
            due_ms: None,
            cpts: cpts.then(|| matrix_sdk::ruma::owned_room_id!("!cpts:innomed.test")),
            accepted_by: None,
        }
    }

    #[test]
    fn only_a_request_waiting_for_its_taker_holds_sends() {
        assert!(!handed_over(&status(CaseStatus::Requested, true)));
        for s in [
            CaseStatus::Accepted,
            CaseStatus::Answered,
            CaseStatus::Closed,
        ] {
            assert!(handed_over(&status(s, true)));
        }
        assert!(handed_over(&status(CaseStatus::Open, false)));
        assert!(handed_over(&status(CaseStatus::Open, true)));
    }
}

//! Taking a request: the first specialist to claim it wins.
//!
//! Each specialist who accepts writes a `fr.innomed.case.claim` state event under their own user
//! id, then reads the room's claims from its start: the room's order is the homeserver's, the
//! same for every client, so exactly one claimant finds their own claim first. The others leave
//! with [`CptsError::AlreadyTaken`]. The requesting GP's client (the only one allowed to) then
//! withdraws the invitations still pending.

use matrix_sdk::{
    room::MessagesOptions,
    ruma::{api::client::filter::RoomEventFilter, events::SyncStateEvent, OwnedUserId, UInt},
    Client, Room, RoomMemberships, RoomState,
};
use tracing::{debug, info};

use super::error::{CptsError, Result};
use crate::{
    cases::{CaseClaimEventContent, CaseRoom, CaseStatus, CASE_CLAIM_TYPE},
    CaseError,
};

/// The reason given when an invitation is withdrawn because someone else took the request.
pub const TAKEN_REASON: &str = "fr.innomed.request.taken";

impl CaseRoom {
    /// Takes a télé-expertise request this specialist was invited to (or joined): the first
    /// acceptance wins, a later one is [`CptsError::AlreadyTaken`] and leaves the case.
    pub async fn take_request(&self) -> Result<()> {
        match self.room.state() {
            RoomState::Invited => match self.accept().await {
                Ok(()) => {}
                // The invitation was withdrawn between the list and the tap.
                Err(CaseError::Server(code)) if code == "M_FORBIDDEN" => {
                    return Err(CptsError::AlreadyTaken)
                }
                Err(e) => return Err(e.into()),
            },
            RoomState::Joined => {}
            _ => return Err(CptsError::AlreadyTaken),
        }
        let own = self.room.own_user_id().to_owned();
        let status = self.fetch_status().await?.ok_or(CptsError::NotARequest)?;
        if status.cpts.is_none() {
            return Err(CptsError::NotARequest);
        }
        match (status.status, &status.accepted_by) {
            (_, Some(taker)) if *taker == own => return Ok(()),
            (CaseStatus::Requested, None) => {}
            _ => return self.step_back().await,
        }
        self.room
            .send_state_event_for_key(&own, CaseClaimEventContent {})
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        if first_claimant(&self.room).await?.as_ref() != Some(&own) {
            return self.step_back().await;
        }
        let mut accepted = self.fetch_status().await?.unwrap_or(status);
        accepted.status = CaseStatus::Accepted;
        accepted.accepted_by = Some(own);
        self.room
            .send_state_event(accepted.clone())
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        self.cache_status(&accepted).await;
        info!(room_id = %self.room_id(), "request taken");
        Ok(())
    }

    /// Someone else was first: leave the case and say so.
    async fn step_back(&self) -> Result<()> {
        if let Err(e) = self.room.leave().await {
            debug!(room_id = %self.room_id(), "leaving a taken request failed: {e}");
        }
        info!(room_id = %self.room_id(), "request already taken");
        Err(CptsError::AlreadyTaken)
    }
}

/// The sender of the room's first claim, in the homeserver's order.
pub(crate) async fn first_claimant(room: &Room) -> Result<Option<OwnedUserId>> {
    let mut from = None;
    loop {
        let mut options = MessagesOptions::forward();
        options.filter = RoomEventFilter::default();
        options.filter.types = Some(vec![CASE_CLAIM_TYPE.to_owned()]);
        options.limit = UInt::from(20u32);
        options.from = from;
        let page = room
            .messages(options)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        for event in &page.chunk {
            let raw = event.raw();
            let event_type: Option<String> = raw.get_field("type").ok().flatten();
            if event_type.as_deref() == Some(CASE_CLAIM_TYPE) {
                return Ok(raw.get_field("sender").ok().flatten());
            }
        }
        match page.end {
            Some(end) if !page.chunk.is_empty() => from = Some(end),
            _ => return Ok(None),
        }
    }
}

/// On the requesting GP's client: when a claim arrives, withdraw the other invitations and
/// record who took the request if the taker could not.
pub(crate) fn install(client: &Client) {
    client.add_event_handler(
        |_event: SyncStateEvent<CaseClaimEventContent>, room: Room, client: Client| async move {
            withdraw_other_invitations(&client, room).await;
        },
    );
}

async fn withdraw_other_invitations(client: &Client, room: Room) {
    let Some(own) = client.user_id().map(ToOwned::to_owned) else {
        return;
    };
    let can_kick = room
        .power_levels()
        .await
        .is_ok_and(|levels| levels.user_can_kick(&own));
    if !can_kick {
        return;
    }
    let Ok(Some(winner)) = first_claimant(&room).await else {
        return;
    };
    let Ok(invited) = room.members(RoomMemberships::INVITE).await else {
        return;
    };
    for member in invited {
        if member.user_id() == winner {
            continue;
        }
        match room.kick_user(member.user_id(), Some(TAKEN_REASON)).await {
            Ok(()) => info!(room_id = %room.room_id(), "invitation withdrawn: request taken"),
            Err(e) => debug!(room_id = %room.room_id(), "withdrawing an invitation failed: {e}"),
        }
    }
}

//! Taking a request: the first specialist to claim it wins.
//!
//! Each specialist who accepts writes a `fr.innomed.case.claim` state event under their own user
//! id (the homeserver refuses a claim under someone else's id), then reads the room's claims
//! again. The earliest claim (its homeserver's timestamp, then its id) is the taker's: on one
//! homeserver exactly one claimant finds theirs first; across homeservers, a claim from a
//! partner server can arrive after this one was judged first, and the GP's hand-over then
//! decides (ARCHITECTURE.md, "First claim across servers"). Only claims from a specialist
//! the requester invited count, never the requester's own (`cases::rules::taker`); the others
//! leave (and forget the case) with [`CptsError::AlreadyTaken`]. Nobody but the requester
//! writes the status: every client derives "accepted" from the valid claim.
//!
//! The requesting GP's client (the only one allowed to remove anyone) then hands the request
//! over (`cases::handover`): withdraws the other routed specialists, gives the taker the whole
//! history and records the taker in the status.

use matrix_sdk::{
    ruma::{events::room::member::MembershipState, OwnedUserId},
    Room, RoomState,
};
use tracing::{info, warn};

use crate::cpts::error::{CptsError, Result};
use crate::{
    cases::{CaseClaimEventContent, CaseRoom, CaseStatus},
    CaseError,
};

impl CaseRoom {
    /// Takes a télé-expertise request this specialist was invited to (or joined): the first
    /// acceptance wins, a later one is [`CptsError::AlreadyTaken`] and leaves the case. So is a
    /// step that failed because the GP's device withdrew this specialist meanwhile (a colleague
    /// on another homeserver was first).
    pub async fn take_request(&self) -> Result<()> {
        match self.try_take().await {
            Err(e)
                if !matches!(
                    e,
                    CptsError::AlreadyTaken | CptsError::HomeserverUnreachable
                ) && self.withdrawn().await =>
            {
                info!(room_id = %self.room_id(), "withdrawn while taking the request");
                Err(CptsError::AlreadyTaken)
            }
            other => other,
        }
    }

    /// Whether this specialist is out of the case now (the homeserver says so).
    async fn withdrawn(&self) -> bool {
        let own = self.room.own_user_id();
        match self.room.get_member(own).await {
            Ok(Some(member)) => !matches!(
                member.membership(),
                MembershipState::Join | MembershipState::Invite
            ),
            _ => self.room.state() == RoomState::Left,
        }
    }

    async fn try_take(&self) -> Result<()> {
        let joined_now = match self.room.state() {
            RoomState::Invited => match self.accept().await {
                Ok(()) => true,
                // The invitation was withdrawn between the list and the tap.
                Err(CaseError::Server(code)) if code == "M_FORBIDDEN" => {
                    return Err(CptsError::AlreadyTaken)
                }
                Err(e) => return Err(e.into()),
            },
            RoomState::Joined => false,
            _ => return Err(CptsError::AlreadyTaken),
        };
        let own = self.room.own_user_id().to_owned();
        let status = self.fetch_status().await?.ok_or(CptsError::NotARequest)?;
        if status.cpts.is_none() || status.status == CaseStatus::Open {
            return Err(CptsError::NotARequest);
        }
        if crate::cases::creator_of(&self.room).as_ref() == Some(&own) {
            // The requester cannot be the expert of their own request.
            return Err(CptsError::NotAllowed);
        }
        if let Some(taker) = first_claimant(&self.room).await? {
            if taker == own {
                return Ok(());
            }
            // Taken already: a colleague the taker brought in stays; a routed specialist goes.
            return if joined_now {
                self.step_back().await
            } else {
                Err(CptsError::AlreadyTaken)
            };
        }
        if status.status != CaseStatus::Requested {
            return Err(CptsError::WrongStatus);
        }
        self.ensure_encrypted().await?;
        self.room
            .send_state_event_for_key(&own, CaseClaimEventContent {})
            .await
            .map_err(|e| match CptsError::from_sdk(&e) {
                // Removed meanwhile: the GP's client withdrew this specialist.
                CptsError::NotAllowed => CptsError::AlreadyTaken,
                other => other,
            })?;
        if first_claimant(&self.room).await?.as_ref() != Some(&own) {
            return self.step_back().await;
        }
        // Kept on this device: the next process knows the taker without reading the claims.
        self.taker().await?;
        info!(room_id = %self.room_id(), "request taken");
        Ok(())
    }

    /// Who took this request: the first valid claim's sender (see `cases::rules::taker`),
    /// `None` while nobody has.
    pub async fn taker(&self) -> Result<Option<OwnedUserId>> {
        Ok(self.client.authorities.taker(&self.room).await?)
    }

    /// Someone else was first: leave the case, drop it from this device, and say so. If the
    /// homeserver cannot be told, the error says that instead (the GP's client removes a
    /// losing claimant too).
    async fn step_back(&self) -> Result<()> {
        let mut left = self.room.leave().await;
        if left.is_err() {
            left = self.room.leave().await;
        }
        if let Err(e) = left {
            warn!(room_id = %self.room_id(), "leaving a taken request failed");
            return Err(CptsError::from_sdk(&e));
        }
        if let Some(room) = self.room.client().get_room(self.room_id()) {
            let _ = room.forget().await;
        }
        info!(room_id = %self.room_id(), "request already taken");
        Err(CptsError::AlreadyTaken)
    }
}

/// The taker, read again from the room's history (a claim was just written or arrived).
pub(crate) async fn first_claimant(room: &Room) -> Result<Option<OwnedUserId>> {
    Ok(crate::cases::taker_from_history(room).await?)
}

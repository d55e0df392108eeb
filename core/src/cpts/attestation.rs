//! Identities the CPTS vouches for.
//!
//! Doctors will not compare emojis with every colleague; they can with their coordinator, once.
//! When the coordinator approves a member (or again after the member changed identity and the
//! coordinator checked with them), the coordinator's device sends into the CPTS space an
//! encrypted `fr.innomed.cpts.attestation` binding the member's user id, RPPS number and
//! cross-signing master key. Encrypted by a device the coordinator signed, it is something the
//! homeserver cannot write. Every doctor who verified the coordinator then verifies each
//! attested colleague whose identity is the attested one (matrix-sdk's cross-signing: it holds
//! on every device of that doctor), and the shield says "attested by the CPTS". An identity that
//! no longer matches is a verified identity that changed: nothing is sent to it until the
//! doctor acknowledges or the coordinator attests again. When the coordinator's own identity
//! changes, their word stops counting: the colleagues verified on it show as unverified until
//! the doctor verifies the coordinator again.

use std::{collections::HashMap, sync::atomic::Ordering};

use matrix_sdk::{
    deserialized_responses::{VerificationLevel, VerificationState},
    ruma::{
        events::{macros::EventContent, SyncMessageLikeEvent},
        OwnedUserId, UserId,
    },
    Client, Room,
};
use serde::{Deserialize, Serialize};
use tracing::{debug, info, warn};

use super::{error::Result, Cpts, CptsError};
use crate::{cases::Authorities, CaseError, InnomedClient};

/// `fr.innomed.cpts.attestation`: the coordinator vouches for a member's identity. Only ever
/// sent encrypted, into the CPTS space.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.cpts.attestation", kind = MessageLike)]
pub struct AttestationEventContent {
    pub user_id: OwnedUserId,
    pub rpps: String,
    /// The member's cross-signing master key (unpadded base64 Ed25519) when attested.
    pub master_key: String,
}

/// The store key of the colleagues this device verified on a CPTS's word: the key each was
/// attested with, and by which coordinator.
const ATTESTED_KEY: &[u8] = b"fr.innomed.attested.v2";

/// A colleague verified on a coordinator's word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Attested {
    /// Their cross-signing master key when attested.
    pub(crate) master_key: String,
    /// Whose word it was: it counts only while this doctor trusts that coordinator.
    pub(crate) coordinator: OwnedUserId,
}

impl Cpts {
    /// The coordinator vouches for a member of the directory as their identity is now: after
    /// approving them, or after they changed devices or identity and the coordinator checked
    /// with them. `NotAllowed` for anyone else, `NotInDirectory` for someone not listed,
    /// `NotCrossSigned` for an account without an identity yet.
    pub async fn attest(&self, user_id: &str) -> Result<()> {
        let user_id = super::error::user_id(user_id)?;
        if crate::cases::creator_of(&self.room).as_deref() != Some(self.room.own_user_id()) {
            return Err(CptsError::NotAllowed);
        }
        let entry = self
            .entry_of(&user_id)
            .await?
            .ok_or(CptsError::NotInDirectory)?;
        let identity = self
            .room
            .client()
            .encryption()
            .request_user_identity(&user_id)
            .await
            .map_err(|e| CptsError::Server(e.to_string()))?
            .ok_or(CptsError::Case(CaseError::NotCrossSigned))?;
        // Attesting is the coordinator's word that this identity is the member's (checked with
        // them): a change of it is acknowledged on the coordinator's devices first, or the
        // space would refuse to encrypt for the member's new devices.
        if identity.has_verification_violation() {
            identity
                .withdraw_verification()
                .await
                .map_err(|e| CptsError::Server(e.to_string()))?;
        }
        identity
            .pin()
            .await
            .map_err(|e| CptsError::Server(e.to_string()))?;
        let master_key = identity
            .master_key()
            .get_first_key()
            .ok_or(CptsError::Case(CaseError::NotCrossSigned))?
            .to_base64();
        self.room
            .send(AttestationEventContent {
                user_id,
                rpps: entry.rpps.to_string(),
                master_key,
            })
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.space_id(), "member attested");
        Ok(())
    }
}

/// Whether this doctor trusts `coordinator`'s word now: themselves, or an identity this doctor
/// verified and that has not changed since.
pub(crate) async fn coordinator_trusted(client: &Client, coordinator: &UserId) -> bool {
    if client.user_id() == Some(coordinator) {
        return true;
    }
    match client.encryption().get_user_identity(coordinator).await {
        Ok(Some(identity)) => identity.is_verified() && !identity.has_verification_violation(),
        _ => false,
    }
}

/// The latest attestation of each member a space's coordinator sent, that this doctor can
/// believe: from a device the coordinator signed, while this doctor trusts the coordinator.
/// `None` when this doctor does not trust the coordinator now, or the space cannot be read.
async fn believed_attestations(
    client: &Client,
    space: &Room,
) -> Option<(OwnedUserId, HashMap<OwnedUserId, String>)> {
    let mut attested = HashMap::new();
    let coordinator = crate::cases::creator_of(space)?;
    if !coordinator_trusted(client, &coordinator).await {
        return None;
    }
    let events = crate::cases::events_of_types(space, &["m.room.encrypted"])
        .await
        .ok()?;
    for event in &events {
        let Some(info) = event.encryption_info() else {
            continue;
        };
        // A device the coordinator signed (the room key's arrival may predate this doctor's
        // verification of the coordinator, checked above).
        let signed = matches!(
            info.verification_state,
            VerificationState::Verified
                | VerificationState::Unverified(VerificationLevel::UnverifiedIdentity)
        );
        if !signed || info.sender != coordinator {
            continue;
        }
        if event
            .raw()
            .get_field::<String>("type")
            .ok()
            .flatten()
            .as_deref()
            != Some("fr.innomed.cpts.attestation")
        {
            continue;
        }
        if let Ok(Some(content)) = event.raw().get_field::<AttestationEventContent>("content") {
            attested.insert(content.user_id, content.master_key);
        }
    }
    Some((coordinator, attested))
}

impl InnomedClient {
    /// Verifies, on the word of each CPTS this doctor joined and whose coordinator this doctor
    /// verified, every attested colleague whose identity is the attested one. Returns who was
    /// verified now.
    pub async fn apply_attestations(&self) -> Vec<OwnedUserId> {
        apply(&self.client, &self.authorities).await
    }

    /// Applies the attestations again if they were not read in the last minute (opening a
    /// conversation, listing a case's members: after the doctor verified their coordinator).
    pub(crate) async fn apply_attestations_if_stale(&self) {
        let stale = self
            .authorities
            .attestations_read
            .read()
            .ok()
            .and_then(|at| *at)
            .is_none_or(|at| at.elapsed() > REREAD_AFTER);
        if stale {
            self.apply_attestations().await;
        }
    }
}

impl Authorities {
    /// The coordinator on whose word this doctor verified `user_id`, if that word was about the
    /// identity they have now (`master_key`).
    pub(crate) async fn attested_by(
        &self,
        client: &Client,
        user_id: &UserId,
        master_key: Option<&str>,
    ) -> Option<OwnedUserId> {
        // What an earlier run stored, once per run, until this run reads the attestations.
        if !self.attested_loaded.swap(true, Ordering::SeqCst) {
            let stored = load_attested(client).await;
            if let Ok(mut known) = self.attested.write() {
                for (user, key) in stored {
                    known.entry(user).or_insert(key);
                }
            }
        }
        let known = self
            .attested
            .read()
            .ok()
            .and_then(|a| a.get(user_id).cloned())?;
        (Some(known.master_key.as_str()) == master_key).then_some(known.coordinator)
    }
}

/// How long the attestations read last stay current for the lazy re-reads.
const REREAD_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

async fn apply(client: &Client, authorities: &Authorities) -> Vec<OwnedUserId> {
    let mut newly = Vec::new();
    let mut attested = load_attested(client).await;
    let spaces = client
        .rooms()
        .into_iter()
        .filter(|r| r.is_space() && r.state() == matrix_sdk::RoomState::Joined);
    for space in spaces {
        // A coordinator this doctor does not trust now (never verified, or whose identity
        // changed) adds nothing; what their word verified before stops counting meanwhile
        // (`trust_level`), and counts again once this doctor verifies them again.
        let Some((coordinator, believed)) = believed_attestations(client, &space).await else {
            continue;
        };
        for (user_id, key) in believed {
            if client.user_id() == Some(user_id.as_ref()) {
                continue;
            }
            let identity = match client.encryption().request_user_identity(&user_id).await {
                Ok(Some(identity)) => identity,
                _ => continue,
            };
            let current = identity.master_key().get_first_key().map(|k| k.to_base64());
            if current.as_deref() != Some(key.as_str()) {
                debug!("an attested colleague shows another identity: not verified");
                continue;
            }
            attested.insert(
                user_id.clone(),
                Attested {
                    master_key: key,
                    coordinator: coordinator.clone(),
                },
            );
            if identity.is_verified() {
                continue;
            }
            match identity.verify().await {
                Ok(()) => newly.push(user_id),
                Err(e) => warn!("attested colleague not verified: {e}"),
            }
        }
    }
    save_attested(client, &attested).await;
    if let Ok(mut known) = authorities.attested.write() {
        *known = attested;
    }
    authorities.attested_loaded.store(true, Ordering::SeqCst);
    if let Ok(mut at) = authorities.attestations_read.write() {
        *at = Some(std::time::Instant::now());
    }
    if !newly.is_empty() {
        info!(
            count = newly.len(),
            "colleagues verified on the CPTS's word"
        );
    }
    newly
}

/// Applies attestations as they arrive in a CPTS space this doctor is in.
pub(crate) fn install(client: &Client, authorities: &Authorities) {
    let authorities = authorities.clone();
    client.add_event_handler(
        move |_: SyncMessageLikeEvent<AttestationEventContent>, room: Room| {
            let authorities = authorities.clone();
            async move {
                if room.is_space() {
                    apply(&room.client(), &authorities).await;
                }
            }
        },
    );
}

async fn load_attested(client: &Client) -> HashMap<OwnedUserId, Attested> {
    match client.state_store().get_custom_value(ATTESTED_KEY).await {
        Ok(Some(bytes)) => serde_json::from_slice(&bytes).unwrap_or_default(),
        _ => HashMap::new(),
    }
}

async fn save_attested(client: &Client, attested: &HashMap<OwnedUserId, Attested>) {
    if let Ok(bytes) = serde_json::to_vec(attested) {
        if let Err(e) = client
            .state_store()
            .set_custom_value(ATTESTED_KEY, bytes)
            .await
        {
            warn!("attested colleagues not stored: {e}");
        }
    }
}

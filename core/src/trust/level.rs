//! How far this doctor can trust a colleague's identity, for the shield every member and every
//! message carries: decided here, drawn by the apps.

use matrix_sdk::{
    deserialized_responses::{VerificationLevel, VerificationState},
    ruma::UserId,
};

use matrix_sdk::Client;

use crate::{cases::Authorities, cpts::coordinator_trusted, InnomedClient};

/// The trust this doctor's device places in a person's identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TrustLevel {
    /// Verified by this doctor (emojis compared), or the doctor themself.
    Verified,
    /// Vouched for by the coordinator of a CPTS this doctor belongs to (and whom this doctor
    /// verified), with the identity the coordinator attested: verified on the CPTS's word.
    Attested,
    /// A cross-signing identity this doctor has not verified (the one first seen).
    Unverified,
    /// A colleague this doctor verified now shows another identity: nothing is sent to them
    /// until the doctor acknowledges it.
    Changed,
    /// No identity to trust: no cross-signing (a foreign or old client), a device its owner did
    /// not sign, or a sender the keys do not match.
    None,
}

impl TrustLevel {
    /// The shield of a message: what its decryption established for the sender's device, and
    /// for a device its owner signed, this doctor's trust in that owner now (`known`; matrix-sdk
    /// keeps the state of the room key's arrival, from before a verification).
    pub(crate) fn of_event(state: &VerificationState, known: Option<TrustLevel>) -> Self {
        match state {
            VerificationState::Verified => match known {
                Some(Self::Attested) => Self::Attested,
                _ => Self::Verified,
            },
            VerificationState::Unverified(VerificationLevel::UnverifiedIdentity) => match known {
                Some(Self::Verified) => Self::Verified,
                Some(Self::Attested) => Self::Attested,
                Some(Self::Changed) => Self::Changed,
                _ => Self::Unverified,
            },
            VerificationState::Unverified(VerificationLevel::VerificationViolation) => {
                Self::Changed
            }
            VerificationState::Unverified(_) => Self::None,
        }
    }
}

impl InnomedClient {
    /// This doctor's trust in `user_id`'s identity, from this device's store (no network);
    /// kept for the shields of the messages mapped next.
    pub async fn trust_level(&self, user_id: &UserId) -> TrustLevel {
        self.authorities.trust_level(&self.client, user_id).await
    }

    /// Reads again this doctor's trust in every member of `room` (opening a conversation), the
    /// CPTS attestations first if they were not read lately.
    pub(crate) async fn read_trust_of_members(&self, room: &matrix_sdk::Room) {
        self.apply_attestations_if_stale().await;
        let Ok(members) = room
            .members_no_sync(matrix_sdk::RoomMemberships::all())
            .await
        else {
            return;
        };
        for member in members {
            self.trust_level(member.user_id()).await;
        }
    }
}

impl Authorities {
    /// This doctor's trust in `user_id`'s identity (see [`InnomedClient::trust_level`]).
    pub(crate) async fn trust_level(&self, client: &Client, user_id: &UserId) -> TrustLevel {
        let level = if client.user_id() == Some(user_id) {
            TrustLevel::Verified
        } else {
            match client.encryption().get_user_identity(user_id).await {
                Ok(Some(identity)) if identity.has_verification_violation() => TrustLevel::Changed,
                Ok(Some(identity)) if identity.is_verified() => {
                    let key = identity.master_key().get_first_key().map(|k| k.to_base64());
                    match self.attested_by(client, user_id, key.as_deref()).await {
                        // Verified on a coordinator's word: it counts while this doctor trusts
                        // that coordinator (not after the coordinator's identity changed).
                        Some(coordinator) if coordinator_trusted(client, &coordinator).await => {
                            TrustLevel::Attested
                        }
                        Some(_) => TrustLevel::Unverified,
                        None => TrustLevel::Verified,
                    }
                }
                Ok(Some(_)) => TrustLevel::Unverified,
                _ => TrustLevel::None,
            }
        };
        if let Ok(mut known) = self.trust.write() {
            known.insert(user_id.to_owned(), level);
        }
        level
    }
}

#[cfg(test)]
mod tests {
    use matrix_sdk::deserialized_responses::DeviceLinkProblem;

    use super::*;

    #[test]
    fn a_messages_shield_follows_its_device_then_its_owner_now() {
        let signed = VerificationState::Unverified(VerificationLevel::UnverifiedIdentity);
        assert_eq!(TrustLevel::of_event(&signed, None), TrustLevel::Unverified);
        assert_eq!(
            TrustLevel::of_event(&signed, Some(TrustLevel::Verified)),
            TrustLevel::Verified,
            "verified since the room key arrived"
        );
        assert_eq!(
            TrustLevel::of_event(&signed, Some(TrustLevel::Changed)),
            TrustLevel::Changed
        );
        assert_eq!(
            TrustLevel::of_event(&VerificationState::Verified, Some(TrustLevel::Changed)),
            TrustLevel::Verified,
            "written by the identity the doctor verified"
        );
        let violation = VerificationState::Unverified(VerificationLevel::VerificationViolation);
        assert_eq!(TrustLevel::of_event(&violation, None), TrustLevel::Changed);
        for unsigned in [
            VerificationLevel::UnsignedDevice,
            VerificationLevel::MismatchedSender,
            VerificationLevel::None(DeviceLinkProblem::MissingDevice),
        ] {
            let state = VerificationState::Unverified(unsigned);
            assert_eq!(
                TrustLevel::of_event(&state, Some(TrustLevel::Verified)),
                TrustLevel::None,
                "no owner's signature, whoever the owner is"
            );
        }
    }
}

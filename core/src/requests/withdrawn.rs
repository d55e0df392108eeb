//! A routed specialist withdrawn because another took the request, told directly.
//!
//! The GP's withdrawal (a kick) normally reaches the specialist's device through their
//! homeserver. When the specialist is the case's only member on their homeserver, the GP's
//! homeserver stops sending that server the case's events once they are out, and the partner
//! server may never accept the withdrawal (ARCHITECTURE.md, "First claim across servers"): the
//! specialist's phone would keep the request as theirs. So the GP's device also tells each
//! withdrawn specialist's devices, Olm-encrypted to each device (`fr.innomed.request.withdrawn`,
//! naming the room only). A device believes it only from a device its owner signed, from the
//! case's creator, while the case is not handed over to it; it then leaves the case.

use matrix_sdk::{
    deserialized_responses::EncryptionInfo,
    ruma::{
        events::{macros::EventContent, ToDeviceEvent},
        serde::Raw,
        OwnedRoomId, OwnedUserId, RoomId, UserId,
    },
    Client, RoomState,
};
use serde::{Deserialize, Serialize};
use tracing::{info, warn};

use super::brief::{send_to_devices, signed};

/// `fr.innomed.request.withdrawn`: only ever sent Olm-encrypted, by the GP's device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.request.withdrawn", kind = ToDevice)]
pub struct RequestWithdrawnEventContent {
    pub room_id: OwnedRoomId,
}

/// Tells the devices of the withdrawn specialists on other homeservers (each device that its
/// owner signed): on the GP's own homeserver the withdrawal itself reaches them.
pub(crate) async fn tell(client: &Client, room_id: &RoomId, withdrawn: &[OwnedUserId]) {
    let Some(own) = client.user_id() else {
        return;
    };
    let withdrawn: Vec<OwnedUserId> = withdrawn
        .iter()
        .filter(|u| u.server_name() != own.server_name())
        .cloned()
        .collect();
    if withdrawn.is_empty() {
        return;
    }
    let Ok(content) = Raw::new(&RequestWithdrawnEventContent {
        room_id: room_id.to_owned(),
    }) else {
        return;
    };
    let told = send_to_devices(
        client,
        &withdrawn,
        "fr.innomed.request.withdrawn",
        content.cast_unchecked(),
    )
    .await;
    info!(%room_id, told = told.len(), "withdrawn specialists told");
}

/// Why a withdrawal notice is not believed (`None`: believed).
fn refused(
    sender: &UserId,
    info: Option<&EncryptionInfo>,
    creator: Option<&UserId>,
    handed_to: Option<&UserId>,
    own: &UserId,
) -> Option<&'static str> {
    let Some(info) = info else {
        return Some("in clear");
    };
    if info.sender != sender || !signed(&info.verification_state) {
        return Some("from a device its owner did not sign");
    }
    if creator != Some(sender) {
        return Some("not from the case's creator");
    }
    if handed_to == Some(own) {
        return Some("the case is handed over to this specialist");
    }
    None
}

/// Receives withdrawal notices: the case is left when one is believed.
pub(crate) fn install(client: &Client) {
    client.add_event_handler(
        |event: ToDeviceEvent<RequestWithdrawnEventContent>,
         encryption: Option<EncryptionInfo>,
         client: Client| async move {
            let room_id = event.content.room_id;
            let Some(room) = client.get_room(&room_id) else {
                return;
            };
            // A claimant (joined) on another homeserver than the GP's: the one the withdrawal
            // itself may never reach. An invitation withdrawn reaches any server.
            let Some(own) = client.user_id().map(ToOwned::to_owned) else {
                return;
            };
            if room.state() != RoomState::Joined || event.sender.server_name() == own.server_name()
            {
                return;
            }
            let creator = crate::cases::creator_of(&room);
            let handed_to = crate::cases::fetch_status_of(&room)
                .await
                .ok()
                .flatten()
                .and_then(|s| s.accepted_by);
            if let Some(why) = refused(
                &event.sender,
                encryption.as_ref(),
                creator.as_deref(),
                handed_to.as_deref(),
                &own,
            ) {
                warn!(%room_id, "a withdrawal notice {why}: ignored");
                return;
            }
            match room.leave().await {
                Ok(()) => info!(%room_id, "withdrawn from a request another specialist took"),
                Err(e) => warn!(%room_id, "withdrawn request not left: {e}"),
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use matrix_sdk::{
        deserialized_responses::{
            AlgorithmInfo, DeviceLinkProblem, VerificationLevel, VerificationState,
        },
        ruma::{owned_device_id, user_id},
    };

    use super::*;

    fn info(sender: &UserId, state: VerificationState) -> EncryptionInfo {
        EncryptionInfo {
            sender: sender.to_owned(),
            sender_device: Some(owned_device_id!("GPPHONE")),
            forwarder: None,
            algorithm_info: AlgorithmInfo::OlmV1Curve25519AesSha2 {
                curve25519_public_key_base64: "key".into(),
            },
            verification_state: state,
        }
    }

    #[test]
    fn only_the_creators_signed_device_withdraws_a_specialist_not_handed_the_case() {
        let gp = user_id!("@gp:a.test");
        let derm = user_id!("@derm:b.test");
        let other = user_id!("@other:b.test");
        let signed = info(gp, VerificationState::Verified);
        let believed = refused(gp, Some(&signed), Some(gp), None, derm);
        assert_eq!(believed, None);
        assert_eq!(refused(gp, None, Some(gp), None, derm), Some("in clear"));
        let unsigned = info(
            gp,
            VerificationState::Unverified(VerificationLevel::UnsignedDevice),
        );
        assert!(refused(gp, Some(&unsigned), Some(gp), None, derm).is_some());
        let unknown = info(
            gp,
            VerificationState::Unverified(VerificationLevel::None(
                DeviceLinkProblem::MissingDevice,
            )),
        );
        assert!(refused(gp, Some(&unknown), Some(gp), None, derm).is_some());
        // Another member, even from a signed device: not the case's creator.
        let theirs = info(other, VerificationState::Verified);
        assert_eq!(
            refused(other, Some(&theirs), Some(gp), None, derm),
            Some("not from the case's creator")
        );
        // Sent in the creator's name from someone else's session.
        assert!(refused(gp, Some(&theirs), Some(gp), None, derm).is_some());
        // The case was handed over to this very specialist: a late notice changes nothing.
        assert!(refused(gp, Some(&signed), Some(gp), Some(derm), derm).is_some());
    }
}

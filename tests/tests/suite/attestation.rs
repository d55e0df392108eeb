//! Identities the CPTS vouches for: a doctor compares emojis with the coordinator once, and
//! every colleague the coordinator attests is verified on that doctor's devices, with the shield
//! "attested". A doctor who did not verify the coordinator believes nothing of it; a member
//! other than the coordinator cannot attest; an attested colleague who changes identity is
//! stopped as any verified identity that changed, until the coordinator attests the new one. A
//! request taken by an attested specialist is handed over without asking the GP to confirm her.

use innomed_core::{CaseAction, CptsError, MessageKind, TrustLevel};
use innomed_harness::Homeserver;

use crate::{
    cpts::Territory,
    support::{case_seen_by, conversation_of, eventually, load_all, marker, Doctor, PASSWORD},
    verification::verify_each_other,
};

async fn trust_once_applied(doctor: &Doctor, colleague: &Doctor) -> TrustLevel {
    doctor.client.apply_attestations().await;
    let user = innomed_core::OwnedUserId::try_from(colleague.user_id.as_str()).expect("user id");
    doctor.client.trust_level(&user).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_colleague_the_verified_coordinator_attests_is_verified_without_emojis() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    let (coordinator, gp, derm, cardio) = (
        &t.coordinator,
        &t.gp.doctor,
        &t.derm_on_duty.doctor,
        &t.cardiologist.doctor,
    );
    // Each knows the others' devices through the space.
    for (a, b) in [
        (gp, coordinator),
        (coordinator, gp),
        (gp, derm),
        (cardio, derm),
    ] {
        eventually("the colleague's device known", || async {
            let devices = a.client.devices_of(&b.user_id).await.ok()?;
            (!devices.is_empty()).then_some(())
        })
        .await;
    }
    // Only the coordinator attests.
    let gp_space = gp.client.cpts(&t.space_id).expect("space");
    let refused = gp_space.attest(&derm.user_id).await;
    assert!(matches!(refused, Err(CptsError::NotAllowed)), "{refused:?}");

    // The GP compares emojis with the coordinator, once.
    verify_each_other(gp, coordinator).await;
    let space = coordinator.client.cpts(&t.space_id).expect("space");
    space.attest(&derm.user_id).await.expect("attested");

    let level = eventually("the dermatologist attested on the GP's device", || async {
        let level = trust_once_applied(gp, derm).await;
        (level == TrustLevel::Attested).then_some(level)
    })
    .await;
    assert_eq!(level, TrustLevel::Attested);
    assert!(
        gp.client
            .is_user_verified(&derm.user_id)
            .await
            .expect("status"),
        "verified on the CPTS's word, without emojis between them"
    );
    // The cardiologist never verified the coordinator: the attestation counts for nothing.
    assert_eq!(
        trust_once_applied(cardio, derm).await,
        TrustLevel::Unverified
    );

    // The dermatologist starts a new identity: stopped as a verified identity that changed...
    derm.client
        .reset_identity(PASSWORD)
        .await
        .expect("identity reset");
    eventually("the change seen by the GP", || async {
        (trust_once_applied(gp, derm).await == TrustLevel::Changed).then_some(())
    })
    .await;
    // ...until the coordinator, having checked with her, attests the new one (read afresh from
    // the homeserver).
    space.attest(&derm.user_id).await.expect("attested again");
    eventually("the new identity attested on the GP's device", || async {
        (trust_once_applied(gp, derm).await == TrustLevel::Attested).then_some(())
    })
    .await;
    assert!(!gp
        .client
        .has_identity_changed(&derm.user_id)
        .await
        .expect("status"));
}

/// The GP compares emojis with the coordinator, who attests the dermatologist on duty; returns
/// once the GP's device counts her as attested.
async fn gp_verifies_coordinator_who_attests_derm(t: &Territory) {
    let (coordinator, gp, derm) = (&t.coordinator, &t.gp.doctor, &t.derm_on_duty.doctor);
    for (a, b) in [(gp, coordinator), (coordinator, gp), (gp, derm)] {
        eventually("the colleague's device known", || async {
            let devices = a.client.devices_of(&b.user_id).await.ok()?;
            (!devices.is_empty()).then_some(())
        })
        .await;
    }
    verify_each_other(gp, coordinator).await;
    let space = coordinator.client.cpts(&t.space_id).expect("space");
    space.attest(&derm.user_id).await.expect("attested");
    eventually("the dermatologist attested on the GP's device", || async {
        (trust_once_applied(gp, derm).await == TrustLevel::Attested).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinators_word_stops_counting_when_the_coordinators_identity_changes() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    let (coordinator, gp, derm) = (&t.coordinator, &t.gp.doctor, &t.derm_on_duty.doctor);
    gp_verifies_coordinator_who_attests_derm(&t).await;

    // The coordinator's identity is replaced (a new phone without recovery, or an operator
    // who took the account over): the GP no longer takes their word.
    coordinator
        .client
        .reset_identity(PASSWORD)
        .await
        .expect("identity reset");
    eventually("the coordinator's change seen by the GP", || async {
        (trust_once_applied(gp, coordinator).await == TrustLevel::Changed).then_some(())
    })
    .await;
    assert_eq!(
        trust_once_applied(gp, derm).await,
        TrustLevel::Unverified,
        "verified only on the word of a coordinator whose identity changed"
    );

    // The GP checks with the coordinator and verifies the new identity: the word counts again.
    verify_each_other(gp, coordinator).await;
    let level = eventually("the attestation counts again", || async {
        let level = trust_once_applied(gp, derm).await;
        (level == TrustLevel::Attested).then_some(level)
    })
    .await;
    assert_eq!(level, TrustLevel::Attested);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_taken_by_an_attested_specialist_is_handed_over_without_asking_the_gp() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    let (gp, derm) = (&t.gp.doctor, &t.derm_on_duty.doctor);
    gp_verifies_coordinator_who_attests_derm(&t).await;

    let label = marker("LABEL");
    let mut request = t.request("dermatology", &marker("QUESTION"));
    request.header.patient_label = label.clone();
    let case = gp
        .client
        .cpts(&t.space_id)
        .expect("space")
        .open_request(request)
        .await
        .expect("request opened");
    let room_id = case.room_id().to_string();
    case_seen_by(derm, &room_id)
        .await
        .take_request()
        .await
        .expect("taken");

    // The CPTS vouches for her: the GP's device hands the history over on its own.
    let taker_case = derm.client.case(&room_id).expect("joined");
    eventually("the hand-over at the attested taker", || async {
        (!taker_case.awaiting_handover().await.ok()?).then_some(())
    })
    .await;
    let mine = case.allowed_actions().await.expect("actions");
    assert_eq!(mine.handover, None, "{mine:?}");
    assert_eq!(mine.actions, vec![CaseAction::Write]);
    assert!(
        case.unvouched_members().await.expect("members").is_empty(),
        "nobody to confirm"
    );
    let conversation = conversation_of(derm, &room_id).await;
    eventually("the patient label decrypted by the taker", || async {
        load_all(&conversation).await;
        conversation
            .messages()
            .await
            .iter()
            .any(|m| matches!(&m.kind, MessageKind::Header { header } if header.patient_label == label))
            .then_some(())
    })
    .await;
}

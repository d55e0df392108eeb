//! Emoji verification driven step by step, as the shells will: between two devices of the same
//! doctor (the new one becomes cross-signed), between two doctors (each sees the other's
//! identity verified), and a mismatch that verifies nothing.

use std::time::Duration;

use innomed_core::{
    InnomedClient, MessageKind, SendState, TrustLevel, Verification, VerificationState,
};
use innomed_harness::Homeserver;

use crate::support::{
    conversation_of, eventually, header_with, marker, shared_case, Doctor, PASSWORD, WAIT,
};

/// Two doctors who share a case, so each knows the other's devices.
async fn colleagues(hs_url: &str) -> (Doctor, Doctor) {
    let gp = Doctor::register(hs_url, "gp").await;
    let derm = Doctor::register(hs_url, "derm").await;
    shared_case(&gp, &derm, header_with(&marker("VER"))).await;
    // Each knows the other's device, as colleagues sharing cases do.
    for (a, b) in [(&gp, &derm), (&derm, &gp)] {
        eventually("the colleague's device known", || async {
            let devices = a.client.devices_of(&b.user_id).await.ok()?;
            (!devices.is_empty()).then_some(())
        })
        .await;
    }
    (gp, derm)
}

/// Runs the exchange from the request to the emojis; returns both sides' emojis.
pub(crate) async fn to_emojis(
    requester: &InnomedClient,
    other: &InnomedClient,
    other_user: &str,
) -> (
    Verification,
    Verification,
    Vec<(u8, String)>,
    Vec<(u8, String)>,
) {
    let other_device = other.device_id().expect("device id");
    let sent = requester
        .verify_device(other_user, &other_device)
        .await
        .expect("request sent");
    let received = other
        .incoming_verification(WAIT)
        .await
        .expect("request received");
    assert_eq!(received.flow_id(), sent.flow_id());
    received.accept().await.expect("accepted");
    sent.wait_for(WAIT, |s| *s == VerificationState::Ready)
        .await
        .expect("ready");
    sent.start_emojis().await.expect("emojis started");
    let symbols = |s: VerificationState| match s {
        VerificationState::Emojis { emojis: e } => e
            .into_iter()
            .map(|e| {
                // The place in the spec's table, which the apps name in French or English.
                assert!(e.index < 64, "emoji index {} out of the table", e.index);
                (e.index, e.symbol)
            })
            .collect::<Vec<_>>(),
        other => panic!("no emojis: {other:?}"),
    };
    let is_emojis = |s: &VerificationState| matches!(s, VerificationState::Emojis { .. });
    let mine = symbols(sent.wait_for(WAIT, is_emojis).await.expect("emojis here"));
    let theirs = symbols(
        received
            .wait_for(WAIT, is_emojis)
            .await
            .expect("emojis there"),
    );
    (sent, received, mine, theirs)
}

pub(crate) async fn both_done(a: &Verification, b: &Verification) {
    for v in [a, b] {
        let state = v
            .wait_for(WAIT, |s| {
                matches!(
                    s,
                    VerificationState::Done | VerificationState::Cancelled { .. }
                )
            })
            .await;
        assert_eq!(state, Some(VerificationState::Done));
    }
}

/// The GP verifies the dermatologist's device with emojis, both confirm; then the GP sees the
/// dermatologist's identity verified.
pub(crate) async fn verify_each_other(gp: &Doctor, derm: &Doctor) {
    let (sent, received, mine, theirs) = to_emojis(&gp.client, &derm.client, &derm.user_id).await;
    assert_eq!(mine, theirs, "both screens show the same emojis");
    assert_eq!(received.other_user_id().as_str(), gp.user_id);
    sent.confirm().await.expect("GP confirms");
    received.confirm().await.expect("dermatologist confirms");
    both_done(&sent, &received).await;
    becomes_verified(gp, derm).await;
}

/// The case the two colleagues share (the first of `who`'s list).
async fn shared_room(who: &Doctor) -> Option<String> {
    let cases = who.client.case_list().current().await;
    Some(cases.first()?.room_id.to_string())
}

/// The shield `who`'s device puts on `whom` in their shared case's member list.
async fn member_trust(who: &Doctor, whom: &Doctor) -> Option<TrustLevel> {
    let case = who.client.case(&shared_room(who).await?).ok()?;
    let members = case.members().await.ok()?;
    members
        .into_iter()
        .find(|m| m.user_id.as_str() == whom.user_id)
        .map(|m| m.trust)
}

/// The shield on the message `text` in `who`'s view of the shared case.
async fn message_trust(who: &Doctor, text: &str) -> Option<TrustLevel> {
    let room_id = shared_room(who).await?;
    let conversation = conversation_of(who, &room_id).await;
    crate::support::load_all(&conversation).await;
    conversation
        .messages()
        .await
        .into_iter()
        .find_map(|m| match &m.kind {
            MessageKind::Text { body, .. } if body == text => Some(m.trust),
            _ => None,
        })
}

/// Waits until `who` sees `whom`'s identity verified.
pub(crate) async fn becomes_verified(who: &Doctor, whom: &Doctor) {
    eventually("the colleague's identity verified", || async {
        who.client
            .is_user_verified(&whom.user_id)
            .await
            .ok()?
            .then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_device_of_the_same_doctor_is_verified_with_emojis() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let phone = Doctor::login_again(&hs.url(), &gp.user_id).await;
    assert!(!phone.client.is_device_cross_signed().await);

    let (sent, received, mine, theirs) = to_emojis(&gp.client, &phone.client, &gp.user_id).await;
    assert_eq!(mine.len(), 7);
    assert_eq!(mine, theirs, "both screens show the same emojis");
    assert!(received.is_self_verification());
    sent.confirm().await.expect("confirmed here");
    received.confirm().await.expect("confirmed there");
    both_done(&sent, &received).await;

    eventually("the new phone signed by the doctor's identity", || async {
        phone.client.is_device_cross_signed().await.then_some(())
    })
    .await;
    let devices = gp.client.devices_of(&gp.user_id).await.expect("devices");
    let phone_id = phone.client.device_id().expect("id");
    assert!(devices
        .iter()
        .any(|d| d.device_id == phone_id && d.verified));
    phone.client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_doctors_verify_each_other_with_emojis() {
    let hs = Homeserver::shared().expect("synapse");
    let (gp, derm) = colleagues(&hs.url()).await;
    assert!(!gp
        .client
        .is_user_verified(&derm.user_id)
        .await
        .expect("status"));

    // Before: a colleague's identity as first seen, on the member and on their words.
    let room_id = derm.client.case_list().current().await[0]
        .room_id
        .to_string();
    let before = marker("UNVERIFIED");
    conversation_of(&derm, &room_id)
        .await
        .send_text(&before)
        .await
        .expect("send");
    assert_eq!(member_trust(&gp, &derm).await, Some(TrustLevel::Unverified));
    let seen = eventually("the unverified colleague's message", || async {
        message_trust(&gp, &before).await
    })
    .await;
    assert_eq!(seen, TrustLevel::Unverified);
    assert_eq!(
        member_trust(&gp, &gp).await,
        Some(TrustLevel::Verified),
        "the doctor themself"
    );

    verify_each_other(&gp, &derm).await;
    becomes_verified(&derm, &gp).await;
    let devices = derm.client.devices_of(&gp.user_id).await.expect("devices");
    assert!(
        devices.iter().all(|d| d.verified),
        "and so the GP's devices"
    );
    // After: the shield says verified, on the member and on what they write now.
    assert_eq!(member_trust(&gp, &derm).await, Some(TrustLevel::Verified));
    let after = marker("VERIFIED");
    conversation_of(&derm, &room_id)
        .await
        .send_text(&after)
        .await
        .expect("send");
    eventually("the verified colleague's message", || async {
        (message_trust(&gp, &after).await? == TrustLevel::Verified).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn different_emojis_verify_nothing() {
    let hs = Homeserver::shared().expect("synapse");
    let (gp, derm) = colleagues(&hs.url()).await;
    let (sent, received, _, _) = to_emojis(&gp.client, &derm.client, &derm.user_id).await;
    received.mismatch().await.expect("they differ");
    for v in [&sent, &received] {
        let state = v
            .wait_for(WAIT, |s| matches!(s, VerificationState::Cancelled { .. }))
            .await;
        assert_eq!(
            state,
            Some(VerificationState::Cancelled {
                reason: "m.mismatched_sas".into()
            })
        );
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!gp
        .client
        .is_user_verified(&derm.user_id)
        .await
        .expect("status"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verified_colleagues_new_identity_stops_sending_until_acknowledged() {
    let hs = Homeserver::shared().expect("synapse");
    let (gp, derm) = colleagues(&hs.url()).await;
    verify_each_other(&gp, &derm).await;

    // The dermatologist starts a new identity (lost recovery key, reinstalled app).
    let new_key = derm
        .client
        .reset_identity(PASSWORD)
        .await
        .expect("identity reset");
    assert!(!new_key.is_empty());
    eventually("the GP sees the identity change", || async {
        gp.client
            .has_identity_changed(&derm.user_id)
            .await
            .ok()?
            .then_some(())
    })
    .await;
    assert_eq!(
        member_trust(&gp, &derm).await,
        Some(TrustLevel::Changed),
        "the member's shield says the identity changed"
    );

    let room_id = gp.client.case_list().current().await[0].room_id.to_string();
    let conversation = conversation_of(&gp, &room_id).await;
    let text = marker("AFTERCHANGE");
    conversation.send_text(&text).await.expect("queued");
    let users = eventually("the message held back", || async {
        conversation.messages().await.into_iter().find_map(|m| match m.send_state {
            SendState::BlockedByIdentityChange { users } if matches!(&m.kind, MessageKind::Text { body, .. } if *body == text) => Some(users),
            _ => None,
        })
    })
    .await;
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].as_str(), derm.user_id);

    // The GP checked with the colleague, and acknowledges: the message goes out.
    let resent = conversation
        .acknowledge_identity_change(&derm.user_id)
        .await
        .expect("acknowledged");
    assert_eq!(resent, 1);
    assert_eq!(
        member_trust(&gp, &derm).await,
        Some(TrustLevel::Unverified),
        "acknowledged: the new identity is not the one the GP verified"
    );
    eventually("the message sent", || async {
        let states: Vec<_> = conversation
            .messages()
            .await
            .into_iter()
            .filter(|m| matches!(&m.kind, MessageKind::Text { body, .. } if *body == text))
            .map(|m| m.send_state)
            .collect();
        (states == [SendState::Sent]).then_some(())
    })
    .await;
    let derm_conversation = conversation_of(&derm, &room_id).await;
    eventually(
        "the message at the dermatologist's new identity",
        || async {
            crate::support::load_all(&derm_conversation).await;
            crate::support::texts(&derm_conversation)
                .await
                .contains(&text)
                .then_some(())
        },
    )
    .await;
}

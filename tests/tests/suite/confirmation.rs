//! A member nobody verified: nothing more is sent into a case until the doctor decides.
//!
//! Doctors rarely verify each other; their CPTS attests them. A member whose identity this
//! doctor neither verified nor had attested, and whom the doctor did not choose (invite, or
//! accept an invitation from), is flagged on the doctor's device, and nothing is encrypted to
//! them until the doctor confirms them, for that identity: a replaced identity (an operator who
//! reset the account's password and uploaded new keys) is asked about again.

use innomed_core::{
    CaseAction, CaseError, ClientConfig, ConversationError, InnomedClient, StoreKey, TrustLevel,
    Unvouched,
};
use innomed_harness::{http, Homeserver};
use serde_json::json;

use crate::support::{
    case_seen_by, conversation_of, eventually, header_with, login_token, marker, shared_case,
    wait_for_text, Doctor, PASSWORD,
};

/// What `doctor`'s device says of `whom` in the case: flagged as not confirmed, and their
/// shield.
async fn flagged(doctor: &Doctor, room_id: &str, whom: &Doctor) -> (bool, Option<TrustLevel>) {
    let case = case_seen_by(doctor, room_id).await;
    let unvouched = case.unvouched_members().await.expect("unvouched");
    let not_confirmed = unvouched
        .iter()
        .any(|u| u.user_id.as_str() == whom.user_id && u.reason == Unvouched::NotConfirmed);
    let trust = case
        .members()
        .await
        .expect("members")
        .into_iter()
        .find(|m| m.user_id.as_str() == whom.user_id)
        .map(|m| m.trust);
    (not_confirmed, trust)
}

/// Sends `text` from `doctor` into the case, or says why not.
async fn send(doctor: &Doctor, room_id: &str, text: &str) -> Result<(), ConversationError> {
    let conversation = conversation_of(doctor, room_id).await;
    conversation.send_text(text).await.map(|_| ())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_member_the_doctor_never_chose_gets_nothing_until_confirmed_for_that_identity() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp-conf").await;
    let derm = Doctor::register(&hs.url(), "derm-conf").await;
    let nurse = Doctor::register(&hs.url(), "nurse-conf").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("CONF"))).await;
    // Each chose the other: the GP invited, the dermatologist accepted.
    let first = marker("FIRST");
    send(&gp, &room_id, &first).await.expect("GP writes");
    wait_for_text(&conversation_of(&derm, &room_id).await, &first).await;

    // The dermatologist brings a nurse in: her choice, not the GP's.
    case_seen_by(&derm, &room_id)
        .await
        .invite(&nurse.user_id)
        .await
        .expect("invited");
    case_seen_by(&nurse, &room_id)
        .await
        .accept()
        .await
        .expect("accepted");
    let gp_case = case_seen_by(&gp, &room_id).await;
    eventually("the nurse in the GP's member list", || async {
        let (not_confirmed, trust) = flagged(&gp, &room_id, &nurse).await;
        (not_confirmed && trust == Some(TrustLevel::Unverified)).then_some(())
    })
    .await;
    assert!(matches!(
        send(&gp, &room_id, &marker("HELD")).await,
        Err(ConversationError::UnconfirmedMember)
    ));
    let actions = gp_case.allowed_actions().await.expect("actions");
    assert!(actions.allows(CaseAction::ConfirmMember));
    assert!(!actions.allows(CaseAction::Write));
    // The nurse never chose the GP either: she is asked too.
    assert!(matches!(
        send(&nurse, &room_id, &marker("NURSE")).await,
        Err(ConversationError::UnconfirmedMember)
    ));
    // The dermatologist chose both.
    let derm_text = marker("DERM");
    send(&derm, &room_id, &derm_text)
        .await
        .expect("the dermatologist writes");
    wait_for_text(&conversation_of(&nurse, &room_id).await, &derm_text).await;
    // Only members can be confirmed.
    assert!(matches!(
        gp_case.confirm_member("@stranger:localhost").await,
        Err(CaseError::NotAllowed)
    ));

    // The GP confirms the nurse: his messages reach her.
    gp_case
        .confirm_member(&nurse.user_id)
        .await
        .expect("confirmed");
    assert!(!flagged(&gp, &room_id, &nurse).await.0);
    let confirmed = marker("CONFIRMED");
    send(&gp, &room_id, &confirmed)
        .await
        .expect("GP writes again");
    wait_for_text(&conversation_of(&nurse, &room_id).await, &confirmed).await;

    // An operator resets the nurse's password, signs in as her and uploads a new identity.
    let localpart = format!("ops-{}", &marker("")[..8]);
    hs.register_admin(&localpart, PASSWORD)
        .expect("admin account");
    let token = login_token(&hs.url(), &localpart);
    let taken_over = "operator's own password";
    let reset = http::request(
        "POST",
        &format!(
            "{}/_synapse/admin/v1/reset_password/{}",
            hs.url(),
            nurse.user_id
        ),
        Some(&json!({ "new_password": taken_over, "logout_devices": false })),
        Some(&token),
    )
    .expect("reset password");
    assert_eq!(reset.status, 200, "{}", reset.body);
    let dir = tempfile::tempdir().expect("dir");
    let config = ClientConfig {
        homeserver_url: hs.url(),
        data_dir: dir.path().to_owned(),
        store_key: StoreKey::generate(),
    };
    let impostor = InnomedClient::login(&config, &nurse.user_id, taken_over)
        .await
        .expect("the operator signs in as the nurse");
    impostor
        .reset_identity(taken_over)
        .await
        .expect("a new identity uploaded");

    // The GP confirmed the nurse's former identity, not this one: held again, and flagged.
    eventually("the new identity held on the GP's device", || async {
        match send(&gp, &room_id, &marker("AFTER")).await {
            Err(ConversationError::UnconfirmedMember) => Some(()),
            _ => None,
        }
    })
    .await;
    assert!(flagged(&gp, &room_id, &nurse).await.0);
    impostor.close().await;
}

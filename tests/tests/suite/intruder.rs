//! A curious homeserver administrator lets accounts into a case that no member invited: with
//! the admin API it makes its own account the room's administrator (Synapse sends the power
//! change and the invitation in the name of the case's creator), opens the room to anyone, and
//! a second account of its own joins without an invitation. Every Innomed client of the case
//! flags both: the walk-in had no invitation, and the invitation "from" the creator came
//! without the encrypted record his device sends before inviting anyone, which the homeserver
//! cannot forge. Nothing more is encrypted into the case while either is there
//! (`UninvitedMember`) until the GP has removed both.

use innomed_core::{CaseAction, CaseError, ConversationError, Membership, Unvouched};
use innomed_harness::{http, Homeserver};
use serde_json::json;

use crate::support::{
    conversation_of, eventually, header_with, marker, shared_case, texts, wait_for_text, Doctor,
    PASSWORD,
};

/// Signs in with a password over the client-server API; the access token.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_nobody_invited_is_flagged_and_nothing_more_is_sent_until_removed() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp-intr").await;
    let derm = Doctor::register(&hs.url(), "derm-intr").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("INTR"))).await;
    let gp_conversation = conversation_of(&gp, &room_id).await;
    let derm_conversation = conversation_of(&derm, &room_id).await;
    let before = marker("BEFORE");
    gp_conversation.send_text(&before).await.expect("send");
    wait_for_text(&derm_conversation, &before).await;

    // The operator's own account made room administrator, then the room opened to anyone.
    let localpart = format!("ops-{}", &marker("")[..8]);
    let operator = hs
        .register_admin(&localpart, PASSWORD)
        .expect("admin account");
    let token = crate::support::login_token(&hs.url(), &localpart);
    let made_admin = http::request(
        "POST",
        &format!(
            "{}/_synapse/admin/v1/rooms/{room_id}/make_room_admin",
            hs.url()
        ),
        Some(&json!({ "user_id": operator })),
        Some(&token),
    )
    .expect("make room admin");
    assert_eq!(made_admin.status, 200, "{}", made_admin.body);
    let joined = http::request(
        "POST",
        &format!("{}/_matrix/client/v3/join/{room_id}", hs.url()),
        Some(&json!({})),
        Some(&token),
    )
    .expect("operator joins");
    assert_eq!(joined.status, 200, "{}", joined.body);
    let opened = http::request(
        "PUT",
        &format!(
            "{}/_matrix/client/v3/rooms/{room_id}/state/m.room.join_rules/",
            hs.url()
        ),
        Some(&json!({ "join_rule": "public" })),
        Some(&token),
    )
    .expect("join rules");
    assert_eq!(opened.status, 200, "{}", opened.body);
    // A second account of the operator's walks in: nobody invited it.
    let ghost = Doctor::register(&hs.url(), "ghost").await;
    let admin = ghost.user_id.clone();
    let walked_in = http::request(
        "POST",
        &format!("{}/_matrix/client/v3/join/{room_id}", hs.url()),
        Some(&json!({})),
        Some(&ghost.client.session().expect("session").access_token),
    )
    .expect("ghost joins");
    assert_eq!(walked_in.status, 200, "{}", walked_in.body);

    for (doctor, conversation) in [(&gp, &gp_conversation), (&derm, &derm_conversation)] {
        let case = doctor.client.case(&room_id).expect("case");
        eventually("the forced member seen by the doctor's device", || async {
            case.members()
                .await
                .ok()?
                .iter()
                .any(|m| m.user_id.as_str() == admin && m.membership == Membership::Joined)
                .then_some(())
        })
        .await;
        // Both flagged, and nothing more is encrypted into the case: no room key can reach
        // them. The operator's invitation bore the creator's name, not his device's record.
        let unvouched = case.unvouched_members().await.expect("unvouched");
        for intruder in [&admin, &operator] {
            assert!(
                unvouched
                    .iter()
                    .any(|u| u.user_id.as_str() == intruder.as_str()
                        && u.reason == Unvouched::NotInvitedByMember),
                "{intruder} flagged on {}'s device: {unvouched:?}",
                doctor.user_id
            );
        }
        assert!(
            !unvouched.iter().any(|u| u.user_id == derm.user_id),
            "the colleague the GP invited himself stays vouched for: {unvouched:?}"
        );
        assert!(
            !case
                .allowed_actions()
                .await
                .expect("actions")
                .allows(CaseAction::Write),
            "no screen offers to write"
        );
        let refused = conversation.send_text(&marker("WHILE")).await;
        assert!(
            matches!(refused, Err(ConversationError::UninvitedMember)),
            "{refused:?}"
        );
    }
    assert!(
        !texts(&derm_conversation)
            .await
            .iter()
            .any(|t| t.starts_with("WHILE")),
        "nothing was sent while the intruder was in the case"
    );

    // Only the GP who opened the case removes members; the dermatologist cannot.
    let derm_case = derm.client.case(&room_id).expect("case");
    let refused = derm_case.remove(&admin).await;
    assert!(matches!(refused, Err(CaseError::NotAllowed)), "{refused:?}");
    let gp_case = gp.client.case(&room_id).expect("case");
    gp_case.remove(&admin).await.expect("walk-in removed");
    // The walk-in gone, the operator still holds the case closed to writing.
    let refused = gp_conversation.send_text(&marker("AFTER")).await;
    assert!(
        matches!(refused, Err(ConversationError::UninvitedMember)),
        "{refused:?}"
    );
    // The creator outranks the server's operator (room version 12: creators above every power
    // level) and removes it too; then writing works again.
    gp_case.remove(&operator).await.expect("operator removed");
    let after = marker("AGAIN");
    eventually("writing again once both intruders are gone", || async {
        gp_conversation.send_text(&after).await.ok()
    })
    .await;
    wait_for_text(&derm_conversation, &after).await;
    assert!(
        !texts(&derm_conversation)
            .await
            .iter()
            .any(|t| t.starts_with("WHILE") || t.starts_with("AFTER")),
        "nothing was sent while an intruder was in the case"
    );
}

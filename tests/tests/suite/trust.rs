//! Who can read a case: a colleague's new device that is not cross-signed gets no keys and its
//! screen says why; a message the homeserver slips in unencrypted is never shown as a
//! colleague's words.

use innomed_core::{CaseError, MessageKind, Reaction, UtdReason};
use innomed_harness::{http, Homeserver};
use serde_json::json;

use crate::support::{
    case_seen_by, conversation_of, eventually, header_with, load_all, marker, send_in_clear,
    shared_case, texts, wait_for_text, wait_untrusted, Doctor, WAIT,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_colleagues_unverified_new_device_cannot_read_and_says_why() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("TR"))).await;

    // The dermatologist signs in on a second phone and does not enter a recovery key.
    let second = Doctor::login_again(&hs.url(), &derm.user_id).await;
    let phone = &second.client;
    assert!(!phone.is_device_cross_signed().await);

    let secret = marker("UNVERIFIED");
    let gp_conversation = conversation_of(&gp, &room_id).await;
    gp_conversation.send_text(&secret).await.expect("queued");

    // The verified phone reads it.
    let derm_conversation = conversation_of(&derm, &room_id).await;
    eventually("the message on the verified phone", || async {
        texts(&derm_conversation)
            .await
            .contains(&secret)
            .then_some(())
    })
    .await;

    // The unverified one gets no key, and knows it is because it is not verified.
    let phone_conversation = eventually("the case on the second phone", || async {
        phone.case(&room_id).ok()?.conversation().await.ok()
    })
    .await;
    let reason = eventually(
        "the message shown as unreadable, with its reason",
        || async {
            load_all(&phone_conversation).await;
            let last = phone_conversation.messages().await.into_iter().last()?;
            match last.kind {
                MessageKind::UnableToDecrypt { reason } if reason != UtdReason::Waiting => {
                    Some(reason)
                }
                _ => None,
            }
        },
    )
    .await;
    assert_eq!(reason, UtdReason::DeviceNotVerified);
    assert!(!texts(&phone_conversation).await.contains(&secret));
    second.client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_injected_in_clear_is_marked_untrusted() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("TR"))).await;

    // Whoever controls the homeserver (here: a raw request with the GP's token) posts a plain
    // `m.room.message` into the encrypted case, bypassing the app.
    let injected = marker("INJECTED");
    let token = gp.client.session().expect("session").access_token;
    send_in_clear(
        &hs.url(),
        &token,
        &room_id,
        &format!("Arrêtez le traitement {injected}"),
    );
    let derm_conversation = conversation_of(&derm, &room_id).await;
    wait_untrusted(&derm_conversation).await;
    let shown = texts(&derm_conversation).await;
    assert!(
        !shown.iter().any(|t| t.contains(&injected)),
        "shown as a message: {shown:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_fixed_reactions_are_sent_and_shown() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("TR"))).await;
    let gp_conversation = conversation_of(&gp, &room_id).await;
    let question = marker("Q");
    gp_conversation.send_text(&question).await.expect("queued");
    let derm_conversation = conversation_of(&derm, &room_id).await;
    let event_id = eventually("the question at the dermatologist", || async {
        derm_conversation
            .messages()
            .await
            .into_iter()
            .find_map(|m| match m.kind {
                MessageKind::Text { body, .. } if body == question => m.event_id,
                _ => None,
            })
    })
    .await;

    // The app can only send the fixed set.
    assert!(derm_conversation
        .toggle_reaction(&event_id, Reaction::Agree)
        .await
        .expect("reaction"));
    // Another client sends a free-text "reaction", which would travel in clear.
    let token = derm.client.session().expect("session").access_token;
    let url = format!(
        "{}/_matrix/client/v3/rooms/{room_id}/send/m.reaction/{}",
        hs.url(),
        marker("txn")
    );
    let body = json!({ "m.relates_to": {
        "rel_type": "m.annotation", "event_id": event_id, "key": "Mme Dupont, mélanome",
    }});
    let response = http::request("PUT", &url, Some(&body), Some(&token)).expect("raw reaction");
    assert_eq!(response.status, 200);

    let groups = eventually("the dermatologist's 👍 at the GP", || async {
        let m = gp_conversation
            .messages()
            .await
            .into_iter()
            .find(|m| m.event_id.as_ref() == Some(&event_id))?;
        (!m.reactions.is_empty()).then_some(m.reactions)
    })
    .await;
    // Give the free-text one time to arrive too: it is still not shown.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let shown = gp_conversation
        .messages()
        .await
        .into_iter()
        .find(|m| m.event_id.as_ref() == Some(&event_id))
        .expect("message")
        .reactions;
    assert_eq!(groups.len(), 1);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].reaction, Reaction::Agree);
    assert_eq!(shown[0].senders.len(), 1);
    assert_eq!(shown[0].senders[0].as_str(), derm.user_id);

    // Toggling again removes it.
    assert!(!derm_conversation
        .toggle_reaction(&event_id, Reaction::Agree)
        .await
        .expect("removed"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_removed_colleague_cannot_read_what_was_sent_after_even_once_back() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("TR"))).await;
    let case = gp.client.case(&room_id).expect("case");
    let gp_conversation = case.conversation().await.expect("timeline");
    let derm_conversation = conversation_of(&derm, &room_id).await;
    let before = marker("BEFORE");
    gp_conversation.send_text(&before).await.expect("queued");
    wait_for_text(&derm_conversation, &before).await;

    case.remove(&derm.user_id).await.expect("removed");
    let while_out = marker("WHILEOUT");
    gp_conversation.send_text(&while_out).await.expect("queued");
    assert!(gp.client.flush_outbox(WAIT).await.expect("flush"));

    // Invited again and back in the case.
    case.invite(&derm.user_id).await.expect("invited again");
    eventually("the dermatologist back", || async {
        let c = derm.client.case(&room_id).ok()?;
        (c.membership() == innomed_core::Membership::Invited).then_some(())
    })
    .await;
    case_seen_by(&derm, &room_id)
        .await
        .accept()
        .await
        .expect("accepted again");
    let after = marker("AFTER");
    gp_conversation.send_text(&after).await.expect("queued");

    let back = conversation_of(&derm, &room_id).await;
    wait_for_text(&back, &after).await;
    // Give keys every chance to arrive (sharing, key requests) before checking.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    load_all(&back).await;
    let shown = texts(&back).await;
    assert!(
        shown.contains(&before),
        "what was read before stays readable"
    );
    assert!(
        !shown.contains(&while_out),
        "read what was sent while removed"
    );
}

/// An account that never set up cross-signing (an old client): its devices are "legacy".
async fn legacy_client(hs_url: &str, dir: &std::path::Path) -> matrix_sdk::Client {
    crate::support::raw_client(hs_url, dir, "legacy").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_without_cross_signing_cannot_be_invited() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let dir = tempfile::tempdir().expect("dir");
    let legacy = legacy_client(&hs.url(), dir.path()).await;
    let legacy_id = legacy.user_id().expect("user id").to_string();
    // Its device keys are on the server once it synced: the account exists and has a device.
    eventually("the old client's device keys published", || async {
        gp.client
            .devices_of(&legacy_id)
            .await
            .ok()
            .filter(|d| !d.is_empty())
    })
    .await;
    let case = gp
        .client
        .create_case(header_with(&marker("LEG")))
        .await
        .expect("case");
    // Its messages would be decrypted as "legacy" (no identity to check them against): the
    // case does not let it in.
    assert!(matches!(
        case.invite(&legacy_id).await,
        Err(CaseError::NotCrossSigned)
    ));
    let invited = case
        .members()
        .await
        .expect("members")
        .iter()
        .any(|m| m.user_id.as_str() == legacy_id);
    assert!(!invited);
}

//! The case list's unread count: a colleague's decrypted messages count, a message put in clear
//! into the case (by a raw client with a member's own token) never does, and reading or writing
//! in the case brings it back to zero.

use innomed_harness::Homeserver;

use crate::support::{
    conversation_of, eventually, header_with, listed, marker, send_in_clear, shared_case,
    wait_for_text, wait_untrusted, Doctor,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn only_a_colleagues_decrypted_messages_count_as_unread() {
    let hs = Homeserver::shared().expect("synapse");
    let url = hs.url();
    let gp = Doctor::register(&url, "gp").await;
    let derm = Doctor::register(&url, "derm").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("COUNT"))).await;
    let gp_conversation = conversation_of(&gp, &room_id).await;
    let derm_conversation = conversation_of(&derm, &room_id).await;
    gp_conversation.mark_read().await.expect("read");

    let (first, second) = (marker("ONE"), marker("TWO"));
    for text in [&first, &second] {
        derm_conversation.send_text(text).await.expect("sent");
    }
    wait_for_text(&gp_conversation, &second).await;
    eventually("two unread messages at the GP", || async {
        (listed(&gp, &room_id).await?.unread == 2).then_some(())
    })
    .await;

    // The dermatologist's own token, a message in clear: shown as untrusted, never counted.
    let token = derm.client.session().expect("session").access_token;
    let in_clear = marker("CLEAR");
    send_in_clear(&url, &token, &room_id, &in_clear);
    wait_untrusted(&gp_conversation).await;
    let after = listed(&gp, &room_id).await.expect("listed");
    assert_eq!(after.unread, 2, "a message in clear was counted");

    // Reading the case brings it to zero; so does writing in it.
    gp_conversation.mark_read().await.expect("read");
    eventually("nothing unread once read", || async {
        (listed(&gp, &room_id).await?.unread == 0).then_some(())
    })
    .await;
    derm_conversation
        .send_text(&marker("THREE"))
        .await
        .expect("sent");
    eventually("one unread again", || async {
        (listed(&gp, &room_id).await?.unread == 1).then_some(())
    })
    .await;
    gp_conversation
        .send_text(&marker("REPLY"))
        .await
        .expect("sent");
    eventually("writing reads", || async {
        (listed(&gp, &room_id).await?.unread == 0).then_some(())
    })
    .await;
}

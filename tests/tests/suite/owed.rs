//! What a doctor's device owes others is done by its next run: the case history for colleagues
//! who joined while the GP's app was closed (killed, or offline), every one of them.

use innomed_core::{InnomedClient, Membership, MessageKind};
use innomed_harness::Homeserver;

use crate::support::{
    case_seen_by, case_with_message, conversation_of, eventually, load_all, Doctor,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn colleagues_who_joined_while_the_gp_was_away_read_the_history_after_his_next_start() {
    let hs = Homeserver::shared().expect("synapse");
    let url = hs.url();
    let gp = Doctor::register(&url, "gp").await;
    let colleagues = [
        Doctor::register(&url, "derm").await,
        Doctor::register(&url, "cardio").await,
    ];
    let (case, secret, early) = case_with_message(&gp, "OWED").await;
    let room_id = case.room_id().to_string();
    for colleague in &colleagues {
        case.invite(&colleague.user_id).await.expect("invited");
    }

    // The GP's app goes away before anyone accepts (closed, as the phone's OS kills it).
    let session = gp.client.session().expect("session");
    let config = gp.config.clone();
    drop(case);
    gp.client.close().await;

    let invitations = futures_util::future::join_all(
        colleagues
            .iter()
            .map(|c| async { case_seen_by(c, &room_id).await }),
    )
    .await;
    let accepted = futures_util::future::join_all(invitations.iter().map(|i| i.accept())).await;
    for result in accepted {
        result.expect("accepted at the same time");
    }

    // The GP's next start: both colleagues get the history, header included.
    let gp_again = InnomedClient::restore(&config, &session)
        .await
        .expect("restored");
    gp_again.start_sync().await.expect("sync");
    for colleague in &colleagues {
        let joined = case_seen_by(colleague, &room_id).await;
        assert_eq!(joined.membership(), Membership::Joined);
        let view = conversation_of(colleague, &room_id).await;
        eventually("the earlier message and the header decrypted", || async {
            load_all(&view).await;
            let messages = view.messages().await;
            let header = messages.iter().any(
                |m| matches!(&m.kind, MessageKind::Header { header: h } if h.patient_label.contains(&secret)),
            );
            let text = messages
                .iter()
                .any(|m| matches!(&m.kind, MessageKind::Text { body, .. } if *body == early));
            (header && text).then_some(())
        })
        .await;
    }
    gp_again.close().await;
}

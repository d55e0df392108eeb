//! Reading offline: with the network cut, the GP opens the case he wrote — its status, header
//! and messages come from the encrypted store, at once, and the list shows the last status.

use std::time::{Duration, Instant};

use innomed_core::{CaseStatus, MessageKind};
use innomed_harness::{FaultProxy, Homeserver};

use crate::support::{case_with_message, listed, load_all, Doctor};

/// What a doctor waits for on a screen opened offline, at most.
const AT_ONCE: Duration = Duration::from_secs(5);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_gp_reads_his_case_with_its_status_while_offline() {
    let hs = Homeserver::shared().expect("synapse");
    let proxy = FaultProxy::start(&hs.url()).expect("fault proxy");
    let gp = Doctor::register(&proxy.url(), "gp-offline").await;
    // The client stays on the address it was given (a login answer does not move it).
    let homeserver = gp.client.session().expect("session").homeserver_url;
    assert!(homeserver.starts_with(&proxy.url()), "{homeserver}");

    let (case, secret, text) = case_with_message(&gp, "OFFREAD").await;
    let room_id = case.room_id().to_string();
    let conversation = case.conversation().await.expect("conversation");
    load_all(&conversation).await;
    drop(conversation);

    proxy.cut();
    let started = Instant::now();
    let case = gp.client.case(&room_id).expect("case from the store");
    let status = case.status().await.expect("status offline");
    assert_eq!(status.map(|s| s.status), Some(CaseStatus::Open));
    let conversation = case.conversation().await.expect("conversation offline");
    let messages = conversation.messages().await;
    assert!(
        messages
            .iter()
            .any(|m| matches!(&m.kind, MessageKind::Text { body, .. } if *body == text)),
        "the message offline: {messages:?}"
    );
    assert!(
        messages.iter().any(
            |m| matches!(&m.kind, MessageKind::Header { header: h } if h.patient_label.contains(&secret))
        ),
        "the header offline: {messages:?}"
    );
    let row = listed(&gp, &room_id).await.expect("listed offline");
    assert_eq!(row.status, Some(CaseStatus::Open));
    assert!(
        started.elapsed() < AT_ONCE,
        "opening the case offline took {:?}",
        started.elapsed()
    );
    proxy.restore();
}

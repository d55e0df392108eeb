//! Offline: messages written while the homeserver is down are kept on the device, survive the
//! process being killed, and arrive once, in order, when the homeserver is back; the same when
//! the network between a running client and the homeserver is cut and comes back.

use std::time::{Duration, Instant};

use innomed_core::{InnomedClient, MessageKind, SendState};
use innomed_harness::{FaultProxy, Homeserver, HomeserverOptions};
use serde_json::json;

use crate::support::{
    account_spec, assert_arrive_once_in_order, case_seen_by, conversation_of, eventually,
    header_with, load_all, marker, run_child_then_kill, shared_case, texts, wait_pending, Doctor,
};

const CHILD_ENV: &str = "INNOMED_OFFLINE_CHILD";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_messages_survive_a_killed_process_and_arrive_once_in_order() {
    // A homeserver of its own: this test stops and restarts it.
    let mut hs = Homeserver::start(HomeserverOptions::default()).expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let case = gp
        .client
        .create_case(header_with(&marker("OFF")))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    case.invite(&derm.user_id).await.expect("invite");
    case_seen_by(&derm, &room_id)
        .await
        .accept()
        .await
        .expect("accept");
    eventually("the GP sees the dermatologist joined", || async {
        let members = case.conversation().await.ok()?.messages().await;
        members.iter().any(|m| matches!(&m.kind, innomed_core::MessageKind::Membership { user_id, change } if user_id.as_str() == derm.user_id && (change.contains("Joined") || change.contains("InvitationAccepted")))).then_some(())
    })
    .await;

    let session = gp.client.session().expect("session");
    let Doctor {
        client: gp_client,
        config: gp_config,
        dir: _gp_dir,
        ..
    } = gp;
    drop(case);
    gp_client.close().await;

    hs.stop().expect("stop synapse");
    let words = [marker("ONE"), marker("TWO"), marker("THREE")];

    // Another process restores the GP's account offline, queues three messages, and is killed.
    let mut spec = account_spec(&gp_config, &session);
    spec["room_id"] = json!(room_id);
    spec["words"] = json!(words);
    let queued = run_child_then_kill(
        "offline::child_queues_messages_offline",
        CHILD_ENV,
        &spec,
        "QUEUED-OFFLINE",
        Duration::ZERO,
    )
    .await;
    assert!(queued, "the child did not queue its messages");

    // The homeserver comes back; the GP's app starts again from its store.
    hs.restart().expect("restart synapse");
    let gp_client = InnomedClient::restore(&gp_config, &session)
        .await
        .expect("restore");
    gp_client.start_sync().await.expect("sync");

    let derm_conversation = case_seen_by(&derm, &room_id)
        .await
        .conversation()
        .await
        .expect("timeline");
    // After the homeserver restart, sync reports a gap: the reader loads what it missed.
    assert_arrive_once_in_order(&derm_conversation, &words).await;
    gp_client.stop_sync().await;
}

/// Run only as the child process of the test above.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "child process of offline_messages_survive_a_killed_process_and_arrive_once_in_order"]
async fn child_queues_messages_offline() {
    let Some((_client, conversation)) = crate::support::child_writes(CHILD_ENV).await else {
        return;
    };
    crate::support::wait_pending(&conversation, 3).await;
    println!("QUEUED-OFFLINE");
    // Wait to be killed.
    tokio::time::sleep(Duration::from_secs(120)).await;
}

/// The GP's client reaches the homeserver through a proxy; the network is cut while the GP
/// writes. Sending returns at once (the messages wait on the device), and once the network is
/// back the dermatologist, connected directly, reads the three once each, in order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_written_while_the_network_is_cut_arrive_once_in_order_when_it_returns() {
    let hs = Homeserver::shared().expect("synapse");
    let proxy = FaultProxy::start(&hs.url()).expect("fault proxy");
    let gp = through(&proxy, Doctor::register(&proxy.url(), "gp-net").await).await;
    let derm = Doctor::register(&hs.url(), "derm-net").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("NET"))).await;
    let conversation = conversation_of(&gp, &room_id).await;
    eventually("the GP sees the dermatologist joined", || async {
        let members = conversation.messages().await;
        members.iter().any(|m| matches!(&m.kind, MessageKind::Membership { user_id, change } if user_id.as_str() == derm.user_id && (change.contains("Joined") || change.contains("InvitationAccepted")))).then_some(())
    })
    .await;
    let derm_conversation = conversation_of(&derm, &room_id).await;

    proxy.cut();
    let words = [marker("CUT-ONE"), marker("CUT-TWO"), marker("CUT-THREE")];
    for word in &words {
        let started = Instant::now();
        conversation
            .send_text(word)
            .await
            .expect("queued while cut");
        let took = started.elapsed();
        eprintln!("network cut: send_text returned in {took:?}");
        assert!(
            took < Duration::from_secs(2),
            "sending while the network is cut must return at once, took {took:?}"
        );
    }
    wait_pending(&conversation, 3).await;
    // Long enough for sync and the send queue to try, fail and back off against the cut.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let ours = |all: Vec<String>| -> Vec<String> {
        all.into_iter()
            .filter(|t| words.iter().any(|w| t == w))
            .collect()
    };
    let waiting = conversation.messages().await;
    let states: Vec<&SendState> = waiting
        .iter()
        .filter(|m| is_one_of(m, &words))
        .map(|m| &m.send_state)
        .collect();
    eprintln!("network cut for 5 s: the three are {states:?}");
    assert_eq!(states.len(), 3, "the GP sees the three waiting");
    assert!(
        states.iter().all(|s| **s != SendState::Sent),
        "nothing was sent while cut: {states:?}"
    );
    assert_eq!(ours(texts(&conversation).await), words.to_vec(), "in order");
    assert!(
        ours(texts(&derm_conversation).await).is_empty(),
        "nothing crossed the cut"
    );

    let restored = Instant::now();
    proxy.restore();
    eventually("the three messages at the dermatologist", || async {
        (ours(texts(&derm_conversation).await).len() >= 3).then_some(())
    })
    .await;
    eprintln!(
        "network back: the dermatologist read the three {:?} after the restore",
        restored.elapsed()
    );
    eprintln!(
        "network back: the GP's live view shows {:?} of the three ({} items in all)",
        ours(texts(&conversation).await).len(),
        conversation.messages().await.len()
    );
    // After the cut, sync may report a gap and the view restarts from the latest events: the
    // screen loads back what it no longer holds (as after a homeserver restart).
    eventually("the GP's three messages sent", || async {
        load_all(&conversation).await;
        let messages = conversation.messages().await;
        let sent: Vec<_> = messages.iter().filter(|m| is_one_of(m, &words)).collect();
        (sent.len() == 3 && sent.iter().all(|m| m.send_state == SendState::Sent)).then_some(())
    })
    .await;
    // Give a duplicate every chance to show up before checking "once".
    tokio::time::sleep(Duration::from_secs(3)).await;
    // Sync restarts the view after the gap; the open conversation loads back what it showed:
    // the GP, who did not scroll, still sees his three messages.
    eventually(
        "the GP's open view whole again without scrolling",
        || async { (ours(texts(&conversation).await) == words.to_vec()).then_some(()) },
    )
    .await;
    load_all(&derm_conversation).await;
    load_all(&conversation).await;
    assert_eq!(
        ours(texts(&derm_conversation).await),
        words.to_vec(),
        "in order, once each, decrypted"
    );
    assert_eq!(
        ours(texts(&conversation).await),
        words.to_vec(),
        "once on the GP's side too"
    );
    gp.client.stop_sync().await;
}

fn is_one_of(message: &innomed_core::CaseMessage, words: &[String]) -> bool {
    matches!(&message.kind, MessageKind::Text { body, .. } if words.contains(body))
}

/// `doctor`'s account reopened from its store with the proxy as homeserver URL, syncing, and
/// checked to go through it (the client keeps the address it is given: a login answer naming
/// another base URL does not move it).
pub(crate) async fn through(proxy: &FaultProxy, doctor: Doctor) -> Doctor {
    let Doctor {
        client,
        config,
        user_id,
        dir,
    } = doctor;
    let mut session = client.session().expect("session");
    client.close().await;
    let before = proxy.connections();
    session.homeserver_url = proxy.url();
    let config = innomed_core::ClientConfig {
        homeserver_url: proxy.url(),
        ..config
    };
    let client = InnomedClient::restore(&config, &session)
        .await
        .expect("restore through the proxy");
    client.start_sync().await.expect("sync starts");
    client
        .wait_until_synced(crate::support::WAIT)
        .await
        .expect("first sync");
    let homeserver = client.session().expect("session").homeserver_url;
    assert!(
        homeserver.starts_with(&proxy.url()),
        "{homeserver} is not the proxy"
    );
    assert!(
        proxy.connections() > before,
        "the client's requests go through the proxy"
    );
    Doctor {
        client,
        config,
        user_id,
        dir,
    }
}

//! Muting a case: the homeserver stops waking the doctor's phones for it, on every device of
//! theirs, while its messages still arrive; unmuted, it rings again.

use innomed_core::Conversation;
use innomed_harness::{Homeserver, PushGateway};

use crate::{
    push::pusher,
    support::{
        case_seen_by, conversation_of, eventually, header_with, listed, marker, shared_case,
        wait_for_text, Doctor,
    },
};

/// The event id of the doctor's own message `text`, once the homeserver has it.
async fn sent(conversation: &Conversation, text: &str) -> String {
    conversation.send_text(text).await.expect("queued");
    eventually("the message at the homeserver", || async {
        conversation.messages().await.into_iter().find_map(|m| {
            let body = match &m.kind {
                innomed_core::MessageKind::Text { body, .. } => body,
                _ => return None,
            };
            (m.is_own && body == text).then_some(m.event_id?.to_string())
        })
    })
    .await
}

/// The events of `room_id` the gateway was asked to push to `pushkey`.
fn pushed(gateway: &PushGateway, pushkey: &str, room_id: &str) -> Vec<String> {
    gateway
        .received()
        .into_iter()
        .filter_map(|p| {
            let n = p.get("notification")?;
            let ours = n["devices"][0]["pushkey"] == pushkey && n["room_id"] == room_id;
            Some(n["event_id"].as_str()?.to_owned()).filter(|_| ours)
        })
        .collect()
}

async fn push_arrives(gateway: &PushGateway, pushkey: &str, room_id: &str, event_id: &str) {
    eventually("the push at the gateway", || async {
        pushed(gateway, pushkey, room_id)
            .iter()
            .any(|e| e == event_id)
            .then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_muted_case_wakes_none_of_the_doctors_phones_until_unmuted() {
    let hs = Homeserver::shared().expect("synapse");
    let gateway = PushGateway::start().expect("push gateway");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let key = marker("mutekey");
    derm.client
        .register_pusher(&pusher(&gateway, &key))
        .await
        .expect("pusher");
    let quiet = shared_case(&gp, &derm, header_with(&marker("QUIET"))).await;
    let busy = shared_case(&gp, &derm, header_with(&marker("BUSY"))).await;
    let laptop = Doctor::login_again(&hs.url(), &derm.user_id).await;
    let (gp_quiet, gp_busy) = (
        conversation_of(&gp, &quiet).await,
        conversation_of(&gp, &busy).await,
    );

    // Before muting, a message in the case wakes her phone (and every earlier push is in: the
    // homeserver pushes one pusher's events in order).
    let first = sent(&gp_quiet, &marker("avant")).await;
    push_arrives(&gateway, &key, &quiet, &first).await;

    let case = case_seen_by(&derm, &quiet).await;
    assert!(!case.is_muted().await);
    case.set_muted(true).await.expect("muted");
    assert!(case.is_muted().await);
    assert!(listed(&derm, &quiet).await.expect("row").muted);
    assert!(!listed(&derm, &busy).await.expect("row").muted);
    // Her other device reads it from her account.
    eventually("the laptop shows the case muted", || async {
        listed(&laptop, &quiet).await.filter(|c| c.muted)
    })
    .await;

    // Muted: the GP's next message reaches her devices, but the homeserver wakes no phone for
    // it, while a later message in another case still rings.
    let hushed_text = marker("pendant");
    let hushed = sent(&gp_quiet, &hushed_text).await;
    let other = sent(&gp_busy, &marker("ailleurs")).await;
    push_arrives(&gateway, &key, &busy, &other).await;
    wait_for_text(&conversation_of(&derm, &quiet).await, &hushed_text).await;
    assert!(
        !pushed(&gateway, &key, &quiet).contains(&hushed),
        "a muted case woke the phone"
    );

    // Unmuted from the laptop: the phone shows it and rings again for the case.
    case_seen_by(&laptop, &quiet)
        .await
        .set_muted(false)
        .await
        .expect("unmuted");
    eventually("the phone shows the case unmuted", || async {
        listed(&derm, &quiet).await.filter(|c| !c.muted)
    })
    .await;
    let again = sent(&gp_quiet, &marker("apres")).await;
    push_arrives(&gateway, &key, &quiet, &again).await;
}

//! An account whose store holds many cases: rooms created with the raw API (as the core
//! creates them: case type, encryption, invite-only, shared history, status state), then
//! synced into the account's store by the core itself.

use std::{path::Path, time::Duration};

use innomed_core::{ClientConfig, SavedSession};
use innomed_harness::Homeserver;
use matrix_sdk::reqwest::Client;
use serde_json::json;

pub async fn account_with_cases(
    hs: &Homeserver,
    dir: &Path,
    cases: usize,
) -> (SavedSession, ClientConfig) {
    let (client, config) = crate::doctor(&hs.url(), dir, "bench-coldstart").await;
    let session = client.session().expect("session");
    let http = Client::new();
    let url = format!("{}/_matrix/client/v3/createRoom", hs.url());
    let started = std::time::Instant::now();
    let mut pending = Vec::new();
    for i in 0..cases {
        let (http, url, token) = (http.clone(), url.clone(), session.access_token.clone());
        pending.push(tokio::spawn(async move {
            let body = json!({
                "preset": "private_chat",
                "name": format!("IM-B{i:05}"),
                "creation_content": { "type": "fr.innomed.case" },
                "initial_state": [
                    { "type": "m.room.encryption", "state_key": "", "content": { "algorithm": "m.megolm.v1.aes-sha2" } },
                    { "type": "m.room.history_visibility", "state_key": "", "content": { "history_visibility": "shared" } },
                    { "type": "fr.innomed.case.status", "state_key": "", "content": { "status": "open", "specialty": "dermatology", "urgency": "routine" } },
                ],
            });
            let response = http.post(&url).bearer_auth(&token).body(body.to_string()).send().await.expect("createRoom");
            assert!(response.status().is_success(), "createRoom: {}", response.status());
        }));
        if pending.len() == 4 {
            for p in pending.drain(..) {
                p.await.expect("task");
            }
        }
    }
    for p in pending {
        p.await.expect("task");
    }
    println!(
        "\n(seeded {cases} case rooms in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    // Let the core sync them all into the store and learn every status once.
    let deadline = std::time::Instant::now() + Duration::from_secs(600);
    loop {
        let listed = client.case_list().current().await;
        if listed.len() >= cases && listed.iter().all(|c| c.status.is_some()) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "only {} cases synced",
            listed.len()
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    client.stop_sync().await;
    drop(client);
    (session, config)
}

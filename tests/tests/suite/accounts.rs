//! Sessions: restore without the password; logout leaves nothing behind.

use innomed_core::InnomedClient;
use innomed_harness::Homeserver;

use crate::support::{eventually, header_with, marker, texts, Doctor};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_restores_without_password_and_logout_wipes_local_data() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let secret = marker("RESTORE");
    let case = gp
        .client
        .create_case(header_with(&secret))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    let session = gp.client.session().expect("session");
    let account_dir = gp.client.account_dir().to_owned();
    assert!(account_dir.starts_with(&gp.config.data_dir));
    assert!(
        std::fs::read_dir(&account_dir)
            .expect("store files")
            .count()
            > 0
    );
    drop(case);
    // One client per store at a time: the first one is closed before reopening.
    let Doctor {
        client,
        config,
        user_id,
        dir: _dir,
    } = gp;
    client.close().await;

    // A new client object, from the store and the saved session only.
    let restored = InnomedClient::restore(&config, &session)
        .await
        .expect("restore");
    assert_eq!(restored.user_id().expect("user"), user_id);
    assert_eq!(restored.device_id().expect("device"), session.device_id);
    restored.start_sync().await.expect("sync");
    let case = restored.case(&room_id).expect("case known from the store");
    let conversation = case.conversation().await.expect("timeline");
    conversation
        .send_text(&format!("after restore {secret}"))
        .await
        .expect("send");
    eventually("the message is sent after restore", || async {
        let sent = conversation
            .messages()
            .await
            .iter()
            .any(|m| m.is_own && m.event_id.is_some());
        (sent
            && texts(&conversation)
                .await
                .iter()
                .any(|t| t.starts_with("after restore")))
        .then_some(())
    })
    .await;
    drop(conversation);
    drop(case);

    assert!(
        restored.logout().await.expect("logout"),
        "server confirmed the logout"
    );
    assert!(!account_dir.exists(), "account folder still there");
    let leftovers: Vec<_> = walk(&config.data_dir);
    assert!(
        leftovers.is_empty(),
        "files left after logout: {leftovers:?}"
    );
    // The token is dead on the server: restoring now is refused.
    let err = InnomedClient::restore(&config, &session).await;
    assert!(err.is_err(), "restore after logout must fail");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

//! Sessions expire: access tokens live minutes, the core exchanges its refresh token for a new
//! pair without the doctor noticing, and hands the new session to whoever keeps it (the apps'
//! secure store, the terminal client's file). The spent session opens nothing any more: an app
//! restarted with it finds its account revoked and wiped, as after a remote sign-out.
//!
//! A homeserver of its own, whose access tokens live 4 seconds.

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use futures_util::StreamExt;
use innomed_core::{AccountError, InnomedClient, SavedSession};
use innomed_harness::{Homeserver, HomeserverOptions};

use crate::support::{conversation_of, header_with, marker, texts, Doctor, WAIT};

const LIFETIME: Duration = Duration::from_secs(4);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_tokens_are_refreshed_silently_and_the_spent_session_opens_nothing() {
    let hs = Homeserver::start(HomeserverOptions {
        access_token_lifetime: Some(LIFETIME),
        ..HomeserverOptions::default()
    })
    .expect("synapse with short-lived tokens");
    let gp = Doctor::register(&hs.url(), "gp-tokens").await;
    let first = gp.client.session().expect("session");
    assert!(
        first.refresh_token.is_some(),
        "a refresh token is asked for at sign-in"
    );

    // What the app's secure store receives.
    let kept: Arc<Mutex<Vec<SavedSession>>> = Arc::default();
    let updates = gp.client.session_updates();
    let keeper = {
        let kept = kept.clone();
        tokio::spawn(async move {
            futures_util::pin_mut!(updates);
            while let Some(session) = updates.next().await {
                kept.lock().expect("lock").push(session);
            }
        })
    };

    let case = gp
        .client
        .create_case(header_with(&marker("TOKENS")))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    tokio::time::sleep(LIFETIME + Duration::from_secs(2)).await;
    // Past the token's life: writing works as before.
    let later = marker("LATER");
    let conversation = conversation_of(&gp, &room_id).await;
    conversation.send_text(&later).await.expect("queued");
    assert!(
        gp.client.flush_outbox(WAIT).await.expect("flush"),
        "sent with a refreshed token"
    );
    let newest = tokio::time::timeout(WAIT, async {
        loop {
            if let Some(s) = kept.lock().expect("lock").last().cloned() {
                return s;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await
    .expect("the refreshed session handed over");
    assert_ne!(newest.access_token, first.access_token);
    assert_ne!(newest.refresh_token, first.refresh_token);
    assert_eq!(
        gp.client.session().expect("session").refresh_token,
        kept.lock()
            .expect("lock")
            .last()
            .and_then(|s| s.refresh_token.clone()),
        "the last session handed over is the one in use"
    );
    keeper.abort();
    drop(conversation);
    drop(case);
    let config = gp.config.clone();
    let dir = gp.client.account_dir().to_owned();
    gp.client.close().await;

    // The kept session reopens the account and its case.
    let kept_session = kept
        .lock()
        .expect("lock")
        .last()
        .cloned()
        .expect("a session was kept");
    let reopened = InnomedClient::restore(&config, &kept_session)
        .await
        .expect("the kept session reopens the account");
    reopened.start_sync().await.expect("sync");
    let conversation = reopened
        .case(&room_id)
        .expect("case")
        .conversation()
        .await
        .expect("conversation");
    assert!(texts(&conversation).await.contains(&later));
    drop(conversation);
    reopened.close().await;

    // The spent one opens nothing: the account is treated as revoked and wiped.
    tokio::time::sleep(LIFETIME + Duration::from_secs(1)).await;
    match InnomedClient::restore(&config, &first).await {
        Err(AccountError::SessionRevoked) => {}
        Ok(client) => {
            let revoked = tokio::time::timeout(WAIT, client.signed_out())
                .await
                .expect("the refused refresh noticed");
            assert!(revoked);
        }
        Err(other) => panic!("unexpected: {other:?}"),
    }
    assert!(!dir.exists(), "the account's local data wiped");
}

//! Every bad input gets its typed error, and loses nothing already written.

use innomed_core::{
    AccountError, CaseError, CaseStatus, ClientConfig, ConversationError, InnomedClient, StoreKey,
};
use innomed_harness::Homeserver;

use crate::support::{eventually, header_with, marker, texts, Doctor, PASSWORD};

fn config(url: &str, dir: &std::path::Path) -> ClientConfig {
    ClientConfig {
        homeserver_url: url.to_owned(),
        data_dir: dir.to_owned(),
        store_key: StoreKey::generate(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_errors_are_typed() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let dir = tempfile::tempdir().expect("dir");

    for bad in ["not a url", "ftp://127.0.0.1", "127.0.0.1:8008", ""] {
        let err = InnomedClient::login(&config(bad, dir.path()), &gp.user_id, PASSWORD).await;
        assert!(
            matches!(err, Err(AccountError::InvalidHomeserverUrl)),
            "{bad}: {err:?}"
        );
    }
    // Port 9 on loopback: nothing listens there.
    let err = InnomedClient::login(
        &config("http://127.0.0.1:9", dir.path()),
        &gp.user_id,
        PASSWORD,
    )
    .await;
    assert!(
        matches!(err, Err(AccountError::HomeserverUnreachable)),
        "{err:?}"
    );

    let err = InnomedClient::login(
        &config(&hs.url(), dir.path()),
        &gp.user_id,
        "wrong password",
    )
    .await;
    assert!(
        matches!(err, Err(AccountError::WrongCredentials)),
        "{err:?}"
    );
    let err = InnomedClient::login(
        &config(&hs.url(), dir.path()),
        "@nobody-here:localhost",
        PASSWORD,
    )
    .await;
    assert!(
        matches!(err, Err(AccountError::WrongCredentials)),
        "{err:?}"
    );
    for bad in ["gp", "@gp", "gp:localhost", ""] {
        let err = InnomedClient::login(&config(&hs.url(), dir.path()), bad, PASSWORD).await;
        assert!(
            matches!(err, Err(AccountError::InvalidUserId)),
            "{bad}: {err:?}"
        );
    }
    let err = InnomedClient::register(
        &config(&hs.url(), dir.path()),
        gp.user_id
            .trim_start_matches('@')
            .split(':')
            .next()
            .unwrap_or_default(),
        PASSWORD,
    )
    .await;
    assert!(matches!(err, Err(AccountError::UserIdTaken)), "{err:?}");
    // Failed attempts leave no folder behind.
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "failed logins wrote files"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_store_key_is_refused_and_the_store_survives() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let secret = marker("KEEP");
    let case = gp
        .client
        .create_case(header_with(&secret))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    let conversation = case.conversation().await.expect("timeline");
    conversation
        .send_text(&format!("kept {secret}"))
        .await
        .expect("send");
    eventually("message sent", || async {
        conversation
            .messages()
            .await
            .iter()
            .any(|m| m.event_id.is_some() && m.is_own)
            .then_some(())
    })
    .await;
    let session = gp.client.session().expect("session");
    drop(conversation);
    drop(case);
    // One client per store at a time: the first one is closed before reopening.
    let Doctor {
        client,
        config,
        user_id: _,
        dir: _dir,
    } = gp;
    client.close().await;
    let gp_config = config;

    let mut wrong = gp_config.clone();
    wrong.store_key = StoreKey::generate();
    let err = InnomedClient::restore(&wrong, &session).await;
    assert!(matches!(err, Err(AccountError::WrongStoreKey)), "{err:?}");

    let again = InnomedClient::restore(&gp_config, &session)
        .await
        .expect("right key still opens");
    // While it is open, a second client of the same account in this process is refused.
    let twice = InnomedClient::restore(&gp_config, &session).await;
    assert!(matches!(twice, Err(AccountError::StoreInUse)), "{twice:?}");
    // The case is still in the store; reopened as the app does (sync on), the message reads.
    let case = again.case(&room_id).expect("case still in the store");
    again.start_sync().await.expect("sync");
    let conversation = case.conversation().await.expect("timeline");
    eventually("the message is still readable", || async {
        crate::support::load_all(&conversation).await;
        texts(&conversation)
            .await
            .contains(&format!("kept {secret}"))
            .then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn case_errors_are_typed() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let case = gp
        .client
        .create_case(header_with(&marker("ERR")))
        .await
        .expect("case");

    for bad in ["derm", "@derm", ""] {
        assert!(
            matches!(case.invite(bad).await, Err(CaseError::InvalidUserId)),
            "{bad}"
        );
    }
    let err = case.invite("@nobody-at-all:localhost").await;
    assert!(matches!(err, Err(CaseError::UnknownUser)), "{err:?}");
    assert!(matches!(
        gp.client.case("!nope:localhost"),
        Err(CaseError::NotFound)
    ));
    assert!(matches!(
        gp.client.case("not a room id"),
        Err(CaseError::NotFound)
    ));

    let conversation = case.conversation().await.expect("timeline");
    assert!(matches!(
        conversation.send_text("   ").await,
        Err(ConversationError::EmptyMessage)
    ));

    case.set_status(CaseStatus::Closed).await.expect("close");
    let err = case.invite(&derm.user_id).await;
    assert!(matches!(err, Err(CaseError::CaseClosed)), "{err:?}");
    // Closing changed the status only: specialty and urgency are kept.
    let status = case.status().await.expect("status").expect("present");
    assert_eq!(status.specialty.as_deref(), Some("dermatology"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn what_is_too_large_to_send_is_refused_before_anything_is_queued_or_created() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;

    // A header over the size one event can carry: refused, and no room is left behind.
    let mut huge = header_with(&marker("HUGE"));
    huge.header.reason = "𝄞".repeat(9_000);
    huge.header.question = "𝄞".repeat(9_000);
    let before = gp.client.case_list().current().await.len();
    assert!(matches!(
        gp.client.create_case(huge).await,
        Err(CaseError::TooLarge { .. })
    ));
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(gp.client.case_list().current().await.len(), before);

    // A message over it: refused, never queued; the next message goes out at once.
    let case = gp
        .client
        .create_case(header_with(&marker("SIZE")))
        .await
        .expect("case");
    let conversation = case.conversation().await.expect("conversation");
    let err = conversation.send_text(&"é".repeat(30_000)).await;
    assert!(
        matches!(err, Err(ConversationError::TooLarge { limit, .. }) if limit == innomed_core::MAX_CONTENT_BYTES as u64),
        "{err:?}"
    );
    let fine = marker("FINE");
    conversation.send_text(&fine).await.expect("queued");
    let started = std::time::Instant::now();
    assert!(gp
        .client
        .flush_outbox(std::time::Duration::from_secs(30))
        .await
        .expect("flush"));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "the outbox was slowed: {:?}",
        started.elapsed()
    );
    eventually("the message sent", || async {
        texts(&conversation)
            .await
            .iter()
            .any(|t| t == &fine)
            .then_some(())
    })
    .await;
}

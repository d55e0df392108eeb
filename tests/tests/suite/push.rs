//! Push: what the homeserver sends to the push gateway carries ids only (no content, sender or
//! room name); the phone decrypts the event itself for a lock-screen line without patient data.

use std::{process::Stdio, time::Duration};

use innomed_core::{
    AccountError, ClientConfig, InnomedClient, NotificationKind, PushError, PushPlatform,
    PusherConfig, SavedSession, IOS_PUSH_PLACEHOLDER_KEY,
};
use innomed_harness::{Homeserver, PushGateway};
use serde_json::Value;

use crate::support::{
    account_from_spec, account_spec, case_seen_by, child_test, conversation_of, eventually,
    header_with, marker, Doctor,
};

pub(crate) fn pusher(gateway: &PushGateway, pushkey: &str) -> PusherConfig {
    phone_pusher(gateway, pushkey, PushPlatform::Android)
}

fn phone_pusher(gateway: &PushGateway, pushkey: &str, platform: PushPlatform) -> PusherConfig {
    PusherConfig {
        platform,
        app_id: "fr.innomed.test".into(),
        pushkey: pushkey.into(),
        gateway_url: gateway.url(),
        device_name: "test phone".into(),
        lang: "fr".into(),
    }
}

/// The first push for `pushkey` about `room_id`.
pub(crate) async fn push_for(gateway: &PushGateway, pushkey: &str, room_id: &str) -> Value {
    eventually("a push at the gateway", || async {
        gateway.received().into_iter().find_map(|p| {
            let n = p.get("notification")?;
            let ours = n["devices"][0]["pushkey"] == pushkey && n["room_id"] == room_id;
            ours.then(|| n.clone())
        })
    })
    .await
}

async fn lock_screen(client: &InnomedClient, push: &Value) -> (NotificationKind, String) {
    let room_id = push["room_id"].as_str().expect("room id");
    let event_id = push["event_id"].as_str().expect("event id");
    let n = client
        .notification(room_id, event_id)
        .await
        .expect("notification decrypted");
    (n.kind, n.lock_screen_text(false))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pushes_carry_ids_only_and_the_phone_writes_a_lock_screen_line_without_patient_data() {
    let hs = Homeserver::shared().expect("synapse");
    let gateway = PushGateway::start().expect("push gateway");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let (gp_key, derm_key) = (marker("gpkey"), marker("dermkey"));
    gp.client
        .register_pusher(&pusher(&gateway, &gp_key))
        .await
        .expect("GP pusher");
    derm.client
        .register_pusher(&phone_pusher(&gateway, &derm_key, PushPlatform::Ios))
        .await
        .expect("dermatologist pusher (an iPhone)");

    let secret = marker("PUSHSECRET");
    let case = gp
        .client
        .create_case(header_with(&secret))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    case.invite(&derm.user_id).await.expect("invite");

    // The invitation wakes the dermatologist's phone.
    let invite_push = push_for(&gateway, &derm_key, &room_id).await;
    // On the iPhone, the gateway is asked for an alert the notification service extension may
    // rewrite: a constant placeholder, nothing about the case.
    let aps = &invite_push["devices"][0]["data"]["default_payload"]["aps"];
    assert_eq!(aps["mutable-content"], 1, "extension woken: {invite_push}");
    assert_eq!(aps["alert"]["loc-key"], IOS_PUSH_PLACEHOLDER_KEY);
    let (kind, text) = lock_screen(&derm.client, &invite_push).await;
    assert_eq!(kind, NotificationKind::Invitation);
    assert_eq!(text, format!("Invitation au dossier {}", case.code()));

    case_seen_by(&derm, &room_id)
        .await
        .accept()
        .await
        .expect("accept");
    let answer = format!("Mme P.{secret}, exérèse conseillée");
    conversation_of(&derm, &room_id)
        .await
        .send_text(&answer)
        .await
        .expect("queued");

    // The answer wakes the GP's phone, which decrypts it locally.
    let message_push = eventually("the answer's push", || async {
        gateway.received().into_iter().find_map(|p| {
            let n = p.get("notification")?;
            let ours = n["devices"][0]["pushkey"] == gp_key.as_str()
                && n["room_id"] == room_id.as_str()
                && n.get("event_id").is_some();
            ours.then(|| n.clone())
        })
    })
    .await;
    assert!(
        message_push["devices"][0]["data"]
            .get("default_payload")
            .is_none(),
        "an Android pusher asks for no alert: {message_push}"
    );
    let (kind, text) = lock_screen(&gp.client, &message_push).await;
    assert_eq!(kind, NotificationKind::Message);
    assert_eq!(text, format!("Nouveau message — dossier {}", case.code()));
    assert!(!text.contains(&secret));

    // What reached the gateway: ids and counts, nothing else.
    for push in gateway.received() {
        let n = &push["notification"];
        for field in [
            "content",
            "sender",
            "sender_display_name",
            "room_name",
            "type",
        ] {
            assert!(n.get(field).is_none(), "{field} pushed: {n}");
        }
    }
    let raw = gateway.raw().join("\n");
    assert!(!raw.contains(&secret), "case text pushed");
    assert!(
        !raw.contains(&case.code()),
        "even the case code stays on the phones"
    );

    // Only https gateways (http on loopback for tests).
    let mut bad = pusher(&gateway, &gp_key);
    bad.gateway_url = "http://push.example.org/_matrix/push/v1/notify".into();
    assert_eq!(
        gp.client.register_pusher(&bad).await,
        Err(PushError::InvalidGatewayUrl)
    );
}

const EXTENSION_ENV: &str = "INNOMED_PUSH_EXTENSION_CHILD";

/// Runs [`extension_child`] as another process (the iOS notification service extension beside
/// the app) and returns what it printed: `IN-USE`, or `LINE <lock-screen line>`.
async fn extension_process(config: &ClientConfig, session: &SavedSession, push: &Value) -> String {
    let mut spec = account_spec(config, session);
    spec["room_id"] = push["room_id"].clone();
    spec["event_id"] = push["event_id"].clone();
    let run = tokio::task::spawn_blocking(move || {
        child_test("push::extension_child", EXTENSION_ENV, &spec)
            .stderr(Stdio::inherit())
            .output()
            .expect("child process")
    });
    let output = tokio::time::timeout(Duration::from_secs(120), run)
        .await
        .expect("the extension process ended in time")
        .expect("joined");
    assert!(output.status.success(), "extension process failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("EXTENSION: ").map(str::to_owned))
        .expect("the extension process said what it did")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_notification_extension_never_opens_stores_the_app_has_open() {
    let hs = Homeserver::shared().expect("synapse");
    let gateway = PushGateway::start().expect("push gateway");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let key = marker("iphone");
    derm.client
        .register_pusher(&phone_pusher(&gateway, &key, PushPlatform::Ios))
        .await
        .expect("pusher");
    let case = gp
        .client
        .create_case(header_with(&marker("NSE")))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    case.invite(&derm.user_id).await.expect("invite");
    let push = push_for(&gateway, &key, &room_id).await;
    let session = derm.client.session().expect("session");

    // The app is open: the extension, in its own process, is refused the account's stores
    // (and shows the gateway's placeholder) instead of writing beside the app.
    assert_eq!(
        extension_process(&derm.config, &session, &push).await,
        "IN-USE"
    );

    // The app is closed (or was killed): the extension opens the account and decrypts.
    let Doctor {
        client,
        config,
        dir: _dir,
        ..
    } = derm;
    client.close().await;
    assert_eq!(
        extension_process(&config, &session, &push).await,
        format!("LINE Invitation au dossier {}", case.code())
    );
    // And the app opens again once the extension is done.
    let reopened = InnomedClient::restore(&config, &session)
        .await
        .expect("the app reopens the account");
    reopened.close().await;
}

/// Run only as the child process of the test above: what the extension does with a push.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "child process of the_notification_extension_never_opens_stores_the_app_has_open"]
async fn extension_child() {
    let Ok(spec) = std::env::var(EXTENSION_ENV) else {
        return;
    };
    let spec: Value = serde_json::from_str(&spec).expect("spec");
    let (config, session) = account_from_spec(&spec);
    let client = match InnomedClient::restore(&config, &session).await {
        Err(AccountError::StoreInUse) => {
            println!("EXTENSION: IN-USE");
            return;
        }
        other => other.expect("restore in the extension"),
    };
    let n = client
        .notification(
            spec["room_id"].as_str().expect("room"),
            spec["event_id"].as_str().expect("event"),
        )
        .await
        .expect("decrypted in the extension");
    println!("EXTENSION: LINE {}", n.lock_screen_text(false));
    client.close().await;
}

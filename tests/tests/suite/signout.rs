//! Signed out from elsewhere: the device deleted from another session, or the account
//! deactivated. The running app notices, wipes the account's local data and says so; an app
//! started later with the old session gets `SessionRevoked` and wipes too.

use innomed_core::{AccountError, InnomedClient};
use innomed_harness::{http, Homeserver};
use serde_json::{json, Value};

use crate::support::{header_with, marker, Doctor, PASSWORD, WAIT};

/// A user-interactive request authenticated with the password (the second try carries the
/// session the first one opened), as another of the doctor's sessions would send it.
fn with_password(method: &str, url: &str, token: &str, user_id: &str, mut body: Value) -> u16 {
    let first = http::request(method, url, Some(&body), Some(token)).expect("first try");
    if first.status == 200 {
        return 200;
    }
    let session = first.json().expect("uia json")["session"].clone();
    body["auth"] = json!({
        "type": "m.login.password", "session": session, "password": PASSWORD,
        "identifier": { "type": "m.id.user", "user": user_id },
    });
    http::request(method, url, Some(&body), Some(token))
        .expect("authenticated try")
        .status
}

/// A second session of `user_id` (the doctor's computer), by the raw login API.
fn other_session(hs: &Homeserver, user_id: &str) -> String {
    let login = http::post_json(
        &format!("{}/_matrix/client/v3/login", hs.url()),
        &json!({
            "type": "m.login.password", "password": PASSWORD,
            "identifier": { "type": "m.id.user", "user": user_id },
        }),
    )
    .expect("login");
    login.json().expect("json")["access_token"]
        .as_str()
        .expect("token")
        .to_owned()
}

async fn assert_wiped(doctor: &Doctor, what: &str) {
    let revoked = tokio::time::timeout(WAIT, doctor.client.signed_out())
        .await
        .unwrap_or_else(|_| panic!("{what}: the app did not notice"));
    assert!(revoked, "{what}: reported as a local close");
    assert!(doctor.client.is_signed_out());
    assert!(
        !doctor.client.account_dir().exists(),
        "{what}: local data left"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_deleted_from_another_session_is_wiped() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    gp.client
        .create_case(header_with(&marker("WIPE")))
        .await
        .expect("case");
    let device_id = gp.client.device_id().expect("device");
    let token = other_session(hs, &gp.user_id);
    let status = with_password(
        "DELETE",
        &format!("{}/_matrix/client/v3/devices/{device_id}", hs.url()),
        &token,
        &gp.user_id,
        json!({}),
    );
    assert_eq!(status, 200, "device deleted");
    assert_wiped(&gp, "device deleted").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deactivated_account_is_wiped_now_and_at_the_next_start() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    // The same account on a second phone, closed: it will be started after the deactivation.
    let phone = Doctor::login_again(&hs.url(), &gp.user_id).await;
    let phone_session = phone.client.session().expect("session");
    let phone_dir = phone.client.account_dir().to_owned();
    phone.client.close().await;

    // Deactivation revokes every token of the account (the CPTS admin's API does the same).
    let token = other_session(hs, &gp.user_id);
    let status = with_password(
        "POST",
        &format!("{}/_matrix/client/v3/account/deactivate", hs.url()),
        &token,
        &gp.user_id,
        json!({ "erase": false }),
    );
    assert_eq!(status, 200, "account deactivated");
    assert_wiped(&gp, "account deactivated").await;

    let restored = InnomedClient::restore(&phone.config, &phone_session).await;
    assert!(
        matches!(restored, Err(AccountError::SessionRevoked)),
        "{restored:?}"
    );
    assert!(
        !phone_dir.exists(),
        "the second phone's data is wiped at start"
    );
}

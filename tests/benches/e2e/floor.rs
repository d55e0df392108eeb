//! The floor: the same send and the other side's sync wake-up with plain HTTP, no SDK, no
//! crypto. Two fresh users in a room of their own; the receiver long-polls `/sync`.

use std::time::{Duration, Instant};

use matrix_sdk::reqwest::{Client, Method};
use serde_json::{json, Value};

struct User {
    user_id: String,
    token: String,
}

async fn call(
    http: &Client,
    method: Method,
    url: String,
    token: Option<&str>,
    body: Option<Value>,
) -> Value {
    let mut request = http
        .request(method, &url)
        .header("Content-Type", "application/json");
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.body(body.to_string());
    }
    let response = request.send().await.expect("http request");
    let status = response.status();
    let text = response.text().await.expect("http body");
    assert!(status.is_success(), "{url}: {status} {text}");
    serde_json::from_str(&text).expect("json")
}

async fn register(http: &Client, base: &str, name: &str) -> User {
    let v = call(
        http,
        Method::POST,
        format!("{base}/_matrix/client/v3/register"),
        None,
        Some(json!({ "auth": { "type": "m.login.dummy" }, "username": name, "password": "floor-password" })),
    )
    .await;
    User {
        user_id: v["user_id"].as_str().expect("user id").to_owned(),
        token: v["access_token"].as_str().expect("token").to_owned(),
    }
}

/// An `m.room.encrypted` content shaped and sized like the SDK's for a short message.
fn fake_ciphertext(i: usize) -> Value {
    json!({
        "algorithm": "m.megolm.v1.aes-sha2",
        "ciphertext": format!("{i:08}{}", "A".repeat(360)),
        "device_id": "FLOORDEVICE",
        "sender_key": "x".repeat(43),
        "session_id": "y".repeat(43),
    })
}

pub async fn measure(base: &str, warm_up: usize, count: usize) -> Vec<Duration> {
    let http = Client::new();
    let a = register(&http, base, "floor-sender").await;
    let b = register(&http, base, "floor-receiver").await;
    let room = call(
        &http,
        Method::POST,
        format!("{base}/_matrix/client/v3/createRoom"),
        Some(&a.token),
        Some(json!({ "preset": "private_chat", "invite": [b.user_id] })),
    )
    .await["room_id"]
        .as_str()
        .expect("room")
        .to_owned();
    call(
        &http,
        Method::POST,
        format!("{base}/_matrix/client/v3/join/{room}"),
        Some(&b.token),
        Some(json!({})),
    )
    .await;
    let filter = call(
        &http,
        Method::POST,
        format!("{base}/_matrix/client/v3/user/{}/filter", b.user_id),
        Some(&b.token),
        Some(json!({
            "room": { "rooms": [room], "timeline": { "limit": 5 }, "state": { "lazy_load_members": true } },
            "presence": { "not_types": ["*"] }, "account_data": { "not_types": ["*"] },
        })),
    )
    .await["filter_id"]
        .as_str()
        .expect("filter")
        .to_owned();
    let sync_url = |since: &str, timeout: u32| {
        format!("{base}/_matrix/client/v3/sync?filter={filter}&timeout={timeout}&since={since}")
    };
    let first = call(
        &http,
        Method::GET,
        format!("{base}/_matrix/client/v3/sync?filter={filter}&timeout=0"),
        Some(&b.token),
        None,
    )
    .await;
    let mut since = first["next_batch"].as_str().expect("batch").to_owned();

    let mut samples = Vec::with_capacity(count);
    for i in 0..warm_up + count {
        // The receiver is already waiting, as the SDK's sync is.
        let poll = {
            let (http, url, token) = (http.clone(), sync_url(&since, 30_000), b.token.clone());
            tokio::spawn(async move { call(&http, Method::GET, url, Some(&token), None).await })
        };
        tokio::time::sleep(Duration::from_millis(5)).await;
        let started = Instant::now();
        let sent = call(
            &http,
            Method::PUT,
            format!("{base}/_matrix/client/v3/rooms/{room}/send/m.room.encrypted/floor{i}"),
            Some(&a.token),
            Some(fake_ciphertext(i)),
        )
        .await;
        let event_id = sent["event_id"].as_str().expect("event id").to_owned();
        let mut response = poll.await.expect("sync task");
        loop {
            since = response["next_batch"].as_str().expect("batch").to_owned();
            if response.to_string().contains(&event_id) {
                break;
            }
            response = call(
                &http,
                Method::GET,
                sync_url(&since, 30_000),
                Some(&b.token),
                None,
            )
            .await;
        }
        if i >= warm_up {
            samples.push(started.elapsed());
        }
    }
    samples
}

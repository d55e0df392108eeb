//! The core refuses to send into a room that is not encrypted, even one that claims to be a
//! case. The room is made with the raw client-server API on a homeserver configured without
//! encryption by default (the shared test server forces encryption on every room).

use std::{
    io::{Read, Write},
    net::TcpStream,
};

use innomed_core::{CaseError, ConversationError, MessageKind};
use innomed_harness::{Homeserver, HomeserverOptions};
use serde_json::{json, Value};

use crate::support::{eventually, marker, Doctor};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sending_into_an_unencrypted_room_is_refused_and_nothing_is_stored() {
    let options = HomeserverOptions {
        encryption_by_default: false,
        ..Default::default()
    };
    let hs = Homeserver::start(options).expect("synapse without forced encryption");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let token = gp.client.session().expect("session").access_token;

    let fake_case = raw_post(
        &hs.url(),
        "/_matrix/client/v3/createRoom",
        &token,
        &json!({
            "preset": "private_chat", "name": "IM-FAKE00",
            "creation_content": { "type": "fr.innomed.case" },
        }),
    );
    let plain = raw_post(
        &hs.url(),
        "/_matrix/client/v3/createRoom",
        &token,
        &json!({ "preset": "private_chat" }),
    );
    let fake_id = fake_case["room_id"].as_str().expect("room id").to_owned();
    let plain_id = plain["room_id"].as_str().expect("room id").to_owned();

    let case = eventually("the unencrypted case-typed room", || async {
        gp.client.case(&fake_id).ok()
    })
    .await;
    let secret = marker("CLEAR");
    let conversation = case.conversation().await.expect("timeline");
    let err = conversation.send_text(&secret).await;
    assert!(
        matches!(err, Err(ConversationError::NotEncrypted)),
        "{err:?}"
    );
    let err = case.invite("@someone:localhost").await;
    assert!(matches!(err, Err(CaseError::NotEncrypted)), "{err:?}");

    eventually("the plain room synced", || async {
        matches!(gp.client.case(&plain_id), Err(CaseError::NotACase)).then_some(())
    })
    .await;

    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert!(
        !hs.database_contains(&secret).expect("db scan"),
        "plaintext reached the server"
    );
    let queued = conversation
        .messages()
        .await
        .into_iter()
        .filter(|m| m.is_own && matches!(m.kind, MessageKind::Text { .. }))
        .count();
    assert_eq!(queued, 0, "nothing was queued for sending");
}

/// A bare HTTP/1.1 POST on loopback, to act as a client that does not follow the protocol.
fn raw_post(base: &str, path: &str, token: &str, body: &Value) -> Value {
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let body = body.to_string();
    let mut stream = TcpStream::connect(host).expect("connect");
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let (head, payload) = response.split_once("\r\n\r\n").expect("http response");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    // Synapse answers with a content length; tolerate chunked bodies too.
    let json_start = payload.find('{').expect("json body");
    let json_end = payload.rfind('}').expect("json body");
    serde_json::from_str(&payload[json_start..=json_end]).expect("json")
}

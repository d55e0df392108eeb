//! Logs: a whole scenario (sign-in, case, messages, photo, recovery key) runs in a child
//! process with every log at TRACE level; its captured output holds none of the case text,
//! the photo's caption, the access tokens or the recovery key.

use std::{process::Command, time::Duration};

use innomed_core::{MessageKind, MessageRef, PhotoSize, PhotoSource, SanitizeOptions};
use innomed_harness::{photos, Homeserver};
use serde_json::json;

use crate::support::{
    case_seen_by, eventually, header_with, load_all, marker, wait_for_text, Doctor,
};

const CHILD_ENV: &str = "INNOMED_LOG_CHILD";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trace_logs_hold_no_patient_data_token_or_key() {
    let hs = Homeserver::shared().expect("synapse");
    let dir = tempfile::tempdir().expect("dir");
    let spec = dir.path().join("secrets.json");
    let log = dir.path().join("trace.log");
    let log_file = std::fs::File::create(&log).expect("log file");
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "logs::child_scenario_with_trace_logs",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD_ENV, &spec)
        .env("INNOMED_TEST_HOMESERVER", hs.url())
        .env("INNOMED_TEST_LOG", "trace")
        .stdout(log_file.try_clone().expect("log file"))
        .stderr(log_file)
        .spawn()
        .expect("child");
    let status = tokio::time::timeout(Duration::from_secs(240), async {
        loop {
            if let Some(status) = child.try_wait().expect("child status") {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await;
    let Ok(status) = status else {
        let _ = child.kill();
        panic!("the scenario did not finish");
    };
    let captured = std::fs::read_to_string(&log).expect("captured log");
    assert!(status.success(), "scenario failed:\n{}", tail(&captured));
    let secrets: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&spec).expect("secrets")).expect("json");

    let trace_lines = captured.lines().filter(|l| l.contains("TRACE")).count();
    assert!(
        trace_lines > 1_000,
        "trace logging did not run ({trace_lines} lines)"
    );
    // Ids are what the logs are for: the search does find them.
    let room_id = secrets["room_id"].as_str().expect("room id");
    assert!(
        captured.contains(room_id),
        "the scenario's logs were not captured"
    );
    for (what, value) in secrets["secrets"].as_object().expect("object") {
        let value = value.as_str().expect("string");
        assert!(value.len() >= 12, "{what} too short to search for");
        assert!(
            !captured.contains(value),
            "{what} found in the logs ({} lines)",
            captured.lines().count()
        );
    }
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

/// Run only as the child of the test above: the scenario, with TRACE logs to stderr.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "child process of trace_logs_hold_no_patient_data_token_or_key"]
async fn child_scenario_with_trace_logs() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let url = std::env::var("INNOMED_TEST_HOMESERVER").expect("homeserver url");
    let gp = Doctor::register(&url, "gp").await;
    let derm = Doctor::register(&url, "derm").await;
    let header_marker = marker("HEADERSECRET");
    let case = gp
        .client
        .create_case(header_with(&header_marker))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    let conversation = case.conversation().await.expect("timeline");
    let message = marker("MESSAGESECRET");
    conversation.send_text(&message).await.expect("queued");
    case.invite(&derm.user_id).await.expect("invite");
    let derm_case = case_seen_by(&derm, &room_id).await;
    derm_case.accept().await.expect("accept");
    let derm_conversation = derm_case.conversation().await.expect("timeline");
    wait_for_text(&derm_conversation, &message).await;
    let header = derm_case.header().await.expect("header").expect("found");
    assert!(header.question.contains(&header_marker));

    let caption = marker("CAPTIONSECRET");
    let camera = photos::camera_jpeg(&photos::marked_pixels(), 6, "exif");
    conversation
        .send_photo(
            PhotoSource::Bytes(camera),
            Some(&caption),
            &SanitizeOptions::default(),
        )
        .await
        .expect("photo queued");
    let photo = eventually("the photo at the dermatologist", || async {
        load_all(&derm_conversation).await;
        derm_conversation
            .messages()
            .await
            .into_iter()
            .find_map(|m| match m.kind {
                MessageKind::Photo { .. } => m.event_id,
                _ => None,
            })
    })
    .await;
    derm_conversation
        .photo(&MessageRef::Event(photo), PhotoSize::Full)
        .await
        .expect("photo decrypted");
    let recovery_key = gp.client.enable_recovery().await.expect("recovery");

    let secrets = json!({ "room_id": room_id, "secrets": {
        "header text": header_marker,
        "message": message,
        "caption": caption,
        "GP access token": gp.client.session().expect("session").access_token,
        "dermatologist access token": derm.client.session().expect("session").access_token,
        "recovery key": recovery_key,
        "store key": gp.config.store_key.to_hex(),
    }});
    std::fs::write(spec, secrets.to_string()).expect("write secrets");
}

//! Real Synapse: start, register, restart on the same port, stop; the shared
//! instance; and no Synapse (or temp dir) outliving the test process.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use innomed_harness::http;
use innomed_harness::{Homeserver, HomeserverOptions};
use serde_json::{json, Value};

fn register(hs: &Homeserver, username: &str, password: &str) -> Value {
    let resp = http::post_json(
        &format!("{}/_matrix/client/v3/register", hs.url()),
        &json!({"auth": {"type": "m.login.dummy"}, "username": username, "password": password}),
    )
    .expect("register request");
    assert_eq!(resp.status, 200, "registering {username}: {}", resp.body);
    resp.json().expect("json")
}

fn versions(hs: &Homeserver) -> Value {
    let resp = http::get(&format!("{}/_matrix/client/versions", hs.url())).expect("versions");
    assert_eq!(resp.status, 200, "{}", resp.body);
    resp.json().expect("json")
}

/// Creates a private room and tells whether it got `m.room.encryption`.
fn new_room_is_encrypted(hs: &Homeserver, token: &str) -> bool {
    let resp = http::request(
        "POST",
        &format!("{}/_matrix/client/v3/createRoom", hs.url()),
        Some(&json!({"preset": "private_chat"})),
        Some(token),
    )
    .expect("createRoom");
    assert_eq!(resp.status, 200, "{}", resp.body);
    let room_id = resp.json().expect("json")["room_id"]
        .as_str()
        .expect("room_id")
        .to_owned();
    let state = http::request(
        "GET",
        &format!(
            "{}/_matrix/client/v3/rooms/{room_id}/state/m.room.encryption/",
            hs.url()
        ),
        None,
        Some(token),
    )
    .expect("state");
    match state.status {
        200 => true,
        404 => false,
        other => panic!("unexpected {other}: {}", state.body),
    }
}

fn pid_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|s| s.split_whitespace().nth(2) == Some("Z"))
}

#[test]
fn start_register_restart_stop() {
    let started = Instant::now();
    let mut hs = Homeserver::start(HomeserverOptions::default()).expect("start");
    eprintln!("Synapse up in {:?} at {}", started.elapsed(), hs.url());
    assert!(hs.is_running());
    assert_eq!(hs.server_name(), "localhost");
    assert!(hs.url().starts_with("http://127.0.0.1:"));
    let v = versions(&hs);
    assert_eq!(
        v["unstable_features"]["org.matrix.simplified_msc3575"],
        true
    );

    // Open registration, and no rate limiting: 20 accounts back to back.
    let mut token = String::new();
    for i in 0..20 {
        let body = register(&hs, &format!("harness{i}"), "correct horse battery");
        assert_eq!(body["user_id"], format!("@harness{i}:localhost"));
        token = body["access_token"].as_str().expect("token").to_owned();
    }
    assert!(
        new_room_is_encrypted(&hs, &token),
        "privacy.yaml must encrypt new rooms"
    );

    // Inspection helpers see what is on disk.
    assert!(hs
        .database_contains("@harness7:localhost")
        .expect("db scan"));
    assert!(!hs
        .database_contains("no-such-needle-7f3a9c")
        .expect("db scan"));
    assert!(hs
        .event_json_rows()
        .expect("events")
        .iter()
        .any(|e| e.contains("m.room.create")));
    assert!(hs.log_contains("STARTING SERVER").expect("log scan"));
    assert!(!hs.media_store_contains(b"no-such-needle").expect("media"));
    let log = std::fs::read_to_string(hs.log_path()).expect("log");
    assert!(!log.contains("Unknown config"), "Synapse complained");

    // Restart: same port, same data.
    let port = hs.port();
    let old_pid = hs.pid().expect("pid");
    let restarted = Instant::now();
    hs.restart().expect("restart");
    eprintln!("Synapse restarted in {:?}", restarted.elapsed());
    assert_eq!(hs.port(), port);
    assert_ne!(hs.pid(), Some(old_pid));
    assert!(!pid_alive(old_pid));
    versions(&hs);
    let login = http::post_json(
        &format!("{}/_matrix/client/v3/login", hs.url()),
        &json!({"type": "m.login.password",
                "identifier": {"type": "m.id.user", "user": "harness3"},
                "password": "correct horse battery"}),
    )
    .expect("login");
    assert_eq!(
        login.status, 200,
        "account survives restart: {}",
        login.body
    );

    let data_dir = hs.data_dir().to_path_buf();
    let pid = hs.pid().expect("pid");
    hs.stop().expect("stop");
    assert!(!hs.is_running());
    assert!(!pid_alive(pid));
    hs.stop().expect("stop is idempotent");
    drop(hs);
    assert!(!data_dir.exists(), "temp data dir removed on drop");
}

#[test]
fn encryption_by_default_can_be_switched_off() {
    let hs = Homeserver::start(HomeserverOptions {
        encryption_by_default: false,
        ..HomeserverOptions::default()
    })
    .expect("start");
    let body = register(&hs, "plain", "correct horse battery");
    let token = body["access_token"].as_str().expect("token");
    assert!(!new_room_is_encrypted(&hs, token));
}

#[test]
fn explicit_data_dir_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("hs");
    {
        let hs = Homeserver::start(HomeserverOptions {
            data_dir: Some(data.clone()),
            ..HomeserverOptions::default()
        })
        .expect("start");
        register(&hs, "kept", "correct horse battery");
        let mut hs = hs;
        hs.stop().expect("clean shutdown (exit status 0)");
    }
    assert!(data.join("homeserver.db").exists());
    let stderr = std::fs::read_to_string(data.join("synapse.stderr.log")).expect("stderr");
    assert!(!stderr.contains("Fatal Python error"), "{stderr}");
    assert!(!data.join("core").exists(), "Synapse dumped core");
    let log = std::fs::read_to_string(data.join("homeserver.log")).expect("log");
    assert!(
        log.contains("Main loop terminated"),
        "stop() shuts Synapse down gracefully (SIGTERM), not by SIGKILL"
    );
    let key = std::fs::read_to_string(data.join("localhost.signing.key")).expect("key");
    let hs = Homeserver::start(HomeserverOptions {
        data_dir: Some(data.clone()),
        ..HomeserverOptions::default()
    })
    .expect("start again");
    assert!(hs.database_contains("@kept:localhost").expect("scan"));
    let key_again = std::fs::read_to_string(data.join("localhost.signing.key")).expect("key");
    assert_eq!(key, key_again, "signing key is reused");
}

#[test]
fn shared_is_one_instance() {
    let a = Homeserver::shared().expect("shared");
    let b = Homeserver::shared().expect("shared");
    assert!(std::ptr::eq(a, b));
    assert!(a.is_running());
    versions(a);
}

/// Run by `shared_server_dies_with_test_process` in a child test process:
/// starts the shared server, reports it, and exits without running any
/// destructor.
#[test]
#[ignore = "helper, run by shared_server_dies_with_test_process"]
fn orphan_helper() {
    if std::env::var_os("INNOMED_HARNESS_ORPHAN_HELPER").is_none() {
        return;
    }
    let hs = Homeserver::shared().expect("shared");
    println!(
        "ORPHAN pid={} dir={}",
        hs.pid().expect("pid"),
        hs.data_dir().display()
    );
    std::process::exit(0);
}

#[test]
fn shared_server_dies_with_test_process() {
    let out = Command::new(std::env::current_exe().expect("exe"))
        .args(["--ignored", "--exact", "orphan_helper", "--nocapture"])
        .env("INNOMED_HARNESS_ORPHAN_HELPER", "1")
        .output()
        .expect("run helper");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("ORPHAN "))
        .unwrap_or_else(|| {
            panic!(
                "helper printed no ORPHAN line: {stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let mut pid = 0u32;
    let mut dir = PathBuf::new();
    for part in line.split(' ') {
        if let Some(p) = part.strip_prefix("pid=") {
            pid = p.parse().expect("pid");
        } else if let Some(d) = part.strip_prefix("dir=") {
            dir = PathBuf::from(d);
        }
    }
    assert!(pid > 0);
    let deadline = Instant::now() + Duration::from_secs(10);
    while (pid_alive(pid) || dir.exists()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!pid_alive(pid), "Synapse {pid} outlived its test process");
    assert!(!dir.exists(), "{} outlived its test process", dir.display());
}

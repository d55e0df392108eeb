//! The `innomed` binary as a script sees it: exit codes and typed JSON errors, without a
//! homeserver. (The demo drives every command against a real Synapse.)

use std::process::{Command, Output};

fn innomed(data_dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_innomed"))
        .args(args)
        .env("INNOMED_DATA_DIR", data_dir)
        .env("INNOMED_PASSWORD", "not used")
        .env_remove("INNOMED_STORE_KEY")
        .env_remove("INNOMED_HOMESERVER")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run innomed")
}

/// `innomed --json login` against `homeserver` as `user`.
fn login(data_dir: &std::path::Path, homeserver: &str, user: &str) -> Output {
    innomed(
        data_dir,
        &[
            "--json",
            "login",
            "--homeserver",
            homeserver,
            "--user",
            user,
        ],
    )
}

fn json_error(out: &Output) -> String {
    assert!(!out.status.success(), "expected a failure");
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("one JSON object on stdout");
    assert_eq!(v["ok"], false);
    v["error"].as_str().expect("error code").to_owned()
}

#[test]
fn bad_input_gives_typed_json_errors_and_a_failing_exit_code() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let out = login(d, "not a url", "@a:b");
    assert_eq!(json_error(&out), "invalid_homeserver_url");
    let out = login(d, "http://127.0.0.1:9", "nope");
    assert_eq!(json_error(&out), "invalid_user_id");
    let out = login(d, "http://127.0.0.1:9", "@a:b");
    assert_eq!(json_error(&out), "homeserver_unreachable");
    let out = innomed(d, &["--json", "cases"]);
    assert_eq!(json_error(&out), "not_logged_in");
    let message: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(message["message"]
        .as_str()
        .unwrap_or_default()
        .contains("innomed login"));
}

#[test]
fn the_store_key_file_is_private() {
    let dir = tempfile::tempdir().expect("dir");
    // Any command that needs the key creates it, even if it then fails to reach a server.
    let _ = login(dir.path(), "http://127.0.0.1:9", "@a:b");
    let key = dir.path().join("store.key");
    assert!(key.is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).expect("meta").permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "store.key must be readable by its owner only"
        );
    }
    assert_eq!(std::fs::read_to_string(&key).expect("key").trim().len(), 64);
}

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

/// `innomed args…` with `stdin` piped in.
fn innomed_with_stdin(data_dir: &std::path::Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_innomed"))
        .args(args)
        .env("INNOMED_DATA_DIR", data_dir)
        .env_remove("INNOMED_PASSWORD")
        .env_remove("INNOMED_STORE_KEY")
        .env_remove("INNOMED_HOMESERVER")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run innomed");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

#[test]
fn patient_data_can_come_from_stdin_and_bad_json_is_refused_first() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let send = [
        "--json",
        "send",
        "--case",
        "!r:localhost",
        "--from-json",
        "-",
    ];
    // Well-formed: read, then the command goes on (and stops here: no account).
    let out = innomed_with_stdin(d, &send, r#"{"text": "Bonjour,\nla lésion a grossi."}"#);
    assert_eq!(json_error(&out), "not_logged_in");
    // Malformed: refused before the account is even looked at, with the field named.
    let out = innomed_with_stdin(d, &send, r#"{"text": 42}"#);
    assert_eq!(json_error(&out), "invalid_input");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let message = v["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("\"text\"") && message.contains("stdin"),
        "{message}"
    );
    let out = innomed_with_stdin(d, &send, "{\"text\": \"Mme Dupont");
    assert_eq!(json_error(&out), "invalid_input");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("Dupont"),
        "the value is not echoed"
    );
    // Both places: refused.
    let both = [
        "--json",
        "send",
        "--case",
        "!r:localhost",
        "--text",
        "x",
        "--from-json",
        "-",
    ];
    let out = innomed_with_stdin(d, &both, r#"{"text": "y"}"#);
    assert_eq!(json_error(&out), "invalid_input");
    // A header from stdin.
    let create = ["--json", "create", "--from-json", "-"];
    let header = r#"{"patient": "M.D.", "age-band": "40-64", "sex": "female",
        "reason": "Lésion pigmentée", "question": "Exérèse ?", "photo-consent": true}"#;
    let out = innomed_with_stdin(d, &create, header);
    assert_eq!(json_error(&out), "not_logged_in");
}

#[test]
fn human_errors_show_control_characters_instead_of_running_them() {
    let dir = tempfile::tempdir().expect("dir");
    let send = ["send", "--case", "!r:localhost", "--from-json", "-"];
    // An unknown key is quoted in the error: here it carries a clear-screen, a one-character
    // CSI and a bidi override.
    let out = innomed_with_stdin(
        dir.path(),
        &send,
        "{\"text\": \"a\", \"x\\u001b[2J\\u009b31m\\u202e\": 1}",
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(stderr.contains("␛[2J"), "{stderr}");
    for c in ['\u{1b}', '\u{9b}', '\u{202e}'] {
        assert!(
            !stderr.contains(c),
            "{c:?} reached the terminal: {stderr:?}"
        );
    }
    assert!(stderr.contains("[invalid_input]"), "{stderr}");
}

#[test]
fn huge_durations_and_counts_are_refused_not_a_panic() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    for args in [
        &[
            "--json",
            "--timeout",
            "18446744073709551615",
            "show",
            "--case",
            "!r:localhost",
        ][..],
        &["--json", "--timeout", "86401", "cases"],
        &[
            "--json",
            "show",
            "--case",
            "!r:localhost",
            "--wait-messages",
            "18446744073709551615",
        ],
    ] {
        let out = innomed(d, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: not a panic (101)");
        assert_eq!(json_error(&out), "invalid_input", "{args:?}");
    }
    // Past u64: clap refuses the number itself (usage error), still no panic.
    let out = innomed(
        d,
        &["--json", "--timeout", "99999999999999999999999", "cases"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_message_of_invisible_characters_is_refused_as_empty() {
    let dir = tempfile::tempdir().expect("dir");
    for blank in [
        "\u{200b}",
        "\u{feff}\u{2060} \u{200d}",
        "\u{200f}\u{202e}\n",
    ] {
        let out = innomed(
            dir.path(),
            &["--json", "send", "--case", "!r:localhost", "--text", blank],
        );
        assert_eq!(json_error(&out), "empty_message", "{blank:?}");
    }
}

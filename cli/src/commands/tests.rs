use clap::Parser;

use super::*;
use crate::cpts::CptsAction;

fn parse(args: &[&str]) -> Result<Command, clap::Error> {
    Cli::try_parse_from(std::iter::once("innomed").chain(args.iter().copied()))
        .map(|cli| cli.command)
}

/// Parsed, then resolved as `run` does before opening the account.
fn resolved(args: &[&str]) -> Result<Command> {
    let mut command = parse(args)?;
    resolve_inputs(&mut command)?;
    Ok(command)
}

fn json_file(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("input.json");
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

fn invalid_input(e: &anyhow::Error) -> String {
    assert_eq!(error_code(e), "invalid_input", "{e:#}");
    format!("{e:#}")
}

#[test]
fn a_case_row_shows_hostile_names_and_previews_inert_on_one_line() {
    let row = CaseSummary {
        room_id: "!room:hs".try_into().expect("room id"),
        code: "IM-ABC123\u{1b}[2J".to_owned(),
        membership: Membership::Joined,
        status: Some(CaseStatus::Open),
        specialty: Some("dermatology\u{9b}31m".to_owned()),
        urgency: Urgency::Soon,
        due_ms: None,
        deadline: None,
        cpts: None,
        last_message: Some(innomed_core::LastMessage {
            sender: None,
            body: "ligne 1\nIM-FAKE  CLOSED\u{202e}".to_owned(),
            timestamp_ms: 0,
        }),
        unread: 2,
        muted: true,
        inviter: None,
        inviter_name: None,
        brief: None,
        archived: false,
        asked_by_me: false,
        waiting_for_me: true,
    };
    let line = case_line(&row);
    assert!(
        !line.contains(['\u{1b}', '\u{9b}', '\u{202e}', '\n']),
        "{line:?}"
    );
    assert!(line.contains("IM-ABC123␛[2J"), "{line}");
    assert!(line.contains("ligne 1␊IM-FAKE  CLOSED\\u{202e}"), "{line}");
    assert!(line.contains("unread  2 muted"), "{line}");
}

#[test]
fn the_demo_command_lines_still_work() {
    let create = resolved(&[
        "create",
        "--patient",
        "M.D.",
        "--age-band",
        "40-64",
        "--sex",
        "female",
        "--reason",
        "Lésion pigmentée",
        "--question",
        "Exérèse ?",
        "--photo-consent",
        "--specialty",
        "dermatology",
        "--urgency",
        "soon",
    ])
    .expect("create");
    let Command::Create(args) = create else {
        panic!("not create");
    };
    let case = new_case(&args).expect("case");
    assert_eq!(case.header.patient_label, "M.D.");
    assert_eq!(case.header.sex, Sex::Female);
    assert!(case.header.photo_consent);
    assert_eq!(case.urgency, Urgency::Soon);
    let send = resolved(&[
        "send",
        "--case",
        "!r:hs",
        "--text",
        "Bonjour",
        "--reply-to",
        "$e",
    ]);
    assert!(matches!(send, Ok(Command::Send { text: Some(t), .. }) if t == "Bonjour"));
    let request = resolved(&[
        "cpts",
        "request",
        "--cpts",
        "!s:hs",
        "--specialty",
        "dermatology",
        "--urgency",
        "soon",
        "--patient",
        "J.L.",
        "--age-band",
        "40-64",
        "--sex",
        "male",
        "--reason",
        "Nævus",
        "--question",
        "Exérèse ?",
        "--consent",
    ]);
    assert!(request.is_ok(), "{:?}", request.err());
    let advise = resolved(&[
        "cpts",
        "advise",
        "--case",
        "!r:hs",
        "--assessment",
        "Nævus atypique",
        "--recommendation",
        "Exérèse",
        "--in-person",
        "routine",
    ]);
    assert!(advise.is_ok(), "{:?}", advise.err());
    let close = resolved(&[
        "cpts",
        "close",
        "--case",
        "!r:hs",
        "--outcome",
        "Adressé",
        "--out",
        "/tmp/x",
    ]);
    assert!(close.is_ok(), "{:?}", close.err());
    let photo = resolved(&["send-photo", "--case", "!r:hs", "--file", "a.jpg"]);
    assert!(matches!(
        photo,
        Ok(Command::SendPhoto { caption: None, .. })
    ));
}

#[test]
fn defaults_apply_when_neither_place_gives_the_field() {
    let dir = tempfile::tempdir().expect("dir");
    let path = json_file(
        &dir,
        r#"{"patient": "M.D.", "age-band": "40-64", "reason": "r", "question": "q"}"#,
    );
    let Command::Create(args) = resolved(&["create", "--from-json", &path]).expect("create") else {
        panic!("not create");
    };
    let case = new_case(&args).expect("case");
    assert_eq!(
        (case.header.sex, case.urgency),
        (Sex::Unknown, Urgency::Routine)
    );
    assert!(!case.header.photo_consent);
    assert_eq!(case.specialty, None);
}

#[test]
fn every_patient_field_can_come_from_a_json_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = json_file(
        &dir,
        r#"{"patient": "M.D.", "age_band": "40-64", "sex": "female",
            "reason": "Lésion pigmentée\ndu dos", "question": "Exérèse ?",
            "photo-consent": true, "specialty": "dermatology", "urgency": "urgent"}"#,
    );
    let command = resolved(&["create", "--from-json", &path]).expect("create");
    let Command::Create(args) = command else {
        panic!("not create");
    };
    assert!(args.from_json.is_none(), "taken once");
    let case = new_case(&args).expect("case");
    assert_eq!(case.header.reason, "Lésion pigmentée\ndu dos");
    assert_eq!(case.header.age_band, AgeBand::Adult);
    assert!(case.header.photo_consent);
    assert_eq!(case.specialty.as_deref(), Some("dermatology"));
    assert_eq!(case.urgency, Urgency::Urgent);

    let path = json_file(&dir, r#"{"text": "Bonjour,\nla lésion a grossi."}"#);
    let send = resolved(&["send", "--case", "!r:hs", "--from-json", &path]).expect("send");
    assert!(
        matches!(send, Command::Send { text: Some(t), .. } if t == "Bonjour,\nla lésion a grossi.")
    );
    let path = json_file(&dir, r#"{"caption": "Dos, 20 cm"}"#);
    let args = [
        "send-photo",
        "--case",
        "!r:hs",
        "--file",
        "a.jpg",
        "--from-json",
        &path,
    ];
    let photo = resolved(&args).expect("photo");
    assert!(matches!(photo, Command::SendPhoto { caption: Some(c), .. } if c == "Dos, 20 cm"));
    let path = json_file(
        &dir,
        r#"{"assessment": "Nævus", "recommendation": "Exérèse", "in-person": "within-48h"}"#,
    );
    let advise = resolved(&["cpts", "advise", "--case", "!r:hs", "--from-json", &path]);
    assert!(matches!(
        advise,
        Ok(Command::Cpts { action: CptsAction::Advise { in_person: Some(p), .. } }) if p == "within-48h"
    ));
    let path = json_file(&dir, r#"{"outcome": "Adressé pour exérèse"}"#);
    let args = [
        "cpts",
        "close",
        "--case",
        "!r:hs",
        "--out",
        "/tmp/x",
        "--from-json",
        &path,
    ];
    let close = resolved(&args).expect("close");
    assert!(matches!(
        close,
        Command::Cpts { action: CptsAction::Close { outcome: Some(o), .. } } if o == "Adressé pour exérèse"
    ));
    let path = json_file(
        &dir,
        r#"{"patient": "J.L.", "age-band": "40-64", "reason": "r", "question": "q",
            "specialty": "dermatology"}"#,
    );
    let args = [
        "cpts",
        "request",
        "--cpts",
        "!s:hs",
        "--consent",
        "--from-json",
        &path,
    ];
    assert!(resolved(&args).is_ok());
    let args = [
        "cpts",
        "care-team",
        "--cpts",
        "!s:hs",
        "--member",
        "@a:hs",
        "--from-json",
    ];
    assert!(resolved(&[&args[..], &[path.as_str()][..]].concat()).is_ok());
}

#[test]
fn without_from_json_the_fields_stay_required() {
    for args in [
        &["send", "--case", "!r:hs"][..],
        &[
            "create",
            "--patient",
            "M.D.",
            "--age-band",
            "40-64",
            "--reason",
            "r",
        ],
        &[
            "cpts",
            "advise",
            "--case",
            "!r:hs",
            "--assessment",
            "a",
            "--in-person",
            "routine",
        ],
        &["cpts", "close", "--case", "!r:hs", "--out", "/tmp/x"],
    ] {
        let e = parse(args).err().expect("refused by clap");
        assert_eq!(
            e.kind(),
            clap::error::ErrorKind::MissingRequiredArgument,
            "{args:?}"
        );
    }
}

#[test]
fn a_field_on_the_command_line_and_in_the_json_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let path = json_file(&dir, r#"{"text": "Bonjour"}"#);
    let e = resolved(&[
        "send",
        "--case",
        "!r:hs",
        "--text",
        "x",
        "--from-json",
        &path,
    ])
    .err()
    .expect("conflict");
    assert!(invalid_input(&e).contains("--text"));
    let path = json_file(
        &dir,
        r#"{"patient": "M.D.", "age-band": "40-64", "reason": "r", "question": "q",
            "photo-consent": true}"#,
    );
    let e = resolved(&["create", "--photo-consent", "--from-json", &path])
        .err()
        .expect("both");
    assert!(invalid_input(&e).contains("--photo-consent"));
    let e = resolved(&["create", "--patient", "X", "--from-json", &path])
        .err()
        .expect("both");
    assert!(invalid_input(&e).contains("--patient"));
}

#[test]
fn bad_json_names_the_field_before_anything_is_opened() {
    let dir = tempfile::tempdir().expect("dir");
    let cases: [(&str, &[&str], &str); 7] = [
        (r#"{"text": 12}"#, &["send", "--case", "!r:hs"], "\"text\""),
        (
            r#"{"text": "a", "body": "b"}"#,
            &["send", "--case", "!r:hs"],
            "\"body\"",
        ),
        (r#"{}"#, &["send", "--case", "!r:hs"], "--text"),
        (
            r#"{"text": "a""#,
            &["send", "--case", "!r:hs"],
            "not valid JSON",
        ),
        (
            r#"{"patient": "M.D.", "age-band": "vieux", "reason": "r", "question": "q"}"#,
            &["create"],
            "age band",
        ),
        (
            r#"{"patient": "M.D.", "age-band": "40-64", "question": "q"}"#,
            &["create"],
            "\"reason\"",
        ),
        (
            r#"{"assessment": "a", "recommendation": "r", "in-person": "demain"}"#,
            &["cpts", "advise", "--case", "!r:hs"],
            "in-person",
        ),
    ];
    for (json, args, field) in cases {
        let path = json_file(&dir, json);
        let args = [args, &["--from-json", path.as_str()][..]].concat();
        let e = resolved(&args).err().expect(json);
        let message = invalid_input(&e);
        assert!(message.contains(field), "{json}: {message}");
    }
    let path = json_file(
        &dir,
        r#"{"patient": "J.L.", "age-band": "40-64", "reason": "r", "question": "q"}"#,
    );
    let args = [
        "cpts",
        "request",
        "--cpts",
        "!s:hs",
        "--consent",
        "--from-json",
        &path,
    ];
    let e = resolved(&args).err().expect("no specialty");
    assert!(invalid_input(&e).contains("specialty"));
}

#[test]
fn durations_and_counts_too_large_are_refused_before_anything_is_opened() {
    let dir = tempfile::tempdir().expect("dir");
    let data_dir = dir.path().join("innomed");
    let data = data_dir.to_str().expect("utf-8 path");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    for args in [
        &[
            "--timeout",
            "18446744073709551615",
            "show",
            "--case",
            "!r:hs",
        ][..],
        &["--timeout", "86401", "cases"],
        &[
            "show",
            "--case",
            "!r:hs",
            "--wait-messages",
            "18446744073709551615",
        ],
        &[
            "--timeout",
            "1",
            "show",
            "--case",
            "!r:hs",
            "--wait-messages",
            "100001",
        ],
    ] {
        let argv = ["innomed", "--data-dir", data]
            .into_iter()
            .chain(args.iter().copied());
        let cli = Cli::try_parse_from(argv).expect("clap takes any u64 / usize");
        let e = runtime.block_on(run(cli)).err().expect("refused");
        let message = invalid_input(&e);
        assert!(
            message.contains("--timeout") || message.contains("--wait-messages"),
            "{message}"
        );
        assert!(!data_dir.exists(), "nothing created for {args:?}");
    }
    // The largest accepted values parse and resolve.
    let show = resolved(&["show", "--case", "!r:hs", "--wait-messages", "100000"]);
    assert!(show.is_ok(), "{:?}", show.err());
    assert!(input::timeout(input::MAX_TIMEOUT_SECS).is_ok());
}

#[test]
fn a_message_of_invisible_characters_only_is_refused_as_empty() {
    let dir = tempfile::tempdir().expect("dir");
    for blank in [
        " ",
        "\u{200b}",
        "\u{200b}\u{200c}\u{200d}",
        "\u{2060}\u{feff}",
        "\u{200e}\u{200f} \u{202e}\u{2066}\n",
    ] {
        let e = resolved(&["send", "--case", "!r:hs", "--text", blank])
            .err()
            .expect("refused");
        assert_eq!(error_code(&e), "empty_message", "{blank:?}");
        let path = json_file(&dir, &serde_json::json!({ "text": blank }).to_string());
        let e = resolved(&["send", "--case", "!r:hs", "--from-json", &path])
            .err()
            .expect("refused");
        assert_eq!(error_code(&e), "empty_message", "{blank:?} from JSON");
        let e = resolved(&["send", "--case", "!r:hs", "--edit", "$e", "--text", blank])
            .err()
            .expect("refused");
        assert_eq!(error_code(&e), "empty_message", "{blank:?} as an edit");
    }
    let visible = resolved(&["send", "--case", "!r:hs", "--text", "\u{200b}ok\u{200b}"]);
    assert!(visible.is_ok(), "{:?}", visible.err());
}

#[test]
fn an_unknown_event_is_message_not_found() {
    let message = |id: &str| innomed_core::CaseMessage {
        event_id: Some(id.try_into().expect("event id")),
        transaction_id: None,
        sender: "@gp:hs".try_into().expect("user id"),
        is_own: false,
        timestamp_ms: 0,
        kind: MessageKind::Text {
            body: "Bonjour".to_owned(),
            html: None,
        },
        in_reply_to: None,
        edited: false,
        shared_by: None,
        send_state: SendState::Sent,
        read_by: Vec::new(),
        reactions: Vec::new(),
        trust: innomed_core::TrustLevel::Verified,
    };
    let loaded = [message("$one"), message("$two")];
    let id = |id: &str| innomed_core::OwnedEventId::try_from(id).expect("event id");
    assert!(has_message(&loaded, &id("$two")));
    assert!(!has_message(&loaded, &id("$unknown")));
    assert!(!has_message(&[], &id("$one")));
    // A message still queued on this device has no event id yet.
    let mut queued = message("$x");
    queued.event_id = None;
    assert!(!has_message(&[queued], &id("$x")));
    let e = anyhow::Error::new(ConversationError::MessageNotFound);
    assert_eq!(error_code(&e), "message_not_found");
}

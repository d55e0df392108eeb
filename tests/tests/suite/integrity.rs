//! The rules of a case against members who do not follow them: a foreign Matrix client with
//! its own cross-signed device (it encrypts its own events) and raw HTTP requests with a
//! member's own access token. For each forgery the homeserver refuses it (403), or every
//! Innomed client ignores it and flags it; nothing becomes readable to anyone it was not for.

use std::time::Duration;

use innomed_core::{
    photos::MAX_RECEIVED_PIXELS, CaseError, CaseRoom, CaseStatus, CptsError, Membership,
    MessageKind, MessageRef, PhotoError, PhotoSize, Rejection,
};
use innomed_harness::{http, Homeserver};
use matrix_sdk::ruma::{OwnedRoomId, RoomId};
use serde_json::{json, Value};

use crate::{
    cpts::Territory,
    support::{case_seen_by, conversation_of, eventually, header_with, load_all, marker, Doctor},
};

/// A member on a foreign client: a matrix-sdk device with its own cross-signing identity, so
/// every Innomed client decrypts what it encrypts, but it follows none of Innomed's rules.
struct Hostile {
    client: matrix_sdk::Client,
    user_id: String,
    token: String,
    _dir: tempfile::TempDir,
}

impl Hostile {
    async fn register(hs_url: &str) -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let client = crate::support::raw_client(hs_url, dir.path(), "hostile").await;
        client
            .encryption()
            .bootstrap_cross_signing(None)
            .await
            .expect("cross-signing identity");
        let user_id = client.user_id().expect("user id").to_string();
        let token = client.access_token().expect("token");
        Self {
            client,
            user_id,
            token,
            _dir: dir,
        }
    }

    /// Accepts the invitation to `room_id` once sync shows it.
    async fn join(&self, room_id: &str) -> matrix_sdk::Room {
        let room_id: OwnedRoomId = RoomId::parse(room_id).expect("room id");
        eventually("the invitation on the foreign client", || async {
            self.client.get_room(&room_id)
        })
        .await;
        self.client.join_room_by_id(&room_id).await.expect("joined")
    }

    /// A raw request with this member's own token: the HTTP status and body.
    fn put(&self, hs_url: &str, path: &str, body: &Value) -> (u16, Value) {
        let response = http::request(
            "PUT",
            &format!("{hs_url}{path}"),
            Some(body),
            Some(&self.token),
        )
        .expect("request");
        let json = response.json().unwrap_or(Value::Null);
        (response.status, json)
    }

    /// Sends an event of any type, encrypted by this foreign device.
    async fn send_encrypted(&self, room: &matrix_sdk::Room, event_type: &str, content: Value) {
        room.send_raw(event_type, content)
            .await
            .expect("sent encrypted");
    }
}

/// Waits until `case`, as its doctor's device sees it, has `user` with `membership`.
async fn wait_membership(case: &CaseRoom, user: &str, membership: Membership, what: &str) {
    eventually(what, || async {
        let members = case.members().await.ok()?;
        members
            .iter()
            .any(|m| m.user_id.as_str() == user && m.membership == membership)
            .then_some(())
    })
    .await;
}

fn state_path(room_id: &str, event_type: &str, state_key: &str) -> String {
    format!("/_matrix/client/v3/rooms/{room_id}/state/{event_type}/{state_key}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hostile_member_cannot_rewrite_a_case_or_speak_for_its_creator() {
    let hs = Homeserver::shared().expect("synapse");
    let url = hs.url();
    let gp = Doctor::register(&url, "gp").await;
    let derm = Doctor::register(&url, "derm").await;
    let hostile = Hostile::register(&url).await;

    // Nothing typed lands in server-readable state: the specialty is a code of the list.
    let mut free_text = header_with(&marker("SPEC"));
    free_text.specialty = Some("dermato de Mme Dupont".into());
    assert!(matches!(
        gp.client.create_case(free_text).await,
        Err(CaseError::UnknownSpecialty)
    ));

    let secret = marker("HEADER");
    let case = gp
        .client
        .create_case(header_with(&secret))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    case.invite(&derm.user_id).await.expect("invite derm");
    case.invite(&hostile.user_id).await.expect("invite foreign");
    case_seen_by(&derm, &room_id)
        .await
        .accept()
        .await
        .expect("derm accepts");
    let room = hostile.join(&room_id).await;

    // What the homeserver refuses, by the case's power levels and the state-key rule.
    let refused = [
        (CaseStatusPath::Status, json!({ "status": "closed" })),
        (CaseStatusPath::Status, json!({ "status": "lost" })),
        (CaseStatusPath::GpClaim, json!({})),
        (CaseStatusPath::PowerLevels, json!({ "users": {} })),
        (CaseStatusPath::Name, json!({ "name": "Mme Dupont" })),
        (
            CaseStatusPath::History,
            json!({ "history_visibility": "world_readable" }),
        ),
    ];
    for (target, body) in &refused {
        let path = target.path(&room_id, &gp.user_id);
        let (status, answer) = hostile.put(&url, &path, body);
        assert_eq!(status, 403, "{path} accepted: {answer}");
    }

    // What the homeserver cannot refuse, every Innomed client refuses to believe: a header,
    // a closure and an advice from a member who may not send them, malformed and oversized
    // case events (all encrypted by a device that really is the member's), and a message sent
    // in clear with the member's token.
    let forged_label = marker("FORGEDLABEL");
    let forged_outcome = marker("FORGEDCLOSE");
    let forged_advice = marker("FORGEDADVICE");
    hostile
        .send_encrypted(
            &room,
            "fr.innomed.case.header",
            json!({
                "patient_label": forged_label, "age_band": "40-64", "sex": "male",
                "reason": "forged", "question": "forged", "photo_consent": true,
            }),
        )
        .await;
    hostile
        .send_encrypted(
            &room,
            "fr.innomed.case.closure",
            json!({ "outcome": forged_outcome }),
        )
        .await;
    hostile
        .send_encrypted(
            &room,
            "fr.innomed.case.advice",
            json!({ "assessment": forged_advice, "recommendation": "r", "in_person": "urgent" }),
        )
        .await;
    // A number to call back in the GP's stead: a caller would ring the hostile member.
    hostile
        .send_encrypted(
            &room,
            "fr.innomed.case.call_back",
            json!({ "phone": "+33699999999" }),
        )
        .await;
    hostile
        .send_encrypted(
            &room,
            "fr.innomed.case.header",
            json!({ "patient_label": 5, "age_band": "999", "sex": "robot" }),
        )
        .await;
    hostile
        .send_encrypted(
            &room,
            "fr.innomed.case.advice",
            json!({ "assessment": "x".repeat(20_000), "recommendation": "r", "in_person": "urgent" }),
        )
        .await;
    let in_clear = marker("CLEARTEXT");
    let (status, _) = hostile.put(
        &url,
        &format!(
            "/_matrix/client/v3/rooms/{room_id}/send/m.room.message/{}",
            marker("txn")
        ),
        &json!({ "msgtype": "m.text", "body": in_clear }),
    );
    assert_eq!(status, 200, "a plain message is the homeserver's to accept");

    for doctor in [&gp, &derm] {
        let conversation = conversation_of(doctor, &room_id).await;
        let rejected = eventually("the forgeries flagged on every Innomed client", || async {
            load_all(&conversation).await;
            let messages = conversation.messages().await;
            let flagged: Vec<Rejection> = messages
                .iter()
                .filter(|m| m.sender.as_str() == hostile.user_id)
                .filter_map(|m| match &m.kind {
                    MessageKind::Rejected { reason, .. } => Some(*reason),
                    _ => None,
                })
                .collect();
            let untrusted = messages
                .iter()
                .any(|m| m.sender.as_str() == hostile.user_id && m.kind == MessageKind::Untrusted);
            (flagged.len() == 6 && untrusted).then_some(flagged)
        })
        .await;
        assert_eq!(
            rejected,
            [
                Rejection::NotFromCreator,
                Rejection::NotFromCreator,
                Rejection::NotFromTaker,
                Rejection::NotFromCreator,
                Rejection::Malformed,
                Rejection::Malformed,
            ]
        );
        // The GP asked for no call back: the forged number is nobody's to call.
        let shown = case_seen_by(doctor, &room_id).await;
        assert_eq!(shown.call_back().await.expect("call back read"), None);
        // Nothing forged is shown as content anywhere.
        for message in conversation.messages().await {
            let shown = format!("{:?}", message.kind);
            for forged in [
                &forged_label,
                &forged_outcome,
                &forged_advice,
                &in_clear,
                &"99 99 99 99".to_owned(),
            ] {
                assert!(!shown.contains(forged.as_str()), "{shown}");
            }
        }
        // The case keeps its creator's header and status, and stays listable.
        let header = case_seen_by(doctor, &room_id)
            .await
            .header()
            .await
            .expect("header")
            .expect("the GP's header");
        assert_eq!(header.patient_label, format!("P.{secret}"));
        let row = eventually("the case listed", || async {
            crate::support::listed(doctor, &room_id).await
        })
        .await;
        assert_eq!(row.status, Some(CaseStatus::Open));
        let preview = row.last_message.map(|m| m.body).unwrap_or_default();
        assert!(
            !preview.contains(&in_clear),
            "plaintext previewed: {preview}"
        );
    }

    // The derm may not change the status; the GP still closes the case.
    let derm_case = case_seen_by(&derm, &room_id).await;
    assert!(matches!(
        derm_case.set_status(CaseStatus::Closed).await,
        Err(CaseError::NotAllowed)
    ));
    case.set_status(CaseStatus::Closed).await.expect("closed");
    eventually("the closure seen by the derm", || async {
        let status = derm_case.status().await.ok().flatten()?;
        (status.status == CaseStatus::Closed).then_some(())
    })
    .await;
}

/// State a hostile member tries to write.
enum CaseStatusPath {
    Status,
    GpClaim,
    PowerLevels,
    Name,
    History,
}

impl CaseStatusPath {
    fn path(&self, room_id: &str, gp: &str) -> String {
        match self {
            Self::Status => state_path(room_id, "fr.innomed.case.status", ""),
            Self::GpClaim => state_path(room_id, "fr.innomed.case.claim", gp),
            Self::PowerLevels => state_path(room_id, "m.room.power_levels", ""),
            Self::Name => state_path(room_id, "m.room.name", ""),
            Self::History => state_path(room_id, "m.room.history_visibility", ""),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn only_a_routed_specialist_takes_a_request_and_the_requester_never_does() {
    let hs = Homeserver::shared().expect("synapse");
    let url = hs.url();
    let t = Territory::new(&url).await;
    let gp = &t.gp.doctor;
    let gp_cpts = gp.client.cpts(&t.space_id).expect("space");
    let case = gp_cpts
        .open_request(t.request("dermatology", &marker("Q")))
        .await
        .expect("request");
    let room_id = case.room_id().to_string();

    // The requester claims his own request with a raw request: the homeserver takes the
    // state event (his own key), and no client believes it.
    let token = gp.client.session().expect("session").access_token;
    let claim = state_path(&room_id, "fr.innomed.case.claim", &gp.user_id);
    let response = http::request(
        "PUT",
        &format!("{url}{claim}"),
        Some(&json!({})),
        Some(&token),
    )
    .expect("put");
    assert_eq!(response.status, 200, "{}", response.body);
    // Through Innomed the requester is refused outright.
    assert!(matches!(
        case.take_request().await,
        Err(CptsError::NotAllowed)
    ));
    assert_eq!(case.taker().await.expect("taker"), None);
    assert_eq!(
        case.status().await.expect("status").map(|s| s.status),
        Some(CaseStatus::Requested)
    );

    // The routed dermatologist takes it: her claim is the first that counts.
    let derm = &t.derm_on_duty.doctor;
    let derm_case = case_seen_by(derm, &room_id).await;
    derm_case.take_request().await.expect("taken");
    assert_eq!(
        derm_case
            .taker()
            .await
            .expect("taker")
            .map(|u| u.to_string()),
        Some(derm.user_id.clone())
    );
    let status = eventually("the GP to see the routed taker", || async {
        let status = case.status().await.ok().flatten()?;
        (status.status == CaseStatus::Accepted).then_some(status)
    })
    .await;
    assert_eq!(
        status.accepted_by.map(|u| u.to_string()),
        Some(derm.user_id.clone())
    );

    // The taker cannot write the status either: answered comes from her advice only.
    let derm_token = derm.client.session().expect("session").access_token;
    let response = http::request(
        "PUT",
        &format!(
            "{url}{}",
            state_path(&room_id, "fr.innomed.case.status", "")
        ),
        Some(&json!({ "status": "closed", "cpts": t.space_id })),
        Some(&derm_token),
    )
    .expect("put");
    assert_eq!(response.status, 403, "{}", response.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn history_is_never_shared_again_after_a_decline() {
    let hs = Homeserver::shared().expect("synapse");
    let url = hs.url();
    let gp = Doctor::register(&url, "gp").await;
    let derm = Doctor::register(&url, "derm").await;
    let case = gp
        .client
        .create_case(header_with(&marker("DECLINED")))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    case.invite(&derm.user_id).await.expect("invite");
    case_seen_by(&derm, &room_id)
        .await
        .decline()
        .await
        .expect("declined");
    wait_membership(
        &case,
        &derm.user_id,
        Membership::Left,
        "the decline at the GP",
    )
    .await;
    // What the GP writes while the dermatologist is out of the case, then the second
    // invitation (which carries no history).
    tokio::time::sleep(Duration::from_secs(2)).await;
    let while_out = marker("WHILEOUT");
    let gp_conversation = case.conversation().await.expect("timeline");
    gp_conversation.send_text(&while_out).await.expect("queued");
    eventually("the message sent", || async {
        gp.client
            .flush_outbox(Duration::from_secs(5))
            .await
            .ok()
            .filter(|sent| *sent)
    })
    .await;
    case.invite(&derm.user_id).await.expect("invited again");
    let again = eventually("the second invitation", || async {
        let case = derm.client.case(&room_id).ok()?;
        (case.membership() == Membership::Invited).then_some(case)
    })
    .await;
    again.accept().await.expect("accepted");
    // The GP's client keeps syncing and sees the join: it owes nothing, shares nothing, and
    // the key of the first invitation does not open what was written since.
    let conversation = conversation_of(&derm, &room_id).await;
    // The message written while she was out reaches her device (a busy machine takes longer to
    // page it in), and stays sealed: no key was shared again.
    eventually(
        "the message written while out, sealed on her device",
        || async {
            load_all(&conversation).await;
            conversation
                .messages()
                .await
                .iter()
                .any(|m| matches!(m.kind, MessageKind::UnableToDecrypt { .. }))
                .then_some(())
        },
    )
    .await;
    tokio::time::sleep(Duration::from_secs(8)).await;
    load_all(&conversation).await;
    assert!(
        !crate::support::texts(&conversation)
            .await
            .contains(&while_out),
        "what was written while the dermatologist was out became readable"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_received_decompression_bomb_is_refused_before_decoding() {
    let hs = Homeserver::shared().expect("synapse");
    let url = hs.url();
    let gp = Doctor::register(&url, "gp").await;
    let hostile = Hostile::register(&url).await;
    let case = gp
        .client
        .create_case(header_with(&marker("BOMB")))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    case.invite(&hostile.user_id).await.expect("invite");
    let room = hostile.join(&room_id).await;
    // A small JPEG whose header announces 30 000 × 30 000 pixels (900 megapixels).
    let bomb = innomed_harness::photos::bomb_jpeg(30_000);
    room.send_attachment(
        "photo.jpg",
        &"image/jpeg".parse().expect("mime"),
        bomb,
        matrix_sdk::attachment::AttachmentConfig::new(),
    )
    .await
    .expect("sent");
    let conversation = conversation_of(&gp, &room_id).await;
    let event_id = eventually("the photo at the GP", || async {
        conversation
            .messages()
            .await
            .into_iter()
            .find_map(|m| matches!(m.kind, MessageKind::Photo { .. }).then_some(m.event_id?))
    })
    .await;
    let result = conversation
        .photo(&MessageRef::Event(event_id), PhotoSize::Full)
        .await;
    assert!(
        matches!(
            result,
            Err(PhotoError::TooManyPixels { width: 30_000, height: 30_000, limit })
                if limit == MAX_RECEIVED_PIXELS
        ),
        "{result:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_removal_sync_has_not_shown_replaces_no_key_and_says_so() {
    let hs = Homeserver::shared().expect("synapse");
    let url = hs.url();
    let gp = Doctor::register(&url, "gp").await;
    let derm = Doctor::register(&url, "derm").await;
    let room_id = crate::support::shared_case(&gp, &derm, header_with(&marker("REMOVAL"))).await;
    let case = case_seen_by(&gp, &room_id).await;
    wait_membership(
        &case,
        &derm.user_id,
        Membership::Joined,
        "the derm joined at the GP",
    )
    .await;
    // The GP's phone stops syncing: the homeserver removes the derm, this device cannot see it.
    gp.client.stop_sync().await;
    let result = case.remove(&derm.user_id).await;
    assert!(
        matches!(result, Err(CaseError::RemovalNotConfirmed)),
        "{result:?}"
    );
    // Once sync runs again, the removal shows on the GP's phone, and trying again completes it
    // (the room key is replaced then).
    gp.client.start_sync().await.expect("sync again");
    wait_membership(
        &case,
        &derm.user_id,
        Membership::Left,
        "the removal seen by the GP",
    )
    .await;
    case.remove(&derm.user_id).await.expect("removal completed");
}

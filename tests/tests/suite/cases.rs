//! A GP opens a case, a dermatologist invited afterwards reads everything, answers, and the
//! homeserver never sees the clinical content.

use futures_util::StreamExt;
use innomed_core::{CaseAction, CaseError, CaseRole, CaseStatus, Membership, MessageKind};
use innomed_harness::Homeserver;

use crate::support::{case_seen_by, eventually, header_with, load_all, marker, texts, Doctor};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn specialist_invited_later_reads_header_and_history_and_server_sees_no_marker() {
    crate::support::init_logs();
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let derm = Doctor::register(&hs.url(), "derm").await;
    let secret = marker("CASEMARK");

    // The GP opens the case and writes before inviting anyone.
    let case = gp
        .client
        .create_case(header_with(&secret))
        .await
        .expect("case created");
    let room_id = case.room_id().to_string();
    let gp_conversation = case.conversation().await.expect("timeline");
    gp_conversation
        .send_text(&format!("first {secret}"))
        .await
        .expect("queued");
    gp_conversation
        .send_text(&format!("**second** {secret}"))
        .await
        .expect("queued");
    eventually("both GP messages sent", || async {
        let m = gp_conversation.messages().await;
        let sent = m
            .iter()
            .filter(|m| matches!(m.kind, MessageKind::Text { .. }) && m.event_id.is_some());
        (sent.count() == 2).then_some(())
    })
    .await;
    case.invite(&derm.user_id).await.expect("invite");

    // The dermatologist sees the invitation in the live list, then accepts.
    let mut list = derm.client.case_list().subscribe();
    let invited = tokio::time::timeout(crate::support::WAIT, async {
        while let Some(cases) = list.next().await {
            if let Some(c) = cases
                .into_iter()
                .find(|c| c.room_id.as_str() == room_id && c.membership == Membership::Invited)
            {
                return Some(c);
            }
        }
        None
    })
    .await
    .expect("the invitation reaches the live list in time")
    .expect("the list stream ended");
    assert_eq!(
        invited.inviter.as_deref().map(|u| u.as_str()),
        Some(gp.user_id.as_str())
    );
    // The invitation already says what is asked (status is prejoin state), nothing more.
    assert_eq!(invited.specialty.as_deref(), Some("dermatology"));
    assert!(invited.last_message.is_none());
    let derm_case = case_seen_by(&derm, invited.room_id.as_str()).await;
    derm_case.accept().await.expect("accept");

    // Everything sent before the invitation decrypts, and says who shared it.
    let derm_conversation = derm_case.conversation().await.expect("timeline");
    let header = eventually("the header to decrypt", || async {
        load_all(&derm_conversation).await;
        derm_conversation
            .messages()
            .await
            .into_iter()
            .find_map(|m| match m.kind {
                MessageKind::Header { header: h } => Some((h, m.shared_by)),
                _ => None,
            })
    })
    .await;
    assert_eq!(header.0.question, format!("excision? {secret}"));
    assert_eq!(header.0.patient_label, format!("P.{secret}"));
    assert_eq!(
        header.1.as_ref().map(|u| u.as_str()),
        Some(gp.user_id.as_str()),
        "history shared by the GP"
    );
    let earlier = eventually("the two earlier messages", || async {
        let t = texts(&derm_conversation).await;
        (t.len() >= 2).then_some(t)
    })
    .await;
    assert_eq!(
        earlier,
        vec![format!("first {secret}"), format!("**second** {secret}")]
    );
    assert_eq!(
        derm_case.header().await.expect("header").map(|h| h.reason),
        Some(format!("lesion {secret}"))
    );

    // The dermatologist reads the case: the GP sees it on the latest message.
    derm_conversation.mark_read().await.expect("receipt");
    eventually("the GP sees the dermatologist read the case", || async {
        let read = gp_conversation
            .messages()
            .await
            .into_iter()
            .any(|m| m.read_by.iter().any(|u| u.as_str() == derm.user_id));
        read.then_some(())
    })
    .await;

    // The dermatologist answers in reply to the first message.
    let first_id = derm_conversation
        .messages()
        .await
        .into_iter()
        .find(|m| matches!(&m.kind, MessageKind::Text { body, .. } if body.starts_with("first")))
        .and_then(|m| m.event_id)
        .expect("first message id");
    derm_conversation
        .reply(&first_id, &format!("answer {secret}"))
        .await
        .expect("reply");
    let answer = eventually("the answer at the GP", || async {
        gp_conversation.messages().await.into_iter().find(|m| {
            matches!(&m.kind, MessageKind::Text { body, .. } if body == &format!("answer {secret}"))
        })
    })
    .await;
    assert_eq!(answer.in_reply_to.as_ref(), Some(&first_id));

    // The GP edits a message; the dermatologist sees the new text, marked edited.
    let second_id = gp_conversation
        .messages()
        .await
        .into_iter()
        .find(|m| matches!(&m.kind, MessageKind::Text { body, .. } if body.contains("second")))
        .and_then(|m| m.event_id)
        .expect("second message id");
    gp_conversation
        .edit(&second_id, &format!("second, corrected {secret}"))
        .await
        .expect("edit");
    eventually("the edit at the dermatologist", || async {
        derm_conversation.messages().await.into_iter().find(|m| {
            m.edited
                && matches!(&m.kind, MessageKind::Text { body, .. } if body.contains("corrected"))
        })
    })
    .await;

    // Only the GP who opened the case changes its status (the homeserver refuses anyone
    // else); the GP marks it answered and the case list shows it, with the specialty and the
    // last message.
    assert!(matches!(
        derm_case.set_status(CaseStatus::Closed).await,
        Err(CaseError::NotAllowed)
    ));
    use CaseAction::*;
    let mine = case.allowed_actions().await.expect("actions");
    assert_eq!(
        mine.actions,
        vec![Write, MarkAnswered, Close, Invite, Remove]
    );
    assert_eq!(mine.deadline, None, "no deadline between colleagues");
    let hers = derm_case.allowed_actions().await.expect("actions");
    assert_eq!((hers.role, hers.actions), (CaseRole::Member, vec![Write]));
    case.set_status(CaseStatus::Answered).await.expect("status");
    eventually("answered status in the GP's list", || async {
        gp.client.case_list().current().await.into_iter().find(|c| {
            c.room_id.as_str() == room_id
                && c.status == Some(CaseStatus::Answered)
                && c.specialty.as_deref() == Some("dermatology")
                && c.last_message.is_some()
        })
    })
    .await;

    // What an attacker with the server's disk sees: no marker anywhere, no patient data in state.
    assert!(
        !hs.database_contains(&secret).expect("db scan"),
        "marker in Synapse's database"
    );
    assert!(
        !hs.log_contains(&secret).expect("log scan"),
        "marker in Synapse's log"
    );
    let rows = hs.event_json_rows().expect("event rows");
    let room_rows: Vec<_> = rows.iter().filter(|r| r.contains(&room_id)).collect();
    assert!(
        room_rows.iter().any(|r| r.contains("m.megolm.v1.aes-sha2")),
        "ciphertext events exist"
    );
    for row in &room_rows {
        let event: serde_json::Value = serde_json::from_str(row).expect("event json");
        if event.get("state_key").is_some() {
            let content = event["content"].to_string();
            for field in ["patient_label", "question", "reason", "P."] {
                assert!(
                    !content.contains(field) || event["type"] == "m.room.member",
                    "{field} in state: {content}"
                );
            }
        }
        assert_ne!(event["type"], "fr.innomed.case.header", "header in clear");
        assert_ne!(event["type"], "m.room.message", "message in clear");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn case_room_follows_the_protocol_and_invitations_can_be_declined() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    let cardio = Doctor::register(&hs.url(), "cardio").await;
    let case = gp
        .client
        .create_case(header_with(&marker("DECL")))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    assert!(case.code().starts_with("IM-"), "opaque name");

    // The room's state as the homeserver serves it.
    let token = gp.client.session().expect("session").access_token;
    let url = format!("{}/_matrix/client/v3/rooms/{room_id}/state", hs.url());
    let response = innomed_harness::http::request("GET", &url, None, Some(&token)).expect("state");
    let events = response.json().expect("state json");
    let state = |ty: &str| -> serde_json::Value {
        events
            .as_array()
            .and_then(|all| all.iter().find(|e| e["type"] == ty).cloned())
            .unwrap_or_else(|| panic!("{ty} missing"))
    };
    assert_eq!(state("m.room.create")["content"]["type"], "fr.innomed.case");
    assert_eq!(
        state("m.room.encryption")["content"]["algorithm"],
        "m.megolm.v1.aes-sha2"
    );
    assert_eq!(state("m.room.join_rules")["content"]["join_rule"], "invite");
    assert_eq!(
        state("m.room.history_visibility")["content"]["history_visibility"],
        "shared"
    );
    let status = state("fr.innomed.case.status")["content"].clone();
    assert_eq!(status["status"], "open");
    assert_eq!(status["specialty"], "dermatology");
    // Nothing of the header in any state event, the name included.
    for event in events.as_array().expect("state list") {
        let text = event.to_string();
        assert!(!text.contains("DECL"), "patient data in room state: {text}");
    }

    case.invite(&cardio.user_id).await.expect("invite");
    let invited = case_seen_by(&cardio, &room_id).await;
    eventually("invited membership", || async {
        (invited.membership() == Membership::Invited).then_some(())
    })
    .await;
    invited.decline().await.expect("decline");
    eventually("the declined case leaves the list", || async {
        cardio
            .client
            .case_list()
            .current()
            .await
            .iter()
            .all(|c| c.room_id.as_str() != room_id)
            .then_some(())
    })
    .await;
}

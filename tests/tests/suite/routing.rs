//! A request routed to several specialists: each reads only the brief (specialty, urgency, age
//! band, sex, question) until one takes it; the taker then receives the whole history, the
//! others never do, and nothing is encrypted into the request before it is handed over.

use std::time::Duration;

use innomed_core::{
    AgeBand, CaseAction, CaseRole, ConversationError, HandoverWait, Membership, MessageKind,
    PhotoSource, RequestPhoto, Sex,
};
use innomed_harness::{photos, Homeserver};

use crate::{
    cpts::Territory,
    support::{case_seen_by, conversation_of, eventually, load_all, marker},
};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn routed_specialists_read_only_the_brief_until_one_takes_the_request() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    t.both_dermatologists_on_duty().await;
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");

    let question = marker("BRIEFQ");
    let label = marker("LABEL");
    let mut request = t.request("dermatology", &question);
    request.header.patient_label = label.clone();
    request.photos = vec![RequestPhoto {
        source: PhotoSource::Bytes(photos::jpeg_of(&photos::marked_pixels())),
        caption: Some(marker("CAPTION")),
    }];
    let case = gp_cpts.open_request(request).await.expect("request opened");
    let room_id = case.room_id().to_string();

    // Nothing is written into the request while it waits for its taker.
    assert!(case.awaiting_handover().await.expect("hand-over state"));
    let mine = case.allowed_actions().await.expect("actions");
    assert!(mine.actions.is_empty(), "{mine:?}");
    assert_eq!(mine.handover, Some(HandoverWait::NotTaken));
    let gp_conversation = case.conversation().await.expect("conversation");
    assert!(matches!(
        gp_conversation.send_text(&marker("EARLY")).await,
        Err(ConversationError::NotHandedOver)
    ));

    // Both routed dermatologists read the brief, and only the brief.
    let derm_a = &t.derm_on_duty.doctor;
    let derm_b = &t.derm_off_duty.doctor;
    for derm in [derm_a, derm_b] {
        let invitation = case_seen_by(derm, &room_id).await;
        assert_eq!(invitation.membership(), Membership::Invited);
        let brief = eventually("the brief at a routed dermatologist", || async {
            invitation.request_brief().await
        })
        .await;
        assert_eq!(brief.question, question);
        assert_eq!(brief.specialty, "dermatology");
        assert_eq!(brief.age_band, AgeBand::Adult);
        assert_eq!(brief.sex, Sex::Female);
        assert_eq!(brief.requester.as_str(), t.gp.doctor.user_id);
        let theirs = invitation.allowed_actions().await.expect("actions");
        assert_eq!(theirs.role, CaseRole::Invited);
        assert_eq!(theirs.actions, vec![CaseAction::Take, CaseAction::Decline]);
        let row = eventually("the request in the case list", || async {
            derm.client
                .case_list()
                .current()
                .await
                .into_iter()
                .find(|c| c.room_id.as_str() == room_id && c.brief.is_some())
        })
        .await;
        assert_eq!(row.specialty.as_deref(), Some("dermatology"));
    }

    // The second one joins without taking it (as a raw client could): the header and the
    // photo were encrypted before anyone was invited, and no key ever reached her device.
    let b_case = case_seen_by(derm_b, &room_id).await;
    b_case.accept().await.expect("joined without taking");
    eventually("taking is all she may do", || async {
        let hers = b_case.allowed_actions().await.ok()?;
        (hers.role == CaseRole::Member && hers.actions == vec![CaseAction::Take]).then_some(())
    })
    .await;
    let b_conversation = conversation_of(derm_b, &room_id).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    load_all(&b_conversation).await;
    let seen = b_conversation.messages().await;
    let undecryptable = seen
        .iter()
        .filter(|m| matches!(m.kind, MessageKind::UnableToDecrypt { .. }))
        .count();
    assert!(
        undecryptable >= 2,
        "header and photo stay encrypted: {seen:?}"
    );
    assert!(!seen.iter().any(|m| matches!(
        m.kind,
        MessageKind::Header { .. } | MessageKind::Photo { .. }
    )));

    // The first one takes it: the GP's device withdraws the other and hands the history over.
    let a_case = case_seen_by(derm_a, &room_id).await;
    a_case.take_request().await.expect("taken");
    // Neither specialist is verified or attested for the GP: nothing is handed over until he
    // confirms the taker.
    eventually("the GP asked to confirm the taker", || async {
        let mine = case.allowed_actions().await.ok()?;
        (mine.handover == Some(innomed_core::HandoverWait::ConfirmTaker)).then_some(())
    })
    .await;
    assert!(a_case.awaiting_handover().await.expect("read"));
    case.confirm_member(&derm_a.user_id)
        .await
        .expect("confirmed");
    eventually("the hand-over at the taker", || async {
        (!a_case.awaiting_handover().await.ok()?).then_some(())
    })
    .await;
    eventually("the other dermatologist withdrawn", || async {
        let c = derm_b.client.case(&room_id).ok()?;
        (c.membership() == Membership::Left).then_some(())
    })
    .await;
    let a_conversation = conversation_of(derm_a, &room_id).await;
    eventually(
        "the header and the photo decrypted by the taker",
        || async {
            load_all(&a_conversation).await;
            let messages = a_conversation.messages().await;
            let header = messages
                .iter()
                .any(|m| matches!(&m.kind, MessageKind::Header { header: h } if h.patient_label == label));
            let photo = messages
                .iter()
                .any(|m| matches!(m.kind, MessageKind::Photo { .. }));
            (header && photo).then_some(())
        },
    )
    .await;

    // From now on the GP writes, and only the taker reads it.
    let after = marker("AFTER");
    eventually("the GP's device to see the hand-over", || async {
        (!case.awaiting_handover().await.ok()?).then_some(())
    })
    .await;
    gp_conversation.send_text(&after).await.expect("sent");
    crate::support::wait_for_text(&a_conversation, &after).await;
    assert!(!crate::support::texts(&b_conversation)
        .await
        .iter()
        .any(|t| t.contains(&after)));
}

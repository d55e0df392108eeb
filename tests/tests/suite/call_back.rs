//! Call back: a GP asks to be called back on their professional number. Only the specialist who
//! takes the request reads it (not the brief's readers, not the homeserver), their app offers to
//! call it, and the case records that a call was placed, nothing of what was said.

use innomed_core::{CptsError, MessageKind, RequestProblem};
use innomed_harness::Homeserver;

use crate::{
    cpts::{gp_confirms_taker, handed_over, Territory},
    support::{case_seen_by, conversation_of, eventually, load_all, marker},
};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn only_the_taker_reads_the_number_to_call_back_and_the_call_is_recorded() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");
    let derm = &t.derm_on_duty.doctor;

    // Not a number: a typed error, and nothing opened.
    for typed in ["appelez-moi", "06 12", "+33 6 12 34 56 78 90"] {
        let mut bad = t.request("dermatology", &marker("BADPHONE"));
        bad.call_back = Some(typed.into());
        let err = gp_cpts.open_request(bad).await.expect_err("refused");
        assert!(
            matches!(err, CptsError::InvalidRequest(RequestProblem::InvalidPhone)),
            "{typed}: {err:?}"
        );
    }
    assert!(t.gp.doctor.client.case_list().current().await.is_empty());

    // A number only this test uses, as a GP types it.
    let digits = format!("6{:08}", rand_digits());
    let typed = format!(
        "0{} {} {} {} {}",
        &digits[0..1],
        &digits[1..3],
        &digits[3..5],
        &digits[5..7],
        &digits[7..9]
    );
    let mut request = t.request("dermatology", &marker("CALLME"));
    request.call_back = Some(typed.clone());
    let case = gp_cpts.open_request(request).await.expect("request opened");
    let room_id = case.room_id().to_string();

    // Routed, not taken: the brief does not carry it and the invitation cannot read it.
    let invitation = case_seen_by(derm, &room_id).await;
    let brief = eventually("the brief at the specialist", || async {
        invitation.request_brief().await
    })
    .await;
    assert!(!format!("{brief:?}").contains(&digits), "{brief:?}");
    assert!(matches!(invitation.call_back().await, Ok(None) | Err(_)));

    // Taken and handed over: the taker reads it, formatted to dial and to read.
    invitation.take_request().await.expect("taken");
    gp_confirms_taker(&case, &derm.user_id).await;
    let taker = derm.client.case(&room_id).expect("joined");
    handed_over(&taker).await;
    let number = eventually("the number at the taker", || async {
        taker.call_back().await.ok().flatten()
    })
    .await;
    assert_eq!(number.phone, format!("+33{digits}"));
    assert_eq!(number.display, typed);

    // She calls: every member's conversation shows that she did, and when.
    taker.record_call().await.expect("call recorded");
    let conversation = conversation_of(&t.gp.doctor, &room_id).await;
    eventually("the call shown on the GP's phone", || async {
        load_all(&conversation).await;
        conversation
            .messages()
            .await
            .iter()
            .any(|m| m.sender.as_str() == derm.user_id && m.kind == MessageKind::Call)
            .then_some(())
    })
    .await;
    // The GP's own conversation shows the number as his request.
    assert!(conversation.messages().await.iter().any(|m| matches!(
        &m.kind,
        MessageKind::CallBack { call_back } if call_back.phone == number.phone
    )));

    // The homeserver never held the number in clear, in any form.
    for form in [typed.clone(), number.phone.clone()] {
        assert!(
            !hs.database_contains(&form).expect("database scanned"),
            "{form} in the homeserver's database"
        );
    }
}

/// Eight digits of a number no other test uses.
fn rand_digits() -> u32 {
    use rand::Rng;
    rand::thread_rng().gen_range(0..100_000_000)
}

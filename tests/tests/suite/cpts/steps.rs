//! Steps of a request that several suites take the same way.

use innomed_core::{Advice, CaseRoom, HandoverWait, Membership};

use crate::support::eventually;

/// Who is invited into `case` now, as its members list says.
pub(crate) async fn invited_in(case: &CaseRoom) -> Vec<String> {
    case.members()
        .await
        .expect("members")
        .into_iter()
        .filter(|m| m.membership == Membership::Invited)
        .map(|m| m.user_id.to_string())
        .collect()
}

/// The taker sends `advice`; the GP's device decrypts the same.
pub(crate) async fn advice_reaches_the_gp(taker: &CaseRoom, gp_case: &CaseRoom, advice: &Advice) {
    taker.send_advice(advice.clone()).await.expect("advice");
    let given = eventually("the advice decrypted on the GP's phone", || async {
        gp_case.advice().await.ok().flatten()
    })
    .await;
    assert_eq!(&given.advice, advice);
}

/// The GP's device asks to confirm the specialist who took the request; the GP confirms her.
pub(crate) async fn gp_confirms_taker(gp_case: &CaseRoom, taker: &str) {
    eventually("the GP asked to confirm the taker", || async {
        let mine = gp_case.allowed_actions().await.ok()?;
        (mine.handover == Some(HandoverWait::ConfirmTaker)).then_some(())
    })
    .await;
    gp_case
        .confirm_member(taker)
        .await
        .expect("taker confirmed");
}

/// Waits until the taker's device reads the request as handed over to her.
pub(crate) async fn handed_over(taker: &CaseRoom) {
    eventually("the request handed over to its taker", || async {
        (!taker.awaiting_handover().await.ok()?).then_some(())
    })
    .await;
}

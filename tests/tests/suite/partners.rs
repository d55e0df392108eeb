//! Partner CPTS across a closed federation: each coordinator on their own homeserver declares
//! the other; until both did, the partner's directory stays closed and its specialists out of
//! reach; then a GP of one CPTS with nobody on duty reaches the partner's dermatologist on duty,
//! and the advice comes back; a withdrawal closes it again. A request's next step goes to the
//! partner's specialist when nobody of the GP's CPTS is on duty then, with the GP's phone off.

use std::sync::Arc;

use innomed_core::{
    cpts::{paris::to_unix_ms, Clock, ManualClock},
    Advice, CptsError, InPerson, NewMember, NextStepState, Permanence, Profession, RoutingWindows,
    Urgency, Weekday,
};
use innomed_harness::Federation;

use crate::{
    cpts::{advice_reaches_the_gp, fresh_rpps, gp_confirms_taker, handed_over, slot},
    support::{case_seen_by, eventually, marker, Doctor},
};

/// Adds `doctor` to `cpts`'s directory and joins them to its space.
pub(crate) async fn member(
    cpts: &innomed_core::Cpts,
    doctor: &Doctor,
    name: &str,
    specialty: &str,
) {
    cpts.add_member(
        &doctor.user_id,
        NewMember {
            display_name: name.to_owned(),
            profession: Profession::Physician,
            specialties: vec![specialty.to_owned()],
            rpps: fresh_rpps().to_string(),
            retired: false,
        },
    )
    .await
    .expect("member added");
    let space_id = cpts.space_id().to_string();
    eventually("the CPTS invitation", || async {
        doctor.client.cpts(&space_id).ok()
    })
    .await
    .join()
    .await
    .expect("joined");
}

/// `first` declares `second`, whose coordinator, once invited, declares `first` in return: the
/// partnership holds.
pub(crate) async fn agree(
    (first, first_coord): (&innomed_core::Cpts, &Doctor),
    (second, second_coord): (&innomed_core::Cpts, &Doctor),
) {
    let (first_id, second_id) = (first.space_id().to_string(), second.space_id().to_string());
    first
        .declare_partner(&second_id, &second_coord.user_id)
        .await
        .expect("declared");
    eventually("the invitation at the partner's coordinator", || async {
        second_coord.client.cpts(&first_id).ok()
    })
    .await;
    let agreed = second
        .declare_partner(&first_id, &first_coord.user_id)
        .await
        .expect("declared in return");
    assert!(agreed.agreed);
}

fn request(question: &str) -> innomed_core::TeleExpertiseRequest {
    crate::cpts::request_for("dermatology", question)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_partner_cpts_lends_its_specialist_on_duty_once_both_coordinators_agree() {
    let federation = Federation::shared().expect("federation");
    let (home, away) = (federation.partner(0).url(), federation.partner(1).url());
    // Monday 23 November 2026, 14:05 in Paris.
    let clock = ManualClock::new(to_unix_ms(2026, 11, 23, 14, 5).expect("date"));
    let coord_a = Doctor::register(&home, "coord-a").await;
    let gp = Doctor::register(&home, "gp-a").await;
    let coord_b = Doctor::register(&away, "coord-b").await;
    let derm = Doctor::register(&away, "derm-b").await;
    for doctor in [&gp, &derm] {
        doctor.client.set_clock(clock.clone() as Arc<dyn Clock>);
    }
    let a = coord_a.client.create_cpts("CPTS du Nord").await.expect("A");
    let b = coord_b.client.create_cpts("CPTS du Sud").await.expect("B");
    let (a_id, b_id) = (a.space_id().to_string(), b.space_id().to_string());
    member(&a, &gp, "Dr Gaëlle Généraliste", "general_practice").await;
    member(&b, &derm, "Dr Denis Derme", "dermatology").await;
    b.set_duty(
        &derm.user_id,
        vec![slot("dermatology", Weekday::Monday, 14, 18)],
    )
    .await
    .expect("rota");
    let gp_a = gp.client.cpts(&a_id).expect("A at the GP");

    // Nobody on duty in A, no partner yet.
    let err = gp_a
        .open_request(request(&marker("Q0")))
        .await
        .expect_err("refused");
    assert!(matches!(err, CptsError::NoOneOnDuty { .. }), "{err:?}");

    // Bad input: a CPTS is not its own partner; a member does not declare; an undeclared space
    // is not a partner.
    let err = a
        .declare_partner(&a_id, &coord_b.user_id)
        .await
        .expect_err("refused");
    assert!(matches!(err, CptsError::NotAPartner), "{err:?}");
    let err = gp_a
        .declare_partner(&b_id, &coord_b.user_id)
        .await
        .expect_err("refused");
    assert!(matches!(err, CptsError::NotAllowed), "{err:?}");
    let err = gp_a.partner_cpts(&b_id).await.expect_err("refused");
    assert!(matches!(err, CptsError::NotAPartner), "{err:?}");

    // A coordinator on a server outside the network: refused, nothing of it written.
    let outsider = federation.outsider().expect("outsider");
    let stranger = Doctor::register(&outsider.url(), "coord-x").await;
    let err = a
        .declare_partner(&b_id, &stranger.user_id)
        .await
        .expect_err("refused");
    assert!(matches!(err, CptsError::OutsideNetwork), "{err:?}");
    assert!(a.partners().await.expect("partners").is_empty());

    // A declares B: one side only.
    let declared = a
        .declare_partner(&b_id, &coord_b.user_id)
        .await
        .expect("A declares B");
    assert!(!declared.agreed);
    let err = gp_a.partner_cpts(&b_id).await.expect_err("refused");
    assert!(matches!(err, CptsError::PartnerNotAgreed), "{err:?}");
    let err = gp_a
        .open_request(request(&marker("Q1")))
        .await
        .expect_err("refused");
    assert!(matches!(err, CptsError::NoOneOnDuty { .. }), "{err:?}");

    // B declares A in return: its coordinator sits in A's space, and the partnership holds.
    eventually("A's invitation at B's coordinator", || async {
        coord_b.client.cpts(&a_id).ok()
    })
    .await;
    let confirmed = b
        .declare_partner(&a_id, &coord_a.user_id)
        .await
        .expect("B declares A");
    assert!(confirmed.agreed, "A declared B first");
    assert_eq!(confirmed.name, "CPTS du Nord");
    let partners = eventually("A sees B agree", || async {
        let partners = a.partners().await.ok()?;
        partners.iter().all(|p| p.agreed).then_some(partners)
    })
    .await;
    assert_eq!(partners.len(), 1);
    assert_eq!(partners[0].space_id.as_str(), b_id);

    // The GP reads B's directory and rota; B is not listed among the GP's own CPTS.
    let b_at_gp = gp_a.partner_cpts(&b_id).await.expect("B readable");
    let directory = b_at_gp.directory().await.expect("B's directory");
    assert!(directory.iter().any(|m| m.user_id.as_str() == derm.user_id));
    let on_duty = b_at_gp.on_duty_now("dermatology").await.expect("B's rota");
    assert_eq!(on_duty[0].user_id.as_str(), derm.user_id);
    let own: Vec<String> = gp
        .client
        .cpts_spaces()
        .iter()
        .map(|c| c.space_id().to_string())
        .collect();
    assert_eq!(
        own,
        std::slice::from_ref(&a_id),
        "a partner's space is not the GP's CPTS"
    );

    // Nobody on duty in A: the request goes to B's dermatologist, across the federation.
    let question = marker("PARTNERQ");
    let case = gp_a
        .open_request(request(&question))
        .await
        .expect("routed to the partner");
    let room_id = case.room_id().to_string();
    let invitation = case_seen_by(&derm, &room_id).await;
    let brief = eventually("the brief at the partner's dermatologist", || async {
        invitation.request_brief().await
    })
    .await;
    assert_eq!(brief.question, question);
    invitation.take_request().await.expect("taken");
    gp_confirms_taker(&case, &derm.user_id).await;
    let taker = derm.client.case(&room_id).expect("joined");
    handed_over(&taker).await;
    let advice = Advice {
        assessment: marker("PARTNERADVICE"),
        recommendation: "Exérèse programmée".into(),
        in_person: InPerson::NotNeeded,
    };
    advice_reaches_the_gp(&taker, &case, &advice).await;

    // B withdraws: its directory closes to A's members and requests stop going there.
    b.withdraw_partner(&a_id).await.expect("withdrawn");
    eventually("B closed to the GP", || async {
        matches!(
            gp_a.partner_cpts(&b_id).await,
            Err(CptsError::PartnerNotAgreed)
        )
        .then_some(())
    })
    .await;
    let err = gp_a
        .open_request(request(&marker("Q2")))
        .await
        .expect_err("refused");
    assert!(matches!(err, CptsError::NoOneOnDuty { .. }), "{err:?}");
}

/// A one-off permanence in dermatology on Monday 23 November 2026, Paris time.
fn permanence(from_hour: u16, to_hour: u16) -> Permanence {
    Permanence {
        specialty: "dermatology".into(),
        day: "2026-11-23".into(),
        start_minute: from_hour * 60,
        end_minute: to_hour * 60,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_next_step_goes_to_the_partner_cpts_with_the_gps_phone_off() {
    let federation = Federation::shared().expect("federation");
    let (home, away) = (federation.partner(0).url(), federation.partner(1).url());
    // 13:59:50: derm-a (CPTS A) holds a permanence until 14:00, derm-b (partner CPTS B) one
    // from 14:00; A's urgent requests wait 5 seconds.
    let clock = ManualClock::new(to_unix_ms(2026, 11, 23, 13, 59).expect("date") + 50_000);
    let coord_a = Doctor::register(&home, "coord-a").await;
    let gp = Doctor::register(&home, "gp-a").await;
    let derm_a = Doctor::register(&home, "derm-a").await;
    let coord_b = Doctor::register(&away, "coord-b").await;
    let derm_b = Doctor::register(&away, "derm-b").await;
    for doctor in [&coord_a, &gp, &derm_a, &coord_b, &derm_b] {
        doctor.client.set_clock(clock.clone() as Arc<dyn Clock>);
    }
    let a = coord_a.client.create_cpts("CPTS du Nord").await.expect("A");
    let b = coord_b.client.create_cpts("CPTS du Sud").await.expect("B");
    let (a_id, b_id) = (a.space_id().to_string(), b.space_id().to_string());
    member(&a, &gp, "Dr Gaëlle Généraliste", "general_practice").await;
    member(&a, &derm_a, "Dr Annie Derme", "dermatology").await;
    member(&b, &derm_b, "Dr Denis Derme", "dermatology").await;
    a.set_routing_windows(RoutingWindows {
        urgent_ms: 5_000,
        ..RoutingWindows::default()
    })
    .await
    .expect("windows");
    for (doctor, space, hours) in [(&derm_a, &a_id, (13, 14)), (&derm_b, &b_id, (14, 15))] {
        doctor
            .client
            .cpts(space)
            .expect("own CPTS")
            .add_permanence(permanence(hours.0, hours.1))
            .await
            .expect("permanence");
    }
    agree((&a, &coord_a), (&b, &coord_b)).await;

    // The request goes to derm-a now; its next step, planned on the GP's phone, to derm-b at
    // 14:00, nobody of A being on duty then.
    let gp_a = gp.client.cpts(&a_id).expect("A at the GP");
    let question = marker("PARTNERNEXT");
    let mut urgent = request(&question);
    urgent.urgency = Urgency::Urgent;
    let case = gp_a.open_request(urgent).await.expect("request");
    let room_id = case.room_id().to_string();
    let step = case.next_step().await.expect("a next step");
    let next: Vec<String> = step.specialists.iter().map(|u| u.to_string()).collect();
    assert_eq!(next, std::slice::from_ref(&derm_b.user_id));
    assert_eq!(step.state, NextStepState::Planned);
    case_seen_by(&derm_a, &room_id).await;

    // The GP's phone goes off: A's homeserver invites derm-b across the federation and alerts
    // A's coordinator; the brief was already on derm-b's phone.
    gp.client.stop_sync().await;
    let invitation = case_seen_by(&derm_b, &room_id).await;
    let brief = eventually("the brief at the partner's dermatologist", || async {
        invitation.request_brief().await
    })
    .await;
    assert_eq!(brief.question, question);
    let alert = eventually("A's coordinator alerted", || async {
        a.unanswered_requests()
            .await
            .ok()?
            .into_iter()
            .find(|alert| alert.room_id.as_str() == room_id)
    })
    .await;
    let next: Vec<String> = alert.next.iter().map(|u| u.to_string()).collect();
    assert_eq!(next, std::slice::from_ref(&derm_b.user_id));

    // derm-b takes it; when the GP's phone is back, the request is handed over to her.
    invitation.take_request().await.expect("taken");
    gp.client.start_sync().await.expect("sync again");
    gp_confirms_taker(&case, &derm_b.user_id).await;
    handed_over(&invitation).await;
    let advice = Advice {
        assessment: marker("NEXTADVICE"),
        recommendation: "Dermoscopie".into(),
        in_person: InPerson::NotNeeded,
    };
    advice_reaches_the_gp(&invitation, &case, &advice).await;
}

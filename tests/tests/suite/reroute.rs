//! Requests never wait unseen, against the real Synapse: the next step of a request's routing
//! goes out from the homeserver when the CPTS's window passes, with the GP's phone off; it goes
//! at once when every routed specialist declined; it never goes once the request is taken. The
//! coordinator is alerted each time it goes, and never otherwise.

use innomed_core::{
    cpts::paris::to_unix_ms, CptsError, DeadlineState, Membership, MessageKind, NextStepState,
    NotificationKind, Permanence, RequestProblem, RoutingWindows, Urgency,
};
use innomed_harness::{Homeserver, PushGateway};

use crate::{
    cpts::{gp_confirms_taker, handed_over, Territory},
    push::{push_for, pusher},
    support::{case_seen_by, conversation_of, eventually, load_all, marker},
};

fn permanence(from: (u16, u16), to: (u16, u16)) -> Permanence {
    Permanence {
        specialty: "dermatology".into(),
        day: "2026-11-23".into(),
        start_minute: from.0 * 60 + from.1,
        end_minute: to.0 * 60 + to.1,
    }
}

/// Monday 23 November 2026, 13:59:50 in Paris; urgent requests wait 5 seconds; derm-a holds a
/// permanence until 14:00, derm-b (the retired one) one from 14:00: a request opened now goes to
/// derm-a, and its next step to derm-b at 14:00, ten seconds later.
async fn just_before_two(url: &str) -> Territory {
    let t = Territory::new(url).await;
    t.clock
        .set(to_unix_ms(2026, 11, 23, 13, 59).expect("date") + 50_000);
    let coordinator = t.coordinator.client.cpts(&t.space_id).expect("space");
    coordinator
        .set_routing_windows(RoutingWindows {
            urgent_ms: 5_000,
            ..RoutingWindows::default()
        })
        .await
        .expect("windows");
    let a = t
        .derm_on_duty
        .doctor
        .client
        .cpts(&t.space_id)
        .expect("space");
    a.add_permanence(permanence((13, 0), (14, 0)))
        .await
        .expect("derm-a until two");
    let b = t
        .derm_off_duty
        .doctor
        .client
        .cpts(&t.space_id)
        .expect("space");
    b.add_permanence(permanence((14, 0), (15, 0)))
        .await
        .expect("derm-b from two");
    t
}

fn urgent(t: &Territory, question: &str) -> innomed_core::TeleExpertiseRequest {
    let mut request = t.request("dermatology", question);
    request.urgency = Urgency::Urgent;
    request
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_next_step_goes_out_with_the_gps_phone_off() {
    let hs = Homeserver::shared().expect("synapse");
    let t = just_before_two(&hs.url()).await;
    let gp = &t.gp.doctor;
    let derm_a = &t.derm_on_duty.doctor;
    let derm_b = &t.derm_off_duty.doctor;
    // The coordinator's phone and a member's: only the coordinator's rings for the alert.
    let gateway = PushGateway::start().expect("push gateway");
    for (client, pushkey) in [
        (&t.coordinator.client, "coord-phone"),
        (&derm_a.client, "derm-a-phone"),
    ] {
        client
            .register_pusher(&pusher(&gateway, pushkey))
            .await
            .expect("pusher");
    }
    let question = marker("Q");
    let gp_cpts = gp.client.cpts(&t.space_id).expect("space");
    let case = gp_cpts
        .open_request(urgent(&t, &question))
        .await
        .expect("request");
    let room_id = case.room_id().to_string();
    let step = case.next_step().await.expect("a next step");
    assert_eq!(step.state, NextStepState::Planned);
    let next: Vec<_> = step.specialists.iter().map(|u| u.to_string()).collect();
    assert_eq!(next, std::slice::from_ref(&derm_b.user_id));
    assert_eq!(
        step.at_ms,
        u64::try_from(to_unix_ms(2026, 11, 23, 14, 0).expect("date")).expect("positive")
    );
    // Nothing shows at derm-b before the step: no invitation, the brief kept unshown.
    assert!(derm_b.client.case(&room_id).is_err());
    case_seen_by(derm_a, &room_id).await;

    // The GP's phone goes off; the homeserver acts on its own.
    gp.client.stop_sync().await;
    let invitation = case_seen_by(derm_b, &room_id).await;
    assert_eq!(invitation.membership(), Membership::Invited);
    let brief = eventually("the brief at the next step's specialist", || async {
        invitation.request_brief().await
    })
    .await;
    assert_eq!(brief.question, question);
    assert_eq!(brief.requester.as_str(), gp.user_id);
    let coordinator = t.coordinator.client.cpts(&t.space_id).expect("space");
    let alert = eventually("the coordinator's alert", || async {
        coordinator
            .unanswered_requests()
            .await
            .ok()?
            .into_iter()
            .find(|a| a.room_id.as_str() == room_id)
    })
    .await;
    assert_eq!(alert.requester.as_str(), gp.user_id);
    assert_eq!(alert.specialty, "dermatology");
    assert_eq!(alert.urgency, Urgency::Urgent);
    let next: Vec<_> = alert.next.iter().map(|u| u.to_string()).collect();
    assert_eq!(next, std::slice::from_ref(&derm_b.user_id));
    // The alert rang the coordinator's phone, which writes the case code and nothing else.
    let push = push_for(&gateway, "coord-phone", &t.space_id).await;
    let line = t
        .coordinator
        .client
        .notification(
            push["room_id"].as_str().expect("room"),
            push["event_id"].as_str().expect("event"),
        )
        .await
        .expect("the alert read on the coordinator's phone");
    assert_eq!(line.kind, NotificationKind::Unanswered);
    assert_eq!(line.case_code, case.code());
    assert_eq!(
        line.lock_screen_fr,
        format!("Demande sans réponse — dossier {}", case.code())
    );
    assert!(
        !gateway.received().iter().any(|p| {
            let n = &p["notification"];
            n["devices"][0]["pushkey"] == "derm-a-phone" && n["room_id"] == t.space_id.as_str()
        }),
        "a member who does not coordinate gets no push from the space"
    );

    // derm-b takes it; when the GP's phone is back, the hand-over goes to her.
    invitation.take_request().await.expect("taken");
    gp.client.start_sync().await.expect("sync again");
    gp_confirms_taker(&case, &derm_b.user_id).await;
    handed_over(&invitation).await;
    eventually("derm-a withdrawn", || async {
        let c = derm_a.client.case(&room_id).ok()?;
        (c.membership() == Membership::Left).then_some(())
    })
    .await;
    let conversation = conversation_of(derm_b, &room_id).await;
    eventually("the header decrypted by the taker", || async {
        load_all(&conversation).await;
        conversation
            .messages()
            .await
            .iter()
            .any(|m| matches!(m.kind, MessageKind::Header { .. }))
            .then_some(())
    })
    .await;
    assert_eq!(
        case.next_step().await.map(|s| s.state),
        Some(NextStepState::Sent)
    );

    // The deadline's reminders, for the phones' schedulers: the taker twice, the GP once.
    let due = eventually("the taker's reminders", || async {
        let mine: Vec<_> = derm_b
            .client
            .reminder_schedule()
            .await
            .into_iter()
            .filter(|r| r.room_id.as_str() == room_id)
            .collect();
        (mine.len() == 2).then_some(mine)
    })
    .await;
    assert_eq!(due[0].state, DeadlineState::DueSoon);
    assert_eq!(due[1].state, DeadlineState::Overdue);
    // Urgent: due 24 hours after it was opened, reminded 6 hours before.
    assert_eq!(due[1].at_ms - due[0].at_ms, 6 * 3_600_000);
    let gp_reminders: Vec<_> = gp
        .client
        .reminder_schedule()
        .await
        .into_iter()
        .filter(|r| r.room_id.as_str() == room_id)
        .map(|r| (r.state, r.at_ms))
        .collect();
    assert_eq!(gp_reminders, [(DeadlineState::Overdue, due[1].at_ms)]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_taken_in_time_goes_no_further_and_one_declined_goes_at_once() {
    let hs = Homeserver::shared().expect("synapse");
    let t = just_before_two(&hs.url()).await;
    let gp = &t.gp.doctor;
    let derm_a = &t.derm_on_duty.doctor;
    let derm_b = &t.derm_off_duty.doctor;
    let gp_cpts = gp.client.cpts(&t.space_id).expect("space");
    let coordinator = t.coordinator.client.cpts(&t.space_id).expect("space");
    // A minute this time: derm-b's turn would come at 14:00:50.
    coordinator
        .set_routing_windows(RoutingWindows {
            urgent_ms: 60_000,
            ..RoutingWindows::default()
        })
        .await
        .expect("windows");

    // Taken by derm-a within the window: the homeserver confirms the step cancelled before
    // the hand-over.
    let taken = gp_cpts
        .open_request(urgent(&t, &marker("Q")))
        .await
        .expect("request");
    let taken_id = taken.room_id().to_string();
    let a_case = case_seen_by(derm_a, &taken_id).await;
    a_case.take_request().await.expect("taken");
    gp_confirms_taker(&taken, &derm_a.user_id).await;
    handed_over(&a_case).await;
    assert_eq!(
        taken.next_step().await.map(|s| s.state),
        Some(NextStepState::Cancelled)
    );

    // Declined by derm-a, the only one routed: the step goes at once, not a minute later.
    let declined = gp_cpts
        .open_request(urgent(&t, &marker("Q")))
        .await
        .expect("request");
    let declined_id = declined.room_id().to_string();
    let started = std::time::Instant::now();
    case_seen_by(derm_a, &declined_id)
        .await
        .decline()
        .await
        .expect("declined");
    case_seen_by(derm_b, &declined_id).await;
    assert!(
        started.elapsed() < std::time::Duration::from_secs(50),
        "the next step waited for its window"
    );
    eventually(
        "the coordinator's alert of the declined request",
        || async {
            coordinator
                .unanswered_requests()
                .await
                .ok()?
                .into_iter()
                .find(|a| a.room_id.as_str() == declined_id)
        },
    )
    .await;

    // The taken request reached neither derm-b nor the coordinator.
    assert!(derm_b.client.case(&taken_id).is_err());
    let alerts = coordinator.unanswered_requests().await.expect("alerts");
    assert!(alerts.iter().all(|a| a.room_id.as_str() != taken_id));

    // Windows outside their bounds are typed errors; a member cannot set them.
    assert!(matches!(
        coordinator
            .set_routing_windows(RoutingWindows {
                urgent_ms: 1_000,
                ..RoutingWindows::default()
            })
            .await,
        Err(CptsError::InvalidRequest(RequestProblem::RoutingWindow))
    ));
    assert!(matches!(
        gp_cpts.set_routing_windows(RoutingWindows::default()).await,
        Err(CptsError::NotAllowed)
    ));
}

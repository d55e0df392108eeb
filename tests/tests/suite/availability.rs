//! A specialist's own availability against the real Synapse: an absence takes the one on the
//! rota out of routing, a one-off permanence puts a colleague in; a member cannot write anyone
//! else's; a space created before members could declare is opened by the coordinator; bad
//! entries are typed errors.

use innomed_core::{Absence, AvailabilityProblem, CptsError, Membership, Permanence, SlotProblem};
use innomed_harness::{http, Homeserver};
use serde_json::json;

use crate::{
    cpts::Territory,
    support::{case_seen_by, marker},
};

const AVAILABILITY: &str = "fr.innomed.availability";

fn absence(first: &str, last: &str) -> Absence {
    Absence {
        first_day: first.into(),
        last_day: last.into(),
    }
}

fn permanence(specialty: &str, day: &str, from_hour: u16, to_hour: u16) -> Permanence {
    Permanence {
        specialty: specialty.into(),
        day: day.into(),
        start_minute: from_hour * 60,
        end_minute: to_hour * 60,
    }
}

fn problem<T: std::fmt::Debug>(result: Result<T, CptsError>) -> AvailabilityProblem {
    match result {
        Err(CptsError::InvalidAvailability(why)) => why,
        other => panic!("expected an invalid availability, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_absence_takes_a_specialist_out_of_routing_and_a_permanence_puts_one_in() {
    let hs = Homeserver::shared().expect("synapse");
    let url = hs.url();
    // Monday 23 November 2026, 14:05 in Paris: derm-a holds Mondays 14–18, derm-b Tuesdays.
    let t = Territory::new(&url).await;
    let derm_a = &t.derm_on_duty.doctor;
    let derm_b = &t.derm_off_duty.doctor;
    let a_cpts = derm_a.client.cpts(&t.space_id).expect("space");
    let b_cpts = derm_b.client.cpts(&t.space_id).expect("space");
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");
    let on_duty = || async {
        let found = gp_cpts.on_duty_now("dermatology").await.expect("on duty");
        found
            .into_iter()
            .map(|m| m.user_id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(on_duty().await, std::slice::from_ref(&derm_a.user_id));

    // derm-a is away today; derm-b, retired, holds an extra permanence this afternoon.
    let away = absence("2026-11-23", "2026-11-27");
    a_cpts.add_absence(away.clone()).await.expect("absence");
    let extra = permanence("dermatology", "2026-11-23", 14, 16);
    let declared = b_cpts
        .add_permanence(extra.clone())
        .await
        .expect("permanence");
    assert_eq!(declared.permanences, std::slice::from_ref(&extra));
    assert_eq!(on_duty().await, std::slice::from_ref(&derm_b.user_id));
    // Every member reads the same declarations (those to come by their own clock).
    let everyone = gp_cpts.availabilities().await.expect("availabilities");
    let mut declared: Vec<_> = everyone.iter().map(|a| a.user_id.to_string()).collect();
    declared.sort();
    let mut expected = vec![derm_a.user_id.clone(), derm_b.user_id.clone()];
    expected.sort();
    assert_eq!(declared, expected);

    // A request opened now is routed to derm-b only.
    let case = gp_cpts
        .open_request(t.request("dermatology", &marker("Q")))
        .await
        .expect("request");
    let room_id = case.room_id().to_string();
    let invitation = case_seen_by(derm_b, &room_id).await;
    assert_eq!(invitation.membership(), Membership::Invited);
    let members = case.members().await.expect("members");
    let invited: Vec<_> = members
        .iter()
        .filter(|m| m.membership == Membership::Invited)
        .map(|m| m.user_id.to_string())
        .collect();
    assert_eq!(invited, std::slice::from_ref(&derm_b.user_id));

    // At 16:00 the permanence is over and derm-a is still away: nobody.
    t.clock.advance_minutes(115);
    assert!(on_duty().await.is_empty());
    // derm-a withdraws the absence: back on the rota.
    let left = a_cpts
        .remove_absence(away.clone())
        .await
        .expect("withdrawn");
    assert!(left.absences.is_empty());
    assert_eq!(on_duty().await, std::slice::from_ref(&derm_a.user_id));

    // Bad entries are typed errors and change nothing.
    assert_eq!(
        problem(
            a_cpts
                .add_absence(absence("2026-11-20", "2026-11-22"))
                .await
        ),
        AvailabilityProblem::InThePast
    );
    assert_eq!(
        problem(
            a_cpts
                .add_absence(absence("23/11/2026", "2026-11-24"))
                .await
        ),
        AvailabilityProblem::BadDate
    );
    a_cpts
        .add_absence(absence("2026-12-21", "2027-01-03"))
        .await
        .expect("holidays");
    assert_eq!(
        problem(
            a_cpts
                .add_absence(absence("2026-12-28", "2027-01-10"))
                .await
        ),
        AvailabilityProblem::Overlapping
    );
    assert_eq!(
        problem(
            b_cpts
                .add_permanence(permanence("dermatology", "2026-11-23", 9, 12))
                .await
        ),
        AvailabilityProblem::InThePast
    );
    assert!(matches!(
        b_cpts
            .add_permanence(permanence("cardiology", "2026-11-28", 9, 12))
            .await,
        Err(CptsError::InvalidSlot(SlotProblem::NotMemberSpecialty))
    ));
    assert_eq!(
        problem(
            a_cpts
                .remove_absence(absence("2026-12-01", "2026-12-02"))
                .await
        ),
        AvailabilityProblem::NoSuchEntry
    );
    let mine = a_cpts.my_availability().await.expect("mine");
    assert_eq!(mine.absences, [absence("2026-12-21", "2027-01-03")]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nobody_declares_a_colleagues_availability() {
    let hs = Homeserver::shared().expect("synapse");
    let url = hs.url();
    let t = Territory::new(&url).await;
    let derm_a = &t.derm_on_duty.doctor;
    let derm_b = &t.derm_off_duty.doctor;
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");
    let state = |key: &str| {
        format!(
            "{url}/_matrix/client/v3/rooms/{}/state/{AVAILABILITY}/{key}",
            t.space_id
        )
    };
    let put = |key: &str, token: &str, body: serde_json::Value| {
        http::request("PUT", &state(key), Some(&body), Some(token)).expect("put")
    };
    // derm-b, with a raw client and her own token, marks derm-a away: the homeserver refuses.
    let b_token = derm_b.client.session().expect("session").access_token;
    let forged = json!({ "absences": [{ "first_day": "2026-11-23", "last_day": "2026-11-30" }] });
    let response = put(&derm_a.user_id, &b_token, forged.clone());
    assert_eq!(response.status, 403, "{}", response.body);
    // So does the coordinator, whatever their power.
    let coord_token = t
        .coordinator
        .client
        .session()
        .expect("session")
        .access_token;
    let response = put(&derm_a.user_id, &coord_token, forged.clone());
    assert_eq!(response.status, 403, "{}", response.body);
    // Under a state key that is not a user id the homeserver takes it, and no client believes
    // it; a permanence slipped into her own event for a specialty she does not have routes
    // nothing.
    let sideways = format!("member:{}", derm_a.user_id);
    assert_eq!(put(&sideways, &b_token, forged).status, 200);
    let cardio_token = t
        .cardiologist
        .doctor
        .client
        .session()
        .expect("session")
        .access_token;
    let own = put(
        &t.cardiologist.doctor.user_id,
        &cardio_token,
        json!({ "permanences": [{
            "specialty": "dermatology", "day": "2026-11-23", "start_minute": 0, "end_minute": 1440
        }] }),
    );
    assert_eq!(own.status, 200, "{}", own.body);
    let found = gp_cpts.on_duty_now("dermatology").await.expect("on duty");
    let ids: Vec<_> = found.iter().map(|m| m.user_id.to_string()).collect();
    assert_eq!(ids, std::slice::from_ref(&derm_a.user_id));
    let everyone = gp_cpts.availabilities().await.expect("availabilities");
    assert!(everyone
        .iter()
        .all(|a| a.user_id.as_str() != derm_a.user_id));

    // A space made before members could declare: the coordinator's next rota edit opens it.
    let levels_url = format!(
        "{url}/_matrix/client/v3/rooms/{}/state/m.room.power_levels/",
        t.space_id
    );
    let mut levels: serde_json::Value = serde_json::from_str(
        &http::request("GET", &levels_url, None, Some(&coord_token))
            .expect("get")
            .body,
    )
    .expect("levels");
    levels["events"][AVAILABILITY] = json!(50);
    let closed = http::request("PUT", &levels_url, Some(&levels), Some(&coord_token)).expect("put");
    assert_eq!(closed.status, 200, "{}", closed.body);
    let a_cpts = derm_a.client.cpts(&t.space_id).expect("space");
    assert!(matches!(
        a_cpts
            .add_absence(absence("2026-12-01", "2026-12-02"))
            .await,
        Err(CptsError::NotAllowed)
    ));
    t.coordinator
        .client
        .cpts(&t.space_id)
        .expect("space")
        .set_duty(
            &derm_a.user_id,
            vec![crate::cpts::slot(
                "dermatology",
                innomed_core::Weekday::Monday,
                14,
                18,
            )],
        )
        .await
        .expect("rota");
    a_cpts
        .add_absence(absence("2026-12-01", "2026-12-02"))
        .await
        .expect("open again");
}

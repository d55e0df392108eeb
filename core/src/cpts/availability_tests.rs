use super::*;
use crate::cpts::{
    paris::to_unix_ms,
    rota::{on_duty, tests::member, DutySlot},
    space::MemberAvailability,
    Weekday,
};

fn paris(day: u8, hour: u8, minute: u8) -> ParisTime {
    ParisTime::from_unix_ms(to_unix_ms(2026, 12, day, hour, minute).expect("date"))
}

fn away(first: &str, last: &str) -> Absence {
    Absence {
        first_day: first.into(),
        last_day: last.into(),
    }
}

fn permanence(specialty: &str, day: &str, start: u16, end: u16) -> Permanence {
    Permanence {
        specialty: specialty.into(),
        day: day.into(),
        start_minute: start,
        end_minute: end,
    }
}

fn refused(result: Result<Availability>) -> AvailabilityProblem {
    match result {
        Err(CptsError::InvalidAvailability(why)) => why,
        other => panic!("expected an invalid availability, got {other:?}"),
    }
}

#[test]
fn absences_are_checked_against_today_and_each_other() {
    // Monday 7 December 2026, 10:00 in Paris.
    let now = paris(7, 10, 0);
    let none = Availability::default();
    let one = none
        .clone()
        .with_absence(&away("2026-12-14", " 2026-12-20"), &now)
        .expect("next week");
    assert_eq!(one.absences, [away("2026-12-14", "2026-12-20")]);
    // Today counts; a day is written YYYY-MM-DD.
    assert!(none
        .clone()
        .with_absence(&away("2026-12-07", "2026-12-07"), &now)
        .is_ok());
    for (bad, why) in [
        (
            away("07/12/2026", "2026-12-08"),
            AvailabilityProblem::BadDate,
        ),
        (
            away("2026-02-30", "2026-03-01"),
            AvailabilityProblem::BadDate,
        ),
        (
            away("2026-12-10", "2026-12-09"),
            AvailabilityProblem::EndsBeforeStart,
        ),
        (
            away("2026-12-01", "2026-12-06"),
            AvailabilityProblem::InThePast,
        ),
        (
            away("2028-01-01", "2028-01-02"),
            AvailabilityProblem::TooFarAhead,
        ),
    ] {
        assert_eq!(refused(none.clone().with_absence(&bad, &now)), why);
    }
    // Overlapping absences, whichever way round.
    for overlapping in [
        away("2026-12-20", "2026-12-24"),
        away("2026-12-10", "2026-12-14"),
        away("2026-12-15", "2026-12-16"),
        away("2026-12-01", "2026-12-31"),
    ] {
        assert_eq!(
            refused(one.clone().with_absence(&overlapping, &now)),
            AvailabilityProblem::Overlapping
        );
    }
    // Past entries are dropped when the member writes again.
    let later = paris(22, 8, 0);
    let next = one
        .with_absence(&away("2026-12-28", "2026-12-29"), &later)
        .expect("after the holidays");
    assert_eq!(next.absences, [away("2026-12-28", "2026-12-29")]);
}

#[test]
fn permanences_are_checked_against_the_members_specialties_and_the_clock() {
    let derm = member("@derm:cpts", &["dermatology"]);
    let now = paris(7, 10, 0);
    let none = Availability::default();
    // Saturday 12 December, 9:00–12:00; the specialty as typed is normalised.
    let saturday = none
        .clone()
        .with_permanence(
            &derm,
            &permanence("Dermatology", "2026-12-12", 540, 720),
            &now,
        )
        .expect("a Saturday morning");
    assert_eq!(saturday.permanences[0].specialty, "dermatology");
    // Later today still counts; this morning is over.
    assert!(none
        .clone()
        .with_permanence(
            &derm,
            &permanence("dermatology", "2026-12-07", 600, 660),
            &now
        )
        .is_ok());
    assert_eq!(
        refused(none.clone().with_permanence(
            &derm,
            &permanence("dermatology", "2026-12-07", 480, 600),
            &now
        )),
        AvailabilityProblem::InThePast
    );
    assert!(matches!(
        none.clone().with_permanence(
            &derm,
            &permanence("cardiology", "2026-12-12", 540, 720),
            &now
        ),
        Err(CptsError::InvalidSlot(SlotProblem::NotMemberSpecialty))
    ));
    assert!(matches!(
        none.clone().with_permanence(
            &derm,
            &permanence("dermatology", "2026-12-12", 720, 540),
            &now
        ),
        Err(CptsError::InvalidSlot(SlotProblem::OutsideDay))
    ));
    assert!(matches!(
        none.clone().with_permanence(
            &derm,
            &permanence("astrology", "2026-12-12", 540, 720),
            &now
        ),
        Err(CptsError::UnknownSpecialty(_))
    ));
    // Overlapping another permanence that day, or falling on an absence.
    assert_eq!(
        refused(saturday.clone().with_permanence(
            &derm,
            &permanence("dermatology", "2026-12-12", 660, 780),
            &now
        )),
        AvailabilityProblem::Overlapping
    );
    let afternoon = saturday
        .clone()
        .with_permanence(
            &derm,
            &permanence("dermatology", "2026-12-12", 720, 840),
            &now,
        )
        .expect("back to back is not overlapping");
    assert_eq!(afternoon.permanences.len(), 2);
    assert_eq!(
        refused(
            saturday
                .clone()
                .with_absence(&away("2026-12-11", "2026-12-13"), &now)
        ),
        AvailabilityProblem::Overlapping
    );
    // Withdrawing what is not there.
    assert_eq!(
        refused(
            saturday
                .clone()
                .without(&Entry::Absence(away("2026-12-14", "2026-12-15")))
        ),
        AvailabilityProblem::NoSuchEntry
    );
    let withdrawn = saturday
        .clone()
        .without(&Entry::Permanence(saturday.permanences[0].clone()))
        .expect("withdrawn");
    assert!(withdrawn.permanences.is_empty());
}

#[test]
fn an_absence_takes_a_member_off_the_rota_and_a_permanence_puts_one_on() {
    let directory = vec![
        member("@derm1:cpts", &["dermatology"]),
        member("@derm2:cpts", &["dermatology"]),
    ];
    // derm1 holds Mondays 9:00–18:00.
    let rota = vec![(
        directory[0].user_id.clone(),
        vec![DutySlot {
            specialty: "dermatology".into(),
            weekday: Weekday::Monday,
            start_minute: 540,
            end_minute: 1080,
        }],
    )];
    let availability = vec![
        MemberAvailability {
            user_id: directory[0].user_id.clone(),
            availability: Availability {
                absences: vec![away("2026-12-14", "2026-12-20")],
                permanences: vec![],
            },
        },
        MemberAvailability {
            user_id: directory[1].user_id.clone(),
            availability: Availability {
                absences: vec![],
                permanences: vec![permanence("dermatology", "2026-12-14", 600, 720)],
            },
        },
    ];
    let at = |day, hour| to_unix_ms(2026, 12, day, hour, 0).expect("date");
    let names = |day, hour| -> Vec<OwnedUserId> {
        on_duty(
            &directory,
            &rota,
            &availability,
            "dermatology",
            at(day, hour),
        )
        .into_iter()
        .map(|m| m.user_id)
        .collect()
    };
    // Monday 7 December: the rota alone.
    assert_eq!(names(7, 10), [directory[0].user_id.clone()]);
    // Monday 14 December, 10:00: derm1 is away, derm2 holds a permanence.
    assert_eq!(names(14, 10), [directory[1].user_id.clone()]);
    // 13:00: derm2's permanence is over, derm1 still away.
    assert!(names(14, 13).is_empty());
    // Monday 21 December: back on the rota.
    assert_eq!(names(21, 10), [directory[0].user_id.clone()]);
}

#[test]
fn what_another_client_wrote_is_read_within_bounds() {
    let content: AvailabilityEventContent = serde_json::from_str(
        r#"{"absences":[{"first_day":"2026-12-14","last_day":"not a day"}],
            "permanences":[{"specialty":"dermatology","day":"2026-12-12","start_minute":600,"end_minute":2000}],
            "unknown":true}"#,
    )
    .expect("parses");
    let read = Availability::read(content);
    assert!(read.permanences.is_empty());
    // An absence whose day cannot be read takes nobody off duty.
    let at = paris(14, 10, 0);
    assert_eq!(decides(&read, "dermatology", &at), None);
    // An older or empty content reads as nothing declared.
    let empty: AvailabilityEventContent = serde_json::from_str("{}").expect("parses");
    assert_eq!(Availability::read(empty), Availability::default());
}

//! The wire format of the CPTS's own events, pinned: a change here is a protocol change that
//! every other Innomed client (older apps, the other platform) must read.

use matrix_sdk::ruma::owned_room_id;

use super::{
    directory::{MemberEventContent, Profession},
    paris::Weekday,
    rota::{DutyEventContent, DutySlot},
    rpps::Rpps,
};
use crate::{
    cases::{AgeBand, Sex, Urgency},
    requests::brief::RequestBriefEventContent,
};

#[test]
fn member_wire_format() {
    let content = MemberEventContent {
        display_name: "Dr Nadia Benali".into(),
        profession: Profession::Physician,
        specialties: vec!["dermatology".into()],
        rpps: Rpps::parse("10003987657").expect("valid RPPS"),
        retired: false,
    };
    insta::assert_json_snapshot!(content, @r###"
    {
      "display_name": "Dr Nadia Benali",
      "profession": "physician",
      "specialties": [
        "dermatology"
      ],
      "rpps": "10003987657",
      "retired": false
    }
    "###);
    // An older entry without specialties nor the retired flag still reads.
    let older: MemberEventContent = serde_json::from_str(
        r#"{"display_name":"Inf. Leroy","profession":"nurse","rpps":"10003987657"}"#,
    )
    .expect("older member entry parses");
    assert!(older.specialties.is_empty() && !older.retired);
    // A malformed RPPS is refused when read, not only when typed.
    assert!(serde_json::from_str::<MemberEventContent>(
        r#"{"display_name":"X","profession":"nurse","rpps":"123"}"#
    )
    .is_err());
}

#[test]
fn duty_wire_format() {
    let content = DutyEventContent {
        slots: vec![DutySlot {
            specialty: "dermatology".into(),
            weekday: Weekday::Saturday,
            start_minute: 9 * 60,
            end_minute: 12 * 60,
        }],
    };
    insta::assert_json_snapshot!(content, @r###"
    {
      "slots": [
        {
          "specialty": "dermatology",
          "weekday": "saturday",
          "start_minute": 540,
          "end_minute": 720
        }
      ]
    }
    "###);
}

#[test]
fn brief_wire_format() {
    let content = RequestBriefEventContent {
        room_id: owned_room_id!("!case:cpts-example.fr"),
        specialty: "dermatology".into(),
        urgency: Urgency::Urgent,
        due_ms: Some(1_700_000_000_000),
        age_band: AgeBand::Adult,
        sex: Sex::Female,
        question: "Exérèse ?".into(),
    };
    insta::assert_json_snapshot!(content, @r###"
    {
      "room_id": "!case:cpts-example.fr",
      "specialty": "dermatology",
      "urgency": "urgent",
      "due_ms": 1700000000000,
      "age_band": "40-64",
      "sex": "female",
      "question": "Exérèse ?"
    }
    "###);
}

#[test]
fn attestation_wire_format() {
    let content = super::AttestationEventContent {
        user_id: "@dr.benali:cpts.test".try_into().expect("user id"),
        rpps: "10003987657".into(),
        master_key: "yKx0UCqY3sJzXdg2SBtGqi7nQb8DX6yFQmHb3dXnV1E".into(),
    };
    insta::assert_json_snapshot!(content, @r###"
    {
      "user_id": "@dr.benali:cpts.test",
      "rpps": "10003987657",
      "master_key": "yKx0UCqY3sJzXdg2SBtGqi7nQb8DX6yFQmHb3dXnV1E"
    }
    "###);
}

#[test]
fn availability_wire_format() {
    use super::availability::{Absence, AvailabilityEventContent, Permanence};
    let content = AvailabilityEventContent {
        absences: vec![Absence {
            first_day: "2026-12-14".into(),
            last_day: "2026-12-20".into(),
        }],
        permanences: vec![Permanence {
            specialty: "dermatology".into(),
            day: "2026-12-12".into(),
            start_minute: 9 * 60,
            end_minute: 12 * 60,
        }],
    };
    insta::assert_json_snapshot!(content, @r###"
    {
      "absences": [
        {
          "first_day": "2026-12-14",
          "last_day": "2026-12-20"
        }
      ],
      "permanences": [
        {
          "specialty": "dermatology",
          "day": "2026-12-12",
          "start_minute": 540,
          "end_minute": 720
        }
      ]
    }
    "###);
}

//! The directory as its coordinator keeps it: an entry corrected on every member's device, the
//! identity the CPTS vouched for left as it was, and members who try to write the directory or
//! the rota with a raw client refused by the homeserver; a care team checked before it exists.

use innomed_core::{CaseError, CptsError, EntryEdit, Weekday};
use innomed_harness::{http, Homeserver};
use serde_json::{json, Value};

use crate::cpts::{slot, Territory};

/// How many encrypted events the homeserver holds in the space, read with a member's token:
/// nobody chats there, so they are the coordinator's attestations.
fn encrypted_events(hs_url: &str, token: &str, space_id: &str) -> usize {
    let url = format!("{hs_url}/_matrix/client/v3/rooms/{space_id}/messages?dir=b&limit=500");
    let response = http::request("GET", &url, None, Some(token)).expect("messages");
    assert_eq!(response.status, 200, "{}", response.body);
    let page = response.json().expect("json");
    page["chunk"]
        .as_array()
        .expect("chunk")
        .iter()
        .filter(|event| event["type"] == "m.room.encrypted")
        .count()
}

fn edit(name: &str, specialties: &[&str], retired: bool) -> EntryEdit {
    EntryEdit {
        display_name: name.to_owned(),
        specialties: specialties.iter().map(|s| (*s).to_owned()).collect(),
        retired,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_coordinator_corrects_an_entry_and_no_member_can() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    let coordinator = t.coordinator.client.cpts(&t.space_id).expect("space");
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");
    let derm = t.derm_on_duty.doctor.user_id.as_str();

    // A second specialty, with a slot in it.
    let both = ["dermatology", "allergology"];
    coordinator
        .edit_member(derm, edit("Dr Hélène Lefèvre", &both, false))
        .await
        .expect("specialty added");
    let monday = slot("dermatology", Weekday::Monday, 14, 18);
    let thursday = slot("allergology", Weekday::Thursday, 9, 12);
    coordinator
        .set_duty(derm, vec![monday.clone(), thursday])
        .await
        .expect("rota");
    coordinator.attest(derm).await.expect("attested");
    let token = t
        .coordinator
        .client
        .session()
        .expect("session")
        .access_token;
    let attestations = encrypted_events(&hs.url(), &token, &t.space_id);
    assert!(attestations > 0, "the attestation is in the space");

    // The name corrected, allergology taken away, now retired.
    let entry = coordinator
        .edit_member(
            derm,
            edit("Dr Hélène Lefèvre-Martin", &["dermatology"], true),
        )
        .await
        .expect("edited");
    assert_eq!(entry.rpps, t.derm_on_duty.rpps);

    // The GP's device reads the corrected entry, and the rota without the allergology slot.
    let found = gp_cpts
        .search(None, Some("lefevre-martin"))
        .await
        .expect("search");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].user_id.as_str(), derm);
    assert_eq!(found[0].specialties, ["dermatology"]);
    assert!(found[0].retired);
    assert_eq!(found[0].rpps, t.derm_on_duty.rpps);
    let rota = gp_cpts.rota().await.expect("rota");
    let slots: Vec<_> = rota
        .iter()
        .filter(|(user, _)| user.as_str() == derm)
        .flat_map(|(_, slots)| slots.clone())
        .collect();
    assert_eq!(slots, [monday]);
    // An edit is not an identity check: nothing was attested with it.
    assert_eq!(
        encrypted_events(&hs.url(), &token, &t.space_id),
        attestations
    );

    // Checked before anything is sent; only the coordinator edits.
    assert!(matches!(
        coordinator
            .edit_member(derm, edit("Dr H. L.", &[], false))
            .await,
        Err(CptsError::InvalidRequest(_))
    ));
    assert!(matches!(
        coordinator
            .edit_member(derm, edit("Dr H. L.", &["astrology"], false))
            .await,
        Err(CptsError::UnknownSpecialty(_))
    ));
    assert!(matches!(
        coordinator
            .edit_member(
                "@nobody-here:localhost",
                edit("Dr X", &["dermatology"], false)
            )
            .await,
        Err(CptsError::NotInDirectory)
    ));
    assert!(matches!(
        gp_cpts
            .edit_member(derm, edit("Dr X", &["dermatology"], false))
            .await,
        Err(CptsError::NotAllowed)
    ));

    // The GP with a raw client and their own token: making themselves a dermatologist,
    // putting themselves on duty all week, renaming a colleague. The homeserver refuses each.
    let gp = t.gp.doctor.user_id.as_str();
    let gp_token = t.gp.doctor.client.session().expect("session").access_token;
    let member = |name: &str, specialty: &str, rpps: String| -> Value {
        json!({
            "display_name": name, "profession": "physician", "specialties": [specialty],
            "rpps": rpps, "retired": false,
        })
    };
    let all_week: Vec<Value> = ["monday", "tuesday", "wednesday", "thursday", "friday"]
        .iter()
        .map(|day| {
            json!({ "specialty": "dermatology", "weekday": day,
                    "start_minute": 0, "end_minute": 1440 })
        })
        .collect();
    let attempts = [
        (
            "fr.innomed.member",
            gp,
            member(
                "Dr Gilles Généraliste",
                "dermatology",
                t.gp.rpps.to_string(),
            ),
        ),
        ("fr.innomed.duty", gp, json!({ "slots": all_week })),
        (
            "fr.innomed.member",
            derm,
            member("Dr Imposteur", "dermatology", t.gp.rpps.to_string()),
        ),
    ];
    for (event_type, user, body) in attempts {
        let url = format!(
            "{}/_matrix/client/v3/rooms/{}/state/{event_type}/member:{user}",
            hs.url(),
            t.space_id
        );
        let response = http::request("PUT", &url, Some(&body), Some(&gp_token)).expect("put");
        assert_eq!(response.status, 403, "{event_type}: {}", response.body);
    }
    // Every device reads the directory as the coordinator wrote it.
    let on_duty = gp_cpts.on_duty_now("dermatology").await.expect("on duty");
    let ids: Vec<_> = on_duty.iter().map(|m| m.user_id.as_str()).collect();
    assert_eq!(ids, [derm]);
    assert!(gp_cpts
        .search(None, Some("Imposteur"))
        .await
        .expect("search")
        .is_empty());
}

/// The rooms the homeserver says a member has joined.
fn joined_rooms(hs_url: &str, token: &str) -> Vec<Value> {
    let url = format!("{hs_url}/_matrix/client/v3/joined_rooms");
    let response = http::request("GET", &url, None, Some(token)).expect("joined rooms");
    assert_eq!(response.status, 200, "{}", response.body);
    response.json().expect("json")["joined_rooms"]
        .as_array()
        .expect("rooms")
        .clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_care_team_with_a_member_who_cannot_be_invited_is_not_created() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    let coordinator = t.coordinator.client.cpts(&t.space_id).expect("space");
    // A pharmacist in the directory whose account never set up an identity (an old client).
    let dir = tempfile::tempdir().expect("dir");
    let old_client = crate::support::raw_client(&hs.url(), dir.path(), "pharma").await;
    let pharmacist = old_client.user_id().expect("user id").to_string();
    coordinator
        .add_member(
            &pharmacist,
            innomed_core::NewMember {
                display_name: "Hugo Lambert".into(),
                profession: innomed_core::Profession::Pharmacist,
                specialties: vec![],
                rpps: crate::cpts::fresh_rpps().to_string(),
                retired: false,
            },
        )
        .await
        .expect("in the directory");
    let token = t
        .coordinator
        .client
        .session()
        .expect("session")
        .access_token;
    let before = joined_rooms(&hs.url(), &token);

    let header = t.request("general_practice", "Suivi à domicile").header;
    let members = [t.gp.doctor.user_id.clone(), pharmacist];
    let refused = coordinator.open_care_team(header, &members).await;
    assert!(
        matches!(
            refused,
            Err(CptsError::Case(
                CaseError::NotCrossSigned | CaseError::UnknownUser
            ))
        ),
        "{refused:?}"
    );
    // Refused before anything was created: no half-invited case on the homeserver.
    assert_eq!(joined_rooms(&hs.url(), &token), before);
}

//! A CPTS whose members sit on two homeservers of a closed federation (TLS with a test
//! authority, each server accepting only the other): a request, its photo and its advice cross
//! servers and arrive decrypted, two specialists on two servers racing for the same request end
//! with one taker named by every client, and a homeserver outside the federation reaches
//! nothing.

use innomed_core::{
    Advice, CaseStatus, CptsError, InPerson, Membership, MessageKind, NewMember, PhotoSource,
    Profession, RequestPhoto,
};
use innomed_harness::{http, photos, Federation};
use serde_json::json;

use crate::{
    cpts::{
        advice_reaches_the_gp, fresh_rpps, gp_confirms_taker, handed_over, invited_in, Territory,
    },
    support::{case_seen_by, conversation_of, eventually, load_all, marker, Doctor},
};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_reaches_the_specialist_on_duty_on_the_partner_server() {
    let federation = Federation::shared().expect("federation");
    let (home, partner) = (federation.partner(0), federation.partner(1));
    let t = Territory::across(&home.url(), &partner.url()).await;
    let derm = &t.derm_on_duty.doctor;
    assert!(derm.user_id.ends_with(partner.server_name()));
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");

    // The rota of the space on the GP's server names the dermatologist of the other server.
    let on_duty = eventually("the partner's dermatologist on duty", || async {
        let on_duty = gp_cpts.on_duty_now("dermatology").await.ok()?;
        (!on_duty.is_empty()).then_some(on_duty)
    })
    .await;
    assert_eq!(on_duty[0].user_id.as_str(), derm.user_id);

    let question = marker("FEDQ");
    let caption = marker("FEDCAPTION");
    let mut request = t.request("dermatology", &question);
    request.photos = vec![RequestPhoto {
        source: PhotoSource::Bytes(photos::jpeg_of(&photos::marked_pixels())),
        caption: Some(caption.clone()),
    }];
    let case = gp_cpts.open_request(request).await.expect("request opened");
    let room_id = case.room_id().to_string();

    let invitation = case_seen_by(derm, &room_id).await;
    let brief = eventually("the brief across the federation", || async {
        invitation.request_brief().await
    })
    .await;
    assert_eq!(brief.question, question);
    invitation.take_request().await.expect("taken");
    gp_confirms_taker(&case, &derm.user_id).await;

    // The header and the photo, encrypted on the GP's phone, decrypted on the other server.
    let theirs = conversation_of(derm, &room_id).await;
    eventually("header and photo decrypted by the taker", || async {
        load_all(&theirs).await;
        let messages = theirs.messages().await;
        let header = messages.iter().any(
            |m| matches!(&m.kind, MessageKind::Header { header } if header.question == question),
        );
        let photo = messages
            .iter()
            .any(|m| matches!(&m.kind, MessageKind::Photo { photo } if photo.caption.as_ref() == Some(&caption)));
        (header && photo).then_some(())
    })
    .await;

    let specialist_case = derm.client.case(&room_id).expect("joined");
    handed_over(&specialist_case).await;
    let assessment = marker("FEDADVICE");
    let advice = Advice {
        assessment: assessment.clone(),
        recommendation: "Surveillance, photo à trois mois".into(),
        in_person: InPerson::NotNeeded,
    };
    advice_reaches_the_gp(&specialist_case, &case, &advice).await;
    eventually("answered for the GP", || async {
        let status = case.status().await.ok().flatten()?;
        (status.status == CaseStatus::Answered).then_some(())
    })
    .await;

    // Each server holds the case, and neither holds a word of it in clear.
    for server in [home, partner] {
        for word in [&question, &caption, &assessment] {
            assert!(
                !server.database_contains(word).expect("database"),
                "{} holds {word} in clear",
                server.server_name()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_specialists_on_two_servers_take_at_the_same_moment_and_every_client_names_one() {
    let federation = Federation::shared().expect("federation");
    let (home, partner) = (federation.partner(0), federation.partner(1));
    let t = Territory::across(&home.url(), &partner.url()).await;
    t.both_dermatologists_on_duty().await;
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");
    let case = gp_cpts
        .open_request(t.request("dermatology", &marker("RACEQ")))
        .await
        .expect("request");
    let room_id = case.room_id().to_string();
    let remote = &t.derm_on_duty.doctor;
    let local = &t.derm_off_duty.doctor;
    let a = case_seen_by(remote, &room_id).await;
    let b = case_seen_by(local, &room_id).await;
    // Both see the brief, then accept at the same moment, on their own servers.
    for invitation in [&a, &b] {
        eventually("the brief", || async { invitation.request_brief().await }).await;
    }
    let (ra, rb) = tokio::join!(a.take_request(), b.take_request());
    assert!(
        ra.is_ok() || rb.is_ok(),
        "at least one takes it: {ra:?} {rb:?}"
    );
    for outcome in [&ra, &rb] {
        assert!(
            matches!(outcome, Ok(()) | Err(CptsError::AlreadyTaken)),
            "{outcome:?}"
        );
    }

    // Every client, on either server, names the same taker once the claims have crossed.
    let named = eventually("the GP names a taker", || async {
        case.taker().await.ok().flatten()
    })
    .await;
    case.confirm_member(named.as_str())
        .await
        .expect("confirmed");
    let recorded = eventually("the hand-over recorded", || async {
        let status = case.status().await.ok().flatten()?;
        status.accepted_by.clone()
    })
    .await;
    let (winner, loser) = if recorded.as_str() == remote.user_id {
        (remote, local)
    } else {
        (local, remote)
    };
    assert_eq!(recorded.as_str(), winner.user_id);
    let winner_case = winner.client.case(&room_id).expect("winner's case");
    eventually("the winner names themselves", || async {
        (winner_case.taker().await.ok().flatten()? == recorded).then_some(())
    })
    .await;
    // The GP's device withdrew the other, and told the loser's devices directly: on either
    // server, the loser's phone leaves the case (on a partner server the withdrawal itself may
    // never arrive, see ARCHITECTURE.md "First claim across servers").
    let gp_members = eventually("the loser out of the GP's case", || async {
        let members = case.members().await.ok()?;
        (!members
            .iter()
            .any(|m| m.user_id.as_str() == loser.user_id && m.membership == Membership::Joined))
        .then_some(members)
    })
    .await;
    assert!(gp_members
        .iter()
        .any(|m| m.user_id.as_str() == winner.user_id && m.membership == Membership::Joined));
    eventually("the loser's phone out of the case", || async {
        let c = loser.client.case(&room_id).ok();
        c.is_none_or(|c| c.membership() == Membership::Left)
            .then_some(())
    })
    .await;
    // A second GP device (a fresh store reading the claims from scratch) names the same.
    let again = Doctor::login_again(&home.url(), &t.gp.doctor.user_id).await;
    let fresh = case_seen_by(&again, &room_id).await;
    let named_again = eventually("a fresh device names the taker", || async {
        fresh.taker().await.ok().flatten()
    })
    .await;
    assert_eq!(named_again, recorded);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_server_outside_the_federation_cannot_join_a_case_or_read_the_directory() {
    let federation = Federation::shared().expect("federation");
    let home = federation.partner(0);
    let outsider = federation.outsider().expect("outsider");
    let t = Territory::across(&home.url(), &federation.partner(1).url()).await;
    let stranger = Doctor::register(&outsider.url(), "stranger").await;

    // The coordinator cannot put someone of that server in the directory: the invitation does
    // not leave the CPTS's server, and nothing is written.
    let coordinator_cpts = t.coordinator.client.cpts(&t.space_id).expect("space");
    let refused = coordinator_cpts
        .add_member(
            &stranger.user_id,
            NewMember {
                display_name: "Dr Hors Réseau".into(),
                profession: Profession::Physician,
                specialties: vec!["dermatology".into()],
                rpps: fresh_rpps().to_string(),
                retired: false,
            },
        )
        .await;
    assert!(refused.is_err(), "{refused:?}");
    let directory = coordinator_cpts
        .search(None, None)
        .await
        .expect("directory");
    assert!(directory
        .iter()
        .all(|m| m.user_id.as_str() != stranger.user_id));

    // A raw client of the outside server asks its own server to join the space and a case:
    // the CPTS's server refuses to talk to it.
    let case =
        t.gp.doctor
            .client
            .cpts(&t.space_id)
            .expect("space")
            .open_request(t.request("dermatology", &marker("OUTQ")))
            .await
            .expect("request");
    let token = stranger.client.session().expect("session").access_token;
    for room in [t.space_id.clone(), case.room_id().to_string()] {
        let join = format!(
            "{}/_matrix/client/v3/join/{room}?server_name={}",
            outsider.url(),
            home.server_name()
        );
        let response = http::request("POST", &join, Some(&json!({})), Some(&token))
            .expect("the outside server answers");
        assert_ne!(response.status, 200, "joined {room}: {}", response.body);
        // The outside server learnt nothing of the room: not even its state.
        let state = format!("{}/_matrix/client/v3/rooms/{room}/state", outsider.url());
        let response =
            http::request("GET", &state, None, Some(&token)).expect("the outside server");
        assert_ne!(response.status, 200, "state of {room}: {}", response.body);
    }
    // Not one event of the space or the case reached the outside server.
    let rows = outsider.event_json_rows().expect("outside database");
    for room in [t.space_id.as_str(), case.room_id().as_str()] {
        assert!(
            !rows.iter().any(|row| row.contains(room)),
            "an event of {room} on the outside server"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_routed_while_the_partner_server_is_down_reaches_who_can_be_reached() {
    // Servers of its own: the partner is stopped and started again.
    let mut federation = Federation::start(2, false).expect("federation");
    let home_url = federation.partner(0).url();
    let t = Territory::across(&home_url, &federation.partner(1).url()).await;
    t.both_dermatologists_on_duty().await;
    let remote = &t.derm_on_duty.doctor;
    let local = &t.derm_off_duty.doctor;
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");
    // Both on duty: the GP's device has read the rota before the partner goes down.
    eventually("both dermatologists on duty", || async {
        let on_duty = gp_cpts.on_duty_now("dermatology").await.ok()?;
        (on_duty.len() == 2).then_some(())
    })
    .await;

    federation.partner_mut(1).stop().expect("partner stopped");
    let question = marker("DOWNQ");
    let case = gp_cpts
        .open_request(t.request("dermatology", &question))
        .await
        .expect("the request opens with the partner down");
    let room_id = case.room_id().to_string();
    // Routed to the dermatologist who can be reached, and the GP sees whom it reached.
    assert_eq!(invited_in(&case).await, vec![local.user_id.clone()]);
    // A second request while the partner is down, which nobody takes.
    let waiting = gp_cpts
        .open_request(t.request("dermatology", &marker("WAITQ")))
        .await
        .expect("the second request opens with the partner down");
    let waiting_id = waiting.room_id().to_string();
    assert_eq!(invited_in(&waiting).await, vec![local.user_id.clone()]);
    let invitation = case_seen_by(local, &room_id).await;
    let brief = eventually("the brief on the GP's server", || async {
        invitation.request_brief().await
    })
    .await;
    assert_eq!(brief.question, question);
    invitation.take_request().await.expect("taken");
    case.confirm_member(&local.user_id)
        .await
        .expect("confirmed");
    handed_over(&invitation).await;

    // The partner comes back: the request still waiting reaches its dermatologist (invited
    // again by the GP's phone), once. Its brief follows when the GP's homeserver next retries
    // that server (Synapse's backoff, 15 s doubling to 5 min here: not waited for).
    federation.partner_mut(1).restart().expect("partner back");
    let late = case_seen_by(remote, &waiting_id).await;
    assert_eq!(late.membership(), Membership::Invited);
    // The GP's device lists her once its sync shows the invitation.
    let invited = eventually("the GP's device lists her invited", || async {
        let invited = invited_in(&waiting).await;
        invited.contains(&remote.user_id).then_some(invited)
    })
    .await;
    assert_eq!(
        invited.iter().filter(|u| **u == remote.user_id).count(),
        1,
        "invited once: {invited:?}"
    );
    // The one taken while it was down was not: nothing of it reaches her, once or twice, and
    // the case goes on between the GP and the taker.
    let later = marker("AFTER");
    let conversation = case.conversation().await.expect("conversation");
    conversation.send_text(&later).await.expect("sent");
    let theirs = conversation_of(local, &room_id).await;
    crate::support::wait_for_text(&theirs, &later).await;
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert!(
        remote.client.case(&room_id).is_err(),
        "nothing of the request reached the partner's dermatologist"
    );
}

//! A partner's partner stays closed: CPTS A is partnered with B and with C; C's members read A
//! (they join A's space as readers) but not B, which never agreed with C, not even by a raw
//! join request with their own token. B lets in the members of A's roster, a room only A's own
//! members are in (and the coordinators of A's partners, whose homeservers vouch for the joins),
//! not the members of A's space.

use innomed_harness::{http, Federation};

use crate::{
    partners::{agree, member},
    support::{eventually, login_token, Doctor},
};

/// A raw join of `room_id` through `server` with a member's own token: the homeserver's answer.
fn raw_join(hs_url: &str, token: &str, room_id: &str, server: &str) -> http::Response {
    let url =
        format!("{hs_url}/_matrix/client/v3/join/{room_id}?server_name={server}&via={server}");
    http::request("POST", &url, Some(&serde_json::json!({})), Some(token)).expect("raw join")
}

fn server_of(user_id: &str) -> &str {
    user_id.split_once(':').expect("server part").1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_partners_partner_stays_closed_to_its_members() {
    let federation = Federation::shared().expect("federation");
    let (home, away) = (federation.partner(0).url(), federation.partner(1).url());
    let coord_a = Doctor::register(&home, "coord-a").await;
    let gp_a = Doctor::register(&home, "gp-a").await;
    let coord_b = Doctor::register(&away, "coord-b").await;
    let derm_b = Doctor::register(&away, "derm-b").await;
    let coord_c = Doctor::register(&home, "coord-c").await;
    let gp_c = Doctor::register(&home, "gp-c").await;
    let a = coord_a.client.create_cpts("CPTS du Nord").await.expect("A");
    let b = coord_b.client.create_cpts("CPTS du Sud").await.expect("B");
    let c = coord_c
        .client
        .create_cpts("CPTS de l'Est")
        .await
        .expect("C");
    let (a_id, b_id, c_id) = (
        a.space_id().to_string(),
        b.space_id().to_string(),
        c.space_id().to_string(),
    );
    member(&a, &gp_a, "Dr Gaëlle Généraliste", "general_practice").await;
    member(&b, &derm_b, "Dr Denis Derme", "dermatology").await;
    member(&c, &gp_c, "Dr Colin Généraliste", "general_practice").await;

    // A declares B and C first; each declares A in return.
    for partner in [(&b, &coord_b), (&c, &coord_c)] {
        agree((&a, &coord_a), partner).await;
    }

    // Each side's members read the other's directory; A's coordinator's phone completed the
    // partnerships it declared first without being asked (B's members are let into A).
    let directory = gp_a
        .client
        .cpts(&a_id)
        .expect("A at its GP")
        .partner_cpts(&b_id)
        .await
        .expect("B readable by A's GP")
        .directory()
        .await
        .expect("B's directory");
    assert!(directory
        .iter()
        .any(|m| m.user_id.as_str() == derm_b.user_id));
    let derm_b_own = derm_b.client.cpts(&b_id).expect("B at its dermatologist");
    eventually("A readable by B's dermatologist", || async {
        derm_b_own.partner_cpts(&a_id).await.ok()
    })
    .await;
    let gp_c_own = gp_c.client.cpts(&c_id).expect("C at its GP");
    let a_at_gp_c = gp_c_own
        .partner_cpts(&a_id)
        .await
        .expect("A readable by C's GP");
    assert!(
        a_at_gp_c.is_joined(),
        "C's GP sits in A's space as a reader"
    );

    // C never agreed with B: C's GP neither reads B through the app nor joins it raw, through
    // either homeserver, though a member of A's space.
    let err = gp_c_own.partner_cpts(&b_id).await.expect_err("refused");
    assert!(
        matches!(err, innomed_core::CptsError::NotAPartner),
        "{err:?}"
    );
    let token = login_token(&home, &gp_c.user_id);
    for server in [server_of(&coord_b.user_id), server_of(&coord_a.user_id)] {
        let response = raw_join(&home, &token, &b_id, server);
        assert_ne!(
            response.status, 200,
            "joined B through {server}: {}",
            response.body
        );
        assert_eq!(response.status, 403, "{}", response.body);
    }
    // B's homeserver, asked by B's coordinator: C's GP is not in B's space.
    let coord_token = login_token(&away, &coord_b.user_id);
    let joined = http::request(
        "GET",
        &format!("{away}/_matrix/client/v3/rooms/{b_id}/joined_members"),
        None,
        Some(&coord_token),
    )
    .expect("joined members");
    assert_eq!(joined.status, 200, "{}", joined.body);
    let joined = joined.json().expect("json");
    assert!(joined["joined"].get(&gp_c.user_id).is_none(), "{joined}");
    assert!(joined["joined"].get(&gp_a.user_id).is_some(), "{joined}");
}

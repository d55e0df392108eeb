//! Pro Santé Connect: a professional signs in with the national identity (a real OpenID
//! Connect provider on loopback, PSC-shaped claims), gets one opaque account whatever the
//! device, and joins a CPTS without anyone typing an RPPS number. Every refusal (no national
//! id, a profession the CPTS does not accept, a token for another client, the provider down,
//! a refused consent, a replayed token) leaves no account and no trace of the national id.

use innomed_core::{AccountError, CptsError, InnomedClient, Profession};
use innomed_harness::Homeserver;

use crate::{
    browser::{device, national_id, psc_claims, psc_doctor, Browser, Landing},
    support::{eventually, Doctor},
};

fn subject() -> String {
    crate::support::marker("psc-sub-")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_opaque_account_per_professional_whatever_the_device() {
    let hs = Homeserver::shared().expect("synapse");
    let (nid, rpps) = national_id();
    let claims = psc_claims(&nid, "Inès", "Benali", "10");
    let sub = subject();
    let first = psc_doctor(&hs.url(), &sub, &claims).await;

    // The Matrix id says nothing of the professional.
    let localpart = first.user_id.trim_start_matches('@');
    for secret in [nid.as_str(), rpps.as_str(), "benali", "ines"] {
        assert!(!localpart.to_lowercase().contains(secret), "{localpart}");
    }
    assert_eq!(
        hs.accounts_of(&nid).expect("db"),
        vec![first.user_id.clone()]
    );
    // Its identity is cross-signed, as a password account's: colleagues can share keys with it.
    assert!(first.client.is_device_cross_signed().await);
    // The homeserver keeps the national id for the directory, never in its log.
    assert!(!hs.log_contains(&nid).expect("log"), "national id logged");

    // The same professional on a second device: the same account, a new device.
    let second = psc_doctor(&hs.url(), &sub, &claims).await;
    assert_eq!(second.user_id, first.user_id);
    assert_ne!(
        second.client.device_id().expect("device"),
        first.client.device_id().expect("device"),
        "a new device"
    );

    // A colleague of the homeserver reads what PSC said; a request without a token is refused.
    let colleague = Doctor::register(&hs.url(), "colleague").await;
    let identity = colleague
        .client
        .psc_identity(&first.user_id)
        .await
        .expect("read")
        .expect("a PSC identity");
    assert_eq!(identity.national_id, nid);
    assert_eq!(identity.display_name(), "Inès Benali");
    assert_eq!(identity.profession, Some(Profession::Physician));
    assert_eq!(identity.rpps(), Some(rpps));
    assert_eq!(
        colleague
            .client
            .psc_identity(&colleague.user_id)
            .await
            .expect("read"),
        None,
        "a password account has no PSC identity"
    );
    let anonymous = innomed_harness::http::get(&format!(
        "{}/_innomed/psc/v1/identities/{}",
        hs.url(),
        first.user_id
    ))
    .expect("answered");
    assert_eq!(anonymous.status, 401, "{}", anonymous.body);
    assert!(!anonymous.body.contains(&nid));
}

/// The sign-in ended on the homeserver's page (`expected` in French on it, nothing loaded from
/// elsewhere), with no account and no trace of the national id on the server.
fn refused(landing: Landing, nid: &str, hs: &Homeserver, expected: &str, what: &str) {
    match landing {
        Landing::Page { status, body } => {
            assert!(status >= 400, "{what}: status {status}");
            if !expected.is_empty() {
                assert!(body.contains(expected), "{what}: {body}");
                assert!(
                    !body.contains("https://"),
                    "{what}: a resource from elsewhere"
                );
            }
        }
        Landing::App(url) => panic!("{what}: came back to the app ({})", url.len()),
    }
    assert!(hs.accounts_of(nid).expect("db").is_empty(), "{what}");
    assert!(
        !hs.database_contains(nid).expect("db"),
        "{what}: the national id stayed on the server"
    );
    assert!(
        !hs.log_contains(nid).expect("log"),
        "{what}: the national id is in the server's log"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_refused_sign_in_leaves_no_account() {
    let hs = Homeserver::shared().expect("synapse");
    let (config, _dir, redirect) = device(&hs.url());

    // Claims without a national id.
    let (nid, _) = national_id();
    let mut claims = psc_claims(&nid, "Jean", "Sans-Id", "10");
    claims
        .as_object_mut()
        .expect("object")
        .remove("SubjectNameID");
    let sign_in = InnomedClient::start_psc_sign_in(&config, &redirect)
        .await
        .expect("offered");
    let landing = Browser::new(&redirect)
        .sign_in(&sign_in.url(), &subject(), &claims)
        .await;
    refused(
        landing,
        &nid,
        hs,
        "Identifiant national absent",
        "no national id",
    );

    // A profession the CPTS does not accept (21: pharmacist).
    let (nid, _) = national_id();
    let sign_in = InnomedClient::start_psc_sign_in(&config, &redirect)
        .await
        .expect("offered");
    let landing = Browser::new(&redirect)
        .sign_in(
            &sign_in.url(),
            &subject(),
            &psc_claims(&nid, "Paul", "Officine", "21"),
        )
        .await;
    refused(
        landing,
        &nid,
        hs,
        "Profession non ouverte",
        "profession not accepted",
    );

    // An identity token issued for another client.
    let (nid, _) = national_id();
    let foreign = format!(
        "{}/_matrix/client/v3/login/sso/redirect/oidc-psc_foreign?redirectUrl={}",
        hs.url(),
        url::form_urlencoded::byte_serialize(redirect.as_bytes()).collect::<String>()
    );
    let landing = Browser::new(&redirect)
        .sign_in(
            &foreign,
            &subject(),
            &psc_claims(&nid, "Eve", "Ailleurs", "10"),
        )
        .await;
    refused(
        landing,
        &nid,
        hs,
        "Connexion impossible",
        "token for another client",
    );

    // The doctor refuses consent at the provider: it sends the browser back with an error.
    let sign_in = InnomedClient::start_psc_sign_in(&config, &redirect)
        .await
        .expect("offered");
    let mut browser = Browser::new(&redirect);
    let authorization = browser.authorization_request(&sign_in.url()).await;
    let landing = browser
        .callback_with(&authorization, &[("error", "access_denied")])
        .await;
    refused(landing, &nid, hs, "Connexion annulée", "consent refused");
    // The app's page is closed without a token: a typed refusal, nothing on disk.
    let cancelled = sign_in.finish(&redirect).await;
    assert!(
        matches!(cancelled, Err(AccountError::SignInRefused)),
        "{cancelled:?}"
    );
    assert_eq!(
        std::fs::read_dir(&config.data_dir).expect("dir").count(),
        0,
        "no account folder"
    );

    // The provider is down when the homeserver exchanges the code.
    let down = format!(
        "{}/_matrix/client/v3/login/sso/redirect/oidc-psc_down?redirectUrl={}",
        hs.url(),
        url::form_urlencoded::byte_serialize(redirect.as_bytes()).collect::<String>()
    );
    let mut browser = Browser::new(&redirect);
    let authorization = browser.authorization_request(&down).await;
    let landing = browser
        .callback_with(&authorization, &[("code", "a-code-nobody-issued")])
        .await;
    // Synapse answers its own error 500 here (an unhandled connection failure).
    refused(landing, &nid, hs, "", "provider down");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_token_is_spent_once_and_only_on_its_address() {
    let hs = Homeserver::shared().expect("synapse");
    let (config, _dir, redirect) = device(&hs.url());
    let (nid, _) = national_id();
    let sign_in = InnomedClient::start_psc_sign_in(&config, &redirect)
        .await
        .expect("offered");
    let Landing::App(callback) = Browser::new(&redirect)
        .sign_in(
            &sign_in.url(),
            &subject(),
            &psc_claims(&nid, "Ana", "Once", "10"),
        )
        .await
    else {
        panic!("not back to the app");
    };
    // The token on another address (a page that caught it) is refused by the app.
    let elsewhere = callback.replace("/psc?", "/elsewhere?");
    let moved = sign_in.finish(&elsewhere).await;
    assert!(
        matches!(moved, Err(AccountError::SignInRefused)),
        "{moved:?}"
    );
    let client = sign_in.finish(&callback).await.expect("signed in");
    // Replayed: the homeserver refuses it, and no second device or folder appears.
    let (config2, dir2, _) = device(&hs.url());
    let replay = InnomedClient::start_psc_sign_in(&config2, &redirect)
        .await
        .expect("offered")
        .finish(&callback)
        .await;
    assert!(
        matches!(replay, Err(AccountError::SignInRefused)),
        "{replay:?}"
    );
    assert_eq!(std::fs::read_dir(dir2.path()).expect("dir").count(), 0);
    assert_eq!(hs.accounts_of(&nid).expect("db").len(), 1);
    drop(client);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_professional_joins_the_cpts_without_anyone_typing_an_rpps() {
    let hs = Homeserver::shared().expect("synapse");
    let coordinator = Doctor::register(&hs.url(), "coord").await;
    let space = coordinator
        .client
        .create_cpts("CPTS Val de Loire")
        .await
        .expect("space");
    let space_id = space.space_id().to_string();

    let (nid, rpps) = national_id();
    let derm = psc_doctor(
        &hs.url(),
        &subject(),
        &psc_claims(&nid, "Inès", "Benali", "10"),
    )
    .await;
    let stranger = Doctor::register(&hs.url(), "no-psc").await;
    derm.client
        .ask_to_join_cpts(&space_id)
        .await
        .expect("asked");
    stranger
        .client
        .ask_to_join_cpts(&space_id)
        .await
        .expect("asked");

    let requests = eventually("both requests seen by the coordinator", || async {
        let requests = space.join_requests().await.ok()?;
        (requests.len() == 2).then_some(requests)
    })
    .await;
    let of_derm = requests
        .iter()
        .find(|r| r.user_id.as_str() == derm.user_id)
        .expect("the dermatologist asked");
    let identity = of_derm.identity.as_ref().expect("PSC identity shown");
    assert_eq!(identity.display_name(), "Inès Benali");
    assert_eq!(identity.national_id, nid);
    let of_stranger = requests
        .iter()
        .find(|r| r.user_id.as_str() == stranger.user_id)
        .expect("the stranger asked");
    assert_eq!(of_stranger.identity, None);

    // Only the coordinator decides; an account without PSC identity cannot be approved.
    let refused = space
        .approve(&stranger.user_id, vec!["dermatology".into()], false)
        .await;
    assert!(
        matches!(refused, Err(CptsError::NoVerifiedIdentity)),
        "{refused:?}"
    );
    space.refuse(&stranger.user_id).await.expect("refused");

    let entry = space
        .approve(&derm.user_id, vec!["dermatology".into()], false)
        .await
        .expect("approved");
    assert_eq!(entry.display_name, "Inès Benali");
    assert_eq!(entry.rpps, rpps);
    assert_eq!(entry.profession, Profession::Physician);

    // The approval arrives as the space's invitation; once joined, the directory lists her,
    // and the coordinator vouched for the identity she has now.
    let joined = eventually("the dermatologist invited", || async {
        let cpts = derm.client.cpts(&space_id).ok()?;
        cpts.join().await.ok()?;
        cpts.is_joined().then_some(cpts)
    })
    .await;
    let directory = joined.directory().await.expect("directory");
    assert!(directory.iter().any(|m| m.user_id.as_str() == derm.user_id
        && m.rpps == entry.rpps
        && m.specialties == vec!["dermatology".to_owned()]));
    let remaining = space.join_requests().await.expect("requests");
    assert!(remaining.is_empty(), "{remaining:?}");
    // "Refuse" never removes a member who is in.
    let not_asking = space.refuse(&derm.user_id).await;
    assert!(
        matches!(not_asking, Err(CptsError::NotAllowed)),
        "{not_asking:?}"
    );
    assert!(joined.is_joined());
}

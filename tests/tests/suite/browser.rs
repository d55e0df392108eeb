//! The doctor's browser in a Pro Santé Connect sign-in, without a browser: it follows the
//! homeserver's and the provider's redirects by hand, keeps their cookies, and fills the
//! provider's login page with the subject and claims the test chooses.

use std::collections::BTreeMap;

use innomed_core::{ClientConfig, InnomedClient, PscSignIn, StoreKey};
use rand::Rng;
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::support::{Doctor, WAIT};

/// Where the browser stopped.
#[derive(Debug)]
pub enum Landing {
    /// Sent back to the app's address (with the login token).
    App(String),
    /// A page the doctor reads (the homeserver's error page), with its status.
    Page { status: u16, body: String },
}

pub struct Browser {
    http: reqwest::Client,
    cookies: BTreeMap<String, String>,
    redirect: String,
}

impl Browser {
    pub fn new(redirect: &str) -> Self {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        Self {
            http,
            cookies: BTreeMap::new(),
            redirect: redirect.to_owned(),
        }
    }

    async fn get(&mut self, url: &str) -> reqwest::Response {
        let response = self
            .http
            .get(url)
            .header("Cookie", self.cookie_header())
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {}: {e}", strip_query(url)));
        self.keep_cookies(&response);
        response
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep_cookies(&mut self, response: &reqwest::Response) {
        for value in response.headers().get_all("set-cookie") {
            let Ok(text) = value.to_str() else { continue };
            let pair = text.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.insert(name.trim().into(), value.trim().into());
            }
        }
    }

    /// Follows redirects from `url` until the app's address, a page, or the provider's login
    /// form (returned as its address).
    async fn follow(&mut self, mut url: String) -> Result<Landing, String> {
        for _ in 0..10 {
            if url.starts_with(&self.redirect) {
                return Ok(Landing::App(url));
            }
            let response = self.get(&url).await;
            let status = response.status().as_u16();
            if let Some(location) = response.headers().get("location") {
                let location = location.to_str().expect("location").to_owned();
                url = reqwest::Url::parse(&url)
                    .and_then(|base| base.join(&location))
                    .expect("redirect address")
                    .to_string();
                continue;
            }
            let body = response.text().await.unwrap_or_default();
            if body.contains("name=\"username\"") {
                return Err(url);
            }
            return Ok(Landing::Page { status, body });
        }
        panic!("too many redirects");
    }

    /// Opens the sign-in page and, at the provider's login form, signs in as `subject` with
    /// `claims`.
    pub async fn sign_in(&mut self, start: &str, subject: &str, claims: &Value) -> Landing {
        let form = match self.follow(start.to_owned()).await {
            Ok(landing) => return landing,
            Err(form) => form,
        };
        let body = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("username", subject)
            .append_pair("claims", &claims.to_string())
            .finish();
        let response = self
            .http
            .post(&form)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("login form posted");
        let location = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .expect("the provider sends the browser back to the homeserver")
            .to_owned();
        self.follow(location).await.expect("no second login form")
    }

    /// Opens the sign-in page and returns the provider's authorization address it was sent to
    /// (without loading it: the provider may be down), keeping the homeserver's cookies.
    pub async fn authorization_request(&mut self, start: &str) -> reqwest::Url {
        let response = self.get(start).await;
        let location = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .expect("the homeserver sends the browser to the provider");
        reqwest::Url::parse(location).expect("authorization address")
    }

    /// Comes back to the homeserver's callback as the provider would, with `params` added to
    /// the state of `authorization`.
    pub async fn callback_with(
        &mut self,
        authorization: &reqwest::Url,
        params: &[(&str, &str)],
    ) -> Landing {
        let pairs: BTreeMap<String, String> = authorization.query_pairs().into_owned().collect();
        let mut callback = reqwest::Url::parse(&pairs["redirect_uri"]).expect("callback");
        callback
            .query_pairs_mut()
            .append_pair("state", &pairs["state"])
            .extend_pairs(params);
        self.follow(callback.to_string())
            .await
            .expect("no login form on the way back")
    }
}

fn strip_query(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}

/// PSC-shaped claims of a professional practising `profession` (`10`: physician).
pub fn psc_claims(national_id: &str, given: &str, family: &str, profession: &str) -> Value {
    json!({
        "SubjectNameID": national_id,
        "given_name": given,
        "family_name": family,
        "SubjectRefPro": { "exercices": [{
            "codeProfession": profession,
            "codeSavoirFaire": "SM26",
            "prenomExercice": given,
            "nomExercice": family,
        }]},
    })
}

/// A fresh national id: `8` and a valid RPPS number.
pub fn national_id() -> (String, innomed_core::Rpps) {
    let first: u64 = rand::thread_rng().gen_range(1_000_000_000..9_999_999_999);
    let rpps = innomed_core::Rpps::with_check_digit(&first.to_string()).expect("rpps");
    (format!("8{}", rpps.as_str()), rpps)
}

/// A device's folder and store key, and the address the app is sent back to.
pub fn device(homeserver_url: &str) -> (ClientConfig, TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = ClientConfig {
        homeserver_url: homeserver_url.to_owned(),
        data_dir: dir.path().to_owned(),
        store_key: StoreKey::generate(),
    };
    let port: u16 = rand::thread_rng().gen_range(20_000..60_000);
    (config, dir, format!("http://127.0.0.1:{port}/psc"))
}

/// Signs in with Pro Santé Connect on a new device, as `claims` say, and starts syncing.
pub async fn psc_doctor(homeserver_url: &str, subject: &str, claims: &Value) -> Doctor {
    crate::support::init_logs();
    let (config, dir, redirect) = device(homeserver_url);
    let sign_in: PscSignIn = InnomedClient::start_psc_sign_in(&config, &redirect)
        .await
        .expect("the homeserver offers Pro Santé Connect");
    let landing = Browser::new(&redirect)
        .sign_in(&sign_in.url(), subject, claims)
        .await;
    let Landing::App(callback) = landing else {
        panic!("sign-in did not come back to the app: {landing:?}");
    };
    let client = sign_in.finish(&callback).await.expect("signed in");
    client.start_sync().await.expect("sync starts");
    client.wait_until_synced(WAIT).await.expect("first sync");
    let user_id = client.user_id().expect("user id");
    Doctor {
        client,
        config,
        user_id,
        dir,
    }
}

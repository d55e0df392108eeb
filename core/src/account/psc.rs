//! Sign-in with Pro Santé Connect (PSC), the national identity of French health professionals,
//! through the homeserver's single sign-on.
//!
//! The homeserver delegates the sign-in to PSC (OpenID Connect) and hands the app a one-time
//! login token on its redirect address; the app opens [`PscSignIn::url`] in the platform's
//! authentication session (Custom Tabs, `ASWebAuthenticationSession`; the terminal client
//! prints it and listens on loopback) and gives the address it was sent back to to
//! [`PscSignIn::finish`].
//!
//! The token is exchanged by a store-less client first, so the account's folder is created
//! only once the homeserver has said which account and device this is: a refused or expired
//! token leaves nothing on disk and no device on the server.

use matrix_sdk::{
    authentication::matrix::MatrixSession,
    ruma::api::client::session::{get_login_types, login},
    Client, SessionMeta, SessionTokens,
};
use tracing::info;

use super::{
    build_client,
    error::Result,
    map_http_error, map_sdk_error,
    store::{self, account_dir},
    storeless_client, validate_homeserver, AccountError, ClientConfig,
};
use crate::InnomedClient;

/// The identity provider's id in the homeserver's `oidc_providers` (`idp_id: psc`).
pub const PSC_PROVIDER_ID: &str = "oidc-psc";

/// A sign-in with Pro Santé Connect under way: the page to open, then [`PscSignIn::finish`].
#[derive(Debug)]
pub struct PscSignIn {
    config: ClientConfig,
    /// The homeserver address of `config`, checked when the sign-in started.
    homeserver: url::Url,
    client: Client,
    redirect_url: url::Url,
    url: String,
}

impl InnomedClient {
    /// Starts a sign-in with Pro Santé Connect: checks that the homeserver offers it and
    /// returns the page to open. `redirect_url` is where the homeserver sends the browser back
    /// (`fr.innomed.app:/psc` for the apps, `http://127.0.0.1:PORT/` for the terminal).
    pub async fn start_psc_sign_in(config: &ClientConfig, redirect_url: &str) -> Result<PscSignIn> {
        let homeserver = validate_homeserver(&config.homeserver_url)?;
        let redirect =
            url::Url::parse(redirect_url.trim()).map_err(|_| AccountError::SignInRefused)?;
        let client = storeless_client(&homeserver).await?;
        let offered = client
            .matrix_auth()
            .get_login_types()
            .await
            .map_err(|e| map_http_error(&e))?
            .flows
            .into_iter()
            .any(|flow| match flow {
                get_login_types::v3::LoginType::Sso(sso) => sso
                    .identity_providers
                    .iter()
                    .any(|idp| idp.id == PSC_PROVIDER_ID),
                _ => false,
            });
        if !offered {
            return Err(AccountError::ProSanteConnectUnavailable);
        }
        let url = client
            .matrix_auth()
            .get_sso_login_url(redirect.as_str(), Some(PSC_PROVIDER_ID))
            .await
            .map_err(|e| map_sdk_error(&e))?;
        Ok(PscSignIn {
            config: config.clone(),
            homeserver,
            client,
            redirect_url: redirect,
            url,
        })
    }
}

impl PscSignIn {
    /// The page to open: the homeserver's, which sends the browser on to Pro Santé Connect.
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// Ends the sign-in with the address the browser was sent back to. The account is the one
    /// the homeserver keeps for this professional's national id; this device is a new one.
    pub async fn finish(&self, callback_url: &str) -> Result<InnomedClient> {
        let token = login_token(&self.redirect_url, callback_url)?;
        let device_id = store::new_device_id();
        let mut request =
            login::v3::Request::new(login::v3::LoginInfo::Token(login::v3::Token::new(token)));
        request.device_id = Some(device_id.as_str().into());
        request.initial_device_display_name = Some("Innomed".to_owned());
        request.refresh_token = true;
        let response =
            self.client
                .send(request)
                .await
                .map_err(|e| match e.client_api_error_kind() {
                    Some(ErrorKind::Forbidden) => AccountError::SignInRefused,
                    _ => map_http_error(&e),
                })?;
        let user_id = response.user_id;
        let dir = account_dir(&self.config.data_dir, user_id.as_str(), &device_id);
        let session = MatrixSession {
            meta: SessionMeta {
                user_id: user_id.clone(),
                device_id: response.device_id,
            },
            tokens: SessionTokens {
                access_token: response.access_token,
                refresh_token: response.refresh_token,
            },
        };
        let opened = match build_client(&self.homeserver, &dir, &self.config.store_key).await {
            Ok((client, lease)) => match client.restore_session(session.clone()).await {
                Ok(()) => Ok((client, lease)),
                Err(e) => {
                    drop(client);
                    store::wipe(&dir)?;
                    Err(super::map_sdk_error(&e))
                }
            },
            Err(e) => Err(e),
        };
        // A store that cannot be opened leaves a device without keys on the server: it never
        // receives room keys (they go to cross-signed devices only) and the doctor's device
        // list shows it to sign out.
        let (client, lease) = opened?;
        info!(%user_id, "signed in with Pro Santé Connect");
        client
            .encryption()
            .wait_for_e2ee_initialization_tasks()
            .await;
        Ok(InnomedClient::new(
            client,
            dir,
            lease,
            &self.config.store_key,
        ))
    }
}

use matrix_sdk::ruma::api::error::ErrorKind;

/// The one-time login token of the address the homeserver sent the browser back to, which must
/// be the redirect address this sign-in gave.
fn login_token(redirect: &url::Url, callback_url: &str) -> Result<String> {
    let callback = url::Url::parse(callback_url.trim()).map_err(|_| AccountError::SignInRefused)?;
    let same_place = callback.scheme() == redirect.scheme()
        && callback.host_str() == redirect.host_str()
        && callback.port_or_known_default() == redirect.port_or_known_default()
        && callback.path() == redirect.path();
    if !same_place {
        return Err(AccountError::SignInRefused);
    }
    callback
        .query_pairs()
        .find(|(key, _)| key == "loginToken")
        .map(|(_, token)| token.into_owned())
        .filter(|token| !token.is_empty())
        .ok_or(AccountError::SignInRefused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_comes_only_from_the_redirect_address() {
        let redirect = url::Url::parse("http://127.0.0.1:4000/psc").expect("url");
        assert_eq!(
            login_token(&redirect, "http://127.0.0.1:4000/psc?loginToken=abc").ok(),
            Some("abc".to_owned())
        );
        for refused in [
            "http://127.0.0.1:4001/psc?loginToken=abc",
            "http://127.0.0.1:4000/other?loginToken=abc",
            "https://127.0.0.1:4000/psc?loginToken=abc",
            "http://127.0.0.1:4000/psc",
            "http://127.0.0.1:4000/psc?loginToken=",
            "not a url",
        ] {
            assert!(
                matches!(
                    login_token(&redirect, refused),
                    Err(AccountError::SignInRefused)
                ),
                "{refused}"
            );
        }
    }
}

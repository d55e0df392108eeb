//! Sign-in with Pro Santé Connect: the app opens [`PscSignIn::url`] in the platform's
//! authentication session (Custom Tabs, `ASWebAuthenticationSession`) and hands the address it
//! was sent back to to [`PscSignIn::finish`]; joining a CPTS with that identity.

use std::sync::Arc;

use innomed_core::{AccountError, CptsError, JoinRequest, MemberEntry, PscIdentity};

use crate::{
    client::{Client, ClientBuilder, SecureStore},
    cpts::Cpts,
    platform::{on_core, run},
};

/// A sign-in with Pro Santé Connect under way.
#[derive(uniffi::Object)]
pub struct PscSignIn {
    sign_in: Arc<innomed_core::PscSignIn>,
    secure_store: Arc<dyn SecureStore>,
}

#[uniffi::export]
impl ClientBuilder {
    /// Starts a sign-in with Pro Santé Connect; `redirect_url` is the app's own address
    /// (`fr.innomed.app:/psc`) the page comes back to.
    pub async fn start_psc_sign_in(
        &self,
        redirect_url: String,
    ) -> Result<Arc<PscSignIn>, AccountError> {
        let config = self.config_for_login()?;
        let secure_store = self.secure_store.clone();
        let sign_in = run(async move {
            innomed_core::InnomedClient::start_psc_sign_in(&config, &redirect_url).await
        })
        .await?;
        Ok(Arc::new(PscSignIn {
            sign_in: Arc::new(sign_in),
            secure_store,
        }))
    }
}

#[uniffi::export]
impl PscSignIn {
    /// The page to open in the platform's authentication session.
    pub fn url(&self) -> String {
        self.sign_in.url()
    }

    /// Ends the sign-in with the address the page came back to; the session is kept in the
    /// secure store as after a password sign-in.
    pub async fn finish(&self, callback_url: String) -> Result<Arc<Client>, AccountError> {
        let sign_in = self.sign_in.clone();
        let store = self.secure_store.clone();
        run(async move { Client::signed_in(sign_in.finish(&callback_url).await?, store) }).await
    }
}

#[uniffi::export]
impl Client {
    /// Asks to join a CPTS by its space id (from the coordinator); an approval arrives as the
    /// CPTS's invitation.
    pub async fn ask_to_join_cpts(&self, space_id: String) -> Result<(), CptsError> {
        on_core!(self.core_for_cpts()?, |c| c.ask_to_join_cpts(&space_id))
    }

    /// What Pro Santé Connect said of a user of this homeserver, if they signed in with it.
    pub async fn psc_identity(&self, user_id: String) -> Result<Option<PscIdentity>, CptsError> {
        on_core!(self.core_for_cpts()?, |c| c.psc_identity(&user_id))
    }
}

#[uniffi::export]
impl Cpts {
    /// Coordinator: who asked to join, with their Pro Santé Connect identity.
    pub async fn join_requests(&self) -> Result<Vec<JoinRequest>, CptsError> {
        on_core!(self.cpts, |cpts| cpts.join_requests())
    }

    /// Coordinator: approves a request; the entry comes from the PSC identity, `specialties`
    /// are those served on duty.
    pub async fn approve(
        &self,
        user_id: String,
        specialties: Vec<String>,
        retired: bool,
    ) -> Result<MemberEntry, CptsError> {
        on_core!(self.cpts, |cpts| cpts.approve(
            &user_id,
            specialties,
            retired
        ))
    }

    /// Coordinator: refuses a request.
    pub async fn refuse(&self, user_id: String) -> Result<(), CptsError> {
        on_core!(self.cpts, |cpts| cpts.refuse(&user_id))
    }
}

//! A verified colleague's identity changed (new cross-signing keys: a reinstalled app without
//! the recovery key, or an impostor). Sending into a case with them stops: the message waits on
//! the device with [`SendState::BlockedByIdentityChange`](crate::SendState), until the doctor
//! acknowledges the change (after checking with the colleague), which withdraws the old
//! verification and sends what was waiting.
//!
//! [`InnomedClient::reset_identity`] is the other end: a doctor who lost the recovery key and
//! every device starts a new identity (with the password), and gets a new recovery key.

use matrix_sdk::{
    encryption::CrossSigningResetAuthType,
    ruma::api::client::uiaa::{AuthData, Password, UserIdentifier},
};
use matrix_sdk_ui::timeline::EventSendState;
use tracing::info;

use super::TrustError;
use crate::{Conversation, InnomedClient};

impl InnomedClient {
    /// Whether a colleague this doctor verified now shows another identity.
    pub async fn has_identity_changed(&self, user_id: &str) -> Result<bool, TrustError> {
        Ok(self
            .fresh_identity(user_id)
            .await?
            .is_some_and(|i| i.has_verification_violation()))
    }

    /// Replaces the doctor's cross-signing identity (the password confirms it) and sets up
    /// recovery again. Returns the new recovery key. Colleagues who had verified the old
    /// identity are told it changed.
    pub async fn reset_identity(&self, password: &str) -> Result<String, TrustError> {
        let encryption = self.client.encryption();
        encryption.wait_for_e2ee_initialization_tasks().await;
        let recovery = encryption.recovery();
        if let Some(handle) = recovery.reset_identity().await.map_err(TrustError::from)? {
            let auth = match handle.auth_type() {
                CrossSigningResetAuthType::Uiaa(info) => {
                    let user_id = self
                        .client
                        .user_id()
                        .ok_or_else(|| TrustError::Server("not signed in".into()))?;
                    let mut password = Password::new(
                        UserIdentifier::from(user_id.to_owned()),
                        password.to_owned(),
                    );
                    password.session = info.session.clone();
                    Some(AuthData::Password(password))
                }
                CrossSigningResetAuthType::OAuth(_) => None,
            };
            handle
                .reset(auth)
                .await
                .map_err(|_| TrustError::WrongPassword)?;
        }
        info!("identity reset");
        self.enable_recovery().await
    }
}

impl Conversation {
    /// Acknowledges that `user_id`'s identity changed: the old verification is withdrawn and
    /// the messages waiting because of it are sent. Returns how many were waiting.
    pub async fn acknowledge_identity_change(&self, user_id: &str) -> Result<usize, TrustError> {
        let user_id =
            crate::account::parse_user_id(user_id).map_err(|_| TrustError::UnknownDevice)?;
        let encryption = self.case.room.client().encryption();
        if let Some(identity) = encryption
            .get_user_identity(&user_id)
            .await
            .map_err(|e| TrustError::Server(e.to_string()))?
        {
            identity
                .withdraw_verification()
                .await
                .map_err(|e| TrustError::Server(e.to_string()))?;
        }
        // Acknowledging is the doctor's decision about the new identity, in this case.
        crate::cases::confirm_identity(&self.case.room, &user_id).await;
        let mut resent = 0;
        for item in self.timeline.items().await.iter() {
            let Some(event) = item.as_event() else {
                continue;
            };
            let blocked = matches!(
                event.send_state(),
                Some(EventSendState::SendingFailed { error, .. })
                    if crate::conversation::blocking_users(error).contains(&user_id)
            );
            if let (true, Some(handle)) = (blocked, event.local_echo_send_handle()) {
                handle
                    .unwedge()
                    .await
                    .map_err(|e| TrustError::Server(e.to_string()))?;
                resent += 1;
            }
        }
        // The SDK pauses a room's queue after any failure: resume it.
        self.case.room.send_queue().set_enabled(true);
        info!(room_id = %self.case.room_id(), resent, "identity change acknowledged");
        Ok(resent)
    }
}

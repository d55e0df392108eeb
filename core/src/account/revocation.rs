//! Remote sign-out: the homeserver stops accepting this device's token (the device was deleted
//! from another session, the CPTS admin deactivated the account, the password was reset).
//! The core notices on the next request, stops syncing and sending, deletes every local file
//! of the account, and tells the app.

use std::{path::PathBuf, sync::Arc};

use matrix_sdk::{Client, SessionChange};
use tokio::{
    sync::{broadcast::error::RecvError, watch},
    task::JoinHandle,
};
use tracing::{info, warn};

use super::store;
use crate::client::quiesce;
use crate::sync::SyncSupervisor;

/// The running watch of one open account.
pub(crate) struct RevocationWatch {
    signed_out: watch::Receiver<bool>,
    task: JoinHandle<()>,
}

impl RevocationWatch {
    pub(crate) fn install(client: Client, sync: Arc<SyncSupervisor>, dir: Arc<PathBuf>) -> Self {
        let (tx, signed_out) = watch::channel(false);
        let mut changes = client.subscribe_to_session_changes();
        let task = tokio::spawn(async move {
            loop {
                match changes.recv().await {
                    Ok(SessionChange::UnknownToken(data)) if !data.soft_logout => break,
                    // An expired token the SDK could not exchange: revoked only if the
                    // homeserver refuses the refresh token itself (not on a network failure).
                    Ok(SessionChange::UnknownToken(_)) if refresh_refused(&client).await => break,
                    Ok(_) | Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return,
                }
            }
            quiesce(&client, &sync).await;
            match store::wipe(&dir) {
                Ok(()) => info!("session revoked by the homeserver: local data wiped"),
                Err(e) => warn!("session revoked, local data not wiped: {e}"),
            }
            let _ = tx.send(true);
        });
        Self { signed_out, task }
    }

    pub(crate) fn is_signed_out(&self) -> bool {
        *self.signed_out.borrow()
    }

    /// `true` once revoked; `false` if the watch ended because the account was closed here.
    pub(crate) fn signed_out(&self) -> impl std::future::Future<Output = bool> + Send + 'static {
        let mut signed_out = self.signed_out.clone();
        async move { signed_out.wait_for(|done| *done).await.is_ok() }
    }

    /// The account is being closed or logged out here: stop watching.
    pub(crate) fn stop(&self) {
        self.task.abort();
    }
}

impl crate::InnomedClient {
    /// Whether the homeserver revoked this device's session (its local data is then wiped).
    pub fn is_signed_out(&self) -> bool {
        self.revocation.is_signed_out()
    }

    /// Resolves with `true` once the homeserver revoked this device's session and the
    /// account's local data was wiped (the app then forgets the saved session and shows the
    /// sign-in screen), or with `false` when the account is closed or logged out here. The
    /// future does not keep the account open.
    pub fn signed_out(&self) -> impl std::future::Future<Output = bool> + Send + 'static {
        self.revocation.signed_out()
    }
}

/// Asks for new tokens once more: whether the homeserver refused the refresh token.
async fn refresh_refused(client: &Client) -> bool {
    match client.matrix_auth().refresh_access_token().await {
        Ok(()) => false,
        Err(e) => crate::failure::session_refused(&matrix_sdk::HttpError::RefreshToken(e)),
    }
}

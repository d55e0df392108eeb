//! Recovery: server-side key backup and secret storage (cross-signing keys, backup key),
//! locked by one recovery key the doctor keeps on paper or in a password manager.
//!
//! The first device enables it and shows the key once. A new device signs in with the
//! password, enters the key, imports the secrets (its own device becomes cross-signed, so
//! colleagues' keys reach it) and downloads the room keys of the backup, so the old history
//! reads. A wrong key is refused before anything is imported.

use std::time::Duration;

use matrix_sdk::encryption::recovery::RecoveryState;
use tracing::{info, warn};

use super::TrustError;
use crate::InnomedClient;

/// What the sign-in flow shows next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RecoveryStatus {
    /// Not known until the first sync read the account's data.
    Unknown,
    /// Never set up: offer to create the recovery key (first device).
    Disabled,
    /// Set up, and this device holds every secret.
    Enabled,
    /// Set up on another device, missing here: ask for the recovery key.
    Incomplete,
}

impl From<RecoveryState> for RecoveryStatus {
    fn from(state: RecoveryState) -> Self {
        match state {
            RecoveryState::Unknown => Self::Unknown,
            RecoveryState::Disabled => Self::Disabled,
            RecoveryState::Enabled => Self::Enabled,
            RecoveryState::Incomplete => Self::Incomplete,
        }
    }
}

impl InnomedClient {
    pub fn recovery_status(&self) -> RecoveryStatus {
        self.client.encryption().recovery().state().into()
    }

    /// Creates the key backup and the secret storage, uploads the room keys this device has,
    /// and returns the recovery key: the only time it is available. Refused if recovery is
    /// already set up for the account (from any device).
    pub async fn enable_recovery(&self) -> Result<String, TrustError> {
        let encryption = self.client.encryption();
        encryption.wait_for_e2ee_initialization_tasks().await;
        let recovery = encryption.recovery();
        if matches!(
            recovery.state(),
            RecoveryState::Enabled | RecoveryState::Incomplete
        ) {
            return Err(TrustError::RecoveryAlreadyEnabled);
        }
        let key = recovery.enable().wait_for_backups_to_upload().await?;
        info!("recovery enabled");
        Ok(key)
    }

    /// Imports the account's secrets with `recovery_key`: this device becomes cross-signed and
    /// the room keys of the backup are downloaded. A wrong key changes nothing.
    pub async fn recover(&self, recovery_key: &str) -> Result<(), TrustError> {
        let encryption = self.client.encryption();
        encryption.wait_for_e2ee_initialization_tasks().await;
        encryption.recovery().recover(recovery_key.trim()).await?;
        info!("secrets imported from recovery");
        Ok(())
    }

    /// Waits until every room key of this device is in the server-side backup, at most
    /// `timeout`. Returns whether it got there (before logging out, for instance).
    pub async fn wait_for_backup(&self, timeout: Duration) -> bool {
        let backups = self.client.encryption().backups();
        if !backups.are_enabled().await {
            return false;
        }
        match tokio::time::timeout(timeout, backups.wait_for_steady_state()).await {
            Ok(Ok(())) => true,
            Ok(Err(_)) => {
                warn!("room keys not backed up yet");
                false
            }
            Err(_) => false,
        }
    }

    /// Whether this device is signed by the doctor's own cross-signing identity.
    pub async fn is_device_cross_signed(&self) -> bool {
        match self.client.encryption().get_own_device().await {
            Ok(Some(device)) => device.is_cross_signed_by_owner(),
            _ => false,
        }
    }
}

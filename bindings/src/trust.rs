//! The doctor's identity across devices: the recovery key (shown once on the first device,
//! entered on a new one), the key backup, whether this device is cross-signed, and sign-out
//! from elsewhere.

use std::{sync::Arc, time::Duration};

use innomed_core::{AccountError, RecoveryStatus, TrustError};

use crate::{client::Client, platform::on_core, task::TaskHandle};

/// Told when the homeserver revoked this device's session (device deleted from another
/// session, account deactivated by the CPTS admin): the account's local data and the saved
/// session and store key are already deleted; the app shows the sign-in screen.
#[uniffi::export(foreign)]
pub trait SignOutListener: Send + Sync {
    fn on_signed_out(&self);
}

#[uniffi::export]
impl Client {
    /// Which screen comes after sign-in: create the recovery key (`Disabled`), enter it
    /// (`Incomplete`), nothing (`Enabled`), or wait for sync (`Unknown`).
    pub fn recovery_status(&self) -> Result<RecoveryStatus, AccountError> {
        Ok(self.core()?.recovery_status())
    }

    /// Sets up key backup and secret storage and returns the recovery key. Show it once; it
    /// is never available again.
    pub async fn enable_recovery(&self) -> Result<String, TrustError> {
        on_core!(self.core_for_trust()?, |c| c.enable_recovery())
    }

    /// Enters the recovery key on a new device: it becomes cross-signed and reads the old
    /// history. A wrong key is `WrongRecoveryKey` and changes nothing.
    pub async fn recover(&self, recovery_key: String) -> Result<(), TrustError> {
        on_core!(self.core_for_trust()?, |c| c.recover(&recovery_key))
    }

    /// Waits (at most `timeout_ms`) until this device's room keys are in the backup.
    pub async fn wait_for_backup(&self, timeout_ms: u64) -> Result<bool, AccountError> {
        let timeout = Duration::from_millis(timeout_ms);
        Ok(on_core!(self.core()?, |c| c.wait_for_backup(timeout)))
    }

    /// Calls `listener` once if the homeserver revokes this session while the app runs.
    pub fn watch_sign_out(
        &self,
        listener: Arc<dyn SignOutListener>,
    ) -> Result<Arc<TaskHandle>, AccountError> {
        // Only the signal: the task must not keep the account open after `shutdown`.
        let signed_out = self.core()?.signed_out();
        let store = self.secure_store.clone();
        Ok(TaskHandle::spawn(move |cancelled| async move {
            if !signed_out.await || cancelled.is_set() {
                return;
            }
            let _ = store.delete_session();
            let _ = store.delete_store_key();
            listener.on_signed_out();
        }))
    }

    /// Whether a colleague this doctor verified now shows another identity.
    pub async fn has_identity_changed(&self, user_id: String) -> Result<bool, TrustError> {
        on_core!(self.core_for_trust()?, |c| c.has_identity_changed(&user_id))
    }

    /// Starts a new identity (lost recovery key and every device); returns the new recovery
    /// key, to show once.
    pub async fn reset_identity(&self, password: String) -> Result<String, TrustError> {
        on_core!(self.core_for_trust()?, |c| c.reset_identity(&password))
    }

    /// Verifies the colleagues the coordinators this doctor verified attest (after verifying a
    /// coordinator, say); returns who was verified now.
    pub async fn apply_attestations(&self) -> Result<Vec<String>, AccountError> {
        let newly = on_core!(self.core()?, |c| c.apply_attestations());
        Ok(newly.into_iter().map(|u| u.to_string()).collect())
    }

    /// Whether the doctor's own identity signed this device.
    pub async fn is_device_cross_signed(&self) -> Result<bool, AccountError> {
        Ok(on_core!(self.core()?, |c| c.is_device_cross_signed()))
    }
}

impl Client {
    pub(crate) fn core_for_trust(&self) -> Result<innomed_core::InnomedClient, TrustError> {
        self.core().map_err(|_| TrustError::Closed)
    }
}

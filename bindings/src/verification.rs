//! Emoji verification for the shells: request a device, receive a request, accept, start the
//! emojis, show them, confirm or report a mismatch.

use std::{sync::Arc, time::Duration};

use innomed_core::{AccountError, DeviceInfo, TrustError, VerificationState};

use crate::{client::Client, platform::on_core};

/// One verification with another device.
#[derive(uniffi::Object)]
pub struct Verification {
    inner: innomed_core::Verification,
}

impl Verification {
    fn new(inner: innomed_core::Verification) -> Arc<Self> {
        Arc::new(Self { inner })
    }
}

#[uniffi::export]
impl Verification {
    pub fn other_user_id(&self) -> String {
        self.inner.other_user_id().to_string()
    }

    pub fn is_self_verification(&self) -> bool {
        self.inner.is_self_verification()
    }

    pub async fn state(&self) -> VerificationState {
        on_core!(self.inner, |v| v.state())
    }

    /// Waits at most `timeout_ms` for the state to change from `current`; returns the state
    /// then (the same one on time-out).
    pub async fn next_state(
        &self,
        current: VerificationState,
        timeout_ms: u64,
    ) -> VerificationState {
        let timeout = Duration::from_millis(timeout_ms);
        on_core!(self.inner, |v| async move {
            match v.wait_for(timeout, |s| *s != current).await {
                Some(state) => state,
                None => v.state().await,
            }
        })
    }

    pub async fn accept(&self) -> Result<(), TrustError> {
        on_core!(self.inner, |v| v.accept())
    }

    pub async fn start_emojis(&self) -> Result<(), TrustError> {
        on_core!(self.inner, |v| v.start_emojis())
    }

    pub async fn confirm(&self) -> Result<(), TrustError> {
        on_core!(self.inner, |v| v.confirm())
    }

    pub async fn mismatch(&self) -> Result<(), TrustError> {
        on_core!(self.inner, |v| v.mismatch())
    }

    pub async fn cancel(&self) -> Result<(), TrustError> {
        on_core!(self.inner, |v| v.cancel())
    }
}

#[uniffi::export]
impl Client {
    /// Asks one device (the doctor's own other phone, or a colleague's) to verify.
    pub async fn verify_device(
        &self,
        user_id: String,
        device_id: String,
    ) -> Result<Arc<Verification>, TrustError> {
        on_core!(self.core_for_trust()?, |c| c
            .verify_device(&user_id, &device_id))
        .map(Verification::new)
    }

    /// The next request another device sent, waiting at most `timeout_ms`.
    pub async fn incoming_verification(
        &self,
        timeout_ms: u64,
    ) -> Result<Option<Arc<Verification>>, AccountError> {
        let timeout = Duration::from_millis(timeout_ms);
        let inner = on_core!(self.core()?, |c| c.incoming_verification(timeout));
        Ok(inner.map(Verification::new))
    }

    /// A user's devices, fresh from the homeserver.
    pub async fn devices_of(&self, user_id: String) -> Result<Vec<DeviceInfo>, TrustError> {
        on_core!(self.core_for_trust()?, |c| c.devices_of(&user_id))
    }

    /// Whether this doctor verified the colleague (emojis compared).
    pub async fn is_user_verified(&self, user_id: String) -> Result<bool, TrustError> {
        on_core!(self.core_for_trust()?, |c| c.is_user_verified(&user_id))
    }
}

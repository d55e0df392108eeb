//! Emoji verification for the shells: request a device, receive a request, accept, start the
//! emojis, show them, confirm or report a mismatch.

use std::{sync::Arc, time::Duration};

use innomed_core::{self as core};

use crate::{
    client::Client,
    error::{ClientError, TrustError},
    platform::run,
};

/// One of the seven emojis. `index` is its place (0–63) in the spec's table: the shells show
/// the name from their own French and English strings; `description` is the spec's English name.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct SasEmoji {
    pub index: u8,
    pub symbol: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum VerificationState {
    Requested,
    Ready,
    Starting,
    /// Show these; ask whether the other screen shows the same.
    Emojis {
        emojis: Vec<SasEmoji>,
    },
    Confirmed,
    Done,
    Cancelled {
        reason: String,
    },
}

impl From<core::VerificationState> for VerificationState {
    fn from(s: core::VerificationState) -> Self {
        match s {
            core::VerificationState::Requested => Self::Requested,
            core::VerificationState::Ready => Self::Ready,
            core::VerificationState::Starting => Self::Starting,
            core::VerificationState::Emojis(emojis) => Self::Emojis {
                emojis: emojis
                    .into_iter()
                    .map(|e| SasEmoji {
                        index: e.index,
                        symbol: e.symbol,
                        description: e.description,
                    })
                    .collect(),
            },
            core::VerificationState::Confirmed => Self::Confirmed,
            core::VerificationState::Done => Self::Done,
            core::VerificationState::Cancelled { reason } => Self::Cancelled { reason },
        }
    }
}

/// A device of a user, and whether this doctor trusts it.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct DeviceInfo {
    pub device_id: String,
    pub verified: bool,
    pub cross_signed_by_owner: bool,
}

/// One verification with another device.
#[derive(uniffi::Object)]
pub struct Verification {
    inner: core::Verification,
}

#[uniffi::export]
impl Verification {
    pub fn other_user_id(&self) -> String {
        self.inner.other_user_id().to_string()
    }

    pub fn is_self_verification(&self) -> bool {
        self.inner.is_self_verification()
    }

    pub async fn state(&self) -> Result<VerificationState, TrustError> {
        let v = self.inner.clone();
        Ok(run(async move { v.state().await }).await?.into())
    }

    /// Waits at most `timeout_ms` for the state to change from `current`; returns the state
    /// then (the same one on time-out).
    pub async fn next_state(
        &self,
        current: VerificationState,
        timeout_ms: u64,
    ) -> Result<VerificationState, TrustError> {
        let v = self.inner.clone();
        let state = run(async move {
            let timeout = Duration::from_millis(timeout_ms);
            match v
                .wait_for(timeout, |s| VerificationState::from(s.clone()) != current)
                .await
            {
                Some(state) => state,
                None => v.state().await,
            }
        })
        .await?;
        Ok(state.into())
    }

    pub async fn accept(&self) -> Result<(), TrustError> {
        let v = self.inner.clone();
        Ok(run(async move { v.accept().await }).await??)
    }

    pub async fn start_emojis(&self) -> Result<(), TrustError> {
        let v = self.inner.clone();
        Ok(run(async move { v.start_emojis().await }).await??)
    }

    pub async fn confirm(&self) -> Result<(), TrustError> {
        let v = self.inner.clone();
        Ok(run(async move { v.confirm().await }).await??)
    }

    pub async fn mismatch(&self) -> Result<(), TrustError> {
        let v = self.inner.clone();
        Ok(run(async move { v.mismatch().await }).await??)
    }

    pub async fn cancel(&self) -> Result<(), TrustError> {
        let v = self.inner.clone();
        Ok(run(async move { v.cancel().await }).await??)
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
        let client = self.core().map_err(|_| TrustError::Closed)?;
        let inner = run(async move { client.verify_device(&user_id, &device_id).await }).await??;
        Ok(Arc::new(Verification { inner }))
    }

    /// The next request another device sent, waiting at most `timeout_ms`.
    pub async fn incoming_verification(
        &self,
        timeout_ms: u64,
    ) -> Result<Option<Arc<Verification>>, ClientError> {
        let client = self.core()?;
        let inner = run(async move {
            client
                .incoming_verification(Duration::from_millis(timeout_ms))
                .await
        })
        .await?;
        Ok(inner.map(|inner| Arc::new(Verification { inner })))
    }

    /// A user's devices, fresh from the homeserver.
    pub async fn devices_of(&self, user_id: String) -> Result<Vec<DeviceInfo>, TrustError> {
        let client = self.core().map_err(|_| TrustError::Closed)?;
        let devices = run(async move { client.devices_of(&user_id).await }).await??;
        Ok(devices
            .into_iter()
            .map(|d| DeviceInfo {
                device_id: d.device_id,
                verified: d.verified,
                cross_signed_by_owner: d.cross_signed_by_owner,
            })
            .collect())
    }

    /// Whether this doctor verified the colleague (emojis compared).
    pub async fn is_user_verified(&self, user_id: String) -> Result<bool, TrustError> {
        let client = self.core().map_err(|_| TrustError::Closed)?;
        Ok(run(async move { client.is_user_verified(&user_id).await }).await??)
    }
}

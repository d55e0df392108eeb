//! Emoji (SAS) verification, step by step, between two devices of the same doctor or a doctor
//! and a colleague's device. Each side sees the same seven emojis; once both confirm, the other
//! device is signed (and, for a colleague, their identity is marked verified), so room keys
//! flow to it and its messages are trusted.
//!
//! The requester calls [`InnomedClient::verify_device`]; the other device receives the request
//! from [`InnomedClient::incoming_verification`], `accept`s it; either side then
//! `start_emojis`; both read [`Verification::state`] until `Emojis`, compare them with the other
//! person, and `confirm` (or `mismatch`).

use std::time::Duration;

use futures_util::StreamExt;
use matrix_sdk::{
    encryption::verification::{
        SasState, SasVerification, Verification as SdkVerification, VerificationRequest,
        VerificationRequestState,
    },
    ruma::{events::key::verification::request::ToDeviceKeyVerificationRequestEvent, OwnedUserId},
    Client,
};
use tokio::sync::{mpsc, Mutex};
use tracing::{debug, info};

use super::TrustError;
use crate::InnomedClient;

/// One of the seven emojis: the symbol, its English name, and its place (0–63) in the spec's
/// table, which the shells use to show the name in the doctor's language.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SasEmoji {
    pub index: u8,
    pub symbol: String,
    pub description: String,
}

/// Where a verification stands.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum VerificationState {
    /// Sent, or received and not accepted yet.
    Requested,
    /// Both sides accepted: either may `start_emojis`.
    Ready,
    /// The emoji exchange started; the keys are on their way.
    Starting,
    /// Compare these with the other screen, then `confirm` or `mismatch`.
    Emojis { emojis: Vec<SasEmoji> },
    /// This side confirmed; waiting for the other.
    Confirmed,
    /// Verified.
    Done,
    /// Stopped (`reason` is the protocol's cancel code, e.g. `m.mismatched_sas`).
    Cancelled { reason: String },
}

/// A verification in progress with one other device.
#[derive(Clone, Debug)]
pub struct Verification {
    request: VerificationRequest,
}

/// Incoming requests, queued by the to-device event handler.
pub(crate) struct Incoming {
    receiver: Mutex<mpsc::UnboundedReceiver<VerificationRequest>>,
}

impl Incoming {
    pub(crate) fn install(client: &Client) -> Self {
        let (sender, receiver) = mpsc::unbounded_channel();
        client.add_event_handler(
            move |event: ToDeviceKeyVerificationRequestEvent, client: Client| {
                let sender = sender.clone();
                async move {
                    let request = client
                        .encryption()
                        .get_verification_request(&event.sender, &event.content.transaction_id)
                        .await;
                    if let Some(request) = request {
                        info!(flow_id = request.flow_id(), "verification requested");
                        let _ = sender.send(request);
                    }
                }
            },
        );
        Self {
            receiver: Mutex::new(receiver),
        }
    }
}

impl InnomedClient {
    /// Asks one device (another of the doctor's own, or a colleague's) to verify with emojis.
    pub async fn verify_device(
        &self,
        user_id: &str,
        device_id: &str,
    ) -> Result<Verification, TrustError> {
        let user_id =
            crate::account::parse_user_id(user_id).map_err(|_| TrustError::UnknownDevice)?;
        let encryption = self.client.encryption();
        // The user's devices and identity as the homeserver has them now.
        let _ = encryption.request_user_identity(&user_id).await;
        let device = encryption
            .get_device(&user_id, device_id.into())
            .await
            .map_err(|e| TrustError::Server(e.to_string()))?
            .ok_or(TrustError::UnknownDevice)?;
        let request = device
            .request_verification()
            .await
            .map_err(|e| TrustError::from_sdk(&e))?;
        info!(flow_id = request.flow_id(), "verification requested");
        accept_their_start(request.clone());
        Ok(Verification { request })
    }

    /// The next verification another device asked for, waiting at most `timeout`.
    pub async fn incoming_verification(&self, timeout: Duration) -> Option<Verification> {
        let mut receiver = self.verifications.receiver.lock().await;
        let request = tokio::time::timeout(timeout, receiver.recv())
            .await
            .ok()??;
        Some(Verification { request })
    }

    /// The devices of a user, as the homeserver lists them (to pick one to verify).
    pub async fn devices_of(&self, user_id: &str) -> Result<Vec<DeviceInfo>, TrustError> {
        let user_id =
            crate::account::parse_user_id(user_id).map_err(|_| TrustError::UnknownDevice)?;
        let encryption = self.client.encryption();
        // The list as the homeserver has it now.
        let _ = encryption.request_user_identity(&user_id).await;
        let devices = encryption
            .get_user_devices(&user_id)
            .await
            .map_err(|e| TrustError::Server(e.to_string()))?;
        Ok(devices
            .devices()
            .map(|d| DeviceInfo {
                device_id: d.device_id().to_string(),
                verified: d.is_verified(),
                cross_signed_by_owner: d.is_cross_signed_by_owner(),
            })
            .collect())
    }

    /// Whether the colleague's identity was verified by this doctor (emojis compared).
    pub async fn is_user_verified(&self, user_id: &str) -> Result<bool, TrustError> {
        Ok(self
            .fresh_identity(user_id)
            .await?
            .is_some_and(|i| i.is_verified()))
    }

    /// A user's identity as the homeserver has it now (the signature made at the end of an
    /// emoji exchange, or a new identity, is uploaded there first).
    pub(crate) async fn fresh_identity(
        &self,
        user_id: &str,
    ) -> Result<Option<matrix_sdk::encryption::identities::UserIdentity>, TrustError> {
        let user_id =
            crate::account::parse_user_id(user_id).map_err(|_| TrustError::UnknownDevice)?;
        self.client
            .encryption()
            .request_user_identity(&user_id)
            .await
            .map_err(|e| TrustError::Server(e.to_string()))
    }
}

/// A device of a user, and what this doctor knows of it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeviceInfo {
    pub device_id: String,
    /// Verified by this doctor, directly or through the owner's verified identity.
    pub verified: bool,
    /// Signed by its owner's cross-signing identity.
    pub cross_signed_by_owner: bool,
}

impl Verification {
    pub fn flow_id(&self) -> &str {
        self.request.flow_id()
    }

    pub fn other_user_id(&self) -> OwnedUserId {
        self.request.other_user_id().to_owned()
    }

    pub fn is_self_verification(&self) -> bool {
        self.request.is_self_verification()
    }

    /// Accepts a received request (emoji method only).
    pub async fn accept(&self) -> Result<(), TrustError> {
        self.request
            .accept()
            .await
            .map_err(|e| TrustError::from_sdk(&e))?;
        accept_their_start(self.request.clone());
        Ok(())
    }

    /// Starts the emoji exchange once the request is ready (either side may).
    pub async fn start_emojis(&self) -> Result<(), TrustError> {
        if self.sas().is_some() {
            return Ok(());
        }
        self.request
            .start_sas()
            .await
            .map_err(|e| TrustError::from_sdk(&e))?
            .ok_or(TrustError::VerificationNotReady)?;
        Ok(())
    }

    /// Where it stands now.
    pub async fn state(&self) -> VerificationState {
        if let Some(sas) = self.sas() {
            return sas_state(&sas);
        }
        match self.request.state() {
            VerificationRequestState::Created { .. }
            | VerificationRequestState::Requested { .. } => VerificationState::Requested,
            VerificationRequestState::Ready { .. } => VerificationState::Ready,
            VerificationRequestState::Transitioned { .. } => VerificationState::Starting,
            VerificationRequestState::Done => VerificationState::Done,
            VerificationRequestState::Cancelled(info) => VerificationState::Cancelled {
                reason: info.cancel_code().to_string(),
            },
        }
    }

    /// Waits (at most `timeout`) for a state `accept` says yes to, and returns it.
    pub async fn wait_for(
        &self,
        timeout: Duration,
        accept: impl Fn(&VerificationState) -> bool,
    ) -> Option<VerificationState> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut changes = self.request.changes();
        loop {
            let state = self.state().await;
            if accept(&state) {
                return Some(state);
            }
            let wait = deadline.checked_duration_since(tokio::time::Instant::now())?;
            // Request changes, or a short poll for the emoji exchange's own changes.
            let _ =
                tokio::time::timeout(wait.min(Duration::from_millis(200)), changes.next()).await;
        }
    }

    /// The emojis match on both screens.
    pub async fn confirm(&self) -> Result<(), TrustError> {
        let sas = self.sas().ok_or(TrustError::VerificationNotReady)?;
        sas.confirm().await.map_err(|e| TrustError::from_sdk(&e))
    }

    /// The emojis differ: stop, nothing is verified.
    pub async fn mismatch(&self) -> Result<(), TrustError> {
        let sas = self.sas().ok_or(TrustError::VerificationNotReady)?;
        sas.mismatch().await.map_err(|e| TrustError::from_sdk(&e))
    }

    pub async fn cancel(&self) -> Result<(), TrustError> {
        self.request
            .cancel()
            .await
            .map_err(|e| TrustError::from_sdk(&e))
    }

    fn sas(&self) -> Option<SasVerification> {
        match self.request.state() {
            VerificationRequestState::Transitioned {
                verification: SdkVerification::SasV1(sas),
                ..
            } => Some(sas),
            _ => None,
        }
    }
}

/// Whichever side starts the emoji exchange, the other accepts it without a second tap: the
/// doctor already accepted the verification itself.
fn accept_their_start(request: VerificationRequest) {
    tokio::spawn(async move {
        let mut changes = request.changes();
        loop {
            match request.state() {
                VerificationRequestState::Transitioned {
                    verification: SdkVerification::SasV1(sas),
                    ..
                } => {
                    debug!(
                        flow_id = request.flow_id(),
                        we_started = sas.we_started(),
                        "emoji exchange started"
                    );
                    if !sas.we_started() {
                        if let Err(e) = sas.accept().await {
                            debug!("emoji exchange not accepted: {e}");
                        }
                    }
                    return;
                }
                VerificationRequestState::Done | VerificationRequestState::Cancelled(_) => return,
                _ => {}
            }
            if changes.next().await.is_none() {
                debug!(flow_id = request.flow_id(), "verification changes ended");
                return;
            }
        }
    });
}

fn sas_state(sas: &SasVerification) -> VerificationState {
    match sas.state() {
        SasState::Created { .. } | SasState::Started { .. } | SasState::Accepted { .. } => {
            VerificationState::Starting
        }
        SasState::KeysExchanged { emojis, .. } => match emojis {
            Some(short) => VerificationState::Emojis {
                emojis: short
                    .indices
                    .iter()
                    .zip(short.emojis.iter())
                    .map(|(&index, e)| SasEmoji {
                        index,
                        symbol: e.symbol.to_owned(),
                        description: e.description.to_owned(),
                    })
                    .collect(),
            },
            None => VerificationState::Cancelled {
                reason: "no emoji support".to_owned(),
            },
        },
        SasState::Confirmed => VerificationState::Confirmed,
        SasState::Done { .. } => VerificationState::Done,
        SasState::Cancelled(info) => VerificationState::Cancelled {
            reason: info.cancel_code().to_string(),
        },
    }
}

//! Push: register this phone (content-free pushes), and turn a pushed event id into a
//! lock-screen line, decrypted on the phone (the notification service extension on iOS, the
//! FCM service on Android).

use innomed_core::{self as core};

use crate::{client::Client, convert::NotificationKind, error::PushError, platform::run};

/// Where this phone receives pushes.
#[derive(Clone, Debug, uniffi::Record)]
pub struct PusherConfig {
    /// `fr.innomed.android` or `fr.innomed.ios`.
    pub app_id: String,
    /// The FCM registration token or APNs device token.
    pub pushkey: String,
    /// The push gateway (`https://…/_matrix/push/v1/notify`).
    pub gateway_url: String,
    pub device_name: String,
    /// `fr` or `en`.
    pub lang: String,
    pub platform: PushPlatform,
}

/// Which push service: on iOS the gateway is asked for a `mutable-content` alert (a constant
/// placeholder, the key `push.placeholder` of the app's strings) so the extension can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum PushPlatform {
    Android,
    Ios,
}

impl From<PushPlatform> for core::PushPlatform {
    fn from(p: PushPlatform) -> Self {
        match p {
            PushPlatform::Android => Self::Android,
            PushPlatform::Ios => Self::Ios,
        }
    }
}

/// What a locked screen may show: the case's opaque code and what arrived, never content.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct CaseNotification {
    pub room_id: String,
    pub event_id: String,
    pub case_code: String,
    pub kind: NotificationKind,
    /// Ready-made lines, for a notification extension without the app's resources.
    pub lock_screen_fr: String,
    pub lock_screen_en: String,
}

impl From<core::CaseNotification> for CaseNotification {
    fn from(n: core::CaseNotification) -> Self {
        Self {
            lock_screen_fr: n.lock_screen_text(false),
            lock_screen_en: n.lock_screen_text(true),
            room_id: n.room_id.to_string(),
            event_id: n.event_id.to_string(),
            case_code: n.case_code,
            kind: n.kind.into(),
        }
    }
}

#[uniffi::export]
impl Client {
    /// Registers this phone for pushes that carry event ids only.
    pub async fn register_pusher(&self, config: PusherConfig) -> Result<(), PushError> {
        let client = self.core().map_err(|_| PushError::Closed)?;
        let config = core::PusherConfig {
            app_id: config.app_id,
            pushkey: config.pushkey,
            gateway_url: config.gateway_url,
            device_name: config.device_name,
            lang: config.lang,
            platform: config.platform.into(),
        };
        Ok(run(async move { client.register_pusher(&config).await }).await??)
    }

    /// Decrypts a pushed event on this phone and describes it for the lock screen.
    pub async fn notification(
        &self,
        room_id: String,
        event_id: String,
    ) -> Result<CaseNotification, PushError> {
        let client = self.core().map_err(|_| PushError::Closed)?;
        let n = run(async move { client.notification(&room_id, &event_id).await }).await??;
        Ok(n.into())
    }
}

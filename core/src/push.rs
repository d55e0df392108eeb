//! Push: the homeserver tells the phone's push service only that *an event* exists (pushers are
//! registered with `event_id_only`, and the server is configured with `include_content:
//! false`); the app wakes, and [`InnomedClient::notification`] fetches and decrypts that event
//! on the device to build a lock-screen text that names the case by its opaque code only.

use matrix_sdk::ruma::{
    api::client::push::{Pusher, PusherIds, PusherInit, PusherKind},
    push::{HttpPusherData, PushFormat},
    EventId, OwnedEventId, OwnedRoomId, RoomId,
};
use tracing::{info, warn};

use crate::{cases::CaseRoom, InnomedClient};

/// Why push could not be set up or a notification not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum PushError {
    #[error("the push gateway URL must be https (http only on loopback)")]
    InvalidGatewayUrl,
    #[error("no such case or event on this account")]
    NotFound,
    #[error("the homeserver cannot be reached")]
    HomeserverUnreachable,
    #[error("the homeserver refused the request: {0}")]
    Server(String),
    #[error("this session was closed or signed out")]
    Closed,
}

impl PushError {
    /// The stable code of this error, as for every error of the core.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidGatewayUrl => "invalid_gateway_url",
            Self::NotFound => "push_not_found",
            Self::HomeserverUnreachable => "homeserver_unreachable",
            Self::Server(_) => "server",
            Self::Closed => "closed",
        }
    }

    fn from_sdk(e: &matrix_sdk::Error) -> Self {
        match crate::failure::Failure::of(e) {
            crate::failure::Failure::Unreachable => Self::HomeserverUnreachable,
            crate::failure::Failure::NotFound => Self::NotFound,
            other => Self::Server(other.describe()),
        }
    }
}

/// Where this phone receives pushes: the platform token and the gateway that forwards to
/// Apple (APNs) or Google (FCM).
#[derive(Clone, Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PusherConfig {
    /// The app's id at the gateway (`fr.innomed.android`, `fr.innomed.ios`).
    pub app_id: String,
    /// The FCM registration token or APNs device token.
    pub pushkey: String,
    /// `https://push.cpts-example.fr/_matrix/push/v1/notify`.
    pub gateway_url: String,
    /// Shown in the doctor's list of sessions ("Pixel 8").
    pub device_name: String,
    /// `fr` or `en`.
    pub lang: String,
    pub platform: PushPlatform,
}

/// Which push service the gateway forwards to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PushPlatform {
    /// Firebase Cloud Messaging: a data message wakes the app's service.
    Android,
    /// APNs: the notification service extension runs only for an alert marked
    /// `mutable-content`, so the pusher asks the gateway for one with a constant placeholder
    /// (a key of the app's strings, no case data); the extension replaces it once decrypted.
    Ios,
}

/// The key of the placeholder line in the iOS app's strings, shown if the extension cannot
/// decrypt in time.
pub const IOS_PUSH_PLACEHOLDER_KEY: &str = "push.placeholder";

impl PushPlatform {
    /// What the gateway adds to every push for this platform (Sygnal's `default_payload`).
    fn default_payload(self) -> Option<serde_json::Value> {
        match self {
            Self::Android => None,
            Self::Ios => Some(serde_json::json!({
                "aps": {
                    "mutable-content": 1,
                    "alert": { "loc-key": IOS_PUSH_PLACEHOLDER_KEY },
                }
            })),
        }
    }
}

/// What arrived, as much as a locked screen may show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum NotificationKind {
    Message,
    Photo,
    Invitation,
    /// The message could not be decrypted on this device (yet).
    Encrypted,
    /// For a coordinator: a request of their CPTS nobody took within its window.
    Unanswered,
    Other,
}

/// A decrypted notification: never any patient data, only the case's opaque code.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CaseNotification {
    pub room_id: OwnedRoomId,
    pub event_id: OwnedEventId,
    /// `IM-7K2QX9`.
    pub case_code: String,
    pub kind: NotificationKind,
    /// Ready-made lock-screen lines, for a notification extension without the app's strings.
    pub lock_screen_fr: String,
    pub lock_screen_en: String,
}

impl CaseNotification {
    pub(crate) fn new(
        room_id: OwnedRoomId,
        event_id: OwnedEventId,
        case_code: String,
        kind: NotificationKind,
    ) -> Self {
        Self {
            lock_screen_fr: lock_screen_line(kind, &case_code, false),
            lock_screen_en: lock_screen_line(kind, &case_code, true),
            room_id,
            event_id,
            case_code,
            kind,
        }
    }

    /// The lock-screen line, French first (`english` for the English locale).
    pub fn lock_screen_text(&self, english: bool) -> String {
        if english {
            self.lock_screen_en.clone()
        } else {
            self.lock_screen_fr.clone()
        }
    }
}

fn lock_screen_line(kind: NotificationKind, code: &str, english: bool) -> String {
    {
        match (kind, english) {
            (NotificationKind::Photo, false) => format!("Nouvelle photo — dossier {code}"),
            (NotificationKind::Photo, true) => format!("New photo — case {code}"),
            (NotificationKind::Invitation, false) => format!("Invitation au dossier {code}"),
            (NotificationKind::Invitation, true) => format!("Invitation to case {code}"),
            (NotificationKind::Unanswered, false) => {
                format!("Demande sans réponse — dossier {code}")
            }
            (NotificationKind::Unanswered, true) => format!("Unanswered request — case {code}"),
            (_, false) => format!("Nouveau message — dossier {code}"),
            (_, true) => format!("New message — case {code}"),
        }
    }
}

impl InnomedClient {
    /// Registers this phone with the homeserver's pusher API, content-free (`event_id_only`).
    pub async fn register_pusher(&self, config: &PusherConfig) -> Result<(), PushError> {
        let url = url::Url::parse(&config.gateway_url).map_err(|_| PushError::InvalidGatewayUrl)?;
        let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
        if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
            return Err(PushError::InvalidGatewayUrl);
        }
        let mut data = HttpPusherData::new(config.gateway_url.clone());
        data.format = Some(PushFormat::EventIdOnly);
        if let Some(payload) = config.platform.default_payload() {
            data.data.insert("default_payload".to_owned(), payload);
        }
        let pusher: Pusher = PusherInit {
            ids: PusherIds::new(config.pushkey.clone(), config.app_id.clone()),
            kind: PusherKind::Http(data),
            app_display_name: "Innomed".to_owned(),
            device_display_name: config.device_name.clone(),
            profile_tag: None,
            lang: config.lang.clone(),
        }
        .into();
        self.client
            .pusher()
            .set(pusher, false)
            .await
            .map_err(|e| PushError::from_sdk(&e))?;
        info!("pusher registered (event id only)");
        // A coordinator's phone rings for the alerts of the CPTS they coordinate.
        let coordinated = self
            .cpts_spaces()
            .into_iter()
            .filter(|space| space.is_joined() && space.is_coordinator());
        for space in coordinated {
            if let Err(e) = space.push_alerts().await {
                warn!(room_id = %space.space_id(), "alerts not pushed: {}", e.code());
            }
        }
        Ok(())
    }

    /// Fetches and decrypts the pushed event on this device and says what it is.
    pub async fn notification(
        &self,
        room_id: &str,
        event_id: &str,
    ) -> Result<CaseNotification, PushError> {
        let room_id = <&RoomId>::try_from(room_id).map_err(|_| PushError::NotFound)?;
        let event_id = <&EventId>::try_from(event_id).map_err(|_| PushError::NotFound)?;
        let room = self.client.get_room(room_id).ok_or(PushError::NotFound)?;
        if room.is_space() {
            // A CPTS space pushes only its coordinator's alerts.
            let space = self
                .cpts(room_id.as_str())
                .map_err(|_| PushError::NotFound)?;
            return space
                .alert_notification(event_id.to_owned())
                .await
                .ok_or(PushError::NotFound);
        }
        let case = CaseRoom::new(self.clone(), room.clone()).map_err(|_| PushError::NotFound)?;
        let kind = if room.state() == matrix_sdk::RoomState::Invited {
            NotificationKind::Invitation
        } else {
            let event = room
                .load_or_fetch_event(event_id, None)
                .await
                .map_err(|e| PushError::from_sdk(&e))?;
            if event.kind.is_utd() {
                NotificationKind::Encrypted
            } else {
                kind_of(event.raw())
            }
        };
        Ok(CaseNotification::new(
            room_id.to_owned(),
            event_id.to_owned(),
            case.code(),
            kind,
        ))
    }
}

fn kind_of(
    raw: &matrix_sdk::ruma::serde::Raw<matrix_sdk::ruma::events::AnySyncTimelineEvent>,
) -> NotificationKind {
    let event_type: Option<String> = raw.get_field("type").ok().flatten();
    let content: Option<serde_json::Value> = raw.get_field("content").ok().flatten();
    let msgtype = content
        .as_ref()
        .and_then(|c| c.get("msgtype"))
        .and_then(|m| m.as_str());
    match (event_type.as_deref(), msgtype) {
        (Some("m.room.message"), Some("m.image")) => NotificationKind::Photo,
        (Some("m.room.message"), _) => NotificationKind::Message,
        (Some("m.room.member"), _) => NotificationKind::Invitation,
        _ => NotificationKind::Other,
    }
}

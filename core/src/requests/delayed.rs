//! Events the homeserver sends later on the GP's behalf (delayed events, MSC4140): the next
//! step of a request's routing goes out when its window passes even if the GP's phone is off,
//! and the GP's device cancels it once the request is taken. matrix-sdk 0.18 has no call for
//! them (ruma keeps them behind an unstable feature the SDK does not enable), hence these
//! three requests, in ruma's own request types.

use matrix_sdk::{
    ruma::{
        api::{auth_scheme::AccessToken, error::ErrorKind, request, response},
        metadata,
        serde::Raw,
        OwnedRoomId, OwnedTransactionId, TransactionId,
    },
    Client,
};

use crate::cpts::error::{CptsError, Result};

mod state {
    use super::*;

    metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/v3/rooms/{room_id}/state/{event_type}/{state_key}",
        }
    }

    #[request(error = matrix_sdk::ruma::api::error::Error)]
    pub struct Request {
        #[ruma_api(path)]
        pub room_id: OwnedRoomId,
        #[ruma_api(path)]
        pub event_type: String,
        #[ruma_api(path)]
        pub state_key: String,
        #[ruma_api(query)]
        #[serde(rename = "org.matrix.msc4140.delay")]
        pub delay_ms: u64,
        #[ruma_api(body)]
        pub body: Raw<serde_json::Value>,
    }

    #[response(error = matrix_sdk::ruma::api::error::Error)]
    pub struct Response {
        pub delay_id: String,
    }
}

mod message {
    use super::*;

    metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}",
        }
    }

    #[request(error = matrix_sdk::ruma::api::error::Error)]
    pub struct Request {
        #[ruma_api(path)]
        pub room_id: OwnedRoomId,
        #[ruma_api(path)]
        pub event_type: String,
        #[ruma_api(path)]
        pub txn_id: OwnedTransactionId,
        #[ruma_api(query)]
        #[serde(rename = "org.matrix.msc4140.delay")]
        pub delay_ms: u64,
        #[ruma_api(body)]
        pub body: Raw<serde_json::Value>,
    }

    #[response(error = matrix_sdk::ruma::api::error::Error)]
    pub struct Response {
        pub delay_id: String,
    }
}

/// Cancels a scheduled event or sends it now (`action`: `cancel` or `send`).
mod update {
    use super::*;

    metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/org.matrix.msc4140/delayed_events/{delay_id}",
        }
    }

    #[request(error = matrix_sdk::ruma::api::error::Error)]
    pub struct Request {
        #[ruma_api(path)]
        pub delay_id: String,
        pub action: String,
    }

    #[response(error = matrix_sdk::ruma::api::error::Error)]
    pub struct Response {}
}

fn body(content: &serde_json::Value) -> Result<Raw<serde_json::Value>> {
    Raw::new(content).map_err(|e| CptsError::Server(e.to_string()))
}

/// Schedules a state event; returns the delay id that cancels or sends it.
pub(crate) async fn schedule_state(
    client: &Client,
    room_id: OwnedRoomId,
    event_type: &str,
    state_key: &str,
    content: &serde_json::Value,
    delay_ms: u64,
) -> Result<String> {
    let request = state::Request {
        room_id,
        event_type: event_type.to_owned(),
        state_key: state_key.to_owned(),
        delay_ms,
        body: body(content)?,
    };
    let response = client.send(request).await.map_err(CptsError::from_http)?;
    Ok(response.delay_id)
}

/// Schedules a timeline event; returns its delay id.
pub(crate) async fn schedule_message(
    client: &Client,
    room_id: OwnedRoomId,
    event_type: &str,
    content: &serde_json::Value,
    delay_ms: u64,
) -> Result<String> {
    let request = message::Request {
        room_id,
        event_type: event_type.to_owned(),
        txn_id: TransactionId::new(),
        delay_ms,
        body: body(content)?,
    };
    let response = client.send(request).await.map_err(CptsError::from_http)?;
    Ok(response.delay_id)
}

/// What became of a scheduled event when this device acted on it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Cancelled, or sent now, as asked.
    Done,
    /// The homeserver no longer holds it: it was already sent (or cancelled).
    AlreadyGone,
}

async fn update(client: &Client, delay_id: &str, action: &str) -> Result<Outcome> {
    let request = update::Request {
        delay_id: delay_id.to_owned(),
        action: action.to_owned(),
    };
    match client.send(request).await.map(|_| ()) {
        Ok(()) => Ok(Outcome::Done),
        Err(e) if e.client_api_error_kind() == Some(&ErrorKind::NotFound) => {
            Ok(Outcome::AlreadyGone)
        }
        Err(e) => Err(CptsError::from_http(e)),
    }
}

/// Cancels a scheduled event.
pub(crate) async fn cancel(client: &Client, delay_id: &str) -> Result<Outcome> {
    update(client, delay_id, "cancel").await
}

/// Sends a scheduled event now.
pub(crate) async fn send_now(client: &Client, delay_id: &str) -> Result<Outcome> {
    update(client, delay_id, "send").await
}

//! How long a request waits for a taker before it goes further, by urgency: set by the
//! coordinator for the CPTS (`fr.innomed.cpts.routing` in the space, believed only from its
//! creator), 30 minutes, 4 hours and 24 hours unless they change it.

use matrix_sdk::ruma::events::{macros::EventContent, EmptyStateKey};
use serde::{Deserialize, Serialize};
use tracing::info;

use super::{
    error::{CptsError, RequestProblem, Result},
    Cpts,
};
use crate::{cases::Urgency, requests::deadline_window_ms};

/// The event type of the CPTS's routing windows.
pub const ROUTING_TYPE: &str = "fr.innomed.cpts.routing";

const MINUTE_MS: u64 = 60 * 1000;

/// The shortest window a coordinator may set (a drill of the routing; a real CPTS sets
/// minutes or hours).
pub const MIN_WINDOW_MS: u64 = 5 * 1000;

/// How long a request of each urgency waits for a taker before it is routed further.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoutingWindows {
    pub urgent_ms: u64,
    pub soon_ms: u64,
    pub routine_ms: u64,
}

impl Default for RoutingWindows {
    fn default() -> Self {
        Self {
            urgent_ms: 30 * MINUTE_MS,
            soon_ms: 4 * 60 * MINUTE_MS,
            routine_ms: 24 * 60 * MINUTE_MS,
        }
    }
}

impl RoutingWindows {
    /// The window of one urgency.
    pub fn for_urgency(&self, urgency: Urgency) -> u64 {
        match urgency {
            Urgency::Urgent => self.urgent_ms,
            Urgency::Soon => self.soon_ms,
            Urgency::Routine => self.routine_ms,
        }
    }

    /// Each window at least `MIN_WINDOW_MS` and shorter than the deadline of its urgency.
    pub(crate) fn validate(&self) -> Result<()> {
        for urgency in [Urgency::Urgent, Urgency::Soon, Urgency::Routine] {
            let window = self.for_urgency(urgency);
            let deadline = u64::try_from(deadline_window_ms(urgency)).unwrap_or(u64::MAX);
            if window < MIN_WINDOW_MS || window >= deadline {
                return Err(CptsError::InvalidRequest(RequestProblem::RoutingWindow));
            }
        }
        Ok(())
    }
}

/// `fr.innomed.cpts.routing`: the CPTS's routing windows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.cpts.routing", kind = State, state_key_type = EmptyStateKey)]
pub struct RoutingEventContent {
    pub urgent_ms: u64,
    pub soon_ms: u64,
    pub routine_ms: u64,
}

impl RoutingEventContent {
    pub fn windows(&self) -> RoutingWindows {
        RoutingWindows {
            urgent_ms: self.urgent_ms,
            soon_ms: self.soon_ms,
            routine_ms: self.routine_ms,
        }
    }
}

impl Cpts {
    /// The CPTS's routing windows (the defaults until the coordinator sets them).
    pub async fn routing_windows(&self) -> Result<RoutingWindows> {
        Ok(self.snapshot().await?.windows.unwrap_or_default())
    }

    /// Sets the routing windows (coordinator only).
    pub async fn set_routing_windows(&self, windows: RoutingWindows) -> Result<()> {
        if !self.is_coordinator() {
            return Err(CptsError::NotAllowed);
        }
        windows.validate()?;
        self.room
            .send_state_event(RoutingEventContent {
                urgent_ms: windows.urgent_ms,
                soon_ms: windows.soon_ms,
                routine_ms: windows.routine_ms,
            })
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.space_id(), "routing windows set");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_stay_within_the_deadlines() {
        assert!(RoutingWindows::default().validate().is_ok());
        let ok = RoutingWindows {
            urgent_ms: MIN_WINDOW_MS,
            ..RoutingWindows::default()
        };
        assert!(ok.validate().is_ok());
        for bad in [
            RoutingWindows {
                urgent_ms: 1_000,
                ..RoutingWindows::default()
            },
            RoutingWindows {
                urgent_ms: 24 * 60 * MINUTE_MS,
                ..RoutingWindows::default()
            },
            RoutingWindows {
                routine_ms: 8 * 24 * 60 * MINUTE_MS,
                ..RoutingWindows::default()
            },
        ] {
            assert!(matches!(
                bad.validate(),
                Err(CptsError::InvalidRequest(RequestProblem::RoutingWindow))
            ));
        }
        let content: RoutingEventContent =
            serde_json::from_str(r#"{"urgent_ms":60000,"soon_ms":600000,"routine_ms":3600000}"#)
                .expect("wire");
        assert_eq!(content.windows().urgent_ms, 60_000);
    }
}

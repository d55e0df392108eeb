//! Requests never wait unseen: the CPTS's routing windows (coordinator), the alerts of requests
//! nobody took, and, on the GP's side, the next step of a request's routing.

use innomed_core::{CptsError, NextStep, RoutingWindows, ScheduledReminder, UnansweredRequest};

use crate::{cases::CaseRoom, client::Client, cpts::Cpts, platform::on_core};

#[uniffi::export]
impl Cpts {
    /// How long a request of each urgency waits for a taker before it goes further.
    pub async fn routing_windows(&self) -> Result<RoutingWindows, CptsError> {
        on_core!(self.cpts, |cpts| cpts.routing_windows())
    }

    /// Coordinator only: sets the windows (each at least 5 seconds and shorter than the
    /// deadline of its urgency).
    pub async fn set_routing_windows(&self, windows: RoutingWindows) -> Result<(), CptsError> {
        on_core!(self.cpts, |cpts| cpts.set_routing_windows(windows))
    }

    /// The requests nobody took within their window, newest first (the coordinator's screen).
    pub async fn unanswered_requests(&self) -> Result<Vec<UnansweredRequest>, CptsError> {
        on_core!(self.cpts, |cpts| cpts.unanswered_requests())
    }
}

#[uniffi::export]
impl CaseRoom {
    /// On the GP's device: the next step of this request's routing (when, to whom, whether it
    /// went out); `None` elsewhere, or when none could be planned.
    pub async fn next_step(&self) -> Option<NextStep> {
        on_core!(self.case, |case| case.next_step())
    }
}

#[uniffi::export]
impl Client {
    /// Every deadline reminder still to come for this doctor's open requests, soonest first:
    /// the app replaces its scheduled local notifications with these whenever the case list
    /// changes, so they reach the doctor with the app closed (case code and kind only).
    pub async fn reminder_schedule(&self) -> Result<Vec<ScheduledReminder>, CptsError> {
        Ok(on_core!(self.core_for_cpts()?, |c| c.reminder_schedule()))
    }
}

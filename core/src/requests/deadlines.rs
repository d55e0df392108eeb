//! Deadlines of télé-expertise requests: due by urgency (never beyond the legal 7 days), the
//! lists of open, overdue and answered requests, and reminders when a deadline nears.

use matrix_sdk::ruma::OwnedRoomId;
use serde::{Deserialize, Serialize};

use crate::{
    cases::{CaseStatus, CaseSummary, Membership, Urgency},
    InnomedClient,
};

const HOUR_MS: i64 = 60 * 60 * 1000;

/// How long the specialist has, by urgency.
pub fn deadline_window_ms(urgency: Urgency) -> i64 {
    match urgency {
        Urgency::Urgent => 24 * HOUR_MS,
        Urgency::Soon => 48 * HOUR_MS,
        // The legal limit of a télé-expertise answer.
        Urgency::Routine => 7 * 24 * HOUR_MS,
    }
}

/// Where a request stands against its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DeadlineState {
    OnTime,
    /// Less than a quarter of the window left: time for a reminder.
    DueSoon,
    Overdue,
    /// Answered or closed: the deadline no longer runs.
    Done,
}

/// The state of a deadline at `now_ms`.
pub fn deadline_state(
    status: CaseStatus,
    urgency: Urgency,
    due_ms: Option<u64>,
    now_ms: i64,
) -> DeadlineState {
    if !matches!(status, CaseStatus::Requested | CaseStatus::Accepted) {
        return DeadlineState::Done;
    }
    let Some(due) = due_ms.and_then(|d| i64::try_from(d).ok()) else {
        return DeadlineState::OnTime;
    };
    if now_ms >= due {
        DeadlineState::Overdue
    } else if due - now_ms <= deadline_window_ms(urgency) / 4 {
        DeadlineState::DueSoon
    } else {
        DeadlineState::OnTime
    }
}

/// Which requests to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RequestFilter {
    /// Requested or accepted, overdue or not.
    Open,
    /// Open and past their deadline.
    Overdue,
    /// Answered, not yet closed.
    Answered,
}

/// A request in a list, with its deadline state.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RequestSummary {
    pub case: CaseSummary,
    pub deadline: DeadlineState,
}

/// A reminder to show once: a request's deadline is near, or passed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeadlineAlert {
    pub room_id: OwnedRoomId,
    pub code: String,
    pub state: DeadlineState,
    pub due_ms: u64,
}

/// A reminder for the app to hand to the phone's scheduler as a local notification, so that it
/// reaches the doctor at `at_ms` with the app closed: to the taker when a quarter of the window
/// is left and when the deadline passes, to the requesting GP when it passes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScheduledReminder {
    pub room_id: OwnedRoomId,
    pub code: String,
    /// When it is due (milliseconds since the Unix epoch).
    pub at_ms: u64,
    /// `DueSoon` or `Overdue`.
    pub state: DeadlineState,
}

/// The reminders of one request for its taker or its requester, from `now_ms` on.
fn reminders_of(
    case: &CaseSummary,
    taker: bool,
    now_ms: i64,
) -> impl Iterator<Item = ScheduledReminder> + '_ {
    let due = case.due_ms.and_then(|d| i64::try_from(d).ok());
    let quarter = deadline_window_ms(case.urgency) / 4;
    let times = due.map_or(Vec::new(), |due| match (taker, case.asked_by_me) {
        (true, _) => vec![
            (due - quarter, DeadlineState::DueSoon),
            (due, DeadlineState::Overdue),
        ],
        (false, true) => vec![(due, DeadlineState::Overdue)],
        (false, false) => Vec::new(),
    });
    times
        .into_iter()
        .filter(move |(at, _)| *at > now_ms)
        .filter_map(move |(at, state)| {
            Some(ScheduledReminder {
                room_id: case.room_id.clone(),
                code: case.code.clone(),
                at_ms: u64::try_from(at).ok()?,
                state,
            })
        })
}

impl InnomedClient {
    /// Every reminder still to come for this doctor's open requests, soonest first: the apps
    /// replace their scheduled local notifications with these whenever the case list changes
    /// (the core cannot wake a closed app; the phone's scheduler can). Content-free: the case
    /// code and the kind of reminder only.
    pub async fn reminder_schedule(&self) -> Vec<ScheduledReminder> {
        let now = self.now_ms();
        let own = self.client.user_id().map(ToOwned::to_owned);
        let mut reminders = Vec::new();
        for request in self.requests(RequestFilter::Open).await {
            let taker = self
                .case(request.case.room_id.as_str())
                .ok()
                .and_then(|case| case.known_rules().taker)
                .is_some_and(|taker| Some(taker) == own);
            reminders.extend(reminders_of(&request.case, taker, now));
        }
        reminders.sort_by_key(|r| r.at_ms);
        reminders
    }

    /// Replaces the clock the rota and deadlines are checked against (tests, demos).
    pub fn set_clock(&self, clock: std::sync::Arc<dyn crate::cpts::Clock>) {
        self.clock.set(clock);
    }

    /// Now, by the account's clock, in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// The télé-expertise requests this doctor is in (joined), filtered, soonest due first.
    pub async fn requests(&self, filter: RequestFilter) -> Vec<RequestSummary> {
        let now = self.now_ms();
        let mut found: Vec<RequestSummary> = self
            .case_list()
            .current()
            .await
            .into_iter()
            .filter(|c| c.membership == Membership::Joined && c.cpts.is_some())
            .filter_map(|case| {
                let status = case.status?;
                let deadline = deadline_state(status, case.urgency, case.due_ms, now);
                let keep = match filter {
                    RequestFilter::Open => {
                        matches!(status, CaseStatus::Requested | CaseStatus::Accepted)
                    }
                    RequestFilter::Overdue => deadline == DeadlineState::Overdue,
                    RequestFilter::Answered => status == CaseStatus::Answered,
                };
                keep.then_some(RequestSummary { case, deadline })
            })
            .collect();
        found.sort_by_key(|r| r.case.due_ms.unwrap_or(u64::MAX));
        found
    }

    /// The reminders not shown yet: each open request signals once when its deadline nears and
    /// once when it passes. Call it on a timer, at start, or when a push arrives.
    pub async fn take_deadline_alerts(&self) -> Vec<DeadlineAlert> {
        let store = self.client.state_store();
        let mut alerts = Vec::new();
        for request in self.requests(RequestFilter::Open).await {
            if !matches!(
                request.deadline,
                DeadlineState::DueSoon | DeadlineState::Overdue
            ) {
                continue;
            }
            let key = format!(
                "fr.innomed.alert:{}:{:?}",
                request.case.room_id, request.deadline
            )
            .into_bytes();
            if matches!(store.get_custom_value(&key).await, Ok(Some(_))) {
                continue;
            }
            let _ = store.set_custom_value(&key, vec![1]).await;
            alerts.push(DeadlineAlert {
                room_id: request.case.room_id,
                code: request.case.code,
                state: request.deadline,
                due_ms: request.case.due_ms.unwrap_or_default(),
            });
        }
        alerts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_taker_is_reminded_twice_and_the_requester_once() {
        let due = 100 * HOUR_MS;
        let mut case = crate::cases::filter::tests_support::summary();
        case.urgency = Urgency::Urgent;
        case.due_ms = u64::try_from(due).ok();
        let at = |r: &ScheduledReminder| (i64::try_from(r.at_ms).unwrap_or(0), r.state);
        let taker: Vec<_> = reminders_of(&case, true, 0).map(|r| at(&r)).collect();
        assert_eq!(
            taker,
            [
                (due - 6 * HOUR_MS, DeadlineState::DueSoon),
                (due, DeadlineState::Overdue)
            ]
        );
        assert!(reminders_of(&case, false, 0).next().is_none());
        case.asked_by_me = true;
        let requester: Vec<_> = reminders_of(&case, false, 0).map(|r| at(&r)).collect();
        assert_eq!(requester, [(due, DeadlineState::Overdue)]);
        // What is past is not scheduled (the app's open-screen alerts cover it).
        let late: Vec<_> = reminders_of(&case, true, due - HOUR_MS)
            .map(|r| at(&r))
            .collect();
        assert_eq!(late, [(due, DeadlineState::Overdue)]);
    }

    #[test]
    fn deadlines_follow_urgency_and_never_exceed_seven_days() {
        assert_eq!(deadline_window_ms(Urgency::Urgent), 24 * HOUR_MS);
        assert_eq!(deadline_window_ms(Urgency::Soon), 48 * HOUR_MS);
        assert_eq!(deadline_window_ms(Urgency::Routine), 7 * 24 * HOUR_MS);
        let due = u64::try_from(100 * HOUR_MS).expect("positive");
        let state = |status, now| deadline_state(status, Urgency::Soon, Some(due), now);
        assert_eq!(
            state(CaseStatus::Requested, 52 * HOUR_MS),
            DeadlineState::OnTime
        );
        assert_eq!(
            state(CaseStatus::Accepted, 88 * HOUR_MS),
            DeadlineState::DueSoon
        );
        assert_eq!(
            state(CaseStatus::Accepted, 100 * HOUR_MS),
            DeadlineState::Overdue
        );
        assert_eq!(
            state(CaseStatus::Answered, 200 * HOUR_MS),
            DeadlineState::Done
        );
        assert_eq!(
            state(CaseStatus::Closed, 200 * HOUR_MS),
            DeadlineState::Done
        );
    }
}

//! Télé-expertise requests: a GP's question routed through a CPTS to its specialists on duty.
//!
//! - Opening ([`Cpts::open_request`](crate::Cpts::open_request)): routed to the specialists on
//!   duty, who read only its brief (`brief.rs`) until one takes it.
//! - Taking ([`CaseRoom::take_request`](crate::CaseRoom::take_request)): the first valid claim
//!   wins (`claim.rs`); the GP's device then hands the case over to the taker.
//! - Answering with a structured advice (`advice.rs`), closing with a report written on the
//!   GP's device (`report/`).
//! - Deadlines by urgency (7 days at most), lists of open, overdue and answered requests, and
//!   reminders (`deadlines.rs`), against the account's clock.
//! - Never waiting unseen: the next step of the routing, planned at opening and sent by the
//!   homeserver when the CPTS's window passes untaken (`reroute.rs`, `delayed.rs`), the
//!   coordinator's alerts (`unanswered.rs`).

mod advice;
mod alert_push;
pub(crate) mod brief;
mod call_back;
mod claim;
mod deadlines;
mod delayed;
mod reinvite;
mod report;
mod request;
pub(crate) mod reroute;
mod unanswered;
pub(crate) mod withdrawn;

pub(crate) use self::brief::install;
pub(crate) use self::unanswered::install as install_reroute;
pub use self::{
    advice::GivenAdvice,
    brief::RequestBrief,
    call_back::CallBack,
    deadlines::{
        deadline_state, deadline_window_ms, DeadlineAlert, DeadlineState, RequestFilter,
        RequestSummary, ScheduledReminder,
    },
    report::{render_pdf, Block, ClosedCase, Report, ReportDoctor, EXPERT_ACT, REQUESTER_ACT},
    request::{RequestPhoto, TeleExpertiseRequest},
    reroute::{NextStep, NextStepState, UnansweredRequest, UNANSWERED_TYPE},
};

//! The CPTS and the télé-expertise workflow.
//!
//! - [`Cpts`]: the territory's space, its member directory (`fr.innomed.member`: profession,
//!   specialties from a fixed list, RPPS checked with its key) and duty rota (`fr.innomed.duty`).
//! - Requests: routed to the specialists on duty ([`Cpts::open_request`]), taken by the first to
//!   accept ([`CaseRoom::take_request`](crate::CaseRoom::take_request)), answered with a
//!   structured advice, closed with a report written on the GP's device.
//! - Deadlines by urgency (7 days at most), lists of open, overdue and answered requests, and
//!   reminders, all against an injectable [`Clock`].
//! - Shared care teams: a coordinator's case room for the professionals following a patient.

mod advice;
mod brief;
mod care_team;
mod claim;
mod clock;
mod deadlines;
mod directory;
mod error;
pub mod paris;
mod report;
mod request;
mod rota;
mod rpps;
mod space;
mod specialties;
#[cfg(test)]
mod wire_tests;

pub(crate) use self::brief::install;
pub(crate) use self::clock::ClockCell;
pub use self::{
    advice::GivenAdvice,
    brief::RequestBrief,
    clock::{Clock, ManualClock, SystemClock},
    deadlines::{
        deadline_state, deadline_window_ms, DeadlineAlert, DeadlineState, RequestFilter,
        RequestSummary,
    },
    directory::{MemberEntry, MemberEventContent, NewMember, Profession, MEMBER_TYPE},
    error::CptsError,
    paris::{ParisTime, Weekday},
    report::{render_pdf, Block, ClosedCase, Report, ReportDoctor, EXPERT_ACT, REQUESTER_ACT},
    request::{RequestPhoto, TeleExpertiseRequest},
    rota::{DutyEventContent, DutySlot, DUTY_TYPE},
    rpps::{Rpps, RppsError},
    space::{Cpts, Rota},
    specialties::{specialty, Specialty, SPECIALTIES},
};

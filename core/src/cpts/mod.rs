//! The CPTS: the territory's space and who is in it.
//!
//! - [`Cpts`]: the territory's space, its member directory (`fr.innomed.member`: profession,
//!   specialties from a fixed list, RPPS checked with its key) and duty rota (`fr.innomed.duty`).
//! - Paris time and an injectable [`Clock`] for the rota and deadlines.
//! - Shared care teams: a coordinator's case room for the professionals following a patient.
//!
//! The télé-expertise requests routed through a CPTS are in [`crate::requests`].

mod attestation;
pub(crate) mod availability;
mod care_team;
pub(crate) mod clock;
mod copy;
pub(crate) mod directory;
mod entry_edit;
pub(crate) mod error;
mod identities;
mod onboarding;
mod own_availability;
pub mod paris;
mod partners;
mod roster;
pub(crate) mod rota;
pub(crate) mod rpps;
pub(crate) mod space;
pub(crate) mod specialties;
mod windows;
#[cfg(test)]
mod wire_tests;

pub(crate) use self::attestation::{
    coordinator_trusted, install as install_attestations, Attested,
};
pub(crate) use self::clock::ClockCell;
pub(crate) use self::copy::install as install_directory_copy;
pub(crate) use self::partners::{PartnersOnce, ReaderSpaces};
pub(crate) use self::roster::install as install_partnerships;
pub use self::{
    attestation::AttestationEventContent,
    availability::{
        Absence, Availability, AvailabilityEventContent, Permanence, AVAILABILITY_TYPE,
    },
    clock::{Clock, ManualClock, SystemClock},
    directory::{MemberEntry, MemberEventContent, NewMember, Profession, MEMBER_TYPE},
    entry_edit::EntryEdit,
    error::{AvailabilityProblem, CptsError, RequestProblem, SlotProblem},
    onboarding::{JoinRequest, PscIdentity},
    paris::{ParisTime, Weekday},
    partners::{Partner, PARTNER_TYPE},
    roster::ROSTER_TYPE,
    rota::{DutyEventContent, DutySlot, DUTY_TYPE},
    rpps::{Rpps, RppsError},
    space::{Cpts, MemberAvailability, Rota},
    specialties::{specialty, Specialty, SPECIALTIES},
    windows::{RoutingWindows, MIN_WINDOW_MS, ROUTING_TYPE},
};

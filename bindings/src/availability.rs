//! A specialist's own absences and one-off permanences, beside the coordinator's weekly rota.

use innomed_core::{Absence, Availability, CptsError, MemberAvailability, Permanence};

use crate::{cpts::Cpts, platform::on_core};

#[uniffi::export]
impl Cpts {
    /// The signed-in member's absences and permanences to come, soonest first.
    pub async fn my_availability(&self) -> Result<Availability, CptsError> {
        on_core!(self.cpts, |cpts| cpts.my_availability())
    }

    /// Every member's absences and permanences to come (the coordinator's rota screen).
    pub async fn availabilities(&self) -> Result<Vec<MemberAvailability>, CptsError> {
        on_core!(self.cpts, |cpts| cpts.availabilities())
    }

    /// Declares an absence (Paris days `YYYY-MM-DD`, both included): off duty and out of
    /// routing those days. Typed errors: a bad date, in the past, overlapping.
    pub async fn add_absence(&self, absence: Absence) -> Result<Availability, CptsError> {
        on_core!(self.cpts, |cpts| cpts.add_absence(absence))
    }

    /// Declares a one-off permanence for one of the member's specialties.
    pub async fn add_permanence(&self, permanence: Permanence) -> Result<Availability, CptsError> {
        on_core!(self.cpts, |cpts| cpts.add_permanence(permanence))
    }

    /// Withdraws an absence.
    pub async fn remove_absence(&self, absence: Absence) -> Result<Availability, CptsError> {
        on_core!(self.cpts, |cpts| cpts.remove_absence(absence))
    }

    /// Withdraws a permanence.
    pub async fn remove_permanence(
        &self,
        permanence: Permanence,
    ) -> Result<Availability, CptsError> {
        on_core!(self.cpts, |cpts| cpts.remove_permanence(permanence))
    }
}

//! A specialist's own availability: absences (whole Paris days) and one-off permanences (a day
//! and hours, for one of their specialties), beside the coordinator's weekly rota, which stays
//! the default. One `fr.innomed.availability` state event per member in the space, under their
//! own user id as state key: the homeserver refuses a state key starting with `@` from anyone
//! else, and every client re-checks it (an entry counts only from the user it names).
//!
//! Who is on duty at an instant: a member with the specialty, not absent that Paris day, whose
//! weekly slot or one-off permanence covers it. An absence wins over everything.

use jiff::{civil::Date, ToSpan};
use matrix_sdk::ruma::{events::macros::EventContent, OwnedUserId};
use serde::{Deserialize, Serialize};

use super::{
    directory::MemberEntry,
    error::{AvailabilityProblem, CptsError, Result, SlotProblem},
    paris::ParisTime,
    specialties::specialty,
};

/// The event type of a member's own availability.
pub const AVAILABILITY_TYPE: &str = "fr.innomed.availability";

/// How far ahead an absence or a permanence may be declared.
const MAX_DAYS_AHEAD: i32 = 366;

/// How many entries of each kind a member keeps (and a client reads from anyone).
const MAX_ENTRIES: usize = 100;

/// Away from the first to the last day, both included (Paris dates, `YYYY-MM-DD`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Absence {
    pub first_day: String,
    pub last_day: String,
}

/// On duty for one specialty on one day (Paris date, `YYYY-MM-DD`), from `start_minute` to
/// `end_minute` (minutes after local midnight; the end is excluded and may be 1440).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Permanence {
    pub specialty: String,
    pub day: String,
    pub start_minute: u16,
    pub end_minute: u16,
}

/// A member's absences and one-off permanences, soonest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Availability {
    pub absences: Vec<Absence>,
    pub permanences: Vec<Permanence>,
}

/// `fr.innomed.availability`: the member's own absences and permanences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.availability", kind = State, state_key_type = OwnedUserId)]
pub struct AvailabilityEventContent {
    #[serde(default)]
    pub absences: Vec<Absence>,
    #[serde(default)]
    pub permanences: Vec<Permanence>,
}

impl From<AvailabilityEventContent> for Availability {
    fn from(content: AvailabilityEventContent) -> Self {
        Self {
            absences: content.absences,
            permanences: content.permanences,
        }
    }
}

impl From<Availability> for AvailabilityEventContent {
    fn from(availability: Availability) -> Self {
        Self {
            absences: availability.absences,
            permanences: availability.permanences,
        }
    }
}

fn day(text: &str) -> Result<Date> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| CptsError::InvalidAvailability(AvailabilityProblem::BadDate))
}

fn day_of(at: &ParisTime) -> Option<Date> {
    Date::new(
        i16::try_from(at.year).ok()?,
        i8::try_from(at.month).ok()?,
        i8::try_from(at.day).ok()?,
    )
    .ok()
}

fn problem(problem: AvailabilityProblem) -> CptsError {
    CptsError::InvalidAvailability(problem)
}

/// The day `now` falls on in Paris, and the last day one may declare.
pub(crate) fn window(now: &ParisTime) -> Result<(Date, Date)> {
    let today = day_of(now).ok_or(problem(AvailabilityProblem::BadDate))?;
    let last = today
        .checked_add(MAX_DAYS_AHEAD.days())
        .map_err(|_| problem(AvailabilityProblem::BadDate))?;
    Ok((today, last))
}

fn absence_days(absence: &Absence) -> Option<(Date, Date)> {
    Some((day(&absence.first_day).ok()?, day(&absence.last_day).ok()?))
}

impl Availability {
    /// Whether the member is away on this Paris day.
    fn absent_on(&self, date: Date) -> bool {
        self.absences
            .iter()
            .filter_map(absence_days)
            .any(|(first, last)| first <= date && date <= last)
    }

    /// Entries that are over by `today` dropped, the rest sorted soonest first.
    pub(crate) fn without_past(mut self, today: Date) -> Self {
        self.absences
            .retain(|a| absence_days(a).is_some_and(|(_, last)| last >= today));
        self.permanences
            .retain(|p| day(&p.day).is_ok_and(|d| d >= today));
        self.absences.sort_by(|a, b| a.first_day.cmp(&b.first_day));
        self.permanences
            .sort_by(|a, b| (&a.day, a.start_minute).cmp(&(&b.day, b.start_minute)));
        self
    }

    /// This availability with one more absence, checked against `now` and what is there.
    pub(crate) fn with_absence(self, absence: &Absence, now: &ParisTime) -> Result<Self> {
        let (today, last_allowed) = window(now)?;
        let (first, last) = (day(&absence.first_day)?, day(&absence.last_day)?);
        if last < first {
            return Err(problem(AvailabilityProblem::EndsBeforeStart));
        }
        if last < today {
            return Err(problem(AvailabilityProblem::InThePast));
        }
        if first > last_allowed {
            return Err(problem(AvailabilityProblem::TooFarAhead));
        }
        let mut next = self.without_past(today);
        let overlaps_absence = next
            .absences
            .iter()
            .filter_map(absence_days)
            .any(|(f, l)| f <= last && first <= l);
        let overlaps_permanence = next
            .permanences
            .iter()
            .filter_map(|p| day(&p.day).ok())
            .any(|d| first <= d && d <= last);
        if overlaps_absence || overlaps_permanence {
            return Err(problem(AvailabilityProblem::Overlapping));
        }
        if next.absences.len() >= MAX_ENTRIES {
            return Err(problem(AvailabilityProblem::TooMany));
        }
        next.absences.push(Absence {
            first_day: first.to_string(),
            last_day: last.to_string(),
        });
        Ok(next.without_past(today))
    }

    /// This availability with one more permanence for one of `member`'s specialties.
    pub(crate) fn with_permanence(
        self,
        member: &MemberEntry,
        permanence: &Permanence,
        now: &ParisTime,
    ) -> Result<Self> {
        let code = specialty(&permanence.specialty)
            .ok_or_else(|| CptsError::UnknownSpecialty(permanence.specialty.clone()))?
            .code;
        if !member.has_specialty(code) {
            return Err(CptsError::InvalidSlot(SlotProblem::NotMemberSpecialty));
        }
        let (start, end) = (permanence.start_minute, permanence.end_minute);
        if start >= end || end > 24 * 60 {
            return Err(CptsError::InvalidSlot(SlotProblem::OutsideDay));
        }
        let (today, last_allowed) = window(now)?;
        let date = day(&permanence.day)?;
        if date < today || (date == today && end <= now.minute_of_day()) {
            return Err(problem(AvailabilityProblem::InThePast));
        }
        if date > last_allowed {
            return Err(problem(AvailabilityProblem::TooFarAhead));
        }
        let mut next = self.without_past(today);
        let overlaps = next.absent_on(date)
            || next.permanences.iter().any(|p| {
                day(&p.day).is_ok_and(|d| d == date) && p.start_minute < end && start < p.end_minute
            });
        if overlaps {
            return Err(problem(AvailabilityProblem::Overlapping));
        }
        if next.permanences.len() >= MAX_ENTRIES {
            return Err(problem(AvailabilityProblem::TooMany));
        }
        next.permanences.push(Permanence {
            specialty: code.to_owned(),
            day: date.to_string(),
            start_minute: start,
            end_minute: end,
        });
        Ok(next.without_past(today))
    }

    /// This availability without one entry (`NoSuchEntry` when it is not there).
    pub(crate) fn without(mut self, entry: &Entry) -> Result<Self> {
        let before = self.absences.len() + self.permanences.len();
        match entry {
            Entry::Absence(absence) => self.absences.retain(|a| a != absence),
            Entry::Permanence(permanence) => self.permanences.retain(|p| p != permanence),
        }
        if self.absences.len() + self.permanences.len() == before {
            return Err(problem(AvailabilityProblem::NoSuchEntry));
        }
        Ok(self)
    }

    /// What a client believes of an event from another client: at most `MAX_ENTRIES` of each
    /// kind, a permanence only within one day.
    pub(crate) fn read(content: AvailabilityEventContent) -> Self {
        let mut availability = Self::from(content);
        availability.absences.truncate(MAX_ENTRIES);
        availability.permanences.truncate(MAX_ENTRIES);
        availability
            .permanences
            .retain(|p| p.start_minute < p.end_minute && p.end_minute <= 24 * 60);
        availability
    }
}

/// One entry to withdraw.
pub(crate) enum Entry {
    Absence(Absence),
    Permanence(Permanence),
}

/// Whether a member's own availability puts them on or off duty for a specialty at an instant:
/// `Some(false)` when absent that day, `Some(true)` when a permanence covers it, `None` when the
/// weekly rota decides.
pub(crate) fn decides(
    availability: &Availability,
    specialty_code: &str,
    at: &ParisTime,
) -> Option<bool> {
    let date = day_of(at)?;
    if availability.absent_on(date) {
        return Some(false);
    }
    let minute = at.minute_of_day();
    availability
        .permanences
        .iter()
        .any(|p| {
            p.specialty == specialty_code
                && day(&p.day).is_ok_and(|d| d == date)
                && p.start_minute <= minute
                && minute < p.end_minute
        })
        .then_some(true)
}

#[cfg(test)]
#[path = "availability_tests.rs"]
mod tests;

//! The duty rota: one `fr.innomed.duty` state event per member of the space (state key as the
//! directory's: `member:` and the user id) with weekly slots in Paris time, per specialty.

use crate::SlotProblem;
use matrix_sdk::ruma::{events::macros::EventContent, OwnedUserId};
use serde::{Deserialize, Serialize};

use super::{
    availability,
    directory::MemberEntry,
    error::{CptsError, Result},
    paris::{to_unix_ms, ParisTime, Weekday},
    space::MemberAvailability,
    specialties::specialty,
};

/// The event type of a member's duty slots.
pub const DUTY_TYPE: &str = "fr.innomed.duty";

/// One weekly slot: every `weekday` from `start_minute` to `end_minute` (minutes after local
/// midnight, Paris time; the end is excluded and may be 1440). A night across midnight is two
/// slots.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DutySlot {
    pub specialty: String,
    pub weekday: Weekday,
    pub start_minute: u16,
    pub end_minute: u16,
}

impl DutySlot {
    /// Whether this slot covers the given Paris time for the given specialty.
    pub fn covers(&self, specialty_code: &str, at: &ParisTime) -> bool {
        let minute = at.minute_of_day();
        self.specialty == specialty_code
            && self.weekday == at.weekday
            && self.start_minute <= minute
            && minute < self.end_minute
    }
}

/// `fr.innomed.duty`: the member's weekly slots (an empty list takes them off the rota).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.duty", kind = State, state_key_type = String)]
pub struct DutyEventContent {
    pub slots: Vec<DutySlot>,
}

/// Checks slots against the fixed specialty list and the member's own specialties.
pub(crate) fn validate(member: &MemberEntry, slots: &[DutySlot]) -> Result<Vec<DutySlot>> {
    slots
        .iter()
        .map(|slot| {
            let code = specialty(&slot.specialty)
                .ok_or_else(|| CptsError::UnknownSpecialty(slot.specialty.clone()))?
                .code;
            if !member.has_specialty(code) {
                return Err(CptsError::InvalidSlot(SlotProblem::NotMemberSpecialty));
            }
            if slot.start_minute >= slot.end_minute || slot.end_minute > 24 * 60 {
                return Err(CptsError::InvalidSlot(SlotProblem::OutsideDay));
            }
            Ok(DutySlot {
                specialty: code.to_owned(),
                ..slot.clone()
            })
        })
        .collect()
}

/// The members on duty for a specialty at an instant: the weekly rota, unless the member's own
/// availability says otherwise (away that day, or a one-off permanence).
pub(crate) fn on_duty(
    directory: &[MemberEntry],
    rota: &[(OwnedUserId, Vec<DutySlot>)],
    availability: &[MemberAvailability],
    specialty_code: &str,
    at_ms: i64,
) -> Vec<MemberEntry> {
    let at = ParisTime::from_unix_ms(at_ms);
    directory
        .iter()
        .filter(|member| member.has_specialty(specialty_code))
        .filter(|member| {
            let own = availability
                .iter()
                .find(|a| a.user_id == member.user_id)
                .and_then(|a| availability::decides(&a.availability, specialty_code, &at));
            own.unwrap_or_else(|| {
                rota.iter().any(|(user, slots)| {
                    *user == member.user_id && slots.iter().any(|s| s.covers(specialty_code, &at))
                })
            })
        })
        .cloned()
        .collect()
}

/// The first instant from `from_ms` on, within `horizon_ms`, when a member of the specialty who
/// is not in `exclude` is on duty, and who is then: the instant itself, or the start of a weekly
/// slot or a permanence after it.
pub(crate) fn next_on_duty(
    directory: &[MemberEntry],
    rota: &[(OwnedUserId, Vec<DutySlot>)],
    availability: &[MemberAvailability],
    specialty_code: &str,
    from_ms: i64,
    horizon_ms: i64,
    exclude: &[OwnedUserId],
) -> Option<(i64, Vec<MemberEntry>)> {
    let until = from_ms.saturating_add(horizon_ms);
    let mut instants = vec![from_ms];
    let first = ParisTime::from_unix_ms(from_ms);
    let first_day = jiff::civil::Date::new(
        i16::try_from(first.year).ok()?,
        i8::try_from(first.month).ok()?,
        i8::try_from(first.day).ok()?,
    )
    .ok()?;
    let days = horizon_ms / (24 * 60 * 60 * 1000) + 2;
    for offset in 0..days {
        let Ok(date) = first_day.checked_add(jiff::Span::new().days(offset)) else {
            break;
        };
        let weekday =
            Weekday::ALL[usize::from(date.weekday().to_monday_zero_offset().unsigned_abs())];
        let day = date.to_string();
        let weekly = rota
            .iter()
            .flat_map(|(_, slots)| slots)
            .filter(|s| s.specialty == specialty_code && s.weekday == weekday)
            .map(|s| s.start_minute);
        let one_off = availability
            .iter()
            .flat_map(|a| &a.availability.permanences)
            .filter(|p| p.specialty == specialty_code && p.day == day)
            .map(|p| p.start_minute);
        for minute in weekly.chain(one_off) {
            let at = to_unix_ms(
                i32::from(date.year()),
                date.month().unsigned_abs(),
                date.day().unsigned_abs(),
                u8::try_from(minute / 60).unwrap_or(23),
                u8::try_from(minute % 60).unwrap_or(59),
            );
            instants.extend(at.filter(|at| *at > from_ms && *at <= until));
        }
    }
    instants.sort_unstable();
    instants.dedup();
    instants.into_iter().find_map(|at| {
        let found: Vec<MemberEntry> = on_duty(directory, rota, availability, specialty_code, at)
            .into_iter()
            .filter(|m| !exclude.contains(&m.user_id))
            .collect();
        (!found.is_empty()).then_some((at, found))
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cpts::{directory::Profession, rpps::Rpps};

    /// A physician of the directory with these specialties.
    pub(crate) fn member(user: &str, specialties: &[&str]) -> MemberEntry {
        MemberEntry {
            user_id: OwnedUserId::try_from(user).expect("user id"),
            display_name: user.to_owned(),
            profession: Profession::Physician,
            specialties: specialties.iter().map(|s| (*s).to_owned()).collect(),
            rpps: Rpps::with_check_digit("1000012345").expect("rpps"),
            retired: false,
        }
    }

    fn slot(specialty: &str, weekday: Weekday, start: u16, end: u16) -> DutySlot {
        DutySlot {
            specialty: specialty.to_owned(),
            weekday,
            start_minute: start,
            end_minute: end,
        }
    }

    #[test]
    fn who_is_on_duty_follows_paris_time() {
        let directory = vec![
            member("@derm1:cpts", &["dermatology"]),
            member("@derm2:cpts", &["dermatology"]),
            member("@cardio:cpts", &["cardiology"]),
        ];
        let rota = vec![
            (
                directory[0].user_id.clone(),
                vec![slot("dermatology", Weekday::Monday, 14 * 60, 18 * 60)],
            ),
            (
                directory[1].user_id.clone(),
                vec![slot("dermatology", Weekday::Tuesday, 9 * 60, 12 * 60)],
            ),
            (
                directory[2].user_id.clone(),
                vec![slot("cardiology", Weekday::Monday, 0, 24 * 60)],
            ),
        ];
        // Monday 23 November 2026, 14:05 in Paris (13:05 UTC).
        let monday = to_unix_ms(2026, 11, 23, 14, 5).expect("date");
        let derm: Vec<_> = on_duty(&directory, &rota, &[], "dermatology", monday)
            .into_iter()
            .map(|m| m.user_id)
            .collect();
        assert_eq!(derm, [directory[0].user_id.clone()]);
        // The slot's end is excluded.
        let six_pm = to_unix_ms(2026, 11, 23, 18, 0).expect("date");
        assert!(on_duty(&directory, &rota, &[], "dermatology", six_pm).is_empty());
        let tuesday = to_unix_ms(2026, 11, 24, 9, 0).expect("date");
        assert_eq!(
            on_duty(&directory, &rota, &[], "dermatology", tuesday)[0].user_id,
            directory[1].user_id
        );
        assert_eq!(
            on_duty(&directory, &rota, &[], "cardiology", monday).len(),
            1
        );
    }

    #[test]
    fn the_next_on_duty_is_whoever_starts_first_after_the_window() {
        let directory = vec![
            member("@derm1:cpts", &["dermatology"]),
            member("@derm2:cpts", &["dermatology"]),
        ];
        let rota = vec![
            (
                directory[0].user_id.clone(),
                vec![slot("dermatology", Weekday::Monday, 14 * 60, 18 * 60)],
            ),
            (
                directory[1].user_id.clone(),
                vec![slot("dermatology", Weekday::Tuesday, 9 * 60, 12 * 60)],
            ),
        ];
        let routed = [directory[0].user_id.clone()];
        // Monday 23 November 2026, 17:50: derm2 starts on Tuesday at 9:00.
        let monday = to_unix_ms(2026, 11, 23, 17, 50).expect("date");
        let week = 7 * 24 * 60 * 60 * 1000;
        let (at, who) = next_on_duty(&directory, &rota, &[], "dermatology", monday, week, &routed)
            .expect("someone");
        assert_eq!(at, to_unix_ms(2026, 11, 24, 9, 0).expect("date"));
        assert_eq!(who[0].user_id, directory[1].user_id);
        // Nobody else within an hour; nobody at all once both are excluded.
        assert!(next_on_duty(
            &directory,
            &rota,
            &[],
            "dermatology",
            monday,
            3_600_000,
            &routed
        )
        .is_none());
        let both = [directory[0].user_id.clone(), directory[1].user_id.clone()];
        assert!(next_on_duty(&directory, &rota, &[], "dermatology", monday, week, &both).is_none());
        // Someone on duty at the instant itself comes first.
        let (at, _) =
            next_on_duty(&directory, &rota, &[], "dermatology", monday, week, &[]).expect("derm1");
        assert_eq!(at, monday);
    }

    #[test]
    fn slots_are_checked() {
        let derm = member("@derm1:cpts", &["dermatology"]);
        let ok = validate(
            &derm,
            &[slot("Dermatology", Weekday::Friday, 8 * 60, 24 * 60)],
        )
        .expect("valid");
        assert_eq!(ok[0].specialty, "dermatology");
        for (bad, expected) in [
            (
                slot("cardiology", Weekday::Friday, 0, 60),
                SlotProblem::NotMemberSpecialty,
            ),
            (
                slot("dermatology", Weekday::Friday, 600, 600),
                SlotProblem::OutsideDay,
            ),
            (
                slot("dermatology", Weekday::Friday, 600, 1441),
                SlotProblem::OutsideDay,
            ),
        ] {
            match validate(&derm, &[bad]) {
                Err(CptsError::InvalidSlot(why)) => assert_eq!(why, expected),
                other => panic!("expected an invalid slot, got {other:?}"),
            }
        }
        assert!(matches!(
            validate(&derm, &[slot("astrology", Weekday::Friday, 0, 60)]),
            Err(CptsError::UnknownSpecialty(_))
        ));
    }
}

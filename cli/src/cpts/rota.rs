//! The duty rota in the terminal: slots as `SPECIALTY:DAY:HH:MM-HH:MM`, and the week as every
//! member reads it.

use anyhow::{anyhow, Result};
use innomed_core::{cpts::specialty, DutySlot, MemberEntry, Weekday};
use serde_json::json;

use super::wire;
use crate::output::{self, Report};

/// The week, Monday first, each day's slots by start time, named from the directory (a member
/// no longer in it shows by id).
pub(super) fn week(
    directory: &[MemberEntry],
    rota: &[(innomed_core::OwnedUserId, Vec<DutySlot>)],
) -> Report {
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    for day in Weekday::ALL {
        let mut slots: Vec<_> = rota
            .iter()
            .flat_map(|(user, slots)| slots.iter().map(move |s| (user, s)))
            .filter(|(_, s)| s.weekday == day)
            .collect();
        slots.sort_by_key(|(user, s)| (s.start_minute, s.end_minute, user.to_string()));
        for (user, slot) in slots {
            let name = directory
                .iter()
                .find(|m| &m.user_id == user)
                .map_or(user.to_string(), |m| m.display_name.clone());
            let (start, end) = (clock(slot.start_minute), clock(slot.end_minute));
            lines.push(format!(
                "{:<9} {start}-{end}  {:<20} {} ({})",
                wire(&day),
                output::line(&slot.specialty),
                output::line(&name),
                output::line(user),
            ));
            rows.push(json!({
                "day": wire(&day), "start": start, "end": end, "specialty": slot.specialty,
                "user_id": user, "name": name,
            }));
        }
    }
    let text = if lines.is_empty() {
        "nobody is on the rota".to_owned()
    } else {
        lines.join("\n")
    };
    Report {
        value: json!({ "slots": rows }),
        text,
    }
}

pub(super) fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `monday`…`sunday` or `mon`…`sun`, any case.
fn parse_weekday(text: &str) -> Result<Weekday> {
    let day = text.trim().to_ascii_lowercase();
    Weekday::ALL
        .into_iter()
        .find(|d| wire(d) == day || (day.len() == 3 && wire(d).starts_with(&day)))
        .ok_or_else(|| anyhow!("unknown day {text:?} (monday..sunday or mon..sun)"))
}

/// `HH:MM`, exactly two digits each, as minutes after midnight; `24:00` is the day's end.
pub(super) fn parse_clock(text: &str) -> Option<u16> {
    let b = text.as_bytes();
    let digits = [0usize, 1, 3, 4]
        .iter()
        .all(|&i| b.get(i).is_some_and(u8::is_ascii_digit));
    if b.len() != 5 || b[2] != b':' || !digits {
        return None;
    }
    let hour = u16::from(b[0] - b'0') * 10 + u16::from(b[1] - b'0');
    let minute = u16::from(b[3] - b'0') * 10 + u16::from(b[4] - b'0');
    (minute < 60 && (hour < 24 || (hour == 24 && minute == 0))).then_some(hour * 60 + minute)
}

/// `SPECIALTY:DAY:HH:MM-HH:MM`, e.g. `dermatology:mon:14:00-18:00`.
pub(super) fn parse_slot(text: &str) -> Result<DutySlot> {
    let malformed = || anyhow!("malformed slot {text:?}: expected SPECIALTY:DAY:HH:MM-HH:MM");
    let mut parts = text.trim().splitn(3, ':');
    let (Some(code), Some(day), Some(times)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(malformed());
    };
    let (start, end) = times.split_once('-').ok_or_else(malformed)?;
    let (Some(start_minute), Some(end_minute)) = (parse_clock(start), parse_clock(end)) else {
        return Err(malformed());
    };
    if start_minute >= end_minute {
        return Err(anyhow!(
            "slot {text:?} ends before it starts (a night across midnight is two slots)"
        ));
    }
    let specialty = specialty(code)
        .ok_or_else(|| anyhow!("unknown specialty {code:?} in slot {text:?}"))?
        .code
        .to_owned();
    Ok(DutySlot {
        specialty,
        weekday: parse_weekday(day)?,
        start_minute,
        end_minute,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_parsed_strictly() {
        let slot = parse_slot("dermatology:mon:14:00-18:00").expect("valid");
        assert_eq!(
            slot,
            DutySlot {
                specialty: "dermatology".into(),
                weekday: Weekday::Monday,
                start_minute: 14 * 60,
                end_minute: 18 * 60,
            }
        );
        let night = parse_slot("Cardiology:Sunday:20:30-24:00").expect("valid");
        assert_eq!(night.specialty, "cardiology");
        assert_eq!((night.start_minute, night.end_minute), (20 * 60 + 30, 1440));
        for bad in [
            "dermatology:mon:14:00",
            "dermatology:mon:9:00-12:00",
            "dermatology:mon:14:60-18:00",
            "dermatology:mon:18:00-14:00",
            "dermatology:mon:24:00-24:00",
            "dermatology:mon:14:00-24:01",
            "dermatology:funday:14:00-18:00",
            "astrology:mon:14:00-18:00",
            "dermatology-mon-14:00-18:00",
            "",
        ] {
            assert!(parse_slot(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn day_names_long_and_short() {
        let long = "monday tuesday wednesday thursday friday saturday sunday";
        for (name, day) in long.split(' ').zip(Weekday::ALL) {
            assert_eq!(parse_weekday(name).expect("day"), day);
            assert_eq!(parse_weekday(&name[..3]).expect("day"), day);
            assert_eq!(parse_weekday(&name.to_uppercase()).expect("day"), day);
        }
        assert!(parse_weekday("lundi").is_err());
        assert!(parse_weekday("mo").is_err());
    }

    #[test]
    fn the_week_is_in_order_and_names_members() {
        let derm = MemberEntry {
            user_id: "@derm:hs".try_into().expect("user id"),
            display_name: "Dr Samira Benali".to_owned(),
            profession: innomed_core::Profession::Physician,
            specialties: vec!["dermatology".to_owned()],
            rpps: innomed_core::Rpps::with_check_digit("1000000000").expect("rpps"),
            retired: false,
        };
        let gone: innomed_core::OwnedUserId = "@gone:hs".try_into().expect("user id");
        let rota = vec![
            (
                derm.user_id.clone(),
                vec![
                    parse_slot("dermatology:sat:08:30-12:00").expect("slot"),
                    parse_slot("dermatology:mon:14:00-18:00").expect("slot"),
                ],
            ),
            (
                gone,
                vec![parse_slot("cardiology:mon:09:00-12:00").expect("slot")],
            ),
        ];
        let report = week(&[derm], &rota);
        let lines: Vec<&str> = report.text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[0].starts_with("monday    09:00-12:00  cardiology"),
            "{lines:?}"
        );
        assert!(lines[0].ends_with("@gone:hs (@gone:hs)"), "{lines:?}");
        assert!(
            lines[1].contains("Dr Samira Benali (@derm:hs)"),
            "{lines:?}"
        );
        assert!(lines[2].starts_with("saturday  08:30-12:00"), "{lines:?}");
        assert_eq!(report.value["slots"][2]["start"], "08:30");
    }
}

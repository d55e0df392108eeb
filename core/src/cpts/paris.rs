//! Civil time of metropolitan France (`Europe/Paris`), from the IANA time-zone database
//! bundled with jiff (the same rules on a phone, a server and this machine, whatever their
//! own zone files say). Duty slots, due dates and reports are read and written in it.

use std::sync::LazyLock;

use jiff::{civil::DateTime, tz::TimeZone, Timestamp};
use serde::{Deserialize, Serialize};

static PARIS: LazyLock<TimeZone> = LazyLock::new(|| {
    // Bundled in the binary (`tzdb-bundle-always`): cannot be missing.
    TimeZone::get("Europe/Paris").unwrap_or(TimeZone::UTC)
});

/// Day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Weekday {
    /// Lundi.
    Monday,
    /// Mardi.
    Tuesday,
    /// Mercredi.
    Wednesday,
    /// Jeudi.
    Thursday,
    /// Vendredi.
    Friday,
    /// Samedi.
    Saturday,
    /// Dimanche.
    Sunday,
}

impl Weekday {
    /// The seven days, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Position in the week, Monday = 0 … Sunday = 6.
    pub fn index(self) -> u8 {
        self as u8
    }

    /// French name, lowercase as written inside a sentence (`"lundi"`).
    pub fn fr(self) -> &'static str {
        match self {
            Weekday::Monday => "lundi",
            Weekday::Tuesday => "mardi",
            Weekday::Wednesday => "mercredi",
            Weekday::Thursday => "jeudi",
            Weekday::Friday => "vendredi",
            Weekday::Saturday => "samedi",
            Weekday::Sunday => "dimanche",
        }
    }
}

/// A wall-clock time in Paris, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParisTime {
    /// Year (proleptic Gregorian).
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Day of the week.
    pub weekday: Weekday,
}

impl ParisTime {
    /// The Paris wall-clock time of an instant given in milliseconds since the Unix epoch.
    /// Seconds and milliseconds are dropped (rounded towards the past, also before 1970).
    /// Instants beyond the years -9999 and 9999 are read as those bounds.
    pub fn from_unix_ms(ms: i64) -> Self {
        let instant = Timestamp::from_millisecond(ms).unwrap_or(if ms < 0 {
            Timestamp::MIN
        } else {
            Timestamp::MAX
        });
        let local = PARIS.to_datetime(instant);
        Self {
            year: i32::from(local.year()),
            // jiff's civil fields are in range: month 1–12, day 1–31, hour 0–23, minute 0–59.
            month: local.month().unsigned_abs(),
            day: local.day().unsigned_abs(),
            hour: local.hour().unsigned_abs(),
            minute: local.minute().unsigned_abs(),
            weekday: Weekday::ALL
                [usize::from(local.weekday().to_monday_zero_offset().unsigned_abs())],
        }
    }

    /// Minutes elapsed since local midnight, 0–1439.
    pub fn minute_of_day(&self) -> u16 {
        u16::from(self.hour) * 60 + u16::from(self.minute)
    }

    /// French numeric format, `"23/11/2026 14:05"`.
    pub fn format_fr(&self) -> String {
        format!(
            "{:02}/{:02}/{:04} {:02}:{:02}",
            self.day, self.month, self.year, self.hour, self.minute
        )
    }
}

/// UTC offset in minutes (60 or 120 today) at this instant.
pub fn offset_minutes(unix_ms: i64) -> i32 {
    let instant = Timestamp::from_millisecond(unix_ms).unwrap_or(if unix_ms < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    });
    PARIS.to_offset(instant).seconds() / 60
}

/// The instant of a Paris wall-clock time; for the hour that does not exist (spring forward)
/// take the offset before the change, for the repeated hour (fall back) take the first
/// occurrence. `None` for an invalid date or time, or one outside the years -9999 to 9999.
///
/// For instance 02:30 on the last Sunday of March is read as 02:30 UTC+1 (that is 03:30
/// summer time), and 02:30 on the last Sunday of October as 02:30 UTC+2.
pub fn to_unix_ms(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> Option<i64> {
    let local = DateTime::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        0,
        0,
    )
    .ok()?;
    // "Compatible": a skipped time takes the offset before the gap, a repeated one the first.
    let zoned = PARIS.to_ambiguous_zoned(local).compatible().ok()?;
    Some(zoned.timestamp().as_millisecond())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: i64 = 60_000;
    const MS_PER_HOUR: i64 = 3_600_000;
    const MS_PER_DAY: i64 = 86_400_000;

    fn pt(year: i32, month: u8, day: u8, hour: u8, minute: u8, weekday: Weekday) -> ParisTime {
        ParisTime {
            year,
            month,
            day,
            hour,
            minute,
            weekday,
        }
    }

    #[test]
    fn known_instants() {
        // 2026-11-23T13:05:00Z
        let t = ParisTime::from_unix_ms(1_795_439_100_000);
        assert_eq!(t, pt(2026, 11, 23, 14, 5, Weekday::Monday));
        assert_eq!(t.format_fr(), "23/11/2026 14:05");
        assert_eq!(t.minute_of_day(), 14 * 60 + 5);
        // 2026-07-14T10:00:00Z
        let t = ParisTime::from_unix_ms(1_784_023_200_000);
        assert_eq!(t, pt(2026, 7, 14, 12, 0, Weekday::Tuesday));
        // 2000-01-01T00:00:00Z
        let t = ParisTime::from_unix_ms(946_684_800_000);
        assert_eq!(t, pt(2000, 1, 1, 1, 0, Weekday::Saturday));
        // Epoch, and seconds are truncated.
        let t = ParisTime::from_unix_ms(59_999);
        assert_eq!(t, pt(1970, 1, 1, 1, 0, Weekday::Thursday));
        // Before the epoch, truncation goes towards the past.
        let t = ParisTime::from_unix_ms(-1);
        assert_eq!(t, pt(1970, 1, 1, 0, 59, Weekday::Thursday));
        let t = ParisTime::from_unix_ms(-3_600_001);
        assert_eq!(t, pt(1969, 12, 31, 23, 59, Weekday::Wednesday));
    }

    #[test]
    fn known_instants_to_unix() {
        assert_eq!(to_unix_ms(2026, 11, 23, 14, 5), Some(1_795_439_100_000));
        assert_eq!(to_unix_ms(2026, 7, 14, 12, 0), Some(1_784_023_200_000));
        assert_eq!(to_unix_ms(1970, 1, 1, 1, 0), Some(0));
        assert_eq!(to_unix_ms(1970, 1, 1, 0, 0), Some(-3_600_000));
    }

    #[test]
    fn dst_boundaries_2026() {
        // Spring forward: 2026-03-29T01:00:00Z.
        let change = 1_774_746_000_000;
        assert_eq!(offset_minutes(change - 1), 60);
        assert_eq!(offset_minutes(change), 120);
        assert_eq!(
            ParisTime::from_unix_ms(change - MINUTE),
            pt(2026, 3, 29, 1, 59, Weekday::Sunday)
        );
        assert_eq!(
            ParisTime::from_unix_ms(change),
            pt(2026, 3, 29, 3, 0, Weekday::Sunday)
        );
        assert_eq!(
            ParisTime::from_unix_ms(change + MINUTE),
            pt(2026, 3, 29, 3, 1, Weekday::Sunday)
        );
        // Fall back: 2026-10-25T01:00:00Z.
        let change = 1_792_890_000_000;
        assert_eq!(offset_minutes(change - 1), 120);
        assert_eq!(offset_minutes(change), 60);
        assert_eq!(
            ParisTime::from_unix_ms(change - MINUTE),
            pt(2026, 10, 25, 2, 59, Weekday::Sunday)
        );
        assert_eq!(
            ParisTime::from_unix_ms(change),
            pt(2026, 10, 25, 2, 0, Weekday::Sunday)
        );
        assert_eq!(
            ParisTime::from_unix_ms(change + MINUTE),
            pt(2026, 10, 25, 2, 1, Weekday::Sunday)
        );
    }

    #[test]
    fn dst_boundaries_other_years() {
        // (start, end) of summer time, from the system zoneinfo.
        let bounds = [
            (1996, 828_234_000_000, None),
            (2024, 1_711_846_800_000, Some(1_729_990_800_000)),
            (2025, 1_743_296_400_000, Some(1_761_440_400_000)),
        ];
        for (year, start, end) in bounds {
            assert_eq!(offset_minutes(start - 1), 60, "{year}");
            assert_eq!(offset_minutes(start), 120, "{year}");
            if let Some(end) = end {
                assert_eq!(offset_minutes(end - 1), 120, "{year}");
                assert_eq!(offset_minutes(end), 60, "{year}");
            }
        }
    }

    #[test]
    fn skipped_hour_uses_offset_before_change() {
        // 02:30 does not exist on 2026-03-29: read as UTC+1, i.e. 01:30Z.
        let ms = to_unix_ms(2026, 3, 29, 2, 30).expect("valid wall-clock time");
        assert_eq!(ms, 1_774_746_000_000 + 30 * MINUTE);
        assert_eq!(
            ParisTime::from_unix_ms(ms),
            pt(2026, 3, 29, 3, 30, Weekday::Sunday)
        );
        assert_eq!(
            to_unix_ms(2026, 3, 29, 1, 59),
            Some(1_774_746_000_000 - MINUTE)
        );
        assert_eq!(to_unix_ms(2026, 3, 29, 3, 0), Some(1_774_746_000_000));
    }

    #[test]
    fn repeated_hour_takes_first_occurrence() {
        let change = 1_792_890_000_000;
        // 02:30 happens at 00:30Z (UTC+2) and 01:30Z (UTC+1).
        assert_eq!(to_unix_ms(2026, 10, 25, 2, 30), Some(change - 30 * MINUTE));
        assert_eq!(to_unix_ms(2026, 10, 25, 2, 0), Some(change - 60 * MINUTE));
        assert_eq!(to_unix_ms(2026, 10, 25, 1, 59), Some(change - 61 * MINUTE));
        assert_eq!(to_unix_ms(2026, 10, 25, 3, 0), Some(change + 60 * MINUTE));
    }

    #[test]
    fn round_trips_over_several_years() {
        let start = to_unix_ms(2023, 1, 1, 0, 0).expect("valid wall-clock time");
        let end = to_unix_ms(2031, 1, 1, 0, 0).expect("valid wall-clock time");
        // A step that is not a multiple of an hour, plus some seconds.
        let step = 47 * MINUTE + 13_000;
        let mut ms = start;
        let mut repeated = 0;
        while ms < end {
            let t = ParisTime::from_unix_ms(ms);
            let back = to_unix_ms(t.year, t.month, t.day, t.hour, t.minute)
                .expect("valid wall-clock time");
            let floored = ms - ms.rem_euclid(MINUTE);
            if back != floored {
                // Only the second occurrence of the repeated hour differs.
                assert_eq!(back, floored - MS_PER_HOUR, "{t:?}");
                assert_eq!(offset_minutes(ms), 60);
                assert_eq!(offset_minutes(back), 120);
                repeated += 1;
            }
            assert_eq!(ParisTime::from_unix_ms(back), t);
            ms += step;
        }
        assert!(repeated > 0);
    }

    #[test]
    fn round_trips_every_minute_around_changes() {
        for change in [1_774_746_000_000_i64, 1_792_890_000_000] {
            for k in -180..180 {
                let ms = change + k * MINUTE;
                let t = ParisTime::from_unix_ms(ms);
                let back = to_unix_ms(t.year, t.month, t.day, t.hour, t.minute)
                    .expect("valid wall-clock time");
                assert!(back == ms || back == ms - MS_PER_HOUR, "{t:?}");
                assert_eq!(ParisTime::from_unix_ms(back), t);
            }
        }
    }

    #[test]
    fn weekdays_of_known_dates() {
        let cases = [
            (1970, 1, 1, Weekday::Thursday),
            (2000, 1, 1, Weekday::Saturday),
            (1789, 7, 14, Weekday::Tuesday),
            (2024, 2, 29, Weekday::Thursday),
            (2026, 1, 1, Weekday::Thursday),
            (2026, 12, 25, Weekday::Friday),
            (2028, 2, 29, Weekday::Tuesday),
        ];
        for (y, m, d, w) in cases {
            let ms = to_unix_ms(y, m, d, 12, 0).expect("valid wall-clock time");
            assert_eq!(ParisTime::from_unix_ms(ms).weekday, w, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn weekday_helpers() {
        for (i, w) in Weekday::ALL.iter().enumerate() {
            assert_eq!(usize::from(w.index()), i);
        }
        assert_eq!(Weekday::Monday.fr(), "lundi");
        assert_eq!(Weekday::Sunday.fr(), "dimanche");
        assert!(Weekday::Monday < Weekday::Sunday);
        assert_eq!(
            serde_json::to_string(&Weekday::Wednesday).expect("serializes"),
            "\"wednesday\""
        );
        let w: Weekday = serde_json::from_str("\"saturday\"").expect("deserializes");
        assert_eq!(w, Weekday::Saturday);
        assert!(serde_json::from_str::<Weekday>("\"Saturday\"").is_err());
    }

    #[test]
    fn leap_years() {
        // 2028-02-29T12:00:00Z is 13:00 in Paris.
        let ms = to_unix_ms(2028, 2, 29, 13, 0).expect("valid wall-clock time");
        assert_eq!(ms, 1_835_438_400_000);
        assert_eq!(
            ParisTime::from_unix_ms(ms),
            pt(2028, 2, 29, 13, 0, Weekday::Tuesday)
        );
        let next = ParisTime::from_unix_ms(ms + MS_PER_DAY);
        assert_eq!((next.month, next.day), (3, 1));
        assert!(to_unix_ms(2000, 2, 29, 0, 0).is_some());
        assert!(to_unix_ms(2024, 2, 29, 0, 0).is_some());
        assert_eq!(to_unix_ms(2027, 2, 29, 0, 0), None);
        assert_eq!(to_unix_ms(2100, 2, 29, 0, 0), None);
        assert_eq!(to_unix_ms(1900, 2, 29, 0, 0), None);
    }

    #[test]
    fn invalid_dates_and_times() {
        assert_eq!(to_unix_ms(2026, 0, 1, 0, 0), None);
        assert_eq!(to_unix_ms(2026, 13, 1, 0, 0), None);
        assert_eq!(to_unix_ms(2026, 1, 0, 0, 0), None);
        assert_eq!(to_unix_ms(2026, 1, 32, 0, 0), None);
        assert_eq!(to_unix_ms(2026, 4, 31, 0, 0), None);
        assert_eq!(to_unix_ms(2026, 1, 1, 24, 0), None);
        assert_eq!(to_unix_ms(2026, 1, 1, 0, 60), None);
        assert!(to_unix_ms(2026, 4, 30, 23, 59).is_some());
        // Outside the i64 millisecond range.
        assert_eq!(to_unix_ms(i32::MAX, 12, 31, 23, 59), None);
        assert_eq!(to_unix_ms(i32::MIN, 1, 1, 0, 0), None);
    }

    #[test]
    fn extreme_instants_do_not_panic() {
        for ms in [i64::MIN, i64::MIN + 1, i64::MAX - 1, i64::MAX] {
            let t = ParisTime::from_unix_ms(ms);
            assert!(t.hour < 24 && t.minute < 60);
            assert!((1..=12).contains(&t.month));
        }
    }

    #[test]
    fn format_fr_pads_with_zeros() {
        let t = pt(2026, 3, 5, 7, 4, Weekday::Thursday);
        assert_eq!(t.format_fr(), "05/03/2026 07:04");
        assert_eq!(t.minute_of_day(), 424);
        let t = pt(987, 1, 1, 0, 0, Weekday::Monday);
        assert_eq!(t.format_fr(), "01/01/0987 00:00");
        let t = pt(2026, 12, 31, 23, 59, Weekday::Thursday);
        assert_eq!(t.format_fr(), "31/12/2026 23:59");
        assert_eq!(t.minute_of_day(), 1439);
    }
}

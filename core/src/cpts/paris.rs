//! Civil time of metropolitan France (`Europe/Paris`), without a time-zone
//! database.
//!
//! Standard time is UTC+1; summer time (UTC+2) runs from the last Sunday of
//! March at 01:00 UTC to the last Sunday of October at 01:00 UTC. This is
//! the EU rule in force since 1996; it is applied to every year, so results
//! before 1996 do not match historical French clocks.
//!
//! Dates use the proleptic Gregorian calendar. Conversions between day
//! numbers and civil dates follow Howard Hinnant's `days_from_civil` /
//! `civil_from_days` algorithms, which work on 400-year eras starting on
//! 1 March so that the leap day falls at the end of the computed year.

use serde::{Deserialize, Serialize};

const MS_PER_MINUTE: i64 = 60_000;
const MS_PER_HOUR: i64 = 3_600_000;
const MS_PER_DAY: i64 = 86_400_000;

/// Day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

    /// Weekday of a day counted from 1970-01-01 (a Thursday).
    fn from_days(days: i64) -> Self {
        // rem_euclid(7) is in 0..7, so the index is always in bounds.
        let idx = (days + 3).rem_euclid(7) as usize;
        Self::ALL[idx]
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
    /// The Paris wall-clock time of an instant given in milliseconds since
    /// the Unix epoch. Seconds and milliseconds are dropped (rounded towards
    /// the past, also before 1970).
    pub fn from_unix_ms(ms: i64) -> Self {
        let offset_ms = i64::from(offset_minutes(ms)) * MS_PER_MINUTE;
        // Split first, then shift, so that no addition can overflow.
        let mut days = ms.div_euclid(MS_PER_DAY);
        let mut in_day = ms.rem_euclid(MS_PER_DAY) + offset_ms;
        if in_day >= MS_PER_DAY {
            days += 1;
            in_day -= MS_PER_DAY;
        }
        let (year, month, day) = civil_from_days(days);
        let minutes = in_day / MS_PER_MINUTE;
        Self {
            // The i64 millisecond range spans about ±292 million years,
            // well within i32; saturate rather than panic just in case.
            year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
            month,
            day,
            // minutes < 1440, so both values fit in a u8.
            hour: (minutes / 60) as u8,
            minute: (minutes % 60) as u8,
            weekday: Weekday::from_days(days),
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

/// UTC offset in minutes (60 or 120) at this instant.
pub fn offset_minutes(unix_ms: i64) -> i32 {
    let (year, _, _) = civil_from_days(unix_ms.div_euclid(MS_PER_DAY));
    let (start, end) = summer_time_bounds(year);
    let t = i128::from(unix_ms);
    if start <= t && t < end {
        120
    } else {
        60
    }
}

/// The instant of a Paris wall-clock time; for the hour that does not exist
/// (spring forward) take the offset before the change, for the repeated hour
/// (fall back) take the first occurrence. Returns None for an invalid
/// date/time.
///
/// For instance 02:30 on the last Sunday of March is read as 02:30 UTC+1
/// (that is 03:30 summer time), and 02:30 on the last Sunday of October as
/// 02:30 UTC+2. `None` is also returned when the instant does not fit in an
/// `i64` of milliseconds.
pub fn to_unix_ms(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(i64::from(year), month) {
        return None;
    }
    if hour > 23 || minute > 59 {
        return None;
    }
    // Wall-clock time read as if it were UTC; i128 cannot overflow here.
    let local = i128::from(days_from_civil(i64::from(year), month, day)) * i128::from(MS_PER_DAY)
        + i128::from(hour) * i128::from(MS_PER_HOUR)
        + i128::from(minute) * i128::from(MS_PER_MINUTE);
    let summer = local - 120 * i128::from(MS_PER_MINUTE);
    let standard = local - 60 * i128::from(MS_PER_MINUTE);
    let summer_ok = offset_at(summer) == 120;
    let standard_ok = offset_at(standard) == 60;
    let instant = match (summer_ok, standard_ok) {
        // Repeated hour: the summer-time reading comes first.
        (true, _) => summer,
        (false, true) => standard,
        // Skipped hour: use the offset in force just before the change,
        // i.e. the one of the earliest candidate instant.
        (false, false) => local - i128::from(offset_at(summer)) * i128::from(MS_PER_MINUTE),
    };
    i64::try_from(instant).ok()
}

/// [`offset_minutes`] for an instant that may lie outside the `i64` range.
fn offset_at(ms: i128) -> i32 {
    let clamped = i64::try_from(ms).unwrap_or(if ms < 0 { i64::MIN } else { i64::MAX });
    offset_minutes(clamped)
}

/// Start (inclusive) and end (exclusive) of summer time in `year`, in
/// milliseconds since the Unix epoch. Computed in i128 because the bounds of
/// the last representable year may exceed `i64`.
fn summer_time_bounds(year: i64) -> (i128, i128) {
    let at_one_utc = |month: u8| {
        let days = last_sunday(year, month);
        i128::from(days) * i128::from(MS_PER_DAY) + i128::from(MS_PER_HOUR)
    };
    (at_one_utc(3), at_one_utc(10))
}

/// Day number (days since 1970-01-01) of the last Sunday of a month.
fn last_sunday(year: i64, month: u8) -> i64 {
    let last = days_from_civil(year, month, days_in_month(year, month));
    // Weekday index of `last`, Monday = 0; Sunday is 6.
    let idx = (last + 3).rem_euclid(7);
    last - (idx + 1) % 7
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Number of days of a month (1–12); 0 for an invalid month.
fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date. `month` must be in
/// 1–12 and `day` in 1–31.
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    // Count years from 1 March, so that February (and its leap day) is the
    // last month of the computed year.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400; // 0..=399
    let m = i64::from(month);
    let month_from_march = (m + 9) % 12; // March = 0 … February = 11
                                         // Days before the month within the March-based year: the month lengths
                                         // 31, 30, 31, 30, 31 repeat, which (153 * m + 2) / 5 reproduces.
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // 719_468 days separate 0000-03-01 from 1970-01-01.
    era * 146_097 + day_of_era - 719_468
}

/// Proleptic Gregorian date (year, month, day) of a day counted from
/// 1970-01-01. Inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097; // 0..=146_096
                                        // Remove the leap days accumulated so far before dividing by 365.
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153; // 0..=11
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1; // 1..=31
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // month is in 1..=12 and day in 1..=31: the casts cannot truncate.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: i64 = MS_PER_MINUTE;

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
    fn civil_days_round_trip() {
        let mut prev = civil_from_days(-800_001);
        for days in -800_000..800_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            assert!(d >= 1 && d <= days_in_month(y, m));
            // Consecutive days follow each other in the calendar.
            if d == 1 {
                assert_eq!(prev.2, days_in_month(prev.0, prev.1));
            } else {
                assert_eq!((prev.0, prev.1, prev.2 + 1), (y, m, d));
            }
            prev = (y, m, d);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
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

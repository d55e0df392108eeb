//! RPPS number (Répertoire partagé des professionnels de santé).
//!
//! An RPPS number identifies a French health professional. It has exactly
//! 11 decimal digits, the last one being a Luhn check digit: the full
//! 11-digit string must pass the standard Luhn test.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Number of digits of an RPPS number, check digit included.
const RPPS_LEN: usize = 11;

/// A validated RPPS number, stored as its 11 digits without any separator.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rpps(String);

/// Why a string is not a valid RPPS number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum RppsError {
    /// The number does not have 11 digits (spaces not counted).
    #[error("an RPPS number has 11 digits, found {found}")]
    WrongLength {
        /// Number of digits found.
        found: u32,
    },
    /// The input contains something other than digits and spaces.
    #[error("an RPPS number may only contain digits and spaces")]
    NotDigits,
    /// The Luhn check digit does not match.
    #[error("invalid RPPS number (check digit mismatch)")]
    BadCheckDigit,
}

impl Rpps {
    /// Parses an RPPS number.
    ///
    /// Surrounding whitespace is trimmed, and ASCII spaces are accepted
    /// between digits (`"10 00 123 456 7"`); any other character is refused.
    pub fn parse(input: &str) -> Result<Self, RppsError> {
        let digits = normalize(input)?;
        if digits.len() != RPPS_LEN {
            return Err(RppsError::WrongLength {
                found: u32::try_from(digits.len()).unwrap_or(u32::MAX),
            });
        }
        if !luhn_valid(&digits) {
            return Err(RppsError::BadCheckDigit);
        }
        Ok(Self(digits))
    }

    /// The 11 digits, without separator.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Builds an RPPS number from its first ten digits by appending the Luhn
    /// check digit.
    ///
    /// The input follows the same rules as [`Rpps::parse`] (trimmed, inner
    /// spaces allowed). Returns `None` unless it holds exactly ten digits.
    pub fn with_check_digit(first_ten: &str) -> Option<Rpps> {
        let mut digits = normalize(first_ten).ok()?;
        if digits.len() != RPPS_LEN - 1 {
            return None;
        }
        let key = luhn_key(&digits);
        digits.push(char::from(b'0' + key));
        Some(Self(digits))
    }
}

/// Trims `input`, removes inner ASCII spaces and checks that only ASCII
/// digits remain.
fn normalize(input: &str) -> Result<String, RppsError> {
    let mut digits = String::with_capacity(RPPS_LEN);
    for c in input.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' => {}
            _ => return Err(RppsError::NotDigits),
        }
    }
    Ok(digits)
}

/// Luhn sum of a string of ASCII digits. When `check_included` is true the
/// rightmost digit is the check digit (not doubled); otherwise the rightmost
/// digit is the first one to be doubled.
fn luhn_sum(digits: &str, check_included: bool) -> u32 {
    digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            let doubled = (i % 2 == 1) == check_included;
            if doubled {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum()
}

/// True when the digit string (check digit included) passes the Luhn test.
fn luhn_valid(digits: &str) -> bool {
    luhn_sum(digits, true).is_multiple_of(10)
}

/// The Luhn check digit to append to `digits`.
fn luhn_key(digits: &str) -> u8 {
    let rem = luhn_sum(digits, false) % 10;
    // `rem` < 10, so the key fits in a u8.
    ((10 - rem) % 10) as u8
}

impl FromStr for Rpps {
    type Err = RppsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for Rpps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Rpps {
    type Error = RppsError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Rpps> for String {
    fn from(value: Rpps) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_key_for_simple_prefix() {
        // Luhn sum of "1000000000" with the rightmost digit doubled: only the
        // leading 1 (undoubled) counts, sum 1, key 9.
        let rpps = Rpps::with_check_digit("1000000000").expect("ten digits");
        assert_eq!(rpps.as_str(), "10000000009");
        assert_eq!(Rpps::parse("10000000009").expect("valid RPPS"), rpps);
    }

    #[test]
    fn hand_verified_number() {
        // 1 0 0 0 3 1 2 3 4 5 | 1, from the right: 1 + (5*2-9) + 4 + 3*2 + 2
        // + 1*2 + 3 + 0 + 0 + 0 + 1 = 20, a multiple of 10.
        let rpps = Rpps::parse("10003123451").expect("valid RPPS");
        assert_eq!(rpps.as_str(), "10003123451");
        assert_eq!(
            Rpps::with_check_digit("1000312345").expect("ten digits"),
            rpps
        );
        // Sum 25: not valid.
        assert_eq!(Rpps::parse("10003123456"), Err(RppsError::BadCheckDigit));
    }

    #[test]
    fn second_hand_verified_number() {
        // 8 1 0 0 1 2 3 4 5 6 | 6, from the right: 6 + (6*2-9) + 5 + 4*2
        // + 3 + 2*2 + 1 + 0 + 0 + 1*2 + 8 = 40.
        assert!(Rpps::parse("81001234566").is_ok());
        assert_eq!(Rpps::parse("81001234568"), Err(RppsError::BadCheckDigit));
        assert_eq!(
            Rpps::with_check_digit("8100123456")
                .expect("ten digits")
                .as_str(),
            "81001234566"
        );
    }

    #[test]
    fn spaces_and_trimming() {
        let rpps = Rpps::parse("  10 00 312 345 1\n").expect("valid RPPS");
        assert_eq!(rpps.as_str(), "10003123451");
        assert_eq!(rpps.to_string(), "10003123451");
        assert_eq!("\t10003123451 ".parse::<Rpps>().expect("valid RPPS"), rpps);
        assert_eq!(
            Rpps::with_check_digit(" 10 0031 2345 ").expect("ten digits"),
            rpps
        );
    }

    #[test]
    fn other_separators_refused() {
        assert_eq!(Rpps::parse("10-00-312-345-1"), Err(RppsError::NotDigits));
        assert_eq!(Rpps::parse("10.003.123.451"), Err(RppsError::NotDigits));
        assert_eq!(Rpps::parse("1000312\t3451"), Err(RppsError::NotDigits));
        assert_eq!(Rpps::parse("+10003123451"), Err(RppsError::NotDigits));
        // Non-ASCII digits are refused too.
        assert_eq!(Rpps::parse("1000312345١"), Err(RppsError::NotDigits));
    }

    #[test]
    fn every_single_digit_typo_refused() {
        let valid = "10003123451";
        for pos in 0..valid.len() {
            for d in b'0'..=b'9' {
                let mut bytes = valid.as_bytes().to_vec();
                if bytes[pos] == d {
                    continue;
                }
                bytes[pos] = d;
                let typo = String::from_utf8(bytes).expect("ASCII digits");
                assert_eq!(Rpps::parse(&typo), Err(RppsError::BadCheckDigit), "{typo}");
            }
        }
    }

    #[test]
    fn adjacent_transpositions_refused() {
        // Luhn catches every swap of two adjacent different digits except
        // 0 <-> 9; this number contains no 0/9 pair.
        let valid = Rpps::with_check_digit("1234567812").expect("ten digits");
        let s = valid.as_str();
        let mut checked = 0;
        for i in 0..s.len() - 1 {
            let mut bytes = s.as_bytes().to_vec();
            if bytes[i] == bytes[i + 1] {
                continue;
            }
            bytes.swap(i, i + 1);
            let swapped = String::from_utf8(bytes).expect("ASCII digits");
            assert_eq!(
                Rpps::parse(&swapped),
                Err(RppsError::BadCheckDigit),
                "{swapped}"
            );
            checked += 1;
        }
        assert!(checked >= 9);
        // Explicit example: 1000312345|1 with "31" swapped to "13".
        assert_eq!(Rpps::parse("10001323451"), Err(RppsError::BadCheckDigit));
    }

    #[test]
    fn wrong_length() {
        assert_eq!(
            Rpps::parse("1000312345"),
            Err(RppsError::WrongLength { found: 10 })
        );
        assert_eq!(
            Rpps::parse("100031234510"),
            Err(RppsError::WrongLength { found: 12 })
        );
        assert_eq!(Rpps::parse(""), Err(RppsError::WrongLength { found: 0 }));
        assert_eq!(Rpps::parse("   "), Err(RppsError::WrongLength { found: 0 }));
        assert_eq!(Rpps::with_check_digit("100031234"), None);
        assert_eq!(Rpps::with_check_digit("10003123451"), None);
        assert_eq!(Rpps::with_check_digit("10003A2345"), None);
    }

    #[test]
    fn letters_refused() {
        assert_eq!(Rpps::parse("1000312345A"), Err(RppsError::NotDigits));
        assert_eq!(Rpps::parse("abcdefghijk"), Err(RppsError::NotDigits));
    }

    #[test]
    fn error_messages() {
        assert_eq!(
            RppsError::WrongLength { found: 3 }.to_string(),
            "an RPPS number has 11 digits, found 3"
        );
        assert!(!RppsError::BadCheckDigit.to_string().is_empty());
    }

    #[test]
    fn conversions() {
        let rpps = Rpps::try_from(String::from("10 003 123 451")).expect("valid RPPS");
        let s: String = rpps.clone().into();
        assert_eq!(s, "10003123451");
        assert_eq!(Rpps::try_from(String::from("x")), Err(RppsError::NotDigits));
    }

    #[test]
    fn serde_round_trip() {
        let rpps = Rpps::parse("10003123451").expect("valid RPPS");
        let json = serde_json::to_string(&rpps).expect("serializes");
        assert_eq!(json, "\"10003123451\"");
        let back: Rpps = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, rpps);
        // Spaces are normalized on the way in.
        let spaced: Rpps = serde_json::from_str("\"10 00 312 345 1\"").expect("deserializes");
        assert_eq!(spaced, rpps);
    }

    #[test]
    fn serde_refuses_bad_numbers() {
        let err =
            serde_json::from_str::<Rpps>("\"10003123456\"").expect_err("bad check digit refused");
        assert!(err.to_string().contains("check digit"), "{err}");
        assert!(serde_json::from_str::<Rpps>("\"123\"").is_err());
        assert!(serde_json::from_str::<Rpps>("10003123451").is_err());
    }
}

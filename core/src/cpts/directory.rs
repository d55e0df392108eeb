//! The CPTS member directory: one `fr.innomed.member` state event per member of the space.
//! Professional data, public in the space: never patient data.
//!
//! The state key is `member:` and the member's user id: the homeserver refuses a state key that
//! *starts* with a user id other than the sender's, and the coordinator writes every entry.

use crate::RequestProblem;
use matrix_sdk::ruma::{events::macros::EventContent, OwnedUserId, UserId};
use serde::{Deserialize, Serialize};

use super::{
    error::{CptsError, Result},
    rpps::Rpps,
    specialties::specialty,
};

/// The event type of a directory entry.
pub const MEMBER_TYPE: &str = "fr.innomed.member";

/// A member's profession.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Profession {
    Physician,
    Nurse,
    Pharmacist,
    Physiotherapist,
    Midwife,
    Dentist,
}

/// `fr.innomed.member`: what the directory says of one member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, EventContent)]
#[ruma_event(type = "fr.innomed.member", kind = State, state_key_type = String)]
pub struct MemberEventContent {
    pub display_name: String,
    pub profession: Profession,
    /// Specialty codes from the fixed list (`dermatology`…); physicians have at least one.
    #[serde(default)]
    pub specialties: Vec<String>,
    pub rpps: Rpps,
    /// A retired specialist who still holds a few hours of permanence.
    #[serde(default)]
    pub retired: bool,
}

/// The state key of a member's directory entry and duty slots.
pub(crate) fn state_key_of(user_id: &UserId) -> String {
    format!("member:{user_id}")
}

/// The member a directory or rota state key is about.
pub(crate) fn user_of(state_key: &str) -> Option<OwnedUserId> {
    OwnedUserId::try_from(state_key.strip_prefix("member:")?).ok()
}

/// What the coordinator types to add a member; checked before anything is sent.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewMember {
    pub display_name: String,
    pub profession: Profession,
    pub specialties: Vec<String>,
    /// As typed: spaces allowed, checked with its Luhn key.
    pub rpps: String,
    pub retired: bool,
}

impl NewMember {
    pub(crate) fn validate(&self) -> Result<MemberEventContent> {
        let display_name = self.display_name.trim();
        if display_name.is_empty() {
            return Err(CptsError::InvalidRequest(RequestProblem::NoMemberName));
        }
        let rpps = Rpps::parse(&self.rpps)?;
        let specialties = self
            .specialties
            .iter()
            .map(|code| {
                specialty(code)
                    .map(|s| s.code.to_owned())
                    .ok_or_else(|| CptsError::UnknownSpecialty(code.clone()))
            })
            .collect::<Result<Vec<_>>>()?;
        if self.profession == Profession::Physician && specialties.is_empty() {
            return Err(CptsError::InvalidRequest(RequestProblem::NoSpecialty));
        }
        Ok(MemberEventContent {
            display_name: display_name.to_owned(),
            profession: self.profession,
            specialties,
            rpps,
            retired: self.retired,
        })
    }
}

/// One row of the directory.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MemberEntry {
    pub user_id: OwnedUserId,
    pub display_name: String,
    pub profession: Profession,
    pub specialties: Vec<String>,
    pub rpps: Rpps,
    pub retired: bool,
}

impl MemberEntry {
    pub(crate) fn new(user_id: OwnedUserId, content: MemberEventContent) -> Self {
        Self {
            user_id,
            display_name: content.display_name,
            profession: content.profession,
            specialties: content.specialties,
            rpps: content.rpps,
            retired: content.retired,
        }
    }

    pub fn has_specialty(&self, code: &str) -> bool {
        self.specialties.iter().any(|s| s == code)
    }

    /// Whether the name (display name or user id) contains `query`, ignoring case and accents.
    pub fn name_matches(&self, query: &str) -> bool {
        let query = fold(query.trim());
        query.is_empty()
            || fold(&self.display_name).contains(&query)
            || fold(self.user_id.localpart()).contains(&query)
    }
}

/// Lower case without French diacritics, for searching ("Lefèvre" matches "lefevre").
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// The directory rows matching a specialty and a name (both optional), sorted by name.
pub(crate) fn search(
    directory: &[MemberEntry],
    specialty_code: Option<&str>,
    name: Option<&str>,
) -> Result<Vec<MemberEntry>> {
    let specialty_code = match specialty_code {
        Some(code) => Some(
            specialty(code)
                .ok_or_else(|| CptsError::UnknownSpecialty(code.to_owned()))?
                .code,
        ),
        None => None,
    };
    let mut found: Vec<MemberEntry> = directory
        .iter()
        .filter(|m| specialty_code.is_none_or(|code| m.has_specialty(code)))
        .filter(|m| name.is_none_or(|n| m.name_matches(n)))
        .cloned()
        .collect();
    found.sort_by_key(|m| fold(&m.display_name));
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(user: &str, name: &str, specialties: &[&str]) -> MemberEntry {
        MemberEntry {
            user_id: OwnedUserId::try_from(user).expect("user id"),
            display_name: name.to_owned(),
            profession: Profession::Physician,
            specialties: specialties.iter().map(|s| (*s).to_owned()).collect(),
            rpps: Rpps::with_check_digit("1000012345").expect("rpps"),
            retired: false,
        }
    }

    #[test]
    fn search_by_specialty_and_accent_blind_name() {
        let directory = vec![
            entry("@lefevre:cpts", "Dr Hélène Lefèvre", &["dermatology"]),
            entry("@durand:cpts", "Dr Paul Durand", &["cardiology"]),
            entry("@abel:cpts", "Dr Anne Abel", &["dermatology", "pediatrics"]),
        ];
        let derm = search(&directory, Some("Dermatology"), None).expect("search");
        let names: Vec<_> = derm.iter().map(|m| m.display_name.as_str()).collect();
        assert_eq!(names, ["Dr Anne Abel", "Dr Hélène Lefèvre"]);
        let found = search(&directory, None, Some("lefevre")).expect("search");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].user_id, "@lefevre:cpts");
        assert!(search(&directory, Some("cardiology"), Some("abel"))
            .expect("search")
            .is_empty());
        assert!(matches!(
            search(&directory, Some("astrology"), None),
            Err(CptsError::UnknownSpecialty(code)) if code == "astrology"
        ));
    }

    #[test]
    fn a_new_member_is_checked_before_anything_is_sent() {
        let valid = Rpps::with_check_digit("1000012345").expect("rpps");
        let mut new = NewMember {
            display_name: "  Dr Anne Abel ".into(),
            profession: Profession::Physician,
            specialties: vec!["dermatology".into()],
            rpps: valid.to_string(),
            retired: false,
        };
        let content = new.validate().expect("valid");
        assert_eq!(content.display_name, "Dr Anne Abel");
        new.rpps = {
            let mut digits: Vec<char> = valid.as_str().chars().collect();
            digits[4] = if digits[4] == '9' { '0' } else { '9' };
            digits.into_iter().collect()
        };
        assert!(matches!(new.validate(), Err(CptsError::InvalidRpps(_))));
        new.rpps = valid.to_string();
        new.specialties = vec!["astrology".into()];
        assert!(matches!(
            new.validate(),
            Err(CptsError::UnknownSpecialty(_))
        ));
        new.specialties.clear();
        assert!(matches!(new.validate(), Err(CptsError::InvalidRequest(_))));
        new.profession = Profession::Nurse;
        assert!(new.validate().is_ok());
    }
}

//! Joining a CPTS without anyone typing an RPPS number.
//!
//! A professional signed in with Pro Santé Connect asks to join the CPTS (a knock on its
//! space). The coordinator sees who asks as Pro Santé Connect identified them (names, national
//! id, profession, specialty), kept by the homeserver at sign-in and read from it, never from
//! what the asker writes, and approves (the directory entry is filled from that identity; the
//! coordinator only chooses the specialties served on duty) or refuses.

use matrix_sdk::ruma::{
    api::{auth_scheme::AccessToken, request, response},
    metadata, OwnedRoomOrAliasId, OwnedUserId,
};
use tracing::info;

use super::{
    directory::{MemberEntry, NewMember, Profession},
    error::{user_id, CptsError, Result},
    space::Cpts,
};
use crate::InnomedClient;

/// What Pro Santé Connect said of a professional when they signed in, as the homeserver kept it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PscIdentity {
    /// The national id (`SubjectNameID`): `8` then the RPPS number for professionals in RPPS.
    pub national_id: String,
    pub given_name: String,
    pub family_name: String,
    /// The profession, when it is one Innomed knows.
    pub profession: Option<Profession>,
    /// The national nomenclature's profession code (`10`: physician).
    pub profession_code: String,
    /// The national nomenclature's specialty code (`codeSavoirFaire`), when PSC gives one.
    pub specialty_code: Option<String>,
}

impl PscIdentity {
    /// "Given FAMILY", as the directory shows it.
    pub fn display_name(&self) -> String {
        [self.given_name.trim(), self.family_name.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The RPPS number inside the national id (`8` + 11 digits), checked with its key.
    pub fn rpps(&self) -> Option<super::rpps::Rpps> {
        let rest = self.national_id.strip_prefix('8')?;
        super::rpps::Rpps::parse(rest).ok()
    }
}

/// Someone who asked to join the CPTS, with what Pro Santé Connect said of them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct JoinRequest {
    pub user_id: OwnedUserId,
    /// `None`: the account did not sign in with Pro Santé Connect (it cannot be approved).
    pub identity: Option<PscIdentity>,
}

/// The profession of a national nomenclature code (TRE_G15).
fn profession_of(code: &str) -> Option<Profession> {
    Some(match code {
        "10" => Profession::Physician,
        "21" => Profession::Pharmacist,
        "40" => Profession::Dentist,
        "50" => Profession::Midwife,
        "60" => Profession::Nurse,
        "70" => Profession::Physiotherapist,
        _ => return None,
    })
}

mod wire {
    use super::*;

    metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable => "/_innomed/psc/v1/identities/{user_id}",
        }
    }

    /// The homeserver's record of a user's Pro Santé Connect identity.
    #[request(error = matrix_sdk::ruma::api::error::Error)]
    pub struct Request {
        #[ruma_api(path)]
        pub user_id: OwnedUserId,
    }

    #[response(error = matrix_sdk::ruma::api::error::Error)]
    pub struct Response {
        pub national_id: String,
        #[serde(default)]
        pub given_name: String,
        #[serde(default)]
        pub family_name: String,
        #[serde(default)]
        pub profession: String,
        #[serde(default)]
        pub specialty: String,
    }
}

impl InnomedClient {
    /// What Pro Santé Connect said of a user of this homeserver when they signed in; `None`
    /// when they never signed in with it.
    pub async fn psc_identity(&self, user: &str) -> Result<Option<PscIdentity>> {
        let user = user_id(user)?;
        let answer = self.client.send(wire::Request { user_id: user }).await;
        let response = match answer {
            Ok(response) => response,
            Err(e)
                if e.client_api_error_kind()
                    == Some(&matrix_sdk::ruma::api::error::ErrorKind::NotFound) =>
            {
                return Ok(None)
            }
            Err(e) => return Err(CptsError::from_http(e)),
        };
        if response.national_id.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(PscIdentity {
            profession: profession_of(&response.profession),
            national_id: response.national_id,
            given_name: response.given_name,
            family_name: response.family_name,
            profession_code: response.profession,
            specialty_code: Some(response.specialty).filter(|s| !s.is_empty()),
        }))
    }

    /// Asks to join a CPTS by its space id (given by the coordinator): the coordinator then
    /// approves or refuses. An approval arrives as the space's invitation.
    pub async fn ask_to_join_cpts(&self, space_id: &str) -> Result<()> {
        let id = OwnedRoomOrAliasId::try_from(space_id.trim()).map_err(|_| CptsError::NotFound)?;
        self.client
            .knock(id, None, Vec::new())
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(space = %space_id.trim(), "asked to join a CPTS");
        Ok(())
    }
}

impl Cpts {
    /// Who asked to join and waits for the coordinator, with their Pro Santé Connect identity.
    pub async fn join_requests(&self) -> Result<Vec<JoinRequest>> {
        let knocking = self.knocking().await?;
        let mut requests = Vec::new();
        for user in knocking {
            let identity = self.client.psc_identity(user.as_str()).await?;
            requests.push(JoinRequest {
                user_id: user,
                identity,
            });
        }
        requests.sort_by(|a, b| a.user_id.cmp(&b.user_id));
        Ok(requests)
    }

    /// Approves someone who asked to join (coordinator only): their directory entry comes from
    /// their Pro Santé Connect identity; `specialties` are those they serve on duty.
    pub async fn approve(
        &self,
        user: &str,
        specialties: Vec<String>,
        retired: bool,
    ) -> Result<MemberEntry> {
        let identity = self
            .client
            .psc_identity(user)
            .await?
            .ok_or(CptsError::NoVerifiedIdentity)?;
        let profession = identity.profession.ok_or(CptsError::NoVerifiedIdentity)?;
        let rpps = identity.rpps().ok_or(CptsError::NoVerifiedIdentity)?;
        let new = NewMember {
            display_name: identity.display_name(),
            profession,
            specialties,
            rpps: rpps.as_str().to_owned(),
            retired,
        };
        self.add_member(user, new).await
    }

    /// Refuses someone who asked to join (coordinator only); `NotAllowed` for anyone who is
    /// not asking (a member is removed otherwise, never by this).
    pub async fn refuse(&self, user: &str) -> Result<()> {
        let user = user_id(user)?;
        if !self.knocking().await?.contains(&user) {
            return Err(CptsError::NotAllowed);
        }
        self.room
            .kick_user(&user, None)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.space_id(), "join request refused");
        Ok(())
    }
}

impl Cpts {
    /// Who is asking to join now, from the homeserver's current state of the space (a knock
    /// arrives as a member event sliding sync may not carry).
    async fn knocking(&self) -> Result<Vec<OwnedUserId>> {
        Ok(self
            .fetch_state()
            .await?
            .iter()
            .filter(|raw| {
                raw.get_field::<String>("type").ok().flatten().as_deref() == Some("m.room.member")
            })
            .filter(|raw| {
                raw.get_field::<serde_json::Value>("content")
                    .ok()
                    .flatten()
                    .and_then(|c| c.get("membership")?.as_str().map(|m| m == "knock"))
                    == Some(true)
            })
            .filter_map(|raw| raw.get_field::<OwnedUserId>("state_key").ok().flatten())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(national_id: &str, profession: &str) -> PscIdentity {
        PscIdentity {
            national_id: national_id.into(),
            given_name: " Inès ".into(),
            family_name: "Benali".into(),
            profession: profession_of(profession),
            profession_code: profession.into(),
            specialty_code: None,
        }
    }

    #[test]
    fn the_rpps_number_is_read_from_the_national_id() {
        let rpps = super::super::rpps::Rpps::with_check_digit("1000123456").expect("rpps");
        let ok = identity(&format!("8{}", rpps.as_str()), "10");
        assert_eq!(ok.rpps(), Some(rpps.clone()));
        assert_eq!(ok.display_name(), "Inès Benali");
        assert_eq!(ok.profession, Some(Profession::Physician));
        // An ADELI-based id, a bad key, a missing prefix: no RPPS.
        for other in [
            format!("0{}", rpps.as_str()),
            "810001234560".into(),
            rpps.as_str().into(),
        ] {
            assert_eq!(identity(&other, "10").rpps(), None, "{other}");
        }
        assert_eq!(identity("8", "99").profession, None);
    }
}

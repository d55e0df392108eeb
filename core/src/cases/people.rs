//! The name a screen shows for a person: the CPTS directory's (as this device last read it),
//! else the name they gave themselves, else their user id; the user id stays beside it,
//! secondary. Read without network.

use std::collections::HashMap;

use matrix_sdk::{
    ruma::{events::room::member::MembershipState, OwnedUserId, UserId},
    RoomMemberships,
};

use super::{error::Result, CaseError, CaseRoom, Membership};
use crate::{cpts::MemberEntry, InnomedClient};

/// A colleague in a case, or invited to it, as the case screen names them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CaseMember {
    pub user_id: OwnedUserId,
    pub membership: Membership,
    /// "Dr Nadia Benali" from the directory, else the profile name, else the user id.
    pub display_name: String,
    /// Specialty codes from the directory (none for someone outside it).
    pub specialties: Vec<String>,
    /// Whether a CPTS directory the doctor belongs to lists them.
    pub in_directory: bool,
    /// This doctor's trust in their identity (the shield beside the name).
    pub trust: crate::TrustLevel,
}

impl InnomedClient {
    /// Every directory entry of the CPTS this doctor belongs to, by user (members who joined
    /// their space only).
    pub(crate) async fn known_people(&self) -> HashMap<OwnedUserId, MemberEntry> {
        let mut people = HashMap::new();
        // Only spaces this doctor joined: an invitation to a space proves nothing of it.
        for cpts in self.cpts_spaces().into_iter().filter(|c| c.is_joined()) {
            for entry in cpts.known_directory().await {
                people.entry(entry.user_id.clone()).or_insert(entry);
            }
        }
        people
    }

    /// The name to show for `user_id`: from a CPTS directory, else the user id.
    pub async fn display_name(&self, user_id: &str) -> String {
        let Ok(user_id) = UserId::parse(user_id) else {
            return user_id.to_owned();
        };
        self.known_people()
            .await
            .remove(&user_id)
            .map_or_else(|| user_id.to_string(), |e| e.display_name)
    }
}

impl CaseRoom {
    /// The case's members and invitees (and who left), named for the screen.
    pub async fn members(&self) -> Result<Vec<CaseMember>> {
        let members = self
            .room
            .members(RoomMemberships::all())
            .await
            .map_err(|e| CaseError::from_sdk(&e))?;
        let people = self.client.known_people().await;
        self.client.apply_attestations_if_stale().await;
        let mut named = Vec::with_capacity(members.len());
        for m in members {
            let trust = self.client.trust_level(m.user_id()).await;
            named.push((m, trust));
        }
        Ok(named
            .into_iter()
            .map(|(m, trust)| {
                let entry = people.get(m.user_id());
                CaseMember {
                    user_id: m.user_id().to_owned(),
                    membership: match m.membership() {
                        MembershipState::Join => Membership::Joined,
                        MembershipState::Invite => Membership::Invited,
                        _ => Membership::Left,
                    },
                    display_name: entry.map_or_else(
                        || {
                            m.display_name()
                                .map_or_else(|| m.user_id().to_string(), ToOwned::to_owned)
                        },
                        |e| e.display_name.clone(),
                    ),
                    specialties: entry.map(|e| e.specialties.clone()).unwrap_or_default(),
                    in_directory: entry.is_some(),
                    trust,
                }
            })
            .collect())
    }
}

//! The coordinator corrects a directory entry: the name, the specialties, retired or not.
//!
//! The RPPS number and the profession stay: another number is another person (removed and
//! added again, then attested). An edit is not a fresh identity check either, so the identity
//! the CPTS vouches for stays as it was attested. Duty slots in a specialty the member no longer
//! has leave the rota with it.

use tracing::info;

use super::{
    directory::{state_key_of, MemberEntry, NewMember},
    error::{CptsError, Result},
    rota::DutyEventContent,
    space::Cpts,
};

/// What the coordinator may change in a directory entry.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EntryEdit {
    pub display_name: String,
    /// Codes from the fixed list; a physician keeps at least one.
    pub specialties: Vec<String>,
    pub retired: bool,
}

impl Cpts {
    /// Edits a member's entry (coordinator only: `NotAllowed` for anyone else, and the
    /// homeserver refuses them too). `NotInDirectory` for someone not listed; the entry is
    /// checked like a new one before anything is sent.
    pub async fn edit_member(&self, user_id: &str, edit: EntryEdit) -> Result<MemberEntry> {
        let user_id = super::error::user_id(user_id)?;
        if !self.is_coordinator() {
            return Err(CptsError::NotAllowed);
        }
        let super::space::SpaceState {
            directory, rota, ..
        } = self.snapshot().await?;
        let current = directory
            .iter()
            .find(|m| m.user_id == user_id)
            .ok_or(CptsError::NotInDirectory)?;
        let content = NewMember {
            display_name: edit.display_name,
            profession: current.profession,
            specialties: edit.specialties,
            rpps: current.rpps.as_str().to_owned(),
            retired: edit.retired,
        }
        .validate()?;
        let state_key = state_key_of(&user_id);
        self.room
            .send_state_event_for_key(&state_key, content.clone())
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        // The entry first: if the rota write fails, a stale slot routes nothing (routing
        // checks the entry's specialties) and the next edit drops it.
        let slots = rota
            .into_iter()
            .find(|(user, _)| *user == user_id)
            .map(|(_, slots)| slots)
            .unwrap_or_default();
        let kept: Vec<_> = slots
            .iter()
            .filter(|slot| content.specialties.contains(&slot.specialty))
            .cloned()
            .collect();
        let dropped = slots.len() - kept.len();
        if dropped > 0 {
            self.room
                .send_state_event_for_key(&state_key, DutyEventContent { slots: kept })
                .await
                .map_err(|e| CptsError::from_sdk(&e))?;
        }
        info!(room_id = %self.space_id(), dropped, "directory entry edited");
        Ok(MemberEntry::new(user_id, content))
    }
}

//! A member declares their own absences and one-off permanences in the space (see
//! `availability.rs` for the rules); the coordinator's weekly rota stays the default.

use matrix_sdk::ruma::{
    events::{room::power_levels::RoomPowerLevelsEventContent, TimelineEventType},
    Int,
};
use tracing::info;

use super::{
    availability::{window, Entry},
    error::{CptsError, Result},
    paris::ParisTime,
    space::MemberAvailability,
    Absence, Availability, AvailabilityEventContent, Cpts, Permanence, AVAILABILITY_TYPE,
};

impl Cpts {
    /// The signed-in member's own absences and permanences still to come, soonest first.
    pub async fn my_availability(&self) -> Result<Availability> {
        let own = self.room.own_user_id().to_owned();
        Ok(self
            .availabilities()
            .await?
            .into_iter()
            .find(|a| a.user_id == own)
            .map(|a| a.availability)
            .unwrap_or_default())
    }

    /// Every member's absences and permanences still to come (for the coordinator's rota).
    pub async fn availabilities(&self) -> Result<Vec<MemberAvailability>> {
        let (today, _) = window(&self.now())?;
        Ok(self
            .snapshot()
            .await?
            .availability
            .into_iter()
            .map(|a| MemberAvailability {
                availability: a.availability.without_past(today),
                ..a
            })
            .filter(|a| {
                !(a.availability.absences.is_empty() && a.availability.permanences.is_empty())
            })
            .collect())
    }

    /// Declares an absence of the signed-in member (days included, Paris dates): they are off
    /// duty and out of routing those days, whatever the rota says.
    pub async fn add_absence(&self, absence: Absence) -> Result<Availability> {
        let (_, current) = self.own_entry_and_availability().await?;
        let next = current.with_absence(&absence, &self.now())?;
        self.write(next).await
    }

    /// Declares a one-off permanence of the signed-in member for one of their specialties: on
    /// duty and routed to those hours, beside the rota.
    pub async fn add_permanence(&self, permanence: Permanence) -> Result<Availability> {
        let (member, current) = self.own_entry_and_availability().await?;
        let next = current.with_permanence(&member, &permanence, &self.now())?;
        self.write(next).await
    }

    /// Withdraws one of the signed-in member's absences.
    pub async fn remove_absence(&self, absence: Absence) -> Result<Availability> {
        let (_, current) = self.own_entry_and_availability().await?;
        self.write(current.without(&Entry::Absence(absence))?).await
    }

    /// Withdraws one of the signed-in member's permanences.
    pub async fn remove_permanence(&self, permanence: Permanence) -> Result<Availability> {
        let (_, current) = self.own_entry_and_availability().await?;
        self.write(current.without(&Entry::Permanence(permanence))?)
            .await
    }

    fn now(&self) -> ParisTime {
        ParisTime::from_unix_ms(self.client.now_ms())
    }

    /// The member's directory entry (`NotInDirectory` for anyone else) and what they declared.
    async fn own_entry_and_availability(&self) -> Result<(super::MemberEntry, Availability)> {
        let own = self.room.own_user_id().to_owned();
        let state = self.snapshot().await?;
        let member = state
            .directory
            .into_iter()
            .find(|m| m.user_id == own && state.joined.contains(&m.user_id))
            .ok_or(CptsError::NotInDirectory)?;
        let current = state
            .availability
            .into_iter()
            .find(|a| a.user_id == own)
            .map(|a| a.availability)
            .unwrap_or_default();
        Ok((member, current))
    }

    async fn write(&self, availability: Availability) -> Result<Availability> {
        let own = self.room.own_user_id().to_owned();
        self.room
            .send_state_event_for_key(&own, AvailabilityEventContent::from(availability.clone()))
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.space_id(), "own availability written");
        Ok(availability)
    }

    /// Lets members write their own availability, and the homeserver post a request's alert on
    /// its GP's behalf, in a space created before they existed (coordinator only; nothing is
    /// sent when the space already allows both).
    pub(crate) async fn open_member_writes(&self) -> Result<()> {
        let levels = self
            .room
            .power_levels()
            .await
            .map_err(|e| CptsError::from_sdk(&matrix_sdk::Error::from(e)))?;
        let types =
            [AVAILABILITY_TYPE, crate::requests::UNANSWERED_TYPE].map(TimelineEventType::from);
        if types
            .iter()
            .all(|t| levels.events.get(t) == Some(&Int::from(0)))
        {
            return Ok(());
        }
        let mut content = RoomPowerLevelsEventContent::try_from(levels)
            .map_err(|e| CptsError::Server(e.to_string()))?;
        for event_type in types {
            content.events.insert(event_type, Int::from(0));
        }
        self.room
            .send_state_event(content)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.space_id(), "members may now declare their availability");
        Ok(())
    }
}

//! Partner CPTS: neighbouring territories that lend each other their specialists.
//!
//! A coordinator declares a partner in their own space (`fr.innomed.cpts.partner`, keyed by the
//! partner's space, believed only from the space's creator); a partnership holds once both
//! spaces declare each other. Declaring also invites the partner's coordinator into the space
//! and into the CPTS's roster (`roster`), and opens the space to the members of each partner's
//! roster (join rule `knock_restricted`), which the partner's homeserver, sitting in both, vouches
//! for. A member of one CPTS then reads the partner's directory and rota by joining its space as
//! a reader: nothing about patients is in a space, it all stays in the encrypted cases.

use std::{
    collections::HashSet,
    sync::{Arc, RwLock},
};

use matrix_sdk::{
    ruma::{
        events::{tag::TagEvent, AnyStateEvent},
        serde::Raw,
        OwnedRoomId, OwnedUserId, RoomId,
    },
    Client, Room,
};
use serde::{Deserialize, Serialize};
use tracing::{info, warn};

use super::{
    error::{CptsError, Result},
    Cpts,
};

/// The agreed partners, read when a request's routing first needs them (and only then).
pub(crate) type PartnersOnce = tokio::sync::OnceCell<Vec<Cpts>>;

/// A partner declaration in a CPTS space (state key: the partner's space id).
pub const PARTNER_TYPE: &str = "fr.innomed.cpts.partner";

/// The room tag this account puts on a partner space it joined to read it (not its own CPTS).
pub(super) const READER_TAG: &str = "fr.innomed.partner";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct PartnerEventContent {
    /// The partner's coordinator (absent: the partnership was withdrawn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) coordinator: Option<OwnedUserId>,
    /// The partner's name, as the declaring coordinator wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<String>,
}

/// A partner CPTS, as this CPTS declared it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Partner {
    pub space_id: OwnedRoomId,
    pub name: String,
    pub coordinator: OwnedUserId,
    /// The partner declared this CPTS too (as last read; `false` while it cannot be read).
    pub agreed: bool,
}

/// A partner as a space's creator declared it.
pub(crate) struct Declared {
    pub(crate) space: OwnedRoomId,
    pub(crate) coordinator: OwnedUserId,
    pub(crate) name: Option<String>,
}

/// The partners a space's creator declared (and did not withdraw), from its state events.
pub(crate) fn declared(events: &[Raw<AnyStateEvent>]) -> Vec<Declared> {
    let creator = super::space::creator_in(events);
    let mut found = Vec::new();
    for raw in events {
        if raw.get_field::<String>("type").ok().flatten().as_deref() != Some(PARTNER_TYPE) {
            continue;
        }
        let sender: Option<OwnedUserId> = raw.get_field("sender").ok().flatten();
        if sender.is_none() || sender != creator {
            continue;
        }
        let space: Option<OwnedRoomId> = raw
            .get_field::<String>("state_key")
            .ok()
            .flatten()
            .and_then(|k| OwnedRoomId::try_from(k).ok());
        let content: Option<PartnerEventContent> = raw.get_field("content").ok().flatten();
        if let (Some(space), Some(content)) = (space, content) {
            if let Some(coordinator) = content.coordinator {
                found.push(Declared {
                    space,
                    coordinator,
                    name: content.name,
                });
            }
        }
    }
    found
}

fn space_id(text: &str) -> Result<OwnedRoomId> {
    OwnedRoomId::try_from(text.trim()).map_err(|_| CptsError::NotAPartner)
}

impl Cpts {
    /// Declares a partner CPTS (coordinator only), or confirms one the partner declared first:
    /// the partnership holds once both declared. Opens this space to the partner's members and
    /// invites the partner's coordinator; joins the partner's space when its coordinator has
    /// invited this one.
    pub async fn declare_partner(&self, space_id: &str, coordinator: &str) -> Result<Partner> {
        let partner = self::space_id(space_id)?;
        let coordinator = super::error::user_id(coordinator)?;
        if partner == self.space_id() || coordinator == self.room.own_user_id() {
            return Err(CptsError::NotAPartner);
        }
        if !self.is_coordinator() {
            return Err(CptsError::NotAllowed);
        }
        // The partner's coordinator first: refused (a server outside the network), nothing of
        // the partnership is written.
        let inside = self
            .room
            .get_member_no_sync(&coordinator)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?
            .is_some_and(|m| {
                use matrix_sdk::ruma::events::room::member::MembershipState;
                matches!(
                    m.membership(),
                    MembershipState::Join | MembershipState::Invite
                )
            });
        if !inside {
            self.room
                .invite_user_by_id(&coordinator)
                .await
                .map_err(|e| {
                    super::space::invite_error(&e, self.room.own_user_id(), &coordinator)
                })?;
        }
        self.ensure_roster().await?;
        // The partner's space, when its coordinator already invited this one: joined first, so
        // its name is known and this homeserver can vouch for the partner's members here.
        self.join_partner_space(&partner, &coordinator).await;
        let name = self
            .client
            .client
            .get_room(&partner)
            .and_then(|r| r.name())
            .unwrap_or_default();
        let content = PartnerEventContent {
            coordinator: Some(coordinator.clone()),
            name: (!name.is_empty()).then(|| name.clone()),
        };
        self.room
            .send_state_event_raw(
                PARTNER_TYPE,
                partner.as_str(),
                serde_json::to_value(&content).map_err(|e| CptsError::Server(e.to_string()))?,
            )
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        self.complete_partnerships(&declared(&self.fetch_state().await?))
            .await?;
        // Last, once the declaration is written: the partner's coordinator's devices complete
        // the partnership when this invitation reaches them.
        self.invite_to_roster(&coordinator).await;
        info!(room_id = %self.space_id(), partner = %partner, "partner CPTS declared");
        let agreed = self.open_partner(&partner, &coordinator).await.is_ok();
        Ok(Partner {
            space_id: partner,
            name,
            coordinator,
            agreed,
        })
    }

    /// Withdraws a partnership (coordinator only): the partner's members can no longer join
    /// this space, and requests no longer go to the partner's specialists.
    pub async fn withdraw_partner(&self, space_id: &str) -> Result<()> {
        let partner = self::space_id(space_id)?;
        if !self.is_coordinator() {
            return Err(CptsError::NotAllowed);
        }
        let events = self.fetch_state().await?;
        let (withdrawn, kept): (Vec<Declared>, Vec<Declared>) = declared(&events)
            .into_iter()
            .partition(|d| d.space == partner);
        self.room
            .send_state_event_raw(PARTNER_TYPE, partner.as_str(), serde_json::json!({}))
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        self.allow_partners(&kept).await?;
        for gone in &withdrawn {
            self.remove_from_roster(&gone.coordinator).await;
        }
        // Those who joined to read this space (the partners' members and coordinators) leave
        // it: the members of partners still agreed join again when they next read it.
        let state = super::space::parse_state(&self.fetch_state().await?)?;
        let own = self.room.own_user_id().to_owned();
        let mut removed = 0;
        for reader in state
            .joined
            .iter()
            .filter(|u| **u != own && !state.directory.iter().any(|m| &m.user_id == *u))
        {
            match self
                .room
                .kick_user(reader, Some("fr.innomed.partner.withdrawn"))
                .await
            {
                Ok(()) => removed += 1,
                Err(e) => {
                    warn!(room_id = %self.space_id(), "a partner's reader not removed: {}", CptsError::from_sdk(&e).code())
                }
            }
        }
        info!(room_id = %self.space_id(), partner = %partner, removed, "partner CPTS withdrawn");
        Ok(())
    }

    /// The partners this CPTS declared, each with whether it declared this one too (which
    /// joins the partner's space to read it).
    pub async fn partners(&self) -> Result<Vec<Partner>> {
        let events = self.fetch_state().await?;
        let mut partners = Vec::new();
        for declared in declared(&events) {
            let agreed = self
                .open_partner(&declared.space, &declared.coordinator)
                .await
                .is_ok();
            let name = self
                .client
                .client
                .get_room(&declared.space)
                .and_then(|r| r.name())
                .or(declared.name)
                .unwrap_or_default();
            partners.push(Partner {
                space_id: declared.space,
                name,
                coordinator: declared.coordinator,
                agreed,
            });
        }
        if self.is_coordinator() {
            // Partnerships the partners agreed to since (or declared before rosters existed):
            // their members let in, their coordinators in this CPTS's roster.
            let declared = declared(&events);
            if let Ok(roster) = self.ensure_roster().await {
                for partner in &declared {
                    super::roster::invite(&roster, &partner.coordinator).await;
                }
            }
            if let Err(e) = self.complete_partnerships(&declared).await {
                warn!(room_id = %self.space_id(), "partners' rosters not allowed: {}", e.code());
            }
        }
        Ok(partners)
    }

    /// A partner CPTS, to read its directory and rota (`directory`, `on_duty_now`…): both
    /// CPTS must have declared each other (`PartnerNotAgreed` otherwise; `NotAPartner` for a
    /// space this CPTS never declared).
    pub async fn partner_cpts(&self, space_id: &str) -> Result<Cpts> {
        let partner = self::space_id(space_id)?;
        let events = self.fetch_state().await?;
        let declared = declared(&events)
            .into_iter()
            .find(|d| d.space == partner)
            .ok_or(CptsError::NotAPartner)?;
        self.open_partner(&declared.space, &declared.coordinator)
            .await
    }

    /// The partner's space, joined to read it, when it declares this CPTS in return.
    async fn open_partner(&self, partner: &RoomId, coordinator: &OwnedUserId) -> Result<Cpts> {
        let room = self
            .join_partner_space(partner, coordinator)
            .await
            .ok_or(CptsError::PartnerNotAgreed)?;
        let cpts = Cpts {
            client: self.client.clone(),
            room,
        };
        let theirs = cpts.fetch_state().await?;
        if !declared(&theirs).iter().any(|d| d.space == self.space_id()) {
            return Err(CptsError::PartnerNotAgreed);
        }
        Ok(cpts)
    }

    /// The agreed partners, read at most once per `cell` (one request's routing).
    async fn read_once<'a>(&self, cell: &'a PartnersOnce) -> &'a [Cpts] {
        cell.get_or_init(|| self.agreed_partners()).await
    }

    /// The agreed partners' spaces this account can read (for routing): those it cannot reach
    /// now are skipped.
    async fn agreed_partners(&self) -> Vec<Cpts> {
        let Ok(events) = self.fetch_state().await else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for declared in declared(&events) {
            match self
                .open_partner(&declared.space, &declared.coordinator)
                .await
            {
                Ok(cpts) => found.push(cpts),
                Err(e) => {
                    info!(room_id = %self.space_id(), partner = %declared.space, "partner not read: {}", e.code())
                }
            }
        }
        found
    }

    /// The first instant from `from_ms` on (within `horizon_ms`) when a specialist of an agreed
    /// partner, not in `exclude`, is on duty, and who is then: the earliest among the partners
    /// (the first declared on a tie).
    pub(crate) async fn partners_next_on_duty(
        &self,
        partners: &PartnersOnce,
        specialty: &str,
        from_ms: i64,
        horizon_ms: i64,
        exclude: &[OwnedUserId],
    ) -> Option<(i64, Vec<OwnedUserId>)> {
        let mut earliest: Option<(i64, Vec<OwnedUserId>)> = None;
        for partner in self.read_once(partners).await {
            let Ok(Some((at, found))) = partner
                .next_on_duty(specialty, from_ms, horizon_ms, exclude)
                .await
            else {
                continue;
            };
            if earliest.as_ref().is_none_or(|(first, _)| at < *first) {
                info!(room_id = %self.space_id(), partner = %partner.space_id(), count = found.len(), "a partner CPTS's specialists found");
                earliest = Some((at, found));
            }
        }
        earliest
    }

    /// The agreed partners' specialists of a specialty on duty at an instant, but those in
    /// `exclude` (the first partner that has any).
    pub(crate) async fn partners_on_duty_at(
        &self,
        partners: &PartnersOnce,
        specialty: &str,
        at_ms: i64,
        exclude: &[OwnedUserId],
    ) -> Vec<OwnedUserId> {
        self.partners_next_on_duty(partners, specialty, at_ms, 0, exclude)
            .await
            .map(|(_, found)| found)
            .unwrap_or_default()
    }

    /// A directory entry of this CPTS or, failing that, of an agreed partner.
    pub(crate) async fn entry_here_or_at_partners(
        &self,
        partners: &PartnersOnce,
        user_id: &OwnedUserId,
    ) -> Result<Option<super::MemberEntry>> {
        if let Some(entry) = self.entry_of(user_id).await? {
            return Ok(Some(entry));
        }
        for partner in self.read_once(partners).await {
            if let Ok(Some(entry)) = partner.entry_of(user_id).await {
                return Ok(Some(entry));
            }
        }
        Ok(None)
    }

    /// Joins a partner's space to read it (see [`super::roster::join_partner`]).
    async fn join_partner_space(
        &self,
        partner: &RoomId,
        coordinator: &OwnedUserId,
    ) -> Option<matrix_sdk::Room> {
        let room =
            super::roster::join_partner(&self.client.client, &self.room, partner, coordinator)
                .await?;
        self.client.partner_spaces.note(partner, true);
        Some(room)
    }
}

fn is_reader(tags: &matrix_sdk::ruma::events::tag::Tags) -> bool {
    tags.keys().any(|name| name.as_ref() == READER_TAG)
}

/// The partner spaces this account joined to read (tagged so on every device): not listed
/// among its own CPTS.
#[derive(Clone, Default)]
pub(crate) struct ReaderSpaces(Arc<RwLock<HashSet<OwnedRoomId>>>);

impl ReaderSpaces {
    /// Follows the tags as sync brings them, after reading those the store holds.
    pub(crate) fn install(&self, client: &Client) {
        let spaces = self.clone();
        client.add_event_handler(move |event: TagEvent, room: Room| {
            let spaces = spaces.clone();
            async move {
                spaces.note(room.room_id(), is_reader(&event.content.tags));
            }
        });
        if tokio::runtime::Handle::try_current().is_err() {
            return;
        }
        let spaces = self.clone();
        let client = client.clone();
        tokio::spawn(async move {
            for room in client.joined_rooms().into_iter().filter(|r| r.is_space()) {
                if let Ok(Some(tags)) = room.tags().await {
                    spaces.note(room.room_id(), is_reader(&tags));
                }
            }
        });
    }

    pub(crate) fn contains(&self, space: &RoomId) -> bool {
        self.0.read().is_ok_and(|set| set.contains(space))
    }

    fn note(&self, space: &RoomId, reader: bool) {
        if let Ok(mut set) = self.0.write() {
            if reader {
                set.insert(space.to_owned());
            } else {
                set.remove(space);
            }
        }
    }
}

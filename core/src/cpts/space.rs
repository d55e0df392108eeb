//! The CPTS space: created by the coordinator, joined by members, holding the directory and the
//! duty rota as room state. Read from the homeserver each time (sliding sync does not carry
//! custom state), with the last copy kept in the encrypted store for when it is unreachable.

use crate::RequestProblem;
use matrix_sdk::{
    ruma::{
        api::client::room::{create_room, Visibility},
        events::{
            room::join_rules::{JoinRule, RoomJoinRulesEventContent},
            AnyStateEvent, InitialStateEvent,
        },
        room::RoomType,
        serde::Raw,
        OwnedRoomId, OwnedUserId, RoomId, UserId,
    },
    Room, RoomState,
};
use tracing::{debug, info, warn};

use super::{
    directory::{
        search, state_key_of, user_of, MemberEntry, MemberEventContent, NewMember, MEMBER_TYPE,
    },
    error::{CptsError, Result},
    rota::{self, DutyEventContent, DutySlot, DUTY_TYPE},
    Availability, AvailabilityEventContent, AVAILABILITY_TYPE,
};
use crate::InnomedClient;

/// A CPTS (Communauté Professionnelle Territoriale de Santé): a Matrix space.
#[derive(Clone, Debug)]
pub struct Cpts {
    pub(crate) client: InnomedClient,
    pub(crate) room: Room,
}

/// Who is in the rota, with their slots.
pub type Rota = Vec<(OwnedUserId, Vec<DutySlot>)>;

/// A member's own absences and permanences, as the space holds them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MemberAvailability {
    pub user_id: OwnedUserId,
    pub availability: Availability,
}

/// What the space's state says: the directory (sorted by name), the rota, the members' own
/// availability and who has joined.
pub(crate) struct SpaceState {
    pub(crate) directory: Vec<MemberEntry>,
    pub(crate) rota: Rota,
    pub(crate) availability: Vec<MemberAvailability>,
    pub(crate) joined: Vec<OwnedUserId>,
    /// The coordinator's routing windows, if they set them.
    pub(crate) windows: Option<super::RoutingWindows>,
}

fn space_power_levels() -> Result<Raw<serde_json::Value>> {
    // Nobody chats in the space; only the coordinator (its creator: above every power level
    // since room version 12) edits the directory and rota.
    let content = serde_json::json!({
        "users_default": 0,
        "events_default": 100,
        "state_default": 50,
        "invite": 50,
        "kick": 50,
        "ban": 50,
        "redact": 50,
        "events": {
            MEMBER_TYPE: 50,
            DUTY_TYPE: 50,
            super::PARTNER_TYPE: 100,
            super::ROSTER_TYPE: 100,
            // Each member writes their own (the state key is their user id).
            AVAILABILITY_TYPE: 0,
            // The homeserver posts a request's alert on its GP's behalf (`requests::reroute`).
            crate::requests::UNANSWERED_TYPE: 0,
            "m.room.power_levels": 100,
            "m.room.history_visibility": 100,
            "m.room.encryption": 100,
            "m.space.child": 50,
        }
    });
    Raw::new(&content).map_err(|e| CptsError::Server(e.to_string()))
}

impl InnomedClient {
    /// Creates a CPTS space; the signed-in user becomes its coordinator.
    pub async fn create_cpts(&self, name: &str) -> Result<Cpts> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CptsError::InvalidRequest(RequestProblem::NoCptsName));
        }
        let mut creation_content = create_room::v3::CreationContent::new();
        creation_content.room_type = Some(RoomType::Space);
        let mut request = create_room::v3::Request::new();
        request.name = Some(name.to_owned());
        request.preset = Some(create_room::v3::RoomPreset::PrivateChat);
        request.visibility = Visibility::Private;
        request.power_level_content_override = Some(space_power_levels()?.cast_unchecked());
        // A professional asks to join (a knock) and the coordinator approves or refuses.
        request.initial_state =
            vec![
                InitialStateEvent::with_empty_state_key(RoomJoinRulesEventContent::new(
                    JoinRule::Knock,
                ))
                .to_raw_any(),
            ];
        request.creation_content =
            Some(Raw::new(&creation_content).map_err(|e| CptsError::Server(e.to_string()))?);
        let room = self
            .client
            .create_room(request)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %room.room_id(), "CPTS space created");
        let cpts = Cpts {
            client: self.clone(),
            room,
        };
        // The coordinator's phones ring for requests nobody takes.
        if let Err(e) = cpts.install_alert_rule().await {
            warn!(room_id = %cpts.space_id(), "alerts not pushed: {}", e.code());
        }
        Ok(cpts)
    }

    /// A CPTS space this account is in or invited to.
    pub fn cpts(&self, space_id: &str) -> Result<Cpts> {
        let id = OwnedRoomId::try_from(space_id.trim()).map_err(|_| CptsError::NotFound)?;
        let room = self.client.get_room(&id).ok_or(CptsError::NotFound)?;
        if room.state() == RoomState::Joined && !room.is_space() {
            return Err(CptsError::NotFound);
        }
        Ok(Cpts {
            client: self.clone(),
            room,
        })
    }

    /// Every CPTS space this account is in or invited to.
    pub fn cpts_spaces(&self) -> Vec<Cpts> {
        self.client
            .rooms()
            .into_iter()
            .filter(|room| room.is_space())
            .filter(|room| matches!(room.state(), RoomState::Joined | RoomState::Invited))
            // A partner's space joined to read it is not one of this account's CPTS.
            .filter(|room| !self.partner_spaces.contains(room.room_id()))
            .map(|room| Cpts {
                client: self.clone(),
                room,
            })
            .collect()
    }
}

impl Cpts {
    pub fn space_id(&self) -> &RoomId {
        self.room.room_id()
    }

    pub fn name(&self) -> String {
        self.room.name().unwrap_or_default()
    }

    /// Whether the account has joined (else it is invited).
    pub fn is_joined(&self) -> bool {
        self.room.state() == RoomState::Joined
    }

    /// Whether the signed-in doctor is this CPTS's coordinator (its creator, whom the homeserver
    /// lets edit the directory and the rota): the screens offer editing only then.
    pub fn is_coordinator(&self) -> bool {
        crate::cases::creator_of(&self.room).as_deref() == Some(self.room.own_user_id())
    }

    /// Accepts the coordinator's invitation to the space.
    pub async fn join(&self) -> Result<()> {
        if self.is_joined() {
            return Ok(());
        }
        self.room
            .join()
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.space_id(), "CPTS joined");
        Ok(())
    }

    /// Adds a member (coordinator only): checks the entry (RPPS key, specialties), invites them
    /// into the space unless they are already there, then writes their directory entry. Nothing
    /// is written when the invitation fails: `OutsideNetwork` for someone whose homeserver the
    /// CPTS's does not federate with.
    pub async fn add_member(&self, user_id: &str, new: NewMember) -> Result<MemberEntry> {
        let content = new.validate()?;
        let user_id = super::error::user_id(user_id)?;
        let own = self.room.own_user_id();
        // Only the coordinator may: the homeserver would refuse anyone else's entry too.
        if !self.is_coordinator() {
            return Err(CptsError::NotAllowed);
        }
        let member = self
            .room
            .get_member_no_sync(&user_id)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        let inside = member.is_some_and(|m| {
            matches!(
                m.membership(),
                matrix_sdk::ruma::events::room::member::MembershipState::Join
                    | matrix_sdk::ruma::events::room::member::MembershipState::Invite
            )
        });
        if !inside && user_id != own {
            self.room
                .invite_user_by_id(&user_id)
                .await
                .map_err(|e| invite_error(&e, own, &user_id))?;
        }
        self.room
            .send_state_event_for_key(&state_key_of(&user_id), content.clone())
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.space_id(), "CPTS member added");
        // Once the CPTS has partners, its members are in its roster to read theirs.
        if user_id != own {
            self.invite_to_roster(&user_id).await;
        }
        // Approving a member is vouching for the identity they have now, when they have one
        // (an account that never signed in is attested later, with `attest`).
        if user_id != own {
            if let Err(e) = self.attest(user_id.as_str()).await {
                debug!(room_id = %self.space_id(), "member not attested yet: {}", e.code());
            }
        }
        Ok(MemberEntry::new(user_id, content))
    }

    /// Sets a member's weekly duty slots (coordinator only); an empty list clears them.
    pub async fn set_duty(&self, user_id: &str, slots: Vec<DutySlot>) -> Result<()> {
        let user_id = super::error::user_id(user_id)?;
        let directory = self.directory().await?;
        let member = directory
            .iter()
            .find(|m| m.user_id == user_id)
            .ok_or(CptsError::NotInDirectory)?;
        let slots = rota::validate(member, &slots)?;
        self.room
            .send_state_event_for_key(&state_key_of(&user_id), DutyEventContent { slots })
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.space_id(), "duty slots set");
        // A space created before members declared their own absences and permanences, or
        // before the homeserver posted alerts on a GP's behalf.
        if let Err(e) = self.open_member_writes().await {
            warn!(room_id = %self.space_id(), "member writes not opened: {}", e.code());
        }
        Ok(())
    }

    /// The whole directory, sorted by name.
    pub async fn directory(&self) -> Result<Vec<MemberEntry>> {
        Ok(self.snapshot().await?.directory)
    }

    /// Directory search by specialty code and part of a name (accents and case ignored).
    pub async fn search(
        &self,
        specialty: Option<&str>,
        name: Option<&str>,
    ) -> Result<Vec<MemberEntry>> {
        search(&self.directory().await?, specialty, name)
    }

    /// Every member's duty slots.
    pub async fn rota(&self) -> Result<Rota> {
        Ok(self.snapshot().await?.rota)
    }

    /// Who is on duty now for a specialty (by the account's clock).
    pub async fn on_duty_now(&self, specialty: &str) -> Result<Vec<MemberEntry>> {
        self.on_duty_at(specialty, self.client.now_ms()).await
    }

    /// Who is on duty for a specialty at an instant (milliseconds since the Unix epoch).
    pub async fn on_duty_at(&self, specialty: &str, at_ms: i64) -> Result<Vec<MemberEntry>> {
        let code = super::specialties::specialty(specialty)
            .ok_or_else(|| CptsError::UnknownSpecialty(specialty.to_owned()))?
            .code;
        let state = self.snapshot().await?;
        // Only members who joined the space: an entry left behind by someone who left the CPTS
        // (or never joined) must not receive patient cases.
        let directory: Vec<MemberEntry> = state
            .directory
            .into_iter()
            .filter(|m| state.joined.contains(&m.user_id))
            .collect();
        Ok(rota::on_duty(
            &directory,
            &state.rota,
            &state.availability,
            code,
            at_ms,
        ))
    }

    /// The first instant from `from_ms` on (within `horizon_ms`) when a member of the specialty
    /// not in `exclude` is on duty, and who is then: one read of the space.
    pub(crate) async fn next_on_duty(
        &self,
        specialty: &str,
        from_ms: i64,
        horizon_ms: i64,
        exclude: &[OwnedUserId],
    ) -> Result<Option<(i64, Vec<OwnedUserId>)>> {
        let state = self.snapshot().await?;
        let directory: Vec<MemberEntry> = state
            .directory
            .into_iter()
            .filter(|m| state.joined.contains(&m.user_id))
            .collect();
        Ok(rota::next_on_duty(
            &directory,
            &state.rota,
            &state.availability,
            specialty,
            from_ms,
            horizon_ms,
            exclude,
        )
        .map(|(at, found)| (at, found.into_iter().map(|m| m.user_id).collect())))
    }

    /// The directory entry of one user, if any.
    pub(crate) async fn entry_of(&self, user_id: &OwnedUserId) -> Result<Option<MemberEntry>> {
        Ok(self
            .directory()
            .await?
            .into_iter()
            .find(|m| &m.user_id == user_id))
    }

    /// The directory and the rota, from the homeserver, else from the last copy.
    /// Also who has joined the space.
    pub(super) async fn snapshot(&self) -> Result<SpaceState> {
        let events = match self.fetch_state().await {
            Ok(events) => {
                super::copy::keep(&self.room, &events).await;
                events
            }
            Err(CptsError::HomeserverUnreachable) => {
                warn!(room_id = %self.space_id(), "CPTS state from the local copy");
                super::copy::load(&self.room)
                    .await
                    .ok_or(CptsError::HomeserverUnreachable)?
            }
            Err(e) => return Err(e),
        };
        parse_state(&events)
    }

    /// The entries of members who joined the space, as last read from the homeserver (names on
    /// screens): without network, but for a joined space read for the first time.
    pub(crate) async fn known_directory(&self) -> Vec<MemberEntry> {
        let Some(events) = super::copy::load_or_first_read(&self.room).await else {
            return Vec::new();
        };
        let Ok(state) = parse_state(&events) else {
            return Vec::new();
        };
        state
            .directory
            .into_iter()
            .filter(|m| state.joined.contains(&m.user_id))
            .collect()
    }
}

/// The directory, the rota, the members' availability and who joined, from the space's state
/// events.
/// The space's creator (its coordinator), from its state events.
pub(super) fn creator_in(events: &[Raw<AnyStateEvent>]) -> Option<OwnedUserId> {
    events
        .iter()
        .find(|raw| {
            raw.get_field::<String>("type").ok().flatten().as_deref() == Some("m.room.create")
        })
        .and_then(|raw| raw.get_field("sender").ok().flatten())
}

pub(super) fn parse_state(events: &[Raw<AnyStateEvent>]) -> Result<SpaceState> {
    let mut directory = Vec::new();
    let mut rota = Vec::new();
    let mut availability = Vec::new();
    let mut joined = Vec::new();
    let creator = creator_in(events);
    let mut windows = None;
    for raw in events {
        let event_type: Option<String> = raw.get_field("type").ok().flatten();
        if event_type.as_deref() == Some("m.room.member") {
            let membership: Option<String> = raw
                .get_field::<serde_json::Value>("content")
                .ok()
                .flatten()
                .and_then(|c| c.get("membership")?.as_str().map(ToOwned::to_owned));
            let member: Option<OwnedUserId> = raw.get_field("state_key").ok().flatten();
            if let (Some("join"), Some(member)) = (membership.as_deref(), member) {
                joined.push(member);
            }
            continue;
        }
        let state_key: Option<String> = raw.get_field("state_key").ok().flatten();
        if event_type.as_deref() == Some(super::ROUTING_TYPE) {
            // Believed only from the coordinator (the space's creator).
            let sender: Option<OwnedUserId> = raw.get_field("sender").ok().flatten();
            if sender.is_some() && sender == creator {
                windows = raw
                    .get_field::<super::windows::RoutingEventContent>("content")
                    .ok()
                    .flatten()
                    .map(|c| c.windows())
                    .filter(|w| w.validate().is_ok());
            }
            continue;
        }
        if event_type.as_deref() == Some(AVAILABILITY_TYPE) {
            // Believed only from the member it names (the homeserver checks it too).
            let sender: Option<OwnedUserId> = raw.get_field("sender").ok().flatten();
            let named = state_key
                .as_deref()
                .and_then(|k| OwnedUserId::try_from(k).ok());
            if let (Some(sender), Some(named)) = (sender, named) {
                if sender == named {
                    if let Ok(Some(content)) = raw.get_field::<AvailabilityEventContent>("content")
                    {
                        availability.push(MemberAvailability {
                            user_id: named,
                            availability: Availability::read(content),
                        });
                    }
                }
            }
            continue;
        }
        let user_id = state_key.as_deref().and_then(user_of);
        let (Some(event_type), Some(user_id)) = (event_type, user_id) else {
            continue;
        };
        if event_type == MEMBER_TYPE {
            if let Ok(Some(content)) = raw.get_field::<MemberEventContent>("content") {
                directory.push(MemberEntry::new(user_id, content));
            }
        } else if event_type == DUTY_TYPE {
            if let Ok(Some(content)) = raw.get_field::<DutyEventContent>("content") {
                rota.push((user_id, content.slots));
            }
        }
    }
    let directory = search(&directory, None, None)?;
    Ok(SpaceState {
        directory,
        rota,
        availability,
        joined,
        windows,
    })
}

impl Cpts {
    pub(crate) async fn fetch_state(&self) -> Result<Vec<Raw<AnyStateEvent>>> {
        super::copy::fetch(&self.room).await
    }
}

/// An invitation the homeserver refused: to someone on a server outside the CPTS network (the
/// homeserver only federates with the partners it lists), or as any refusal.
pub(super) fn invite_error(e: &matrix_sdk::Error, own: &UserId, invitee: &UserId) -> CptsError {
    match CptsError::from_sdk(e) {
        CptsError::NotAllowed if invitee.server_name() != own.server_name() => {
            CptsError::OutsideNetwork
        }
        other => other,
    }
}

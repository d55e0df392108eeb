//! Who a message would reach: nothing is encrypted into a case while someone nobody of the
//! case invited is in it.
//!
//! matrix-sdk shares a room's key with every member's signed devices. A homeserver
//! administrator can put an account of their own into any room (the admin API's forced join),
//! and a member who joined that way, or whom such a member let in, would then receive every
//! later message. The rules read from the room's history name them
//! ([`CaseRules::uninvited`](super::CaseRules)); every send path asks [`ensure_writable`]
//! first, so every Innomed client refuses to write (`UninvitedMember`) until the doctor who
//! opened the case removes them.
//!
//! [`ensure_writable`]: CaseRoom::ensure_writable

use matrix_sdk::{
    ruma::events::{room::member::RoomMemberEventContent, SyncStateEvent},
    Client, Room, RoomMemberships, RoomState,
};
use tracing::{debug, warn};

use super::{error::Result, Authorities, CaseError, CaseRoom};

impl CaseRoom {
    /// The conditions for encrypting anything into the case: handed over (a request), and
    /// nobody uninvited among its members.
    pub(crate) async fn ensure_writable(&self) -> Result<()> {
        self.ensure_handed_over().await?;
        self.ensure_no_uninvited().await
    }

    /// `UninvitedMember` while someone nobody of the case invited is joined or invited, or
    /// someone whose way in this device could not check (see [`Authorities::check_audience`]).
    pub(crate) async fn ensure_no_uninvited(&self) -> Result<()> {
        self.client.authorities.check_audience(&self.room).await
    }
}

impl Authorities {
    /// Whether the case may be written into now; holds its send queue (what is already queued
    /// waits) while it may not, and lets it go once it may. The history is read again
    /// (network) only when a member's current membership event was not in it; offline, what
    /// this device last judged (kept in its encrypted store) decides.
    pub(crate) async fn check_audience(&self, room: &Room) -> Result<()> {
        let verdict = self.audience(room).await;
        match &verdict {
            Ok(()) => self.withheld.release(room),
            Err(CaseError::UninvitedMember | CaseError::UnconfirmedMember) => {
                self.withheld.hold(room)
            }
            Err(_) => {}
        }
        verdict
    }

    async fn audience(&self, room: &Room) -> Result<()> {
        let members = room
            .members_no_sync(RoomMemberships::JOIN | RoomMemberships::INVITE)
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        self.load_members(room).await;
        let mut rules = self.rules_of(room);
        let unjudged = |rules: &super::CaseRules| {
            members.iter().any(|m| {
                m.event()
                    .event_id()
                    .is_none_or(|id| !rules.judged.iter().any(|j| j == id))
            })
        };
        if unjudged(&rules) {
            match self.refresh(room).await {
                Ok(fresh) => rules = fresh,
                Err(e) => debug!(room_id = %room.room_id(), "case rules not refreshed: {e}"),
            }
            if unjudged(&rules) {
                warn!(room_id = %room.room_id(), "not sent: a member's way in could not be checked");
                return Err(CaseError::UninvitedMember);
            }
        }
        if members
            .iter()
            .any(|m| rules.uninvited.iter().any(|u| u == m.user_id()))
        {
            warn!(room_id = %room.room_id(), "not sent: a member nobody invited is in the case");
            return Err(CaseError::UninvitedMember);
        }
        let undecided = super::confirmation::unconfirmed(self, room).await;
        if !undecided.is_empty() {
            warn!(room_id = %room.room_id(), count = undecided.len(), "not sent: members the doctor has not confirmed");
            return Err(CaseError::UnconfirmedMember);
        }
        Ok(())
    }

    /// Checks a case again whenever someone is invited to it or joins it, so that messages
    /// queued before (offline, or while the app was closed) wait instead of going out to them.
    pub(crate) fn install_audience_watch(&self, client: &Client) {
        let this = self.clone();
        client.add_event_handler(
            move |event: SyncStateEvent<RoomMemberEventContent>, room: Room| {
                let this = this.clone();
                async move {
                    use matrix_sdk::ruma::events::room::member::MembershipState;
                    let entering = matches!(
                        event.membership(),
                        MembershipState::Join | MembershipState::Invite
                    );
                    if room.state() != RoomState::Joined || !super::is_case(&room) || !entering {
                        // A departure can clear a held case.
                        if this.withheld.is_held(&room) {
                            tokio::spawn(async move {
                                let _ = this.check_audience(&room).await;
                            });
                        }
                        return;
                    }
                    tokio::spawn(async move {
                        // An invitation's record may still be undecryptable here (its key on
                        // the way): look again a few times before leaving the case held.
                        for wait in [0, 1, 3, 10] {
                            tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
                            if this.check_audience(&room).await.is_ok() {
                                break;
                            }
                        }
                    });
                }
            },
        );
    }
}

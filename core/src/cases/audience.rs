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

use matrix_sdk::RoomMemberships;
use tracing::{debug, warn};

use super::{error::Result, CaseError, CaseRoom};

impl CaseRoom {
    /// The conditions for encrypting anything into the case: handed over (a request), and
    /// nobody uninvited among its members.
    pub(crate) async fn ensure_writable(&self) -> Result<()> {
        self.ensure_handed_over().await?;
        self.ensure_no_uninvited().await
    }

    /// `UninvitedMember` while someone nobody of the case invited is joined or invited. The
    /// history is read again (network) only when a member joined or was invited since it was
    /// last read; offline, what this device last judged (kept in its encrypted store) decides.
    pub(crate) async fn ensure_no_uninvited(&self) -> Result<()> {
        let members = self
            .room
            .members_no_sync(RoomMemberships::JOIN | RoomMemberships::INVITE)
            .await
            .map_err(|e| CaseError::Server(e.to_string()))?;
        self.client.authorities.load_members(&self.room).await;
        let mut rules = self.known_rules();
        if members
            .iter()
            .any(|m| !rules.judged.iter().any(|u| u == m.user_id()))
        {
            match self.refresh_rules().await {
                Ok(fresh) => rules = fresh,
                Err(e) => debug!(room_id = %self.room_id(), "case rules not refreshed: {e}"),
            }
        }
        if members
            .iter()
            .any(|m| rules.uninvited.iter().any(|u| u == m.user_id()))
        {
            warn!(room_id = %self.room_id(), "not sent: a member nobody invited is in the case");
            return Err(CaseError::UninvitedMember);
        }
        Ok(())
    }
}

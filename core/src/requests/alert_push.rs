//! The coordinator's alert reaches their phone: a push rule on the coordinator's account makes
//! the homeserver push the alerts of the spaces they coordinate, and of no other space (the
//! homeserver pushes no custom event type by default). Content-free like every push: the phone
//! reads the alert itself and writes a lock-screen line with the case code only.

use matrix_sdk::ruma::{
    api::client::push::set_pushrule,
    push::{Action, EventMatchConditionData, NewConditionalPushRule, NewPushRule, PushCondition},
    OwnedEventId,
};
use tracing::info;

use super::reroute::{AlertContent, UNANSWERED_TYPE};
use crate::{
    cases::create::checked_code,
    cpts::{
        error::{CptsError, Result},
        Cpts,
    },
    push::{CaseNotification, NotificationKind},
};

/// The push rule of one space's alerts: `fr.innomed.unanswered` and the space's id.
fn rule_id(space: &Cpts) -> String {
    format!("fr.innomed.unanswered{}", space.space_id())
}

impl Cpts {
    /// Asks the homeserver to push this space's alerts (a request nobody took) to the
    /// coordinator's phones. The coordinator only (`NotAllowed` for anyone else); done again
    /// without harm. Innomed's apps call it through `register_pusher` and when the CPTS is
    /// created.
    pub async fn push_alerts(&self) -> Result<()> {
        if !self.is_coordinator() {
            return Err(CptsError::NotAllowed);
        }
        self.install_alert_rule().await
    }

    /// The push rule itself (the space just created: its creator is the coordinator).
    pub(crate) async fn install_alert_rule(&self) -> Result<()> {
        let conditions = vec![
            PushCondition::EventMatch(EventMatchConditionData::new(
                "type".into(),
                UNANSWERED_TYPE.into(),
            )),
            PushCondition::EventMatch(EventMatchConditionData::new(
                "room_id".into(),
                self.space_id().to_string(),
            )),
        ];
        let rule = NewConditionalPushRule::new(rule_id(self), conditions, vec![Action::Notify]);
        let request = set_pushrule::v3::Request::new(NewPushRule::Override(rule));
        self.room
            .client()
            .send(request)
            .await
            .map_err(CptsError::from_http)?;
        info!(room_id = %self.space_id(), "coordinator's alerts pushed");
        Ok(())
    }

    /// The lock-screen line of a pushed alert of this space: the case code, nothing else.
    /// `None` when the event is not an alert a member of the directory posted.
    pub(crate) async fn alert_notification(
        &self,
        event_id: OwnedEventId,
    ) -> Option<CaseNotification> {
        let event = self.room.load_or_fetch_event(&event_id, None).await.ok()?;
        let raw = event.raw();
        if raw.get_field::<String>("type").ok().flatten().as_deref() != Some(UNANSWERED_TYPE) {
            return None;
        }
        let sender = raw
            .get_field::<matrix_sdk::ruma::OwnedUserId>("sender")
            .ok()??;
        let content = raw.get_field::<AlertContent>("content").ok()??;
        let in_directory = self
            .directory()
            .await
            .ok()?
            .iter()
            .any(|m| m.user_id == sender);
        if !in_directory {
            return None;
        }
        let code = checked_code(Some(&content.code), &content.room_id);
        Some(CaseNotification::new(
            self.space_id().to_owned(),
            event_id,
            code,
            NotificationKind::Unanswered,
        ))
    }
}

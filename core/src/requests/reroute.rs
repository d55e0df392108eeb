//! Requests never wait unseen: when a request is opened, the GP's device also plans its next
//! step. The specialists who will be on duty when the CPTS's window for its urgency passes
//! (`cpts/windows.rs`) are vouched for and sent the brief at once (their devices keep it,
//! unshown, until an invitation from the GP comes), and the homeserver is asked to invite them,
//! and to alert the coordinator in the CPTS space, when the window passes (delayed events,
//! `delayed.rs`). So the next step goes out whether or not the GP's phone is on.
//!
//! The GP's device cancels the step once the request is taken (before the hand-over, so nobody
//! is invited into a handed-over case) and sends it at once when every routed specialist
//! declined. Nothing about the patient reaches the space: the alert names the case by its room
//! and code, with the specialty and urgency the request's status already shows the homeserver.

use matrix_sdk::{
    ruma::{OwnedRoomId, OwnedUserId},
    Room,
};
use serde::{Deserialize, Serialize};
use tracing::{info, warn};

use super::{brief::RequestBriefEventContent, delayed};
use crate::{
    cases::{CaseRoom, Urgency},
    cpts::{error::Result, Cpts},
};

/// The alert the homeserver posts in the CPTS space when a request's window passes untaken.
pub const UNANSWERED_TYPE: &str = "fr.innomed.request.unanswered";

/// At most this many specialists are added at the next step.
const MAX_NEXT: usize = 5;

/// Where the next step of a request's routing stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum NextStepState {
    /// Goes out at `at_ms` unless the request is taken first.
    Planned,
    /// Gone out: the specialists were invited and the coordinator alerted.
    Sent,
    /// The request was taken (or withdrawn) before it went out.
    Cancelled,
}

/// The next step of a request's routing, as the GP's device planned it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NextStep {
    /// When it goes out (milliseconds since the Unix epoch, the account's clock).
    pub at_ms: u64,
    /// The specialists it invites (may be empty: then only the coordinator is alerted).
    pub specialists: Vec<OwnedUserId>,
    pub state: NextStepState,
}

/// What the GP's device keeps of a planned step (in its encrypted store).
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Plan {
    step: NextStep,
    /// The homeserver's id of each scheduled invitation.
    invitations: Vec<(OwnedUserId, String)>,
    /// The homeserver's id of the scheduled alert.
    alert: String,
}

fn plan_key(room_id: &matrix_sdk::ruma::RoomId) -> Vec<u8> {
    format!("fr.innomed.next_step:{room_id}").into_bytes()
}

async fn load(room: &Room) -> Option<Plan> {
    let bytes = room
        .client()
        .state_store()
        .get_custom_value(&plan_key(room.room_id()))
        .await
        .ok()??;
    serde_json::from_slice(&bytes).ok()
}

async fn keep(room: &Room, plan: &Plan) {
    let Ok(bytes) = serde_json::to_vec(plan) else {
        return;
    };
    if let Err(e) = room
        .client()
        .state_store()
        .set_custom_value(&plan_key(room.room_id()), bytes)
        .await
    {
        warn!(room_id = %room.room_id(), "next routing step not kept: {e}");
    }
}

impl Cpts {
    /// When the window of this urgency passes, and the next step: the first specialists of the
    /// specialty on duty from then on (before the request's deadline), but for those already
    /// routed and the GP, invited when their duty starts (at the window's end if they are on
    /// duty then); this CPTS's, or an agreed partner's when theirs come on duty first.
    pub(crate) async fn next_step_specialists(
        &self,
        partners: &crate::cpts::PartnersOnce,
        specialty: &str,
        urgency: Urgency,
        routed: &[OwnedUserId],
    ) -> Result<(i64, Option<(i64, Vec<OwnedUserId>)>)> {
        let window = self.routing_windows().await?.for_urgency(urgency);
        let window_end = self
            .client
            .now_ms()
            .saturating_add(i64::try_from(window).unwrap_or(i64::MAX));
        let mut exclude = routed.to_vec();
        exclude.push(self.room.own_user_id().to_owned());
        let horizon = super::deadline_window_ms(urgency)
            .saturating_sub(i64::try_from(window).unwrap_or(i64::MAX));
        let here = self
            .next_on_duty(specialty, window_end, horizon, &exclude)
            .await?;
        // Nobody here when the window passes: whoever comes on duty first, here or at an agreed
        // partner CPTS (this CPTS on a tie).
        let next = match here {
            Some((at, found)) if at <= window_end => Some((at, found)),
            here => {
                let partner = self
                    .partners_next_on_duty(partners, specialty, window_end, horizon, &exclude)
                    .await;
                match (here, partner) {
                    (Some(here), Some(partner)) if partner.0 < here.0 => Some(partner),
                    (here, partner) => here.or(partner),
                }
            }
        };
        let next = next.map(|(at, found)| (at, found.into_iter().take(MAX_NEXT).collect()));
        Ok((window_end, next))
    }

    /// Asks the homeserver to alert the coordinator when the window passes, and to invite the
    /// next specialists when their duty starts. The GP's device has already vouched for them and
    /// sent them the brief.
    pub(crate) async fn schedule_next_step(
        &self,
        case: &CaseRoom,
        brief: &RequestBriefEventContent,
        window_end: i64,
        next: Option<(i64, Vec<OwnedUserId>)>,
    ) -> Result<NextStep> {
        let client = case.room.client();
        let now = self.client.now_ms();
        let delay_to = |at: i64| u64::try_from(at.saturating_sub(now)).unwrap_or(0);
        let (at_ms, next) = next.unwrap_or((window_end, Vec::new()));
        let mut invitations = Vec::new();
        for user in &next {
            let invite = serde_json::json!({ "membership": "invite" });
            let id = delayed::schedule_state(
                &client,
                case.room_id().to_owned(),
                "m.room.member",
                user.as_str(),
                &invite,
                delay_to(at_ms),
            )
            .await?;
            invitations.push((user.clone(), id));
        }
        let alert = serde_json::json!({
            "room_id": case.room_id(),
            "code": case.room.name().unwrap_or_default(),
            "specialty": brief.specialty,
            "urgency": brief.urgency,
            "next": next,
        });
        let alert = delayed::schedule_message(
            &client,
            self.space_id().to_owned(),
            UNANSWERED_TYPE,
            &alert,
            delay_to(window_end),
        )
        .await?;
        let step = NextStep {
            at_ms: u64::try_from(at_ms).unwrap_or_default(),
            specialists: next,
            state: NextStepState::Planned,
        };
        keep(
            &case.room,
            &Plan {
                step: step.clone(),
                invitations,
                alert,
            },
        )
        .await;
        info!(room_id = %case.room_id(), count = step.specialists.len(), "next routing step planned");
        Ok(step)
    }
}

/// On the GP's device, before the hand-over: the next step is cancelled, or known to have gone
/// out already. The specialists the homeserver may have invited (to withdraw with the others);
/// `None` when the homeserver could not be asked (try again later).
pub(crate) async fn settle_before_handover(room: &Room) -> Option<Vec<OwnedUserId>> {
    let Some(mut plan) = load(room).await else {
        return Some(Vec::new());
    };
    if plan.step.state == NextStepState::Cancelled {
        return Some(Vec::new());
    }
    if plan.step.state == NextStepState::Sent {
        return Some(plan.step.specialists);
    }
    let client = room.client();
    let mut invited = Vec::new();
    for (user, id) in &plan.invitations {
        match delayed::cancel(&client, id).await {
            Ok(delayed::Outcome::Done) => {}
            Ok(delayed::Outcome::AlreadyGone) => invited.push(user.clone()),
            Err(e) => {
                warn!(room_id = %room.room_id(), "next routing step not cancelled: {}", e.code());
                return None;
            }
        }
    }
    let alerted = match delayed::cancel(&client, &plan.alert).await {
        Ok(outcome) => outcome == delayed::Outcome::AlreadyGone,
        Err(e) => {
            warn!(room_id = %room.room_id(), "coordinator's alert not cancelled: {}", e.code());
            return None;
        }
    };
    plan.step.state = if alerted || !invited.is_empty() {
        NextStepState::Sent
    } else {
        NextStepState::Cancelled
    };
    keep(room, &plan).await;
    info!(room_id = %room.room_id(), state = ?plan.step.state, "next routing step settled");
    Some(invited)
}

/// On the GP's device, when every routed specialist declined: the next step goes out now.
pub(crate) async fn send_next_step_now(room: &Room) {
    let Some(mut plan) = load(room).await else {
        return;
    };
    if plan.step.state != NextStepState::Planned {
        return;
    }
    let client = room.client();
    let ids = plan
        .invitations
        .iter()
        .map(|(_, id)| id)
        .chain([&plan.alert]);
    for id in ids {
        if let Err(e) = delayed::send_now(&client, id).await {
            warn!(room_id = %room.room_id(), "next routing step not sent now: {}", e.code());
            return;
        }
    }
    plan.step.state = NextStepState::Sent;
    keep(room, &plan).await;
    info!(room_id = %room.room_id(), "every routed specialist declined: next step sent now");
}

impl CaseRoom {
    /// On the GP's device: the next step of this request's routing, as planned (it reads
    /// `Planned` until the GP's device learns otherwise; the invitations it sent show among the
    /// members).
    pub async fn next_step(&self) -> Option<NextStep> {
        let mut plan = load(&self.room).await?;
        let now = u64::try_from(self.client.now_ms()).unwrap_or_default();
        if plan.step.state == NextStepState::Planned && plan.step.at_ms <= now {
            plan.step.state = NextStepState::Sent;
        }
        Some(plan.step)
    }
}

/// An alert of the CPTS space: a request nobody took within its window.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UnansweredRequest {
    pub room_id: OwnedRoomId,
    /// The case code (`IM-…`).
    pub code: String,
    pub specialty: String,
    pub urgency: Urgency,
    /// The GP who asked (the alert's sender).
    pub requester: OwnedUserId,
    /// Whom the request went to next (empty: nobody else on duty).
    pub next: Vec<OwnedUserId>,
    /// When the homeserver posted the alert.
    pub at_ms: u64,
}

#[derive(Deserialize)]
pub(crate) struct AlertContent {
    pub(crate) room_id: OwnedRoomId,
    #[serde(default)]
    pub(crate) code: String,
    pub(crate) specialty: String,
    pub(crate) urgency: Urgency,
    #[serde(default)]
    pub(crate) next: Vec<OwnedUserId>,
}

/// The next step, while it is still planned.
pub(crate) async fn planned(room: &Room) -> Option<NextStep> {
    load(room)
        .await
        .map(|plan| plan.step)
        .filter(|step| step.state == NextStepState::Planned)
}

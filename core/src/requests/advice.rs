//! The specialist's structured answer (`fr.innomed.case.advice`, encrypted), beside the free
//! conversation and photos. Only the taker's advice counts; it marks the request answered on
//! every device that decrypts it, and the requesting GP's device records it in the status.

use crate::RequestProblem;
use matrix_sdk::ruma::OwnedUserId;
use tracing::info;

use crate::cpts::error::{CptsError, Result};
use crate::{
    cases::{Advice, CaseRoom, CaseStatus},
    MessageKind,
};

/// The advice as received, with who gave it and when.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GivenAdvice {
    pub advice: Advice,
    pub sender: OwnedUserId,
    pub timestamp_ms: u64,
}

impl CaseRoom {
    /// Sends the structured advice (the specialist who took the request only) and marks the
    /// case answered. A second advice replaces the first in the report.
    pub async fn send_advice(&self, advice: Advice) -> Result<()> {
        if advice.assessment.trim().is_empty() || advice.recommendation.trim().is_empty() {
            return Err(CptsError::InvalidRequest(RequestProblem::IncompleteAdvice));
        }
        let max = crate::cases::MAX_FIELD_CHARS;
        if advice.assessment.chars().count() > max || advice.recommendation.chars().count() > max {
            return Err(CptsError::InvalidRequest(RequestProblem::AdviceTooLong));
        }
        crate::cases::ensure_fits(&advice)?;
        let own = self.room.own_user_id().to_owned();
        let status = self.fetch_status().await?.ok_or(CptsError::NotARequest)?;
        if status.cpts.is_none() {
            return Err(CptsError::NotARequest);
        }
        // The first claim says who took the request; the status could be rewritten by anyone.
        if self.taker().await?.as_ref() != Some(&own) {
            return Err(CptsError::NotAllowed);
        }
        if !matches!(status.status, CaseStatus::Accepted | CaseStatus::Answered) {
            return Err(CptsError::WrongStatus);
        }
        self.ensure_encrypted().await?;
        self.ensure_writable().await?;
        self.room
            .send(advice)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        crate::cases::mark_answered(&self.room).await;
        info!(room_id = %self.room_id(), "advice sent");
        Ok(())
    }

    /// The latest advice of the specialist who took the request, decrypted, if any.
    pub async fn advice(&self) -> Result<Option<GivenAdvice>> {
        let Some(taker) = self.taker().await? else {
            return Ok(None);
        };
        let conversation = self
            .conversation()
            .await
            .map_err(|e| CptsError::Server(e.to_string()))?;
        // The advice comes after the header: loading back to the header loads it too.
        let _ = conversation.find_header().await;
        let given = conversation
            .messages()
            .await
            .into_iter()
            .rev()
            .find_map(|m| match m.kind {
                MessageKind::Advice { advice } if m.sender == taker => Some(GivenAdvice {
                    advice: *advice,
                    sender: m.sender,
                    timestamp_ms: m.timestamp_ms,
                }),
                _ => None,
            });
        if given.is_some() {
            crate::cases::mark_answered(&self.room).await;
        }
        Ok(given)
    }
}

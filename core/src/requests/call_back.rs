//! Call back: a request may ask the specialist to call the GP.
//!
//! The GP's professional number travels inside the encrypted case, as an event of the GP's sent
//! with the header and photos before anyone is invited, so only the specialist who takes the
//! request reads it (the brief the others read does not carry it). Their app offers to call it,
//! and the case records that a call was placed: who, when, nothing of what was said.

use serde::{Deserialize, Serialize};
use tracing::info;

use crate::{
    cases::{CaseRoom, CASE_CALL_BACK_TYPE, CASE_CALL_TYPE},
    cpts::error::{CptsError, Result},
    RequestProblem,
};

/// A number to call back, as the GP gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CallBack {
    /// To dial (international format, `+33612345678`).
    pub phone: String,
    /// To read (`06 12 34 56 78` for a French number).
    pub display: String,
}

/// A call placed in a case, as recorded (no content).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct CallEventContent {}

impl CallBack {
    /// A number typed by a GP (`06 12 34 56 78`, `+33 6…`, `0033…`; French when without a country
    /// code), checked against the numbering plan: [`RequestProblem::InvalidPhone`] otherwise.
    pub fn parse(text: &str) -> std::result::Result<Self, RequestProblem> {
        let number = phonenumber::parse(Some(phonenumber::country::Id::FR), text.trim())
            .map_err(|_| RequestProblem::InvalidPhone)?;
        if !number.is_valid() {
            return Err(RequestProblem::InvalidPhone);
        }
        let display = if number.code().value() == 33 {
            number
                .format()
                .mode(phonenumber::Mode::National)
                .to_string()
        } else {
            number
                .format()
                .mode(phonenumber::Mode::International)
                .to_string()
        };
        Ok(Self {
            phone: number.format().mode(phonenumber::Mode::E164).to_string(),
            display,
        })
    }

    /// As read from a case event: only a number that is still valid, re-formatted here.
    pub(crate) fn from_event(content: serde_json::Value) -> Option<Self> {
        let phone = content.get("phone")?.as_str()?;
        (phone.len() <= 32).then(|| Self::parse(phone).ok())?
    }

    /// The event's content: the number to dial only.
    pub(crate) fn content(&self) -> serde_json::Value {
        serde_json::json!({ "phone": self.phone })
    }
}

impl CaseRoom {
    /// The number the GP asked to be called back on, for the specialist who took the request
    /// (or anyone the case lets read it); `None` when the GP asked for none.
    pub async fn call_back(&self) -> Result<Option<CallBack>> {
        let conversation = self
            .conversation()
            .await
            .map_err(|e| CptsError::Server(e.to_string()))?;
        // Sent right after the header: loading back to the header loads it too.
        let _ = conversation.find_header().await;
        Ok(conversation
            .messages()
            .await
            .into_iter()
            .find_map(|m| match m.kind {
                crate::MessageKind::CallBack { call_back } => Some(call_back),
                _ => None,
            }))
    }

    /// Records in the case that this doctor placed a call (to the GP or a colleague of the case):
    /// every member's conversation shows who called and when.
    pub async fn record_call(&self) -> Result<()> {
        let content = serde_json::to_value(CallEventContent::default())
            .map_err(|e| CptsError::Server(e.to_string()))?;
        self.room
            .send_raw(CASE_CALL_TYPE, content)
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        info!(room_id = %self.room_id(), "call recorded");
        Ok(())
    }

    /// Sends the number to call back (the GP, at opening, while alone in the case).
    pub(crate) async fn send_call_back(&self, call_back: &CallBack) -> Result<()> {
        self.room
            .send_raw(CASE_CALL_BACK_TYPE, call_back.content())
            .await
            .map_err(|e| CptsError::from_sdk(&e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_the_way_gps_type_them() {
        for typed in [
            "06 12 34 56 78",
            "0612345678",
            "+33 6 12 34 56 78",
            "06.12.34.56.78",
            "0033612345678",
        ] {
            let call_back = CallBack::parse(typed).expect(typed);
            assert_eq!(call_back.phone, "+33612345678", "{typed}");
            assert_eq!(call_back.display, "06 12 34 56 78", "{typed}");
        }
        let landline = CallBack::parse("01 44 55 66 77").expect("landline");
        assert_eq!(landline.phone, "+33144556677");
        // Abroad (a Belgian practice near the border): dialled and shown internationally.
        let belgian = CallBack::parse("+32 2 555 12 12").expect("Belgian");
        assert_eq!(belgian.phone, "+3225551212");
        assert!(belgian.display.starts_with("+32"), "{}", belgian.display);
    }

    #[test]
    fn what_is_not_a_number_is_a_typed_error() {
        for typed in [
            "",
            "   ",
            "appelez-moi",
            "06 12",
            "12345678901234567890",
            "+33 6 12 34 56 78 90",
        ] {
            assert_eq!(
                CallBack::parse(typed),
                Err(RequestProblem::InvalidPhone),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn an_event_is_believed_only_with_a_valid_number() {
        let good = CallBack::from_event(serde_json::json!({ "phone": "+33612345678" }));
        assert_eq!(good.map(|c| c.display).as_deref(), Some("06 12 34 56 78"));
        for bad in [
            serde_json::json!({}),
            serde_json::json!({ "phone": 612345678 }),
            serde_json::json!({ "phone": "tel:+33612345678;ext=1" }),
            serde_json::json!({ "phone": "x".repeat(10_000) }),
        ] {
            assert_eq!(CallBack::from_event(bad.clone()), None, "{bad}");
        }
        insta::assert_json_snapshot!(CallBack::parse("0612345678").expect("valid").content(), @r###"
        {
          "phone": "+33612345678"
        }
        "###);
    }
}

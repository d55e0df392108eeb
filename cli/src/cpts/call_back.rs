//! Call back in the terminal: the number a GP asked to be called back on, read by the
//! specialist who took the request, and the record that a call was placed.

use anyhow::Result;
use clap::Subcommand;
use innomed_core::InnomedClient;
use serde_json::json;

use super::typed;
use crate::output::{self, Report};

#[derive(Subcommand)]
pub enum CallBackAction {
    /// The number the GP asked to be called back on (once the request is yours).
    CallBack {
        #[arg(long = "case")]
        case_id: String,
    },
    /// Record in the case that you placed a call (who and when; nothing of what was said).
    Called {
        #[arg(long = "case")]
        case_id: String,
    },
}

pub async fn run(client: &InnomedClient, action: CallBackAction) -> Result<Report> {
    Ok(match action {
        CallBackAction::CallBack { case_id } => {
            let number = client.case(&case_id)?.call_back().await.map_err(typed)?;
            Report {
                value: json!({ "ok": true, "case": case_id,
                    "phone": number.as_ref().map(|n| &n.phone),
                    "display": number.as_ref().map(|n| &n.display) }),
                text: number.map_or_else(
                    || "no call back asked".to_owned(),
                    |n| format!("call back on {}", output::line(&n.display)),
                ),
            }
        }
        CallBackAction::Called { case_id } => {
            client.case(&case_id)?.record_call().await.map_err(typed)?;
            Report {
                value: json!({ "ok": true, "case": case_id, "call": true }),
                text: "call recorded in the case".to_owned(),
            }
        }
    })
}

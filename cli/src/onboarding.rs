//! Joining a CPTS with a Pro Santé Connect identity: ask, and the coordinator's list, approval
//! and refusal. Nobody types an RPPS number: the entry comes from the PSC identity.

use anyhow::Result;
use clap::Subcommand;
use innomed_core::{InnomedClient, JoinRequest, PscIdentity};
use serde_json::{json, Value};

use crate::{
    cpts::{member_json, member_line, space, typed},
    output::{self, Report},
};

#[derive(Subcommand)]
pub enum JoinAction {
    /// Ask to join a CPTS (its space id, from the coordinator); the approval arrives as the
    /// CPTS's invitation (`innomed cpts join`).
    AskToJoin {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
    },
    /// Who asked to join, with their Pro Santé Connect identity (coordinator).
    JoinRequests {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
    },
    /// Approve a request (coordinator): the entry comes from the PSC identity; the specialties
    /// are those served on duty.
    Approve {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        user: String,
        /// A specialty code served on duty (repeatable; see `innomed cpts specialties`).
        #[arg(long = "specialty")]
        specialties: Vec<String>,
        #[arg(long)]
        retired: bool,
    },
    /// Refuse a request (coordinator).
    Refuse {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        user: String,
    },
}

pub async fn run(client: &InnomedClient, action: JoinAction) -> Result<Report> {
    Ok(match action {
        JoinAction::AskToJoin { space_id } => {
            client.ask_to_join_cpts(&space_id).await.map_err(typed)?;
            Report {
                value: json!({ "ok": true, "cpts": space_id }),
                text: "asked to join; the coordinator approves or refuses".to_owned(),
            }
        }
        JoinAction::JoinRequests { space_id } => {
            let requests = space(client, &space_id)?
                .join_requests()
                .await
                .map_err(typed)?;
            let values: Vec<Value> = requests.iter().map(request_json).collect();
            let lines: Vec<String> = requests.iter().map(request_line).collect();
            Report {
                value: json!({ "ok": true, "requests": values }),
                text: if lines.is_empty() {
                    "no request to join".to_owned()
                } else {
                    lines.join("\n")
                },
            }
        }
        JoinAction::Approve {
            space_id,
            user,
            specialties,
            retired,
        } => {
            let entry = space(client, &space_id)?
                .approve(&user, specialties, retired)
                .await
                .map_err(typed)?;
            Report {
                text: format!("approved: {}", member_line(&entry)),
                value: json!({ "ok": true, "member": member_json(&entry) }),
            }
        }
        JoinAction::Refuse { space_id, user } => {
            space(client, &space_id)?
                .refuse(&user)
                .await
                .map_err(typed)?;
            Report {
                text: format!("request of {} refused", output::line(&user)),
                value: json!({ "ok": true, "cpts": space_id, "refused": user }),
            }
        }
    })
}

fn identity_json(identity: &PscIdentity) -> Value {
    json!({
        "national_id": identity.national_id, "name": identity.display_name(),
        "profession": identity.profession, "profession_code": identity.profession_code,
        "specialty_code": identity.specialty_code,
    })
}

fn request_json(request: &JoinRequest) -> Value {
    json!({
        "user_id": request.user_id,
        "identity": request.identity.as_ref().map(identity_json),
    })
}

fn request_line(request: &JoinRequest) -> String {
    let user = output::line(&request.user_id);
    match &request.identity {
        Some(identity) => format!(
            "{user}  {}  national id {}  profession {}",
            output::line(identity.display_name()),
            output::line(&identity.national_id),
            output::line(&identity.profession_code)
        ),
        None => format!("{user}  (no Pro Santé Connect identity: cannot be approved)"),
    }
}

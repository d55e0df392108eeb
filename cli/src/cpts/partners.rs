//! Partner CPTS in the terminal: declared by each coordinator, listed with whether the partner
//! declared this CPTS too, and the partner's directory read by a member.

use anyhow::Result;
use clap::Subcommand;
use innomed_core::{InnomedClient, Partner};
use serde_json::json;

use super::{member_json, member_line, space, typed};
use crate::output::{self, Report};

#[derive(Subcommand)]
pub enum PartnerAction {
    /// Declare a partner CPTS (coordinator only): its space and its coordinator. The
    /// partnership holds once its coordinator declared yours too.
    DeclarePartner {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long = "partner", value_name = "SPACE_ID")]
        partner: String,
        #[arg(long = "coordinator", value_name = "USER_ID")]
        coordinator: String,
    },
    /// End a partnership (coordinator only).
    WithdrawPartner {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long = "partner", value_name = "SPACE_ID")]
        partner: String,
    },
    /// The partner CPTS your CPTS declared, and whether each declared yours.
    Partners {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
    },
    /// A partner CPTS's directory (both must have declared each other).
    PartnerDirectory {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long = "partner", value_name = "SPACE_ID")]
        partner: String,
    },
}

fn partner_json(p: &Partner) -> serde_json::Value {
    json!({ "space_id": p.space_id, "name": p.name, "coordinator": p.coordinator,
            "agreed": p.agreed })
}

fn partner_line(p: &Partner) -> String {
    format!(
        "{}  {}  {}  {}",
        output::line(&p.name),
        output::line(&p.space_id),
        output::line(&p.coordinator),
        if p.agreed {
            "agreed"
        } else {
            "awaiting the partner"
        }
    )
}

pub async fn run(client: &InnomedClient, action: PartnerAction) -> Result<Report> {
    Ok(match action {
        PartnerAction::DeclarePartner {
            space_id,
            partner,
            coordinator,
        } => {
            let declared = space(client, &space_id)?
                .declare_partner(&partner, &coordinator)
                .await
                .map_err(typed)?;
            Report {
                value: json!({ "ok": true, "partner": partner_json(&declared) }),
                text: partner_line(&declared),
            }
        }
        PartnerAction::WithdrawPartner { space_id, partner } => {
            space(client, &space_id)?
                .withdraw_partner(&partner)
                .await
                .map_err(typed)?;
            Report {
                value: json!({ "ok": true }),
                text: "partnership ended".to_owned(),
            }
        }
        PartnerAction::Partners { space_id } => {
            let partners = space(client, &space_id)?.partners().await.map_err(typed)?;
            let lines: Vec<String> = partners.iter().map(partner_line).collect();
            Report {
                value: json!({ "ok": true,
                    "partners": partners.iter().map(partner_json).collect::<Vec<_>>() }),
                text: if lines.is_empty() {
                    "no partner CPTS".to_owned()
                } else {
                    lines.join("\n")
                },
            }
        }
        PartnerAction::PartnerDirectory { space_id, partner } => {
            let theirs = space(client, &space_id)?
                .partner_cpts(&partner)
                .await
                .map_err(typed)?;
            let members = theirs.directory().await.map_err(typed)?;
            Report {
                value: json!({ "ok": true,
                    "members": members.iter().map(member_json).collect::<Vec<_>>() }),
                text: members
                    .iter()
                    .map(member_line)
                    .collect::<Vec<_>>()
                    .join("\n"),
            }
        }
    })
}

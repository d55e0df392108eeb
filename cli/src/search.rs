//! `search`, `cases` filters, `archive` and `restore`: finding a case among hundreds.

use std::time::Duration;

use anyhow::Result;
use clap::Args;
use innomed_core::{CaseFilter, CaseStatus, InnomedClient, SearchHit};
use serde_json::{json, Value};

use crate::{
    commands::word,
    input::InputError,
    output::{self, Report},
};

/// The filters of `cases`; every one given must hold.
#[derive(Args, Default)]
pub struct CasesArgs {
    /// Statuses, comma-separated: open, requested, accepted, answered, closed.
    #[arg(long, value_delimiter = ',')]
    status: Vec<String>,
    /// A specialty code, e.g. `dermatology`.
    #[arg(long)]
    specialty: Option<String>,
    /// routine, soon or urgent.
    #[arg(long)]
    urgency: Option<String>,
    /// Past their deadline.
    #[arg(long)]
    overdue: bool,
    /// Something is expected of you (an invitation, advice to give, a request to close,
    /// unread messages).
    #[arg(long)]
    waiting: bool,
    /// Opened by you.
    #[arg(long)]
    mine: bool,
    /// Muted cases only.
    #[arg(long, conflicts_with = "unmuted")]
    muted: bool,
    /// Unmuted cases only.
    #[arg(long)]
    unmuted: bool,
    /// The archive instead of the list.
    #[arg(long)]
    archived: bool,
}

impl CasesArgs {
    pub fn resolve(&self) -> Result<CaseFilter> {
        let statuses = self
            .status
            .iter()
            .map(|s| {
                serde_json::from_value::<CaseStatus>(json!(s.trim())).map_err(|_| {
                    InputError(format!(
                        "unknown status {:?} (open, requested, accepted, answered, closed)",
                        output::line(s)
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let urgency = self
            .urgency
            .as_deref()
            .map(crate::commands::parse_urgency)
            .transpose()?;
        Ok(CaseFilter {
            statuses,
            specialty: self.specialty.clone(),
            urgency,
            overdue: self.overdue,
            waiting_for_me: self.waiting,
            asked_by_me: self.mine,
            muted: match (self.muted, self.unmuted) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            archived: self.archived,
        })
    }
}

pub async fn search(
    client: &InnomedClient,
    query: &str,
    wait_index: bool,
    timeout: Duration,
) -> Result<Report> {
    let progress = if wait_index {
        client.wait_for_search_index(timeout).await
    } else {
        *client.search_progress().borrow()
    };
    let hits = client.search(query).await?;
    let text = if hits.is_empty() {
        "nothing found".to_owned()
    } else {
        hits.iter().map(hit_line).collect::<Vec<_>>().join("\n")
    };
    Ok(Report {
        value: json!({
            "ok": true,
            "hits": hits.iter().map(hit_json).collect::<Vec<_>>(),
            "index": { "indexed_cases": progress.indexed_cases, "total_cases": progress.total_cases, "done": progress.done },
        }),
        text,
    })
}

fn hit_json(hit: &SearchHit) -> Value {
    json!({
        "case": hit.room_id, "code": hit.code, "event": hit.event_id,
        "kind": word(&hit.kind), "sender": hit.sender,
        "timestamp_ms": hit.timestamp_ms,
        "snippet": hit.snippet.iter().map(|p| p.text.as_str()).collect::<String>(),
        "matched": hit.snippet.iter().filter(|p| p.matched).map(|p| p.text.as_str()).collect::<Vec<_>>(),
    })
}

/// `IM-7K2QX9  header   …la [lésion] du dos…`: matched words in brackets.
fn hit_line(hit: &SearchHit) -> String {
    let snippet: String = hit
        .snippet
        .iter()
        .map(|p| {
            if p.matched {
                format!("[{}]", p.text)
            } else {
                p.text.clone()
            }
        })
        .collect();
    format!(
        "{:<10} {:<8} {}",
        output::line(&hit.code),
        word(&hit.kind),
        output::line(snippet)
    )
}

pub async fn archive(
    client: &InnomedClient,
    case_id: Option<String>,
    older_than_days: Option<u32>,
) -> Result<Report> {
    match (case_id, older_than_days) {
        (Some(case_id), _) => {
            client.case(&case_id)?.archive().await?;
            Ok(Report {
                value: json!({ "ok": true, "case": case_id, "archived": true }),
                text: "case archived".to_owned(),
            })
        }
        (None, Some(days)) => {
            let count = client.archive_closed_older_than(days).await?;
            Ok(Report {
                value: json!({ "ok": true, "archived": count }),
                text: format!("{count} closed case(s) archived"),
            })
        }
        (None, None) => Err(InputError("give --case or --closed-older-than-days".into()).into()),
    }
}

pub async fn restore(client: &InnomedClient, case_id: &str) -> Result<Report> {
    client.case(case_id)?.restore().await?;
    Ok(Report {
        value: json!({ "ok": true, "case": case_id, "archived": false }),
        text: "case back in the list".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_read_or_refused_with_a_clear_error() {
        let args = CasesArgs {
            status: vec!["open".into(), " closed".into()],
            urgency: Some("urgent".into()),
            muted: true,
            ..CasesArgs::default()
        };
        let filter = args.resolve().expect("valid");
        assert_eq!(filter.statuses, [CaseStatus::Open, CaseStatus::Closed]);
        assert_eq!(filter.urgency, Some(innomed_core::Urgency::Urgent));
        assert_eq!(filter.muted, Some(true));
        assert!(!filter.archived);

        let bad = CasesArgs {
            status: vec!["lost".into()],
            ..CasesArgs::default()
        };
        let e = bad.resolve().expect_err("unknown status");
        assert_eq!(crate::commands::error_code(&e), "invalid_input");
        let bad = CasesArgs {
            urgency: Some("now".into()),
            ..CasesArgs::default()
        };
        assert!(bad.resolve().is_err());
    }
}

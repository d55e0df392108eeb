//! Requests never wait unseen, in the terminal: the CPTS's routing windows, the requests nobody
//! took, and the next step of one's own request.

use anyhow::{anyhow, Result};
use clap::Subcommand;
use innomed_core::{cpts::paris::ParisTime, InnomedClient, NextStepState, RoutingWindows};
use serde_json::json;

use super::{space, typed, wire};
use crate::output::{self, Report};

#[derive(Subcommand)]
pub enum RoutingAction {
    /// How long a request waits for a taker before it goes to the next specialists on duty and
    /// the coordinator is alerted; with a duration, set it (coordinator only). Durations: 45s,
    /// 30m, 4h.
    Windows {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        urgent: Option<String>,
        #[arg(long)]
        soon: Option<String>,
        #[arg(long)]
        routine: Option<String>,
    },
    /// The requests nobody took within their window, newest first (for the coordinator).
    Unanswered {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
    },
    /// The next step of your request's routing: when, to whom, whether it went out.
    NextStep {
        #[arg(long = "case", value_name = "ROOM_ID")]
        case_id: String,
    },
    /// The deadline reminders still to come for your open requests (what the apps hand to the
    /// phone's scheduler).
    Reminders,
}

pub async fn run(client: &InnomedClient, action: RoutingAction) -> Result<Report> {
    Ok(match action {
        RoutingAction::Windows {
            space_id,
            urgent,
            soon,
            routine,
        } => {
            let cpts = space(client, &space_id)?;
            let mut windows = cpts.routing_windows().await.map_err(typed)?;
            let changes = [
                (urgent, &mut windows.urgent_ms),
                (soon, &mut windows.soon_ms),
                (routine, &mut windows.routine_ms),
            ];
            let mut changed = false;
            for (text, field) in changes {
                if let Some(text) = text {
                    *field = parse_duration(&text)?;
                    changed = true;
                }
            }
            if changed {
                cpts.set_routing_windows(windows).await.map_err(typed)?;
            }
            windows_report(&windows)
        }
        RoutingAction::Unanswered { space_id } => {
            let alerts = space(client, &space_id)?
                .unanswered_requests()
                .await
                .map_err(typed)?;
            let lines: Vec<String> = alerts
                .iter()
                .map(|a| {
                    format!(
                        "{}  {}  {} {}  from {}  next: {}",
                        ParisTime::from_unix_ms(i64::try_from(a.at_ms).unwrap_or(i64::MAX))
                            .format_fr(),
                        output::line(&a.code),
                        output::line(&a.specialty),
                        wire(&a.urgency),
                        output::line(&a.requester),
                        if a.next.is_empty() {
                            "nobody else on duty".to_owned()
                        } else {
                            a.next
                                .iter()
                                .map(output::line)
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    )
                })
                .collect();
            let rows: Vec<_> = alerts
                .iter()
                .map(|a| {
                    json!({
                        "room_id": a.room_id, "code": a.code, "specialty": a.specialty,
                        "urgency": wire(&a.urgency), "requester": a.requester,
                        "next": a.next, "at_ms": a.at_ms,
                    })
                })
                .collect();
            Report {
                value: json!({ "ok": true, "unanswered": rows }),
                text: if lines.is_empty() {
                    "no request waits unanswered".to_owned()
                } else {
                    lines.join("\n")
                },
            }
        }
        RoutingAction::Reminders => {
            let reminders = client.reminder_schedule().await;
            let lines: Vec<String> = reminders
                .iter()
                .map(|r| {
                    let at = ParisTime::from_unix_ms(i64::try_from(r.at_ms).unwrap_or(i64::MAX));
                    format!(
                        "{}  {}  {}",
                        at.format_fr(),
                        output::line(&r.code),
                        wire(&r.state)
                    )
                })
                .collect();
            let rows: Vec<_> = reminders
                .iter()
                .map(|r| {
                    json!({ "room_id": r.room_id, "code": r.code, "at_ms": r.at_ms,
                    "state": wire(&r.state) })
                })
                .collect();
            Report {
                value: json!({ "ok": true, "reminders": rows }),
                text: if lines.is_empty() {
                    "no reminder to come".to_owned()
                } else {
                    lines.join("\n")
                },
            }
        }
        RoutingAction::NextStep { case_id } => {
            let case = client.case(&case_id)?;
            match case.next_step().await {
                None => Report {
                    value: json!({ "ok": true, "next_step": null }),
                    text: "no next step planned for this case".to_owned(),
                },
                Some(step) => {
                    let when = ParisTime::from_unix_ms(i64::try_from(step.at_ms).unwrap_or(0));
                    let state = match step.state {
                        NextStepState::Planned => "planned",
                        NextStepState::Sent => "sent",
                        NextStepState::Cancelled => "cancelled",
                    };
                    let to = step
                        .specialists
                        .iter()
                        .map(output::line)
                        .collect::<Vec<_>>();
                    Report {
                        value: json!({ "ok": true, "next_step": {
                            "at_ms": step.at_ms, "state": state, "specialists": step.specialists,
                        }}),
                        text: format!(
                            "{state}: {} to {}",
                            when.format_fr(),
                            if to.is_empty() {
                                "the coordinator only".to_owned()
                            } else {
                                to.join(", ")
                            }
                        ),
                    }
                }
            }
        }
    })
}

fn windows_report(windows: &RoutingWindows) -> Report {
    let text = format!(
        "urgent {}, soon {}, routine {}",
        duration_text(windows.urgent_ms),
        duration_text(windows.soon_ms),
        duration_text(windows.routine_ms)
    );
    Report {
        value: json!({ "ok": true, "urgent_ms": windows.urgent_ms, "soon_ms": windows.soon_ms,
            "routine_ms": windows.routine_ms }),
        text,
    }
}

/// `45s`, `30m`, `4h` as milliseconds.
fn parse_duration(text: &str) -> Result<u64> {
    let text = text.trim();
    let malformed = || anyhow!("malformed duration {text:?}: expected e.g. 45s, 30m or 4h");
    let split = text.len().checked_sub(1).ok_or_else(malformed)?;
    let (number, unit) = text.split_at(split);
    let number: u64 = number.parse().map_err(|_| malformed())?;
    let unit_ms = match unit {
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => return Err(malformed()),
    };
    number.checked_mul(unit_ms).ok_or_else(malformed)
}

fn duration_text(ms: u64) -> String {
    match ms {
        ms if ms % 3_600_000 == 0 => format!("{}h", ms / 3_600_000),
        ms if ms % 60_000 == 0 => format!("{}m", ms / 60_000),
        ms => format!("{}s", ms / 1_000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_parsed_strictly() {
        assert_eq!(parse_duration("30m").expect("valid"), 1_800_000);
        assert_eq!(parse_duration("4h").expect("valid"), 14_400_000);
        assert_eq!(parse_duration("45s").expect("valid"), 45_000);
        for bad in ["", "m", "30", "30 min", "-5m", "1.5h"] {
            assert!(parse_duration(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(duration_text(1_800_000), "30m");
        assert_eq!(duration_text(86_400_000), "24h");
    }
}

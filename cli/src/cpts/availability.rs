//! A specialist's own absences and one-off permanences in the terminal: declared, withdrawn
//! and listed (their own, or everyone's for the coordinator's rota).

use anyhow::{anyhow, Result};
use clap::Subcommand;
use innomed_core::{Absence, Availability, MemberAvailability, Permanence};
use serde_json::{json, Value};

use super::{
    rota::{clock, parse_clock},
    space, typed,
};
use crate::output::{self, Report};
use innomed_core::InnomedClient;

#[derive(Subcommand)]
pub enum AvailabilityAction {
    /// Declare an absence (Paris days, both included): off duty and out of routing, whatever
    /// the rota says. With --cancel, withdraw it.
    Away {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        /// First day away, YYYY-MM-DD.
        #[arg(long)]
        from: String,
        /// Last day away, YYYY-MM-DD (the first day when omitted).
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        cancel: bool,
    },
    /// Declare a one-off permanence for one of your specialties, beside the rota. With
    /// --cancel, withdraw it.
    Permanence {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        specialty: String,
        /// The day, YYYY-MM-DD.
        #[arg(long)]
        day: String,
        /// HH:MM-HH:MM, Paris time, e.g. 09:00-12:00.
        #[arg(long)]
        hours: String,
        #[arg(long)]
        cancel: bool,
    },
    /// Your absences and permanences to come; with --all, every member's.
    Availability {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        all: bool,
    },
}

pub async fn run(client: &InnomedClient, action: AvailabilityAction) -> Result<Report> {
    let (availability, done) = match action {
        AvailabilityAction::Away {
            space_id,
            from,
            to,
            cancel,
        } => {
            let cpts = space(client, &space_id)?;
            let absence = Absence {
                last_day: to.unwrap_or_else(|| from.clone()),
                first_day: from,
            };
            let result = if cancel {
                cpts.remove_absence(absence).await
            } else {
                cpts.add_absence(absence).await
            };
            (result.map_err(typed)?, cancel_text(cancel, "absence"))
        }
        AvailabilityAction::Permanence {
            space_id,
            specialty,
            day,
            hours,
            cancel,
        } => {
            let cpts = space(client, &space_id)?;
            let (start_minute, end_minute) = parse_hours(&hours)?;
            let permanence = Permanence {
                specialty,
                day,
                start_minute,
                end_minute,
            };
            let result = if cancel {
                cpts.remove_permanence(permanence).await
            } else {
                cpts.add_permanence(permanence).await
            };
            (result.map_err(typed)?, cancel_text(cancel, "permanence"))
        }
        AvailabilityAction::Availability { space_id, all } => {
            let cpts = space(client, &space_id)?;
            if all {
                let everyone = cpts.availabilities().await.map_err(typed)?;
                return Ok(everyone_report(&everyone));
            }
            (cpts.my_availability().await.map_err(typed)?, String::new())
        }
    };
    let lines = lines(&availability);
    let text = match (done.is_empty(), lines.is_empty()) {
        (_, true) => format!("{done}nothing declared to come")
            .trim_start()
            .to_owned(),
        (true, false) => lines.join("\n"),
        (false, false) => format!("{done}\n{}", lines.join("\n")),
    };
    Ok(Report {
        value: json!({ "ok": true, "availability": to_json(&availability) }),
        text,
    })
}

fn cancel_text(cancel: bool, what: &str) -> String {
    if cancel {
        format!("{what} withdrawn")
    } else {
        format!("{what} declared")
    }
}

/// `HH:MM-HH:MM` as minutes after midnight.
fn parse_hours(text: &str) -> Result<(u16, u16)> {
    let malformed = || anyhow!("malformed hours {text:?}: expected HH:MM-HH:MM");
    let (start, end) = text.trim().split_once('-').ok_or_else(malformed)?;
    match (parse_clock(start), parse_clock(end)) {
        (Some(start), Some(end)) => Ok((start, end)),
        _ => Err(malformed()),
    }
}

fn lines(availability: &Availability) -> Vec<String> {
    let absences = availability.absences.iter().map(|a| {
        if a.first_day == a.last_day {
            format!("away      {}", output::line(&a.first_day))
        } else {
            format!(
                "away      {} to {}",
                output::line(&a.first_day),
                output::line(&a.last_day)
            )
        }
    });
    let permanences = availability.permanences.iter().map(|p| {
        format!(
            "on duty   {} {}-{}  {}",
            output::line(&p.day),
            clock(p.start_minute),
            clock(p.end_minute),
            output::line(&p.specialty)
        )
    });
    absences.chain(permanences).collect()
}

fn to_json(availability: &Availability) -> Value {
    json!({
        "absences": availability.absences.iter().map(|a| json!({
            "first_day": a.first_day, "last_day": a.last_day,
        })).collect::<Vec<_>>(),
        "permanences": availability.permanences.iter().map(|p| json!({
            "specialty": p.specialty, "day": p.day,
            "start": clock(p.start_minute), "end": clock(p.end_minute),
        })).collect::<Vec<_>>(),
    })
}

fn everyone_report(everyone: &[MemberAvailability]) -> Report {
    let mut text = Vec::new();
    for member in everyone {
        text.push(output::line(&member.user_id));
        text.extend(
            lines(&member.availability)
                .into_iter()
                .map(|l| format!("  {l}")),
        );
    }
    let rows: Vec<Value> = everyone
        .iter()
        .map(|m| json!({ "user_id": m.user_id, "availability": to_json(&m.availability) }))
        .collect();
    Report {
        value: json!({ "ok": true, "members": rows }),
        text: if text.is_empty() {
            "nobody declared anything to come".to_owned()
        } else {
            text.join("\n")
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_parsed_strictly() {
        assert_eq!(parse_hours("09:00-12:30").expect("valid"), (540, 750));
        for bad in ["9:00-12:00", "09:00", "09:00-25:00", "", "09:00–12:00"] {
            assert!(parse_hours(bad).is_err(), "{bad:?} accepted");
        }
    }
}

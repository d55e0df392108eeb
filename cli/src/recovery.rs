//! `recovery status | enable | recover`: the recovery key, shown once on the first device and
//! entered on a new one (from `INNOMED_RECOVERY_KEY`, stdin, or a hidden prompt).

use std::time::Duration;

use anyhow::Result;
use clap::Subcommand;
use innomed_core::{InnomedClient, RecoveryStatus};
use serde_json::json;

use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum RecoveryAction {
    /// Whether recovery is set up, and complete on this device.
    Status,
    /// Set up key backup and print the recovery key (the only time it is shown).
    Enable,
    /// Enter the recovery key on this device to read the old history.
    Recover,
}

pub async fn run(
    client: &InnomedClient,
    action: RecoveryAction,
    timeout: Duration,
) -> Result<Report> {
    // The status is known once sync read the account data.
    let deadline = tokio::time::Instant::now() + timeout;
    while client.recovery_status() == RecoveryStatus::Unknown
        && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    match action {
        RecoveryAction::Status => {
            let status = client.recovery_status();
            let cross_signed = client.is_device_cross_signed().await;
            Ok(Report {
                value: json!({
                    "ok": true, "recovery": status_code(status), "device_cross_signed": cross_signed,
                }),
                text: format!(
                    "recovery: {}; this device is {}cross-signed",
                    status_code(status),
                    if cross_signed { "" } else { "not " }
                ),
            })
        }
        RecoveryAction::Enable => {
            let key = client.enable_recovery().await?;
            Ok(Report {
                value: json!({ "ok": true, "recovery_key": key }),
                text: format!(
                    "Clé de récupération / Recovery key (shown once, keep it safe):\n\n    {key}\n"
                ),
            })
        }
        RecoveryAction::Recover => {
            let key = crate::commands::read_secret(
                "INNOMED_RECOVERY_KEY",
                "Clé de récupération / Recovery key: ",
            )?;
            client.recover(&key).await?;
            Ok(Report {
                value: json!({ "ok": true, "recovered": true }),
                text: "recovered: this device is cross-signed and downloads the old history"
                    .to_owned(),
            })
        }
    }
}

fn status_code(status: RecoveryStatus) -> &'static str {
    match status {
        RecoveryStatus::Unknown => "unknown",
        RecoveryStatus::Disabled => "disabled",
        RecoveryStatus::Enabled => "enabled",
        RecoveryStatus::Incomplete => "incomplete",
    }
}

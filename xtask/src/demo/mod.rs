//! `cargo xtask demo`: the scripted end-to-end demo.
//!
//! On a fresh machine: installs and starts a local Synapse, registers a GP and
//! a dermatologist, the GP opens a case (header + two messages) and invites
//! the dermatologist, who reads the earlier messages, opens the GP's photo
//! (sanitised, encrypted) and answers. Then a CPTS coordinator sets up the directory and
//! duty rota, the GP's télé-expertise request reaches the dermatologist on duty, who takes it
//! and advises; the GP closes it with a report written on his machine only. Both
//! doctors' views are printed, then what the homeserver stored: ciphertext
//! only. Any case text found in the homeserver's database or log, or any
//! plaintext message event, fails the demo.
//!
//! Every doctor is a separate `innomed` process per command, with its own data
//! folder, exactly as a user (or a script) would drive the CLI.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use innomed_harness::{ensure_synapse, workspace_root, Homeserver, HomeserverOptions};
use serde_json::Value;
use tempfile::TempDir;

mod cli;
mod cpts;
mod document;
mod inspect;
mod photo;
mod print;
mod search;

use self::{cli::*, inspect::*, print::*};

/// `--timeout` given to every CLI command (the CLI's own bound on waiting for
/// the homeserver or for messages).
const CLI_TIMEOUT_SECS: u64 = 60;
/// Hard bound on one CLI process, in case it hangs outside its own timeout.
const CLI_KILL_AFTER: Duration = Duration::from_secs(CLI_TIMEOUT_SECS * 2 + 30);

const GP_USERNAME: &str = "dr.martin";
const DERM_USERNAME: &str = "dr.benali";

// The case. Every clinical text below is checked against the homeserver's
// database and log at the end.
const PATIENT: &str = "M.D.";
const REASON: &str = "Lésion pigmentée du dos, 8 mm, asymétrique, évolutive depuis 3 mois";
const QUESTION: &str = "Exérèse ou surveillance ?";
const GP_MESSAGE_1: &str = "Bonjour, patiente de phototype II, antécédent familial de mélanome \
     (père). La lésion est passée de 5 à 8 mm depuis l'été, bords irréguliers, deux teintes de brun.";
const GP_MESSAGE_2: &str = "Dermoscopie faite au cabinet : **réseau pigmentaire atypique** en \
     périphérie, pas d'ulcération. Photos prises avec l'accord de la patiente.";
const DERM_ANSWER: &str = "Aspect de naevus atypique : **exérèse recommandée** sous un mois, \
     avec analyse histologique. Adressez-la moi, je la reçois en consultation.";

/// Distinctive pieces of the case text, searched for on the server's disk.
const PHRASES: &[(&str, &str)] = &[
    ("reason", "Lésion pigmentée du dos"),
    ("question", "Exérèse ou surveillance"),
    ("GP message 1", "antécédent familial de mélanome"),
    ("GP message 2", "réseau pigmentaire atypique"),
    ("answer", "exérèse recommandée"),
    ("answer", "analyse histologique"),
    ("photo caption", "vue d'ensemble"),
    ("document", document::TITLE),
    ("request", "avis sur la conduite"),
    ("advice", "dysplasique probable"),
];

pub fn run() -> Result<(), String> {
    run_with(true)
}

/// The demo; `build: false` reuses the CLI binary already built (by `cargo test`).
pub fn run_with(build: bool) -> Result<(), String> {
    let started = Instant::now();
    println!(
        "{}",
        bold("Innomed demo: a GP asks a dermatologist, end-to-end encrypted")
    );

    section("Local homeserver");
    note(&format!(
        "Synapse {} (installed once into target/synapse/venv; the first run takes a few minutes)",
        innomed_harness::SYNAPSE_VERSION
    ));
    ensure_synapse().map_err(|e| format!("installing Synapse: {e}"))?;
    let innomed = build_cli(build)?;
    let hs_started = Instant::now();
    let mut hs = Homeserver::start(HomeserverOptions::default())
        .map_err(|e| format!("starting Synapse: {e}"))?;
    println!(
        "Synapse is running at {} (server name {}, started in {:.1?})",
        hs.url(),
        hs.server_name(),
        hs_started.elapsed()
    );
    note(&format!("its data: {}", hs.data_dir().display()));

    let scenario_started = Instant::now();
    let case = scenario(&innomed, &hs)?;
    let scenario_elapsed = scenario_started.elapsed();

    section("What the homeserver stored");
    inspect(&hs, &case)?;

    hs.stop().map_err(|e| format!("stopping Synapse: {e}"))?;
    println!();
    println!(
        "{} demo finished in {:.1?} (the two doctors' scenario: {:.1?}); Synapse stopped, \
         temporary data removed.",
        green("✓"),
        started.elapsed(),
        scenario_elapsed
    );
    Ok(())
}

/// The case as the homeserver knows it, for the inspection.
struct CaseIds {
    room_id: String,
    gp_user: String,
    derm_user: String,
}

fn scenario(innomed: &Innomed, hs: &Homeserver) -> Result<CaseIds, String> {
    let url = hs.url();
    let mut gp = Doctor::new("Dr Martin (GP)", GP_USERNAME, "demo-martin-7T4q")?;
    let mut derm = Doctor::new(
        "Dr Benali (dermatologist)",
        DERM_USERNAME,
        "demo-benali-9Kx2",
    )?;

    section("Two doctors register");
    note("each doctor is a separate `innomed` process per command, with its own data folder");
    for doctor in [&mut gp, &mut derm] {
        let value = innomed.json(
            doctor,
            &[
                "register",
                "--homeserver",
                &url,
                "--username",
                doctor.username,
            ],
        )?;
        doctor.user_id = string_field(&value, "user_id")?;
        result(&format!(
            "{} is {} (device {})",
            doctor.title,
            doctor.user_id,
            value["device_id"].as_str().unwrap_or("?")
        ));
    }

    section("Dr Martin (GP) opens a case");
    let value = innomed.json(
        &gp,
        &[
            "create",
            "--patient",
            PATIENT,
            "--age-band",
            "40-64",
            "--sex",
            "female",
            "--reason",
            REASON,
            "--question",
            QUESTION,
            "--photo-consent",
            "--specialty",
            "dermatology",
            "--urgency",
            "soon",
        ],
    )?;
    let room_id = string_field(&value, "case")?;
    let code = string_field(&value, "code")?;
    result(&format!("case {code} opened (room {room_id})"));
    for text in [GP_MESSAGE_1, GP_MESSAGE_2] {
        send(innomed, hs, &gp, &room_id, text, None)?;
    }

    section("Dr Martin invites Dr Benali");
    innomed.json(
        &gp,
        &["invite", "--case", &room_id, "--user", &derm.user_id],
    )?;
    result(&format!("{} invited", derm.user_id));
    note("Dr Benali's case list shows the invitation:");
    let list = innomed.text(&derm, &["cases"])?;
    if !list.contains(&code) {
        warn(&format!(
            "case {code} is not in Dr Benali's list yet; accepting by room id"
        ));
    }
    innomed.json(&derm, &["accept", "--case", &room_id])?;
    result("invitation accepted");
    note(
        "Dr Martin's client syncs, sees Dr Benali join and shares the case history keys \
         with her device:",
    );
    innomed.text(&gp, &["cases"])?;

    section("Dr Benali reads the case");
    innomed.text(
        &derm,
        &[
            "show",
            "--case",
            &room_id,
            "--wait-messages",
            "2",
            "--mark-read",
        ],
    )?;
    let view = innomed.json(&derm, &["show", "--case", &room_id])?;
    let first_message = check_specialist_view(&view, &gp.user_id)?;
    note("Dr Martin sees that she has read it:");
    let gp_view = innomed.text(&gp, &["show", "--case", &room_id])?;
    if !gp_view.contains(&format!("read by {}", derm.user_id)) {
        warn("Dr Benali's read receipt is not shown in Dr Martin's view");
    }

    photo::step(innomed, hs, &gp, &derm, &room_id)?;
    document::step(innomed, hs, &gp, &derm, &room_id)?;

    section("Dr Benali answers");
    send(
        innomed,
        hs,
        &derm,
        &room_id,
        DERM_ANSWER,
        Some(&first_message),
    )?;

    section("Dr Martin reads the answer");
    let gp_view = innomed.text(&gp, &["show", "--case", &room_id, "--wait-messages", "3"])?;
    if !gp_view.contains("exérèse recommandée") {
        return Err(
            "Dr Martin cannot read Dr Benali's answer (see his view above), although \
             the homeserver stored it"
                .to_owned(),
        );
    }
    // Only the doctor who opened the case changes its status.
    let answered = ["status", "--case", room_id.as_str(), "--set", "answered"];
    innomed.json(&gp, &answered)?;
    result("Dr Martin marks the case answered (only he may: he opened it)");

    search::step(innomed, &derm)?;

    cpts::step(innomed, hs, &gp, &derm)?;

    Ok(CaseIds {
        room_id,
        gp_user: gp.user_id,
        derm_user: derm.user_id,
    })
}

/// `innomed send`, then a look at the homeserver's database: the message
/// must really be there (as an encrypted event), not only reported sent.
fn send(
    innomed: &Innomed,
    hs: &Homeserver,
    doctor: &Doctor,
    room_id: &str,
    text: &str,
    reply_to: Option<&str>,
) -> Result<(), String> {
    let before = stored_encrypted(hs, room_id, &doctor.user_id)?;
    let mut args = vec!["send", "--case", room_id, "--text", text];
    if let Some(event_id) = reply_to {
        args.extend(["--reply-to", event_id]);
    }
    let value = innomed.json(doctor, &args)?;
    if value["delivered"] != Value::Bool(true) {
        return Err(format!(
            "{}'s message was queued but not delivered to the homeserver: {value}",
            doctor.title
        ));
    }
    if stored_encrypted(hs, room_id, &doctor.user_id)? > before {
        result("delivered: the homeserver stored it, encrypted");
        return Ok(());
    }
    Err(format!(
        "`innomed send` reported {}'s message delivered, but the homeserver does not have it: \
         it is still in the client's local send queue, and the process has exited (the next \
         `send` of the same doctor may push it out). `send` must not report delivery before \
         the homeserver acknowledged the event.",
        doctor.title
    ))
}

/// Dr Benali must read the header and both earlier messages (shared history).
/// Returns the event id of the GP's first message, to reply to.
fn check_specialist_view(view: &Value, gp_user: &str) -> Result<String, String> {
    let messages = view["messages"].as_array().cloned().unwrap_or_default();
    let texts: Vec<&Value> = messages.iter().filter(|m| m["kind"] == "text").collect();
    let locked = messages
        .iter()
        .filter(|m| m["kind"] == "unable_to_decrypt")
        .count();
    let reads = |needle: &str| {
        texts
            .iter()
            .any(|m| m["body"].as_str().is_some_and(|b| b.contains(needle)))
    };
    let header_ok = view["header"]["reason"].as_str() == Some(REASON);
    if !header_ok || !reads("antécédent familial") || !reads("réseau pigmentaire") {
        return Err(format!(
            "Dr Benali cannot read the case history shared at invitation: header readable: \
             {header_ok}, readable messages: {}, still encrypted: {locked}. Her device gets \
             the keys when Dr Martin's client sees her join.",
            texts.len()
        ));
    }
    let first = texts
        .iter()
        .find(|m| m["sender"] == gp_user)
        .and_then(|m| m["event_id"].as_str())
        .ok_or("no event id for Dr Martin's first message in `show --json`")?;
    result(&format!(
        "header and both earlier messages readable; replying to {first}"
    ));
    Ok(first.to_owned())
}

// ---------------------------------------------------------------------------
// What the homeserver stored
// ---------------------------------------------------------------------------

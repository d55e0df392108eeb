//! The commands: each opens the account, does one thing and returns a [`Report`].

use std::{
    path::PathBuf,
    time::{Duration, Instant},
};

use anyhow::{anyhow, Context, Result};
use clap::Args;
use innomed_core::{
    AccountError, AgeBand, CaseError, CaseHeader, CaseStatus, CaseSummary, ConversationError,
    InnomedClient, Membership, MessageKind, NewCase, Reaction, SendState, Sex, Urgency,
};
use serde_json::{json, Value};

use crate::{
    input,
    output::{self, Report},
    state::CliState,
    Cli, Command,
};

/// The case header and routing of `create`, `cpts request` and `cpts care-team`.
#[derive(Args)]
pub struct CreateArgs {
    /// Patient pseudonym or initials (never the full name).
    #[arg(long, required_unless_present = "from_json")]
    patient: Option<String>,
    /// Age band: 0-1, 2-11, 12-17, 18-39, 40-64, 65-79, 80+.
    #[arg(long, required_unless_present = "from_json")]
    age_band: Option<String>,
    /// female, male, other or unknown [default: unknown].
    #[arg(long)]
    sex: Option<String>,
    #[arg(long, required_unless_present = "from_json")]
    reason: Option<String>,
    #[arg(long, required_unless_present = "from_json")]
    question: Option<String>,
    /// The patient agreed to photos being shared.
    #[arg(long)]
    photo_consent: bool,
    /// Requested specialty code, e.g. `dermatology`.
    #[arg(long)]
    specialty: Option<String>,
    /// routine, soon or urgent [default: routine].
    #[arg(long)]
    urgency: Option<String>,
    /// Read these fields from a JSON object in this file (`-`: stdin) instead of the command
    /// line, which other users of the machine can see. Keys: patient, age-band, sex, reason,
    /// question, photo-consent, specialty, urgency.
    #[arg(long, value_name = "PATH")]
    from_json: Option<PathBuf>,
}

impl CreateArgs {
    /// Takes the fields given in `--from-json`, then checks the header (nothing sent yet).
    pub(crate) fn resolve(&mut self) -> Result<NewCase> {
        input::fill(self.from_json.take().as_deref(), |json| {
            json.string("patient", &mut self.patient)?;
            json.string("age-band", &mut self.age_band)?;
            json.string("sex", &mut self.sex)?;
            json.string("reason", &mut self.reason)?;
            json.string("question", &mut self.question)?;
            json.flag("photo-consent", &mut self.photo_consent)?;
            json.string("specialty", &mut self.specialty)?;
            json.string("urgency", &mut self.urgency)
        })?;
        new_case(self)
    }
}

/// Before the account is opened: the fields of `--from-json` taken into the command, and
/// checked, so that bad input fails fast and nothing is sent.
fn resolve_inputs(command: &mut Command) -> Result<()> {
    match command {
        Command::Create(args) => {
            args.resolve()?;
        }
        Command::Send {
            text, from_json, ..
        } => {
            input::fill(from_json.take().as_deref(), |json| {
                json.string("text", text)
            })?;
            // Only white space or invisible characters: the core refuses it too.
            if innomed_core::conversation::is_blank(input::required(text.as_deref(), "text")?) {
                return Err(ConversationError::EmptyMessage.into());
            }
        }
        Command::Show { wait_messages, .. } => {
            input::count("wait-messages", *wait_messages, input::MAX_WAIT_MESSAGES)?;
        }
        Command::SendPhoto {
            caption, from_json, ..
        } => input::fill(from_json.take().as_deref(), |json| {
            json.string("caption", caption)
        })?,
        Command::SendFile {
            files,
            captions,
            from_json,
            ..
        } => {
            input::fill(from_json.take().as_deref(), |json| {
                json.strings("captions", captions)
            })?;
            if captions.len() > files.len() {
                return Err(input::InputError(format!(
                    "{} captions for {} files: give at most one caption per file",
                    captions.len(),
                    files.len()
                ))
                .into());
            }
        }
        Command::Cpts { action } => action.resolve_inputs()?,
        _ => {}
    }
    Ok(())
}

pub async fn run(cli: Cli) -> Result<Report> {
    // Every option is checked before anything is created, opened or sent.
    let timeout = input::timeout(cli.timeout)?;
    let mut command = cli.command;
    resolve_inputs(&mut command)?;
    let state = CliState::new(cli.data_dir.clone())?;
    match command {
        Command::Register {
            homeserver,
            username,
        } => {
            let password = read_password()?;
            let client =
                InnomedClient::register(&state.config(&homeserver)?, &username, &password).await?;
            signed_in(&state, client, "registered").await
        }
        Command::Login { homeserver, user } => {
            let password = read_password()?;
            let client =
                InnomedClient::login(&state.config(&homeserver)?, &user, &password).await?;
            signed_in(&state, client, "logged in").await
        }
        Command::LoginPsc { homeserver } => {
            let config = state.config(&homeserver)?;
            let client = crate::psc::sign_in(&config, Duration::from_secs(300)).await?;
            signed_in(&state, client, "signed in with Pro Santé Connect").await
        }
        command => {
            let client = open(&state, cli.as_user.as_deref(), timeout).await?;
            let logout = matches!(command, Command::Logout);
            let report = account_command(&state, &client, command, timeout).await;
            if !logout {
                // Messages queued by this or an earlier run go out before the process ends.
                let _ = client
                    .flush_outbox(timeout.min(Duration::from_secs(10)))
                    .await;
                // Tokens refreshed during the run replace the saved ones (the old refresh token
                // is spent).
                if let Ok(session) = client.session() {
                    if state.update_session(&session).is_err() {
                        eprintln!("innomed: the refreshed session could not be saved");
                    }
                }
                // Nothing is cut half-way when the process ends: sync stopped, and what the
                // homeserver accepted is written to the local cache first.
                client.close().await;
            }
            report
        }
    }
}

async fn account_command(
    state: &CliState,
    client: &InnomedClient,
    command: Command,
    timeout: Duration,
) -> Result<Report> {
    match command {
        Command::Register { .. } | Command::Login { .. } | Command::LoginPsc { .. } => {
            Err(anyhow!("register and login do not act on an open account"))
        }
        Command::Logout => {
            let user_id = client.user_id()?;
            let revoked = client.clone().logout().await?;
            state.forget_session(&user_id)?;
            Ok(Report {
                value: json!({ "ok": true, "user_id": user_id, "server_session_ended": revoked }),
                text: format!("{} logged out; local data deleted", output::line(&user_id)),
            })
        }
        Command::Whoami => {
            let user_id = client.user_id()?;
            let device_id = client.device_id()?;
            Ok(Report {
                value: json!({ "ok": true, "user_id": user_id, "device_id": device_id }),
                text: format!(
                    "{} (device {})",
                    output::line(&user_id),
                    output::line(&device_id)
                ),
            })
        }
        Command::Cases(filter) => {
            let cases = client.case_list_filtered(filter.resolve()?).current().await;
            let text = if cases.is_empty() {
                "no cases".to_owned()
            } else {
                cases.iter().map(case_line).collect::<Vec<_>>().join("\n")
            };
            Ok(Report {
                value: json!({ "ok": true, "cases": cases.iter().map(case_json).collect::<Vec<_>>() }),
                text,
            })
        }
        Command::Create(args) => {
            let case = client.create_case(new_case(&args)?).await?;
            let room_id = case.room_id().to_string();
            let code = case.code();
            Ok(Report {
                value: json!({ "ok": true, "case": room_id, "code": code }),
                text: format!(
                    "case {} opened ({})",
                    output::line(&code),
                    output::line(&room_id)
                ),
            })
        }
        Command::Show {
            case_id,
            wait_messages,
            mark_read,
        } => show(client, &case_id, wait_messages, mark_read, timeout).await,
        Command::React {
            case_id,
            event,
            reaction,
        } => {
            let conversation = client.case(&case_id)?.conversation().await?;
            load_history(&conversation, timeout).await;
            let event = parse_event_id(&event)?;
            ensure_message(&conversation, &event).await?;
            let reaction = match reaction.as_str() {
                "agree" => Reaction::Agree,
                "seen" => Reaction::Seen,
                "thanks" => Reaction::Thanks,
                _ => Reaction::Done,
            };
            let present = conversation.toggle_reaction(&event, reaction).await?;
            let _ = client.flush_outbox(timeout).await;
            done(
                json!({ "ok": true, "case": case_id, "reaction": reaction.key(), "present": present }),
                format!(
                    "{} {}",
                    reaction.key(),
                    if present { "added" } else { "removed" }
                ),
            )
        }
        Command::Send {
            case_id,
            text,
            reply_to,
            edit,
            from_json: _,
        } => {
            let text = input::required(text.as_deref(), "text")?;
            let conversation = client.case(&case_id)?.conversation().await?;
            match (reply_to, edit) {
                (Some(to), _) => {
                    let to = parse_event_id(&to)?;
                    load_history(&conversation, timeout).await;
                    ensure_message(&conversation, &to).await?;
                    conversation.reply(&to, text).await?
                }
                (None, Some(id)) => {
                    load_history(&conversation, timeout).await;
                    conversation.edit(&parse_event_id(&id)?, text).await?
                }
                (None, None) => conversation.send_text(text).await?,
            }
            let delivered = client.flush_outbox(timeout).await?;
            Ok(Report {
                value: json!({ "ok": true, "case": case_id, "delivered": delivered }),
                text: if delivered {
                    "sent".to_owned()
                } else {
                    "queued: it will be delivered when the homeserver answers".to_owned()
                },
            })
        }
        Command::Search { query, wait_index } => {
            crate::search::search(client, &query, wait_index, timeout).await
        }
        Command::Archive {
            case_id,
            closed_older_than_days,
        } => crate::search::archive(client, case_id, closed_older_than_days).await,
        Command::Restore { case_id } => crate::search::restore(client, &case_id).await,
        Command::Recovery { action } => crate::recovery::run(client, action, timeout).await,
        Command::Cpts { action } => crate::cpts::run(client, action, timeout).await,
        Command::SendPhoto {
            case_id,
            file,
            caption,
            from_json: _,
        } => crate::photos::send(client, &case_id, file, caption, timeout).await,
        Command::SendFile {
            case_id,
            files,
            captions,
            from_json: _,
        } => crate::files::send(client, &case_id, files, captions, timeout).await,
        Command::File {
            case_id,
            event,
            out,
        } => crate::files::save(client, &case_id, parse_event_id(&event)?, out).await,
        Command::Photo {
            case_id,
            event,
            thumbnail,
            out,
        } => crate::photos::save(client, &case_id, parse_event_id(&event)?, thumbnail, out).await,
        Command::Invite { case_id, user } => {
            client.case(&case_id)?.invite(&user).await?;
            done(
                json!({ "ok": true, "case": case_id, "invited": user }),
                format!("{} invited", output::line(&user)),
            )
        }
        Command::Confirm { case_id, user } => {
            let case = client.case(&case_id)?;
            case.confirm_member(&user).await?;
            // A process that runs one command: the hand-over is done now, not beside sync.
            let handed_over = case.hand_over().await;
            done(
                json!({ "ok": true, "case": case_id, "confirmed": user, "handed_over": handed_over }),
                format!("{} confirmed", output::line(&user)),
            )
        }
        Command::Remove { case_id, user } => {
            client.case(&case_id)?.remove(&user).await?;
            done(
                json!({ "ok": true, "case": case_id, "removed": user }),
                format!("{} removed; the room key was replaced", output::line(&user)),
            )
        }
        Command::Accept { case_id } => {
            client.case(&case_id)?.accept().await?;
            done(
                json!({ "ok": true, "case": case_id, "joined": true }),
                "invitation accepted".into(),
            )
        }
        Command::Decline { case_id } => {
            client.case(&case_id)?.decline().await?;
            done(
                json!({ "ok": true, "case": case_id, "declined": true }),
                "invitation declined".into(),
            )
        }
        Command::Mute { case_id, off } => {
            client.case(&case_id)?.set_muted(!off).await?;
            done(
                json!({ "ok": true, "case": case_id, "muted": !off }),
                if off {
                    "notifications back on"
                } else {
                    "case muted"
                }
                .into(),
            )
        }
        Command::Status { case_id, set } => {
            let status: CaseStatus = serde_json::from_value(json!(set))?;
            client.case(&case_id)?.set_status(status).await?;
            done(
                json!({ "ok": true, "case": case_id, "status": set }),
                format!("status: {set}"),
            )
        }
    }
}

fn done(value: Value, text: String) -> Result<Report> {
    Ok(Report { value, text })
}

async fn signed_in(state: &CliState, client: InnomedClient, verb: &str) -> Result<Report> {
    let session = client.session()?;
    state.save_session(&session)?;
    // One sync so the device keys and cross-signing are published before others invite us.
    client.start_sync().await?;
    let _ = client.wait_until_synced(Duration::from_secs(30)).await;
    client.close().await;
    Ok(Report {
        value: json!({ "ok": true, "user_id": session.user_id, "device_id": session.device_id }),
        text: format!(
            "{verb} as {} (device {})",
            output::line(&session.user_id),
            output::line(&session.device_id)
        ),
    })
}

/// Restores the account and syncs; offline, carries on with what the store has.
async fn open(state: &CliState, user: Option<&str>, timeout: Duration) -> Result<InnomedClient> {
    let session = state.load_session(user)?;
    let restored = InnomedClient::restore(&state.config(&session.homeserver_url)?, &session).await;
    if matches!(restored, Err(AccountError::SessionRevoked)) {
        // The core wiped the account's data; its saved session goes too.
        state.forget_session(&session.user_id)?;
    }
    let client = restored?;
    client.start_sync().await?;
    if client
        .wait_until_synced(timeout.min(Duration::from_secs(15)))
        .await
        .is_err()
    {
        eprintln!("innomed: homeserver not reachable, working offline");
    }
    Ok(client)
}

/// `MessageNotFound` unless `event` is a message of the case as this device loaded it (back to
/// its start, or as far as `load_history` got): an unknown or mistyped event id gets this code
/// rather than the SDK's generic timeline error.
async fn ensure_message(
    conversation: &innomed_core::Conversation,
    event: &innomed_core::OwnedEventId,
) -> Result<()> {
    if has_message(&conversation.messages().await, event) {
        Ok(())
    } else {
        Err(ConversationError::MessageNotFound.into())
    }
}

fn has_message(messages: &[innomed_core::CaseMessage], event: &innomed_core::OwnedEventId) -> bool {
    messages.iter().any(|m| m.event_id.as_ref() == Some(event))
}

async fn load_history(conversation: &innomed_core::Conversation, timeout: Duration) {
    if !matches!(conversation.load_history(timeout).await, Ok(true)) {
        eprintln!("innomed: the start of the case could not be loaded; showing what is here");
    }
}

async fn show(
    client: &InnomedClient,
    case_id: &str,
    wait_messages: usize,
    mark_read: bool,
    timeout: Duration,
) -> Result<Report> {
    let case = client.case(case_id)?;
    // A request of this GP that a specialist took is handed over now (this process may be
    // the only one running on the GP's machine).
    case.hand_over().await;
    let conversation = case.conversation().await?;
    load_history(&conversation, timeout).await;
    let deadline = Instant::now() + timeout;
    let mut messages = conversation.messages().await;
    loop {
        let readable = messages
            .iter()
            .filter(|m| matches!(m.kind, MessageKind::Text { .. }))
            .count();
        if readable >= wait_messages || Instant::now() >= deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        messages = conversation.messages().await;
    }
    if mark_read {
        conversation.mark_read().await?;
    }
    let status = case.status().await?;
    let header = messages.iter().find_map(|m| match &m.kind {
        MessageKind::Header { header: h } => Some((**h).clone()),
        _ => None,
    });
    let mut lines = vec![format!(
        "case {} — {}",
        output::line(case.code()),
        status
            .as_ref()
            .map_or("status unknown".to_owned(), |s| format!(
                "status {}, specialty {}, urgency {}",
                word(&s.status),
                output::line(s.specialty.as_deref().unwrap_or("-")),
                word(&s.urgency)
            ))
    )];
    if let Some(h) = &header {
        lines.push(format!(
            "patient {} ({}, {}) — reason: {} — question: {} — photo consent: {}",
            output::line(&h.patient_label),
            json!(h.age_band).as_str().unwrap_or("?"),
            json!(h.sex).as_str().unwrap_or("?"),
            output::text(&h.reason),
            output::text(&h.question),
            if h.photo_consent { "yes" } else { "no" }
        ));
    }
    let mut items = Vec::new();
    for m in &messages {
        let (kind, body) = match &m.kind {
            MessageKind::Text { body, .. } => ("text", body.clone()),
            MessageKind::Photo { photo: p } => ("photo", p.caption.clone().unwrap_or_default()),
            MessageKind::Document { document: d } => ("document", crate::files::describe(d)),
            MessageKind::Header { .. } => ("header", String::new()),
            MessageKind::Advice { advice: a } => (
                "advice",
                format!(
                    "{} — {} (in person: {})",
                    a.assessment,
                    a.recommendation,
                    json!(a.in_person).as_str().unwrap_or("?")
                ),
            ),
            MessageKind::Closure { outcome } => ("closure", outcome.clone()),
            MessageKind::CallBack { call_back } => ("call_back", call_back.display.clone()),
            MessageKind::Call => ("call", String::new()),
            MessageKind::UnableToDecrypt { reason } => ("unable_to_decrypt", format!("{reason:?}")),
            MessageKind::Untrusted => ("untrusted", String::new()),
            MessageKind::Rejected { event_type, reason } => {
                ("rejected", format!("{event_type} {reason:?}"))
            }
            MessageKind::Membership { user_id, change } => {
                ("membership", format!("{user_id} {change}"))
            }
            MessageKind::Redacted => ("redacted", String::new()),
            MessageKind::Other { event_type } => ("other", event_type.clone()),
        };
        if matches!(
            kind,
            "text"
                | "photo"
                | "document"
                | "unable_to_decrypt"
                | "untrusted"
                | "rejected"
                | "advice"
                | "closure"
                | "call_back"
                | "call"
        ) {
            let shown = match kind {
                "text" => body.clone(),
                "advice" => format!("🩺 advice: {body}"),
                "closure" => format!("■ case closed: {body}"),
                "call_back" => format!("☎ call me back on {body}"),
                "call" => "☎ called".to_owned(),
                "photo" => format!("📷 photo {body}").trim_end().to_owned(),
                "document" => format!("📄 {body}"),
                "untrusted" => "⚠ unencrypted message, not from a colleague's app".to_owned(),
                "rejected" => format!("⚠ not believed (breaks the case's rules): {body}"),
                _ => format!("🔒 (not decryptable: {body})"),
            };
            // Bodies keep their lines; everything else shown is one line.
            let shown = output::text(&shown);
            let mut line = format!("  {}: {shown}", output::line(&m.sender));
            if m.edited {
                line.push_str(" (edited)");
            }
            if let Some(by) = &m.shared_by {
                line.push_str(&format!(" [history shared by {}]", output::line(by)));
            }
            if !m.read_by.is_empty() {
                let readers: Vec<String> = m.read_by.iter().map(output::line).collect();
                line.push_str(&format!(" ✓ read by {}", readers.join(", ")));
            }
            for group in &m.reactions {
                line.push_str(&format!(
                    " {}×{}",
                    group.reaction.key(),
                    group.senders.len()
                ));
            }
            if m.send_state != SendState::Sent {
                line.push_str(" (queued)");
            }
            lines.push(line);
        }
        items.push(json!({
            "event_id": m.event_id, "sender": m.sender, "kind": kind, "body": body,
            "edited": m.edited, "in_reply_to": m.in_reply_to, "shared_by": m.shared_by,
            "read_by": m.read_by, "timestamp_ms": m.timestamp_ms,
            "reactions": m.reactions.iter().map(|g| json!({
                "reaction": g.reaction.key(), "senders": g.senders,
            })).collect::<Vec<_>>(),
            "sent": m.send_state == SendState::Sent,
        }));
    }
    Ok(Report {
        value: json!({
            "ok": true, "case": case_id, "code": case.code(),
            "status": status, "header": header.as_ref().map(header_json), "messages": items,
        }),
        text: lines.join("\n"),
    })
}

fn header_json(h: &CaseHeader) -> Value {
    json!(h)
}

fn case_json(c: &CaseSummary) -> Value {
    json!({
        "case": c.room_id, "code": c.code,
        "membership": match c.membership { Membership::Joined => "joined", Membership::Invited => "invited", Membership::Left => "left" },
        "status": c.status, "specialty": c.specialty, "urgency": c.urgency, "due_ms": c.due_ms,
        "unread": c.unread, "muted": c.muted, "inviter": c.inviter, "inviter_name": c.inviter_name,
        "archived": c.archived, "asked_by_me": c.asked_by_me, "waiting_for_me": c.waiting_for_me,
        "brief": c.brief.as_ref().map(|b| json!({
            "requester": b.requester, "specialty": b.specialty, "urgency": b.urgency,
            "due_ms": b.due_ms, "age_band": b.age_band, "sex": b.sex, "question": b.question,
        })),
        "last_message": c.last_message.as_ref().map(|m| json!({ "sender": m.sender, "body": m.body, "timestamp_ms": m.timestamp_ms })),
    })
}

/// `routine`, `soon` or `urgent`.
pub(crate) fn parse_urgency(text: &str) -> Result<Urgency, input::InputError> {
    serde_json::from_value(json!(text.trim()))
        .map_err(|_| input::InputError("urgency must be routine, soon or urgent".into()))
}

/// The wire name of a status, an urgency or a result's kind (`open`, `soon`, `header`…).
pub(crate) fn word<T: serde::Serialize>(value: &T) -> String {
    json!(value).as_str().unwrap_or("?").to_owned()
}

fn case_line(c: &CaseSummary) -> String {
    let status = match (c.membership, c.status) {
        (Membership::Invited, _) => "INVITED".to_owned(),
        (_, Some(s)) => word(&s).to_uppercase(),
        _ => "?".to_owned(),
    };
    let last = match (&c.inviter, &c.last_message) {
        (Some(inviter), _) => {
            // "Dr Benali (@id:server)": the name as the core gives it, and who exactly.
            let inviter = match c.inviter_name.as_deref() {
                Some(name) if name != inviter.as_str() => {
                    format!("{} ({})", output::line(name), output::line(inviter))
                }
                _ => output::line(inviter),
            };
            match &c.brief {
                Some(b) => format!(
                    " — asked by {inviter} ({}, {}): {}",
                    word(&b.age_band),
                    word(&b.sex),
                    output::line(&b.question)
                ),
                None => format!(" — invited by {inviter}"),
            }
        }
        (None, Some(m)) => format!(" — {}", output::line(&m.body)),
        (None, None) => String::new(),
    };
    format!(
        "{}  {:<9} {:<14} unread {:>2}{}  {}{}",
        output::line(&c.code),
        status,
        output::line(c.specialty.as_deref().unwrap_or("-")),
        c.unread,
        if c.muted { " muted" } else { "" },
        output::line(&c.room_id),
        last
    )
}

pub(crate) fn new_case(args: &CreateArgs) -> Result<NewCase> {
    let band = input::required(args.age_band.as_deref(), "age-band")?;
    let age_band: AgeBand = serde_json::from_value(json!(band)).map_err(|_| {
        input::InputError(format!(
            "unknown age band {:?} (0-1, 2-11, 12-17, 18-39, 40-64, 65-79, 80+)",
            output::line(band)
        ))
    })?;
    let sex: Sex = serde_json::from_value(json!(args.sex.as_deref().unwrap_or("unknown")))
        .map_err(|_| input::InputError("sex must be female, male, other or unknown".into()))?;
    let urgency = parse_urgency(args.urgency.as_deref().unwrap_or("routine"))?;
    Ok(NewCase {
        header: CaseHeader {
            patient_label: input::required(args.patient.as_deref(), "patient")?.to_owned(),
            age_band,
            sex,
            reason: input::required(args.reason.as_deref(), "reason")?.to_owned(),
            question: input::required(args.question.as_deref(), "question")?.to_owned(),
            photo_consent: args.photo_consent,
        },
        specialty: args.specialty.clone(),
        urgency,
        due_ms: None,
    })
}

fn parse_event_id(text: &str) -> Result<innomed_core::OwnedEventId> {
    innomed_core::OwnedEventId::try_from(text.trim()).map_err(|_| anyhow!("malformed event id"))
}

/// The password, from `INNOMED_PASSWORD` or the first line of stdin (hidden on a terminal).
fn read_password() -> Result<String> {
    read_secret("INNOMED_PASSWORD", "Mot de passe / Password: ")
}

/// A secret from the environment variable `env`, else a hidden prompt on a terminal, else one
/// line of stdin.
pub fn read_secret(env: &str, prompt: &str) -> Result<String> {
    if let Ok(p) = std::env::var(env) {
        return Ok(p);
    }
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(prompt).context("reading a secret");
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// The stable error code printed for scripts: the core's own code of the error.
pub fn error_code(error: &anyhow::Error) -> &'static str {
    if error.downcast_ref::<input::InputError>().is_some() {
        return "invalid_input";
    }
    if let Some(e) = error.downcast_ref::<AccountError>() {
        return e.code();
    }
    if let Some(e) = error.downcast_ref::<CaseError>() {
        return e.code();
    }
    if let Some(e) = error.downcast_ref::<innomed_core::TrustError>() {
        return e.code();
    }
    if let Some(e) = error.downcast_ref::<innomed_core::CptsError>() {
        return e.code();
    }
    if let Some(e) = error.downcast_ref::<innomed_core::PhotoError>() {
        return e.code();
    }
    if let Some(e) = error.downcast_ref::<ConversationError>() {
        return e.code();
    }
    if let Some(e) = error.downcast_ref::<innomed_core::SearchError>() {
        return e.code();
    }
    "error"
}

#[cfg(test)]
mod tests;

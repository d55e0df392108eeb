//! `cpts …`: the CPTS space (directory, duty rota) and the tele-expertise workflow: a request
//! routed to the specialist on duty, taken by the first to accept, answered with a structured
//! advice, closed with a report written on this device.

mod availability;
mod call_back;
mod partners;
mod rota;
mod routing;

use std::{path::PathBuf, time::Duration};

use anyhow::Result;
use clap::Subcommand;
use innomed_core::{
    cpts::{ParisTime, SPECIALTIES},
    Advice, CaseError, CaseRoom, Cpts, CptsError, DutySlot, EntryEdit, InPerson, InnomedClient,
    MemberEntry, NewMember, RequestFilter, TeleExpertiseRequest,
};
use serde_json::{json, Value};

use crate::{
    commands::CreateArgs,
    input,
    output::{self, Report},
};

#[derive(Subcommand)]
pub enum CptsAction {
    /// Create a CPTS space; you become its coordinator.
    Create {
        #[arg(long)]
        name: String,
    },
    /// Accept the coordinator's invitation to a CPTS.
    Join {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
    },
    /// Add a member to the directory (coordinator only); invites them into the space.
    AddMember {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        user: String,
        /// Display name, e.g. "Dr Anne Abel".
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = ["physician", "nurse", "pharmacist", "physiotherapist", "midwife", "dentist"])]
        profession: String,
        /// Specialty code (repeatable); see `innomed cpts specialties`.
        #[arg(long = "specialty")]
        specialties: Vec<String>,
        /// RPPS number: 11 digits, the last one its check digit.
        #[arg(long)]
        rpps: String,
        /// A retired specialist who still holds a few hours of duty.
        #[arg(long)]
        retired: bool,
    },
    /// Correct a member's entry (coordinator only): name, specialties, retired. The RPPS number
    /// stays; duty slots in a specialty taken away leave the rota.
    EditMember {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        user: String,
        #[arg(long)]
        name: String,
        /// Specialty code (repeatable): the whole new list.
        #[arg(long = "specialty")]
        specialties: Vec<String>,
        #[arg(long)]
        retired: bool,
    },
    /// Vouch for a member's identity as it is now (coordinator only), e.g. after checking with
    /// a member who changed phone or identity; adding a member vouches for them already.
    Attest {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        user: String,
    },
    /// Trust the colleagues the coordinators you verified vouch for; prints who was verified.
    ApplyAttestations,
    #[command(flatten)]
    Onboarding(crate::onboarding::JoinAction),
    #[command(flatten)]
    Availability(availability::AvailabilityAction),
    #[command(flatten)]
    Routing(routing::RoutingAction),
    #[command(flatten)]
    Partners(partners::PartnerAction),
    #[command(flatten)]
    CallBack(call_back::CallBackAction),
    /// Search the directory by specialty and part of a name.
    Directory {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        specialty: Option<String>,
        #[arg(long)]
        name: Option<String>,
    },
    /// Set a member's weekly duty slots (coordinator only), in Paris time.
    SetDuty {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        user: String,
        /// SPECIALTY:DAY:HH:MM-HH:MM, e.g. dermatology:mon:14:00-18:00 (repeatable).
        #[arg(long = "slot", required_unless_present = "clear")]
        slots: Vec<String>,
        /// Take the member off the rota.
        #[arg(long, conflicts_with = "slots")]
        clear: bool,
    },
    /// The duty rota by week, as every member reads it.
    Rota {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
    },
    /// Who is on duty now for a specialty.
    OnDuty {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[arg(long)]
        specialty: String,
    },
    /// The fixed list of specialty codes.
    Specialties,
    /// Ask the specialist on duty (or the one given with --expert). Needs --specialty.
    Request {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        #[command(flatten)]
        case: CreateArgs,
        /// The patient agreed to this tele-expertise (required).
        #[arg(long)]
        consent: bool,
        /// A specialist picked from the directory, instead of whoever is on duty.
        #[arg(long, value_name = "USER_ID")]
        expert: Option<String>,
        /// A photo sent with the request (repeatable; needs --photo-consent): only the
        /// specialist who takes it sees it.
        #[arg(long = "photo", value_name = "FILE")]
        photos: Vec<std::path::PathBuf>,
        /// Ask to be called back on this professional number (`06 12 34 56 78`): only the
        /// specialist who takes the request reads it.
        #[arg(long = "call-back", value_name = "PHONE")]
        call_back: Option<String>,
    },
    /// Take a request you were invited to: the first specialist to accept wins.
    Take {
        #[arg(long = "case")]
        case_id: String,
    },
    /// Answer a request you took with a structured advice.
    Advise {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long, required_unless_present = "from_json")]
        assessment: Option<String>,
        #[arg(long, required_unless_present = "from_json")]
        recommendation: Option<String>,
        #[arg(
            long,
            required_unless_present = "from_json",
            value_parser = ["not-needed", "routine", "within-48h", "urgent"]
        )]
        in_person: Option<String>,
        /// Read these fields from a JSON object in this file (`-`: stdin) instead of the
        /// command line, which other users of the machine can see. Keys: assessment,
        /// recommendation, in-person.
        #[arg(long, value_name = "PATH")]
        from_json: Option<PathBuf>,
    },
    /// Your tele-expertise requests, soonest due first.
    Requests {
        #[arg(long, default_value = "open", value_parser = ["open", "overdue", "answered"])]
        filter: String,
    },
    /// Deadline reminders not shown yet (each is given once).
    Alerts,
    /// Close an answered request: the report (JSON and PDF) is written into --out only.
    Close {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long, required_unless_present = "from_json")]
        outcome: Option<String>,
        #[arg(long)]
        out: PathBuf,
        /// Read the outcome from a JSON object `{"outcome": "…"}` in this file (`-`: stdin)
        /// instead of the command line, which other users of the machine can see.
        #[arg(long, value_name = "PATH")]
        from_json: Option<PathBuf>,
    },
    /// Open a shared case for members of the directory following one patient.
    CareTeam {
        #[arg(long = "cpts", value_name = "SPACE_ID")]
        space_id: String,
        /// A member's user id (repeatable).
        #[arg(long = "member", required = true)]
        members: Vec<String>,
        #[command(flatten)]
        case: CreateArgs,
    },
}

impl CptsAction {
    /// Before the account is opened: the fields of `--from-json` taken into the action, and
    /// checked, so that bad input fails fast and nothing is sent.
    pub fn resolve_inputs(&mut self) -> Result<()> {
        match self {
            Self::Request { case, .. } => {
                case.resolve()?.specialty.ok_or_else(no_specialty)?;
            }
            Self::CareTeam { case, .. } => {
                case.resolve()?;
            }
            Self::Advise {
                assessment,
                recommendation,
                in_person,
                from_json,
                ..
            } => {
                input::fill(from_json.take().as_deref(), |json| {
                    json.string("assessment", assessment)?;
                    json.string("recommendation", recommendation)?;
                    json.string("in-person", in_person)
                })?;
                input::required(assessment.as_deref(), "assessment")?;
                input::required(recommendation.as_deref(), "recommendation")?;
                parse_in_person(input::required(in_person.as_deref(), "in-person")?)?;
            }
            Self::Close {
                outcome, from_json, ..
            } => {
                input::fill(from_json.take().as_deref(), |json| {
                    json.string("outcome", outcome)
                })?;
                input::required(outcome.as_deref(), "outcome")?;
            }
            _ => {}
        }
        Ok(())
    }
}

pub async fn run(client: &InnomedClient, action: CptsAction, timeout: Duration) -> Result<Report> {
    Ok(match action {
        CptsAction::Onboarding(action) => crate::onboarding::run(client, action).await?,
        CptsAction::Availability(action) => availability::run(client, action).await?,
        CptsAction::Routing(action) => routing::run(client, action).await?,
        CptsAction::Partners(action) => partners::run(client, action).await?,
        CptsAction::CallBack(action) => call_back::run(client, action).await?,
        CptsAction::Create { name } => {
            let cpts = client.create_cpts(&name).await.map_err(typed)?;
            let id = cpts.space_id().to_string();
            let text = output::line(&id);
            report(json!({ "ok": true, "cpts": id, "name": cpts.name() }), text)
        }
        CptsAction::Join { space_id } => {
            // The invitation may reach this device a moment after the first sync.
            let found = wait_for(
                timeout,
                || client.cpts(&space_id),
                |e: &CptsError| matches!(e, CptsError::NotFound),
            );
            let cpts = found.await.map_err(typed)?;
            cpts.join().await.map_err(typed)?;
            let text = format!("joined the CPTS {}", output::line(cpts.name()));
            report(
                json!({ "ok": true, "cpts": space_id, "joined": true }),
                text,
            )
        }
        CptsAction::AddMember {
            space_id,
            user,
            name,
            profession,
            specialties,
            rpps,
            retired,
        } => {
            let new = NewMember {
                display_name: name,
                profession: from_wire(&profession, "profession")?,
                specialties,
                rpps,
                retired,
            };
            let added = space(client, &space_id)?.add_member(&user, new).await;
            let entry = added.map_err(typed)?;
            let text = format!("added: {}", member_line(&entry));
            report(json!({ "ok": true, "member": member_json(&entry) }), text)
        }
        CptsAction::EditMember {
            space_id,
            user,
            name,
            specialties,
            retired,
        } => {
            let edit = EntryEdit {
                display_name: name,
                specialties,
                retired,
            };
            let edited = space(client, &space_id)?.edit_member(&user, edit).await;
            let entry = edited.map_err(typed)?;
            let text = format!("edited: {}", member_line(&entry));
            report(json!({ "ok": true, "member": member_json(&entry) }), text)
        }
        CptsAction::Attest { space_id, user } => {
            space(client, &space_id)?
                .attest(&user)
                .await
                .map_err(typed)?;
            let text = format!("identity of {} vouched for", output::line(&user));
            report(
                json!({ "ok": true, "cpts": space_id, "attested": user }),
                text,
            )
        }
        CptsAction::ApplyAttestations => {
            let verified: Vec<String> = client
                .apply_attestations()
                .await
                .into_iter()
                .map(|u| u.to_string())
                .collect();
            let text = if verified.is_empty() {
                "nobody newly verified".to_owned()
            } else {
                format!(
                    "verified on the CPTS's word: {}",
                    verified
                        .iter()
                        .map(output::line)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            report(json!({ "ok": true, "verified": verified }), text)
        }
        CptsAction::Directory {
            space_id,
            specialty,
            name,
        } => {
            let cpts = space(client, &space_id)?;
            let found = cpts.search(specialty.as_deref(), name.as_deref()).await;
            members(&found.map_err(typed)?, "no member found")
        }
        CptsAction::SetDuty {
            space_id,
            user,
            slots,
            clear,
        } => {
            let slots: Vec<DutySlot> = if clear {
                Vec::new()
            } else {
                slots
                    .iter()
                    .map(|s| rota::parse_slot(s))
                    .collect::<Result<_>>()?
            };
            let count = slots.len();
            let set = space(client, &space_id)?.set_duty(&user, slots).await;
            set.map_err(typed)?;
            let who = output::line(&user);
            let text = match count {
                0 => format!("{who} is off the rota"),
                n => format!("{n} duty slot(s) set for {who}"),
            };
            report(json!({ "ok": true, "user": user, "slots": count }), text)
        }
        CptsAction::Rota { space_id } => {
            let cpts = space(client, &space_id)?;
            let directory = cpts.directory().await.map_err(typed)?;
            let slots = cpts.rota().await.map_err(typed)?;
            rota::week(&directory, &slots)
        }
        CptsAction::OnDuty {
            space_id,
            specialty,
        } => {
            let found = space(client, &space_id)?.on_duty_now(&specialty).await;
            members(&found.map_err(typed)?, "nobody is on duty now")
        }
        CptsAction::Specialties => list(
            "specialties",
            SPECIALTIES.iter().map(|s| {
                let line = format!("{:<24} {} / {}", s.code, s.fr, s.en);
                (json!({ "code": s.code, "fr": s.fr, "en": s.en }), line)
            }),
            "",
        ),
        CptsAction::Request {
            space_id,
            case,
            consent,
            expert,
            photos,
            call_back,
        } => {
            let asked = Asked {
                consent,
                expert,
                photos,
                call_back,
            };
            request(client, &space_id, case, asked).await?
        }
        CptsAction::Take { case_id } => {
            let found = wait_for(
                timeout,
                || client.case(&case_id),
                |e: &CaseError| matches!(e, CaseError::NotFound),
            );
            let case = found.await?;
            case.take_request().await.map_err(typed)?;
            let code = case.code();
            let text = format!(
                "request {} taken: it is yours to answer",
                output::line(&code)
            );
            report(
                json!({ "ok": true, "case": case_id, "code": code, "taken": true }),
                text,
            )
        }
        CptsAction::Advise {
            case_id,
            assessment,
            recommendation,
            in_person,
            from_json: _,
        } => {
            let advice = Advice {
                assessment: input::required(assessment.as_deref(), "assessment")?.to_owned(),
                recommendation: input::required(recommendation.as_deref(), "recommendation")?
                    .to_owned(),
                in_person: parse_in_person(input::required(in_person.as_deref(), "in-person")?)?,
            };
            let case = client.case(&case_id)?;
            // The request is readable, and writable, once the GP's device has handed it over.
            let deadline = tokio::time::Instant::now() + timeout;
            while case.awaiting_handover().await? && tokio::time::Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            let sent = case.send_advice(advice).await;
            sent.map_err(typed)?;
            let text = "advice sent; the request is answered".to_owned();
            report(
                json!({ "ok": true, "case": case_id, "status": "answered" }),
                text,
            )
        }
        CptsAction::Requests { filter } => {
            let filter = match filter.as_str() {
                "overdue" => RequestFilter::Overdue,
                "answered" => RequestFilter::Answered,
                _ => RequestFilter::Open,
            };
            let rows = client.requests(filter).await.into_iter().map(|r| {
                let c = r.case;
                let line = format!(
                    "{}  {:<9} {:<18} {:<8} due {:<16}  {:<8}  {}",
                    output::line(&c.code),
                    c.status.map_or("?".to_owned(), |s| wire(&s)),
                    output::line(c.specialty.as_deref().unwrap_or("-")),
                    wire(&c.urgency),
                    due_text(c.due_ms),
                    wire(&r.deadline),
                    output::line(&c.room_id)
                );
                let value = json!({
                    "case": c.room_id, "code": c.code, "status": c.status,
                    "specialty": c.specialty, "urgency": c.urgency, "due_ms": c.due_ms,
                    "due": due_text(c.due_ms), "deadline": r.deadline,
                });
                (value, line)
            });
            list("requests", rows, "no requests")
        }
        CptsAction::Alerts => {
            let rows = client.take_deadline_alerts().await.into_iter().map(|a| {
                let due = due_text(Some(a.due_ms));
                let state = wire(&a.state);
                let (code, room) = (output::line(&a.code), output::line(&a.room_id));
                let line = format!("{code} {state} — due {due} ({room})");
                let value = json!({
                    "case": a.room_id, "code": a.code, "state": a.state,
                    "due_ms": a.due_ms, "due": due,
                });
                (value, line)
            });
            list("alerts", rows, "no new reminders")
        }
        CptsAction::Close {
            case_id,
            outcome,
            out,
            from_json: _,
        } => {
            let outcome = input::required(outcome.as_deref(), "outcome")?;
            let closing = client
                .case(&case_id)?
                .close_with_report(outcome, &out)
                .await;
            let closed = closing.map_err(typed)?;
            let code = closed.report.case_code;
            let json_path = closed.json_path.display().to_string();
            let pdf_path = closed.pdf_path.display().to_string();
            let text = format!(
                "case {} closed; report on this device:\n  {}\n  {}",
                output::line(&code),
                output::line(&json_path),
                output::line(&pdf_path)
            );
            let value = json!({
                "ok": true, "case": case_id, "code": code, "json": json_path, "pdf": pdf_path,
            });
            report(value, text)
        }
        CptsAction::CareTeam {
            space_id,
            members,
            case,
        } => {
            let header = crate::commands::new_case(&case)?.header;
            let opened = space(client, &space_id)?
                .open_care_team(header, &members)
                .await;
            opened_report(&opened.map_err(typed)?, "care team")
        }
    })
}

/// What a request asks besides its case fields.
struct Asked {
    consent: bool,
    expert: Option<String>,
    photos: Vec<std::path::PathBuf>,
    call_back: Option<String>,
}

async fn request(
    client: &InnomedClient,
    space_id: &str,
    args: CreateArgs,
    asked: Asked,
) -> Result<Report> {
    let Asked {
        consent,
        expert,
        photos,
        call_back,
    } = asked;
    let new = crate::commands::new_case(&args)?;
    let specialty = new.specialty.ok_or_else(no_specialty)?;
    let request = TeleExpertiseRequest {
        specialty,
        urgency: new.urgency,
        header: new.header,
        patient_consent: consent,
        expert,
        photos: photos
            .into_iter()
            .map(|path| innomed_core::RequestPhoto {
                source: innomed_core::PhotoSource::File(path),
                caption: None,
            })
            .collect(),
        call_back,
    };
    match space(client, space_id)?.open_request(request).await {
        Ok(case) => Ok(opened_report(&case, "request")),
        Err(CptsError::NoOneOnDuty {
            specialty,
            directory,
        }) => {
            let offered = if directory.is_empty() {
                format!("no {specialty} specialist in the directory either")
            } else {
                let rows: Vec<String> = directory.iter().map(member_line).collect();
                format!(
                    "the directory offers (pick one with --expert):\n  {}",
                    rows.join("\n  ")
                )
            };
            let message = format!(
                "nobody is on duty now for {}; {offered}",
                output::line(&specialty)
            );
            let e = CptsError::NoOneOnDuty {
                specialty,
                directory,
            };
            Err(anyhow::Error::new(e).context(message))
        }
        Err(e) => Err(typed(e)),
    }
}

fn no_specialty() -> anyhow::Error {
    anyhow::Error::new(input::InputError(
        "a request needs --specialty, or \"specialty\" in the --from-json object (see `innomed \
         cpts specialties`)"
            .to_owned(),
    ))
}

fn report(value: Value, text: String) -> Report {
    Report { value, text }
}

fn opened_report(case: &CaseRoom, what: &str) -> Report {
    let (room_id, code) = (case.room_id().to_string(), case.code());
    let text = format!(
        "{what} {} opened ({})",
        output::line(&code),
        output::line(&room_id)
    );
    report(json!({ "ok": true, "case": room_id, "code": code }), text)
}

/// A list: its JSON rows under `key`, its lines as text (`empty` when there are none).
fn list(key: &str, rows: impl Iterator<Item = (Value, String)>, empty: &str) -> Report {
    let (values, lines): (Vec<Value>, Vec<String>) = rows.unzip();
    let mut value = json!({ "ok": true });
    value[key] = Value::Array(values);
    let text = if lines.is_empty() {
        empty.to_owned()
    } else {
        lines.join("\n")
    };
    report(value, text)
}

fn members(found: &[MemberEntry], empty: &str) -> Report {
    let rows = found.iter().map(|m| (member_json(m), member_line(m)));
    list("members", rows, empty)
}

/// A CPTS space already known to this device.
pub(crate) fn space(client: &InnomedClient, space_id: &str) -> Result<Cpts> {
    client.cpts(space_id).map_err(typed)
}

/// Retries `get` while it reports something not (yet) known, up to `timeout`.
async fn wait_for<T, E>(
    timeout: Duration,
    get: impl Fn() -> Result<T, E>,
    missing: impl Fn(&E) -> bool,
) -> Result<T, E> {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        match get() {
            Err(e) if missing(&e) && tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            other => return other,
        }
    }
}

/// Keeps the error typed for `error_code`; a case error is reported as one.
pub(crate) fn typed(e: CptsError) -> anyhow::Error {
    match e {
        CptsError::Case(e) => anyhow::Error::new(e),
        CptsError::Photo(e) => anyhow::Error::new(e),
        other => anyhow::Error::new(other),
    }
}

pub(crate) fn member_json(m: &MemberEntry) -> Value {
    json!({
        "user_id": m.user_id, "name": m.display_name, "profession": m.profession,
        "specialties": m.specialties, "rpps": m.rpps.as_str(), "retired": m.retired,
    })
}

pub(crate) fn member_line(m: &MemberEntry) -> String {
    let (profession, specialties) = (wire(&m.profession), output::line(m.specialties.join(",")));
    let retired = if m.retired { "  retired" } else { "" };
    let user = output::line(&m.user_id);
    let (name, rpps) = (output::line(&m.display_name), output::line(m.rpps.as_str()));
    format!("{user}  {name}  {profession}  {specialties}  RPPS {rpps}{retired}")
}

/// The wire name of a status, urgency, profession or deadline state (`answered`, `due_soon`…).
fn wire<T: serde::Serialize>(value: &T) -> String {
    json!(value).as_str().unwrap_or("?").to_owned()
}

/// A value from its wire name; dashes stand for underscores (`within-48h`).
fn from_wire<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_value(json!(text.trim().replace('-', "_"))).map_err(|_| {
        let message = format!("unknown {what} {:?}", output::line(text));
        anyhow::Error::new(input::InputError(message))
    })
}

/// A due date in Paris time, `23/11/2026 14:05`.
fn due_text(due_ms: Option<u64>) -> String {
    due_ms
        .and_then(|ms| i64::try_from(ms).ok())
        .map_or("-".to_owned(), |ms| ParisTime::from_unix_ms(ms).format_fr())
}

fn parse_in_person(text: &str) -> Result<InPerson> {
    from_wire(
        text,
        "in-person value (not-needed, routine, within-48h, urgent)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_line_shows_a_hostile_display_name_inert() {
        let member = MemberEntry {
            user_id: "@derm:hs".try_into().expect("user id"),
            display_name: "Dr B\u{1b}]8;;https://evil.example/\u{7}\nfaux\u{2066}".to_owned(),
            profession: innomed_core::Profession::Physician,
            specialties: vec!["dermatology".to_owned()],
            rpps: innomed_core::Rpps::with_check_digit("1000000000").expect("rpps"),
            retired: false,
        };
        let line = member_line(&member);
        assert!(
            !line.contains(['\u{1b}', '\u{7}', '\n', '\u{2066}']),
            "{line:?}"
        );
        assert!(line.starts_with("@derm:hs  Dr B␛]8;;https://evil.example/␇␊faux\\u{2066}  "));
    }

    #[test]
    fn in_person_values() {
        assert_eq!(
            parse_in_person("not-needed").expect("ok"),
            InPerson::NotNeeded
        );
        assert_eq!(
            parse_in_person("within_48h").expect("ok"),
            InPerson::Within48h
        );
        assert_eq!(parse_in_person("urgent").expect("ok"), InPerson::Urgent);
        assert_eq!(parse_in_person("routine").expect("ok"), InPerson::Routine);
        assert!(parse_in_person("soon").is_err());
    }
}

//! The CPTS and the télé-expertise workflow against the real Synapse: a coordinator, a GP, two
//! dermatologists and a cardiologist, each on their own device, with a clock the test moves.

use std::sync::Arc;

use innomed_core::{
    cpts::{paris::to_unix_ms, Clock, ManualClock, Rpps},
    requests::{EXPERT_ACT, REQUESTER_ACT},
    Advice, AgeBand, CaseAction, CaseError, CaseHeader, CaseRole, CaseStatus, CptsError,
    DeadlineState, DutySlot, HandoverWait, HitKind, InPerson, Membership, MessageKind, NewMember,
    Profession, RequestFilter, Sex, TeleExpertiseRequest, Urgency, Weekday,
};
use innomed_harness::Homeserver;
use rand::Rng;

use crate::support::{case_seen_by, eventually, marker, Doctor};

mod steps;
pub(crate) use steps::{advice_reaches_the_gp, gp_confirms_taker, handed_over, invited_in};

/// A doctor of the territory, with their directory entry's RPPS.
pub(crate) struct Member {
    pub(crate) doctor: Doctor,
    pub(crate) rpps: Rpps,
}

/// The CPTS of the scenario (also the stage of the integrity suite's hostile members).
pub(crate) struct Territory {
    pub(crate) clock: Arc<ManualClock>,
    pub(crate) space_id: String,
    pub(crate) coordinator: Doctor,
    pub(crate) gp: Member,
    pub(crate) derm_on_duty: Member,
    pub(crate) derm_off_duty: Member,
    pub(crate) cardiologist: Member,
}

pub(crate) fn fresh_rpps() -> Rpps {
    let first_ten = format!("10{:08}", rand::thread_rng().gen_range(0..100_000_000u32));
    Rpps::with_check_digit(&first_ten).expect("ten digits")
}

pub(crate) fn slot(specialty: &str, weekday: Weekday, from_hour: u16, to_hour: u16) -> DutySlot {
    DutySlot {
        specialty: specialty.to_owned(),
        weekday,
        start_minute: from_hour * 60,
        end_minute: to_hour * 60,
    }
}

/// Monday 23 November 2026, 14:05 in Paris.
fn monday_afternoon() -> i64 {
    to_unix_ms(2026, 11, 23, 14, 5).expect("date")
}

impl Territory {
    pub(crate) async fn new(hs_url: &str) -> Self {
        Self::across(hs_url, hs_url).await
    }

    /// The same CPTS with its coordinator, GP and second dermatologist on `home`, and the
    /// dermatologist on duty and the cardiologist on `partner` (another homeserver of the
    /// federation, or the same one).
    pub(crate) async fn across(home: &str, partner: &str) -> Self {
        let clock = ManualClock::new(monday_afternoon());
        let coordinator = Doctor::register(home, "coord").await;
        let mut members = Vec::new();
        for (name, hs_url) in [
            ("gp", home),
            ("derm-a", partner),
            ("derm-b", home),
            ("cardio", partner),
        ] {
            let doctor = Doctor::register(hs_url, name).await;
            doctor.client.set_clock(clock.clone() as Arc<dyn Clock>);
            members.push(Member {
                doctor,
                rpps: fresh_rpps(),
            });
        }
        let cpts = coordinator
            .client
            .create_cpts("CPTS du Val d'Essai")
            .await
            .expect("space");
        let space_id = cpts.space_id().to_string();
        let entries = [
            ("Dr Gilles Généraliste", "general_practice"),
            ("Dr Hélène Lefèvre", "dermatology"),
            ("Dr Bruno Derme", "dermatology"),
            ("Dr Claire Cœur", "cardiology"),
        ];
        for (member, (name, specialty)) in members.iter().zip(entries) {
            cpts.add_member(
                &member.doctor.user_id,
                NewMember {
                    display_name: name.to_owned(),
                    profession: Profession::Physician,
                    specialties: vec![specialty.to_owned()],
                    rpps: member.rpps.to_string(),
                    retired: specialty == "dermatology" && name.contains("Bruno"),
                },
            )
            .await
            .expect("member added");
        }
        for member in &members {
            let space = eventually("the CPTS invitation", || async {
                member.doctor.client.cpts(&space_id).ok()
            })
            .await;
            space.join().await.expect("join the CPTS");
        }
        let [gp, derm_on_duty, derm_off_duty, cardiologist]: [Member; 4] =
            members.try_into().ok().expect("four members");
        cpts.set_duty(
            &derm_on_duty.doctor.user_id,
            vec![slot("dermatology", Weekday::Monday, 14, 18)],
        )
        .await
        .expect("rota");
        cpts.set_duty(
            &derm_off_duty.doctor.user_id,
            vec![slot("dermatology", Weekday::Tuesday, 9, 12)],
        )
        .await
        .expect("rota");
        cpts.set_duty(
            &cardiologist.doctor.user_id,
            vec![slot("cardiology", Weekday::Wednesday, 8, 20)],
        )
        .await
        .expect("rota");
        Self {
            clock,
            space_id,
            coordinator,
            gp,
            derm_on_duty,
            derm_off_duty,
            cardiologist,
        }
    }

    /// Puts the second dermatologist on duty too (Monday afternoon): a request then goes to both.
    pub(crate) async fn both_dermatologists_on_duty(&self) {
        self.coordinator
            .client
            .cpts(&self.space_id)
            .expect("space")
            .set_duty(
                &self.derm_off_duty.doctor.user_id,
                vec![slot("dermatology", Weekday::Monday, 14, 18)],
            )
            .await
            .expect("rota");
    }

    pub(crate) fn request(&self, specialty: &str, question: &str) -> TeleExpertiseRequest {
        request_for(specialty, question)
    }
}

/// A request of the scenario: the same patient, this specialty and question, due soon.
pub(crate) fn request_for(specialty: &str, question: &str) -> TeleExpertiseRequest {
    TeleExpertiseRequest {
        specialty: specialty.to_owned(),
        urgency: Urgency::Soon,
        header: CaseHeader {
            patient_label: "M.D.".into(),
            age_band: AgeBand::Adult,
            sex: Sex::Female,
            reason: "Lésion pigmentée du dos".into(),
            question: question.to_owned(),
            photo_consent: true,
        },
        patient_consent: true,
        expert: None,
        photos: Vec::new(),
        call_back: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_reaches_the_specialist_on_duty_and_ends_with_a_local_report() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");

    // The directory: search by specialty and by a name typed without accents.
    let derms = gp_cpts
        .search(Some("dermatology"), None)
        .await
        .expect("search");
    assert_eq!(derms.len(), 2);
    let found = gp_cpts.search(None, Some("lefevre")).await.expect("search");
    assert_eq!(found[0].user_id.as_str(), t.derm_on_duty.doctor.user_id);
    assert!(found[0].has_specialty("dermatology"));
    let on_duty = gp_cpts.on_duty_now("dermatology").await.expect("rota");
    let on_duty: Vec<_> = on_duty.iter().map(|m| m.user_id.to_string()).collect();
    assert_eq!(
        on_duty,
        std::slice::from_ref(&t.derm_on_duty.doctor.user_id)
    );
    // The rota by week, as every member reads it; only the coordinator is told to edit it.
    let rota = gp_cpts.rota().await.expect("rota");
    let monday = rota
        .iter()
        .find(|(user, _)| user.as_str() == t.derm_on_duty.doctor.user_id)
        .map(|(_, slots)| slots.clone());
    assert_eq!(
        monday,
        Some(vec![slot("dermatology", Weekday::Monday, 14, 18)])
    );
    assert!(!gp_cpts.is_coordinator());
    let coordinator_cpts = t.coordinator.client.cpts(&t.space_id).expect("space");
    assert!(coordinator_cpts.is_coordinator());

    let question = marker("QUESTION");
    let case = gp_cpts
        .open_request(t.request("dermatology", &question))
        .await
        .expect("request opened");
    let room_id = case.room_id().to_string();

    // Only the dermatologist on duty is invited.
    let invitation = case_seen_by(&t.derm_on_duty.doctor, &room_id).await;
    assert_eq!(invitation.membership(), Membership::Invited);
    // Her list names who asks as the CPTS directory does, not by an opaque account id.
    let derm_list = t.derm_on_duty.doctor.client.case_list();
    eventually("the GP named in the specialist's list", || async {
        let row = derm_list
            .current()
            .await
            .into_iter()
            .find(|c| c.room_id.as_str() == room_id)?;
        (row.inviter_name.as_deref() == Some("Dr Gilles Généraliste")).then_some(())
    })
    .await;
    let invited = invited_in(&case).await;
    assert_eq!(
        invited,
        std::slice::from_ref(&t.derm_on_duty.doctor.user_id)
    );
    for other in [&t.derm_off_duty, &t.cardiologist] {
        assert!(other.doctor.client.case(&room_id).is_err());
    }

    invitation.take_request().await.expect("request taken");
    let taken = eventually("the GP to see the request accepted", || async {
        let status = case.status().await.ok().flatten()?;
        (status.status == CaseStatus::Accepted).then_some(status)
    })
    .await;
    assert_eq!(
        taken.accepted_by.map(|u| u.to_string()),
        Some(t.derm_on_duty.doctor.user_id.clone())
    );
    // The GP verified neither the specialist nor the coordinator: his device hands the request
    // over once he confirms her, as his screen asks him to.
    let asked = eventually("the GP asked to confirm the taker", || async {
        let mine = case.allowed_actions().await.ok()?;
        (mine.handover == Some(HandoverWait::ConfirmTaker)).then_some(mine)
    })
    .await;
    assert_eq!(asked.actions, vec![CaseAction::ConfirmMember]);
    case.confirm_member(&t.derm_on_duty.doctor.user_id)
        .await
        .expect("taker confirmed");

    // Deadlines follow the clock: due in 48 h, a reminder 12 h before, then overdue.
    let gp = &t.gp.doctor.client;
    let open = gp.requests(RequestFilter::Open).await;
    let row = open
        .iter()
        .find(|r| r.case.room_id.as_str() == room_id)
        .expect("listed as open");
    assert_eq!(row.deadline, DeadlineState::OnTime);
    assert_eq!(
        row.case.deadline.map(|d| d.state),
        Some(DeadlineState::OnTime),
        "every list row carries the core's deadline"
    );
    assert_eq!(
        row.case.due_ms,
        Some(u64::try_from(monday_afternoon() + 48 * 3_600_000).expect("positive"))
    );
    assert!(gp.take_deadline_alerts().await.is_empty());
    t.clock.advance_minutes(37 * 60);
    let alerts = gp.take_deadline_alerts().await;
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].state, DeadlineState::DueSoon);
    assert!(
        gp.take_deadline_alerts().await.is_empty(),
        "each reminder is given once"
    );
    assert!(gp.requests(RequestFilter::Overdue).await.is_empty());
    t.clock.advance_minutes(12 * 60);
    let overdue = gp.requests(RequestFilter::Overdue).await;
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].case.room_id.as_str(), room_id);
    assert_eq!(
        gp.take_deadline_alerts().await[0].state,
        DeadlineState::Overdue
    );

    // The specialist answers with a structured advice; only they may.
    let assessment = marker("ASSESSMENT");
    let advice = Advice {
        assessment: assessment.clone(),
        recommendation: "Exérèse à programmer, pas d'urgence".into(),
        in_person: InPerson::Within48h,
    };
    assert!(matches!(
        case.send_advice(advice.clone()).await,
        Err(CptsError::NotAllowed)
    ));
    let specialist_case = t.derm_on_duty.doctor.client.case(&room_id).expect("joined");
    // She writes once the GP's device has handed the request over (as her app waits).
    eventually("the request handed over to the specialist", || async {
        (!specialist_case.awaiting_handover().await.ok()?).then_some(())
    })
    .await;
    // What each may do now, as every screen shows it: decided by the core.
    let theirs = specialist_case.allowed_actions().await.expect("actions");
    assert_eq!(theirs.role, CaseRole::Taker);
    assert_eq!(theirs.actions, vec![CaseAction::Write, CaseAction::Advise]);
    assert_eq!(theirs.handover, None);
    assert_eq!(
        theirs.deadline.map(|d| d.state),
        Some(DeadlineState::Overdue)
    );
    let mine = case.allowed_actions().await.expect("actions");
    assert_eq!(mine.role, CaseRole::Requester);
    assert_eq!(mine.actions, vec![CaseAction::Write]);
    // The case's members are named as the CPTS directory names them, not by their Matrix ids.
    let members = case.members().await.expect("members");
    let taker = members
        .iter()
        .find(|m| m.user_id.as_str() == t.derm_on_duty.doctor.user_id)
        .expect("the taker is a member");
    assert_eq!(taker.display_name, "Dr Hélène Lefèvre");
    assert_eq!(taker.specialties, vec!["dermatology".to_owned()]);
    assert!(taker.in_directory);
    assert_eq!(
        t.gp.doctor
            .client
            .display_name(&t.derm_on_duty.doctor.user_id)
            .await,
        "Dr Hélène Lefèvre"
    );
    advice_reaches_the_gp(&specialist_case, &case, &advice).await;
    eventually(
        "the GP may close the answered request with its report",
        || async {
            let mine = case.allowed_actions().await.ok()?;
            (mine.actions == vec![CaseAction::Write, CaseAction::CloseWithReport]
                && mine.deadline.map(|d| d.state) == Some(DeadlineState::Done))
            .then_some(())
        },
    )
    .await;
    eventually("the request listed as answered", || async {
        let answered = gp.requests(RequestFilter::Answered).await;
        answered
            .iter()
            .any(|r| r.case.room_id.as_str() == room_id && r.deadline == DeadlineState::Done)
            .then_some(())
    })
    .await;
    assert!(gp.requests(RequestFilter::Overdue).await.is_empty());
    // The advice is found on both devices, the case by its taker's name as the directory has it.
    let specialist = &t.derm_on_duty.doctor.client;
    for client in [gp, specialist] {
        crate::search::found(client, &assessment, HitKind::Advice).await;
    }
    crate::search::found(gp, "lefevre dermatologie", HitKind::Case).await;

    // Closing writes the report on the GP's device only.
    let reports = tempfile::tempdir().expect("dir");
    let uploads_before = hs.uploads_of(&t.gp.doctor.user_id).expect("uploads");
    let closed = case
        .close_with_report("Patiente adressée en consultation", reports.path())
        .await
        .expect("closed with a report");
    assert!(
        case.allowed_actions()
            .await
            .expect("actions")
            .actions
            .is_empty(),
        "nothing more to do in a closed request"
    );
    crate::search::found(gp, "adressee en consultation", HitKind::Closure).await;
    let report = &closed.report;
    assert_eq!(report.question, question);
    assert_eq!(report.advice.assessment, assessment);
    assert_eq!(report.requester.rpps, t.gp.rpps);
    assert_eq!(report.requester.act_code, REQUESTER_ACT);
    assert_eq!(report.expert.rpps, t.derm_on_duty.rpps);
    assert_eq!(report.expert.act_code, EXPERT_ACT);
    assert!(report.requested_at_ms <= report.answered_at_ms);
    assert_eq!(
        report.closed_at_ms,
        u64::try_from(t.clock.now_ms()).expect("positive")
    );

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&closed.json_path).expect("json file"))
            .expect("json");
    {
        use std::os::unix::fs::PermissionsExt;
        for path in [&closed.json_path, &closed.pdf_path] {
            let mode = std::fs::metadata(path).expect("file").permissions().mode();
            assert_eq!(
                mode & 0o777,
                0o600,
                "{} is readable by others",
                path.display()
            );
        }
    }
    assert_eq!(json["question"], question.as_str());
    assert_eq!(json["advice"]["assessment"], assessment.as_str());
    assert_eq!(json["requester"]["act_code"], "RQD");
    assert_eq!(json["expert"]["act_code"], "TE2");
    assert_eq!(json["expert"]["rpps"], t.derm_on_duty.rpps.as_str());

    // A PDF reader sees the question, the advice, both RPPS and the act codes.
    let pdf_text = read_pdf_text(&closed.pdf_path);
    for needle in [
        question.as_str(),
        assessment.as_str(),
        t.gp.rpps.as_str(),
        t.derm_on_duty.rpps.as_str(),
        "RQD",
        "TE2",
        "Compte rendu de télé-expertise",
        "Dermatologie",
    ] {
        assert!(pdf_text.contains(needle), "{needle:?} not in the PDF text");
    }

    // Nothing of it on the server: no upload, no question or advice in its database.
    assert_eq!(
        hs.uploads_of(&t.gp.doctor.user_id).expect("uploads").len(),
        uploads_before.len()
    );
    for secret in [&question, &assessment] {
        assert!(!hs.database_contains(secret).expect("db"));
    }
    eventually("the specialist to see the case closed", || async {
        let conversation = specialist_case.conversation().await.ok()?;
        let closed = conversation
            .messages()
            .await
            .into_iter()
            .any(|m| matches!(m.kind, MessageKind::Closure { .. }));
        closed.then_some(())
    })
    .await;
    let _ = &t.coordinator;
}

/// The text of a PDF as Python's pypdf reads it (from the test venv).
fn read_pdf_text(path: &std::path::Path) -> String {
    let python = innomed_harness::ensure_synapse().expect("venv");
    let output = std::process::Command::new(python)
        .args([
            "-c",
            "import sys, pypdf\n\
             r = pypdf.PdfReader(sys.argv[1], strict=True)\n\
             print('\\n'.join(p.extract_text() for p in r.pages))",
        ])
        .arg(path)
        .output()
        .expect("pypdf runs");
    assert!(
        output.status.success(),
        "pypdf could not read the report: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_first_acceptance_wins_and_the_others_are_refused() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    let coordinator_cpts = t.coordinator.client.cpts(&t.space_id).expect("space");
    // A third dermatologist, who will never answer.
    let silent = Doctor::register(&hs.url(), "derm-c").await;
    coordinator_cpts
        .add_member(
            &silent.user_id,
            NewMember {
                display_name: "Dr Chloé Silence".into(),
                profession: Profession::Physician,
                specialties: vec!["dermatology".into()],
                rpps: fresh_rpps().to_string(),
                retired: false,
            },
        )
        .await
        .expect("member");
    eventually("the CPTS invitation", || async {
        silent.client.cpts(&t.space_id).ok()
    })
    .await
    .join()
    .await
    .expect("join");
    // Tuesday morning all three dermatologists are on duty.
    for user in [
        &t.derm_on_duty.doctor.user_id,
        &t.derm_off_duty.doctor.user_id,
        &silent.user_id,
    ] {
        coordinator_cpts
            .set_duty(user, vec![slot("dermatology", Weekday::Tuesday, 9, 12)])
            .await
            .expect("rota");
    }
    t.clock.set(to_unix_ms(2026, 11, 24, 10, 0).expect("date"));
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");

    // One after the other: the second is refused; the GP's client withdraws the invitation
    // of the one who never answered.
    let first = gp_cpts
        .open_request(t.request("dermatology", &marker("Q")))
        .await
        .expect("request");
    let room_id = first.room_id().to_string();
    let a = case_seen_by(&t.derm_on_duty.doctor, &room_id).await;
    let b = case_seen_by(&t.derm_off_duty.doctor, &room_id).await;
    case_seen_by(&silent, &room_id).await;
    b.take_request().await.expect("the first acceptance wins");
    assert!(matches!(
        a.take_request().await,
        Err(CptsError::AlreadyTaken)
    ));
    eventually("the other specialists out of the case", || async {
        let members = first.members().await.ok()?;
        let inside = |user: &str| {
            members
                .iter()
                .any(|m| m.user_id.as_str() == user && m.membership != Membership::Left)
        };
        let out = !inside(&t.derm_on_duty.doctor.user_id) && !inside(&silent.user_id);
        (out && inside(&t.derm_off_duty.doctor.user_id)).then_some(())
    })
    .await;
    eventually(
        "the silent dermatologist's invitation gone from her list",
        || async {
            let gone = silent
                .client
                .case(&room_id)
                .map_or(true, |c| c.membership() == Membership::Left);
            gone.then_some(())
        },
    )
    .await;
    // The loser forgot the case: nothing of it stays listed on her device (once her sync has
    // brought the withdrawal).
    eventually("the case gone from the loser's list", || async {
        t.derm_on_duty
            .doctor
            .client
            .case(&room_id)
            .map_or(true, |c| c.membership() == Membership::Left)
            .then_some(())
    })
    .await;
    // The status is not the workflow's to bypass, and only the taker advises.
    assert!(matches!(
        first.set_status(CaseStatus::Closed).await,
        Err(CaseError::NotAllowed)
    ));
    let dir = tempfile::tempdir().expect("dir");
    assert!(matches!(
        first.close_with_report("trop tôt", dir.path()).await,
        Err(CptsError::WrongStatus)
    ));

    // At the same moment: exactly one wins.
    let second = gp_cpts
        .open_request(t.request("dermatology", &marker("Q")))
        .await
        .expect("request");
    let room_id = second.room_id().to_string();
    let a = case_seen_by(&t.derm_on_duty.doctor, &room_id).await;
    let b = case_seen_by(&t.derm_off_duty.doctor, &room_id).await;
    let (ra, rb) = tokio::join!(a.take_request(), b.take_request());
    let outcomes = [&ra, &rb];
    assert_eq!(
        outcomes.iter().filter(|r| r.is_ok()).count(),
        1,
        "{ra:?} {rb:?}"
    );
    assert!(outcomes
        .iter()
        .any(|r| matches!(r, Err(CptsError::AlreadyTaken))));
    let winner = if ra.is_ok() {
        &t.derm_on_duty
    } else {
        &t.derm_off_duty
    };
    let status = eventually("the GP to see who took it", || async {
        let status = second.status().await.ok().flatten()?;
        status.accepted_by.clone()
    })
    .await;
    assert_eq!(status.as_str(), winner.doctor.user_id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bad_entries_and_nobody_on_duty_are_typed_errors() {
    let hs = Homeserver::shared().expect("synapse");
    let t = Territory::new(&hs.url()).await;
    let coordinator_cpts = t.coordinator.client.cpts(&t.space_id).expect("space");
    let gp_cpts = t.gp.doctor.client.cpts(&t.space_id).expect("space");
    let nurse = Doctor::register(&hs.url(), "nurse").await;

    // An RPPS with a wrong key, an unknown specialty: refused, nothing written.
    let mut bad_key: Vec<char> = fresh_rpps().as_str().chars().collect();
    bad_key[10] = if bad_key[10] == '0' { '1' } else { '0' };
    let entry = |rpps: String, specialty: &str| NewMember {
        display_name: "IDE Inès Soin".into(),
        profession: Profession::Nurse,
        specialties: if specialty.is_empty() {
            vec![]
        } else {
            vec![specialty.to_owned()]
        },
        rpps,
        retired: false,
    };
    assert!(matches!(
        coordinator_cpts
            .add_member(&nurse.user_id, entry(bad_key.into_iter().collect(), ""))
            .await,
        Err(CptsError::InvalidRpps(_))
    ));
    assert!(matches!(
        coordinator_cpts
            .add_member(&nurse.user_id, entry(fresh_rpps().to_string(), "astrology"))
            .await,
        Err(CptsError::UnknownSpecialty(_))
    ));
    assert!(gp_cpts
        .search(None, Some("Inès"))
        .await
        .expect("search")
        .is_empty());
    assert!(matches!(
        gp_cpts.search(Some("astrology"), None).await,
        Err(CptsError::UnknownSpecialty(_))
    ));
    // A member cannot edit the directory.
    assert!(matches!(
        gp_cpts
            .add_member(&nurse.user_id, entry(fresh_rpps().to_string(), ""))
            .await,
        Err(CptsError::NotAllowed)
    ));

    // Monday 14:05: no cardiologist on duty; the directory's cardiologists are offered.
    let request = t.request("cardiology", &marker("Q"));
    match gp_cpts.open_request(request.clone()).await {
        Err(CptsError::NoOneOnDuty {
            specialty,
            directory,
        }) => {
            assert_eq!(specialty, "cardiology");
            let offered: Vec<_> = directory.iter().map(|m| m.user_id.to_string()).collect();
            assert_eq!(
                offered,
                std::slice::from_ref(&t.cardiologist.doctor.user_id)
            );
        }
        other => panic!("expected NoOneOnDuty, got {other:?}"),
    }
    assert!(matches!(
        gp_cpts
            .open_request(t.request("astrology", &marker("Q")))
            .await,
        Err(CptsError::UnknownSpecialty(_))
    ));
    let mut without_consent = request.clone();
    without_consent.patient_consent = false;
    assert!(matches!(
        gp_cpts.open_request(without_consent).await,
        Err(CptsError::InvalidRequest(_))
    ));
    // Picking a specialist of another specialty is refused.
    let mut wrong = t.request("dermatology", &marker("Q"));
    wrong.expert = Some(t.cardiologist.doctor.user_id.clone());
    assert!(matches!(
        gp_cpts.open_request(wrong).await,
        Err(CptsError::NotThisSpecialty)
    ));
    // The GP picks the cardiologist from the directory instead.
    let mut picked = request;
    picked.expert = Some(t.cardiologist.doctor.user_id.clone());
    let case = gp_cpts.open_request(picked).await.expect("request");
    case_seen_by(&t.cardiologist.doctor, case.room_id().as_str())
        .await
        .take_request()
        .await
        .expect("taken");
    assert!(t
        .gp
        .doctor
        .client
        .requests(RequestFilter::Open)
        .await
        .iter()
        .any(|r| r.case.room_id == case.room_id()));

    // A shared care team: the coordinator is the only admin.
    coordinator_cpts
        .add_member(&nurse.user_id, entry(fresh_rpps().to_string(), ""))
        .await
        .expect("nurse added");
    eventually("the nurse's CPTS invitation", || async {
        nurse.client.cpts(&t.space_id).ok()
    })
    .await
    .join()
    .await
    .expect("join");
    let team = coordinator_cpts
        .open_care_team(
            t.request("general_practice", &marker("SUIVI")).header,
            &[t.gp.doctor.user_id.clone(), nurse.user_id.clone()],
        )
        .await
        .expect("care team");
    let nurse_case = case_seen_by(&nurse, team.room_id().as_str()).await;
    nurse_case.accept().await.expect("join");
    // A care team is not a request: nobody "takes" it, and trying does not leave it.
    assert!(matches!(
        nurse_case.take_request().await,
        Err(CptsError::NotARequest)
    ));
    assert_eq!(nurse_case.membership(), Membership::Joined);
    assert!(matches!(
        nurse_case.invite(&t.cardiologist.doctor.user_id).await,
        Err(CaseError::NotAllowed)
    ));
    assert!(matches!(
        coordinator_cpts
            .open_care_team(
                t.request("general_practice", "x").header,
                &["@stranger:localhost".to_owned()]
            )
            .await,
        Err(CptsError::NotInDirectory)
    ));
    team.invite(&t.cardiologist.doctor.user_id)
        .await
        .expect("the coordinator invites");
}

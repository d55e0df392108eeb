//! The télé-expertise step of the demo: a CPTS coordinator sets up the directory and the duty
//! rota; Dr Martin asks "a dermatologist" and the request reaches Dr Benali, on duty; she takes
//! it and answers with a structured advice; Dr Martin closes it and the report (JSON and PDF)
//! is written on his machine only.

use innomed_harness::Homeserver;

use super::{cli::*, print::*};

const TE_QUESTION: &str = "Nævus du mollet modifié : avis sur la conduite à tenir ?";
const TE_ASSESSMENT: &str = "Nævus dysplasique probable, sans critère d'urgence";
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

pub(super) fn step(
    innomed: &Innomed,
    hs: &Homeserver,
    gp: &Doctor,
    derm: &Doctor,
) -> Result<(), String> {
    let url = hs.url();
    let mut coordinator = Doctor::new("the CPTS coordinator", "coord.cpts", "demo-coord-3Fv8")?;
    section("The CPTS coordinator sets up the directory and the duty rota");
    let value = innomed.json(
        &coordinator,
        &[
            "register",
            "--homeserver",
            &url,
            "--username",
            coordinator.username,
        ],
    )?;
    coordinator.user_id = string_field(&value, "user_id")?;
    let created = innomed.json(
        &coordinator,
        &["cpts", "create", "--name", "CPTS du Val de Seine"],
    )?;
    let space = string_field(&created, "cpts")?;
    result(&format!("CPTS space {space}"));
    for (doctor, name, specialty, rpps) in [
        (gp, "Dr Paul Martin", "general_practice", "10004123450"),
        (derm, "Dr Nadia Benali", "dermatology", "10003987657"),
    ] {
        innomed.json(
            &coordinator,
            &[
                "cpts",
                "add-member",
                "--cpts",
                &space,
                "--user",
                &doctor.user_id,
                "--name",
                name,
                "--profession",
                "physician",
                "--specialty",
                specialty,
                "--rpps",
                rpps,
            ],
        )?;
        innomed.json(doctor, &["cpts", "join", "--cpts", &space])?;
        result(&format!(
            "{name} ({specialty}, RPPS {rpps}) in the directory"
        ));
    }
    // The demo runs at any hour: Dr Benali holds the permanence all week.
    let slots: Vec<String> = WEEKDAYS
        .iter()
        .map(|day| format!("dermatology:{day}:00:00-24:00"))
        .collect();
    let mut args = vec![
        "cpts",
        "set-duty",
        "--cpts",
        &space,
        "--user",
        &derm.user_id,
    ];
    for slot in &slots {
        args.extend(["--slot", slot.as_str()]);
    }
    innomed.json(&coordinator, &args)?;
    result("Dr Benali is on duty for dermatology");
    // The coordinator vouches again for Dr Benali's identity (adding her did once already);
    // Dr Martin has not compared emojis with the coordinator, so he takes nobody on its word.
    innomed.json(
        &coordinator,
        &["cpts", "attest", "--cpts", &space, "--user", &derm.user_id],
    )?;
    let applied = innomed.json(gp, &["cpts", "apply-attestations"])?;
    let verified = applied["verified"].as_array().map_or(0, Vec::len);
    if verified != 0 {
        return Err(format!(
            "Dr Martin took {verified} colleague(s) on the word of a coordinator he never verified"
        ));
    }
    result("Dr Benali's identity vouched for by the coordinator; Dr Martin, who has not verified the coordinator, trusts nobody on its word");

    section("Dr Martin asks \"a dermatologist\"");
    let opened = innomed.json(
        gp,
        &[
            "cpts",
            "request",
            "--cpts",
            &space,
            "--specialty",
            "dermatology",
            "--urgency",
            "soon",
            "--patient",
            "J.L.",
            "--age-band",
            "40-64",
            "--sex",
            "male",
            "--reason",
            "Nævus du mollet",
            "--question",
            TE_QUESTION,
            "--consent",
        ],
    )?;
    let request = string_field(&opened, "case")?;
    result(&format!(
        "request {} routed to the dermatologist on duty, due in 48 h",
        opened["code"].as_str().unwrap_or("?")
    ));

    section("Dr Benali takes the request and answers");
    innomed.json(derm, &["cpts", "take", "--case", &request])?;
    result("taken (a second dermatologist would now get `already_taken`)");
    // Dr Martin verified neither Dr Benali nor the coordinator: his machine hands nothing over
    // until he confirms her; then the history goes to her only.
    innomed.json(gp, &["show", "--case", &request])?;
    let confirmed = innomed.json(
        gp,
        &["confirm", "--case", &request, "--user", &derm.user_id],
    )?;
    if confirmed["handed_over"] != serde_json::Value::Bool(true) {
        return Err(format!(
            "the request was not handed over after the confirmation: {confirmed}"
        ));
    }
    result("Dr Martin confirms Dr Benali (neither verified nor attested for him); handed over: she now reads the whole case, before only the question");
    innomed.json(
        derm,
        &[
            "cpts",
            "advise",
            "--case",
            &request,
            "--assessment",
            TE_ASSESSMENT,
            "--recommendation",
            "Exérèse programmée, consultation sous un mois",
            "--in-person",
            "routine",
        ],
    )?;
    result("structured advice sent; the request is answered");

    section("Dr Martin closes the request: the report stays on his machine");
    let out = gp.data_dir.path().join("reports");
    let out_arg = out.to_string_lossy().into_owned();
    let closed = innomed.json(
        gp,
        &[
            "cpts",
            "close",
            "--case",
            &request,
            "--outcome",
            "Patient adressé pour exérèse",
            "--out",
            &out_arg,
        ],
    )?;
    let json_path = string_field(&closed, "json")?;
    let pdf_path = string_field(&closed, "pdf")?;
    let report = std::fs::read_to_string(&json_path)
        .map_err(|e| format!("reading the report {json_path}: {e}"))?;
    let pdf = std::fs::read(&pdf_path).map_err(|e| format!("reading {pdf_path}: {e}"))?;
    for needle in [
        TE_QUESTION,
        TE_ASSESSMENT,
        "10003987657",
        "\"TE2\"",
        "\"RQD\"",
    ] {
        if !report.contains(needle) {
            return Err(format!("the report lacks {needle:?}: {report}"));
        }
    }
    if !pdf.starts_with(b"%PDF-1.") {
        return Err(format!("{pdf_path} is not a PDF"));
    }
    result(&format!("{json_path}\n  {pdf_path} ({} bytes)", pdf.len()));
    note("the question and the advice are searched for on the homeserver's disk below");
    Ok(())
}

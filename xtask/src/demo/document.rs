//! The document step of the demo: the lab's PDF (author, software, XMP, a script, an embedded
//! file, links that launch a program or submit a form; the patient in its file name) goes out
//! cleaned and encrypted with its title; Dr Benali opens it; the homeserver keeps no PDF.

use innomed_harness::{documents as pdfs, Homeserver};

use super::{cli::*, inspect::disk_holds_nothing, print::*};

/// The name the lab's portal gave the file.
const FILE_NAME: &str = "Bilan_Dupont_Jeanne_2026-03-03.pdf";
pub(super) const TITLE: &str = "Bilan sanguin du 3 mars";

pub(super) fn step(
    innomed: &Innomed,
    hs: &Homeserver,
    gp: &Doctor,
    derm: &Doctor,
    room_id: &str,
) -> Result<(), String> {
    section("Dr Martin adds the lab results (PDF)");
    let lab = pdfs::hostile_pdf();
    let file = gp.data_dir.path().join(FILE_NAME);
    std::fs::write(&file, &lab).map_err(|e| format!("writing the lab's file: {e}"))?;
    note(&format!(
        "{FILE_NAME}: {} bytes, 2 pages, with an author, software, XMP, a script, an embedded \
         file, a link that launches a program and a form that submits to a server",
        lab.len()
    ));
    let file_arg = file.to_string_lossy().into_owned();
    let sent = innomed.json(
        gp,
        &[
            "send-file",
            "--case",
            room_id,
            "--file",
            &file_arg,
            "--caption",
            TITLE,
        ],
    )?;
    let event_id = sent["files"][0]["event_id"]
        .as_str()
        .ok_or("the document was not sent")?
        .to_owned();
    result(&format!(
        "PDF cleaned, encrypted and sent as \"document.pdf\" ({event_id})"
    ));

    section("Dr Benali opens the lab results");
    let out = derm.data_dir.path().join("bilan-recu.pdf");
    let out_arg = out.to_string_lossy().into_owned();
    innomed.json(
        derm,
        &[
            "file", "--case", room_id, "--event", &event_id, "--out", &out_arg,
        ],
    )?;
    let received = std::fs::read(&out).map_err(|e| format!("reading the document: {e}"))?;
    let pages = pdfs::page_texts(&received);
    if pages.len() != 2 || !pages[0].contains(pdfs::PAGE_ONE_TEXT) {
        return Err("the received document lost its pages".to_owned());
    }
    if pdfs::all_text(&received).contains(pdfs::SECRET) {
        return Err("the received document still carries metadata or active content".to_owned());
    }
    result(&format!(
        "{} bytes decrypted: both pages and their text, no author, XMP, script, embedded file \
         or outward link",
        received.len()
    ));

    disk_holds_nothing(
        vec![
            (
                "file name in the database",
                hs.database_contains("Dupont_Jeanne_2026"),
            ),
            ("title in the database", hs.database_contains(TITLE)),
            (
                "PDF bytes in the media store",
                hs.media_store_contains(b"%PDF"),
            ),
        ],
        "document data",
    )
}

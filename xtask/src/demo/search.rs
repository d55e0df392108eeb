//! The search step of the demo: Dr Benali finds the case by words typed differently from the
//! GP's ("lesions" for "Lésion", no accents), on her phone only; the index file on her device
//! holds none of the words, and the homeserver was never asked.

use innomed_harness::{file_contains, files_under};

use super::{cli::*, print::*};

pub(super) fn step(innomed: &Innomed, derm: &Doctor) -> Result<(), String> {
    section("Dr Benali searches her cases");
    let query = "lesions pigmentees dos";
    let found = innomed.json(derm, &["search", query, "--wait-index"])?;
    let hits = found["hits"].as_array().cloned().unwrap_or_default();
    for hit in &hits {
        note(&format!(
            "{} {}: {}",
            hit["code"].as_str().unwrap_or("?"),
            hit["kind"].as_str().unwrap_or("?"),
            hit["snippet"].as_str().unwrap_or("")
        ));
    }
    if hits.is_empty() {
        return Err(format!(
            "\"{query}\" found nothing on Dr Benali's device: {found}"
        ));
    }
    result(&format!(
        "\"{query}\" found {} result(s) on her device, words matched without accents or plurals",
        hits.len()
    ));

    let files: Vec<_> = files_under(derm.data_dir.path())
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("search.sqlite3"))
        })
        .collect();
    if files.is_empty() {
        return Err("no search index on Dr Benali's device".to_owned());
    }
    note("Her device's search index:");
    let mut clean = true;
    for word in [
        "Lésion pigmentée",
        "pigment",
        "naevus",
        "exérèse",
        super::PATIENT,
    ] {
        let mut hit = false;
        for file in &files {
            hit |= file_contains(file, word.as_bytes()).map_err(|e| e.to_string())?;
        }
        clean &= !hit;
        println!("    {word:<18} {}", super::inspect::found(hit));
    }
    if !clean {
        return Err("the search index holds readable words of the case".to_owned());
    }
    result("the index holds keyed hashes and sealed texts only");
    Ok(())
}

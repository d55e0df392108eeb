//! The search step of the demo: Dr Benali finds the case by words typed differently from the
//! GP's ("lesions" for "Lésion", no accents), on her phone only; the index file on her device
//! holds none of the words, and the homeserver was never asked.

use std::path::{Path, PathBuf};

use super::{cli::*, print::*};

/// Every file of the search index under a doctor's data folder.
fn index_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("search.sqlite3"))
            {
                found.push(path);
            }
        }
    }
    found
}

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

    let files = index_files(derm.data_dir.path());
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
        let hit = files.iter().any(|f| {
            std::fs::read(f)
                .is_ok_and(|bytes| bytes.windows(word.len()).any(|w| w == word.as_bytes()))
        });
        clean &= !hit;
        println!("    {word:<18} {}", super::inspect::found(hit));
    }
    if !clean {
        return Err("the search index holds readable words of the case".to_owned());
    }
    result("the index holds keyed hashes and sealed texts only");
    Ok(())
}

//! What the homeserver stored: the attacker's-eye checks of the demo.

use super::*;

/// How many encrypted events from `sender` the homeserver stored in `room_id`.
pub(super) fn stored_encrypted(
    hs: &Homeserver,
    room_id: &str,
    sender: &str,
) -> Result<usize, String> {
    let rows = hs
        .event_json_rows()
        .map_err(|e| format!("reading the homeserver's events: {e}"))?;
    Ok(rows
        .iter()
        .filter_map(|row| serde_json::from_str::<Value>(row).ok())
        .filter(|e| {
            e["room_id"] == room_id && e["sender"] == sender && e["type"] == "m.room.encrypted"
        })
        .count())
}

pub(super) fn inspect(hs: &Homeserver, case: &CaseIds) -> Result<(), String> {
    let scan_error = |e: innomed_harness::HarnessError| format!("scanning the homeserver: {e}");
    println!(
        "Searching Synapse's database ({}) and log for the case text:",
        hs.database_path().display()
    );
    let mut leaks = Vec::new();
    let width = PHRASES
        .iter()
        .map(|(_, p)| p.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for (what, phrase) in PHRASES {
        // Synapse writes JSON with non-ASCII escaped (`\u00e9`): search both forms.
        let needles = [phrase.to_string(), json_ascii(phrase)];
        let mut in_db = false;
        let mut in_log = false;
        for needle in &needles {
            in_db |= hs.database_contains(needle).map_err(scan_error)?;
            in_log |= hs.log_contains(needle).map_err(scan_error)?;
        }
        println!(
            "  {:<13} {:<width$} database: {}   log: {}",
            what,
            format!("«{phrase}»"),
            found(in_db),
            found(in_log),
        );
        if in_db || in_log {
            leaks.push(format!("{what} «{phrase}»"));
        }
    }
    // Control: something the server must know, to show the scan does see data.
    let control = hs.database_contains(&case.derm_user).map_err(scan_error)?;
    println!(
        "  {:<13} {:<width$} database: {}   {}",
        "control",
        format!("«{}»", case.derm_user),
        if control { "found    " } else { "NOT FOUND" },
        dim("(metadata the server needs: the scan does see stored data)")
    );
    if !control {
        return Err(format!(
            "the database scan did not find {} although Synapse must store it; \
             the scan is not working, so the result above proves nothing",
            case.derm_user
        ));
    }

    let rows = hs.event_json_rows().map_err(scan_error)?;
    let events: Vec<Value> = rows
        .iter()
        .filter_map(|row| serde_json::from_str::<Value>(row).ok())
        .filter(|event| event["room_id"] == case.room_id.as_str())
        .collect();
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for event in &events {
        *by_type
            .entry(event["type"].as_str().unwrap_or("?"))
            .or_default() += 1;
    }
    let count = |t: &str| by_type.get(t).copied().unwrap_or(0);
    let encrypted = count("m.room.encrypted");
    let plaintext_messages = count("m.room.message");
    let plaintext_headers = count("fr.innomed.case.header");
    println!();
    println!(
        "Events Synapse stored for this case ({} in all):",
        events.len()
    );
    let list: Vec<String> = by_type.iter().map(|(t, n)| format!("{t} ×{n}")).collect();
    println!("  {}", list.join(", "));
    println!(
        "  encrypted (m.room.encrypted): {encrypted}   plaintext m.room.message: {}   \
         plaintext fr.innomed.case.header: {}",
        zero_or_red(plaintext_messages),
        zero_or_red(plaintext_headers)
    );

    if let Some(status) = events
        .iter()
        .rev()
        .find(|e| e["type"] == "fr.innomed.case.status")
    {
        println!(
            "  readable by the server, by design (room state, nothing identifying): \
             fr.innomed.case.status {}",
            status["content"]
        );
    }

    let sample = events
        .iter()
        .rev()
        .find(|e| e["type"] == "m.room.encrypted" && e["sender"] == case.derm_user.as_str())
        .or_else(|| events.iter().find(|e| e["type"] == "m.room.encrypted"));
    if let Some(event) = sample {
        println!();
        let sender = event["sender"].as_str().unwrap_or("?");
        let what = if sender == case.derm_user {
            "Dr Benali's answer"
        } else {
            "An encrypted event of the case"
        };
        println!("{what} as Synapse stored it (sender {sender}, ciphertext truncated):");
        let mut shown = event.clone();
        if let Some(Value::String(ciphertext)) = shown.pointer_mut("/content/ciphertext") {
            let total = ciphertext.chars().count();
            if total > 60 {
                let head: String = ciphertext.chars().take(60).collect();
                *ciphertext = format!("{head}… ({total} characters)");
            }
        }
        let pretty = serde_json::to_string_pretty(&shown).unwrap_or_else(|_| shown.to_string());
        for line in pretty.lines() {
            println!("    {line}");
        }
    }

    let expected_encrypted = 4; // header, two GP messages, the answer
    if !leaks.is_empty() {
        return Err(format!(
            "case text found on the homeserver's disk: {}",
            leaks.join(", ")
        ));
    }
    if plaintext_messages + plaintext_headers > 0 {
        return Err(format!(
            "the homeserver stored {plaintext_messages} plaintext m.room.message and \
             {plaintext_headers} plaintext fr.innomed.case.header event(s) in the case room"
        ));
    }
    if encrypted < expected_encrypted {
        return Err(format!(
            "only {encrypted} encrypted event(s) stored for the case, expected at least \
             {expected_encrypted} (header, two messages, the answer): the inspection \
             is not looking at the right data"
        ));
    }
    println!();
    println!(
        "{} ciphertext only: none of the {} case phrases is in the homeserver's database or \
         log; {encrypted} encrypted events, 0 plaintext messages ({} and {} hold the keys, \
         the server does not).",
        green("✓"),
        PHRASES.len(),
        case.gp_user,
        case.derm_user
    );
    Ok(())
}

/// `text` as Python's `json.dumps` writes it by default (`ensure_ascii`):
/// non-ASCII as lowercase `\uXXXX` escapes, in UTF-16.
pub(super) fn json_ascii(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// Prints each scan of the homeserver's disk; an error naming `what` if any found its needle.
pub(super) fn disk_holds_nothing(
    checks: Vec<(&str, innomed_harness::Result<bool>)>,
    what: &str,
) -> Result<(), String> {
    note("The homeserver's disk:");
    let mut clean = true;
    for (label, hit) in checks {
        let hit = hit.map_err(|e| e.to_string())?;
        clean &= !hit;
        println!("    {label}: {}", found(hit));
    }
    if clean {
        Ok(())
    } else {
        Err(format!("the homeserver holds readable {what}"))
    }
}

pub(super) fn found(hit: bool) -> String {
    if hit {
        red("FOUND    ")
    } else {
        green("not found")
    }
}

pub(super) fn zero_or_red(n: usize) -> String {
    if n == 0 {
        green("0")
    } else {
        red(&n.to_string())
    }
}

// ---------------------------------------------------------------------------
// The CLI, one process per command
// ---------------------------------------------------------------------------

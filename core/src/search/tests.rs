use super::*;
use crate::StoreKey;

fn text(room: &str, event: &str, kind: HitKind, body: &str) -> IndexedText {
    IndexedText {
        room_id: room.to_owned(),
        event_id: Some(event.to_owned()),
        kind,
        sender: Some("@gp:cpts.test".to_owned()),
        // 12 March 2026, 10:00 in Paris.
        timestamp_ms: 1_773_306_000_000,
        text: body.to_owned(),
    }
}

fn index_with(dir: &std::path::Path, key: &StoreKey) -> LocalIndex {
    let index = LocalIndex::open(&dir.join("search.sqlite3"), key).expect("open");
    index
        .write(
            "!a:cpts.test",
            &[
                (
                    "$1".into(),
                    Some(text(
                        "!a:cpts.test",
                        "$1",
                        HitKind::Header,
                        "Mme Dupont — lésion pigmentée du dos",
                    )),
                ),
                (
                    "$2".into(),
                    Some(text(
                        "!a:cpts.test",
                        "$2",
                        HitKind::Message,
                        "Les LESIONS ont grossi depuis l'été",
                    )),
                ),
                ("$3".into(), None),
            ],
        )
        .expect("write");
    index
        .write(
            "!b:cpts.test",
            &[(
                "$4".into(),
                Some(text(
                    "!b:cpts.test",
                    "$4",
                    HitKind::Advice,
                    "Érythème migrant : doxycycline",
                )),
            )],
        )
        .expect("write");
    index
}

fn events(found: &[Found]) -> Vec<&str> {
    found
        .iter()
        .filter_map(|f| f.text.event_id.as_deref())
        .collect()
}

#[test]
fn accents_case_and_plurals_match_and_every_word_must_be_there() {
    let dir = tempfile::tempdir().expect("dir");
    let index = index_with(dir.path(), &StoreKey::generate());
    let hits = index.search("lésion", 10).expect("search");
    let mut found = events(&hits);
    found.sort_unstable();
    assert_eq!(found, ["$1", "$2"]);
    assert_eq!(
        events(&index.search("LESIONS dos", 10).expect("search")),
        ["$1"]
    );
    assert_eq!(
        events(&index.search("erytheme", 10).expect("search")),
        ["$4"]
    );
    assert!(index
        .search("lésion doxycycline", 10)
        .expect("search")
        .is_empty());
    // Dates: the month and the year of the message, in French.
    assert_eq!(index.search("mars 2026", 10).expect("search").len(), 3);
    assert!(index.search("avril", 10).expect("search").is_empty());
}

#[test]
fn a_malformed_query_is_a_typed_error() {
    let dir = tempfile::tempdir().expect("dir");
    let index = index_with(dir.path(), &StoreKey::generate());
    for nothing in ["", "   ", "?!;…", "le la les de", "\"\" * : ( ) -"] {
        assert!(
            matches!(index.search(nothing, 10), Err(SearchError::NothingToSearch)),
            "{nothing:?}"
        );
    }
    assert!(matches!(
        index.search(&"lésion ".repeat(1500), 10),
        Err(SearchError::QueryTooLong)
    ));
    // FTS5 syntax typed by the doctor is a word like any other, never an expression.
    assert!(index
        .search("\"\" AND OR NOT *", 10)
        .expect("words")
        .is_empty());
    assert_eq!(
        index
            .search("NEAR(dos lésion) OR *", 10)
            .expect("words")
            .len(),
        0
    );
    assert!(index.search("dos\"", 10).is_ok());
}

#[test]
fn a_left_case_and_a_redacted_message_are_forgotten() {
    let dir = tempfile::tempdir().expect("dir");
    let index = index_with(dir.path(), &StoreKey::generate());
    index.remove("$2").expect("remove");
    assert_eq!(events(&index.search("lésion", 10).expect("search")), ["$1"]);
    index.remove_room("!a:cpts.test").expect("remove room");
    assert!(index.search("lésion", 10).expect("search").is_empty());
    assert!(!index.contains("$3").expect("contains"));
    assert_eq!(
        index.retain_rooms(&[]).expect("retain"),
        1,
        "the other case was forgotten too"
    );
    assert_eq!(index.size().expect("size").0, 0);
}

#[test]
fn the_file_holds_no_word_and_needs_the_store_key() {
    let dir = tempfile::tempdir().expect("dir");
    let key = StoreKey::generate();
    drop(index_with(dir.path(), &key));
    let path = dir.path().join("search.sqlite3");
    for word in [
        "Dupont",
        "dupont",
        "lésion",
        "lesion",
        "LESIONS",
        "doxycycline",
        "pigment",
        "!a:cpts.test",
        "cpts.test",
    ] {
        assert!(
            !innomed_harness::file_contains(&path, word.as_bytes()).expect("read"),
            "{word} in the index file"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by its owner only");
    }
    assert!(matches!(
        LocalIndex::open(&path, &StoreKey::generate()),
        Err(SearchError::WrongKey)
    ));
    let reopened = LocalIndex::open(&path, &key).expect("reopen");
    assert_eq!(reopened.search("dupont", 10).expect("search").len(), 1);
}

#[test]
fn snippets_mark_the_matched_words() {
    let folder = text::Folder::default();
    let terms = index::query_terms(&folder, "lésions").expect("terms");
    let parts = snippet(&folder, "Mme Dupont — Lésion pigmentée du dos", &terms);
    let matched: Vec<&str> = parts
        .iter()
        .filter(|p| p.matched)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(matched, ["Lésion"]);
    let whole: String = parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(whole, "Mme Dupont — Lésion pigmentée du dos");

    let long = format!("{} lésion {}", "mot ".repeat(100), "fin ".repeat(100));
    let parts = snippet(&folder, &long, &terms);
    assert_eq!(parts.first().map(|p| p.text.as_str()), Some("…"));
    assert_eq!(parts.last().map(|p| p.text.as_str()), Some("…"));
    assert!(parts.iter().any(|p| p.matched));
    let shown: usize = parts.iter().map(|p| p.text.chars().count()).sum();
    assert!(shown <= SNIPPET_CHARS + 2);
}

#[test]
fn an_index_of_an_earlier_layout_is_emptied_and_used_again() {
    let dir = tempfile::tempdir().expect("dir");
    let key = StoreKey::generate();
    let path = dir.path().join("search.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).expect("db");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE terms USING fts5 (words, dates, content = '');
             CREATE TABLE docs (id INTEGER PRIMARY KEY, room BLOB, key BLOB, sealed BLOB);
             INSERT INTO docs (room, key, sealed) VALUES (x'00', x'01', x'02');",
        )
        .expect("an earlier layout");
    }
    let index = LocalIndex::open(&path, &key).expect("opened");
    assert_eq!(index.size().expect("size").0, 0, "emptied");
    index
        .write(
            "!a:cpts.test",
            &[(
                "$1".into(),
                Some(text("!a:cpts.test", "$1", HitKind::Message, "lésion")),
            )],
        )
        .expect("written");
    assert_eq!(index.search("LESIONS", 10).expect("search").len(), 1);
}

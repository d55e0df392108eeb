//! Search: what each doctor typed is found on every device of the case (history received at
//! invitation included), accents and plurals folded; the homeserver and the index file hold none
//! of it; a removed doctor's entries go; bad queries are typed errors. The archive: a closed case
//! leaves the list, stays searchable, and comes back.

use innomed_core::{
    search::LocalIndex, CaseFilter, CaseStatus, HitKind, InnomedClient, PhotoSource,
    SanitizeOptions, SearchError, SearchHit, StoreKey,
};
use innomed_harness::{file_contains, files_under, photos, Homeserver};

use crate::support::{
    conversation_of, eventually, header_with, marker, shared_case, wait_for_text, Doctor,
};

/// Waits until `query` finds a result of this kind on the doctor's device.
pub async fn found(client: &InnomedClient, query: &str, kind: HitKind) -> SearchHit {
    eventually("the words found by the doctor's search", || async {
        client
            .search(query)
            .await
            .ok()?
            .into_iter()
            .find(|hit| hit.kind == kind)
    })
    .await
}

fn matched(hit: &SearchHit) -> Vec<String> {
    hit.snippet
        .iter()
        .filter(|p| p.matched)
        .map(|p| p.text.clone())
        .collect()
}

/// Every file of the search index (the database and whatever journal SQLite left beside it).
fn index_files(client: &InnomedClient) -> Vec<std::path::PathBuf> {
    files_under(client.account_dir())
        .expect("account folder")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("search.sqlite3"))
        })
        .collect()
}

fn assert_absent_from(files: &[std::path::PathBuf], words: &[&str]) {
    for file in files {
        for word in words {
            assert!(
                !file_contains(file, word.as_bytes()).expect("index file"),
                "{word} in {}",
                file.display()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn words_of_a_case_are_found_on_each_device_and_never_kept_in_clear() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp-search").await;
    let derm = Doctor::register(&hs.url(), "derm-search").await;

    // The GP writes before inviting the specialist: she receives it with the history.
    let header_word = marker("Naevus");
    let case = gp
        .client
        .create_case(header_with(&header_word))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    let gp_conversation = case.conversation().await.expect("timeline");
    let early = marker("Dupont");
    let early_text = format!("Trois LÉSIONS pigmentées du dos, {early}");
    gp_conversation.send_text(&early_text).await.expect("sent");
    wait_for_text(&gp_conversation, &early_text).await;
    case.invite(&derm.user_id).await.expect("invite");
    crate::support::case_seen_by(&derm, &room_id)
        .await
        .accept()
        .await
        .expect("accept");
    let derm_conversation = conversation_of(&derm, &room_id).await;

    let reply = marker("Erytheme");
    derm_conversation
        .send_text(&format!("Érythème annulaire : {reply}"))
        .await
        .expect("reply");
    let caption = marker("Cliche");
    let camera = photos::camera_jpeg(&photos::marked_pixels(), 1, "no secret");
    gp_conversation
        .send_photo(
            PhotoSource::Bytes(camera),
            Some(&format!("cliché du dos {caption}")),
            &SanitizeOptions::default(),
        )
        .await
        .expect("photo queued");

    // On the specialist's device: the header, the history from before her invitation (an
    // accent and a plural typed differently), the GP's caption.
    let hit = found(&derm.client, &header_word, HitKind::Header).await;
    assert_eq!(hit.room_id.as_str(), room_id);
    assert_eq!(hit.code, case.code());
    let hit = found(&derm.client, &format!("lésion {early}"), HitKind::Message).await;
    assert!(hit.event_id.is_some(), "the result opens the message");
    assert_eq!(
        hit.sender.as_ref().map(|s| s.as_str()),
        Some(gp.user_id.as_str())
    );
    let mut words = matched(&hit);
    words.sort();
    let mut expected = vec!["LÉSIONS".to_owned(), early.clone()];
    expected.sort();
    assert_eq!(words, expected);
    found(&derm.client, &caption, HitKind::Photo).await;
    // On the GP's device: her reply without its accent, the case by her name and specialty.
    let hit = found(&gp.client, &format!("erytheme {reply}"), HitKind::Message).await;
    assert_eq!(matched(&hit), ["Érythème".to_owned(), reply.clone()]);
    let derm_local = derm.user_id.trim_start_matches('@');
    let derm_local = &derm_local[..derm_local.find(':').expect("server part")];
    let case_hit = found(
        &gp.client,
        &format!("{derm_local} dermatologie"),
        HitKind::Case,
    )
    .await;
    assert!(
        case_hit.timestamp_ms > 0,
        "dated by the case's latest activity"
    );

    // Nothing typed is on the homeserver or, in clear, in either index.
    let typed = [&header_word, &early, &reply, &caption];
    for word in typed {
        assert!(
            !hs.database_contains(word).expect("db scan"),
            "{word} on the server"
        );
    }
    let mut clear: Vec<&str> = typed.iter().map(|w| w.as_str()).collect();
    clear.extend(["LÉSIONS", "Érythème", "pigment", "lesion", room_id.as_str()]);
    for doctor in [&gp, &derm] {
        let files = index_files(&doctor.client);
        assert!(!files.is_empty(), "an index on each device");
        assert_absent_from(&files, &clear);
        // Useless without the store key.
        assert!(matches!(
            LocalIndex::open(
                &doctor.client.account_dir().join("search.sqlite3"),
                &StoreKey::generate()
            ),
            Err(SearchError::WrongKey)
        ));
    }

    // Bad queries: typed errors, never a crash.
    for (query, expected) in [
        (String::new(), "nothing_to_search"),
        ("?!… ; -- *".to_owned(), "nothing_to_search"),
        ("lésion ".repeat(1500), "query_too_long"),
    ] {
        let e = gp.client.search(&query).await.expect_err("refused");
        assert_eq!(e.code(), expected);
    }

    // Removed from the case: her device forgets its entries.
    case.remove(&derm.user_id).await.expect("removed");
    eventually("the removed doctor's entries forgotten", || async {
        derm.client
            .search(&early)
            .await
            .ok()?
            .is_empty()
            .then_some(())
    })
    .await;
    assert!(!gp.client.search(&early).await.expect("search").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_case_is_archived_still_found_and_back_with_a_new_message() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp-archive").await;
    let derm = Doctor::register(&hs.url(), "derm-archive").await;
    let word = marker("Archive");
    let room_id = shared_case(&gp, &derm, header_with(&word)).await;
    let case = gp.client.case(&room_id).expect("case");

    let open = eventually("the case in the GP's list", || async {
        crate::support::listed(&gp, &room_id).await
    })
    .await;
    assert!(open.asked_by_me && !open.archived);
    assert!(matches!(
        case.archive().await,
        Err(innomed_core::CaseError::NotClosed)
    ));

    case.set_status(CaseStatus::Closed).await.expect("closed");
    eventually("the case closed in the list", || async {
        let row = crate::support::listed(&gp, &room_id).await?;
        (row.status == Some(CaseStatus::Closed)).then_some(())
    })
    .await;
    let archived = gp
        .client
        .archive_closed_older_than(0)
        .await
        .expect("archived");
    assert_eq!(archived, 1);
    let archive = CaseFilter {
        archived: true,
        ..CaseFilter::default()
    };
    let in_main = |client: &InnomedClient| {
        let client = client.clone();
        let room_id = room_id.clone();
        async move {
            client
                .case_list()
                .current()
                .await
                .iter()
                .any(|c| c.room_id.as_str() == room_id)
        }
    };
    assert!(!in_main(&gp.client).await, "gone from the main list");
    let archived_rows = gp
        .client
        .case_list_filtered(archive.clone())
        .current()
        .await;
    assert!(archived_rows
        .iter()
        .any(|c| c.room_id.as_str() == room_id && c.archived));
    // Still found.
    found(&gp.client, &word, HitKind::Header).await;
    // On the GP's other device too, once synced.
    let second = Doctor::login_again(&hs.url(), &gp.user_id).await;
    eventually("archived on the other device", || async {
        let rows = second
            .client
            .case_list_filtered(archive.clone())
            .current()
            .await;
        rows.iter()
            .any(|c| c.room_id.as_str() == room_id)
            .then_some(())
    })
    .await;

    // A colleague writes: the case is back in the list.
    let conversation = conversation_of(&derm, &room_id).await;
    let _ = conversation.send_text("Une dernière précision").await;
    eventually("back in the list with the new message", || async {
        in_main(&gp.client).await.then_some(())
    })
    .await;

    // Filters: asked by me, waiting for me, status.
    let mine = gp
        .client
        .case_list_filtered(CaseFilter {
            asked_by_me: true,
            statuses: vec![CaseStatus::Closed],
            ..CaseFilter::default()
        })
        .current()
        .await;
    assert!(mine.iter().any(|c| c.room_id.as_str() == room_id));
    let theirs = derm
        .client
        .case_list_filtered(CaseFilter {
            asked_by_me: true,
            ..CaseFilter::default()
        })
        .current()
        .await;
    assert!(theirs.is_empty(), "the specialist asked nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cases_joined_before_the_index_existed_are_read_in_the_background_at_the_next_start() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp-reindex").await;
    let derm = Doctor::register(&hs.url(), "derm-reindex").await;
    let mut words = Vec::new();
    for n in 0..3 {
        let word = marker(&format!("Cas{n}x"));
        let room_id = shared_case(&gp, &derm, header_with(&word)).await;
        conversation_of(&derm, &room_id)
            .await
            .send_text(&format!("Plaques érythémateuses {word}"))
            .await
            .expect("sent");
        words.push(word);
    }
    for word in &words {
        found(
            &gp.client,
            &format!("érythémateuse {word}"),
            HitKind::Message,
        )
        .await;
    }

    // The app of a version without search: no index on the device, the cases in its stores.
    let session = gp.client.session().expect("session");
    let Doctor {
        client,
        config,
        dir: _dir,
        ..
    } = gp;
    let index = client.account_dir().join("search.sqlite3");
    client.close().await;
    std::fs::remove_file(&index).expect("index removed");

    let restored = InnomedClient::restore(&config, &session)
        .await
        .expect("restore");
    let mut progress = restored.search_progress();
    restored.start_sync().await.expect("sync");
    let done = restored.wait_for_search_index(crate::support::WAIT).await;
    assert!(done.done, "the first reading ends: {done:?}");
    assert_eq!(done.indexed_cases, done.total_cases);
    assert!(done.total_cases >= 3, "every case read: {done:?}");
    assert!(progress.has_changed().is_ok(), "progress is published");
    for word in &words {
        found(&restored, &format!("plaque {word}"), HitKind::Message).await;
        found(&restored, word, HitKind::Header).await;
    }
    progress.mark_unchanged();
    restored.close().await;
}

//! Cleaning PDFs built by the tests: what goes, what stays, and the typed refusals.

use innomed_harness::documents as fixtures;

use super::*;
use crate::photos::PhotoError;

fn clean(bytes: &[u8]) -> Result<CleanPdf, PhotoError> {
    clean_pdf(bytes, &DocumentLimits::default())
}

#[test]
fn a_hostile_pdf_loses_its_metadata_and_active_content_and_keeps_its_pages() {
    let hostile = fixtures::hostile_pdf();
    assert!(fixtures::all_text(&hostile).contains(fixtures::SECRET));
    let clean = clean(&hostile).expect("cleaned");
    assert_eq!(clean.pages, 2);
    let text = fixtures::all_text(&clean.bytes);
    assert!(
        !text.contains(fixtures::SECRET),
        "left in the cleaned file: {:?}",
        text.lines()
            .filter(|l| l.contains(fixtures::SECRET))
            .collect::<Vec<_>>()
    );
    for gone in [
        "JavaScript",
        "EmbeddedFile",
        "OpenAction",
        "Launch",
        "SubmitForm",
        "FileAttachment",
    ] {
        assert!(!text.lines().any(|l| l == gone), "{gone} left");
    }
    let pages = fixtures::page_texts(&clean.bytes);
    assert!(pages[0].contains(fixtures::PAGE_ONE_TEXT), "{pages:?}");
    assert!(pages[1].contains(fixtures::PAGE_TWO_TEXT), "{pages:?}");
    // The comment and the form field stay, without the comment's author or the submit action.
    assert!(text.contains(fixtures::COMMENT_TEXT));
    assert!(text.lines().any(|l| l == "Widget"));
    let written = lopdf::Document::load_mem(&clean.bytes).expect("readable");
    assert!(audit(&written).is_empty());
}

#[test]
fn cleaning_is_stable_and_a_plain_pdf_keeps_its_pages() {
    let once = clean(&fixtures::plain_pdf(3)).expect("cleaned");
    assert_eq!(once.pages, 3);
    let twice = clean(&once.bytes).expect("cleaned again");
    assert_eq!(twice.pages, 3);
    assert_eq!(fixtures::page_texts(&twice.bytes).len(), 3);
}

#[test]
fn refusals_are_typed() {
    assert_eq!(
        clean(&fixtures::encrypted_pdf()),
        Err(PhotoError::Encrypted)
    );
    assert_eq!(
        clean(&fixtures::truncated_pdf()).err(),
        Some(PhotoError::Corrupt)
    );
    assert_eq!(
        clean(&fixtures::missing_content_pdf()).err(),
        Some(PhotoError::Corrupt)
    );
    assert_eq!(
        clean(b"Mme D. glycemie 1.2 g/l, named bilan.pdf"),
        Err(PhotoError::UnsupportedFormat)
    );
    assert!(matches!(
        clean(&fixtures::many_pages_pdf(5_000)),
        Err(PhotoError::TooManyPages {
            pages: 5_000,
            limit: 500
        })
    ));
    let small = DocumentLimits {
        max_bytes: 100,
        ..DocumentLimits::default()
    };
    assert!(matches!(
        clean_pdf(&fixtures::plain_pdf(1), &small),
        Err(PhotoError::TooLarge { limit: 100, .. })
    ));
}

#[test]
fn a_nesting_bomb_is_refused() {
    assert_eq!(
        clean(&fixtures::deeply_nested_pdf(1_000)),
        Err(PhotoError::Corrupt)
    );
}

#[test]
fn the_first_page_is_drawn_as_a_thumbnail() {
    let clean = clean(&fixtures::plain_pdf(1)).expect("cleaned");
    let thumbnail = thumbnail::first_page(&clean.bytes, 320, 75).expect("drawn");
    // A4 portrait: 320 px high, about 226 px wide.
    assert_eq!(thumbnail.height, 320);
    assert!(
        (220..=230).contains(&thumbnail.width),
        "{}",
        thumbnail.width
    );
    assert!(thumbnail.jpeg.starts_with(&[0xFF, 0xD8]));
}

#[tokio::test]
async fn a_title_typed_after_picking_replaces_the_default_and_keeps_the_page_count() {
    let file = prepare_file(crate::PhotoSource::Bytes(fixtures::plain_pdf(2)), None)
        .await
        .expect("prepared");
    assert_eq!(file.caption().as_deref(), Some("Document"));
    let titled = file.with_caption(Some("  Bilan du 3 mars "));
    assert_eq!(titled.caption().as_deref(), Some("Bilan du 3 mars"));
    assert_eq!(titled.kind(), FileKind::Document { pages: 2 });
    assert_eq!(titled.bytes(), file.bytes());
    assert_eq!(
        titled.with_caption(None).caption().as_deref(),
        Some("Document")
    );
}

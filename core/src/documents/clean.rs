//! Cleaning a PDF before it leaves the device, and again before a received one is opened.
//!
//! The file is parsed by lopdf within limits checked first on the cheap parts (size, header,
//! cross-reference table, page tree), then written again without what identifies its author
//! or acts on the reader's device:
//!
//! - the document information dictionary (author, title, software, dates) and the file
//!   identifier in the trailer; every XMP metadata stream and private application data
//!   (`PieceInfo`); the author and dates of comments;
//! - JavaScript (document-level, in actions, in annotations and form fields), the actions that
//!   open a file, a program or an address (`Launch`, `URI`, `GoToR`, `GoToE`), submit or import
//!   form data, or play media, and every automatic action (`OpenAction`, `AA`);
//! - embedded and associated files, file attachment and media annotations, XFA forms.
//!
//! Pages, their text, images and fonts, links inside the document and form fields stay. A
//! password-protected file is refused ([`PhotoError::Encrypted`]): it cannot be cleaned without
//! its password, and the recipient could not open it either. After cleaning, the written file
//! is audited with the same rules: anything left is a refusal, never a send.

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::photos::PhotoError;

/// Limits on a document, sent or received.
#[derive(Clone, Debug)]
pub struct DocumentLimits {
    /// Larger files are refused unread (default 40 MB: a 50-page scan at 300 dpi).
    pub max_bytes: u64,
    /// Pages (default 500), counted on the page tree before any object is loaded.
    pub max_pages: u32,
    /// Objects of the file (default 250 000), the size of its cross-reference table.
    pub max_objects: usize,
    /// What one compressed stream may inflate to while loading (default 64 MB).
    pub max_stream_bytes: usize,
}

impl Default for DocumentLimits {
    fn default() -> Self {
        Self {
            max_bytes: 40 * 1024 * 1024,
            max_pages: 500,
            max_objects: 250_000,
            max_stream_bytes: 64 * 1024 * 1024,
        }
    }
}

/// A cleaned PDF and its page count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CleanPdf {
    pub bytes: Vec<u8>,
    pub pages: u32,
}

/// Whether `bytes` start like a PDF (its header within the first kilobyte, as readers accept).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes
        .get(..bytes.len().min(1024))
        .is_some_and(|head| head.windows(5).any(|w| w == b"%PDF-"))
}

/// Cleans `bytes` as the module documentation says, or refuses them with a typed error.
pub fn clean_pdf(bytes: &[u8], limits: &DocumentLimits) -> Result<CleanPdf, PhotoError> {
    let size = bytes.len() as u64;
    if size > limits.max_bytes {
        return Err(PhotoError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    if !looks_like_pdf(bytes) {
        return Err(PhotoError::UnsupportedFormat);
    }
    // A complete file ends on its end-of-file marker (readers accept a little trailing data);
    // a cut one does not, and is refused rather than repaired with pages missing.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(PhotoError::Corrupt);
    }
    // The cross-reference table, the trailer and the page tree only: encryption and page
    // count known before any object is parsed.
    let outline = Document::load_metadata_mem(bytes).map_err(|_| PhotoError::Corrupt)?;
    if outline.encrypted {
        return Err(PhotoError::Encrypted);
    }
    check_pages(outline.page_count, limits)?;
    let options = LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes),
        ..LoadOptions::default()
    };
    let mut doc =
        Document::load_mem_with_options(bytes, options).map_err(|_| PhotoError::Corrupt)?;
    if doc.trailer.has(b"Encrypt") || doc.is_encrypted() {
        return Err(PhotoError::Encrypted);
    }
    if doc.objects.len() > limits.max_objects {
        return Err(PhotoError::TooManyObjects {
            objects: doc.objects.len() as u64,
            limit: limits.max_objects as u64,
        });
    }
    // The page tree as lopdf walks it (bounded by the object count): a tree whose count lies
    // is measured on its pages.
    let pages = doc.page_iter().take(limits.max_pages as usize + 1).count() as u32;
    check_pages(pages, limits)?;
    if pages == 0 {
        return Err(PhotoError::Corrupt);
    }
    // Every page's content is in the file: none was lost to a repaired cross-reference table.
    let complete = doc.page_iter().all(|page| {
        doc.get_page_contents(page)
            .iter()
            .all(|id| matches!(doc.objects.get(id), Some(Object::Stream(_))))
    });
    if !complete {
        return Err(PhotoError::Corrupt);
    }

    scrub(&mut doc);
    let mut out = Vec::with_capacity(bytes.len());
    doc.save_to(&mut out).map_err(|_| PhotoError::Corrupt)?;
    // Not kept while the written file is read back: a phone holds one parsed copy at a time.
    drop(doc);

    // The written file, read back and audited: what the recipient will get.
    let written = Document::load_mem(&out).map_err(|_| PhotoError::Corrupt)?;
    let left = audit(&written);
    if !left.is_empty() {
        tracing::warn!(
            ?left,
            "active content or metadata left after cleaning: refused"
        );
        return Err(PhotoError::Failed(
            "the document could not be cleaned".into(),
        ));
    }
    Ok(CleanPdf { bytes: out, pages })
}

fn check_pages(pages: u32, limits: &DocumentLimits) -> Result<(), PhotoError> {
    if pages > limits.max_pages {
        return Err(PhotoError::TooManyPages {
            pages,
            limit: limits.max_pages,
        });
    }
    Ok(())
}

/// Keys removed from every dictionary wherever they are.
const REMOVED_KEYS: &[&[u8]] = &[
    b"Metadata",
    b"PieceInfo",
    b"AA",
    b"OpenAction",
    b"JS",
    b"JavaScript",
    b"EmbeddedFiles",
    b"AF",
    b"XFA",
    b"URI",
];

/// Actions that reach outside the document, run code, send data or play media.
const ACTIVE_ACTIONS: &[&[u8]] = &[
    b"JavaScript",
    b"Launch",
    b"URI",
    b"GoToR",
    b"GoToE",
    b"SubmitForm",
    b"ImportData",
    b"Rendition",
    b"Sound",
    b"Movie",
    b"RichMediaExecute",
];

/// Annotations removed with their content.
const REMOVED_ANNOTATIONS: &[&[u8]] = &[
    b"FileAttachment",
    b"Sound",
    b"Movie",
    b"Screen",
    b"RichMedia",
    b"3D",
];

/// Object types removed wherever they are referenced from.
const REMOVED_TYPES: &[&[u8]] = &[b"Metadata", b"EmbeddedFile", b"Filespec"];

fn name_of<'a>(dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    dict.get(key).ok().and_then(|o| o.as_name().ok())
}

fn dict_of(object: &Object) -> Option<&Dictionary> {
    match object {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn is_active_action(dict: &Dictionary) -> bool {
    name_of(dict, b"S").is_some_and(|s| ACTIVE_ACTIONS.contains(&s))
}

fn is_removed_annotation(dict: &Dictionary) -> bool {
    name_of(dict, b"Subtype").is_some_and(|s| REMOVED_ANNOTATIONS.contains(&s)) && dict.has(b"Rect")
}

fn is_removed_object(dict: &Dictionary) -> bool {
    is_active_action(dict)
        || is_removed_annotation(dict)
        || name_of(dict, b"Type").is_some_and(|t| REMOVED_TYPES.contains(&t))
}

/// Removes what the module documentation lists, then every object nothing refers to.
fn scrub(doc: &mut Document) {
    doc.trailer.remove(b"Info");
    doc.trailer.remove(b"ID");
    // Objects to remove, found once: references to them are dropped everywhere.
    let removed: std::collections::HashSet<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| dict_of(o).is_some_and(is_removed_object))
        .map(|(id, _)| *id)
        .collect();
    for id in &removed {
        doc.objects.remove(id);
    }
    for object in doc.objects.values_mut() {
        scrub_object(object, &removed, 0);
    }
    let mut trailer = std::mem::take(&mut doc.trailer);
    scrub_dictionary(&mut trailer, &removed, 0);
    doc.trailer = trailer;
    doc.prune_objects();
}

/// The parser nests at most 100 levels; this bound only keeps the walk finite on its own.
const MAX_DEPTH: usize = 128;

fn scrub_object(object: &mut Object, removed: &std::collections::HashSet<ObjectId>, depth: usize) {
    if depth > MAX_DEPTH {
        *object = Object::Null;
        return;
    }
    match object {
        Object::Dictionary(dict) => scrub_dictionary(dict, removed, depth + 1),
        Object::Stream(stream) => scrub_dictionary(&mut stream.dict, removed, depth + 1),
        Object::Array(items) => {
            items.retain(|item| !is_dropped(item, removed));
            for item in items.iter_mut() {
                scrub_object(item, removed, depth + 1);
            }
        }
        _ => {}
    }
}

/// A value that points at, or is, something removed.
fn is_dropped(value: &Object, removed: &std::collections::HashSet<ObjectId>) -> bool {
    match value {
        Object::Reference(id) => removed.contains(id),
        other => dict_of(other).is_some_and(is_removed_object),
    }
}

fn scrub_dictionary(
    dict: &mut Dictionary,
    removed: &std::collections::HashSet<ObjectId>,
    depth: usize,
) {
    for key in REMOVED_KEYS {
        dict.remove(key);
    }
    // Comments keep their text; their author and dates go.
    if dict.has(b"Rect") && dict.has(b"Subtype") && name_of(dict, b"Subtype") != Some(b"Widget") {
        for key in [&b"T"[..], b"M", b"CreationDate"] {
            dict.remove(key);
        }
    }
    let dropped: Vec<Vec<u8>> = dict
        .iter()
        .filter(|(_, value)| is_dropped(value, removed))
        .map(|(key, _)| key.clone())
        .collect();
    for key in dropped {
        dict.remove(&key);
    }
    for (_, value) in dict.iter_mut() {
        scrub_object(value, removed, depth);
    }
}

/// What a cleaned file must not hold, by kind: empty when it is clean.
pub fn audit(doc: &Document) -> Vec<&'static str> {
    let mut found = Vec::new();
    let mut note = |what: &'static str| {
        if !found.contains(&what) {
            found.push(what);
        }
    };
    if doc.trailer.has(b"Info") {
        note("document information");
    }
    if doc.trailer.has(b"Encrypt") {
        note("encryption");
    }
    fn walk(object: &Object, note: &mut dyn FnMut(&'static str), depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        if let Some(dict) = dict_of(object) {
            for key in REMOVED_KEYS {
                if dict.has(key) {
                    note("metadata, automatic action, script or embedded file");
                }
            }
            if is_active_action(dict) {
                note("active action");
            }
            if is_removed_annotation(dict) {
                note("file or media annotation");
            }
            if name_of(dict, b"Type").is_some_and(|t| REMOVED_TYPES.contains(&t)) {
                note("metadata stream or embedded file");
            }
            for (_, value) in dict.iter() {
                walk(value, note, depth + 1);
            }
        } else if let Object::Array(items) = object {
            for item in items {
                walk(item, note, depth + 1);
            }
        }
    }
    for object in doc.objects.values() {
        walk(object, &mut note, 0);
    }
    found
}

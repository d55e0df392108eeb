//! Cleaning a PDF before it leaves the device, and again before a received one is opened.
//!
//! The file is parsed by lopdf within limits checked first on the cheap parts (size, header,
//! cross-reference table, page tree), then written again without what identifies its author
//! or acts on the reader's device:
//!
//! - the document information dictionary (author, title, software, dates) and the file
//!   identifier in the trailer; every XMP metadata stream and private application data
//!   (`PieceInfo`); the author and dates of comments;
//! - every action but moving inside the document (`GoTo`, `Named`): JavaScript, opening a
//!   program, a file or an address, submitting or importing form data, media; and every
//!   automatic action (`OpenAction`, `AA`); names written as indirect objects are read as a
//!   viewer reads them;
//! - embedded, associated and launched files, file attachment and media annotations, XFA
//!   forms, signatures (the signer's name and certificate), page thumbnails.
//!
//! Pages, their text, images and fonts, links inside the document and form fields stay. A
//! password-protected file is refused ([`PhotoError::Encrypted`]): it cannot be cleaned without
//! its password, and the recipient could not open it either. After cleaning, the written file
//! is audited with the same rules: anything left is a refusal, never a send.

use std::collections::HashSet;

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
        doc.get_dictionary(page).is_ok()
            && doc
                .get_page_contents(page)
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
    // Files a file specification embeds, refers to or launches.
    b"EF",
    b"RF",
    b"EP",
    b"Win",
    b"Unix",
    b"Mac",
    // Who made or changed it, and what pages looked like before (thumbnails).
    b"LastModified",
    b"Thumb",
    b"SpiderInfo",
    b"URLS",
    b"CreatorInfo",
    b"DSS",
    b"Perms",
];

/// The only actions kept: moving inside the document. Every other action (scripts, launching
/// a program, opening a file or an address, submitting or importing form data, media) goes,
/// and so does an action with no kind.
const KEPT_ACTIONS: &[&[u8]] = &[b"GoTo", b"Named"];

/// Keys whose value is an action (or a chain of them).
const ACTION_KEYS: &[&[u8]] = &[b"A", b"Next", b"PA"];

/// Annotations removed with their content.
const REMOVED_ANNOTATIONS: &[&[u8]] = &[
    b"FileAttachment",
    b"Sound",
    b"Movie",
    b"Screen",
    b"RichMedia",
    b"3D",
];

/// Object types removed wherever they are referenced from (signatures carry the signer's name,
/// place and certificate; rewriting the file breaks them anyway).
const REMOVED_TYPES: &[&[u8]] = &[b"Metadata", b"EmbeddedFile", b"Filespec", b"Sig"];

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

fn is_kept_action(dict: &Dictionary) -> bool {
    name_of(dict, b"S").is_some_and(|s| KEPT_ACTIONS.contains(&s))
}

/// An action other than the kept ones: one with a kind, or one that says it is an action.
fn is_active_action(dict: &Dictionary) -> bool {
    (dict.has(b"S") || name_of(dict, b"Type") == Some(b"Action")) && !is_kept_action(dict)
}

fn is_removed_annotation(dict: &Dictionary) -> bool {
    name_of(dict, b"Subtype").is_some_and(|s| REMOVED_ANNOTATIONS.contains(&s))
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
    inline_names(doc);
    // Objects to remove, and the actions kept, found once.
    let plan = Plan {
        removed: ids_where(doc, is_removed_object),
        kept_actions: ids_where(doc, is_kept_action),
    };
    for id in &plan.removed {
        doc.objects.remove(id);
    }
    for object in doc.objects.values_mut() {
        scrub_object(object, &plan, 0);
    }
    let mut trailer = std::mem::take(&mut doc.trailer);
    scrub_dictionary(&mut trailer, &plan, 0);
    doc.trailer = trailer;
    doc.prune_objects();
}

struct Plan {
    removed: HashSet<ObjectId>,
    kept_actions: HashSet<ObjectId>,
}

fn ids_where(doc: &Document, rule: fn(&Dictionary) -> bool) -> HashSet<ObjectId> {
    doc.objects
        .iter()
        .filter(|(_, o)| dict_of(o).is_some_and(rule))
        .map(|(id, _)| *id)
        .collect()
}

/// Names written as indirect objects (`/S 5 0 R`, `5 0 obj /Launch`) are put in place, so
/// every rule reads them as a viewer would.
fn inline_names(doc: &mut Document) {
    let names: std::collections::HashMap<ObjectId, Object> = doc
        .objects
        .iter()
        .filter(|(_, o)| matches!(o, Object::Name(_)))
        .map(|(id, o)| (*id, o.clone()))
        .collect();
    if names.is_empty() {
        return;
    }
    doc.traverse_objects(|object| {
        if let Object::Reference(id) = object {
            if let Some(name) = names.get(id) {
                *object = name.clone();
            }
        }
    });
}

/// The parser nests at most 100 levels; this bound only keeps the walk finite on its own.
const MAX_DEPTH: usize = 128;

fn scrub_object(object: &mut Object, plan: &Plan, depth: usize) {
    if depth > MAX_DEPTH {
        *object = Object::Null;
        return;
    }
    match object {
        Object::Dictionary(dict) => scrub_dictionary(dict, plan, depth + 1),
        Object::Stream(stream) => scrub_dictionary(&mut stream.dict, plan, depth + 1),
        Object::Array(items) => {
            items.retain(|item| !is_dropped(item, &plan.removed));
            for item in items.iter_mut() {
                scrub_object(item, plan, depth + 1);
            }
        }
        _ => {}
    }
}

/// A value that points at, or is, something removed.
fn is_dropped(value: &Object, removed: &HashSet<ObjectId>) -> bool {
    match value {
        Object::Reference(id) => removed.contains(id),
        other => dict_of(other).is_some_and(is_removed_object),
    }
}

/// Whether an action key's value is only actions that are kept (or a list of them).
fn only_kept_actions(value: &Object, plan: &Plan) -> bool {
    match value {
        Object::Reference(id) => plan.kept_actions.contains(id),
        Object::Array(items) => items.iter().all(|item| only_kept_actions(item, plan)),
        other => dict_of(other).is_some_and(is_kept_action),
    }
}

fn scrub_dictionary(dict: &mut Dictionary, plan: &Plan, depth: usize) {
    for key in REMOVED_KEYS {
        dict.remove(key);
    }
    for key in ACTION_KEYS {
        if dict
            .get(key)
            .is_ok_and(|value| !only_kept_actions(value, plan))
        {
            dict.remove(key);
        }
    }
    // Comments keep their text; their author and dates go.
    if dict.has(b"Rect") && dict.has(b"Subtype") && name_of(dict, b"Subtype") != Some(b"Widget") {
        for key in [&b"T"[..], b"M", b"CreationDate"] {
            dict.remove(key);
        }
    }
    let dropped: Vec<Vec<u8>> = dict
        .iter()
        .filter(|(_, value)| is_dropped(value, &plan.removed))
        .map(|(key, _)| key.clone())
        .collect();
    for key in dropped {
        dict.remove(&key);
    }
    for (_, value) in dict.iter_mut() {
        scrub_object(value, plan, depth);
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
            note("nesting too deep to check");
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
            for key in ACTION_KEYS {
                let direct_unkept = dict
                    .get(key)
                    .ok()
                    .and_then(dict_of)
                    .is_some_and(|action| !is_kept_action(action));
                if direct_unkept {
                    note("active action");
                }
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

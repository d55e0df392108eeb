//! What a document message says, read from its encrypted event: the title, the page count of
//! its caption, the size and whether a thumbnail was sent. The file itself is fetched on demand
//! ([`Conversation::document`](crate::Conversation::document)).

use matrix_sdk::ruma::events::room::message::{FileMessageEventContent, MessageFormat};

use super::prepared::PAGES_ATTRIBUTE;

/// A document in the case, before it is downloaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DocumentMessage {
    /// The title the sender gave it (their client's file name when they gave none).
    pub title: String,
    /// Pages, as the sender's device counted them (checked again when the file is opened).
    pub pages: Option<u32>,
    /// Size of the file in bytes.
    pub size: Option<u64>,
    pub has_thumbnail: bool,
    /// A PDF (the only kind of document opened here); anything else is shown, never opened.
    pub is_pdf: bool,
}

pub(crate) fn document(file: &FileMessageEventContent) -> DocumentMessage {
    let info = file.info.as_deref();
    let mimetype = info.and_then(|i| i.mimetype.as_deref());
    let name = file.filename();
    let is_pdf = mimetype == Some("application/pdf")
        || (mimetype.is_none() && name.to_ascii_lowercase().ends_with(".pdf"));
    let pages = file
        .formatted
        .as_ref()
        .filter(|f| f.format == MessageFormat::Html)
        .and_then(|f| pages_of(&f.body));
    DocumentMessage {
        title: file.caption().unwrap_or(name).to_owned(),
        pages,
        size: info.and_then(|i| i.size).map(u64::from),
        has_thumbnail: info.is_some_and(|i| i.thumbnail_source.is_some()),
        is_pdf,
    }
}

/// The page count written by [`prepared`](super::prepared) in a formatted caption.
fn pages_of(html: &str) -> Option<u32> {
    let start = html.find(PAGES_ATTRIBUTE)? + PAGES_ATTRIBUTE.len();
    let rest = html.get(start..)?.strip_prefix("=\"")?;
    let digits = &rest[..rest.find('"')?];
    digits.parse().ok().filter(|pages| *pages > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_count_is_read_back_from_the_caption_only_when_well_formed() {
        assert_eq!(
            pages_of("Bilan<span data-innomed-pages=\"12\"></span>"),
            Some(12)
        );
        assert_eq!(
            pages_of("Bilan<span data-innomed-pages=\"0\"></span>"),
            None
        );
        assert_eq!(
            pages_of("Bilan<span data-innomed-pages=\"-1\"></span>"),
            None
        );
        assert_eq!(pages_of("Bilan<span data-innomed-pages=12></span>"), None);
        assert_eq!(pages_of("Bilan"), None);
        assert_eq!(pages_of("data-innomed-pages=\"99999999999\""), None);
    }
}

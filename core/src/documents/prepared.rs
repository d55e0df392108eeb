//! A file ready to send: a photo sanitised or a PDF cleaned, with its thumbnail, on this device.
//!
//! The doctor picks files one by one; each is prepared at once, so a refusal ("this PDF is
//! protected by a password") is said next to the file, before anything is sent. The prepared
//! files then go into the case together, in the doctor's order ([`Conversation::send_files`]).
//!
//! The only file names sent are generic ([`SENT_FILE_NAME`], [`SENT_DOCUMENT_NAME`]): the name
//! on the doctor's phone may carry the patient's name. A document's title and page count travel
//! in its caption, inside the encrypted event: the title as the caption's text, the page count
//! as an attribute of an empty element of its formatted form, which other Matrix clients
//! ignore when they draw it.
//!
//! [`Conversation::send_files`]: crate::Conversation::send_files

use matrix_sdk::{
    attachment::{AttachmentConfig, AttachmentInfo, BaseFileInfo, BaseImageInfo, Thumbnail},
    ruma::{events::room::message::TextMessageEventContent, OwnedTransactionId, UInt},
};

use super::{clean_pdf, looks_like_pdf, thumbnail, DocumentLimits};
use crate::photos::{
    sanitize, EncodedImage, PhotoError, PhotoSource, SanitizeOptions, SENT_FILE_NAME,
};

/// The only name a sent document carries.
pub const SENT_DOCUMENT_NAME: &str = "document.pdf";

/// The attribute of the caption's formatted body that carries a document's page count.
pub(crate) const PAGES_ATTRIBUTE: &str = "data-innomed-pages";

/// What a prepared file is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FileKind {
    Photo { width: u32, height: u32 },
    Document { pages: u32 },
}

/// A file sanitised or cleaned on this device, not sent yet.
#[derive(Clone, Debug)]
pub struct PreparedFile {
    kind: FileKind,
    data: Vec<u8>,
    /// A photo's placeholder, drawn before its thumbnail is decrypted.
    blurhash: Option<String>,
    thumbnail: Option<EncodedImage>,
    caption: Option<TextMessageEventContent>,
}

impl PreparedFile {
    pub fn kind(&self) -> FileKind {
        self.kind.clone()
    }

    /// Bytes that will be encrypted and uploaded.
    pub fn size(&self) -> u64 {
        self.data.len() as u64
    }

    /// The thumbnail JPEG that will be sent with it (for the app's preview before sending).
    pub fn thumbnail(&self) -> Option<Vec<u8>> {
        self.thumbnail.as_ref().map(|t| t.jpeg.clone())
    }

    /// The caption (a photo) or the title (a document) as it will be sent.
    pub fn caption(&self) -> Option<String> {
        self.caption.as_ref().map(|c| c.body.clone())
    }

    /// The same file with another caption (a photo) or title (a document), typed after it
    /// was picked; nothing is sanitised or cleaned again.
    pub fn with_caption(&self, caption: Option<&str>) -> Self {
        let caption = typed(caption);
        Self {
            caption: match self.kind {
                FileKind::Photo { .. } => caption.as_deref().map(TextMessageEventContent::markdown),
                FileKind::Document { pages } => Some(document_caption(caption, pages)),
            },
            ..self.clone()
        }
    }

    /// The cleaned bytes themselves (what the recipients will decrypt).
    pub fn bytes(&self) -> &[u8] {
        &self.data
    }

    /// Name, content type, bytes and the send configuration under a fresh transaction id.
    pub(crate) fn into_parts(
        self,
    ) -> (
        &'static str,
        mime::Mime,
        Vec<u8>,
        AttachmentConfig,
        OwnedTransactionId,
    ) {
        let transaction_id = matrix_sdk::ruma::TransactionId::new();
        let size = Some(byte_size(self.data.len()));
        let info = match self.kind {
            FileKind::Photo { width, height } => AttachmentInfo::Image(BaseImageInfo {
                width: Some(UInt::from(width)),
                height: Some(UInt::from(height)),
                size,
                blurhash: self.blurhash,
                is_animated: Some(false),
            }),
            FileKind::Document { .. } => AttachmentInfo::File(BaseFileInfo { size }),
        };
        let config = AttachmentConfig::new()
            .txn_id(transaction_id.clone())
            .thumbnail(self.thumbnail.map(jpeg_thumbnail))
            .info(info)
            .caption(self.caption);
        let (name, mime) = match self.kind {
            FileKind::Photo { .. } => (SENT_FILE_NAME, mime::IMAGE_JPEG),
            FileKind::Document { .. } => (SENT_DOCUMENT_NAME, mime::APPLICATION_PDF),
        };
        (name, mime, self.data, config, transaction_id)
    }
}

/// Prepares a photo (JPEG, PNG, WebP) or a PDF, told apart by their bytes, never by the name.
///
/// A photo's `caption` is markdown; a document's is its title (plain text). Refused with a
/// typed error, nothing kept: see [`sanitize`] and [`clean_pdf`].
pub async fn prepare_file(
    source: PhotoSource,
    caption: Option<&str>,
) -> Result<PreparedFile, PhotoError> {
    let photo_options = SanitizeOptions::default();
    let limits = DocumentLimits::default();
    let bytes = read(source, photo_options.max_input_bytes.max(limits.max_bytes)).await?;
    let caption = typed(caption);
    tokio::task::spawn_blocking(move || {
        if looks_like_pdf(&bytes) {
            document(&bytes, caption, &limits, &photo_options)
        } else {
            photo(&bytes, caption, &photo_options)
        }
    })
    .await
    .map_err(|e| PhotoError::Failed(e.to_string()))?
}

/// Prepares a photo with these sanitising options (a request's photos, the photo screen).
pub(crate) async fn prepare_photo(
    source: PhotoSource,
    caption: Option<&str>,
    options: &SanitizeOptions,
) -> Result<PreparedFile, PhotoError> {
    let bytes = read(source, options.max_input_bytes).await?;
    let caption = typed(caption);
    let options = options.clone();
    tokio::task::spawn_blocking(move || photo(&bytes, caption, &options))
        .await
        .map_err(|e| PhotoError::Failed(e.to_string()))?
}

fn photo(
    bytes: &[u8],
    caption: Option<String>,
    options: &SanitizeOptions,
) -> Result<PreparedFile, PhotoError> {
    let photo = sanitize(bytes, options)?;
    Ok(PreparedFile {
        kind: FileKind::Photo {
            width: photo.image.width,
            height: photo.image.height,
        },
        thumbnail: Some(photo.thumbnail),
        data: photo.image.jpeg,
        blurhash: Some(photo.blurhash),
        caption: caption.as_deref().map(TextMessageEventContent::markdown),
    })
}

fn document(
    bytes: &[u8],
    title: Option<String>,
    limits: &DocumentLimits,
    options: &SanitizeOptions,
) -> Result<PreparedFile, PhotoError> {
    let clean = clean_pdf(bytes, limits)?;
    let thumbnail = thumbnail::first_page(
        &clean.bytes,
        options.thumbnail_edge,
        options.thumbnail_quality,
    );
    Ok(PreparedFile {
        kind: FileKind::Document { pages: clean.pages },
        data: clean.bytes,
        blurhash: None,
        thumbnail,
        caption: Some(document_caption(title, clean.pages)),
    })
}

/// A document's caption: its title (always one, so the page count has a caption to travel
/// in) and, in the formatted form, the page count.
fn document_caption(title: Option<String>, pages: u32) -> TextMessageEventContent {
    let title = title.unwrap_or_else(|| "Document".to_owned());
    let html = format!(
        "{}<span {PAGES_ATTRIBUTE}=\"{pages}\"></span>",
        escape_html(&title)
    );
    TextMessageEventContent::html(title, html)
}

/// A caption as the doctor typed it: trimmed, none when blank.
fn typed(caption: Option<&str>) -> Option<String> {
    caption
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
}

fn jpeg_thumbnail(image: EncodedImage) -> Thumbnail {
    Thumbnail {
        content_type: mime::IMAGE_JPEG,
        width: UInt::from(image.width),
        height: UInt::from(image.height),
        size: byte_size(image.jpeg.len()),
        data: image.jpeg,
    }
}

fn byte_size(len: usize) -> UInt {
    UInt::try_from(len as u64).unwrap_or(UInt::MAX)
}

/// The five characters HTML gives a meaning to, for the title inside the formatted caption.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Reads the source, refusing a file over `limit` before reading a byte of it.
pub(crate) async fn read(source: PhotoSource, limit: u64) -> Result<Vec<u8>, PhotoError> {
    match source {
        PhotoSource::Bytes(bytes) => Ok(bytes),
        PhotoSource::File(path) => {
            let size = tokio::fs::metadata(&path)
                .await
                .map_err(|_| PhotoError::Unreadable)?
                .len();
            if size > limit {
                return Err(PhotoError::TooLarge { size, limit });
            }
            tokio::fs::read(&path)
                .await
                .map_err(|_| PhotoError::Unreadable)
        }
    }
}

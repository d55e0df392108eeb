/// Why a photo or a document could not be prepared, sent or shown. Nothing is uploaded when
/// sending fails before the file is queued (every variant up to `NotEncrypted`).
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum PhotoError {
    #[error("the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("neither a JPEG, PNG or WebP image nor a PDF")]
    UnsupportedFormat,
    #[error("the image is {width}×{height} pixels, over the {limit}-pixel limit")]
    TooManyPixels { width: u32, height: u32, limit: u64 },
    #[error("the file is corrupt or truncated")]
    Corrupt,
    /// A password-protected PDF: it cannot be cleaned, and nobody could open it.
    #[error("the document is protected by a password: remove the protection first")]
    Encrypted,
    #[error("the document has {pages} pages, over the {limit}-page limit")]
    TooManyPages { pages: u32, limit: u32 },
    #[error("the document has {objects} parts, over the {limit} limit")]
    TooManyObjects { objects: u64, limit: u64 },
    #[error("the file cannot be read")]
    Unreadable,
    #[error("the patient's consent to photos is not recorded in the case header")]
    NoConsent,
    #[error("the case is not joined")]
    NotJoined,
    /// A request waits for the requesting GP's device to hand it over to its taker.
    #[error("the request has not been handed over to its specialist yet: try again once it is")]
    NotHandedOver,
    /// Someone nobody of the case invited is in it: nothing is sent until they are removed.
    #[error("someone nobody invited is in the case: nothing is sent until they are removed")]
    UninvitedMember,
    /// A member is neither verified by this doctor nor attested by their CPTS, and the doctor
    /// has not confirmed them in this case: nothing is sent until they confirm or remove them.
    #[error("a member is neither verified by you nor attested by your CPTS: nothing is sent until you confirm or remove them")]
    UnconfirmedMember,
    #[error("the room is not end-to-end encrypted: nothing is sent into it")]
    NotEncrypted,
    #[error("no such message in this case")]
    MessageNotFound,
    #[error("this message is not a photo")]
    NotAPhoto,
    #[error("this message is not a document")]
    NotADocument,
    #[error("the downloaded file does not match its hash: it was altered, nothing is shown")]
    Tampered,
    #[error("the homeserver no longer has this file")]
    MediaMissing,
    #[error("the homeserver cannot be reached")]
    HomeserverUnreachable,
    #[error("the photo could not be queued or fetched: {0}")]
    Failed(String),
}

impl PhotoError {
    /// Classifies an SDK error of a download or of queuing an upload.
    pub(crate) fn from_sdk(e: &matrix_sdk::Error) -> Self {
        use crate::failure::Failure;
        match Failure::of(e) {
            Failure::Altered => Self::Tampered,
            Failure::Unreachable => Self::HomeserverUnreachable,
            Failure::NotFound => Self::MediaMissing,
            other => Self::Failed(other.describe()),
        }
    }
}

impl PhotoError {
    /// The stable code of this error (`too_large`, `not_allowed`…): what the terminal client
    /// prints for scripts and the apps' messages are keyed on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "photo_too_large",
            Self::UnsupportedFormat => "unsupported_format",
            Self::TooManyPixels { .. } => "too_many_pixels",
            Self::Corrupt => "corrupt_photo",
            Self::Encrypted => "encrypted_document",
            Self::TooManyPages { .. } => "too_many_pages",
            Self::TooManyObjects { .. } => "too_many_objects",
            Self::NotADocument => "not_a_document",
            Self::Unreadable => "unreadable_file",
            Self::NoConsent => "no_photo_consent",
            Self::NotJoined => "not_joined",
            Self::NotEncrypted => "not_encrypted",
            Self::NotHandedOver => "not_handed_over",
            Self::MessageNotFound => "message_not_found",
            Self::NotAPhoto => "not_a_photo",
            Self::Tampered => "tampered",
            Self::MediaMissing => "media_missing",
            Self::HomeserverUnreachable => "homeserver_unreachable",
            Self::Failed(_) => "photo_failed",
            Self::UninvitedMember => "uninvited_member",
            Self::UnconfirmedMember => "unconfirmed_member",
        }
    }
}

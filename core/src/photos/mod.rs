//! Clinical photos: sanitised on the device, sent encrypted, shown thumbnail first.
//!
//! - [`sanitize`] turns camera bytes into a clean JPEG, a thumbnail and a blurhash; see its
//!   module for what is removed and which limits apply.
//! - [`Conversation::send_photo`](crate::Conversation::send_photo) checks the patient's consent
//!   and queues the photo as an encrypted attachment, with upload progress.
//! - [`Conversation::photo`](crate::Conversation::photo) fetches and decrypts a thumbnail or a
//!   full image, refusing altered files and, before anything decodes them, received images
//!   over the size and pixel limits of [`received`].

mod consent;
mod error;
mod fetch;
mod received;
mod sanitize;
mod send;
#[cfg(test)]
mod tests;

pub(crate) use self::sanitize::encode as encode_jpeg;

pub use self::{
    error::PhotoError,
    fetch::{MessageRef, PhotoSize},
    received::{
        MAX_RECEIVED_BYTES, MAX_RECEIVED_PIXELS, MAX_THUMBNAIL_BYTES, MAX_THUMBNAIL_PIXELS,
    },
    sanitize::{sanitize, EncodedImage, SanitizeOptions, SanitizedPhoto},
    send::{PhotoSource, PhotoUpload, UploadProgress, UploadUpdates, SENT_FILE_NAME},
};

//! Clinical photos: sanitised on the device before anything is sent.
//!
//! [`sanitize`] turns camera bytes into a clean JPEG, a thumbnail and a blurhash; see its
//! module for what is removed and which limits apply.

mod sanitize;
#[cfg(test)]
mod tests;

pub use self::sanitize::{sanitize, EncodedImage, PhotoError, SanitizeOptions, SanitizedPhoto};

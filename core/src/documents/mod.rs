//! Documents (PDF lab results, ECG tracings, letters) and several files sent in one go.
//!
//! - [`prepare_file`] tells a photo from a PDF by its bytes, sanitises the photo or cleans the
//!   PDF ([`clean_pdf`]: metadata, scripts, embedded files and outward actions removed, limits
//!   checked first) and draws a PDF's first page as its thumbnail.
//! - [`Conversation::send_files`](crate::Conversation::send_files) queues prepared files in the
//!   doctor's order through the durable send queue, encrypted like photos.
//! - [`Conversation::document`](crate::Conversation::document) downloads a received PDF on
//!   demand, checks and cleans it again; [`Conversation::save_document`](crate::Conversation::save_document) writes it for the
//!   platform's viewer inside the account's folder, emptied when the case is left.

mod clean;
mod message;
mod open;
mod prepared;
#[cfg(test)]
mod tests;
mod thumbnail;

pub use self::{
    clean::{audit, clean_pdf, looks_like_pdf, CleanPdf, DocumentLimits},
    message::DocumentMessage,
    prepared::{prepare_file, FileKind, PreparedFile, SENT_DOCUMENT_NAME},
};
pub(crate) use self::{
    message::document as document_message, open::install_cleanup, prepared::prepare_photo,
};

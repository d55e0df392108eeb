//! Trust: the doctor's cryptographic identity across devices.
//!
//! Cross-signing is set up at first sign-in (`InnomedClient::login` waits for it). Here:
//! [`recovery`](InnomedClient::enable_recovery) — server-side key backup and secret storage
//! behind one recovery key, shown once; a new device enters it to become cross-signed and read
//! the old history.

mod error;
mod recovery;

pub use self::{error::TrustError, recovery::RecoveryStatus};

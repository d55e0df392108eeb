//! Trust: the doctor's cryptographic identity across devices.
//!
//! Cross-signing is set up at first sign-in (`InnomedClient::login` waits for it). Here:
//! [`recovery`](InnomedClient::enable_recovery) — server-side key backup and secret storage
//! behind one recovery key, shown once; a new device enters it to become cross-signed and read
//! the old history.
//! [`verification`](InnomedClient::verify_device) — emoji (SAS) verification of another device
//! of the doctor or of a colleague, driven step by step.

mod error;
mod identity;
mod level;
mod recovery;
mod verification;

pub(crate) use self::verification::Incoming;
pub use self::{
    error::TrustError,
    level::TrustLevel,
    recovery::RecoveryStatus,
    verification::{DeviceInfo, SasEmoji, Verification, VerificationState},
};

//! Innomed's FFI: the core for the phones, through UniFFI (proc-macros, no UDL).
//!
//! The core's enums, records and errors carry their own UniFFI derives (its `uniffi` feature);
//! this crate adds only what the phones need around them, each method one call of the core:
//! - [`platform`]: `init_platform` (tokio runtime, logs with ids only);
//! - [`client`]: `ClientBuilder` (homeserver, data folder, `SecureStore` foreign trait for the
//!   session and the store key) and `Client` (sign in, restore, sign out, sync, cases);
//! - [`cases`]: `CaseRoom` (header, status, allowed actions, members, invite, accept, remove);
//! - [`conversation`]: `Conversation` (live items, send, reply, edit, reactions, receipts,
//!   history, photos with upload progress);
//! - [`files`]: photos and PDFs prepared one by one, sent together; documents opened;
//! - [`cpts`]: the CPTS (directory, rota, requests, care teams) and the request workflow;
//! - [`psc`]: sign-in with Pro Santé Connect, asking to join a CPTS, approving members;
//! - [`trust`], [`verification`], [`push`]: recovery, emoji verification, pushes;
//! - [`diff`]: one shape of change for every live list;
//! - [`error`]: the sign-in errors (the rest are the core's own);
//! - `android_tls` (Android only): the JNI entry point that hands the app's `Context` to
//!   rustls-platform-verifier.
//!
//! Every async method runs on the runtime of [`platform`], whatever executor the foreign side
//! polls from (Kotlin coroutines, Swift concurrency). A panic in the core reaches the app as
//! UniFFI's internal error, never as an unwind.

uniffi::setup_scaffolding!();

#[cfg(target_os = "android")]
mod android_tls;
pub mod availability;
pub mod bench;
pub mod call_back;
pub mod cases;
pub mod client;
pub mod conversation;
pub mod cpts;
pub mod diff;
pub mod error;
pub mod files;
pub mod partners;
pub mod platform;
pub mod psc;
pub mod push;
pub mod routing;
pub mod search;
pub mod task;
pub mod trust;
pub mod verification;

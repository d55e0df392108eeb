//! Innomed's FFI: the core for the phones, through UniFFI (proc-macros, no UDL).
//!
//! Thin objects over `innomed-core`, shaped for Kotlin and Swift:
//! - [`platform`]: `init_platform` (tokio runtime, logs with ids only);
//! - [`client`]: `ClientBuilder` (homeserver, data folder, `SecureStore` foreign trait for the
//!   session and the store key) and `Client` (login, restore, logout, own ids, sync);
//! - [`cases`]: the case list (`subscribe` → reset then diffs) and `CaseRoom` (header, status,
//!   invite, accept/decline);
//! - [`actions`]: what the doctor may do with a case now, as the core decides it;
//! - [`timeline`]: the conversation (`subscribe` → reset then diffs, send, reply, edit,
//!   read receipt, history);
//! - [`photos`]: send a photo (bytes or file, upload progress listener), fetch the decrypted
//!   thumbnail or full image;
//! - [`push`]: content-free pusher registration, and the lock-screen line of a pushed event;
//! - [`trust`]: recovery key (enable once, recover on a new device), key backup, whether this
//!   device is cross-signed;
//! - [`verification`]: emoji (SAS) verification step by step, a user's devices;
//! - [`error`]: a few typed error enums whose variants are the stable codes the shells
//!   localise; no panic crosses the boundary.
//!
//! Every async method runs on the runtime of [`platform`], whatever executor the foreign side
//! polls from (Kotlin coroutines, Swift concurrency).

uniffi::setup_scaffolding!();

pub mod actions;
pub mod bench;
pub mod cases;
pub mod client;
mod convert;
pub mod cpts;
pub mod cpts_errors;
pub mod error;
pub mod photos;
pub mod platform;
pub mod push;
pub mod task;
pub mod timeline;
pub mod trust;
pub mod verification;

//! Innomed test harness: a real, local Synapse homeserver for the Rust test
//! suites, the demo and (later) the Kotlin tests.
//!
//! - [`ensure_synapse`] installs the pinned Synapse ([`SYNAPSE_VERSION`]) into a
//!   virtualenv under `target/synapse/venv` once, guarded against concurrent
//!   installers.
//! - [`Homeserver::start`] runs a fresh Synapse on `127.0.0.1` with the
//!   privacy settings ([`PRIVACY_YAML`], always on) and the test-only settings
//!   ([`TESTING_YAML`]: open registration, no rate limits).
//! - [`Homeserver::shared`] is one lazily started server per test process.
//! - `database_contains`, `log_contains`, `media_store_contains`, `uploads_of` and
//!   `event_json_rows` show what an attacker with the server's disk would see.
//! - [`IdentityProvider`] is an OpenID Connect provider on loopback standing in for Pro Santé
//!   Connect (the shared homeserver offers sign-in with it).
//! - [`PushGateway`] records on loopback what the homeserver pushes.
//! - [`Federation`] runs several homeservers that federate over TLS (a test certificate
//!   authority) with the servers they list only, and optionally one they do not list.
//! - [`FaultProxy`] stands between clients and the homeserver on loopback, and delays, cuts
//!   or resets their connections on demand.
//! - [`photos`] builds camera-like JPEGs full of metadata, and checks sanitised ones.

mod config;
pub mod documents;
mod error;
mod federation;
mod homeserver;
pub mod http;
mod identity_provider;
mod inspect;
pub mod photos;
mod process;
mod proxy;
mod push_gateway;
mod tls;
mod util;
mod venv;

pub use config::{PRIVACY_YAML, PSC_YAML, TESTING_YAML};
pub use error::HarnessError;
pub use federation::{Federation, FederationMember};
pub use homeserver::{Homeserver, HomeserverOptions};
pub use identity_provider::IdentityProvider;
pub use inspect::{file_contains, files_under, Upload};
pub use proxy::FaultProxy;
pub use push_gateway::PushGateway;
pub use venv::{ensure_synapse, venv_dir, workspace_root};

/// The Synapse release every test, the demo and CI run against.
pub const SYNAPSE_VERSION: &str = "1.163.2";

/// Result type of this crate.
pub type Result<T, E = HarnessError> = std::result::Result<T, E>;

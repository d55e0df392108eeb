#![recursion_limit = "256"]
//! Innomed against a real Synapse: one test binary, one module per feature, one shared
//! homeserver with fresh users per test (plus dedicated servers where a test must stop one).

mod accounts;
mod attestation;
mod availability;
mod browser;
mod call_back;
mod cases;
mod confirmation;
mod counts;
mod cpts;
mod directory;
mod documents;
mod errors;
mod federation;
mod integrity;
mod intruder;
mod killed;
mod logs;
mod mute;
mod offline;
mod offline_read;
mod owed;
mod partner_rosters;
mod partners;
mod photos;
mod psc;
mod push;
mod recovery;
mod reroute;
mod routing;
mod search;
mod sessions;
mod signout;
mod support;
mod trust;
mod unencrypted;
mod verification;

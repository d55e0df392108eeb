//! How the core's ids cross the FFI: as strings, checked when they come back in. Only with the
//! `uniffi` feature; every other derive sits on its type as
//! `#[cfg_attr(feature = "uniffi", derive(uniffi::…))]`.

use std::path::PathBuf;

use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId};

use crate::Rpps;

uniffi::custom_type!(OwnedUserId, String, {
    remote,
    try_lift: |s| Ok(OwnedUserId::try_from(s)?),
    lower: |id| id.to_string(),
});

uniffi::custom_type!(OwnedRoomId, String, {
    remote,
    try_lift: |s| Ok(OwnedRoomId::try_from(s)?),
    lower: |id| id.to_string(),
});

uniffi::custom_type!(OwnedEventId, String, {
    remote,
    try_lift: |s| Ok(OwnedEventId::try_from(s)?),
    lower: |id| id.to_string(),
});

uniffi::custom_type!(PathBuf, String, {
    remote,
    try_lift: |s| Ok(PathBuf::from(s)),
    lower: |p| p.display().to_string(),
});

uniffi::custom_type!(Rpps, String, {
    try_lift: |s| Ok(Rpps::parse(&s)?),
    lower: |r| r.to_string(),
});

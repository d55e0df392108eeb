//! The FFI's own logic, without a homeserver: subscriptions stop when cancelled or dropped,
//! errors keep their codes, and input checks hold. (The whole API is tested from Kotlin
//! against Synapse in bindings/kotlin/jvm.)
//!
//! This test also makes `cargo test --workspace` build `libinnomed_ffi.so` with the same
//! features as every other crate, so the Kotlin step reuses it instead of rebuilding the SDK.

use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Duration,
};

use innomed_core::{AccountError, ConversationItem};
use innomed_ffi::{
    bench::{benchmark_timeline_reset, is_valid_user_id},
    conversation::ConversationListener,
    diff::ConversationDiff,
    error::SecureStoreError,
};

#[derive(Default)]
struct Counting {
    calls: AtomicUsize,
    items: AtomicUsize,
}

impl ConversationListener for Counting {
    fn on_update(&self, diffs: Vec<ConversationDiff>) {
        self.calls.fetch_add(1, Ordering::SeqCst);
        for diff in diffs {
            if let ConversationDiff::Reset { values } = diff {
                self.items.fetch_add(values.len(), Ordering::SeqCst);
                assert!(values
                    .iter()
                    .all(|v| matches!(v, ConversationItem::Message { .. })));
            }
        }
    }
}

#[test]
fn a_reset_reaches_the_listener_whole() {
    let listener = Arc::new(Counting::default());
    benchmark_timeline_reset(listener.clone(), 1000);
    assert_eq!(listener.calls.load(Ordering::SeqCst), 1);
    assert_eq!(listener.items.load(Ordering::SeqCst), 1000);
}

#[test]
fn user_ids_are_checked_before_any_request() {
    assert!(is_valid_user_id("@dr.martin:cpts-example.fr".into()));
    for bad in ["", "dr.martin", "@dr.martin", "dr.martin:cpts.fr"] {
        assert!(!is_valid_user_id(bad.into()), "{bad}");
    }
}

#[test]
fn a_failing_secure_store_is_the_accounts_typed_error() {
    let e = AccountError::from(SecureStoreError::Unavailable {
        detail: "keystore locked".into(),
    });
    assert!(matches!(&e, AccountError::SecureStorage(d) if d == "keystore locked"));
    assert_eq!(e.code(), "secure_storage");
}

#[test]
fn a_task_handle_stops_its_task_on_cancel_and_on_drop() {
    let ticks = Arc::new(AtomicUsize::new(0));
    for drop_instead in [false, true] {
        ticks.store(0, Ordering::SeqCst);
        let handle = innomed_ffi::task::spawn_ticker_for_tests(ticks.clone());
        std::thread::sleep(Duration::from_millis(100));
        assert!(ticks.load(Ordering::SeqCst) > 0, "the task runs");
        if drop_instead {
            drop(handle);
        } else {
            handle.cancel();
            assert!(handle.is_finished());
        }
        let stopped_at = ticks.load(Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(100));
        assert!(
            ticks.load(Ordering::SeqCst) <= stopped_at + 1,
            "no tick after stopping"
        );
    }
}

//! One open client per account folder within a process.
//!
//! Two matrix-sdk clients on the same stores would each keep their own event cache and send
//! queue over the same SQLite files and corrupt each other. An [`AccountLease`] is taken when an
//! account folder is opened and released when the last handle of that [`InnomedClient`] (case
//! rooms and conversations included) is gone or [`close`](InnomedClient::close)d; opening the
//! same folder meanwhile fails with [`AccountError::StoreInUse`].
//!
//! The lease follows Innomed's own handles, not the SDK client: matrix-sdk 0.18 keeps a client
//! alive after its last handle is dropped once its event cache has processed a sync response
//! (measured here: a client with the event cache subscribed and one `sync_once` never drops).
//! Closing therefore also stops that client's sync and send queue, so the leftover is inert.
//!
//! [`InnomedClient`]: crate::InnomedClient
//! [`InnomedClient::close`]: crate::InnomedClient::close
//! [`AccountError::StoreInUse`]: super::AccountError::StoreInUse

use std::{
    collections::HashSet,
    path::{Path, PathBuf},
    sync::{LazyLock, Mutex},
};

static OPEN: LazyLock<Mutex<HashSet<PathBuf>>> = LazyLock::new(Default::default);

/// Held by every handle of an open account; the folder is free again when it drops.
#[derive(Debug)]
pub(crate) struct AccountLease {
    dir: PathBuf,
}

impl AccountLease {
    /// Takes the folder, or `None` if a client of this process has it open.
    pub(crate) fn acquire(dir: &Path) -> Option<Self> {
        let mut open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
        open.insert(dir.to_owned()).then(|| Self {
            dir: dir.to_owned(),
        })
    }
}

impl Drop for AccountLease {
    fn drop(&mut self) {
        OPEN.lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_leased_once_at_a_time() {
        let dir = Path::new("/tmp/innomed-lease-test/a");
        let first = AccountLease::acquire(dir).expect("free");
        assert!(AccountLease::acquire(dir).is_none());
        let other = AccountLease::acquire(Path::new("/tmp/innomed-lease-test/b"));
        assert!(other.is_some());
        drop(first);
        assert!(AccountLease::acquire(dir).is_some());
    }
}

//! One open client per account folder, within a process and across processes.
//!
//! Two matrix-sdk clients on the same stores would each keep their own event cache, send queue
//! and Olm machine over the same SQLite files and corrupt each other. An [`AccountLease`] is
//! taken when an account folder is opened and released when the last handle of that
//! [`InnomedClient`] (case rooms and conversations included) is gone or
//! [`close`](InnomedClient::close)d; opening the same folder meanwhile fails with
//! [`AccountError::StoreInUse`]. Within a process a set of open folders says so; across
//! processes (the iOS app and its notification service extension share the account folder)
//! an exclusive OS lock on a file inside the folder does: the extension then shows its
//! placeholder line instead of opening stores the app is using. The OS releases that lock if
//! the holder dies, so a killed app never leaves the account locked.
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
    fs::{File, TryLockError},
    path::{Path, PathBuf},
    sync::{LazyLock, Mutex},
};

static OPEN: LazyLock<Mutex<HashSet<PathBuf>>> = LazyLock::new(Default::default);

/// The file inside an account folder whose exclusive lock marks the folder open.
const LOCK_FILE: &str = "open.lock";

/// Held by every handle of an open account; the folder is free again when it drops.
#[derive(Debug)]
pub(crate) struct AccountLease {
    dir: PathBuf,
    /// Locked exclusively while the lease lives (closing the file releases it).
    _lock: File,
}

/// Why a folder could not be leased.
#[derive(Debug)]
pub(crate) enum LeaseError {
    /// A client of this process or of another one has it open.
    InUse,
    Io(std::io::Error),
}

impl AccountLease {
    /// Takes the (existing) folder, or `InUse` if a client of this or another process has it.
    pub(crate) fn acquire(dir: &Path) -> Result<Self, LeaseError> {
        let mut open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
        if open.contains(dir) {
            return Err(LeaseError::InUse);
        }
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .map_err(LeaseError::Io)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(LeaseError::InUse),
            Err(TryLockError::Error(e)) => return Err(LeaseError::Io(e)),
        }
        open.insert(dir.to_owned());
        Ok(Self {
            dir: dir.to_owned(),
            _lock: lock,
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
        let root = tempfile::tempdir().expect("temp dir");
        let (a, b) = (root.path().join("a"), root.path().join("b"));
        std::fs::create_dir_all(&a).expect("a");
        std::fs::create_dir_all(&b).expect("b");
        let first = AccountLease::acquire(&a).expect("free");
        assert!(matches!(AccountLease::acquire(&a), Err(LeaseError::InUse)));
        assert!(AccountLease::acquire(&b).is_ok());
        drop(first);
        assert!(AccountLease::acquire(&a).is_ok());
    }

    #[test]
    fn another_holder_of_the_file_lock_keeps_the_folder() {
        // What another process (the iOS extension, say) holding the folder looks like here.
        let root = tempfile::tempdir().expect("temp dir");
        let other = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.path().join(LOCK_FILE))
            .expect("lock file");
        other.try_lock().expect("the other process locks it");
        assert!(matches!(
            AccountLease::acquire(root.path()),
            Err(LeaseError::InUse)
        ));
        drop(other);
        assert!(AccountLease::acquire(root.path()).is_ok());
    }
}

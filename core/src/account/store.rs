//! Where an account's local data lives and the key that encrypts it.

use std::{
    fmt,
    path::{Path, PathBuf},
};

use rand::{distributions::Alphanumeric, Rng};

/// The 32-byte key that encrypts every local store of an account. The phones keep it in the
/// Android Keystore or the iOS Keychain; the terminal client in a file only its user can read.
#[derive(Clone, PartialEq, Eq)]
pub struct StoreKey([u8; 32]);

impl StoreKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// A fresh random key, for a first login on this device.
    pub fn generate() -> Self {
        Self(rand::thread_rng().gen())
    }

    /// Parses the 64-character hex form written by [`StoreKey::to_hex`].
    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes = hex::decode(text.trim()).ok()?;
        Some(Self(bytes.try_into().ok()?))
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The raw key, for the platform's secure storage.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0
    }

    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StoreKey(<redacted>)")
    }
}

/// The folder of one account on one device: `<data_dir>/<user>/<device>/`.
///
/// The user part is the user id with every character outside `[A-Za-z0-9._-]` replaced, so two
/// accounts never share a folder and the name is safe on every platform.
pub(crate) fn account_dir(data_dir: &Path, user_id: &str, device_id: &str) -> PathBuf {
    data_dir
        .join(folder_name(user_id))
        .join(folder_name(device_id))
}

fn folder_name(id: &str) -> String {
    if id.is_empty() {
        return "_".to_owned();
    }
    id.chars()
        .enumerate()
        // A leading dot is replaced too, so no id can name `.`, `..` or a hidden folder.
        .map(|(i, c)| {
            if c.is_ascii_alphanumeric() || c == '-' || (c == '.' && i > 0) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A device id chosen by the client, so the store folder is known before logging in.
pub(crate) fn new_device_id() -> String {
    let suffix: String = rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(8)
        .map(|c| char::from(c).to_ascii_uppercase())
        .collect();
    format!("IM{suffix}")
}

/// Removes an account's device folder, then its user folder if nothing else is left in it.
pub(crate) fn wipe(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if let Some(parent) = dir.parent() {
        // Fails harmlessly when another device of the same user still has data here.
        let _ = std::fs::remove_dir(parent);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_key_hex_round_trip_and_rejects_bad_input() {
        let key = StoreKey::generate();
        assert_eq!(StoreKey::from_hex(&key.to_hex()), Some(key.clone()));
        assert_eq!(StoreKey::from_hex("abcd"), None);
        assert_eq!(StoreKey::from_hex(&"zz".repeat(32)), None);
        assert!(!format!("{key:?}").contains(&key.to_hex()));
    }

    #[test]
    fn account_folders_are_distinct_and_safe() {
        let base = Path::new("/data");
        let a = account_dir(base, "@gp:cpts.fr", "IMAAAA");
        let b = account_dir(base, "@gp:other.fr", "IMAAAA");
        assert_ne!(a, b);
        assert_eq!(a, Path::new("/data/_gp_cpts.fr/IMAAAA"));
        assert_eq!(
            account_dir(base, "@../x:y", ".."),
            Path::new("/data/_.._x_y/_.")
        );
        assert_eq!(account_dir(base, "@a:b", ""), Path::new("/data/_a_b/_"));
    }
}

//! Opening a received document: downloaded on demand, its hash checked by the SDK
//! ([`PhotoError::Tampered`] otherwise), bounded (declared size, then bytes, pages and objects),
//! and cleaned again on this device before any viewer reads it, since the sender's client may
//! not be Innomed. For the platform's viewer the cleaned file is written into the account's
//! own folder (`<account>/documents/<case>/`, readable by its owner only), which is emptied
//! when the doctor leaves or is removed from the case, and removed with the account at
//! sign-out or remote wipe.

use std::path::{Path, PathBuf};

use matrix_sdk::{
    ruma::{
        events::room::{member::MembershipState, message::MessageType},
        RoomId,
    },
    Client, Room,
};
use tracing::{debug, info};

use super::{clean_pdf, DocumentLimits};
use crate::{
    photos::{MessageRef, PhotoError},
    private_file::{create_private_dir, write_private},
    Conversation,
};

const FOLDER: &str = "documents";

impl Conversation {
    /// The document's PDF, downloaded, checked and cleaned on this device.
    pub async fn document(&self, message: &MessageRef) -> Result<Vec<u8>, PhotoError> {
        let item = self
            .find_item(message)
            .await
            .ok_or(PhotoError::MessageNotFound)?;
        let Some(MessageType::File(file)) = item.content().as_message().map(|m| m.msgtype()) else {
            return Err(PhotoError::NotADocument);
        };
        let limits = DocumentLimits::default();
        let declared = file.info.as_deref().and_then(|i| i.size).map(u64::from);
        if let Some(size) = declared.filter(|size| *size > limits.max_bytes) {
            return Err(PhotoError::TooLarge {
                size,
                limit: limits.max_bytes,
            });
        }
        let source = file.source.clone();
        let bytes = self.download(message, source, false).await?;
        let clean = tokio::task::spawn_blocking(move || clean_pdf(&bytes, &limits))
            .await
            .map_err(|e| PhotoError::Failed(e.to_string()))??;
        Ok(clean.bytes)
    }

    /// Writes the cleaned document where the platform's viewer can be given it: a file of the
    /// account's own folder, readable by its owner only, named after the message (never after
    /// the sender's title). Returns its path.
    pub async fn save_document(&self, message: &MessageRef) -> Result<PathBuf, PhotoError> {
        let bytes = self.document(message).await?;
        let folder = case_folder(&self.case.client.account_dir, self.case.room_id());
        let name = match message {
            MessageRef::Event(id) => id.as_str(),
            MessageRef::Local(id) => id.as_str(),
        };
        let path = folder.join(format!("{}.pdf", short_hash(name)));
        let written = path.clone();
        let target = folder.clone();
        let client = self.case.room.client();
        let account_dir = self.case.client.account_dir.clone();
        tokio::task::spawn_blocking(move || {
            // Cases left while a sync skipped the leave itself are emptied on the way.
            purge_left_cases(&client, &account_dir);
            create_private_dir(&target).and_then(|()| write_private(&written, &bytes))
        })
        .await
        .map_err(|e| PhotoError::Failed(e.to_string()))?
        .map_err(|_| PhotoError::Unreadable)?;
        // Left (or removed) while it was downloaded and cleaned: the leave has already emptied
        // the folder, so this copy goes too.
        if self.case.room.state() != matrix_sdk::RoomState::Joined {
            let _ = std::fs::remove_dir_all(&folder);
            return Err(PhotoError::NotJoined);
        }
        debug!(room_id = %self.case.room_id(), "document written for the viewer");
        Ok(path)
    }
}

/// `<account>/documents/<case>`, named by a hash of the room id (ids may be longer than a file
/// name may be).
fn case_folder(account_dir: &Path, room_id: &RoomId) -> PathBuf {
    account_dir.join(FOLDER).join(short_hash(room_id.as_str()))
}

/// The first 128 bits of the id's SHA-256, in hex: a name safe on every platform.
fn short_hash(id: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(id.as_bytes())[..16])
}

/// Removes the opened documents of every case this account is no longer in.
pub(crate) fn purge_left_cases(client: &Client, account_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(account_dir.join(FOLDER)) else {
        return;
    };
    let joined: std::collections::HashSet<String> = client
        .joined_rooms()
        .iter()
        .map(|room| short_hash(room.room_id().as_str()))
        .collect();
    for entry in entries.flatten() {
        if !joined.contains(entry.file_name().to_string_lossy().as_ref()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Empties a case's documents when this account leaves it or is removed, and on start-up the
/// documents of cases left while the app was not running.
pub(crate) fn install_cleanup(client: &Client, account_dir: std::sync::Arc<PathBuf>) {
    // Off the start-up path: file system work, never needed before the first screen.
    let (start_client, start_dir) = (client.clone(), account_dir.clone());
    let purge = move || purge_left_cases(&start_client, &start_dir);
    match tokio::runtime::Handle::try_current() {
        Ok(runtime) => drop(runtime.spawn_blocking(purge)),
        Err(_) => purge(),
    }
    client.add_event_handler(
        move |event: matrix_sdk::ruma::events::room::member::OriginalSyncRoomMemberEvent,
              room: Room| {
            let account_dir = account_dir.clone();
            async move {
                let own = room.own_user_id();
                let gone = matches!(
                    event.content.membership,
                    MembershipState::Leave | MembershipState::Ban
                );
                if gone && event.state_key == own {
                    let folder = case_folder(&account_dir, room.room_id());
                    if std::fs::remove_dir_all(&folder).is_ok() {
                        info!(room_id = %room.room_id(), "documents of a left case removed");
                    }
                }
            }
        },
    );
}

//! The conversation of a case: live items, text, replies, edits, reactions, receipts, history,
//! and photos (sent with upload progress, fetched decrypted and checked).

use std::{sync::Arc, time::Duration};

use futures_util::StreamExt;
use innomed_core::{
    Conversation as CoreConversation, ConversationError, MessageRef, OwnedEventId, PhotoError,
    PhotoSize, PhotoSource, Reaction, SanitizeOptions, TrustError, UploadProgress,
};

use crate::{
    diff::ConversationDiff,
    platform::on_core,
    task::{forward_list, TaskHandle},
};

/// Receives the conversation: a `Reset` with every item first, then diffs to apply in order.
#[uniffi::export(foreign)]
pub trait ConversationListener: Send + Sync {
    fn on_update(&self, diffs: Vec<ConversationDiff>);
}

/// Upload progress of one photo, called from the core's runtime until it is sent or stops.
#[uniffi::export(foreign)]
pub trait PhotoUploadListener: Send + Sync {
    fn on_progress(&self, progress: UploadProgress);
}

/// A photo queued on this device.
#[derive(uniffi::Record)]
pub struct PhotoSending {
    /// Also on the photo's local echo in the conversation.
    pub transaction_id: String,
    /// Stops the progress reports (not the upload).
    pub progress: Arc<TaskHandle>,
}

/// The live conversation of one case.
#[derive(uniffi::Object)]
pub struct Conversation {
    conversation: CoreConversation,
}

impl Conversation {
    pub(crate) fn new(conversation: CoreConversation) -> Arc<Self> {
        Arc::new(Self { conversation })
    }

    pub(crate) fn core(&self) -> &CoreConversation {
        &self.conversation
    }
}

fn event_id(text: &str) -> Result<OwnedEventId, ConversationError> {
    OwnedEventId::try_from(text).map_err(|_| ConversationError::MessageNotFound)
}

#[uniffi::export]
impl Conversation {
    /// Every item now, then diffs as sync, sending and pagination change them.
    pub fn subscribe(&self, listener: Arc<dyn ConversationListener>) -> Arc<TaskHandle> {
        let conversation = self.conversation.clone();
        forward_list(
            async move { conversation.subscribe().await },
            move |diffs: Vec<ConversationDiff>| listener.on_update(diffs),
        )
    }

    /// Sends a markdown message; returns once it is durably queued on this device.
    pub async fn send_text(&self, markdown: String) -> Result<(), ConversationError> {
        on_core!(self.conversation, |c| c.send_text(&markdown))
    }

    pub async fn reply(&self, event_id: String, markdown: String) -> Result<(), ConversationError> {
        let to = self::event_id(&event_id)?;
        on_core!(self.conversation, |c| c.reply(&to, &markdown))
    }

    /// Replaces the text of one of the doctor's own messages.
    pub async fn edit(&self, event_id: String, markdown: String) -> Result<(), ConversationError> {
        let id = self::event_id(&event_id)?;
        on_core!(self.conversation, |c| c.edit(&id, &markdown))
    }

    /// Adds the doctor's reaction to a message, or removes it; `true` if it is now there.
    pub async fn toggle_reaction(
        &self,
        event_id: String,
        reaction: Reaction,
    ) -> Result<bool, ConversationError> {
        let id = self::event_id(&event_id)?;
        on_core!(self.conversation, |c| c.toggle_reaction(&id, reaction))
    }

    /// The doctor checked with the colleague: withdraw the old verification and send what was
    /// waiting for `user_id`. Returns how many messages were waiting.
    pub async fn acknowledge_identity_change(&self, user_id: String) -> Result<u32, TrustError> {
        let n = on_core!(self.conversation, |c| c
            .acknowledge_identity_change(&user_id))?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Sends a read receipt for the latest message; `false` if it was already read.
    pub async fn mark_read(&self) -> Result<bool, ConversationError> {
        on_core!(self.conversation, |c| c.mark_read())
    }

    /// Loads older messages; `true` once the start of the case is reached.
    pub async fn paginate_backwards(&self, count: u16) -> Result<bool, ConversationError> {
        on_core!(self.conversation, |c| c.paginate_backwards(count))
    }

    /// Loads the whole case back to its creation (bounded); `true` if it is all in view.
    pub async fn load_history(&self, timeout_ms: u64) -> Result<bool, ConversationError> {
        let timeout = Duration::from_millis(timeout_ms);
        on_core!(self.conversation, |c| c.load_history(timeout))
    }

    /// Sanitises and queues a photo (camera bytes, or a file in the app's private storage whose
    /// name is never sent; JPEG, PNG or WebP, HEIC converted by the app first). Nothing is
    /// uploaded unless the header records consent.
    pub async fn send_photo(
        &self,
        source: PhotoSource,
        caption: Option<String>,
        listener: Option<Arc<dyn PhotoUploadListener>>,
    ) -> Result<PhotoSending, PhotoError> {
        let options = SanitizeOptions::default();
        let upload = on_core!(self.conversation, |c| c.send_photo(
            source,
            caption.as_deref(),
            &options
        ))?;
        let mut updates = upload.progress;
        let progress = TaskHandle::spawn(move |cancelled| async move {
            let Some(listener) = listener else { return };
            while let Some(update) = updates.next().await {
                if cancelled.is_set() {
                    return;
                }
                listener.on_progress(update);
            }
        });
        Ok(PhotoSending {
            transaction_id: upload.transaction_id,
            progress,
        })
    }

    /// The decrypted thumbnail or full image of a photo message, checked against its hash.
    pub async fn fetch_photo(
        &self,
        message: MessageRef,
        size: PhotoSize,
    ) -> Result<Vec<u8>, PhotoError> {
        on_core!(self.conversation, |c| c.photo(&message, size))
    }
}

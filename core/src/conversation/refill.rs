//! An open conversation stays whole when sync restarts it.
//!
//! After a gap (the network back after a cut, a night offline), sync can answer with a limited
//! timeline and the SDK restarts the conversation from the latest events: a doctor reading the
//! case would see it shrink to its last message. While a conversation is open, a task watches
//! for such a restart and loads back as much as was shown before it (the whole case for the
//! small histories cases have), as the screen would have to.

use std::sync::{Arc, Weak};

use eyeball_im::VectorDiff;
use futures_util::StreamExt;
use matrix_sdk_ui::timeline::Timeline;
use tokio::task::JoinHandle;
use tracing::debug;

/// Enough pagination rounds to load back any case this product holds (50 events each).
const MAX_ROUNDS: usize = 20;

/// Stops the watch when the last handle of the conversation goes.
pub(super) struct RefillGuard(JoinHandle<()>);

impl Drop for RefillGuard {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Starts watching `timeline`; the watch holds it only while loading back.
pub(super) async fn keep_whole(timeline: &Arc<Timeline>) -> RefillGuard {
    let (items, mut diffs) = timeline.subscribe().await;
    let weak: Weak<Timeline> = Arc::downgrade(timeline);
    let mut shown = items.len();
    RefillGuard(tokio::spawn(async move {
        while let Some(batch) = diffs.next().await {
            let before = shown;
            let mut restarted = false;
            for diff in &batch {
                match diff {
                    VectorDiff::Clear => {
                        restarted = true;
                        shown = 0;
                    }
                    VectorDiff::Reset { values } => {
                        restarted = true;
                        shown = values.len();
                    }
                    VectorDiff::Append { values } => shown += values.len(),
                    VectorDiff::PushBack { .. }
                    | VectorDiff::PushFront { .. }
                    | VectorDiff::Insert { .. } => shown += 1,
                    VectorDiff::PopBack | VectorDiff::PopFront | VectorDiff::Remove { .. } => {
                        shown = shown.saturating_sub(1)
                    }
                    VectorDiff::Truncate { length } => shown = *length,
                    VectorDiff::Set { .. } => {}
                }
            }
            if !restarted || shown >= before {
                continue;
            }
            let Some(timeline) = weak.upgrade() else {
                return;
            };
            debug!(
                before,
                after = shown,
                "conversation restarted by sync: loading back"
            );
            for _ in 0..MAX_ROUNDS {
                let at_start = Box::pin(timeline.paginate_backwards(50))
                    .await
                    .unwrap_or(true);
                if at_start || timeline.items().await.len() >= before {
                    break;
                }
            }
        }
    }))
}

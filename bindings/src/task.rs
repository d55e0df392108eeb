//! Handles of the subscriptions running on the core's runtime.

use std::sync::{
    atomic::{AtomicBool, Ordering},
    Arc, Mutex,
};

use futures_util::{Stream, StreamExt};
use innomed_core::VectorDiff;
use tokio::task::JoinHandle;

/// A running subscription. `cancel` (or dropping the handle) stops it: no listener call
/// starts after `cancel` returns.
#[derive(uniffi::Object)]
pub struct TaskHandle {
    task: Mutex<Option<JoinHandle<()>>>,
    cancelled: Arc<AtomicBool>,
}

impl TaskHandle {
    /// Spawns `body` on the core's runtime. `body` gets the flag to check before each
    /// listener call.
    pub(crate) fn spawn<F, Fut>(body: F) -> Arc<Self>
    where
        F: FnOnce(Cancelled) -> Fut,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let cancelled = Arc::new(AtomicBool::new(false));
        let task = crate::platform::runtime().spawn(body(Cancelled(cancelled.clone())));
        Arc::new(Self {
            task: Mutex::new(Some(task)),
            cancelled,
        })
    }
}

/// A live list for a listener: `open` gives the list now and a stream of diffs; `deliver` gets
/// a `Reset` first, then each batch, until the subscription is cancelled or the stream ends.
pub(crate) fn forward_list<T, D, S>(
    open: impl std::future::Future<Output = (Vec<T>, S)> + Send + 'static,
    deliver: impl Fn(Vec<D>) + Send + 'static,
) -> Arc<TaskHandle>
where
    T: Clone + Send + Sync + 'static,
    D: From<VectorDiff<T>>,
    S: Stream<Item = Vec<VectorDiff<T>>> + Send + Unpin + 'static,
{
    TaskHandle::spawn(move |cancelled| async move {
        let (first, mut updates) = open.await;
        if cancelled.is_set() {
            return;
        }
        deliver(vec![D::from(VectorDiff::Reset {
            values: first.into_iter().collect(),
        })]);
        while let Some(diffs) = updates.next().await {
            if cancelled.is_set() {
                return;
            }
            deliver(diffs.into_iter().map(D::from).collect());
        }
    })
}

#[uniffi::export]
impl TaskHandle {
    /// Stops the subscription.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
        if let Some(task) = self.task.lock().unwrap_or_else(|e| e.into_inner()).take() {
            task.abort();
        }
    }

    /// Whether the subscription ended (cancelled, or its source closed).
    pub fn is_finished(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
            || self
                .task
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .as_ref()
                .is_none_or(JoinHandle::is_finished)
    }
}

impl Drop for TaskHandle {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// Set once the subscription is cancelled.
#[derive(Clone)]
pub(crate) struct Cancelled(Arc<AtomicBool>);

impl Cancelled {
    pub(crate) fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// A subscription-shaped task that counts ticks (every millisecond) while not cancelled; for
/// the crate's own tests of cancellation.
#[doc(hidden)]
pub fn spawn_ticker_for_tests(ticks: Arc<std::sync::atomic::AtomicUsize>) -> Arc<TaskHandle> {
    TaskHandle::spawn(move |cancelled| async move {
        loop {
            if cancelled.is_set() {
                return;
            }
            ticks.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
    })
}

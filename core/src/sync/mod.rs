//! Sync and reconnection.
//!
//! [`SyncSupervisor`] owns `matrix-sdk-ui`'s [`SyncService`] (simplified sliding sync) and one
//! background task that keeps the account connected:
//! - when the durable send queue stops on a network error, it polls the homeserver with a
//!   bounded back-off and re-enables the queue once it answers, so messages written offline
//!   are delivered once, in order;
//! - when sync fails for another reason, it restarts it after a pause.
//!
//! Messages left in the queue by a killed process are picked up when sync starts again.

mod outbox;
mod withheld;

pub(crate) use withheld::Withheld;

use std::{sync::Arc, time::Duration};

use matrix_sdk::Client;
use matrix_sdk_ui::{
    room_list_service::State as RoomListState,
    sync_service::{State as SyncState, SyncService},
};
use tokio::{sync::Mutex, task::JoinHandle};
use tracing::{debug, info, warn};

/// Why sync could not start or did not catch up in time.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("sync could not start: {0}")]
    Start(String),
    #[error("sync did not complete within {0:?}")]
    Timeout(Duration),
    #[error("sync stopped")]
    Stopped,
}

const FIRST_RETRY: Duration = Duration::from_millis(250);
/// How long owed work waits for sync's first response after a start.
const RESUME_WAIT: Duration = Duration::from_secs(60);
const MAX_RETRY: Duration = Duration::from_secs(5);

pub(crate) struct SyncSupervisor {
    client: Client,
    running: Mutex<Option<Running>>,
    recent_sends: outbox::RecentSends,
    withheld: Withheld,
}

struct Running {
    service: Arc<SyncService>,
    watcher: JoinHandle<()>,
}

impl SyncSupervisor {
    pub(crate) fn new(client: Client, withheld: Withheld) -> Self {
        Self {
            recent_sends: outbox::RecentSends::install(&client),
            withheld,
            client,
            running: Mutex::new(None),
        }
    }

    /// Starts sync (idempotent) and returns the running service.
    pub(crate) async fn start(&self) -> Result<Arc<SyncService>, SyncError> {
        let mut running = self.running.lock().await;
        if let Some(r) = running.as_ref() {
            return Ok(r.service.clone());
        }
        let service = Arc::new(
            SyncService::builder(self.client.clone())
                .with_offline_mode()
                .build()
                .await
                .map_err(|e| SyncError::Start(e.to_string()))?,
        );
        service.start().await;
        // Requests left unsent by a previous process (crash, kill) resume now.
        self.client
            .send_queue()
            .respawn_tasks_for_rooms_with_unsent_requests()
            .await;
        let watcher = tokio::spawn(watch(
            self.client.clone(),
            service.clone(),
            self.withheld.clone(),
        ));
        *running = Some(Running {
            service: service.clone(),
            watcher,
        });
        info!("sync started");
        Ok(service)
    }

    pub(crate) async fn service(&self) -> Option<Arc<SyncService>> {
        self.running
            .lock()
            .await
            .as_ref()
            .map(|r| r.service.clone())
    }

    pub(crate) async fn stop(&self) {
        if let Some(r) = self.running.lock().await.take() {
            r.watcher.abort();
            r.service.stop().await;
            info!("sync stopped");
        }
    }

    /// Stops the send queue once what is on the wire has landed (bounded); unsent messages
    /// stay queued for the next start.
    pub(crate) async fn stop_sending(&self) {
        outbox::stop_sending(&self.client, &self.recent_sends).await;
    }

    /// Waits until the room list has received at least one response from the homeserver.
    pub(crate) async fn wait_until_synced(&self, timeout: Duration) -> Result<(), SyncError> {
        let service = self.service().await.ok_or(SyncError::Stopped)?;
        let mut states = service.room_list_service().state();
        let wait = async {
            let mut state = states.get();
            loop {
                if matches!(state, RoomListState::Running) {
                    return Ok(());
                }
                if matches!(state, RoomListState::Terminated { .. }) {
                    return Err(SyncError::Stopped);
                }
                state = states.next().await.ok_or(SyncError::Stopped)?;
            }
        };
        tokio::time::timeout(timeout, wait)
            .await
            .map_err(|_| SyncError::Timeout(timeout))?
    }
}

/// Keeps sync and the send queue going across network failures.
async fn watch(client: Client, service: Arc<SyncService>, withheld: Withheld) {
    let mut queue_errors = client.send_queue().subscribe_errors();
    let mut states = service.state();
    loop {
        tokio::select! {
            error = queue_errors.recv() => match error {
                Ok(error) if error.is_recoverable => {
                    debug!(room_id = %error.room_id, "send queue paused, waiting for homeserver");
                    wait_for_homeserver(&client).await;
                    client.send_queue().set_enabled(true).await;
                    withheld.reapply(&client);
                    info!("send queue resumed");
                }
                Ok(error) => {
                    // The message is parked on the device (its send state says why); the SDK
                    // paused the room's queue, which would hold back every later message too.
                    warn!(room_id = %error.room_id, "a message could not be sent");
                    if let Some(room) = client.get_room(&error.room_id) {
                        if !withheld.is_held(&room) {
                            room.send_queue().set_enabled(true);
                        }
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            },
            state = states.next() => match state {
                Some(SyncState::Running) => {
                    // Back online (possibly after offline mode): resume anything queued.
                    if !client.send_queue().is_enabled() {
                        client.send_queue().set_enabled(true).await;
                        withheld.reapply(&client);
                    }
                }
                Some(SyncState::Error(_)) => {
                    warn!("sync failed, restarting");
                    wait_for_homeserver(&client).await;
                    service.start().await;
                }
                Some(_) => {}
                None => return,
            },
        }
    }
}

/// Polls the homeserver with a bounded back-off until it answers anything at all.
async fn wait_for_homeserver(client: &Client) {
    let mut delay = FIRST_RETRY;
    loop {
        tokio::time::sleep(delay).await;
        match client.whoami().await {
            Ok(_) => return,
            Err(e) if !crate::failure::is_unreachable(&e) => return,
            Err(_) => delay = (delay * 2).min(MAX_RETRY),
        }
    }
}

impl crate::InnomedClient {
    /// Starts syncing (idempotent): the case list and conversations stay live, and messages
    /// queued offline or by a previous process are delivered.
    pub async fn start_sync(&self) -> Result<(), SyncError> {
        self.sync.start().await?;
        crate::search::install(self);
        // Whatever this device owed while it was closed or offline (a case history for a
        // colleague who joined meanwhile) is looked at once the first response is in.
        // Not the account handle itself: a closing account is not kept open by this task.
        let (sync, history, client) =
            (self.sync.clone(), self.history.clone(), self.client.clone());
        tokio::spawn(async move {
            if sync.wait_until_synced(RESUME_WAIT).await.is_ok() {
                history.resume(&client).await;
            }
        });
        Ok(())
    }

    /// Stops syncing; queued messages stay queued.
    pub async fn stop_sync(&self) {
        self.sync.stop().await;
    }

    /// Waits until the first sync response arrived (bounded by `timeout`).
    pub async fn wait_until_synced(&self, timeout: Duration) -> Result<(), SyncError> {
        self.sync.wait_until_synced(timeout).await
    }
}

impl crate::InnomedClient {
    /// Waits until every message queued on this device (now or by an earlier process) has
    /// been accepted by the homeserver. Returns `false` if some are still waiting after
    /// `timeout` — they stay queued and go out later.
    pub async fn flush_outbox(&self, timeout: Duration) -> Result<bool, SyncError> {
        self.sync.start().await?;
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let pending = self
                .client
                .state_store()
                .load_rooms_with_unsent_requests()
                .await
                .map_err(|e| SyncError::Start(e.to_string()))?;
            if pending.is_empty() {
                return Ok(true);
            }
            if tokio::time::Instant::now() >= deadline {
                debug!(rooms = pending.len(), "messages still queued");
                return Ok(false);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

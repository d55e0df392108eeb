//! The client hub: one signed-in doctor on this device, and everything the features share
//! (sync, history sharing, case authorities, hand-overs, verifications, the clock). Signing in
//! and out is in [`account`](crate::account); each feature adds its methods in its own folder.

use std::{
    fmt,
    path::{Path, PathBuf},
    sync::Arc,
};

use futures_util::StreamExt;
use matrix_sdk::Client;
use tokio_stream::wrappers::BroadcastStream;
use tracing::{info, warn};

use crate::{
    account::{lease::AccountLease, revocation::RevocationWatch, AccountError, SavedSession},
    cases::HistorySharing,
    sync::SyncSupervisor,
};

type Result<T, E = AccountError> = std::result::Result<T, E>;

/// A signed-in doctor on this device.
#[derive(Clone)]
pub struct InnomedClient {
    pub(crate) client: Client,
    pub(crate) account_dir: Arc<PathBuf>,
    pub(crate) sync: Arc<SyncSupervisor>,
    pub(crate) history: HistorySharing,
    /// The rules of each case as this device knows them (taker, uninvited members).
    pub(crate) authorities: crate::cases::Authorities,
    /// Requests this device is handing over to their taker.
    pub(crate) handovers: crate::cases::Handovers,
    pub(crate) revocation: Arc<RevocationWatch>,
    pub(crate) verifications: Arc<crate::trust::Incoming>,
    pub(crate) clock: crate::cpts::ClockCell,
    /// The account's push rules (which cases are muted).
    pub(crate) mute: crate::cases::MuteSettings,
    /// Archiving decisions made on this device, until sync brings them back.
    pub(crate) archives: crate::cases::Archives,
    /// The local search index and its feed.
    pub(crate) search: crate::search::Search,
    /// Partner CPTS spaces joined only to read their directory and rota.
    pub(crate) partner_spaces: crate::cpts::ReaderSpaces,
    /// Shared by every clone (case rooms, conversations): the account stays open while any lives.
    /// (`None` only inside a [`WeakClient`], which hands out clients holding it again.)
    _lease: Option<Arc<AccountLease>>,
}

impl fmt::Debug for InnomedClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InnomedClient")
            .field("user_id", &self.client.user_id())
            .finish()
    }
}

impl InnomedClient {
    pub(crate) fn new(
        client: Client,
        dir: PathBuf,
        lease: AccountLease,
        key: &crate::StoreKey,
    ) -> Self {
        let authorities = crate::cases::Authorities::default();
        let sync = Arc::new(SyncSupervisor::new(
            client.clone(),
            authorities.withheld.clone(),
        ));
        let history = HistorySharing::default();
        history.install(&client);
        let account_dir = Arc::new(dir);
        let revocation =
            RevocationWatch::install(client.clone(), sync.clone(), account_dir.clone());
        let verifications = Arc::new(crate::trust::Incoming::install(&client));
        crate::requests::install(&client);
        crate::requests::withdrawn::install(&client);
        crate::requests::install_reroute(&client);
        crate::cases::install_status_watch(&client);
        authorities.install(&client);
        crate::cpts::install_attestations(&client, &authorities);
        crate::cpts::install_directory_copy(&client);
        crate::cpts::install_partnerships(&client);
        crate::documents::install_cleanup(&client, account_dir.clone());
        let handovers = crate::cases::Handovers::new(authorities.clone());
        handovers.install(&client);
        let search = crate::search::Search::new(&account_dir, key);
        let partner_spaces = crate::cpts::ReaderSpaces::default();
        partner_spaces.install(&client);
        Self {
            client,
            account_dir,
            sync,
            history,
            authorities,
            handovers,
            revocation: Arc::new(revocation),
            verifications,
            clock: crate::cpts::ClockCell::default(),
            mute: crate::cases::MuteSettings::default(),
            archives: crate::cases::Archives::default(),
            search,
            partner_spaces,
            _lease: Some(Arc::new(lease)),
        }
    }

    /// A handle for background tasks that must not keep the account open: it gives the client
    /// back only while some other handle still holds it.
    pub(crate) fn downgrade(&self) -> WeakClient {
        let mut parts = self.clone();
        let lease = parts
            ._lease
            .take()
            .map_or_else(std::sync::Weak::new, |l| Arc::downgrade(&l));
        WeakClient { parts, lease }
    }

    /// The session to keep in secure storage, to [`restore`](Self::restore) later.
    pub fn session(&self) -> Result<SavedSession> {
        saved_session(&self.client)
    }

    /// The session again each time the SDK exchanged the refresh token for new tokens: the
    /// caller replaces the one it keeps (the old refresh token is spent), or the next opening
    /// would find the session revoked.
    pub fn session_updates(
        &self,
    ) -> impl futures_util::Stream<Item = SavedSession> + Send + 'static {
        let client = self.client.clone();
        // A lagged receiver skips what it missed: the session is read afresh at each change.
        let changes = BroadcastStream::new(client.subscribe_to_session_changes());
        changes.filter_map(move |change| {
            let client = client.clone();
            async move {
                if !matches!(change, Ok(matrix_sdk::SessionChange::TokensRefreshed)) {
                    return None;
                }
                saved_session(&client).ok()
            }
        })
    }

    pub fn user_id(&self) -> Result<String> {
        self.client
            .user_id()
            .map(ToString::to_string)
            .ok_or(AccountError::NotLoggedIn)
    }

    pub fn device_id(&self) -> Result<String> {
        self.client
            .device_id()
            .map(ToString::to_string)
            .ok_or(AccountError::NotLoggedIn)
    }

    /// This account's folder on this device.
    pub fn account_dir(&self) -> &Path {
        &self.account_dir
    }

    /// Closes this handle without logging out: stops syncing and sending, so the account can be
    /// opened again in this process once every other handle (case rooms, conversations) is
    /// dropped too. Queued messages stay in the store and go out at the next opening.
    pub async fn close(self) {
        self.quiesce().await;
        info!("account closed");
    }

    pub(crate) async fn quiesce(&self) {
        self.search.stop().await;
        self.revocation.stop();
        self.history.stop();
        quiesce(&self.client, &self.sync).await;
    }
}

/// Stops everything that writes to the stores. The SDK client itself outlives its last handle
/// (see `lease.rs`), so it is made inert rather than dropped: no sync, no sending, and the
/// event cache's last write finished (taking its store lock once waits for it).
pub(crate) async fn quiesce(client: &Client, sync: &SyncSupervisor) {
    sync.stop().await;
    sync.stop_sending().await;
    if let Err(e) = client.event_cache_store().lock().await {
        warn!("event cache store not quiesced: {e}");
    }
}

/// See [`InnomedClient::downgrade`].
pub(crate) struct WeakClient {
    parts: InnomedClient,
    lease: std::sync::Weak<AccountLease>,
}

impl WeakClient {
    pub(crate) fn upgrade(&self) -> Option<InnomedClient> {
        let lease = self.lease.upgrade()?;
        let mut client = self.parts.clone();
        client._lease = Some(lease);
        Some(client)
    }
}

fn saved_session(client: &Client) -> Result<SavedSession> {
    let session = client
        .matrix_auth()
        .session()
        .ok_or(AccountError::NotLoggedIn)?;
    Ok(SavedSession {
        homeserver_url: client.homeserver().to_string(),
        user_id: session.meta.user_id.to_string(),
        device_id: session.meta.device_id.to_string(),
        access_token: session.tokens.access_token,
        refresh_token: session.tokens.refresh_token,
    })
}

//! Signing in and the signed-in client.

use std::{
    path::PathBuf,
    sync::{Arc, RwLock},
    time::Duration,
};

use futures_util::StreamExt;
use innomed_core::{
    AccountError, CaseError, CaseSummary, ClientConfig, InnomedClient, NewCase,
    SavedSession as Session, StoreKey,
};
use tracing::{info, warn};

use crate::{
    cases::{CaseListListener, CaseRoom},
    error::SecureStoreError,
    platform::{on_core, run},
    task::TaskHandle,
};

/// Platform secure storage, implemented by the app (Keystore on Android, Keychain on iOS).
/// The core calls it from its own threads; calls should not block for long.
#[uniffi::export(foreign)]
pub trait SecureStore: Send + Sync {
    fn read_session(&self) -> Result<Option<Session>, SecureStoreError>;
    fn write_session(&self, session: Session) -> Result<(), SecureStoreError>;
    fn delete_session(&self) -> Result<(), SecureStoreError>;
    /// The 32-byte key that encrypts the local stores.
    fn read_store_key(&self) -> Result<Option<Vec<u8>>, SecureStoreError>;
    fn write_store_key(&self, key: Vec<u8>) -> Result<(), SecureStoreError>;
    fn delete_store_key(&self) -> Result<(), SecureStoreError>;
}

/// Where to sign in and where to keep things: the homeserver of the CPTS, the app's private
/// data folder, and the platform's secure storage.
#[derive(uniffi::Object)]
pub struct ClientBuilder {
    homeserver_url: String,
    data_dir: PathBuf,
    pub(crate) secure_store: Arc<dyn SecureStore>,
}

#[uniffi::export]
impl ClientBuilder {
    #[uniffi::constructor]
    pub fn new(
        homeserver_url: String,
        data_dir: String,
        secure_store: Arc<dyn SecureStore>,
    ) -> Arc<Self> {
        Arc::new(Self {
            homeserver_url,
            data_dir: PathBuf::from(data_dir),
            secure_store,
        })
    }

    /// Signs in on a new device with a full user id (`@dr.martin:cpts.fr`) and password, then
    /// saves the session in the secure store.
    pub async fn login(
        &self,
        user_id: String,
        password: String,
    ) -> Result<Arc<Client>, AccountError> {
        self.sign_in(move |config| async move {
            InnomedClient::login(&config, &user_id, &password).await
        })
        .await
    }

    /// Creates an account (test and demo homeservers only: a CPTS homeserver disables
    /// registration), then signs in as [`login`](Self::login) does.
    pub async fn register(
        &self,
        username: String,
        password: String,
    ) -> Result<Arc<Client>, AccountError> {
        self.sign_in(move |config| async move {
            InnomedClient::register(&config, &username, &password).await
        })
        .await
    }

    /// Reopens the account saved in the secure store, without the password and without
    /// network if need be.
    pub async fn restore(&self) -> Result<Arc<Client>, AccountError> {
        let session = self
            .secure_store
            .read_session()?
            .ok_or(AccountError::NotLoggedIn)?;
        let key = self
            .secure_store
            .read_store_key()?
            .ok_or(AccountError::NotLoggedIn)?;
        let config = self.config(store_key(&key)?);
        let store = self.secure_store.clone();
        let restored = run(async move {
            let client = InnomedClient::restore(&config, &session).await?;
            info!("session restored");
            Ok(Client::new(client, store))
        })
        .await;
        if matches!(restored, Err(AccountError::SessionRevoked)) {
            // The core wiped the account's data; the session and key go with it.
            self.secure_store.delete_session()?;
            self.secure_store.delete_store_key()?;
        }
        restored
    }
}

impl ClientBuilder {
    /// Runs a sign-in on the core's runtime with this installation's store key, then keeps
    /// the session in the secure store.
    async fn sign_in<F, Fut>(&self, sign_in: F) -> Result<Arc<Client>, AccountError>
    where
        F: FnOnce(ClientConfig) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = Result<InnomedClient, innomed_core::AccountError>> + Send,
    {
        let config = self.config_for_login()?;
        let store = self.secure_store.clone();
        run(async move { Client::signed_in(sign_in(config).await?, store) }).await
    }

    fn config(&self, store_key: StoreKey) -> ClientConfig {
        ClientConfig {
            homeserver_url: self.homeserver_url.clone(),
            data_dir: self.data_dir.clone(),
            store_key,
        }
    }

    /// The app keeps one store key per installation; the first sign-in creates it.
    pub(crate) fn config_for_login(&self) -> Result<ClientConfig, AccountError> {
        let key = match self.secure_store.read_store_key()? {
            Some(bytes) => store_key(&bytes)?,
            None => {
                let key = StoreKey::generate();
                self.secure_store.write_store_key(key.to_bytes().to_vec())?;
                key
            }
        };
        Ok(self.config(key))
    }
}

fn store_key(bytes: &[u8]) -> Result<StoreKey, AccountError> {
    let bytes: [u8; 32] = bytes.try_into().map_err(|_| AccountError::WrongStoreKey)?;
    Ok(StoreKey::from_bytes(bytes))
}

/// A signed-in doctor. `shutdown` or `logout` ends it; every later call fails with `Closed`.
#[derive(uniffi::Object)]
pub struct Client {
    inner: RwLock<Option<InnomedClient>>,
    pub(crate) secure_store: Arc<dyn SecureStore>,
    user_id: String,
    device_id: String,
    /// Keeps the secure store's session current as the core refreshes its tokens.
    session_writer: Arc<TaskHandle>,
}

impl Client {
    fn new(client: InnomedClient, secure_store: Arc<dyn SecureStore>) -> Arc<Self> {
        let updates = client.session_updates();
        let store = secure_store.clone();
        let session_writer = TaskHandle::spawn(move |cancelled| async move {
            futures_util::pin_mut!(updates);
            while let Some(session) = updates.next().await {
                if cancelled.is_set() {
                    return;
                }
                if store.write_session(session).is_err() {
                    warn!("refreshed session not saved in the secure store");
                }
            }
        });
        Arc::new(Self {
            user_id: client.user_id().unwrap_or_default(),
            device_id: client.device_id().unwrap_or_default(),
            inner: RwLock::new(Some(client)),
            secure_store,
            session_writer,
        })
    }

    pub(crate) fn signed_in(
        client: InnomedClient,
        secure_store: Arc<dyn SecureStore>,
    ) -> Result<Arc<Self>, AccountError> {
        let session = client.session()?;
        secure_store.write_session(session)?;
        Ok(Self::new(client, secure_store))
    }

    pub(crate) fn core(&self) -> Result<InnomedClient, AccountError> {
        self.inner
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or(AccountError::Closed)
    }

    fn take(&self) -> Result<InnomedClient, AccountError> {
        self.session_writer.cancel();
        self.inner
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .ok_or(AccountError::Closed)
    }
}

#[uniffi::export]
impl Client {
    pub fn user_id(&self) -> String {
        self.user_id.clone()
    }

    pub fn device_id(&self) -> String {
        self.device_id.clone()
    }

    /// Starts syncing: the case list and conversations stay live; messages queued offline go
    /// out once the homeserver answers.
    pub async fn start_sync(&self) -> Result<(), AccountError> {
        Ok(on_core!(self.core()?, |c| c.start_sync())?)
    }

    pub async fn stop_sync(&self) -> Result<(), AccountError> {
        on_core!(self.core()?, |c| c.stop_sync());
        Ok(())
    }

    /// Waits until the first sync response arrived.
    pub async fn wait_until_synced(&self, timeout_ms: u64) -> Result<(), AccountError> {
        let timeout = Duration::from_millis(timeout_ms);
        Ok(on_core!(self.core()?, |c| c.wait_until_synced(timeout))?)
    }

    /// Waits until every queued message reached the homeserver; `false` if some are still
    /// queued after the timeout (they go out later).
    pub async fn flush_outbox(&self, timeout_ms: u64) -> Result<bool, AccountError> {
        let timeout = Duration::from_millis(timeout_ms);
        Ok(on_core!(self.core()?, |c| c.flush_outbox(timeout))?)
    }

    /// The case list now.
    pub async fn cases(&self) -> Result<Vec<CaseSummary>, AccountError> {
        Ok(on_core!(self.core()?, |c| c.case_list().current()))
    }

    /// The case list, live: first a reset with the whole list, then diffs.
    pub fn subscribe_cases(
        &self,
        listener: Arc<dyn CaseListListener>,
    ) -> Result<Arc<TaskHandle>, AccountError> {
        Ok(crate::cases::subscribe(
            self.core()?,
            innomed_core::CaseFilter::default(),
            listener,
        ))
    }

    /// The name to show for a person (a message's sender, an inviter): from a CPTS directory
    /// this doctor belongs to, else the user id. Read without network (but for a CPTS space
    /// joined and never read, read once).
    pub async fn display_name(&self, user_id: String) -> Result<String, AccountError> {
        Ok(on_core!(self.core()?, |c| c.display_name(&user_id)))
    }

    /// Opens a case: encrypted room, status and header, as ARCHITECTURE.md describes.
    pub async fn create_case(&self, new_case: NewCase) -> Result<Arc<CaseRoom>, CaseError> {
        let client = self.core().map_err(|_| CaseError::Closed)?;
        on_core!(client, |c| c.create_case(new_case)).map(CaseRoom::new)
    }

    /// A case of this account by room id (joined or invited).
    pub fn case(&self, room_id: String) -> Result<Arc<CaseRoom>, CaseError> {
        let client = self.core().map_err(|_| CaseError::Closed)?;
        client.case(&room_id).map(CaseRoom::new)
    }

    /// Ends this client without signing out (app going away, account switch); the account can
    /// be restored again once every case room and conversation object of it is destroyed too.
    /// (`close()` on the Kotlin side is the generated `AutoCloseable` that frees the object.)
    pub async fn shutdown(&self) -> Result<(), AccountError> {
        let client = self.take()?;
        run(client.close()).await;
        Ok(())
    }

    /// Signs out: revokes the session when the homeserver answers, deletes every local file
    /// of the account and the session and key in the secure store. Returns whether the
    /// homeserver confirmed.
    pub async fn logout(&self) -> Result<bool, AccountError> {
        let client = self.take()?;
        let confirmed = run(client.logout()).await?;
        self.secure_store.delete_session()?;
        self.secure_store.delete_store_key()?;
        Ok(confirmed)
    }
}

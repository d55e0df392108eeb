//! Push: register this phone (content-free pushes), and turn a pushed event id into a
//! lock-screen line, decrypted on the phone (the notification service extension on iOS, the
//! FCM service on Android).

use innomed_core::{CaseNotification, PushError, PusherConfig};

use crate::{client::Client, platform::on_core};

#[uniffi::export]
impl Client {
    /// Registers this phone for pushes that carry event ids only.
    pub async fn register_pusher(&self, config: PusherConfig) -> Result<(), PushError> {
        on_core!(self.core_for_push()?, |c| c.register_pusher(&config))
    }

    /// Decrypts a pushed event on this phone and describes it for the lock screen.
    pub async fn notification(
        &self,
        room_id: String,
        event_id: String,
    ) -> Result<CaseNotification, PushError> {
        on_core!(self.core_for_push()?, |c| c
            .notification(&room_id, &event_id))
    }
}

impl Client {
    fn core_for_push(&self) -> Result<innomed_core::InnomedClient, PushError> {
        self.core().map_err(|_| PushError::Closed)
    }
}

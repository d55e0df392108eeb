//! The patient's consent to photos, as recorded in the case header.
//!
//! The header is an encrypted event, found by loading the case back to its creation. The
//! answer is kept in the encrypted state store, so a photo can be queued offline once the
//! header has been read on this device (always true for the doctor who opened the case).

use matrix_sdk::Room;
use tracing::debug;

use super::PhotoError;
use crate::cases::CaseRoom;

const CONSENT_KEY: &str = "fr.innomed.case.photo_consent";

fn key(room: &Room) -> Vec<u8> {
    format!("{CONSENT_KEY}:{}", room.room_id()).into_bytes()
}

impl CaseRoom {
    /// Whether the case header records the patient's consent to photos. A case whose header
    /// cannot be found counts as no consent.
    pub async fn photo_consent(&self) -> Result<bool, PhotoError> {
        let client = self.room.client();
        if let Ok(Some(bytes)) = client
            .state_store()
            .get_custom_value(&key(&self.room))
            .await
        {
            return Ok(bytes == [1]);
        }
        let header = self
            .conversation()
            .await
            .map_err(|e| PhotoError::Failed(e.to_string()))?
            .find_header()
            .await;
        let Some(header) = header else {
            debug!(room_id = %self.room_id(), "no case header: photos refused");
            return Ok(false);
        };
        self.remember_photo_consent(header.photo_consent).await;
        Ok(header.photo_consent)
    }

    /// Keeps the header's answer (the header never changes once sent).
    pub(crate) async fn remember_photo_consent(&self, consent: bool) {
        let _ = self
            .room
            .client()
            .state_store()
            .set_custom_value(&key(&self.room), vec![u8::from(consent)])
            .await;
    }
}

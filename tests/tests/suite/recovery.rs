//! Recovery: the first device sets up key backup and gets the recovery key once; a new device
//! signs in with the password, is refused a wrong key without any change, then enters the
//! right one, becomes cross-signed and reads the history sent before it existed.

use innomed_core::{InnomedClient, MessageKind, RecoveryStatus, TrustError};
use innomed_harness::Homeserver;

use crate::support::{
    eventually, header_with, load_all, marker, texts, wait_for_text, Doctor, WAIT,
};

async fn status_becomes(client: &InnomedClient, wanted: RecoveryStatus) {
    eventually(&format!("recovery status {wanted:?}"), || async {
        (client.recovery_status() == wanted).then_some(())
    })
    .await;
}

/// The key with one character changed, as a doctor might mistype it.
fn mistyped(key: &str) -> String {
    let mut chars: Vec<char> = key.chars().collect();
    let at = chars
        .iter()
        .position(|c| c.is_ascii_alphanumeric())
        .unwrap_or(0)
        + 5;
    chars[at] = if chars[at] == 'x' { 'y' } else { 'x' };
    chars.into_iter().collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_device_reads_the_old_history_with_the_recovery_key_and_a_wrong_key_changes_nothing()
{
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp").await;
    status_becomes(&gp.client, RecoveryStatus::Disabled).await;
    assert!(
        gp.client.is_device_cross_signed().await,
        "cross-signed at first sign-in"
    );
    let key = gp.client.enable_recovery().await.expect("recovery set up");
    status_becomes(&gp.client, RecoveryStatus::Enabled).await;
    assert_eq!(
        gp.client.enable_recovery().await,
        Err(TrustError::RecoveryAlreadyEnabled),
        "the key is shown once"
    );

    let secret = marker("REC");
    let case = gp
        .client
        .create_case(header_with(&secret))
        .await
        .expect("case");
    let room_id = case.room_id().to_string();
    let before = format!("avant le nouveau téléphone {secret}");
    let conversation = case.conversation().await.expect("timeline");
    conversation.send_text(&before).await.expect("queued");
    eventually("the message sent", || async {
        conversation
            .messages()
            .await
            .iter()
            .any(|m| {
                m.event_id.is_some()
                    && matches!(&m.kind, MessageKind::Text { body, .. } if *body == before)
            })
            .then_some(())
    })
    .await;
    assert!(gp.client.wait_for_backup(WAIT).await, "room keys backed up");

    // Another doctor's recovery key: well formed, wrong account.
    let other = Doctor::register(&hs.url(), "other").await;
    let other_key = other
        .client
        .enable_recovery()
        .await
        .expect("other recovery");

    // The GP's new phone: password sign-in into an empty folder.
    let new_phone = Doctor::login_again(&hs.url(), &gp.user_id).await;
    let phone = &new_phone.client;
    status_becomes(phone, RecoveryStatus::Incomplete).await;
    assert!(!phone.is_device_cross_signed().await);
    let phone_case = eventually("the case on the new phone", || async {
        phone.case(&room_id).ok()
    })
    .await;
    let phone_conversation = phone_case.conversation().await.expect("timeline");
    load_all(&phone_conversation).await;
    assert!(
        !texts(&phone_conversation).await.contains(&before),
        "readable before recovery"
    );
    assert!(
        phone.search(&secret).await.expect("search").is_empty(),
        "nothing undecrypted is indexed"
    );

    for wrong in ["not a recovery key", &mistyped(&key), &other_key] {
        assert_eq!(
            phone.recover(wrong).await,
            Err(TrustError::WrongRecoveryKey),
            "{wrong:?} refused"
        );
        assert_eq!(phone.recovery_status(), RecoveryStatus::Incomplete);
        assert!(!phone.is_device_cross_signed().await, "nothing imported");
    }

    phone.recover(&key).await.expect("the right key");
    status_becomes(phone, RecoveryStatus::Enabled).await;
    assert!(
        phone.is_device_cross_signed().await,
        "signed by the GP's identity"
    );
    wait_for_text(&phone_conversation, &before).await;
    // Decrypted late with keys from the backup: now found by the new phone's search too.
    crate::search::found(
        phone,
        &format!("nouveaux telephones {secret}"),
        innomed_core::HitKind::Message,
    )
    .await;
    let header = phone_case.header().await.expect("header").expect("found");
    assert_eq!(header.question, header_with(&secret).header.question);
    new_phone.client.close().await;
}

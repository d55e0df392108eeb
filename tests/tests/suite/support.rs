//! Helpers: fresh doctors with their own encrypted stores, markers, bounded waits.

use std::{future::Future, process::Command, time::Duration};

use innomed_core::{
    AgeBand, CaseHeader, CaseRoom, ClientConfig, Conversation, InnomedClient, MessageKind, NewCase,
    SavedSession, SendState, Sex, StoreKey, Urgency,
};
use rand::Rng;
use serde_json::{json, Value};
use tempfile::TempDir;

pub const PASSWORD: &str = "correct horse battery staple";
pub const WAIT: Duration = Duration::from_secs(60);

/// A unique string to find (or not) in what the server stores.
pub fn marker(prefix: &str) -> String {
    let n: u64 = rand::thread_rng().gen();
    format!("{prefix}{n:016x}")
}

/// A doctor on their own device: own data folder, own store key.
pub struct Doctor {
    pub client: InnomedClient,
    pub config: ClientConfig,
    pub user_id: String,
    pub dir: TempDir,
}

impl Doctor {
    /// Registers a fresh account on `homeserver_url` and starts syncing.
    pub async fn register(homeserver_url: &str, name: &str) -> Self {
        init_logs();
        let dir = tempfile::tempdir().expect("temp dir");
        let config = ClientConfig {
            homeserver_url: homeserver_url.to_owned(),
            data_dir: dir.path().to_owned(),
            store_key: StoreKey::generate(),
        };
        let username = format!("{name}-{}", rand::thread_rng().gen::<u32>());
        let client = InnomedClient::register(&config, &username, PASSWORD)
            .await
            .expect("registration on the test homeserver");
        client.start_sync().await.expect("sync starts");
        client.wait_until_synced(WAIT).await.expect("first sync");
        let user_id = client.user_id().expect("user id");
        Self {
            client,
            config,
            user_id,
            dir,
        }
    }
}

impl Doctor {
    /// The same account on another device (its own folder and store key), syncing.
    pub async fn login_again(homeserver_url: &str, user_id: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = ClientConfig {
            homeserver_url: homeserver_url.to_owned(),
            data_dir: dir.path().to_owned(),
            store_key: StoreKey::generate(),
        };
        let client = InnomedClient::login(&config, user_id, PASSWORD)
            .await
            .expect("login on another device");
        client.start_sync().await.expect("sync starts");
        client.wait_until_synced(WAIT).await.expect("first sync");
        Self {
            client,
            config,
            user_id: user_id.to_owned(),
            dir,
        }
    }
}

/// A case header whose every free-text field carries `marker`.
pub fn header_with(marker: &str) -> NewCase {
    NewCase {
        header: CaseHeader {
            patient_label: format!("P.{marker}"),
            age_band: AgeBand::Adult,
            sex: Sex::Female,
            reason: format!("lesion {marker}"),
            question: format!("excision? {marker}"),
            photo_consent: true,
        },
        specialty: Some("dermatology".into()),
        urgency: Urgency::Soon,
        due_ms: None,
    }
}

/// A plain matrix-sdk client on a fresh account (`prefix-…`), syncing: a foreign or old client
/// that follows none of Innomed's rules.
pub async fn raw_client(hs_url: &str, dir: &std::path::Path, prefix: &str) -> matrix_sdk::Client {
    use matrix_sdk::ruma::api::client::{account::register, uiaa};
    let client = matrix_sdk::Client::builder()
        .homeserver_url(hs_url)
        .sqlite_store(dir, None)
        .build()
        .await
        .expect("raw client");
    let mut request = register::v3::Request::new();
    request.username = Some(format!("{prefix}-{}", marker("")));
    request.password = Some(PASSWORD.to_owned());
    request.auth = Some(uiaa::AuthData::Dummy(uiaa::Dummy::new()));
    client
        .matrix_auth()
        .register(request)
        .await
        .expect("registered and logged in");
    let syncing = client.clone();
    tokio::spawn(async move {
        let _ = syncing
            .sync(matrix_sdk::config::SyncSettings::default())
            .await;
    });
    client
}

/// Polls `check` until it returns `Some`, or panics after `WAIT` with `what`.
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The text bodies of a conversation, oldest first.
pub async fn texts(conversation: &Conversation) -> Vec<String> {
    conversation
        .messages()
        .await
        .into_iter()
        .filter_map(|m| match m.kind {
            MessageKind::Text { body, .. } => Some(body),
            _ => None,
        })
        .collect()
}

/// Waits until `count` of the doctor's own messages are waiting on the device (not sent).
pub async fn wait_pending(conversation: &Conversation, count: usize) {
    eventually("messages waiting on the device", || async {
        let pending = conversation
            .messages()
            .await
            .iter()
            .filter(|m| m.is_own && m.send_state != SendState::Sent)
            .count();
        (pending == count).then_some(())
    })
    .await;
}

/// Waits until `doctor` sees the case (joined or invited) and returns it.
pub async fn case_seen_by(doctor: &Doctor, room_id: &str) -> CaseRoom {
    eventually("the case to reach the doctor", || async {
        doctor.client.case(room_id).ok()
    })
    .await
}

/// `gp` opens `new` and invites `derm`, who accepts; returns the case's room id.
pub async fn shared_case(gp: &Doctor, derm: &Doctor, new: NewCase) -> String {
    let case = gp.client.create_case(new).await.expect("case");
    case.invite(&derm.user_id).await.expect("invite");
    let room_id = case.room_id().to_string();
    case_seen_by(derm, &room_id)
        .await
        .accept()
        .await
        .expect("accept");
    room_id
}

/// The conversation of the case as `doctor` sees it (waiting for the case to reach them).
pub async fn conversation_of(doctor: &Doctor, room_id: &str) -> Conversation {
    case_seen_by(doctor, room_id)
        .await
        .conversation()
        .await
        .expect("timeline")
}

/// Waits until `text` is shown decrypted in `conversation` (loading older messages as needed).
pub async fn wait_for_text(conversation: &Conversation, text: &str) {
    eventually("the message decrypted", || async {
        load_all(conversation).await;
        texts(conversation)
            .await
            .iter()
            .any(|t| t == text)
            .then_some(())
    })
    .await;
}

/// Loads the case back to its creation (bounded), so earlier messages are in view.
pub async fn load_all(conversation: &Conversation) {
    let _ = conversation.load_history(Duration::from_secs(10)).await;
}

/// Set `INNOMED_TEST_LOG=matrix_sdk=debug` (an env filter) to see the SDK's logs in a test.
pub fn init_logs() {
    if let Ok(filter) = std::env::var("INNOMED_TEST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .try_init();
    }
}

/// What a child process of the suite needs to open a doctor's account (JSON, handed over in an
/// environment variable); the caller adds what its scenario needs.
pub fn account_spec(config: &ClientConfig, session: &SavedSession) -> Value {
    json!({
        "data_dir": config.data_dir, "key": config.store_key.to_hex(), "session": session,
    })
}

/// The account a child process was handed by [`account_spec`].
pub fn account_from_spec(spec: &Value) -> (ClientConfig, SavedSession) {
    let session: SavedSession = serde_json::from_value(spec["session"].clone()).expect("session");
    let config = ClientConfig {
        homeserver_url: session.homeserver_url.clone(),
        data_dir: serde_json::from_value(spec["data_dir"].clone()).expect("dir"),
        store_key: StoreKey::from_hex(spec["key"].as_str().expect("key")).expect("hex key"),
    };
    (config, session)
}

/// This test binary again, as another process running only the ignored test `name` (a
/// module's child scenario), which reads `spec` from the variable `env`.
pub fn child_test(name: &str, env: &str, spec: &Value) -> Command {
    let mut child = Command::new(std::env::current_exe().expect("test binary"));
    child
        .args(["--exact", name, "--ignored", "--nocapture"])
        .env(env, spec.to_string());
    child
}

/// A case `doctor` opens (header carrying a fresh marker) with one message written and sent:
/// the case, its header's marker and the message.
pub async fn case_with_message(doctor: &Doctor, prefix: &str) -> (CaseRoom, String, String) {
    let secret = marker(prefix);
    let case = doctor
        .client
        .create_case(header_with(&secret))
        .await
        .expect("case");
    let text = marker("WRITTEN");
    let conversation = case.conversation().await.expect("conversation");
    conversation.send_text(&text).await.expect("queued");
    assert!(
        doctor.client.flush_outbox(WAIT).await.expect("flush"),
        "sent"
    );
    (case, secret, text)
}

/// Which of `words` `conversation` shows, in its order, loaded back to the case's start.
pub async fn words_shown(conversation: &Conversation, words: &[String]) -> Vec<String> {
    load_all(conversation).await;
    texts(conversation)
        .await
        .into_iter()
        .filter(|t| words.contains(t))
        .collect()
}

/// Waits until every one of `words` shows in `conversation` (loading back past any gap), then
/// gives a duplicate 3 s to show up and checks each came once, in the order written.
pub async fn assert_arrive_once_in_order(conversation: &Conversation, words: &[String]) {
    eventually("every message at the reader", || async {
        (words_shown(conversation, words).await.len() >= words.len()).then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        words_shown(conversation, words).await,
        words,
        "once each, in the order they were written, decrypted"
    );
}

/// Runs the child scenario `name` with `spec`, waits (at most 2 minutes) until it prints a line
/// containing `signal`, lets it run `after` more, then kills it with SIGKILL. Whether the
/// signal came.
pub async fn run_child_then_kill(
    name: &str,
    env: &str,
    spec: &Value,
    signal: &'static str,
    after: Duration,
) -> bool {
    use std::io::{BufRead, BufReader};
    let mut child = child_test(name, env, spec)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .expect("child process");
    let stdout = child.stdout.take().expect("child stdout");
    let seen = tokio::task::spawn_blocking(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains(signal))
    });
    let seen = tokio::time::timeout(Duration::from_secs(120), seen).await;
    tokio::time::sleep(after).await;
    child.kill().expect("kill -9 the child");
    let _ = child.wait();
    matches!(seen, Ok(Ok(true)))
}

/// In a child scenario: the account `env`'s spec names, restored and syncing, writes the spec's
/// `words` into its `room_id` case. `None` when not run as a child.
pub async fn child_writes(env: &str) -> Option<(InnomedClient, Conversation)> {
    let spec = std::env::var(env).ok()?;
    init_logs();
    let spec: Value = serde_json::from_str(&spec).expect("spec");
    let (config, session) = account_from_spec(&spec);
    let client = InnomedClient::restore(&config, &session)
        .await
        .expect("restore");
    client.start_sync().await.expect("sync task");
    let case = client
        .case(spec["room_id"].as_str().expect("room"))
        .expect("case in store");
    let conversation = case.conversation().await.expect("timeline");
    for word in spec["words"].as_array().expect("words") {
        conversation
            .send_text(word.as_str().expect("word"))
            .await
            .expect("send");
    }
    Some((client, conversation))
}

/// `doctor`'s case list row for `room_id`, if listed.
pub async fn listed(doctor: &Doctor, room_id: &str) -> Option<innomed_core::CaseSummary> {
    doctor
        .client
        .case_list()
        .current()
        .await
        .into_iter()
        .find(|c| c.room_id.as_str() == room_id)
}

/// A text message put in clear into `room_id` with a member's own access token, as a raw
/// client could (the homeserver accepts it).
pub fn send_in_clear(hs_url: &str, token: &str, room_id: &str, text: &str) {
    let url = format!(
        "{hs_url}/_matrix/client/v3/rooms/{room_id}/send/m.room.message/{}",
        marker("txn")
    );
    let body = json!({ "msgtype": "m.text", "body": text });
    let response =
        innomed_harness::http::request("PUT", &url, Some(&body), Some(token)).expect("raw send");
    assert_eq!(response.status, 200, "{}", response.body);
}

/// Waits until `conversation` shows a message as untrusted.
pub async fn wait_untrusted(conversation: &Conversation) {
    eventually("a message shown as untrusted", || async {
        load_all(conversation).await;
        conversation
            .messages()
            .await
            .iter()
            .any(|m| matches!(m.kind, MessageKind::Untrusted))
            .then_some(())
    })
    .await;
}

/// An access token for `user` (password sign-in with the tests' password, raw HTTP).
pub fn login_token(hs_url: &str, user: &str) -> String {
    let body = json!({
        "type": "m.login.password",
        "identifier": { "type": "m.id.user", "user": user },
        "password": PASSWORD,
    });
    let response = innomed_harness::http::request(
        "POST",
        &format!("{hs_url}/_matrix/client/v3/login"),
        Some(&body),
        None,
    )
    .expect("login");
    assert_eq!(response.status, 200, "{}", response.body);
    response.json().expect("json")["access_token"]
        .as_str()
        .expect("token")
        .to_owned()
}

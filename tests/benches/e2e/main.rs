//! End-to-end benchmarks against a local Synapse (`cargo xtask bench`).
//!
//! 1. Latency: a message sent by the GP until it is decrypted in the dermatologist's
//!    timeline, p50/p95 over 200 messages, next to the floor measured in the same run: the
//!    same send (an `m.room.encrypted` event of the same size) and the other side's sync
//!    wake-up, done with plain HTTP and no SDK.
//! 2. Cold start: a fresh process opens a client whose store holds 500 cases and builds the
//!    full case list; wall time and the process's peak memory (VmHWM).

mod floor;
mod seed;

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use innomed_core::{
    AgeBand, CaseHeader, ClientConfig, ConversationItem, InnomedClient, MessageKind, NewCase,
    SavedSession, Sex, StoreKey, Urgency, VectorDiff,
};
use innomed_harness::{Homeserver, HomeserverOptions};
use serde_json::json;

const MESSAGES: usize = 200;
const WARM_UP: usize = 10;
const CASES: usize = 500;
const COLD_RUNS: usize = 5;
const CHILD_ENV: &str = "INNOMED_BENCH_COLD_START";

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    if let Ok(spec) = std::env::var(CHILD_ENV) {
        runtime.block_on(cold_start_child(&spec));
        return;
    }
    // `cargo bench` passes `--bench`; nothing else is accepted.
    let hs = Homeserver::start(HomeserverOptions::default()).expect("synapse");
    println!(
        "Innomed end-to-end benchmarks against Synapse {} at {}",
        innomed_harness::SYNAPSE_VERSION,
        hs.url()
    );
    runtime.block_on(latency(&hs));
    runtime.block_on(cold_start(&hs));
}

pub(crate) fn config(url: &str, dir: &std::path::Path) -> ClientConfig {
    ClientConfig {
        homeserver_url: url.to_owned(),
        data_dir: dir.to_owned(),
        store_key: StoreKey::generate(),
    }
}

pub(crate) async fn doctor(
    url: &str,
    dir: &std::path::Path,
    name: &str,
) -> (InnomedClient, ClientConfig) {
    let config = config(url, dir);
    let client = InnomedClient::register(&config, name, "bench-password")
        .await
        .expect("register");
    client.start_sync().await.expect("sync");
    client
        .wait_until_synced(Duration::from_secs(60))
        .await
        .expect("first sync");
    (client, config)
}

pub(crate) fn header() -> NewCase {
    NewCase {
        header: CaseHeader {
            patient_label: "B.E.".into(),
            age_band: AgeBand::Adult,
            sex: Sex::Unknown,
            reason: "benchmark".into(),
            question: "latency?".into(),
            photo_consent: false,
        },
        specialty: Some("dermatology".into()),
        urgency: Urgency::Routine,
        due_ms: None,
    }
}

async fn latency(hs: &Homeserver) {
    let dir = tempfile::tempdir().expect("dir");
    let (gp, _) = doctor(&hs.url(), &dir.path().join("gp"), "bench-gp").await;
    let (derm, _) = doctor(&hs.url(), &dir.path().join("derm"), "bench-derm").await;
    let case = gp.create_case(header()).await.expect("case");
    let room_id = case.room_id().to_string();
    case.invite(&derm.user_id().expect("id"))
        .await
        .expect("invite");
    let derm_case = loop {
        if let Ok(c) = derm.case(&room_id) {
            break c;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    derm_case.accept().await.expect("accept");
    let gp_conversation = case.conversation().await.expect("timeline");
    let derm_conversation = derm_case.conversation().await.expect("timeline");
    let (_, mut updates) = derm_conversation.subscribe().await;

    let mut samples = Vec::with_capacity(MESSAGES);
    for i in 0..WARM_UP + MESSAGES {
        let body = format!("bench message {i}");
        let started = Instant::now();
        gp_conversation.send_text(&body).await.expect("send");
        let arrived = tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(diffs) = updates.next().await {
                if diffs.iter().any(|d| contains_text(d, &body)) {
                    return;
                }
            }
        })
        .await;
        assert!(arrived.is_ok(), "message {i} not decrypted within 30 s");
        if i >= WARM_UP {
            samples.push(started.elapsed());
        }
    }
    let floor = floor::measure(&hs.url(), WARM_UP, MESSAGES).await;
    let (p50, p95) = percentiles(&mut samples);
    let (f50, f95) = percentiles(&mut floor.clone());
    println!();
    println!("send → decrypted in the other doctor's timeline ({MESSAGES} messages)");
    println!(
        "  Innomed (matrix-sdk, E2EE, sliding sync): p50 {:>7.2} ms   p95 {:>7.2} ms",
        ms(p50),
        ms(p95)
    );
    println!(
        "  floor (plain HTTP send + /sync wake-up):  p50 {:>7.2} ms   p95 {:>7.2} ms",
        ms(f50),
        ms(f95)
    );
    println!(
        "  ratio p50 / floor p50: {:.2} (goal ≤ 1.20)",
        ms(p50) / ms(f50)
    );
    gp.stop_sync().await;
    derm.stop_sync().await;
}

fn contains_text(diff: &VectorDiff<ConversationItem>, body: &str) -> bool {
    let is_it = |item: &ConversationItem| {
        item.as_message().is_some_and(|m| {
            !m.is_own && matches!(&m.kind, MessageKind::Text { body: b, .. } if b == body)
        })
    };
    match diff {
        VectorDiff::Append { values } | VectorDiff::Reset { values } => values.iter().any(is_it),
        VectorDiff::PushBack { value }
        | VectorDiff::PushFront { value }
        | VectorDiff::Insert { value, .. }
        | VectorDiff::Set { value, .. } => is_it(value),
        _ => false,
    }
}

pub(crate) fn percentiles(samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    (at(0.50), at(0.95))
}

pub(crate) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn cold_start(hs: &Homeserver) {
    let dir = tempfile::tempdir().expect("dir");
    let (session, config) = seed::account_with_cases(hs, dir.path(), CASES).await;
    let spec = json!({ "session": session, "data_dir": config.data_dir, "key": config.store_key.to_hex(), "cases": CASES });
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..COLD_RUNS {
        let output = std::process::Command::new(std::env::current_exe().expect("exe"))
            .env(CHILD_ENV, spec.to_string())
            .output()
            .expect("cold start child");
        assert!(
            output.status.success(),
            "child failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("child report");
        times.push(Duration::from_secs_f64(
            report["elapsed_ms"].as_f64().expect("ms") / 1000.0,
        ));
        peaks.push(report["peak_rss_kb"].as_u64().expect("kb"));
    }
    let (t50, _) = percentiles(&mut times);
    let worst = times.iter().max().copied().unwrap_or_default();
    let peak = peaks.iter().max().copied().unwrap_or_default();
    println!();
    println!("cold start: open the client (store with {CASES} cases) → full case list ({COLD_RUNS} fresh processes)");
    println!(
        "  median {:>7.1} ms   worst {:>7.1} ms   (goal < 150 ms)",
        ms(t50),
        ms(worst)
    );
    println!(
        "  peak memory of the process: {:.1} MB (goal < 150 MB)",
        peak as f64 / 1024.0
    );
}

/// The child process: restore, list, report. Nothing else runs in it.
async fn cold_start_child(spec: &str) {
    let spec: serde_json::Value = serde_json::from_str(spec).expect("spec");
    let session: SavedSession = serde_json::from_value(spec["session"].clone()).expect("session");
    let config = ClientConfig {
        homeserver_url: session.homeserver_url.clone(),
        data_dir: serde_json::from_value(spec["data_dir"].clone()).expect("dir"),
        store_key: StoreKey::from_hex(spec["key"].as_str().expect("key")).expect("key"),
    };
    let expected = spec["cases"].as_u64().expect("cases") as usize;
    let started = Instant::now();
    let client = InnomedClient::restore(&config, &session)
        .await
        .expect("restore");
    let cases = client.case_list().current().await;
    let elapsed = started.elapsed();
    assert_eq!(cases.len(), expected, "the full list");
    assert!(
        cases.iter().all(|c| c.status.is_some()),
        "every case has its status"
    );
    println!(
        "{}",
        json!({ "elapsed_ms": ms(elapsed), "peak_rss_kb": peak_rss_kb() })
    );
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

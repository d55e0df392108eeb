//! `cargo xtask bench-search`: the local search index with 500 cases × 200 messages.
//!
//! Measured in the same run:
//! - building the index (every text folded, its terms hashed, the text sealed): time per case
//!   and per message, and the index file's size;
//! - queries of one, two and three words: criterion's mean, and the p50/p95/p99 of 1,000 varied
//!   queries (the goal: p95 ≤ 50 ms);
//! - the anchor: plain SQLite FTS5 (`unicode61 remove_diacritics 2`) over the same texts in
//!   clear, same queries — what search costs without sealing, hashing and French folding.

use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion};
use innomed_core::{
    search::{IndexedText, LocalIndex},
    HitKind, StoreKey,
};
use rusqlite::{params, Connection};

const CASES: usize = 500;
const MESSAGES: usize = 200;

const WORDS: &[&str] = &[
    "lésion",
    "pigmentée",
    "érythème",
    "plaque",
    "prurit",
    "douleur",
    "thoracique",
    "dyspnée",
    "fièvre",
    "toux",
    "œdème",
    "membres",
    "inférieurs",
    "tension",
    "artérielle",
    "glycémie",
    "hémoglobine",
    "bilan",
    "sanguin",
    "créatinine",
    "échographie",
    "radiographie",
    "scanner",
    "biopsie",
    "exérèse",
    "dermatoscopie",
    "naevus",
    "mélanome",
    "carcinome",
    "basocellulaire",
    "eczéma",
    "psoriasis",
    "urticaire",
    "allergie",
    "antibiotique",
    "amoxicilline",
    "doxycycline",
    "corticoïdes",
    "dermocorticoïde",
    "posologie",
    "traitement",
    "surveillance",
    "consultation",
    "rendez-vous",
    "semaine",
    "mois",
    "patient",
    "patiente",
    "enfant",
    "âgé",
    "antécédents",
    "diabète",
    "hypertension",
    "insuffisance",
    "cardiaque",
    "rénale",
    "fibrillation",
    "auriculaire",
    "anticoagulant",
    "saignement",
    "plaie",
    "cicatrisation",
    "ulcère",
    "jambe",
    "pied",
    "main",
    "visage",
    "dos",
    "thorax",
    "abdomen",
    "cuir",
    "chevelu",
    "ongle",
    "photo",
    "cliché",
    "avis",
    "question",
    "urgent",
    "contrôle",
    "évolution",
    "aggravation",
    "amélioration",
    "stable",
    "récidive",
    "chirurgie",
    "ordonnance",
    "examen",
    "clinique",
    "palpation",
    "adénopathie",
    "ganglion",
    "cervical",
    "axillaire",
    "inguinal",
    "érosion",
    "croûte",
    "vésicule",
    "bulle",
];

/// A small deterministic generator (no dependency needed for a corpus).
struct Seq(u64);

impl Seq {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    fn sentence(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| WORDS[self.next() % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn corpus() -> Vec<(String, Vec<IndexedText>)> {
    let mut seq = Seq(0x2545_F491_4F6C_DD1D);
    let start_ms: u64 = 1_767_225_600_000; // 1 January 2026
    (0..CASES)
        .map(|case| {
            let room_id = format!("!case{case:04}:cpts.test");
            let texts = (0..MESSAGES)
                .map(|m| IndexedText {
                    room_id: room_id.clone(),
                    event_id: Some(format!("$e{case}-{m}")),
                    kind: if m == 0 {
                        HitKind::Header
                    } else {
                        HitKind::Message
                    },
                    sender: Some("@dr.martin:cpts.test".into()),
                    timestamp_ms: start_ms + (case * MESSAGES + m) as u64 * 600_000,
                    text: {
                        let n = 6 + seq.next() % 20;
                        seq.sentence(n)
                    },
                })
                .collect();
            (room_id, texts)
        })
        .collect()
}

fn queries() -> Vec<String> {
    let mut seq = Seq(0x9E37_79B9_7F4A_7C15);
    (0..1000)
        .map(|i| seq.sentence(1 + i % 3).to_uppercase())
        .collect()
}

fn percentiles(mut times: Vec<Duration>) -> [Duration; 3] {
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    [at(0.50), at(0.95), at(0.99)]
}

fn clear_anchor(corpus: &[(String, Vec<IndexedText>)], dir: &std::path::Path) -> Connection {
    let conn = Connection::open(dir.join("clear.sqlite3")).expect("anchor db");
    conn.execute_batch(
        "CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');",
    )
    .expect("anchor table");
    for (_, texts) in corpus {
        let tx = conn.unchecked_transaction().expect("tx");
        for t in texts {
            tx.execute("INSERT INTO t (text) VALUES (?1)", params![t.text])
                .expect("insert");
        }
        tx.commit().expect("commit");
    }
    conn
}

fn clear_query(conn: &Connection, query: &str) -> usize {
    let expression = query
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" AND ");
    let mut statement = conn
        .prepare_cached("SELECT text FROM t WHERE t MATCH ?1 ORDER BY rank LIMIT 100")
        .expect("prepare");
    statement
        .query_map(params![expression], |r| r.get::<_, String>(0))
        .expect("query")
        .count()
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let dir = tempfile::tempdir().expect("dir");
    let index =
        LocalIndex::open(&dir.path().join("search.sqlite3"), &StoreKey::generate()).expect("index");

    let started = Instant::now();
    for (room_id, texts) in &corpus {
        let batch: Vec<(String, Option<IndexedText>)> = texts
            .iter()
            .map(|t| (t.event_id.clone().unwrap_or_default(), Some(t.clone())))
            .collect();
        index.write(room_id, &batch).expect("write");
    }
    let written = started.elapsed();
    index.optimize().expect("optimize");
    let built = started.elapsed();
    println!(
        "writing {:.2} s, then merging the index {:.2} s",
        written.as_secs_f64(),
        (built - written).as_secs_f64()
    );
    let (texts, bytes) = index.size().expect("size");
    let started = Instant::now();
    let anchor = clear_anchor(&corpus, dir.path());
    let anchor_built = started.elapsed();
    let anchor_bytes = std::fs::metadata(dir.path().join("clear.sqlite3"))
        .map(|m| m.len())
        .unwrap_or(0);
    let body_bytes: usize = corpus
        .iter()
        .flat_map(|(_, t)| t.iter().map(|t| t.text.len()))
        .sum();
    println!(
        "indexing {texts} texts ({CASES} cases × {MESSAGES}, {:.1} MB of text): {:.2} s, \
         {:.1} µs per message, {:.1} ms per case; index {:.1} MB",
        body_bytes as f64 / 1e6,
        built.as_secs_f64(),
        built.as_secs_f64() * 1e6 / texts as f64,
        built.as_secs_f64() * 1e3 / CASES as f64,
        bytes as f64 / 1e6
    );
    println!(
        "anchor (plain FTS5 in clear): {:.2} s, {:.1} µs per message; file {:.1} MB",
        anchor_built.as_secs_f64(),
        anchor_built.as_secs_f64() * 1e6 / texts as f64,
        anchor_bytes as f64 / 1e6
    );

    let queries = queries();
    let mut sealed_times = Vec::with_capacity(queries.len());
    let mut clear_times = Vec::with_capacity(queries.len());
    let mut hits = 0;
    for query in &queries {
        let t = Instant::now();
        hits += index.search(query, 100).expect("search").len();
        sealed_times.push(t.elapsed());
        let t = Instant::now();
        clear_query(&anchor, query);
        clear_times.push(t.elapsed());
    }
    let [p50, p95, p99] = percentiles(sealed_times);
    let [a50, a95, a99] = percentiles(clear_times);
    println!(
        "1000 queries (1–3 words, upper case, {hits} results): sealed index p50 {p50:.2?} \
         p95 {p95:.2?} p99 {p99:.2?}; anchor p50 {a50:.2?} p95 {a95:.2?} p99 {a99:.2?}"
    );

    let mut group = c.benchmark_group("search");
    group.bench_function("sealed index, two words", |b| {
        b.iter(|| index.search("LÉSIONS dos", 100).expect("search"))
    });
    group.bench_function("anchor: plain FTS5, two words", |b| {
        b.iter(|| clear_query(&anchor, "lésion dos"))
    });
    group.bench_function("sealed index, one common word", |b| {
        b.iter(|| index.search("patient", 100).expect("search"))
    });
    group.bench_function("anchor: plain FTS5, one common word", |b| {
        b.iter(|| clear_query(&anchor, "patient"))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(5));
    targets = bench
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}

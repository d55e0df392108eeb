//! Search across every case on this device: the header, messages, photo captions, document
//! titles, advice and closures, the case's code, specialty and members, and dates.
//!
//! The homeserver cannot search (it holds ciphertext); the index lives in the account's folder,
//! sealed with its store key ([`index`]), fed from what this device decrypted ([`feed`]) with the
//! same rules as the conversation (a header or closure from the case's creator, advice from its
//! taker, messages from vouched members' signed devices). Words are folded the French way
//! ([`text`]): "lésion" finds "LESIONS".

mod feed;
mod index;
mod retry;
mod text;

use std::{
    collections::HashMap,
    path::PathBuf,
    sync::{Arc, Mutex, OnceLock},
};

use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;
use tracing::warn;

pub use self::index::{Found, IndexedText, LocalIndex};
use crate::InnomedClient;

/// Queries longer than this (in characters) are refused.
pub const MAX_QUERY_CHARS: usize = 256;

/// Results of one query, at most.
const MAX_HITS: usize = 50;

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum SearchError {
    /// Empty, punctuation or only words too common to look for.
    #[error("nothing to search for: type a word of the case")]
    NothingToSearch,
    #[error("the search is too long (at most {MAX_QUERY_CHARS} characters)")]
    QueryTooLong,
    /// The index was sealed with another key (a store key replaced): it is rebuilt.
    #[error("the search index cannot be opened with this account's key")]
    WrongKey,
    #[error("the search index is unavailable: {0}")]
    Store(String),
}

impl SearchError {
    /// The stable code of this error, as the terminal client prints it.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NothingToSearch => "nothing_to_search",
            Self::QueryTooLong => "query_too_long",
            Self::WrongKey => "search_wrong_key",
            Self::Store(_) => "search_unavailable",
        }
    }
}

impl From<rusqlite::Error> for SearchError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(e.to_string())
    }
}

impl From<std::io::Error> for SearchError {
    fn from(e: std::io::Error) -> Self {
        Self::Store(e.kind().to_string())
    }
}

/// What a result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum HitKind {
    /// The case itself: its code, specialty and members.
    Case,
    /// The header: patient label, reason, question.
    Header,
    Message,
    /// A photo's caption.
    Photo,
    /// A document's title.
    Document,
    Advice,
    Closure,
}

/// A piece of a result's text; the words that matched the query are `matched`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SnippetPart {
    pub text: String,
    pub matched: bool,
}

/// One result: the case and message it points to, and the text around the matched words.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SearchHit {
    pub room_id: OwnedRoomId,
    /// The case's code (`IM-7K2QX9`).
    pub code: String,
    /// The message to scroll to; `None` when the case itself matched.
    pub event_id: Option<OwnedEventId>,
    pub kind: HitKind,
    pub sender: Option<OwnedUserId>,
    /// When the message was sent; for the case itself, its latest activity.
    pub timestamp_ms: u64,
    pub snippet: Vec<SnippetPart>,
}

/// Where the first reading of the cases stands (cases joined before this device indexed them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SearchProgress {
    pub indexed_cases: u32,
    pub total_cases: u32,
    /// Every case was read once; the index now follows sync.
    pub done: bool,
}

/// The account's index and the task that feeds it; shared by every clone of the client.
#[derive(Clone)]
pub(crate) struct Search {
    /// Opened at its first use (not by a process that only shows a notification).
    index: Arc<OnceLock<Result<LocalIndex, String>>>,
    path: Arc<PathBuf>,
    key: crate::StoreKey,
    progress: watch::Sender<SearchProgress>,
    started: Arc<OnceLock<()>>,
    /// What each case's own entry was made from (code, specialty, members), this run.
    entries: Arc<Mutex<HashMap<String, String>>>,
    /// The feed, stopped when the account closes (it holds the account while it reads a case).
    task: Arc<Mutex<Option<tokio::task::JoinHandle<()>>>>,
}

impl Search {
    /// The index of an account folder, opened when first used.
    pub(crate) fn new(account_dir: &std::path::Path, key: &crate::StoreKey) -> Self {
        Self {
            index: Arc::default(),
            path: Arc::new(account_dir.join("search.sqlite3")),
            key: key.clone(),
            progress: watch::channel(SearchProgress::default()).0,
            started: Arc::default(),
            entries: Arc::default(),
            task: Arc::default(),
        }
    }

    /// Opens the index (a failure leaves search unavailable, not the account: the doctor still
    /// reads and writes cases).
    fn open(path: &std::path::Path, key: &crate::StoreKey) -> Result<LocalIndex, String> {
        let index = match LocalIndex::open(path, key) {
            Err(SearchError::WrongKey) => {
                // Sealed under an earlier key: nothing in it can be read; it is rebuilt.
                warn!("search index sealed with another key: rebuilt");
                let _ = std::fs::remove_file(path);
                LocalIndex::open(path, key)
            }
            other => other,
        };
        index.map_err(|e| {
            warn!("search index unavailable: {e}");
            e.to_string()
        })
    }

    /// Stops the feed and waits until it let go of the account.
    pub(crate) async fn stop(&self) {
        let task = self.task.lock().ok().and_then(|mut t| t.take());
        if let Some(task) = task {
            task.abort();
            let _ = task.await;
        }
    }

    fn entry_unchanged(&self, room_id: &str, signature: &str) -> bool {
        self.entries
            .lock()
            .is_ok_and(|m| m.get(room_id).is_some_and(|s| s == signature))
    }

    fn forget_entry(&self, room_id: &str) {
        if let Ok(mut map) = self.entries.lock() {
            map.remove(room_id);
        }
    }

    fn remember_entry(&self, room_id: &str, signature: String) {
        if let Ok(mut map) = self.entries.lock() {
            map.insert(room_id.to_owned(), signature);
        }
    }

    fn index(&self) -> Result<&LocalIndex, SearchError> {
        self.index
            .get_or_init(|| Self::open(&self.path, &self.key))
            .as_ref()
            .map_err(|e| SearchError::Store(e.clone()))
    }
}

impl InnomedClient {
    /// Searches every case on this device; best matches first, at most 50.
    pub async fn search(&self, query: &str) -> Result<Vec<SearchHit>, SearchError> {
        let index = self.search.index()?;
        // On this thread: a query takes milliseconds (docs/benchmarks.md).
        let found = index.search(query, MAX_HITS * 2)?;
        let folder = text::Folder::default();
        let mut hits = Vec::with_capacity(found.len());
        for Found { text, terms } in found {
            let Ok(room_id) = OwnedRoomId::try_from(text.room_id.as_str()) else {
                continue;
            };
            // Only cases the doctor is still in (a left case is purged; this covers the moment
            // in between).
            let Ok(case) = self.case(room_id.as_str()) else {
                continue;
            };
            if case.membership() == crate::Membership::Left {
                continue;
            }
            hits.push(SearchHit {
                code: case.code(),
                room_id,
                event_id: text
                    .event_id
                    .as_deref()
                    .and_then(|e| OwnedEventId::try_from(e).ok()),
                kind: text.kind,
                sender: text
                    .sender
                    .as_deref()
                    .and_then(|s| OwnedUserId::try_from(s).ok()),
                // The case's own entry carries no date of its own: its latest activity.
                timestamp_ms: match text.kind {
                    HitKind::Case => crate::cases::latest_activity_ms(&case.room),
                    _ => text.timestamp_ms,
                },
                snippet: snippet(&folder, &text.text, &terms),
            });
            if hits.len() == MAX_HITS {
                break;
            }
        }
        Ok(hits)
    }

    /// Where the first reading of the cases stands, then each change.
    pub fn search_progress(&self) -> watch::Receiver<SearchProgress> {
        self.search.progress.subscribe()
    }

    /// Waits until every case was read once into the index (bounded by `timeout`).
    pub async fn wait_for_search_index(&self, timeout: std::time::Duration) -> SearchProgress {
        let mut progress = self.search_progress();
        let _ = tokio::time::timeout(timeout, progress.wait_for(|p| p.done)).await;
        let now = *progress.borrow();
        now
    }
}

/// Characters of context kept before the first matched word.
const CONTEXT_BEFORE: usize = 40;
/// Characters of a snippet, at most.
const SNIPPET_CHARS: usize = 200;

/// The text around the first matched word, cut at word boundaries, matched words marked.
pub(crate) fn snippet(folder: &text::Folder, text: &str, terms: &[String]) -> Vec<SnippetPart> {
    let words = folder.words(text);
    let matched: Vec<&text::Word> = words.iter().filter(|w| terms.contains(&w.term)).collect();
    let first = matched.first().map_or(0, |w| w.start);
    // Back up to a word start about CONTEXT_BEFORE characters earlier.
    let start = words
        .iter()
        .map(|w| w.start)
        .filter(|&s| s <= first && text[s..first].chars().count() <= CONTEXT_BEFORE)
        .min()
        .unwrap_or(first);
    let end = text[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    let mut parts = Vec::new();
    let mut at = start;
    if start > 0 {
        parts.push(SnippetPart {
            text: "…".to_owned(),
            matched: false,
        });
    }
    for word in matched.iter().filter(|w| w.start >= start && w.end <= end) {
        if word.start > at {
            parts.push(SnippetPart {
                text: text[at..word.start].to_owned(),
                matched: false,
            });
        }
        parts.push(SnippetPart {
            text: text[word.start..word.end].to_owned(),
            matched: true,
        });
        at = word.end;
    }
    if end > at {
        parts.push(SnippetPart {
            text: text[at..end].to_owned(),
            matched: false,
        });
    }
    if end < text.len() {
        parts.push(SnippetPart {
            text: "…".to_owned(),
            matched: false,
        });
    }
    parts
}

pub(crate) use feed::install;

#[cfg(test)]
mod tests;

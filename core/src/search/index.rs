//! The index file: SQLite full-text search (FTS5) over keyed hashes of words, never the words.
//!
//! `search.sqlite3` in the account's folder holds, per indexed text:
//! - in `terms` (a contentless FTS5 table without positions), the keyed hash of each of its
//!   terms (words folded by [`Folder`](super::text::Folder)) and of its date's terms: the table
//!   ranks matches (bm25) without ever holding a word;
//! - in `docs`, the text itself and what it points to (case, message, sender, date), sealed
//!   (XChaCha20-Poly1305, a random nonce each);
//!   the case and the message are named by keyed hashes, so the index can forget a case without
//!   being able to read which.
//!
//! The keys: a [`StoreCipher`] made for this file and kept in it sealed with the account's store
//! key (as the SDK's own stores do) derives one key for sealing and one for the keyed hashes
//! (BLAKE3); both are made once when the file is opened.
//!
//! Without the store key the file is hashes and ciphertext. SQLite's and FTS5's secure delete
//! overwrite what a forgotten case leaves behind.

use std::{
    path::Path,
    sync::{Mutex, MutexGuard},
};

use chacha20poly1305::{
    aead::{Aead, KeyInit},
    XChaCha20Poly1305, XNonce,
};
use matrix_sdk_store_encryption::StoreCipher;
use rand::Rng;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{
    text::{Folder, Word},
    HitKind, SearchError,
};
use crate::{cpts::paris::ParisTime, StoreKey};

/// Matching texts ranked per query, the latest written first.
const RANKED_CANDIDATES: i64 = 2_000;

/// Terms of a query beyond this many are not looked for.
pub(crate) const MAX_QUERY_TERMS: usize = 12;

/// A text of a case, as kept (sealed) in the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedText {
    pub room_id: String,
    /// The message; `None` for the case's own entry (code, specialty, members).
    pub event_id: Option<String>,
    pub kind: HitKind,
    pub sender: Option<String>,
    pub timestamp_ms: u64,
    pub text: String,
}

/// A text found by a query, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub text: IndexedText,
    /// The query's terms, to highlight the words that matched.
    pub terms: Vec<String>,
}

/// The local search index of one account on this device.
pub struct LocalIndex {
    conn: Mutex<Connection>,
    seal: XChaCha20Poly1305,
    /// BLAKE3 keys of the keyed hashes: terms, cases, keys.
    term_key: [u8; 32],
    room_key: [u8; 32],
    key_key: [u8; 32],
    folder: Folder,
}

/// Bytes of the nonce in front of each sealed text.
const NONCE: usize = 24;

impl std::fmt::Debug for LocalIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LocalIndex")
    }
}

const SCHEMA: &str = "
    PRAGMA secure_delete = ON;
    CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
    CREATE TABLE IF NOT EXISTS docs (
        id INTEGER PRIMARY KEY,
        room BLOB NOT NULL,
        key BLOB NOT NULL UNIQUE,
        sealed BLOB
    );
    CREATE INDEX IF NOT EXISTS docs_room ON docs (room);
    CREATE TABLE IF NOT EXISTS rooms (room BLOB PRIMARY KEY, complete INTEGER NOT NULL);
    CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5 (
        words, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
    );
    INSERT INTO terms (terms, rank) VALUES ('secure-delete', 1);
    PRAGMA user_version = 2;
";

/// The layout of the file; an index of an earlier layout is emptied and read again.
const LAYOUT: i64 = 2;

/// Drops what an index of an earlier layout holds (it is rebuilt from the cases).
const DROP: &str = "
    DROP TABLE IF EXISTS terms;
    DROP TABLE IF EXISTS docs;
    DROP TABLE IF EXISTS rooms;
";

impl LocalIndex {
    /// Opens (or creates, readable by its owner only) the index at `path`, sealed with `key`.
    pub fn open(path: &Path, key: &StoreKey) -> Result<Self, SearchError> {
        if !path.exists() {
            // Created empty here so SQLite (and its journal, which copies the mode) never makes
            // it readable by others.
            crate::private_file::write_private(path, b"")?;
        }
        let conn = Connection::open(path)?;
        let layout: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if layout != LAYOUT {
            conn.execute_batch(DROP)?;
        }
        conn.execute_batch(SCHEMA)?;
        let sealed: Option<Vec<u8>> = conn
            .query_row("SELECT value FROM meta WHERE name = 'cipher'", [], |r| {
                r.get(0)
            })
            .optional()?;
        let cipher = match sealed {
            Some(sealed) => StoreCipher::import_with_key(key.as_bytes(), &sealed)
                .map_err(|_| SearchError::WrongKey)?,
            None => {
                let cipher = StoreCipher::new().map_err(|e| SearchError::Store(e.to_string()))?;
                let sealed = cipher
                    .export_with_key(key.as_bytes())
                    .map_err(|e| SearchError::Store(e.to_string()))?;
                conn.execute(
                    "INSERT INTO meta (name, value) VALUES ('cipher', ?1)",
                    params![sealed],
                )?;
                cipher
            }
        };
        let derive = |label: &str| cipher.hash_key(label, b"innomed-search");
        Ok(Self {
            conn: Mutex::new(conn),
            seal: XChaCha20Poly1305::new(&derive("innomed-search-seal").into()),
            term_key: derive("innomed-search-term"),
            room_key: derive("innomed-search-room"),
            key_key: derive("innomed-search-key"),
            folder: Folder::default(),
        })
    }

    fn seal(&self, text: &IndexedText) -> Result<Vec<u8>, SearchError> {
        let plain = serde_json::to_vec(text).map_err(|e| SearchError::Store(e.to_string()))?;
        let nonce: [u8; NONCE] = rand::thread_rng().gen();
        let sealed = self
            .seal
            .encrypt(XNonce::from_slice(&nonce), plain.as_slice())
            .map_err(|_| SearchError::Store("sealing failed".into()))?;
        let mut out = Vec::with_capacity(NONCE + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    fn open_sealed(&self, sealed: &[u8]) -> Result<IndexedText, SearchError> {
        if sealed.len() < NONCE {
            return Err(SearchError::WrongKey);
        }
        let (nonce, body) = sealed.split_at(NONCE);
        let plain = self
            .seal
            .decrypt(XNonce::from_slice(nonce), body)
            .map_err(|_| SearchError::WrongKey)?;
        serde_json::from_slice(&plain).map_err(|e| SearchError::Store(e.to_string()))
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (every write is one
        // transaction): the connection is used again.
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn room_hash(&self, room_id: &str) -> Vec<u8> {
        blake3::keyed_hash(&self.room_key, room_id.as_bytes()).as_bytes()[..16].to_vec()
    }

    fn key_hash(&self, key: &str) -> Vec<u8> {
        blake3::keyed_hash(&self.key_key, key.as_bytes()).as_bytes()[..16].to_vec()
    }

    fn term_hash(&self, term: &str) -> String {
        hex::encode(&blake3::keyed_hash(&self.term_key, term.as_bytes()).as_bytes()[..8])
    }

    fn hashed_terms(&self, words: &[Word]) -> String {
        let mut out = String::with_capacity(words.len() * 17);
        for word in words {
            out.push_str(&self.term_hash(&word.term));
            out.push(' ');
        }
        out
    }

    /// Whether `key` (an event id, or a case's own entry) was indexed or set aside already.
    pub fn contains(&self, key: &str) -> Result<bool, SearchError> {
        let conn = self.conn();
        let found: Option<i64> = conn
            .prepare_cached("SELECT id FROM docs WHERE key = ?1")?
            .query_row(params![self.key_hash(key)], |r| r.get(0))
            .optional()?;
        Ok(found.is_some())
    }

    /// The text indexed under `key`, if any.
    pub fn get(&self, key: &str) -> Result<Option<IndexedText>, SearchError> {
        let sealed: Option<Option<Vec<u8>>> = self
            .conn()
            .query_row(
                "SELECT sealed FROM docs WHERE key = ?1",
                params![self.key_hash(key)],
                |r| r.get(0),
            )
            .optional()?;
        match sealed.flatten() {
            Some(sealed) => Ok(Some(self.open_sealed(&sealed)?)),
            None => Ok(None),
        }
    }

    /// Who wrote the text indexed under `key`.
    pub(crate) fn sender_of(&self, key: &str) -> Result<Option<String>, SearchError> {
        Ok(self.get(key)?.and_then(|t| t.sender))
    }

    /// Writes a batch in one transaction: each text replaces what its key held; a key without
    /// text is remembered as looked at (an event with nothing to find), so it is not read again.
    pub fn write(
        &self,
        room_id: &str,
        batch: &[(String, Option<IndexedText>)],
    ) -> Result<(), SearchError> {
        let room = self.room_hash(room_id);
        let mut prepared = Vec::with_capacity(batch.len());
        for (key, text) in batch {
            let entry = match text {
                Some(text) => Some((self.seal(text)?, {
                    // The words, then the date's words ("12 mars 2026 jeudi"), as one column.
                    let mut terms = self.hashed_terms(&self.folder.words(&text.text));
                    terms.push_str(
                        &self.hashed_terms(&self.folder.words(&date_words(text.timestamp_ms))),
                    );
                    terms
                })),
                None => None,
            };
            prepared.push((self.key_hash(key), entry));
        }
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for (key, entry) in prepared {
            forget_key(&tx, &key)?;
            match entry {
                Some((sealed, words)) => {
                    tx.prepare_cached("INSERT INTO docs (room, key, sealed) VALUES (?1, ?2, ?3)")?
                        .execute(params![room, key, sealed])?;
                    tx.prepare_cached("INSERT INTO terms (rowid, words) VALUES (?1, ?2)")?
                        .execute(params![tx.last_insert_rowid(), words])?;
                }
                None => {
                    tx.prepare_cached(
                        "INSERT INTO docs (room, key, sealed) VALUES (?1, ?2, NULL)",
                    )?
                    .execute(params![room, key])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Forgets one text (a redacted message).
    pub fn remove(&self, key: &str) -> Result<(), SearchError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        forget_key(&tx, &self.key_hash(key))?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets everything of a case (left, removed from it).
    pub fn remove_room(&self, room_id: &str) -> Result<(), SearchError> {
        let room = self.room_hash(room_id);
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        forget_rooms(&tx, std::slice::from_ref(&room))?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets every case but these (cases left while this device was off).
    pub fn retain_rooms(&self, room_ids: &[String]) -> Result<usize, SearchError> {
        let keep: std::collections::HashSet<Vec<u8>> =
            room_ids.iter().map(|r| self.room_hash(r)).collect();
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let known: Vec<Vec<u8>> = {
            let mut statement =
                tx.prepare("SELECT DISTINCT room FROM docs UNION SELECT room FROM rooms")?;
            let rows = statement.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let gone: Vec<Vec<u8>> = known.into_iter().filter(|r| !keep.contains(r)).collect();
        forget_rooms(&tx, &gone)?;
        tx.commit()?;
        Ok(gone.len())
    }

    /// Whether a case's whole history was read into the index once.
    pub fn is_complete(&self, room_id: &str) -> Result<bool, SearchError> {
        let complete: Option<i64> = self
            .conn()
            .query_row(
                "SELECT complete FROM rooms WHERE room = ?1",
                params![self.room_hash(room_id)],
                |r| r.get(0),
            )
            .optional()?;
        Ok(complete == Some(1))
    }

    pub fn set_complete(&self, room_id: &str) -> Result<(), SearchError> {
        self.conn().execute(
            "INSERT OR REPLACE INTO rooms (room, complete) VALUES (?1, 1)",
            params![self.room_hash(room_id)],
        )?;
        Ok(())
    }

    /// The texts matching every searchable word of `query`, best first (bm25 among the latest
    /// 2,000 matches written), at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Found>, SearchError> {
        let terms = query_terms(&self.folder, query)?;
        let expression = terms
            .iter()
            .map(|t| format!("\"{}\"", self.term_hash(t)))
            .collect::<Vec<_>>()
            .join(" AND ");
        let conn = self.conn();
        // Ranked (bm25) among the latest matching texts written, from the full-text index alone
        // (a word in a third of the texts would otherwise rank tens of thousands); only the best
        // rows are read and opened.
        let mut statement = conn.prepare_cached(
            "SELECT docs.sealed FROM
                (SELECT rowid, score FROM
                    (SELECT rowid, bm25(terms) AS score FROM terms WHERE terms MATCH ?1
                     ORDER BY rowid DESC LIMIT ?3)
                 ORDER BY score LIMIT ?2) AS best
             JOIN docs ON docs.id = best.rowid ORDER BY best.score",
        )?;
        let sealed: Vec<Vec<u8>> = statement
            .query_map(params![expression, limit as i64, RANKED_CANDIDATES], |r| {
                r.get(0)
            })?
            .collect::<Result<_, _>>()?;
        sealed
            .into_iter()
            .map(|sealed| {
                let text = self.open_sealed(&sealed)?;
                Ok(Found {
                    text,
                    terms: terms.clone(),
                })
            })
            .collect()
    }

    /// Merges the full-text index into one piece (after the first reading of many cases):
    /// queries then read one b-tree per term instead of one per batch written.
    pub fn optimize(&self) -> Result<(), SearchError> {
        self.conn()
            .execute("INSERT INTO terms (terms) VALUES ('optimize')", [])?;
        Ok(())
    }

    /// Texts indexed, and the file's size in bytes.
    pub fn size(&self) -> Result<(u64, u64), SearchError> {
        let conn = self.conn();
        let texts: i64 = conn.query_row(
            "SELECT count(*) FROM docs WHERE sealed IS NOT NULL",
            [],
            |r| r.get(0),
        )?;
        let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        Ok((texts.unsigned_abs(), (pages * page_size).unsigned_abs()))
    }
}

/// The distinct terms of a query, or why there is nothing to look for.
pub(crate) fn query_terms(folder: &Folder, query: &str) -> Result<Vec<String>, SearchError> {
    if query.chars().count() > super::MAX_QUERY_CHARS {
        return Err(SearchError::QueryTooLong);
    }
    let mut terms: Vec<String> = Vec::new();
    for word in folder.words(query) {
        if !terms.contains(&word.term) {
            terms.push(word.term);
        }
    }
    if terms.is_empty() {
        return Err(SearchError::NothingToSearch);
    }
    terms.truncate(MAX_QUERY_TERMS);
    Ok(terms)
}

/// The words a date is searched by, in Paris time: "12 mars 2026 jeudi 12/03/2026".
fn date_words(timestamp_ms: u64) -> String {
    if timestamp_ms == 0 {
        return String::new();
    }
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let t = ParisTime::from_unix_ms(i64::try_from(timestamp_ms).unwrap_or(i64::MAX));
    let month = MONTHS[usize::from(t.month.clamp(1, 12) - 1)];
    format!(
        "{} {month} {} {} {:02}/{:02}/{}",
        t.day,
        t.year,
        t.weekday.fr(),
        t.day,
        t.month,
        t.year
    )
}

fn forget_key(tx: &rusqlite::Transaction<'_>, key: &[u8]) -> rusqlite::Result<()> {
    let old: Option<(i64, bool)> = tx
        .prepare_cached("SELECT id, sealed IS NOT NULL FROM docs WHERE key = ?1")?
        .query_row(params![key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, indexed)) = old {
        if indexed {
            tx.prepare_cached("DELETE FROM terms WHERE rowid = ?1")?
                .execute(params![id])?;
        }
        tx.prepare_cached("DELETE FROM docs WHERE id = ?1")?
            .execute(params![id])?;
    }
    Ok(())
}

fn forget_rooms(tx: &rusqlite::Transaction<'_>, rooms: &[Vec<u8>]) -> rusqlite::Result<()> {
    for room in rooms {
        tx.execute(
            "DELETE FROM terms WHERE rowid IN
                (SELECT id FROM docs WHERE room = ?1 AND sealed IS NOT NULL)",
            params![room],
        )?;
        tx.execute("DELETE FROM docs WHERE room = ?1", params![room])?;
        tx.execute("DELETE FROM rooms WHERE room = ?1", params![room])?;
    }
    Ok(())
}

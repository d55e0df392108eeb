//! What an attacker holding the server's disk would see: helpers for tests
//! asserting that plaintext never reaches the homeserver.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};

use crate::util::contains_bytes;
use crate::{HarnessError, Homeserver, Result};

impl Homeserver {
    /// Does `needle` appear anywhere in the database: any text or blob value
    /// of any row of any table, or the raw bytes of `homeserver.db` and its
    /// `-wal` file (which also covers free pages and not yet checkpointed
    /// writes)?
    pub fn database_contains(&self, needle: &str) -> Result<bool> {
        let db = self.database_path();
        for raw in [db.clone(), suffixed(&db, "-wal")] {
            if file_contains(&raw, needle.as_bytes())? {
                return Ok(true);
            }
        }
        let conn = open_read_only(&db)?;
        let tables: Vec<(String, String)> = {
            let mut stmt = conn.prepare(
                "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' ORDER BY name",
            )?;
            let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (table, sql) in tables {
            // Full-text virtual tables keep their data in ordinary shadow
            // tables, which are scanned too.
            if sql
                .trim_start()
                .to_ascii_uppercase()
                .starts_with("CREATE VIRTUAL TABLE")
            {
                continue;
            }
            if table_contains(&conn, &table, needle)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Does `needle` appear in `homeserver.log` or Synapse's stdout/stderr?
    pub fn log_contains(&self, needle: &str) -> Result<bool> {
        for path in self.layout().log_files() {
            if file_contains(&path, needle.as_bytes())? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Does any file under the media store contain `needle`?
    pub fn media_store_contains(&self, needle: &[u8]) -> Result<bool> {
        for path in files_under(&self.media_store_path())? {
            if file_contains(&path, needle)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The files `user_id` uploaded, as Synapse keeps them: the content type it was given
    /// and the path of the stored bytes, oldest first.
    pub fn uploads_of(&self, user_id: &str) -> Result<Vec<Upload>> {
        let conn = open_read_only(&self.database_path())?;
        let mut stmt = conn.prepare(
            "SELECT media_id, coalesce(media_type, ''), media_length FROM local_media_repository \
             WHERE user_id = ?1 ORDER BY created_ts, media_id",
        )?;
        let rows = stmt.query_map([user_id], |row| {
            Ok((row.get::<_, String>(0)?, row.get(1)?, row.get::<_, i64>(2)?))
        })?;
        let media = self.media_store_path();
        let mut uploads = Vec::new();
        for row in rows {
            let (id, content_type, length) = row?;
            // Synapse's layout: local_content/ab/cd/efgh… for the media id abcdefgh….
            let path = match (id.get(..2), id.get(2..4), id.get(4..)) {
                (Some(a), Some(b), Some(rest)) => {
                    media.join("local_content").join(a).join(b).join(rest)
                }
                _ => continue,
            };
            uploads.push(Upload {
                media_id: id,
                content_type,
                length: u64::try_from(length).unwrap_or(0),
                path,
            });
        }
        Ok(uploads)
    }

    /// The accounts the homeserver keeps for a national id signing in with Pro Santé Connect
    /// (`user_external_ids`).
    pub fn accounts_of(&self, national_id: &str) -> Result<Vec<String>> {
        let conn = open_read_only(&self.database_path())?;
        let mut stmt = conn.prepare(
            "SELECT user_id FROM user_external_ids WHERE external_id = ?1 ORDER BY user_id",
        )?;
        let rows = stmt.query_map([national_id], |row| row.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored JSON of every event (`event_json.json`), oldest first.
    pub fn event_json_rows(&self) -> Result<Vec<String>> {
        let conn = open_read_only(&self.database_path())?;
        let mut stmt = conn.prepare("SELECT json FROM event_json ORDER BY rowid")?;
        let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// One file in the homeserver's media store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    pub media_id: String,
    /// What the uploading client declared.
    pub content_type: String,
    pub length: u64,
    /// Where Synapse keeps the bytes.
    pub path: PathBuf,
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// A missing file contains nothing.
/// Every file under `dir`, at any depth (none if `dir` does not exist): what a device or a
/// server keeps on its disk, to scan.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => continue,
            Err(e) => return Err(HarnessError::io_path("listing", &dir)(e)),
        };
        for entry in entries {
            let entry = entry.map_err(HarnessError::io_path("listing", &dir))?;
            let path = entry.path();
            let kind = entry
                .file_type()
                .map_err(HarnessError::io_path("inspecting", &path))?;
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                files.push(path);
            }
        }
    }
    Ok(files)
}

/// Does the file at `path` contain `needle` (byte-wise)? A file gone meanwhile does not.
pub fn file_contains(path: &Path, needle: &[u8]) -> Result<bool> {
    match fs::read(path) {
        Ok(bytes) => Ok(contains_bytes(&bytes, needle)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
        Err(e) => Err(HarnessError::io_path("reading", path)(e)),
    }
}

fn open_read_only(db: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(10))?;
    Ok(conn)
}

fn table_contains(conn: &Connection, table: &str, needle: &str) -> Result<bool> {
    let sql = format!("SELECT * FROM \"{}\"", table.replace('"', "\"\""));
    let mut stmt = conn.prepare(&sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        for i in 0..columns {
            let hit = match row.get_ref(i)? {
                ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
                    contains_bytes(bytes, needle.as_bytes())
                }
                ValueRef::Null | ValueRef::Integer(_) | ValueRef::Real(_) => false,
            };
            if hit {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

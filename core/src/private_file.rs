//! Files written for the doctor (reports, documents opened for the viewer, and the terminal
//! client's store key, sessions and decrypted photos): readable by their owner only, and
//! written atomically.

use std::{
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
    sync::atomic::{AtomicU32, Ordering},
};

/// Writes `bytes` to `path`, readable and writable by its owner only (0600 on Unix).
///
/// The bytes go into a new file beside `path` (created exclusively, so a name planted in a
/// shared folder, or a symbolic link, is never written through), which is then renamed over
/// `path`: a reader never sees half a file, and an older file's looser mode or other hard
/// links do not carry over. On failure the temporary file is removed and `path` is untouched.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (tmp, mut file) = create_temp_beside(path)?;
    let written = restrict(&file)
        .and_then(|()| file.write_all(bytes))
        .and_then(|()| file.sync_all());
    drop(file);
    match written.and_then(|()| fs::rename(&tmp, path)) {
        Ok(()) => {
            sync_parent(path);
            Ok(())
        }
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Creates `dir` and its missing parents; a folder created here is its owner's only (0700).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// A new, empty, owner-only file in `path`'s folder, under a name no one else chose.
fn create_temp_beside(path: &Path) -> io::Result<(PathBuf, fs::File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut last_error = None;
    for _ in 0..16 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".{}-{nanos:x}-{n}.part", std::process::id()));
        let tmp = folder.join(tmp_name);
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// 0600 whatever the umask did (it can only have removed bits, but say it outright).
fn restrict(file: &fs::File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Makes the rename durable (best effort: not every file system lets a folder be synced).
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent() {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(dir) = fs::File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::symlink_metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    /// Only `expected` is left in `dir`: no temporary file.
    fn only(dir: &Path, expected: &[&str]) {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort_unstable();
        assert_eq!(names, expected);
    }

    #[test]
    fn a_new_file_is_owner_only_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("photo.jpg");
        write_private(&path, b"\xFF\xD8\xFFjpeg").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"\xFF\xD8\xFFjpeg");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        only(dir.path(), &["photo.jpg"]);
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_world_readable_file_is_replaced_by_an_owner_only_one() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("photo.jpg");
        fs::write(&path, b"an older, longer file").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
        // A second name for the old file (e.g. a link someone else can read) keeps the old
        // bytes: the new ones are never written into that inode.
        let other = dir.path().join("hard-link");
        fs::hard_link(&path, &other).expect("link");
        write_private(&path, b"new").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"new");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(fs::read(&other).expect("read"), b"an older, longer file");
        only(dir.path(), &["hard-link", "photo.jpg"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_at_the_destination_is_replaced_not_followed() {
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("elsewhere");
        fs::write(&target, b"not yours to overwrite").expect("write");
        let path = dir.path().join("photo.jpg");
        std::os::unix::fs::symlink(&target, &path).expect("symlink");
        write_private(&path, b"photo").expect("write");
        assert_eq!(fs::read(&target).expect("read"), b"not yours to overwrite");
        assert!(fs::symlink_metadata(&path).expect("meta").is_file());
        assert_eq!(fs::read(&path).expect("read"), b"photo");
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("dir");
        let folder = dir.path().join("a-folder");
        fs::create_dir(&folder).expect("mkdir");
        assert!(write_private(&folder, b"photo").is_err());
        only(dir.path(), &["a-folder"]);
        assert!(write_private(&dir.path().join("missing/photo.jpg"), b"photo").is_err());
        only(dir.path(), &["a-folder"]);
    }
}

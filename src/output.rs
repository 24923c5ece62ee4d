//! Writing an output file atomically (`-o FILE`).
//!
//! A report changelog is often written over last run's copy, and a reader (a web server, a
//! CI step) may read it at any moment. So the bytes go to a temporary file in the same folder
//! (the same file system, so the final rename is atomic) and replace the target only once they
//! are all written and flushed. A failure anywhere leaves the old file as it was.

use std::io::{ErrorKind, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically. The error message names the path and is one line.
///
/// The new file keeps the old file's permissions, or gets `rw-r--r--` when it is new: a
/// temporary file is private (`rw-------`), which would be the wrong mode for a published
/// changelog.
///
/// A read-only target is refused, not replaced: renaming over a file needs only a writable
/// folder, so without this check `-o` would overwrite a file its owner protected. The check
/// reads the mode bits (no write bit for anyone) and, for other users' files, whether the file
/// opens for writing; the mode bits also hold for root, whom the system lets write anything.
/// Errors name the user's path and folder, never the temporary file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
    if path.is_dir() {
        return Err(fail(&"is a directory"));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(fail(&format!("{} is not a folder", dir.display()))),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(fail(&format!("folder {} does not exist", dir.display())));
        }
        Err(e) => return Err(fail(&format!("folder {}: {e}", dir.display()))),
    }
    let existing = std::fs::metadata(path).ok();
    if let Some(m) = &existing {
        let denied = || {
            std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .is_err_and(|e| e.kind() == ErrorKind::PermissionDenied)
        };
        if m.permissions().readonly() || denied() {
            return Err(fail(
                &"the file is read-only; make it writable to let yoydiff replace it",
            ));
        }
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".yoydiff-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| match e.kind() {
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                fail(&format!("folder {} is not writable", dir.display()))
            }
            // tempfile's message names its temporary file, which the user never asked for.
            kind => fail(&std::io::Error::from(kind)),
        })?;
    // Through the `File`, whose errors carry no temporary path.
    let file = tmp.as_file_mut();
    file.write_all(bytes).map_err(|e| fail(&e))?;
    file.sync_all().map_err(|e| fail(&e))?;
    let permissions = match existing {
        Some(m) => Some(m.permissions()),
        None => default_permissions(),
    };
    if let Some(p) = permissions {
        file.set_permissions(p).map_err(|e| fail(&e))?;
    }
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_path_and_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/out.md");
        let err = write_atomically(&path, b"x").unwrap_err();
        assert_eq!(
            err,
            format!(
                "cannot write {}: folder {} does not exist",
                path.display(),
                dir.path().join("no/such").display()
            )
        );
    }

    #[test]
    fn a_file_in_place_of_the_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes"), "x").unwrap();
        let path = dir.path().join("notes/out.md");
        let err = write_atomically(&path, b"x").unwrap_err();
        assert!(err.ends_with("notes is not a folder"), "{err}");
        assert!(!err.contains(".yoydiff-"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_not_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_atomically(&path, b"new").unwrap_err();
        assert!(err.contains("read-only") && !err.contains('\n'), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

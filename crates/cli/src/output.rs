//! Writing a result file whole or not at all: a temporary file beside the
//! target, then a rename (or a hard link, when an existing file must be
//! kept), so that a failure (a full disk, a picture too large to draw, a
//! crash) never leaves half a file where the last good one was. Every
//! command that writes a file goes through here; and standard output whose
//! reader went away, which is no failure of the command.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// A temporary file beside `path`, in the same folder so that the rename
/// stays on one file system.
fn temporary(path: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .with_context(|| format!("`{}` has no file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.retroplan-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    Ok((dir.to_path_buf(), tmp))
}

fn write_synced(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::File::create(tmp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes `bytes` to `path`, replacing what is there in one rename. A
/// symbolic link is followed (the file it points to is replaced, the link
/// stays), and an existing file keeps its permissions.
pub fn replace_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let (_, tmp) = temporary(&target)?;
    let written = (|| -> std::io::Result<()> {
        write_synced(&tmp, bytes)?;
        if let Ok(meta) = std::fs::metadata(&target) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, &target)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.with_context(|| format!("cannot write {}", path.display()))
}

/// Writes `bytes` to `path`; an existing file is replaced only with
/// `replace`, else the write fails and the file is kept.
pub fn write_file(path: &Path, bytes: &[u8], replace: bool) -> anyhow::Result<()> {
    if replace {
        return replace_file(path, bytes);
    }
    let (_, tmp) = temporary(path)?;
    let written = write_synced(&tmp, bytes).and_then(|()| {
        // hard_link fails if the target exists: no window where a file
        // created meanwhile would be replaced.
        std::fs::hard_link(&tmp, path).or_else(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Err(e)
            } else {
                // A file system without hard links.
                std::fs::copy(&tmp, path).map(|_| ())
            }
        })
    });
    let _ = std::fs::remove_file(&tmp);
    written.with_context(|| format!("cannot write {}", path.display()))
}

/// `result`, unless it failed because the reader of standard output went
/// away (`| head -1`): what was written is all they wanted, and the
/// command's answer, its exit code, still stands.
pub fn unless_closed_pipe(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
